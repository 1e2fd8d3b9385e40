/* debrief-text.h
 *
 * Text from files that may hold anything, made safe to parse and show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *_debrief_text_sanitize (const char *data,
                              gsize       length,
                              gsize      *out_length);
/* TRUE when @length bytes of @data are nothing but ASCII spaces. */
gboolean _debrief_text_is_blank (const char *data,
                                 gsize       length);

G_END_DECLS
