/* test-json.c
 *
 * The JSON interchange format: every field and every evidence chunk
 * through export and import, through save and open, the format as a
 * reader sees it, its schema, and bad input of every kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "debrief-document-private.h"
#include "debrief-evidence.h"
#include "debrief-factor.h"
#include "debrief-feedback.h"
#include "debrief-json.h"
#include "debrief-json-export.h"
#include "debrief-schema.h"
#include "debrief-participant.h"
#include "debrief-record-private.h"
#include "debrief-revision.h"
#include "debrief-test-records.h"
#include "debrief-test-util.h"

static char *data_home;

/* Every evidence chunk of @document, one per line, data in hexadecimal. */
static char *
describe_chunks (DebriefDocument *document)
{
  sqlite3 *db = _debrief_document_get_db (document);
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT evidence_uuid, seq, compression, size, hex (data) "
                                       "FROM evidence_chunk ORDER BY evidence_uuid, seq",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s|%lld|%s|%lld|%s\n",
                            sqlite3_column_text (stmt, 0),
                            (long long) sqlite3_column_int64 (stmt, 1),
                            sqlite3_column_text (stmt, 2),
                            (long long) sqlite3_column_int64 (stmt, 3),
                            sqlite3_column_text (stmt, 4));
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_documents_equal (DebriefDocument *a,
                        DebriefDocument *b,
                        gboolean         with_revisions)
{
  g_autofree char *chunks_a = describe_chunks (a);
  g_autofree char *chunks_b = describe_chunks (b);
  g_autofree char *created_at_a = _debrief_document_dup_info (a, "created-at");
  g_autofree char *created_at_b = _debrief_document_dup_info (b, "created-at");
  g_autofree char *created_by_a = _debrief_document_dup_info (a, "created-by");
  g_autofree char *created_by_b = _debrief_document_dup_info (b, "created-by");
  g_autoptr(GDateTime) created_a = g_date_time_new_from_iso8601 (created_at_a, NULL);
  g_autoptr(GDateTime) created_b = g_date_time_new_from_iso8601 (created_at_b, NULL);

  g_assert_cmpstr (debrief_document_get_uuid (a), ==, debrief_document_get_uuid (b));
  g_assert_nonnull (created_a);
  g_assert_nonnull (created_b);
  g_assert_true (g_date_time_equal (created_a, created_b));
  g_assert_cmpstr (created_by_a, ==, created_by_b);

  debrief_test_assert_same_records (a, b, with_revisions);

  g_assert_cmpstr (chunks_a, ==, chunks_b);
}

