/* debrief-overview-page.c
 *
 * The Overview view: the incident's front page. What happened and how
 * severe it was, the scope, who takes part in which role, the ground rules
 * and the invitation, and how far the post-mortem has come. Every field is
 * bound to the document, so each change is stored as it is made and can
 * be undone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-document.h"
#include "debrief-evidence.h"
#include "debrief-invitation.h"
#include "debrief-metrics.h"
#include "debrief-participant.h"
#include "debrief-scope-item.h"
#include "debrief-text.h"
#include "debrief-time.h"
#include "debrief-validation.h"

#include "debrief-date-time-row.h"
#include "debrief-error-dialog.h"
#include "debrief-overview-page.h"
#include "debrief-participant-dialog.h"
#include "debrief-participant-row.h"
#include "debrief-scope-row.h"
#include "debrief-user.h"

struct _DebriefOverviewPage
{
  GtkWidget           parent_instance;

  DebriefDocument    *document;
  DebriefMetrics     *metrics;
  GPtrArray          *bindings;

  AdwEntryRow        *title_row;
  AdwEntryRow        *reference_row;
  AdwEntryRow        *severity_row;
  GtkMenuButton      *severity_button;
  AdwComboRow        *status_row;
  AdwEntryRow        *facilitator_row;
  DebriefDateTimeRow *review_row;
  GtkTextView        *summary_view;
  GtkTextView        *impact_view;
  AdwActionRow       *detect_row;
  AdwActionRow       *acknowledge_row;
  AdwActionRow       *mitigate_row;
  AdwActionRow       *resolve_row;
  AdwActionRow       *duration_row;
  AdwActionRow       *evidence_row;
  AdwActionRow       *events_row;
  AdwActionRow       *factors_row;
  AdwActionRow       *actions_row;
  GtkListBox         *scope_list;
  DebriefDateTimeRow *scope_start_row;
  DebriefDateTimeRow *scope_end_row;
  AdwEntryRow        *time_zone_row;
  GtkLabel           *scope_message;
  GtkTextView        *out_of_scope_view;
  GtkListBox         *participant_list;
  GtkTextView        *ground_rules_view;
  GtkLabel           *sent_label;
};

G_DEFINE_FINAL_TYPE (DebriefOverviewPage, debrief_overview_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

DebriefDocument *
debrief_overview_page_get_document (DebriefOverviewPage *self)
{
  g_return_val_if_fail (DEBRIEF_IS_OVERVIEW_PAGE (self), NULL);

  return self->document;
}

static gboolean
is_writable (DebriefOverviewPage *self)
{
  return self->document != NULL && !debrief_document_get_read_only (self->document);
}

/* A removal the user can take back: a toast with Undo, as GNOME apps do. */
static void
toast_removed (DebriefOverviewPage *self,
               const char          *what)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    return;

  /* Translators: a toast after removing something, %s is its name. */
  title = g_strdup_printf (_("“%s” removed"), what);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
remove_record (DebriefOverviewPage *self,
               DebriefRecord       *record,
               const char          *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (what);

  if (!debrief_document_remove (self->document, record, &error))
    {
      debrief_show_error (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                          _("Could Not Remove"), error->message);
      return;
    }

  toast_removed (self, name);
}

/* --- Bindings -------------------------------------------------------- */

