/* debrief-json.c
 *
 * The JSON interchange format: the members of an incident export, and its
 * import (the export is written by export/debrief-json-export.c).
 *
 * An import is untrusted input. It is checked as text first (UTF-8, how
 * deep it nests, numbers too large for json-glib to keep), then as JSON,
 * then member by member while it fills a new document; any error discards
 * that document and names the record and member at fault.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-json"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "debrief-document-private.h"
#include "debrief-evidence.h"
#include "debrief-evidence-store-private.h"
#include "debrief-incident.h"
#include "debrief-json.h"
#include "debrief-record-private.h"
#include "debrief-schema.h"
#include "debrief-text.h"

/* Our format nests five levels deep; anything much deeper is not ours,
 * and would only make the parser recurse. */
#define MAX_DEPTH 32

/* SQLite refuses longer values in a document (debrief-database.c). */
#define MAX_VALUE_LENGTH (64 * 1024 * 1024)

#define EXAMPLE_DATE "2026-03-14T09:30:00+01:00"

G_DEFINE_QUARK (debrief-json-error-quark, debrief_json_error)

typedef struct
{
  const char *table;
  const char *member;
  const char *kind;
} RecordKind;

/* The member each table is exported as, and what one of its records is
 * called in an error message. */
static const RecordKind record_kinds[] = {
  { "incident", "incident", N_("incident") },
  { "scope_item", "scope_items", N_("scope item") },
  { "participant", "participants", N_("participant") },
  { "evidence", "evidence", N_("evidence item") },
  { "timeline_event", "timeline_events", N_("timeline event") },
  { "phase_marker", "phase_markers", N_("phase marker") },
  { "contributing_factor", "factors", N_("contributing factor") },
  { "action_item", "action_items", N_("action item") },
  { "meeting_note", "meeting_notes", N_("meeting note") },
  { "feedback", "feedback", N_("feedback") },
  { "revision", "revisions", N_("revision") },
};

static const RecordKind *
record_kind_for_type (GType record_type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (record_type);
  const char *table = _debrief_record_class_get_table (DEBRIEF_RECORD_CLASS (klass));

  for (guint i = 0; i < G_N_ELEMENTS (record_kinds); i++)
    if (g_strcmp0 (record_kinds[i].table, table) == 0)
      return &record_kinds[i];

  return NULL;
}

/**
 * debrief_json_get_member_name:
 * @record_type: %DEBRIEF_TYPE_INCIDENT or one of
 *   debrief_document_list_record_types()
 *
 * Returns: the member of an incident export that holds the records of
 *   @record_type, such as "participants"
 */
const char *
debrief_json_get_member_name (GType record_type)
{
  const RecordKind *kind;

  g_return_val_if_fail (g_type_is_a (record_type, DEBRIEF_TYPE_RECORD), NULL);

  kind = record_kind_for_type (record_type);
  g_return_val_if_fail (kind != NULL, NULL);

  return kind->member;
}

/* --- Import: the text -------------------------------------------------- */

typedef struct
{
  gboolean unbalanced;
  guint    too_deep_line;
  guint    huge_number_line;
  char    *huge_number;
  guint    nul_line;
} TextFacts;

