/* debrief-window.c
 *
 * The main window: one incident document, shown in six views under a
 * header bar with the view switcher; its title, the info bar, closing.
 * Opening and saving are in debrief-window-files.c, the win. actions in
 * debrief-window-actions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-window"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-error-dialog.h"
#include "debrief-recent.h"
#include "debrief-user.h"
#include "debrief-welcome-page.h"

#include "debrief-window-private.h"

/* The same bounds as the window-width and window-height keys. */
#define MIN_REMEMBERED_WIDTH  360
#define MIN_REMEMBERED_HEIGHT 294

G_DEFINE_FINAL_TYPE (DebriefWindow, debrief_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_VISIBLE_VIEW,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

DebriefWindow *
debrief_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (DEBRIEF_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * debrief_window_get_document:
 * @self: a #DebriefWindow
 *
 * Returns: (transfer none) (nullable): the incident shown, if any
 */
DebriefDocument *
debrief_window_get_document (DebriefWindow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * debrief_window_get_file:
 * @self: a #DebriefWindow
 *
 * Returns: (transfer none) (nullable): the file of the incident shown, or
 *   being opened, if any
 */
GFile *
debrief_window_get_file (DebriefWindow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_WINDOW (self), NULL);

  if (self->opening != NULL)
    return self->opening;

  return self->document ? debrief_document_get_file (self->document) : NULL;
}

/**
 * debrief_window_is_replaceable:
 * @self: a #DebriefWindow
 *
 * Returns: %TRUE if the window shows nothing a user would miss: no
 *   incident, or an untitled one without changes
 */
gboolean
debrief_window_is_replaceable (DebriefWindow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_WINDOW (self), FALSE);

  if (self->opening != NULL)
    return FALSE;

  return self->document == NULL ||
         (debrief_document_get_file (self->document) == NULL &&
          !debrief_document_get_modified (self->document));
}

/* The name the user chose in Preferences, or their account's. */
char *
_debrief_window_dup_user_name (DebriefWindow *self)
{
  return debrief_user_dup_name (self->settings);
}

/* --- The user's name ------------------------------------------------- */

typedef struct
{
  DebriefLock *lock;
  char        *user_name;
} LockName;

static void
lock_name_free (LockName *lock_name)
{
  g_clear_object (&lock_name->lock);
  g_free (lock_name->user_name);
  g_free (lock_name);
}

static void
lock_name_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LockName *lock_name = task_data;
  GError *error = NULL;

  if (debrief_lock_set_user_name (lock_name->lock, lock_name->user_name, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void rewrite_lock_name (DebriefWindow *self);

static void
lock_name_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  DebriefWindow *self = DEBRIEF_WINDOW (object);
  g_autoptr(GError) error = NULL;

  /* Others see the old name a while longer; nothing the user can do. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_debug ("%s", error->message);

  self->lock_name_running = FALSE;
  if (self->lock_name_again && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->lock_name_again = FALSE;
      rewrite_lock_name (self);
    }
}

/* Off the main thread: the folder may be on a network share. */
static void
rewrite_lock_name (DebriefWindow *self)
{
  g_autoptr(GTask) task = NULL;
  LockName *lock_name;

  if (self->lock == NULL)
    return;

  if (self->lock_name_running)
    {
      self->lock_name_again = TRUE;
      return;
    }

  lock_name = g_new0 (LockName, 1);
  lock_name->lock = g_object_ref (self->lock);
  lock_name->user_name = _debrief_window_dup_user_name (self);

  self->lock_name_running = TRUE;
  task = g_task_new (self, self->cancellable, lock_name_cb, NULL);
  g_task_set_task_data (task, lock_name, (GDestroyNotify) lock_name_free);
  g_task_run_in_thread (task, lock_name_thread);
}

static gboolean
lock_name_timeout_cb (gpointer user_data)
{
  DebriefWindow *self = user_data;

  self->lock_name_timeout = 0;
  rewrite_lock_name (self);

  return G_SOURCE_REMOVE;
}

/* A name set in Preferences counts at once: for the next edit and save,
 * for evidence added from now on, and in the lock others read. */
static void
debrief_window_user_name_changed_cb (DebriefWindow *self)
{
  g_autofree char *user_name = _debrief_window_dup_user_name (self);
  g_autofree char *chosen = g_settings_get_string (self->settings, "user-name");

  /* A name chosen in Preferences is the answer the bar would ask for. */
  if (*g_strstrip (chosen) != '\0' && !g_settings_get_boolean (self->settings, "user-name-asked"))
    g_settings_set_boolean (self->settings, "user-name-asked", TRUE);

  if (self->document != NULL)
    debrief_document_set_user_name (self->document, user_name);

  g_clear_handle_id (&self->lock_name_timeout, g_source_remove);
  self->lock_name_timeout = g_timeout_add (300, lock_name_timeout_cb, self);
}

/* Asked once, on first start, in a bar that waits for an answer without
 * standing in the way. */
static void
debrief_window_update_name_bar (DebriefWindow *self)
{
  gboolean ask = debrief_user_should_ask_name (self->settings);

  if (ask && !gtk_info_bar_get_revealed (self->name_bar))
    {
      g_autofree char *account_name = debrief_user_dup_account_name ();

      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), account_name);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->name_bar), ask);
  gtk_info_bar_set_revealed (self->name_bar, ask);
}

