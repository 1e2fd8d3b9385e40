/* debrief-document-save.c
 *
 * Saving a document: a fresh file written beside the target from the
 * working copy, synced and verified, then renamed over the target, but only
 * if nobody else saved the target meanwhile.
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
#include "debrief-schema.h"

static DebriefSaveFaultFunc save_fault_func;

void
_debrief_document_set_save_fault_func (DebriefSaveFaultFunc func)
{
  save_fault_func = func;
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

  if (!_debrief_document_query_file_state (file, &now_size, &now_mtime, cancellable, &local_error))
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

  if (!(path = g_file_get_path (file)) || !_debrief_document_check_file_header (file, cancellable, NULL))
    return TRUE;

  if ((db = _debrief_database_open (path, SQLITE_OPEN_READONLY, NULL)))
    {
      if (_debrief_database_check (db, &version, NULL))
        _debrief_document_read_info (db, "revision", &their_revision, NULL);
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
 * opened or last saved here. This blocks on the file system, in the thread
 * that owns @self; a window asks debrief_document_check_file_async().
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

/* What a check of the file compares it with, taken in the thread that
 * owns the document: the check runs in another, while saves go on. */
typedef struct
{
  GFile   *file;
  char    *revision;
  gint64   size;
  gint64   mtime;
  guint64  save_serial;
} FileCheck;

static void
file_check_free (gpointer data)
{
  FileCheck *check = data;

  g_clear_object (&check->file);
  g_free (check->revision);
  g_free (check);
}

static void
check_file_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  FileCheck *check = task_data;
  TargetState state = TARGET_UNCHANGED;
  GError *error = NULL;

  if (!target_state (check->file, check->revision, check->size, check->mtime,
                     &state, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, state == TARGET_CHANGED);
}

/**
 * debrief_document_check_file_async:
 * @self: a #DebriefDocument
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Finds out, off the calling thread, whether somebody else saved over the
 * document's file since it was opened or last saved here. A save of this
 * document is never taken for somebody else's: while one runs, there is
 * nothing to check (the save checks the file itself before it replaces
 * it), and a check that a save began or ended during answers %FALSE.
 */
void
debrief_document_check_file_async (DebriefDocument     *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FileCheck *check;

  g_return_if_fail (DEBRIEF_IS_DOCUMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_document_check_file_async);

  if (self->file == NULL || self->save_running)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  check = g_new0 (FileCheck, 1);
  check->file = g_object_ref (self->file);
  check->revision = g_strdup (self->revision);
  check->size = self->file_size;
  check->mtime = self->file_mtime;
  check->save_serial = self->save_serial;
  g_task_set_task_data (task, check, file_check_free);
  g_task_run_in_thread (task, check_file_thread);
}

/**
 * debrief_document_check_file_finish:
 * @self: a #DebriefDocument
 * @result: the result given to the callback
 * @error: a location for a #GError
 *
 * Returns: %TRUE if somebody else saved over the file; %FALSE if nobody
 *   did, if a save of this document ran meanwhile, or with @error set if
 *   the file could not be read
 */
