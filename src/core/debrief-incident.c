/* debrief-incident.c
 *
 * The incident itself: what happened, how bad, its scope and ground rules. A document has exactly one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-incident"

#include "config.h"

#include <string.h>

#include "debrief-document.h"
#include "debrief-evidence.h"
#include "debrief-incident.h"
#include "debrief-time.h"
#include "debrief-validation.h"

struct _DebriefIncident
{
  DebriefRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (DebriefIncident, debrief_incident, DEBRIEF_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_REFERENCE,
  PROP_SEVERITY,
  PROP_STATUS,
  PROP_STARTED_AT,
  PROP_DETECTED_AT,
  PROP_RESOLVED_AT,
  PROP_REVIEW_AT,
  PROP_FACILITATOR,
  PROP_SUMMARY,
  PROP_IMPACT,
  PROP_TRIGGERING_EVENT,
  PROP_DETECTION,
  PROP_RESOLUTION,
  PROP_WENT_WELL,
  PROP_WENT_WRONG,
  PROP_GOT_LUCKY,
  PROP_SCOPE_START,
  PROP_SCOPE_END,
  PROP_SCOPE_TIME_ZONE,
  PROP_OUT_OF_SCOPE,
  PROP_GROUND_RULES,
  PROP_GROUND_RULES_SENT_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

DebriefIncident *
debrief_incident_new (void)
{
  return g_object_new (DEBRIEF_TYPE_INCIDENT, NULL);
}

const char *
debrief_incident_get_title (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_TITLE]);
}

void
debrief_incident_set_title (DebriefIncident *self,
                            const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_TITLE], value);
}

const char *
debrief_incident_get_reference (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_REFERENCE]);
}

void
debrief_incident_set_reference (DebriefIncident *self,
                                const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_REFERENCE], value);
}

const char *
debrief_incident_get_severity (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_SEVERITY]);
}

void
debrief_incident_set_severity (DebriefIncident *self,
                               const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_SEVERITY], value);
}

DebriefIncidentStatus
debrief_incident_get_status (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), 0);

  return (DebriefIncidentStatus) debrief_record_get_enum (DEBRIEF_RECORD (self), properties [PROP_STATUS]);
}

void
debrief_incident_set_status (DebriefIncident       *self,
                             DebriefIncidentStatus  value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_enum (DEBRIEF_RECORD (self), properties [PROP_STATUS], value);
}

/**
 * debrief_incident_get_started_at:
 * @self: a #DebriefIncident
 *
 * Returns: (transfer none) (nullable): the started at
 */
GDateTime *
debrief_incident_get_started_at (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_datetime (DEBRIEF_RECORD (self), properties [PROP_STARTED_AT]);
}

void
debrief_incident_set_started_at (DebriefIncident *self,
                                 GDateTime       *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_datetime (DEBRIEF_RECORD (self), properties [PROP_STARTED_AT], value);
}

/**
 * debrief_incident_get_detected_at:
 * @self: a #DebriefIncident
 *
 * Returns: (transfer none) (nullable): the detected at
 */
GDateTime *
debrief_incident_get_detected_at (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_datetime (DEBRIEF_RECORD (self), properties [PROP_DETECTED_AT]);
}

void
debrief_incident_set_detected_at (DebriefIncident *self,
                                  GDateTime       *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_datetime (DEBRIEF_RECORD (self), properties [PROP_DETECTED_AT], value);
}

/**
 * debrief_incident_get_resolved_at:
 * @self: a #DebriefIncident
 *
 * Returns: (transfer none) (nullable): the resolved at
 */
GDateTime *
debrief_incident_get_resolved_at (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_datetime (DEBRIEF_RECORD (self), properties [PROP_RESOLVED_AT]);
}

void
debrief_incident_set_resolved_at (DebriefIncident *self,
                                  GDateTime       *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_datetime (DEBRIEF_RECORD (self), properties [PROP_RESOLVED_AT], value);
}

/**
 * debrief_incident_get_review_at:
 * @self: a #DebriefIncident
 *
 * Returns: (transfer none) (nullable): the review at
 */
GDateTime *
debrief_incident_get_review_at (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_datetime (DEBRIEF_RECORD (self), properties [PROP_REVIEW_AT]);
}

void
debrief_incident_set_review_at (DebriefIncident *self,
                                GDateTime       *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_datetime (DEBRIEF_RECORD (self), properties [PROP_REVIEW_AT], value);
}

const char *
debrief_incident_get_facilitator (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_FACILITATOR]);
}

