/* test-narrow.c
 *
 * The window at the widths people use, in real windows under Xvfb: every
 * view fits a phone-narrow window of 360 pixels with one view switcher,
 * the evidence list folds away with a way back, a wide window shows the
 * list, the viewer and the details side by side, the dialogs fit, role
 * names can be read whole, a toast leaves the zoom controls free, and
 * empty lists say that they are empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "debrief-application.h"
#include "debrief-align-clock-dialog.h"
#include "debrief-evidence-page.h"
#include "debrief-evidence-page-private.h"
#include "debrief-image-view.h"
#include "debrief-incident.h"
#include "debrief-log-view.h"
#include "debrief-metrics-view.h"
#include "debrief-chat-view.h"
#include "debrief-overview-page.h"
#include "debrief-participant.h"
#include "debrief-preferences-window.h"
#include "debrief-roles.h"
#include "debrief-scope-item.h"
#include "debrief-test-ui.h"
#include "debrief-test-util.h"
#include "debrief-window.h"

#define NARROW 360
#define WIDE   1024
#define ROOMY  1280

static DebriefApplication *app;

/* --- Measuring ---------------------------------------------------------- */

static int
min_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);

  return minimum;
}

/* Says which widgets ask for more than @limit: the deepest ones, whose
 * children all fit, are the ones to look at. */
static void
report_wide (GtkWidget *widget,
             int        limit,
             GString   *report)
{
  gboolean child_too_wide = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_visible (child) && min_width (child) > limit)
        {
          child_too_wide = TRUE;
          report_wide (child, limit, report);
        }
    }

  if (!child_too_wide)
    {
      g_string_append_printf (report, "\n  %s", G_OBJECT_TYPE_NAME (widget));
      for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
        g_string_append_printf (report, " < %s", G_OBJECT_TYPE_NAME (w));
      g_string_append_printf (report, ": %d px", min_width (widget));
      if (GTK_IS_LABEL (widget))
        g_string_append_printf (report, " “%s”", gtk_label_get_text (GTK_LABEL (widget)));
      /* Together too wide: what each asks for. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        if (gtk_widget_get_visible (child))
          g_string_append_printf (report, "\n    %s%s%s: %d px", G_OBJECT_TYPE_NAME (child),
                                  GTK_IS_LABEL (child) ? " " : "",
                                  GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child)) : "",
                                  min_width (child));
    }
}

static void
assert_fits (GtkWidget  *widget,
             int         limit,
             const char *what)
{
  int minimum = min_width (widget);

  if (minimum > limit)
    {
      g_autoptr(GString) report = g_string_new (NULL);

      report_wide (widget, limit, report);
      g_error ("%s needs %d px, more than %d px; too wide:%s", what, minimum, limit, report->str);
    }
}

/* --- The window --------------------------------------------------------- */

typedef struct
{
  GtkWidget *widget;
  int        width;
} WidthWait;

/* The default size of a window under Xvfb includes a frame of a few
 * pixels that GTK draws itself. */
#define FRAME 16

static gboolean
width_is (gpointer data)
{
  WidthWait *wait = data;
  int width = gtk_widget_get_width (wait->widget);

  return width <= wait->width && width >= wait->width - FRAME;
}

static GtkWidget *
content_of (DebriefWindow *window)
{
  return adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
}

static void
resize (DebriefWindow *window,
        int            width)
{
  WidthWait wait = { content_of (window), width };

  gtk_window_set_default_size (GTK_WINDOW (window), width, 720);
  for (guint i = 0; i < 2000 && !width_is (&wait); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  if (!width_is (&wait))
    g_error ("The window is %d px wide (%d with its frame), not %d; its content asks for %d", gtk_widget_get_width (wait.widget), gtk_widget_get_width (GTK_WIDGET (window)), width, min_width (wait.widget));
  debrief_test_drain ();
}

static void
show_view (DebriefWindow *window,
           const char    *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", name));
  debrief_test_drain ();
}

static gboolean
rectangles_overlap (const graphene_rect_t *a,
                    const graphene_rect_t *b)
{
  graphene_rect_t both;

  return graphene_rect_intersection (a, b, &both) && both.size.width > 0.5 && both.size.height > 0.5;
}

/* The bounds of @widget in the coordinates of @window. */
static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));

  return bounds;
}

