/* test-timestamp.c
 *
 * Timestamps and levels at the start of log lines, in every family the log
 * importer reads, and lines that have none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "import/debrief-timestamp.h"

static const DebriefTimestampContext context_2026 = { 2026, NULL };

static gint64
utc (int    year,
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

/* Parses from a copy that ends exactly at its last byte, so that a read
 * past the end is caught by AddressSanitizer.
 */
static gboolean
parse_exact (const char                    *text,
             gsize                          length,
             DebriefTimestampFormat         hint,
             const DebriefTimestampContext *context,
             DebriefLogStamp               *out)
{
  g_autofree char *copy = length > 0 ? g_memdup2 (text, length) : g_malloc (1);

  return debrief_timestamp_parse_line (copy, length, hint, context, out);
}

typedef struct
{
  const char             *line;
  DebriefTimestampFormat  format;
  gint64                  usec;
  gboolean                since_boot;
  DebriefLogLevel         level;
  guint                   stamp_offset;
  const char             *text;  /* what the line reads from text_offset on */
} Example;

static void
check_example (const Example                 *ex,
               const DebriefTimestampContext *context)
{
  DebriefLogStamp stamp;
  gsize length = strlen (ex->line);

  g_test_message ("%s", ex->line);

  /* Once with no hint, once with the right one, once with a wrong one. */
  for (guint i = 0; i < 3; i++)
    {
      DebriefTimestampFormat hint = i == 0 ? DEBRIEF_TS_NONE
                                  : i == 1 ? ex->format
                                  : (ex->format == DEBRIEF_TS_ESPIDF ? DEBRIEF_TS_ZEPHYR : DEBRIEF_TS_ESPIDF);

      memset (&stamp, 0xaa, sizeof stamp);
      g_assert_true (parse_exact (ex->line, length, hint, context, &stamp));
      g_assert_cmpint (stamp.format, ==, ex->format);
      g_assert_cmpint (stamp.usec, ==, ex->usec);
      g_assert_cmpint (stamp.since_boot, ==, ex->since_boot);
      g_assert_cmpint (stamp.level, ==, ex->level);
      g_assert_cmpuint (stamp.stamp_offset, ==, ex->stamp_offset);
      g_assert_cmpuint (stamp.text_offset, <=, length);
      g_assert_cmpstr (ex->line + stamp.text_offset, ==, ex->text);
    }

  /* Every truncation of the line is parsed within its bounds. */
  for (gsize cut = 0; cut < length; cut++)
    parse_exact (ex->line, cut, DEBRIEF_TS_NONE, context, &stamp);
}

