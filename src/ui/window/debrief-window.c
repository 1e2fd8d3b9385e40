/* debrief-window.c
 *
 * The main window: one incident document, shown in six views under a
 * header bar with the view switcher; opening, saving, undo and redo, and
 * telling the user when somebody else has the file or changed it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-window"

#include "config.h"

#include <glib/gi18n.h>

#include "core/debrief-document.h"
#include "core/debrief-lock.h"

#include "debrief-application.h"
#include "debrief-recent.h"
#include "debrief-window.h"
#include "evidence/debrief-evidence-page.h"
#include "overview/debrief-overview-page.h"
#include "welcome/debrief-welcome-page.h"

/* The same bounds as the window-width and window-height keys. */
#define MIN_REMEMBERED_WIDTH  360
#define MIN_REMEMBERED_HEIGHT 294

typedef enum
{
  INFO_NONE,
  INFO_READ_ONLY,
  INFO_CHANGED_ON_DISK,
} InfoKind;

enum {
  INFO_RESPONSE_RELOAD = 1,
  INFO_RESPONSE_SAVE_COPY,
};

struct _DebriefWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  DebriefDocument      *document;
  DebriefLock          *lock;
  GFile                *opening;
  GFileMonitor         *monitor;
  GCancellable         *cancellable;
  GtkRecentManager     *recent_manager;
  gint64                last_disk_check;
  guint                 title_idle;
  InfoKind              info_kind;
  guint                 close_confirmed : 1;

  AdwViewStack         *stack;
  GtkStack             *content_stack;
  AdwStatusPage        *opening_page;
  GtkSpinner           *opening_spinner;
  AdwViewSwitcherBar   *switcher_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwWindowTitle       *document_title;
  GtkInfoBar           *info_bar;
  GtkLabel             *info_label;
  GPtrArray            *info_buttons;
  DebriefOverviewPage  *overview_page;
  DebriefEvidencePage  *evidence_page;
  GMenu                *recent_menu;
};

G_DEFINE_FINAL_TYPE (DebriefWindow, debrief_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_VISIBLE_VIEW,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void debrief_window_save_as (DebriefWindow *self,
                                    gboolean       close_after);
static void debrief_window_check_disk (DebriefWindow *self);

DebriefWindow *
debrief_window_new (DebriefApplication *application)
{
  g_return_val_if_fail (DEBRIEF_IS_APPLICATION (application), NULL);

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
static char *
dup_user_name (DebriefWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (DEBRIEF_IS_APPLICATION (app))
    return debrief_application_dup_user_name (DEBRIEF_APPLICATION (app));

  return debrief_application_dup_account_name ();
}

static void
show_message (DebriefWindow *self,
              const char    *heading,
              const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef enum
{
  FILE_ERROR_OPEN,
  FILE_ERROR_SAVE,
} FileErrorKind;

static void
show_file_error (DebriefWindow *self,
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

  show_message (self, heading, error->message);
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

/* With an incident, its views are switched in the header bar, or in a
 * bar at the bottom when the window is narrow; the welcome page has none. */
static void
debrief_window_sync_switchers (DebriefWindow *self)
{
  gboolean has_views = self->document != NULL;
  gboolean narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, has_views);
  gtk_widget_set_visible (GTK_WIDGET (self->document_title), has_views && !narrow);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, has_views && narrow);
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
  debrief_window_sync_switchers (self);

  return G_SOURCE_REMOVE;
}

/* The switcher title changes its mind while it is being allocated; the
 * header bar is changed after that, not in the middle of it. */
static void
debrief_window_title_visible_cb (DebriefWindow *self)
{
  if (self->title_idle == 0)
    self->title_idle = g_idle_add (debrief_window_sync_title_visible, self);
}

static void
debrief_window_update_title (DebriefWindow *self)
{
  g_autofree char *name = NULL;
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

  name = debrief_document_dup_display_name (self->document);
  file = debrief_document_get_file (self->document);

  /* An unsaved change is marked as in GNOME Text Editor: a dot before
   * the name. */
  if (debrief_document_get_modified (self->document))
    title = g_strdup_printf ("• %s", name);
  else
    title = g_strdup (name);

  switch (debrief_document_get_read_only_reason (self->document))
    {
    case DEBRIEF_READ_ONLY_REASON_REQUESTED:
    case DEBRIEF_READ_ONLY_REASON_NEWER_SCHEMA:
      subtitle = g_strdup (_("Read-Only"));
      break;

    case DEBRIEF_READ_ONLY_REASON_PREPARING:
      subtitle = g_strdup (_("Preparing for editing…"));
      break;

    case DEBRIEF_READ_ONLY_REASON_NONE:
    default:
      if (file != NULL)
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);

          subtitle = parent ? g_file_get_parse_name (parent) : NULL;
        }
      else
        subtitle = g_strdup (_("Not saved yet"));
      break;
    }

  set_titles (self, title, subtitle);

  {
    /* Translators: the window title, "<file name> — Debrief". */
    g_autofree char *window_title = g_strdup_printf (_("%s — Debrief"), title);

    gtk_window_set_title (GTK_WINDOW (self), window_title);
  }
}

