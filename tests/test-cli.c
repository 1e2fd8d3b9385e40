/* test-cli.c
 *
 * The command line of the real debrief executable, with no display and no
 * D-Bus session: --check on good, damaged, foreign, missing and newer
 * files, --export-json and --import-json and their round trip, and wrong
 * arguments; the exit status and what a user reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "debrief-cli.h"
#include "debrief-document.h"
#include "debrief-participant.h"
#include "debrief-test-util.h"

static char *data_home;
static char *work_dir;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

/* Runs debrief with @argv (NULL-terminated, without the program) in the
 * work folder, with no display and a D-Bus session bus that does not
 * exist, feeding it @input on its standard input. */
static Run *
run_debrief_with_input (const char         *input,
                        const char * const *argv)
{
  const char *exe = g_getenv ("DEBRIEF_EXE");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *drafts = g_build_filename (data_home, "debrief", "drafts", NULL);
  Run *run = g_new0 (Run, 1);

  g_assert_nonnull (exe);

  g_ptr_array_add (args, (gpointer) exe);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        (input ? G_SUBPROCESS_FLAGS_STDIN_PIPE : G_SUBPROCESS_FLAGS_NONE));
  g_subprocess_launcher_set_cwd (launcher, work_dir);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/debrief-test-bus", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "G_DEBUG", "fatal-warnings", TRUE);

  child = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (child, input, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);

  if (!g_subprocess_get_if_exited (child))
    g_error ("debrief %s crashed:\n%s", argv[0], run->err);

  run->status = g_subprocess_get_exit_status (child);
  {
    g_autofree char *said = g_strconcat (run->out, run->err, NULL);

    /* One line: TAP takes every line of a message for a line of its own. */
    g_test_message ("debrief %s → %d: %s", argv[0], run->status, g_strdelimit (said, "\n", ' '));
  }

  /* Whatever it did, no working copy is left behind. */
  if (g_file_test (drafts, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (drafts, 0, NULL);

      g_assert_nonnull (dir);
      if (g_dir_read_name (dir) != NULL)
        g_error ("debrief %s left a working copy behind", argv[0]);
    }

  return run;
}

#define run_debrief(...) run_debrief_with_input (NULL, (const char * const []) { __VA_ARGS__, NULL })

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” is not in:\n%s", needle, haystack);
}

static char *
work_path (const char *name)
{
  return g_build_filename (work_dir, name, NULL);
}

/* A saved incident with a title, two participants and an evidence item. */
static void
make_document (const char *name)
{
  g_autofree char *path = work_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DebriefDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Ada Lovelace", "Grace Hopper" };

  document = debrief_document_new ("Ada Lovelace", &error);
  g_assert_no_error (error);

  debrief_incident_set_title (debrief_document_get_incident (document), "Gateway fleet reboot loop");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(DebriefParticipant) participant = debrief_participant_new ();

      debrief_participant_set_name (participant, names[i]);
      g_assert_true (debrief_document_add (document, DEBRIEF_RECORD (participant), &error));
      g_assert_no_error (error);
    }

  g_assert_true (debrief_document_save (document, file, NULL, &error));
  g_assert_no_error (error);
  debrief_document_close (document);
}

static char *
line_starting (const char *text,
               const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i]);

  g_error ("No line starts with “%s” in:\n%s", prefix, text);
}

static void
test_check_good_file (void)
{
  g_autoptr(Run) run = NULL;
  g_autofree char *revision = NULL;

  make_document ("good.debrief");
  run = run_debrief ("--check", "good.debrief");

  g_assert_cmpint (run->status, ==, DEBRIEF_CLI_EXIT_OK);
  g_assert_cmpstr (run->err, ==, "");
  assert_contains (run->out, "File: good.debrief\n");
  assert_contains (run->out, "Incident: Gateway fleet reboot loop\n");
  assert_contains (run->out, "Schema version: 2\n");
  assert_contains (run->out, "Participants: 2\n");
  assert_contains (run->out, "Evidence items: 0\n");
  assert_contains (run->out, "Saved revisions: 1\n");
  assert_contains (run->out, "Integrity: OK\n");
  g_assert_true (g_str_has_suffix (run->out, "\nOK\n"));
  revision = line_starting (run->out, "Revision: ");
  g_assert_false (g_str_has_prefix (revision, "Revision: (never"));
}

