/* debrief-document.c
 *
 * One incident document (a .debrief file): its private working copy, the
 * records in it, saving, undo and redo.
 *
 * A shared document is never edited where it lies. Opening copies it into a
 * working copy under the user's data folder and checks the copy; every edit
 * is a transaction on the working copy, durable at once; saving writes a
 * fresh file beside the target, syncs and verifies it, and renames it over
 * the target, but only if nobody else saved the target meanwhile. A session
 * that dies leaves its working copy behind, to be restored at the next start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-document"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "debrief-action-item.h"
#include "debrief-document-private.h"
#include "debrief-evidence.h"
#include "debrief-factor.h"
#include "debrief-feedback.h"
#include "debrief-meeting-note.h"
#include "debrief-participant.h"
#include "debrief-phase-marker.h"
#include "debrief-scope-item.h"
#include "debrief-timeline-event.h"
#include "debrief-user.h"

G_DEFINE_FINAL_TYPE (DebriefDocument, debrief_document, G_TYPE_OBJECT)

enum {
  EDIT_FAILED,
  PREPARATION_FAILED,
  N_SIGNALS
};

static GParamSpec *properties [DEBRIEF_DOCUMENT_N_PROPS];
static guint signals [N_SIGNALS];

void
_debrief_document_notify (DebriefDocument     *self,
                          DebriefDocumentProp  prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop]);
}

void
_debrief_document_emit_edit_failed (DebriefDocument *self,
                                    const GError    *error)
{
  g_signal_emit (self, signals [EDIT_FAILED], 0, error);
}

void
_debrief_document_emit_preparation_failed (DebriefDocument *self,
                                           const GError    *error)
{
  g_signal_emit (self, signals [PREPARATION_FAILED], 0, error);
}

sqlite3 *
_debrief_document_get_db (DebriefDocument *self)
{
  return self->db;
}

/**
 * debrief_document_list_record_types:
 * @n_types: (out): the number of types
 *
 * Returns: (array length=n_types): the record types a document holds in
 *   lists, in the order they are loaded and written; the incident itself
 *   is not a list and is not among them
 */
const GType *
debrief_document_list_record_types (guint *n_types)
{
  static GType types[10];

  if (types[0] == 0)
    {
      types[0] = DEBRIEF_TYPE_SCOPE_ITEM;
      types[1] = DEBRIEF_TYPE_PARTICIPANT;
      types[2] = DEBRIEF_TYPE_EVIDENCE;
      types[3] = DEBRIEF_TYPE_TIMELINE_EVENT;
      types[4] = DEBRIEF_TYPE_PHASE_MARKER;
      types[5] = DEBRIEF_TYPE_FACTOR;
      types[6] = DEBRIEF_TYPE_ACTION_ITEM;
      types[7] = DEBRIEF_TYPE_MEETING_NOTE;
      types[8] = DEBRIEF_TYPE_FEEDBACK;
      types[9] = DEBRIEF_TYPE_REVISION;
    }

  *n_types = G_N_ELEMENTS (types);

  return types;
}

sqlite3_stmt *
_debrief_document_get_statement (DebriefDocument  *self,
                                 const char       *sql,
                                 GError          **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _debrief_set_sqlite_error (error, self->db, rc, _("The incident document could not be read"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

gboolean
_debrief_document_exec (sqlite3     *db,
                        const char  *sql,
                        const char  *doing,
                        GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _debrief_set_sqlite_error (error, db, rc, doing);
      return FALSE;
    }

  return TRUE;
}

char *
_debrief_document_select_sql (DebriefRecordClass *klass,
                              const char         *where)
{
  g_autoptr(GString) sql = g_string_new ("SELECT uuid, modified_at, modified_by");
  gboolean has_position = FALSE;

  for (guint i = 0; i < _debrief_record_class_get_n_columns (klass); i++)
    {
      const char *name = _debrief_record_class_get_column_name (klass, i);

      g_string_append_printf (sql, ", %s", name);
      has_position |= strcmp (name, "position") == 0;
    }

  g_string_append_printf (sql, " FROM %s", _debrief_record_class_get_table (klass));
  if (where != NULL)
    g_string_append_printf (sql, " WHERE %s", where);
  g_string_append (sql, has_position ? " ORDER BY position, rowid" : " ORDER BY rowid");

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

DebriefRecord *
_debrief_document_record_from_row (GType         type,
                                   sqlite3_stmt *stmt)
{
  g_autofree char *uuid = _debrief_text_from_column (stmt, 0);
  g_autofree char *modified_at_text = _debrief_text_from_column (stmt, 1);
  g_autofree char *modified_by = _debrief_text_from_column (stmt, 2);
  g_autoptr(GDateTime) modified_at = _debrief_parse_timestamp (modified_at_text);
  DebriefRecord *record = _debrief_record_new_with_uuid (type, uuid);
  DebriefRecordClass *klass = DEBRIEF_RECORD_GET_CLASS (record);

  _debrief_record_set_stamp (record, modified_at, modified_by);
  for (guint i = 0; i < _debrief_record_class_get_n_columns (klass); i++)
    _debrief_record_load_column (record, i, stmt, i + 3);

  return record;
}

static gint64
record_position (DebriefRecord *record)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), "position");
  gint64 position = 0;

  if (pspec != NULL)
    g_object_get (record, "position", &position, NULL);

  return position;
}

