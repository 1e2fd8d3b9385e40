/* debrief-invitation.h
 *
 * The invitation a facilitator sends before the post-mortem: when it is,
 * what it is about, the agenda, the ground rules and who takes which role.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-document.h"
#include "debrief-ground-rules.h"

G_BEGIN_DECLS

char        *debrief_invitation_build_subject   (DebriefDocument  *document,
                                                 GDateTime        *now);
char        *debrief_invitation_build           (DebriefDocument  *document,
                                                 GDateTime        *now);
char       **debrief_invitation_dup_recipients  (DebriefDocument  *document);
char        *debrief_invitation_build_mailto    (DebriefDocument  *document,
                                                 GDateTime        *now);
gboolean     debrief_invitation_mark_sent       (DebriefDocument  *document,
                                                 GDateTime        *when,
                                                 GError          **error);

G_END_DECLS
