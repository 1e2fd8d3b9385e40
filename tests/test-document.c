/* test-document.c
 *
 * The incident document: every field through save and open, durable
 * edits, undo and redo, conflicts between two writers, bad files, failures
 * at every step of saving, and restoring the work of a session that died.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <utime.h>
#include <time.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "debrief-document-private.h"
#include "debrief-participant.h"
#include "debrief-record-private.h"
#include "debrief-revision.h"
#include "debrief-scope-item.h"
#include "debrief-test-records.h"
#include "debrief-test-util.h"
#include "debrief-timeline-event.h"

static char *data_home;

/* A document with every field of the incident and of two records of each
 * kind set to a value that is not the default. */
static DebriefDocument *
new_filled_document (void)
{
  DebriefDocument *document = debrief_test_new_document ("Ada Lovelace");

  debrief_test_fill_document (document);

  return document;
}

static void
assert_documents_equal (DebriefDocument *a,
                        DebriefDocument *b)
{
  g_assert_cmpstr (debrief_document_get_uuid (a), ==, debrief_document_get_uuid (b));
  debrief_test_assert_same_records (a, b, FALSE);
}

static void
test_new_document (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Ada Lovelace");
  DebriefIncident *incident = debrief_document_get_incident (document);
  g_autofree char *name = debrief_document_dup_display_name (document);
  const GType *types;
  guint n_types;

  g_assert_nonnull (incident);
  g_assert_cmpstr (debrief_incident_get_title (incident), ==, "");
  g_assert_cmpint (debrief_incident_get_status (incident), ==, DEBRIEF_INCIDENT_STATUS_DRAFT);
  g_assert_null (debrief_document_get_file (document));
  g_assert_cmpstr (name, ==, "Untitled Incident");
  g_assert_false (debrief_document_get_modified (document));
  g_assert_false (debrief_document_get_read_only (document));
  g_assert_false (debrief_document_get_can_undo (document));
  g_assert_true (g_str_has_prefix (debrief_document_get_working_path (document), data_home));
  g_assert_true (g_file_test (debrief_document_get_working_path (document), G_FILE_TEST_IS_REGULAR));

  types = debrief_document_list_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    g_assert_cmpuint (g_list_model_get_n_items (debrief_document_get_records (document, types[i])), ==, 0);

  debrief_test_close_document (g_steal_pointer (&document));
}

static void
test_schema_matches_records (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Ada Lovelace");
  sqlite3 *db = _debrief_document_get_db (document);
  const GType *types;
  guint n_types;
  GType all[16];
  guint n_all = 0;

  types = debrief_document_list_record_types (&n_types);
  all[n_all++] = DEBRIEF_TYPE_INCIDENT;
  for (guint i = 0; i < n_types; i++)
    all[n_all++] = types[i];

  for (guint i = 0; i < n_all; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (all[i]);
      DebriefRecordClass *record_class = DEBRIEF_RECORD_CLASS (klass);
      g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(%s)", _debrief_record_class_get_table (record_class));
      g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      sqlite3_finalize (stmt);

      /* uuid, modified_at, modified_by, then one column a property. */
      g_assert_cmpuint (columns->len, ==, _debrief_record_class_get_n_columns (record_class) + 3);
      g_assert_cmpstr (g_ptr_array_index (columns, 0), ==, "uuid");
      for (guint j = 0; j < _debrief_record_class_get_n_columns (record_class); j++)
        {
          const char *name = _debrief_record_class_get_column_name (record_class, j);
          gboolean found = FALSE;

          for (guint k = 0; k < columns->len; k++)
            found |= g_strcmp0 (g_ptr_array_index (columns, k), name) == 0;
          if (!found)
            g_error ("Table %s has no column %s", _debrief_record_class_get_table (record_class), name);
        }
    }

  debrief_test_close_document (g_steal_pointer (&document));
}

static void
test_round_trip_every_field (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Gateway outage.debrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DebriefDocument) original = new_filled_document ();
  g_autoptr(DebriefDocument) reopened = NULL;
  g_autoptr(DebriefDocument) again = NULL;
  g_autofree char *name = NULL;
  g_autofree char *other_path = g_build_filename (dir, "copy.debrief", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);

  g_assert_true (debrief_document_get_modified (original));
  debrief_test_save_document (original, file);
  g_assert_false (debrief_document_get_modified (original));
  g_assert_true (g_file_equal (debrief_document_get_file (original), file));
  name = debrief_document_dup_display_name (original);
  g_assert_cmpstr (name, ==, "Gateway outage.debrief");

  reopened = debrief_test_open_document (file, DEBRIEF_OPEN_FLAGS_NONE, "Grace Hopper");
  assert_documents_equal (original, reopened);
  g_assert_false (debrief_document_get_modified (reopened));
  g_assert_cmpstr (debrief_document_get_revision (reopened), ==, debrief_document_get_revision (original));

  /* Through a second save, by another person, to another file. */
  debrief_test_save_document (reopened, other);
  again = debrief_test_open_document (other, DEBRIEF_OPEN_FLAGS_NONE, "Grace Hopper");
  assert_documents_equal (original, again);

  /* Nothing but the document is left beside it: no journal, no temporary
   * file, no WAL. */
  {
    g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
    const char *entry;
    guint count = 0;

    while ((entry = g_dir_read_name (handle)))
      {
        g_assert_true (g_str_equal (entry, "Gateway outage.debrief") || g_str_equal (entry, "copy.debrief"));
        count++;
      }
    g_assert_cmpuint (count, ==, 2);
  }

  debrief_test_close_document (g_steal_pointer (&original));
  debrief_test_close_document (g_steal_pointer (&reopened));
  debrief_test_close_document (g_steal_pointer (&again));
  debrief_test_remove_tree (dir);
}

