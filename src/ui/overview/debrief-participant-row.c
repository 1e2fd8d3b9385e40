/* debrief-participant-row.c
 *
 * A row of the Overview's participant list, kept up to date with its
 * participant: a change made in the dialog, by Undo or elsewhere shows at
 * once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-participant-row"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-participant-row.h"

#include "debrief-roles.h"

struct _DebriefParticipantRow
{
  AdwActionRow        parent_instance;

  GtkButton          *edit;
  GtkButton          *remove;

  DebriefParticipant *participant;
  gboolean            editable;
};

G_DEFINE_FINAL_TYPE (DebriefParticipantRow, debrief_participant_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_PARTICIPANT,
  PROP_EDITABLE,
  N_PROPS
};

enum {
  EDIT,
  REMOVE,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static char *
describe_participant (DebriefParticipant *participant)
{
  const char *role = debrief_role_get_display_name (debrief_participant_get_role (participant));
  const char *team = debrief_participant_get_team (participant);
  g_autoptr(GString) text = g_string_new (role);

  if (*team != '\0')
    g_string_append_printf (text, " · %s", team);
  if (!debrief_participant_get_present (participant))
    g_string_append_printf (text, " · %s", _("absent"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update (DebriefParticipantRow *self)
{
  const char *name;
  g_autofree char *subtitle = NULL;

  if (self->participant == NULL)
    return;

  name = debrief_participant_get_name (self->participant);
  subtitle = describe_participant (self->participant);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), *name ? name : _("Unnamed participant"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
}

static void
edit_clicked_cb (DebriefParticipantRow *self)
{
  g_signal_emit (self, signals [EDIT], 0);
}

static void
remove_clicked_cb (DebriefParticipantRow *self)
{
  g_signal_emit (self, signals [REMOVE], 0);
}

GtkWidget *
debrief_participant_row_new (DebriefParticipant *participant)
{
  g_return_val_if_fail (!participant || DEBRIEF_IS_PARTICIPANT (participant), NULL);

  return g_object_new (DEBRIEF_TYPE_PARTICIPANT_ROW,
                       "participant", participant,
                       NULL);
}

DebriefParticipant *
debrief_participant_row_get_participant (DebriefParticipantRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_PARTICIPANT_ROW (self), NULL);

  return self->participant;
}

void
debrief_participant_row_set_participant (DebriefParticipantRow *self,
                                         DebriefParticipant    *participant)
{
  g_return_if_fail (DEBRIEF_IS_PARTICIPANT_ROW (self));
  g_return_if_fail (!participant || DEBRIEF_IS_PARTICIPANT (participant));

  if (self->participant == participant)
    return;

  if (self->participant != NULL)
    g_signal_handlers_disconnect_by_func (self->participant, update, self);
  g_set_object (&self->participant, participant);
  if (participant != NULL)
    g_signal_connect_object (participant, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PARTICIPANT]);
}

gboolean
debrief_participant_row_get_editable (DebriefParticipantRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_PARTICIPANT_ROW (self), FALSE);

  return self->editable;
}

void
debrief_participant_row_set_editable (DebriefParticipantRow *self,
                                      gboolean               editable)
{
  g_return_if_fail (DEBRIEF_IS_PARTICIPANT_ROW (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  gtk_widget_set_sensitive (GTK_WIDGET (self->edit), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove), editable);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EDITABLE]);
}

static void
debrief_participant_row_dispose (GObject *object)
{
  DebriefParticipantRow *self = DEBRIEF_PARTICIPANT_ROW (object);

  debrief_participant_row_set_participant (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_PARTICIPANT_ROW);

  G_OBJECT_CLASS (debrief_participant_row_parent_class)->dispose (object);
}

static void
debrief_participant_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DebriefParticipantRow *self = DEBRIEF_PARTICIPANT_ROW (object);

  switch (prop_id)
    {
    case PROP_PARTICIPANT:
      g_value_set_object (value, self->participant);
      break;

    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_participant_row_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DebriefParticipantRow *self = DEBRIEF_PARTICIPANT_ROW (object);

  switch (prop_id)
    {
    case PROP_PARTICIPANT:
      debrief_participant_row_set_participant (self, g_value_get_object (value));
      break;

    case PROP_EDITABLE:
      debrief_participant_row_set_editable (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_participant_row_class_init (DebriefParticipantRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_participant_row_dispose;
  object_class->get_property = debrief_participant_row_get_property;
  object_class->set_property = debrief_participant_row_set_property;

  properties [PROP_PARTICIPANT] =
    g_param_spec_object ("participant", NULL, NULL,
                         DEBRIEF_TYPE_PARTICIPANT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DebriefParticipantRow::edit:
   *
   * The user asked to edit the row's participant (the Edit button, or
   * activating the row).
   */
  signals [EDIT] =
    g_signal_new ("edit",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * DebriefParticipantRow::remove:
   *
   * The user asked to remove the row's participant.
   */
  signals [REMOVE] =
    g_signal_new ("remove",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/overview/debrief-participant-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefParticipantRow, edit);
  gtk_widget_class_bind_template_child (widget_class, DebriefParticipantRow, remove);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
debrief_participant_row_init (DebriefParticipantRow *self)
{
  self->editable = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
}
