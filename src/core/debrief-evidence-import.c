/* debrief-evidence-import.c
 *
 * Importing evidence: a file, a Slack channel folder or pasted bytes
 * becomes an evidence item whose content is stored and checked for its
 * kind; the item is then added to the document, or its kind changed later.
 *
 * Imports run in any thread, on a connection of their own to the working
 * copy; the evidence row itself is added on the main thread, as one
 * undoable edit of the document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-evidence-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "debrief-document-private.h"
#include "debrief-evidence-store-private.h"
#include "debrief-record.h"
#include "debrief-chat-import.h"
#include "debrief-evidence-kind.h"
#include "debrief-mail.h"
#include "debrief-metrics-csv.h"

/* Binary content: more than one byte in ten a control character (NUL
 * included) or not UTF-8.  A serial capture with some line noise, or a
 * log in Latin-1, stays text. */
static gboolean
looks_binary (const guint8 *data,
              gsize         size)
{
  gsize odd = 0;
  const char *p = (const char *) data;
  const char *end = p + size;

  while (p < end)
    {
      const char *valid_end;

      if (g_utf8_validate_len (p, (gsize) (end - p), &valid_end))
        valid_end = end;

      for (const char *q = p; q < valid_end; q++)
        {
          guint8 c = (guint8) *q;

          if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b)
            odd++;
        }

      if (valid_end < end)
        {
          /* A character cut by the end of the sample is not invalid. */
          if (end - valid_end < 4 && (guint8) *valid_end >= 0xc0)
            break;
          odd++;
          valid_end++;
        }
      p = valid_end;
    }

  return size > 0 && odd * 10 > size;
}

static guint64
count_lines (const char *data,
             gsize       size)
{
  guint64 n = 0;
  const char *p = data;
  const char *end = data + size;

  while (p < end && (p = memchr (p, '\n', (gsize) (end - p))) != NULL)
    {
      n++;
      p++;
    }

  return size > 0 && data[size - 1] != '\n' ? n + 1 : n;
}

/* An e-mail is of the time it was sent: its Date header, when the report
 * is one.  Other reports have no time of their own.
 */
static void
report_range (const guint8        *data,
              gsize                size,
              const char          *name,
              DebriefImportResult *result)
{
  gint64 sent;

  if (debrief_mail_looks_like ((const char *) data, size, name != NULL && g_str_has_suffix (name, ".eml"))
      && debrief_mail_get_date ((const char *) data, size, &sent))
    _debrief_import_result_widen (result, sent, sent);
}

/* The number of messages of @chat and their time range. */
static void
chat_range (const DebriefChatImport *chat,
            DebriefImportResult     *result)
{
  result->n_lines = chat->messages->len;
  g_free (result->title);
  result->title = debrief_chat_import_dup_title (chat);
  for (guint i = 0; i < chat->messages->len; i++)
    {
      DebriefChatMessage *message = g_ptr_array_index (chat->messages, i);

      if (message->time != NULL)
        {
          gint64 t = debrief_date_time_to_usec (message->time);

          _debrief_import_result_widen (result, t, t);
        }
    }
}

/* Checks content of a kind that must be read whole, and learns its time
 * range; fills in a warning for what could not be read. */
