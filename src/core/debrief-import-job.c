/* debrief-import-job.c
 *
 * Imports a queue of files, folders and pasted bytes into an incident
 * document in a worker thread.  The thread imports each item into the
 * document's working copy; the main context adds it to the document,
 * so that each item is one undoable edit and what was imported stays
 * when a later item fails or the job is cancelled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-import-job"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "debrief-import-job.h"
#include "debrief-chat-import.h"

/* Folders inside folders are followed this deep, no deeper. */
#define MAX_FOLDER_DEPTH 8

typedef struct
{
  GFile   *file;
  GBytes  *bytes;
  char    *name;
  guint64  size;
  gboolean named;     /* @name was given, not queried */
  gboolean resolved;  /* name, size and type known */
  gboolean is_folder;
} Item;

typedef struct
{
  DebriefImportJob *job;
  GFile            *file;
  char             *name;
  DebriefEvidence  *evidence;
  char             *warning;
  GError           *error;
} Outcome;

struct _DebriefImportJob
{
  GObject                parent_instance;

  DebriefDocument       *document;
  DebriefEvidenceSource *source;
  DebriefImportOptions   options;
  GDateTime             *boot_time;
  char                  *title;
  gboolean               expand_folders;

  GMainContext          *context;
  GCancellable          *cancellable;
  GCancellable          *caller_cancellable;
  gulong                 caller_handler;
  gboolean               started;
  gboolean               abandoned;

  GMutex                 lock;
  GQueue                 queue;            /* of Item, under lock */
  guint64                total;            /* under lock */
  guint64                done;             /* under lock */
  guint64                item_done;        /* under lock */
  char                  *current;          /* under lock */
  guint                  n_items;          /* under lock */
  guint                  n_finished;       /* under lock */
  gboolean               finished;         /* under lock: the thread took its last item */
  gboolean               publish_pending;  /* under lock */

  /* Main context only: what the properties say. */
  gboolean               importing;
  double                 fraction;
  char                  *current_item;
  guint                  pub_n_items;
  guint                  pub_n_finished;
  guint                  n_imported;
  guint                  n_failed;
};

G_DEFINE_FINAL_TYPE (DebriefImportJob, debrief_import_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_EXPAND_FOLDERS,
  PROP_IMPORTING,
  PROP_FRACTION,
  PROP_CURRENT_ITEM,
  PROP_N_ITEMS,
  PROP_N_FINISHED,
  PROP_N_IMPORTED,
  PROP_N_FAILED,
  N_PROPS
};

enum {
  ITEM_DONE,
  ITEM_FAILED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
item_free (gpointer data)
{
  Item *item = data;

  if (item == NULL)
    return;

  g_clear_object (&item->file);
  g_clear_pointer (&item->bytes, g_bytes_unref);
  g_free (item->name);
  g_free (item);
}

static void
outcome_free (gpointer data)
{
  Outcome *outcome = data;

  g_clear_object (&outcome->job);
  g_clear_object (&outcome->file);
  g_clear_object (&outcome->evidence);
  g_free (outcome->name);
  g_free (outcome->warning);
  g_clear_error (&outcome->error);
  g_free (outcome);
}

/* --- What the main context sees ---------------------------------------- */

static void
set_importing (DebriefImportJob *self,
               gboolean          importing)
{
  if (self->importing == importing)
    return;

  self->importing = importing;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IMPORTING]);
}

/* Copies the thread's state into the properties, notifying what changed. */
static void
publish (DebriefImportJob *self)
{
  g_autofree char *current = NULL;
  double fraction = 0;
  guint n_items, n_finished;

  g_mutex_lock (&self->lock);
  self->publish_pending = FALSE;
  if (self->total > 0)
    fraction = (double) MIN (self->done + self->item_done, self->total) / (double) self->total;
  current = g_strdup (self->current);
  n_items = self->n_items;
  n_finished = self->n_finished;
  g_mutex_unlock (&self->lock);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->fraction != fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FRACTION]);
    }
  if (g_strcmp0 (self->current_item, current) != 0)
    {
      g_free (self->current_item);
      self->current_item = g_steal_pointer (&current);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT_ITEM]);
    }
  if (self->pub_n_items != n_items)
    {
      self->pub_n_items = n_items;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
    }
  if (self->pub_n_finished != n_finished)
    {
      self->pub_n_finished = n_finished;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_FINISHED]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
publish_cb (gpointer data)
{
  publish (data);

  return G_SOURCE_REMOVE;
}