gboolean
debrief_document_check_file_finish (DebriefDocument  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  FileCheck *check;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == debrief_document_check_file_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  /* The file was compared with the revision known when the check began; a
   * save of ours that began or ended since put another one there. */
  check = g_task_get_task_data (G_TASK (result));

  return check != NULL && check->save_serial == self->save_serial && !self->save_running;
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
  if ((gint64) info.st_size >= _debrief_document_get_large_size ())
    ok = _debrief_database_check_tables (db, _debrief_document_shown_tables, &version, error);
  else
    ok = _debrief_database_check (db, &version, error);

  ok = ok && _debrief_document_read_info (db, "revision", &saved_revision, error);
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
  g_autofree char *sql = _debrief_document_insert_sql (DEBRIEF_RECORD_GET_CLASS (save->revision));
  sqlite3_stmt *stmt = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (dest, sql, -1, &stmt, NULL)) != SQLITE_OK)
    {
      _debrief_set_sqlite_error (error, dest, rc, _("The file could not be saved"));
      return FALSE;
    }

  if (!_debrief_document_insert_record (dest, stmt, DEBRIEF_RECORD (save->revision), _("The file could not be saved"), error))
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  if (!_debrief_document_write_info_full (dest, "revision", save->new_revision, _("The file could not be saved"), error))
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

  if (!_debrief_document_query_file_state (save->target, &save->new_size, &save->new_mtime, cancellable, NULL))
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
gboolean
_debrief_document_add_revision (DebriefDocument  *self,
                                DebriefRevision  *revision,
                                GError          **error)
{
  g_autofree char *sql = _debrief_document_insert_sql (DEBRIEF_RECORD_GET_CLASS (revision));
  const char *revision_id = debrief_revision_get_revision_id (revision);
  sqlite3_stmt *stmt;

  if (g_hash_table_contains (self->records, debrief_record_get_uuid (DEBRIEF_RECORD (revision))))
    return TRUE;

  if (!(stmt = _debrief_document_get_statement (self, sql, error)) ||
      !_debrief_document_exec (self->db, "BEGIN IMMEDIATE", _("The revision history could not be updated"), error))
    return FALSE;

  if (!_debrief_document_insert_record (self->db, stmt, DEBRIEF_RECORD (revision), _("The revision history could not be updated"), error) ||
      !_debrief_document_write_info (self->db, "revision", revision_id, error) ||
      !_debrief_document_exec (self->db, "COMMIT", _("The revision history could not be updated"), error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  _debrief_document_list_insert (self, DEBRIEF_RECORD (revision));

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

  self->save_serial++;

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
  _debrief_document_write_draft_meta (self);

  return save;
}

static void
save_complete (DebriefDocument *self,
               SaveData        *save,
               gboolean         saved)
{
  g_clear_pointer (&self->saving_revision, g_free);
  self->save_serial++;

  if (!saved)
    {
      _debrief_document_write_draft_meta (self);
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

    if (!_debrief_document_add_revision (self, save->revision, &error))
      g_debug ("The revision could not be added to the working copy: %s", error->message);
  }

  if (self->file == NULL || !g_file_equal (self->file, save->target))
    {
      g_set_object (&self->file, save->target);
      _debrief_document_notify (self, DEBRIEF_DOCUMENT_PROP_FILE);
    }

  /* Edits made while the save ran are not in the file. */
  _debrief_document_set_modified (self, self->change_count != save->change_count);
  _debrief_document_write_draft_meta (self);
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

  if (self->save_running)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           _("The incident document is being saved. Try again in a moment."));
      return FALSE;
    }

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

/* A save asked for while another runs: it waits, and the saves asked for
 * to the same target meanwhile wait with it and end with it. Each runs
 * when the one before it has ended, so that it starts from the revision
 * that one wrote: two saves that overlapped would each take the other's
 * revision for somebody else's, and the later rename could put the older
 * copy in place. */
typedef struct
{
  GFile     *target;
  GPtrArray *tasks;
} PendingSave;

static void
pending_save_free (PendingSave *pending)
{
  g_clear_object (&pending->target);
  g_clear_pointer (&pending->tasks, g_ptr_array_unref);
  g_free (pending);
}

static void
pending_save_return (PendingSave  *pending,
                     const GError *error)
{
  for (guint i = 0; i < pending->tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (pending->tasks, i);

      if (error == NULL)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_error_copy (error));
    }
}

static void start_next_save (DebriefDocument *self);

static void
save_thread_done (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  DebriefDocument *self = DEBRIEF_DOCUMENT (object);
  PendingSave *pending = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = g_task_propagate_boolean (G_TASK (result), &error);
  save_complete (self, g_task_get_task_data (G_TASK (result)), ok);
  self->save_running = FALSE;

  /* The next save starts before anybody hears of this one, so that a save
   * asked for in a callback waits its turn. */
  g_object_ref (self);
  start_next_save (self);
  pending_save_return (pending, ok ? NULL : error);
  pending_save_free (pending);
  g_object_unref (self);
}

static void
start_save (DebriefDocument *self,
            PendingSave     *pending)
{
  g_autoptr(GTask) inner = NULL;
  g_autoptr(GError) error = NULL;
  GTask *first = g_ptr_array_index (pending->tasks, 0);
  SaveData *save;

  if (!(save = save_prepare (self, pending->target, &error)))
    {
      pending_save_return (pending, error);
      pending_save_free (pending);
      return;
    }

  self->save_running = TRUE;
  inner = g_task_new (self, g_task_get_cancellable (first), save_thread_done, pending);
  g_task_set_task_data (inner, save, save_data_free);
  g_task_run_in_thread (inner, save_thread);
}

static void
start_next_save (DebriefDocument *self)
{
  while (!self->save_running && self->pending_saves != NULL && !g_queue_is_empty (self->pending_saves))
    start_save (self, g_queue_pop_head (self->pending_saves));
}

void
debrief_document_save_async (DebriefDocument     *self,
                             GFile               *target,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  PendingSave *last;

  g_return_if_fail (DEBRIEF_IS_DOCUMENT (self));
  g_return_if_fail (!target || G_IS_FILE (target));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_document_save_async);

  if (self->pending_saves == NULL)
    self->pending_saves = g_queue_new ();

  last = g_queue_peek_tail (self->pending_saves);
  if (last != NULL &&
      (last->target == target || (last->target != NULL && target != NULL && g_file_equal (last->target, target))))
    {
      g_ptr_array_add (last->tasks, task);
      return;
    }

  last = g_new0 (PendingSave, 1);
  last->target = target ? g_object_ref (target) : NULL;
  last->tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (last->tasks, task);
  g_queue_push_tail (self->pending_saves, last);

  start_next_save (self);
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

  _debrief_document_discard (self);
}
