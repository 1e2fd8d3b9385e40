/* debrief-chat-import-private.h
 *
 * What the parts of the chat importer share: building an import, reading
 * untrusted JSON, and the Slack reader that the entry points call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "debrief-chat-import.h"

G_BEGIN_DECLS

DebriefChatImport  *_debrief_chat_import_new          (DebriefChatFormat    format);
/* Counts a record that could not be read; takes @reason. */
void                _debrief_chat_import_add_skip     (DebriefChatImport   *import,
                                                       char                *reason);
/* A message in UTC, its author "Unknown" when none is given and its text
 * cut at DEBRIEF_CHAT_MAX_TEXT. */
DebriefChatMessage *_debrief_chat_message_new         (GDateTime           *time,
                                                       const char          *author,
                                                       const char          *text,
                                                       const char          *thread_id,
                                                       const char          *channel);
/* "The file “name”", or "The chat export" for bytes without a name. */
char               *_debrief_chat_file_label          (const char          *file_name);

/* Parses one JSON text, refusing one that nests too deeply before
 * json-glib recurses into it; on failure, @error says why in @label's
 * terms. */
JsonNode           *_debrief_chat_parse_json          (const char          *data,
                                                       gsize                length,
                                                       const char          *label,
                                                       GError             **error);
const char         *_debrief_chat_json_get_string     (JsonObject          *object,
                                                       const char          *name);
JsonObject         *_debrief_chat_json_get_object     (JsonObject          *object,
                                                       const char          *name);

/* Slack: one day of a channel, a zipped export, an unpacked one. */
void                _debrief_chat_append_attachments  (GString             *text,
                                                       JsonNode            *node,
                                                       gboolean             slack,
                                                       GHashTable          *users,
                                                       GHashTable          *learned);
char               *_debrief_chat_slack_plain_text    (const char          *text,
                                                       GHashTable          *users,
                                                       GHashTable          *learned);
gboolean            _debrief_chat_slack_read_day      (DebriefChatImport   *import,
                                                       JsonNode            *root,
                                                       const char          *channel,
                                                       GHashTable          *users,
                                                       const char          *label,
                                                       GError             **error);
DebriefChatImport  *_debrief_chat_slack_import_zip    (GBytes              *bytes,
                                                       const char          *label,
                                                       GError             **error);
DebriefChatImport  *_debrief_chat_slack_import_folder (GFile               *folder,
                                                       GCancellable        *cancellable,
                                                       GError             **error);

G_END_DECLS
