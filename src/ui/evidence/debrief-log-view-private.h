/* debrief-log-view-private.h
 *
 * What the tests of DebriefLogView look at inside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-log-view.h"

G_BEGIN_DECLS

/* How many row widgets the list has made since the view was created. */
guint _debrief_log_view_get_n_setup (DebriefLogView *self);
/* The tooltip the time of @row shows, or NULL for none. */
char *_debrief_log_view_dup_time_tooltip (DebriefLogRow *row);

G_END_DECLS
