/* test-window-save.c
 *
 * Saving in a real window under Xvfb, at the size and the pace of a
 * facilitator's work: an incident holding a 40 MB device log, saved with
 * Save As, then edited and saved about once a second. Only a save by
 * somebody else may bring up the "changed by somebody else" banner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "debrief-document.h"
#include "debrief-evidence.h"
#include "debrief-revision.h"
#include "debrief-application.h"
#include "debrief-test-ui.h"
#include "debrief-test-util.h"
#include "debrief-window.h"

static DebriefApplication *app;

/* The incident with the large log, made once for the tests that need it. */
static char *fixture_dir;
static GFile *fixture_file;

#define LOG_SIZE (40 * 1024 * 1024)
#define N_RAPID_SAVES 16

/* A device log as a gateway collects them: Zephyr, ESP-IDF, kernel and
 * gateway lines mixed, deterministic so that a failure can be rerun. */
static void
write_device_log (const char *path)
{
  static const char *modules[] = { "wdt", "ota", "flash", "hal_i2c", "ble", "wifi", "mqtt", "sched" };
  static const char *messages[] = {
    "watchdog fed by task net, ms:",
    "CRC mismatch on image slot 1, expected 0x1badc0de, got",
    "ISR latency on IRQ 7, us:",
    "heap free, bytes:",
    "mqtt publish topic=telemetry/3 qos=1 len=",
    "brown-out detected, vdd in mV:",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (40);
  g_autoptr(GString) text = g_string_sized_new (LOG_SIZE + 256);
  gint64 usec = debrief_test_utc (2026, 3, 14, 2, 0, 0, 0);
  g_autoptr(GError) error = NULL;

  while (text->len < LOG_SIZE)
    {
      const char *module = modules[g_rand_int_range (rand, 0, G_N_ELEMENTS (modules))];
      guint value = (guint) g_rand_int_range (rand, 1, 99999);
      g_autofree char *message = NULL;
      gint64 secs;

      usec += g_rand_int_range (rand, 100, 20000);
      secs = usec / G_USEC_PER_SEC;
      message = g_strdup_printf ("%s %u", messages[g_rand_int_range (rand, 0, G_N_ELEMENTS (messages))], value);

      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          g_string_append_printf (text, "[%02d:%02d:%02d.%03d,%03d] <inf> %s: %s\n",
                                  (int) (secs / 3600 % 24), (int) (secs / 60 % 60), (int) (secs % 60),
                                  (int) (usec / 1000 % 1000), (int) (usec % 1000), module, message);
          break;
        case 1:
          g_string_append_printf (text, "[%6d.%06d] %s: %s\n",
                                  (int) (secs % 100000), (int) (usec % G_USEC_PER_SEC), module, message);
          break;
        default:
          {
            g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (secs);
            g_autofree char *stamp = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S");

            g_string_append_printf (text, "%s.%03dZ gw-17 %s[%u]: %s\n", stamp,
                                    (int) (usec / 1000 % 1000), module, value % 900 + 100, message);
          }
          break;
        }
    }

  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, &error));
  g_assert_no_error (error);
}

/* The incident a facilitator made with `debrief --add-evidence`: one large
 * device log, saved. */
static GFile *
get_fixture (void)
{
  g_autofree char *log_path = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) log = NULL;
  g_autoptr(DebriefDocument) document = NULL;
  g_autoptr(DebriefEvidence) evidence = NULL;

  if (fixture_file != NULL)
    return fixture_file;

  fixture_dir = debrief_test_make_tmpdir ();
  log_path = g_build_filename (fixture_dir, "big.log", NULL);
  write_device_log (log_path);
  log = g_file_new_for_path (log_path);

  document = debrief_test_new_document ("Ada Lovelace");
  debrief_incident_set_title (debrief_document_get_incident (document), "Fleet outage");
  evidence = debrief_test_import_evidence (document, log, NULL, NULL);
  path = g_build_filename (fixture_dir, "fleet.debrief", NULL);
  fixture_file = g_file_new_for_path (path);
  debrief_test_save_document (document, fixture_file);
  debrief_document_close (document);
  g_unlink (log_path);

  return fixture_file;
}

static DebriefWindow *
open_in_window (GFile *file)
{
  DebriefWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = debrief_test_open_in_window (app, file);
  debrief_test_wait_for (debrief_test_widget_is_mapped, window);

  return window;
}

static void
close_window (DebriefWindow *window)
{
  debrief_test_destroy_dialogs ();
  debrief_test_close_window_as_user (window);
}

static gboolean
banner_shown (DebriefWindow *window)
{
  GtkWidget *info_bar = debrief_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_INFO_BAR);

  return info_bar != NULL && gtk_widget_get_visible (info_bar) &&
         gtk_info_bar_get_revealed (GTK_INFO_BAR (info_bar)) &&
         gtk_info_bar_get_message_type (GTK_INFO_BAR (info_bar)) == GTK_MESSAGE_WARNING;
}

static gboolean
banner_shown_cb (gpointer data)
{
  return banner_shown (data);
}

typedef struct
{
  DebriefWindow *window;
  guint          banners;
  guint          dialogs;
} Watch;

/* Runs the main loop for @ms, noting any banner or dialog that shows. */
static void
watch_for (Watch *watch,
           guint  ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      if (banner_shown (watch->window))
        watch->banners++;
      if (debrief_test_message_dialog_shown (NULL))
        {
          AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (debrief_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

          g_test_message ("Dialog: %s — %s", adw_message_dialog_get_heading (dialog),
                          adw_message_dialog_get_body (dialog));
          watch->dialogs++;
          debrief_test_destroy_dialogs ();
        }
      g_usleep (1000);
    }
}

