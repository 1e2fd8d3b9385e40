/* debrief-report-render-mail.c
 *
 * An e-mail saved as .eml, rendered: its main headers in a block, and the
 * first text part of its body decoded (plain text before HTML), each
 * shown line mapped to the line of the file it comes from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-report-render"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "debrief-mail.h"
#include "debrief-report-render-private.h"
#include "debrief-text.h"

/* Multipart e-mails nest no deeper than this. */
#define MAX_PART_DEPTH 8

static const char *
shown_header_label (const char *name)
{
  /* The names as a reader of this language knows them from mail programs. */
  if (g_ascii_strcasecmp (name, "From") == 0)
    return C_("e-mail header", "From");
  if (g_ascii_strcasecmp (name, "To") == 0)
    return C_("e-mail header", "To");
  if (g_ascii_strcasecmp (name, "Cc") == 0)
    return C_("e-mail header", "Cc");
  if (g_ascii_strcasecmp (name, "Date") == 0)
    return C_("e-mail header", "Date");
  if (g_ascii_strcasecmp (name, "Subject") == 0)
    return C_("e-mail header", "Subject");

  return NULL;
}

/* Decoded text of a body, as lines all from @source_line. */
static void
render_decoded_lines (DebriefReportBuilder *b,
                      const char           *text,
                      guint                 source_line,
                      gboolean              collapse_blank)
{
  const char *p = text;
  gboolean previous_blank = TRUE;

  while (TRUE)
    {
      const char *eol = strchr (p, '\n');
      gsize length = eol != NULL ? (gsize) (eol - p) : strlen (p);
      const char *line = p;

      if (length > 0 && line[length - 1] == '\r')
        length--;
      if (collapse_blank)
        _debrief_report_strip (&line, &length);

      if (!(collapse_blank && length == 0 && previous_blank))
        {
          _debrief_report_builder_start_line (b, source_line, length > 0 && line[0] == '>' ? DEBRIEF_REPORT_TAG_QUOTE : -1);
          _debrief_report_builder_append (b, line, length);
        }
      previous_blank = length == 0;

      if (eol == NULL)
        break;
      p = eol + 1;
    }
}

/* The body of a text part, decoded, with each shown line mapped to the
 * line of the file it comes from. */
static void
render_text_body (DebriefReportBuilder *b,
                  DebriefMailPart      *info,
                  DebriefTextLines     *reader)
{
  gboolean html = strcmp (info->type, "text/html") == 0;
  gboolean qp = g_strcmp0 (info->encoding, "quoted-printable") == 0;
  gboolean base64 = g_strcmp0 (info->encoding, "base64") == 0;
  guint first_line = reader->number;
  const char *line;
  gsize length;
  guint number;

  if (base64 || html)
    {
      g_autoptr(GByteArray) bytes = NULL;
      g_autofree char *text = NULL;
      const char *start = reader->p;
      const char *end = reader->end;

      reader->p = reader->end;
      if (base64)
        bytes = debrief_mail_decode_base64 (start, (gsize) (end - start));
      else
        {
          bytes = g_byte_array_new ();
          if (qp)
            {
              /* Soft line breaks first: "=" at the end of a line joins it to the next. */
              g_autoptr(GString) joined = g_string_new (NULL);
              DebriefTextLines lines = { start, end, 0 };

              while (debrief_text_lines_next (&lines, &line, &length, &number))
                {
                  if (length > 0 && line[length - 1] == '=')
                    g_string_append_len (joined, line, (gssize) length - 1);
                  else
                    {
                      g_string_append_len (joined, line, (gssize) length);
                      g_string_append_c (joined, '\n');
                    }
                }
              debrief_mail_decode_qp (bytes, joined->str, joined->len, FALSE);
            }
          else
            g_byte_array_append (bytes, (const guint8 *) start, (guint) (end - start));
        }

      text = debrief_mail_to_utf8 ((const char *) bytes->data, bytes->len, info->charset);
      if (html)
        {
          g_autofree char *plain = debrief_mail_html_to_text (text);

          render_decoded_lines (b, plain, first_line, TRUE);
        }
      else
        render_decoded_lines (b, text, first_line, FALSE);
      return;
    }

  if (qp)
    {
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      guint start_line = first_line;

      while (debrief_text_lines_next (reader, &line, &length, &number))
        {
          gboolean soft;
          g_autofree char *text = NULL;

          /* Trailing spaces are padding in quoted-printable. */
          while (length > 0 && (line[length - 1] == ' ' || line[length - 1] == '\t'))
            length--;
          soft = length > 0 && line[length - 1] == '=';
          if (bytes->len == 0)
            start_line = number;
          debrief_mail_decode_qp (bytes, line, soft ? length - 1 : length, FALSE);
          if (soft)
            continue;

          text = debrief_mail_to_utf8 ((const char *) bytes->data, bytes->len, info->charset);
          _debrief_report_builder_start_line (b, start_line, text[0] == '>' ? DEBRIEF_REPORT_TAG_QUOTE : -1);
          _debrief_report_builder_append (b, text, strlen (text));
          g_byte_array_set_size (bytes, 0);
        }

      if (bytes->len > 0)
        {
          g_autofree char *text = debrief_mail_to_utf8 ((const char *) bytes->data, bytes->len, info->charset);

          _debrief_report_builder_start_line (b, start_line, -1);
          _debrief_report_builder_append (b, text, strlen (text));
        }
      return;
    }

  while (debrief_text_lines_next (reader, &line, &length, &number))
    {
      _debrief_report_builder_start_line (b, number, length > 0 && line[0] == '>' ? DEBRIEF_REPORT_TAG_QUOTE : -1);
      _debrief_report_builder_append (b, line, length);
    }
}

