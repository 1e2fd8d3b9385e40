/* debrief-window.c
 *
 * The main window: a header bar with the view switcher over the six views
 * of an incident.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-window"

#include "config.h"

#include <glib/gi18n.h>

#include "core/debrief-file-format.h"

#include "debrief-application.h"
#include "debrief-window.h"

/* The same bounds as the window-width and window-height keys. */
#define MIN_REMEMBERED_WIDTH  360
#define MIN_REMEMBERED_HEIGHT 294

struct _DebriefWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GFile                *file;
  GCancellable         *cancellable;

  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
};

G_DEFINE_FINAL_TYPE (DebriefWindow, debrief_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_FILE,
  PROP_VISIBLE_VIEW,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

DebriefWindow *
debrief_window_new (DebriefApplication *application)
{
  g_return_val_if_fail (DEBRIEF_IS_APPLICATION (application), NULL);

  return g_object_new (DEBRIEF_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * debrief_window_get_file:
 * @self: a #DebriefWindow
 *
 * Returns: (transfer none) (nullable): the incident document shown, if any
 */
GFile *
debrief_window_get_file (DebriefWindow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_WINDOW (self), NULL);

  return self->file;
}

static void
debrief_window_update_title (DebriefWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->file == NULL)
    {
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Debrief"));
      return;
    }

  name = g_file_get_basename (self->file);
  adw_view_switcher_title_set_subtitle (self->switcher_title, name);

  /* Translators: the window title, "<file name> — Debrief". */
  title = g_strdup_printf (_("%s — Debrief"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
debrief_window_set_file (DebriefWindow *self,
                         GFile         *file)
{
  if (g_set_object (&self->file, file))
    {
      debrief_window_update_title (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);
    }
}

static void
debrief_window_show_open_error (DebriefWindow *self,
                                GFile         *file,
                                const GError  *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: the heading of a dialog, %s is a file name. */
  heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
debrief_window_open_file_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  GFile *file = G_FILE (object);
  g_autoptr(DebriefWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (debrief_file_format_check_finish (file, result, &error))
    return;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (self->file == file)
    debrief_window_set_file (self, NULL);

  debrief_window_show_open_error (self, file, error);
}

/**
 * debrief_window_open_file:
 * @self: a #DebriefWindow
 * @file: an incident document
 *
 * Shows @file in @self once its header says it is an incident document;
 * otherwise tells the user why it cannot be opened.
 */
void
debrief_window_open_file (DebriefWindow *self,
                          GFile         *file)
{
  g_return_if_fail (DEBRIEF_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  debrief_window_set_file (self, file);
  debrief_file_format_check_async (file,
                                   G_PRIORITY_DEFAULT,
                                   self->cancellable,
                                   debrief_window_open_file_cb,
                                   g_object_ref (self));
}

const char *
debrief_window_get_visible_view (DebriefWindow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
debrief_window_set_visible_view (DebriefWindow *self,
                                 const char    *view)
{
  g_return_if_fail (DEBRIEF_IS_WINDOW (self));
  g_return_if_fail (view != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, view) == NULL)
    {
      g_warning ("There is no view called “%s”", view);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, view);
}

static void
debrief_window_stack_notify_cb (DebriefWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VISIBLE_VIEW]);
}

static void
debrief_window_save_size (DebriefWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width;
  int height;

  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* A maximized window's own size is what it returns to, so it is the one
   * worth keeping; GTK leaves the default size at it while maximized. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", MAX (width, MIN_REMEMBERED_WIDTH));
      g_settings_set_int (self->settings, "window-height", MAX (height, MIN_REMEMBERED_HEIGHT));
    }
}

static gboolean
debrief_window_close_request (GtkWindow *window)
{
  DebriefWindow *self = DEBRIEF_WINDOW (window);

  debrief_window_save_size (self);

  return GTK_WINDOW_CLASS (debrief_window_parent_class)->close_request (window);
}

static void
debrief_window_dispose (GObject *object)
{
  DebriefWindow *self = DEBRIEF_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_WINDOW);

  G_OBJECT_CLASS (debrief_window_parent_class)->dispose (object);
}

static void
debrief_window_finalize (GObject *object)
{
  DebriefWindow *self = DEBRIEF_WINDOW (object);

  g_clear_object (&self->file);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (debrief_window_parent_class)->finalize (object);
}

static void
debrief_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DebriefWindow *self = DEBRIEF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_VISIBLE_VIEW:
      g_value_set_string (value, debrief_window_get_visible_view (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DebriefWindow *self = DEBRIEF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_VIEW:
      debrief_window_set_visible_view (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_window_class_init (DebriefWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = debrief_window_dispose;
  object_class->finalize = debrief_window_finalize;
  object_class->get_property = debrief_window_get_property;
  object_class->set_property = debrief_window_set_property;

  window_class->close_request = debrief_window_close_request;

  properties [PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The name of the view shown: overview, evidence, timeline, analysis,
   * facilitation or actions. The win.view action switches it. */
  properties [PROP_VISIBLE_VIEW] =
    g_param_spec_string ("visible-view", NULL, NULL,
                         "overview",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/window/debrief-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, switcher_title);
  gtk_widget_class_bind_template_callback (widget_class, debrief_window_stack_notify_cb);

  gtk_widget_class_install_property_action (widget_class, "win.view", "visible-view");
}

static void
debrief_window_init (DebriefWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (APP_ID_BASE);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  debrief_window_update_title (self);
}
