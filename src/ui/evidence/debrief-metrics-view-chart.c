/* debrief-metrics-view-chart.c
 *
 * The metrics chart's layout and drawing: axes and their ticks, the
 * series as lines with gaps, phase markers, the cursor and the readout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-metrics-view"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "core/debrief-phase-marker.h"
#include "debrief-metrics-view.h"
#include "debrief-metrics-view-private.h"

#define TICK_LENGTH        4.0

#define LABEL_GAP          6.0

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

static const char *
marker_label (DebriefMarkerKind kind)
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

static char *
format_tick_value (const DebriefMetricsLayout *layout,
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

static PangoLayout *
create_layout (DebriefMetricsView *self,
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

static void
layout_size (PangoLayout *layout,
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

static double
y_of (const DebriefMetricsLayout *layout,
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

static guint
n_value_ticks (const DebriefMetricsLayout *layout)
{
  double n = round ((layout->v1 - layout->v0) / layout->v_step);

  return isfinite (n) ? (guint) CLAMP (n, 1, MAX_TICKS) : 1;
}

static TickFormat
tick_format (const DebriefMetricsLayout *layout)
{
  return time_steps[layout->time_step].format;
}

static char *
format_tick_time (DebriefMetricsView         *self,
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
static char *
format_tick_date (DebriefMetricsView *self,
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
      g_autoptr(PangoLayout) text = create_layout (self, samples[i], TRUE, FALSE);

      layout_size (text, &widths[i], NULL);
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
static GArray *
time_ticks (DebriefMetricsView         *self,
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
      g_autoptr(PangoLayout) text = create_layout (self, marker_label (marker->kind), TRUE, TRUE);
      guint row;

      layout_size (text, &marker->label_width, NULL);
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
  g_autoptr(PangoLayout) sample = create_layout (self, "0:", TRUE, FALSE);
  double top, bottom, left = 0;
  guint n_ticks;

  layout->width = gtk_widget_get_width (self->chart);
  layout->height = gtk_widget_get_height (self->chart);
  layout_size (sample, NULL, &layout->label_height);
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
  n_ticks = n_value_ticks (layout);
  for (guint i = 0; i <= n_ticks && self->has_values; i++)
    {
      g_autofree char *label = format_tick_value (layout, layout->v0 + i * layout->v_step);
      g_autoptr(PangoLayout) text = create_layout (self, label, TRUE, FALSE);
      double w;

      layout_size (text, &w, NULL);
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

/* Drawing */

typedef struct
{
  GdkRGBA fg;
  GdkRGBA accent;
  GdkRGBA bg;
} Colors;

static void
get_colors (DebriefMetricsView *self,
            Colors             *colors)
{
  GtkStyleContext *context = gtk_widget_get_style_context (self->chart);

  gtk_style_context_get_color (context, &colors->fg);

  if (!gtk_style_context_lookup_color (context, "accent_color", &colors->accent))
    gdk_rgba_parse (&colors->accent, "#3584e4");

  if (!gtk_style_context_lookup_color (context, "popover_bg_color", &colors->bg) &&
      !gtk_style_context_lookup_color (context, "view_bg_color", &colors->bg))
    {
      double luminance = 0.3 * colors->fg.red + 0.59 * colors->fg.green + 0.11 * colors->fg.blue;

      gdk_rgba_parse (&colors->bg, luminance > 0.5 ? "#383838" : "#ffffff");
    }
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *rgba,
            double         alpha)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha);
}

static void
show_text (cairo_t     *cr,
           PangoLayout *text,
           double       x,
           double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, text);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   w,
                   double   h,
                   double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_message (DebriefMetricsView *self,
              cairo_t            *cr,
              const Colors       *colors,
              double              cx,
              double              cy,
              const char         *message)
{
  g_autoptr(PangoLayout) text = create_layout (self, message, FALSE, FALSE);
  double w, h;

  layout_size (text, &w, &h);
  set_source (cr, &colors->fg, 0.55);
  show_text (cr, text, round (cx - w / 2), round (cy - h / 2));
}

