/* debrief-file-format.h
 *
 * Recognising a Debrief incident document by its header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* "DBRF", stored big-endian at offset 68 of the SQLite header
 * (PRAGMA application_id). The MIME magic in data/ matches the same bytes. */
#define DEBRIEF_APPLICATION_ID 0x44425246
#define DEBRIEF_FILE_EXTENSION ".debrief"
#define DEBRIEF_FILE_MIME_TYPE "application/x-debrief"

/* The SQLite database header is the first 100 bytes of the file. */
#define DEBRIEF_FILE_HEADER_SIZE 100

#define DEBRIEF_FILE_FORMAT_ERROR (debrief_file_format_error_quark ())

typedef enum
{
  DEBRIEF_FILE_FORMAT_ERROR_EMPTY,
  DEBRIEF_FILE_FORMAT_ERROR_TRUNCATED,
  DEBRIEF_FILE_FORMAT_ERROR_NOT_A_DATABASE,
  DEBRIEF_FILE_FORMAT_ERROR_FOREIGN_DATABASE,
} DebriefFileFormatError;

GQuark   debrief_file_format_error_quark (void);
gboolean debrief_file_format_check_header (const guint8  *data,
                                           gsize          length,
                                           GError       **error);

G_END_DECLS
