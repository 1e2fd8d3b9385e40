/* debrief-evidence.c
 *
 * An item of evidence: a log, metrics, a chat export, a report, an image or another file. Its content is stored apart, in chunks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-evidence"

#include "config.h"

#include <string.h>

#include "debrief-evidence.h"

struct _DebriefEvidence
{
  DebriefRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (DebriefEvidence, debrief_evidence, DEBRIEF_TYPE_RECORD)

enum {
  PROP_0,
  PROP_POSITION,
  PROP_TITLE,
  PROP_KIND,
  PROP_ORIGINAL_NAME,
  PROP_MEDIA_TYPE,
  PROP_ADDED_BY,
  PROP_ADDED_AT,
  PROP_SHA256,
  PROP_SIZE,
  PROP_CLOCK_OFFSET_MS,
  PROP_NOTES,
  PROP_TIME_FORMAT,
  PROP_SINCE_BOOT,
  PROP_LINE_COUNT,
  PROP_FIRST_AT,
  PROP_LAST_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

DebriefEvidence *
debrief_evidence_new (void)
{
  return g_object_new (DEBRIEF_TYPE_EVIDENCE, NULL);
}

gint64
debrief_evidence_get_position (DebriefEvidence *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (self), 0);

  return debrief_record_get_int64 (DEBRIEF_RECORD (self), properties [PROP_POSITION]);
}

void
debrief_evidence_set_position (DebriefEvidence *self,
                               gint64           value)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (self));

  debrief_record_set_int64 (DEBRIEF_RECORD (self), properties [PROP_POSITION], value);
}

const char *
debrief_evidence_get_title (DebriefEvidence *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_TITLE]);
}

void
debrief_evidence_set_title (DebriefEvidence *self,
                            const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_TITLE], value);
}

DebriefEvidenceKind
debrief_evidence_get_kind (DebriefEvidence *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (self), 0);

  return (DebriefEvidenceKind) debrief_record_get_enum (DEBRIEF_RECORD (self), properties [PROP_KIND]);
}

void
debrief_evidence_set_kind (DebriefEvidence     *self,
                           DebriefEvidenceKind  value)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (self));

  debrief_record_set_enum (DEBRIEF_RECORD (self), properties [PROP_KIND], value);
}

const char *
debrief_evidence_get_original_name (DebriefEvidence *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_ORIGINAL_NAME]);
}

void
debrief_evidence_set_original_name (DebriefEvidence *self,
                                    const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_ORIGINAL_NAME], value);
}

const char *
debrief_evidence_get_media_type (DebriefEvidence *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_MEDIA_TYPE]);
}

void
debrief_evidence_set_media_type (DebriefEvidence *self,
                                 const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_MEDIA_TYPE], value);
}

const char *
debrief_evidence_get_added_by (DebriefEvidence *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_ADDED_BY]);
}

void
debrief_evidence_set_added_by (DebriefEvidence *self,
                               const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_ADDED_BY], value);
}

/**
 * debrief_evidence_get_added_at:
 * @self: a #DebriefEvidence
 *
 * Returns: (transfer none) (nullable): the added at
 */
GDateTime *
debrief_evidence_get_added_at (DebriefEvidence *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (self), NULL);

  return debrief_record_get_datetime (DEBRIEF_RECORD (self), properties [PROP_ADDED_AT]);
}

void
debrief_evidence_set_added_at (DebriefEvidence *self,
                               GDateTime       *value)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (self));

  debrief_record_set_datetime (DEBRIEF_RECORD (self), properties [PROP_ADDED_AT], value);
}

const char *
debrief_evidence_get_sha256 (DebriefEvidence *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_SHA256]);
}

void
debrief_evidence_set_sha256 (DebriefEvidence *self,
                             const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_SHA256], value);
}

gint64
debrief_evidence_get_size (DebriefEvidence *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (self), 0);

  return debrief_record_get_int64 (DEBRIEF_RECORD (self), properties [PROP_SIZE]);
}

