/* test-overview.c
 *
 * The Overview in a real window under Xvfb: each field edits the incident
 * and follows it back, participants are added, edited and removed (with
 * Undo), scope items too, wrong values get an inline message, the
 * invitation is made and recorded, and the whole front page can be filled
 * in with the keyboard alone (keys sent to the X server with debrief_test_xdotool).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <gdk/x11/gdkx.h>

#include "debrief-document.h"
#include "debrief-participant.h"
#include "debrief-roles.h"
#include "debrief-scope-item.h"
#include "debrief-application.h"
#include "debrief-test-evidence.h"
#include "debrief-test-ui.h"
#include "debrief-test-util.h"
#include "debrief-date-time-row.h"
#include "debrief-overview-page.h"
#include "debrief-window.h"

static DebriefApplication *app;

static void
test_fields_edit_the_incident_and_follow_it (void)
{
  DebriefWindow *window = debrief_test_new_incident_window (app, -1, -1);
  DebriefDocument *document = debrief_window_get_document (window);
  DebriefIncident *incident = debrief_document_get_incident (document);
  static const struct { const char *row; const char *property; } fields[] = {
    { "Title", "title" },
    { "Incident ID", "reference" },
    { "Severity", "severity" },
    { "Facilitator", "facilitator" },
  };
  AdwComboRow *status;
  g_autoptr(GDateTime) meeting = NULL;
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  DebriefDateTimeRow *review;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = debrief_test_find_row (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, fields[i].row);
      g_autofree char *value = NULL;
      g_autofree char *typed = g_strdup_printf ("%s typed ⚡", fields[i].row);
      g_autofree char *set = g_strdup_printf ("%s set by the model", fields[i].row);

      g_assert_nonnull (row);

      /* The row edits the incident... */
      gtk_editable_set_text (GTK_EDITABLE (row), typed);
      g_object_get (incident, fields[i].property, &value, NULL);
      g_assert_cmpstr (value, ==, typed);

      /* ...and follows it, as after an undo. */
      g_object_set (incident, fields[i].property, set, NULL);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, set);
    }

  status = ADW_COMBO_ROW (debrief_test_find_row (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW, "Status"));
  adw_combo_row_set_selected (status, 2);
  g_assert_cmpint (debrief_incident_get_status (incident), ==, DEBRIEF_INCIDENT_STATUS_REVIEWED);
  debrief_incident_set_status (incident, DEBRIEF_INCIDENT_STATUS_CLOSED);
  g_assert_cmpuint (adw_combo_row_get_selected (status), ==, 3);

  /* Severity presets fill the field. */
  g_assert_true (gtk_widget_activate_action (debrief_test_find_descendant (GTK_WIDGET (window), DEBRIEF_TYPE_OVERVIEW_PAGE),
                                             "overview.severity", "s", "SEV1"));
  g_assert_cmpstr (debrief_incident_get_severity (incident), ==, "SEV1");

  /* Dates are shown in the incident's time zone. */
  debrief_incident_set_scope_time_zone (incident, "Europe/Berlin");
  meeting = g_date_time_new (berlin, 2026, 3, 16, 14, 0, 0);
  review = DEBRIEF_DATE_TIME_ROW (debrief_test_find_row (GTK_WIDGET (window), DEBRIEF_TYPE_DATE_TIME_ROW, "Review meeting"));
  debrief_incident_set_review_at (incident, meeting);
  g_assert_true (g_date_time_equal (debrief_date_time_row_get_datetime (review), meeting));
  g_assert_cmpstr (debrief_date_time_row_get_time_zone (review), ==, "Europe/Berlin");
  debrief_date_time_row_set_datetime (review, NULL);
  g_assert_null (debrief_incident_get_review_at (incident));

  /* A new incident starts with blameless ground rules. */
  g_assert_nonnull (strstr (debrief_incident_get_ground_rules (incident), "•"));

  debrief_test_close_window (window);
}

static GtkWidget *
scope_message (DebriefWindow *window)
{
  GtkWidget *page = debrief_test_find_descendant (GTK_WIDGET (window), DEBRIEF_TYPE_OVERVIEW_PAGE);

  /* The one label styled as an error on the page itself, not in the
   * popover of a date and time row. */
  for (GtkWidget *w = gtk_widget_get_first_child (page); w; )
    {
      if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "error"))
        return w;
      if (gtk_widget_get_first_child (w) && !GTK_IS_POPOVER (w))
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w && !gtk_widget_get_next_sibling (w) && w != page)
            w = gtk_widget_get_parent (w);
          if (w == NULL || w == page)
            break;
          w = gtk_widget_get_next_sibling (w);
        }
    }

  return NULL;
}

