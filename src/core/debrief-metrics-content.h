/* debrief-metrics-content.h
 *
 * The series of a metrics table (CSV), with their times, for the
 * metrics view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "debrief-document.h"
#include "debrief-evidence.h"
#include "debrief-metrics-csv.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_METRICS_CONTENT (debrief_metrics_content_get_type ())

G_DECLARE_FINAL_TYPE (DebriefMetricsContent, debrief_metrics_content, DEBRIEF, METRICS_CONTENT, GObject)

DebriefMetricsContent     *debrief_metrics_content_new          (DebriefMetricsTable    *table);
void                       debrief_metrics_content_load_async   (DebriefDocument        *document,
                                                                 DebriefEvidence        *evidence,
                                                                 GCancellable           *cancellable,
                                                                 GAsyncReadyCallback     callback,
                                                                 gpointer                user_data);
DebriefMetricsContent     *debrief_metrics_content_load_finish  (GAsyncResult           *result,
                                                                 GError                **error);
const DebriefMetricsTable *debrief_metrics_content_get_table    (DebriefMetricsContent  *self);
guint                      debrief_metrics_content_get_n_rows   (DebriefMetricsContent  *self);
guint                      debrief_metrics_content_get_n_series (DebriefMetricsContent  *self);

G_END_DECLS
