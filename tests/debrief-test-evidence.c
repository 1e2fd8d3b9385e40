/* debrief-test-evidence.c
 *
 * Helpers shared by the tests of the Evidence view in a real window
 * (test-evidence-page.c, test-evidence-details.c, test-log-reading.c;
 * test-overview.c finds a button by its label): the test data, what the
 * list, the item shown and its details show, toasts, a new incident's
 * window on its Evidence view, and importing files into it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-test"

#include "config.h"

#include <string.h>

#include "debrief-test-evidence.h"
#include "debrief-test-ui.h"

/* Weak: the test program owns the application. */
static DebriefApplication *application;

/* --- Finding what the user sees ---------------------------------------- */

GFile *
debrief_test_data_file (const char *path)
{
  g_autofree char *full = g_test_build_filename (G_TEST_DIST, "data", path, NULL);

  return g_file_new_for_path (full);
}

GtkWidget *
debrief_test_find_button_labelled (GtkWidget  *widget,
                                   const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = debrief_test_find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The button on screen for @action. */
GtkWidget *
debrief_test_find_actionable (GtkWidget  *widget,
                              const char *action)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = debrief_test_find_actionable (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether a button for @action in @widget would be sensitive: whether the
 * action is enabled there.  (gtk_widget_activate_action() only says
 * whether it exists.) */
gboolean
debrief_test_action_enabled (GtkWidget  *widget,
                             const char *action)
{
  GtkWidget *probe = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), action);
  gtk_widget_set_parent (probe, widget);
  enabled = gtk_widget_get_sensitive (probe);
  gtk_widget_unparent (probe);

  return enabled;
}

/* The evidence list in the sidebar. */
static GtkListView *
sidebar_list (DebriefEvidencePage *page)
{
  GtkWidget *list = debrief_test_find_with_class (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, "navigation-sidebar");

  g_assert_nonnull (list);

  return GTK_LIST_VIEW (list);
}

static void
collect_titles (GtkWidget *widget,
                GPtrArray *titles)
{
  /* A row's title is its label that is not dimmed; the size and times
   * under it are. */
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) && !gtk_widget_has_css_class (widget, "dim-label"))
    g_ptr_array_add (titles, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_titles (child, titles);
}

/* The titles the evidence list shows, top to bottom. */
GPtrArray *
debrief_test_evidence_list_titles (DebriefEvidencePage *page)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  debrief_test_drain ();
  collect_titles (GTK_WIDGET (sidebar_list (page)), titles);

  return titles;
}

guint
debrief_test_evidence_list_selected (DebriefEvidencePage *page)
{
  GtkSelectionModel *model = gtk_list_view_get_model (sidebar_list (page));

  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model));
}

GtkStack *
debrief_test_evidence_content_stack (DebriefEvidencePage *page)
{
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (page)); w; )
    {
      if (GTK_IS_STACK (w) && gtk_stack_get_child_by_name (GTK_STACK (w), "search") != NULL)
        return GTK_STACK (w);

      if (gtk_widget_get_first_child (w))
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w && !gtk_widget_get_next_sibling (w) && w != GTK_WIDGET (page))
            w = gtk_widget_get_parent (w);
          if (w == NULL || w == GTK_WIDGET (page))
            break;
          w = gtk_widget_get_next_sibling (w);
        }
    }

  g_assert_not_reached ();
}

const char *
debrief_test_evidence_visible_content (DebriefEvidencePage *page)
{
  return gtk_stack_get_visible_child_name (debrief_test_evidence_content_stack (page));
}

/* The details pane of the item shown. */
GtkWidget *
debrief_test_evidence_item_pane (DebriefEvidencePage *page)
{
  return gtk_stack_get_child_by_name (debrief_test_evidence_content_stack (page), "item");
}

DebriefLogView *
debrief_test_evidence_shown_log_view (DebriefEvidencePage *page)
{
  GtkWidget *view;

  debrief_test_drain ();
  view = debrief_test_find_mapped (GTK_WIDGET (page), DEBRIEF_TYPE_LOG_VIEW);
  g_assert_nonnull (view);

  return DEBRIEF_LOG_VIEW (view);
}

DebriefLogModel *
debrief_test_log_model_of (DebriefLogView *view)
{
  GListModel *model = debrief_log_view_get_model (view);

  g_assert_true (DEBRIEF_IS_LOG_MODEL (model));

  return DEBRIEF_LOG_MODEL (model);
}

/* The line (in the log, from 0) of the row selected alone in @view, or
 * -1 when there is no single selected row. */
gint64
debrief_test_selected_line (DebriefLogView *view)
{
  g_autoptr(DebriefLogRow) row = NULL;
  guint first, last;

  if (!debrief_log_view_get_selected_range (view, &first, &last) || first != last)
    return -1;

  row = g_list_model_get_item (debrief_log_view_get_model (view), first);

  return row ? (gint64) debrief_log_row_get_line (row) : -1;
}

gint64
debrief_test_row_usec (DebriefLogView *view,
                       guint           position)
{
  g_autoptr(DebriefLogRow) row = g_list_model_get_item (debrief_log_view_get_model (view), position);

  g_assert_nonnull (row);

  return debrief_log_row_get_usec (row);
}

DebriefEvidence *
debrief_test_evidence_at (DebriefDocument *document,
                          guint            position)
{
  DebriefEvidence *evidence = g_list_model_get_item (debrief_document_get_records (document, DEBRIEF_TYPE_EVIDENCE),
                                                     position);

  g_assert_nonnull (evidence);
  /* The document holds it. */
  g_object_unref (evidence);

  return evidence;
}

