/* debrief-evidence-content.c
 *
 * Evidence content as stored: the source a thread reads it through, the
 * chunks and their one cursor, the line index of a log, and the whole
 * content read back or written out.
 *
 * Content is stored as it came, byte for byte, in chunks of about 1 MiB.
 * A log's chunks end at line ends, and each chunk has one row of line
 * index: for every line its length, level and raw time, packed, so that a
 * viewer decodes one chunk's lines at a time and a 1 GB log costs a
 * thousand rows rather than ten million.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-evidence-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "debrief-document-private.h"
#include "debrief-evidence-store-private.h"
#include "debrief-incident.h"
#include "debrief-record-private.h"

G_DEFINE_QUARK (debrief-evidence-error-quark, debrief_evidence_error)

/* --- Source ----------------------------------------------------------- */

DebriefEvidenceSource *
debrief_evidence_source_new (DebriefDocument *document)
{
  DebriefEvidenceSource *source;
  sqlite3 *db;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), NULL);

  db = _debrief_document_get_db (document);
  source = g_new0 (DebriefEvidenceSource, 1);
  source->path = g_strdup (sqlite3_db_filename (db, "main"));
  source->read_only = debrief_document_get_read_only (document);
  source->immutable = debrief_document_get_read_only_reason (document) == DEBRIEF_READ_ONLY_REASON_PREPARING;
  source->user_name = g_strdup (debrief_document_get_user_name (document));

  source->zone = debrief_incident_dup_time_zone (debrief_document_get_incident (document));
  source->reference = debrief_incident_dup_reference_time (debrief_document_get_incident (document));
  source->reference_known = debrief_incident_has_reference_time (debrief_document_get_incident (document));

  return source;
}

void
debrief_evidence_source_free (DebriefEvidenceSource *source)
{
  if (source == NULL)
    return;

  g_free (source->path);
  g_free (source->user_name);
  g_clear_pointer (&source->zone, g_time_zone_unref);
  g_clear_pointer (&source->reference, g_date_time_unref);
  g_free (source);
}

sqlite3 *
_debrief_evidence_source_open (DebriefEvidenceSource  *source,
                               GError                **error)
{
  sqlite3 *db;

  if (source->immutable)
    {
      g_autofree char *uri = g_filename_to_uri (source->path, NULL, NULL);
      g_autofree char *immutable_uri = NULL;

      if (uri == NULL)
        {
          g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_MISSING,
                       _("The incident document cannot be read."));
          return NULL;
        }
      immutable_uri = g_strconcat (uri, "?mode=ro&immutable=1", NULL);
      db = _debrief_database_open (immutable_uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error);
    }
  else
    db = _debrief_database_open (source->path,
                                 source->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
                                 error);

  /* An import's chunks are not part of the document until its row is
   * added by the document's own connection, whose commit syncs the log
   * they are in: this connection need not sync each of its commits. Nor
   * does it checkpoint: the document does that in a thread of its own. */
  if (db != NULL && !source->read_only && !source->immutable)
    sqlite3_exec (db, "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL);

  return db;
}

void
_debrief_evidence_set_db_error (GError     **error,
                                sqlite3     *db,
                                const char  *doing)
{
  _debrief_set_sqlite_error (error, db, sqlite3_errcode (db), doing);
}

void
_debrief_evidence_source_get_context (DebriefEvidenceSource   *source,
                                      DebriefTimestampContext *context)
{
  memset (context, 0, sizeof *context);
  context->reference_year = g_date_time_get_year (source->reference);
  context->reference_month = g_date_time_get_month (source->reference);
  context->reference_day = g_date_time_get_day_of_month (source->reference);
  context->time_zone = source->zone;
  context->year_source = source->reference_known ? DEBRIEF_YEAR_SOURCE_INCIDENT : DEBRIEF_YEAR_SOURCE_TODAY;
}

/* For a file: when the incident has no time window yet, the day the file
 * was last written is a better guess of its stamps' year than today.
 * @info holds G_FILE_ATTRIBUTE_TIME_MODIFIED, or not.
 */
