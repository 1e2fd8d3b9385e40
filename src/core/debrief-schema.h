/* debrief-schema.h
 *
 * The tables of an incident document, by schema version, and the
 * migrations from each version to the next.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The schema this build writes; PRAGMA user_version holds it. */
#define DEBRIEF_SCHEMA_VERSION 2

gboolean _debrief_schema_create  (sqlite3     *db,
                                  GError     **error);
gboolean _debrief_schema_create_version (sqlite3  *db,
                                         int       version,
                                         GError  **error);
gboolean _debrief_schema_migrate (sqlite3     *db,
                                  int          from_version,
                                  GError     **error);
gboolean _debrief_schema_verify  (sqlite3     *db,
                                  int          version,
                                  GError     **error);

G_END_DECLS
