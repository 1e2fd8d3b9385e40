/* debrief-timestamp.c
 *
 * Detecting the timestamp and severity level at the start of a log line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-timestamp"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "debrief-timestamp-private.h"

/* The key of a logfmt stamp (time="…", ts=…), at the start of the line
 * or of a later word (Prometheus: "level=info ts=2026-…").
 */
static const guchar *
skip_time_key (const guchar *p,
               const guchar *end,
               gboolean     *quoted)
{
  static const char * const time_keys[] = { "time=", "ts=", "timestamp=", "t=" };

  if (p < end && *p == 't')
    {
      for (guint i = 0; i < G_N_ELEMENTS (time_keys); i++)
        {
          gsize len = strlen (time_keys[i]);

          if ((gsize) (end - p) > len && memcmp (p, time_keys[i], len) == 0)
            {
              p += len;
              if (*p == '"')
                {
                  *quoted = TRUE;
                  p++;
                }
              break;
            }
        }
    }

  return p;
}

/* Terminal colours (ESP-IDF writes them), a syslog or kernel <PRI>, and
 * the key of a logfmt stamp.
 */
G_ALWAYS_INLINE static inline const guchar *
skip_prefixes (const guchar    *p,
               const guchar    *end,
               DebriefLogLevel *level,
               gboolean        *quoted)
{
  static const DebriefLogLevel severities[8] = {
    DEBRIEF_LOG_LEVEL_FATAL, DEBRIEF_LOG_LEVEL_CRITICAL, DEBRIEF_LOG_LEVEL_CRITICAL,
    DEBRIEF_LOG_LEVEL_ERROR, DEBRIEF_LOG_LEVEL_WARNING, DEBRIEF_LOG_LEVEL_NOTICE,
    DEBRIEF_LOG_LEVEL_INFO, DEBRIEF_LOG_LEVEL_DEBUG,
  };

  while (end - p >= 3 && p[0] == 0x1b && p[1] == '[')
    {
      const guchar *q = p + 2;

      while (q < end && (is_digit (*q) || *q == ';'))
        q++;
      if (q >= end || *q != 'm')
        break;
      p = q + 1;
    }

  if (end - p >= 3 && p[0] == '<' && is_digit (p[1]))
    {
      const guchar *q = p + 1;
      guint64 pri;

      if (var_digits (&q, end, 1, 3, &pri, NULL) && pri <= 191 && expect (&q, end, '>'))
        {
          *level = severities[pri & 7];
          p = q;
          /* RFC 5424 puts its version between the priority and the stamp. */
          if (end - p >= 2 && p[0] == '1' && p[1] == ' ')
            p += 2;
        }
    }

  return skip_time_key (p, end, quoted);
}

typedef struct
{
  const char      *word;
  DebriefLogLevel  level;
} LevelWord;

static const LevelWord level_words[] = {
  { "TRACE", DEBRIEF_LOG_LEVEL_TRACE },
  { "VERBOSE", DEBRIEF_LOG_LEVEL_TRACE },
  { "DEBUG", DEBRIEF_LOG_LEVEL_DEBUG },
  { "DBG", DEBRIEF_LOG_LEVEL_DEBUG },
  { "INFO", DEBRIEF_LOG_LEVEL_INFO },
  { "INF", DEBRIEF_LOG_LEVEL_INFO },
  { "NOTICE", DEBRIEF_LOG_LEVEL_NOTICE },
  { "NOTE", DEBRIEF_LOG_LEVEL_NOTICE },
  { "WARN", DEBRIEF_LOG_LEVEL_WARNING },
  { "WARNING", DEBRIEF_LOG_LEVEL_WARNING },
  { "WRN", DEBRIEF_LOG_LEVEL_WARNING },
  { "ERROR", DEBRIEF_LOG_LEVEL_ERROR },
  { "ERR", DEBRIEF_LOG_LEVEL_ERROR },
  { "SEVERE", DEBRIEF_LOG_LEVEL_ERROR },
  { "CRIT", DEBRIEF_LOG_LEVEL_CRITICAL },
  { "CRITICAL", DEBRIEF_LOG_LEVEL_CRITICAL },
  { "ALERT", DEBRIEF_LOG_LEVEL_CRITICAL },
  { "FATAL", DEBRIEF_LOG_LEVEL_FATAL },
  { "EMERG", DEBRIEF_LOG_LEVEL_FATAL },
  { "PANIC", DEBRIEF_LOG_LEVEL_FATAL },
};

