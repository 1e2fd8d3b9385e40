/* test-lock.c
 *
 * The lock file beside an open incident document: who has it open, stale
 * locks, breaking them, and lock files from elsewhere that make no sense.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "debrief-lock.h"
#include "debrief-test-util.h"

static GFile *
document_in (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "incident.debrief", NULL);

  return g_file_new_for_path (path);
}

static gboolean
lock_file_exists (GFile *document)
{
  g_autoptr(GFile) lock_file = debrief_lock_get_lock_file_for (document);

  return g_file_query_exists (lock_file, NULL);
}

static GFile *
write_lock (const char *dir,
            const char *text,
            gssize      length)
{
  return debrief_test_write_text (dir, ".~lock.incident.debrief#", text, length);
}

/* The pid of a process that has run and been reaped. */
static GPid
exited_pid (void)
{
  const char *argv[] = { "true", NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;
  int status = 0;

  g_spawn_async (NULL, (char **) argv, NULL,
                 G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));

  return pid;
}

static void
test_lock_file_name (void)
{
  g_autoptr(GFile) document = g_file_new_for_path ("/srv/share/Gateway reboot.debrief");
  g_autoptr(GFile) lock_file = debrief_lock_get_lock_file_for (document);
  g_autofree char *path = g_file_get_path (lock_file);

  g_assert_cmpstr (path, ==, "/srv/share/.~lock.Gateway reboot.debrief#");
}

