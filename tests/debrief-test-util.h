/* debrief-test-util.h
 *
 * Helpers shared by the test programs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

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

G_END_DECLS
