/* debrief-test-evidence.h
 *
 * Helpers shared by the tests of the Evidence view in a real window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-application.h"
#include "debrief-document.h"
#include "debrief-evidence-page.h"
#include "debrief-log-model.h"
#include "debrief-log-view.h"
#include "debrief-window.h"

G_BEGIN_DECLS

/* The application the windows belong to */
void                debrief_test_evidence_set_application     (DebriefApplication   *app);
DebriefApplication *debrief_test_evidence_get_application     (void);

/* Test data and widgets */
GFile              *debrief_test_data_file                    (const char           *path);
GtkWidget          *debrief_test_find_button_labelled         (GtkWidget            *widget,
                                                               const char           *label);
GtkWidget          *debrief_test_find_actionable              (GtkWidget            *widget,
                                                               const char           *action);
gboolean            debrief_test_action_enabled               (GtkWidget            *widget,
                                                               const char           *action);

/* What the Evidence view shows */
GPtrArray          *debrief_test_evidence_list_titles         (DebriefEvidencePage  *page);
guint               debrief_test_evidence_list_selected       (DebriefEvidencePage  *page);
GtkStack           *debrief_test_evidence_content_stack       (DebriefEvidencePage  *page);
const char         *debrief_test_evidence_visible_content     (DebriefEvidencePage  *page);
GtkWidget          *debrief_test_evidence_item_pane           (DebriefEvidencePage  *page);
DebriefLogView     *debrief_test_evidence_shown_log_view      (DebriefEvidencePage  *page);
GtkWidget          *debrief_test_evidence_cited_row           (DebriefEvidencePage  *page);

/* A log view's rows */
DebriefLogModel    *debrief_test_log_model_of                 (DebriefLogView       *view);
gint64              debrief_test_selected_line                (DebriefLogView       *view);
gint64              debrief_test_row_usec                     (DebriefLogView       *view,
                                                               guint                 position);

/* The incident's evidence */
DebriefEvidence    *debrief_test_evidence_at                  (DebriefDocument      *document,
                                                               guint                 position);
guint               debrief_test_evidence_count               (DebriefDocument      *document);

/* Toasts */
GtkWidget          *debrief_test_find_toast                   (DebriefWindow        *window,
                                                               const char           *text);
AdwToast           *debrief_test_wait_for_toast               (DebriefWindow        *window,
                                                               const char           *text);
void                debrief_test_dismiss_toasts               (DebriefWindow        *window);

/* Windows and importing */
DebriefWindow      *debrief_test_evidence_new_incident_window (DebriefEvidencePage **page);
void                debrief_test_evidence_wait_for_import     (DebriefEvidencePage  *page);
void                debrief_test_evidence_import_files        (DebriefEvidencePage  *page,
                                                               const char * const   *paths);

G_END_DECLS