static gboolean
check_content (DebriefEvidenceSource  *source,
               GBytes                 *bytes,
               const char             *name,
               DebriefImportResult    *result,
               GError                **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  switch (result->kind)
    {
    case DEBRIEF_EVIDENCE_KIND_METRICS:
      {
        g_autoptr(DebriefMetricsTable) table = debrief_metrics_csv_parse_bytes (bytes, source->zone, error);
        g_autoptr(GString) warning = g_string_new (NULL);

        if (table == NULL)
          return FALSE;

        result->n_lines = table->times->len;
        for (guint i = 0; i < table->times->len; i++)
          {
            gint64 t = g_array_index (table->times, gint64, i);

            _debrief_import_result_widen (result, t, t);
          }

        if (table->n_ragged_rows > 0)
          g_string_append_printf (warning,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%u row has too few or too many fields.",
                                               "%u rows have too few or too many fields.",
                                               table->n_ragged_rows),
                                  table->n_ragged_rows);
        if (table->n_bad_values > 0)
          g_string_append_printf (warning, "%s%s", warning->len > 0 ? " " : "",
                                  _("Some values are not numbers and are left out of the chart."));
        if (table->n_bad_times > 0)
          g_string_append_printf (warning, "%s%s", warning->len > 0 ? " " : "",
                                  _("Some rows have a time that cannot be read and are left out."));
        if (warning->len > 0)
          result->warning = g_string_free (g_steal_pointer (&warning), FALSE);
        return TRUE;
      }

    case DEBRIEF_EVIDENCE_KIND_CHAT:
      {
        g_autoptr(DebriefChatImport) chat = NULL;

        chat = debrief_chat_import_bytes (bytes, name, DEBRIEF_CHAT_FORMAT_UNKNOWN, source->reference, error);
        if (chat == NULL)
          return FALSE;

        chat_range (chat, result);
        if (chat->n_skipped > 0)
          result->warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u record could not be read (%s).",
                                                          "%u records could not be read (the first: %s).",
                                                          chat->n_skipped),
                                             chat->n_skipped,
                                             chat->first_skip_reason ? chat->first_skip_reason : "");
        return TRUE;
      }

    case DEBRIEF_EVIDENCE_KIND_REPORT:
      if (looks_binary (data, MIN (size, DEBRIEF_EVIDENCE_SAMPLE_SIZE)))
        {
          g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_NOT_TEXT,
                       _("“%s” is not text, so it cannot be read as a report. Import it as another kind of file to keep it as an attachment."),
                       name);
          return FALSE;
        }
      result->n_lines = count_lines ((const char *) data, size);
      report_range (data, size, name, result);
      return TRUE;

    case DEBRIEF_EVIDENCE_KIND_IMAGE:
      {
        DebriefImageFormat format = debrief_image_format_detect (data, size);

        if (format != DEBRIEF_IMAGE_FORMAT_NONE && !debrief_image_format_can_show (format))
          {
            /* Translators: the second %s is an image format, such as WebP */
            g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_UNREADABLE,
                         _("“%s” is a %s image, which Debrief cannot show. Import it as another kind of file to keep it as an attachment."),
                         name, debrief_image_format_get_name (format));
            return FALSE;
          }
        if (format == DEBRIEF_IMAGE_FORMAT_NONE)
          {
            g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_UNREADABLE,
                         _("“%s” is not a PNG, JPEG, GIF or BMP image. Import it as another kind of file to keep it as an attachment."),
                         name);
            return FALSE;
          }
        return TRUE;
      }

    case DEBRIEF_EVIDENCE_KIND_LOG:
    case DEBRIEF_EVIDENCE_KIND_OTHER:
    default:
      return TRUE;
    }
}

static void
apply_result (DebriefEvidenceSource      *source,
              DebriefEvidence            *evidence,
              const char                 *name,
              const char                 *original_name,
              const char                 *media_type,
              const DebriefImportOptions *options,
              DebriefImportResult        *result)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) first = debrief_date_time_new_from_usec (result->first_usec);
  g_autoptr(GDateTime) last = debrief_date_time_new_from_usec (result->last_usec);
  const char *title = options != NULL && options->title != NULL && *options->title != '\0' ? options->title
                      : result->title != NULL ? result->title : name;

  debrief_evidence_set_title (evidence, title);
  debrief_evidence_set_kind (evidence, result->kind);
  debrief_evidence_set_original_name (evidence, original_name != NULL ? original_name : "");
  debrief_evidence_set_media_type (evidence, media_type != NULL ? media_type : "");
  debrief_evidence_set_added_by (evidence, source->user_name != NULL ? source->user_name : "");
  debrief_evidence_set_added_at (evidence, now);
  debrief_evidence_set_sha256 (evidence, result->sha256 != NULL ? result->sha256 : "");
  debrief_evidence_set_size (evidence, (gint64) result->size);
  debrief_evidence_set_timestamp_format (evidence, result->format, result->assumed_year, result->year_source);
  debrief_evidence_set_since_boot (evidence, result->since_boot);
  debrief_evidence_set_line_count (evidence, (gint64) result->n_lines);
  debrief_evidence_set_first_at (evidence, first);
  debrief_evidence_set_last_at (evidence, last);

  if (options != NULL && options->boot_time != NULL)
    {
      if (result->since_boot)
        debrief_evidence_set_clock_offset_ms (evidence, debrief_date_time_to_usec (options->boot_time) / 1000);
      else
        {
          g_autofree char *old = g_steal_pointer (&result->warning);

          result->warning = g_strdup_printf ("%s%s%s", old ? old : "", old ? " " : "",
                                             _("Its clock is not time since boot, so the boot time was not used."));
        }
    }

  if (options != NULL && options->has_clock_offset)
    debrief_evidence_set_clock_offset_ms (evidence, options->clock_offset_ms);
}

