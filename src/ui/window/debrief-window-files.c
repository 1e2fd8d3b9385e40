/* debrief-window-files.c
 *
 * Opening and saving the window's document: the lock of a shared file,
 * conflicts with saves by others, and noticing a change on disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-window"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-recent.h"

#include "debrief-window-private.h"

/* --- Opening --------------------------------------------------------- */

typedef struct
{
  DebriefWindow    *self;
  GFile            *file;
  DebriefOpenFlags  flags;
  DebriefLock      *lock;
} OpenRequest;

static void
open_request_free (OpenRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->file);
  g_clear_object (&request->lock);
  g_free (request);
}

static void
open_failed (OpenRequest  *request,
             const GError *error)
{
  DebriefWindow *self = request->self;

  if (self->opening != NULL && g_file_equal (self->opening, request->file))
    g_clear_object (&self->opening);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _debrief_window_show_file_error (self, FILE_ERROR_OPEN, request->file, error);

  _debrief_window_update_title (self);
  _debrief_window_sync_switchers (self);
}

static void
open_document_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  OpenRequest *request = user_data;
  g_autoptr(DebriefDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = debrief_document_open_finish (result, &error);

  if (document == NULL)
    {
      if (request->lock != NULL)
        debrief_lock_release (request->lock, NULL);
      open_failed (request, error);
    }
  else
    {
      DebriefDocument *previous = request->self->document;

      /* The window was chosen because the incident it showed had nothing
       * worth keeping: an untitled one without changes. */
      if (previous != NULL && debrief_document_get_file (previous) == NULL &&
          !debrief_document_get_modified (previous))
        debrief_document_close (previous);

      _debrief_window_set_document (request->self, document, request->lock);
    }

  open_request_free (request);
}

static void
open_document (OpenRequest *request)
{
  g_autofree char *user_name = _debrief_window_dup_user_name (request->self);

  debrief_document_open_async (request->file,
                               request->flags,
                               user_name,
                               request->self->cancellable,
                               open_document_cb,
                               request);
}

static void
lock_held_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  OpenRequest *request = user_data;

  if (g_strcmp0 (response, "read-only") == 0)
    {
      request->flags |= DEBRIEF_OPEN_FLAGS_READ_ONLY;
      open_document (request);
    }
  else if (g_strcmp0 (response, "copy") == 0)
    {
      request->flags |= DEBRIEF_OPEN_FLAGS_AS_COPY;
      open_document (request);
    }
  else if (g_strcmp0 (response, "break") == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *user_name = _debrief_window_dup_user_name (request->self);

      if (!debrief_lock_break (request->file, NULL, &error) ||
          !(request->lock = debrief_lock_acquire (request->file, user_name, NULL, &error)))
        {
          open_failed (request, error);
          open_request_free (request);
          return;
        }
      open_document (request);
    }
  else
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "");

      open_failed (request, error);
      open_request_free (request);
    }
}

