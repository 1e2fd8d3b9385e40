/* debrief-role-choice.h
 *
 * The one way a combo row offers the post-mortem roles: every name whole,
 * with what the role does under it in the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void debrief_role_choice_setup (AdwComboRow *row,
                                gboolean     another);

G_END_DECLS
