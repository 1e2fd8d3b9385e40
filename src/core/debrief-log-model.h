/* debrief-log-model.h
 *
 * The lines of one log evidence item as a GListModel of DebriefLogRow,
 * read from the stored line index one chunk at a time: a 1 GB log is never
 * in memory, and a row object exists only while something holds it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "debrief-document.h"
#include "debrief-evidence.h"
#include "debrief-log-row.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_LOG_MODEL (debrief_log_model_get_type ())

G_DECLARE_FINAL_TYPE (DebriefLogModel, debrief_log_model, DEBRIEF, LOG_MODEL, GObject)

DebriefLogModel *debrief_log_model_new          (DebriefDocument  *document,
                                                 DebriefEvidence  *evidence,
                                                 GError          **error);
DebriefEvidence *debrief_log_model_get_evidence (DebriefLogModel  *self);
/* All lines of the item, whatever the filter. */
guint64          debrief_log_model_get_n_lines  (DebriefLogModel  *self);
/* Shows only lines at @min_level or above (NONE: every line, also lines
 * without a level) that contain @text (case-insensitive; NULL or "": any).
 * Runs in a thread; the model changes, and "filter-done" is emitted, when
 * it is done.  A new filter cancels a running one. */
void             debrief_log_model_set_filter   (DebriefLogModel  *self,
                                                 DebriefLogLevel   min_level,
                                                 const char       *text);
gboolean         debrief_log_model_get_filtering (DebriefLogModel *self);
/* FALSE while the item's clock counts from boot and is not aligned: the
 * rows' times are then time since boot (debrief_time_clock_is_aligned()). */
gboolean         debrief_log_model_get_on_incident_clock (DebriefLogModel *self);
/* Position (in the model as filtered) of @line, or of the first shown line
 * after it; G_MAXUINT when there is none. */
guint            debrief_log_model_find_line    (DebriefLogModel  *self,
                                                 guint64           line);
/* Position of the first shown line at or after the aligned time @usec
 * (time since boot while the clock is not on the incident's);
 * G_MAXUINT when every line is earlier. */
guint            debrief_log_model_find_time    (DebriefLogModel  *self,
                                                 gint64            usec);

G_END_DECLS
