/* debrief-evidence-row.h
 *
 * A row of the Evidence view's list: an item's icon, its title, its size
 * and the times it spans.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "debrief-evidence.h"
#include "debrief-incident.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_EVIDENCE_ROW (debrief_evidence_row_get_type ())

G_DECLARE_FINAL_TYPE (DebriefEvidenceRow, debrief_evidence_row, DEBRIEF, EVIDENCE_ROW, GtkWidget)

GtkWidget       *debrief_evidence_row_new          (void);
DebriefEvidence *debrief_evidence_row_get_evidence (DebriefEvidenceRow *self);
void             debrief_evidence_row_set_evidence (DebriefEvidenceRow *self,
                                                    DebriefEvidence    *evidence);
/* The incident whose time zone the times are shown in. */
DebriefIncident *debrief_evidence_row_get_incident (DebriefEvidenceRow *self);
void             debrief_evidence_row_set_incident (DebriefEvidenceRow *self,
                                                    DebriefIncident    *incident);

/* "02:11:07 – 02:45:00", with dates when they differ from each other;
 * NULL when @evidence has no times. */
char            *debrief_evidence_format_range     (DebriefEvidence    *evidence,
                                                    GTimeZone          *zone);

G_END_DECLS
