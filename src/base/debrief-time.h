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

G_END_DECLS
