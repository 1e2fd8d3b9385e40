/* debrief-chat-import-slack.c
 *
 * Slack exports for the chat importer: a day of a channel, the zip Slack
 * hands out, read in memory, and the unpacked folder; what a Slack export
 * is; and a folder written back as one day, which is how it is stored.
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
#include "debrief-zip.h"

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
      id = _debrief_chat_json_get_string (user, "id");
      if (id == NULL)
        continue;

      profile = _debrief_chat_json_get_object (user, "profile");
      if (profile != NULL)
        name = _debrief_chat_json_get_string (profile, "real_name");
      if (name == NULL || *name == '\0')
        name = _debrief_chat_json_get_string (user, "real_name");
      if (name == NULL || *name == '\0')
        name = _debrief_chat_json_get_string (user, "name");
      if (name != NULL && *name != '\0')
        g_hash_table_replace (users, g_strdup (id), g_strdup (name));
    }

  return TRUE;
}

/* Slack escapes these three in message text, and nothing else. */
static void
append_unescaped (GString    *out,
                  const char *text,
                  gsize       length)
{
  const char *end = text + length;

  while (text < end)
    {
      if (*text == '&' && end - text >= 5 && strncmp (text, "&amp;", 5) == 0)
        {
          g_string_append_c (out, '&');
          text += 5;
        }
      else if (*text == '&' && end - text >= 4 && strncmp (text, "&lt;", 4) == 0)
        {
          g_string_append_c (out, '<');
          text += 4;
        }
      else if (*text == '&' && end - text >= 4 && strncmp (text, "&gt;", 4) == 0)
        {
          g_string_append_c (out, '>');
          text += 4;
        }
      else
        g_string_append_c (out, *text++);
    }
}

/* One of Slack's <…> references, as a person reads it: <@U03NEW> is
 * "@Linus", <#C01|ops> "#ops", <!here> "@here", <https://x|the page>
 * "the page (https://x)".  A person not in users.json nor in the
 * messages is "@U03NEW", readable at least.
 */
static void
append_reference (GString    *out,
                  const char *inner,
                  gsize       length,
                  GHashTable *users,
                  GHashTable *learned)
{
  const char *bar = memchr (inner, '|', length);
  gsize id_length = bar != NULL ? (gsize) (bar - inner) : length;
  const char *label = bar != NULL ? bar + 1 : NULL;
  gsize label_length = bar != NULL ? length - id_length - 1 : 0;

  if (length == 0)
    {
      g_string_append (out, "<>");
      return;
    }

  if (inner[0] == '@' || inner[0] == '#')
    {
      g_autofree char *id = g_strndup (inner + 1, id_length - 1);
      const char *name = NULL;

      if (inner[0] == '@')
        {
          name = users != NULL ? g_hash_table_lookup (users, id) : NULL;
          if (name == NULL && learned != NULL)
            name = g_hash_table_lookup (learned, id);
        }

      g_string_append_c (out, inner[0]);
      if (name != NULL)
        g_string_append (out, name);
      else if (label != NULL && label_length > 0)
        append_unescaped (out, label[0] == inner[0] ? label + 1 : label,
                          label[0] == inner[0] ? label_length - 1 : label_length);
      else
        g_string_append (out, id);
      return;
    }

  if (inner[0] == '!')
    {
      /* <!here>, <!channel>, <!subteam^S01|@oncall>, <!date^…|fallback> */
      if (label != NULL && label_length > 0)
        {
          append_unescaped (out, label, label_length);
          return;
        }
      g_string_append_c (out, '@');
      g_string_append_len (out, inner + 1, strcspn (inner + 1, "^|>") < id_length - 1
                                           ? (gssize) strcspn (inner + 1, "^|>") : (gssize) id_length - 1);
      return;
    }

  /* A link, perhaps with the words it is shown as. */
  if (label != NULL && label_length > 0)
    {
      gsize scheme = g_str_has_prefix (inner, "mailto:") ? strlen ("mailto:") : 0;

      append_unescaped (out, label, label_length);
      if (id_length - scheme != label_length || strncmp (inner + scheme, label, label_length) != 0)
        {
          g_string_append (out, " (");
          append_unescaped (out, inner, id_length);
          g_string_append_c (out, ')');
        }
      return;
    }

  append_unescaped (out, inner, id_length);
}

/**
 * _debrief_chat_slack_plain_text:
 * @users: (nullable): ids to names, from users.json
 * @learned: (nullable): ids to names, from the messages themselves
 *
 * Returns: (transfer full): the text of a Slack message as a person reads
 *   it in Slack: references resolved, escapes undone
 */
