/* debrief-chat-view.c
 *
 * The messages of a chat export, as the Evidence view shows them: one row
 * per message with its time in the incident's time zone (moved by the
 * source's clock offset), the author in a colour of their own, the text,
 * whether it answers in a thread, and the channel when there are several.
 * A day divider opens each new day. Rows are selected to be cited.
 *
 * The list is a GtkListView, so only the rows on screen exist: an export
 * of a hundred thousand messages opens as fast as one of ten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-chat-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>


#include "debrief-chat-view.h"
#include "debrief-time.h"

/* A row shows this much of a message; a pasted log of 256 KiB would make
 * one row taller than any screen and slow to lay out. Copying and citing
 * still take the whole text. */
#define MAX_SHOWN_CHARS 1500
#define MAX_SHOWN_LINES 20

/* Replies are indented by this much under the message that starts the thread. */
#define REPLY_INDENT 20

struct _DebriefChatView
{
  GtkWidget               parent_instance;

  DebriefChatContent     *messages;
  GtkMultiSelection      *selection;
  GHashTable             *bound_items;  /* the GtkListItems shown now */
  GTimeZone              *zone;
  gint64                  clock_offset;

  GtkStack               *stack;
  AdwStatusPage          *empty_page;
  GtkScrolledWindow      *scroller;
  GtkListView            *list_view;
};

static void debrief_chat_view_viewer_init (DebriefEvidenceViewerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DebriefChatView, debrief_chat_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DEBRIEF_TYPE_EVIDENCE_VIEWER,
                                                      debrief_chat_view_viewer_init))

enum {
  PROP_0,
  PROP_CLOCK_OFFSET,
  PROP_N_MESSAGES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Classes from style.css, one colour each, readable on light and dark. */
static const char * const author_classes[] = {
  "debrief-author-0",
  "debrief-author-1",
  "debrief-author-2",
  "debrief-author-3",
  "debrief-author-4",
  "debrief-author-5",
};

typedef struct
{
  GtkWidget *day_box;
  GtkWidget *day_label;
  GtkWidget *body;
  GtkWidget *time_label;
  GtkWidget *author_label;
  GtkWidget *channel_label;
  GtkWidget *thread_label;
  GtkWidget *text_label;
  GtkWidget *shortened_label;
  guint      author_class;
} Row;

static GQuark
row_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("debrief-chat-view-row");

  return quark;
}

