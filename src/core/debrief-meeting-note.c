/* debrief-meeting-note.c
 *
 * A note taken during the review meeting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-meeting-note"

#include "config.h"

#include "debrief-meeting-note.h"

struct _DebriefMeetingNote
{
  DebriefRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (DebriefMeetingNote, debrief_meeting_note, DEBRIEF_TYPE_RECORD)

enum {
  PROP_0,
  PROP_AT,
  PROP_AUTHOR,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

DebriefMeetingNote *
debrief_meeting_note_new (void)
{
  return g_object_new (DEBRIEF_TYPE_MEETING_NOTE, NULL);
}

/**
 * debrief_meeting_note_get_at:
 * @self: a #DebriefMeetingNote
 *
 * Returns: (transfer none) (nullable): the at
 */
GDateTime *
debrief_meeting_note_get_at (DebriefMeetingNote *self)
{
  g_return_val_if_fail (DEBRIEF_IS_MEETING_NOTE (self), NULL);

  return debrief_record_get_datetime (DEBRIEF_RECORD (self), properties [PROP_AT]);
}

void
debrief_meeting_note_set_at (DebriefMeetingNote *self,
                             GDateTime          *value)
{
  g_return_if_fail (DEBRIEF_IS_MEETING_NOTE (self));

  debrief_record_set_datetime (DEBRIEF_RECORD (self), properties [PROP_AT], value);
}

const char *
debrief_meeting_note_get_author (DebriefMeetingNote *self)
{
  g_return_val_if_fail (DEBRIEF_IS_MEETING_NOTE (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_AUTHOR]);
}

void
debrief_meeting_note_set_author (DebriefMeetingNote *self,
                                 const char         *value)
{
  g_return_if_fail (DEBRIEF_IS_MEETING_NOTE (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_AUTHOR], value);
}

const char *
debrief_meeting_note_get_text (DebriefMeetingNote *self)
{
  g_return_val_if_fail (DEBRIEF_IS_MEETING_NOTE (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_TEXT]);
}

void
debrief_meeting_note_set_text (DebriefMeetingNote *self,
                               const char         *value)
{
  g_return_if_fail (DEBRIEF_IS_MEETING_NOTE (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_TEXT], value);
}

static void
debrief_meeting_note_class_init (DebriefMeetingNoteClass *klass)
{
  properties [PROP_AT] =
    g_param_spec_boxed ("at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  debrief_record_class_install_columns (DEBRIEF_RECORD_CLASS (klass), "meeting_note", N_PROPS, properties);
}

static void
debrief_meeting_note_init (DebriefMeetingNote *self)
{
}