static void
ask_about_lock (OpenRequest     *request,
                DebriefLockInfo *info)
{
  g_autofree char *name = g_file_get_basename (request->file);
  g_autofree char *heading = NULL;
  g_autofree char *who = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: a dialog heading, %s is a file name. */
  heading = g_strdup_printf (_("“%s” Is Already Open"), name);
  who = info ? debrief_lock_info_describe (info) : g_strdup (_("Somebody has it open."));

  if (info != NULL && debrief_lock_info_is_stale (info))
    body = g_strdup_printf (_("%s\n\nThat Debrief is no longer running on this computer; it may have "
                              "crashed. You can break its lock and open the file."), who);
  else
    body = g_strdup_printf (_("%s\n\nIf you both change it, one of you will have to redo their changes. "
                              "You can open it read-only, or open a copy of your own."), who);

  dialog = adw_message_dialog_new (GTK_WINDOW (request->self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "read-only", _("Open _Read-Only"),
                                    "copy", _("Open a _Copy"),
                                    NULL);
  if (info != NULL && debrief_lock_info_is_stale (info))
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "break", _("_Break Lock"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "break", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_signal_connect (dialog, "response", G_CALLBACK (lock_held_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  DebriefLock     *lock;
  DebriefLockInfo *holder;
} LockResult;

static void
lock_result_free (LockResult *result)
{
  g_clear_object (&result->lock);
  g_clear_pointer (&result->holder, debrief_lock_info_free);
  g_free (result);
}

typedef struct
{
  GFile *file;
  char  *user_name;
} LockRequest;

static void
lock_request_free (LockRequest *request)
{
  g_clear_object (&request->file);
  g_free (request->user_name);
  g_free (request);
}

static void
lock_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LockRequest *request = task_data;
  GFile *file = request->file;
  const char *user_name = request->user_name;
  g_autoptr(GError) error = NULL;
  LockResult *result = g_new0 (LockResult, 1);

  result->lock = debrief_lock_acquire (file, user_name, cancellable, &error);

  if (g_error_matches (error, DEBRIEF_LOCK_ERROR, DEBRIEF_LOCK_ERROR_HELD))
    result->holder = debrief_lock_read (file, cancellable, NULL);

  /* A folder where no lock can be written (read-only media) is no reason
   * not to open the file; held is. */
  if (result->lock == NULL && result->holder == NULL &&
      !g_error_matches (error, DEBRIEF_LOCK_ERROR, DEBRIEF_LOCK_ERROR_UNAVAILABLE))
    {
      lock_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (result->lock == NULL && result->holder == NULL)
    g_debug ("No lock beside %s: %s", g_file_peek_path (file), error->message);

  g_task_return_pointer (task, result, (GDestroyNotify) lock_result_free);
}

static void
lock_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  OpenRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  LockResult *lock_result;

  if (!(lock_result = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      open_failed (request, error);
      open_request_free (request);
      return;
    }

  if (lock_result->holder != NULL)
    {
      ask_about_lock (request, lock_result->holder);
      lock_result_free (lock_result);
      return;
    }

  request->lock = g_steal_pointer (&lock_result->lock);
  lock_result_free (lock_result);
  open_document (request);
}

/**
 * debrief_window_open_file:
 * @self: a #DebriefWindow
 * @file: an incident document
 *
 * Opens @file in @self: takes its lock (or asks what to do when somebody
 * else has it open), copies and checks it off the main thread, and shows
 * it, or tells the user why it cannot be opened.
 */
void
debrief_window_open_file (DebriefWindow *self,
                          GFile         *file)
{
  g_autoptr(GTask) task = NULL;
  LockRequest *lock_request;
  OpenRequest *request;

  g_return_if_fail (DEBRIEF_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->opening, file);
  _debrief_window_update_title (self);
  _debrief_window_sync_switchers (self);

  request = g_new0 (OpenRequest, 1);
  request->self = g_object_ref (self);
  request->file = g_object_ref (file);

  lock_request = g_new0 (LockRequest, 1);
  lock_request->file = g_object_ref (file);
  lock_request->user_name = _debrief_window_dup_user_name (self);

  task = g_task_new (NULL, self->cancellable, lock_cb, request);
  g_task_set_source_tag (task, debrief_window_open_file);
  g_task_set_task_data (task, lock_request, (GDestroyNotify) lock_request_free);
  g_task_run_in_thread (task, lock_thread);
}

/* --- Saving ---------------------------------------------------------- */

typedef struct
{
  DebriefWindow *self;
  GFile         *target;
  gboolean       close_after;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->target);
  g_free (request);
}

static void
reload_from_disk (DebriefWindow *self)
{
  GFile *file = self->document ? debrief_document_get_file (self->document) : NULL;
  g_autoptr(GFile) hold = file ? g_object_ref (file) : NULL;
  g_autoptr(DebriefLock) lock = self->lock ? g_object_ref (self->lock) : NULL;
  OpenRequest *request;

  if (file == NULL)
    return;

  /* Their version replaces this one: the working copy of ours goes. */
  debrief_document_close (self->document);
  _debrief_window_set_document (self, NULL, NULL);

  g_set_object (&self->opening, file);
  _debrief_window_update_title (self);
  _debrief_window_sync_switchers (self);

  request = g_new0 (OpenRequest, 1);
  request->self = g_object_ref (self);
  request->file = g_object_ref (file);
  request->lock = g_steal_pointer (&lock);
  open_document (request);
}

static void
conflict_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      DebriefWindow    *self)
{
  if (g_strcmp0 (response, "copy") == 0)
    _debrief_window_save_as (self, FALSE);
  else if (g_strcmp0 (response, "reload") == 0)
    reload_from_disk (self);
}

static void
ask_about_conflict (DebriefWindow *self,
                    const GError  *error)
{
  g_autofree char *name = debrief_document_dup_display_name (self->document);
  g_autofree char *heading = g_strdup_printf (_("“%s” Was Changed by Somebody Else"), name);
  g_autofree char *body = g_strdup_printf (_("%s\n\nYour changes are kept here. Save them as a copy, "
                                             "or reload their version and lose your changes."),
                                           error->message);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload Theirs"),
                                    "copy", _("Save a _Copy…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  DebriefLock *old_lock;
  GFile       *target;
  char        *user_name;
} MoveLock;

static void
move_lock_free (MoveLock *move)
{
  g_clear_object (&move->old_lock);
  g_clear_object (&move->target);
  g_free (move->user_name);
  g_free (move);
}

static void
move_lock_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  MoveLock *move = task_data;
  DebriefLock *lock;

  if (move->old_lock != NULL)
    debrief_lock_release (move->old_lock, NULL);

  /* Where no lock can be written, the file is saved all the same. */
  lock = debrief_lock_acquire (move->target, move->user_name, cancellable, NULL);
  g_task_return_pointer (task, lock, g_object_unref);
}

static void
move_lock_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  DebriefWindow *self = DEBRIEF_WINDOW (object);
  DebriefLock *lock = g_task_propagate_pointer (G_TASK (result), NULL);

  if (lock == NULL)
    return;

  /* Saved elsewhere again meanwhile: this lock is no longer the file's. */
  if (self->lock != NULL || self->document == NULL ||
      debrief_document_get_file (self->document) == NULL ||
      !g_file_equal (debrief_document_get_file (self->document), debrief_lock_get_document (lock)))
    {
      debrief_lock_release (lock, NULL);
      g_object_unref (lock);
      return;
    }

  self->lock = lock;
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SaveRequest *request = user_data;
  DebriefWindow *self = request->self;
  g_autoptr(GError) error = NULL;

  if (!debrief_document_save_finish (DEBRIEF_DOCUMENT (object), result, &error))
    {
      /* The banner stays when the dialog is answered with Cancel. */
      if (g_error_matches (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_CONFLICT))
        {
          if (self->info_kind != INFO_CHANGED_ON_DISK)
            _debrief_window_show_info (self, INFO_CHANGED_ON_DISK);
          ask_about_conflict (self, error);
        }
      else
        _debrief_window_show_file_error (self, FILE_ERROR_SAVE, request->target, error);
      save_request_free (request);
      return;
    }

  _debrief_window_add_to_recent (self, request->target);

  /* A save to another file moves the lock with it (off the main thread:
   * the folders may be on a network share). */
  if (self->lock == NULL || !g_file_equal (debrief_lock_get_document (self->lock), request->target))
    {
      g_autoptr(GTask) task = g_task_new (self, self->cancellable, move_lock_cb, NULL);
      MoveLock *move = g_new0 (MoveLock, 1);

      move->old_lock = g_steal_pointer (&self->lock);
      move->target = g_object_ref (request->target);
      move->user_name = _debrief_window_dup_user_name (self);
      g_task_set_task_data (task, move, (GDestroyNotify) move_lock_free);
      g_task_run_in_thread (task, move_lock_thread);
      _debrief_window_watch_file (self);
    }

  if (self->info_kind == INFO_CHANGED_ON_DISK)
    _debrief_window_show_info (self, INFO_NONE);

  /* What the file monitor said while the save ran went unchecked (see
   * debrief_document_check_file_async()): a save by somebody else right
   * after ours is looked for now. */
  self->last_disk_check = 0;
  _debrief_window_check_disk (self);

  if (request->close_after && !debrief_document_get_modified (self->document))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }

  save_request_free (request);
}

