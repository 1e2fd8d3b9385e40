/* debrief-document-error.h
 *
 * The errors of reading, checking and saving an incident document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DEBRIEF_DOCUMENT_ERROR (debrief_document_error_quark ())

typedef enum
{
  DEBRIEF_DOCUMENT_ERROR_NOT_A_DOCUMENT,
  DEBRIEF_DOCUMENT_ERROR_FOREIGN,
  DEBRIEF_DOCUMENT_ERROR_DAMAGED,
  DEBRIEF_DOCUMENT_ERROR_NEWER,
  DEBRIEF_DOCUMENT_ERROR_READ_ONLY,
  DEBRIEF_DOCUMENT_ERROR_CONFLICT,
  DEBRIEF_DOCUMENT_ERROR_WRITE_FAILED,
  DEBRIEF_DOCUMENT_ERROR_NOTHING_TO_UNDO,
} DebriefDocumentError;

GQuark debrief_document_error_quark (void);

G_END_DECLS
