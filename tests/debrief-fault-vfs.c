/* debrief-fault-vfs.c
 *
 * An SQLite VFS for tests that wraps the default one and fails a chosen
 * write, sync, truncation or open, as a failing disk would.
 *
 * Every call of each kind on a file whose name matches the filter is
 * counted, so that a test can first run an operation to learn how many
 * there are, then run it again once for each of them, failing that one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-test"

#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "debrief-fault-vfs.h"

typedef struct
{
  sqlite3_file        base;
  sqlite3_io_methods  methods;
  sqlite3_file       *real;
  gboolean            matches;
} FaultFile;

static sqlite3_vfs fault_vfs;
static sqlite3_vfs *real_vfs;

/* The calls come from whichever thread runs SQLite. */
static GMutex lock;
static char *filter;
static guint counts[DEBRIEF_FAULT_LAST];
static guint fail_at[DEBRIEF_FAULT_LAST];
static int fail_with[DEBRIEF_FAULT_LAST];
static gboolean fail_sticky[DEBRIEF_FAULT_LAST];
static guint n_failed;

static gboolean
name_matches (const char *name)
{
  gboolean matches;

  g_mutex_lock (&lock);
  matches = filter == NULL || (name != NULL && strstr (name, filter) != NULL);
  g_mutex_unlock (&lock);

  return matches;
}

/* Counts a call and tells what it must return: SQLITE_OK to go ahead. */
static int
count_call (DebriefFault fault,
            gboolean     matches)
{
  int rc = SQLITE_OK;
  guint n;

  if (!matches)
    return SQLITE_OK;

  g_mutex_lock (&lock);
  n = ++counts[fault];
  if (fail_at[fault] != 0 && (n == fail_at[fault] || (fail_sticky[fault] && n > fail_at[fault])))
    {
      rc = fail_with[fault];
      n_failed++;
    }
  g_mutex_unlock (&lock);

  return rc;
}

#define REAL(file) (((FaultFile *) (file))->real)
#define MATCHES(file) (((FaultFile *) (file))->matches)

static int
fault_close (sqlite3_file *file)
{
  sqlite3_file *real = REAL (file);

  return real->pMethods->xClose (real);
}

static int
fault_read (sqlite3_file *file,
            void         *buffer,
            int           amount,
            sqlite3_int64 offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buffer, amount, offset);
}

static int
fault_write (sqlite3_file *file,
             const void   *buffer,
             int           amount,
             sqlite3_int64 offset)
{
  int rc = count_call (DEBRIEF_FAULT_WRITE, MATCHES (file));

  if (rc != SQLITE_OK)
    return rc;

  return REAL (file)->pMethods->xWrite (REAL (file), buffer, amount, offset);
}

static int
fault_truncate (sqlite3_file  *file,
                sqlite3_int64  size)
{
  int rc = count_call (DEBRIEF_FAULT_TRUNCATE, MATCHES (file));

  if (rc != SQLITE_OK)
    return rc;

  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
fault_sync (sqlite3_file *file,
            int           flags)
{
  int rc = count_call (DEBRIEF_FAULT_SYNC, MATCHES (file));

  if (rc != SQLITE_OK)
    return rc;

  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
fault_file_size (sqlite3_file  *file,
                 sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
fault_lock (sqlite3_file *file,
            int           level)
{
  return REAL (file)->pMethods->xLock (REAL (file), level);
}

static int
fault_unlock (sqlite3_file *file,
              int           level)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), level);
}

static int
fault_check_reserved_lock (sqlite3_file *file,
                           int          *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
fault_file_control (sqlite3_file *file,
                    int           op,
                    void         *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
fault_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
fault_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
fault_shm_map (sqlite3_file  *file,
               int            region,
               int            size,
               int            extend,
               void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), region, size, extend, out);
}