void
_debrief_evidence_source_get_file_context (DebriefEvidenceSource   *source,
                                           GFileInfo               *info,
                                           DebriefTimestampContext *context)
{
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GDateTime) local = NULL;

  _debrief_evidence_source_get_context (source, context);
  if (source->reference_known || info == NULL
      || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED))
    return;

  modified = g_file_info_get_modification_date_time (info);
  if (modified == NULL)
    return;

  local = g_date_time_to_timezone (modified, source->zone);
  context->reference_year = g_date_time_get_year (local);
  context->reference_month = g_date_time_get_month (local);
  context->reference_day = g_date_time_get_day_of_month (local);
  context->year_source = DEBRIEF_YEAR_SOURCE_FILE_DATE;
}

/* --- Line index ------------------------------------------------------- */

static gboolean
get_varint (const guint8 **p,
            const guint8  *end,
            guint64       *value)
{
  guint64 result = 0;

  for (guint shift = 0; shift < 64; shift += 7)
    {
      guint8 byte;

      if (*p >= end)
        return FALSE;
      byte = *(*p)++;
      result |= (guint64) (byte & 0x7f) << shift;
      if ((byte & 0x80) == 0)
        {
          *value = result;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
_debrief_line_index_decode (const guint8 *data,
                            gsize         size,
                            guint32       n_lines,
                            guint32       chunk_size,
                            GArray       *entries)
{
  const guint8 *p = data;
  const guint8 *end = data + size;
  guint64 offset = 0;
  gint64 previous = 0;

  g_array_set_size (entries, 0);

  for (guint32 i = 0; i < n_lines; i++)
    {
      DebriefLineEntry entry = { 0, };
      guint64 length;
      guint8 flags;

      if (!get_varint (&p, end, &length) || p >= end)
        return FALSE;
      flags = *p++;

      if (length > chunk_size || offset + length > chunk_size)
        return FALSE;

      entry.offset = (guint32) offset;
      entry.length = (guint32) length;
      entry.level = MIN (flags & DEBRIEF_LINE_FLAG_LEVEL_MASK, DEBRIEF_LOG_LEVEL_FATAL);
      entry.has_stamp = (flags & DEBRIEF_LINE_FLAG_HAS_STAMP) != 0;
      entry.usec = G_MININT64;

      if (flags & DEBRIEF_LINE_FLAG_HAS_TIME)
        {
          guint64 zigzag;
          gint64 delta;

          if (!get_varint (&p, end, &zigzag))
            return FALSE;
          delta = (gint64) (zigzag >> 1) ^ -(gint64) (zigzag & 1);
          previous = (gint64) ((guint64) previous + (guint64) delta);
          entry.usec = previous;
        }

      offset += length;
      g_array_append_val (entries, entry);
    }

  return p == end;
}

void
_debrief_line_entry_get_text (const DebriefLineEntry  *entry,
                              const char              *chunk,
                              const char             **text,
                              gsize                   *length)
{
  gsize n = entry->length;
  const char *start = chunk + entry->offset;

  if (n > 0 && start[n - 1] == '\n')
    n--;
  if (n > 0 && start[n - 1] == '\r')
    n--;

  *text = start;
  *length = n;
}

/* --- Reading ---------------------------------------------------------- */

static GBytes *
inflate (const guint8  *data,
         gsize          size,
         gint64         expected,
         GError       **error)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  g_autoptr(GByteArray) out = g_byte_array_sized_new ((guint) MIN (expected, 16 * 1024 * 1024));
  gsize in_done = 0;

  while (TRUE)
    {
      guint8 buffer[64 * 1024];
      gsize read = 0;
      gsize written = 0;
      GConverterResult result;

      result = g_converter_convert (G_CONVERTER (decompressor),
                                    data + in_done, size - in_done,
                                    buffer, sizeof buffer,
                                    G_CONVERTER_INPUT_AT_END, &read, &written, error);
      if (result == G_CONVERTER_ERROR)
        return NULL;
      in_done += read;
      g_byte_array_append (out, buffer, (guint) written);
      if ((gint64) out->len > expected)
        break;
      if (result == G_CONVERTER_FINISHED)
        break;
    }

  if ((gint64) out->len != expected)
    {
      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_MISSING,
                   _("A piece of the evidence is damaged: it does not unpack to its recorded size."));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
stored_chunk_from_row (sqlite3_stmt       *stmt,
                       DebriefStoredChunk *chunk)
{
  chunk->seq = sqlite3_column_int64 (stmt, 0);
  chunk->compression = (const char *) sqlite3_column_text (stmt, 1);
  chunk->size = sqlite3_column_int64 (stmt, 2);
  chunk->data = sqlite3_column_blob (stmt, 3);
  chunk->length = (gsize) sqlite3_column_bytes (stmt, 3);
}

GBytes *
_debrief_stored_chunk_unpack (const DebriefStoredChunk  *chunk,
                              GError                   **error)
{
  if (g_strcmp0 (chunk->compression, "zlib") == 0)
    return inflate (chunk->data, chunk->length, chunk->size, error);

  if ((gint64) chunk->length != chunk->size)
    {
      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_MISSING,
                   _("A piece of the evidence is damaged: it is not of its recorded size."));
      return NULL;
    }

  return g_bytes_new (chunk->data, chunk->length);
}

GBytes *
_debrief_evidence_read_chunk (sqlite3     *db,
                              const char  *evidence_uuid,
                              gint64       seq,
                              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  GBytes *bytes = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT seq, compression, size, data FROM evidence_chunk "
                          "WHERE evidence_uuid = ?1 AND seq = ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _debrief_evidence_set_db_error (error, db, _("The evidence could not be read"));
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, evidence_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, seq);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      DebriefStoredChunk chunk = { 0, };

      stored_chunk_from_row (stmt, &chunk);
      bytes = _debrief_stored_chunk_unpack (&chunk, error);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_MISSING,
                 _("A piece of the evidence is missing from the document."));
  else
    _debrief_evidence_set_db_error (error, db, _("The evidence could not be read"));

  sqlite3_finalize (stmt);
  return bytes;
}

