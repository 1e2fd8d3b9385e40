/* debrief-evidence-store.c
 *
 * Evidence content: import into chunks and a line index, read back, align
 * clocks, cite on the timeline.
 *
 * Content is stored as it came, byte for byte, in chunks of about 1 MiB.
 * A log's chunks end at line ends, and each chunk has one row of line
 * index: for every line its length, level and raw time, packed, so that a
 * viewer decodes one chunk's lines at a time and a 1 GB log costs a
 * thousand rows rather than ten million.
 *
 * Imports run in any thread, on a connection of their own to the working
 * copy; the evidence row itself is added on the main thread, as one
 * undoable edit of the document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-evidence-store"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <nettle/sha2.h>

#include "debrief-document-private.h"
#include "debrief-evidence-store-private.h"
#include "debrief-incident.h"
#include "debrief-record-private.h"
#include "debrief-validation.h"
#include "import/debrief-chat-import.h"
#include "import/debrief-evidence-kind.h"
#include "import/debrief-log-reader.h"
#include "import/debrief-metrics-csv.h"
#include "import/debrief-text.h"

/* A chunk is cut at the first line start after this many bytes. */
#define CHUNK_TARGET (1024 * 1024)
/* Lines longer than this are kept in pieces, each a row of the index. */
#define MAX_PIECE (4 * 1024 * 1024)
/* Chunks written per transaction of an import: short enough that an edit
 * made meanwhile waits a few milliseconds at most. */
#define CHUNKS_PER_COMMIT 8
/* Kinds read whole to be checked (metrics, chats) stay under this. */
#define MAX_PARSED_SIZE (256 * 1024 * 1024)

#define FLAG_LEVEL_MASK 0x0f
#define FLAG_HAS_STAMP  0x10
#define FLAG_HAS_TIME   0x20

G_DEFINE_QUARK (debrief-evidence-error-quark, debrief_evidence_error)

struct _DebriefEvidenceSource
{
  char       *path;
  gboolean    immutable;
  gboolean    read_only;
  char       *user_name;
  GTimeZone  *zone;
  GDateTime  *reference;
};

static const char *format_ids[] = {
  [DEBRIEF_TS_NONE] = "",
  [DEBRIEF_TS_ISO8601] = "iso8601",
  [DEBRIEF_TS_SYSLOG] = "syslog",
  [DEBRIEF_TS_DMESG] = "dmesg",
  [DEBRIEF_TS_ZEPHYR] = "zephyr",
  [DEBRIEF_TS_ESPIDF] = "esp-idf",
  [DEBRIEF_TS_EPOCH_S] = "epoch-s",
  [DEBRIEF_TS_EPOCH_MS] = "epoch-ms",
  [DEBRIEF_TS_APACHE] = "apache",
  [DEBRIEF_TS_CTIME] = "ctime",
  [DEBRIEF_TS_LOGCAT] = "logcat",
  [DEBRIEF_TS_LOG4J] = "log4j",
  [DEBRIEF_TS_COMPACT] = "compact",
  [DEBRIEF_TS_COMPACT_MS] = "compact-ms",
  [DEBRIEF_TS_SLASH_DATE] = "slash-date",
  [DEBRIEF_TS_ESPIDF_SYSTEM] = "esp-idf-system",
  [DEBRIEF_TS_EPOCH_US] = "epoch-us",
  [DEBRIEF_TS_EPOCH_NS] = "epoch-ns",
  [DEBRIEF_TS_DATE_MDY] = "date-mdy",
  [DEBRIEF_TS_DATE_DMY] = "date-dmy",
};

G_STATIC_ASSERT (G_N_ELEMENTS (format_ids) == DEBRIEF_TS_N_FORMATS);

const char *
debrief_timestamp_format_to_id (DebriefTimestampFormat format)
{
  if ((guint) format < G_N_ELEMENTS (format_ids) && format_ids[format] != NULL)
    return format_ids[format];

  return "";
}

DebriefTimestampFormat
debrief_evidence_get_timestamp_format (DebriefEvidence *evidence)
{
  const char *id;

  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), DEBRIEF_TS_NONE);

  id = debrief_evidence_get_time_format (evidence);
  for (guint i = 1; i < G_N_ELEMENTS (format_ids); i++)
    if (format_ids[i] != NULL && g_strcmp0 (id, format_ids[i]) == 0)
      return (DebriefTimestampFormat) i;

  return DEBRIEF_TS_NONE;
}


static gint64
aligned (DebriefEvidence *evidence,
         GDateTime       *raw)
{
  if (raw == NULL)
    return G_MININT64;

  return debrief_date_time_to_usec (raw) + debrief_evidence_get_clock_offset_ms (evidence) * 1000;
}

gint64
debrief_evidence_get_aligned_first_usec (DebriefEvidence *evidence)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), G_MININT64);

  return aligned (evidence, debrief_evidence_get_first_at (evidence));
}

gint64
debrief_evidence_get_aligned_last_usec (DebriefEvidence *evidence)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), G_MININT64);

  return aligned (evidence, debrief_evidence_get_last_at (evidence));
}

/* --- The incident's clock ---------------------------------------------- */

GTimeZone *
debrief_incident_dup_time_zone (DebriefIncident *incident)
{
  g_return_val_if_fail (!incident || DEBRIEF_IS_INCIDENT (incident), NULL);

  return debrief_time_zone_new (incident ? debrief_incident_get_scope_time_zone (incident) : NULL);
}

GDateTime *
debrief_incident_dup_reference_time (DebriefIncident *incident)
{
  g_autoptr(GTimeZone) zone = debrief_incident_dup_time_zone (incident);
  GDateTime *reference = NULL;

  g_return_val_if_fail (!incident || DEBRIEF_IS_INCIDENT (incident), NULL);

  if (incident != NULL)
    reference = debrief_incident_get_started_at (incident);
  if (reference == NULL && incident != NULL)
    reference = debrief_incident_get_scope_start (incident);
  if (reference == NULL && incident != NULL)
    reference = debrief_incident_get_detected_at (incident);

  return reference != NULL ? g_date_time_to_timezone (reference, zone) : g_date_time_new_now (zone);
}

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

static void
set_db_error (GError     **error,
              sqlite3     *db,
              const char  *doing)
{
  _debrief_set_sqlite_error (error, db, sqlite3_errcode (db), doing);
}

/* --- Line index ------------------------------------------------------- */

static guint
put_varint (guint8  *out,
            guint64  value)
{
  guint n = 0;

  do
    {
      guint8 byte = value & 0x7f;

      value >>= 7;
      out[n++] = byte | (value != 0 ? 0x80 : 0);
    }
  while (value != 0);

  return n;
}

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
      entry.level = MIN (flags & FLAG_LEVEL_MASK, DEBRIEF_LOG_LEVEL_FATAL);
      entry.has_stamp = (flags & FLAG_HAS_STAMP) != 0;
      entry.usec = G_MININT64;

      if (flags & FLAG_HAS_TIME)
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

/* Builds the index row of one chunk as lines arrive. */
typedef struct
{
  GByteArray *packed;
  guint32     n_lines;
  gint64      previous;
  gint64      min_usec;
  gint64      max_usec;
} IndexBuilder;

static void
index_builder_reset (IndexBuilder *builder)
{
  g_byte_array_set_size (builder->packed, 0);
  builder->n_lines = 0;
  builder->previous = 0;
  builder->min_usec = G_MAXINT64;
  builder->max_usec = G_MININT64;
}

static void
index_builder_add (IndexBuilder    *builder,
                   guint64          length,
                   DebriefLogLevel  level,
                   gboolean         has_stamp,
                   gint64           usec)
{
  guint8 flags = (guint8) MIN (level, DEBRIEF_LOG_LEVEL_FATAL);
  guint8 entry[21];
  guint n;

  if (has_stamp)
    flags |= FLAG_HAS_STAMP;
  if (usec != G_MININT64)
    flags |= FLAG_HAS_TIME;

  n = put_varint (entry, length);
  entry[n++] = flags;

  if (usec != G_MININT64)
    {
      gint64 delta = (gint64) ((guint64) usec - (guint64) builder->previous);

      n += put_varint (entry + n, ((guint64) delta << 1) ^ (guint64) (delta >> 63));
      builder->previous = usec;
      builder->min_usec = MIN (builder->min_usec, usec);
      builder->max_usec = MAX (builder->max_usec, usec);
    }

  /* One append a line: this runs ten million times for a gigabyte. */
  g_byte_array_append (builder->packed, entry, n);
  builder->n_lines++;
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

static GBytes *
chunk_from_row (sqlite3_stmt  *stmt,
                int            first_column,
                GError       **error)
{
  const char *compression = (const char *) sqlite3_column_text (stmt, first_column);
  gint64 size = sqlite3_column_int64 (stmt, first_column + 1);
  const guint8 *data = sqlite3_column_blob (stmt, first_column + 2);
  gsize length = (gsize) sqlite3_column_bytes (stmt, first_column + 2);

  if (g_strcmp0 (compression, "zlib") == 0)
    return inflate (data, length, size, error);

  if ((gint64) length != size)
    {
      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_MISSING,
                   _("A piece of the evidence is damaged: it is not of its recorded size."));
      return NULL;
    }

  return g_bytes_new (data, length);
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
                          "SELECT compression, size, data FROM evidence_chunk "
                          "WHERE evidence_uuid = ?1 AND seq = ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, db, _("The evidence could not be read"));
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, evidence_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, seq);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    bytes = chunk_from_row (stmt, 0, error);
  else if (rc == SQLITE_DONE)
    g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_MISSING,
                 _("A piece of the evidence is missing from the document."));
  else
    set_db_error (error, db, _("The evidence could not be read"));

  sqlite3_finalize (stmt);
  return bytes;
}

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
      set_db_error (error, db, _("The lines of the log could not be read"));
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
      set_db_error (error, db, _("The lines of the log could not be read"));
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
      set_db_error (error, db, _("The lines of the log could not be read"));
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
    set_db_error (error, db, _("The lines of the log could not be read"));

  sqlite3_finalize (stmt);
  return ok ? g_steal_pointer (&entries) : NULL;
}

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
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT compression, size, data FROM evidence_chunk "
                          "WHERE evidence_uuid = ?1 ORDER BY seq",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, db, _("The evidence could not be read"));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) chunk = chunk_from_row (stmt, 0, error);

      if (chunk == NULL || !func (chunk, user_data, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }

  if (rc != SQLITE_DONE)
    {
      set_db_error (error, db, _("The evidence could not be read"));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  sqlite3_finalize (stmt);
  return TRUE;
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

GBytes *
debrief_evidence_read_bytes (DebriefDocument  *document,
                             DebriefEvidence  *evidence,
                             gsize             max_size,
                             GError          **error)
{
  g_autoptr(GByteArray) out = NULL;
  Gather gather;
  gint64 size;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), NULL);

  size = debrief_evidence_get_size (evidence);
  if (size < 0 || (guint64) size > max_size)
    {
      g_autofree char *formatted = g_format_size ((guint64) MAX (size, 0));

      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_TOO_LARGE,
                   _("“%s” is too large to be shown here (%s)."),
                   debrief_evidence_get_title (evidence), formatted);
      return NULL;
    }

  out = g_byte_array_sized_new ((guint) size);
  gather = (Gather) { out, (guint64) size, debrief_evidence_get_title (evidence) };
  if (!for_each_chunk (_debrief_document_get_db (document), debrief_record_get_uuid (DEBRIEF_RECORD (evidence)),
                       gather_chunk, &gather, error))
    return NULL;

  if ((gint64) out->len != size)
    {
      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_MISSING,
                   _("The content of “%s” is incomplete in this document."),
                   debrief_evidence_get_title (evidence));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
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