static void
debrief_window_save_to (DebriefWindow *self,
                        GFile         *target,
                        gboolean       close_after)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->self = g_object_ref (self);
  request->target = g_object_ref (target);
  request->close_after = close_after;

  debrief_document_save_async (self->document, target, self->cancellable, save_cb, request);
}

static void
save_as_response (DebriefWindow   *self,
                  GtkNativeDialog *chooser,
                  int              response,
                  gboolean         close_after)
{
  g_autoptr(GFile) chosen = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) && self->document)
    {
      g_autofree char *name = g_file_get_basename (chosen);

      /* Without its extension the file would not open from a file manager. */
      if (!g_str_has_suffix (name, DEBRIEF_FILE_EXTENSION))
        {
          g_autofree char *with_extension = g_strconcat (name, DEBRIEF_FILE_EXTENSION, NULL);
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autoptr(GFile) renamed = g_file_get_child (parent, with_extension);

          g_set_object (&chosen, renamed);
        }

      debrief_window_save_to (self, chosen, close_after);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* One callback for each way the chooser was asked for, so that the
 * window alone travels as the handler's data. */
static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     DebriefWindow   *self)
{
  save_as_response (self, chooser, response, FALSE);
}

static void
save_as_then_close_response_cb (GtkNativeDialog *chooser,
                                int              response,
                                DebriefWindow   *self)
{
  save_as_response (self, chooser, response, TRUE);
}