static gint64
datetime_to_usec (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

/* The time a message was sent, on the incident's clock and in its zone. */
static GDateTime *
dup_shown_time (DebriefChatView          *self,
                const DebriefChatMessage *message)
{
  g_autoptr(GDateTime) aligned = NULL;

  if (message->time == NULL)
    return NULL;

  aligned = g_date_time_add (message->time, self->clock_offset);
  if (aligned == NULL)
    return NULL;

  return g_date_time_to_timezone (aligned, self->zone);
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/* The text as a row shows it: cut after MAX_SHOWN_CHARS characters or
 * MAX_SHOWN_LINES lines. NULL when nothing needs to be cut. */
static char *
shorten_text (const char *text,
              glong      *n_hidden)
{
  const char *p = text;
  guint n_chars = 0;
  guint n_lines = 1;

  *n_hidden = 0;

  while (*p != '\0')
    {
      if (n_chars == MAX_SHOWN_CHARS)
        break;
      if (*p == '\n' && ++n_lines > MAX_SHOWN_LINES)
        break;
      p = g_utf8_next_char (p);
      n_chars++;
    }

  if (*p == '\0')
    return NULL;

  *n_hidden = g_utf8_strlen (p, -1);

  return g_strdup_printf ("%.*s…", (int) (p - text), text);
}

static GtkWidget *
new_label (const char *first_class,
           ...)
{
  GtkWidget *label = gtk_label_new (NULL);
  va_list args;

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);

  va_start (args, first_class);
  for (const char *name = first_class; name != NULL; name = va_arg (args, const char *))
    gtk_widget_add_css_class (label, name);
  va_end (args);

  return label;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              DebriefChatView          *self)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *root = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *separator;
  PangoAttrList *bold = pango_attr_list_new ();

  row->author_class = G_MAXUINT;

  /* The day divider: "——— Saturday, 14 March 2026 ———". */
  row->day_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (row->day_box, 12);
  gtk_widget_set_margin_bottom (row->day_box, 6);
  gtk_widget_set_margin_start (row->day_box, 12);
  gtk_widget_set_margin_end (row->day_box, 12);
  separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_hexpand (separator, TRUE);
  gtk_widget_set_valign (separator, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row->day_box), separator);
  row->day_label = new_label ("caption-heading", "dim-label", NULL);
  gtk_box_append (GTK_BOX (row->day_box), row->day_label);
  separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_hexpand (separator, TRUE);
  gtk_widget_set_valign (separator, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row->day_box), separator);
  gtk_box_append (GTK_BOX (root), row->day_box);

  gtk_widget_set_margin_top (content, 6);
  gtk_widget_set_margin_bottom (content, 6);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (root), content);

  row->time_label = new_label ("numeric", "dim-label", NULL);
  gtk_widget_set_valign (row->time_label, GTK_ALIGN_START);
  gtk_label_set_width_chars (GTK_LABEL (row->time_label), 8);
  gtk_box_append (GTK_BOX (content), row->time_label);

  row->body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (row->body, TRUE);
  gtk_box_append (GTK_BOX (content), row->body);

  gtk_box_append (GTK_BOX (row->body), header);

  pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  row->author_label = new_label (NULL);
  gtk_label_set_attributes (GTK_LABEL (row->author_label), bold);
  gtk_label_set_ellipsize (GTK_LABEL (row->author_label), PANGO_ELLIPSIZE_END);
  pango_attr_list_unref (bold);
  gtk_box_append (GTK_BOX (header), row->author_label);

  row->channel_label = new_label ("caption", "dim-label", NULL);
  gtk_label_set_ellipsize (GTK_LABEL (row->channel_label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (header), row->channel_label);

  row->thread_label = new_label ("caption", "dim-label", NULL);
  gtk_widget_set_tooltip_text (row->thread_label, _("A reply in a thread"));
  gtk_box_append (GTK_BOX (header), row->thread_label);

  row->text_label = new_label (NULL);
  gtk_label_set_wrap (GTK_LABEL (row->text_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (row->text_label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (row->body), row->text_label);

  row->shortened_label = new_label ("caption", "dim-label", NULL);
  gtk_box_append (GTK_BOX (row->body), row->shortened_label);

  g_object_set_qdata_full (G_OBJECT (root), row_quark (), row, g_free);
  gtk_list_item_set_child (list_item, root);
}

static void
bind_row (DebriefChatView *self,
          GtkListItem     *list_item)
{
  GtkWidget *root = gtk_list_item_get_child (list_item);
  Row *row = g_object_get_qdata (G_OBJECT (root), row_quark ());
  guint position = debrief_chat_content_item_get_position (gtk_list_item_get_item (list_item));
  const DebriefChatMessage *message = debrief_chat_content_get_message (self->messages, position);
  const DebriefChatMessage *previous = NULL;
  g_autoptr(GDateTime) shown = dup_shown_time (self, message);
  g_autoptr(GDateTime) previous_shown = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  g_autofree char *shortened = NULL;
  gboolean reply = debrief_chat_content_is_reply (self->messages, position);
  guint n_replies = 0;
  glong n_hidden;
  guint author_class;

  if (position > 0)
    {
      previous = debrief_chat_content_get_message (self->messages, position - 1);
      previous_shown = dup_shown_time (self, previous);
    }

  /* A divider opens each day, and the messages that have no time, which
   * the import puts last. */
  if (shown != NULL && (previous_shown == NULL || !same_day (shown, previous_shown)))
    /* Translators: the day above a chat's messages, see g_date_time_format() */
    day = g_date_time_format (shown, _("%A, %-d %B %Y"));
  else if (shown == NULL && (previous == NULL || previous_shown != NULL))
    day = g_strdup (_("Time not given"));

  gtk_widget_set_visible (row->day_box, day != NULL);
  if (day != NULL)
    gtk_label_set_text (GTK_LABEL (row->day_label), g_strstrip (day));

  if (shown != NULL)
    {
      time = debrief_time_format (debrief_date_time_to_usec (shown), self->zone, DEBRIEF_TIME_STYLE_TIME);
      gtk_label_set_text (GTK_LABEL (row->time_label), time);
      gtk_widget_set_tooltip_text (row->time_label, NULL);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (row->time_label), "--:--:--");
      gtk_widget_set_tooltip_text (row->time_label, _("The export does not say when this was sent"));
    }

  gtk_label_set_text (GTK_LABEL (row->author_label), message->author);
  author_class = g_str_hash (message->author) % G_N_ELEMENTS (author_classes);
  if (author_class != row->author_class)
    {
      if (row->author_class < G_N_ELEMENTS (author_classes))
        gtk_widget_remove_css_class (row->author_label, author_classes[row->author_class]);
      gtk_widget_add_css_class (row->author_label, author_classes[author_class]);
      row->author_class = author_class;
    }

  if (debrief_chat_content_get_several_channels (self->messages) && message->channel != NULL)
    {
      g_autofree char *channel = g_strdup_printf ("#%s", message->channel);

      gtk_label_set_text (GTK_LABEL (row->channel_label), channel);
      gtk_widget_set_visible (row->channel_label, TRUE);
    }
  else
    gtk_widget_set_visible (row->channel_label, FALSE);

  if (!reply && message->thread_id != NULL)
    n_replies = debrief_chat_content_get_n_replies (self->messages, message->thread_id);

  /* Replies hang from a rail (style.css) under the message they answer. */
  gtk_widget_set_margin_start (row->body, reply ? REPLY_INDENT : 0);
  if (reply)
    gtk_widget_add_css_class (row->body, "debrief-chat-reply");
  else
    gtk_widget_remove_css_class (row->body, "debrief-chat-reply");
  gtk_widget_set_has_tooltip (row->thread_label, reply);
  if (reply)
    {
      gtk_label_set_text (GTK_LABEL (row->thread_label), _("↳ in thread"));
      gtk_widget_set_visible (row->thread_label, TRUE);
    }
  else if (n_replies > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reply", "%u replies", n_replies),
                                               n_replies);

      gtk_label_set_text (GTK_LABEL (row->thread_label), text);
      gtk_widget_set_visible (row->thread_label, TRUE);
    }
  else
    gtk_widget_set_visible (row->thread_label, FALSE);

  shortened = shorten_text (message->text, &n_hidden);
  gtk_label_set_text (GTK_LABEL (row->text_label), shortened != NULL ? shortened : message->text);
  gtk_widget_set_visible (row->text_label, *message->text != '\0');
  gtk_widget_set_visible (row->shortened_label, shortened != NULL);
  if (shortened != NULL)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Shortened here: %ld more character",
                                                            "Shortened here: %ld more characters",
                                                            (gulong) n_hidden),
                                               n_hidden);

      gtk_label_set_text (GTK_LABEL (row->shortened_label), text);
    }
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             DebriefChatView          *self)
{
  g_hash_table_add (self->bound_items, list_item);
  bind_row (self, list_item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               DebriefChatView          *self)
{
  g_hash_table_remove (self->bound_items, list_item);
}

static void
rebind_rows (DebriefChatView *self)
{
  GHashTableIter iter;
  gpointer list_item;

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    bind_row (self, list_item);
}

static void
selection_changed_cb (DebriefChatView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.copy",
                                 debrief_chat_view_get_selected_range (self, NULL, NULL));
  debrief_evidence_viewer_selection_changed (DEBRIEF_EVIDENCE_VIEWER (self));
}

