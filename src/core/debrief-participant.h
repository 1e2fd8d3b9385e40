/* debrief-participant.h
 *
 * A person taking part in the review, with their role.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-enums.h"
#include "debrief-enum-types.h"
#include "debrief-record.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_PARTICIPANT (debrief_participant_get_type ())

G_DECLARE_FINAL_TYPE (DebriefParticipant, debrief_participant, DEBRIEF, PARTICIPANT, DebriefRecord)

DebriefParticipant  *debrief_participant_new          (void);
gint64               debrief_participant_get_position (DebriefParticipant *self);
void                 debrief_participant_set_position (DebriefParticipant *self,
                                                       gint64              value);
const char          *debrief_participant_get_name     (DebriefParticipant *self);
void                 debrief_participant_set_name     (DebriefParticipant *self,
                                                       const char         *value);
const char          *debrief_participant_get_role     (DebriefParticipant *self);
void                 debrief_participant_set_role     (DebriefParticipant *self,
                                                       const char         *value);
const char          *debrief_participant_get_team     (DebriefParticipant *self);
void                 debrief_participant_set_team     (DebriefParticipant *self,
                                                       const char         *value);
const char          *debrief_participant_get_contact  (DebriefParticipant *self);
void                 debrief_participant_set_contact  (DebriefParticipant *self,
                                                       const char         *value);
gboolean             debrief_participant_get_present  (DebriefParticipant *self);
void                 debrief_participant_set_present  (DebriefParticipant *self,
                                                       gboolean            value);

G_END_DECLS
