/* debrief-welcome-page.c
 *
 * What a window shows when no incident is open: start a new incident, open
 * one, or pick up one of the incidents opened lately. The buttons and rows
 * activate the window's own actions (win.new, win.open, win.open-recent),
 * so the page works in any window that provides them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-document.h"
#include "debrief-file-format.h"

#include "debrief-recent.h"
#include "debrief-welcome-page.h"


struct _DebriefWelcomePage
{
  GtkWidget         parent_instance;

  GtkRecentManager *recent_manager;
  GCancellable     *cancellable;
  guint             n_recent;

  AdwStatusPage    *status_page;
  GtkLabel         *recent_title;
  GtkListBox       *recent_list;
  GtkLabel         *no_recent_label;
};

G_DEFINE_FINAL_TYPE (DebriefWelcomePage, debrief_welcome_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_RECENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

GtkWidget *
debrief_welcome_page_new (void)
{
  return g_object_new (DEBRIEF_TYPE_WELCOME_PAGE, NULL);
}

/**
 * debrief_welcome_page_get_n_recent:
 * @self: a #DebriefWelcomePage
 *
 * Returns: how many recent incidents the page lists
 */
guint
debrief_welcome_page_get_n_recent (DebriefWelcomePage *self)
{
  g_return_val_if_fail (DEBRIEF_IS_WELCOME_PAGE (self), 0);

  return self->n_recent;
}

/* The folder as people read it: "~/Incidents" rather than a URI. */
static char *
dup_folder_name (const char *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = NULL;

  if (parent == NULL)
    return NULL;

  if (g_file_equal (parent, home))
    return g_strdup ("~");

  if ((relative = g_file_get_relative_path (home, parent)))
    return g_build_filename ("~", relative, NULL);

  return g_file_get_parse_name (parent);
}

static GtkWidget *
create_row (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);
  g_autoptr(GDateTime) modified = g_date_time_to_local (gtk_recent_info_get_modified (info));
  g_autofree char *folder = dup_folder_name (uri);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  /* Translators: when a recent incident was last changed, as in "Modified
   * 14 March 2026, 02:11". It is a g_date_time_format() format: %-d is the
   * day, %B the month's name, %Y the year, %H:%M the time. */
  /* xgettext:no-c-format */
  subtitle = g_date_time_format (modified, _("Modified %-d %B %Y, %H:%M"));

  row = adw_action_row_new ();
  /* File names are not markup: "R&D outage.debrief" is shown as it is. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
  gtk_widget_set_tooltip_text (row, folder);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (uri));

  return row;
}

static void
peek_title_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  char *title = debrief_document_peek_title (task_data, cancellable, &error);

  if (title == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, title, g_free);
}

/* The incident's own title, once read, names the row; the file name moves
 * to the subtitle. A file that cannot be read keeps its name. */
static void
peek_title_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AdwActionRow) row = user_data;
  g_autofree char *title = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autofree char *subtitle = NULL;
  const char *name;

  if (title == NULL || *g_strstrip (title) == '\0' || gtk_widget_get_parent (GTK_WIDGET (row)) == NULL)
    return;

  name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  /* Translators: a recent incident's subtitle, "<file name> · Modified …". */
  subtitle = g_strdup_printf (_("%s · %s"), name, adw_action_row_get_subtitle (row));
  adw_action_row_set_subtitle (row, subtitle);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
}

static void
peek_title (DebriefWelcomePage *self,
            GtkWidget          *row,
            GtkRecentInfo      *info)
{
  g_autoptr(GTask) task = NULL;

  if (!gtk_recent_info_is_local (info))
    return;

  task = g_task_new (NULL, self->cancellable, peek_title_cb, g_object_ref (row));
  g_task_set_task_data (task, g_file_new_for_uri (gtk_recent_info_get_uri (info)), g_object_unref);
  g_task_run_in_thread (task, peek_title_thread);
}

static void
debrief_welcome_page_update_recent (DebriefWelcomePage *self)
{
  g_autoptr(GPtrArray) recent = debrief_recent_list_incidents (self->recent_manager);
  GtkWidget *child;
  guint n_recent;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);

  n_recent = recent->len;
  for (guint i = 0; i < n_recent; i++)
    {
      GtkWidget *row = create_row (g_ptr_array_index (recent, i));

      gtk_list_box_append (self->recent_list, row);
      peek_title (self, row, g_ptr_array_index (recent, i));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_title), n_recent > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), n_recent > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_recent_label), n_recent == 0);


  if (self->n_recent != n_recent)
    {
      self->n_recent = n_recent;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_RECENT]);
    }
}

static void
debrief_welcome_page_dispose (GObject *object)
{
  DebriefWelcomePage *self = DEBRIEF_WELCOME_PAGE (object);

  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_func (self->recent_manager, debrief_welcome_page_update_recent, self);
  self->recent_manager = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (debrief_welcome_page_parent_class)->dispose (object);
}

static void
debrief_welcome_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DebriefWelcomePage *self = DEBRIEF_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_RECENT:
      g_value_set_uint (value, self->n_recent);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_welcome_page_class_init (DebriefWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_welcome_page_dispose;
  object_class->get_property = debrief_welcome_page_get_property;

  properties [PROP_N_RECENT] =
    g_param_spec_uint ("n-recent", NULL, NULL,
                       0, DEBRIEF_RECENT_MAX, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/welcome/debrief-welcome-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, DebriefWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, DebriefWelcomePage, recent_title);
  gtk_widget_class_bind_template_child (widget_class, DebriefWelcomePage, recent_list);
  gtk_widget_class_bind_template_child (widget_class, DebriefWelcomePage, no_recent_label);
}

static void
debrief_welcome_page_init (DebriefWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The icon name differs in a development build, so it is set here. */
  adw_status_page_set_icon_name (self->status_page, APP_ID);

  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect_swapped (self->recent_manager, "changed",
                            G_CALLBACK (debrief_welcome_page_update_recent), self);
  debrief_welcome_page_update_recent (self);
}