/* Any thread: one update of the properties is pending at a time, however
 * often the importer reports its progress. */
static void
schedule_publish (DebriefImportJob *self)
{
  gboolean schedule;

  g_mutex_lock (&self->lock);
  schedule = !self->publish_pending && self->context != NULL;
  self->publish_pending = TRUE;
  g_mutex_unlock (&self->lock);

  if (schedule)
    g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, publish_cb,
                                g_object_ref (self), g_object_unref);
}

static void
fail (DebriefImportJob *self,
      GFile            *file,
      const char       *name,
      const GError     *error)
{
  self->n_failed++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_FAILED]);
  g_signal_emit (self, signals [ITEM_FAILED], 0, file, name, error);
}

/* On the main context, in the order the thread finished the items. */
static gboolean
deliver_cb (gpointer data)
{
  Outcome *outcome = data;
  DebriefImportJob *self = outcome->job;
  g_autoptr(GError) error = NULL;

  publish (self);

  if (outcome->evidence != NULL)
    {
      if (self->abandoned || debrief_document_get_read_only (self->document))
        {
          debrief_evidence_source_discard (self->source, outcome->evidence);
          g_set_error_literal (&error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_READ_ONLY,
                               _("The incident was closed or made read-only during the import."));
          fail (self, outcome->file, outcome->name, error);
        }
      else if (!debrief_evidence_add_to_document (self->document, outcome->evidence, &error))
        {
          debrief_evidence_source_discard (self->source, outcome->evidence);
          fail (self, outcome->file, outcome->name, error);
        }
      else
        {
          self->n_imported++;
          g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_IMPORTED]);
          g_signal_emit (self, signals [ITEM_DONE], 0, outcome->evidence, outcome->name, outcome->warning);
        }
    }
  else if (outcome->error != NULL && !g_error_matches (outcome->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    fail (self, outcome->file, outcome->name, outcome->error);

  return G_SOURCE_REMOVE;
}

static gboolean
finished_cb (gpointer data)
{
  DebriefImportJob *self = data;

  publish (self);
  set_importing (self, FALSE);

  return G_SOURCE_REMOVE;
}

/* --- The thread -------------------------------------------------------- */

static void
deliver (DebriefImportJob *self,
         Item             *item,
         Outcome          *outcome)
{
  outcome->job = g_object_ref (self);
  outcome->file = item->file ? g_object_ref (item->file) : NULL;
  outcome->name = g_strdup (item->name);
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, deliver_cb, outcome, outcome_free);
}

static void
resolve (Item         *item,
         GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;

  if (item->resolved)
    return;
  item->resolved = TRUE;
  if (item->file == NULL)
    return;

  info = g_file_query_info (item->file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info == NULL)
    return;

  item->size = (guint64) g_file_info_get_size (info);
  item->is_folder = g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY;
  if (!item->named)
    {
      g_free (item->name);
      item->name = g_strdup (g_file_info_get_display_name (info));
    }
}

/* Names, sizes and types of what was queued since the last look: the
 * total for the progress is known before the first byte is read. */
static void
resolve_queue (DebriefImportJob *self,
               GCancellable     *cancellable)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();

  g_mutex_lock (&self->lock);
  for (GList *l = self->queue.head; l != NULL; l = l->next)
    if (!((Item *) l->data)->resolved)
      g_ptr_array_add (pending, l->data);
  g_mutex_unlock (&self->lock);

  /* Only this thread takes items off the queue: the pointers stay good. */
  for (guint i = 0; i < pending->len; i++)
    {
      Item *item = g_ptr_array_index (pending, i);
      Item copy = *item;

      copy.name = g_strdup (item->name);
      copy.resolved = FALSE;
      resolve (&copy, cancellable);

      g_mutex_lock (&self->lock);
      g_free (item->name);
      item->name = copy.name;
      item->size = copy.size;
      item->is_folder = copy.is_folder;
      item->resolved = TRUE;
      self->total += item->size;
      g_mutex_unlock (&self->lock);
    }
}