static void
assert_check_fails (const char *name,
                    int         status,
                    const char *message)
{
  g_autoptr(Run) run = run_debrief ("--check", name);
  g_autofree char *prefix = g_strdup_printf ("%s: ", name);

  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, prefix));
  assert_contains (run->err, message);
}

static void
test_check_bad_files (void)
{
  g_autofree char *good_path = work_path ("good.debrief");
  g_autofree char *damaged_path = work_path ("damaged.debrief");
  g_autoptr(GFile) foreign = NULL;
  g_autoptr(GFile) text = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  make_document ("good.debrief");
  g_assert_true (g_file_get_contents (good_path, &contents, &length, NULL));

  /* Cut short, as by a copy that did not finish. */
  g_assert_true (g_file_set_contents (damaged_path, contents, length / 2, NULL));
  assert_check_fails ("damaged.debrief", DEBRIEF_CLI_EXIT_DOCUMENT, "damaged");

  foreign = debrief_test_write_database (work_dir, "foreign.debrief", 0);
  assert_check_fails ("foreign.debrief", DEBRIEF_CLI_EXIT_DOCUMENT, "database of another application");

  text = debrief_test_write_text (work_dir, "notes.debrief", "# Incident report\nThe gateways rebooted.\n", -1);
  assert_check_fails ("notes.debrief", DEBRIEF_CLI_EXIT_DOCUMENT, "not a Debrief incident document");

  assert_check_fails ("missing.debrief", DEBRIEF_CLI_EXIT_IO, "There is no such file.");
}

static void
test_check_newer_file (void)
{
  g_autofree char *path = work_path ("newer.debrief");
  g_autoptr(Run) run = NULL;
  sqlite3 *db = NULL;

  make_document ("newer.debrief");
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE from_the_future (uuid TEXT PRIMARY KEY); PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  run = run_debrief ("--check", "newer.debrief");
  g_assert_cmpint (run->status, ==, DEBRIEF_CLI_EXIT_OK);
  assert_contains (run->out, "Incident: Gateway fleet reboot loop\n");
  assert_contains (run->out, "Schema version: 99 (newer than 2");
  assert_contains (run->out, "newer version of Debrief");
  assert_contains (run->out, "read-only");
}

static void
test_wrong_arguments (void)
{
  static const struct
  {
    const char *argv[5];
    const char *message;
  } cases[] = {
    { { "--check", NULL }, "--check takes one file" },
    { { "--check", "a.debrief", "b.debrief", NULL }, "--check takes one file" },
    { { "--export-json", "a.debrief", NULL }, "--export-json takes two files" },
    { { "--import-json", "a.json", NULL }, "--import-json takes two files" },
    { { "--import-json", "a.json", "b.debrief", "c.debrief", NULL }, "--import-json takes two files" },
    { { "--check", "--export-json", "a.debrief", NULL }, "only one of" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Run) run = run_debrief_with_input (NULL, cases[i].argv);

      g_assert_cmpint (run->status, ==, DEBRIEF_CLI_EXIT_USAGE);
      g_assert_cmpstr (run->out, ==, "");
      assert_contains (run->err, cases[i].message);
      assert_contains (run->err, "Usage:");
      assert_contains (run->err, "debrief --export-json FILE OUT");
    }

  /* An option nobody knows is refused by GLib's option parser. */
  {
    g_autoptr(Run) run = run_debrief ("--bogus", "a.debrief");

    g_assert_cmpint (run->status, !=, DEBRIEF_CLI_EXIT_OK);
    assert_contains (run->err, "--bogus");
  }

  /* --help works without a display too, and lists the commands. */
  {
    g_autoptr(Run) run = run_debrief ("--help");

    g_assert_cmpint (run->status, ==, DEBRIEF_CLI_EXIT_OK);
    assert_contains (run->out, "--check");
    assert_contains (run->out, "--export-json");
    assert_contains (run->out, "--import-json");
  }
}