/* --- The walk over an item's chunks ------------------------------------ */

struct _DebriefChunkCursor
{
  sqlite3            *db;
  sqlite3_stmt       *stmt;
  gboolean            with_index;
  DebriefStoredChunk  chunk;
};

DebriefChunkCursor *
_debrief_chunk_cursor_new (sqlite3     *db,
                           const char  *evidence_uuid,
                           gboolean     with_index,
                           GError     **error)
{
  g_autoptr(DebriefChunkCursor) cursor = g_new0 (DebriefChunkCursor, 1);

  g_assert (db != NULL);
  g_assert (evidence_uuid != NULL);

  cursor->db = db;
  cursor->with_index = with_index;
  /* A log's chunks are read with their rows of the index, in one query,
   * so that a search decodes the lines of only the chunks that match. */
  if (sqlite3_prepare_v2 (db,
                          with_index ?
                          "SELECT c.seq, c.compression, c.size, c.data, i.first_line, i.line_count, i.data "
                          "FROM evidence_chunk AS c JOIN evidence_line_index AS i "
                          "ON i.evidence_uuid = c.evidence_uuid AND i.seq = c.seq "
                          "WHERE c.evidence_uuid = ?1 ORDER BY c.seq" :
                          "SELECT seq, compression, size, data FROM evidence_chunk "
                          "WHERE evidence_uuid = ?1 ORDER BY seq",
                          -1, &cursor->stmt, NULL) != SQLITE_OK)
    {
      _debrief_evidence_set_db_error (error, db, _("The evidence could not be read"));
      return NULL;
    }
  sqlite3_bind_text (cursor->stmt, 1, evidence_uuid, -1, SQLITE_TRANSIENT);

  return g_steal_pointer (&cursor);
}

gboolean
_debrief_chunk_cursor_next (DebriefChunkCursor        *cursor,
                            const DebriefStoredChunk **chunk,
                            GError                   **error)
{
  int rc;

  g_assert (cursor != NULL);
  g_assert (chunk != NULL);

  *chunk = NULL;
  rc = sqlite3_step (cursor->stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      _debrief_evidence_set_db_error (error, cursor->db, _("The evidence could not be read"));
      return FALSE;
    }

  stored_chunk_from_row (cursor->stmt, &cursor->chunk);
  if (cursor->with_index)
    {
      cursor->chunk.first_line = (guint64) sqlite3_column_int64 (cursor->stmt, 4);
      cursor->chunk.line_count = sqlite3_column_int64 (cursor->stmt, 5);
      cursor->chunk.index_data = sqlite3_column_blob (cursor->stmt, 6);
      cursor->chunk.index_length = (gsize) sqlite3_column_bytes (cursor->stmt, 6);
    }
  *chunk = &cursor->chunk;

  return TRUE;
}

