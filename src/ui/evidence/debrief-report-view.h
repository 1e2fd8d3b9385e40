/* debrief-report-view.h
 *
 * A written document among the evidence: a Markdown or plain-text report,
 * or an e-mail saved as .eml, shown readable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-report-content.h"
#include "debrief-evidence-viewer.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_REPORT_VIEW (debrief_report_view_get_type ())

G_DECLARE_FINAL_TYPE (DebriefReportView, debrief_report_view, DEBRIEF, REPORT_VIEW, GtkWidget)

GtkWidget            *debrief_report_view_new                (void);
void                  debrief_report_view_set_content        (DebriefReportView    *self,
                                                              DebriefReportContent *content);
DebriefReportContent *debrief_report_view_get_content        (DebriefReportView    *self);
void                  debrief_report_view_set_text           (DebriefReportView    *self,
                                                              const char           *text,
                                                              gsize                 length,
                                                              const char           *file_name);
gboolean              debrief_report_view_get_selected_lines (DebriefReportView    *self,
                                                              guint                *first,
                                                              guint                *last);
char                 *debrief_report_view_dup_selected_text  (DebriefReportView    *self);
void                  debrief_report_view_select_lines       (DebriefReportView    *self,
                                                              guint                 first,
                                                              guint                 last);

G_END_DECLS
