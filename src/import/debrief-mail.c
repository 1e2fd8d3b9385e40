/* debrief-mail.c
 *
 * E-mail decoding: RFC 822 headers, MIME parts, RFC 2047 encoded words,
 * quoted-printable, base64, and HTML as readable text. The file is
 * untrusted; everything decoded comes out as valid UTF-8 without NULs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-mail"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debrief-mail.h"

/* Decoded text is shown in a text buffer, which refuses NULs and
 * invalid UTF-8. */
static char *
sanitize (const char *data,
          gsize       length)
{
  gsize sanitized_length;

  return debrief_text_sanitize (data, length, &sanitized_length);
}

void
debrief_mail_header_free (DebriefMailHeader *header)
{
  g_free (header->name);
  g_free (header->value);
  g_free (header);
}

/* Reads the header lines from @reader up to the blank line that ends
 * them, unfolding continued ones. FALSE if a line is not a header. */
gboolean
debrief_mail_read_headers (DebriefTextLines *reader,
                           GPtrArray        *headers)
{
  const char *line;
  gsize length;
  guint number;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (headers != NULL, FALSE);

  while (debrief_text_lines_next (reader, &line, &length, &number))
    {
      const char *colon;
      DebriefMailHeader *header;

      if (length == 0)
        return TRUE;

      if (line[0] == ' ' || line[0] == '\t')
        {
          DebriefMailHeader *last;
          g_autofree char *more = NULL;
          char *joined;

          if (headers->len == 0)
            return FALSE;
          last = g_ptr_array_index (headers, headers->len - 1);
          more = g_strstrip (g_strndup (line, length));
          joined = g_strconcat (last->value, " ", more, NULL);
          g_free (last->value);
          last->value = joined;
          continue;
        }

      colon = memchr (line, ':', length);
      if (colon == NULL || colon == line)
        return FALSE;
      for (const char *c = line; c < colon; c++)
        if (*c <= ' ' || *c > '~')
          return FALSE;

      header = g_new0 (DebriefMailHeader, 1);
      header->name = g_strndup (line, (gsize) (colon - line));
      header->value = g_strstrip (g_strndup (colon + 1, (gsize) (line + length - colon - 1)));
      header->line = number;
      g_ptr_array_add (headers, header);
    }

  return TRUE;
}

const char *
debrief_mail_find_header (GPtrArray  *headers,
                          const char *name)
{
  g_return_val_if_fail (headers != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < headers->len; i++)
    {
      DebriefMailHeader *header = g_ptr_array_index (headers, i);

      if (g_ascii_strcasecmp (header->name, name) == 0)
        return header->value;
    }

  return NULL;
}

gboolean
debrief_mail_looks_like (const char *text,
                         gsize       length,
                         gboolean    named_eml)
{
  static const char * const known[] = {
    "From", "To", "Cc", "Subject", "Date", "Message-ID", "Received", "MIME-Version",
    "Return-Path", "Delivered-To", "Reply-To", "Content-Type", "In-Reply-To", "References",
  };
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func ((GDestroyNotify) debrief_mail_header_free);
  DebriefTextLines reader = { text, text + MIN (length, 64 * 1024), 0 };
  guint n_known = 0;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  if (!debrief_mail_read_headers (&reader, headers))
    return FALSE;

  for (guint i = 0; i < headers->len; i++)
    {
      DebriefMailHeader *header = g_ptr_array_index (headers, i);

      for (guint k = 0; k < G_N_ELEMENTS (known); k++)
        if (g_ascii_strcasecmp (header->name, known[k]) == 0)
          n_known++;
    }

  return n_known >= (named_eml ? 1 : 2);
}

/* Text in a character set, as valid UTF-8 without NUL characters. */
char *
debrief_mail_to_utf8 (const char *data,
                      gsize       length,
                      const char *charset)
{
  g_autofree char *converted = NULL;
  gsize converted_length = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (charset != NULL && *charset != '\0' &&
      g_ascii_strcasecmp (charset, "utf-8") != 0 && g_ascii_strcasecmp (charset, "utf8") != 0 &&
      g_ascii_strcasecmp (charset, "us-ascii") != 0)
    converted = g_convert (data, (gssize) length, "UTF-8", charset, NULL, &converted_length, NULL);

  if (converted != NULL)
    return sanitize (converted, converted_length);

  return sanitize (data, length);
}