static gboolean
check_writable (DebriefEvidenceSource  *source,
                GError                **error)
{
  if (source->read_only)
    {
      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_READ_ONLY,
                   _("This incident is open read-only: evidence cannot be added to it."));
      return FALSE;
    }

  return TRUE;
}

/* The detected kind of a file; an image of a format that cannot be shown
 * is kept as another file, and @note says why. */
static DebriefEvidenceKind
detect_kind (GBytes      *sample,
             const char  *file_name,
             const char  *media_type,
             const char  *name,
             char       **note)
{
  DebriefEvidenceKind kind = debrief_evidence_detect_kind (sample, file_name, media_type);
  DebriefImageFormat format;
  gsize size;
  const guint8 *data = g_bytes_get_data (sample, &size);

  if (kind != DEBRIEF_EVIDENCE_KIND_IMAGE)
    return kind;

  format = debrief_image_format_detect (data, size);
  if (debrief_image_format_can_show (format))
    return kind;

  /* Translators: the second %s is an image format, such as WebP */
  *note = g_strdup_printf (_("“%s” is a %s image, which Debrief cannot show: it is kept as a file to open in another application."),
                           name, debrief_image_format_get_name (format));
  return DEBRIEF_EVIDENCE_KIND_OTHER;
}

/* Puts @note before what else an import has to say. */
static void
prepend_warning (char       **warning,
                 const char  *note)
{
  g_autofree char *rest = NULL;

  if (warning == NULL || note == NULL)
    return;

  rest = g_steal_pointer (warning);
  *warning = rest != NULL ? g_strconcat (note, " ", rest, NULL) : g_strdup (note);
}

/* Stores content already in memory: pasted text, a chat folder made into
 * one file, or a file of a kind that is read whole.  @chat, when given, is
 * @bytes already parsed, and gives the facts of the record. */
static DebriefEvidence *
import_memory (DebriefEvidenceSource      *source,
               sqlite3                    *db,
               GBytes                     *bytes,
               const DebriefChatImport    *chat,
               const char                 *name,
               const char                 *original_name,
               const char                 *media_type,
               const DebriefImportOptions *options,
               DebriefEvidenceKind         kind,
               char                      **warning,
               GCancellable               *cancellable,
               GError                    **error)
{
  g_autoptr(DebriefEvidence) evidence = debrief_evidence_new ();
  const char *uuid = debrief_record_get_uuid (DEBRIEF_RECORD (evidence));
  DebriefImportResult result = DEBRIEF_IMPORT_RESULT_INIT (kind);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gboolean ok;

  if (size == 0)
    {
      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_EMPTY,
                   _("“%s” is empty: there is nothing to import."), name);
      return NULL;
    }

  if (kind == DEBRIEF_EVIDENCE_KIND_LOG)
    {
      g_autoptr(GInputStream) stream = NULL;
      DebriefTimestampContext context;

      if (looks_binary (data, MIN (size, DEBRIEF_EVIDENCE_SAMPLE_SIZE)))
        {
          g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_NOT_TEXT,
                       _("“%s” is not text, so it cannot be read as a log. Import it as another kind of file to keep it as an attachment."),
                       name);
          return NULL;
        }

      _debrief_evidence_source_get_context (source, &context);
      stream = g_memory_input_stream_new_from_bytes (bytes);
      ok = _debrief_evidence_store_log_stream (db, uuid, stream, size, &context, NULL, NULL, &result, cancellable, error);
    }
  else
    {
      g_autoptr(GInputStream) stream = NULL;

      if (chat != NULL)
        {
          chat_range (chat, &result);
          ok = TRUE;
        }
      else
        ok = check_content (source, bytes, name, &result, error);
      if (ok)
        {
          stream = g_memory_input_stream_new_from_bytes (bytes);
          ok = _debrief_evidence_store_plain_stream (db, uuid, stream, size, NULL, NULL, &result, cancellable, error);
        }
    }

  if (!ok)
    {
      _debrief_evidence_delete_content (db, uuid);
      _debrief_import_result_clear (&result);
      return NULL;
    }

  apply_result (source, evidence, name, original_name, media_type, options, &result);
  if (warning != NULL)
    *warning = g_steal_pointer (&result.warning);
  _debrief_import_result_clear (&result);

  return g_steal_pointer (&evidence);
}

