/* debrief-test-log-view.h
 *
 * A log view alone in a real window, and the rows it shows on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "debrief-log-view.h"

G_BEGIN_DECLS

typedef struct
{
  GtkWindow      *window;
  DebriefLogView *view;
  GtkListView    *list_view;
} DebriefTestLogView;

/* The labels of one row on screen, left to right. */
typedef struct
{
  GtkWidget *row;
  GtkLabel  *line;
  GtkLabel  *time;
  GtkLabel  *written;
  GtkLabel  *level;
  GtkLabel  *text;
} DebriefTestLogRow;

void              debrief_test_log_view_open     (DebriefTestLogView *fixture,
                                                  GListModel         *rows,
                                                  int                 width);
void              debrief_test_log_view_close    (DebriefTestLogView *fixture);
DebriefTestLogRow debrief_test_log_view_find_row (DebriefTestLogView *fixture,
                                                  guint64             line);

G_END_DECLS