static int
hex_value (char c)
{
  if (g_ascii_isdigit (c))
    return c - '0';
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

/* Quoted-printable: "=XX" is a byte; with @underscores (in headers) "_"
 * is a space. A soft line break ("=" at the end) is left to the caller. */
void
debrief_mail_decode_qp (GByteArray *out,
                        const char *text,
                        gsize       length,
                        gboolean    underscores)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (text != NULL || length == 0);

  for (gsize i = 0; i < length; i++)
    {
      int high, low;

      if (text[i] == '=' && i + 2 < length && (high = hex_value (text[i + 1])) >= 0 &&
          (low = hex_value (text[i + 2])) >= 0)
        {
          guint8 byte = (guint8) (high * 16 + low);

          g_byte_array_append (out, &byte, 1);
          i += 2;
        }
      else if (underscores && text[i] == '_')
        g_byte_array_append (out, (const guint8 *) " ", 1);
      else
        g_byte_array_append (out, (const guint8 *) text + i, 1);
    }
}

GByteArray *
debrief_mail_decode_base64 (const char *text,
                            gsize       length)
{
  g_autoptr(GString) clean = g_string_sized_new (length);
  guchar *data;
  gsize data_length = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  for (gsize i = 0; i < length; i++)
    if (g_ascii_isalnum (text[i]) || text[i] == '+' || text[i] == '/' || text[i] == '=')
      g_string_append_c (clean, text[i]);

  /* g_base64_decode() wants whole groups of four. */
  while (clean->len % 4 != 0)
    g_string_append_c (clean, '=');

  data = g_base64_decode (clean->str, &data_length);
  if (data == NULL)
    return g_byte_array_new ();

  return g_byte_array_new_take (data, data_length);
}

/* "=?charset?Q?text?=" and "=?charset?B?text?=" in headers (RFC 2047). */
char *
debrief_mail_decode_header_value (const char *value)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = value;
  gboolean after_word = FALSE;

  g_return_val_if_fail (value != NULL, NULL);

  while (*p != '\0')
    {
      if (p[0] == '=' && p[1] == '?')
        {
          const char *charset = p + 2;
          const char *q1 = strchr (charset, '?');
          const char *q2 = q1 != NULL && q1[1] != '\0' && q1[2] == '?' ? q1 + 2 : NULL;
          const char *close = q2 != NULL ? strstr (q2 + 1, "?=") : NULL;

          if (close != NULL)
            {
              g_autofree char *charset_name = g_strndup (charset, (gsize) (q1 - charset));
              g_autoptr(GByteArray) bytes = NULL;
              g_autofree char *decoded = NULL;
              char *star = strchr (charset_name, '*');

              if (star != NULL)
                *star = '\0';

              if (q1[1] == 'Q' || q1[1] == 'q')
                {
                  bytes = g_byte_array_new ();
                  debrief_mail_decode_qp (bytes, q2 + 1, (gsize) (close - q2 - 1), TRUE);
                }
              else if (q1[1] == 'B' || q1[1] == 'b')
                bytes = debrief_mail_decode_base64 (q2 + 1, (gsize) (close - q2 - 1));

              if (bytes != NULL)
                {
                  decoded = debrief_mail_to_utf8 ((const char *) bytes->data, bytes->len, charset_name);
                  g_string_append (out, decoded);
                  p = close + 2;
                  after_word = TRUE;
                  continue;
                }
            }
        }

      /* Spaces between two encoded words are not part of the text. */
      if (after_word && g_ascii_isspace (*p))
        {
          const char *q = p;

          while (g_ascii_isspace (*q))
            q++;
          if (q[0] == '=' && q[1] == '?')
            {
              p = q;
              continue;
            }
        }

      g_string_append_c (out, *p);
      after_word = FALSE;
      p++;
    }

  return sanitize (out->str, out->len);
}

void
debrief_mail_part_clear (DebriefMailPart *info)
{
  g_free (info->type);
  g_free (info->charset);
  g_free (info->boundary);
  g_free (info->encoding);
}

static char *
header_parameter (const char *value,
                  const char *name)
{
  g_auto(GStrv) pieces = g_strsplit (value, ";", -1);

  for (guint i = 1; pieces[i] != NULL; i++)
    {
      char *piece = g_strstrip (pieces[i]);
      char *equals = strchr (piece, '=');
      char *parameter;
      gsize length;

      if (equals == NULL)
        continue;
      *equals = '\0';
      if (g_ascii_strcasecmp (g_strstrip (piece), name) != 0)
        continue;

      parameter = g_strstrip (equals + 1);
      length = strlen (parameter);
      if (length >= 2 && parameter[0] == '"' && parameter[length - 1] == '"')
        return g_strndup (parameter + 1, length - 2);
      return g_strdup (parameter);
    }

  return NULL;
}

