/* debrief-time.c
 *
 * Calendar arithmetic and microsecond times, shared by every layer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-time"

#include "config.h"

#include "debrief-time.h"

gboolean
debrief_is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

guint
debrief_days_in_month (int   year,
                       guint month)
{
  static const guint8 days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  return month == 2 && debrief_is_leap_year (year) ? 29 : days[month - 1];
}

/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
gint64
debrief_days_from_civil (int   year,
                         guint month,
                         guint day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

GDateTime *
debrief_date_time_new_from_usec (gint64 usec)
{
  gint64 seconds = usec / G_USEC_PER_SEC;
  gint64 rest = usec % G_USEC_PER_SEC;
  g_autoptr(GDateTime) whole = NULL;

  if (usec == G_MININT64)
    return NULL;

  if (rest < 0)
    {
      rest += G_USEC_PER_SEC;
      seconds--;
    }

  if (!(whole = g_date_time_new_from_unix_utc (seconds)))
    return NULL;

  return g_date_time_add (whole, rest);
}

gint64
debrief_date_time_to_usec (GDateTime *datetime)
{
  g_return_val_if_fail (datetime != NULL, G_MININT64);

  return g_date_time_to_unix (datetime) * G_USEC_PER_SEC + g_date_time_get_microsecond (datetime);
}

/* The date of a day count since 1970-01-01, the inverse of the above;
 * the log view formats its times with it too. */
void
debrief_civil_from_days (gint64  days,
                         int    *year,
                         guint  *month,
                         guint  *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;

  *day = (guint) (doy - (153 * mp + 2) / 5 + 1);
  *month = (guint) (mp < 10 ? mp + 3 : mp - 9);
  *year = (int) (yoe + era * 400 + (mp >= 10));
}


/**
 * debrief_date_time_new_in_zone:
 * @usec: microseconds since 1970 UTC, or %G_MININT64 for no time
 * @zone: (nullable): where the time is shown; %NULL is UTC
 *
 * Returns: (transfer full) (nullable): the time in @zone to the
 *   microsecond, or %NULL when there is no time or GDateTime cannot hold it
 */
GDateTime *
debrief_date_time_new_in_zone (gint64     usec,
                               GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = debrief_date_time_new_from_usec (usec);

  if (utc == NULL)
    return NULL;

  if (zone == NULL)
    return g_steal_pointer (&utc);

  return g_date_time_to_timezone (utc, zone);
}

/**
 * debrief_time_format_to_buffer:
 * @buffer: where the text goes
 * @size: the size of @buffer
 * @usec: microseconds since 1970 UTC, or %G_MININT64 for no time
 * @zone: (nullable): where the time is shown; %NULL is UTC
 * @style: how much of the time to show
 *
 * Writes the time without a GDateTime or any allocation, for what runs for
 * each row that scrolls into view. No time writes an empty string.
 *
 * Returns: the length written, as g_snprintf() counts it
 */
gsize
debrief_time_format_to_buffer (char             *buffer,
                               gsize             size,
                               gint64            usec,
                               GTimeZone        *zone,
                               DebriefTimeStyle  style)
{
  gint64 secs = usec / G_USEC_PER_SEC;
  gint64 rest = usec % G_USEC_PER_SEC;
  gint64 local;
  gint64 days;
  gint64 second_of_day;
  int year;
  int interval;
  guint month;
  guint day;
  int hour;
  int minute;
  int second;

  g_return_val_if_fail (buffer != NULL || size == 0, 0);

  if (usec == G_MININT64)
    return g_snprintf (buffer, size, "%s", "");

  if (rest < 0)
    {
      rest += G_USEC_PER_SEC;
      secs--;
    }

  interval = zone ? g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, secs) : -1;
  local = secs + (interval >= 0 ? g_time_zone_get_offset (zone, interval) : 0);
  days = local / 86400;
  second_of_day = local % 86400;
  if (second_of_day < 0)
    {
      second_of_day += 86400;
      days--;
    }

  debrief_civil_from_days (days, &year, &month, &day);
  hour = (int) (second_of_day / 3600);
  minute = (int) (second_of_day / 60 % 60);
  second = (int) (second_of_day % 60);

  switch (style)
    {
    case DEBRIEF_TIME_STYLE_TIME:
      return g_snprintf (buffer, size, "%02d:%02d:%02d", hour, minute, second);
    case DEBRIEF_TIME_STYLE_DATE_TIME:
      return g_snprintf (buffer, size, "%04d-%02u-%02u %02d:%02d:%02d",
                         year, month, day, hour, minute, second);
    case DEBRIEF_TIME_STYLE_DATE_MINUTES:
      return g_snprintf (buffer, size, "%04d-%02u-%02u %02d:%02d",
                         year, month, day, hour, minute);
    case DEBRIEF_TIME_STYLE_DATE_TIME_MSEC:
    default:
      return g_snprintf (buffer, size, "%04d-%02u-%02u %02d:%02d:%02d.%03d",
                         year, month, day, hour, minute, second, (int) (rest / 1000));
    }
}

