/* test-metrics-csv.c
 *
 * Metrics CSV and TSV files, good and hostile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-metrics-csv"

#include "config.h"

#include <math.h>
#include <string.h>

#include "debrief-metrics-csv.h"
#include "debrief-test-util.h"

static DebriefMetricsTable *
parse_fixture (const char  *name,
               GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "metrics", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);

  g_assert_nonnull (stream);
  return debrief_metrics_csv_parse (G_INPUT_STREAM (stream), NULL, NULL, error);
}

static DebriefMetricsTable *
parse_text (const char  *text,
            gsize        length,
            GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);

  return debrief_metrics_csv_parse_bytes (bytes, NULL, error);
}

static DebriefMetricsSeries *
series_at (DebriefMetricsTable *table,
           guint                i)
{
  g_assert_cmpuint (i, <, table->series->len);
  return g_ptr_array_index (table->series, i);
}

static double
value_at (DebriefMetricsTable *table,
          guint                series,
          guint                row)
{
  return g_array_index (series_at (table, series)->values, double, row);
}

static void
test_comma (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefMetricsTable) table = parse_fixture ("gateway.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpint (table->delimiter, ==, ',');
  g_assert_cmpstr (table->time_column, ==, "timestamp");
  g_assert_cmpuint (table->times->len, ==, 4);
  g_assert_cmpint (g_array_index (table->times, gint64, 1), ==, debrief_test_usec ("2026-03-14T14:00:01.250Z"));
  g_assert_cmpint (g_array_index (table->times, gint64, 3), ==, debrief_test_usec ("2026-03-14T14:00:03.750Z"));

  /* The note and state columns hold words: not series. */
  g_assert_cmpuint (table->series->len, ==, 2);
  g_assert_cmpstr (series_at (table, 0)->name, ==, "cpu_load");
  g_assert_cmpstr (series_at (table, 1)->name, ==, "heap_free_kb");
  g_assert_cmpfloat (value_at (table, 0, 2), ==, 97.5);
  g_assert_true (isnan (value_at (table, 0, 3)));
  g_assert_cmpfloat (value_at (table, 1, 3), ==, 11);
  g_assert_cmpuint (table->n_bad_values, ==, 0);
  g_assert_cmpuint (table->n_ragged_rows, ==, 0);
}

static void
test_semicolon_decimal_comma (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefMetricsTable) table = parse_fixture ("semicolon.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpint (table->delimiter, ==, ';');
  g_assert_cmpstr (table->time_column, ==, "Zeit");
  g_assert_cmpuint (table->times->len, ==, 2);
  g_assert_cmpint (g_array_index (table->times, gint64, 1), ==, debrief_test_usec ("2026-03-14T14:01:00Z"));
  g_assert_cmpstr (series_at (table, 0)->name, ==, "Temperatur");
  g_assert_cmpfloat (value_at (table, 0, 0), ==, 21.5);
  g_assert_cmpfloat (value_at (table, 1, 1), ==, 3.28);
}

static void
test_tsv_epoch_ragged (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefMetricsTable) table = parse_fixture ("epoch-ms.tsv", &error);

  g_assert_no_error (error);
  g_assert_cmpint (table->delimiter, ==, '\t');
  g_assert_cmpstr (table->time_column, ==, "t_ms");
  g_assert_cmpuint (table->times->len, ==, 4);
  g_assert_cmpint (g_array_index (table->times, gint64, 1), ==, debrief_test_usec ("2026-03-14T14:00:00.501Z"));
  g_assert_cmpuint (table->series->len, ==, 2);
  g_assert_cmpfloat (value_at (table, 0, 1), ==, -80);
  g_assert_true (isnan (value_at (table, 1, 1)));
  g_assert_true (isnan (value_at (table, 1, 2)));
  g_assert_cmpfloat (value_at (table, 1, 3), ==, 8);
  g_assert_cmpuint (table->n_bad_values, ==, 1);
  g_assert_cmpuint (table->n_ragged_rows, ==, 2);
}

