/* debrief-log-model.c
 *
 * The lines of a stored log as a list model, decoded a chunk at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-log-model"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "debrief-document-private.h"
#include "debrief-evidence-store-private.h"
#include "debrief-log-model.h"
#include "debrief-text.h"
#include "debrief-time.h"
#include "debrief-timestamp.h"

/* Decoded chunks kept: the visible rows, and a screen above and below,
 * lie in one or two chunks; a few more spare decoding when scrolling back. */
#define N_CACHED 4

typedef struct
{
  gint64   seq;
  GBytes  *bytes;
  GArray  *entries;
  guint64  used;
} CachedChunk;

struct _DebriefLogModel
{
  GObject          parent_instance;

  DebriefDocument *document;
  DebriefEvidence *evidence;
  char            *uuid;
  GArray          *rows;      /* of DebriefIndexRow */
  guint64          n_lines;
  gint64           offset_usec;
  /* FALSE while a clock that counts from boot is not aligned: rows then
   * carry time since boot. */
  gboolean         on_clock;

  /* What finds where each line's stamp and message start. */
  DebriefTimestampFormat  format;
  DebriefTimestampContext context;

  CachedChunk      cache[N_CACHED];
  guint64          clock;

  /* NULL: every line is shown; else the line numbers shown, in order. */
  GArray          *shown;
  GCancellable    *filtering;
  gulong           offset_handler;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DebriefLogModel, debrief_log_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_FILTERING,
  N_PROPS
};

enum {
  FILTER_DONE,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static guint
n_shown (DebriefLogModel *self)
{
  if (self->shown != NULL)
    return self->shown->len;

  return (guint) MIN (self->n_lines, G_MAXUINT);
}

static guint
debrief_log_model_get_n_items (GListModel *model)
{
  return n_shown (DEBRIEF_LOG_MODEL (model));
}

static GType
debrief_log_model_get_item_type (GListModel *model)
{
  return DEBRIEF_TYPE_LOG_ROW;
}

/* The index row holding @line. */
static guint
row_for_line (DebriefLogModel *self,
              guint64          line)
{
  guint lo = 0;
  guint hi = self->rows->len;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->rows, DebriefIndexRow, mid).first_line <= line)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

static CachedChunk *
get_chunk (DebriefLogModel  *self,
           guint             row_index,
           GError          **error)
{
  DebriefIndexRow *row = &g_array_index (self->rows, DebriefIndexRow, row_index);
  sqlite3 *db = _debrief_document_get_db (self->document);
  CachedChunk *oldest = &self->cache[0];
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) entries = NULL;

  for (guint i = 0; i < N_CACHED; i++)
    {
      if (self->cache[i].bytes != NULL && self->cache[i].seq == row->seq)
        {
          self->cache[i].used = ++self->clock;
          return &self->cache[i];
        }
      if (self->cache[i].used < oldest->used)
        oldest = &self->cache[i];
    }

  if (!(bytes = _debrief_evidence_read_chunk (db, self->uuid, row->seq, error)) ||
      !(entries = _debrief_evidence_read_index_entries (db, self->uuid, row->seq, error)))
    return NULL;

  g_clear_pointer (&oldest->bytes, g_bytes_unref);
  g_clear_pointer (&oldest->entries, g_array_unref);
  oldest->seq = row->seq;
  oldest->bytes = g_steal_pointer (&bytes);
  oldest->entries = g_steal_pointer (&entries);
  oldest->used = ++self->clock;

  return oldest;
}

static void
clear_cache (DebriefLogModel *self)
{
  for (guint i = 0; i < N_CACHED; i++)
    {
      g_clear_pointer (&self->cache[i].bytes, g_bytes_unref);
      g_clear_pointer (&self->cache[i].entries, g_array_unref);
      self->cache[i].used = 0;
    }
}

static guint64
line_at (DebriefLogModel *self,
         guint            position)
{
  if (self->shown != NULL)
    return g_array_index (self->shown, guint32, position);

  return position;
}