static void
test_edit_is_durable_at_once (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Ada Lovelace");
  DebriefIncident *incident = debrief_document_get_incident (document);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  debrief_incident_set_title (incident, "Gateway fleet reboot loop");
  g_assert_true (debrief_document_get_modified (document));
  g_assert_cmpstr (debrief_record_get_modified_by (DEBRIEF_RECORD (incident)), ==, "Ada Lovelace");

  /* Another connection sees it on disk, without any save. */
  g_assert_cmpint (sqlite3_open_v2 (debrief_document_get_working_path (document), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT title, modified_by FROM incident", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Gateway fleet reboot loop");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "Ada Lovelace");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  debrief_test_close_document (g_steal_pointer (&document));
}

static void
test_undo_redo (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Ada Lovelace");
  DebriefIncident *incident = debrief_document_get_incident (document);
  GListModel *participants = debrief_document_get_records (document, DEBRIEF_TYPE_PARTICIPANT);
  g_autoptr(DebriefParticipant) ada = debrief_participant_new ();
  g_autoptr(DebriefParticipant) readded = NULL;
  g_autoptr(GError) error = NULL;

  /* A field: typing in quick succession is one step. */
  debrief_incident_set_title (incident, "G");
  debrief_incident_set_title (incident, "Ga");
  debrief_incident_set_title (incident, "Gateway");
  g_assert_true (debrief_document_get_can_undo (document));
  g_assert_true (debrief_document_undo (document, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (debrief_incident_get_title (incident), ==, "");
  g_assert_false (debrief_document_get_can_undo (document));
  g_assert_true (debrief_document_get_can_redo (document));
  g_assert_true (debrief_document_redo (document, &error));
  g_assert_cmpstr (debrief_incident_get_title (incident), ==, "Gateway");

  /* An enumeration and a date. */
  debrief_incident_set_status (incident, DEBRIEF_INCIDENT_STATUS_IN_REVIEW);
  g_assert_true (debrief_document_undo (document, &error));
  g_assert_cmpint (debrief_incident_get_status (incident), ==, DEBRIEF_INCIDENT_STATUS_DRAFT);

  /* Adding a record. */
  debrief_participant_set_name (ada, "Ada Lovelace");
  debrief_participant_set_role (ada, "Facilitator");
  g_assert_true (debrief_document_add (document, DEBRIEF_RECORD (ada), &error));
  g_assert_cmpuint (g_list_model_get_n_items (participants), ==, 1);
  g_assert_true (debrief_document_undo (document, &error));
  g_assert_cmpuint (g_list_model_get_n_items (participants), ==, 0);
  g_assert_null (debrief_record_get_document (DEBRIEF_RECORD (ada)));
  g_assert_true (debrief_document_redo (document, &error));
  g_assert_cmpuint (g_list_model_get_n_items (participants), ==, 1);
  readded = g_list_model_get_item (participants, 0);
  g_assert_cmpstr (debrief_record_get_uuid (DEBRIEF_RECORD (readded)), ==, debrief_record_get_uuid (DEBRIEF_RECORD (ada)));
  g_assert_cmpstr (debrief_participant_get_role (readded), ==, "Facilitator");

  /* Editing the record brought back by redo, then removing it. */
  debrief_participant_set_team (readded, "Firmware");
  g_assert_true (debrief_document_remove (document, DEBRIEF_RECORD (readded), &error));
  g_assert_cmpuint (g_list_model_get_n_items (participants), ==, 0);
  g_assert_true (debrief_document_undo (document, &error));
  g_assert_cmpuint (g_list_model_get_n_items (participants), ==, 1);
  {
    g_autoptr(DebriefParticipant) back = g_list_model_get_item (participants, 0);

    g_assert_cmpstr (debrief_participant_get_team (back), ==, "Firmware");
    g_assert_cmpstr (debrief_participant_get_name (back), ==, "Ada Lovelace");
  }
  g_assert_true (debrief_document_undo (document, &error));
  {
    g_autoptr(DebriefParticipant) back = g_list_model_get_item (participants, 0);

    g_assert_cmpstr (debrief_participant_get_team (back), ==, "");
  }

  /* Edits made as one (a dialog's fields) are one step. */
  {
    g_autoptr(DebriefParticipant) back = g_list_model_get_item (participants, 0);

    debrief_document_begin_group (document);
    debrief_participant_set_name (back, "Ada King");
    debrief_participant_set_team (back, "Analytical Engines");
    debrief_participant_set_present (back, FALSE);
    debrief_document_end_group (document);
    g_assert_true (debrief_document_undo (document, &error));
    g_assert_cmpstr (debrief_participant_get_name (back), ==, "Ada Lovelace");
    g_assert_cmpstr (debrief_participant_get_team (back), ==, "");
    g_assert_true (debrief_participant_get_present (back));
  }

  /* A new edit after undo drops what could be redone. */
  debrief_incident_set_severity (incident, "SEV1");
  g_assert_false (debrief_document_get_can_redo (document));
  g_assert_false (debrief_document_redo (document, &error));
  g_assert_error (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_NOTHING_TO_UNDO);

  debrief_test_close_document (g_steal_pointer (&document));
}

static void
test_undo_survives_save (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "incident.debrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Ada Lovelace");
  DebriefIncident *incident = debrief_document_get_incident (document);
  g_autoptr(GError) error = NULL;

  debrief_incident_set_impact (incident, "All gateways rebooted");
  debrief_test_save_document (document, file);
  g_assert_true (debrief_document_undo (document, &error));
  g_assert_cmpstr (debrief_incident_get_impact (incident), ==, "");
  g_assert_true (debrief_document_get_modified (document));

  debrief_test_close_document (g_steal_pointer (&document));
  debrief_test_remove_tree (dir);
}

static void
test_revision_history (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "incident.debrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Ada Lovelace");
  g_autoptr(DebriefDocument) reopened = NULL;
  GListModel *revisions;
  g_autoptr(DebriefRevision) first = NULL;
  g_autoptr(DebriefRevision) second = NULL;

  debrief_test_save_document (document, file);
  debrief_incident_set_title (debrief_document_get_incident (document), "Second save");
  debrief_test_save_document (document, file);

  reopened = debrief_test_open_document (file, DEBRIEF_OPEN_FLAGS_NONE, "Grace Hopper");
  revisions = debrief_document_get_records (reopened, DEBRIEF_TYPE_REVISION);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 2);
  first = g_list_model_get_item (revisions, 0);
  second = g_list_model_get_item (revisions, 1);
  g_assert_cmpstr (debrief_revision_get_saved_by (first), ==, "Ada Lovelace");
  g_assert_cmpstr (debrief_revision_get_host (first), ==, g_get_host_name ());
  g_assert_nonnull (debrief_revision_get_saved_at (first));
  g_assert_cmpstr (debrief_revision_get_revision_id (second), ==, debrief_document_get_revision (reopened));
  g_assert_cmpstr (debrief_revision_get_revision_id (first), !=, debrief_revision_get_revision_id (second));
  g_assert_true (g_str_has_prefix (debrief_revision_get_app_version (first), "Debrief "));

  debrief_test_close_document (g_steal_pointer (&document));
  debrief_test_close_document (g_steal_pointer (&reopened));
  debrief_test_remove_tree (dir);
}

