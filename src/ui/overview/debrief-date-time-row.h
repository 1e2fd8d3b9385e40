/* debrief-date-time-row.h
 *
 * A row that shows a date and time, and sets it typed or with a calendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DEBRIEF_TYPE_DATE_TIME_ROW (debrief_date_time_row_get_type ())

G_DECLARE_FINAL_TYPE (DebriefDateTimeRow, debrief_date_time_row, DEBRIEF, DATE_TIME_ROW, AdwActionRow)


GDateTime  *debrief_date_time_row_get_datetime  (DebriefDateTimeRow *self);
void        debrief_date_time_row_set_datetime  (DebriefDateTimeRow *self,
                                                 GDateTime          *datetime);
/* Returns (transfer full, nullable) where an empty row's picker opens. */
typedef GDateTime *(*DebriefDateTimeRowSuggestFunc) (DebriefDateTimeRow *row,
                                                     gpointer            user_data);

void        debrief_date_time_row_set_suggest_func (DebriefDateTimeRow            *self,
                                                    DebriefDateTimeRowSuggestFunc  func,
                                                    gpointer                       user_data,
                                                    GDestroyNotify                 destroy);
const char *debrief_date_time_row_get_time_zone (DebriefDateTimeRow *self);
void        debrief_date_time_row_set_time_zone (DebriefDateTimeRow *self,
                                                 const char         *time_zone);

G_END_DECLS
