/* debrief-evidence-writer.c
 *
 * Storing evidence content: chunks checksummed and written in batches, a
 * log's line index built as its lines are parsed, and a log indexed again
 * from its stored bytes.
 *
 * Imports run in any thread, on a connection of their own to the working
 * copy, and commit every few chunks so that edits made meanwhile do not
 * wait long.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-evidence-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <nettle/sha2.h>

#include "debrief-evidence-store-private.h"
#include "debrief-record.h"
#include "debrief-log-reader.h"
#include "debrief-text.h"

/* A chunk is cut at the first line start after this many bytes. */
#define CHUNK_TARGET (1024 * 1024)
/* Lines longer than this are kept in pieces, each a row of the index. */
#define MAX_PIECE (4 * 1024 * 1024)
/* Chunks written per transaction of an import: short enough that an edit
 * made meanwhile waits a few milliseconds at most. */
#define CHUNKS_PER_COMMIT 8

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
    flags |= DEBRIEF_LINE_FLAG_HAS_STAMP;
  if (usec != G_MININT64)
    flags |= DEBRIEF_LINE_FLAG_HAS_TIME;

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

/* --- Chunks ---------------------------------------------------------- */

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
      _debrief_evidence_set_db_error (error, db, _("The evidence could not be stored"));
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
      _debrief_evidence_set_db_error (error, writer->db, _("The evidence could not be stored"));
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
      _debrief_evidence_set_db_error (error, writer->db, _("The evidence could not be stored"));
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
  _debrief_evidence_set_db_error (error, writer->db, _("The evidence could not be stored"));
  if (!writer->nested)
    sqlite3_exec (writer->db, "ROLLBACK", NULL, NULL, NULL);
  writer->uncommitted = 0;
  return FALSE;
}

