/* debrief-participant-row.h
 *
 * A row of the Overview's participant list: a participant's name, role,
 * team and presence, with buttons to edit and remove them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-participant.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_PARTICIPANT_ROW (debrief_participant_row_get_type ())

G_DECLARE_FINAL_TYPE (DebriefParticipantRow, debrief_participant_row, DEBRIEF, PARTICIPANT_ROW, AdwActionRow)

GtkWidget          *debrief_participant_row_new             (DebriefParticipant    *participant);
DebriefParticipant *debrief_participant_row_get_participant (DebriefParticipantRow *self);
void                debrief_participant_row_set_participant (DebriefParticipantRow *self,
                                                             DebriefParticipant    *participant);
/* Whether the Edit and Remove buttons can be used. */
gboolean            debrief_participant_row_get_editable    (DebriefParticipantRow *self);
void                debrief_participant_row_set_editable    (DebriefParticipantRow *self,
                                                             gboolean               editable);

G_END_DECLS
