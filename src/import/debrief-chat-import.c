/* debrief-chat-import.c
 *
 * Communication records for the timeline: Slack exports, Mattermost bulk
 * exports and plain chat transcripts, parsed into plain messages.
 *
 * Every file is untrusted. Text is made valid UTF-8 first (invalid bytes
 * and NUL characters become U+FFFD), JSON is checked for how deeply it
 * nests before json-glib, which recurses, sees it, and message texts are
 * cut at DEBRIEF_CHAT_MAX_TEXT. A Mattermost export is one record per
 * line, so a bad line is skipped and counted rather than losing the rest.
 *
 * Slack exports, zipped or unpacked, are read in debrief-chat-import-slack.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-chat-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "debrief-chat-import-private.h"
#include "debrief-text.h"
#include "debrief-timestamp.h"

/* Slack's rich-text blocks nest about ten levels; nothing real comes close. */
#define MAX_DEPTH 64

/* A chat export is text; a larger file is not one we can show anyway. */
#define MAX_FILE_SIZE ((goffset) 512 * 1024 * 1024)

G_DEFINE_QUARK (debrief-chat-import-error-quark, debrief_chat_import_error)

/* How many chat exports were parsed: tests check with it that an import
 * parses its content once, which nothing else could observe. */
static guint n_parses;

guint
_debrief_chat_import_get_n_parses (void)
{
  return (guint) g_atomic_int_get (&n_parses);
}

void
debrief_chat_message_free (DebriefChatMessage *message)
{
  if (message == NULL)
    return;

  g_clear_pointer (&message->time, g_date_time_unref);
  g_free (message->author);
  g_free (message->text);
  g_free (message->thread_id);
  g_free (message->channel);
  g_free (message);
}

void
debrief_chat_import_free (DebriefChatImport *import)
{
  if (import == NULL)
    return;

  g_clear_pointer (&import->messages, g_ptr_array_unref);
  g_free (import->first_skip_reason);
  g_free (import);
}

DebriefChatImport *
_debrief_chat_import_new (DebriefChatFormat format)
{
  DebriefChatImport *import = g_new0 (DebriefChatImport, 1);

  import->format = format;
  import->messages = g_ptr_array_new_with_free_func ((GDestroyNotify) debrief_chat_message_free);

  return import;
}

void
_debrief_chat_import_add_skip (DebriefChatImport *import,
                               char              *reason)
{
  import->n_skipped++;
  if (import->first_skip_reason == NULL)
    import->first_skip_reason = reason;
  else
    g_free (reason);
}

/* Takes @text, cutting it at DEBRIEF_CHAT_MAX_TEXT on a character boundary. */
static char *
cap_text (char *text)
{
  gsize length = strlen (text);

  if (length > DEBRIEF_CHAT_MAX_TEXT)
    {
      const char *cut = g_utf8_find_prev_char (text, text + DEBRIEF_CHAT_MAX_TEXT + 1);
      gsize keep = cut != NULL ? (gsize) (cut - text) : 0;
      char *capped = g_malloc (keep + 4);

      memcpy (capped, text, keep);
      memcpy (capped + keep, "\342\200\246", 4);
      g_free (text);
      return capped;
    }

  return text;
}

DebriefChatMessage *
_debrief_chat_message_new (GDateTime  *time,
                           const char *author,
                           const char *text,
                           const char *thread_id,
                           const char *channel)
{
  DebriefChatMessage *message = g_new0 (DebriefChatMessage, 1);

  message->time = time != NULL ? g_date_time_to_utc (time) : NULL;
  message->author = g_strdup (author != NULL && *author != '\0' ? author : _("Unknown"));
  message->text = cap_text (g_strdup (text != NULL ? text : ""));
  message->thread_id = g_strdup (thread_id != NULL && *thread_id != '\0' ? thread_id : NULL);
  message->channel = g_strdup (channel != NULL && *channel != '\0' ? channel : NULL);

  return message;
}

/* JSON checks */

typedef enum
{
  JSON_SHAPE_OK,
  JSON_SHAPE_TRUNCATED,
  JSON_SHAPE_TOO_DEEP,
} JsonShape;

/* What json-glib would not tell before recursing: whether the text nests
 * too deeply, or stops inside a string, array or object. */
