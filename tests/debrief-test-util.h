/* debrief-test-util.h
 *
 * Helpers shared by the test programs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "debrief-document.h"
#include "debrief-evidence-store.h"

G_BEGIN_DECLS

char  *debrief_test_make_tmpdir        (void);
GFile *debrief_test_write_database     (const char *dir,
                                        const char *name,
                                        guint32     application_id);
GFile *debrief_test_write_text         (const char *dir,
                                        const char *name,
                                        const char *text,
                                        gssize      length);
void   debrief_test_remove_tree        (const char *dir);
char  *debrief_test_use_private_data_home (void);

/* Plain SQLite, as any other program would read a saved file. */
gint64   debrief_test_query_int        (sqlite3    *db,
                                        const char *sql);
char    *debrief_test_query_text       (sqlite3    *db,
                                        const char *sql);
sqlite3 *debrief_test_open_checked     (const char *path);

/* Test programs that keep working copies in a private data folder */
int      debrief_test_run_and_remove   (char       *data_home);

GBytes  *debrief_test_read_bytes       (const char *path);
void     debrief_test_write_bytes      (const char *path,
                                        GBytes     *bytes);
gint64   debrief_test_utc              (int         year,
                                        int         month,
                                        int         day,
                                        int         hour,
                                        int         minute,
                                        int         second,
                                        gint64      usec);
GDateTime *debrief_test_datetime      (const char *iso8601);
gint64     debrief_test_usec          (const char *iso8601);
char      *debrief_test_wall_clock    (GDateTime  *time,
                                       const char *zone_name);

/* Documents whose set-up cannot fail in a test */
DebriefDocument *debrief_test_new_document   (const char       *user_name);
DebriefDocument *debrief_test_open_document  (GFile            *file,
                                              DebriefOpenFlags  flags,
                                              const char       *user_name);
void             debrief_test_save_document  (DebriefDocument  *document,
                                              GFile            *file);
void             debrief_test_close_document (DebriefDocument  *document);
gboolean         debrief_test_opened_or_explained (DebriefDocument *document,
                                                   const GError    *error);
DebriefEvidence *debrief_test_import_evidence (DebriefDocument            *document,
                                               GFile                      *file,
                                               const DebriefImportOptions *options,
                                               char                      **warning);
guint            debrief_test_count_drafts   (const char       *data_home);

G_END_DECLS