/* level=error, lvl=warn, severity="info": the key says it is a level. */
static const guchar *
level_value (const guchar *p,
             const guchar *end)
{
  static const char * const keys[] = { "level=", "lvl=", "severity=", "loglevel=" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      gsize len = strlen (keys[i]);

      if ((gsize) (end - p) > len && g_ascii_strncasecmp ((const char *) p, keys[i], len) == 0)
        return p + len;
    }

  return NULL;
}

/* Plain words must be upper case, so that "error" in a message does not
 * count; in brackets ("<err>", "[warn]", "[core:error]") and as the value
 * of a level key any case will do.
 */
/* Inlined into scan_level(), which runs on every line. */
G_ALWAYS_INLINE static inline DebriefLogLevel
classify_token (const guchar *p,
                const guchar *end,
                gboolean      titlecase)
{
  gboolean bracketed = FALSE;
  gsize len;

  if (p < end && (*p == '[' || *p == '<' || *p == '(' || *p == '"'))
    {
      bracketed = TRUE;
      p++;
    }
  else if (p < end && ((*p | 0x20) == 'l' || (*p | 0x20) == 's'))
    {
      const guchar *value = level_value (p, end);

      if (value != NULL)
        {
          bracketed = TRUE;
          p = value;
          if (p < end && *p == '"')
            p++;
          if (end > p && end[-1] == '"')
            end--;
        }
    }

  while (end > p && (end[-1] == ':' || end[-1] == ',' || end[-1] == ';'))
    end--;

  if (bracketed)
    {
      const guchar *colon;

      if (end > p && (end[-1] == ']' || end[-1] == '>' || end[-1] == ')' || end[-1] == '"'))
        end--;
      while ((colon = memchr (p, ':', end - p)) != NULL)
        p = colon + 1;
    }

  len = end - p;
  if (len < 3 || len > 8 || (!bracketed && (*p < 'A' || *p > 'Z')))
    return DEBRIEF_LOG_LEVEL_NONE;

  /* "Info", "Warning": Windows' CBS log writes its levels so, after the
   * comma that ends its stamp; elsewhere such a word starts a sentence.
   */
  if (titlecase && !bracketed && p[1] >= 'a' && p[1] <= 'z')
    {
      for (gsize j = 1; j < len; j++)
        if (p[j] < 'a' || p[j] > 'z')
          return DEBRIEF_LOG_LEVEL_NONE;
      bracketed = TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (level_words); i++)
    {
      const char *word = level_words[i].word;
      gsize j;

      if ((guchar) word[0] != g_ascii_toupper (*p) || strlen (word) != len)
        continue;

      for (j = 0; j < len; j++)
        {
          guchar c = bracketed ? g_ascii_toupper (p[j]) : p[j];

          if (c != (guchar) word[j])
            break;
        }

      if (j == len)
        return level_words[i].level;
    }

  return DEBRIEF_LOG_LEVEL_NONE;
}

static DebriefLogLevel
logcat_level (guchar c)
{
  switch (c)
    {
    case 'V': return DEBRIEF_LOG_LEVEL_TRACE;
    case 'D': return DEBRIEF_LOG_LEVEL_DEBUG;
    case 'I': return DEBRIEF_LOG_LEVEL_INFO;
    case 'W': return DEBRIEF_LOG_LEVEL_WARNING;
    case 'E': return DEBRIEF_LOG_LEVEL_ERROR;
    case 'F':
    case 'A': return DEBRIEF_LOG_LEVEL_FATAL;
    default: return DEBRIEF_LOG_LEVEL_NONE;
    }
}

static inline const guchar *
skip_blanks (const guchar *p,
             const guchar *end)
{
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  return p;
}

static gboolean
all_digits (const guchar *p,
            const guchar *end)
{
  if (p >= end)
    return FALSE;

  for (; p < end; p++)
    if (!is_digit (*p))
      return FALSE;

  return TRUE;
}

static inline const guchar *
token_end (const guchar *p,
           const guchar *end)
{
  while (p < end && *p != ' ' && *p != '\t')
    p++;
  return p;
}

/* Looks for a level in the first few words after the stamp.  A level that
 * comes right after the stamp is part of the prefix: the text starts after
 * it.
 */
