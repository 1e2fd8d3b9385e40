/* debrief-timestamp-formats.c
 *
 * The parsers of each family of timestamp a log line can start with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-timestamp"

#include "config.h"

#include <string.h>

#include "debrief-time.h"
#include "debrief-timestamp-private.h"

static const char month_names[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
static const char day_names[] = "MonTueWedThuFriSatSun";

static inline gboolean
is_alnum (guchar c)
{
  return is_digit (c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* A stamp must not run on into a word or number: "12:00:00x" is not one. */
static inline gboolean
at_boundary (const guchar *p,
             const guchar *end)
{
  return p >= end || !is_alnum (*p);
}

static inline gboolean
fixed_digits (const guchar **pp,
              const guchar  *end,
              guint          n,
              guint         *out)
{
  const guchar *p = *pp;
  guint value = 0;

  if ((gsize) (end - p) < n)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (!is_digit (p[i]))
        return FALSE;
      value = value * 10 + (p[i] - '0');
    }

  *pp = p + n;
  *out = value;
  return TRUE;
}

/* Between min and max digits, as many as there are. */
/* One to nine fraction digits after the decimal sign, in microseconds. */
static gboolean
fraction (const guchar **pp,
          const guchar  *end,
          guint         *usec)
{
  guint64 value;
  guint n;

  if (!var_digits (pp, end, 1, 9, &value, &n))
    return FALSE;

  for (; n < 6; n++)
    value *= 10;
  for (; n > 6; n--)
    value /= 10;

  *usec = (guint) value;
  return TRUE;
}

/* A comma not followed by a digit is no decimal sign but the separator
 * of a CSV log ("03/14/2026 14:11:07,INFO,…").
 */
static gboolean
optional_fraction (const guchar **pp,
                   const guchar  *end,
                   gboolean       allow_comma,
                   guint         *usec)
{
  const guchar *p = *pp;

  *usec = 0;

  if (p < end && *p == ',' && allow_comma && (p + 1 >= end || !is_digit (p[1])))
    return TRUE;

  if (p < end && (*p == '.' || (allow_comma && *p == ',')))
    {
      (*pp)++;
      return fraction (pp, end, usec);
    }

  return TRUE;
}

static int
month_from_name (const guchar *p,
                 const guchar *end)
{
  if (end - p < 3)
    return 0;

  for (guint i = 0; i < 12; i++)
    if (p[0] == month_names[i * 3] && p[1] == month_names[i * 3 + 1] && p[2] == month_names[i * 3 + 2])
      return i + 1;

  return 0;
}

static gboolean
is_day_name (const guchar *p,
             const guchar *end)
{
  if (end - p < 3)
    return FALSE;

  for (guint i = 0; i < 7; i++)
    if (p[0] == day_names[i * 3] && p[1] == day_names[i * 3 + 1] && p[2] == day_names[i * 3 + 2])
      return TRUE;

  return FALSE;
}
int
_debrief_timestamp_reference_year (const DebriefTimestampContext *context)
{
  int year;
  guint month, day;

  if (context != NULL && context->reference_year > 0)
    return context->reference_year;

  debrief_civil_from_days (g_get_real_time () / USEC_PER_SEC / 86400, &year, &month, &day);
  return year;
}

/* The day of the incident, for stamps that hold only a time of day. */
static void
reference_date (const DebriefTimestampContext *context,
                int                           *year,
                guint                         *month,
                guint                         *day)
{
  if (context == NULL || context->reference_year <= 0)
    {
      debrief_civil_from_days (g_get_real_time () / USEC_PER_SEC / 86400, year, month, day);
      return;
    }

  *year = context->reference_year;
  *month = (guint) CLAMP (context->reference_month, 1, 12);
  *day = (guint) CLAMP (context->reference_day, 1, (int) debrief_days_in_month (*year, *month));
}

/* The year closest to the reference year that ends in these two digits. */
static int
full_year (guint                          yy,
           const DebriefTimestampContext *context)
{
  int ref = _debrief_timestamp_reference_year (context);
  int year = ref - ref % 100 + (int) yy;

  if (year > ref + 49)
    year -= 100;
  else if (year < ref - 50)
    year += 100;

  return year;
}

/* Checks a wall-clock time and turns it into UTC microseconds.  Without an
 * explicit offset the time is in the context's zone.
 */
static gboolean
civil_to_usec (const DebriefTimestampContext *context,
               int                            year,
               guint                          month,
               guint                          day,
               guint                          hour,
               guint                          minute,
               guint                          second,
               guint                          usec,
               gboolean                       has_offset,
               int                            offset_seconds,
               gint64                        *out)
{
  gint64 seconds;

  if (year < 1900 || year > 2200 || month < 1 || month > 12
      || day < 1 || day > debrief_days_in_month (year, month)
      || hour > 23 || minute > 59 || second > 60)
    return FALSE;

  seconds = debrief_days_from_civil (year, month, day) * 86400
            + hour * 3600 + minute * 60 + second;

  if (has_offset)
    {
      seconds -= offset_seconds;
    }
  else if (context != NULL && context->time_zone != NULL)
    {
      gint64 local = seconds;
      int interval;

      /* A time in a daylight-saving gap moves forward, like GDateTime. */
      interval = g_time_zone_adjust_time (context->time_zone, G_TIME_TYPE_STANDARD, &local);
      seconds = local - g_time_zone_get_offset (context->time_zone, interval);
    }

  *out = seconds * USEC_PER_SEC + usec;
  return TRUE;
}

/* The end of every parser that found a wall-clock time: checks it, turns it
 * into UTC microseconds and says where the stamp ends and what it lacked.
 */
static gboolean
found_stamp (const DebriefTimestampContext *context,
             int                            year,
             guint                          month,
             guint                          day,
             guint                          hour,
             guint                          minute,
             guint                          second,
             guint                          usec,
             gboolean                       has_offset,
             int                            offset_seconds,
             DebriefTimestampFormat         format,
             DebriefTimestampMissing        missing,
             const guchar                  *stamp_end,
             Parsed                        *res)
{
  if (!civil_to_usec (context, year, month, day, hour, minute, second, usec,
                      has_offset, offset_seconds, &res->usec))
    return FALSE;

  res->format = format;
  res->missing = missing;
  res->stamp_end = stamp_end;
  return TRUE;
}

