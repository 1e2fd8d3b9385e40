/* test-timestamp.c
 *
 * Timestamps and levels at the start of log lines, in every family the log
 * importer reads, and lines that have none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "debrief-test-util.h"
#include "debrief-timestamp.h"

static const DebriefTimestampContext context_2026 = { 2026, NULL };
static const DebriefTimestampContext context_pi_day = { 2026, NULL, 3, 14 };

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
  DebriefTimestampMissing missing;
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
      g_assert_cmpint (stamp.missing, ==, ex->missing);
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
      DEBRIEF_TS_ISO8601, debrief_test_utc (2026, 3, 14, 2, 11, 7, 123000), FALSE, DEBRIEF_LOG_LEVEL_NONE, 0,
      "gw-07 fwupd[412]: ota: downloaded 5/9 bytes" },
    { "<165>1 2026-03-14T02:11:07.003Z gw app - - ID47 started",
      DEBRIEF_TS_ISO8601, debrief_test_utc (2026, 3, 14, 2, 11, 7, 3000), FALSE, DEBRIEF_LOG_LEVEL_NOTICE, 7,
      "gw app - - ID47 started" },
    { "[2026-03-14 02:11:07.123] [info] sensor online",
      DEBRIEF_TS_ISO8601, debrief_test_utc (2026, 3, 14, 2, 11, 7, 123000), FALSE, DEBRIEF_LOG_LEVEL_INFO, 0,
      "sensor online" },
    { "[2026-03-14T02:11:07Z ERROR ota] image rejected",
      DEBRIEF_TS_ISO8601, debrief_test_utc (2026, 3, 14, 2, 11, 7, 0), FALSE, DEBRIEF_LOG_LEVEL_ERROR, 0,
      "ota] image rejected" },
    { "Jun 14 15:16:01 gw01 kernel: usb 1-1: new high-speed USB device",
      DEBRIEF_TS_SYSLOG, debrief_test_utc (2026, 6, 14, 15, 16, 1, 0), FALSE, DEBRIEF_LOG_LEVEL_NONE, 0,
      "gw01 kernel: usb 1-1: new high-speed USB device", DEBRIEF_TS_MISSING_YEAR },
    { "Jun  4 15:16:01 gw01 pumpd[77]: ERROR pressure sensor offline",
      DEBRIEF_TS_SYSLOG, debrief_test_utc (2026, 6, 4, 15, 16, 1, 0), FALSE, DEBRIEF_LOG_LEVEL_ERROR, 0,
      "gw01 pumpd[77]: ERROR pressure sensor offline", DEBRIEF_TS_MISSING_YEAR },
    { "<11>Jun 14 15:16:01 gw01 pumpd[77]: pressure sensor offline",
      DEBRIEF_TS_SYSLOG, debrief_test_utc (2026, 6, 14, 15, 16, 1, 0), FALSE, DEBRIEF_LOG_LEVEL_ERROR, 4,
      "gw01 pumpd[77]: pressure sensor offline", DEBRIEF_TS_MISSING_YEAR },
    { "Jun 14 2025 15:16:01 gw01 pumpd[77]: pressure sensor offline",
      DEBRIEF_TS_SYSLOG, debrief_test_utc (2025, 6, 14, 15, 16, 1, 0), FALSE, DEBRIEF_LOG_LEVEL_NONE, 0,
      "gw01 pumpd[77]: pressure sensor offline" },
    { "Mar 14 2026 03:11:07.250 CET: %SYS-5-CONFIG_I: Configured from console",
      DEBRIEF_TS_SYSLOG, debrief_test_utc (2026, 3, 14, 2, 11, 7, 250000), FALSE, DEBRIEF_LOG_LEVEL_NONE, 0,
      "%SYS-5-CONFIG_I: Configured from console" },
    { "Mar 14 02:11:07 UTC gw01 fwupd[412]: WARN slow flash",
      DEBRIEF_TS_SYSLOG, debrief_test_utc (2026, 3, 14, 2, 11, 7, 0), FALSE, DEBRIEF_LOG_LEVEL_WARNING, 0,
      "gw01 fwupd[412]: WARN slow flash", DEBRIEF_TS_MISSING_YEAR },
    { "Mar 13 21:11:07 -0500 gw01 fwupd[412]: started",
      DEBRIEF_TS_SYSLOG, debrief_test_utc (2026, 3, 14, 2, 11, 7, 0), FALSE, DEBRIEF_LOG_LEVEL_NONE, 0,
      "gw01 fwupd[412]: started", DEBRIEF_TS_MISSING_YEAR },
    { "<34>1 2026-03-14T02:11:07.003Z gw-07 su - ID47 - 'su root' failed for lonvick on /dev/pts/8",
      DEBRIEF_TS_ISO8601, debrief_test_utc (2026, 3, 14, 2, 11, 7, 3000), FALSE, DEBRIEF_LOG_LEVEL_CRITICAL, 6,
      "gw-07 su - ID47 - 'su root' failed for lonvick on /dev/pts/8" },
    { "<86>Mar 14 02:11:07 gw01 sshd[812]: Accepted publickey for ops",
      DEBRIEF_TS_SYSLOG, debrief_test_utc (2026, 3, 14, 2, 11, 7, 0), FALSE, DEBRIEF_LOG_LEVEL_INFO, 4,
      "gw01 sshd[812]: Accepted publickey for ops", DEBRIEF_TS_MISSING_YEAR },
    { "20260314T021107Z ota: image verified",
      DEBRIEF_TS_ISO8601, debrief_test_utc (2026, 3, 14, 2, 11, 7, 0), FALSE, DEBRIEF_LOG_LEVEL_NONE, 0,
      "ota: image verified" },
    { "20260314T041107.123+0200 ERROR ota: image rejected",
      DEBRIEF_TS_ISO8601, debrief_test_utc (2026, 3, 14, 2, 11, 7, 123000), FALSE, DEBRIEF_LOG_LEVEL_ERROR, 0,
      "ota: image rejected" },
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
    { "[00:00:12.345] <wrn> flash: slow erase",
      DEBRIEF_TS_ZEPHYR, 12345000, TRUE, DEBRIEF_LOG_LEVEL_WARNING, 0,
      "flash: slow erase" },
    { "[00:00:12] <inf> boot: starting",
      DEBRIEF_TS_ZEPHYR, 12000000, TRUE, DEBRIEF_LOG_LEVEL_INFO, 0,
      "boot: starting" },
    { "W (12345) wifi: disconnected, reason 201",
      DEBRIEF_TS_ESPIDF, 12345000, TRUE, DEBRIEF_LOG_LEVEL_WARNING, 0,
      "wifi: disconnected, reason 201" },
    { "\033[0;31mE (345) boot: no bootable app partition\033[0m",
      DEBRIEF_TS_ESPIDF, 345000, TRUE, DEBRIEF_LOG_LEVEL_ERROR, 7,
      "boot: no bootable app partition\033[0m" },
    { "I (12:34:56.789) wifi: connected to ap SSID:plant-4",
      DEBRIEF_TS_ESPIDF_SYSTEM, debrief_test_utc (2026, 1, 1, 12, 34, 56, 789000), FALSE, DEBRIEF_LOG_LEVEL_INFO, 0,
      "wifi: connected to ap SSID:plant-4", DEBRIEF_TS_MISSING_DATE },
    { "\033[0;33mW (2026-03-14 02:11:07.500) ota: retrying\033[0m",
      DEBRIEF_TS_ESPIDF_SYSTEM, debrief_test_utc (2026, 3, 14, 2, 11, 7, 500000), FALSE, DEBRIEF_LOG_LEVEL_WARNING, 7,
      "ota: retrying\033[0m" },
    { "1773454267.250 sensor temp=21.5",
      DEBRIEF_TS_EPOCH_S, debrief_test_utc (2026, 3, 14, 2, 11, 7, 250000), FALSE, DEBRIEF_LOG_LEVEL_NONE, 0,
      "sensor temp=21.5" },
    { "1773454267123,WARN,battery low",
      DEBRIEF_TS_EPOCH_MS, debrief_test_utc (2026, 3, 14, 2, 11, 7, 123000), FALSE, DEBRIEF_LOG_LEVEL_NONE, 0,
      ",WARN,battery low" },
    { "1773454267.123456789 sensor temp=21.5",
      DEBRIEF_TS_EPOCH_S, debrief_test_utc (2026, 3, 14, 2, 11, 7, 123456), FALSE, DEBRIEF_LOG_LEVEL_NONE, 0,
      "sensor temp=21.5" },
    { "1773454267123456 INFO sensor temp=21.5",
      DEBRIEF_TS_EPOCH_US, debrief_test_utc (2026, 3, 14, 2, 11, 7, 123456), FALSE, DEBRIEF_LOG_LEVEL_INFO, 0,
      "sensor temp=21.5" },
    { "1773454267123456789 sensor temp=21.5",
      DEBRIEF_TS_EPOCH_NS, debrief_test_utc (2026, 3, 14, 2, 11, 7, 123456), FALSE, DEBRIEF_LOG_LEVEL_NONE, 0,
      "sensor temp=21.5" },
    { "[1773454267123456] <err> adc: overrun",
      DEBRIEF_TS_EPOCH_US, debrief_test_utc (2026, 3, 14, 2, 11, 7, 123456), FALSE, DEBRIEF_LOG_LEVEL_ERROR, 0,
      "adc: overrun" },
    { "192.168.1.20 - - [14/Mar/2026:03:11:07 +0100] \"GET /fw/v2.bin HTTP/1.1\" 200 51234",
      DEBRIEF_TS_APACHE, debrief_test_utc (2026, 3, 14, 2, 11, 7, 0), FALSE, DEBRIEF_LOG_LEVEL_NONE, 17,
      "192.168.1.20 - - [14/Mar/2026:03:11:07 +0100] \"GET /fw/v2.bin HTTP/1.1\" 200 51234" },
    { "Sat Mar 14 02:11:07 2026 watchdog reset",
      DEBRIEF_TS_CTIME, debrief_test_utc (2026, 3, 14, 2, 11, 7, 0), FALSE, DEBRIEF_LOG_LEVEL_NONE, 0,
      "watchdog reset" },
    { "Sat Mar 14 03:11:07 CET 2026 backup started",
      DEBRIEF_TS_CTIME, debrief_test_utc (2026, 3, 14, 2, 11, 7, 0), FALSE, DEBRIEF_LOG_LEVEL_NONE, 0,
      "backup started" },
    { "[Sat Mar 14 02:11:07.123456 2026] [core:error] [pid 42] AH00037: Symbolic link not allowed",
      DEBRIEF_TS_CTIME, debrief_test_utc (2026, 3, 14, 2, 11, 7, 123456), FALSE, DEBRIEF_LOG_LEVEL_ERROR, 0,
      "[pid 42] AH00037: Symbolic link not allowed" },
    { "03-14 02:11:07.123  1234  1290 E ActivityManager: ANR in com.example.pump",
      DEBRIEF_TS_LOGCAT, debrief_test_utc (2026, 3, 14, 2, 11, 7, 123000), FALSE, DEBRIEF_LOG_LEVEL_ERROR, 0,
      "ActivityManager: ANR in com.example.pump", DEBRIEF_TS_MISSING_YEAR },
    { "03-14 02:11:07.123 W/WifiService(  812): scan failed, retrying",
      DEBRIEF_TS_LOGCAT, debrief_test_utc (2026, 3, 14, 2, 11, 7, 123000), FALSE, DEBRIEF_LOG_LEVEL_WARNING, 0,
      "WifiService(  812): scan failed, retrying", DEBRIEF_TS_MISSING_YEAR },
    { "2026-03-14 02:11:07,123 [main] WARN  com.example.Ota - slow flash write",
      DEBRIEF_TS_LOG4J, debrief_test_utc (2026, 3, 14, 2, 11, 7, 123000), FALSE, DEBRIEF_LOG_LEVEL_WARNING, 0,
      "[main] WARN  com.example.Ota - slow flash write" },
    { "2026-03-14 02:11:07,001 FATAL Boot - no firmware image",
      DEBRIEF_TS_LOG4J, debrief_test_utc (2026, 3, 14, 2, 11, 7, 1000), FALSE, DEBRIEF_LOG_LEVEL_FATAL, 0,
      "Boot - no firmware image" },
    { "260314 021107 mysqld started",
      DEBRIEF_TS_COMPACT, debrief_test_utc (2026, 3, 14, 2, 11, 7, 0), FALSE, DEBRIEF_LOG_LEVEL_NONE, 0,
      "mysqld started" },
    { "260314  2:11:07 [Note] InnoDB: Starting shutdown",
      DEBRIEF_TS_COMPACT, debrief_test_utc (2026, 3, 14, 2, 11, 7, 0), FALSE, DEBRIEF_LOG_LEVEL_NOTICE, 0,
      "InnoDB: Starting shutdown" },
    { "20260314-02:11:07:123 INFO flash erase done",
      DEBRIEF_TS_COMPACT_MS, debrief_test_utc (2026, 3, 14, 2, 11, 7, 123000), FALSE, DEBRIEF_LOG_LEVEL_INFO, 0,
      "flash erase done" },
    { "26/03/14 02:11:07 ERROR pump 2 stalled",
      DEBRIEF_TS_SLASH_DATE, debrief_test_utc (2026, 3, 14, 2, 11, 7, 0), FALSE, DEBRIEF_LOG_LEVEL_ERROR, 0,
      "pump 2 stalled" },
    { "2026/03/14 02:11:07.5 CRIT brown-out",
      DEBRIEF_TS_SLASH_DATE, debrief_test_utc (2026, 3, 14, 2, 11, 7, 500000), FALSE, DEBRIEF_LOG_LEVEL_CRITICAL, 0,
      "brown-out" },
    { "03/14/2026 02:11:07 PM [ERROR] PumpService: pressure sensor offline",
      DEBRIEF_TS_DATE_MDY, debrief_test_utc (2026, 3, 14, 14, 11, 7, 0), FALSE, DEBRIEF_LOG_LEVEL_ERROR, 0,
      "PumpService: pressure sensor offline" },
    { "03/14/2026 14:11:07.123 INFO flash erase done",
      DEBRIEF_TS_DATE_MDY, debrief_test_utc (2026, 3, 14, 14, 11, 7, 123000), FALSE, DEBRIEF_LOG_LEVEL_INFO, 0,
      "flash erase done" },
    { "14/03/2026 14:11:07 WARN battery low",
      DEBRIEF_TS_DATE_DMY, debrief_test_utc (2026, 3, 14, 14, 11, 7, 0), FALSE, DEBRIEF_LOG_LEVEL_WARNING, 0,
      "battery low" },
    { "03/14/2026 14:11:07,WARN,battery low",
      DEBRIEF_TS_DATE_MDY, debrief_test_utc (2026, 3, 14, 14, 11, 7, 0), FALSE, DEBRIEF_LOG_LEVEL_NONE, 0,
      ",WARN,battery low" },
    { "time=\"2026-03-14T02:11:07Z\" level=error msg=\"flash write failed\" block=12",
      DEBRIEF_TS_ISO8601, debrief_test_utc (2026, 3, 14, 2, 11, 7, 0), FALSE, DEBRIEF_LOG_LEVEL_ERROR, 6,
      "msg=\"flash write failed\" block=12" },
    { "ts=2026-03-14T02:11:07.123Z caller=ota.go:88 lvl=warn msg=\"slow download\"",
      DEBRIEF_TS_ISO8601, debrief_test_utc (2026, 3, 14, 2, 11, 7, 123000), FALSE, DEBRIEF_LOG_LEVEL_WARNING, 3,
      "caller=ota.go:88 lvl=warn msg=\"slow download\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    check_example (&examples[i], &context_2026);
}

/* ESP-IDF with CONFIG_LOG_TIMESTAMP_SOURCE_SYSTEM writes the device's
 * wall-clock time: a time of day lands on the incident's day in the
 * device's zone, a full date is taken as it is, and the milliseconds
 * since boot of the default build stay what they were.
 */