/* --- Import ----------------------------------------------------------- */

/* SHA-256 by nettle, which uses the processor's SHA instructions where it
 * has them: GLib's is a third of the speed of the rest of an import. */
typedef struct sha256_ctx Sha256;

static char *
sha256_hex (Sha256 *ctx)
{
  guint8 digest[SHA256_DIGEST_SIZE];
  char *hex = g_malloc (2 * SHA256_DIGEST_SIZE + 1);

  sha256_digest (ctx, sizeof digest, digest);
  for (guint i = 0; i < SHA256_DIGEST_SIZE; i++)
    {
      hex[2 * i] = "0123456789abcdef"[digest[i] >> 4];
      hex[2 * i + 1] = "0123456789abcdef"[digest[i] & 15];
    }
  hex[2 * SHA256_DIGEST_SIZE] = '\0';

  return hex;
}

/* A stream that hands on what it reads from another, keeping a copy of
 * the bytes not yet stored. */
#define DEBRIEF_TYPE_TEE_STREAM (debrief_tee_stream_get_type ())
G_DECLARE_FINAL_TYPE (DebriefTeeStream, debrief_tee_stream, DEBRIEF, TEE_STREAM, GInputStream)

struct _DebriefTeeStream
{
  GInputStream  parent_instance;
  GInputStream *base;
  GByteArray   *pending;
  guint64       total;
};

G_DEFINE_FINAL_TYPE (DebriefTeeStream, debrief_tee_stream, G_TYPE_INPUT_STREAM)

static gssize
debrief_tee_stream_read (GInputStream  *stream,
                         void          *buffer,
                         gsize          count,
                         GCancellable  *cancellable,
                         GError       **error)
{
  DebriefTeeStream *self = DEBRIEF_TEE_STREAM (stream);
  gssize n = g_input_stream_read (self->base, buffer, count, cancellable, error);

  if (n > 0)
    {
      g_byte_array_append (self->pending, buffer, (guint) n);
      self->total += (guint64) n;
    }

  return n;
}

static gboolean
debrief_tee_stream_close (GInputStream  *stream,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return TRUE;
}

static void
debrief_tee_stream_finalize (GObject *object)
{
  DebriefTeeStream *self = DEBRIEF_TEE_STREAM (object);

  g_clear_object (&self->base);
  g_clear_pointer (&self->pending, g_byte_array_unref);

  G_OBJECT_CLASS (debrief_tee_stream_parent_class)->finalize (object);
}

static void
debrief_tee_stream_class_init (DebriefTeeStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = debrief_tee_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = debrief_tee_stream_read;
  G_INPUT_STREAM_CLASS (klass)->close_fn = debrief_tee_stream_close;
}

static void
debrief_tee_stream_init (DebriefTeeStream *self)
{
  self->pending = g_byte_array_sized_new (3 * CHUNK_TARGET);
}

static DebriefTeeStream *
tee_stream_new (GInputStream *base)
{
  DebriefTeeStream *self = g_object_new (DEBRIEF_TYPE_TEE_STREAM, NULL);

  self->base = g_object_ref (base);
  return self;
}

/* The first @size bytes kept, handed over without copying them: the rest,
 * read ahead, moves to @spare, which becomes the buffer. Buffers go round
 * between the reader and the writer, so that their pages are touched once. */
static GByteArray *
take_front (DebriefTeeStream *self,
            gsize             size,
            GByteArray       *spare)
{
  GByteArray *front = self->pending;

  g_byte_array_set_size (spare, 0);
  g_byte_array_append (spare, front->data + size, front->len - (guint) size);
  g_byte_array_set_size (front, (guint) size);
  self->pending = spare;

  return front;
}

/* Writes chunks (and index rows) of one item, committing every few. */
typedef struct
{
  sqlite3      *db;
  const char   *uuid;
  sqlite3_stmt *insert_chunk;
  sqlite3_stmt *insert_index;
  gint64        seq;
  guint         uncommitted;
  gboolean      nested;  /* in the caller's transaction: no commits of its own */
} ChunkWriter;

static gboolean
chunk_writer_init (ChunkWriter  *writer,
                   sqlite3      *db,
                   const char   *uuid,
                   GError      **error)
{
  memset (writer, 0, sizeof *writer);
  writer->db = db;
  writer->uuid = uuid;
  writer->nested = !sqlite3_get_autocommit (db);

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO evidence_chunk (evidence_uuid, seq, compression, size, data) "
                          "VALUES (?1, ?2, 'none', ?3, ?4)",
                          -1, &writer->insert_chunk, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "INSERT INTO evidence_line_index "
                          "(evidence_uuid, seq, first_line, line_count, min_usec, max_usec, data) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                          -1, &writer->insert_index, NULL) != SQLITE_OK)
    {
      set_db_error (error, db, _("The evidence could not be stored"));
      return FALSE;
    }

  return TRUE;
}

static void
chunk_writer_clear (ChunkWriter *writer)
{
  g_clear_pointer (&writer->insert_chunk, sqlite3_finalize);
  g_clear_pointer (&writer->insert_index, sqlite3_finalize);
  if (writer->uncommitted > 0 && writer->db != NULL && !writer->nested)
    sqlite3_exec (writer->db, "ROLLBACK", NULL, NULL, NULL);
  writer->uncommitted = 0;
}

