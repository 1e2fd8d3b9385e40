/* debrief-date-time-row.c
 *
 * A row that shows a date and time in a given time zone, and sets it in a
 * popover: typed (ISO 8601 or the locale's way, see
 * debrief_time_parse_user()), or with a calendar and two spin buttons, all
 * reachable by keyboard. An empty row opens where its suggest function
 * says (near the incident's dates), not at today.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-date-time-row"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-time.h"
#include "debrief-validation.h"

#include "debrief-date-time-row.h"

struct _DebriefDateTimeRow
{
  AdwActionRow    parent_instance;

  GDateTime      *datetime;
  DebriefDateTimeRowSuggestFunc suggest_func;
  gpointer        suggest_data;
  GDestroyNotify  suggest_destroy;
  char           *time_zone;
  GPtrArray      *held_viewports;
  gboolean        syncing;

  GtkMenuButton  *button;
  GtkPopover     *popover;
  GtkEntry       *entry;
  GtkLabel       *message;
  GtkCalendar    *calendar;
  GtkSpinButton  *hour;
  GtkSpinButton  *minute;
};

G_DEFINE_FINAL_TYPE (DebriefDateTimeRow, debrief_date_time_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DATETIME,
  PROP_TIME_ZONE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The zone the time is shown and set in: the one named, when this
 * computer knows it, else the local one, as everywhere else. */
static GTimeZone *
dup_zone (DebriefDateTimeRow *self)
{
  return debrief_time_zone_new (self->time_zone);
}

static void
update_label (DebriefDateTimeRow *self)
{
  g_autoptr(GTimeZone) zone = dup_zone (self);
  g_autoptr(GDateTime) shown = NULL;
  g_autofree char *text = NULL;

  if (self->datetime == NULL)
    {
      gtk_menu_button_set_label (self->button, _("Not set"));
      return;
    }

  shown = g_date_time_to_timezone (self->datetime, zone);
  /* Translators: a date and time, see g_date_time_format(); %Z is the
   * time zone's abbreviation. */
  text = g_date_time_format (shown, _("%e %B %Y, %H:%M %Z"));
  gtk_menu_button_set_label (self->button, g_strstrip (text));
}

GDateTime *
debrief_date_time_row_get_datetime (DebriefDateTimeRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DATE_TIME_ROW (self), NULL);

  return self->datetime;
}

void
debrief_date_time_row_set_datetime (DebriefDateTimeRow *self,
                                    GDateTime          *datetime)
{
  g_return_if_fail (DEBRIEF_IS_DATE_TIME_ROW (self));

  if (self->datetime == datetime ||
      (self->datetime != NULL && datetime != NULL && g_date_time_equal (self->datetime, datetime) &&
       g_date_time_get_utc_offset (self->datetime) == g_date_time_get_utc_offset (datetime)))
    return;

  g_clear_pointer (&self->datetime, g_date_time_unref);
  self->datetime = datetime ? g_date_time_ref (datetime) : NULL;
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATETIME]);
}

const char *
debrief_date_time_row_get_time_zone (DebriefDateTimeRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DATE_TIME_ROW (self), NULL);

  return self->time_zone;
}

void
debrief_date_time_row_set_time_zone (DebriefDateTimeRow *self,
                                     const char         *time_zone)
{
  g_return_if_fail (DEBRIEF_IS_DATE_TIME_ROW (self));

  if (g_strcmp0 (self->time_zone, time_zone) == 0)
    return;

  g_free (self->time_zone);
  self->time_zone = g_strdup (time_zone);
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIME_ZONE]);
}

/**
 * debrief_date_time_row_set_suggest_func:
 * @self: a #DebriefDateTimeRow
 * @func: (nullable): gives where the picker opens while the row has no
 *   time, at the moment it opens; %NULL (or a %NULL time) opens it at today
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data
 *
 * So that a picker for last March does not open at today.
 */
void
debrief_date_time_row_set_suggest_func (DebriefDateTimeRow            *self,
                                        DebriefDateTimeRowSuggestFunc  func,
                                        gpointer                       user_data,
                                        GDestroyNotify                 destroy)
{
  g_return_if_fail (DEBRIEF_IS_DATE_TIME_ROW (self));

  if (self->suggest_destroy != NULL)
    self->suggest_destroy (self->suggest_data);
  self->suggest_func = func;
  self->suggest_data = user_data;
  self->suggest_destroy = destroy;
}