char *
_debrief_chat_slack_plain_text (const char *text,
                                GHashTable *users,
                                GHashTable *learned)
{
  GString *out;
  const char *p = text;

  if (text == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text));
  while (*p != '\0')
    {
      const char *open = strchr (p, '<');
      const char *close = open != NULL ? strchr (open + 1, '>') : NULL;

      if (open == NULL || close == NULL)
        {
          append_unescaped (out, p, strlen (p));
          break;
        }

      append_unescaped (out, p, (gsize) (open - p));
      append_reference (out, open + 1, (gsize) (close - open - 1), users, learned);
      p = close + 1;
    }

  return g_string_free (out, FALSE);
}

/* Slack's message attachments, which Mattermost copied: what bots and
 * integrations post (alerts, CI results), often the whole message.  Each
 * is its pretext, title and text, or else its fallback, on lines of their
 * own after @text.  @slack: the strings are in Slack's escaped form.
 */
void
_debrief_chat_append_attachments (GString    *text,
                                  JsonNode   *node,
                                  gboolean    slack,
                                  GHashTable *users,
                                  GHashTable *learned)
{
  static const char * const parts[] = { "pretext", "title", "text" };
  JsonArray *attachments;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;

  attachments = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (attachments); i++)
    {
      JsonNode *element = json_array_get_element (attachments, i);
      gboolean any = FALSE;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      for (guint k = 0; k <= G_N_ELEMENTS (parts); k++)
        {
          /* The fallback is the attachment said in plain text. */
          const char *name = k < G_N_ELEMENTS (parts) ? parts[k] : "fallback";
          const char *raw = _debrief_chat_json_get_string (json_node_get_object (element), name);
          g_autofree char *part = NULL;

          if (k == G_N_ELEMENTS (parts) && any)
            break;
          part = slack ? _debrief_chat_slack_plain_text (raw, users, learned) : g_strdup (raw);
          if (part != NULL && *part != '\0')
            {
              g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", part);
              any = TRUE;
            }
        }
    }
}

/* What a message shows besides its text: the attachments bots and
 * integrations post (alerts, CI results), whose text is often the whole
 * message, and the names of the files shared with it.
 */
static char *
slack_message_text (JsonObject *object,
                    GHashTable *users,
                    GHashTable *learned)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *own = _debrief_chat_slack_plain_text (_debrief_chat_json_get_string (object, "text"), users, learned);
  JsonNode *node;

  if (own != NULL)
    g_string_append (text, own);

  _debrief_chat_append_attachments (text, json_object_get_member (object, "attachments"), TRUE, users, learned);

  node = json_object_get_member (object, "files");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *files = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (files); i++)
        {
          JsonNode *element = json_array_get_element (files, i);
          const char *name;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          name = _debrief_chat_json_get_string (json_node_get_object (element), "title");
          if (name == NULL || *name == '\0')
            name = _debrief_chat_json_get_string (json_node_get_object (element), "name");
          if (name == NULL || *name == '\0')
            continue;
          g_string_append (text, text->len > 0 ? "\n" : "");
          /* Translators: %s is the name of a file shared in a chat */
          g_string_append_printf (text, _("Shared a file: %s"), name);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The name a message gives its own author, for mentions of that person
 * that users.json does not resolve (a guest, a user who has left).
 */
static void
learn_names (JsonArray  *array,
             GHashTable *learned)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      JsonObject *profile;
      const char *user;
      const char *name = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      object = json_node_get_object (node);
      user = _debrief_chat_json_get_string (object, "user");
      if (user == NULL || *user == '\0' || g_hash_table_contains (learned, user))
        continue;

      profile = _debrief_chat_json_get_object (object, "user_profile");
      if (profile != NULL)
        name = _debrief_chat_json_get_string (profile, "real_name");
      if (name == NULL || *name == '\0')
        name = _debrief_chat_json_get_string (object, "user_name");
      if (name == NULL || *name == '\0')
        name = _debrief_chat_json_get_string (object, "username");
      if (name != NULL && *name != '\0')
        g_hash_table_insert (learned, g_strdup (user), g_strdup (name));
    }
}