static void
test_espidf_system_time (void)
{
  g_autoptr(GTimeZone) plus_one = g_time_zone_new_identifier ("+01:00");
  const DebriefTimestampContext berlin = { 2026, plus_one, 3, 14 };
  const DebriefTimestampContext year_only = { 2025, NULL };
  const DebriefTimestampContext overlong_day = { 2026, NULL, 2, 31 };
  const Example examples[] = {
    { "I (12:34:56.789) wifi: connected to ap SSID:plant-4",
      DEBRIEF_TS_ESPIDF_SYSTEM, debrief_test_utc (2026, 3, 14, 12, 34, 56, 789000), FALSE, DEBRIEF_LOG_LEVEL_INFO, 0,
      "wifi: connected to ap SSID:plant-4", DEBRIEF_TS_MISSING_DATE },
    { "E (00:00:05.120) boot: no bootable app partition",
      DEBRIEF_TS_ESPIDF_SYSTEM, debrief_test_utc (2026, 3, 14, 0, 0, 5, 120000), FALSE, DEBRIEF_LOG_LEVEL_ERROR, 0,
      "boot: no bootable app partition", DEBRIEF_TS_MISSING_DATE },
    { "D (2026-03-15 23:59:59.999) mqtt: keepalive",
      DEBRIEF_TS_ESPIDF_SYSTEM, debrief_test_utc (2026, 3, 15, 23, 59, 59, 999000), FALSE, DEBRIEF_LOG_LEVEL_DEBUG, 0,
      "mqtt: keepalive" },
    { "E (12345) wifi: auth failed",
      DEBRIEF_TS_ESPIDF, 12345000, TRUE, DEBRIEF_LOG_LEVEL_ERROR, 0,
      "wifi: auth failed" },
  };
  const char *bad[] = {
    "I (24:00:00.000) wifi: x",
    "I (12:60:00.000) wifi: x",
    "I (12:34:56.789 wifi: x",
    "I (12:34) wifi: x",
    "I (2026-02-30 12:34:56.789) wifi: x",
    "I (2026-03-14T12:34:56.789) wifi: x",
    "X (12:34:56.789) wifi: x",
  };
  const char *line = "I (12:34:56.789) wifi: x";
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  DebriefLogStamp stamp;

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    check_example (&examples[i], &context_pi_day);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (parse_exact (bad[i], strlen (bad[i]), DEBRIEF_TS_ESPIDF, &context_pi_day, &stamp));
    }

  /* The time of day is the device's, in its zone. */
  g_assert_true (parse_exact (line, strlen (line), DEBRIEF_TS_ESPIDF_SYSTEM, &berlin, &stamp));
  g_assert_cmpint (stamp.usec, ==, debrief_test_utc (2026, 3, 14, 11, 34, 56, 789000));

  /* A year without a day is its first day; a day past the month's end is
   * its last.
   */
  g_assert_true (parse_exact (line, strlen (line), DEBRIEF_TS_NONE, &year_only, &stamp));
  g_assert_cmpint (stamp.usec, ==, debrief_test_utc (2025, 1, 1, 12, 34, 56, 789000));
  g_assert_true (parse_exact (line, strlen (line), DEBRIEF_TS_NONE, &overlong_day, &stamp));
  g_assert_cmpint (stamp.usec, ==, debrief_test_utc (2026, 2, 28, 12, 34, 56, 789000));

  /* Without a reference at all, the day is today (UTC). */
  before = g_date_time_new_now_utc ();
  g_assert_true (parse_exact (line, strlen (line), DEBRIEF_TS_NONE, NULL, &stamp));
  after = g_date_time_new_now_utc ();
  g_assert_true (stamp.usec == debrief_test_utc (g_date_time_get_year (before), g_date_time_get_month (before),
                                    g_date_time_get_day_of_month (before), 12, 34, 56, 789000)
                 || stamp.usec == debrief_test_utc (g_date_time_get_year (after), g_date_time_get_month (after),
                                       g_date_time_get_day_of_month (after), 12, 34, 56, 789000));
}

