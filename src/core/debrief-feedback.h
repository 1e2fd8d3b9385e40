/* debrief-feedback.h
 *
 * Feedback on the post-mortem process itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-enums.h"
#include "debrief-enum-types.h"
#include "debrief-record.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_FEEDBACK (debrief_feedback_get_type ())

G_DECLARE_FINAL_TYPE (DebriefFeedback, debrief_feedback, DEBRIEF, FEEDBACK, DebriefRecord)

DebriefFeedback  *debrief_feedback_new        (void);
const char       *debrief_feedback_get_author (DebriefFeedback *self);
void              debrief_feedback_set_author (DebriefFeedback *self,
                                               const char      *value);
gint64            debrief_feedback_get_rating (DebriefFeedback *self);
void              debrief_feedback_set_rating (DebriefFeedback *self,
                                               gint64           value);
const char       *debrief_feedback_get_text   (DebriefFeedback *self);
void              debrief_feedback_set_text   (DebriefFeedback *self,
                                               const char      *value);

G_END_DECLS