static void
test_save_conflict (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "shared.debrief", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "mine.debrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(DebriefDocument) creator = debrief_test_new_document ("Ada Lovelace");
  g_autoptr(DebriefDocument) alice = NULL;
  g_autoptr(DebriefDocument) bob = NULL;
  g_autoptr(DebriefDocument) check = NULL;
  g_autoptr(GBytes) bobs_bytes = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  debrief_test_save_document (creator, file);

  alice = debrief_test_open_document (file, DEBRIEF_OPEN_FLAGS_NONE, "Grace Hopper");
  bob = debrief_test_open_document (file, DEBRIEF_OPEN_FLAGS_NONE, "Grace Hopper");
  g_assert_false (debrief_document_file_changed (alice, NULL, &error));

  debrief_incident_set_summary (debrief_document_get_incident (bob), "Bob’s summary");
  debrief_test_save_document (bob, NULL);
  bobs_bytes = debrief_test_read_bytes (g_file_peek_path (file));

  g_assert_true (debrief_document_file_changed (alice, NULL, &error));
  g_assert_no_error (error);

  /* Alice saves without knowing: refused, nothing overwritten, her work
   * still in her working copy. */
  debrief_incident_set_summary (debrief_document_get_incident (alice), "Alice’s summary");
  g_assert_false (debrief_document_save (alice, NULL, NULL, &error));
  g_assert_error (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "shared.debrief"));
  g_clear_error (&error);
  after = debrief_test_read_bytes (g_file_peek_path (file));
  g_assert_true (g_bytes_equal (bobs_bytes, after));
  g_assert_true (debrief_document_get_modified (alice));
  g_assert_cmpstr (debrief_incident_get_summary (debrief_document_get_incident (alice)), ==, "Alice’s summary");
  g_assert_cmpuint (g_list_model_get_n_items (debrief_document_get_records (alice, DEBRIEF_TYPE_REVISION)), ==, 1);

  /* She can save a copy instead. */
  debrief_test_save_document (alice, copy);
  check = debrief_test_open_document (copy, DEBRIEF_OPEN_FLAGS_NONE, "Grace Hopper");
  g_assert_cmpstr (debrief_incident_get_summary (debrief_document_get_incident (check)), ==, "Alice’s summary");

  debrief_test_close_document (g_steal_pointer (&creator));
  debrief_test_close_document (g_steal_pointer (&alice));
  debrief_test_close_document (g_steal_pointer (&bob));
  debrief_test_close_document (g_steal_pointer (&check));
  debrief_test_remove_tree (dir);
}