static void
text_facts_clear (TextFacts *facts)
{
  g_clear_pointer (&facts->huge_number, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TextFacts, text_facts_clear)

/* Whether the integer literal @text (digits with an optional minus) fits
 * in a gint64: json-glib wraps those that do not, silently. */
static gboolean
integer_fits (const char *text,
              gsize       length)
{
  gboolean negative = length > 0 && text[0] == '-';
  const char *limit = negative ? "9223372036854775808" : "9223372036854775807";
  gsize limit_len = strlen (limit);

  if (negative)
    {
      text++;
      length--;
    }

  while (length > 1 && text[0] == '0')
    {
      text++;
      length--;
    }

  if (length != limit_len)
    return length < limit_len;

  return strncmp (text, limit, length) <= 0;
}

static gboolean
is_number_char (char c)
{
  return g_ascii_isdigit (c) || c == '+' || c == '-' || c == '.' || c == 'e' || c == 'E';
}

/* What the parser would not tell: a lexical pass over valid UTF-8 @data
 * that notes where the text stops inside a string or an object, nests too
 * deeply, holds an integer json-glib would wrap, or a NUL character that
 * would cut a string short. */
static void
scan_text (const char *data,
           gsize       length,
           TextFacts  *facts)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  guint line = 1;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;

      if (in_string)
        {
          if (c == '\\' && i + 1 < length)
            {
              if (data[i + 1] == 'u' && i + 5 < length &&
                  strncmp (data + i + 2, "0000", 4) == 0 && facts->nul_line == 0)
                facts->nul_line = line;
              i++;
            }
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_DEPTH && facts->too_deep_line == 0)
            facts->too_deep_line = line;
        }
      else if (c == '}' || c == ']')
        {
          if (depth > 0)
            depth--;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          gsize start = i;
          gboolean integer = TRUE;

          while (i + 1 < length && is_number_char (data[i + 1]))
            {
              if (data[i + 1] == '.' || data[i + 1] == 'e' || data[i + 1] == 'E')
                integer = FALSE;
              i++;
            }

          if (integer && facts->huge_number == NULL && !integer_fits (data + start, i + 1 - start))
            {
              facts->huge_number = g_strndup (data + start, MIN (i + 1 - start, 40));
              facts->huge_number_line = line;
            }
        }
    }

  facts->unbalanced = in_string || depth > 0;
}

static const char *
first_char (const char *data,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return data + i;

  return NULL;
}

/* Parses @bytes, which it consumes to keep only one copy of a large
 * export in memory. */
static JsonNode *
parse_export (GBytes  *bytes,
              GError **error)
{
  g_autoptr(GBytes) owned = bytes;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_auto(TextFacts) facts = { 0, };
  const char *invalid = NULL;
  const char *data;
  const char *start;
  gsize length;

  data = g_bytes_get_data (owned, &length);

  if (length == 0 || debrief_text_is_blank (data, length))
    {
      g_set_error_literal (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_EMPTY,
                           _("The file is empty."));
      return NULL;
    }

  if (length >= 16 && memcmp (data, "SQLite format 3", 16) == 0)
    {
      g_set_error_literal (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_NOT_JSON,
                           _("The file is not JSON: it is a database, such as an incident document, not an export."));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      gsize rest = length - (gsize) (invalid - data);

      /* Text cut in the middle of a character was cut short. */
      if (rest < 4 && (guchar) *invalid >= 0xc0 &&
          g_utf8_get_char_validated (invalid, (gssize) rest) == (gunichar) -2)
        {
          g_set_error_literal (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_TRUNCATED,
                               _("The file ends too early: it was cut short while it was copied or written."));
          return NULL;
        }

      g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_NOT_JSON,
                   _("The file is not JSON: it is not UTF-8 text (at byte %" G_GSIZE_FORMAT ")."),
                   (gsize) (invalid - data));
      return NULL;
    }

  scan_text (data, length, &facts);
  start = first_char (data, length);

  if (facts.too_deep_line != 0)
    {
      g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_FOREIGN,
                   _("The file is not an incident exported by Debrief: it nests too deeply (line %u)."),
                   facts.too_deep_line);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      if (facts.unbalanced && (*start == '{' || *start == '['))
        g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_TRUNCATED,
                     _("The file ends too early: it was cut short while it was copied or written (%s)."),
                     parse_error->message);
      else
        {
          const char *detail = strstr (parse_error->message, "Parse error: ");
          guint line = 0;
          guint column = 0;

          /* json-glib says "<data>:LINE:COLUMN: Parse error: WHAT". */
          if (sscanf (parse_error->message, "<data>:%u:%u:", &line, &column) == 2 && detail != NULL)
            g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_NOT_JSON,
                         _("The file is not valid JSON: line %u, column %u: %s."),
                         line, column, detail + strlen ("Parse error: "));
          else
            g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_NOT_JSON,
                         _("The file is not valid JSON: %s."),
                         parse_error->message);
        }
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_EMPTY,
                           _("The file is empty."));
      return NULL;
    }

  if (facts.huge_number != NULL)
    {
      g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                   _("Line %u holds the number %s, which is too large for Debrief."),
                   facts.huge_number_line, facts.huge_number);
      return NULL;
    }

  if (facts.nul_line != 0)
    {
      g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                   _("Line %u holds text with a NUL character (\\u0000), which Debrief cannot store."),
                   facts.nul_line);
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}

