/* test-log-reading.c
 *
 * Reading logs, in real windows under Xvfb: a long line is read whole
 * (wrapped or scrolled sideways, as the person chose, remembered); one
 * time column, named by its zone, with the time as written on demand;
 * time since boot, never a date in 1970, for a clock not aligned yet, in
 * the log view, the evidence list, the details and the Overview; the line
 * counter whole; Shift+click extending a selection from its anchor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <gdk/x11/gdkx.h>

#include "debrief-application.h"
#include "debrief-document.h"
#include "debrief-evidence-page.h"
#include "debrief-evidence-row.h"
#include "debrief-evidence-store.h"
#include "debrief-log-model.h"
#include "debrief-log-view.h"
#include "debrief-log-view-private.h"
#include "debrief-overview-page.h"
#include "debrief-test-evidence.h"
#include "debrief-test-log-view.h"
#include "debrief-test-ui.h"
#include "debrief-test-util.h"
#include "debrief-window.h"

/* 2026-03-14 02:10:00 UTC */
#define BASE_USEC (G_GINT64_CONSTANT (1773454200) * G_USEC_PER_SEC)

/* --- The log view alone ------------------------------------------------ */

#define GATEWAY_STAMP "2026-03-14T02:11:07.027Z"

/* A gateway log as the model makes it: each row knows where its stamp and
 * its message start. Line 1 is long; line 3 has no stamp of its own. */
static GListModel *
make_gateway_log (gboolean since_boot)
{
  GListStore *store = g_list_store_new (DEBRIEF_TYPE_LOG_ROW);
  g_autoptr(GString) long_message = g_string_new ("gw-28 fwupd[932]: isr: ");

  while (long_message->len < 600)
    g_string_append (long_message, "payload chunk verified against manifest; ");

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(DebriefLogRow) row = NULL;
      g_autofree char *message = i == 1 ? g_strdup (long_message->str)
                                        : g_strdup_printf ("gw-%02u fwupd[%u]: mqtt: publish %u", i % 40, 100 + i, i);
      g_autofree char *text = i == 3 ? g_strdup ("    at fwupd_main (fwupd.c:88)")
                                     : g_strdup_printf (GATEWAY_STAMP " %s", message);
      gint64 usec = since_boot ? 1250 * 1000 + (gint64) i * 3600 * G_USEC_PER_SEC
                               : BASE_USEC + (gint64) i * G_USEC_PER_SEC;

      row = debrief_log_row_new (i, usec, DEBRIEF_LOG_LEVEL_INFO, i != 3, text);
      if (i != 3)
        debrief_log_row_set_stamp_span (row, 0, strlen (GATEWAY_STAMP) + 1);
      debrief_log_row_set_since_boot (row, since_boot);
      g_list_store_append (store, row);
    }

  return G_LIST_MODEL (store);
}

static GtkLabel *
header_label (DebriefTestLogView *fixture,
              const char         *css_class)
{
  GtkWidget *header = debrief_test_find_with_class (GTK_WIDGET (fixture->view), GTK_TYPE_BOX, "log-header");

  g_assert_nonnull (header);
  for (GtkWidget *child = gtk_widget_get_first_child (header); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, css_class))
      return GTK_LABEL (child);

  g_error ("The log view has no column title of class %s", css_class);
}

static GSettings *
reset_settings (void)
{
  GSettings *settings = g_settings_new ("io.github.debrief.Debrief");

  g_settings_reset (settings, "log-wrap-lines");
  g_settings_reset (settings, "log-show-original-times");

  return settings;
}

