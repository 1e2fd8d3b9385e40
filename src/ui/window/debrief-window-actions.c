/* debrief-window-actions.c
 *
 * The win. actions: new, open, open recent, save, undo and redo, views
 * and evidence from anywhere in the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-window"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-recent.h"

#include "debrief-window-private.h"

/* --- Recent files ---------------------------------------------------- */

void
_debrief_window_update_recent (DebriefWindow *self)
{
  g_autoptr(GPtrArray) recent = debrief_recent_list_incidents (self->recent_manager);

  g_menu_remove_all (self->recent_menu);

  for (guint i = 0; i < recent->len; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (recent, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-recent", recent->len > 0);
}

/* --- Actions --------------------------------------------------------- */

static void
open_files (DebriefWindow  *self,
            GFile         **files,
            int             n_files)
{
  g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), files, n_files, "");
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  DebriefWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));

      if (files->len > 0)
        open_files (self, (GFile **) files->pdata, files->len);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
debrief_window_action_open (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = _debrief_window_new_debrief_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Incident"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
debrief_window_action_open_recent (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  open_files (DEBRIEF_WINDOW (widget), &file, 1);
}

static void
debrief_window_action_new (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  DebriefWindow *window;

  /* The welcome page gives way to the new incident; a window with an
   * incident keeps it, and the new one gets a window of its own. */
  if (self->document == NULL && self->opening == NULL)
    {
      debrief_window_new_incident (self);
      return;
    }

  window = debrief_window_new (GTK_APPLICATION (app));
  debrief_window_new_incident (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
debrief_window_action_save (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  _debrief_window_save (DEBRIEF_WINDOW (widget), FALSE);
}

static void
debrief_window_action_save_as (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  _debrief_window_save_as (DEBRIEF_WINDOW (widget), FALSE);
}

static void
debrief_window_action_undo (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean redo = g_str_equal (action_name, "win.redo");

  if (!(redo ? debrief_document_redo (self->document, &error)
             : debrief_document_undo (self->document, &error)))
    _debrief_window_show_message (self, redo ? _("Could Not Redo") : _("Could Not Undo"), error->message);
}

/* Evidence, from anywhere in the window. */
static void
debrief_window_action_import_evidence (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "evidence");
  gtk_widget_activate_action (GTK_WIDGET (self->evidence_page), "evidence.import", NULL);
}

static void
debrief_window_action_search_evidence (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "evidence");
  gtk_widget_activate_action (GTK_WIDGET (self->evidence_page), "evidence.search", NULL);
}

/* The back-link of a timeline event: its evidence, at the lines it cites. */
static void
debrief_window_action_show_evidence (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);
  const char *uuid;
  gint64 first;
  gint64 last;

  g_variant_get (parameter, "(&sxx)", &uuid, &first, &last);
  adw_view_stack_set_visible_child_name (self->stack, "evidence");
  debrief_evidence_page_show_evidence (self->evidence_page, uuid, first, last);
}

void
_debrief_window_class_actions_init (DebriefWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_property_action (widget_class, "win.view", "visible-view");
  gtk_widget_class_install_action (widget_class, "win.new", NULL, debrief_window_action_new);
  gtk_widget_class_install_action (widget_class, "win.import-evidence", NULL, debrief_window_action_import_evidence);
  gtk_widget_class_install_action (widget_class, "win.search-evidence", NULL, debrief_window_action_search_evidence);
  gtk_widget_class_install_action (widget_class, "win.show-evidence", "(sxx)", debrief_window_action_show_evidence);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, debrief_window_action_open);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", debrief_window_action_open_recent);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, debrief_window_action_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, debrief_window_action_save_as);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, debrief_window_action_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, debrief_window_action_undo);
}