/* Inserts @record into its list in position order, after its equals. */
void
_debrief_document_list_insert (DebriefDocument *self,
                               DebriefRecord   *record)
{
  GListStore *list = g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (G_OBJECT_TYPE (record)));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  gint64 position = record_position (record);
  guint index = n_items;

  while (index > 0)
    {
      g_autoptr(DebriefRecord) before = g_list_model_get_item (G_LIST_MODEL (list), index - 1);

      if (record_position (before) <= position)
        break;
      index--;
    }

  _debrief_record_attach (record, self, _debrief_document_record_changed);
  g_hash_table_insert (self->records, g_strdup (debrief_record_get_uuid (record)), g_object_ref (record));
  g_list_store_insert (list, index, record);
}

/* The table of records holds its reference until the end, so @record
 * lives through its removal from the list. */
void
_debrief_document_list_remove (DebriefDocument *self,
                               DebriefRecord   *record)
{
  GListStore *list = g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (G_OBJECT_TYPE (record)));
  guint position;

  if (g_list_store_find (list, record, &position))
    g_list_store_remove (list, position);

  _debrief_record_detach (record);
  g_hash_table_remove (self->records, debrief_record_get_uuid (record));
}

gboolean
_debrief_document_load_records (DebriefDocument  *self,
                                GError          **error)
{
  const GType *types;
  guint n_types;
  g_autofree char *incident_sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  {
    g_autoptr(GTypeClass) klass = g_type_class_ref (DEBRIEF_TYPE_INCIDENT);

    incident_sql = _debrief_document_select_sql (DEBRIEF_RECORD_CLASS (klass), NULL);
  }

  if (!(stmt = _debrief_document_get_statement (self, incident_sql, error)))
    return FALSE;

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                             _("The incident document is damaged: it holds no incident."));
      else
        _debrief_set_sqlite_error (error, self->db, rc, _("The incident document could not be read"));
      return FALSE;
    }

  self->incident = DEBRIEF_INCIDENT (_debrief_document_record_from_row (DEBRIEF_TYPE_INCIDENT, stmt));
  _debrief_record_attach (DEBRIEF_RECORD (self->incident), self, _debrief_document_record_changed);
  g_hash_table_insert (self->records,
                       g_strdup (debrief_record_get_uuid (DEBRIEF_RECORD (self->incident))),
                       g_object_ref (self->incident));

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                           _("The incident document is damaged: it holds more than one incident."));
      return FALSE;
    }
  sqlite3_reset (stmt);

  types = debrief_document_list_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);
      g_autofree char *sql = _debrief_document_select_sql (DEBRIEF_RECORD_CLASS (klass), NULL);
      GListStore *list = g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (types[i]));
      g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);

      if (!(stmt = _debrief_document_get_statement (self, sql, error)))
        return FALSE;

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          DebriefRecord *record = _debrief_document_record_from_row (types[i], stmt);

          if (g_hash_table_contains (self->records, debrief_record_get_uuid (record)))
            {
              g_object_unref (record);
              g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                                   _("The incident document is damaged: two of its records have the same identifier."));
              return FALSE;
            }

          _debrief_record_attach (record, self, _debrief_document_record_changed);
          g_hash_table_insert (self->records, g_strdup (debrief_record_get_uuid (record)), g_object_ref (record));
          g_ptr_array_add (loaded, record);
        }
      sqlite3_reset (stmt);

      if (rc != SQLITE_DONE)
        {
          _debrief_set_sqlite_error (error, self->db, rc, _("The incident document could not be read"));
          return FALSE;
        }

      g_list_store_splice (list, 0, 0, loaded->pdata, loaded->len);
    }

  return TRUE;
}

