/* debrief-lock.c
 *
 * The advisory lock file beside an incident document that tells others who
 * has it open. Debrief never edits the shared document in place, so the
 * lock only informs; but it comes from other machines, so it is read as
 * untrusted text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-lock"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "debrief-lock.h"
#include "debrief-user.h"

/* Anything longer is not a lock file Debrief wrote; reading all of it would
 * only let a hostile file make us allocate. */
#define LOCK_FILE_MAX_SIZE 4096

#define LOCK_GROUP "Debrief Lock"
#define KEY_USER   "user"
#define KEY_HOST   "host"
#define KEY_PID    "pid"
#define KEY_SINCE  "since"
#define KEY_APP    "app"
#define KEY_TOKEN  "token"

#define MAX_USER_CHARS 128
#define MAX_HOST_CHARS 255
#define MAX_APP_CHARS  64

struct _DebriefLockInfo
{
  char      *user;   /* NULL when unknown */
  char      *host;   /* NULL when unknown */
  char      *app;    /* NULL when unknown */
  char      *token;  /* NULL when unknown */
  GDateTime *since;  /* NULL when unknown */
  int        pid;    /* 0 when unknown */
};

struct _DebriefLock
{
  GObject          parent_instance;

  GFile           *document;
  GFile           *lock_file;
  DebriefLockInfo *info;
  gboolean         held;
  /* A new name is written in one thread while the lock may be let go of
   * in another: the file must not come back after its removal. */
  GMutex           mutex;
};

G_DEFINE_QUARK (debrief-lock-error-quark, debrief_lock_error)
G_DEFINE_BOXED_TYPE (DebriefLockInfo,
                     debrief_lock_info,
                     debrief_lock_info_copy,
                     debrief_lock_info_free)
G_DEFINE_FINAL_TYPE (DebriefLock, debrief_lock, G_TYPE_OBJECT)

static DebriefLockInfo *read_lock_file (GFile         *lock_file,
                                        GCancellable  *cancellable,
                                        GError       **error);

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* How every failed step ends: a cancellation goes up as it is, anything
 * else becomes an UNAVAILABLE error that names the document and the cause.
 */
static void G_GNUC_PRINTF (3, 4)
fail_unavailable (GError     **error,
                  GError     **cause,
                  const char  *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (is_cancelled (*cause))
    {
      g_propagate_error (error, g_steal_pointer (cause));
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, DEBRIEF_LOCK_ERROR, DEBRIEF_LOCK_ERROR_UNAVAILABLE, message);
}

static char *
display_name (GFile *document)
{
  g_autofree char *basename = g_file_get_basename (document);

  if (basename == NULL)
    return g_file_get_parse_name (document);

  return g_filename_display_name (basename);
}

/* Values from a lock file end up in a dialog: keep them to one short line
 * of text, without control characters or bidi overrides that could make
 * "Ada" read as someone else. Returns NULL if nothing is left. */
static char *
sanitize (const char *text,
          guint       max_chars)
{
  g_autoptr(GString) clean = NULL;
  g_autofree char *valid = NULL;
  guint n_chars = 0;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  clean = g_string_new (NULL);

  for (const char *p = valid; *p != '\0' && n_chars < max_chars; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        continue;

      if (g_unichar_iscntrl (c))
        {
          if (g_unichar_isspace (c))
            g_string_append_c (clean, ' ');
          continue;
        }

      g_string_append_unichar (clean, c);
      n_chars++;
    }

  g_strstrip (clean->str);
  if (clean->str[0] == '\0')
    return NULL;

  return g_strdup (clean->str);
}

static const char *
our_host_name (void)
{
  static char *host = NULL;

  if (g_once_init_enter (&host))
    {
      char *sanitized = sanitize (g_get_host_name (), MAX_HOST_CHARS);

      g_once_init_leave (&host, sanitized != NULL ? sanitized : g_strdup ("localhost"));
    }

  return host;
}

