/* debrief-document-open.c
 *
 * Making a new document, opening one (its header checked, copied in as a
 * working copy and checked; a large one shown first and prepared in a
 * thread), restoring a draft, and the checkpoints of the working copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "debrief-document-private.h"
#include "debrief-ground-rules.h"
#include "debrief-schema.h"

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
const char * const _debrief_document_shown_tables[] = {
  "document_info", "incident", "scope_item", "participant", "evidence", "timeline_event",
  "phase_marker", "contributing_factor", "action_item", "meeting_note", "feedback", "revision",
  NULL
};

gint64
_debrief_document_get_large_size (void)
{
  return large_document_size;
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

/* --- Creating and opening -------------------------------------------- */

static gboolean
prepare_working_copy (DebriefDocument  *self,
                      gboolean          writable,
                      GError          **error)
{
  if (writable)
    {
      /* The working copy is private, so WAL is safe here, and it makes
       * every edit durable with a single sync. */
      if (!_debrief_document_exec (self->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON",
                                   _("The working copy could not be prepared"), error))
        return FALSE;
      watch_wal (self);
    }

  if (!_debrief_document_read_info (self->db, "document-uuid", &self->document_uuid, error) ||
      !_debrief_document_read_info (self->db, "revision", &self->revision, error))
    return FALSE;

  if (self->document_uuid == NULL)
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                           _("The incident document is damaged: it has no identifier."));
      return FALSE;
    }

  return _debrief_document_load_records (self, error);
}

void
_debrief_document_discard (DebriefDocument *self)
{
  g_autofree char *meta = NULL;

  g_cancellable_cancel (self->prepare_cancellable);
  g_cancellable_cancel (self->checkpoint_cancellable);
  g_clear_object (&self->checkpoint_cancellable);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);

  if (self->working_path != NULL)
    _debrief_remove_database_files (self->working_path);

  if (self->draft_id != NULL)
    {
      meta = _debrief_draft_path (self->draft_id, ".draft");
      g_unlink (meta);
    }
}

static DebriefDocument *
document_new_empty (const char *user_name)
{
  DebriefDocument *self = g_object_new (DEBRIEF_TYPE_DOCUMENT, NULL);
  g_autofree char *dir = _debrief_draft_dir ();

  if (user_name != NULL && *user_name != '\0')
    {
      g_free (self->user_name);
      self->user_name = g_strdup (user_name);
    }

  self->draft_id = g_uuid_string_random ();
  self->working_path = _debrief_draft_path (self->draft_id, ".debrief");
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
  if (!_debrief_document_exec (self->db, "PRAGMA page_size = " G_STRINGIFY (DEBRIEF_PAGE_SIZE), _("A new incident could not be created"), error) ||
      !_debrief_document_exec (self->db, "BEGIN IMMEDIATE", _("A new incident could not be created"), error) ||
      !_debrief_schema_create (self->db, error) ||
      !_debrief_document_write_info (self->db, "document-uuid", document_uuid, error) ||
      !_debrief_document_write_info (self->db, "created-at", now_text, error) ||
      !_debrief_document_write_info (self->db, "created-by", self->user_name, error) ||
      !_debrief_document_write_info (self->db, "revision", "", error))
    {
      _debrief_document_discard (self);
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
      _debrief_document_discard (self);
      return NULL;
    }

  if (!_debrief_document_exec (self->db, "COMMIT", _("A new incident could not be created"), error) ||
      !prepare_working_copy (self, TRUE, error))
    {
      _debrief_document_discard (self);
      return NULL;
    }

  _debrief_document_write_draft_meta (self);

  return g_steal_pointer (&self);
}

