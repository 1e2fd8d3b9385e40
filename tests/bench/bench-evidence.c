/* bench-evidence.c
 *
 * The benchmarks of a 1 GB log as evidence that need no window: importing
 * it against lnav indexing it, the memory an import takes, and searching
 * it against grep on the file. Makes the incident holding the imported
 * log that bench-log-view opens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-bench"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "bench-util.h"
#include "debrief-evidence-store.h"
#include "debrief-test-util.h"

/* The log bench-document makes its incident of, and leaves in WORK-DIR
 * once this benchmark has needed it. */
#define LOG_NAME       "evidence-1gb.log"
#define LARGE_INCIDENT "evidence-1gb.debrief"
/* The incident holding the log imported, line index and all. */
#define IMPORTED_NAME  "evidence-1gb-imported.debrief"
#define USER_NAME      "Debrief Benchmark"

/* What a user looking into a fleet of failing firmware updates searches
 * for; about one line in fifteen has it. */
#define QUERY          "CRC mismatch"

#define CHUNK_SIZE     (1024 * 1024)
#define N_RUNS         3
/* Above this a measure is taken once, not three times. */
#define LONG_RUN_MS    60000.0

static double
max_of (GArray *values)
{
  double max = 0;

  for (guint i = 0; i < values->len; i++)
    max = MAX (max, g_array_index (values, double, i));

  return max;
}

static void
print_count (const char *name,
             guint64     value)
{
  g_print ("BENCH %s %" G_GUINT64_FORMAT " lines target none - INFO\n", name, value);
}

/* Megabytes (10⁶ bytes) a second. */
static double
throughput (guint64 size,
            double  ms)
{
  return size / 1e6 / (ms / 1000.0);
}

/* The peak resident memory of this process so far, in KiB. */
static gint64
read_peak_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, "\nVmHWM:")))
    return -1;

  return g_ascii_strtoll (line + strlen ("\nVmHWM:"), NULL, 10);
}

/* --- Running other programs -------------------------------------------- */

/* Runs @argv with @envp (NULL: this environment) and no input, and waits
 * for it: its standard output in *@out, its wall time in *@ms and its
 * peak resident memory in *@peak_mib. Fails unless it exits with 0. */
static gboolean
run_command (const char * const  *argv,
             char               **envp,
             char               **out,
             double              *ms,
             double              *peak_mib,
             GError             **error)
{
  g_autoptr(GString) output = g_string_new (NULL);
  struct rusage usage;
  gint64 start;
  GPid pid;
  int out_fd;
  int status;
  int read_errno = 0;
  char buffer[4096];
  ssize_t n;

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, envp,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, error))
    return FALSE;

  while ((n = read (out_fd, buffer, sizeof buffer)) != 0)
    {
      if (n < 0 && errno != EINTR)
        {
          read_errno = errno;
          break;
        }
      if (n > 0)
        g_string_append_len (output, buffer, n);
    }
  close (out_fd);

  while (wait4 (pid, &status, 0, &usage) < 0)
    {
      if (errno != EINTR)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "Could not wait for %s: %s", argv[0], g_strerror (saved_errno));
          g_spawn_close_pid (pid);
          return FALSE;
        }
    }

  *ms = bench_elapsed_ms (start);
  if (peak_mib != NULL)
    *peak_mib = usage.ru_maxrss / 1024.0;
  g_spawn_close_pid (pid);

  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "%s: ", argv[0]);
      return FALSE;
    }

  if (read_errno != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (read_errno),
                   "Could not read what %s printed: %s", argv[0], g_strerror (read_errno));
      return FALSE;
    }

  if (out != NULL)
    *out = g_string_free (g_steal_pointer (&output), FALSE);

  return TRUE;
}

/* The value of "@key value" among the lines of @output. */
static gboolean
parse_value (const char *output,
             const char *key,
             char      **value)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  gsize key_length = strlen (key);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strncmp (lines[i], key, key_length) == 0 && lines[i][key_length] == ' ')
        {
          *value = g_strdup (lines[i] + key_length + 1);
          return TRUE;
        }
    }

  return FALSE;
}

/* --- The log ------------------------------------------------------------ */

typedef struct
{
  guint64  size;
  guint64  lines;
  char    *sha256;
} LogFacts;

