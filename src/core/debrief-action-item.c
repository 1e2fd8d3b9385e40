/* debrief-action-item.c
 *
 * Follow-up work with an owner, a due date and a status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-action-item"

#include "config.h"

#include "debrief-action-item.h"

struct _DebriefActionItem
{
  DebriefRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (DebriefActionItem, debrief_action_item, DEBRIEF_TYPE_RECORD)

enum {
  PROP_0,
  PROP_POSITION,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_OWNER,
  PROP_DUE_DATE,
  PROP_STATUS,
  PROP_FACTOR_UUID,
  PROP_COMPLETED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

DebriefActionItem *
debrief_action_item_new (void)
{
  return g_object_new (DEBRIEF_TYPE_ACTION_ITEM, NULL);
}

gint64
debrief_action_item_get_position (DebriefActionItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACTION_ITEM (self), 0);

  return debrief_record_get_int64 (DEBRIEF_RECORD (self), properties [PROP_POSITION]);
}

void
debrief_action_item_set_position (DebriefActionItem *self,
                                  gint64             value)
{
  g_return_if_fail (DEBRIEF_IS_ACTION_ITEM (self));

  debrief_record_set_int64 (DEBRIEF_RECORD (self), properties [PROP_POSITION], value);
}

const char *
debrief_action_item_get_title (DebriefActionItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACTION_ITEM (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_TITLE]);
}

void
debrief_action_item_set_title (DebriefActionItem *self,
                               const char        *value)
{
  g_return_if_fail (DEBRIEF_IS_ACTION_ITEM (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_TITLE], value);
}

const char *
debrief_action_item_get_description (DebriefActionItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACTION_ITEM (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_DESCRIPTION]);
}

void
debrief_action_item_set_description (DebriefActionItem *self,
                                     const char        *value)
{
  g_return_if_fail (DEBRIEF_IS_ACTION_ITEM (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_DESCRIPTION], value);
}

const char *
debrief_action_item_get_owner (DebriefActionItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACTION_ITEM (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_OWNER]);
}

void
debrief_action_item_set_owner (DebriefActionItem *self,
                               const char        *value)
{
  g_return_if_fail (DEBRIEF_IS_ACTION_ITEM (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_OWNER], value);
}

const char *
debrief_action_item_get_due_date (DebriefActionItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACTION_ITEM (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_DUE_DATE]);
}

void
debrief_action_item_set_due_date (DebriefActionItem *self,
                                  const char        *value)
{
  g_return_if_fail (DEBRIEF_IS_ACTION_ITEM (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_DUE_DATE], value);
}

DebriefActionStatus
debrief_action_item_get_status (DebriefActionItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACTION_ITEM (self), 0);

  return (DebriefActionStatus) debrief_record_get_enum (DEBRIEF_RECORD (self), properties [PROP_STATUS]);
}

void
debrief_action_item_set_status (DebriefActionItem   *self,
                                DebriefActionStatus  value)
{
  g_return_if_fail (DEBRIEF_IS_ACTION_ITEM (self));

  debrief_record_set_enum (DEBRIEF_RECORD (self), properties [PROP_STATUS], value);
}

const char *
debrief_action_item_get_factor_uuid (DebriefActionItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACTION_ITEM (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_FACTOR_UUID]);
}

void
debrief_action_item_set_factor_uuid (DebriefActionItem *self,
                                     const char        *value)
{
  g_return_if_fail (DEBRIEF_IS_ACTION_ITEM (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_FACTOR_UUID], value);
}

/**
 * debrief_action_item_get_completed_at:
 * @self: a #DebriefActionItem
 *
 * Returns: (transfer none) (nullable): the completed at
 */
GDateTime *
debrief_action_item_get_completed_at (DebriefActionItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACTION_ITEM (self), NULL);

  return debrief_record_get_datetime (DEBRIEF_RECORD (self), properties [PROP_COMPLETED_AT]);
}

void
debrief_action_item_set_completed_at (DebriefActionItem *self,
                                      GDateTime         *value)
{
  g_return_if_fail (DEBRIEF_IS_ACTION_ITEM (self));

  debrief_record_set_datetime (DEBRIEF_RECORD (self), properties [PROP_COMPLETED_AT], value);
}

static void
debrief_action_item_class_init (DebriefActionItemClass *klass)
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

  properties [PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DUE_DATE] =
    g_param_spec_string ("due-date", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       DEBRIEF_TYPE_ACTION_STATUS,
                       DEBRIEF_ACTION_STATUS_OPEN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FACTOR_UUID] =
    g_param_spec_string ("factor-uuid", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_COMPLETED_AT] =
    g_param_spec_boxed ("completed-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  debrief_record_class_install_columns (DEBRIEF_RECORD_CLASS (klass), "action_item", N_PROPS, properties);
}

static void
debrief_action_item_init (DebriefActionItem *self)
{
}