typedef struct
{
  guint   n_done;
  GError *error;
  guint   n_checks;
  guint   n_changed;
} SaveCounts;

static void
overlapping_save_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SaveCounts *counts = user_data;
  GError *error = NULL;

  if (!debrief_document_save_finish (DEBRIEF_DOCUMENT (object), result, &error) && counts->error == NULL)
    counts->error = error;
  else
    g_clear_error (&error);
  counts->n_done++;
}

static void
racing_check_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SaveCounts *counts = user_data;
  g_autoptr(GError) error = NULL;

  if (debrief_document_check_file_finish (DEBRIEF_DOCUMENT (object), result, &error))
    counts->n_changed++;
  g_assert_no_error (error);
  counts->n_checks++;
}

/* Ctrl+S pressed again before the last save has ended, and the window's
 * check of the file (on a file monitor event) running beside them: none
 * of these saves is anybody else's. */
static void
test_overlapping_saves_are_no_conflict (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "rapid.debrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Ada Lovelace");
  g_autoptr(DebriefDocument) reader = NULL;
  SaveCounts counts = { 0, NULL, 0, 0 };
  guint n_saves = 0;
  guint n_checks = 0;

  debrief_test_save_document (document, file);

  for (guint round = 0; round < 6; round++)
    {
      g_autofree char *title = g_strdup_printf ("Take %u", round);

      debrief_incident_set_title (debrief_document_get_incident (document), title);
      debrief_document_save_async (document, NULL, NULL, overlapping_save_cb, &counts);
      n_saves++;

      /* Checks while the save runs, and as it ends. */
      for (guint i = 0; i < 3; i++)
        {
          debrief_document_check_file_async (document, NULL, racing_check_cb, &counts);
          n_checks++;
          g_main_context_iteration (NULL, FALSE);
        }
    }

  while (counts.n_done < n_saves || counts.n_checks < n_checks)
    {
      g_main_context_iteration (NULL, FALSE);
      if (counts.n_done == n_saves && counts.n_checks < n_checks)
        g_usleep (1000);
      else if (counts.n_done < n_saves)
        {
          /* One check as each save ends, as a file monitor event brings. */
          debrief_document_check_file_async (document, NULL, racing_check_cb, &counts);
          n_checks++;
          g_usleep (1000);
        }
    }

  g_assert_no_error (counts.error);
  g_assert_cmpuint (counts.n_changed, ==, 0);
  g_assert_false (debrief_document_get_modified (document));
  g_assert_false (debrief_document_file_changed (document, NULL, NULL));

  reader = debrief_test_open_document (file, DEBRIEF_OPEN_FLAGS_READ_ONLY, NULL);
  g_assert_cmpstr (debrief_incident_get_title (debrief_document_get_incident (reader)), ==, "Take 5");
  g_assert_cmpstr (debrief_document_get_revision (reader), ==, debrief_document_get_revision (document));
  debrief_document_close (reader);

  debrief_document_close (document);
  debrief_test_remove_tree (dir);
}

/* Without a name given, edits and saves are marked with the account's
 * full name from the system, its login name only when it has none. */
static void
test_default_name_is_account_name (void)
{
  const char *real_name = g_get_real_name ();
  g_autofree char *expected = NULL;
  g_autoptr(DebriefDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  expected = g_strstrip (g_strdup (real_name ? real_name : ""));
  if (*expected == '\0' || g_str_equal (expected, "Unknown"))
    {
      g_free (expected);
      expected = g_strdup (g_get_user_name ());
    }

  document = debrief_document_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (debrief_document_get_user_name (document), ==, expected);
  debrief_document_close (document);
}

static void
test_touched_but_unchanged_saves (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "synced.debrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Ada Lovelace");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  debrief_test_save_document (document, file);

  /* A sync client writes the same bytes again: a new mtime, the same
   * revision. That is no conflict. */
  bytes = debrief_test_read_bytes (g_file_peek_path (file));
  g_usleep (20000);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  g_assert_false (debrief_document_file_changed (document, NULL, &error));
  g_assert_no_error (error);
  debrief_incident_set_title (debrief_document_get_incident (document), "Still mine");
  debrief_test_save_document (document, NULL);

  debrief_test_close_document (g_steal_pointer (&document));
  debrief_test_remove_tree (dir);
}