DebriefEvidence *
debrief_evidence_import_bytes (DebriefEvidenceSource       *source,
                               GBytes                      *bytes,
                               const char                  *name,
                               const DebriefImportOptions  *options,
                               char                       **warning,
                               GCancellable                *cancellable,
                               GError                     **error)
{
  DebriefEvidence *evidence;
  DebriefEvidenceKind kind;
  g_autofree char *media_type = NULL;
  g_autofree char *note = NULL;
  sqlite3 *db;
  gsize size;
  const guint8 *data;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!check_writable (source, error))
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  media_type = g_content_type_guess (NULL, data, MIN (size, DEBRIEF_EVIDENCE_SAMPLE_SIZE), NULL);
  if (options != NULL && options->has_kind)
    kind = options->kind;
  else
    {
      g_autoptr(GBytes) sample = g_bytes_new_from_bytes (bytes, 0, MIN (size, DEBRIEF_EVIDENCE_SAMPLE_SIZE));

      kind = detect_kind (sample, NULL, media_type, name, &note);
    }

  if (!(db = _debrief_evidence_source_open (source, error)))
    return NULL;
  evidence = import_memory (source, db, bytes, NULL, name, "", media_type, options, kind, warning, cancellable, error);
  sqlite3_close (db);
  if (evidence != NULL)
    prepend_warning (warning, note);

  return evidence;
}

static void
set_file_error (GError     **error,
                const GError *cause,
                const char  *name)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_NOT_FOUND,
                 _("“%s” is no longer there: it was moved or deleted before it could be imported."), name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, cause->message);
  else if (cause->domain == G_IO_ERROR)
    g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_UNREADABLE,
                 _("“%s” could not be read: %s"), name, cause->message);
  else
    g_set_error_literal (error, cause->domain, cause->code, cause->message);
}

