/* debrief-database.h
 *
 * Opening an SQLite file that came from outside as what it is: untrusted.
 * For src/core only: the document and the models that read its tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "debrief-document-error.h"

G_BEGIN_DECLS

sqlite3  *_debrief_database_open         (const char          *path,
                                          int                  flags,
                                          GError             **error);
sqlite3  *_debrief_database_open_full    (const char          *path,
                                          int                  flags,
                                          const char          *doing,
                                          GError             **error);
void      _debrief_set_sqlite_error      (GError             **error,
                                          sqlite3             *db,
                                          int                  rc,
                                          const char          *doing);
gboolean  _debrief_database_check        (sqlite3             *db,
                                          int                 *out_version,
                                          GError             **error);
gboolean  _debrief_database_check_tables (sqlite3             *db,
                                          const char * const  *tables,
                                          int                 *out_version,
                                          GError             **error);

/* For tests: the SQLite VFS that documents are opened with. */
void      _debrief_document_set_vfs_name (const char          *vfs_name);

G_END_DECLS
