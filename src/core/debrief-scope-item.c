/* debrief-scope-item.c
 *
 * A system or component in the scope of the review.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-scope-item"

#include "config.h"

#include "debrief-scope-item.h"

struct _DebriefScopeItem
{
  DebriefRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (DebriefScopeItem, debrief_scope_item, DEBRIEF_TYPE_RECORD)

enum {
  PROP_0,
  PROP_POSITION,
  PROP_NAME,
  PROP_KIND,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

DebriefScopeItem *
debrief_scope_item_new (void)
{
  return g_object_new (DEBRIEF_TYPE_SCOPE_ITEM, NULL);
}

gint64
debrief_scope_item_get_position (DebriefScopeItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_SCOPE_ITEM (self), 0);

  return debrief_record_get_int64 (DEBRIEF_RECORD (self), properties [PROP_POSITION]);
}

void
debrief_scope_item_set_position (DebriefScopeItem *self,
                                 gint64            value)
{
  g_return_if_fail (DEBRIEF_IS_SCOPE_ITEM (self));

  debrief_record_set_int64 (DEBRIEF_RECORD (self), properties [PROP_POSITION], value);
}

const char *
debrief_scope_item_get_name (DebriefScopeItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_SCOPE_ITEM (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_NAME]);
}

void
debrief_scope_item_set_name (DebriefScopeItem *self,
                             const char       *value)
{
  g_return_if_fail (DEBRIEF_IS_SCOPE_ITEM (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_NAME], value);
}

DebriefScopeKind
debrief_scope_item_get_kind (DebriefScopeItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_SCOPE_ITEM (self), 0);

  return (DebriefScopeKind) debrief_record_get_enum (DEBRIEF_RECORD (self), properties [PROP_KIND]);
}

void
debrief_scope_item_set_kind (DebriefScopeItem *self,
                             DebriefScopeKind  value)
{
  g_return_if_fail (DEBRIEF_IS_SCOPE_ITEM (self));

  debrief_record_set_enum (DEBRIEF_RECORD (self), properties [PROP_KIND], value);
}

const char *
debrief_scope_item_get_notes (DebriefScopeItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_SCOPE_ITEM (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_NOTES]);
}

void
debrief_scope_item_set_notes (DebriefScopeItem *self,
                              const char       *value)
{
  g_return_if_fail (DEBRIEF_IS_SCOPE_ITEM (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_NOTES], value);
}

static void
debrief_scope_item_class_init (DebriefScopeItemClass *klass)
{
  properties [PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       DEBRIEF_TYPE_SCOPE_KIND,
                       DEBRIEF_SCOPE_KIND_SYSTEM,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  debrief_record_class_install_columns (DEBRIEF_RECORD_CLASS (klass), "scope_item", N_PROPS, properties);
}

static void
debrief_scope_item_init (DebriefScopeItem *self)
{
}
