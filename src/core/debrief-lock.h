/* debrief-lock.h
 *
 * The advisory lock file beside an incident document that tells others who
 * has it open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DEBRIEF_LOCK_ERROR (debrief_lock_error_quark ())

/**
 * DebriefLockError:
 * @DEBRIEF_LOCK_ERROR_HELD: someone else has the document open; the message
 *   says who, on which computer and since when, and debrief_lock_read()
 *   gives the details.
 * @DEBRIEF_LOCK_ERROR_UNAVAILABLE: the lock file cannot be created, read or
 *   removed (read-only or missing folder, lost connection…); the message
 *   says why.
 */
typedef enum
{
  DEBRIEF_LOCK_ERROR_HELD,
  DEBRIEF_LOCK_ERROR_UNAVAILABLE,
} DebriefLockError;

GQuark debrief_lock_error_quark (void);

#define DEBRIEF_TYPE_LOCK_INFO (debrief_lock_info_get_type ())

typedef struct _DebriefLockInfo DebriefLockInfo;

GType            debrief_lock_info_get_type  (void) G_GNUC_CONST;
DebriefLockInfo *debrief_lock_info_copy      (const DebriefLockInfo *info);
void             debrief_lock_info_free      (DebriefLockInfo       *info);
const char      *debrief_lock_info_get_user  (const DebriefLockInfo *info);
const char      *debrief_lock_info_get_host  (const DebriefLockInfo *info);
GDateTime       *debrief_lock_info_get_since (const DebriefLockInfo *info);
int              debrief_lock_info_get_pid   (const DebriefLockInfo *info);
gboolean         debrief_lock_info_is_stale  (const DebriefLockInfo *info);
char            *debrief_lock_info_describe  (const DebriefLockInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DebriefLockInfo, debrief_lock_info_free)

#define DEBRIEF_TYPE_LOCK (debrief_lock_get_type ())

G_DECLARE_FINAL_TYPE (DebriefLock, debrief_lock, DEBRIEF, LOCK, GObject)

GFile           *debrief_lock_get_lock_file_for (GFile         *document);
DebriefLock     *debrief_lock_acquire           (GFile         *document,
                                                 const char    *user_name,
                                                 GCancellable  *cancellable,
                                                 GError       **error);
DebriefLockInfo *debrief_lock_read              (GFile         *document,
                                                 GCancellable  *cancellable,
                                                 GError       **error);
gboolean         debrief_lock_break             (GFile         *document,
                                                 GCancellable  *cancellable,
                                                 GError       **error);
GFile           *debrief_lock_get_document      (DebriefLock   *self);
gboolean         debrief_lock_is_held           (DebriefLock   *self,
                                                 GCancellable  *cancellable,
                                                 GError       **error);
gboolean         debrief_lock_set_user_name     (DebriefLock   *self,
                                                 const char    *user_name,
                                                 GCancellable  *cancellable,
                                                 GError       **error);
gboolean         debrief_lock_release           (DebriefLock   *self,
                                                 GError       **error);

G_END_DECLS