gboolean
_debrief_chat_slack_read_day (DebriefChatImport  *import,
                              JsonNode           *root,
                              const char         *channel,
                              GHashTable         *users,
                              const char         *label,
                              GError            **error)
{
  g_autoptr(GHashTable) learned = NULL;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, DEBRIEF_CHAT_IMPORT_ERROR, DEBRIEF_CHAT_IMPORT_ERROR_INVALID,
                   _("%s is not a day of a Slack export: it holds no list of messages."), label);
      return FALSE;
    }

  array = json_node_get_array (root);
  learned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  learn_names (array, learned);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      JsonObject *profile;
      g_autofree char *text = NULL;
      const char *ts;
      const char *type;
      const char *user;
      const char *author = NULL;
      g_autoptr(GDateTime) time = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          _debrief_chat_import_add_skip (import, g_strdup_printf (_("Entry %u of %s is not a message."), i + 1, label));
          continue;
        }

      object = json_node_get_object (node);
      type = _debrief_chat_json_get_string (object, "type");
      if (type != NULL && strcmp (type, "message") != 0)
        continue;

      ts = _debrief_chat_json_get_string (object, "ts");
      if (ts == NULL || (time = parse_slack_ts (ts)) == NULL)
        {
          _debrief_chat_import_add_skip (import, g_strdup_printf (_("Message %u of %s has no time Debrief can read."), i + 1, label));
          continue;
        }

      user = _debrief_chat_json_get_string (object, "user");
      profile = _debrief_chat_json_get_object (object, "user_profile");
      if (profile != NULL)
        author = _debrief_chat_json_get_string (profile, "real_name");
      if ((author == NULL || *author == '\0') && user != NULL && users != NULL)
        author = g_hash_table_lookup (users, user);
      if (author == NULL || *author == '\0')
        author = _debrief_chat_json_get_string (object, "user_name");
      if (author == NULL || *author == '\0')
        author = _debrief_chat_json_get_string (object, "username");
      /* A bot's or an integration's message has no user, but a profile. */
      if ((author == NULL || *author == '\0')
          && (profile = _debrief_chat_json_get_object (object, "bot_profile")) != NULL)
        author = _debrief_chat_json_get_string (profile, "name");
      if (author == NULL || *author == '\0')
        author = user;

      text = slack_message_text (object, users, learned);
      g_ptr_array_add (import->messages,
                       _debrief_chat_message_new (time, author, text,
                                                  _debrief_chat_json_get_string (object, "thread_ts"),
                                                  channel));
    }

  return TRUE;
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
  g_autofree char *label = _debrief_chat_file_label (display_name);
  g_autoptr(JsonNode) root = NULL;

  text = debrief_text_sanitize (contents, length, &length);
  if (debrief_text_is_blank (text, length))
    {
      g_set_error (error, DEBRIEF_CHAT_IMPORT_ERROR, DEBRIEF_CHAT_IMPORT_ERROR_EMPTY,
                   _("%s is empty."), label);
      return FALSE;
    }

  root = _debrief_chat_parse_json (text, length, label, error);
  if (root == NULL)
    return FALSE;

  if (are_users)
    return slack_read_users (users, root, label, error);

  return _debrief_chat_slack_read_day (import, root, channel, users, label, error);
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
DebriefChatImport *
_debrief_chat_slack_import_zip (GBytes      *bytes,
                                const char  *label,
                                GError     **error)
{
  g_autoptr(DebriefChatImport) import = _debrief_chat_import_new (DEBRIEF_CHAT_FORMAT_SLACK);
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
DebriefChatImport *
_debrief_chat_slack_import_folder (GFile         *folder,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(DebriefChatImport) import = _debrief_chat_import_new (DEBRIEF_CHAT_FORMAT_SLACK);
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
      /* Slack's escapes, which reading the day undoes. */
      {
        g_autoptr(GString) escaped = g_string_new (message->text ? message->text : "");

        g_string_replace (escaped, "&", "&amp;", 0);
        g_string_replace (escaped, "<", "&lt;", 0);
        g_string_replace (escaped, ">", "&gt;", 0);
        json_builder_add_string_value (builder, escaped->str);
      }
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

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_ascii_strcasecmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * debrief_chat_import_dup_title:
 *
 * Returns: (transfer full) (nullable): for a Slack export, whose folder
 *   or zip is named "slack" or after the workspace, the channel the
 *   messages were written in, "#ops-incident", or up to three of them;
 *   %NULL for other chats, whose file is named by the person who saved
 *   it, and when the messages come from more channels
 */
char *
debrief_chat_import_dup_title (const DebriefChatImport *import)
{
  g_autoptr(GPtrArray) channels = g_ptr_array_new ();
  g_autoptr(GString) title = NULL;

  g_return_val_if_fail (import != NULL, NULL);

  if (import->format != DEBRIEF_CHAT_FORMAT_SLACK)
    return NULL;

  for (guint i = 0; i < import->messages->len; i++)
    {
      DebriefChatMessage *message = g_ptr_array_index (import->messages, i);
      guint k;

      if (message->channel == NULL)
        continue;
      for (k = 0; k < channels->len; k++)
        if (g_str_equal (g_ptr_array_index (channels, k), message->channel))
          break;
      if (k == channels->len)
        g_ptr_array_add (channels, message->channel);
    }

  if (channels->len == 0 || channels->len > 3)
    return NULL;

  g_ptr_array_sort (channels, compare_names);
  title = g_string_new (NULL);
  for (guint k = 0; k < channels->len; k++)
    {
      const char *name = g_ptr_array_index (channels, k);

      g_string_append_printf (title, "%s%s%s", k > 0 ? ", " : "", name[0] == '#' ? "" : "#", name);
    }

  return g_string_free (g_steal_pointer (&title), FALSE);
}
