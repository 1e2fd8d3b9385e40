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

/* Terminal colours (ESP-IDF writes them), a syslog or kernel <PRI>, and
 * the key of a logfmt stamp (time="…", ts=…).
 */
static const guchar *
skip_prefixes (const guchar    *p,
               const guchar    *end,
               DebriefLogLevel *level,
               gboolean        *quoted)
{
  static const char * const time_keys[] = { "time=", "ts=", "timestamp=", "t=" };

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
static DebriefLogLevel
classify_token (const guchar *p,
                const guchar *end)
{
  gboolean bracketed = FALSE;
  gsize len;

  if (p < end && (*p == '[' || *p == '<' || *p == '('))
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

      if (end > p && (end[-1] == ']' || end[-1] == '>' || end[-1] == ')'))
        end--;
      while ((colon = memchr (p, ':', end - p)) != NULL)
        p = colon + 1;
    }

  len = end - p;
  if (len < 3 || len > 8 || (!bracketed && (*p < 'A' || *p > 'Z')))
    return DEBRIEF_LOG_LEVEL_NONE;

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
static void
scan_level (const guchar     *p,
            const guchar     *end,
            DebriefLogLevel  *level,
            const guchar    **text)
{
  const guchar *tok, *tok_end, *second, *second_end, *third, *third_end;

  p = skip_blanks (p, end);
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
      found = classify_token (tok, tok_end);
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

gboolean
debrief_timestamp_parse_line (const char                    *line,
                              gsize                          length,
                              DebriefTimestampFormat         format_hint,
                              const DebriefTimestampContext *context,
                              DebriefLogStamp               *out)
{
  static const Parsed nothing = { DEBRIEF_TS_NONE, 0, DEBRIEF_LOG_LEVEL_NONE, NULL, NULL, NULL,
                                  DEBRIEF_TS_MISSING_NOTHING };
  const guchar *start = (const guchar *) line;
  const guchar *line_end, *end, *p, *level_end, *text;
  DebriefLogLevel prefix_level = DEBRIEF_LOG_LEVEL_NONE;
  gboolean embedded = FALSE;
  gboolean quoted = FALSE;
  Parsed res = nothing;

  g_return_val_if_fail (line != NULL || length == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (length == 0)
    return FALSE;

  line_end = start + length;
  end = start + MIN (length, DEBRIEF_TIMESTAMP_WINDOW);

  p = skip_prefixes (start, end, &prefix_level, &quoted);

  /* A parser that fails may have filled in part of res. */
  if (!_debrief_timestamp_parse_format (format_hint, p, end, context, &res))
    {
      res = nothing;
      if (!_debrief_timestamp_parse_any (p, end, context, FALSE, format_hint == DEBRIEF_TS_DATE_DMY, &res))
        {
          res = nothing;
          if (!_debrief_timestamp_find_apache (p, end, context, &res))
            return FALSE;
          embedded = TRUE;
        }
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

DebriefTimestampFormat
debrief_timestamp_detect (const char * const            *sample_lines,
                          const gsize                   *lengths,
                          guint                          n_lines,
                          const DebriefTimestampContext *context)
{
  guint counts[DEBRIEF_TS_N_FORMATS] = { 0, };
  DebriefTimestampFormat best = DEBRIEF_TS_NONE;
  DebriefTimestampContext fixed_context = { 0, NULL, 0, 0 };
  gboolean day_first;

  g_return_val_if_fail (sample_lines != NULL || n_lines == 0, DEBRIEF_TS_NONE);

  /* Only the shape matters here; a fixed year spares a clock read per line. */
  if (context != NULL)
    fixed_context = *context;
  if (fixed_context.reference_year <= 0)
    fixed_context.reference_year = _debrief_timestamp_reference_year (NULL);

  for (guint i = 0; i < n_lines; i++)
    {
      DebriefLogStamp stamp;
      const char *line = sample_lines[i];
      gsize length;

      if (line == NULL)
        continue;

      length = lengths != NULL ? lengths[i] : strlen (line);
      if (debrief_timestamp_parse_line (line, length, DEBRIEF_TS_NONE, &fixed_context, &stamp))
        counts[stamp.format]++;
    }

  /* Year-last dates are one family.  A line parsed alone reads 03/04/2026
   * month first; one line that can only be day first (14/03/2026) makes
   * the whole file day first.
   */
  day_first = counts[DEBRIEF_TS_DATE_DMY] > 0;
  counts[DEBRIEF_TS_DATE_MDY] += counts[DEBRIEF_TS_DATE_DMY];
  counts[DEBRIEF_TS_DATE_DMY] = 0;

  for (guint f = DEBRIEF_TS_NONE + 1; f < DEBRIEF_TS_N_FORMATS; f++)
    if (counts[f] > counts[best])
      best = f;

  if (best == DEBRIEF_TS_DATE_MDY && day_first)
    best = DEBRIEF_TS_DATE_DMY;

  return best;
}

gboolean
debrief_timestamp_format_is_since_boot (DebriefTimestampFormat format)
{
  return format == DEBRIEF_TS_DMESG
         || format == DEBRIEF_TS_ZEPHYR
         || format == DEBRIEF_TS_ESPIDF;
}

const char *
debrief_timestamp_format_get_name (DebriefTimestampFormat format)
{
  switch (format)
    {
    case DEBRIEF_TS_NONE:
      return _("No timestamp");
    case DEBRIEF_TS_ISO8601:
      return _("ISO 8601");
    case DEBRIEF_TS_SYSLOG:
      return _("Syslog (RFC 3164)");
    case DEBRIEF_TS_DMESG:
      return _("Kernel log (time since boot)");
    case DEBRIEF_TS_ZEPHYR:
      return _("Zephyr log (time since boot)");
    case DEBRIEF_TS_ESPIDF:
      return _("ESP-IDF log (time since boot)");
    case DEBRIEF_TS_EPOCH_S:
      return _("Unix time in seconds");
    case DEBRIEF_TS_EPOCH_MS:
      return _("Unix time in milliseconds");
    case DEBRIEF_TS_APACHE:
      return _("Apache access log");
    case DEBRIEF_TS_CTIME:
      return _("C library date (ctime)");
    case DEBRIEF_TS_LOGCAT:
      return _("Android logcat");
    case DEBRIEF_TS_LOG4J:
      return _("Java log4j");
    case DEBRIEF_TS_COMPACT:
      return _("Compact date (yyMMdd HHmmss)");
    case DEBRIEF_TS_COMPACT_MS:
      return _("Compact date with milliseconds (yyyyMMdd-HH:mm:ss:SSS)");
    case DEBRIEF_TS_SLASH_DATE:
      return _("Date with slashes (yy/MM/dd)");
    case DEBRIEF_TS_ESPIDF_SYSTEM:
      return _("ESP-IDF log (system time)");
    case DEBRIEF_TS_EPOCH_US:
      return _("Unix time in microseconds");
    case DEBRIEF_TS_EPOCH_NS:
      return _("Unix time in nanoseconds");
    case DEBRIEF_TS_DATE_MDY:
      return _("Date, month first (MM/dd/yyyy)");
    case DEBRIEF_TS_DATE_DMY:
      return _("Date, day first (dd/MM/yyyy)");
    case DEBRIEF_TS_N_FORMATS:
    default:
      g_return_val_if_reached (NULL);
    }
}
