/* debrief-scope-item.h
 *
 * A system or component in the scope of the review.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-enums.h"
#include "debrief-enum-types.h"
#include "debrief-record.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_SCOPE_ITEM (debrief_scope_item_get_type ())

G_DECLARE_FINAL_TYPE (DebriefScopeItem, debrief_scope_item, DEBRIEF, SCOPE_ITEM, DebriefRecord)

DebriefScopeItem  *debrief_scope_item_new          (void);
gint64             debrief_scope_item_get_position (DebriefScopeItem *self);
void               debrief_scope_item_set_position (DebriefScopeItem *self,
                                                    gint64            value);
const char        *debrief_scope_item_get_name     (DebriefScopeItem *self);
void               debrief_scope_item_set_name     (DebriefScopeItem *self,
                                                    const char       *value);
DebriefScopeKind   debrief_scope_item_get_kind     (DebriefScopeItem *self);
void               debrief_scope_item_set_kind     (DebriefScopeItem *self,
                                                    DebriefScopeKind  value);
const char        *debrief_scope_item_get_notes    (DebriefScopeItem *self);
void               debrief_scope_item_set_notes    (DebriefScopeItem *self,
                                                    const char       *value);

G_END_DECLS
