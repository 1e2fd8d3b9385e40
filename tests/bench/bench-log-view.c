/* bench-log-view.c
 *
 * The benchmarks of the 1 GB log in a real window: from choosing it
 * (making its model and giving it to the log view) until its first rows
 * are painted, and the memory it takes to read it: shown, scrolled from
 * end to end, and filtered to its errors. Opens the incident that
 * bench-evidence made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-bench"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "bench-util.h"
#include "debrief-document.h"
#include "debrief-evidence.h"
#include "debrief-log-model.h"
#include "debrief-test-ui.h"
#include "debrief-test-util.h"
#include "debrief-log-view.h"

#define IMPORTED_NAME   "evidence-1gb-imported.debrief"
#define USER_NAME       "Debrief Benchmark"
#define N_RUNS          5
#define TIMEOUT_SECONDS 120

static const char *work_dir;

/* A line of /proc/self/status ("VmHWM", "VmRSS"...) in MiB. */
static double
read_status_mib (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strdup_printf ("\n%s:", field);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, key)))
    return -1;

  return g_ascii_strtoll (line + strlen (key), NULL, 10) / 1024.0;
}

/* Where the memory went: the peak so far, after each step. */
static void
note_memory (const char *after)
{
  g_printerr ("# after %s: peak %.1f MiB, now %.1f MiB\n",
              after, read_status_mib ("VmHWM"), read_status_mib ("VmRSS"));
}

/* --- What is on screen ------------------------------------------------- */

static GtkLabel *
child_label_with_class (GtkWidget  *row,
                        const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (row); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, css_class))
      return GTK_LABEL (child);

  return NULL;
}

/* Whether a row inside the visible part of @list shows line @number (as
 * the view numbers lines, from 1) with its text. The list keeps rows
 * around the visible ones too, which do not count. */
static gboolean
shows_line (GtkWidget  *list,
            GtkWidget  *widget,
            const char *number)
{
  GtkLabel *line;
  GtkLabel *text;

  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  if (gtk_widget_has_css_class (widget, "log-row") &&
      (line = child_label_with_class (widget, "log-line-number")) != NULL &&
      (text = child_label_with_class (widget, "log-text")) != NULL)
    {
      graphene_rect_t bounds;

      return g_str_equal (gtk_label_get_text (line), number) &&
             *gtk_label_get_text (text) != '\0' &&
             gtk_widget_compute_bounds (widget, list, &bounds) &&
             bounds.origin.y + bounds.size.height > 0 &&
             bounds.origin.y < gtk_widget_get_height (list);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_line (list, child, number))
      return TRUE;

  return FALSE;
}

static guint64
line_at (GListModel *rows,
         guint       position)
{
  g_autoptr(DebriefLogRow) row = g_list_model_get_item (rows, position);

  return debrief_log_row_get_line (row);
}

typedef struct
{
  DebriefLogView *view;
  GtkWidget      *list;
  guint           position;
  gint64          painted;
  gboolean        done;
} PaintWait;

/* The frame just painted showed what was asked for, or the next one
 * may: the list lays its rows out in the frame that paints them. The
 * line expected is looked up only now, so that reading it is not done
 * before what is measured. */
static void
after_paint_cb (GdkFrameClock *clock,
                PaintWait     *wait)
{
  GListModel *rows = debrief_log_view_get_model (wait->view);
  g_autofree char *number = NULL;

  if (wait->done)
    return;

  if (rows != NULL && wait->position < g_list_model_get_n_items (rows))
    {
      number = g_strdup_printf ("%" G_GUINT64_FORMAT, line_at (rows, wait->position) + 1);
      if (shows_line (wait->list, wait->list, number))
        {
          wait->painted = g_get_monotonic_time ();
          wait->done = TRUE;
          return;
        }
    }

  gtk_widget_queue_draw (GTK_WIDGET (gtk_widget_get_root (wait->list)));
}

/* Runs @action, then waits for the first frame painted with the row at
 * @position of the view's model on screen; returns the milliseconds from
 * starting @action, or a negative value if no such frame came. */
static double
time_until_shown (DebriefLogView *view,
                  GtkWidget      *list,
                  guint           position,
                  void          (*action) (gpointer data),
                  gpointer        data)
{
  PaintWait wait = { view, list, position, 0, FALSE };
  /* The window's: the list may not be shown yet. */
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (list));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong handler;
  gint64 start;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &wait);

  start = g_get_monotonic_time ();
  action (data);
  gtk_widget_queue_draw (window);
  bench_wait_until (&wait.done, TIMEOUT_SECONDS);

  g_signal_handler_disconnect (clock, handler);

  return wait.done ? bench_usec_to_ms (wait.painted - start) : -1;
}