/* In the order people sort names, ties broken byte by byte so that the
 * order never depends on the listing's. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const char *name_a = *(const char * const *) a;
  const char *name_b = *(const char * const *) b;
  int order = g_utf8_collate (name_a, name_b);

  return order != 0 ? order : strcmp (name_a, name_b);
}

static void
expand_folder (GFile        *folder,
               GPtrArray    *files,
               guint         depth,
               GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GFileInfo *info;

  if (depth > MAX_FOLDER_DEPTH)
    return;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  if (children == NULL)
    return;

  while (g_file_enumerator_iterate (children, &info, NULL, cancellable, NULL) && info != NULL)
    if (!g_file_info_get_is_hidden (info) &&
        (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR ||
         g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY))
      g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));

  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) child = g_file_get_child (folder, g_ptr_array_index (names, i));

      if (g_file_query_file_type (child, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable) == G_FILE_TYPE_DIRECTORY &&
          !debrief_slack_is_export_folder (child, cancellable))
        expand_folder (child, files, depth + 1, cancellable);
      else
        g_ptr_array_add (files, g_object_ref (child));
    }
}

/* A folder's files join the queue, in name order, at its place. */
static void
expand_item (DebriefImportJob *self,
             Item             *item,
             GCancellable     *cancellable)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  Outcome *outcome = g_new0 (Outcome, 1);

  expand_folder (item->file, files, 0, cancellable);
  for (guint i = files->len; i-- > 0;)
    {
      Item *child = g_new0 (Item, 1);

      child->file = g_object_ref (g_ptr_array_index (files, i));
      child->name = g_file_get_basename (child->file);
      child->named = TRUE;
      resolve (child, cancellable);

      g_mutex_lock (&self->lock);
      self->total += child->size;
      self->n_items++;
      g_queue_push_head (&self->queue, child);
      g_mutex_unlock (&self->lock);
    }

  g_mutex_lock (&self->lock);
  self->done += item->size;
  self->n_finished++;
  g_mutex_unlock (&self->lock);

  if (files->len == 0)
    g_set_error_literal (&outcome->error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_EMPTY,
                         _("The folder holds no files to import."));
  deliver (self, item, outcome);
}

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  DebriefImportJob *self = user_data;

  g_mutex_lock (&self->lock);
  self->item_done = done;
  g_mutex_unlock (&self->lock);
  schedule_publish (self);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  DebriefImportJob *self = source_object;
  const DebriefImportOptions *options = self->options.has_kind || self->options.has_clock_offset ||
                                        self->options.boot_time || self->options.title ? &self->options : NULL;

  while (TRUE)
    {
      Item *item;
      Outcome *outcome;

      if (!g_cancellable_is_cancelled (cancellable))
        resolve_queue (self, cancellable);

      g_mutex_lock (&self->lock);
      item = g_queue_pop_head (&self->queue);
      if (item != NULL)
        {
          g_free (self->current);
          self->current = g_strdup (item->name);
          self->item_done = 0;
        }
      else
        self->finished = TRUE;
      g_mutex_unlock (&self->lock);

      if (item == NULL)
        break;
      schedule_publish (self);

      if (item->file != NULL && item->is_folder && self->expand_folders &&
          !g_cancellable_is_cancelled (cancellable) &&
          !debrief_slack_is_export_folder (item->file, cancellable))
        {
          expand_item (self, item, cancellable);
          item_free (item);
          continue;
        }

      outcome = g_new0 (Outcome, 1);
      if (g_cancellable_is_cancelled (cancellable))
        g_set_error_literal (&outcome->error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The import was cancelled."));
      else if (item->bytes != NULL)
        outcome->evidence = debrief_evidence_import_bytes (self->source, item->bytes, item->name, options,
                                                           &outcome->warning, cancellable, &outcome->error);
      else
        outcome->evidence = debrief_evidence_import_file (self->source, item->file, options, progress_cb, self,
                                                          &outcome->warning, cancellable, &outcome->error);

      g_mutex_lock (&self->lock);
      self->done += item->size;
      self->item_done = 0;
      self->n_finished++;
      g_mutex_unlock (&self->lock);

      deliver (self, item, outcome);
      item_free (item);
    }

  /* Queued after every outcome: the properties settle before the
   * caller's callback, which the task queues next. */
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, finished_cb,
                              g_object_ref (self), g_object_unref);
  g_task_return_boolean (task, TRUE);
}

/* --- Public API -------------------------------------------------------- */

DebriefImportJob *
debrief_import_job_new (DebriefDocument            *document,
                        const DebriefImportOptions *options)
{
  DebriefImportJob *self;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), NULL);

  self = g_object_new (DEBRIEF_TYPE_IMPORT_JOB, "document", document, NULL);
  if (options != NULL)
    {
      self->options = *options;
      self->boot_time = options->boot_time ? g_date_time_ref (options->boot_time) : NULL;
      self->title = g_strdup (options->title);
      self->options.boot_time = self->boot_time;
      self->options.title = self->title;
    }

  return self;
}

