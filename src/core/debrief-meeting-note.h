/* debrief-meeting-note.h
 *
 * A note taken during the review meeting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-enums.h"
#include "debrief-enum-types.h"
#include "debrief-record.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_MEETING_NOTE (debrief_meeting_note_get_type ())

G_DECLARE_FINAL_TYPE (DebriefMeetingNote, debrief_meeting_note, DEBRIEF, MEETING_NOTE, DebriefRecord)

DebriefMeetingNote  *debrief_meeting_note_new        (void);
GDateTime           *debrief_meeting_note_get_at     (DebriefMeetingNote *self);
void                 debrief_meeting_note_set_at     (DebriefMeetingNote *self,
                                                      GDateTime          *value);
const char          *debrief_meeting_note_get_author (DebriefMeetingNote *self);
void                 debrief_meeting_note_set_author (DebriefMeetingNote *self,
                                                      const char         *value);
const char          *debrief_meeting_note_get_text   (DebriefMeetingNote *self);
void                 debrief_meeting_note_set_text   (DebriefMeetingNote *self,
                                                      const char         *value);

G_END_DECLS