/**
 * debrief_time_format:
 * @usec: microseconds since 1970 UTC, or %G_MININT64 for no time
 * @zone: (nullable): where the time is shown; %NULL is UTC
 * @style: how much of the time to show
 *
 * Returns: (transfer full): the time as every view shows it, or an empty
 *   string when there is no time
 */
char *
debrief_time_format (gint64            usec,
                     GTimeZone        *zone,
                     DebriefTimeStyle  style)
{
  char buffer[64];

  debrief_time_format_to_buffer (buffer, sizeof buffer, usec, zone, style);

  return g_strdup (buffer);
}

/**
 * debrief_time_format_with_zone:
 * @usec: microseconds since 1970 UTC, or %G_MININT64 for no time
 * @zone: (nullable): where the time is shown; %NULL is UTC
 * @style: how much of the time to show
 *
 * The time as debrief_time_format() shows it, followed by the zone it is
 * in, for a time read by people who may be elsewhere: "2026-03-14 02:11
 * CET", or "2026-03-14 02:11 UTC+05:30" for a zone without a name.
 *
 * Returns: (transfer full): the time and its zone, or an empty string
 *   when there is no time
 */
char *
debrief_time_format_with_zone (gint64            usec,
                               GTimeZone        *zone,
                               DebriefTimeStyle  style)
{
  g_autoptr(GTimeZone) utc = zone ? NULL : g_time_zone_new_utc ();
  GTimeZone *shown_zone = zone ? zone : utc;
  g_autofree char *time = debrief_time_format (usec, shown_zone, style);
  const char *name;
  gint32 offset;
  int interval;

  if (*time == '\0')
    return g_steal_pointer (&time);

  interval = g_time_zone_find_interval (shown_zone, G_TIME_TYPE_UNIVERSAL, usec / G_USEC_PER_SEC);
  name = interval >= 0 ? g_time_zone_get_abbreviation (shown_zone, interval) : NULL;
  offset = interval >= 0 ? g_time_zone_get_offset (shown_zone, interval) : 0;

  /* Zones without an abbreviation of their own give their offset as one,
   * "+0530": said the way every view says an offset. */
  if (name != NULL && *name != '\0' && *name != '+' && *name != '-')
    return g_strdup_printf ("%s %s", time, name);

  if (offset == 0)
    return g_strdup_printf ("%s UTC", time);

  return g_strdup_printf ("%s UTC%c%02d:%02d", time, offset < 0 ? '-' : '+',
                          ABS (offset) / 3600, ABS (offset) / 60 % 60);
}

/**
 * debrief_time_format_range:
 * @first: the first time, microseconds since 1970 UTC
 * @last: the last time
 * @zone: (nullable): where the times are shown; %NULL is UTC
 *
 * "02:11:07 – 02:45:00", with dates when the two days differ.
 *
 * Returns: (transfer full) (nullable): the range, or %NULL when either end
 *   has no time
 */
char *
debrief_time_format_range (gint64     first,
                           gint64     last,
                           GTimeZone *zone)
{
  g_autoptr(GDateTime) a = debrief_date_time_new_in_zone (first, zone);
  g_autoptr(GDateTime) b = debrief_date_time_new_in_zone (last, zone);
  DebriefTimeStyle style;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (a == NULL || b == NULL)
    return NULL;

  style = g_date_time_get_year (a) == g_date_time_get_year (b) &&
          g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b)
          ? DEBRIEF_TIME_STYLE_TIME : DEBRIEF_TIME_STYLE_DATE_MINUTES;
  from = debrief_time_format (first, zone, style);
  to = debrief_time_format (last, zone, style);

  return g_strdup_printf ("%s – %s", from, to);
}
