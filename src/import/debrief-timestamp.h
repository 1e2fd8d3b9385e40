/* debrief-timestamp.h
 *
 * Detecting the timestamp and severity level at the start of a log line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "debrief-enums.h"
#include "debrief-time.h"

G_BEGIN_DECLS

/* The families of timestamp a log line can start with.  Each value names a
 * family, not an exact layout: ISO 8601 covers every fraction length and
 * zone, and any family may appear in square brackets.
 */
typedef enum
{
  DEBRIEF_TS_NONE,
  DEBRIEF_TS_ISO8601,       /* 2026-03-14T02:11:07.123+02:00, also with a space,
                             * basic 20260314T021107Z, and RFC 5424 syslog */
  DEBRIEF_TS_SYSLOG,        /* Mar 14 02:11:07 (RFC 3164, no year), also
                             * Mar 14 2026 02:11:07 and a zone after the time */
  DEBRIEF_TS_DMESG,         /* [   12.345678] (since boot) */
  DEBRIEF_TS_ZEPHYR,        /* [00:00:12.345,678], [00:00:12.345], [00:00:12] (since boot) */
  DEBRIEF_TS_ESPIDF,        /* E (12345) tag: (milliseconds since boot) */
  DEBRIEF_TS_EPOCH_S,       /* 1773454267[.123456789] */
  DEBRIEF_TS_EPOCH_MS,      /* 1773454267123 */
  DEBRIEF_TS_APACHE,        /* [14/Mar/2026:02:11:07 +0000] */
  DEBRIEF_TS_CTIME,         /* Sat Mar 14 02:11:07 [UTC ]2026 */
  DEBRIEF_TS_LOGCAT,        /* 03-14 02:11:07.123 (no year) */
  DEBRIEF_TS_LOG4J,         /* 2026-03-14 02:11:07,123 */
  DEBRIEF_TS_COMPACT,       /* 260314 021107 or 260314 02:11:07 */
  DEBRIEF_TS_COMPACT_MS,    /* 20260314-02:11:07:123 */
  DEBRIEF_TS_SLASH_DATE,    /* 26/03/14 02:11:07 (yy/MM/dd or yyyy/MM/dd) */
  DEBRIEF_TS_ESPIDF_SYSTEM, /* I (12:34:56.789) tag: (time of day) or
                             * I (2026-03-14 12:34:56.789) tag: */
  DEBRIEF_TS_EPOCH_US,      /* 1773454267123456 */
  DEBRIEF_TS_EPOCH_NS,      /* 1773454267123456789 */
  DEBRIEF_TS_DATE_MDY,      /* 03/14/2026 02:11:07 PM (MM/dd/yyyy) */
  DEBRIEF_TS_DATE_DMY,      /* 14/03/2026 14:11:07 (dd/MM/yyyy), 14.03.2026 14:11:07 */
  DEBRIEF_TS_MONTH_DAY,     /* [03.14 02:11:07] (MM.dd, no year: Proxifier) */
  DEBRIEF_TS_DAY_MONTH,     /* 14 Mar 2026 02:11:07.123 (Redis), 14-Mar-2026 02:11:07.123 (Tomcat) */
  DEBRIEF_TS_GLOG,          /* I0314 02:11:07.123456 (glog, Kubernetes' klog: no year) */
  DEBRIEF_TS_MONTH_NAME,    /* Mar 14, 2026 2:11:07 AM (java.util.logging) */
  DEBRIEF_TS_N_FORMATS
} DebriefTimestampFormat;

/* Where the year of stamps that have none was taken from, to tell the
 * person reading the log that it was assumed.
 */
typedef enum
{
  DEBRIEF_YEAR_SOURCE_TODAY,     /* nothing better: the year it is now */
  DEBRIEF_YEAR_SOURCE_INCIDENT,  /* the incident's time window */
  DEBRIEF_YEAR_SOURCE_FILE_DATE, /* the file's modification date */
} DebriefYearSource;