static void
keep_binding (DebriefOverviewPage *self,
              GBinding            *binding)
{
  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

static void
bind (DebriefOverviewPage *self,
      gpointer             source,
      const char          *source_property,
      gpointer             target,
      const char          *target_property)
{
  keep_binding (self, g_object_bind_property (source, source_property,
                                              target, target_property,
                                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
}

static void
bind_editable (DebriefOverviewPage *self,
               gpointer             target,
               const char          *target_property)
{
  keep_binding (self, g_object_bind_property (self->document, "read-only",
                                              target, target_property,
                                              G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN));
}

static gboolean
status_to_selected (GBinding     *binding,
                    const GValue *from_value,
                    GValue       *to_value,
                    gpointer      user_data)
{
  g_value_set_uint (to_value, (guint) g_value_get_enum (from_value));
  return TRUE;
}

static gboolean
selected_to_status (GBinding     *binding,
                    const GValue *from_value,
                    GValue       *to_value,
                    gpointer      user_data)
{
  guint selected = g_value_get_uint (from_value);

  if (selected > DEBRIEF_INCIDENT_STATUS_CLOSED)
    return FALSE;

  g_value_set_enum (to_value, (int) selected);
  return TRUE;
}

/* --- Validation ------------------------------------------------------ */

/* What the user entered is stored as it is; what is wrong with it is said
 * beside it, never silently corrected or dropped. */
static void
validate_scope (DebriefOverviewPage *self)
{
  DebriefIncident *incident;
  g_autoptr(GError) window_error = NULL;
  g_autoptr(GError) zone_error = NULL;
  g_autoptr(GString) message = g_string_new (NULL);

  if (self->document == NULL)
    return;

  incident = debrief_document_get_incident (self->document);

  if (!debrief_validate_time_zone (debrief_incident_get_scope_time_zone (incident), &zone_error))
    g_string_append (message, zone_error->message);

  if (!debrief_validate_time_window (debrief_incident_get_scope_start (incident),
                                     debrief_incident_get_scope_end (incident),
                                     &window_error))
    g_string_append_printf (message, "%s%s", message->len ? "\n" : "", window_error->message);

  if (zone_error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->time_zone_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->time_zone_row), "error");

  if (window_error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->scope_end_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->scope_end_row), "error");

  gtk_label_set_text (self->scope_message, message->str);
  gtk_widget_set_visible (GTK_WIDGET (self->scope_message), message->len > 0);
}

static void
time_zone_changed_cb (DebriefOverviewPage *self)
{
  if (self->document == NULL || !is_writable (self))
    return;

  debrief_incident_change_time_zone (debrief_document_get_incident (self->document),
                                     gtk_editable_get_text (GTK_EDITABLE (self->time_zone_row)));
}

/* An empty picker opens near the incident's dates, not at today. */
static GDateTime *
suggest_time_cb (DebriefDateTimeRow *row,
                 gpointer            user_data)
{
  DebriefOverviewPage *self = user_data;

  if (self->document == NULL)
    return NULL;

  return debrief_incident_dup_suggested_time (debrief_document_get_incident (self->document),
                                              g_object_get_data (G_OBJECT (row), "debrief-property"));
}

/* --- Metrics and progress -------------------------------------------- */

static void
set_duration (AdwActionRow   *row,
              DebriefMetrics *metrics,
              const char     *property)
{
  g_autofree char *text = NULL;
  gint64 usec = -1;

  g_object_get (metrics, property, &usec, NULL);
  text = debrief_metrics_format_duration (usec);
  adw_action_row_set_subtitle (row, text);
}

static void
set_count (AdwActionRow *row,
           guint         count)
{
  g_autofree char *text = debrief_text_format_count (count);

  adw_action_row_set_subtitle (row, text);
}

/* The evidence count, and the items whose clock counts from boot and is
 * not aligned: their times cannot be compared with the others' yet. */
static void
set_evidence_count (DebriefOverviewPage *self,
                    guint                count)
{
  GListModel *items = debrief_document_get_records (self->document, DEBRIEF_TYPE_EVIDENCE);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *text = debrief_text_format_count (count);
  guint n_off = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(DebriefEvidence) evidence = g_list_model_get_item (items, i);

      if (debrief_evidence_is_on_incident_clock (evidence))
        continue;
      /* Translators: the separator between the names of evidence items */
      g_string_append_printf (names, "%s%s", n_off > 0 ? _(", ") : "", debrief_evidence_get_title (evidence));
      n_off++;
    }

  if (n_off > 0)
    {
      g_autofree char *more = NULL;

      /* Translators: the first %s is the number of evidence items, the
       * second the names of those not aligned */
      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s\nNot on the incident’s clock — align it to compare: %s",
                                           "%s\nNot on the incident’s clock — align them to compare: %s",
                                           n_off),
                              text, names->str);

      g_free (text);
      text = g_steal_pointer (&more);
    }

  adw_action_row_set_subtitle (self->evidence_row, text);
}

