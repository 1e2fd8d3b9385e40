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
  DEBRIEF_TIME_STYLE_TIME_MSEC,        /* 02:11:07.123 */
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

/* The one rule for a clock that counts from boot and is not aligned yet:
 * such a time is shown as time since boot, "+00:00:01.250" (+HH:MM:SS.mmm,
 * hours growing past 24), never as a date the device did not record. */
gsize      debrief_time_format_since_boot_to_buffer (char   *buffer,
                                                     gsize   size,
                                                     gint64  usec);
char      *debrief_time_format_since_boot           (gint64  usec);
/* "+00:00:00.043 – +27:45:10.000"; NULL when either end has no time. */
char      *debrief_time_format_since_boot_range     (gint64  first,
                                                     gint64  last);
/* Whether the times of a clock are on the incident's clock: a wall clock
 * always is; a clock that counts from boot only once it is anchored to a
 * real time, that is once @offset_ms (its boot time, ms since 1970 UTC)
 * is a real date and not a small shift of the epoch. */
gboolean   debrief_time_clock_is_aligned            (gboolean since_boot,
                                                     gint64   offset_ms);

/* The name of @zone at @usec for a column header: its abbreviation when
 * it has a name ("CET", "UTC"), else its offset ("UTC+05:30"). */
char      *debrief_time_zone_get_label              (GTimeZone *zone,
                                                     gint64     usec);

G_END_DECLS

G_BEGIN_DECLS

/* Dates and times typed by people. */
#define DEBRIEF_TIME_ERROR (debrief_time_error_quark ())

typedef enum
{
  DEBRIEF_TIME_ERROR_FORMAT,   /* not written as a date and time */
  DEBRIEF_TIME_ERROR_INVALID,  /* a day or time of day that does not exist */
} DebriefTimeError;

GQuark     debrief_time_error_quark        (void);
GDateTime *debrief_time_parse_user         (const char  *text,
                                            GTimeZone   *zone,
                                            GError     **error);
GDateTime *debrief_time_parse_user_with_date_format (const char  *text,
                                                     const char  *date_format,
                                                     GTimeZone   *zone,
                                                     GError     **error);
char      *debrief_time_dup_user_example   (const char  *date_format);

G_END_DECLS
