/* debrief-time.c
 *
 * Calendar arithmetic and microsecond times, shared by every layer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-time"

#include "config.h"

#include <langinfo.h>
#include <string.h>

#include <glib/gi18n.h>

#include "debrief-time.h"

gboolean
debrief_is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

guint
debrief_days_in_month (int   year,
                       guint month)
{
  static const guint8 days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  return month == 2 && debrief_is_leap_year (year) ? 29 : days[month - 1];
}

/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
gint64
debrief_days_from_civil (int   year,
                         guint month,
                         guint day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

GDateTime *
debrief_date_time_new_from_usec (gint64 usec)
{
  gint64 seconds = usec / G_USEC_PER_SEC;
  gint64 rest = usec % G_USEC_PER_SEC;
  g_autoptr(GDateTime) whole = NULL;

  if (usec == G_MININT64)
    return NULL;

  if (rest < 0)
    {
      rest += G_USEC_PER_SEC;
      seconds--;
    }

  if (!(whole = g_date_time_new_from_unix_utc (seconds)))
    return NULL;

  return g_date_time_add (whole, rest);
}

gint64
debrief_date_time_to_usec (GDateTime *datetime)
{
  g_return_val_if_fail (datetime != NULL, G_MININT64);

  return g_date_time_to_unix (datetime) * G_USEC_PER_SEC + g_date_time_get_microsecond (datetime);
}

/* The date of a day count since 1970-01-01, the inverse of the above;
 * the log view formats its times with it too. */
void
debrief_civil_from_days (gint64  days,
                         int    *year,
                         guint  *month,
                         guint  *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;

  *day = (guint) (doy - (153 * mp + 2) / 5 + 1);
  *month = (guint) (mp < 10 ? mp + 3 : mp - 9);
  *year = (int) (yoe + era * 400 + (mp >= 10));
}


/**
 * debrief_date_time_new_in_zone:
 * @usec: microseconds since 1970 UTC, or %G_MININT64 for no time
 * @zone: (nullable): where the time is shown; %NULL is UTC
 *
 * Returns: (transfer full) (nullable): the time in @zone to the
 *   microsecond, or %NULL when there is no time or GDateTime cannot hold it
 */
GDateTime *
debrief_date_time_new_in_zone (gint64     usec,
                               GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = debrief_date_time_new_from_usec (usec);

  if (utc == NULL)
    return NULL;

  if (zone == NULL)
    return g_steal_pointer (&utc);

  return g_date_time_to_timezone (utc, zone);
}

/**
 * debrief_time_format_to_buffer:
 * @buffer: where the text goes
 * @size: the size of @buffer
 * @usec: microseconds since 1970 UTC, or %G_MININT64 for no time
 * @zone: (nullable): where the time is shown; %NULL is UTC
 * @style: how much of the time to show
 *
 * Writes the time without a GDateTime or any allocation, for what runs for
 * each row that scrolls into view. No time writes an empty string.
 *
 * Returns: the length written, as g_snprintf() counts it
 */
