/* bench-document.c
 *
 * The benchmarks of an incident holding 1 GB of evidence that need no
 * window: how long one field change takes to be durable, and saving
 * against cp. Makes, once, the incidents that bench-open opens too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-bench"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench-util.h"
#include "debrief-document-private.h"
#include "debrief-evidence.h"
#include "debrief-test-util.h"

#define CHUNK_SIZE   (1024 * 1024)
#define N_EDITS      200
#define N_SAVES      3
#define USER_NAME    "Debrief Benchmark"

static gboolean
sync_file (const char  *path,
           gboolean     directory,
           GError     **error)
{
  int fd = g_open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0 || fsync (fd) != 0)
    {
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not sync %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, BENCH_ERROR, 0, "%s: %s", sql, sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

/* --- The incidents to measure ----------------------------------------- */

static gboolean
hash_file (GFile   *file,
           char   **sha256,
           gint64  *size,
           GError **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree guint8 *buffer = g_malloc (CHUNK_SIZE);
  gsize n_read;

  if (!(stream = g_file_read (file, NULL, error)))
    return FALSE;

  *size = 0;
  do
    {
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, CHUNK_SIZE, &n_read, NULL, error))
        return FALSE;
      g_checksum_update (checksum, buffer, n_read);
      *size += n_read;
    }
  while (n_read == CHUNK_SIZE);

  *sha256 = g_strdup (g_checksum_get_string (checksum));
  return TRUE;
}

/* Stores the content of @file as the chunks of @evidence, uncompressed,
 * in one transaction. */
static gboolean
insert_chunks (DebriefDocument  *document,
               DebriefEvidence  *evidence,
               GFile            *file,
               GError          **error)
{
  sqlite3 *db = _debrief_document_get_db (document);
  const char *uuid = debrief_record_get_uuid (DEBRIEF_RECORD (evidence));
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree guint8 *buffer = g_malloc (CHUNK_SIZE);
  sqlite3_stmt *stmt = NULL;
  gint64 seq = 0;
  gsize n_read = 0;
  int rc;

  if (!(stream = g_file_read (file, NULL, error)))
    return FALSE;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO evidence_chunk (evidence_uuid, seq, compression, size, data)"
                           " VALUES (?1, ?2, 'none', ?3, ?4)",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BENCH_ERROR, 0, "Could not prepare the chunk insert: %s", sqlite3_errmsg (db));
      return FALSE;
    }

  if (!exec_sql (db, "BEGIN IMMEDIATE", error))
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }

  for (;;)
    {
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, CHUNK_SIZE, &n_read, NULL, error))
        goto failed;
      if (n_read == 0)
        break;

      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, seq++);
      sqlite3_bind_int64 (stmt, 3, (sqlite3_int64) n_read);
      sqlite3_bind_blob (stmt, 4, buffer, (int) n_read, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          g_set_error (error, BENCH_ERROR, 0, "Could not insert chunk %" G_GINT64_FORMAT ": %s",
                       seq - 1, sqlite3_errmsg (db));
          goto failed;
        }

      if (n_read < CHUNK_SIZE)
        break;
    }

  sqlite3_finalize (stmt);

  /* The whole gigabyte went through the write-ahead log: fold it into the
   * working copy and give the disk space back before the save doubles it. */
  return exec_sql (db, "COMMIT", error) &&
         exec_sql (db, "PRAGMA wal_checkpoint(TRUNCATE)", error);