G_ALWAYS_INLINE static inline void
scan_level (const guchar     *p,
            const guchar     *end,
            DebriefLogLevel  *level,
            const guchar    **text)
{
  const guchar *tok, *tok_end, *second, *second_end, *third, *third_end;
  gboolean after_comma = FALSE;

  p = skip_blanks (p, end);
  /* "2016-09-28 04:30:30, Info": a comma between the stamp and the level. */
  if (end - p >= 2 && p[0] == ',' && (p[1] == ' ' || p[1] == '\t'))
    {
      p = skip_blanks (p + 1, end);
      after_comma = TRUE;
    }
  *text = p;
  tok_end = token_end (p, end);

  /* logcat's threadtime: PID TID L tag: message */
  if (all_digits (p, tok_end))
    {
      second = skip_blanks (tok_end, end);
      second_end = token_end (second, end);
      third = skip_blanks (second_end, end);
      third_end = token_end (third, end);
      if (all_digits (second, second_end)
          && third_end - third == 1 && logcat_level (*third) != DEBRIEF_LOG_LEVEL_NONE)
        {
          *level = logcat_level (*third);
          *text = skip_blanks (third_end, end);
          return;
        }
    }

  /* logcat's time and brief: L/tag(PID): message, or L/tag: message.  The
   * parenthesis or colon keeps "I/O error" from being a level.
   */
  if (tok_end - p >= 3 && p[1] == '/' && logcat_level (p[0]) != DEBRIEF_LOG_LEVEL_NONE
      && (tok_end[-1] == ':' || memchr (p, '(', tok_end - p) != NULL))
    {
      *level = logcat_level (p[0]);
      *text = p + 2;
      return;
    }

  for (guint i = 0; i < 4 && p < end; i++)
    {
      DebriefLogLevel found;

      tok = p;
      tok_end = token_end (tok, end);
      found = classify_token (tok, tok_end, i == 0 && after_comma);
      p = skip_blanks (tok_end, end);

      if (found != DEBRIEF_LOG_LEVEL_NONE)
        {
          *level = found;
          if (i == 0)
            *text = p;
          return;
        }
    }
}

/* The start of the word after the one at p, or NULL at the end. */
static const guchar *
next_field (const guchar *p,
            const guchar *end)
{
  p = skip_blanks (token_end (p, end), end);
  return p < end ? p : NULL;
}

/* The start of the field-th word from p, or NULL. */
static const guchar *
skip_fields (const guchar *p,
             const guchar *end,
             guint         field)
{
  for (guint i = 0; i < field && p != NULL; i++)
    p = next_field (p, end);
  return p;
}

/* A word that can stand before a stamp without a layout saying so: a
 * label ("worker:"), a host ("web-03"), a number, a tag in brackets or
 * capitals, a file name.  A plain word is prose ("started at 02:11"): a
 * sentence that quotes a time is no stamped line.
 */
static gboolean
is_field_word (const guchar *p,
               const guchar *end)
{
  gboolean upper = end - p >= 2;

  /* An angle bracket starts a syslog priority, which skip_prefixes()
   * takes when it is one: one out of range marks a broken line.
   */
  if (p >= end || *p == '<')
    return FALSE;
  if (end[-1] == ':')
    return TRUE;

  for (const guchar *q = p; q < end; q++)
    {
      if (is_digit (*q) || (*q != '\0' && strchr ("-_./[]|@#=", *q) != NULL))
        return TRUE;
      if (*q < 'A' || *q > 'Z')
        upper = FALSE;
    }

  return upper;
}

/* "ts", "time", "timestamp" or "@timestamp" in a JSON line, as gateways
 * and structured loggers write them: {"ts":1773454267123,"level":"info"}.
 */
static gboolean
find_json_stamp (const guchar                  *p,
                 const guchar                  *end,
                 const DebriefTimestampContext *context,
                 Parsed                        *res)
{
  static const char * const keys[] = { "\"ts\":", "\"time\":", "\"timestamp\":", "\"@timestamp\":", "\"t\":" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      gsize len = strlen (keys[i]);
      const guchar *q = p;

      while ((gsize) (end - q) > len)
        {
          const guchar *hit = memchr (q, '"', end - q);

          if (hit == NULL || (gsize) (end - hit) <= len)
            break;
          q = hit + 1;
          if (memcmp (hit, keys[i], len) != 0)
            continue;

          hit = skip_blanks (hit + len, end);
          /* MongoDB's extended JSON: "t":{"$date":"2026-03-14T…"} */
          if ((gsize) (end - hit) > 9 && memcmp (hit, "{\"$date\":", 9) == 0)
            hit = skip_blanks (hit + 9, end);
          if (hit < end && *hit == '"')
            hit++;
          if (_debrief_timestamp_parse_any (hit, end, context, FALSE, FALSE, res))
            {
              res->stamp_start = hit;
              if (res->stamp_end < end && *res->stamp_end == '"')
                res->stamp_end++;
              return TRUE;
            }
          break;
        }
    }

  return FALSE;
}

