/* debrief-report-render.h
 *
 * A written document (Markdown, an e-mail, plain text) rendered as the
 * text to show, the styles over its spans, and a map back to the lines
 * of the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The styles a span of the shown text has; a viewer gives each its look. */
typedef enum
{
  DEBRIEF_REPORT_TAG_H1,
  DEBRIEF_REPORT_TAG_H2,
  DEBRIEF_REPORT_TAG_H3,
  DEBRIEF_REPORT_TAG_H4,
  DEBRIEF_REPORT_TAG_CODE_BLOCK,
  DEBRIEF_REPORT_TAG_CODE_FIRST,
  DEBRIEF_REPORT_TAG_CODE_LAST,
  DEBRIEF_REPORT_TAG_TABLE,
  DEBRIEF_REPORT_TAG_QUOTE,
  DEBRIEF_REPORT_TAG_LIST_0,
  DEBRIEF_REPORT_TAG_LIST_1,
  DEBRIEF_REPORT_TAG_LIST_2,
  DEBRIEF_REPORT_TAG_LIST_3,
  DEBRIEF_REPORT_TAG_RULE,
  DEBRIEF_REPORT_TAG_HEADER,
  DEBRIEF_REPORT_TAG_NOTICE,
  DEBRIEF_REPORT_TAG_BOLD,
  DEBRIEF_REPORT_TAG_ITALIC,
  DEBRIEF_REPORT_TAG_STRIKE,
  DEBRIEF_REPORT_TAG_CODE,
  DEBRIEF_REPORT_TAG_LINK,
  DEBRIEF_REPORT_TAG_HEADER_NAME,
  DEBRIEF_REPORT_N_TAGS
} DebriefReportTag;

/* Where a piece of the shown text comes from: from @offset (in
 * characters of the buffer) up to the next segment, line @source_line
 * of the file. */
typedef struct
{
  int   offset;
  guint source_line;
} DebriefReportSegment;

/* @tag over the characters from @start up to @end. */
typedef struct
{
  int              start;
  int              end;
  DebriefReportTag tag;
} DebriefReportSpan;

/**
 * DebriefReportRender:
 * @text: the text to show, valid UTF-8
 * @length: its length in bytes
 * @spans: (element-type DebriefReportSpan): styled spans, in characters
 * @segments: (element-type DebriefReportSegment): by offset and by line
 * @soft_breaks: (element-type int): offsets of the newlines that only the
 *   display has, where a very long line was broken
 */
typedef struct
{
  char   *text;
  gsize   length;
  GArray *spans;
  GArray *segments;
  GArray *soft_breaks;
} DebriefReportRender;

DebriefReportRender *debrief_report_render_new  (const char          *text,
                                                 gsize                length,
                                                 const char          *file_name);
void                 debrief_report_render_free (DebriefReportRender *render);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DebriefReportRender, debrief_report_render_free)

G_END_DECLS
