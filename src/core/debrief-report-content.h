/* debrief-report-content.h
 *
 * A written document among the evidence (Markdown, an e-mail, plain
 * text), rendered for the report view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "debrief-document.h"
#include "debrief-evidence.h"
#include "debrief-report-render.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_REPORT_CONTENT (debrief_report_content_get_type ())

G_DECLARE_FINAL_TYPE (DebriefReportContent, debrief_report_content, DEBRIEF, REPORT_CONTENT, GObject)

DebriefReportContent      *debrief_report_content_new         (const char            *text,
                                                               gsize                  length,
                                                               const char            *file_name);
void                       debrief_report_content_load_async  (DebriefDocument       *document,
                                                               DebriefEvidence       *evidence,
                                                               GCancellable          *cancellable,
                                                               GAsyncReadyCallback    callback,
                                                               gpointer               user_data);
DebriefReportContent      *debrief_report_content_load_finish (GAsyncResult          *result,
                                                               GError               **error);
const DebriefReportRender *debrief_report_content_get_render  (DebriefReportContent  *self);

G_END_DECLS
