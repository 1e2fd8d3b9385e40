/* debrief-draft.c
 *
 * Working copies left behind by a session that ended without saving or
 * discarding them (a crash, a power cut): finding them for the next start
 * to offer, and removing them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-draft"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "debrief-database.h"
#include "debrief-draft-private.h"
#include "debrief-record-private.h"

/* Each working copy lives in the user's data folder as <id>.debrief, with
 * its description beside it as <id>.draft. */
char *
_debrief_draft_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "debrief", "drafts", NULL);
}

char *
_debrief_draft_path (const char *draft_id,
                     const char *suffix)
{
  g_autofree char *dir = _debrief_draft_dir ();
  g_autofree char *name = g_strconcat (draft_id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

void
_debrief_remove_database_files (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}


DebriefDraft *
debrief_draft_copy (const DebriefDraft *draft)
{
  DebriefDraft *copy = g_new0 (DebriefDraft, 1);

  copy->id = g_strdup (draft->id);
  copy->title = g_strdup (draft->title);
  copy->file = draft->file ? g_object_ref (draft->file) : NULL;
  copy->modified = draft->modified ? g_date_time_ref (draft->modified) : NULL;
  copy->read_only = draft->read_only;
  copy->revision = g_strdup (draft->revision);
  copy->saving_revision = g_strdup (draft->saving_revision);
  copy->file_size = draft->file_size;
  copy->file_mtime = draft->file_mtime;

  return copy;
}

void
debrief_draft_free (DebriefDraft *draft)
{
  if (draft == NULL)
    return;

  g_free (draft->id);
  g_free (draft->title);
  g_clear_object (&draft->file);
  g_clear_pointer (&draft->modified, g_date_time_unref);
  g_free (draft->revision);
  g_free (draft->saving_revision);
  g_free (draft);
}

G_DEFINE_BOXED_TYPE (DebriefDraft, debrief_draft, debrief_draft_copy, debrief_draft_free)

const char *
debrief_draft_get_id (const DebriefDraft *draft)
{
  return draft->id;
}

const char *
debrief_draft_get_title (const DebriefDraft *draft)
{
  return draft->title;
}

/**
 * debrief_draft_get_file:
 * @draft: a #DebriefDraft
 *
 * Returns: (transfer none) (nullable): the document the draft is a working
 *   copy of, or %NULL for an incident that was never saved
 */
GFile *
debrief_draft_get_file (const DebriefDraft *draft)
{
  return draft->file;
}

/**
 * debrief_draft_get_modified:
 * @draft: a #DebriefDraft
 *
 * Returns: (transfer none): when the draft was last changed
 */
GDateTime *
debrief_draft_get_modified (const DebriefDraft *draft)
{
  return draft->modified;
}

/* Writes the description of @draft beside its working copy: which file it
 * is a copy of, which session uses it, and whether it holds changes that
 * were not saved. debrief_document_list_drafts() reads it back. */
void
_debrief_draft_write_description (const DebriefDraft *draft,
                                  gboolean            unsaved_changes)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *path = _debrief_draft_path (draft->id, ".draft");
  g_autofree char *uri = draft->file ? g_file_get_uri (draft->file) : NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_key_file_set_string (keyfile, "Draft", "file", uri ? uri : "");
  g_key_file_set_boolean (keyfile, "Draft", "modified", unsaved_changes);
  g_key_file_set_boolean (keyfile, "Draft", "read-only", draft->read_only);
  g_key_file_set_int64 (keyfile, "Draft", "pid", getpid ());
  g_key_file_set_string (keyfile, "Draft", "host", g_get_host_name ());
  g_key_file_set_string (keyfile, "Draft", "revision", draft->revision ? draft->revision : "");
  g_key_file_set_string (keyfile, "Draft", "saving-revision", draft->saving_revision ? draft->saving_revision : "");
  g_key_file_set_int64 (keyfile, "Draft", "file-size", draft->file_size);
  g_key_file_set_int64 (keyfile, "Draft", "file-mtime", draft->file_mtime);

  data = g_key_file_to_data (keyfile, &length, NULL);
  if (!g_file_set_contents (path, data, length, &error))
    g_debug ("The draft description %s could not be written: %s", path, error->message);
}

static gboolean
process_is_alive (gint64 pid)
{
  return pid > 0 && pid <= G_MAXINT && (kill ((pid_t) pid, 0) == 0 || errno == EPERM);
}

static char *
read_draft_title (const char *path)
{
  sqlite3 *db = _debrief_database_open (path, SQLITE_OPEN_READONLY, NULL);
  sqlite3_stmt *stmt = NULL;
  char *title = NULL;

  if (db == NULL)
    return NULL;

  if (sqlite3_prepare_v2 (db, "SELECT title FROM incident", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    title = _debrief_text_from_column (stmt, 0);

  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return title;
}

/**
 * debrief_document_list_drafts:
 *
 * Finds the working copies with unsaved changes that no running Debrief is
 * using. Working copies without changes that nobody uses are removed.
 *
 * Returns: (transfer full) (element-type DebriefDraft): the drafts, newest
 *   first
 */
GPtrArray *
debrief_document_list_drafts (void)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) debrief_draft_free);
  g_autofree char *dir = _debrief_draft_dir ();
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return drafts;

  while ((name = g_dir_read_name (handle)))
    {
      g_autoptr(GKeyFile) keyfile = g_key_file_new ();
      g_autofree char *id = NULL;
      g_autofree char *meta = NULL;
      g_autofree char *working = NULL;
      g_autofree char *uri = NULL;
      g_autofree char *host = NULL;
      g_autoptr(GFile) working_file = NULL;
      g_autoptr(GFileInfo) info = NULL;
      DebriefDraft *draft;

      if (!g_str_has_suffix (name, ".draft"))
        continue;

      id = g_strndup (name, strlen (name) - strlen (".draft"));
      meta = g_build_filename (dir, name, NULL);
      working = _debrief_draft_path (id, ".debrief");

      if (!g_key_file_load_from_file (keyfile, meta, G_KEY_FILE_NONE, NULL) ||
          !g_file_test (working, G_FILE_TEST_IS_REGULAR))
        {
          _debrief_remove_database_files (working);
          g_unlink (meta);
          continue;
        }

      host = g_key_file_get_string (keyfile, "Draft", "host", NULL);
      if (g_strcmp0 (host, g_get_host_name ()) == 0 &&
          process_is_alive (g_key_file_get_int64 (keyfile, "Draft", "pid", NULL)))
        continue;

      if (!g_key_file_get_boolean (keyfile, "Draft", "modified", NULL))
        {
          _debrief_remove_database_files (working);
          g_unlink (meta);
          continue;
        }

      draft = g_new0 (DebriefDraft, 1);
      draft->id = g_steal_pointer (&id);
      draft->title = read_draft_title (working);
      uri = g_key_file_get_string (keyfile, "Draft", "file", NULL);
      draft->file = (uri && *uri) ? g_file_new_for_uri (uri) : NULL;
      draft->read_only = g_key_file_get_boolean (keyfile, "Draft", "read-only", NULL);
      draft->revision = g_key_file_get_string (keyfile, "Draft", "revision", NULL);
      draft->saving_revision = g_key_file_get_string (keyfile, "Draft", "saving-revision", NULL);
      draft->file_size = g_key_file_get_int64 (keyfile, "Draft", "file-size", NULL);
      draft->file_mtime = g_key_file_get_int64 (keyfile, "Draft", "file-mtime", NULL);

      working_file = g_file_new_for_path (working);
      info = g_file_query_info (working_file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
      draft->modified = info ? g_file_info_get_modification_date_time (info) : g_date_time_new_now_utc ();

      g_ptr_array_add (drafts, draft);
    }

  return drafts;
}

/**
 * debrief_document_discard_draft:
 * @draft: a draft from debrief_document_list_drafts()
 *
 * Deletes the working copy of @draft and its unsaved changes.
 */
void
debrief_document_discard_draft (const DebriefDraft *draft)
{
  g_autofree char *working = NULL;
  g_autofree char *meta = NULL;

  g_return_if_fail (draft != NULL);

  working = _debrief_draft_path (draft->id, ".debrief");
  meta = _debrief_draft_path (draft->id, ".draft");
  _debrief_remove_database_files (working);
  g_unlink (meta);
}