static void
debrief_window_name_entry_activate_cb (DebriefWindow *self)
{
  debrief_user_set_name (self->settings, gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
}

static void
debrief_window_name_bar_response_cb (DebriefWindow *self,
                                     int            response)
{
  /* Closed: the account's name it is, and it is not asked again. */
  if (response == GTK_RESPONSE_CLOSE)
    g_settings_set_boolean (self->settings, "user-name-asked", TRUE);
  else
    debrief_window_name_entry_activate_cb (self);
}

void
_debrief_window_show_message (DebriefWindow *self,
                              const char    *heading,
                              const char    *body)
{
  debrief_show_error (GTK_WINDOW (self), heading, body);
}

void
_debrief_window_show_file_error (DebriefWindow *self,
                                 FileErrorKind  kind,
                                 GFile         *file,
                                 const GError  *error)
{
  g_autofree char *name = file ? g_file_get_basename (file) : g_strdup (_("Untitled Incident"));
  g_autofree char *heading = NULL;

  /* Translators: dialog headings, %s is a file name. */
  if (kind == FILE_ERROR_OPEN)
    heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  else
    heading = g_strdup_printf (_("Could Not Save “%s”"), name);

  _debrief_window_show_message (self, heading, error->message);
}

/* The file's name is in the switcher title when the window is narrow
 * (where it replaces the view switcher), and at the start of the header
 * bar when it is wide. */
static void
set_titles (DebriefWindow *self,
            const char    *title,
            const char    *subtitle)
{
  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  adw_window_title_set_title (self->document_title, title);
  adw_window_title_set_subtitle (self->document_title, subtitle);
}

/* The views are switched in the header bar, or where it has no room for
 * the switcher (and its title shows instead), in the bar at the bottom. */
static void
sync_switcher_bar (DebriefWindow *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    self->document != NULL &&
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
}

/* With an incident, its views are switched in the header bar, or in a
 * bar at the bottom when the window is narrow; the welcome page has none. */
void
_debrief_window_sync_switchers (DebriefWindow *self)
{
  gboolean has_views = self->document != NULL;
  gboolean narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, has_views);
  sync_switcher_bar (self);
  /* Where the switcher title shows the name, the name at the start is not
   * drawn, but keeps its place: were the switcher given that room back,
   * it would fit again, and the two would take turns. */
  gtk_widget_set_visible (GTK_WIDGET (self->document_title), has_views);
  gtk_widget_set_opacity (GTK_WIDGET (self->document_title), narrow ? 0 : 1);
  gtk_widget_set_can_target (GTK_WIDGET (self->document_title), !narrow);
  /* While a file opens (or waits for an answer about its lock), its name
   * and a spinner, not the welcome page. */
  if (!has_views && self->opening != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->opening);
      g_autofree char *title = g_strdup_printf (_("Opening “%s”…"), name);

      adw_status_page_set_title (self->opening_page, title);
      gtk_spinner_start (self->opening_spinner);
      gtk_stack_set_visible_child_name (self->content_stack, "opening");
      return;
    }

  gtk_spinner_stop (self->opening_spinner);
  gtk_stack_set_visible_child_name (self->content_stack, has_views ? "incident" : "welcome");
}

