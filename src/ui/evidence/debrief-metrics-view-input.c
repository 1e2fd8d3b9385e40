/* debrief-metrics-view-input.c
 *
 * The metrics chart under the pointer and the keyboard: hovering shows a
 * readout, a click or the arrow keys select a row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-metrics-view"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "debrief-phase-marker.h"
#include "debrief-metrics-view.h"
#include "debrief-metrics-view-private.h"

int
_debrief_metrics_view_row_at_x (DebriefMetricsView *self,
                                double              x)
{
  DebriefMetricsLayout layout;
  double fraction;

  if (_debrief_metrics_view_n_rows (self) == 0)
    return -1;

  _debrief_metrics_view_compute_layout (self, &layout, NULL);
  if (x < layout.x - 8 || x > layout.x + layout.w + 8)
    return -1;

  fraction = CLAMP ((x - layout.x) / layout.w, 0, 1);

  return _debrief_metrics_view_nearest_row (self, layout.t0 + (gint64) (fraction * (layout.t1 - layout.t0)));
}

static void
move_selection (DebriefMetricsView *self,
                int                 delta)
{
  int n = _debrief_metrics_view_n_rows (self);
  int k;

  if (n == 0)
    return;

  if (self->selected_row < 0)
    k = delta > 0 ? 0 : n - 1;
  else
    k = CLAMP ((int) self->rank[self->selected_row] + delta, 0, n - 1);

  _debrief_metrics_view_set_selected_row (self, self->order[k]);
}

void
_debrief_metrics_view_motion_cb (DebriefMetricsView *self,
                                 double              x,
                                 double              y)
{
  _debrief_metrics_view_hover_at (self, x);
}

void
_debrief_metrics_view_leave_cb (DebriefMetricsView *self)
{
  _debrief_metrics_view_hover_at (self, -1);
}

void
_debrief_metrics_view_pressed_cb (DebriefMetricsView *self,
                                  int                 n_press,
                                  double              x,
                                  double              y)
{
  int row = _debrief_metrics_view_row_at_x (self, x);

  gtk_widget_grab_focus (self->chart);
  if (row >= 0)
    _debrief_metrics_view_set_selected_row (self, row);
}

gboolean
_debrief_metrics_view_key_pressed_cb (DebriefMetricsView *self,
                                      guint               keyval,
                                      guint               keycode,
                                      GdkModifierType     state)
{
  int n = _debrief_metrics_view_n_rows (self);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || n == 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_selection (self, -1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_selection (self, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move_selection (self, -MAX (1, n / 10));
      return GDK_EVENT_STOP;

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move_selection (self, MAX (1, n / 10));
      return GDK_EVENT_STOP;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      _debrief_metrics_view_set_selected_row (self, self->order[0]);
      return GDK_EVENT_STOP;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      _debrief_metrics_view_set_selected_row (self, self->order[n - 1]);
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      if (self->selected_row < 0)
        return GDK_EVENT_PROPAGATE;
      _debrief_metrics_view_set_selected_row (self, -1);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

void
_debrief_metrics_view_focus_changed_cb (DebriefMetricsView *self)
{
  gtk_widget_queue_draw (self->chart);
}
