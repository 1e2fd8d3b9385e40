/* debrief-log-view-private.h
 *
 * What the tests of DebriefLogView look at inside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-log-view.h"

G_BEGIN_DECLS

/* The parts of the rows (debrief-log-view-row.c). */
void              _debrief_log_view_set_level_classes (GtkWidget       *badge,
                                                       DebriefLogLevel  level);
/* The attributes that mark firmware terms and @highlight in @text, or
 * NULL when there is nothing to mark. */
PangoAttrList    *_debrief_log_view_build_highlights  (const char      *text,
                                                       const char      *highlight);
/* The columns of a row: each as wide as it asks, the last (the message)
 * the rest of the width and as tall as it needs at that width. */
GtkLayoutManager *_debrief_log_view_row_layout_new    (void);
/* Reads "HH:MM[:SS[.ffffff]]", optionally after "YYYY-MM-DD " (or "T");
 * FALSE when @input is not such a time. */
gboolean          _debrief_log_view_parse_jump_input  (const char      *input,
                                                       gboolean        *has_date,
                                                       int             *year,
                                                       int             *month,
                                                       int             *day,
                                                       int             *hour,
                                                       int             *minute,
                                                       int             *second,
                                                       int             *usec);

/* How many row widgets the list has made since the view was created. */
guint _debrief_log_view_get_n_setup (DebriefLogView *self);
/* The tooltip the time of @row shows, or NULL for none. */
char *_debrief_log_view_dup_time_tooltip (DebriefLogRow *row);

G_END_DECLS
