/* debrief-factor.h
 *
 * A contributing factor or root cause. Systems and processes, never a person.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-enums.h"
#include "debrief-enum-types.h"
#include "debrief-record.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_FACTOR (debrief_factor_get_type ())

G_DECLARE_FINAL_TYPE (DebriefFactor, debrief_factor, DEBRIEF, FACTOR, DebriefRecord)

DebriefFactor  *debrief_factor_new             (void);
gint64          debrief_factor_get_position    (DebriefFactor *self);
void            debrief_factor_set_position    (DebriefFactor *self,
                                                gint64         value);
const char     *debrief_factor_get_title       (DebriefFactor *self);
void            debrief_factor_set_title       (DebriefFactor *self,
                                                const char    *value);
const char     *debrief_factor_get_description (DebriefFactor *self);
void            debrief_factor_set_description (DebriefFactor *self,
                                                const char    *value);
const char     *debrief_factor_get_category    (DebriefFactor *self);
void            debrief_factor_set_category    (DebriefFactor *self,
                                                const char    *value);
gboolean        debrief_factor_get_root_cause  (DebriefFactor *self);
void            debrief_factor_set_root_cause  (DebriefFactor *self,
                                                gboolean       value);

G_END_DECLS