static void
test_families (void)
{
  const Example examples[] = {
    { "2026-03-14T02:11:07.123Z gw-07 fwupd[412]: ota: downloaded 5/9 bytes",
      DEBRIEF_TS_ISO8601, utc (2026, 3, 14, 2, 11, 7, 123000), FALSE, DEBRIEF_LOG_LEVEL_NONE, 0,
      "gw-07 fwupd[412]: ota: downloaded 5/9 bytes" },
    { "<165>1 2026-03-14T02:11:07.003Z gw app - - ID47 started",
      DEBRIEF_TS_ISO8601, utc (2026, 3, 14, 2, 11, 7, 3000), FALSE, DEBRIEF_LOG_LEVEL_NOTICE, 7,
      "gw app - - ID47 started" },
    { "[2026-03-14 02:11:07.123] [info] sensor online",
      DEBRIEF_TS_ISO8601, utc (2026, 3, 14, 2, 11, 7, 123000), FALSE, DEBRIEF_LOG_LEVEL_INFO, 0,
      "sensor online" },
    { "[2026-03-14T02:11:07Z ERROR ota] image rejected",
      DEBRIEF_TS_ISO8601, utc (2026, 3, 14, 2, 11, 7, 0), FALSE, DEBRIEF_LOG_LEVEL_ERROR, 0,
      "ota] image rejected" },
    { "Jun 14 15:16:01 gw01 kernel: usb 1-1: new high-speed USB device",
      DEBRIEF_TS_SYSLOG, utc (2026, 6, 14, 15, 16, 1, 0), FALSE, DEBRIEF_LOG_LEVEL_NONE, 0,
      "gw01 kernel: usb 1-1: new high-speed USB device" },
    { "Jun  4 15:16:01 gw01 pumpd[77]: ERROR pressure sensor offline",
      DEBRIEF_TS_SYSLOG, utc (2026, 6, 4, 15, 16, 1, 0), FALSE, DEBRIEF_LOG_LEVEL_ERROR, 0,
      "gw01 pumpd[77]: ERROR pressure sensor offline" },
    { "<11>Jun 14 15:16:01 gw01 pumpd[77]: pressure sensor offline",
      DEBRIEF_TS_SYSLOG, utc (2026, 6, 14, 15, 16, 1, 0), FALSE, DEBRIEF_LOG_LEVEL_ERROR, 4,
      "gw01 pumpd[77]: pressure sensor offline" },
    { "[   12.345678] usb 1-1: new high-speed USB device number 2",
      DEBRIEF_TS_DMESG, 12345678, TRUE, DEBRIEF_LOG_LEVEL_NONE, 0,
      "usb 1-1: new high-speed USB device number 2" },
    { "<3>[86400.000001] watchdog: BUG: soft lockup - CPU#0 stuck for 22s!",
      DEBRIEF_TS_DMESG, G_GINT64_CONSTANT (86400000001), TRUE, DEBRIEF_LOG_LEVEL_ERROR, 3,
      "watchdog: BUG: soft lockup - CPU#0 stuck for 22s!" },
    { "[00:01:12.345,678] <err> wdt: watchdog timeout: task net starved for 812 ms",
      DEBRIEF_TS_ZEPHYR, 72345678, TRUE, DEBRIEF_LOG_LEVEL_ERROR, 0,
      "wdt: watchdog timeout: task net starved for 812 ms" },
    { "[27:00:00.001,000] <dbg> isr: ISR latency 12 us on IRQ 3",
      DEBRIEF_TS_ZEPHYR, G_GINT64_CONSTANT (97200001000), TRUE, DEBRIEF_LOG_LEVEL_DEBUG, 0,
      "isr: ISR latency 12 us on IRQ 3" },
    { "W (12345) wifi: disconnected, reason 201",
      DEBRIEF_TS_ESPIDF, 12345000, TRUE, DEBRIEF_LOG_LEVEL_WARNING, 0,
      "wifi: disconnected, reason 201" },
    { "\033[0;31mE (345) boot: no bootable app partition\033[0m",
      DEBRIEF_TS_ESPIDF, 345000, TRUE, DEBRIEF_LOG_LEVEL_ERROR, 7,
      "boot: no bootable app partition\033[0m" },
    { "1773454267.250 sensor temp=21.5",
      DEBRIEF_TS_EPOCH_S, utc (2026, 3, 14, 2, 11, 7, 250000), FALSE, DEBRIEF_LOG_LEVEL_NONE, 0,
      "sensor temp=21.5" },
    { "1773454267123,WARN,battery low",
      DEBRIEF_TS_EPOCH_MS, utc (2026, 3, 14, 2, 11, 7, 123000), FALSE, DEBRIEF_LOG_LEVEL_NONE, 0,
      ",WARN,battery low" },
    { "192.168.1.20 - - [14/Mar/2026:03:11:07 +0100] \"GET /fw/v2.bin HTTP/1.1\" 200 51234",
      DEBRIEF_TS_APACHE, utc (2026, 3, 14, 2, 11, 7, 0), FALSE, DEBRIEF_LOG_LEVEL_NONE, 17,
      "192.168.1.20 - - [14/Mar/2026:03:11:07 +0100] \"GET /fw/v2.bin HTTP/1.1\" 200 51234" },
    { "Sat Mar 14 02:11:07 2026 watchdog reset",
      DEBRIEF_TS_CTIME, utc (2026, 3, 14, 2, 11, 7, 0), FALSE, DEBRIEF_LOG_LEVEL_NONE, 0,
      "watchdog reset" },
    { "[Sat Mar 14 02:11:07.123456 2026] [core:error] [pid 42] AH00037: Symbolic link not allowed",
      DEBRIEF_TS_CTIME, utc (2026, 3, 14, 2, 11, 7, 123456), FALSE, DEBRIEF_LOG_LEVEL_ERROR, 0,
      "[pid 42] AH00037: Symbolic link not allowed" },
    { "03-14 02:11:07.123  1234  1290 E ActivityManager: ANR in com.example.pump",
      DEBRIEF_TS_LOGCAT, utc (2026, 3, 14, 2, 11, 7, 123000), FALSE, DEBRIEF_LOG_LEVEL_ERROR, 0,
      "ActivityManager: ANR in com.example.pump" },
    { "2026-03-14 02:11:07,123 [main] WARN  com.example.Ota - slow flash write",
      DEBRIEF_TS_LOG4J, utc (2026, 3, 14, 2, 11, 7, 123000), FALSE, DEBRIEF_LOG_LEVEL_WARNING, 0,
      "[main] WARN  com.example.Ota - slow flash write" },
    { "2026-03-14 02:11:07,001 FATAL Boot - no firmware image",
      DEBRIEF_TS_LOG4J, utc (2026, 3, 14, 2, 11, 7, 1000), FALSE, DEBRIEF_LOG_LEVEL_FATAL, 0,
      "Boot - no firmware image" },
    { "260314 021107 mysqld started",
      DEBRIEF_TS_COMPACT, utc (2026, 3, 14, 2, 11, 7, 0), FALSE, DEBRIEF_LOG_LEVEL_NONE, 0,
      "mysqld started" },
    { "260314  2:11:07 [Note] InnoDB: Starting shutdown",
      DEBRIEF_TS_COMPACT, utc (2026, 3, 14, 2, 11, 7, 0), FALSE, DEBRIEF_LOG_LEVEL_NOTICE, 0,
      "InnoDB: Starting shutdown" },
    { "20260314-02:11:07:123 INFO flash erase done",
      DEBRIEF_TS_COMPACT_MS, utc (2026, 3, 14, 2, 11, 7, 123000), FALSE, DEBRIEF_LOG_LEVEL_INFO, 0,
      "flash erase done" },
    { "26/03/14 02:11:07 ERROR pump 2 stalled",
      DEBRIEF_TS_SLASH_DATE, utc (2026, 3, 14, 2, 11, 7, 0), FALSE, DEBRIEF_LOG_LEVEL_ERROR, 0,
      "pump 2 stalled" },
    { "2026/03/14 02:11:07.5 CRIT brown-out",
      DEBRIEF_TS_SLASH_DATE, utc (2026, 3, 14, 2, 11, 7, 500000), FALSE, DEBRIEF_LOG_LEVEL_CRITICAL, 0,
      "brown-out" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    check_example (&examples[i], &context_2026);
}

/* Level words count right after the stamp, not deep in the message, and
 * lower case only in brackets.
 */
static void
test_level_words (void)
{
  struct { const char *line; DebriefLogLevel level; } cases[] = {
    { "2026-03-14T02:11:07Z error: lowercase words in a message are not levels", DEBRIEF_LOG_LEVEL_NONE },
    { "2026-03-14T02:11:07Z [warn] bracketed words are", DEBRIEF_LOG_LEVEL_WARNING },
    { "2026-03-14T02:11:07Z <wrn> ota: zephyr style", DEBRIEF_LOG_LEVEL_WARNING },
    { "2026-03-14T02:11:07Z <inf> ota: zephyr style", DEBRIEF_LOG_LEVEL_INFO },
    { "2026-03-14T02:11:07Z host app: TRACE entering", DEBRIEF_LOG_LEVEL_TRACE },
    { "2026-03-14T02:11:07Z DEBUG x", DEBRIEF_LOG_LEVEL_DEBUG },
    { "2026-03-14T02:11:07Z CRITICAL x", DEBRIEF_LOG_LEVEL_CRITICAL },
    { "2026-03-14T02:11:07Z NOTICE x", DEBRIEF_LOG_LEVEL_NOTICE },
    { "2026-03-14T02:11:07Z WARNING: x", DEBRIEF_LOG_LEVEL_WARNING },
    { "2026-03-14T02:11:07Z a b c d e ERROR too far to be a level", DEBRIEF_LOG_LEVEL_NONE },
    { "<7>2026-03-14T02:11:07Z kernel debug", DEBRIEF_LOG_LEVEL_DEBUG },
    { "<0>2026-03-14T02:11:07Z kernel panic", DEBRIEF_LOG_LEVEL_FATAL },
    { "I (1) boot: ESP-IDF v5.1", DEBRIEF_LOG_LEVEL_INFO },
    { "D (1) boot: x", DEBRIEF_LOG_LEVEL_DEBUG },
    { "V (1) boot: x", DEBRIEF_LOG_LEVEL_TRACE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DebriefLogStamp stamp;

      g_test_message ("%s", cases[i].line);
      g_assert_true (parse_exact (cases[i].line, strlen (cases[i].line), DEBRIEF_TS_NONE,
                                  &context_2026, &stamp));
      g_assert_cmpint (stamp.level, ==, cases[i].level);
    }
}

static void
test_iso_zones_and_fractions (void)
{
  struct { const char *line; gint64 usec; } cases[] = {
    { "2026-03-14T02:11:07Z x", 0 },
    { "2026-03-14T04:11:07+02:00 x", 0 },
    { "2026-03-14T04:11:07+0200 x", 0 },
    { "2026-03-14T04:11:07+02 x", 0 },
    { "2026-03-13T21:11:07-0500 x", 0 },
    { "2026-03-13T21:11:07-05:00", 0 },
    { "2026-03-14T02:11:07.1Z", 100000 },
    { "2026-03-14T02:11:07.12Z", 120000 },
    { "2026-03-14T02:11:07.123Z", 123000 },
    { "2026-03-14T02:11:07.1234Z", 123400 },
    { "2026-03-14T02:11:07.12345Z", 123450 },
    { "2026-03-14T02:11:07.123456Z", 123456 },
    { "2026-03-14T02:11:07.1234567Z", 123456 },
    { "2026-03-14T02:11:07.12345678Z", 123456 },
    { "2026-03-14T02:11:07.123456789+00:00", 123456 },
    { "2026-03-14T02:11:07,5Z", 500000 },
    { "2026-03-14T02:11:07", 0 },
  };
  const char *bad[] = {
    "2026-03-14T02:11:07.1234567890Z",
    "2026-03-14T02:11:07.Z",
    "2026-03-14T02:11:07+24:00",
    "2026-03-14T02:11:07+02:60",
    "2026-03-14T02:11:07+02:",
    "2026-03-14T02:11:07X",
    "2026-03-14T02:11:070",
    "2026-03-14T02:11",
    "2026-03-14",
    "2026-03-14X02:11:07Z",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DebriefLogStamp stamp;

      g_test_message ("%s", cases[i].line);
      g_assert_true (parse_exact (cases[i].line, strlen (cases[i].line), DEBRIEF_TS_ISO8601,
                                  &context_2026, &stamp));
      g_assert_cmpint (stamp.format, ==, DEBRIEF_TS_ISO8601);
      g_assert_cmpint (stamp.usec, ==, utc (2026, 3, 14, 2, 11, 7, cases[i].usec));
      g_assert_false (stamp.since_boot);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      DebriefLogStamp stamp;

      g_test_message ("%s", bad[i]);
      g_assert_false (parse_exact (bad[i], strlen (bad[i]), DEBRIEF_TS_NONE, &context_2026, &stamp));
    }
}

static void
test_out_of_range (void)
{
  const char *bad[] = {
    "2026-13-14T02:11:07Z month 13",
    "2026-00-14T02:11:07Z month 0",
    "2026-03-14T25:11:07Z hour 25",
    "2026-03-14T24:00:00Z hour 24",
    "2026-03-14T02:60:07Z minute 60",
    "2026-03-14T02:11:61Z second 61",
    "2026-02-30T02:11:07Z February 30",
    "2026-02-29T02:11:07Z February 29 in a common year",
    "2026-04-31 02:11:07,123 April 31",
    "2026-03-00T02:11:07Z day 0",
    "Feb 30 10:00:00 host x",
    "Jun 14 25:16:01 host x",
    "Jun 32 15:16:01 host x",
    "Jux 14 15:16:01 host x",
    "13-14 02:11:07.123  1  2 E x",
    "260230 021107 x",
    "261314 021107 x",
    "20261314-02:11:07:123 x",
    "26/02/30 02:11:07 x",
    "[00:61:12.345,678] <err> x",
    "[14/Mar/2026:25:11:07 +0100] x",
    "Sat Feb 30 02:11:07 2026 x",
    "9999999999 after 2100",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      DebriefLogStamp stamp;

      g_test_message ("%s", bad[i]);
      g_assert_false (parse_exact (bad[i], strlen (bad[i]), DEBRIEF_TS_NONE, &context_2026, &stamp));
    }
}

static void
test_syslog_year_from_context (void)
{
  const char *line = "Feb 29 12:00:00 gw01 ntpd[9]: leap day";
  const DebriefTimestampContext leap = { 2024, NULL };
  const DebriefTimestampContext common = { 2025, NULL };
  const DebriefTimestampContext century = { 2051, NULL };
  DebriefLogStamp stamp;

  g_assert_true (parse_exact (line, strlen (line), DEBRIEF_TS_SYSLOG, &leap, &stamp));
  g_assert_cmpint (stamp.usec, ==, utc (2024, 2, 29, 12, 0, 0, 0));

  /* There is no 29 February in 2025. */
  g_assert_false (parse_exact (line, strlen (line), DEBRIEF_TS_SYSLOG, &common, &stamp));

  line = "Mar 14 02:11:07 gw01 x";
  g_assert_true (parse_exact (line, strlen (line), DEBRIEF_TS_SYSLOG, &common, &stamp));
  g_assert_cmpint (stamp.usec, ==, utc (2025, 3, 14, 2, 11, 7, 0));

  line = "03-14 02:11:07.000  1  2 I x";
  g_assert_true (parse_exact (line, strlen (line), DEBRIEF_TS_LOGCAT, &common, &stamp));
  g_assert_cmpint (stamp.usec, ==, utc (2025, 3, 14, 2, 11, 7, 0));

  /* Two-digit years land in the century around the incident. */
  line = "99/12/31 23:59:59 x";
  g_assert_true (parse_exact (line, strlen (line), DEBRIEF_TS_NONE, &context_2026, &stamp));
  g_assert_cmpint (stamp.usec, ==, utc (1999, 12, 31, 23, 59, 59, 0));
  g_assert_true (parse_exact (line, strlen (line), DEBRIEF_TS_NONE, &century, &stamp));
  g_assert_cmpint (stamp.usec, ==, utc (2099, 12, 31, 23, 59, 59, 0));

  /* Without a reference year the current one is used. */
  line = "Mar 14 02:11:07 gw01 x";
  g_assert_true (parse_exact (line, strlen (line), DEBRIEF_TS_SYSLOG, NULL, &stamp));
}

static void
test_time_zone_from_context (void)
{
  g_autoptr(GTimeZone) plus_one = g_time_zone_new_identifier ("+01:00");
  g_autoptr(GTimeZone) minus_five = g_time_zone_new_identifier ("-05:00");
  DebriefTimestampContext context = { 2026, plus_one };
  const char *zoneless[] = {
    "2026-03-14T03:11:07 x",
    "2026-03-14 03:11:07,000 x",
    "Mar 14 03:11:07 host x",
    "03-14 03:11:07.000  1  2 I x",
    "Sat Mar 14 03:11:07 2026 x",
    "260314 031107 x",
    "20260314-03:11:07:000 x",
    "26/03/14 03:11:07 x",
  };
  const char *zoned[] = {
    "2026-03-14T02:11:07Z x",
    "1773454267 x",
    "[14/Mar/2026:02:11:07 +0000] x",
  };
  DebriefLogStamp stamp;
  const char *boot = "[   12.000000] x";

  g_assert_nonnull (plus_one);
  g_assert_nonnull (minus_five);

  for (guint i = 0; i < G_N_ELEMENTS (zoneless); i++)
    {
      g_test_message ("%s", zoneless[i]);
      g_assert_true (parse_exact (zoneless[i], strlen (zoneless[i]), DEBRIEF_TS_NONE, &context, &stamp));
      g_assert_cmpint (stamp.usec, ==, utc (2026, 3, 14, 2, 11, 7, 0));
    }

  /* A zone written in the line, or Unix time, wins over the context. */
  context.time_zone = minus_five;
  for (guint i = 0; i < G_N_ELEMENTS (zoned); i++)
    {
      g_test_message ("%s", zoned[i]);
      g_assert_true (parse_exact (zoned[i], strlen (zoned[i]), DEBRIEF_TS_NONE, &context, &stamp));
      g_assert_cmpint (stamp.usec, ==, utc (2026, 3, 14, 2, 11, 7, 0));
    }

  /* Time since boot has no zone at all. */
  g_assert_true (parse_exact (boot, strlen (boot), DEBRIEF_TS_NONE, &context, &stamp));
  g_assert_cmpint (stamp.usec, ==, 12 * G_USEC_PER_SEC);
  g_assert_true (stamp.since_boot);
}

static void
test_no_timestamp (void)
{
  const char *lines[] = {
    "",
    " ",
    "\tat com.example.pump.Controller.run(Controller.java:42)",
    "    at java.base/java.lang.Thread.run(Thread.java:833)",
    "Traceback (most recent call last):",
    "  File \"ota.py\", line 12, in <module>",
    "#0  0x0800f1a2 in HardFault_Handler () at startup.s:112",
    "00000000  de ad be ef 00 01 02 03  04 05 06 07 08 09 0a 0b  |................|",
    "00000010: 4865 6c6c 6f20 776f 726c 640a            Hello world.",
    "0000000 042510 000000 177777",
    "000100 de ad be ef",
    "0x20001000: 0xdeadbeef 0x00000000",
    "Caused by: java.io.IOException: flash write failed",
    "E(123) no space",
    "E (abc) tag: x",
    "[    .123] x",
    "[12.] x",
    "[00:00:12] x",
    "<999>Jun 14 15:16:01 x",
    "<3> no stamp after the kernel level",
    "\033[0;31m",
    "12345 is a number",
    "123456789012 twelve digits",
    "12345678901234 fourteen digits",
    "Jun",
    "Mon Jun",
  };
  const char nul_bytes[] = "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";
  const char nul_in_stamp[] = "2026-03-14\0002:11:07Z x";
  const char garbage[] = "\xff\xfe\xfd\x80\x81\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x90\x28\xbc";
  DebriefLogStamp stamp;

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_test_message ("%s", lines[i]);
      g_assert_false (parse_exact (lines[i], strlen (lines[i]), DEBRIEF_TS_NONE, &context_2026, &stamp));
      g_assert_false (parse_exact (lines[i], strlen (lines[i]), DEBRIEF_TS_ISO8601, &context_2026, &stamp));
    }

  g_assert_false (parse_exact (nul_bytes, sizeof nul_bytes - 1, DEBRIEF_TS_NONE, &context_2026, &stamp));
  g_assert_false (parse_exact (nul_in_stamp, sizeof nul_in_stamp - 1, DEBRIEF_TS_NONE, &context_2026, &stamp));
  g_assert_false (parse_exact (garbage, sizeof garbage - 1, DEBRIEF_TS_NONE, &context_2026, &stamp));

  /* A NULL line of length 0 is an empty line. */
  g_assert_false (debrief_timestamp_parse_line (NULL, 0, DEBRIEF_TS_NONE, NULL, &stamp));
}

static void
test_binary_garbage (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260314);
  const char *seeds[] = {
    "2026-03-14T02:11:07.123456789+02:00 x",
    "[00:00:12.345,678] <err> x",
    "<13>Mar 14 02:11:07 x",
    "[Sat Mar 14 02:11:07 2026] [error] x",
  };

  /* Random bytes, and real stamps with random bytes written over them. */
  for (guint i = 0; i < 20000; i++)
    {
      guchar buf[48];
      gsize length = g_rand_int_range (rand, 0, sizeof buf + 1);
      DebriefLogStamp stamp;

      if (i % 2 == 0)
        {
          for (gsize j = 0; j < length; j++)
            buf[j] = (guchar) g_rand_int (rand);
        }
      else
        {
          const char *seed = seeds[i % G_N_ELEMENTS (seeds)];

          length = MIN (length, strlen (seed));
          memcpy (buf, seed, length);
          buf[g_rand_int_range (rand, 0, length + 1) % MAX (length, 1)] = (guchar) g_rand_int (rand);
        }

      if (parse_exact ((const char *) buf, length, DEBRIEF_TS_NONE, &context_2026, &stamp))
        {
          g_assert_cmpuint (stamp.text_offset, <=, length);
          g_assert_cmpuint (stamp.stamp_offset, <=, length);
          g_assert_cmpint (stamp.format, >, DEBRIEF_TS_NONE);
          g_assert_cmpint (stamp.format, <, DEBRIEF_TS_N_FORMATS);
        }
    }
}

static void
test_huge_line (void)
{
  gsize length = 10 * 1024 * 1024;
  g_autofree char *line = g_malloc (length);
  const char *stamped = "[00:00:01.000,000] <wrn> x: ";
  DebriefLogStamp stamp;
  gint64 start;

  memset (line, 'A', length);
  start = g_get_monotonic_time ();
  g_assert_false (debrief_timestamp_parse_line (line, length, DEBRIEF_TS_NONE, &context_2026, &stamp));

  memset (line, '7', length);
  g_assert_false (debrief_timestamp_parse_line (line, length, DEBRIEF_TS_EPOCH_S, &context_2026, &stamp));

  memset (line, '[', length);
  g_assert_false (debrief_timestamp_parse_line (line, length, DEBRIEF_TS_NONE, &context_2026, &stamp));

  memset (line, ' ', length);
  line[0] = '[';
  g_assert_false (debrief_timestamp_parse_line (line, length, DEBRIEF_TS_DMESG, &context_2026, &stamp));

  /* Only the start of the line is looked at, so a stamp before 10 MB of
   * text is found at once.
   */
  memcpy (line, stamped, strlen (stamped));
  g_assert_true (debrief_timestamp_parse_line (line, length, DEBRIEF_TS_NONE, &context_2026, &stamp));
  g_assert_cmpint (stamp.format, ==, DEBRIEF_TS_ZEPHYR);
  g_assert_cmpint (stamp.level, ==, DEBRIEF_LOG_LEVEL_WARNING);
  g_assert_cmpuint (stamp.text_offset, ==, 25);

  /* Reading 10 MB once would take milliseconds; ten lines take far less. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

static DebriefTimestampFormat
detect (const char * const *lines)
{
  return debrief_timestamp_detect (lines, NULL, g_strv_length ((char **) lines), &context_2026);
}

static void
test_detect (void)
{
  const char *zephyr[] = {
    "*** Booting Zephyr OS build v3.5.0 ***",
    "[00:00:00.001,000] <inf> boot: starting",
    "[00:00:00.002,500] <wrn> flash: slow erase",
    "[00:00:00.010,000] <err> os: ***** HARD FAULT *****",
    "    r0/a1:  0x00000000  r1/a2:  0x20001000",
    NULL
  };
  const char *espidf[] = {
    "ets Jun  8 2016 00:22:57",
    "I (29) boot: ESP-IDF v5.1 2nd stage bootloader",
    "I (29) boot: compile time 12:00:00",
    "E (1234) wifi: auth failed",
    NULL
  };
  const char *dmesg[] = {
    "[    0.000000] Linux version 6.1.0",
    "[    0.000000] Command line: BOOT_IMAGE=/vmlinuz",
    "[   12.345678] watchdog: watchdog0: timeout 60 sec",
    NULL
  };
  const char *gateway[] = {
    "2026-03-14T02:11:07.001Z gw-01 fwupd[100]: ota: start",
    "2026-03-14T02:11:07.002Z gw-01 fwupd[100]: ota: downloading",
    "\tpayload: 00 01 02 03",
    NULL
  };
  const char *syslog[] = {
    "Mar 14 02:11:07 gw01 systemd[1]: Started fwupd.",
    "Mar 14 02:11:08 gw01 kernel: usb 1-1: reset",
    NULL
  };
  const char *log4j[] = {
    "2026-03-14 02:11:07,123 INFO  Boot - starting",
    "java.lang.IllegalStateException: flash busy",
    "\tat com.example.Flash.write(Flash.java:10)",
    "2026-03-14 02:11:07,456 ERROR Boot - failed",
    NULL
  };
  const char *logcat[] = {
    "--------- beginning of main",
    "03-14 02:11:07.123  1234  1290 I ActivityManager: Start proc",
    "03-14 02:11:07.124  1234  1290 W ActivityManager: Slow operation",
    NULL
  };
  const char *mixed[] = {
    "[00:00:00.001,000] <inf> boot: starting",
    "I (29) boot: ESP-IDF v5.1",
    "E (1234) wifi: auth failed",
    "W (1240) wifi: retry",
    "[    0.000000] Linux version 6.1.0",
    "2026-03-14T02:11:07.001Z gw-01 fwupd[100]: ota: start",
    NULL
  };
  const char *nothing[] = {
    "Traceback (most recent call last):",
    "00000000  de ad be ef",
    "",
    NULL
  };
  const char *with_nul[] = { "2026-03-14T02:11:07Z\0x", "\0[   1.000000]" };
  const gsize with_nul_lengths[] = { 22, 14 };
  const char *line;
  DebriefLogStamp stamp;

  g_assert_cmpint (detect (zephyr), ==, DEBRIEF_TS_ZEPHYR);
  g_assert_cmpint (detect (espidf), ==, DEBRIEF_TS_ESPIDF);
  g_assert_cmpint (detect (dmesg), ==, DEBRIEF_TS_DMESG);
  g_assert_cmpint (detect (gateway), ==, DEBRIEF_TS_ISO8601);
  g_assert_cmpint (detect (syslog), ==, DEBRIEF_TS_SYSLOG);
  g_assert_cmpint (detect (log4j), ==, DEBRIEF_TS_LOG4J);
  g_assert_cmpint (detect (logcat), ==, DEBRIEF_TS_LOGCAT);
  g_assert_cmpint (detect (mixed), ==, DEBRIEF_TS_ESPIDF);
  g_assert_cmpint (detect (nothing), ==, DEBRIEF_TS_NONE);
  g_assert_cmpint (debrief_timestamp_detect (NULL, NULL, 0, NULL), ==, DEBRIEF_TS_NONE);
  g_assert_cmpint (debrief_timestamp_detect (with_nul, with_nul_lengths, 2, NULL), ==, DEBRIEF_TS_ISO8601);

  /* The file's format is only a hint: a line in another one still parses. */
  line = mixed[0];
  g_assert_true (parse_exact (line, strlen (line), DEBRIEF_TS_ESPIDF, &context_2026, &stamp));
  g_assert_cmpint (stamp.format, ==, DEBRIEF_TS_ZEPHYR);
  line = mixed[5];
  g_assert_true (parse_exact (line, strlen (line), DEBRIEF_TS_ESPIDF, &context_2026, &stamp));
  g_assert_cmpint (stamp.format, ==, DEBRIEF_TS_ISO8601);
}

static void
test_names (void)
{
  for (guint f = DEBRIEF_TS_NONE; f < DEBRIEF_TS_N_FORMATS; f++)
    {
      const char *name = debrief_timestamp_format_get_name (f);

      g_assert_nonnull (name);
      g_assert_cmpstr (name, !=, "");
      /* The user is told when a clock needs an offset. */
      g_assert_true (debrief_timestamp_format_is_since_boot (f) == (strstr (name, "since boot") != NULL));
    }

  for (guint l = DEBRIEF_LOG_LEVEL_NONE; l <= DEBRIEF_LOG_LEVEL_FATAL; l++)
    g_assert_nonnull (debrief_log_level_get_name (l));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debrief/timestamp/families", test_families);
  g_test_add_func ("/debrief/timestamp/level-words", test_level_words);
  g_test_add_func ("/debrief/timestamp/iso-zones-and-fractions", test_iso_zones_and_fractions);
  g_test_add_func ("/debrief/timestamp/out-of-range", test_out_of_range);
  g_test_add_func ("/debrief/timestamp/syslog-year-from-context", test_syslog_year_from_context);
  g_test_add_func ("/debrief/timestamp/time-zone-from-context", test_time_zone_from_context);
  g_test_add_func ("/debrief/timestamp/no-timestamp", test_no_timestamp);
  g_test_add_func ("/debrief/timestamp/binary-garbage", test_binary_garbage);
  g_test_add_func ("/debrief/timestamp/huge-line", test_huge_line);
  g_test_add_func ("/debrief/timestamp/detect", test_detect);
  g_test_add_func ("/debrief/timestamp/names", test_names);

  return g_test_run ();
}
