/* debrief-ui-types.h
 *
 * Forward declarations of the widgets and the application, so headers need
 * not include each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DebriefApplication       DebriefApplication;
typedef struct _DebriefChatMessageList   DebriefChatMessageList;
typedef struct _DebriefChatView          DebriefChatView;
typedef struct _DebriefEvidencePage      DebriefEvidencePage;
typedef struct _DebriefImageView         DebriefImageView;
typedef struct _DebriefLogView           DebriefLogView;
typedef struct _DebriefMetricsView       DebriefMetricsView;
typedef struct _DebriefPreferencesWindow DebriefPreferencesWindow;
typedef struct _DebriefReportView        DebriefReportView;
typedef struct _DebriefWelcomePage       DebriefWelcomePage;
typedef struct _DebriefWindow            DebriefWindow;

G_END_DECLS
