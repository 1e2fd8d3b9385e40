/* debrief-evidence-reader.c
 *
 * One evidence item's stored content read in order, for the writers of
 * src/export, which read evidence through this and never through SQL.
 *
 * A reader walks chunks with the one chunk cursor, and a log's lines row
 * by row of its line index, so that at most one chunk is in memory at a
 * time. Readers of the logs of a source share one connection, counted,
 * so that a merge of many logs opens the document once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-evidence-store"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-document-private.h"
#include "debrief-evidence-reader.h"
#include "debrief-evidence-store-private.h"
#include "debrief-record-private.h"
#include "debrief-text.h"

typedef struct
{
  sqlite3         *db;
  DebriefDocument *document; /* when the connection is the document's own */
} Connection;

struct _DebriefEvidenceReader
{
  Connection          *connection;
  char                *uuid;
  gint64               offset_usec;
  DebriefChunkCursor  *cursor;
  DebriefEvidenceChunk chunk;
  GArray              *rows;    /* of DebriefIndexRow */
  guint                next_row;
  GBytes              *bytes;   /* the chunk whose lines are read */
  GArray              *entries; /* of DebriefLineEntry */
  guint                next_entry;
  DebriefEvidenceLine  line;
};

static void
connection_clear (Connection *connection)
{
  if (connection->document != NULL)
    g_object_unref (connection->document);
  else
    sqlite3_close (connection->db);
}

static DebriefEvidenceReader *
reader_new (Connection *connection,
            const char *uuid,
            gint64      clock_offset_ms)
{
  DebriefEvidenceReader *reader = g_new0 (DebriefEvidenceReader, 1);

  reader->connection = g_atomic_rc_box_acquire (connection);
  reader->uuid = g_strdup (uuid);
  reader->offset_usec = clock_offset_ms * 1000;

  return reader;
}

DebriefEvidenceReader *
debrief_evidence_reader_new (DebriefDocument *document,
                             DebriefEvidence *evidence)
{
  Connection *connection;
  DebriefEvidenceReader *reader;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), NULL);

  connection = g_atomic_rc_box_new0 (Connection);
  connection->db = _debrief_document_get_db (document);
  connection->document = g_object_ref (document);
  reader = reader_new (connection, debrief_record_get_uuid (DEBRIEF_RECORD (evidence)),
                       debrief_evidence_get_clock_offset_ms (evidence));
  g_atomic_rc_box_release_full (connection, (GDestroyNotify) connection_clear);

  return reader;
}

void
debrief_evidence_reader_free (DebriefEvidenceReader *reader)
{
  if (reader == NULL)
    return;

  g_clear_pointer (&reader->cursor, _debrief_chunk_cursor_free);
  g_clear_pointer (&reader->rows, g_array_unref);
  g_clear_pointer (&reader->bytes, g_bytes_unref);
  g_clear_pointer (&reader->entries, g_array_unref);
  g_atomic_rc_box_release_full (reader->connection, (GDestroyNotify) connection_clear);
  g_free (reader->uuid);
  g_free (reader);
}

gboolean
debrief_evidence_reader_next_chunk (DebriefEvidenceReader       *reader,
                                    const DebriefEvidenceChunk **chunk,
                                    GError                     **error)
{
  const DebriefStoredChunk *stored;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (chunk != NULL, FALSE);

  *chunk = NULL;
  if (reader->cursor == NULL &&
      !(reader->cursor = _debrief_chunk_cursor_new (reader->connection->db, reader->uuid, FALSE, error)))
    return FALSE;

  if (!_debrief_chunk_cursor_next (reader->cursor, &stored, error))
    return FALSE;
  if (stored == NULL)
    return TRUE;

  reader->chunk.seq = stored->seq;
  reader->chunk.compression = stored->compression;
  reader->chunk.size = stored->size;
  reader->chunk.data = stored->data;
  reader->chunk.length = stored->length;
  *chunk = &reader->chunk;

  return TRUE;
}

gboolean
debrief_evidence_reader_next_line (DebriefEvidenceReader      *reader,
                                   const DebriefEvidenceLine **line,
                                   GError                    **error)
{
  sqlite3 *db;
  const DebriefLineEntry *entry;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (line != NULL, FALSE);

  *line = NULL;
  db = reader->connection->db;
  if (reader->rows == NULL &&
      !(reader->rows = _debrief_evidence_read_index_rows (db, reader->uuid, error)))
    return FALSE;

  /* A chunk may hold no line: go on to the next that does. */
  while (reader->entries == NULL || reader->next_entry >= reader->entries->len)
    {
      const DebriefIndexRow *row;

      if (reader->next_row >= reader->rows->len)
        return TRUE;

      row = &g_array_index (reader->rows, DebriefIndexRow, reader->next_row++);
      g_clear_pointer (&reader->bytes, g_bytes_unref);
      g_clear_pointer (&reader->entries, g_array_unref);
      if (!(reader->bytes = _debrief_evidence_read_chunk (db, reader->uuid, row->seq, error)) ||
          !(reader->entries = _debrief_evidence_read_index_entries (db, reader->uuid, row->seq, error)))
        return FALSE;
      reader->next_entry = 0;
    }

  entry = &g_array_index (reader->entries, DebriefLineEntry, reader->next_entry++);
  reader->line.raw_usec = entry->usec;
  reader->line.usec = entry->usec != G_MININT64 ? entry->usec + reader->offset_usec : G_MININT64;
  reader->line.level = (DebriefLogLevel) entry->level;
  _debrief_line_entry_get_text (entry, g_bytes_get_data (reader->bytes, NULL),
                                &reader->line.text, &reader->line.length);
  *line = &reader->line;

  return TRUE;
}

void
debrief_evidence_log_free (DebriefEvidenceLog *log)
{
  if (log == NULL)
    return;

  g_free (log->uuid);
  g_free (log->title);
  g_clear_pointer (&log->first_at, g_date_time_unref);
  g_clear_pointer (&log->reader, debrief_evidence_reader_free);
  g_free (log);
}

GPtrArray *
debrief_evidence_source_list_logs (DebriefEvidenceSource  *source,
                                   GError                **error)
{
  g_autoptr(GPtrArray) logs = g_ptr_array_new_with_free_func ((GDestroyNotify) debrief_evidence_log_free);
  Connection *connection;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(db = _debrief_evidence_source_open (source, error)))
    return NULL;
  connection = g_atomic_rc_box_new0 (Connection);
  connection->db = db;

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
      DebriefEvidenceLog *log = g_new0 (DebriefEvidenceLog, 1);
      gsize length;

      log->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      log->title = debrief_text_sanitize ((const char *) sqlite3_column_text (stmt, 1),
                                          (gsize) sqlite3_column_bytes (stmt, 1), &length);
      log->clock_offset_ms = sqlite3_column_int64 (stmt, 2);
      log->since_boot = sqlite3_column_int (stmt, 3) != 0;
      log->first_at = _debrief_parse_timestamp ((const char *) sqlite3_column_text (stmt, 4));
      log->reader = reader_new (connection, log->uuid, log->clock_offset_ms);
      g_ptr_array_add (logs, log);
    }
  if (rc != SQLITE_DONE)
    {
      _debrief_evidence_set_db_error (error, db, _("The logs could not be read"));
      goto out;
    }

  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  g_atomic_rc_box_release_full (connection, (GDestroyNotify) connection_clear);
  return ok ? g_steal_pointer (&logs) : NULL;
}
