/* debrief-user.c
 *
 * Who the user is: the name that marks their changes and their locks.
 * One rule for the command line, the application, its windows and its
 * dialogs, so that a name set in Preferences is the one every part uses.
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
  g_autofree char *name = g_strstrip (g_strdup (real_name != NULL ? real_name : ""));

  /* GLib says "Unknown" when the password database has no full name. */
  if (*name != '\0' && g_strcmp0 (name, "Unknown") != 0)
    return g_steal_pointer (&name);

  return g_strdup (g_get_user_name ());
}

/**
 * debrief_user_settings_new:
 *
 * The application's settings, where the user's name is kept; %NULL where
 * they are not installed (the command line run from a build tree), and
 * the account's name is used.
 *
 * Returns: (transfer full) (nullable): the settings
 */
GSettings *
debrief_user_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, APP_ID_BASE, TRUE)))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * debrief_user_dup_name:
 * @settings: (nullable): the application's settings
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

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  if (settings != NULL)
    {
      user_name = g_settings_get_string (settings, "user-name");
      g_strstrip (user_name);
      if (*user_name != '\0')
        return g_steal_pointer (&user_name);
    }

  return debrief_user_dup_account_name ();
}

/**
 * debrief_user_should_ask_name:
 * @settings: the application's settings
 *
 * Whether to ask the user, once, which name others should see: not when
 * they were asked before, nor when a name is set already (in Preferences,
 * or beforehand by an administrator or a test).
 *
 * Returns: %TRUE if the user has not been asked yet
 */
gboolean
debrief_user_should_ask_name (GSettings *settings)
{
  g_autofree char *user_name = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  if (g_settings_get_boolean (settings, "user-name-asked"))
    return FALSE;

  user_name = g_settings_get_string (settings, "user-name");

  return *g_strstrip (user_name) == '\0';
}

/**
 * debrief_user_set_name:
 * @settings: the application's settings
 * @name: (nullable): the name the user chose; %NULL or empty keeps the
 *   account's name
 *
 * Keeps the user's answer to the question of their name, so that it is
 * not asked again.
 */
void
debrief_user_set_name (GSettings  *settings,
                       const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  g_return_if_fail (G_IS_SETTINGS (settings));

  g_settings_set_string (settings, "user-name", stripped);
  g_settings_set_boolean (settings, "user-name-asked", TRUE);
}
