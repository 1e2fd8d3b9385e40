/* debrief-log-reader.c
 *
 * Reading a log file line by line, with each line's time on the incident's
 * timeline, in bounded memory.
 *
 * The stream is read in blocks into one buffer that holds the unread part
 * of the current block and the line being assembled; a line that does not
 * fit grows the buffer up to the line cap, and one longer than the cap is
 * handed out in pieces.  The next '\n' and '\r' are each looked for with
 * memchr and remembered, so a file with only one kind of line ending is
 * scanned once for the other, not once per line.
 *
 * The timestamp format, and the word of the line that holds it, are
 * detected from a sample at the start of the file and given as a hint to
 * the parser of every line, which falls back to the other formats and
 * places for a line that does not match it.
 *
 * Stamps without a year (syslog, logcat) or without a date (ESP-IDF's
 * system time) take them from the context.  The reader moves its copy of
 * the context on as the file goes: a year on when such a stamp jumps back
 * by most of a year (December to January), a day on when a time of day
 * jumps back by more than half a day (past midnight).  Smaller steps back
 * are lines written out of order, and stay where they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-log-reader"

#include "config.h"

#include <string.h>

#include "debrief-log-reader.h"

#define DEFAULT_BLOCK_SIZE  (1024 * 1024)
#define SAMPLE_BYTES        (64 * 1024)
#define SAMPLE_LINES        200
#define NOT_FOUND           G_MAXUINT64

#define USEC_PER_DAY        (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)
#define NEW_YEAR_JUMP       (300 * USEC_PER_DAY)
#define MIDNIGHT_JUMP       (USEC_PER_DAY / 2)

/* Where the next occurrence of a byte is, in file offsets: found is the
 * first occurrence at or after searched_from's caller position, or
 * NOT_FOUND when there is none before searched.
 */
typedef struct
{
  guint64 found;
  guint64 searched;
} Scan;

struct _DebriefLogReader
{
  GInputStream            *stream;
  DebriefTimestampContext  context;
  gint64                   clock_offset;

  gsize                    block_size;
  gsize                    max_line;

  char                    *buf;
  gsize                    buf_alloc;
  gsize                    pos;
  gsize                    end;
  guint64                  buf_base;   /* file offset of buf[0] */
  Scan                     nl;
  Scan                     cr;

  guint                    eof : 1;
  guint                    detected : 1;
  guint                    in_split : 1;
  guint                    rec_since_boot : 1;

  DebriefTimestampLayout   layout;
  guint64                  n_lines;
  guint64                  n_stamped;
  guint64                  n_split;
  gint64                   first_usec;
  gint64                   last_usec;

  gint64                   rec_usec;
  DebriefLogLevel          rec_level;
  guint64                  rec_line;

  /* The last stamp that lacked a year, and one that lacked a date. */
  gint64                   last_no_year;
  gint64                   last_no_date;

  /* The year given to the first stamp that had none, or 0. */
  int                      assumed_year;
};

DebriefLogReader *
debrief_log_reader_new (GInputStream                  *stream,
                        const DebriefTimestampContext *context,
                        gint64                         clock_offset_usec)
{
  DebriefLogReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (DebriefLogReader, 1);
  self->stream = g_object_ref (stream);
  if (context != NULL)
    self->context = *context;
  if (self->context.time_zone != NULL)
    g_time_zone_ref (self->context.time_zone);

  /* A fixed date spares the parser a clock read per line. */
  if (self->context.reference_year <= 0)
    {
      g_autoptr(GDateTime) now = NULL;

      if (self->context.time_zone != NULL)
        now = g_date_time_new_now (self->context.time_zone);
      else
        now = g_date_time_new_now_utc ();
      self->context.reference_year = g_date_time_get_year (now);
      self->context.reference_month = g_date_time_get_month (now);
      self->context.reference_day = g_date_time_get_day_of_month (now);
    }
  self->context.reference_month = CLAMP (self->context.reference_month, 1, 12);
  self->context.reference_day = CLAMP (self->context.reference_day, 1,
                                       g_date_get_days_in_month (self->context.reference_month,
                                                                 self->context.reference_year));

  self->clock_offset = clock_offset_usec;
  self->block_size = DEFAULT_BLOCK_SIZE;
  self->max_line = DEBRIEF_LOG_READER_MAX_LINE;
  self->nl.found = self->cr.found = NOT_FOUND;
  self->layout.format = DEBRIEF_TS_NONE;
  self->first_usec = G_MININT64;
  self->last_usec = G_MININT64;
  self->rec_usec = G_MININT64;
  self->rec_level = DEBRIEF_LOG_LEVEL_NONE;
  self->last_no_year = G_MININT64;
  self->last_no_date = G_MININT64;

  return self;
}