/* Exactly one way to switch views is on screen: the switcher in the header
 * bar, or the bar at the bottom (@expect_bar: 1, 0, or -1 for either); and the file's name at the start of the
 * header is never drawn over the switcher title. */
static void
assert_one_switcher (DebriefWindow *window,
                     int            expect_bar)
{
  AdwViewSwitcherTitle *title = ADW_VIEW_SWITCHER_TITLE (debrief_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE));
  AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (debrief_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR));
  GtkWidget *start_title = debrief_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE);
  gboolean header_switcher = !adw_view_switcher_title_get_title_visible (title);
  gboolean bar_shown = adw_view_switcher_bar_get_reveal (bar) && gtk_widget_get_mapped (GTK_WIDGET (bar));

  /* Let any switching the layout asks for happen. */
  debrief_test_drain ();
  header_switcher = !adw_view_switcher_title_get_title_visible (title);
  bar_shown = adw_view_switcher_bar_get_reveal (bar) && gtk_widget_get_mapped (GTK_WIDGET (bar));

  g_assert_true (header_switcher != bar_shown);
  /* -1: either, as long as it is one. */
  if (expect_bar != -1)
    g_assert_true (bar_shown == expect_bar);

  /* The header's title widget is the switcher title, not the one at the start. */
  g_assert_true (start_title != NULL && start_title != GTK_WIDGET (title));
  if (gtk_widget_get_mapped (start_title) && gtk_widget_get_opacity (start_title) > 0)
    {
      graphene_rect_t a = bounds_in (start_title, GTK_WIDGET (window));
      graphene_rect_t b = bounds_in (GTK_WIDGET (title), GTK_WIDGET (window));

      g_assert_false (rectangles_overlap (&a, &b));
      /* Its name is not shown twice. */
      g_assert_false (adw_view_switcher_title_get_title_visible (title));
      /* At 1,024 px the incident's name is read, not cut to a few letters. */
      if (gtk_widget_get_width (content_of (window)) >= WIDE)
        g_assert_cmpint (gtk_widget_get_width (start_title), >=, 120);
    }
}

/* --- Evidence ----------------------------------------------------------- */

static GFile *
data_file (const char *path)
{
  g_autofree char *full = g_test_build_filename (G_TEST_DIST, "data", path, NULL);

  return g_file_new_for_path (full);
}

static gboolean
not_importing (gpointer page)
{
  return !debrief_evidence_page_get_importing (page);
}

static void
import_files (DebriefEvidencePage *page,
              const char * const  *paths)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  for (guint i = 0; paths[i]; i++)
    {
      g_autoptr(GFile) file = data_file (paths[i]);

      g_list_store_append (files, file);
    }

  debrief_evidence_page_import_files (page, G_LIST_MODEL (files));
  debrief_test_wait_for (not_importing, page);
  debrief_test_drain ();
}

static const char * const evidence_files[] = {
  "evidence/gateway.log",
  "metrics/service-health.csv",
  "evidence-views/slack-day.json",
  "evidence-views/screenshot.png",
  NULL
};

static const struct
{
  const char *name;
  GType     (*viewer_type) (void);
} evidence_views[] = {
  { "log", debrief_log_view_get_type },
  { "metrics", debrief_metrics_view_get_type },
  { "chat", debrief_chat_view_get_type },
  { "image", debrief_image_view_get_type },
};

static DebriefEvidencePage *
evidence_page (DebriefWindow *window)
{
  GtkWidget *page = debrief_test_find_descendant (GTK_WIDGET (window), DEBRIEF_TYPE_EVIDENCE_PAGE);

  g_assert_nonnull (page);

  return DEBRIEF_EVIDENCE_PAGE (page);
}

/* A window with a new incident whose Overview is filled in, with a log,
 * metrics, a chat and an image as evidence. */
