/* test-log-reader.c
 *
 * Reading logs line by line: every line read back where it is in the file,
 * continuation lines on their record's time, line endings of every kind,
 * huge lines, and streams that hand out data in small pieces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "debrief-log-reader.h"
#include "debrief-test-util.h"

static const DebriefTimestampContext context_2026 = { 2026, NULL };

typedef struct
{
  char            *text;
  DebriefLogLine   line;
} ReadLine;

static void
read_line_free (gpointer data)
{
  ReadLine *rl = data;

  g_free (rl->text);
  g_free (rl);
}

/* Reads all of data, checking that lines and their endings tile it. */
static GPtrArray *
read_all (const char       *data,
          gsize             length,
          gsize             block_size,
          gsize             max_line,
          gint64            clock_offset,
          DebriefLogReader **out_reader)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(DebriefLogReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (read_line_free);
  DebriefLogLine line;
  guint64 expect_offset = 0;
  guint64 expect_line = 0;

  stream = g_memory_input_stream_new_from_data (g_memdup2 (data, length), length, g_free);
  reader = debrief_log_reader_new (stream, &context_2026, clock_offset);
  if (block_size > 0)
    debrief_log_reader_set_block_size (reader, block_size);
  if (max_line > 0)
    debrief_log_reader_set_max_line_length (reader, max_line);

  while (debrief_log_reader_next (reader, &line, NULL, &error))
    {
      ReadLine *rl = g_new0 (ReadLine, 1);
      gsize ending = 0;

      g_assert_cmpuint (line.line, ==, expect_line);
      if (!line.split)
        expect_line++;
      g_assert_cmpuint (line.offset, ==, expect_offset);
      g_assert_cmpuint (line.offset + line.length, <=, length);
      g_assert_true (memcmp (line.text, data + line.offset, line.length) == 0);

      if (!line.split && line.offset + line.length < length)
        {
          const char *e = data + line.offset + line.length;

          g_assert_true (*e == '\n' || *e == '\r');
          ending = (e[0] == '\r' && line.offset + line.length + 1 < length && e[1] == '\n') ? 2 : 1;
        }
      expect_offset = line.offset + line.length + ending;

      rl->text = g_strndup (line.text, line.length);
      rl->line = line;
      rl->line.text = NULL;
      g_ptr_array_add (lines, rl);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (expect_offset, ==, length);
  g_assert_cmpuint (debrief_log_reader_get_n_lines (reader), ==, expect_line);

  /* The end stays the end. */
  g_assert_false (debrief_log_reader_next (reader, &line, NULL, &error));
  g_assert_no_error (error);

  if (out_reader != NULL)
    *out_reader = g_steal_pointer (&reader);

  return lines;
}

static const char *
text_at (GPtrArray *lines,
         guint      i)
{
  return ((ReadLine *) g_ptr_array_index (lines, i))->text;
}

static const DebriefLogLine *
line_at (GPtrArray *lines,
         guint      i)
{
  return &((ReadLine *) g_ptr_array_index (lines, i))->line;
}

static void
check_texts (const char         *data,
             gsize               length,
             const char * const *expected)
{
  static const gsize block_sizes[] = { 1, 2, 3, 7, 4096, 0 };

  for (guint b = 0; b < G_N_ELEMENTS (block_sizes); b++)
    {
      g_autoptr(GPtrArray) lines = read_all (data, length, block_sizes[b], 0, 0, NULL);
      guint n = g_strv_length ((char **) expected);

      g_assert_cmpuint (lines->len, ==, n);
      for (guint i = 0; i < n; i++)
        g_assert_cmpstr (text_at (lines, i), ==, expected[i]);
    }
}

static void
test_line_endings (void)
{
  check_texts ("a\nb\n", 4, (const char * const[]) { "a", "b", NULL });
  check_texts ("a\r\nb\r\n", 6, (const char * const[]) { "a", "b", NULL });
  check_texts ("a\rb\r", 4, (const char * const[]) { "a", "b", NULL });
  check_texts ("a\nb\r\nc\rd", 8, (const char * const[]) { "a", "b", "c", "d", NULL });
  check_texts ("a\r\r\nb", 5, (const char * const[]) { "a", "", "b", NULL });
  check_texts ("\n\n", 2, (const char * const[]) { "", "", NULL });
  check_texts ("last line", 9, (const char * const[]) { "last line", NULL });
  check_texts ("a\r", 2, (const char * const[]) { "a", NULL });
  check_texts ("\r", 1, (const char * const[]) { "", NULL });
  check_texts ("\n\r", 2, (const char * const[]) { "", "", NULL });
}

static void
test_empty_stream (void)
{
  g_autoptr(DebriefLogReader) reader = NULL;
  g_autoptr(GPtrArray) lines = read_all ("", 0, 0, 0, 0, &reader);

  g_assert_cmpuint (lines->len, ==, 0);
  g_assert_cmpint (debrief_log_reader_get_format (reader), ==, DEBRIEF_TS_NONE);
  g_assert_cmpuint (debrief_log_reader_get_n_stamped (reader), ==, 0);
  g_assert_cmpint (debrief_log_reader_get_first_usec (reader), ==, G_MININT64);
  g_assert_cmpint (debrief_log_reader_get_last_usec (reader), ==, G_MININT64);
}

static void
test_nul_and_invalid_utf8 (void)
{
  static const char data[] = "[   1.000000] ab\0cd\n\xff\xfe\0\n[   2.000000] \xc3(\n";
  g_autoptr(GPtrArray) lines = read_all (data, sizeof data - 1, 3, 0, 0, NULL);

  g_assert_cmpuint (lines->len, ==, 3);
  g_assert_cmpuint (line_at (lines, 0)->length, ==, 19);
  g_assert_true (line_at (lines, 0)->has_stamp);
  g_assert_cmpint (line_at (lines, 0)->usec, ==, G_USEC_PER_SEC);
  g_assert_cmpuint (line_at (lines, 1)->length, ==, 3);
  g_assert_false (line_at (lines, 1)->has_stamp);
  g_assert_cmpint (line_at (lines, 1)->usec, ==, G_USEC_PER_SEC);
  g_assert_cmpint (line_at (lines, 2)->usec, ==, 2 * G_USEC_PER_SEC);
  g_assert_cmpuint (line_at (lines, 2)->length, ==, 16);
}

static void
test_continuation_lines (void)
{
  static const char data[] =
    "preamble without a time\n"
    "\n"
    "2026-03-14T02:11:07.250Z ERROR ota: image rejected\r\n"
    "Traceback (most recent call last):\r\n"
    "  File \"ota.py\", line 12, in verify\r\n"
    "00000000  de ad be ef\r\n"
    "2026-03-14T02:11:08Z INFO ota: retrying\r\n"
    "  detail";
  gint64 offset = -3 * G_USEC_PER_SEC;
  g_autoptr(DebriefLogReader) reader = NULL;
  g_autoptr(GPtrArray) lines = read_all (data, sizeof data - 1, 0, 0, offset, &reader);
  gint64 t0 = debrief_test_utc (2026, 3, 14, 2, 11, 7, 250000) + offset;
  gint64 t1 = debrief_test_utc (2026, 3, 14, 2, 11, 8, 0) + offset;

  g_assert_cmpuint (lines->len, ==, 8);
  g_assert_cmpint (debrief_log_reader_get_format (reader), ==, DEBRIEF_TS_ISO8601);

  for (guint i = 0; i < 2; i++)
    {
      g_assert_false (line_at (lines, i)->has_stamp);
      g_assert_cmpint (line_at (lines, i)->usec, ==, G_MININT64);
      g_assert_cmpint (line_at (lines, i)->level, ==, DEBRIEF_LOG_LEVEL_NONE);
      g_assert_cmpuint (line_at (lines, i)->record, ==, 0);
    }

  g_assert_true (line_at (lines, 2)->has_stamp);
  for (guint i = 2; i < 6; i++)
    {
      g_assert_cmpint (line_at (lines, i)->has_stamp, ==, i == 2);
      g_assert_cmpint (line_at (lines, i)->usec, ==, t0);
      g_assert_cmpint (line_at (lines, i)->level, ==, DEBRIEF_LOG_LEVEL_ERROR);
      g_assert_false (line_at (lines, i)->since_boot);
      g_assert_cmpuint (line_at (lines, i)->record, ==, 2);
    }

  for (guint i = 6; i < 8; i++)
    {
      g_assert_cmpint (line_at (lines, i)->has_stamp, ==, i == 6);
      g_assert_cmpint (line_at (lines, i)->usec, ==, t1);
      g_assert_cmpint (line_at (lines, i)->level, ==, DEBRIEF_LOG_LEVEL_INFO);
      g_assert_cmpuint (line_at (lines, i)->record, ==, 6);
    }
  g_assert_cmpstr (text_at (lines, 7), ==, "  detail");

  g_assert_cmpuint (debrief_log_reader_get_n_stamped (reader), ==, 2);
  g_assert_cmpint (debrief_log_reader_get_first_usec (reader), ==, t0);
  g_assert_cmpint (debrief_log_reader_get_last_usec (reader), ==, t1);
}

/* Every block size cuts records, stamps and "\r\n" somewhere. */
static void
test_small_blocks (void)
{
  static const char data[] =
    "[00:00:01.000,000] <inf> boot: start\r\n"
    "[00:00:01.500,250] <err> wdt: watchdog timeout\n"
    "  backtrace 0x0800abcd\r"
    "[00:00:02.000,000] <wrn> pwr: brown-out\r\n"
    "tail without newline";
  g_autoptr(GPtrArray) whole = read_all (data, sizeof data - 1, 0, 0, 0, NULL);

  g_assert_cmpuint (whole->len, ==, 5);
  g_assert_true (line_at (whole, 0)->since_boot);
  g_assert_cmpint (line_at (whole, 1)->usec, ==, 1500250);
  g_assert_cmpint (line_at (whole, 2)->usec, ==, 1500250);
  g_assert_cmpint (line_at (whole, 2)->level, ==, DEBRIEF_LOG_LEVEL_ERROR);
  g_assert_cmpint (line_at (whole, 4)->usec, ==, 2 * G_USEC_PER_SEC);

  for (gsize block = 1; block < 64; block++)
    {
      g_autoptr(DebriefLogReader) reader = NULL;
      g_autoptr(GPtrArray) lines = read_all (data, sizeof data - 1, block, 0, 0, &reader);

      g_assert_cmpint (debrief_log_reader_get_format (reader), ==, DEBRIEF_TS_ZEPHYR);
      g_assert_cmpuint (lines->len, ==, whole->len);
      for (guint i = 0; i < lines->len; i++)
        {
          const DebriefLogLine *a = line_at (lines, i);
          const DebriefLogLine *b = line_at (whole, i);

          g_assert_cmpstr (text_at (lines, i), ==, text_at (whole, i));
          g_assert_cmpuint (a->offset, ==, b->offset);
          g_assert_cmpint (a->usec, ==, b->usec);
          g_assert_cmpint (a->level, ==, b->level);
          g_assert_cmpint (a->has_stamp, ==, b->has_stamp);
          g_assert_cmpuint (a->record, ==, b->record);
        }
    }
}

static void
test_huge_line (void)
{
  gsize huge = 10 * 1024 * 1024;
  const char *prefix = "[   5.000000] dump: ";
  gsize prefix_len = strlen (prefix);
  g_autofree char *data = g_malloc (prefix_len + huge + 7);
  g_autoptr(DebriefLogReader) reader = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  memcpy (data, prefix, prefix_len);
  memset (data + prefix_len, 'x', huge);
  memcpy (data + prefix_len + huge, "\nnext\n", 6);

  lines = read_all (data, prefix_len + huge + 6, 0, 0, 0, &reader);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpuint (line_at (lines, 0)->length, ==, prefix_len + huge);
  g_assert_false (line_at (lines, 0)->split);
  g_assert_true (line_at (lines, 0)->has_stamp);
  g_assert_cmpint (line_at (lines, 0)->usec, ==, 5 * G_USEC_PER_SEC);
  g_assert_cmpstr (text_at (lines, 1), ==, "next");
  g_assert_cmpint (line_at (lines, 1)->usec, ==, 5 * G_USEC_PER_SEC);
  g_assert_cmpuint (debrief_log_reader_get_n_split (reader), ==, 0);
}

static void
test_line_over_cap (void)
{
  static const gsize block_sizes[] = { 64, 1000, 4096 };

  for (guint b = 0; b < G_N_ELEMENTS (block_sizes); b++)
    {
      g_autoptr(GString) data = g_string_new ("[   1.000000] big: ");
      g_autoptr(DebriefLogReader) reader = NULL;
      g_autoptr(GPtrArray) lines = NULL;

      while (data->len < 2500)
        g_string_append_c (data, '0' + data->len % 10);
      g_string_append (data, "\n[   2.000000] after\n");

      lines = read_all (data->str, data->len, block_sizes[b], 1000, 0, &reader);
      g_assert_cmpuint (lines->len, ==, 4);
      g_assert_cmpuint (line_at (lines, 0)->length, ==, 1000);
      g_assert_cmpuint (line_at (lines, 1)->length, ==, 1000);
      g_assert_cmpuint (line_at (lines, 2)->length, ==, 500);
      g_assert_true (line_at (lines, 0)->split);
      g_assert_true (line_at (lines, 1)->split);
      g_assert_false (line_at (lines, 2)->split);
      g_assert_true (line_at (lines, 0)->has_stamp);
      for (guint i = 1; i < 3; i++)
        {
          g_assert_false (line_at (lines, i)->has_stamp);
          g_assert_cmpuint (line_at (lines, i)->record, ==, 0);
          g_assert_cmpint (line_at (lines, i)->usec, ==, G_USEC_PER_SEC);
        }
      g_assert_cmpstr (text_at (lines, 3), ==, "[   2.000000] after");
      g_assert_true (line_at (lines, 3)->has_stamp);
      g_assert_cmpuint (line_at (lines, 2)->line, ==, 0);
      g_assert_cmpuint (line_at (lines, 3)->line, ==, 1);
      g_assert_cmpuint (line_at (lines, 3)->record, ==, 1);
      g_assert_cmpuint (debrief_log_reader_get_n_lines (reader), ==, 2);
      g_assert_cmpuint (debrief_log_reader_get_n_split (reader), ==, 2);
    }
}

/* Reads data with a context of its own, in blocks of a few bytes. */
static GPtrArray *
read_with_context (const char                    *data,
                   const DebriefTimestampContext *context,
                   DebriefLogReader             **out_reader)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(DebriefLogReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (read_line_free);
  DebriefLogLine line;

  stream = g_memory_input_stream_new_from_data (g_strdup (data), strlen (data), g_free);
  reader = debrief_log_reader_new (stream, context, 0);
  debrief_log_reader_set_block_size (reader, 7);

  while (debrief_log_reader_next (reader, &line, NULL, &error))
    {
      ReadLine *rl = g_new0 (ReadLine, 1);

      rl->text = g_strndup (line.text, line.length);
      rl->line = line;
      rl->line.text = NULL;
      g_ptr_array_add (lines, rl);
    }
  g_assert_no_error (error);

  if (out_reader != NULL)
    *out_reader = g_steal_pointer (&reader);

  return lines;
}

/* Syslog and logcat have no year: a file that runs from December into
 * January goes on into the next year, and stays there.
 */
static void
test_new_year (void)
{
  static const char syslog[] =
    "Dec 31 23:59:58 gw01 ntpd[9]: synchronised\n"
    "Dec 31 23:59:57 gw01 cron[88]: written a second late\n"
    "Jan  1 00:00:01 gw01 kernel: usb 1-1: reset\n"
    "  continued\n"
    "Jan  1 00:00:02 gw01 kernel: usb 1-1: new device\n"
    "Feb 29 10:00:00 gw01 pumpd[77]: leap day of the next year\n"
    "Mar  1 10:00:00 gw01 pumpd[77]: spring\n";
  static const char logcat[] =
    "12-31 23:59:59.900  1234  1290 I ActivityManager: Start proc\n"
    "01-01 00:00:00.100  1234  1290 W ActivityManager: Slow operation\n";
  static const char dated[] =
    "Dec 31 2026 23:59:59 UTC: %SYS-5-CONFIG_I: Configured\n"
    "Jan  1 2026 00:00:01 UTC: %SYS-5-RESTART: the year is written\n"
    "Jan  1 00:00:02 gw01 kernel: no year, no jump from the last line without one\n";
  const DebriefTimestampContext context_2027 = { 2027, NULL };
  g_autoptr(DebriefLogReader) reader = NULL;
  g_autoptr(GPtrArray) lines = read_with_context (syslog, &context_2027, &reader);
  g_autoptr(GPtrArray) cat = NULL;
  g_autoptr(GPtrArray) years = NULL;

  g_assert_cmpint (debrief_log_reader_get_format (reader), ==, DEBRIEF_TS_SYSLOG);
  g_assert_cmpuint (lines->len, ==, 7);
  g_assert_cmpint (line_at (lines, 0)->usec, ==, debrief_test_utc (2027, 12, 31, 23, 59, 58, 0));
  g_assert_cmpint (line_at (lines, 1)->usec, ==, debrief_test_utc (2027, 12, 31, 23, 59, 57, 0));
  g_assert_cmpint (line_at (lines, 2)->usec, ==, debrief_test_utc (2028, 1, 1, 0, 0, 1, 0));
  g_assert_cmpint (line_at (lines, 3)->usec, ==, debrief_test_utc (2028, 1, 1, 0, 0, 1, 0));
  g_assert_cmpint (line_at (lines, 4)->usec, ==, debrief_test_utc (2028, 1, 1, 0, 0, 2, 0));
  /* 2028 is a leap year: the day only exists because the year moved on. */
  g_assert_true (line_at (lines, 5)->has_stamp);
  g_assert_cmpint (line_at (lines, 5)->usec, ==, debrief_test_utc (2028, 2, 29, 10, 0, 0, 0));
  g_assert_cmpint (line_at (lines, 6)->usec, ==, debrief_test_utc (2028, 3, 1, 10, 0, 0, 0));
  g_assert_cmpint (debrief_log_reader_get_first_usec (reader), ==, debrief_test_utc (2027, 12, 31, 23, 59, 58, 0));
  g_assert_cmpint (debrief_log_reader_get_last_usec (reader), ==, debrief_test_utc (2028, 3, 1, 10, 0, 0, 0));

  cat = read_with_context (logcat, &context_2026, NULL);
  g_assert_cmpuint (cat->len, ==, 2);
  g_assert_cmpint (line_at (cat, 0)->usec, ==, debrief_test_utc (2026, 12, 31, 23, 59, 59, 900000));
  g_assert_cmpint (line_at (cat, 1)->usec, ==, debrief_test_utc (2027, 1, 1, 0, 0, 0, 100000));
  g_assert_cmpint (line_at (cat, 1)->level, ==, DEBRIEF_LOG_LEVEL_WARNING);

  /* A stamp with its year is taken as it is, even going back. */
  years = read_with_context (dated, &context_2026, NULL);
  g_assert_cmpuint (years->len, ==, 3);
  g_assert_cmpint (line_at (years, 0)->usec, ==, debrief_test_utc (2026, 12, 31, 23, 59, 59, 0));
  g_assert_cmpint (line_at (years, 1)->usec, ==, debrief_test_utc (2026, 1, 1, 0, 0, 1, 0));
  g_assert_cmpint (line_at (years, 2)->usec, ==, debrief_test_utc (2026, 1, 1, 0, 0, 2, 0));
}

/* Proxifier writes [MM.DD HH:MM:SS]: every line gets its own time, in the
 * year of the context, and the reader says that year was assumed and
 * where it came from.  A log whose stamps have their year says nothing.
 */
static void
test_year_assumed (void)
{
  static const char proxifier[] =
    "[10.30 16:49:06] chrome.exe - proxy.cse.cuhk.edu.hk:5070 open through proxy proxy.cse.cuhk.edu.hk:5070 HTTPS\n"
    "[10.30 16:49:06] chrome.exe - proxy.cse.cuhk.edu.hk:5070 close, 0 bytes sent, 0 bytes received, lifetime <1 sec\n"
    "[10.30 16:49:07] chrome.exe - play.google.com:443 open through proxy proxy.cse.cuhk.edu.hk:5070 HTTPS\n"
    "[10.30 16:49:08] chrome.exe - play.google.com:443 close, 1190 bytes (1.16 KB) sent, 1671 bytes received\n";
  static const char dated[] =
    "2026-03-14T02:11:07Z gw01 boot\n"
    "2026-03-14T02:11:08Z gw01 ready\n";
  const DebriefTimestampContext incident_2025 = { 2025, NULL, 3, 14, DEBRIEF_YEAR_SOURCE_INCIDENT };
  g_autoptr(DebriefLogReader) reader = NULL;
  g_autoptr(DebriefLogReader) dated_reader = NULL;
  g_autoptr(GPtrArray) lines = read_with_context (proxifier, &incident_2025, &reader);
  g_autoptr(GPtrArray) dated_lines = read_with_context (dated, &incident_2025, &dated_reader);

  g_assert_cmpint (debrief_log_reader_get_format (reader), ==, DEBRIEF_TS_MONTH_DAY);
  g_assert_cmpuint (lines->len, ==, 4);
  for (guint i = 0; i < lines->len; i++)
    g_assert_true (line_at (lines, i)->has_stamp);
  g_assert_cmpint (line_at (lines, 0)->usec, ==, debrief_test_utc (2025, 10, 30, 16, 49, 6, 0));
  g_assert_cmpint (line_at (lines, 3)->usec, ==, debrief_test_utc (2025, 10, 30, 16, 49, 8, 0));
  g_assert_cmpint (debrief_log_reader_get_assumed_year (reader), ==, 2025);
  g_assert_cmpint (debrief_log_reader_get_year_source (reader), ==, DEBRIEF_YEAR_SOURCE_INCIDENT);

  g_assert_cmpuint (dated_lines->len, ==, 2);
  g_assert_cmpint (debrief_log_reader_get_assumed_year (dated_reader), ==, 0);
}

/* A stamp after a label, a host, a sequence number or a file name: each
 * line gets its own time, not the one of the line above.
 */
static void
test_stamp_after_words (void)
{
  static const char data[] =
    "gateway 2026-03-14T02:11:07.001Z pumpd[7]: start\n"
    "router 2026-03-14T02:11:08.002Z pumpd[7]: run\n"
    "  continued without a stamp\n"
    "gateway 2026-03-14T02:11:09.003Z pumpd[7]: stop\n";
  g_autoptr(DebriefLogReader) reader = NULL;
  g_autoptr(GPtrArray) lines = read_with_context (data, &context_2026, &reader);

  g_assert_cmpint (debrief_log_reader_get_format (reader), ==, DEBRIEF_TS_ISO8601);
  g_assert_cmpuint (debrief_log_reader_get_field (reader), ==, 1);
  g_assert_cmpuint (lines->len, ==, 4);
  g_assert_true (line_at (lines, 0)->has_stamp);
  g_assert_true (line_at (lines, 1)->has_stamp);
  g_assert_false (line_at (lines, 2)->has_stamp);
  g_assert_true (line_at (lines, 3)->has_stamp);
  g_assert_cmpint (line_at (lines, 1)->usec, ==, debrief_test_usec ("2026-03-14T02:11:08.002Z"));
  g_assert_cmpint (line_at (lines, 2)->usec, ==, debrief_test_usec ("2026-03-14T02:11:08.002Z"));
  g_assert_cmpint (line_at (lines, 3)->usec, ==, debrief_test_usec ("2026-03-14T02:11:09.003Z"));
}

/* In a log whose lines start with their stamps, a line that does not is
 * part of the record above, even when a time is quoted in its words.
 */
static void
test_continuation_not_searched (void)
{
  static const char data[] =
    "2026-03-14 02:11:07,123 ERROR [main] Flash - write failed\n"
    "java.security.cert.CertificateNotYetValidException: 2026-03-15 00:00:00 is the start\n"
    "\tat com.example.Flash.write(Flash.java:10)\n"
    "2026-03-14 02:11:08,456 INFO [main] Flash - retrying\n";
  g_autoptr(DebriefLogReader) reader = NULL;
  g_autoptr(GPtrArray) lines = read_with_context (data, &context_2026, &reader);

  g_assert_cmpint (debrief_log_reader_get_format (reader), ==, DEBRIEF_TS_LOG4J);
  g_assert_cmpuint (lines->len, ==, 4);
  g_assert_false (line_at (lines, 1)->has_stamp);
  g_assert_cmpint (line_at (lines, 1)->usec, ==, debrief_test_usec ("2026-03-14T02:11:07.123Z"));
  g_assert_cmpint (line_at (lines, 1)->level, ==, DEBRIEF_LOG_LEVEL_ERROR);
  g_assert_true (line_at (lines, 3)->has_stamp);
}

/* ESP-IDF's system time without a date: the lines land on the incident's
 * day, and on the next one after midnight.
 */
static void
test_time_of_day (void)
{
  static const char data[] =
    "I (23:59:58.000) wifi: connected\n"
    "W (23:59:57.500) mqtt: written out of order\n"
    "E (00:00:01.250) ota: checksum mismatch\n"
    "I (2026-03-16 00:00:02.000) sntp: full date\n"
    "I (23:59:59.000) app: a day later\n"
    "I (00:00:00.500) app: and one more\n";
  g_autoptr(GTimeZone) plus_one = g_time_zone_new_identifier ("+01:00");
  const DebriefTimestampContext month_end = { 2026, plus_one, 3, 31 };
  const DebriefTimestampContext pi_day = { 2026, NULL, 3, 14 };
  static const char new_year[] =
    "I (23:59:59.000) app: old year\n"
    "I (00:00:01.000) app: new year\n";
  const DebriefTimestampContext silvester = { 2026, NULL, 12, 31 };
  g_autoptr(DebriefLogReader) reader = NULL;
  g_autoptr(GPtrArray) lines = read_with_context (data, &pi_day, &reader);
  g_autoptr(GPtrArray) zoned = NULL;
  g_autoptr(GPtrArray) turn = NULL;

  g_assert_cmpint (debrief_log_reader_get_format (reader), ==, DEBRIEF_TS_ESPIDF_SYSTEM);
  g_assert_cmpuint (lines->len, ==, 6);
  g_assert_cmpint (line_at (lines, 0)->usec, ==, debrief_test_utc (2026, 3, 14, 23, 59, 58, 0));
  g_assert_false (line_at (lines, 0)->since_boot);
  g_assert_cmpint (line_at (lines, 1)->usec, ==, debrief_test_utc (2026, 3, 14, 23, 59, 57, 500000));
  g_assert_cmpint (line_at (lines, 2)->usec, ==, debrief_test_utc (2026, 3, 15, 0, 0, 1, 250000));
  g_assert_cmpint (line_at (lines, 2)->level, ==, DEBRIEF_LOG_LEVEL_ERROR);
  g_assert_cmpint (line_at (lines, 3)->usec, ==, debrief_test_utc (2026, 3, 16, 0, 0, 2, 0));
  /* The full date does not move the day the times of day are on. */
  g_assert_cmpint (line_at (lines, 4)->usec, ==, debrief_test_utc (2026, 3, 15, 23, 59, 59, 0));
  g_assert_cmpint (line_at (lines, 5)->usec, ==, debrief_test_utc (2026, 3, 16, 0, 0, 0, 500000));

  /* Past the end of a month, in the device's zone. */
  zoned = read_with_context (data, &month_end, NULL);
  g_assert_cmpint (line_at (zoned, 0)->usec, ==, debrief_test_utc (2026, 3, 31, 22, 59, 58, 0));
  g_assert_cmpint (line_at (zoned, 2)->usec, ==, debrief_test_utc (2026, 3, 31, 23, 0, 1, 250000));
  g_assert_cmpint (line_at (zoned, 5)->usec, ==, debrief_test_utc (2026, 4, 1, 23, 0, 0, 500000));

  turn = read_with_context (new_year, &silvester, NULL);
  g_assert_cmpint (line_at (turn, 0)->usec, ==, debrief_test_utc (2026, 12, 31, 23, 59, 59, 0));
  g_assert_cmpint (line_at (turn, 1)->usec, ==, debrief_test_utc (2027, 1, 1, 0, 0, 1, 0));
}

/* The reader decides once for the file which way 03/04/2026 reads. */
static void
test_day_first_file (void)
{
  static const char day_first[] =
    "03/04/2026 10:00:00 pump started\n"
    "13/04/2026 10:00:00 pump stopped\n"
    "[14/04/2026 10:00:00] [WARN] pump restarted\n";
  static const char month_first[] =
    "03/04/2026 10:00:00 AM pump started\n"
    "03/04/2026 10:00:00 PM pump stopped\n";
  g_autoptr(DebriefLogReader) reader = NULL;
  g_autoptr(DebriefLogReader) us_reader = NULL;
  g_autoptr(GPtrArray) lines = read_with_context (day_first, &context_2026, &reader);
  g_autoptr(GPtrArray) us = read_with_context (month_first, &context_2026, &us_reader);

  g_assert_cmpint (debrief_log_reader_get_format (reader), ==, DEBRIEF_TS_DATE_DMY);
  g_assert_cmpint (line_at (lines, 0)->usec, ==, debrief_test_utc (2026, 4, 3, 10, 0, 0, 0));
  g_assert_cmpint (line_at (lines, 1)->usec, ==, debrief_test_utc (2026, 4, 13, 10, 0, 0, 0));
  g_assert_cmpint (line_at (lines, 2)->usec, ==, debrief_test_utc (2026, 4, 14, 10, 0, 0, 0));
  g_assert_cmpint (line_at (lines, 2)->level, ==, DEBRIEF_LOG_LEVEL_WARNING);

  g_assert_cmpint (debrief_log_reader_get_format (us_reader), ==, DEBRIEF_TS_DATE_MDY);
  g_assert_cmpint (line_at (us, 0)->usec, ==, debrief_test_utc (2026, 3, 4, 10, 0, 0, 0));
  g_assert_cmpint (line_at (us, 1)->usec, ==, debrief_test_utc (2026, 3, 4, 22, 0, 0, 0));
}

/* Without a reference, times of day land on today. */
static void
test_time_of_day_today (void)
{
  static const char data[] = "I (12:00:00.000) app: noon\n";
  const DebriefTimestampContext no_reference = { 0, NULL };
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) lines = read_with_context (data, &no_reference, NULL);
  g_autoptr(GDateTime) after = g_date_time_new_now_utc ();
  gint64 usec = line_at (lines, 0)->usec;

  g_assert_true (usec == debrief_test_utc (g_date_time_get_year (before), g_date_time_get_month (before),
                              g_date_time_get_day_of_month (before), 12, 0, 0, 0)
                 || usec == debrief_test_utc (g_date_time_get_year (after), g_date_time_get_month (after),
                                 g_date_time_get_day_of_month (after), 12, 0, 0, 0));
}

