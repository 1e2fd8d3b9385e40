/* debrief-welcome-page.h
 *
 * What a window shows when no incident is open: start a new incident, open
 * one, or pick up a recent one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-ui-types.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_WELCOME_PAGE (debrief_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (DebriefWelcomePage, debrief_welcome_page, DEBRIEF, WELCOME_PAGE, GtkWidget)

GtkWidget *debrief_welcome_page_new          (void);
guint      debrief_welcome_page_get_n_recent (DebriefWelcomePage *self);

G_END_DECLS
