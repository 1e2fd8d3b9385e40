/* test-preferences.c
 *
 * The Preferences window and the welcome page, in real windows under Xvfb:
 * each preference reaches its GSettings key and takes effect, and the
 * welcome page lists recent incidents and opens them through win. actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "debrief-document.h"
#include "debrief-evidence.h"
#include "debrief-lock.h"
#include "debrief-application.h"
#include "debrief-test-ui.h"
#include "debrief-test-util.h"
#include "debrief-preferences-window.h"
#include "debrief-welcome-page.h"
#include "debrief-window.h"

static DebriefApplication *app;

/* The visible GtkLabel or GtkButton under @widget showing @text. */
static GtkWidget *
find_text (GtkWidget  *widget,
           GType       type,
           const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_visible (widget))
    {
      const char *shown = GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget))
                                                : gtk_button_get_label (GTK_BUTTON (widget));

      if (g_strcmp0 (shown, text) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child, type, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What the account's name is, worked out apart from the code under test. */
static char *
expected_account_name (void)
{
  const char *real_name = g_get_real_name ();

  if (real_name != NULL && *real_name != '\0' && !g_str_equal (real_name, "Unknown"))
    return g_strdup (real_name);

  return g_strdup (g_get_user_name ());
}

static void
type_text (GtkEditable *editable,
           const char  *text)
{
  int position;

  gtk_editable_delete_text (editable, 0, -1);
  position = 0;
  gtk_editable_insert_text (editable, text, -1, &position);
}

static DebriefPreferencesWindow *
open_preferences (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  GtkWindow *window;

  /* Ctrl+comma, as in every GNOME application. */
  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Control>comma");

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  debrief_test_wait_for (debrief_test_toplevel_shown, GSIZE_TO_POINTER (DEBRIEF_TYPE_PREFERENCES_WINDOW));
  window = debrief_test_find_toplevel (DEBRIEF_TYPE_PREFERENCES_WINDOW);
  g_assert_true (gtk_window_get_modal (window));

  return DEBRIEF_PREFERENCES_WINDOW (window);
}

static void
test_user_name (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);
  g_autofree char *account = expected_account_name ();
  g_autofree char *hint = NULL;
  DebriefPreferencesWindow *preferences;
  GtkEditable *row;
  char *name;

  g_settings_reset (settings, "user-name");
  preferences = open_preferences ();
  row = GTK_EDITABLE (debrief_test_find_descendant (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Your name");
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "");

  /* The row says which name an empty one stands for. */
  hint = g_strdup_printf ("Used to mark your changes and to tell others you have a file open. "
                          "Empty uses your account name (%s).", account);
  g_assert_nonnull (find_text (GTK_WIDGET (preferences), GTK_TYPE_LABEL, hint));

  name = debrief_application_dup_user_name (app);
  g_assert_cmpstr (name, ==, account);
  g_free (name);

  type_text (row, "Grace Hopper");
  name = g_settings_get_string (settings, "user-name");
  g_assert_cmpstr (name, ==, "Grace Hopper");
  g_free (name);
  name = debrief_application_dup_user_name (app);
  g_assert_cmpstr (name, ==, "Grace Hopper");
  g_free (name);

  /* Spaces around a name are not part of it. */
  type_text (row, "  Ada Lovelace ");
  name = debrief_application_dup_user_name (app);
  g_assert_cmpstr (name, ==, "Ada Lovelace");
  g_free (name);

  /* Emptied, or only spaces: the account's name again. */
  type_text (row, "   ");
  name = debrief_application_dup_user_name (app);
  g_assert_cmpstr (name, ==, account);
  g_free (name);
  type_text (row, "");
  name = g_settings_get_string (settings, "user-name");
  g_assert_cmpstr (name, ==, "");
  g_free (name);
  name = debrief_application_dup_user_name (app);
  g_assert_cmpstr (name, ==, account);
  g_free (name);

  /* A change made elsewhere shows in the open window. */
  g_settings_set_string (settings, "user-name", "Margaret Hamilton");
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "Margaret Hamilton");

  g_settings_reset (settings, "user-name");
  debrief_test_close_and_wait (GTK_WINDOW (preferences));
}

typedef struct
{
  GFile      *file;
  const char *user;
} LockWait;