/* The name a lock shows: @user_name, or the account's. */
static char *
lock_user_name (const char *user_name)
{
  g_autofree char *account_name = NULL;
  char *user = sanitize (user_name, MAX_USER_CHARS);

  if (user != NULL)
    return user;

  account_name = debrief_user_dup_account_name ();

  return sanitize (account_name, MAX_USER_CHARS);
}

static DebriefLockInfo *
lock_info_new_for_us (const char *user_name)
{
  DebriefLockInfo *info = g_new0 (DebriefLockInfo, 1);

  info->user = lock_user_name (user_name);

  info->host = g_strdup (our_host_name ());
  info->app = g_strdup ("Debrief " PACKAGE_VERSION);
  info->token = g_uuid_string_random ();
  /* Whole seconds: that is what the file stores, so what we hold and what
   * others read back are the same. */
  info->since = g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC);
  info->pid = (int) getpid ();

  return info;
}

static char *
lock_info_to_data (const DebriefLockInfo *info,
                   gsize                 *length)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *since = g_date_time_format (info->since, "%Y-%m-%dT%H:%M:%SZ");

  /* For whoever finds the file in a folder listing. Not translated: the
   * reader may speak another language than the writer. */
  g_key_file_set_comment (key_file, NULL, NULL,
                          " Debrief has the incident document beside this file open.\n"
                          " It tells others who, and is removed when the document is closed.",
                          NULL);
  g_key_file_set_string (key_file, LOCK_GROUP, KEY_USER, info->user != NULL ? info->user : "");
  g_key_file_set_string (key_file, LOCK_GROUP, KEY_HOST, info->host);
  g_key_file_set_integer (key_file, LOCK_GROUP, KEY_PID, info->pid);
  g_key_file_set_string (key_file, LOCK_GROUP, KEY_SINCE, since);
  g_key_file_set_string (key_file, LOCK_GROUP, KEY_APP, info->app);
  g_key_file_set_string (key_file, LOCK_GROUP, KEY_TOKEN, info->token);

  return g_key_file_to_data (key_file, length, NULL);
}

static char *
get_sanitized (GKeyFile   *key_file,
               const char *key,
               guint       max_chars)
{
  /* A missing key or a value that is not UTF-8 is simply unknown. */
  g_autofree char *value = g_key_file_get_string (key_file, LOCK_GROUP, key, NULL);

  return sanitize (value, max_chars);
}

/* Whatever @data holds, this returns an info: the lock file exists, so the
 * document is held by someone, even if we cannot tell who. */
static DebriefLockInfo *
lock_info_parse (const char *data,
                 gsize       length)
{
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  g_autofree char *pid = NULL;
  g_autofree char *since = NULL;
  g_autofree char *token = NULL;
  DebriefLockInfo *info = g_new0 (DebriefLockInfo, 1);
  gint64 value;

  /* Empty while its writer is still writing it; NUL bytes mean it is not
   * text at all. */
  if (length == 0 || memchr (data, '\0', length) != NULL)
    return info;

  key_file = g_key_file_new ();
  if (!g_key_file_load_from_data (key_file, data, length, G_KEY_FILE_NONE, NULL))
    return info;

  info->user = get_sanitized (key_file, KEY_USER, MAX_USER_CHARS);
  info->host = get_sanitized (key_file, KEY_HOST, MAX_HOST_CHARS);
  info->app = get_sanitized (key_file, KEY_APP, MAX_APP_CHARS);

  pid = g_key_file_get_string (key_file, LOCK_GROUP, KEY_PID, NULL);
  if (pid != NULL && g_ascii_string_to_signed (pid, 10, 1, G_MAXINT, &value, NULL))
    info->pid = (int) value;

  since = g_key_file_get_string (key_file, LOCK_GROUP, KEY_SINCE, NULL);
  if (since != NULL)
    {
      utc = g_time_zone_new_utc ();
      info->since = g_date_time_new_from_iso8601 (since, utc);
    }

  token = g_key_file_get_string (key_file, LOCK_GROUP, KEY_TOKEN, NULL);
  if (token != NULL && g_uuid_string_is_valid (token))
    info->token = g_steal_pointer (&token);

  return info;
}

