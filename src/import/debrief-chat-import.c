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
 * Slack exports come as zip archives. GIO has no zip reader and Debrief
 * takes no extra dependency for one, so a zip is recognised and refused
 * with a sentence that says to unpack it; the unpacked folder is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-chat-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "import/debrief-chat-import.h"
#include "import/debrief-text.h"
#include "import/debrief-timestamp.h"
#include "import/debrief-zip.h"

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

static DebriefChatImport *
chat_import_new (DebriefChatFormat format)
{
  DebriefChatImport *import = g_new0 (DebriefChatImport, 1);

  import->format = format;
  import->messages = g_ptr_array_new_with_free_func ((GDestroyNotify) debrief_chat_message_free);

  return import;
}

static void
add_skip (DebriefChatImport *import,
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

static DebriefChatMessage *
message_new (GDateTime  *time,
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
static JsonNode *
parse_json (const char  *data,
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

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonObject *
get_object (JsonObject *object,
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

/* Slack */

/* Slack's "ts": seconds since 1970 and six digits of microseconds, as a
 * string so that it can double as the message's identifier. */
static GDateTime *
parse_slack_ts (const char *ts)
{
  const char *dot = strchr (ts, '.');
  g_autofree char *whole = g_strndup (ts, dot != NULL ? (gsize) (dot - ts) : strlen (ts));
  guint64 seconds;
  gint64 usec = 0;

  if (!g_ascii_string_to_unsigned (whole, 10, 0, G_MAXINT64 / G_USEC_PER_SEC - 1, &seconds, NULL))
    return NULL;

  if (dot != NULL)
    {
      gint64 scale = 100000;

      for (const char *p = dot + 1; *p != '\0'; p++)
        {
          if (!g_ascii_isdigit (*p))
            return NULL;
          usec += (*p - '0') * scale;
          scale /= 10;
        }
    }

  return debrief_date_time_new_from_usec ((gint64) seconds * G_USEC_PER_SEC + usec);
}

static gboolean
slack_read_users (GHashTable  *users,
                  JsonNode    *root,
                  const char  *label,
                  GError     **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, DEBRIEF_CHAT_IMPORT_ERROR, DEBRIEF_CHAT_IMPORT_ERROR_INVALID,
                   _("%s is not a Slack list of users."), label);
      return FALSE;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *user;
      JsonObject *profile;
      const char *id;
      const char *name = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      user = json_node_get_object (node);
      id = get_string (user, "id");
      if (id == NULL)
        continue;

      profile = get_object (user, "profile");
      if (profile != NULL)
        name = get_string (profile, "real_name");
      if (name == NULL || *name == '\0')
        name = get_string (user, "real_name");
      if (name == NULL || *name == '\0')
        name = get_string (user, "name");
      if (name != NULL && *name != '\0')
        g_hash_table_replace (users, g_strdup (id), g_strdup (name));
    }

  return TRUE;
}

static gboolean
slack_read_day (DebriefChatImport  *import,
                JsonNode           *root,
                const char         *channel,
                GHashTable         *users,
                const char         *label,
                GError            **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, DEBRIEF_CHAT_IMPORT_ERROR, DEBRIEF_CHAT_IMPORT_ERROR_INVALID,
                   _("%s is not a day of a Slack export: it holds no list of messages."), label);
      return FALSE;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      JsonObject *profile;
      const char *ts;
      const char *type;
      const char *user;
      const char *author = NULL;
      g_autoptr(GDateTime) time = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          add_skip (import, g_strdup_printf (_("Entry %u of %s is not a message."), i + 1, label));
          continue;
        }

      object = json_node_get_object (node);
      type = get_string (object, "type");
      if (type != NULL && strcmp (type, "message") != 0)
        continue;

      ts = get_string (object, "ts");
      if (ts == NULL || (time = parse_slack_ts (ts)) == NULL)
        {
          add_skip (import, g_strdup_printf (_("Message %u of %s has no time Debrief can read."), i + 1, label));
          continue;
        }

      user = get_string (object, "user");
      profile = get_object (object, "user_profile");
      if (profile != NULL)
        author = get_string (profile, "real_name");
      if ((author == NULL || *author == '\0') && user != NULL && users != NULL)
        author = g_hash_table_lookup (users, user);
      if (author == NULL || *author == '\0')
        author = get_string (object, "user_name");
      if (author == NULL || *author == '\0')
        author = get_string (object, "username");
      if (author == NULL || *author == '\0')
        author = user;

      g_ptr_array_add (import->messages,
                       message_new (time, author, get_string (object, "text"),
                                    get_string (object, "thread_ts"), channel));
    }

  return TRUE;
}