/* HH:MM:SS with an optional fraction. */
static gboolean
clock_time (const guchar **pp,
            const guchar  *end,
            gboolean       allow_comma,
            guint         *hour,
            guint         *minute,
            guint         *second,
            guint         *usec)
{
  return fixed_digits (pp, end, 2, hour)
         && expect (pp, end, ':')
         && fixed_digits (pp, end, 2, minute)
         && expect (pp, end, ':')
         && fixed_digits (pp, end, 2, second)
         && optional_fraction (pp, end, allow_comma, usec);
}

/* An ISO 8601 zone after the time: Z, ±HH, ±HHMM or ±HH:MM.  Nothing
 * there is no zone; FALSE is a zone that is broken ("+02:", "+24:00").
 */
static gboolean
iso_zone (const guchar **pp,
          const guchar  *end,
          gboolean      *has_offset,
          int           *offset)
{
  const guchar *p = *pp;
  const guchar *q;
  guint oh = 0, om = 0;
  int sign;

  *has_offset = FALSE;
  *offset = 0;

  if (p < end && (*p == 'Z' || *p == 'z'))
    {
      *has_offset = TRUE;
      *pp = p + 1;
      return TRUE;
    }

  if (end - p < 3 || (*p != '+' && *p != '-') || !is_digit (p[1]) || !is_digit (p[2]))
    return TRUE;

  sign = *p == '-' ? -1 : 1;
  q = p + 1;
  fixed_digits (&q, end, 2, &oh);
  if (q < end && *q == ':')
    {
      q++;
      if (!fixed_digits (&q, end, 2, &om))
        return FALSE;
    }
  else if (q < end && is_digit (*q) && !fixed_digits (&q, end, 2, &om))
    {
      return FALSE;
    }

  if (oh > 23 || om > 59)
    return FALSE;

  *has_offset = TRUE;
  *offset = sign * (int) (oh * 3600 + om * 60);
  *pp = q;
  return TRUE;
}

typedef struct
{
  char   name[5];
  gint16 minutes;
} ZoneName;

#define ZONE_AMBIGUOUS G_MININT16

/* Zone abbreviations as syslog daemons, routers and date(1) write them.
 * Some name more than one zone (CST is in America and in China): those
 * are taken as part of the stamp but the time stays in the context's zone.
 */
static const ZoneName zone_names[] = {
  { "UTC", 0 }, { "GMT", 0 }, { "UT", 0 }, { "Z", 0 },
  { "WET", 0 }, { "WEST", 60 }, { "CET", 60 }, { "CEST", 120 },
  { "MET", 60 }, { "MEST", 120 }, { "EET", 120 }, { "EEST", 180 },
  { "MSK", 180 }, { "EST", -300 }, { "EDT", -240 }, { "CDT", -300 },
  { "MST", -420 }, { "MDT", -360 }, { "PST", -480 }, { "PDT", -420 },
  { "AKST", -540 }, { "AKDT", -480 }, { "HST", -600 }, { "JST", 540 },
  { "KST", 540 }, { "HKT", 480 }, { "SGT", 480 }, { "AWST", 480 },
  { "ACST", 570 }, { "ACDT", 630 }, { "AEST", 600 }, { "AEDT", 660 },
  { "NZST", 720 }, { "NZDT", 780 },
  { "CST", ZONE_AMBIGUOUS }, { "IST", ZONE_AMBIGUOUS },
  { "BST", ZONE_AMBIGUOUS }, { "AST", ZONE_AMBIGUOUS },
};

/* A zone abbreviation, or an offset ±HHMM or ±HH:MM, as a word of its own
 * after the time.
 */
static gboolean
zone_word (const guchar **pp,
           const guchar  *end,
           gboolean      *has_offset,
           int           *offset)
{
  const guchar *p = *pp;
  gsize len = 0;

  if (p < end && (*p == '+' || *p == '-'))
    {
      const guchar *q = p + 1;
      guint oh, om;
      int sign = *p == '-' ? -1 : 1;

      if (!fixed_digits (&q, end, 2, &oh))
        return FALSE;
      if (q < end && *q == ':')
        q++;
      if (!fixed_digits (&q, end, 2, &om) || oh > 23 || om > 59 || !at_boundary (q, end))
        return FALSE;

      *has_offset = TRUE;
      *offset = sign * (int) (oh * 3600 + om * 60);
      *pp = q;
      return TRUE;
    }

  while (p + len < end && len < 5 && p[len] >= 'A' && p[len] <= 'Z')
    len++;
  if (len == 0 || len > 4 || !at_boundary (p + len, end))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (zone_names); i++)
    {
      if (strlen (zone_names[i].name) != len || memcmp (zone_names[i].name, p, len) != 0)
        continue;

      *has_offset = zone_names[i].minutes != ZONE_AMBIGUOUS;
      *offset = *has_offset ? zone_names[i].minutes * 60 : 0;
      *pp = p + len;
      return TRUE;
    }

  return FALSE;
}

/* A zone word after a time, when there is one: " UTC", " +0100".  Routers
 * end it with a colon ("UTC: %SYS-5-CONFIG_I"), which goes with it.
 */
static void
optional_zone_word (const guchar **pp,
                    const guchar  *end,
                    gboolean      *has_offset,
                    int           *offset)
{
  const guchar *q = *pp;

  *has_offset = FALSE;
  *offset = 0;

  if (end - q < 2 || *q != ' ')
    return;
  q++;
  if (!zone_word (&q, end, has_offset, offset))
    return;
  if (q < end && *q == ':')
    q++;
  *pp = q;
}