/* RFC 3164 with a year, a zone or both; the zone may be a name or an
 * offset, and names that stand for more than one zone leave the time in
 * the context's.
 */
static void
test_syslog_variants (void)
{
  g_autoptr(GTimeZone) plus_eight = g_time_zone_new_identifier ("+08:00");
  const DebriefTimestampContext shanghai = { 2026, plus_eight };
  struct { const char *line; gint64 usec; DebriefTimestampMissing missing; const char *text; } cases[] = {
    { "Mar 14 10:11:07 gw01 x", debrief_test_utc (2026, 3, 14, 2, 11, 7, 0), DEBRIEF_TS_MISSING_YEAR, "gw01 x" },
    { "Mar 14 02:11:07 UTC gw01 x", debrief_test_utc (2026, 3, 14, 2, 11, 7, 0), DEBRIEF_TS_MISSING_YEAR, "gw01 x" },
    { "Mar 14 02:11:07 GMT: gw01 x", debrief_test_utc (2026, 3, 14, 2, 11, 7, 0), DEBRIEF_TS_MISSING_YEAR, "gw01 x" },
    { "Mar 13 22:11:07 EDT gw01 x", debrief_test_utc (2026, 3, 14, 2, 11, 7, 0), DEBRIEF_TS_MISSING_YEAR, "gw01 x" },
    { "Mar 14 04:11:07 +02:00 gw01 x", debrief_test_utc (2026, 3, 14, 2, 11, 7, 0), DEBRIEF_TS_MISSING_YEAR, "gw01 x" },
    { "Mar 14 2026 02:11:07 UTC gw01 x", debrief_test_utc (2026, 3, 14, 2, 11, 7, 0), DEBRIEF_TS_MISSING_NOTHING, "gw01 x" },
    { "Mar  4 2027 10:11:07.5 gw01 x", debrief_test_utc (2027, 3, 4, 2, 11, 7, 500000), DEBRIEF_TS_MISSING_NOTHING, "gw01 x" },
    /* China or the American midwest: the context says. */
    { "Mar 14 10:11:07 CST gw01 x", debrief_test_utc (2026, 3, 14, 2, 11, 7, 0), DEBRIEF_TS_MISSING_YEAR, "gw01 x" },
    /* Host names in capitals are not zones. */
    { "Mar 14 10:11:07 PUMP4 x", debrief_test_utc (2026, 3, 14, 2, 11, 7, 0), DEBRIEF_TS_MISSING_YEAR, "PUMP4 x" },
    { "Mar 14 10:11:07 GW x", debrief_test_utc (2026, 3, 14, 2, 11, 7, 0), DEBRIEF_TS_MISSING_YEAR, "GW x" },
  };
  const char *bad[] = {
    "Mar 14 2026 25:11:07 gw01 x",
    "Mar 14 2026x02:11:07 gw01 x",
    "Feb 29 2026 02:11:07 gw01 x",
    "Mar 14 2026 02:11 gw01 x",
  };
  DebriefLogStamp stamp;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].line);
      g_assert_true (parse_exact (cases[i].line, strlen (cases[i].line), DEBRIEF_TS_SYSLOG, &shanghai, &stamp));
      g_assert_cmpint (stamp.format, ==, DEBRIEF_TS_SYSLOG);
      g_assert_cmpint (stamp.usec, ==, cases[i].usec);
      g_assert_cmpint (stamp.missing, ==, cases[i].missing);
      g_assert_cmpstr (cases[i].line + stamp.text_offset, ==, cases[i].text);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (parse_exact (bad[i], strlen (bad[i]), DEBRIEF_TS_SYSLOG, &shanghai, &stamp));
    }
}

/* The syslog priority is facility * 8 + severity, and the severity names
 * the level, whatever words the message starts with.
 */