/* --- Import: members --------------------------------------------------- */

static gboolean
node_is_type (JsonNode *node,
              GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* A JSON number that is a whole number: 3, and also 3.0 as some writers
 * put it. */
static gboolean
node_get_integer (JsonNode *node,
                  gint64   *value)
{
  if (node_is_type (node, G_TYPE_INT64))
    {
      *value = json_node_get_int (node);
      return TRUE;
    }

  if (node_is_type (node, G_TYPE_DOUBLE))
    {
      double d = json_node_get_double (node);

      /* Beyond 2^53 a double no longer holds every whole number. */
      if (d >= -9007199254740992.0 && d <= 9007199254740992.0 && d == (double) (gint64) d)
        {
          *value = (gint64) d;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
check_text (JsonNode    *node,
            const char  *label,
            const char  *name,
            GError     **error)
{
  const char *text;

  if (!node_is_type (node, G_TYPE_STRING))
    {
      g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                   _("%s: “%s” must be text."), label, name);
      return FALSE;
    }

  text = json_node_get_string (node);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                   _("%s: “%s” is not valid text."), label, name);
      return FALSE;
    }

  if (strlen (text) > MAX_VALUE_LENGTH)
    {
      g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                   _("%s: “%s” is too long for Debrief."), label, name);
      return FALSE;
    }

  return TRUE;
}

/* A date and time with its offset from UTC, as ISO 8601 (RFC 3339), or
 * null; *@value is %NULL for null. */
static gboolean
parse_datetime (JsonNode    *node,
                const char  *label,
                const char  *name,
                GDateTime  **value,
                GError     **error)
{
  *value = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (node_is_type (node, G_TYPE_STRING) &&
      g_utf8_validate (json_node_get_string (node), -1, NULL) &&
      (*value = g_date_time_new_from_iso8601 (json_node_get_string (node), NULL)) != NULL)
    return TRUE;

  g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
               _("%s: “%s” must be a date and time with its offset from UTC, such as “%s”, or null."),
               label, name, EXAMPLE_DATE);
  return FALSE;
}

static gboolean
value_from_json (GParamSpec  *pspec,
                 JsonNode    *node,
                 const char  *label,
                 const char  *name,
                 GValue      *value,
                 GError     **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    {
      if (!check_text (node, label, name, error))
        return FALSE;
      g_value_set_string (value, json_node_get_string (node));
    }
  else if (type == G_TYPE_INT64)
    {
      GParamSpecInt64 *ispec = G_PARAM_SPEC_INT64 (pspec);
      gint64 number;

      if (!node_get_integer (node, &number))
        {
          g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                       _("%s: “%s” must be a whole number."), label, name);
          return FALSE;
        }

      if (number < ispec->minimum || number > ispec->maximum)
        {
          g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                       _("%s: “%s” must be a whole number from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT "."),
                       label, name, ispec->minimum, ispec->maximum);
          return FALSE;
        }

      g_value_set_int64 (value, number);
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      if (!node_is_type (node, G_TYPE_BOOLEAN))
        {
          g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                       _("%s: “%s” must be true or false."), label, name);
          return FALSE;
        }
      g_value_set_boolean (value, json_node_get_boolean (node));
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *datetime = NULL;

      if (!parse_datetime (node, label, name, &datetime, error))
        return FALSE;
      g_value_take_boxed (value, datetime);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      GEnumValue *enum_value = NULL;

      if (node_is_type (node, G_TYPE_STRING))
        enum_value = g_enum_get_value_by_nick (enum_class, json_node_get_string (node));

      if (enum_value == NULL)
        {
          g_autoptr(GString) nicks = g_string_new (NULL);

          for (guint i = 0; i < enum_class->n_values; i++)
            g_string_append_printf (nicks, "%s“%s”", i > 0 ? ", " : "", enum_class->values[i].value_nick);

          g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                       _("%s: “%s” must be one of %s."), label, name, nicks->str);
          return FALSE;
        }

      g_value_set_enum (value, enum_value->value);
    }
  else
    g_assert_not_reached ();

  return TRUE;
}

