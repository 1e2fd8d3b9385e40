/* debrief-factor.c
 *
 * A contributing factor or root cause. Systems and processes, never a person.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-factor"

#include "config.h"

#include "debrief-factor.h"

struct _DebriefFactor
{
  DebriefRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (DebriefFactor, debrief_factor, DEBRIEF_TYPE_RECORD)

enum {
  PROP_0,
  PROP_POSITION,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_CATEGORY,
  PROP_ROOT_CAUSE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

DebriefFactor *
debrief_factor_new (void)
{
  return g_object_new (DEBRIEF_TYPE_FACTOR, NULL);
}

gint64
debrief_factor_get_position (DebriefFactor *self)
{
  g_return_val_if_fail (DEBRIEF_IS_FACTOR (self), 0);

  return debrief_record_get_int64 (DEBRIEF_RECORD (self), properties [PROP_POSITION]);
}

void
debrief_factor_set_position (DebriefFactor *self,
                             gint64         value)
{
  g_return_if_fail (DEBRIEF_IS_FACTOR (self));

  debrief_record_set_int64 (DEBRIEF_RECORD (self), properties [PROP_POSITION], value);
}

const char *
debrief_factor_get_title (DebriefFactor *self)
{
  g_return_val_if_fail (DEBRIEF_IS_FACTOR (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_TITLE]);
}

void
debrief_factor_set_title (DebriefFactor *self,
                          const char    *value)
{
  g_return_if_fail (DEBRIEF_IS_FACTOR (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_TITLE], value);
}

const char *
debrief_factor_get_description (DebriefFactor *self)
{
  g_return_val_if_fail (DEBRIEF_IS_FACTOR (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_DESCRIPTION]);
}

void
debrief_factor_set_description (DebriefFactor *self,
                                const char    *value)
{
  g_return_if_fail (DEBRIEF_IS_FACTOR (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_DESCRIPTION], value);
}

const char *
debrief_factor_get_category (DebriefFactor *self)
{
  g_return_val_if_fail (DEBRIEF_IS_FACTOR (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_CATEGORY]);
}

void
debrief_factor_set_category (DebriefFactor *self,
                             const char    *value)
{
  g_return_if_fail (DEBRIEF_IS_FACTOR (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_CATEGORY], value);
}

gboolean
debrief_factor_get_root_cause (DebriefFactor *self)
{
  g_return_val_if_fail (DEBRIEF_IS_FACTOR (self), 0);

  return debrief_record_get_boolean (DEBRIEF_RECORD (self), properties [PROP_ROOT_CAUSE]);
}

void
debrief_factor_set_root_cause (DebriefFactor *self,
                               gboolean       value)
{
  g_return_if_fail (DEBRIEF_IS_FACTOR (self));

  debrief_record_set_boolean (DEBRIEF_RECORD (self), properties [PROP_ROOT_CAUSE], value);
}

static void
debrief_factor_class_init (DebriefFactorClass *klass)
{
  properties [PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ROOT_CAUSE] =
    g_param_spec_boolean ("root-cause", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  debrief_record_class_install_columns (DEBRIEF_RECORD_CLASS (klass), "contributing_factor", N_PROPS, properties);
}

static void
debrief_factor_init (DebriefFactor *self)
{
}