static DebriefWindow *
filled_in_window (int width)
{
  DebriefWindow *window = debrief_test_new_incident_window (app, width, 720);
  DebriefDocument *document = debrief_window_get_document (window);
  DebriefIncident *incident = debrief_document_get_incident (document);
  g_autoptr(DebriefParticipant) grace = debrief_participant_new ();
  g_autoptr(DebriefScopeItem) broker = debrief_scope_item_new ();

  debrief_incident_set_title (incident, "Gateway fleet lost MQTT after firmware 4.2 rollout");
  debrief_incident_set_summary (incident, "After the rollout, 38% of the gateways stopped publishing telemetry for 47 minutes.");
  debrief_participant_set_name (grace, "Grace Hopper");
  debrief_participant_set_role (grace, DEBRIEF_ROLE_CLOSEST_TO_CHANGE);
  debrief_participant_set_team (grace, "Firmware");
  g_assert_true (debrief_document_add (document, DEBRIEF_RECORD (grace), NULL));
  debrief_scope_item_set_name (broker, "MQTT broker cluster");
  g_assert_true (debrief_document_add (document, DEBRIEF_RECORD (broker), NULL));

  show_view (window, "evidence");
  import_files (evidence_page (window), evidence_files);
  g_assert_cmpuint (g_list_model_get_n_items (debrief_document_get_records (document, DEBRIEF_TYPE_EVIDENCE)), ==, 4);
  show_view (window, "overview");

  return window;
}

static DebriefEvidence *
evidence_at (DebriefWindow *window,
             guint          position)
{
  GListModel *list = debrief_document_get_records (debrief_window_get_document (window), DEBRIEF_TYPE_EVIDENCE);
  g_autoptr(DebriefEvidence) evidence = g_list_model_get_item (list, position);

  g_assert_nonnull (evidence);

  /* The document holds it. */
  return evidence;
}

/* The evidence list in the sidebar. */
static GtkWidget *
sidebar_list (DebriefWindow *window)
{
  GtkWidget *list = debrief_test_find_with_class (GTK_WIDGET (evidence_page (window)), GTK_TYPE_LIST_VIEW, "navigation-sidebar");

  g_assert_nonnull (list);

  return list;
}

/* The button on screen for @action. */
static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Selects the item at @position as choosing it in the list does (Enter,
 * or a click), and waits for its viewer. */
static GtkWidget *
open_item (DebriefWindow *window,
           guint          position)
{
  DebriefEvidencePage *page = evidence_page (window);
  GtkWidget *list = sidebar_list (window);
  GtkWidget *viewer;

  gtk_selection_model_select_item (gtk_list_view_get_model (GTK_LIST_VIEW (list)), position, TRUE);
  g_signal_emit_by_name (list, "activate", position);
  viewer = debrief_test_wait_for_mapped (GTK_WIDGET (page), evidence_views[position].viewer_type ());
  g_assert_nonnull (viewer);
  debrief_test_drain ();

  return viewer;
}

/* --- 1. Every view fits 360 pixels ------------------------------------- */

static void
test_every_view_fits_360 (void)
{
  DebriefWindow *window = filled_in_window (WIDE);
  static const char * const views[] = { "overview", "timeline", "analysis", "facilitation", "actions" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      show_view (window, views[i]);
      assert_fits (content_of (window), NARROW, views[i]);
    }

  /* The Evidence view with each kind of item shown, at each width: what
   * it once asked for stays asked for. */
  show_view (window, "evidence");
  for (guint i = 0; i < G_N_ELEMENTS (evidence_views); i++)
    {
      open_item (window, i);
      assert_fits (content_of (window), NARROW, evidence_views[i].name);
    }

  resize (window, NARROW);
  for (guint i = 0; i < G_N_ELEMENTS (evidence_views); i++)
    {
      open_item (window, i);
      assert_fits (content_of (window), NARROW, evidence_views[i].name);
      g_assert_cmpint (gtk_widget_get_width (content_of (window)), <=, NARROW);
      assert_one_switcher (window, TRUE);
    }

  show_view (window, "overview");
  assert_fits (content_of (window), NARROW, "overview after the evidence");
  g_assert_cmpint (gtk_widget_get_width (content_of (window)), <=, NARROW);
  assert_one_switcher (window, TRUE);

  debrief_test_close_window (window);
}

/* --- 2. One view switcher at a time ------------------------------------ */

static void
test_one_view_switcher_at_a_time (void)
{
  DebriefWindow *window = filled_in_window (WIDE);
  /* 994 px: where the file's name once covered the switcher, and both
   * switchers were shown. */
  static const int widths[] = { WIDE, 994, 800, 600, NARROW, 994, WIDE };

  show_view (window, "evidence");
  open_item (window, 0);
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      resize (window, widths[i]);
      assert_one_switcher (window, widths[i] == NARROW ? TRUE : widths[i] == WIDE ? FALSE : -1);
    }

  debrief_test_close_window (window);
}