typedef struct
{
  DebriefDocument *document;
  GCancellable    *cancellable;
  GHashTable      *uuids;
  GDateTime       *now;
  sqlite3_stmt    *insert_chunk;
} Importer;

/* The record @object describes, checked member by member. Missing members
 * keep their defaults; unknown ones are ignored. */
static DebriefRecord *
record_from_json (Importer    *importer,
                  GType        type,
                  JsonObject  *object,
                  const char  *label,
                  GError     **error)
{
  g_autoptr(DebriefRecord) record = NULL;
  g_autoptr(GDateTime) modified_at = NULL;
  g_autofree char *uuid = NULL;
  const char *modified_by = debrief_document_get_user_name (importer->document);
  DebriefRecordClass *klass;
  JsonNode *node;

  if ((node = json_object_get_member (object, "uuid")) != NULL)
    {
      if (!node_is_type (node, G_TYPE_STRING) || !g_uuid_string_is_valid (json_node_get_string (node)))
        {
          g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                       _("%s: “%s” must be an identifier such as “%s”."),
                       label, "uuid", "0b7f6d0e-3c52-4b8e-9a57-1d2f0c4e8a61");
          return NULL;
        }
      uuid = g_strdup (json_node_get_string (node));
    }
  else
    uuid = g_uuid_string_random ();

  if (g_hash_table_contains (importer->uuids, uuid))
    {
      g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_DUPLICATE,
                   _("%s has the identifier “%s”, which an earlier record has already."),
                   label, uuid);
      return NULL;
    }

  if ((node = json_object_get_member (object, "modified_at")) != NULL &&
      !parse_datetime (node, label, "modified_at", &modified_at, error))
    return NULL;

  if ((node = json_object_get_member (object, "modified_by")) != NULL)
    {
      if (!check_text (node, label, "modified_by", error))
        return NULL;
      modified_by = json_node_get_string (node);
    }

  record = _debrief_record_new_with_uuid (type, uuid);
  klass = DEBRIEF_RECORD_GET_CLASS (record);

  for (guint i = 0; i < _debrief_record_class_get_n_columns (klass); i++)
    {
      const char *name = _debrief_record_class_get_column_name (klass, i);
      g_auto(GValue) value = G_VALUE_INIT;

      if ((node = json_object_get_member (object, name)) == NULL)
        continue;

      if (!value_from_json (_debrief_record_class_get_column (klass, i), node, label, name, &value, error))
        return NULL;

      _debrief_record_load_value (record, i, &value);
    }

  _debrief_record_set_stamp (record, modified_at ? modified_at : importer->now, modified_by);
  g_hash_table_add (importer->uuids, g_steal_pointer (&uuid));

  return g_steal_pointer (&record);
}

/* Whether @text is base64 as RFC 4648 writes it: no line breaks, padding
 * only at the end. g_base64_decode() skips what it does not know. */
static gboolean
is_base64 (const char *text,
           gsize       length)
{
  gsize padding = 0;

  if (length % 4 != 0)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '=')
        {
          if (i < length - 2)
            return FALSE;
          padding++;
        }
      else if (padding > 0 || !(g_ascii_isalnum (c) || c == '+' || c == '/'))
        return FALSE;
    }

  return TRUE;
}

