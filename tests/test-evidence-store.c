/* test-evidence-store.c
 *
 * Importing evidence into an incident document, reading it back, clock
 * alignment, search, the merged log, citations, and every bad input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "debrief-document-private.h"
#include "debrief-evidence-store.h"
#include "debrief-evidence-store-private.h"
#include "debrief-incident.h"
#include "debrief-json.h"
#include "debrief-json-export.h"
#include "debrief-merged-log.h"
#include "debrief-log-model.h"
#include "debrief-schema.h"
#include "debrief-test-util.h"
#include "debrief-chat-import.h"

static char *data_home;

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "evidence", name, NULL);

  return g_file_new_for_path (path);
}

static GFile *
data_file (const char *folder,
           const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);

  return g_file_new_for_path (path);
}

/* Imports @file expecting a failure; returns the message. */
static char *
import_fails (DebriefDocument            *document,
              GFile                      *file,
              const DebriefImportOptions *options,
              int                         code)
{
  g_autoptr(DebriefEvidenceSource) source = debrief_evidence_source_new (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefEvidence) evidence = NULL;

  evidence = debrief_evidence_import_file (source, file, options, NULL, NULL, NULL, NULL, &error);
  g_assert_null (evidence);
  g_assert_nonnull (error);
  if (code >= 0)
    g_assert_cmpint (error->code, ==, code);

  return g_strdup (error->message);
}

static DebriefLogRow *
row_at (GListModel *model,
        guint       position)
{
  DebriefLogRow *row = g_list_model_get_item (model, position);

  g_assert_nonnull (row);
  return row;
}

static gint64
count_chunks (DebriefDocument *document,
              const char      *table,
              const char      *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE evidence_uuid = '%s'", table, uuid);

  return debrief_test_query_int (_debrief_document_get_db (document), sql);
}

static void
test_log_import_and_view (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autoptr(GFile) file = fixture ("gateway.log");
  g_autoptr(DebriefEvidence) evidence = debrief_test_import_evidence (document, file, NULL, NULL);
  g_autoptr(DebriefLogModel) model = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *expected_sha = NULL;
  gsize original_length;

  g_assert_cmpint (debrief_evidence_get_kind (evidence), ==, DEBRIEF_EVIDENCE_KIND_LOG);
  g_assert_cmpstr (debrief_evidence_get_title (evidence), ==, "gateway.log");
  g_assert_cmpstr (debrief_evidence_get_original_name (evidence), ==, "gateway.log");
  g_assert_cmpstr (debrief_evidence_get_added_by (evidence), ==, "Tester");
  g_assert_nonnull (debrief_evidence_get_added_at (evidence));
  g_assert_cmpint (debrief_evidence_get_timestamp_format (evidence), ==, DEBRIEF_TS_ISO8601);
  g_assert_false (debrief_evidence_get_since_boot (evidence));
  g_assert_cmpint (debrief_evidence_get_line_count (evidence), ==, 10);
  g_assert_cmpint (debrief_evidence_get_aligned_first_usec (evidence), ==, debrief_test_usec ("2026-03-14T02:11:07.123Z"));
  g_assert_cmpint (debrief_evidence_get_aligned_last_usec (evidence), ==, debrief_test_usec ("2026-03-14T02:20:45.900Z"));

  /* Stored byte for byte, with the file's checksum. */
  g_assert_true (g_file_load_contents (file, NULL, &original, &original_length, NULL, NULL));
  expected_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *) original, original_length);
  g_assert_cmpstr (debrief_evidence_get_sha256 (evidence), ==, expected_sha);
  g_assert_cmpint (debrief_evidence_get_size (evidence), ==, (gint64) original_length);
  stored = debrief_evidence_read_bytes (document, evidence, G_MAXSIZE, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (stored, NULL), g_bytes_get_size (stored), original, original_length);

  /* Lines, with the times and levels of their records. */
  model = debrief_log_model_new (document, evidence, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  {
    g_autoptr(DebriefLogRow) error_row = row_at (G_LIST_MODEL (model), 3);
    g_autoptr(DebriefLogRow) trace_row = row_at (G_LIST_MODEL (model), 5);

    g_assert_cmpint (debrief_log_row_get_level (error_row), ==, DEBRIEF_LOG_LEVEL_ERROR);
    g_assert_true (debrief_log_row_get_has_stamp (error_row));
    g_assert_true (g_str_has_suffix (debrief_log_row_get_text (error_row), "CRC mismatch on block 118"));

    /* A stack trace line carries its record's time and level. */
    g_assert_cmpstr (debrief_log_row_get_text (trace_row), ==, "  File \"/usr/lib/fwupd/push.py\", line 211, in push_block");
    g_assert_false (debrief_log_row_get_has_stamp (trace_row));
    g_assert_cmpint (debrief_log_row_get_usec (trace_row), ==, debrief_test_usec ("2026-03-14T02:12:31.250Z"));
    g_assert_cmpint (debrief_log_row_get_level (trace_row), ==, DEBRIEF_LOG_LEVEL_ERROR);
    g_assert_cmpuint (debrief_log_row_get_line (trace_row), ==, 5);
  }

  /* Jumping to a time finds the first line at or after it. */
  g_assert_cmpuint (debrief_log_model_find_time (model, debrief_test_usec ("2026-03-14T02:12:00Z")), ==, 2);
  g_assert_cmpuint (debrief_log_model_find_time (model, debrief_test_usec ("2026-03-14T03:00:00Z")), ==, G_MAXUINT);
}

/* A log whose stamps have no year (Proxifier's [MM.DD HH:MM:SS]) takes
 * the year of the incident's time window, or of the file's modification
 * date while the incident has none, and the item says which.
 */
static void
test_year_assumed_said (void)
{
  static const char proxifier[] =
    "[10.30 16:49:06] chrome.exe - proxy.cse.cuhk.edu.hk:5070 open through proxy proxy.cse.cuhk.edu.hk:5070 HTTPS\n"
    "[10.30 16:49:07] chrome.exe - play.google.com:443 open through proxy proxy.cse.cuhk.edu.hk:5070 HTTPS\n"
    "[10.30 16:49:08] chrome.exe - play.google.com:443 close, 1190 bytes (1.16 KB) sent, 1671 bytes received\n";
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "proxifier.log", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DebriefEvidence) from_file = NULL;
  g_autoptr(DebriefEvidence) from_incident = NULL;
  g_autoptr(DebriefEvidence) dated = NULL;
  g_autoptr(GDateTime) started = debrief_test_datetime ("2025-10-30T16:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autofree char *said = NULL;

  g_assert_true (g_file_set_contents (path, proxifier, -1, &error));
  g_assert_no_error (error);
  /* 2024-06-01T00:00:00Z */
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 1717200000,
                                              G_FILE_QUERY_INFO_NONE, NULL, &error));
  g_assert_no_error (error);

  from_file = debrief_test_import_evidence (document, file, NULL, NULL);
  g_assert_cmpint (debrief_evidence_get_timestamp_format (from_file), ==, DEBRIEF_TS_MONTH_DAY);
  g_assert_cmpint (debrief_evidence_get_line_count (from_file), ==, 3);
  g_assert_cmpint (debrief_evidence_get_aligned_first_usec (from_file), ==, debrief_test_usec ("2024-10-30T16:49:06Z"));
  said = debrief_evidence_describe_assumed_year (from_file);
  g_assert_cmpstr (said, ==, "Year not in the log; assumed 2024 from the file's modification date");
  g_clear_pointer (&said, g_free);

  debrief_incident_set_started_at (debrief_document_get_incident (document), started);
  from_incident = debrief_test_import_evidence (document, file, NULL, NULL);
  g_assert_cmpint (debrief_evidence_get_aligned_last_usec (from_incident), ==, debrief_test_usec ("2025-10-30T16:49:08Z"));
  said = debrief_evidence_describe_assumed_year (from_incident);
  g_assert_cmpstr (said, ==, "Year not in the log; assumed 2025 from the incident's time window");
  g_clear_pointer (&said, g_free);

  /* A log with its years says nothing of them. */
  g_clear_object (&file);
  file = fixture ("gateway.log");
  dated = debrief_test_import_evidence (document, file, NULL, NULL);
  g_assert_cmpint (debrief_evidence_get_timestamp_format (dated), ==, DEBRIEF_TS_ISO8601);
  g_assert_null (debrief_evidence_describe_assumed_year (dated));

  debrief_test_remove_tree (dir);
}