static void
log_facts_clear (LogFacts *facts)
{
  g_clear_pointer (&facts->sha256, g_free);
}

/* Reads @path once, which also puts it in the page cache: its size,
 * lines (a last one without a line end counts) and checksum. */
static gboolean
scan_log (const char  *path,
          LogFacts    *facts,
          GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (CHUNK_SIZE);
  guint8 last = '\n';
  gsize n_read;

  if (!(stream = g_file_read (file, NULL, error)))
    return FALSE;

  facts->size = 0;
  facts->lines = 0;
  for (;;)
    {
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, CHUNK_SIZE, &n_read, NULL, error))
        return FALSE;
      if (n_read == 0)
        break;

      g_checksum_update (checksum, buffer, n_read);
      for (const guint8 *p = buffer; (p = memchr (p, '\n', buffer + n_read - p)) != NULL; p++)
        facts->lines++;
      facts->size += n_read;
      last = buffer[n_read - 1];
    }

  if (last != '\n')
    facts->lines++;
  facts->sha256 = g_strdup (g_checksum_get_string (checksum));

  return TRUE;
}

/* The incident bench-document made holds the same log, byte for byte:
 * writing it out takes seconds where generating it takes minutes. */
static gboolean
extract_log (const char  *incident_path,
             const char  *path,
             GError     **error)
{
  g_autoptr(GFile) incident = g_file_new_for_path (incident_path);
  g_autofree char *partial = g_strconcat (path, ".part", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (partial);
  g_autoptr(DebriefDocument) document = NULL;
  g_autoptr(DebriefEvidenceSource) source = NULL;
  g_autoptr(DebriefEvidence) evidence = NULL;
  LogFacts facts = { 0 };
  GListModel *list;
  gint64 start = g_get_monotonic_time ();
  gboolean ok;

  g_printerr ("# Writing %s out of %s...\n", LOG_NAME, incident_path);
  if (!(document = debrief_document_open (incident, DEBRIEF_OPEN_FLAGS_READ_ONLY, USER_NAME, NULL, error)))
    return FALSE;

  list = debrief_document_get_records (document, DEBRIEF_TYPE_EVIDENCE);
  for (guint i = 0; i < g_list_model_get_n_items (list) && evidence == NULL; i++)
    {
      g_autoptr(DebriefEvidence) item = g_list_model_get_item (list, i);

      if (g_strcmp0 (debrief_evidence_get_original_name (item), LOG_NAME) == 0)
        evidence = g_steal_pointer (&item);
    }

  if (evidence == NULL)
    {
      g_set_error (error, BENCH_ERROR, 0, "%s holds no %s", incident_path, LOG_NAME);
      debrief_document_close (document);
      return FALSE;
    }

  source = debrief_evidence_source_new (document);
  ok = debrief_evidence_source_write_to_file (source, debrief_record_get_uuid (DEBRIEF_RECORD (evidence)),
                                              target, NULL, error) &&
       scan_log (partial, &facts, error);

  if (ok && g_strcmp0 (facts.sha256, debrief_evidence_get_sha256 (evidence)) != 0)
    {
      g_set_error (error, BENCH_ERROR, 0, "The log written out of %s is not the one it holds", incident_path);
      ok = FALSE;
    }

  if (ok && g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not rename %s: %s", partial, g_strerror (saved_errno));
      ok = FALSE;
    }

  if (!ok)
    g_unlink (partial);
  else
    g_printerr ("# Written in %.1f s\n", bench_elapsed_ms (start) / 1000);

  log_facts_clear (&facts);
  debrief_document_close (document);

  return ok;
}

static gboolean
ensure_log (const char  *dir,
            const char  *path,
            GError     **error)
{
  g_autofree char *incident_path = g_build_filename (dir, LARGE_INCIDENT, NULL);
  g_autoptr(GError) local_error = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  if (g_file_test (incident_path, G_FILE_TEST_IS_REGULAR))
    {
      if (extract_log (incident_path, path, &local_error))
        return TRUE;
      g_printerr ("# %s; making the log anew\n", local_error->message);
    }

  return bench_generate_log (path, error);
}

/* --- Import: in a process of its own, for its memory ------------------- */

typedef struct
{
  guint   calls;
  guint64 done;
  guint64 total;
} Progress;

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *progress = user_data;

  progress->calls++;
  progress->done = done;
  progress->total = total;
}

