/* debrief-evidence-kind.h
 *
 * Telling what kind of evidence a file is from its first bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "debrief-enums.h"

G_BEGIN_DECLS

/* How much of a file debrief_evidence_detect_kind() wants to see: more is
 * not looked at. */
#define DEBRIEF_EVIDENCE_SAMPLE_SIZE (64 * 1024)

DebriefEvidenceKind  debrief_evidence_detect_kind           (GBytes              *sample,
                                                             const char          *file_name,
                                                             const char          *media_type);
const char          *debrief_evidence_kind_get_name         (DebriefEvidenceKind  kind);
const char          *debrief_evidence_kind_get_icon_name    (DebriefEvidenceKind  kind);

G_END_DECLS