void
_debrief_evidence_delete_content (sqlite3    *db,
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

/* --- Import results --------------------------------------------------- */

void
_debrief_import_result_clear (DebriefImportResult *result)
{
  g_clear_pointer (&result->sha256, g_free);
  g_clear_pointer (&result->warning, g_free);
  g_clear_pointer (&result->title, g_free);
}

void
_debrief_import_result_widen (DebriefImportResult *result,
                              gint64               min_usec,
                              gint64               max_usec)
{
  if (min_usec == G_MININT64 || max_usec == G_MININT64)
    return;

  result->first_usec = result->first_usec == G_MININT64 ? min_usec : MIN (result->first_usec, min_usec);
  result->last_usec = result->last_usec == G_MININT64 ? max_usec : MAX (result->last_usec, max_usec);
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

gboolean
_debrief_evidence_store_log_stream (sqlite3                       *db,
                                    const char                    *uuid,
                                    GInputStream                  *base,
                                    guint64                        total,
                                    const DebriefTimestampContext *context,
                                    DebriefImportProgressFunc      progress,
                                    gpointer                       user_data,
                                    DebriefImportResult           *result,
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
  /* The clock of the item is the one its format counts by; a line whose
   * stamp counts by the other (a wall-clock line in a log that counts
   * from boot) gets the time of the last line on the item's clock, as a
   * line without a stamp does, so that times on two clocks are never
   * mixed in one item's range and order. */
  gboolean clock_known = FALSE;
  gboolean item_since_boot = FALSE;
  gint64 item_usec = G_MININT64;
  guint64 n_other_clock = 0;
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
    _debrief_import_result_widen (result, builder.max_usec == G_MININT64 ? G_MININT64 : builder.min_usec, \
                                  builder.max_usec);                               \
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

      if (!clock_known)
        {
          item_since_boot = debrief_timestamp_format_is_since_boot (debrief_log_reader_get_format (reader));
          clock_known = TRUE;
        }
      if (line.usec != G_MININT64 && line.since_boot != item_since_boot)
        {
          if (line.has_stamp)
            n_other_clock++;
          line.has_stamp = FALSE;
          line.usec = item_usec;
        }
      else
        item_usec = line.usec;

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
      g_autoptr(GString) warning = g_string_new (NULL);

      result->format = debrief_log_reader_get_format (reader);
      result->since_boot = debrief_timestamp_format_is_since_boot (result->format);
      result->assumed_year = debrief_log_reader_get_assumed_year (reader);
      result->year_source = debrief_log_reader_get_year_source (reader);
      result->n_lines = n_lines;
      result->size = tee->total;
      result->sha256 = sha256_hex (&pipeline.checksum);

      if (debrief_log_reader_get_n_split (reader) > 0)
        g_string_append_printf (warning, g_dngettext (GETTEXT_PACKAGE,
                                                      "%" G_GUINT64_FORMAT " line is longer than 4 MB and is shown in pieces.",
                                                      "%" G_GUINT64_FORMAT " lines are longer than 4 MB and are shown in pieces.",
                                                      debrief_log_reader_get_n_split (reader)),
                                debrief_log_reader_get_n_split (reader));
      if (n_other_clock > 0)
        {
          g_autofree char *count = debrief_text_format_count (n_other_clock);

          if (warning->len > 0)
            g_string_append_c (warning, ' ');
          g_string_append_printf (warning,
                                  item_since_boot
                                  ? g_dngettext (GETTEXT_PACKAGE,
                                                 "%s line has a wall-clock time in a log that counts time since boot: it is shown at the time of the line above it.",
                                                 "%s lines have a wall-clock time in a log that counts time since boot: they are shown at the time of the line above them.",
                                                 (gulong) n_other_clock)
                                  : g_dngettext (GETTEXT_PACKAGE,
                                                 "%s line counts time since boot in a log with wall-clock times: it is shown at the time of the line above it.",
                                                 "%s lines count time since boot in a log with wall-clock times: they are shown at the time of the line above them.",
                                                 (gulong) n_other_clock),
                                  count);
        }
      if (warning->len > 0)
        result->warning = g_string_free (g_steal_pointer (&warning), FALSE);
    }

  chunk_writer_clear (&pipeline.writer);
  g_async_queue_unref (pipeline.jobs);
  g_async_queue_unref (pipeline.tokens);
  g_byte_array_unref (builder.packed);

  return ok;
}

gboolean
_debrief_evidence_store_plain_stream (sqlite3                    *db,
                                      const char                 *uuid,
                                      GInputStream               *stream,
                                      guint64                     total,
                                      DebriefImportProgressFunc   progress,
                                      gpointer                    user_data,
                                      DebriefImportResult        *result,
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

/* --- Re-indexing ------------------------------------------------------ */

/* The stored chunks of one item as a stream. */
#define DEBRIEF_TYPE_CHUNK_STREAM (debrief_chunk_stream_get_type ())
G_DECLARE_FINAL_TYPE (DebriefChunkStream, debrief_chunk_stream, DEBRIEF, CHUNK_STREAM, GInputStream)

struct _DebriefChunkStream
{
  GInputStream        parent_instance;
  DebriefChunkCursor *cursor;
  GBytes             *chunk;
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
      const DebriefStoredChunk *stored;

      g_clear_pointer (&self->chunk, g_bytes_unref);
      self->at = 0;
      if (!_debrief_chunk_cursor_next (self->cursor, &stored, error))
        return -1;
      if (stored == NULL)
        self->done = TRUE;
      else if (!(self->chunk = _debrief_stored_chunk_unpack (stored, error)))
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
  g_clear_pointer (&self->cursor, _debrief_chunk_cursor_free);

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
  DebriefImportResult result = DEBRIEF_IMPORT_RESULT_INIT (DEBRIEF_EVIDENCE_KIND_LOG);
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;
  sqlite3_stmt *move = NULL;
  gboolean ok;

  if (!(stream->cursor = _debrief_chunk_cursor_new (db, uuid, FALSE, error)))
    return FALSE;

  ok = _debrief_evidence_store_log_stream (db, new_uuid, G_INPUT_STREAM (stream),
                                           (guint64) debrief_evidence_get_size (evidence),
                                           context, NULL, NULL, &result, NULL, error);
  /* Its statement must end before the chunks it read are replaced. */
  g_clear_pointer (&stream->cursor, _debrief_chunk_cursor_free);

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
          _debrief_evidence_set_db_error (error, db, _("The log could not be indexed"));
          sqlite3_exec (db, "ROLLBACK TO reindex; RELEASE reindex", NULL, NULL, NULL);
        }
    }

  if (!ok)
    {
      _debrief_evidence_delete_content (db, new_uuid);
      _debrief_import_result_clear (&result);
      return FALSE;
    }

  first = debrief_date_time_new_from_usec (result.first_usec);
  last = debrief_date_time_new_from_usec (result.last_usec);
  debrief_evidence_set_timestamp_format (evidence, result.format, result.assumed_year, result.year_source);
  debrief_evidence_set_since_boot (evidence, result.since_boot);
  debrief_evidence_set_line_count (evidence, (gint64) result.n_lines);
  debrief_evidence_set_first_at (evidence, first);
  debrief_evidence_set_last_at (evidence, last);
  _debrief_import_result_clear (&result);

  return TRUE;
}
