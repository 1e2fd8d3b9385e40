/* debrief-ground-rules.h
 *
 * The ground rules of a blameless post-mortem, for an incident whose own
 * are empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *debrief_ground_rules_default (void);

G_END_DECLS
