/* debrief-chat-message-list.h
 *
 * The messages of a chat import as a list model, for the chat view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "import/debrief-chat-import.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_CHAT_MESSAGE_LIST (debrief_chat_message_list_get_type ())

G_DECLARE_FINAL_TYPE (DebriefChatMessageList, debrief_chat_message_list, DEBRIEF, CHAT_MESSAGE_LIST, GObject)

DebriefChatMessageList   *debrief_chat_message_list_new         (GPtrArray              *messages);
const DebriefChatMessage *debrief_chat_message_list_get_message (DebriefChatMessageList *self,
                                                                 guint                   position);
guint                     debrief_chat_message_list_item_get_position (gpointer          item);

G_END_DECLS
