/* test-time.c
 *
 * Calendar arithmetic and how a time is shown, the one rule every view
 * uses: zones with summer time, times before 1970, no time at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <locale.h>

#include "debrief-text.h"
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

static char *
parsed (const char *text,
        const char *date_format,
        GTimeZone  *zone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = debrief_time_parse_user_with_date_format (text, date_format, zone, &error);

  if (time == NULL)
    {
      g_assert_error (error, DEBRIEF_TIME_ERROR, DEBRIEF_TIME_ERROR_FORMAT);
      return NULL;
    }
  g_assert_no_error (error);

  return g_date_time_format (time, "%Y-%m-%d %H:%M:%S.%f %:z");
}

/* Issue 10: a date and time can be typed, in ISO 8601 or as the locale
 * writes dates, in the zone of the field unless it says its own. */
static void
test_parse_user_iso_and_locale (void)
{
  g_autoptr(GTimeZone) plus_one = g_time_zone_new_offset (3600);
  static const struct { const char *text; const char *format; const char *expected; } cases[] = {
    { "2026-03-14 09:30", NULL, "2026-03-14 09:30:00.000000 +01:00" },
    { "  2026-03-14   09:30  ", NULL, "2026-03-14 09:30:00.000000 +01:00" },
    { "2026-03-14T09:30:00+01:00", NULL, "2026-03-14 09:30:00.000000 +01:00" },
    { "2026-03-14T09:30:00-05:00", NULL, "2026-03-14 09:30:00.000000 -05:00" },
    { "2026-03-14T02:12:31Z", NULL, "2026-03-14 02:12:31.000000 +00:00" },
    { "2026-03-14 09:30 UTC", NULL, "2026-03-14 09:30:00.000000 +00:00" },
    { "2026-07-14 09:30 +0200", NULL, "2026-07-14 09:30:00.000000 +02:00" },
    { "2026-03-14 02:12:31.250", NULL, "2026-03-14 02:12:31.250000 +01:00" },
    { "2026-03-14 9:05", NULL, "2026-03-14 09:05:00.000000 +01:00" },
    { "2026-03-14", NULL, "2026-03-14 00:00:00.000000 +01:00" },
    { "2026-3-4 23:59:59", NULL, "2026-03-04 23:59:59.000000 +01:00" },
    /* The locale's way, whatever it is: day first... */
    { "14/03/2026 09:30", "%d/%m/%Y", "2026-03-14 09:30:00.000000 +01:00" },
    { "14.3.2026 9:30", "%d.%m.%Y", "2026-03-14 09:30:00.000000 +01:00" },
    { "14. 3. 2026 09:30", "%d. %m. %Y", "2026-03-14 09:30:00.000000 +01:00" },
    /* ...month first, with a two-digit year (C's D_FMT)... */
    { "03/14/26 09:30", "%m/%d/%y", "2026-03-14 09:30:00.000000 +01:00" },
    { "03/14/26 09:30", "%D", "2026-03-14 09:30:00.000000 +01:00" },
    /* ...and ISO 8601 in every locale. */
    { "2026-03-14 09:30", "%d/%m/%Y", "2026-03-14 09:30:00.000000 +01:00" },
    { "2026/03/14 09:30", "%m/%d/%y", "2026-03-14 09:30:00.000000 +01:00" },
  };
  static const char *wrong[] = {
    "", "   ", "tomorrow", "09:30", "2026-03-14 9", "2026-03-14 09:30 Berlin",
    "14/03 09:30", "14/03/2026/1 09:30", "2026-03-14 09:30:00.", "12345-03-14",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = parsed (cases[i].text, cases[i].format, plus_one);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (shown, ==, cases[i].expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autofree char *shown = parsed (wrong[i], "%d/%m/%Y", plus_one);

      g_test_message ("%s", wrong[i]);
      g_assert_null (shown);
    }

  /* The day order of the locale decides: the same text, two days. */
  {
    g_autofree char *dmy = parsed ("01/02/2026 10:00", "%d/%m/%Y", plus_one);
    g_autofree char *mdy = parsed ("01/02/2026 10:00", "%m/%d/%Y", plus_one);

    g_assert_cmpstr (dmy, ==, "2026-02-01 10:00:00.000000 +01:00");
    g_assert_cmpstr (mdy, ==, "2026-01-02 10:00:00.000000 +01:00");
  }

  /* A zone's name after the time. */
  {
    g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
    g_autofree char *summer = NULL;

    if (berlin != NULL)
      {
        summer = parsed ("2026-07-14 09:30 Europe/Berlin", NULL, plus_one);
        g_assert_cmpstr (summer, ==, "2026-07-14 09:30:00.000000 +02:00");
      }
  }

  /* No zone is UTC; the locale's own format is read too. */
  {
    g_autoptr(GDateTime) utc = debrief_time_parse_user ("2026-03-14 09:30", NULL, NULL);

    g_assert_nonnull (utc);
    g_assert_cmpint (g_date_time_get_utc_offset (utc), ==, 0);
    g_assert_cmpint (g_date_time_get_hour (utc), ==, 9);
  }
}

/* A mistake gets a sentence that shows how to write it, in the locale's
 * way too; a day or time that does not exist says so. */
static void
test_parse_user_explains_mistakes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) none = NULL;

  none = debrief_time_parse_user_with_date_format ("14-03-2026 9h30", "%d/%m/%Y", NULL, &error);
  g_assert_null (none);
  g_assert_error (error, DEBRIEF_TIME_ERROR, DEBRIEF_TIME_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "2026-03-14 09:30"));
  g_assert_nonnull (strstr (error->message, "14/03/2026 09:30"));
  g_clear_error (&error);

  none = debrief_time_parse_user_with_date_format ("2026-02-30 10:00", "%d/%m/%Y", NULL, &error);
  g_assert_null (none);
  g_assert_error (error, DEBRIEF_TIME_ERROR, DEBRIEF_TIME_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);

  none = debrief_time_parse_user_with_date_format ("31/04/2026 10:00", "%d/%m/%Y", NULL, &error);
  g_assert_error (error, DEBRIEF_TIME_ERROR, DEBRIEF_TIME_ERROR_INVALID);
  g_clear_error (&error);

  none = debrief_time_parse_user_with_date_format ("2026-03-14 24:10", NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, DEBRIEF_TIME_ERROR, DEBRIEF_TIME_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "24:10"));
  g_clear_error (&error);

  /* ISO 8601 alone when the locale writes dates so too. */
  {
    g_autofree char *iso = debrief_time_dup_user_example ("%Y-%m-%d");
    g_autofree char *dmy = debrief_time_dup_user_example ("%d/%m/%Y");

    g_assert_cmpstr (iso, ==, "2026-03-14 09:30");
    g_assert_cmpstr (dmy, ==, "2026-03-14 09:30 or 14/03/2026 09:30");
  }
}

