/* debrief-timestamp-private.h
 *
 * What the timestamp parsers of debrief-timestamp-formats.c share with the
 * line scanner of debrief-timestamp.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-timestamp.h"

G_BEGIN_DECLS

/* This runs on every line of logs that can be gigabytes long, so it is
 * written as plain byte scanning: no regular expressions, no allocation,
 * no locale.  Every read is checked against an end pointer because lines
 * are not NUL-terminated and may hold anything.
 */

#define LEVEL_WINDOW 64

#define USEC_PER_SEC G_GINT64_CONSTANT (1000000)

/* Unix time of 2100-01-01: epoch numbers beyond it are not timestamps. */
#define EPOCH_MAX_S G_GINT64_CONSTANT (4102444800)

typedef struct
{
  DebriefTimestampFormat format;
  gint64                 usec;
  DebriefLogLevel        level;
  const guchar          *stamp_start;
  const guchar          *stamp_end;
  /* Set by formats whose level is part of the prefix (ESP-IDF). */
  const guchar          *text;
  DebriefTimestampMissing missing;
} Parsed;

static inline gboolean
is_digit (guchar c)
{
  return c >= '0' && c <= '9';
}


static inline gboolean
var_digits (const guchar **pp,
            const guchar  *end,
            guint          min,
            guint          max,
            guint64       *out,
            guint         *count)
{
  const guchar *p = *pp;
  guint64 value = 0;
  guint n = 0;

  while (p < end && is_digit (*p))
    {
      if (n == max)
        return FALSE;
      value = value * 10 + (*p - '0');
      p++;
      n++;
    }

  if (n < min)
    return FALSE;

  *pp = p;
  *out = value;
  if (count != NULL)
    *count = n;
  return TRUE;
}

static inline gboolean
expect (const guchar **pp,
        const guchar  *end,
        guchar         c)
{
  if (*pp >= end || **pp != c)
    return FALSE;
  (*pp)++;
  return TRUE;
}


int      _debrief_timestamp_reference_year (const DebriefTimestampContext *context);
gboolean _debrief_timestamp_parse_format   (DebriefTimestampFormat         format,
                                            const guchar                  *p,
                                            const guchar                  *end,
                                            const DebriefTimestampContext *context,
                                            Parsed                        *res);
gboolean _debrief_timestamp_parse_any      (const guchar                  *p,
                                            const guchar                  *end,
                                            const DebriefTimestampContext *context,
                                            gboolean                       in_brackets,
                                            gboolean                       prefer_day_first,
                                            Parsed                        *res);
gboolean _debrief_timestamp_find_apache    (const guchar                  *p,
                                            const guchar                  *end,
                                            const DebriefTimestampContext *context,
                                            Parsed                        *res);

G_END_DECLS