static void
test_syslog_priority (void)
{
  static const DebriefLogLevel levels[8] = {
    DEBRIEF_LOG_LEVEL_FATAL,     /* emerg */
    DEBRIEF_LOG_LEVEL_CRITICAL,  /* alert */
    DEBRIEF_LOG_LEVEL_CRITICAL,  /* crit */
    DEBRIEF_LOG_LEVEL_ERROR,     /* err */
    DEBRIEF_LOG_LEVEL_WARNING,   /* warning */
    DEBRIEF_LOG_LEVEL_NOTICE,    /* notice */
    DEBRIEF_LOG_LEVEL_INFO,      /* info */
    DEBRIEF_LOG_LEVEL_DEBUG,     /* debug */
  };
  DebriefLogStamp stamp;
  const char *line;

  for (guint facility = 0; facility < 24; facility += 23)
    for (guint severity = 0; severity < 8; severity++)
      {
        g_autofree char *rfc5424 = g_strdup_printf ("<%u>1 2026-03-14T02:11:07.003Z gw app - - - msg",
                                                    facility * 8 + severity);
        g_autofree char *rfc3164 = g_strdup_printf ("<%u>Mar 14 02:11:07 gw app: msg",
                                                    facility * 8 + severity);

        g_test_message ("%s", rfc5424);
        g_assert_true (parse_exact (rfc5424, strlen (rfc5424), DEBRIEF_TS_NONE, &context_2026, &stamp));
        g_assert_cmpint (stamp.format, ==, DEBRIEF_TS_ISO8601);
        g_assert_cmpint (stamp.level, ==, levels[severity]);
        g_assert_cmpint (stamp.usec, ==, debrief_test_utc (2026, 3, 14, 2, 11, 7, 3000));
        g_assert_cmpstr (rfc5424 + stamp.text_offset, ==, "gw app - - - msg");

        g_test_message ("%s", rfc3164);
        g_assert_true (parse_exact (rfc3164, strlen (rfc3164), DEBRIEF_TS_NONE, &context_2026, &stamp));
        g_assert_cmpint (stamp.format, ==, DEBRIEF_TS_SYSLOG);
        g_assert_cmpint (stamp.level, ==, levels[severity]);
      }

  line = "<14>Mar 14 02:11:07 gw app: ERROR in the text of an info message";
  g_assert_true (parse_exact (line, strlen (line), DEBRIEF_TS_NONE, &context_2026, &stamp));
  g_assert_cmpint (stamp.level, ==, DEBRIEF_LOG_LEVEL_INFO);

  line = "<6>[   12.345678] usb 1-1: ERROR recovered";
  g_assert_true (parse_exact (line, strlen (line), DEBRIEF_TS_NONE, &context_2026, &stamp));
  g_assert_cmpint (stamp.format, ==, DEBRIEF_TS_DMESG);
  g_assert_cmpint (stamp.level, ==, DEBRIEF_LOG_LEVEL_INFO);

  line = "<4>[    1.000000] ACPI: BIOS bug";
  g_assert_true (parse_exact (line, strlen (line), DEBRIEF_TS_DMESG, &context_2026, &stamp));
  g_assert_cmpint (stamp.level, ==, DEBRIEF_LOG_LEVEL_WARNING);
  g_assert_cmpuint (stamp.stamp_offset, ==, 3);

  /* The version of RFC 5424 comes only after a priority. */
  line = "<192>1 2026-03-14T02:11:07Z x";
  g_assert_false (parse_exact (line, strlen (line), DEBRIEF_TS_NONE, &context_2026, &stamp));
}

/* Unix time in every unit a firmware or a tracer writes it. */
static void
test_epoch_units (void)
{
  struct { const char *line; DebriefTimestampFormat format; gint64 usec; } cases[] = {
    { "1773454267 x", DEBRIEF_TS_EPOCH_S, 0 },
    { "1773454267.5 x", DEBRIEF_TS_EPOCH_S, 500000 },
    { "1773454267.123456 x", DEBRIEF_TS_EPOCH_S, 123456 },
    { "1773454267.123456789 x", DEBRIEF_TS_EPOCH_S, 123456 },
    { "1773454267123 x", DEBRIEF_TS_EPOCH_MS, 123000 },
    { "1773454267123456 x", DEBRIEF_TS_EPOCH_US, 123456 },
    { "1773454267123456789 x", DEBRIEF_TS_EPOCH_NS, 123456 },
    { "1773454267123456789", DEBRIEF_TS_EPOCH_NS, 123456 },
    { "1773454267123456,x", DEBRIEF_TS_EPOCH_US, 123456 },
  };
  const char *bad[] = {
    "17734542671 eleven digits",
    "177345426712345 fifteen digits",
    "17734542671234567 seventeen digits",
    "177345426712345678 eighteen digits",
    "17734542671234567890 twenty digits",
    "4102444801000000 microseconds after 2100",
    "4102444801000000000 nanoseconds after 2100",
    "9999999999999999999 beyond 2100",
    "0000000000000016 an offset in a dump",
    "0773454267 zero-padded counter",
    "1773454267. x",
    "1773454267123456x",
  };
  DebriefLogStamp stamp;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].line);
      for (DebriefTimestampFormat hint = DEBRIEF_TS_NONE; hint < DEBRIEF_TS_N_FORMATS; hint++)
        {
          g_assert_true (parse_exact (cases[i].line, strlen (cases[i].line), hint, &context_2026, &stamp));
          g_assert_cmpint (stamp.format, ==, cases[i].format);
          g_assert_cmpint (stamp.usec, ==, debrief_test_utc (2026, 3, 14, 2, 11, 7, cases[i].usec));
          g_assert_false (stamp.since_boot);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (parse_exact (bad[i], strlen (bad[i]), DEBRIEF_TS_NONE, &context_2026, &stamp));
    }
}

/* MM/dd/yyyy and dd/MM/yyyy: a field above 12 is the day; a date that
 * reads both ways follows the file's format, and month first without one.
 */