/* How many bytes zlib @data inflates to, stopping as soon as it would be
 * more than @limit, so that a small chunk cannot claim a huge output. */
static gboolean
inflated_size (const guint8 *data,
               gsize         length,
               gint64        limit,
               gint64       *size)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  g_autofree guint8 *buffer = g_malloc (64 * 1024);
  gsize offset = 0;

  *size = 0;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gsize bytes_read = 0;
      gsize bytes_written = 0;
      GConverterResult result;

      result = g_converter_convert (G_CONVERTER (decompressor),
                                    data + offset, length - offset,
                                    buffer, 64 * 1024,
                                    G_CONVERTER_INPUT_AT_END,
                                    &bytes_read, &bytes_written, &error);
      if (result == G_CONVERTER_ERROR)
        return FALSE;

      offset += bytes_read;
      *size += bytes_written;

      if (*size > limit)
        return FALSE;

      if (result == G_CONVERTER_FINISHED)
        return offset == length;

      if (bytes_read == 0 && bytes_written == 0)
        return FALSE;
    }
}

static gboolean
import_content (Importer     *importer,
                const char   *evidence_uuid,
                JsonNode     *content,
                const char   *label,
                GError      **error)
{
  sqlite3 *db = _debrief_document_get_db (importer->document);
  g_autoptr(GHashTable) seqs = NULL;
  JsonArray *chunks;

  if (!JSON_NODE_HOLDS_ARRAY (content))
    {
      g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                   _("%s: “%s” must be a list."), label, "content");
      return FALSE;
    }

  if (importer->insert_chunk == NULL &&
      sqlite3_prepare_v2 (db,
                          "INSERT INTO evidence_chunk (evidence_uuid, seq, compression, size, data) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)",
                          -1, &importer->insert_chunk, NULL) != SQLITE_OK)
    {
      g_set_error (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_WRITE_FAILED,
                   _("The evidence could not be imported: %s."), sqlite3_errmsg (db));
      return FALSE;
    }

  seqs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  chunks = json_node_get_array (content);

  for (guint i = 0; i < json_array_get_length (chunks); i++)
    {
      JsonNode *element = json_array_get_element (chunks, i);
      /* Translators: a part of an evidence item's content in an error
       * message, such as "evidence item 2, chunk 3". */
      g_autofree char *chunk_label = g_strdup_printf (_("%s, chunk %u"), label, i + 1);
      const char *compression = "none";
      const char *encoded = "";
      g_autofree guint8 *data = NULL;
      gsize data_len = 0;
      gint64 seq = i;
      gint64 size = -1;
      gint64 actual = 0;
      JsonObject *object;
      JsonNode *node;
      int rc;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                       _("%s must be an object with “seq”, “compression”, “size” and “data”."),
                       chunk_label);
          return FALSE;
        }
      object = json_node_get_object (element);

      if ((node = json_object_get_member (object, "seq")) != NULL &&
          (!node_get_integer (node, &seq) || seq < 0))
        {
          g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                       _("%s: “%s” must be a whole number from 0."), chunk_label, "seq");
          return FALSE;
        }

      if ((node = json_object_get_member (object, "compression")) != NULL)
        {
          if (!node_is_type (node, G_TYPE_STRING) ||
              (g_strcmp0 (json_node_get_string (node), "none") != 0 &&
               g_strcmp0 (json_node_get_string (node), "zlib") != 0))
            {
              g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                           _("%s: “%s” must be one of %s."), chunk_label, "compression", "“none”, “zlib”");
              return FALSE;
            }
          compression = json_node_get_string (node);
        }

      if ((node = json_object_get_member (object, "size")) != NULL &&
          (!node_get_integer (node, &size) || size < 0 || size > MAX_VALUE_LENGTH))
        {
          g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                       _("%s: “%s” must be a whole number from %d to %d."),
                       chunk_label, "size", 0, MAX_VALUE_LENGTH);
          return FALSE;
        }

      if ((node = json_object_get_member (object, "data")) != NULL)
        {
          if (!node_is_type (node, G_TYPE_STRING))
            {
              g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                           _("%s: “%s” must be text."), chunk_label, "data");
              return FALSE;
            }
          encoded = json_node_get_string (node);
        }

      if (strlen (encoded) > (gsize) MAX_VALUE_LENGTH / 3 * 4 + 4 ||
          !is_base64 (encoded, strlen (encoded)))
        {
          g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_CONTENT,
                       _("%s: the data is not valid base64."), chunk_label);
          return FALSE;
        }

      if (*encoded != '\0')
        data = g_base64_decode (encoded, &data_len);

      if (data_len > MAX_VALUE_LENGTH)
        {
          g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_CONTENT,
                       _("%s is larger than Debrief stores in one piece."), chunk_label);
          return FALSE;
        }

      if (g_str_equal (compression, "zlib"))
        {
          if (!inflated_size (data, data_len, size >= 0 ? size : MAX_VALUE_LENGTH, &actual))
            {
              g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_CONTENT,
                           _("%s: the data is not valid zlib data of the size it states."), chunk_label);
              return FALSE;
            }
        }
      else
        actual = (gint64) data_len;

      if (size < 0)
        size = actual;

      if (size != actual)
        {
          g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_CONTENT,
                       _("%s says it holds %" G_GINT64_FORMAT " bytes, but its data holds %" G_GINT64_FORMAT "."),
                       chunk_label, size, actual);
          return FALSE;
        }

      if (g_hash_table_contains (seqs, &seq))
        {
          g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_CONTENT,
                       _("%s has the same “seq” as an earlier chunk."), chunk_label);
          return FALSE;
        }
      g_hash_table_add (seqs, g_memdup2 (&seq, sizeof seq));

      sqlite3_reset (importer->insert_chunk);
      sqlite3_bind_text (importer->insert_chunk, 1, evidence_uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (importer->insert_chunk, 2, seq);
      sqlite3_bind_text (importer->insert_chunk, 3, compression, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (importer->insert_chunk, 4, size);
      /* A zero-length blob, not NULL, for an empty chunk. */
      sqlite3_bind_blob64 (importer->insert_chunk, 5, data ? (const void *) data : "", data_len, SQLITE_STATIC);
      rc = sqlite3_step (importer->insert_chunk);
      sqlite3_reset (importer->insert_chunk);
      sqlite3_clear_bindings (importer->insert_chunk);

      if (rc != SQLITE_DONE)
        {
          g_set_error (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_WRITE_FAILED,
                       _("%s could not be stored: %s."), chunk_label, sqlite3_errmsg (db));
          return FALSE;
        }

      if (g_cancellable_set_error_if_cancelled (importer->cancellable, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
import_record (Importer    *importer,
               GType        type,
               JsonNode    *node,
               const char  *label,
               GError     **error)
{
  g_autoptr(DebriefRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *content;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                   _("%s must be an object."), label);
      return FALSE;
    }

  if (!(record = record_from_json (importer, type, json_node_get_object (node), label, error)))
    return FALSE;

  /* The content first, so that a log's lines can be indexed anew (an
   * export's chunks need not end at line ends) before its row is written. */
  if (DEBRIEF_IS_EVIDENCE (record) &&
      (content = json_object_get_member (json_node_get_object (node), "content")) != NULL)
    {
      if (!import_content (importer, debrief_record_get_uuid (record), content, label, error))
        return FALSE;

      if (debrief_evidence_get_kind (DEBRIEF_EVIDENCE (record)) == DEBRIEF_EVIDENCE_KIND_LOG)
        {
          g_autoptr(DebriefEvidenceSource) source = debrief_evidence_source_new (importer->document);
          DebriefTimestampContext context;

          _debrief_evidence_source_get_context (source, &context);
          if (!_debrief_evidence_reindex_log (_debrief_document_get_db (importer->document),
                                              DEBRIEF_EVIDENCE (record), &context, &local_error))
            {
              g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", label);
              return FALSE;
            }
        }
    }

  if (!_debrief_document_import_record (importer->document, record, &local_error))
    {
      sqlite3 *db = _debrief_document_get_db (importer->document);

      /* The table's constraints are stricter than some properties' ranges
       * (an evidence item's size is never negative). */
      if ((sqlite3_errcode (db) & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                     _("%s holds a value Debrief cannot store (%s)."), label, sqlite3_errmsg (db));
      else
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", label);
      return FALSE;
    }

  return !g_cancellable_set_error_if_cancelled (importer->cancellable, error);
}

static gboolean
import_document_info (Importer    *importer,
                      JsonObject  *root,
                      GError     **error)
{
  const char *label = _("the document");
  g_autoptr(GDateTime) created_at = NULL;
  g_autofree char *created_at_text = NULL;
  g_autofree char *uuid = NULL;
  const char *created_by = debrief_document_get_user_name (importer->document);
  JsonObject *object = NULL;
  JsonNode *node;

  if ((node = json_object_get_member (root, "document")) != NULL)
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                       _("“%s” must be an object."), "document");
          return FALSE;
        }
      object = json_node_get_object (node);
    }

  if (object != NULL && (node = json_object_get_member (object, "uuid")) != NULL)
    {
      if (!node_is_type (node, G_TYPE_STRING) || !g_uuid_string_is_valid (json_node_get_string (node)))
        {
          g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                       _("%s: “%s” must be an identifier such as “%s”."),
                       label, "uuid", "0b7f6d0e-3c52-4b8e-9a57-1d2f0c4e8a61");
          return FALSE;
        }
      uuid = g_strdup (json_node_get_string (node));
    }
  else
    uuid = g_uuid_string_random ();

  if (object != NULL && (node = json_object_get_member (object, "created_at")) != NULL &&
      !parse_datetime (node, label, "created_at", &created_at, error))
    return FALSE;

  if (object != NULL && (node = json_object_get_member (object, "created_by")) != NULL)
    {
      if (!check_text (node, label, "created_by", error))
        return FALSE;
      created_by = json_node_get_string (node);
    }

  if (object != NULL && (node = json_object_get_member (object, "revision")) != NULL &&
      !check_text (node, label, "revision", error))
    return FALSE;

  created_at_text = g_date_time_format_iso8601 (created_at ? created_at : importer->now);

  return _debrief_document_import_info (importer->document, uuid, created_at_text, created_by, error);
}

