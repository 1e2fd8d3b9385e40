/* debrief-role-choice.c
 *
 * The one way a combo row offers the post-mortem roles.  AdwComboRow's own
 * rows end a name after twenty letters ("Engineer closest to th…"); these
 * wrap it instead, and say in the list what someone in the role does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-role-choice"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-role-choice.h"
#include "debrief-roles.h"

/* Narrow enough that the list fits a phone's screen: longer names and
 * the descriptions wrap. */
#define NAME_CHARS        24
#define DESCRIPTION_CHARS 26

static GtkWidget *
wrapping_label (int max_width_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), max_width_chars);
  gtk_label_set_xalign (GTK_LABEL (label), 0);

  return label;
}

/* The role shown in the row itself: its whole name, on one line (a
 * wrapped one is cut to its first line there).  Where a row has no room
 * for that, it shows the name as its subtitle ("use-subtitle"). */
static void
value_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_list_item_set_child (item, label);
}

static void
value_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

/* A role in the list: its name, what it does, and a check mark on the
 * one chosen. */
static void
list_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *description = wrapping_label (DESCRIPTION_CHARS);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), wrapping_label (NAME_CHARS));
  gtk_widget_add_css_class (description, "caption");
  gtk_widget_add_css_class (description, "dim-label");
  gtk_box_append (GTK_BOX (text), description);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
sync_check_cb (GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  if (box != NULL)
    gtk_widget_set_opacity (gtk_widget_get_last_child (box), gtk_list_item_get_selected (item) ? 1 : 0);
}

static void
list_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  const char * const *ids = debrief_role_list_ids ();
  GtkWidget *text = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *name = gtk_widget_get_first_child (text);
  GtkWidget *description = gtk_widget_get_next_sibling (name);
  guint position = gtk_list_item_get_position (item);
  const char *about = position < g_strv_length ((char **) ids) ? debrief_role_get_description (ids[position]) : NULL;

  gtk_label_set_label (GTK_LABEL (name), gtk_string_object_get_string (gtk_list_item_get_item (item)));
  gtk_label_set_label (GTK_LABEL (description), about ? about : "");
  gtk_widget_set_visible (description, about != NULL);
  sync_check_cb (item);
  g_signal_connect (item, "notify::selected", G_CALLBACK (sync_check_cb), NULL);
}

static void
list_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (item, sync_check_cb, NULL);
}

/**
 * debrief_role_choice_setup:
 * @row: the combo row to choose a role with
 * @another: whether the last choice is "Another role…", one the user types
 *
 * Gives @row the known roles, in the order of debrief_role_list_ids(), so
 * that its "selected" is a position in that list; and rows that show each
 * name whole, at any width.
 */
void
debrief_role_choice_setup (AdwComboRow *row,
                           gboolean     another)
{
  const char * const *ids = debrief_role_list_ids ();
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (roles, debrief_role_get_display_name (ids[i]));
  if (another)
    gtk_string_list_append (roles, _("Another role…"));

  g_signal_connect (factory, "setup", G_CALLBACK (value_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (value_bind_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (list_setup_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (list_bind_cb), NULL);
  g_signal_connect (list_factory, "unbind", G_CALLBACK (list_unbind_cb), NULL);

  adw_combo_row_set_factory (row, factory);
  adw_combo_row_set_list_factory (row, list_factory);
  adw_combo_row_set_model (row, G_LIST_MODEL (roles));
}
