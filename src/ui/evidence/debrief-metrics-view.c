/* debrief-metrics-view.c
 *
 * A line chart of a metrics table drawn with cairo: a time axis whose
 * ticks follow the range shown, a value axis that fits the series chosen
 * with the check buttons above it, gaps where values are missing, the
 * incident's phase markers, a readout under the pointer, and a selected
 * row (by click or the arrow keys) for citing on the timeline.
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

/* The libadwaita palette: blue 3, green 3, orange 3, purple 3, red 3,
 * yellow 3, brown 3. Series past these repeat them, dashed. */
static const guint32 palette[] = {
  0x3584e4, 0x33d17a, 0xff7800, 0x9141ac, 0xe01b24, 0xf6d32d, 0x986a44,
};

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

typedef struct
{
  DebriefMarkerKind kind;
  gint64            usec;
  double            x;
  double            label_x;
  double            label_width;
  guint             row;
} Marker;

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
} Layout;

struct _DebriefMetricsView
{
  GtkWidget            parent_instance;

  DebriefMetricsTable *table;
  guint               *order;    /* rows by time */
  guint               *rank;     /* each row's place in @order */
  gboolean            *visible;  /* per series */
  GPtrArray           *buttons;  /* GtkCheckButton per series, owned by the box */
  gint64               t_min;    /* table times, before the clock offset */
  gint64               t_max;
  gboolean             sub_second;

  gboolean             has_values;
  double               v_min;    /* of the visible series */
  double               v_max;

  gint64               clock_offset;
  GTimeZone           *zone;

  GListModel          *markers;
  GPtrArray           *watched_markers;
  GArray              *drawn_markers;  /* of Marker */

  int                  selected_row;
  int                  hover_row;

  GtkFlowBox          *series_box;
  GtkWidget           *chart;
};

G_DEFINE_FINAL_TYPE (DebriefMetricsView, debrief_metrics_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_ROW,
  PROP_CLOCK_OFFSET,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Helpers */

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;

  return q;
}

static guint
n_rows (DebriefMetricsView *self)
{
  return self->table != NULL ? self->table->times->len : 0;
}

static guint
n_series (DebriefMetricsView *self)
{
  return self->table != NULL ? self->table->series->len : 0;
}

static double
value_at (DebriefMetricsView *self,
          guint               series,
          guint               row)
{
  DebriefMetricsSeries *s = g_ptr_array_index (self->table->series, series);

  if (row >= s->values->len)
    return NAN;

  return g_array_index (s->values, double, row);
}

static const char *
series_name (DebriefMetricsView *self,
             guint               series)
{
  DebriefMetricsSeries *s = g_ptr_array_index (self->table->series, series);

  return s->name;
}

/* The time a row is drawn at: the table's, moved by the clock offset. */
static gint64
row_usec (DebriefMetricsView *self,
          guint               row)
{
  return g_array_index (self->table->times, gint64, row) + self->clock_offset;
}

static void
series_color (guint    series,
              GdkRGBA *rgba)
{
  guint32 rgb = palette[series % G_N_ELEMENTS (palette)];

  rgba->red = ((rgb >> 16) & 0xff) / 255.;
  rgba->green = ((rgb >> 8) & 0xff) / 255.;
  rgba->blue = (rgb & 0xff) / 255.;
  rgba->alpha = 1.;
}

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
static char *
format_value (double value)
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
format_tick_value (const Layout *layout,
                   double        value)
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

static gint64
utc_offset (GTimeZone *zone,
            gint64     usec)
{
  int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL,
                                            floor_div (usec, G_USEC_PER_SEC));

  if (interval < 0)
    return 0;

  return (gint64) g_time_zone_get_offset (zone, interval) * G_USEC_PER_SEC;
}

static GDateTime *
new_datetime (DebriefMetricsView *self,
              gint64              usec)
{
  gint64 secs = floor_div (usec, G_USEC_PER_SEC);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (secs);
  g_autoptr(GDateTime) precise = NULL;

  if (utc == NULL)
    return NULL;

  precise = g_date_time_add (utc, usec - secs * G_USEC_PER_SEC);
  if (precise == NULL)
    return NULL;

  return g_date_time_to_timezone (precise, self->zone);
}