static gboolean
debrief_window_sync_title_visible (gpointer user_data)
{
  DebriefWindow *self = user_data;

  self->title_idle = 0;
  _debrief_window_sync_switchers (self);

  return G_SOURCE_REMOVE;
}

/* The switcher title changes its mind while it is being allocated; the
 * header bar and the bar at the bottom are changed after that, not in the
 * middle of it (revealing the bar there leaves the views unallocated for
 * the frame GTK then draws). */
static void
debrief_window_title_visible_cb (DebriefWindow *self)
{
  if (self->title_idle == 0)
    self->title_idle = g_idle_add (debrief_window_sync_title_visible, self);
}

void
_debrief_window_update_title (DebriefWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *incident_title = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GFile *file;

  if (self->document == NULL)
    {
      if (self->opening != NULL)
        {
          name = g_file_get_basename (self->opening);
          set_titles (self, name, _("Opening…"));
        }
      else
        set_titles (self, _("Debrief"), NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Debrief"));
      return;
    }

  /* The incident's title as it is typed, and the file it is kept in
   * under it. */
  incident_title = debrief_document_dup_title (self->document);
  file = debrief_document_get_file (self->document);
  name = file ? g_file_get_basename (file) : NULL;

  /* An unsaved change is marked as in GNOME Text Editor: a dot before
   * the name. */
  if (debrief_document_get_modified (self->document))
    title = g_strdup_printf ("• %s", incident_title);
  else
    title = g_strdup (incident_title);

  switch (debrief_document_get_read_only_reason (self->document))
    {
    case DEBRIEF_READ_ONLY_REASON_REQUESTED:
    case DEBRIEF_READ_ONLY_REASON_NEWER_SCHEMA:
      /* Translators: a window's subtitle, "<file name> — Read-Only". */
      subtitle = name ? g_strdup_printf (_("%s — Read-Only"), name) : g_strdup (_("Read-Only"));
      break;

    case DEBRIEF_READ_ONLY_REASON_PREPARING:
      /* Translators: a window's subtitle, "<file name> — Preparing for editing…". */
      subtitle = name ? g_strdup_printf (_("%s — Preparing for editing…"), name) : g_strdup (_("Preparing for editing…"));
      break;

    case DEBRIEF_READ_ONLY_REASON_NONE:
    default:
      subtitle = name ? g_strdup (name) : g_strdup (_("Not saved yet"));
      break;
    }

  set_titles (self, title, subtitle);

  {
    /* Translators: the window title, "<incident title> — Debrief". */
    g_autofree char *window_title = g_strdup_printf (_("%s — Debrief"), title);

    gtk_window_set_title (GTK_WINDOW (self), window_title);
  }
}

void
_debrief_window_update_actions (DebriefWindow *self)
{
  gboolean has_document = self->document != NULL;
  gboolean writable = has_document && !debrief_document_get_read_only (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 writable && debrief_document_get_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 writable && debrief_document_get_can_redo (self->document));
  gtk_widget_set_sensitive (GTK_WIDGET (self->overview_page), has_document);
  gtk_widget_set_sensitive (GTK_WIDGET (self->evidence_page), has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-evidence", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search-evidence", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-evidence", has_document);
}

void
_debrief_window_show_info (DebriefWindow *self,
                           InfoKind       kind)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  /* The info bar has its buttons made anew for each message. */
  if (self->info_kind != INFO_NONE)
    {
      gtk_info_bar_set_revealed (self->info_bar, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->info_bar), FALSE);
      self->info_kind = INFO_NONE;
    }

  if (kind == INFO_NONE || self->document == NULL)
    return;

  name = debrief_document_dup_display_name (self->document);

  if (kind == INFO_READ_ONLY)
    {
      if (debrief_document_get_read_only_reason (self->document) == DEBRIEF_READ_ONLY_REASON_NEWER_SCHEMA)
        text = g_strdup_printf (_("“%s” was made by a newer version of Debrief. It is open read-only: "
                                  "update Debrief to edit it."), name);
      else if (debrief_document_get_read_only_reason (self->document) == DEBRIEF_READ_ONLY_REASON_PREPARING)
        text = g_strdup_printf (_("“%s” is large: it can be read now, and edited as soon as its "
                                  "working copy is ready."), name);
      else
        text = g_strdup_printf (_("“%s” is open read-only. Changes cannot be made or saved."), name);
      gtk_info_bar_set_message_type (self->info_bar, GTK_MESSAGE_INFO);
    }
  else
    {
      text = g_strdup_printf (_("“%s” was changed by somebody else since you opened it. "
                                "Saving would not overwrite their version."), name);
      gtk_info_bar_set_message_type (self->info_bar, GTK_MESSAGE_WARNING);
    }

  gtk_label_set_text (self->info_label, text);

  for (guint i = 0; i < self->info_buttons->len; i++)
    gtk_info_bar_remove_action_widget (self->info_bar, g_ptr_array_index (self->info_buttons, i));
  g_ptr_array_set_size (self->info_buttons, 0);

  if (kind == INFO_CHANGED_ON_DISK)
    {
      g_ptr_array_add (self->info_buttons,
                       gtk_info_bar_add_button (self->info_bar, _("_Reload Theirs"), INFO_RESPONSE_RELOAD));
      g_ptr_array_add (self->info_buttons,
                       gtk_info_bar_add_button (self->info_bar, _("Save a _Copy…"), INFO_RESPONSE_SAVE_COPY));
    }

  self->info_kind = kind;
  gtk_widget_set_visible (GTK_WIDGET (self->info_bar), TRUE);
  gtk_info_bar_set_revealed (self->info_bar, TRUE);
}

