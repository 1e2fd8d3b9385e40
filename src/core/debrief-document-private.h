/* debrief-document-private.h
 *
 * What the rest of src/core needs of DebriefDocument, the hooks the tests
 * use to make saving fail on purpose, and what joins the parts of the
 * class: debrief-document.c (the object, its records and lists),
 * debrief-document-open.c (creating, opening, checkpoints, drafts restored),
 * debrief-document-undo.c (edits, undo and redo) and
 * debrief-document-save.c (saving).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "debrief-database.h"
#include "debrief-document.h"
#include "debrief-revision.h"
#include "debrief-draft-private.h"
#include "debrief-record-private.h"

G_BEGIN_DECLS

typedef enum
{
  DEBRIEF_SAVE_STEP_SNAPSHOT,
  DEBRIEF_SAVE_STEP_SYNC,
  DEBRIEF_SAVE_STEP_VERIFY,
  DEBRIEF_SAVE_STEP_CHECK_TARGET,
  DEBRIEF_SAVE_STEP_RENAME,
  DEBRIEF_SAVE_STEP_SYNC_FOLDER,
  DEBRIEF_SAVE_STEP_LAST,
} DebriefSaveStep;

/* Called before each step of a save; returning FALSE with @error set makes
 * that step fail as if the system had failed it. For tests only. */
typedef gboolean (*DebriefSaveFaultFunc) (DebriefSaveStep   step,
                                          GError          **error);

void     _debrief_document_set_save_fault_func (DebriefSaveFaultFunc func);
void     _debrief_document_set_large_size      (gint64             size);
sqlite3 *_debrief_document_get_db              (DebriefDocument   *self);
void     _debrief_document_record_changed      (DebriefDocument   *self,
                                                DebriefRecord     *record,
                                                guint              column);

/* Importing an incident (debrief-json.c): rows keep their own identifiers
 * and stamps, nothing is a step to undo, and the caller runs it all in one
 * transaction on _debrief_document_get_db(). */
char     *_debrief_document_dup_info           (DebriefDocument   *self,
                                                const char        *key);
gboolean  _debrief_document_import_info        (DebriefDocument   *self,
                                                const char        *document_uuid,
                                                const char        *created_at,
                                                const char        *created_by,
                                                GError           **error);
gboolean  _debrief_document_import_record      (DebriefDocument   *self,
                                                DebriefRecord     *record,
                                                GError           **error);

/* --- Shared by the parts of DebriefDocument only ----------------------- */

struct _DebriefDocument
{
  GObject                parent_instance;

  sqlite3               *db;
  GHashTable            *statements;

  char                  *draft_id;
  char                  *working_path;
  GFile                 *file;
  char                  *user_name;
  char                  *document_uuid;
  char                  *revision;
  char                  *saving_revision;
  /* Saves run one at a time, in the order they were asked for: those asked
   * for while one runs wait here (PendingSave, debrief-document-save.c). */
  GQueue                *pending_saves;
  gboolean               save_running;
  /* Counts the starts and ends of saves: a check of the file that began
   * before one of them compared the file with a state that is gone. */
  guint64                save_serial;

  /* The target as it was when opened or last saved, to tell whether
   * somebody else saved it since. */
  gint64                 file_size;
  gint64                 file_mtime;

  DebriefIncident       *incident;
  GHashTable            *lists;
  GHashTable            *records;

  GPtrArray             *undo_stack;
  GPtrArray             *redo_stack;
  guint64                change_count;
  guint                  group_depth;
  guint                  group_base;

  DebriefReadOnlyReason  read_only_reason;
  DebriefOpenFlags       open_flags;
  int                    version;
  GCancellable          *prepare_cancellable;
  /* A checkpoint of the working copy's WAL in a thread, when it grows. */
  GCancellable          *checkpoint_cancellable;
  gboolean               checkpoint_again;
  int                    page_size;
  guint                  modified : 1;
};

typedef enum
{
  DEBRIEF_DOCUMENT_PROP_0,
  DEBRIEF_DOCUMENT_PROP_FILE,
  DEBRIEF_DOCUMENT_PROP_USER_NAME,
  DEBRIEF_DOCUMENT_PROP_READ_ONLY,
  DEBRIEF_DOCUMENT_PROP_READ_ONLY_REASON,
  DEBRIEF_DOCUMENT_PROP_MODIFIED,
  DEBRIEF_DOCUMENT_PROP_CAN_UNDO,
  DEBRIEF_DOCUMENT_PROP_CAN_REDO,
  DEBRIEF_DOCUMENT_PROP_INCIDENT,
  DEBRIEF_DOCUMENT_N_PROPS
} DebriefDocumentProp;

/* The tables shown of a large document before the rest of it is checked,
 * and the size from which a document counts as large. */
extern const char * const _debrief_document_shown_tables[];
gint64         _debrief_document_get_large_size      (void);

/* debrief-document.c */
void           _debrief_document_notify              (DebriefDocument     *self,
                                                      DebriefDocumentProp  prop);
void           _debrief_document_emit_edit_failed    (DebriefDocument     *self,
                                                      const GError        *error);
void           _debrief_document_emit_preparation_failed (DebriefDocument *self,
                                                      const GError        *error);
sqlite3_stmt  *_debrief_document_get_statement       (DebriefDocument     *self,
                                                      const char          *sql,
                                                      GError             **error);
gboolean       _debrief_document_exec                (sqlite3             *db,
                                                      const char          *sql,
                                                      const char          *doing,
                                                      GError             **error);
char          *_debrief_document_select_sql          (DebriefRecordClass  *klass,
                                                      const char          *where);
DebriefRecord *_debrief_document_record_from_row     (GType                type,
                                                      sqlite3_stmt        *stmt);
void           _debrief_document_list_insert         (DebriefDocument     *self,
                                                      DebriefRecord       *record);
void           _debrief_document_list_remove         (DebriefDocument     *self,
                                                      DebriefRecord       *record);
gboolean       _debrief_document_load_records        (DebriefDocument     *self,
                                                      GError             **error);
gboolean       _debrief_document_read_info           (sqlite3             *db,
                                                      const char          *key,
                                                      char               **value,
                                                      GError             **error);
char          *_debrief_document_insert_sql          (DebriefRecordClass  *klass);
gboolean       _debrief_document_insert_record       (sqlite3             *db,
                                                      sqlite3_stmt        *stmt,
                                                      DebriefRecord       *record,
                                                      const char          *doing,
                                                      GError             **error);
gboolean       _debrief_document_write_info_full     (sqlite3             *db,
                                                      const char          *key,
                                                      const char          *value,
                                                      const char          *doing,
                                                      GError             **error);
gboolean       _debrief_document_write_info          (sqlite3             *db,
                                                      const char          *key,
                                                      const char          *value,
                                                      GError             **error);
void           _debrief_document_write_draft_meta    (DebriefDocument     *self);
void           _debrief_document_set_modified        (DebriefDocument     *self,
                                                      gboolean             modified);

/* debrief-document-open.c */
void           _debrief_document_discard             (DebriefDocument     *self);
gboolean       _debrief_document_check_file_header   (GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
gboolean       _debrief_document_query_file_state    (GFile               *file,
                                                      gint64              *out_size,
                                                      gint64              *out_mtime,
                                                      GCancellable        *cancellable,
                                                      GError             **error);

/* debrief-document-undo.c */
void           _debrief_document_undo_step_free      (gpointer             data);

/* debrief-document-save.c */
gboolean       _debrief_document_add_revision        (DebriefDocument     *self,
                                                      DebriefRevision     *revision,
                                                      GError             **error);

G_END_DECLS
