/* debrief-draft.h
 *
 * A working copy left behind by a session that ended without saving or
 * discarding it: what the next start offers to restore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Working copies left behind by a session that ended without saving or
 * discarding them (a crash, a power cut): what the next start offers to
 * restore. */
typedef struct _DebriefDraft DebriefDraft;

#define DEBRIEF_TYPE_DRAFT (debrief_draft_get_type ())

GType            debrief_draft_get_type      (void) G_GNUC_CONST;
DebriefDraft    *debrief_draft_copy          (const DebriefDraft *draft);
void             debrief_draft_free          (DebriefDraft       *draft);
const char      *debrief_draft_get_id        (const DebriefDraft *draft);
const char      *debrief_draft_get_title     (const DebriefDraft *draft);
GFile           *debrief_draft_get_file      (const DebriefDraft *draft);
GDateTime       *debrief_draft_get_modified  (const DebriefDraft *draft);

/* Kept under the names they had as part of DebriefDocument; restoring a
 * draft is debrief_document_restore_draft(). */
GPtrArray       *debrief_document_list_drafts   (void);
void             debrief_document_discard_draft (const DebriefDraft  *draft);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DebriefDraft, debrief_draft_free)

G_END_DECLS