/* Reads a value of document_info: TRUE with *value NULL when the key is
 * missing, FALSE when the file could not be read. */
gboolean
_debrief_document_read_info (sqlite3     *db,
                             const char  *key,
                             char       **value,
                             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *value = NULL;

  rc = sqlite3_prepare_v2 (db, "SELECT value FROM document_info WHERE key = ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *value = _debrief_text_from_column (stmt, 0);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _debrief_set_sqlite_error (error, db, rc, _("The incident document could not be read"));
      return FALSE;
    }

  return TRUE;
}

/* The insertion of @record with its own identifier and stamp. */
char *
_debrief_document_insert_sql (DebriefRecordClass *klass)
{
  guint n_columns = _debrief_record_class_get_n_columns (klass);
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (uuid, modified_at, modified_by",
                          _debrief_record_class_get_table (klass));
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (sql, ", %s", _debrief_record_class_get_column_name (klass, i));
  g_string_append (sql, ") VALUES (?1, ?2, ?3");
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (sql, ", ?%u", i + 4);
  g_string_append (sql, ")");

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

gboolean
_debrief_document_insert_record (sqlite3        *db,
                                 sqlite3_stmt   *stmt,
                                 DebriefRecord  *record,
                                 const char     *doing,
                                 GError        **error)
{
  DebriefRecordClass *klass = DEBRIEF_RECORD_GET_CLASS (record);
  g_autofree char *modified_at = _debrief_format_timestamp (debrief_record_get_modified_at (record));
  int rc;

  g_assert (modified_at != NULL);

  sqlite3_bind_text (stmt, 1, debrief_record_get_uuid (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, modified_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, debrief_record_get_modified_by (record), -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < _debrief_record_class_get_n_columns (klass); i++)
    _debrief_record_bind_column (record, i, stmt, i + 4);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _debrief_set_sqlite_error (error, db, rc, doing);
      return FALSE;
    }

  return TRUE;
}

gboolean
_debrief_document_write_info_full (sqlite3     *db,
                                   const char  *key,
                                   const char  *value,
                                   const char  *doing,
                                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO document_info (key, value) VALUES (?1, ?2)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _debrief_set_sqlite_error (error, db, rc, doing);
      return FALSE;
    }

  return TRUE;
}

gboolean
_debrief_document_write_info (sqlite3     *db,
                              const char  *key,
                              const char  *value,
                              GError     **error)
{
  return _debrief_document_write_info_full (db, key, value, _("The incident document could not be changed"), error);
}

/* The draft's description beside the working copy, for the next start to
 * find it if this session ends without saving or discarding it. */
void
_debrief_document_write_draft_meta (DebriefDocument *self)
{
  DebriefDraft draft = {
    .id = self->draft_id,
    .file = self->file,
    .read_only = self->read_only_reason != DEBRIEF_READ_ONLY_REASON_NONE,
    .revision = self->revision,
    .saving_revision = self->saving_revision,
    .file_size = self->file_size,
    .file_mtime = self->file_mtime,
  };

  _debrief_draft_write_description (&draft, self->modified);
}

void
_debrief_document_set_modified (DebriefDocument *self,
                                gboolean         modified)
{
  if (self->modified == !!modified)
    return;

  self->modified = !!modified;
  _debrief_document_write_draft_meta (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [DEBRIEF_DOCUMENT_PROP_MODIFIED]);
}

/* --- Properties -------------------------------------------------------- */

/**
 * debrief_document_get_file:
 * @self: a #DebriefDocument
 *
 * Returns: (transfer none) (nullable): the document's file, or %NULL for
 *   an incident that was never saved
 */
GFile *
debrief_document_get_file (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), NULL);

  return self->file;
}

/**
 * debrief_document_dup_display_name:
 * @self: a #DebriefDocument
 *
 * Returns: (transfer full): the file name; for an incident never saved,
 *   its title, or "Untitled Incident"
 */
char *
debrief_document_dup_display_name (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), NULL);

  if (self->file != NULL)
    return g_file_get_basename (self->file);

  return debrief_document_dup_title (self);
}