static void
debrief_window_document_changed_cb (DebriefWindow *self)
{
  _debrief_window_update_title (self);
  _debrief_window_update_actions (self);
}

/* The title follows the incident's, which a reload or an import of the
 * whole incident replaces. */
static void
debrief_window_watch_incident (DebriefWindow *self)
{
  DebriefIncident *incident = self->document ? debrief_document_get_incident (self->document) : NULL;

  if (self->incident == incident)
    return;

  if (self->incident != NULL)
    g_signal_handlers_disconnect_by_data (self->incident, self);
  g_set_object (&self->incident, incident);
  if (incident != NULL)
    g_signal_connect_object (incident, "notify::title",
                             G_CALLBACK (_debrief_window_update_title), self, G_CONNECT_SWAPPED);
}

static void
debrief_window_incident_changed_cb (DebriefWindow *self)
{
  debrief_window_watch_incident (self);
  _debrief_window_update_title (self);
}

static void
debrief_window_read_only_changed_cb (DebriefWindow *self)
{
  _debrief_window_show_info (self, debrief_document_get_read_only (self->document) ? INFO_READ_ONLY : INFO_NONE);
  _debrief_window_update_title (self);
  _debrief_window_update_actions (self);
}

static void
debrief_window_preparation_failed_cb (DebriefWindow   *self,
                                      const GError    *error,
                                      DebriefDocument *document)
{
  g_autofree char *name = debrief_document_dup_display_name (document);
  g_autofree char *heading = g_strdup_printf (_("“%s” Cannot Be Edited"), name);
  g_autofree char *body = g_strdup_printf (_("%s\n\nIt stays open read-only."), error->message);

  _debrief_window_show_message (self, heading, body);
}

static void
debrief_window_edit_failed_cb (DebriefWindow   *self,
                               const GError    *error,
                               DebriefDocument *document)
{
  _debrief_window_show_message (self, _("The Change Could Not Be Stored"), error->message);
}

static void
debrief_window_monitor_changed_cb (DebriefWindow     *self,
                                   GFile             *file,
                                   GFile             *other_file,
                                   GFileMonitorEvent  event,
                                   GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
      self->last_disk_check = 0;
      _debrief_window_check_disk (self);
      break;

    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      break;
    }
}