DebriefDocument *
debrief_import_job_get_document (DebriefImportJob *self)
{
  g_return_val_if_fail (DEBRIEF_IS_IMPORT_JOB (self), NULL);

  return self->document;
}

gboolean
debrief_import_job_get_expand_folders (DebriefImportJob *self)
{
  g_return_val_if_fail (DEBRIEF_IS_IMPORT_JOB (self), FALSE);

  return self->expand_folders;
}

void
debrief_import_job_set_expand_folders (DebriefImportJob *self,
                                       gboolean          expand_folders)
{
  g_return_if_fail (DEBRIEF_IS_IMPORT_JOB (self));
  g_return_if_fail (!self->started);

  expand_folders = !!expand_folders;
  if (self->expand_folders == expand_folders)
    return;

  self->expand_folders = expand_folders;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXPAND_FOLDERS]);
}

static gboolean
add_item (DebriefImportJob *self,
          Item             *item)
{
  gboolean added = FALSE;

  g_mutex_lock (&self->lock);
  if (!self->finished)
    {
      self->n_items++;
      if (item->resolved)
        self->total += item->size;
      g_queue_push_tail (&self->queue, item);
      added = TRUE;
    }
  g_mutex_unlock (&self->lock);

  if (!added)
    {
      item_free (item);
      return FALSE;
    }

  if (self->started)
    schedule_publish (self);
  else
    publish (self);

  return TRUE;
}

