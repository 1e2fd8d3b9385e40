/* debrief-metrics-view-layout.c
 *
 * Where the metrics chart puts things: the plot inside its axes, the time
 * and value ticks that fit the range shown, the phase markers' labels,
 * and the text of ticks and values.
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

#define MIN_TIME_SPAN      (60 * G_USEC_PER_SEC)

#define MAX_MARKER_ROWS    3

#define MAX_TICKS          200

typedef enum
{
  TICK_MSEC,
  TICK_SEC,
  TICK_MIN,
  TICK_DAY,
  TICK_MONTH,
} TickFormat;

/* Steps of the time axis; days and months count in the shown time zone. */
static const struct
{
  gint64     usec;
  TickFormat format;
  guint      n;       /* days or months, for TICK_DAY and TICK_MONTH */
} time_steps[] = {
  { G_USEC_PER_SEC / 100, TICK_MSEC, 0 },
  { G_USEC_PER_SEC / 50, TICK_MSEC, 0 },
  { G_USEC_PER_SEC / 20, TICK_MSEC, 0 },
  { G_USEC_PER_SEC / 10, TICK_MSEC, 0 },
  { G_USEC_PER_SEC / 5, TICK_MSEC, 0 },
  { G_USEC_PER_SEC / 2, TICK_MSEC, 0 },
  { G_USEC_PER_SEC, TICK_SEC, 0 },
  { 2 * G_USEC_PER_SEC, TICK_SEC, 0 },
  { 5 * G_USEC_PER_SEC, TICK_SEC, 0 },
  { 10 * G_USEC_PER_SEC, TICK_SEC, 0 },
  { 15 * G_USEC_PER_SEC, TICK_SEC, 0 },
  { 30 * G_USEC_PER_SEC, TICK_SEC, 0 },
  { G_TIME_SPAN_MINUTE, TICK_MIN, 0 },
  { 2 * G_TIME_SPAN_MINUTE, TICK_MIN, 0 },
  { 5 * G_TIME_SPAN_MINUTE, TICK_MIN, 0 },
  { 10 * G_TIME_SPAN_MINUTE, TICK_MIN, 0 },
  { 15 * G_TIME_SPAN_MINUTE, TICK_MIN, 0 },
  { 30 * G_TIME_SPAN_MINUTE, TICK_MIN, 0 },
  { G_TIME_SPAN_HOUR, TICK_MIN, 0 },
  { 2 * G_TIME_SPAN_HOUR, TICK_MIN, 0 },
  { 3 * G_TIME_SPAN_HOUR, TICK_MIN, 0 },
  { 6 * G_TIME_SPAN_HOUR, TICK_MIN, 0 },
  { 12 * G_TIME_SPAN_HOUR, TICK_MIN, 0 },
  { G_TIME_SPAN_DAY, TICK_DAY, 1 },
  { 2 * G_TIME_SPAN_DAY, TICK_DAY, 2 },
  { 7 * G_TIME_SPAN_DAY, TICK_DAY, 7 },
  { 14 * G_TIME_SPAN_DAY, TICK_DAY, 14 },
  { 30 * G_TIME_SPAN_DAY, TICK_MONTH, 1 },
  { 91 * G_TIME_SPAN_DAY, TICK_MONTH, 3 },
  { 182 * G_TIME_SPAN_DAY, TICK_MONTH, 6 },
  { 365 * G_TIME_SPAN_DAY, TICK_MONTH, 12 },
  { 5 * 365 * G_TIME_SPAN_DAY, TICK_MONTH, 60 },
  { 25 * 365 * G_TIME_SPAN_DAY, TICK_MONTH, 300 },
};

