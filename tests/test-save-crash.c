/* test-save-crash.c
 *
 * A crash during a save: a child process opens a document of a few
 * megabytes, changes it and saves it, and is killed with SIGKILL at a
 * moment that sweeps the whole save, hundreds of times. Each time the file
 * must be either the complete old version or the complete new one, sound,
 * with no journal beside it, and the child's unsaved work must be there to
 * restore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-test"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "debrief-document.h"
#include "debrief-meeting-note.h"
#include "debrief-test-util.h"

#define OLD_TITLE "Gateway fleet reboot loop (old version)"
#define NEW_TITLE "Gateway fleet reboot loop (new version)"

/* About 3 MB: a save then takes tens of milliseconds, long enough for the
 * kills to land at every step of it. */
#define N_NOTES     48
#define NOTE_LENGTH (64 * 1024)

#define DEFAULT_TRIALS 240
#define SEED           20261126

static char *data_home;
static char *self_exe;

/* --- The child ---------------------------------------------------------- */

static void
tell_parent (char c)
{
  while (write (STDOUT_FILENO, &c, 1) < 0 && errno == EINTR)
    ;
}

/* Opens @target_path, changes its title and saves it, telling the parent
 * on stdout: "R" just before the save starts, "S" once it returned. */
static int
run_save_child (const char *target_path)
{
  g_autoptr(GFile) target = g_file_new_for_path (target_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefDocument) document = NULL;

  document = debrief_document_open (target, DEBRIEF_OPEN_FLAGS_NONE, "Crashing Child", NULL, &error);
  if (document == NULL)
    {
      g_printerr ("The child could not open %s: %s\n", target_path, error->message);
      return 1;
    }

  /* The unsaved edit: from now on the working copy is all there is of it. */
  debrief_incident_set_title (debrief_document_get_incident (document), NEW_TITLE);

  tell_parent ('R');
  if (!debrief_document_save (document, NULL, NULL, &error))
    {
      g_printerr ("The child could not save %s: %s\n", target_path, error->message);
      return 1;
    }
  tell_parent ('S');

  debrief_document_close (document);

  return 0;
}

/* --- The parent --------------------------------------------------------- */

typedef struct
{
  char   *dir;
  char   *path;
  char   *name;
  GFile  *file;
  GBytes *old_bytes;
  char   *old_revision;
  gint64  n_notes;
  gint64  notes_length;
  gint64  n_revisions;
} Target;

typedef struct
{
  guint before_rename;
  guint after_rename;
  guint after_save_returned;
  guint not_killed;
  guint temp_files_left;
  guint journals_left;
  guint drafts_restored;
  guint drafts_saved;
  guint false_conflicts;
  guint phantom_revisions;
} Tally;

/* A regression of a bug these tests found in the core and that was fixed
 * (a phantom revision after a failed or killed save, a false conflict
 * after restoring a draft, unclear messages): a failure of the suite. */
static void G_GNUC_PRINTF (1, 2)
regression (const char *format,
           ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_error ("%s", what);
}