static char *
format_usec (DebriefMetricsView *self,
             gint64              usec,
             const char         *format,
             gboolean            msec)
{
  g_autoptr(GDateTime) datetime = new_datetime (self, usec);
  g_autofree char *text = NULL;

  if (datetime == NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT, usec);

  text = g_date_time_format (datetime, format);
  if (msec)
    return g_strdup_printf ("%s.%03d", text, g_date_time_get_microsecond (datetime) / 1000);

  return g_steal_pointer (&text);
}

static gboolean
same_day (DebriefMetricsView *self,
          gint64              a,
          gint64              b)
{
  g_autoptr(GDateTime) da = new_datetime (self, a);
  g_autoptr(GDateTime) db = new_datetime (self, b);

  return da != NULL && db != NULL &&
         g_date_time_get_year (da) == g_date_time_get_year (db) &&
         g_date_time_get_day_of_year (da) == g_date_time_get_day_of_year (db);
}

/* The time of a row as the readout and citations give it: with the date
 * when the table spans more than one day. */
static char *
format_row_time (DebriefMetricsView *self,
                 guint               row)
{
  const char *format = "%H:%M:%S";

  if (!same_day (self, self->t_min + self->clock_offset, self->t_max + self->clock_offset))
    format = "%Y-%m-%d %H:%M:%S";

  return format_usec (self, row_usec (self, row), format, self->sub_second);
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

/* Data */

static void
update_value_range (DebriefMetricsView *self)
{
  self->has_values = FALSE;
  self->v_min = INFINITY;
  self->v_max = -INFINITY;

  for (guint i = 0; i < n_series (self); i++)
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
static int
nearest_row (DebriefMetricsView *self,
             gint64              usec)
{
  guint n = n_rows (self);
  guint lo = 0, hi;

  if (n == 0)
    return -1;

  hi = n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (row_usec (self, self->order[mid]) < usec)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo == n)
    return self->order[n - 1];
  if (lo > 0 && usec - row_usec (self, self->order[lo - 1]) <= row_usec (self, self->order[lo]) - usec)
    return self->order[lo - 1];

  return self->order[lo];
}

/* Layout */

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

static double
x_of (const Layout *layout,
      gint64        usec)
{
  return layout->x + (double) (usec - layout->t0) / (double) (layout->t1 - layout->t0) * layout->w;
}

static double
y_of (const Layout *layout,
      double        value)
{
  return layout->y + layout->h - (value - layout->v0) / (layout->v1 - layout->v0) * layout->h;
}

static void
compute_value_axis (DebriefMetricsView *self,
                    Layout             *layout)
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
n_value_ticks (const Layout *layout)
{
  double n = round ((layout->v1 - layout->v0) / layout->v_step);

  return isfinite (n) ? (guint) CLAMP (n, 1, MAX_TICKS) : 1;
}

static TickFormat
tick_format (const Layout *layout)
{
  return time_steps[layout->time_step].format;
}

static char *
format_tick_time (DebriefMetricsView *self,
                  const Layout       *layout,
                  gint64              usec)
{
  switch (tick_format (layout))
    {
    case TICK_MSEC:
      return format_usec (self, usec, "%H:%M:%S", TRUE);
    case TICK_SEC:
      return format_usec (self, usec, "%H:%M:%S", FALSE);
    case TICK_MIN:
      return format_usec (self, usec, "%H:%M", FALSE);
    case TICK_DAY:
      /* Translators: a day on the time axis of a chart, see
       * g_date_time_format(); keep it short. */
      return format_usec (self, usec, _("%-d %b"), FALSE);
    case TICK_MONTH:
    default:
      /* Translators: a month on the time axis of a chart, see
       * g_date_time_format(); keep it short. */
      return format_usec (self, usec, _("%b %Y"), FALSE);
    }
}

/* The date under the times of the time axis, where the day changes. */
static char *
format_tick_date (DebriefMetricsView *self,
                  gint64              usec)
{
  /* Translators: a date under the times of a chart's time axis, see
   * g_date_time_format(). */
  return format_usec (self, usec, _("%-d %b %Y"), FALSE);
}

static void
choose_time_step (DebriefMetricsView *self,
                  Layout             *layout)
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
time_ticks (DebriefMetricsView *self,
            const Layout       *layout)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 step = time_steps[layout->time_step].usec;
  guint n = time_steps[layout->time_step].n;
  TickFormat format = tick_format (layout);

  if (format == TICK_DAY || format == TICK_MONTH)
    {
      g_autoptr(GDateTime) first = new_datetime (self, layout->t0);
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

  for (gint64 usec = floor_div (layout->t0 + utc_offset (self->zone, layout->t0), step) * step -
                     utc_offset (self->zone, layout->t0);
       usec <= layout->t1 && ticks->len < MAX_TICKS;)
    {
      gint64 next = usec + step;
      gint64 offset = utc_offset (self->zone, next);
      gint64 aligned = floor_div (next + offset, step) * step - offset;

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
  const Marker *ma = a;
  const Marker *mb = b;

  return ma->usec < mb->usec ? -1 : ma->usec > mb->usec;
}

/* The markers within the time shown, left to right, their labels placed
 * in as many rows as they need not to overlap. Returns the rows. */
static guint
place_markers (DebriefMetricsView *self,
               const Layout       *layout,
               GArray             *markers)
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
      Marker marker = { 0 };
      gboolean set;

      if (!DEBRIEF_IS_PHASE_MARKER (item))
        continue;

      marker.usec = marker_usec (DEBRIEF_PHASE_MARKER (item), &set);
      if (!set || marker.usec < layout->t0 || marker.usec > layout->t1)
        continue;

      marker.kind = debrief_phase_marker_get_kind (DEBRIEF_PHASE_MARKER (item));
      marker.x = x_of (layout, marker.usec);
      g_array_append_val (markers, marker);
    }

  g_array_sort (markers, compare_markers);

  for (guint i = 0; i < markers->len; i++)
    {
      Marker *marker = &g_array_index (markers, Marker, i);
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
compute_layout_with (DebriefMetricsView *self,
                     guint               marker_rows,
                     Layout             *layout)
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

static void
compute_layout (DebriefMetricsView *self,
                Layout             *layout,
                GArray             *markers)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Marker));
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
draw_axes (DebriefMetricsView *self,
           cairo_t            *cr,
           const Layout       *layout,
           const Colors       *colors)
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
      double x = round (x_of (layout, usec)) + 0.5;
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
          (previous_tick == G_MININT64 || !same_day (self, previous_tick, usec)) &&
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
draw_markers (DebriefMetricsView *self,
              cairo_t            *cr,
              const Layout       *layout,
              const Colors       *colors,
              GArray             *markers)
{
  static const double dashes[] = { 4, 3 };

  for (guint i = 0; i < markers->len; i++)
    {
      const Marker *marker = &g_array_index (markers, Marker, i);
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
draw_series (DebriefMetricsView *self,
             cairo_t            *cr,
             const Layout       *layout,
             guint               series)
{
  static const double dashed[] = { 6, 4 };
  g_autoptr(GArray) isolated = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean in_segment = FALSE;
  guint segment_points = 0;
  gboolean have_column = FALSE;
  gint64 column = 0;
  double column_x = 0, first = 0, lowest = 0, highest = 0, last = 0;
  guint column_points = 0;
  guint n = n_rows (self);
  gboolean dots = n > 0 && layout->w / n >= 10;
  GdkRGBA color;

  series_color (series, &color);

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
      double v = k < n ? value_at (self, series, row) : NAN;
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

      x = x_of (layout, row_usec (self, row));
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
  if (series >= G_N_ELEMENTS (palette))
    cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i + 1 < isolated->len; i += 2)
    dot (cr, g_array_index (isolated, double, i), g_array_index (isolated, double, i + 1), 3);

  if (dots)
    for (guint row = 0; row < n; row++)
      {
        double v = value_at (self, series, row);

        if (isfinite (v))
          dot (cr, x_of (layout, row_usec (self, row)), y_of (layout, v), 2.5);
      }
  cairo_fill (cr);
}

/* Rings on each visible series' value at @row. */
static void
draw_row_points (DebriefMetricsView *self,
                 cairo_t            *cr,
                 const Layout       *layout,
                 const Colors       *colors,
                 guint               row)
{
  double x = x_of (layout, row_usec (self, row));

  for (guint i = 0; i < n_series (self); i++)
    {
      double v = value_at (self, i, row);
      GdkRGBA color;

      if (!self->visible[i] || !isfinite (v))
        continue;

      series_color (i, &color);
      set_source (cr, &colors->bg, 1);
      dot (cr, x, y_of (layout, v), 5.5);
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, &color);
      dot (cr, x, y_of (layout, v), 3.5);
      cairo_fill (cr);
    }
}