static void
test_long_lines_are_readable_in_full (void)
{
  g_autoptr(GSettings) settings = reset_settings ();
  g_autoptr(GListModel) rows = make_gateway_log (FALSE);
  GtkAdjustment *hadjustment;
  DebriefTestLogView fixture;
  DebriefTestLogRow row;
  int natural = 0;

  debrief_test_log_view_open (&fixture, rows, 1024);
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fixture.list_view));

  /* The message, without the stamp the time column shows, takes most of
   * the width at 1,024 px. */
  row = debrief_test_log_view_find_row (&fixture, 0);
  g_assert_cmpstr (gtk_label_get_text (row.text), ==, "gw-00 fwupd[100]: mqtt: publish 0");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (row.text)), >=,
                   gtk_widget_get_width (GTK_WIDGET (fixture.view)) / 2);

  /* A long line is never cut: it is laid out whole, and the lines scroll
   * sideways to it. */
  row = debrief_test_log_view_find_row (&fixture, 1);
  g_assert_cmpint (gtk_label_get_ellipsize (row.text), ==, PANGO_ELLIPSIZE_NONE);
  gtk_widget_measure (GTK_WIDGET (row.text), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (row.text)), >=, natural);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >, gtk_adjustment_get_page_size (hadjustment) + 100);

  /* The column titles move sideways with the lines. */
  {
    graphene_rect_t title, cell;

    gtk_adjustment_set_value (hadjustment, 100);
    debrief_test_wait_ms (100);
    debrief_test_drain ();
    row = debrief_test_log_view_find_row (&fixture, 0);
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (header_label (&fixture, "log-time")),
                                              GTK_WIDGET (fixture.view), &title));
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (row.time), GTK_WIDGET (fixture.view), &cell));
    g_assert_cmpfloat (cell.origin.x, <, 0);
    g_assert_cmpfloat (ABS (title.origin.x - cell.origin.x), <, 2);
    gtk_adjustment_set_value (hadjustment, 0);
    debrief_test_drain ();
  }

  /* Wrap Lines, in the view's menu: the long line wraps within the
   * width, and the choice is remembered. */
  g_assert_false (debrief_log_view_get_wrap_lines (fixture.view));
  gtk_widget_activate_action (GTK_WIDGET (fixture.view), "log-view.wrap-lines", NULL);
  debrief_test_drain ();
  g_assert_true (debrief_log_view_get_wrap_lines (fixture.view));
  g_assert_true (g_settings_get_boolean (settings, "log-wrap-lines"));
  row = debrief_test_log_view_find_row (&fixture, 1);
  g_assert_true (gtk_label_get_wrap (row.text));
  g_assert_cmpint (gtk_label_get_ellipsize (row.text), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (row.text)), >,
                   2 * gtk_widget_get_height (GTK_WIDGET (debrief_test_log_view_find_row (&fixture, 0).text)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (row.text)), <=, gtk_widget_get_width (GTK_WIDGET (fixture.view)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), <=, gtk_adjustment_get_page_size (hadjustment) + 1);
  debrief_test_log_view_close (&fixture);

  /* A new view wraps, as the person last chose. */
  debrief_test_log_view_open (&fixture, rows, 1024);
  g_assert_true (debrief_log_view_get_wrap_lines (fixture.view));
  g_assert_true (gtk_label_get_wrap (debrief_test_log_view_find_row (&fixture, 1).text));
  g_settings_set_boolean (settings, "log-wrap-lines", FALSE);
  debrief_test_drain ();
  g_assert_false (gtk_label_get_wrap (debrief_test_log_view_find_row (&fixture, 1).text));
  debrief_test_log_view_close (&fixture);
}

