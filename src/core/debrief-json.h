/* debrief-json.h
 *
 * The JSON interchange format: a whole incident, imported; its format,
 * errors and member names (export/debrief-json-export.h writes it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "debrief-document.h"

G_BEGIN_DECLS

/* The value of the "format" member, and the version of the format this
 * build writes and the newest it reads. data/debrief-incident.schema.json
 * documents it. */
#define DEBRIEF_JSON_FORMAT         "debrief-incident"
#define DEBRIEF_JSON_FORMAT_VERSION 1

#define DEBRIEF_JSON_ERROR (debrief_json_error_quark ())

/**
 * DebriefJsonError:
 * @DEBRIEF_JSON_ERROR_EMPTY: the input holds nothing, or only spaces
 * @DEBRIEF_JSON_ERROR_NOT_JSON: the input is not JSON text at all
 * @DEBRIEF_JSON_ERROR_TRUNCATED: the input is JSON that stops short
 * @DEBRIEF_JSON_ERROR_FOREIGN: JSON, but not a Debrief incident export
 * @DEBRIEF_JSON_ERROR_NEWER: an export of a newer format version
 * @DEBRIEF_JSON_ERROR_INVALID: a member of the wrong type or with a value
 *   Debrief cannot store
 * @DEBRIEF_JSON_ERROR_DUPLICATE: two records with the same identifier
 * @DEBRIEF_JSON_ERROR_CONTENT: evidence content that is not what it says
 *   it is: invalid base64 or zlib data, or a size that does not match
 */
typedef enum
{
  DEBRIEF_JSON_ERROR_EMPTY,
  DEBRIEF_JSON_ERROR_NOT_JSON,
  DEBRIEF_JSON_ERROR_TRUNCATED,
  DEBRIEF_JSON_ERROR_FOREIGN,
  DEBRIEF_JSON_ERROR_NEWER,
  DEBRIEF_JSON_ERROR_INVALID,
  DEBRIEF_JSON_ERROR_DUPLICATE,
  DEBRIEF_JSON_ERROR_CONTENT,
} DebriefJsonError;

GQuark           debrief_json_error_quark              (void);

DebriefDocument *debrief_document_import_json          (GInputStream     *stream,
                                                        const char       *user_name,
                                                        GCancellable     *cancellable,
                                                        GError          **error);
DebriefDocument *debrief_document_import_json_file     (GFile            *file,
                                                        const char       *user_name,
                                                        GCancellable     *cancellable,
                                                        GError          **error);

const char      *debrief_json_get_member_name          (GType             record_type);

G_END_DECLS
