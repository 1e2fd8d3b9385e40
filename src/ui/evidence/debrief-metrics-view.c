/* debrief-metrics-view.c
 *
 * A line chart of a metrics table drawn with cairo: a time axis whose
 * ticks follow the range shown, a value axis that fits the series chosen
 * with the check buttons above it, gaps where values are missing, the
 * incident's phase markers, a readout under the pointer, and a selected
 * row (by click or the arrow keys) for citing on the timeline.
 *
 * This part holds the widget, its series and markers, and its API; the
 * drawing is in debrief-metrics-view-chart.c, the pointer and keys in
 * debrief-metrics-view-input.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-metrics-view"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "debrief-phase-marker.h"
#include "debrief-metrics-view.h"
#include "debrief-metrics-view-private.h"
#include "debrief-time.h"

/* The libadwaita palette: blue 3, green 3, orange 3, purple 3, red 3,
 * yellow 3, brown 3. Series past these repeat them, dashed. */
static const guint32 palette[] = {
  0x3584e4, 0x33d17a, 0xff7800, 0x9141ac, 0xe01b24, 0xf6d32d, 0x986a44,
};
G_STATIC_ASSERT (G_N_ELEMENTS (palette) == DEBRIEF_METRICS_VIEW_N_COLORS);

static void debrief_metrics_view_viewer_init (DebriefEvidenceViewerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DebriefMetricsView, debrief_metrics_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DEBRIEF_TYPE_EVIDENCE_VIEWER,
                                                      debrief_metrics_view_viewer_init))

enum {
  PROP_0,
  PROP_SELECTED_ROW,
  PROP_CLOCK_OFFSET,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Helpers */

gint64
_debrief_metrics_view_floor_div (gint64 a,
                                 gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;

  return q;
}

guint
_debrief_metrics_view_n_rows (DebriefMetricsView *self)
{
  return self->table != NULL ? self->table->times->len : 0;
}

guint
_debrief_metrics_view_n_series (DebriefMetricsView *self)
{
  return self->table != NULL ? self->table->series->len : 0;
}

double
_debrief_metrics_view_value_at (DebriefMetricsView *self,
                                guint               series,
                                guint               row)
{
  DebriefMetricsSeries *s = g_ptr_array_index (self->table->series, series);

  if (row >= s->values->len)
    return NAN;

  return g_array_index (s->values, double, row);
}

const char *
_debrief_metrics_view_series_name (DebriefMetricsView *self,
                                   guint               series)
{
  DebriefMetricsSeries *s = g_ptr_array_index (self->table->series, series);

  return s->name;
}

/* The time a row is drawn at: the table's, moved by the clock offset. */
gint64
_debrief_metrics_view_row_usec (DebriefMetricsView *self,
                                guint               row)
{
  return g_array_index (self->table->times, gint64, row) + self->clock_offset;
}

void
_debrief_metrics_view_series_color (guint    series,
                                    GdkRGBA *rgba)
{
  guint32 rgb = palette[series % G_N_ELEMENTS (palette)];

  rgba->red = ((rgb >> 16) & 0xff) / 255.;
  rgba->green = ((rgb >> 8) & 0xff) / 255.;
  rgba->blue = (rgb & 0xff) / 255.;
  rgba->alpha = 1.;
}

gint64
_debrief_metrics_view_utc_offset (GTimeZone *zone,
                                  gint64     usec)
{
  int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL,
                                            _debrief_metrics_view_floor_div (usec, G_USEC_PER_SEC));

  if (interval < 0)
    return 0;

  return (gint64) g_time_zone_get_offset (zone, interval) * G_USEC_PER_SEC;
}

GDateTime *
_debrief_metrics_view_new_datetime (DebriefMetricsView *self,
                                    gint64              usec)
{
  return debrief_date_time_new_in_zone (usec, self->zone);
}

char *
_debrief_metrics_view_format_usec (DebriefMetricsView *self,
                                   gint64              usec,
                                   const char         *format,
                                   gboolean            msec)
{
  g_autoptr(GDateTime) datetime = _debrief_metrics_view_new_datetime (self, usec);
  g_autofree char *text = NULL;

  if (datetime == NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT, usec);

  text = g_date_time_format (datetime, format);
  if (msec)
    return g_strdup_printf ("%s.%03d", text, g_date_time_get_microsecond (datetime) / 1000);

  return g_steal_pointer (&text);
}

