/* test-window.c
 *
 * The application in a real window under Xvfb: views, menu actions, the
 * About and Keyboard Shortcuts windows, opening files, remembered size, quit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "debrief-document.h"
#include "debrief-file-format.h"
#include "debrief-lock.h"
#include "debrief-application.h"
#include "debrief-test-ui.h"
#include "debrief-test-util.h"
#include "debrief-evidence-page.h"
#include "debrief-overview-page.h"
#include "debrief-welcome-page.h"
#include "debrief-window.h"

static DebriefApplication *app;

static const char *view_names[] = {
  "overview", "evidence", "timeline", "analysis", "facilitation", "actions",
};

static DebriefWindow *
get_main_window (void)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (DEBRIEF_IS_WINDOW (window));
  debrief_test_wait_for (debrief_test_widget_is_mapped, window);

  return DEBRIEF_WINDOW (window);
}

static void
test_window_shows_switcher_and_empty_states (void)
{
  DebriefWindow *window = get_main_window ();
  AdwViewStack *stack = NULL;
  GtkWidget *header = NULL;
  GtkWidget *switcher;

  /* A new window opens on the welcome page, without views... */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Debrief");
  g_assert_null (debrief_window_get_document (window));
  g_assert_true (gtk_widget_get_mapped (debrief_test_find_descendant (GTK_WIDGET (window), DEBRIEF_TYPE_WELCOME_PAGE)));
  g_assert_false (adw_view_switcher_title_get_view_switcher_enabled (
                    ADW_VIEW_SWITCHER_TITLE (debrief_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE))));

  /* ...and New Incident gives it one, untitled. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  debrief_test_drain ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Untitled Incident — Debrief");
  g_assert_nonnull (debrief_window_get_document (window));
  g_assert_false (gtk_widget_get_mapped (debrief_test_find_descendant (GTK_WIDGET (window), DEBRIEF_TYPE_WELCOME_PAGE)));
  g_assert_true (adw_view_switcher_title_get_view_switcher_enabled (
                   ADW_VIEW_SWITCHER_TITLE (debrief_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE))));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_cmpstr (debrief_window_get_visible_view (window), ==, "overview");

  header = debrief_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  stack = ADW_VIEW_STACK (debrief_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));

  g_assert_nonnull (header);
  g_assert_nonnull (stack);
  g_assert_true (gtk_widget_get_mapped (header));
  switcher = debrief_test_find_descendant (adw_header_bar_get_title_widget (ADW_HEADER_BAR (header)),
                                           ADW_TYPE_VIEW_SWITCHER_TITLE);
  g_assert_nonnull (switcher);
  g_assert_true (adw_view_switcher_title_get_stack (ADW_VIEW_SWITCHER_TITLE (switcher)) == stack);

  /* Six views: the Overview edits the incident; each view whose feature
   * has not landed is an empty state that says what it is for. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (adw_view_stack_get_pages (stack))), ==,
                    G_N_ELEMENTS (view_names));
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (stack, view_names[i]);
      AdwViewStackPage *page;

      g_assert_nonnull (child);
      page = adw_view_stack_get_page (stack, child);
      g_assert_nonnull (adw_view_stack_page_get_title (page));
      g_assert_nonnull (adw_view_stack_page_get_icon_name (page));
      if (g_str_equal (view_names[i], "overview"))
        {
          g_assert_true (DEBRIEF_IS_OVERVIEW_PAGE (child));
          g_assert_true (debrief_overview_page_get_document (DEBRIEF_OVERVIEW_PAGE (child)) ==
                         debrief_window_get_document (window));
          continue;
        }
      if (g_str_equal (view_names[i], "evidence"))
        {
          g_assert_true (DEBRIEF_IS_EVIDENCE_PAGE (child));
          continue;
        }
      g_assert_true (ADW_IS_STATUS_PAGE (child));
      g_assert_cmpuint (strlen (adw_status_page_get_title (ADW_STATUS_PAGE (child))), >, 0);
      g_assert_cmpuint (strlen (adw_status_page_get_description (ADW_STATUS_PAGE (child))), >, 40);
    }
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_switch_views_by_action (void)
{
  DebriefWindow *window = get_main_window ();
  guint notifies = 0;
  gulong handler;

  /* Views bound to visible-view (the switcher, later the window title)
   * hear of every switch. */
  handler = g_signal_connect_swapped (window, "notify::visible-view",
                                      G_CALLBACK (count_notify), &notifies);

  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.view::%s", view_names[i]);
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), detailed);
      g_autofree char *expected_accel = g_strdup_printf ("<Alt>%u", i + 1);
      const char *reverse = view_names[G_N_ELEMENTS (view_names) - 1 - i];

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", view_names[i]));
      debrief_test_drain ();
      g_assert_cmpstr (debrief_window_get_visible_view (window), ==, view_names[i]);

      /* Each view has its Alt+number shortcut. */
      g_assert_nonnull (accels);
      g_assert_cmpstr (accels[0], ==, expected_accel);

      /* Going back and forth works from any view. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", reverse));
      debrief_test_drain ();
      g_assert_cmpstr (debrief_window_get_visible_view (window), ==, reverse);
    }

  g_signal_handler_disconnect (window, handler);
  /* Two switches a round, less the ones that landed on the view shown. */
  g_assert_cmpuint (notifies, >=, G_N_ELEMENTS (view_names));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "overview"));
}

