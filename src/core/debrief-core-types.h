/* debrief-core-types.h
 *
 * Forward declarations of the core types, so headers need not include
 * each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DebriefDocument          DebriefDocument;
typedef struct _DebriefEvidenceSource    DebriefEvidenceSource;
typedef struct _DebriefLock              DebriefLock;
typedef struct _DebriefLockInfo          DebriefLockInfo;
typedef struct _DebriefLogModel          DebriefLogModel;
typedef struct _DebriefLogRow            DebriefLogRow;
typedef struct _DebriefRecord            DebriefRecord;

G_END_DECLS
