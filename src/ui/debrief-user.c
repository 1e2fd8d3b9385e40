/* debrief-user.c
 *
 * Who the user is: the name that marks their changes and their locks.
 * One rule for the application, its windows and its dialogs, so that a
 * name set in Preferences is the one every part uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-user"

#include "config.h"

#include "debrief-user.h"

/**
 * debrief_user_dup_account_name:
 *
 * The full name of the user's account, or its login name when the system
 * knows no full name.
 *
 * Returns: (transfer full): the account's name
 */
char *
debrief_user_dup_account_name (void)
{
  const char *real_name = g_get_real_name ();

  if (real_name != NULL && *real_name != '\0' && g_strcmp0 (real_name, "Unknown") != 0)
    return g_strdup (real_name);

  return g_strdup (g_get_user_name ());
}

/**
 * debrief_user_dup_name:
 * @settings: the application's settings
 *
 * The name that marks the user's changes and their locks: the one set in
 * Preferences, or the account's name when none is set.
 *
 * Returns: (transfer full): the user's name, never empty
 */
char *
debrief_user_dup_name (GSettings *settings)
{
  g_autofree char *user_name = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  user_name = g_settings_get_string (settings, "user-name");
  g_strstrip (user_name);
  if (*user_name != '\0')
    return g_steal_pointer (&user_name);

  return debrief_user_dup_account_name ();
}
