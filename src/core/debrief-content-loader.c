/* debrief-content-loader.c
 *
 * Reading an evidence item's content and parsing it for a viewer, as one
 * GTask: the viewer gets its model when it is ready, and the main loop
 * does not wait for a parse of up to DEBRIEF_CONTENT_MAX_SIZE.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-content-loader"

#include "config.h"

#include "debrief-content-loader.h"
#include "debrief-evidence-store.h"

typedef struct
{
  GBytes                  *bytes;
  DebriefContentParseFunc  parse;
  gpointer                 data;
  GDestroyNotify           data_free;
} Load;

static void
load_free (gpointer pointer)
{
  Load *load = pointer;

  g_clear_pointer (&load->bytes, g_bytes_unref);
  if (load->data_free != NULL)
    g_clear_pointer (&load->data, load->data_free);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  GError *error = NULL;
  GObject *content;

  if (g_task_return_error_if_cancelled (task))
    return;

  if ((content = load->parse (load->bytes, load->data, cancellable, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, content, g_object_unref);
}

/**
 * debrief_content_load_async:
 * @source_tag: the caller's _load_async function, checked by _finish
 * @parse: makes the content model from the bytes, in a worker thread
 * @data: (nullable): for @parse, freed with @data_free
 *
 * Reads the content of @evidence and parses it with @parse off the main
 * thread.  The read itself is on the main thread: the document's
 * database connection belongs to it.
 */
void
debrief_content_load_async (DebriefDocument         *document,
                            DebriefEvidence         *evidence,
                            gpointer                 source_tag,
                            DebriefContentParseFunc  parse,
                            gpointer                 data,
                            GDestroyNotify           data_free,
                            GCancellable            *cancellable,
                            GAsyncReadyCallback      callback,
                            gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Load *load;

  g_return_if_fail (DEBRIEF_IS_DOCUMENT (document));
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (evidence));
  g_return_if_fail (parse != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  load = g_new0 (Load, 1);
  load->parse = parse;
  load->data = data;
  load->data_free = data_free;
  g_task_set_task_data (task, load, load_free);

  if (!(load->bytes = debrief_evidence_read_bytes (document, evidence, DEBRIEF_CONTENT_MAX_SIZE, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_run_in_thread (task, load_thread);
}

/**
 * debrief_content_load_finish:
 *
 * Returns: (transfer full): the object made by the parse function
 */
GObject *
debrief_content_load_finish (GAsyncResult  *result,
                             gpointer       source_tag,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
debrief_content_load_bytes_async (DebriefDocument     *document,
                                  DebriefEvidence     *evidence,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  GBytes *bytes;

  g_return_if_fail (DEBRIEF_IS_DOCUMENT (document));
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (evidence));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_content_load_bytes_async);

  if (!(bytes = debrief_evidence_read_bytes (document, evidence, DEBRIEF_CONTENT_MAX_SIZE, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

GBytes *
debrief_content_load_bytes_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == debrief_content_load_bytes_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
