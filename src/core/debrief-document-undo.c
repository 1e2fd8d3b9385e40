/* debrief-document-undo.c
 *
 * Edits of a document and their undoing: every edit is one transaction on
 * the working copy whose changeset (an SQLite session) is kept to be
 * inverted; edits of one field in quick succession are one step, and a
 * group of edits is one step too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-document"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "debrief-document-private.h"

/* Edits of one field within this time are one step to undo, so that
 * undoing typing does not go a letter at a time. */
#define COALESCE_USEC (2 * G_USEC_PER_SEC)

typedef struct
{
  GBytes *changeset;
  char   *uuid;
  int     column;
  gint64  time;
} UndoStep;

void
_debrief_document_undo_step_free (gpointer data)
{
  UndoStep *step = data;

  g_bytes_unref (step->changeset);
  g_free (step->uuid);
  g_free (step);
}

/* --- Edits, undo and redo ------------------------------------------- */

static void
reload_record (DebriefRecord *record,
               sqlite3_stmt  *stmt)
{
  g_autofree char *modified_at_text = _debrief_text_from_column (stmt, 1);
  g_autofree char *modified_by = _debrief_text_from_column (stmt, 2);
  g_autoptr(GDateTime) modified_at = _debrief_parse_timestamp (modified_at_text);
  DebriefRecordClass *klass = DEBRIEF_RECORD_GET_CLASS (record);

  for (guint i = 0; i < _debrief_record_class_get_n_columns (klass); i++)
    _debrief_record_load_column (record, i, stmt, i + 3);
  _debrief_record_set_stamp (record, modified_at, modified_by);
}

static GType
type_for_table (const char *table)
{
  const GType *types;
  guint n_types;

  if (g_strcmp0 (table, "incident") == 0)
    return DEBRIEF_TYPE_INCIDENT;

  types = debrief_document_list_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);

      if (g_strcmp0 (_debrief_record_class_get_table (DEBRIEF_RECORD_CLASS (klass)), table) == 0)
        return types[i];
    }

  return G_TYPE_INVALID;
}

static int
session_table_filter (void       *user_data,
                      const char *table)
{
  /* Evidence content is large and changes only with its evidence item;
   * the document's own bookkeeping is not the user's to undo. */
  return strcmp (table, "evidence_chunk") != 0 &&
         strcmp (table, "evidence_line_index") != 0 &&
         strcmp (table, "document_info") != 0 &&
         strcmp (table, "revision") != 0;
}

typedef gboolean (*EditFunc) (DebriefDocument  *self,
                              gpointer          data,
                              GError          **error);

static void
push_undo (DebriefDocument *self,
           GBytes          *changeset,
           const char      *uuid,
           int              column)
{
  gint64 now = g_get_monotonic_time ();
  gboolean could_undo = debrief_document_get_can_undo (self);
  gboolean could_redo = debrief_document_get_can_redo (self);
  UndoStep *top = self->undo_stack->len ? g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1) : NULL;

  /* Several edits the user made as one (the fields of a dialog), or quick
   * edits of one field (typing), are one step to undo. A group is a step
   * of its own: it neither joins the typing before it nor takes the
   * typing after it, so that undoing it takes back all of it and only it. */
  if (top != NULL &&
      (self->group_depth > 0 ? self->undo_stack->len > self->group_base
                             : (column >= 0 && top->column == column &&
                                g_strcmp0 (top->uuid, uuid) == 0 && now - top->time < COALESCE_USEC)))
    {
      int size = 0;
      void *merged = NULL;

      if (sqlite3changeset_concat ((int) g_bytes_get_size (top->changeset),
                                   (void *) g_bytes_get_data (top->changeset, NULL),
                                   (int) g_bytes_get_size (changeset),
                                   (void *) g_bytes_get_data (changeset, NULL),
                                   &size, &merged) == SQLITE_OK)
        {
          g_bytes_unref (top->changeset);
          top->changeset = g_bytes_new_with_free_func (merged, size, sqlite3_free, merged);
          top->time = now;
          g_ptr_array_set_size (self->redo_stack, 0);
          goto notify;
        }
    }

  {
    UndoStep *step = g_new0 (UndoStep, 1);

    step->changeset = g_bytes_ref (changeset);
    step->uuid = g_strdup (uuid);
    step->column = self->group_depth > 0 ? -1 : column;
    step->time = now;
    g_ptr_array_add (self->undo_stack, step);
    g_ptr_array_set_size (self->redo_stack, 0);
  }

