/* debrief-metrics-view-private.h
 *
 * What the tests of the metrics chart reach past its public API for: the
 * pointer's effect at a given x, where a row is drawn, and what was drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-enums.h"
#include "debrief-metrics-view.h"

G_BEGIN_DECLS

/* The drawing area the chart is drawn in; x below is in its coordinates. */
GtkWidget *_debrief_metrics_view_get_chart        (DebriefMetricsView *self);
/* As if the pointer moved to @x; a negative @x is the pointer leaving. */
void       _debrief_metrics_view_hover_at         (DebriefMetricsView *self,
                                                   double              x);
double     _debrief_metrics_view_get_row_x        (DebriefMetricsView *self,
                                                   guint               row);
/* The value axis: FALSE when no visible series has a value. */
gboolean   _debrief_metrics_view_get_value_range  (DebriefMetricsView *self,
                                                   double             *min,
                                                   double             *max);
/* The phase markers of the latest frame drawn, left to right. */
guint      _debrief_metrics_view_get_n_drawn_markers (DebriefMetricsView *self);
void       _debrief_metrics_view_get_drawn_marker (DebriefMetricsView *self,
                                                   guint               i,
                                                   DebriefMarkerKind  *kind,
                                                   double             *x);

G_END_DECLS
