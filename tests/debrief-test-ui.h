/* debrief-test-ui.h
 *
 * Helpers shared by the tests that drive real windows under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef gboolean (*DebriefTestCondition) (gpointer data);

void       debrief_test_wait_for             (DebriefTestCondition  condition,
                                              gpointer              data);
void       debrief_test_drain                (void);
gboolean   debrief_test_widget_is_mapped     (gpointer              widget);
gboolean   debrief_test_pointer_is_null      (gpointer              location);
GtkWidget *debrief_test_find_descendant      (GtkWidget            *widget,
                                              GType                 type);
GtkWindow *debrief_test_find_toplevel        (GType                 type);
GtkWidget *debrief_test_wait_for_mapped      (GtkWidget            *widget,
                                              GType                 type);
gboolean   debrief_test_message_dialog_shown (gpointer              unused);

G_END_DECLS
