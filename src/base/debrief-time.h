/* debrief-time.h
 *
 * Calendar arithmetic and microsecond times, shared by every layer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean   debrief_is_leap_year            (int        year);
/* Days in @month (1-12) of @year. */
guint      debrief_days_in_month           (int        year,
                                            guint      month);
/* Days since 1970-01-01 in the proleptic Gregorian calendar, and back:
 * year, month (1-12) and day of such a day count. */
gint64     debrief_days_from_civil         (int        year,
                                            guint      month,
                                            guint      day);
void       debrief_civil_from_days         (gint64     days,
                                            int       *year,
                                            guint     *month,
                                            guint     *day);
/* Microseconds since 1970 UTC and back. The first is NULL for G_MININT64
 * (no time) and for times GDateTime cannot hold. */
GDateTime *debrief_date_time_new_from_usec (gint64     usec);
gint64     debrief_date_time_to_usec       (GDateTime *datetime);

/* How a time is shown: one style for each place a time appears, so that a
 * time reads the same in every view. */
typedef enum
{
  DEBRIEF_TIME_STYLE_TIME,             /* 02:11:07 */
  DEBRIEF_TIME_STYLE_DATE_TIME,        /* 2026-03-14 02:11:07 */
  DEBRIEF_TIME_STYLE_DATE_TIME_MSEC,   /* 2026-03-14 02:11:07.123 */
  DEBRIEF_TIME_STYLE_DATE_MINUTES,     /* 2026-03-14 02:11 */
} DebriefTimeStyle;

GDateTime *debrief_date_time_new_in_zone   (gint64            usec,
                                            GTimeZone        *zone);
char      *debrief_time_format             (gint64            usec,
                                            GTimeZone        *zone,
                                            DebriefTimeStyle  style);
gsize      debrief_time_format_to_buffer   (char             *buffer,
                                            gsize             size,
                                            gint64            usec,
                                            GTimeZone        *zone,
                                            DebriefTimeStyle  style);
char      *debrief_time_format_with_zone   (gint64            usec,
                                            GTimeZone        *zone,
                                            DebriefTimeStyle  style);
char      *debrief_time_format_range       (gint64            first,
                                            gint64            last,
                                            GTimeZone        *zone);

G_END_DECLS
