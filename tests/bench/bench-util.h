/* bench-util.h
 *
 * What the benchmark programs share: timing, medians, the BENCH lines
 * they print, and the 1 GB log they measure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BENCH_ERROR (g_quark_from_static_string ("debrief-bench-error"))

/* The size of the generated log, in MB, as the generator takes it. */
#define BENCH_LOG_SIZE_MB "1000"

double   bench_usec_to_ms   (gint64       usec);
double   bench_elapsed_ms   (gint64       start);
/* The middle value, or the mean of the two middle ones; sorts @values. */
double   bench_median       (GArray      *values);
/* The value below which @fraction of @values lie (nearest rank); sorts
 * @values. */
double   bench_percentile   (GArray      *values,
                             double       fraction);
/* BENCH <name> <value> <unit> target <op> <target> <PASS|FAIL> */
void     bench_print_figure (const char  *name,
                             double       value,
                             const char  *unit,
                             const char  *op,
                             double       target);
/* BENCH <name> <value> <unit> target none - INFO */
void     bench_print_info   (const char  *name,
                             double       value,
                             const char  *unit);
/* Writes BENCH_LOG_SIZE_MB of mixed firmware logs to @path with
 * ../shared/bench/gen-firmware-logs.py (about 100 s). */
gboolean bench_generate_log (const char  *path,
                             GError     **error);

/* Runs the main loop until *@done or @seconds have passed; returns
 * *@done. */
gboolean bench_wait_until   (gboolean    *done,
                             guint        seconds);
/* Lets whatever the last step queued run: idles, layout, frames. */
void     bench_settle       (void);
/* WORK-DIR from the command line, else $DEBRIEF_BENCH_DIR, else
 * /tmp/debrief-bench; %NULL, after the usage and @description on stderr,
 * for wrong arguments. A benchmark @in_window says how to give it a
 * display. */
const char *bench_work_dir  (int          argc,
                             char        *argv[],
                             const char  *description,
                             gboolean     in_window);
/* For the benchmarks in a window: a private XDG_DATA_HOME in @work_dir
 * (on the same disk as the incidents), this build's settings schemas and
 * no remembered settings. %NULL, said on stderr, if the folder cannot be
 * made. */
char    *bench_use_private_data_home (const char *program,
                                      const char *work_dir);

G_END_DECLS
