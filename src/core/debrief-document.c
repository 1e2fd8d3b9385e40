/* debrief-document.c
 *
 * One incident document (a .debrief file): its private working copy, the
 * records in it, saving, undo and redo.
 *
 * A shared document is never edited where it lies. Opening copies it into a
 * working copy under the user's data folder and checks the copy; every edit
 * is a transaction on the working copy, durable at once; saving writes a
 * fresh file beside the target, syncs and verifies it, and renames it over
 * the target, but only if nobody else saved the target meanwhile. A session
 * that dies leaves its working copy behind, to be restored at the next start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "debrief-action-item.h"
#include "debrief-document-private.h"
#include "debrief-evidence.h"
#include "debrief-factor.h"
#include "debrief-feedback.h"
#include "debrief-ground-rules.h"
#include "debrief-meeting-note.h"
#include "debrief-participant.h"
#include "debrief-phase-marker.h"
#include "debrief-record-private.h"
#include "debrief-revision.h"
#include "debrief-schema.h"
#include "debrief-scope-item.h"
#include "debrief-timeline-event.h"

/* From this size on, opening shows the document before its working copy
 * is made, so that opening is proportional to what is shown. */
#define LARGE_DOCUMENT_SIZE (64 * 1024 * 1024)

static gint64 large_document_size = LARGE_DOCUMENT_SIZE;

/* For tests: the size from which opening shows a document first. */
void
_debrief_document_set_large_size (gint64 size)
{
  large_document_size = size > 0 ? size : LARGE_DOCUMENT_SIZE;
}

/* Tables read to show a document, checked before it is shown; the
 * evidence content is checked with the rest of the file afterwards. */
static const char * const shown_tables[] = {
  "document_info", "incident", "scope_item", "participant", "evidence", "timeline_event",
  "phase_marker", "contributing_factor", "action_item", "meeting_note", "feedback", "revision",
  NULL
};

/* Edits of one field within this time are one step to undo, so that
 * undoing typing does not go a letter at a time. */
#define COALESCE_USEC (2 * G_USEC_PER_SEC)

typedef struct
{
  GBytes *changeset;
  char   *uuid;
  int     column;
  gint64  time;
} UndoStep;

struct _DebriefDocument
{
  GObject                parent_instance;

  sqlite3               *db;
  GHashTable            *statements;

  char                  *draft_id;
  char                  *working_path;
  GFile                 *file;
  char                  *user_name;
  char                  *document_uuid;
  char                  *revision;
  char                  *saving_revision;

  /* The target as it was when opened or last saved, to tell whether
   * somebody else saved it since. */
  gint64                 file_size;
  gint64                 file_mtime;

  DebriefIncident       *incident;
  GHashTable            *lists;
  GHashTable            *records;

  GPtrArray             *undo_stack;
  GPtrArray             *redo_stack;
  guint64                change_count;
  guint                  group_depth;
  guint                  group_base;

  DebriefReadOnlyReason  read_only_reason;
  DebriefOpenFlags       open_flags;
  int                    version;
  GCancellable          *prepare_cancellable;
  /* A checkpoint of the working copy's WAL in a thread, when it grows. */
  GCancellable          *checkpoint_cancellable;
  gboolean               checkpoint_again;
  int                    page_size;
  guint                  modified : 1;
};

G_DEFINE_FINAL_TYPE (DebriefDocument, debrief_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_USER_NAME,
  PROP_READ_ONLY,
  PROP_READ_ONLY_REASON,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_INCIDENT,
  N_PROPS
};

enum {
  EDIT_FAILED,
  PREPARATION_FAILED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];
static DebriefSaveFaultFunc save_fault_func;

static void
undo_step_free (gpointer data)
{
  UndoStep *step = data;

  g_bytes_unref (step->changeset);
  g_free (step->uuid);
  g_free (step);
}

void
_debrief_document_set_save_fault_func (DebriefSaveFaultFunc func)
{
  save_fault_func = func;
}

sqlite3 *
_debrief_document_get_db (DebriefDocument *self)
{
  return self->db;
}

/**
 * debrief_document_list_record_types:
 * @n_types: (out): the number of types
 *
 * Returns: (array length=n_types): the record types a document holds in
 *   lists, in the order they are loaded and written; the incident itself
 *   is not a list and is not among them
 */
const GType *
debrief_document_list_record_types (guint *n_types)
{
  static GType types[10];

  if (types[0] == 0)
    {
      types[0] = DEBRIEF_TYPE_SCOPE_ITEM;
      types[1] = DEBRIEF_TYPE_PARTICIPANT;
      types[2] = DEBRIEF_TYPE_EVIDENCE;
      types[3] = DEBRIEF_TYPE_TIMELINE_EVENT;
      types[4] = DEBRIEF_TYPE_PHASE_MARKER;
      types[5] = DEBRIEF_TYPE_FACTOR;
      types[6] = DEBRIEF_TYPE_ACTION_ITEM;
      types[7] = DEBRIEF_TYPE_MEETING_NOTE;
      types[8] = DEBRIEF_TYPE_FEEDBACK;
      types[9] = DEBRIEF_TYPE_REVISION;
    }

  *n_types = G_N_ELEMENTS (types);

  return types;
}

static GType
type_for_table (const char *table)
{
  const GType *types;
  guint n_types;

  if (g_strcmp0 (table, "incident") == 0)
    return DEBRIEF_TYPE_INCIDENT;

  types = debrief_document_list_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);

      if (g_strcmp0 (_debrief_record_class_get_table (DEBRIEF_RECORD_CLASS (klass)), table) == 0)
        return types[i];
    }

  return G_TYPE_INVALID;
}

static char *
default_user_name (void)
{
  const char *real_name = g_get_real_name ();

  if (real_name != NULL && *real_name != '\0' && g_strcmp0 (real_name, "Unknown") != 0)
    return g_strdup (real_name);

  return g_strdup (g_get_user_name ());
}

static char *
drafts_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "debrief", "drafts", NULL);
}

static char *
draft_path (const char *draft_id,
            const char *suffix)
{
  g_autofree char *dir = drafts_dir ();
  g_autofree char *name = g_strconcat (draft_id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

static void
remove_database_files (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

static sqlite3_stmt *
get_statement (DebriefDocument  *self,
               const char       *sql,
               GError          **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _debrief_set_sqlite_error (error, self->db, rc, _("The incident document could not be read"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      const char  *doing,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _debrief_set_sqlite_error (error, db, rc, doing);
      return FALSE;
    }

  return TRUE;
}

static char *
select_sql (DebriefRecordClass *klass,
            const char         *where)
{
  g_autoptr(GString) sql = g_string_new ("SELECT uuid, modified_at, modified_by");
  gboolean has_position = FALSE;

  for (guint i = 0; i < _debrief_record_class_get_n_columns (klass); i++)
    {
      const char *name = _debrief_record_class_get_column_name (klass, i);

      g_string_append_printf (sql, ", %s", name);
      has_position |= strcmp (name, "position") == 0;
    }

  g_string_append_printf (sql, " FROM %s", _debrief_record_class_get_table (klass));
  if (where != NULL)
    g_string_append_printf (sql, " WHERE %s", where);
  g_string_append (sql, has_position ? " ORDER BY position, rowid" : " ORDER BY rowid");

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static DebriefRecord *
record_from_row (GType         type,
                 sqlite3_stmt *stmt)
{
  g_autofree char *uuid = _debrief_text_from_column (stmt, 0);
  g_autofree char *modified_at_text = _debrief_text_from_column (stmt, 1);
  g_autofree char *modified_by = _debrief_text_from_column (stmt, 2);
  g_autoptr(GDateTime) modified_at = _debrief_parse_timestamp (modified_at_text);
  DebriefRecord *record = _debrief_record_new_with_uuid (type, uuid);
  DebriefRecordClass *klass = DEBRIEF_RECORD_GET_CLASS (record);

  _debrief_record_set_stamp (record, modified_at, modified_by);
  for (guint i = 0; i < _debrief_record_class_get_n_columns (klass); i++)
    _debrief_record_load_column (record, i, stmt, i + 3);

  return record;
}

static void
reload_record (DebriefRecord *record,
               sqlite3_stmt  *stmt)
{
  g_autofree char *modified_at_text = _debrief_text_from_column (stmt, 1);
  g_autofree char *modified_by = _debrief_text_from_column (stmt, 2);
  g_autoptr(GDateTime) modified_at = _debrief_parse_timestamp (modified_at_text);
  DebriefRecordClass *klass = DEBRIEF_RECORD_GET_CLASS (record);

  for (guint i = 0; i < _debrief_record_class_get_n_columns (klass); i++)
    _debrief_record_load_column (record, i, stmt, i + 3);
  _debrief_record_set_stamp (record, modified_at, modified_by);
}

static gint64
record_position (DebriefRecord *record)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), "position");
  gint64 position = 0;

  if (pspec != NULL)
    g_object_get (record, "position", &position, NULL);

  return position;
}

/* Inserts @record into its list in position order, after its equals. */
static void
list_insert (DebriefDocument *self,
             DebriefRecord   *record)
{
  GListStore *list = g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (G_OBJECT_TYPE (record)));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  gint64 position = record_position (record);
  guint index = n_items;

  while (index > 0)
    {
      g_autoptr(DebriefRecord) before = g_list_model_get_item (G_LIST_MODEL (list), index - 1);

      if (record_position (before) <= position)
        break;
      index--;
    }

  _debrief_record_attach (record, self, _debrief_document_record_changed);
  g_hash_table_insert (self->records, g_strdup (debrief_record_get_uuid (record)), g_object_ref (record));
  g_list_store_insert (list, index, record);
}

/* The table of records holds its reference until the end, so @record
 * lives through its removal from the list. */
static void
list_remove (DebriefDocument *self,
             DebriefRecord   *record)
{
  GListStore *list = g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (G_OBJECT_TYPE (record)));
  guint position;

  if (g_list_store_find (list, record, &position))
    g_list_store_remove (list, position);

  _debrief_record_detach (record);
  g_hash_table_remove (self->records, debrief_record_get_uuid (record));
}

static gboolean
load_records (DebriefDocument  *self,
              GError          **error)
{
  const GType *types;
  guint n_types;
  g_autofree char *incident_sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  {
    g_autoptr(GTypeClass) klass = g_type_class_ref (DEBRIEF_TYPE_INCIDENT);

    incident_sql = select_sql (DEBRIEF_RECORD_CLASS (klass), NULL);
  }

  if (!(stmt = get_statement (self, incident_sql, error)))
    return FALSE;

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                             _("The incident document is damaged: it holds no incident."));
      else
        _debrief_set_sqlite_error (error, self->db, rc, _("The incident document could not be read"));
      return FALSE;
    }

  self->incident = DEBRIEF_INCIDENT (record_from_row (DEBRIEF_TYPE_INCIDENT, stmt));
  _debrief_record_attach (DEBRIEF_RECORD (self->incident), self, _debrief_document_record_changed);
  g_hash_table_insert (self->records,
                       g_strdup (debrief_record_get_uuid (DEBRIEF_RECORD (self->incident))),
                       g_object_ref (self->incident));

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                           _("The incident document is damaged: it holds more than one incident."));
      return FALSE;
    }
  sqlite3_reset (stmt);

  types = debrief_document_list_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);
      g_autofree char *sql = select_sql (DEBRIEF_RECORD_CLASS (klass), NULL);
      GListStore *list = g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (types[i]));
      g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);

      if (!(stmt = get_statement (self, sql, error)))
        return FALSE;

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          DebriefRecord *record = record_from_row (types[i], stmt);

          if (g_hash_table_contains (self->records, debrief_record_get_uuid (record)))
            {
              g_object_unref (record);
              g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                                   _("The incident document is damaged: two of its records have the same identifier."));
              return FALSE;
            }

          _debrief_record_attach (record, self, _debrief_document_record_changed);
          g_hash_table_insert (self->records, g_strdup (debrief_record_get_uuid (record)), g_object_ref (record));
          g_ptr_array_add (loaded, record);
        }
      sqlite3_reset (stmt);

      if (rc != SQLITE_DONE)
        {
          _debrief_set_sqlite_error (error, self->db, rc, _("The incident document could not be read"));
          return FALSE;
        }

      g_list_store_splice (list, 0, 0, loaded->pdata, loaded->len);
    }

  return TRUE;
}