void
debrief_evidence_set_size (DebriefEvidence *self,
                           gint64           value)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (self));

  debrief_record_set_int64 (DEBRIEF_RECORD (self), properties [PROP_SIZE], value);
}

gint64
debrief_evidence_get_clock_offset_ms (DebriefEvidence *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (self), 0);

  return debrief_record_get_int64 (DEBRIEF_RECORD (self), properties [PROP_CLOCK_OFFSET_MS]);
}

void
debrief_evidence_set_clock_offset_ms (DebriefEvidence *self,
                                      gint64           value)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (self));

  debrief_record_set_int64 (DEBRIEF_RECORD (self), properties [PROP_CLOCK_OFFSET_MS], value);
}

const char *
debrief_evidence_get_notes (DebriefEvidence *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_NOTES]);
}

void
debrief_evidence_set_notes (DebriefEvidence *self,
                            const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_NOTES], value);
}

const char *
debrief_evidence_get_time_format (DebriefEvidence *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (self), NULL);

  return debrief_record_get_string (DEBRIEF_RECORD (self), properties [PROP_TIME_FORMAT]);
}

void
debrief_evidence_set_time_format (DebriefEvidence *self,
                                  const char      *value)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (self));

  debrief_record_set_string (DEBRIEF_RECORD (self), properties [PROP_TIME_FORMAT], value);
}

gboolean
debrief_evidence_get_since_boot (DebriefEvidence *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (self), FALSE);

  return debrief_record_get_boolean (DEBRIEF_RECORD (self), properties [PROP_SINCE_BOOT]);
}

void
debrief_evidence_set_since_boot (DebriefEvidence *self,
                                 gboolean         value)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (self));

  debrief_record_set_boolean (DEBRIEF_RECORD (self), properties [PROP_SINCE_BOOT], value);
}

gint64
debrief_evidence_get_line_count (DebriefEvidence *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (self), 0);

  return debrief_record_get_int64 (DEBRIEF_RECORD (self), properties [PROP_LINE_COUNT]);
}

void
debrief_evidence_set_line_count (DebriefEvidence *self,
                                 gint64           value)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (self));

  debrief_record_set_int64 (DEBRIEF_RECORD (self), properties [PROP_LINE_COUNT], value);
}

/**
 * debrief_evidence_get_first_at:
 * @self: a #DebriefEvidence
 *
 * Returns: (transfer none) (nullable): the earliest time in the content, as
 *   the content says it (without the clock offset; since boot, for a
 *   since-boot clock, counted from 1970)
 */
GDateTime *
debrief_evidence_get_first_at (DebriefEvidence *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (self), NULL);

  return debrief_record_get_datetime (DEBRIEF_RECORD (self), properties [PROP_FIRST_AT]);
}

void
debrief_evidence_set_first_at (DebriefEvidence *self,
                               GDateTime       *value)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (self));

  debrief_record_set_datetime (DEBRIEF_RECORD (self), properties [PROP_FIRST_AT], value);
}

/**
 * debrief_evidence_get_last_at:
 * @self: a #DebriefEvidence
 *
 * Returns: (transfer none) (nullable): the latest time in the content,
 *   like debrief_evidence_get_first_at()
 */
GDateTime *
debrief_evidence_get_last_at (DebriefEvidence *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (self), NULL);

  return debrief_record_get_datetime (DEBRIEF_RECORD (self), properties [PROP_LAST_AT]);
}

void
debrief_evidence_set_last_at (DebriefEvidence *self,
                              GDateTime       *value)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (self));

  debrief_record_set_datetime (DEBRIEF_RECORD (self), properties [PROP_LAST_AT], value);
}

