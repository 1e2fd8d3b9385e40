/* debrief-window-private.h
 *
 * What the parts of DebriefWindow share: debrief-window.c (the class, its
 * title and info bar), debrief-window-files.c (opening, saving, changes on
 * disk) and debrief-window-actions.c (the win. actions).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-document.h"
#include "debrief-lock.h"

#include "debrief-window.h"
#include "debrief-evidence-page.h"
#include "debrief-overview-page.h"

G_BEGIN_DECLS

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
  DebriefIncident      *incident;
  DebriefLock          *lock;
  GFile                *opening;
  GFileMonitor         *monitor;
  GCancellable         *cancellable;
  GtkRecentManager     *recent_manager;
  gint64                last_disk_check;
  guint                 title_idle;
  /* The lock is rewritten with a new name once the typing in Preferences
   * has paused, one rewrite at a time. */
  guint                 lock_name_timeout;
  guint                 lock_name_running : 1;
  guint                 lock_name_again : 1;
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
  GtkInfoBar           *name_bar;
  GtkEntry             *name_entry;
  DebriefOverviewPage  *overview_page;
  DebriefEvidencePage  *evidence_page;
  GMenu                *recent_menu;
};

typedef enum
{
  FILE_ERROR_OPEN,
  FILE_ERROR_SAVE,
} FileErrorKind;

/* debrief-window.c */
void           _debrief_window_show_message         (DebriefWindow      *self,
                                                     const char         *heading,
                                                     const char         *body);
void           _debrief_window_show_file_error      (DebriefWindow      *self,
                                                     FileErrorKind       kind,
                                                     GFile              *file,
                                                     const GError       *error);
char          *_debrief_window_dup_user_name        (DebriefWindow      *self);
void           _debrief_window_update_title         (DebriefWindow      *self);
void           _debrief_window_update_actions       (DebriefWindow      *self);
void           _debrief_window_set_document         (DebriefWindow      *self,
                                                     DebriefDocument    *document,
                                                     DebriefLock        *lock);
void           _debrief_window_sync_switchers       (DebriefWindow      *self);
void           _debrief_window_watch_file           (DebriefWindow      *self);
void           _debrief_window_add_to_recent        (DebriefWindow      *self,
                                                     GFile              *file);
void           _debrief_window_show_info            (DebriefWindow      *self,
                                                     InfoKind            kind);

/* debrief-window-files.c */
GtkFileFilter *_debrief_window_new_debrief_filter   (void);
void           _debrief_window_save                 (DebriefWindow      *self,
                                                     gboolean            close_after);
void           _debrief_window_save_as              (DebriefWindow      *self,
                                                     gboolean            close_after);
void           _debrief_window_check_disk           (DebriefWindow      *self);
void           _debrief_window_is_active_cb         (DebriefWindow      *self);
void           _debrief_window_info_bar_response_cb (DebriefWindow      *self,
                                                     int                 response);

/* debrief-window-actions.c */
void           _debrief_window_update_recent        (DebriefWindow      *self);
void           _debrief_window_class_actions_init   (DebriefWindowClass *klass);

G_END_DECLS
