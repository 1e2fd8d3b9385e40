/* debrief-json-export.c
 *
 * The JSON interchange format written: a whole incident, every record
 * and the content of every evidence item.
 *
 * The export is written as it is read, record by record and chunk by chunk
 * of evidence, so that its memory does not grow with the size of the
 * evidence. Its members are generated from the record classes' columns,
 * named like the SQL columns; data/debrief-incident.schema.json documents
 * them, and a test keeps the two in step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-json"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-document-info.h"
#include "debrief-evidence-reader.h"
#include "debrief-evidence.h"
#include "debrief-json.h"
#include "debrief-record-columns.h"
#include "debrief-json-export.h"

/* Output is written to the stream in pieces of about this size. */
#define FLUSH_SIZE (64 * 1024)

/* Evidence content is base64-encoded in pieces of this many bytes (a
 * multiple of 3, so that every piece but the last needs no padding). */
#define BASE64_PIECE (3 * 16 * 1024)

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *out;
} Writer;

static gboolean
writer_flush (Writer    *writer,
              gboolean   force,
              GError   **error)
{
  if (writer->out->len == 0 || (!force && writer->out->len < FLUSH_SIZE))
    return TRUE;

  if (!g_output_stream_write_all (writer->stream, writer->out->str, writer->out->len,
                                  NULL, writer->cancellable, error))
    return FALSE;

  g_string_truncate (writer->out, 0);

  return TRUE;
}

static void
append_indent (GString *out,
               guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_autofree char *valid = NULL;
  const char *run;
  const char *p;

  if (text == NULL)
    text = "";

  /* Values come from documents, which hold valid UTF-8; anything else
   * must not make the export itself invalid. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');

  for (run = p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      const char *escape = NULL;

      if (c == '"')
        escape = "\\\"";
      else if (c == '\\')
        escape = "\\\\";
      else if (c == '\n')
        escape = "\\n";
      else if (c == '\r')
        escape = "\\r";
      else if (c == '\t')
        escape = "\\t";
      else if (c >= 0x20 && c != 0x7f)
        continue;

      g_string_append_len (out, run, p - run);
      if (escape != NULL)
        g_string_append (out, escape);
      else
        g_string_append_printf (out, "\\u%04x", c);
      run = p + 1;
    }

  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* Starts a member of an object at @depth: the separator, the indent, the
 * name. */
static void
begin_member (GString    *out,
              guint       depth,
              gboolean   *first,
              const char *name)
{
  g_string_append (out, *first ? "\n" : ",\n");
  *first = FALSE;
  append_indent (out, depth);
  append_json_string (out, name);
  g_string_append (out, ": ");
}

static void
append_datetime (GString   *out,
                 GDateTime *datetime)
{
  g_autofree char *text = NULL;

  if (datetime == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  text = g_date_time_format_iso8601 (datetime);
  append_json_string (out, text);
}

static void
append_value (GString      *out,
              GParamSpec   *pspec,
              const GValue *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    append_json_string (out, g_value_get_string (value));
  else if (type == G_TYPE_INT64)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, g_value_get_int64 (value));
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (out, g_value_get_boolean (value) ? "true" : "false");
  else if (type == G_TYPE_DATE_TIME)
    append_datetime (out, g_value_get_boxed (value));
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
      GEnumValue *enum_value = g_enum_get_value (enum_class, g_value_get_enum (value));

      append_json_string (out, enum_value ? enum_value->value_nick : "");
    }
  else
    g_assert_not_reached ();
}

static void
append_record_members (GString       *out,
                       DebriefRecord *record,
                       guint          depth,
                       gboolean      *first)
{
  DebriefRecordClass *klass = DEBRIEF_RECORD_GET_CLASS (record);

  begin_member (out, depth, first, "uuid");
  append_json_string (out, debrief_record_get_uuid (record));
  begin_member (out, depth, first, "modified_at");
  append_datetime (out, debrief_record_get_modified_at (record));
  begin_member (out, depth, first, "modified_by");
  append_json_string (out, debrief_record_get_modified_by (record));

  for (guint i = 0; i < debrief_record_class_get_n_columns (klass); i++)
    {
      begin_member (out, depth, first, debrief_record_class_get_column_name (klass, i));
      append_value (out, debrief_record_class_get_column (klass, i), debrief_record_peek_column_value (record, i));
    }
}

