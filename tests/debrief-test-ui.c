/* debrief-test-ui.c
 *
 * Helpers shared by the tests that drive real windows under Xvfb: running
 * the tests inside the application, waiting for the main loop to bring
 * something about, finding widgets the way a user would see them, answering
 * dialogs, incident windows, and keys sent through the X server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-test"

#include "config.h"

#include <gdk/x11/gdkx.h>

#include "debrief-test-ui.h"
#include "debrief-test-util.h"

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

GtkWidget *
debrief_test_find_mapped (GtkWidget *widget,
                          GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = debrief_test_find_mapped (child, type);

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

  while ((found = debrief_test_find_mapped (widget, type)) == NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return found;
}

/* The descendant of @widget of @type with @css_class: a view's own list
 * or stack, say, not the ones inside its dropdowns. */
GtkWidget *
debrief_test_find_with_class (GtkWidget  *widget,
                              GType       type,
                              const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = debrief_test_find_with_class (child, type, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The mapped label that shows exactly @text, if any. */
GtkWidget *
debrief_test_find_label (GtkWidget  *widget,
                         const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = debrief_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The button whose tooltip is @tooltip: icon buttons have no label. */
GtkWidget *
debrief_test_find_button (GtkWidget  *widget,
                          const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = debrief_test_find_button (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The AdwPreferencesRow of @type titled @title; any of that type when
 * @title is %NULL. */
GtkWidget *
debrief_test_find_row (GtkWidget  *widget,
                       GType       type,
                       const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (title == NULL || g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = debrief_test_find_row (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

guint
debrief_test_count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/* Whether the newest visible toplevel of @type (a GType in a pointer) is
 * on screen. */
gboolean
debrief_test_toplevel_shown (gpointer type)
{
  GtkWindow *window = debrief_test_find_toplevel (GPOINTER_TO_SIZE (type));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Runs the main loop for @ms milliseconds. */
void
debrief_test_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  debrief_test_wait_for (flag_is_set, &done);
}

AdwMessageDialog *
debrief_test_wait_for_dialog (void)
{
  debrief_test_wait_for (debrief_test_message_dialog_shown, NULL);

  return ADW_MESSAGE_DIALOG (debrief_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* Answers @dialog as a click would; a dialog that stays (there is no
 * window manager under Xvfb to close it) is destroyed and waited for. */
void
debrief_test_respond (AdwMessageDialog *dialog,
                      const char       *response)
{
  GtkWindow *weak = GTK_WINDOW (dialog);

  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  adw_message_dialog_response (dialog, response);
  debrief_test_drain ();
  if (weak != NULL)
    {
      gtk_window_destroy (weak);
      debrief_test_wait_for (debrief_test_pointer_is_null, &weak);
    }
}

void
debrief_test_destroy_dialogs (void)
{
  GtkWindow *dialog;

  while ((dialog = debrief_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)))
    {
      GtkWindow *weak = dialog;

      g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
      gtk_window_destroy (dialog);
      debrief_test_wait_for (debrief_test_pointer_is_null, &weak);
    }
}

/* Destroys @window and waits until it is finalized. */
void
debrief_test_close_and_wait (GtkWindow *window)
{
  GtkWindow *weak = window;

  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_destroy (window);
  debrief_test_wait_for (debrief_test_pointer_is_null, &weak);
}

/**
 * debrief_test_new_incident_window:
 * @width: the default width, or -1
 * @height: the default height, or -1
 *
 * A window of @app, on screen, with a new incident, on its Overview.
 *
 * Returns: (transfer none): the window
 */
DebriefWindow *
debrief_test_new_incident_window (DebriefApplication *app,
                                  int                 width,
                                  int                 height)
{
  DebriefWindow *window = debrief_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  debrief_test_wait_for (debrief_test_widget_is_mapped, window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  debrief_test_drain ();
  g_assert_nonnull (debrief_window_get_document (window));

  return window;
}

typedef struct
{
  DebriefWindow *window;
  GFile         *file;
} ShowsFile;

static gboolean
window_shows_file (gpointer data)
{
  ShowsFile *wait = data;
  DebriefDocument *document = debrief_window_get_document (wait->window);

  return document != NULL && debrief_document_get_file (document) != NULL &&
         g_file_equal (debrief_document_get_file (document), wait->file);
}

/* Waits until @window shows the incident saved in @file. */
void
debrief_test_wait_for_file (DebriefWindow *window,
                            GFile         *file)
{
  ShowsFile wait = { window, file };

  debrief_test_wait_for (window_shows_file, &wait);
}

/**
 * debrief_test_open_in_window:
 *
 * Opens @file in @app as the desktop does, and waits until a window shows
 * it: the window that has it already, or the one @app opened for it.
 *
 * Returns: (transfer none): the window showing @file
 */
DebriefWindow *
debrief_test_open_in_window (DebriefApplication *app,
                             GFile              *file)
{
  DebriefWindow *window;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = DEBRIEF_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  for (GList *iter = gtk_application_get_windows (GTK_APPLICATION (app)); iter; iter = iter->next)
    if (DEBRIEF_IS_WINDOW (iter->data) && debrief_window_get_file (iter->data) &&
        g_file_equal (debrief_window_get_file (iter->data), file))
      window = iter->data;

  debrief_test_wait_for_file (window, file);

  return window;
}

/* Closes @window as the user would (asking to save, letting go of its
 * lock) and waits for it to be gone. */
void
debrief_test_close_window_as_user (DebriefWindow *window)
{
  DebriefWindow *weak = window;

  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_close (GTK_WINDOW (window));
  debrief_test_wait_for (debrief_test_pointer_is_null, &weak);
}

/* Throws @window and its incident away, without asking to save, and waits
 * until the window is finalized. */
void
debrief_test_close_window (DebriefWindow *window)
{
  DebriefDocument *document = debrief_window_get_document (window);

  debrief_test_destroy_dialogs ();
  if (document != NULL)
    debrief_document_close (document);
  debrief_test_close_and_wait (GTK_WINDOW (window));
}

static void
subprocess_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *done = TRUE;
}

/* Runs xdotool with @args and waits for it; the events reach GTK through
 * the X server while this waits. */
void
debrief_test_xdotool (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  gboolean done = FALSE;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  child = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);

  g_subprocess_wait_async (child, NULL, subprocess_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_subprocess_get_successful (child));
  debrief_test_drain ();
}

/* Focuses the X window of @window for keys, and returns its id; %NULL
 * without an X server. */
char *
debrief_test_focus_x_window (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  char *xid;

  if (!GDK_IS_X11_SURFACE (surface))
    return NULL;

  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  debrief_test_xdotool ((const char *[]) { "windowfocus", "--sync", xid, NULL });

  return xid;
}

void
debrief_test_press (const char *keys)
{
  debrief_test_xdotool ((const char *[]) { "key", "--clearmodifiers", keys, NULL });
}

void
debrief_test_type (const char *text)
{
  debrief_test_xdotool ((const char *[]) { "type", "--delay", "15", text, NULL });
}

/* Working copies, drafts and the recent files list go to a private
 * folder, not the user's.  Returns that folder. */
char *
debrief_test_ui_init (int    *argc,
                      char ***argv)
{
  char *data_home = debrief_test_make_tmpdir ();

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (argc, argv, NULL);

  /* The question of the user's name, asked once on first start, as if it
   * had been answered: the tests that ask it say so. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);

    g_settings_set_boolean (settings, "user-name-asked", TRUE);
  }

  return data_home;
}

static int test_status;

/* Runs inside g_application_run(), so the application starts up first and
 * shuts down for real (giving up its bus exports) when the tests are
 * done. */
static gboolean
run_tests (gpointer user_data)
{
  GApplication *app = user_data;
  GListModel *toplevels;

  g_application_hold (app);
  test_status = g_test_run ();

  /* Whatever a failed test left goes, so the application can end. */
  toplevels = gtk_window_get_toplevels ();
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }

  g_application_release (app);

  return G_SOURCE_REMOVE;
}

/**
 * debrief_test_run_application:
 * @app: (transfer full): the application the tests use
 * @data_home: what debrief_test_ui_init() returned
 *
 * Runs the tests added with g_test_add_func() inside @app, checks that
 * @app is finalized, and removes @data_home.
 *
 * Returns: the status of g_test_run()
 */
int
debrief_test_run_application (GApplication *app,
                              const char   *data_home)
{
  g_idle_add (run_tests, app);
  g_assert_cmpint (g_application_run (app, 0, NULL), ==, 0);
  g_assert_finalize_object (app);

  debrief_test_remove_tree (data_home);

  return test_status;
}
