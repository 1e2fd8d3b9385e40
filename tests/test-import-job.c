/* test-import-job.c
 *
 * The import job shared by the Evidence view and the command line:
 * progress, cancel, folders with a bad file, a Slack export kept whole,
 * results in order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "debrief-evidence-store.h"
#include "debrief-import-job.h"
#include "debrief-test-util.h"

static char *data_home;

typedef struct
{
  GPtrArray *done;      /* names, in order */
  GPtrArray *failed;    /* names, in order */
  GPtrArray *errors;    /* messages */
  GPtrArray *kinds;     /* DebriefEvidenceKind, as pointers */
  double     last_fraction;
  guint      n_fraction_notes;
  gboolean   fraction_went_back;
  gboolean   importing_seen;
  gboolean   finished;
  gboolean   ok;
  GError    *error;
} Watch;

static void
watch_init (Watch *watch)
{
  memset (watch, 0, sizeof *watch);
  watch->done = g_ptr_array_new_with_free_func (g_free);
  watch->failed = g_ptr_array_new_with_free_func (g_free);
  watch->errors = g_ptr_array_new_with_free_func (g_free);
  watch->kinds = g_ptr_array_new ();
}

static void
watch_clear (Watch *watch)
{
  g_ptr_array_unref (watch->done);
  g_ptr_array_unref (watch->failed);
  g_ptr_array_unref (watch->errors);
  g_ptr_array_unref (watch->kinds);
  g_clear_error (&watch->error);
}

static void
item_done_cb (DebriefImportJob *job,
              DebriefEvidence  *evidence,
              const char       *name,
              const char       *warning,
              Watch            *watch)
{
  g_assert_true (DEBRIEF_IS_EVIDENCE (evidence));
  g_assert_true (debrief_import_job_get_importing (job));
  g_ptr_array_add (watch->done, g_strdup (name));
  g_ptr_array_add (watch->kinds, GUINT_TO_POINTER (debrief_evidence_get_kind (evidence)));
}

static void
item_failed_cb (DebriefImportJob *job,
                GFile            *file,
                const char       *name,
                const GError     *error,
                Watch            *watch)
{
  g_assert_nonnull (error);
  g_ptr_array_add (watch->failed, g_strdup (name));
  g_ptr_array_add (watch->errors, g_strdup (error->message));
}

static void
fraction_cb (DebriefImportJob *job,
             GParamSpec       *pspec,
             Watch            *watch)
{
  double fraction = debrief_import_job_get_fraction (job);

  g_assert_cmpfloat (fraction, >=, 0);
  g_assert_cmpfloat (fraction, <=, 1);
  if (fraction < watch->last_fraction)
    watch->fraction_went_back = TRUE;
  watch->last_fraction = fraction;
  watch->n_fraction_notes++;
}

static void
importing_cb (DebriefImportJob *job,
              GParamSpec       *pspec,
              Watch            *watch)
{
  if (debrief_import_job_get_importing (job))
    watch->importing_seen = TRUE;
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Watch *watch = user_data;

  /* The properties settled before this. */
  g_assert_false (debrief_import_job_get_importing (DEBRIEF_IMPORT_JOB (object)));
  watch->ok = debrief_import_job_run_finish (DEBRIEF_IMPORT_JOB (object), result, &watch->error);
  watch->finished = TRUE;
}

static void
watch_job (DebriefImportJob *job,
           Watch            *watch)
{
  g_signal_connect (job, "item-done", G_CALLBACK (item_done_cb), watch);
  g_signal_connect (job, "item-failed", G_CALLBACK (item_failed_cb), watch);
  g_signal_connect (job, "notify::fraction", G_CALLBACK (fraction_cb), watch);
  g_signal_connect (job, "notify::importing", G_CALLBACK (importing_cb), watch);
}

static void
wait_for (Watch *watch)
{
  while (!watch->finished)
    g_main_context_iteration (NULL, TRUE);
}

static guint
n_evidence (DebriefDocument *document)
{
  return g_list_model_get_n_items (debrief_document_get_records (document, DEBRIEF_TYPE_EVIDENCE));
}

static void
copy_data (const char *folder,
           const char *name,
           const char *to)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, (gssize) length, &error);
  g_assert_no_error (error);
}

/* A folder as a user drops it: a log, a report, an empty file (which
 * cannot be imported), a hidden file, and an unpacked Slack export. */
