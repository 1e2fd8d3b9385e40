/* debrief-chat-content.c
 *
 * The messages of a chat export as a list model, for the chat view, with
 * what the view shows about them: which are replies, how many replies a
 * thread has, whether they come from several channels.  Loaded from an
 * evidence item off the main thread.
 *
 * An export can hold hundreds of thousands of messages, and the list view
 * asks only for the few it shows, so items are made when asked for and
 * hold nothing but their position: the messages stay in the import's
 * array, which this model owns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-chat-content"

#include "config.h"

#include <string.h>

#include "debrief-chat-content.h"
#include "debrief-content-loader.h"
#include "debrief-evidence-store.h"

struct _DebriefChatContent
{
  GObject            parent_instance;

  DebriefChatImport *import;
  GPtrArray         *messages;
  GHashTable        *replies;  /* thread id → number of replies */
  gboolean           several_channels;
};

static void debrief_chat_content_init_model (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DebriefChatContent, debrief_chat_content, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, debrief_chat_content_init_model))

static GQuark
item_position_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("debrief-chat-message-position");

  return quark;
}

/* What a chat's parse needs besides its bytes. */
typedef struct
{
  char      *file_name;  /* says which export it is */
  GDateTime *reference;  /* the incident's date and zone, for transcripts */
} ChatArgs;

static void
chat_args_free (ChatArgs *args)
{
  g_free (args->file_name);
  g_clear_pointer (&args->reference, g_date_time_unref);
  g_free (args);
}

static GType
debrief_chat_content_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
debrief_chat_content_get_n_items (GListModel *model)
{
  DebriefChatContent *self = DEBRIEF_CHAT_CONTENT (model);

  return self->messages->len;
}

static gpointer
debrief_chat_content_get_item (GListModel *model,
                               guint       position)
{
  DebriefChatContent *self = DEBRIEF_CHAT_CONTENT (model);
  GObject *item;

  if (position >= self->messages->len)
    return NULL;

  item = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_qdata (item, item_position_quark (), GUINT_TO_POINTER (position + 1));

  return item;
}

static void
debrief_chat_content_init_model (GListModelInterface *iface)
{
  iface->get_item_type = debrief_chat_content_get_item_type;
  iface->get_n_items = debrief_chat_content_get_n_items;
  iface->get_item = debrief_chat_content_get_item;
}

static void
debrief_chat_content_finalize (GObject *object)
{
  DebriefChatContent *self = DEBRIEF_CHAT_CONTENT (object);

  g_clear_pointer (&self->replies, g_hash_table_unref);
  g_clear_pointer (&self->messages, g_ptr_array_unref);
  g_clear_pointer (&self->import, debrief_chat_import_free);

  G_OBJECT_CLASS (debrief_chat_content_parent_class)->finalize (object);
}

static void
debrief_chat_content_class_init (DebriefChatContentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = debrief_chat_content_finalize;
}

static void
debrief_chat_content_init (DebriefChatContent *self)
{
}

static gint64
datetime_to_usec (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

/* Whether @message is the first of the thread it names. Slack names a
 * thread after the "ts" of its first message (seconds, a dot, and
 * microseconds); the Mattermost import after the first post's time in
 * milliseconds. A reply names another message. */
static gboolean
starts_thread (const DebriefChatMessage *message)
{
  const char *thread_id = message->thread_id;
  const char *dot;
  guint64 whole;
  gint64 usec;

  if (thread_id == NULL || message->time == NULL)
    return FALSE;

  usec = datetime_to_usec (message->time);
  dot = strchr (thread_id, '.');

  if (dot != NULL)
    {
      g_autofree char *seconds = g_strndup (thread_id, (gsize) (dot - thread_id));
      gint64 fraction = 0;
      gint64 scale = 100000;

      if (!g_ascii_string_to_unsigned (seconds, 10, 0, G_MAXINT64 / G_USEC_PER_SEC - 1, &whole, NULL))
        return FALSE;
      for (const char *p = dot + 1; *p != '\0'; p++)
        {
          if (!g_ascii_isdigit (*p))
            return FALSE;
          fraction += (*p - '0') * scale;
          scale /= 10;
        }

      return (gint64) whole * G_USEC_PER_SEC + fraction == usec;
    }

  if (!g_ascii_string_to_unsigned (thread_id, 10, 0, G_MAXINT64 / G_USEC_PER_SEC, &whole, NULL))
    return FALSE;

  return (gint64) whole * 1000 == usec || (gint64) whole * G_USEC_PER_SEC == usec;
}

static gboolean
is_reply (const DebriefChatMessage *message)
{
  return message->thread_id != NULL && !starts_thread (message);
}

/**
 * debrief_chat_content_new:
 * @import: (transfer full) (nullable): the messages; none when %NULL
 *
 * Returns: (transfer full): a model with one item per message
 */
DebriefChatContent *
debrief_chat_content_new (DebriefChatImport *import)
{
  DebriefChatContent *self = g_object_new (DEBRIEF_TYPE_CHAT_CONTENT, NULL);
  const char *channel = NULL;

  self->import = import;
  self->messages = import != NULL ? g_ptr_array_ref (import->messages) : g_ptr_array_new ();
  self->replies = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->messages->len; i++)
    {
      const DebriefChatMessage *message = g_ptr_array_index (self->messages, i);

      if (is_reply (message))
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->replies, message->thread_id));

          g_hash_table_insert (self->replies, message->thread_id, GUINT_TO_POINTER (n + 1));
        }

      if (message->channel != NULL)
        {
          if (channel == NULL)
            channel = message->channel;
          else if (strcmp (channel, message->channel) != 0)
            self->several_channels = TRUE;
        }
    }

  return self;
}