DebriefEvidence *
debrief_evidence_import_file (DebriefEvidenceSource       *source,
                              GFile                       *file,
                              const DebriefImportOptions  *options,
                              DebriefImportProgressFunc    progress,
                              gpointer                     user_data,
                              char                       **warning,
                              GCancellable                *cancellable,
                              GError                     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) sample = NULL;
  g_autoptr(DebriefEvidence) evidence = NULL;
  g_autofree char *name = NULL;
  g_autofree char *media_type = NULL;
  g_autofree char *note = NULL;
  DebriefEvidenceKind kind;
  guint64 size;
  sqlite3 *db = NULL;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!check_writable (source, error))
    return NULL;

  name = g_file_get_basename (file);
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      set_file_error (error, local_error, name);
      return NULL;
    }
  g_free (name);
  name = g_strdup (g_file_info_get_display_name (info));

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      /* A Slack channel folder, read with its users, is kept as one JSON
       * list of messages in Slack's own form, so that it is read back the
       * same way.  The one parse gives the record its facts as well: the
       * stored list holds only messages that were read, so, as for a
       * file of it, there is nothing skipped to warn about. */
      g_autoptr(DebriefChatImport) chat = debrief_chat_import_file (file, source->reference, cancellable, error);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *original = g_strconcat (name, "/", NULL);

      if (chat == NULL)
        return NULL;
      bytes = debrief_chat_import_to_slack_json (chat);
      if (!(db = _debrief_evidence_source_open (source, error)))
        return NULL;
      evidence = import_memory (source, db, bytes, chat, name, original, "application/json", options,
                                DEBRIEF_EVIDENCE_KIND_CHAT, warning, cancellable, error);
      sqlite3_close (db);
      return g_steal_pointer (&evidence);
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_UNREADABLE,
                   _("“%s” is not a file that can be imported."), name);
      return NULL;
    }

  size = (guint64) g_file_info_get_size (info);
  if (size == 0)
    {
      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_EMPTY,
                   _("“%s” is empty: there is nothing to import."), name);
      return NULL;
    }

  if (!(stream = g_file_read (file, cancellable, &local_error)))
    {
      set_file_error (error, local_error, name);
      return NULL;
    }

  /* The sample decides the kind; it is read again as part of the whole. */
  {
    g_autofree guint8 *buffer = g_malloc (DEBRIEF_EVIDENCE_SAMPLE_SIZE);
    gsize n = 0;

    if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, DEBRIEF_EVIDENCE_SAMPLE_SIZE,
                                  &n, cancellable, &local_error) ||
        !g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, &local_error))
      {
        set_file_error (error, local_error, name);
        return NULL;
      }
    sample = g_bytes_new_take (g_steal_pointer (&buffer), n);
  }

  media_type = g_content_type_get_mime_type (g_file_info_get_content_type (info) ?
                                             g_file_info_get_content_type (info) : "application/octet-stream");
  if (options != NULL && options->has_kind)
    kind = options->kind;
  else
    kind = detect_kind (sample, name, media_type, name, &note);

  if (!(db = _debrief_evidence_source_open (source, error)))
    return NULL;

  if (kind == DEBRIEF_EVIDENCE_KIND_LOG || kind == DEBRIEF_EVIDENCE_KIND_OTHER ||
      (kind == DEBRIEF_EVIDENCE_KIND_REPORT && size > DEBRIEF_EVIDENCE_MAX_PARSED_SIZE))
    {
      DebriefImportResult result = DEBRIEF_IMPORT_RESULT_INIT (kind);
      gboolean ok;

      evidence = debrief_evidence_new ();

      if (kind == DEBRIEF_EVIDENCE_KIND_LOG)
        {
          DebriefTimestampContext context;
          gsize sample_size;
          const guint8 *sample_data = g_bytes_get_data (sample, &sample_size);

          if (looks_binary (sample_data, sample_size))
            {
              g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_NOT_TEXT,
                           _("“%s” is not text, so it cannot be read as a log. Import it as another kind of file to keep it as an attachment."),
                           name);
              sqlite3_close (db);
              return NULL;
            }

          _debrief_evidence_source_get_file_context (source, info, &context);
          ok = _debrief_evidence_store_log_stream (db, debrief_record_get_uuid (DEBRIEF_RECORD (evidence)),
                                                   G_INPUT_STREAM (stream), size, &context, progress, user_data,
                                                   &result, cancellable, &local_error);
        }
      else
        {
          if (kind == DEBRIEF_EVIDENCE_KIND_REPORT)
            result.kind = DEBRIEF_EVIDENCE_KIND_OTHER;
          ok = _debrief_evidence_store_plain_stream (db, debrief_record_get_uuid (DEBRIEF_RECORD (evidence)),
                                                     G_INPUT_STREAM (stream), size, progress, user_data,
                                                     &result, cancellable, &local_error);
        }

      if (!ok)
        {
          _debrief_evidence_delete_content (db, debrief_record_get_uuid (DEBRIEF_RECORD (evidence)));
          sqlite3_close (db);
          _debrief_import_result_clear (&result);
          set_file_error (error, local_error, name);
          return NULL;
        }

      if (result.size == 0)
        {
          _debrief_evidence_delete_content (db, debrief_record_get_uuid (DEBRIEF_RECORD (evidence)));
          sqlite3_close (db);
          _debrief_import_result_clear (&result);
          g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_EMPTY,
                       _("“%s” is empty: there is nothing to import."), name);
          return NULL;
        }

      apply_result (source, evidence, name, name, media_type, options, &result);
      if (warning != NULL)
        *warning = g_steal_pointer (&result.warning);
      _debrief_import_result_clear (&result);
    }
  else
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GByteArray) array = NULL;

      if (size > DEBRIEF_EVIDENCE_MAX_PARSED_SIZE)
        {
          g_autofree char *formatted = g_format_size (size);

          g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_TOO_LARGE,
                       _("“%s” is too large (%s) to be read as %s. Import it as another kind of file to keep it as an attachment."),
                       name, formatted, debrief_evidence_kind_get_name (kind));
          sqlite3_close (db);
          return NULL;
        }

      array = g_byte_array_sized_new ((guint) size);
      while (TRUE)
        {
          guint8 buffer[64 * 1024];
          gsize n = 0;

          if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, sizeof buffer, &n,
                                        cancellable, &local_error))
            {
              set_file_error (error, local_error, name);
              sqlite3_close (db);
              return NULL;
            }
          g_byte_array_append (array, buffer, (guint) n);
          if (progress != NULL)
            progress (array->len, size, user_data);
          if (n < sizeof buffer || array->len > DEBRIEF_EVIDENCE_MAX_PARSED_SIZE)
            break;
        }
      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&array));
      evidence = import_memory (source, db, bytes, NULL, name, name, media_type, options, kind,
                                warning, cancellable, error);
    }

  sqlite3_close (db);
  if (evidence != NULL)
    prepend_warning (warning, note);
  return g_steal_pointer (&evidence);
}