static JsonShape
scan_json (const char *data,
           gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_DEPTH)
            return JSON_SHAPE_TOO_DEEP;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }

  return in_string || depth > 0 ? JSON_SHAPE_TRUNCATED : JSON_SHAPE_OK;
}

/* Parses one JSON text; on failure, @error says why in @label's terms. */
JsonNode *
_debrief_chat_parse_json (const char  *data,
                          gsize        length,
                          const char  *label,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;

  switch (scan_json (data, length))
    {
    case JSON_SHAPE_TOO_DEEP:
      g_set_error (error, DEBRIEF_CHAT_IMPORT_ERROR, DEBRIEF_CHAT_IMPORT_ERROR_TOO_DEEP,
                   _("%s nests far too deeply to be a chat export."), label);
      return NULL;
    case JSON_SHAPE_TRUNCATED:
      g_set_error (error, DEBRIEF_CHAT_IMPORT_ERROR, DEBRIEF_CHAT_IMPORT_ERROR_TRUNCATED,
                   _("%s stops short: it may have been cut off while it was copied."), label);
      return NULL;
    case JSON_SHAPE_OK:
    default:
      break;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error) ||
      json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, DEBRIEF_CHAT_IMPORT_ERROR, DEBRIEF_CHAT_IMPORT_ERROR_NOT_JSON,
                   _("%s is damaged: it is not well-formed JSON."), label);
      return NULL;
    }

  return json_parser_steal_root (parser);
}

const char *
_debrief_chat_json_get_string (JsonObject *object,
                               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

JsonObject *
_debrief_chat_json_get_object (JsonObject *object,
                               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
get_int (JsonObject *object,
         const char *name,
         gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *value = json_node_get_int (node);
  return TRUE;
}

char *
_debrief_chat_file_label (const char *file_name)
{
  if (file_name == NULL)
    return g_strdup (_("The chat export"));

  /* Translators: %s is a file name */
  return g_strdup_printf (_("The file “%s”"), file_name);
}

/* Mattermost */

static void
mattermost_add_post (DebriefChatImport *import,
                     JsonObject        *post,
                     const char        *channel,
                     const char        *thread_id,
                     guint              line)
{
  gint64 create_at;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *own_thread = NULL;
  g_autoptr(GString) text = NULL;
  JsonObject *props;
  JsonNode *replies;

  if (!get_int (post, "create_at", &create_at) ||
      create_at > G_MAXINT64 / 1000 || create_at < G_MININT64 / 1000 ||
      (time = debrief_date_time_new_from_usec (create_at * 1000)) == NULL)
    {
      _debrief_chat_import_add_skip (import, g_strdup_printf (_("Line %u is a post without a time Debrief can read."), line));
      return;
    }

  replies = json_object_get_member (post, "replies");
  if (thread_id == NULL)
    thread_id = _debrief_chat_json_get_string (post, "root_id");
  if (thread_id == NULL && replies != NULL && JSON_NODE_HOLDS_ARRAY (replies) &&
      json_array_get_length (json_node_get_array (replies)) > 0)
    thread_id = own_thread = g_strdup_printf ("%" G_GINT64_FORMAT, create_at);

  /* An integration's post says it in its attachments. */
  text = g_string_new (_debrief_chat_json_get_string (post, "message"));
  props = _debrief_chat_json_get_object (post, "props");
  if (props != NULL)
    _debrief_chat_append_attachments (text, json_object_get_member (props, "attachments"), FALSE, NULL, NULL);

  g_ptr_array_add (import->messages,
                   _debrief_chat_message_new (time,
                                              _debrief_chat_json_get_string (post, "user"),
                                              text->str,
                                              thread_id, channel));

  if (replies != NULL && JSON_NODE_HOLDS_ARRAY (replies))
    {
      JsonArray *array = json_node_get_array (replies);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *reply = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (reply))
            mattermost_add_post (import, json_node_get_object (reply), channel, thread_id, line);
          else
            _debrief_chat_import_add_skip (import, g_strdup_printf (_("Line %u holds a reply that is not a post."), line));
        }
    }
}

static char *
mattermost_members (JsonObject *post)
{
  JsonNode *node = json_object_get_member (post, "channel_members");
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) members = NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  builder = g_strv_builder_new ();
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *member = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (member));
    }

  members = g_strv_builder_end (builder);
  return g_strjoinv (", ", members);
}