static int
fault_shm_lock (sqlite3_file *file,
                int           offset,
                int           n,
                int           flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
fault_shm_unmap (sqlite3_file *file,
                 int           delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

static int
fault_fetch (sqlite3_file   *file,
             sqlite3_int64   offset,
             int             amount,
             void          **out)
{
  return REAL (file)->pMethods->xFetch (REAL (file), offset, amount, out);
}

static int
fault_unfetch (sqlite3_file  *file,
               sqlite3_int64  offset,
               void          *page)
{
  return REAL (file)->pMethods->xUnfetch (REAL (file), offset, page);
}

/* The methods of each file mirror those of the file it wraps: SQLite looks
 * at the version and at which methods are missing (no shared memory means
 * no WAL) to decide what it may do with a file. */
static void
init_methods (sqlite3_io_methods       *methods,
              const sqlite3_io_methods *real)
{
  memset (methods, 0, sizeof *methods);
  methods->iVersion = MIN (real->iVersion, 3);
  methods->xClose = fault_close;
  methods->xRead = fault_read;
  methods->xWrite = fault_write;
  methods->xTruncate = fault_truncate;
  methods->xSync = fault_sync;
  methods->xFileSize = fault_file_size;
  methods->xLock = fault_lock;
  methods->xUnlock = fault_unlock;
  methods->xCheckReservedLock = fault_check_reserved_lock;
  methods->xFileControl = fault_file_control;
  methods->xSectorSize = fault_sector_size;
  methods->xDeviceCharacteristics = fault_device_characteristics;

  if (real->iVersion >= 2)
    {
      methods->xShmMap = real->xShmMap ? fault_shm_map : NULL;
      methods->xShmLock = real->xShmLock ? fault_shm_lock : NULL;
      methods->xShmBarrier = real->xShmBarrier ? fault_shm_barrier : NULL;
      methods->xShmUnmap = real->xShmUnmap ? fault_shm_unmap : NULL;
    }

  if (real->iVersion >= 3)
    {
      methods->xFetch = real->xFetch ? fault_fetch : NULL;
      methods->xUnfetch = real->xUnfetch ? fault_unfetch : NULL;
    }
}

static int
fault_open (sqlite3_vfs  *vfs,
            const char   *name,
            sqlite3_file *file,
            int           flags,
            int          *out_flags)
{
  FaultFile *self = (FaultFile *) file;
  gboolean matches = name_matches (name);
  int rc;

  self->base.pMethods = NULL;
  self->real = (sqlite3_file *) (self + 1);
  self->real->pMethods = NULL;
  self->matches = matches;

  if ((rc = count_call (DEBRIEF_FAULT_OPEN, matches)) != SQLITE_OK)
    return rc;

  rc = real_vfs->xOpen (real_vfs, name, self->real, flags, out_flags);
  if (rc != SQLITE_OK)
    {
      /* Nothing to hand back: SQLite closes only a file with methods. */
      if (self->real->pMethods != NULL)
        self->real->pMethods->xClose (self->real);
      return rc;
    }

  init_methods (&self->methods, self->real->pMethods);
  self->base.pMethods = &self->methods;

  return SQLITE_OK;
}

static int
fault_delete (sqlite3_vfs *vfs,
              const char  *name,
              int          sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
fault_access (sqlite3_vfs *vfs,
              const char  *name,
              int          flags,
              int         *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
fault_full_pathname (sqlite3_vfs *vfs,
                     const char  *name,
                     int          size,
                     char        *out)
{
  return real_vfs->xFullPathname (real_vfs, name, size, out);
}

static void *
fault_dl_open (sqlite3_vfs *vfs,
               const char  *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
fault_dl_error (sqlite3_vfs *vfs,
                int          size,
                char        *out)
{
  real_vfs->xDlError (real_vfs, size, out);
}

static void
(*fault_dl_sym (sqlite3_vfs *vfs,
                void        *handle,
                const char  *symbol)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
fault_dl_close (sqlite3_vfs *vfs,
                void        *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
fault_randomness (sqlite3_vfs *vfs,
                  int          size,
                  char        *out)
{
  return real_vfs->xRandomness (real_vfs, size, out);
}

static int
fault_sleep (sqlite3_vfs *vfs,
             int          usec)
{
  return real_vfs->xSleep (real_vfs, usec);
}

static int
fault_current_time (sqlite3_vfs *vfs,
                    double      *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
fault_get_last_error (sqlite3_vfs *vfs,
                      int          size,
                      char        *out)
{
  return real_vfs->xGetLastError ? real_vfs->xGetLastError (real_vfs, size, out) : 0;
}

static int
fault_current_time_int64 (sqlite3_vfs   *vfs,
                          sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

/**
 * debrief_fault_vfs_register:
 *
 * Registers the VFS, once, wrapping the default one ("unix"), and not as
 * the default: only connections that ask for it by name use it.
 *
 * Returns: the name to give _debrief_document_set_vfs_name()
 */
const char *
debrief_fault_vfs_register (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      real_vfs = sqlite3_vfs_find (NULL);
      g_assert_nonnull (real_vfs);
      /* Version 3 only adds overriding system calls, which tests do not
       * do; version 2 has everything else. */
      g_assert_cmpint (real_vfs->iVersion, >=, 2);

      fault_vfs.iVersion = 2;
      fault_vfs.szOsFile = (int) sizeof (FaultFile) + real_vfs->szOsFile;
      fault_vfs.mxPathname = real_vfs->mxPathname;
      fault_vfs.zName = DEBRIEF_FAULT_VFS_NAME;
      fault_vfs.xOpen = fault_open;
      fault_vfs.xDelete = fault_delete;
      fault_vfs.xAccess = fault_access;
      fault_vfs.xFullPathname = fault_full_pathname;
      fault_vfs.xDlOpen = fault_dl_open;
      fault_vfs.xDlError = fault_dl_error;
      fault_vfs.xDlSym = fault_dl_sym;
      fault_vfs.xDlClose = fault_dl_close;
      fault_vfs.xRandomness = fault_randomness;
      fault_vfs.xSleep = fault_sleep;
      fault_vfs.xCurrentTime = fault_current_time;
      fault_vfs.xGetLastError = fault_get_last_error;
      fault_vfs.xCurrentTimeInt64 = fault_current_time_int64;

      g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 0), ==, SQLITE_OK);
      g_once_init_leave (&registered, 1);
    }

  return DEBRIEF_FAULT_VFS_NAME;
}

/**
 * debrief_fault_vfs_reset:
 *
 * Sets every count back to zero, fails nothing and counts every file.
 */
void
debrief_fault_vfs_reset (void)
{
  g_mutex_lock (&lock);
  g_clear_pointer (&filter, g_free);
  memset (counts, 0, sizeof counts);
  memset (fail_at, 0, sizeof fail_at);
  memset (fail_with, 0, sizeof fail_with);
  memset (fail_sticky, 0, sizeof fail_sticky);
  n_failed = 0;
  g_mutex_unlock (&lock);
}

/**
 * debrief_fault_vfs_set_filter:
 * @pattern: (nullable): a part of a file name, or %NULL for every file
 *
 * Counts (and fails) only calls on files opened from now on whose name
 * contains @pattern. Files without a name (SQLite's temporary files) match
 * only %NULL.
 */
void
debrief_fault_vfs_set_filter (const char *pattern)
{
  g_mutex_lock (&lock);
  g_free (filter);
  filter = g_strdup (pattern);
  g_mutex_unlock (&lock);
}

/**
 * debrief_fault_vfs_fail:
 * @fault: the kind of call
 * @nth: which of those calls fails, counting from 1 since the last reset;
 *   0 for none
 * @result: the SQLite result code it returns, such as %SQLITE_FULL
 * @sticky: whether every later call of that kind fails too, as on a disk
 *   that stays full
 *
 * A failed call does nothing: no byte is written, nothing is synced.
 */
void
debrief_fault_vfs_fail (DebriefFault fault,
                        guint        nth,
                        int          result,
                        gboolean     sticky)
{
  g_assert (fault < DEBRIEF_FAULT_LAST);
  g_assert (nth == 0 || result != SQLITE_OK);

  g_mutex_lock (&lock);
  fail_at[fault] = nth;
  fail_with[fault] = result;
  fail_sticky[fault] = sticky;
  g_mutex_unlock (&lock);
}

/**
 * debrief_fault_vfs_get_count:
 * @fault: the kind of call
 *
 * Returns: how many calls of that kind there were since the last reset,
 *   failed ones included
 */
guint
debrief_fault_vfs_get_count (DebriefFault fault)
{
  guint n;

  g_assert (fault < DEBRIEF_FAULT_LAST);

  g_mutex_lock (&lock);
  n = counts[fault];
  g_mutex_unlock (&lock);

  return n;
}

/**
 * debrief_fault_vfs_get_failed:
 *
 * Returns: how many calls were made to fail since the last reset
 */
guint
debrief_fault_vfs_get_failed (void)
{
  guint n;

  g_mutex_lock (&lock);
  n = n_failed;
  g_mutex_unlock (&lock);

  return n;
}

const char *
debrief_fault_vfs_describe (DebriefFault fault)
{
  static const char *names[] = { "write", "sync", "truncate", "open" };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == DEBRIEF_FAULT_LAST);
  g_assert (fault < DEBRIEF_FAULT_LAST);

  return names[fault];
}
