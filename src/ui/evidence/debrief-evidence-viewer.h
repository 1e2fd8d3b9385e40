/* debrief-evidence-viewer.h
 *
 * What the Evidence view asks of the viewer of any kind of evidence: the
 * citation of its selection, a place to show and how to name it, the
 * incident's time zone and the item's clock offset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * DebriefCitation:
 * @first: the first line (of a log, a report, a metrics table) or message
 *   (of a chat) selected, from 0
 * @last: the last one
 * @usec: the aligned time of the selection, µs since 1970 UTC, or
 *   %G_MININT64 when it has none
 * @text: (nullable): the selected text, to quote
 * @by_line: %TRUE when @first and @last are lines of a log, so that the
 *   selection can set the item's clock
 */
typedef struct
{
  guint64   first;
  guint64   last;
  gint64    usec;
  char     *text;
  gboolean  by_line;
} DebriefCitation;

void debrief_citation_clear (DebriefCitation *citation);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DebriefCitation, debrief_citation_clear)

#define DEBRIEF_TYPE_EVIDENCE_VIEWER (debrief_evidence_viewer_get_type ())

G_DECLARE_INTERFACE (DebriefEvidenceViewer, debrief_evidence_viewer, DEBRIEF, EVIDENCE_VIEWER, GtkWidget)

struct _DebriefEvidenceViewerInterface
{
  GTypeInterface parent_iface;

  gboolean (*get_citation)     (DebriefEvidenceViewer *self,
                                DebriefCitation       *citation);
  void     (*select_place)     (DebriefEvidenceViewer *self,
                                gint64                 first,
                                gint64                 last);
  void     (*set_time_zone)    (DebriefEvidenceViewer *self,
                                GTimeZone             *zone);
  void     (*set_clock_offset) (DebriefEvidenceViewer *self,
                                gint64                 offset_usec);
  char    *(*dup_place_label)  (DebriefEvidenceViewer *self,
                                gint64                 first,
                                gint64                 last);
};

gboolean debrief_evidence_viewer_get_citation      (DebriefEvidenceViewer *self,
                                                    DebriefCitation       *citation);
void     debrief_evidence_viewer_select_place      (DebriefEvidenceViewer *self,
                                                    gint64                 first,
                                                    gint64                 last);
void     debrief_evidence_viewer_set_time_zone     (DebriefEvidenceViewer *self,
                                                    GTimeZone             *zone);
void     debrief_evidence_viewer_set_clock_offset  (DebriefEvidenceViewer *self,
                                                    gint64                 offset_usec);
char    *debrief_evidence_viewer_dup_place_label   (DebriefEvidenceViewer *self,
                                                    gint64                 first,
                                                    gint64                 last);
/* For implementations: emits "selection-changed". */
void     debrief_evidence_viewer_selection_changed (DebriefEvidenceViewer *self);

G_END_DECLS