/* "level":"warn" in a JSON line. */
static DebriefLogLevel
json_level (const guchar *p,
            const guchar *end)
{
  static const char * const keys[] = { "\"level\":", "\"lvl\":", "\"severity\":" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      gsize len = strlen (keys[i]);
      const guchar *q = p;

      while ((gsize) (end - q) > len)
        {
          const guchar *hit = memchr (q, '"', end - q);
          const guchar *value_end;

          if (hit == NULL || (gsize) (end - hit) <= len)
            break;
          q = hit + 1;
          if (memcmp (hit, keys[i], len) != 0)
            continue;

          hit = skip_blanks (hit + len, end);
          if (hit >= end || *hit != '"')
            break;
          value_end = memchr (hit + 1, '"', end - hit - 1);
          if (value_end == NULL)
            break;
          return classify_token (hit, value_end + 1, FALSE);
        }
    }

  return DEBRIEF_LOG_LEVEL_NONE;
}

gboolean
debrief_timestamp_parse_line (const char                    *line,
                              gsize                          length,
                              DebriefTimestampFormat         format_hint,
                              const DebriefTimestampContext *context,
                              DebriefLogStamp               *out)
{
  DebriefTimestampLayout layout = { format_hint, 0, FALSE };

  return debrief_timestamp_parse_line_layout (line, length, &layout, context, out);
}

/* A stamp inside the line: an access log's in brackets, a JSON key's, or
 * one after a label, a host or a number, in a line read alone or in a
 * file whose stamps come after such words.  Kept out of line: most lines
 * have their stamp where the layout says.
 */
G_GNUC_NO_INLINE static gboolean
find_inside (const guchar                  *p,
             const guchar                  *end,
             const guchar                  *line_end,
             const DebriefTimestampLayout  *layout,
             DebriefTimestampFormat         format_hint,
             const DebriefTimestampContext *context,
             gboolean                       scan,
             gboolean                      *quoted,
             Parsed                        *res)
{
  static const Parsed nothing = { DEBRIEF_TS_NONE, 0, DEBRIEF_LOG_LEVEL_NONE, NULL, NULL, NULL,
                                  DEBRIEF_TS_MISSING_NOTHING };

  *res = nothing;
  if (_debrief_timestamp_find_apache (p, end, context, res))
    return TRUE;

  if (p < end && *p == '{')
    {
      *res = nothing;
      if (find_json_stamp (p, end, context, res))
        {
          res->level = json_level (p, line_end);
          return TRUE;
        }
    }

  if (layout != NULL && layout->detected && layout->field == 0)
    return FALSE;

  for (const guchar *q = p; scan && q != NULL; )
    {
      const guchar *q_end = token_end (q, end);
      const guchar *stamp_at;
      gboolean in_quotes = FALSE;

      if (!is_field_word (q, q_end))
        break;
      q = next_field (q, end);
      if (q == NULL)
        break;
      *res = nothing;
      stamp_at = skip_time_key (q, end, &in_quotes);
      if (_debrief_timestamp_parse_any (stamp_at, end, context, FALSE, format_hint == DEBRIEF_TS_DATE_DMY, res))
        {
          res->stamp_start = stamp_at;
          *quoted = in_quotes;
          return TRUE;
        }
    }

  return FALSE;
}

/* scan: look after a few words that are no prose when nothing else is
 * found; the layout's detection counts those words itself.  Inlined, so
 * that the copy every line goes through is made for its own arguments.
 */
