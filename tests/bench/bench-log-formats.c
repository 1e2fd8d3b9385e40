/* bench-log-formats.c
 *
 * How well the log reader reads the logs teams really have: each log of
 * the corpus in tests/data/log-formats/ read through it, and the share of
 * its lines given their right time, one figure per format:
 *   BENCH log_format_<name> <percent> % target >= 99 PASS|FAIL
 * test-log-formats asserts the same. Given a log file, it also times the
 * reader on it (median of five reads), for the cost of the detection.
 *
 * Usage: bench-log-formats [LOG]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-util.h"
#include "debrief-log-reader.h"
#include "debrief-test-log-formats.h"

static gboolean
time_reader (const char  *path,
             double      *mb_per_s,
             GError     **error)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint64 size = 0;

  for (guint run = 0; run < 5; run++)
    {
      g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
      g_autoptr(DebriefLogReader) reader = NULL;
      DebriefTimestampContext context;
      DebriefLogLine line;
      gint64 start;
      double ms;

      if (stream == NULL)
        return FALSE;

      debrief_test_log_formats_context (&context);
      start = g_get_monotonic_time ();
      reader = debrief_log_reader_new (G_INPUT_STREAM (stream), &context, 0);
      size = 0;
      while (debrief_log_reader_next (reader, &line, NULL, error))
        size += line.length + 1;
      if (error != NULL && *error != NULL)
        return FALSE;
      ms = bench_elapsed_ms (start);
      g_array_append_val (times, ms);
    }

  *mb_per_s = size / 1e6 / (bench_median (times) / 1000);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_build_filename (DEBRIEF_SOURCE_ROOT, "tests", "data", "log-formats", NULL);
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;
  guint64 all_lines = 0, all_right = 0;

  if (argc > 2 || (argc == 2 && argv[1][0] == '-'))
    {
      g_printerr ("Usage: %s [LOG]\n", argv[0]);
      return 2;
    }

  names = debrief_test_log_formats_list (dir, &error);
  if (names == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      DebriefLogFormatScore score;
      g_autofree char *figure = NULL;

      if (!debrief_test_log_formats_score (dir, names[i], &score, &error))
        {
          g_printerr ("%s: %s\n", names[i], error->message);
          return 1;
        }

      g_printerr ("# %s: %s, word %u, first wrong line %" G_GINT64_FORMAT "\n", names[i],
                  debrief_timestamp_format_get_name (score.format), score.field,
                  score.first_wrong == G_MAXUINT64 ? (gint64) -1 : (gint64) score.first_wrong + 1);
      figure = g_strdelimit (g_strconcat ("log_format_", names[i], NULL), "-", '_');
      bench_print_figure (figure, score.n_lines > 0 ? 100.0 * score.n_right / score.n_lines : 0, "%", ">=", 99);
      all_lines += score.n_lines;
      all_right += score.n_right;
    }

  bench_print_info ("log_formats_all", all_lines > 0 ? 100.0 * all_right / all_lines : 0, "%");

  if (argc == 2)
    {
      double rate;

      if (!time_reader (argv[1], &rate, &error))
        {
          g_printerr ("%s: %s\n", argv[1], error->message);
          return 1;
        }
      bench_print_info ("log_reader_mb_per_s", rate, "MB/s");
    }

  return 0;
}