void
debrief_incident_set_facilitator (DebriefIncident *self,
                                  const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_FACILITATOR], value);
}

const char *
debrief_incident_get_summary (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_SUMMARY]);
}

void
debrief_incident_set_summary (DebriefIncident *self,
                              const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_SUMMARY], value);
}

const char *
debrief_incident_get_impact (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_IMPACT]);
}

void
debrief_incident_set_impact (DebriefIncident *self,
                             const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_IMPACT], value);
}

const char *
debrief_incident_get_triggering_event (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_TRIGGERING_EVENT]);
}

void
debrief_incident_set_triggering_event (DebriefIncident *self,
                                       const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_TRIGGERING_EVENT], value);
}

const char *
debrief_incident_get_detection (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_DETECTION]);
}

void
debrief_incident_set_detection (DebriefIncident *self,
                                const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_DETECTION], value);
}

const char *
debrief_incident_get_resolution (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_RESOLUTION]);
}

void
debrief_incident_set_resolution (DebriefIncident *self,
                                 const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_RESOLUTION], value);
}

const char *
debrief_incident_get_went_well (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_WENT_WELL]);
}

void
debrief_incident_set_went_well (DebriefIncident *self,
                                const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_WENT_WELL], value);
}

const char *
debrief_incident_get_went_wrong (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_WENT_WRONG]);
}

void
debrief_incident_set_went_wrong (DebriefIncident *self,
                                 const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_WENT_WRONG], value);
}

const char *
debrief_incident_get_got_lucky (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_GOT_LUCKY]);
}

void
debrief_incident_set_got_lucky (DebriefIncident *self,
                                const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_GOT_LUCKY], value);
}

/**
 * debrief_incident_get_scope_start:
 * @self: a #DebriefIncident
 *
 * Returns: (transfer none) (nullable): the scope start
 */
GDateTime *
debrief_incident_get_scope_start (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_datetime (DEBRIEF_RECORD (self), properties [PROP_SCOPE_START]);
}

void
debrief_incident_set_scope_start (DebriefIncident *self,
                                  GDateTime       *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_datetime (DEBRIEF_RECORD (self), properties [PROP_SCOPE_START], value);
}

/**
 * debrief_incident_get_scope_end:
 * @self: a #DebriefIncident
 *
 * Returns: (transfer none) (nullable): the scope end
 */
GDateTime *
debrief_incident_get_scope_end (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_datetime (DEBRIEF_RECORD (self), properties [PROP_SCOPE_END]);
}

void
debrief_incident_set_scope_end (DebriefIncident *self,
                                GDateTime       *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_datetime (DEBRIEF_RECORD (self), properties [PROP_SCOPE_END], value);
}

const char *
debrief_incident_get_scope_time_zone (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_SCOPE_TIME_ZONE]);
}

void
debrief_incident_set_scope_time_zone (DebriefIncident *self,
                                      const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_SCOPE_TIME_ZONE], value);
}

const char *
debrief_incident_get_out_of_scope (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_OUT_OF_SCOPE]);
}

void
debrief_incident_set_out_of_scope (DebriefIncident *self,
                                   const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_OUT_OF_SCOPE], value);
}

const char *
debrief_incident_get_ground_rules (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_GROUND_RULES]);
}

void
debrief_incident_set_ground_rules (DebriefIncident *self,
                                   const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_GROUND_RULES], value);
}

/**
 * debrief_incident_get_ground_rules_sent_at:
 * @self: a #DebriefIncident
 *
 * Returns: (transfer none) (nullable): the ground rules sent at
 */
GDateTime *
debrief_incident_get_ground_rules_sent_at (DebriefIncident *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);

  return debrief_record_get_datetime (DEBRIEF_RECORD (self), properties [PROP_GROUND_RULES_SENT_AT]);
}

void
debrief_incident_set_ground_rules_sent_at (DebriefIncident *self,
                                           GDateTime       *value)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  debrief_record_set_datetime (DEBRIEF_RECORD (self), properties [PROP_GROUND_RULES_SENT_AT], value);
}