static gboolean
lock_shows_user (gpointer data)
{
  LockWait *wait = data;
  g_autoptr(DebriefLockInfo) holder = debrief_lock_read (wait->file, NULL, NULL);

  return holder != NULL && g_strcmp0 (debrief_lock_info_get_user (holder), wait->user) == 0;
}

static gboolean
document_saved (gpointer data)
{
  DebriefDocument *document = debrief_window_get_document (data);

  return document != NULL && !debrief_document_get_modified (document);
}

/* A name set in Preferences counts at once, in the same session: the next
 * save records it, the lock others read shows it, evidence added from then
 * on is added by it. */
static void
test_name_change_applies_at_once (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "named.debrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) log = debrief_test_write_text (dir, "gw.log", "2026-03-14T02:11:07Z gw-17 boot\n", -1);
  g_autoptr(DebriefDocument) creator = debrief_test_new_document ("Ada Lovelace");
  g_autoptr(DebriefEvidence) evidence = NULL;
  DebriefPreferencesWindow *preferences;
  DebriefDocument *document;
  DebriefWindow *window;
  LockWait wait = { file, "root" };
  sqlite3 *db;
  g_autofree char *saved_by = NULL;

  debrief_test_save_document (creator, file);
  debrief_document_close (creator);

  g_settings_set_string (settings, "user-name", "root");
  g_application_activate (G_APPLICATION (app));
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = DEBRIEF_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  debrief_test_wait_for_file (window, file);
  document = debrief_window_get_document (window);
  debrief_test_wait_for (lock_shows_user, &wait);

  preferences = open_preferences ();
  type_text (GTK_EDITABLE (debrief_test_find_descendant (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW)),
             "Grace Hopper");
  debrief_test_close_and_wait (GTK_WINDOW (preferences));

  /* Others see the new name... */
  wait.user = "Grace Hopper";
  debrief_test_wait_for (lock_shows_user, &wait);

  /* ...the next save is hers... */
  debrief_incident_set_title (debrief_document_get_incident (document), "Renamed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  debrief_test_wait_for (document_saved, window);
  db = debrief_test_open_checked (path);
  saved_by = debrief_test_query_text (db, "SELECT saved_by FROM revision ORDER BY saved_at DESC, rowid DESC LIMIT 1");
  sqlite3_close (db);
  g_assert_cmpstr (saved_by, ==, "Grace Hopper");

  /* ...and so is the evidence added now. */
  evidence = debrief_test_import_evidence (document, log, NULL, NULL);
  g_assert_cmpstr (debrief_evidence_get_added_by (evidence), ==, "Grace Hopper");

  g_settings_reset (settings, "user-name");
  debrief_test_close_window (window);
  debrief_test_remove_tree (dir);
}

static gboolean
bar_shown (gpointer data)
{
  GtkWidget *bar = data;

  return gtk_widget_get_visible (bar) && gtk_info_bar_get_revealed (GTK_INFO_BAR (bar));
}

static gboolean
bar_hidden (gpointer data)
{
  return !bar_shown (data);
}

/* The bar under @widget that asks a question: the user's name. */
static GtkWidget *
find_name_bar (gpointer widget)
{
  if (GTK_IS_INFO_BAR (widget) && gtk_info_bar_get_message_type (widget) == GTK_MESSAGE_QUESTION)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_name_bar (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* On first start the user is asked, once, which name others should see,
 * their account's filled in; nothing waits for the answer. */
static void
test_name_asked_once_on_first_start (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);
  g_autofree char *account = expected_account_name ();
  g_autofree char *chosen = NULL;
  DebriefWindow *window;
  DebriefWindow *second;
  GtkWidget *bar;
  GtkWidget *entry;

  g_settings_reset (settings, "user-name");
  g_settings_set_boolean (settings, "user-name-asked", FALSE);

  window = debrief_test_new_incident_window (app, -1, -1);
  bar = find_name_bar (window);
  g_assert_nonnull (bar);
  debrief_test_wait_for (bar_shown, bar);
  entry = debrief_test_find_descendant (bar, GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, account);
  g_assert_null (debrief_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  gtk_editable_set_text (GTK_EDITABLE (entry), "  Ada Lovelace ");
  g_signal_emit_by_name (entry, "activate");
  debrief_test_wait_for (bar_hidden, bar);
  chosen = g_settings_get_string (settings, "user-name");
  g_assert_cmpstr (chosen, ==, "Ada Lovelace");
  g_assert_true (g_settings_get_boolean (settings, "user-name-asked"));
  g_assert_cmpstr (debrief_document_get_user_name (debrief_window_get_document (window)), ==, "Ada Lovelace");

  /* Asked once: not again. */
  second = debrief_test_new_incident_window (app, -1, -1);
  debrief_test_drain ();
  g_assert_false (bar_shown (find_name_bar (second)));
  debrief_test_close_window (second);
  debrief_test_close_window (window);

  /* Closed unanswered, the account's name stays, and it is not asked
   * again either. */
  g_settings_reset (settings, "user-name");
  g_settings_set_boolean (settings, "user-name-asked", FALSE);
  window = debrief_test_new_incident_window (app, -1, -1);
  bar = find_name_bar (window);
  debrief_test_wait_for (bar_shown, bar);
  gtk_info_bar_response (GTK_INFO_BAR (bar), GTK_RESPONSE_CLOSE);
  debrief_test_wait_for (bar_hidden, bar);
  g_assert_true (g_settings_get_boolean (settings, "user-name-asked"));
  g_free (chosen);
  chosen = g_settings_get_string (settings, "user-name");
  g_assert_cmpstr (chosen, ==, "");
  g_assert_cmpstr (debrief_document_get_user_name (debrief_window_get_document (window)), ==, account);
  debrief_test_close_window (window);
}

static guint
find_role_position (GListModel *model,
                    const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name))
      return i;

  g_error ("No role named %s", name);
  return GTK_INVALID_LIST_POSITION;
}

static void
test_default_role (void)
{
  static const struct {
    const char *name;
    const char *id;
  } roles[] = {
    { "Facilitator", "facilitator" },
    { "Scribe", "scribe" },
    { "Incident commander", "incident-commander" },
    { "Subject-matter expert", "sme" },
    { "Engineer closest to the change", "closest-to-change" },
    { "Executive observer", "executive" },
    { "Participant", "participant" },
  };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);
  DebriefPreferencesWindow *preferences;
  AdwComboRow *row;
  GListModel *model;
  const char *subtitle;

  g_settings_reset (settings, "default-role");
  preferences = open_preferences ();
  row = ADW_COMBO_ROW (debrief_test_find_descendant (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Default role");
  model = adw_combo_row_get_model (row);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (roles));

  /* Participant unless the user says otherwise. */
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, find_role_position (model, "Participant"));

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *stored = NULL;

      adw_combo_row_set_selected (row, find_role_position (model, roles[i].name));
      stored = g_settings_get_string (settings, "default-role");
      g_assert_cmpstr (stored, ==, roles[i].id);

      /* The row says what the chosen role does. */
      subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      g_assert_nonnull (subtitle);
      g_assert_cmpuint (strlen (subtitle), >, 20);
    }

  /* And the other way: the stored id selects the role. */
  g_settings_set_string (settings, "default-role", "incident-commander");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, find_role_position (model, "Incident commander"));

  g_settings_reset (settings, "default-role");
  debrief_test_close_and_wait (GTK_WINDOW (preferences));
}

