/* debrief-evidence-store.h
 *
 * The content of evidence items: importing files into an incident
 * document (chunks of the original bytes, and for logs a line index),
 * reading it back, aligning its clock, searching it and citing it on the
 * timeline. Implemented by debrief-evidence-content.c, -writer.c,
 * -import.c, -clock.c and -search.c, joined by
 * debrief-evidence-store-private.h; the merged log of every source is
 * written by export/debrief-merged-log.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "debrief-document.h"
#include "debrief-evidence.h"
#include "debrief-incident.h"
#include "debrief-timeline-event.h"
#include "debrief-timestamp.h"

G_BEGIN_DECLS

#define DEBRIEF_EVIDENCE_ERROR (debrief_evidence_error_quark ())

typedef enum
{
  DEBRIEF_EVIDENCE_ERROR_READ_ONLY,  /* the document cannot take evidence now */
  DEBRIEF_EVIDENCE_ERROR_EMPTY,      /* the file has no bytes */
  DEBRIEF_EVIDENCE_ERROR_NOT_TEXT,   /* binary content where text is needed */
  DEBRIEF_EVIDENCE_ERROR_UNREADABLE, /* content that its kind cannot read */
  DEBRIEF_EVIDENCE_ERROR_TOO_LARGE,
  DEBRIEF_EVIDENCE_ERROR_MISSING,    /* the stored content is gone or damaged */
  DEBRIEF_EVIDENCE_ERROR_NOT_FOUND,  /* the file is not there (any more) */
} DebriefEvidenceError;

GQuark debrief_evidence_error_quark (void);

/* What the user says about a file instead of what is detected. */
typedef struct
{
  gboolean             has_kind;
  DebriefEvidenceKind  kind;
  gboolean             has_clock_offset;
  gint64               clock_offset_ms;
  GDateTime           *boot_time;  /* nullable: wall-clock time of boot, for since-boot clocks */
  const char          *title;      /* nullable: else from the file name */
} DebriefImportOptions;

/* @done of @total bytes read; called from the importing thread. */
typedef void (*DebriefImportProgressFunc) (guint64  done,
                                           guint64  total,
                                           gpointer user_data);

/* A snapshot of what a thread needs to read or write a document's content:
 * take it on the main thread, use it in any one thread. */
typedef struct _DebriefEvidenceSource DebriefEvidenceSource;

DebriefEvidenceSource *debrief_evidence_source_new   (DebriefDocument       *document);
void                   debrief_evidence_source_free  (DebriefEvidenceSource *source);

/* Imports @file (a file, or a folder holding a Slack channel export) into
 * the document's working copy.  Any thread.  Returns an evidence item with
 * its content stored but not yet in the document: pass it to
 * debrief_document_add() on the main thread, or to
 * debrief_evidence_source_discard() if it is not wanted.  On error or
 * cancellation nothing stays behind.  @warning (nullable) receives what
 * could not be read in a file that was imported all the same. */
DebriefEvidence *debrief_evidence_import_file  (DebriefEvidenceSource       *source,
                                                GFile                       *file,
                                                const DebriefImportOptions  *options,
                                                DebriefImportProgressFunc    progress,
                                                gpointer                     user_data,
                                                char                       **warning,
                                                GCancellable                *cancellable,
                                                GError                     **error);
/* The same for pasted text or bytes; @name is a title such as "Pasted text". */
DebriefEvidence *debrief_evidence_import_bytes (DebriefEvidenceSource       *source,
                                                GBytes                      *bytes,
                                                const char                  *name,
                                                const DebriefImportOptions  *options,
                                                char                       **warning,
                                                GCancellable                *cancellable,
                                                GError                     **error);
void             debrief_evidence_source_discard (DebriefEvidenceSource     *source,
                                                  DebriefEvidence           *evidence);

/* Adds an imported item at the end of the evidence list: one undoable edit. */
gboolean         debrief_evidence_add_to_document (DebriefDocument  *document,
                                                   DebriefEvidence  *evidence,
                                                   GError          **error);

