/* debrief-log-view.h
 *
 * The lines of a log as a fast, virtualized list with level and text
 * filter controls, jump to time, and a selection to cite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-log-model.h"
#include "debrief-evidence-viewer.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_LOG_VIEW (debrief_log_view_get_type ())

G_DECLARE_FINAL_TYPE (DebriefLogView, debrief_log_view, DEBRIEF, LOG_VIEW, GtkWidget)

/* Signals:
 *   "filter-changed" (int min_level, const char *text): the user chose a
 *     level (a DebriefLogLevel, NONE for all) or typed a text ("" for any);
 *     whoever owns the model filters it.
 *   "jump-to-time" (gint64 usec): the user asked for the lines at an
 *     aligned time, microseconds since 1970 UTC.
 *   "selection-changed" (), of DebriefEvidenceViewer: the selected rows
 *     changed.
 *   "row-activated" (guint position): Enter or a double click on a row.
 *
 * The rows are a GListModel of DebriefLogRow. */

/* The most rows debrief_log_view_dup_selected_rows() returns. */
#define DEBRIEF_LOG_VIEW_MAX_SELECTED_ROWS 1000

GtkWidget       *debrief_log_view_new                (void);
GListModel      *debrief_log_view_get_model          (DebriefLogView  *self);
void             debrief_log_view_set_model          (DebriefLogView  *self,
                                                      GListModel      *rows);
GTimeZone       *debrief_log_view_get_time_zone      (DebriefLogView  *self);
void             debrief_log_view_set_time_zone      (DebriefLogView  *self,
                                                      GTimeZone       *zone);
const char      *debrief_log_view_get_highlight      (DebriefLogView  *self);
void             debrief_log_view_set_highlight      (DebriefLogView  *self,
                                                      const char      *text);
DebriefLogLevel  debrief_log_view_get_min_level      (DebriefLogView  *self);
const char      *debrief_log_view_get_filter_text    (DebriefLogView  *self);
void             debrief_log_view_clear_filter       (DebriefLogView *self);
void             debrief_log_view_set_status         (DebriefLogView  *self,
                                                      const char      *text);
/* Long lines wrap, or stay whole and scroll sideways; remembered in
 * GSettings ("log-wrap-lines"), as the column of times as written is
 * ("log-show-original-times"). */
gboolean         debrief_log_view_get_wrap_lines     (DebriefLogView  *self);
void             debrief_log_view_set_wrap_lines     (DebriefLogView  *self,
                                                      gboolean         wrap_lines);
gboolean         debrief_log_view_get_show_original_times (DebriefLogView *self);
void             debrief_log_view_set_show_original_times (DebriefLogView *self,
                                                           gboolean        show);
gboolean         debrief_log_view_get_busy           (DebriefLogView  *self);
void             debrief_log_view_set_busy           (DebriefLogView  *self,
                                                      gboolean         busy);
/* Scrolls @position into view, and selects it alone when @select; a
 * position past the end is the last row. */
void             debrief_log_view_scroll_to          (DebriefLogView  *self,
                                                      guint            position,
                                                      gboolean         select);
gboolean         debrief_log_view_get_selected_range (DebriefLogView  *self,
                                                      guint           *first_pos,
                                                      guint           *last_pos);
GPtrArray       *debrief_log_view_dup_selected_rows  (DebriefLogView  *self);

G_END_DECLS
