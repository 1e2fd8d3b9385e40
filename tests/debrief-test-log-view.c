/* debrief-test-log-view.c
 *
 * A log view alone in a real window, and the rows it shows on screen
 * (test-log-view.c, test-log-reading.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-test"

#include "config.h"

#include "debrief-test-log-view.h"
#include "debrief-test-ui.h"

/* Shows @rows in a new log view, in a window @width pixels wide, and
 * waits until it is on screen. */
void
debrief_test_log_view_open (DebriefTestLogView *fixture,
                            GListModel         *rows,
                            int                 width)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->view = DEBRIEF_LOG_VIEW (debrief_log_view_new ());
  gtk_window_set_default_size (fixture->window, width, 640);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  debrief_log_view_set_model (fixture->view, rows);
  fixture->list_view = GTK_LIST_VIEW (debrief_test_find_with_class (GTK_WIDGET (fixture->view), GTK_TYPE_LIST_VIEW, "log-view"));
  g_assert_nonnull (fixture->list_view);

  gtk_window_present (fixture->window);
  debrief_test_wait_for (debrief_test_widget_is_mapped, fixture->view);
  debrief_test_drain ();
}

/* Closes the window; the view, its rows and its model go with it. */
void
debrief_test_log_view_close (DebriefTestLogView *fixture)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *) &fixture->view);
  gtk_window_destroy (fixture->window);
  debrief_test_wait_for (debrief_test_pointer_is_null, &fixture->view);
  debrief_test_drain ();
}

/* The labels of the row on screen that shows line number @number (one
 * more than the 0-based line), or FALSE when no such row is on screen. */
static gboolean
find_row_in (GtkWidget         *widget,
             GtkWidget         *list_view,
             const char        *number,
             DebriefTestLogRow *out)
{
  if (gtk_widget_has_css_class (widget, "log-row"))
    {
      GtkWidget *line = gtk_widget_get_first_child (widget);
      graphene_rect_t bounds;

      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (line)), number) != 0 ||
          !gtk_widget_get_mapped (widget) ||
          !gtk_widget_compute_bounds (widget, list_view, &bounds) ||
          bounds.origin.y < 0 ||
          bounds.origin.y + bounds.size.height > gtk_widget_get_height (list_view))
        return FALSE;

      out->row = widget;
      out->line = GTK_LABEL (line);
      out->time = GTK_LABEL (gtk_widget_get_next_sibling (line));
      out->written = GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (out->time)));
      out->level = GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (out->written)));
      out->text = GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (out->level)));
      return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (find_row_in (child, list_view, number, out))
      return TRUE;

  return FALSE;
}

/* The row showing the 0-based @line, whole on screen; the test fails
 * when there is none. */
DebriefTestLogRow
debrief_test_log_view_find_row (DebriefTestLogView *fixture,
                                guint64             line)
{
  g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, line + 1);
  DebriefTestLogRow labels = { NULL };

  if (!find_row_in (GTK_WIDGET (fixture->list_view), GTK_WIDGET (fixture->list_view), number, &labels))
    g_error ("Line %s is not on screen", number);

  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (labels.line), "log-line-number"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (labels.time), "log-time"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (labels.written), "log-written-time"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (labels.level), "log-level"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (labels.text), "log-text"));

  return labels;
}
