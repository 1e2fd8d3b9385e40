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
