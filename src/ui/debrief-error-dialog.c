/* debrief-error-dialog.c
 *
 * The one way every view tells the user that something could not be done:
 * a message dialog with the reason and a Close button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-error-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "debrief-error-dialog.h"

/**
 * debrief_show_error:
 * @parent: (nullable): the window the dialog belongs to
 * @heading: what could not be done, in title case
 * @body: (nullable): why, usually a #GError's message
 *
 * Presents a message dialog that the user closes; nothing waits for it.
 */
void
debrief_show_error (GtkWindow  *parent,
                    const char *heading,
                    const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (heading != NULL);

  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
