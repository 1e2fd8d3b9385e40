/* debrief-test-util.c
 *
 * Helpers shared by the test programs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-test"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "debrief-test-util.h"

char *
debrief_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("debrief-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Writes a real SQLite database, made by SQLite itself, so that tests see
 * the header bytes a real incident document has. */
GFile *
debrief_test_write_database (const char *dir,
                             const char *name,
                             guint32     application_id)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA application_id = %d;"
                         "CREATE TABLE incident (uuid TEXT PRIMARY KEY, title TEXT);"
                         "INSERT INTO incident VALUES ('0b7f6d0e', 'Gateway fleet reboot loop');",
                         (gint32) application_id);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return g_file_new_for_path (path);
}

GFile *
debrief_test_write_text (const char *dir,
                         const char *name,
                         const char *text,
                         gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

void
debrief_test_remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        debrief_test_remove_tree (path);
      else
        g_assert_cmpint (g_unlink (path), ==, 0);
    }

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Working copies and drafts go to a private data folder, not the user's;
 * a subprocess of the test (g_test_trap_subprocess, a re-executed child)
 * shares its parent's through DEBRIEF_TEST_DATA_HOME. */
char *
debrief_test_use_private_data_home (void)
{
  if (g_getenv ("DEBRIEF_TEST_DATA_HOME") == NULL)
    {
      g_autofree char *tmp = debrief_test_make_tmpdir ();

      g_setenv ("DEBRIEF_TEST_DATA_HOME", tmp, TRUE);
    }
  g_setenv ("XDG_DATA_HOME", g_getenv ("DEBRIEF_TEST_DATA_HOME"), TRUE);

  return g_strdup (g_getenv ("DEBRIEF_TEST_DATA_HOME"));
}

gint64
debrief_test_query_int (sqlite3    *db,
                        const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

char *
debrief_test_query_text (sqlite3    *db,
                         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

/* Opens @path with plain SQLite, read-only, on the default VFS, and checks
 * with the full integrity check, not only the quick one the loader runs,
 * that it is whole. */
sqlite3 *
debrief_test_open_checked (const char *path)
{
  sqlite3 *db = NULL;
  g_autofree char *check = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  check = debrief_test_query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");

  return db;
}

/**
 * debrief_test_run_and_remove:
 * @data_home: (transfer full): from debrief_test_use_private_data_home()
 *
 * Runs the tests, then removes @data_home, unless this is a subprocess of
 * the test, which shares its parent's.
 *
 * Returns: the status of g_test_run()
 */
int
debrief_test_run_and_remove (char *data_home)
{
  int ret = g_test_run ();

  if (!g_test_subprocess ())
    debrief_test_remove_tree (data_home);
  g_free (data_home);

  return ret;
}

GBytes *
debrief_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (data, length);
}

void
debrief_test_write_bytes (const char *path,
                          GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

/* Microseconds since 1970 of a UTC wall-clock time, worked out by GLib,
 * apart from the code under test. */
gint64
debrief_test_utc (int    year,
                  int    month,
                  int    day,
                  int    hour,
                  int    minute,
                  int    second,
                  gint64 usec)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, second);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + usec;
}

/* @iso8601 as a GDateTime; a test's own times always parse. */
GDateTime *
debrief_test_datetime (const char *iso8601)
{
  GDateTime *datetime = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (datetime);

  return datetime;
}

/* @iso8601 in microseconds since 1970. */
gint64
debrief_test_usec (const char *iso8601)
{
  g_autoptr(GDateTime) datetime = debrief_test_datetime (iso8601);

  return g_date_time_to_unix (datetime) * G_USEC_PER_SEC + g_date_time_get_microsecond (datetime);
}

/* @time as a clock on the wall in @zone_name reads it, to the minute. */
char *
debrief_test_wall_clock (GDateTime  *time,
                         const char *zone_name)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_name);
  g_autoptr(GDateTime) there = g_date_time_to_timezone (time, zone);

  return g_date_time_format (there, "%Y-%m-%d %H:%M");
}

DebriefDocument *
debrief_test_new_document (const char *user_name)
{
  g_autoptr(GError) error = NULL;
  DebriefDocument *document = debrief_document_new (user_name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

DebriefDocument *
debrief_test_open_document (GFile            *file,
                            DebriefOpenFlags  flags,
                            const char       *user_name)
{
  g_autoptr(GError) error = NULL;
  DebriefDocument *document = debrief_document_open (file, flags, user_name, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

void
debrief_test_save_document (DebriefDocument *document,
                            GFile           *file)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = debrief_document_save (document, file, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

/* Closes @document and checks that nothing else holds it. */
void
debrief_test_close_document (DebriefDocument *document)
{
  debrief_document_close (document);
  g_assert_finalize_object (document);
}

/**
 * debrief_test_opened_or_explained:
 * @document: (transfer full) (nullable): what opening or importing damaged
 *   input gave
 * @error: (nullable): and the error it set
 *
 * Damaged input either opens (the damage did not matter) with no error, or
 * fails with a message a person can read.
 *
 * Returns: whether it opened; @document is closed
 */
gboolean
debrief_test_opened_or_explained (DebriefDocument *document,
                                  const GError    *error)
{
  if (document != NULL)
    {
      g_assert_no_error (error);
      debrief_test_close_document (document);
      return TRUE;
    }

  g_assert_nonnull (error);
  g_assert_cmpuint (strlen (error->message), >, 10);
  return FALSE;
}

/* Imports @file and adds it to @document, as the Evidence view would;
 * asserts success. Returns: (transfer full): the evidence */
DebriefEvidence *
debrief_test_import_evidence (DebriefDocument            *document,
                              GFile                      *file,
                              const DebriefImportOptions *options,
                              char                      **warning)
{
  g_autoptr(DebriefEvidenceSource) source = debrief_evidence_source_new (document);
  g_autoptr(GError) error = NULL;
  DebriefEvidence *evidence;

  evidence = debrief_evidence_import_file (source, file, options, NULL, NULL, warning, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (evidence);
  g_assert_true (debrief_evidence_add_to_document (document, evidence, &error));
  g_assert_no_error (error);

  return evidence;
}

/* How many working copies are in the drafts folder of @data_home. */
guint
debrief_test_count_drafts (const char *data_home)
{
  g_autofree char *dir = g_build_filename (data_home, "debrief", "drafts", NULL);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint count = 0;

  while (handle && g_dir_read_name (handle))
    count++;

  return count;
}