static void
debrief_incident_class_init (DebriefIncidentClass *klass)
{
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SEVERITY] =
    g_param_spec_string ("severity", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       DEBRIEF_TYPE_INCIDENT_STATUS,
                       DEBRIEF_INCIDENT_STATUS_DRAFT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STARTED_AT] =
    g_param_spec_boxed ("started-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DETECTED_AT] =
    g_param_spec_boxed ("detected-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_RESOLVED_AT] =
    g_param_spec_boxed ("resolved-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REVIEW_AT] =
    g_param_spec_boxed ("review-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FACILITATOR] =
    g_param_spec_string ("facilitator", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_IMPACT] =
    g_param_spec_string ("impact", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TRIGGERING_EVENT] =
    g_param_spec_string ("triggering-event", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DETECTION] =
    g_param_spec_string ("detection", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_RESOLUTION] =
    g_param_spec_string ("resolution", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_WENT_WELL] =
    g_param_spec_string ("went-well", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_WENT_WRONG] =
    g_param_spec_string ("went-wrong", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_GOT_LUCKY] =
    g_param_spec_string ("got-lucky", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SCOPE_START] =
    g_param_spec_boxed ("scope-start", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SCOPE_END] =
    g_param_spec_boxed ("scope-end", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SCOPE_TIME_ZONE] =
    g_param_spec_string ("scope-time-zone", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_OUT_OF_SCOPE] =
    g_param_spec_string ("out-of-scope", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_GROUND_RULES] =
    g_param_spec_string ("ground-rules", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_GROUND_RULES_SENT_AT] =
    g_param_spec_boxed ("ground-rules-sent-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  debrief_record_class_install_columns (DEBRIEF_RECORD_CLASS (klass), "incident", N_PROPS, properties);
}

static void
debrief_incident_init (DebriefIncident *self)
{
}

/* --- The incident's clock ---------------------------------------------- */

GTimeZone *
debrief_incident_dup_time_zone (DebriefIncident *incident)
{
  g_return_val_if_fail (!incident || DEBRIEF_IS_INCIDENT (incident), NULL);

  return debrief_time_zone_new (incident ? debrief_incident_get_scope_time_zone (incident) : NULL);
}

/* Whether the incident has a time of its own (start, scope or detection)
 * for debrief_incident_dup_reference_time() to give, rather than now.
 */
gboolean
debrief_incident_has_reference_time (DebriefIncident *incident)
{
  g_return_val_if_fail (!incident || DEBRIEF_IS_INCIDENT (incident), FALSE);

  return incident != NULL
         && (debrief_incident_get_started_at (incident) != NULL
             || debrief_incident_get_scope_start (incident) != NULL
             || debrief_incident_get_detected_at (incident) != NULL);
}

GDateTime *
debrief_incident_dup_reference_time (DebriefIncident *incident)
{
  g_autoptr(GTimeZone) zone = debrief_incident_dup_time_zone (incident);
  GDateTime *reference = NULL;

  g_return_val_if_fail (!incident || DEBRIEF_IS_INCIDENT (incident), NULL);

  if (incident != NULL)
    reference = debrief_incident_get_started_at (incident);
  if (reference == NULL && incident != NULL)
    reference = debrief_incident_get_scope_start (incident);
  if (reference == NULL && incident != NULL)
    reference = debrief_incident_get_detected_at (incident);

  return reference != NULL ? g_date_time_to_timezone (reference, zone) : g_date_time_new_now (zone);
}

/* --- Changing the incident's time zone ---------------------------------- */

/* The times a person types in the incident's zone: "10:00" means ten
 * o'clock in that zone, whichever it is. The incident's start, detection
 * and end are recorded instants (from evidence or an import) and keep
 * their instant, as timeline events do. */
static const guint typed_times[] = { PROP_REVIEW_AT, PROP_SCOPE_START, PROP_SCOPE_END };

/* @time's wall clock in @from, read in @to. */
static GDateTime *
keep_wall_clock (GDateTime *time,
                 GTimeZone *from,
                 GTimeZone *to)
{
  g_autoptr(GDateTime) wall = g_date_time_to_timezone (time, from);

  return g_date_time_new (to,
                          g_date_time_get_year (wall),
                          g_date_time_get_month (wall),
                          g_date_time_get_day_of_month (wall),
                          g_date_time_get_hour (wall),
                          g_date_time_get_minute (wall),
                          g_date_time_get_seconds (wall));
}

/**
 * debrief_incident_change_time_zone:
 * @self: a #DebriefIncident
 * @identifier: (nullable): the new time zone, as
 *   debrief_incident_set_scope_time_zone() takes it
 *
 * Changes the incident's time zone as a person does: the times typed in
 * it (the review meeting, the time window) keep their wall clock — a
 * meeting set at 10:00 stays at 10:00, now in the new zone — while
 * recorded instants keep their instant. One step to undo.
 */
void
debrief_incident_change_time_zone (DebriefIncident *self,
                                   const char      *identifier)
{
  g_autoptr(GTimeZone) from = NULL;
  g_autoptr(GTimeZone) to = NULL;
  DebriefDocument *document;

  g_return_if_fail (DEBRIEF_IS_INCIDENT (self));

  if (g_strcmp0 (identifier ? identifier : "", debrief_incident_get_scope_time_zone (self)) == 0)
    return;

  from = debrief_incident_dup_time_zone (self);
  to = debrief_time_zone_new (identifier);

  /* Typing a zone's name goes through names of no zone, which mean the
   * local one as the empty name does: nothing moves until the zone does,
   * and the typing stays one step to undo. */
  if (g_strcmp0 (g_time_zone_get_identifier (from), g_time_zone_get_identifier (to)) == 0)
    {
      debrief_incident_set_scope_time_zone (self, identifier);
      return;
    }

  document = debrief_record_get_document (DEBRIEF_RECORD (self));
  if (document != NULL)
    debrief_document_begin_group (document);

  for (guint i = 0; i < G_N_ELEMENTS (typed_times); i++)
    {
      GDateTime *time = debrief_record_get_datetime (DEBRIEF_RECORD (self), properties [typed_times[i]]);
      g_autoptr(GDateTime) moved = NULL;

      if (time == NULL)
        continue;
      moved = keep_wall_clock (time, from, to);
      debrief_record_set_datetime (DEBRIEF_RECORD (self), properties [typed_times[i]], moved);
    }
  debrief_incident_set_scope_time_zone (self, identifier);

  if (document != NULL)
    debrief_document_end_group (document);
}

/* --- Where a date picker opens ----------------------------------------- */

/* The first or last time of all the evidence, aligned; G_MININT64 when
 * none has one. */
static gint64
evidence_bound (DebriefIncident *self,
                gboolean         last)
{
  DebriefDocument *document = debrief_record_get_document (DEBRIEF_RECORD (self));
  GListModel *items;
  gint64 bound = G_MININT64;

  if (document == NULL)
    return G_MININT64;

  items = debrief_document_get_records (document, DEBRIEF_TYPE_EVIDENCE);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(DebriefEvidence) evidence = g_list_model_get_item (items, i);
      gint64 usec = last ? debrief_evidence_get_aligned_last_usec (evidence)
                         : debrief_evidence_get_aligned_first_usec (evidence);

      if (usec != G_MININT64 && (bound == G_MININT64 || (last ? usec > bound : usec < bound)))
        bound = usec;
    }

  return bound;
}

static GDateTime *
first_of (GDateTime *a,
          GDateTime *b,
          GDateTime *c)
{
  return a ? a : b ? b : c;
}

/**
 * debrief_incident_dup_suggested_time:
 * @self: a #DebriefIncident
 * @property: "scope-start", "scope-end" or "review-at"
 *
 * Where a picker for @property opens while it is empty, so that an
 * incident of last March is not nine clicks per field away: the time
 * window's start at the incident's start (its recorded start or
 * detection, else the evidence's first time); its end at its start; the
 * review meeting at the incident's end (the time window's end, its
 * resolution, the evidence's last time).
 *
 * Returns: (transfer full) (nullable): the time in the incident's zone,
 *   or %NULL when the incident has none (today, then)
 */
GDateTime *
debrief_incident_dup_suggested_time (DebriefIncident *self,
                                     const char      *property)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) evidence_first = NULL;
  g_autoptr(GDateTime) evidence_last = NULL;
  GDateTime *start;
  GDateTime *suggested;

  g_return_val_if_fail (DEBRIEF_IS_INCIDENT (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  zone = debrief_incident_dup_time_zone (self);
  evidence_first = debrief_date_time_new_from_usec (evidence_bound (self, FALSE));
  start = first_of (debrief_incident_get_started_at (self), debrief_incident_get_detected_at (self),
                    evidence_first);

  if (strcmp (property, "scope-start") == 0)
    suggested = start;
  else if (strcmp (property, "scope-end") == 0)
    suggested = first_of (debrief_incident_get_scope_start (self), start, NULL);
  else if (strcmp (property, "review-at") == 0)
    {
      evidence_last = debrief_date_time_new_from_usec (evidence_bound (self, TRUE));
      suggested = first_of (debrief_incident_get_scope_end (self), debrief_incident_get_resolved_at (self),
                            first_of (evidence_last, debrief_incident_get_scope_start (self), start));
    }
  else
    g_return_val_if_reached (NULL);

  return suggested ? g_date_time_to_timezone (suggested, zone) : NULL;
}
