/* debrief-revision.c
 *
 * One save of the document: who saved it, when, and from which host.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-revision"

#include "config.h"

#include "debrief-revision.h"

struct _DebriefRevision
{
  DebriefRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (DebriefRevision, debrief_revision, DEBRIEF_TYPE_RECORD)

enum {
  PROP_0,
  PROP_REVISION_ID,
  PROP_SAVED_AT,
  PROP_SAVED_BY,
  PROP_HOST,
  PROP_APP_VERSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

DebriefRevision *
debrief_revision_new (void)
{
  return g_object_new (DEBRIEF_TYPE_REVISION, NULL);
}

const char *
debrief_revision_get_revision_id (DebriefRevision *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REVISION (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_REVISION_ID]);
}

void
debrief_revision_set_revision_id (DebriefRevision *self,
                                  const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_REVISION (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_REVISION_ID], value);
}

/**
 * debrief_revision_get_saved_at:
 * @self: a #DebriefRevision
 *
 * Returns: (transfer none) (nullable): the saved at
 */
GDateTime *
debrief_revision_get_saved_at (DebriefRevision *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REVISION (self), NULL);

  return debrief_record_get_datetime (DEBRIEF_RECORD (self), properties [PROP_SAVED_AT]);
}

void
debrief_revision_set_saved_at (DebriefRevision *self,
                               GDateTime       *value)
{
  g_return_if_fail (DEBRIEF_IS_REVISION (self));

  debrief_record_set_datetime (DEBRIEF_RECORD (self), properties [PROP_SAVED_AT], value);
}

const char *
debrief_revision_get_saved_by (DebriefRevision *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REVISION (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_SAVED_BY]);
}

void
debrief_revision_set_saved_by (DebriefRevision *self,
                               const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_REVISION (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_SAVED_BY], value);
}

const char *
debrief_revision_get_host (DebriefRevision *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REVISION (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_HOST]);
}

void
debrief_revision_set_host (DebriefRevision *self,
                           const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_REVISION (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_HOST], value);
}

const char *
debrief_revision_get_app_version (DebriefRevision *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REVISION (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_APP_VERSION]);
}

void
debrief_revision_set_app_version (DebriefRevision *self,
                                  const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_REVISION (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_APP_VERSION], value);
}

static void
debrief_revision_class_init (DebriefRevisionClass *klass)
{
  properties [PROP_REVISION_ID] =
    g_param_spec_string ("revision-id", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SAVED_AT] =
    g_param_spec_boxed ("saved-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SAVED_BY] =
    g_param_spec_string ("saved-by", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_APP_VERSION] =
    g_param_spec_string ("app-version", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  debrief_record_class_install_columns (DEBRIEF_RECORD_CLASS (klass), "revision", N_PROPS, properties);
}

static void
debrief_revision_init (DebriefRevision *self)
{
}