/* Time since boot reads as such, hours past a day and all: never as a
 * date in 1970 that the device did not record. */
static void
test_since_boot_is_not_a_date (void)
{
  g_autofree char *zero = debrief_time_format_since_boot (0);
  g_autofree char *second = debrief_time_format_since_boot (1250 * 1000);
  g_autofree char *days = debrief_time_format_since_boot ((gint64) (49 * 3600 + 5 * 60 + 7) * G_USEC_PER_SEC + 4000);
  g_autofree char *before = debrief_time_format_since_boot (-2 * G_USEC_PER_SEC);
  g_autofree char *none = debrief_time_format_since_boot (G_MININT64);
  g_autofree char *range = debrief_time_format_since_boot_range (1250 * 1000, (gint64) 26 * 3600 * G_USEC_PER_SEC);
  char buffer[8];

  g_assert_cmpstr (zero, ==, "+00:00:00.000");
  g_assert_cmpstr (second, ==, "+00:00:01.250");
  g_assert_cmpstr (days, ==, "+49:05:07.004");
  g_assert_cmpstr (before, ==, "\342\210\222" "00:00:02.000");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (range, ==, "+00:00:01.250 – +26:00:00.000");
  g_assert_null (debrief_time_format_since_boot_range (G_MININT64, 0));

  /* Cut to the buffer, and still a string. */
  debrief_time_format_since_boot_to_buffer (buffer, sizeof buffer, 1250 * 1000);
  g_assert_cmpstr (buffer, ==, "+00:00:");
}

/* A clock that counts from boot is on the incident's clock only once its
 * boot time is a real date, not after a shift of a few seconds. */
static void
test_clock_aligned_only_by_a_boot_time (void)
{
  gint64 boot_2026 = G_GINT64_CONSTANT (1773454267000);

  g_assert_true (debrief_time_clock_is_aligned (FALSE, 0));
  g_assert_true (debrief_time_clock_is_aligned (FALSE, -2000));
  g_assert_false (debrief_time_clock_is_aligned (TRUE, 0));
  g_assert_false (debrief_time_clock_is_aligned (TRUE, -2000));
  g_assert_false (debrief_time_clock_is_aligned (TRUE, 3600 * 1000));
  g_assert_true (debrief_time_clock_is_aligned (TRUE, boot_2026));
}

