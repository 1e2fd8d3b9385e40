/* debrief-scope-row.h
 *
 * A row of the Overview's scope list: a system or component, its kind and
 * a button to remove it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-scope-item.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_SCOPE_ROW (debrief_scope_row_get_type ())

G_DECLARE_FINAL_TYPE (DebriefScopeRow, debrief_scope_row, DEBRIEF, SCOPE_ROW, AdwEntryRow)

GtkWidget        *debrief_scope_row_new            (DebriefScopeItem *scope_item);
DebriefScopeItem *debrief_scope_row_get_scope_item (DebriefScopeRow  *self);
void              debrief_scope_row_set_scope_item (DebriefScopeRow  *self,
                                                    DebriefScopeItem *scope_item);

G_END_DECLS