/* An e-mail is of the time it was sent: its Date header gives the item its
 * time, where it said "No times in it".  A Markdown report has none.
 */
static void
test_eml_time_from_date_header (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autoptr(GFile) eml = data_file ("kind", "incident.eml");
  g_autoptr(GFile) report = fixture ("report.md");
  g_autoptr(DebriefEvidence) mail = debrief_test_import_evidence (document, eml, NULL, NULL);
  g_autoptr(DebriefEvidence) markdown = debrief_test_import_evidence (document, report, NULL, NULL);

  g_assert_cmpint (debrief_evidence_get_kind (mail), ==, DEBRIEF_EVIDENCE_KIND_REPORT);
  g_assert_nonnull (debrief_evidence_get_first_at (mail));
  g_assert_cmpint (debrief_evidence_get_aligned_first_usec (mail), ==, debrief_test_usec ("2026-03-14T02:30:00Z"));
  g_assert_cmpint (debrief_evidence_get_aligned_last_usec (mail), ==, debrief_test_usec ("2026-03-14T02:30:00Z"));

  g_assert_cmpint (debrief_evidence_get_kind (markdown), ==, DEBRIEF_EVIDENCE_KIND_REPORT);
  g_assert_null (debrief_evidence_get_first_at (markdown));
}

static void
wait_filter (DebriefLogModel *model)
{
  while (debrief_log_model_get_filtering (model))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_log_filter (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autoptr(GFile) file = fixture ("device-zephyr.log");
  g_autoptr(DebriefEvidence) evidence = debrief_test_import_evidence (document, file, NULL, NULL);
  g_autoptr(DebriefLogModel) model = debrief_log_model_new (document, evidence, NULL);
  g_autoptr(DebriefLogRow) first = NULL;

  g_assert_true (debrief_evidence_get_since_boot (evidence));
  g_assert_cmpint (debrief_evidence_get_timestamp_format (evidence), ==, DEBRIEF_TS_ZEPHYR);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 9);

  debrief_log_model_set_filter (model, DEBRIEF_LOG_LEVEL_ERROR, NULL);
  wait_filter (model);
  /* Three error records, one with two register-dump lines under it. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);
  first = row_at (G_LIST_MODEL (model), 0);
  g_assert_cmpuint (debrief_log_row_get_line (first), ==, 3);
  g_assert_cmpuint (debrief_log_model_find_line (model, 4), ==, 1);
  g_assert_cmpuint (debrief_log_model_find_line (model, 7), ==, 4);

  debrief_log_model_set_filter (model, DEBRIEF_LOG_LEVEL_NONE, "WATCHDOG");
  wait_filter (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);

  debrief_log_model_set_filter (model, DEBRIEF_LOG_LEVEL_NONE, "");
  wait_filter (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 9);
}

static void
test_clock_alignment (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autoptr(GFile) file = fixture ("device-zephyr.log");
  g_autoptr(DebriefEvidence) evidence = debrief_test_import_evidence (document, file, NULL, NULL);
  g_autoptr(DebriefLogModel) model = debrief_log_model_new (document, evidence, NULL);
  g_autoptr(GDateTime) wall = debrief_test_datetime ("2026-03-14T02:12:31.250Z");
  g_autoptr(GDateTime) boot = debrief_test_datetime ("2026-03-14T02:12:29.000Z");
  g_autoptr(GError) error = NULL;

  /* "This line happened at": line 3 (the CRC error, 1.733412 s after
   * boot) at the gateway's time of the same failure. */
  g_assert_true (debrief_evidence_align_line (document, evidence, 3, wall, &error));
  g_assert_no_error (error);
  g_assert_cmpint (debrief_evidence_get_clock_offset_ms (evidence), ==,
                   (debrief_test_usec ("2026-03-14T02:12:31.250Z") - 1733412 + 500) / 1000);
  {
    g_autoptr(DebriefLogRow) row = row_at (G_LIST_MODEL (model), 3);

    /* Within the millisecond the offset is rounded to. */
    g_assert_cmpint (ABS (debrief_log_row_get_usec (row) - debrief_test_usec ("2026-03-14T02:12:31.250Z")), <=, 500);
  }

  /* The edit is undoable like any other. */
  g_assert_true (debrief_document_undo (document, &error));
  g_assert_cmpint (debrief_evidence_get_clock_offset_ms (evidence), ==, 0);

  /* A line with no time of its own or above it cannot be used. */
  g_assert_false (debrief_evidence_align_line (document, evidence, 0, wall, &error));
  g_assert_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_UNREADABLE);
  g_clear_error (&error);

  /* Or by the boot time. */
  g_assert_true (debrief_evidence_set_boot_time (document, evidence, boot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (debrief_evidence_get_aligned_first_usec (evidence), ==, debrief_test_usec ("2026-03-14T02:12:29.002136Z"));
  {
    g_autoptr(DebriefLogRow) row = row_at (G_LIST_MODEL (model), 7);

    g_assert_cmpint (debrief_log_row_get_usec (row), ==, debrief_test_usec ("2026-03-14T02:12:33.000Z"));
  }
  g_assert_cmpuint (debrief_log_model_find_time (model, debrief_test_usec ("2026-03-14T02:12:32Z")), ==, 7);
}

static void
test_boot_time_option (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autoptr(GFile) dmesg = fixture ("dmesg.txt");
  g_autoptr(GFile) gateway = fixture ("gateway.log");
  g_autoptr(GDateTime) boot = debrief_test_datetime ("2026-03-14T02:10:00Z");
  DebriefImportOptions options = { .boot_time = boot };
  g_autoptr(DebriefEvidence) kernel = debrief_test_import_evidence (document, dmesg, &options, NULL);
  g_autofree char *warning = NULL;
  g_autoptr(DebriefEvidence) wall = debrief_test_import_evidence (document, gateway, &options, &warning);
  g_autoptr(GError) error = NULL;
  DebriefImportOptions offset = { .has_clock_offset = TRUE, .clock_offset_ms = -1500, .has_kind = TRUE,
                                  .kind = DEBRIEF_EVIDENCE_KIND_LOG, .title = "Gateway (late clock)" };
  g_autoptr(DebriefEvidence) shifted = debrief_test_import_evidence (document, gateway, &offset, NULL);

  g_assert_cmpint (debrief_evidence_get_timestamp_format (kernel), ==, DEBRIEF_TS_DMESG);
  g_assert_cmpint (debrief_evidence_get_aligned_last_usec (kernel), ==, debrief_test_usec ("2026-03-14T02:11:25.100400Z"));

  /* A boot time means nothing to a wall clock, and the user is told. */
  g_assert_cmpint (debrief_evidence_get_clock_offset_ms (wall), ==, 0);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "boot time"));
  g_assert_false (debrief_evidence_set_boot_time (document, wall, boot, &error));
  g_assert_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_UNREADABLE);

  g_assert_cmpstr (debrief_evidence_get_title (shifted), ==, "Gateway (late clock)");
  g_assert_cmpint (debrief_evidence_get_aligned_first_usec (shifted), ==, debrief_test_usec ("2026-03-14T02:11:05.623Z"));
}