/**
 * debrief_lock_info_copy:
 * @info: a #DebriefLockInfo
 *
 * Returns: (transfer full): a copy of @info
 */
DebriefLockInfo *
debrief_lock_info_copy (const DebriefLockInfo *info)
{
  DebriefLockInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_new0 (DebriefLockInfo, 1);
  copy->user = g_strdup (info->user);
  copy->host = g_strdup (info->host);
  copy->app = g_strdup (info->app);
  copy->token = g_strdup (info->token);
  copy->since = info->since != NULL ? g_date_time_ref (info->since) : NULL;
  copy->pid = info->pid;

  return copy;
}

/**
 * debrief_lock_info_free:
 * @info: (nullable): a #DebriefLockInfo
 *
 * Frees @info.
 */
void
debrief_lock_info_free (DebriefLockInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->user);
  g_free (info->host);
  g_free (info->app);
  g_free (info->token);
  g_clear_pointer (&info->since, g_date_time_unref);
  g_free (info);
}

/**
 * debrief_lock_info_get_user:
 * @info: a #DebriefLockInfo
 *
 * Returns: the name of whoever holds the lock, or a word such as "someone"
 *   if the lock file does not say
 */
const char *
debrief_lock_info_get_user (const DebriefLockInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  /* Translators: who has a document open, when the lock file does not say. */
  return info->user != NULL ? info->user : _("someone");
}

/**
 * debrief_lock_info_get_host:
 * @info: a #DebriefLockInfo
 *
 * Returns: the name of the computer the lock was taken on, or a phrase such
 *   as "unknown computer" if the lock file does not say
 */
const char *
debrief_lock_info_get_host (const DebriefLockInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return info->host != NULL ? info->host : _("unknown computer");
}

/**
 * debrief_lock_info_get_since:
 * @info: a #DebriefLockInfo
 *
 * Returns: (transfer none) (nullable): when the lock was taken, in UTC, or
 *   %NULL if the lock file does not say
 */
GDateTime *
debrief_lock_info_get_since (const DebriefLockInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return info->since;
}

/**
 * debrief_lock_info_get_pid:
 * @info: a #DebriefLockInfo
 *
 * Returns: the process id of the holder on its own computer, or 0 if the
 *   lock file does not say
 */
int
debrief_lock_info_get_pid (const DebriefLockInfo *info)
{
  g_return_val_if_fail (info != NULL, 0);

  return info->pid;
}

/**
 * debrief_lock_info_is_stale:
 * @info: a #DebriefLockInfo
 *
 * Whether the lock is certainly left over from a program that has ended:
 * it was taken on this computer and its process no longer runs. A lock from
 * another computer is never stale by this test, since we cannot know.
 *
 * Returns: %TRUE if the lock can be broken without asking anyone
 */
gboolean
debrief_lock_info_is_stale (const DebriefLockInfo *info)
{
  g_return_val_if_fail (info != NULL, FALSE);

  if (info->host == NULL || info->pid <= 0)
    return FALSE;

  if (g_ascii_strcasecmp (info->host, our_host_name ()) != 0)
    return FALSE;

  /* EPERM means the process exists but belongs to another user. */
  return kill ((pid_t) info->pid, 0) == -1 && errno == ESRCH;
}

/**
 * debrief_lock_info_describe:
 * @info: a #DebriefLockInfo
 *
 * Returns: (transfer full): a sentence for a dialog, such as
 *   "Opened by Ada Lovelace on bench-laptop since 26 Nov 2026, 14:03 CET"
 */
