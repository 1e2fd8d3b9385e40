/* debrief-application.c
 *
 * The Debrief application: one instance, a window per incident.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-application"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-application.h"
#include "window/debrief-window.h"

struct _DebriefApplication
{
  AdwApplication parent_instance;
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
  { "window.close", { "<Control>w", NULL } },
  { "win.new", { "<Control>n", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.export", { "<Control>e", NULL } },
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

      if (file == NULL ? window_file == NULL : (window_file != NULL && g_file_equal (file, window_file)))
        return iter->data;
    }

  return NULL;
}

static void
debrief_application_activate (GApplication *application)
{
  DebriefApplication *self = DEBRIEF_APPLICATION (application);
  GtkWindow *window;

  if (!(window = gtk_application_get_active_window (GTK_APPLICATION (self))))
    window = GTK_WINDOW (debrief_window_new (self));

  gtk_window_present (window);
}

static void
debrief_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  DebriefApplication *self = DEBRIEF_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      DebriefWindow *window;

      /* A file that is open already is brought forward, not opened twice;
       * an empty window is reused before a new one is made. */
      if (!(window = debrief_application_find_window (self, files[i])))
        {
          if (!(window = debrief_application_find_window (self, NULL)))
            window = debrief_window_new (self);

          debrief_window_open_file (window, files[i]);
        }

      gtk_window_present (GTK_WINDOW (window));
    }
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
  { .name = "quit", .activate = debrief_application_quit },
};

static void
debrief_application_class_init (DebriefApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = debrief_application_activate;
  app_class->open = debrief_application_open;
  app_class->startup = debrief_application_startup;
}

static void
debrief_application_init (DebriefApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);
}