static void
test_year_last_dates (void)
{
  struct { const char *line; DebriefTimestampFormat hint; DebriefTimestampFormat format; gint64 usec; } cases[] = {
    { "03/14/2026 02:11:07 PM x", DEBRIEF_TS_NONE, DEBRIEF_TS_DATE_MDY, debrief_test_utc (2026, 3, 14, 14, 11, 7, 0) },
    { "03/14/2026 02:11:07 AM x", DEBRIEF_TS_NONE, DEBRIEF_TS_DATE_MDY, debrief_test_utc (2026, 3, 14, 2, 11, 7, 0) },
    { "03/14/2026 12:05:00 AM x", DEBRIEF_TS_NONE, DEBRIEF_TS_DATE_MDY, debrief_test_utc (2026, 3, 14, 0, 5, 0, 0) },
    { "03/14/2026 12:05:00 PM x", DEBRIEF_TS_NONE, DEBRIEF_TS_DATE_MDY, debrief_test_utc (2026, 3, 14, 12, 5, 0, 0) },
    { "03/14/2026 02:11:07 pm x", DEBRIEF_TS_NONE, DEBRIEF_TS_DATE_MDY, debrief_test_utc (2026, 3, 14, 14, 11, 7, 0) },
    { "03/14/2026 14:11:07.123 x", DEBRIEF_TS_NONE, DEBRIEF_TS_DATE_MDY, debrief_test_utc (2026, 3, 14, 14, 11, 7, 123000) },
    { "03/14/2026 14:11:07.123 x", DEBRIEF_TS_DATE_DMY, DEBRIEF_TS_DATE_MDY, debrief_test_utc (2026, 3, 14, 14, 11, 7, 123000) },
    { "14/03/2026 14:11:07 x", DEBRIEF_TS_NONE, DEBRIEF_TS_DATE_DMY, debrief_test_utc (2026, 3, 14, 14, 11, 7, 0) },
    { "14/03/2026 14:11:07 x", DEBRIEF_TS_DATE_MDY, DEBRIEF_TS_DATE_DMY, debrief_test_utc (2026, 3, 14, 14, 11, 7, 0) },
    { "03/04/2026 10:00:00 x", DEBRIEF_TS_NONE, DEBRIEF_TS_DATE_MDY, debrief_test_utc (2026, 3, 4, 10, 0, 0, 0) },
    { "03/04/2026 10:00:00 x", DEBRIEF_TS_DATE_MDY, DEBRIEF_TS_DATE_MDY, debrief_test_utc (2026, 3, 4, 10, 0, 0, 0) },
    { "03/04/2026 10:00:00 x", DEBRIEF_TS_DATE_DMY, DEBRIEF_TS_DATE_DMY, debrief_test_utc (2026, 4, 3, 10, 0, 0, 0) },
    { "[03/04/2026 10:00:00] x", DEBRIEF_TS_DATE_DMY, DEBRIEF_TS_DATE_DMY, debrief_test_utc (2026, 4, 3, 10, 0, 0, 0) },
    /* yy/MM/dd keeps its own family. */
    { "26/03/14 02:11:07 x", DEBRIEF_TS_NONE, DEBRIEF_TS_SLASH_DATE, debrief_test_utc (2026, 3, 14, 2, 11, 7, 0) },
    { "26/03/14 02:11:07 x", DEBRIEF_TS_DATE_DMY, DEBRIEF_TS_SLASH_DATE, debrief_test_utc (2026, 3, 14, 2, 11, 7, 0) },
  };
  const char *bad[] = {
    "13/14/2026 10:00:00 x",
    "02/30/2026 10:00:00 x",
    "03/14/2026 13:00:00 PM x",
    "03/14/2026 00:10:00 AM x",
    "03/14/2026 10:00 x",
    "03/14/20261 10:00:00 x",
  };
  DebriefLogStamp stamp;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].line);
      g_assert_true (parse_exact (cases[i].line, strlen (cases[i].line), cases[i].hint, &context_2026, &stamp));
      g_assert_cmpint (stamp.format, ==, cases[i].format);
      g_assert_cmpint (stamp.usec, ==, cases[i].usec);
      g_assert_cmpint (stamp.missing, ==, DEBRIEF_TS_MISSING_NOTHING);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (parse_exact (bad[i], strlen (bad[i]), DEBRIEF_TS_NONE, &context_2026, &stamp));
      g_assert_false (parse_exact (bad[i], strlen (bad[i]), DEBRIEF_TS_DATE_DMY, &context_2026, &stamp));
    }
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
    { "E (1) boot: x", DEBRIEF_LOG_LEVEL_ERROR },
    { "W (1) boot: x", DEBRIEF_LOG_LEVEL_WARNING },
    { "V (12:00:00.000) boot: x", DEBRIEF_LOG_LEVEL_TRACE },
    /* Zephyr's four level tags. */
    { "[00:00:00.001,000] <err> wdt: x", DEBRIEF_LOG_LEVEL_ERROR },
    { "[00:00:00.001,000] <wrn> wdt: x", DEBRIEF_LOG_LEVEL_WARNING },
    { "[00:00:00.001] <inf> wdt: x", DEBRIEF_LOG_LEVEL_INFO },
    { "[00:00:01] <dbg> wdt: x", DEBRIEF_LOG_LEVEL_DEBUG },
    /* logcat: threadtime, time and brief with a stamp, tag-only. */
    { "03-14 02:11:07.123  1234  5678 E Tag: x", DEBRIEF_LOG_LEVEL_ERROR },
    { "03-14 02:11:07.123  1234  5678 V Tag: x", DEBRIEF_LOG_LEVEL_TRACE },
    { "03-14 02:11:07.123  1234  5678 F libc: Fatal signal 11", DEBRIEF_LOG_LEVEL_FATAL },
    { "03-14 02:11:07.123 E/Tag(123): x", DEBRIEF_LOG_LEVEL_ERROR },
    { "03-14 02:11:07.123 D/Tag( 4567): x", DEBRIEF_LOG_LEVEL_DEBUG },
    { "03-14 02:11:07.123 I/Tag: x", DEBRIEF_LOG_LEVEL_INFO },
    { "2026-03-14T02:11:07Z I/O error on mmcblk0", DEBRIEF_LOG_LEVEL_NONE },
    { "2026-03-14T02:11:07Z W/x is not a tag", DEBRIEF_LOG_LEVEL_NONE },
    /* Bracketed words. */
    { "[2026-03-14 02:11:07] [ERROR] pump: stalled", DEBRIEF_LOG_LEVEL_ERROR },
    { "2026-03-14T02:11:07Z [FATAL] pump: stalled", DEBRIEF_LOG_LEVEL_FATAL },
    { "2026-03-14 02:11:07,123 [main] [Warning] pump: slow", DEBRIEF_LOG_LEVEL_WARNING },
    /* logfmt keys, in any case. */
    { "2026-03-14T02:11:07Z level=error msg=x", DEBRIEF_LOG_LEVEL_ERROR },
    { "2026-03-14T02:11:07Z level=\"warning\" msg=x", DEBRIEF_LOG_LEVEL_WARNING },
    { "time=\"2026-03-14T02:11:07Z\" level=info msg=x", DEBRIEF_LOG_LEVEL_INFO },
    { "ts=2026-03-14T02:11:07Z caller=main.go:12 level=debug msg=x", DEBRIEF_LOG_LEVEL_DEBUG },
    { "ts=1773454267.123 lvl=crit msg=x", DEBRIEF_LOG_LEVEL_CRITICAL },
    { "time=2026-03-14T02:11:07Z severity=NOTICE msg=x", DEBRIEF_LOG_LEVEL_NOTICE },
    { "time=2026-03-14T02:11:07Z level=panic msg=x", DEBRIEF_LOG_LEVEL_FATAL },
    { "time=2026-03-14T02:11:07Z level=bogus msg=x", DEBRIEF_LOG_LEVEL_NONE },
    { "time=2026-03-14T02:11:07Z levels=error msg=x", DEBRIEF_LOG_LEVEL_NONE },
    /* Upper-case words right after the stamp or the source. */
    { "2026-03-14T02:11:07Z FATAL boot: no image", DEBRIEF_LOG_LEVEL_FATAL },
    { "Jun 14 15:16:01 gw01 pumpd[77]: CRIT pressure", DEBRIEF_LOG_LEVEL_CRITICAL },
    { "Jun 14 15:16:01 gw01 pumpd[77]: WARN pressure", DEBRIEF_LOG_LEVEL_WARNING },
    { "Jun 14 15:16:01 gw01 pumpd[77]: NOTICE pressure", DEBRIEF_LOG_LEVEL_NOTICE },
    { "[   12.345678] pump: PANIC stalled", DEBRIEF_LOG_LEVEL_FATAL },
    /* Kernel priorities before dmesg stamps. */
    { "<3>[   12.345678] mmc0: error -110", DEBRIEF_LOG_LEVEL_ERROR },
    { "<4>[   12.345678] mmc0: retrying", DEBRIEF_LOG_LEVEL_WARNING },
    { "<7>[   12.345678] mmc0: clock 400000Hz", DEBRIEF_LOG_LEVEL_DEBUG },
    /* Words in the message, far from the stamp, are not levels. */
    { "Jun 14 15:16:01 gw01 pumpd[77]: pressure sensor ERROR count reset", DEBRIEF_LOG_LEVEL_NONE },
    { "2026-03-14T02:11:07Z gw01 app: cleared the FATAL flag", DEBRIEF_LOG_LEVEL_NONE },
    { "[00:00:01.000,000] <inf> ota: retry after WARN from modem", DEBRIEF_LOG_LEVEL_INFO },
    { "E (1) wifi: was INFO", DEBRIEF_LOG_LEVEL_ERROR },
    { "2026-03-14T02:11:07Z a b c d level=error", DEBRIEF_LOG_LEVEL_NONE },
    { "2026-03-14T02:11:07Z Error: capitalised words are message text", DEBRIEF_LOG_LEVEL_NONE },
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
    { "20260314T021107Z", 0 },
    { "20260314T021107", 0 },
    { "20260314T041107+0200 x", 0 },
    { "20260314T041107+02 x", 0 },
    { "20260313T211107-05:00 x", 0 },
    { "20260314T021107.123456Z", 123456 },
    { "20260314T021107,5Z", 500000 },
    { "20260314t021107z", 0 },
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
    "20260314T0211Z",
    "20260314T02:11:07Z",
    "20260314T021107.Z",
    "20260314T021107+2400",
    "20260314T021107X",
    "202603T021107Z",
    "20260314 021107Z",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DebriefLogStamp stamp;

      g_test_message ("%s", cases[i].line);
      g_assert_true (parse_exact (cases[i].line, strlen (cases[i].line), DEBRIEF_TS_ISO8601,
                                  &context_2026, &stamp));
      g_assert_cmpint (stamp.format, ==, DEBRIEF_TS_ISO8601);
      g_assert_cmpint (stamp.usec, ==, debrief_test_utc (2026, 3, 14, 2, 11, 7, cases[i].usec));
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
    "20260230T021107Z x",
    "20260314T251107Z x",
    "Feb 30 2026 10:00:00 host x",
    "02/30/2026 10:00:00 x",
    "30/02/2026 10:00:00 x",
    "I (2026-02-30 12:00:00.000) x",
    "I (25:00:00.000) x",
    "[00:60:12] x",
    "[00:00:60.000] x",
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
  g_assert_cmpint (stamp.usec, ==, debrief_test_utc (2024, 2, 29, 12, 0, 0, 0));

  /* There is no 29 February in 2025. */
  g_assert_false (parse_exact (line, strlen (line), DEBRIEF_TS_SYSLOG, &common, &stamp));

  line = "Mar 14 02:11:07 gw01 x";
  g_assert_true (parse_exact (line, strlen (line), DEBRIEF_TS_SYSLOG, &common, &stamp));
  g_assert_cmpint (stamp.usec, ==, debrief_test_utc (2025, 3, 14, 2, 11, 7, 0));

  line = "03-14 02:11:07.000  1  2 I x";
  g_assert_true (parse_exact (line, strlen (line), DEBRIEF_TS_LOGCAT, &common, &stamp));
  g_assert_cmpint (stamp.usec, ==, debrief_test_utc (2025, 3, 14, 2, 11, 7, 0));

  /* Two-digit years land in the century around the incident. */
  line = "99/12/31 23:59:59 x";
  g_assert_true (parse_exact (line, strlen (line), DEBRIEF_TS_NONE, &context_2026, &stamp));
  g_assert_cmpint (stamp.usec, ==, debrief_test_utc (1999, 12, 31, 23, 59, 59, 0));
  g_assert_true (parse_exact (line, strlen (line), DEBRIEF_TS_NONE, &century, &stamp));
  g_assert_cmpint (stamp.usec, ==, debrief_test_utc (2099, 12, 31, 23, 59, 59, 0));

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
      g_assert_cmpint (stamp.usec, ==, debrief_test_utc (2026, 3, 14, 2, 11, 7, 0));
    }

  /* A zone written in the line, or Unix time, wins over the context. */
  context.time_zone = minus_five;
  for (guint i = 0; i < G_N_ELEMENTS (zoned); i++)
    {
      g_test_message ("%s", zoned[i]);
      g_assert_true (parse_exact (zoned[i], strlen (zoned[i]), DEBRIEF_TS_NONE, &context, &stamp));
      g_assert_cmpint (stamp.usec, ==, debrief_test_utc (2026, 3, 14, 2, 11, 7, 0));
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
    "[00:00:12.34] x",
    "[00:00:12,345] x",
    "[00:00:12.345,67] x",
    "[0:00:12] x",
    "I (12:34) wifi: x",
    "time=",
    "time=\"not a time\" level=error",
    "level=error msg=no stamp",
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

  g_assert_cmpint (detect ((const char * const[]) {
    "ESP-ROM:esp32s3-20210327",
    "I (00:00:00.412) cpu_start: Starting scheduler on PRO CPU.",
    "I (09:15:02.118) wifi: connected",
    "W (09:15:03.004) mqtt: reconnecting",
    NULL }), ==, DEBRIEF_TS_ESPIDF_SYSTEM);
  g_assert_cmpint (detect ((const char * const[]) {
    "I (2026-03-14 09:15:02.118) wifi: connected",
    "E (2026-03-14 09:15:03.004) mqtt: broker refused",
    NULL }), ==, DEBRIEF_TS_ESPIDF_SYSTEM);
  g_assert_cmpint (detect ((const char * const[]) {
    "[00:00:01] <inf> boot: starting",
    "[00:00:02] <err> wdt: timeout",
    "[00:00:02.500] <wrn> pwr: brown-out",
    NULL }), ==, DEBRIEF_TS_ZEPHYR);
  g_assert_cmpint (detect ((const char * const[]) {
    "20260314T021107Z ota: start",
    "20260314T021108.250Z ota: done",
    NULL }), ==, DEBRIEF_TS_ISO8601);
  g_assert_cmpint (detect ((const char * const[]) {
    "<34>1 2026-03-14T02:11:07.003Z gw su - ID47 - failed",
    "<165>1 2026-03-14T02:11:08.003Z gw app - - - started",
    NULL }), ==, DEBRIEF_TS_ISO8601);
  g_assert_cmpint (detect ((const char * const[]) {
    "time=\"2026-03-14T02:11:07Z\" level=info msg=\"starting\"",
    "time=\"2026-03-14T02:11:08Z\" level=error msg=\"flash\"",
    NULL }), ==, DEBRIEF_TS_ISO8601);
  g_assert_cmpint (detect ((const char * const[]) {
    "Mar 14 2026 02:11:07 UTC: %SYS-5-CONFIG_I: Configured",
    "Mar 14 2026 02:11:09 UTC: %LINK-3-UPDOWN: Interface up",
    NULL }), ==, DEBRIEF_TS_SYSLOG);
  g_assert_cmpint (detect ((const char * const[]) {
    "1773454267123456 sensor 21.5",
    "1773454267223456 sensor 21.6",
    NULL }), ==, DEBRIEF_TS_EPOCH_US);
  g_assert_cmpint (detect ((const char * const[]) {
    "1773454267123456789 sensor 21.5",
    "1773454267223456789 sensor 21.6",
    NULL }), ==, DEBRIEF_TS_EPOCH_NS);

  /* Year-last dates: one line that can only be day first decides the
   * file; otherwise month first, also when every line reads both ways.
   */
  g_assert_cmpint (detect ((const char * const[]) {
    "03/04/2026 10:00:00 AM pump started",
    "03/14/2026 10:00:00 AM pump stopped",
    NULL }), ==, DEBRIEF_TS_DATE_MDY);
  g_assert_cmpint (detect ((const char * const[]) {
    "03/04/2026 10:00:00 pump started",
    "05/04/2026 10:00:00 pump stopped",
    "13/04/2026 10:00:00 pump started",
    NULL }), ==, DEBRIEF_TS_DATE_DMY);
  g_assert_cmpint (detect ((const char * const[]) {
    "03/04/2026 10:00:00 pump started",
    "04/04/2026 10:00:00 pump stopped",
    NULL }), ==, DEBRIEF_TS_DATE_MDY);
  g_assert_cmpint (detect ((const char * const[]) {
    "26/03/14 02:11:07 pump started",
    "26/03/15 02:11:07 pump stopped",
    NULL }), ==, DEBRIEF_TS_SLASH_DATE);
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

/* Each family of the table has a pattern and an example line, and the
 * example is read as that family, with the hint and without.
 */
static void
test_format_table (void)
{
  /* The time each example of the table stands for (context_pi_day, UTC). */
  static const struct
  {
    DebriefTimestampFormat format;
    gint64                 usec;
  } expected[] = {
    { DEBRIEF_TS_ISO8601, G_GINT64_CONSTANT (1773447067123000) },
    { DEBRIEF_TS_SYSLOG, G_GINT64_CONSTANT (1773454267000000) },
    { DEBRIEF_TS_DMESG, G_GINT64_CONSTANT (12345678) },
    { DEBRIEF_TS_ZEPHYR, G_GINT64_CONSTANT (12345678) },
    { DEBRIEF_TS_ESPIDF, G_GINT64_CONSTANT (12345000) },
    { DEBRIEF_TS_EPOCH_S, G_GINT64_CONSTANT (1773454267500000) },
    { DEBRIEF_TS_EPOCH_MS, G_GINT64_CONSTANT (1773454267123000) },
    { DEBRIEF_TS_APACHE, G_GINT64_CONSTANT (1773454267000000) },
    { DEBRIEF_TS_CTIME, G_GINT64_CONSTANT (1773454267000000) },
    { DEBRIEF_TS_LOGCAT, G_GINT64_CONSTANT (1773454267123000) },
    { DEBRIEF_TS_LOG4J, G_GINT64_CONSTANT (1773454267123000) },
    { DEBRIEF_TS_COMPACT, G_GINT64_CONSTANT (1773454267000000) },
    { DEBRIEF_TS_COMPACT_MS, G_GINT64_CONSTANT (1773454267123000) },
    { DEBRIEF_TS_SLASH_DATE, G_GINT64_CONSTANT (1773454267000000) },
    { DEBRIEF_TS_ESPIDF_SYSTEM, G_GINT64_CONSTANT (1773454267123000) },
    { DEBRIEF_TS_EPOCH_US, G_GINT64_CONSTANT (1773454267123456) },
    { DEBRIEF_TS_EPOCH_NS, G_GINT64_CONSTANT (1773454267123456) },
    { DEBRIEF_TS_DATE_MDY, G_GINT64_CONSTANT (1773454267000000) },
    { DEBRIEF_TS_DATE_DMY, G_GINT64_CONSTANT (1773454267000000) },
    { DEBRIEF_TS_MONTH_DAY, G_GINT64_CONSTANT (1773454267000000) },
    { DEBRIEF_TS_DAY_MONTH, G_GINT64_CONSTANT (1773454267123000) },
    { DEBRIEF_TS_GLOG, G_GINT64_CONSTANT (1773454267123456) },
    { DEBRIEF_TS_MONTH_NAME, G_GINT64_CONSTANT (1773454267000000) },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (expected) == DEBRIEF_TS_N_FORMATS - 1);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      DebriefTimestampFormat f = expected[i].format;
      const char *example = debrief_timestamp_format_get_example (f);
      DebriefLogStamp stamp;

      g_test_message ("%s: %s", debrief_timestamp_format_get_pattern (f), example);
      g_assert_cmpint (f, ==, (DebriefTimestampFormat) (i + 1));
      g_assert_cmpstr (debrief_timestamp_format_get_pattern (f), !=, "");

      g_assert_true (parse_exact (example, strlen (example), f, &context_pi_day, &stamp));
      g_assert_cmpint (stamp.format, ==, f);
      g_assert_cmpint (stamp.usec, ==, expected[i].usec);

      g_assert_true (parse_exact (example, strlen (example), DEBRIEF_TS_NONE, &context_pi_day, &stamp));
      g_assert_cmpint (stamp.format, ==, f == DEBRIEF_TS_DATE_DMY ? DEBRIEF_TS_DATE_DMY : f);
      g_assert_cmpint (stamp.usec, ==, expected[i].usec);
    }
}

