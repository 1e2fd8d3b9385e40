/* debrief-roles.h
 *
 * The roles people take in a post-mortem, as the stable ids a participant
 * stores, with the names and descriptions shown for them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DEBRIEF_ROLE_FACILITATOR        "facilitator"
#define DEBRIEF_ROLE_SCRIBE             "scribe"
#define DEBRIEF_ROLE_INCIDENT_COMMANDER "incident-commander"
#define DEBRIEF_ROLE_SME                "sme"
#define DEBRIEF_ROLE_CLOSEST_TO_CHANGE  "closest-to-change"
#define DEBRIEF_ROLE_EXECUTIVE          "executive"
#define DEBRIEF_ROLE_PARTICIPANT        "participant"

const char * const *debrief_role_list_ids         (void);
gboolean            debrief_role_is_known         (const char *role);
const char         *debrief_role_get_display_name (const char *role);
const char         *debrief_role_get_description  (const char *role);
char               *debrief_role_from_text        (const char *text);

G_END_DECLS
