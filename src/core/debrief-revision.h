/* debrief-revision.h
 *
 * One save of the document: who saved it, when, and from which host.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-enums.h"
#include "debrief-enum-types.h"
#include "debrief-record.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_REVISION (debrief_revision_get_type ())

G_DECLARE_FINAL_TYPE (DebriefRevision, debrief_revision, DEBRIEF, REVISION, DebriefRecord)

DebriefRevision  *debrief_revision_new             (void);
const char       *debrief_revision_get_revision_id (DebriefRevision *self);
void              debrief_revision_set_revision_id (DebriefRevision *self,
                                                    const char      *value);
GDateTime        *debrief_revision_get_saved_at    (DebriefRevision *self);
void              debrief_revision_set_saved_at    (DebriefRevision *self,
                                                    GDateTime       *value);
const char       *debrief_revision_get_saved_by    (DebriefRevision *self);
void              debrief_revision_set_saved_by    (DebriefRevision *self,
                                                    const char      *value);
const char       *debrief_revision_get_host        (DebriefRevision *self);
void              debrief_revision_set_host        (DebriefRevision *self,
                                                    const char      *value);
const char       *debrief_revision_get_app_version (DebriefRevision *self);
void              debrief_revision_set_app_version (DebriefRevision *self,
                                                    const char      *value);

G_END_DECLS
