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

/* Where the line's own timestamp starts and where its message starts
 * (after the stamp and a level word), in bytes of the text; set by the
 * model before it hands the row out. Out of range or a message offset of
 * 0: the whole text is the message. */
void             debrief_log_row_set_stamp_span (DebriefLogRow  *self,
                                                 guint           stamp_offset,
                                                 guint           message_offset);
/* The text without the timestamp and level the view shows apart. */
const char      *debrief_log_row_get_message   (DebriefLogRow   *self);
/* The timestamp as written in the file ("2026-03-14T02:11:07.027Z",
 * "[    0.068317]"), or NULL when the line has none of its own. */
char            *debrief_log_row_dup_written_time (DebriefLogRow *self);
/* TRUE when the time counts from boot, on a clock not aligned to the
 * incident's: then usec is microseconds since boot, not since 1970. */
gboolean         debrief_log_row_get_since_boot (DebriefLogRow  *self);
void             debrief_log_row_set_since_boot (DebriefLogRow  *self,
                                                 gboolean        since_boot);

G_END_DECLS
