/* bench-util.c
 *
 * What the benchmark programs share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-bench"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "bench-util.h"

double
bench_usec_to_ms (gint64 usec)
{
  return usec / 1000.0;
}

double
bench_elapsed_ms (gint64 start)
{
  return bench_usec_to_ms (g_get_monotonic_time () - start);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_median (GArray *values)
{
  guint n = values->len;

  g_assert (n > 0);

  g_array_sort (values, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);

  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

double
bench_percentile (GArray *values,
                  double  fraction)
{
  guint rank;

  g_assert (values->len > 0);

  g_array_sort (values, compare_doubles);
  rank = (guint) (fraction * values->len + 0.999999);
  rank = CLAMP (rank, 1, values->len);

  return g_array_index (values, double, rank - 1);
}

/* Ratios with two decimals, the rest with one. */
static int
decimals (const char *unit)
{
  return g_str_equal (unit, "x") ? 2 : 1;
}

void
bench_print_figure (const char *name,
                    double      value,
                    const char *unit,
                    const char *op,
                    double      target)
{
  gboolean pass = g_str_equal (op, "<=") ? value <= target : value >= target;

  g_print ("BENCH %s %.*f %s target %s %g %s\n",
           name, decimals (unit), value, unit, op, target, pass ? "PASS" : "FAIL");
}

void
bench_print_info (const char *name,
                  double      value,
                  const char *unit)
{
  g_print ("BENCH %s %.*f %s target none - INFO\n", name, decimals (unit), value, unit);
}

gboolean
bench_generate_log (const char  *path,
                    GError     **error)
{
  g_autofree char *script = g_build_filename (DEBRIEF_SOURCE_ROOT, "..", "shared", "bench",
                                              "gen-firmware-logs.py", NULL);
  g_autofree char *partial = g_strconcat (path, ".part", NULL);
  g_autoptr(GSubprocess) generator = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!g_file_test (script, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, BENCH_ERROR, 0,
                   "The log generator %s is missing. The benchmarks need the shared "
                   "benchmark tools in ../shared/bench/ beside the source tree.", script);
      return FALSE;
    }

  g_printerr ("# Generating %s MB of mixed firmware logs (about 100 s)...\n", BENCH_LOG_SIZE_MB);
  if (!(generator = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, error,
                                      "python3", script, "mixed", BENCH_LOG_SIZE_MB, partial, NULL)) ||
      !g_subprocess_wait_check (generator, NULL, error))
    {
      g_unlink (partial);
      return FALSE;
    }

  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not rename %s: %s", partial, g_strerror (saved_errno));
      return FALSE;
    }

  g_printerr ("# Generated in %.1f s\n", bench_elapsed_ms (start) / 1000);
  return TRUE;
}

const char *
bench_work_dir (int         argc,
                char       *argv[],
                const char *description,
                gboolean    in_window)
{
  const char *dir;

  if (argc > 2 || (argc == 2 && argv[1][0] == '-'))
    {
      g_printerr ("Usage: %s [WORK-DIR]\n%s", argv[0], description);
      if (in_window)
        g_printerr (" Needs a display and a D-Bus session of its own:\n"
                    "  xvfb-run -a dbus-run-session -- %s WORK-DIR\n", argv[0]);
      else
        g_printerr ("\n");
      return NULL;
    }

  dir = argc > 1 ? argv[1] : g_getenv ("DEBRIEF_BENCH_DIR");
  if (dir == NULL || *dir == '\0')
    dir = "/tmp/debrief-bench";

  return dir;
}

char *
bench_use_private_data_home (const char *program,
                             const char *work_dir)
{
  char *data_home = g_build_filename (work_dir, "data-XXXXXX", NULL);

  if (g_mkdtemp (data_home) == NULL)
    {
      g_printerr ("%s: cannot make a folder in %s: %s\n", program, work_dir, g_strerror (errno));
      g_free (data_home);
      return NULL;
    }
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", DEBRIEF_BUILD_ROOT "/data", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);

  return data_home;
}

static gboolean
flag_set_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
bench_wait_until (gboolean *done,
                  guint     seconds)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (seconds, flag_set_cb, &timed_out);

  while (!*done && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout);

  return *done;
}

void
bench_settle (void)
{
  for (guint i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}