/* YYYY-MM-DD[T ]HH:MM:SS[.,fraction][Z|±HH[:MM]], also with dots in the
 * date (YYYY.MM.DD HH:MM:SS) and as IBM's DB2 and BlueGene/L write it,
 * YYYY-MM-DD-HH.MM.SS.ffffff.  A comma after the seconds that no digit
 * follows is punctuation before the level ("04:30:30, Info"), as Windows'
 * CBS log writes it.
 */
static gboolean
parse_iso (const guchar                  *p,
           const guchar                  *end,
           const DebriefTimestampContext *context,
           Parsed                        *res)
{
  guint year, month, day, hour, minute, second, usec = 0;
  guchar separator, date_sep, time_sep;
  gboolean comma = FALSE;
  gboolean has_offset;
  int offset;

  if (!fixed_digits (&p, end, 4, &year) || p >= end || (*p != '-' && *p != '.'))
    return FALSE;
  date_sep = *p++;

  if (!fixed_digits (&p, end, 2, &month) || !expect (&p, end, date_sep)
      || !fixed_digits (&p, end, 2, &day) || p >= end)
    return FALSE;

  separator = *p++;
  if (separator != 'T' && separator != ' ' && separator != 't'
      && !(separator == '-' && date_sep == '-'))
    return FALSE;

  time_sep = separator == '-' ? '.' : ':';
  if (!fixed_digits (&p, end, 2, &hour) || !expect (&p, end, time_sep)
      || !fixed_digits (&p, end, 2, &minute) || !expect (&p, end, time_sep)
      || !fixed_digits (&p, end, 2, &second))
    return FALSE;

  if (p < end && (*p == '.' || (*p == ',' && p + 1 < end && is_digit (p[1]))))
    {
      comma = *p == ',';
      p++;
      if (!fraction (&p, end, &usec))
        return FALSE;
    }

  if (!iso_zone (&p, end, &has_offset, &offset)
      || !at_boundary (p, end))
    return FALSE;

  /* PostgreSQL and others name the zone: "2026-03-14 02:11:07.123 CET". */
  if (!has_offset)
    optional_zone_word (&p, end, &has_offset, &offset);

  return found_stamp (context, year, month, day,
                      hour, minute, second, usec, has_offset, offset,
                      separator == ' ' && comma ? DEBRIEF_TS_LOG4J : DEBRIEF_TS_ISO8601,
                      DEBRIEF_TS_MISSING_NOTHING, p, res);
}

/* YYYYMMDDTHHMMSS[.,fraction][Z|±HH[MM]], ISO 8601's basic format. */
static gboolean
parse_iso_basic (const guchar                  *p,
                 const guchar                  *end,
                 const DebriefTimestampContext *context,
                 Parsed                        *res)
{
  guint year, month, day, hour, minute, second, usec = 0;
  gboolean has_offset;
  int offset;

  if (!fixed_digits (&p, end, 4, &year) || !fixed_digits (&p, end, 2, &month)
      || !fixed_digits (&p, end, 2, &day) || p >= end || (*p != 'T' && *p != 't'))
    return FALSE;
  p++;

  if (!fixed_digits (&p, end, 2, &hour) || !fixed_digits (&p, end, 2, &minute)
      || !fixed_digits (&p, end, 2, &second)
      || !optional_fraction (&p, end, TRUE, &usec)
      || !iso_zone (&p, end, &has_offset, &offset)
      || !at_boundary (p, end))
    return FALSE;

  return found_stamp (context, year, month, day,
                      hour, minute, second, usec, has_offset, offset,
                      DEBRIEF_TS_ISO8601, DEBRIEF_TS_MISSING_NOTHING, p, res);
}

/* Mmm dd [yyyy ]HH:MM:SS[.fraction][ zone], the day padded with a space or
 * not.  Without a year, the year comes from the incident.
 */
static gboolean
parse_syslog (const guchar                  *p,
              const guchar                  *end,
              const DebriefTimestampContext *context,
              Parsed                        *res)
{
  guint64 day;
  guint month, hour, minute, second, usec, year = 0;
  gboolean has_year = FALSE;
  gboolean has_offset;
  int offset;

  month = month_from_name (p, end);
  if (month == 0)
    return FALSE;
  p += 3;

  if (!expect (&p, end, ' '))
    return FALSE;
  if (p < end && *p == ' ')
    p++;

  if (!var_digits (&p, end, 1, 2, &day, NULL) || !expect (&p, end, ' '))
    return FALSE;

  /* Cisco and some BSD daemons put the year between the day and the time. */
  if (end - p > 4 && is_digit (p[2]) && p[4] == ' ')
    {
      if (!fixed_digits (&p, end, 4, &year) || !expect (&p, end, ' '))
        return FALSE;
      has_year = TRUE;
    }

  if (!clock_time (&p, end, FALSE, &hour, &minute, &second, &usec))
    return FALSE;

  optional_zone_word (&p, end, &has_offset, &offset);

  if (!at_boundary (p, end))
    return FALSE;

  return found_stamp (context,
                      has_year ? (int) year : _debrief_timestamp_reference_year (context),
                      month, (guint) day,
                      hour, minute, second, usec, has_offset, offset,
                      DEBRIEF_TS_SYSLOG,
                      has_year ? DEBRIEF_TS_MISSING_NOTHING : DEBRIEF_TS_MISSING_YEAR,
                      p, res);
}

/* Www Mmm dd HH:MM:SS[.ffffff] [zone ]yyyy, as ctime(), date and Apache's
 * error log write it.
 */
static gboolean
parse_ctime (const guchar                  *p,
             const guchar                  *end,
             const DebriefTimestampContext *context,
             Parsed                        *res)
{
  guint64 day;
  guint month, hour, minute, second, usec, year;
  gboolean has_offset;
  int offset;

  if (!is_day_name (p, end))
    return FALSE;
  p += 3;
  if (!expect (&p, end, ' '))
    return FALSE;

  month = month_from_name (p, end);
  if (month == 0)
    return FALSE;
  p += 3;

  if (!expect (&p, end, ' '))
    return FALSE;
  if (p < end && *p == ' ')
    p++;

  if (!var_digits (&p, end, 1, 2, &day, NULL) || !expect (&p, end, ' ')
      || !clock_time (&p, end, FALSE, &hour, &minute, &second, &usec))
    return FALSE;

  optional_zone_word (&p, end, &has_offset, &offset);

  if (!expect (&p, end, ' ')
      || !fixed_digits (&p, end, 4, &year)
      || !at_boundary (p, end))
    return FALSE;

  return found_stamp (context, year, month, (guint) day,
                      hour, minute, second, usec, has_offset, offset,
                      DEBRIEF_TS_CTIME, DEBRIEF_TS_MISSING_NOTHING, p, res);
}

