/* debrief-document-error.c
 *
 * The errors of reading, checking and saving an incident document. They
 * live apart from DebriefDocument because the database checks and the
 * schema below it report them too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-document"

#include "config.h"

#include "debrief-document-error.h"

G_DEFINE_QUARK (debrief-document-error-quark, debrief_document_error)
