/* debrief-align-clock-dialog.h
 *
 * The dialog that puts an evidence item's clock on the incident's: a
 * selected line's true time, a boot time, or an offset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-document.h"
#include "debrief-evidence.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_ALIGN_CLOCK_DIALOG (debrief_align_clock_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DebriefAlignClockDialog, debrief_align_clock_dialog, DEBRIEF, ALIGN_CLOCK_DIALOG, AdwMessageDialog)

/* Times are read and shown in @zone.  @line (nullable) is the selected
 * line of a log, whose recorded time is @line_usec (G_MININT64: none). */
DebriefAlignClockDialog *debrief_align_clock_dialog_new (GtkWindow       *parent,
                                                         DebriefDocument *document,
                                                         DebriefEvidence *evidence,
                                                         GTimeZone       *zone,
                                                         const guint64   *line,
                                                         gint64           line_usec);

G_END_DECLS
