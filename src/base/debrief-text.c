/* debrief-text.c
 *
 * Text from files that may hold anything, made safe to parse and show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-text"

#include "config.h"

#include <limits.h>
#include <locale.h>
#include <string.h>

#include "debrief-text.h"

/* Valid UTF-8 from any bytes: each invalid byte, and each NUL, becomes
 * U+FFFD. A leading byte order mark is dropped. */
char *
debrief_text_sanitize (const char *data,
                       gsize       length,
                       gsize      *out_length)
{
  GString *out = NULL;
  const char *p = data;
  gsize rest = length;
  const char *end;

  if (rest >= 3 && memcmp (p, "\357\273\277", 3) == 0)
    {
      p += 3;
      rest -= 3;
    }

  while (!g_utf8_validate_len (p, rest, &end))
    {
      gsize good = (gsize) (end - p);

      if (out == NULL)
        out = g_string_sized_new (rest + 16);
      g_string_append_len (out, p, (gssize) good);
      g_string_append (out, "\357\277\275");
      p = end + 1;
      rest -= good + 1;
    }

  if (out == NULL)
    {
      *out_length = rest;
      return g_strndup (p, rest);
    }

  g_string_append_len (out, p, (gssize) rest);
  *out_length = out->len;
  return g_string_free (out, FALSE);
}

char *
debrief_text_sanitize_bytes (GBytes *bytes,
                             gsize  *out_length)
{
  const char *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (out_length != NULL, NULL);

  /* Empty bytes may have no data at all. */
  data = g_bytes_get_data (bytes, &size);
  return debrief_text_sanitize (data != NULL ? data : "", size, out_length);
}

gboolean
debrief_text_is_blank (const char *text,
                       gsize       length)
{
  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;

  return TRUE;
}

gboolean
debrief_text_lines_next (DebriefTextLines  *lines,
                         const char       **line,
                         gsize             *length,
                         guint             *number)
{
  const char *eol;

  g_return_val_if_fail (lines != NULL, FALSE);
  g_return_val_if_fail (line != NULL && length != NULL && number != NULL, FALSE);

  if (lines->p >= lines->end)
    return FALSE;

  eol = memchr (lines->p, '\n', (gsize) (lines->end - lines->p));
  *line = lines->p;
  *length = (gsize) ((eol != NULL ? eol : lines->end) - lines->p);
  *number = lines->number++;
  lines->p = eol != NULL ? eol + 1 : lines->end;

  if (*length > 0 && (*line)[*length - 1] == '\r')
    (*length)--;

  return TRUE;
}

char *
debrief_text_group_digits (guint64     value,
                           const char *separator,
                           const char *grouping)
{
  char digits[32];
  g_autoptr(GString) out = g_string_new (NULL);
  gsize n = (gsize) g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);
  gsize group = grouping != NULL && grouping[0] > 0 && grouping[0] != CHAR_MAX ? (gsize) grouping[0] : 0;
  const char *next = grouping;
  gsize left;

  if (separator == NULL || *separator == '\0' || group == 0)
    return g_strdup (digits);

  /* The groups are counted from the right; build from the left by
   * finding where the first (leftmost) group ends. */
  {
    gsize breaks[32];
    guint n_breaks = 0;
    gsize at = n;

    while (at > group && n_breaks < G_N_ELEMENTS (breaks))
      {
        at -= group;
        breaks[n_breaks++] = at;
        if (next[1] > 0 && next[1] != CHAR_MAX)
          {
            next++;
            group = (gsize) next[0];
          }
        else if (next[1] == CHAR_MAX)
          break;
      }

    left = 0;
    for (guint i = n_breaks; i > 0; i--)
      {
        g_string_append_len (out, digits + left, (gssize) (breaks[i - 1] - left));
        g_string_append (out, separator);
        left = breaks[i - 1];
      }
    g_string_append (out, digits + left);
  }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
debrief_text_format_count (guint64 value)
{
  struct lconv *conventions = localeconv ();

  return debrief_text_group_digits (value, conventions->thousands_sep, conventions->grouping);
}
