/* debrief-schema.c
 *
 * The tables of an incident document, by schema version, and the
 * migrations from each version to the next.
 *
 * Every document is made the same way, by creating version 1 and migrating
 * it, so the stored CREATE statements of every document of one version are
 * identical. _debrief_schema_verify() relies on that: a file whose schema
 * differs in any way (an altered table, a trigger, a view) is refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-schema"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-document-error.h"
#include "debrief-file-format.h"
#include "debrief-schema.h"

/* Each row of every table but document_info and evidence_chunk has a UUID
 * and a modification stamp, so that copies of one incident can be merged.
 * Tables are STRICT: a value of the wrong type cannot be stored. */
static const char schema_v1[] =
  "CREATE TABLE document_info ("
  " key TEXT PRIMARY KEY NOT NULL,"
  " value TEXT NOT NULL"
  ") STRICT;"

  "CREATE TABLE incident ("
  " uuid TEXT PRIMARY KEY NOT NULL,"
  " modified_at TEXT NOT NULL,"
  " modified_by TEXT NOT NULL,"
  " title TEXT NOT NULL DEFAULT '',"
  " reference TEXT NOT NULL DEFAULT '',"
  " severity TEXT NOT NULL DEFAULT '',"
  " status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in-review', 'reviewed', 'closed')),"
  " started_at TEXT,"
  " detected_at TEXT,"
  " resolved_at TEXT,"
  " review_at TEXT,"
  " facilitator TEXT NOT NULL DEFAULT '',"
  " summary TEXT NOT NULL DEFAULT '',"
  " impact TEXT NOT NULL DEFAULT '',"
  " triggering_event TEXT NOT NULL DEFAULT '',"
  " detection TEXT NOT NULL DEFAULT '',"
  " resolution TEXT NOT NULL DEFAULT '',"
  " went_well TEXT NOT NULL DEFAULT '',"
  " went_wrong TEXT NOT NULL DEFAULT '',"
  " got_lucky TEXT NOT NULL DEFAULT '',"
  " scope_start TEXT,"
  " scope_end TEXT,"
  " scope_time_zone TEXT NOT NULL DEFAULT '',"
  " out_of_scope TEXT NOT NULL DEFAULT '',"
  " ground_rules TEXT NOT NULL DEFAULT '',"
  " ground_rules_sent_at TEXT"
  ") STRICT;"

  "CREATE TABLE scope_item ("
  " uuid TEXT PRIMARY KEY NOT NULL,"
  " modified_at TEXT NOT NULL,"
  " modified_by TEXT NOT NULL,"
  " position INTEGER NOT NULL DEFAULT 0,"
  " name TEXT NOT NULL DEFAULT '',"
  " kind TEXT NOT NULL DEFAULT 'system' CHECK (kind IN ('system', 'component')),"
  " notes TEXT NOT NULL DEFAULT ''"
  ") STRICT;"

  "CREATE TABLE participant ("
  " uuid TEXT PRIMARY KEY NOT NULL,"
  " modified_at TEXT NOT NULL,"
  " modified_by TEXT NOT NULL,"
  " position INTEGER NOT NULL DEFAULT 0,"
  " name TEXT NOT NULL DEFAULT '',"
  " role TEXT NOT NULL DEFAULT '',"
  " team TEXT NOT NULL DEFAULT '',"
  " contact TEXT NOT NULL DEFAULT '',"
  " present INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1))"
  ") STRICT;"

  "CREATE TABLE evidence ("
  " uuid TEXT PRIMARY KEY NOT NULL,"
  " modified_at TEXT NOT NULL,"
  " modified_by TEXT NOT NULL,"
  " position INTEGER NOT NULL DEFAULT 0,"
  " title TEXT NOT NULL DEFAULT '',"
  " kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('log', 'metrics', 'chat', 'report', 'image', 'other')),"
  " original_name TEXT NOT NULL DEFAULT '',"
  " media_type TEXT NOT NULL DEFAULT '',"
  " added_by TEXT NOT NULL DEFAULT '',"
  " added_at TEXT,"
  " sha256 TEXT NOT NULL DEFAULT '',"
  " size INTEGER NOT NULL DEFAULT 0 CHECK (size >= 0),"
  " clock_offset_ms INTEGER NOT NULL DEFAULT 0,"
  " notes TEXT NOT NULL DEFAULT ''"
  ") STRICT;"

  /* The content of an evidence item, in chunks that each stay small
   * enough to read, decompress and show without loading the whole file. */
  "CREATE TABLE evidence_chunk ("
  " evidence_uuid TEXT NOT NULL REFERENCES evidence (uuid) ON DELETE CASCADE,"
  " seq INTEGER NOT NULL CHECK (seq >= 0),"
  " compression TEXT NOT NULL CHECK (compression IN ('none', 'zlib')),"
  " size INTEGER NOT NULL CHECK (size >= 0),"
  " data BLOB NOT NULL,"
  " PRIMARY KEY (evidence_uuid, seq)"
  ") STRICT;"

  "CREATE TABLE timeline_event ("
  " uuid TEXT PRIMARY KEY NOT NULL,"
  " modified_at TEXT NOT NULL,"
  " modified_by TEXT NOT NULL,"
  " position INTEGER NOT NULL DEFAULT 0,"
  " occurred_at TEXT,"
  " title TEXT NOT NULL DEFAULT '',"
  " description TEXT NOT NULL DEFAULT '',"
  " system TEXT NOT NULL DEFAULT '',"
  " state TEXT NOT NULL DEFAULT '',"
  " phase TEXT NOT NULL DEFAULT 'none' CHECK (phase IN ('none', 'impact', 'detection', 'mitigation', 'resolution')),"
  " evidence_uuid TEXT NOT NULL DEFAULT '',"
  " evidence_first INTEGER NOT NULL DEFAULT 0,"
  " evidence_last INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"

  "CREATE TABLE phase_marker ("
  " uuid TEXT PRIMARY KEY NOT NULL,"
  " modified_at TEXT NOT NULL,"
  " modified_by TEXT NOT NULL,"
  " kind TEXT NOT NULL DEFAULT 'impact-start' CHECK (kind IN ('impact-start', 'detected', 'acknowledged', 'mitigated', 'resolved')),"
  " at TEXT,"
  " notes TEXT NOT NULL DEFAULT ''"
  ") STRICT;"

  "CREATE TABLE contributing_factor ("
  " uuid TEXT PRIMARY KEY NOT NULL,"
  " modified_at TEXT NOT NULL,"
  " modified_by TEXT NOT NULL,"
  " position INTEGER NOT NULL DEFAULT 0,"
  " title TEXT NOT NULL DEFAULT '',"
  " description TEXT NOT NULL DEFAULT '',"
  " category TEXT NOT NULL DEFAULT '',"
  " root_cause INTEGER NOT NULL DEFAULT 0 CHECK (root_cause IN (0, 1))"
  ") STRICT;"

  "CREATE TABLE action_item ("
  " uuid TEXT PRIMARY KEY NOT NULL,"
  " modified_at TEXT NOT NULL,"
  " modified_by TEXT NOT NULL,"
  " position INTEGER NOT NULL DEFAULT 0,"
  " title TEXT NOT NULL DEFAULT '',"
  " description TEXT NOT NULL DEFAULT '',"
  " owner TEXT NOT NULL DEFAULT '',"
  " due_date TEXT NOT NULL DEFAULT '',"
  " status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'done', 'wont-do')),"
  " factor_uuid TEXT NOT NULL DEFAULT '',"
  " completed_at TEXT"
  ") STRICT;"

  "CREATE TABLE meeting_note ("
  " uuid TEXT PRIMARY KEY NOT NULL,"
  " modified_at TEXT NOT NULL,"
  " modified_by TEXT NOT NULL,"
  " at TEXT,"
  " author TEXT NOT NULL DEFAULT '',"
  " text TEXT NOT NULL DEFAULT ''"
  ") STRICT;"

  "CREATE TABLE feedback ("
  " uuid TEXT PRIMARY KEY NOT NULL,"
  " modified_at TEXT NOT NULL,"
  " modified_by TEXT NOT NULL,"
  " author TEXT NOT NULL DEFAULT '',"
  " rating INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),"
  " text TEXT NOT NULL DEFAULT ''"
  ") STRICT;"

  "CREATE TABLE revision ("
  " uuid TEXT PRIMARY KEY NOT NULL,"
  " modified_at TEXT NOT NULL,"
  " modified_by TEXT NOT NULL,"
  " revision_id TEXT NOT NULL DEFAULT '',"
  " saved_at TEXT,"
  " saved_by TEXT NOT NULL DEFAULT '',"
  " host TEXT NOT NULL DEFAULT '',"
  " app_version TEXT NOT NULL DEFAULT ''"
  ") STRICT;";