static void
update_metrics (DebriefOverviewPage *self)
{
  DebriefMetrics *metrics = self->metrics;
  g_autofree char *actions = NULL;
  guint n_actions, n_done, n_overdue;

  if (metrics == NULL)
    return;

  set_duration (self->detect_row, metrics, "time-to-detect");
  set_duration (self->acknowledge_row, metrics, "time-to-acknowledge");
  set_duration (self->mitigate_row, metrics, "time-to-mitigate");
  set_duration (self->resolve_row, metrics, "time-to-resolve");
  set_duration (self->duration_row, metrics, "impact-duration");

  set_evidence_count (self, debrief_metrics_get_n_evidence (metrics));
  set_count (self->events_row, debrief_metrics_get_n_timeline_events (metrics));
  set_count (self->factors_row, debrief_metrics_get_n_factors (metrics));

  n_actions = debrief_metrics_get_n_actions (metrics);
  n_done = debrief_metrics_get_n_actions_done (metrics);
  n_overdue = debrief_metrics_get_n_actions_overdue (metrics);
  if (n_overdue > 0)
    /* Translators: action items, "<done> of <total>, <n> overdue". */
    actions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u, %u overdue", "%u of %u, %u overdue", n_overdue),
                               n_done, n_actions, n_overdue);
  else
    /* Translators: action items, "<done> of <total>". */
    actions = g_strdup_printf (_("%u of %u"), n_done, n_actions);
  adw_action_row_set_subtitle (self->actions_row, actions);
}

static void
update_sent_label (DebriefOverviewPage *self)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  GDateTime *sent;

  if (self->document == NULL)
    return;

  sent = debrief_incident_get_ground_rules_sent_at (debrief_document_get_incident (self->document));
  if (sent == NULL)
    {
      gtk_label_set_text (self->sent_label, _("Not sent to the participants yet."));
      return;
    }

  /* Shown where the user is, and said where that is: the file travels. */
  local = g_time_zone_new_local ();
  when = debrief_time_format_with_zone (debrief_date_time_to_usec (sent), local, DEBRIEF_TIME_STYLE_DATE_MINUTES);
  /* Translators: %s is a date and time with its time zone, "2026-12-04 03:39 CET". */
  text = g_strdup_printf (_("Sent to the participants on %s."), when);
  gtk_label_set_text (self->sent_label, text);
}

/* --- Scope items ----------------------------------------------------- */

static void
remove_scope_item_cb (DebriefScopeRow     *row,
                      DebriefOverviewPage *self)
{
  DebriefScopeItem *item = debrief_scope_row_get_scope_item (row);
  const char *name = debrief_scope_item_get_name (item);

  remove_record (self, DEBRIEF_RECORD (item), *name ? name : _("Unnamed system"));
}

static GtkWidget *
create_scope_row (gpointer item,
                  gpointer user_data)
{
  DebriefOverviewPage *self = user_data;
  GtkWidget *row = debrief_scope_row_new (item);

  g_signal_connect_object (row, "remove", G_CALLBACK (remove_scope_item_cb), self, 0);
  if (!is_writable (self))
    gtk_editable_set_editable (GTK_EDITABLE (row), FALSE);

  return row;
}

static gint64
next_position (GListModel *model)
{
  guint n_items = g_list_model_get_n_items (model);
  g_autoptr(GObject) last = n_items ? g_list_model_get_item (model, n_items - 1) : NULL;
  gint64 position = 0;

  if (last != NULL)
    g_object_get (last, "position", &position, NULL);

  return n_items ? position + 1 : 0;
}

static void
add_record (DebriefOverviewPage *self,
            DebriefRecord       *record)
{
  g_autoptr(GError) error = NULL;

  if (!debrief_document_add (self->document, record, &error))
    {
      debrief_show_error (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                          _("Could Not Add"), error->message);
    }
}

static void
debrief_overview_page_add_scope_item (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  DebriefOverviewPage *self = DEBRIEF_OVERVIEW_PAGE (widget);
  GListModel *items = debrief_document_get_records (self->document, DEBRIEF_TYPE_SCOPE_ITEM);
  g_autoptr(DebriefScopeItem) item = debrief_scope_item_new ();
  GtkListBoxRow *row;

  debrief_scope_item_set_position (item, next_position (items));
  add_record (self, DEBRIEF_RECORD (item));

  /* Straight to typing its name. */
  if ((row = gtk_list_box_get_row_at_index (self->scope_list, g_list_model_get_n_items (items) - 1)))
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* --- Participants ---------------------------------------------------- */

/* The user's own name and default role come with the dialog, so that adding
 * yourself gives you the role you chose in Preferences. */
static void
present_participant_dialog (DebriefOverviewPage *self,
                            DebriefParticipant  *participant)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);
  g_autofree char *user_name = debrief_user_dup_name (settings);
  g_autofree char *default_role = g_settings_get_string (settings, "default-role");

  debrief_participant_dialog_present (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                      self->document, participant, user_name, default_role);
}

