/* test-save-faults.c
 *
 * A disk that fails: every write, sync, truncation and open that SQLite
 * makes while a document is saved fails in turn, one per trial, through a
 * wrapping VFS; so do a full disk, the rename, edits and opening. Each
 * time the file on disk is left as it was, the working copy keeps the
 * unsaved work, the user is told what went wrong in words, and once the
 * disk works again saving does too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-test"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "debrief-document-private.h"
#include "debrief-fault-vfs.h"
#include "debrief-meeting-note.h"
#include "debrief-participant.h"
#include "debrief-revision.h"
#include "debrief-test-util.h"
#include "debrief-timeline-event.h"

/* Every trial's unsaved edit has the same length, so that every trial
 * writes the same pages and the counts of the dry run hold for all. */
#define EDIT_TITLE_FORMAT "Unsaved edit of trial %04u"

static char *data_home;

typedef struct
{
  char   *dir;
  char   *path;
  GFile  *file;
  GBytes *saved;
} Target;

/* Every test starts with its target: a document of a few dozen pages (a
 * save writes many of them), saved in a folder of its own. From now until
 * the target is freed, at the end of the test, every SQLite connection the
 * document code opens goes through the fault VFS, failing nothing yet. */
static Target *
target_new (void)
{
  Target *target = g_new0 (Target, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefDocument) document = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  debrief_fault_vfs_reset ();
  _debrief_document_set_vfs_name (debrief_fault_vfs_register ());

  document = debrief_document_new ("Ada Lovelace", &error);
  g_assert_no_error (error);

  target->dir = debrief_test_make_tmpdir ();
  target->path = g_build_filename (target->dir, "incident.debrief", NULL);
  target->file = g_file_new_for_path (target->path);

  while (text->len < 6000)
    g_string_append (text, "The watchdog reset the gateway again; the fleet rebooted in waves. ");

  debrief_incident_set_title (debrief_document_get_incident (document), "Gateway fleet reboot loop");
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(DebriefParticipant) participant = debrief_participant_new ();
      g_autofree char *name = g_strdup_printf ("Responder %u", i);

      debrief_participant_set_name (participant, name);
      g_assert_true (debrief_document_add (document, DEBRIEF_RECORD (participant), &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(DebriefMeetingNote) note = debrief_meeting_note_new ();

      debrief_meeting_note_set_text (note, text->str);
      g_assert_true (debrief_document_add (document, DEBRIEF_RECORD (note), &error));
      g_assert_no_error (error);
    }

  debrief_test_save_document (document, target->file);
  debrief_test_close_document (g_steal_pointer (&document));
  target->saved = debrief_test_read_bytes (target->path);

  return target;
}

static void
target_free (Target *target)
{
  debrief_fault_vfs_reset ();
  _debrief_document_set_vfs_name (NULL);

  debrief_test_remove_tree (target->dir);
  g_free (target->dir);
  g_free (target->path);
  g_object_unref (target->file);
  g_bytes_unref (target->saved);
  g_free (target);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Target, target_free)

/* Puts the target back as every trial starts from it. */
static void
target_restore (Target *target)
{
  debrief_test_write_bytes (target->path, target->saved);
}

static void
assert_target_unchanged (Target *target)
{
  g_autoptr(GBytes) now = debrief_test_read_bytes (target->path);

  g_assert_true (g_bytes_equal (now, target->saved));
}

/* No temporary file, journal or WAL is left beside the target. */
static void
assert_folder_clean (Target *target)
{
  g_autoptr(GDir) handle = g_dir_open (target->dir, 0, NULL);
  const char *entry;

  g_assert_nonnull (handle);
  while ((entry = g_dir_read_name (handle)))
    g_assert_cmpstr (entry, ==, "incident.debrief");
}

static guint
count_drafts_dir (void)
{
  g_autofree char *dir = g_build_filename (data_home, "debrief", "drafts", NULL);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint count = 0;

  if (handle == NULL)
    return 0;

  while (g_dir_read_name (handle))
    count++;

  return count;
}

/* Removes what a document that was not closed leaves behind. */
static void
remove_working_copy (const char *working_path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *stem = g_strndup (working_path, strlen (working_path) - strlen (".debrief"));
  g_autofree char *meta = g_strconcat (stem, ".draft", NULL);

  g_assert_true (g_str_has_suffix (working_path, ".debrief"));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (working_path, suffixes[i], NULL);

      g_unlink (path);
    }
  g_assert_cmpint (g_unlink (meta), ==, 0);
}