void
debrief_log_reader_free (DebriefLogReader *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_clear_pointer (&self->context.time_zone, g_time_zone_unref);
  g_free (self->buf);
  g_free (self);
}

/* For tests, and for callers that read from slow streams. */
void
debrief_log_reader_set_block_size (DebriefLogReader *self,
                                   gsize             block_size)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (block_size > 0);
  g_return_if_fail (!self->detected);

  self->block_size = block_size;
}

void
debrief_log_reader_set_max_line_length (DebriefLogReader *self,
                                        gsize             max_line_length)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (max_line_length > 0);
  g_return_if_fail (!self->detected);

  self->max_line = max_line_length;
}

/* Reads one more block after the unread data; FALSE only on error. */
static gboolean
fill (DebriefLogReader  *self,
      GCancellable      *cancellable,
      GError           **error)
{
  gssize n;

  g_assert (!self->eof);

  if (self->pos > 0)
    {
      memmove (self->buf, self->buf + self->pos, self->end - self->pos);
      self->buf_base += self->pos;
      self->end -= self->pos;
      self->pos = 0;
    }

  if (self->buf_alloc - self->end < self->block_size)
    {
      gsize want = MAX (self->end + self->block_size, self->buf_alloc * 2);

      want = MIN (want, MAX (self->max_line, self->end) + self->block_size);
      self->buf = g_realloc (self->buf, want);
      self->buf_alloc = want;
    }

  n = g_input_stream_read (self->stream, self->buf + self->end, self->block_size,
                           cancellable, error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    self->eof = TRUE;
  self->end += n;

  return TRUE;
}

static guint64
scan_find (DebriefLogReader *self,
           Scan             *scan,
           int               c,
           guint64           from)
{
  guint64 data_end = self->buf_base + self->end;
  guint64 start;
  const char *hit;

  if (scan->found != NOT_FOUND && scan->found >= from)
    return scan->found;

  start = MAX (from, scan->searched);
  if (start < data_end)
    {
      hit = memchr (self->buf + (start - self->buf_base), c, data_end - start);
      if (hit != NULL)
        {
          scan->found = self->buf_base + (guint64) (hit - self->buf);
          scan->searched = scan->found + 1;
          return scan->found;
        }
    }

  scan->found = NOT_FOUND;
  scan->searched = MAX (scan->searched, data_end);
  return NOT_FOUND;
}

static gboolean
detect_format (DebriefLogReader  *self,
               GCancellable      *cancellable,
               GError           **error)
{
  const char *lines[SAMPLE_LINES];
  gsize lengths[SAMPLE_LINES];
  guint n = 0;
  const char *p, *end;

  while (!self->eof && self->end - self->pos < SAMPLE_BYTES)
    if (!fill (self, cancellable, error))
      return FALSE;

  p = self->buf + self->pos;
  end = self->buf + MIN (self->end, self->pos + SAMPLE_BYTES);
  while (p < end && n < SAMPLE_LINES)
    {
      const char *q = p;

      while (q < end && *q != '\n' && *q != '\r')
        q++;
      lines[n] = p;
      lengths[n] = q - p;
      n++;
      if (q < end && *q == '\r' && q + 1 < end && q[1] == '\n')
        q++;
      p = q + 1;
    }

  self->layout = debrief_timestamp_detect_layout (lines, lengths, n, &self->context);
  self->detected = TRUE;

  return TRUE;
}

/* The context a year or a day on, for a stamp that jumped back. */
static void
context_next (const DebriefTimestampContext *context,
              DebriefTimestampMissing        missing,
              DebriefTimestampContext       *next)
{
  *next = *context;

  if (missing == DEBRIEF_TS_MISSING_YEAR)
    {
      next->reference_year++;
    }
  else if (++next->reference_day > g_date_get_days_in_month (next->reference_month,
                                                              next->reference_year))
    {
      next->reference_day = 1;
      if (++next->reference_month > 12)
        {
          next->reference_month = 1;
          next->reference_year++;
        }
    }
}

/* Carries a stamp without a year or date over into the next one when it
 * jumps back too far to be a line out of order.
 */
static void
roll_over (DebriefLogReader *self,
           const char       *text,
           gsize             length,
           DebriefLogStamp  *stamp)
{
  gboolean no_year = stamp->missing == DEBRIEF_TS_MISSING_YEAR;
  gint64 *last = no_year ? &self->last_no_year : &self->last_no_date;
  gint64 jump = no_year ? NEW_YEAR_JUMP : MIDNIGHT_JUMP;

  if (*last != G_MININT64 && stamp->usec < *last - jump)
    {
      DebriefTimestampContext next;
      DebriefLogStamp again;

      context_next (&self->context, stamp->missing, &next);
      if (debrief_timestamp_parse_line_layout (text, length, &self->layout, &next, &again)
          && again.missing == stamp->missing)
        {
          self->context = next;
          *stamp = again;
        }
    }

  *last = stamp->usec;
}

/* Keeps G_MININT64 free to mean "no time". */
static gint64
add_offset (gint64 usec,
            gint64 offset)
{
  if (offset > 0 && usec > G_MAXINT64 - offset)
    return G_MAXINT64;
  if (offset < 0 && usec < G_MININT64 + 1 - offset)
    return G_MININT64 + 1;
  return usec + offset;
}

/* Hands out length bytes at pos, then skips a line ending of ending bytes. */
static void
emit (DebriefLogReader *self,
      DebriefLogLine   *line,
      gsize             length,
      gsize             ending,
      gboolean          split)
{
  DebriefLogStamp stamp;

  /* The pieces of a split line keep its number in the file. */
  line->line = split ? self->n_lines : self->n_lines++;
  line->offset = self->buf_base + self->pos;
  line->length = length;
  line->text = self->buf + self->pos;
  line->split = split;
  line->has_stamp = FALSE;

  /* The rest of a split line starts in the middle of the text. */
  if (!self->in_split
      && debrief_timestamp_parse_line_layout (line->text, length, &self->layout,
                                              &self->context, &stamp))
    {
      if (stamp.missing != DEBRIEF_TS_MISSING_NOTHING)
        roll_over (self, line->text, length, &stamp);
      if (stamp.missing == DEBRIEF_TS_MISSING_YEAR && self->assumed_year == 0)
        self->assumed_year = self->context.reference_year;

      line->has_stamp = TRUE;
      self->rec_usec = add_offset (stamp.usec, self->clock_offset);
      self->rec_level = stamp.level;
      self->rec_since_boot = stamp.since_boot;
      self->rec_line = line->line;
      if (self->n_stamped == 0)
        self->first_usec = self->rec_usec;
      self->last_usec = self->rec_usec;
      self->n_stamped++;
    }

  line->usec = self->rec_usec;
  line->level = self->rec_level;
  line->since_boot = self->rec_since_boot;
  line->record = self->rec_line;

  if (split)
    self->n_split++;
  self->in_split = split;
  self->pos += length + ending;
}

/**
 * debrief_log_reader_next:
 *
 * Reads the next line into @line.
 *
 * Returns: %TRUE with a line, %FALSE at the end of the stream (with @error
 *   unset) or on a read error
 */
gboolean
debrief_log_reader_next (DebriefLogReader  *self,
                         DebriefLogLine    *line,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (line != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->detected && !detect_format (self, cancellable, error))
    return FALSE;

  for (;;)
    {
      guint64 here = self->buf_base + self->pos;
      guint64 data_end = self->buf_base + self->end;
      gsize avail = self->end - self->pos;
      guint64 nl, cr, eol;

      if (avail == 0 && self->eof)
        return FALSE;

      nl = scan_find (self, &self->nl, '\n', here);
      cr = scan_find (self, &self->cr, '\r', here);
      eol = MIN (nl, cr);

      if (eol != NOT_FOUND && eol - here > self->max_line)
        {
          emit (self, line, self->max_line, 0, TRUE);
          return TRUE;
        }

      if (eol != NOT_FOUND && eol == nl)
        {
          emit (self, line, eol - here, 1, FALSE);
          return TRUE;
        }

      /* A '\r' at the end of the data may be the first half of "\r\n". */
      if (eol != NOT_FOUND && (eol + 1 < data_end || self->eof))
        {
          gsize ending = 1;

          if (eol + 1 < data_end && self->buf[eol + 1 - self->buf_base] == '\n')
            ending = 2;
          emit (self, line, eol - here, ending, FALSE);
          return TRUE;
        }

      if (eol == NOT_FOUND && avail > self->max_line)
        {
          emit (self, line, self->max_line, 0, TRUE);
          return TRUE;
        }

      if (eol == NOT_FOUND && self->eof)
        {
          emit (self, line, avail, 0, FALSE);
          return TRUE;
        }

      if (!fill (self, cancellable, error))
        return FALSE;
    }
}

/* DEBRIEF_TS_NONE until the first line is read. */
DebriefTimestampFormat
debrief_log_reader_get_format (DebriefLogReader *self)
{
  g_return_val_if_fail (self != NULL, DEBRIEF_TS_NONE);

  return self->layout.format;
}

/* How many words come before the stamp on a line (0: it starts the line). */
guint
debrief_log_reader_get_field (DebriefLogReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->layout.field;
}

/**
 * debrief_log_reader_get_assumed_year:
 *
 * Returns: the year given to stamps that have none (syslog, logcat,
 *   Proxifier), taken from the context: the first such stamp's, before
 *   any new year the log goes into; 0 when every stamp read so far has
 *   its year
 */
int
debrief_log_reader_get_assumed_year (DebriefLogReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->assumed_year;
}

/* Where the context's year came from, to say so with the assumed year. */
DebriefYearSource
debrief_log_reader_get_year_source (DebriefLogReader *self)
{
  g_return_val_if_fail (self != NULL, DEBRIEF_YEAR_SOURCE_TODAY);

  return self->context.year_source;
}

guint64
debrief_log_reader_get_n_lines (DebriefLogReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_lines;
}

guint64
debrief_log_reader_get_n_stamped (DebriefLogReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_stamped;
}

/* Lines longer than the cap, counted once per piece handed out before
 * the last.
 */
guint64
debrief_log_reader_get_n_split (DebriefLogReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_split;
}

/* Aligned time of the first stamped line, G_MININT64 if none yet. */
gint64
debrief_log_reader_get_first_usec (DebriefLogReader *self)
{
  g_return_val_if_fail (self != NULL, G_MININT64);

  return self->first_usec;
}

gint64
debrief_log_reader_get_last_usec (DebriefLogReader *self)
{
  g_return_val_if_fail (self != NULL, G_MININT64);

  return self->last_usec;
}