static void
edit_participant_cb (DebriefParticipantRow *row,
                     DebriefOverviewPage   *self)
{
  present_participant_dialog (self, debrief_participant_row_get_participant (row));
}

static void
remove_participant_cb (DebriefParticipantRow *row,
                       DebriefOverviewPage   *self)
{
  DebriefParticipant *participant = debrief_participant_row_get_participant (row);
  const char *name = debrief_participant_get_name (participant);

  remove_record (self, DEBRIEF_RECORD (participant), *name ? name : _("Unnamed participant"));
}

static GtkWidget *
create_participant_row (gpointer item,
                        gpointer user_data)
{
  DebriefOverviewPage *self = user_data;
  GtkWidget *row = debrief_participant_row_new (item);

  debrief_participant_row_set_editable (DEBRIEF_PARTICIPANT_ROW (row), is_writable (self));
  g_signal_connect_object (row, "edit", G_CALLBACK (edit_participant_cb), self, 0);
  g_signal_connect_object (row, "remove", G_CALLBACK (remove_participant_cb), self, 0);

  return row;
}

static void
debrief_overview_page_add_participant (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  DebriefOverviewPage *self = DEBRIEF_OVERVIEW_PAGE (widget);

  present_participant_dialog (self, NULL);
}

/* --- Invitation ------------------------------------------------------ */

static void
mark_sent (DebriefOverviewPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  if (!debrief_invitation_mark_sent (self->document, now, &error))
    {
      debrief_show_error (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                          _("Could Not Record the Invitation"), error->message);
    }
}

/* Whether the invitation went out is for the user to say: copying it or
 * handing it to a mail program sends nothing. A toast that stays until it
 * is answered or closed offers to record it. */
static void
offer_mark_sent (DebriefOverviewPage *self,
                 const char          *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Mark as Sent"));
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (mark_sent), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
copy_invitation (DebriefOverviewPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = debrief_invitation_build (self->document, now);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  offer_mark_sent (self, _("Invitation copied"));
}

static void
no_mail_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     DebriefOverviewPage *self)
{
  if (g_strcmp0 (response, "copy") == 0 && self->document != NULL)
    copy_invitation (self);
}

