/* debrief-timeline-event.c
 *
 * An event on the timeline, with the state of a system, optionally citing a range of evidence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-timeline-event"

#include "config.h"

#include "debrief-timeline-event.h"

struct _DebriefTimelineEvent
{
  DebriefRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (DebriefTimelineEvent, debrief_timeline_event, DEBRIEF_TYPE_RECORD)

enum {
  PROP_0,
  PROP_POSITION,
  PROP_OCCURRED_AT,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_SYSTEM,
  PROP_STATE,
  PROP_PHASE,
  PROP_EVIDENCE_UUID,
  PROP_EVIDENCE_FIRST,
  PROP_EVIDENCE_LAST,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

DebriefTimelineEvent *
debrief_timeline_event_new (void)
{
  return g_object_new (DEBRIEF_TYPE_TIMELINE_EVENT, NULL);
}

gint64
debrief_timeline_event_get_position (DebriefTimelineEvent *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_EVENT (self), 0);

  return debrief_record_get_int64 (DEBRIEF_RECORD (self), properties [PROP_POSITION]);
}

void
debrief_timeline_event_set_position (DebriefTimelineEvent *self,
                                     gint64                value)
{
  g_return_if_fail (DEBRIEF_IS_TIMELINE_EVENT (self));

  debrief_record_set_int64 (DEBRIEF_RECORD (self), properties [PROP_POSITION], value);
}

/**
 * debrief_timeline_event_get_occurred_at:
 * @self: a #DebriefTimelineEvent
 *
 * Returns: (transfer none) (nullable): the occurred at
 */
GDateTime *
debrief_timeline_event_get_occurred_at (DebriefTimelineEvent *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_EVENT (self), NULL);

  return debrief_record_get_datetime (DEBRIEF_RECORD (self), properties [PROP_OCCURRED_AT]);
}

void
debrief_timeline_event_set_occurred_at (DebriefTimelineEvent *self,
                                        GDateTime            *value)
{
  g_return_if_fail (DEBRIEF_IS_TIMELINE_EVENT (self));

  debrief_record_set_datetime (DEBRIEF_RECORD (self), properties [PROP_OCCURRED_AT], value);
}

const char *
debrief_timeline_event_get_title (DebriefTimelineEvent *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_EVENT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_TITLE]);
}

void
debrief_timeline_event_set_title (DebriefTimelineEvent *self,
                                  const char           *value)
{
  g_return_if_fail (DEBRIEF_IS_TIMELINE_EVENT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_TITLE], value);
}

const char *
debrief_timeline_event_get_description (DebriefTimelineEvent *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_EVENT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_DESCRIPTION]);
}

void
debrief_timeline_event_set_description (DebriefTimelineEvent *self,
                                        const char           *value)
{
  g_return_if_fail (DEBRIEF_IS_TIMELINE_EVENT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_DESCRIPTION], value);
}

const char *
debrief_timeline_event_get_system (DebriefTimelineEvent *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_EVENT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_SYSTEM]);
}

void
debrief_timeline_event_set_system (DebriefTimelineEvent *self,
                                   const char           *value)
{
  g_return_if_fail (DEBRIEF_IS_TIMELINE_EVENT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_SYSTEM], value);
}

const char *
debrief_timeline_event_get_state (DebriefTimelineEvent *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_EVENT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_STATE]);
}

void
debrief_timeline_event_set_state (DebriefTimelineEvent *self,
                                  const char           *value)
{
  g_return_if_fail (DEBRIEF_IS_TIMELINE_EVENT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_STATE], value);
}

DebriefPhase
debrief_timeline_event_get_phase (DebriefTimelineEvent *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_EVENT (self), 0);

  return (DebriefPhase) debrief_record_get_enum (DEBRIEF_RECORD (self), properties [PROP_PHASE]);
}

void
debrief_timeline_event_set_phase (DebriefTimelineEvent *self,
                                  DebriefPhase          value)
{
  g_return_if_fail (DEBRIEF_IS_TIMELINE_EVENT (self));

  debrief_record_set_enum (DEBRIEF_RECORD (self), properties [PROP_PHASE], value);
}

const char *
debrief_timeline_event_get_evidence_uuid (DebriefTimelineEvent *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_EVENT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_EVIDENCE_UUID]);
}

void
debrief_timeline_event_set_evidence_uuid (DebriefTimelineEvent *self,
                                          const char           *value)
{
  g_return_if_fail (DEBRIEF_IS_TIMELINE_EVENT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_EVIDENCE_UUID], value);
}

gint64
debrief_timeline_event_get_evidence_first (DebriefTimelineEvent *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_EVENT (self), 0);

  return debrief_record_get_int64 (DEBRIEF_RECORD (self), properties [PROP_EVIDENCE_FIRST]);
}

void
debrief_timeline_event_set_evidence_first (DebriefTimelineEvent *self,
                                           gint64                value)
{
  g_return_if_fail (DEBRIEF_IS_TIMELINE_EVENT (self));

  debrief_record_set_int64 (DEBRIEF_RECORD (self), properties [PROP_EVIDENCE_FIRST], value);
}

gint64
debrief_timeline_event_get_evidence_last (DebriefTimelineEvent *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_EVENT (self), 0);

  return debrief_record_get_int64 (DEBRIEF_RECORD (self), properties [PROP_EVIDENCE_LAST]);
}

void
debrief_timeline_event_set_evidence_last (DebriefTimelineEvent *self,
                                          gint64                value)
{
  g_return_if_fail (DEBRIEF_IS_TIMELINE_EVENT (self));

  debrief_record_set_int64 (DEBRIEF_RECORD (self), properties [PROP_EVIDENCE_LAST], value);
}

static void
debrief_timeline_event_class_init (DebriefTimelineEventClass *klass)
{
  properties [PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_OCCURRED_AT] =
    g_param_spec_boxed ("occurred-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SYSTEM] =
    g_param_spec_string ("system", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL,
                       DEBRIEF_TYPE_PHASE,
                       DEBRIEF_PHASE_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EVIDENCE_UUID] =
    g_param_spec_string ("evidence-uuid", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EVIDENCE_FIRST] =
    g_param_spec_int64 ("evidence-first", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EVIDENCE_LAST] =
    g_param_spec_int64 ("evidence-last", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  debrief_record_class_install_columns (DEBRIEF_RECORD_CLASS (klass), "timeline_event", N_PROPS, properties);
}

static void
debrief_timeline_event_init (DebriefTimelineEvent *self)
{
}