static void
test_wrong_values_get_an_inline_message (void)
{
  DebriefWindow *window = debrief_test_new_incident_window (app, -1, -1);
  DebriefIncident *incident = debrief_document_get_incident (debrief_window_get_document (window));
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 3, 14, 2, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new_utc (2026, 3, 14, 1, 0, 0);
  GtkWidget *message = scope_message (window);
  GtkWidget *zone_row = debrief_test_find_row (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "Time zone (empty for this computer’s)");

  g_assert_nonnull (message);
  g_assert_false (gtk_widget_get_visible (message));

  /* An end before the start: said, and the values kept as entered. */
  debrief_incident_set_scope_start (incident, start);
  debrief_incident_set_scope_end (incident, end);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "before"));
  g_assert_true (g_date_time_equal (debrief_incident_get_scope_end (incident), end));

  /* An unknown time zone: said too, next to the row, which is marked. */
  gtk_editable_set_text (GTK_EDITABLE (zone_row), "Mars/Olympus");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "Mars/Olympus"));
  g_assert_true (gtk_widget_has_css_class (zone_row, "error"));
  g_assert_cmpstr (debrief_incident_get_scope_time_zone (incident), ==, "Mars/Olympus");

  /* Put right, the message goes. */
  gtk_editable_set_text (GTK_EDITABLE (zone_row), "UTC");
  debrief_incident_set_scope_end (incident, NULL);
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_false (gtk_widget_has_css_class (zone_row, "error"));

  debrief_test_close_window (window);
}