void
_debrief_window_watch_file (DebriefWindow *self)
{
  GFile *file = self->document ? debrief_document_get_file (self->document) : NULL;

  if (self->monitor != NULL)
    {
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  if (file == NULL)
    return;

  /* Network folders send no events: the check on focus covers them. */
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed",
                             G_CALLBACK (debrief_window_monitor_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

void
_debrief_window_add_to_recent (DebriefWindow *self,
                               GFile         *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) DEBRIEF_FILE_MIME_TYPE,
    .app_name = (char *) "Debrief",
    .app_exec = (char *) "debrief %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (self->recent_manager, uri, &data);
}

void
_debrief_window_set_document (DebriefWindow   *self,
                              DebriefDocument *document,
                              DebriefLock     *lock)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  g_set_object (&self->document, document);
  g_set_object (&self->lock, lock);
  g_clear_object (&self->opening);

  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::modified",
                               G_CALLBACK (debrief_window_document_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::file",
                               G_CALLBACK (debrief_window_document_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::incident",
                               G_CALLBACK (debrief_window_incident_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::can-undo",
                               G_CALLBACK (debrief_window_document_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::can-redo",
                               G_CALLBACK (debrief_window_document_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::read-only-reason",
                               G_CALLBACK (debrief_window_read_only_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "edit-failed",
                               G_CALLBACK (debrief_window_edit_failed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "preparation-failed",
                               G_CALLBACK (debrief_window_preparation_failed_cb), self, G_CONNECT_SWAPPED);

      if (debrief_document_get_file (document) != NULL)
        _debrief_window_add_to_recent (self, debrief_document_get_file (document));
    }

  debrief_window_watch_incident (self);
  debrief_overview_page_set_document (self->overview_page, document);
  debrief_evidence_page_set_document (self->evidence_page, document);
  _debrief_window_sync_switchers (self);
  _debrief_window_watch_file (self);
  _debrief_window_show_info (self, document && debrief_document_get_read_only (document) ? INFO_READ_ONLY : INFO_NONE);
  _debrief_window_update_title (self);
  _debrief_window_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}

/**
 * debrief_window_new_incident:
 * @self: a #DebriefWindow
 *
 * Shows a new, untitled incident in @self.
 */
void
debrief_window_new_incident (DebriefWindow *self)
{
  g_autoptr(DebriefDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *user_name = _debrief_window_dup_user_name (self);

  g_return_if_fail (DEBRIEF_IS_WINDOW (self));

  if (!(document = debrief_document_new (user_name, &error)))
    {
      _debrief_window_show_message (self, _("Could Not Create an Incident"), error->message);
      return;
    }

  _debrief_window_set_document (self, document, NULL);
}

/**
 * debrief_window_set_restored_document:
 * @self: a #DebriefWindow
 * @document: a document restored from a draft
 *
 * Shows @document, the unsaved work of an earlier session, in @self.
 */
void
debrief_window_set_restored_document (DebriefWindow   *self,
                                      DebriefDocument *document)
{
  g_return_if_fail (DEBRIEF_IS_WINDOW (self));
  g_return_if_fail (DEBRIEF_IS_DOCUMENT (document));

  _debrief_window_set_document (self, document, NULL);
}

const char *
debrief_window_get_visible_view (DebriefWindow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
debrief_window_set_visible_view (DebriefWindow *self,
                                 const char    *view)
{
  g_return_if_fail (DEBRIEF_IS_WINDOW (self));
  g_return_if_fail (view != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, view) == NULL)
    {
      g_warning ("There is no view called “%s”", view);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, view);
}

static void
debrief_window_stack_notify_cb (DebriefWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VISIBLE_VIEW]);
}

/* --- Closing --------------------------------------------------------- */

static void
debrief_window_save_size (DebriefWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width;
  int height;

  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* A maximized window's own size is what it returns to, so it is the one
   * worth keeping; GTK leaves the default size at it while maximized. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", MAX (width, MIN_REMEMBERED_WIDTH));
      g_settings_set_int (self->settings, "window-height", MAX (height, MIN_REMEMBERED_HEIGHT));
    }
}

static gboolean
close_idle (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));

  return G_SOURCE_REMOVE;
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   DebriefWindow    *self)
{
  if (g_strcmp0 (response, "save") == 0)
    _debrief_window_save (self, TRUE);
  else if (g_strcmp0 (response, "discard") == 0)
    {
      /* After the dialog, which is transient for this window, is gone. */
      self->close_confirmed = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle, g_object_ref (self), g_object_unref);
    }
}

static void
ask_before_closing (DebriefWindow *self)
{
  g_autofree char *name = debrief_document_dup_display_name (self->document);
  g_autofree char *body = g_strdup_printf (_("“%s” has changes that are not saved. "
                                             "If you discard them, they are lost."), name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
debrief_window_close_request (GtkWindow *window)
{
  DebriefWindow *self = DEBRIEF_WINDOW (window);

  if (self->document != NULL && !self->close_confirmed &&
      debrief_document_get_modified (self->document) &&
      !debrief_document_get_read_only (self->document))
    {
      ask_before_closing (self);
      return TRUE;
    }

  debrief_window_save_size (self);

  /* Saved or discarded: the working copy has served its purpose. */
  if (self->document != NULL)
    debrief_document_close (self->document);
  if (self->lock != NULL)
    debrief_lock_release (self->lock, NULL);

  return GTK_WINDOW_CLASS (debrief_window_parent_class)->close_request (window);
}

static void
debrief_window_dispose (GObject *object)
{
  DebriefWindow *self = DEBRIEF_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->title_idle, g_source_remove);
  g_clear_handle_id (&self->lock_name_timeout, g_source_remove);

  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->incident != NULL)
    g_signal_handlers_disconnect_by_data (self->incident, self);
  g_clear_object (&self->incident);

  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_WINDOW);

  G_OBJECT_CLASS (debrief_window_parent_class)->dispose (object);
}

