/* debrief-window.h
 *
 * The main window: a header bar with the view switcher over the six views
 * of an incident.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-ui-types.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_WINDOW (debrief_window_get_type ())

G_DECLARE_FINAL_TYPE (DebriefWindow, debrief_window, DEBRIEF, WINDOW, AdwApplicationWindow)

DebriefWindow   *debrief_window_new                   (GtkApplication     *application);
DebriefDocument *debrief_window_get_document          (DebriefWindow      *self);
GFile           *debrief_window_get_file              (DebriefWindow      *self);
gboolean         debrief_window_is_replaceable        (DebriefWindow      *self);
void             debrief_window_new_incident          (DebriefWindow      *self);
void             debrief_window_set_restored_document (DebriefWindow      *self,
                                                       DebriefDocument    *document);
void             debrief_window_open_file             (DebriefWindow      *self,
                                                       GFile              *file);
const char      *debrief_window_get_visible_view      (DebriefWindow      *self);
void             debrief_window_set_visible_view      (DebriefWindow      *self,
                                                       const char         *view);

G_END_DECLS