char *
debrief_lock_info_describe (const DebriefLockInfo *info)
{
  g_autofree char *since = NULL;
  const char *user;

  g_return_val_if_fail (info != NULL, NULL);

  user = debrief_lock_info_get_user (info);

  if (info->since != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (info->since);

      if (local != NULL)
        /* Translators: when someone opened a document, in g_date_time_format()
         * notation; "26 Nov 2026, 14:03 CET". The zone is named because the
         * one who reads it may be in another. */
        since = g_date_time_format (local, _("%-d %b %Y, %H:%M %Z"));
    }

  if (info->host != NULL && since != NULL)
    /* Translators: "Opened by <user> on <computer> since <time>". */
    return g_strdup_printf (_("Opened by %s on %s since %s"), user, info->host, since);
  else if (info->host != NULL)
    /* Translators: "Opened by <user> on <computer>". */
    return g_strdup_printf (_("Opened by %s on %s"), user, info->host);
  else if (since != NULL)
    /* Translators: "Opened by <user> since <time>". */
    return g_strdup_printf (_("Opened by %s since %s"), user, since);
  else
    /* Translators: "Opened by <user>". */
    return g_strdup_printf (_("Opened by %s"), user);
}

static void
debrief_lock_finalize (GObject *object)
{
  DebriefLock *self = (DebriefLock *) object;

  /* A safety net: the caller should release from a worker thread, since
   * the folder may be on a slow share. */
  if (self->held)
    {
      g_autoptr(GError) error = NULL;

      if (!debrief_lock_release (self, &error))
        g_debug ("Could not remove the lock file when letting go of it: %s", error->message);
    }

  g_clear_object (&self->document);
  g_clear_object (&self->lock_file);
  g_clear_pointer (&self->info, debrief_lock_info_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (debrief_lock_parent_class)->finalize (object);
}

static void
debrief_lock_class_init (DebriefLockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = debrief_lock_finalize;
}

static void
debrief_lock_init (DebriefLock *self)
{
  g_mutex_init (&self->mutex);
}

/**
 * debrief_lock_get_lock_file_for:
 * @document: an incident document
 *
 * The lock file sits beside @document and is named ".~lock.<name>#", as
 * LibreOffice names its own, which users and sync tools already know to
 * leave alone.
 *
 * Returns: (transfer full) (nullable): the lock file for @document, or
 *   %NULL if @document is not inside a folder
 */
GFile *
debrief_lock_get_lock_file_for (GFile *document)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (document), NULL);

  parent = g_file_get_parent (document);
  basename = g_file_get_basename (document);
  if (parent == NULL || basename == NULL)
    return NULL;

  name = g_strconcat (".~lock.", basename, "#", NULL);

  return g_file_get_child (parent, name);
}