static char *
make_folder (void)
{
  char *dir = debrief_test_make_tmpdir ();
  g_autofree char *slack = g_build_filename (dir, "slack", NULL);
  g_autofree char *channel = g_build_filename (slack, "fw-incident", NULL);
  g_autofree char *a = g_build_filename (dir, "a-gateway.log", NULL);
  g_autofree char *b = g_build_filename (dir, "b-report.md", NULL);
  g_autofree char *c = g_build_filename (dir, "c-empty.log", NULL);
  g_autofree char *hidden = g_build_filename (dir, ".hidden.log", NULL);
  g_autofree char *channels = g_build_filename (slack, "channels.json", NULL);
  g_autofree char *users = g_build_filename (slack, "users.json", NULL);
  g_autofree char *day1 = g_build_filename (channel, "2026-03-14.json", NULL);
  g_autofree char *day2 = g_build_filename (channel, "2026-03-15.json", NULL);

  g_assert_cmpint (g_mkdir_with_parents (channel, 0700), ==, 0);
  copy_data ("evidence", "gateway.log", a);
  copy_data ("evidence", "report.md", b);
  copy_data ("evidence", "empty.log", c);
  copy_data ("evidence", "gateway.log", hidden);
  copy_data ("chat", "slack/channels.json", channels);
  copy_data ("chat", "slack/users.json", users);
  copy_data ("chat", "slack/fw-incident/2026-03-14.json", day1);
  copy_data ("chat", "slack/fw-incident/2026-03-15.json", day2);

  return dir;
}

static void
test_folder_in_order (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autoptr(DebriefImportJob) job = debrief_import_job_new (document, NULL);
  g_autofree char *dir = make_folder ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GBytes) pasted = g_bytes_new_static ("2026-03-14T02:11:07Z boot\n", 26);
  Watch watch;

  watch_init (&watch);
  watch_job (job, &watch);
  g_assert_true (debrief_import_job_add_file (job, folder, NULL));
  g_assert_true (debrief_import_job_add_bytes (job, pasted, "Pasted text"));
  g_assert_false (debrief_import_job_get_importing (job));

  debrief_import_job_run_async (job, NULL, run_done_cb, &watch);
  g_assert_true (debrief_import_job_get_importing (job));
  wait_for (&watch);

  g_assert_no_error (watch.error);
  g_assert_true (watch.ok);
  g_assert_true (watch.importing_seen);

  /* The folder's files in name order at its place, before what was queued
   * after it; the Slack export whole, as one chat; the hidden file left. */
  g_assert_cmpuint (watch.done->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (watch.done, 0), ==, "a-gateway.log");
  g_assert_cmpstr (g_ptr_array_index (watch.done, 1), ==, "b-report.md");
  g_assert_cmpstr (g_ptr_array_index (watch.done, 2), ==, "slack");
  g_assert_cmpstr (g_ptr_array_index (watch.done, 3), ==, "Pasted text");
  g_assert_cmpuint (GPOINTER_TO_UINT (g_ptr_array_index (watch.kinds, 0)), ==, DEBRIEF_EVIDENCE_KIND_LOG);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_ptr_array_index (watch.kinds, 2)), ==, DEBRIEF_EVIDENCE_KIND_CHAT);

  /* The bad file is reported and does not stop the others. */
  g_assert_cmpuint (watch.failed->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (watch.failed, 0), ==, "c-empty.log");
  g_assert_nonnull (strstr (g_ptr_array_index (watch.errors, 0), "empty"));

  g_assert_cmpuint (debrief_import_job_get_n_imported (job), ==, 4);
  g_assert_cmpuint (debrief_import_job_get_n_failed (job), ==, 1);
  /* The folder, its four items, the pasted text. */
  g_assert_cmpuint (debrief_import_job_get_n_items (job), ==, 6);
  g_assert_cmpuint (debrief_import_job_get_n_finished (job), ==, 6);
  g_assert_cmpuint (n_evidence (document), ==, 4);

  /* Progress moved forward only, and ended complete. */
  g_assert_cmpuint (watch.n_fraction_notes, >, 0);
  g_assert_false (watch.fraction_went_back);
  g_assert_cmpfloat (debrief_import_job_get_fraction (job), ==, 1.0);

  /* A finished job takes nothing more: the caller starts another. */
  g_assert_false (debrief_import_job_add_bytes (job, pasted, "Late"));

  watch_clear (&watch);
  debrief_document_close (document);
  debrief_test_remove_tree (dir);
}

