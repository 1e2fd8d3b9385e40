/* debrief-fault-vfs.h
 *
 * An SQLite VFS for tests that wraps the default one and fails a chosen
 * write, sync, truncation or open, as a failing disk would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DEBRIEF_FAULT_VFS_NAME "debrief-fault"

typedef enum
{
  DEBRIEF_FAULT_WRITE,
  DEBRIEF_FAULT_SYNC,
  DEBRIEF_FAULT_TRUNCATE,
  DEBRIEF_FAULT_OPEN,
  DEBRIEF_FAULT_LAST,
} DebriefFault;

const char *debrief_fault_vfs_register   (void);
void        debrief_fault_vfs_reset      (void);
void        debrief_fault_vfs_set_filter (const char   *pattern);
void        debrief_fault_vfs_fail       (DebriefFault  fault,
                                          guint         nth,
                                          int           result,
                                          gboolean      sticky);
guint       debrief_fault_vfs_get_count  (DebriefFault  fault);
guint       debrief_fault_vfs_get_failed (void);
const char *debrief_fault_vfs_describe   (DebriefFault  fault);

G_END_DECLS