static void
assert_open_fails (GFile      *file,
                   GQuark      domain,
                   int         code,
                   const char *why)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefDocument) document = NULL;

  document = debrief_document_open (file, DEBRIEF_OPEN_FLAGS_NONE, NULL, NULL, &error);
  if (document != NULL)
    g_error ("A %s opened as a document", why);
  g_assert_nonnull (error);
  if (domain != 0)
    g_assert_error (error, domain, code);
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
test_bad_files (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *good_path = g_build_filename (dir, "good.debrief", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.debrief", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) foreign = NULL;
  g_autoptr(DebriefDocument) document = new_filled_document ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) missing = NULL;
  const guint8 *data;
  gsize length;
  guint drafts_before;
  GRand *rand;
  guint opened = 0;

  debrief_test_save_document (document, good);
  debrief_test_close_document (g_steal_pointer (&document));
  bytes = debrief_test_read_bytes (g_file_peek_path (good));
  data = g_bytes_get_data (bytes, &length);
  drafts_before = debrief_test_count_drafts (data_home);

  g_file_set_contents (bad_path, "", 0, NULL);
  assert_open_fails (bad, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_NOT_A_DOCUMENT, "empty file");

  g_file_set_contents (bad_path, "# Incident report\nThe gateways rebooted.\n", -1, NULL);
  assert_open_fails (bad, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_NOT_A_DOCUMENT, "text file");

  foreign = debrief_test_write_database (dir, "foreign.debrief", 0);
  assert_open_fails (foreign, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_FOREIGN, "foreign database");

  missing = g_file_get_child (good, "nope");
  assert_open_fails (missing, 0, 0, "missing file");

  /* Truncated at many lengths. */
  for (gsize cut = 0; cut < length; cut += MAX (1, length / 150))
    {
      g_file_set_contents (bad_path, (const char *) data, cut, NULL);
      assert_open_fails (bad, 0, 0, "truncated file");
    }

  /* A thousand mutations of a real document: each opens (when the byte
   * did not matter) or fails with a message; never a crash or a hang. */
  rand = g_rand_new_with_seed (20261126);
  for (guint trial = 0; trial < 1000; trial++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, length);
      g_autoptr(DebriefDocument) mutated = NULL;
      g_autoptr(GError) error = NULL;
      guint n_flips = g_rand_int_range (rand, 1, 4);

      for (guint f = 0; f < n_flips; f++)
        copy[g_rand_int_range (rand, 0, (gint32) length)] ^= (guint8) g_rand_int_range (rand, 1, 256);

      g_file_set_contents (bad_path, (const char *) copy, length, NULL);
      mutated = debrief_document_open (bad, DEBRIEF_OPEN_FLAGS_NONE, NULL, NULL, &error);
      if (debrief_test_opened_or_explained (g_steal_pointer (&mutated), error))
        opened++;
    }
  g_rand_free (rand);
  g_test_message ("%u of 1000 mutated documents still opened", opened);

  /* Refused files leave no working copy behind. */
  g_assert_cmpuint (debrief_test_count_drafts (data_home), ==, drafts_before);

  debrief_test_remove_tree (dir);
}

static void
alter_file (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_altered_and_newer_files (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "incident.debrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Ada Lovelace");
  g_autoptr(DebriefDocument) newer = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GError) error = NULL;
  static const char *alterations[] = {
    "CREATE TRIGGER steal AFTER UPDATE ON incident BEGIN DELETE FROM participant; END",
    "CREATE VIEW v AS SELECT * FROM incident",
    "CREATE TABLE extra (x)",
    "ALTER TABLE incident ADD COLUMN secret TEXT",
    "DROP TABLE feedback",
    "INSERT INTO incident (uuid, modified_at, modified_by) VALUES ('x', 'y', 'z')",
    "DELETE FROM incident",
    "DELETE FROM document_info",
  };

  debrief_incident_set_title (debrief_document_get_incident (document), "Watchdog storm");
  debrief_test_save_document (document, file);
  debrief_test_close_document (g_steal_pointer (&document));
  original = debrief_test_read_bytes (g_file_peek_path (file));

  for (guint i = 0; i < G_N_ELEMENTS (alterations); i++)
    {
      g_file_set_contents (path, g_bytes_get_data (original, NULL), g_bytes_get_size (original), NULL);
      alter_file (path, alterations[i]);
      assert_open_fails (file, DEBRIEF_DOCUMENT_ERROR, i < 5 ? DEBRIEF_DOCUMENT_ERROR_FOREIGN
                                                              : DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                         alterations[i]);
    }

  /* A newer Debrief's document (one more table, a newer user_version)
   * opens read-only, with what this version knows of it. */
  g_file_set_contents (path, g_bytes_get_data (original, NULL), g_bytes_get_size (original), NULL);
  alter_file (path, "CREATE TABLE from_the_future (uuid TEXT PRIMARY KEY); PRAGMA user_version = 99");
  newer = debrief_document_open (file, DEBRIEF_OPEN_FLAGS_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (debrief_document_get_read_only (newer));
  g_assert_cmpint (debrief_document_get_read_only_reason (newer), ==, DEBRIEF_READ_ONLY_REASON_NEWER_SCHEMA);
  g_assert_cmpstr (debrief_incident_get_title (debrief_document_get_incident (newer)), ==, "Watchdog storm");
  g_assert_false (debrief_document_save (newer, NULL, NULL, &error));
  g_assert_error (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_READ_ONLY);
  debrief_test_close_document (g_steal_pointer (&newer));

  /* A newer document this version cannot read at all. */
  g_file_set_contents (path, g_bytes_get_data (original, NULL), g_bytes_get_size (original), NULL);
  alter_file (path, "ALTER TABLE incident RENAME COLUMN title TO headline; PRAGMA user_version = 99");
  assert_open_fails (file, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_NEWER, "unreadable newer document");

  debrief_test_remove_tree (dir);
}

