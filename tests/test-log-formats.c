/* test-log-formats.c
 *
 * Every log of the corpus in tests/data/log-formats/ (formats that teams
 * really have: syslog, kernel, firmware, web servers, Java, Hadoop, HPC,
 * Windows, Android, JSON lines, stamps after a label or a file name) read
 * through the log reader: at least 99% of the lines of each must get their
 * own right time. bench-log-formats prints the same figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "debrief-test-log-formats.h"

static void
test_format (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "log-formats", NULL);
  DebriefLogFormatScore score;
  g_autoptr(GError) error = NULL;

  g_assert_true (debrief_test_log_formats_score (dir, name, &score, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (score.n_lines, >=, 200);

  g_test_message ("%s: %s, word %u, %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " lines right, first wrong %"
                  G_GUINT64_FORMAT, name, debrief_timestamp_format_get_name (score.format), score.field,
                  score.n_right, score.n_lines, score.first_wrong);
  g_assert_cmpuint (score.n_right * 100, >=, score.n_lines * 99);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);

  dir = g_test_build_filename (G_TEST_DIST, "data", "log-formats", NULL);
  names = debrief_test_log_formats_list (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), >=, 20);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat ("/debrief/log-formats/", names[i], NULL);

      g_test_add_data_func (path, names[i], test_format);
    }

  return g_test_run ();
}
