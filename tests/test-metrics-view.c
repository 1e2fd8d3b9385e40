/* test-metrics-view.c
 *
 * The metrics chart of the Evidence view in a real window under Xvfb: the
 * check buttons choose the series drawn and the value axis follows them,
 * a click or the arrow keys select a row to cite, the pointer shows a
 * readout, phase markers are drawn where their times are and follow them,
 * and tables that are empty, one row long or without values still show
 * something. Pixels are read back from the renderer to see what a user
 * would see.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <gdk/x11/gdkx.h>

#include "debrief-phase-marker.h"
#include "debrief-test-ui.h"
#include "debrief-test-util.h"
#include "debrief-metrics-view.h"
#include "debrief-metrics-view-private.h"

/* The series of tests/data/metrics/service-health.csv, in its colours. */
#define CPU_LOAD     0
#define HEAP_FREE    1
#define LATENCY      2
#define BLUE         0x3584e4
#define GREEN        0x33d17a
#define ORANGE       0xff7800

static DebriefMetricsTable *
parse_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DebriefMetricsTable *table = debrief_metrics_csv_parse_bytes (bytes, NULL, &error);

  g_assert_no_error (error);

  return table;
}

static DebriefMetricsTable *
parse_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "metrics", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return parse_text (contents);
}

/* Shows @table (taken) in @view; %NULL for none. */
static void
set_table (DebriefMetricsView  *view,
           DebriefMetricsTable *table)
{
  g_autoptr(DebriefMetricsContent) content = table != NULL ? debrief_metrics_content_new (table) : NULL;

  debrief_metrics_view_set_content (view, content);
}

static GtkWindow *
show_view (DebriefMetricsView **view)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  *view = DEBRIEF_METRICS_VIEW (debrief_metrics_view_new ());
  gtk_widget_set_margin_top (GTK_WIDGET (*view), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (*view), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (*view), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (*view), 12);
  gtk_window_set_child (window, GTK_WIDGET (*view));
  gtk_window_set_default_size (window, 860, 480);
  gtk_window_present (window);
  debrief_test_wait_for (debrief_test_widget_is_mapped, window);
  debrief_test_drain ();

  return window;
}

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

static gboolean
is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

/* What the renderer makes of @widget now. */
static GdkTexture *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean drawn = FALSE;

  /* The paintable holds what the widget draws in its next frame. */
  g_signal_connect_swapped (paintable, "invalidate-contents", G_CALLBACK (set_true), &drawn);
  gtk_widget_queue_draw (widget);
  debrief_test_wait_for (is_true, &drawn);

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Opaque pixels of @rgb (give or take antialiasing) in @widget, in the
 * columns from @x0 to @x1. */
static guint
count_pixels_in (GtkWidget *widget,
                 guint32    rgb,
                 int        x0,
                 int        x1)
{
  g_autoptr(GdkTexture) texture = render (widget);
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
  guint n = 0;

  gdk_texture_download (texture, pixels, width * 4);

  for (int y = 0; y < height; y++)
    for (int x = MAX (x0, 0); x < MIN (x1, width); x++)
      {
        /* GDK_MEMORY_DEFAULT: B, G, R, A in memory. */
        const guchar *p = pixels + ((gsize) y * width + x) * 4;

        if (p[3] == 255 && ABS (p[2] - r) <= 12 && ABS (p[1] - g) <= 12 && ABS (p[0] - b) <= 12)
          n++;
      }

  return n;
}

static guint
count_pixels (GtkWidget *widget,
              guint32    rgb)
{
  return count_pixels_in (widget, rgb, 0, G_MAXINT);
}