static void
show_message (DebriefDateTimeRow *self,
              const char         *text)
{
  gtk_label_set_text (self->message, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL);
  if (text != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
}

/* The calendar and the spin buttons show @shown; the typed text follows
 * them unless it is what they came from. */
static void
show_picked (DebriefDateTimeRow *self,
             GDateTime          *shown,
             gboolean            with_text)
{
  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  gtk_spin_button_set_value (self->hour, g_date_time_get_hour (shown));
  gtk_spin_button_set_value (self->minute, g_date_time_get_minute (shown));
  if (with_text)
    {
      g_autofree char *text = debrief_time_format (debrief_date_time_to_usec (shown),
                                                   g_date_time_get_timezone (shown),
                                                   DEBRIEF_TIME_STYLE_DATE_MINUTES);

      gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
    }
  self->syncing = FALSE;
}

/* What the calendar and the spin buttons say, in the row's zone. */
static GDateTime *
dup_picked (DebriefDateTimeRow *self)
{
  g_autoptr(GTimeZone) zone = dup_zone (self);
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);

  return g_date_time_new (zone,
                          g_date_time_get_year (day),
                          g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day),
                          gtk_spin_button_get_value_as_int (self->hour),
                          gtk_spin_button_get_value_as_int (self->minute),
                          0);
}

static void
debrief_date_time_row_picked_cb (DebriefDateTimeRow *self)
{
  g_autoptr(GDateTime) picked = NULL;
  g_autofree char *text = NULL;

  if (self->syncing)
    return;

  picked = dup_picked (self);
  text = debrief_time_format (debrief_date_time_to_usec (picked), g_date_time_get_timezone (picked),
                              DEBRIEF_TIME_STYLE_DATE_MINUTES);
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  self->syncing = FALSE;
  show_message (self, NULL);
}

/* What is typed moves the calendar as soon as it reads as a time; what
 * does not yet is left alone until Set. */
static void
debrief_date_time_row_entry_changed_cb (DebriefDateTimeRow *self)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) typed = NULL;
  g_autoptr(GDateTime) shown = NULL;

  if (self->syncing)
    return;

  zone = dup_zone (self);
  typed = debrief_time_parse_user (gtk_editable_get_text (GTK_EDITABLE (self->entry)), zone, NULL);
  if (typed == NULL)
    return;

  shown = g_date_time_to_timezone (typed, zone);
  show_picked (self, shown, FALSE);
  show_message (self, NULL);
}

/* Two digits, as clocks show them: 09:05, not 9:5. */
static gboolean
debrief_date_time_row_two_digits_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

/* A viewport scrolls to the focused widget, and a popover's widgets count
 * as inside the row's page: focusing the hour would scroll the page from
 * under the popover, and the next click would land outside it and close
 * it, losing the value. While the popover is open the page stays put. */
static void
hold_viewports (DebriefDateTimeRow *self)
{
  for (GtkWidget *w = gtk_widget_get_parent (GTK_WIDGET (self)); w != NULL; w = gtk_widget_get_parent (w))
    {
      if (GTK_IS_VIEWPORT (w) && gtk_viewport_get_scroll_to_focus (GTK_VIEWPORT (w)))
        {
          gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (w), FALSE);
          g_ptr_array_add (self->held_viewports, g_object_ref (w));
        }
    }
}

static void
release_viewports (DebriefDateTimeRow *self)
{
  for (guint i = 0; i < self->held_viewports->len; i++)
    gtk_viewport_set_scroll_to_focus (g_ptr_array_index (self->held_viewports, i), TRUE);
  g_ptr_array_set_size (self->held_viewports, 0);
}