static GObject *
parse_chat (GBytes        *bytes,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  ChatArgs *args = data;
  DebriefChatImport *import;

  if (!(import = debrief_chat_import_bytes (bytes, args->file_name, DEBRIEF_CHAT_FORMAT_UNKNOWN,
                                            args->reference, error)))
    return NULL;

  return G_OBJECT (debrief_chat_content_new (import));
}

/**
 * debrief_chat_content_load_async:
 *
 * Reads the messages of a chat among the evidence of @document, and
 * parses them in a worker thread.
 */
void
debrief_chat_content_load_async (DebriefDocument     *document,
                                 DebriefEvidence     *evidence,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  ChatArgs *args;

  g_return_if_fail (DEBRIEF_IS_DOCUMENT (document));
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (evidence));

  args = g_new0 (ChatArgs, 1);
  args->file_name = g_strdup (debrief_evidence_get_original_name (evidence));
  args->reference = debrief_incident_dup_reference_time (debrief_document_get_incident (document));
  debrief_content_load_async (document, evidence, debrief_chat_content_load_async, parse_chat,
                              args, (GDestroyNotify) chat_args_free, cancellable, callback, user_data);
}

/**
 * debrief_chat_content_load_finish:
 *
 * Returns: (transfer full): the messages, or %NULL with @error set
 */
DebriefChatContent *
debrief_chat_content_load_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return DEBRIEF_CHAT_CONTENT (debrief_content_load_finish (result, debrief_chat_content_load_async, error));
}

const DebriefChatMessage *
debrief_chat_content_get_message (DebriefChatContent *self,
                                  guint               position)
{
  g_return_val_if_fail (DEBRIEF_IS_CHAT_CONTENT (self), NULL);
  g_return_val_if_fail (position < self->messages->len, NULL);

  return g_ptr_array_index (self->messages, position);
}

/**
 * debrief_chat_content_item_get_position:
 * @item: an item of a #DebriefChatContent
 *
 * Returns: the position of the message that @item stands for
 */
guint
debrief_chat_content_item_get_position (gpointer item)
{
  gpointer data;

  g_return_val_if_fail (G_IS_OBJECT (item), 0);

  data = g_object_get_qdata (item, item_position_quark ());
  g_return_val_if_fail (data != NULL, 0);

  return GPOINTER_TO_UINT (data) - 1;
}

/* Whether the message at @position answers another in a thread. */
gboolean
debrief_chat_content_is_reply (DebriefChatContent *self,
                               guint               position)
{
  g_return_val_if_fail (DEBRIEF_IS_CHAT_CONTENT (self), FALSE);
  g_return_val_if_fail (position < self->messages->len, FALSE);

  return is_reply (g_ptr_array_index (self->messages, position));
}

/* How many replies the thread @thread_id has. */
guint
debrief_chat_content_get_n_replies (DebriefChatContent *self,
                                    const char         *thread_id)
{
  g_return_val_if_fail (DEBRIEF_IS_CHAT_CONTENT (self), 0);

  if (thread_id == NULL)
    return 0;

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->replies, thread_id));
}

/* Whether the messages come from more than one channel: then each shows its own. */
gboolean
debrief_chat_content_get_several_channels (DebriefChatContent *self)
{
  g_return_val_if_fail (DEBRIEF_IS_CHAT_CONTENT (self), FALSE);

  return self->several_channels;
}