static void
mattermost_read_line (DebriefChatImport *import,
                      const char        *data,
                      gsize              length,
                      guint              line)
{
  g_autofree char *label = g_strdup_printf (_("Line %u"), line);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonObject *post;
  const char *type;

  root = _debrief_chat_parse_json (data, length, label, &error);
  if (root == NULL)
    {
      _debrief_chat_import_add_skip (import, g_strdup (error->message));
      return;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      (type = _debrief_chat_json_get_string ((object = json_node_get_object (root)), "type")) == NULL)
    {
      _debrief_chat_import_add_skip (import, g_strdup_printf (_("Line %u is not a Mattermost export record."), line));
      return;
    }

  if (strcmp (type, "post") != 0 && strcmp (type, "direct_post") != 0)
    return;

  post = _debrief_chat_json_get_object (object, type);
  if (post == NULL)
    {
      _debrief_chat_import_add_skip (import, g_strdup_printf (_("Line %u is a post record without a post."), line));
      return;
    }

  if (strcmp (type, "post") == 0)
    mattermost_add_post (import, post, _debrief_chat_json_get_string (post, "channel"), NULL, line);
  else
    {
      g_autofree char *members = mattermost_members (post);

      mattermost_add_post (import, post, members, NULL, line);
    }
}

static DebriefChatImport *
mattermost_import (const char  *text,
                   gsize        length,
                   const char  *label,
                   GError     **error)
{
  g_autoptr(DebriefChatImport) import = _debrief_chat_import_new (DEBRIEF_CHAT_FORMAT_MATTERMOST);
  const char *end = text + length;
  const char *p = text;
  guint line = 0;
  guint n_records = 0;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      gsize line_length = (eol != NULL ? eol : end) - p;

      line++;
      if (!debrief_text_is_blank (p, line_length))
        {
          n_records++;
          mattermost_read_line (import, p, line_length, line);
        }

      p = eol != NULL ? eol + 1 : end;
    }

  if (import->messages->len == 0 && import->n_skipped > 0 && import->n_skipped >= n_records)
    {
      g_set_error (error, DEBRIEF_CHAT_IMPORT_ERROR, DEBRIEF_CHAT_IMPORT_ERROR_NO_MESSAGES,
                   _("%s holds no record Debrief can read. %s"),
                   label, import->first_skip_reason);
      return NULL;
    }

  return g_steal_pointer (&import);
}

/* Transcripts */

#define STAMP \
  "(?:(\\d{4})-(\\d{2})-(\\d{2})[ T])?(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,6}))?)?" \
  "\\s*(Z|[+-]\\d{2}:?\\d{2})?"

/* "[14:03] ada: text", "[2026-03-14 14:03:22] Ada Lovelace: text" and
 * IRC's "14:03 <ada> text". */
#define TRANSCRIPT_PATTERN \
  "^\\s*\\[?" STAMP "\\]?\\s+" \
  "(?:<[@+%~&]?([^>]{1,64})>|([^:<>\\[\\]\\s][^:<>\\[\\]]{0,63}?):)(?:\\s+(.*))?$"

enum
{
  GROUP_YEAR = 1,
  GROUP_MONTH,
  GROUP_DAY,
  GROUP_HOUR,
  GROUP_MINUTE,
  GROUP_SECOND,
  GROUP_FRACTION,
  GROUP_ZONE,
  GROUP_NICK,
  GROUP_AUTHOR,
  GROUP_TEXT,
};

static GRegex *
transcript_regex (void)
{
  g_autoptr(GError) error = NULL;
  GRegex *regex = g_regex_new (TRANSCRIPT_PATTERN, G_REGEX_OPTIMIZE, 0, &error);

  g_assert_no_error (error);
  return regex;
}

static int
fetch_int (GMatchInfo *match,
           int         group)
{
  g_autofree char *text = g_match_info_fetch (match, group);

  return text != NULL && *text != '\0' ? atoi (text) : -1;
}

typedef struct
{
  GTimeZone *zone;
  int        year, month, day;   /* of the reference, or 0 */
  int        day_offset;         /* days after the reference, from midnights */
  int        last_second_of_day; /* of the last time without a date, or -1 */
} TranscriptClock;

/* The time of a matched line in UTC, or NULL when it has no date and
 * there is no reference to take one from. FALSE when the stamp is not a
 * time at all (25:70), so that the line is text. */