gsize
debrief_time_format_to_buffer (char             *buffer,
                               gsize             size,
                               gint64            usec,
                               GTimeZone        *zone,
                               DebriefTimeStyle  style)
{
  gint64 secs = usec / G_USEC_PER_SEC;
  gint64 rest = usec % G_USEC_PER_SEC;
  gint64 local;
  gint64 days;
  gint64 second_of_day;
  int year;
  int interval;
  guint month;
  guint day;
  int hour;
  int minute;
  int second;

  g_return_val_if_fail (buffer != NULL || size == 0, 0);

  if (usec == G_MININT64)
    return g_snprintf (buffer, size, "%s", "");

  if (rest < 0)
    {
      rest += G_USEC_PER_SEC;
      secs--;
    }

  interval = zone ? g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, secs) : -1;
  local = secs + (interval >= 0 ? g_time_zone_get_offset (zone, interval) : 0);
  days = local / 86400;
  second_of_day = local % 86400;
  if (second_of_day < 0)
    {
      second_of_day += 86400;
      days--;
    }

  debrief_civil_from_days (days, &year, &month, &day);
  hour = (int) (second_of_day / 3600);
  minute = (int) (second_of_day / 60 % 60);
  second = (int) (second_of_day % 60);

  switch (style)
    {
    case DEBRIEF_TIME_STYLE_TIME:
      return g_snprintf (buffer, size, "%02d:%02d:%02d", hour, minute, second);
    case DEBRIEF_TIME_STYLE_TIME_MSEC:
      return g_snprintf (buffer, size, "%02d:%02d:%02d.%03d", hour, minute, second, (int) (rest / 1000));
    case DEBRIEF_TIME_STYLE_DATE_TIME:
      return g_snprintf (buffer, size, "%04d-%02u-%02u %02d:%02d:%02d",
                         year, month, day, hour, minute, second);
    case DEBRIEF_TIME_STYLE_DATE_MINUTES:
      return g_snprintf (buffer, size, "%04d-%02u-%02u %02d:%02d",
                         year, month, day, hour, minute);
    case DEBRIEF_TIME_STYLE_DATE_TIME_MSEC:
    default:
      return g_snprintf (buffer, size, "%04d-%02u-%02u %02d:%02d:%02d.%03d",
                         year, month, day, hour, minute, second, (int) (rest / 1000));
    }
}

/**
 * debrief_time_format:
 * @usec: microseconds since 1970 UTC, or %G_MININT64 for no time
 * @zone: (nullable): where the time is shown; %NULL is UTC
 * @style: how much of the time to show
 *
 * Returns: (transfer full): the time as every view shows it, or an empty
 *   string when there is no time
 */
char *
debrief_time_format (gint64            usec,
                     GTimeZone        *zone,
                     DebriefTimeStyle  style)
{
  char buffer[64];

  debrief_time_format_to_buffer (buffer, sizeof buffer, usec, zone, style);

  return g_strdup (buffer);
}

/**
 * debrief_time_format_with_zone:
 * @usec: microseconds since 1970 UTC, or %G_MININT64 for no time
 * @zone: (nullable): where the time is shown; %NULL is UTC
 * @style: how much of the time to show
 *
 * The time as debrief_time_format() shows it, followed by the zone it is
 * in, for a time read by people who may be elsewhere: "2026-03-14 02:11
 * CET", or "2026-03-14 02:11 UTC+05:30" for a zone without a name.
 *
 * Returns: (transfer full): the time and its zone, or an empty string
 *   when there is no time
 */
char *
debrief_time_format_with_zone (gint64            usec,
                               GTimeZone        *zone,
                               DebriefTimeStyle  style)
{
  g_autoptr(GTimeZone) utc = zone ? NULL : g_time_zone_new_utc ();
  GTimeZone *shown_zone = zone ? zone : utc;
  g_autofree char *time = debrief_time_format (usec, shown_zone, style);
  const char *name;
  gint32 offset;
  int interval;

  if (*time == '\0')
    return g_steal_pointer (&time);

  interval = g_time_zone_find_interval (shown_zone, G_TIME_TYPE_UNIVERSAL, usec / G_USEC_PER_SEC);
  name = interval >= 0 ? g_time_zone_get_abbreviation (shown_zone, interval) : NULL;
  offset = interval >= 0 ? g_time_zone_get_offset (shown_zone, interval) : 0;

  /* Zones without an abbreviation of their own give their offset as one,
   * "+0530": said the way every view says an offset. */
  if (name != NULL && *name != '\0' && *name != '+' && *name != '-')
    return g_strdup_printf ("%s %s", time, name);

  if (offset == 0)
    return g_strdup_printf ("%s UTC", time);

  return g_strdup_printf ("%s UTC%c%02d:%02d", time, offset < 0 ? '-' : '+',
                          ABS (offset) / 3600, ABS (offset) / 60 % 60);
}

/**
 * debrief_time_format_range:
 * @first: the first time, microseconds since 1970 UTC
 * @last: the last time
 * @zone: (nullable): where the times are shown; %NULL is UTC
 *
 * "02:11:07 – 02:45:00", with dates when the two days differ.
 *
 * Returns: (transfer full) (nullable): the range, or %NULL when either end
 *   has no time
 */
