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