static void
test_export_import_round_trip (void)
{
  g_autofree char *json_path = work_path ("good.json");
  g_autofree char *copy_path = work_path ("copy.debrief");
  g_autofree char *json = NULL;
  g_autofree char *copy_before = NULL;
  g_autofree char *copy_after = NULL;
  g_autofree char *id_original = NULL;
  g_autofree char *id_copy = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(Run) check_original = NULL;
  g_autoptr(Run) to_file = NULL;
  g_autoptr(Run) to_stdout = NULL;
  g_autoptr(Run) import = NULL;
  g_autoptr(Run) check_copy = NULL;
  g_autoptr(Run) again = NULL;
  g_autoptr(Run) export_again = NULL;
  g_autoptr(Run) from_stdin = NULL;
  gsize length;

  make_document ("good.debrief");
  check_original = run_debrief ("--check", "good.debrief");
  g_assert_cmpint (check_original->status, ==, DEBRIEF_CLI_EXIT_OK);

  to_file = run_debrief ("--export-json", "good.debrief", "good.json");
  g_assert_cmpint (to_file->status, ==, DEBRIEF_CLI_EXIT_OK);
  g_assert_cmpstr (to_file->err, ==, "");
  g_assert_true (g_file_get_contents (json_path, &json, &length, NULL));
  g_assert_true (json_parser_load_from_data (parser, json, length, &error));
  g_assert_no_error (error);
  assert_contains (json, "\"title\": \"Gateway fleet reboot loop\"");

  to_stdout = run_debrief ("--export-json", "good.debrief", "-");
  g_assert_cmpint (to_stdout->status, ==, DEBRIEF_CLI_EXIT_OK);
  g_assert_cmpstr (to_stdout->out, ==, json);

  import = run_debrief ("--import-json", "good.json", "copy.debrief");
  g_assert_cmpint (import->status, ==, DEBRIEF_CLI_EXIT_OK);
  g_assert_cmpstr (import->err, ==, "");
  assert_contains (import->out, "Gateway fleet reboot loop");
  assert_contains (import->out, "copy.debrief");

  /* The same incident, with one more save in its history. */
  check_copy = run_debrief ("--check", "copy.debrief");
  g_assert_cmpint (check_copy->status, ==, DEBRIEF_CLI_EXIT_OK);
  assert_contains (check_copy->out, "Incident: Gateway fleet reboot loop\n");
  assert_contains (check_copy->out, "Participants: 2\n");
  assert_contains (check_copy->out, "Saved revisions: 2\n");
  id_original = line_starting (check_original->out, "Identifier: ");
  id_copy = line_starting (check_copy->out, "Identifier: ");
  g_assert_cmpstr (id_original, ==, id_copy);

  /* Nothing is overwritten. */
  g_assert_true (g_file_get_contents (copy_path, &copy_before, NULL, NULL));
  again = run_debrief ("--import-json", "good.json", "copy.debrief");
  g_assert_cmpint (again->status, ==, DEBRIEF_CLI_EXIT_IO);
  assert_contains (again->err, "copy.debrief: The file already exists.");
  g_assert_true (g_file_get_contents (copy_path, &copy_after, NULL, NULL));
  g_assert_cmpstr (copy_before, ==, copy_after);

  export_again = run_debrief ("--export-json", "good.debrief", "good.json");
  g_assert_cmpint (export_again->status, ==, DEBRIEF_CLI_EXIT_IO);
  assert_contains (export_again->err, "good.json: The file already exists.");

  /* "-" reads the export from standard input. */
  from_stdin = run_debrief_with_input (json, (const char * const []) { "--import-json", "-", "piped.debrief", NULL });
  g_assert_cmpint (from_stdin->status, ==, DEBRIEF_CLI_EXIT_OK);
}

static void
test_import_bad_exports (void)
{
  g_autoptr(GFile) bad = NULL;
  g_autoptr(GFile) empty = NULL;
  g_autofree char *out_path = work_path ("bad.debrief");
  g_autoptr(Run) invalid = NULL;
  g_autoptr(Run) nothing = NULL;
  g_autoptr(Run) missing = NULL;
  g_autoptr(Run) document = NULL;

  bad = debrief_test_write_text (work_dir, "bad.json",
                                 "{\"format\": \"debrief-incident\", \"format_version\": 1,"
                                 " \"participants\": [{\"name\": \"Ada\", \"present\": \"yes\"}]}", -1);
  invalid = run_debrief ("--import-json", "bad.json", "bad.debrief");
  g_assert_cmpint (invalid->status, ==, DEBRIEF_CLI_EXIT_DOCUMENT);
  g_assert_cmpstr (invalid->out, ==, "");
  assert_contains (invalid->err, "bad.json: participant 1: “present” must be true or false.");
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));

  empty = debrief_test_write_text (work_dir, "empty.json", "", 0);
  nothing = run_debrief ("--import-json", "empty.json", "bad.debrief");
  g_assert_cmpint (nothing->status, ==, DEBRIEF_CLI_EXIT_DOCUMENT);
  assert_contains (nothing->err, "empty.json: The file is empty.");

  missing = run_debrief ("--import-json", "missing.json", "bad.debrief");
  g_assert_cmpint (missing->status, ==, DEBRIEF_CLI_EXIT_IO);
  assert_contains (missing->err, "missing.json: There is no such file.");

  /* A document is not an export. */
  make_document ("good.debrief");
  document = run_debrief ("--import-json", "good.debrief", "bad.debrief");
  g_assert_cmpint (document->status, ==, DEBRIEF_CLI_EXIT_DOCUMENT);
  assert_contains (document->err, "good.debrief: The file is not JSON");
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
}