static gboolean
check_format (JsonNode  *root,
              GError   **error)
{
  JsonObject *object;
  JsonNode *node;
  gint64 version;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_FOREIGN,
                           _("The file is JSON, but not an incident exported by Debrief."));
      return FALSE;
    }

  object = json_node_get_object (root);
  node = json_object_get_member (object, "format");

  if (node == NULL || !node_is_type (node, G_TYPE_STRING) ||
      g_strcmp0 (json_node_get_string (node), DEBRIEF_JSON_FORMAT) != 0)
    {
      g_set_error_literal (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_FOREIGN,
                           _("The file is JSON, but not an incident exported by Debrief."));
      return FALSE;
    }

  node = json_object_get_member (object, "format_version");

  if (node == NULL || !node_get_integer (node, &version) || version < 1)
    {
      g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                   _("The export has no valid “%s”: it must be a whole number from 1."),
                   "format_version");
      return FALSE;
    }

  if (version > DEBRIEF_JSON_FORMAT_VERSION)
    {
      g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_NEWER,
                   _("The incident was exported by a newer version of Debrief (format version %"
                     G_GINT64_FORMAT "; this version reads up to %d). Update Debrief to import it."),
                   version, DEBRIEF_JSON_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
import_records (Importer    *importer,
                JsonObject  *root,
                GError     **error)
{
  const GType *types;
  guint n_types;
  JsonNode *node;

  if ((node = json_object_get_member (root, "incident")) != NULL)
    {
      if (!import_record (importer, DEBRIEF_TYPE_INCIDENT, node, _("the incident"), error))
        return FALSE;
    }
  else
    {
      /* The new document's own, empty incident stays. */
      DebriefRecord *incident = DEBRIEF_RECORD (debrief_document_get_incident (importer->document));

      g_hash_table_add (importer->uuids, g_strdup (debrief_record_get_uuid (incident)));
    }

  types = debrief_document_list_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      const RecordKind *kind = record_kind_for_type (types[i]);
      JsonArray *array;

      if ((node = json_object_get_member (root, kind->member)) == NULL)
        continue;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          g_set_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_INVALID,
                       _("“%s” must be a list."), kind->member);
          return FALSE;
        }

      array = json_node_get_array (node);
      for (guint j = 0; j < json_array_get_length (array); j++)
        {
          /* Translators: a record in an error message, such as
           * "participant 3". */
          g_autofree char *label = g_strdup_printf (_("%s %u"), _(kind->kind), j + 1);

          if (!import_record (importer, types[i], json_array_get_element (array, j), label, error))
            return FALSE;
        }
    }

  return TRUE;
}

