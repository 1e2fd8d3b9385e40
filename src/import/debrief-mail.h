/* debrief-mail.h
 *
 * The pieces of an e-mail saved as .eml: headers, MIME parts, and the
 * quoted-printable, base64 and HTML they are written in, decoded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "debrief-text.h"

G_BEGIN_DECLS

/* A header with its continuation lines unfolded; @line is the line of
 * the file it starts on, from 0. */
typedef struct
{
  char  *name;
  char  *value;
  guint  line;
} DebriefMailHeader;

/* What a part's headers say about it. */
typedef struct
{
  char       *type;       /* lower case, "text/plain" when not given */
  char       *charset;
  char       *boundary;
  char       *encoding;   /* lower case, nullable */
  gboolean    attachment;
} DebriefMailPart;

void        debrief_mail_header_free         (DebriefMailHeader *header);
gboolean    debrief_mail_read_headers        (DebriefTextLines  *reader,
                                              GPtrArray         *headers);
const char *debrief_mail_find_header         (GPtrArray         *headers,
                                              const char        *name);
gboolean    debrief_mail_looks_like          (const char        *text,
                                              gsize              length,
                                              gboolean           named_eml);
char       *debrief_mail_to_utf8             (const char        *data,
                                              gsize              length,
                                              const char        *charset);
void        debrief_mail_decode_qp           (GByteArray        *out,
                                              const char        *text,
                                              gsize              length,
                                              gboolean           underscores);
GByteArray *debrief_mail_decode_base64       (const char        *text,
                                              gsize              length);
char       *debrief_mail_decode_header_value (const char        *value);
void        debrief_mail_part_read           (DebriefMailPart   *info,
                                              GPtrArray         *headers);
void        debrief_mail_part_clear          (DebriefMailPart   *info);
char       *debrief_mail_html_to_text        (const char        *html);
gboolean    debrief_mail_parse_date          (const char        *value,
                                              gint64            *usec);
gboolean    debrief_mail_get_date            (const char        *text,
                                              gsize              length,
                                              gint64            *usec);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DebriefMailPart, debrief_mail_part_clear)

G_END_DECLS