static gboolean
transcript_time (TranscriptClock  *clock,
                 GMatchInfo       *match,
                 GDateTime       **time)
{
  int hour = fetch_int (match, GROUP_HOUR);
  int minute = fetch_int (match, GROUP_MINUTE);
  int second = MAX (fetch_int (match, GROUP_SECOND), 0);
  int year = fetch_int (match, GROUP_YEAR);
  g_autofree char *fraction = g_match_info_fetch (match, GROUP_FRACTION);
  g_autofree char *zone_text = g_match_info_fetch (match, GROUP_ZONE);
  g_autoptr(GTimeZone) own_zone = NULL;
  GTimeZone *zone = clock->zone;
  double seconds = second;
  g_autoptr(GDateTime) local = NULL;

  *time = NULL;
  if (hour > 23 || minute > 59 || second > 59)
    return FALSE;

  if (fraction != NULL && *fraction != '\0')
    {
      g_autofree char *number = g_strconcat ("0.", fraction, NULL);

      seconds += g_ascii_strtod (number, NULL);
    }

  if (zone_text != NULL && *zone_text != '\0')
    {
      own_zone = g_time_zone_new_identifier (strcmp (zone_text, "Z") == 0 ? "UTC" : zone_text);
      if (own_zone == NULL)
        return FALSE;
      zone = own_zone;
    }

  if (year > 0)
    {
      local = g_date_time_new (zone, year, fetch_int (match, GROUP_MONTH),
                               fetch_int (match, GROUP_DAY), hour, minute, seconds);
      if (local == NULL)
        return FALSE;
    }
  else
    {
      int second_of_day = hour * 3600 + minute * 60 + second;
      g_autoptr(GDateTime) on_day = NULL;

      if (clock->year == 0)
        return TRUE;

      /* A transcript without dates that runs past midnight. */
      if (clock->last_second_of_day >= 0 && second_of_day + 6 * 3600 < clock->last_second_of_day)
        clock->day_offset++;
      clock->last_second_of_day = second_of_day;

      on_day = g_date_time_new (zone, clock->year, clock->month, clock->day, hour, minute, seconds);
      if (on_day == NULL)
        return FALSE;
      local = g_date_time_add_days (on_day, clock->day_offset);
    }

  *time = g_date_time_to_utc (local);
  return *time != NULL;
}

static void
finish_message (DebriefChatImport  *import,
                DebriefChatMessage *message,
                GString            *text)
{
  if (message == NULL)
    return;

  message->text = cap_text (g_strndup (text->str, text->len));
  g_ptr_array_add (import->messages, message);
}

static DebriefChatImport *
transcript_import (const char  *text,
                   gsize        length,
                   const char  *label,
                   GDateTime   *reference,
                   GError     **error)
{
  g_autoptr(DebriefChatImport) import = _debrief_chat_import_new (DEBRIEF_CHAT_FORMAT_TRANSCRIPT);
  g_autoptr(GRegex) regex = transcript_regex ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GString) current_text = g_string_new (NULL);
  DebriefChatMessage *current = NULL;
  TranscriptClock clock = { 0, };
  const char *end = text + length;
  const char *p = text;
  guint line = 0;

  clock.zone = reference != NULL ? g_date_time_get_timezone (reference) : utc;
  clock.last_second_of_day = -1;
  if (reference != NULL)
    g_date_time_get_ymd (reference, &clock.year, &clock.month, &clock.day);

  while (p < end)
    {
      const char *start = p;
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      gsize line_length = (eol != NULL ? eol : end) - p;
      g_autofree char *line_text = NULL;
      g_autoptr(GMatchInfo) match = NULL;
      g_autoptr(GDateTime) time = NULL;

      line++;
      p = eol != NULL ? eol + 1 : end;

      if (line_length > 0 && start[line_length - 1] == '\r')
        line_length--;
      /* Blank lines separate nothing a reader needs. */
      if (debrief_text_is_blank (start, line_length))
        continue;

      line_text = g_strndup (start, line_length);

      if (g_regex_match (regex, line_text, 0, &match) &&
          transcript_time (&clock, match, &time))
        {
          g_autofree char *nick = g_match_info_fetch (match, GROUP_NICK);
          g_autofree char *author = g_match_info_fetch (match, GROUP_AUTHOR);
          g_autofree char *message_text = g_match_info_fetch (match, GROUP_TEXT);

          finish_message (import, current, current_text);
          current = g_new0 (DebriefChatMessage, 1);
          current->time = g_steal_pointer (&time);
          current->author = g_strdup (nick != NULL && *nick != '\0' ? nick : g_strstrip (author));
          g_string_assign (current_text, message_text != NULL ? message_text : "");
        }
      else if (current != NULL)
        {
          if (current_text->len < DEBRIEF_CHAT_MAX_TEXT + 4)
            {
              g_string_append_c (current_text, '\n');
              g_string_append (current_text, g_strstrip (line_text));
            }
        }
      else
        _debrief_chat_import_add_skip (import, g_strdup_printf (_("Line %u of %s is not a chat message."), line, label));
    }

  finish_message (import, current, current_text);

  if (import->messages->len == 0)
    {
      g_set_error (error, DEBRIEF_CHAT_IMPORT_ERROR, DEBRIEF_CHAT_IMPORT_ERROR_NO_MESSAGES,
                   _("%s holds no chat messages: no line starts with a time and a name."),
                   label);
      return NULL;
    }

  return g_steal_pointer (&import);
}