gboolean
_debrief_metrics_view_same_day (DebriefMetricsView *self,
                                gint64              a,
                                gint64              b)
{
  g_autoptr(GDateTime) da = _debrief_metrics_view_new_datetime (self, a);
  g_autoptr(GDateTime) db = _debrief_metrics_view_new_datetime (self, b);

  return da != NULL && db != NULL &&
         g_date_time_get_year (da) == g_date_time_get_year (db) &&
         g_date_time_get_day_of_year (da) == g_date_time_get_day_of_year (db);
}

/* The time of a row as the readout and citations give it: with the date
 * when the table spans more than one day. */
char *
_debrief_metrics_view_format_row_time (DebriefMetricsView *self,
                                       guint               row)
{
  const char *format = "%H:%M:%S";

  if (!_debrief_metrics_view_same_day (self, self->t_min + self->clock_offset, self->t_max + self->clock_offset))
    format = "%Y-%m-%d %H:%M:%S";

  return _debrief_metrics_view_format_usec (self, _debrief_metrics_view_row_usec (self, row), format, self->sub_second);
}

/* Data */

static void
update_value_range (DebriefMetricsView *self)
{
  self->has_values = FALSE;
  self->v_min = INFINITY;
  self->v_max = -INFINITY;

  for (guint i = 0; i < _debrief_metrics_view_n_series (self); i++)
    {
      DebriefMetricsSeries *s = g_ptr_array_index (self->table->series, i);

      if (!self->visible[i])
        continue;

      for (guint j = 0; j < s->values->len; j++)
        {
          double v = g_array_index (s->values, double, j);

          if (!isfinite (v))
            continue;
          self->has_values = TRUE;
          self->v_min = MIN (self->v_min, v);
          self->v_max = MAX (self->v_max, v);
        }
    }
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  GArray *times = data;
  gint64 ta = g_array_index (times, gint64, *(const guint *) a);
  gint64 tb = g_array_index (times, gint64, *(const guint *) b);

  return ta < tb ? -1 : ta > tb;
}

/* The row whose time is nearest to @usec (aligned). */
int
_debrief_metrics_view_nearest_row (DebriefMetricsView *self,
                                   gint64              usec)
{
  guint n = _debrief_metrics_view_n_rows (self);
  guint lo = 0, hi;

  if (n == 0)
    return -1;

  hi = n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (_debrief_metrics_view_row_usec (self, self->order[mid]) < usec)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo == n)
    return self->order[n - 1];
  if (lo > 0 && usec - _debrief_metrics_view_row_usec (self, self->order[lo - 1]) <= _debrief_metrics_view_row_usec (self, self->order[lo]) - usec)
    return self->order[lo - 1];

  return self->order[lo];
}

/* DebriefMetricsLayout */

/* Accessibility */

/* Series */

void
_debrief_metrics_view_set_selected_row (DebriefMetricsView *self,
                                        int                 row)
{
  if (self->selected_row == row)
    return;

  self->selected_row = row;
  _debrief_metrics_view_update_accessible_description (self);
  gtk_widget_queue_draw (self->chart);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_ROW]);
  debrief_evidence_viewer_selection_changed (DEBRIEF_EVIDENCE_VIEWER (self));
}

static void
ensure_css (GdkDisplay *display)
{
  g_autoptr(GString) css = g_string_new (NULL);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), "debrief-metrics-view-css") != NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      /* Yellow needs a dark check mark to be seen. */
      const char *mark = palette[i] == 0xf6d32d ? "rgba(0, 0, 0, 0.8)" : "white";

      g_string_append_printf (css,
                              "checkbutton.debrief-series-%u check { box-shadow: inset 0 0 0 2px #%06x; }\n"
                              "checkbutton.debrief-series-%u check:checked { background-color: #%06x; color: %s; box-shadow: none; }\n",
                              i, palette[i], i, palette[i], mark);
    }

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css->str, css->len);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "debrief-metrics-view-css",
                          g_steal_pointer (&provider), g_object_unref);
}

