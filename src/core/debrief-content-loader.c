/* debrief-content-loader.c
 *
 * Reading an evidence item's content and parsing it for a viewer, as one
 * GTask in a worker thread with a connection of its own: the viewer gets
 * its model when it is ready, and the main loop waits neither for reading
 * nor for parsing up to DEBRIEF_CONTENT_MAX_SIZE.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-content-loader"

#include "config.h"

#include "debrief-content-loader.h"
#include "debrief-evidence-store.h"
#include "debrief-record.h"

typedef struct
{
  DebriefEvidenceSource   *source;
  char                    *uuid;
  char                    *title;
  gint64                   size;
  DebriefContentParseFunc  parse;
  gpointer                 data;
  GDestroyNotify           data_free;
} Load;

static void
load_free (gpointer pointer)
{
  Load *load = pointer;

  g_clear_pointer (&load->source, debrief_evidence_source_free);
  g_free (load->uuid);
  g_free (load->title);
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
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  GObject *content;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!(bytes = debrief_evidence_source_read_bytes (load->source, load->uuid, load->title, load->size,
                                                    DEBRIEF_CONTENT_MAX_SIZE, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Only the bytes are wanted: the caller parses them itself. */
  if (load->parse == NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  if ((content = load->parse (bytes, load->data, cancellable, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, content, g_object_unref);
}

/* What the thread needs to read the item without the document, which
 * belongs to the main thread. */
static Load *
load_new (DebriefDocument *document,
          DebriefEvidence *evidence)
{
  Load *load = g_new0 (Load, 1);

  load->source = debrief_evidence_source_new (document);
  load->uuid = g_strdup (debrief_record_get_uuid (DEBRIEF_RECORD (evidence)));
  load->title = g_strdup (debrief_evidence_get_title (evidence));
  load->size = debrief_evidence_get_size (evidence);

  return load;
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
  Load *load;

  g_return_if_fail (DEBRIEF_IS_DOCUMENT (document));
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (evidence));
  g_return_if_fail (parse != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  load = load_new (document, evidence);
  load->parse = parse;
  load->data = data;
  load->data_free = data_free;
  g_task_set_task_data (task, load, load_free);
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

  g_return_if_fail (DEBRIEF_IS_DOCUMENT (document));
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (evidence));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_content_load_bytes_async);
  g_task_set_task_data (task, load_new (document, evidence), load_free);
  g_task_run_in_thread (task, load_thread);
}

GBytes *
debrief_content_load_bytes_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == debrief_content_load_bytes_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
