/* debrief-action-item.h
 *
 * Follow-up work with an owner, a due date and a status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-enums.h"
#include "debrief-enum-types.h"
#include "debrief-record.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_ACTION_ITEM (debrief_action_item_get_type ())

G_DECLARE_FINAL_TYPE (DebriefActionItem, debrief_action_item, DEBRIEF, ACTION_ITEM, DebriefRecord)

DebriefActionItem  *debrief_action_item_new              (void);
gint64              debrief_action_item_get_position     (DebriefActionItem *self);
void                debrief_action_item_set_position     (DebriefActionItem *self,
                                                          gint64             value);
const char         *debrief_action_item_get_title        (DebriefActionItem *self);
void                debrief_action_item_set_title        (DebriefActionItem *self,
                                                          const char        *value);
const char         *debrief_action_item_get_description  (DebriefActionItem *self);
void                debrief_action_item_set_description  (DebriefActionItem *self,
                                                          const char        *value);
const char         *debrief_action_item_get_owner        (DebriefActionItem *self);
void                debrief_action_item_set_owner        (DebriefActionItem *self,
                                                          const char        *value);
const char         *debrief_action_item_get_due_date     (DebriefActionItem *self);
void                debrief_action_item_set_due_date     (DebriefActionItem *self,
                                                          const char        *value);
DebriefActionStatus debrief_action_item_get_status       (DebriefActionItem *self);
void                debrief_action_item_set_status       (DebriefActionItem   *self,
                                                          DebriefActionStatus  value);
const char         *debrief_action_item_get_factor_uuid  (DebriefActionItem *self);
void                debrief_action_item_set_factor_uuid  (DebriefActionItem *self,
                                                          const char        *value);
GDateTime          *debrief_action_item_get_completed_at (DebriefActionItem *self);
void                debrief_action_item_set_completed_at (DebriefActionItem *self,
                                                          GDateTime         *value);

G_END_DECLS