/* Detection */

static gboolean
looks_like_transcript (const char *text,
                       gsize       length)
{
  g_autoptr(GRegex) regex = transcript_regex ();
  const char *end = text + length;
  const char *p = text;

  for (guint n = 0; p < end && n < 50; n++)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      g_autofree char *line = g_strndup (p, (eol != NULL ? eol : end) - p);

      g_strchomp (line);
      if (g_regex_match (regex, line, 0, NULL))
        return TRUE;
      p = eol != NULL ? eol + 1 : end;
    }

  return FALSE;
}

DebriefChatFormat
debrief_chat_detect (GBytes     *sample,
                     const char *file_name)
{
  const char *data;
  gsize size;
  g_autofree char *text = NULL;
  gsize length;
  const char *p;
  const char *end;

  g_return_val_if_fail (sample != NULL, DEBRIEF_CHAT_FORMAT_UNKNOWN);

  data = g_bytes_get_data (sample, &size);
  if (size >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    return DEBRIEF_CHAT_FORMAT_SLACK_ZIP;

  text = debrief_text_sanitize_bytes (sample, &length);
  end = text + length;
  for (p = text; p < end && g_ascii_isspace (*p); p++)
    ;

  if (p < end && *p == '{')
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      g_autofree char *first = g_strndup (p, (eol != NULL ? eol : end) - p);

      if (strstr (first, "\"type\"") != NULL)
        return DEBRIEF_CHAT_FORMAT_MATTERMOST;
    }

  if (p < end && *p == '[')
    {
      const char *q = p + 1;

      while (q < end && g_ascii_isspace (*q))
        q++;
      if (q == end || *q == '{' || *q == ']')
        return DEBRIEF_CHAT_FORMAT_SLACK;
    }

  if (looks_like_transcript (p, (gsize) (end - p)))
    return DEBRIEF_CHAT_FORMAT_TRANSCRIPT;

  if (file_name != NULL)
    {
      if (g_str_has_suffix (file_name, ".zip"))
        return DEBRIEF_CHAT_FORMAT_SLACK_ZIP;
      if (g_str_has_suffix (file_name, ".jsonl"))
        return DEBRIEF_CHAT_FORMAT_MATTERMOST;
      if (g_str_has_suffix (file_name, ".json"))
        return DEBRIEF_CHAT_FORMAT_SLACK;
    }

  return DEBRIEF_CHAT_FORMAT_UNKNOWN;
}

/* Sorting */

typedef struct
{
  DebriefChatMessage *message;
  guint               position;
} SortEntry;

