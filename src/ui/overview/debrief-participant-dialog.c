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

#include "debrief-error-dialog.h"
#include "debrief-participant-dialog.h"

#include "debrief-role-choice.h"
#include "debrief-roles.h"

struct _DebriefParticipantDialog
{
  AdwMessageDialog    parent_instance;

  AdwEntryRow        *name;
  AdwComboRow        *role;
  AdwEntryRow        *custom_role;
  AdwEntryRow        *team;
  AdwEntryRow        *contact;
  GtkSwitch          *present;

  DebriefDocument    *document;
  DebriefParticipant *participant;
  char               *user_name;
  char               *default_role;
  gboolean            role_chosen;
};

G_DEFINE_FINAL_TYPE (DebriefParticipantDialog, debrief_participant_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
role_chosen_cb (DebriefParticipantDialog *self)
{
  self->role_chosen = TRUE;
}

static guint
n_known_roles (void)
{
  return g_strv_length ((char **) debrief_role_list_ids ());
}

static void
sync_custom_role (DebriefParticipantDialog *self)
{
  /* The last choice, "Another role…", is typed in. */
  gtk_widget_set_visible (GTK_WIDGET (self->custom_role),
                          adw_combo_row_get_selected (self->role) == n_known_roles ());
}

static void
select_role (DebriefParticipantDialog *self,
             const char               *role)
{
  const char * const *ids = debrief_role_list_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], role) == 0)
      adw_combo_row_set_selected (self->role, i);
}

static void
sync_response (DebriefParticipantDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", *name != '\0');

  /* Adding yourself: the role you usually have (Preferences), until you
   * pick another. */
  if (self->participant == NULL && !self->role_chosen && self->user_name != NULL &&
      g_utf8_collate (name, self->user_name) == 0)
    {
      g_signal_handlers_block_by_func (self->role, G_CALLBACK (role_chosen_cb), self);
      select_role (self, self->default_role);
      g_signal_handlers_unblock_by_func (self->role, G_CALLBACK (role_chosen_cb), self);
    }
}

static char *
chosen_role (DebriefParticipantDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->role);

  if (selected < n_known_roles ())
    return g_strdup (debrief_role_list_ids ()[selected]);

  return debrief_role_from_text (gtk_editable_get_text (GTK_EDITABLE (self->custom_role)));
}

static gint64
next_position (GListModel *model)
{
  guint n_items = g_list_model_get_n_items (model);
  g_autoptr(DebriefParticipant) last = n_items ? g_list_model_get_item (model, n_items - 1) : NULL;

  return last ? debrief_participant_get_position (last) + 1 : 0;
}

static void
response_cb (DebriefParticipantDialog *self,
             const char               *response)
{
  g_autoptr(DebriefParticipant) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  DebriefParticipant *participant;

  if (g_strcmp0 (response, "save") != 0)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name))));
  role = chosen_role (self);

  if (self->participant == NULL)
    {
      added = debrief_participant_new ();
      debrief_participant_set_position (added, next_position (debrief_document_get_records (self->document,
                                                                                            DEBRIEF_TYPE_PARTICIPANT)));
    }
  participant = self->participant ? self->participant : added;

  /* The dialog's changes are one step to undo. */
  debrief_document_begin_group (self->document);
  debrief_participant_set_name (participant, name);
  debrief_participant_set_role (participant, role);
  debrief_participant_set_team (participant, gtk_editable_get_text (GTK_EDITABLE (self->team)));
  debrief_participant_set_contact (participant, gtk_editable_get_text (GTK_EDITABLE (self->contact)));
  debrief_participant_set_present (participant, gtk_switch_get_active (self->present));
  debrief_document_end_group (self->document);

  if (added != NULL && !debrief_document_add (self->document, DEBRIEF_RECORD (added), &error))
    {
      debrief_show_error (gtk_window_get_transient_for (GTK_WINDOW (self)),
                          _("Could Not Add the Participant"), error->message);
    }
}