static void
test_time_column_names_its_zone (void)
{
  g_autoptr(GSettings) settings = reset_settings ();
  g_autoptr(GListModel) rows = make_gateway_log (FALSE);
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GTimeZone) sao_paulo = g_time_zone_new_identifier ("America/Sao_Paulo");
  g_autoptr(GTimeZone) plus_one = g_time_zone_new_identifier ("+01:00");
  DebriefTestLogView fixture;
  DebriefTestLogRow row;

  debrief_test_log_view_open (&fixture, rows, 1024);

  /* One time column, named by its zone (and, the lines being on one
   * day, by that day); the stamp as written is not a second one. */
  g_assert_cmpstr (gtk_label_get_text (header_label (&fixture, "log-time")), ==, "2026-03-14 (UTC)");
  row = debrief_test_log_view_find_row (&fixture, 0);
  g_assert_cmpstr (gtk_label_get_text (row.time), ==, "02:10:00.000");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row.written)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (header_label (&fixture, "log-written-time"))));
  g_assert_null (strstr (gtk_label_get_text (row.text), "2026"));

  /* The incident's zone, as it is named on the incident's day. */
  debrief_log_view_set_time_zone (fixture.view, berlin);
  g_assert_cmpstr (gtk_label_get_text (header_label (&fixture, "log-time")), ==, "2026-03-14 (CET)");
  g_assert_cmpstr (gtk_label_get_text (debrief_test_log_view_find_row (&fixture, 0).time), ==, "03:10:00.000");
  debrief_log_view_set_time_zone (fixture.view, sao_paulo);
  g_assert_cmpstr (gtk_label_get_text (header_label (&fixture, "log-time")), ==, "2026-03-13 (UTC-03:00)");
  debrief_log_view_set_time_zone (fixture.view, plus_one);
  g_assert_cmpstr (gtk_label_get_text (header_label (&fixture, "log-time")), ==, "2026-03-14 (UTC+01:00)");

  /* Lines on more than one day: the date on each, and the zone alone
   * in the title. */
  {
    g_autoptr(DebriefLogRow) next_day = debrief_log_row_new (40, BASE_USEC + (gint64) 86400 * G_USEC_PER_SEC,
                                                             DEBRIEF_LOG_LEVEL_INFO, TRUE, "next day");

    debrief_log_view_set_time_zone (fixture.view, berlin);
    g_list_store_append (G_LIST_STORE (rows), next_day);
    debrief_test_drain ();
    g_assert_cmpstr (gtk_label_get_text (header_label (&fixture, "log-time")), ==, "Time (CET)");
    g_assert_cmpstr (gtk_label_get_text (debrief_test_log_view_find_row (&fixture, 0).time), ==, "2026-03-14 03:10:00.000");
  }

  /* The column titles line up with the columns. */
  {
    graphene_rect_t title_bounds, cell_bounds;

    row = debrief_test_log_view_find_row (&fixture, 0);
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (header_label (&fixture, "log-time")),
                                              GTK_WIDGET (fixture.view), &title_bounds));
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (row.time), GTK_WIDGET (fixture.view), &cell_bounds));
    g_assert_cmpfloat (ABS (title_bounds.origin.x - cell_bounds.origin.x), <, 2);
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (header_label (&fixture, "log-text")),
                                              GTK_WIDGET (fixture.view), &title_bounds));
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (row.text), GTK_WIDGET (fixture.view), &cell_bounds));
    g_assert_cmpfloat (ABS (title_bounds.origin.x - cell_bounds.origin.x), <, 2);
  }

  debrief_test_log_view_close (&fixture);
}

static void
test_original_times_on_demand (void)
{
  g_autoptr(GSettings) settings = reset_settings ();
  g_autoptr(GListModel) rows = make_gateway_log (FALSE);
  g_autoptr(DebriefLogRow) first = g_list_model_get_item (rows, 0);
  g_autoptr(DebriefLogRow) continued = g_list_model_get_item (rows, 3);
  g_autofree char *tooltip = NULL;
  g_autofree char *written = NULL;
  DebriefTestLogView fixture;
  DebriefTestLogRow row;

  /* The time as the file writes it, in the time's tooltip. */
  written = debrief_log_row_dup_written_time (first);
  g_assert_cmpstr (written, ==, GATEWAY_STAMP);
  tooltip = _debrief_log_view_dup_time_tooltip (first);
  g_assert_cmpstr (tooltip, ==, "As written in the file: " GATEWAY_STAMP);
  g_clear_pointer (&tooltip, g_free);
  tooltip = _debrief_log_view_dup_time_tooltip (continued);
  g_assert_nonnull (strstr (tooltip, "no time of its own"));
  g_assert_null (debrief_log_row_dup_written_time (continued));

  debrief_test_log_view_open (&fixture, rows, 1024);
  g_assert_false (debrief_log_view_get_show_original_times (fixture.view));
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (debrief_test_log_view_find_row (&fixture, 0).time)));

  /* Show Original Times, in the view's menu: a column of its own,
   * remembered. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.view), "log-view.show-original-times", NULL);
  debrief_test_drain ();
  g_assert_true (g_settings_get_boolean (settings, "log-show-original-times"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (header_label (&fixture, "log-written-time"))));
  row = debrief_test_log_view_find_row (&fixture, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row.written)));
  g_assert_cmpstr (gtk_label_get_text (row.written), ==, GATEWAY_STAMP);
  g_assert_cmpstr (gtk_label_get_text (row.text), ==, "gw-00 fwupd[100]: mqtt: publish 0");
  g_assert_cmpstr (gtk_label_get_text (debrief_test_log_view_find_row (&fixture, 3).written), ==, "");
  g_assert_cmpstr (gtk_label_get_text (debrief_test_log_view_find_row (&fixture, 3).text), ==, "    at fwupd_main (fwupd.c:88)");

  gtk_widget_activate_action (GTK_WIDGET (fixture.view), "log-view.show-original-times", NULL);
  debrief_test_drain ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (debrief_test_log_view_find_row (&fixture, 0).written)));
  g_assert_false (g_settings_get_boolean (settings, "log-show-original-times"));

  debrief_test_log_view_close (&fixture);
}

static void
test_since_boot_times_are_not_dates (void)
{
  g_autoptr(GSettings) settings = reset_settings ();
  g_autoptr(GListModel) rows = make_gateway_log (TRUE);
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_auto(DebriefCitation) citation = { 0 };
  DebriefTestLogView fixture;

  debrief_test_log_view_open (&fixture, rows, 1024);
  debrief_log_view_set_time_zone (fixture.view, berlin);

  /* Time since boot, hours growing past a day, no date and no zone. */
  g_assert_cmpstr (gtk_label_get_text (header_label (&fixture, "log-time")), ==, "Since Boot");
  g_assert_cmpstr (gtk_label_get_text (debrief_test_log_view_find_row (&fixture, 0).time), ==, "+00:00:01.250");
  g_assert_cmpstr (gtk_label_get_text (debrief_test_log_view_find_row (&fixture, 2).time), ==, "+02:00:01.250");
  debrief_log_view_scroll_to (fixture.view, 30, FALSE);
  debrief_test_drain ();
  g_assert_cmpstr (gtk_label_get_text (debrief_test_log_view_find_row (&fixture, 30).time), ==, "+30:00:01.250");

  /* Cited, such a line has no time on the incident's timeline. */
  debrief_log_view_scroll_to (fixture.view, 30, TRUE);
  g_assert_true (debrief_evidence_viewer_get_citation (DEBRIEF_EVIDENCE_VIEWER (fixture.view), &citation));
  g_assert_cmpuint (citation.first, ==, 30);
  g_assert_cmpint (citation.usec, ==, G_MININT64);

  debrief_test_log_view_close (&fixture);
}

