/* debrief-log-row.c
 *
 * One line of a log evidence item, as a log model hands it out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-log-row"

#include "config.h"

#include <string.h>

#include "debrief-log-row.h"

struct _DebriefLogRow
{
  GObject          parent_instance;

  guint64          line;
  gint64           usec;
  DebriefLogLevel  level;
  gboolean         has_stamp;
  gboolean         since_boot;
  char            *text;
  guint            stamp_offset;
  guint            message_offset;
};

G_DEFINE_FINAL_TYPE (DebriefLogRow, debrief_log_row, G_TYPE_OBJECT)

static void
debrief_log_row_finalize (GObject *object)
{
  DebriefLogRow *self = DEBRIEF_LOG_ROW (object);

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (debrief_log_row_parent_class)->finalize (object);
}

static void
debrief_log_row_class_init (DebriefLogRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = debrief_log_row_finalize;
}

static void
debrief_log_row_init (DebriefLogRow *self)
{
  self->usec = G_MININT64;
}

/* Text longer than DEBRIEF_LOG_ROW_MAX_TEXT is cut at a character
 * boundary and marked with "…", so a row never holds more than that of a
 * runaway line; text that is not UTF-8 gets U+FFFD for its bad bytes,
 * because every row ends up in a label. */
static char *
dup_row_text (const char *text)
{
  static const char ellipsis[] = "…";
  gsize length = strlen (text);
  g_autofree char *valid = NULL;
  char *cut;
  gsize keep;

  if (!g_utf8_validate (text, length, NULL))
    {
      valid = g_utf8_make_valid (text, length);
      text = valid;
      length = strlen (valid);
    }

  if (length <= DEBRIEF_LOG_ROW_MAX_TEXT)
    return valid ? g_steal_pointer (&valid) : g_strndup (text, length);

  keep = DEBRIEF_LOG_ROW_MAX_TEXT;
  while (keep > 0 && ((guchar) text[keep] & 0xC0) == 0x80)
    keep--;

  cut = g_malloc (keep + sizeof ellipsis);
  memcpy (cut, text, keep);
  memcpy (cut + keep, ellipsis, sizeof ellipsis);

  return cut;
}

DebriefLogRow *
debrief_log_row_new (guint64          line,
                     gint64           usec,
                     DebriefLogLevel  level,
                     gboolean         has_stamp,
                     const char      *text)
{
  DebriefLogRow *self;

  g_return_val_if_fail (level <= DEBRIEF_LOG_LEVEL_FATAL, NULL);

  self = g_object_new (DEBRIEF_TYPE_LOG_ROW, NULL);
  self->line = line;
  self->usec = usec;
  self->level = level;
  self->has_stamp = !!has_stamp;
  self->text = dup_row_text (text ? text : "");

  return self;
}

guint64
debrief_log_row_get_line (DebriefLogRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_ROW (self), 0);

  return self->line;
}

gint64
debrief_log_row_get_usec (DebriefLogRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_ROW (self), G_MININT64);

  return self->usec;
}

DebriefLogLevel
debrief_log_row_get_level (DebriefLogRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_ROW (self), DEBRIEF_LOG_LEVEL_NONE);

  return self->level;
}

gboolean
debrief_log_row_get_has_stamp (DebriefLogRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_ROW (self), FALSE);

  return self->has_stamp;
}

const char *
debrief_log_row_get_text (DebriefLogRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_ROW (self), NULL);

  return self->text;
}

void
debrief_log_row_set_stamp_span (DebriefLogRow *self,
                                guint          stamp_offset,
                                guint          message_offset)
{
  gsize length;

  g_return_if_fail (DEBRIEF_IS_LOG_ROW (self));

  length = strlen (self->text);
  if (message_offset == 0 || message_offset > length || stamp_offset >= message_offset ||
      !g_utf8_validate (self->text, message_offset, NULL))
    {
      self->stamp_offset = 0;
      self->message_offset = 0;
      return;
    }

  self->stamp_offset = stamp_offset;
  self->message_offset = message_offset;
}

const char *
debrief_log_row_get_message (DebriefLogRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_ROW (self), NULL);

  return self->text + self->message_offset;
}

char *
debrief_log_row_dup_written_time (DebriefLogRow *self)
{
  const char *start;
  const char *end;

  g_return_val_if_fail (DEBRIEF_IS_LOG_ROW (self), NULL);

  if (!self->has_stamp || self->message_offset == 0)
    return NULL;

  /* The span runs to the message: without the blanks and the colon
   * between the stamp and it, and without a level word after the stamp
   * ("<inf>", "ERROR"), which has no digit where every stamp has one. */
  start = self->text + self->stamp_offset;
  end = self->text + self->message_offset;
  while (end > start)
    {
      const char *word;
      gboolean has_digit = FALSE;

      while (end > start && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == ':'))
        end--;
      word = end;
      while (word > start && word[-1] != ' ' && word[-1] != '\t')
        {
          word--;
          has_digit |= g_ascii_isdigit (*word);
        }
      if (has_digit)
        break;
      end = word;
    }
  if (end == start)
    return NULL;

  return g_strndup (start, (gsize) (end - start));
}

gboolean
debrief_log_row_get_since_boot (DebriefLogRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_ROW (self), FALSE);

  return self->since_boot;
}

void
debrief_log_row_set_since_boot (DebriefLogRow *self,
                                gboolean       since_boot)
{
  g_return_if_fail (DEBRIEF_IS_LOG_ROW (self));

  self->since_boot = !!since_boot;
}
