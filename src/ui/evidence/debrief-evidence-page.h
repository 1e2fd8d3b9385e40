/* debrief-evidence-page.h
 *
 * The Evidence view: the incident's evidence, imported, read, searched
 * and cited on the timeline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-document.h"
#include "debrief-evidence.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_EVIDENCE_PAGE (debrief_evidence_page_get_type ())

G_DECLARE_FINAL_TYPE (DebriefEvidencePage, debrief_evidence_page, DEBRIEF, EVIDENCE_PAGE, GtkWidget)

void             debrief_evidence_page_set_document   (DebriefEvidencePage *self,
                                                       DebriefDocument     *document);
/* Imports @files (of GFile: files, or folders), as the file chooser and a
 * drop do: in a thread, with progress, one message per failed file. */
void             debrief_evidence_page_import_files   (DebriefEvidencePage *self,
                                                       GListModel          *files);
gboolean         debrief_evidence_page_get_importing  (DebriefEvidencePage *self);
DebriefEvidence *debrief_evidence_page_get_selected   (DebriefEvidencePage *self);
void             debrief_evidence_page_select         (DebriefEvidencePage *self,
                                                       DebriefEvidence     *evidence);
/* Opens the evidence item @uuid at lines (or messages, or rows) @first to
 * @last: the back-link of a timeline event. FALSE if there is no such item. */
gboolean         debrief_evidence_page_show_evidence  (DebriefEvidencePage *self,
                                                       const char          *uuid,
                                                       gint64               first,
                                                       gint64               last);
void             debrief_evidence_page_start_search   (DebriefEvidencePage *self,
                                                       const char          *text);

G_END_DECLS