gboolean
debrief_evidence_add_to_document (DebriefDocument  *document,
                                  DebriefEvidence  *evidence,
                                  GError          **error)
{
  GListModel *list;
  gint64 position = 0;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), FALSE);

  list = debrief_document_get_records (document, DEBRIEF_TYPE_EVIDENCE);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DebriefEvidence) item = g_list_model_get_item (list, i);

      position = MAX (position, debrief_evidence_get_position (item) + 1);
    }
  debrief_evidence_set_position (evidence, position);

  return debrief_document_add (document, DEBRIEF_RECORD (evidence), error);
}

void
debrief_evidence_source_discard (DebriefEvidenceSource *source,
                                 DebriefEvidence       *evidence)
{
  sqlite3 *db;

  g_return_if_fail (source != NULL);
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (evidence));

  if ((db = _debrief_evidence_source_open (source, NULL)))
    {
      _debrief_evidence_delete_content (db, debrief_record_get_uuid (DEBRIEF_RECORD (evidence)));
      sqlite3_close (db);
    }
}




gboolean
debrief_evidence_change_kind (DebriefDocument      *document,
                              DebriefEvidence      *evidence,
                              DebriefEvidenceKind   kind,
                              GError              **error)
{
  g_autoptr(DebriefEvidenceSource) source = NULL;
  DebriefImportResult result = DEBRIEF_IMPORT_RESULT_INIT (kind);
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), FALSE);

  if (debrief_evidence_get_kind (evidence) == kind)
    return TRUE;

  source = debrief_evidence_source_new (document);
  if (!check_writable (source, error))
    return FALSE;

  if (kind == DEBRIEF_EVIDENCE_KIND_LOG)
    {
      sqlite3 *db = _debrief_document_get_db (document);
      g_autoptr(GArray) rows = _debrief_evidence_read_index_rows (db, debrief_record_get_uuid (DEBRIEF_RECORD (evidence)), NULL);
      DebriefTimestampContext context;
      gboolean ok;

      if (debrief_evidence_get_size (evidence) > 0 && rows != NULL && rows->len == 0)
        {
          g_autoptr(GBytes) chunk = _debrief_evidence_read_chunk (db, debrief_record_get_uuid (DEBRIEF_RECORD (evidence)), 0, error);
          gsize size;
          const guint8 *data;

          if (chunk == NULL)
            return FALSE;
          data = g_bytes_get_data (chunk, &size);
          if (looks_binary (data, MIN (size, DEBRIEF_EVIDENCE_SAMPLE_SIZE)))
            {
              g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_NOT_TEXT,
                           _("“%s” is not text, so it cannot be read as a log."),
                           debrief_evidence_get_title (evidence));
              return FALSE;
            }

          _debrief_evidence_source_get_context (source, &context);
          debrief_document_begin_group (document);
          ok = _debrief_evidence_reindex_log (db, evidence, &context, error);
          if (ok)
            debrief_evidence_set_kind (evidence, kind);
          debrief_document_end_group (document);
          return ok;
        }

      debrief_evidence_set_kind (evidence, kind);
      return TRUE;
    }

  if (kind != DEBRIEF_EVIDENCE_KIND_OTHER)
    {
      g_autoptr(GBytes) bytes = debrief_evidence_read_bytes (document, evidence, DEBRIEF_EVIDENCE_MAX_PARSED_SIZE, error);

      if (bytes == NULL || !check_content (source, bytes, debrief_evidence_get_original_name (evidence), &result, error))
        {
          _debrief_import_result_clear (&result);
          return FALSE;
        }
    }

  first = debrief_date_time_new_from_usec (result.first_usec);
  last = debrief_date_time_new_from_usec (result.last_usec);

  debrief_document_begin_group (document);
  debrief_evidence_set_kind (evidence, kind);
  debrief_evidence_set_line_count (evidence, (gint64) result.n_lines);
  debrief_evidence_set_first_at (evidence, first);
  debrief_evidence_set_last_at (evidence, last);
  debrief_evidence_set_time_format (evidence, "");
  debrief_evidence_set_since_boot (evidence, FALSE);
  debrief_document_end_group (document);
  _debrief_import_result_clear (&result);

  return TRUE;
}