static void
draw_cursor (cairo_t      *cr,
             const Layout *layout,
             double        x,
             const GdkRGBA *color,
             double        alpha,
             double        width)
{
  cairo_set_line_width (cr, width);
  set_source (cr, color, alpha);
  cairo_move_to (cr, x, layout->y);
  cairo_line_to (cr, x, layout->y + layout->h);
  cairo_stroke (cr);
}

static int
shown_row (DebriefMetricsView *self)
{
  if (self->hover_row >= 0)
    return self->hover_row;
  if (gtk_widget_has_focus (self->chart))
    return self->selected_row;

  return -1;
}

static char *
dup_value_text (DebriefMetricsView *self,
                guint               series,
                guint               row)
{
  double v = value_at (self, series, row);

  return isfinite (v) ? format_value (v) : g_strdup (_("no value"));
}

static void
draw_readout (DebriefMetricsView *self,
              cairo_t            *cr,
              const Layout       *layout,
              const Colors       *colors,
              guint               row)
{
  g_autofree char *time = format_row_time (self, row);
  g_autoptr(PangoLayout) title = create_layout (self, time, TRUE, TRUE);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) which = g_array_new (FALSE, FALSE, sizeof (guint));
  double padding = 8, swatch = 10, line_gap = 3;
  double name_w = 0, value_w = 0, title_w, title_h, box_w, box_h, line_h = layout->label_height;
  double cursor = x_of (layout, row_usec (self, row));
  double bx, by, y;

  for (guint i = 0; i < n_series (self); i++)
    {
      g_autofree char *value = NULL;
      PangoLayout *name_text, *value_text;
      double w;

      if (!self->visible[i])
        continue;

      value = dup_value_text (self, i, row);
      name_text = create_layout (self, series_name (self, i), TRUE, FALSE);
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

      series_color (g_array_index (which, guint, i), &color);
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

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  DebriefMetricsView *self = user_data;
  g_autoptr(GArray) markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  gboolean any_visible = FALSE;
  Layout layout;
  Colors colors;
  int row;

  get_colors (self, &colors);
  g_array_set_size (self->drawn_markers, 0);

  if (n_rows (self) == 0)
    {
      draw_message (self, cr, &colors, width / 2., height / 2.,
                    self->table == NULL ? _("No metrics to show") : _("The metrics table has no rows"));
      goto focus;
    }

  compute_layout (self, &layout, markers);

  draw_axes (self, cr, &layout, &colors);
  draw_markers (self, cr, &layout, &colors, markers);
  g_array_append_vals (self->drawn_markers, markers->data, markers->len);

  cairo_save (cr);
  cairo_rectangle (cr, layout.x - 4, layout.y - 4, layout.w + 8, layout.h + 8);
  cairo_clip (cr);
  for (guint i = 0; i < n_series (self); i++)
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
      double x = round (x_of (&layout, row_usec (self, self->selected_row)));

      draw_cursor (cr, &layout, x, &colors.accent, 1, 2);
      draw_row_points (self, cr, &layout, &colors, self->selected_row);
    }

  if (self->hover_row >= 0 && self->hover_row != self->selected_row)
    {
      double x = round (x_of (&layout, row_usec (self, self->hover_row))) + 0.5;

      draw_cursor (cr, &layout, x, &colors.fg, 0.45, 1);
      draw_row_points (self, cr, &layout, &colors, self->hover_row);
    }

  if ((row = shown_row (self)) >= 0)
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

