/* debrief-document-private.h
 *
 * What the rest of src/core needs of DebriefDocument, and the hooks the
 * tests use to make saving fail on purpose.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "debrief-database.h"
#include "debrief-document.h"

G_BEGIN_DECLS

typedef enum
{
  DEBRIEF_SAVE_STEP_SNAPSHOT,
  DEBRIEF_SAVE_STEP_SYNC,
  DEBRIEF_SAVE_STEP_VERIFY,
  DEBRIEF_SAVE_STEP_CHECK_TARGET,
  DEBRIEF_SAVE_STEP_RENAME,
  DEBRIEF_SAVE_STEP_SYNC_FOLDER,
  DEBRIEF_SAVE_STEP_LAST,
} DebriefSaveStep;

/* Called before each step of a save; returning FALSE with @error set makes
 * that step fail as if the system had failed it. For tests only. */
typedef gboolean (*DebriefSaveFaultFunc) (DebriefSaveStep   step,
                                          GError          **error);

void     _debrief_document_set_save_fault_func (DebriefSaveFaultFunc func);
void     _debrief_document_set_large_size      (gint64             size);
sqlite3 *_debrief_document_get_db              (DebriefDocument   *self);
void     _debrief_document_record_changed      (DebriefDocument   *self,
                                                DebriefRecord     *record,
                                                guint              column);

/* Importing an incident (debrief-json.c): rows keep their own identifiers
 * and stamps, nothing is a step to undo, and the caller runs it all in one
 * transaction on _debrief_document_get_db(). */
char     *_debrief_document_dup_info           (DebriefDocument   *self,
                                                const char        *key);
gboolean  _debrief_document_import_info        (DebriefDocument   *self,
                                                const char        *document_uuid,
                                                const char        *created_at,
                                                const char        *created_by,
                                                GError           **error);
gboolean  _debrief_document_import_record      (DebriefDocument   *self,
                                                DebriefRecord     *record,
                                                GError           **error);

G_END_DECLS
