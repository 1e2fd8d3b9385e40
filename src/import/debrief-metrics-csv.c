/* debrief-metrics-csv.c
 *
 * Metrics exported as CSV or TSV (dashboards, gateways, test rigs),
 * parsed into a time column and numeric series.
 *
 * The first line is the header. The delimiter is the one of comma,
 * semicolon and tab that the header uses most; with a semicolon, numbers
 * may use a decimal comma. The time column is the one named like a time
 * whose values read as times, or else the first whose values are ISO 8601
 * times or epoch seconds or milliseconds. A column is a series when most
 * of its values are numbers.
 *
 * Fields are read into one buffer per row that is reused, so memory grows
 * with the numbers kept, not with the cells read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-metrics-csv"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "debrief-metrics-csv.h"
#include "debrief-text.h"

/* Rows read to choose the time column. */
#define N_SAMPLE_ROWS 100

/* No number or time is written with more characters than this. */
#define MAX_CELL 63

G_DEFINE_QUARK (debrief-metrics-csv-error-quark, debrief_metrics_csv_error)

static void
series_free (DebriefMetricsSeries *series)
{
  g_free (series->name);
  g_clear_pointer (&series->values, g_array_unref);
  g_free (series);
}

void
debrief_metrics_table_free (DebriefMetricsTable *table)
{
  if (table == NULL)
    return;

  g_free (table->time_column);
  g_clear_pointer (&table->times, g_array_unref);
  g_clear_pointer (&table->series, g_ptr_array_unref);
  g_free (table);
}

/* Reading rows */

typedef struct
{
  const char *p;
  const char *end;
  char        delimiter;
  GString    *cells;   /* the fields of the row, each ending in a NUL */
  GArray     *offsets; /* of gsize: where each field starts in @cells */
} Reader;

static gboolean
read_row (Reader *reader)
{
  const char *p = reader->p;
  const char *end = reader->end;

  g_string_truncate (reader->cells, 0);
  g_array_set_size (reader->offsets, 0);

  if (p >= end)
    return FALSE;

  for (;;)
    {
      gsize offset = reader->cells->len;

      g_array_append_val (reader->offsets, offset);

      if (p < end && *p == '"')
        {
          p++;
          while (p < end)
            {
              const char *quote = memchr (p, '"', (gsize) (end - p));

              if (quote == NULL)
                {
                  g_string_append_len (reader->cells, p, end - p);
                  p = end;
                  break;
                }

              g_string_append_len (reader->cells, p, quote - p);
              p = quote + 1;
              if (p < end && *p == '"')
                {
                  g_string_append_c (reader->cells, '"');
                  p++;
                }
              else
                break;
            }
        }

      /* Unquoted text, or anything after a closing quote. */
      {
        const char *start = p;

        while (p < end && *p != reader->delimiter && *p != '\n' && *p != '\r')
          p++;
        g_string_append_len (reader->cells, start, p - start);
      }

      g_string_append_c (reader->cells, '\0');

      if (p < end && *p == reader->delimiter)
        {
          p++;
          continue;
        }

      if (p < end && *p == '\r')
        p++;
      if (p < end && *p == '\n')
        p++;
      break;
    }

  reader->p = p;
  return TRUE;
}

static guint
row_length (Reader *reader)
{
  return reader->offsets->len;
}

static const char *
row_field (Reader *reader,
           guint   i)
{
  return reader->cells->str + g_array_index (reader->offsets, gsize, i);
}

static gboolean
row_is_blank (Reader *reader)
{
  return row_length (reader) == 1 && g_strstrip ((char *) row_field (reader, 0))[0] == '\0';
}

/* Reads the next row that is not blank. */
static gboolean
read_data_row (Reader *reader)
{
  while (read_row (reader))
    if (!row_is_blank (reader))
      return TRUE;

  return FALSE;
}

static char
detect_delimiter (const char *text,
                  const char *end)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (const char *p = text; p < end && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == ',')
        commas++;
      else if (!quoted && *p == ';')
        semicolons++;
      else if (!quoted && *p == '\t')
        tabs++;
    }

  if (tabs > 0 && tabs >= semicolons && tabs >= commas)
    return '\t';
  if (semicolons > 0 && semicolons >= commas)
    return ';';
  return ',';
}

/* Cells */

typedef enum
{
  CELL_VALUE,
  CELL_MISSING,
  CELL_BAD,
} CellKind;

/* Copies the trimmed @cell into @buffer of MAX_CELL + 1 bytes; FALSE
 * when it is longer. */
static gboolean
copy_cell (const char *cell,
           char       *buffer,
           gsize      *length)
{
  const char *end;

  while (g_ascii_isspace (*cell))
    cell++;
  end = cell + strlen (cell);
  while (end > cell && g_ascii_isspace (end[-1]))
    end--;

  if ((gsize) (end - cell) > MAX_CELL)
    return FALSE;

  memcpy (buffer, cell, (gsize) (end - cell));
  buffer[end - cell] = '\0';
  *length = (gsize) (end - cell);
  return TRUE;
}

