/* debrief-evidence-search-panel.h
 *
 * The results of a search across all of an incident's evidence, grouped
 * by item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "debrief-document.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_EVIDENCE_SEARCH_PANEL (debrief_evidence_search_panel_get_type ())

G_DECLARE_FINAL_TYPE (DebriefEvidenceSearchPanel, debrief_evidence_search_panel, DEBRIEF, EVIDENCE_SEARCH_PANEL, GtkWidget)

void debrief_evidence_search_panel_set_document (DebriefEvidenceSearchPanel *self,
                                                 DebriefDocument            *document);
/* Searches in a thread; a search still running is dropped. */
void debrief_evidence_search_panel_search       (DebriefEvidenceSearchPanel *self,
                                                 const char                 *text);
/* Drops the search running, if any. */
void debrief_evidence_search_panel_stop         (DebriefEvidenceSearchPanel *self);

G_END_DECLS