/* The row text: valid UTF-8, capped, with NUL made visible. */
static char *
row_text (const char *text,
          gsize       length)
{
  g_autofree char *clean = NULL;
  gboolean cut = length > DEBRIEF_LOG_ROW_MAX_TEXT;
  gsize clean_length;

  if (cut)
    length = DEBRIEF_LOG_ROW_MAX_TEXT;

  if (memchr (text, '\0', length) == NULL)
    clean = debrief_text_sanitize (text, length, &clean_length);
  else
    {
      g_autoptr(GString) visible = g_string_sized_new (length + 8);

      for (gsize i = 0; i < length; i++)
        {
          if (text[i] == '\0')
            g_string_append (visible, "\342\220\200"); /* U+2400 SYMBOL FOR NULL */
          else
            g_string_append_c (visible, text[i]);
        }
      clean = debrief_text_sanitize (visible->str, visible->len, &clean_length);
    }

  if (!cut)
    return g_steal_pointer (&clean);

  /* A cut may have split a character: the sanitizer made its bytes into
   * replacement characters, which is what a cut line may end with. */
  return g_strconcat (clean, "…", NULL);
}

static gpointer
debrief_log_model_get_item (GListModel *model,
                            guint       position)
{
  DebriefLogModel *self = DEBRIEF_LOG_MODEL (model);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  DebriefLogRow *row;
  DebriefLogStamp stamp;
  const DebriefLineEntry *entry;
  const char *raw;
  gsize raw_length;
  CachedChunk *chunk;
  guint64 line;
  guint row_index;

  if (position >= n_shown (self))
    return NULL;

  line = line_at (self, position);
  row_index = row_for_line (self, line);
  if (!(chunk = get_chunk (self, row_index, &error)))
    {
      /* The model cannot fail an item: a damaged chunk reads as a row
       * that says so, rather than as a hole in the list. */
      return debrief_log_row_new (line, G_MININT64, DEBRIEF_LOG_LEVEL_NONE, FALSE, error->message);
    }

  entry = &g_array_index (chunk->entries, DebriefLineEntry,
                          line - g_array_index (self->rows, DebriefIndexRow, row_index).first_line);
  _debrief_line_entry_get_text (entry, g_bytes_get_data (chunk->bytes, NULL), &raw, &raw_length);
  text = row_text (raw, raw_length);

  row = debrief_log_row_new (line,
                             entry->usec == G_MININT64 ? G_MININT64
                                                       : entry->usec + (self->on_clock ? self->offset_usec : 0),
                             (DebriefLogLevel) entry->level,
                             entry->has_stamp,
                             text);
  debrief_log_row_set_since_boot (row, !self->on_clock);

  /* Where the stamp and the message start, so that the view shows the
   * message apart from the time it already shows. Only a row on screen
   * is made, and the parser reads no more than the line's first bytes. */
  if (entry->has_stamp &&
      debrief_timestamp_parse_line (debrief_log_row_get_text (row), strlen (debrief_log_row_get_text (row)),
                                    self->format, &self->context, &stamp))
    debrief_log_row_set_stamp_span (row, stamp.stamp_offset, stamp.text_offset);

  return row;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = debrief_log_model_get_item_type;
  iface->get_n_items = debrief_log_model_get_n_items;
  iface->get_item = debrief_log_model_get_item;
}

static void
offset_changed (DebriefLogModel *self)
{
  gint64 offset_usec = debrief_evidence_get_clock_offset_ms (self->evidence) * 1000;
  guint n = n_shown (self);

  if (offset_usec == self->offset_usec)
    return;

  /* Every row's time moves: the rows are made anew. */
  self->offset_usec = offset_usec;
  self->on_clock = debrief_time_clock_is_aligned (debrief_evidence_get_since_boot (self->evidence),
                                                  debrief_evidence_get_clock_offset_ms (self->evidence));
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n, n);
}

static void
debrief_log_model_dispose (GObject *object)
{
  DebriefLogModel *self = DEBRIEF_LOG_MODEL (object);

  if (self->filtering != NULL)
    g_cancellable_cancel (self->filtering);
  g_clear_object (&self->filtering);
  g_clear_signal_handler (&self->offset_handler, self->evidence);
  g_clear_object (&self->evidence);
  g_clear_object (&self->document);
  clear_cache (self);

  G_OBJECT_CLASS (debrief_log_model_parent_class)->dispose (object);
}

static void
debrief_log_model_finalize (GObject *object)
{
  DebriefLogModel *self = DEBRIEF_LOG_MODEL (object);

  g_free (self->uuid);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->shown, g_array_unref);

  G_OBJECT_CLASS (debrief_log_model_parent_class)->finalize (object);
}