/* --- 3. The evidence list folds, with a way back ----------------------- */

/* Whether @widget is on screen: mapped, no container hides it, and inside
 * the window. */
static gboolean
is_drawn (GtkWidget *widget)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds, window_bounds;

  if (root == NULL || !gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) <= 0)
    return FALSE;
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_child_visible (w) || gtk_widget_get_opacity (w) == 0)
      return FALSE;

  if (!gtk_widget_compute_bounds (widget, root, &bounds) || !gtk_widget_compute_bounds (root, root, &window_bounds))
    return FALSE;

  return rectangles_overlap (&bounds, &window_bounds);
}

static gboolean
list_shown (gpointer window)
{
  return is_drawn (sidebar_list (window));
}

static gboolean
list_hidden (gpointer window)
{
  return !is_drawn (sidebar_list (window));
}

/* The back button to the list, if one is on screen. */
static GtkWidget *
back_button (DebriefWindow *window)
{
  GtkWidget *back = find_actionable (GTK_WIDGET (evidence_page (window)), "evidence.show-list");

  return back != NULL && is_drawn (back) ? back : NULL;
}

static gboolean
back_shown (gpointer window)
{
  return back_button (window) != NULL;
}

static void
test_evidence_list_folds_with_a_way_back (void)
{
  DebriefWindow *window = filled_in_window (WIDE);
  DebriefEvidencePage *page;
  GtkWidget *leaflet;
  GtkWidget *viewer;
  GtkWidget *back;
  GtkWidget *entry;

  resize (window, NARROW);
  show_view (window, "evidence");
  page = evidence_page (window);

  /* One of the list and the item at a time, the list first. */
  leaflet = debrief_test_find_descendant (GTK_WIDGET (page), ADW_TYPE_LEAFLET);
  g_assert_nonnull (leaflet);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  debrief_test_wait_for (list_shown, window);

  for (guint i = 0; i < G_N_ELEMENTS (evidence_views); i++)
    {
      /* Choosing an item shows it in the whole width, without the list... */
      viewer = open_item (window, i);
      debrief_test_wait_for (list_hidden, window);
      debrief_test_wait_for (back_shown, window);
      g_assert_true (is_drawn (viewer));
      g_assert_cmpint (gtk_widget_get_width (viewer), >=, gtk_widget_get_width (content_of (window)) - 2);

      /* ...with a back button to the list. */
      back = back_button (window);
      g_assert_nonnull (back);
      g_signal_emit_by_name (back, "clicked");
      debrief_test_wait_for (list_shown, window);
      debrief_test_drain ();
      g_assert_null (back_button (window));
    }

  /* A link from elsewhere to a line brings the item forward too. */
  g_assert_true (debrief_evidence_page_show_evidence (page, debrief_record_get_uuid (DEBRIEF_RECORD (evidence_at (window, 0))), 2, 2));
  debrief_test_wait_for (list_hidden, window);
  g_assert_nonnull (debrief_test_wait_for_mapped (GTK_WIDGET (page), DEBRIEF_TYPE_LOG_VIEW));
  debrief_test_wait_for (back_shown, window);
  g_signal_emit_by_name (back_button (window), "clicked");
  debrief_test_wait_for (list_shown, window);

  /* Search all evidence: the field is above the list, Enter shows the
   * results, and the back button returns to the field. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evidence.search", NULL));
  debrief_test_drain ();
  entry = debrief_test_find_mapped (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "rollout");
  g_signal_emit_by_name (entry, "activate");
  debrief_test_wait_for (list_hidden, window);
  debrief_test_wait_for (back_shown, window);
  back = back_button (window);
  g_assert_nonnull (back);
  g_signal_emit_by_name (back, "clicked");
  debrief_test_wait_for (list_shown, window);
  g_assert_true (gtk_widget_get_mapped (entry));

  /* Wide again, the list is beside the item, with no back button. */
  resize (window, WIDE);
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  open_item (window, 0);
  g_assert_true (list_shown (window));
  g_assert_null (back_button (window));

  debrief_test_close_window (window);
}

/* --- 4. A wide window shows all three ---------------------------------- */