static void
test_keep_drafts_switch (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);
  DebriefPreferencesWindow *preferences;
  GtkSwitch *toggle;
  AdwActionRow *row;

  g_settings_reset (settings, "keep-drafts");
  preferences = open_preferences ();

  toggle = GTK_SWITCH (debrief_test_find_descendant (GTK_WIDGET (preferences), GTK_TYPE_SWITCH));
  g_assert_nonnull (toggle);
  row = ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (toggle), ADW_TYPE_ACTION_ROW));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Keep unsaved work after a crash");
  g_assert_true (adw_action_row_get_activatable_widget (row) == GTK_WIDGET (toggle));

  /* On by default. */
  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_true (g_settings_get_boolean (settings, "keep-drafts"));

  /* Activating the row (a click or Enter on it) flips the switch and the key. */
  adw_action_row_activate (row);
  debrief_test_drain ();
  g_assert_false (gtk_switch_get_active (toggle));
  g_assert_false (g_settings_get_boolean (settings, "keep-drafts"));

  adw_action_row_activate (row);
  debrief_test_drain ();
  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_true (g_settings_get_boolean (settings, "keep-drafts"));

  g_settings_reset (settings, "keep-drafts");
  debrief_test_close_and_wait (GTK_WINDOW (preferences));
}

/* --- Drafts ---------------------------------------------------------- */

