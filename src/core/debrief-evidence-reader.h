/* debrief-evidence-reader.h
 *
 * One evidence item's stored content read in order: its chunks as they
 * are stored, or a log's lines with their level and aligned time; and the
 * logs of an incident, for writers that merge them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "debrief-document.h"
#include "debrief-enums.h"
#include "debrief-evidence-store.h"
#include "debrief-evidence.h"

G_BEGIN_DECLS

typedef struct _DebriefEvidenceReader DebriefEvidenceReader;

/* One chunk as it is stored: maybe compressed. Valid until the reader
 * that gave it moves on. */
typedef struct
{
  gint64        seq;
  const char   *compression; /* "none" or "zlib" */
  gint64        size;        /* unpacked */
  const guint8 *data;
  gsize         length;
} DebriefEvidenceChunk;

/* One line (or piece of an over-long line) of a log. Valid until the
 * reader that gave it moves on. */
typedef struct
{
  gint64           raw_usec; /* the time the line carries; G_MININT64: none */
  gint64           usec;     /* raw_usec with the item's clock offset; G_MININT64: none */
  DebriefLogLevel  level;
  const char      *text;     /* without its line ending, as stored (maybe not UTF-8) */
  gsize            length;
} DebriefEvidenceLine;

/* A log of an incident, as the merged log needs it. */
typedef struct
{
  char                  *uuid;
  char                  *title;           /* valid UTF-8 */
  gint64                 clock_offset_ms;
  gboolean               since_boot;
  GDateTime             *first_at;        /* nullable: the log has no times */
  DebriefEvidenceReader *reader;          /* its lines */
} DebriefEvidenceLog;

/* Reads @evidence through @document's working copy: main thread. */
DebriefEvidenceReader *debrief_evidence_reader_new        (DebriefDocument              *document,
                                                           DebriefEvidence              *evidence);
void                   debrief_evidence_reader_free       (DebriefEvidenceReader        *reader);
/* FALSE on error; else *@chunk is the next chunk, or NULL at the end. */
gboolean               debrief_evidence_reader_next_chunk (DebriefEvidenceReader        *reader,
                                                           const DebriefEvidenceChunk  **chunk,
                                                           GError                      **error);
/* FALSE on error; else *@line is the next line of a log, or NULL at the
 * end. Only one chunk of lines is in memory at a time. */
gboolean               debrief_evidence_reader_next_line  (DebriefEvidenceReader        *reader,
                                                           const DebriefEvidenceLine   **line,
                                                           GError                      **error);

/* Every log of the incident, in evidence order (a GPtrArray of
 * DebriefEvidenceLog that frees them). Their readers share one connection
 * of their own, which closes with the last of them: any one thread. */
GPtrArray             *debrief_evidence_source_list_logs  (DebriefEvidenceSource        *source,
                                                           GError                      **error);
void                   debrief_evidence_log_free          (DebriefEvidenceLog           *log);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DebriefEvidenceReader, debrief_evidence_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DebriefEvidenceLog, debrief_evidence_log_free)

G_END_DECLS