/* Real-world layouts that were read as having no stamp, or another one. */
static void
test_real_world_stamps (void)
{
  static const struct
  {
    const char             *line;
    DebriefTimestampFormat  format;
    const char             *utc;
    DebriefLogLevel         level;
    guint                   stamp_offset;
  } cases[] = {
    /* Windows CBS: a comma after the seconds, then a level in title case. */
    { "2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack v6.1.7601.23505",
      DEBRIEF_TS_ISO8601, "2016-09-28T04:30:30Z", DEBRIEF_LOG_LEVEL_INFO, 0 },
    { "2016-09-28 04:30:31, Warning               CBS    Failed to get session",
      DEBRIEF_TS_ISO8601, "2016-09-28T04:30:31Z", DEBRIEF_LOG_LEVEL_WARNING, 0 },
    /* log4j's milliseconds after the comma are still milliseconds. */
    { "2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Created",
      DEBRIEF_TS_LOG4J, "2015-10-18T18:01:47.978Z", DEBRIEF_LOG_LEVEL_INFO, 0 },
    /* Proxifier: month.day, no year; the year is the context's. */
    { "[10.30 16:49:06] chrome.exe - proxy.cse.cuhk.edu.hk:5070 open through proxy",
      DEBRIEF_TS_MONTH_DAY, "2026-10-30T16:49:06Z", DEBRIEF_LOG_LEVEL_NONE, 0 },
    /* HealthApp: the time's fields not padded, milliseconds as a count. */
    { "20171223-22:16:0:119|Step_LSC|30002312|onStandStepChanged 3579",
      DEBRIEF_TS_COMPACT_MS, "2017-12-23T22:16:00.119Z", DEBRIEF_LOG_LEVEL_NONE, 0 },
    { "20171223-2:5:9:6|Step_LSC|30002312|onStandStepChanged 3579",
      DEBRIEF_TS_COMPACT_MS, "2017-12-23T02:05:09.006Z", DEBRIEF_LOG_LEVEL_NONE, 0 },
    /* A dotted date; DB2's and BlueGene/L's date-time. */
    { "2005.06.03 15:42:50 R02-M1-N0 RAS KERNEL INFO cache parity corrected",
      DEBRIEF_TS_ISO8601, "2005-06-03T15:42:50Z", DEBRIEF_LOG_LEVEL_INFO, 0 },
    { "2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL INFO done",
      DEBRIEF_TS_ISO8601, "2005-06-03T15:42:50.675872Z", DEBRIEF_LOG_LEVEL_INFO, 0 },
    { "14.03.2026 02:11:07 FEHLER pumpe steht",
      DEBRIEF_TS_DATE_DMY, "2026-03-14T02:11:07Z", DEBRIEF_LOG_LEVEL_NONE, 0 },
    /* BlueGene/L: an alert flag, then seconds since the epoch. */
    { "- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL INFO x",
      DEBRIEF_TS_EPOCH_S, "2005-06-03T22:42:50Z", DEBRIEF_LOG_LEVEL_NONE, 2 },
    /* A label, a host, a sequence number, a file name before the stamp. */
    { "job-runner: 2024-03-05 10:00:01 INFO started",
      DEBRIEF_TS_ISO8601, "2024-03-05T10:00:01Z", DEBRIEF_LOG_LEVEL_INFO, 12 },
    { "web-03 2026-03-14T02:11:07.123Z nginx[12]: upstream timed out",
      DEBRIEF_TS_ISO8601, "2026-03-14T02:11:07.123Z", DEBRIEF_LOG_LEVEL_NONE, 7 },
    { "002303: Mar 14 07:00:04.219: gw01 kernel: link up",
      DEBRIEF_TS_SYSLOG, "2026-03-14T07:00:04.219Z", DEBRIEF_LOG_LEVEL_NONE, 8 },
    { "fw_20240301.bin: 2024-03-05 10:00:01 flash: wrote block 12",
      DEBRIEF_TS_ISO8601, "2024-03-05T10:00:01Z", DEBRIEF_LOG_LEVEL_NONE, 17 },
    { "nova-api.log.1.2017-05-16_13:53:08 2017-05-16 00:00:00.008 25746 INFO nova.osapi_compute.wsgi.server x",
      DEBRIEF_TS_ISO8601, "2017-05-16T00:00:00.008Z", DEBRIEF_LOG_LEVEL_INFO, 35 },
    /* Redis, Tomcat: the day, the month's name, the year. */
    { "1234:M 14 Mar 2026 02:11:07.123 * Ready to accept connections tcp",
      DEBRIEF_TS_DAY_MONTH, "2026-03-14T02:11:07.123Z", DEBRIEF_LOG_LEVEL_NONE, 7 },
    { "14-Mar-2026 02:11:07.123 INFO [main] org.apache.catalina.startup.Catalina.start Server startup",
      DEBRIEF_TS_DAY_MONTH, "2026-03-14T02:11:07.123Z", DEBRIEF_LOG_LEVEL_INFO, 0 },
    /* Kubernetes' klog: the level letter, month and day. */
    { "E0314 02:11:07.123456    1234 reflector.go:138] failed to list *v1.Pod",
      DEBRIEF_TS_GLOG, "2026-03-14T02:11:07.123456Z", DEBRIEF_LOG_LEVEL_ERROR, 0 },
    /* Prometheus' logfmt: the time is not the first key. */
    { "level=warn ts=2026-03-14T02:11:07.123Z caller=scrape.go:1234 msg=\"Scrape failed\"",
      DEBRIEF_TS_ISO8601, "2026-03-14T02:11:07.123Z", DEBRIEF_LOG_LEVEL_NONE, 14 },
    /* PostgreSQL names the zone after the time. */
    { "2026-03-14 03:11:07.123 CET [1234] LOG:  checkpoint starting: time",
      DEBRIEF_TS_ISO8601, "2026-03-14T02:11:07.123Z", DEBRIEF_LOG_LEVEL_NONE, 0 },
    /* Cisco IOS: '*' before a clock NTP has not set. */
    { "*Mar  1 00:01:23.456: %LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to up",
      DEBRIEF_TS_SYSLOG, "2026-03-01T00:01:23.456Z", DEBRIEF_LOG_LEVEL_NONE, 0 },
    /* RFC 2822 dates, as Express writes them, in brackets. */
    { "[Sat, 14 Mar 2026 03:11:07 +0100] GET /api/pump 200",
      DEBRIEF_TS_DAY_MONTH, "2026-03-14T02:11:07Z", DEBRIEF_LOG_LEVEL_NONE, 0 },
    /* java.util.logging, on a line above its message. */
    { "Mar 14, 2026 2:11:07 PM org.apache.catalina.startup.Catalina start",
      DEBRIEF_TS_MONTH_NAME, "2026-03-14T14:11:07Z", DEBRIEF_LOG_LEVEL_NONE, 0 },
    /* MongoDB's structured log. */
    { "{\"t\":{\"$date\":\"2026-03-14T02:11:07.123+00:00\"},\"s\":\"I\",\"c\":\"NETWORK\",\"msg\":\"Connection accepted\"}",
      DEBRIEF_TS_ISO8601, "2026-03-14T02:11:07.123Z", DEBRIEF_LOG_LEVEL_NONE, 15 },
    /* JSON lines with the time under "ts", in milliseconds. */
    { "{\"ts\":1773454267123,\"level\":\"warn\",\"msg\":\"battery low\"}",
      DEBRIEF_TS_EPOCH_MS, "2026-03-14T02:11:07.123Z", DEBRIEF_LOG_LEVEL_WARNING, 6 },
    { "{\"time\": \"2026-03-14T02:11:07Z\", \"severity\": \"ERROR\"}",
      DEBRIEF_TS_ISO8601, "2026-03-14T02:11:07Z", DEBRIEF_LOG_LEVEL_ERROR, 10 },
  };
  /* Prose that quotes a time is no stamped line. */
  static const char * const prose[] = {
    "The outage started 2026-03-14 02:11:07 when the pump stalled.",
    "Caused by: 2026-03-14T02:11:07Z is not a valid date",
    "{\"msg\": \"no time here\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DebriefLogStamp stamp;
      gsize length = strlen (cases[i].line);

      g_test_message ("%s", cases[i].line);
      g_assert_true (parse_exact (cases[i].line, length, DEBRIEF_TS_NONE, &context_2026, &stamp));
      g_assert_cmpint (stamp.format, ==, cases[i].format);
      g_assert_cmpint (stamp.usec, ==, debrief_test_usec (cases[i].utc));
      g_assert_cmpint (stamp.level, ==, cases[i].level);
      g_assert_cmpuint (stamp.stamp_offset, ==, cases[i].stamp_offset);

      g_assert_true (parse_exact (cases[i].line, length, cases[i].format, &context_2026, &stamp));
      g_assert_cmpint (stamp.usec, ==, debrief_test_usec (cases[i].utc));

      for (gsize cut = 0; cut < length; cut++)
        parse_exact (cases[i].line, cut, DEBRIEF_TS_NONE, &context_2026, &stamp);
    }

  for (guint i = 0; i < G_N_ELEMENTS (prose); i++)
    {
      DebriefLogStamp stamp;

      g_test_message ("%s", prose[i]);
      g_assert_false (parse_exact (prose[i], strlen (prose[i]), DEBRIEF_TS_NONE, &context_2026, &stamp));
    }
}