static guint
count_drawn_pixels (GtkWidget *widget)
{
  g_autoptr(GdkTexture) texture = render (widget);
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  guint n = 0;

  gdk_texture_download (texture, pixels, width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    if (pixels[i * 4 + 3] > 64)
      n++;

  return n;
}

static GtkCheckButton *
find_check_button (GtkWidget  *widget,
                   const char *label)
{
  if (GTK_IS_CHECK_BUTTON (widget) &&
      g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0)
    return GTK_CHECK_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found = find_check_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The frame drawn after a change: the chart redraws in its own time. */
typedef struct
{
  DebriefMetricsView *view;
  guint               n;
  DebriefMarkerKind   kind;
  double              x;
} DrawnMarkers;

static gboolean
markers_drawn (gpointer data)
{
  DrawnMarkers *expected = data;
  DebriefMarkerKind kind;
  double x;

  if (_debrief_metrics_view_get_n_drawn_markers (expected->view) != expected->n)
    return FALSE;
  if (expected->n == 0)
    return TRUE;

  _debrief_metrics_view_get_drawn_marker (expected->view, 0, &kind, &x);

  return kind == expected->kind && fabs (x - expected->x) < 0.5;
}

static void
wait_for_markers (DebriefMetricsView *view,
                  guint               n,
                  DebriefMarkerKind   kind,
                  double              x)
{
  DrawnMarkers expected = { view, n, kind, x };

  debrief_test_wait_for (markers_drawn, &expected);
}

static void
test_series_toggle (void)
{
  DebriefMetricsView *view;
  GtkWindow *window = show_view (&view);
  GtkWidget *chart = _debrief_metrics_view_get_chart (view);
  GtkCheckButton *heap;
  double min, max;

  set_table (view, parse_fixture ("service-health.csv"));
  debrief_test_drain ();

  g_assert_cmpuint (debrief_metrics_view_get_n_series (view), ==, 3);
  g_assert_cmpuint (debrief_metrics_view_get_n_rows (view), ==, 61);
  heap = find_check_button (GTK_WIDGET (view), "heap_free_kb");
  g_assert_nonnull (heap);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (heap)));
  g_assert_nonnull (find_check_button (GTK_WIDGET (view), "cpu_load"));
  g_assert_nonnull (find_check_button (GTK_WIDGET (view), "latency_ms"));
  g_assert_null (find_check_button (GTK_WIDGET (view), "timestamp"));

  /* All three are drawn, each in its colour, on an axis up to the heap's
   * 2048 kB. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (debrief_metrics_view_get_series_visible (view, i));
  g_assert_cmpuint (count_pixels (chart, BLUE), >, 50);
  g_assert_cmpuint (count_pixels (chart, GREEN), >, 50);
  g_assert_cmpuint (count_pixels (chart, ORANGE), >, 50);
  g_assert_true (_debrief_metrics_view_get_value_range (view, &min, &max));
  g_assert_cmpfloat (max, >=, 2048);
  g_assert_cmpfloat (min, <=, 22);

  /* Unchecked, the heap is gone and the axis fits what is left: the
   * latency's 412.5 ms at most. */
  gtk_check_button_set_active (heap, FALSE);
  debrief_test_drain ();
  g_assert_true (debrief_metrics_view_get_series_visible (view, CPU_LOAD));
  g_assert_false (debrief_metrics_view_get_series_visible (view, HEAP_FREE));
  g_assert_true (debrief_metrics_view_get_series_visible (view, LATENCY));
  g_assert_cmpuint (count_pixels (chart, GREEN), ==, 0);
  g_assert_cmpuint (count_pixels (chart, BLUE), >, 50);
  g_assert_true (_debrief_metrics_view_get_value_range (view, &min, &max));
  g_assert_cmpfloat (max, >=, 412.5);
  g_assert_cmpfloat (max, <, 1000);

  /* Only the CPU load: the axis ends near 100 %. */
  debrief_metrics_view_set_series_visible (view, LATENCY, FALSE);
  g_assert_false (gtk_check_button_get_active (find_check_button (GTK_WIDGET (view), "latency_ms")));
  debrief_test_drain ();
  g_assert_cmpuint (count_pixels (chart, ORANGE), ==, 0);
  g_assert_true (_debrief_metrics_view_get_value_range (view, &min, &max));
  g_assert_cmpfloat (max, >=, 97);
  g_assert_cmpfloat (max, <=, 120);

  /* None: nothing to scale to, and the chart says so. */
  gtk_check_button_set_active (find_check_button (GTK_WIDGET (view), "cpu_load"), FALSE);
  debrief_test_drain ();
  g_assert_false (_debrief_metrics_view_get_value_range (view, &min, &max));
  g_assert_cmpuint (count_pixels (chart, BLUE), ==, 0);

  gtk_check_button_set_active (heap, TRUE);
  debrief_test_drain ();
  g_assert_true (debrief_metrics_view_get_series_visible (view, HEAP_FREE));
  g_assert_cmpuint (count_pixels (chart, GREEN), >, 50);

  debrief_test_close_and_wait (window);
}

