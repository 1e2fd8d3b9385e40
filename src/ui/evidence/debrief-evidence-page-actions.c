/* debrief-evidence-page-actions.c
 *
 * The Evidence view's actions on files: importing (by the file chooser,
 * a drop or a paste) through an import job, saving a copy, opening an
 * item outside, moving and removing items.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-evidence-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "debrief-evidence-page-private.h"

#include "debrief-evidence-store.h"
#include "debrief-text.h"

/* --- Saving a copy, opening outside ----------------------------------- */

typedef struct
{
  DebriefEvidenceSource *source;
  char                  *uuid;
  GFile                 *file;
  gboolean               launch;
} WriteJob;

static void
write_job_free (gpointer data)
{
  WriteJob *job = data;

  debrief_evidence_source_free (job->source);
  g_free (job->uuid);
  g_clear_object (&job->file);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (job->file);

  if (parent != NULL)
    g_file_make_directory_with_parents (parent, cancellable, NULL);

  if (debrief_evidence_source_write_to_file (job->source, job->uuid, job->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (object);
  WriteJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      _debrief_evidence_page_show_error (self, _("The Evidence Could Not Be Written"), error->message);
      return;
    }

  if (job->launch)
    {
      g_autofree char *uri = g_file_get_uri (job->file);
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
    }
  else
    _debrief_evidence_page_add_toast (self, _("Copy saved"), FALSE);
}

static void
write_current (DebriefEvidencePage *self,
               GFile               *file,
               gboolean             launch)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, write_done_cb, NULL);
  WriteJob *job = g_new0 (WriteJob, 1);

  job->source = debrief_evidence_source_new (self->document);
  job->uuid = g_strdup (debrief_record_get_uuid (DEBRIEF_RECORD (self->current)));
  job->file = g_object_ref (file);
  job->launch = launch;
  g_task_set_task_data (task, job, write_job_free);
  g_task_set_source_tag (task, write_current);
  g_task_run_in_thread (task, write_thread);
}

static char *
safe_file_name (DebriefEvidence *evidence)
{
  const char *name = debrief_evidence_get_original_name (evidence);
  g_autofree char *base = NULL;

  if (name == NULL || *name == '\0')
    name = debrief_evidence_get_title (evidence);
  base = g_path_get_basename (name);
  g_strdelimit (base, "/\\", '_');
  if (*base == '\0' || g_str_equal (base, ".") || g_str_equal (base, ".."))
    return g_strdup ("evidence");

  return g_steal_pointer (&base);
}

static void
open_external_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (widget);
  g_autofree char *name = NULL;
  g_autoptr(GFile) file = NULL;

  if (self->current == NULL)
    return;

  /* A copy of its own for the other application: the incident's content
   * stays as it was, whatever that application does with the file. */
  name = safe_file_name (self->current);
  file = g_file_new_build_filename (g_get_user_cache_dir (), "debrief", "opened",
                                    debrief_record_get_uuid (DEBRIEF_RECORD (self->current)), name, NULL);
  write_current (self, file, TRUE);
}

static void
save_copy_response_cb (GtkNativeDialog     *chooser,
                       int                  response,
                       DebriefEvidencePage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->current != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    write_current (self, file, FALSE);

  g_object_unref (chooser);
}

/* A modal file chooser over the page's window; its response handler
 * unrefs it. */
