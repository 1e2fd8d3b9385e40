/* debrief-phase-marker.h
 *
 * A moment that divides the outage into phases: impact started, detected, acknowledged, mitigated, resolved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-enums.h"
#include "debrief-enum-types.h"
#include "debrief-record.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_PHASE_MARKER (debrief_phase_marker_get_type ())

G_DECLARE_FINAL_TYPE (DebriefPhaseMarker, debrief_phase_marker, DEBRIEF, PHASE_MARKER, DebriefRecord)

DebriefPhaseMarker  *debrief_phase_marker_new       (void);
DebriefMarkerKind    debrief_phase_marker_get_kind  (DebriefPhaseMarker *self);
void                 debrief_phase_marker_set_kind  (DebriefPhaseMarker *self,
                                                     DebriefMarkerKind   value);
GDateTime           *debrief_phase_marker_get_at    (DebriefPhaseMarker *self);
void                 debrief_phase_marker_set_at    (DebriefPhaseMarker *self,
                                                     GDateTime          *value);
const char          *debrief_phase_marker_get_notes (DebriefPhaseMarker *self);
void                 debrief_phase_marker_set_notes (DebriefPhaseMarker *self,
                                                     const char         *value);

G_END_DECLS
