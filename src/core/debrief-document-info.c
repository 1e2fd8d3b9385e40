/* debrief-document-info.c
 *
 * What an incident document records of itself, opened to the layers above
 * core without the database behind debrief-document-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-document"

#include "config.h"

#include "debrief-document-info.h"
#include "debrief-document-private.h"
#include "debrief-record-private.h"
#include "debrief-schema.h"

GDateTime *
debrief_document_dup_created_at (DebriefDocument *self)
{
  g_autofree char *created_at = NULL;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), NULL);

  created_at = _debrief_document_dup_info (self, "created-at");

  return _debrief_parse_timestamp (created_at);
}

char *
debrief_document_dup_created_by (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), NULL);

  return _debrief_document_dup_info (self, "created-by");
}

int
debrief_document_get_current_schema_version (void)
{
  return DEBRIEF_SCHEMA_VERSION;
}
