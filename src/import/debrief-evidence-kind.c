/* debrief-evidence-kind.c
 *
 * Telling what kind of evidence a file is from its first bytes.
 *
 * The content decides; the file name and media type only break ties for
 * text that says little about itself, since evidence is often renamed or
 * saved with a wrong extension. In order: image signatures; zip archives
 * (a Slack export is chat); binary data; chat exports; CSV metrics with a
 * time column; logs, where a good share of lines start with a timestamp;
 * and reports, prose or Markdown or e-mail. The user can change the kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-evidence-kind"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "debrief-chat-import.h"
#include "debrief-evidence-kind.h"
#include "debrief-metrics-csv.h"
#include "debrief-timestamp.h"
#include "debrief-zip.h"

#define MAX_LINES 200

/* Only the shape of a stamp matters here; a fixed year spares a clock
 * read per line. */
static const DebriefTimestampContext shape_context = { 2026, NULL };

typedef struct
{
  guint n_lines;        /* not blank */
  guint n_stamped;
  guint n_levelled;     /* stamped and with a level */
  guint n_since_boot;   /* stamped with a clock since boot */
  guint n_headings;     /* Markdown "# Title" */
  guint n_markdown;     /* list items, quotes, fences, tables */
  guint n_prose;        /* several words, mostly letters */
  guint n_mail_headers; /* "From:", "Subject:" … at the start */
} TextStats;

static gboolean
has_prefix (const guint8 *data,
            gsize         size,
            const char   *magic,
            gsize         length)
{
  return size >= length && memcmp (data, magic, length) == 0;
}

/* Signatures only: the image view reads the rest, and says what is wrong
 * with a file that starts well and then is damaged. */
DebriefImageFormat
debrief_image_format_detect (const guint8 *data,
                             gsize         size)
{
  g_return_val_if_fail (data != NULL || size == 0, DEBRIEF_IMAGE_FORMAT_NONE);

  if (has_prefix (data, size, "\x89PNG\r\n\x1a\n", 8))
    return DEBRIEF_IMAGE_FORMAT_PNG;
  if (has_prefix (data, size, "\xff\xd8\xff", 3))
    return DEBRIEF_IMAGE_FORMAT_JPEG;
  if (has_prefix (data, size, "GIF87a", 6) || has_prefix (data, size, "GIF89a", 6))
    return DEBRIEF_IMAGE_FORMAT_GIF;
  if (has_prefix (data, size, "RIFF", 4) && size >= 12 && memcmp (data + 8, "WEBP", 4) == 0)
    return DEBRIEF_IMAGE_FORMAT_WEBP;
  /* "BM" begins too much text: the size of the info header that follows
   * (12 bytes or more, little-endian) must be there too. */
  if (has_prefix (data, size, "BM", 2) && size >= 26 && data[14] >= 12 && data[15] == 0
      && data[16] == 0 && data[17] == 0)
    return DEBRIEF_IMAGE_FORMAT_BMP;

  return DEBRIEF_IMAGE_FORMAT_NONE;
}

/* GTK 4.8 reads PNG and JPEG itself and hands other formats to
 * gdk-pixbuf, whose loaders on Debian 12 (libgdk-pixbuf-2.0-0) read GIF
 * and BMP but not WebP: that needs webp-pixbuf-loader, which is not
 * installed with GTK. */
gboolean
debrief_image_format_can_show (DebriefImageFormat format)
{
  switch (format)
    {
    case DEBRIEF_IMAGE_FORMAT_PNG:
    case DEBRIEF_IMAGE_FORMAT_JPEG:
    case DEBRIEF_IMAGE_FORMAT_GIF:
    case DEBRIEF_IMAGE_FORMAT_BMP:
      return TRUE;

    case DEBRIEF_IMAGE_FORMAT_NONE:
    case DEBRIEF_IMAGE_FORMAT_WEBP:
    default:
      return FALSE;
    }
}

const char *
debrief_image_format_get_name (DebriefImageFormat format)
{
  switch (format)
    {
    case DEBRIEF_IMAGE_FORMAT_PNG:
      return "PNG";
    case DEBRIEF_IMAGE_FORMAT_JPEG:
      return "JPEG";
    case DEBRIEF_IMAGE_FORMAT_GIF:
      return "GIF";
    case DEBRIEF_IMAGE_FORMAT_BMP:
      return "BMP";
    case DEBRIEF_IMAGE_FORMAT_WEBP:
      return "WebP";
    case DEBRIEF_IMAGE_FORMAT_NONE:
    default:
      return "";
    }
}

/* A sample is usually only the start of the archive, and the central
 * directory is at its end; the local headers in the sample still name
 * the entries they precede. */