static char *
file_label (const char *file_name)
{
  if (file_name == NULL)
    return g_strdup (_("The chat export"));

  /* Translators: %s is a file name */
  return g_strdup_printf (_("The file “%s”"), file_name);
}

/* One file of a Slack export, from a folder or a zip: a day of a channel,
 * or the users. */
static gboolean
slack_read_data (DebriefChatImport  *import,
                 const char         *contents,
                 gsize               length,
                 const char         *display_name,
                 const char         *channel,
                 GHashTable         *users,
                 gboolean            are_users,
                 GError            **error)
{
  g_autofree char *text = NULL;
  g_autofree char *label = file_label (display_name);
  g_autoptr(JsonNode) root = NULL;

  text = _debrief_text_sanitize (contents, length, &length);
  if (_debrief_text_is_blank (text, length))
    {
      g_set_error (error, DEBRIEF_CHAT_IMPORT_ERROR, DEBRIEF_CHAT_IMPORT_ERROR_EMPTY,
                   _("%s is empty."), label);
      return FALSE;
    }

  root = parse_json (text, length, label, error);
  if (root == NULL)
    return FALSE;

  if (are_users)
    return slack_read_users (users, root, label, error);

  return slack_read_day (import, root, channel, users, label, error);
}

static gboolean
slack_read_file (DebriefChatImport  *import,
                 GFile              *file,
                 const char         *display_name,
                 const char         *channel,
                 GHashTable         *users,
                 gboolean            are_users,
                 GCancellable       *cancellable,
                 GError            **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return FALSE;

  return slack_read_data (import, contents, length, display_name, channel, users, are_users, error);
}

/* A day file inside a zipped export: "<channel>/2026-03-14.json". */
static char *
zip_day_channel (const char *name)
{
  const char *slash = strrchr (name, '/');
  const char *base = slash ? slash + 1 : name;
  const char *start;

  if (slash == NULL || !debrief_slack_is_day_file_name (base))
    return NULL;

  for (start = slash; start > name && start[-1] != '/'; start--)
    ;

  return g_strndup (start, slash - start);
}

/* A Slack export as Slack hands it out: a zip of the folder. Read in
 * memory with the bounded reader, never unpacked onto the disk. */