static void
fill_participant_dialog (AdwMessageDialog *dialog,
                         const char       *name,
                         guint             role,
                         const char       *custom_role,
                         const char       *team)
{
  GtkWidget *list = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *name_row = debrief_test_find_row (list, ADW_TYPE_ENTRY_ROW, "Name");
  GtkWidget *role_row = debrief_test_find_row (list, ADW_TYPE_COMBO_ROW, "Role");
  GtkWidget *custom_row = debrief_test_find_row (list, ADW_TYPE_ENTRY_ROW, "Role name");
  GtkWidget *team_row = debrief_test_find_row (list, ADW_TYPE_ENTRY_ROW, "Team");

  g_assert_nonnull (name_row);
  g_assert_nonnull (role_row);
  g_assert_nonnull (team_row);

  /* No participant without a name. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));

  gtk_editable_set_text (GTK_EDITABLE (name_row), name);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (role_row), role);
  g_assert_cmpint (gtk_widget_get_visible (custom_row), ==, custom_role != NULL);
  if (custom_role != NULL)
    gtk_editable_set_text (GTK_EDITABLE (custom_row), custom_role);
  gtk_editable_set_text (GTK_EDITABLE (team_row), team);
}

static void
test_participants_and_roles (void)
{
  DebriefWindow *window = debrief_test_new_incident_window (app, -1, -1);
  DebriefDocument *document = debrief_window_get_document (window);
  GListModel *participants = debrief_document_get_records (document, DEBRIEF_TYPE_PARTICIPANT);
  GtkWidget *page = debrief_test_find_descendant (GTK_WIDGET (window), DEBRIEF_TYPE_OVERVIEW_PAGE);
  g_autoptr(DebriefParticipant) ada = NULL;
  g_autoptr(DebriefParticipant) grace = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *row;

  /* Add: a post-mortem role (the first, Facilitator). */
  g_assert_true (gtk_widget_activate_action (page, "overview.add-participant", NULL));
  debrief_test_wait_for (debrief_test_message_dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (debrief_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Add Participant");
  fill_participant_dialog (dialog, "Ada Lovelace", 0, NULL, "Firmware");
  adw_message_dialog_response (dialog, "save");
  debrief_test_drain ();

  g_assert_cmpuint (g_list_model_get_n_items (participants), ==, 1);
  ada = g_list_model_get_item (participants, 0);
  g_assert_cmpstr (debrief_participant_get_name (ada), ==, "Ada Lovelace");
  g_assert_cmpstr (debrief_participant_get_role (ada), ==, "facilitator");
  g_assert_cmpstr (debrief_participant_get_team (ada), ==, "Firmware");
  g_assert_true (debrief_participant_get_present (ada));

  /* Shown with the role's name. */
  row = debrief_test_find_row (page, ADW_TYPE_ACTION_ROW, "Ada Lovelace");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Facilitator · Firmware");

  /* Add another with a role of the team's own. */
  g_assert_true (gtk_widget_activate_action (page, "overview.add-participant", NULL));
  debrief_test_wait_for (debrief_test_message_dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (debrief_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  fill_participant_dialog (dialog, "Grace Hopper", g_strv_length ((char **) debrief_role_list_ids ()),
                           "Bootloader owner", "Platform");
  adw_message_dialog_response (dialog, "save");
  debrief_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (participants), ==, 2);
  grace = g_list_model_get_item (participants, 1);
  g_assert_cmpstr (debrief_participant_get_role (grace), ==, "Bootloader owner");
  row = debrief_test_find_row (page, ADW_TYPE_ACTION_ROW, "Grace Hopper");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Bootloader owner · Platform");

  /* Edit: the row follows. */
  debrief_participant_set_present (grace, FALSE);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Bootloader owner · Platform · absent");

  /* Remove: a toast offers Undo, and Undo brings her back. */
  debrief_document_remove (document, DEBRIEF_RECORD (grace), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (participants), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  debrief_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (participants), ==, 2);
  g_assert_nonnull (debrief_test_find_row (page, ADW_TYPE_ACTION_ROW, "Grace Hopper"));

  debrief_test_close_window (window);
}

static void
test_new_participant_takes_the_default_role (void)
{
  DebriefWindow *window = debrief_test_new_incident_window (app, -1, -1);
  GtkWidget *page = debrief_test_find_descendant (GTK_WIDGET (window), DEBRIEF_TYPE_OVERVIEW_PAGE);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);
  AdwMessageDialog *dialog;
  GtkWidget *name_row, *role_row;
  guint scribe = 0;

  for (const char * const *ids = debrief_role_list_ids (); ids[scribe] && g_strcmp0 (ids[scribe], "scribe"); )
    scribe++;

  g_settings_set_string (settings, "user-name", "Ken Thompson");
  g_settings_set_string (settings, "default-role", "scribe");

  g_assert_true (gtk_widget_activate_action (page, "overview.add-participant", NULL));
  debrief_test_wait_for (debrief_test_message_dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (debrief_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  name_row = debrief_test_find_row (adw_message_dialog_get_extra_child (dialog), ADW_TYPE_ENTRY_ROW, "Name");
  role_row = debrief_test_find_row (adw_message_dialog_get_extra_child (dialog), ADW_TYPE_COMBO_ROW, "Role");

  /* Issue 10 #11: a new participant started as Facilitator although
   * Preferences said otherwise; now anyone new starts with the role
   * Preferences gives. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (role_row)), ==, scribe);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Fran Allen");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (role_row)), ==, scribe);

  /* Yourself: your usual role. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Ken Thompson");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (role_row)), ==, scribe);

  /* A role picked by hand is not overridden. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (role_row), scribe + 1);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Ken");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Ken Thompson");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (role_row)), ==, scribe + 1);

  adw_message_dialog_response (dialog, "cancel");
  g_settings_reset (settings, "user-name");
  g_settings_reset (settings, "default-role");
  debrief_test_close_window (window);
}

static void
test_remove_button_offers_undo (void)
{
  DebriefWindow *window = debrief_test_new_incident_window (app, -1, -1);
  DebriefDocument *document = debrief_window_get_document (window);
  GListModel *items = debrief_document_get_records (document, DEBRIEF_TYPE_SCOPE_ITEM);
  GtkWidget *page = debrief_test_find_descendant (GTK_WIDGET (window), DEBRIEF_TYPE_OVERVIEW_PAGE);
  GtkWidget *row;
  GtkWidget *remove = NULL;
  g_autoptr(DebriefScopeItem) item = NULL;

  g_assert_true (gtk_widget_activate_action (page, "overview.add-scope-item", NULL));
  debrief_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);

  row = debrief_test_find_row (page, ADW_TYPE_ENTRY_ROW, "System or component");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "gateway fleet");
  item = g_list_model_get_item (items, 0);
  g_assert_cmpstr (debrief_scope_item_get_name (item), ==, "gateway fleet");

  /* The row's own Remove button. */
  remove = debrief_test_find_button (row, "Remove");
  g_assert_nonnull (remove);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (remove), ==, "Remove");
  g_signal_emit_by_name (remove, "clicked");
  debrief_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);

  /* The toast's button is Undo. */
  {
    GtkWidget *overlay = debrief_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
    GtkWidget *undo = NULL;

    for (GtkWidget *w = gtk_widget_get_last_child (overlay); w && !undo; w = gtk_widget_get_prev_sibling (w))
      {
        GtkWidget *button = debrief_test_find_descendant (w, GTK_TYPE_BUTTON);

        if (button != NULL && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), "win.undo") == 0)
          undo = button;
      }
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
    debrief_test_drain ();
  }
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);

  debrief_test_close_window (window);
}