static gboolean
chunk_writer_commit (ChunkWriter  *writer,
                     GError      **error)
{
  if (writer->uncommitted == 0 || writer->nested)
    {
      writer->uncommitted = 0;
      return TRUE;
    }

  if (sqlite3_exec (writer->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_db_error (error, writer->db, _("The evidence could not be stored"));
      sqlite3_exec (writer->db, "ROLLBACK", NULL, NULL, NULL);
      writer->uncommitted = 0;
      return FALSE;
    }

  writer->uncommitted = 0;
  return TRUE;
}

static gboolean
step_done (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
chunk_writer_add (ChunkWriter         *writer,
                  const guint8        *data,
                  gsize                size,
                  const IndexBuilder  *index,
                  guint64              first_line,
                  GError             **error)
{
  if (writer->uncommitted == 0 && !writer->nested &&
      sqlite3_exec (writer->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_db_error (error, writer->db, _("The evidence could not be stored"));
      return FALSE;
    }
  writer->uncommitted++;

  sqlite3_bind_text (writer->insert_chunk, 1, writer->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (writer->insert_chunk, 2, writer->seq);
  sqlite3_bind_int64 (writer->insert_chunk, 3, (gint64) size);
  sqlite3_bind_blob64 (writer->insert_chunk, 4, data, size, SQLITE_STATIC);
  if (!step_done (writer->insert_chunk))
    goto failed;

  if (index != NULL)
    {
      sqlite3_bind_text (writer->insert_index, 1, writer->uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (writer->insert_index, 2, writer->seq);
      sqlite3_bind_int64 (writer->insert_index, 3, (gint64) first_line);
      sqlite3_bind_int64 (writer->insert_index, 4, index->n_lines);
      if (index->max_usec != G_MININT64)
        {
          sqlite3_bind_int64 (writer->insert_index, 5, index->min_usec);
          sqlite3_bind_int64 (writer->insert_index, 6, index->max_usec);
        }
      sqlite3_bind_blob64 (writer->insert_index, 7, index->packed->data, index->packed->len, SQLITE_STATIC);
      if (!step_done (writer->insert_index))
        goto failed;
    }

  writer->seq++;
  if (writer->uncommitted >= CHUNKS_PER_COMMIT)
    return chunk_writer_commit (writer, error);
  return TRUE;

failed:
  set_db_error (error, writer->db, _("The evidence could not be stored"));
  if (!writer->nested)
    sqlite3_exec (writer->db, "ROLLBACK", NULL, NULL, NULL);
  writer->uncommitted = 0;
  return FALSE;
}

static void
delete_content (sqlite3    *db,
                const char *uuid)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "DELETE FROM evidence_chunk WHERE evidence_uuid = ?1 AND "
                          "NOT EXISTS (SELECT 1 FROM evidence WHERE uuid = ?1)",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (db,
                          "DELETE FROM evidence_line_index WHERE evidence_uuid = ?1 AND "
                          "NOT EXISTS (SELECT 1 FROM evidence WHERE uuid = ?1)",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
}

void
debrief_evidence_source_discard (DebriefEvidenceSource *source,
                                 DebriefEvidence       *evidence)
{
  sqlite3 *db;

  g_return_if_fail (source != NULL);
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (evidence));

  if ((db = _debrief_evidence_source_open (source, NULL)))
    {
      delete_content (db, debrief_record_get_uuid (DEBRIEF_RECORD (evidence)));
      sqlite3_close (db);
    }
}


/* What an import learnt of the content. */
typedef struct
{
  DebriefEvidenceKind     kind;
  DebriefTimestampFormat  format;
  gboolean                since_boot;
  guint64                 n_lines;
  gint64                  first_usec;
  gint64                  last_usec;
  guint64                 size;
  char                   *sha256;
  char                   *warning;
} ImportResult;

static void
import_result_clear (ImportResult *result)
{
  g_clear_pointer (&result->sha256, g_free);
  g_clear_pointer (&result->warning, g_free);
}

static void
widen_range (ImportResult *result,
             gint64        min_usec,
             gint64        max_usec)
{
  if (min_usec == G_MININT64 || max_usec == G_MININT64)
    return;

  result->first_usec = result->first_usec == G_MININT64 ? min_usec : MIN (result->first_usec, min_usec);
  result->last_usec = result->last_usec == G_MININT64 ? max_usec : MAX (result->last_usec, max_usec);
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
}

/* A log is stored by two threads: this one reads and parses the lines and
 * cuts the chunks, a writer checksums and stores them. Parsing and writing
 * each take about half of an import; on two cores they overlap. */
#define CHUNKS_IN_FLIGHT 4

typedef struct
{
  GByteArray *data;     /* NULL: the end */
  GByteArray *packed;
  guint32     n_lines;
  gint64      min_usec;
  gint64      max_usec;
  guint64     first_line;
} ChunkJob;

typedef struct
{
  ChunkWriter  writer;
  GAsyncQueue *jobs;    /* of ChunkJob; a job without data ends the queue */
  GAsyncQueue *tokens;  /* free buffers: bounds the chunks in memory */
  Sha256       checksum;
  GError      *error;
  gint         failed;  /* atomic */
} ChunkPipeline;

static void
chunk_job_free (ChunkJob *job)
{
  g_clear_pointer (&job->packed, g_byte_array_unref);
  g_free (job);
}

static gpointer
chunk_writer_thread (gpointer data)
{
  ChunkPipeline *pipeline = data;

  while (TRUE)
    {
      ChunkJob *job = g_async_queue_pop (pipeline->jobs);
      gboolean last = job->data == NULL;

      if (!last && !g_atomic_int_get (&pipeline->failed))
        {
          IndexBuilder index = { job->packed, job->n_lines, 0, job->min_usec, job->max_usec };

          sha256_update (&pipeline->checksum, job->data->len, job->data->data);
          if (!chunk_writer_add (&pipeline->writer, job->data->data, job->data->len, &index,
                                 job->first_line, &pipeline->error))
            g_atomic_int_set (&pipeline->failed, 1);
        }

      if (last)
        {
          chunk_job_free (job);
          break;
        }
      g_async_queue_push (pipeline->tokens, job->data);
      chunk_job_free (job);
    }

  if (!g_atomic_int_get (&pipeline->failed) && !chunk_writer_commit (&pipeline->writer, &pipeline->error))
    g_atomic_int_set (&pipeline->failed, 1);

  return NULL;
}

/* A free buffer; waits while the writer is CHUNKS_IN_FLIGHT behind. */
static GByteArray *
pipeline_spare (ChunkPipeline *pipeline)
{
  return g_async_queue_pop (pipeline->tokens);
}

/* Reads a log through the line reader, storing chunks that end at line
 * ends and their index rows. */
static gboolean
store_log_stream (sqlite3                       *db,
                  const char                    *uuid,
                  GInputStream                  *base,
                  guint64                        total,
                  const DebriefTimestampContext *context,
                  DebriefImportProgressFunc      progress,
                  gpointer                       user_data,
                  ImportResult                  *result,
                  GCancellable                  *cancellable,
                  GError                       **error)
{
  g_autoptr(DebriefTeeStream) tee = tee_stream_new (base);
  g_autoptr(DebriefLogReader) reader = NULL;
  IndexBuilder builder = { g_byte_array_sized_new (64 * 1024), 0, 0, 0, 0 };
  ChunkPipeline pipeline;
  GThread *thread = NULL;
  DebriefLogLine line;
  gboolean have_previous = FALSE;
  guint64 previous_offset = 0;
  DebriefLogLevel previous_level = DEBRIEF_LOG_LEVEL_NONE;
  gboolean previous_stamp = FALSE;
  gint64 previous_usec = G_MININT64;
  guint64 chunk_start = 0;
  guint64 chunk_first_line = 0;
  guint64 n_lines = 0;
  g_autoptr(GError) local_error = NULL;
  gboolean ok = FALSE;

  memset (&pipeline, 0, sizeof pipeline);
  index_builder_reset (&builder);
  sha256_init (&pipeline.checksum);
  if (!chunk_writer_init (&pipeline.writer, db, uuid, error))
    {
      chunk_writer_clear (&pipeline.writer);
      g_byte_array_unref (builder.packed);
      return FALSE;
    }

  pipeline.jobs = g_async_queue_new ();
  pipeline.tokens = g_async_queue_new_full ((GDestroyNotify) g_byte_array_unref);
  for (guint i = 0; i < CHUNKS_IN_FLIGHT; i++)
    g_async_queue_push (pipeline.tokens, g_byte_array_sized_new (3 * CHUNK_TARGET));
  thread = g_thread_new ("debrief-import-writer", chunk_writer_thread, &pipeline);

  reader = debrief_log_reader_new (G_INPUT_STREAM (tee), context, 0);
  debrief_log_reader_set_max_line_length (reader, MAX_PIECE);

#define FLUSH_TO(end)                                                              \
  G_STMT_START {                                                                   \
    gsize size_ = (gsize) ((end) - chunk_start);                                   \
    ChunkJob *job_ = g_new0 (ChunkJob, 1);                                         \
    if (g_atomic_int_get (&pipeline.failed))                                       \
      {                                                                            \
        g_free (job_);                                                             \
        goto out;                                                                  \
      }                                                                            \
    job_->data = take_front (tee, size_, pipeline_spare (&pipeline));              \
    job_->packed = g_byte_array_ref (builder.packed);                              \
    job_->n_lines = builder.n_lines;                                               \
    job_->min_usec = builder.min_usec;                                             \
    job_->max_usec = builder.max_usec;                                             \
    job_->first_line = chunk_first_line;                                           \
    widen_range (result, builder.max_usec == G_MININT64 ? G_MININT64 : builder.min_usec, \
                 builder.max_usec);                                                \
    g_async_queue_push (pipeline.jobs, job_);                                      \
    g_byte_array_unref (builder.packed);                                           \
    builder.packed = g_byte_array_sized_new (64 * 1024);                           \
    chunk_start = (end);                                                           \
    chunk_first_line = n_lines;                                                    \
    index_builder_reset (&builder);                                                \
    if (progress != NULL)                                                          \
      progress (chunk_start, total, user_data);                                    \
  } G_STMT_END

  while (debrief_log_reader_next (reader, &line, cancellable, &local_error))
    {
      if (have_previous)
        {
          index_builder_add (&builder, line.offset - previous_offset,
                             previous_level, previous_stamp, previous_usec);
          n_lines++;

          if (line.offset - chunk_start >= CHUNK_TARGET)
            FLUSH_TO (line.offset);
        }

      have_previous = TRUE;
      previous_offset = line.offset;
      previous_level = line.level;
      previous_stamp = line.has_stamp;
      previous_usec = line.usec;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto out;
    }

  if (have_previous)
    {
      index_builder_add (&builder, tee->total - previous_offset,
                         previous_level, previous_stamp, previous_usec);
      n_lines++;
    }
  if (tee->total > chunk_start)
    FLUSH_TO (tee->total);

#undef FLUSH_TO

  ok = TRUE;

out:
  /* The end of the queue: the writer commits what it has, or gives up. */
  {
    ChunkJob *last = g_new0 (ChunkJob, 1);

    if (!ok)
      g_atomic_int_set (&pipeline.failed, 1);
    g_async_queue_push (pipeline.jobs, last);
  }
  g_thread_join (thread);

  /* The writer's error, when it was the one that stopped: a failed write
   * ends the reading at the next chunk, with no error of the reader's. */
  if (pipeline.error != NULL && (error == NULL || *error == NULL))
    {
      ok = FALSE;
      g_propagate_error (error, g_steal_pointer (&pipeline.error));
    }
  g_clear_error (&pipeline.error);

  if (ok)
    {
      result->format = debrief_log_reader_get_format (reader);
      result->since_boot = debrief_timestamp_format_is_since_boot (result->format);
      result->n_lines = n_lines;
      result->size = tee->total;
      result->sha256 = sha256_hex (&pipeline.checksum);
      if (debrief_log_reader_get_n_split (reader) > 0)
        result->warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%" G_GUINT64_FORMAT " line is longer than 4 MB and is shown in pieces.",
                                                        "%" G_GUINT64_FORMAT " lines are longer than 4 MB and are shown in pieces.",
                                                        debrief_log_reader_get_n_split (reader)),
                                           debrief_log_reader_get_n_split (reader));
    }

  chunk_writer_clear (&pipeline.writer);
  g_async_queue_unref (pipeline.jobs);
  g_async_queue_unref (pipeline.tokens);
  g_byte_array_unref (builder.packed);

  return ok;
}

/* Stores bytes as they come, in chunks, with no index. */
static gboolean
store_plain_stream (sqlite3                    *db,
                    const char                 *uuid,
                    GInputStream               *stream,
                    guint64                     total,
                    DebriefImportProgressFunc   progress,
                    gpointer                    user_data,
                    ImportResult               *result,
                    GCancellable               *cancellable,
                    GError                    **error)
{
  g_autofree guint8 *buffer = g_malloc (CHUNK_TARGET);
  Sha256 checksum;
  ChunkWriter writer;
  gboolean ok = FALSE;

  sha256_init (&checksum);
  if (!chunk_writer_init (&writer, db, uuid, error))
    goto out;

  while (TRUE)
    {
      gsize n = 0;

      if (!g_input_stream_read_all (stream, buffer, CHUNK_TARGET, &n, cancellable, error))
        goto out;
      if (n == 0)
        break;

      sha256_update (&checksum, n, buffer);
      if (!chunk_writer_add (&writer, buffer, n, NULL, 0, error))
        goto out;
      result->size += n;
      if (progress != NULL)
        progress (result->size, total, user_data);
      if (n < CHUNK_TARGET)
        break;
    }

  if (!chunk_writer_commit (&writer, error))
    goto out;

  result->sha256 = sha256_hex (&checksum);
  ok = TRUE;

out:
  chunk_writer_clear (&writer);
  return ok;
}

/* Binary content: more than one byte in ten a control character (NUL
 * included) or not UTF-8.  A serial capture with some line noise, or a
 * log in Latin-1, stays text. */
static gboolean
looks_binary (const guint8 *data,
              gsize         size)
{
  gsize odd = 0;
  const char *p = (const char *) data;
  const char *end = p + size;

  while (p < end)
    {
      const char *valid_end;

      if (g_utf8_validate_len (p, (gsize) (end - p), &valid_end))
        valid_end = end;

      for (const char *q = p; q < valid_end; q++)
        {
          guint8 c = (guint8) *q;

          if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b)
            odd++;
        }

      if (valid_end < end)
        {
          /* A character cut by the end of the sample is not invalid. */
          if (end - valid_end < 4 && (guint8) *valid_end >= 0xc0)
            break;
          odd++;
          valid_end++;
        }
      p = valid_end;
    }

  return size > 0 && odd * 10 > size;
}

static gboolean
is_image (const guint8 *data,
          gsize         size)
{
  return (size >= 8 && memcmp (data, "\211PNG\r\n\032\n", 8) == 0) ||
         (size >= 3 && memcmp (data, "\377\330\377", 3) == 0);
}

static guint64
count_lines (const char *data,
             gsize       size)
{
  guint64 n = 0;
  const char *p = data;
  const char *end = data + size;

  while (p < end && (p = memchr (p, '\n', (gsize) (end - p))) != NULL)
    {
      n++;
      p++;
    }

  return size > 0 && data[size - 1] != '\n' ? n + 1 : n;
}

/* Checks content of a kind that must be read whole, and learns its time
 * range; fills in a warning for what could not be read. */
static gboolean
check_content (DebriefEvidenceSource  *source,
               GBytes                 *bytes,
               const char             *name,
               ImportResult           *result,
               GError                **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  switch (result->kind)
    {
    case DEBRIEF_EVIDENCE_KIND_METRICS:
      {
        g_autoptr(DebriefMetricsTable) table = debrief_metrics_csv_parse_bytes (bytes, source->zone, error);
        g_autoptr(GString) warning = g_string_new (NULL);

        if (table == NULL)
          return FALSE;

        result->n_lines = table->times->len;
        for (guint i = 0; i < table->times->len; i++)
          {
            gint64 t = g_array_index (table->times, gint64, i);

            widen_range (result, t, t);
          }

        if (table->n_ragged_rows > 0)
          g_string_append_printf (warning,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%u row has too few or too many fields.",
                                               "%u rows have too few or too many fields.",
                                               table->n_ragged_rows),
                                  table->n_ragged_rows);
        if (table->n_bad_values > 0)
          g_string_append_printf (warning, "%s%s", warning->len > 0 ? " " : "",
                                  _("Some values are not numbers and are left out of the chart."));
        if (table->n_bad_times > 0)
          g_string_append_printf (warning, "%s%s", warning->len > 0 ? " " : "",
                                  _("Some rows have a time that cannot be read and are left out."));
        if (warning->len > 0)
          result->warning = g_string_free (g_steal_pointer (&warning), FALSE);
        return TRUE;
      }

    case DEBRIEF_EVIDENCE_KIND_CHAT:
      {
        g_autoptr(DebriefChatImport) chat = NULL;

        chat = debrief_chat_import_bytes (bytes, name, DEBRIEF_CHAT_FORMAT_UNKNOWN, source->reference, error);
        if (chat == NULL)
          return FALSE;

        result->n_lines = chat->messages->len;
        for (guint i = 0; i < chat->messages->len; i++)
          {
            DebriefChatMessage *message = g_ptr_array_index (chat->messages, i);

            if (message->time != NULL)
              {
                gint64 t = debrief_date_time_to_usec (message->time);

                widen_range (result, t, t);
              }
          }

        if (chat->n_skipped > 0)
          result->warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u record could not be read (%s).",
                                                          "%u records could not be read (the first: %s).",
                                                          chat->n_skipped),
                                             chat->n_skipped,
                                             chat->first_skip_reason ? chat->first_skip_reason : "");
        return TRUE;
      }

    case DEBRIEF_EVIDENCE_KIND_REPORT:
      if (looks_binary (data, MIN (size, DEBRIEF_EVIDENCE_SAMPLE_SIZE)))
        {
          g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_NOT_TEXT,
                       _("“%s” is not text, so it cannot be read as a report. Import it as another kind of file to keep it as an attachment."),
                       name);
          return FALSE;
        }
      result->n_lines = count_lines ((const char *) data, size);
      return TRUE;

    case DEBRIEF_EVIDENCE_KIND_IMAGE:
      if (!is_image (data, size))
        {
          g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_UNREADABLE,
                       _("“%s” is not a PNG or JPEG image. Import it as another kind of file to keep it as an attachment."),
                       name);
          return FALSE;
        }
      return TRUE;

    case DEBRIEF_EVIDENCE_KIND_LOG:
    case DEBRIEF_EVIDENCE_KIND_OTHER:
    default:
      return TRUE;
    }
}