/* Reads a value of document_info: TRUE with *value NULL when the key is
 * missing, FALSE when the file could not be read. */
static gboolean
read_info (sqlite3     *db,
           const char  *key,
           char       **value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *value = NULL;

  rc = sqlite3_prepare_v2 (db, "SELECT value FROM document_info WHERE key = ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *value = _debrief_text_from_column (stmt, 0);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _debrief_set_sqlite_error (error, db, rc, _("The incident document could not be read"));
      return FALSE;
    }

  return TRUE;
}

/* The insertion of @record with its own identifier and stamp. */
static char *
insert_sql (DebriefRecordClass *klass)
{
  guint n_columns = _debrief_record_class_get_n_columns (klass);
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (uuid, modified_at, modified_by",
                          _debrief_record_class_get_table (klass));
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (sql, ", %s", _debrief_record_class_get_column_name (klass, i));
  g_string_append (sql, ") VALUES (?1, ?2, ?3");
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (sql, ", ?%u", i + 4);
  g_string_append (sql, ")");

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static gboolean
insert_record (sqlite3        *db,
               sqlite3_stmt   *stmt,
               DebriefRecord  *record,
               const char     *doing,
               GError        **error)
{
  DebriefRecordClass *klass = DEBRIEF_RECORD_GET_CLASS (record);
  g_autofree char *modified_at = _debrief_format_timestamp (debrief_record_get_modified_at (record));
  int rc;

  g_assert (modified_at != NULL);

  sqlite3_bind_text (stmt, 1, debrief_record_get_uuid (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, modified_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, debrief_record_get_modified_by (record), -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < _debrief_record_class_get_n_columns (klass); i++)
    _debrief_record_bind_column (record, i, stmt, i + 4);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _debrief_set_sqlite_error (error, db, rc, doing);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_info_full (sqlite3     *db,
                 const char  *key,
                 const char  *value,
                 const char  *doing,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO document_info (key, value) VALUES (?1, ?2)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _debrief_set_sqlite_error (error, db, rc, doing);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_info (sqlite3     *db,
            const char  *key,
            const char  *value,
            GError     **error)
{
  return write_info_full (db, key, value, _("The incident document could not be changed"), error);
}

/* The draft's description beside its working copy: which file it is a copy
 * of, and whether it holds changes that were not saved. */
static void
write_draft_meta (DebriefDocument *self)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *path = draft_path (self->draft_id, ".draft");
  g_autofree char *uri = self->file ? g_file_get_uri (self->file) : NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_key_file_set_string (keyfile, "Draft", "file", uri ? uri : "");
  g_key_file_set_boolean (keyfile, "Draft", "modified", self->modified);
  g_key_file_set_boolean (keyfile, "Draft", "read-only", self->read_only_reason != DEBRIEF_READ_ONLY_REASON_NONE);
  g_key_file_set_int64 (keyfile, "Draft", "pid", getpid ());
  g_key_file_set_string (keyfile, "Draft", "host", g_get_host_name ());
  g_key_file_set_string (keyfile, "Draft", "revision", self->revision ? self->revision : "");
  g_key_file_set_string (keyfile, "Draft", "saving-revision", self->saving_revision ? self->saving_revision : "");
  g_key_file_set_int64 (keyfile, "Draft", "file-size", self->file_size);
  g_key_file_set_int64 (keyfile, "Draft", "file-mtime", self->file_mtime);

  data = g_key_file_to_data (keyfile, &length, NULL);
  if (!g_file_set_contents (path, data, length, &error))
    g_debug ("The draft description %s could not be written: %s", path, error->message);
}

static void
set_modified (DebriefDocument *self,
              gboolean         modified)
{
  if (self->modified == !!modified)
    return;

  self->modified = !!modified;
  write_draft_meta (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
}

/* The page size of new documents: see debrief_document_new(). */
#define DEBRIEF_PAGE_SIZE 65536

/* --- Checkpoints ------------------------------------------------------ */

/* The WAL of the working copy is copied into its database file in a
 * thread, not by whichever commit happens to cross SQLite's threshold: an
 * import of a gigabyte would otherwise make the next edit, on the main
 * thread, wait for a gigabyte to be copied. */
#define CHECKPOINT_BYTES (64 * 1024 * 1024)

static void
checkpoint_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  if ((db = _debrief_database_open (path, SQLITE_OPEN_READWRITE, &error)))
    {
      /* PASSIVE: edits go on meanwhile; what they add waits for the next. */
      sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0; PRAGMA wal_checkpoint(PASSIVE)", NULL, NULL, NULL);
      sqlite3_close (db);
    }
  else
    g_debug ("No checkpoint: %s", error->message);

  g_task_return_boolean (task, TRUE);
}

static void start_checkpoint (DebriefDocument *self);
static int  wal_hook         (void            *user_data,
                              sqlite3         *db,
                              const char      *name,
                              int              n_pages);

/* Checkpoints leave the main thread: none on commit, one in a thread when
 * the WAL has grown; the WAL file is cut back to 64 MiB after each. */
static void
watch_wal (DebriefDocument *self)
{
  sqlite3_stmt *stmt = NULL;

  self->page_size = 4096;
  if (sqlite3_prepare_v2 (self->db, "PRAGMA page_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    self->page_size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  sqlite3_exec (self->db, "PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 67108864", NULL, NULL, NULL);
  sqlite3_wal_hook (self->db, wal_hook, self);
}

static void
checkpoint_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DebriefDocument *self = DEBRIEF_DOCUMENT (object);

  if (g_task_get_cancellable (G_TASK (result)) != self->checkpoint_cancellable)
    return;

  g_clear_object (&self->checkpoint_cancellable);
  if (self->checkpoint_again && self->db != NULL)
    {
      self->checkpoint_again = FALSE;
      start_checkpoint (self);
    }
}

static void
start_checkpoint (DebriefDocument *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->checkpoint_cancellable != NULL)
    {
      self->checkpoint_again = TRUE;
      return;
    }

  self->checkpoint_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->checkpoint_cancellable, checkpoint_done, NULL);
  g_task_set_source_tag (task, start_checkpoint);
  g_task_set_task_data (task, g_strdup (self->working_path), g_free);
  g_task_run_in_thread (task, checkpoint_thread);
}

static int
wal_hook (void       *user_data,
          sqlite3    *db,
          const char *name,
          int         n_pages)
{
  DebriefDocument *self = user_data;

  if ((gint64) n_pages * self->page_size >= CHECKPOINT_BYTES)
    start_checkpoint (self);

  return SQLITE_OK;
}

static gboolean
prepare_working_copy (DebriefDocument  *self,
                      gboolean          writable,
                      GError          **error)
{
  if (writable)
    {
      /* The working copy is private, so WAL is safe here, and it makes
       * every edit durable with a single sync. */
      if (!exec (self->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON",
                 _("The working copy could not be prepared"), error))
        return FALSE;
      watch_wal (self);
    }

  if (!read_info (self->db, "document-uuid", &self->document_uuid, error) ||
      !read_info (self->db, "revision", &self->revision, error))
    return FALSE;

  if (self->document_uuid == NULL)
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                           _("The incident document is damaged: it has no identifier."));
      return FALSE;
    }

  return load_records (self, error);
}

static void
debrief_document_discard (DebriefDocument *self)
{
  g_autofree char *meta = NULL;

  g_cancellable_cancel (self->prepare_cancellable);
  g_cancellable_cancel (self->checkpoint_cancellable);
  g_clear_object (&self->checkpoint_cancellable);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);

  if (self->working_path != NULL)
    remove_database_files (self->working_path);

  if (self->draft_id != NULL)
    {
      meta = draft_path (self->draft_id, ".draft");
      g_unlink (meta);
    }
}

static DebriefDocument *
document_new_empty (const char *user_name)
{
  DebriefDocument *self = g_object_new (DEBRIEF_TYPE_DOCUMENT, NULL);
  g_autofree char *dir = drafts_dir ();

  if (user_name != NULL && *user_name != '\0')
    {
      g_free (self->user_name);
      self->user_name = g_strdup (user_name);
    }

  self->draft_id = g_uuid_string_random ();
  self->working_path = draft_path (self->draft_id, ".debrief");
  g_mkdir_with_parents (dir, 0700);

  return self;
}

/**
 * debrief_document_new:
 * @user_name: (nullable): the name edits are recorded under
 * @error: a location for a #GError
 *
 * Creates an untitled incident in a new working copy.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
DebriefDocument *
debrief_document_new (const char  *user_name,
                      GError     **error)
{
  g_autoptr(DebriefDocument) self = document_new_empty (user_name);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  g_autofree char *document_uuid = g_uuid_string_random ();
  g_autofree char *incident_uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!(self->db = _debrief_database_open (self->working_path,
                                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE,
                                           error)))
    return NULL;

  /* Pages of 64 KiB: evidence is most of an incident's bytes, and it is
   * written and read a megabyte at a time, in a sixteenth of the calls
   * 4 KiB pages take. Set before the first table, as SQLite requires. */
  if (!exec (self->db, "PRAGMA page_size = " G_STRINGIFY (DEBRIEF_PAGE_SIZE), _("A new incident could not be created"), error) ||
      !exec (self->db, "BEGIN IMMEDIATE", _("A new incident could not be created"), error) ||
      !_debrief_schema_create (self->db, error) ||
      !write_info (self->db, "document-uuid", document_uuid, error) ||
      !write_info (self->db, "created-at", now_text, error) ||
      !write_info (self->db, "created-by", self->user_name, error) ||
      !write_info (self->db, "revision", "", error))
    {
      debrief_document_discard (self);
      return NULL;
    }

  rc = sqlite3_prepare_v2 (self->db,
                           "INSERT INTO incident (uuid, modified_at, modified_by, ground_rules) "
                           "VALUES (?1, ?2, ?3, ?4)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      /* A new incident starts with blameless ground rules to adapt. */
      sqlite3_bind_text (stmt, 1, incident_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, now_text, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, self->user_name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, debrief_ground_rules_default (), -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _debrief_set_sqlite_error (error, self->db, rc, _("A new incident could not be created"));
      debrief_document_discard (self);
      return NULL;
    }

  if (!exec (self->db, "COMMIT", _("A new incident could not be created"), error) ||
      !prepare_working_copy (self, TRUE, error))
    {
      debrief_document_discard (self);
      return NULL;
    }

  write_draft_meta (self);

  return g_steal_pointer (&self);
}

static gboolean
query_file_state (GFile         *file,
                  gint64        *size,
                  gint64        *mtime,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_NOT_A_DOCUMENT,
                           _("This is a folder or a device, not an incident document."));
      return FALSE;
    }

  *size = g_file_info_get_size (info);
  *mtime = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC
         + g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);

  return TRUE;
}