void
debrief_mail_part_read (DebriefMailPart *info,
                        GPtrArray       *headers)
{
  const char *content_type = debrief_mail_find_header (headers, "Content-Type");
  const char *encoding = debrief_mail_find_header (headers, "Content-Transfer-Encoding");
  const char *disposition = debrief_mail_find_header (headers, "Content-Disposition");

  g_return_if_fail (info != NULL);
  g_return_if_fail (headers != NULL);

  if (content_type != NULL)
    {
      gsize type_length = strcspn (content_type, ";");
      g_autofree char *type = g_strndup (content_type, type_length);

      info->type = g_ascii_strdown (g_strstrip (type), -1);
      info->charset = header_parameter (content_type, "charset");
      info->boundary = header_parameter (content_type, "boundary");
    }
  if (info->type == NULL || *info->type == '\0')
    {
      g_free (info->type);
      info->type = g_strdup ("text/plain");
    }

  if (encoding != NULL)
    info->encoding = g_ascii_strdown (encoding, -1);

  info->attachment = disposition != NULL && g_ascii_strncasecmp (disposition, "attachment", 10) == 0;
}

/* HTML, as text a reader can follow: no tags, no scripts or styles,
 * block ends as line breaks, entities decoded. */
char *
debrief_mail_html_to_text (const char *html)
{
  static const char * const breaks[] = {
    "br", "p", "/p", "div", "/div", "tr", "/tr", "li", "/li", "h1", "h2", "h3", "h4",
    "/h1", "/h2", "/h3", "/h4", "/table", "blockquote", "/blockquote", "hr",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = html;

  g_return_val_if_fail (html != NULL, NULL);

  while (*p != '\0')
    {
      if (*p == '<')
        {
          const char *close = strchr (p, '>');
          g_autofree char *name = NULL;
          gsize name_length;

          if (close == NULL)
            break;
          name_length = strcspn (p + 1, " \t\r\n/>");
          if (p[1] == '/')
            name_length = 1 + strcspn (p + 2, " \t\r\n>");
          name = g_ascii_strdown (p + 1, (gssize) name_length);

          if (strcmp (name, "style") == 0 || strcmp (name, "script") == 0 || strcmp (name, "head") == 0)
            {
              g_autofree char *end_tag = g_strconcat ("</", name, NULL);
              const char *end = p;

              while ((end = strchr (end + 1, '<')) != NULL && g_ascii_strncasecmp (end, end_tag, strlen (end_tag)) != 0)
                ;
              p = end != NULL ? end : p + strlen (p);
              continue;
            }

          for (guint i = 0; i < G_N_ELEMENTS (breaks); i++)
            if (strcmp (name, breaks[i]) == 0)
              {
                g_string_append_c (out, '\n');
                if (strcmp (name, "li") == 0)
                  g_string_append (out, "•  ");
                break;
              }

          p = close + 1;
          continue;
        }

      if (*p == '&')
        {
          static const struct { const char *name; const char *text; } entities[] = {
            { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
            { "&apos;", "'" }, { "&nbsp;", " " }, { "&#39;", "'" },
          };
          gboolean done = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (entities) && !done; i++)
            if (g_ascii_strncasecmp (p, entities[i].name, strlen (entities[i].name)) == 0)
              {
                g_string_append (out, entities[i].text);
                p += strlen (entities[i].name);
                done = TRUE;
              }

          if (!done && p[1] == '#')
            {
              char *number_end = NULL;
              gboolean hex = p[2] == 'x' || p[2] == 'X';
              guint64 code = g_ascii_strtoull (p + (hex ? 3 : 2), &number_end, hex ? 16 : 10);

              if (number_end != NULL && *number_end == ';' && code > 0 && code <= 0x10FFFF &&
                  g_unichar_validate ((gunichar) code))
                {
                  g_string_append_unichar (out, (gunichar) code);
                  p = number_end + 1;
                  done = TRUE;
                }
            }

          if (done)
            continue;
        }

      /* HTML's own line breaks are spaces. */
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
          p++;
          continue;
        }

      g_string_append_c (out, *p++);
    }

  return sanitize (out->str, out->len);
}