#define LEFT_BEHIND_TITLE "Left behind by a crash"

static gboolean
left_behind_draft_exists (void)
{
  g_autoptr(GPtrArray) drafts = debrief_document_list_drafts ();

  for (guint i = 0; i < drafts->len; i++)
    if (g_strcmp0 (debrief_draft_get_title (g_ptr_array_index (drafts, i)), LEFT_BEHIND_TITLE) == 0)
      return TRUE;

  return FALSE;
}

/* Runs once the application has started and presented its first window,
 * which is when drafts are offered. */
static gboolean
check_drafts_at_start (gpointer user_data)
{
  const char *mode = user_data;
  GtkWindow *dialog;

  debrief_test_wait_for (debrief_test_toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_APPLICATION_WINDOW));
  debrief_test_drain ();
  dialog = debrief_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  if (g_str_equal (mode, "offer"))
    {
      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Restore Unsaved Work?");
      g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), LEFT_BEHIND_TITLE));
      /* When, by the one rule for times, its zone named (TZ is UTC here). */
      g_assert_true (g_regex_match_simple ("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} UTC$",
                                           adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), 0, 0));
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "later");
      debrief_test_drain ();
      g_assert_true (left_behind_draft_exists ());
    }
  else
    {
      g_assert_null (dialog);
      g_assert_false (left_behind_draft_exists ());
    }

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);

  return G_SOURCE_REMOVE;
}

static void
test_drafts_discarded_when_not_kept (void)
{
  if (g_test_subprocess ())
    {
      const char *mode = g_getenv ("DEBRIEF_TEST_DRAFTS");
      g_autoptr(GSettings) settings = NULL;

      if (g_str_equal (mode, "leave"))
        {
          g_autoptr(GError) error = NULL;
          DebriefDocument *document = debrief_document_new ("Ada Lovelace", &error);

          g_assert_no_error (error);
          debrief_incident_set_title (debrief_document_get_incident (document), LEFT_BEHIND_TITLE);

          /* Die without saving or closing, as a crash would. */
          _exit (0);
        }

      /* A start of Debrief, with the preference set as @mode says. */
      settings = g_settings_new (APP_ID_BASE);
      g_settings_set_boolean (settings, "keep-drafts", g_str_equal (mode, "offer"));
      g_idle_add (check_drafts_at_start, (gpointer) mode);
      g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
      return;
    }

  g_setenv ("DEBRIEF_TEST_DRAFTS", "leave", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_true (left_behind_draft_exists ());

  /* Kept (the default): offered at the next start, and still there after
   * "Not Now". */
  g_setenv ("DEBRIEF_TEST_DRAFTS", "offer", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_true (left_behind_draft_exists ());

  /* Not kept: the next start removes it without asking. */
  g_setenv ("DEBRIEF_TEST_DRAFTS", "discard", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_false (left_behind_draft_exists ());

  g_unsetenv ("DEBRIEF_TEST_DRAFTS");
}

/* --- Welcome page ---------------------------------------------------- */

static void
record_activation (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GPtrArray *log = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (parameter != NULL)
    g_ptr_array_add (log, g_strdup_printf ("%s %s", name, g_variant_get_string (parameter, NULL)));
  else
    g_ptr_array_add (log, g_strdup (name));
}

static GtkWindow *
new_welcome_window (GPtrArray           *log,
                    DebriefWelcomePage **page)
{
  const GActionEntry entries[] = {
    { .name = "new", .activate = record_activation },
    { .name = "open", .activate = record_activation },
    { .name = "open-recent", .activate = record_activation, .parameter_type = "s" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), log);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (group));

  *page = DEBRIEF_WELCOME_PAGE (debrief_welcome_page_new ());
  gtk_window_set_child (window, GTK_WIDGET (*page));
  gtk_window_set_default_size (window, 800, 900);
  gtk_window_present (window);
  debrief_test_wait_for (debrief_test_widget_is_mapped, window);

  return window;
}

typedef struct
{
  DebriefWelcomePage *page;
  guint               n_recent;
  const char         *first_title;
} RecentShown;

static gboolean
recent_shown (gpointer data)
{
  RecentShown *shown = data;
  GtkListBoxRow *first;

  if (debrief_welcome_page_get_n_recent (shown->page) != shown->n_recent)
    return FALSE;

  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (debrief_test_find_descendant (GTK_WIDGET (shown->page), GTK_TYPE_LIST_BOX)), 0);

  return first != NULL &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), shown->first_title) == 0;
}