/* --- The benchmarks ---------------------------------------------------- */

typedef struct
{
  DebriefDocument *document;
  DebriefEvidence *evidence;
  DebriefLogView  *view;
  DebriefLogModel *model;
  double           model_ms;
  GError          *error;
} Showing;

/* What choosing the log in the evidence list does. */
static void
show_log (gpointer data)
{
  Showing *showing = data;
  gint64 start = g_get_monotonic_time ();

  showing->model = debrief_log_model_new (showing->document, showing->evidence, &showing->error);
  showing->model_ms = bench_usec_to_ms (g_get_monotonic_time () - start);
  if (showing->model != NULL)
    debrief_log_view_set_model (showing->view, G_LIST_MODEL (showing->model));
}

static gboolean
bench_first_rows (Showing   *showing,
                  GtkWidget *list)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < N_RUNS; run++)
    {
      double ms;

      debrief_log_view_set_model (showing->view, NULL);
      g_clear_object (&showing->model);
      bench_settle ();

      ms = time_until_shown (showing->view, list, 0, show_log, showing);
      if (showing->error != NULL)
        {
          g_printerr ("bench-log-view: the log cannot be shown: %s\n", showing->error->message);
          return FALSE;
        }
      if (ms < 0)
        {
          g_printerr ("bench-log-view: the first rows of the log were never painted\n");
          return FALSE;
        }

      g_array_append_val (times, ms);
      g_printerr ("# first rows, run %u: %.1f ms (the model made in %.1f ms)\n", run, ms, showing->model_ms);
      bench_settle ();
    }

  bench_print_figure ("first_rows_ms", bench_median (times), "ms", "<=", 200);
  note_memory ("showing");

  return TRUE;
}

typedef struct
{
  DebriefLogView *view;
  guint           position;
} Scrolling;

static void
scroll (gpointer data)
{
  Scrolling *scrolling = data;

  debrief_log_view_scroll_to (scrolling->view, scrolling->position, FALSE);
}

/* Jumps to 10 %, half-way, 90 %, the end and back to the start, each
 * painted before the next. */
static gboolean
scroll_through (DebriefLogView *view,
                GtkWidget      *list,
                GArray         *times)
{
  GListModel *rows = debrief_log_view_get_model (view);
  guint n = g_list_model_get_n_items (rows);
  guint positions[] = { n / 10, n / 2, n / 10 * 9, n - 1, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      Scrolling scrolling = { view, positions[i] };
      double ms = time_until_shown (view, list, positions[i], scroll, &scrolling);

      if (ms < 0)
        {
          g_printerr ("bench-log-view: row %u of %u was never painted\n", positions[i], n);
          return FALSE;
        }
      g_array_append_val (times, ms);
      g_printerr ("# scroll to row %u of %u: %.1f ms\n", positions[i], n, ms);
    }

  return TRUE;
}

typedef struct
{
  gboolean  done;
  GError   *error;
} Filtering;

static void
filter_done_cb (DebriefLogModel *model,
                const GError    *error,
                Filtering       *filtering)
{
  filtering->done = TRUE;
  if (error != NULL)
    filtering->error = g_error_copy (error);
}

static gboolean
bench_read_through (Showing   *showing,
                    GtkWidget *list)
{
  g_autoptr(GArray) scrolls = g_array_new (FALSE, FALSE, sizeof (double));
  Filtering filtering = { FALSE, NULL };
  gint64 start;
  gulong handler;
  double filter_ms;
  guint n_errors;

  if (!scroll_through (showing->view, list, scrolls))
    return FALSE;
  note_memory ("scrolling");

  /* Only the errors, as whoever reads a storm of them looks for. */
  handler = g_signal_connect (showing->model, "filter-done", G_CALLBACK (filter_done_cb), &filtering);
  start = g_get_monotonic_time ();
  debrief_log_model_set_filter (showing->model, DEBRIEF_LOG_LEVEL_ERROR, NULL);
  bench_wait_until (&filtering.done, TIMEOUT_SECONDS);
  filter_ms = bench_usec_to_ms (g_get_monotonic_time () - start);
  g_signal_handler_disconnect (showing->model, handler);

  if (!filtering.done || filtering.error != NULL)
    {
      g_printerr ("bench-log-view: the filter %s\n",
                  filtering.error ? filtering.error->message : "did not finish in time");
      g_clear_error (&filtering.error);
      return FALSE;
    }

  n_errors = g_list_model_get_n_items (G_LIST_MODEL (showing->model));
  g_printerr ("# filtered to %u error lines in %.1f ms\n", n_errors, filter_ms);
  note_memory ("filtering");
  if (n_errors == 0)
    {
      g_printerr ("bench-log-view: the log has no error lines to filter to\n");
      return FALSE;
    }

  if (!scroll_through (showing->view, list, scrolls))
    return FALSE;

  bench_print_info ("scroll_median_ms", bench_median (scrolls), "ms");
  bench_print_info ("filter_errors_ms", filter_ms, "ms");

  return TRUE;
}