static DebriefDocument *
open_trial (Target *target,
            guint   trial)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf (EDIT_TITLE_FORMAT, trial);
  DebriefDocument *document;

  document = debrief_document_open (target->file, DEBRIEF_OPEN_FLAGS_NONE, "Grace Hopper", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  debrief_incident_set_title (debrief_document_get_incident (document), title);
  g_assert_true (debrief_document_get_modified (document));

  return document;
}

/* The working copy on disk is whole and holds what the document shows: the
 * unsaved title, and only the revisions that really reached the file. */
static void
assert_working_copy_intact (DebriefDocument *document,
                            const char      *title,
                            gboolean         check_revisions)
{
  sqlite3 *db = debrief_test_open_checked (debrief_document_get_working_path (document));
  g_autofree char *stored_title = debrief_test_query_text (db, "SELECT title FROM incident");
  g_autofree char *stored_revision = debrief_test_query_text (db, "SELECT value FROM document_info "
                                                     "WHERE key = 'revision'");
  gint64 n_revisions = debrief_test_query_int (db, "SELECT count(*) FROM revision");
  GListModel *revisions = debrief_document_get_records (document, DEBRIEF_TYPE_REVISION);

  g_assert_true (debrief_document_get_modified (document));
  g_assert_cmpstr (debrief_incident_get_title (debrief_document_get_incident (document)), ==, title);
  g_assert_cmpstr (stored_title, ==, title);
  if (check_revisions)
    {
      g_assert_cmpint (n_revisions, ==, g_list_model_get_n_items (revisions));
      g_assert_cmpstr (stored_revision, ==, debrief_document_get_revision (document));
    }

  sqlite3_close (db);
}

static void
assert_target_holds (Target     *target,
                     const char *title)
{
  sqlite3 *db = debrief_test_open_checked (target->path);
  g_autofree char *stored_title = debrief_test_query_text (db, "SELECT title FROM incident");

  g_assert_cmpstr (stored_title, ==, title);
  sqlite3_close (db);
}

static void
assert_message_says (const GError *error,
                     const char   *words)
{
  g_assert_nonnull (error);
  if (strstr (error->message, words) == NULL)
    g_error ("The message “%s” does not say “%s”", error->message, words);
}

/* A regression of a bug these tests found in the core and that was fixed
 * (a phantom revision after a failed or killed save, a false conflict
 * after restoring a draft, unclear messages): a failure of the suite. */
static void
regression (const char *what)
{
  g_error ("%s", what);
}

typedef struct
{
  DebriefFault  fault;
  int           result;
  gboolean      sticky;
  const char   *filter;
  const char   *words;
} Fault;

/* Arms @fault to fail its @nth call from now on, counting only calls on
 * files whose name has @fault's filter. */
static void
arm (const Fault *fault,
     guint        nth)
{
  debrief_fault_vfs_reset ();
  debrief_fault_vfs_set_filter (fault->filter);
  debrief_fault_vfs_fail (fault->fault, nth, fault->result, fault->sticky);
}

/* Stops failing; returns how many calls were failed. */
static guint
disarm (void)
{
  guint failed = debrief_fault_vfs_get_failed ();

  debrief_fault_vfs_reset ();

  return failed;
}

/* --- Saving ----------------------------------------------------------- */

/* Counts the calls of @fault's kind a save makes, then saves once for each
 * of them with that one failing (and, for a sticky fault, every later one
 * too). Returns how many trials ran. */
