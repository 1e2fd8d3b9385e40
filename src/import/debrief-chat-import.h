/* debrief-chat-import.h
 *
 * Communication records for the timeline: Slack exports, Mattermost bulk
 * exports and plain chat transcripts, parsed into plain messages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DEBRIEF_CHAT_IMPORT_ERROR (debrief_chat_import_error_quark ())

/**
 * DebriefChatImportError:
 * @DEBRIEF_CHAT_IMPORT_ERROR_EMPTY: the file holds nothing, or only spaces
 * @DEBRIEF_CHAT_IMPORT_ERROR_UNKNOWN_FORMAT: not a chat export Debrief knows
 * @DEBRIEF_CHAT_IMPORT_ERROR_ZIP: a zip archive, which Debrief cannot open
 *   itself: it has to be unpacked into a folder first
 * @DEBRIEF_CHAT_IMPORT_ERROR_NOT_JSON: JSON that is malformed
 * @DEBRIEF_CHAT_IMPORT_ERROR_TRUNCATED: JSON that stops short
 * @DEBRIEF_CHAT_IMPORT_ERROR_TOO_DEEP: JSON that nests far deeper than any
 *   chat export does
 * @DEBRIEF_CHAT_IMPORT_ERROR_INVALID: JSON of the wrong shape: a member of
 *   the wrong type, or missing
 * @DEBRIEF_CHAT_IMPORT_ERROR_NO_MESSAGES: nothing in the file could be read
 *   as a message
 */
typedef enum
{
  DEBRIEF_CHAT_IMPORT_ERROR_EMPTY,
  DEBRIEF_CHAT_IMPORT_ERROR_UNKNOWN_FORMAT,
  DEBRIEF_CHAT_IMPORT_ERROR_ZIP,
  DEBRIEF_CHAT_IMPORT_ERROR_NOT_JSON,
  DEBRIEF_CHAT_IMPORT_ERROR_TRUNCATED,
  DEBRIEF_CHAT_IMPORT_ERROR_TOO_DEEP,
  DEBRIEF_CHAT_IMPORT_ERROR_INVALID,
  DEBRIEF_CHAT_IMPORT_ERROR_NO_MESSAGES,
} DebriefChatImportError;

typedef enum
{
  DEBRIEF_CHAT_FORMAT_UNKNOWN,
  DEBRIEF_CHAT_FORMAT_SLACK,
  DEBRIEF_CHAT_FORMAT_SLACK_ZIP,
  DEBRIEF_CHAT_FORMAT_MATTERMOST,
  DEBRIEF_CHAT_FORMAT_TRANSCRIPT,
} DebriefChatFormat;

/* Longer message texts are cut, so that one hostile message cannot make
 * the timeline unusable. */
#define DEBRIEF_CHAT_MAX_TEXT (256 * 1024)

typedef struct
{
  GDateTime *time;      /* UTC; NULL when the record does not say */
  char      *author;
  char      *text;
  char      *thread_id; /* nullable */
  char      *channel;   /* nullable */
} DebriefChatMessage;

typedef struct
{
  DebriefChatFormat  format;
  GPtrArray         *messages;          /* of DebriefChatMessage, by time */
  guint              n_skipped;         /* records that could not be read */
  char              *first_skip_reason; /* nullable: why the first was skipped */
} DebriefChatImport;

GQuark              debrief_chat_import_error_quark (void);

void                debrief_chat_message_free       (DebriefChatMessage  *message);
void                debrief_chat_import_free        (DebriefChatImport   *import);

DebriefChatFormat   debrief_chat_detect             (GBytes              *sample,
                                                     const char          *file_name);

/* @reference: the incident's date and time zone, for transcript times
 * that have no date or no time zone; nullable. */
DebriefChatImport  *debrief_chat_import_bytes       (GBytes              *bytes,
                                                     const char          *file_name,
                                                     DebriefChatFormat    format,
                                                     GDateTime           *reference,
                                                     GError             **error);
DebriefChatImport  *debrief_chat_import_file        (GFile               *file,
                                                     GDateTime           *reference,
                                                     GCancellable        *cancellable,
                                                     GError             **error);

/* The messages of @import that have a time, as one day of a Slack export
 * ("ts", "user_name", "text", "thread_ts"): how a folder is stored, so
 * that it reads back as the same messages. */
GBytes             *debrief_chat_import_to_slack_json (const DebriefChatImport *import);

/* What to call the export: its channel, "#ops-incident", or a few. */
char               *debrief_chat_import_dup_title     (const DebriefChatImport *import);

/* What a Slack export is, the one rule every caller uses.  A day of a
 * channel is a regular file named after its date, "2026-03-14.json".  A
 * folder is an export when it holds the export's channels.json or
 * users.json (its top folder), or day files and nothing else but hidden
 * files (one channel's folder).  A zip is an export when it holds an entry
 * named like one of the export's lists (channels.json, users.json, …). */
gboolean            debrief_slack_is_day_file_name  (const char          *name);
gboolean            debrief_slack_is_list_name      (const char          *name);
gboolean            debrief_slack_is_export_folder  (GFile               *folder,
                                                     GCancellable        *cancellable);

/* For tests: how many chat exports (files, bytes or folders) were
 * parsed since the program started. */
guint               _debrief_chat_import_get_n_parses (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DebriefChatMessage, debrief_chat_message_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DebriefChatImport, debrief_chat_import_free)

G_END_DECLS