static GBytes *
read_all (GInputStream  *stream,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

  if (g_output_stream_splice (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, cancellable, error) < 0)
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static DebriefDocument *
import_bytes (GBytes        *bytes,
              const char    *user_name,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(DebriefDocument) document = NULL;
  g_autoptr(GHashTable) uuids = NULL;
  g_autoptr(GDateTime) now = NULL;
  Importer importer = { 0, };
  sqlite3 *db;
  gboolean ok;

  if (!(root = parse_export (bytes, error)) || !check_format (root, error))
    return NULL;

  if (!(document = debrief_document_new (user_name, error)))
    return NULL;

  uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  now = g_date_time_new_now_utc ();
  importer.document = document;
  importer.cancellable = cancellable;
  importer.uuids = uuids;
  importer.now = now;

  /* One transaction: fast, and all or nothing. The undo history stays
   * empty; an imported incident is new, unsaved work. */
  db = _debrief_document_get_db (document);
  ok = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK;
  if (!ok)
    g_set_error (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_WRITE_FAILED,
                 _("The incident could not be imported: %s."), sqlite3_errmsg (db));

  ok = ok &&
       import_document_info (&importer, json_node_get_object (root), error) &&
       import_records (&importer, json_node_get_object (root), error);

  g_clear_pointer (&importer.insert_chunk, sqlite3_finalize);

  if (ok && sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_WRITE_FAILED,
                   _("The incident could not be imported: %s."), sqlite3_errmsg (db));
      ok = FALSE;
    }

  if (!ok)
    {
      debrief_document_close (document);
      return NULL;
    }

  return g_steal_pointer (&document);
}