/* bench-evidence --import LOG [SAVE-TO]: imports LOG into a new incident
 * as a user would, adds it, and prints what it took; then saves the
 * incident to SAVE-TO. */
static int
import_main (const char *log_path,
             const char *save_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (log_path);
  g_autoptr(DebriefDocument) document = NULL;
  g_autoptr(DebriefEvidenceSource) source = NULL;
  g_autoptr(DebriefEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  Progress progress = { 0 };
  gint64 start;
  double ms;
  gint64 peak_kib;

  if (!(document = debrief_document_new (USER_NAME, &error)))
    {
      g_printerr ("bench-evidence: %s\n", error->message);
      return 1;
    }

  debrief_incident_set_title (debrief_document_get_incident (document), "Gateway fleet CRC errors");
  source = debrief_evidence_source_new (document);

  start = g_get_monotonic_time ();
  if (!(evidence = debrief_evidence_import_file (source, file, NULL, progress_cb, &progress,
                                                 &warning, NULL, &error)) ||
      !debrief_evidence_add_to_document (document, evidence, &error))
    {
      g_printerr ("bench-evidence: the import failed: %s\n", error->message);
      debrief_document_close (document);
      return 1;
    }
  ms = bench_elapsed_ms (start);
  peak_kib = read_peak_kib ();

  if (warning != NULL)
    g_printerr ("# The import warned: %s\n", warning);

  g_print ("import_ms %.3f\n", ms);
  g_print ("peak_kib %" G_GINT64_FORMAT "\n", peak_kib);
  g_print ("kind %d\n", debrief_evidence_get_kind (evidence));
  g_print ("lines %" G_GINT64_FORMAT "\n", debrief_evidence_get_line_count (evidence));
  g_print ("size %" G_GINT64_FORMAT "\n", debrief_evidence_get_size (evidence));
  g_print ("sha256 %s\n", debrief_evidence_get_sha256 (evidence));
  g_print ("progress %u %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT "\n",
           progress.calls, progress.done, progress.total);

  if (save_path != NULL)
    {
      g_autoptr(GFile) target = g_file_new_for_path (save_path);

      start = g_get_monotonic_time ();
      if (!debrief_document_save (document, target, NULL, &error))
        {
          g_printerr ("bench-evidence: saving %s failed: %s\n", save_path, error->message);
          debrief_document_close (document);
          return 1;
        }
      g_printerr ("# Saved %s in %.1f s\n", save_path, bench_elapsed_ms (start) / 1000);
    }

  debrief_document_close (document);
  return 0;
}

/* Imports the log in a new process (this program again), so that its
 * peak memory is the import's alone. */
static gboolean
time_import (const char      *log_path,
             const char      *save_path,
             const LogFacts  *facts,
             double          *ms,
             double          *peak_mib,
             GError         **error)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", error);
  const char *argv[] = { self, "--import", log_path, save_path, NULL };
  g_autofree char *output = NULL;
  g_autofree char *value = NULL;
  g_autofree char *expected = NULL;
  double process_ms;

  if (self == NULL ||
      !run_command (argv, NULL, &output, &process_ms, NULL, error))
    return FALSE;

  if (!parse_value (output, "import_ms", &value))
    goto garbled;
  *ms = g_ascii_strtod (value, NULL);
  g_clear_pointer (&value, g_free);

  if (!parse_value (output, "peak_kib", &value))
    goto garbled;
  *peak_mib = g_ascii_strtoll (value, NULL, 10) / 1024.0;
  g_clear_pointer (&value, g_free);

  /* Every byte read, every line indexed, as a log. */
  expected = g_strdup_printf ("%d", DEBRIEF_EVIDENCE_KIND_LOG);
  if (!parse_value (output, "kind", &value) || !g_str_equal (value, expected))
    {
      g_set_error (error, BENCH_ERROR, 0, "%s was not imported as a log", log_path);
      return FALSE;
    }
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&expected, g_free);

  expected = g_strdup_printf ("%" G_GUINT64_FORMAT, facts->lines);
  if (!parse_value (output, "lines", &value) || !g_str_equal (value, expected))
    {
      g_set_error (error, BENCH_ERROR, 0, "The import found %s lines where %s has %s",
                   value ? value : "no", log_path, expected);
      return FALSE;
    }
  g_clear_pointer (&value, g_free);

  if (!parse_value (output, "sha256", &value) || !g_str_equal (value, facts->sha256))
    {
      g_set_error (error, BENCH_ERROR, 0, "The import did not store the bytes of %s", log_path);
      return FALSE;
    }
  g_clear_pointer (&value, g_free);

  /* And the progress a window shows, up to the end. */
  if (parse_value (output, "progress", &value))
    {
      guint calls = 0;
      guint64 done = 0;
      guint64 total = 0;

      if (sscanf (value, "%u %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &calls, &done, &total) == 3 &&
          calls > 0 && done == facts->size && total == facts->size)
        return TRUE;
    }

  g_set_error (error, BENCH_ERROR, 0, "The import did not report its progress to the end (%s)",
               value ? value : "none");
  return FALSE;

garbled:
  g_set_error (error, BENCH_ERROR, 0, "The import printed no figures: %s", output);
  return FALSE;
}