GtkFileFilter *
_debrief_window_new_debrief_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Incident Documents"));
  gtk_file_filter_add_mime_type (filter, DEBRIEF_FILE_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "debrief");

  return filter;
}

void
_debrief_window_save_as (DebriefWindow *self,
                         gboolean       close_after)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = _debrief_window_new_debrief_filter ();
  GFile *file = debrief_document_get_file (self->document);

  chooser = gtk_file_chooser_native_new (_("Save Incident As"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
  else
    {
      const char *title = debrief_incident_get_title (debrief_document_get_incident (self->document));
      g_autofree char *name = g_strconcat (*title ? title : _("Incident"), DEBRIEF_FILE_EXTENSION, NULL);

      g_strdelimit (name, "/", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  g_signal_connect (chooser, "response",
                    close_after ? G_CALLBACK (save_as_then_close_response_cb) : G_CALLBACK (save_as_response_cb),
                    self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_debrief_window_save (DebriefWindow *self,
                      gboolean       close_after)
{
  GFile *file = debrief_document_get_file (self->document);

  if (file == NULL)
    _debrief_window_save_as (self, close_after);
  else
    debrief_window_save_to (self, file, close_after);
}

/* --- Changed on disk ------------------------------------------------- */

static void
check_disk_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DebriefWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean changed;

  changed = debrief_document_check_file_finish (DEBRIEF_DOCUMENT (object), result, &error);
  if (error != NULL)
    g_debug ("Could not tell whether the file was changed: %s", error->message);

  /* The window may show another incident by now. */
  if (changed && DEBRIEF_DOCUMENT (object) == self->document && self->info_kind != INFO_CHANGED_ON_DISK)
    _debrief_window_show_info (self, INFO_CHANGED_ON_DISK);
}

/* Whether somebody else saved the file since: asked when the file
 * monitor says so, and when the window is focused, at most every two
 * seconds. */
void
_debrief_window_check_disk (DebriefWindow *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->document == NULL || debrief_document_get_file (self->document) == NULL ||
      now - self->last_disk_check < 2 * G_USEC_PER_SEC)
    return;

  self->last_disk_check = now;
  debrief_document_check_file_async (self->document, self->cancellable, check_disk_cb, g_object_ref (self));
}

void
_debrief_window_is_active_cb (DebriefWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    _debrief_window_check_disk (self);
}

void
_debrief_window_info_bar_response_cb (DebriefWindow *self,
                                      int            response)
{
  if (response == INFO_RESPONSE_RELOAD)
    {
      if (debrief_document_get_modified (self->document))
        {
          GError error = { DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_CONFLICT,
                           (char *) _("Somebody else saved the file after you opened it.") };

          ask_about_conflict (self, &error);
        }
      else
        reload_from_disk (self);
    }
  else if (response == INFO_RESPONSE_SAVE_COPY)
    _debrief_window_save_as (self, FALSE);
}

