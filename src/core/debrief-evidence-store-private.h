/* debrief-evidence-store-private.h
 *
 * The stored form of evidence content, shared by the parts of the store
 * (content, writer, import, clock, search), the log model, the evidence
 * reader and the JSON import: chunks, and the packed line index of a log.
 * Writers outside core read it through debrief-evidence-reader.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "debrief-evidence-store.h"

G_BEGIN_DECLS

/* Kinds read whole to be checked (metrics, chats, reports) stay under this. */
#define DEBRIEF_EVIDENCE_MAX_PARSED_SIZE (256 * 1024 * 1024)

/* The flags byte of a line in the packed index. */
#define DEBRIEF_LINE_FLAG_LEVEL_MASK 0x0f
#define DEBRIEF_LINE_FLAG_HAS_STAMP  0x10
#define DEBRIEF_LINE_FLAG_HAS_TIME   0x20

struct _DebriefEvidenceSource
{
  char       *path;
  gboolean    immutable;
  gboolean    read_only;
  char       *user_name;
  GTimeZone  *zone;
  GDateTime  *reference;
  /* The reference is the incident's time window, not the time it is now. */
  gboolean    reference_known;
};

/* One line (or piece of an over-long line) of a log chunk. */
typedef struct
{
  guint32 offset;    /* in the chunk */
  guint32 length;    /* with the line ending */
  gint64  usec;      /* raw time (no clock offset); G_MININT64: none */
  guint8  level;     /* DebriefLogLevel */
  guint8  has_stamp; /* the line's own stamp, not its record's */
} DebriefLineEntry;

/* A chunk's row of the line index, without its packed entries. */
typedef struct
{
  gint64  seq;
  guint64 first_line;
  guint32 line_count;
  gint64  min_usec; /* G_MININT64: no times */
  gint64  max_usec;
} DebriefIndexRow;

/* One chunk as it is stored: maybe compressed. The pointers are valid
 * until the cursor that gave it moves on. */
typedef struct
{
  gint64        seq;
  const char   *compression; /* "none" or "zlib" */
  gint64        size;        /* unpacked */
  const guint8 *data;
  gsize         length;
  /* With an index only (a log's chunks): its row of the line index. */
  guint64       first_line;
  gint64        line_count;
  const guint8 *index_data;
  gsize         index_length;
} DebriefStoredChunk;

/* The one walk over an item's chunks, in order, that every reader of
 * whole content uses. */
typedef struct _DebriefChunkCursor DebriefChunkCursor;

DebriefChunkCursor *_debrief_chunk_cursor_new  (sqlite3                   *db,
                                                const char                *evidence_uuid,
                                                gboolean                   with_index,
                                                GError                   **error);
/* FALSE on error; else *@chunk is the next chunk, or NULL at the end. */
gboolean            _debrief_chunk_cursor_next (DebriefChunkCursor        *cursor,
                                                const DebriefStoredChunk **chunk,
                                                GError                   **error);
void                _debrief_chunk_cursor_free (DebriefChunkCursor        *cursor);
/* The bytes of a stored chunk, checked against their recorded size. */
GBytes             *_debrief_stored_chunk_unpack (const DebriefStoredChunk *chunk,
                                                  GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DebriefChunkCursor, _debrief_chunk_cursor_free)

void     _debrief_evidence_set_db_error       (GError                **error,
                                               sqlite3                *db,
                                               const char             *doing);
void     _debrief_evidence_source_get_file_context (DebriefEvidenceSource   *source,
                                                    GFileInfo               *info,
                                                    DebriefTimestampContext *context);
void     _debrief_evidence_source_get_context (DebriefEvidenceSource  *source,
                                               DebriefTimestampContext *context);
sqlite3 *_debrief_evidence_source_open        (DebriefEvidenceSource  *source,
                                               GError                **error);
GBytes  *_debrief_evidence_read_chunk         (sqlite3                *db,
                                               const char             *evidence_uuid,
                                               gint64                  seq,
                                               GError                **error);
/* The whole content, up to DEBRIEF_EVIDENCE_MAX_PARSED_SIZE; @title names
 * the item in an error. */
GBytes  *_debrief_evidence_read_all           (sqlite3                *db,
                                               const char             *evidence_uuid,
                                               const char             *title,
                                               GError                **error);
GArray  *_debrief_evidence_read_index_rows    (sqlite3                *db,
                                               const char             *evidence_uuid,
                                               GError                **error);
GArray  *_debrief_evidence_read_index_entries (sqlite3                *db,
                                               const char             *evidence_uuid,
                                               gint64                  seq,
                                               GError                **error);
gboolean _debrief_line_index_decode           (const guint8           *data,
                                               gsize                   size,
                                               guint32                 n_lines,
                                               guint32                 chunk_size,
                                               GArray                 *entries);
/* The text of @entry without its line ending, as stored (maybe not UTF-8). */
void     _debrief_line_entry_get_text         (const DebriefLineEntry *entry,
                                               const char             *chunk,
                                               const char            **text,
                                               gsize                  *length);

/* What storing an item's content learnt of it. */
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
  char                   *title;         /* nullable: a better title than the file's name */
  int                     assumed_year;  /* given to stamps without one, or 0 */
  DebriefYearSource       year_source;
} DebriefImportResult;

#define DEBRIEF_IMPORT_RESULT_INIT(k) { (k), DEBRIEF_TS_NONE, FALSE, 0, G_MININT64, G_MININT64, 0, NULL, NULL }

void     _debrief_import_result_clear         (DebriefImportResult    *result);
void     _debrief_import_result_widen         (DebriefImportResult    *result,
                                               gint64                  min_usec,
                                               gint64                  max_usec);
/* Reads a log through the line reader, storing chunks that end at line
 * ends and their index rows. */
gboolean _debrief_evidence_store_log_stream   (sqlite3                       *db,
                                               const char                    *uuid,
                                               GInputStream                  *stream,
                                               guint64                        total,
                                               const DebriefTimestampContext *context,
                                               DebriefImportProgressFunc      progress,
                                               gpointer                       user_data,
                                               DebriefImportResult           *result,
                                               GCancellable                  *cancellable,
                                               GError                       **error);
/* Stores bytes as they come, in chunks, with no index. */
gboolean _debrief_evidence_store_plain_stream (sqlite3                    *db,
                                               const char                 *uuid,
                                               GInputStream               *stream,
                                               guint64                     total,
                                               DebriefImportProgressFunc   progress,
                                               gpointer                    user_data,
                                               DebriefImportResult        *result,
                                               GCancellable               *cancellable,
                                               GError                    **error);
/* Deletes the chunks and index of an item that is not in the document. */
void     _debrief_evidence_delete_content     (sqlite3                *db,
                                               const char             *uuid);
/* Rebuilds the chunks and line index of a log from its stored bytes (after
 * a JSON import, whose chunks need not end at line ends). */
gboolean _debrief_evidence_reindex_log        (sqlite3                *db,
                                               DebriefEvidence        *evidence,
                                               const DebriefTimestampContext *context,
                                               GError                **error);
gboolean _debrief_ascii_find                  (const char             *haystack,
                                               gsize                   length,
                                               const char             *needle,
                                               gsize                   needle_length,
                                               gboolean                match_case,
                                               gsize                  *position);

G_END_DECLS
