/* debrief-participant-dialog.h
 *
 * The dialog that adds a participant or edits one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-document.h"
#include "debrief-participant.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_PARTICIPANT_DIALOG (debrief_participant_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DebriefParticipantDialog, debrief_participant_dialog, DEBRIEF, PARTICIPANT_DIALOG, AdwMessageDialog)

DebriefParticipantDialog *debrief_participant_dialog_new     (GtkWindow          *parent,
                                                              DebriefDocument    *document,
                                                              DebriefParticipant *participant,
                                                              const char         *user_name,
                                                              const char         *default_role);
GtkWindow                *debrief_participant_dialog_present (GtkWindow          *parent,
                                                              DebriefDocument    *document,
                                                              DebriefParticipant *participant,
                                                              const char         *user_name,
                                                              const char         *default_role);

G_END_DECLS