gboolean
_debrief_document_query_file_state (GFile         *file,
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

gboolean
_debrief_document_check_file_header (GFile         *file,
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

      if (!_debrief_document_query_file_state (file, size, mtime, cancellable, error))
        return FALSE;

      if (!g_file_copy (file, dest_file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_TARGET_DEFAULT_PERMS,
                        cancellable, NULL, NULL, error))
        return FALSE;

      if (!_debrief_document_query_file_state (file, &after_size, &after_mtime, cancellable, error))
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
      !_debrief_database_check_tables (self->db, _debrief_document_shown_tables, &self->version, error))
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

  if (!_debrief_document_check_file_header (file, cancellable, error))
    return NULL;

  self = document_new_empty (user_name);
  self->file = g_object_ref (file);

  if (defer_copy && (path = g_file_get_path (file)) != NULL)
    {
      if (!_debrief_document_query_file_state (file, &self->file_size, &self->file_mtime, cancellable, error))
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
      _debrief_document_discard (self);
      return NULL;
    }

  if (!(self->db = _debrief_database_open (self->working_path, SQLITE_OPEN_READWRITE, error)) ||
      !_debrief_database_check (self->db, &version, error))
    {
      _debrief_document_discard (self);
      return NULL;
    }

  if (version > DEBRIEF_SCHEMA_VERSION)
    self->read_only_reason = DEBRIEF_READ_ONLY_REASON_NEWER_SCHEMA;
  else if (flags & DEBRIEF_OPEN_FLAGS_READ_ONLY)
    self->read_only_reason = DEBRIEF_READ_ONLY_REASON_REQUESTED;

  writable = self->read_only_reason == DEBRIEF_READ_ONLY_REASON_NONE;

  if (writable && version < DEBRIEF_SCHEMA_VERSION)
    {
      if (!_debrief_document_exec (self->db, "BEGIN IMMEDIATE", _("The document could not be updated to this version of Debrief"), error) ||
          !_debrief_schema_migrate (self->db, version, error) ||
          !_debrief_document_exec (self->db, "COMMIT", _("The document could not be updated to this version of Debrief"), error))
        {
          _debrief_document_discard (self);
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
      _debrief_document_discard (self);
      return NULL;
    }

  /* A copy is an untitled incident with the same content: saving it asks
   * where, and never touches the original. */
  if (flags & DEBRIEF_OPEN_FLAGS_AS_COPY)
    {
      g_clear_object (&self->file);
      self->modified = TRUE;
    }

  _debrief_document_write_draft_meta (self);

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
      if (!_debrief_document_exec (db, "BEGIN IMMEDIATE", _("The document could not be updated to this version of Debrief"), &error) ||
          !_debrief_schema_migrate (db, version, &error) ||
          !_debrief_document_exec (db, "COMMIT", _("The document could not be updated to this version of Debrief"), &error))
        goto failed;
      prepare->migrated = TRUE;
    }

  if (!_debrief_document_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON",
                               _("The working copy could not be prepared"), &error))
    goto failed;

  g_task_return_pointer (task, db, (GDestroyNotify) sqlite3_close);
  return;

failed:
  g_clear_pointer (&db, sqlite3_close);
  _debrief_remove_database_files (prepare->working_path);
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
      _debrief_remove_database_files (prepare->working_path);
      return;
    }
  g_clear_object (&self->prepare_cancellable);

  if (db == NULL)
    {
      /* It can still be read, as it was shown. */
      self->read_only_reason = DEBRIEF_READ_ONLY_REASON_REQUESTED;
      _debrief_document_notify (self, DEBRIEF_DOCUMENT_PROP_READ_ONLY_REASON);
      _debrief_document_emit_preparation_failed (self, error);
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
      _debrief_document_notify (self, DEBRIEF_DOCUMENT_PROP_FILE);
    }

  _debrief_document_write_draft_meta (self);

  _debrief_document_notify (self, DEBRIEF_DOCUMENT_PROP_READ_ONLY_REASON);
  _debrief_document_notify (self, DEBRIEF_DOCUMENT_PROP_READ_ONLY);
  _debrief_document_notify (self, DEBRIEF_DOCUMENT_PROP_MODIFIED);
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

  if (!_debrief_document_check_file_header (file, cancellable, error))
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

/* --- Restoring a draft ------------------------------------------------ */

static void
adopt_interrupted_save (DebriefDocument *self,
                        const char      *saving_revision)
{
  g_autofree char *path = g_file_get_path (self->file);
  g_autofree char *their_revision = NULL;
  g_autoptr(GTypeClass) klass = g_type_class_ref (DEBRIEF_TYPE_REVISION);
  g_autofree char *sql = _debrief_document_select_sql (DEBRIEF_RECORD_CLASS (klass), "revision_id = ?1");
  g_autoptr(DebriefRecord) revision = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int version;

  if (path == NULL || !_debrief_document_check_file_header (self->file, NULL, NULL) ||
      !(db = _debrief_database_open (path, SQLITE_OPEN_READONLY, NULL)))
    return;

  if (_debrief_database_check (db, &version, NULL) &&
      _debrief_document_read_info (db, "revision", &their_revision, NULL) &&
      g_strcmp0 (their_revision, saving_revision) == 0 &&
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, saving_revision, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        revision = _debrief_document_record_from_row (DEBRIEF_TYPE_REVISION, stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (revision == NULL)
    return;

  g_free (self->revision);
  self->revision = g_strdup (saving_revision);
  if (!_debrief_document_query_file_state (self->file, &self->file_size, &self->file_mtime, NULL, NULL))
    self->file_size = self->file_mtime = -1;

  if (!_debrief_document_add_revision (self, DEBRIEF_REVISION (revision), &error))
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
  self->working_path = _debrief_draft_path (draft->id, ".debrief");
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

  _debrief_document_write_draft_meta (self);

  return g_steal_pointer (&self);
}