static guint
fail_each_call_of_save (Target      *target,
                        const Fault *fault)
{
  guint n_calls;
  guint saved_after_rename = 0;

  {
    DebriefDocument *document = open_trial (target, 0);

    arm (fault, 0);
    debrief_test_save_document (document, NULL);
    n_calls = debrief_fault_vfs_get_count (fault->fault);
    disarm ();

    debrief_test_close_document (document);
    target_restore (target);
  }

  g_test_message ("A save makes %u %s calls%s%s", n_calls,
                  debrief_fault_vfs_describe (fault->fault),
                  fault->filter ? " on files named *" : "",
                  fault->filter ? fault->filter : "");

  for (guint nth = 1; nth <= n_calls; nth++)
    {
      DebriefDocument *document = open_trial (target, nth);
      g_autofree char *title = g_strdup_printf (EDIT_TITLE_FORMAT, nth);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      arm (fault, nth);
      ok = debrief_document_save (document, NULL, NULL, &error);
      g_assert_cmpuint (disarm (), >=, 1);

      g_test_message ("%s %u of %u failed: %s", debrief_fault_vfs_describe (fault->fault),
                      nth, n_calls, error ? error->message : "saved all the same");

      /* A call after the rename writes the save's revision into the
       * working copy's history: the file is saved whatever happens to it,
       * and a save is not reported failed for it. */
      if (ok)
        {
          g_assert_no_error (error);
          assert_target_holds (target, title);
          assert_folder_clean (target);
          saved_after_rename++;
          debrief_test_close_document (document);
          target_restore (target);
          continue;
        }

      g_assert_false (ok);
      assert_message_says (error, fault->words);

      assert_target_unchanged (target);
      assert_folder_clean (target);
      /* On a disk that stays full the failed save's revision cannot be
       * taken out of the working copy again: see
       * /debrief/save-faults/failed-save-leaves-no-phantom-revision. */
      assert_working_copy_intact (document, title, !fault->sticky);

      /* The disk works again: so does saving, with the edit. */
      debrief_test_save_document (document, NULL);
      g_assert_false (debrief_document_get_modified (document));
      assert_target_holds (target, title);
      assert_folder_clean (target);

      debrief_test_close_document (document);
      target_restore (target);
    }

  /* Only the last writes of a save come after its rename. */
  if (fault->fault == DEBRIEF_FAULT_WRITE)
    g_assert_cmpuint (saved_after_rename, <, n_calls);

  return n_calls;
}

static void
test_save_write_fails (void)
{
  g_autoptr(Target) target = target_new ();
  const Fault fault = { DEBRIEF_FAULT_WRITE, SQLITE_IOERR_WRITE, FALSE, NULL, "input/output error" };

  g_assert_cmpuint (fail_each_call_of_save (target, &fault), >=, 20);
}

static void
test_save_disk_full (void)
{
  g_autoptr(Target) target = target_new ();
  /* A full disk stays full: every write after the first that fails does
   * too, until the save has given up. */
  const Fault fault = { DEBRIEF_FAULT_WRITE, SQLITE_FULL, TRUE, NULL, "disk is full" };

  g_assert_cmpuint (fail_each_call_of_save (target, &fault), >=, 20);
}

static void
test_save_sync_fails (void)
{
  g_autoptr(Target) target = target_new ();
  const Fault fault = { DEBRIEF_FAULT_SYNC, SQLITE_IOERR_FSYNC, FALSE, NULL, "input/output error" };

  /* Through SQLite, only the working copy's commit of the revision
   * syncs, after the rename: the new file is written without a journal
   * and synced by the save itself, whose failure
   * /debrief/save-faults/save-sync-or-rename-fails covers. */
  g_assert_cmpuint (fail_each_call_of_save (target, &fault), >=, 1);
}

static void
test_save_new_file_cannot_be_created (void)
{
  g_autoptr(Target) target = target_new ();
  /* The new file and its journal, beside the target. */
  const Fault fault = { DEBRIEF_FAULT_OPEN, SQLITE_CANTOPEN, FALSE, ".saving", "cannot be opened or created" };
  DebriefDocument *document = open_trial (target, 1);
  g_autoptr(GError) error = NULL;

  g_test_summary ("The new file beside the target, or its journal, cannot be "
                  "created: the user is told that the folder cannot be written to.");

  for (guint nth = 1; nth <= 2; nth++)
    {
      arm (&fault, nth);
      g_assert_false (debrief_document_save (document, NULL, NULL, &error));
      g_assert_cmpuint (disarm (), ==, 1);
      g_test_message ("open %u of *.saving failed: %s", nth, error->message);
      assert_message_says (error, fault.words);
      g_clear_error (&error);

      assert_target_unchanged (target);
      assert_folder_clean (target);
      assert_working_copy_intact (document, "Unsaved edit of trial 0001", TRUE);
    }

  debrief_test_save_document (document, NULL);
  assert_target_holds (target, "Unsaved edit of trial 0001");
  debrief_test_close_document (document);
}