static void
debrief_date_time_row_popover_show_cb (DebriefDateTimeRow *self)
{
  g_autoptr(GTimeZone) zone = dup_zone (self);
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(GDateTime) suggested = NULL;
  GDateTime *start = self->datetime;

  hold_viewports (self);

  if (start == NULL && self->suggest_func != NULL)
    start = suggested = self->suggest_func (self, self->suggest_data);
  shown = start ? g_date_time_to_timezone (start, zone) : g_date_time_new_now (zone);
  show_picked (self, shown, TRUE);
  show_message (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

static void
debrief_date_time_row_popover_closed_cb (DebriefDateTimeRow *self)
{
  release_viewports (self);
}

/* Sets what is typed, which the calendar and the spin buttons also write:
 * a mistake is said under it, and the text and the popover stay. */
static void
debrief_date_time_row_set_cb (DebriefDateTimeRow *self)
{
  g_autoptr(GTimeZone) zone = dup_zone (self);
  g_autoptr(GDateTime) typed = NULL;
  g_autoptr(GDateTime) chosen = NULL;
  g_autoptr(GError) error = NULL;

  /* A spin button still being typed in has not taken its value yet; once
   * it has, the text follows it. */
  gtk_spin_button_update (self->hour);
  gtk_spin_button_update (self->minute);

  typed = debrief_time_parse_user (gtk_editable_get_text (GTK_EDITABLE (self->entry)), zone, &error);
  if (typed == NULL)
    {
      show_message (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->entry));
      return;
    }

  chosen = g_date_time_to_timezone (typed, zone);
  gtk_popover_popdown (self->popover);
  debrief_date_time_row_set_datetime (self, chosen);
}

static void
debrief_date_time_row_clear_cb (DebriefDateTimeRow *self)
{
  gtk_popover_popdown (self->popover);
  debrief_date_time_row_set_datetime (self, NULL);
}

static void
debrief_date_time_row_dispose (GObject *object)
{
  DebriefDateTimeRow *self = DEBRIEF_DATE_TIME_ROW (object);

  if (self->held_viewports != NULL)
    release_viewports (self);
  debrief_date_time_row_set_suggest_func (self, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (object), DEBRIEF_TYPE_DATE_TIME_ROW);

  G_OBJECT_CLASS (debrief_date_time_row_parent_class)->dispose (object);
}

static void
debrief_date_time_row_finalize (GObject *object)
{
  DebriefDateTimeRow *self = DEBRIEF_DATE_TIME_ROW (object);

  g_clear_pointer (&self->datetime, g_date_time_unref);
  g_clear_pointer (&self->time_zone, g_free);
  g_clear_pointer (&self->held_viewports, g_ptr_array_unref);

  G_OBJECT_CLASS (debrief_date_time_row_parent_class)->finalize (object);
}

static void
debrief_date_time_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DebriefDateTimeRow *self = DEBRIEF_DATE_TIME_ROW (object);

  switch (prop_id)
    {
    case PROP_DATETIME:
      g_value_set_boxed (value, self->datetime);
      break;

    case PROP_TIME_ZONE:
      g_value_set_string (value, self->time_zone);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_date_time_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DebriefDateTimeRow *self = DEBRIEF_DATE_TIME_ROW (object);

  switch (prop_id)
    {
    case PROP_DATETIME:
      debrief_date_time_row_set_datetime (self, g_value_get_boxed (value));
      break;

    case PROP_TIME_ZONE:
      debrief_date_time_row_set_time_zone (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_date_time_row_class_init (DebriefDateTimeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_date_time_row_dispose;
  object_class->finalize = debrief_date_time_row_finalize;
  object_class->get_property = debrief_date_time_row_get_property;
  object_class->set_property = debrief_date_time_row_set_property;

  properties [PROP_DATETIME] =
    g_param_spec_boxed ("datetime", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TIME_ZONE] =
    g_param_spec_string ("time-zone", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/overview/debrief-date-time-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefDateTimeRow, button);
  gtk_widget_class_bind_template_child (widget_class, DebriefDateTimeRow, popover);
  gtk_widget_class_bind_template_child (widget_class, DebriefDateTimeRow, entry);
  gtk_widget_class_bind_template_child (widget_class, DebriefDateTimeRow, message);
  gtk_widget_class_bind_template_child (widget_class, DebriefDateTimeRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, DebriefDateTimeRow, hour);
  gtk_widget_class_bind_template_child (widget_class, DebriefDateTimeRow, minute);
  gtk_widget_class_bind_template_callback (widget_class, debrief_date_time_row_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, debrief_date_time_row_popover_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, debrief_date_time_row_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, debrief_date_time_row_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, debrief_date_time_row_two_digits_cb);
  gtk_widget_class_bind_template_callback (widget_class, debrief_date_time_row_set_cb);
  gtk_widget_class_bind_template_callback (widget_class, debrief_date_time_row_clear_cb);
}

static void
debrief_date_time_row_init (DebriefDateTimeRow *self)
{
  self->held_viewports = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  update_label (self);
}