static gboolean
run_benchmarks (void)
{
  g_autofree char *path = g_build_filename (work_dir, IMPORTED_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  Showing showing = { 0 };
  GtkWindow *window;
  GtkWidget *list;
  GListModel *records;
  double baseline_mib;
  gint64 start;
  gboolean ok;

  if (!g_file_query_exists (file, NULL))
    {
      g_printerr ("bench-log-view: %s is missing. Run bench-evidence %s first: it makes it.\n",
                  path, work_dir);
      return FALSE;
    }

  window = GTK_WINDOW (gtk_window_new ());
  showing.view = DEBRIEF_LOG_VIEW (debrief_log_view_new ());
  gtk_window_set_default_size (window, 1200, 800);
  gtk_window_set_child (window, GTK_WIDGET (showing.view));
  list = debrief_test_find_with_class (GTK_WIDGET (showing.view), GTK_TYPE_LIST_VIEW, "log-view");
  g_assert (list != NULL);

  gtk_window_present (window);
  /* The list itself is shown only once there is a log in it. */
  while (!gtk_widget_get_mapped (GTK_WIDGET (showing.view)))
    g_main_context_iteration (NULL, TRUE);
  bench_settle ();
  g_printerr ("# renderer: %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));

  /* What the window takes before there is any evidence in it. */
  baseline_mib = read_status_mib ("VmHWM");
  bench_print_info ("view_baseline_rss_mib", baseline_mib, "MiB");

  start = g_get_monotonic_time ();
  if (!(showing.document = debrief_document_open (file, DEBRIEF_OPEN_FLAGS_NONE, USER_NAME, NULL, &error)))
    {
      g_printerr ("bench-log-view: %s cannot be opened: %s\n", path, error->message);
      gtk_window_destroy (window);
      return FALSE;
    }
  g_printerr ("# Opened %s in %.1f ms\n", path, bench_usec_to_ms (g_get_monotonic_time () - start));
  note_memory ("opening");

  records = debrief_document_get_records (showing.document, DEBRIEF_TYPE_EVIDENCE);
  for (guint i = 0; i < g_list_model_get_n_items (records) && showing.evidence == NULL; i++)
    {
      g_autoptr(DebriefEvidence) item = g_list_model_get_item (records, i);

      if (debrief_evidence_get_kind (item) == DEBRIEF_EVIDENCE_KIND_LOG)
        showing.evidence = g_steal_pointer (&item);
    }

  if (showing.evidence == NULL)
    {
      g_printerr ("bench-log-view: %s holds no log\n", path);
      ok = FALSE;
    }
  else
    {
      ok = bench_first_rows (&showing, list) &&
           bench_read_through (&showing, list);
    }

  if (ok)
    {
      double peak_mib = read_status_mib ("VmHWM");

      bench_print_figure ("view_peak_rss_mib", peak_mib, "MiB", "<=", 150);
      bench_print_info ("view_added_rss_mib", peak_mib - baseline_mib, "MiB");
      bench_print_info ("view_rss_mib", read_status_mib ("VmRSS"), "MiB");
    }

  debrief_log_view_set_model (showing.view, NULL);
  g_clear_object (&showing.model);
  g_clear_object (&showing.evidence);
  g_clear_error (&showing.error);
  gtk_window_destroy (window);
  bench_settle ();
  debrief_document_close (showing.document);
  g_clear_object (&showing.document);

  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;
  g_autofree char *data_home = NULL;
  gboolean ok;

  work_dir = bench_work_dir (argc, argv,
                             "Shows the 1 GB log of the incident that bench-evidence made in WORK-DIR "
                             "(default $DEBRIEF_BENCH_DIR or /tmp/debrief-bench) in a window, and "
                             "prints the BENCH figures.", TRUE);
  if (work_dir == NULL)
    return 2;

  /* Working copies, drafts and recent files go to a private folder on the
   * same disk as the incidents, not the user's. */
  data_home = bench_use_private_data_home ("bench-log-view", work_dir);
  if (data_home == NULL)
    return 1;

  gtk_init ();
  adw_init ();

  /* The application loads its style sheet itself; the view alone needs
   * it too, to look (and lay out) as it does in the application. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  ok = run_benchmarks ();
  debrief_test_remove_tree (data_home);

  return ok ? 0 : 1;
}