static void
apply_result (DebriefEvidenceSource      *source,
              DebriefEvidence            *evidence,
              const char                 *name,
              const char                 *original_name,
              const char                 *media_type,
              const DebriefImportOptions *options,
              ImportResult               *result)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) first = debrief_date_time_new_from_usec (result->first_usec);
  g_autoptr(GDateTime) last = debrief_date_time_new_from_usec (result->last_usec);
  const char *title = options != NULL && options->title != NULL && *options->title != '\0' ? options->title : name;

  debrief_evidence_set_title (evidence, title);
  debrief_evidence_set_kind (evidence, result->kind);
  debrief_evidence_set_original_name (evidence, original_name != NULL ? original_name : "");
  debrief_evidence_set_media_type (evidence, media_type != NULL ? media_type : "");
  debrief_evidence_set_added_by (evidence, source->user_name != NULL ? source->user_name : "");
  debrief_evidence_set_added_at (evidence, now);
  debrief_evidence_set_sha256 (evidence, result->sha256 != NULL ? result->sha256 : "");
  debrief_evidence_set_size (evidence, (gint64) result->size);
  debrief_evidence_set_time_format (evidence, debrief_timestamp_format_to_id (result->format));
  debrief_evidence_set_since_boot (evidence, result->since_boot);
  debrief_evidence_set_line_count (evidence, (gint64) result->n_lines);
  debrief_evidence_set_first_at (evidence, first);
  debrief_evidence_set_last_at (evidence, last);

  if (options != NULL && options->boot_time != NULL)
    {
      if (result->since_boot)
        debrief_evidence_set_clock_offset_ms (evidence, debrief_date_time_to_usec (options->boot_time) / 1000);
      else
        {
          g_autofree char *old = g_steal_pointer (&result->warning);

          result->warning = g_strdup_printf ("%s%s%s", old ? old : "", old ? " " : "",
                                             _("Its clock is not time since boot, so the boot time was not used."));
        }
    }

  if (options != NULL && options->has_clock_offset)
    debrief_evidence_set_clock_offset_ms (evidence, options->clock_offset_ms);
}

static gboolean
check_writable (DebriefEvidenceSource  *source,
                GError                **error)
{
  if (source->read_only)
    {
      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_READ_ONLY,
                   _("This incident is open read-only: evidence cannot be added to it."));
      return FALSE;
    }

  return TRUE;
}

/* Stores content already in memory: pasted text, a chat folder made into
 * one file, or a file of a kind that is read whole. */
static DebriefEvidence *
import_memory (DebriefEvidenceSource      *source,
               sqlite3                    *db,
               GBytes                     *bytes,
               const char                 *name,
               const char                 *original_name,
               const char                 *media_type,
               const DebriefImportOptions *options,
               DebriefEvidenceKind         kind,
               char                      **warning,
               GCancellable               *cancellable,
               GError                    **error)
{
  g_autoptr(DebriefEvidence) evidence = debrief_evidence_new ();
  const char *uuid = debrief_record_get_uuid (DEBRIEF_RECORD (evidence));
  ImportResult result = { kind, DEBRIEF_TS_NONE, FALSE, 0, G_MININT64, G_MININT64, 0, NULL, NULL };
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gboolean ok;

  if (size == 0)
    {
      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_EMPTY,
                   _("“%s” is empty: there is nothing to import."), name);
      return NULL;
    }

  if (kind == DEBRIEF_EVIDENCE_KIND_LOG)
    {
      g_autoptr(GInputStream) stream = NULL;
      DebriefTimestampContext context;

      if (looks_binary (data, MIN (size, DEBRIEF_EVIDENCE_SAMPLE_SIZE)))
        {
          g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_NOT_TEXT,
                       _("“%s” is not text, so it cannot be read as a log. Import it as another kind of file to keep it as an attachment."),
                       name);
          return NULL;
        }

      _debrief_evidence_source_get_context (source, &context);
      stream = g_memory_input_stream_new_from_bytes (bytes);
      ok = store_log_stream (db, uuid, stream, size, &context, NULL, NULL, &result, cancellable, error);
    }
  else
    {
      g_autoptr(GInputStream) stream = NULL;

      ok = check_content (source, bytes, name, &result, error);
      if (ok)
        {
          stream = g_memory_input_stream_new_from_bytes (bytes);
          ok = store_plain_stream (db, uuid, stream, size, NULL, NULL, &result, cancellable, error);
        }
    }

  if (!ok)
    {
      delete_content (db, uuid);
      import_result_clear (&result);
      return NULL;
    }

  apply_result (source, evidence, name, original_name, media_type, options, &result);
  if (warning != NULL)
    *warning = g_steal_pointer (&result.warning);
  import_result_clear (&result);

  return g_steal_pointer (&evidence);
}