static void
draw_axes (DebriefMetricsView         *self,
           cairo_t                    *cr,
           const DebriefMetricsLayout *layout,
           const Colors               *colors)
{
  g_autoptr(GArray) ticks = time_ticks (self, layout);
  guint n_ticks = n_value_ticks (layout);
  double previous_end = -G_MAXDOUBLE;
  double date_end = -G_MAXDOUBLE;
  gint64 previous_tick = G_MININT64;

  cairo_set_line_width (cr, 1);

  for (guint i = 0; i <= n_ticks; i++)
    {
      double value = layout->v0 + i * layout->v_step;
      double y = round (y_of (layout, value)) + 0.5;

      set_source (cr, &colors->fg, i == 0 ? 0.35 : 0.1);
      cairo_move_to (cr, layout->x, y);
      cairo_line_to (cr, layout->x + layout->w, y);
      cairo_stroke (cr);

      if (self->has_values)
        {
          g_autofree char *label = format_tick_value (layout, value);
          g_autoptr(PangoLayout) text = create_layout (self, label, TRUE, FALSE);
          double w, h;

          layout_size (text, &w, &h);
          set_source (cr, &colors->fg, 0.7);
          show_text (cr, text, layout->x - LABEL_GAP - w, round (y - h / 2));
        }
    }

  for (guint i = 0; i < ticks->len; i++)
    {
      gint64 usec = g_array_index (ticks, gint64, i);
      double x = round (_debrief_metrics_view_x_of (layout, usec)) + 0.5;
      double bottom = layout->y + layout->h;
      g_autofree char *label = format_tick_time (self, layout, usec);
      g_autoptr(PangoLayout) text = create_layout (self, label, TRUE, FALSE);
      double w, h, lx;

      set_source (cr, &colors->fg, 0.06);
      cairo_move_to (cr, x, layout->y);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);

      set_source (cr, &colors->fg, 0.35);
      cairo_move_to (cr, x, bottom);
      cairo_line_to (cr, x, bottom + TICK_LENGTH);
      cairo_stroke (cr);

      layout_size (text, &w, &h);
      lx = CLAMP (round (x - w / 2), 0, MAX (0, layout->width - w));
      if (lx < previous_end + 4)
        continue;
      previous_end = lx + w;

      set_source (cr, &colors->fg, 0.7);
      show_text (cr, text, lx, bottom + TICK_LENGTH + 2);

      /* Under times of day, the date: first, and where it changes. */
      if (tick_format (layout) <= TICK_MIN &&
          (previous_tick == G_MININT64 || !_debrief_metrics_view_same_day (self, previous_tick, usec)) &&
          lx >= date_end + 8)
        {
          g_autofree char *date = format_tick_date (self, usec);
          g_autoptr(PangoLayout) date_text = create_layout (self, date, TRUE, FALSE);
          double dw, dx;

          layout_size (date_text, &dw, NULL);
          dx = CLAMP (lx, 0, MAX (0, layout->width - dw));
          set_source (cr, &colors->fg, 0.5);
          show_text (cr, date_text, dx, bottom + TICK_LENGTH + 2 + h);
          date_end = dx + dw;
        }
      previous_tick = usec;
    }

  if (ticks->len == 0 && tick_format (layout) <= TICK_MIN)
    {
      g_autofree char *date = format_tick_date (self, layout->t0);
      g_autoptr(PangoLayout) date_text = create_layout (self, date, TRUE, FALSE);

      set_source (cr, &colors->fg, 0.5);
      show_text (cr, date_text, layout->x, layout->y + layout->h + TICK_LENGTH + 2 + layout->label_height);
    }
}

static void
draw_markers (DebriefMetricsView         *self,
              cairo_t                    *cr,
              const DebriefMetricsLayout *layout,
              const Colors               *colors,
              GArray                     *markers)
{
  static const double dashes[] = { 4, 3 };

  for (guint i = 0; i < markers->len; i++)
    {
      const DebriefMetricsMarker *marker = &g_array_index (markers, DebriefMetricsMarker, i);
      g_autoptr(PangoLayout) text = create_layout (self, marker_label (marker->kind), TRUE, TRUE);
      double label_y = 6 + marker->row * (layout->label_height + 4);
      double x = round (marker->x) + 0.5;

      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      set_source (cr, &colors->fg, 0.55);
      cairo_move_to (cr, x, label_y + layout->label_height / 2);
      cairo_line_to (cr, x, layout->y + layout->h);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      set_source (cr, &colors->fg, 0.85);
      show_text (cr, text, round (marker->label_x), label_y);
    }
}