/* The whole content, main thread; refused with TOO_LARGE above @max_size. */
GBytes  *debrief_evidence_read_bytes   (DebriefDocument  *document,
                                        DebriefEvidence  *evidence,
                                        gsize             max_size,
                                        GError          **error);
/* The same from any thread, through a connection of the source's own. */
GBytes  *debrief_evidence_source_read_bytes (DebriefEvidenceSource  *source,
                                             const char             *evidence_uuid,
                                             const char             *title,
                                             gint64                  size,
                                             gsize                   max_size,
                                             GError                **error);
/* Writes the content byte-exact to @file (replacing it). Any thread. */
gboolean debrief_evidence_source_write_to_file (DebriefEvidenceSource  *source,
                                                const char             *evidence_uuid,
                                                GFile                  *file,
                                                GCancellable           *cancellable,
                                                GError                **error);

/* Clock alignment: sets the offset so that @line (of a log) happened at
 * @wall_clock; or, for a since-boot clock, so that boot was at @boot_time.
 * One undoable edit each. */
gboolean debrief_evidence_align_line   (DebriefDocument  *document,
                                        DebriefEvidence  *evidence,
                                        guint64           line,
                                        GDateTime        *wall_clock,
                                        GError          **error);
gboolean debrief_evidence_set_boot_time (DebriefDocument *document,
                                         DebriefEvidence *evidence,
                                         GDateTime       *boot_time,
                                         GError         **error);

/* Changes the kind of an item the user says was detected wrongly, after
 * checking that its content can be read as that kind (and indexing a log's
 * lines).  One undoable edit. */
gboolean debrief_evidence_change_kind   (DebriefDocument      *document,
                                         DebriefEvidence      *evidence,
                                         DebriefEvidenceKind   kind,
                                         GError              **error);

/* "1500", "-2s", "+3m", "1h", "250ms": a clock offset in milliseconds. */
gboolean debrief_evidence_parse_offset  (const char *text,
                                         gint64     *out_ms);
/* The same, written for people: "+1 min 3.500 s", "−250 ms", "none". */
char    *debrief_evidence_format_offset (gint64      offset_ms);

/* One match of a search. */
typedef struct
{
  const char          *evidence_uuid;
  const char          *evidence_title;
  DebriefEvidenceKind  kind;
  guint64              line;        /* line (logs, reports, metrics rows) or message number */
  gint64               usec;        /* aligned; G_MININT64 when unknown */
  const char          *text;        /* the line or message, valid UTF-8, capped */
  guint                match_start; /* byte offset of the match in @text */
  guint                match_length;
  /* usec counts from boot: the item's clock is not aligned yet. */
  gboolean             since_boot;
} DebriefSearchMatch;

/* Return FALSE to stop the search. */
typedef gboolean (*DebriefSearchFunc) (const DebriefSearchMatch *match,
                                       gpointer                  user_data);

/* Searches every evidence item for @query (a substring; case-insensitive
 * unless @match_case), in evidence order. Any thread. */
gboolean debrief_evidence_search (DebriefEvidenceSource  *source,
                                  const char             *query,
                                  gboolean                match_case,
                                  DebriefSearchFunc       func,
                                  gpointer                user_data,
                                  GCancellable           *cancellable,
                                  GError                **error);

/* Cites lines @first..@last (or messages, or a chart row) of @evidence:
 * adds a timeline event at @usec (aligned; G_MININT64: none) titled with
 * @text's first line, described with @text, linked back. One undoable edit. */
DebriefTimelineEvent *debrief_evidence_cite (DebriefDocument  *document,
                                             DebriefEvidence  *evidence,
                                             guint64           first,
                                             guint64           last,
                                             gint64            usec,
                                             const char       *text,
                                             GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DebriefEvidenceSource, debrief_evidence_source_free)

G_END_DECLS