static char *
evidence_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "evidence", name, NULL);
}

static void
test_add_evidence_search_and_merged_log (void)
{
  g_autofree char *gateway = evidence_fixture ("gateway.log");
  g_autofree char *zephyr = evidence_fixture ("device-zephyr.log");
  g_autofree char *empty = evidence_fixture ("empty.log");
  g_autofree char *merged_path = work_path ("merged.tsv");
  g_autofree char *merged = NULL;
  g_autoptr(Run) added = NULL;
  g_autoptr(Run) device = NULL;
  g_autoptr(Run) partly = NULL;
  g_autoptr(Run) found = NULL;
  g_autoptr(Run) nothing = NULL;
  g_autoptr(Run) log = NULL;
  g_autoptr(Run) check = NULL;
  g_auto(GStrv) lines = NULL;

  /* The incident is made when it does not exist. */
  added = run_debrief ("--add-evidence", "fleet.debrief", gateway);
  g_assert_cmpint (added->status, ==, DEBRIEF_CLI_EXIT_OK);
  assert_contains (added->out, "gateway.log: Log, ISO 8601, 10 lines, 2026-03-14T02:11:07.123000Z – 2026-03-14T02:20:45.900000Z\n");

  device = run_debrief ("--add-evidence", "--boot-time", "2026-03-14T02:12:29.500Z", "fleet.debrief", zephyr);
  g_assert_cmpint (device->status, ==, DEBRIEF_CLI_EXIT_OK);
  assert_contains (device->out, "device-zephyr.log: Log, Zephyr log (time since boot), 9 lines, 2026-03-14T02:12:29.502136Z – 2026-03-14T02:12:34.500101Z\n");

  /* A bad file is named, the good ones still come in, the status says so. */
  partly = run_debrief ("--add-evidence", "--kind", "report", "fleet.debrief", empty, gateway);
  g_assert_cmpint (partly->status, ==, DEBRIEF_CLI_EXIT_IO);
  assert_contains (partly->err, "empty.log: “empty.log” is empty: there is nothing to import.");
  assert_contains (partly->out, "gateway.log: Report, 738 bytes, SHA-256 ");

  check = run_debrief ("--check", "fleet.debrief");
  g_assert_cmpint (check->status, ==, DEBRIEF_CLI_EXIT_OK);
  assert_contains (check->out, "Evidence items: 3\n");

  found = run_debrief ("--search", "fleet.debrief", "crc mismatch");
  g_assert_cmpint (found->status, ==, DEBRIEF_CLI_EXIT_OK);
  assert_contains (found->out, "gateway.log\t4\t2026-03-14T02:12:31.250000Z\t2026-03-14T02:12:31.250Z gw-17 fwupd[311]: ERROR ota: batch 1 failed: device 0x3f2a reported CRC mismatch on block 118\n");
  assert_contains (found->out, "device-zephyr.log\t4\t2026-03-14T02:12:31.233412Z\t[00:00:01.733,412] <err> ota: CRC mismatch on block 118: expected 0x9a3c got 0x1f07\n");

  nothing = run_debrief ("--search", "fleet.debrief", "no such words");
  g_assert_cmpint (nothing->status, ==, DEBRIEF_CLI_EXIT_DOCUMENT);
  g_assert_cmpstr (nothing->out, ==, "");

  log = run_debrief ("--merged-log", "fleet.debrief", "-o", "merged.tsv");
  g_assert_cmpint (log->status, ==, DEBRIEF_CLI_EXIT_OK);
  g_assert_true (g_file_get_contents (merged_path, &merged, NULL, NULL));
  lines = g_strsplit (merged, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 20);
  g_assert_cmpstr (lines[0], ==, "2026-03-14T02:11:07.123Z\tgateway.log\tinfo\t2026-03-14T02:11:07.123Z gw-17 fwupd[311]: INFO ota: campaign 42 started for 1200 devices");
  g_assert_cmpstr (lines[6], ==, "2026-03-14T02:12:31.233Z\tdevice-zephyr.log\terror\t[00:00:01.733,412] <err> ota: CRC mismatch on block 118: expected 0x9a3c got 0x1f07");
}