static void
dot (cairo_t *cr,
     double   x,
     double   y,
     double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
}

/* One series as a line, broken where values are missing. Where rows are
 * denser than pixels, each column of pixels gets the first, lowest,
 * highest and last value that falls in it, so spikes stay visible. */
static void
draw_series (DebriefMetricsView         *self,
             cairo_t                    *cr,
             const DebriefMetricsLayout *layout,
             guint                       series)
{
  static const double dashed[] = { 6, 4 };
  g_autoptr(GArray) isolated = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean in_segment = FALSE;
  guint segment_points = 0;
  gboolean have_column = FALSE;
  gint64 column = 0;
  double column_x = 0, first = 0, lowest = 0, highest = 0, last = 0;
  guint column_points = 0;
  guint n = _debrief_metrics_view_n_rows (self);
  gboolean dots = n > 0 && layout->w / n >= 10;
  GdkRGBA color;

  _debrief_metrics_view_series_color (series, &color);

  cairo_new_path (cr);

#define FLUSH_COLUMN()                                                    \
  G_STMT_START {                                                          \
    if (have_column)                                                      \
      {                                                                   \
        if (!in_segment)                                                  \
          cairo_move_to (cr, column_x, first);                            \
        else                                                              \
          cairo_line_to (cr, column_x, first);                            \
        if (column_points > 1)                                            \
          {                                                               \
            cairo_line_to (cr, column_x, lowest);                         \
            cairo_line_to (cr, column_x, highest);                        \
            cairo_line_to (cr, column_x, last);                           \
          }                                                               \
        in_segment = TRUE;                                                \
        segment_points += column_points;                                  \
        have_column = FALSE;                                              \
      }                                                                   \
  } G_STMT_END

  for (guint k = 0; k <= n; k++)
    {
      guint row = k < n ? self->order[k] : 0;
      double v = k < n ? _debrief_metrics_view_value_at (self, series, row) : NAN;
      double x, y;

      if (!isfinite (v))
        {
          FLUSH_COLUMN ();
          if (in_segment && segment_points == 1)
            {
              g_array_append_val (isolated, column_x);
              g_array_append_val (isolated, first);
            }
          in_segment = FALSE;
          segment_points = 0;
          continue;
        }

      x = _debrief_metrics_view_x_of (layout, _debrief_metrics_view_row_usec (self, row));
      y = y_of (layout, v);

      if (have_column && (gint64) floor (x) == column)
        {
          lowest = MAX (lowest, y);
          highest = MIN (highest, y);
          last = y;
          column_points++;
          continue;
        }

      FLUSH_COLUMN ();
      have_column = TRUE;
      column = (gint64) floor (x);
      column_x = x;
      first = lowest = highest = last = y;
      column_points = 1;
    }

#undef FLUSH_COLUMN

  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (series >= DEBRIEF_METRICS_VIEW_N_COLORS)
    cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i + 1 < isolated->len; i += 2)
    dot (cr, g_array_index (isolated, double, i), g_array_index (isolated, double, i + 1), 3);

  if (dots)
    for (guint row = 0; row < n; row++)
      {
        double v = _debrief_metrics_view_value_at (self, series, row);

        if (isfinite (v))
          dot (cr, _debrief_metrics_view_x_of (layout, _debrief_metrics_view_row_usec (self, row)), y_of (layout, v), 2.5);
      }
  cairo_fill (cr);
}

/* Rings on each visible series' value at @row. */
static void
draw_row_points (DebriefMetricsView         *self,
                 cairo_t                    *cr,
                 const DebriefMetricsLayout *layout,
                 const Colors               *colors,
                 guint                       row)
{
  double x = _debrief_metrics_view_x_of (layout, _debrief_metrics_view_row_usec (self, row));

  for (guint i = 0; i < _debrief_metrics_view_n_series (self); i++)
    {
      double v = _debrief_metrics_view_value_at (self, i, row);
      GdkRGBA color;

      if (!self->visible[i] || !isfinite (v))
        continue;

      _debrief_metrics_view_series_color (i, &color);
      set_source (cr, &colors->bg, 1);
      dot (cr, x, y_of (layout, v), 5.5);
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, &color);
      dot (cr, x, y_of (layout, v), 3.5);
      cairo_fill (cr);
    }
}

