/* test-file-format.c
 *
 * Recognising incident documents by their header, before SQLite sees them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "debrief-file-format.h"
#include "debrief-test-util.h"

static GBytes *
read_header (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_file_load_contents (file, NULL, &data, &length, NULL, &error);
  g_assert_no_error (error);

  return g_bytes_new (data, MIN (length, DEBRIEF_FILE_HEADER_SIZE));
}

static void
test_real_incident_header (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) file = debrief_test_write_database (dir, "incident.debrief", DEBRIEF_APPLICATION_ID);
  g_autoptr(GBytes) header = read_header (file);
  g_autoptr(GError) error = NULL;
  gsize length;
  const guint8 *data = g_bytes_get_data (header, &length);

  g_assert_cmpuint (length, ==, DEBRIEF_FILE_HEADER_SIZE);
  g_assert_true (debrief_file_format_check_header (data, length, &error));
  g_assert_no_error (error);

  debrief_test_remove_tree (dir);
}

static void
test_foreign_database (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  /* A plain SQLite database (application_id 0) and one of another program
   * ("GPKG", GeoPackage). */
  g_autoptr(GFile) plain = debrief_test_write_database (dir, "plain.db", 0);
  g_autoptr(GFile) geopackage = debrief_test_write_database (dir, "map.gpkg", 0x47504B47);
  GFile *files[] = { plain, geopackage };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GBytes) header = read_header (files[i]);
      g_autoptr(GError) error = NULL;
      gsize length;
      const guint8 *data = g_bytes_get_data (header, &length);

      g_assert_false (debrief_file_format_check_header (data, length, &error));
      g_assert_error (error, DEBRIEF_FILE_FORMAT_ERROR, DEBRIEF_FILE_FORMAT_ERROR_FOREIGN_DATABASE);
      g_assert_nonnull (strstr (error->message, "another application"));
    }

  debrief_test_remove_tree (dir);
}

static void
test_not_a_database (void)
{
  static const char *texts[] = {
    "Incident report: gateway fleet rebooted at 02:11 UTC.\n",
    "SQLite format 2\0 and then some bytes to make it long enough to be a header at all",
    "\xff\xfe\x00\x00 binary",
    "x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (debrief_file_format_check_header ((const guint8 *) texts[i], strlen (texts[i]), &error));
      g_assert_error (error, DEBRIEF_FILE_FORMAT_ERROR, DEBRIEF_FILE_FORMAT_ERROR_NOT_A_DATABASE);
      g_assert_cmpstr (error->message, ==, "The file is not a Debrief incident document.");
    }
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (debrief_file_format_check_header (NULL, 0, &error));
  g_assert_error (error, DEBRIEF_FILE_FORMAT_ERROR, DEBRIEF_FILE_FORMAT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "empty"));
}

static void
test_truncated_at_every_length (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) file = debrief_test_write_database (dir, "incident.debrief", DEBRIEF_APPLICATION_ID);
  g_autoptr(GBytes) header = read_header (file);
  gsize full;
  const guint8 *data = g_bytes_get_data (header, &full);

  /* Cut inside the magic string: not recognisable as a database at all;
   * cut after it but before the application_id: truncated. */
  for (gsize length = 1; length < full; length++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (debrief_file_format_check_header (data, length, &error));
      if (length < 16)
        g_assert_error (error, DEBRIEF_FILE_FORMAT_ERROR, DEBRIEF_FILE_FORMAT_ERROR_NOT_A_DATABASE);
      else
        g_assert_error (error, DEBRIEF_FILE_FORMAT_ERROR, DEBRIEF_FILE_FORMAT_ERROR_TRUNCATED);
    }

  debrief_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debrief/file-format/real-incident-header", test_real_incident_header);
  g_test_add_func ("/debrief/file-format/foreign-database", test_foreign_database);
  g_test_add_func ("/debrief/file-format/not-a-database", test_not_a_database);
  g_test_add_func ("/debrief/file-format/empty", test_empty);
  g_test_add_func ("/debrief/file-format/truncated-at-every-length", test_truncated_at_every_length);

  return g_test_run ();
}
