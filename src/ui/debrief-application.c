/* debrief-application.c
 *
 * The Debrief application: one instance, a window per incident.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-application"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-cli.h"
#include "debrief-document.h"

#include "debrief-application.h"
#include "debrief-error-dialog.h"
#include "debrief-time.h"
#include "debrief-user.h"
#include "debrief-preferences-window.h"
#include "debrief-window.h"

struct _DebriefApplication
{
  AdwApplication parent_instance;

  GSettings     *settings;

  guint          drafts_offered : 1;
};

G_DEFINE_FINAL_TYPE (DebriefApplication, debrief_application, ADW_TYPE_APPLICATION)

typedef struct
{
  const char *action;
  const char *accels[3];
} DebriefAccel;

/* Every shortcut of the application. The Keyboard Shortcuts window
 * (gtk/help-overlay.ui) lists each of them; a test checks it does. */
static const DebriefAccel debrief_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.new", { "<Control>n", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", NULL } },
  { "win.import-evidence", { "<Control>i", NULL } },
  { "win.search-evidence", { "<Control><Shift>f", NULL } },
  { "win.view::overview", { "<Alt>1", NULL } },
  { "win.view::evidence", { "<Alt>2", NULL } },
  { "win.view::timeline", { "<Alt>3", NULL } },
  { "win.view::analysis", { "<Alt>4", NULL } },
  { "win.view::facilitation", { "<Alt>5", NULL } },
  { "win.view::actions", { "<Alt>6", NULL } },
};