static void
test_read_only_refuses_edits (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "incident.debrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Ada Lovelace");
  g_autoptr(DebriefDocument) reader = NULL;
  g_autoptr(DebriefScopeItem) item = debrief_scope_item_new ();
  g_autoptr(GError) error = NULL;

  debrief_test_save_document (document, file);
  reader = debrief_test_open_document (file, DEBRIEF_OPEN_FLAGS_READ_ONLY, "Grace Hopper");
  g_assert_true (debrief_document_get_read_only (reader));
  g_assert_cmpint (debrief_document_get_read_only_reason (reader), ==, DEBRIEF_READ_ONLY_REASON_REQUESTED);
  g_assert_false (debrief_document_add (reader, DEBRIEF_RECORD (item), &error));
  g_assert_error (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_READ_ONLY);

  debrief_test_close_document (g_steal_pointer (&document));
  debrief_test_close_document (g_steal_pointer (&reader));
  debrief_test_remove_tree (dir);
}

static DebriefSaveStep failing_step;

static gboolean
fail_at_step (DebriefSaveStep   step,
              GError          **error)
{
  if (step != failing_step)
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device (injected)");
  return FALSE;
}

static void
test_save_fails_at_every_step (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "incident.debrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DebriefDocument) document = new_filled_document ();
  g_autoptr(GBytes) saved = NULL;

  debrief_test_save_document (document, file);
  saved = debrief_test_read_bytes (g_file_peek_path (file));

  for (failing_step = DEBRIEF_SAVE_STEP_SNAPSHOT; failing_step < DEBRIEF_SAVE_STEP_LAST; failing_step++)
    {
      g_autofree char *title = g_strdup_printf ("Edited before failing step %d", failing_step);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) now = NULL;
      gboolean ok;

      debrief_incident_set_title (debrief_document_get_incident (document), title);
      _debrief_document_set_save_fault_func (fail_at_step);
      ok = debrief_document_save (document, NULL, NULL, &error);
      _debrief_document_set_save_fault_func (NULL);

      if (failing_step == DEBRIEF_SAVE_STEP_SYNC_FOLDER)
        {
          /* After the rename the file is saved; a folder that cannot be
           * synced does not undo that. */
          g_assert_true (ok);
          g_assert_no_error (error);
          g_clear_pointer (&saved, g_bytes_unref);
          saved = debrief_test_read_bytes (g_file_peek_path (file));
          continue;
        }

      g_assert_false (ok);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);

      /* The original is intact, nothing is left beside it, and the edit
       * is still in the working copy, unsaved. */
      now = debrief_test_read_bytes (g_file_peek_path (file));
      g_assert_true (g_bytes_equal (saved, now));
      g_assert_true (debrief_document_get_modified (document));
      g_assert_cmpstr (debrief_incident_get_title (debrief_document_get_incident (document)), ==, title);
      {
        g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
        const char *entry;

        while ((entry = g_dir_read_name (handle)))
          g_assert_cmpstr (entry, ==, "incident.debrief");
      }
    }

  /* And a save after the failures works, with only the real revisions. */
  debrief_test_save_document (document, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (debrief_document_get_records (document, DEBRIEF_TYPE_REVISION)), ==, 2 + 2 + 1);

  debrief_test_close_document (g_steal_pointer (&document));
  debrief_test_remove_tree (dir);
}