static void
series_toggled_cb (DebriefMetricsView *self,
                   GtkCheckButton     *button)
{
  guint series = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "debrief-series"));
  gboolean visible = gtk_check_button_get_active (button);

  g_assert (series < _debrief_metrics_view_n_series (self));

  if (self->visible[series] == visible)
    return;

  self->visible[series] = visible;
  update_value_range (self);
  _debrief_metrics_view_update_accessible_description (self);
  gtk_widget_queue_draw (self->chart);
}

static void
rebuild_series_buttons (DebriefMetricsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->series_box))) != NULL)
    gtk_flow_box_remove (self->series_box, child);
  g_ptr_array_set_size (self->buttons, 0);

  for (guint i = 0; i < _debrief_metrics_view_n_series (self); i++)
    {
      g_autofree char *css_class = g_strdup_printf ("debrief-series-%u", i % (guint) G_N_ELEMENTS (palette));
      GtkWidget *button = gtk_check_button_new_with_label (_debrief_metrics_view_series_name (self, i));

      gtk_widget_add_css_class (button, css_class);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button), TRUE);
      g_object_set_data (G_OBJECT (button), "debrief-series", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "toggled", G_CALLBACK (series_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->series_box, button);
      /* The check buttons take the focus, not the box's children. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
      g_ptr_array_add (self->buttons, button);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->series_box), _debrief_metrics_view_n_series (self) > 0);
}

/* Phase markers */

static void
marker_changed_cb (DebriefMetricsView *self)
{
  gtk_widget_queue_draw (self->chart);
}

static void
unwatch_markers (DebriefMetricsView *self)
{
  for (guint i = 0; i < self->watched_markers->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched_markers, i),
                                          marker_changed_cb, self);
  g_ptr_array_set_size (self->watched_markers, 0);
}

static void
watch_markers (DebriefMetricsView *self)
{
  guint n = g_list_model_get_n_items (self->markers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->markers, i);

      if (!DEBRIEF_IS_PHASE_MARKER (item))
        continue;

      g_signal_connect_swapped (item, "notify::at", G_CALLBACK (marker_changed_cb), self);
      g_signal_connect_swapped (item, "notify::kind", G_CALLBACK (marker_changed_cb), self);
      g_ptr_array_add (self->watched_markers, g_steal_pointer (&item));
    }
}

static void
markers_items_changed_cb (DebriefMetricsView *self)
{
  unwatch_markers (self);
  watch_markers (self);
  gtk_widget_queue_draw (self->chart);
}

/* Public API */

GtkWidget *
debrief_metrics_view_new (void)
{
  return g_object_new (DEBRIEF_TYPE_METRICS_VIEW, NULL);
}

/**
 * debrief_metrics_view_get_content:
 * @self: a #DebriefMetricsView
 *
 * Returns: (transfer none) (nullable): the table shown
 */
DebriefMetricsContent *
debrief_metrics_view_get_content (DebriefMetricsView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS_VIEW (self), NULL);

  return self->content;
}

/**
 * debrief_metrics_view_set_content:
 * @self: a #DebriefMetricsView
 * @content: (nullable): the table to show
 *
 * Shows the table of @content with all its series, and no row selected.
 */
void
debrief_metrics_view_set_content (DebriefMetricsView    *self,
                                  DebriefMetricsContent *content)
{
  const DebriefMetricsTable *table;
  guint n;

  g_return_if_fail (DEBRIEF_IS_METRICS_VIEW (self));
  g_return_if_fail (!content || DEBRIEF_IS_METRICS_CONTENT (content));

  if (!g_set_object (&self->content, content))
    return;

  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->rank, g_free);
  g_clear_pointer (&self->visible, g_free);

  self->table = table = content != NULL ? debrief_metrics_content_get_table (content) : NULL;
  self->hover_row = -1;
  self->t_min = self->t_max = 0;
  self->sub_second = FALSE;

  n = _debrief_metrics_view_n_rows (self);
  self->order = g_new (guint, MAX (n, 1));
  self->rank = g_new (guint, MAX (n, 1));
  self->visible = g_new (gboolean, MAX (_debrief_metrics_view_n_series (self), 1));

  for (guint i = 0; i < n; i++)
    self->order[i] = i;
  if (n > 0)
    g_qsort_with_data (self->order, n, sizeof (guint), compare_rows, table->times);
  for (guint k = 0; k < n; k++)
    self->rank[self->order[k]] = k;

  if (n > 0)
    {
      self->t_min = g_array_index (table->times, gint64, self->order[0]);
      self->t_max = g_array_index (table->times, gint64, self->order[n - 1]);
    }
  for (guint i = 0; i < n; i++)
    if (g_array_index (table->times, gint64, i) % G_USEC_PER_SEC != 0)
      self->sub_second = TRUE;

  for (guint i = 0; i < _debrief_metrics_view_n_series (self); i++)
    self->visible[i] = TRUE;

  rebuild_series_buttons (self);
  update_value_range (self);

  if (self->selected_row >= 0)
    _debrief_metrics_view_set_selected_row (self, -1);
  _debrief_metrics_view_update_accessible_description (self);
  gtk_widget_queue_draw (self->chart);
}

