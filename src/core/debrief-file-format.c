/* debrief-file-format.c
 *
 * Recognising a Debrief incident document by its header, before any SQLite
 * code touches the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-file-format"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "debrief-file-format.h"

static const char sqlite_magic[16] = "SQLite format 3";
#define APPLICATION_ID_OFFSET 68

G_DEFINE_QUARK (debrief-file-format-error-quark, debrief_file_format_error)

/**
 * debrief_file_format_check_header:
 * @data: (array length=length): the first bytes of a file
 * @length: how many bytes @data holds
 * @error: a location for a #GError
 *
 * Checks that @data starts like a Debrief incident document: an SQLite 3
 * database header whose application_id is %DEBRIEF_APPLICATION_ID.
 *
 * Returns: %TRUE if it does; otherwise %FALSE with @error set to a
 *   sentence a user understands.
 */
gboolean
debrief_file_format_check_header (const guint8  *data,
                                  gsize          length,
                                  GError       **error)
{
  guint32 application_id;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length == 0)
    {
      g_set_error_literal (error,
                           DEBRIEF_FILE_FORMAT_ERROR,
                           DEBRIEF_FILE_FORMAT_ERROR_EMPTY,
                           _("The file is empty. It may not have finished copying or saving."));
      return FALSE;
    }

  if (length < sizeof sqlite_magic || memcmp (data, sqlite_magic, sizeof sqlite_magic) != 0)
    {
      g_set_error_literal (error,
                           DEBRIEF_FILE_FORMAT_ERROR,
                           DEBRIEF_FILE_FORMAT_ERROR_NOT_A_DATABASE,
                           _("The file is not a Debrief incident document."));
      return FALSE;
    }

  if (length < DEBRIEF_FILE_HEADER_SIZE)
    {
      g_set_error_literal (error,
                           DEBRIEF_FILE_FORMAT_ERROR,
                           DEBRIEF_FILE_FORMAT_ERROR_TRUNCATED,
                           _("The file is cut short: only part of an incident document is there. "
                             "It may not have finished copying."));
      return FALSE;
    }

  application_id = ((guint32) data[APPLICATION_ID_OFFSET] << 24)
                 | ((guint32) data[APPLICATION_ID_OFFSET + 1] << 16)
                 | ((guint32) data[APPLICATION_ID_OFFSET + 2] << 8)
                 | ((guint32) data[APPLICATION_ID_OFFSET + 3]);

  if (application_id != DEBRIEF_APPLICATION_ID)
    {
      g_set_error_literal (error,
                           DEBRIEF_FILE_FORMAT_ERROR,
                           DEBRIEF_FILE_FORMAT_ERROR_FOREIGN_DATABASE,
                           _("The file is a database of another application, not a Debrief "
                             "incident document."));
      return FALSE;
    }

  return TRUE;
}