DebriefEvidence *
debrief_evidence_import_bytes (DebriefEvidenceSource       *source,
                               GBytes                      *bytes,
                               const char                  *name,
                               const DebriefImportOptions  *options,
                               char                       **warning,
                               GCancellable                *cancellable,
                               GError                     **error)
{
  DebriefEvidence *evidence;
  DebriefEvidenceKind kind;
  g_autofree char *media_type = NULL;
  sqlite3 *db;
  gsize size;
  const guint8 *data;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!check_writable (source, error))
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  media_type = g_content_type_guess (NULL, data, MIN (size, DEBRIEF_EVIDENCE_SAMPLE_SIZE), NULL);
  if (options != NULL && options->has_kind)
    kind = options->kind;
  else
    {
      g_autoptr(GBytes) sample = g_bytes_new_from_bytes (bytes, 0, MIN (size, DEBRIEF_EVIDENCE_SAMPLE_SIZE));

      kind = debrief_evidence_detect_kind (sample, NULL, media_type);
    }

  if (!(db = _debrief_evidence_source_open (source, error)))
    return NULL;
  evidence = import_memory (source, db, bytes, name, "", media_type, options, kind, warning, cancellable, error);
  sqlite3_close (db);

  return evidence;
}

static void
set_file_error (GError     **error,
                const GError *cause,
                const char  *name)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_NOT_FOUND,
                 _("“%s” is no longer there: it was moved or deleted before it could be imported."), name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, cause->message);
  else if (cause->domain == G_IO_ERROR)
    g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_UNREADABLE,
                 _("“%s” could not be read: %s"), name, cause->message);
  else
    g_set_error_literal (error, cause->domain, cause->code, cause->message);
}

/* A Slack channel folder, read with its users, as one JSON list of
 * messages in Slack's own form, so that it is read back the same way. */
static GBytes *
chat_folder_to_bytes (DebriefEvidenceSource  *source,
                      GFile                  *folder,
                      GCancellable           *cancellable,
                      GError                **error)
{
  g_autoptr(DebriefChatImport) chat = debrief_chat_import_file (folder, source->reference, cancellable, error);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  char *text;
  gsize length;

  if (chat == NULL)
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < chat->messages->len; i++)
    {
      DebriefChatMessage *message = g_ptr_array_index (chat->messages, i);
      g_autofree char *ts = NULL;

      if (message->time == NULL)
        continue;

      ts = g_strdup_printf ("%" G_GINT64_FORMAT ".%06d",
                            g_date_time_to_unix (message->time),
                            g_date_time_get_microsecond (message->time));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "message");
      json_builder_set_member_name (builder, "ts");
      json_builder_add_string_value (builder, ts);
      json_builder_set_member_name (builder, "user_name");
      json_builder_add_string_value (builder, message->author ? message->author : "");
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, message->text ? message->text : "");
      if (message->thread_id != NULL)
        {
          json_builder_set_member_name (builder, "thread_ts");
          json_builder_add_string_value (builder, message->thread_id);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);

  return g_bytes_new_take (text, length);
}

DebriefEvidence *
debrief_evidence_import_file (DebriefEvidenceSource       *source,
                              GFile                       *file,
                              const DebriefImportOptions  *options,
                              DebriefImportProgressFunc    progress,
                              gpointer                     user_data,
                              char                       **warning,
                              GCancellable                *cancellable,
                              GError                     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) sample = NULL;
  g_autoptr(DebriefEvidence) evidence = NULL;
  g_autofree char *name = NULL;
  g_autofree char *media_type = NULL;
  DebriefEvidenceKind kind;
  guint64 size;
  sqlite3 *db = NULL;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!check_writable (source, error))
    return NULL;

  name = g_file_get_basename (file);
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      set_file_error (error, local_error, name);
      return NULL;
    }
  g_free (name);
  name = g_strdup (g_file_info_get_display_name (info));

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(GBytes) bytes = chat_folder_to_bytes (source, file, cancellable, error);
      g_autofree char *original = g_strconcat (name, "/", NULL);

      if (bytes == NULL)
        return NULL;
      if (!(db = _debrief_evidence_source_open (source, error)))
        return NULL;
      evidence = import_memory (source, db, bytes, name, original, "application/json", options,
                                DEBRIEF_EVIDENCE_KIND_CHAT, warning, cancellable, error);
      sqlite3_close (db);
      return g_steal_pointer (&evidence);
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_UNREADABLE,
                   _("“%s” is not a file that can be imported."), name);
      return NULL;
    }

  size = (guint64) g_file_info_get_size (info);
  if (size == 0)
    {
      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_EMPTY,
                   _("“%s” is empty: there is nothing to import."), name);
      return NULL;
    }

  if (!(stream = g_file_read (file, cancellable, &local_error)))
    {
      set_file_error (error, local_error, name);
      return NULL;
    }

  /* The sample decides the kind; it is read again as part of the whole. */
  {
    g_autofree guint8 *buffer = g_malloc (DEBRIEF_EVIDENCE_SAMPLE_SIZE);
    gsize n = 0;

    if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, DEBRIEF_EVIDENCE_SAMPLE_SIZE,
                                  &n, cancellable, &local_error) ||
        !g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, &local_error))
      {
        set_file_error (error, local_error, name);
        return NULL;
      }
    sample = g_bytes_new_take (g_steal_pointer (&buffer), n);
  }

  media_type = g_content_type_get_mime_type (g_file_info_get_content_type (info) ?
                                             g_file_info_get_content_type (info) : "application/octet-stream");
  if (options != NULL && options->has_kind)
    kind = options->kind;
  else
    kind = debrief_evidence_detect_kind (sample, name, media_type);

  if (!(db = _debrief_evidence_source_open (source, error)))
    return NULL;

  if (kind == DEBRIEF_EVIDENCE_KIND_LOG || kind == DEBRIEF_EVIDENCE_KIND_OTHER ||
      (kind == DEBRIEF_EVIDENCE_KIND_REPORT && size > MAX_PARSED_SIZE))
    {
      ImportResult result = { kind, DEBRIEF_TS_NONE, FALSE, 0, G_MININT64, G_MININT64, 0, NULL, NULL };
      gboolean ok;

      evidence = debrief_evidence_new ();

      if (kind == DEBRIEF_EVIDENCE_KIND_LOG)
        {
          DebriefTimestampContext context;
          gsize sample_size;
          const guint8 *sample_data = g_bytes_get_data (sample, &sample_size);

          if (looks_binary (sample_data, sample_size))
            {
              g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_NOT_TEXT,
                           _("“%s” is not text, so it cannot be read as a log. Import it as another kind of file to keep it as an attachment."),
                           name);
              sqlite3_close (db);
              return NULL;
            }

          _debrief_evidence_source_get_context (source, &context);
          ok = store_log_stream (db, debrief_record_get_uuid (DEBRIEF_RECORD (evidence)),
                                 G_INPUT_STREAM (stream), size, &context, progress, user_data,
                                 &result, cancellable, &local_error);
        }
      else
        {
          if (kind == DEBRIEF_EVIDENCE_KIND_REPORT)
            result.kind = DEBRIEF_EVIDENCE_KIND_OTHER;
          ok = store_plain_stream (db, debrief_record_get_uuid (DEBRIEF_RECORD (evidence)),
                                   G_INPUT_STREAM (stream), size, progress, user_data,
                                   &result, cancellable, &local_error);
        }

      if (!ok)
        {
          delete_content (db, debrief_record_get_uuid (DEBRIEF_RECORD (evidence)));
          sqlite3_close (db);
          import_result_clear (&result);
          set_file_error (error, local_error, name);
          return NULL;
        }

      if (result.size == 0)
        {
          delete_content (db, debrief_record_get_uuid (DEBRIEF_RECORD (evidence)));
          sqlite3_close (db);
          import_result_clear (&result);
          g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_EMPTY,
                       _("“%s” is empty: there is nothing to import."), name);
          return NULL;
        }

      apply_result (source, evidence, name, name, media_type, options, &result);
      if (warning != NULL)
        *warning = g_steal_pointer (&result.warning);
      import_result_clear (&result);
    }
  else
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GByteArray) array = NULL;

      if (size > MAX_PARSED_SIZE)
        {
          g_autofree char *formatted = g_format_size (size);

          g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_TOO_LARGE,
                       _("“%s” is too large (%s) to be read as %s. Import it as another kind of file to keep it as an attachment."),
                       name, formatted, debrief_evidence_kind_get_name (kind));
          sqlite3_close (db);
          return NULL;
        }

      array = g_byte_array_sized_new ((guint) size);
      while (TRUE)
        {
          guint8 buffer[64 * 1024];
          gsize n = 0;

          if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, sizeof buffer, &n,
                                        cancellable, &local_error))
            {
              set_file_error (error, local_error, name);
              sqlite3_close (db);
              return NULL;
            }
          g_byte_array_append (array, buffer, (guint) n);
          if (progress != NULL)
            progress (array->len, size, user_data);
          if (n < sizeof buffer || array->len > MAX_PARSED_SIZE)
            break;
        }
      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&array));
      evidence = import_memory (source, db, bytes, name, name, media_type, options, kind,
                                warning, cancellable, error);
    }

  sqlite3_close (db);
  return g_steal_pointer (&evidence);
}

gboolean
debrief_evidence_add_to_document (DebriefDocument  *document,
                                  DebriefEvidence  *evidence,
                                  GError          **error)
{
  GListModel *list;
  gint64 position = 0;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), FALSE);

  list = debrief_document_get_records (document, DEBRIEF_TYPE_EVIDENCE);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DebriefEvidence) item = g_list_model_get_item (list, i);

      position = MAX (position, debrief_evidence_get_position (item) + 1);
    }
  debrief_evidence_set_position (evidence, position);

  return debrief_document_add (document, DEBRIEF_RECORD (evidence), error);
}

/* --- Clock alignment and citations ------------------------------------ */

