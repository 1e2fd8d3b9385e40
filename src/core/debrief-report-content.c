/* debrief-report-content.c
 *
 * A written document among the evidence, read as text and rendered off
 * the main thread, held for the report view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-report-content"

#include "config.h"

#include <string.h>

#include "debrief-content-loader.h"
#include "debrief-report-content.h"
#include "debrief-text.h"

struct _DebriefReportContent
{
  GObject              parent_instance;

  DebriefReportRender *render;
};

G_DEFINE_FINAL_TYPE (DebriefReportContent, debrief_report_content, G_TYPE_OBJECT)

static void
debrief_report_content_finalize (GObject *object)
{
  DebriefReportContent *self = DEBRIEF_REPORT_CONTENT (object);

  g_clear_pointer (&self->render, debrief_report_render_free);

  G_OBJECT_CLASS (debrief_report_content_parent_class)->finalize (object);
}

static void
debrief_report_content_class_init (DebriefReportContentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = debrief_report_content_finalize;
}

static void
debrief_report_content_init (DebriefReportContent *self)
{
}

/**
 * debrief_report_content_new:
 * @text: the document, valid UTF-8
 * @length: its length in bytes, or -1 when @text ends with a NUL
 * @file_name: (nullable): the file's name, which says whether it is
 *   Markdown (.md) or an e-mail (.eml); without one, the text does
 *
 * Returns: (transfer full): the document rendered
 */
DebriefReportContent *
debrief_report_content_new (const char *text,
                            gsize       length,
                            const char *file_name)
{
  DebriefReportContent *self;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  self = g_object_new (DEBRIEF_TYPE_REPORT_CONTENT, NULL);
  self->render = debrief_report_render_new (text, length, file_name);

  return self;
}

static GObject *
parse_report (GBytes        *bytes,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  gsize length;
  g_autofree char *text = debrief_text_sanitize (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &length);

  return G_OBJECT (debrief_report_content_new (text, length, data));
}

void
debrief_report_content_load_async (DebriefDocument     *document,
                                   DebriefEvidence     *evidence,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (DEBRIEF_IS_DOCUMENT (document));
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (evidence));

  debrief_content_load_async (document, evidence, debrief_report_content_load_async, parse_report,
                              g_strdup (debrief_evidence_get_original_name (evidence)), g_free,
                              cancellable, callback, user_data);
}

DebriefReportContent *
debrief_report_content_load_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return DEBRIEF_REPORT_CONTENT (debrief_content_load_finish (result, debrief_report_content_load_async, error));
}

const DebriefReportRender *
debrief_report_content_get_render (DebriefReportContent *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT_CONTENT (self), NULL);

  return self->render;
}