static void
test_recovery_after_crash (void)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(DebriefDocument) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  DebriefDraft *draft = NULL;

  if (g_test_subprocess ())
    {
      DebriefDocument *document = debrief_test_new_document ("Ada Lovelace");
      const char *target = g_getenv ("DEBRIEF_TEST_TARGET");
      g_autoptr(GFile) target_file = g_file_new_for_path (target);
      g_autoptr(DebriefTimelineEvent) event = debrief_timeline_event_new ();

      debrief_test_save_document (document, target_file);
      debrief_incident_set_title (debrief_document_get_incident (document), "Unsaved title");
      debrief_timeline_event_set_title (event, "Watchdog reset on gw-17");
      g_assert_true (debrief_document_add (document, DEBRIEF_RECORD (event), NULL));

      /* Die without saving or closing, as a crash would. */
      _exit (0);
    }

  dir = debrief_test_make_tmpdir ();
  path = g_build_filename (dir, "crashed.debrief", NULL);
  file = g_file_new_for_path (path);
  g_setenv ("DEBRIEF_TEST_TARGET", path, TRUE);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  drafts = debrief_document_list_drafts ();
  for (guint i = 0; i < drafts->len; i++)
    {
      DebriefDraft *candidate = g_ptr_array_index (drafts, i);

      if (debrief_draft_get_file (candidate) && g_file_equal (debrief_draft_get_file (candidate), file))
        draft = candidate;
    }
  g_assert_nonnull (draft);
  g_assert_cmpstr (debrief_draft_get_title (draft), ==, "Unsaved title");
  g_assert_nonnull (debrief_draft_get_modified (draft));

  restored = debrief_document_restore_draft (draft, "Ada Lovelace", &error);
  g_assert_no_error (error);
  g_assert_true (debrief_document_get_modified (restored));
  g_assert_true (g_file_equal (debrief_document_get_file (restored), file));
  g_assert_cmpstr (debrief_incident_get_title (debrief_document_get_incident (restored)), ==, "Unsaved title");
  g_assert_cmpuint (g_list_model_get_n_items (debrief_document_get_records (restored, DEBRIEF_TYPE_TIMELINE_EVENT)), ==, 1);

  /* While restored, it is ours: not offered again. */
  {
    g_autoptr(GPtrArray) again = debrief_document_list_drafts ();

    for (guint i = 0; i < again->len; i++)
      g_assert_cmpstr (debrief_draft_get_id (g_ptr_array_index (again, i)), !=, debrief_draft_get_id (draft));
  }

  /* It saves to the file it came from: nobody changed that since. */
  debrief_test_save_document (restored, NULL);
  debrief_test_close_document (g_steal_pointer (&restored));

  {
    g_autoptr(DebriefDocument) check = debrief_test_open_document (file, DEBRIEF_OPEN_FLAGS_NONE, "Grace Hopper");

    g_assert_cmpstr (debrief_incident_get_title (debrief_document_get_incident (check)), ==, "Unsaved title");
    debrief_test_close_document (g_steal_pointer (&check));
  }

  debrief_test_remove_tree (dir);
}

static void
open_async_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
prepared (DebriefDocument *document)
{
  return debrief_document_get_read_only_reason (document) != DEBRIEF_READ_ONLY_REASON_PREPARING;
}

static void
test_large_document_is_shown_first (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "large.debrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DebriefDocument) original = new_filled_document ();
  g_autoptr(DebriefDocument) document = NULL;
  g_autoptr(DebriefDocument) reopened = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline;

  debrief_test_save_document (original, file);

  /* Every document counts as large here. */
  _debrief_document_set_large_size (1);
  debrief_document_open_async (file, DEBRIEF_OPEN_FLAGS_NONE, "Grace Hopper", NULL, open_async_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  document = debrief_document_open_finish (result, &error);
  _debrief_document_set_large_size (0);
  g_assert_no_error (error);

  /* Shown at once, everything readable, nothing editable yet: the
   * working copy is made in a thread whose end the main loop has not seen
   * (it has not run since the document was handed over). */
  assert_documents_equal (original, document);
  g_assert_false (prepared (document));
  g_assert_true (debrief_document_get_read_only (document));
  g_assert_false (debrief_document_save (document, NULL, NULL, &error));
  g_assert_error (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);

  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!prepared (document))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  /* Then editable on its own working copy, and it saves. */
  g_assert_false (debrief_document_get_read_only (document));
  g_assert_true (g_str_has_prefix (debrief_document_get_working_path (document), data_home));
  debrief_incident_set_title (debrief_document_get_incident (document), "Edited once prepared");
  g_assert_true (debrief_document_get_modified (document));
  debrief_test_save_document (document, NULL);

  reopened = debrief_test_open_document (file, DEBRIEF_OPEN_FLAGS_NONE, "Grace Hopper");
  g_assert_cmpstr (debrief_incident_get_title (debrief_document_get_incident (reopened)), ==, "Edited once prepared");

  debrief_test_close_document (g_steal_pointer (&original));
  debrief_test_close_document (g_steal_pointer (&document));
  debrief_test_close_document (g_steal_pointer (&reopened));
  debrief_test_remove_tree (dir);
}