static gboolean
is_slack_zip (GBytes *sample)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (sample, &size);
  g_autoptr(DebriefZip) zip = debrief_zip_open_bytes (sample, NULL);

  if (zip != NULL)
    {
      for (guint i = 0; i < debrief_zip_get_n_entries (zip); i++)
        {
          if (debrief_slack_is_list_name (debrief_zip_get_entry_name (zip, i)))
            return TRUE;
        }
    }

  for (gsize i = 0; i + 30 <= size; i++)
    {
      gsize name_length;
      g_autofree char *name = NULL;

      if (memcmp (data + i, "PK\003\004", 4) != 0)
        continue;

      name_length = data[i + 26] | (data[i + 27] << 8);
      if (i + 30 + name_length > size)
        break;

      name = g_strndup ((const char *) data + i + 30, name_length);
      if (debrief_slack_is_list_name (name))
        return TRUE;
    }

  return FALSE;
}

/* Serial captures carry some line noise, so a few bad bytes are allowed. */
static gboolean
is_binary (const guint8 *data,
           gsize         size)
{
  gsize n_bad = 0;
  gsize n_control = 0;
  const char *p = (const char *) data;
  const char *end = p + size;

  for (gsize i = 0; i < size; i++)
    {
      if (data[i] == 0)
        n_bad++;
      else if (data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r'
               && data[i] != '\f' && data[i] != 0x1b)
        n_control++;
    }

  while (p < end)
    {
      const char *bad;

      if (g_utf8_validate (p, end - p, &bad))
        break;
      /* A character cut by the end of the sample is not an error. */
      if (end - bad < 4 && g_utf8_get_char_validated (bad, end - bad) == (gunichar) -2)
        break;
      if (*bad != '\0')
        n_bad++;
      p = bad + 1;
    }

  return n_bad * 50 > size || (n_bad + n_control) * 20 > size;
}

static gboolean
is_prose (const char *line,
          gsize       length)
{
  guint n_words = 0;
  gsize n_letters = 0;
  gboolean in_word = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) line[i];

      if (g_ascii_isalpha (c) || c >= 0x80)
        n_letters++;
      if (g_ascii_isspace (c))
        in_word = FALSE;
      else if (!in_word)
        {
          in_word = TRUE;
          n_words++;
        }
    }

  return n_words >= 5 && n_letters * 10 >= length * 6;
}

static gboolean
is_mail_header (const char *line,
                gsize       length)
{
  static const char * const names[] = {
    "From:", "To:", "Cc:", "Subject:", "Date:", "Message-ID:", "MIME-Version:",
    "Content-Type:", "Received:", "Return-Path:", "Reply-To:",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gsize n = strlen (names[i]);

      if (length >= n && g_ascii_strncasecmp (line, names[i], n) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Where the stamps of the sample's lines are: at their start, or after
 * a few words (a label, a host, a sequence number) that a line read alone
 * could not tell from prose.
 */
static DebriefTimestampLayout
sample_layout (const char *text,
               gsize       length)
{
  const char *lines[MAX_LINES];
  gsize lengths[MAX_LINES];
  const char *end = text + length;
  const char *p = text;
  guint n = 0;

  while (p < end && n < MAX_LINES)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      const char *line_end = eol != NULL ? eol : end;

      if (line_end > p && line_end[-1] == '\r')
        line_end--;
      if (line_end > p)
        {
          lines[n] = p;
          lengths[n] = (gsize) (line_end - p);
          n++;
        }
      p = eol != NULL ? eol + 1 : end;
    }

  return debrief_timestamp_detect_layout (lines, lengths, n, &shape_context);
}

static void
collect_stats (const char *text,
               gsize       length,
               TextStats  *stats)
{
  const char *end = text + length;
  const char *p = text;
  gboolean in_mail_header = TRUE;
  DebriefTimestampLayout layout = sample_layout (text, length);

  memset (stats, 0, sizeof *stats);

  while (p < end && stats->n_lines < MAX_LINES)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      const char *line_end = eol != NULL ? eol : end;
      const char *q = p;
      gsize line_length;
      DebriefLogStamp stamp;

      if (line_end > p && line_end[-1] == '\r')
        line_end--;
      line_length = (gsize) (line_end - p);

      while (q < line_end && (*q == ' ' || *q == '\t'))
        q++;

      if (q == line_end)
        {
          in_mail_header = FALSE;
        }
      else
        {
          gsize rest = (gsize) (line_end - q);

          stats->n_lines++;

          if (in_mail_header && is_mail_header (p, line_length))
            stats->n_mail_headers++;
          else if (!(in_mail_header && (*p == ' ' || *p == '\t')))
            in_mail_header = FALSE;

          if (debrief_timestamp_parse_line_layout (p, line_length, &layout, &shape_context, &stamp))
            {
              stats->n_stamped++;
              if (stamp.level != DEBRIEF_LOG_LEVEL_NONE)
                stats->n_levelled++;
              if (stamp.since_boot)
                stats->n_since_boot++;
            }
          else if (*q == '#' && rest >= 2 && (q[1] == ' ' || q[1] == '#'))
            stats->n_headings++;
          else if ((rest >= 2 && (q[0] == '-' || q[0] == '*' || q[0] == '>') && q[1] == ' ')
                   || g_str_has_prefix (q, "```") || *q == '|')
            stats->n_markdown++;

          if (is_prose (q, rest))
            stats->n_prose++;
        }

      p = eol != NULL ? eol + 1 : end;
    }
}

static gboolean
is_metrics (const char *text,
            gsize       length)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DebriefMetricsTable) table = NULL;
  const char *eol = memchr (text, '\n', length);
  DebriefLogStamp stamp;
  guint n_rows;

  /* A header, then rows. */
  if (eol == NULL || (memchr (text, ',', eol - text) == NULL
                      && memchr (text, ';', eol - text) == NULL
                      && memchr (text, '\t', eol - text) == NULL))
    return FALSE;

  /* A log written as CSV has no header: its first line is already a
   * record. */
  if (debrief_timestamp_parse_line (text, eol - text, DEBRIEF_TS_NONE, &shape_context, &stamp))
    return FALSE;

  bytes = g_bytes_new_static (text, length);
  table = debrief_metrics_csv_parse_bytes (bytes, NULL, NULL);
  if (table == NULL || table->series->len == 0)
    return FALSE;

  n_rows = table->times->len;
  return n_rows > 0
         && table->n_ragged_rows * 2 <= n_rows
         && table->n_bad_times * 5 <= n_rows + table->n_bad_times;
}