/* dd/Mmm/yyyy:HH:MM:SS ±zzzz, the Common Log Format without its brackets. */
static gboolean
parse_apache_inner (const guchar                  *p,
                    const guchar                  *end,
                    const DebriefTimestampContext *context,
                    Parsed                        *res)
{
  guint day, month, year, hour, minute, second, oh, om;
  int sign;

  if (!fixed_digits (&p, end, 2, &day) || !expect (&p, end, '/'))
    return FALSE;

  month = month_from_name (p, end);
  if (month == 0)
    return FALSE;
  p += 3;

  if (!expect (&p, end, '/') || !fixed_digits (&p, end, 4, &year)
      || !expect (&p, end, ':') || !fixed_digits (&p, end, 2, &hour)
      || !expect (&p, end, ':') || !fixed_digits (&p, end, 2, &minute)
      || !expect (&p, end, ':') || !fixed_digits (&p, end, 2, &second)
      || !expect (&p, end, ' ') || p >= end || (*p != '+' && *p != '-'))
    return FALSE;

  sign = *p++ == '-' ? -1 : 1;
  if (!fixed_digits (&p, end, 2, &oh) || !fixed_digits (&p, end, 2, &om)
      || oh > 23 || om > 59 || !at_boundary (p, end))
    return FALSE;

  return found_stamp (context, year, month, day,
                      hour, minute, second, 0, TRUE, sign * (int) (oh * 3600 + om * 60),
                      DEBRIEF_TS_APACHE, DEBRIEF_TS_MISSING_NOTHING, p, res);
}

/* MM<separator>DD HH:MM:SS[.fff] with no year, which comes from the
 * incident: MM-DD as adb logcat writes it, MM.DD as Proxifier does (in
 * brackets).
 */
static gboolean
parse_month_day_with (const guchar                  *p,
                      const guchar                  *end,
                      const DebriefTimestampContext *context,
                      guchar                         separator,
                      DebriefTimestampFormat         format,
                      Parsed                        *res)
{
  guint month, day, hour, minute, second, usec;

  if (!fixed_digits (&p, end, 2, &month) || !expect (&p, end, separator)
      || !fixed_digits (&p, end, 2, &day) || !expect (&p, end, ' ')
      || !clock_time (&p, end, FALSE, &hour, &minute, &second, &usec)
      || !at_boundary (p, end))
    return FALSE;

  return found_stamp (context, _debrief_timestamp_reference_year (context), month, day,
                      hour, minute, second, usec, FALSE, 0,
                      format, DEBRIEF_TS_MISSING_YEAR, p, res);
}

static gboolean
parse_logcat (const guchar                  *p,
              const guchar                  *end,
              const DebriefTimestampContext *context,
              Parsed                        *res)
{
  return parse_month_day_with (p, end, context, '-', DEBRIEF_TS_LOGCAT, res);
}

/* yyMMdd HHmmss, or yyMMdd HH:mm:ss with the hour padded by a space as
 * older MySQL servers write it.
 */
static gboolean
parse_compact (const guchar                  *p,
               const guchar                  *end,
               const DebriefTimestampContext *context,
               Parsed                        *res)
{
  guint yy, month, day, hour, minute, second;

  if (!fixed_digits (&p, end, 2, &yy) || !fixed_digits (&p, end, 2, &month)
      || !fixed_digits (&p, end, 2, &day) || !expect (&p, end, ' ') || p >= end)
    return FALSE;

  if (*p == ' ')
    {
      p++;
      if (!fixed_digits (&p, end, 1, &hour) || !expect (&p, end, ':')
          || !fixed_digits (&p, end, 2, &minute) || !expect (&p, end, ':')
          || !fixed_digits (&p, end, 2, &second))
        return FALSE;
    }
  else if (p + 2 < end && p[2] == ':')
    {
      if (!fixed_digits (&p, end, 2, &hour) || !expect (&p, end, ':')
          || !fixed_digits (&p, end, 2, &minute) || !expect (&p, end, ':')
          || !fixed_digits (&p, end, 2, &second))
        return FALSE;
    }
  else if (!fixed_digits (&p, end, 2, &hour) || !fixed_digits (&p, end, 2, &minute)
           || !fixed_digits (&p, end, 2, &second))
    {
      return FALSE;
    }

  if (!at_boundary (p, end))
    return FALSE;

  return found_stamp (context, full_year (yy, context), month, day,
                      hour, minute, second, 0, FALSE, 0,
                      DEBRIEF_TS_COMPACT, DEBRIEF_TS_MISSING_NOTHING, p, res);
}

/* yyyyMMdd-HH:mm:ss:SSS, the time's fields padded or not, as HealthApp
 * writes them ("20171223-22:16:0:119").  After a colon the milliseconds
 * are a count ("0:7" is 7 ms); after a dot, a decimal fraction.
 */
static gboolean
parse_compact_ms (const guchar                  *p,
                  const guchar                  *end,
                  const DebriefTimestampContext *context,
                  Parsed                        *res)
{
  guint year, month, day, usec;
  guint64 hour, minute, second, ms;

  if (!fixed_digits (&p, end, 4, &year) || !fixed_digits (&p, end, 2, &month)
      || !fixed_digits (&p, end, 2, &day) || !expect (&p, end, '-')
      || !var_digits (&p, end, 1, 2, &hour, NULL) || !expect (&p, end, ':')
      || !var_digits (&p, end, 1, 2, &minute, NULL) || !expect (&p, end, ':')
      || !var_digits (&p, end, 1, 2, &second, NULL) || p >= end
      || (*p != ':' && *p != '.'))
    return FALSE;

  if (*p++ == ':')
    {
      if (!var_digits (&p, end, 1, 3, &ms, NULL))
        return FALSE;
      usec = (guint) ms * 1000;
    }
  else if (!fraction (&p, end, &usec))
    {
      return FALSE;
    }

  if (!at_boundary (p, end))
    return FALSE;

  return found_stamp (context, year, month, day,
                      (guint) hour, (guint) minute, (guint) second, usec, FALSE, 0,
                      DEBRIEF_TS_COMPACT_MS, DEBRIEF_TS_MISSING_NOTHING, p, res);
}