failed:
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static gboolean
make_large_incident (const char  *dir,
                     GFile       *target,
                     GError     **error)
{
  g_autofree char *log_path = g_build_filename (dir, "evidence-1gb.log", NULL);
  g_autoptr(GFile) log_file = g_file_new_for_path (log_path);
  g_autoptr(DebriefDocument) document = NULL;
  g_autoptr(DebriefEvidence) evidence = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *sha256 = NULL;
  gint64 size = 0;
  gint64 start;
  gboolean ok;

  if (!g_file_test (log_path, G_FILE_TEST_IS_REGULAR) && !bench_generate_log (log_path, error))
    return FALSE;

  start = g_get_monotonic_time ();
  g_printerr ("# Making %s...\n", g_file_peek_path (target));

  if (!hash_file (log_file, &sha256, &size, error) ||
      !(document = debrief_document_new (USER_NAME, error)))
    return FALSE;

  debrief_incident_set_title (debrief_document_get_incident (document), "Gateway fleet watchdog storm");

  evidence = debrief_evidence_new ();
  debrief_evidence_set_title (evidence, "Gateway and device logs");
  debrief_evidence_set_kind (evidence, DEBRIEF_EVIDENCE_KIND_LOG);
  debrief_evidence_set_original_name (evidence, "evidence-1gb.log");
  debrief_evidence_set_media_type (evidence, "text/plain");
  debrief_evidence_set_added_by (evidence, USER_NAME);
  debrief_evidence_set_added_at (evidence, now);
  debrief_evidence_set_size (evidence, size);
  debrief_evidence_set_sha256 (evidence, sha256);

  ok = debrief_document_add (document, DEBRIEF_RECORD (evidence), error) &&
       insert_chunks (document, evidence, log_file, error);

  /* The evidence is in the working copy now; the log is not needed again
   * unless the incident is lost, and it takes a gigabyte. */
  if (ok)
    g_unlink (log_path);

  ok = ok && debrief_document_save (document, target, NULL, error);
  debrief_document_close (document);

  if (ok)
    g_printerr ("# Made in %.1f s\n", bench_elapsed_ms (start) / 1000);

  return ok;
}

static gboolean
make_empty_incident (GFile   *target,
                     GError **error)
{
  g_autoptr(DebriefDocument) document = NULL;
  gboolean ok;

  if (!(document = debrief_document_new (USER_NAME, error)))
    return FALSE;

  debrief_incident_set_title (debrief_document_get_incident (document), "Empty incident");
  ok = debrief_document_save (document, target, NULL, error);
  debrief_document_close (document);

  return ok;
}

/* --- The benchmarks ---------------------------------------------------- */

static void
edit_failed_cb (DebriefDocument *document,
                const GError    *error,
                gpointer         user_data)
{
  GError **failure = user_data;

  if (*failure == NULL)
    *failure = g_error_copy (error);
}

/* Each title change returns once it is committed, with a sync, in the
 * working copy. */
static gboolean
bench_edit_durable (DebriefDocument  *document,
                    GError          **error)
{
  DebriefIncident *incident = debrief_document_get_incident (document);
  g_autoptr(GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (double), N_EDITS);
  GError *failure = NULL;
  gulong handler;

  handler = g_signal_connect (document, "edit-failed", G_CALLBACK (edit_failed_cb), &failure);

  for (guint i = 0; i < N_EDITS && failure == NULL; i++)
    {
      g_autofree char *title = g_strdup_printf ("Gateway fleet watchdog storm (edit %u)", i);
      gint64 start = g_get_monotonic_time ();
      double ms;

      debrief_incident_set_title (incident, title);
      ms = bench_elapsed_ms (start);
      g_array_append_val (times, ms);

      if (failure == NULL && g_strcmp0 (debrief_incident_get_title (incident), title) != 0)
        g_set_error (&failure, BENCH_ERROR, 0, "The title did not change to “%s”", title);
    }

  g_signal_handler_disconnect (document, handler);

  if (failure != NULL)
    {
      g_propagate_prefixed_error (error, failure, "A title change failed: ");
      return FALSE;
    }

  bench_print_figure ("edit_durable_median_ms", bench_median (times), "ms", "<=", 20);
  bench_print_info ("edit_durable_p95_ms", bench_percentile (times, 0.95), "ms");

  return TRUE;
}

static gboolean
time_save (DebriefDocument  *document,
           const char       *dir,
           guint             run,
           double           *ms,
           GError          **error)
{
  g_autofree char *name = g_strdup_printf ("save-run-%u.debrief", run);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autofree char *title = g_strdup_printf ("Gateway fleet watchdog storm (saved %u)", run);
  gint64 start;
  gboolean ok;

  g_unlink (path);

  /* Something to save, as a user would have. */
  debrief_incident_set_title (debrief_document_get_incident (document), title);

  start = g_get_monotonic_time ();
  ok = debrief_document_save (document, target, NULL, error);
  *ms = bench_elapsed_ms (start);

  g_unlink (path);

  return ok;
}

