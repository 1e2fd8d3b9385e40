/* bench-open.c
 *
 * The benchmark of opening, in a real window: from asking a fresh window
 * to open an incident until a frame showing it has been painted, for the
 * incident holding 1 GB of evidence against an empty one. How long the
 * large one takes to become editable too, as a document may be shown
 * read-only while its working copy is made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-bench"

#include "config.h"

#include <glib/gstdio.h>

#include "bench-util.h"
#include "debrief-document.h"
#include "debrief-application.h"
#include "debrief-test-util.h"
#include "debrief-window.h"

#define N_RUNS          5
#define TIMEOUT_SECONDS 300

static DebriefApplication *app;
static const char *work_dir;
static int status;

static gboolean
flag_set_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
flag_set_swapped_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Waits for @window to be mapped and a frame of it painted. */
static gboolean
wait_painted (GtkWidget *window)
{
  gboolean mapped = FALSE;
  gboolean painted = FALSE;
  GdkFrameClock *clock;
  gulong handler;

  if (!gtk_widget_get_mapped (window))
    {
      handler = g_signal_connect_swapped (window, "map", G_CALLBACK (flag_set_swapped_cb), &mapped);
      bench_wait_until (&mapped, TIMEOUT_SECONDS);
      g_signal_handler_disconnect (window, handler);
      if (!mapped)
        return FALSE;
    }

  clock = gtk_widget_get_frame_clock (window);
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (flag_set_swapped_cb), &painted);
  gtk_widget_queue_draw (window);
  bench_wait_until (&painted, TIMEOUT_SECONDS);
  g_signal_handler_disconnect (clock, handler);

  return painted;
}

/* Closes @window as a user would, which removes the working copy of its
 * incident and lets go of its lock, and waits for it to be finalized. */