/* dd Mmm yyyy HH:MM:SS[.fff], as Redis writes it ("14 Mar 2026
 * 02:11:07.123"), or dd-Mmm-yyyy as Tomcat and Oracle do.
 */
static gboolean
parse_day_month_name (const guchar                  *p,
                      const guchar                  *end,
                      const DebriefTimestampContext *context,
                      Parsed                        *res)
{
  guint64 day;
  guint month, year, hour, minute, second, usec;
  gboolean has_offset;
  int offset;
  guchar sep;

  if (!var_digits (&p, end, 1, 2, &day, NULL) || p >= end || (*p != ' ' && *p != '-'))
    return FALSE;
  sep = *p++;

  month = month_from_name (p, end);
  if (month == 0)
    return FALSE;
  p += 3;

  if (!expect (&p, end, sep) || !fixed_digits (&p, end, 4, &year) || !expect (&p, end, ' ')
      || !clock_time (&p, end, FALSE, &hour, &minute, &second, &usec))
    return FALSE;

  optional_zone_word (&p, end, &has_offset, &offset);
  if (!at_boundary (p, end))
    return FALSE;

  return found_stamp (context, (int) year, month, (guint) day,
                      hour, minute, second, usec, has_offset, offset,
                      DEBRIEF_TS_DAY_MONTH, DEBRIEF_TS_MISSING_NOTHING, p, res);
}

/* Mmm d, yyyy h:mm:ss AM, as java.util.logging's SimpleFormatter writes
 * it (Tomcat's catalina.out), on a line of its own above the message.
 */
static gboolean
parse_month_name_date (const guchar                  *p,
                       const guchar                  *end,
                       const DebriefTimestampContext *context,
                       Parsed                        *res)
{
  guint64 day, hour;
  guint month, year, minute, second, usec;

  month = month_from_name (p, end);
  if (month == 0)
    return FALSE;
  p += 3;

  if (!expect (&p, end, ' ') || !var_digits (&p, end, 1, 2, &day, NULL)
      || !expect (&p, end, ',') || !expect (&p, end, ' ')
      || !fixed_digits (&p, end, 4, &year) || !expect (&p, end, ' ')
      || !var_digits (&p, end, 1, 2, &hour, NULL) || !expect (&p, end, ':')
      || !fixed_digits (&p, end, 2, &minute) || !expect (&p, end, ':')
      || !fixed_digits (&p, end, 2, &second)
      || !optional_fraction (&p, end, FALSE, &usec))
    return FALSE;

  /* A 12-hour clock: 12:05 AM is five past midnight. */
  if (end - p >= 3 && p[0] == ' '
      && ((p[1] | 0x20) == 'a' || (p[1] | 0x20) == 'p') && (p[2] | 0x20) == 'm'
      && at_boundary (p + 3, end))
    {
      if (hour < 1 || hour > 12)
        return FALSE;
      hour = hour % 12 + ((p[1] | 0x20) == 'p' ? 12 : 0);
      p += 3;
    }

  if (!at_boundary (p, end))
    return FALSE;

  return found_stamp (context, (int) year, month, (guint) day,
                      (guint) hour, minute, second, usec, FALSE, 0,
                      DEBRIEF_TS_MONTH_NAME, DEBRIEF_TS_MISSING_NOTHING, p, res);
}

/* Lmmdd HH:MM:SS.uuuuuu, as glog and Kubernetes' klog write it: a level
 * letter, the month and day, no year.
 */
static gboolean
parse_glog (const guchar                  *p,
            const guchar                  *end,
            const DebriefTimestampContext *context,
            Parsed                        *res)
{
  DebriefLogLevel level;
  guint month, day, hour, minute, second, usec;

  if (p >= end)
    return FALSE;

  switch (*p)
    {
    case 'I': level = DEBRIEF_LOG_LEVEL_INFO; break;
    case 'W': level = DEBRIEF_LOG_LEVEL_WARNING; break;
    case 'E': level = DEBRIEF_LOG_LEVEL_ERROR; break;
    case 'F': level = DEBRIEF_LOG_LEVEL_FATAL; break;
    default: return FALSE;
    }
  p++;

  if (!fixed_digits (&p, end, 2, &month) || !fixed_digits (&p, end, 2, &day)
      || !expect (&p, end, ' ')
      || !clock_time (&p, end, FALSE, &hour, &minute, &second, &usec)
      || !at_boundary (p, end))
    return FALSE;

  if (!found_stamp (context, _debrief_timestamp_reference_year (context), month, day,
                    hour, minute, second, usec, FALSE, 0,
                    DEBRIEF_TS_GLOG, DEBRIEF_TS_MISSING_YEAR, p, res))
    return FALSE;

  res->level = level;
  return TRUE;
}

static gboolean
parse_month_day (const guchar                  *p,
                 const guchar                  *end,
                 const DebriefTimestampContext *context,
                 Parsed                        *res)
{
  return parse_month_day_with (p, end, context, '.', DEBRIEF_TS_MONTH_DAY, res);
}

