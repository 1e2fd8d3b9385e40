/* debrief-phase-marker.c
 *
 * A moment that divides the outage into phases: impact started, detected, acknowledged, mitigated, resolved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-phase-marker"

#include "config.h"

#include "debrief-phase-marker.h"

struct _DebriefPhaseMarker
{
  DebriefRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (DebriefPhaseMarker, debrief_phase_marker, DEBRIEF_TYPE_RECORD)

enum {
  PROP_0,
  PROP_KIND,
  PROP_AT,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

DebriefPhaseMarker *
debrief_phase_marker_new (void)
{
  return g_object_new (DEBRIEF_TYPE_PHASE_MARKER, NULL);
}

DebriefMarkerKind
debrief_phase_marker_get_kind (DebriefPhaseMarker *self)
{
  g_return_val_if_fail (DEBRIEF_IS_PHASE_MARKER (self), 0);

  return (DebriefMarkerKind) debrief_record_get_enum (DEBRIEF_RECORD (self), properties [PROP_KIND]);
}

void
debrief_phase_marker_set_kind (DebriefPhaseMarker *self,
                               DebriefMarkerKind   value)
{
  g_return_if_fail (DEBRIEF_IS_PHASE_MARKER (self));

  debrief_record_set_enum (DEBRIEF_RECORD (self), properties [PROP_KIND], value);
}

/**
 * debrief_phase_marker_get_at:
 * @self: a #DebriefPhaseMarker
 *
 * Returns: (transfer none) (nullable): the at
 */
GDateTime *
debrief_phase_marker_get_at (DebriefPhaseMarker *self)
{
  g_return_val_if_fail (DEBRIEF_IS_PHASE_MARKER (self), NULL);

  return debrief_record_get_datetime (DEBRIEF_RECORD (self), properties [PROP_AT]);
}

void
debrief_phase_marker_set_at (DebriefPhaseMarker *self,
                             GDateTime          *value)
{
  g_return_if_fail (DEBRIEF_IS_PHASE_MARKER (self));

  debrief_record_set_datetime (DEBRIEF_RECORD (self), properties [PROP_AT], value);
}

const char *
debrief_phase_marker_get_notes (DebriefPhaseMarker *self)
{
  g_return_val_if_fail (DEBRIEF_IS_PHASE_MARKER (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_NOTES]);
}

void
debrief_phase_marker_set_notes (DebriefPhaseMarker *self,
                                const char         *value)
{
  g_return_if_fail (DEBRIEF_IS_PHASE_MARKER (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_NOTES], value);
}

static void
debrief_phase_marker_class_init (DebriefPhaseMarkerClass *klass)
{
  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       DEBRIEF_TYPE_MARKER_KIND,
                       DEBRIEF_MARKER_KIND_IMPACT_START,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AT] =
    g_param_spec_boxed ("at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  debrief_record_class_install_columns (DEBRIEF_RECORD_CLASS (klass), "phase_marker", N_PROPS, properties);
}

static void
debrief_phase_marker_init (DebriefPhaseMarker *self)
{
}