static gboolean
close_window (GtkWindow *window)
{
  GtkWindow *weak = window;
  gboolean timed_out = FALSE;
  guint timeout;

  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_close (window);

  timeout = g_timeout_add_seconds (TIMEOUT_SECONDS, flag_set_cb, &timed_out);
  while (weak != NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);

  if (weak != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  DebriefWindow   *window;
  GFile           *file;
  GdkFrameClock   *clock;
  DebriefDocument *document;
  gulong           paint_handler;
  gulong           read_only_handler;
  gulong           failed_handler;
  gint64           start;
  gint64           shown;
  gint64           painted;
  gint64           editable;
  gboolean         done;
  gboolean         editable_done;
  gboolean         failed;
} OpenRun;

static void
read_only_notify_cb (DebriefDocument *document,
                     GParamSpec      *pspec,
                     OpenRun         *run)
{
  if (run->editable_done || debrief_document_get_read_only (document))
    return;

  run->editable = g_get_monotonic_time ();
  run->editable_done = TRUE;
}

static void
preparation_failed_cb (DebriefDocument *document,
                       const GError    *error,
                       OpenRun         *run)
{
  g_printerr ("bench-open: the working copy of %s could not be made: %s\n",
              g_file_peek_path (run->file), error ? error->message : "no reason given");
  run->failed = TRUE;
  run->editable_done = TRUE;
}

/* Follows @document until it can be edited: at once, or once the working
 * copy that a large document is shown without is made. */
static void
watch_editable (OpenRun         *run,
                DebriefDocument *document)
{
  run->document = g_object_ref (document);

  if (!debrief_document_get_read_only (document))
    {
      run->editable = g_get_monotonic_time ();
      run->editable_done = TRUE;
      return;
    }

  run->read_only_handler = g_signal_connect (document, "notify::read-only",
                                             G_CALLBACK (read_only_notify_cb), run);
  if (g_signal_lookup ("preparation-failed", DEBRIEF_TYPE_DOCUMENT) != 0)
    run->failed_handler = g_signal_connect (document, "preparation-failed",
                                            G_CALLBACK (preparation_failed_cb), run);
}

static void
after_paint_cb (GdkFrameClock *clock,
                OpenRun       *run)
{
  run->painted = g_get_monotonic_time ();
  run->done = TRUE;
  g_clear_signal_handler (&run->paint_handler, clock);
}

static void
document_notify_cb (DebriefWindow *window,
                    GParamSpec    *pspec,
                    OpenRun       *run)
{
  DebriefDocument *document = debrief_window_get_document (window);
  GFile *file = document ? debrief_document_get_file (document) : NULL;
  GFile *opening = debrief_window_get_file (window);

  if (run->shown != 0)
    return;

  if (file != NULL && g_file_equal (file, run->file))
    {
      /* The first frame that starts after this shows the incident. */
      run->shown = g_get_monotonic_time ();
      run->clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
      run->paint_handler = g_signal_connect (run->clock, "after-paint", G_CALLBACK (after_paint_cb), run);
      gtk_widget_queue_draw (GTK_WIDGET (window));
      watch_editable (run, document);
    }
  else if (opening == NULL || !g_file_equal (opening, run->file))
    {
      /* Opening ended without showing the file: the window explains why
       * in a dialog and shows a new incident instead. */
      run->failed = TRUE;
      run->done = TRUE;
    }
}

/* Returns the milliseconds from asking a fresh window to open @file until
 * a frame showing it was painted, or a negative value if it never was.
 * The window is closed once the incident can be edited, so that no copy
 * made for it runs on into the next measure. */
static double
time_open (GFile      *file,
           double     *shown_ms,
           double     *editable_ms)
{
  OpenRun run = { 0 };
  gulong notify_handler;
  gboolean closed;

  run.window = debrief_window_new (GTK_APPLICATION (app));
  run.file = file;
  gtk_window_present (GTK_WINDOW (run.window));
  if (!wait_painted (GTK_WIDGET (run.window)))
    {
      g_printerr ("bench-open: the window was never shown\n");
      return -1;
    }
  bench_settle ();

  notify_handler = g_signal_connect (run.window, "notify::document", G_CALLBACK (document_notify_cb), &run);

  run.start = g_get_monotonic_time ();
  debrief_window_open_file (run.window, file);
  if (bench_wait_until (&run.done, TIMEOUT_SECONDS) && !run.failed)
    bench_wait_until (&run.editable_done, TIMEOUT_SECONDS);

  g_signal_handler_disconnect (run.window, notify_handler);
  if (run.paint_handler != 0)
    g_clear_signal_handler (&run.paint_handler, run.clock);
  if (run.document != NULL)
    {
      g_clear_signal_handler (&run.read_only_handler, run.document);
      g_clear_signal_handler (&run.failed_handler, run.document);
      g_clear_object (&run.document);
    }

  bench_settle ();
  closed = close_window (GTK_WINDOW (run.window));

  if (!run.done || run.failed)
    {
      g_printerr ("bench-open: %s was not shown%s\n", g_file_peek_path (file),
                  run.failed ? ": opening it failed" : " in time");
      return -1;
    }

  if (!run.editable_done)
    {
      g_printerr ("bench-open: %s did not become editable in time\n", g_file_peek_path (file));
      return -1;
    }

  if (!closed)
    {
      g_printerr ("bench-open: the window of %s did not close\n", g_file_peek_path (file));
      return -1;
    }

  *shown_ms = bench_usec_to_ms (run.shown - run.start);
  *editable_ms = bench_usec_to_ms (run.editable - run.start);
  return bench_usec_to_ms (run.painted - run.start);
}

static gboolean
run_benchmarks (void)
{
  g_autofree char *large_path = g_build_filename (work_dir, "evidence-1gb.debrief", NULL);
  g_autofree char *empty_path = g_build_filename (work_dir, "empty.debrief", NULL);
  g_autoptr(GFile) large = g_file_new_for_path (large_path);
  g_autoptr(GFile) empty = g_file_new_for_path (empty_path);
  g_autoptr(GArray) empty_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) large_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) editable_times = g_array_new (FALSE, FALSE, sizeof (double));
  GFile *files[] = { empty, large };
  GArray *times[] = { empty_times, large_times };
  double empty_ms, large_ms, ratio;
  GList *windows;

  if (!g_file_query_exists (large, NULL) || !g_file_query_exists (empty, NULL))
    {
      g_printerr ("bench-open: %s or %s is missing. Run bench-document %s first: it makes them.\n",
                  large_path, empty_path, work_dir);
      return FALSE;
    }

  /* The window that starting the application showed is not measured. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    {
      if (!wait_painted (windows->data) || !close_window (windows->data))
        {
          g_printerr ("bench-open: the first window did not come and go\n");
          return FALSE;
        }
    }

  /* Alternating, so that whatever else the machine does falls on both. */
  for (guint i = 0; i < N_RUNS; i++)
    {
      for (guint j = 0; j < G_N_ELEMENTS (files); j++)
        {
          double shown_ms = 0;
          double editable_ms = 0;
          double ms = time_open (files[j], &shown_ms, &editable_ms);

          if (ms < 0)
            return FALSE;
          g_array_append_val (times[j], ms);
          if (files[j] == large)
            g_array_append_val (editable_times, editable_ms);
          g_printerr ("# open %s, run %u: document set at %.1f ms, painted at %.1f ms, "
                      "editable at %.1f ms\n",
                      j == 0 ? "empty" : "1 GB", i, shown_ms, ms, editable_ms);
        }
    }

  empty_ms = bench_median (empty_times);
  large_ms = bench_median (large_times);
  ratio = large_ms / empty_ms;

  bench_print_info ("open_empty_median_ms", empty_ms, "ms");
  bench_print_info ("open_1gb_median_ms", large_ms, "ms");
  bench_print_info ("open_1gb_editable_median_ms", bench_median (editable_times), "ms");
  bench_print_figure ("open_1gb_vs_empty", ratio, "x", "<=", 1.5);

  return TRUE;
}

/* Runs inside g_application_run(), once the application has started. */
static gboolean
run_cb (gpointer user_data)
{
  g_application_hold (G_APPLICATION (app));
  status = run_benchmarks () ? 0 : 1;
  g_application_release (G_APPLICATION (app));

  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autoptr(GError) error = NULL;

  work_dir = bench_work_dir (argc, argv,
                             "Opens the incidents that bench-document made in WORK-DIR (default "
                             "$DEBRIEF_BENCH_DIR or /tmp/debrief-bench) in windows, and prints the "
                             "BENCH figures.", TRUE);
  if (work_dir == NULL)
    return 2;

  /* Working copies, drafts and recent files go to a private folder on the
   * same disk as the incidents, not the user's. */
  data_home = bench_use_private_data_home ("bench-open", work_dir);
  if (data_home == NULL)
    return 1;

  app = debrief_application_new ();

  if (!g_application_register (G_APPLICATION (app), NULL, &error) ||
      g_application_get_is_remote (G_APPLICATION (app)))
    {
      g_printerr ("bench-open: %s\n",
                  error ? error->message
                        : "Debrief is already running in this D-Bus session; run the benchmark "
                          "in a session of its own (dbus-run-session).");
      status = 1;
    }
  else
    {
      /* Startup happens in g_application_run(), before the idle runs. */
      g_idle_add (run_cb, NULL);
      if (g_application_run (G_APPLICATION (app), 0, NULL) != 0)
        status = 1;
    }

  g_clear_object (&app);
  debrief_test_remove_tree (data_home);

  return status;
}