static void
test_unlanded_actions_are_disabled (void)
{
  DebriefWindow *window = get_main_window ();
  static const char *unlanded[] = { "win.export" };

  /* Its menu item shows insensitive and its shortcut does nothing until
   * the summary export exists. */
  for (guint i = 0; i < G_N_ELEMENTS (unlanded); i++)
    g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), unlanded[i], NULL));

  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
}

static void
test_about_window (void)
{
  GtkWindow *about;

  get_main_window ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  debrief_test_wait_for (debrief_test_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW));

  about = debrief_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Debrief");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_true (gtk_window_get_transient_for (about) ==
                 gtk_application_get_active_window (GTK_APPLICATION (app)) ||
                 DEBRIEF_IS_WINDOW (gtk_window_get_transient_for (about)));

  debrief_test_close_and_wait (about);
}

static void
collect_shortcuts (GtkWidget *widget,
                   GPtrArray *accelerators)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      if (accelerator != NULL)
        g_ptr_array_add (accelerators, accelerator);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, accelerators);
}

static gboolean
accelerator_listed (GPtrArray  *listed,
                    const char *accel)
{
  guint key;
  GdkModifierType mods;

  g_assert_true (gtk_accelerator_parse (accel, &key, &mods));

  for (guint i = 0; i < listed->len; i++)
    {
      guint listed_key;
      GdkModifierType listed_mods;

      g_assert_true (gtk_accelerator_parse (g_ptr_array_index (listed, i), &listed_key, &listed_mods));
      if (listed_key == key && listed_mods == mods)
        return TRUE;
    }

  return FALSE;
}

static void
test_shortcuts_window_lists_every_shortcut (void)
{
  DebriefWindow *window = get_main_window ();
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) actions = NULL;
  GtkShortcutsWindow *overlay;
  guint checked = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  debrief_test_wait_for (debrief_test_widget_is_mapped, overlay);

  collect_shortcuts (GTK_WIDGET (overlay), listed);
  g_assert_cmpuint (listed->len, >, 0);

  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; actions[i]; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j]; j++)
        {
          if (!accelerator_listed (listed, accels[j]))
            g_error ("The shortcut %s of %s is not in the Keyboard Shortcuts window", accels[j], actions[i]);
          checked++;
        }
    }

  /* The quit, close, help, file and six view shortcuts at least. */
  g_assert_cmpuint (checked, >=, 13);
  /* F10 opens the primary menu (GtkMenuButton:primary). */
  g_assert_true (accelerator_listed (listed, "F10"));

  gtk_window_close (GTK_WINDOW (overlay));
  debrief_test_drain ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
}