static void
debrief_participant_dialog_dispose (GObject *object)
{
  DebriefParticipantDialog *self = DEBRIEF_PARTICIPANT_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_object (&self->participant);

  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_PARTICIPANT_DIALOG);

  G_OBJECT_CLASS (debrief_participant_dialog_parent_class)->dispose (object);
}

static void
debrief_participant_dialog_finalize (GObject *object)
{
  DebriefParticipantDialog *self = DEBRIEF_PARTICIPANT_DIALOG (object);

  g_free (self->user_name);
  g_free (self->default_role);

  G_OBJECT_CLASS (debrief_participant_dialog_parent_class)->finalize (object);
}

static void
debrief_participant_dialog_class_init (DebriefParticipantDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_participant_dialog_dispose;
  object_class->finalize = debrief_participant_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/overview/debrief-participant-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefParticipantDialog, name);
  gtk_widget_class_bind_template_child (widget_class, DebriefParticipantDialog, role);
  gtk_widget_class_bind_template_child (widget_class, DebriefParticipantDialog, custom_role);
  gtk_widget_class_bind_template_child (widget_class, DebriefParticipantDialog, team);
  gtk_widget_class_bind_template_child (widget_class, DebriefParticipantDialog, contact);
  gtk_widget_class_bind_template_child (widget_class, DebriefParticipantDialog, present);
}

static void
debrief_participant_dialog_init (DebriefParticipantDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * debrief_participant_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @document: the incident
 * @participant: (nullable): the participant to edit, or %NULL to add one
 * @user_name: (nullable): the user's name: a participant added under it
 *   takes @default_role unless a role was picked
 * @default_role: (nullable): the role id for the user, from Preferences
 *
 * Returns: (transfer floating): the dialog, filled in from @participant
 */
DebriefParticipantDialog *
debrief_participant_dialog_new (GtkWindow          *parent,
                                DebriefDocument    *document,
                                DebriefParticipant *participant,
                                const char         *user_name,
                                const char         *default_role)
{
  const char * const *ids = debrief_role_list_ids ();
  /* A new participant starts with the role Preferences gives, not with
   * the first of the list. */
  const char *role = participant ? debrief_participant_get_role (participant) : default_role;
  DebriefParticipantDialog *self;
  guint selected = 0;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (!participant || DEBRIEF_IS_PARTICIPANT (participant), NULL);

  self = g_object_new (DEBRIEF_TYPE_PARTICIPANT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->document = g_object_ref (document);
  self->participant = participant ? g_object_ref (participant) : NULL;
  self->user_name = g_strdup (user_name);
  self->default_role = g_strdup (default_role);

  if (participant != NULL)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Edit Participant"));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "save", _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->name), debrief_participant_get_name (participant));
      gtk_editable_set_text (GTK_EDITABLE (self->team), debrief_participant_get_team (participant));
      gtk_editable_set_text (GTK_EDITABLE (self->contact), debrief_participant_get_contact (participant));
      gtk_switch_set_active (self->present, debrief_participant_get_present (participant));
    }

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (g_strcmp0 (role, ids[i]) == 0)
        selected = i;
    }
  if (role != NULL && *role != '\0' && !debrief_role_is_known (role))
    {
      selected = g_strv_length ((char **) ids);
      gtk_editable_set_text (GTK_EDITABLE (self->custom_role), role);
    }
  debrief_role_choice_setup (self->role, TRUE);
  adw_combo_row_set_selected (self->role, selected);

  /* Connected only now: filling the form in is not the user choosing. */
  g_signal_connect_swapped (self->role, "notify::selected", G_CALLBACK (sync_custom_role), self);
  g_signal_connect_swapped (self->role, "notify::selected", G_CALLBACK (role_chosen_cb), self);
  g_signal_connect_swapped (self->name, "changed", G_CALLBACK (sync_response), self);
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);

  sync_custom_role (self);
  sync_response (self);

  return self;
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
  DebriefParticipantDialog *self;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), NULL);

  self = debrief_participant_dialog_new (parent, document, participant, user_name, default_role);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name));

  return GTK_WINDOW (self);
}
