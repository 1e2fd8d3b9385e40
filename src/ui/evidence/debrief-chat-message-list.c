/* debrief-chat-message-list.c
 *
 * The messages of a chat import as a list model, for the chat view.
 *
 * An export can hold hundreds of thousands of messages, and the list view
 * asks only for the few it shows, so items are made when asked for and
 * hold nothing but their position: the messages stay in the import's
 * array, which this model keeps a reference to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-chat-message-list"

#include "config.h"

#include "debrief-chat-message-list.h"

struct _DebriefChatMessageList
{
  GObject    parent_instance;

  GPtrArray *messages;
};

static void debrief_chat_message_list_init_model (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DebriefChatMessageList, debrief_chat_message_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, debrief_chat_message_list_init_model))

static GQuark
item_position_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("debrief-chat-message-position");

  return quark;
}

static GType
debrief_chat_message_list_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
debrief_chat_message_list_get_n_items (GListModel *model)
{
  DebriefChatMessageList *self = DEBRIEF_CHAT_MESSAGE_LIST (model);

  return self->messages->len;
}

static gpointer
debrief_chat_message_list_get_item (GListModel *model,
                                    guint       position)
{
  DebriefChatMessageList *self = DEBRIEF_CHAT_MESSAGE_LIST (model);
  GObject *item;

  if (position >= self->messages->len)
    return NULL;

  item = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_qdata (item, item_position_quark (), GUINT_TO_POINTER (position + 1));

  return item;
}

static void
debrief_chat_message_list_init_model (GListModelInterface *iface)
{
  iface->get_item_type = debrief_chat_message_list_get_item_type;
  iface->get_n_items = debrief_chat_message_list_get_n_items;
  iface->get_item = debrief_chat_message_list_get_item;
}

static void
debrief_chat_message_list_finalize (GObject *object)
{
  DebriefChatMessageList *self = DEBRIEF_CHAT_MESSAGE_LIST (object);

  g_clear_pointer (&self->messages, g_ptr_array_unref);

  G_OBJECT_CLASS (debrief_chat_message_list_parent_class)->finalize (object);
}

static void
debrief_chat_message_list_class_init (DebriefChatMessageListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = debrief_chat_message_list_finalize;
}

static void
debrief_chat_message_list_init (DebriefChatMessageList *self)
{
}

/**
 * debrief_chat_message_list_new:
 * @messages: (nullable): of #DebriefChatMessage; a reference is kept
 *
 * Returns: (transfer full): a model with one item per message
 */
DebriefChatMessageList *
debrief_chat_message_list_new (GPtrArray *messages)
{
  DebriefChatMessageList *self = g_object_new (DEBRIEF_TYPE_CHAT_MESSAGE_LIST, NULL);

  self->messages = messages != NULL ? g_ptr_array_ref (messages) : g_ptr_array_new ();

  return self;
}

const DebriefChatMessage *
debrief_chat_message_list_get_message (DebriefChatMessageList *self,
                                       guint                   position)
{
  g_return_val_if_fail (DEBRIEF_IS_CHAT_MESSAGE_LIST (self), NULL);
  g_return_val_if_fail (position < self->messages->len, NULL);

  return g_ptr_array_index (self->messages, position);
}

/**
 * debrief_chat_message_list_item_get_position:
 * @item: an item of a #DebriefChatMessageList
 *
 * Returns: the position of the message that @item stands for
 */
guint
debrief_chat_message_list_item_get_position (gpointer item)
{
  gpointer data;

  g_return_val_if_fail (G_IS_OBJECT (item), 0);

  data = g_object_get_qdata (item, item_position_quark ());
  g_return_val_if_fail (data != NULL, 0);

  return GPOINTER_TO_UINT (data) - 1;
}