/* Clicks the row of line @line with the X pointer, holding @modifier
 * (NULL, "shift" or "ctrl"), as a person does. */
static void
click_row (DebriefTestLogView *fixture,
           const char         *xid,
           guint64             line,
           const char         *modifier)
{
  DebriefTestLogRow row = debrief_test_log_view_find_row (fixture, line);
  graphene_point_t point;
  double surface_x, surface_y;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (row.text), GTK_WIDGET (fixture->window),
                                           &GRAPHENE_POINT_INIT (4, 4), &point));
  gtk_native_get_surface_transform (GTK_NATIVE (fixture->window), &surface_x, &surface_y);
  x = g_strdup_printf ("%d", (int) (point.x + surface_x));
  y = g_strdup_printf ("%d", (int) (point.y + surface_y));

  debrief_test_xdotool ((const char *[]) { "mousemove", "--window", xid, x, y, NULL });
  if (modifier != NULL)
    debrief_test_xdotool ((const char *[]) { "keydown", modifier, "click", "1", "keyup", modifier, NULL });
  else
    debrief_test_xdotool ((const char *[]) { "click", "1", NULL });
  debrief_test_wait_ms (300);
  debrief_test_drain ();
}

static void
test_shift_click_extends_selection (void)
{
  g_autoptr(GListModel) rows = make_gateway_log (FALSE);
  g_autofree char *xid = NULL;
  DebriefTestLogView fixture;
  guint first = 0, last = 0;
  GtkBitset *selected;

  debrief_test_log_view_open (&fixture, rows, 1100);
  if (!(xid = debrief_test_focus_x_window (fixture.window)))
    {
      debrief_test_log_view_close (&fixture);
      g_test_skip ("Needs an X server");
      return;
    }

  /* A click selects a line; Shift+click extends from it to the line
   * clicked, down or up, as in a file manager. */
  click_row (&fixture, xid, 2, NULL);
  g_assert_true (debrief_log_view_get_selected_range (fixture.view, &first, &last));
  g_assert_cmpuint (first, ==, 2);
  g_assert_cmpuint (last, ==, 2);

  click_row (&fixture, xid, 6, "shift");
  g_assert_true (debrief_log_view_get_selected_range (fixture.view, &first, &last));
  g_assert_cmpuint (first, ==, 2);
  g_assert_cmpuint (last, ==, 6);
  selected = gtk_selection_model_get_selection (gtk_list_view_get_model (fixture.list_view));
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 5);
  gtk_bitset_unref (selected);

  /* From the same anchor, a second Shift+click above it. */
  click_row (&fixture, xid, 0, "shift");
  g_assert_true (debrief_log_view_get_selected_range (fixture.view, &first, &last));
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 2);

  /* Ctrl+click adds a line, and takes it away again. */
  click_row (&fixture, xid, 8, "ctrl");
  g_assert_true (debrief_log_view_get_selected_range (fixture.view, &first, &last));
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 8);
  click_row (&fixture, xid, 8, "ctrl");
  g_assert_true (debrief_log_view_get_selected_range (fixture.view, &first, &last));
  g_assert_cmpuint (last, ==, 2);

  /* A line selected by the program (a search result, a citation) is the
   * anchor too. */
  debrief_log_view_scroll_to (fixture.view, 4, TRUE);
  debrief_test_drain ();
  click_row (&fixture, xid, 7, "shift");
  g_assert_true (debrief_log_view_get_selected_range (fixture.view, &first, &last));
  g_assert_cmpuint (first, ==, 4);
  g_assert_cmpuint (last, ==, 7);

  debrief_test_log_view_close (&fixture);
}

