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
  char            *text;
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