/* Files from the benchmark generator, read from disk. */
static char *
generate (const char *dir,
          const char *kind)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "bench",
                                                   "gen-firmware-logs.py", NULL);
  g_autofree char *out = g_build_filename (dir, kind, NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, script, kind, "1", out, NULL };
  int status = 0;

  if (python == NULL || !g_file_test (script, G_FILE_TEST_EXISTS))
    return NULL;

  argv[0] = python;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&out);
}

static void
check_generated (const char             *dir,
                 const char             *kind,
                 DebriefTimestampFormat  format,
                 gboolean                since_boot,
                 gint64                  clock_offset)
{
  g_autofree char *path = generate (dir, kind);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(DebriefLogReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  DebriefLogLine line;
  gsize length = 0;
  guint64 n_newlines = 0, expect_offset = 0, n = 0;
  gint64 previous = G_MININT64;
  gint64 first_own = G_MININT64;
  gboolean single_source = format != DEBRIEF_TS_NONE;

  g_assert_nonnull (path);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000000);
  for (gsize i = 0; i < length; i++)
    n_newlines += contents[i] == '\n';

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &error);
  g_assert_no_error (error);
  reader = debrief_log_reader_new (G_INPUT_STREAM (stream), &context_2026, clock_offset);
  /* Blocks smaller than the file, so lines straddle them. */
  debrief_log_reader_set_block_size (reader, 100000);

  while (debrief_log_reader_next (reader, &line, NULL, &error))
    {
      DebriefLogStamp stamp;

      g_assert_cmpuint (line.line, ==, n);
      g_assert_cmpuint (line.offset, ==, expect_offset);
      g_assert_true (memcmp (line.text, contents + line.offset, line.length) == 0);
      g_assert_cmpint (contents[line.offset + line.length], ==, '\n');
      g_assert_true (line.has_stamp);
      g_assert_cmpuint (line.record, ==, line.line);

      /* The reader's time is the line's own, moved by the offset. */
      g_assert_true (debrief_timestamp_parse_line (line.text, line.length, DEBRIEF_TS_NONE,
                                                   &context_2026, &stamp));
      g_assert_cmpint (line.usec, ==, stamp.usec + clock_offset);
      g_assert_cmpint (line.since_boot, ==, stamp.since_boot);
      g_assert_cmpint (line.level, ==, stamp.level);
      if (single_source)
        {
          g_assert_cmpint (line.since_boot, ==, since_boot);
          /* The generator draws the microseconds within a millisecond at random. */
          g_assert_cmpint (line.usec / 1000, >=, previous / 1000);
        }
      if (n == 0)
        first_own = stamp.usec;

      previous = line.usec;
      expect_offset = line.offset + line.length + 1;
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, n_newlines);
  g_assert_cmpuint (expect_offset, ==, length);
  g_assert_cmpuint (debrief_log_reader_get_n_stamped (reader), ==, n);
  g_assert_cmpint (debrief_log_reader_get_first_usec (reader), ==, first_own + clock_offset);
  g_assert_cmpint (debrief_log_reader_get_last_usec (reader), ==, previous);
  if (single_source)
    g_assert_cmpint (debrief_log_reader_get_format (reader), ==, format);
  else
    g_assert_cmpint (debrief_log_reader_get_format (reader), !=, DEBRIEF_TS_NONE);

  g_unlink (path);
}