static gboolean
check_file_header (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 header[DEBRIEF_FILE_HEADER_SIZE];
  gsize n_read = 0;

  if (!(stream = g_file_read (file, cancellable, error)) ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n_read, cancellable, error))
    return FALSE;

  if (!debrief_file_format_check_header (header, n_read, &local_error))
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR,
                           g_error_matches (local_error, DEBRIEF_FILE_FORMAT_ERROR,
                                            DEBRIEF_FILE_FORMAT_ERROR_FOREIGN_DATABASE)
                             ? DEBRIEF_DOCUMENT_ERROR_FOREIGN
                             : DEBRIEF_DOCUMENT_ERROR_NOT_A_DOCUMENT,
                           local_error->message);
      return FALSE;
    }

  /* A file cut short (a copy that stopped, a full disk) can still have a
   * sound header and, when only empty pages are missing, pass SQLite's
   * checks: its header says how long it must be. The size in the header
   * counts when the two change counters agree, as SQLite reads it. */
  if (n_read >= 100 && memcmp (header + 24, header + 92, 4) == 0)
    {
      guint32 page_size = ((guint32) header[16] << 8) | header[17];
      guint64 n_pages = ((guint64) header[28] << 24) | ((guint64) header[29] << 16) |
                        ((guint64) header[30] << 8) | header[31];
      g_autoptr(GFileInfo) info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                                  cancellable, NULL);

      if (page_size == 1)
        page_size = 65536;

      if (info != NULL && n_pages > 0 &&
          (guint64) g_file_info_get_size (info) < n_pages * page_size)
        {
          g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                               _("The incident document is incomplete: the file is shorter than it says it is. "
                                 "It may have been cut off while it was copied."));
          return FALSE;
        }
    }

  return TRUE;
}

/* Copies @file to @dest, and makes sure the copy is of one version of the
 * file: a copy taken while somebody saved over it is taken again. */
static gboolean
copy_in (GFile         *file,
         const char    *dest,
         gint64        *size,
         gint64        *mtime,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GFile) dest_file = g_file_new_for_path (dest);

  for (guint attempt = 0; attempt < 5; attempt++)
    {
      gint64 after_size, after_mtime;

      if (!query_file_state (file, size, mtime, cancellable, error))
        return FALSE;

      if (!g_file_copy (file, dest_file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_TARGET_DEFAULT_PERMS,
                        cancellable, NULL, NULL, error))
        return FALSE;

      if (!query_file_state (file, &after_size, &after_mtime, cancellable, error))
        return FALSE;

      if (after_size == *size && after_mtime == *mtime)
        return TRUE;

      g_usleep (G_USEC_PER_SEC / 10);
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                       _("The file keeps changing while it is being read. Somebody may be saving it; try again in a moment."));
  return FALSE;
}


/* Opens a large document where it lies, read-only and immutable (a save by
 * anybody else replaces the file by a rename, and never changes what this
 * connection reads), and shows it while the working copy is made. */
static DebriefDocument *
open_in_place (DebriefDocument   *self,
               const char        *path,
               DebriefOpenFlags   flags,
               GError           **error)
{
  g_autofree char *uri = NULL;
  g_autofree char *immutable_uri = NULL;

  if (!(uri = g_filename_to_uri (path, NULL, error)))
    return NULL;
  immutable_uri = g_strconcat (uri, "?mode=ro&immutable=1", NULL);

  if (!(self->db = _debrief_database_open (immutable_uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error)) ||
      !_debrief_database_check_tables (self->db, shown_tables, &self->version, error))
    return NULL;

  self->open_flags = flags;
  if (self->version > DEBRIEF_SCHEMA_VERSION)
    self->read_only_reason = DEBRIEF_READ_ONLY_REASON_NEWER_SCHEMA;
  else if ((flags & DEBRIEF_OPEN_FLAGS_READ_ONLY) && !(flags & DEBRIEF_OPEN_FLAGS_AS_COPY))
    self->read_only_reason = DEBRIEF_READ_ONLY_REASON_REQUESTED;
  else
    self->read_only_reason = DEBRIEF_READ_ONLY_REASON_PREPARING;

  if (!prepare_working_copy (self, FALSE, error))
    return NULL;

  return g_object_ref (self);
}

static DebriefDocument *
document_open (GFile             *file,
               DebriefOpenFlags   flags,
               const char        *user_name,
               gboolean           defer_copy,
               GCancellable      *cancellable,
               GError           **error)
{
  g_autoptr(DebriefDocument) self = NULL;
  g_autofree char *path = NULL;
  gboolean writable;
  int version = 0;

  if (!check_file_header (file, cancellable, error))
    return NULL;

  self = document_new_empty (user_name);
  self->file = g_object_ref (file);

  if (defer_copy && (path = g_file_get_path (file)) != NULL)
    {
      if (!query_file_state (file, &self->file_size, &self->file_mtime, cancellable, error))
        return NULL;

      if (self->file_size >= large_document_size)
        {
          DebriefDocument *opened = open_in_place (self, path, flags, error);

          if (opened == NULL)
            {
              if (self->version > DEBRIEF_SCHEMA_VERSION)
                {
                  g_clear_error (error);
                  g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_NEWER,
                                       _("The incident document was made by a newer version of Debrief "
                                         "and cannot be read by this one. Update Debrief to open it."));
                }
              g_clear_pointer (&self->db, sqlite3_close);
            }
          return opened;
        }
    }

  if (!copy_in (file, self->working_path, &self->file_size, &self->file_mtime, cancellable, error))
    {
      debrief_document_discard (self);
      return NULL;
    }

  if (!(self->db = _debrief_database_open (self->working_path, SQLITE_OPEN_READWRITE, error)) ||
      !_debrief_database_check (self->db, &version, error))
    {
      debrief_document_discard (self);
      return NULL;
    }

  if (version > DEBRIEF_SCHEMA_VERSION)
    self->read_only_reason = DEBRIEF_READ_ONLY_REASON_NEWER_SCHEMA;
  else if (flags & DEBRIEF_OPEN_FLAGS_READ_ONLY)
    self->read_only_reason = DEBRIEF_READ_ONLY_REASON_REQUESTED;

  writable = self->read_only_reason == DEBRIEF_READ_ONLY_REASON_NONE;

  if (writable && version < DEBRIEF_SCHEMA_VERSION)
    {
      if (!exec (self->db, "BEGIN IMMEDIATE", _("The document could not be updated to this version of Debrief"), error) ||
          !_debrief_schema_migrate (self->db, version, error) ||
          !exec (self->db, "COMMIT", _("The document could not be updated to this version of Debrief"), error))
        {
          debrief_document_discard (self);
          return NULL;
        }
      self->modified = TRUE;
    }

  if (!prepare_working_copy (self, writable, error))
    {
      if (version > DEBRIEF_SCHEMA_VERSION)
        {
          g_clear_error (error);
          g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_NEWER,
                               _("The incident document was made by a newer version of Debrief "
                                 "and cannot be read by this one. Update Debrief to open it."));
        }
      debrief_document_discard (self);
      return NULL;
    }

  /* A copy is an untitled incident with the same content: saving it asks
   * where, and never touches the original. */
  if (flags & DEBRIEF_OPEN_FLAGS_AS_COPY)
    {
      g_clear_object (&self->file);
      self->modified = TRUE;
    }

  write_draft_meta (self);

  return g_steal_pointer (&self);
}

/**
 * debrief_document_open:
 * @file: the incident document
 * @flags: how to open it
 * @user_name: (nullable): the name edits are recorded under
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Copies @file into a new working copy, checks the whole copy and loads
 * it. This blocks: call it from a thread, or use
 * debrief_document_open_async(), which shows a large document sooner.
 *
 * A document of a newer schema opens read-only; an older one is migrated
 * in the working copy.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
DebriefDocument *
debrief_document_open (GFile             *file,
                       DebriefOpenFlags   flags,
                       const char        *user_name,
                       GCancellable      *cancellable,
                       GError           **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return document_open (file, flags, user_name, FALSE, cancellable, error);
}

typedef struct
{
  GFile            *file;
  DebriefOpenFlags  flags;
  char             *user_name;
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *open_data = data;

  g_clear_object (&open_data->file);
  g_free (open_data->user_name);
  g_free (open_data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  DebriefDocument *document;

  document = document_open (data->file, data->flags, data->user_name, TRUE, cancellable, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

typedef struct
{
  char    *working_path;
  GFile   *file;
  gint64   file_size;
  gint64   file_mtime;
  int      version;
  gboolean migrated;
} PrepareData;

static void
prepare_data_free (gpointer data)
{
  PrepareData *prepare = data;

  g_free (prepare->working_path);
  g_clear_object (&prepare->file);
  g_free (prepare);
}

/* The second half of opening a large document: its working copy, made
 * and checked whole while the user reads it. */
static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PrepareData *prepare = task_data;
  GError *error = NULL;
  sqlite3 *db = NULL;
  gint64 size, mtime;
  int version = 0;

  if (!copy_in (prepare->file, prepare->working_path, &size, &mtime, cancellable, &error))
    goto failed;

  if (size != prepare->file_size || mtime != prepare->file_mtime)
    {
      g_set_error_literal (&error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_CONFLICT,
                           _("Somebody saved the file while it was being opened. Open it again to see their version."));
      goto failed;
    }

  if (!(db = _debrief_database_open (prepare->working_path, SQLITE_OPEN_READWRITE, &error)) ||
      !_debrief_database_check (db, &version, &error))
    goto failed;

  if (version < DEBRIEF_SCHEMA_VERSION)
    {
      if (!exec (db, "BEGIN IMMEDIATE", _("The document could not be updated to this version of Debrief"), &error) ||
          !_debrief_schema_migrate (db, version, &error) ||
          !exec (db, "COMMIT", _("The document could not be updated to this version of Debrief"), &error))
        goto failed;
      prepare->migrated = TRUE;
    }

  if (!exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON",
             _("The working copy could not be prepared"), &error))
    goto failed;

  g_task_return_pointer (task, db, (GDestroyNotify) sqlite3_close);
  return;

failed:
  g_clear_pointer (&db, sqlite3_close);
  remove_database_files (prepare->working_path);
  g_task_return_error (task, error);
}

static void
prepare_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  DebriefDocument *self = DEBRIEF_DOCUMENT (object);
  PrepareData *prepare = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  db = g_task_propagate_pointer (G_TASK (result), &error);

  /* Closed meanwhile: the working copy is nobody's. */
  if (g_cancellable_is_cancelled (self->prepare_cancellable))
    {
      g_clear_pointer (&db, sqlite3_close);
      remove_database_files (prepare->working_path);
      return;
    }
  g_clear_object (&self->prepare_cancellable);

  if (db == NULL)
    {
      /* It can still be read, as it was shown. */
      self->read_only_reason = DEBRIEF_READ_ONLY_REASON_REQUESTED;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READ_ONLY_REASON]);
      g_signal_emit (self, signals [PREPARATION_FAILED], 0, error);
      return;
    }

  g_hash_table_remove_all (self->statements);
  g_clear_pointer (&self->db, sqlite3_close);
  self->db = db;
  watch_wal (self);
  self->read_only_reason = DEBRIEF_READ_ONLY_REASON_NONE;

  if (prepare->migrated)
    self->modified = TRUE;

  if (self->open_flags & DEBRIEF_OPEN_FLAGS_AS_COPY)
    {
      g_clear_object (&self->file);
      self->modified = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);
    }

  write_draft_meta (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READ_ONLY_REASON]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READ_ONLY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
}

static void
debrief_document_start_preparing (DebriefDocument *self)
{
  g_autoptr(GTask) task = NULL;
  PrepareData *prepare = g_new0 (PrepareData, 1);

  prepare->working_path = g_strdup (self->working_path);
  prepare->file = g_object_ref (self->file);
  prepare->file_size = self->file_size;
  prepare->file_mtime = self->file_mtime;
  prepare->version = self->version;

  self->prepare_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->prepare_cancellable, prepare_done, NULL);
  g_task_set_source_tag (task, debrief_document_start_preparing);
  g_task_set_task_data (task, prepare, prepare_data_free);
  g_task_run_in_thread (task, prepare_thread);
}

