/* debrief-feedback.c
 *
 * Feedback on the post-mortem process itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-feedback"

#include "config.h"

#include "debrief-feedback.h"

struct _DebriefFeedback
{
  DebriefRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (DebriefFeedback, debrief_feedback, DEBRIEF_TYPE_RECORD)

enum {
  PROP_0,
  PROP_AUTHOR,
  PROP_RATING,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

DebriefFeedback *
debrief_feedback_new (void)
{
  return g_object_new (DEBRIEF_TYPE_FEEDBACK, NULL);
}

const char *
debrief_feedback_get_author (DebriefFeedback *self)
{
  g_return_val_if_fail (DEBRIEF_IS_FEEDBACK (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_AUTHOR]);
}

void
debrief_feedback_set_author (DebriefFeedback *self,
                             const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_FEEDBACK (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_AUTHOR], value);
}

gint64
debrief_feedback_get_rating (DebriefFeedback *self)
{
  g_return_val_if_fail (DEBRIEF_IS_FEEDBACK (self), 0);

  return debrief_record_get_int64 (DEBRIEF_RECORD (self), properties [PROP_RATING]);
}

void
debrief_feedback_set_rating (DebriefFeedback *self,
                             gint64           value)
{
  g_return_if_fail (DEBRIEF_IS_FEEDBACK (self));

  debrief_record_set_int64 (DEBRIEF_RECORD (self), properties [PROP_RATING], value);
}

const char *
debrief_feedback_get_text (DebriefFeedback *self)
{
  g_return_val_if_fail (DEBRIEF_IS_FEEDBACK (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_TEXT]);
}

void
debrief_feedback_set_text (DebriefFeedback *self,
                           const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_FEEDBACK (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_TEXT], value);
}

static void
debrief_feedback_class_init (DebriefFeedbackClass *klass)
{
  properties [PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_RATING] =
    g_param_spec_int64 ("rating", NULL, NULL,
                        0, 5, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  debrief_record_class_install_columns (DEBRIEF_RECORD_CLASS (klass), "feedback", N_PROPS, properties);
}

static void
debrief_feedback_init (DebriefFeedback *self)
{
}
