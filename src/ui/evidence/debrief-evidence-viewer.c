/* debrief-evidence-viewer.c
 *
 * The interface every viewer of evidence implements, so that the Evidence
 * view cites, reveals and aligns without knowing the viewer's kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-evidence-viewer"

#include "config.h"

#include "debrief-evidence-viewer.h"

G_DEFINE_INTERFACE (DebriefEvidenceViewer, debrief_evidence_viewer, GTK_TYPE_WIDGET)

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
debrief_evidence_viewer_default_init (DebriefEvidenceViewerInterface *iface)
{
  /**
   * DebriefEvidenceViewer::selection-changed:
   *
   * What is selected changed, or the content did: the citation may be
   * another.
   */
  signals [SELECTION_CHANGED] =
    g_signal_new ("selection-changed",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

void
debrief_citation_clear (DebriefCitation *citation)
{
  g_return_if_fail (citation != NULL);

  g_clear_pointer (&citation->text, g_free);
}

/**
 * debrief_evidence_viewer_get_citation:
 * @citation: (out caller-allocates): filled in when something is selected;
 *   clear it with debrief_citation_clear()
 *
 * Returns: whether something is selected that can be cited
 */
gboolean
debrief_evidence_viewer_get_citation (DebriefEvidenceViewer *self,
                                      DebriefCitation       *citation)
{
  DebriefEvidenceViewerInterface *iface;

  g_return_val_if_fail (citation != NULL, FALSE);

  *citation = (DebriefCitation) { 0, 0, G_MININT64, NULL, FALSE };

  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE_VIEWER (self), FALSE);

  iface = DEBRIEF_EVIDENCE_VIEWER_GET_IFACE (self);
  if (iface->get_citation == NULL || !iface->get_citation (self, citation))
    {
      debrief_citation_clear (citation);
      *citation = (DebriefCitation) { 0, 0, G_MININT64, NULL, FALSE };
      return FALSE;
    }

  return TRUE;
}

/**
 * debrief_evidence_viewer_select_place:
 * @first: the first line or message, from 0
 * @last: the last one; less than @first means @first alone
 *
 * Selects lines or messages @first to @last, as a citation named them,
 * and scrolls there.
 */
void
debrief_evidence_viewer_select_place (DebriefEvidenceViewer *self,
                                      gint64                 first,
                                      gint64                 last)
{
  DebriefEvidenceViewerInterface *iface;

  g_return_if_fail (DEBRIEF_IS_EVIDENCE_VIEWER (self));

  iface = DEBRIEF_EVIDENCE_VIEWER_GET_IFACE (self);
  if (first >= 0 && iface->select_place != NULL)
    iface->select_place (self, first, last);
}

/**
 * debrief_evidence_viewer_dup_place_label:
 * @first: the first line or message a citation names, from 0
 * @last: the last one
 *
 * How a citation of @first to @last reads to a person, when the viewer
 * names its places by more than their number: a chat message by its
 * author and time ("Alice, 14 Mar 09:31 CET").
 *
 * Returns: (transfer full) (nullable): the label, or %NULL when the
 *   viewer's places are lines, or its content is not loaded yet
 */
char *
debrief_evidence_viewer_dup_place_label (DebriefEvidenceViewer *self,
                                         gint64                 first,
                                         gint64                 last)
{
  DebriefEvidenceViewerInterface *iface;

  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE_VIEWER (self), NULL);

  iface = DEBRIEF_EVIDENCE_VIEWER_GET_IFACE (self);
  if (first < 0 || iface->dup_place_label == NULL)
    return NULL;

  return iface->dup_place_label (self, first, last);
}

/* The incident's time zone, in which times are shown. */
void
debrief_evidence_viewer_set_time_zone (DebriefEvidenceViewer *self,
                                       GTimeZone             *zone)
{
  DebriefEvidenceViewerInterface *iface;

  g_return_if_fail (DEBRIEF_IS_EVIDENCE_VIEWER (self));

  iface = DEBRIEF_EVIDENCE_VIEWER_GET_IFACE (self);
  if (iface->set_time_zone != NULL)
    iface->set_time_zone (self, zone);
}

/* The item's clock offset, added to the times of its content. */
void
debrief_evidence_viewer_set_clock_offset (DebriefEvidenceViewer *self,
                                          gint64                 offset_usec)
{
  DebriefEvidenceViewerInterface *iface;

  g_return_if_fail (DEBRIEF_IS_EVIDENCE_VIEWER (self));

  iface = DEBRIEF_EVIDENCE_VIEWER_GET_IFACE (self);
  if (iface->set_clock_offset != NULL)
    iface->set_clock_offset (self, offset_usec);
}

void
debrief_evidence_viewer_selection_changed (DebriefEvidenceViewer *self)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE_VIEWER (self));

  g_signal_emit (self, signals [SELECTION_CHANGED], 0);
}