static DebriefEvidenceKind
kind_from_hints (const char *file_name,
                 const char *media_type)
{
  static const char * const log_suffixes[] = { ".log", ".out", ".cap", ".uart", ".dmesg", ".syslog" };
  static const char * const report_suffixes[] = { ".md", ".markdown", ".txt", ".eml", ".rst", ".adoc" };
  g_autofree char *lower = file_name != NULL ? g_ascii_strdown (file_name, -1) : NULL;

  if (lower != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (log_suffixes); i++)
        {
          if (g_str_has_suffix (lower, log_suffixes[i]))
            return DEBRIEF_EVIDENCE_KIND_LOG;
        }
      for (guint i = 0; i < G_N_ELEMENTS (report_suffixes); i++)
        {
          if (g_str_has_suffix (lower, report_suffixes[i]))
            return DEBRIEF_EVIDENCE_KIND_REPORT;
        }
    }

  if (media_type != NULL)
    {
      if (g_str_equal (media_type, "text/x-log"))
        return DEBRIEF_EVIDENCE_KIND_LOG;
      if (g_str_equal (media_type, "text/markdown") || g_str_equal (media_type, "message/rfc822")
          || g_str_equal (media_type, "text/plain"))
        return DEBRIEF_EVIDENCE_KIND_REPORT;
    }

  return DEBRIEF_EVIDENCE_KIND_OTHER;
}

/**
 * debrief_evidence_detect_kind:
 * @sample: the first bytes of the file, up to DEBRIEF_EVIDENCE_SAMPLE_SIZE
 *   (or all of it)
 * @file_name: (nullable): the file's name, for text that is unclear
 * @media_type: (nullable): a MIME type from elsewhere, likewise
 *
 * Returns: the kind the file most likely is
 */