static DebriefChatImport *
slack_import_zip (GBytes      *bytes,
                  const char  *label,
                  GError     **error)
{
  g_autoptr(DebriefChatImport) import = chat_import_new (DEBRIEF_CHAT_FORMAT_SLACK);
  g_autoptr(GHashTable) users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(DebriefZip) zip = NULL;
  g_autoptr(GError) local_error = NULL;
  int users_entry;

  if (!(zip = debrief_zip_open_bytes (bytes, &local_error)))
    {
      g_set_error (error, DEBRIEF_CHAT_IMPORT_ERROR, DEBRIEF_CHAT_IMPORT_ERROR_ZIP,
                   _("%s cannot be read as a zip archive: %s"), label, local_error->message);
      return NULL;
    }

  if ((users_entry = debrief_zip_find_entry (zip, "users.json")) >= 0)
    {
      g_autoptr(GBytes) data = debrief_zip_extract (zip, users_entry, 0, &local_error);
      gsize size;
      const char *contents;

      if (data == NULL)
        {
          g_set_error (error, DEBRIEF_CHAT_IMPORT_ERROR, DEBRIEF_CHAT_IMPORT_ERROR_ZIP,
                       _("%s: users.json cannot be read: %s"), label, local_error->message);
          return NULL;
        }
      contents = g_bytes_get_data (data, &size);
      if (!slack_read_data (NULL, contents ? contents : "", size, "users.json", NULL, users, TRUE, error))
        return NULL;
    }

  for (guint i = 0; i < debrief_zip_get_n_entries (zip); i++)
    {
      const DebriefZipEntry *entry = debrief_zip_get_entry (zip, i);
      g_autofree char *channel = NULL;
      g_autoptr(GBytes) data = NULL;
      const char *contents;
      gsize size;

      if (entry->is_directory || entry->is_unsafe || !(channel = zip_day_channel (entry->name)))
        continue;

      if (!(data = debrief_zip_extract (zip, i, 0, &local_error)))
        {
          g_set_error (error, DEBRIEF_CHAT_IMPORT_ERROR, DEBRIEF_CHAT_IMPORT_ERROR_ZIP,
                       _("%s: %s cannot be read: %s"), label, entry->name, local_error->message);
          return NULL;
        }

      contents = g_bytes_get_data (data, &size);
      if (!slack_read_data (import, contents ? contents : "", size, entry->name, channel, users, FALSE, error))
        return NULL;
    }

  if (import->messages->len == 0 && import->n_skipped == 0)
    {
      g_set_error (error, DEBRIEF_CHAT_IMPORT_ERROR, DEBRIEF_CHAT_IMPORT_ERROR_NO_MESSAGES,
                   _("%s holds no Slack messages."), label);
      return NULL;
    }

  return g_steal_pointer (&import);
}

static int
compare_file_names (gconstpointer a,
                    gconstpointer b)
{
  GFileInfo *info_a = *(GFileInfo **) a;
  GFileInfo *info_b = *(GFileInfo **) b;

  return strcmp (g_file_info_get_name (info_a), g_file_info_get_name (info_b));
}

/* The children of @folder, by name. */
static GPtrArray *
list_folder (GFile         *folder,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (enumerator == NULL)
    return NULL;

  for (;;)
    {
      GFileInfo *info = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, cancellable, error))
        return NULL;
      if (info == NULL)
        break;
      g_ptr_array_add (children, g_object_ref (info));
    }

  g_ptr_array_sort (children, compare_file_names);
  return g_steal_pointer (&children);
}

gboolean
debrief_slack_is_day_file_name (const char *name)
{
  static const char pattern[] = "dddd-dd-dd.json";

  g_return_val_if_fail (name != NULL, FALSE);

  if (strlen (name) != sizeof pattern - 1)
    return FALSE;
  for (gsize i = 0; i < sizeof pattern - 1; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (name[i]) : name[i] != pattern[i])
      return FALSE;

  return TRUE;
}

gboolean
debrief_slack_is_list_name (const char *name)
{
  const char *base;

  g_return_val_if_fail (name != NULL, FALSE);

  base = strrchr (name, '/');
  base = base != NULL ? base + 1 : name;
  return g_str_equal (base, "channels.json")
         || g_str_equal (base, "users.json")
         || g_str_equal (base, "integration_logs.json")
         || g_str_equal (base, "dms.json")
         || g_str_equal (base, "groups.json");
}

gboolean
debrief_slack_is_export_folder (GFile        *folder,
                                GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) children = NULL;
  guint n_days = 0;
  guint n_other = 0;
  GFileInfo *info;

  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (children == NULL)
    return FALSE;

  while (g_file_enumerator_iterate (children, &info, NULL, cancellable, NULL) && info != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_equal (name, "users.json") || g_str_equal (name, "channels.json"))
        return TRUE;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && debrief_slack_is_day_file_name (name))
        n_days++;
      else if (name[0] != '.')
        n_other++;
    }

  return n_days > 0 && n_other == 0;
}

static gboolean
is_day_file (GFileInfo *info)
{
  return g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
         debrief_slack_is_day_file_name (g_file_info_get_name (info));
}

