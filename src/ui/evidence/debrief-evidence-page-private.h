/* debrief-evidence-page-private.h
 *
 * What the tests of the Evidence view reach beyond its public API.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-evidence-page.h"

G_BEGIN_DECLS

gboolean _debrief_evidence_page_drop (DebriefEvidencePage *self,
                                      const GValue        *value);

G_END_DECLS