static void
test_epoch_seconds_crlf_quotes (void)
{
  const char *text = "\"time\",\"load, %\"\r\n1773496800,\"1.5\"\r\n1773496801.5,2\r\nnot a time,3\r\n\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefMetricsTable) table = parse_text (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (table->times->len, ==, 2);
  g_assert_cmpuint (table->n_bad_times, ==, 1);
  g_assert_cmpint (g_array_index (table->times, gint64, 1), ==, debrief_test_usec ("2026-03-14T14:00:01.500Z"));
  g_assert_cmpstr (series_at (table, 0)->name, ==, "load, %");
  g_assert_cmpfloat (value_at (table, 0, 0), ==, 1.5);
}

static void
test_invalid_utf8_and_nul (void)
{
  static const char text[] = "time,v\xff\n2026-03-14T14:00:00Z,1\n2026-03-14T14:00:01Z,\0x\n2026-03-14T14:00:02Z,3\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefMetricsTable) table = parse_text (text, sizeof text - 1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (series_at (table, 0)->name, ==, "v\357\277\275");
  g_assert_cmpuint (table->times->len, ==, 3);
  g_assert_true (isnan (value_at (table, 0, 1)));
  g_assert_cmpfloat (value_at (table, 0, 2), ==, 3);
  g_assert_cmpuint (table->n_bad_values, ==, 1);
}

static void
test_errors (void)
{
  struct { const char *text; int code; } cases[] = {
    { "", DEBRIEF_METRICS_CSV_ERROR_EMPTY },
    { "\357\273\277 \r\n\r\n", DEBRIEF_METRICS_CSV_ERROR_EMPTY },
    { "time,value\n", DEBRIEF_METRICS_CSV_ERROR_NO_ROWS },
    { "time,value\nyesterday,1\n", DEBRIEF_METRICS_CSV_ERROR_NO_TIME },
    { "time,state\n2026-03-14T14:00:00Z,RUN\n2026-03-14T14:00:01Z,WDT\n", DEBRIEF_METRICS_CSV_ERROR_NO_SERIES },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DebriefMetricsTable) table = parse_text (cases[i].text, strlen (cases[i].text), &error);

      g_assert_error (error, DEBRIEF_METRICS_CSV_ERROR, cases[i].code);
      g_assert_null (table);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DebriefMetricsTable) table = parse_fixture ("no-time.csv", &error);

    g_assert_error (error, DEBRIEF_METRICS_CSV_ERROR, DEBRIEF_METRICS_CSV_ERROR_NO_TIME);
    g_assert_null (table);
  }
}

static void
test_huge_field (void)
{
  GString *text = g_string_new ("time,v,label\n2026-03-14T14:00:00Z,1,\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefMetricsTable) table = NULL;

  for (guint i = 0; i < 10 * 1024 * 1024; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\"\n2026-03-14T14:00:01Z,2,y\n");
  table = parse_text (text->str, text->len, &error);
  g_string_free (text, TRUE);

  g_assert_no_error (error);
  g_assert_cmpuint (table->times->len, ==, 2);
  g_assert_cmpuint (table->series->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debrief/metrics-csv/comma", test_comma);
  g_test_add_func ("/debrief/metrics-csv/semicolon-decimal-comma", test_semicolon_decimal_comma);
  g_test_add_func ("/debrief/metrics-csv/tsv-epoch-ragged", test_tsv_epoch_ragged);
  g_test_add_func ("/debrief/metrics-csv/epoch-seconds-crlf-quotes", test_epoch_seconds_crlf_quotes);
  g_test_add_func ("/debrief/metrics-csv/invalid-utf8-and-nul", test_invalid_utf8_and_nul);
  g_test_add_func ("/debrief/metrics-csv/errors", test_errors);
  g_test_add_func ("/debrief/metrics-csv/huge-field", test_huge_field);

  return g_test_run ();
}