static void
debrief_log_model_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DebriefLogModel *self = DEBRIEF_LOG_MODEL (object);

  switch (prop_id)
    {
    case PROP_FILTERING:
      g_value_set_boolean (value, self->filtering != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_log_model_class_init (DebriefLogModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = debrief_log_model_dispose;
  object_class->finalize = debrief_log_model_finalize;
  object_class->get_property = debrief_log_model_get_property;

  properties [PROP_FILTERING] =
    g_param_spec_boolean ("filtering", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DebriefLogModel::filter-done:
   * @error: (nullable): why the filter could not be applied
   *
   * Emitted when a filter set with debrief_log_model_set_filter() has been
   * applied, or has failed; not when it was replaced by another.
   */
  signals [FILTER_DONE] =
    g_signal_new ("filter-done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
debrief_log_model_init (DebriefLogModel *self)
{
}

DebriefLogModel *
debrief_log_model_new (DebriefDocument  *document,
                       DebriefEvidence  *evidence,
                       GError          **error)
{
  g_autoptr(DebriefLogModel) self = NULL;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), NULL);

  self = g_object_new (DEBRIEF_TYPE_LOG_MODEL, NULL);
  self->document = g_object_ref (document);
  self->evidence = g_object_ref (evidence);
  self->uuid = g_strdup (debrief_record_get_uuid (DEBRIEF_RECORD (evidence)));
  self->offset_usec = debrief_evidence_get_clock_offset_ms (evidence) * 1000;
  self->on_clock = debrief_time_clock_is_aligned (debrief_evidence_get_since_boot (evidence),
                                                  debrief_evidence_get_clock_offset_ms (evidence));
  self->format = debrief_evidence_get_timestamp_format (evidence);
  /* Only where the stamp ends matters here, not its date: a fixed year
   * spares the parser a clock read for each row. */
  self->context.reference_year = debrief_evidence_get_first_at (evidence)
                                 ? g_date_time_get_year (debrief_evidence_get_first_at (evidence)) : 2000;

  if (!(self->rows = _debrief_evidence_read_index_rows (_debrief_document_get_db (document), self->uuid, error)))
    return NULL;

  for (guint i = 0; i < self->rows->len; i++)
    self->n_lines += g_array_index (self->rows, DebriefIndexRow, i).line_count;

  if (self->n_lines == 0 && debrief_evidence_get_size (evidence) > 0)
    {
      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_MISSING,
                   _("The lines of “%s” are not in this document: it may have been damaged."),
                   debrief_evidence_get_title (evidence));
      return NULL;
    }

  self->offset_handler = g_signal_connect_object (evidence, "notify::clock-offset-ms",
                                                  G_CALLBACK (offset_changed), self,
                                                  G_CONNECT_SWAPPED);

  return g_steal_pointer (&self);
}

DebriefEvidence *
debrief_log_model_get_evidence (DebriefLogModel *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_MODEL (self), NULL);

  return self->evidence;
}

guint64
debrief_log_model_get_n_lines (DebriefLogModel *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_MODEL (self), 0);

  return self->n_lines;
}

gboolean
debrief_log_model_get_on_incident_clock (DebriefLogModel *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_MODEL (self), FALSE);

  return self->on_clock;
}

gboolean
debrief_log_model_get_filtering (DebriefLogModel *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_MODEL (self), FALSE);

  return self->filtering != NULL;
}

/* --- Filter ----------------------------------------------------------- */

typedef struct
{
  DebriefEvidenceSource *source;
  char                  *uuid;
  GArray                *rows;
  DebriefLogLevel        min_level;
  char                  *text;
} FilterData;

static void
filter_data_free (gpointer data)
{
  FilterData *filter = data;

  debrief_evidence_source_free (filter->source);
  g_free (filter->uuid);
  g_clear_pointer (&filter->rows, g_array_unref);
  g_free (filter->text);
  g_free (filter);
}

static void
filter_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  FilterData *filter = task_data;
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint32));
  gsize text_length = filter->text != NULL ? strlen (filter->text) : 0;
  GError *error = NULL;
  sqlite3 *db;

  if (!(db = _debrief_evidence_source_open (filter->source, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint r = 0; r < filter->rows->len; r++)
    {
      DebriefIndexRow *row = &g_array_index (filter->rows, DebriefIndexRow, r);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GArray) entries = NULL;
      const char *data;

      if (g_cancellable_set_error_if_cancelled (cancellable, &error) ||
          !(bytes = _debrief_evidence_read_chunk (db, filter->uuid, row->seq, &error)) ||
          !(entries = _debrief_evidence_read_index_entries (db, filter->uuid, row->seq, &error)))
        {
          sqlite3_close (db);
          g_task_return_error (task, error);
          return;
        }
      data = g_bytes_get_data (bytes, NULL);

      for (guint i = 0; i < entries->len; i++)
        {
          const DebriefLineEntry *entry = &g_array_index (entries, DebriefLineEntry, i);
          guint64 line = row->first_line + i;
          const char *text;
          gsize length;
          gsize found;

          if (line > G_MAXUINT32)
            break;
          if (filter->min_level != DEBRIEF_LOG_LEVEL_NONE && entry->level < filter->min_level)
            continue;
          if (text_length > 0)
            {
              _debrief_line_entry_get_text (entry, data, &text, &length);
              if (!_debrief_ascii_find (text, length, filter->text, text_length, FALSE, &found))
                continue;
            }
          g_array_append_val (shown, (guint32) { (guint32) line });
        }
    }

  sqlite3_close (db);
  g_task_return_pointer (task, g_steal_pointer (&shown), (GDestroyNotify) g_array_unref);
}