void
_debrief_chunk_cursor_free (DebriefChunkCursor *cursor)
{
  if (cursor == NULL)
    return;

  sqlite3_finalize (cursor->stmt);
  g_free (cursor);
}

/* --- A log's index rows ------------------------------------------------ */

GArray *
_debrief_evidence_read_index_rows (sqlite3     *db,
                                   const char  *evidence_uuid,
                                   GError     **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (DebriefIndexRow));
  sqlite3_stmt *stmt = NULL;
  guint64 expected_line = 0;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT seq, first_line, line_count, min_usec, max_usec "
                          "FROM evidence_line_index WHERE evidence_uuid = ?1 ORDER BY seq",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _debrief_evidence_set_db_error (error, db, _("The lines of the log could not be read"));
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, evidence_uuid, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DebriefIndexRow row;

      row.seq = sqlite3_column_int64 (stmt, 0);
      row.first_line = (guint64) sqlite3_column_int64 (stmt, 1);
      row.line_count = (guint32) MIN (sqlite3_column_int64 (stmt, 2), G_MAXUINT32);
      row.min_usec = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? G_MININT64 : sqlite3_column_int64 (stmt, 3);
      row.max_usec = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? G_MININT64 : sqlite3_column_int64 (stmt, 4);

      /* The rows must follow on from each other: a gap or an overlap is a
       * damaged or hand-made file, not something to page through. */
      if (row.first_line != expected_line)
        {
          sqlite3_finalize (stmt);
          g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_MISSING,
                       _("The line index of the log is damaged."));
          return NULL;
        }
      expected_line += row.line_count;
      g_array_append_val (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      _debrief_evidence_set_db_error (error, db, _("The lines of the log could not be read"));
      sqlite3_finalize (stmt);
      return NULL;
    }

  sqlite3_finalize (stmt);
  return g_steal_pointer (&rows);
}

GArray *
_debrief_evidence_read_index_entries (sqlite3     *db,
                                      const char  *evidence_uuid,
                                      gint64       seq,
                                      GError     **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (DebriefLineEntry));
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT i.line_count, i.data, c.size FROM evidence_line_index AS i "
                          "JOIN evidence_chunk AS c ON c.evidence_uuid = i.evidence_uuid AND c.seq = i.seq "
                          "WHERE i.evidence_uuid = ?1 AND i.seq = ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _debrief_evidence_set_db_error (error, db, _("The lines of the log could not be read"));
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, evidence_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, seq);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gint64 n_lines = sqlite3_column_int64 (stmt, 0);
      gint64 chunk_size = sqlite3_column_int64 (stmt, 2);

      ok = n_lines >= 0 && n_lines <= G_MAXUINT32 && chunk_size >= 0 && chunk_size <= G_MAXUINT32 &&
           _debrief_line_index_decode (sqlite3_column_blob (stmt, 1),
                                       (gsize) sqlite3_column_bytes (stmt, 1),
                                       (guint32) n_lines, (guint32) chunk_size, entries);
      if (!ok)
        g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_MISSING,
                     _("The line index of the log is damaged."));
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_MISSING,
                 _("A piece of the log is missing from the document."));
  else
    _debrief_evidence_set_db_error (error, db, _("The lines of the log could not be read"));

  sqlite3_finalize (stmt);
  return ok ? g_steal_pointer (&entries) : NULL;
}

/* --- Whole content ---------------------------------------------------- */

/* Calls @func with each chunk of an item's content, in order. */
typedef gboolean (*ChunkFunc) (GBytes   *chunk,
                               gpointer  user_data,
                               GError  **error);

static gboolean
for_each_chunk (sqlite3      *db,
                const char   *uuid,
                ChunkFunc     func,
                gpointer      user_data,
                GError      **error)
{
  g_autoptr(DebriefChunkCursor) cursor = _debrief_chunk_cursor_new (db, uuid, FALSE, error);
  const DebriefStoredChunk *stored;

  if (cursor == NULL)
    return FALSE;

  while (TRUE)
    {
      g_autoptr(GBytes) chunk = NULL;

      if (!_debrief_chunk_cursor_next (cursor, &stored, error))
        return FALSE;
      if (stored == NULL)
        return TRUE;
      if (!(chunk = _debrief_stored_chunk_unpack (stored, error)) || !func (chunk, user_data, error))
        return FALSE;
    }
}