/* --- lnav ---------------------------------------------------------------- */

/* Environment of the programs compared against: the fastest locale for
 * grep, and a home of their own (lnav keeps state there). */
static char **
tool_environment (const char *home)
{
  char **envp = g_get_environ ();

  envp = g_environ_setenv (envp, "LC_ALL", "C", TRUE);
  envp = g_environ_setenv (envp, "HOME", home, TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", home, TRUE);

  return envp;
}

/* lnav in headless mode indexes every line of the file before it runs
 * any command; the one run tells how many lines it indexed. */
static gboolean
time_lnav (const char      *log_path,
           char           **envp,
           const LogFacts  *facts,
           double          *ms,
           double          *peak_mib,
           GError         **error)
{
  const char *argv[] = { "lnav", "-n", "-q",
                         "-c", ";SELECT lines FROM lnav_file",
                         "-c", ":write-csv-to -",
                         log_path, NULL };
  g_autofree char *output = NULL;
  g_auto(GStrv) lines = NULL;
  guint64 indexed;

  if (!run_command (argv, envp, &output, ms, peak_mib, error))
    return FALSE;

  lines = g_strsplit (output, "\n", -1);
  if (g_strv_length (lines) < 2 || !g_str_equal (lines[0], "lines"))
    {
      g_set_error (error, BENCH_ERROR, 0, "lnav did not say how many lines it read: %s", output);
      return FALSE;
    }

  indexed = g_ascii_strtoull (lines[1], NULL, 10);
  if (indexed < facts->lines)
    {
      g_set_error (error, BENCH_ERROR, 0, "lnav indexed %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " lines",
                   indexed, facts->lines);
      return FALSE;
    }

  return TRUE;
}

static gboolean
bench_import (const char      *log_path,
              const char      *imported_path,
              char           **envp,
              const LogFacts  *facts,
              GError         **error)
{
  g_autoptr(GArray) imports = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) import_peaks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lnavs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lnav_peaks = g_array_new (FALSE, FALSE, sizeof (double));
  double import_rate, lnav_rate;
  guint n_runs = N_RUNS;

  /* Alternating, so that whatever else the machine does falls on both.
   * The first import also makes the incident the other benchmarks read:
   * it is saved once its figures are taken. */
  for (guint run = 0; run < n_runs; run++)
    {
      double ms, peak_mib;

      if (run == 0)
        g_unlink (imported_path);
      if (!time_import (log_path, run == 0 ? imported_path : NULL, facts, &ms, &peak_mib, error))
        return FALSE;
      g_array_append_val (imports, ms);
      g_array_append_val (import_peaks, peak_mib);
      g_printerr ("# import %u: %.1f ms, peak %.1f MiB\n", run, ms, peak_mib);
      if (ms > LONG_RUN_MS)
        n_runs = 1;

      if (!time_lnav (log_path, envp, facts, &ms, &peak_mib, error))
        return FALSE;
      g_array_append_val (lnavs, ms);
      g_array_append_val (lnav_peaks, peak_mib);
      g_printerr ("# lnav %u: %.1f ms, peak %.1f MiB\n", run, ms, peak_mib);
      if (ms > LONG_RUN_MS)
        n_runs = 1;
    }

  import_rate = throughput (facts->size, bench_median (imports));
  lnav_rate = throughput (facts->size, bench_median (lnavs));

  bench_print_info ("import_mb_per_s", import_rate, "MB/s");
  bench_print_info ("lnav_mb_per_s", lnav_rate, "MB/s");
  bench_print_figure ("import_vs_lnav", import_rate / lnav_rate, "x", ">=", 2);
  bench_print_figure ("import_peak_rss_mib", max_of (import_peaks), "MiB", "<=", 150);
  bench_print_info ("lnav_peak_rss_mib", max_of (lnav_peaks), "MiB");

  return TRUE;
}