static void
debrief_evidence_class_init (DebriefEvidenceClass *klass)
{
  properties [PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       DEBRIEF_TYPE_EVIDENCE_KIND,
                       DEBRIEF_EVIDENCE_KIND_OTHER,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ORIGINAL_NAME] =
    g_param_spec_string ("original-name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MEDIA_TYPE] =
    g_param_spec_string ("media-type", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ADDED_BY] =
    g_param_spec_string ("added-by", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ADDED_AT] =
    g_param_spec_boxed ("added-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SIZE] =
    g_param_spec_int64 ("size", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CLOCK_OFFSET_MS] =
    g_param_spec_int64 ("clock-offset-ms", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TIME_FORMAT] =
    g_param_spec_string ("time-format", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SINCE_BOOT] =
    g_param_spec_boolean ("since-boot", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LINE_COUNT] =
    g_param_spec_int64 ("line-count", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FIRST_AT] =
    g_param_spec_boxed ("first-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LAST_AT] =
    g_param_spec_boxed ("last-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  debrief_record_class_install_columns (DEBRIEF_RECORD_CLASS (klass), "evidence", N_PROPS, properties);
}

static void
debrief_evidence_init (DebriefEvidence *self)
{
}

/* --- Timestamp format and aligned times --------------------------------- */

static const char *format_ids[] = {
  [DEBRIEF_TS_NONE] = "",
  [DEBRIEF_TS_ISO8601] = "iso8601",
  [DEBRIEF_TS_SYSLOG] = "syslog",
  [DEBRIEF_TS_DMESG] = "dmesg",
  [DEBRIEF_TS_ZEPHYR] = "zephyr",
  [DEBRIEF_TS_ESPIDF] = "esp-idf",
  [DEBRIEF_TS_EPOCH_S] = "epoch-s",
  [DEBRIEF_TS_EPOCH_MS] = "epoch-ms",
  [DEBRIEF_TS_APACHE] = "apache",
  [DEBRIEF_TS_CTIME] = "ctime",
  [DEBRIEF_TS_LOGCAT] = "logcat",
  [DEBRIEF_TS_LOG4J] = "log4j",
  [DEBRIEF_TS_COMPACT] = "compact",
  [DEBRIEF_TS_COMPACT_MS] = "compact-ms",
  [DEBRIEF_TS_SLASH_DATE] = "slash-date",
  [DEBRIEF_TS_ESPIDF_SYSTEM] = "esp-idf-system",
  [DEBRIEF_TS_EPOCH_US] = "epoch-us",
  [DEBRIEF_TS_EPOCH_NS] = "epoch-ns",
  [DEBRIEF_TS_DATE_MDY] = "date-mdy",
  [DEBRIEF_TS_DATE_DMY] = "date-dmy",
  [DEBRIEF_TS_MONTH_DAY] = "month-day",
  [DEBRIEF_TS_DAY_MONTH] = "day-month",
  [DEBRIEF_TS_GLOG] = "glog",
  [DEBRIEF_TS_MONTH_NAME] = "month-name",
};

G_STATIC_ASSERT (G_N_ELEMENTS (format_ids) == DEBRIEF_TS_N_FORMATS);

const char *
debrief_timestamp_format_to_id (DebriefTimestampFormat format)
{
  if ((guint) format < G_N_ELEMENTS (format_ids) && format_ids[format] != NULL)
    return format_ids[format];

  return "";
}

/* The time_format column holds the format's id, and for stamps without a
 * year the year given to them and where it came from:
 * "syslog;year=2026;from=incident".  Older documents have the id alone.
 */
static const char *year_sources[] = {
  [DEBRIEF_YEAR_SOURCE_TODAY] = "today",
  [DEBRIEF_YEAR_SOURCE_INCIDENT] = "incident",
  [DEBRIEF_YEAR_SOURCE_FILE_DATE] = "file",
};

DebriefTimestampFormat
debrief_evidence_get_timestamp_format (DebriefEvidence *evidence)
{
  const char *id;
  gsize length;

  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), DEBRIEF_TS_NONE);

  id = debrief_evidence_get_time_format (evidence);
  if (id == NULL)
    return DEBRIEF_TS_NONE;
  length = strcspn (id, ";");

  for (guint i = 1; i < G_N_ELEMENTS (format_ids); i++)
    if (format_ids[i] != NULL && strlen (format_ids[i]) == length && strncmp (id, format_ids[i], length) == 0)
      return (DebriefTimestampFormat) i;

  return DEBRIEF_TS_NONE;
}

/**
 * debrief_evidence_set_timestamp_format:
 * @assumed_year: the year given to stamps that had none, or 0
 * @source: where that year came from
 */
void
debrief_evidence_set_timestamp_format (DebriefEvidence        *evidence,
                                       DebriefTimestampFormat  format,
                                       int                     assumed_year,
                                       DebriefYearSource       source)
{
  g_autofree char *value = NULL;

  g_return_if_fail (DEBRIEF_IS_EVIDENCE (evidence));

  if (assumed_year > 0 && (guint) source < G_N_ELEMENTS (year_sources))
    value = g_strdup_printf ("%s;year=%d;from=%s", debrief_timestamp_format_to_id (format),
                             assumed_year, year_sources[source]);
  else
    value = g_strdup (debrief_timestamp_format_to_id (format));

  debrief_evidence_set_time_format (evidence, value);
}

/**
 * debrief_evidence_describe_assumed_year:
 *
 * Returns: (transfer full) (nullable): what the person is told when the
 *   log's stamps had no year, e.g. "Year not in the log; assumed 2026
 *   from the incident's time window"; %NULL when they had one
 */
char *
debrief_evidence_describe_assumed_year (DebriefEvidence *evidence)
{
  const char *value;
  const char *year_field;
  const char *from_field;
  gint64 year;

  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), NULL);

  value = debrief_evidence_get_time_format (evidence);
  year_field = value != NULL ? strstr (value, ";year=") : NULL;
  if (year_field == NULL)
    return NULL;

  year = g_ascii_strtoll (year_field + strlen (";year="), NULL, 10);
  if (year <= 0 || year > 9999)
    return NULL;

  from_field = strstr (value, ";from=");
  for (guint i = 0; from_field != NULL && i < G_N_ELEMENTS (year_sources); i++)
    {
      gsize length = strlen (year_sources[i]);
      const char *name = from_field + strlen (";from=");

      if (strncmp (name, year_sources[i], length) == 0 && (name[length] == '\0' || name[length] == ';'))
        return debrief_timestamp_describe_assumed_year ((int) year, (DebriefYearSource) i);
    }

  return debrief_timestamp_describe_assumed_year ((int) year, DEBRIEF_YEAR_SOURCE_TODAY);
}