notify:
  if (could_undo != debrief_document_get_can_undo (self))
    _debrief_document_notify (self, DEBRIEF_DOCUMENT_PROP_CAN_UNDO);
  if (could_redo != debrief_document_get_can_redo (self))
    _debrief_document_notify (self, DEBRIEF_DOCUMENT_PROP_CAN_REDO);
}

/* Runs @func in one transaction on the working copy, records what it
 * changed for undo, and commits: when this returns TRUE, the edit is on
 * disk. */
static gboolean
run_edit (DebriefDocument  *self,
          EditFunc          func,
          gpointer          data,
          const char       *uuid,
          int               column,
          GError          **error)
{
  sqlite3_session *session = NULL;
  void *changes = NULL;
  int size = 0;
  int rc;

  if (self->read_only_reason != DEBRIEF_READ_ONLY_REASON_NONE)
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_READ_ONLY,
                           _("The incident document is open read-only."));
      return FALSE;
    }

  if ((rc = sqlite3session_create (self->db, "main", &session)) != SQLITE_OK)
    {
      _debrief_set_sqlite_error (error, self->db, rc, _("The change could not be recorded"));
      return FALSE;
    }
  sqlite3session_table_filter (session, session_table_filter, NULL);
  sqlite3session_attach (session, NULL);

  if (!_debrief_document_exec (self->db, "BEGIN IMMEDIATE", _("The change could not be stored"), error))
    {
      sqlite3session_delete (session);
      return FALSE;
    }

  if (!func (self, data, error) ||
      (rc = sqlite3session_changeset (session, &size, &changes)) != SQLITE_OK)
    {
      if (rc != SQLITE_OK)
        _debrief_set_sqlite_error (error, self->db, rc, _("The change could not be recorded"));
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3session_delete (session);
      sqlite3_free (changes);
      return FALSE;
    }
  sqlite3session_delete (session);

  if (!_debrief_document_exec (self->db, "COMMIT", _("The change could not be stored"), error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_free (changes);
      return FALSE;
    }

  self->change_count++;

  if (size > 0)
    {
      g_autoptr(GBytes) changeset = g_bytes_new_with_free_func (changes, size, sqlite3_free, changes);

      push_undo (self, changeset, uuid, column);
    }
  else
    sqlite3_free (changes);

  _debrief_document_set_modified (self, TRUE);

  return TRUE;
}

typedef struct
{
  DebriefRecord *record;
  int            column;
  GDateTime     *now;
} RecordEdit;