char *
debrief_time_format_range (gint64     first,
                           gint64     last,
                           GTimeZone *zone)
{
  g_autoptr(GDateTime) a = debrief_date_time_new_in_zone (first, zone);
  g_autoptr(GDateTime) b = debrief_date_time_new_in_zone (last, zone);
  DebriefTimeStyle style;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (a == NULL || b == NULL)
    return NULL;

  style = g_date_time_get_year (a) == g_date_time_get_year (b) &&
          g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b)
          ? DEBRIEF_TIME_STYLE_TIME : DEBRIEF_TIME_STYLE_DATE_MINUTES;
  from = debrief_time_format (first, zone, style);
  to = debrief_time_format (last, zone, style);

  return g_strdup_printf ("%s – %s", from, to);
}

/* --- Dates and times typed by people ---------------------------------- */

G_DEFINE_QUARK (debrief-time-error-quark, debrief_time_error)

/* The order of day, month and year in a strftime() date format, such as
 * the locale's D_FMT: "dmy", "mdy", "ymd"; NULL when it names months in
 * words, which only g_date_set_parse() reads. */
static const char *
date_order (const char *format,
            char        order[4])
{
  guint n = 0;

  for (const char *p = format; *p != '\0' && n < 3; p++)
    {
      if (*p != '%')
        continue;
      p++;
      while (*p == 'E' || *p == 'O' || *p == '-' || *p == '_' || *p == '0' || *p == '^' || *p == '#')
        p++;
      switch (*p)
        {
        case 'd': case 'e':
          order[n++] = 'd';
          break;
        case 'm':
          order[n++] = 'm';
          break;
        case 'y': case 'Y': case 'C': case 'G': case 'g':
          order[n++] = 'y';
          break;
        case 'D':
          return strcpy (order, "mdy");
        case 'F':
          return strcpy (order, "ymd");
        case 'b': case 'B': case 'h':
          return NULL;
        case '\0':
          p--;
          break;
        default:
          break;
        }
    }
  order[n] = '\0';

  return n == 3 && strchr (order, 'd') && strchr (order, 'm') && strchr (order, 'y') ? order : NULL;
}

/* "2026-03-14", or the date as @format writes it: "14/03/2026",
 * "03/14/26", "14.3.2026". */
static gboolean
parse_date_part (const char *text,
                 gsize       length,
                 const char *format,
                 int        *year,
                 int        *month,
                 int        *day)
{
  g_autofree char *part = g_strndup (text, length);
  char order_buffer[4];
  const char *order;
  int numbers[3];
  guint digits[3];
  guint n = 0;
  const char *p = g_strstrip (part);

  if (*p == '\0')
    return FALSE;

  /* ISO 8601 whatever the locale: four digits first mean the year. */
  if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
      g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]))
    order = "ymd";
  else
    order = date_order (format, order_buffer);

  if (order == NULL)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_parse (&date, p);
      if (!g_date_valid (&date))
        return FALSE;
      *year = g_date_get_year (&date);
      *month = g_date_get_month (&date);
      *day = g_date_get_day (&date);
      return TRUE;
    }

  while (*p != '\0')
    {
      guint count = 0;
      int value = 0;

      if (!g_ascii_isdigit (*p))
        {
          /* Separators: one of ./- and the spaces around it. */
          if (!strchr ("./- ", *p))
            return FALSE;
          p++;
          continue;
        }
      if (n == 3)
        return FALSE;
      for (; g_ascii_isdigit (*p); p++, count++)
        {
          if (count == 4)
            return FALSE;
          value = value * 10 + (*p - '0');
        }
      numbers[n] = value;
      digits[n++] = count;
    }

  if (n != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      switch (order[i])
        {
        case 'y':
          /* Two digits are this century's, as people write them. */
          *year = digits[i] <= 2 ? 2000 + numbers[i] : numbers[i];
          if (digits[i] == 3)
            return FALSE;
          break;
        case 'm':
          *month = numbers[i];
          if (digits[i] > 2)
            return FALSE;
          break;
        default:
          *day = numbers[i];
          if (digits[i] > 2)
            return FALSE;
          break;
        }
    }

  return TRUE;
}