/* Version 2: what an import learns of an evidence item (its clock, lines
 * and time range), a line index for logs, and chunks that outlive their
 * evidence row while an undo step may bring the row back: the chunks of
 * an item whose row is gone are dropped when the document is saved. */
static const char schema_v2[] =
  "ALTER TABLE evidence ADD COLUMN time_format TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE evidence ADD COLUMN since_boot INTEGER NOT NULL DEFAULT 0 CHECK (since_boot IN (0, 1));"
  "ALTER TABLE evidence ADD COLUMN line_count INTEGER NOT NULL DEFAULT 0 CHECK (line_count >= 0);"
  "ALTER TABLE evidence ADD COLUMN first_at TEXT;"
  "ALTER TABLE evidence ADD COLUMN last_at TEXT;"

  "CREATE TABLE evidence_chunk_v2 ("
  " evidence_uuid TEXT NOT NULL,"
  " seq INTEGER NOT NULL CHECK (seq >= 0),"
  " compression TEXT NOT NULL CHECK (compression IN ('none', 'zlib')),"
  " size INTEGER NOT NULL CHECK (size >= 0),"
  " data BLOB NOT NULL,"
  " PRIMARY KEY (evidence_uuid, seq)"
  ") STRICT;"
  "INSERT INTO evidence_chunk_v2 SELECT evidence_uuid, seq, compression, size, data FROM evidence_chunk;"
  "DROP TABLE evidence_chunk;"
  "ALTER TABLE evidence_chunk_v2 RENAME TO evidence_chunk;"

  /* One row per chunk of a log: the lines that start in it, packed (see
   * debrief-line-index.c), so that a 10-million-line log has a thousand
   * index rows rather than ten million. */
  "CREATE TABLE evidence_line_index ("
  " evidence_uuid TEXT NOT NULL,"
  " seq INTEGER NOT NULL CHECK (seq >= 0),"
  " first_line INTEGER NOT NULL CHECK (first_line >= 0),"
  " line_count INTEGER NOT NULL CHECK (line_count >= 0),"
  " min_usec INTEGER,"
  " max_usec INTEGER,"
  " data BLOB NOT NULL,"
  " PRIMARY KEY (evidence_uuid, seq)"
  ") STRICT;";

