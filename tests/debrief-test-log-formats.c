/* debrief-test-log-formats.c
 *
 * Reading the log-format corpus of tests/data/log-formats/ through the
 * real log reader, and scoring each line's time against its truth.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "debrief-log-reader.h"
#include "debrief-test-log-formats.h"

void
debrief_test_log_formats_context (DebriefTimestampContext *context)
{
  memset (context, 0, sizeof *context);
  context->reference_year = 2026;
  context->reference_month = 3;
  context->reference_day = 14;
  context->year_source = DEBRIEF_YEAR_SOURCE_INCIDENT;
}

/* The names in formats.txt, which generate.py writes. */
char **
debrief_test_log_formats_list (const char  *dir,
                               GError     **error)
{
  g_autofree char *path = g_build_filename (dir, "formats.txt", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *names = g_ptr_array_new ();

  if (!g_file_get_contents (path, &text, NULL, error))
    {
      g_ptr_array_free (names, TRUE);
      return NULL;
    }

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_ptr_array_add (names, g_strdup (lines[i]));
  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_free (names, FALSE);
}

gboolean
debrief_test_log_formats_score (const char             *dir,
                                const char             *name,
                                DebriefLogFormatScore  *score,
                                GError                **error)
{
  g_autofree char *log_name = g_strconcat (name, ".log", NULL);
  g_autofree char *truth_name = g_strconcat (name, ".truth", NULL);
  g_autofree char *log_path = g_build_filename (dir, log_name, NULL);
  g_autofree char *truth_path = g_build_filename (dir, truth_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (log_path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(DebriefLogReader) reader = NULL;
  g_autofree char *truth = NULL;
  g_auto(GStrv) expected = NULL;
  DebriefTimestampContext context;
  DebriefLogLine line;
  g_autoptr(GError) local_error = NULL;
  guint n_expected;

  memset (score, 0, sizeof *score);
  score->first_wrong = G_MAXUINT64;

  if (!g_file_get_contents (truth_path, &truth, NULL, error))
    return FALSE;
  expected = g_strsplit (truth, "\n", -1);
  n_expected = g_strv_length (expected);
  if (n_expected > 0 && *expected[n_expected - 1] == '\0')
    n_expected--;

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return FALSE;

  debrief_test_log_formats_context (&context);
  reader = debrief_log_reader_new (G_INPUT_STREAM (stream), &context, 0);

  while (debrief_log_reader_next (reader, &line, NULL, &local_error))
    {
      gboolean right = FALSE;

      if (line.line < n_expected && strlen (expected[line.line]) > 2)
        {
          const char *want = expected[line.line];
          gboolean stamped = want[0] == 'S';
          gint64 usec = g_ascii_strtoll (want + 2, NULL, 10);

          right = line.has_stamp == stamped && line.usec == usec;
        }

      if (right)
        score->n_right++;
      else if (score->first_wrong == G_MAXUINT64)
        score->first_wrong = line.line;
      score->n_lines++;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Lines the truth has and the reader did not give are wrong too. */
  if (score->n_lines < n_expected)
    {
      if (score->first_wrong == G_MAXUINT64)
        score->first_wrong = score->n_lines;
      score->n_lines = n_expected;
    }

  score->format = debrief_log_reader_get_format (reader);
  score->field = debrief_log_reader_get_field (reader);
  score->assumed_year = debrief_log_reader_get_assumed_year (reader);
  return TRUE;
}