/* The word that holds the stamp is the one that changes from line to
 * line: a build date or a file name's date that stays the same is not the
 * lines' time.  And a host that is a plain word ("gateway") is skipped
 * once the layout says the stamp comes after it.
 */
static void
test_detect_layout (void)
{
  const char *build_date[] = {
    "2024-03-01T00:00:00Z fw-1.4.2 2026-03-14 02:11:07.001 INFO boot",
    "2024-03-01T00:00:00Z fw-1.4.2 2026-03-14 02:11:08.250 INFO wifi up",
    "2024-03-01T00:00:00Z fw-1.4.2 2026-03-14 02:11:09.500 WARN slow flash",
    "2024-03-01T00:00:00Z fw-1.4.2 2026-03-14 02:11:11.000 INFO ready",
    NULL
  };
  const char *hosts[] = {
    "gateway 2026-03-14T02:11:07.001Z pumpd[7]: start",
    "router 2026-03-14T02:11:08.001Z pumpd[7]: run",
    "gateway 2026-03-14T02:11:09.001Z pumpd[7]: stop",
    NULL
  };
  const char *bluegene[] = {
    "- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL INFO a",
    "APPREAD 1117838571 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.51.100000 R02-M1-N0-C:J12-U11 RAS APP FATAL b",
    "- 1117838575 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.55.000001 R02-M1-N0-C:J12-U11 RAS KERNEL INFO c",
    NULL
  };
  DebriefTimestampLayout layout;
  DebriefLogStamp stamp;
  const char *line;

  layout = debrief_timestamp_detect_layout (build_date, NULL, g_strv_length ((char **) build_date), &context_2026);
  g_assert_cmpint (layout.format, ==, DEBRIEF_TS_ISO8601);
  g_assert_cmpuint (layout.field, ==, 2);
  g_assert_true (debrief_timestamp_parse_line_layout (build_date[1], strlen (build_date[1]), &layout, &context_2026, &stamp));
  g_assert_cmpint (stamp.usec, ==, debrief_test_usec ("2026-03-14T02:11:08.250Z"));

  layout = debrief_timestamp_detect_layout (hosts, NULL, g_strv_length ((char **) hosts), &context_2026);
  g_assert_cmpint (layout.format, ==, DEBRIEF_TS_ISO8601);
  g_assert_cmpuint (layout.field, ==, 1);
  g_assert_true (debrief_timestamp_parse_line_layout (hosts[2], strlen (hosts[2]), &layout, &context_2026, &stamp));
  g_assert_cmpint (stamp.usec, ==, debrief_test_usec ("2026-03-14T02:11:09.001Z"));
  g_assert_cmpuint (stamp.stamp_offset, ==, 8);

  /* The first of two changing stamps: the epoch, which has no zone to guess. */
  layout = debrief_timestamp_detect_layout (bluegene, NULL, g_strv_length ((char **) bluegene), &context_2026);
  g_assert_cmpint (layout.format, ==, DEBRIEF_TS_EPOCH_S);
  g_assert_cmpuint (layout.field, ==, 1);

  /* A line that does not follow the layout is still read where it can be. */
  line = "2026-03-14T02:11:12Z pumpd[7]: restarted";
  g_assert_true (debrief_timestamp_parse_line_layout (line, strlen (line), &layout, &context_2026, &stamp));
  g_assert_cmpint (stamp.format, ==, DEBRIEF_TS_ISO8601);
}