static void
test_save_open_fails (void)
{
  g_autoptr(Target) target = target_new ();
  /* Whatever file SQLite opens while saving: the working copy to read it,
   * its WAL, the new file, its journal, the new file again to verify it. */
  const Fault fault = { DEBRIEF_FAULT_OPEN, SQLITE_CANTOPEN, FALSE, NULL, "could not be" };
  guint n_calls;
  g_autoptr(GString) unclear = g_string_new (NULL);

  {
    DebriefDocument *document = open_trial (target, 0);

    arm (&fault, 0);
    debrief_test_save_document (document, NULL);
    n_calls = debrief_fault_vfs_get_count (fault.fault);
    disarm ();
    debrief_test_close_document (document);
    target_restore (target);
  }
  g_assert_cmpuint (n_calls, >=, 3);

  for (guint nth = 1; nth <= n_calls; nth++)
    {
      DebriefDocument *document = open_trial (target, nth);
      g_autofree char *title = g_strdup_printf (EDIT_TITLE_FORMAT, nth);
      g_autoptr(GError) error = NULL;

      arm (&fault, nth);
      g_assert_false (debrief_document_save (document, NULL, NULL, &error));
      g_assert_cmpuint (disarm (), ==, 1);
      g_test_message ("open %u of %u failed: %s", nth, n_calls, error->message);
      assert_message_says (error, fault.words);

      /* The user pressed Save: a message about opening the document
       * tells them nothing about what happened to their save. */
      if (strstr (error->message, "saved") == NULL)
        g_string_append_printf (unclear, " open %u of %u: “%s”", nth, n_calls, error->message);

      assert_target_unchanged (target);
      assert_folder_clean (target);
      assert_working_copy_intact (document, title, TRUE);

      debrief_test_save_document (document, NULL);
      assert_target_holds (target, title);

      debrief_test_close_document (document);
      target_restore (target);
    }

  if (unclear->len > 0)
    {
      g_autofree char *what = g_strdup_printf ("A save that fails to open a file says the document could "
                                               "not be opened, not that it could not be saved:%s",
                                               unclear->str);

      regression (what);
    }
}

/* A save fails after the working copy got the new revision, and the disk
 * is still full when the save gives up: taking the revision out again
 * fails too. Once there is room again the next save must not record, in
 * the file's history, a save that never happened. */
static void
test_failed_save_leaves_no_phantom_revision (void)
{
  g_autoptr(Target) target = target_new ();
  const Fault working_copy_writes = { DEBRIEF_FAULT_WRITE, SQLITE_OK, FALSE, "/drafts/", NULL };
  const Fault disk_full = { DEBRIEF_FAULT_WRITE, SQLITE_FULL, TRUE, NULL, "disk is full" };
  DebriefDocument *document = open_trial (target, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefDocument) check = NULL;
  GListModel *revisions;
  guint n_before = g_list_model_get_n_items (debrief_document_get_records (document, DEBRIEF_TYPE_REVISION));
  guint n_prepare;

  /* How many writes come before the new file's first: the revision's
   * commit in the working copy. */
  {
    DebriefDocument *dry = open_trial (target, 0);

    arm (&working_copy_writes, 0);
    debrief_test_save_document (dry, NULL);
    n_prepare = debrief_fault_vfs_get_count (DEBRIEF_FAULT_WRITE);
    disarm ();
    debrief_test_close_document (dry);
    target_restore (target);
  }
  g_assert_cmpuint (n_prepare, >, 0);

  arm (&disk_full, n_prepare + 1);
  g_assert_false (debrief_document_save (document, NULL, NULL, &error));
  g_assert_cmpuint (disarm (), >=, 1);
  assert_message_says (error, disk_full.words);
  g_clear_error (&error);
  assert_target_unchanged (target);
  assert_folder_clean (target);

  /* Room again. */
  debrief_test_save_document (document, NULL);
  check = debrief_document_open (target->file, DEBRIEF_OPEN_FLAGS_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  revisions = debrief_document_get_records (check, DEBRIEF_TYPE_REVISION);

  if (g_list_model_get_n_items (revisions) != n_before + 1)
    {
      g_autofree char *what =
        g_strdup_printf ("After a save that failed on a full disk and one that worked, the file's "
                         "history holds %u revisions instead of %u: the failed save is recorded as "
                         "if it had happened (save_complete() cannot delete its revision from the "
                         "working copy while the disk is full, and ignores that)",
                         g_list_model_get_n_items (revisions), n_before + 1);

      regression (what);
    }

  for (guint i = 0; i < g_list_model_get_n_items (revisions); i++)
    {
      g_autoptr(DebriefRevision) revision = g_list_model_get_item (revisions, i);

      g_assert_cmpstr (debrief_revision_get_revision_id (revision), !=, "");
    }

  debrief_test_close_document (g_steal_pointer (&check));
  debrief_test_close_document (document);
}

static DebriefSaveStep failing_step;
static int failing_errno;

/* Fails a step the way the system would fail it. */
static gboolean
fail_step (DebriefSaveStep   step,
           GError          **error)
{
  if (step != failing_step)
    return TRUE;

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (failing_errno),
               "The file could not be saved: %s.", g_strerror (failing_errno));
  return FALSE;
}