/* The button labelled @label of the newest toast that has one. */
static void
click_toast_button (DebriefWindow *window,
                    const char    *label)
{
  GtkWidget *overlay = debrief_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
  GtkWidget *found = NULL;

  for (GtkWidget *w = gtk_widget_get_last_child (overlay); w && !found; w = gtk_widget_get_prev_sibling (w))
    {
      GtkWidget *button = debrief_test_find_descendant (w, GTK_TYPE_BUTTON);

      if (button != NULL && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) == 0)
        found = button;
    }
  g_assert_nonnull (found);
  g_signal_emit_by_name (found, "clicked");
  debrief_test_drain ();
}

static void
test_invitation_not_sent_until_marked (void)
{
  DebriefWindow *window = debrief_test_new_incident_window (app, -1, -1);
  DebriefDocument *document = debrief_window_get_document (window);
  DebriefIncident *incident = debrief_document_get_incident (document);
  GtkWidget *page = debrief_test_find_descendant (GTK_WIDGET (window), DEBRIEF_TYPE_OVERVIEW_PAGE);
  g_autoptr(DebriefParticipant) ada = debrief_participant_new ();
  AdwMessageDialog *dialog;
  GtkTextView *view;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  debrief_incident_set_title (incident, "Gateway fleet reboot loop");
  debrief_participant_set_name (ada, "Ada Lovelace");
  debrief_participant_set_role (ada, "scribe");
  debrief_participant_set_contact (ada, "ada@example.org");
  g_assert_true (debrief_document_add (document, DEBRIEF_RECORD (ada), NULL));
  g_assert_null (debrief_incident_get_ground_rules_sent_at (incident));

  g_assert_true (gtk_widget_activate_action (page, "overview.send-invitation", NULL));
  debrief_test_wait_for (debrief_test_message_dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (debrief_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  view = GTK_TEXT_VIEW (debrief_test_find_descendant (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  text = gtk_text_iter_get_text (&start, &end);

  g_assert_nonnull (strstr (text, "Gateway fleet reboot loop"));
  g_assert_nonnull (strstr (text, "Ada Lovelace"));
  g_assert_nonnull (strstr (text, "Scribe"));

  /* Copying it sends nothing: it is not recorded as sent... */
  debrief_test_respond (dialog, "copy");
  g_assert_null (debrief_incident_get_ground_rules_sent_at (incident));
  g_assert_nonnull (debrief_test_find_label (page, "Not sent to the participants yet."));

  /* ...until the user says so, with the toast's Mark as Sent. */
  click_toast_button (window, "_Mark as Sent");
  g_assert_nonnull (debrief_incident_get_ground_rules_sent_at (incident));

  debrief_test_close_window (window);
}

/* The footer says when, in the one way a time is shown, with its zone,
 * and without runs of spaces that a padded day left. */
static void
test_sent_footer_names_time_zone (void)
{
  DebriefWindow *window = debrief_test_new_incident_window (app, -1, -1);
  DebriefIncident *incident = debrief_document_get_incident (debrief_window_get_document (window));
  GtkWidget *page = debrief_test_find_descendant (GTK_WIDGET (window), DEBRIEF_TYPE_OVERVIEW_PAGE);
  g_autoptr(GDateTime) sent = debrief_test_datetime ("2026-12-04T03:39:00Z");

  /* TZ is UTC in the tests. */
  debrief_incident_set_ground_rules_sent_at (incident, sent);
  debrief_test_drain ();
  g_assert_nonnull (debrief_test_find_label (page, "Sent to the participants on 2026-12-04 03:39 UTC."));

  debrief_test_close_window (window);
}

/* Where no mail program takes the mailto: link, the user is told so in a
 * sentence, with a way on, and nothing is recorded as sent. */
static void
test_no_mail_program_is_explained (void)
{
  DebriefWindow *window = debrief_test_new_incident_window (app, -1, -1);
  DebriefIncident *incident = debrief_document_get_incident (debrief_window_get_document (window));
  GtkWidget *page = debrief_test_find_descendant (GTK_WIDGET (window), DEBRIEF_TYPE_OVERVIEW_PAGE);
  g_autoptr(GAppInfo) mailer = g_app_info_get_default_for_uri_scheme ("mailto");
  AdwMessageDialog *dialog;

  if (mailer != NULL)
    {
      g_test_skip ("A mail program is installed; this test needs a system without one");
      debrief_test_close_window (window);
      return;
    }

  debrief_incident_set_title (incident, "Gateway fleet reboot loop");
  g_assert_true (gtk_widget_activate_action (page, "overview.send-invitation", NULL));
  dialog = debrief_test_wait_for_dialog ();
  debrief_test_respond (dialog, "mail");

  dialog = debrief_test_wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "No Mail Program");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "No mail program could open the invitation. Copy it and paste it into your mail instead.");
  g_assert_true (adw_message_dialog_has_response (dialog, "copy"));
  g_assert_null (debrief_incident_get_ground_rules_sent_at (incident));
  g_assert_null (debrief_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG));

  /* Its Copy copies, and still records nothing. */
  debrief_test_respond (dialog, "copy");
  g_assert_null (debrief_incident_get_ground_rules_sent_at (incident));
  click_toast_button (window, "_Mark as Sent");
  g_assert_nonnull (debrief_incident_get_ground_rules_sent_at (incident));

  debrief_test_close_window (window);
}

/* --- Keyboard only ---------------------------------------------------- */

/* The title of the row that has the keyboard focus, or "summary" when it
 * is in the summary text view. */
static const char *
focused_field (DebriefWindow *window,
               GtkWidget     *summary)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));
  GtkWidget *row;

  if (focus == NULL)
    return "";
  if (focus == summary)
    return "summary";
  if ((row = gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_ROW)))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  return "";
}