const char *
_debrief_metrics_view_marker_label (DebriefMarkerKind kind)
{
  switch (kind)
    {
    case DEBRIEF_MARKER_KIND_IMPACT_START:
      return _("Impact started");
    case DEBRIEF_MARKER_KIND_DETECTED:
      return _("Detected");
    case DEBRIEF_MARKER_KIND_ACKNOWLEDGED:
      return _("Acknowledged");
    case DEBRIEF_MARKER_KIND_MITIGATED:
      return _("Mitigated");
    case DEBRIEF_MARKER_KIND_RESOLVED:
      return _("Resolved");
    default:
      g_return_val_if_reached ("");
    }
}

/* Writes the locale's decimal separator in place of the C locale's. */
static char *
localize_number (const char *text)
{
  const char *point = localeconv ()->decimal_point;
  const char *dot = strchr (text, '.');

  if (dot == NULL || point == NULL || g_str_equal (point, "."))
    return g_strdup (text);

  return g_strdup_printf ("%.*s%s%s", (int) (dot - text), text, point, dot + 1);
}

/* A value as read: up to six significant digits, no trailing zeros. */
char *
_debrief_metrics_view_format_value (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[16];
  int digits;

  if (value != 0 && fabs (value) < 1e-4)
    return localize_number (g_ascii_formatd (buffer, sizeof buffer, "%.3g", value));

  digits = value == 0 ? 0 : 6 - ((int) floor (log10 (fabs (value))) + 1);
  digits = CLAMP (digits, 0, 6);
  g_snprintf (format, sizeof format, "%%.%df", digits);
  g_ascii_formatd (buffer, sizeof buffer, format, value);

  if (strchr (buffer, '.') != NULL)
    {
      char *end = buffer + strlen (buffer) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  if (g_str_equal (buffer, "-0"))
    return g_strdup ("0");

  return localize_number (buffer);
}

char *
_debrief_metrics_view_format_tick_value (const DebriefMetricsLayout *layout,
                                         double                      value)
{
  static const char *suffixes[] = { "", "k", "M", "G", "T" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[16];
  g_autofree char *number = NULL;
  guint suffix = 0;
  double scaled = value / layout->v_scale;

  for (double s = layout->v_scale; s >= 1e3 && suffix + 1 < G_N_ELEMENTS (suffixes); s /= 1e3)
    suffix++;

  /* Zero is zero in any unit, and not -0 from rounding. */
  if (fabs (scaled) < layout->v_step / layout->v_scale * 1e-6)
    return g_strdup ("0");

  g_snprintf (format, sizeof format, "%%.%uf", layout->v_decimals);
  number = localize_number (g_ascii_formatd (buffer, sizeof buffer, format, scaled));

  return g_strconcat (number, suffixes[suffix], NULL);
}

PangoLayout *
_debrief_metrics_view_create_layout (DebriefMetricsView *self,
                                     const char         *text,
                                     gboolean            small,
                                     gboolean            bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (self->chart, text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  /* Figures of one width, so labels do not jitter as they change. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  if (small)
    pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);

  return layout;
}

void
_debrief_metrics_view_layout_size (PangoLayout *layout,
                                   double      *width,
                                   double      *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

static gint64
marker_usec (DebriefPhaseMarker *marker,
             gboolean           *set)
{
  GDateTime *at = debrief_phase_marker_get_at (marker);

  *set = at != NULL;
  if (at == NULL)
    return 0;

  return g_date_time_to_unix (at) * G_USEC_PER_SEC + g_date_time_get_microsecond (at);
}

double
_debrief_metrics_view_x_of (const DebriefMetricsLayout *layout,
                            gint64                      usec)
{
  return layout->x + (double) (usec - layout->t0) / (double) (layout->t1 - layout->t0) * layout->w;
}

double
_debrief_metrics_view_y_of (const DebriefMetricsLayout *layout,
                            double                      value)
{
  return layout->y + layout->h - (value - layout->v0) / (layout->v1 - layout->v0) * layout->h;
}

static void
compute_value_axis (DebriefMetricsView   *self,
                    DebriefMetricsLayout *layout)
{
  double lo = 0, hi = 1, raw, magnitude, norm, largest;
  guint target = MAX (2, (guint) (layout->h / 48));

  if (self->has_values)
    {
      lo = self->v_min;
      hi = self->v_max;
    }

  if (hi - lo <= fabs (hi) * 1e-12 || !isfinite (hi - lo))
    {
      double pad = lo == 0 ? 1 : fabs (lo) * 0.1;

      if (!isfinite (hi - lo))
        {
          lo = -G_MAXDOUBLE / 4;
          hi = G_MAXDOUBLE / 4;
        }
      else
        {
          lo -= pad;
          hi += pad;
        }
    }

  raw = (hi - lo) / target;
  magnitude = pow (10, floor (log10 (raw)));
  norm = raw / magnitude;
  if (norm <= 1)
    layout->v_step = magnitude;
  else if (norm <= 2)
    layout->v_step = 2 * magnitude;
  else if (norm <= 2.5)
    layout->v_step = 2.5 * magnitude;
  else if (norm <= 5)
    layout->v_step = 5 * magnitude;
  else
    layout->v_step = 10 * magnitude;

  layout->v0 = floor (lo / layout->v_step) * layout->v_step;
  layout->v1 = ceil (hi / layout->v_step) * layout->v_step;
  if (layout->v1 <= layout->v0)
    layout->v1 = layout->v0 + layout->v_step;

  largest = MAX (fabs (layout->v0), fabs (layout->v1));
  layout->v_scale = 1;
  while (largest / layout->v_scale >= 1e5 && layout->v_scale < 1e12)
    layout->v_scale *= 1e3;

  layout->v_decimals = 0;
  for (double step = layout->v_step / layout->v_scale;
       layout->v_decimals < 12 && fabs (step - round (step)) > step * 1e-6;
       step *= 10)
    layout->v_decimals++;
}

guint
_debrief_metrics_view_n_value_ticks (const DebriefMetricsLayout *layout)
{
  double n = round ((layout->v1 - layout->v0) / layout->v_step);

  return isfinite (n) ? (guint) CLAMP (n, 1, MAX_TICKS) : 1;
}

static TickFormat
tick_format (const DebriefMetricsLayout *layout)
{
  return time_steps[layout->time_step].format;
}

/* Whether the time ticks show times of day (not days or months): then
 * the date goes under the first of each day. */
gboolean
_debrief_metrics_view_ticks_within_day (const DebriefMetricsLayout *layout)
{
  return tick_format (layout) <= TICK_MIN;
}

char *
_debrief_metrics_view_format_tick_time (DebriefMetricsView         *self,
                                        const DebriefMetricsLayout *layout,
                                        gint64                      usec)
{
  switch (tick_format (layout))
    {
    case TICK_MSEC:
      return _debrief_metrics_view_format_usec (self, usec, "%H:%M:%S", TRUE);
    case TICK_SEC:
      return _debrief_metrics_view_format_usec (self, usec, "%H:%M:%S", FALSE);
    case TICK_MIN:
      return _debrief_metrics_view_format_usec (self, usec, "%H:%M", FALSE);
    case TICK_DAY:
      /* Translators: a day on the time axis of a chart, see
       * g_date_time_format(); keep it short. */
      return _debrief_metrics_view_format_usec (self, usec, _("%-d %b"), FALSE);
    case TICK_MONTH:
    default:
      /* Translators: a month on the time axis of a chart, see
       * g_date_time_format(); keep it short. */
      return _debrief_metrics_view_format_usec (self, usec, _("%b %Y"), FALSE);
    }
}

/* The date under the times of the time axis, where the day changes. */
char *
_debrief_metrics_view_format_tick_date (DebriefMetricsView *self,
                                        gint64              usec)
{
  /* Translators: a date under the times of a chart's time axis, see
   * g_date_time_format(). */
  return _debrief_metrics_view_format_usec (self, usec, _("%-d %b %Y"), FALSE);
}

static void
choose_time_step (DebriefMetricsView   *self,
                  DebriefMetricsLayout *layout)
{
  static const char *samples[] = {
    [TICK_MSEC] = "00:00:00.000",
    [TICK_SEC] = "00:00:00",
    [TICK_MIN] = "00:00",
    [TICK_DAY] = "30 Sep",
    [TICK_MONTH] = "Sep 2026",
  };
  double widths[G_N_ELEMENTS (samples)];
  double span = (double) (layout->t1 - layout->t0);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(PangoLayout) text = _debrief_metrics_view_create_layout (self, samples[i], TRUE, FALSE);

      _debrief_metrics_view_layout_size (text, &widths[i], NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (time_steps); i++)
    {
      double n = span / (double) time_steps[i].usec;

      layout->time_step = i;
      if (n * (widths[time_steps[i].format] + 24) <= layout->w)
        return;
    }
}

/* The times of the ticks: on whole steps of the shown time zone's clock. */
GArray *
_debrief_metrics_view_time_ticks (DebriefMetricsView         *self,
                                  const DebriefMetricsLayout *layout)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 step = time_steps[layout->time_step].usec;
  guint n = time_steps[layout->time_step].n;
  TickFormat format = tick_format (layout);

  if (format == TICK_DAY || format == TICK_MONTH)
    {
      g_autoptr(GDateTime) first = _debrief_metrics_view_new_datetime (self, layout->t0);
      g_autoptr(GDateTime) tick = NULL;

      if (first == NULL)
        return ticks;

      tick = g_date_time_new (self->zone,
                              g_date_time_get_year (first),
                              format == TICK_MONTH ? 1 : g_date_time_get_month (first),
                              format == TICK_MONTH ? 1 : g_date_time_get_day_of_month (first),
                              0, 0, 0);
      if (format == TICK_DAY && n == 7)
        {
          GDateTime *monday = g_date_time_add_days (tick, 1 - g_date_time_get_day_of_week (tick));

          g_date_time_unref (tick);
          tick = monday;
        }

      while (tick != NULL && ticks->len < MAX_TICKS)
        {
          gint64 usec = g_date_time_to_unix (tick) * G_USEC_PER_SEC;
          GDateTime *next;

          if (usec > layout->t1)
            break;
          if (usec >= layout->t0)
            g_array_append_val (ticks, usec);

          next = format == TICK_MONTH ? g_date_time_add_months (tick, n) : g_date_time_add_days (tick, n);
          g_date_time_unref (tick);
          tick = next;
        }

      return ticks;
    }

  for (gint64 usec = _debrief_metrics_view_floor_div (layout->t0 + _debrief_metrics_view_utc_offset (self->zone, layout->t0), step) * step -
                     _debrief_metrics_view_utc_offset (self->zone, layout->t0);
       usec <= layout->t1 && ticks->len < MAX_TICKS;)
    {
      gint64 next = usec + step;
      gint64 offset = _debrief_metrics_view_utc_offset (self->zone, next);
      gint64 aligned = _debrief_metrics_view_floor_div (next + offset, step) * step - offset;

      if (usec >= layout->t0)
        g_array_append_val (ticks, usec);

      /* Across a change of the clocks, back onto whole steps. */
      usec = aligned > usec ? aligned : next;
    }

  return ticks;
}

static int
compare_markers (gconstpointer a,
                 gconstpointer b)
{
  const DebriefMetricsMarker *ma = a;
  const DebriefMetricsMarker *mb = b;

  return ma->usec < mb->usec ? -1 : ma->usec > mb->usec;
}

/* The markers within the time shown, left to right, their labels placed
 * in as many rows as they need not to overlap. Returns the rows. */
static guint
place_markers (DebriefMetricsView         *self,
               const DebriefMetricsLayout *layout,
               GArray                     *markers)
{
  double row_end[MAX_MARKER_ROWS];
  guint rows = 0;
  guint n;

  if (self->markers == NULL)
    return 0;

  n = g_list_model_get_n_items (self->markers);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->markers, i);
      DebriefMetricsMarker marker = { 0 };
      gboolean set;

      if (!DEBRIEF_IS_PHASE_MARKER (item))
        continue;

      marker.usec = marker_usec (DEBRIEF_PHASE_MARKER (item), &set);
      if (!set || marker.usec < layout->t0 || marker.usec > layout->t1)
        continue;

      marker.kind = debrief_phase_marker_get_kind (DEBRIEF_PHASE_MARKER (item));
      marker.x = _debrief_metrics_view_x_of (layout, marker.usec);
      g_array_append_val (markers, marker);
    }

  g_array_sort (markers, compare_markers);

  for (guint i = 0; i < markers->len; i++)
    {
      DebriefMetricsMarker *marker = &g_array_index (markers, DebriefMetricsMarker, i);
      g_autoptr(PangoLayout) text = _debrief_metrics_view_create_layout (self, _debrief_metrics_view_marker_label (marker->kind), TRUE, TRUE);
      guint row;

      _debrief_metrics_view_layout_size (text, &marker->label_width, NULL);
      marker->label_x = marker->x + 4;
      if (marker->label_x + marker->label_width > layout->width - 2)
        marker->label_x = marker->x - 4 - marker->label_width;

      for (row = 0; row < rows; row++)
        if (marker->label_x >= row_end[row] + 8)
          break;
      if (row == rows)
        {
          if (rows < MAX_MARKER_ROWS)
            rows++;
          else
            row = rows - 1;
        }
      marker->row = row;
      row_end[row] = marker->label_x + marker->label_width;
    }

  return rows;
}

static void
compute_layout_with (DebriefMetricsView   *self,
                     guint                 marker_rows,
                     DebriefMetricsLayout *layout)
{
  g_autoptr(PangoLayout) sample = _debrief_metrics_view_create_layout (self, "0:", TRUE, FALSE);
  double top, bottom, left = 0;
  guint n_ticks;

  layout->width = gtk_widget_get_width (self->chart);
  layout->height = gtk_widget_get_height (self->chart);
  _debrief_metrics_view_layout_size (sample, NULL, &layout->label_height);
  layout->marker_rows = marker_rows;

  layout->t0 = self->t_min + self->clock_offset;
  layout->t1 = self->t_max + self->clock_offset;
  if (layout->t1 - layout->t0 <= 0)
    {
      layout->t0 -= MIN_TIME_SPAN / 2;
      layout->t1 += MIN_TIME_SPAN / 2;
    }

  top = 10 + marker_rows * (layout->label_height + 4);
  bottom = TICK_LENGTH + 2 * layout->label_height + 8;
  layout->y = top;
  layout->h = MAX (layout->height - top - bottom, 1);

  compute_value_axis (self, layout);
  n_ticks = _debrief_metrics_view_n_value_ticks (layout);
  for (guint i = 0; i <= n_ticks && self->has_values; i++)
    {
      g_autofree char *label = _debrief_metrics_view_format_tick_value (layout, layout->v0 + i * layout->v_step);
      g_autoptr(PangoLayout) text = _debrief_metrics_view_create_layout (self, label, TRUE, FALSE);
      double w;

      _debrief_metrics_view_layout_size (text, &w, NULL);
      left = MAX (left, w);
    }

  layout->x = MAX (left + LABEL_GAP + 6, 24);
  layout->w = MAX (layout->width - layout->x - 16, 1);

  choose_time_step (self, layout);
}

void
_debrief_metrics_view_compute_layout (DebriefMetricsView   *self,
                                      DebriefMetricsLayout *layout,
                                      GArray               *markers)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (DebriefMetricsMarker));
  guint rows;

  compute_layout_with (self, 0, layout);
  rows = place_markers (self, layout, placed);
  if (rows > 0)
    {
      compute_layout_with (self, rows, layout);
      g_array_set_size (placed, 0);
      place_markers (self, layout, placed);
    }

  if (markers != NULL)
    g_array_append_vals (markers, placed->data, placed->len);
}