static void
open_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  DebriefDocument *document;

  if (!(document = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (document->read_only_reason == DEBRIEF_READ_ONLY_REASON_PREPARING)
    debrief_document_start_preparing (document);

  g_task_return_pointer (task, document, g_object_unref);
}

/**
 * debrief_document_open_async:
 * @file: the incident document
 * @flags: how to open it
 * @user_name: (nullable): the name edits are recorded under
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the document can be shown
 * @user_data: data for @callback
 *
 * Opens @file off the main thread, as debrief_document_open() does. A
 * large document is shown as soon as what is shown of it is checked: it
 * is read-only (%DEBRIEF_READ_ONLY_REASON_PREPARING) until its working copy
 * is made and checked whole, then editable; if that fails, it stays
 * read-only and #DebriefDocument::preparation-failed says why.
 */
void
debrief_document_open_async (GFile               *file,
                             DebriefOpenFlags     flags,
                             const char          *user_name,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;
  OpenData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (OpenData, 1);
  data->file = g_object_ref (file);
  data->flags = flags;
  data->user_name = g_strdup (user_name);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_document_open_async);

  inner = g_task_new (NULL, cancellable, open_done, g_steal_pointer (&task));
  g_task_set_task_data (inner, data, open_data_free);
  g_task_run_in_thread (inner, open_thread);
}

/**
 * debrief_document_open_finish:
 * @result: the result given to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
DebriefDocument *
debrief_document_open_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == debrief_document_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- Edits, undo and redo ------------------------------------------- */

static int
session_table_filter (void       *user_data,
                      const char *table)
{
  /* Evidence content is large and changes only with its evidence item;
   * the document's own bookkeeping is not the user's to undo. */
  return strcmp (table, "evidence_chunk") != 0 &&
         strcmp (table, "evidence_line_index") != 0 &&
         strcmp (table, "document_info") != 0 &&
         strcmp (table, "revision") != 0;
}

typedef gboolean (*EditFunc) (DebriefDocument  *self,
                              gpointer          data,
                              GError          **error);

static void
push_undo (DebriefDocument *self,
           GBytes          *changeset,
           const char      *uuid,
           int              column)
{
  gint64 now = g_get_monotonic_time ();
  gboolean could_undo = debrief_document_get_can_undo (self);
  gboolean could_redo = debrief_document_get_can_redo (self);
  UndoStep *top = self->undo_stack->len ? g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1) : NULL;

  /* Several edits the user made as one (the fields of a dialog), or quick
   * edits of one field (typing), are one step to undo. */
  if (top != NULL &&
      ((self->group_depth > 0 && self->undo_stack->len > self->group_base) ||
       (column >= 0 && top->column == column &&
        g_strcmp0 (top->uuid, uuid) == 0 && now - top->time < COALESCE_USEC)))
    {
      int size = 0;
      void *merged = NULL;

      if (sqlite3changeset_concat ((int) g_bytes_get_size (top->changeset),
                                   (void *) g_bytes_get_data (top->changeset, NULL),
                                   (int) g_bytes_get_size (changeset),
                                   (void *) g_bytes_get_data (changeset, NULL),
                                   &size, &merged) == SQLITE_OK)
        {
          g_bytes_unref (top->changeset);
          top->changeset = g_bytes_new_with_free_func (merged, size, sqlite3_free, merged);
          top->time = now;
          g_ptr_array_set_size (self->redo_stack, 0);
          goto notify;
        }
    }

  {
    UndoStep *step = g_new0 (UndoStep, 1);

    step->changeset = g_bytes_ref (changeset);
    step->uuid = g_strdup (uuid);
    step->column = column;
    step->time = now;
    g_ptr_array_add (self->undo_stack, step);
    g_ptr_array_set_size (self->redo_stack, 0);
  }

notify:
  if (could_undo != debrief_document_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  if (could_redo != debrief_document_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);
}

/* Runs @func in one transaction on the working copy, records what it
 * changed for undo, and commits: when this returns TRUE, the edit is on
 * disk. */
static gboolean
run_edit (DebriefDocument  *self,
          EditFunc          func,
          gpointer          data,
          const char       *uuid,
          int               column,
          GError          **error)
{
  sqlite3_session *session = NULL;
  void *changes = NULL;
  int size = 0;
  int rc;

  if (self->read_only_reason != DEBRIEF_READ_ONLY_REASON_NONE)
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_READ_ONLY,
                           _("The incident document is open read-only."));
      return FALSE;
    }

  if ((rc = sqlite3session_create (self->db, "main", &session)) != SQLITE_OK)
    {
      _debrief_set_sqlite_error (error, self->db, rc, _("The change could not be recorded"));
      return FALSE;
    }
  sqlite3session_table_filter (session, session_table_filter, NULL);
  sqlite3session_attach (session, NULL);

  if (!exec (self->db, "BEGIN IMMEDIATE", _("The change could not be stored"), error))
    {
      sqlite3session_delete (session);
      return FALSE;
    }

  if (!func (self, data, error) ||
      (rc = sqlite3session_changeset (session, &size, &changes)) != SQLITE_OK)
    {
      if (rc != SQLITE_OK)
        _debrief_set_sqlite_error (error, self->db, rc, _("The change could not be recorded"));
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3session_delete (session);
      sqlite3_free (changes);
      return FALSE;
    }
  sqlite3session_delete (session);

  if (!exec (self->db, "COMMIT", _("The change could not be stored"), error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_free (changes);
      return FALSE;
    }

  self->change_count++;

  if (size > 0)
    {
      g_autoptr(GBytes) changeset = g_bytes_new_with_free_func (changes, size, sqlite3_free, changes);

      push_undo (self, changeset, uuid, column);
    }
  else
    sqlite3_free (changes);

  set_modified (self, TRUE);

  return TRUE;
}

typedef struct
{
  DebriefRecord *record;
  int            column;
  GDateTime     *now;
} RecordEdit;

static gboolean
bind_stamp_and_step (DebriefDocument  *self,
                     sqlite3_stmt     *stmt,
                     int               first,
                     RecordEdit       *edit,
                     GError          **error)
{
  g_autofree char *now_text = g_date_time_format_iso8601 (edit->now);
  int rc;

  sqlite3_bind_text (stmt, first, now_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, first + 1, self->user_name, -1, SQLITE_TRANSIENT);

  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    {
      _debrief_set_sqlite_error (error, self->db, rc, _("The change could not be stored"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);

  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                           _("The change could not be stored: the record is missing from the working copy."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
edit_update (DebriefDocument  *self,
             gpointer          data,
             GError          **error)
{
  RecordEdit *edit = data;
  DebriefRecordClass *klass = DEBRIEF_RECORD_GET_CLASS (edit->record);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  sql = g_strdup_printf ("UPDATE %s SET %s = ?1, modified_at = ?2, modified_by = ?3 WHERE uuid = ?4",
                         _debrief_record_class_get_table (klass),
                         _debrief_record_class_get_column_name (klass, edit->column));
  if (!(stmt = get_statement (self, sql, error)))
    return FALSE;

  _debrief_record_bind_column (edit->record, edit->column, stmt, 1);
  sqlite3_bind_text (stmt, 4, debrief_record_get_uuid (edit->record), -1, SQLITE_TRANSIENT);

  return bind_stamp_and_step (self, stmt, 2, edit, error);
}

static gboolean
edit_insert (DebriefDocument  *self,
             gpointer          data,
             GError          **error)
{
  RecordEdit *edit = data;
  g_autofree char *sql = insert_sql (DEBRIEF_RECORD_GET_CLASS (edit->record));
  sqlite3_stmt *stmt;

  if (!(stmt = get_statement (self, sql, error)))
    return FALSE;

  _debrief_record_set_stamp (edit->record, edit->now, self->user_name);

  return insert_record (self->db, stmt, edit->record, _("The record could not be stored"), error);
}

static gboolean
edit_delete (DebriefDocument  *self,
             gpointer          data,
             GError          **error)
{
  RecordEdit *edit = data;
  DebriefRecordClass *klass = DEBRIEF_RECORD_GET_CLASS (edit->record);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("DELETE FROM %s WHERE uuid = ?1", _debrief_record_class_get_table (klass));
  if (!(stmt = get_statement (self, sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, debrief_record_get_uuid (edit->record), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _debrief_set_sqlite_error (error, self->db, rc, _("The record could not be removed"));
      return FALSE;
    }

  return TRUE;
}

void
_debrief_document_record_changed (DebriefDocument *self,
                                  DebriefRecord   *record,
                                  guint            column)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  RecordEdit edit = { record, column, now };

  if (run_edit (self, edit_update, &edit, debrief_record_get_uuid (record), column, &error))
    _debrief_record_set_stamp (record, now, self->user_name);
  else
    g_signal_emit (self, signals [EDIT_FAILED], 0, error);
}

/**
 * debrief_document_add:
 * @self: a #DebriefDocument
 * @record: a record that belongs to no document yet
 * @error: a location for a #GError
 *
 * Adds @record to the document and to its list, as one step to undo.
 *
 * Returns: %TRUE if the record was stored
 */
gboolean
debrief_document_add (DebriefDocument  *self,
                      DebriefRecord    *record,
                      GError          **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  RecordEdit edit = { record, -1, now };

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DEBRIEF_IS_RECORD (record), FALSE);
  g_return_val_if_fail (debrief_record_get_document (record) == NULL, FALSE);
  g_return_val_if_fail (g_hash_table_contains (self->lists, GSIZE_TO_POINTER (G_OBJECT_TYPE (record))), FALSE);

  if (!run_edit (self, edit_insert, &edit, NULL, -1, error))
    return FALSE;

  _debrief_record_set_stamp (record, now, self->user_name);
  list_insert (self, record);

  return TRUE;
}

/**
 * debrief_document_remove:
 * @self: a #DebriefDocument
 * @record: a record of @self
 * @error: a location for a #GError
 *
 * Removes @record from the document, as one step to undo.
 *
 * Returns: %TRUE if the record was removed
 */
gboolean
debrief_document_remove (DebriefDocument  *self,
                         DebriefRecord    *record,
                         GError          **error)
{
  RecordEdit edit = { record, -1, NULL };

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DEBRIEF_IS_RECORD (record), FALSE);
  g_return_val_if_fail (debrief_record_get_document (record) == self, FALSE);
  g_return_val_if_fail (!DEBRIEF_IS_INCIDENT (record), FALSE);

  if (!run_edit (self, edit_delete, &edit, NULL, -1, error))
    return FALSE;

  list_remove (self, record);

  return TRUE;
}

static int
conflict_abort (void                  *user_data,
                int                    conflict,
                sqlite3_changeset_iter *iter)
{
  return SQLITE_CHANGESET_ABORT;
}

/* Brings the records in memory up to date with what @changeset did. */
static void
refresh_from_changeset (DebriefDocument *self,
                        GBytes          *changeset)
{
  sqlite3_changeset_iter *iter = NULL;

  if (sqlite3changeset_start (&iter, (int) g_bytes_get_size (changeset),
                              (void *) g_bytes_get_data (changeset, NULL)) != SQLITE_OK)
    return;

  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table = NULL;
      sqlite3_value *key = NULL;
      int n_columns, op, indirect;
      g_autofree char *uuid = NULL;
      DebriefRecord *record;
      GType type;

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      if (op == SQLITE_INSERT)
        sqlite3changeset_new (iter, 0, &key);
      else
        sqlite3changeset_old (iter, 0, &key);

      if (key == NULL || (type = type_for_table (table)) == G_TYPE_INVALID)
        continue;

      uuid = g_strdup ((const char *) sqlite3_value_text (key));
      record = g_hash_table_lookup (self->records, uuid);

      if (op == SQLITE_DELETE)
        {
          if (record != NULL)
            list_remove (self, record);
        }
      else
        {
          g_autoptr(GTypeClass) klass = g_type_class_ref (type);
          g_autofree char *sql = select_sql (DEBRIEF_RECORD_CLASS (klass), "uuid = ?1");
          sqlite3_stmt *stmt = get_statement (self, sql, NULL);

          if (stmt == NULL)
            continue;

          sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              if (record != NULL)
                reload_record (record, stmt);
              else
                {
                  g_autoptr(DebriefRecord) added = record_from_row (type, stmt);

                  list_insert (self, added);
                }
            }
          sqlite3_reset (stmt);
        }
    }

  sqlite3changeset_finalize (iter);
}

static gboolean
apply_changeset (DebriefDocument  *self,
                 GBytes           *changeset,
                 GError          **error)
{
  int rc;

  if (self->read_only_reason != DEBRIEF_READ_ONLY_REASON_NONE)
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_READ_ONLY,
                           _("The incident document is open read-only."));
      return FALSE;
    }

  if (!exec (self->db, "BEGIN IMMEDIATE", _("The change could not be undone"), error))
    return FALSE;

  rc = sqlite3changeset_apply (self->db,
                               (int) g_bytes_get_size (changeset),
                               (void *) g_bytes_get_data (changeset, NULL),
                               NULL, conflict_abort, NULL);
  if (rc != SQLITE_OK)
    {
      _debrief_set_sqlite_error (error, self->db, rc, _("The change could not be undone"));
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (!exec (self->db, "COMMIT", _("The change could not be undone"), error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  self->change_count++;
  refresh_from_changeset (self, changeset);
  set_modified (self, TRUE);

  return TRUE;
}

static gboolean
move_step (DebriefDocument  *self,
           GPtrArray        *from,
           GPtrArray        *to,
           gboolean          invert,
           GError          **error)
{
  g_autoptr(GBytes) changeset = NULL;
  UndoStep *step;

  if (from->len == 0)
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_NOTHING_TO_UNDO,
                           invert ? _("There is nothing to undo.") : _("There is nothing to redo."));
      return FALSE;
    }

  step = g_ptr_array_index (from, from->len - 1);

  if (invert)
    {
      int size = 0;
      void *inverted = NULL;
      int rc = sqlite3changeset_invert ((int) g_bytes_get_size (step->changeset),
                                        g_bytes_get_data (step->changeset, NULL),
                                        &size, &inverted);

      if (rc != SQLITE_OK)
        {
          _debrief_set_sqlite_error (error, self->db, rc, _("The change could not be undone"));
          return FALSE;
        }
      changeset = g_bytes_new_with_free_func (inverted, size, sqlite3_free, inverted);
    }
  else
    changeset = g_bytes_ref (step->changeset);

  if (!apply_changeset (self, changeset, error))
    return FALSE;

  /* A step moved to the other stack is never merged with a new edit. */
  step->column = -1;
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);

  return TRUE;
}