/* The line counter of a big log fits beside the filter at 1,024 px, and
 * is never cut to "…6,006 lines". */
static void
test_line_counter_is_not_cut (void)
{
  g_autoptr(GListModel) rows = make_gateway_log (FALSE);
  GtkWidget *status;
  DebriefTestLogView fixture;
  int text_width = 0;

  debrief_test_log_view_open (&fixture, rows, 1024);
  debrief_log_view_set_status (fixture.view, "466,006 of 14,701,108 lines");
  /* Laid out again on the next frame. */
  debrief_test_wait_ms (200);
  debrief_test_drain ();
  status = debrief_test_find_with_class (GTK_WIDGET (fixture.view), GTK_TYPE_LABEL, "log-status");
  g_assert_nonnull (status);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "466,006 of 14,701,108 lines");
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (status)), ==, PANGO_ELLIPSIZE_NONE);
  /* The whole text is laid out within the label's width. */
  pango_layout_get_pixel_size (gtk_label_get_layout (GTK_LABEL (status)), &text_width, NULL);
  g_assert_cmpint (gtk_widget_get_width (status), >=, text_width);
  debrief_test_log_view_close (&fixture);
}

/* --- In the Evidence view --------------------------------------------- */

/* The label under an evidence row's title: its size and times. */
static GtkLabel *
evidence_row_subtitle (GtkWidget *row)
{
  GtkWidget *label = debrief_test_find_with_class (row, GTK_TYPE_LABEL, "caption");

  g_assert_nonnull (label);

  return GTK_LABEL (label);
}

static GtkWidget *
off_clock_icon (GtkWidget *row)
{
  GtkWidget *image = debrief_test_find_descendant (row, GTK_TYPE_IMAGE);

  /* The kind's icon comes first; the mark is an image after it. */
  for (; image != NULL; image = gtk_widget_get_next_sibling (image))
    if (GTK_IS_IMAGE (image) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (image)), "dialog-warning-symbolic") == 0)
      return image;

  return NULL;
}

/* A log whose clock counts from boot, shifted by -2 s but with no boot
 * time: every time of it reads as time since boot, it is marked as not on
 * the incident's clock, and no date in 1969 or 1970 is shown anywhere. */
