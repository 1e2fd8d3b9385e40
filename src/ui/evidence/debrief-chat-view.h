/* debrief-chat-view.h
 *
 * The messages of a chat export, as the Evidence view shows them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-chat-content.h"
#include "debrief-evidence-viewer.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_CHAT_VIEW (debrief_chat_view_get_type ())

G_DECLARE_FINAL_TYPE (DebriefChatView, debrief_chat_view, DEBRIEF, CHAT_VIEW, GtkWidget)

GtkWidget          *debrief_chat_view_new                (void);
void                debrief_chat_view_set_content        (DebriefChatView    *self,
                                                          DebriefChatContent *content);
DebriefChatContent *debrief_chat_view_get_content        (DebriefChatView    *self);
guint               debrief_chat_view_get_n_messages     (DebriefChatView    *self);
void                debrief_chat_view_set_clock_offset   (DebriefChatView    *self,
                                                          gint64              offset_usec);
gint64              debrief_chat_view_get_clock_offset   (DebriefChatView    *self);
void                debrief_chat_view_set_time_zone      (DebriefChatView    *self,
                                                          GTimeZone          *zone);
gboolean            debrief_chat_view_get_selected_range (DebriefChatView    *self,
                                                          guint              *first,
                                                          guint              *last);
char               *debrief_chat_view_dup_selected_text  (DebriefChatView    *self);
gint64              debrief_chat_view_get_selected_usec  (DebriefChatView    *self);
void                debrief_chat_view_select_range       (DebriefChatView    *self,
                                                          guint               first,
                                                          guint               last);

G_END_DECLS
