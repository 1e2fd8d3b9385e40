/* debrief-metrics-view-private.h
 *
 * What joins the parts of the metrics view (the widget, its chart, its
 * input), and what the tests of the metrics chart reach past its public
 * API for: the pointer's effect at a given x, where a row is drawn, and
 * what was drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-enums.h"
#include "debrief-metrics-view.h"

G_BEGIN_DECLS

/* The length of the ticks, and the gap between a label and its tick. */
#define TICK_LENGTH 4.0
#define LABEL_GAP   6.0

/* The colours of the series; those past them repeat them, dashed. */
#define DEBRIEF_METRICS_VIEW_N_COLORS 7

typedef struct
{
  DebriefMarkerKind kind;
  gint64            usec;
  double            x;
  double            label_x;
  double            label_width;
  guint             row;
} DebriefMetricsMarker;

typedef struct
{
  double  width;
  double  height;
  double  label_height;

  /* The plot, inside the axes. */
  double  x;
  double  y;
  double  w;
  double  h;

  gint64  t0;
  gint64  t1;
  guint   time_step;    /* index into time_steps */

  double  v0;
  double  v1;
  double  v_step;
  double  v_scale;      /* 1, 1e3, 1e6 … for the labels' suffix */
  guint   v_decimals;

  guint   marker_rows;
} DebriefMetricsLayout;

struct _DebriefMetricsView
{
  GtkWidget                  parent_instance;

  DebriefMetricsContent     *content;
  const DebriefMetricsTable *table;          /* of @content */
  guint                     *order;          /* rows by time */
  guint                     *rank;           /* each row's place in @order */
  gboolean                  *visible;        /* per series */
  GPtrArray                 *buttons;        /* GtkCheckButton per series, owned by the box */
  gint64                     t_min;          /* table times, before the clock offset */
  gint64                     t_max;
  gboolean                   sub_second;

  gboolean                   has_values;
  double                     v_min;          /* of the visible series */
  double                     v_max;

  gint64                     clock_offset;
  GTimeZone                 *zone;

  GListModel                *markers;
  GPtrArray                 *watched_markers;
  GArray                    *drawn_markers;  /* of DebriefMetricsMarker */

  int                        selected_row;
  int                        hover_row;

  GtkFlowBox                *series_box;
  GtkWidget                 *chart;
};

/* Shared by the parts of the view. */
gint64       _debrief_metrics_view_floor_div                     (gint64                      a,
                                                                  gint64                      b);
guint        _debrief_metrics_view_n_rows                        (DebriefMetricsView         *self);
guint        _debrief_metrics_view_n_series                      (DebriefMetricsView         *self);
double       _debrief_metrics_view_value_at                      (DebriefMetricsView         *self,
                                                                  guint                       series,
                                                                  guint                       row);
const char  *_debrief_metrics_view_series_name                   (DebriefMetricsView         *self,
                                                                  guint                       series);
gint64       _debrief_metrics_view_row_usec                      (DebriefMetricsView         *self,
                                                                  guint                       row);
void         _debrief_metrics_view_series_color                  (guint                       series,
                                                                  GdkRGBA                    *rgba);
gint64       _debrief_metrics_view_utc_offset                    (GTimeZone                  *zone,
                                                                  gint64                      usec);
GDateTime   *_debrief_metrics_view_new_datetime                  (DebriefMetricsView         *self,
                                                                  gint64                      usec);
char        *_debrief_metrics_view_format_usec                   (DebriefMetricsView         *self,
                                                                  gint64                      usec,
                                                                  const char                 *format,
                                                                  gboolean                    msec);
gboolean     _debrief_metrics_view_same_day                      (DebriefMetricsView         *self,
                                                                  gint64                      a,
                                                                  gint64                      b);
char        *_debrief_metrics_view_format_row_time               (DebriefMetricsView         *self,
                                                                  guint                       row);
int          _debrief_metrics_view_nearest_row                   (DebriefMetricsView         *self,
                                                                  gint64                      usec);
char        *_debrief_metrics_view_format_value                  (double                      value);
double       _debrief_metrics_view_x_of                          (const DebriefMetricsLayout *layout,
                                                                  gint64                      usec);
void         _debrief_metrics_view_compute_layout                (DebriefMetricsView         *self,
                                                                  DebriefMetricsLayout       *layout,
                                                                  GArray                     *markers);
int          _debrief_metrics_view_shown_row                     (DebriefMetricsView         *self);
char        *_debrief_metrics_view_dup_value_text                (DebriefMetricsView         *self,
                                                                  guint                       series,
                                                                  guint                       row);
void         _debrief_metrics_view_update_accessible_description (DebriefMetricsView         *self);
void         _debrief_metrics_view_set_selected_row              (DebriefMetricsView         *self,
                                                                  int                         row);
int          _debrief_metrics_view_row_at_x                      (DebriefMetricsView         *self,
                                                                  double                      x);
void         _debrief_metrics_view_motion_cb                     (DebriefMetricsView         *self,
                                                                  double                      x,
                                                                  double                      y);
void         _debrief_metrics_view_leave_cb                      (DebriefMetricsView         *self);
void         _debrief_metrics_view_pressed_cb                    (DebriefMetricsView         *self,
                                                                  int                         n_press,
                                                                  double                      x,
                                                                  double                      y);
gboolean     _debrief_metrics_view_key_pressed_cb                (DebriefMetricsView         *self,
                                                                  guint                       keyval,
                                                                  guint                       keycode,
                                                                  GdkModifierType             state);
const char  *_debrief_metrics_view_marker_label                  (DebriefMarkerKind           kind);
char        *_debrief_metrics_view_format_tick_value             (const DebriefMetricsLayout *layout,
                                                                  double                      value);
PangoLayout *_debrief_metrics_view_create_layout                 (DebriefMetricsView         *self,
                                                                  const char                 *text,
                                                                  gboolean                    small,
                                                                  gboolean                    bold);
void         _debrief_metrics_view_layout_size                   (PangoLayout                *layout,
                                                                  double                     *width,
                                                                  double                     *height);
double       _debrief_metrics_view_y_of                          (const DebriefMetricsLayout *layout,
                                                                  double                      value);
guint        _debrief_metrics_view_n_value_ticks                 (const DebriefMetricsLayout *layout);
char        *_debrief_metrics_view_format_tick_time              (DebriefMetricsView         *self,
                                                                  const DebriefMetricsLayout *layout,
                                                                  gint64                      usec);
char        *_debrief_metrics_view_format_tick_date              (DebriefMetricsView         *self,
                                                                  gint64                      usec);
GArray      *_debrief_metrics_view_time_ticks                    (DebriefMetricsView         *self,
                                                                  const DebriefMetricsLayout *layout);
gboolean     _debrief_metrics_view_ticks_within_day              (const DebriefMetricsLayout *layout);
void         _debrief_metrics_view_draw_chart                    (GtkDrawingArea             *area,
                                                                  cairo_t                    *cr,
                                                                  int                         width,
                                                                  int                         height,
                                                                  gpointer                    user_data);
void         _debrief_metrics_view_focus_changed_cb              (DebriefMetricsView         *self);

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