static void
debrief_chat_view_copy (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DebriefChatView *self = DEBRIEF_CHAT_VIEW (widget);
  g_autofree char *text = debrief_chat_view_dup_selected_text (self);

  if (text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
debrief_chat_view_dispose (GObject *object)
{
  DebriefChatView *self = DEBRIEF_CHAT_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_CHAT_VIEW);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->messages);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (debrief_chat_view_parent_class)->dispose (object);
}

static void
debrief_chat_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DebriefChatView *self = DEBRIEF_CHAT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLOCK_OFFSET:
      g_value_set_int64 (value, self->clock_offset);
      break;

    case PROP_N_MESSAGES:
      g_value_set_uint (value, debrief_chat_view_get_n_messages (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_chat_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DebriefChatView *self = DEBRIEF_CHAT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLOCK_OFFSET:
      debrief_chat_view_set_clock_offset (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_chat_view_class_init (DebriefChatViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_chat_view_dispose;
  object_class->get_property = debrief_chat_view_get_property;
  object_class->set_property = debrief_chat_view_set_property;

  /**
   * DebriefChatView:clock-offset:
   *
   * Microseconds added to every message's time: how far the chat
   * server's clock was behind the incident's reference clock.
   */
  properties [PROP_CLOCK_OFFSET] =
    g_param_spec_int64 ("clock-offset", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_MESSAGES] =
    g_param_spec_uint ("n-messages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/evidence/debrief-chat-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "debrief-chat-view");
  gtk_widget_class_bind_template_child (widget_class, DebriefChatView, stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefChatView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DebriefChatView, scroller);
  gtk_widget_class_bind_template_child (widget_class, DebriefChatView, list_view);

  gtk_widget_class_install_action (widget_class, "chat.copy", NULL, debrief_chat_view_copy);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "chat.copy", NULL);
}

static void
debrief_chat_view_init (DebriefChatView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->zone = g_time_zone_new_local ();
  self->bound_items = g_hash_table_new (NULL, NULL);
  self->messages = debrief_chat_content_new (NULL);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->messages)));
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (selection_changed_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.copy", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
debrief_chat_view_new (void)
{
  return g_object_new (DEBRIEF_TYPE_CHAT_VIEW, NULL);
}

/**
 * debrief_chat_view_set_content:
 * @content: (nullable): the messages to show
 *
 * Shows the messages from the top, none selected.
 */
void
debrief_chat_view_set_content (DebriefChatView    *self,
                               DebriefChatContent *content)
{
  g_autoptr(DebriefChatContent) old_messages = NULL;
  guint n_messages;

  g_return_if_fail (DEBRIEF_IS_CHAT_VIEW (self));
  g_return_if_fail (!content || DEBRIEF_IS_CHAT_CONTENT (content));

  /* The rows shown now read the old messages until they are unbound. */
  old_messages = g_steal_pointer (&self->messages);
  self->messages = content != NULL ? g_object_ref (content) : debrief_chat_content_new (NULL);

  n_messages = g_list_model_get_n_items (G_LIST_MODEL (self->messages));
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->messages));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);
  gtk_stack_set_visible_child_name (self->stack, n_messages > 0 ? "messages" : "empty");

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_MESSAGES]);
  selection_changed_cb (self);
}