static void
test_hover_readout (void)
{
  DebriefMetricsView *view;
  GtkWindow *window = show_view (&view);
  g_autofree char *spike = NULL;
  g_autofree char *timeout = NULL;
  g_autofree char *between = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *gone = NULL;
  double x22, x23;

  set_table (view, parse_fixture ("service-health.csv"));
  debrief_test_drain ();
  gtk_window_set_focus (window, NULL);

  g_assert_null (debrief_metrics_view_dup_readout (view));

  x22 = _debrief_metrics_view_get_row_x (view, 22);
  x23 = _debrief_metrics_view_get_row_x (view, 23);
  g_assert_cmpfloat (x23 - x22, >, 4);

  _debrief_metrics_view_hover_at (view, x22);
  spike = debrief_metrics_view_dup_readout (view);
  g_assert_cmpstr (spike, ==, "02:11:00\ncpu_load: 93.2\nheap_free_kb: 1024\nlatency_ms: 412.5");

  /* Nearest row: a little right of 22 is still 22. */
  _debrief_metrics_view_hover_at (view, x22 + (x23 - x22) * 0.4);
  between = debrief_metrics_view_dup_readout (view);
  g_assert_cmpstr (between, ==, spike);

  /* The latency probe timed out at 02:15:30. */
  _debrief_metrics_view_hover_at (view, _debrief_metrics_view_get_row_x (view, 31));
  timeout = debrief_metrics_view_dup_readout (view);
  g_assert_cmpstr (timeout, ==, "02:15:30\ncpu_load: 97\nheap_free_kb: 792\nlatency_ms: no value");

  debrief_metrics_view_set_series_visible (view, CPU_LOAD, FALSE);
  hidden = debrief_metrics_view_dup_readout (view);
  g_assert_cmpstr (hidden, ==, "02:15:30\nheap_free_kb: 792\nlatency_ms: no value");
  debrief_metrics_view_set_series_visible (view, CPU_LOAD, TRUE);

  /* Over the value axis' labels, left of the plot, there is no readout;
   * nor once the pointer has left. */
  _debrief_metrics_view_hover_at (view, 2);
  outside = debrief_metrics_view_dup_readout (view);
  g_assert_null (outside);
  _debrief_metrics_view_hover_at (view, x22);
  _debrief_metrics_view_hover_at (view, -1);
  gone = debrief_metrics_view_dup_readout (view);
  g_assert_null (gone);

  debrief_test_close_and_wait (window);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

/* Moves the X pointer to @x, @y of @widget. */
static void
point_at (GtkWidget *widget,
          double     x,
          double     y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;
  graphene_point_t point;
  double dx, dy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  sx = g_strdup_printf ("%d", (int) round (point.x + dx));
  sy = g_strdup_printf ("%d", (int) round (point.y + dy));
  debrief_test_xdotool ((const char *[]) { "mousemove", "--sync", "--window", xid, sx, sy, NULL });
}

static void
test_select_and_cite (void)
{
  DebriefMetricsView *view;
  GtkWindow *window = show_view (&view);
  GtkWidget *chart = _debrief_metrics_view_get_chart (view);
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autofree char *spike = NULL;
  g_autofree char *without_latency = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *shifted = NULL;
  g_autofree char *local = NULL;
  g_autofree char *hovered = NULL;
  g_autofree char *xid = NULL;
  guint notified = 0;
  GdkSurface *surface;
  int x10;

  set_table (view, parse_fixture ("service-health.csv"));
  g_signal_connect (view, "notify::selected-row", G_CALLBACK (on_notify), &notified);
  debrief_test_drain ();

  g_assert_cmpint (debrief_metrics_view_get_selected_row (view), ==, -1);

  /* The spike is cited with every series shown. */
  debrief_metrics_view_select_row (view, 22);
  g_assert_cmpint (debrief_metrics_view_get_selected_row (view), ==, 22);
  g_assert_cmpuint (notified, ==, 1);
  debrief_metrics_view_select_row (view, 22);
  g_assert_cmpuint (notified, ==, 1);
  spike = debrief_metrics_view_dup_row_text (view, 22);
  g_assert_cmpstr (spike, ==, "cpu_load = 93.2, heap_free_kb = 1024, latency_ms = 412.5 at 02:11:00");
  g_assert_cmpint (debrief_metrics_view_get_row_usec (view, 22), ==, debrief_test_usec ("2026-03-14T02:11:00Z"));

  /* The selected row is drawn: the accent line is at its x. */
  debrief_test_drain ();
  {
    int x = (int) round (_debrief_metrics_view_get_row_x (view, 22));
    GdkRGBA accent;

    g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (chart), "accent_color", &accent));
    g_assert_cmpuint (count_pixels_in (chart,
                                       ((guint32) round (accent.red * 255) << 16) |
                                       ((guint32) round (accent.green * 255) << 8) |
                                       (guint32) round (accent.blue * 255),
                                       x - 1, x + 2), >, 100);
  }

  debrief_metrics_view_set_series_visible (view, LATENCY, FALSE);
  without_latency = debrief_metrics_view_dup_row_text (view, 22);
  g_assert_cmpstr (without_latency, ==, "cpu_load = 93.2, heap_free_kb = 1024 at 02:11:00");
  debrief_metrics_view_set_series_visible (view, LATENCY, TRUE);

  missing = debrief_metrics_view_dup_row_text (view, 31);
  g_assert_cmpstr (missing, ==, "cpu_load = 97, heap_free_kb = 792 at 02:15:30");

  /* The evidence's clock was 90 s behind; the zone is the reader's. */
  debrief_metrics_view_set_clock_offset (view, 90 * G_USEC_PER_SEC);
  g_assert_cmpint (debrief_metrics_view_get_row_usec (view, 22), ==, debrief_test_usec ("2026-03-14T02:12:30Z"));
  shifted = debrief_metrics_view_dup_row_text (view, 22);
  g_assert_cmpstr (shifted, ==, "cpu_load = 93.2, heap_free_kb = 1024, latency_ms = 412.5 at 02:12:30");
  debrief_metrics_view_set_time_zone (view, berlin);
  local = debrief_metrics_view_dup_row_text (view, 22);
  g_assert_cmpstr (local, ==, "cpu_load = 93.2, heap_free_kb = 1024, latency_ms = 412.5 at 03:12:30");
  debrief_metrics_view_set_time_zone (view, NULL);
  debrief_metrics_view_set_clock_offset (view, 0);
  debrief_test_drain ();

  /* A click with the real pointer selects the row under it, and gives the
   * chart the focus; from there the arrow keys move along the rows. */
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  if (!GDK_IS_X11_SURFACE (surface))
    {
      g_test_skip ("Needs an X server (xvfb-run) to send the pointer and keys to");
      debrief_test_close_and_wait (window);
      return;
    }
  xid = debrief_test_focus_x_window (GTK_WINDOW (window));

  x10 = (int) round (_debrief_metrics_view_get_row_x (view, 10));
  point_at (chart, x10 + 1, gtk_widget_get_height (chart) / 2.);
  hovered = debrief_metrics_view_dup_readout (view);
  g_assert_nonnull (hovered);
  g_assert_true (g_str_has_prefix (hovered, "02:05:00\ncpu_load: "));

  notified = 0;
  debrief_test_xdotool ((const char *[]) { "click", "1", NULL });
  g_assert_cmpint (debrief_metrics_view_get_selected_row (view), ==, 10);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (gtk_widget_has_focus (chart));

  debrief_test_press ("Right");
  g_assert_cmpint (debrief_metrics_view_get_selected_row (view), ==, 11);
  debrief_test_press ("Left");
  debrief_test_press ("Left");
  g_assert_cmpint (debrief_metrics_view_get_selected_row (view), ==, 9);
  debrief_test_press ("End");
  g_assert_cmpint (debrief_metrics_view_get_selected_row (view), ==, 60);
  debrief_test_press ("Right");
  g_assert_cmpint (debrief_metrics_view_get_selected_row (view), ==, 60);
  debrief_test_press ("Home");
  g_assert_cmpint (debrief_metrics_view_get_selected_row (view), ==, 0);
  debrief_test_press ("Escape");
  g_assert_cmpint (debrief_metrics_view_get_selected_row (view), ==, -1);

  /* The series are chosen by keyboard too: back to their check buttons,
   * Space, and forth to the chart. */
  debrief_test_press ("shift+Tab");
  g_assert_true (gtk_window_get_focus (window) ==
                 GTK_WIDGET (find_check_button (GTK_WIDGET (view), "latency_ms")));
  debrief_test_press ("space");
  g_assert_false (debrief_metrics_view_get_series_visible (view, LATENCY));
  debrief_test_press ("Tab");
  g_assert_true (gtk_widget_has_focus (chart));
  debrief_test_press ("Right");
  g_assert_cmpint (debrief_metrics_view_get_selected_row (view), ==, 0);

  /* A new table starts with nothing selected. */
  debrief_metrics_view_select_row (view, 3);
  notified = 0;
  set_table (view, parse_fixture ("gateway.csv"));
  g_assert_cmpint (debrief_metrics_view_get_selected_row (view), ==, -1);
  g_assert_cmpuint (notified, ==, 1);

  debrief_test_close_and_wait (window);
}

