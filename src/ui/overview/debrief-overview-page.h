/* debrief-overview-page.h
 *
 * The Overview view: the incident's front page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-ui-types.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_OVERVIEW_PAGE (debrief_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (DebriefOverviewPage, debrief_overview_page, DEBRIEF, OVERVIEW_PAGE, GtkWidget)

DebriefDocument *debrief_overview_page_get_document (DebriefOverviewPage *self);
void             debrief_overview_page_set_document (DebriefOverviewPage *self,
                                                     DebriefDocument     *document);

G_END_DECLS
