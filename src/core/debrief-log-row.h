/* debrief-log-row.h
 *
 * One line of a log evidence item, as a log model hands it out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "debrief-enums.h"

G_BEGIN_DECLS

/* The longest part of a line a row holds; the rest is cut (with "…"). */
#define DEBRIEF_LOG_ROW_MAX_TEXT (16 * 1024)

#define DEBRIEF_TYPE_LOG_ROW (debrief_log_row_get_type ())

G_DECLARE_FINAL_TYPE (DebriefLogRow, debrief_log_row, DEBRIEF, LOG_ROW, GObject)

DebriefLogRow   *debrief_log_row_new           (guint64          line,
                                                gint64           usec,
                                                DebriefLogLevel  level,
                                                gboolean         has_stamp,
                                                const char      *text);
/* 0-based line number in the evidence item (not the position in a filtered model). */
guint64          debrief_log_row_get_line      (DebriefLogRow   *self);
/* Aligned time (clock offset applied), microseconds since 1970 UTC;
 * G_MININT64 when neither the line nor its record has a time. */
gint64           debrief_log_row_get_usec      (DebriefLogRow   *self);
DebriefLogLevel  debrief_log_row_get_level     (DebriefLogRow   *self);
/* TRUE when the line has its own timestamp, FALSE when it carries its record's. */
gboolean         debrief_log_row_get_has_stamp (DebriefLogRow   *self);
/* Valid UTF-8 (invalid bytes as U+FFFD, NUL as U+2400), no line ending. */
const char      *debrief_log_row_get_text      (DebriefLogRow   *self);

G_END_DECLS