static void
test_phase_markers (void)
{
  DebriefMetricsView *view;
  GtkWindow *window = show_view (&view);
  g_autoptr(GListStore) store = g_list_store_new (DEBRIEF_TYPE_PHASE_MARKER);
  g_autoptr(DebriefPhaseMarker) detected = debrief_phase_marker_new ();
  g_autoptr(DebriefPhaseMarker) resolved = debrief_phase_marker_new ();
  g_autoptr(DebriefPhaseMarker) unset = debrief_phase_marker_new ();
  g_autoptr(GDateTime) at_0210 = g_date_time_new_from_iso8601 ("2026-03-14T02:10:00Z", NULL);
  g_autoptr(GDateTime) at_0220 = g_date_time_new_from_iso8601 ("2026-03-14T02:20:00Z", NULL);
  g_autoptr(GDateTime) at_0300 = g_date_time_new_from_iso8601 ("2026-03-14T03:00:00Z", NULL);
  g_autoptr(GDateTime) at_0225 = g_date_time_new_from_iso8601 ("2026-03-14T02:25:00Z", NULL);

  set_table (view, parse_fixture ("service-health.csv"));

  debrief_phase_marker_set_kind (detected, DEBRIEF_MARKER_KIND_DETECTED);
  debrief_phase_marker_set_at (detected, at_0210);
  debrief_phase_marker_set_kind (unset, DEBRIEF_MARKER_KIND_MITIGATED);
  g_list_store_append (store, unset);
  g_list_store_append (store, detected);
  debrief_metrics_view_set_phase_markers (view, G_LIST_MODEL (store));

  /* Only the marker with a time is drawn, at the time of row 20. */
  wait_for_markers (view, 1, DEBRIEF_MARKER_KIND_DETECTED, _debrief_metrics_view_get_row_x (view, 20));

  /* Its time changes: it moves. */
  debrief_phase_marker_set_at (detected, at_0220);
  wait_for_markers (view, 1, DEBRIEF_MARKER_KIND_DETECTED, _debrief_metrics_view_get_row_x (view, 40));

  /* Its kind changes: its label does. */
  debrief_phase_marker_set_kind (detected, DEBRIEF_MARKER_KIND_ACKNOWLEDGED);
  wait_for_markers (view, 1, DEBRIEF_MARKER_KIND_ACKNOWLEDGED, _debrief_metrics_view_get_row_x (view, 40));

  /* Moved past the end of the metrics, it is not drawn. */
  debrief_phase_marker_set_at (detected, at_0300);
  wait_for_markers (view, 0, 0, 0);

  /* A marker added to the list is drawn; the clock offset moves the
   * metrics, not the markers. */
  debrief_phase_marker_set_kind (resolved, DEBRIEF_MARKER_KIND_RESOLVED);
  debrief_phase_marker_set_at (resolved, at_0225);
  g_list_store_append (store, resolved);
  wait_for_markers (view, 1, DEBRIEF_MARKER_KIND_RESOLVED, _debrief_metrics_view_get_row_x (view, 50));
  debrief_metrics_view_set_clock_offset (view, 5 * G_TIME_SPAN_MINUTE);
  wait_for_markers (view, 1, DEBRIEF_MARKER_KIND_RESOLVED, _debrief_metrics_view_get_row_x (view, 40));

  /* The marker left behind in a list no longer shown is not followed. */
  debrief_metrics_view_set_phase_markers (view, NULL);
  wait_for_markers (view, 0, 0, 0);
  debrief_phase_marker_set_at (detected, at_0210);
  debrief_test_drain ();
  g_assert_cmpuint (_debrief_metrics_view_get_n_drawn_markers (view), ==, 0);

  debrief_test_close_and_wait (window);
}

