/* debrief-metrics-csv.h
 *
 * Metrics exported as CSV or TSV (dashboards, gateways, test rigs),
 * parsed into a time column and numeric series.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DEBRIEF_METRICS_CSV_ERROR (debrief_metrics_csv_error_quark ())

/**
 * DebriefMetricsCsvError:
 * @DEBRIEF_METRICS_CSV_ERROR_EMPTY: the file holds nothing, or only spaces
 * @DEBRIEF_METRICS_CSV_ERROR_NO_TIME: no column holds times
 * @DEBRIEF_METRICS_CSV_ERROR_NO_SERIES: no column other than the times
 *   holds numbers
 * @DEBRIEF_METRICS_CSV_ERROR_NO_ROWS: a header but no row with a time
 */
typedef enum
{
  DEBRIEF_METRICS_CSV_ERROR_EMPTY,
  DEBRIEF_METRICS_CSV_ERROR_NO_TIME,
  DEBRIEF_METRICS_CSV_ERROR_NO_SERIES,
  DEBRIEF_METRICS_CSV_ERROR_NO_ROWS,
} DebriefMetricsCsvError;

typedef struct
{
  char   *name;
  GArray *values; /* of double, NaN where missing; one per time */
} DebriefMetricsSeries;

typedef struct
{
  char       *time_column;
  GArray     *times;          /* of gint64, microseconds since 1970 UTC */
  GPtrArray  *series;         /* of DebriefMetricsSeries */
  char        delimiter;
  guint       n_ragged_rows;  /* rows with too few or too many fields */
  guint       n_bad_values;   /* non-numeric cells in series, now NaN */
  guint       n_bad_times;    /* rows left out: their time is unreadable */
} DebriefMetricsTable;

GQuark               debrief_metrics_csv_error_quark (void);

void                 debrief_metrics_table_free      (DebriefMetricsTable  *table);

/* @zone: for times without an offset; nullable for UTC. */
DebriefMetricsTable *debrief_metrics_csv_parse_bytes (GBytes               *bytes,
                                                      GTimeZone            *zone,
                                                      GError              **error);
DebriefMetricsTable *debrief_metrics_csv_parse       (GInputStream         *stream,
                                                      GTimeZone            *zone,
                                                      GCancellable         *cancellable,
                                                      GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DebriefMetricsTable, debrief_metrics_table_free)

G_END_DECLS