/* cp, then the same durability a save gives: the copy and its folder
 * synced. */
static gboolean
time_cp (const char  *source,
         const char  *dir,
         guint        run,
         double      *ms,
         GError     **error)
{
  g_autofree char *name = g_strdup_printf ("cp-run-%u.debrief", run);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GSubprocess) cp = NULL;
  gint64 start;
  gboolean ok;

  g_unlink (path);

  start = g_get_monotonic_time ();
  ok = (cp = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, error, "cp", "--", source, path, NULL)) &&
       g_subprocess_wait_check (cp, NULL, error) &&
       sync_file (path, FALSE, error) &&
       sync_file (dir, TRUE, error);
  *ms = bench_elapsed_ms (start);

  g_unlink (path);

  return ok;
}

static gboolean
bench_save_vs_cp (DebriefDocument  *document,
                  const char       *dir,
                  GFile            *large,
                  GError          **error)
{
  g_autoptr(GArray) saves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) copies = g_array_new (FALSE, FALSE, sizeof (double));
  double save_ms, cp_ms;

  /* Alternating, so that whatever else the machine does falls on both. */
  for (guint run = 0; run < N_SAVES; run++)
    {
      double ms;

      if (!time_save (document, dir, run, &ms, error))
        return FALSE;
      g_array_append_val (saves, ms);
      g_printerr ("# save %u: %.1f ms\n", run, ms);

      if (!time_cp (g_file_peek_path (large), dir, run, &ms, error))
        return FALSE;
      g_array_append_val (copies, ms);
      g_printerr ("# cp %u: %.1f ms\n", run, ms);
    }

  save_ms = bench_median (saves);
  cp_ms = bench_median (copies);

  bench_print_info ("save_1gb_median_ms", save_ms, "ms");
  bench_print_info ("cp_1gb_median_ms", cp_ms, "ms");
  bench_print_figure ("save_vs_cp", save_ms / cp_ms, "x", "<=", 1.5);

  return TRUE;
}

static gboolean
run (const char  *dir,
     GError     **error)
{
  g_autofree char *large_path = g_build_filename (dir, "evidence-1gb.debrief", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty.debrief", NULL);
  g_autoptr(GFile) large = g_file_new_for_path (large_path);
  g_autoptr(GFile) empty = g_file_new_for_path (empty_path);
  g_autoptr(DebriefDocument) document = NULL;
  gint64 start;
  gboolean ok;

  if (!g_file_query_exists (large, NULL) && !make_large_incident (dir, large, error))
    return FALSE;
  if (!g_file_query_exists (empty, NULL) && !make_empty_incident (empty, error))
    return FALSE;

  start = g_get_monotonic_time ();
  if (!(document = debrief_document_open (large, DEBRIEF_OPEN_FLAGS_NONE, USER_NAME, NULL, error)))
    return FALSE;
  g_printerr ("# Opened %s in %.1f ms\n", large_path, bench_elapsed_ms (start));

  ok = bench_edit_durable (document, error) &&
       bench_save_vs_cp (document, dir, large, error);

  debrief_document_close (document);

  return ok;
}

int
main (int   argc,
      char *argv[])
{
  const char *dir = bench_work_dir (argc, argv,
                                    "Makes (once) an incident holding 1 GB of evidence in WORK-DIR (default "
                                    "$DEBRIEF_BENCH_DIR or /tmp/debrief-bench) and prints the BENCH figures "
                                    "of editing and saving it.", FALSE);
  g_autofree char *data_home = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (dir == NULL)
    return 2;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_printerr ("bench-document: cannot make %s: %s\n", dir, g_strerror (errno));
      return 1;
    }

  /* Working copies go to a private folder on the same disk as the work
   * folder, not among the user's drafts. */
  data_home = g_build_filename (dir, "data-XXXXXX", NULL);
  if (g_mkdtemp (data_home) == NULL)
    {
      g_printerr ("bench-document: cannot make a folder in %s: %s\n", dir, g_strerror (errno));
      return 1;
    }
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  ok = run (dir, &error);
  debrief_test_remove_tree (data_home);

  if (!ok)
    {
      g_printerr ("bench-document: %s\n", error->message);
      return 1;
    }

  return 0;
}