static gint64
aligned (DebriefEvidence *evidence,
         GDateTime       *raw)
{
  if (raw == NULL)
    return G_MININT64;

  return debrief_date_time_to_usec (raw) + debrief_evidence_get_clock_offset_ms (evidence) * 1000;
}

gint64
debrief_evidence_get_aligned_first_usec (DebriefEvidence *evidence)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), G_MININT64);

  return aligned (evidence, debrief_evidence_get_first_at (evidence));
}

gint64
debrief_evidence_get_aligned_last_usec (DebriefEvidence *evidence)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), G_MININT64);

  return aligned (evidence, debrief_evidence_get_last_at (evidence));
}

gboolean
debrief_evidence_is_on_incident_clock (DebriefEvidence *evidence)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), FALSE);

  return debrief_time_clock_is_aligned (debrief_evidence_get_since_boot (evidence),
                                        debrief_evidence_get_clock_offset_ms (evidence));
}

gint64
debrief_evidence_get_raw_first_usec (DebriefEvidence *evidence)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), G_MININT64);

  return debrief_evidence_get_first_at (evidence) ? debrief_date_time_to_usec (debrief_evidence_get_first_at (evidence))
                                                  : G_MININT64;
}

gint64
debrief_evidence_get_raw_last_usec (DebriefEvidence *evidence)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), G_MININT64);

  return debrief_evidence_get_last_at (evidence) ? debrief_date_time_to_usec (debrief_evidence_get_last_at (evidence))
                                                 : G_MININT64;
}