static void
debrief_window_update_actions (DebriefWindow *self)
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

static void
show_info (DebriefWindow *self,
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
  debrief_window_update_title (self);
  debrief_window_update_actions (self);
}

static void
debrief_window_read_only_changed_cb (DebriefWindow *self)
{
  show_info (self, debrief_document_get_read_only (self->document) ? INFO_READ_ONLY : INFO_NONE);
  debrief_window_update_title (self);
  debrief_window_update_actions (self);
}

static void
debrief_window_preparation_failed_cb (DebriefWindow   *self,
                                      const GError    *error,
                                      DebriefDocument *document)
{
  g_autofree char *name = debrief_document_dup_display_name (document);
  g_autofree char *heading = g_strdup_printf (_("“%s” Cannot Be Edited"), name);
  g_autofree char *body = g_strdup_printf (_("%s\n\nIt stays open read-only."), error->message);

  show_message (self, heading, body);
}

static void
debrief_window_edit_failed_cb (DebriefWindow   *self,
                               const GError    *error,
                               DebriefDocument *document)
{
  show_message (self, _("The Change Could Not Be Stored"), error->message);
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
      debrief_window_check_disk (self);
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

static void
debrief_window_watch_file (DebriefWindow *self)
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

static void
add_to_recent (DebriefWindow *self,
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

static void
debrief_window_set_document (DebriefWindow   *self,
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
        add_to_recent (self, debrief_document_get_file (document));
    }

  debrief_overview_page_set_document (self->overview_page, document);
  debrief_evidence_page_set_document (self->evidence_page, document);
  debrief_window_sync_switchers (self);
  debrief_window_watch_file (self);
  show_info (self, document && debrief_document_get_read_only (document) ? INFO_READ_ONLY : INFO_NONE);
  debrief_window_update_title (self);
  debrief_window_update_actions (self);

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
  g_autofree char *user_name = dup_user_name (self);

  g_return_if_fail (DEBRIEF_IS_WINDOW (self));

  if (!(document = debrief_document_new (user_name, &error)))
    {
      show_message (self, _("Could Not Create an Incident"), error->message);
      return;
    }

  debrief_window_set_document (self, document, NULL);
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

  debrief_window_set_document (self, document, NULL);
}

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
    show_file_error (self, FILE_ERROR_OPEN, request->file, error);

  debrief_window_update_title (self);
  debrief_window_sync_switchers (self);
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

      debrief_window_set_document (request->self, document, request->lock);
    }

  open_request_free (request);
}