DebriefChatContent *
debrief_chat_view_get_content (DebriefChatView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_CHAT_VIEW (self), NULL);

  return self->messages;
}

guint
debrief_chat_view_get_n_messages (DebriefChatView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_CHAT_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->messages));
}

void
debrief_chat_view_set_clock_offset (DebriefChatView *self,
                                    gint64           offset_usec)
{
  g_return_if_fail (DEBRIEF_IS_CHAT_VIEW (self));

  if (self->clock_offset == offset_usec)
    return;

  self->clock_offset = offset_usec;
  rebind_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLOCK_OFFSET]);
}

gint64
debrief_chat_view_get_clock_offset (DebriefChatView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_CHAT_VIEW (self), 0);

  return self->clock_offset;
}

/**
 * debrief_chat_view_set_time_zone:
 * @zone: (nullable): the zone times are shown in; %NULL for this
 *   computer's
 */
void
debrief_chat_view_set_time_zone (DebriefChatView *self,
                                 GTimeZone       *zone)
{
  g_return_if_fail (DEBRIEF_IS_CHAT_VIEW (self));

  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = zone != NULL ? g_time_zone_ref (zone) : g_time_zone_new_local ();
  rebind_rows (self);
}

/**
 * debrief_chat_view_get_selected_range:
 * @first: (out) (optional): the index of the first selected message
 * @last: (out) (optional): the index of the last selected message
 *
 * Returns: whether any message is selected
 */
gboolean
debrief_chat_view_get_selected_range (DebriefChatView *self,
                                      guint           *first,
                                      guint           *last)
{
  g_autoptr(GtkBitset) selected = NULL;

  g_return_val_if_fail (DEBRIEF_IS_CHAT_VIEW (self), FALSE);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_is_empty (selected))
    return FALSE;

  if (first != NULL)
    *first = gtk_bitset_get_minimum (selected);
  if (last != NULL)
    *last = gtk_bitset_get_maximum (selected);

  return TRUE;
}

/**
 * debrief_chat_view_dup_selected_text:
 *
 * Returns: (transfer full) (nullable): the selected messages, one
 *   "author: text" per message, or %NULL when none is selected
 */
char *
debrief_chat_view_dup_selected_text (DebriefChatView *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GString) text = NULL;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (DEBRIEF_IS_CHAT_VIEW (self), NULL);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (!gtk_bitset_iter_init_first (&iter, selected, &position))
    return NULL;

  text = g_string_new (NULL);
  do
    {
      const DebriefChatMessage *message = debrief_chat_content_get_message (self->messages, position);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s: %s", message->author, message->text);
    }
  while (gtk_bitset_iter_next (&iter, &position));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * debrief_chat_view_get_selected_usec:
 *
 * Returns: the time of the first selected message on the incident's
 *   clock (the clock offset added), in microseconds since 1970, or
 *   %G_MININT64 when nothing is selected or the message has no time
 */
gint64
debrief_chat_view_get_selected_usec (DebriefChatView *self)
{
  const DebriefChatMessage *message;
  guint first;

  g_return_val_if_fail (DEBRIEF_IS_CHAT_VIEW (self), G_MININT64);

  if (!debrief_chat_view_get_selected_range (self, &first, NULL))
    return G_MININT64;

  message = debrief_chat_content_get_message (self->messages, first);
  if (message->time == NULL)
    return G_MININT64;

  return datetime_to_usec (message->time) + self->clock_offset;
}