/**
 * debrief_document_begin_group:
 * @self: a #DebriefDocument
 *
 * Makes the edits until debrief_document_end_group() one step to undo,
 * such as the fields of a dialog saved at once. Groups nest.
 */
void
debrief_document_begin_group (DebriefDocument *self)
{
  g_return_if_fail (DEBRIEF_IS_DOCUMENT (self));

  if (self->group_depth++ == 0)
    self->group_base = self->undo_stack->len;
}

void
debrief_document_end_group (DebriefDocument *self)
{
  g_return_if_fail (DEBRIEF_IS_DOCUMENT (self));
  g_return_if_fail (self->group_depth > 0);

  self->group_depth--;
}

gboolean
debrief_document_undo (DebriefDocument  *self,
                       GError          **error)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), FALSE);

  return move_step (self, self->undo_stack, self->redo_stack, TRUE, error);
}

gboolean
debrief_document_redo (DebriefDocument  *self,
                       GError          **error)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), FALSE);

  return move_step (self, self->redo_stack, self->undo_stack, FALSE, error);
}

gboolean
debrief_document_get_can_undo (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), FALSE);

  return self->undo_stack->len > 0 && self->read_only_reason == DEBRIEF_READ_ONLY_REASON_NONE;
}

gboolean
debrief_document_get_can_redo (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), FALSE);

  return self->redo_stack->len > 0 && self->read_only_reason == DEBRIEF_READ_ONLY_REASON_NONE;
}

/* --- Saving ---------------------------------------------------------- */

typedef enum
{
  TARGET_UNCHANGED,
  TARGET_CHANGED,
  TARGET_MISSING,
} TargetState;

/* Whether @file is still the one whose revision was @revision with @size
 * and @mtime. A file touched without being saved (a sync client that
 * downloads it again) has another mtime but the same revision. */
static gboolean
target_state (GFile         *file,
              const char    *revision,
              gint64         size,
              gint64         mtime,
              TargetState   *state,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *their_revision = NULL;
  gint64 now_size, now_mtime;
  sqlite3 *db;
  int version;

  if (!query_file_state (file, &now_size, &now_mtime, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          *state = TARGET_MISSING;
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (now_size == size && now_mtime == mtime)
    {
      *state = TARGET_UNCHANGED;
      return TRUE;
    }

  *state = TARGET_CHANGED;

  if (!(path = g_file_get_path (file)) || !check_file_header (file, cancellable, NULL))
    return TRUE;

  if ((db = _debrief_database_open (path, SQLITE_OPEN_READONLY, NULL)))
    {
      if (_debrief_database_check (db, &version, NULL))
        read_info (db, "revision", &their_revision, NULL);
      sqlite3_close (db);
    }

  if (their_revision != NULL && revision != NULL && *revision != '\0' &&
      strcmp (their_revision, revision) == 0)
    *state = TARGET_UNCHANGED;

  return TRUE;
}

/**
 * debrief_document_file_changed:
 * @self: a #DebriefDocument
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Tells whether somebody else saved over the document's file since it was
 * opened or last saved here. This blocks on the file system.
 *
 * Returns: %TRUE if the file holds another revision now
 */
gboolean
debrief_document_file_changed (DebriefDocument  *self,
                               GCancellable     *cancellable,
                               GError          **error)
{
  TargetState state = TARGET_UNCHANGED;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), FALSE);

  if (self->file == NULL)
    return FALSE;

  if (!target_state (self->file, self->revision, self->file_size, self->file_mtime,
                     &state, cancellable, error))
    return FALSE;

  return state == TARGET_CHANGED;
}

typedef struct
{
  char    *working_path;
  GFile   *target;
  gboolean check_conflict;
  char    *old_revision;
  char    *new_revision;
  gint64   old_size;
  gint64   old_mtime;
  gint64   new_size;
  gint64   new_mtime;
  guint64  change_count;
  DebriefRevision *revision;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_free (save->working_path);
  g_clear_object (&save->target);
  g_free (save->old_revision);
  g_free (save->new_revision);
  g_clear_object (&save->revision);
  g_free (save);
}

static gboolean
save_fault (DebriefSaveStep   step,
            GError          **error)
{
  return save_fault_func == NULL || save_fault_func (step, error);
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *doing)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: "<what was being done>: <why it failed>." */
               _("%s: %s."), doing, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
sync_path (const char  *path,
           gboolean     directory,
           GError     **error)
{
  int fd = g_open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0)
    return set_errno_error (error, errno, _("The saved file could not be written to disk"));

  if (fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      /* Some file systems (network shares among them) cannot sync a
       * folder; the rename stands all the same. */
      if (directory && (saved_errno == EINVAL || saved_errno == ENOTSUP))
        return TRUE;
      return set_errno_error (error, saved_errno, _("The saved file could not be written to disk"));
    }

  close (fd);
  return TRUE;
}

static gboolean
verify_saved (const char  *path,
              const char  *revision,
              GError     **error)
{
  g_autofree char *saved_revision = NULL;
  guint8 header[DEBRIEF_FILE_HEADER_SIZE];
  guint32 page_size, n_pages;
  GStatBuf info;
  sqlite3 *db;
  int version = 0;
  gboolean ok;
  FILE *fp;
  size_t n_read;

  if (!(fp = g_fopen (path, "rb")))
    return set_errno_error (error, errno, _("The saved file could not be checked"));
  n_read = fread (header, 1, sizeof header, fp);
  ok = fstat (fileno (fp), &info) == 0;
  fclose (fp);

  /* Rollback-journal mode (header bytes 18 and 19 are 1): a shared file
   * never needs a -wal or -shm beside it. And all of it is there: the
   * header's page count times its page size is the file's size. */
  page_size = (guint32) header[16] << 8 | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = (guint32) header[28] << 24 | (guint32) header[29] << 16 | (guint32) header[30] << 8 | header[31];

  if (!ok || n_read != sizeof header || header[18] != 1 || header[19] != 1 ||
      (gint64) page_size * n_pages != (gint64) info.st_size)
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_WRITE_FAILED,
                           _("The saved file did not read back correctly."));
      return FALSE;
    }

  if (!(db = _debrief_database_open_full (path, SQLITE_OPEN_READONLY,
                                          _("The saved file could not be checked"), error)))
    return FALSE;

  /* A page copy of a working copy that was checked whole when it was
   * opened: what is shown of a large document is read back, its evidence
   * content is vouched for by the writes and the sync that succeeded. */
  if ((gint64) info.st_size >= large_document_size)
    ok = _debrief_database_check_tables (db, shown_tables, &version, error);
  else
    ok = _debrief_database_check (db, &version, error);

  ok = ok && read_info (db, "revision", &saved_revision, error);
  sqlite3_close (db);

  if (ok && (version != DEBRIEF_SCHEMA_VERSION || g_strcmp0 (saved_revision, revision) != 0))
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_WRITE_FAILED,
                           _("The saved file did not read back correctly."));
      ok = FALSE;
    }

  return ok;
}

/* A save that was killed leaves its hidden temporary file beside the
 * target; the next save of the same file removes those old enough that no
 * save can still be writing them. */
static void
remove_stale_saves (const char *dir,
                    const char *base)
{
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time ();
  const char *name;

  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)))
    {
      g_autofree char *path = NULL;
      GStatBuf info;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".saving"))
        continue;

      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &info) == 0 && S_ISREG (info.st_mode) &&
          now - (gint64) info.st_mtime * G_USEC_PER_SEC > G_TIME_SPAN_HOUR)
        g_unlink (path);
    }
}

/* The content of evidence items that are no longer in the document (removed,
 * or an import that was undone, cancelled or cut short) stays in the working
 * copy, where a redo may need it, but not in a saved file. */
static gboolean
drop_unused_content (sqlite3  *dest,
                     GError  **error)
{
  int before = sqlite3_total_changes (dest);
  int rc;

  rc = sqlite3_exec (dest,
                     "DELETE FROM evidence_chunk WHERE evidence_uuid NOT IN (SELECT uuid FROM evidence);"
                     "DELETE FROM evidence_line_index WHERE evidence_uuid NOT IN (SELECT uuid FROM evidence)",
                     NULL, NULL, NULL);
  /* Freed pages would keep the file as large as before. VACUUM works
   * through a temporary database of its own, which the defensive
   * connection's limit on attached databases otherwise refuses. */
  if (rc == SQLITE_OK && sqlite3_total_changes (dest) > before)
    {
      int attached = sqlite3_limit (dest, SQLITE_LIMIT_ATTACHED, 1);

      rc = sqlite3_exec (dest, "VACUUM", NULL, NULL, NULL);
      sqlite3_limit (dest, SQLITE_LIMIT_ATTACHED, attached);
    }

  if (rc != SQLITE_OK)
    {
      _debrief_set_sqlite_error (error, dest, rc, _("The file could not be saved"));
      return FALSE;
    }

  return TRUE;
}

