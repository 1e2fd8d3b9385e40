/* debrief-error-dialog.h
 *
 * The one way every view tells the user that something could not be done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void debrief_show_error (GtkWindow  *parent,
                         const char *heading,
                         const char *body);

G_END_DECLS