DebriefApplication *
debrief_application_new (void)
{
  return g_object_new (DEBRIEF_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/* Created on first use, not at construction: the command-line tools run
 * without the schema being needed. */
static GSettings *
debrief_application_get_settings (DebriefApplication *self)
{
  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID_BASE);

  return self->settings;
}

/**
 * debrief_application_dup_user_name:
 * @self: a #DebriefApplication
 *
 * The name that marks the user's changes and their locks: the one set in
 * Preferences, or the account's name when none is set.
 *
 * Returns: (transfer full): the user's name, never empty
 */
char *
debrief_application_dup_user_name (DebriefApplication *self)
{
  g_return_val_if_fail (DEBRIEF_IS_APPLICATION (self), NULL);

  return debrief_user_dup_name (debrief_application_get_settings (self));
}

static DebriefWindow *
debrief_application_find_window (DebriefApplication *self,
                                 GFile              *file)
{
  for (GList *iter = gtk_application_get_windows (GTK_APPLICATION (self));
       iter != NULL;
       iter = iter->next)
    {
      GFile *window_file;

      if (!DEBRIEF_IS_WINDOW (iter->data))
        continue;

      window_file = debrief_window_get_file (iter->data);

      if (window_file != NULL && g_file_equal (file, window_file))
        return iter->data;
    }

  return NULL;
}

static DebriefWindow *
debrief_application_find_replaceable_window (DebriefApplication *self)
{
  for (GList *iter = gtk_application_get_windows (GTK_APPLICATION (self));
       iter != NULL;
       iter = iter->next)
    if (DEBRIEF_IS_WINDOW (iter->data) && debrief_window_is_replaceable (iter->data))
      return iter->data;

  return NULL;
}

static void
restore_drafts (DebriefApplication *self,
                GPtrArray          *drafts,
                DebriefWindow      *parent)
{
  for (guint i = 0; i < drafts->len; i++)
    {
      g_autoptr(DebriefDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      DebriefWindow *window;

      if (!(document = debrief_document_restore_draft (g_ptr_array_index (drafts, i), NULL, &error)))
        {
          debrief_show_error (GTK_WINDOW (parent),
                              _("Could Not Restore Unsaved Work"), error->message);
          continue;
        }

      if (!(window = debrief_application_find_replaceable_window (self)))
        window = debrief_window_new (GTK_APPLICATION (self));
      else if (debrief_window_get_document (window) != NULL)
        debrief_document_close (debrief_window_get_document (window));

      debrief_window_set_restored_document (window, document);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
drafts_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  DebriefApplication *self = DEBRIEF_APPLICATION (g_application_get_default ());
  GPtrArray *drafts = user_data;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "restore") == 0)
    restore_drafts (self, drafts, DEBRIEF_WINDOW (parent));
  else if (g_strcmp0 (response, "discard") == 0)
    for (guint i = 0; i < drafts->len; i++)
      debrief_document_discard_draft (g_ptr_array_index (drafts, i));

  g_application_release (G_APPLICATION (self));
}

/* Work that a session which ended without saving left behind is offered
 * once, at the first window, as GNOME Text Editor offers its drafts. */
static void
debrief_application_offer_drafts (DebriefApplication *self,
                                  DebriefWindow      *parent)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GString) body = NULL;
  GtkWidget *dialog;

  if (self->drafts_offered)
    return;
  self->drafts_offered = TRUE;

  drafts = debrief_document_list_drafts ();
  if (drafts->len == 0)
    return;

  /* The user chose not to keep work across a crash: what a crash left is
   * removed unasked. Documents open now keep their working copies, which
   * list_drafts() never returns. */
  if (!g_settings_get_boolean (debrief_application_get_settings (self), "keep-drafts"))
    {
      for (guint i = 0; i < drafts->len; i++)
        debrief_document_discard_draft (g_ptr_array_index (drafts, i));
      return;
    }

  body = g_string_new (g_dngettext (GETTEXT_PACKAGE,
                                    "Debrief was closed before this incident was saved:",
                                    "Debrief was closed before these incidents were saved:",
                                    drafts->len));
  g_string_append_c (body, '\n');
  for (guint i = 0; i < drafts->len; i++)
    {
      DebriefDraft *draft = g_ptr_array_index (drafts, i);
      const char *title = debrief_draft_get_title (draft);
      GFile *file = debrief_draft_get_file (draft);
      g_autofree char *name = file ? g_file_get_basename (file) : g_strdup (_("never saved"));
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();
      g_autofree char *when = debrief_time_format_with_zone (debrief_date_time_to_usec (debrief_draft_get_modified (draft)),
                                                             local, DEBRIEF_TIME_STYLE_DATE_MINUTES);

      /* Translators: "• <incident title> (<file name>), <date and time>". */
      g_string_append_printf (body, _("\n• %s (%s), %s"),
                              title && *title ? title : _("Untitled Incident"), name, when);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (parent), _("Restore Unsaved Work?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");

  g_application_hold (G_APPLICATION (self));
  g_signal_connect_data (dialog, "response", G_CALLBACK (drafts_response_cb),
                         g_steal_pointer (&drafts), (GClosureNotify) g_ptr_array_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
debrief_application_activate (GApplication *application)
{
  DebriefApplication *self = DEBRIEF_APPLICATION (application);
  GtkWindow *window;

  /* A new window opens on the welcome page: new incident, open, recent. */
  if (!(window = gtk_application_get_active_window (GTK_APPLICATION (self))))
    window = GTK_WINDOW (debrief_window_new (GTK_APPLICATION (self)));

  gtk_window_present (window);
  debrief_application_offer_drafts (self, DEBRIEF_WINDOW (window));
}

static void
debrief_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  DebriefApplication *self = DEBRIEF_APPLICATION (application);
  DebriefWindow *window = NULL;

  for (int i = 0; i < n_files; i++)
    {
      /* A file that is open already is brought forward, not opened twice;
       * a window with nothing worth keeping is reused before a new one is
       * made. */
      if (!(window = debrief_application_find_window (self, files[i])))
        {
          if (!(window = debrief_application_find_replaceable_window (self)))
            window = debrief_window_new (GTK_APPLICATION (self));

          debrief_window_open_file (window, files[i]);
        }

      gtk_window_present (GTK_WINDOW (window));
    }

  if (window != NULL)
    debrief_application_offer_drafts (self, window);
}

static void
debrief_application_startup (GApplication *application)
{
  G_APPLICATION_CLASS (debrief_application_parent_class)->startup (application);

  gtk_window_set_default_icon_name (APP_ID);

  for (guint i = 0; i < G_N_ELEMENTS (debrief_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                           debrief_accels[i].action,
                                           debrief_accels[i].accels);
}

/* The command-line tools (--check, --export-json, --import-json) run here,
 * before startup, so they need no display and no D-Bus name. */
static int
debrief_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  return debrief_cli_handle_local_options (application, options);
}

static void
debrief_application_about (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  DebriefApplication *self = user_data;
  static const char *developers[] = { "The Debrief developers", NULL };
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application-name", _("Debrief"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Debrief developers"),
                        "developers", developers,
                        "comments", _("Prepare, run and follow up blameless post-mortems "
                                      "after an outage, with the logs, watchdogs and "
                                      "boot-relative clocks of firmware teams."),
                        "website", "https://github.com/debrief/debrief",
                        "issue-url", "https://github.com/debrief/debrief/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© 2026 The Debrief developers"),
                        /* Translators: your names, one per line, as "Name <e-mail>". */
                        "translator-credits", _("translator-credits"),
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        NULL);
  gtk_window_present (about);
}

static void
debrief_application_preferences (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  DebriefApplication *self = user_data;
  DebriefPreferencesWindow *preferences;

  preferences = debrief_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)));
  /* One of the application's windows: its shortcuts (Ctrl+Q) work there. */
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
debrief_application_quit (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  DebriefApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Windows are closed, not destroyed, so each remembers its size and can
   * ask about unsaved work; the application ends with its last window. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *iter = windows; iter != NULL; iter = iter->next)
    gtk_window_close (iter->data);
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = debrief_application_about },
  { .name = "preferences", .activate = debrief_application_preferences },
  { .name = "quit", .activate = debrief_application_quit },
};

static void
debrief_application_dispose (GObject *object)
{
  DebriefApplication *self = DEBRIEF_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (debrief_application_parent_class)->dispose (object);
}

static void
debrief_application_class_init (DebriefApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = debrief_application_dispose;

  app_class->activate = debrief_application_activate;
  app_class->handle_local_options = debrief_application_handle_local_options;
  app_class->open = debrief_application_open;
  app_class->startup = debrief_application_startup;
}

static void
debrief_application_init (DebriefApplication *self)
{
  debrief_cli_add_main_options (G_APPLICATION (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);
}