static void
test_folder_not_expanded (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autoptr(DebriefImportJob) job = debrief_import_job_new (document, NULL);
  g_autofree char *dir = make_folder ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  Watch watch;

  /* As the command line runs it: a folder goes whole to the importer,
   * which reads only Slack exports, and is named as it was given. */
  watch_init (&watch);
  watch_job (job, &watch);
  debrief_import_job_set_expand_folders (job, FALSE);
  debrief_import_job_add_file (job, folder, "given/name");
  debrief_import_job_run_async (job, NULL, run_done_cb, &watch);
  wait_for (&watch);

  g_assert_true (watch.ok);
  g_assert_cmpuint (watch.done->len, ==, 0);
  g_assert_cmpuint (watch.failed->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (watch.failed, 0), ==, "given/name");
  g_assert_cmpuint (n_evidence (document), ==, 0);

  watch_clear (&watch);
  debrief_document_close (document);
  debrief_test_remove_tree (dir);
}

static void
test_cancel (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autoptr(DebriefImportJob) job = debrief_import_job_new (document, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "evidence", "gateway.log", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Watch watch;

  watch_init (&watch);
  watch_job (job, &watch);
  for (guint i = 0; i < 20; i++)
    debrief_import_job_add_file (job, file, NULL);

  /* Cancelled through the caller's cancellable before the thread can have
   * done all twenty: the rest are dropped, and not reported as failed. */
  debrief_import_job_run_async (job, cancellable, run_done_cb, &watch);
  g_cancellable_cancel (cancellable);
  wait_for (&watch);

  g_assert_false (watch.ok);
  g_assert_error (watch.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (watch.failed->len, ==, 0);
  g_assert_cmpuint (watch.done->len, <, 20);
  /* What was imported before the cancel stays. */
  g_assert_cmpuint (n_evidence (document), ==, watch.done->len);
  g_assert_cmpuint (debrief_import_job_get_n_imported (job), ==, watch.done->len);
  g_assert_false (debrief_import_job_get_importing (job));

  watch_clear (&watch);
  debrief_document_close (document);
}

static void
test_cancel_before_run (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autoptr(DebriefImportJob) job = debrief_import_job_new (document, NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "evidence", "gateway.log", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Watch watch;

  watch_init (&watch);
  watch_job (job, &watch);
  debrief_import_job_add_file (job, file, NULL);
  debrief_import_job_cancel (job);
  debrief_import_job_run_async (job, NULL, run_done_cb, &watch);
  wait_for (&watch);

  g_assert_error (watch.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (watch.done->len, ==, 0);
  g_assert_cmpuint (watch.failed->len, ==, 0);
  g_assert_cmpuint (n_evidence (document), ==, 0);

  watch_clear (&watch);
  debrief_document_close (document);
}

static void
test_abandoned (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Tester");
  g_autoptr(DebriefImportJob) job = debrief_import_job_new (document, NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "evidence", "gateway.log", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Watch watch;

  /* The incident was closed while its files were read: nothing is added
   * to it, and each file says why. */
  watch_init (&watch);
  watch_job (job, &watch);
  debrief_import_job_add_file (job, file, NULL);
  debrief_import_job_run_async (job, NULL, run_done_cb, &watch);
  debrief_import_job_abandon (job);
  wait_for (&watch);

  g_assert_true (watch.ok);
  g_assert_cmpuint (watch.done->len, ==, 0);
  g_assert_cmpuint (watch.failed->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (watch.failed, 0), ==, "gateway.log");
  g_assert_cmpuint (n_evidence (document), ==, 0);

  watch_clear (&watch);
  debrief_document_close (document);
}

int
main (int   argc,
      char *argv[])
{
  data_home = debrief_test_use_private_data_home ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debrief/import-job/folder-in-order", test_folder_in_order);
  g_test_add_func ("/debrief/import-job/folder-not-expanded", test_folder_not_expanded);
  g_test_add_func ("/debrief/import-job/cancel", test_cancel);
  g_test_add_func ("/debrief/import-job/cancel-before-run", test_cancel_before_run);
  g_test_add_func ("/debrief/import-job/abandoned", test_abandoned);

  return debrief_test_run_and_remove (data_home);
}