static GtkFileChooserNative *
new_chooser (DebriefEvidencePage  *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  return chooser;
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (widget);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->current == NULL)
    return;

  name = safe_file_name (self->current);
  chooser = new_chooser (self, _("Save a Copy of the Evidence"),
                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_copy_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- Order and removal ------------------------------------------------ */

static void
move (DebriefEvidencePage *self,
      int                  step)
{
  GListModel *list = debrief_document_get_records (self->document, DEBRIEF_TYPE_EVIDENCE);
  guint position = gtk_single_selection_get_selected (self->selection);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (list);
  guint other;

  if (self->current == NULL || position == GTK_INVALID_LIST_POSITION || !_debrief_evidence_page_writable (self))
    return;
  if ((step < 0 && position == 0) || (step > 0 && position + 1 >= n))
    return;
  other = (guint) ((int) position + step);

  /* Positions are made distinct first, so that a swap always moves. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));
  g_ptr_array_index (items, position) = g_ptr_array_index (items, other);
  g_ptr_array_index (items, other) = g_object_ref (self->current);
  g_object_unref (self->current);

  debrief_document_begin_group (self->document);
  for (guint i = 0; i < n; i++)
    if (debrief_evidence_get_position (g_ptr_array_index (items, i)) != (gint64) i)
      debrief_evidence_set_position (g_ptr_array_index (items, i), (gint64) i);
  debrief_document_end_group (self->document);

  /* The list model reorders by position; the item stays selected. */
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DebriefEvidence) item = g_list_model_get_item (list, i);

      if (item == self->current)
        gtk_single_selection_set_selected (self->selection, i);
    }
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (DEBRIEF_EVIDENCE_PAGE (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move (DEBRIEF_EVIDENCE_PAGE (widget), 1);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (widget);
  g_autoptr(DebriefEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (self->current == NULL || !_debrief_evidence_page_writable (self))
    return;

  evidence = g_object_ref (self->current);
  if (!debrief_document_remove (self->document, DEBRIEF_RECORD (evidence), &error))
    {
      _debrief_evidence_page_show_error (self, _("The Evidence Was Not Removed"), error->message);
      return;
    }

  /* Translators: a toast after removing evidence, %s is its title. */
  title = g_strdup_printf (_("“%s” removed"), debrief_evidence_get_title (evidence));
  _debrief_evidence_page_add_toast (self, title, TRUE);
}

/* --- Import ----------------------------------------------------------- */

/* One import job and what it reported, for the summary at its end. */
typedef struct
{
  DebriefEvidencePage *self;
  DebriefImportJob    *job;
  GPtrArray           *failures;
  GPtrArray           *remarks;
} ImportRun;

static void
import_run_free (ImportRun *run)
{
  g_signal_handlers_disconnect_by_data (run->job, run);
  g_clear_object (&run->job);
  g_clear_object (&run->self);
  g_ptr_array_unref (run->failures);
  g_ptr_array_unref (run->remarks);
  g_free (run);
}

static void
import_item_done_cb (DebriefImportJob *job,
                     DebriefEvidence  *evidence,
                     const char       *name,
                     const char       *warning,
                     ImportRun        *run)
{
  if (warning != NULL)
    g_ptr_array_add (run->remarks, g_strdup_printf ("%s: %s", name, warning));
  if (debrief_import_job_get_n_imported (job) == 1)
    debrief_evidence_page_select (run->self, evidence);
}

static void
import_item_failed_cb (DebriefImportJob *job,
                       GFile            *file,
                       const char       *name,
                       const GError     *error,
                       ImportRun        *run)
{
  g_ptr_array_add (run->failures, g_strdup_printf ("%s: %s", name, error->message));
}

static void
update_progress (DebriefEvidencePage *self)
{
  DebriefImportJob *job = self->import_job;
  const char *current;
  g_autofree char *label = NULL;
  guint n_items;

  if (job == NULL)
    return;

  current = debrief_import_job_get_current_item (job);
  n_items = debrief_import_job_get_n_items (job);
  /* Translators: the file being imported, and how many of how many */
  label = g_strdup_printf (_("Importing %s (%u of %u)"), current ? current : "…",
                           MIN (debrief_import_job_get_n_finished (job) + 1, n_items), n_items);
  gtk_progress_bar_set_fraction (self->progress_bar, debrief_import_job_get_fraction (job));
  gtk_label_set_label (self->progress_label, label);
}

static void
clear_import_job (DebriefEvidencePage *self)
{
  if (self->import_job == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->import_job, self);
  g_clear_object (&self->import_job);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportRun *run = user_data;
  DebriefEvidencePage *self = run->self;
  DebriefImportJob *job = DEBRIEF_IMPORT_JOB (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = NULL;
  gboolean cancelled;
  guint n_imported = debrief_import_job_get_n_imported (job);

  cancelled = !debrief_import_job_run_finish (job, result, &error) &&
              g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Each item's outcome came before this: the job delivers them first. */
  if (job == self->import_job)
    {
      clear_import_job (self);
      gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
      _debrief_evidence_page_notify_importing (self);
      _debrief_evidence_page_update_actions (self);
    }

  if (run->failures->len == 0 && run->remarks->len == 0)
    {
      g_autofree char *title = NULL;
      g_autofree char *count = debrief_text_format_count (n_imported);

      if (cancelled)
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import cancelled; %s file was imported",
                                              "Import cancelled; %s files were imported", n_imported),
                                 count);
      else if (n_imported > 0)
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s file imported", "%s files imported", n_imported),
                                 count);
      if (title != NULL)
        _debrief_evidence_page_add_toast (self, title, FALSE);
      import_run_free (run);
      return;
    }

  body = g_string_new (NULL);
  if (run->failures->len > 0)
    {
      g_string_append (body, g_dngettext (GETTEXT_PACKAGE, "This file was not imported:", "These files were not imported:",
                                          run->failures->len));
      for (guint i = 0; i < run->failures->len; i++)
        g_string_append_printf (body, "\n• %s", (const char *) g_ptr_array_index (run->failures, i));
    }
  if (run->remarks->len > 0)
    {
      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, _("Imported, with parts that could not be read:"));
      for (guint i = 0; i < run->remarks->len; i++)
        g_string_append_printf (body, "\n• %s", (const char *) g_ptr_array_index (run->remarks, i));
    }

  _debrief_evidence_page_show_error (self,
                     run->failures->len > 0
                       ? g_dngettext (GETTEXT_PACKAGE, "A File Could Not Be Imported", "Some Files Could Not Be Imported",
                                      run->failures->len)
                       : _("Imported With Remarks"),
                     body->str);
  import_run_free (run);
}