static void
draw_cursor (cairo_t                    *cr,
             const DebriefMetricsLayout *layout,
             double                      x,
             const GdkRGBA              *color,
             double                      alpha,
             double                      width)
{
  cairo_set_line_width (cr, width);
  set_source (cr, color, alpha);
  cairo_move_to (cr, x, layout->y);
  cairo_line_to (cr, x, layout->y + layout->h);
  cairo_stroke (cr);
}

int
_debrief_metrics_view_shown_row (DebriefMetricsView *self)
{
  if (self->hover_row >= 0)
    return self->hover_row;
  if (gtk_widget_has_focus (self->chart))
    return self->selected_row;

  return -1;
}

char *
_debrief_metrics_view_dup_value_text (DebriefMetricsView *self,
                                      guint               series,
                                      guint               row)
{
  double v = _debrief_metrics_view_value_at (self, series, row);

  return isfinite (v) ? _debrief_metrics_view_format_value (v) : g_strdup (_("no value"));
}

static void
draw_readout (DebriefMetricsView         *self,
              cairo_t                    *cr,
              const DebriefMetricsLayout *layout,
              const Colors               *colors,
              guint                       row)
{
  g_autofree char *time = _debrief_metrics_view_format_row_time (self, row);
  g_autoptr(PangoLayout) title = create_layout (self, time, TRUE, TRUE);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) which = g_array_new (FALSE, FALSE, sizeof (guint));
  double padding = 8, swatch = 10, line_gap = 3;
  double name_w = 0, value_w = 0, title_w, title_h, box_w, box_h, line_h = layout->label_height;
  double cursor = _debrief_metrics_view_x_of (layout, _debrief_metrics_view_row_usec (self, row));
  double bx, by, y;

  for (guint i = 0; i < _debrief_metrics_view_n_series (self); i++)
    {
      g_autofree char *value = NULL;
      PangoLayout *name_text, *value_text;
      double w;

      if (!self->visible[i])
        continue;

      value = _debrief_metrics_view_dup_value_text (self, i, row);
      name_text = create_layout (self, _debrief_metrics_view_series_name (self, i), TRUE, FALSE);
      value_text = create_layout (self, value, TRUE, TRUE);
      layout_size (name_text, &w, NULL);
      name_w = MAX (name_w, w);
      layout_size (value_text, &w, NULL);
      value_w = MAX (value_w, w);
      g_ptr_array_add (names, name_text);
      g_ptr_array_add (values, value_text);
      g_array_append_val (which, i);
    }

  layout_size (title, &title_w, &title_h);
  box_w = padding * 2 + MAX (title_w, swatch + 6 + name_w + 16 + value_w);
  box_h = padding * 2 + title_h + which->len * (line_h + line_gap);

  bx = cursor + 12;
  if (bx + box_w > layout->x + layout->w)
    bx = cursor - 12 - box_w;
  bx = round (MAX (bx, 0));
  by = round (layout->y + 6);

  cairo_set_source_rgba (cr, 0, 0, 0, 0.12);
  rounded_rectangle (cr, bx, by + 1, box_w, box_h + 1, 6);
  cairo_fill (cr);
  set_source (cr, &colors->bg, 1);
  rounded_rectangle (cr, bx, by, box_w, box_h, 6);
  cairo_fill_preserve (cr);
  set_source (cr, &colors->fg, 0.15);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  set_source (cr, &colors->fg, 1);
  show_text (cr, title, bx + padding, by + padding);

  y = by + padding + title_h + line_gap;
  for (guint i = 0; i < which->len; i++)
    {
      PangoLayout *value_text = g_ptr_array_index (values, i);
      GdkRGBA color;
      double w;

      _debrief_metrics_view_series_color (g_array_index (which, guint, i), &color);
      gdk_cairo_set_source_rgba (cr, &color);
      rounded_rectangle (cr, bx + padding, y + (line_h - swatch) / 2, swatch, swatch, 2);
      cairo_fill (cr);

      set_source (cr, &colors->fg, 0.8);
      show_text (cr, g_ptr_array_index (names, i), bx + padding + swatch + 6, y);

      layout_size (value_text, &w, NULL);
      set_source (cr, &colors->fg, 1);
      show_text (cr, value_text, bx + box_w - padding - w, y);

      y += line_h + line_gap;
    }
}