static CellKind
parse_number (const char *cell,
              gboolean    decimal_comma,
              double     *value)
{
  char buffer[MAX_CELL + 1];
  gsize length;
  char *end = NULL;

  *value = NAN;
  if (!copy_cell (cell, buffer, &length))
    return CELL_BAD;

  if (length == 0 || strcmp (buffer, "-") == 0 ||
      g_ascii_strcasecmp (buffer, "nan") == 0 || g_ascii_strcasecmp (buffer, "na") == 0 ||
      g_ascii_strcasecmp (buffer, "n/a") == 0 || g_ascii_strcasecmp (buffer, "null") == 0)
    return CELL_MISSING;

  for (gsize i = 0; i < length; i++)
    {
      if (decimal_comma && buffer[i] == ',')
        buffer[i] = '.';
      if (!g_ascii_isdigit (buffer[i]) && strchr ("+-.eE", buffer[i]) == NULL)
        return CELL_BAD;
    }

  *value = g_ascii_strtod (buffer, &end);
  if (end != buffer + length || !isfinite (*value))
    {
      *value = NAN;
      return CELL_BAD;
    }

  return CELL_VALUE;
}

/* Seconds (1973 to 2286) or milliseconds since 1970. */
static gboolean
parse_epoch (const char *buffer,
             gsize       length,
             gint64     *usec)
{
  char *end = NULL;
  double value;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (buffer[i]) && buffer[i] != '.')
      return FALSE;

  value = g_ascii_strtod (buffer, &end);
  if (end != buffer + length || !isfinite (value))
    return FALSE;

  if (value >= 1e11 && value < 1e13)
    *usec = (gint64) (value * 1000.0 + 0.5);
  else if (value >= 1e8 && value < 1e10)
    *usec = (gint64) (value * 1e6 + 0.5);
  else
    return FALSE;

  return TRUE;
}

static gboolean
parse_time (const char *cell,
            GTimeZone  *zone,
            gint64     *usec)
{
  char buffer[MAX_CELL + 1 + 9];
  gsize length;
  g_autoptr(GDateTime) time = NULL;

  if (!copy_cell (cell, buffer, &length) || length == 0)
    return FALSE;

  if (g_ascii_isdigit (buffer[0]) && parse_epoch (buffer, length, usec))
    return TRUE;

  /* "2026-03-14 14:03:22" and "2026-03-14" are ISO 8601 to a reader. */
  if (length > 10 && buffer[10] == ' ')
    buffer[10] = 'T';
  else if (length == 10)
    memcpy (buffer + 10, "T00:00:00", 10);

  time = g_date_time_new_from_iso8601 (buffer, zone);
  if (time == NULL)
    return FALSE;

  *usec = g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
  return TRUE;
}

static gboolean
is_time_name (const char *name)
{
  static const char * const names[] = {
    "time", "timestamp", "date", "datetime", "date_time", "date time", "ts", "epoch", "_time",
  };
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (lower, names[i]) == 0)
      return TRUE;

  return g_str_has_prefix (lower, "time ") || g_str_has_prefix (lower, "time(") ||
         g_str_has_prefix (lower, "timestamp ") || g_str_has_prefix (lower, "timestamp(") ||
         g_str_has_prefix (lower, "date ");
}

typedef struct
{
  guint n_filled;
  guint n_times;
} ColumnSample;

/* The time column, from the header and the first rows, or -1. */
static int
choose_time_column (Reader     *reader,
                    GStrv       names,
                    GTimeZone  *zone)
{
  guint n_columns = g_strv_length (names);
  g_autofree ColumnSample *samples = g_new0 (ColumnSample, n_columns);

  for (guint row = 0; row < N_SAMPLE_ROWS && read_data_row (reader); row++)
    {
      for (guint i = 0; i < n_columns && i < row_length (reader); i++)
        {
          const char *cell = row_field (reader, i);
          gint64 usec;

          if (*cell == '\0')
            continue;
          samples[i].n_filled++;
          if (parse_time (cell, zone, &usec))
            samples[i].n_times++;
        }
    }

  for (guint i = 0; i < n_columns; i++)
    if (is_time_name (names[i]) && (samples[i].n_filled == 0 || samples[i].n_times * 2 > samples[i].n_filled))
      return (int) i;

  for (guint i = 0; i < n_columns; i++)
    if (samples[i].n_filled > 0 && samples[i].n_times * 10 >= samples[i].n_filled * 9)
      return (int) i;

  return -1;
}

typedef struct
{
  GArray *values;
  guint   n_values;
  guint   n_bad;
} Column;

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_clear_pointer (&column->values, g_array_unref);
}