static gboolean
append_base64 (Writer        *writer,
               const guint8  *data,
               gsize          length,
               GError       **error)
{
  int state = 0;
  int save = 0;

  g_string_append_c (writer->out, '"');

  for (gsize offset = 0; offset < length; offset += BASE64_PIECE)
    {
      gsize piece = MIN (BASE64_PIECE, length - offset);
      gsize old_len = writer->out->len;
      gsize written;

      g_string_set_size (writer->out, old_len + (piece / 3 + 1) * 4 + 4);
      written = g_base64_encode_step (data + offset, piece, FALSE,
                                      writer->out->str + old_len, &state, &save);
      g_string_set_size (writer->out, old_len + written);

      if (!writer_flush (writer, FALSE, error))
        return FALSE;
    }

  {
    gsize old_len = writer->out->len;
    gsize written;

    g_string_set_size (writer->out, old_len + 8);
    written = g_base64_encode_close (FALSE, writer->out->str + old_len, &state, &save);
    g_string_set_size (writer->out, old_len + written);
  }

  g_string_append_c (writer->out, '"');

  return TRUE;
}

/* A chunk that cannot be read makes the document, not the export, at
 * fault. */
static gboolean
set_content_error (GError  **error,
                   GError   *cause)
{
  g_set_error (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_DAMAGED,
               _("The evidence content could not be read from the incident document: %s."),
               cause->message);
  g_error_free (cause);
  return FALSE;
}

/* The "content" member of an evidence item: its chunks, as they are
 * stored, one at a time. */
static gboolean
append_content (Writer           *writer,
                DebriefDocument  *document,
                DebriefEvidence  *evidence,
                guint             depth,
                GError          **error)
{
  g_autoptr(DebriefEvidenceReader) reader = debrief_evidence_reader_new (document, evidence);
  const DebriefEvidenceChunk *chunk;
  GError *local_error = NULL;
  gboolean first = TRUE;

  g_string_append_c (writer->out, '[');

  while (TRUE)
    {
      if (!debrief_evidence_reader_next_chunk (reader, &chunk, &local_error))
        return set_content_error (error, local_error);
      if (chunk == NULL)
        break;

      g_string_append (writer->out, first ? "\n" : ",\n");
      first = FALSE;
      append_indent (writer->out, depth + 1);
      g_string_append_printf (writer->out, "{ \"seq\": %" G_GINT64_FORMAT ", \"compression\": ", chunk->seq);
      append_json_string (writer->out, chunk->compression);
      g_string_append_printf (writer->out, ", \"size\": %" G_GINT64_FORMAT ", \"data\": ", chunk->size);

      if (!append_base64 (writer, chunk->data, chunk->length, error))
        return FALSE;

      g_string_append (writer->out, " }");

      if (!writer_flush (writer, FALSE, error))
        return FALSE;
    }

  if (!first)
    {
      g_string_append_c (writer->out, '\n');
      append_indent (writer->out, depth);
    }
  g_string_append_c (writer->out, ']');

  return TRUE;
}