static gboolean
bind_stamp_and_step (DebriefDocument  *self,
                     sqlite3_stmt     *stmt,
                     int               first,
                     RecordEdit       *edit,
                     GError          **error)
{
  g_autofree char *now_text = g_date_time_format_iso8601 (edit->now);
  int rc;

  sqlite3_bind_text (stmt, first, now_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, first + 1, self->user_name, -1, SQLITE_TRANSIENT);

  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    {
      _debrief_set_sqlite_error (error, self->db, rc, _("The change could not be stored"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);

  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                           _("The change could not be stored: the record is missing from the working copy."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
edit_update (DebriefDocument  *self,
             gpointer          data,
             GError          **error)
{
  RecordEdit *edit = data;
  DebriefRecordClass *klass = DEBRIEF_RECORD_GET_CLASS (edit->record);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  sql = g_strdup_printf ("UPDATE %s SET %s = ?1, modified_at = ?2, modified_by = ?3 WHERE uuid = ?4",
                         _debrief_record_class_get_table (klass),
                         _debrief_record_class_get_column_name (klass, edit->column));
  if (!(stmt = _debrief_document_get_statement (self, sql, error)))
    return FALSE;

  _debrief_record_bind_column (edit->record, edit->column, stmt, 1);
  sqlite3_bind_text (stmt, 4, debrief_record_get_uuid (edit->record), -1, SQLITE_TRANSIENT);

  return bind_stamp_and_step (self, stmt, 2, edit, error);
}

static gboolean
edit_insert (DebriefDocument  *self,
             gpointer          data,
             GError          **error)
{
  RecordEdit *edit = data;
  g_autofree char *sql = _debrief_document_insert_sql (DEBRIEF_RECORD_GET_CLASS (edit->record));
  sqlite3_stmt *stmt;

  if (!(stmt = _debrief_document_get_statement (self, sql, error)))
    return FALSE;

  _debrief_record_set_stamp (edit->record, edit->now, self->user_name);

  return _debrief_document_insert_record (self->db, stmt, edit->record, _("The record could not be stored"), error);
}

static gboolean
edit_delete (DebriefDocument  *self,
             gpointer          data,
             GError          **error)
{
  RecordEdit *edit = data;
  DebriefRecordClass *klass = DEBRIEF_RECORD_GET_CLASS (edit->record);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("DELETE FROM %s WHERE uuid = ?1", _debrief_record_class_get_table (klass));
  if (!(stmt = _debrief_document_get_statement (self, sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, debrief_record_get_uuid (edit->record), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _debrief_set_sqlite_error (error, self->db, rc, _("The record could not be removed"));
      return FALSE;
    }

  return TRUE;
}

void
_debrief_document_record_changed (DebriefDocument *self,
                                  DebriefRecord   *record,
                                  guint            column)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  RecordEdit edit = { record, column, now };

  if (run_edit (self, edit_update, &edit, debrief_record_get_uuid (record), column, &error))
    _debrief_record_set_stamp (record, now, self->user_name);
  else
    _debrief_document_emit_edit_failed (self, error);
}

/**
 * debrief_document_add:
 * @self: a #DebriefDocument
 * @record: a record that belongs to no document yet
 * @error: a location for a #GError
 *
 * Adds @record to the document and to its list, as one step to undo.
 *
 * Returns: %TRUE if the record was stored
 */
gboolean
debrief_document_add (DebriefDocument  *self,
                      DebriefRecord    *record,
                      GError          **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  RecordEdit edit = { record, -1, now };

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DEBRIEF_IS_RECORD (record), FALSE);
  g_return_val_if_fail (debrief_record_get_document (record) == NULL, FALSE);
  g_return_val_if_fail (g_hash_table_contains (self->lists, GSIZE_TO_POINTER (G_OBJECT_TYPE (record))), FALSE);

  if (!run_edit (self, edit_insert, &edit, NULL, -1, error))
    return FALSE;

  _debrief_record_set_stamp (record, now, self->user_name);
  _debrief_document_list_insert (self, record);

  return TRUE;
}

/**
 * debrief_document_remove:
 * @self: a #DebriefDocument
 * @record: a record of @self
 * @error: a location for a #GError
 *
 * Removes @record from the document, as one step to undo.
 *
 * Returns: %TRUE if the record was removed
 */
gboolean
debrief_document_remove (DebriefDocument  *self,
                         DebriefRecord    *record,
                         GError          **error)
{
  RecordEdit edit = { record, -1, NULL };

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DEBRIEF_IS_RECORD (record), FALSE);
  g_return_val_if_fail (debrief_record_get_document (record) == self, FALSE);
  g_return_val_if_fail (!DEBRIEF_IS_INCIDENT (record), FALSE);

  if (!run_edit (self, edit_delete, &edit, NULL, -1, error))
    return FALSE;

  _debrief_document_list_remove (self, record);

  return TRUE;
}

static int
conflict_abort (void                  *user_data,
                int                    conflict,
                sqlite3_changeset_iter *iter)
{
  return SQLITE_CHANGESET_ABORT;
}

/* Brings the records in memory up to date with what @changeset did. */
static void
refresh_from_changeset (DebriefDocument *self,
                        GBytes          *changeset)
{
  sqlite3_changeset_iter *iter = NULL;

  if (sqlite3changeset_start (&iter, (int) g_bytes_get_size (changeset),
                              (void *) g_bytes_get_data (changeset, NULL)) != SQLITE_OK)
    return;

  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table = NULL;
      sqlite3_value *key = NULL;
      int n_columns, op, indirect;
      g_autofree char *uuid = NULL;
      DebriefRecord *record;
      GType type;

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      if (op == SQLITE_INSERT)
        sqlite3changeset_new (iter, 0, &key);
      else
        sqlite3changeset_old (iter, 0, &key);

      if (key == NULL || (type = type_for_table (table)) == G_TYPE_INVALID)
        continue;

      uuid = g_strdup ((const char *) sqlite3_value_text (key));
      record = g_hash_table_lookup (self->records, uuid);

      if (op == SQLITE_DELETE)
        {
          if (record != NULL)
            _debrief_document_list_remove (self, record);
        }
      else
        {
          g_autoptr(GTypeClass) klass = g_type_class_ref (type);
          g_autofree char *sql = _debrief_document_select_sql (DEBRIEF_RECORD_CLASS (klass), "uuid = ?1");
          sqlite3_stmt *stmt = _debrief_document_get_statement (self, sql, NULL);

          if (stmt == NULL)
            continue;

          sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              if (record != NULL)
                reload_record (record, stmt);
              else
                {
                  g_autoptr(DebriefRecord) added = _debrief_document_record_from_row (type, stmt);

                  _debrief_document_list_insert (self, added);
                }
            }
          sqlite3_reset (stmt);
        }
    }

  sqlite3changeset_finalize (iter);
}

static gboolean
apply_changeset (DebriefDocument  *self,
                 GBytes           *changeset,
                 GError          **error)
{
  int rc;

  if (self->read_only_reason != DEBRIEF_READ_ONLY_REASON_NONE)
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_READ_ONLY,
                           _("The incident document is open read-only."));
      return FALSE;
    }

  if (!_debrief_document_exec (self->db, "BEGIN IMMEDIATE", _("The change could not be undone"), error))
    return FALSE;

  rc = sqlite3changeset_apply (self->db,
                               (int) g_bytes_get_size (changeset),
                               (void *) g_bytes_get_data (changeset, NULL),
                               NULL, conflict_abort, NULL);
  if (rc != SQLITE_OK)
    {
      _debrief_set_sqlite_error (error, self->db, rc, _("The change could not be undone"));
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (!_debrief_document_exec (self->db, "COMMIT", _("The change could not be undone"), error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  self->change_count++;
  refresh_from_changeset (self, changeset);
  _debrief_document_set_modified (self, TRUE);

  return TRUE;
}

static gboolean
move_step (DebriefDocument  *self,
           GPtrArray        *from,
           GPtrArray        *to,
           gboolean          invert,
           GError          **error)
{
  g_autoptr(GBytes) changeset = NULL;
  UndoStep *step;

  if (from->len == 0)
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_NOTHING_TO_UNDO,
                           invert ? _("There is nothing to undo.") : _("There is nothing to redo."));
      return FALSE;
    }

  step = g_ptr_array_index (from, from->len - 1);

  if (invert)
    {
      int size = 0;
      void *inverted = NULL;
      int rc = sqlite3changeset_invert ((int) g_bytes_get_size (step->changeset),
                                        g_bytes_get_data (step->changeset, NULL),
                                        &size, &inverted);

      if (rc != SQLITE_OK)
        {
          _debrief_set_sqlite_error (error, self->db, rc, _("The change could not be undone"));
          return FALSE;
        }
      changeset = g_bytes_new_with_free_func (inverted, size, sqlite3_free, inverted);
    }
  else
    changeset = g_bytes_ref (step->changeset);

  if (!apply_changeset (self, changeset, error))
    return FALSE;

  /* A step moved to the other stack is never merged with a new edit. */
  step->column = -1;
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));

  _debrief_document_notify (self, DEBRIEF_DOCUMENT_PROP_CAN_UNDO);
  _debrief_document_notify (self, DEBRIEF_DOCUMENT_PROP_CAN_REDO);

  return TRUE;
}

