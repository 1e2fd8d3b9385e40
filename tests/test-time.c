/* test-time.c
 *
 * Calendar arithmetic and how a time is shown, the one rule every view
 * uses: zones with summer time, times before 1970, no time at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "debrief-time.h"
#include "debrief-test-util.h"

static void
test_civil_round_trip (void)
{
  /* Every day from 1600 to 2400 and back, against GLib's calendar. */
  for (gint64 days = -135140; days < 157000; days += 13)
    {
      g_autoptr(GDateTime) glib = g_date_time_new_from_unix_utc (days * 86400);
      int year;
      guint month;
      guint day;

      debrief_civil_from_days (days, &year, &month, &day);
      g_assert_cmpint (year, ==, g_date_time_get_year (glib));
      g_assert_cmpuint (month, ==, (guint) g_date_time_get_month (glib));
      g_assert_cmpuint (day, ==, (guint) g_date_time_get_day_of_month (glib));
      g_assert_cmpint (debrief_days_from_civil (year, month, day), ==, days);
    }

  g_assert_cmpuint (debrief_days_in_month (2024, 2), ==, 29);
  g_assert_cmpuint (debrief_days_in_month (2100, 2), ==, 28);
  g_assert_cmpuint (debrief_days_in_month (2000, 2), ==, 29);
  g_assert_cmpuint (debrief_days_in_month (2026, 4), ==, 30);
}

static void
test_format_styles (void)
{
  gint64 t = debrief_test_utc (2026, 3, 14, 2, 11, 7, 123456);
  g_autofree char *time = debrief_time_format (t, NULL, DEBRIEF_TIME_STYLE_TIME);
  g_autofree char *date_time = debrief_time_format (t, NULL, DEBRIEF_TIME_STYLE_DATE_TIME);
  g_autofree char *msec = debrief_time_format (t, NULL, DEBRIEF_TIME_STYLE_DATE_TIME_MSEC);
  g_autofree char *minutes = debrief_time_format (t, NULL, DEBRIEF_TIME_STYLE_DATE_MINUTES);
  g_autofree char *none = debrief_time_format (G_MININT64, NULL, DEBRIEF_TIME_STYLE_DATE_TIME);

  g_assert_cmpstr (time, ==, "02:11:07");
  g_assert_cmpstr (date_time, ==, "2026-03-14 02:11:07");
  g_assert_cmpstr (msec, ==, "2026-03-14 02:11:07.123");
  g_assert_cmpstr (minutes, ==, "2026-03-14 02:11");
  g_assert_cmpstr (none, ==, "");
}

/* Berlin changes to summer time at 01:00 UTC on 2026-03-29: the same
 * formatter must agree with GLib on both sides, and the fast buffer
 * version with the allocating one. */
static void
test_format_zone_summer_time (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  gint64 before = debrief_test_utc (2026, 3, 29, 0, 59, 59, 999000);
  gint64 after = debrief_test_utc (2026, 3, 29, 1, 0, 0, 0);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  char buffer[64];

  if (berlin == NULL)
    {
      g_test_skip ("No time zone data for Europe/Berlin");
      return;
    }

  a = debrief_time_format (before, berlin, DEBRIEF_TIME_STYLE_DATE_TIME_MSEC);
  b = debrief_time_format (after, berlin, DEBRIEF_TIME_STYLE_DATE_TIME_MSEC);
  g_assert_cmpstr (a, ==, "2026-03-29 01:59:59.999");
  g_assert_cmpstr (b, ==, "2026-03-29 03:00:00.000");

  debrief_time_format_to_buffer (buffer, sizeof buffer, after, berlin, DEBRIEF_TIME_STYLE_TIME);
  g_assert_cmpstr (buffer, ==, "03:00:00");

  for (gint64 t = before - 3 * G_TIME_SPAN_HOUR; t < after + 3 * G_TIME_SPAN_HOUR; t += 7 * G_TIME_SPAN_MINUTE + 13)
    {
      g_autoptr(GDateTime) dt = debrief_date_time_new_in_zone (t, berlin);
      g_autofree char *expected = g_date_time_format (dt, "%Y-%m-%d %H:%M:%S");
      g_autofree char *shown = debrief_time_format (t, berlin, DEBRIEF_TIME_STYLE_DATE_TIME);

      g_assert_cmpstr (shown, ==, expected);
      g_assert_cmpint (g_date_time_get_microsecond (dt), ==, t % G_USEC_PER_SEC);
    }
}