/**
 * debrief_document_dup_title:
 * @self: a #DebriefDocument
 *
 * The incident's title as a heading shows it: on one line, or "Untitled
 * Incident" while it has none.
 *
 * Returns: (transfer full): the title
 */
char *
debrief_document_dup_title (DebriefDocument *self)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), NULL);

  title = g_strdup (self->incident ? debrief_incident_get_title (self->incident) : NULL);
  if (title != NULL)
    g_strstrip (g_strdelimit (title, "\n\r\t\v\f", ' '));

  if (title == NULL || *title == '\0')
    return g_strdup (_("Untitled Incident"));

  return g_steal_pointer (&title);
}

const char *
debrief_document_get_user_name (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), NULL);

  return self->user_name;
}

void
debrief_document_set_user_name (DebriefDocument *self,
                                const char      *user_name)
{
  g_return_if_fail (DEBRIEF_IS_DOCUMENT (self));

  if (user_name == NULL || *user_name == '\0' || g_strcmp0 (user_name, self->user_name) == 0)
    return;

  g_free (self->user_name);
  self->user_name = g_strdup (user_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [DEBRIEF_DOCUMENT_PROP_USER_NAME]);
}

/**
 * debrief_document_get_uuid:
 * @self: a #DebriefDocument
 *
 * Returns: the identifier every copy of this incident shares
 */
const char *
debrief_document_get_uuid (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), NULL);

  return self->document_uuid;
}

/**
 * debrief_document_get_revision:
 * @self: a #DebriefDocument
 *
 * Returns: the identifier of the last save of the file, "" if never saved
 */
const char *
debrief_document_get_revision (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), NULL);

  return self->revision ? self->revision : "";
}

const char *
debrief_document_get_working_path (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), NULL);

  return self->working_path;
}

gboolean
debrief_document_get_read_only (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), TRUE);

  return self->read_only_reason != DEBRIEF_READ_ONLY_REASON_NONE;
}

DebriefReadOnlyReason
debrief_document_get_read_only_reason (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), DEBRIEF_READ_ONLY_REASON_NONE);

  return self->read_only_reason;
}

gboolean
debrief_document_get_modified (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

/**
 * debrief_document_get_incident:
 * @self: a #DebriefDocument
 *
 * Returns: (transfer none): the incident
 */
DebriefIncident *
debrief_document_get_incident (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), NULL);

  return self->incident;
}

/**
 * debrief_document_get_records:
 * @self: a #DebriefDocument
 * @record_type: one of debrief_document_list_record_types()
 *
 * Returns: (transfer none): the records of @record_type, in their order
 */
GListModel *
debrief_document_get_records (DebriefDocument *self,
                              GType            record_type)
{
  GListStore *list;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), NULL);

  list = g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (record_type));
  g_return_val_if_fail (list != NULL, NULL);

  return G_LIST_MODEL (list);
}

static void
debrief_document_dispose (GObject *object)
{
  DebriefDocument *self = DEBRIEF_DOCUMENT (object);
  GHashTableIter iter;
  gpointer record;

  if (self->records != NULL)
    {
      g_hash_table_iter_init (&iter, self->records);
      while (g_hash_table_iter_next (&iter, NULL, &record))
        _debrief_record_detach (record);
    }

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);

  G_OBJECT_CLASS (debrief_document_parent_class)->dispose (object);
}

static void
debrief_document_finalize (GObject *object)
{
  DebriefDocument *self = DEBRIEF_DOCUMENT (object);

  g_clear_pointer (&self->draft_id, g_free);
  g_clear_pointer (&self->working_path, g_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->user_name, g_free);
  g_clear_pointer (&self->document_uuid, g_free);
  g_clear_pointer (&self->revision, g_free);
  g_clear_pointer (&self->saving_revision, g_free);
  /* Each waiting save holds a reference on the document: none is left. */
  g_clear_pointer (&self->pending_saves, g_queue_free);
  g_clear_object (&self->prepare_cancellable);
  g_clear_object (&self->incident);
  g_clear_pointer (&self->lists, g_hash_table_unref);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);

  G_OBJECT_CLASS (debrief_document_parent_class)->finalize (object);
}