static gboolean
slack_read_channel (DebriefChatImport  *import,
                    GFile              *folder,
                    GPtrArray          *children,
                    GHashTable         *users,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autofree char *channel = g_file_get_basename (folder);

  for (guint i = 0; i < children->len; i++)
    {
      GFileInfo *info = g_ptr_array_index (children, i);
      g_autoptr(GFile) child = NULL;
      g_autofree char *display_name = NULL;

      if (!is_day_file (info))
        continue;

      child = g_file_get_child (folder, g_file_info_get_name (info));
      display_name = g_build_filename (channel, g_file_info_get_name (info), NULL);
      if (!slack_read_file (import, child, display_name, channel, users, FALSE, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
slack_load_users (GHashTable    *users,
                  GFile         *folder,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFile) here = g_file_get_child (folder, "users.json");
  g_autoptr(GFile) parent = g_file_get_parent (folder);
  g_autoptr(GFile) above = parent != NULL ? g_file_get_child (parent, "users.json") : NULL;
  GFile *found = NULL;

  if (g_file_query_exists (here, cancellable))
    found = here;
  else if (above != NULL && g_file_query_exists (above, cancellable))
    found = above;

  if (found == NULL)
    return TRUE;

  return slack_read_file (NULL, found, "users.json", NULL, users, TRUE, cancellable, error);
}

/* An unpacked Slack export: either its top folder (users.json and one
 * folder per channel) or the folder of one channel. */
static DebriefChatImport *
slack_import_folder (GFile         *folder,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(DebriefChatImport) import = chat_import_new (DEBRIEF_CHAT_FORMAT_SLACK);
  g_autoptr(GHashTable) users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) children = NULL;

  if (!slack_load_users (users, folder, cancellable, error))
    return NULL;

  children = list_folder (folder, cancellable, error);
  if (children == NULL)
    return NULL;

  if (!slack_read_channel (import, folder, children, users, cancellable, error))
    return NULL;

  for (guint i = 0; i < children->len; i++)
    {
      GFileInfo *info = g_ptr_array_index (children, i);
      g_autoptr(GFile) child = NULL;
      g_autoptr(GPtrArray) days = NULL;

      if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
        continue;

      child = g_file_get_child (folder, g_file_info_get_name (info));
      days = list_folder (child, cancellable, error);
      if (days == NULL ||
          !slack_read_channel (import, child, days, users, cancellable, error))
        return NULL;
    }

  if (import->messages->len == 0 && import->n_skipped == 0)
    {
      g_autofree char *name = g_file_get_basename (folder);

      g_set_error (error, DEBRIEF_CHAT_IMPORT_ERROR, DEBRIEF_CHAT_IMPORT_ERROR_NO_MESSAGES,
                   _("The folder “%s” holds no Slack messages. Choose the unpacked export, or one of its channel folders."),
                   name);
      return NULL;
    }

  return g_steal_pointer (&import);
}

GBytes *
debrief_chat_import_to_slack_json (const DebriefChatImport *import)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  char *text;
  gsize length;

  g_return_val_if_fail (import != NULL, NULL);

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < import->messages->len; i++)
    {
      DebriefChatMessage *message = g_ptr_array_index (import->messages, i);
      g_autofree char *ts = NULL;

      /* Slack has no message without a time. */
      if (message->time == NULL)
        continue;

      ts = g_strdup_printf ("%" G_GINT64_FORMAT ".%06d",
                            g_date_time_to_unix (message->time),
                            g_date_time_get_microsecond (message->time));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "message");
      json_builder_set_member_name (builder, "ts");
      json_builder_add_string_value (builder, ts);
      json_builder_set_member_name (builder, "user_name");
      json_builder_add_string_value (builder, message->author ? message->author : "");
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, message->text ? message->text : "");
      if (message->thread_id != NULL)
        {
          json_builder_set_member_name (builder, "thread_ts");
          json_builder_add_string_value (builder, message->thread_id);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);

  return g_bytes_new_take (text, length);
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
  JsonNode *replies;

  if (!get_int (post, "create_at", &create_at) ||
      create_at > G_MAXINT64 / 1000 || create_at < G_MININT64 / 1000 ||
      (time = debrief_date_time_new_from_usec (create_at * 1000)) == NULL)
    {
      add_skip (import, g_strdup_printf (_("Line %u is a post without a time Debrief can read."), line));
      return;
    }

  replies = json_object_get_member (post, "replies");
  if (thread_id == NULL)
    thread_id = get_string (post, "root_id");
  if (thread_id == NULL && replies != NULL && JSON_NODE_HOLDS_ARRAY (replies) &&
      json_array_get_length (json_node_get_array (replies)) > 0)
    thread_id = own_thread = g_strdup_printf ("%" G_GINT64_FORMAT, create_at);

  g_ptr_array_add (import->messages,
                   message_new (time, get_string (post, "user"), get_string (post, "message"),
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
            add_skip (import, g_strdup_printf (_("Line %u holds a reply that is not a post."), line));
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

  root = parse_json (data, length, label, &error);
  if (root == NULL)
    {
      add_skip (import, g_strdup (error->message));
      return;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      (type = get_string ((object = json_node_get_object (root)), "type")) == NULL)
    {
      add_skip (import, g_strdup_printf (_("Line %u is not a Mattermost export record."), line));
      return;
    }

  if (strcmp (type, "post") != 0 && strcmp (type, "direct_post") != 0)
    return;

  post = get_object (object, type);
  if (post == NULL)
    {
      add_skip (import, g_strdup_printf (_("Line %u is a post record without a post."), line));
      return;
    }

  if (strcmp (type, "post") == 0)
    mattermost_add_post (import, post, get_string (post, "channel"), NULL, line);
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
  g_autoptr(DebriefChatImport) import = chat_import_new (DEBRIEF_CHAT_FORMAT_MATTERMOST);
  const char *end = text + length;
  const char *p = text;
  guint line = 0;
  guint n_records = 0;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      gsize line_length = (eol != NULL ? eol : end) - p;

      line++;
      if (!_debrief_text_is_blank (p, line_length))
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
  g_autoptr(DebriefChatImport) import = chat_import_new (DEBRIEF_CHAT_FORMAT_TRANSCRIPT);
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
      if (_debrief_text_is_blank (start, line_length))
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
        add_skip (import, g_strdup_printf (_("Line %u of %s is not a chat message."), line, label));
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

  text = _debrief_text_sanitize (data != NULL ? data : "", size, &length);
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
  g_autofree char *label = file_label (file_name);
  g_autofree char *text = NULL;
  const char *data;
  gsize size;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_atomic_int_inc (&n_parses);
  if (format == DEBRIEF_CHAT_FORMAT_UNKNOWN)
    format = debrief_chat_detect (bytes, file_name);

  /* Binary: read before anything is made into text. */
  if (format == DEBRIEF_CHAT_FORMAT_SLACK_ZIP)
    {
      if (!(import = slack_import_zip (bytes, label, error)))
        return NULL;
      sort_messages (import);
      return g_steal_pointer (&import);
    }

  data = g_bytes_get_data (bytes, &size);
  text = _debrief_text_sanitize (data != NULL ? data : "", size, &length);
  if (_debrief_text_is_blank (text, length))
    {
      g_set_error (error, DEBRIEF_CHAT_IMPORT_ERROR, DEBRIEF_CHAT_IMPORT_ERROR_EMPTY,
                   _("%s is empty."), label);
      return NULL;
    }

  switch (format)
    {
    case DEBRIEF_CHAT_FORMAT_SLACK:
      {
        g_autoptr(JsonNode) root = parse_json (text, length, label, error);
        g_autofree char *channel = channel_from_file_name (file_name);

        if (root == NULL)
          return NULL;
        import = chat_import_new (format);
        if (!slack_read_day (import, root, channel, NULL, label, error))
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
      import = slack_import_folder (file, cancellable, error);
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