/* Moves the focus with Tab until it is on @field. */
static void
tab_to (DebriefWindow *window,
        GtkWidget     *summary,
        const char    *field)
{
  for (guint i = 0; i < 60; i++)
    {
      if (g_strcmp0 (focused_field (window, summary), field) == 0)
        return;
      debrief_test_press ("Tab");
    }

  g_error ("Tab never reached “%s”", field);
}

static void
test_fill_in_by_keyboard_only (void)
{
  DebriefWindow *window = debrief_test_new_incident_window (app, -1, -1);
  DebriefIncident *incident = debrief_document_get_incident (debrief_window_get_document (window));
  GtkWidget *page = debrief_test_find_descendant (GTK_WIDGET (window), DEBRIEF_TYPE_OVERVIEW_PAGE);
  GtkWidget *summary = debrief_test_find_descendant (page, GTK_TYPE_TEXT_VIEW);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = NULL;

  if (!GDK_IS_X11_SURFACE (surface))
    {
      g_test_skip ("Needs an X server (xvfb-run) to send keys to");
      debrief_test_close_window (window);
      return;
    }

  xid = debrief_test_focus_x_window (GTK_WINDOW (window));

  /* Alt+1 is the Overview; from there, Tab and typing only. */
  debrief_test_press ("alt+1");

  tab_to (window, summary, "Title");
  debrief_test_type ("Gateway fleet reboot loop");
  tab_to (window, summary, "Incident ID");
  debrief_test_type ("INC-2031");
  tab_to (window, summary, "Severity");
  debrief_test_type ("SEV2");
  tab_to (window, summary, "Facilitator");
  debrief_test_type ("Ada Lovelace");
  tab_to (window, summary, "summary");
  debrief_test_type ("A firmware update left the gateways in a reboot loop.");

  g_assert_cmpstr (debrief_incident_get_title (incident), ==, "Gateway fleet reboot loop");
  g_assert_cmpstr (debrief_incident_get_reference (incident), ==, "INC-2031");
  g_assert_cmpstr (debrief_incident_get_severity (incident), ==, "SEV2");
  g_assert_cmpstr (debrief_incident_get_facilitator (incident), ==, "Ada Lovelace");
  g_assert_cmpstr (debrief_incident_get_summary (incident), ==, "A firmware update left the gateways in a reboot loop.");

  /* And Ctrl+Z takes back the last field typed, as one step. */
  debrief_test_press ("ctrl+z");
  g_assert_cmpstr (debrief_incident_get_summary (incident), ==, "");
  g_assert_cmpstr (debrief_incident_get_facilitator (incident), ==, "Ada Lovelace");

  debrief_test_close_window (window);
}