static void
collect_section_shortcuts (GtkWidget *widget,
                           GPtrArray *accelerators)
{
  if (GTK_IS_SHORTCUTS_SECTION (widget))
    {
      collect_shortcuts (widget, accelerators);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_section_shortcuts (child, accelerators);
}

/* Issue 10 #11: Ctrl+F was listed twice, with two meanings. */
static void
test_shortcuts_window_lists_each_shortcut_once (void)
{
  DebriefWindow *window = get_main_window ();
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  GtkShortcutsWindow *overlay;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  debrief_test_wait_for (debrief_test_widget_is_mapped, overlay);
  /* The sections as written, not the copies the window makes for its
   * search. */
  collect_section_shortcuts (GTK_WIDGET (overlay), listed);
  g_assert_cmpuint (listed->len, >, 10);

  for (guint i = 0; i < listed->len; i++)
    {
      guint key;
      GdkModifierType mods;

      g_assert_true (gtk_accelerator_parse (g_ptr_array_index (listed, i), &key, &mods));
      for (guint j = i + 1; j < listed->len; j++)
        {
          guint other_key;
          GdkModifierType other_mods;

          g_assert_true (gtk_accelerator_parse (g_ptr_array_index (listed, j), &other_key, &other_mods));
          if (key == other_key && mods == other_mods)
            g_error ("%s is listed twice in the Keyboard Shortcuts window", (char *) g_ptr_array_index (listed, i));
        }
    }

  gtk_window_close (GTK_WINDOW (overlay));
  debrief_test_drain ();
}

static void
test_window_size_remembered (void)
{
  DebriefWindow *window = get_main_window ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);
  DebriefWindow *second;
  GtkWindow *weak;
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  debrief_test_drain ();

  weak = GTK_WINDOW (window);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_close (GTK_WINDOW (window));
  debrief_test_wait_for (debrief_test_pointer_is_null, &weak);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* A new window comes back at the remembered size. */
  second = get_main_window ();
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
}

typedef struct
{
  AdwViewSwitcherBar *bar;
  gboolean            revealed;
} RevealWait;

static gboolean
bar_reveal_is (gpointer data)
{
  RevealWait *wait = data;

  return adw_view_switcher_bar_get_reveal (wait->bar) == wait->revealed;
}

static void
test_narrow_window_moves_switcher_to_bottom (void)
{
  DebriefWindow *window = get_main_window ();
  AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (debrief_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR));
  RevealWait wait = { bar, FALSE };
  int width, height;

  g_assert_nonnull (bar);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);

  /* Wide: the switcher sits in the header bar. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  debrief_test_wait_for (bar_reveal_is, &wait);

  /* Phone-narrow: the header shows the title and the views move to a bar
   * at the bottom, still switching the same stack. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  wait.revealed = TRUE;
  debrief_test_wait_for (bar_reveal_is, &wait);
  g_assert_true (adw_view_switcher_bar_get_stack (bar) ==
                 ADW_VIEW_STACK (debrief_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  wait.revealed = FALSE;
  debrief_test_wait_for (bar_reveal_is, &wait);
}

static void
test_open_foreign_file_explains (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) file = debrief_test_write_text (dir, "notes.debrief", "Just some notes\n", -1);
  DebriefWindow *window = get_main_window ();
  AdwMessageDialog *dialog;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  debrief_test_wait_for (debrief_test_message_dialog_shown, NULL);

  dialog = ADW_MESSAGE_DIALOG (debrief_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open “notes.debrief”");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "The file is not a Debrief incident document.");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  /* The window does not claim to show the file it refused, and leaves no
   * lock file beside it. */
  g_assert_null (debrief_window_get_file (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Debrief");
  {
    g_autoptr(GFile) lock = debrief_lock_get_lock_file_for (file);

    g_assert_false (g_file_query_exists (lock, NULL));
  }

  debrief_test_close_and_wait (GTK_WINDOW (dialog));
  debrief_test_remove_tree (dir);
}

static GFile *
write_incident (const char *dir,
                const char *name,
                const char *title)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Ada Lovelace");

  debrief_incident_set_title (debrief_document_get_incident (document), title);
  debrief_test_save_document (document, file);
  debrief_document_close (document);

  return g_steal_pointer (&file);
}

static char *
read_title (GFile *file)
{
  g_autoptr(DebriefDocument) document = debrief_test_open_document (file, DEBRIEF_OPEN_FLAGS_READ_ONLY, NULL);
  char *title;

  title = g_strdup (debrief_incident_get_title (debrief_document_get_incident (document)));
  debrief_document_close (document);

  return title;
}

static gboolean
document_saved (gpointer data)
{
  DebriefDocument *document = debrief_window_get_document (data);

  return document != NULL && !debrief_document_get_modified (document);
}