static gboolean
find_entry (sqlite3           *db,
            const char        *uuid,
            guint64            line,
            DebriefLineEntry  *out,
            GError           **error)
{
  g_autoptr(GArray) rows = _debrief_evidence_read_index_rows (db, uuid, error);
  g_autoptr(GArray) entries = NULL;

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      DebriefIndexRow *row = &g_array_index (rows, DebriefIndexRow, i);

      if (line < row->first_line || line >= row->first_line + row->line_count)
        continue;

      if (!(entries = _debrief_evidence_read_index_entries (db, uuid, row->seq, error)))
        return FALSE;
      *out = g_array_index (entries, DebriefLineEntry, line - row->first_line);
      return TRUE;
    }

  g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_NOT_FOUND,
               _("The log has no line %" G_GUINT64_FORMAT "."), line + 1);
  return FALSE;
}

gboolean
debrief_evidence_align_line (DebriefDocument  *document,
                             DebriefEvidence  *evidence,
                             guint64           line,
                             GDateTime        *wall_clock,
                             GError          **error)
{
  DebriefLineEntry entry;
  gint64 offset_usec;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), FALSE);
  g_return_val_if_fail (wall_clock != NULL, FALSE);

  if (debrief_evidence_get_kind (evidence) != DEBRIEF_EVIDENCE_KIND_LOG)
    {
      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_UNREADABLE,
                   _("Only a log’s clock can be aligned by one of its lines."));
      return FALSE;
    }

  if (!find_entry (_debrief_document_get_db (document),
                   debrief_record_get_uuid (DEBRIEF_RECORD (evidence)), line, &entry, error))
    return FALSE;

  if (entry.usec == G_MININT64)
    {
      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_UNREADABLE,
                   _("Line %" G_GUINT64_FORMAT " has no time, nor has a line above it: choose a line with a time."),
                   line + 1);
      return FALSE;
    }

  offset_usec = debrief_date_time_to_usec (wall_clock) - entry.usec;
  /* Rounded to the nearest millisecond, halves away from zero. */
  debrief_evidence_set_clock_offset_ms (evidence,
                                        offset_usec >= 0 ? (offset_usec + 500) / 1000
                                                         : -((-offset_usec + 500) / 1000));
  return TRUE;
}

gboolean
debrief_evidence_set_boot_time (DebriefDocument  *document,
                                DebriefEvidence  *evidence,
                                GDateTime        *boot_time,
                                GError          **error)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), FALSE);
  g_return_val_if_fail (boot_time != NULL, FALSE);

  if (!debrief_evidence_get_since_boot (evidence))
    {
      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_UNREADABLE,
                   _("“%s” has wall-clock times, not time since boot: align it by one of its lines instead."),
                   debrief_evidence_get_title (evidence));
      return FALSE;
    }

  debrief_evidence_set_clock_offset_ms (evidence, debrief_date_time_to_usec (boot_time) / 1000);
  return TRUE;
}

static char *
first_line_of (const char *text,
               gsize       max_chars)
{
  const char *start = text;
  const char *end;
  g_autofree char *line = NULL;

  while (*start == ' ' || *start == '\t' || *start == '\n' || *start == '\r')
    start++;
  end = start + strcspn (start, "\r\n");
  line = g_strndup (start, (gsize) (end - start));
  g_strstrip (line);

  if (g_utf8_strlen (line, -1) > (glong) max_chars)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, (glong) max_chars - 1);

      return g_strconcat (cut, "…", NULL);
    }

  return g_steal_pointer (&line);
}

DebriefTimelineEvent *
debrief_evidence_cite (DebriefDocument  *document,
                       DebriefEvidence  *evidence,
                       guint64           first,
                       guint64           last,
                       gint64            usec,
                       const char       *text,
                       GError          **error)
{
  g_autoptr(DebriefTimelineEvent) event = debrief_timeline_event_new ();
  g_autoptr(GDateTime) at = debrief_date_time_new_from_usec (usec);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  GListModel *events;
  gint64 position = 0;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), NULL);
  g_return_val_if_fail (first <= last, NULL);
  g_return_val_if_fail (last <= G_MAXINT64, NULL);

  title = first_line_of (text != NULL ? text : "", 120);
  if (*title == '\0')
    {
      g_free (title);
      title = g_strdup (debrief_evidence_get_title (evidence));
    }

  description = g_utf8_make_valid (text != NULL ? text : "", (gssize) MIN (strlen (text ? text : ""), 64 * 1024));

  events = debrief_document_get_records (document, DEBRIEF_TYPE_TIMELINE_EVENT);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DebriefTimelineEvent) item = g_list_model_get_item (events, i);

      position = MAX (position, debrief_timeline_event_get_position (item) + 1);
    }

  debrief_timeline_event_set_position (event, position);
  debrief_timeline_event_set_occurred_at (event, at);
  debrief_timeline_event_set_title (event, title);
  debrief_timeline_event_set_description (event, description);
  debrief_timeline_event_set_evidence_uuid (event, debrief_record_get_uuid (DEBRIEF_RECORD (evidence)));
  debrief_timeline_event_set_evidence_first (event, (gint64) first);
  debrief_timeline_event_set_evidence_last (event, (gint64) last);

  if (!debrief_document_add (document, DEBRIEF_RECORD (event), error))
    return NULL;

  return g_steal_pointer (&event);
}

gboolean
debrief_evidence_change_kind (DebriefDocument      *document,
                              DebriefEvidence      *evidence,
                              DebriefEvidenceKind   kind,
                              GError              **error)
{
  g_autoptr(DebriefEvidenceSource) source = NULL;
  ImportResult result = { kind, DEBRIEF_TS_NONE, FALSE, 0, G_MININT64, G_MININT64, 0, NULL, NULL };
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), FALSE);

  if (debrief_evidence_get_kind (evidence) == kind)
    return TRUE;

  source = debrief_evidence_source_new (document);
  if (!check_writable (source, error))
    return FALSE;

  if (kind == DEBRIEF_EVIDENCE_KIND_LOG)
    {
      sqlite3 *db = _debrief_document_get_db (document);
      g_autoptr(GArray) rows = _debrief_evidence_read_index_rows (db, debrief_record_get_uuid (DEBRIEF_RECORD (evidence)), NULL);
      DebriefTimestampContext context;
      gboolean ok;

      if (debrief_evidence_get_size (evidence) > 0 && rows != NULL && rows->len == 0)
        {
          g_autoptr(GBytes) chunk = _debrief_evidence_read_chunk (db, debrief_record_get_uuid (DEBRIEF_RECORD (evidence)), 0, error);
          gsize size;
          const guint8 *data;

          if (chunk == NULL)
            return FALSE;
          data = g_bytes_get_data (chunk, &size);
          if (looks_binary (data, MIN (size, DEBRIEF_EVIDENCE_SAMPLE_SIZE)))
            {
              g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_NOT_TEXT,
                           _("“%s” is not text, so it cannot be read as a log."),
                           debrief_evidence_get_title (evidence));
              return FALSE;
            }

          _debrief_evidence_source_get_context (source, &context);
          debrief_document_begin_group (document);
          ok = _debrief_evidence_reindex_log (db, evidence, &context, error);
          if (ok)
            debrief_evidence_set_kind (evidence, kind);
          debrief_document_end_group (document);
          return ok;
        }

      debrief_evidence_set_kind (evidence, kind);
      return TRUE;
    }

  if (kind != DEBRIEF_EVIDENCE_KIND_OTHER)
    {
      g_autoptr(GBytes) bytes = debrief_evidence_read_bytes (document, evidence, MAX_PARSED_SIZE, error);

      if (bytes == NULL || !check_content (source, bytes, debrief_evidence_get_original_name (evidence), &result, error))
        {
          import_result_clear (&result);
          return FALSE;
        }
    }

  first = debrief_date_time_new_from_usec (result.first_usec);
  last = debrief_date_time_new_from_usec (result.last_usec);

  debrief_document_begin_group (document);
  debrief_evidence_set_kind (evidence, kind);
  debrief_evidence_set_line_count (evidence, (gint64) result.n_lines);
  debrief_evidence_set_first_at (evidence, first);
  debrief_evidence_set_last_at (evidence, last);
  debrief_evidence_set_time_format (evidence, "");
  debrief_evidence_set_since_boot (evidence, FALSE);
  debrief_document_end_group (document);
  import_result_clear (&result);

  return TRUE;
}