static void
series_free (DebriefMetricsSeries *series)
{
  g_free (series->name);
  g_array_unref (series->values);
  g_free (series);
}

/* A table such as no file gives: @n_rows rows of one series with no
 * value. */
static DebriefMetricsTable *
new_table_without_values (guint n_rows)
{
  DebriefMetricsTable *table = g_new0 (DebriefMetricsTable, 1);
  DebriefMetricsSeries *series = g_new0 (DebriefMetricsSeries, 1);

  table->time_column = g_strdup ("time");
  table->times = g_array_new (FALSE, FALSE, sizeof (gint64));
  table->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  series->name = g_strdup ("rssi");
  series->values = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < n_rows; i++)
    {
      gint64 usec = debrief_test_usec ("2026-03-14T02:00:00Z") + i * G_USEC_PER_SEC;
      double nan = NAN;

      g_array_append_val (table->times, usec);
      g_array_append_val (series->values, nan);
    }
  g_ptr_array_add (table->series, series);

  return table;
}

static void
test_degenerate_tables (void)
{
  DebriefMetricsView *view;
  GtkWindow *window = show_view (&view);
  GtkWidget *chart = _debrief_metrics_view_get_chart (view);
  g_autofree char *single_readout = NULL;
  g_autofree char *single_text = NULL;
  g_autofree char *nan_readout = NULL;
  g_autofree char *nan_text = NULL;
  g_autofree char *unsorted_readout = NULL;
  g_autofree char *unsorted_text = NULL;
  double min, max, x, x0, x1;

  gtk_window_set_focus (window, NULL);

  /* No table: a message, nothing to hover. */
  g_assert_cmpuint (debrief_metrics_view_get_n_rows (view), ==, 0);
  g_assert_cmpuint (count_drawn_pixels (chart), >, 50);
  _debrief_metrics_view_hover_at (view, 200);
  g_assert_null (debrief_metrics_view_dup_readout (view));

  /* A table with a header and no rows. */
  set_table (view, new_table_without_values (0));
  debrief_test_drain ();
  g_assert_cmpuint (count_drawn_pixels (chart), >, 50);
  _debrief_metrics_view_hover_at (view, 200);
  g_assert_null (debrief_metrics_view_dup_readout (view));

  /* One row: drawn as a dot in the middle of a minute. */
  set_table (view, parse_text ("time,level\n2026-03-14T02:00:00Z,5\n"));
  debrief_test_drain ();
  x = _debrief_metrics_view_get_row_x (view, 0);
  g_assert_cmpfloat (x, >, 100);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (chart) - 100);
  g_assert_cmpuint (count_pixels_in (chart, BLUE, (int) x - 4, (int) x + 5), >, 10);
  g_assert_true (_debrief_metrics_view_get_value_range (view, &min, &max));
  g_assert_cmpfloat (min, <, 5);
  g_assert_cmpfloat (max, >, 5);
  _debrief_metrics_view_hover_at (view, x);
  single_readout = debrief_metrics_view_dup_readout (view);
  g_assert_cmpstr (single_readout, ==, "02:00:00\nlevel: 5");
  debrief_metrics_view_select_row (view, 0);
  single_text = debrief_metrics_view_dup_row_text (view, 0);
  g_assert_cmpstr (single_text, ==, "level = 5 at 02:00:00");
  _debrief_metrics_view_hover_at (view, -1);

  /* No values at all: the axis has nothing to fit, the chart says so. */
  set_table (view, new_table_without_values (3));
  debrief_test_drain ();
  g_assert_false (_debrief_metrics_view_get_value_range (view, &min, &max));
  g_assert_cmpuint (count_drawn_pixels (chart), >, 50);
  _debrief_metrics_view_hover_at (view, _debrief_metrics_view_get_row_x (view, 1));
  nan_readout = debrief_metrics_view_dup_readout (view);
  g_assert_cmpstr (nan_readout, ==, "02:00:01\nrssi: no value");
  nan_text = debrief_metrics_view_dup_row_text (view, 2);
  g_assert_cmpstr (nan_text, ==, "No values at 02:00:02");
  _debrief_metrics_view_hover_at (view, -1);

  /* Rows out of order in the file are drawn in time order, and the keys
   * walk them in time order. */
  set_table (view, parse_text ("time,v\n"
                                                    "2026-03-14T02:00:02Z,3\n"
                                                    "2026-03-14T02:00:00Z,1\n"
                                                    "2026-03-14T02:00:01Z,2\n"));
  debrief_test_drain ();
  x0 = _debrief_metrics_view_get_row_x (view, 1);
  x1 = _debrief_metrics_view_get_row_x (view, 2);
  g_assert_cmpfloat (x0, <, x1);
  g_assert_cmpfloat (x1, <, _debrief_metrics_view_get_row_x (view, 0));
  _debrief_metrics_view_hover_at (view, x1);
  unsorted_readout = debrief_metrics_view_dup_readout (view);
  g_assert_cmpstr (unsorted_readout, ==, "02:00:01\nv: 2");
  unsorted_text = debrief_metrics_view_dup_row_text (view, 0);
  g_assert_cmpstr (unsorted_text, ==, "v = 3 at 02:00:02");

  /* Back to nothing. */
  set_table (view, NULL);
  debrief_test_drain ();
  g_assert_cmpuint (debrief_metrics_view_get_n_series (view), ==, 0);
  g_assert_null (find_check_button (GTK_WIDGET (view), "v"));

  debrief_test_close_and_wait (window);
}

