/* debrief-log-reader.h
 *
 * Reading a log file line by line, with each line's time on the incident's
 * timeline, in bounded memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "debrief-timestamp.h"

G_BEGIN_DECLS

typedef struct _DebriefLogReader DebriefLogReader;

/* The longest line kept whole; a longer one is handed out in pieces. */
#define DEBRIEF_LOG_READER_MAX_LINE (64 * 1024 * 1024)

/* One line of the log.  A line without a timestamp (a stack trace, a hex
 * dump) belongs to the record above it and carries that record's time and
 * level.  text is not NUL-terminated, may hold NUL bytes and invalid UTF-8,
 * and stays valid until the next call to debrief_log_reader_next().
 */
typedef struct
{
  guint64          line;       /* 0-based number of the line in the file */
  guint64          offset;     /* byte offset of the line's start */
  gsize            length;     /* without the line ending (\n, \r\n or \r) */
  const char      *text;
  gboolean         has_stamp;  /* the line carries its own timestamp */
  gboolean         split;      /* longer than the cap: goes on in the next piece,
                                * which has the same line number */
  gint64           usec;       /* aligned time, G_MININT64 before the first stamp */
  DebriefLogLevel  level;      /* own level, or the record's */
  gboolean         since_boot; /* the stamp counts from boot */
  guint64          record;     /* number of the record's first line */
} DebriefLogLine;

DebriefLogReader       *debrief_log_reader_new                 (GInputStream                  *stream,
                                                                const DebriefTimestampContext *context,
                                                                gint64                         clock_offset_usec);
void                    debrief_log_reader_free                (DebriefLogReader              *self);
void                    debrief_log_reader_set_block_size      (DebriefLogReader              *self,
                                                                gsize                          block_size);
void                    debrief_log_reader_set_max_line_length (DebriefLogReader              *self,
                                                                gsize                          max_line_length);
gboolean                debrief_log_reader_next                (DebriefLogReader              *self,
                                                                DebriefLogLine                *line,
                                                                GCancellable                  *cancellable,
                                                                GError                       **error);
DebriefTimestampFormat  debrief_log_reader_get_format          (DebriefLogReader              *self);
guint                   debrief_log_reader_get_field           (DebriefLogReader              *self);
int                     debrief_log_reader_get_assumed_year    (DebriefLogReader              *self);
DebriefYearSource       debrief_log_reader_get_year_source     (DebriefLogReader              *self);
guint64                 debrief_log_reader_get_n_lines         (DebriefLogReader              *self);
guint64                 debrief_log_reader_get_n_stamped       (DebriefLogReader              *self);
guint64                 debrief_log_reader_get_n_split         (DebriefLogReader              *self);
gint64                  debrief_log_reader_get_first_usec      (DebriefLogReader              *self);
gint64                  debrief_log_reader_get_last_usec       (DebriefLogReader              *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DebriefLogReader, debrief_log_reader_free)

G_END_DECLS