static void
test_evidence_since_boot_times_are_not_dates (void)
{
  DebriefEvidencePage *page;
  DebriefWindow *window = debrief_test_evidence_new_incident_window (&page);
  DebriefDocument *document = debrief_window_get_document (window);
  g_autoptr(GDateTime) boot = g_date_time_new_from_iso8601 ("2026-03-14T02:12:29.500Z", NULL);
  DebriefEvidence *zephyr;
  GtkWidget *row;
  GtkWidget *clock;
  GtkWidget *range;
  GtkWidget *overview;
  GtkWidget *evidence_row;
  const char *text;

  debrief_test_evidence_import_files (page, (const char *[]) { "evidence/device-zephyr.log", NULL });
  debrief_test_destroy_dialogs ();
  zephyr = debrief_test_evidence_at (document, 0);
  debrief_evidence_set_clock_offset_ms (zephyr, -2000);
  debrief_test_drain ();

  /* The sidebar: the range since boot, whole, and the mark. */
  row = debrief_test_find_descendant (GTK_WIDGET (page), DEBRIEF_TYPE_EVIDENCE_ROW);
  g_assert_nonnull (row);
  text = gtk_label_get_text (evidence_row_subtitle (row));
  g_assert_nonnull (strstr (text, "+00:00:00.002 – +00:00:"));
  g_assert_null (strstr (text, "1969"));
  g_assert_null (strstr (text, "1970"));
  g_assert_cmpint (gtk_label_get_ellipsize (evidence_row_subtitle (row)), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_true (gtk_label_get_wrap (evidence_row_subtitle (row)));
  g_assert_nonnull (off_clock_icon (row));
  g_assert_true (gtk_widget_get_visible (off_clock_icon (row)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (off_clock_icon (row)), ==, "Not on the incident’s clock — align it to compare");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (row), "Not on the incident’s clock"));

  /* The details: no "booted at" a date the device did not record. */
  clock = debrief_test_find_row (debrief_test_evidence_item_pane (page), ADW_TYPE_ACTION_ROW, "Clock");
  range = debrief_test_find_row (debrief_test_evidence_item_pane (page), ADW_TYPE_ACTION_ROW, "Time Covered");
  g_assert_nonnull (clock);
  g_assert_nonnull (range);
  text = adw_action_row_get_subtitle (ADW_ACTION_ROW (clock));
  g_assert_null (strstr (text, "booted at"));
  g_assert_null (strstr (text, "1969"));
  g_assert_true (g_str_has_prefix (text, "Counts time since boot"));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (range)), "+00:00:00.002 – "));

  /* The log view: time since boot. */
  g_assert_true (debrief_log_model_get_on_incident_clock (debrief_test_log_model_of (debrief_test_evidence_shown_log_view (page))) == FALSE);
  g_assert_cmpint (debrief_test_row_usec (debrief_test_evidence_shown_log_view (page), 1), ==, 2136);

  /* The Overview's evidence count names it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "overview"));
  debrief_test_drain ();
  overview = debrief_test_find_mapped (GTK_WIDGET (window), DEBRIEF_TYPE_OVERVIEW_PAGE);
  g_assert_nonnull (overview);
  evidence_row = debrief_test_find_row (overview, ADW_TYPE_ACTION_ROW, "Evidence items");
  g_assert_nonnull (evidence_row);
  text = adw_action_row_get_subtitle (ADW_ACTION_ROW (evidence_row));
  g_assert_nonnull (strstr (text, "Not on the incident’s clock"));
  g_assert_nonnull (strstr (text, "device-zephyr.log"));

  /* Aligned by its boot time in the Evidence view, it is on the
   * incident's clock, there and on the Overview. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "evidence"));
  debrief_test_drain ();
  g_assert_true (debrief_evidence_set_boot_time (document, zephyr, boot, NULL));
  debrief_test_drain ();
  g_assert_false (gtk_widget_get_visible (off_clock_icon (row)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (clock)), "booted at 2026-03-14"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "overview"));
  debrief_test_drain ();
  text = adw_action_row_get_subtitle (ADW_ACTION_ROW (evidence_row));
  g_assert_null (strstr (text, "Not on the incident’s clock"));

  debrief_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = debrief_test_ui_init (&argc, &argv);
  DebriefApplication *app = debrief_application_new ();

  debrief_test_evidence_set_application (app);

  g_test_add_func ("/debrief/log-reading/long-lines-are-readable-in-full", test_long_lines_are_readable_in_full);
  g_test_add_func ("/debrief/log-reading/time-column-names-its-zone", test_time_column_names_its_zone);
  g_test_add_func ("/debrief/log-reading/original-times-on-demand", test_original_times_on_demand);
  g_test_add_func ("/debrief/log-reading/since-boot-times-are-not-dates", test_since_boot_times_are_not_dates);
  g_test_add_func ("/debrief/log-reading/shift-click-extends-selection", test_shift_click_extends_selection);
  g_test_add_func ("/debrief/log-reading/line-counter-is-not-cut", test_line_counter_is_not_cut);
  g_test_add_func ("/debrief/log-reading/evidence-since-boot-times-are-not-dates", test_evidence_since_boot_times_are_not_dates);

  /* Startup happens in g_application_run(), before the tests run. */
  return debrief_test_run_application (G_APPLICATION (app), data_home);
}