/* yy/MM/dd HH:mm:ss[.fff] or yyyy/MM/dd HH:mm:ss[.fff] */
static gboolean
parse_slash_date (const guchar                  *p,
                  const guchar                  *end,
                  const DebriefTimestampContext *context,
                  Parsed                        *res)
{
  guint year, month, day, hour, minute, second, usec;
  int full;

  if (end - p >= 3 && is_digit (p[2]))
    {
      if (!fixed_digits (&p, end, 4, &year))
        return FALSE;
      full = (int) year;
    }
  else
    {
      if (!fixed_digits (&p, end, 2, &year))
        return FALSE;
      full = full_year (year, context);
    }

  if (!expect (&p, end, '/') || !fixed_digits (&p, end, 2, &month)
      || !expect (&p, end, '/') || !fixed_digits (&p, end, 2, &day)
      || !expect (&p, end, ' ')
      || !clock_time (&p, end, TRUE, &hour, &minute, &second, &usec)
      || !at_boundary (p, end))
    return FALSE;

  return found_stamp (context, full, month, day,
                      hour, minute, second, usec, FALSE, 0,
                      DEBRIEF_TS_SLASH_DATE, DEBRIEF_TS_MISSING_NOTHING, p, res);
}

/* MM/dd/yyyy or dd/MM/yyyy, then HH:mm:ss[.fff] and perhaps AM or PM.
 * Which field is the day shows when one of them is above 12; when neither
 * is, the file's format decides, and without one month first wins: a
 * four-digit year at the end is how US software writes dates, while
 * day-first writers mostly use dots or ISO 8601.
 */
static gboolean
parse_date_year_last (const guchar                  *p,
                      const guchar                  *end,
                      const DebriefTimestampContext *context,
                      gboolean                       prefer_day_first,
                      Parsed                        *res)
{
  guint first, second_field, year, month, day, hour, minute, second, usec;
  gboolean day_first;
  guchar date_sep;

  if (!fixed_digits (&p, end, 2, &first) || p >= end || (*p != '/' && *p != '.'))
    return FALSE;
  date_sep = *p++;

  if (!fixed_digits (&p, end, 2, &second_field) || !expect (&p, end, date_sep)
      || !fixed_digits (&p, end, 4, &year) || !expect (&p, end, ' ')
      || !clock_time (&p, end, TRUE, &hour, &minute, &second, &usec))
    return FALSE;

  /* With dots the day comes first, as in Germany and Russia. */
  if (date_sep == '.')
    day_first = TRUE;
  else if (first > 12)
    day_first = TRUE;
  else if (second_field > 12)
    day_first = FALSE;
  else
    day_first = prefer_day_first;

  day = day_first ? first : second_field;
  month = day_first ? second_field : first;

  /* A 12-hour clock: 12:05 AM is five past midnight. */
  if (end - p >= 3 && p[0] == ' '
      && ((p[1] | 0x20) == 'a' || (p[1] | 0x20) == 'p') && (p[2] | 0x20) == 'm'
      && at_boundary (p + 3, end))
    {
      if (hour < 1 || hour > 12)
        return FALSE;
      hour = hour % 12 + ((p[1] | 0x20) == 'p' ? 12 : 0);
      p += 3;
    }

  if (!at_boundary (p, end))
    return FALSE;

  return found_stamp (context, (int) year, month, day,
                      hour, minute, second, usec, FALSE, 0,
                      day_first ? DEBRIEF_TS_DATE_DMY : DEBRIEF_TS_DATE_MDY,
                      DEBRIEF_TS_MISSING_NOTHING, p, res);
}

/* Unix time: ten digits of seconds with an optional fraction, thirteen of
 * milliseconds, sixteen of microseconds or nineteen of nanoseconds.  A
 * leading zero makes a counter or an offset in a dump, not a time.
 */
static gboolean
parse_epoch (const guchar *p,
             const guchar *end,
             Parsed       *res)
{
  guint64 value;
  guint n, usec = 0;

  if (p >= end || *p == '0' || !var_digits (&p, end, 10, 19, &value, &n))
    return FALSE;

  switch (n)
    {
    case 10:
      if ((gint64) value > EPOCH_MAX_S || !optional_fraction (&p, end, FALSE, &usec))
        return FALSE;
      res->usec = (gint64) value * USEC_PER_SEC + usec;
      res->format = DEBRIEF_TS_EPOCH_S;
      break;
    case 13:
      if ((gint64) value > EPOCH_MAX_S * 1000)
        return FALSE;
      res->usec = (gint64) value * 1000;
      res->format = DEBRIEF_TS_EPOCH_MS;
      break;
    case 16:
      if ((gint64) value > EPOCH_MAX_S * USEC_PER_SEC)
        return FALSE;
      res->usec = (gint64) value;
      res->format = DEBRIEF_TS_EPOCH_US;
      break;
    case 19:
      if (value > (guint64) EPOCH_MAX_S * 1000000000)
        return FALSE;
      res->usec = (gint64) (value / 1000);
      res->format = DEBRIEF_TS_EPOCH_NS;
      break;
    default:
      return FALSE;
    }

  if (!at_boundary (p, end))
    return FALSE;

  res->stamp_end = p;
  return TRUE;
}

/* [   12.345678]: seconds since boot, as the kernel writes them.  An
 * integer part of ten digits is Unix time in brackets, not an uptime.
 */
static gboolean
parse_dmesg (const guchar *p,
             const guchar *end,
             Parsed       *res)
{
  guint64 seconds;
  guint usec;

  if (!expect (&p, end, '['))
    return FALSE;
  while (p < end && *p == ' ')
    p++;

  if (!var_digits (&p, end, 1, 9, &seconds, NULL) || !expect (&p, end, '.')
      || !fraction (&p, end, &usec) || !expect (&p, end, ']'))
    return FALSE;

  res->format = DEBRIEF_TS_DMESG;
  res->usec = (gint64) seconds * USEC_PER_SEC + usec;
  res->stamp_end = p;
  return TRUE;
}

/* [HH:MM:SS.mmm,uuu]: Zephyr's time since boot; hours can pass 24.  The
 * microseconds, or both fractions, are left out by smaller builds.
 */