static void
test_held_by_another (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) document = document_in (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefLock) first = NULL;
  g_autoptr(DebriefLock) second = NULL;
  g_autoptr(DebriefLockInfo) holder = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *description = NULL;
  GDateTime *since;

  first = debrief_lock_acquire (document, "Ada Lovelace", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (debrief_lock_get_document (first) == document);
  g_assert_true (lock_file_exists (document));
  g_assert_true (debrief_lock_is_held (first, NULL, &error));
  g_assert_no_error (error);

  second = debrief_lock_acquire (document, "Grace Hopper", NULL, &error);
  g_assert_null (second);
  g_assert_error (error, DEBRIEF_LOCK_ERROR, DEBRIEF_LOCK_ERROR_HELD);
  g_assert_nonnull (strstr (error->message, "incident.debrief"));
  g_assert_nonnull (strstr (error->message, "Ada Lovelace"));
  g_assert_nonnull (strstr (error->message, g_get_host_name ()));
  g_clear_error (&error);

  holder = debrief_lock_read (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (holder);
  g_assert_cmpstr (debrief_lock_info_get_user (holder), ==, "Ada Lovelace");
  g_assert_cmpstr (debrief_lock_info_get_host (holder), ==, g_get_host_name ());
  g_assert_cmpint (debrief_lock_info_get_pid (holder), ==, getpid ());
  g_assert_false (debrief_lock_info_is_stale (holder));

  since = debrief_lock_info_get_since (holder);
  g_assert_nonnull (since);
  g_assert_cmpint (ABS (g_date_time_difference (now, since)), <, 5 * G_TIME_SPAN_SECOND);

  description = debrief_lock_info_describe (holder);
  g_assert_nonnull (strstr (description, "Ada Lovelace"));
  g_assert_nonnull (strstr (description, g_get_host_name ()));

  /* The failed attempt left the first holder's lock alone. */
  g_assert_true (debrief_lock_is_held (first, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (debrief_lock_release (first, &error));
  g_assert_no_error (error);

  debrief_test_remove_tree (dir);
}

static void
test_describe_time (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) document = document_in (dir);
  g_autoptr(GFile) lock_file = write_lock (dir,
                                           "[Debrief Lock]\n"
                                           "user=Ada Lovelace\n"
                                           "host=bench-laptop\n"
                                           "pid=4242\n"
                                           "since=2026-11-26T14:03:27Z\n",
                                           -1);
  g_autoptr(DebriefLockInfo) holder = NULL;
  g_autoptr(DebriefLockInfo) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *copy_description = NULL;

  holder = debrief_lock_read (document, NULL, &error);
  g_assert_no_error (error);

  /* TZ=UTC in the test environment; the zone is named, for a reader
   * who may be in another. */
  description = debrief_lock_info_describe (holder);
  g_assert_cmpstr (description, ==,
                   "Opened by Ada Lovelace on bench-laptop since 26 Nov 2026, 14:03 UTC");

  copy = debrief_lock_info_copy (holder);
  copy_description = debrief_lock_info_describe (copy);
  g_assert_cmpstr (copy_description, ==, description);
  g_assert_cmpint (debrief_lock_info_get_pid (copy), ==, 4242);

  debrief_test_remove_tree (dir);
}

static void
test_release (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) document = document_in (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefLock) lock = NULL;
  g_autoptr(DebriefLock) again = NULL;

  lock = debrief_lock_acquire (document, "Ada Lovelace", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lock_file_exists (document));

  g_assert_true (debrief_lock_release (lock, &error));
  g_assert_no_error (error);
  g_assert_false (lock_file_exists (document));
  g_assert_false (debrief_lock_is_held (lock, NULL, &error));
  g_assert_no_error (error);

  /* Releasing twice is harmless, and the document can be opened again. */
  g_assert_true (debrief_lock_release (lock, &error));
  g_assert_no_error (error);

  again = debrief_lock_acquire (document, "Grace Hopper", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_true (debrief_lock_release (again, &error));
  g_assert_no_error (error);

  debrief_test_remove_tree (dir);
}

static void
test_release_after_broken_and_retaken (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) document = document_in (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefLock) ada = NULL;
  g_autoptr(DebriefLock) grace = NULL;
  g_autoptr(DebriefLockInfo) holder = NULL;

  ada = debrief_lock_acquire (document, "Ada Lovelace", NULL, &error);
  g_assert_no_error (error);

  g_assert_true (debrief_lock_break (document, NULL, &error));
  g_assert_no_error (error);
  grace = debrief_lock_acquire (document, "Grace Hopper", NULL, &error);
  g_assert_no_error (error);

  g_assert_false (debrief_lock_is_held (ada, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (debrief_lock_release (ada, &error));
  g_assert_no_error (error);
  g_assert_true (lock_file_exists (document));

  holder = debrief_lock_read (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (debrief_lock_info_get_user (holder), ==, "Grace Hopper");
  g_assert_true (debrief_lock_is_held (grace, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (debrief_lock_release (grace, &error));
  g_assert_no_error (error);
  g_assert_false (lock_file_exists (document));

  debrief_test_remove_tree (dir);
}

static void
test_finalize_releases (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) document = document_in (dir);
  g_autoptr(GError) error = NULL;
  DebriefLock *lock;

  lock = debrief_lock_acquire (document, "Ada Lovelace", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lock_file_exists (document));

  g_assert_finalize_object (lock);
  g_assert_false (lock_file_exists (document));

  debrief_test_remove_tree (dir);
}

static void
test_no_lock (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) document = document_in (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefLockInfo) holder = NULL;

  holder = debrief_lock_read (document, NULL, &error);
  g_assert_null (holder);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Breaking a lock that is not there is not a failure. */
  g_assert_true (debrief_lock_break (document, NULL, &error));
  g_assert_no_error (error);

  debrief_test_remove_tree (dir);
}

static void
check_stale (const char *dir,
             const char *host,
             GPid        pid,
             gboolean    expected)
{
  g_autoptr(GFile) document = document_in (dir);
  g_autofree char *text = g_strdup_printf ("[Debrief Lock]\n"
                                           "user=Ada Lovelace\n"
                                           "host=%s\n"
                                           "pid=%d\n"
                                           "since=2026-11-26T14:03:00Z\n",
                                           host, (int) pid);
  g_autoptr(GFile) lock_file = write_lock (dir, text, -1);
  g_autoptr(DebriefLockInfo) holder = NULL;
  g_autoptr(GError) error = NULL;

  holder = debrief_lock_read (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (debrief_lock_info_get_pid (holder), ==, pid);
  g_assert_cmpstr (debrief_lock_info_get_host (holder), ==, host);
  g_assert_cmpint (debrief_lock_info_is_stale (holder), ==, expected);
}

static void
test_stale (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *other_host = g_strconcat ("not-", g_get_host_name (), NULL);
  GPid gone = exited_pid ();

  /* Taken here by a program that has ended. */
  check_stale (dir, g_get_host_name (), gone, TRUE);
  /* Taken here by a program that still runs: us. */
  check_stale (dir, g_get_host_name (), getpid (), FALSE);
  /* Taken elsewhere: that pid means nothing here. */
  check_stale (dir, other_host, gone, FALSE);

  debrief_test_remove_tree (dir);
}

static void
test_break_then_acquire (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *text = g_strdup_printf ("[Debrief Lock]\n"
                                           "user=Ada Lovelace\n"
                                           "host=%s\n"
                                           "pid=%d\n",
                                           g_get_host_name (), (int) exited_pid ());
  g_autoptr(GFile) lock_file = write_lock (dir, text, -1);
  g_autoptr(GFile) document = document_in (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefLock) lock = NULL;
  g_autoptr(DebriefLockInfo) holder = NULL;

  lock = debrief_lock_acquire (document, "Grace Hopper", NULL, &error);
  g_assert_null (lock);
  g_assert_error (error, DEBRIEF_LOCK_ERROR, DEBRIEF_LOCK_ERROR_HELD);
  g_clear_error (&error);

  holder = debrief_lock_read (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (debrief_lock_info_is_stale (holder));

  g_assert_true (debrief_lock_break (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (lock_file_exists (document));

  lock = debrief_lock_acquire (document, "Grace Hopper", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lock);
  g_assert_true (debrief_lock_release (lock, &error));
  g_assert_no_error (error);

  debrief_test_remove_tree (dir);
}

static void
check_garbage (const char *dir,
               const char *what,
               const char *text,
               gssize      length,
               const char *user,
               const char *host,
               int         pid,
               gboolean    has_since)
{
  g_autoptr(GFile) document = document_in (dir);
  g_autoptr(GFile) lock_file = write_lock (dir, text, length);
  g_autoptr(DebriefLockInfo) holder = NULL;
  g_autoptr(DebriefLock) lock = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  g_test_message ("lock file: %s", what);

  holder = debrief_lock_read (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (holder);
  g_assert_cmpstr (debrief_lock_info_get_user (holder), ==, user);
  g_assert_cmpstr (debrief_lock_info_get_host (holder), ==, host);
  g_assert_cmpint (debrief_lock_info_get_pid (holder), ==, pid);
  g_assert_true ((debrief_lock_info_get_since (holder) != NULL) == has_since);
  g_assert_false (debrief_lock_info_is_stale (holder));

  description = debrief_lock_info_describe (holder);
  g_assert_true (g_utf8_validate (description, -1, NULL));
  g_assert_nonnull (strstr (description, user));

  /* Whatever it holds, it is someone's lock. */
  lock = debrief_lock_acquire (document, "Grace Hopper", NULL, &error);
  g_assert_null (lock);
  g_assert_error (error, DEBRIEF_LOCK_ERROR, DEBRIEF_LOCK_ERROR_HELD);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_garbage (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *huge = g_malloc (1024 * 1024);
  g_autofree char *huge_valid = NULL;
  static const char nul_bytes[] = "[Debrief Lock]\nuser=Ada\0Lovelace\nhost=bench\0\n";
  static const char utf16[] = "\xff\xfe[\0D\0e\0b\0r\0i\0e\0f\0";

  memset (huge, 'x', 1024 * 1024);
  /* A well-formed start, then far more than a lock file ever holds. */
  huge_valid = g_strdup_printf ("[Debrief Lock]\nuser=Ada Lovelace\nhost=bench\ncomment=%.*s\n",
                                1024 * 1024, huge);

  check_garbage (dir, "empty", "", 0, "someone", "unknown computer", 0, FALSE);
  check_garbage (dir, "1 MiB of x", huge, 1024 * 1024, "someone", "unknown computer", 0, FALSE);
  check_garbage (dir, "1 MiB after good keys", huge_valid, -1,
                 "someone", "unknown computer", 0, FALSE);
  check_garbage (dir, "NUL bytes", nul_bytes, sizeof nul_bytes - 1,
                 "someone", "unknown computer", 0, FALSE);
  check_garbage (dir, "UTF-16", utf16, sizeof utf16 - 1, "someone", "unknown computer", 0, FALSE);
  check_garbage (dir, "invalid UTF-8 group", "[\xc3\x28]\nuser=Ada\n", -1,
                 "someone", "unknown computer", 0, FALSE);
  check_garbage (dir, "invalid UTF-8 value",
                 "[Debrief Lock]\nuser=Ada \xed\xa0\x80 Lovelace\nhost=bench\n", -1,
                 "someone", "bench", 0, FALSE);
  check_garbage (dir, "no group", "user=Ada\nhost=bench\n", -1,
                 "someone", "unknown computer", 0, FALSE);
  check_garbage (dir, "LibreOffice's own",
                 ",Ada Lovelace,bench,26.11.2026 14:03,file:///home/ada;", -1,
                 "someone", "unknown computer", 0, FALSE);
  check_garbage (dir, "missing keys", "[Debrief Lock]\nuser=Ada Lovelace\n", -1,
                 "Ada Lovelace", "unknown computer", 0, FALSE);
  check_garbage (dir, "empty values", "[Debrief Lock]\nuser=\nhost=  \npid=\nsince=\n", -1,
                 "someone", "unknown computer", 0, FALSE);
  check_garbage (dir, "negative pid", "[Debrief Lock]\nuser=Ada\nhost=bench\npid=-5\n", -1,
                 "Ada", "bench", 0, FALSE);
  check_garbage (dir, "pid too large",
                 "[Debrief Lock]\nuser=Ada\nhost=bench\npid=99999999999\n", -1,
                 "Ada", "bench", 0, FALSE);
  check_garbage (dir, "pid not a number", "[Debrief Lock]\nuser=Ada\nhost=bench\npid=12abc\n", -1,
                 "Ada", "bench", 0, FALSE);
  check_garbage (dir, "absurd time",
                 "[Debrief Lock]\nuser=Ada\nhost=bench\nsince=99999-13-45T99:99:99Z\n", -1,
                 "Ada", "bench", 0, FALSE);
  check_garbage (dir, "time as words",
                 "[Debrief Lock]\nuser=Ada\nhost=bench\nsince=yesterday\n", -1,
                 "Ada", "bench", 0, FALSE);
  check_garbage (dir, "control characters and bidi override",
                 "[Debrief Lock]\nuser=\\tAda\\n\xe2\x80\xae" "ecarG\x1b[31m\nhost=bench\n", -1,
                 "Ada ecarG[31m", "bench", 0, FALSE);
  check_garbage (dir, "pid zero",
                 "[Debrief Lock]\nuser=Ada\nhost=bench\npid=0\nsince=2026-11-26T14:03:00Z\n", -1,
                 "Ada", "bench", 0, TRUE);

  debrief_test_remove_tree (dir);
}

static void
test_long_name_is_cut (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) document = document_in (dir);
  g_autoptr(GString) text = g_string_new ("[Debrief Lock]\nuser=");
  g_autoptr(GFile) lock_file = NULL;
  g_autoptr(DebriefLockInfo) holder = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (text, "é");
  g_string_append (text, "\n");
  lock_file = write_lock (dir, text->str, text->len);

  holder = debrief_lock_read (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_utf8_strlen (debrief_lock_info_get_user (holder), -1), <=, 128);
  g_assert_true (g_str_has_prefix (debrief_lock_info_get_user (holder), "éé"));

  debrief_test_remove_tree (dir);
}

/* A name chosen while the document is open reaches the lock others read,
 * which stays ours; a lock let go of does not come back. */
static void
test_new_name_shows_in_lock (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) document = document_in (dir);
  g_autoptr(DebriefLock) lock = NULL;
  g_autoptr(DebriefLockInfo) before = NULL;
  g_autoptr(DebriefLockInfo) after = NULL;
  g_autoptr(GError) error = NULL;

  lock = debrief_lock_acquire (document, "root", NULL, &error);
  g_assert_no_error (error);
  before = debrief_lock_read (document, NULL, &error);
  g_assert_cmpstr (debrief_lock_info_get_user (before), ==, "root");

  g_assert_true (debrief_lock_set_user_name (lock, "Grace Hopper", NULL, &error));
  g_assert_no_error (error);
  after = debrief_lock_read (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (debrief_lock_info_get_user (after), ==, "Grace Hopper");
  g_assert_cmpstr (debrief_lock_info_get_host (after), ==, debrief_lock_info_get_host (before));
  g_assert_true (g_date_time_equal (debrief_lock_info_get_since (after), debrief_lock_info_get_since (before)));
  g_assert_true (debrief_lock_is_held (lock, NULL, NULL));

  g_assert_true (debrief_lock_release (lock, &error));
  g_assert_false (lock_file_exists (document));
  g_assert_true (debrief_lock_set_user_name (lock, "Ada Lovelace", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (lock_file_exists (document));

  debrief_test_remove_tree (dir);
}

static void
test_not_a_regular_file (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *lock_path = g_build_filename (dir, ".~lock.incident.debrief#", NULL);
  g_autofree char *fifo_path = g_build_filename (dir, "fifo", NULL);
  g_autofree char *secret_path = g_build_filename (dir, "secret", NULL);
  g_autoptr(GFile) document = document_in (dir);
  g_autoptr(GFile) secret = debrief_test_write_text (dir, "secret",
                                                     "[Debrief Lock]\nuser=Followed a link\n", -1);
  struct { const char *what; const char *target; } links[] = {
    { "symbolic link to a file", secret_path },
    { "symbolic link to a FIFO", fifo_path },
    { "dangling symbolic link", "/nonexistent/lock" },
  };

  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);

  /* A FIFO would block a reader forever; a link could make us read
   * anything. Both are someone's lock, but not text to read. */
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autoptr(DebriefLockInfo) holder = NULL;
      g_autoptr(DebriefLock) lock = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("lock file: %s", links[i].what);
      g_assert_cmpint (symlink (links[i].target, lock_path), ==, 0);

      holder = debrief_lock_read (document, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (debrief_lock_info_get_user (holder), ==, "someone");

      lock = debrief_lock_acquire (document, "Grace Hopper", NULL, &error);
      g_assert_null (lock);
      g_assert_error (error, DEBRIEF_LOCK_ERROR, DEBRIEF_LOCK_ERROR_HELD);

      /* Breaking removes the link, not what it points to. */
      g_clear_error (&error);
      g_assert_true (debrief_lock_break (document, NULL, &error));
      g_assert_no_error (error);
      g_assert_false (g_file_test (lock_path, G_FILE_TEST_IS_SYMLINK));
    }

  g_assert_true (g_file_test (secret_path, G_FILE_TEST_IS_REGULAR));

  {
    g_autoptr(DebriefLockInfo) holder = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (mkfifo (lock_path, 0600), ==, 0);
    holder = debrief_lock_read (document, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (debrief_lock_info_get_user (holder), ==, "someone");
    g_assert_cmpint (g_unlink (lock_path), ==, 0);
  }

  debrief_test_remove_tree (dir);
}

static void
test_unavailable_read_only_folder (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *shared = g_build_filename (dir, "shared", NULL);
  g_autoptr(GFile) document = document_in (shared);
  g_autoptr(DebriefLock) lock = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (shared, 0555), ==, 0);
  g_assert_cmpint (g_chmod (shared, 0555), ==, 0);

  if (access (shared, W_OK) == 0)
    {
      g_test_skip ("A read-only folder is writable here (running as root?)");
      g_assert_cmpint (g_chmod (shared, 0755), ==, 0);
      debrief_test_remove_tree (dir);
      return;
    }

  lock = debrief_lock_acquire (document, "Ada Lovelace", NULL, &error);
  g_assert_null (lock);
  g_assert_error (error, DEBRIEF_LOCK_ERROR, DEBRIEF_LOCK_ERROR_UNAVAILABLE);
  g_assert_nonnull (strstr (error->message, "incident.debrief"));
  g_assert_nonnull (strstr (error->message, "ermission"));

  g_assert_cmpint (g_chmod (shared, 0755), ==, 0);
  debrief_test_remove_tree (dir);
}

static void
test_unavailable_no_folder (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "unplugged-usb-stick", NULL);
  g_autoptr(GFile) not_a_folder = debrief_test_write_text (dir, "notes.txt", "notes\n", -1);
  g_autofree char *not_a_folder_path = g_file_get_path (not_a_folder);
  const char *folders[] = { missing, not_a_folder_path };

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autoptr(GFile) document = document_in (folders[i]);
      g_autoptr(DebriefLock) lock = NULL;
      g_autoptr(GError) error = NULL;

      lock = debrief_lock_acquire (document, "Ada Lovelace", NULL, &error);
      g_assert_null (lock);
      g_assert_error (error, DEBRIEF_LOCK_ERROR, DEBRIEF_LOCK_ERROR_UNAVAILABLE);
      g_assert_nonnull (strstr (error->message, "incident.debrief"));
    }

  debrief_test_remove_tree (dir);
}

static void
test_cancelled (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autoptr(GFile) document = document_in (dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(DebriefLock) lock = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  lock = debrief_lock_acquire (document, "Ada Lovelace", cancellable, &error);
  g_assert_null (lock);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (lock_file_exists (document));

  debrief_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debrief/lock/lock-file-name", test_lock_file_name);
  g_test_add_func ("/debrief/lock/held-by-another", test_held_by_another);
  g_test_add_func ("/debrief/lock/describe-time", test_describe_time);
  g_test_add_func ("/debrief/lock/release", test_release);
  g_test_add_func ("/debrief/lock/release-after-broken-and-retaken",
                   test_release_after_broken_and_retaken);
  g_test_add_func ("/debrief/lock/finalize-releases", test_finalize_releases);
  g_test_add_func ("/debrief/lock/no-lock", test_no_lock);
  g_test_add_func ("/debrief/lock/stale", test_stale);
  g_test_add_func ("/debrief/lock/break-then-acquire", test_break_then_acquire);
  g_test_add_func ("/debrief/lock/garbage", test_garbage);
  g_test_add_func ("/debrief/lock/long-name-is-cut", test_long_name_is_cut);
  g_test_add_func ("/debrief/lock/new-name-shows-in-lock", test_new_name_shows_in_lock);
  g_test_add_func ("/debrief/lock/not-a-regular-file", test_not_a_regular_file);
  g_test_add_func ("/debrief/lock/unavailable-read-only-folder", test_unavailable_read_only_folder);
  g_test_add_func ("/debrief/lock/unavailable-no-folder", test_unavailable_no_folder);
  g_test_add_func ("/debrief/lock/cancelled", test_cancelled);

  return g_test_run ();
}
