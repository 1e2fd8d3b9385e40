/* debrief-incident.h
 *
 * The incident itself: what happened, how bad, its scope and ground rules. A document has exactly one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-enums.h"
#include "debrief-enum-types.h"
#include "debrief-record.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_INCIDENT (debrief_incident_get_type ())

G_DECLARE_FINAL_TYPE (DebriefIncident, debrief_incident, DEBRIEF, INCIDENT, DebriefRecord)

DebriefIncident      *debrief_incident_new                      (void);
const char           *debrief_incident_get_title                (DebriefIncident *self);
void                  debrief_incident_set_title                (DebriefIncident *self,
                                                                 const char      *value);
const char           *debrief_incident_get_reference            (DebriefIncident *self);
void                  debrief_incident_set_reference            (DebriefIncident *self,
                                                                 const char      *value);
const char           *debrief_incident_get_severity             (DebriefIncident *self);
void                  debrief_incident_set_severity             (DebriefIncident *self,
                                                                 const char      *value);
DebriefIncidentStatus debrief_incident_get_status               (DebriefIncident *self);
void                  debrief_incident_set_status               (DebriefIncident       *self,
                                                                 DebriefIncidentStatus  value);
GDateTime            *debrief_incident_get_started_at           (DebriefIncident *self);
void                  debrief_incident_set_started_at           (DebriefIncident *self,
                                                                 GDateTime       *value);
GDateTime            *debrief_incident_get_detected_at          (DebriefIncident *self);
void                  debrief_incident_set_detected_at          (DebriefIncident *self,
                                                                 GDateTime       *value);
GDateTime            *debrief_incident_get_resolved_at          (DebriefIncident *self);
void                  debrief_incident_set_resolved_at          (DebriefIncident *self,
                                                                 GDateTime       *value);
GDateTime            *debrief_incident_get_review_at            (DebriefIncident *self);
void                  debrief_incident_set_review_at            (DebriefIncident *self,
                                                                 GDateTime       *value);
const char           *debrief_incident_get_facilitator          (DebriefIncident *self);
void                  debrief_incident_set_facilitator          (DebriefIncident *self,
                                                                 const char      *value);
const char           *debrief_incident_get_summary              (DebriefIncident *self);
void                  debrief_incident_set_summary              (DebriefIncident *self,
                                                                 const char      *value);
const char           *debrief_incident_get_impact               (DebriefIncident *self);
void                  debrief_incident_set_impact               (DebriefIncident *self,
                                                                 const char      *value);
const char           *debrief_incident_get_triggering_event     (DebriefIncident *self);
void                  debrief_incident_set_triggering_event     (DebriefIncident *self,
                                                                 const char      *value);
const char           *debrief_incident_get_detection            (DebriefIncident *self);
void                  debrief_incident_set_detection            (DebriefIncident *self,
                                                                 const char      *value);
const char           *debrief_incident_get_resolution           (DebriefIncident *self);
void                  debrief_incident_set_resolution           (DebriefIncident *self,
                                                                 const char      *value);
const char           *debrief_incident_get_went_well            (DebriefIncident *self);
void                  debrief_incident_set_went_well            (DebriefIncident *self,
                                                                 const char      *value);
const char           *debrief_incident_get_went_wrong           (DebriefIncident *self);
void                  debrief_incident_set_went_wrong           (DebriefIncident *self,
                                                                 const char      *value);
const char           *debrief_incident_get_got_lucky            (DebriefIncident *self);
void                  debrief_incident_set_got_lucky            (DebriefIncident *self,
                                                                 const char      *value);
GDateTime            *debrief_incident_get_scope_start          (DebriefIncident *self);
void                  debrief_incident_set_scope_start          (DebriefIncident *self,
                                                                 GDateTime       *value);
GDateTime            *debrief_incident_get_scope_end            (DebriefIncident *self);
void                  debrief_incident_set_scope_end            (DebriefIncident *self,
                                                                 GDateTime       *value);
const char           *debrief_incident_get_scope_time_zone      (DebriefIncident *self);
void                  debrief_incident_set_scope_time_zone      (DebriefIncident *self,
                                                                 const char      *value);
const char           *debrief_incident_get_out_of_scope         (DebriefIncident *self);
void                  debrief_incident_set_out_of_scope         (DebriefIncident *self,
                                                                 const char      *value);
const char           *debrief_incident_get_ground_rules         (DebriefIncident *self);
void                  debrief_incident_set_ground_rules         (DebriefIncident *self,
                                                                 const char      *value);
GDateTime            *debrief_incident_get_ground_rules_sent_at (DebriefIncident *self);
void                  debrief_incident_set_ground_rules_sent_at (DebriefIncident *self,
                                                                 GDateTime       *value);

/* The incident's time zone (its scope's, else the local one), and the
 * time that dates times written without a date or year (the incident's
 * start, its scope's start, its detection, else now), in that zone. */
GTimeZone            *debrief_incident_dup_time_zone            (DebriefIncident *incident);
GDateTime            *debrief_incident_dup_reference_time       (DebriefIncident *incident);
gboolean              debrief_incident_has_reference_time       (DebriefIncident *incident);

/* The zone as a person changes it: typed times keep their wall clock. */
void                  debrief_incident_change_time_zone         (DebriefIncident *self,
                                                                 const char      *identifier);
/* Where an empty date picker for "scope-start", "scope-end" or
 * "review-at" opens: near the incident's dates. */
GDateTime            *debrief_incident_dup_suggested_time       (DebriefIncident *self,
                                                                 const char      *property);

G_END_DECLS