/* Issue 10 #11: read-only, the severity's menu opened with every choice
 * disabled. Now there is no menu to open: the row shows the value. */
static void
test_read_only_severity_has_no_menu (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) file = g_file_new_build_filename (dir, "severity.debrief", NULL);
  g_autoptr(DebriefDocument) writable = debrief_test_new_document ("Ada Lovelace");
  g_autoptr(DebriefDocument) read_only = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = g_object_new (DEBRIEF_TYPE_OVERVIEW_PAGE, NULL);
  GtkWidget *button;
  GtkWidget *row;

  debrief_incident_set_severity (debrief_document_get_incident (writable), "SEV2");
  debrief_test_save_document (writable, file);
  debrief_document_close (writable);
  read_only = debrief_test_open_document (file, DEBRIEF_OPEN_FLAGS_READ_ONLY, "Grace Hopper");
  g_assert_true (debrief_document_get_read_only (read_only));

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  debrief_test_wait_for (debrief_test_widget_is_mapped, window);

  debrief_overview_page_set_document (DEBRIEF_OVERVIEW_PAGE (page), read_only);
  debrief_test_drain ();
  row = debrief_test_find_row (page, ADW_TYPE_ENTRY_ROW, "Severity");
  button = debrief_test_find_descendant (row, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "SEV2");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (row)));

  debrief_overview_page_set_document (DEBRIEF_OVERVIEW_PAGE (page), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  debrief_document_close (read_only);
  debrief_test_remove_tree (dir);
}

/* --- Date and time rows ---------------------------------------------- */

typedef struct
{
  GtkMenuButton *button;
  GtkPopover    *popover;
  GtkEntry      *entry;
  GtkLabel      *message;
  GtkCalendar   *calendar;
  GtkSpinButton *hour;
  GtkSpinButton *minute;
  GtkButton     *set;
} Picker;

/* Opens the picker of the row titled @title, as a click does. */
static void
open_picker (DebriefWindow *window,
             const char    *title,
             Picker        *picker)
{
  GtkWidget *row = debrief_test_find_row (GTK_WIDGET (window), DEBRIEF_TYPE_DATE_TIME_ROW, title);
  GtkWidget *box;

  g_assert_nonnull (row);
  picker->button = GTK_MENU_BUTTON (debrief_test_find_descendant (row, GTK_TYPE_MENU_BUTTON));
  picker->popover = gtk_menu_button_get_popover (picker->button);
  gtk_menu_button_popup (picker->button);
  debrief_test_wait_for (debrief_test_widget_is_mapped, picker->popover);

  box = GTK_WIDGET (picker->popover);
  picker->entry = GTK_ENTRY (debrief_test_find_descendant (box, GTK_TYPE_ENTRY));
  picker->message = GTK_LABEL (debrief_test_find_with_class (box, GTK_TYPE_LABEL, "error"));
  picker->calendar = GTK_CALENDAR (debrief_test_find_descendant (box, GTK_TYPE_CALENDAR));
  picker->hour = GTK_SPIN_BUTTON (debrief_test_find_descendant (box, GTK_TYPE_SPIN_BUTTON));
  picker->minute = GTK_SPIN_BUTTON (debrief_test_find_descendant (gtk_widget_get_parent (GTK_WIDGET (picker->hour)),
                                                                  GTK_TYPE_SPIN_BUTTON));
  for (GtkWidget *w = gtk_widget_get_next_sibling (GTK_WIDGET (picker->hour)); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_SPIN_BUTTON (w))
      picker->minute = GTK_SPIN_BUTTON (w);
  picker->set = GTK_BUTTON (debrief_test_find_button_labelled (box, "_Set"));
  g_assert_nonnull (picker->entry);
  g_assert_nonnull (picker->message);
  g_assert_nonnull (picker->calendar);
  g_assert_true (picker->minute != picker->hour);
  g_assert_nonnull (picker->set);
}