static void
test_generated_logs (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "bench",
                                                   "gen-firmware-logs.py", NULL);
  gint64 boot = debrief_test_utc (2026, 3, 14, 1, 0, 0, 0);

  if (python == NULL || !g_file_test (script, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("python3 or the log generator is missing");
      return;
    }

  dir = g_dir_make_tmp ("debrief-log-reader-XXXXXX", &error);
  g_assert_no_error (error);

  check_generated (dir, "zephyr", DEBRIEF_TS_ZEPHYR, TRUE, boot);
  check_generated (dir, "dmesg", DEBRIEF_TS_DMESG, TRUE, boot);
  check_generated (dir, "dmesg", DEBRIEF_TS_DMESG, TRUE, 0);
  check_generated (dir, "gateway", DEBRIEF_TS_ISO8601, FALSE, 0);
  check_generated (dir, "gateway", DEBRIEF_TS_ISO8601, FALSE, -90 * G_USEC_PER_SEC);
  check_generated (dir, "mixed", DEBRIEF_TS_NONE, FALSE, 0);

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debrief/log-reader/line-endings", test_line_endings);
  g_test_add_func ("/debrief/log-reader/empty-stream", test_empty_stream);
  g_test_add_func ("/debrief/log-reader/nul-and-invalid-utf8", test_nul_and_invalid_utf8);
  g_test_add_func ("/debrief/log-reader/continuation-lines", test_continuation_lines);
  g_test_add_func ("/debrief/log-reader/small-blocks", test_small_blocks);
  g_test_add_func ("/debrief/log-reader/huge-line", test_huge_line);
  g_test_add_func ("/debrief/log-reader/line-over-cap", test_line_over_cap);
  g_test_add_func ("/debrief/log-reader/generated-logs", test_generated_logs);
  g_test_add_func ("/debrief/log-reader/new-year", test_new_year);
  g_test_add_func ("/debrief/log-reader/year-assumed", test_year_assumed);
  g_test_add_func ("/debrief/log-reader/stamp-after-words", test_stamp_after_words);
  g_test_add_func ("/debrief/log-reader/continuation-not-searched", test_continuation_not_searched);
  g_test_add_func ("/debrief/log-reader/time-of-day", test_time_of_day);
  g_test_add_func ("/debrief/log-reader/time-of-day-today", test_time_of_day_today);
  g_test_add_func ("/debrief/log-reader/day-first-file", test_day_first_file);

  return g_test_run ();
}