gboolean
debrief_import_job_add_file (DebriefImportJob *self,
                             GFile            *file,
                             const char       *name)
{
  Item *item;

  g_return_val_if_fail (DEBRIEF_IS_IMPORT_JOB (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  item = g_new0 (Item, 1);
  item->file = g_object_ref (file);
  item->named = name != NULL;
  item->name = name ? g_strdup (name) : g_file_get_basename (file);

  return add_item (self, item);
}

gboolean
debrief_import_job_add_bytes (DebriefImportJob *self,
                              GBytes           *bytes,
                              const char       *name)
{
  Item *item;

  g_return_val_if_fail (DEBRIEF_IS_IMPORT_JOB (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  item = g_new0 (Item, 1);
  item->bytes = g_bytes_ref (bytes);
  item->name = g_strdup (name);
  item->named = TRUE;
  item->resolved = TRUE;
  item->size = g_bytes_get_size (bytes);

  return add_item (self, item);
}

static void
caller_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

void
debrief_import_job_run_async (DebriefImportJob    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DEBRIEF_IS_IMPORT_JOB (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (!self->started);

  self->started = TRUE;
  self->context = g_main_context_ref_thread_default ();
  if (cancellable != NULL)
    {
      self->caller_cancellable = g_object_ref (cancellable);
      self->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                    g_object_ref (self->cancellable), g_object_unref);
    }

  set_importing (self, TRUE);
  publish (self);

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_import_job_run_async);
  g_task_run_in_thread (task, run_thread);
}

gboolean
debrief_import_job_run_finish (DebriefImportJob  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (DEBRIEF_IS_IMPORT_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == debrief_import_job_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
debrief_import_job_cancel (DebriefImportJob *self)
{
  g_return_if_fail (DEBRIEF_IS_IMPORT_JOB (self));

  g_cancellable_cancel (self->cancellable);
}

void
debrief_import_job_abandon (DebriefImportJob *self)
{
  g_return_if_fail (DEBRIEF_IS_IMPORT_JOB (self));

  self->abandoned = TRUE;
}

gboolean
debrief_import_job_get_importing (DebriefImportJob *self)
{
  g_return_val_if_fail (DEBRIEF_IS_IMPORT_JOB (self), FALSE);

  return self->importing;
}

double
debrief_import_job_get_fraction (DebriefImportJob *self)
{
  g_return_val_if_fail (DEBRIEF_IS_IMPORT_JOB (self), 0);

  return self->fraction;
}

const char *
debrief_import_job_get_current_item (DebriefImportJob *self)
{
  g_return_val_if_fail (DEBRIEF_IS_IMPORT_JOB (self), NULL);

  return self->current_item;
}

guint
debrief_import_job_get_n_items (DebriefImportJob *self)
{
  g_return_val_if_fail (DEBRIEF_IS_IMPORT_JOB (self), 0);

  return self->pub_n_items;
}

guint
debrief_import_job_get_n_finished (DebriefImportJob *self)
{
  g_return_val_if_fail (DEBRIEF_IS_IMPORT_JOB (self), 0);

  return self->pub_n_finished;
}

guint
debrief_import_job_get_n_imported (DebriefImportJob *self)
{
  g_return_val_if_fail (DEBRIEF_IS_IMPORT_JOB (self), 0);

  return self->n_imported;
}

guint
debrief_import_job_get_n_failed (DebriefImportJob *self)
{
  g_return_val_if_fail (DEBRIEF_IS_IMPORT_JOB (self), 0);

  return self->n_failed;
}

/* --- GObject ----------------------------------------------------------- */

static void
debrief_import_job_constructed (GObject *object)
{
  DebriefImportJob *self = DEBRIEF_IMPORT_JOB (object);

  G_OBJECT_CLASS (debrief_import_job_parent_class)->constructed (object);

  g_assert (self->document != NULL);
  self->source = debrief_evidence_source_new (self->document);
}

static void
debrief_import_job_dispose (GObject *object)
{
  DebriefImportJob *self = DEBRIEF_IMPORT_JOB (object);

  if (self->caller_cancellable != NULL)
    g_cancellable_disconnect (self->caller_cancellable, self->caller_handler);
  self->caller_handler = 0;
  g_clear_object (&self->caller_cancellable);

  G_OBJECT_CLASS (debrief_import_job_parent_class)->dispose (object);
}

static void
debrief_import_job_finalize (GObject *object)
{
  DebriefImportJob *self = DEBRIEF_IMPORT_JOB (object);

  g_queue_clear_full (&self->queue, item_free);
  g_mutex_clear (&self->lock);
  g_clear_pointer (&self->source, debrief_evidence_source_free);
  g_clear_object (&self->document);
  g_clear_pointer (&self->boot_time, g_date_time_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->cancellable);
  g_free (self->title);
  g_free (self->current);
  g_free (self->current_item);

  G_OBJECT_CLASS (debrief_import_job_parent_class)->finalize (object);
}

static void
debrief_import_job_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DebriefImportJob *self = DEBRIEF_IMPORT_JOB (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_EXPAND_FOLDERS:
      g_value_set_boolean (value, self->expand_folders);
      break;

    case PROP_IMPORTING:
      g_value_set_boolean (value, self->importing);
      break;

    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;

    case PROP_CURRENT_ITEM:
      g_value_set_string (value, self->current_item);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->pub_n_items);
      break;

    case PROP_N_FINISHED:
      g_value_set_uint (value, self->pub_n_finished);
      break;

    case PROP_N_IMPORTED:
      g_value_set_uint (value, self->n_imported);
      break;

    case PROP_N_FAILED:
      g_value_set_uint (value, self->n_failed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_import_job_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DebriefImportJob *self = DEBRIEF_IMPORT_JOB (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_EXPAND_FOLDERS:
      debrief_import_job_set_expand_folders (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_import_job_class_init (DebriefImportJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = debrief_import_job_constructed;
  object_class->dispose = debrief_import_job_dispose;
  object_class->finalize = debrief_import_job_finalize;
  object_class->get_property = debrief_import_job_get_property;
  object_class->set_property = debrief_import_job_set_property;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         DEBRIEF_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_EXPAND_FOLDERS] =
    g_param_spec_boolean ("expand-folders", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_IMPORTING] =
    g_param_spec_boolean ("importing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL,
                         0, 1, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CURRENT_ITEM] =
    g_param_spec_string ("current-item", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_N_FINISHED] =
    g_param_spec_uint ("n-finished", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_N_IMPORTED] =
    g_param_spec_uint ("n-imported", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_N_FAILED] =
    g_param_spec_uint ("n-failed", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* An item was imported and added to the document: @evidence, the
   * item's name, and what could not be read in it (nullable). */
  signals [ITEM_DONE] =
    g_signal_new ("item-done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, DEBRIEF_TYPE_EVIDENCE, G_TYPE_STRING, G_TYPE_STRING);
  /* An item was not imported: its file (NULL for bytes), its name, why.
   * Items left by a cancel are not reported. */
  signals [ITEM_FAILED] =
    g_signal_new ("item-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_FILE, G_TYPE_STRING, G_TYPE_ERROR);
}

static void
debrief_import_job_init (DebriefImportJob *self)
{
  g_mutex_init (&self->lock);
  g_queue_init (&self->queue);
  self->expand_folders = TRUE;
  self->cancellable = g_cancellable_new ();
}