/**
 * debrief_document_begin_group:
 * @self: a #DebriefDocument
 *
 * Makes the edits until debrief_document_end_group() one step to undo,
 * such as the fields of a dialog saved at once. Groups nest.
 */
void
debrief_document_begin_group (DebriefDocument *self)
{
  g_return_if_fail (DEBRIEF_IS_DOCUMENT (self));

  if (self->group_depth++ == 0)
    self->group_base = self->undo_stack->len;
}

void
debrief_document_end_group (DebriefDocument *self)
{
  g_return_if_fail (DEBRIEF_IS_DOCUMENT (self));
  g_return_if_fail (self->group_depth > 0);

  self->group_depth--;
}

gboolean
debrief_document_undo (DebriefDocument  *self,
                       GError          **error)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), FALSE);

  return move_step (self, self->undo_stack, self->redo_stack, TRUE, error);
}

gboolean
debrief_document_redo (DebriefDocument  *self,
                       GError          **error)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), FALSE);

  return move_step (self, self->redo_stack, self->undo_stack, FALSE, error);
}

gboolean
debrief_document_get_can_undo (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), FALSE);

  return self->undo_stack->len > 0 && self->read_only_reason == DEBRIEF_READ_ONLY_REASON_NONE;
}

gboolean
debrief_document_get_can_redo (DebriefDocument *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (self), FALSE);

  return self->redo_stack->len > 0 && self->read_only_reason == DEBRIEF_READ_ONLY_REASON_NONE;
}