gboolean
debrief_evidence_parse_offset (const char *text,
                               gint64     *out_ms)
{
  g_autofree char *unit = NULL;
  g_autofree char *trimmed = NULL;
  gint64 value;
  char *end = NULL;
  gint64 scale;

  g_return_val_if_fail (out_ms != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return FALSE;

  errno = 0;
  value = g_ascii_strtoll (trimmed, &end, 10);
  if (errno != 0 || end == trimmed)
    return FALSE;

  unit = g_strstrip (g_ascii_strdown (end, -1));
  if (*unit == '\0' || g_str_equal (unit, "ms"))
    scale = 1;
  else if (g_str_equal (unit, "s"))
    scale = 1000;
  else if (g_str_equal (unit, "m") || g_str_equal (unit, "min"))
    scale = 60 * 1000;
  else if (g_str_equal (unit, "h"))
    scale = 60 * 60 * 1000;
  else
    return FALSE;

  if (value > G_MAXINT64 / scale || value < G_MININT64 / scale)
    return FALSE;

  *out_ms = value * scale;
  return TRUE;
}

char *
debrief_evidence_format_offset (gint64 offset_ms)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint64 rest;
  guint64 days, hours, minutes, ms;

  if (offset_ms == 0)
    return g_strdup (_("none"));

  g_string_append (out, offset_ms < 0 ? "−" : "+");
  rest = offset_ms < 0 ? (guint64) -(offset_ms + 1) + 1 : (guint64) offset_ms;

  days = rest / (24 * 3600 * 1000);
  rest %= 24 * 3600 * 1000;
  hours = rest / (3600 * 1000);
  rest %= 3600 * 1000;
  minutes = rest / 60000;
  rest %= 60000;
  ms = rest;

  if (days > 0)
    g_string_append_printf (out, _("%" G_GUINT64_FORMAT " d "), days);
  if (hours > 0)
    g_string_append_printf (out, _("%" G_GUINT64_FORMAT " h "), hours);
  if (minutes > 0)
    g_string_append_printf (out, _("%" G_GUINT64_FORMAT " min "), minutes);
  if (ms > 0)
    {
      if (ms % 1000 == 0)
        g_string_append_printf (out, _("%" G_GUINT64_FORMAT " s"), ms / 1000);
      else if (ms < 1000 && out->len == 1)
        g_string_append_printf (out, _("%" G_GUINT64_FORMAT " ms"), ms);
      else
        g_string_append_printf (out, _("%" G_GUINT64_FORMAT ".%03u s"), ms / 1000, (guint) (ms % 1000));
    }

  g_strchomp (out->str);
  out->len = strlen (out->str);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* --- Search ----------------------------------------------------------- */

#ifdef __SSE2__
#include <emmintrin.h>
#endif

static inline guint8
fold (guint8 c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static gboolean
equal_folded (const guint8 *a,
              const guint8 *b,
              gsize         n)
{
  for (gsize i = 0; i < n; i++)
    if (fold (a[i]) != fold (b[i]))
      return FALSE;

  return TRUE;
}

/* A substring search, ASCII letters folded unless @match_case: the first
 * and last bytes of the needle are looked for sixteen places at a time,
 * and only where both are found is the rest compared. */
gboolean
_debrief_ascii_find (const char *haystack,
                     gsize       length,
                     const char *needle,
                     gsize       needle_length,
                     gboolean    match_case,
                     gsize      *position)
{
  const guint8 *h = (const guint8 *) haystack;
  const guint8 *n = (const guint8 *) needle;
  gsize i = 0;
  guint8 first;
  guint8 last;

  if (needle_length == 0)
    {
      *position = 0;
      return TRUE;
    }
  if (needle_length > length)
    return FALSE;

  /* Folding ORs 0x20 into both sides of the filter; matching case, the
   * filter compares bytes as they are. Either way the candidates it lets
   * through are compared whole. */
  {
    guint8 mask_case = match_case ? 0 : 0x20;

    first = (match_case ? n[0] : fold (n[0])) | mask_case;
    last = (match_case ? n[needle_length - 1] : fold (n[needle_length - 1])) | mask_case;

#ifdef __SSE2__
    {
      const __m128i v_first = _mm_set1_epi8 ((char) first);
      const __m128i v_last = _mm_set1_epi8 ((char) last);
      const __m128i v_case = _mm_set1_epi8 ((char) mask_case);

      for (; i + needle_length - 1 + 16 <= length; i += 16)
        {
          __m128i block_first = _mm_or_si128 (_mm_loadu_si128 ((const __m128i *) (h + i)), v_case);
          __m128i block_last = _mm_or_si128 (_mm_loadu_si128 ((const __m128i *) (h + i + needle_length - 1)), v_case);
          unsigned mask = (unsigned) _mm_movemask_epi8 (_mm_and_si128 (_mm_cmpeq_epi8 (block_first, v_first),
                                                                       _mm_cmpeq_epi8 (block_last, v_last)));

          while (mask != 0)
            {
              guint bit = (guint) __builtin_ctz (mask);

              if (match_case ? memcmp (h + i + bit, n, needle_length) == 0
                             : equal_folded (h + i + bit, n, needle_length))
                {
                  *position = i + bit;
                  return TRUE;
                }
              mask &= mask - 1;
            }
        }
    }
#endif

    for (; i + needle_length <= length; i++)
      if ((h[i] | mask_case) == first &&
          (match_case ? memcmp (h + i, n, needle_length) == 0 : equal_folded (h + i, n, needle_length)))
        {
          *position = i;
          return TRUE;
        }
  }

  return FALSE;
}

/* The line around a match, as valid UTF-8, with the match located in it. */
static void
emit_match (DebriefSearchMatch *match,
            const char         *line,
            gsize               line_length,
            gsize               match_offset,
            gsize               query_length,
            char              **text_out)
{
  gsize start = 0;
  gsize end = line_length;
  gsize prefix_length;
  gsize match_length;
  g_autofree char *prefix = NULL;
  g_autofree char *matched = NULL;
  g_autofree char *text = NULL;

  /* At most about 1 KiB of a long line, around the match. */
  if (line_length > 1024)
    {
      start = match_offset > 400 ? match_offset - 400 : 0;
      end = MIN (line_length, start + 1024);
      if (match_offset + query_length > end)
        end = MIN (line_length, match_offset + query_length);
    }

  prefix = _debrief_text_sanitize (line + start, match_offset - start, &prefix_length);
  matched = _debrief_text_sanitize (line + match_offset, query_length, &match_length);
  text = _debrief_text_sanitize (line + start, end - start, &(gsize) { 0 });

  match->text = text;
  match->match_start = (guint) prefix_length;
  match->match_length = (guint) match_length;
  *text_out = g_steal_pointer (&text);
}

typedef struct
{
  DebriefSearchFunc  func;
  gpointer           user_data;
  const char        *query;
  gsize              query_length;
  gboolean           match_case;
  GCancellable      *cancellable;
  gboolean           stopped;
} SearchState;

static gboolean
search_log (sqlite3             *db,
            DebriefSearchMatch  *match,
            gint64               offset_usec,
            SearchState         *state,
            GError             **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (DebriefLineEntry));
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT c.compression, c.size, c.data, i.first_line, i.line_count, i.data "
                          "FROM evidence_chunk AS c JOIN evidence_line_index AS i "
                          "ON i.evidence_uuid = c.evidence_uuid AND i.seq = c.seq "
                          "WHERE c.evidence_uuid = ?1 ORDER BY c.seq",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, db, _("The evidence could not be searched"));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, match->evidence_uuid, -1, SQLITE_STATIC);

  while (!state->stopped && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) chunk = NULL;
      const char *data;
      gsize size;
      gsize at = 0;
      gboolean decoded = FALSE;
      guint entry = 0;

      if (g_cancellable_set_error_if_cancelled (state->cancellable, error))
        goto failed;

      if (!(chunk = chunk_from_row (stmt, 0, error)))
        goto failed;
      data = g_bytes_get_data (chunk, &size);

      while (at < size)
        {
          gsize found;
          const DebriefLineEntry *e;
          const char *text;
          gsize text_length;
          g_autofree char *owned = NULL;

          if (!_debrief_ascii_find (data + at, size - at, state->query, state->query_length,
                                    state->match_case, &found))
            break;
          found += at;

          if (!decoded)
            {
              gint64 n_lines = sqlite3_column_int64 (stmt, 4);

              if (n_lines < 0 || n_lines > G_MAXUINT32 ||
                  !_debrief_line_index_decode (sqlite3_column_blob (stmt, 5),
                                               (gsize) sqlite3_column_bytes (stmt, 5),
                                               (guint32) n_lines, (guint32) size, entries))
                {
                  g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_MISSING,
                               _("The line index of “%s” is damaged."), match->evidence_title);
                  goto failed;
                }
              decoded = TRUE;
            }

          /* Matches come in order, so the line is at or after the last. */
          while (entry + 1 < entries->len &&
                 g_array_index (entries, DebriefLineEntry, entry + 1).offset <= found)
            entry++;
          if (entry >= entries->len)
            break;
          e = &g_array_index (entries, DebriefLineEntry, entry);

          _debrief_line_entry_get_text (e, data, &text, &text_length);
          if (found + state->query_length <= (gsize) (text - data) + text_length)
            {
              match->line = (guint64) sqlite3_column_int64 (stmt, 3) + entry;
              match->usec = e->usec == G_MININT64 ? G_MININT64 : e->usec + offset_usec;
              emit_match (match, text, text_length, found - (gsize) (text - data), state->query_length, &owned);
              if (!state->func (match, state->user_data))
                {
                  state->stopped = TRUE;
                  break;
                }
            }

          /* One match a line, as grep counts them. */
          at = e->offset + e->length;
          entry++;
          if (entry >= entries->len)
            break;
        }
    }

  if (!state->stopped && rc != SQLITE_DONE)
    {
      set_db_error (error, db, _("The evidence could not be searched"));
      goto failed;
    }

  sqlite3_finalize (stmt);
  return TRUE;

failed:
  sqlite3_finalize (stmt);
  return FALSE;
}