/* FALSE when @job took its last item already and ends without these. */
static gboolean
queue_into (DebriefImportJob *job,
            GPtrArray        *files,
            GBytes           *bytes,
            const char       *name)
{
  if (bytes != NULL)
    return debrief_import_job_add_bytes (job, bytes, name);

  for (guint i = 0; i < files->len; i++)
    if (!debrief_import_job_add_file (job, g_ptr_array_index (files, i), NULL))
      return FALSE;

  return TRUE;
}

/* Imports @files (of GFile), or else @bytes named @name. */
static void
import_items (DebriefEvidencePage *self,
              GPtrArray           *files,
              GBytes              *bytes,
              const char          *name)
{
  ImportRun *run;

  if (bytes == NULL && (files == NULL || files->len == 0))
    return;

  if (!_debrief_evidence_page_writable (self))
    {
      _debrief_evidence_page_show_error (self, _("Evidence Cannot Be Added"),
                         self->document ? _("This incident is open read-only: evidence cannot be added to it.")
                                        : _("Open or make an incident first."));
      return;
    }

  /* A drop during an import joins the running one, unless its thread has
   * already taken its last file. */
  if (self->import_job != NULL && debrief_import_job_get_document (self->import_job) == self->document &&
      queue_into (self->import_job, files, bytes, name))
    return;

  /* An import into an incident that is no longer shown is stopped; a
   * finished one is left to report what it did. */
  if (self->import_job != NULL && debrief_import_job_get_document (self->import_job) != self->document)
    debrief_import_job_cancel (self->import_job);
  clear_import_job (self);

  run = g_new0 (ImportRun, 1);
  run->self = g_object_ref (self);
  run->job = debrief_import_job_new (self->document, NULL);
  run->failures = g_ptr_array_new_with_free_func (g_free);
  run->remarks = g_ptr_array_new_with_free_func (g_free);
  queue_into (run->job, files, bytes, name);
  g_signal_connect (run->job, "item-done", G_CALLBACK (import_item_done_cb), run);
  g_signal_connect (run->job, "item-failed", G_CALLBACK (import_item_failed_cb), run);

  self->import_job = g_object_ref (run->job);
  g_signal_connect_swapped (self->import_job, "notify::fraction", G_CALLBACK (update_progress), self);
  g_signal_connect_swapped (self->import_job, "notify::current-item", G_CALLBACK (update_progress), self);
  g_signal_connect_swapped (self->import_job, "notify::n-items", G_CALLBACK (update_progress), self);
  g_signal_connect_swapped (self->import_job, "notify::n-finished", G_CALLBACK (update_progress), self);

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  update_progress (self);

  debrief_import_job_run_async (run->job, NULL, import_done_cb, run);

  _debrief_evidence_page_notify_importing (self);
  _debrief_evidence_page_update_actions (self);
}

void
debrief_evidence_page_import_files (DebriefEvidencePage *self,
                                    GListModel          *files)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (DEBRIEF_IS_EVIDENCE_PAGE (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));

  import_items (self, array, NULL, NULL);
}