/* Writes the revision of this save into the new file. */
static gboolean
record_save (sqlite3   *dest,
             SaveData  *save,
             GError   **error)
{
  g_autofree char *sql = insert_sql (DEBRIEF_RECORD_GET_CLASS (save->revision));
  sqlite3_stmt *stmt = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (dest, sql, -1, &stmt, NULL)) != SQLITE_OK)
    {
      _debrief_set_sqlite_error (error, dest, rc, _("The file could not be saved"));
      return FALSE;
    }

  if (!insert_record (dest, stmt, DEBRIEF_RECORD (save->revision), _("The file could not be saved"), error))
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  if (!write_info_full (dest, "revision", save->new_revision, _("The file could not be saved"), error))
    return FALSE;

  return drop_unused_content (dest, error);
}

static gboolean
set_rollback_mode (const char  *path,
                   GError     **error)
{
  static const guint8 rollback[2] = { 1, 1 };
  int fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0)
    return set_errno_error (error, errno, _("The file could not be saved"));

  if (pwrite (fd, rollback, sizeof rollback, 18) != sizeof rollback)
    {
      saved_errno = errno ? errno : EIO;
      close (fd);
      return set_errno_error (error, saved_errno, _("The file could not be saved"));
    }

  close (fd);
  return TRUE;
}

static gboolean
save_to_target (SaveData      *save,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autofree char *target_path = g_file_get_path (save->target);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *journal = NULL;
  sqlite3 *source = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;
  int fd;
  int rc;

  if (target_path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Incident documents can be saved only in folders of this computer or of a mounted share."));
      return FALSE;
    }

  dir = g_path_get_dirname (target_path);
  base = g_path_get_basename (target_path);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX.saving", dir, base);

  remove_stale_saves (dir, base);

  /* A unique name beside the target, on the same file system, so the
   * rename is atomic. */
  if ((fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0644)) < 0)
    return set_errno_error (error, errno, _("The file could not be saved"));
  close (fd);
  journal = g_strconcat (tmp_path, "-journal", NULL);

  if (!save_fault (DEBRIEF_SAVE_STEP_SNAPSHOT, error))
    goto out;

  /* The backup API copies the working copy page by page, in one read
   * transaction of its own connection: a consistent snapshot, at the speed
   * of a file copy, while the user goes on editing. The copy needs no
   * journal of its own: until it is renamed, it is nobody's document. */
  if (!(source = _debrief_database_open_full (save->working_path, SQLITE_OPEN_READONLY,
                                              _("The file could not be saved"), error)) ||
      !(dest = _debrief_database_open_full (tmp_path, SQLITE_OPEN_READWRITE,
                                            _("The file could not be saved"), error)))
    goto out;

  sqlite3_exec (dest, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", NULL, NULL, NULL);

  /* The working copy is Debrief's own and was checked when it was made:
   * it may be read through a memory map, which spares a system call and a
   * copy for every page. */
  sqlite3_exec (source, "PRAGMA mmap_size = 2147418112", NULL, NULL, NULL);

  if (!(backup = sqlite3_backup_init (dest, "main", source, "main")))
    {
      _debrief_set_sqlite_error (error, dest, sqlite3_errcode (dest), _("The file could not be saved"));
      goto out;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      _debrief_set_sqlite_error (error, dest, rc, _("The file could not be saved"));
      goto out;
    }
  g_clear_pointer (&source, sqlite3_close);
  rc = sqlite3_errcode (dest);
  g_clear_pointer (&dest, sqlite3_close);
  if (rc != SQLITE_OK)
    {
      _debrief_set_sqlite_error (error, NULL, rc, _("The file could not be saved"));
      goto out;
    }

  /* The pages carry the working copy's WAL mode in the header (bytes 18
   * and 19); a shared file is in rollback-journal mode, so that it never
   * needs a -wal or -shm beside it. This is the change PRAGMA journal_mode
   * makes, without the WAL files it would create on the way. */
  if (!set_rollback_mode (tmp_path, error))
    goto out;

  /* Then the revision of this save, in the new file only. */
  if (!(dest = _debrief_database_open_full (tmp_path, SQLITE_OPEN_READWRITE, _("The file could not be saved"), error)))
    goto out;
  sqlite3_exec (dest, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", NULL, NULL, NULL);
  if (!record_save (dest, save, error))
    goto out;
  g_clear_pointer (&dest, sqlite3_close);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  if (!save_fault (DEBRIEF_SAVE_STEP_SYNC, error) || !sync_path (tmp_path, FALSE, error))
    goto out;

  if (!save_fault (DEBRIEF_SAVE_STEP_VERIFY, error) || !verify_saved (tmp_path, save->new_revision, error))
    goto out;

  if (!save_fault (DEBRIEF_SAVE_STEP_CHECK_TARGET, error))
    goto out;

  if (save->check_conflict)
    {
      TargetState state;

      if (!target_state (save->target, save->old_revision, save->old_size, save->old_mtime,
                         &state, cancellable, error))
        goto out;

      if (state == TARGET_CHANGED)
        {
          g_autofree char *name = g_file_get_basename (save->target);

          g_set_error (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_CONFLICT,
                       _("Somebody else saved “%s” after you opened it. Nothing was overwritten."),
                       name);
          goto out;
        }
    }

  if (!save_fault (DEBRIEF_SAVE_STEP_RENAME, error))
    goto out;

  if (g_rename (tmp_path, target_path) != 0)
    {
      set_errno_error (error, errno, _("The file could not be saved"));
      goto out;
    }
  g_clear_pointer (&tmp_path, g_free);

  ok = TRUE;

  /* The file is in place; syncing the folder makes the rename itself
   * survive a power cut. A failure here is no reason to report the save
   * as failed. */
  if (save_fault (DEBRIEF_SAVE_STEP_SYNC_FOLDER, NULL))
    {
      g_autoptr(GError) sync_error = NULL;

      if (!sync_path (dir, TRUE, &sync_error))
        g_debug ("%s", sync_error->message);
    }

  if (!query_file_state (save->target, &save->new_size, &save->new_mtime, cancellable, NULL))
    save->new_size = save->new_mtime = -1;

out:
  g_clear_pointer (&dest, sqlite3_close);
  g_clear_pointer (&source, sqlite3_close);
  if (tmp_path != NULL)
    g_unlink (tmp_path);
  g_unlink (journal);

  return ok;
}

/* Adds @revision, a save of the file, to the working copy's history: not
 * an edit the user undoes. */
static gboolean
add_revision (DebriefDocument  *self,
              DebriefRevision  *revision,
              GError          **error)
{
  g_autofree char *sql = insert_sql (DEBRIEF_RECORD_GET_CLASS (revision));
  const char *revision_id = debrief_revision_get_revision_id (revision);
  sqlite3_stmt *stmt;

  if (g_hash_table_contains (self->records, debrief_record_get_uuid (DEBRIEF_RECORD (revision))))
    return TRUE;

  if (!(stmt = get_statement (self, sql, error)) ||
      !exec (self->db, "BEGIN IMMEDIATE", _("The revision history could not be updated"), error))
    return FALSE;

  if (!insert_record (self->db, stmt, DEBRIEF_RECORD (revision), _("The revision history could not be updated"), error) ||
      !write_info (self->db, "revision", revision_id, error) ||
      !exec (self->db, "COMMIT", _("The revision history could not be updated"), error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  list_insert (self, DEBRIEF_RECORD (revision));

  return TRUE;
}

static SaveData *
save_prepare (DebriefDocument  *self,
              GFile            *target,
              GError          **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *version = g_strdup_printf ("Debrief %s", PACKAGE_VERSION);
  SaveData *save;

  if (target == NULL)
    target = self->file;

  if (target == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("The incident has no file yet: choose where to save it."));
      return NULL;
    }

  if (self->read_only_reason == DEBRIEF_READ_ONLY_REASON_PREPARING)
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_READ_ONLY,
                           _("The incident document is still being prepared for editing. Try again in a moment."));
      return NULL;
    }

  if (self->read_only_reason != DEBRIEF_READ_ONLY_REASON_NONE)
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_READ_ONLY,
                           _("The incident document is open read-only and cannot be saved."));
      return NULL;
    }

  save = g_new0 (SaveData, 1);
  save->working_path = g_strdup (self->working_path);
  save->target = g_object_ref (target);
  save->check_conflict = self->file != NULL && g_file_equal (target, self->file);
  save->old_revision = g_strdup (self->revision);
  save->old_size = self->file_size;
  save->old_mtime = self->file_mtime;
  save->new_revision = g_uuid_string_random ();
  save->change_count = self->change_count;

  /* The revision goes into the saved file only; the working copy gets it
   * once the save has succeeded, so a failed or killed save leaves no
   * trace of a revision that never was. */
  save->revision = debrief_revision_new ();
  debrief_revision_set_revision_id (save->revision, save->new_revision);
  debrief_revision_set_saved_at (save->revision, now);
  debrief_revision_set_saved_by (save->revision, self->user_name);
  debrief_revision_set_host (save->revision, g_get_host_name ());
  debrief_revision_set_app_version (save->revision, version);
  _debrief_record_set_stamp (DEBRIEF_RECORD (save->revision), now, self->user_name);

  /* If the session dies between the rename and the end of the save, the
   * draft tells the next one which revision of the file is its own. */
  g_free (self->saving_revision);
  self->saving_revision = g_strdup (save->new_revision);
  write_draft_meta (self);

  return save;
}

static void
save_complete (DebriefDocument *self,
               SaveData        *save,
               gboolean         saved)
{
  g_clear_pointer (&self->saving_revision, g_free);

  if (!saved)
    {
      write_draft_meta (self);
      return;
    }

  g_free (self->revision);
  self->revision = g_strdup (save->new_revision);
  self->file_size = save->new_size;
  self->file_mtime = save->new_mtime;

  /* The working copy learns of the revision the file now holds. The file
   * is saved whatever happens here; a working copy that cannot take it
   * only lacks one line of history. */
  {
    g_autoptr(GError) error = NULL;

    if (!add_revision (self, save->revision, &error))
      g_debug ("The revision could not be added to the working copy: %s", error->message);
  }

  if (self->file == NULL || !g_file_equal (self->file, save->target))
    {
      g_set_object (&self->file, save->target);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);
    }

  /* Edits made while the save ran are not in the file. */
  set_modified (self, self->change_count != save->change_count);
  write_draft_meta (self);
}

/**
 * debrief_document_save:
 * @self: a #DebriefDocument
 * @target: (nullable): where to save, or %NULL for the document's file
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Saves the working copy to @target: a new file beside it, synced and
 * verified, renamed over it. If @target is the document's own file and
 * somebody else saved it since it was opened here, nothing is written and
 * the error is %DEBRIEF_DOCUMENT_ERROR_CONFLICT. This blocks.
 *
 * Returns: %TRUE if the document was saved
 */