/* Accessibility */

static void
update_accessible_description (DebriefMetricsView *self)
{
  g_autofree char *description = NULL;

  if (self->selected_row >= 0)
    description = debrief_metrics_view_dup_row_text (self, self->selected_row);
  else if (n_rows (self) > 0)
    {
      g_autofree char *from = format_row_time (self, self->order[0]);
      g_autofree char *to = format_row_time (self, self->order[n_rows (self) - 1]);
      g_autofree char *series = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u series", "%u series",
                                                              n_series (self)),
                                                 n_series (self));

      /* Translators: “3 series, 120 rows from 14:00:00 to 14:30:00”. */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%s, %u row from %s to %s",
                                                  "%s, %u rows from %s to %s",
                                                  n_rows (self)),
                                     series, n_rows (self), from, to);
    }

  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Selection and hover */

static void
set_selected_row (DebriefMetricsView *self,
                  int                 row)
{
  if (self->selected_row == row)
    return;

  self->selected_row = row;
  update_accessible_description (self);
  gtk_widget_queue_draw (self->chart);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_ROW]);
}

static int
row_at_x (DebriefMetricsView *self,
          double              x)
{
  Layout layout;
  double fraction;

  if (n_rows (self) == 0)
    return -1;

  compute_layout (self, &layout, NULL);
  if (x < layout.x - 8 || x > layout.x + layout.w + 8)
    return -1;

  fraction = CLAMP ((x - layout.x) / layout.w, 0, 1);

  return nearest_row (self, layout.t0 + (gint64) (fraction * (layout.t1 - layout.t0)));
}

