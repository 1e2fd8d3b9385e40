/* debrief-merged-log.c
 *
 * The merged log: every line of every log of an incident in one file,
 * ordered by aligned time, for grep and for other tools.
 *
 * Each log is read chunk by chunk through its line index, and the logs
 * are merged through a heap of their current lines, so that memory does
 * not grow with their size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-merged-log"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-evidence-reader.h"
#include "debrief-merged-log.h"

typedef struct
{
  DebriefEvidenceLog        *log;
  gint64                     fallback_usec; /* aligned, for lines before the first stamp */
  const DebriefEvidenceLine *line;          /* the current line */
  gint64                     usec;          /* its aligned time */
  guint                      order;
} MergeSource;

static void
merge_source_free (MergeSource *source)
{
  g_clear_pointer (&source->log, debrief_evidence_log_free);
  g_free (source);
}

/* Moves @source to its next line; FALSE at its end or on error. */
static gboolean
merge_source_next (MergeSource  *source,
                   GError      **error)
{
  if (!debrief_evidence_reader_next_line (source->log->reader, &source->line, error) ||
      source->line == NULL)
    return FALSE;

  source->usec = source->line->usec != G_MININT64 ? source->line->usec : source->fallback_usec;
  return TRUE;
}

static gboolean
merge_less (const MergeSource *a,
            const MergeSource *b)
{
  return a->usec < b->usec || (a->usec == b->usec && a->order < b->order);
}

static void
heap_sift_down (GPtrArray *heap,
                guint      i)
{
  while (TRUE)
    {
      guint smallest = i;
      guint left = 2 * i + 1;
      guint right = left + 1;

      if (left < heap->len && merge_less (heap->pdata[left], heap->pdata[smallest]))
        smallest = left;
      if (right < heap->len && merge_less (heap->pdata[right], heap->pdata[smallest]))
        smallest = right;
      if (smallest == i)
        return;

      {
        gpointer tmp = heap->pdata[i];

        heap->pdata[i] = heap->pdata[smallest];
        heap->pdata[smallest] = tmp;
      }
      i = smallest;
    }
}

static const char *
level_id (DebriefLogLevel level)
{
  static const char *ids[] = { "", "trace", "debug", "info", "notice", "warning", "error", "critical", "fatal" };

  return (guint) level < G_N_ELEMENTS (ids) ? ids[level] : "";
}

static void
append_iso_ms (GString *out,
               gint64   usec,
               gint64  *cached_second,
               char     cached[32])
{
  gint64 second = usec / G_USEC_PER_SEC - (usec % G_USEC_PER_SEC < 0 ? 1 : 0);
  gint64 ms = (usec - second * G_USEC_PER_SEC) / 1000;

  if (second != *cached_second)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (second);
      g_autofree char *text = dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S") : g_strdup ("0000-00-00T00:00:00");

      g_strlcpy (cached, text, 32);
      *cached_second = second;
    }

  g_string_append_printf (out, "%s.%03dZ", cached, (int) ms);
}

gboolean
debrief_evidence_write_merged_log (DebriefEvidenceSource    *source,
                                   GOutputStream            *out,
                                   DebriefMergeWarningFunc   warning,
                                   gpointer                  user_data,
                                   GCancellable             *cancellable,
                                   GError                  **error)
{
  g_autoptr(GPtrArray) heap = g_ptr_array_new_with_free_func ((GDestroyNotify) merge_source_free);
  g_autoptr(GString) buffer = g_string_sized_new (256 * 1024);
  g_autoptr(GPtrArray) logs = NULL;
  gint64 cached_second = G_MININT64;
  char cached[32] = "";
  guint64 n_written = 0;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (!(logs = debrief_evidence_source_list_logs (source, error)))
    return FALSE;

  for (guint i = 0; i < logs->len; i++)
    {
      MergeSource *merge = g_new0 (MergeSource, 1);
      g_autoptr(GError) local_error = NULL;

      /* The log moves into the heap; what is left in @logs is freed. */
      merge->log = g_steal_pointer (&logs->pdata[i]);
      g_strdelimit (merge->log->title, "\t\r\n", ' ');
      merge->order = heap->len;

      if (merge->log->first_at == NULL)
        {
          if (warning != NULL)
            {
              g_autofree char *message = g_strdup_printf (_("“%s” has no timestamps: its lines are not in the merged log."),
                                                          merge->log->title);
              warning (message, user_data);
            }
          merge_source_free (merge);
          continue;
        }
      merge->fallback_usec = debrief_date_time_to_usec (merge->log->first_at) + merge->log->clock_offset_ms * 1000;

      if (!debrief_time_clock_is_aligned (merge->log->since_boot, merge->log->clock_offset_ms) && warning != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” counts time since boot and has no boot time: its lines are placed from 1970-01-01. Set its boot time to align it."),
                                                      merge->log->title);
          warning (message, user_data);
        }

      if (!merge_source_next (merge, &local_error))
        {
          merge_source_free (merge);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          continue;
        }
      g_ptr_array_add (heap, merge);
    }

  for (guint i = heap->len / 2; i-- > 0;)
    heap_sift_down (heap, i);

  while (heap->len > 0)
    {
      MergeSource *top = heap->pdata[0];
      g_autoptr(GError) local_error = NULL;

      append_iso_ms (buffer, top->usec, &cached_second, cached);
      g_string_append_c (buffer, '\t');
      g_string_append (buffer, top->log->title);
      g_string_append_c (buffer, '\t');
      g_string_append (buffer, level_id (top->line->level));
      g_string_append_c (buffer, '\t');
      g_string_append_len (buffer, top->line->text, (gssize) top->line->length);
      g_string_append_c (buffer, '\n');

      if (buffer->len >= 256 * 1024)
        {
          if (!g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (buffer, 0);
        }

      if ((++n_written & 0xffff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (!merge_source_next (top, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_ptr_array_remove_index_fast (heap, 0);
        }
      if (heap->len > 0)
        heap_sift_down (heap, 0);
    }

  return buffer->len == 0 || g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error);
}
