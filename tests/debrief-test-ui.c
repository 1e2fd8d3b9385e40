/* debrief-test-ui.c
 *
 * Helpers shared by the tests that drive real windows under Xvfb: waiting
 * for the main loop to bring something about, and finding widgets the way
 * a user would see them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-test"

#include "config.h"

#include "debrief-test-ui.h"

/* Runs the main loop until @condition holds; a test that waits longer than
 * ten seconds fails. */
void
debrief_test_wait_for (DebriefTestCondition condition,
                       gpointer             data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Lets the main loop settle: idles, layout, frames. */
void
debrief_test_drain (void)
{
  for (guint i = 0; i < 50; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

gboolean
debrief_test_widget_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

gboolean
debrief_test_pointer_is_null (gpointer location)
{
  return *(gpointer *) location == NULL;
}

GtkWidget *
debrief_test_find_descendant (GtkWidget *widget,
                              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = debrief_test_find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The newest visible toplevel of @type, if any. */
GtkWindow *
debrief_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

gboolean
debrief_test_message_dialog_shown (gpointer unused)
{
  GtkWindow *dialog = debrief_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static GtkWidget *
find_mapped (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * debrief_test_wait_for_mapped:
 *
 * Iterates the main loop until @widget has a mapped descendant of @type
 * (a viewer whose content loads in a thread, say), for a few seconds at
 * most.
 *
 * Returns: (transfer none) (nullable): that descendant, or %NULL if none
 *   came
 */
GtkWidget *
debrief_test_wait_for_mapped (GtkWidget *widget,
                              GType      type)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *found;

  while ((found = find_mapped (widget, type)) == NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return found;
}