static void
assert_side_by_side (DebriefWindow *window,
                     GtkWidget     *viewer,
                     GtkWidget     *details)
{
  graphene_rect_t list_bounds, viewer_bounds, details_bounds;

  g_assert_true (list_shown (window));
  g_assert_true (is_drawn (viewer));
  g_assert_true (is_drawn (details));

  /* Side by side, in that order, none over another. */
  list_bounds = bounds_in (sidebar_list (window), GTK_WIDGET (window));
  viewer_bounds = bounds_in (viewer, GTK_WIDGET (window));
  details_bounds = bounds_in (details, GTK_WIDGET (window));
  g_assert_cmpfloat (list_bounds.origin.x + list_bounds.size.width, <=, viewer_bounds.origin.x);
  g_assert_cmpfloat (viewer_bounds.origin.x + viewer_bounds.size.width, <=, details_bounds.origin.x);
  /* The viewer has the most room. */
  g_assert_cmpfloat (viewer_bounds.size.width, >, list_bounds.size.width);
  g_assert_cmpfloat (viewer_bounds.size.width, >, details_bounds.size.width);
}

/* At 1,024 px a log's lines get the room the details would take: the
 * details come over the viewer at the press of their button. From about
 * 1,280 px the list, the viewer and the details are side by side. */
static void
test_wide_window_shows_list_viewer_and_details (void)
{
  DebriefWindow *window = filled_in_window (WIDE);
  DebriefEvidencePage *page;
  GtkWidget *viewer;
  GtkWidget *details;
  GtkWidget *button;
  graphene_rect_t list_bounds, viewer_bounds, details_bounds;

  show_view (window, "evidence");
  page = evidence_page (window);

  viewer = open_item (window, 0);
  g_assert_true (DEBRIEF_IS_LOG_VIEW (viewer));
  details = debrief_test_find_row (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "SHA-256");
  g_assert_nonnull (details);
  g_assert_true (list_shown (window));
  g_assert_false (is_drawn (details));
  list_bounds = bounds_in (sidebar_list (window), GTK_WIDGET (window));
  viewer_bounds = bounds_in (viewer, GTK_WIDGET (window));
  g_assert_cmpfloat (list_bounds.origin.x + list_bounds.size.width, <=, viewer_bounds.origin.x);
  g_assert_cmpfloat (viewer_bounds.size.width, >=, WIDE * 0.7);

  button = GTK_WIDGET (page->details_button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  debrief_test_wait_for (debrief_test_widget_is_mapped, details);
  debrief_test_drain ();
  g_assert_true (is_drawn (details));
  details_bounds = bounds_in (details, GTK_WIDGET (window));
  g_assert_cmpfloat (details_bounds.origin.x, >=, viewer_bounds.origin.x);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), FALSE);
  debrief_test_drain ();

  resize (window, ROOMY);
  for (guint i = 0; i < G_N_ELEMENTS (evidence_views); i++)
    {
      viewer = open_item (window, i);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      debrief_test_drain ();
      details = debrief_test_find_row (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "SHA-256");
      g_assert_nonnull (details);
      assert_side_by_side (window, viewer, details);
    }

  debrief_test_close_window (window);
}

/* --- 5. Dialogs fit 360 pixels ----------------------------------------- */

static GtkWindow *
wait_for_toplevel (GType type)
{
  debrief_test_wait_for (debrief_test_toplevel_shown, GSIZE_TO_POINTER (type));
  debrief_test_drain ();

  return debrief_test_find_toplevel (type);
}

static void
assert_dialog_fits (GType       type,
                    const char *what)
{
  GtkWindow *dialog = wait_for_toplevel (type);

  g_assert_nonnull (dialog);
  /* What is inside its frame (which GTK draws itself under Xvfb). */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dialog)); child; child = gtk_widget_get_next_sibling (child))
    assert_fits (child, NARROW, what);
  debrief_test_close_and_wait (dialog);
}