static void
test_save_rename_fails (void)
{
  g_autoptr(Target) target = target_new ();
  static const int errnos[] = { ENOSPC, EIO, EACCES, EROFS, EXDEV };
  static const DebriefSaveStep steps[] = { DEBRIEF_SAVE_STEP_SYNC, DEBRIEF_SAVE_STEP_RENAME };

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    for (guint e = 0; e < G_N_ELEMENTS (errnos); e++)
      {
        DebriefDocument *document = open_trial (target, e + 1);
        g_autofree char *title = g_strdup_printf (EDIT_TITLE_FORMAT, e + 1);
        g_autoptr(GError) error = NULL;

        failing_step = steps[s];
        failing_errno = errnos[e];
        _debrief_document_set_save_fault_func (fail_step);
        g_assert_false (debrief_document_save (document, NULL, NULL, &error));
        _debrief_document_set_save_fault_func (NULL);

        g_assert_error (error, G_IO_ERROR, (int) g_io_error_from_errno (errnos[e]));
        assert_message_says (error, g_strerror (errnos[e]));
        assert_target_unchanged (target);
        assert_folder_clean (target);
        assert_working_copy_intact (document, title, TRUE);

        debrief_test_save_document (document, NULL);
        assert_target_holds (target, title);
        debrief_test_close_document (document);
        target_restore (target);
      }
}

/* A real rename that fails, with no hook: saving a copy where there is a
 * folder of that name. */
static void
test_save_onto_folder (void)
{
  g_autoptr(Target) target = target_new ();
  g_autofree char *folder_path = g_build_filename (target->dir, "copy.debrief", NULL);
  g_autofree char *inside = g_build_filename (folder_path, "keep.txt", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  DebriefDocument *document = open_trial (target, 1);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "mine", -1, NULL));

  g_assert_false (debrief_document_save (document, folder, NULL, &error));
  g_test_message ("Saving onto a folder: %s", error->message);
  g_assert_nonnull (error);
  g_assert_cmpuint (strlen (error->message), >, 20);
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_equal (debrief_document_get_file (document), target->file));
  assert_working_copy_intact (document, "Unsaved edit of trial 0001", TRUE);

  g_assert_cmpint (g_unlink (inside), ==, 0);
  g_assert_cmpint (g_rmdir (folder_path), ==, 0);
  assert_target_unchanged (target);
  assert_folder_clean (target);

  debrief_test_save_document (document, NULL);
  assert_target_holds (target, "Unsaved edit of trial 0001");
  debrief_test_close_document (document);
}

/* --- Editing ---------------------------------------------------------- */

static void
on_edit_failed (DebriefDocument *document,
                GError          *error,
                gpointer         user_data)
{
  GError **out = user_data;

  g_assert_nonnull (error);
  g_clear_error (out);
  *out = g_error_copy (error);
}

static char *
working_copy_summary (DebriefDocument *document)
{
  sqlite3 *db = debrief_test_open_checked (debrief_document_get_working_path (document));
  char *summary = debrief_test_query_text (db, "SELECT summary FROM incident");

  sqlite3_close (db);

  return summary;
}

/* Every write and sync of an edit made through a property fails in turn:
 * DebriefDocument::edit-failed tells why, the working copy stays whole with
 * the value before, and the next edit is stored. */