static void
test_other_kinds (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autoptr(GFile) csv = data_file ("metrics", "service-health.csv");
  g_autoptr(GFile) ragged = fixture ("ragged.csv");
  g_autoptr(GFile) chat = data_file ("chat", "mattermost.jsonl");
  g_autoptr(GFile) slack = data_file ("chat", "slack");
  g_autoptr(GFile) slack_zip = data_file ("zip", "slack-export.zip");
  g_autoptr(GFile) report = fixture ("report.md");
  g_autoptr(GFile) eml = data_file ("kind", "incident.eml");
  g_autoptr(GFile) png = fixture ("board-photo.png");
  g_autoptr(GFile) bin = fixture ("firmware.bin");
  g_autofree char *warning = NULL;
  g_autoptr(DebriefEvidence) metrics = debrief_test_import_evidence (document, csv, NULL, NULL);
  g_autoptr(DebriefEvidence) ragged_metrics = debrief_test_import_evidence (document, ragged, NULL, &warning);
  g_autoptr(DebriefEvidence) mattermost = debrief_test_import_evidence (document, chat, NULL, NULL);
  g_autoptr(DebriefEvidence) slack_folder = debrief_test_import_evidence (document, slack, NULL, NULL);
  g_autoptr(DebriefEvidence) slack_archive = debrief_test_import_evidence (document, slack_zip, NULL, NULL);
  g_autoptr(DebriefEvidence) markdown = debrief_test_import_evidence (document, report, NULL, NULL);
  g_autoptr(DebriefEvidence) mail = debrief_test_import_evidence (document, eml, NULL, NULL);
  g_autoptr(DebriefEvidence) photo = debrief_test_import_evidence (document, png, NULL, NULL);
  g_autoptr(DebriefEvidence) other = debrief_test_import_evidence (document, bin, NULL, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list = debrief_document_get_records (document, DEBRIEF_TYPE_EVIDENCE);

  g_assert_cmpint (debrief_evidence_get_kind (metrics), ==, DEBRIEF_EVIDENCE_KIND_METRICS);
  g_assert_cmpint (debrief_evidence_get_line_count (metrics), >, 0);
  g_assert_nonnull (debrief_evidence_get_first_at (metrics));

  /* Ragged rows and non-numbers are imported, and the user is told. */
  g_assert_cmpint (debrief_evidence_get_kind (ragged_metrics), ==, DEBRIEF_EVIDENCE_KIND_METRICS);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "fields"));

  g_assert_cmpint (debrief_evidence_get_kind (mattermost), ==, DEBRIEF_EVIDENCE_KIND_CHAT);
  g_assert_cmpint (debrief_evidence_get_line_count (mattermost), >, 0);
  g_assert_cmpint (debrief_evidence_get_kind (slack_folder), ==, DEBRIEF_EVIDENCE_KIND_CHAT);
  g_assert_cmpint (debrief_evidence_get_line_count (slack_folder), >, 0);
  g_assert_cmpint (debrief_evidence_get_kind (slack_archive), ==, DEBRIEF_EVIDENCE_KIND_CHAT);
  /* Named after the channel, not the folder "slack". */
  g_assert_cmpstr (debrief_evidence_get_title (slack_folder), ==, "#fw-incident");

  /* A folder is kept as one file that reads back as the same messages. */
  bytes = debrief_evidence_read_bytes (document, slack_folder, G_MAXSIZE, &error);
  g_assert_no_error (error);
  {
    g_autoptr(DebriefChatImport) again = debrief_chat_import_bytes (bytes, debrief_evidence_get_original_name (slack_folder),
                                                                    DEBRIEF_CHAT_FORMAT_UNKNOWN, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (again->messages->len, ==, debrief_evidence_get_line_count (slack_folder));
  }

  g_assert_cmpint (debrief_evidence_get_kind (markdown), ==, DEBRIEF_EVIDENCE_KIND_REPORT);
  g_assert_cmpint (debrief_evidence_get_line_count (markdown), ==, 8);
  g_assert_cmpint (debrief_evidence_get_kind (mail), ==, DEBRIEF_EVIDENCE_KIND_REPORT);
  g_assert_cmpint (debrief_evidence_get_kind (photo), ==, DEBRIEF_EVIDENCE_KIND_IMAGE);
  g_assert_cmpint (debrief_evidence_get_kind (other), ==, DEBRIEF_EVIDENCE_KIND_OTHER);
  g_assert_cmpint (debrief_evidence_get_size (other), ==, 4096);
  g_assert_cmpuint (strlen (debrief_evidence_get_sha256 (other)), ==, 64);

  /* In the order they were added. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 9);
  for (guint i = 0; i < 9; i++)
    {
      g_autoptr(DebriefEvidence) item = g_list_model_get_item (list, i);

      g_assert_cmpint (debrief_evidence_get_position (item), ==, i);
    }
}

/* An unpacked Slack export is parsed once: the parse gives both the JSON
 * that is stored and the facts of the record; a chat file too. */
static void
test_slack_folder_parsed_once (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autoptr(GFile) slack = data_file ("chat", "slack");
  g_autoptr(GFile) chat = data_file ("chat", "mattermost.jsonl");
  g_autoptr(DebriefEvidence) folder_evidence = NULL;
  g_autoptr(DebriefEvidence) chat_evidence = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  before = _debrief_chat_import_get_n_parses ();
  folder_evidence = debrief_test_import_evidence (document, slack, NULL, NULL);
  g_assert_cmpuint (_debrief_chat_import_get_n_parses () - before, ==, 1);
  g_assert_cmpint (debrief_evidence_get_kind (folder_evidence), ==, DEBRIEF_EVIDENCE_KIND_CHAT);
  g_assert_cmpint (debrief_evidence_get_line_count (folder_evidence), >, 0);
  g_assert_nonnull (debrief_evidence_get_first_at (folder_evidence));

  stored = debrief_evidence_read_bytes (document, folder_evidence, G_MAXSIZE, &error);
  g_assert_no_error (error);
  {
    /* What is stored, and the facts, are those of the folder read once. */
    g_autoptr(DebriefChatImport) folder = debrief_chat_import_file (slack, NULL, NULL, &error);
    g_autoptr(GBytes) expected = NULL;
    DebriefChatMessage *first;
    DebriefChatMessage *last;

    g_assert_no_error (error);
    expected = debrief_chat_import_to_slack_json (folder);
    g_assert_true (g_bytes_equal (stored, expected));
    g_assert_cmpint (debrief_evidence_get_line_count (folder_evidence), ==, folder->messages->len);
    first = g_ptr_array_index (folder->messages, 0);
    last = g_ptr_array_index (folder->messages, folder->messages->len - 1);
    g_assert_true (g_date_time_equal (debrief_evidence_get_first_at (folder_evidence), first->time));
    g_assert_true (g_date_time_equal (debrief_evidence_get_last_at (folder_evidence), last->time));
  }

  before = _debrief_chat_import_get_n_parses ();
  chat_evidence = debrief_test_import_evidence (document, chat, NULL, NULL);
  g_assert_cmpuint (_debrief_chat_import_get_n_parses () - before, ==, 1);
  g_assert_cmpint (debrief_evidence_get_kind (chat_evidence), ==, DEBRIEF_EVIDENCE_KIND_CHAT);
}

static void
test_bad_input (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) empty = fixture ("empty.log");
  g_autoptr(GFile) bin = fixture ("firmware.bin");
  g_autoptr(GFile) truncated = fixture ("truncated-slack.json");
  g_autoptr(GFile) bomb = data_file ("zip", "bomb.zip");
  g_autoptr(GFile) missing = g_file_new_build_filename (dir, "gone.log", NULL);
  g_autoptr(GFile) no_time = data_file ("metrics", "no-time.csv");
  g_autoptr(GFile) invalid = fixture ("invalid.log");
  g_autoptr(GFile) endings = fixture ("esp32-mixed-endings.log");
  g_autoptr(DebriefEvidence) kept = NULL;
  DebriefImportOptions as_log = { .has_kind = TRUE, .kind = DEBRIEF_EVIDENCE_KIND_LOG };
  DebriefImportOptions as_chat = { .has_kind = TRUE, .kind = DEBRIEF_EVIDENCE_KIND_CHAT };
  DebriefImportOptions as_image = { .has_kind = TRUE, .kind = DEBRIEF_EVIDENCE_KIND_IMAGE };
  DebriefImportOptions as_metrics = { .has_kind = TRUE, .kind = DEBRIEF_EVIDENCE_KIND_METRICS };
  g_autofree char *message = NULL;
  GListModel *list = debrief_document_get_records (document, DEBRIEF_TYPE_EVIDENCE);

  /* Something imported first, which no failure may harm. */
  kept = debrief_test_import_evidence (document, endings, NULL, NULL);

  message = import_fails (document, empty, NULL, DEBRIEF_EVIDENCE_ERROR_EMPTY);
  g_assert_nonnull (strstr (message, "empty.log"));
  g_clear_pointer (&message, g_free);

  message = import_fails (document, bin, &as_log, DEBRIEF_EVIDENCE_ERROR_NOT_TEXT);
  g_assert_nonnull (strstr (message, "not text"));
  g_clear_pointer (&message, g_free);

  message = import_fails (document, bin, &as_image, DEBRIEF_EVIDENCE_ERROR_UNREADABLE);
  g_clear_pointer (&message, g_free);

  message = import_fails (document, truncated, &as_chat, -1);
  g_assert_nonnull (strstr (message, "truncated-slack.json"));
  g_clear_pointer (&message, g_free);

  message = import_fails (document, bomb, &as_chat, -1);
  g_assert_cmpstr (message, !=, "");
  g_clear_pointer (&message, g_free);

  message = import_fails (document, missing, NULL, DEBRIEF_EVIDENCE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (message, "no longer there"));
  g_clear_pointer (&message, g_free);

  /* Without a time column, a CSV is kept as a plain file unless the user
   * says it is metrics, which it cannot be. */
  message = import_fails (document, no_time, &as_metrics, -1);
  g_assert_nonnull (strstr (message, "time"));
  g_clear_pointer (&message, g_free);

  /* Nothing of the failures is left behind, and what was there is whole. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpint (debrief_test_query_int (_debrief_document_get_db (document),
                                           "SELECT count(DISTINCT evidence_uuid) FROM evidence_chunk"), ==, 1);

  /* CR, LF and CRLF endings each end a line, and stay in the stored bytes. */
  g_assert_cmpint (debrief_evidence_get_line_count (kept), ==, 5);
  {
    g_autoptr(DebriefLogModel) model = debrief_log_model_new (document, kept, NULL);
    g_autoptr(DebriefLogRow) row0 = row_at (G_LIST_MODEL (model), 0);
    g_autoptr(DebriefLogRow) row3 = row_at (G_LIST_MODEL (model), 3);
    g_autoptr(DebriefLogRow) row4 = row_at (G_LIST_MODEL (model), 4);

    g_assert_cmpstr (debrief_log_row_get_text (row0), ==, "I (312) boot: ESP-IDF v5.1.2 2nd stage bootloader");
    g_assert_cmpstr (debrief_log_row_get_text (row3), ==, "E (61000) ota: image header CRC mismatch");
    g_assert_cmpint (debrief_log_row_get_level (row4), ==, DEBRIEF_LOG_LEVEL_ERROR);
  }

  /* Invalid UTF-8 and NUL are shown as replacement and NUL symbols, and
   * stored byte-exact. */
  {
    g_autoptr(DebriefEvidence) broken = debrief_test_import_evidence (document, invalid, &as_log, NULL);
    g_autoptr(DebriefLogModel) model = debrief_log_model_new (document, broken, NULL);
    g_autoptr(DebriefLogRow) row1 = row_at (G_LIST_MODEL (model), 1);
    g_autoptr(DebriefLogRow) row2 = row_at (G_LIST_MODEL (model), 2);
    g_autoptr(GBytes) bytes = debrief_evidence_read_bytes (document, broken, G_MAXSIZE, NULL);
    g_autofree char *original = NULL;
    gsize length;

    g_assert_true (g_utf8_validate (debrief_log_row_get_text (row1), -1, NULL));
    g_assert_nonnull (strstr (debrief_log_row_get_text (row1), "\357\277\275"));
    g_assert_cmpstr (debrief_log_row_get_text (row2), ==, "2026-03-14T02:11:09.000Z uart0: watchdog\342\220\200after NUL");
    g_assert_true (g_file_load_contents (invalid, NULL, &original, &length, NULL, NULL));
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), original, length);
  }

  debrief_test_remove_tree (dir);
}

