/* debrief-evidence-page-narrow.c
 *
 * The Evidence view in a window of any width: the list and the item side
 * by side (an AdwLeaflet), or one at a time with a back button to the
 * list; the details beside the viewer, or over it (an AdwFlap).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-evidence-page"

#include "config.h"

#include "debrief-evidence-page-private.h"

/* The width of the list beside the item, as in the .ui; alone, it fills
 * the window (a width no window has: AdwClamp overflows with G_MAXINT). */
#define SIDEBAR_WIDTH       280
#define SIDEBAR_ALONE_WIDTH 10000

/* Where the window is too narrow for the list and the item side by side,
 * the view shows one of them at a time: the item comes forward when one
 * is chosen, and a back button returns to the list. */
void
_debrief_evidence_page_show_content (DebriefEvidencePage *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static GtkWidget *
find_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = find_label (child);

      if (label != NULL)
        return label;
    }

  return NULL;
}

static gboolean
sync_folded (gpointer user_data)
{
  DebriefEvidencePage *self = user_data;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean item = g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "item") == 0;

  gtk_widget_set_visible (self->back_button, folded);
  adw_clamp_set_maximum_size (self->sidebar_clamp, folded ? SIDEBAR_ALONE_WIDTH : SIDEBAR_WIDTH);
  adw_clamp_set_tightening_threshold (self->sidebar_clamp, folded ? SIDEBAR_ALONE_WIDTH : SIDEBAR_WIDTH);
  gtk_widget_set_visible (self->back_bar, folded && !item);
  /* The title needs the room more than the icon of its kind does. */
  gtk_widget_set_visible (GTK_WIDGET (self->kind_icon), !folded);

  self->folded_idle = 0;

  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is being allocated; what follows from that
 * changes the view after the allocation, not in the middle of it (where
 * GTK would draw parts not allocated again). */
static void
sync_folded_cb (DebriefEvidencePage *self)
{
  if (self->folded_idle == 0)
    self->folded_idle = g_idle_add (sync_folded, self);
}

static void
details_toggled_cb (DebriefEvidencePage *self)
{
  adw_flap_set_reveal_flap (self->details_flap, gtk_toggle_button_get_active (self->details_button));
}

static gboolean
sync_details_button (gpointer user_data)
{
  DebriefEvidencePage *self = user_data;

  g_signal_handlers_block_by_func (self->details_button, details_toggled_cb, self);
  gtk_toggle_button_set_active (self->details_button, adw_flap_get_reveal_flap (self->details_flap));
  g_signal_handlers_unblock_by_func (self->details_button, details_toggled_cb, self);
  self->details_idle = 0;

  return G_SOURCE_REMOVE;
}

/* The details close as they fold over the viewer (or a click beside them
 * closes them there), and open again beside it: the button follows, after
 * the allocation in which the flap folds. */
static void
details_revealed_cb (DebriefEvidencePage *self)
{
  if (self->details_idle == 0)
    self->details_idle = g_idle_add (sync_details_button, self);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

/* An item chosen in the list is shown, also when it was selected already
 * (and the selection does not change) but the search results were shown
 * instead, or the list alone. */
static void
open_selected (DebriefEvidencePage *self)
{
  if (self->current != NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "item");
  _debrief_evidence_page_show_content (self);
}

static void
list_activate_cb (DebriefEvidencePage *self,
                  guint                position)
{
  open_selected (self);
}

static void
list_released_cb (GtkGestureClick     *gesture,
                  int                  n_press,
                  double               x,
                  double               y,
                  DebriefEvidencePage *self)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *picked = gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT);

  /* On a row, not on the empty space below them. */
  if (picked != NULL && picked != list)
    open_selected (self);
}

/* --- For debrief-evidence-page.c ------------------------------------- */

void
_debrief_evidence_page_class_init_narrow (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, sync_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_revealed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_install_action (widget_class, "evidence.show-list", NULL, show_list_action);
}

void
_debrief_evidence_page_init_narrow (DebriefEvidencePage *self)
{
  GtkGesture *click;
  GtkWidget *label;

  /* The label GtkEditableLabel shows asks for the whole title, which a
   * narrow window has no room for: it ends in an ellipsis instead. */
  label = find_label (GTK_WIDGET (self->title_label));
  if (label != NULL)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  click = gtk_gesture_click_new ();
  /* Before the row takes the click, and without taking it from the row. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "released", G_CALLBACK (list_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));

  sync_folded (self);
}

void
_debrief_evidence_page_dispose_narrow (DebriefEvidencePage *self)
{
  g_clear_handle_id (&self->folded_idle, g_source_remove);
  g_clear_handle_id (&self->details_idle, g_source_remove);
}
