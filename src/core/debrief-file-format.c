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

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GFile *file = source_object;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  guint8 header[DEBRIEF_FILE_HEADER_SIZE];
  gsize n_read = 0;

  if (!(stream = g_file_read (file, cancellable, &error)) ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header,
                                &n_read, cancellable, &error) ||
      !debrief_file_format_check_header (header, n_read, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * debrief_file_format_check_async:
 * @file: the file to look at
 * @io_priority: the I/O priority of the request
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the check is done
 * @user_data: data for @callback
 *
 * Reads the header of @file off the main thread and checks it with
 * debrief_file_format_check_header().
 */
void
debrief_file_format_check_async (GFile               *file,
                                 int                  io_priority,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_file_format_check_async);
  g_task_set_priority (task, io_priority);
  g_task_run_in_thread (task, check_thread);
}

/**
 * debrief_file_format_check_finish:
 * @file: the file given to debrief_file_format_check_async()
 * @result: the result given to the callback
 * @error: a location for a #GError
 *
 * Returns: %TRUE if @file is a Debrief incident document.
 */
gboolean
debrief_file_format_check_finish (GFile         *file,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, file), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == debrief_file_format_check_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