/* The chart as a user would see it during a review, dark or light: every
 * series, the phase markers, a selected row and the readout. Set
 * DEBRIEF_TEST_SCREENSHOT to a file name to keep a PNG of it. */
static void
test_review_screenshot (void)
{
  static const struct { DebriefMarkerKind kind; const char *at; } phases[] = {
    { DEBRIEF_MARKER_KIND_IMPACT_START, "2026-03-14T02:05:00Z" },
    { DEBRIEF_MARKER_KIND_DETECTED, "2026-03-14T02:09:30Z" },
    { DEBRIEF_MARKER_KIND_ACKNOWLEDGED, "2026-03-14T02:12:00Z" },
    { DEBRIEF_MARKER_KIND_MITIGATED, "2026-03-14T02:20:00Z" },
    { DEBRIEF_MARKER_KIND_RESOLVED, "2026-03-14T02:27:00Z" },
  };
  const char *screenshot = g_getenv ("DEBRIEF_TEST_SCREENSHOT");
  DebriefMetricsView *view;
  GtkWindow *window;
  GtkWidget *chart;
  g_autoptr(GListStore) store = g_list_store_new (DEBRIEF_TYPE_PHASE_MARKER);
  g_autofree char *readout = NULL;

  if (g_getenv ("DEBRIEF_TEST_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);

  window = show_view (&view);
  chart = _debrief_metrics_view_get_chart (view);
  set_table (view, parse_fixture ("service-health.csv"));

  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    {
      g_autoptr(DebriefPhaseMarker) marker = debrief_phase_marker_new ();
      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (phases[i].at, NULL);

      debrief_phase_marker_set_kind (marker, phases[i].kind);
      debrief_phase_marker_set_at (marker, at);
      g_list_store_append (store, marker);
    }
  debrief_metrics_view_set_phase_markers (view, G_LIST_MODEL (store));
  debrief_metrics_view_select_row (view, 22);
  _debrief_metrics_view_hover_at (view, _debrief_metrics_view_get_row_x (view, 45));
  debrief_test_drain ();

  g_assert_cmpuint (_debrief_metrics_view_get_n_drawn_markers (view), ==, G_N_ELEMENTS (phases));
  readout = debrief_metrics_view_dup_readout (view);
  g_assert_true (g_str_has_prefix (readout, "02:22:30\n"));
  g_assert_cmpuint (count_pixels (chart, BLUE), >, 50);
  g_assert_cmpuint (count_pixels (chart, GREEN), >, 50);
  g_assert_cmpuint (count_pixels (chart, ORANGE), >, 50);

  if (screenshot != NULL)
    {
      g_autoptr(GdkTexture) texture = render (GTK_WIDGET (window));

      g_assert_true (gdk_texture_save_to_png (texture, screenshot));
    }

  debrief_test_close_and_wait (window);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/debrief/metrics-view/series-toggle", test_series_toggle);
  g_test_add_func ("/debrief/metrics-view/hover-readout", test_hover_readout);
  g_test_add_func ("/debrief/metrics-view/select-and-cite", test_select_and_cite);
  g_test_add_func ("/debrief/metrics-view/phase-markers", test_phase_markers);
  g_test_add_func ("/debrief/metrics-view/degenerate-tables", test_degenerate_tables);
  g_test_add_func ("/debrief/metrics-view/review-screenshot", test_review_screenshot);

  return g_test_run ();
}