static guint
fail_each_call_of_edit (Target      *target,
                        const Fault *fault)
{
  guint n_calls;
  guint saved_after_rename = 0;

  {
    DebriefDocument *document = open_trial (target, 0);

    arm (fault, 0);
    debrief_incident_set_summary (debrief_document_get_incident (document), "The summary that fails");
    n_calls = debrief_fault_vfs_get_count (fault->fault);
    disarm ();
    debrief_test_close_document (document);
  }

  g_test_message ("An edit makes %u %s calls", n_calls, debrief_fault_vfs_describe (fault->fault));

  for (guint nth = 1; nth <= n_calls; nth++)
    {
      DebriefDocument *document = open_trial (target, nth);
      DebriefIncident *incident = debrief_document_get_incident (document);
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = NULL;
      g_autofree char *before = g_strdup (debrief_incident_get_summary (incident));
      gulong handler = g_signal_connect (document, "edit-failed", G_CALLBACK (on_edit_failed), &error);

      arm (fault, nth);
      debrief_incident_set_summary (incident, "The summary that fails");
      g_assert_cmpuint (disarm (), >=, 1);

      g_test_message ("%s %u of %u failed: %s", debrief_fault_vfs_describe (fault->fault),
                      nth, n_calls, error ? error->message : "no edit-failed");
      g_assert_nonnull (error);
      assert_message_says (error, "could not be stored");
      assert_message_says (error, fault->words);
      g_clear_error (&error);

      stored = working_copy_summary (document);
      g_assert_cmpstr (stored, ==, before);
      g_clear_pointer (&stored, g_free);

      /* The disk works again. */
      debrief_incident_set_summary (incident, "The summary that is stored");
      g_assert_null (error);
      stored = working_copy_summary (document);
      g_assert_cmpstr (stored, ==, "The summary that is stored");
      g_assert_true (debrief_document_get_modified (document));

      debrief_test_save_document (document, NULL);
      {
        sqlite3 *db = debrief_test_open_checked (target->path);
        g_autofree char *saved = debrief_test_query_text (db, "SELECT summary FROM incident");

        g_assert_cmpstr (saved, ==, "The summary that is stored");
        sqlite3_close (db);
      }

      g_signal_handler_disconnect (document, handler);
      debrief_test_close_document (document);
      target_restore (target);
    }

  /* Only the last writes of a save come after its rename. */
  if (fault->fault == DEBRIEF_FAULT_WRITE)
    g_assert_cmpuint (saved_after_rename, <, n_calls);

  return n_calls;
}