static GBytes *
read_all (sqlite3     *db,
          const char  *uuid,
          const char  *title,
          GError     **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  Gather gather = { out, MAX_PARSED_SIZE, title };

  if (!for_each_chunk (db, uuid, gather_chunk, &gather, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static gboolean
search_text (GBytes              *bytes,
             DebriefSearchMatch  *match,
             SearchState         *state)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *line = data;
  guint64 line_number = 0;
  gsize at = 0;

  while (!state->stopped && at < size)
    {
      gsize found;
      const char *line_end;
      g_autofree char *owned = NULL;

      if (!_debrief_ascii_find (data + at, size - at, state->query, state->query_length,
                                state->match_case, &found))
        break;
      found += at;

      /* Counts the lines between the last match and this one. */
      for (const char *p = line; (p = memchr (p, '\n', (gsize) (data + found - p))) != NULL; p++)
        {
          line_number++;
          line = p + 1;
        }

      line_end = memchr (data + found, '\n', size - found);
      if (line_end == NULL)
        line_end = data + size;

      match->line = line_number;
      match->usec = G_MININT64;
      emit_match (match, line, (gsize) (line_end - line - (line_end > line && line_end[-1] == '\r')),
                  (gsize) (data + found - line), state->query_length, &owned);
      if (!state->func (match, state->user_data))
        state->stopped = TRUE;

      at = (gsize) (line_end - data) + 1;
    }

  return TRUE;
}

static gboolean
search_chat (DebriefEvidenceSource  *source,
             GBytes                 *bytes,
             const char             *name,
             DebriefSearchMatch     *match,
             gint64                  offset_usec,
             SearchState            *state)
{
  g_autoptr(DebriefChatImport) chat = debrief_chat_import_bytes (bytes, name, DEBRIEF_CHAT_FORMAT_UNKNOWN,
                                                                 source->reference, NULL);

  if (chat == NULL)
    return TRUE;

  for (guint i = 0; i < chat->messages->len && !state->stopped; i++)
    {
      DebriefChatMessage *message = g_ptr_array_index (chat->messages, i);
      g_autofree char *line = g_strdup_printf ("%s: %s", message->author ? message->author : "",
                                               message->text ? message->text : "");
      g_autofree char *owned = NULL;
      gsize found;

      for (char *p = line; *p != '\0'; p++)
        if (*p == '\n' || *p == '\r')
          *p = ' ';

      if (!_debrief_ascii_find (line, strlen (line), state->query, state->query_length,
                                state->match_case, &found))
        continue;

      match->line = i;
      match->usec = message->time != NULL ? debrief_date_time_to_usec (message->time) + offset_usec : G_MININT64;
      emit_match (match, line, strlen (line), found, state->query_length, &owned);
      if (!state->func (match, state->user_data))
        state->stopped = TRUE;
    }

  return TRUE;
}

gboolean
debrief_evidence_search (DebriefEvidenceSource  *source,
                         const char             *query,
                         gboolean                match_case,
                         DebriefSearchFunc       func,
                         gpointer                user_data,
                         GCancellable           *cancellable,
                         GError                **error)
{
  SearchState state = { func, user_data, query, 0, match_case, cancellable, FALSE };
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  state.query_length = strlen (query);
  if (state.query_length == 0)
    return TRUE;

  if (!(db = _debrief_evidence_source_open (source, error)))
    return FALSE;

  if (sqlite3_prepare_v2 (db,
                          "SELECT uuid, title, kind, clock_offset_ms, original_name FROM evidence "
                          "ORDER BY position, rowid",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, db, _("The evidence could not be searched"));
      goto out;
    }

  while (!state.stopped && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      g_autofree char *title = _debrief_text_sanitize ((const char *) sqlite3_column_text (stmt, 1),
                                                       (gsize) sqlite3_column_bytes (stmt, 1), &(gsize) { 0 });
      const char *kind = (const char *) sqlite3_column_text (stmt, 2);
      gint64 offset_usec = sqlite3_column_int64 (stmt, 3) * 1000;
      g_autofree char *name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      DebriefSearchMatch match = { uuid, title, DEBRIEF_EVIDENCE_KIND_OTHER, 0, G_MININT64, NULL, 0, 0 };

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      if (g_strcmp0 (kind, "log") == 0)
        {
          match.kind = DEBRIEF_EVIDENCE_KIND_LOG;
          if (!search_log (db, &match, offset_usec, &state, error))
            goto out;
        }
      else if (g_strcmp0 (kind, "report") == 0 || g_strcmp0 (kind, "metrics") == 0 ||
               g_strcmp0 (kind, "chat") == 0)
        {
          g_autoptr(GBytes) bytes = read_all (db, uuid, title, error);

          if (bytes == NULL)
            goto out;

          if (g_strcmp0 (kind, "chat") == 0)
            {
              match.kind = DEBRIEF_EVIDENCE_KIND_CHAT;
              search_chat (source, bytes, name, &match, offset_usec, &state);
            }
          else
            {
              match.kind = g_strcmp0 (kind, "report") == 0 ? DEBRIEF_EVIDENCE_KIND_REPORT
                                                            : DEBRIEF_EVIDENCE_KIND_METRICS;
              search_text (bytes, &match, &state);
            }
        }
    }

  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

/* --- Merged log ------------------------------------------------------- */

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
      set_db_error (error, db, _("The logs could not be read"));
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
      set_db_error (error, db, _("The logs could not be read"));
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

/* --- Re-indexing ------------------------------------------------------ */

/* The stored chunks of one item as a stream. */
#define DEBRIEF_TYPE_CHUNK_STREAM (debrief_chunk_stream_get_type ())
G_DECLARE_FINAL_TYPE (DebriefChunkStream, debrief_chunk_stream, DEBRIEF, CHUNK_STREAM, GInputStream)

struct _DebriefChunkStream
{
  GInputStream  parent_instance;
  sqlite3_stmt *stmt;
  GBytes       *chunk;
  gsize         at;
  gboolean      done;
};

G_DEFINE_FINAL_TYPE (DebriefChunkStream, debrief_chunk_stream, G_TYPE_INPUT_STREAM)

static gssize
debrief_chunk_stream_read (GInputStream  *stream,
                           void          *buffer,
                           gsize          count,
                           GCancellable  *cancellable,
                           GError       **error)
{
  DebriefChunkStream *self = DEBRIEF_CHUNK_STREAM (stream);
  gsize size;
  const char *data;
  gsize n;

  while (!self->done && (self->chunk == NULL || self->at >= g_bytes_get_size (self->chunk)))
    {
      int rc = sqlite3_step (self->stmt);

      g_clear_pointer (&self->chunk, g_bytes_unref);
      self->at = 0;
      if (rc == SQLITE_DONE)
        self->done = TRUE;
      else if (rc != SQLITE_ROW)
        {
          g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_MISSING,
                       _("The evidence could not be read: %s"), sqlite3_errstr (rc));
          return -1;
        }
      else if (!(self->chunk = chunk_from_row (self->stmt, 0, error)))
        return -1;
    }

  if (self->done)
    return 0;

  data = g_bytes_get_data (self->chunk, &size);
  n = MIN (count, size - self->at);
  memcpy (buffer, data + self->at, n);
  self->at += n;
  return (gssize) n;
}

static gboolean
debrief_chunk_stream_close (GInputStream  *stream,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return TRUE;
}

static void
debrief_chunk_stream_finalize (GObject *object)
{
  DebriefChunkStream *self = DEBRIEF_CHUNK_STREAM (object);

  g_clear_pointer (&self->chunk, g_bytes_unref);

  G_OBJECT_CLASS (debrief_chunk_stream_parent_class)->finalize (object);
}

static void
debrief_chunk_stream_class_init (DebriefChunkStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = debrief_chunk_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = debrief_chunk_stream_read;
  G_INPUT_STREAM_CLASS (klass)->close_fn = debrief_chunk_stream_close;
}

static void
debrief_chunk_stream_init (DebriefChunkStream *self)
{
}

gboolean
_debrief_evidence_reindex_log (sqlite3                       *db,
                               DebriefEvidence               *evidence,
                               const DebriefTimestampContext *context,
                               GError                       **error)
{
  const char *uuid = debrief_record_get_uuid (DEBRIEF_RECORD (evidence));
  g_autofree char *new_uuid = g_strconcat ("reindex:", uuid, NULL);
  g_autoptr(DebriefChunkStream) stream = g_object_new (DEBRIEF_TYPE_CHUNK_STREAM, NULL);
  ImportResult result = { DEBRIEF_EVIDENCE_KIND_LOG, DEBRIEF_TS_NONE, FALSE, 0, G_MININT64, G_MININT64, 0, NULL, NULL };
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;
  sqlite3_stmt *move = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (db,
                          "SELECT compression, size, data FROM evidence_chunk "
                          "WHERE evidence_uuid = ?1 ORDER BY seq",
                          -1, &stream->stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, db, _("The log could not be indexed"));
      return FALSE;
    }
  sqlite3_bind_text (stream->stmt, 1, uuid, -1, SQLITE_STATIC);

  ok = store_log_stream (db, new_uuid, G_INPUT_STREAM (stream), (guint64) debrief_evidence_get_size (evidence),
                         context, NULL, NULL, &result, NULL, error);
  g_clear_pointer (&stream->stmt, sqlite3_finalize);

  if (ok)
    {
      ok = sqlite3_exec (db, "SAVEPOINT reindex", NULL, NULL, NULL) == SQLITE_OK &&
           sqlite3_prepare_v2 (db,
                               "DELETE FROM evidence_chunk WHERE evidence_uuid = ?1;"
                               , -1, &move, NULL) == SQLITE_OK;
      if (ok)
        {
          sqlite3_bind_text (move, 1, uuid, -1, SQLITE_STATIC);
          ok = sqlite3_step (move) == SQLITE_DONE;
          g_clear_pointer (&move, sqlite3_finalize);
        }
      if (ok)
        {
          const char *moves[] = {
            "DELETE FROM evidence_line_index WHERE evidence_uuid = ?1",
            "UPDATE evidence_chunk SET evidence_uuid = ?1 WHERE evidence_uuid = ?2",
            "UPDATE evidence_line_index SET evidence_uuid = ?1 WHERE evidence_uuid = ?2",
          };

          for (guint i = 0; ok && i < G_N_ELEMENTS (moves); i++)
            {
              ok = sqlite3_prepare_v2 (db, moves[i], -1, &move, NULL) == SQLITE_OK;
              if (ok)
                {
                  sqlite3_bind_text (move, 1, uuid, -1, SQLITE_STATIC);
                  if (i > 0)
                    sqlite3_bind_text (move, 2, new_uuid, -1, SQLITE_STATIC);
                  ok = sqlite3_step (move) == SQLITE_DONE;
                }
              g_clear_pointer (&move, sqlite3_finalize);
            }
        }
      if (ok)
        ok = sqlite3_exec (db, "RELEASE reindex", NULL, NULL, NULL) == SQLITE_OK;
      else
        {
          set_db_error (error, db, _("The log could not be indexed"));
          sqlite3_exec (db, "ROLLBACK TO reindex; RELEASE reindex", NULL, NULL, NULL);
        }
    }

  if (!ok)
    {
      delete_content (db, new_uuid);
      import_result_clear (&result);
      return FALSE;
    }

  first = debrief_date_time_new_from_usec (result.first_usec);
  last = debrief_date_time_new_from_usec (result.last_usec);
  debrief_evidence_set_time_format (evidence, debrief_timestamp_format_to_id (result.format));
  debrief_evidence_set_since_boot (evidence, result.since_boot);
  debrief_evidence_set_line_count (evidence, (gint64) result.n_lines);
  debrief_evidence_set_first_at (evidence, first);
  debrief_evidence_set_last_at (evidence, last);
  import_result_clear (&result);

  return TRUE;
}
