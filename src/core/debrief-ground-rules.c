/* debrief-ground-rules.c
 *
 * The ground rules of a blameless post-mortem, for an incident whose own
 * are empty. A new document starts with them and the invitation falls back
 * on them, so they live below both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-ground-rules"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-ground-rules.h"

/**
 * debrief_ground_rules_default:
 *
 * The ground rules of a blameless post-mortem, for an incident whose own
 * are empty: one rule per line, each starting with "• ".
 *
 * Returns: (transfer none): the translated ground rules
 */
const char *
debrief_ground_rules_default (void)
{
  return _("• We look at systems and processes, not at individuals.\n"
           "• No one is named as the cause: we ask how and why it happened, not who did it.\n"
           "• We assume good intent: everyone did the best they could with what they knew at the time.\n"
           "• Everyone is heard: one conversation at a time, and every voice counts.\n"
           "• We ground what we say in the timeline and the data.\n"
           "• What is said here is used to learn, not to punish.");
}