static Target *
target_new (void)
{
  Target *target = g_new0 (Target, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefDocument) document = debrief_document_new ("Ada Lovelace", &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autofree char *text = g_malloc (NOTE_LENGTH + 1);
  sqlite3 *db;

  g_assert_no_error (error);

  target->dir = debrief_test_make_tmpdir ();
  target->name = g_strdup ("incident.debrief");
  target->path = g_build_filename (target->dir, target->name, NULL);
  target->file = g_file_new_for_path (target->path);

  debrief_incident_set_title (debrief_document_get_incident (document), OLD_TITLE);
  for (guint i = 0; i < N_NOTES; i++)
    {
      g_autoptr(DebriefMeetingNote) note = debrief_meeting_note_new ();

      for (guint j = 0; j < NOTE_LENGTH; j++)
        text[j] = (char) g_rand_int_range (rand, ' ', '~' + 1);
      text[NOTE_LENGTH] = '\0';

      debrief_meeting_note_set_text (note, text);
      g_assert_true (debrief_document_add (document, DEBRIEF_RECORD (note), &error));
      g_assert_no_error (error);
    }

  g_assert_true (debrief_document_save (document, target->file, NULL, &error));
  g_assert_no_error (error);
  target->old_revision = g_strdup (debrief_document_get_revision (document));
  debrief_document_close (document);
  g_assert_finalize_object (g_steal_pointer (&document));

  target->old_bytes = debrief_test_read_bytes (target->path);

  db = debrief_test_open_checked (target->path);
  target->n_notes = debrief_test_query_int (db, "SELECT count(*) FROM meeting_note");
  target->notes_length = debrief_test_query_int (db, "SELECT sum(length(text)) FROM meeting_note");
  target->n_revisions = debrief_test_query_int (db, "SELECT count(*) FROM revision");
  sqlite3_close (db);
  g_assert_cmpint (target->n_notes, ==, N_NOTES);

  return target;
}

static void
target_free (Target *target)
{
  debrief_test_remove_tree (target->dir);
  g_free (target->dir);
  g_free (target->path);
  g_free (target->name);
  g_object_unref (target->file);
  g_bytes_unref (target->old_bytes);
  g_free (target->old_revision);
  g_free (target);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Target, target_free)

static void
target_restore (Target *target)
{
  debrief_test_write_bytes (target->path, target->old_bytes);
}

/* Whether the target is the old version, byte for byte; if not, it must be
 * the complete new one: the child's title and revision, and everything
 * else as it was. */
static gboolean
target_is_old (Target *target)
{
  g_autoptr(GBytes) now = debrief_test_read_bytes (target->path);
  g_autofree char *title = NULL;
  g_autofree char *revision = NULL;
  g_autofree char *last_revision = NULL;
  sqlite3 *db = debrief_test_open_checked (target->path);

  if (g_bytes_equal (now, target->old_bytes))
    {
      sqlite3_close (db);
      return TRUE;
    }

  title = debrief_test_query_text (db, "SELECT title FROM incident");
  revision = debrief_test_query_text (db, "SELECT value FROM document_info WHERE key = 'revision'");
  last_revision = debrief_test_query_text (db, "SELECT revision_id FROM revision ORDER BY rowid DESC LIMIT 1");

  g_assert_cmpstr (title, ==, NEW_TITLE);
  g_assert_cmpstr (revision, !=, target->old_revision);
  g_assert_cmpstr (revision, ==, last_revision);
  g_assert_cmpint (debrief_test_query_int (db, "SELECT count(*) FROM revision"), >=, target->n_revisions + 1);
  g_assert_cmpint (debrief_test_query_int (db, "SELECT count(*) FROM meeting_note"), ==, target->n_notes);
  g_assert_cmpint (debrief_test_query_int (db, "SELECT sum(length(text)) FROM meeting_note"), ==, target->notes_length);
  g_assert_cmpint (debrief_test_query_int (db, "PRAGMA application_id"), !=, 0);
  sqlite3_close (db);

  return FALSE;
}

/* Nothing beside the target that SQLite would take for part of it: no
 * journal, no WAL, no shared memory. A save killed half-way may leave its
 * new file, unfinished; that is harmless, as nothing ever opens it again,
 * and it is hidden, named after the target, so a user can tell what it is
 * and nobody mistakes it for a document. Its own journal, if SQLite had
 * made one while writing it, is as harmless. Counts in @tally what was
 * left, and removes it so that the next trial starts clean. */
static void
check_and_clean_folder (Target *target,
                        Tally  *tally)
{
  g_autoptr(GDir) handle = g_dir_open (target->dir, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.", target->name);
  g_autoptr(GPtrArray) strays = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  g_assert_nonnull (handle);
  while ((entry = g_dir_read_name (handle)))
    {
      if (g_str_equal (entry, target->name))
        continue;

      if (!g_str_has_prefix (entry, prefix) ||
          !(g_str_has_suffix (entry, ".saving") || g_str_has_suffix (entry, ".saving-journal")))
        g_error ("A killed save left “%s” beside the target", entry);

      if (g_str_has_suffix (entry, ".saving"))
        tally->temp_files_left++;
      else
        tally->journals_left++;

      g_ptr_array_add (strays, g_build_filename (target->dir, entry, NULL));
    }

  for (guint i = 0; i < strays->len; i++)
    g_assert_cmpint (g_unlink (g_ptr_array_index (strays, i)), ==, 0);
}

/* The child's working copy, if it is still there to restore. */
static DebriefDraft *
find_draft (GPtrArray *drafts,
            Target    *target)
{
  for (guint i = 0; i < drafts->len; i++)
    {
      DebriefDraft *draft = g_ptr_array_index (drafts, i);
      GFile *file = debrief_draft_get_file (draft);

      if (file != NULL && g_file_equal (file, target->file))
        return draft;
    }

  return NULL;
}

/* Runs the child once; kills it @delay_usec after it said it starts to
 * save, unless @delay_usec is negative. Returns whether it was killed, in
 * @save_returned whether its save had returned by then, and in @save_usec
 * how long the save took if it did. */
static gboolean
run_child (Target   *target,
           gint64    delay_usec,
           gint64   *save_usec,
           gboolean *save_returned)
{
  const char *argv[] = { self_exe, "--save-child", target->path, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;
  int out_fd = -1;
  char c = 0;
  gssize n;
  gint64 started;
  int status = 0;
  gboolean killed = FALSE;
  g_autoptr(GString) said = g_string_new (NULL);

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);

  while ((n = read (out_fd, &c, 1)) < 0 && errno == EINTR)
    ;
  started = g_get_monotonic_time ();
  if (n != 1 || c != 'R')
    g_error ("The child ended before it saved");

  if (delay_usec >= 0)
    {
      gint64 deadline = started + delay_usec;
      gint64 now;

      /* Sleep most of the way, then spin for the last stretch: a sleep
       * alone overshoots by up to a scheduler tick. */
      while ((now = g_get_monotonic_time ()) < deadline - 2000)
        g_usleep (deadline - now - 2000);
      while (g_get_monotonic_time () < deadline)
        ;
      killed = kill (pid, SIGKILL) == 0;
    }

  /* What it said before it ended: "S" when its save returned. */
  while ((n = read (out_fd, &c, 1)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, ==, 1);
      g_string_append_c (said, c);
      if (c == 'S' && save_usec != NULL)
        *save_usec = g_get_monotonic_time () - started;
    }
  close (out_fd);

  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_spawn_close_pid (pid);

  *save_returned = strchr (said->str, 'S') != NULL;

  if (WIFSIGNALED (status))
    {
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      return killed;
    }

  /* It was not killed in time: it must have saved and ended well. */
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_true (*save_returned);

  return FALSE;
}

/* The child's unsaved work is there to restore, and restoring it gives
 * the new version; saving it where it came from gives the new version
 * there too, unless the file already has it. */
static void
check_draft (Target   *target,
             gboolean  target_old,
             Tally    *tally)
{
  g_autoptr(GPtrArray) drafts = debrief_document_list_drafts ();
  DebriefDraft *draft = find_draft (drafts, target);
  g_autoptr(DebriefDocument) restored = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *notes;

  /* The new title is in no file: the working copy must have it. After the
   * rename it is in the file and the child may have marked its working
   * copy saved already, which is then rightly gone. */
  if (draft == NULL)
    {
      g_assert_false (target_old);
      return;
    }

  g_assert_cmpstr (debrief_draft_get_title (draft), ==, NEW_TITLE);

  restored = debrief_document_restore_draft (draft, "Ada Lovelace", &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_true (debrief_document_get_modified (restored));
  g_assert_cmpstr (debrief_incident_get_title (debrief_document_get_incident (restored)), ==, NEW_TITLE);
  notes = debrief_document_get_records (restored, DEBRIEF_TYPE_MEETING_NOTE);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, N_NOTES);
  tally->drafts_restored++;

  /* Saving a restored draft costs as much as the child's save did; every
   * fourth one is enough to show that it works. */
  if (target_old && tally->drafts_restored % 4 == 1)
    {
      sqlite3 *db;

      g_assert_true (debrief_document_save (restored, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_false (target_is_old (target));
      tally->drafts_saved++;

      /* One save reached the file: its history must say one, not also the
       * save that was killed. */
      db = debrief_test_open_checked (target->path);
      if (debrief_test_query_int (db, "SELECT count(*) FROM revision") != target->n_revisions + 1)
        tally->phantom_revisions++;
      sqlite3_close (db);

      target_restore (target);
    }
  else if (!target_old)
    {
      /* Killed between the rename and the note that the working copy was
       * saved: the file has the user's own save, so saving the restored
       * work again must not be refused as somebody else's. */
      if (!debrief_document_save (restored, NULL, NULL, &error))
        {
          g_test_message ("Saving a draft whose save had reached the file: %s", error->message);
          g_assert_error (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_CONFLICT);
          tally->false_conflicts++;
        }
      g_clear_error (&error);
    }

  debrief_document_close (restored);
}

static void
test_kill_during_save (void)
{
  g_autoptr(Target) target = target_new ();
  const char *trials_env = g_getenv ("DEBRIEF_CRASH_TRIALS");
  guint n_trials = trials_env ? (guint) g_ascii_strtoull (trials_env, NULL, 10) : DEFAULT_TRIALS;
  gint64 durations[3];
  gint64 save_usec;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  Tally tally = { 0, };
  gint64 test_started = g_get_monotonic_time ();

  g_assert_cmpuint (n_trials, >=, 1);

  /* How long a save takes here, on this disk: the median of three. */
  for (guint i = 0; i < G_N_ELEMENTS (durations); i++)
    {
      gboolean returned;

      g_assert_false (run_child (target, -1, &durations[i], &returned));
      g_assert_true (returned);
      g_assert_false (target_is_old (target));
      check_and_clean_folder (target, &tally);
      target_restore (target);
    }
  g_assert_cmpuint (tally.temp_files_left + tally.journals_left, ==, 0);
  save_usec = MAX (MIN (durations[0], durations[1]),
                   MIN (MAX (durations[0], durations[1]), durations[2]));
  g_test_message ("A save of %" G_GSIZE_FORMAT " bytes takes %.1f ms (runs: %.1f, %.1f, %.1f ms)",
                  g_bytes_get_size (target->old_bytes), save_usec / 1000.0,
                  durations[0] / 1000.0, durations[1] / 1000.0, durations[2] / 1000.0);
  g_assert_cmpint (save_usec, >, 0);

  for (guint trial = 0; trial < n_trials; trial++)
    {
      /* Evenly spread from the start of the save to a fifth past its end,
       * each delay jittered within its own slot. */
      gint64 span = save_usec * 6 / 5;
      gint64 slot = span / n_trials + 1;
      gint64 delay = span * trial / n_trials + g_rand_int_range (rand, 0, (gint32) MIN (slot, G_MAXINT32));
      gboolean returned = FALSE;
      gboolean killed;
      gboolean old;

      killed = run_child (target, delay, NULL, &returned);

      old = target_is_old (target);
      if (!killed)
        tally.not_killed++;
      else if (returned)
        tally.after_save_returned++;
      else if (old)
        tally.before_rename++;
      else
        tally.after_rename++;

      /* A save that returned put the new version in place. */
      if (returned)
        g_assert_false (old);

      check_and_clean_folder (target, &tally);
      check_draft (target, old, &tally);

      if (!old)
        target_restore (target);
    }

  g_test_message ("%u trials in %.1f s: killed before the rename %u, after it %u, after the save "
                  "returned %u; not killed (saved in time) %u",
                  n_trials, (g_get_monotonic_time () - test_started) / (double) G_USEC_PER_SEC,
                  tally.before_rename, tally.after_rename, tally.after_save_returned, tally.not_killed);
  g_test_message ("Left beside the target: %u unfinished new files, %u journals of them; "
                  "drafts restored %u, of which saved %u",
                  tally.temp_files_left, tally.journals_left, tally.drafts_restored, tally.drafts_saved);

  /* The sweep must have hit both sides of the rename, or it proved
   * nothing about it. */
  g_assert_cmpuint (tally.before_rename, >, 0);
  g_assert_cmpuint (tally.after_rename + tally.after_save_returned + tally.not_killed, >, 0);

  if (tally.false_conflicts > 0)
    regression ("%u drafts killed between the rename and the note that they were saved could not "
               "be saved once restored: their own save is taken for somebody else's (the draft's "
               "revision is still the one before)", tally.false_conflicts);

  if (tally.phantom_revisions > 0)
    regression ("%u of %u drafts of a killed save, restored and saved, recorded the killed save in "
               "the file's history as well (the revision that save_prepare() committed to the "
               "working copy stays there)", tally.phantom_revisions, tally.drafts_saved);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Working copies go under a private data folder, which the children
   * share with the parent. */
  data_home = debrief_test_use_private_data_home ();

  if (argc == 3 && g_str_equal (argv[1], "--save-child"))
    {
      ret = run_save_child (argv[2]);
      g_free (data_home);
      return ret;
    }

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe == NULL)
    self_exe = g_strdup (argv[0]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debrief/save-crash/kill-during-save", test_kill_during_save);

  ret = g_test_run ();

  debrief_test_remove_tree (data_home);
  g_free (data_home);
  g_free (self_exe);

  return ret;
}