static gboolean
flag_changed (gpointer data)
{
  return *(gboolean *) data;
}

static void
set_flag (gboolean *flag)
{
  *flag = TRUE;
}

typedef struct
{
  GPtrArray *log;
  guint      len;
} LogLength;

static gboolean
log_has_length (gpointer data)
{
  LogLength *expected = data;

  return expected->log->len >= expected->len;
}

/* Waits for @n activations: a button activated from the keyboard clicks
 * after its pressed-down animation. */
static void
wait_for_activations (GPtrArray *log,
                      guint      n)
{
  LogLength expected = { log, n };

  debrief_test_wait_for (log_has_length, &expected);
  debrief_test_drain ();
  g_assert_cmpuint (log->len, ==, n);
}

static void
add_recent (GtkRecentManager *manager,
            GFile            *file,
            const char       *mime_type)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) mime_type,
    .app_name = (char *) "Debrief",
    .app_exec = (char *) "debrief %u",
  };
  gboolean changed = FALSE;
  gulong handler;

  /* The manager tells of each addition from an idle. */
  handler = g_signal_connect_swapped (manager, "changed", G_CALLBACK (set_flag), &changed);
  g_assert_true (gtk_recent_manager_add_full (manager, uri, &data));
  debrief_test_wait_for (flag_changed, &changed);
  g_signal_handler_disconnect (manager, handler);
}

