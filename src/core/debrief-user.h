/* debrief-user.h
 *
 * Who the user is: the name that marks their changes and their locks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char      *debrief_user_dup_account_name (void);
GSettings *debrief_user_settings_new     (void);
char      *debrief_user_dup_name         (GSettings  *settings);
gboolean   debrief_user_should_ask_name  (GSettings  *settings);
void       debrief_user_set_name         (GSettings  *settings,
                                          const char *name);

G_END_DECLS