/* --- Search ------------------------------------------------------------ */

static gboolean
count_match_cb (const DebriefSearchMatch *match,
                gpointer                  user_data)
{
  (*(guint64 *) user_data)++;
  return TRUE;
}

static gboolean
time_search (DebriefEvidenceSource  *source,
             gboolean                match_case,
             double                 *ms,
             guint64                *count,
             GError                **error)
{
  gint64 start = g_get_monotonic_time ();

  *count = 0;
  if (!debrief_evidence_search (source, QUERY, match_case, count_match_cb, count, NULL, error))
    return FALSE;
  *ms = bench_elapsed_ms (start);

  return TRUE;
}

/* grep -c counts the lines that match, as the search does. */
static gboolean
time_grep (const char  *log_path,
           char       **envp,
           gboolean     match_case,
           double      *ms,
           guint64     *count,
           GError     **error)
{
  const char *ignoring_case[] = { "grep", "-c", "-F", "-i", "--", QUERY, log_path, NULL };
  const char *matching_case[] = { "grep", "-c", "-F", "--", QUERY, log_path, NULL };
  const char * const *argv = match_case ? matching_case : ignoring_case;
  g_autofree char *output = NULL;

  if (!run_command (argv, envp, &output, ms, NULL, error))
    return FALSE;

  *count = g_ascii_strtoull (output, NULL, 10);
  return TRUE;
}

static void
check_counts (const char *what,
              guint64     search_count,
              guint64     grep_count)
{
  if (search_count != grep_count)
    g_printerr ("bench-evidence: the %s search found %" G_GUINT64_FORMAT " lines and grep %"
                G_GUINT64_FORMAT ": the figures compare different work\n",
                what, search_count, grep_count);
}

static gboolean
bench_search (const char  *log_path,
              const char  *imported_path,
              char       **envp,
              GError     **error)
{
  g_autoptr(GFile) imported = g_file_new_for_path (imported_path);
  g_autoptr(DebriefDocument) document = NULL;
  g_autoptr(DebriefEvidenceSource) source = NULL;
  g_autoptr(GArray) searches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) greps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) case_searches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) case_greps = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *times[] = { searches, greps, case_searches, case_greps };
  guint64 counts[G_N_ELEMENTS (times)] = { 0 };
  double search_ms, grep_ms, case_search_ms, case_grep_ms;
  gint64 start;
  gboolean ok = TRUE;

  start = g_get_monotonic_time ();
  if (!(document = debrief_document_open (imported, DEBRIEF_OPEN_FLAGS_NONE, USER_NAME, NULL, error)))
    return FALSE;
  g_printerr ("# Opened %s in %.1f ms\n", imported_path, bench_elapsed_ms (start));
  source = debrief_evidence_source_new (document);

  g_printerr ("# Searching for '%s', against grep -c -F in LC_ALL=C\n", QUERY);

  /* Once each unmeasured, for a warm page cache; then alternating. */
  for (guint run = 0; run <= N_RUNS && ok; run++)
    {
      for (guint j = 0; j < G_N_ELEMENTS (times) && ok; j++)
        {
          gboolean match_case = j >= 2;
          double ms = 0;

          if (j % 2 == 0)
            ok = time_search (source, match_case, &ms, &counts[j], error);
          else
            ok = time_grep (log_path, envp, match_case, &ms, &counts[j], error);

          if (ok && run > 0)
            g_array_append_val (times[j], ms);
        }
    }

  debrief_document_close (document);
  if (!ok)
    return FALSE;

  search_ms = bench_median (searches);
  grep_ms = bench_median (greps);
  case_search_ms = bench_median (case_searches);
  case_grep_ms = bench_median (case_greps);

  bench_print_info ("search_ms", search_ms, "ms");
  bench_print_info ("grep_ms", grep_ms, "ms");
  bench_print_figure ("search_vs_grep", search_ms / grep_ms, "x", "<=", 2);
  print_count ("search_matches", counts[0]);
  print_count ("grep_matches", counts[1]);
  bench_print_info ("search_case_ms", case_search_ms, "ms");
  bench_print_info ("grep_case_ms", case_grep_ms, "ms");
  bench_print_figure ("search_case_vs_grep", case_search_ms / case_grep_ms, "x", "<=", 2);
  print_count ("search_case_matches", counts[2]);
  print_count ("grep_case_matches", counts[3]);

  check_counts ("case-insensitive", counts[0], counts[1]);
  check_counts ("case-sensitive", counts[2], counts[3]);

  return TRUE;
}