static void
filter_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  DebriefLogModel *self = DEBRIEF_LOG_MODEL (object);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) shown = g_task_propagate_pointer (G_TASK (result), &error);
  guint old_n;

  /* A filter replaced by a newer one, or a model being disposed. */
  if (cancellable != self->filtering)
    return;

  g_clear_object (&self->filtering);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILTERING]);

  if (shown == NULL)
    {
      g_signal_emit (self, signals [FILTER_DONE], 0, error);
      return;
    }

  old_n = n_shown (self);
  g_clear_pointer (&self->shown, g_array_unref);
  self->shown = g_steal_pointer (&shown);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, n_shown (self));
  g_signal_emit (self, signals [FILTER_DONE], 0, NULL);
}

void
debrief_log_model_set_filter (DebriefLogModel *self,
                              DebriefLogLevel  min_level,
                              const char      *text)
{
  g_autoptr(GTask) task = NULL;
  FilterData *filter;

  g_return_if_fail (DEBRIEF_IS_LOG_MODEL (self));

  if (self->filtering != NULL)
    g_cancellable_cancel (self->filtering);
  g_clear_object (&self->filtering);

  if (min_level == DEBRIEF_LOG_LEVEL_NONE && (text == NULL || *text == '\0'))
    {
      guint old_n = n_shown (self);

      if (self->shown != NULL)
        {
          g_clear_pointer (&self->shown, g_array_unref);
          g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, n_shown (self));
        }
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILTERING]);
      g_signal_emit (self, signals [FILTER_DONE], 0, NULL);
      return;
    }

  filter = g_new0 (FilterData, 1);
  filter->source = debrief_evidence_source_new (self->document);
  filter->uuid = g_strdup (self->uuid);
  filter->rows = g_array_ref (self->rows);
  filter->min_level = min_level;
  filter->text = g_strdup (text);

  self->filtering = g_cancellable_new ();
  task = g_task_new (self, self->filtering, filter_done, NULL);
  g_task_set_source_tag (task, debrief_log_model_set_filter);
  g_task_set_task_data (task, filter, filter_data_free);
  g_task_run_in_thread (task, filter_thread);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILTERING]);
}

guint
debrief_log_model_find_line (DebriefLogModel *self,
                             guint64          line)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (DEBRIEF_IS_LOG_MODEL (self), G_MAXUINT);

  if (self->shown == NULL)
    return line < n_shown (self) ? (guint) line : G_MAXUINT;

  hi = self->shown->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->shown, guint32, mid) < line)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo < self->shown->len ? lo : G_MAXUINT;
}

guint
debrief_log_model_find_time (DebriefLogModel *self,
                             gint64           usec)
{
  gint64 raw;

  g_return_val_if_fail (DEBRIEF_IS_LOG_MODEL (self), G_MAXUINT);

  raw = usec - (self->on_clock ? self->offset_usec : 0);

  /* Logs run forward in time, mostly: the first chunk that reaches the
   * time holds the first line at or after it. */
  for (guint r = 0; r < self->rows->len; r++)
    {
      DebriefIndexRow *row = &g_array_index (self->rows, DebriefIndexRow, r);
      CachedChunk *chunk;

      if (row->max_usec == G_MININT64 || row->max_usec < raw)
        continue;

      if (!(chunk = get_chunk (self, r, NULL)))
        return G_MAXUINT;

      for (guint i = 0; i < chunk->entries->len; i++)
        {
          const DebriefLineEntry *entry = &g_array_index (chunk->entries, DebriefLineEntry, i);

          if (entry->usec != G_MININT64 && entry->usec >= raw)
            return debrief_log_model_find_line (self, row->first_line + i);
        }
    }

  return G_MAXUINT;
}
