/* debrief-roles.c
 *
 * The roles people take in a post-mortem, as the stable ids a participant
 * stores, with the names and descriptions shown for them.
 *
 * A participant's role column holds the id of a known role, so that a file
 * reads the same in every language, or the text of a role the team made up,
 * which is shown as typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-roles"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-roles.h"

typedef struct
{
  const char *id;
  const char *name;
  const char *description;
} RoleInfo;

/* In the order a role picker lists them: who runs the meeting first, the
 * default role last. */
static const RoleInfo roles[] = {
  { DEBRIEF_ROLE_FACILITATOR,
    N_("Facilitator"),
    N_("Keeps the discussion blameless and on time, and makes sure every voice is heard.") },
  { DEBRIEF_ROLE_SCRIBE,
    N_("Scribe"),
    N_("Records corrections to the timeline, findings and action items as the group agrees on them.") },
  { DEBRIEF_ROLE_INCIDENT_COMMANDER,
    N_("Incident commander"),
    N_("Coordinated the response and explains what was known and decided at each step.") },
  { DEBRIEF_ROLE_SME,
    N_("Subject-matter expert"),
    N_("Knows the affected system in depth and explains how it behaved and why.") },
  { DEBRIEF_ROLE_CLOSEST_TO_CHANGE,
    N_("Engineer closest to the change"),
    N_("Knows the change that preceded the incident best and explains why it made sense at the time.") },
  { DEBRIEF_ROLE_EXECUTIVE,
    N_("Executive observer"),
    N_("Listens and learns, leaves the analysis to the team, and receives the summary.") },
  { DEBRIEF_ROLE_PARTICIPANT,
    N_("Participant"),
    N_("Shares what they saw, did and knew at the time, and helps find what to improve.") },
};

static const RoleInfo *
find_role (const char *role)
{
  /* A participant added without a role takes part as a participant. */
  if (role == NULL || *role == '\0')
    return &roles[G_N_ELEMENTS (roles) - 1];

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      if (g_str_equal (roles[i].id, role))
        return &roles[i];
    }

  return NULL;
}

/**
 * debrief_role_list_ids:
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the known
 *   roles, in the order a role picker shows them
 */
const char * const *
debrief_role_list_ids (void)
{
  static const char * const ids[] = {
    DEBRIEF_ROLE_FACILITATOR,
    DEBRIEF_ROLE_SCRIBE,
    DEBRIEF_ROLE_INCIDENT_COMMANDER,
    DEBRIEF_ROLE_SME,
    DEBRIEF_ROLE_CLOSEST_TO_CHANGE,
    DEBRIEF_ROLE_EXECUTIVE,
    DEBRIEF_ROLE_PARTICIPANT,
    NULL
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (ids) == G_N_ELEMENTS (roles) + 1);

  return ids;
}

/**
 * debrief_role_is_known:
 * @role: (nullable): a role as a participant stores it
 *
 * Returns: %TRUE if @role is the id of one of debrief_role_list_ids(), or
 *   empty (a participant), %FALSE if it is a role of the team's own
 */
gboolean
debrief_role_is_known (const char *role)
{
  return find_role (role) != NULL;
}

/**
 * debrief_role_get_display_name:
 * @role: (nullable): a role as a participant stores it
 *
 * Returns: (transfer none): the translated name of a known role ("Incident
 *   commander" for "incident-commander", "Participant" for an empty role),
 *   or @role itself for a role of the team's own
 */
const char *
debrief_role_get_display_name (const char *role)
{
  const RoleInfo *info = find_role (role);

  if (info == NULL)
    return role;

  return _(info->name);
}

/**
 * debrief_role_get_description:
 * @role: (nullable): a role as a participant stores it
 *
 * Returns: (transfer none) (nullable): one translated sentence on what
 *   someone in a known role does in the meeting, for a role card; %NULL
 *   for a role of the team's own
 */
const char *
debrief_role_get_description (const char *role)
{
  const RoleInfo *info = find_role (role);

  if (info == NULL)
    return NULL;

  return _(info->description);
}

/**
 * debrief_role_from_text:
 * @text: (nullable): a role as the user typed or picked it
 *
 * Turns what the user entered into what a participant stores: the id of a
 * known role if @text is that id or its name, in the user's language or in
 * English and in any case; otherwise @text itself without surrounding
 * spaces, as a role of the team's own.
 *
 * Returns: (transfer full): the role to store
 */
char *
debrief_role_from_text (const char *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;

  if (text == NULL)
    return g_strdup ("");

  stripped = g_strstrip (g_utf8_make_valid (text, -1));
  folded = g_utf8_casefold (stripped, -1);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *name = g_utf8_casefold (_(roles[i].name), -1);
      g_autofree char *english = g_utf8_casefold (roles[i].name, -1);

      if (g_str_equal (folded, roles[i].id) || g_str_equal (folded, name) || g_str_equal (folded, english))
        return g_strdup (roles[i].id);
    }

  return g_steal_pointer (&stripped);
}