typedef struct
{
  GByteArray *out;
  guint64     limit;
  const char *title;
} Gather;

static gboolean
gather_chunk (GBytes   *chunk,
              gpointer  user_data,
              GError  **error)
{
  Gather *gather = user_data;

  if (gather->out->len + g_bytes_get_size (chunk) > gather->limit)
    {
      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_TOO_LARGE,
                   _("The content of “%s” is larger than it says, or too large to be read whole."),
                   gather->title);
      return FALSE;
    }

  g_byte_array_append (gather->out, g_bytes_get_data (chunk, NULL), (guint) g_bytes_get_size (chunk));
  return TRUE;
}

static gboolean
write_chunk (GBytes   *chunk,
             gpointer  user_data,
             GError  **error)
{
  return g_output_stream_write_all (G_OUTPUT_STREAM (user_data),
                                    g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk),
                                    NULL, NULL, error);
}

/* All of an item's content, which its record says is @size bytes. */
static GBytes *
read_bytes (sqlite3     *db,
            const char  *uuid,
            const char  *title,
            gint64       size,
            gsize        max_size,
            GError     **error)
{
  g_autoptr(GByteArray) out = NULL;
  Gather gather;

  if (size < 0 || (guint64) size > max_size)
    {
      g_autofree char *formatted = g_format_size ((guint64) MAX (size, 0));

      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_TOO_LARGE,
                   _("“%s” is too large to be shown here (%s)."),
                   title, formatted);
      return NULL;
    }

  out = g_byte_array_sized_new ((guint) size);
  gather = (Gather) { out, (guint64) size, title };
  if (!for_each_chunk (db, uuid, gather_chunk, &gather, error))
    return NULL;

  if ((gint64) out->len != size)
    {
      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_MISSING,
                   _("The content of “%s” is incomplete in this document."),
                   title);
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

GBytes *
debrief_evidence_read_bytes (DebriefDocument  *document,
                             DebriefEvidence  *evidence,
                             gsize             max_size,
                             GError          **error)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), NULL);

  return read_bytes (_debrief_document_get_db (document), debrief_record_get_uuid (DEBRIEF_RECORD (evidence)),
                     debrief_evidence_get_title (evidence), debrief_evidence_get_size (evidence),
                     max_size, error);
}

/**
 * debrief_evidence_source_read_bytes:
 * @source: where the evidence is stored
 * @evidence_uuid: the item
 * @title: its title, for messages
 * @size: its size, as its record says
 * @max_size: the most that may be read
 * @error: return location for an error
 *
 * The whole content of an item, read on any thread through a connection of
 * its own, so that showing a large item does not block the window.
 *
 * Returns: (transfer full): the content, or %NULL with @error set
 */
GBytes *
debrief_evidence_source_read_bytes (DebriefEvidenceSource  *source,
                                    const char             *evidence_uuid,
                                    const char             *title,
                                    gint64                  size,
                                    gsize                   max_size,
                                    GError                **error)
{
  GBytes *bytes;
  sqlite3 *db;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (evidence_uuid != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  if (!(db = _debrief_evidence_source_open (source, error)))
    return NULL;

  bytes = read_bytes (db, evidence_uuid, title, size, max_size, error);
  sqlite3_close (db);

  return bytes;
}

gboolean
debrief_evidence_source_write_to_file (DebriefEvidenceSource  *source,
                                       const char             *evidence_uuid,
                                       GFile                  *file,
                                       GCancellable           *cancellable,
                                       GError                **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (evidence_uuid != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(db = _debrief_evidence_source_open (source, error)))
    return FALSE;

  ok = (out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error)) != NULL &&
       for_each_chunk (db, evidence_uuid, write_chunk, out, error) &&
       g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error);

  if (!ok && out != NULL)
    {
      /* Half a copy is worse than none. */
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
      g_file_delete (file, NULL, NULL);
    }
  sqlite3_close (db);
  return ok;
}


GBytes *
_debrief_evidence_read_all (sqlite3     *db,
                            const char  *evidence_uuid,
                            const char  *title,
                            GError     **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  Gather gather = { out, DEBRIEF_EVIDENCE_MAX_PARSED_SIZE, title };

  if (!for_each_chunk (db, evidence_uuid, gather_chunk, &gather, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