/* Issue 10 #4: a review meeting set to 10:00 while the incident had no
 * time zone became "11:00 CET" when Europe/Berlin was typed as its zone. */
static void
test_meeting_time_does_not_move_when_zone_chosen (void)
{
  DebriefWindow *window = debrief_test_new_incident_window (app, -1, -1);
  DebriefIncident *incident = debrief_document_get_incident (debrief_window_get_document (window));
  GtkWidget *zone_row = debrief_test_find_row (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW,
                                               "Time zone (empty for this computer’s)");
  const char *name = "Europe/Berlin";
  g_autofree char *wall = NULL;
  Picker picker;

  open_picker (window, "Review meeting", &picker);
  gtk_editable_set_text (GTK_EDITABLE (picker.entry), "2026-03-20 10:00");
  g_signal_emit_by_name (picker.set, "clicked");
  debrief_test_drain ();
  g_assert_nonnull (debrief_incident_get_review_at (incident));

  /* Typed a letter at a time. */
  for (gsize i = 1; i <= strlen (name); i++)
    {
      g_autofree char *typed = g_strndup (name, i);

      gtk_editable_set_text (GTK_EDITABLE (zone_row), typed);
    }
  debrief_test_drain ();

  g_assert_cmpstr (debrief_incident_get_scope_time_zone (incident), ==, "Europe/Berlin");
  wall = debrief_test_wall_clock (debrief_incident_get_review_at (incident), "Europe/Berlin");
  g_assert_cmpstr (wall, ==, "2026-03-20 10:00");
  g_assert_nonnull (strstr (gtk_menu_button_get_label (picker.button), "10:00"));
  g_assert_nonnull (strstr (gtk_menu_button_get_label (picker.button), "CET"));

  debrief_test_close_window (window);
}

static gboolean
popover_closed (gpointer popover)
{
  return !gtk_widget_get_visible (popover);
}

/* Issue 10: every picker opened at today; the end did not start at the
 * start; minutes showed as "0"; a time could not be typed; focusing the
 * hour scrolled the page from under the popover. */
