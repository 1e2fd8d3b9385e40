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

#include "core/debrief-evidence-store-private.h"
#include "core/debrief-record-private.h"
#include "export/debrief-merged-log.h"
#include "import/debrief-text.h"

typedef struct
{
  char             *uuid;
  char             *title;
  gint64            offset_usec;
  gint64            fallback_usec; /* for lines before the first stamp */
  GArray           *rows;          /* of DebriefIndexRow */
  guint             row;
  GBytes           *chunk;
  GArray           *entries;       /* of DebriefLineEntry */
  guint             entry;
  gint64            usec;          /* aligned time of the current line */
  guint             order;
} MergeSource;

static void
merge_source_free (MergeSource *source)
{
  g_free (source->uuid);
  g_free (source->title);
  g_clear_pointer (&source->rows, g_array_unref);
  g_clear_pointer (&source->chunk, g_bytes_unref);
  g_clear_pointer (&source->entries, g_array_unref);
  g_free (source);
}

/* Moves @source to its next line; FALSE at its end. */
static gboolean
merge_source_next (sqlite3      *db,
                   MergeSource  *source,
                   gboolean      first,
                   GError      **error)
{
  const DebriefLineEntry *entry;

  if (!first)
    source->entry++;

  while (source->entries == NULL || source->entry >= source->entries->len)
    {
      DebriefIndexRow *row;

      if (!first || source->entries != NULL)
        source->row++;
      first = FALSE;
      if (source->row >= source->rows->len)
        return FALSE;

      row = &g_array_index (source->rows, DebriefIndexRow, source->row);
      g_clear_pointer (&source->chunk, g_bytes_unref);
      g_clear_pointer (&source->entries, g_array_unref);
      if (!(source->chunk = _debrief_evidence_read_chunk (db, source->uuid, row->seq, error)) ||
          !(source->entries = _debrief_evidence_read_index_entries (db, source->uuid, row->seq, error)))
        return FALSE;
      source->entry = 0;
    }

  entry = &g_array_index (source->entries, DebriefLineEntry, source->entry);
  source->usec = (entry->usec != G_MININT64 ? entry->usec : source->fallback_usec) + source->offset_usec;
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
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gint64 cached_second = G_MININT64;
  char cached[32] = "";
  gboolean ok = FALSE;
  guint64 n_written = 0;
  int rc;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (!(db = _debrief_evidence_source_open (source, error)))
    return FALSE;

  if (sqlite3_prepare_v2 (db,
                          "SELECT uuid, title, clock_offset_ms, since_boot, first_at FROM evidence "
                          "WHERE kind = 'log' ORDER BY position, rowid",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _debrief_evidence_set_db_error (error, db, _("The logs could not be read"));
      goto out;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MergeSource *merge = g_new0 (MergeSource, 1);
      g_autoptr(GDateTime) first_at = _debrief_parse_timestamp ((const char *) sqlite3_column_text (stmt, 4));
      gsize length;

      merge->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      merge->title = _debrief_text_sanitize ((const char *) sqlite3_column_text (stmt, 1),
                                             (gsize) sqlite3_column_bytes (stmt, 1), &length);
      g_strdelimit (merge->title, "\t\r\n", ' ');
      merge->offset_usec = sqlite3_column_int64 (stmt, 2) * 1000;
      merge->order = heap->len;

      if (first_at == NULL)
        {
          if (warning != NULL)
            {
              g_autofree char *message = g_strdup_printf (_("“%s” has no timestamps: its lines are not in the merged log."),
                                                          merge->title);
              warning (message, user_data);
            }
          merge_source_free (merge);
          continue;
        }
      merge->fallback_usec = debrief_date_time_to_usec (first_at);

      if (sqlite3_column_int (stmt, 3) != 0 && merge->offset_usec == 0 && warning != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” counts time since boot and has no boot time: its lines are placed from 1970-01-01. Set its boot time to align it."),
                                                      merge->title);
          warning (message, user_data);
        }

      if (!(merge->rows = _debrief_evidence_read_index_rows (db, merge->uuid, error)))
        {
          merge_source_free (merge);
          goto out;
        }

      {
        g_autoptr(GError) local_error = NULL;

        if (!merge_source_next (db, merge, TRUE, &local_error))
          {
            merge_source_free (merge);
            if (local_error != NULL)
              {
                g_propagate_error (error, g_steal_pointer (&local_error));
                goto out;
              }
            continue;
          }
      }
      g_ptr_array_add (heap, merge);
    }
  if (rc != SQLITE_DONE)
    {
      _debrief_evidence_set_db_error (error, db, _("The logs could not be read"));
      goto out;
    }

  for (guint i = heap->len / 2; i-- > 0;)
    heap_sift_down (heap, i);

  while (heap->len > 0)
    {
      MergeSource *top = heap->pdata[0];
      const DebriefLineEntry *entry = &g_array_index (top->entries, DebriefLineEntry, top->entry);
      const char *text;
      gsize text_length;
      g_autoptr(GError) local_error = NULL;

      _debrief_line_entry_get_text (entry, g_bytes_get_data (top->chunk, NULL), &text, &text_length);
      append_iso_ms (buffer, top->usec, &cached_second, cached);
      g_string_append_c (buffer, '\t');
      g_string_append (buffer, top->title);
      g_string_append_c (buffer, '\t');
      g_string_append (buffer, level_id (entry->level));
      g_string_append_c (buffer, '\t');
      g_string_append_len (buffer, text, (gssize) text_length);
      g_string_append_c (buffer, '\n');

      if (buffer->len >= 256 * 1024)
        {
          if (!g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error))
            goto out;
          g_string_truncate (buffer, 0);
        }

      if ((++n_written & 0xffff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      if (!merge_source_next (db, top, FALSE, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              goto out;
            }
          g_ptr_array_remove_index_fast (heap, 0);
        }
      if (heap->len > 0)
        heap_sift_down (heap, 0);
    }

  ok = buffer->len == 0 || g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error);

out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}