static void
show_mail_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DebriefOverviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    {
      offer_mark_sent (self, _("Invitation opened in your mail program"));
      return;
    }

  g_debug ("The mailto: link could not be opened: %s", error->message);

  /* The page may have been closed meanwhile. */
  if (self->document == NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("No Mail Program"),
                                   _("No mail program could open the invitation. "
                                     "Copy it and paste it into your mail instead."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "copy", _("_Copy Invitation"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (no_mail_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
invitation_response_cb (AdwMessageDialog    *dialog,
                        const char          *response,
                        DebriefOverviewPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (self->document == NULL)
    return;

  if (g_strcmp0 (response, "copy") == 0)
    copy_invitation (self);
  else if (g_strcmp0 (response, "mail") == 0)
    {
      g_autofree char *uri = debrief_invitation_build_mailto (self->document, now);
      GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

      /* gtk_show_uri() would say only "Operation not supported" when no
       * mail program takes the link. */
      gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, show_mail_cb, g_object_ref (self));
    }
}

static void
debrief_overview_page_send_invitation (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  DebriefOverviewPage *self = DEBRIEF_OVERVIEW_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = debrief_invitation_build (self->document, now);
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *view;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Invite the Participants"),
                                   _("The invitation gives the date, the agenda, the ground rules and "
                                     "each participant’s role. Copy it, or open it in your e-mail program; "
                                     "once it has gone out, mark it as sent."));

  view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Invitation"), -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  /* Wide where there is room, and no wider than a phone needs. */
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_width (GTK_SCROLLED_WINDOW (scrolled), 480);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_add_css_class (scrolled, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "copy", _("_Copy"),
                                    "mail", _("Open in _Mail"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "mail", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "mail");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (invitation_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
debrief_overview_page_severity (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  DebriefOverviewPage *self = DEBRIEF_OVERVIEW_PAGE (widget);

  debrief_incident_set_severity (debrief_document_get_incident (self->document),
                                 g_variant_get_string (parameter, NULL));
}

/* --- The document ---------------------------------------------------- */

static void
update_actions (DebriefOverviewPage *self)
{
  gboolean writable = is_writable (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.add-scope-item", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.add-participant", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.send-invitation", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.severity", writable);
}

static void
read_only_changed_cb (DebriefOverviewPage *self)
{
  update_actions (self);

  /* The rows of the lists are made for one state; make them anew. */
  gtk_list_box_bind_model (self->scope_list,
                           debrief_document_get_records (self->document, DEBRIEF_TYPE_SCOPE_ITEM),
                           create_scope_row, self, NULL);
  gtk_list_box_bind_model (self->participant_list,
                           debrief_document_get_records (self->document, DEBRIEF_TYPE_PARTICIPANT),
                           create_participant_row, self, NULL);
}

static void
unbind_all (DebriefOverviewPage *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (debrief_document_get_incident (self->document), self);
    }
  if (self->metrics != NULL)
    g_signal_handlers_disconnect_by_data (self->metrics, self);
  g_clear_object (&self->metrics);

  gtk_list_box_bind_model (self->scope_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->participant_list, NULL, NULL, NULL, NULL);
}

void
debrief_overview_page_set_document (DebriefOverviewPage *self,
                                    DebriefDocument     *document)
{
  DebriefIncident *incident;
  GtkWidget *editable_rows[] = {
    GTK_WIDGET (self->title_row), GTK_WIDGET (self->reference_row), GTK_WIDGET (self->severity_row),
    GTK_WIDGET (self->facilitator_row), GTK_WIDGET (self->time_zone_row),
  };
  GtkWidget *views[] = {
    GTK_WIDGET (self->summary_view), GTK_WIDGET (self->impact_view),
    GTK_WIDGET (self->out_of_scope_view), GTK_WIDGET (self->ground_rules_view),
  };
  GtkWidget *sensitive[] = {
    GTK_WIDGET (self->status_row), GTK_WIDGET (self->review_row),
    GTK_WIDGET (self->scope_start_row), GTK_WIDGET (self->scope_end_row),
  };

  g_return_if_fail (DEBRIEF_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (!document || DEBRIEF_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  unbind_all (self);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      incident = debrief_document_get_incident (document);

      bind (self, incident, "title", self->title_row, "text");
      bind (self, incident, "reference", self->reference_row, "text");
      bind (self, incident, "severity", self->severity_row, "text");
      bind (self, incident, "facilitator", self->facilitator_row, "text");
      bind (self, incident, "review-at", self->review_row, "datetime");
      bind (self, incident, "summary", gtk_text_view_get_buffer (self->summary_view), "text");
      bind (self, incident, "impact", gtk_text_view_get_buffer (self->impact_view), "text");
      bind (self, incident, "scope-start", self->scope_start_row, "datetime");
      bind (self, incident, "scope-end", self->scope_end_row, "datetime");
      /* A zone typed keeps the wall clock of the times typed in it. */
      keep_binding (self, g_object_bind_property (incident, "scope-time-zone", self->time_zone_row, "text",
                                                  G_BINDING_SYNC_CREATE));
      bind (self, incident, "out-of-scope", gtk_text_view_get_buffer (self->out_of_scope_view), "text");
      bind (self, incident, "ground-rules", gtk_text_view_get_buffer (self->ground_rules_view), "text");
      keep_binding (self, g_object_bind_property_full (incident, "status", self->status_row, "selected",
                                                       G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                                       status_to_selected, selected_to_status, NULL, NULL));

      /* Times are shown and set in the incident's time zone. */
      keep_binding (self, g_object_bind_property (incident, "scope-time-zone", self->review_row, "time-zone",
                                                  G_BINDING_SYNC_CREATE));
      keep_binding (self, g_object_bind_property (incident, "scope-time-zone", self->scope_start_row, "time-zone",
                                                  G_BINDING_SYNC_CREATE));
      keep_binding (self, g_object_bind_property (incident, "scope-time-zone", self->scope_end_row, "time-zone",
                                                  G_BINDING_SYNC_CREATE));

      for (guint i = 0; i < G_N_ELEMENTS (editable_rows); i++)
        bind_editable (self, editable_rows[i], "editable");
      for (guint i = 0; i < G_N_ELEMENTS (views); i++)
        bind_editable (self, views[i], "editable");
      for (guint i = 0; i < G_N_ELEMENTS (sensitive); i++)
        bind_editable (self, sensitive[i], "sensitive");
      /* Read-only, the severity is shown in its row, without a menu of
       * choices that cannot be taken. */
      bind_editable (self, self->severity_button, "visible");

      g_signal_connect_object (incident, "notify::scope-start", G_CALLBACK (validate_scope), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (incident, "notify::scope-end", G_CALLBACK (validate_scope), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (incident, "notify::scope-time-zone", G_CALLBACK (validate_scope), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (incident, "notify::ground-rules-sent-at", G_CALLBACK (update_sent_label), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::read-only", G_CALLBACK (read_only_changed_cb), self, G_CONNECT_SWAPPED);

      self->metrics = debrief_metrics_new (document);
      g_signal_connect_object (self->metrics, "notify", G_CALLBACK (update_metrics), self, G_CONNECT_SWAPPED);
      /* An item aligned in the Evidence view changes no count: the list
       * of items not on the incident's clock is read again when shown. */
      g_signal_connect_object (self, "map", G_CALLBACK (update_metrics), self, G_CONNECT_SWAPPED);

      read_only_changed_cb (self);
      validate_scope (self);
      update_sent_label (self);
      update_metrics (self);
    }

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}

static void
debrief_overview_page_dispose (GObject *object)
{
  DebriefOverviewPage *self = DEBRIEF_OVERVIEW_PAGE (object);
  GtkWidget *child;

  if (self->bindings != NULL)
    unbind_all (self);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_OVERVIEW_PAGE);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (debrief_overview_page_parent_class)->dispose (object);
}

static void
debrief_overview_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DebriefOverviewPage *self = DEBRIEF_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_overview_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DebriefOverviewPage *self = DEBRIEF_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      debrief_overview_page_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_overview_page_class_init (DebriefOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_overview_page_dispose;
  object_class->get_property = debrief_overview_page_get_property;
  object_class->set_property = debrief_overview_page_set_property;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         DEBRIEF_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DEBRIEF_TYPE_DATE_TIME_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/overview/debrief-overview-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, reference_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, severity_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, severity_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, review_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, summary_view);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, impact_view);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, detect_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, acknowledge_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, mitigate_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, resolve_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, duration_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, events_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, factors_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, actions_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, scope_list);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, scope_start_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, scope_end_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, scope_message);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, out_of_scope_view);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, participant_list);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, ground_rules_view);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, sent_label);

  gtk_widget_class_install_action (widget_class, "overview.add-scope-item", NULL,
                                   debrief_overview_page_add_scope_item);
  gtk_widget_class_install_action (widget_class, "overview.add-participant", NULL,
                                   debrief_overview_page_add_participant);
  gtk_widget_class_install_action (widget_class, "overview.send-invitation", NULL,
                                   debrief_overview_page_send_invitation);
  gtk_widget_class_install_action (widget_class, "overview.severity", "s",
                                   debrief_overview_page_severity);
}

