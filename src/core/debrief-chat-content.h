/* debrief-chat-content.h
 *
 * The messages of a chat export, as a list model for the chat view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "debrief-document.h"
#include "debrief-evidence.h"
#include "debrief-chat-import.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_CHAT_CONTENT (debrief_chat_content_get_type ())

G_DECLARE_FINAL_TYPE (DebriefChatContent, debrief_chat_content, DEBRIEF, CHAT_CONTENT, GObject)

DebriefChatContent       *debrief_chat_content_new                  (DebriefChatImport    *import);
void                      debrief_chat_content_load_async           (DebriefDocument      *document,
                                                                     DebriefEvidence      *evidence,
                                                                     GCancellable         *cancellable,
                                                                     GAsyncReadyCallback   callback,
                                                                     gpointer              user_data);
DebriefChatContent       *debrief_chat_content_load_finish          (GAsyncResult         *result,
                                                                     GError              **error);
const DebriefChatMessage *debrief_chat_content_get_message          (DebriefChatContent   *self,
                                                                     guint                 position);
gboolean                  debrief_chat_content_is_reply             (DebriefChatContent   *self,
                                                                     guint                 position);
guint                     debrief_chat_content_get_n_replies        (DebriefChatContent   *self,
                                                                     const char           *thread_id);
gboolean                  debrief_chat_content_get_several_channels (DebriefChatContent   *self);
/* The position of the message that @item, an item of the model, stands for. */
guint                     debrief_chat_content_item_get_position    (gpointer              item);

G_END_DECLS
