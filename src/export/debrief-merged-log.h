/* debrief-merged-log.h
 *
 * The merged log: every line of every log of an incident in one file,
 * ordered by aligned time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "debrief-evidence-store.h"

G_BEGIN_DECLS

/* Called for a source that cannot be merged well (no times, since boot
 * without a boot time). */
typedef void (*DebriefMergeWarningFunc) (const char *message,
                                         gpointer    user_data);

/* Writes every line of every log merged by aligned time: ISO 8601 UTC with
 * milliseconds, tab, source title, tab, level (empty if none), tab, text.
 * Any thread. */
gboolean debrief_evidence_write_merged_log (DebriefEvidenceSource    *source,
                                            GOutputStream            *out,
                                            DebriefMergeWarningFunc   warning,
                                            gpointer                  user_data,
                                            GCancellable             *cancellable,
                                            GError                  **error);

G_END_DECLS
