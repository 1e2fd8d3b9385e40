/* debrief-preferences-window.h
 *
 * The Preferences window: the user's name and role, and what happens to
 * unsaved work after a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-ui-types.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_PREFERENCES_WINDOW (debrief_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (DebriefPreferencesWindow, debrief_preferences_window, DEBRIEF, PREFERENCES_WINDOW, AdwPreferencesWindow)

DebriefPreferencesWindow *debrief_preferences_window_new (GtkWindow *transient_for);

G_END_DECLS