static void
open_document (OpenRequest *request)
{
  g_autofree char *user_name = dup_user_name (request->self);

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
      g_autofree char *user_name = dup_user_name (request->self);

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
  debrief_window_update_title (self);
  debrief_window_sync_switchers (self);

  request = g_new0 (OpenRequest, 1);
  request->self = g_object_ref (self);
  request->file = g_object_ref (file);

  lock_request = g_new0 (LockRequest, 1);
  lock_request->file = g_object_ref (file);
  lock_request->user_name = dup_user_name (self);

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
  debrief_window_set_document (self, NULL, NULL);

  g_set_object (&self->opening, file);
  debrief_window_update_title (self);
  debrief_window_sync_switchers (self);

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
    debrief_window_save_as (self, FALSE);
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
      if (g_error_matches (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_CONFLICT))
        ask_about_conflict (self, error);
      else
        show_file_error (self, FILE_ERROR_SAVE, request->target, error);
      save_request_free (request);
      return;
    }

  add_to_recent (self, request->target);

  /* A save to another file moves the lock with it (off the main thread:
   * the folders may be on a network share). */
  if (self->lock == NULL || !g_file_equal (debrief_lock_get_document (self->lock), request->target))
    {
      g_autoptr(GTask) task = g_task_new (self, self->cancellable, move_lock_cb, NULL);
      MoveLock *move = g_new0 (MoveLock, 1);

      move->old_lock = g_steal_pointer (&self->lock);
      move->target = g_object_ref (request->target);
      move->user_name = dup_user_name (self);
      g_task_set_task_data (task, move, (GDestroyNotify) move_lock_free);
      g_task_run_in_thread (task, move_lock_thread);
      debrief_window_watch_file (self);
    }

  if (self->info_kind == INFO_CHANGED_ON_DISK)
    show_info (self, INFO_NONE);

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
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  DebriefWindow *self = DEBRIEF_WINDOW (g_object_get_data (G_OBJECT (chooser), "window"));
  gboolean close_after = GPOINTER_TO_INT (user_data);
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

static GtkFileFilter *
new_debrief_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Incident Documents"));
  gtk_file_filter_add_mime_type (filter, DEBRIEF_FILE_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "debrief");

  return filter;
}

static void
debrief_window_save_as (DebriefWindow *self,
                        gboolean       close_after)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = new_debrief_filter ();
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

  g_object_set_data (G_OBJECT (chooser), "window", self);
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), GINT_TO_POINTER (close_after));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
debrief_window_save (DebriefWindow *self,
                     gboolean       close_after)
{
  GFile *file = debrief_document_get_file (self->document);

  if (file == NULL)
    debrief_window_save_as (self, close_after);
  else
    debrief_window_save_to (self, file, close_after);
}

/* --- Changed on disk ------------------------------------------------- */

static void
check_disk_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  gboolean changed = debrief_document_file_changed (task_data, cancellable, &error);

  g_task_return_boolean (task, changed);
}

static void
check_disk_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DebriefWindow) self = user_data;

  if (g_task_propagate_boolean (G_TASK (result), NULL) && self->info_kind != INFO_CHANGED_ON_DISK)
    show_info (self, INFO_CHANGED_ON_DISK);
}

/* Whether somebody else saved the file since: asked when the file
 * monitor says so, and when the window is focused, at most every two
 * seconds. */
static void
debrief_window_check_disk (DebriefWindow *self)
{
  g_autoptr(GTask) task = NULL;
  gint64 now = g_get_monotonic_time ();

  if (self->document == NULL || debrief_document_get_file (self->document) == NULL ||
      now - self->last_disk_check < 2 * G_USEC_PER_SEC)
    return;

  self->last_disk_check = now;
  task = g_task_new (NULL, self->cancellable, check_disk_cb, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (self->document), g_object_unref);
  g_task_run_in_thread (task, check_disk_thread);
}

static void
debrief_window_is_active_cb (DebriefWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    debrief_window_check_disk (self);
}

static void
debrief_window_info_bar_response_cb (DebriefWindow *self,
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
    debrief_window_save_as (self, FALSE);
}

/* --- Recent files ---------------------------------------------------- */

