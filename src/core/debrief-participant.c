/* debrief-participant.c
 *
 * A person taking part in the review, with their role.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-participant"

#include "config.h"

#include "debrief-participant.h"

struct _DebriefParticipant
{
  DebriefRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (DebriefParticipant, debrief_participant, DEBRIEF_TYPE_RECORD)

enum {
  PROP_0,
  PROP_POSITION,
  PROP_NAME,
  PROP_ROLE,
  PROP_TEAM,
  PROP_CONTACT,
  PROP_PRESENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

DebriefParticipant *
debrief_participant_new (void)
{
  return g_object_new (DEBRIEF_TYPE_PARTICIPANT, NULL);
}

gint64
debrief_participant_get_position (DebriefParticipant *self)
{
  g_return_val_if_fail (DEBRIEF_IS_PARTICIPANT (self), 0);

  return debrief_record_get_int64 (DEBRIEF_RECORD (self), properties [PROP_POSITION]);
}

void
debrief_participant_set_position (DebriefParticipant *self,
                                  gint64              value)
{
  g_return_if_fail (DEBRIEF_IS_PARTICIPANT (self));

  debrief_record_set_int64 (DEBRIEF_RECORD (self), properties [PROP_POSITION], value);
}

const char *
debrief_participant_get_name (DebriefParticipant *self)
{
  g_return_val_if_fail (DEBRIEF_IS_PARTICIPANT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_NAME]);
}

void
debrief_participant_set_name (DebriefParticipant *self,
                              const char         *value)
{
  g_return_if_fail (DEBRIEF_IS_PARTICIPANT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_NAME], value);
}

const char *
debrief_participant_get_role (DebriefParticipant *self)
{
  g_return_val_if_fail (DEBRIEF_IS_PARTICIPANT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_ROLE]);
}

void
debrief_participant_set_role (DebriefParticipant *self,
                              const char         *value)
{
  g_return_if_fail (DEBRIEF_IS_PARTICIPANT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_ROLE], value);
}

const char *
debrief_participant_get_team (DebriefParticipant *self)
{
  g_return_val_if_fail (DEBRIEF_IS_PARTICIPANT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_TEAM]);
}

void
debrief_participant_set_team (DebriefParticipant *self,
                              const char         *value)
{
  g_return_if_fail (DEBRIEF_IS_PARTICIPANT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_TEAM], value);
}

const char *
debrief_participant_get_contact (DebriefParticipant *self)
{
  g_return_val_if_fail (DEBRIEF_IS_PARTICIPANT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_CONTACT]);
}

void
debrief_participant_set_contact (DebriefParticipant *self,
                                 const char         *value)
{
  g_return_if_fail (DEBRIEF_IS_PARTICIPANT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_CONTACT], value);
}

gboolean
debrief_participant_get_present (DebriefParticipant *self)
{
  g_return_val_if_fail (DEBRIEF_IS_PARTICIPANT (self), 0);

  return debrief_record_get_boolean (DEBRIEF_RECORD (self), properties [PROP_PRESENT]);
}

void
debrief_participant_set_present (DebriefParticipant *self,
                                 gboolean            value)
{
  g_return_if_fail (DEBRIEF_IS_PARTICIPANT (self));

  debrief_record_set_boolean (DEBRIEF_RECORD (self), properties [PROP_PRESENT], value);
}

static void
debrief_participant_class_init (DebriefParticipantClass *klass)
{
  properties [PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TEAM] =
    g_param_spec_string ("team", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CONTACT] =
    g_param_spec_string ("contact", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PRESENT] =
    g_param_spec_boolean ("present", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  debrief_record_class_install_columns (DEBRIEF_RECORD_CLASS (klass), "participant", N_PROPS, properties);
}

static void
debrief_participant_init (DebriefParticipant *self)
{
}