static void
test_zone_label (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GTimeZone) kolkata = g_time_zone_new_identifier ("Asia/Kolkata");
  g_autoptr(GTimeZone) offset = g_time_zone_new_identifier ("+05:30");
  g_autoptr(GTimeZone) sao_paulo = g_time_zone_new_identifier ("America/Sao_Paulo");
  gint64 winter = G_GINT64_CONSTANT (1773454267) * G_USEC_PER_SEC;  /* 2026-03-14 */
  gint64 summer = G_GINT64_CONSTANT (1784000000) * G_USEC_PER_SEC;  /* 2026-07-14 */
  g_autofree char *a = debrief_time_zone_get_label (NULL, winter);
  g_autofree char *b = debrief_time_zone_get_label (utc, winter);
  g_autofree char *c = debrief_time_zone_get_label (berlin, winter);
  g_autofree char *d = debrief_time_zone_get_label (berlin, summer);
  g_autofree char *e = debrief_time_zone_get_label (kolkata, winter);
  g_autofree char *f = debrief_time_zone_get_label (offset, winter);
  g_autofree char *g = debrief_time_zone_get_label (sao_paulo, winter);

  g_assert_cmpstr (a, ==, "UTC");
  g_assert_cmpstr (b, ==, "UTC");
  g_assert_cmpstr (c, ==, "CET");
  g_assert_cmpstr (d, ==, "CEST");
  g_assert_cmpstr (e, ==, "IST");
  g_assert_cmpstr (f, ==, "UTC+05:30");
  g_assert_cmpstr (g, ==, "UTC-03:00");
}

/* Counts are grouped as the locale groups digits: by threes with a comma
 * in English, by a lakh and then twos in India, not at all in C. */
static void
test_counts_are_grouped (void)
{
  g_autofree char *english = debrief_text_group_digits (466006, ",", "\3");
  g_autofree char *million = debrief_text_group_digits (1234567, ",", "\3");
  g_autofree char *small = debrief_text_group_digits (999, ",", "\3");
  g_autofree char *indian = debrief_text_group_digits (12345678, ",", "\3\2");
  g_autofree char *thin = debrief_text_group_digits (466006, "\342\200\257", "\3");
  g_autofree char *ungrouped = debrief_text_group_digits (466006, "", "");
  g_autofree char *once = debrief_text_group_digits (1234567, ".", "\3\177");
  g_autofree char *largest = debrief_text_group_digits (G_MAXUINT64, ",", "\3");
  g_autofree char *c_locale = NULL;
  g_autofree char *en_locale = NULL;
  const char *saved = setlocale (LC_NUMERIC, NULL);
  g_autofree char *restore = g_strdup (saved);

  g_assert_cmpstr (english, ==, "466,006");
  g_assert_cmpstr (million, ==, "1,234,567");
  g_assert_cmpstr (small, ==, "999");
  g_assert_cmpstr (indian, ==, "1,23,45,678");
  g_assert_cmpstr (thin, ==, "466\342\200\257" "006");
  g_assert_cmpstr (ungrouped, ==, "466006");
  g_assert_cmpstr (once, ==, "1234.567");
  g_assert_cmpstr (largest, ==, "18,446,744,073,709,551,615");

  /* The locale's own grouping: none in C; English's when it is there. */
  setlocale (LC_NUMERIC, "C");
  c_locale = debrief_text_format_count (466006);
  g_assert_cmpstr (c_locale, ==, "466006");
  if (setlocale (LC_NUMERIC, "en_US.UTF-8") != NULL)
    {
      en_locale = debrief_text_format_count (466006);
      g_assert_cmpstr (en_locale, ==, "466,006");
    }
  setlocale (LC_NUMERIC, restore);
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
  g_test_add_func ("/debrief/time/parse-user-iso-and-locale", test_parse_user_iso_and_locale);
  g_test_add_func ("/debrief/time/parse-user-explains-mistakes", test_parse_user_explains_mistakes);
  g_test_add_func ("/debrief/time/since-boot-is-not-a-date", test_since_boot_is_not_a_date);
  g_test_add_func ("/debrief/time/clock-aligned-only-by-a-boot-time", test_clock_aligned_only_by_a_boot_time);
  g_test_add_func ("/debrief/time/zone-label", test_zone_label);
  g_test_add_func ("/debrief/time/counts-are-grouped", test_counts_are_grouped);

  return g_test_run ();
}