static void
test_dialogs_fit_360 (void)
{
  DebriefWindow *window = filled_in_window (WIDE);
  GtkWidget *overview = debrief_test_find_descendant (GTK_WIDGET (window), DEBRIEF_TYPE_OVERVIEW_PAGE);
  DebriefEvidencePage *page = evidence_page (window);

  resize (window, NARROW);

  g_assert_true (gtk_widget_activate_action (overview, "overview.add-participant", NULL));
  assert_dialog_fits (ADW_TYPE_MESSAGE_DIALOG, "the participant dialog");

  g_assert_true (gtk_widget_activate_action (overview, "overview.send-invitation", NULL));
  assert_dialog_fits (ADW_TYPE_MESSAGE_DIALOG, "Send to Participants");

  show_view (window, "evidence");
  open_item (window, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evidence.align-clock", NULL));
  assert_dialog_fits (DEBRIEF_TYPE_ALIGN_CLOCK_DIALOG, "the align-clock dialog");

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  assert_dialog_fits (DEBRIEF_TYPE_PREFERENCES_WINDOW, "Preferences");

  debrief_test_close_window (window);
}

/* --- 6. Role names are read whole --------------------------------------- */

static void
collect_labels (GtkWidget  *widget,
                const char *text,
                GPtrArray  *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    g_ptr_array_add (labels, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text, labels);
}

/* Every label on screen in @widget that says @text shows all it says. */
static guint
assert_shown_whole (GtkWidget  *widget,
                    const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  debrief_test_drain ();
  collect_labels (widget, text, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      PangoLayout *layout = gtk_label_get_layout (labels->pdata[i]);

      if (pango_layout_is_ellipsized (layout))
        g_error ("“%s” is cut off", text);
    }

  return labels->len;
}

static void
assert_roles_whole (AdwComboRow *row,
                    GtkWidget   *dialog)
{
  const char * const *ids = debrief_role_list_ids ();
  GtkWidget *popover;
  guint shown = 0;

  /* Each, chosen, in the row... */
  for (guint i = 0; ids[i] != NULL; i++)
    {
      adw_combo_row_set_selected (row, i);
      g_assert_cmpuint (assert_shown_whole (GTK_WIDGET (row), debrief_role_get_display_name (ids[i])), ==, 1);
    }

  /* ...and all of them in the list it opens. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  popover = debrief_test_wait_for_mapped (GTK_WIDGET (row), GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  for (guint i = 0; ids[i] != NULL; i++)
    shown += assert_shown_whole (popover, debrief_role_get_display_name (ids[i]));
  /* (Those scrolled out of sight are not made.) */
  g_assert_cmpuint (shown, >=, 3);
  gtk_popover_popdown (GTK_POPOVER (popover));
  debrief_test_drain ();
}

static void
test_role_names_are_read_whole (void)
{
  DebriefWindow *window = filled_in_window (WIDE);
  GtkWidget *overview = debrief_test_find_descendant (GTK_WIDGET (window), DEBRIEF_TYPE_OVERVIEW_PAGE);
  GtkWindow *dialog;
  GtkWidget *row;

  /* In the participant dialog (they were cut at any width)... */
  g_assert_true (gtk_widget_activate_action (overview, "overview.add-participant", NULL));
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  row = debrief_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Role");
  g_assert_nonnull (row);
  assert_roles_whole (ADW_COMBO_ROW (row), GTK_WIDGET (dialog));
  debrief_test_close_and_wait (dialog);

  /* ...in the list of participants... */
  g_assert_cmpuint (assert_shown_whole (overview, "Engineer closest to the change"), ==, 1);

  /* ...and in Preferences. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  dialog = wait_for_toplevel (DEBRIEF_TYPE_PREFERENCES_WINDOW);
  row = debrief_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Default role");
  g_assert_nonnull (row);
  assert_roles_whole (ADW_COMBO_ROW (row), GTK_WIDGET (dialog));
  debrief_test_close_and_wait (dialog);

  debrief_test_close_window (window);
}

/* --- 7. A toast leaves the zoom controls free --------------------------- */

/* The toast on screen in @window, if any. */
static GtkWidget *
find_toast (DebriefWindow *window)
{
  GtkWidget *overlay = debrief_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);

  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child; child = gtk_widget_get_next_sibling (child))
    if (g_object_class_find_property (G_OBJECT_GET_CLASS (child), "toast") != NULL && gtk_widget_get_mapped (child))
      return child;

  return NULL;
}

static gboolean
toast_shown (gpointer window)
{
  GtkWidget *toast = find_toast (window);

  return toast != NULL && gtk_widget_get_height (toast) > 0;
}