static void
debrief_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DebriefDocument *self = DEBRIEF_DOCUMENT (object);

  switch (prop_id)
    {
    case DEBRIEF_DOCUMENT_PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case DEBRIEF_DOCUMENT_PROP_USER_NAME:
      g_value_set_string (value, self->user_name);
      break;

    case DEBRIEF_DOCUMENT_PROP_READ_ONLY:
      g_value_set_boolean (value, debrief_document_get_read_only (self));
      break;

    case DEBRIEF_DOCUMENT_PROP_READ_ONLY_REASON:
      g_value_set_enum (value, self->read_only_reason);
      break;

    case DEBRIEF_DOCUMENT_PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case DEBRIEF_DOCUMENT_PROP_CAN_UNDO:
      g_value_set_boolean (value, debrief_document_get_can_undo (self));
      break;

    case DEBRIEF_DOCUMENT_PROP_CAN_REDO:
      g_value_set_boolean (value, debrief_document_get_can_redo (self));
      break;

    case DEBRIEF_DOCUMENT_PROP_INCIDENT:
      g_value_set_object (value, self->incident);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_document_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DebriefDocument *self = DEBRIEF_DOCUMENT (object);

  switch (prop_id)
    {
    case DEBRIEF_DOCUMENT_PROP_USER_NAME:
      debrief_document_set_user_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_document_class_init (DebriefDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = debrief_document_dispose;
  object_class->finalize = debrief_document_finalize;
  object_class->get_property = debrief_document_get_property;
  object_class->set_property = debrief_document_set_property;

  properties [DEBRIEF_DOCUMENT_PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [DEBRIEF_DOCUMENT_PROP_USER_NAME] =
    g_param_spec_string ("user-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [DEBRIEF_DOCUMENT_PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [DEBRIEF_DOCUMENT_PROP_READ_ONLY_REASON] =
    g_param_spec_enum ("read-only-reason", NULL, NULL,
                       DEBRIEF_TYPE_READ_ONLY_REASON,
                       DEBRIEF_READ_ONLY_REASON_NONE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [DEBRIEF_DOCUMENT_PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [DEBRIEF_DOCUMENT_PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [DEBRIEF_DOCUMENT_PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [DEBRIEF_DOCUMENT_PROP_INCIDENT] =
    g_param_spec_object ("incident", NULL, NULL,
                         DEBRIEF_TYPE_INCIDENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, DEBRIEF_DOCUMENT_N_PROPS, properties);

  /**
   * DebriefDocument::edit-failed:
   * @self: a #DebriefDocument
   * @error: what went wrong
   *
   * A change made to a record through its properties could not be stored.
   * The value stays in memory; the user must be told.
   */
  signals [EDIT_FAILED] =
    g_signal_new ("edit-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * DebriefDocument::preparation-failed:
   * @self: a #DebriefDocument
   * @error: what went wrong
   *
   * The working copy of a large document, shown while it was made, could
   * not be made or failed its check. The document stays open read-only.
   */
  signals [PREPARATION_FAILED] =
    g_signal_new ("preparation-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
debrief_document_init (DebriefDocument *self)
{
  const GType *types;
  guint n_types;

  self->user_name = debrief_user_dup_account_name ();
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sqlite3_finalize);
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->lists = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->undo_stack = g_ptr_array_new_with_free_func (_debrief_document_undo_step_free);
  self->redo_stack = g_ptr_array_new_with_free_func (_debrief_document_undo_step_free);

  types = debrief_document_list_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    g_hash_table_insert (self->lists, GSIZE_TO_POINTER (types[i]), g_list_store_new (types[i]));
}

/* --- Importing ---------------------------------------------------------- */

/**
 * _debrief_document_dup_info:
 * @self: a #DebriefDocument
 * @key: a key of the document_info table, such as "created-at"
 *
 * Returns: (transfer full) (nullable): its value, or %NULL
 */
char *
_debrief_document_dup_info (DebriefDocument *self,
                            const char      *key)
{
  char *value = NULL;

  g_assert (DEBRIEF_IS_DOCUMENT (self));

  _debrief_document_read_info (self->db, key, &value, NULL);

  return value;
}

/**
 * _debrief_document_import_info:
 * @self: a new #DebriefDocument
 * @document_uuid: the identifier every copy of the incident shares
 * @created_at: when the incident was created, in ISO 8601
 * @created_by: who created it
 * @error: a location for a #GError
 *
 * Makes @self a copy of an incident made elsewhere, for importing. Not a
 * step to undo; the caller runs it in its own transaction.
 */
gboolean
_debrief_document_import_info (DebriefDocument  *self,
                               const char       *document_uuid,
                               const char       *created_at,
                               const char       *created_by,
                               GError          **error)
{
  g_assert (DEBRIEF_IS_DOCUMENT (self));
  g_assert (document_uuid != NULL && created_at != NULL && created_by != NULL);

  if (!_debrief_document_write_info (self->db, "document-uuid", document_uuid, error) ||
      !_debrief_document_write_info (self->db, "created-at", created_at, error) ||
      !_debrief_document_write_info (self->db, "created-by", created_by, error))
    return FALSE;

  g_free (self->document_uuid);
  self->document_uuid = g_strdup (document_uuid);
  _debrief_document_set_modified (self, TRUE);

  return TRUE;
}

/**
 * _debrief_document_import_record:
 * @self: a #DebriefDocument
 * @record: a record that belongs to no document yet, with its stamp set
 * @error: a location for a #GError
 *
 * Adds @record with its own identifier and stamp, for importing: not a
 * step to undo, and the caller runs it in its own transaction. An
 * incident replaces the document's incident.
 */
gboolean
_debrief_document_import_record (DebriefDocument  *self,
                                 DebriefRecord    *record,
                                 GError          **error)
{
  DebriefRecordClass *klass = DEBRIEF_RECORD_GET_CLASS (record);
  guint n_columns = _debrief_record_class_get_n_columns (klass);
  gboolean is_incident = DEBRIEF_IS_INCIDENT (record);
  const char *uuid = debrief_record_get_uuid (record);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *modified_at = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_assert (DEBRIEF_IS_DOCUMENT (self));
  g_assert (debrief_record_get_document (record) == NULL);
  g_assert (debrief_record_get_modified_at (record) != NULL);
  g_assert (is_incident || g_hash_table_contains (self->lists, GSIZE_TO_POINTER (G_OBJECT_TYPE (record))));

  if (self->read_only_reason != DEBRIEF_READ_ONLY_REASON_NONE)
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_READ_ONLY,
                           _("The incident document is open read-only."));
      return FALSE;
    }

  if (g_hash_table_contains (self->records, uuid) &&
      !(is_incident && g_hash_table_lookup (self->records, uuid) == (gpointer) self->incident))
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                           _("The incident document is damaged: two of its records have the same identifier."));
      return FALSE;
    }

  if (is_incident)
    {
      if (!(stmt = _debrief_document_get_statement (self, "DELETE FROM incident", error)))
        return FALSE;
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _debrief_set_sqlite_error (error, self->db, rc, _("The incident could not be imported"));
          return FALSE;
        }
    }

  g_string_append_printf (sql, "INSERT INTO %s (uuid, modified_at, modified_by", _debrief_record_class_get_table (klass));
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (sql, ", %s", _debrief_record_class_get_column_name (klass, i));
  g_string_append (sql, ") VALUES (?1, ?2, ?3");
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (sql, ", ?%u", i + 4);
  g_string_append (sql, ")");

  if (!(stmt = _debrief_document_get_statement (self, sql->str, error)))
    return FALSE;

  modified_at = g_date_time_format_iso8601 (debrief_record_get_modified_at (record));
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, modified_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, debrief_record_get_modified_by (record), -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < n_columns; i++)
    _debrief_record_bind_column (record, i, stmt, i + 4);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _debrief_set_sqlite_error (error, self->db, rc, _("The incident could not be imported"));
      return FALSE;
    }

  if (is_incident)
    {
      DebriefIncident *old = g_steal_pointer (&self->incident);

      _debrief_record_detach (DEBRIEF_RECORD (old));
      g_hash_table_remove (self->records, debrief_record_get_uuid (DEBRIEF_RECORD (old)));
      g_object_unref (old);

      self->incident = g_object_ref (DEBRIEF_INCIDENT (record));
      _debrief_record_attach (record, self, _debrief_document_record_changed);
      g_hash_table_insert (self->records, g_strdup (uuid), g_object_ref (record));
      g_object_notify_by_pspec (G_OBJECT (self), properties [DEBRIEF_DOCUMENT_PROP_INCIDENT]);
    }
  else
    _debrief_document_list_insert (self, record);

  _debrief_document_set_modified (self, TRUE);

  return TRUE;
}
