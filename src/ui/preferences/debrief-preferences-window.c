/* debrief-preferences-window.c
 *
 * The Preferences window: the user's name and role, and what happens to
 * unsaved work after a crash. Every row is bound to its GSettings key, so
 * a change applies as it is made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-role-choice.h"
#include "debrief-roles.h"

#include "debrief-user.h"
#include "debrief-preferences-window.h"

struct _DebriefPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwEntryRow          *user_name_row;
  GtkLabel             *user_name_hint;
  AdwComboRow          *default_role_row;
  GtkSwitch            *keep_drafts_switch;
};

G_DEFINE_FINAL_TYPE (DebriefPreferencesWindow, debrief_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/**
 * debrief_preferences_window_new:
 * @transient_for: (nullable): the window it belongs to
 *
 * Returns: (transfer none): a new Preferences window, owned by GTK's list
 *   of toplevels until it is closed
 */
DebriefPreferencesWindow *
debrief_preferences_window_new (GtkWindow *transient_for)
{
  g_return_val_if_fail (!transient_for || GTK_IS_WINDOW (transient_for), NULL);

  return g_object_new (DEBRIEF_TYPE_PREFERENCES_WINDOW,
                       "transient-for", transient_for,
                       NULL);
}

static guint
role_position (const char *role)
{
  const char * const *ids = debrief_role_list_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], role))
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static gboolean
role_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  guint position = role_position (g_variant_get_string (variant, NULL));

  /* An id this version does not know falls back to the schema's default. */
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  g_value_set_uint (value, position);
  return TRUE;
}

static GVariant *
selected_to_role (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *ids = debrief_role_list_ids ();
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) ids))
    return NULL;

  return g_variant_new_string (ids[selected]);
}

static void
debrief_preferences_window_role_selected_cb (DebriefPreferencesWindow *self)
{
  const char * const *ids = debrief_role_list_ids ();
  guint selected = adw_combo_row_get_selected (self->default_role_row);
  const char *description = NULL;

  if (selected < g_strv_length ((char **) ids))
    description = debrief_role_get_description (ids[selected]);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->default_role_row), description ? description : "");
}

static void
debrief_preferences_window_dispose (GObject *object)
{
  DebriefPreferencesWindow *self = DEBRIEF_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (debrief_preferences_window_parent_class)->dispose (object);
}

static void
debrief_preferences_window_class_init (DebriefPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/preferences/debrief-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefPreferencesWindow, user_name_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefPreferencesWindow, user_name_hint);
  gtk_widget_class_bind_template_child (widget_class, DebriefPreferencesWindow, default_role_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefPreferencesWindow, keep_drafts_switch);
  gtk_widget_class_bind_template_callback (widget_class, debrief_preferences_window_role_selected_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
debrief_preferences_window_init (DebriefPreferencesWindow *self)
{
  g_autofree char *account_name = debrief_user_dup_account_name ();
  g_autofree char *hint = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID_BASE);

  /* Translators: %s is the full name of the user's account. */
  hint = g_strdup_printf (_("Used to mark your changes and to tell others you have a file open. "
                            "Empty uses your account name (%s)."),
                          account_name);
  gtk_label_set_label (self->user_name_hint, hint);

  debrief_role_choice_setup (self->default_role_row, FALSE);

  g_settings_bind (self->settings, "user-name", self->user_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "default-role",
                                self->default_role_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                role_to_selected, selected_to_role,
                                NULL, NULL);
  g_settings_bind (self->settings, "keep-drafts", self->keep_drafts_switch, "active", G_SETTINGS_BIND_DEFAULT);

  debrief_preferences_window_role_selected_cb (self);
}
