/* debrief-types.h
 *
 * Forward declarations of every Debrief type, so headers need not include
 * each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DebriefApplication       DebriefApplication;
typedef struct _DebriefChatMessageList   DebriefChatMessageList;
typedef struct _DebriefChatView          DebriefChatView;
typedef struct _DebriefDocument          DebriefDocument;
typedef struct _DebriefEvidencePage      DebriefEvidencePage;
typedef struct _DebriefEvidenceSource    DebriefEvidenceSource;
typedef struct _DebriefImageView         DebriefImageView;
typedef struct _DebriefLock              DebriefLock;
typedef struct _DebriefLockInfo          DebriefLockInfo;
typedef struct _DebriefLogModel          DebriefLogModel;
typedef struct _DebriefLogRow            DebriefLogRow;
typedef struct _DebriefLogView           DebriefLogView;
typedef struct _DebriefMetricsView       DebriefMetricsView;
typedef struct _DebriefPreferencesWindow DebriefPreferencesWindow;
typedef struct _DebriefRecord            DebriefRecord;
typedef struct _DebriefReportView        DebriefReportView;
typedef struct _DebriefWelcomePage       DebriefWelcomePage;
typedef struct _DebriefWindow            DebriefWindow;

G_END_DECLS