static void
debrief_window_update_recent (DebriefWindow *self)
{
  g_autoptr(GPtrArray) recent = debrief_recent_list_incidents (self->recent_manager);

  g_menu_remove_all (self->recent_menu);

  for (guint i = 0; i < recent->len; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (recent, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-recent", recent->len > 0);
}

/* --- Actions --------------------------------------------------------- */

static void
open_files (DebriefWindow  *self,
            GFile         **files,
            int             n_files)
{
  g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), files, n_files, "");
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  DebriefWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));

      if (files->len > 0)
        open_files (self, (GFile **) files->pdata, files->len);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
debrief_window_action_open (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = new_debrief_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Incident"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
debrief_window_action_open_recent (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  open_files (DEBRIEF_WINDOW (widget), &file, 1);
}

static void
debrief_window_action_new (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  DebriefWindow *window;

  /* The welcome page gives way to the new incident; a window with an
   * incident keeps it, and the new one gets a window of its own. */
  if (self->document == NULL && self->opening == NULL)
    {
      debrief_window_new_incident (self);
      return;
    }

  window = debrief_window_new (DEBRIEF_APPLICATION (app));
  debrief_window_new_incident (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
debrief_window_action_save (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  debrief_window_save (DEBRIEF_WINDOW (widget), FALSE);
}

static void
debrief_window_action_save_as (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  debrief_window_save_as (DEBRIEF_WINDOW (widget), FALSE);
}

static void
debrief_window_action_undo (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean redo = g_str_equal (action_name, "win.redo");

  if (!(redo ? debrief_document_redo (self->document, &error)
             : debrief_document_undo (self->document, &error)))
    show_message (self, redo ? _("Could Not Redo") : _("Could Not Undo"), error->message);
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
    debrief_window_save (self, TRUE);
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

  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

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

/* Evidence, from anywhere in the window. */
static void
debrief_window_action_import_evidence (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "evidence");
  gtk_widget_activate_action (GTK_WIDGET (self->evidence_page), "evidence.import", NULL);
}

static void
debrief_window_action_search_evidence (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "evidence");
  gtk_widget_activate_action (GTK_WIDGET (self->evidence_page), "evidence.search", NULL);
}

/* The back-link of a timeline event: its evidence, at the lines it cites. */
static void
debrief_window_action_show_evidence (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);
  const char *uuid;
  gint64 first;
  gint64 last;

  g_variant_get (parameter, "(&sxx)", &uuid, &first, &last);
  adw_view_stack_set_visible_child_name (self->stack, "evidence");
  debrief_evidence_page_show_evidence (self->evidence_page, uuid, first, last);
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
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, evidence_page);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, debrief_window_stack_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, debrief_window_info_bar_response_cb);

  gtk_widget_class_install_property_action (widget_class, "win.view", "visible-view");
  gtk_widget_class_install_action (widget_class, "win.new", NULL, debrief_window_action_new);
  gtk_widget_class_install_action (widget_class, "win.import-evidence", NULL, debrief_window_action_import_evidence);
  gtk_widget_class_install_action (widget_class, "win.search-evidence", NULL, debrief_window_action_search_evidence);
  gtk_widget_class_install_action (widget_class, "win.show-evidence", "(sxx)", debrief_window_action_show_evidence);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, debrief_window_action_open);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", debrief_window_action_open_recent);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, debrief_window_action_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, debrief_window_action_save_as);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, debrief_window_action_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, debrief_window_action_undo);
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

  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect_object (self->recent_manager, "changed",
                           G_CALLBACK (debrief_window_update_recent), self, G_CONNECT_SWAPPED);
  debrief_window_update_recent (self);

  g_signal_connect (self, "notify::is-active", G_CALLBACK (debrief_window_is_active_cb), NULL);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (debrief_window_title_visible_cb), self, G_CONNECT_SWAPPED);

  debrief_window_update_title (self);
  debrief_window_update_actions (self);
  debrief_window_sync_switchers (self);
}