/* Creates @lock_file with @contents, never replacing one that exists. */
static gboolean
create_lock_file (GFile         *lock_file,
                  const char    *contents,
                  gsize          length,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) cleanup_error = NULL;

  stream = g_file_create (lock_file, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (g_output_stream_write_all (G_OUTPUT_STREAM (stream), contents, length, NULL,
                                 cancellable, error) &&
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    return TRUE;

  /* A half-written lock would keep others out for nothing. Not cancellable:
   * the cancellation is what we are cleaning up after. */
  if (!g_file_delete (lock_file, NULL, &cleanup_error))
    g_debug ("Could not remove a half-written lock file: %s", cleanup_error->message);

  return FALSE;
}

/**
 * debrief_lock_acquire:
 * @document: the incident document being opened
 * @user_name: (nullable): the name to show others; %NULL for the user's
 *   real name from the system
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Creates the lock file beside @document, failing rather than replacing
 * one that is there. This blocks on I/O; call it from a worker thread.
 *
 * Returns: (transfer full): the lock, to be released with
 *   debrief_lock_release(); or %NULL with @error set to
 *   %DEBRIEF_LOCK_ERROR_HELD if someone has @document open,
 *   %DEBRIEF_LOCK_ERROR_UNAVAILABLE if the lock cannot be created, or
 *   %G_IO_ERROR_CANCELLED.
 */
DebriefLock *
debrief_lock_acquire (GFile         *document,
                      const char    *user_name,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(DebriefLock) self = NULL;
  g_autoptr(GFile) lock_file = NULL;
  g_autoptr(DebriefLockInfo) info = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (document), NULL);
  g_return_val_if_fail (user_name == NULL || g_utf8_validate (user_name, -1, NULL), NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = display_name (document);

  if (!(lock_file = debrief_lock_get_lock_file_for (document)))
    {
      g_set_error (error,
                   DEBRIEF_LOCK_ERROR,
                   DEBRIEF_LOCK_ERROR_UNAVAILABLE,
                   _("Could not record that “%s” is open, so others will not be warned: "
                     "it is not in a folder."),
                   name);
      return NULL;
    }

  info = lock_info_new_for_us (user_name);
  contents = lock_info_to_data (info, &length);

  /* A holder may let go between our failing to create the file and reading
   * it; then try again, a few times. */
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(DebriefLockInfo) holder = NULL;
      g_autofree char *description = NULL;

      if (create_lock_file (lock_file, contents, length, cancellable, &local_error))
        {
          self = g_object_new (DEBRIEF_TYPE_LOCK, NULL);
          self->document = g_object_ref (document);
          self->lock_file = g_steal_pointer (&lock_file);
          self->info = g_steal_pointer (&info);
          self->held = TRUE;

          return g_steal_pointer (&self);
        }

      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          fail_unavailable (error, &local_error,
                            _("Could not record that “%s” is open, so others will not be "
                              "warned: %s"),
                            name, local_error->message);
          return NULL;
        }

      g_clear_error (&local_error);
      holder = read_lock_file (lock_file, cancellable, &local_error);

      if (holder == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        continue;

      if (holder == NULL)
        {
          fail_unavailable (error, &local_error,
                            _("Could not find out who has “%s” open: %s"),
                            name, local_error->message);
          return NULL;
        }

      description = debrief_lock_info_describe (holder);
      g_set_error (error,
                   DEBRIEF_LOCK_ERROR,
                   DEBRIEF_LOCK_ERROR_HELD,
                   /* Translators: the second %s is a sentence such as "Opened by
                    * Ada on bench-laptop since 26 Nov 2026, 14:03". */
                   _("“%s” is already open. %s."),
                   name, description);
      return NULL;
    }

  g_set_error (error,
               DEBRIEF_LOCK_ERROR,
               DEBRIEF_LOCK_ERROR_HELD,
               _("“%s” is being opened and closed by someone else right now."),
               name);
  return NULL;
}

/* Reads @lock_file as it is: never through a symbolic link, never from a
 * FIFO or device that could block or have side effects. Anything but a
 * regular file, and a file longer than LOCK_FILE_MAX_SIZE, reads as empty. */
static GBytes *
load_lock_file (GFile         *lock_file,
                GCancellable  *cancellable,
                GError       **error)
{
  /* One byte more than allowed, to tell a file that is too long. */
  const gsize buffer_size = LOCK_FILE_MAX_SIZE + 1;
  g_autofree char *buffer = g_malloc (buffer_size);
  gsize n_read = 0;
  const char *path = g_file_peek_path (lock_file);

  if (path != NULL)
    {
      GStatBuf st;
      int fd;

      if (g_lstat (path, &st) != 0)
        {
          int saved_errno = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return NULL;
        }

      if (!S_ISREG (st.st_mode))
        return g_bytes_new (NULL, 0);

      fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
      if (fd < 0)
        {
          int saved_errno = errno;

          /* Replaced by a symbolic link since the lstat(). */
          if (saved_errno == ELOOP)
            return g_bytes_new (NULL, 0);

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return NULL;
        }

      if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
        {
          g_close (fd, NULL);
          return g_bytes_new (NULL, 0);
        }

      while (n_read < buffer_size)
        {
          gssize n = read (fd, buffer + n_read, buffer_size - n_read);

          if (n < 0 && errno == EINTR)
            continue;

          if (n < 0)
            {
              int saved_errno = errno;

              g_close (fd, NULL);
              g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                   g_strerror (saved_errno));
              return NULL;
            }

          if (n == 0)
            break;

          n_read += n;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              g_close (fd, NULL);
              return NULL;
            }
        }

      g_close (fd, NULL);
    }
  else
    {
      g_autoptr(GFileInfo) file_info = NULL;
      g_autoptr(GFileInputStream) stream = NULL;

      file_info = g_file_query_info (lock_file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                     G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, error);
      if (file_info == NULL)
        return NULL;

      if (g_file_info_get_file_type (file_info) != G_FILE_TYPE_REGULAR)
        return g_bytes_new (NULL, 0);

      if (!(stream = g_file_read (lock_file, cancellable, error)) ||
          !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, buffer_size,
                                    &n_read, cancellable, error))
        return NULL;
    }

  if (n_read > LOCK_FILE_MAX_SIZE)
    return g_bytes_new (NULL, 0);

  return g_bytes_new_take (g_steal_pointer (&buffer), n_read);
}

