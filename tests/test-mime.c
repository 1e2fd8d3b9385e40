/* test-mime.c
 *
 * The shared-mime-info entry in data/ recognises incident documents by
 * content and by name, as a file manager would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "debrief-file-format.h"
#include "debrief-test-util.h"

static char *mime_home;

static char *
guess (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  gboolean uncertain = FALSE;

  g_file_load_contents (file, NULL, &data, &length, NULL, &error);
  g_assert_no_error (error);

  /* By content alone: no file name to go by. */
  return g_content_type_guess (NULL, (const guchar *) data, length, &uncertain);
}

static void
test_magic_matches_incident (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) file = debrief_test_write_database (dir, "renamed.db", DEBRIEF_APPLICATION_ID);
  g_autofree char *type = guess (file);

  g_assert_cmpstr (type, ==, DEBRIEF_FILE_MIME_TYPE);

  debrief_test_remove_tree (dir);
}

static void
test_magic_ignores_other_databases (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) file = debrief_test_write_database (dir, "plain.db", 0x47504B47);
  g_autofree char *type = guess (file);

  g_assert_cmpstr (type, !=, DEBRIEF_FILE_MIME_TYPE);
  g_assert_true (g_content_type_is_a (type, "application/vnd.sqlite3"));

  debrief_test_remove_tree (dir);
}

static void
test_glob (void)
{
  g_autofree char *type = g_content_type_guess ("Gateway outage 2026-03-14.debrief", NULL, 0, NULL);

  g_assert_cmpstr (type, ==, DEBRIEF_FILE_MIME_TYPE);
}

static void
test_hierarchy_and_comment (void)
{
  g_autofree char *description = g_content_type_get_description (DEBRIEF_FILE_MIME_TYPE);

  g_assert_true (g_content_type_is_a (DEBRIEF_FILE_MIME_TYPE, "application/vnd.sqlite3"));
  g_assert_cmpstr (description, ==, "Debrief incident");
}

static void
install_mime_package (const char *xml_path)
{
  g_autofree char *packages = g_build_filename (mime_home, "mime", "packages", NULL);
  g_autofree char *target = g_build_filename (packages, "debrief.xml", NULL);
  g_autofree char *mime_dir = g_build_filename (mime_home, "mime", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "update-mime-database", mime_dir, NULL };
  int status = 0;

  g_assert_cmpint (g_mkdir_with_parents (packages, 0700), ==, 0);
  g_file_get_contents (xml_path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, -1, &error);
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  const char *xml_path = g_getenv ("DEBRIEF_MIME_XML");
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (xml_path);

  /* The MIME database is read once, from XDG_DATA_HOME and XDG_DATA_DIRS,
   * on the first content-type call: point it at a private copy first. */
  mime_home = debrief_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", mime_home, TRUE);
  g_setenv ("XDG_DATA_DIRS", "/usr/local/share:/usr/share", TRUE);
  install_mime_package (xml_path);

  g_test_add_func ("/debrief/mime/magic-matches-incident", test_magic_matches_incident);
  g_test_add_func ("/debrief/mime/magic-ignores-other-databases", test_magic_ignores_other_databases);
  g_test_add_func ("/debrief/mime/glob", test_glob);
  g_test_add_func ("/debrief/mime/hierarchy-and-comment", test_hierarchy_and_comment);

  ret = g_test_run ();

  debrief_test_remove_tree (mime_home);
  g_free (mime_home);

  return ret;
}