static void
test_welcome_page (void)
{
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) notes = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *year = g_date_time_format (now, " %Y, ");
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  DebriefWelcomePage *page = NULL;
  RecentShown shown;
  GtkWindow *window;
  GtkWidget *status;
  GtkWidget *new_button;
  GtkWidget *open_button;
  GtkListBox *list;
  GtkListBoxRow *row;
  g_autofree char *newest_uri = NULL;

  window = new_welcome_window (log, &page);

  /* The app's icon, name and purpose. */
  status = debrief_test_find_descendant (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (status)), ==, APP_ID);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "Debrief");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), ==,
                   "Prepare, run and follow up a blameless post-mortem.");

  /* Nothing opened yet: a short line says so, and no empty list shows. */
  g_assert_cmpuint (debrief_welcome_page_get_n_recent (page), ==, 0);
  list = GTK_LIST_BOX (debrief_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_BOX));
  g_assert_nonnull (list);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_nonnull (find_text (GTK_WIDGET (page), GTK_TYPE_LABEL, "No recent incidents"));
  g_assert_true (gtk_widget_get_mapped (find_text (GTK_WIDGET (page), GTK_TYPE_LABEL, "No recent incidents")));

  /* The two buttons activate the window's actions. */
  new_button = find_text (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_New Incident");
  open_button = find_text (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Open…");
  g_assert_nonnull (new_button);
  g_assert_nonnull (open_button);
  g_assert_true (gtk_widget_has_css_class (new_button, "suggested-action"));
  g_assert_true (gtk_widget_activate (new_button));
  wait_for_activations (log, 1);
  g_assert_true (gtk_widget_activate (open_button));
  wait_for_activations (log, 2);
  g_assert_cmpstr (g_ptr_array_index (log, 0), ==, "new");
  g_assert_cmpstr (g_ptr_array_index (log, 1), ==, "open");

  /* Twelve incidents and a text file opened, one after another. */
  for (guint i = 1; i <= 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("incident-%02u.debrief", i);

      g_ptr_array_add (files, debrief_test_write_text (dir, name, "x", -1));
      add_recent (manager, g_ptr_array_index (files, files->len - 1), "application/x-debrief");
      g_usleep (2000);
    }
  notes = debrief_test_write_text (dir, "notes.txt", "x", -1);
  add_recent (manager, notes, "text/plain");

  /* The ten newest incidents, newest first; not the text file. */
  shown.page = page;
  shown.n_recent = 10;
  shown.first_title = "incident-12.debrief";
  debrief_test_wait_for (recent_shown, &shown);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_nonnull (find_text (GTK_WIDGET (page), GTK_TYPE_LABEL, "Recent Incidents"));
  g_assert_null (find_text (GTK_WIDGET (page), GTK_TYPE_LABEL, "No recent incidents"));

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *expected = g_strdup_printf ("incident-%02u.debrief", 12 - i);
      const char *subtitle;

      row = gtk_list_box_get_row_at_index (list, i);
      g_assert_true (ADW_IS_ACTION_ROW (row));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, expected);

      /* "Modified 14 March 2026, 02:11" */
      subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      g_assert_true (g_str_has_prefix (subtitle, "Modified "));
      g_assert_nonnull (strstr (subtitle, year));
      g_assert_true (g_regex_match_simple ("^Modified [0-9]{1,2} [A-Z][a-z]+ [0-9]{4}, [0-9]{2}:[0-9]{2}$",
                                           subtitle, 0, 0));

      /* The folder it is in. */
      g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), ==, dir);

      /* Tab reaches it, Enter activates it. */
      g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (row)));
      g_assert_true (gtk_list_box_row_get_activatable (row));
    }
  g_assert_null (gtk_list_box_get_row_at_index (list, 10));

  /* Activating a row opens that incident through win.open-recent. */
  newest_uri = g_file_get_uri (g_ptr_array_index (files, 11));
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  wait_for_activations (log, 3);
  {
    g_autofree char *expected = g_strdup_printf ("open-recent %s", newest_uri);

    g_assert_cmpstr (g_ptr_array_index (log, 2), ==, expected);
  }

  /* From the keyboard: Tab goes from the buttons to the rows, and Enter
   * on a row opens it. */
  {
    gboolean reached_new = FALSE, reached_open = FALSE, reached_row = FALSE;
    g_autofree char *second_uri = g_file_get_uri (g_ptr_array_index (files, 10));
    g_autofree char *expected = g_strdup_printf ("open-recent %s", second_uri);

    gtk_widget_grab_focus (new_button);
    for (guint i = 0; i < 20 && !reached_row; i++)
      {
        GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

        reached_new |= focus == new_button;
        reached_open |= focus == open_button;
        reached_row |= focus == GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
        if (!reached_row)
          gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      }
    g_assert_true (reached_new);
    g_assert_true (reached_open);
    g_assert_true (reached_row);

    /* Down, as its key binding does. */
    g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
    g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)));
    g_signal_emit_by_name (list, "activate-cursor-row");
    wait_for_activations (log, 4);
    g_assert_cmpstr (g_ptr_array_index (log, 3), ==, expected);
  }

  debrief_test_close_and_wait (window);

  g_assert_true (gtk_recent_manager_purge_items (manager, NULL) >= 0);
  debrief_test_remove_tree (dir);
}


int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;

  /* Working copies, drafts and the recent files list go to a private
   * folder, not the user's; a subprocess shares its parent's. */
  data_home = debrief_test_use_private_data_home ();

  gtk_test_init (&argc, &argv, NULL);

  app = debrief_application_new ();

  g_test_add_func ("/debrief/preferences/user-name", test_user_name);
  g_test_add_func ("/debrief/preferences/name-change-applies-at-once", test_name_change_applies_at_once);
  g_test_add_func ("/debrief/preferences/name-asked-once-on-first-start", test_name_asked_once_on_first_start);
  g_test_add_func ("/debrief/preferences/default-role", test_default_role);
  g_test_add_func ("/debrief/preferences/keep-drafts-switch", test_keep_drafts_switch);
  g_test_add_func ("/debrief/preferences/drafts-discarded-when-not-kept", test_drafts_discarded_when_not_kept);
  g_test_add_func ("/debrief/welcome/recent-incidents", test_welcome_page);

  /* A subprocess is a start of Debrief of its own, beside the parent,
   * which holds the application's bus name. */
  if (g_test_subprocess ())
    {
      g_application_set_flags (G_APPLICATION (app),
                               g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
      return g_test_run ();
    }

  /* Startup happens in g_application_run(), before the tests run; the
   * window the application opened at its start goes when they are done,
   * and with it the application. */
  return debrief_test_run_application (G_APPLICATION (app), data_home);
}
