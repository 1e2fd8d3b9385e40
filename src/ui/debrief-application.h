/* debrief-application.h
 *
 * The Debrief application: one instance, a window per incident.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-ui-types.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_APPLICATION (debrief_application_get_type ())

G_DECLARE_FINAL_TYPE (DebriefApplication, debrief_application, DEBRIEF, APPLICATION, AdwApplication)

DebriefApplication *debrief_application_new              (void);
char               *debrief_application_dup_user_name    (DebriefApplication *self);

G_END_DECLS