static void
test_open_incident_file (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) file = write_incident (dir, "gateway-outage.debrief", "Gateway outage");
  g_autoptr(GFile) same = g_file_new_for_path (g_file_peek_path (file));
  g_autoptr(GFile) lock = debrief_lock_get_lock_file_for (file);
  DebriefWindow *window = get_main_window ();
  DebriefWindow *shown;
  guint n_windows;

  /* The window on the welcome page is used for it. */
  shown = debrief_test_open_in_window (app, file);
  g_assert_true (shown == window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Gateway outage — Debrief");
  g_assert_cmpstr (debrief_incident_get_title (debrief_document_get_incident (debrief_window_get_document (window))),
                   ==, "Gateway outage");
  g_assert_null (debrief_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* Others can see who has it open. */
  g_assert_true (g_file_query_exists (lock, NULL));

  /* Opening it again brings the same window forward. */
  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_application_open (G_APPLICATION (app), &same, 1, "");
  debrief_test_drain ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, n_windows);

  /* Closing it lets go of the lock. */
  debrief_test_close_window_as_user (window);
  g_assert_false (g_file_query_exists (lock, NULL));

  debrief_test_remove_tree (dir);
}

static void
test_edit_save_undo_reopen (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) file = write_incident (dir, "watchdog.debrief", "Watchdog storm");
  DebriefWindow *window = debrief_test_open_in_window (app, file);
  DebriefDocument *document = debrief_window_get_document (window);
  AdwEntryRow *title_row = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *after_undo = NULL;

  /* Typing into the Overview's title row changes the incident. */
  for (GtkWidget *w = debrief_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW); w; w = NULL)
    title_row = ADW_ENTRY_ROW (w);
  g_assert_nonnull (title_row);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Watchdog storm on gw-17");
  g_assert_cmpstr (debrief_incident_get_title (debrief_document_get_incident (document)), ==, "Watchdog storm on gw-17");
  g_assert_true (debrief_document_get_modified (document));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Watchdog storm on gw-17 — Debrief");

  /* Save by the window's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  debrief_test_wait_for (document_saved, window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Watchdog storm on gw-17 — Debrief");
  saved = read_title (file);
  g_assert_cmpstr (saved, ==, "Watchdog storm on gw-17");

  /* Undo reaches back across the save, and the field follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  debrief_test_drain ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Watchdog storm");
  g_assert_true (debrief_document_get_modified (document));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  debrief_test_drain ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Watchdog storm on gw-17");

  /* The file on disk is what was saved, until the next save. */
  after_undo = read_title (file);
  g_assert_cmpstr (after_undo, ==, "Watchdog storm on gw-17");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  debrief_test_wait_for (document_saved, window);
  debrief_test_close_window_as_user (window);
  debrief_test_remove_tree (dir);
}

static void
test_close_with_unsaved_changes_asks (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) file = write_incident (dir, "unsaved.debrief", "Before");
  DebriefWindow *window = debrief_test_open_in_window (app, file);
  DebriefDocument *document = debrief_window_get_document (window);
  g_autofree char *working = g_strdup (debrief_document_get_working_path (document));
  g_autofree char *on_disk = NULL;
  AdwMessageDialog *dialog;
  DebriefWindow *weak = window;

  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  debrief_incident_set_title (debrief_document_get_incident (document), "After");

  gtk_window_close (GTK_WINDOW (window));
  debrief_test_wait_for (debrief_test_message_dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (debrief_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "unsaved.debrief"));

  /* Cancel keeps the window and the changes. */
  debrief_test_respond (dialog, "cancel");
  g_assert_nonnull (weak);
  g_assert_true (g_file_test (working, G_FILE_TEST_EXISTS));

  /* Discard closes it, and the working copy goes with it. */
  gtk_window_close (GTK_WINDOW (window));
  debrief_test_wait_for (debrief_test_message_dialog_shown, NULL);
  debrief_test_respond (ADW_MESSAGE_DIALOG (debrief_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "discard");
  debrief_test_wait_for (debrief_test_pointer_is_null, &weak);
  g_assert_false (g_file_test (working, G_FILE_TEST_EXISTS));
  on_disk = read_title (file);
  g_assert_cmpstr (on_disk, ==, "Before");

  debrief_test_remove_tree (dir);
}