static void
test_describe_assumed_year (void)
{
  g_autofree char *incident = debrief_timestamp_describe_assumed_year (2026, DEBRIEF_YEAR_SOURCE_INCIDENT);
  g_autofree char *file = debrief_timestamp_describe_assumed_year (2025, DEBRIEF_YEAR_SOURCE_FILE_DATE);

  g_assert_cmpstr (incident, ==, "Year not in the log; assumed 2026 from the incident's time window");
  g_assert_cmpstr (file, ==, "Year not in the log; assumed 2025 from the file's modification date");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debrief/timestamp/families", test_families);
  g_test_add_func ("/debrief/timestamp/espidf-system-time", test_espidf_system_time);
  g_test_add_func ("/debrief/timestamp/syslog-variants", test_syslog_variants);
  g_test_add_func ("/debrief/timestamp/syslog-priority", test_syslog_priority);
  g_test_add_func ("/debrief/timestamp/epoch-units", test_epoch_units);
  g_test_add_func ("/debrief/timestamp/year-last-dates", test_year_last_dates);
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
  g_test_add_func ("/debrief/timestamp/format-table", test_format_table);
  g_test_add_func ("/debrief/timestamp/real-world-stamps", test_real_world_stamps);
  g_test_add_func ("/debrief/timestamp/detect-layout", test_detect_layout);
  g_test_add_func ("/debrief/timestamp/describe-assumed-year", test_describe_assumed_year);

  return g_test_run ();
}
