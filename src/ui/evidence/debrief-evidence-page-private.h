/* debrief-evidence-page-private.h
 *
 * The parts of the Evidence view: debrief-evidence-page.c (the class, the
 * list, the details and the viewer), debrief-evidence-page-actions.c
 * (import, drop and paste, saving a copy, order and removal) and
 * debrief-evidence-page-narrow.c (folding in narrow windows); and what the
 * tests reach beyond its public API.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-evidence-page.h"
#include "debrief-evidence-search-panel.h"

#include "debrief-import-job.h"
#include "debrief-log-model.h"

G_BEGIN_DECLS

struct _DebriefEvidencePage
{
  GtkWidget                  parent_instance;

  AdwLeaflet                 *leaflet;
  AdwClamp                   *sidebar_clamp;
  GtkWidget                  *back_bar;
  GtkWidget                  *back_button;
  AdwFlap                    *details_flap;
  GtkToggleButton            *details_button;
  GtkToggleButton            *search_button;
  GtkSearchBar               *search_bar;
  GtkSearchEntry             *search_entry;
  GtkRevealer                *progress_revealer;
  GtkLabel                   *progress_label;
  GtkProgressBar             *progress_bar;
  GtkListView                *list_view;
  GtkStack                   *content_stack;
  DebriefEvidenceSearchPanel *search_panel;
  GtkImage                   *kind_icon;
  GtkEditableLabel           *title_label;
  GtkLabel                   *subtitle_label;
  GtkStack                   *viewer_stack;
  AdwComboRow                *kind_row;
  AdwActionRow               *clock_row;
  AdwActionRow               *range_row;
  AdwActionRow               *file_row;
  AdwActionRow               *added_row;
  AdwActionRow               *sha_row;
  GtkTextView                *notes_view;
  GtkListBox                 *cited_list;

  DebriefDocument            *document;
  GtkSingleSelection         *selection;
  DebriefEvidence            *current;
  GtkWidget                  *viewer;
  GCancellable               *viewer_cancellable;  /* while the viewer's content loads */
  gint64                      pending_first;       /* a place to show once it has loaded, or -1 */
  gint64                      pending_last;
  DebriefLogModel            *log_model;
  GtkFilterListModel         *cited;
  GtkCustomFilter            *cited_filter;

  DebriefImportJob           *import_job;

  guint                      folded_idle;         /* to follow the leaflet after its allocation */
  guint                      details_idle;        /* the same for the details flap */
  gboolean                   updating;
  /* The viewer waits until the view is shown: opening an incident does
   * not read its evidence. */
  gboolean                   viewer_stale;
};

/* debrief-evidence-page.c */
void     _debrief_evidence_page_add_toast        (DebriefEvidencePage *self,
                                                  const char          *title,
                                                  gboolean             undo);
void     _debrief_evidence_page_show_error       (DebriefEvidencePage *self,
                                                  const char          *heading,
                                                  const char          *body);
gboolean _debrief_evidence_page_writable         (DebriefEvidencePage *self);
void     _debrief_evidence_page_update_actions   (DebriefEvidencePage *self);
void     _debrief_evidence_page_notify_importing (DebriefEvidencePage *self);

/* debrief-evidence-page-narrow.c */
void     _debrief_evidence_page_class_init_narrow (GtkWidgetClass      *widget_class);
void     _debrief_evidence_page_init_narrow       (DebriefEvidencePage *self);
void     _debrief_evidence_page_dispose_narrow    (DebriefEvidencePage *self);
void     _debrief_evidence_page_show_content      (DebriefEvidencePage *self);

/* debrief-evidence-page-actions.c */
void     _debrief_evidence_page_install_actions  (GtkWidgetClass      *widget_class);
void     _debrief_evidence_page_add_drop_target  (DebriefEvidencePage *self);
void     _debrief_evidence_page_cancel_import    (DebriefEvidencePage *self);

/* For tests: what a drop of @value on the view does. */
gboolean _debrief_evidence_page_drop             (DebriefEvidencePage *self,
                                                  const GValue        *value);

G_END_DECLS
