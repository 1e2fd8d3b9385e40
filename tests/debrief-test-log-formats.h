/* debrief-test-log-formats.h
 *
 * Reading the log-format corpus of tests/data/log-formats/ through the
 * real log reader, and scoring each line's time against its truth.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "debrief-timestamp.h"

G_BEGIN_DECLS

typedef struct
{
  guint64                n_lines;   /* lines of the log */
  guint64                n_right;   /* lines given their right time, and
                                     * stamped or not as the truth says */
  guint64                first_wrong; /* 0-based line, or G_MAXUINT64 */
  DebriefTimestampFormat format;    /* what the reader detected */
  guint                  field;
  int                    assumed_year;
} DebriefLogFormatScore;

/* The reference day of the corpus: 2026-03-14, UTC. */
void     debrief_test_log_formats_context (DebriefTimestampContext *context);
char   **debrief_test_log_formats_list    (const char              *dir,
                                           GError                 **error);
gboolean debrief_test_log_formats_score   (const char              *dir,
                                           const char              *name,
                                           DebriefLogFormatScore   *score,
                                           GError                 **error);

G_END_DECLS
