/* debrief-metrics-view.h
 *
 * A line chart of a metrics table, with series to choose, phase markers,
 * a hover readout and a selected row to cite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-metrics-content.h"
#include "debrief-evidence-viewer.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_METRICS_VIEW (debrief_metrics_view_get_type ())

G_DECLARE_FINAL_TYPE (DebriefMetricsView, debrief_metrics_view, DEBRIEF, METRICS_VIEW, GtkWidget)

GtkWidget             *debrief_metrics_view_new                (void);
DebriefMetricsContent *debrief_metrics_view_get_content        (DebriefMetricsView    *self);
void                   debrief_metrics_view_set_content        (DebriefMetricsView    *self,
                                                                DebriefMetricsContent *content);
gint64                 debrief_metrics_view_get_clock_offset   (DebriefMetricsView    *self);
void                   debrief_metrics_view_set_clock_offset   (DebriefMetricsView    *self,
                                                                gint64                 offset_usec);
void                   debrief_metrics_view_set_phase_markers  (DebriefMetricsView    *self,
                                                                GListModel            *markers);
void                   debrief_metrics_view_set_time_zone      (DebriefMetricsView    *self,
                                                                GTimeZone             *zone);
guint                  debrief_metrics_view_get_n_series       (DebriefMetricsView    *self);
gboolean               debrief_metrics_view_get_series_visible (DebriefMetricsView    *self,
                                                                guint                  series);
void                   debrief_metrics_view_set_series_visible (DebriefMetricsView    *self,
                                                                guint                  series,
                                                                gboolean               visible);
guint                  debrief_metrics_view_get_n_rows         (DebriefMetricsView    *self);
gint                   debrief_metrics_view_get_selected_row   (DebriefMetricsView    *self);
void                   debrief_metrics_view_select_row         (DebriefMetricsView    *self,
                                                                guint                  row);
void                   debrief_metrics_view_unselect_row       (DebriefMetricsView    *self);
gint64                 debrief_metrics_view_get_row_usec       (DebriefMetricsView    *self,
                                                                guint                  row);
char                  *debrief_metrics_view_dup_row_text       (DebriefMetricsView    *self,
                                                                guint                  row);
char                  *debrief_metrics_view_dup_readout        (DebriefMetricsView    *self);

G_END_DECLS