gint64
debrief_metrics_view_get_clock_offset (DebriefMetricsView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS_VIEW (self), 0);

  return self->clock_offset;
}

/**
 * debrief_metrics_view_set_clock_offset:
 * @self: a #DebriefMetricsView
 * @offset_usec: how far the evidence's clock is behind, added to its times
 */
void
debrief_metrics_view_set_clock_offset (DebriefMetricsView *self,
                                       gint64              offset_usec)
{
  g_return_if_fail (DEBRIEF_IS_METRICS_VIEW (self));

  if (self->clock_offset == offset_usec)
    return;

  self->clock_offset = offset_usec;
  _debrief_metrics_view_update_accessible_description (self);
  gtk_widget_queue_draw (self->chart);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLOCK_OFFSET]);
}

/**
 * debrief_metrics_view_set_phase_markers:
 * @self: a #DebriefMetricsView
 * @markers: (nullable): a #GListModel of #DebriefPhaseMarker
 *
 * Draws a line at the time of each marker that has one, and follows the
 * list and the markers as they change.
 */
void
debrief_metrics_view_set_phase_markers (DebriefMetricsView *self,
                                        GListModel         *markers)
{
  g_return_if_fail (DEBRIEF_IS_METRICS_VIEW (self));
  g_return_if_fail (markers == NULL || G_IS_LIST_MODEL (markers));

  if (self->markers == markers)
    return;

  unwatch_markers (self);
  if (self->markers != NULL)
    g_signal_handlers_disconnect_by_func (self->markers, markers_items_changed_cb, self);
  g_set_object (&self->markers, markers);

  if (self->markers != NULL)
    {
      g_signal_connect_swapped (self->markers, "items-changed", G_CALLBACK (markers_items_changed_cb), self);
      watch_markers (self);
    }

  gtk_widget_queue_draw (self->chart);
}

/**
 * debrief_metrics_view_set_time_zone:
 * @self: a #DebriefMetricsView
 * @zone: (nullable): the zone of the times shown; %NULL for UTC
 */
void
debrief_metrics_view_set_time_zone (DebriefMetricsView *self,
                                    GTimeZone          *zone)
{
  g_return_if_fail (DEBRIEF_IS_METRICS_VIEW (self));

  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = zone != NULL ? g_time_zone_ref (zone) : g_time_zone_new_utc ();
  _debrief_metrics_view_update_accessible_description (self);
  gtk_widget_queue_draw (self->chart);
}

guint
debrief_metrics_view_get_n_series (DebriefMetricsView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS_VIEW (self), 0);

  return _debrief_metrics_view_n_series (self);
}

gboolean
debrief_metrics_view_get_series_visible (DebriefMetricsView *self,
                                         guint               series)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS_VIEW (self), FALSE);
  g_return_val_if_fail (series < _debrief_metrics_view_n_series (self), FALSE);

  return self->visible[series];
}

/* Through the check button, so that it shows the change. */
void
debrief_metrics_view_set_series_visible (DebriefMetricsView *self,
                                         guint               series,
                                         gboolean            visible)
{
  g_return_if_fail (DEBRIEF_IS_METRICS_VIEW (self));
  g_return_if_fail (series < _debrief_metrics_view_n_series (self));

  gtk_check_button_set_active (g_ptr_array_index (self->buttons, series), visible);
}

guint
debrief_metrics_view_get_n_rows (DebriefMetricsView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS_VIEW (self), 0);

  return _debrief_metrics_view_n_rows (self);
}