static void
test_long_line_and_many_chunks (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GString) text = g_string_new ("2026-03-14T02:11:07.000Z start\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(DebriefEvidence) evidence = NULL;
  g_autoptr(DebriefLogModel) model = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autofree char *warning = NULL;
  guint n_lines;

  /* One 10 MB line, then 60 000 short ones across many chunks. */
  g_string_append (text, "2026-03-14T02:11:08.000Z ");
  for (guint i = 0; i < 10 * 1024 * 1024 / 8; i++)
    g_string_append (text, "DEADBEEF");
  g_string_append_c (text, '\n');
  for (guint i = 0; i < 60000; i++)
    g_string_append_printf (text, "2026-03-14T03:%02u:%02u.%03uZ node-%u heap free %u\n",
                            (i / 1000) % 60, (i / 10) % 60, i % 1000, i % 7, i);
  file = debrief_test_write_text (dir, "long.log", text->str, (gssize) text->len);

  evidence = debrief_test_import_evidence (document, file, NULL, &warning);
  /* The 10 MB line is kept in pieces of at most 4 MB, each a row. */
  g_assert_nonnull (warning);
  n_lines = (guint) debrief_evidence_get_line_count (evidence);
  g_assert_cmpuint (n_lines, ==, 1 + 3 + 60000);
  g_assert_cmpint (count_chunks (document, "evidence_chunk", debrief_record_get_uuid (DEBRIEF_RECORD (evidence))),
                   ==,
                   count_chunks (document, "evidence_line_index", debrief_record_get_uuid (DEBRIEF_RECORD (evidence))));
  g_assert_cmpint (count_chunks (document, "evidence_chunk", debrief_record_get_uuid (DEBRIEF_RECORD (evidence))), >, 4);

  stored = debrief_evidence_read_bytes (document, evidence, G_MAXSIZE, NULL);
  g_assert_cmpmem (g_bytes_get_data (stored, NULL), g_bytes_get_size (stored), text->str, text->len);

  model = debrief_log_model_new (document, evidence, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_lines);
  {
    g_autoptr(DebriefLogRow) piece = row_at (G_LIST_MODEL (model), 1);
    g_autoptr(DebriefLogRow) last = row_at (G_LIST_MODEL (model), n_lines - 1);
    g_autoptr(DebriefLogRow) middle = row_at (G_LIST_MODEL (model), 4 + 31415);

    /* A row holds at most 16 KiB of a line. */
    g_assert_cmpuint (strlen (debrief_log_row_get_text (piece)), <=, DEBRIEF_LOG_ROW_MAX_TEXT + 4);
    g_assert_true (g_str_has_suffix (debrief_log_row_get_text (piece), "…"));
    g_assert_cmpstr (debrief_log_row_get_text (last), ==, "2026-03-14T03:59:59.999Z node-2 heap free 59999");
    g_assert_cmpstr (debrief_log_row_get_text (middle), ==, "2026-03-14T03:31:21.415Z node-6 heap free 31415");
  }

  debrief_test_remove_tree (dir);
}

typedef struct
{
  GPtrArray *lines;
} Matches;