static void
move_selection (DebriefMetricsView *self,
                int                 delta)
{
  int n = n_rows (self);
  int k;

  if (n == 0)
    return;

  if (self->selected_row < 0)
    k = delta > 0 ? 0 : n - 1;
  else
    k = CLAMP ((int) self->rank[self->selected_row] + delta, 0, n - 1);

  set_selected_row (self, self->order[k]);
}

static void
motion_cb (DebriefMetricsView *self,
           double              x,
           double              y)
{
  _debrief_metrics_view_hover_at (self, x);
}

static void
leave_cb (DebriefMetricsView *self)
{
  _debrief_metrics_view_hover_at (self, -1);
}

static void
pressed_cb (DebriefMetricsView *self,
            int                 n_press,
            double              x,
            double              y)
{
  int row = row_at_x (self, x);

  gtk_widget_grab_focus (self->chart);
  if (row >= 0)
    set_selected_row (self, row);
}

static gboolean
key_pressed_cb (DebriefMetricsView *self,
                guint               keyval,
                guint               keycode,
                GdkModifierType     state)
{
  int n = n_rows (self);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || n == 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_selection (self, -1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_selection (self, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move_selection (self, -MAX (1, n / 10));
      return GDK_EVENT_STOP;

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move_selection (self, MAX (1, n / 10));
      return GDK_EVENT_STOP;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      set_selected_row (self, self->order[0]);
      return GDK_EVENT_STOP;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      set_selected_row (self, self->order[n - 1]);
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      if (self->selected_row < 0)
        return GDK_EVENT_PROPAGATE;
      set_selected_row (self, -1);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
focus_changed_cb (DebriefMetricsView *self)
{
  gtk_widget_queue_draw (self->chart);
}

/* Series */

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

  g_assert (series < n_series (self));

  if (self->visible[series] == visible)
    return;

  self->visible[series] = visible;
  update_value_range (self);
  update_accessible_description (self);
  gtk_widget_queue_draw (self->chart);
}

static void
rebuild_series_buttons (DebriefMetricsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->series_box))) != NULL)
    gtk_flow_box_remove (self->series_box, child);
  g_ptr_array_set_size (self->buttons, 0);

  for (guint i = 0; i < n_series (self); i++)
    {
      g_autofree char *css_class = g_strdup_printf ("debrief-series-%u", i % (guint) G_N_ELEMENTS (palette));
      GtkWidget *button = gtk_check_button_new_with_label (series_name (self, i));

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

  gtk_widget_set_visible (GTK_WIDGET (self->series_box), n_series (self) > 0);
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
 * debrief_metrics_view_get_table:
 * @self: a #DebriefMetricsView
 *
 * Returns: (transfer none) (nullable): the table shown
 */
const DebriefMetricsTable *
debrief_metrics_view_get_table (DebriefMetricsView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS_VIEW (self), NULL);

  return self->table;
}

/**
 * debrief_metrics_view_set_table:
 * @self: a #DebriefMetricsView
 * @table: (transfer full) (nullable): the table to show
 *
 * Shows @table with all its series, and no row selected.
 */
void
debrief_metrics_view_set_table (DebriefMetricsView  *self,
                                DebriefMetricsTable *table)
{
  guint n;

  g_return_if_fail (DEBRIEF_IS_METRICS_VIEW (self));

  if (self->table == table)
    return;

  g_clear_pointer (&self->table, debrief_metrics_table_free);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->rank, g_free);
  g_clear_pointer (&self->visible, g_free);

  self->table = table;
  self->hover_row = -1;
  self->t_min = self->t_max = 0;
  self->sub_second = FALSE;

  n = n_rows (self);
  self->order = g_new (guint, MAX (n, 1));
  self->rank = g_new (guint, MAX (n, 1));
  self->visible = g_new (gboolean, MAX (n_series (self), 1));

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

  for (guint i = 0; i < n_series (self); i++)
    self->visible[i] = TRUE;

  rebuild_series_buttons (self);
  update_value_range (self);

  if (self->selected_row >= 0)
    set_selected_row (self, -1);
  update_accessible_description (self);
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
  update_accessible_description (self);
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
  update_accessible_description (self);
  gtk_widget_queue_draw (self->chart);
}

