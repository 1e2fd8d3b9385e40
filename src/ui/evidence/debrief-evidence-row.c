/* debrief-evidence-row.c
 *
 * A row of the Evidence view's list, kept up to date with its item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-evidence-row"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-evidence-row.h"

#include "debrief-evidence-store.h"
#include "debrief-evidence-kind.h"
#include "debrief-time.h"

struct _DebriefEvidenceRow
{
  GtkWidget        parent_instance;

  GtkImage        *icon;
  GtkLabel        *title;
  GtkLabel        *subtitle;
  GtkWidget       *off_clock_icon;

  DebriefEvidence *evidence;
  DebriefIncident *incident;
};

G_DEFINE_FINAL_TYPE (DebriefEvidenceRow, debrief_evidence_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EVIDENCE,
  PROP_INCIDENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

char *
debrief_evidence_format_range (DebriefEvidence *evidence,
                               GTimeZone       *zone)
{
  gint64 first;
  gint64 last;

  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  if (!debrief_evidence_is_on_incident_clock (evidence))
    return debrief_time_format_since_boot_range (debrief_evidence_get_raw_first_usec (evidence),
                                                 debrief_evidence_get_raw_last_usec (evidence));

  first = debrief_evidence_get_aligned_first_usec (evidence);
  last = debrief_evidence_get_aligned_last_usec (evidence);

  /* An e-mail is of one moment: its date and time, not a range of one. */
  if (first != G_MININT64 && first == last)
    return debrief_time_format (first, zone, DEBRIEF_TIME_STYLE_DATE_TIME);

  return debrief_time_format_range (first, last, zone);
}

/* The zone is asked for each time: the incident's may change. */
static void
update (DebriefEvidenceRow *self)
{
  DebriefEvidence *evidence = self->evidence;
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *size = NULL;
  g_autofree char *range = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  const char *title;
  gboolean on_clock;

  if (evidence == NULL)
    return;

  zone = debrief_incident_dup_time_zone (self->incident);
  size = g_format_size ((guint64) debrief_evidence_get_size (evidence));
  range = debrief_evidence_format_range (evidence, zone);
  text = range ? g_strdup_printf ("%s · %s", size, range) : g_strdup (size);
  title = debrief_evidence_get_title (evidence);
  on_clock = debrief_evidence_is_on_incident_clock (evidence);

  gtk_image_set_from_icon_name (self->icon, debrief_evidence_kind_get_icon_name (debrief_evidence_get_kind (evidence)));
  gtk_label_set_label (self->title, *title ? title : _("Untitled"));
  gtk_label_set_label (self->subtitle, text);
  gtk_widget_set_visible (self->off_clock_icon, !on_clock);
  /* The title is cut in the middle when the sidebar is narrow: the
   * tooltip has it whole, with what the row says below it. */
  tooltip = g_strdup_printf ("%s\n%s%s%s", *title ? title : _("Untitled"), text,
                             on_clock ? "" : "\n", on_clock ? "" : _("Not on the incident’s clock — align it to compare"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
}

GtkWidget *
debrief_evidence_row_new (void)
{
  return g_object_new (DEBRIEF_TYPE_EVIDENCE_ROW, NULL);
}

DebriefEvidence *
debrief_evidence_row_get_evidence (DebriefEvidenceRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE_ROW (self), NULL);

  return self->evidence;
}

void
debrief_evidence_row_set_evidence (DebriefEvidenceRow *self,
                                   DebriefEvidence    *evidence)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE_ROW (self));
  g_return_if_fail (!evidence || DEBRIEF_IS_EVIDENCE (evidence));

  if (self->evidence == evidence)
    return;

  if (self->evidence != NULL)
    g_signal_handlers_disconnect_by_func (self->evidence, update, self);
  g_set_object (&self->evidence, evidence);
  if (evidence != NULL)
    g_signal_connect_object (evidence, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EVIDENCE]);
}

DebriefIncident *
debrief_evidence_row_get_incident (DebriefEvidenceRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE_ROW (self), NULL);

  return self->incident;
}

void
debrief_evidence_row_set_incident (DebriefEvidenceRow *self,
                                   DebriefIncident    *incident)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE_ROW (self));
  g_return_if_fail (!incident || DEBRIEF_IS_INCIDENT (incident));

  if (g_set_object (&self->incident, incident))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INCIDENT]);
    }
}

static void
debrief_evidence_row_dispose (GObject *object)
{
  DebriefEvidenceRow *self = DEBRIEF_EVIDENCE_ROW (object);
  GtkWidget *child;

  debrief_evidence_row_set_evidence (self, NULL);
  g_clear_object (&self->incident);

  gtk_widget_dispose_template (GTK_WIDGET (object), DEBRIEF_TYPE_EVIDENCE_ROW);
  /* The template's top box has no name for the template to drop it by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (debrief_evidence_row_parent_class)->dispose (object);
}

static void
debrief_evidence_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DebriefEvidenceRow *self = DEBRIEF_EVIDENCE_ROW (object);

  switch (prop_id)
    {
    case PROP_EVIDENCE:
      g_value_set_object (value, self->evidence);
      break;

    case PROP_INCIDENT:
      g_value_set_object (value, self->incident);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_evidence_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DebriefEvidenceRow *self = DEBRIEF_EVIDENCE_ROW (object);

  switch (prop_id)
    {
    case PROP_EVIDENCE:
      debrief_evidence_row_set_evidence (self, g_value_get_object (value));
      break;

    case PROP_INCIDENT:
      debrief_evidence_row_set_incident (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_evidence_row_class_init (DebriefEvidenceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_evidence_row_dispose;
  object_class->get_property = debrief_evidence_row_get_property;
  object_class->set_property = debrief_evidence_row_set_property;

  properties [PROP_EVIDENCE] =
    g_param_spec_object ("evidence", NULL, NULL,
                         DEBRIEF_TYPE_EVIDENCE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_INCIDENT] =
    g_param_spec_object ("incident", NULL, NULL,
                         DEBRIEF_TYPE_INCIDENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/evidence/debrief-evidence-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidenceRow, icon);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidenceRow, title);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidenceRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidenceRow, off_clock_icon);
}

static void
debrief_evidence_row_init (DebriefEvidenceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
