/* debrief-document-check.c
 *
 * The whole check of an open document: every page and every reference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-document"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-document-private.h"

static gboolean
pragma_ok (sqlite3     *db,
           const char  *sql,
           gboolean     empty_is_ok,
           char       **problem)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        ok = empty_is_ok;
      else if (rc == SQLITE_ROW)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, 0);

          ok = !empty_is_ok && g_strcmp0 (text, "ok") == 0;
          if (!ok)
            *problem = g_strdup (text ? text : sqlite3_errmsg (db));
        }
    }

  if (!ok && *problem == NULL)
    *problem = g_strdup (sqlite3_errmsg (db));

  sqlite3_finalize (stmt);

  return ok;
}

/**
 * debrief_document_check_integrity:
 * @document: an open document
 * @version: (out): the schema version the file says it has
 * @error: return location for an error
 *
 * Opening checks the document quickly; this check reads every page and
 * every reference, as `--check` does.
 *
 * Returns: %TRUE when the document is whole
 */
gboolean
debrief_document_check_integrity (DebriefDocument  *document,
                                  int              *version,
                                  GError          **error)
{
  sqlite3 *db;
  g_autofree char *problem = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (version != NULL, FALSE);

  db = _debrief_document_get_db (document);
  if (!pragma_ok (db, "PRAGMA integrity_check", FALSE, &problem) ||
      !pragma_ok (db, "PRAGMA foreign_key_check", TRUE, &problem))
    {
      g_set_error (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                   _("The incident document is damaged: its integrity check failed (%s)."),
                   problem);
      return FALSE;
    }

  *version = 0;
  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    *version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return TRUE;
}