static void
debrief_overview_page_init (DebriefOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);

  /* One undo history for the whole document (Ctrl+Z is win.undo), not one
   * per text field. */
  {
    GtkEditable *editables[] = {
      GTK_EDITABLE (self->title_row), GTK_EDITABLE (self->reference_row),
      GTK_EDITABLE (self->severity_row), GTK_EDITABLE (self->facilitator_row),
      GTK_EDITABLE (self->time_zone_row),
    };
    GtkTextView *views[] = {
      self->summary_view, self->impact_view, self->out_of_scope_view, self->ground_rules_view,
    };

    for (guint i = 0; i < G_N_ELEMENTS (editables); i++)
      gtk_editable_set_enable_undo (editables[i], FALSE);
    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (views[i]), FALSE);
  }

  {
    struct { DebriefDateTimeRow *row; const char *property; } pickers[] = {
      { self->review_row, "review-at" },
      { self->scope_start_row, "scope-start" },
      { self->scope_end_row, "scope-end" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (pickers); i++)
      {
        g_object_set_data (G_OBJECT (pickers[i].row), "debrief-property", (gpointer) pickers[i].property);
        debrief_date_time_row_set_suggest_func (pickers[i].row, suggest_time_cb, self, NULL);
      }
  }
  g_signal_connect_object (self->time_zone_row, "notify::text", G_CALLBACK (time_zone_changed_cb), self, G_CONNECT_SWAPPED);

  update_actions (self);
}