/**
 * debrief_document_import_json:
 * @stream: an incident exported by debrief_document_export_json()
 * @user_name: (nullable): the name edits are recorded under
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Creates a new, untitled document holding the incident read from
 * @stream: the same incident, with the identifiers and stamps of every
 * record, the content of every evidence item, and the document's
 * identifier. The document is modified (it is not saved anywhere yet) and
 * has nothing to undo. Any error in the input gives a #DEBRIEF_JSON_ERROR
 * that names the record and member at fault, and no document. This blocks.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
DebriefDocument *
debrief_document_import_json (GInputStream  *stream,
                              const char    *user_name,
                              GCancellable  *cancellable,
                              GError       **error)
{
  GBytes *bytes;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = read_all (stream, cancellable, error)))
    return NULL;

  return import_bytes (bytes, user_name, cancellable, error);
}

/**
 * debrief_document_import_json_file:
 * @file: an incident exported by debrief_document_export_json()
 * @user_name: (nullable): the name edits are recorded under
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Like debrief_document_import_json(), from @file.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
DebriefDocument *
debrief_document_import_json_file (GFile         *file,
                                   const char    *user_name,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stream = g_file_read (file, cancellable, error)))
    return NULL;

  return debrief_document_import_json (G_INPUT_STREAM (stream), user_name, cancellable, error);
}