/* By time, messages without one last, and in file order otherwise. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *entry_a = a;
  const SortEntry *entry_b = b;
  GDateTime *time_a = entry_a->message->time;
  GDateTime *time_b = entry_b->message->time;
  int order;

  if (time_a != NULL && time_b != NULL)
    order = g_date_time_compare (time_a, time_b);
  else
    order = (time_a == NULL) - (time_b == NULL);

  if (order != 0)
    return order;

  return entry_a->position < entry_b->position ? -1 : entry_a->position > entry_b->position;
}

static void
sort_messages (DebriefChatImport *import)
{
  GPtrArray *messages = import->messages;
  g_autoptr(GArray) entries = g_array_sized_new (FALSE, FALSE, sizeof (SortEntry), messages->len);

  for (guint i = 0; i < messages->len; i++)
    {
      SortEntry entry = { g_ptr_array_index (messages, i), i };

      g_array_append_val (entries, entry);
    }

  g_array_sort (entries, compare_entries);

  for (guint i = 0; i < messages->len; i++)
    messages->pdata[i] = g_array_index (entries, SortEntry, i).message;
}

/* Entry points */

static char *
channel_from_file_name (const char *file_name)
{
  g_autofree char *folder = NULL;

  if (file_name == NULL)
    return NULL;

  folder = g_path_get_dirname (file_name);
  if (strcmp (folder, ".") == 0 || strcmp (folder, G_DIR_SEPARATOR_S) == 0)
    return NULL;

  return g_path_get_basename (folder);
}

DebriefChatImport *
debrief_chat_import_bytes (GBytes             *bytes,
                           const char         *file_name,
                           DebriefChatFormat   format,
                           GDateTime          *reference,
                           GError            **error)
{
  g_autoptr(DebriefChatImport) import = NULL;
  g_autofree char *label = _debrief_chat_file_label (file_name);
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_atomic_int_inc (&n_parses);
  if (format == DEBRIEF_CHAT_FORMAT_UNKNOWN)
    format = debrief_chat_detect (bytes, file_name);

  /* Binary: read before anything is made into text. */
  if (format == DEBRIEF_CHAT_FORMAT_SLACK_ZIP)
    {
      if (!(import = _debrief_chat_slack_import_zip (bytes, label, error)))
        return NULL;
      sort_messages (import);
      return g_steal_pointer (&import);
    }

  text = debrief_text_sanitize_bytes (bytes, &length);
  if (debrief_text_is_blank (text, length))
    {
      g_set_error (error, DEBRIEF_CHAT_IMPORT_ERROR, DEBRIEF_CHAT_IMPORT_ERROR_EMPTY,
                   _("%s is empty."), label);
      return NULL;
    }

  switch (format)
    {
    case DEBRIEF_CHAT_FORMAT_SLACK:
      {
        g_autoptr(JsonNode) root = _debrief_chat_parse_json (text, length, label, error);
        g_autofree char *channel = channel_from_file_name (file_name);

        if (root == NULL)
          return NULL;
        import = _debrief_chat_import_new (format);
        if (!_debrief_chat_slack_read_day (import, root, channel, NULL, label, error))
          return NULL;
      }
      break;

    case DEBRIEF_CHAT_FORMAT_MATTERMOST:
      import = mattermost_import (text, length, label, error);
      break;

    case DEBRIEF_CHAT_FORMAT_TRANSCRIPT:
      import = transcript_import (text, length, label, reference, error);
      break;

    case DEBRIEF_CHAT_FORMAT_SLACK_ZIP:
    case DEBRIEF_CHAT_FORMAT_UNKNOWN:
    default:
      g_set_error (error, DEBRIEF_CHAT_IMPORT_ERROR, DEBRIEF_CHAT_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("%s is not a chat export Debrief knows: not a Slack or Mattermost export, nor a transcript with a time and a name on each message."),
                   label);
      return NULL;
    }

  if (import == NULL)
    return NULL;

  sort_messages (import);
  return g_steal_pointer (&import);
}

DebriefChatImport *
debrief_chat_import_file (GFile         *file,
                          GDateTime     *reference,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DebriefChatImport) import = NULL;
  g_autofree char *name = NULL;
  char *contents = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_atomic_int_inc (&n_parses);
      import = _debrief_chat_slack_import_folder (file, cancellable, error);
      if (import == NULL)
        return NULL;
      sort_messages (import);
      return g_steal_pointer (&import);
    }

  name = g_strdup (g_file_info_get_display_name (info));
  if (g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_set_error (error, DEBRIEF_CHAT_IMPORT_ERROR, DEBRIEF_CHAT_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("The file “%s” is far too large to be a chat export."), name);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  bytes = g_bytes_new_take (contents, length);

  return debrief_chat_import_bytes (bytes, name, DEBRIEF_CHAT_FORMAT_UNKNOWN, reference, error);
}
