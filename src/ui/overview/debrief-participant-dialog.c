/* debrief-participant-dialog.c
 *
 * The dialog that adds a participant or edits one: name, role (one of the
 * post-mortem roles or one of the user's own), team, contact, and whether
 * they are present.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-participant-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-roles.h"


#include "debrief-error-dialog.h"
#include "debrief-participant-dialog.h"

typedef struct
{
  DebriefDocument    *document;
  DebriefParticipant *participant;
  char               *user_name;
  char               *default_role;
  gboolean            role_chosen;
  AdwEntryRow        *name;
  AdwComboRow        *role;
  AdwEntryRow        *custom_role;
  AdwEntryRow        *team;
  AdwEntryRow        *contact;
  GtkSwitch          *present;
} Form;

static void
form_free (Form *form)
{
  g_clear_object (&form->document);
  g_clear_object (&form->participant);
  g_free (form->user_name);
  g_free (form->default_role);
  g_free (form);
}

static void
role_chosen_cb (Form *form)
{
  form->role_chosen = TRUE;
}

static guint
n_known_roles (void)
{
  return g_strv_length ((char **) debrief_role_list_ids ());
}

static void
sync_custom_role (Form *form)
{
  /* The last choice, "Another role…", is typed in. */
  gtk_widget_set_visible (GTK_WIDGET (form->custom_role),
                          adw_combo_row_get_selected (form->role) == n_known_roles ());
}

static void
select_role (Form       *form,
             const char *role)
{
  const char * const *ids = debrief_role_list_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], role) == 0)
      adw_combo_row_set_selected (form->role, i);
}

static void
sync_response (AdwMessageDialog *dialog)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->name))));

  adw_message_dialog_set_response_enabled (dialog, "save", *name != '\0');

  /* Adding yourself: the role you usually have (Preferences), until you
   * pick another. */
  if (form->participant == NULL && !form->role_chosen && form->user_name != NULL &&
      g_utf8_collate (name, form->user_name) == 0)
    {
      g_signal_handlers_block_by_func (form->role, G_CALLBACK (role_chosen_cb), form);
      select_role (form, form->default_role);
      g_signal_handlers_unblock_by_func (form->role, G_CALLBACK (role_chosen_cb), form);
    }
}

static char *
chosen_role (Form *form)
{
  guint selected = adw_combo_row_get_selected (form->role);

  if (selected < n_known_roles ())
    return g_strdup (debrief_role_list_ids ()[selected]);

  return debrief_role_from_text (gtk_editable_get_text (GTK_EDITABLE (form->custom_role)));
}

static gint64
next_position (GListModel *model)
{
  guint n_items = g_list_model_get_n_items (model);
  g_autoptr(DebriefParticipant) last = n_items ? g_list_model_get_item (model, n_items - 1) : NULL;

  return last ? debrief_participant_get_position (last) + 1 : 0;
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Form             *form)
{
  g_autoptr(DebriefParticipant) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  DebriefParticipant *participant;

  if (g_strcmp0 (response, "save") != 0)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->name))));
  role = chosen_role (form);

  if (form->participant == NULL)
    {
      added = debrief_participant_new ();
      debrief_participant_set_position (added, next_position (debrief_document_get_records (form->document,
                                                                                            DEBRIEF_TYPE_PARTICIPANT)));
    }
  participant = form->participant ? form->participant : added;

  /* The dialog's changes are one step to undo. */
  debrief_document_begin_group (form->document);
  debrief_participant_set_name (participant, name);
  debrief_participant_set_role (participant, role);
  debrief_participant_set_team (participant, gtk_editable_get_text (GTK_EDITABLE (form->team)));
  debrief_participant_set_contact (participant, gtk_editable_get_text (GTK_EDITABLE (form->contact)));
  debrief_participant_set_present (participant, gtk_switch_get_active (form->present));
  debrief_document_end_group (form->document);

  if (added != NULL && !debrief_document_add (form->document, DEBRIEF_RECORD (added), &error))
    {
      debrief_show_error (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                          _("Could Not Add the Participant"), error->message);
    }
}

static AdwEntryRow *
entry_row (GtkWidget  *list,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  return ADW_ENTRY_ROW (row);
}

/**
 * debrief_participant_dialog_present:
 * @parent: the window the dialog belongs to
 * @document: the incident
 * @participant: (nullable): the participant to edit, or %NULL to add one
 * @user_name: (nullable): the user's name: a participant added under it
 *   takes @default_role unless a role was picked
 * @default_role: (nullable): the role id for the user, from Preferences
 *
 * Returns: (transfer none): the dialog, which destroys itself
 */
GtkWindow *
debrief_participant_dialog_present (GtkWindow          *parent,
                                    DebriefDocument    *document,
                                    DebriefParticipant *participant,
                                    const char         *user_name,
                                    const char         *default_role)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  const char * const *ids = debrief_role_list_ids ();
  const char *role = participant ? debrief_participant_get_role (participant) : NULL;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *present_row;
  Form *form;
  guint selected = 0;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), NULL);

  form = g_new0 (Form, 1);
  form->document = g_object_ref (document);
  form->participant = participant ? g_object_ref (participant) : NULL;

  form->user_name = g_strdup (user_name);
  form->default_role = g_strdup (default_role);

  dialog = adw_message_dialog_new (parent,
                                   participant ? _("Edit Participant") : _("Add Participant"),
                                   NULL);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  form->name = entry_row (list, _("Name"), participant ? debrief_participant_get_name (participant) : NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      gtk_string_list_append (roles, debrief_role_get_display_name (ids[i]));
      if (g_strcmp0 (role, ids[i]) == 0)
        selected = i;
    }
  gtk_string_list_append (roles, _("Another role…"));
  if (role != NULL && *role != '\0' && !debrief_role_is_known (role))
    selected = g_strv_length ((char **) ids);

  form->role = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->role), _("Role"));
  adw_combo_row_set_model (form->role, G_LIST_MODEL (roles));
  adw_combo_row_set_selected (form->role, selected);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->role));

  form->custom_role = entry_row (list, _("Role name"),
                                 role && !debrief_role_is_known (role) ? role : NULL);
  form->team = entry_row (list, _("Team"), participant ? debrief_participant_get_team (participant) : NULL);
  form->contact = entry_row (list, _("E-mail or other contact"),
                             participant ? debrief_participant_get_contact (participant) : NULL);

  form->present = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (form->present), GTK_ALIGN_CENTER);
  gtk_switch_set_active (form->present, participant ? debrief_participant_get_present (participant) : TRUE);
  present_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (present_row), _("Present at the review"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (present_row), GTK_WIDGET (form->present));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (present_row), GTK_WIDGET (form->present));
  gtk_list_box_append (GTK_LIST_BOX (list), present_row);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", participant ? _("_Save") : _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "form", form, (GDestroyNotify) form_free);
  g_signal_connect_swapped (form->role, "notify::selected", G_CALLBACK (sync_custom_role), form);
  g_signal_connect_swapped (form->role, "notify::selected", G_CALLBACK (role_chosen_cb), form);
  g_signal_connect_swapped (form->name, "changed", G_CALLBACK (sync_response), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), form);

  sync_custom_role (form);
  sync_response (ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (form->name));

  return GTK_WINDOW (dialog);
}