static void
test_toast_leaves_zoom_controls_free (void)
{
  DebriefWindow *window = filled_in_window (WIDE);
  GtkWidget *overlay = debrief_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
  static const int widths[] = { WIDE, NARROW };

  show_view (window, "evidence");
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autoptr(AdwToast) said = NULL;
      GtkWidget *view;
      GtkWidget *toast;
      static const char * const actions[] = { "image.zoom-in", "image.zoom-out", "image.zoom-fit", "image.zoom-original" };

      resize (window, widths[i]);
      view = open_item (window, 3);
      /* As an import says it is done. */
      said = adw_toast_new ("“screenshot.png” imported");
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (said));
      debrief_test_wait_for (toast_shown, window);
      debrief_test_drain ();
      toast = find_toast (window);

      for (guint j = 0; j < G_N_ELEMENTS (actions); j++)
        {
          GtkWidget *button = find_actionable (view, actions[j]);
          graphene_rect_t button_bounds, toast_bounds;

          g_assert_nonnull (button);
          g_assert_true (is_drawn (button));
          button_bounds = bounds_in (button, GTK_WIDGET (window));
          toast_bounds = bounds_in (toast, GTK_WIDGET (window));
          g_assert_false (rectangles_overlap (&button_bounds, &toast_bounds));
        }

      adw_toast_dismiss (said);
      debrief_test_drain ();
    }

  debrief_test_close_window (window);
}

/* --- 8. Empty lists say so --------------------------------------------- */

static void
test_empty_lists_say_so (void)
{
  DebriefWindow *window = debrief_test_new_incident_window (app, NARROW, 720);
  GtkWidget *overview = debrief_test_find_descendant (GTK_WIDGET (window), DEBRIEF_TYPE_OVERVIEW_PAGE);
  static const struct
  {
    const char *sentence;
    const char *action;
  } lists[] = {
    { "No systems or components yet", "overview.add-scope-item" },
    { "No participants yet", "overview.add-participant" },
  };

  resize (window, NARROW);
  assert_fits (content_of (window), NARROW, "an empty overview");

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      GtkWidget *list;
      GtkWidget *button;

      collect_labels (overview, lists[i].sentence, labels);
      g_assert_cmpuint (labels->len, ==, 1);

      /* In the list, not a thin sliver: a sentence and the way to add. */
      list = gtk_widget_get_ancestor (labels->pdata[0], GTK_TYPE_LIST_BOX);
      g_assert_nonnull (list);
      g_assert_true (gtk_widget_has_css_class (list, "boxed-list"));
      g_assert_cmpint (gtk_widget_get_height (list), >=, 60);
      /* (find_actionable() finds it only on screen, scrolled to or not.) */
      button = find_actionable (list, lists[i].action);
      g_assert_nonnull (button);
    }

  /* The button adds one, and the sentence goes. */
  g_signal_emit_by_name (find_actionable (gtk_widget_get_ancestor (debrief_test_find_label (overview, "No systems or components yet: add those this review looks at."), GTK_TYPE_LIST_BOX),
                                          "overview.add-scope-item"), "clicked");
  debrief_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (debrief_document_get_records (debrief_window_get_document (window), DEBRIEF_TYPE_SCOPE_ITEM)), ==, 1);
  g_assert_null (debrief_test_find_label (overview, "No systems or components yet: add those this review looks at."));

  debrief_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = debrief_test_ui_init (&argc, &argv);

  app = debrief_application_new ();

  g_test_add_func ("/debrief/narrow/every-view-fits-360", test_every_view_fits_360);
  g_test_add_func ("/debrief/narrow/one-view-switcher-at-a-time", test_one_view_switcher_at_a_time);
  g_test_add_func ("/debrief/narrow/evidence-list-folds-with-a-way-back", test_evidence_list_folds_with_a_way_back);
  g_test_add_func ("/debrief/narrow/wide-window-shows-list-viewer-and-details", test_wide_window_shows_list_viewer_and_details);
  g_test_add_func ("/debrief/narrow/dialogs-fit-360", test_dialogs_fit_360);
  g_test_add_func ("/debrief/narrow/role-names-are-read-whole", test_role_names_are_read_whole);
  g_test_add_func ("/debrief/narrow/toast-leaves-zoom-controls-free", test_toast_leaves_zoom_controls_free);
  g_test_add_func ("/debrief/narrow/empty-lists-say-so", test_empty_lists_say_so);

  /* Startup happens in g_application_run(), before the tests run. */
  return debrief_test_run_application (G_APPLICATION (app), data_home);
}