static gboolean
parse_zephyr (const guchar *p,
              const guchar *end,
              Parsed       *res)
{
  guint64 hours;
  guint minute, second, ms = 0, us = 0;

  if (!expect (&p, end, '[') || !var_digits (&p, end, 2, 6, &hours, NULL)
      || !expect (&p, end, ':') || !fixed_digits (&p, end, 2, &minute)
      || !expect (&p, end, ':') || !fixed_digits (&p, end, 2, &second)
      || minute > 59 || second > 59)
    return FALSE;

  if (p < end && *p == '.')
    {
      p++;
      if (!fixed_digits (&p, end, 3, &ms))
        return FALSE;

      if (p < end && *p == ',')
        {
          p++;
          if (!fixed_digits (&p, end, 3, &us))
            return FALSE;
        }
    }

  if (!expect (&p, end, ']'))
    return FALSE;

  res->format = DEBRIEF_TS_ZEPHYR;
  res->usec = (((gint64) hours * 60 + minute) * 60 + second) * USEC_PER_SEC + ms * 1000 + us;
  res->stamp_end = p;
  return TRUE;
}

/* I (12:34:56.789) or I (2026-03-14 12:34:56.789): ESP-IDF's system time
 * (CONFIG_LOG_TIMESTAMP_SOURCE_SYSTEM), wall-clock time in the device's
 * zone.  A time of day alone lands on the incident's day; a reader carries
 * it over to the next day when it jumps back past midnight.
 */
static gboolean
parse_espidf_system (const guchar                  *p,
                     const guchar                  *end,
                     const DebriefTimestampContext *context,
                     Parsed                        *res)
{
  int year;
  guint y, month, day, hour, minute, second, usec;
  gboolean dated = end - p > 4 && p[4] == '-';

  if (dated)
    {
      if (!fixed_digits (&p, end, 4, &y) || !expect (&p, end, '-')
          || !fixed_digits (&p, end, 2, &month) || !expect (&p, end, '-')
          || !fixed_digits (&p, end, 2, &day) || !expect (&p, end, ' '))
        return FALSE;
      year = (int) y;
    }
  else
    {
      reference_date (context, &year, &month, &day);
    }

  if (!clock_time (&p, end, FALSE, &hour, &minute, &second, &usec)
      || !expect (&p, end, ')'))
    return FALSE;

  return found_stamp (context, year, month, day,
                      hour, minute, second, usec, FALSE, 0,
                      DEBRIEF_TS_ESPIDF_SYSTEM,
                      dated ? DEBRIEF_TS_MISSING_NOTHING : DEBRIEF_TS_MISSING_DATE,
                      p, res);
}

/* E (12345) tag: milliseconds since boot, after ESP-IDF's level letter;
 * or the system time in its place.
 */
static gboolean
parse_espidf (const guchar                  *p,
              const guchar                  *end,
              const DebriefTimestampContext *context,
              Parsed                        *res)
{
  DebriefLogLevel level;
  const guchar *q;
  guint64 ms;

  if (end - p < 4 || p[1] != ' ' || p[2] != '(')
    return FALSE;

  switch (p[0])
    {
    case 'E': level = DEBRIEF_LOG_LEVEL_ERROR; break;
    case 'W': level = DEBRIEF_LOG_LEVEL_WARNING; break;
    case 'I': level = DEBRIEF_LOG_LEVEL_INFO; break;
    case 'D': level = DEBRIEF_LOG_LEVEL_DEBUG; break;
    case 'V': level = DEBRIEF_LOG_LEVEL_TRACE; break;
    default: return FALSE;
    }

  p += 3;
  q = p;
  if (var_digits (&q, end, 1, 12, &ms, NULL) && expect (&q, end, ')'))
    {
      res->format = DEBRIEF_TS_ESPIDF;
      res->usec = (gint64) ms * 1000;
      res->stamp_end = q;
    }
  else if (!parse_espidf_system (p, end, context, res))
    {
      return FALSE;
    }

  res->level = level;
  res->text = res->stamp_end;
  return TRUE;
}

/* Any wall-clock stamp in square brackets, as spdlog, env_logger and
 * Apache's error log write them.  The bracket may also close after a level
 * word ("[2026-03-14T02:11:07Z ERROR app]").
 */
static gboolean
parse_bracketed (const guchar                  *p,
                 const guchar                  *end,
                 const DebriefTimestampContext *context,
                 gboolean                       prefer_day_first,
                 Parsed                        *res)
{
  const guchar *q;

  if (!expect (&p, end, '[') || !_debrief_timestamp_parse_any (p, end, context, TRUE, prefer_day_first, res))
    return FALSE;

  q = res->stamp_end;
  if (q < end && *q == ']')
    res->stamp_end = q + 1;
  else if (q >= end || *q != ' ')
    return FALSE;

  return TRUE;
}

static gboolean
parse_digits_first (const guchar                  *p,
                    const guchar                  *end,
                    const DebriefTimestampContext *context,
                    gboolean                       prefer_day_first,
                    Parsed                        *res)
{
  const guchar *q = p;
  gsize run;

  while (q < end && is_digit (*q) && q - p < 20)
    q++;
  run = q - p;

  if (q >= end)
    return run >= 10 && parse_epoch (p, end, res);

  /* "14 Mar 2026", "14-Mar-2026" */
  if ((run == 1 || run == 2) && (*q == ' ' || *q == '-') && month_from_name (q + 1, end) != 0)
    return parse_day_month_name (p, end, context, res);

  switch (run)
    {
    case 2:
      if (*q == '-')
        return parse_logcat (p, end, context, res);
      if (*q == '.' && end - p > 9 && p[5] == '.' && is_digit (p[8]))
        return parse_date_year_last (p, end, context, prefer_day_first, res);
      if (*q == '.')
        return parse_month_day (p, end, context, res);
      if (*q == '/' && end - p > 9 && p[5] == '/' && is_digit (p[8]))
        return parse_date_year_last (p, end, context, prefer_day_first, res);
      if (*q == '/')
        return parse_slash_date (p, end, context, res)
               || parse_apache_inner (p, end, context, res);
      return FALSE;
    case 4:
      if (*q == '-' || *q == '.')
        return parse_iso (p, end, context, res);
      if (*q == '/')
        return parse_slash_date (p, end, context, res);
      return FALSE;
    case 6:
      return *q == ' ' && parse_compact (p, end, context, res);
    case 8:
      if (*q == 'T' || *q == 't')
        return parse_iso_basic (p, end, context, res);
      return *q == '-' && parse_compact_ms (p, end, context, res);
    case 10:
    case 13:
    case 16:
    case 19:
      return parse_epoch (p, end, res);
    default:
      return FALSE;
    }
}

