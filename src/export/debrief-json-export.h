/* debrief-json-export.h
 *
 * The JSON interchange format written: a whole incident, exported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "debrief-document.h"

G_BEGIN_DECLS

gboolean debrief_document_export_json         (DebriefDocument  *document,
                                               GOutputStream    *stream,
                                               GCancellable     *cancellable,
                                               GError          **error);
gboolean debrief_document_export_json_to_file (DebriefDocument  *document,
                                               GFile            *file,
                                               GCancellable     *cancellable,
                                               GError          **error);

G_END_DECLS
