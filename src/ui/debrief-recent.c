/* debrief-recent.c
 *
 * The incident documents the user opened or saved lately, for the Open
 * Recent menu and the welcome page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-recent"

#include "config.h"

#include "debrief-file-format.h"

#include "debrief-recent.h"

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *x = *(GtkRecentInfo **) a;
  GtkRecentInfo *y = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (y), gtk_recent_info_get_modified (x));
}

/**
 * debrief_recent_list_incidents:
 * @manager: a #GtkRecentManager
 *
 * The recent `.debrief` files, newest first, at most %DEBRIEF_RECENT_MAX.
 * A local file deleted since is left out; a remote one is not checked,
 * which could block.
 *
 * Returns: (transfer full) (element-type GtkRecentInfo): the files
 */
GPtrArray *
debrief_recent_list_incidents (GtkRecentManager *manager)
{
  GPtrArray *recent = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items;

  g_return_val_if_fail (GTK_IS_RECENT_MANAGER (manager), recent);

  items = gtk_recent_manager_get_items (manager);
  for (GList *iter = items; iter != NULL; iter = iter->next)
    {
      GtkRecentInfo *info = iter->data;

      if (g_str_has_suffix (gtk_recent_info_get_uri (info), DEBRIEF_FILE_EXTENSION) &&
          (!gtk_recent_info_is_local (info) || gtk_recent_info_exists (info)))
        g_ptr_array_add (recent, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (recent, compare_recent);
  if (recent->len > DEBRIEF_RECENT_MAX)
    g_ptr_array_set_size (recent, DEBRIEF_RECENT_MAX);

  return recent;
}