/* prefer_day_first settles dates like 03/04/2026 that read either way. */
gboolean
_debrief_timestamp_parse_any (const guchar                  *p,
           const guchar                  *end,
           const DebriefTimestampContext *context,
           gboolean                       in_brackets,
           gboolean                       prefer_day_first,
           Parsed                        *res)
{
  guchar c;

  if (p >= end)
    return FALSE;

  c = *p;

  if (is_digit (c))
    return parse_digits_first (p, end, context, prefer_day_first, res);

  if (c == '[')
    {
      if (in_brackets)
        return FALSE;
      return parse_dmesg (p, end, res)
             || parse_zephyr (p, end, res)
             || parse_bracketed (p, end, context, prefer_day_first, res);
    }

  /* Cisco IOS marks a clock that NTP has not set with '*' or '.'. */
  if ((c == '*' || c == '.') && end - p > 1 && p[1] >= 'A' && p[1] <= 'Z')
    return parse_syslog (p + 1, end, context, res);

  if (c >= 'A' && c <= 'Z')
    {
      if (!in_brackets && end - p > 2 && p[1] == ' ' && p[2] == '(')
        return parse_espidf (p, end, context, res);
      /* RFC 2822, as HTTP and Express write dates: "Sat, 14 Mar 2026 02:11:07 GMT". */
      if (end - p > 5 && p[3] == ',' && p[4] == ' ' && is_day_name (p, end))
        return parse_day_month_name (p + 5, end, context, res);
      if (end - p > 5 && is_digit (p[1]) && p[5] == ' ')
        return parse_glog (p, end, context, res);
      return parse_syslog (p, end, context, res)
             || parse_ctime (p, end, context, res)
             || parse_month_name_date (p, end, context, res);
    }

  return FALSE;
}

/* Proxifier writes its stamps in brackets. */
static gboolean
parse_month_day_bracketed (const guchar                  *p,
                           const guchar                  *end,
                           const DebriefTimestampContext *context,
                           Parsed                        *res)
{
  const guchar *q = p;

  if (!expect (&q, end, '['))
    return parse_month_day (p, end, context, res);

  return parse_month_day (q, end, context, res) && expect (&res->stamp_end, end, ']');
}

/* The parser of each family, for the family the file's sample showed,
 * which every line is tried on first: a switch, whose calls the compiler
 * can inline, for it runs on every line.  debrief-timestamp.c holds the
 * table of what each family is.
 */
gboolean
_debrief_timestamp_parse_format (DebriefTimestampFormat         format,
                                 const guchar                  *p,
                                 const guchar                  *end,
                                 const DebriefTimestampContext *context,
                                 Parsed                        *res)
{
  const guchar *q = p;

  switch (format)
    {
    case DEBRIEF_TS_ISO8601:
    case DEBRIEF_TS_LOG4J:
      return parse_iso (p, end, context, res);
    case DEBRIEF_TS_SYSLOG:
      return parse_syslog (p, end, context, res);
    case DEBRIEF_TS_DMESG:
      return parse_dmesg (p, end, res);
    case DEBRIEF_TS_ZEPHYR:
      return parse_zephyr (p, end, res);
    case DEBRIEF_TS_ESPIDF:
    case DEBRIEF_TS_ESPIDF_SYSTEM:
      return parse_espidf (p, end, context, res);
    case DEBRIEF_TS_EPOCH_S:
    case DEBRIEF_TS_EPOCH_MS:
    case DEBRIEF_TS_EPOCH_US:
    case DEBRIEF_TS_EPOCH_NS:
      return parse_epoch (p, end, res);
    case DEBRIEF_TS_APACHE:
      return expect (&q, end, '[') && parse_apache_inner (q, end, context, res)
             && expect (&res->stamp_end, end, ']');
    case DEBRIEF_TS_CTIME:
      return parse_ctime (p, end, context, res);
    case DEBRIEF_TS_LOGCAT:
      return parse_logcat (p, end, context, res);
    case DEBRIEF_TS_COMPACT:
      return parse_compact (p, end, context, res);
    case DEBRIEF_TS_COMPACT_MS:
      return parse_compact_ms (p, end, context, res);
    case DEBRIEF_TS_SLASH_DATE:
      return parse_slash_date (p, end, context, res);
    case DEBRIEF_TS_DATE_MDY:
    case DEBRIEF_TS_DATE_DMY:
      return parse_date_year_last (p, end, context, format == DEBRIEF_TS_DATE_DMY, res);
    case DEBRIEF_TS_MONTH_DAY:
      return parse_month_day_bracketed (p, end, context, res);
    case DEBRIEF_TS_DAY_MONTH:
      return parse_day_month_name (p, end, context, res);
    case DEBRIEF_TS_GLOG:
      return parse_glog (p, end, context, res);
    case DEBRIEF_TS_MONTH_NAME:
      return parse_month_name_date (p, end, context, res);
    case DEBRIEF_TS_NONE:
    case DEBRIEF_TS_N_FORMATS:
    default:
      return FALSE;
    }
}

/* [14/Mar/2026:02:11:07 +0000] after the host and user of an access log. */
gboolean
_debrief_timestamp_find_apache (const guchar                  *p,
             const guchar                  *end,
             const DebriefTimestampContext *context,
             Parsed                        *res)
{
  while (p < end)
    {
      const guchar *open = memchr (p, '[', end - p);

      if (open == NULL)
        return FALSE;

      if (parse_apache_inner (open + 1, end, context, res)
          && res->stamp_end < end && *res->stamp_end == ']')
        {
          res->stamp_start = open;
          res->stamp_end++;
          return TRUE;
        }

      p = open + 1;
    }

  return FALSE;
}
