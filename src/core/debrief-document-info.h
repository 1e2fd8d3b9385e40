/* debrief-document-info.h
 *
 * What an incident document records of itself: when and by whom it was
 * created, and the schema this build writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "debrief-document.h"

G_BEGIN_DECLS

/* Both nullable: a document made before they were recorded. */
GDateTime *debrief_document_dup_created_at              (DebriefDocument *self);
char      *debrief_document_dup_created_by              (DebriefDocument *self);
int        debrief_document_get_current_schema_version  (void);

G_END_DECLS
