/* debrief-overview-page.c
 *
 * The Overview view: the incident's front page. Every field is bound to
 * the incident, so each change is stored in the document as it is made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/debrief-document.h"

#include "debrief-overview-page.h"

struct _DebriefOverviewPage
{
  GtkWidget        parent_instance;

  DebriefDocument *document;
  GPtrArray       *bindings;

  AdwEntryRow        *title_row;
  AdwEntryRow        *reference_row;
  AdwEntryRow        *severity_row;
  AdwComboRow        *status_row;
  AdwEntryRow        *facilitator_row;
  GtkTextView        *summary_view;
};

G_DEFINE_FINAL_TYPE (DebriefOverviewPage, debrief_overview_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

DebriefDocument *
debrief_overview_page_get_document (DebriefOverviewPage *self)
{
  g_return_val_if_fail (DEBRIEF_IS_OVERVIEW_PAGE (self), NULL);

  return self->document;
}

static gboolean
invert_boolean (GBinding     *binding,
                const GValue *from_value,
                GValue       *to_value,
                gpointer      user_data)
{
  g_value_set_boolean (to_value, !g_value_get_boolean (from_value));
  return TRUE;
}

static void
bind (DebriefOverviewPage *self,
      gpointer             source,
      const char          *source_property,
      gpointer             target,
      const char          *target_property)
{
  GBinding *binding = g_object_bind_property (source, source_property,
                                              target, target_property,
                                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

static gboolean
status_to_selected (GBinding     *binding,
                    const GValue *from_value,
                    GValue       *to_value,
                    gpointer      user_data)
{
  g_value_set_uint (to_value, (guint) g_value_get_enum (from_value));
  return TRUE;
}

static gboolean
selected_to_status (GBinding     *binding,
                    const GValue *from_value,
                    GValue       *to_value,
                    gpointer      user_data)
{
  guint selected = g_value_get_uint (from_value);

  if (selected > DEBRIEF_INCIDENT_STATUS_CLOSED)
    return FALSE;

  g_value_set_enum (to_value, (int) selected);
  return TRUE;
}

static void
bind_status (DebriefOverviewPage *self,
             DebriefIncident     *incident)
{
  GBinding *binding = g_object_bind_property_full (incident, "status",
                                                   self->status_row, "selected",
                                                   G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                                   status_to_selected, selected_to_status,
                                                   NULL, NULL);

  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

static void
bind_editable (DebriefOverviewPage *self,
               gpointer             target,
               const char          *target_property)
{
  GBinding *binding = g_object_bind_property_full (self->document, "read-only",
                                                   target, target_property,
                                                   G_BINDING_SYNC_CREATE,
                                                   invert_boolean, NULL, NULL, NULL);

  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

static void
unbind_all (DebriefOverviewPage *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);
}

void
debrief_overview_page_set_document (DebriefOverviewPage *self,
                                    DebriefDocument     *document)
{
  DebriefIncident *incident;
  AdwEntryRow *rows[4];

  g_return_if_fail (DEBRIEF_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (!document || DEBRIEF_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  unbind_all (self);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      incident = debrief_document_get_incident (document);
      rows[0] = self->title_row;
      rows[1] = self->reference_row;
      rows[2] = self->severity_row;
      rows[3] = self->facilitator_row;

      bind (self, incident, "title", self->title_row, "text");
      bind (self, incident, "reference", self->reference_row, "text");
      bind (self, incident, "severity", self->severity_row, "text");
      bind (self, incident, "facilitator", self->facilitator_row, "text");
      bind_status (self, incident);
      bind (self, incident, "summary", gtk_text_view_get_buffer (self->summary_view), "text");

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        bind_editable (self, rows[i], "editable");
      bind_editable (self, self->status_row, "sensitive");
      bind_editable (self, self->summary_view, "editable");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}

static void
debrief_overview_page_dispose (GObject *object)
{
  DebriefOverviewPage *self = DEBRIEF_OVERVIEW_PAGE (object);

  if (self->bindings != NULL)
    unbind_all (self);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_OVERVIEW_PAGE);

  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (debrief_overview_page_parent_class)->dispose (object);
}

static void
debrief_overview_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DebriefOverviewPage *self = DEBRIEF_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_overview_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DebriefOverviewPage *self = DEBRIEF_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      debrief_overview_page_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_overview_page_class_init (DebriefOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_overview_page_dispose;
  object_class->get_property = debrief_overview_page_get_property;
  object_class->set_property = debrief_overview_page_set_property;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         DEBRIEF_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/overview/debrief-overview-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, reference_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, severity_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefOverviewPage, summary_view);
}

static void
debrief_overview_page_init (DebriefOverviewPage *self)
{
  AdwEntryRow *rows[] = { NULL, NULL, NULL, NULL };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);

  /* One undo history for the whole document (Ctrl+Z is win.undo), not one
   * per text field. */
  rows[0] = self->title_row;
  rows[1] = self->reference_row;
  rows[2] = self->severity_row;
  rows[3] = self->facilitator_row;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_editable_set_enable_undo (GTK_EDITABLE (rows[i]), FALSE);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->summary_view), FALSE);
}