/**
 * debrief_metrics_view_get_selected_row:
 * @self: a #DebriefMetricsView
 *
 * Returns: the row of the table selected, or -1
 */
gint
debrief_metrics_view_get_selected_row (DebriefMetricsView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS_VIEW (self), -1);

  return self->selected_row;
}

void
debrief_metrics_view_select_row (DebriefMetricsView *self,
                                 guint               row)
{
  g_return_if_fail (DEBRIEF_IS_METRICS_VIEW (self));
  g_return_if_fail (row < _debrief_metrics_view_n_rows (self));

  _debrief_metrics_view_set_selected_row (self, (int) row);
}

void
debrief_metrics_view_unselect_row (DebriefMetricsView *self)
{
  g_return_if_fail (DEBRIEF_IS_METRICS_VIEW (self));

  _debrief_metrics_view_set_selected_row (self, -1);
}

/**
 * debrief_metrics_view_get_row_usec:
 * @self: a #DebriefMetricsView
 * @row: a row of the table
 *
 * Returns: the time of @row in microseconds since 1970 UTC, with the
 *   clock offset applied
 */
gint64
debrief_metrics_view_get_row_usec (DebriefMetricsView *self,
                                   guint               row)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS_VIEW (self), 0);
  g_return_val_if_fail (row < _debrief_metrics_view_n_rows (self), 0);

  return _debrief_metrics_view_row_usec (self, row);
}

/**
 * debrief_metrics_view_dup_row_text:
 * @self: a #DebriefMetricsView
 * @row: a row of the table
 *
 * A line that cites @row: the values of the series shown (of all, when
 * none is) and the time, like “cpu_load = 93.2, heap_free = 1024 at
 * 02:11:07”.
 *
 * Returns: (transfer full): the line
 */
char *
debrief_metrics_view_dup_row_text (DebriefMetricsView *self,
                                   guint               row)
{
  g_autoptr(GString) values = NULL;
  g_autofree char *time = NULL;
  gboolean any_visible = FALSE;

  g_return_val_if_fail (DEBRIEF_IS_METRICS_VIEW (self), NULL);
  g_return_val_if_fail (row < _debrief_metrics_view_n_rows (self), NULL);

  for (guint i = 0; i < _debrief_metrics_view_n_series (self); i++)
    any_visible |= self->visible[i];

  values = g_string_new (NULL);
  for (guint i = 0; i < _debrief_metrics_view_n_series (self); i++)
    {
      double v = _debrief_metrics_view_value_at (self, i, row);
      g_autofree char *value = NULL;

      if ((any_visible && !self->visible[i]) || !isfinite (v))
        continue;

      value = _debrief_metrics_view_format_value (v);
      if (values->len > 0)
        g_string_append (values, ", ");
      g_string_append_printf (values, "%s = %s", _debrief_metrics_view_series_name (self, i), value);
    }

  time = _debrief_metrics_view_format_row_time (self, row);
  if (values->len == 0)
    /* Translators: %s is a time of day. */
    return g_strdup_printf (_("No values at %s"), time);

  /* Translators: “cpu_load = 93.2, heap_free = 1024 at 02:11:07”: the
   * first %s are the values, the second the time of day. */
  return g_strdup_printf (_("%s at %s"), values->str, time);
}

/**
 * debrief_metrics_view_dup_readout:
 * @self: a #DebriefMetricsView
 *
 * The readout the chart shows: for the row under the pointer, or the
 * selected one while the chart has the focus; a line with the time, then
 * one for each series shown.
 *
 * Returns: (transfer full) (nullable): the readout, or %NULL when none
 *   is shown
 */