DebriefEvidenceKind
debrief_evidence_detect_kind (GBytes     *sample,
                              const char *file_name,
                              const char *media_type)
{
  const guint8 *data;
  gsize size;
  const char *text;
  const char *cut;
  g_autoptr(GBytes) head = NULL;
  DebriefChatFormat chat;
  TextStats stats;
  gboolean looks_like_document;

  g_return_val_if_fail (sample != NULL, DEBRIEF_EVIDENCE_KIND_OTHER);

  data = g_bytes_get_data (sample, &size);
  size = MIN (size, (gsize) DEBRIEF_EVIDENCE_SAMPLE_SIZE);
  if (data == NULL || size == 0)
    return DEBRIEF_EVIDENCE_KIND_OTHER;

  /* Every image is called one, even of a format that cannot be shown: the
   * import keeps that as another file and says why. */
  if (debrief_image_format_detect (data, size) != DEBRIEF_IMAGE_FORMAT_NONE)
    return DEBRIEF_EVIDENCE_KIND_IMAGE;

  if (has_prefix (data, size, "PK\003\004", 4))
    return is_slack_zip (sample) ? DEBRIEF_EVIDENCE_KIND_CHAT : DEBRIEF_EVIDENCE_KIND_OTHER;

  /* Vendors send their reports as PDF. */
  if (has_prefix (data, size, "%PDF-", 5))
    return DEBRIEF_EVIDENCE_KIND_REPORT;

  if (has_prefix (data, size, "\xef\xbb\xbf", 3))
    {
      data += 3;
      size -= 3;
      if (size == 0)
        return DEBRIEF_EVIDENCE_KIND_OTHER;
    }

  if (is_binary (data, size))
    return DEBRIEF_EVIDENCE_KIND_OTHER;

  /* The last line of a sample may be cut short. */
  text = (const char *) data;
  cut = g_bytes_get_size (sample) >= DEBRIEF_EVIDENCE_SAMPLE_SIZE
        ? g_strrstr_len (text, size, "\n") : NULL;
  if (cut != NULL)
    size = (gsize) (cut - text) + 1;
  head = g_bytes_new_static (text, size);

  collect_stats (text, size, &stats);
  if (stats.n_lines == 0)
    return DEBRIEF_EVIDENCE_KIND_OTHER;

  chat = debrief_chat_detect (head, NULL);
  if (chat == DEBRIEF_CHAT_FORMAT_SLACK || chat == DEBRIEF_CHAT_FORMAT_MATTERMOST)
    return DEBRIEF_EVIDENCE_KIND_CHAT;

  if (is_metrics (text, size))
    return DEBRIEF_EVIDENCE_KIND_METRICS;

  looks_like_document = stats.n_mail_headers >= 2 || stats.n_headings > 0;

  /* "[2026-03-14 02:11:07] wifi: connected" reads as a transcript too: a
   * log says how severe its lines are, or counts time since boot. And a
   * single quoted line does not make a report a transcript. */
  if (chat == DEBRIEF_CHAT_FORMAT_TRANSCRIPT && !looks_like_document
      && !(stats.n_stamped * 10 >= stats.n_lines * 3
           && (stats.n_levelled * 5 >= stats.n_stamped || stats.n_since_boot * 2 >= stats.n_stamped)))
    return DEBRIEF_EVIDENCE_KIND_CHAT;

  /* A report quotes log lines; a log has no headings. */
  if (looks_like_document ? stats.n_stamped * 10 >= stats.n_lines * 6
                          : stats.n_stamped * 10 >= stats.n_lines * 3)
    return DEBRIEF_EVIDENCE_KIND_LOG;

  if (looks_like_document || stats.n_prose * 10 >= stats.n_lines * 3
      || (stats.n_markdown + stats.n_prose) * 2 >= stats.n_lines)
    return DEBRIEF_EVIDENCE_KIND_REPORT;

  switch (kind_from_hints (file_name, media_type))
    {
    case DEBRIEF_EVIDENCE_KIND_LOG:
      return DEBRIEF_EVIDENCE_KIND_LOG;
    case DEBRIEF_EVIDENCE_KIND_REPORT:
      return DEBRIEF_EVIDENCE_KIND_REPORT;
    case DEBRIEF_EVIDENCE_KIND_METRICS:
    case DEBRIEF_EVIDENCE_KIND_CHAT:
    case DEBRIEF_EVIDENCE_KIND_IMAGE:
    case DEBRIEF_EVIDENCE_KIND_OTHER:
    default:
      return DEBRIEF_EVIDENCE_KIND_OTHER;
    }
}

const char *
debrief_evidence_kind_get_name (DebriefEvidenceKind kind)
{
  switch (kind)
    {
    case DEBRIEF_EVIDENCE_KIND_LOG:
      return _("Log");
    case DEBRIEF_EVIDENCE_KIND_METRICS:
      return _("Metrics");
    case DEBRIEF_EVIDENCE_KIND_CHAT:
      return _("Chat");
    case DEBRIEF_EVIDENCE_KIND_REPORT:
      return _("Report");
    case DEBRIEF_EVIDENCE_KIND_IMAGE:
      return _("Image");
    case DEBRIEF_EVIDENCE_KIND_OTHER:
      return _("Other file");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Symbolic icons of the Adwaita icon theme. */
const char *
debrief_evidence_kind_get_icon_name (DebriefEvidenceKind kind)
{
  switch (kind)
    {
    case DEBRIEF_EVIDENCE_KIND_LOG:
      return "utilities-terminal-symbolic";
    case DEBRIEF_EVIDENCE_KIND_METRICS:
      return "x-office-spreadsheet-symbolic";
    case DEBRIEF_EVIDENCE_KIND_CHAT:
      return "chat-message-new-symbolic";
    case DEBRIEF_EVIDENCE_KIND_REPORT:
      return "x-office-document-symbolic";
    case DEBRIEF_EVIDENCE_KIND_IMAGE:
      return "image-x-generic-symbolic";
    case DEBRIEF_EVIDENCE_KIND_OTHER:
      return "text-x-generic-symbolic";
    default:
      g_return_val_if_reached (NULL);
    }
}
