/* debrief-timeline-event.h
 *
 * An event on the timeline, with the state of a system, optionally citing a range of evidence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-enums.h"
#include "debrief-enum-types.h"
#include "debrief-record.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_TIMELINE_EVENT (debrief_timeline_event_get_type ())

G_DECLARE_FINAL_TYPE (DebriefTimelineEvent, debrief_timeline_event, DEBRIEF, TIMELINE_EVENT, DebriefRecord)

DebriefTimelineEvent  *debrief_timeline_event_new                (void);
gint64                 debrief_timeline_event_get_position       (DebriefTimelineEvent *self);
void                   debrief_timeline_event_set_position       (DebriefTimelineEvent *self,
                                                                  gint64                value);
GDateTime             *debrief_timeline_event_get_occurred_at    (DebriefTimelineEvent *self);
void                   debrief_timeline_event_set_occurred_at    (DebriefTimelineEvent *self,
                                                                  GDateTime            *value);
const char            *debrief_timeline_event_get_title          (DebriefTimelineEvent *self);
void                   debrief_timeline_event_set_title          (DebriefTimelineEvent *self,
                                                                  const char           *value);
const char            *debrief_timeline_event_get_description    (DebriefTimelineEvent *self);
void                   debrief_timeline_event_set_description    (DebriefTimelineEvent *self,
                                                                  const char           *value);
const char            *debrief_timeline_event_get_system         (DebriefTimelineEvent *self);
void                   debrief_timeline_event_set_system         (DebriefTimelineEvent *self,
                                                                  const char           *value);
const char            *debrief_timeline_event_get_state          (DebriefTimelineEvent *self);
void                   debrief_timeline_event_set_state          (DebriefTimelineEvent *self,
                                                                  const char           *value);
DebriefPhase           debrief_timeline_event_get_phase          (DebriefTimelineEvent *self);
void                   debrief_timeline_event_set_phase          (DebriefTimelineEvent *self,
                                                                  DebriefPhase          value);
const char            *debrief_timeline_event_get_evidence_uuid  (DebriefTimelineEvent *self);
void                   debrief_timeline_event_set_evidence_uuid  (DebriefTimelineEvent *self,
                                                                  const char           *value);
gint64                 debrief_timeline_event_get_evidence_first (DebriefTimelineEvent *self);
void                   debrief_timeline_event_set_evidence_first (DebriefTimelineEvent *self,
                                                                  gint64                value);
gint64                 debrief_timeline_event_get_evidence_last  (DebriefTimelineEvent *self);
void                   debrief_timeline_event_set_evidence_last  (DebriefTimelineEvent *self,
                                                                  gint64                value);

G_END_DECLS