gboolean
debrief_document_save (DebriefDocument  *self,
                       GFile            *target,
                       GCancellable     *cancellable,
                       GError          **error)
{
  SaveData *save;
  gboolean ok;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (!target || G_IS_FILE (target), FALSE);

  if (!(save = save_prepare (self, target, error)))
    return FALSE;

  ok = save_to_target (save, cancellable, error);
  save_complete (self, save, ok);
  save_data_free (save);

  return ok;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (save_to_target (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_thread_done (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  DebriefDocument *self = DEBRIEF_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gboolean ok;

  ok = g_task_propagate_boolean (G_TASK (result), &error);
  save_complete (self, g_task_get_task_data (G_TASK (result)), ok);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
debrief_document_save_async (DebriefDocument     *self,
                             GFile               *target,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;
  GError *error = NULL;
  SaveData *save;

  g_return_if_fail (DEBRIEF_IS_DOCUMENT (self));
  g_return_if_fail (!target || G_IS_FILE (target));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_document_save_async);

  if (!(save = save_prepare (self, target, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  inner = g_task_new (self, cancellable, save_thread_done, g_steal_pointer (&task));
  g_task_set_task_data (inner, save, save_data_free);
  g_task_run_in_thread (inner, save_thread);
}

gboolean
debrief_document_save_finish (DebriefDocument  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == debrief_document_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * debrief_document_close:
 * @self: a #DebriefDocument
 *
 * Ends the work on @self and removes its working copy. Call it once the
 * user has saved or chosen to discard the changes; a document that is
 * only finalized keeps its working copy, to be offered for restoring.
 */
void
debrief_document_close (DebriefDocument *self)
{
  g_return_if_fail (DEBRIEF_IS_DOCUMENT (self));

  debrief_document_discard (self);
}

/**
 * debrief_document_peek_title:
 * @file: an incident document
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Reads the title of the incident in @file without opening it for work:
 * for lists of files, such as the recent ones. The file is read where it
 * lies, read-only, after the same checks as an open of what is read. This
 * blocks: call it from a thread.
 *
 * Returns: (transfer full): the title, "" if the incident has none yet, or
 *   %NULL with @error set
 */
char *
debrief_document_peek_title (GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error)
{
  static const char * const incident_table[] = { "incident", NULL };
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *immutable_uri = NULL;
  sqlite3_stmt *stmt = NULL;
  char *title = NULL;
  sqlite3 *db;
  int version;
  int rc;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!check_file_header (file, cancellable, error))
    return NULL;

  if (!(path = g_file_get_path (file)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only files of this computer or of a mounted share can be read."));
      return NULL;
    }

  if (!(uri = g_filename_to_uri (path, NULL, error)))
    return NULL;
  immutable_uri = g_strconcat (uri, "?mode=ro&immutable=1", NULL);

  if (!(db = _debrief_database_open (immutable_uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error)))
    return NULL;

  if (!_debrief_database_check_tables (db, incident_table, &version, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  rc = sqlite3_prepare_v2 (db, "SELECT title FROM incident", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    title = _debrief_text_from_column (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                         _("The incident document is damaged: it holds no incident."));
  else
    _debrief_set_sqlite_error (error, db, rc, _("The incident document could not be read"));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (rc == SQLITE_ROW && title == NULL)
    title = g_strdup ("");

  return title;
}

/* --- Drafts left behind ---------------------------------------------- */

struct _DebriefDraft
{
  char      *id;
  char      *title;
  GFile     *file;
  GDateTime *modified;
  gboolean   read_only;
  char      *revision;
  char      *saving_revision;
  gint64     file_size;
  gint64     file_mtime;
};

DebriefDraft *
debrief_draft_copy (const DebriefDraft *draft)
{
  DebriefDraft *copy = g_new0 (DebriefDraft, 1);

  copy->id = g_strdup (draft->id);
  copy->title = g_strdup (draft->title);
  copy->file = draft->file ? g_object_ref (draft->file) : NULL;
  copy->modified = draft->modified ? g_date_time_ref (draft->modified) : NULL;
  copy->read_only = draft->read_only;
  copy->revision = g_strdup (draft->revision);
  copy->saving_revision = g_strdup (draft->saving_revision);
  copy->file_size = draft->file_size;
  copy->file_mtime = draft->file_mtime;

  return copy;
}

void
debrief_draft_free (DebriefDraft *draft)
{
  if (draft == NULL)
    return;

  g_free (draft->id);
  g_free (draft->title);
  g_clear_object (&draft->file);
  g_clear_pointer (&draft->modified, g_date_time_unref);
  g_free (draft->revision);
  g_free (draft->saving_revision);
  g_free (draft);
}

G_DEFINE_BOXED_TYPE (DebriefDraft, debrief_draft, debrief_draft_copy, debrief_draft_free)

const char *
debrief_draft_get_id (const DebriefDraft *draft)
{
  return draft->id;
}

const char *
debrief_draft_get_title (const DebriefDraft *draft)
{
  return draft->title;
}

/**
 * debrief_draft_get_file:
 * @draft: a #DebriefDraft
 *
 * Returns: (transfer none) (nullable): the document the draft is a working
 *   copy of, or %NULL for an incident that was never saved
 */
GFile *
debrief_draft_get_file (const DebriefDraft *draft)
{
  return draft->file;
}

/**
 * debrief_draft_get_modified:
 * @draft: a #DebriefDraft
 *
 * Returns: (transfer none): when the draft was last changed
 */
GDateTime *
debrief_draft_get_modified (const DebriefDraft *draft)
{
  return draft->modified;
}

static gboolean
process_is_alive (gint64 pid)
{
  return pid > 0 && pid <= G_MAXINT && (kill ((pid_t) pid, 0) == 0 || errno == EPERM);
}

static char *
read_draft_title (const char *path)
{
  sqlite3 *db = _debrief_database_open (path, SQLITE_OPEN_READONLY, NULL);
  sqlite3_stmt *stmt = NULL;
  char *title = NULL;

  if (db == NULL)
    return NULL;

  if (sqlite3_prepare_v2 (db, "SELECT title FROM incident", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    title = _debrief_text_from_column (stmt, 0);

  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return title;
}

/**
 * debrief_document_list_drafts:
 *
 * Finds the working copies with unsaved changes that no running Debrief is
 * using. Working copies without changes that nobody uses are removed.
 *
 * Returns: (transfer full) (element-type DebriefDraft): the drafts, newest
 *   first
 */
GPtrArray *
debrief_document_list_drafts (void)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) debrief_draft_free);
  g_autofree char *dir = drafts_dir ();
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return drafts;

  while ((name = g_dir_read_name (handle)))
    {
      g_autoptr(GKeyFile) keyfile = g_key_file_new ();
      g_autofree char *id = NULL;
      g_autofree char *meta = NULL;
      g_autofree char *working = NULL;
      g_autofree char *uri = NULL;
      g_autofree char *host = NULL;
      g_autoptr(GFile) working_file = NULL;
      g_autoptr(GFileInfo) info = NULL;
      DebriefDraft *draft;

      if (!g_str_has_suffix (name, ".draft"))
        continue;

      id = g_strndup (name, strlen (name) - strlen (".draft"));
      meta = g_build_filename (dir, name, NULL);
      working = draft_path (id, ".debrief");

      if (!g_key_file_load_from_file (keyfile, meta, G_KEY_FILE_NONE, NULL) ||
          !g_file_test (working, G_FILE_TEST_IS_REGULAR))
        {
          remove_database_files (working);
          g_unlink (meta);
          continue;
        }

      host = g_key_file_get_string (keyfile, "Draft", "host", NULL);
      if (g_strcmp0 (host, g_get_host_name ()) == 0 &&
          process_is_alive (g_key_file_get_int64 (keyfile, "Draft", "pid", NULL)))
        continue;

      if (!g_key_file_get_boolean (keyfile, "Draft", "modified", NULL))
        {
          remove_database_files (working);
          g_unlink (meta);
          continue;
        }

      draft = g_new0 (DebriefDraft, 1);
      draft->id = g_steal_pointer (&id);
      draft->title = read_draft_title (working);
      uri = g_key_file_get_string (keyfile, "Draft", "file", NULL);
      draft->file = (uri && *uri) ? g_file_new_for_uri (uri) : NULL;
      draft->read_only = g_key_file_get_boolean (keyfile, "Draft", "read-only", NULL);
      draft->revision = g_key_file_get_string (keyfile, "Draft", "revision", NULL);
      draft->saving_revision = g_key_file_get_string (keyfile, "Draft", "saving-revision", NULL);
      draft->file_size = g_key_file_get_int64 (keyfile, "Draft", "file-size", NULL);
      draft->file_mtime = g_key_file_get_int64 (keyfile, "Draft", "file-mtime", NULL);

      working_file = g_file_new_for_path (working);
      info = g_file_query_info (working_file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
      draft->modified = info ? g_file_info_get_modification_date_time (info) : g_date_time_new_now_utc ();

      g_ptr_array_add (drafts, draft);
    }

  return drafts;
}

static void
adopt_interrupted_save (DebriefDocument *self,
                        const char      *saving_revision)
{
  g_autofree char *path = g_file_get_path (self->file);
  g_autofree char *their_revision = NULL;
  g_autoptr(GTypeClass) klass = g_type_class_ref (DEBRIEF_TYPE_REVISION);
  g_autofree char *sql = select_sql (DEBRIEF_RECORD_CLASS (klass), "revision_id = ?1");
  g_autoptr(DebriefRecord) revision = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int version;

  if (path == NULL || !check_file_header (self->file, NULL, NULL) ||
      !(db = _debrief_database_open (path, SQLITE_OPEN_READONLY, NULL)))
    return;

  if (_debrief_database_check (db, &version, NULL) &&
      read_info (db, "revision", &their_revision, NULL) &&
      g_strcmp0 (their_revision, saving_revision) == 0 &&
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, saving_revision, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        revision = record_from_row (DEBRIEF_TYPE_REVISION, stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (revision == NULL)
    return;

  g_free (self->revision);
  self->revision = g_strdup (saving_revision);
  if (!query_file_state (self->file, &self->file_size, &self->file_mtime, NULL, NULL))
    self->file_size = self->file_mtime = -1;

  if (!add_revision (self, DEBRIEF_REVISION (revision), &error))
    g_debug ("The revision could not be added to the working copy: %s", error->message);
}

/**
 * debrief_document_restore_draft:
 * @draft: a draft from debrief_document_list_drafts()
 * @user_name: (nullable): the name edits are recorded under
 * @error: a location for a #GError
 *
 * Opens the working copy of @draft again, with its unsaved changes, as
 * the document it was a copy of.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
DebriefDocument *
debrief_document_restore_draft (const DebriefDraft  *draft,
                                const char          *user_name,
                                GError             **error)
{
  g_autoptr(DebriefDocument) self = NULL;
  int version = 0;

  g_return_val_if_fail (draft != NULL, NULL);

  self = g_object_new (DEBRIEF_TYPE_DOCUMENT, NULL);
  if (user_name != NULL && *user_name != '\0')
    {
      g_free (self->user_name);
      self->user_name = g_strdup (user_name);
    }
  self->draft_id = g_strdup (draft->id);
  self->working_path = draft_path (draft->id, ".debrief");
  self->file = draft->file ? g_object_ref (draft->file) : NULL;
  self->file_size = draft->file_size;
  self->file_mtime = draft->file_mtime;
  self->modified = TRUE;

  if (draft->read_only)
    self->read_only_reason = DEBRIEF_READ_ONLY_REASON_REQUESTED;

  if (!(self->db = _debrief_database_open (self->working_path, SQLITE_OPEN_READWRITE, error)) ||
      !_debrief_database_check (self->db, &version, error) ||
      !prepare_working_copy (self, !draft->read_only && version <= DEBRIEF_SCHEMA_VERSION, error))
    {
      g_clear_pointer (&self->statements, g_hash_table_unref);
      self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sqlite3_finalize);
      g_clear_pointer (&self->db, sqlite3_close);
      return NULL;
    }

  /* The revision the draft started from, not the one in the working copy:
   * a save that failed must not count as the file's revision. */
  if (draft->revision != NULL)
    {
      g_free (self->revision);
      self->revision = g_strdup (draft->revision);
    }

  /* A save that was cut short after its rename: the file holds this
   * draft's own revision, which is no conflict. */
  if (draft->saving_revision != NULL && *draft->saving_revision != '\0' && self->file != NULL)
    adopt_interrupted_save (self, draft->saving_revision);

  write_draft_meta (self);

  return g_steal_pointer (&self);
}

/**
 * debrief_document_discard_draft:
 * @draft: a draft from debrief_document_list_drafts()
 *
 * Deletes the working copy of @draft and its unsaved changes.
 */
void
debrief_document_discard_draft (const DebriefDraft *draft)
{
  g_autofree char *working = NULL;
  g_autofree char *meta = NULL;

  g_return_if_fail (draft != NULL);

  working = draft_path (draft->id, ".debrief");
  meta = draft_path (draft->id, ".draft");
  remove_database_files (working);
  g_unlink (meta);
}

/* --- Properties -------------------------------------------------------- */

/**
 * debrief_document_get_file:
 * @self: a #DebriefDocument
 *
 * Returns: (transfer none) (nullable): the document's file, or %NULL for
 *   an incident that was never saved
 */
GFile *
debrief_document_get_file (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), NULL);

  return self->file;
}

/**
 * debrief_document_dup_display_name:
 * @self: a #DebriefDocument
 *
 * Returns: (transfer full): the file name, or "Untitled Incident"
 */
char *
debrief_document_dup_display_name (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), NULL);

  if (self->file != NULL)
    return g_file_get_basename (self->file);

  return g_strdup (_("Untitled Incident"));
}

const char *
debrief_document_get_user_name (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), NULL);

  return self->user_name;
}

void
debrief_document_set_user_name (DebriefDocument *self,
                                const char      *user_name)
{
  g_return_if_fail (DEBRIEF_IS_DOCUMENT (self));

  if (user_name == NULL || *user_name == '\0' || g_strcmp0 (user_name, self->user_name) == 0)
    return;

  g_free (self->user_name);
  self->user_name = g_strdup (user_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_USER_NAME]);
}

/**
 * debrief_document_get_uuid:
 * @self: a #DebriefDocument
 *
 * Returns: the identifier every copy of this incident shares
 */
const char *
debrief_document_get_uuid (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), NULL);

  return self->document_uuid;
}

/**
 * debrief_document_get_revision:
 * @self: a #DebriefDocument
 *
 * Returns: the identifier of the last save of the file, "" if never saved
 */
const char *
debrief_document_get_revision (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), NULL);

  return self->revision ? self->revision : "";
}