/* "09:30", "09:30:15", "09:30:15.250"; *end after it. */
static gboolean
parse_clock (const char  *p,
             int         *hour,
             int         *minute,
             double      *seconds,
             const char **end)
{
  int values[3] = { 0, 0, 0 };
  guint n = 0;

  while (n < 3)
    {
      if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
        {
          /* The hour may have one digit: 9:30. */
          if (n == 0 && g_ascii_isdigit (p[0]) && p[1] == ':')
            {
              values[n++] = p[0] - '0';
              p += 1;
            }
          else
            return FALSE;
        }
      else
        {
          values[n++] = (p[0] - '0') * 10 + (p[1] - '0');
          p += 2;
        }
      if (*p != ':' || n == 3)
        break;
      p++;
    }

  if (n < 2)
    return FALSE;

  *hour = values[0];
  *minute = values[1];
  *seconds = values[2];

  if (n == 3 && (*p == '.' || *p == ','))
    {
      double scale = 0.1;

      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      for (; g_ascii_isdigit (*p); p++, scale /= 10)
        *seconds += (*p - '0') * scale;
    }

  *end = p;
  return TRUE;
}

/* "Z", "UTC", "+01:00", "+0100", "+01"; NULL if @text is none of them. */
static GTimeZone *
parse_offset (const char *text)
{
  int sign;
  int hours;
  int minutes = 0;

  if (g_ascii_strcasecmp (text, "Z") == 0 || g_ascii_strcasecmp (text, "UTC") == 0)
    return g_time_zone_new_utc ();

  if ((text[0] != '+' && text[0] != '-') || !g_ascii_isdigit (text[1]) || !g_ascii_isdigit (text[2]))
    return NULL;
  sign = text[0] == '-' ? -1 : 1;
  hours = (text[1] - '0') * 10 + (text[2] - '0');
  text += 3;
  if (*text == ':')
    text++;
  if (*text != '\0')
    {
      if (!g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) || text[2] != '\0')
        return NULL;
      minutes = (text[0] - '0') * 10 + (text[1] - '0');
    }
  if (hours > 23 || minutes > 59)
    return NULL;

  return g_time_zone_new_offset (sign * (hours * 3600 + minutes * 60));
}

static const char *
locale_date_format (const char *date_format)
{
  const char *format = date_format ? date_format : nl_langinfo (D_FMT);

  return format != NULL && *format != '\0' ? format : "%Y-%m-%d";
}

/**
 * debrief_time_dup_user_example:
 * @date_format: (nullable): a strftime() date format; %NULL for the
 *   locale's (D_FMT)
 *
 * The same example time as debrief_time_parse_user() reads it: as ISO 8601,
 * and as the locale writes dates when that differs.
 *
 * Returns: (transfer full): such as "2026-03-14 09:30 or 14/03/2026 09:30"
 */
char *
debrief_time_dup_user_example (const char *date_format)
{
  g_autoptr(GDate) date = g_date_new_dmy (14, G_DATE_MARCH, 2026);
  char local[64];
  g_autofree char *with_time = NULL;

  if (g_date_strftime (local, sizeof local, locale_date_format (date_format), date) == 0 ||
      strcmp (local, "2026-03-14") == 0)
    return g_strdup ("2026-03-14 09:30");

  with_time = g_strconcat (local, " 09:30", NULL);

  /* Translators: two ways to write the same date and time, the second as
   * this language writes dates. */
  return g_strdup_printf (_("%s or %s"), "2026-03-14 09:30", with_time);
}

static gboolean
set_format_error (GError     **error,
                  const char  *date_format)
{
  g_autofree char *example = debrief_time_dup_user_example (date_format);

  /* Translators: %s is an example, such as "2026-03-14 09:30 or 14/03/2026 09:30". */
  g_set_error (error, DEBRIEF_TIME_ERROR, DEBRIEF_TIME_ERROR_FORMAT,
               _("Write the date and time as %s."), example);
  return FALSE;
}

/* Where the time of day starts: the first "h:mm" or "hh:mm" after a space
 * or a "T", or at the start. */
static const char *
find_clock (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (p > text && p[-1] != ' ' && p[-1] != 'T' && p[-1] != 't' && p[-1] != ',')
        continue;
      if (g_ascii_isdigit (p[0]) &&
          (p[1] == ':' || (g_ascii_isdigit (p[1]) && p[2] == ':')))
        return p;
    }

  return NULL;
}