G_ALWAYS_INLINE static inline gboolean
parse_line_full (const char                    *line,
                 gsize                          length,
                 const DebriefTimestampLayout  *layout,
                 const DebriefTimestampContext *context,
                 gboolean                       scan,
                 DebriefLogStamp               *out)
{
  static const Parsed nothing = { DEBRIEF_TS_NONE, 0, DEBRIEF_LOG_LEVEL_NONE, NULL, NULL, NULL,
                                  DEBRIEF_TS_MISSING_NOTHING };
  const guchar *start = (const guchar *) line;
  const guchar *line_end, *end, *p, *level_end, *text;
  DebriefTimestampFormat format_hint = layout != NULL ? layout->format : DEBRIEF_TS_NONE;
  guint field = layout != NULL ? MIN (layout->field, DEBRIEF_TIMESTAMP_MAX_FIELD) : 0;
  DebriefLogLevel prefix_level = DEBRIEF_LOG_LEVEL_NONE;
  gboolean embedded = FALSE;
  gboolean quoted = FALSE;
  gboolean found = FALSE;
  Parsed res = nothing;

  g_return_val_if_fail (line != NULL || length == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (length == 0)
    return FALSE;

  line_end = start + length;
  end = start + MIN (length, DEBRIEF_TIMESTAMP_WINDOW);

  p = skip_prefixes (start, end, &prefix_level, &quoted);

  /* A parser that fails may have filled in part of res. */
  if (field > 0)
    {
      const guchar *q = skip_fields (p, end, field);

      if (q != NULL)
        q = skip_time_key (q, end, &quoted);
      if (q != NULL
          && (_debrief_timestamp_parse_format (format_hint, q, end, context, &res)
              || ((res = nothing), _debrief_timestamp_parse_any (q, end, context, FALSE,
                                                                  format_hint == DEBRIEF_TS_DATE_DMY, &res))))
        {
          res.stamp_start = q;
          found = embedded = TRUE;
        }
      else
        res = nothing;
    }

  if (!found)
    {
      found = _debrief_timestamp_parse_format (format_hint, p, end, context, &res);
      if (!found)
        {
          res = nothing;
          found = _debrief_timestamp_parse_any (p, end, context, FALSE,
                                                format_hint == DEBRIEF_TS_DATE_DMY, &res);
        }
    }

  /* Rare: most lines have their stamp where the layout says. */
  if (!found)
    {
      found = embedded = find_inside (p, end, line_end, layout, format_hint, context, scan, &quoted, &res);
      if (!found)
        return FALSE;
    }

  if (quoted && res.stamp_end < end && *res.stamp_end == '"')
    res.stamp_end++;

  level_end = res.stamp_end + MIN ((gsize) (line_end - res.stamp_end), LEVEL_WINDOW);
  if (res.text != NULL)
    {
      text = skip_blanks (res.text, level_end);
    }
  else
    {
      DebriefLogLevel word_level = DEBRIEF_LOG_LEVEL_NONE;

      scan_level (res.stamp_end, level_end, &word_level, &text);
      /* A syslog or kernel priority says the level; words only guess it. */
      if (res.level == DEBRIEF_LOG_LEVEL_NONE && prefix_level == DEBRIEF_LOG_LEVEL_NONE)
        res.level = word_level;
    }

  if (res.level == DEBRIEF_LOG_LEVEL_NONE)
    res.level = prefix_level;

  out->format = res.format;
  out->level = res.level;
  out->since_boot = debrief_timestamp_format_is_since_boot (res.format);
  out->usec = res.usec;
  out->stamp_offset = (guint) ((embedded ? res.stamp_start : p) - start);
  out->text_offset = embedded ? 0 : (guint) (text - start);
  out->missing = res.missing;

  return TRUE;
}

/**
 * debrief_timestamp_parse_line_layout:
 * @layout: (nullable): where the file's stamps are, from
 *   debrief_timestamp_detect_layout(); NULL to look everywhere
 *
 * Finds the stamp of a line: where the layout says, else at the start,
 * else inside the line (an access log's, a JSON key's, or one after a
 * few words that are no prose).
 */
gboolean
debrief_timestamp_parse_line_layout (const char                    *line,
                                     gsize                          length,
                                     const DebriefTimestampLayout  *layout,
                                     const DebriefTimestampContext *context,
                                     DebriefLogStamp               *out)
{
  return parse_line_full (line, length, layout, context, TRUE, out);
}

/* The stamp in the field-th word exactly, for the layout's detection. */
static gboolean
parse_at_field (const char                    *line,
                gsize                          length,
                guint                          field,
                const DebriefTimestampContext *context,
                DebriefLogStamp               *out)
{
  const guchar *start = (const guchar *) line;
  const guchar *end = start + MIN (length, DEBRIEF_TIMESTAMP_WINDOW);
  DebriefLogLevel level = DEBRIEF_LOG_LEVEL_NONE;
  gboolean quoted = FALSE;
  const guchar *q = skip_fields (skip_prefixes (start, end, &level, &quoted), end, field);
  Parsed res = { DEBRIEF_TS_NONE, 0, DEBRIEF_LOG_LEVEL_NONE, NULL, NULL, NULL, DEBRIEF_TS_MISSING_NOTHING };

  if (q != NULL)
    q = skip_time_key (q, end, &quoted);
  if (q == NULL || !_debrief_timestamp_parse_any (q, end, context, FALSE, FALSE, &res))
    return FALSE;

  out->format = res.format;
  out->usec = res.usec;
  return TRUE;
}

/* Year-last dates are one family.  A line parsed alone reads 03/04/2026
 * month first; one line that can only be day first (14/03/2026) makes
 * the whole file day first.
 */
static DebriefTimestampFormat
most_common (guint counts[DEBRIEF_TS_N_FORMATS])
{
  DebriefTimestampFormat best = DEBRIEF_TS_NONE;
  gboolean day_first = counts[DEBRIEF_TS_DATE_DMY] > 0;

  counts[DEBRIEF_TS_DATE_MDY] += counts[DEBRIEF_TS_DATE_DMY];
  counts[DEBRIEF_TS_DATE_DMY] = 0;

  for (guint f = DEBRIEF_TS_NONE + 1; f < DEBRIEF_TS_N_FORMATS; f++)
    if (counts[f] > counts[best])
      best = f;

  if (best == DEBRIEF_TS_DATE_MDY && day_first)
    best = DEBRIEF_TS_DATE_DMY;

  return best;
}

typedef struct
{
  guint  counts[DEBRIEF_TS_N_FORMATS];
  guint  n_found;
  guint  n_changes;  /* lines whose stamp differs from the one before */
  gint64 last_usec;
} FieldTally;

static void
tally (FieldTally            *t,
       const DebriefLogStamp *stamp)
{
  t->counts[stamp->format]++;
  if (t->n_found > 0 && stamp->usec != t->last_usec)
    t->n_changes++;
  t->n_found++;
  t->last_usec = stamp->usec;
}

/**
 * debrief_timestamp_detect_layout:
 *
 * Finds where a file's stamps are from a sample of its lines: the word
 * that holds a stamp on most lines, and that changes from line to line.
 * A date that stays the same on every line (in a file name, a build
 * stamp) is no line's time when another word changes.
 */
DebriefTimestampLayout
debrief_timestamp_detect_layout (const char * const            *sample_lines,
                                 const gsize                   *lengths,
                                 guint                          n_lines,
                                 const DebriefTimestampContext *context)
{
  FieldTally fields[DEBRIEF_TIMESTAMP_MAX_FIELD + 1];
  DebriefTimestampContext fixed_context = { 0, NULL, 0, 0 };
  DebriefTimestampLayout layout = { DEBRIEF_TS_NONE, 0, FALSE };
  guint most = 0;
  gint best = -1;

  g_return_val_if_fail (sample_lines != NULL || n_lines == 0, layout);

  memset (fields, 0, sizeof fields);

  /* Only the shape matters here; a fixed year spares a clock read per line. */
  if (context != NULL)
    fixed_context = *context;
  if (fixed_context.reference_year <= 0)
    fixed_context.reference_year = _debrief_timestamp_reference_year (NULL);

  for (guint i = 0; i < n_lines; i++)
    {
      const char *line = sample_lines[i];
      gsize length;
      DebriefLogStamp stamp;

      if (line == NULL)
        continue;

      length = lengths != NULL ? lengths[i] : strlen (line);

      /* At the start, or where a line alone shows it (an access log's
       * brackets, a JSON key), then in each word after the first.
       */
      if (parse_line_full (line, length, NULL, &fixed_context, FALSE, &stamp))
        tally (&fields[0], &stamp);

      for (guint f = 1; f <= DEBRIEF_TIMESTAMP_MAX_FIELD; f++)
        if (parse_at_field (line, length, f, &fixed_context, &stamp))
          tally (&fields[f], &stamp);
    }

  for (guint f = 0; f <= DEBRIEF_TIMESTAMP_MAX_FIELD; f++)
    most = MAX (most, fields[f].n_found);
  if (most == 0)
    return layout;

  /* The first word that holds a stamp on nearly as many lines as the best
   * and is not the same on all of them.
   */
  for (guint f = 0; f <= DEBRIEF_TIMESTAMP_MAX_FIELD && best < 0; f++)
    if (fields[f].n_found * 10 >= most * 9
        && (fields[f].n_found < 3 || fields[f].n_changes > 0))
      best = (gint) f;
  for (guint f = 0; f <= DEBRIEF_TIMESTAMP_MAX_FIELD && best < 0; f++)
    if (fields[f].n_found == most)
      best = (gint) f;

  layout.field = (guint) best;
  layout.format = most_common (fields[best].counts);
  layout.detected = TRUE;
  return layout;
}

DebriefTimestampFormat
debrief_timestamp_detect (const char * const            *sample_lines,
                          const gsize                   *lengths,
                          guint                          n_lines,
                          const DebriefTimestampContext *context)
{
  return debrief_timestamp_detect_layout (sample_lines, lengths, n_lines, context).format;
}

typedef struct
{
  const char   *name;     /* for people, translated */
  const char   *pattern;  /* the fields in order, as a date pattern */
  const char   *example;  /* a line of the family; test-timestamp reads each */
} FormatInfo;

/* The families of timestamp, in the order of DebriefTimestampFormat: what
 * each is called, the order of its fields, a line that has one, and the
 * parser that _debrief_timestamp_parse_format() picks for it reads it
 * where the file's detected format says it is.  A
 * family's parser also reads its variants (fractions, zones, brackets);
 * the patterns name the common one.
 */
static const FormatInfo format_info[] = {
  [DEBRIEF_TS_NONE] = { N_("No timestamp"), "", "" },
  [DEBRIEF_TS_ISO8601] = { N_("ISO 8601"), "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
                           "2026-03-14T02:11:07.123+02:00 gw01 wifi: connected" },
  [DEBRIEF_TS_SYSLOG] = { N_("Syslog (RFC 3164)"), "MMM d HH:mm:ss",
                          "Mar 14 02:11:07 gw01 sshd[812]: Accepted publickey" },
  [DEBRIEF_TS_DMESG] = { N_("Kernel log (time since boot)"), "[s.SSSSSS]",
                         "[   12.345678] usb 1-1: new device" },
  [DEBRIEF_TS_ZEPHYR] = { N_("Zephyr log (time since boot)"), "[HH:mm:ss.SSS,uuu]",
                          "[00:00:12.345,678] <inf> main: ready" },
  [DEBRIEF_TS_ESPIDF] = { N_("ESP-IDF log (time since boot)"), "L (milliseconds) tag:",
                          "E (12345) wifi: auth failed" },
  [DEBRIEF_TS_EPOCH_S] = { N_("Unix time in seconds"), "seconds[.fraction]",
                           "1773454267.5 sensor: 21.5 C" },
  [DEBRIEF_TS_EPOCH_MS] = { N_("Unix time in milliseconds"), "milliseconds",
                            "1773454267123 sensor: 21.5 C" },
  [DEBRIEF_TS_APACHE] = { N_("Apache access log"), "[dd/MMM/yyyy:HH:mm:ss Z]",
                          "[14/Mar/2026:02:11:07 +0000] \"GET / HTTP/1.1\" 200" },
  [DEBRIEF_TS_CTIME] = { N_("C library date (ctime)"), "EEE MMM d HH:mm:ss yyyy",
                         "Sat Mar 14 02:11:07 2026 cron: started" },
  [DEBRIEF_TS_LOGCAT] = { N_("Android logcat"), "MM-dd HH:mm:ss.SSS",
                          "03-14 02:11:07.123  1702  2395 D WindowManager: focus" },
  [DEBRIEF_TS_LOG4J] = { N_("Java log4j"), "yyyy-MM-dd HH:mm:ss,SSS",
                         "2026-03-14 02:11:07,123 INFO [main] app: started" },
  [DEBRIEF_TS_COMPACT] = { N_("Compact date (yyMMdd HHmmss)"), "yyMMdd HHmmss",
                           "260314 021107 148 INFO dfs.DataNode: served block" },
  [DEBRIEF_TS_COMPACT_MS] = { N_("Compact date with milliseconds (yyyyMMdd-HH:mm:ss:SSS)"), "yyyyMMdd-H:m:s:S",
                              "20260314-2:11:7:123|Step_LSC|30002312|onStandStepChanged 3579" },
  [DEBRIEF_TS_SLASH_DATE] = { N_("Date with slashes (yy/MM/dd)"), "yy/MM/dd HH:mm:ss",
                              "26/03/14 02:11:07 INFO executor.Executor: task done" },
  [DEBRIEF_TS_ESPIDF_SYSTEM] = { N_("ESP-IDF log (system time)"), "L (HH:mm:ss.SSS) tag:",
                                 "I (02:11:07.123) wifi: connected" },
  [DEBRIEF_TS_EPOCH_US] = { N_("Unix time in microseconds"), "microseconds",
                            "1773454267123456 sensor: 21.5 C" },
  [DEBRIEF_TS_EPOCH_NS] = { N_("Unix time in nanoseconds"), "nanoseconds",
                            "1773454267123456789 sensor: 21.5 C" },
  [DEBRIEF_TS_DATE_MDY] = { N_("Date, month first (MM/dd/yyyy)"), "MM/dd/yyyy hh:mm:ss a",
                            "03/14/2026 02:11:07 AM service started" },
  [DEBRIEF_TS_DATE_DMY] = { N_("Date, day first (dd/MM/yyyy)"), "dd/MM/yyyy HH:mm:ss",
                            "14/03/2026 02:11:07 service started" },
  [DEBRIEF_TS_MONTH_DAY] = { N_("Month and day (MM.dd, no year)"), "[MM.dd HH:mm:ss]",
                             "[03.14 02:11:07] chrome.exe - proxy.example.com:443 open" },
  [DEBRIEF_TS_DAY_MONTH] = { N_("Day, month name and year (dd MMM yyyy)"), "dd MMM yyyy HH:mm:ss.SSS",
                             "14 Mar 2026 02:11:07.123 * Ready to accept connections" },
  [DEBRIEF_TS_GLOG] = { N_("glog and Kubernetes (no year)"), "Lmmdd HH:mm:ss.SSSSSS",
                        "I0314 02:11:07.123456    1234 main.go:12] started" },
  [DEBRIEF_TS_MONTH_NAME] = { N_("Month name, day and year (MMM d, yyyy)"), "MMM d, yyyy h:mm:ss a",
                              "Mar 14, 2026 2:11:07 AM org.apache.catalina.startup.Catalina start" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (format_info) == DEBRIEF_TS_N_FORMATS);

const char *
debrief_timestamp_format_get_name (DebriefTimestampFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (format_info), NULL);

  return _(format_info[format].name);
}

/* How the family's fields are ordered, as a date pattern ("MMM d HH:mm:ss"). */
const char *
debrief_timestamp_format_get_pattern (DebriefTimestampFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (format_info), NULL);

  return format_info[format].pattern;
}