/* A log without years in its stamps: the command line says which year it
 * took, from the file's date when the incident has no time yet.
 */
static void
test_add_evidence_says_assumed_year (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "log-formats", "proxifier.log", NULL);
  g_autofree char *path = work_path ("proxifier.log");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  g_autoptr(Run) added = NULL;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, &error));
  /* 2024-06-01T00:00:00Z */
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 1717200000,
                                              G_FILE_QUERY_INFO_NONE, NULL, &error));
  g_assert_no_error (error);

  added = run_debrief ("--add-evidence", "years.debrief", path);
  g_assert_cmpint (added->status, ==, DEBRIEF_CLI_EXIT_OK);
  assert_contains (added->out, "proxifier.log: Log, Month and day (MM.dd, no year), 300 lines, 2024-10-30T16:49:06");
  assert_contains (added->out, "proxifier.log: Year not in the log; assumed 2024 from the file's modification date\n");
}

static void
test_evidence_usage_errors (void)
{
  g_autoptr(Run) kind = run_debrief ("--add-evidence", "--kind", "spreadsheet", "x.debrief", "a.log");
  g_autoptr(Run) offset = run_debrief ("--add-evidence", "--clock-offset", "soon", "x.debrief", "a.log");
  g_autoptr(Run) boot = run_debrief ("--add-evidence", "--boot-time", "yesterday", "x.debrief", "a.log");
  g_autoptr(Run) alone = run_debrief ("--add-evidence", "x.debrief");
  g_autoptr(Run) stray = run_debrief ("--search", "--kind", "log", "x.debrief", "crc");
  g_autoptr(Run) missing = run_debrief ("--search", "missing.debrief", "crc");
  g_autofree char *path = work_path ("x.debrief");

  g_assert_cmpint (kind->status, ==, DEBRIEF_CLI_EXIT_USAGE);
  assert_contains (kind->err, "--kind takes one of log, metrics, chat, report, image and other.");
  g_assert_cmpint (offset->status, ==, DEBRIEF_CLI_EXIT_USAGE);
  assert_contains (offset->err, "--clock-offset takes");
  g_assert_cmpint (boot->status, ==, DEBRIEF_CLI_EXIT_USAGE);
  assert_contains (boot->err, "--boot-time takes");
  g_assert_cmpint (alone->status, ==, DEBRIEF_CLI_EXIT_USAGE);
  g_assert_cmpint (stray->status, ==, DEBRIEF_CLI_EXIT_USAGE);
  g_assert_cmpint (missing->status, ==, DEBRIEF_CLI_EXIT_IO);
  assert_contains (missing->err, "missing.debrief: There is no such file.");
  /* Nothing was made by a refused command. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Each test works in a folder of its own. */
static void
reset_work_dir (void)
{
  if (work_dir != NULL)
    {
      debrief_test_remove_tree (work_dir);
      g_free (work_dir);
    }
  work_dir = debrief_test_make_tmpdir ();
}

static void
run_in_fresh_folder (gconstpointer data)
{
  GTestFunc func = (GTestFunc) data;

  reset_work_dir ();
  func ();
}

/* Evidence added from the command line is added by the name set in
 * Debrief's Preferences, and nothing asks for one. */
static void
test_add_evidence_records_your_name (void)
{
  g_autofree char *gateway = evidence_fixture ("gateway.log");
  g_autofree char *config = work_path ("config");
  g_autofree char *settings_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_autofree char *path = work_path ("named.debrief");
  g_autofree char *added_by = NULL;
  g_autoptr(Run) added = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_cmpint (g_mkdir_with_parents (settings_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (keyfile, "[io/github/debrief/Debrief]\nuser-name='Grace Hopper'\n", -1, &error));
  g_assert_no_error (error);

  /* The settings a desktop session keeps, not this test's in memory. */
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  added = run_debrief ("--add-evidence", "named.debrief", gateway);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_unsetenv ("XDG_CONFIG_HOME");

  g_assert_cmpint (added->status, ==, DEBRIEF_CLI_EXIT_OK);
  db = debrief_test_open_checked (path);
  added_by = debrief_test_query_text (db, "SELECT added_by FROM evidence");
  sqlite3_close (db);
  g_assert_cmpstr (added_by, ==, "Grace Hopper");
}

/* Writes the lock a Debrief of this computer with process @pid would. */
static void
write_lock_of (const char *document,
               int         pid)
{
  g_autofree char *name = g_strdup_printf (".~lock.%s#", document);
  g_autofree char *path = work_path (name);
  g_autofree char *contents = g_strdup_printf ("[Debrief Lock]\nuser=Ada Lovelace\nhost=%s\npid=%d\n"
                                               "since=2026-11-26T14:03:27Z\n",
                                               g_get_host_name (), pid);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

/* With the incident open in a running Debrief, adding to it here saved
 * anyway, silently, and left its holder a conflict. */
static void
test_add_evidence_refuses_a_live_lock (void)
{
  g_autofree char *gateway = evidence_fixture ("gateway.log");
  g_autofree char *path = work_path ("locked.debrief");
  g_autofree char *lock_name = work_path (".~lock.locked.debrief#");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Run) refused = NULL;
  g_autoptr(Run) forced = NULL;
  g_autoptr(Run) stale = NULL;
  GPid dead_pid;

  make_document ("locked.debrief");
  g_assert_true (g_file_get_contents (path, &before, NULL, &error));

  /* This test's own process: alive, on this computer. */
  write_lock_of ("locked.debrief", (int) getpid ());
  refused = run_debrief ("--add-evidence", "locked.debrief", gateway);
  g_assert_cmpint (refused->status, ==, DEBRIEF_CLI_EXIT_DOCUMENT);
  assert_contains (refused->err, "Ada Lovelace");
  assert_contains (refused->err, "--force");
  g_assert_true (g_file_get_contents (path, &after, NULL, &error));
  g_assert_true (g_strcmp0 (before, after) == 0);
  /* Their lock is theirs still. */
  g_assert_true (g_file_test (lock_name, G_FILE_TEST_EXISTS));

  forced = run_debrief ("--add-evidence", "--force", "locked.debrief", gateway);
  g_assert_cmpint (forced->status, ==, DEBRIEF_CLI_EXIT_OK);
  assert_contains (forced->err, "Ada Lovelace");
  assert_contains (forced->out, "gateway.log: Log");
  g_assert_true (g_file_test (lock_name, G_FILE_TEST_EXISTS));

  /* A process that has ended left it: broken without asking, and the
   * command's own lock is gone when it is done. */
  /* Reaped here, not by GLib, so that its process id is known. */
  g_assert_true (g_spawn_async (NULL, (char *[]) { (char *) "true", NULL }, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &dead_pid, &error));
  g_assert_no_error (error);
  g_assert_cmpint (waitpid (dead_pid, NULL, 0), ==, dead_pid);
  g_spawn_close_pid (dead_pid);
  write_lock_of ("locked.debrief", (int) dead_pid);
  stale = run_debrief ("--add-evidence", "locked.debrief", gateway);
  g_assert_cmpint (stale->status, ==, DEBRIEF_CLI_EXIT_OK);
  g_assert_false (g_file_test (lock_name, G_FILE_TEST_EXISTS));
}

static void
add_test (const char *path,
          GTestFunc   func)
{
  g_test_add_data_func (path, (gconstpointer) func, run_in_fresh_folder);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  data_home = debrief_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  add_test ("/debrief/cli/check-good-file", test_check_good_file);
  add_test ("/debrief/cli/check-bad-files", test_check_bad_files);
  add_test ("/debrief/cli/check-newer-file", test_check_newer_file);
  add_test ("/debrief/cli/wrong-arguments", test_wrong_arguments);
  add_test ("/debrief/cli/export-import-round-trip", test_export_import_round_trip);
  add_test ("/debrief/cli/import-bad-exports", test_import_bad_exports);
  add_test ("/debrief/cli/add-evidence-search-and-merged-log", test_add_evidence_search_and_merged_log);
  add_test ("/debrief/cli/add-evidence-says-assumed-year", test_add_evidence_says_assumed_year);
  add_test ("/debrief/cli/evidence-usage-errors", test_evidence_usage_errors);
  add_test ("/debrief/cli/add-evidence-records-your-name", test_add_evidence_records_your_name);
  add_test ("/debrief/cli/add-evidence-refuses-a-live-lock", test_add_evidence_refuses_a_live_lock);

  ret = g_test_run ();

  if (work_dir != NULL)
    debrief_test_remove_tree (work_dir);
  g_free (work_dir);
  debrief_test_remove_tree (data_home);
  g_free (data_home);

  return ret;
}