/* A time for people elsewhere names its zone: the zone's abbreviation,
 * or its offset when it has none. */
static void
test_format_with_zone (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GTimeZone) kolkata = g_time_zone_new_identifier ("Asia/Kolkata");
  g_autoptr(GTimeZone) fixed = g_time_zone_new_identifier ("+05:30");
  gint64 winter = debrief_test_utc (2026, 12, 4, 2, 39, 0, 0);
  gint64 summer = debrief_test_utc (2026, 7, 1, 12, 0, 0, 0);
  g_autofree char *utc = debrief_time_format_with_zone (winter, NULL, DEBRIEF_TIME_STYLE_DATE_MINUTES);
  g_autofree char *offset = debrief_time_format_with_zone (winter, fixed, DEBRIEF_TIME_STYLE_DATE_MINUTES);
  g_autofree char *none = debrief_time_format_with_zone (G_MININT64, NULL, DEBRIEF_TIME_STYLE_DATE_MINUTES);

  g_assert_cmpstr (utc, ==, "2026-12-04 02:39 UTC");
  g_assert_cmpstr (offset, ==, "2026-12-04 08:09 UTC+05:30");
  g_assert_cmpstr (none, ==, "");

  if (berlin != NULL && kolkata != NULL)
    {
      g_autofree char *cet = debrief_time_format_with_zone (winter, berlin, DEBRIEF_TIME_STYLE_DATE_MINUTES);
      g_autofree char *cest = debrief_time_format_with_zone (summer, berlin, DEBRIEF_TIME_STYLE_DATE_MINUTES);
      g_autofree char *ist = debrief_time_format_with_zone (winter, kolkata, DEBRIEF_TIME_STYLE_DATE_MINUTES);

      g_assert_cmpstr (cet, ==, "2026-12-04 03:39 CET");
      g_assert_cmpstr (cest, ==, "2026-07-01 14:00 CEST");
      g_assert_cmpstr (ist, ==, "2026-12-04 08:09 IST");
    }
}

/* Before 1970 the microseconds count down: the fraction must not. */
static void
test_format_before_epoch (void)
{
  gint64 t = debrief_test_utc (1969, 12, 31, 23, 59, 58, 250000);
  g_autofree char *shown = debrief_time_format (t, NULL, DEBRIEF_TIME_STYLE_DATE_TIME_MSEC);
  g_autoptr(GDateTime) dt = debrief_date_time_new_in_zone (t, NULL);

  g_assert_cmpint (t, <, 0);
  g_assert_cmpstr (shown, ==, "1969-12-31 23:59:58.250");
  g_assert_nonnull (dt);
  g_assert_cmpint (g_date_time_get_microsecond (dt), ==, 250000);
  g_assert_cmpint (debrief_date_time_to_usec (dt), ==, t);
  g_assert_null (debrief_date_time_new_in_zone (G_MININT64, NULL));
}

static void
test_format_range (void)
{
  gint64 a = debrief_test_utc (2026, 3, 14, 2, 11, 7, 0);
  gint64 b = debrief_test_utc (2026, 3, 14, 2, 45, 0, 0);
  gint64 c = debrief_test_utc (2026, 3, 15, 9, 0, 0, 0);
  g_autofree char *same_day = debrief_time_format_range (a, b, NULL);
  g_autofree char *two_days = debrief_time_format_range (a, c, NULL);

  g_assert_cmpstr (same_day, ==, "02:11:07 – 02:45:00");
  g_assert_cmpstr (two_days, ==, "2026-03-14 02:11 – 2026-03-15 09:00");
  g_assert_null (debrief_time_format_range (G_MININT64, c, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debrief/time/civil-round-trip", test_civil_round_trip);
  g_test_add_func ("/debrief/time/format-styles", test_format_styles);
  g_test_add_func ("/debrief/time/format-zone-summer-time", test_format_zone_summer_time);
  g_test_add_func ("/debrief/time/format-with-zone", test_format_with_zone);
  g_test_add_func ("/debrief/time/format-before-epoch", test_format_before_epoch);
  g_test_add_func ("/debrief/time/format-range", test_format_range);

  return g_test_run ();
}