/* Shows the first text part of an entity whose headers have been read
 * from @reader: text/plain, or text/html when @html_ok. */
static gboolean
render_entity (DebriefReportBuilder *b,
               GPtrArray            *headers,
               DebriefTextLines     *reader,
               gboolean              html_ok,
               guint                 depth)
{
  g_auto(DebriefMailPart) info = { NULL, };

  debrief_mail_part_read (&info, headers);

  if (g_str_has_prefix (info.type, "multipart/"))
    {
      g_autofree char *delimiter = NULL;
      const char *part_start = NULL;
      guint part_line = 0;
      const char *line;
      gsize length;
      guint number;

      if (info.boundary == NULL || depth >= MAX_PART_DEPTH)
        return FALSE;

      delimiter = g_strconcat ("--", info.boundary, NULL);
      while (TRUE)
        {
          const char *line_start = reader->p;
          gboolean more = debrief_text_lines_next (reader, &line, &length, &number);
          gboolean is_delimiter = more && length >= strlen (delimiter) &&
                                  strncmp (line, delimiter, strlen (delimiter)) == 0;

          if ((is_delimiter || !more) && part_start != NULL)
            {
              g_autoptr(GPtrArray) part_headers = g_ptr_array_new_with_free_func ((GDestroyNotify) debrief_mail_header_free);
              DebriefTextLines part = { part_start, line_start, part_line };

              /* The newline before a delimiter belongs to the delimiter. */
              if (part.end > part.p && part.end[-1] == '\n')
                part.end--;
              if (debrief_mail_read_headers (&part, part_headers) &&
                  render_entity (b, part_headers, &part, html_ok, depth + 1))
                return TRUE;
            }

          if (!more)
            return FALSE;
          if (is_delimiter)
            {
              if (length >= strlen (delimiter) + 2 && strncmp (line + strlen (delimiter), "--", 2) == 0)
                return FALSE;
              part_start = reader->p;
              part_line = reader->number;
            }
        }
    }

  if (info.attachment)
    return FALSE;

  if (strcmp (info.type, "text/plain") == 0 || (html_ok && strcmp (info.type, "text/html") == 0))
    {
      render_text_body (b, &info, reader);
      return TRUE;
    }

  return FALSE;
}

void
_debrief_report_render_email (DebriefReportBuilder *b,
                              const char           *text,
                              gsize                 length)
{
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func ((GDestroyNotify) debrief_mail_header_free);
  DebriefTextLines reader = { text, text + length, 0 };
  DebriefTextLines body;

  debrief_mail_read_headers (&reader, headers);

  for (guint i = 0; i < headers->len; i++)
    {
      DebriefMailHeader *header = g_ptr_array_index (headers, i);
      const char *label = shown_header_label (header->name);
      g_autofree char *value = NULL;
      g_autofree char *name = NULL;

      if (label == NULL)
        continue;

      value = debrief_mail_decode_header_value (header->value);
      /* Translators: an e-mail header's name before its value, "From:" */
      name = g_strdup_printf (_("%s:"), label);
      _debrief_report_builder_start_line (b, header->line, DEBRIEF_REPORT_TAG_HEADER);
      _debrief_report_builder_append_tagged (b, name, strlen (name), DEBRIEF_REPORT_TAG_HEADER_NAME);
      _debrief_report_builder_append (b, "\t", 1);
      if (g_ascii_strcasecmp (header->name, "Subject") == 0)
        _debrief_report_builder_append_tagged (b, value, strlen (value), DEBRIEF_REPORT_TAG_BOLD);
      else
        _debrief_report_builder_append (b, value, strlen (value));
    }

  /* The blank line between the headers and the body. */
  _debrief_report_builder_start_line (b, reader.number > 0 ? reader.number - 1 : 0, -1);

  body = reader;
  if (!render_entity (b, headers, &body, FALSE, 0))
    {
      body = reader;
      if (!render_entity (b, headers, &body, TRUE, 0))
        {
          const char *notice = _("This e-mail has no text that Debrief can show, only attachments or other parts.");

          _debrief_report_builder_start_line (b, reader.number, DEBRIEF_REPORT_TAG_NOTICE);
          _debrief_report_builder_append (b, notice, strlen (notice));
        }
    }

  _debrief_report_builder_end_line (b);
}