gboolean
debrief_evidence_page_get_importing (DebriefEvidencePage *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE_PAGE (self), FALSE);

  return self->import_job != NULL;
}

static void
import_response_cb (GtkNativeDialog     *chooser,
                    int                  response,
                    DebriefEvidencePage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      debrief_evidence_page_import_files (self, files);
    }

  g_object_unref (chooser);
}

static void
run_chooser (DebriefEvidencePage  *self,
             GtkFileChooserAction  action,
             const char           *title)
{
  GtkFileChooserNative *chooser;

  chooser = new_chooser (self, title, action, _("_Import"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  run_chooser (DEBRIEF_EVIDENCE_PAGE (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Evidence"));
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  run_chooser (DEBRIEF_EVIDENCE_PAGE (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("Import a Folder of Evidence"));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (widget);

  if (self->import_job != NULL)
    debrief_import_job_cancel (self->import_job);
}

/* --- Drop and paste --------------------------------------------------- */

static gboolean
drop_cb (GtkDropTarget       *target,
         const GValue        *value,
         double               x,
         double               y,
         DebriefEvidencePage *self)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      g_autoptr(GSList) files = gdk_file_list_get_files (g_value_get_boxed (value));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (GSList *l = files; l != NULL; l = l->next)
        g_ptr_array_add (array, g_object_ref (l->data));
      if (array->len == 0)
        return FALSE;
      import_items (self, array, NULL, NULL);
      return TRUE;
    }

  if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) != NULL && *g_value_get_string (value) != '\0')
    {
      const char *text = g_value_get_string (value);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

      import_items (self, NULL, bytes, _("Dropped text"));
      return TRUE;
    }

  return FALSE;
}

static void
paste_text_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DebriefEvidencePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_autoptr(GBytes) bytes = NULL;
  gsize size;

  if (text == NULL || *text == '\0')
    {
      _debrief_evidence_page_add_toast (self, _("The clipboard holds nothing to paste as evidence"), FALSE);
      return;
    }

  size = strlen (text);
  bytes = g_bytes_new_take (g_steal_pointer (&text), size);
  import_items (self, NULL, bytes, _("Pasted text"));
}

static void
paste_texture_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DebriefEvidencePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (object), result, &error);
  g_autoptr(GBytes) bytes = NULL;

  if (texture == NULL)
    {
      _debrief_evidence_page_add_toast (self, _("The image on the clipboard could not be read"), FALSE);
      return;
    }

  bytes = gdk_texture_save_to_png_bytes (texture);
  import_items (self, NULL, bytes, _("Pasted image"));
}

static void
paste_files_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DebriefEvidencePage) self = user_data;
  g_autoptr(GError) error = NULL;
  const GValue *value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (object), result, &error);

  if (value == NULL || !drop_cb (NULL, value, 0, 0, self))
    _debrief_evidence_page_add_toast (self, _("The files on the clipboard could not be read"), FALSE);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT, NULL,
                                    paste_files_cb, g_object_ref (self));
  else if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE))
    gdk_clipboard_read_texture_async (clipboard, NULL, paste_texture_cb, g_object_ref (self));
  else
    gdk_clipboard_read_text_async (clipboard, NULL, paste_text_cb, g_object_ref (self));
}

/* --- Wiring ----------------------------------------------------------- */

void
_debrief_evidence_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "evidence.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "evidence.import-folder", NULL, import_folder_action);
  gtk_widget_class_install_action (widget_class, "evidence.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "evidence.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "evidence.open-external", NULL, open_external_action);
  gtk_widget_class_install_action (widget_class, "evidence.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "evidence.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "evidence.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "evidence.remove", NULL, remove_action);
}

void
_debrief_evidence_page_add_drop_target (DebriefEvidencePage *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);

  gtk_drop_target_set_gtypes (drop, (GType[2]) { GDK_TYPE_FILE_LIST, G_TYPE_STRING }, 2);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

void
_debrief_evidence_page_cancel_import (DebriefEvidencePage *self)
{
  if (self->import_job != NULL)
    debrief_import_job_cancel (self->import_job);
  clear_import_job (self);
}

/* For tests: what a drop of @value on the view does. */
gboolean
_debrief_evidence_page_drop (DebriefEvidencePage *self,
                             const GValue        *value)
{
  return drop_cb (NULL, value, 0, 0, self);
}
