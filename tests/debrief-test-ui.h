/* debrief-test-ui.h
 *
 * Helpers shared by the tests that drive real windows under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-application.h"
#include "debrief-document.h"
#include "debrief-window.h"

G_BEGIN_DECLS

typedef gboolean (*DebriefTestCondition) (gpointer data);

/* Running the tests inside a real application */
char      *debrief_test_ui_init              (int                  *argc,
                                              char               ***argv);
int        debrief_test_run_application      (GApplication         *app,
                                              const char           *data_home);

/* Waiting for the main loop */
void       debrief_test_wait_for             (DebriefTestCondition  condition,
                                              gpointer              data);
void       debrief_test_drain                (void);
void       debrief_test_wait_ms              (guint                 ms);
gboolean   debrief_test_widget_is_mapped     (gpointer              widget);
gboolean   debrief_test_pointer_is_null      (gpointer              location);

/* Finding widgets */
GtkWidget *debrief_test_find_descendant      (GtkWidget            *widget,
                                              GType                 type);
GtkWidget *debrief_test_find_mapped          (GtkWidget            *widget,
                                              GType                 type);
GtkWidget *debrief_test_find_with_class      (GtkWidget            *widget,
                                              GType                 type,
                                              const char           *css_class);
GtkWidget *debrief_test_find_label           (GtkWidget            *widget,
                                              const char           *text);
GtkWidget *debrief_test_find_button          (GtkWidget            *widget,
                                              const char           *tooltip);
GtkWidget *debrief_test_find_row             (GtkWidget            *widget,
                                              GType                 type,
                                              const char           *title);
guint      debrief_test_count_children       (GtkWidget            *widget);
GtkWindow *debrief_test_find_toplevel        (GType                 type);
gboolean   debrief_test_toplevel_shown       (gpointer              type);
GtkWidget *debrief_test_wait_for_mapped      (GtkWidget            *widget,
                                              GType                 type);

/* Dialogs and windows */
gboolean          debrief_test_message_dialog_shown (gpointer          unused);
AdwMessageDialog *debrief_test_wait_for_dialog      (void);
void              debrief_test_respond              (AdwMessageDialog *dialog,
                                                     const char       *response);
void              debrief_test_destroy_dialogs      (void);
void              debrief_test_close_and_wait       (GtkWindow        *window);
DebriefWindow    *debrief_test_new_incident_window  (DebriefApplication *app,
                                                     int               width,
                                                     int               height);
void              debrief_test_wait_for_file        (DebriefWindow    *window,
                                                     GFile            *file);
void              debrief_test_close_window         (DebriefWindow    *window);
DebriefWindow    *debrief_test_open_in_window       (DebriefApplication *app,
                                                     GFile            *file);
void              debrief_test_close_window_as_user (DebriefWindow    *window);

/* Keys and pointer through the X server */
void       debrief_test_xdotool              (const char * const   *args);
char      *debrief_test_focus_x_window       (GtkWindow            *window);
void       debrief_test_press                (const char           *keys);
void       debrief_test_type                 (const char           *text);

G_END_DECLS
