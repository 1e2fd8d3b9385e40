/* debrief-evidence-store-private.h
 *
 * The stored form of evidence content, shared by the store, the log model
 * and the JSON import: chunks, and the packed line index of a log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "debrief-evidence-store.h"

G_BEGIN_DECLS

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

void     _debrief_evidence_source_get_context (DebriefEvidenceSource  *source,
                                               DebriefTimestampContext *context);
sqlite3 *_debrief_evidence_source_open        (DebriefEvidenceSource  *source,
                                               GError                **error);
GBytes  *_debrief_evidence_read_chunk         (sqlite3                *db,
                                               const char             *evidence_uuid,
                                               gint64                  seq,
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