static DebriefLockInfo *
read_lock_file (GFile         *lock_file,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length = 0;

  if (!(bytes = load_lock_file (lock_file, cancellable, &local_error)))
    {
      /* It is there but not ours to read: someone holds it. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        return lock_info_parse (NULL, 0);

      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  data = g_bytes_get_data (bytes, &length);

  return lock_info_parse (data, length);
}

/**
 * debrief_lock_read:
 * @document: an incident document
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Finds out who holds the lock on @document. A lock file that cannot be
 * made sense of still means someone holds it; the info then says "someone"
 * on an unknown computer. This blocks on I/O.
 *
 * Returns: (transfer full): who holds the lock; or %NULL with @error set to
 *   %G_IO_ERROR_NOT_FOUND if nobody does, %G_IO_ERROR_CANCELLED, or
 *   %DEBRIEF_LOCK_ERROR_UNAVAILABLE if it cannot be read.
 */
DebriefLockInfo *
debrief_lock_read (GFile         *document,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFile) lock_file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  DebriefLockInfo *info;

  g_return_val_if_fail (G_IS_FILE (document), NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = display_name (document);

  if (!(lock_file = debrief_lock_get_lock_file_for (document)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” is not in a folder, so it has no lock."), name);
      return NULL;
    }

  if (!(info = read_lock_file (lock_file, cancellable, &local_error)))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        fail_unavailable (error, &local_error,
                          _("Could not find out who has “%s” open: %s"),
                          name, local_error->message);
      return NULL;
    }

  return info;
}

/**
 * debrief_lock_break:
 * @document: an incident document
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Removes whoever's lock is on @document, because the user chose to. If
 * there is no lock, there is nothing to do. This blocks on I/O.
 *
 * Returns: %TRUE if @document has no lock now; otherwise %FALSE with @error
 *   set to %DEBRIEF_LOCK_ERROR_UNAVAILABLE or %G_IO_ERROR_CANCELLED.
 */
gboolean
debrief_lock_break (GFile         *document,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFile) lock_file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (document), FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(lock_file = debrief_lock_get_lock_file_for (document)))
    return TRUE;

  if (g_file_delete (lock_file, cancellable, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;

  name = display_name (document);
  fail_unavailable (error, &local_error,
                    _("Could not remove the lock on “%s”: %s"),
                    name, local_error->message);
  return FALSE;
}

/**
 * debrief_lock_get_document:
 * @self: a #DebriefLock
 *
 * Returns: (transfer none): the document @self was acquired for
 */
GFile *
debrief_lock_get_document (DebriefLock *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOCK (self), NULL);

  return self->document;
}

/**
 * debrief_lock_is_held:
 * @self: a #DebriefLock
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Checks that the lock file is still ours, and not broken by someone else
 * (who may since have taken a lock of their own). This blocks on I/O.
 *
 * Returns: %TRUE if the lock file still carries our token; %FALSE if it
 *   does not, or with @error set if it cannot be read.
 */
gboolean
debrief_lock_is_held (DebriefLock   *self,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(DebriefLockInfo) holder = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (DEBRIEF_IS_LOCK (self), FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->held)
    return FALSE;

  if (!(holder = read_lock_file (self->lock_file, cancellable, &local_error)))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return FALSE;

      name = display_name (self->document);
      fail_unavailable (error, &local_error,
                        _("Could not check the lock on “%s”: %s"),
                        name, local_error->message);
      return FALSE;
    }

  return g_strcmp0 (holder->token, self->info->token) == 0;
}

