/* debrief-metrics.h
 *
 * The numbers of the Overview, kept up to date as the document changes:
 * how long the outage took to detect, acknowledge, mitigate and resolve,
 * and how far the post-mortem has come.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-document.h"

G_BEGIN_DECLS

/* The value of a duration that cannot be computed yet. */
#define DEBRIEF_METRICS_UNKNOWN ((gint64) -1)

#define DEBRIEF_TYPE_METRICS (debrief_metrics_get_type ())

G_DECLARE_FINAL_TYPE (DebriefMetrics, debrief_metrics, DEBRIEF, METRICS, GObject)

DebriefMetrics  *debrief_metrics_new                      (DebriefDocument *document);
DebriefDocument *debrief_metrics_get_document             (DebriefMetrics  *self);

const char      *debrief_metrics_get_today                (DebriefMetrics  *self);
void             debrief_metrics_set_today                (DebriefMetrics  *self,
                                                           const char      *today);

gint64           debrief_metrics_get_time_to_detect       (DebriefMetrics  *self);
gint64           debrief_metrics_get_time_to_acknowledge  (DebriefMetrics  *self);
gint64           debrief_metrics_get_time_to_mitigate     (DebriefMetrics  *self);
gint64           debrief_metrics_get_time_to_resolve      (DebriefMetrics  *self);
gint64           debrief_metrics_get_impact_duration      (DebriefMetrics  *self);

guint            debrief_metrics_get_n_evidence           (DebriefMetrics  *self);
guint            debrief_metrics_get_n_timeline_events    (DebriefMetrics  *self);
guint            debrief_metrics_get_n_factors            (DebriefMetrics  *self);
guint            debrief_metrics_get_n_actions            (DebriefMetrics  *self);
guint            debrief_metrics_get_n_actions_done       (DebriefMetrics  *self);
guint            debrief_metrics_get_n_actions_wont_do    (DebriefMetrics  *self);
guint            debrief_metrics_get_n_actions_overdue    (DebriefMetrics  *self);

char            *debrief_metrics_format_duration          (gint64           usec);

G_END_DECLS