static void
test_second_opener_is_told_who_has_it (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) file = write_incident (dir, "shared.debrief", "Shared incident");
  g_autoptr(DebriefLock) theirs = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  DebriefWindow *window;
  AdwEntryRow *title_row;

  /* Somebody else, elsewhere, has it open. */
  theirs = debrief_lock_acquire (file, "Grace Hopper", NULL, &error);
  g_assert_no_error (error);

  get_main_window ();
  g_application_open (G_APPLICATION (app), &file, 1, "");
  debrief_test_wait_for (debrief_test_message_dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (debrief_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“shared.debrief” Is Already Open");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Grace Hopper"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), g_get_host_name ()));
  g_assert_true (adw_message_dialog_has_response (dialog, "read-only"));
  g_assert_true (adw_message_dialog_has_response (dialog, "copy"));

  debrief_test_respond (dialog, "read-only");
  window = debrief_test_open_in_window (app, file);
  g_assert_true (debrief_document_get_read_only (debrief_window_get_document (window)));

  /* Read-only shows, and nothing can be edited. */
  title_row = ADW_ENTRY_ROW (debrief_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (title_row)));
  g_assert_true (gtk_widget_get_visible (debrief_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_INFO_BAR)));
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (debrief_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE))),
                   ==, "shared.debrief — Read-Only");

  /* Their lock is theirs still. */
  g_assert_true (debrief_lock_is_held (theirs, NULL, NULL));

  debrief_test_close_window_as_user (window);
  g_assert_true (debrief_lock_is_held (theirs, NULL, NULL));
  debrief_test_remove_tree (dir);
}

static gboolean
info_bar_shown (gpointer data)
{
  GtkWidget *info_bar = debrief_test_find_descendant (data, GTK_TYPE_INFO_BAR);

  return info_bar != NULL && gtk_widget_get_visible (info_bar) && gtk_info_bar_get_revealed (GTK_INFO_BAR (info_bar));
}

static void
test_changed_on_disk_is_noticed (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) file = write_incident (dir, "busy.debrief", "Ours");
  DebriefWindow *window = debrief_test_open_in_window (app, file);
  g_autoptr(DebriefDocument) other = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (info_bar_shown (window));

  /* Another participant saves over it (here, through the core, as a
   * second Debrief would). */
  other = debrief_document_open (file, DEBRIEF_OPEN_FLAGS_NONE, "Grace Hopper", NULL, &error);
  g_assert_no_error (error);
  debrief_incident_set_title (debrief_document_get_incident (other), "Theirs");
  g_assert_true (debrief_document_save (other, NULL, NULL, &error));
  g_assert_no_error (error);
  debrief_document_close (other);

  debrief_test_wait_for (info_bar_shown, window);

  debrief_test_close_window_as_user (window);
  debrief_test_remove_tree (dir);
}

/* The header shows the incident's title as it is typed, and under it the
 * file it is kept in, or that it is not saved yet. */
static void
test_header_title_follows_typed_title (void)
{
  DebriefWindow *window = debrief_test_new_incident_window (app, 1100, 700);
  GtkWidget *title_row = debrief_test_find_row (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "Title");
  AdwWindowTitle *header = ADW_WINDOW_TITLE (debrief_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
  AdwViewSwitcherTitle *narrow = ADW_VIEW_SWITCHER_TITLE (debrief_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE));
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) file = write_incident (dir, "gw-17.debrief", "Gateway reboot loop");
  DebriefWindow *opened;

  g_assert_nonnull (title_row);
  g_assert_cmpstr (adw_window_title_get_title (header), ==, "Untitled Incident");
  g_assert_cmpstr (adw_window_title_get_subtitle (header), ==, "Not saved yet");

  gtk_editable_set_text (GTK_EDITABLE (title_row), "Checkout outage");
  debrief_test_drain ();
  g_assert_cmpstr (adw_window_title_get_title (header), ==, "• Checkout outage");
  g_assert_cmpstr (adw_view_switcher_title_get_title (narrow), ==, "• Checkout outage");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Checkout outage — Debrief");

  /* Asked to save it, the user reads which incident: by its title. */
  gtk_window_close (GTK_WINDOW (window));
  {
    AdwMessageDialog *dialog = debrief_test_wait_for_dialog ();

    g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                     "“Checkout outage” has changes that are not saved. If you discard them, they are lost.");
    debrief_test_respond (dialog, "cancel");
  }

  /* Undo takes the header back with the field. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  debrief_test_drain ();
  g_assert_true (g_str_has_suffix (adw_window_title_get_title (header), "Untitled Incident"));
  debrief_test_close_window (window);

  /* A saved incident: its title, and its file's name under it. */
  opened = debrief_test_open_in_window (app, file);
  header = ADW_WINDOW_TITLE (debrief_test_find_descendant (GTK_WIDGET (opened), ADW_TYPE_WINDOW_TITLE));
  g_assert_cmpstr (adw_window_title_get_title (header), ==, "Gateway reboot loop");
  g_assert_cmpstr (adw_window_title_get_subtitle (header), ==, "gw-17.debrief");
  title_row = debrief_test_find_row (GTK_WIDGET (opened), ADW_TYPE_ENTRY_ROW, "Title");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Gateway reboot loop on gw-17");
  debrief_test_drain ();
  g_assert_cmpstr (adw_window_title_get_title (header), ==, "• Gateway reboot loop on gw-17");
  debrief_test_close_window (opened);
  debrief_test_remove_tree (dir);
}