guint
debrief_test_evidence_count (DebriefDocument *document)
{
  return g_list_model_get_n_items (debrief_document_get_records (document, DEBRIEF_TYPE_EVIDENCE));
}

/* --- Toasts ------------------------------------------------------------- */

static AdwToast *
toast_of (GtkWidget *widget)
{
  AdwToast *toast = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "toast") == NULL)
    return NULL;

  g_object_get (widget, "toast", &toast, NULL);
  if (toast != NULL)
    g_object_unref (toast);

  return toast;
}

/* The toast widget on screen whose title contains @text. */
GtkWidget *
debrief_test_find_toast (DebriefWindow *window,
                         const char    *text)
{
  GtkWidget *overlay = debrief_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);

  g_assert_nonnull (overlay);
  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwToast *toast = toast_of (child);

      if (toast != NULL && strstr (adw_toast_get_title (toast), text) != NULL)
        return child;
    }

  return NULL;
}

typedef struct
{
  DebriefWindow *window;
  const char    *text;
} ToastWait;

static gboolean
toast_shown (gpointer data)
{
  ToastWait *wait = data;

  return debrief_test_find_toast (wait->window, wait->text) != NULL;
}

AdwToast *
debrief_test_wait_for_toast (DebriefWindow *window,
                             const char    *text)
{
  ToastWait wait = { window, text };

  debrief_test_wait_for (toast_shown, &wait);

  return toast_of (debrief_test_find_toast (window, text));
}

static GtkWidget *
find_close_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_close_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
no_toast_shown (gpointer data)
{
  GtkWidget *overlay = debrief_test_find_descendant (data, ADW_TYPE_TOAST_OVERLAY);

  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child; child = gtk_widget_get_next_sibling (child))
    if (toast_of (child) != NULL)
      return FALSE;

  return TRUE;
}

/* Closes every toast shown (and those waiting behind them) with its close
 * button, so that the next one is shown at once. */
void
debrief_test_dismiss_toasts (DebriefWindow *window)
{
  GtkWidget *overlay = debrief_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);

  for (guint round = 0; round < 10 && !no_toast_shown (window); round++)
    {
      for (GtkWidget *child = gtk_widget_get_first_child (overlay); child; child = gtk_widget_get_next_sibling (child))
        if (toast_of (child) != NULL && find_close_button (child) != NULL)
          g_signal_emit_by_name (find_close_button (child), "clicked");
      debrief_test_drain ();
    }
  debrief_test_wait_for (no_toast_shown, window);
}

/* --- Windows ------------------------------------------------------------ */

/**
 * debrief_test_evidence_set_application:
 * @app: (nullable): the application the test program runs in
 *
 * Sets the application new windows belong to. The test program keeps its
 * reference (debrief_test_run_application() checks that @app is
 * finalized); this one is weak, so it never outlives @app.
 */
void
debrief_test_evidence_set_application (DebriefApplication *app)
{
  g_set_weak_pointer (&application, app);
}

DebriefApplication *
debrief_test_evidence_get_application (void)
{
  g_assert_nonnull (application);

  return application;
}

/* A window with a new incident, on its Evidence view. */
DebriefWindow *
debrief_test_evidence_new_incident_window (DebriefEvidencePage **page)
{
  DebriefWindow *window = debrief_test_new_incident_window (debrief_test_evidence_get_application (), 1280, 800);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "evidence"));
  debrief_test_drain ();

  *page = DEBRIEF_EVIDENCE_PAGE (debrief_test_find_descendant (GTK_WIDGET (window), DEBRIEF_TYPE_EVIDENCE_PAGE));
  g_assert_nonnull (*page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (*page)));
  g_assert_cmpstr (debrief_test_evidence_visible_content (*page), ==, "empty");

  return window;
}

/* --- Importing ---------------------------------------------------------- */

static gboolean
not_importing (gpointer page)
{
  return !debrief_evidence_page_get_importing (page);
}

void
debrief_test_evidence_wait_for_import (DebriefEvidencePage *page)
{
  debrief_test_wait_for (not_importing, page);
  debrief_test_drain ();
}

/* Imports @paths (under tests/data) as the file chooser hands them over. */
void
debrief_test_evidence_import_files (DebriefEvidencePage *page,
                                    const char * const  *paths)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  gboolean importing = FALSE;

  for (guint i = 0; paths[i]; i++)
    {
      g_autoptr(GFile) file = debrief_test_data_file (paths[i]);

      g_list_store_append (files, file);
    }

  debrief_evidence_page_import_files (page, G_LIST_MODEL (files));

  /* The import runs in a thread, and the view says so meanwhile. */
  g_object_get (page, "importing", &importing, NULL);
  g_assert_true (importing);
  debrief_test_evidence_wait_for_import (page);
}

/* --- Citations ---------------------------------------------------------- */

static GtkWidget *
find_group (GtkWidget  *widget,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_group (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first row of "Cited on the Timeline" in the details, if any. */
GtkWidget *
debrief_test_evidence_cited_row (DebriefEvidencePage *page)
{
  GtkWidget *group = find_group (debrief_test_evidence_item_pane (page), "Cited on the Timeline");

  g_assert_nonnull (group);
  g_assert_true (gtk_widget_get_mapped (group));

  return debrief_test_find_mapped (group, ADW_TYPE_ACTION_ROW);
}