void
_debrief_metrics_view_draw_chart (GtkDrawingArea *area,
                                  cairo_t        *cr,
                                  int             width,
                                  int             height,
                                  gpointer        user_data)
{
  DebriefMetricsView *self = user_data;
  g_autoptr(GArray) markers = g_array_new (FALSE, FALSE, sizeof (DebriefMetricsMarker));
  gboolean any_visible = FALSE;
  DebriefMetricsLayout layout;
  Colors colors;
  int row;

  get_colors (self, &colors);
  g_array_set_size (self->drawn_markers, 0);

  if (_debrief_metrics_view_n_rows (self) == 0)
    {
      draw_message (self, cr, &colors, width / 2., height / 2.,
                    self->table == NULL ? _("No metrics to show") : _("The metrics table has no rows"));
      goto focus;
    }

  _debrief_metrics_view_compute_layout (self, &layout, markers);

  draw_axes (self, cr, &layout, &colors);
  draw_markers (self, cr, &layout, &colors, markers);
  g_array_append_vals (self->drawn_markers, markers->data, markers->len);

  cairo_save (cr);
  cairo_rectangle (cr, layout.x - 4, layout.y - 4, layout.w + 8, layout.h + 8);
  cairo_clip (cr);
  for (guint i = 0; i < _debrief_metrics_view_n_series (self); i++)
    if (self->visible[i])
      {
        any_visible = TRUE;
        draw_series (self, cr, &layout, i);
      }
  cairo_restore (cr);

  if (!any_visible)
    draw_message (self, cr, &colors, layout.x + layout.w / 2, layout.y + layout.h / 2,
                  _("Choose a series to show"));
  else if (!self->has_values)
    draw_message (self, cr, &colors, layout.x + layout.w / 2, layout.y + layout.h / 2,
                  _("The chosen series have no values"));

  if (self->selected_row >= 0)
    {
      double x = round (_debrief_metrics_view_x_of (&layout, _debrief_metrics_view_row_usec (self, self->selected_row)));

      draw_cursor (cr, &layout, x, &colors.accent, 1, 2);
      draw_row_points (self, cr, &layout, &colors, self->selected_row);
    }

  if (self->hover_row >= 0 && self->hover_row != self->selected_row)
    {
      double x = round (_debrief_metrics_view_x_of (&layout, _debrief_metrics_view_row_usec (self, self->hover_row))) + 0.5;

      draw_cursor (cr, &layout, x, &colors.fg, 0.45, 1);
      draw_row_points (self, cr, &layout, &colors, self->hover_row);
    }

  if ((row = _debrief_metrics_view_shown_row (self)) >= 0)
    draw_readout (self, cr, &layout, &colors, row);

focus:
  if (gtk_widget_has_visible_focus (GTK_WIDGET (area)))
    {
      set_source (cr, &colors.accent, 0.5);
      cairo_set_line_width (cr, 2);
      rounded_rectangle (cr, 1, 1, width - 2, height - 2, 6);
      cairo_stroke (cr);
    }
}

void
_debrief_metrics_view_update_accessible_description (DebriefMetricsView *self)
{
  g_autofree char *description = NULL;

  if (self->selected_row >= 0)
    description = debrief_metrics_view_dup_row_text (self, self->selected_row);
  else if (_debrief_metrics_view_n_rows (self) > 0)
    {
      g_autofree char *from = _debrief_metrics_view_format_row_time (self, self->order[0]);
      g_autofree char *to = _debrief_metrics_view_format_row_time (self, self->order[_debrief_metrics_view_n_rows (self) - 1]);
      g_autofree char *series = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u series", "%u series",
                                                              _debrief_metrics_view_n_series (self)),
                                                 _debrief_metrics_view_n_series (self));

      /* Translators: “3 series, 120 rows from 14:00:00 to 14:30:00”. */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%s, %u row from %s to %s",
                                                  "%s, %u rows from %s to %s",
                                                  _debrief_metrics_view_n_rows (self)),
                                     series, _debrief_metrics_view_n_rows (self), from, to);
    }

  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}