static gboolean
collect_match (const DebriefSearchMatch *match,
               gpointer                  user_data)
{
  Matches *matches = user_data;

  g_assert_true (g_utf8_validate (match->text, -1, NULL));
  g_assert_cmpuint (match->match_start + match->match_length, <=, strlen (match->text));
  g_ptr_array_add (matches->lines,
                   g_strdup_printf ("%s:%" G_GUINT64_FORMAT ":%.*s|%s", match->evidence_title, match->line,
                                    (int) match->match_length, match->text + match->match_start,
                                    match->usec == G_MININT64 ? "-" : "t"));
  return TRUE;
}

static gboolean
stop_after_one (const DebriefSearchMatch *match,
                gpointer                  user_data)
{
  (*(guint *) user_data)++;
  return FALSE;
}

static void
test_search (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autoptr(GFile) gateway = fixture ("gateway.log");
  g_autoptr(GFile) zephyr = fixture ("device-zephyr.log");
  g_autoptr(GFile) report = fixture ("report.md");
  g_autoptr(GFile) chat = data_file ("chat", "mattermost.jsonl");
  g_autoptr(DebriefEvidence) a = debrief_test_import_evidence (document, gateway, NULL, NULL);
  g_autoptr(DebriefEvidence) b = debrief_test_import_evidence (document, zephyr, NULL, NULL);
  g_autoptr(DebriefEvidence) c = debrief_test_import_evidence (document, report, NULL, NULL);
  g_autoptr(DebriefEvidence) d = debrief_test_import_evidence (document, chat, NULL, NULL);
  g_autoptr(DebriefEvidenceSource) source = debrief_evidence_source_new (document);
  g_autoptr(GError) error = NULL;
  Matches matches = { g_ptr_array_new_with_free_func (g_free) };
  guint n = 0;

  g_assert_true (debrief_evidence_search (source, "crc MISMATCH", FALSE, collect_match, &matches, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (matches.lines->len, ==, 3);
  g_assert_cmpstr (matches.lines->pdata[0], ==, "gateway.log:3:CRC mismatch|t");
  g_assert_cmpstr (matches.lines->pdata[1], ==, "device-zephyr.log:3:CRC mismatch|t");
  g_assert_cmpstr (matches.lines->pdata[2], ==, "report.md:3:CRC mismatch|-");

  /* Case, when asked. */
  g_ptr_array_set_size (matches.lines, 0);
  g_assert_true (debrief_evidence_search (source, "CrcMismatch", TRUE, collect_match, &matches, NULL, &error));
  g_assert_cmpuint (matches.lines->len, ==, 2);
  g_assert_cmpstr (matches.lines->pdata[0], ==, "gateway.log:6:CrcMismatch|t");
  g_assert_cmpstr (matches.lines->pdata[1], ==, "gateway.log:7:CrcMismatch|t");
  g_ptr_array_set_size (matches.lines, 0);
  g_assert_true (debrief_evidence_search (source, "crcmismatch", TRUE, collect_match, &matches, NULL, &error));
  g_assert_cmpuint (matches.lines->len, ==, 0);

  /* The caller can stop. */
  g_assert_true (debrief_evidence_search (source, "watchdog", FALSE, stop_after_one, &n, NULL, &error));
  g_assert_cmpuint (n, ==, 1);

  /* Nothing found is no error. */
  g_ptr_array_set_size (matches.lines, 0);
  g_assert_true (debrief_evidence_search (source, "no such words anywhere", FALSE, collect_match, &matches, NULL, &error));
  g_assert_cmpuint (matches.lines->len, ==, 0);

  g_ptr_array_unref (matches.lines);
  (void) a; (void) b; (void) c; (void) d;
}

static void
test_find_edge_cases (void)
{
  gsize at;
  g_autofree char *long_text = g_strnfill (100, 'x');

  g_assert_true (_debrief_ascii_find ("abcWATCHdog", 11, "watchdog", 8, FALSE, &at));
  g_assert_cmpuint (at, ==, 3);
  g_assert_false (_debrief_ascii_find ("abcWATCHdog", 11, "watchdog", 8, TRUE, &at));
  g_assert_false (_debrief_ascii_find ("watchdo", 7, "watchdog", 8, FALSE, &at));
  /* A match at the very end, past the last full block of sixteen. */
  long_text[97] = 'Y';
  long_text[98] = 'z';
  long_text[99] = 'Q';
  g_assert_true (_debrief_ascii_find (long_text, 100, "yZq", 3, FALSE, &at));
  g_assert_cmpuint (at, ==, 97);
  /* Letters fold, other bytes do not: '[' is not '{'. */
  g_assert_false (_debrief_ascii_find ("{err}", 5, "[err]", 5, FALSE, &at));
}

static void
test_merged_log (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autoptr(GFile) gateway = fixture ("gateway.log");
  g_autoptr(GFile) zephyr = fixture ("device-zephyr.log");
  g_autoptr(GFile) report = fixture ("report.md");
  g_autoptr(GDateTime) boot = debrief_test_datetime ("2026-03-14T02:12:29.500Z");
  DebriefImportOptions options = { .boot_time = boot };
  g_autoptr(DebriefEvidence) a = debrief_test_import_evidence (document, gateway, NULL, NULL);
  g_autoptr(DebriefEvidence) b = debrief_test_import_evidence (document, zephyr, &options, NULL);
  g_autoptr(DebriefEvidence) c = debrief_test_import_evidence (document, report, NULL, NULL);
  g_autoptr(DebriefEvidenceSource) source = debrief_evidence_source_new (document);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;

  g_assert_true (debrief_evidence_write_merged_log (source, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  lines = g_strsplit (text, "\n", -1);

  /* 10 + 9 lines and the empty string after the last newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, 20);
  g_assert_cmpstr (lines[0], ==, "2026-03-14T02:11:07.123Z\tgateway.log\tinfo\t2026-03-14T02:11:07.123Z gw-17 fwupd[311]: INFO ota: campaign 42 started for 1200 devices");
  /* The device's banner has no time: it takes the first of its log. */
  g_assert_cmpstr (lines[2], ==, "2026-03-14T02:12:29.502Z\tdevice-zephyr.log\t\t*** Booting Zephyr OS build v3.5.0 ***");
  g_assert_cmpstr (lines[6], ==, "2026-03-14T02:12:31.233Z\tdevice-zephyr.log\terror\t[00:00:01.733,412] <err> ota: CRC mismatch on block 118: expected 0x9a3c got 0x1f07");
  /* A continuation line carries its record's time and level. */
  g_assert_cmpstr (lines[8], ==, "2026-03-14T02:12:31.233Z\tdevice-zephyr.log\terror\t  r0/a1:  0x00000000  r1/a2:  0x20001f40  r2/a3:  0x00000076");
  g_assert_true (g_str_has_prefix (lines[10], "2026-03-14T02:12:31.250Z\tgateway.log\terror\t"));
  g_assert_true (g_str_has_prefix (lines[18], "2026-03-14T02:20:45.900Z\tgateway.log\t"));

  /* Sorted throughout. */
  for (guint i = 1; i < 19; i++)
    g_assert_cmpint (strncmp (lines[i - 1], lines[i], 24), <=, 0);
  (void) a; (void) c;
}

static void
count_warning (const char *message,
               gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_merged_log_warnings (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autoptr(GFile) zephyr = fixture ("device-zephyr.log");
  g_autoptr(DebriefEvidence) b = debrief_test_import_evidence (document, zephyr, NULL, NULL);
  g_autoptr(DebriefEvidenceSource) source = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) text = g_bytes_new_static ("no times here\nnor here\n", 23);
  DebriefImportOptions as_log = { .has_kind = TRUE, .kind = DEBRIEF_EVIDENCE_KIND_LOG };
  g_autoptr(DebriefEvidence) pasted = NULL;
  g_autoptr(GError) error = NULL;
  guint n_warnings = 0;

  source = debrief_evidence_source_new (document);
  pasted = debrief_evidence_import_bytes (source, text, "Pasted text", &as_log, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (debrief_evidence_add_to_document (document, pasted, &error));

  g_assert_true (debrief_evidence_write_merged_log (source, out, count_warning, &n_warnings, NULL, &error));
  /* Since boot with no boot time; and no times at all. */
  g_assert_cmpuint (n_warnings, ==, 2);
  (void) b;
}

static void
test_cite (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autoptr(GFile) gateway = fixture ("gateway.log");
  g_autoptr(DebriefEvidence) evidence = debrief_test_import_evidence (document, gateway, NULL, NULL);
  g_autoptr(DebriefTimelineEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *events = debrief_document_get_records (document, DEBRIEF_TYPE_TIMELINE_EVENT);
  gint64 at = debrief_test_usec ("2026-03-14T02:12:31.250Z");

  event = debrief_evidence_cite (document, evidence, 3, 7, at,
                                 "2026-03-14T02:12:31.250Z gw-17 fwupd[311]: ERROR ota: batch 1 failed\nTraceback (most recent call last):",
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
  g_assert_cmpstr (debrief_timeline_event_get_title (event), ==, "2026-03-14T02:12:31.250Z gw-17 fwupd[311]: ERROR ota: batch 1 failed");
  g_assert_nonnull (strstr (debrief_timeline_event_get_description (event), "Traceback"));
  g_assert_cmpint (debrief_date_time_to_usec (debrief_timeline_event_get_occurred_at (event)), ==, at);

  /* The link back to the exact lines. */
  g_assert_cmpstr (debrief_timeline_event_get_evidence_uuid (event), ==, debrief_record_get_uuid (DEBRIEF_RECORD (evidence)));
  g_assert_cmpint (debrief_timeline_event_get_evidence_first (event), ==, 3);
  g_assert_cmpint (debrief_timeline_event_get_evidence_last (event), ==, 7);

  /* One undoable edit. */
  g_assert_true (debrief_document_undo (document, &error));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 0);
  g_assert_true (debrief_document_redo (document, &error));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
}

static gboolean
first_match (const DebriefSearchMatch *match,
             gpointer                  user_data)
{
  DebriefSearchMatch *out = user_data;

  out->line = match->line;
  out->usec = match->usec;
  out->since_boot = match->since_boot;
  return FALSE;
}

/* A clock that counts from boot, shifted but with no boot time: its times
 * are time since boot in the rows, the search and citations, never a date
 * in 1969 or 1970. A boot time puts it on the incident's clock. */
static void
test_since_boot_clock_is_not_a_date (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autoptr(GFile) file = fixture ("device-zephyr.log");
  DebriefImportOptions options = { .has_clock_offset = TRUE, .clock_offset_ms = -2000 };
  g_autoptr(DebriefEvidence) evidence = debrief_test_import_evidence (document, file, &options, NULL);
  g_autoptr(DebriefLogModel) model = debrief_log_model_new (document, evidence, NULL);
  g_autoptr(DebriefEvidenceSource) source = debrief_evidence_source_new (document);
  g_autoptr(GDateTime) boot = debrief_test_datetime ("2026-03-14T02:12:29.000Z");
  g_autoptr(DebriefTimelineEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  DebriefSearchMatch match = { 0 };

  g_assert_false (debrief_evidence_is_on_incident_clock (evidence));
  g_assert_false (debrief_log_model_get_on_incident_clock (model));
  g_assert_cmpint (debrief_evidence_get_raw_first_usec (evidence), ==, 2136);
  {
    g_autoptr(DebriefLogRow) row = row_at (G_LIST_MODEL (model), 3);

    g_assert_true (debrief_log_row_get_since_boot (row));
    g_assert_cmpint (debrief_log_row_get_usec (row), ==, 1733412);
    /* The message apart from the stamp and level the view shows apart. */
    g_assert_cmpstr (debrief_log_row_get_message (row), ==, "ota: CRC mismatch on block 118: expected 0x9a3c got 0x1f07");
  }

  g_assert_true (debrief_evidence_search (source, "CRC mismatch", FALSE, first_match, &match, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (match.line, ==, 3);
  g_assert_true (match.since_boot);
  g_assert_cmpint (match.usec, ==, 1733412);

  /* Cited, the line has no time on the incident's timeline. */
  event = debrief_evidence_cite (document, evidence, 3, 3, 1733412, "CRC mismatch", &error);
  g_assert_no_error (error);
  g_assert_null (debrief_timeline_event_get_occurred_at (event));
  g_clear_object (&event);

  /* With a boot time it is on the incident's clock. */
  g_assert_true (debrief_evidence_set_boot_time (document, evidence, boot, &error));
  g_assert_true (debrief_evidence_is_on_incident_clock (evidence));
  g_assert_true (debrief_log_model_get_on_incident_clock (model));
  {
    g_autoptr(DebriefLogRow) row = row_at (G_LIST_MODEL (model), 3);

    g_assert_false (debrief_log_row_get_since_boot (row));
    g_assert_cmpint (debrief_log_row_get_usec (row), ==, debrief_test_usec ("2026-03-14T02:12:30.733412Z"));
  }
  match = (DebriefSearchMatch) { 0 };
  g_assert_true (debrief_evidence_search (source, "CRC mismatch", FALSE, first_match, &match, NULL, &error));
  g_assert_false (match.since_boot);
  g_assert_cmpint (match.usec, ==, debrief_test_usec ("2026-03-14T02:12:30.733412Z"));
  event = debrief_evidence_cite (document, evidence, 3, 3, match.usec, "CRC mismatch", &error);
  g_assert_nonnull (debrief_timeline_event_get_occurred_at (event));
}

/* The rows of a wall-clock log know where the stamp ends: the view shows
 * the message apart, and the stamp as written on demand. */
static void
test_log_rows_know_their_stamp (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autoptr(GFile) file = fixture ("gateway.log");
  g_autoptr(DebriefEvidence) evidence = debrief_test_import_evidence (document, file, NULL, NULL);
  g_autoptr(DebriefLogModel) model = debrief_log_model_new (document, evidence, NULL);
  g_autoptr(DebriefLogRow) row = row_at (G_LIST_MODEL (model), 3);
  g_autofree char *written = debrief_log_row_dup_written_time (row);

  g_assert_true (debrief_evidence_is_on_incident_clock (evidence));
  g_assert_false (debrief_log_row_get_since_boot (row));
  g_assert_cmpstr (written, ==, "2026-03-14T02:12:31.250Z");
  g_assert_true (g_str_has_prefix (debrief_log_row_get_message (row), "gw-17 fwupd[311]: "));
  g_assert_true (g_str_has_prefix (debrief_log_row_get_text (row), "2026-03-14T02:12:31.250Z gw-17"));
}

/* A log that counts from boot with a few wall-clock lines in it (two
 * devices on one console): its range is on its own clock, not from 1970
 * to 2026, and the import says what became of the other lines. */
static void
test_mixed_clocks_keep_one_range (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autofree char *dir = g_dir_make_tmp ("debrief-mixed-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "mixed.log", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *warning = NULL;
  g_autoptr(DebriefEvidence) evidence = NULL;
  g_autoptr(DebriefLogModel) model = NULL;
  const char *text =
    "2026-03-14T02:11:07.027Z gw-28 fwupd[932]: isr: watchdog fed\n"
    "I (306) flash: image slot 1 verified\n"
    "W (311) wifi: i2c bus 0 NACK\n"
    "2026-03-14T02:11:07.337Z gw-04 fwupd[919]: boot: jumping to application\n"
    "E (350) boot: bootloader: jumping to application\n"
    "I (386) pwr: i2c bus 15 NACK\n"
    "I (4386) pwr: brown-out detected\n";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  evidence = debrief_test_import_evidence (document, file, NULL, &warning);
  model = debrief_log_model_new (document, evidence, NULL);

  g_assert_cmpint (debrief_evidence_get_timestamp_format (evidence), ==, DEBRIEF_TS_ESPIDF);
  g_assert_false (debrief_evidence_is_on_incident_clock (evidence));
  g_assert_cmpint (debrief_evidence_get_raw_first_usec (evidence), ==, 306 * 1000);
  g_assert_cmpint (debrief_evidence_get_raw_last_usec (evidence), ==, 4386 * 1000);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "2 lines have a wall-clock time"));

  /* The wall-clock line keeps its text, at the time of the line above. */
  {
    g_autoptr(DebriefLogRow) first = row_at (G_LIST_MODEL (model), 0);
    g_autoptr(DebriefLogRow) wall = row_at (G_LIST_MODEL (model), 3);

    g_assert_cmpint (debrief_log_row_get_usec (first), ==, G_MININT64);
    g_assert_false (debrief_log_row_get_has_stamp (wall));
    g_assert_cmpint (debrief_log_row_get_usec (wall), ==, 311 * 1000);
    g_assert_true (g_str_has_prefix (debrief_log_row_get_message (wall), "2026-03-14T02:11:07.337Z"));
  }

  g_assert_true (g_file_delete (file, NULL, NULL));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_undo_save_and_reopen (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "incident.debrief", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GFile) gateway = fixture ("gateway.log");
  g_autoptr(GFile) zephyr = fixture ("device-zephyr.log");
  g_autoptr(DebriefEvidence) kept = debrief_test_import_evidence (document, gateway, NULL, NULL);
  g_autoptr(DebriefEvidence) removed = debrief_test_import_evidence (document, zephyr, NULL, NULL);
  g_autoptr(DebriefDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list = debrief_document_get_records (document, DEBRIEF_TYPE_EVIDENCE);
  const char *removed_uuid = debrief_record_get_uuid (DEBRIEF_RECORD (removed));
  sqlite3 *saved;

  /* Undoing an import and redoing it brings its content back. */
  g_assert_true (debrief_document_undo (document, &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_true (debrief_document_redo (document, &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(DebriefEvidence) again = g_list_model_get_item (list, 1);
    g_autoptr(DebriefLogModel) model = debrief_log_model_new (document, again, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 9);
  }

  /* Removed, then saved: the saved file holds no trace of its content. */
  {
    g_autoptr(DebriefEvidence) again = g_list_model_get_item (list, 1);

    g_assert_true (debrief_document_remove (document, DEBRIEF_RECORD (again), &error));
  }
  debrief_document_save (document, target, NULL, &error);
  g_assert_no_error (error);

  saved = debrief_test_open_checked (path);
  g_assert_cmpint (debrief_test_query_int (saved, "SELECT count(*) FROM evidence"), ==, 1);
  g_assert_cmpint (debrief_test_query_int (saved, "SELECT count(DISTINCT evidence_uuid) FROM evidence_chunk"), ==, 1);
  g_assert_cmpint (debrief_test_query_int (saved, "SELECT count(DISTINCT evidence_uuid) FROM evidence_line_index"), ==, 1);
  sqlite3_close (saved);

  /* While the working copy keeps it for a redo. */
  g_assert_cmpint (count_chunks (document, "evidence_chunk", removed_uuid), >, 0);
  g_assert_true (debrief_document_undo (document, &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  reopened = debrief_document_open (target, DEBRIEF_OPEN_FLAGS_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    GListModel *reopened_list = debrief_document_get_records (reopened, DEBRIEF_TYPE_EVIDENCE);
    g_autoptr(DebriefEvidence) item = g_list_model_get_item (reopened_list, 0);
    g_autoptr(DebriefLogModel) model = debrief_log_model_new (reopened, item, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (reopened_list), ==, 1);
    g_assert_cmpstr (debrief_evidence_get_sha256 (item), ==, debrief_evidence_get_sha256 (kept));
    g_assert_cmpint (debrief_evidence_get_timestamp_format (item), ==, DEBRIEF_TS_ISO8601);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  }

  debrief_document_close (reopened);
  debrief_document_close (document);
  debrief_test_remove_tree (dir);
}

static void
test_migrate_version_1 (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.debrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DebriefDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  GListModel *list;

  /* A file as the first release wrote it, with one evidence item. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (_debrief_schema_create_version (db, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO document_info VALUES ('document-uuid', 'b3c0c1de-0000-4000-8000-000000000001'),"
                                 " ('created-at', '2026-03-14T00:00:00Z'), ('created-by', 'Old'), ('revision', '');"
                                 "INSERT INTO incident (uuid, modified_at, modified_by, title) VALUES "
                                 "('b3c0c1de-0000-4000-8000-000000000002', '2026-03-14T00:00:00Z', 'Old', 'OTA campaign 42');"
                                 "INSERT INTO evidence (uuid, modified_at, modified_by, title, kind, size) VALUES "
                                 "('b3c0c1de-0000-4000-8000-000000000003', '2026-03-14T00:00:00Z', 'Old', 'notes.txt', 'report', 5);"
                                 "INSERT INTO evidence_chunk VALUES ('b3c0c1de-0000-4000-8000-000000000003', 0, 'none', 5, x'68656c6c6f');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  document = debrief_document_open (file, DEBRIEF_OPEN_FLAGS_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (debrief_document_get_read_only (document));
  g_assert_cmpstr (debrief_incident_get_title (debrief_document_get_incident (document)), ==, "OTA campaign 42");

  list = debrief_document_get_records (document, DEBRIEF_TYPE_EVIDENCE);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  {
    g_autoptr(DebriefEvidence) item = g_list_model_get_item (list, 0);
    g_autoptr(GBytes) bytes = debrief_evidence_read_bytes (document, item, 1024, &error);

    g_assert_no_error (error);
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "hello", 5);
    g_assert_cmpint (debrief_evidence_get_line_count (item), ==, 0);
    g_assert_null (debrief_evidence_get_first_at (item));
  }

  /* Saved, it is a version 2 file that checks clean. */
  g_assert_true (debrief_document_save (document, file, NULL, &error));
  g_assert_no_error (error);
  db = debrief_test_open_checked (path);
  g_assert_cmpint (debrief_test_query_int (db, "PRAGMA user_version"), ==, DEBRIEF_SCHEMA_VERSION);
  g_assert_cmpint (debrief_test_query_int (db, "SELECT count(*) FROM evidence_chunk"), ==, 1);
  sqlite3_close (db);

  debrief_document_close (document);
  debrief_test_remove_tree (dir);
}

static void
test_read_only_refuses_import (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "ro.debrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autoptr(DebriefDocument) read_only = NULL;
  g_autoptr(GFile) gateway = fixture ("gateway.log");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_assert_true (debrief_document_save (document, file, NULL, &error));
  read_only = debrief_document_open (file, DEBRIEF_OPEN_FLAGS_READ_ONLY, NULL, NULL, &error);
  g_assert_no_error (error);

  message = import_fails (read_only, gateway, NULL, DEBRIEF_EVIDENCE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (message, "read-only"));

  debrief_document_close (read_only);
  debrief_document_close (document);
  debrief_test_remove_tree (dir);
}

static void
record_progress (guint64  done,
                 guint64  total,
                 gpointer user_data)
{
  GArray *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  g_array_append_val (calls, done);
}

static void
test_progress_and_cancel (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(DebriefEvidenceSource) source = debrief_evidence_source_new (document);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(DebriefEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 120000; i++)
    g_string_append_printf (text, "[%5u.%06u] pwr: rail %u at %u mV\n", i / 100, (i % 100) * 10000, i % 4, 3300 - i % 50);
  file = debrief_test_write_text (dir, "kmsg.log", text->str, (gssize) text->len);

  evidence = debrief_evidence_import_file (source, file, NULL, record_progress, calls, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, >=, 3);
  g_assert_cmpuint (g_array_index (calls, guint64, calls->len - 1), ==, text->len);
  g_clear_object (&evidence);

  /* A cancelled import leaves nothing behind. */
  g_cancellable_cancel (cancellable);
  evidence = debrief_evidence_import_file (source, file, NULL, NULL, NULL, NULL, cancellable, &error);
  g_assert_null (evidence);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* The first, never added, is discarded by its importer's caller. */
  g_assert_cmpint (debrief_test_query_int (_debrief_document_get_db (document),
                                           "SELECT count(DISTINCT evidence_uuid) FROM evidence_chunk"), ==, 1);

  debrief_test_remove_tree (dir);
}

static void
test_json_round_trip_reindexes_logs (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autoptr(GFile) zephyr = fixture ("device-zephyr.log");
  g_autoptr(DebriefEvidence) evidence = debrief_test_import_evidence (document, zephyr, NULL, NULL);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(DebriefDocument) copy = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list;

  g_assert_true (debrief_document_export_json (document, out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  in = g_memory_input_stream_new_from_bytes (g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out)));

  copy = debrief_document_import_json (in, NULL, NULL, &error);
  g_assert_no_error (error);
  list = debrief_document_get_records (copy, DEBRIEF_TYPE_EVIDENCE);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  {
    g_autoptr(DebriefEvidence) item = g_list_model_get_item (list, 0);
    g_autoptr(DebriefLogModel) model = debrief_log_model_new (copy, item, &error);
    g_autoptr(DebriefLogRow) row = NULL;

    /* The export carries the bytes; the lines are indexed anew. */
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 9);
    row = row_at (G_LIST_MODEL (model), 3);
    g_assert_cmpint (debrief_log_row_get_level (row), ==, DEBRIEF_LOG_LEVEL_ERROR);
    g_assert_cmpstr (debrief_evidence_get_sha256 (item), ==, debrief_evidence_get_sha256 (evidence));
    g_assert_true (debrief_evidence_get_since_boot (item));
  }

  debrief_document_close (copy);
}

/* The kind detector called a GIF an image, and the import then refused
 * it as "not a PNG or JPEG image". */
static void
test_import_gif_detected_as_image (void)
{
  static const guint8 gif[] = "GIF89a\001\000\001\000\200\000\000\377\377\377\000\000\000"
                              "!\371\004\001\000\000\000\000,\000\000\000\000\001\000\001\000\000\002\002D\001\000;";
  static const guint8 bmp[] = "BM\072\000\000\000\000\000\000\000\066\000\000\000\050\000\000\000"
                              "\001\000\000\000\001\000\000\000\001\000\030\000\000\000\000\000"
                              "\004\000\000\000\023\013\000\000\023\013\000\000\000\000\000\000"
                              "\000\000\000\000\000\000\377\000";
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) gif_file = g_file_new_build_filename (dir, "pixel.gif", NULL);
  g_autoptr(GFile) bmp_file = g_file_new_build_filename (dir, "pixel.bmp", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefEvidence) detected = NULL;
  g_autoptr(DebriefEvidence) forced = NULL;
  g_autoptr(DebriefEvidence) bitmap = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autofree char *warning = NULL;
  DebriefImportOptions as_image = { .has_kind = TRUE, .kind = DEBRIEF_EVIDENCE_KIND_IMAGE };

  g_file_replace_contents (gif_file, (const char *) gif, sizeof gif - 1, NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_replace_contents (bmp_file, (const char *) bmp, sizeof bmp - 1, NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  detected = debrief_test_import_evidence (document, gif_file, NULL, &warning);
  g_assert_cmpint (debrief_evidence_get_kind (detected), ==, DEBRIEF_EVIDENCE_KIND_IMAGE);
  g_assert_null (warning);
  stored = debrief_evidence_read_bytes (document, detected, G_MAXSIZE, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (stored, NULL), g_bytes_get_size (stored), gif, sizeof gif - 1);

  forced = debrief_test_import_evidence (document, gif_file, &as_image, NULL);
  g_assert_cmpint (debrief_evidence_get_kind (forced), ==, DEBRIEF_EVIDENCE_KIND_IMAGE);

  bitmap = debrief_test_import_evidence (document, bmp_file, NULL, NULL);
  g_assert_cmpint (debrief_evidence_get_kind (bitmap), ==, DEBRIEF_EVIDENCE_KIND_IMAGE);

  debrief_test_remove_tree (dir);
}

/* A WebP image is an image, but the image view has no reader for it: it
 * is kept as another file, and the user is told why. */
static void
test_import_webp_kept_as_other_file (void)
{
  static const guint8 webp[] = { 'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' ' };
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autoptr(DebriefEvidenceSource) source = debrief_evidence_source_new (document);
  g_autoptr(GBytes) bytes = g_bytes_new_static (webp, sizeof webp);
  g_autoptr(DebriefEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  DebriefImportOptions as_image = { .has_kind = TRUE, .kind = DEBRIEF_EVIDENCE_KIND_IMAGE };

  evidence = debrief_evidence_import_bytes (source, bytes, "photo.webp", NULL, &warning, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (evidence);
  g_assert_cmpint (debrief_evidence_get_kind (evidence), ==, DEBRIEF_EVIDENCE_KIND_OTHER);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "WebP"));
  debrief_evidence_source_discard (source, evidence);

  g_assert_null (debrief_evidence_import_bytes (source, bytes, "photo.webp", &as_image, NULL, NULL, &error));
  g_assert_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "WebP"));
}

int
main (int   argc,
      char *argv[])
{
  data_home = debrief_test_use_private_data_home ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debrief/evidence/log-import-and-view", test_log_import_and_view);
  g_test_add_func ("/debrief/evidence/log-filter", test_log_filter);
  g_test_add_func ("/debrief/evidence/eml-time-from-date-header", test_eml_time_from_date_header);
  g_test_add_func ("/debrief/evidence/year-assumed-said", test_year_assumed_said);
  g_test_add_func ("/debrief/evidence/clock-alignment", test_clock_alignment);
  g_test_add_func ("/debrief/evidence/since-boot-clock-is-not-a-date", test_since_boot_clock_is_not_a_date);
  g_test_add_func ("/debrief/evidence/log-rows-know-their-stamp", test_log_rows_know_their_stamp);
  g_test_add_func ("/debrief/evidence/mixed-clocks-keep-one-range", test_mixed_clocks_keep_one_range);
  g_test_add_func ("/debrief/evidence/boot-time-option", test_boot_time_option);
  g_test_add_func ("/debrief/evidence/other-kinds", test_other_kinds);
  g_test_add_func ("/debrief/evidence/slack-folder-parsed-once", test_slack_folder_parsed_once);
  g_test_add_func ("/debrief/evidence/bad-input", test_bad_input);
  g_test_add_func ("/debrief/evidence/import-gif-detected-as-image", test_import_gif_detected_as_image);
  g_test_add_func ("/debrief/evidence/import-webp-kept-as-other-file", test_import_webp_kept_as_other_file);
  g_test_add_func ("/debrief/evidence/long-line-and-many-chunks", test_long_line_and_many_chunks);
  g_test_add_func ("/debrief/evidence/search", test_search);
  g_test_add_func ("/debrief/evidence/find-edge-cases", test_find_edge_cases);
  g_test_add_func ("/debrief/evidence/merged-log", test_merged_log);
  g_test_add_func ("/debrief/evidence/merged-log-warnings", test_merged_log_warnings);
  g_test_add_func ("/debrief/evidence/cite", test_cite);
  g_test_add_func ("/debrief/evidence/undo-save-and-reopen", test_undo_save_and_reopen);
  g_test_add_func ("/debrief/evidence/migrate-version-1", test_migrate_version_1);
  g_test_add_func ("/debrief/evidence/read-only-refuses-import", test_read_only_refuses_import);
  g_test_add_func ("/debrief/evidence/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/debrief/evidence/json-round-trip-reindexes-logs", test_json_round_trip_reindexes_logs);

  return debrief_test_run_and_remove (data_home);
}