static void
debrief_window_finalize (GObject *object)
{
  DebriefWindow *self = DEBRIEF_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->lock);
  g_clear_object (&self->opening);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->info_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (debrief_window_parent_class)->finalize (object);
}

static void
debrief_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DebriefWindow *self = DEBRIEF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_VISIBLE_VIEW:
      g_value_set_string (value, debrief_window_get_visible_view (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DebriefWindow *self = DEBRIEF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_VIEW:
      debrief_window_set_visible_view (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_window_class_init (DebriefWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = debrief_window_dispose;
  object_class->finalize = debrief_window_finalize;
  object_class->get_property = debrief_window_get_property;
  object_class->set_property = debrief_window_set_property;

  window_class->close_request = debrief_window_close_request;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         DEBRIEF_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The name of the view shown: overview, evidence, timeline, analysis,
   * facilitation or actions. The win.view action switches it. */
  properties [PROP_VISIBLE_VIEW] =
    g_param_spec_string ("visible-view", NULL, NULL,
                         "overview",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DEBRIEF_TYPE_EVIDENCE_PAGE);
  g_type_ensure (DEBRIEF_TYPE_OVERVIEW_PAGE);
  g_type_ensure (DEBRIEF_TYPE_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/window/debrief-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, opening_page);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, opening_spinner);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, document_title);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, info_bar);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, info_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, name_bar);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, evidence_page);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, debrief_window_stack_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, debrief_window_name_bar_response_cb);
  gtk_widget_class_bind_template_callback (widget_class, debrief_window_name_entry_activate_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "debrief_window_info_bar_response_cb",
                                                G_CALLBACK (_debrief_window_info_bar_response_cb));

  _debrief_window_class_actions_init (klass);
}

static void
debrief_window_init (DebriefWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->cancellable = g_cancellable_new ();
  self->info_buttons = g_ptr_array_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->info_bar), FALSE);

  self->settings = g_settings_new (APP_ID_BASE);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  gtk_info_bar_add_button (self->name_bar, _("_Use This Name"), GTK_RESPONSE_ACCEPT);
  gtk_info_bar_set_default_response (self->name_bar, GTK_RESPONSE_ACCEPT);
  g_signal_connect_object (self->settings, "changed::user-name",
                           G_CALLBACK (debrief_window_user_name_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::user-name",
                           G_CALLBACK (debrief_window_update_name_bar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::user-name-asked",
                           G_CALLBACK (debrief_window_update_name_bar), self, G_CONNECT_SWAPPED);
  debrief_window_update_name_bar (self);

  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect_object (self->recent_manager, "changed",
                           G_CALLBACK (_debrief_window_update_recent), self, G_CONNECT_SWAPPED);
  _debrief_window_update_recent (self);

  g_signal_connect (self, "notify::is-active", G_CALLBACK (_debrief_window_is_active_cb), NULL);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (debrief_window_title_visible_cb), self, G_CONNECT_SWAPPED);

  _debrief_window_update_title (self);
  _debrief_window_update_actions (self);
  _debrief_window_sync_switchers (self);
}