guint
debrief_metrics_view_get_n_series (DebriefMetricsView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS_VIEW (self), 0);

  return n_series (self);
}

gboolean
debrief_metrics_view_get_series_visible (DebriefMetricsView *self,
                                         guint               series)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS_VIEW (self), FALSE);
  g_return_val_if_fail (series < n_series (self), FALSE);

  return self->visible[series];
}

/* Through the check button, so that it shows the change. */
void
debrief_metrics_view_set_series_visible (DebriefMetricsView *self,
                                         guint               series,
                                         gboolean            visible)
{
  g_return_if_fail (DEBRIEF_IS_METRICS_VIEW (self));
  g_return_if_fail (series < n_series (self));

  gtk_check_button_set_active (g_ptr_array_index (self->buttons, series), visible);
}

guint
debrief_metrics_view_get_n_rows (DebriefMetricsView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS_VIEW (self), 0);

  return n_rows (self);
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
  g_return_if_fail (row < n_rows (self));

  set_selected_row (self, (int) row);
}

void
debrief_metrics_view_unselect_row (DebriefMetricsView *self)
{
  g_return_if_fail (DEBRIEF_IS_METRICS_VIEW (self));

  set_selected_row (self, -1);
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
  g_return_val_if_fail (row < n_rows (self), 0);

  return row_usec (self, row);
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
  g_return_val_if_fail (row < n_rows (self), NULL);

  for (guint i = 0; i < n_series (self); i++)
    any_visible |= self->visible[i];

  values = g_string_new (NULL);
  for (guint i = 0; i < n_series (self); i++)
    {
      double v = value_at (self, i, row);
      g_autofree char *value = NULL;

      if ((any_visible && !self->visible[i]) || !isfinite (v))
        continue;

      value = format_value (v);
      if (values->len > 0)
        g_string_append (values, ", ");
      g_string_append_printf (values, "%s = %s", series_name (self, i), value);
    }

  time = format_row_time (self, row);
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

  if ((row = shown_row (self)) < 0)
    return NULL;

  time = format_row_time (self, row);
  text = g_string_new (time);
  for (guint i = 0; i < n_series (self); i++)
    {
      g_autofree char *value = NULL;

      if (!self->visible[i])
        continue;

      value = dup_value_text (self, i, row);
      g_string_append_c (text, '\n');
      /* Translators: a series and its value in the chart's readout. */
      g_string_append_printf (text, _("%s: %s"), series_name (self, i), value);
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

  row = x < 0 ? -1 : row_at_x (self, x);
  if (row == self->hover_row)
    return;

  self->hover_row = row;
  gtk_widget_queue_draw (self->chart);
}

double
_debrief_metrics_view_get_row_x (DebriefMetricsView *self,
                                 guint               row)
{
  Layout layout;

  g_assert (DEBRIEF_IS_METRICS_VIEW (self));
  g_assert (row < n_rows (self));

  compute_layout (self, &layout, NULL);

  return x_of (&layout, row_usec (self, row));
}

gboolean
_debrief_metrics_view_get_value_range (DebriefMetricsView *self,
                                       double             *min,
                                       double             *max)
{
  Layout layout;

  g_assert (DEBRIEF_IS_METRICS_VIEW (self));

  if (!self->has_values)
    return FALSE;

  compute_layout (self, &layout, NULL);
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
  const Marker *marker;

  g_assert (DEBRIEF_IS_METRICS_VIEW (self));
  g_assert (i < self->drawn_markers->len);

  marker = &g_array_index (self->drawn_markers, Marker, i);
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

  g_clear_pointer (&self->table, debrief_metrics_table_free);
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
  self->drawn_markers = g_array_new (FALSE, FALSE, sizeof (Marker));

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
  gtk_widget_set_size_request (self->chart, 400, 240);
  gtk_widget_set_hexpand (self->chart, TRUE);
  gtk_widget_set_vexpand (self->chart, TRUE);
  gtk_widget_set_focusable (self->chart, TRUE);
  gtk_widget_set_cursor_from_name (self->chart, "crosshair");
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), draw_chart, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Metrics chart"),
                                  -1);
  gtk_widget_set_parent (self->chart, GTK_WIDGET (self));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (self->chart, controller);

  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (self->chart, GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->chart, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (self->chart, controller);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Metrics"),
                                  -1);
}