static void
test_date_picker_opens_near_the_incident_and_reads_typed_times (void)
{
  DebriefWindow *window = debrief_test_new_incident_window (app, 900, 500);
  DebriefIncident *incident = debrief_document_get_incident (debrief_window_get_document (window));
  GtkWidget *page = debrief_test_find_descendant (GTK_WIDGET (window), DEBRIEF_TYPE_OVERVIEW_PAGE);
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (debrief_test_find_descendant (page, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2025, 3, 14, 9, 5, 0);
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) expected = NULL;
  double scrolled_to;
  Picker picker;

  /* Focusing the hour and the minute leaves the page where it is, and
   * the popover where it was. */
  open_picker (window, "Review meeting", &picker);
  scrolled_to = gtk_adjustment_get_value (vadjustment);
  gtk_widget_grab_focus (GTK_WIDGET (picker.hour));
  debrief_test_drain ();
  gtk_widget_grab_focus (GTK_WIDGET (picker.minute));
  debrief_test_drain ();
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, scrolled_to);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picker.popover)));
  gtk_popover_popdown (picker.popover);
  debrief_test_drain ();

  debrief_incident_set_scope_start (incident, start);
  gtk_widget_grab_focus (debrief_test_find_row (page, DEBRIEF_TYPE_DATE_TIME_ROW, "Time window ends"));
  debrief_test_drain ();
  open_picker (window, "Time window ends", &picker);

  /* The end opens at the start, not at today; minutes have two digits. */
  day = gtk_calendar_get_date (picker.calendar);
  g_assert_cmpint (g_date_time_get_year (day), ==, 2025);
  g_assert_cmpint (g_date_time_get_month (day), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (day), ==, 14);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker.entry)), ==, "2025-03-14 09:05");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker.hour)), ==, "09");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker.minute)), ==, "05");

  /* An hour typed and not yet taken by its spin button is set all the
   * same by the next click, on Set. */
  gtk_editable_set_text (GTK_EDITABLE (picker.hour), "11");
  g_signal_emit_by_name (picker.set, "clicked");
  debrief_test_wait_for (popover_closed, picker.popover);
  expected = g_date_time_new_utc (2025, 3, 14, 11, 5, 0);
  g_assert_nonnull (debrief_incident_get_scope_end (incident));
  g_assert_true (g_date_time_equal (debrief_incident_get_scope_end (incident), expected));
  g_clear_pointer (&expected, g_date_time_unref);
  debrief_incident_set_scope_end (incident, NULL);
  open_picker (window, "Time window ends", &picker);

  /* A mistake is said in place, and the text and the popover stay. */
  gtk_editable_set_text (GTK_EDITABLE (picker.entry), "14 March, about eleven");
  g_signal_emit_by_name (picker.set, "clicked");
  debrief_test_drain ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picker.popover)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picker.message)));
  g_assert_nonnull (strstr (gtk_label_get_text (picker.message), "Write the date and time as 2026-03-14 09:30"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker.entry)), ==, "14 March, about eleven");
  g_assert_null (debrief_incident_get_scope_end (incident));

  /* ISO 8601 with an offset: the same instant, shown in the row's zone. */
  gtk_editable_set_text (GTK_EDITABLE (picker.entry), "2025-03-14T12:30:00+01:00");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker.message)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker.hour)), ==, "11");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker.minute)), ==, "30");
  g_signal_emit_by_name (picker.entry, "activate");
  debrief_test_wait_for (popover_closed, picker.popover);
  expected = g_date_time_new_utc (2025, 3, 14, 11, 30, 0);
  g_assert_nonnull (debrief_incident_get_scope_end (incident));
  g_assert_true (g_date_time_equal (debrief_incident_get_scope_end (incident), expected));

  /* The calendar and the spin buttons write the text, and Set takes it. */
  debrief_incident_set_scope_end (incident, NULL);
  open_picker (window, "Time window ends", &picker);
  gtk_spin_button_set_value (picker.minute, 7);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker.minute)), ==, "07");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker.entry)), ==, "2025-03-14 09:07");
  g_signal_emit_by_name (picker.set, "clicked");
  debrief_test_drain ();
  g_clear_pointer (&expected, g_date_time_unref);
  expected = g_date_time_new_utc (2025, 3, 14, 9, 7, 0);
  g_assert_true (g_date_time_equal (debrief_incident_get_scope_end (incident), expected));

  debrief_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = debrief_test_ui_init (&argc, &argv);

  app = debrief_application_new ();

  g_test_add_func ("/debrief/overview/fields-edit-the-incident-and-follow-it", test_fields_edit_the_incident_and_follow_it);
  g_test_add_func ("/debrief/overview/wrong-values-get-an-inline-message", test_wrong_values_get_an_inline_message);
  g_test_add_func ("/debrief/overview/participants-and-roles", test_participants_and_roles);
  g_test_add_func ("/debrief/overview/new-participant-takes-the-default-role", test_new_participant_takes_the_default_role);
  g_test_add_func ("/debrief/overview/remove-button-offers-undo", test_remove_button_offers_undo);
  g_test_add_func ("/debrief/overview/invitation-not-sent-until-marked", test_invitation_not_sent_until_marked);
  g_test_add_func ("/debrief/overview/sent-footer-names-time-zone", test_sent_footer_names_time_zone);
  g_test_add_func ("/debrief/overview/no-mail-program-is-explained", test_no_mail_program_is_explained);
  g_test_add_func ("/debrief/overview/fill-in-by-keyboard-only", test_fill_in_by_keyboard_only);
  g_test_add_func ("/debrief/overview/read-only-severity-has-no-menu", test_read_only_severity_has_no_menu);
  g_test_add_func ("/debrief/overview/meeting-time-does-not-move-when-zone-chosen",
                   test_meeting_time_does_not_move_when_zone_chosen);
  g_test_add_func ("/debrief/overview/date-picker-opens-near-the-incident-and-reads-typed-times",
                   test_date_picker_opens_near_the_incident_and_reads_typed_times);

  /* Startup happens in g_application_run(), before the tests run. */
  return debrief_test_run_application (G_APPLICATION (app), data_home);
}
