/* debrief-scope-row.c
 *
 * A row of the Overview's scope list, bound both ways to its scope item:
 * what is typed or chosen is stored at once, and a change made elsewhere
 * (Undo) shows at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-scope-row"

#include "config.h"

#include "debrief-scope-row.h"

struct _DebriefScopeRow
{
  AdwEntryRow       parent_instance;

  GtkDropDown      *kind;
  GtkButton        *remove;

  DebriefScopeItem *scope_item;
  GBinding         *name_binding;
  GBinding         *kind_binding;
};

G_DEFINE_FINAL_TYPE (DebriefScopeRow, debrief_scope_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_SCOPE_ITEM,
  N_PROPS
};

enum {
  REMOVE,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static gboolean
kind_to_selected (GBinding     *binding,
                  const GValue *from_value,
                  GValue       *to_value,
                  gpointer      user_data)
{
  g_value_set_uint (to_value, g_value_get_enum (from_value) == DEBRIEF_SCOPE_KIND_COMPONENT ? 1 : 0);
  return TRUE;
}

static gboolean
selected_to_kind (GBinding     *binding,
                  const GValue *from_value,
                  GValue       *to_value,
                  gpointer      user_data)
{
  g_value_set_enum (to_value, g_value_get_uint (from_value) == 1 ? DEBRIEF_SCOPE_KIND_COMPONENT
                                                                  : DEBRIEF_SCOPE_KIND_SYSTEM);
  return TRUE;
}

static void
remove_clicked_cb (DebriefScopeRow *self)
{
  g_signal_emit (self, signals [REMOVE], 0);
}

GtkWidget *
debrief_scope_row_new (DebriefScopeItem *scope_item)
{
  g_return_val_if_fail (!scope_item || DEBRIEF_IS_SCOPE_ITEM (scope_item), NULL);

  return g_object_new (DEBRIEF_TYPE_SCOPE_ROW,
                       "scope-item", scope_item,
                       NULL);
}

DebriefScopeItem *
debrief_scope_row_get_scope_item (DebriefScopeRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_SCOPE_ROW (self), NULL);

  return self->scope_item;
}

static void
unbind (DebriefScopeRow *self)
{
  if (self->name_binding != NULL)
    g_binding_unbind (self->name_binding);
  if (self->kind_binding != NULL)
    g_binding_unbind (self->kind_binding);
  self->name_binding = NULL;
  self->kind_binding = NULL;
}

void
debrief_scope_row_set_scope_item (DebriefScopeRow  *self,
                                  DebriefScopeItem *scope_item)
{
  g_return_if_fail (DEBRIEF_IS_SCOPE_ROW (self));
  g_return_if_fail (!scope_item || DEBRIEF_IS_SCOPE_ITEM (scope_item));

  if (self->scope_item == scope_item)
    return;

  unbind (self);
  g_set_object (&self->scope_item, scope_item);

  /* The bindings are owned by the two objects; unbind() drops them
   * before the item changes. */
  if (scope_item != NULL)
    {
      self->name_binding = g_object_bind_property (scope_item, "name", self, "text",
                                                   G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      self->kind_binding = g_object_bind_property_full (scope_item, "kind", self->kind, "selected",
                                                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                                        kind_to_selected, selected_to_kind, NULL, NULL);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCOPE_ITEM]);
}

static void
debrief_scope_row_dispose (GObject *object)
{
  DebriefScopeRow *self = DEBRIEF_SCOPE_ROW (object);

  unbind (self);
  g_clear_object (&self->scope_item);

  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_SCOPE_ROW);

  G_OBJECT_CLASS (debrief_scope_row_parent_class)->dispose (object);
}

static void
debrief_scope_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DebriefScopeRow *self = DEBRIEF_SCOPE_ROW (object);

  switch (prop_id)
    {
    case PROP_SCOPE_ITEM:
      g_value_set_object (value, self->scope_item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_scope_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DebriefScopeRow *self = DEBRIEF_SCOPE_ROW (object);

  switch (prop_id)
    {
    case PROP_SCOPE_ITEM:
      debrief_scope_row_set_scope_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_scope_row_class_init (DebriefScopeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_scope_row_dispose;
  object_class->get_property = debrief_scope_row_get_property;
  object_class->set_property = debrief_scope_row_set_property;

  properties [PROP_SCOPE_ITEM] =
    g_param_spec_object ("scope-item", NULL, NULL,
                         DEBRIEF_TYPE_SCOPE_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DebriefScopeRow::remove:
   *
   * The user asked to remove the row's scope item; whoever shows the list
   * removes it.
   */
  signals [REMOVE] =
    g_signal_new ("remove",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/overview/debrief-scope-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefScopeRow, kind);
  gtk_widget_class_bind_template_child (widget_class, DebriefScopeRow, remove);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
debrief_scope_row_init (DebriefScopeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* One undo history for the whole document (Ctrl+Z is win.undo). */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self), FALSE);

  /* A read-only document leaves the kind and the Remove button alone too. */
  g_object_bind_property (self, "editable", self->kind, "sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "editable", self->remove, "sensitive", G_BINDING_SYNC_CREATE);
}