/* A log line that starts with a stamp of the family. */
const char *
debrief_timestamp_format_get_example (DebriefTimestampFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (format_info), NULL);

  return format_info[format].example;
}

gboolean
debrief_timestamp_format_is_since_boot (DebriefTimestampFormat format)
{
  return format == DEBRIEF_TS_DMESG
         || format == DEBRIEF_TS_ZEPHYR
         || format == DEBRIEF_TS_ESPIDF;
}

/**
 * debrief_timestamp_describe_assumed_year:
 *
 * Returns: (transfer full): what a person is told of a log whose stamps
 *   have no year, e.g. "Year not in the log; assumed 2026 from the
 *   incident's time window"
 */
char *
debrief_timestamp_describe_assumed_year (int               year,
                                         DebriefYearSource source)
{
  switch (source)
    {
    case DEBRIEF_YEAR_SOURCE_INCIDENT:
      /* Translators: %d is a year */
      return g_strdup_printf (_("Year not in the log; assumed %d from the incident's time window"), year);
    case DEBRIEF_YEAR_SOURCE_FILE_DATE:
      /* Translators: %d is a year */
      return g_strdup_printf (_("Year not in the log; assumed %d from the file's modification date"), year);
    case DEBRIEF_YEAR_SOURCE_TODAY:
    default:
      /* Translators: %d is a year */
      return g_strdup_printf (_("Year not in the log; assumed %d, the current year"), year);
    }
}