static gboolean
run (const char  *dir,
     const char  *home,
     GError     **error)
{
  g_autofree char *log_path = g_build_filename (dir, LOG_NAME, NULL);
  g_autofree char *imported_path = g_build_filename (dir, IMPORTED_NAME, NULL);
  g_autofree char *lnav = g_find_program_in_path ("lnav");
  g_auto(GStrv) envp = tool_environment (home);
  LogFacts facts = { 0 };
  gboolean ok;

  if (lnav == NULL)
    {
      g_set_error (error, BENCH_ERROR, 0,
                   "lnav is not installed; the import is measured against it "
                   "(sudo apt-get install lnav).");
      return FALSE;
    }

  if (!ensure_log (dir, log_path, error))
    return FALSE;

  /* A log just made is still being written back to the disk, which would
   * slow down whatever is measured first. */
  sync ();

  if (!scan_log (log_path, &facts, error))
    return FALSE;

  g_printerr ("# %s: %" G_GUINT64_FORMAT " bytes, %" G_GUINT64_FORMAT " lines\n",
              log_path, facts.size, facts.lines);

  ok = bench_import (log_path, imported_path, envp, &facts, error) &&
       bench_search (log_path, imported_path, envp, error);

  log_facts_clear (&facts);
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  const char *dir;
  g_autofree char *data_home = NULL;
  g_autofree char *tool_home = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* The import measured in a process of its own, which the parent set
   * up (and cleans up after). */
  if (argc >= 3 && argc <= 4 && g_str_equal (argv[1], "--import"))
    return import_main (argv[2], argc == 4 ? argv[3] : NULL);

  dir = bench_work_dir (argc, argv,
                        "Imports the 1 GB log in WORK-DIR (default $DEBRIEF_BENCH_DIR or "
                        "/tmp/debrief-bench; made if missing) against lnav, searches it against "
                        "grep, and prints the BENCH figures. Leaves the incident holding it as "
                        IMPORTED_NAME " in WORK-DIR for bench-log-view.", FALSE);
  if (dir == NULL)
    return 2;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_printerr ("bench-evidence: cannot make %s: %s\n", dir, g_strerror (errno));
      return 1;
    }

  /* Working copies go to a private folder on the same disk as the work
   * folder, not among the user's drafts; lnav's state to one of its own. */
  data_home = g_build_filename (dir, "data-XXXXXX", NULL);
  tool_home = g_build_filename (dir, "home-XXXXXX", NULL);
  if (g_mkdtemp (data_home) == NULL || g_mkdtemp (tool_home) == NULL)
    {
      if (g_file_test (data_home, G_FILE_TEST_IS_DIR))
        g_rmdir (data_home);
      g_printerr ("bench-evidence: cannot make a folder in %s: %s\n", dir, g_strerror (errno));
      return 1;
    }
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  ok = run (dir, tool_home, &error);
  debrief_test_remove_tree (data_home);
  debrief_test_remove_tree (tool_home);

  if (!ok)
    {
      g_printerr ("bench-evidence: %s\n", error->message);
      return 1;
    }

  return 0;
}