const char *
debrief_document_get_working_path (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), NULL);

  return self->working_path;
}

gboolean
debrief_document_get_read_only (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), TRUE);

  return self->read_only_reason != DEBRIEF_READ_ONLY_REASON_NONE;
}

DebriefReadOnlyReason
debrief_document_get_read_only_reason (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), DEBRIEF_READ_ONLY_REASON_NONE);

  return self->read_only_reason;
}

gboolean
debrief_document_get_modified (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

/**
 * debrief_document_get_incident:
 * @self: a #DebriefDocument
 *
 * Returns: (transfer none): the incident
 */
DebriefIncident *
debrief_document_get_incident (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), NULL);

  return self->incident;
}

/**
 * debrief_document_get_records:
 * @self: a #DebriefDocument
 * @record_type: one of debrief_document_list_record_types()
 *
 * Returns: (transfer none): the records of @record_type, in their order
 */
GListModel *
debrief_document_get_records (DebriefDocument *self,
                              GType            record_type)
{
  GListStore *list;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), NULL);

  list = g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (record_type));
  g_return_val_if_fail (list != NULL, NULL);

  return G_LIST_MODEL (list);
}

static void
debrief_document_dispose (GObject *object)
{
  DebriefDocument *self = DEBRIEF_DOCUMENT (object);
  GHashTableIter iter;
  gpointer record;

  if (self->records != NULL)
    {
      g_hash_table_iter_init (&iter, self->records);
      while (g_hash_table_iter_next (&iter, NULL, &record))
        _debrief_record_detach (record);
    }

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);

  G_OBJECT_CLASS (debrief_document_parent_class)->dispose (object);
}

static void
debrief_document_finalize (GObject *object)
{
  DebriefDocument *self = DEBRIEF_DOCUMENT (object);

  g_clear_pointer (&self->draft_id, g_free);
  g_clear_pointer (&self->working_path, g_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->user_name, g_free);
  g_clear_pointer (&self->document_uuid, g_free);
  g_clear_pointer (&self->revision, g_free);
  g_clear_pointer (&self->saving_revision, g_free);
  g_clear_object (&self->prepare_cancellable);
  g_clear_object (&self->incident);
  g_clear_pointer (&self->lists, g_hash_table_unref);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);

  G_OBJECT_CLASS (debrief_document_parent_class)->finalize (object);
}

static void
debrief_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DebriefDocument *self = DEBRIEF_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_USER_NAME:
      g_value_set_string (value, self->user_name);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, debrief_document_get_read_only (self));
      break;

    case PROP_READ_ONLY_REASON:
      g_value_set_enum (value, self->read_only_reason);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, debrief_document_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, debrief_document_get_can_redo (self));
      break;

    case PROP_INCIDENT:
      g_value_set_object (value, self->incident);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_document_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DebriefDocument *self = DEBRIEF_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_USER_NAME:
      debrief_document_set_user_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_document_class_init (DebriefDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = debrief_document_dispose;
  object_class->finalize = debrief_document_finalize;
  object_class->get_property = debrief_document_get_property;
  object_class->set_property = debrief_document_set_property;

  properties [PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_USER_NAME] =
    g_param_spec_string ("user-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_READ_ONLY_REASON] =
    g_param_spec_enum ("read-only-reason", NULL, NULL,
                       DEBRIEF_TYPE_READ_ONLY_REASON,
                       DEBRIEF_READ_ONLY_REASON_NONE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_INCIDENT] =
    g_param_spec_object ("incident", NULL, NULL,
                         DEBRIEF_TYPE_INCIDENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DebriefDocument::edit-failed:
   * @self: a #DebriefDocument
   * @error: what went wrong
   *
   * A change made to a record through its properties could not be stored.
   * The value stays in memory; the user must be told.
   */
  signals [EDIT_FAILED] =
    g_signal_new ("edit-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * DebriefDocument::preparation-failed:
   * @self: a #DebriefDocument
   * @error: what went wrong
   *
   * The working copy of a large document, shown while it was made, could
   * not be made or failed its check. The document stays open read-only.
   */
  signals [PREPARATION_FAILED] =
    g_signal_new ("preparation-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
debrief_document_init (DebriefDocument *self)
{
  const GType *types;
  guint n_types;

  self->user_name = default_user_name ();
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sqlite3_finalize);
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->lists = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->undo_stack = g_ptr_array_new_with_free_func (undo_step_free);
  self->redo_stack = g_ptr_array_new_with_free_func (undo_step_free);

  types = debrief_document_list_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    g_hash_table_insert (self->lists, GSIZE_TO_POINTER (types[i]), g_list_store_new (types[i]));
}

/* --- Importing ---------------------------------------------------------- */

/**
 * _debrief_document_dup_info:
 * @self: a #DebriefDocument
 * @key: a key of the document_info table, such as "created-at"
 *
 * Returns: (transfer full) (nullable): its value, or %NULL
 */
char *
_debrief_document_dup_info (DebriefDocument *self,
                            const char      *key)
{
  char *value = NULL;

  g_assert (DEBRIEF_IS_DOCUMENT (self));

  read_info (self->db, key, &value, NULL);

  return value;
}

/**
 * _debrief_document_import_info:
 * @self: a new #DebriefDocument
 * @document_uuid: the identifier every copy of the incident shares
 * @created_at: when the incident was created, in ISO 8601
 * @created_by: who created it
 * @error: a location for a #GError
 *
 * Makes @self a copy of an incident made elsewhere, for importing. Not a
 * step to undo; the caller runs it in its own transaction.
 */
gboolean
_debrief_document_import_info (DebriefDocument  *self,
                               const char       *document_uuid,
                               const char       *created_at,
                               const char       *created_by,
                               GError          **error)
{
  g_assert (DEBRIEF_IS_DOCUMENT (self));
  g_assert (document_uuid != NULL && created_at != NULL && created_by != NULL);

  if (!write_info (self->db, "document-uuid", document_uuid, error) ||
      !write_info (self->db, "created-at", created_at, error) ||
      !write_info (self->db, "created-by", created_by, error))
    return FALSE;

  g_free (self->document_uuid);
  self->document_uuid = g_strdup (document_uuid);
  set_modified (self, TRUE);

  return TRUE;
}

/**
 * _debrief_document_import_record:
 * @self: a #DebriefDocument
 * @record: a record that belongs to no document yet, with its stamp set
 * @error: a location for a #GError
 *
 * Adds @record with its own identifier and stamp, for importing: not a
 * step to undo, and the caller runs it in its own transaction. An
 * incident replaces the document's incident.
 */
gboolean
_debrief_document_import_record (DebriefDocument  *self,
                                 DebriefRecord    *record,
                                 GError          **error)
{
  DebriefRecordClass *klass = DEBRIEF_RECORD_GET_CLASS (record);
  guint n_columns = _debrief_record_class_get_n_columns (klass);
  gboolean is_incident = DEBRIEF_IS_INCIDENT (record);
  const char *uuid = debrief_record_get_uuid (record);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *modified_at = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_assert (DEBRIEF_IS_DOCUMENT (self));
  g_assert (debrief_record_get_document (record) == NULL);
  g_assert (debrief_record_get_modified_at (record) != NULL);
  g_assert (is_incident || g_hash_table_contains (self->lists, GSIZE_TO_POINTER (G_OBJECT_TYPE (record))));

  if (self->read_only_reason != DEBRIEF_READ_ONLY_REASON_NONE)
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_READ_ONLY,
                           _("The incident document is open read-only."));
      return FALSE;
    }

  if (g_hash_table_contains (self->records, uuid) &&
      !(is_incident && g_hash_table_lookup (self->records, uuid) == (gpointer) self->incident))
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                           _("The incident document is damaged: two of its records have the same identifier."));
      return FALSE;
    }

  if (is_incident)
    {
      if (!(stmt = get_statement (self, "DELETE FROM incident", error)))
        return FALSE;
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _debrief_set_sqlite_error (error, self->db, rc, _("The incident could not be imported"));
          return FALSE;
        }
    }

  g_string_append_printf (sql, "INSERT INTO %s (uuid, modified_at, modified_by", _debrief_record_class_get_table (klass));
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (sql, ", %s", _debrief_record_class_get_column_name (klass, i));
  g_string_append (sql, ") VALUES (?1, ?2, ?3");
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (sql, ", ?%u", i + 4);
  g_string_append (sql, ")");

  if (!(stmt = get_statement (self, sql->str, error)))
    return FALSE;

  modified_at = g_date_time_format_iso8601 (debrief_record_get_modified_at (record));
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, modified_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, debrief_record_get_modified_by (record), -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < n_columns; i++)
    _debrief_record_bind_column (record, i, stmt, i + 4);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _debrief_set_sqlite_error (error, self->db, rc, _("The incident could not be imported"));
      return FALSE;
    }

  if (is_incident)
    {
      DebriefIncident *old = g_steal_pointer (&self->incident);

      _debrief_record_detach (DEBRIEF_RECORD (old));
      g_hash_table_remove (self->records, debrief_record_get_uuid (DEBRIEF_RECORD (old)));
      g_object_unref (old);

      self->incident = g_object_ref (DEBRIEF_INCIDENT (record));
      _debrief_record_attach (record, self, _debrief_document_record_changed);
      g_hash_table_insert (self->records, g_strdup (uuid), g_object_ref (record));
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INCIDENT]);
    }
  else
    list_insert (self, record);

  set_modified (self, TRUE);

  return TRUE;
}