char *
debrief_metrics_view_dup_readout (DebriefMetricsView *self)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *time = NULL;
  int row;

  g_return_val_if_fail (DEBRIEF_IS_METRICS_VIEW (self), NULL);

  if ((row = _debrief_metrics_view_shown_row (self)) < 0)
    return NULL;

  time = _debrief_metrics_view_format_row_time (self, row);
  text = g_string_new (time);
  for (guint i = 0; i < _debrief_metrics_view_n_series (self); i++)
    {
      g_autofree char *value = NULL;

      if (!self->visible[i])
        continue;

      value = _debrief_metrics_view_dup_value_text (self, i, row);
      g_string_append_c (text, '\n');
      /* Translators: a series and its value in the chart's readout. */
      g_string_append_printf (text, _("%s: %s"), _debrief_metrics_view_series_name (self, i), value);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Private API */

GtkWidget *
_debrief_metrics_view_get_chart (DebriefMetricsView *self)
{
  g_assert (DEBRIEF_IS_METRICS_VIEW (self));

  return self->chart;
}

void
_debrief_metrics_view_hover_at (DebriefMetricsView *self,
                                double              x)
{
  int row;

  g_assert (DEBRIEF_IS_METRICS_VIEW (self));

  row = x < 0 ? -1 : _debrief_metrics_view_row_at_x (self, x);
  if (row == self->hover_row)
    return;

  self->hover_row = row;
  gtk_widget_queue_draw (self->chart);
}

double
_debrief_metrics_view_get_row_x (DebriefMetricsView *self,
                                 guint               row)
{
  DebriefMetricsLayout layout;

  g_assert (DEBRIEF_IS_METRICS_VIEW (self));
  g_assert (row < _debrief_metrics_view_n_rows (self));

  _debrief_metrics_view_compute_layout (self, &layout, NULL);

  return _debrief_metrics_view_x_of (&layout, _debrief_metrics_view_row_usec (self, row));
}

gboolean
_debrief_metrics_view_get_value_range (DebriefMetricsView *self,
                                       double             *min,
                                       double             *max)
{
  DebriefMetricsLayout layout;

  g_assert (DEBRIEF_IS_METRICS_VIEW (self));

  if (!self->has_values)
    return FALSE;

  _debrief_metrics_view_compute_layout (self, &layout, NULL);
  *min = layout.v0;
  *max = layout.v1;

  return TRUE;
}

guint
_debrief_metrics_view_get_n_drawn_markers (DebriefMetricsView *self)
{
  g_assert (DEBRIEF_IS_METRICS_VIEW (self));

  return self->drawn_markers->len;
}

void
_debrief_metrics_view_get_drawn_marker (DebriefMetricsView *self,
                                        guint               i,
                                        DebriefMarkerKind  *kind,
                                        double             *x)
{
  const DebriefMetricsMarker *marker;

  g_assert (DEBRIEF_IS_METRICS_VIEW (self));
  g_assert (i < self->drawn_markers->len);

  marker = &g_array_index (self->drawn_markers, DebriefMetricsMarker, i);
  *kind = marker->kind;
  *x = marker->x;
}

/* Class */

static void
debrief_metrics_view_dispose (GObject *object)
{
  DebriefMetricsView *self = DEBRIEF_METRICS_VIEW (object);
  GtkWidget *child;

  unwatch_markers (self);
  if (self->markers != NULL)
    g_signal_handlers_disconnect_by_func (self->markers, markers_items_changed_cb, self);
  g_clear_object (&self->markers);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->series_box = NULL;
  self->chart = NULL;
  g_ptr_array_set_size (self->buttons, 0);

  G_OBJECT_CLASS (debrief_metrics_view_parent_class)->dispose (object);
}

static void
debrief_metrics_view_finalize (GObject *object)
{
  DebriefMetricsView *self = DEBRIEF_METRICS_VIEW (object);

  self->table = NULL;
  g_clear_object (&self->content);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->rank, g_free);
  g_clear_pointer (&self->visible, g_free);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);
  g_clear_pointer (&self->watched_markers, g_ptr_array_unref);
  g_clear_pointer (&self->drawn_markers, g_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (debrief_metrics_view_parent_class)->finalize (object);
}