static DebriefMetricsTable *
parse_text (const char  *text,
            gsize        length,
            GTimeZone   *zone,
            GError     **error)
{
  g_autoptr(DebriefMetricsTable) table = g_new0 (DebriefMetricsTable, 1);
  g_autoptr(GString) cells = g_string_new (NULL);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  Reader reader = { text, text + length, ',', cells, offsets };
  const char *body;
  gboolean decimal_comma;
  guint n_columns;
  int time_column;

  g_array_set_clear_func (columns, column_clear);
  table->times = g_array_new (FALSE, FALSE, sizeof (gint64));
  table->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);

  while (reader.p < reader.end && g_ascii_isspace (*reader.p))
    reader.p++;
  if (reader.p >= reader.end)
    {
      g_set_error_literal (error, DEBRIEF_METRICS_CSV_ERROR, DEBRIEF_METRICS_CSV_ERROR_EMPTY,
                           _("The metrics file is empty."));
      return NULL;
    }

  reader.delimiter = table->delimiter = detect_delimiter (reader.p, reader.end);
  decimal_comma = reader.delimiter == ';';

  read_data_row (&reader);
  n_columns = row_length (&reader);
  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (row_field (&reader, i)));

      if (*name == '\0')
        {
          g_free (name);
          name = g_strdup_printf (_("Column %u"), i + 1);
        }
      g_strv_builder_add (builder, name);
    }
  names = g_strv_builder_end (builder);
  body = reader.p;

  time_column = choose_time_column (&reader, names, zone);
  if (time_column < 0)
    {
      g_set_error_literal (error, DEBRIEF_METRICS_CSV_ERROR, DEBRIEF_METRICS_CSV_ERROR_NO_TIME,
                           _("The metrics file has no column of times. Debrief needs one column of dates and times (ISO 8601) or of seconds or milliseconds since 1970."));
      return NULL;
    }
  table->time_column = g_strdup (names[time_column]);

  g_array_set_size (columns, n_columns);
  for (guint i = 0; i < n_columns; i++)
    if ((int) i != time_column)
      g_array_index (columns, Column, i).values = g_array_new (FALSE, FALSE, sizeof (double));

  reader.p = body;
  while (read_data_row (&reader))
    {
      guint n_fields = row_length (&reader);
      gint64 usec;

      if ((guint) time_column >= n_fields ||
          !parse_time (row_field (&reader, (guint) time_column), zone, &usec))
        {
          table->n_bad_times++;
          continue;
        }

      if (n_fields != n_columns)
        table->n_ragged_rows++;

      g_array_append_val (table->times, usec);
      for (guint i = 0; i < n_columns; i++)
        {
          Column *column = &g_array_index (columns, Column, i);
          double value = NAN;

          if (column->values == NULL)
            continue;

          if (i < n_fields)
            {
              switch (parse_number (row_field (&reader, i), decimal_comma, &value))
                {
                case CELL_VALUE:
                  column->n_values++;
                  break;
                case CELL_BAD:
                  column->n_bad++;
                  break;
                case CELL_MISSING:
                default:
                  break;
                }
            }
          g_array_append_val (column->values, value);
        }
    }

  if (table->times->len == 0)
    {
      g_set_error (error, DEBRIEF_METRICS_CSV_ERROR, DEBRIEF_METRICS_CSV_ERROR_NO_ROWS,
                   _("The metrics file has no row with a time Debrief can read in its column “%s”."),
                   table->time_column);
      return NULL;
    }

  for (guint i = 0; i < n_columns; i++)
    {
      Column *column = &g_array_index (columns, Column, i);
      DebriefMetricsSeries *series;

      /* Mostly words: a label or a state, not a series. */
      if (column->values == NULL || column->n_bad >= column->n_values)
        continue;

      table->n_bad_values += column->n_bad;
      series = g_new0 (DebriefMetricsSeries, 1);
      series->name = g_strdup (names[i]);
      series->values = g_steal_pointer (&column->values);
      g_ptr_array_add (table->series, series);
    }

  if (table->series->len == 0)
    {
      g_set_error_literal (error, DEBRIEF_METRICS_CSV_ERROR, DEBRIEF_METRICS_CSV_ERROR_NO_SERIES,
                           _("The metrics file has no column of numbers besides the times."));
      return NULL;
    }

  return g_steal_pointer (&table);
}

DebriefMetricsTable *
debrief_metrics_csv_parse_bytes (GBytes     *bytes,
                                 GTimeZone  *zone,
                                 GError    **error)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (zone == NULL)
    zone = utc = g_time_zone_new_utc ();

  text = debrief_text_sanitize_bytes (bytes, &length);

  return parse_text (text, length, zone, error);
}

DebriefMetricsTable *
debrief_metrics_csv_parse (GInputStream  *stream,
                           GTimeZone     *zone,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  memory = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              cancellable, error) < 0)
    return NULL;

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  return debrief_metrics_csv_parse_bytes (bytes, zone, error);
}
