/* debrief-text.h
 *
 * Text from files that may hold anything, made safe to parse and show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Valid UTF-8 from @length bytes of @data, whatever they hold: the one
 * rule for text from outside that is parsed or shown. */
char     *debrief_text_sanitize   (const char        *data,
                                   gsize              length,
                                   gsize             *out_length);
/* The same for the whole of @bytes, which may be empty. */
char     *debrief_text_sanitize_bytes (GBytes        *bytes,
                                       gsize         *out_length);
/* TRUE when @text holds nothing but ASCII white space. */
gboolean  debrief_text_is_blank   (const char        *text,
                                   gsize              length);

/* The lines of a text, one at a time, without their "\n" or "\r\n":
 * from @p up to @end, @number being that of the next line, from 0. */
typedef struct
{
  const char *p;
  const char *end;
  guint       number;
} DebriefTextLines;

gboolean  debrief_text_lines_next (DebriefTextLines  *lines,
                                   const char       **line,
                                   gsize             *length,
                                   guint             *number);

/* A count as a person reads it: "466,006" in a locale that groups digits
 * so, "466006" in one that does not (C). The one rule for every count
 * shown: lines, messages, rows, items, matches. */
char     *debrief_text_format_count (guint64            value);
/* The same with an explicit @separator and @grouping (as localeconv()
 * gives them: the size of each group from the right, the last repeated;
 * NULL or "" for no grouping). */
char     *debrief_text_group_digits (guint64            value,
                                     const char        *separator,
                                     const char        *grouping);

G_END_DECLS
