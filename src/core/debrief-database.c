/* debrief-database.c
 *
 * Opening an SQLite file that came from outside as what it is: untrusted.
 * Defensive connection settings and the integrity, application and schema
 * checks, before any other query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-database"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-database.h"
#include "debrief-file-format.h"
#include "debrief-schema.h"

/* No value in a document is larger: evidence is stored in chunks. */
#define MAX_VALUE_LENGTH (64 * 1024 * 1024)

static char *vfs_name;

/* Maps an SQLite failure to a sentence about what it means to the user. */
void
_debrief_set_sqlite_error (GError     **error,
                           sqlite3     *db,
                           int          rc,
                           const char  *doing)
{
  const char *detail;
  int code = DEBRIEF_DOCUMENT_ERROR_WRITE_FAILED;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      detail = _("the disk is full");
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      detail = _("the folder cannot be written to");
      break;

    case SQLITE_CANTOPEN:
      detail = _("the file cannot be opened or created there");
      break;

    case SQLITE_IOERR:
      detail = _("the disk reported an input/output error");
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      detail = _("the document is damaged");
      code = DEBRIEF_DOCUMENT_ERROR_DAMAGED;
      break;

    case SQLITE_NOMEM:
      detail = _("there is not enough memory");
      break;

    default:
      detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
      break;
    }

  /* Translators: "<what was being done>: <why it failed>." */
  g_set_error (error, DEBRIEF_DOCUMENT_ERROR, code, _("%s: %s."), doing, detail);
}


/**
 * _debrief_document_set_vfs_name:
 * @name: (nullable): an SQLite VFS registered with sqlite3_vfs_register()
 *
 * Makes every connection opened from now on use @name, so that tests can
 * put a VFS that fails on purpose under the document code.
 */
void
_debrief_document_set_vfs_name (const char *name)
{
  g_free (vfs_name);
  vfs_name = g_strdup (name);
}

sqlite3 *
_debrief_database_open (const char  *path,
                        int          flags,
                        GError     **error)
{
  return _debrief_database_open_full (path, flags, _("The incident document could not be opened"), error);
}

/**
 * _debrief_database_open_full:
 * @path: the file, or an SQLite URI when @flags has %SQLITE_OPEN_URI
 * @flags: SQLite open flags
 * @doing: what failing to open it means to the user, for the message
 * @error: a location for a #GError
 *
 * Returns: a connection with defensive settings, or %NULL
 */
sqlite3 *
_debrief_database_open_full (const char  *path,
                             int          flags,
                             const char  *doing,
                             GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  g_assert (path != NULL);

  rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_FULLMUTEX, vfs_name);
  if (rc != SQLITE_OK)
    {
      _debrief_set_sqlite_error (error, db, rc, doing);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);

  /* A document may have been crafted to attack whoever opens it: no
   * writes to the schema, no triggers or views from the file, no
   * extensions, and modest size limits. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, MAX_VALUE_LENGTH);
  sqlite3_limit (db, SQLITE_LIMIT_SQL_LENGTH, 100000);
  sqlite3_limit (db, SQLITE_LIMIT_COLUMN, 200);
  sqlite3_limit (db, SQLITE_LIMIT_EXPR_DEPTH, 100);
  sqlite3_limit (db, SQLITE_LIMIT_COMPOUND_SELECT, 10);
  sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_limit (db, SQLITE_LIMIT_TRIGGER_DEPTH, 1);
  sqlite3_exec (db, "PRAGMA cell_size_check = ON; PRAGMA trusted_schema = OFF; PRAGMA mmap_size = 0",
                NULL, NULL, NULL);
  sqlite3_busy_timeout (db, 5000);

  return db;
}

static gboolean
pragma_int (sqlite3     *db,
            const char  *sql,
            gint64      *value,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL)) == SQLITE_OK &&
      (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *value = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  g_set_error (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_DAMAGED,
               _("The incident document is damaged and cannot be read (%s)."),
               sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return FALSE;
}

/**
 * _debrief_database_check:
 * @db: a connection from _debrief_database_open()
 * @out_version: (out): the document's schema version
 * @error: a location for a #GError
 *
 * The checks every document passes before anything else reads it: SQLite's
 * quick integrity check, the application id, and a schema that is exactly
 * that of its version. A document of a newer version than this build knows
 * passes with its version returned; the caller opens it read-only.
 */
static int
quick_check (sqlite3    *db,
             const char *table,
             gboolean   *ok)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* Table names here are Debrief's own constants, never the file's. */
  sql = table ? g_strdup_printf ("PRAGMA quick_check(%s)", table) : g_strdup ("PRAGMA quick_check");

  *ok = FALSE;
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      *ok = rc == SQLITE_ROW &&
            g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0 &&
            sqlite3_step (stmt) == SQLITE_DONE;
    }
  sqlite3_finalize (stmt);

  return rc;
}

static gboolean
database_check (sqlite3             *db,
                const char * const  *tables,
                int                 *out_version,
                GError             **error)
{
  gint64 application_id = 0;
  gint64 version = 0;
  gboolean ok = FALSE;
  int rc;

  g_assert (db != NULL);
  g_assert (out_version != NULL);

  if (tables == NULL)
    rc = quick_check (db, NULL, &ok);
  else
    for (guint i = 0; tables[i] != NULL; i++)
      if ((rc = quick_check (db, tables[i], &ok)) != SQLITE_ROW || !ok)
        break;

  if (!ok)
    {
      if ((rc & 0xff) == SQLITE_NOTADB)
        g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_NOT_A_DOCUMENT,
                             _("The file is not a Debrief incident document."));
      else if ((rc & 0xff) == SQLITE_NOMEM)
        g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                             _("There is not enough memory to check the incident document."));
      else
        g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                             _("The incident document is damaged: its integrity check failed. "
                               "It may have been cut short while copying or changed by another program."));
      return FALSE;
    }

  if (!pragma_int (db, "PRAGMA application_id", &application_id, error) ||
      !pragma_int (db, "PRAGMA user_version", &version, error))
    return FALSE;

  if (application_id != (gint32) DEBRIEF_APPLICATION_ID)
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_FOREIGN,
                           _("The file is a database of another application, not a Debrief "
                             "incident document."));
      return FALSE;
    }

  if (version < 1)
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                           _("The incident document is damaged: it holds no incident."));
      return FALSE;
    }

  if (version <= DEBRIEF_SCHEMA_VERSION && !_debrief_schema_verify (db, version, error))
    return FALSE;

  *out_version = version > G_MAXINT ? G_MAXINT : (int) version;

  return TRUE;
}

gboolean
_debrief_database_check (sqlite3  *db,
                         int      *out_version,
                         GError  **error)
{
  return database_check (db, NULL, out_version, error);
}

/**
 * _debrief_database_check_tables:
 * @db: a connection from _debrief_database_open()
 * @tables: (array zero-terminated=1): the tables to check
 * @out_version: (out): the document's schema version
 * @error: a location for a #GError
 *
 * Like _debrief_database_check(), but the integrity check reads only
 * @tables: what is shown of a large document before the rest is checked
 * (and a table missing from the file fails the check).
 */
gboolean
_debrief_database_check_tables (sqlite3             *db,
                                const char * const  *tables,
                                int                 *out_version,
                                GError             **error)
{
  g_assert (tables != NULL && tables[0] != NULL);

  return database_check (db, tables, out_version, error);
}
