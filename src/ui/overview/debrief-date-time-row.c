/* debrief-date-time-row.c
 *
 * A row that shows a date and time in a given time zone, and sets it with
 * a calendar and two spin buttons in a popover, all reachable by keyboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-date-time-row"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-date-time-row.h"

struct _DebriefDateTimeRow
{
  AdwActionRow    parent_instance;

  GDateTime      *datetime;
  char           *time_zone;

  GtkMenuButton  *button;
  GtkPopover     *popover;
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
 * computer knows it, else the local one. */
static GTimeZone *
dup_zone (DebriefDateTimeRow *self)
{
  GTimeZone *zone = NULL;

  if (self->time_zone != NULL && *self->time_zone != '\0')
    zone = g_time_zone_new_identifier (self->time_zone);

  return zone ? zone : g_time_zone_new_local ();
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

static void
debrief_date_time_row_popover_show_cb (DebriefDateTimeRow *self)
{
  g_autoptr(GTimeZone) zone = dup_zone (self);
  g_autoptr(GDateTime) shown = NULL;

  shown = self->datetime ? g_date_time_to_timezone (self->datetime, zone)
                         : g_date_time_new_now (zone);

  gtk_calendar_select_day (self->calendar, shown);
  gtk_spin_button_set_value (self->hour, g_date_time_get_hour (shown));
  gtk_spin_button_set_value (self->minute, g_date_time_get_minute (shown));
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

static void
debrief_date_time_row_set_cb (DebriefDateTimeRow *self)
{
  g_autoptr(GTimeZone) zone = dup_zone (self);
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) chosen = NULL;

  chosen = g_date_time_new (zone,
                            g_date_time_get_year (day),
                            g_date_time_get_month (day),
                            g_date_time_get_day_of_month (day),
                            gtk_spin_button_get_value_as_int (self->hour),
                            gtk_spin_button_get_value_as_int (self->minute),
                            0);
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
  gtk_widget_dispose_template (GTK_WIDGET (object), DEBRIEF_TYPE_DATE_TIME_ROW);

  G_OBJECT_CLASS (debrief_date_time_row_parent_class)->dispose (object);
}

static void
debrief_date_time_row_finalize (GObject *object)
{
  DebriefDateTimeRow *self = DEBRIEF_DATE_TIME_ROW (object);

  g_clear_pointer (&self->datetime, g_date_time_unref);
  g_clear_pointer (&self->time_zone, g_free);

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
  gtk_widget_class_bind_template_child (widget_class, DebriefDateTimeRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, DebriefDateTimeRow, hour);
  gtk_widget_class_bind_template_child (widget_class, DebriefDateTimeRow, minute);
  gtk_widget_class_bind_template_callback (widget_class, debrief_date_time_row_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, debrief_date_time_row_set_cb);
  gtk_widget_class_bind_template_callback (widget_class, debrief_date_time_row_clear_cb);
}

static void
debrief_date_time_row_init (DebriefDateTimeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_label (self);
}