static void
test_save_removes_stale_temporary_files (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "incident.debrief", NULL);
  g_autofree char *stale = g_build_filename (dir, ".incident.debrief.AbC123.saving", NULL);
  g_autofree char *fresh = g_build_filename (dir, ".incident.debrief.XyZ789.saving", NULL);
  g_autofree char *other = g_build_filename (dir, ".other.debrief.AbC123.saving", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Ada Lovelace");
  struct utimbuf two_hours_ago;

  debrief_test_save_document (document, file);

  /* What killed saves left behind: one long ago, one maybe still being
   * written, and one of another document. */
  g_assert_true (g_file_set_contents (stale, "partial", -1, NULL));
  g_assert_true (g_file_set_contents (fresh, "partial", -1, NULL));
  g_assert_true (g_file_set_contents (other, "partial", -1, NULL));
  two_hours_ago.actime = two_hours_ago.modtime = time (NULL) - 2 * 3600;
  g_assert_cmpint (g_utime (stale, &two_hours_ago), ==, 0);
  g_assert_cmpint (g_utime (other, &two_hours_ago), ==, 0);

  debrief_incident_set_title (debrief_document_get_incident (document), "Saved again");
  debrief_test_save_document (document, NULL);

  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  debrief_test_close_document (g_steal_pointer (&document));
  debrief_test_remove_tree (dir);
}

static void
test_peek_title (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "peek.debrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) text = debrief_test_write_text (dir, "notes.debrief", "notes\n", -1);
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Ada Lovelace");
  g_autofree char *untitled = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  char *none;

  debrief_test_save_document (document, file);
  untitled = debrief_document_peek_title (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (untitled, ==, "");

  debrief_incident_set_title (debrief_document_get_incident (document), "Watchdog storm");
  debrief_test_save_document (document, NULL);
  title = debrief_document_peek_title (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (title, ==, "Watchdog storm");

  /* Not an incident: an error, not a title. */
  none = debrief_document_peek_title (text, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_NOT_A_DOCUMENT);

  debrief_test_close_document (g_steal_pointer (&document));
  debrief_test_remove_tree (dir);
}

static void
test_discard_draft (void)
{
  g_autoptr(GPtrArray) drafts = NULL;

  if (g_test_subprocess ())
    {
      DebriefDocument *document = debrief_test_new_document ("Ada Lovelace");

      debrief_incident_set_title (debrief_document_get_incident (document), "Never saved");
      _exit (0);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  drafts = debrief_document_list_drafts ();
  g_assert_cmpuint (drafts->len, >=, 1);
  for (guint i = 0; i < drafts->len; i++)
    debrief_document_discard_draft (g_ptr_array_index (drafts, i));

  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = debrief_document_list_drafts ();
  g_assert_cmpuint (drafts->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* Working copies go under a private data folder; a subprocess shares
   * its parent's. */
  data_home = debrief_test_use_private_data_home ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debrief/document/new", test_new_document);
  g_test_add_func ("/debrief/document/schema-matches-records", test_schema_matches_records);
  g_test_add_func ("/debrief/document/round-trip-every-field", test_round_trip_every_field);
  g_test_add_func ("/debrief/document/edit-is-durable-at-once", test_edit_is_durable_at_once);
  g_test_add_func ("/debrief/document/undo-redo", test_undo_redo);
  g_test_add_func ("/debrief/document/undo-survives-save", test_undo_survives_save);
  g_test_add_func ("/debrief/document/revision-history", test_revision_history);
  g_test_add_func ("/debrief/document/save-conflict", test_save_conflict);
  g_test_add_func ("/debrief/document/overlapping-saves-are-no-conflict", test_overlapping_saves_are_no_conflict);
  g_test_add_func ("/debrief/document/default-name-is-account-name", test_default_name_is_account_name);
  g_test_add_func ("/debrief/document/touched-but-unchanged-saves", test_touched_but_unchanged_saves);
  g_test_add_func ("/debrief/document/bad-files", test_bad_files);
  g_test_add_func ("/debrief/document/altered-and-newer-files", test_altered_and_newer_files);
  g_test_add_func ("/debrief/document/read-only-refuses-edits", test_read_only_refuses_edits);
  g_test_add_func ("/debrief/document/save-fails-at-every-step", test_save_fails_at_every_step);
  g_test_add_func ("/debrief/document/recovery-after-crash", test_recovery_after_crash);
  g_test_add_func ("/debrief/document/large-document-is-shown-first", test_large_document_is_shown_first);
  g_test_add_func ("/debrief/document/save-removes-stale-temporary-files", test_save_removes_stale_temporary_files);
  g_test_add_func ("/debrief/document/peek-title", test_peek_title);
  g_test_add_func ("/debrief/document/discard-draft", test_discard_draft);

  return debrief_test_run_and_remove (data_home);
}