static gboolean
document_saved (gpointer data)
{
  DebriefDocument *document = debrief_window_get_document (data);

  return document != NULL && !debrief_document_get_modified (document);
}

/* Saves @window's incident to @target through the Save As chooser, as the
 * user does. */
static void
save_as (DebriefWindow *window,
         GFile         *target)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL));
  debrief_test_wait_for (debrief_test_toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG));
  chooser = debrief_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  /* The chooser first lists the folder it opens in; a file set while it
   * does so cancels that, which it reports in a dialog of its own. */
  debrief_test_wait_ms (1500);
  {
    g_autoptr(GFile) folder = g_file_get_parent (target);
    g_autofree char *name = g_file_get_basename (target);

    g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
    g_assert_no_error (error);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  debrief_test_wait_for_file (window, target);
  debrief_test_wait_for (document_saved, window);
}

static guint
count_revisions (GFile *file)
{
  sqlite3 *db = debrief_test_open_checked (g_file_peek_path (file));
  guint n = (guint) debrief_test_query_int (db, "SELECT count(*) FROM revision");

  sqlite3_close (db);

  return n;
}

static void
test_no_false_conflict_on_rapid_saves (void)
{
  GFile *fixture = get_fixture ();
  g_autofree char *copy_path = g_build_filename (fixture_dir, "fleet-review.debrief", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  DebriefWindow *window;
  DebriefDocument *document;
  GtkWidget *title_row;
  Watch watch = { NULL, 0, 0 };
  guint before;
  g_autofree char *saved_title = NULL;

  window = open_in_window (fixture);
  watch.window = window;
  document = debrief_window_get_document (window);
  title_row = debrief_test_find_row (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "Title");

  g_assert_nonnull (title_row);
  g_assert_false (debrief_document_get_read_only (document));

  save_as (window, copy);
  g_assert_false (banner_shown (window));
  before = count_revisions (copy);

  /* Type, Ctrl+S, about once a second, without waiting for the save. */
  for (guint i = 0; i < N_RAPID_SAVES; i++)
    {
      g_autofree char *title = g_strdup_printf ("Fleet outage, take %u", i + 1);

      gtk_editable_set_text (GTK_EDITABLE (title_row), title);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
      watch_for (&watch, 1000);
    }

  debrief_test_wait_for (document_saved, window);
  /* Long enough for every file monitor event and check to come in. */
  watch_for (&watch, 3000);

  g_assert_cmpuint (watch.dialogs, ==, 0);
  g_assert_cmpuint (watch.banners, ==, 0);

  /* Each save was written, by this window, and the last is on disk. */
  g_assert_cmpuint (count_revisions (copy), >=, before + 1);
  {
    g_autoptr(DebriefDocument) reader = debrief_test_open_document (copy, DEBRIEF_OPEN_FLAGS_READ_ONLY, NULL);

    saved_title = g_strdup (debrief_incident_get_title (debrief_document_get_incident (reader)));
    debrief_document_close (reader);
  }
  g_assert_cmpstr (saved_title, ==, "Fleet outage, take " G_STRINGIFY (N_RAPID_SAVES));

  close_window (window);
}

static void
test_save_by_another_shows_banner (void)
{
  GFile *fixture = get_fixture ();
  g_autofree char *copy_path = g_build_filename (fixture_dir, "fleet-shared.debrief", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(DebriefDocument) other = NULL;
  g_autoptr(GError) error = NULL;
  DebriefWindow *window = open_in_window (fixture);
  GtkWidget *title_row = debrief_test_find_row (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "Title");
  Watch watch = { window, 0, 0 };

  save_as (window, copy);

  /* Our own saves, at pace, bring no banner... */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Ours %u", i);

      gtk_editable_set_text (GTK_EDITABLE (title_row), title);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
      watch_for (&watch, 1000);
    }
  debrief_test_wait_for (document_saved, window);
  watch_for (&watch, 1500);
  g_assert_cmpuint (watch.banners, ==, 0);

  /* ...a save by another Debrief does. */
  other = debrief_document_open (copy, DEBRIEF_OPEN_FLAGS_NONE, "Grace Hopper", NULL, &error);
  g_assert_no_error (error);
  debrief_incident_set_title (debrief_document_get_incident (other), "Theirs");
  g_assert_true (debrief_document_save (other, NULL, NULL, &error));
  g_assert_no_error (error);
  debrief_document_close (other);

  debrief_test_wait_for (banner_shown_cb, window);

  /* And a save here does not overwrite theirs. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Ours again");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  debrief_test_wait_for (debrief_test_message_dialog_shown, NULL);
  {
    g_autoptr(DebriefDocument) reader = debrief_test_open_document (copy, DEBRIEF_OPEN_FLAGS_READ_ONLY, NULL);

    g_assert_cmpstr (debrief_incident_get_title (debrief_document_get_incident (reader)), ==, "Theirs");
    debrief_document_close (reader);
  }

  debrief_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = debrief_test_ui_init (&argc, &argv);
  int status;

  app = debrief_application_new ();

  g_test_add_func ("/debrief/window-save/no-false-conflict-on-rapid-saves", test_no_false_conflict_on_rapid_saves);
  g_test_add_func ("/debrief/window-save/save-by-another-shows-banner", test_save_by_another_shows_banner);

  status = debrief_test_run_application (G_APPLICATION (app), data_home);

  if (fixture_dir != NULL)
    debrief_test_remove_tree (fixture_dir);
  g_clear_object (&fixture_file);
  g_free (fixture_dir);

  return status;
}