/**
 * debrief_chat_view_select_range:
 * @first: the index of the first message to select
 * @last: the index of the last one, which may be past the end
 *
 * Selects the messages from @first to @last, and only them, and scrolls
 * to the first.
 */
void
debrief_chat_view_select_range (DebriefChatView *self,
                                guint            first,
                                guint            last)
{
  guint n_messages;

  g_return_if_fail (DEBRIEF_IS_CHAT_VIEW (self));
  g_return_if_fail (first <= last);

  n_messages = debrief_chat_view_get_n_messages (self);
  if (first >= n_messages)
    return;
  last = MIN (last, n_messages - 1);

  gtk_selection_model_select_range (GTK_SELECTION_MODEL (self->selection),
                                    first, last - first + 1, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", first);
}

/* As an evidence viewer: the selected messages, with the first one's time. */

static gboolean
debrief_chat_view_get_citation (DebriefEvidenceViewer *viewer,
                                DebriefCitation       *citation)
{
  DebriefChatView *self = DEBRIEF_CHAT_VIEW (viewer);
  guint first, last;

  if (!debrief_chat_view_get_selected_range (self, &first, &last))
    return FALSE;
  citation->first = first;
  citation->last = last;
  citation->usec = debrief_chat_view_get_selected_usec (self);
  citation->text = debrief_chat_view_dup_selected_text (self);
  return TRUE;
}

static void
debrief_chat_view_select_place (DebriefEvidenceViewer *viewer,
                                gint64                 first,
                                gint64                 last)
{
  debrief_chat_view_select_range (DEBRIEF_CHAT_VIEW (viewer), (guint) first, (guint) MAX (first, last));
}

static void
debrief_chat_view_viewer_set_time_zone (DebriefEvidenceViewer *viewer,
                                        GTimeZone             *zone)
{
  debrief_chat_view_set_time_zone (DEBRIEF_CHAT_VIEW (viewer), zone);
}

static void
debrief_chat_view_viewer_set_clock_offset (DebriefEvidenceViewer *viewer,
                                           gint64                 offset_usec)
{
  debrief_chat_view_set_clock_offset (DEBRIEF_CHAT_VIEW (viewer), offset_usec);
}

/* A chat message is cited by its author and time, as people refer to
 * one: "Alice, 14 Mar 09:31 CET". */
static char *
debrief_chat_view_dup_place_label (DebriefEvidenceViewer *viewer,
                                   gint64                 first,
                                   gint64                 last)
{
  DebriefChatView *self = DEBRIEF_CHAT_VIEW (viewer);
  const DebriefChatMessage *message;
  g_autoptr(GDateTime) shown = NULL;
  g_autofree char *when = NULL;
  g_autofree char *who = NULL;
  guint n_more;

  if (self->messages == NULL || first >= (gint64) debrief_chat_view_get_n_messages (self))
    return NULL;

  message = debrief_chat_content_get_message (self->messages, (guint) first);
  who = g_strdup (message->author != NULL && *message->author != '\0' ? message->author : _("Unknown author"));
  if ((shown = dup_shown_time (self, message)) != NULL)
    {
      /* Translators: the time of a cited chat message, see
       * g_date_time_format(); %Z is the time zone's abbreviation. */
      g_autofree char *text = g_date_time_format (shown, _("%e %b %H:%M %Z"));

      when = g_strdup (g_strstrip (text));
    }

  n_more = last > first ? (guint) MIN (last - first, G_MAXUINT) : 0;
  if (when != NULL && n_more > 0)
    /* Translators: a cited chat message and the ones after it: author,
     * time and how many more. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s, and %u more message",
                                         "%s, %s, and %u more messages", n_more),
                            who, when, n_more);
  if (when != NULL)
    /* Translators: a cited chat message: its author, then its time. */
    return g_strdup_printf (_("%s, %s"), who, when);
  if (n_more > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, and %u more message",
                                         "%s, and %u more messages", n_more),
                            who, n_more);
  return g_steal_pointer (&who);
}

static void
debrief_chat_view_viewer_init (DebriefEvidenceViewerInterface *iface)
{
  iface->dup_place_label = debrief_chat_view_dup_place_label;
  iface->get_citation = debrief_chat_view_get_citation;
  iface->select_place = debrief_chat_view_select_place;
  iface->set_time_zone = debrief_chat_view_viewer_set_time_zone;
  iface->set_clock_offset = debrief_chat_view_viewer_set_clock_offset;
}