typedef struct
{
  int         to_version;
  const char *sql;
} Migration;

/* Migrations, in order: the SQL that takes a document from to_version - 1
 * to to_version. Version 1 is the first; later versions add rows here. */
static const Migration migrations[] = {
  { 1, schema_v1 },
  { 2, schema_v2 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == DEBRIEF_SCHEMA_VERSION);

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error,
                   DEBRIEF_DOCUMENT_ERROR,
                   DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                   _("The incident document could not be updated: %s"),
                   message ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

/* Runs the migrations after @from_version, in the caller's transaction. */
gboolean
_debrief_schema_migrate (sqlite3  *db,
                         int       from_version,
                         GError  **error)
{
  g_assert (db != NULL);
  g_assert (from_version >= 0 && from_version <= DEBRIEF_SCHEMA_VERSION);

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      g_autofree char *pragma = NULL;

      if (migrations[i].to_version <= from_version)
        continue;

      if (!exec_sql (db, migrations[i].sql, error))
        return FALSE;

      pragma = g_strdup_printf ("PRAGMA user_version = %d", migrations[i].to_version);
      if (!exec_sql (db, pragma, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_debrief_schema_create (sqlite3  *db,
                        GError  **error)
{
  return _debrief_schema_create_version (db, DEBRIEF_SCHEMA_VERSION, error);
}

/* Makes the tables of an older @version: for tests of the migrations. */
gboolean
_debrief_schema_create_version (sqlite3  *db,
                                int       version,
                                GError  **error)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA application_id = %d", (gint32) DEBRIEF_APPLICATION_ID);

  g_assert (version >= 1 && version <= DEBRIEF_SCHEMA_VERSION);

  if (!exec_sql (db, pragma, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (migrations) && migrations[i].to_version <= version; i++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", migrations[i].to_version);

      if (!exec_sql (db, migrations[i].sql, error) || !exec_sql (db, set_version, error))
        return FALSE;
    }

  return TRUE;
}

/* The schema objects of @db as "type|name|tbl_name|sql" lines, sorted. */
static char *
describe_schema (sqlite3  *db,
                 GError  **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT type, name, tbl_name, coalesce (sql, '') FROM sqlite_schema "
                          "ORDER BY type, name",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error,
                   DEBRIEF_DOCUMENT_ERROR,
                   DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                   _("The incident document is damaged: its table of contents cannot be read (%s)."),
                   sqlite3_errmsg (db));
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int i = 0; i < 4; i++)
      g_string_append_printf (out, "%s%c", (const char *) sqlite3_column_text (stmt, i), i == 3 ? '\n' : '|');

  if (rc != SQLITE_DONE)
    {
      g_set_error (error,
                   DEBRIEF_DOCUMENT_ERROR,
                   DEBRIEF_DOCUMENT_ERROR_DAMAGED,
                   _("The incident document is damaged: its table of contents cannot be read (%s)."),
                   sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return NULL;
    }

  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * _debrief_schema_verify:
 * @db: an open document
 * @version: the schema version the document says it has
 * @error: a location for a #GError
 *
 * Compares the schema of @db with one made afresh for @version. Any
 * difference — a table or column more or less, a changed constraint, a
 * trigger or a view — means the file was not written by Debrief, or was
 * altered since, and it is refused.
 */
gboolean
_debrief_schema_verify (sqlite3  *db,
                        int       version,
                        GError  **error)
{
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  sqlite3 *reference = NULL;
  gboolean ok;

  g_assert (version >= 1 && version <= DEBRIEF_SCHEMA_VERSION);

  if (sqlite3_open_v2 (":memory:", &reference, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      sqlite3_close (reference);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, _("Not enough memory to check the document."));
      return FALSE;
    }

  /* Only the migrations up to @version: an older document is compared
   * with an older reference, before it is migrated. */
  ok = exec_sql (reference, "BEGIN", error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (migrations) && migrations[i].to_version <= version; i++)
    ok = exec_sql (reference, migrations[i].sql, error);
  if (ok)
    ok = (expected = describe_schema (reference, error)) != NULL;
  sqlite3_close (reference);

  if (!ok)
    return FALSE;

  if (!(actual = describe_schema (db, error)))
    return FALSE;

  if (g_strcmp0 (expected, actual) != 0)
    {
      g_set_error_literal (error,
                           DEBRIEF_DOCUMENT_ERROR,
                           DEBRIEF_DOCUMENT_ERROR_FOREIGN,
                           _("The file’s tables are not those of a Debrief incident document: "
                             "it was made or changed by another program."));
      return FALSE;
    }

  return TRUE;
}