static gboolean
write_document (Writer           *writer,
                DebriefDocument  *document,
                GError          **error)
{
  g_autofree char *created_by = debrief_document_dup_created_by (document);
  g_autoptr(GDateTime) created = debrief_document_dup_created_at (document);
  g_autofree char *generator = g_strdup_printf ("Debrief %s", PACKAGE_VERSION);
  const GType *types;
  guint n_types;
  gboolean first = TRUE;
  gboolean ok = FALSE;

  g_string_append_c (writer->out, '{');
  begin_member (writer->out, 1, &first, "format");
  append_json_string (writer->out, DEBRIEF_JSON_FORMAT);
  begin_member (writer->out, 1, &first, "format_version");
  g_string_append_printf (writer->out, "%d", DEBRIEF_JSON_FORMAT_VERSION);
  begin_member (writer->out, 1, &first, "schema_version");
  g_string_append_printf (writer->out, "%d", debrief_document_get_current_schema_version ());
  begin_member (writer->out, 1, &first, "generator");
  append_json_string (writer->out, generator);

  begin_member (writer->out, 1, &first, "document");
  {
    gboolean first_member = TRUE;

    g_string_append_c (writer->out, '{');
    begin_member (writer->out, 2, &first_member, "uuid");
    append_json_string (writer->out, debrief_document_get_uuid (document));
    begin_member (writer->out, 2, &first_member, "created_at");
    append_datetime (writer->out, created);
    begin_member (writer->out, 2, &first_member, "created_by");
    append_json_string (writer->out, created_by);
    begin_member (writer->out, 2, &first_member, "revision");
    append_json_string (writer->out, debrief_document_get_revision (document));
    g_string_append_c (writer->out, '\n');
    append_indent (writer->out, 1);
    g_string_append_c (writer->out, '}');
  }

  begin_member (writer->out, 1, &first, "incident");
  {
    gboolean first_member = TRUE;

    g_string_append_c (writer->out, '{');
    append_record_members (writer->out, DEBRIEF_RECORD (debrief_document_get_incident (document)), 2, &first_member);
    g_string_append_c (writer->out, '\n');
    append_indent (writer->out, 1);
    g_string_append_c (writer->out, '}');
  }

  types = debrief_document_list_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      GListModel *records = debrief_document_get_records (document, types[i]);
      guint n_items = g_list_model_get_n_items (records);

      begin_member (writer->out, 1, &first, debrief_json_get_member_name (types[i]));
      g_string_append_c (writer->out, '[');

      for (guint j = 0; j < n_items; j++)
        {
          g_autoptr(DebriefRecord) record = g_list_model_get_item (records, j);
          gboolean first_member = TRUE;

          if (g_cancellable_set_error_if_cancelled (writer->cancellable, error))
            goto out;

          g_string_append (writer->out, j == 0 ? "\n" : ",\n");
          append_indent (writer->out, 2);
          g_string_append_c (writer->out, '{');
          append_record_members (writer->out, record, 3, &first_member);

          if (DEBRIEF_IS_EVIDENCE (record))
            {
              begin_member (writer->out, 3, &first_member, "content");
              if (!append_content (writer, document, DEBRIEF_EVIDENCE (record), 3, error))
                goto out;
            }

          g_string_append_c (writer->out, '\n');
          append_indent (writer->out, 2);
          g_string_append_c (writer->out, '}');

          if (!writer_flush (writer, FALSE, error))
            goto out;
        }

      if (n_items > 0)
        {
          g_string_append_c (writer->out, '\n');
          append_indent (writer->out, 1);
        }
      g_string_append_c (writer->out, ']');
    }

  g_string_append (writer->out, "\n}\n");
  ok = writer_flush (writer, TRUE, error);

out:
  return ok;
}

/**
 * debrief_document_export_json:
 * @document: a #DebriefDocument
 * @stream: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Writes the whole incident of @document to @stream as JSON, in the
 * format described by data/debrief-incident.schema.json: every record with
 * its identifier and stamp, and the content of every evidence item. The
 * stream is not closed. This blocks.
 *
 * Returns: %TRUE if the whole incident was written
 */
gboolean
debrief_document_export_json (DebriefDocument  *document,
                              GOutputStream    *stream,
                              GCancellable     *cancellable,
                              GError          **error)
{
  g_autoptr(GString) out = g_string_sized_new (FLUSH_SIZE * 2);
  Writer writer = { stream, cancellable, out };

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_document (&writer, document, error);
}

/**
 * debrief_document_export_json_to_file:
 * @document: a #DebriefDocument
 * @file: the file to write, replaced if it exists
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Like debrief_document_export_json(), into @file. The file is replaced
 * only once the whole export is written; if anything fails, an existing
 * file is left as it was. This blocks.
 *
 * Returns: %TRUE if the whole incident was written
 */
gboolean
debrief_document_export_json_to_file (DebriefDocument  *document,
                                      GFile            *file,
                                      GCancellable     *cancellable,
                                      GError          **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error)))
    return FALSE;

  if (!debrief_document_export_json (document, G_OUTPUT_STREAM (stream), cancellable, error))
    {
      g_autoptr(GCancellable) abort = g_cancellable_new ();

      /* Closing with a cancelled cancellable leaves the original file. */
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}