static void
test_quit_closes_every_window (void)
{
  g_autoptr(GPtrArray) weak = g_ptr_array_new ();
  DebriefWindow *extra;

  get_main_window ();
  extra = debrief_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (extra));
  debrief_test_wait_for (debrief_test_widget_is_mapped, extra);

  for (GList *iter = gtk_application_get_windows (GTK_APPLICATION (app)); iter; iter = iter->next)
    {
      gpointer *slot = g_new (gpointer, 1);

      *slot = iter->data;
      g_object_add_weak_pointer (G_OBJECT (iter->data), slot);
      g_ptr_array_add (weak, slot);
    }
  g_assert_cmpuint (weak->len, >=, 2);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);

  /* Every window is finalized, not merely hidden: nothing leaks. */
  for (guint i = 0; i < weak->len; i++)
    {
      debrief_test_wait_for (debrief_test_pointer_is_null, g_ptr_array_index (weak, i));
      g_free (g_ptr_array_index (weak, i));
    }
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}


int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = debrief_test_ui_init (&argc, &argv);

  app = debrief_application_new ();

  g_test_add_func ("/debrief/window/shows-switcher-and-empty-states", test_window_shows_switcher_and_empty_states);
  g_test_add_func ("/debrief/window/switch-views-by-action", test_switch_views_by_action);
  g_test_add_func ("/debrief/window/narrow-window-moves-switcher-to-bottom", test_narrow_window_moves_switcher_to_bottom);
  g_test_add_func ("/debrief/window/unlanded-actions-are-disabled", test_unlanded_actions_are_disabled);
  g_test_add_func ("/debrief/window/about", test_about_window);
  g_test_add_func ("/debrief/window/shortcuts-window-lists-every-shortcut", test_shortcuts_window_lists_every_shortcut);
  g_test_add_func ("/debrief/window/shortcuts-window-lists-each-shortcut-once", test_shortcuts_window_lists_each_shortcut_once);
  g_test_add_func ("/debrief/window/size-remembered", test_window_size_remembered);
  g_test_add_func ("/debrief/window/open-foreign-file-explains", test_open_foreign_file_explains);
  g_test_add_func ("/debrief/window/open-incident-file", test_open_incident_file);
  g_test_add_func ("/debrief/window/edit-save-undo-reopen", test_edit_save_undo_reopen);
  g_test_add_func ("/debrief/window/close-with-unsaved-changes-asks", test_close_with_unsaved_changes_asks);
  g_test_add_func ("/debrief/window/second-opener-is-told-who-has-it", test_second_opener_is_told_who_has_it);
  g_test_add_func ("/debrief/window/changed-on-disk-is-noticed", test_changed_on_disk_is_noticed);
  g_test_add_func ("/debrief/window/header-title-follows-typed-title", test_header_title_follows_typed_title);
  g_test_add_func ("/debrief/window/quit-closes-every-window", test_quit_closes_every_window);

  /* Startup happens in g_application_run(), before the tests run. */
  return debrief_test_run_application (G_APPLICATION (app), data_home);
}