/**
 * debrief_lock_set_user_name:
 * @self: a #DebriefLock
 * @user_name: (nullable): the name to show others now; %NULL for the
 *   account's name
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Tells others the name the user has chosen since the lock was taken: the
 * lock file is replaced, whole, by one with the new name, if it is still
 * ours. This blocks on I/O; call it from a worker thread.
 *
 * Returns: %TRUE if the lock shows @user_name, or is no longer ours;
 *   otherwise %FALSE with @error set to %DEBRIEF_LOCK_ERROR_UNAVAILABLE or
 *   %G_IO_ERROR_CANCELLED
 */
static gboolean set_user_name_locked (DebriefLock   *self,
                                      const char    *user_name,
                                      GCancellable  *cancellable,
                                      GError       **error);

gboolean
debrief_lock_set_user_name (DebriefLock   *self,
                            const char    *user_name,
                            GCancellable  *cancellable,
                            GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (DEBRIEF_IS_LOCK (self), FALSE);
  g_return_val_if_fail (user_name == NULL || g_utf8_validate (user_name, -1, NULL), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_mutex_lock (&self->mutex);
  ok = set_user_name_locked (self, user_name, cancellable, error);
  g_mutex_unlock (&self->mutex);

  return ok;
}

static gboolean
set_user_name_locked (DebriefLock   *self,
                      const char    *user_name,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(DebriefLockInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  if (!self->held)
    return TRUE;

  info = debrief_lock_info_copy (self->info);
  g_free (info->user);
  info->user = lock_user_name (user_name);
  if (g_strcmp0 (info->user, self->info->user) == 0)
    return TRUE;

  /* Somebody who broke our lock and took one of their own keeps theirs. */
  if (!debrief_lock_is_held (self, cancellable, &local_error))
    {
      if (local_error == NULL)
        return TRUE;

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  contents = lock_info_to_data (info, &length);
  if (!g_file_replace_contents (self->lock_file, contents, length, NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, cancellable, &local_error))
    {
      name = display_name (self->document);
      fail_unavailable (error, &local_error,
                        _("Could not show others your new name in the lock on “%s”: %s"),
                        name, local_error->message);
      return FALSE;
    }

  debrief_lock_info_free (self->info);
  self->info = g_steal_pointer (&info);

  return TRUE;
}

/**
 * debrief_lock_release:
 * @self: a #DebriefLock
 * @error: a location for a #GError
 *
 * Removes the lock file if it is still ours. If someone broke our lock and
 * took their own, theirs stays. Not cancellable: a lock left behind would
 * keep others out. This blocks on I/O; call it from a worker thread.
 *
 * Returns: %TRUE if we hold no lock on the document any more; otherwise
 *   %FALSE with @error set to %DEBRIEF_LOCK_ERROR_UNAVAILABLE.
 */
static gboolean release_locked (DebriefLock  *self,
                                GError      **error);

gboolean
debrief_lock_release (DebriefLock  *self,
                      GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (DEBRIEF_IS_LOCK (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_mutex_lock (&self->mutex);
  ok = release_locked (self, error);
  g_mutex_unlock (&self->mutex);

  return ok;
}

static gboolean
release_locked (DebriefLock  *self,
                GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  if (!self->held)
    return TRUE;

  if (!debrief_lock_is_held (self, NULL, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      self->held = FALSE;
      return TRUE;
    }

  /* Someone could break and retake the lock between the check and the
   * removal; there is no atomic compare-and-delete on a shared folder. */
  if (g_file_delete (self->lock_file, NULL, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      self->held = FALSE;
      return TRUE;
    }

  name = display_name (self->document);
  fail_unavailable (error, &local_error,
                    _("Could not remove the lock on “%s”: %s"),
                    name, local_error->message);
  return FALSE;
}