/**
 * debrief_time_parse_user_with_date_format:
 * @text: what the user typed
 * @date_format: (nullable): the strftime() format of the dates people
 *   write here; %NULL for the locale's (D_FMT)
 * @zone: (nullable): the zone of a time typed without one; %NULL is UTC
 * @error: a location for a #GError in %DEBRIEF_TIME_ERROR
 *
 * See debrief_time_parse_user(); this one takes the date format, so that
 * every way of writing dates can be tested in any locale.
 *
 * Returns: (transfer full) (nullable): the time, or %NULL with @error set
 */
GDateTime *
debrief_time_parse_user_with_date_format (const char  *text,
                                          const char  *date_format,
                                          GTimeZone   *zone,
                                          GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GTimeZone) offset = NULL;
  const char *format = locale_date_format (date_format);
  const char *clock = find_clock (copy);
  const char *end = NULL;
  gsize date_length;
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  double seconds = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (clock == copy)
    return (set_format_error (error, date_format), NULL);

  date_length = clock ? (gsize) (clock - copy) : strlen (copy);
  /* "2026-03-14T09:30": the T belongs to neither part. */
  while (date_length > 0 && strchr (" Tt,", copy[date_length - 1]))
    date_length--;

  if (!parse_date_part (copy, date_length, format, &year, &month, &day))
    return (set_format_error (error, date_format), NULL);

  if (clock != NULL)
    {
      if (!parse_clock (clock, &hour, &minute, &seconds, &end))
        return (set_format_error (error, date_format), NULL);
      while (*end == ' ')
        end++;
      /* An offset, or a zone's name: "+01:00", "Z", "Europe/Berlin". */
      if (*end != '\0' && !(offset = parse_offset (end)) && !(offset = g_time_zone_new_identifier (end)))
        return (set_format_error (error, date_format), NULL);
    }

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_autofree char *typed = g_strndup (copy, date_length);

      /* Translators: %s is the date as the user typed it. */
      g_set_error (error, DEBRIEF_TIME_ERROR, DEBRIEF_TIME_ERROR_INVALID,
                   _("There is no such day as %s: check the day and the month."), typed);
      return NULL;
    }

  if (hour > 23 || minute > 59 || seconds >= 60)
    {
      g_autofree char *typed = g_strndup (clock, (gsize) (end - clock));

      /* Translators: %s is the time of day as the user typed it. */
      g_set_error (error, DEBRIEF_TIME_ERROR, DEBRIEF_TIME_ERROR_INVALID,
                   _("There is no such time of day as %s: hours go up to 23, minutes and seconds up to 59."),
                   g_strstrip (typed));
      return NULL;
    }

  if (offset == NULL && zone == NULL)
    zone = utc = g_time_zone_new_utc ();

  return g_date_time_new (offset ? offset : zone, year, month, day, hour, minute, seconds);
}

/**
 * debrief_time_parse_user:
 * @text: what the user typed
 * @zone: (nullable): the zone of a time typed without one; %NULL is UTC
 * @error: a location for a #GError in %DEBRIEF_TIME_ERROR
 *
 * Reads a date and time as people type them, the one rule for every field
 * that takes one: ISO 8601 ("2026-03-14 09:30", "2026-03-14T09:30:00+01:00",
 * "2026-03-14 02:12:31.250"), or the date as the locale writes it (its
 * D_FMT, "14/03/2026 09:30" in many) followed by the time of day. A date
 * alone is its midnight. A time with an offset or a zone's name
 * ("2026-03-14 09:30 Europe/Berlin") keeps it; one without is in @zone.
 *
 * Returns: (transfer full) (nullable): the time, or %NULL with @error set
 *   to a sentence that says how to write it
 */
GDateTime *
debrief_time_parse_user (const char  *text,
                         GTimeZone   *zone,
                         GError     **error)
{
  return debrief_time_parse_user_with_date_format (text, NULL, zone, error);
}