/* What a line cannot say about itself.  reference_year is the year of the
 * incident: it completes formats without a year (syslog, logcat) and picks
 * the century of two-digit years; 0 means the current year.  time_zone is
 * where zone-less wall-clock times were written; NULL means UTC.
 *
 * reference_month and reference_day complete that year to the incident's
 * day, the date of stamps that hold only a time of day (ESP-IDF's system
 * time).  0 means January and the first; with reference_year 0 the whole
 * date is today's (UTC).
 */
typedef struct
{
  int               reference_year;
  GTimeZone        *time_zone;
  int               reference_month;
  int               reference_day;
  DebriefYearSource year_source;
} DebriefTimestampContext;

/* What a stamp leaves out and the context fills in.  A reader going down
 * a file moves the context on when such a stamp jumps back: into the next
 * year (December to January) or the next day (past midnight).
 */
typedef enum
{
  DEBRIEF_TS_MISSING_NOTHING, /* a whole date, or time since boot or the epoch */
  DEBRIEF_TS_MISSING_YEAR,    /* month and day: the year is the context's */
  DEBRIEF_TS_MISSING_DATE,    /* a time of day: the date is the context's */
} DebriefTimestampMissing;

/* usec is microseconds since the Unix epoch (UTC) when since_boot is FALSE,
 * and microseconds since the device booted when it is TRUE: such a clock
 * needs a per-source offset before it lands on the incident's timeline.
 * stamp_offset is where the timestamp starts; text_offset where the message
 * starts once the stamp (and a level right after it) is taken away, or 0
 * when the stamp is inside the line (Apache access logs).  missing says
 * what of the date came from the context.
 */
typedef struct
{
  DebriefTimestampFormat  format;
  DebriefLogLevel         level;
  gboolean                since_boot;
  gint64                  usec;
  guint                   stamp_offset;
  guint                   text_offset;
  DebriefTimestampMissing missing;
} DebriefLogStamp;

/* Where a file's stamps are: their family, and how many words come before
 * them on a line (a label, a host name, a sequence number, a file name):
 * 0 when the lines start with them.  detected is set by
 * debrief_timestamp_detect_layout() when the sample showed it: then a line
 * of a file whose lines start with their stamps and that does not start
 * with one continues the record above (a stack trace), and is not searched
 * for a time in its words.
 */
typedef struct
{
  DebriefTimestampFormat format;
  guint                  field;
  gboolean               detected;
} DebriefTimestampLayout;

/* The most words looked past for a stamp inside the line. */
#define DEBRIEF_TIMESTAMP_MAX_FIELD 6

/* Bytes at the start of a line that can hold a timestamp; the rest of a
 * (possibly huge) line is never looked at, except for a level word shortly
 * after the stamp.
 */
#define DEBRIEF_TIMESTAMP_WINDOW 128

gboolean                debrief_timestamp_parse_line           (const char                    *line,
                                                                gsize                          length,
                                                                DebriefTimestampFormat         format_hint,
                                                                const DebriefTimestampContext *context,
                                                                DebriefLogStamp               *out);
gboolean                debrief_timestamp_parse_line_layout    (const char                    *line,
                                                                gsize                          length,
                                                                const DebriefTimestampLayout  *layout,
                                                                const DebriefTimestampContext *context,
                                                                DebriefLogStamp               *out);
DebriefTimestampLayout  debrief_timestamp_detect_layout        (const char * const            *sample_lines,
                                                                const gsize                   *lengths,
                                                                guint                          n_lines,
                                                                const DebriefTimestampContext *context);
DebriefTimestampFormat  debrief_timestamp_detect               (const char * const            *sample_lines,
                                                                const gsize                   *lengths,
                                                                guint                          n_lines,
                                                                const DebriefTimestampContext *context);
gboolean                debrief_timestamp_format_is_since_boot (DebriefTimestampFormat         format);
const char             *debrief_timestamp_format_get_name      (DebriefTimestampFormat         format);
const char             *debrief_timestamp_format_get_pattern   (DebriefTimestampFormat         format);
const char             *debrief_timestamp_format_get_example   (DebriefTimestampFormat         format);
char                   *debrief_timestamp_describe_assumed_year (int                           year,
                                                                DebriefYearSource              source);

G_END_DECLS
