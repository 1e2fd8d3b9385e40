/* debrief-document.h
 *
 * One incident document (a .debrief file): its private working copy, the
 * records in it, saving, undo and redo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "debrief-document-error.h"
#include "debrief-draft.h"
#include "debrief-enums.h"
#include "debrief-enum-types.h"
#include "debrief-file-format.h"
#include "debrief-incident.h"
#include "debrief-record.h"

G_BEGIN_DECLS

typedef enum
{
  DEBRIEF_OPEN_FLAGS_NONE      = 0,
  DEBRIEF_OPEN_FLAGS_READ_ONLY = 1 << 0,
  DEBRIEF_OPEN_FLAGS_AS_COPY   = 1 << 1,
} DebriefOpenFlags;

#define DEBRIEF_TYPE_DOCUMENT (debrief_document_get_type ())

G_DECLARE_FINAL_TYPE (DebriefDocument, debrief_document, DEBRIEF, DOCUMENT, GObject)

DebriefDocument      *debrief_document_new                (const char           *user_name,
                                                           GError              **error);
DebriefDocument      *debrief_document_open               (GFile                *file,
                                                           DebriefOpenFlags      flags,
                                                           const char           *user_name,
                                                           GCancellable         *cancellable,
                                                           GError              **error);
void                  debrief_document_open_async         (GFile                *file,
                                                           DebriefOpenFlags      flags,
                                                           const char           *user_name,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
DebriefDocument      *debrief_document_open_finish        (GAsyncResult         *result,
                                                           GError              **error);

gboolean              debrief_document_save               (DebriefDocument      *self,
                                                           GFile                *target,
                                                           GCancellable         *cancellable,
                                                           GError              **error);
void                  debrief_document_save_async         (DebriefDocument      *self,
                                                           GFile                *target,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean              debrief_document_save_finish        (DebriefDocument      *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
char                 *debrief_document_peek_title         (GFile                *file,
                                                           GCancellable         *cancellable,
                                                           GError              **error);
gboolean              debrief_document_file_changed       (DebriefDocument      *self,
                                                           GCancellable         *cancellable,
                                                           GError              **error);
void                  debrief_document_check_file_async   (DebriefDocument      *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean              debrief_document_check_file_finish  (DebriefDocument      *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void                  debrief_document_close              (DebriefDocument      *self);

GFile                *debrief_document_get_file           (DebriefDocument      *self);
char                 *debrief_document_dup_display_name   (DebriefDocument      *self);
char                 *debrief_document_dup_title          (DebriefDocument      *self);
const char           *debrief_document_get_user_name      (DebriefDocument      *self);
void                  debrief_document_set_user_name      (DebriefDocument      *self,
                                                           const char           *user_name);
const char           *debrief_document_get_uuid           (DebriefDocument      *self);
const char           *debrief_document_get_revision       (DebriefDocument      *self);
const char           *debrief_document_get_working_path   (DebriefDocument      *self);
gboolean              debrief_document_get_read_only      (DebriefDocument      *self);
DebriefReadOnlyReason debrief_document_get_read_only_reason (DebriefDocument    *self);
gboolean              debrief_document_get_modified       (DebriefDocument      *self);
DebriefIncident      *debrief_document_get_incident       (DebriefDocument      *self);
GListModel           *debrief_document_get_records        (DebriefDocument      *self,
                                                           GType                 record_type);

gboolean              debrief_document_add                (DebriefDocument      *self,
                                                           DebriefRecord        *record,
                                                           GError              **error);
gboolean              debrief_document_remove             (DebriefDocument      *self,
                                                           DebriefRecord        *record,
                                                           GError              **error);

void                  debrief_document_begin_group        (DebriefDocument      *self);
void                  debrief_document_end_group          (DebriefDocument      *self);
gboolean              debrief_document_get_can_undo       (DebriefDocument      *self);
gboolean              debrief_document_get_can_redo       (DebriefDocument      *self);
gboolean              debrief_document_undo               (DebriefDocument      *self,
                                                           GError              **error);
gboolean              debrief_document_redo               (DebriefDocument      *self,
                                                           GError              **error);

const GType          *debrief_document_list_record_types  (guint                *n_types);

/* Opens the working copy of a draft again (see debrief-draft.h). */
DebriefDocument *debrief_document_restore_draft (const DebriefDraft  *draft,
                                                 const char          *user_name,
                                                 GError             **error);

gboolean          debrief_document_check_integrity (DebriefDocument  *document,
                                                    int              *version,
                                                    GError          **error);

G_END_DECLS
