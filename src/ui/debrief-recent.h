/* debrief-recent.h
 *
 * The incident documents the user opened or saved lately.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* As many as the Open Recent menu and the welcome page show. */
#define DEBRIEF_RECENT_MAX 10

GPtrArray *debrief_recent_list_incidents (GtkRecentManager *manager);

G_END_DECLS