static void
test_edit_fails (void)
{
  g_autoptr(Target) target = target_new ();
  const Fault faults[] = {
    { DEBRIEF_FAULT_WRITE, SQLITE_IOERR_WRITE, FALSE, NULL, "input/output error" },
    { DEBRIEF_FAULT_WRITE, SQLITE_FULL, TRUE, NULL, "disk is full" },
    { DEBRIEF_FAULT_SYNC, SQLITE_IOERR_FSYNC, FALSE, NULL, "input/output error" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    g_assert_cmpuint (fail_each_call_of_edit (target, &faults[i]), >, 0);
}

static void
test_add_fails (void)
{
  g_autoptr(Target) target = target_new ();
  const Fault fault = { DEBRIEF_FAULT_WRITE, SQLITE_FULL, TRUE, NULL, "disk is full" };
  DebriefDocument *document = open_trial (target, 1);
  GListModel *participants = debrief_document_get_records (document, DEBRIEF_TYPE_PARTICIPANT);
  guint n_before = g_list_model_get_n_items (participants);
  g_autoptr(DebriefParticipant) participant = debrief_participant_new ();
  g_autoptr(GError) error = NULL;

  debrief_participant_set_name (participant, "Katherine Johnson");
  arm (&fault, 1);
  g_assert_false (debrief_document_add (document, DEBRIEF_RECORD (participant), &error));
  g_assert_cmpuint (disarm (), >=, 1);
  assert_message_says (error, fault.words);
  g_clear_error (&error);
  g_assert_null (debrief_record_get_document (DEBRIEF_RECORD (participant)));
  g_assert_cmpuint (g_list_model_get_n_items (participants), ==, n_before);

  /* Room again: the same record can be added. */
  g_assert_true (debrief_document_add (document, DEBRIEF_RECORD (participant), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (participants), ==, n_before + 1);
  debrief_test_save_document (document, NULL);
  debrief_test_close_document (document);
}

/* The process ends without closing the document (the session is quit with
 * unsaved work) and the last checkpoint of the working copy fails at each
 * write, sync or truncation in turn: the working copy, with its WAL, still
 * holds the edit. */
static void
test_checkpoint_fails (void)
{
  g_autoptr(Target) target = target_new ();
  const Fault faults[] = {
    { DEBRIEF_FAULT_WRITE, SQLITE_IOERR_WRITE, FALSE, NULL, NULL },
    { DEBRIEF_FAULT_WRITE, SQLITE_FULL, TRUE, NULL, NULL },
    { DEBRIEF_FAULT_SYNC, SQLITE_IOERR_FSYNC, FALSE, NULL, NULL },
    { DEBRIEF_FAULT_TRUNCATE, SQLITE_IOERR_TRUNCATE, FALSE, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      guint n_calls;

      {
        DebriefDocument *document = open_trial (target, 0);
        g_autofree char *working = g_strdup (debrief_document_get_working_path (document));

        arm (&faults[i], 0);
        g_assert_finalize_object (document);
        n_calls = debrief_fault_vfs_get_count (faults[i].fault);
        disarm ();
        remove_working_copy (working);
      }

      g_test_message ("Closing the working copy makes %u %s calls", n_calls,
                      debrief_fault_vfs_describe (faults[i].fault));
      g_assert_cmpuint (n_calls, >, 0);

      for (guint nth = 1; nth <= n_calls; nth++)
        {
          DebriefDocument *document = open_trial (target, nth);
          g_autofree char *title = g_strdup_printf (EDIT_TITLE_FORMAT, nth);
          g_autofree char *working = g_strdup (debrief_document_get_working_path (document));

          arm (&faults[i], nth);
          g_assert_finalize_object (document);
          g_assert_cmpuint (disarm (), >=, 1);

          {
            sqlite3 *db = debrief_test_open_checked (working);
            g_autofree char *stored = debrief_test_query_text (db, "SELECT title FROM incident");

            g_assert_cmpstr (stored, ==, title);
            sqlite3_close (db);
          }
          remove_working_copy (working);
        }
    }
}

/* --- Opening ---------------------------------------------------------- */

/* Fails each call of @fault's kind that opening makes. A failure of the
 * disk that is reported as a damaged document is added to @misreported. */
static void
fail_each_call_of_open (Target      *target,
                        const Fault *fault,
                        GString     *misreported)
{
  guint n_calls;
  guint n_drafts = count_drafts_dir ();

  {
    DebriefDocument *document;

    arm (fault, 0);
    document = debrief_document_open (target->file, DEBRIEF_OPEN_FLAGS_NONE, NULL, NULL, NULL);
    n_calls = debrief_fault_vfs_get_count (fault->fault);
    disarm ();
    g_assert_nonnull (document);
    debrief_test_close_document (document);
  }

  g_test_message ("Opening makes %u %s calls", n_calls, debrief_fault_vfs_describe (fault->fault));
  g_assert_cmpuint (n_calls, >, 0);

  for (guint nth = 1; nth <= n_calls; nth++)
    {
      g_autoptr(GError) error = NULL;
      DebriefDocument *document;

      arm (fault, nth);
      document = debrief_document_open (target->file, DEBRIEF_OPEN_FLAGS_NONE, NULL, NULL, &error);
      g_assert_cmpuint (disarm (), >=, 1);

      g_test_message ("%s %u of %u failed: %s", debrief_fault_vfs_describe (fault->fault),
                      nth, n_calls, error ? error->message : "opened all the same");
      g_assert_null (document);
      g_assert_nonnull (error);

      /* The file is sound: telling the user it is damaged sends them
       * looking for a backup they do not need. */
      if (g_error_matches (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_DAMAGED) &&
          strstr (error->message, "damaged") != NULL)
        g_string_append_printf (misreported, " %s %u of %u: “%s”",
                                debrief_fault_vfs_describe (fault->fault), nth, n_calls, error->message);
      else
        assert_message_says (error, fault->words);

      /* Nothing is left of the working copy that could not be made, and
       * the file opened is untouched. */
      g_assert_cmpuint (count_drafts_dir (), ==, n_drafts);
      assert_target_unchanged (target);
      assert_folder_clean (target);
    }

  /* And it opens once the disk works again. */
  {
    g_autoptr(GError) error = NULL;
    DebriefDocument *document = debrief_document_open (target->file, DEBRIEF_OPEN_FLAGS_NONE,
                                                       NULL, NULL, &error);

    g_assert_no_error (error);
    debrief_test_close_document (document);
  }
}

static void
test_open_fails (void)
{
  g_autoptr(Target) target = target_new ();
  const Fault faults[] = {
    { DEBRIEF_FAULT_WRITE, SQLITE_IOERR_WRITE, FALSE, NULL, "input/output error" },
    { DEBRIEF_FAULT_WRITE, SQLITE_FULL, TRUE, NULL, "disk is full" },
    { DEBRIEF_FAULT_SYNC, SQLITE_IOERR_FSYNC, FALSE, NULL, "input/output error" },
    { DEBRIEF_FAULT_OPEN, SQLITE_CANTOPEN, FALSE, NULL, "could not be" },
  };

  g_autoptr(GString) misreported = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    fail_each_call_of_open (target, &faults[i], misreported);

  if (misreported->len > 0)
    {
      g_autofree char *what = g_strdup_printf ("Opening a sound document on a failing disk says the "
                                               "document is damaged (read_info() drops the SQLite "
                                               "error and prepare_working_copy() reports the missing "
                                               "identifier):%s", misreported->str);

      regression (what);
    }
}

/* Copying the file in, through GIO, fails: the folder for working copies
 * cannot hold one (here: a file is where the folder should be). */
static void
test_copy_in_fails (void)
{
  g_autoptr(Target) target = target_new ();
  g_autofree char *drafts = g_build_filename (data_home, "debrief", "drafts", NULL);
  g_autofree char *away = g_build_filename (data_home, "debrief", "drafts.away", NULL);
  g_autoptr(GError) error = NULL;
  DebriefDocument *document;

  g_assert_cmpint (g_rename (drafts, away), ==, 0);
  g_assert_true (g_file_set_contents (drafts, "not a folder", -1, NULL));

  document = debrief_document_open (target->file, DEBRIEF_OPEN_FLAGS_NONE, NULL, NULL, &error);
  g_test_message ("Copying in failed: %s", error ? error->message : "opened all the same");
  g_assert_null (document);
  g_assert_nonnull (error);
  g_assert_cmpuint (strlen (error->message), >, 20);
  g_clear_error (&error);
  assert_target_unchanged (target);

  g_assert_cmpint (g_unlink (drafts), ==, 0);
  g_assert_cmpint (g_rename (away, drafts), ==, 0);

  document = debrief_document_open (target->file, DEBRIEF_OPEN_FLAGS_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  debrief_test_close_document (document);
}

int
main (int   argc,
      char *argv[])
{
  /* Working copies go under a private data folder. */
  data_home = debrief_test_use_private_data_home ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debrief/save-faults/save-write-fails", test_save_write_fails);
  g_test_add_func ("/debrief/save-faults/save-disk-full", test_save_disk_full);
  g_test_add_func ("/debrief/save-faults/save-sync-fails", test_save_sync_fails);
  g_test_add_func ("/debrief/save-faults/save-new-file-cannot-be-created",
                   test_save_new_file_cannot_be_created);
  g_test_add_func ("/debrief/save-faults/save-open-fails", test_save_open_fails);
  g_test_add_func ("/debrief/save-faults/failed-save-leaves-no-phantom-revision",
                   test_failed_save_leaves_no_phantom_revision);
  g_test_add_func ("/debrief/save-faults/save-sync-or-rename-fails", test_save_rename_fails);
  g_test_add_func ("/debrief/save-faults/save-onto-folder", test_save_onto_folder);
  g_test_add_func ("/debrief/save-faults/edit-fails", test_edit_fails);
  g_test_add_func ("/debrief/save-faults/add-fails", test_add_fails);
  g_test_add_func ("/debrief/save-faults/checkpoint-fails", test_checkpoint_fails);
  g_test_add_func ("/debrief/save-faults/open-fails", test_open_fails);
  g_test_add_func ("/debrief/save-faults/copy-in-fails", test_copy_in_fails);

  return debrief_test_run_and_remove (data_home);
}
