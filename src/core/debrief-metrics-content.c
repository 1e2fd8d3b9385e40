/* debrief-metrics-content.c
 *
 * A metrics table among the evidence, parsed off the main thread and
 * held for the metrics view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-metrics-content"

#include "config.h"

#include "debrief-content-loader.h"
#include "debrief-evidence-store.h"
#include "debrief-metrics-content.h"

struct _DebriefMetricsContent
{
  GObject              parent_instance;

  DebriefMetricsTable *table;
};

G_DEFINE_FINAL_TYPE (DebriefMetricsContent, debrief_metrics_content, G_TYPE_OBJECT)

static void
debrief_metrics_content_finalize (GObject *object)
{
  DebriefMetricsContent *self = DEBRIEF_METRICS_CONTENT (object);

  g_clear_pointer (&self->table, debrief_metrics_table_free);

  G_OBJECT_CLASS (debrief_metrics_content_parent_class)->finalize (object);
}

static void
debrief_metrics_content_class_init (DebriefMetricsContentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = debrief_metrics_content_finalize;
}

static void
debrief_metrics_content_init (DebriefMetricsContent *self)
{
}

/**
 * debrief_metrics_content_new:
 * @table: (transfer full): the parsed table
 */
DebriefMetricsContent *
debrief_metrics_content_new (DebriefMetricsTable *table)
{
  DebriefMetricsContent *self;

  g_return_val_if_fail (table != NULL, NULL);

  self = g_object_new (DEBRIEF_TYPE_METRICS_CONTENT, NULL);
  self->table = table;

  return self;
}

static GObject *
parse_metrics (GBytes        *bytes,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  DebriefMetricsTable *table;

  /* Times without an offset are in the incident's zone. */
  if (!(table = debrief_metrics_csv_parse_bytes (bytes, data, error)))
    return NULL;

  return G_OBJECT (debrief_metrics_content_new (table));
}

void
debrief_metrics_content_load_async (DebriefDocument     *document,
                                    DebriefEvidence     *evidence,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (DEBRIEF_IS_DOCUMENT (document));
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (evidence));

  debrief_content_load_async (document, evidence, debrief_metrics_content_load_async, parse_metrics,
                              debrief_incident_dup_time_zone (debrief_document_get_incident (document)),
                              (GDestroyNotify) g_time_zone_unref, cancellable, callback, user_data);
}

DebriefMetricsContent *
debrief_metrics_content_load_finish (GAsyncResult  *result,
                                     GError       **error)
{
  return DEBRIEF_METRICS_CONTENT (debrief_content_load_finish (result, debrief_metrics_content_load_async, error));
}

const DebriefMetricsTable *
debrief_metrics_content_get_table (DebriefMetricsContent *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS_CONTENT (self), NULL);

  return self->table;
}

guint
debrief_metrics_content_get_n_rows (DebriefMetricsContent *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS_CONTENT (self), 0);

  return self->table->times->len;
}

guint
debrief_metrics_content_get_n_series (DebriefMetricsContent *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS_CONTENT (self), 0);

  return self->table->series->len;
}