static GBytes *
zlib_compress (const char *text)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) stream = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (stream, text, strlen (text), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
add_chunk (DebriefDocument *document,
           const char      *evidence_uuid,
           gint64           seq,
           const char      *compression,
           GBytes          *data,
           gint64           size)
{
  sqlite3 *db = _debrief_document_get_db (document);
  sqlite3_stmt *stmt = NULL;
  gsize length;
  gconstpointer bytes = g_bytes_get_data (data, &length);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO evidence_chunk (evidence_uuid, seq, compression, size, data) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, evidence_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, seq);
  sqlite3_bind_text (stmt, 3, compression, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, size);
  sqlite3_bind_blob (stmt, 5, bytes ? bytes : "", (int) length, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static const char log_text[] =
  "[    0.000000] Booting firmware 4.2.1\n"
  "[   12.503112] watchdog: BUG: soft lockup - CPU#0 stuck for 23s!\n"
  "[   12.503200] ISR gpio_irq took 812 ms\n";

/* Evidence content the way importers store it: zlib chunks, an
 * uncompressed one, an empty one; every byte value. */
static void
add_content (DebriefDocument *document)
{
  GListModel *evidence = debrief_document_get_records (document, DEBRIEF_TYPE_EVIDENCE);
  g_autoptr(DebriefRecord) first = g_list_model_get_item (evidence, 0);
  g_autoptr(DebriefRecord) second = g_list_model_get_item (evidence, 1);
  g_autoptr(GBytes) compressed = zlib_compress (log_text);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  guint8 every_byte[256 * 3 + 1];
  g_autoptr(GBytes) binary = NULL;

  for (guint i = 0; i < sizeof every_byte; i++)
    every_byte[i] = (guint8) (i * 7);
  binary = g_bytes_new (every_byte, sizeof every_byte);

  add_chunk (document, debrief_record_get_uuid (first), 0, "zlib", compressed, strlen (log_text));
  add_chunk (document, debrief_record_get_uuid (first), 1, "none", binary, sizeof every_byte);
  add_chunk (document, debrief_record_get_uuid (first), 2, "none", empty, 0);
  add_chunk (document, debrief_record_get_uuid (second), 0, "zlib", compressed, strlen (log_text));
}

/* A document with every field of the incident and of two records of each
 * kind set to a value that is not the default, and evidence content. */
static DebriefDocument *
new_filled_document (void)
{
  DebriefDocument *document = debrief_test_new_document ("Ada Lovelace");

  debrief_test_fill_document (document);
  add_content (document);

  return document;
}

static GBytes *
export_to_bytes (DebriefDocument *document)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (debrief_document_export_json (document, stream, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static DebriefDocument *
import_from_data (const char  *data,
                  gssize       length,
                  GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length < 0 ? strlen (data) : (gsize) length);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

  return debrief_document_import_json (stream, "Grace Hopper", NULL, error);
}

static DebriefDocument *
import_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  DebriefDocument *document;

  document = import_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static void
test_round_trip_every_field (void)
{
  g_autoptr(DebriefDocument) original = new_filled_document ();
  g_autoptr(DebriefDocument) imported = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GBytes) again = NULL;

  exported = export_to_bytes (original);
  imported = import_bytes (exported);

  assert_documents_equal (original, imported, TRUE);

  /* An imported incident is new, unsaved work, with nothing to undo. */
  g_assert_true (debrief_document_get_modified (imported));
  g_assert_false (debrief_document_get_can_undo (imported));
  g_assert_false (debrief_document_get_read_only (imported));
  g_assert_null (debrief_document_get_file (imported));

  /* Nothing is lost or changed on the way: exporting the import gives
   * the same bytes. */
  again = export_to_bytes (imported);
  if (!g_bytes_equal (exported, again))
    g_error ("The export of the import differs from the export:\n%s\n---\n%s",
             (const char *) g_bytes_get_data (exported, NULL), (const char *) g_bytes_get_data (again, NULL));

  /* And it is an ordinary document: an edit is a step to undo. */
  debrief_incident_set_title (debrief_document_get_incident (imported), "Edited after import");
  g_assert_true (debrief_document_get_can_undo (imported));

  debrief_test_close_document (g_steal_pointer (&original));
  debrief_test_close_document (g_steal_pointer (&imported));
}

static void
test_round_trip_through_files (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Gateway outage.debrief", NULL);
  g_autofree char *json_path = g_build_filename (dir, "Gateway outage.json", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "imported.debrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);
  g_autoptr(DebriefDocument) original = new_filled_document ();
  g_autoptr(DebriefDocument) opened = NULL;
  g_autoptr(DebriefDocument) imported = NULL;
  g_autoptr(DebriefDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *revisions;

  g_assert_true (debrief_document_save (original, file, NULL, &error));
  g_assert_no_error (error);

  opened = debrief_document_open (file, DEBRIEF_OPEN_FLAGS_READ_ONLY, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (debrief_document_export_json_to_file (opened, json_file, NULL, &error));
  g_assert_no_error (error);

  /* A second export replaces the first. */
  g_assert_true (debrief_document_export_json_to_file (opened, json_file, NULL, &error));
  g_assert_no_error (error);

  imported = debrief_document_import_json_file (json_file, "Grace Hopper", NULL, &error);
  g_assert_no_error (error);
  assert_documents_equal (opened, imported, TRUE);

  g_assert_true (debrief_document_save (imported, copy_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (debrief_document_get_modified (imported));

  reopened = debrief_document_open (copy_file, DEBRIEF_OPEN_FLAGS_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_documents_equal (original, reopened, FALSE);

  /* The history of saves came along, and the new save added to it. */
  revisions = debrief_document_get_records (reopened, DEBRIEF_TYPE_REVISION);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==,
                    g_list_model_get_n_items (debrief_document_get_records (opened, DEBRIEF_TYPE_REVISION)) + 1);

  debrief_test_close_document (g_steal_pointer (&original));
  debrief_test_close_document (g_steal_pointer (&opened));
  debrief_test_close_document (g_steal_pointer (&imported));
  debrief_test_close_document (g_steal_pointer (&reopened));
  debrief_test_remove_tree (dir);
}

static JsonObject *
get_object (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    g_error ("“%s” is not an object", member);

  return json_node_get_object (node);
}

static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    g_error ("“%s” is not an array", member);

  return json_node_get_array (node);
}

static void
test_export_format (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Ada Lovelace");
  g_autoptr(DebriefParticipant) ada = debrief_participant_new ();
  g_autoptr(DebriefEvidence) log = debrief_evidence_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (3600 + 1800);
  g_autoptr(GDateTime) started = g_date_time_new (zone, 2026, 3, 14, 9, 30, 0);
  g_autoptr(GBytes) compressed = zlib_compress (log_text);
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree guchar *decoded = NULL;
  JsonObject *root, *incident, *participant, *info, *chunk;
  JsonArray *content;
  const GType *types;
  guint n_types;
  gsize decoded_len;

  debrief_incident_set_title (debrief_document_get_incident (document), "Gateway fleet reboot loop");
  debrief_incident_set_status (debrief_document_get_incident (document), DEBRIEF_INCIDENT_STATUS_IN_REVIEW);
  debrief_incident_set_started_at (debrief_document_get_incident (document), started);
  debrief_participant_set_name (ada, "Ada");
  debrief_participant_set_position (ada, 3);
  debrief_participant_set_present (ada, FALSE);
  g_assert_true (debrief_document_add (document, DEBRIEF_RECORD (ada), &error));
  g_assert_true (debrief_document_add (document, DEBRIEF_RECORD (log), &error));
  g_assert_no_error (error);
  add_chunk (document, debrief_record_get_uuid (DEBRIEF_RECORD (log)), 0, "zlib", compressed, strlen (log_text));

  exported = export_to_bytes (document);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (exported, NULL), g_bytes_get_size (exported), &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "debrief-incident");
  g_assert_cmpint (json_object_get_int_member (root, "format_version"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (root, "schema_version"), ==, DEBRIEF_SCHEMA_VERSION);

  info = get_object (root, "document");
  g_assert_cmpstr (json_object_get_string_member (info, "uuid"), ==, debrief_document_get_uuid (document));
  g_assert_cmpstr (json_object_get_string_member (info, "created_by"), ==, "Ada Lovelace");
  g_assert_cmpstr (json_object_get_string_member (info, "revision"), ==, "");

  incident = get_object (root, "incident");
  g_assert_cmpstr (json_object_get_string_member (incident, "title"), ==, "Gateway fleet reboot loop");
  g_assert_cmpstr (json_object_get_string_member (incident, "status"), ==, "in-review");
  g_assert_cmpstr (json_object_get_string_member (incident, "started_at"), ==, "2026-03-14T09:30:00+01:30");
  g_assert_true (json_object_get_null_member (incident, "resolved_at"));
  g_assert_cmpstr (json_object_get_string_member (incident, "modified_by"), ==, "Ada Lovelace");

  /* Every kind of record has its list, under its name. */
  types = debrief_document_list_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    get_array (root, debrief_json_get_member_name (types[i]));
  g_assert_cmpstr (debrief_json_get_member_name (DEBRIEF_TYPE_FACTOR), ==, "factors");

  g_assert_cmpuint (json_array_get_length (get_array (root, "participants")), ==, 1);
  participant = json_array_get_object_element (get_array (root, "participants"), 0);
  g_assert_cmpstr (json_object_get_string_member (participant, "uuid"), ==, debrief_record_get_uuid (DEBRIEF_RECORD (ada)));
  g_assert_cmpstr (json_object_get_string_member (participant, "name"), ==, "Ada");
  g_assert_true (json_node_get_value_type (json_object_get_member (participant, "present")) == G_TYPE_BOOLEAN);
  g_assert_false (json_object_get_boolean_member (participant, "present"));
  g_assert_true (json_node_get_value_type (json_object_get_member (participant, "position")) == G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (participant, "position"), ==, 3);
  g_assert_true (json_object_has_member (participant, "modified_at"));

  content = get_array (json_array_get_object_element (get_array (root, "evidence"), 0), "content");
  g_assert_cmpuint (json_array_get_length (content), ==, 1);
  chunk = json_array_get_object_element (content, 0);
  g_assert_cmpint (json_object_get_int_member (chunk, "seq"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (chunk, "compression"), ==, "zlib");
  g_assert_cmpint (json_object_get_int_member (chunk, "size"), ==, strlen (log_text));
  decoded = g_base64_decode (json_object_get_string_member (chunk, "data"), &decoded_len);
  g_assert_cmpmem (decoded, decoded_len, g_bytes_get_data (compressed, NULL), g_bytes_get_size (compressed));

  debrief_test_close_document (g_steal_pointer (&document));
}

static void
test_missing_and_unknown_members (void)
{
  g_autoptr(DebriefDocument) minimal = NULL;
  g_autoptr(DebriefDocument) sparse = NULL;
  g_autoptr(DebriefParticipant) participant = NULL;
  g_autoptr(DebriefFeedback) feedback = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *participants;

  minimal = import_from_data ("{\"format\": \"debrief-incident\", \"format_version\": 1}", -1, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (debrief_document_get_uuid (minimal)));
  g_assert_cmpstr (debrief_incident_get_title (debrief_document_get_incident (minimal)), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (debrief_document_get_records (minimal, DEBRIEF_TYPE_PARTICIPANT)), ==, 0);
  g_assert_true (debrief_document_get_modified (minimal));

  sparse = import_from_data ("{\"format\": \"debrief-incident\", \"format_version\": 1,"
                             " \"from_the_future\": {\"x\": [1, 2]},"
                             " \"incident\": {\"title\": \"Watchdog storm\", \"colour\": \"red\"},"
                             " \"participants\": [{\"name\": \"Ada\"}, {\"name\": \"Grace\", \"present\": false}],"
                             " \"feedback\": [{\"rating\": 4.0}]}",
                             -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (debrief_incident_get_title (debrief_document_get_incident (sparse)), ==, "Watchdog storm");

  participants = debrief_document_get_records (sparse, DEBRIEF_TYPE_PARTICIPANT);
  g_assert_cmpuint (g_list_model_get_n_items (participants), ==, 2);
  participant = g_list_model_get_item (participants, 0);
  g_assert_cmpstr (debrief_participant_get_name (participant), ==, "Ada");
  g_assert_true (debrief_participant_get_present (participant));
  g_assert_cmpstr (debrief_participant_get_role (participant), ==, "");
  g_assert_true (g_uuid_string_is_valid (debrief_record_get_uuid (DEBRIEF_RECORD (participant))));
  g_assert_cmpstr (debrief_record_get_modified_by (DEBRIEF_RECORD (participant)), ==, "Grace Hopper");
  g_assert_nonnull (debrief_record_get_modified_at (DEBRIEF_RECORD (participant)));

  feedback = g_list_model_get_item (debrief_document_get_records (sparse, DEBRIEF_TYPE_FEEDBACK), 0);
  g_assert_cmpint (debrief_feedback_get_rating (feedback), ==, 4);

  debrief_test_close_document (g_steal_pointer (&minimal));
  debrief_test_close_document (g_steal_pointer (&sparse));
}

typedef struct
{
  const char *what;
  const char *json;
  int         code;
  const char *message;
} BadInput;

#define HEAD "{\"format\": \"debrief-incident\", \"format_version\": 1, "
#define UUID_A "0b7f6d0e-3c52-4b8e-9a57-1d2f0c4e8a61"
#define UUID_B "6a1c2d3e-4f50-4617-8293-a4b5c6d7e8f9"

static const BadInput bad_inputs[] = {
  { "empty file", "", DEBRIEF_JSON_ERROR_EMPTY, "empty" },
  { "only spaces", "  \n\t\n", DEBRIEF_JSON_ERROR_EMPTY, "empty" },
  { "plain text", "# Incident report\nThe gateways rebooted.\n", DEBRIEF_JSON_ERROR_NOT_JSON, "not valid JSON" },
  { "invalid UTF-8", "{\"format\": \"debrief-incident\xff\xfe\"}", DEBRIEF_JSON_ERROR_NOT_JSON, "not UTF-8" },
  { "truncated object", HEAD "\"incident\": {\"title\": \"Watch", DEBRIEF_JSON_ERROR_TRUNCATED, "ends too early" },
  { "truncated list", HEAD "\"participants\": [{}, ", DEBRIEF_JSON_ERROR_TRUNCATED, "ends too early" },
  { "a JSON list", "[1, 2, 3]", DEBRIEF_JSON_ERROR_FOREIGN, "not an incident exported by Debrief" },
  { "a JSON string", "\"debrief-incident\"", DEBRIEF_JSON_ERROR_FOREIGN, "not an incident exported by Debrief" },
  { "another format", "{\"format\": \"gitlab-issue\", \"format_version\": 1}", DEBRIEF_JSON_ERROR_FOREIGN, "not an incident" },
  { "no format", "{\"title\": \"Watchdog storm\"}", DEBRIEF_JSON_ERROR_FOREIGN, "not an incident" },
  { "format not a string", "{\"format\": 1, \"format_version\": 1}", DEBRIEF_JSON_ERROR_FOREIGN, "not an incident" },
  { "nested too deeply", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", DEBRIEF_JSON_ERROR_FOREIGN, "nests too deeply" },
  { "newer format", "{\"format\": \"debrief-incident\", \"format_version\": 2}", DEBRIEF_JSON_ERROR_NEWER, "newer version of Debrief" },
  { "no format version", "{\"format\": \"debrief-incident\"}", DEBRIEF_JSON_ERROR_INVALID, "“format_version”" },
  { "format version 0", "{\"format\": \"debrief-incident\", \"format_version\": 0}", DEBRIEF_JSON_ERROR_INVALID, "“format_version”" },
  { "format version text", "{\"format\": \"debrief-incident\", \"format_version\": \"1\"}", DEBRIEF_JSON_ERROR_INVALID, "“format_version”" },
  { "boolean as text", HEAD "\"participants\": [{}, {}, {\"present\": \"yes\"}]}", DEBRIEF_JSON_ERROR_INVALID, "participant 3: “present” must be true or false." },
  { "text as number", HEAD "\"incident\": {\"title\": 42}}", DEBRIEF_JSON_ERROR_INVALID, "the incident: “title” must be text." },
  { "number as text", HEAD "\"scope_items\": [{\"position\": \"1\"}]}", DEBRIEF_JSON_ERROR_INVALID, "scope item 1: “position” must be a whole number." },
  { "fraction", HEAD "\"scope_items\": [{\"position\": 1.5}]}", DEBRIEF_JSON_ERROR_INVALID, "“position” must be a whole number." },
  { "number out of range", HEAD "\"feedback\": [{\"rating\": 6}]}", DEBRIEF_JSON_ERROR_INVALID, "feedback 1: “rating” must be a whole number from 0 to 5." },
  { "huge number", HEAD "\"scope_items\": [{\"position\": 99999999999999999999999}]}", DEBRIEF_JSON_ERROR_INVALID, "too large" },
  { "huge negative number", HEAD "\"scope_items\": [{\"position\": -9223372036854775809}]}", DEBRIEF_JSON_ERROR_INVALID, "too large" },
  { "infinite number", HEAD "\"scope_items\": [{\"position\": 1e999}]}", DEBRIEF_JSON_ERROR_INVALID, "whole number" },
  { "negative size", HEAD "\"evidence\": [{\"size\": -1}]}", DEBRIEF_JSON_ERROR_INVALID, "evidence item 1" },
  { "invalid date", HEAD "\"incident\": {\"started_at\": \"yesterday\"}}", DEBRIEF_JSON_ERROR_INVALID, "the incident: “started_at” must be a date and time" },
  { "date without offset", HEAD "\"incident\": {\"started_at\": \"2026-03-14T09:30:00\"}}", DEBRIEF_JSON_ERROR_INVALID, "“started_at” must be a date and time" },
  { "impossible date", HEAD "\"meeting_notes\": [{\"at\": \"2026-02-30T09:30:00Z\"}]}", DEBRIEF_JSON_ERROR_INVALID, "meeting note 1: “at”" },
  { "date as number", HEAD "\"incident\": {\"review_at\": 1773480600}}", DEBRIEF_JSON_ERROR_INVALID, "“review_at” must be a date and time" },
  { "invalid stamp", HEAD "\"participants\": [{\"modified_at\": \"soon\"}]}", DEBRIEF_JSON_ERROR_INVALID, "participant 1: “modified_at”" },
  { "unknown enum nick", HEAD "\"incident\": {\"status\": \"finished\"}}", DEBRIEF_JSON_ERROR_INVALID, "“status” must be one of “draft”, “in-review”, “reviewed”, “closed”." },
  { "enum as number", HEAD "\"action_items\": [{\"status\": 2}]}", DEBRIEF_JSON_ERROR_INVALID, "action item 1: “status” must be one of" },
  { "lone surrogate", HEAD "\"incident\": {\"title\": \"x\\ud800y\"}}", DEBRIEF_JSON_ERROR_INVALID, "“title” is not valid text" },
  { "NUL character", HEAD "\"incident\": {\"title\": \"x\\u0000y\"}}", DEBRIEF_JSON_ERROR_INVALID, "NUL" },
  { "invalid uuid", HEAD "\"participants\": [{\"uuid\": \"ada\"}]}", DEBRIEF_JSON_ERROR_INVALID, "participant 1: “uuid” must be an identifier" },
  { "invalid document uuid", HEAD "\"document\": {\"uuid\": 7}}", DEBRIEF_JSON_ERROR_INVALID, "the document: “uuid”" },
  { "document not an object", HEAD "\"document\": []}", DEBRIEF_JSON_ERROR_INVALID, "“document” must be an object" },
  { "list not a list", HEAD "\"participants\": {\"name\": \"Ada\"}}", DEBRIEF_JSON_ERROR_INVALID, "“participants” must be a list" },
  { "record not an object", HEAD "\"factors\": [\"memory corruption\"]}", DEBRIEF_JSON_ERROR_INVALID, "contributing factor 1 must be an object" },
  { "duplicate uuid in a list", HEAD "\"participants\": [{\"uuid\": \"" UUID_A "\"}, {\"uuid\": \"" UUID_A "\"}]}", DEBRIEF_JSON_ERROR_DUPLICATE, "participant 2 has the identifier" },
  { "duplicate uuid across lists", HEAD "\"participants\": [{\"uuid\": \"" UUID_A "\"}], \"evidence\": [{\"uuid\": \"" UUID_A "\"}]}", DEBRIEF_JSON_ERROR_DUPLICATE, "evidence item 1 has the identifier" },
  { "duplicate uuid of the incident", HEAD "\"incident\": {\"uuid\": \"" UUID_B "\"}, \"revisions\": [{\"uuid\": \"" UUID_B "\"}]}", DEBRIEF_JSON_ERROR_DUPLICATE, "revision 1 has the identifier" },
  { "content not a list", HEAD "\"evidence\": [{\"content\": \"aGVsbG8=\"}]}", DEBRIEF_JSON_ERROR_INVALID, "evidence item 1: “content” must be a list" },
  { "chunk not an object", HEAD "\"evidence\": [{\"content\": [3]}]}", DEBRIEF_JSON_ERROR_INVALID, "evidence item 1, chunk 1 must be an object" },
  { "invalid base64", HEAD "\"evidence\": [{\"content\": [{\"seq\": 0, \"size\": 5, \"data\": \"aGVs!G8=\"}]}]}", DEBRIEF_JSON_ERROR_CONTENT, "evidence item 1, chunk 1: the data is not valid base64." },
  { "base64 cut short", HEAD "\"evidence\": [{\"content\": [{\"data\": \"aGVsbG8\"}]}]}", DEBRIEF_JSON_ERROR_CONTENT, "not valid base64" },
  { "base64 padding inside", HEAD "\"evidence\": [{\"content\": [{\"data\": \"aG==bG8=\"}]}]}", DEBRIEF_JSON_ERROR_CONTENT, "not valid base64" },
  { "size larger than data", HEAD "\"evidence\": [{\"content\": [{\"seq\": 0, \"compression\": \"none\", \"size\": 6, \"data\": \"aGVsbG8=\"}]}]}", DEBRIEF_JSON_ERROR_CONTENT, "says it holds 6 bytes, but its data holds 5" },
  { "size smaller than data", HEAD "\"evidence\": [{\"content\": [{\"size\": 4, \"data\": \"aGVsbG8=\"}]}]}", DEBRIEF_JSON_ERROR_CONTENT, "says it holds 4 bytes" },
  { "zlib size lies", HEAD "\"evidence\": [{\"content\": [{\"compression\": \"zlib\", \"size\": 4, \"data\": \"eJzLSM3JyQcABiwCFQ==\"}]}]}", DEBRIEF_JSON_ERROR_CONTENT, "not valid zlib data" },
  { "zlib size too large", HEAD "\"evidence\": [{\"content\": [{\"compression\": \"zlib\", \"size\": 6, \"data\": \"eJzLSM3JyQcABiwCFQ==\"}]}]}", DEBRIEF_JSON_ERROR_CONTENT, "says it holds 6 bytes, but its data holds 5" },
  { "not zlib", HEAD "\"evidence\": [{\"content\": [{\"compression\": \"zlib\", \"size\": 5, \"data\": \"aGVsbG8=\"}]}]}", DEBRIEF_JSON_ERROR_CONTENT, "not valid zlib data" },
  { "unknown compression", HEAD "\"evidence\": [{\"content\": [{\"compression\": \"lz4\", \"data\": \"\"}]}]}", DEBRIEF_JSON_ERROR_INVALID, "“compression” must be one of" },
  { "chunk size huge", HEAD "\"evidence\": [{\"content\": [{\"size\": 9000000000000, \"data\": \"\"}]}]}", DEBRIEF_JSON_ERROR_INVALID, "“size” must be a whole number" },
  { "negative seq", HEAD "\"evidence\": [{\"content\": [{\"seq\": -1, \"data\": \"\"}]}]}", DEBRIEF_JSON_ERROR_INVALID, "“seq”" },
  { "duplicate seq", HEAD "\"evidence\": [{\"content\": [{\"seq\": 0, \"data\": \"\"}, {\"seq\": 0, \"data\": \"\"}]}]}", DEBRIEF_JSON_ERROR_CONTENT, "evidence item 1, chunk 2 has the same “seq”" },
};

static void
test_bad_input (void)
{
  guint drafts_before = debrief_test_count_drafts (data_home);

  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autoptr(DebriefDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      document = import_from_data (bad_inputs[i].json, -1, &error);
      if (document != NULL)
        g_error ("The %s was imported", bad_inputs[i].what);
      if (!g_error_matches (error, DEBRIEF_JSON_ERROR, bad_inputs[i].code) ||
          strstr (error->message, bad_inputs[i].message) == NULL)
        g_error ("The %s gave “%s” (%s %d), not “…%s…” (%d)",
                 bad_inputs[i].what, error ? error->message : "no error",
                 error ? g_quark_to_string (error->domain) : "", error ? error->code : -1,
                 bad_inputs[i].message, bad_inputs[i].code);
      g_test_message ("%s: %s", bad_inputs[i].what, error->message);
    }

  /* A refused import leaves no working copy behind. */
  g_assert_cmpuint (debrief_test_count_drafts (data_home), ==, drafts_before);
}

static void
test_truncated_and_mutated_exports (void)
{
  g_autoptr(DebriefDocument) document = new_filled_document ();
  g_autoptr(GBytes) exported = export_to_bytes (document);
  const char *data;
  gsize length;
  guint drafts_before;
  guint imported = 0;
  GRand *rand;

  debrief_test_close_document (g_steal_pointer (&document));
  data = g_bytes_get_data (exported, &length);
  drafts_before = debrief_test_count_drafts (data_home);

  /* Cut at many lengths: never imported, always a message. A cut inside
   * the top-level object says the file ends too early. */
  for (gsize cut = 1; cut < length - 2; cut += MAX (1, length / 200))
    {
      g_autoptr(DebriefDocument) cut_document = NULL;
      g_autoptr(GError) error = NULL;

      cut_document = import_from_data (data, cut, &error);
      g_assert_null (cut_document);
      g_assert_error (error, DEBRIEF_JSON_ERROR, DEBRIEF_JSON_ERROR_TRUNCATED);
    }

  /* Mutated bytes: each imports (when the byte did not matter) or fails
   * with a message; never a crash or a critical. */
  rand = g_rand_new_with_seed (20261126);
  for (guint trial = 0; trial < 300; trial++)
    {
      g_autofree char *copy = g_memdup2 (data, length);
      g_autoptr(DebriefDocument) mutated = NULL;
      g_autoptr(GError) error = NULL;
      guint n_flips = g_rand_int_range (rand, 1, 4);

      for (guint f = 0; f < n_flips; f++)
        copy[g_rand_int_range (rand, 0, (gint32) length)] = " {}[]\",:0a-\\\xff"[g_rand_int_range (rand, 0, 14)];

      mutated = import_from_data (copy, length, &error);
      if (debrief_test_opened_or_explained (g_steal_pointer (&mutated), error))
        imported++;
    }
  g_rand_free (rand);
  g_test_message ("%u of 300 mutated exports still imported", imported);

  g_assert_cmpuint (debrief_test_count_drafts (data_home), ==, drafts_before);
}

static void
test_import_errors_from_files (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *missing_path = g_build_filename (dir, "missing.json", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(DebriefDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = debrief_document_import_json_file (missing, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  document = debrief_document_import_json_file (folder, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_nonnull (error);

  debrief_test_remove_tree (dir);
}

/* --- The schema file ---------------------------------------------------- */

static JsonObject *
schema_property (JsonObject *def,
                 const char *def_name,
                 const char *name)
{
  JsonObject *properties = get_object (def, "properties");
  JsonObject *property;

  if (!json_object_has_member (properties, name))
    g_error ("The schema does not describe “%s” of “%s”", name, def_name);

  property = json_object_get_object_member (properties, name);
  if (!json_object_has_member (property, "description") ||
      strlen (json_object_get_string_member (property, "description")) < 5)
    g_error ("The schema has no description of “%s” of “%s”", name, def_name);

  return property;
}

static void
assert_schema_type (JsonObject *property,
                    const char *name,
                    const char *type)
{
  JsonNode *node = json_object_get_member (property, "type");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || g_strcmp0 (json_node_get_string (node), type) != 0)
    g_error ("The schema says “%s” is not of type %s", name, type);
}

static void
assert_schema_describes (JsonObject *root,
                         GType       type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  DebriefRecordClass *record_class = DEBRIEF_RECORD_CLASS (klass);
  const char *table = _debrief_record_class_get_table (record_class);
  const char *member = debrief_json_get_member_name (type);
  g_autofree char *ref = g_strdup_printf ("#/$defs/%s", table);
  JsonObject *top = schema_property (root, "the export", member);
  JsonObject *def = get_object (get_object (root, "$defs"), table);
  JsonObject *properties = get_object (def, "properties");
  g_autoptr(GList) names = NULL;

  if (type == DEBRIEF_TYPE_INCIDENT)
    g_assert_cmpstr (json_object_get_string_member (top, "$ref"), ==, ref);
  else
    {
      assert_schema_type (top, member, "array");
      g_assert_cmpstr (json_object_get_string_member (get_object (top, "items"), "$ref"), ==, ref);
    }

  g_assert_cmpstr (json_object_get_string_member (def, "type"), ==, "object");
  g_assert_cmpuint (strlen (json_object_get_string_member (def, "description")), >, 10);

  schema_property (def, table, "uuid");
  schema_property (def, table, "modified_at");
  schema_property (def, table, "modified_by");

  for (guint i = 0; i < _debrief_record_class_get_n_columns (record_class); i++)
    {
      GParamSpec *pspec = _debrief_record_class_get_column (record_class, i);
      const char *name = _debrief_record_class_get_column_name (record_class, i);
      JsonObject *property = schema_property (def, table, name);
      GType value_type = G_PARAM_SPEC_VALUE_TYPE (pspec);

      if (value_type == G_TYPE_STRING)
        assert_schema_type (property, name, "string");
      else if (value_type == G_TYPE_INT64)
        {
          GParamSpecInt64 *ispec = G_PARAM_SPEC_INT64 (pspec);

          assert_schema_type (property, name, "integer");
          if (ispec->minimum > G_MININT64)
            g_assert_cmpint (json_object_get_int_member (property, "minimum"), ==, ispec->minimum);
          if (ispec->maximum < G_MAXINT64)
            g_assert_cmpint (json_object_get_int_member (property, "maximum"), ==, ispec->maximum);
        }
      else if (value_type == G_TYPE_BOOLEAN)
        {
          assert_schema_type (property, name, "boolean");
          g_assert_cmpint (json_object_get_boolean_member (property, "default"), ==,
                           G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
        }
      else if (value_type == G_TYPE_DATE_TIME)
        {
          JsonArray *types = json_object_get_array_member (property, "type");

          g_assert_cmpstr (json_object_get_string_member (property, "format"), ==, "date-time");
          g_assert_cmpuint (json_array_get_length (types), ==, 2);
          g_assert_cmpstr (json_array_get_string_element (types, 0), ==, "string");
          g_assert_cmpstr (json_array_get_string_element (types, 1), ==, "null");
        }
      else if (G_TYPE_IS_ENUM (value_type))
        {
          GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
          JsonArray *nicks = json_object_get_array_member (property, "enum");
          GEnumValue *default_value = g_enum_get_value (enum_class, G_PARAM_SPEC_ENUM (pspec)->default_value);

          g_assert_cmpuint (json_array_get_length (nicks), ==, enum_class->n_values);
          for (guint j = 0; j < enum_class->n_values; j++)
            g_assert_cmpstr (json_array_get_string_element (nicks, j), ==, enum_class->values[j].value_nick);
          g_assert_cmpstr (json_object_get_string_member (property, "default"), ==, default_value->value_nick);
        }
      else
        g_assert_not_reached ();
    }

  /* Nothing the records do not have: a schema that outlives a column. */
  names = json_object_get_members (properties);
  for (GList *iter = names; iter != NULL; iter = iter->next)
    {
      const char *name = iter->data;
      gboolean known = g_str_equal (name, "uuid") || g_str_equal (name, "modified_at") ||
                       g_str_equal (name, "modified_by") ||
                       (type == DEBRIEF_TYPE_EVIDENCE && g_str_equal (name, "content"));

      for (guint i = 0; !known && i < _debrief_record_class_get_n_columns (record_class); i++)
        known = g_str_equal (name, _debrief_record_class_get_column_name (record_class, i));

      if (!known)
        g_error ("The schema describes “%s” of “%s”, which Debrief does not have", name, table);
    }
}

static void
test_schema_describes_every_column (void)
{
  const char *path = g_getenv ("DEBRIEF_JSON_SCHEMA");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *defs, *chunk, *info;
  const GType *types;
  guint n_types;

  g_assert_nonnull (path);
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  defs = get_object (root, "$defs");

  g_assert_cmpstr (json_object_get_string_member (root, "$schema"), ==, "https://json-schema.org/draft/2020-12/schema");
  g_assert_cmpstr (json_object_get_string_member (schema_property (root, "the export", "format"), "const"), ==,
                   DEBRIEF_JSON_FORMAT);
  g_assert_cmpint (json_object_get_int_member (schema_property (root, "the export", "format_version"), "const"), ==,
                   DEBRIEF_JSON_FORMAT_VERSION);
  schema_property (root, "the export", "schema_version");
  schema_property (root, "the export", "generator");
  schema_property (root, "the export", "document");

  info = get_object (defs, "document");
  schema_property (info, "document", "uuid");
  schema_property (info, "document", "created_at");
  schema_property (info, "document", "created_by");
  schema_property (info, "document", "revision");

  assert_schema_describes (root, DEBRIEF_TYPE_INCIDENT);
  types = debrief_document_list_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    assert_schema_describes (root, types[i]);

  g_assert_cmpstr (json_object_get_string_member (get_object (schema_property (get_object (defs, "evidence"), "evidence", "content"),
                                                              "items"), "$ref"), ==, "#/$defs/evidence_chunk");
  chunk = get_object (defs, "evidence_chunk");
  schema_property (chunk, "evidence_chunk", "seq");
  schema_property (chunk, "evidence_chunk", "compression");
  schema_property (chunk, "evidence_chunk", "size");
  schema_property (chunk, "evidence_chunk", "data");
}

int
main (int   argc,
      char *argv[])
{
  data_home = debrief_test_use_private_data_home ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debrief/json/round-trip-every-field", test_round_trip_every_field);
  g_test_add_func ("/debrief/json/round-trip-through-files", test_round_trip_through_files);
  g_test_add_func ("/debrief/json/export-format", test_export_format);
  g_test_add_func ("/debrief/json/missing-and-unknown-members", test_missing_and_unknown_members);
  g_test_add_func ("/debrief/json/bad-input", test_bad_input);
  g_test_add_func ("/debrief/json/truncated-and-mutated-exports", test_truncated_and_mutated_exports);
  g_test_add_func ("/debrief/json/import-errors-from-files", test_import_errors_from_files);
  g_test_add_func ("/debrief/json/schema-describes-every-column", test_schema_describes_every_column);

  return debrief_test_run_and_remove (data_home);
}
