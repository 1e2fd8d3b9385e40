/* debrief-report-render-private.h
 *
 * The parts of the report renderer: the builder of the shown text, which
 * the Markdown and the e-mail renderers share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-report-render.h"

G_BEGIN_DECLS

typedef struct
{
  GString *text;
  int      n_chars;
  gboolean started;
  gsize    line_bytes;     /* on the current line of the buffer */
  int      line_start;     /* offset of the current line of the buffer */
  int      line_tag;       /* a DebriefReportTag over the current line, or -1 */
  int      line_tag_start;
  guint    inline_budget;  /* spans left for the line of the file */
  GArray  *pending_sources; /* of guint: lines shown by nothing, mapped to what follows */
  GArray  *spans;
  GArray  *segments;
  GArray  *soft_breaks;
} DebriefReportBuilder;

/* Starts a line of the shown text that shows line @source_line of the
 * file, with @line_tag (a DebriefReportTag, or -1) over all of it. */
void _debrief_report_builder_start_line    (DebriefReportBuilder  *b,
                                            guint                  source_line,
                                            int                    line_tag);
void _debrief_report_builder_end_line      (DebriefReportBuilder  *b);
void _debrief_report_builder_append        (DebriefReportBuilder  *b,
                                            const char            *text,
                                            gsize                  length);
void _debrief_report_builder_append_tagged (DebriefReportBuilder  *b,
                                            const char            *text,
                                            gsize                  length,
                                            DebriefReportTag       tag);
/* Without the white space at either end. */
void _debrief_report_strip                 (const char           **text,
                                            gsize                 *length);
void _debrief_report_render_email          (DebriefReportBuilder  *b,
                                            const char            *text,
                                            gsize                  length);

G_END_DECLS