/* A boot time before this (1971-01-01 UTC, in ms) cannot be a real one:
 * no device of an incident booted in 1970, so such an offset is a shift
 * of a clock that still counts from boot, not an anchor. */
#define REAL_BOOT_TIME_MS (G_GINT64_CONSTANT (365) * 24 * 3600 * 1000)

/**
 * debrief_time_format_since_boot_to_buffer:
 * @buffer: where the text goes
 * @size: the size of @buffer
 * @usec: microseconds since boot, or %G_MININT64 for no time
 *
 * Writes "+HH:MM:SS.mmm" without allocating, for what runs for each row
 * that scrolls into view. The hours grow past 24; a time before boot
 * (which a shifted clock can give) reads "−HH:MM:SS.mmm". No time writes
 * an empty string.
 *
 * Returns: the length written, as g_snprintf() counts it
 */
gsize
debrief_time_format_since_boot_to_buffer (char   *buffer,
                                          gsize   size,
                                          gint64  usec)
{
  guint64 magnitude;
  guint64 ms;

  g_return_val_if_fail (buffer != NULL || size == 0, 0);

  if (usec == G_MININT64)
    return g_snprintf (buffer, size, "%s", "");

  magnitude = usec < 0 ? (guint64) -(usec + 1) + 1 : (guint64) usec;
  ms = magnitude / 1000;

  return g_snprintf (buffer, size, "%s%02" G_GUINT64_FORMAT ":%02u:%02u.%03u",
                     usec < 0 ? "\342\210\222" : "+", /* U+2212 MINUS SIGN */
                     ms / 3600000, (guint) (ms / 60000 % 60), (guint) (ms / 1000 % 60),
                     (guint) (ms % 1000));
}

/**
 * debrief_time_format_since_boot:
 * @usec: microseconds since boot, or %G_MININT64 for no time
 *
 * Returns: (transfer full): the time since boot as every view shows it,
 *   or an empty string when there is no time
 */
char *
debrief_time_format_since_boot (gint64 usec)
{
  char buffer[64];

  debrief_time_format_since_boot_to_buffer (buffer, sizeof buffer, usec);

  return g_strdup (buffer);
}

/**
 * debrief_time_format_since_boot_range:
 * @first: the first time, microseconds since boot
 * @last: the last time
 *
 * Returns: (transfer full) (nullable): the range, or %NULL when either end
 *   has no time
 */
char *
debrief_time_format_since_boot_range (gint64 first,
                                      gint64 last)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (first == G_MININT64 || last == G_MININT64)
    return NULL;

  from = debrief_time_format_since_boot (first);
  to = debrief_time_format_since_boot (last);

  return g_strdup_printf ("%s – %s", from, to);
}

gboolean
debrief_time_clock_is_aligned (gboolean since_boot,
                               gint64   offset_ms)
{
  return !since_boot || offset_ms >= REAL_BOOT_TIME_MS;
}

/**
 * debrief_time_zone_get_label:
 * @zone: (nullable): a time zone; %NULL is UTC
 * @usec: a time in it, for the abbreviation in force then (CET or CEST);
 *   %G_MININT64 for now
 *
 * Returns: (transfer full): "CET", "UTC", or "UTC+05:30" for a zone whose
 *   abbreviation is only its offset
 */
char *
debrief_time_zone_get_label (GTimeZone *zone,
                             gint64     usec)
{
  gint64 seconds = usec == G_MININT64 ? g_get_real_time () / G_USEC_PER_SEC : usec / G_USEC_PER_SEC;
  const char *abbreviation;
  int interval;
  gint32 offset;
  guint magnitude;

  if (zone == NULL)
    return g_strdup ("UTC");

  interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, seconds);
  if (interval < 0)
    interval = 0;
  abbreviation = g_time_zone_get_abbreviation (zone, interval);
  offset = g_time_zone_get_offset (zone, interval);

  if (abbreviation != NULL && g_ascii_isalpha (abbreviation[0]))
    return g_strdup (abbreviation);
  if (offset == 0)
    return g_strdup ("UTC");

  magnitude = (guint) ABS (offset);
  return g_strdup_printf ("UTC%c%02u:%02u", offset < 0 ? '-' : '+', magnitude / 3600, magnitude / 60 % 60);
}
