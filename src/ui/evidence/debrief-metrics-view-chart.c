/* debrief-metrics-view-chart.c
 *
 * The metrics chart drawn with cairo, in the layout that
 * debrief-metrics-view-layout.c computes: axes and their ticks, the
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

#include "debrief-phase-marker.h"
#include "debrief-text.h"
#include "debrief-metrics-view.h"
#include "debrief-metrics-view-private.h"

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
  g_autoptr(PangoLayout) text = _debrief_metrics_view_create_layout (self, message, FALSE, FALSE);
  double w, h;

  _debrief_metrics_view_layout_size (text, &w, &h);
  set_source (cr, &colors->fg, 0.55);
  show_text (cr, text, round (cx - w / 2), round (cy - h / 2));
}

static void
draw_axes (DebriefMetricsView         *self,
           cairo_t                    *cr,
           const DebriefMetricsLayout *layout,
           const Colors               *colors)
{
  g_autoptr(GArray) ticks = _debrief_metrics_view_time_ticks (self, layout);
  guint n_ticks = _debrief_metrics_view_n_value_ticks (layout);
  double previous_end = -G_MAXDOUBLE;
  double date_end = -G_MAXDOUBLE;
  gint64 previous_tick = G_MININT64;

  cairo_set_line_width (cr, 1);

  for (guint i = 0; i <= n_ticks; i++)
    {
      double value = layout->v0 + i * layout->v_step;
      double y = round (_debrief_metrics_view_y_of (layout, value)) + 0.5;

      set_source (cr, &colors->fg, i == 0 ? 0.35 : 0.1);
      cairo_move_to (cr, layout->x, y);
      cairo_line_to (cr, layout->x + layout->w, y);
      cairo_stroke (cr);

      if (self->has_values)
        {
          g_autofree char *label = _debrief_metrics_view_format_tick_value (layout, value);
          g_autoptr(PangoLayout) text = _debrief_metrics_view_create_layout (self, label, TRUE, FALSE);
          double w, h;

          _debrief_metrics_view_layout_size (text, &w, &h);
          set_source (cr, &colors->fg, 0.7);
          show_text (cr, text, layout->x - LABEL_GAP - w, round (y - h / 2));
        }
    }

  for (guint i = 0; i < ticks->len; i++)
    {
      gint64 usec = g_array_index (ticks, gint64, i);
      double x = round (_debrief_metrics_view_x_of (layout, usec)) + 0.5;
      double bottom = layout->y + layout->h;
      g_autofree char *label = _debrief_metrics_view_format_tick_time (self, layout, usec);
      g_autoptr(PangoLayout) text = _debrief_metrics_view_create_layout (self, label, TRUE, FALSE);
      double w, h, lx;

      set_source (cr, &colors->fg, 0.06);
      cairo_move_to (cr, x, layout->y);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);

      set_source (cr, &colors->fg, 0.35);
      cairo_move_to (cr, x, bottom);
      cairo_line_to (cr, x, bottom + TICK_LENGTH);
      cairo_stroke (cr);

      _debrief_metrics_view_layout_size (text, &w, &h);
      lx = CLAMP (round (x - w / 2), 0, MAX (0, layout->width - w));
      if (lx < previous_end + 4)
        continue;
      previous_end = lx + w;

      set_source (cr, &colors->fg, 0.7);
      show_text (cr, text, lx, bottom + TICK_LENGTH + 2);

      /* Under times of day, the date: first, and where it changes. */
      if (_debrief_metrics_view_ticks_within_day (layout) &&
          (previous_tick == G_MININT64 || !_debrief_metrics_view_same_day (self, previous_tick, usec)) &&
          lx >= date_end + 8)
        {
          g_autofree char *date = _debrief_metrics_view_format_tick_date (self, usec);
          g_autoptr(PangoLayout) date_text = _debrief_metrics_view_create_layout (self, date, TRUE, FALSE);
          double dw, dx;

          _debrief_metrics_view_layout_size (date_text, &dw, NULL);
          dx = CLAMP (lx, 0, MAX (0, layout->width - dw));
          set_source (cr, &colors->fg, 0.5);
          show_text (cr, date_text, dx, bottom + TICK_LENGTH + 2 + h);
          date_end = dx + dw;
        }
      previous_tick = usec;
    }

  if (ticks->len == 0 && _debrief_metrics_view_ticks_within_day (layout))
    {
      g_autofree char *date = _debrief_metrics_view_format_tick_date (self, layout->t0);
      g_autoptr(PangoLayout) date_text = _debrief_metrics_view_create_layout (self, date, TRUE, FALSE);

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
      g_autoptr(PangoLayout) text = _debrief_metrics_view_create_layout (self, _debrief_metrics_view_marker_label (marker->kind), TRUE, TRUE);
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
      y = _debrief_metrics_view_y_of (layout, v);

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
          dot (cr, _debrief_metrics_view_x_of (layout, _debrief_metrics_view_row_usec (self, row)), _debrief_metrics_view_y_of (layout, v), 2.5);
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
      dot (cr, x, _debrief_metrics_view_y_of (layout, v), 5.5);
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, &color);
      dot (cr, x, _debrief_metrics_view_y_of (layout, v), 3.5);
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
  g_autoptr(PangoLayout) title = _debrief_metrics_view_create_layout (self, time, TRUE, TRUE);
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
      name_text = _debrief_metrics_view_create_layout (self, _debrief_metrics_view_series_name (self, i), TRUE, FALSE);
      value_text = _debrief_metrics_view_create_layout (self, value, TRUE, TRUE);
      _debrief_metrics_view_layout_size (name_text, &w, NULL);
      name_w = MAX (name_w, w);
      _debrief_metrics_view_layout_size (value_text, &w, NULL);
      value_w = MAX (value_w, w);
      g_ptr_array_add (names, name_text);
      g_ptr_array_add (values, value_text);
      g_array_append_val (which, i);
    }

  _debrief_metrics_view_layout_size (title, &title_w, &title_h);
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

      _debrief_metrics_view_layout_size (value_text, &w, NULL);
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

      g_autofree char *n_rows = debrief_text_format_count (_debrief_metrics_view_n_rows (self));

      /* Translators: “3 series, 120 rows from 14:00:00 to 14:30:00”. */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%s, %s row from %s to %s",
                                                  "%s, %s rows from %s to %s",
                                                  _debrief_metrics_view_n_rows (self)),
                                     series, n_rows, from, to);
    }

  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}