static void
debrief_metrics_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DebriefMetricsView *self = DEBRIEF_METRICS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ROW:
      g_value_set_int (value, self->selected_row);
      break;

    case PROP_CLOCK_OFFSET:
      g_value_set_int64 (value, self->clock_offset);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_metrics_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DebriefMetricsView *self = DEBRIEF_METRICS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ROW:
      if (g_value_get_int (value) < 0)
        debrief_metrics_view_unselect_row (self);
      else
        debrief_metrics_view_select_row (self, g_value_get_int (value));
      break;

    case PROP_CLOCK_OFFSET:
      debrief_metrics_view_set_clock_offset (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_metrics_view_class_init (DebriefMetricsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_metrics_view_dispose;
  object_class->finalize = debrief_metrics_view_finalize;
  object_class->get_property = debrief_metrics_view_get_property;
  object_class->set_property = debrief_metrics_view_set_property;

  properties [PROP_SELECTED_ROW] =
    g_param_spec_int ("selected-row", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CLOCK_OFFSET] =
    g_param_spec_int64 ("clock-offset", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "metricsview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
debrief_metrics_view_init (DebriefMetricsView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkEventController *controller;
  GtkGesture *click;

  self->selected_row = -1;
  self->hover_row = -1;
  self->zone = g_time_zone_new_utc ();
  self->buttons = g_ptr_array_new ();
  self->watched_markers = g_ptr_array_new_with_free_func (g_object_unref);
  self->drawn_markers = g_array_new (FALSE, FALSE, sizeof (DebriefMetricsMarker));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  ensure_css (gtk_widget_get_display (GTK_WIDGET (self)));

  self->series_box = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->series_box, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (self->series_box, 32);
  gtk_flow_box_set_column_spacing (self->series_box, 12);
  gtk_flow_box_set_min_children_per_line (self->series_box, 1);
  gtk_widget_set_visible (GTK_WIDGET (self->series_box), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->series_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Series shown"),
                                  -1);
  gtk_widget_set_parent (GTK_WIDGET (self->series_box), GTK_WIDGET (self));

  self->chart = gtk_drawing_area_new ();
  /* Readable in a phone-narrow window, beside nothing. */
  gtk_widget_set_size_request (self->chart, 240, 240);
  gtk_widget_set_hexpand (self->chart, TRUE);
  gtk_widget_set_vexpand (self->chart, TRUE);
  gtk_widget_set_focusable (self->chart, TRUE);
  gtk_widget_set_cursor_from_name (self->chart, "crosshair");
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), _debrief_metrics_view_draw_chart, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Metrics chart"),
                                  -1);
  gtk_widget_set_parent (self->chart, GTK_WIDGET (self));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (_debrief_metrics_view_motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (_debrief_metrics_view_leave_cb), self);
  gtk_widget_add_controller (self->chart, controller);

  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (_debrief_metrics_view_pressed_cb), self);
  gtk_widget_add_controller (self->chart, GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (_debrief_metrics_view_key_pressed_cb), self);
  gtk_widget_add_controller (self->chart, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (_debrief_metrics_view_focus_changed_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (_debrief_metrics_view_focus_changed_cb), self);
  gtk_widget_add_controller (self->chart, controller);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Metrics"),
                                  -1);
}

/* As an evidence viewer: the selected row, with its time. */

static gboolean
debrief_metrics_view_get_citation (DebriefEvidenceViewer *viewer,
                                   DebriefCitation       *citation)
{
  DebriefMetricsView *self = DEBRIEF_METRICS_VIEW (viewer);
  gint row = debrief_metrics_view_get_selected_row (self);

  if (row < 0)
    return FALSE;
  citation->first = citation->last = (guint64) row;
  citation->usec = debrief_metrics_view_get_row_usec (self, (guint) row);
  citation->text = debrief_metrics_view_dup_row_text (self, (guint) row);
  return TRUE;
}

static void
debrief_metrics_view_select_place (DebriefEvidenceViewer *viewer,
                                   gint64                 first,
                                   gint64                 last)
{
  debrief_metrics_view_select_row (DEBRIEF_METRICS_VIEW (viewer), (guint) first);
}

static void
debrief_metrics_view_viewer_set_time_zone (DebriefEvidenceViewer *viewer,
                                           GTimeZone             *zone)
{
  debrief_metrics_view_set_time_zone (DEBRIEF_METRICS_VIEW (viewer), zone);
}

static void
debrief_metrics_view_viewer_set_clock_offset (DebriefEvidenceViewer *viewer,
                                              gint64                 offset_usec)
{
  debrief_metrics_view_set_clock_offset (DEBRIEF_METRICS_VIEW (viewer), offset_usec);
}

static void
debrief_metrics_view_viewer_init (DebriefEvidenceViewerInterface *iface)
{
  iface->get_citation = debrief_metrics_view_get_citation;
  iface->select_place = debrief_metrics_view_select_place;
  iface->set_time_zone = debrief_metrics_view_viewer_set_time_zone;
  iface->set_clock_offset = debrief_metrics_view_viewer_set_clock_offset;
}