/* RFC 5322's zones of old, and the military "Z". */
static gboolean
mail_zone (const char *word,
           int        *offset_seconds)
{
  static const struct
  {
    const char *name;
    int         hours;
  } zones[] = {
    { "UT", 0 }, { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 },
    { "EST", -5 }, { "EDT", -4 }, { "CST", -6 }, { "CDT", -5 },
    { "MST", -7 }, { "MDT", -6 }, { "PST", -8 }, { "PDT", -7 },
  };

  if ((word[0] == '+' || word[0] == '-') && strlen (word) >= 5
      && g_ascii_isdigit (word[1]) && g_ascii_isdigit (word[2])
      && g_ascii_isdigit (word[3]) && g_ascii_isdigit (word[4]))
    {
      int hh = (word[1] - '0') * 10 + (word[2] - '0');
      int mm = (word[3] - '0') * 10 + (word[4] - '0');

      if (hh > 23 || mm > 59)
        return FALSE;
      *offset_seconds = (word[0] == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    if (g_ascii_strcasecmp (word, zones[i].name) == 0)
      {
        *offset_seconds = zones[i].hours * 3600;
        return TRUE;
      }

  return FALSE;
}

/**
 * debrief_mail_parse_date:
 * @value: the value of a Date header, "Sat, 14 Mar 2026 02:11:07 +0100"
 *   (RFC 5322: the day name, the seconds and the zone may be missing, a
 *   comment may follow)
 * @usec: (out): the time in microseconds since the epoch, UTC
 *
 * Returns: whether @value is such a date
 */
gboolean
debrief_mail_parse_date (const char *value,
                         gint64     *usec)
{
  static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
  g_autofree char *copy = NULL;
  g_auto(GStrv) words = NULL;
  guint i = 0, n;
  int day, month = 0, year, hour, minute, second = 0, offset = 0;
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (usec != NULL, FALSE);

  if (value == NULL)
    return FALSE;

  copy = g_strdup (value);
  g_strdelimit (copy, "\t\r\n,", ' ');
  words = g_strsplit (g_strstrip (copy), " ", -1);

  /* Empty words are double spaces; the day name is optional. */
  {
    GPtrArray *kept = g_ptr_array_new ();

    for (guint k = 0; words[k] != NULL; k++)
      if (*words[k] != '\0')
        g_ptr_array_add (kept, words[k]);
    n = kept->len;
    if (n < 4)
      {
        g_ptr_array_free (kept, TRUE);
        return FALSE;
      }
    if (g_ascii_isalpha (*(char *) kept->pdata[0]))
      i = 1;

    if (n - i < 4)
      {
        g_ptr_array_free (kept, TRUE);
        return FALSE;
      }

    day = atoi (kept->pdata[i]);
    if (strlen (kept->pdata[i + 1]) >= 3)
      {
        g_autofree char *lower = g_ascii_strdown (kept->pdata[i + 1], 3);
        const char *hit = strstr (months, lower);

        if (hit != NULL && (hit - months) % 3 == 0)
          month = (int) (hit - months) / 3 + 1;
      }
    year = atoi (kept->pdata[i + 2]);
    /* RFC 822's two-digit years. */
    if (strlen (kept->pdata[i + 2]) == 2)
      year += year < 50 ? 2000 : 1900;

    if (sscanf (kept->pdata[i + 3], "%d:%d:%d", &hour, &minute, &second) < 2)
      {
        g_ptr_array_free (kept, TRUE);
        return FALSE;
      }

    /* No zone is UTC (RFC 5322 says -0000: the zone is unknown). */
    if (n - i > 4 && !mail_zone (kept->pdata[i + 4], &offset))
      offset = 0;

    g_ptr_array_free (kept, TRUE);
  }

  if (day < 1 || day > 31 || month == 0 || year < 1900 || year > 9999
      || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60)
    return FALSE;

  utc = g_date_time_new_utc (year, month, day, hour, minute, MIN (second, 59));
  if (utc == NULL)
    return FALSE;

  *usec = (g_date_time_to_unix (utc) - offset) * G_USEC_PER_SEC;
  return TRUE;
}

/**
 * debrief_mail_get_date:
 * @text: an e-mail, or its start
 * @usec: (out): when it was sent, from its Date header
 *
 * Returns: whether @text has headers with a Date that can be read
 */
gboolean
debrief_mail_get_date (const char *text,
                       gsize       length,
                       gint64     *usec)
{
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func ((GDestroyNotify) debrief_mail_header_free);
  DebriefTextLines reader = { text, text + MIN (length, 64 * 1024), 0 };

  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  if (!debrief_mail_read_headers (&reader, headers))
    return FALSE;

  return debrief_mail_parse_date (debrief_mail_find_header (headers, "Date"), usec);
}
