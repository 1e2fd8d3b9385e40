/* debrief-report-render.c
 *
 * A written document among the evidence, rendered to be shown readable:
 * a Markdown report with its headings, emphasis, code, lists, quotes and
 * links; an e-mail saved as .eml (debrief-report-render-mail.c) with its
 * main headers in a block and the text of its body decoded; anything else
 * as plain text.
 *
 * What is shown is not what the file says line for line (Markdown
 * paragraphs are joined, e-mail bodies are decoded), so the render keeps
 * a map from what it shows back to the lines of the file: a selection is
 * cited, and a citation selected again, by the file's own line numbers.
 *
 * The file is untrusted and may be large. The Markdown parser looks at
 * each character a bounded number of times, and very long lines are
 * broken for display (not for copying), because one paragraph of
 * megabytes would make every redraw slow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-report-render"

#include "config.h"

#include <string.h>

#include "debrief-mail.h"
#include "debrief-report-render-private.h"
#include "debrief-text.h"

/* A line longer than this is shown broken into pieces of about this size. */
#define MAX_SHOWN_LINE 2048

/* Emphasis nests no deeper than this; deeper markers are shown as typed. */
#define MAX_INLINE_DEPTH 4

/* A line of the file gets no more than this many emphasised, code or link
 * spans; the rest of it is shown as typed. Prose never has so many, and
 * each span costs the text buffer more on a line that has many. */
#define MAX_INLINE_SPANS 64

typedef enum
{
  KIND_PLAIN,
  KIND_MARKDOWN,
  KIND_EMAIL,
} Kind;

/* Building the shown text */

static void
builder_init (DebriefReportBuilder *b)
{
  memset (b, 0, sizeof *b);
  b->text = g_string_new (NULL);
  b->line_tag = -1;
  b->pending_sources = g_array_new (FALSE, FALSE, sizeof (guint));
  b->spans = g_array_new (FALSE, FALSE, sizeof (DebriefReportSpan));
  b->segments = g_array_new (FALSE, FALSE, sizeof (DebriefReportSegment));
  b->soft_breaks = g_array_new (FALSE, FALSE, sizeof (int));
}

static void
builder_clear (DebriefReportBuilder *b)
{
  if (b->text != NULL)
    g_string_free (b->text, TRUE);
  g_clear_pointer (&b->pending_sources, g_array_unref);
  g_clear_pointer (&b->spans, g_array_unref);
  g_clear_pointer (&b->segments, g_array_unref);
  g_clear_pointer (&b->soft_breaks, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DebriefReportBuilder, builder_clear)

static void
builder_span (DebriefReportBuilder *b,
              DebriefReportTag      tag,
              int                   start,
              int                   end)
{
  DebriefReportSpan span = { start, end, tag };

  if (end > start)
    g_array_append_val (b->spans, span);
}

static void
builder_source (DebriefReportBuilder *b,
                guint                 source_line)
{
  DebriefReportSegment segment = { b->n_chars, source_line };

  g_array_append_val (b->segments, segment);
}

/* A line of the file that nothing is shown for (a code fence), mapped to
 * the start of the next line shown, so that selecting it again selects
 * from there. */
static void
builder_source_hidden (DebriefReportBuilder *b,
                       guint                 source_line)
{
  g_array_append_val (b->pending_sources, source_line);
}

static void
builder_flush_hidden (DebriefReportBuilder *b)
{
  for (guint i = 0; i < b->pending_sources->len; i++)
    builder_source (b, g_array_index (b->pending_sources, guint, i));
  g_array_set_size (b->pending_sources, 0);
}

/* A line tag covers the line's newline too, so that paragraph
 * backgrounds and margins apply to empty lines. */
void
_debrief_report_builder_end_line (DebriefReportBuilder *b)
{
  if (b->line_tag >= 0)
    builder_span (b, b->line_tag, b->line_tag_start, b->n_chars + 1);
  b->line_tag = -1;
}

static void
builder_newline (DebriefReportBuilder *b)
{
  g_string_append_c (b->text, '\n');
  b->n_chars++;
  b->line_start = b->n_chars;
  b->line_bytes = 0;
}

/* Starts a line of the buffer that shows line @source_line of the file. */
void
_debrief_report_builder_start_line (DebriefReportBuilder *b,
                                    guint                 source_line,
                                    int                   line_tag)
{
  _debrief_report_builder_end_line (b);
  if (b->started)
    builder_newline (b);
  b->started = TRUE;

  builder_flush_hidden (b);
  builder_source (b, source_line);
  b->line_tag = line_tag;
  b->line_tag_start = b->line_start;
}

static void
builder_append_piece (DebriefReportBuilder *b,
                      const char           *text,
                      gsize                 length)
{
  g_string_append_len (b->text, text, length);
  b->n_chars += g_utf8_strlen (text, length);
  b->line_bytes += length;
}

/* Appends @text, breaking lines that grow past MAX_SHOWN_LINE: after a
 * space near the limit if there is one, else between two characters. */
void
_debrief_report_builder_append (DebriefReportBuilder *b,
                                const char           *text,
                                gsize                 length)
{
  while (b->line_bytes + length > MAX_SHOWN_LINE)
    {
      gsize room = MAX_SHOWN_LINE > b->line_bytes ? MAX_SHOWN_LINE - b->line_bytes : 0;
      const char *cut = text + room;
      const char *limit;
      int soft_break;

      while (cut > text && (*cut & 0xC0) == 0x80)
        cut--;
      limit = cut - text > 256 ? cut - 256 : text;
      for (const char *space = cut; space > limit; space--)
        if (space[-1] == ' ')
          {
            cut = space;
            break;
          }
      if (cut == text && b->line_bytes == 0)
        cut = g_utf8_next_char (text);

      builder_append_piece (b, text, (gsize) (cut - text));
      length -= (gsize) (cut - text);
      text = cut;

      soft_break = b->n_chars;
      g_array_append_val (b->soft_breaks, soft_break);
      builder_newline (b);
    }

  if (length > 0)
    builder_append_piece (b, text, length);
}

void
_debrief_report_builder_append_tagged (DebriefReportBuilder *b,
                                       const char           *text,
                                       gsize                 length,
                                       DebriefReportTag      tag)
{
  int start = b->n_chars;

  if (b->inline_budget > 0)
    b->inline_budget--;

  _debrief_report_builder_append (b, text, length);
  builder_span (b, tag, start, b->n_chars);
}

/* Lines of the file */

static gboolean
has_prefix (const char *text,
            const char *end,
            const char *prefix)
{
  gsize length = strlen (prefix);

  return (gsize) (end - text) >= length && g_ascii_strncasecmp (text, prefix, length) == 0;
}

/* Markdown: inline */

typedef enum
{
  MARK_CODE_1,
  MARK_CODE_2,
  MARK_STRONG_STAR,
  MARK_STRONG_UNDERSCORE,
  MARK_EM_STAR,
  MARK_EM_UNDERSCORE,
  MARK_STRIKE,
  MARK_LINK_MIDDLE,
  MARK_LINK_END,
  MARK_AUTOLINK_END,
  N_MARKS
} Mark;

/* Where, in one run of parse_inline(), a search for a closing mark has
 * already failed: it fails from anywhere after that too, so no text is
 * searched twice for the same mark. */
typedef struct
{
  const char *failed_from [N_MARKS];
} Memo;

static gboolean
is_space_at (const char *p)
{
  return g_ascii_isspace (*p);
}

static const char *
search_closer (Mark        mark,
               const char *from,
               const char *end)
{
  const char *q = from;

  while (q < end)
    {
      switch (mark)
        {
        case MARK_CODE_1:
          return memchr (q, '`', (gsize) (end - q));

        case MARK_CODE_2:
          return g_strstr_len (q, end - q, "``");

        case MARK_LINK_MIDDLE:
          return g_strstr_len (q, end - q, "](");

        case MARK_LINK_END:
          return memchr (q, ')', (gsize) (end - q));

        case MARK_AUTOLINK_END:
          return memchr (q, '>', (gsize) (end - q));

        case MARK_STRONG_STAR:
        case MARK_STRONG_UNDERSCORE:
        case MARK_STRIKE:
          {
            const char *needle = mark == MARK_STRONG_STAR ? "**" : mark == MARK_STRIKE ? "~~" : "__";

            q = g_strstr_len (q, end - q, needle);
            if (q == NULL)
              return NULL;
            if (q > from && !is_space_at (q - 1) &&
                (mark != MARK_STRONG_UNDERSCORE || q + 2 == end || !g_ascii_isalnum (q[2])))
              return q;
            q++;
          }
          break;

        case MARK_EM_STAR:
        case MARK_EM_UNDERSCORE:
          {
            char c = mark == MARK_EM_STAR ? '*' : '_';

            q = memchr (q, c, (gsize) (end - q));
            if (q == NULL)
              return NULL;
            if (q > from && !is_space_at (q - 1) && q[-1] != c &&
                (q + 1 == end || q[1] != c) &&
                (mark != MARK_EM_UNDERSCORE || q + 1 == end || !g_ascii_isalnum (q[1])))
              return q;
            q++;
          }
          break;

        case N_MARKS:
        default:
          g_assert_not_reached ();
        }
    }

  return NULL;
}

static const char *
find_closer (Memo       *memo,
             Mark        mark,
             const char *from,
             const char *end)
{
  const char *found;

  if (memo->failed_from[mark] != NULL && from >= memo->failed_from[mark])
    return NULL;

  found = search_closer (mark, from, end);
  if (found == NULL)
    memo->failed_from[mark] = from;

  return found;
}

static gboolean
is_url_start (const char *p,
              const char *start,
              const char *end)
{
  if (p > start && !g_ascii_isspace (p[-1]) && p[-1] != '(' && p[-1] != '"')
    return FALSE;

  return has_prefix (p, end, "https://") || has_prefix (p, end, "http://");
}

static void parse_inline (DebriefReportBuilder    *b,
                          const char *p,
                          const char *end,
                          guint       depth);

/* Parses the text between a pair of marks into @tag. */
static void
parse_inner (DebriefReportBuilder *b,
             const char           *start,
             const char           *end,
             guint                 depth,
             DebriefReportTag      tag)
{
  int from = b->n_chars;

  if (b->inline_budget > 0)
    b->inline_budget--;
  parse_inline (b, start, end, depth + 1);
  builder_span (b, tag, from, b->n_chars);
}

static void
parse_inline (DebriefReportBuilder *b,
              const char           *p,
              const char           *end,
              guint                 depth)
{
  const char *start = p;
  const char *run = p;
  gboolean nest = depth < MAX_INLINE_DEPTH;
  Memo memo = { { NULL, } };

  if (depth == 0)
    b->inline_budget = MAX_INLINE_SPANS;

#define FLUSH(to) G_STMT_START { _debrief_report_builder_append (b, run, (gsize) ((to) - run)); } G_STMT_END

  while (p < end)
    {
      const char *close;
      const char *middle;
      gsize n;

      if (b->inline_budget == 0)
        break;

      switch (*p)
        {
        case '\\':
          if (p + 1 < end && g_ascii_ispunct (p[1]))
            {
              FLUSH (p);
              run = p + 1;
              p += 2;
              continue;
            }
          break;

        case '`':
          n = (p + 1 < end && p[1] == '`') ? 2 : 1;
          if (p + n < end && p[n] == '`')
            {
              /* Three or more: shown as typed. */
              while (p < end && *p == '`')
                p++;
              continue;
            }
          close = find_closer (&memo, n == 1 ? MARK_CODE_1 : MARK_CODE_2, p + n, end);
          if (close != NULL && close > p + n)
            {
              FLUSH (p);
              _debrief_report_builder_append_tagged (b, p + n, (gsize) (close - p - n), DEBRIEF_REPORT_TAG_CODE);
              p = run = close + n;
              continue;
            }
          break;

        case '*':
        case '_':
        case '~':
          {
            gboolean doubled = p + 1 < end && p[1] == *p;
            Mark mark;

            if (!nest || (*p == '~' && !doubled))
              break;
            if (*p == '_' && p > start && g_ascii_isalnum (p[-1]))
              break;
            n = doubled ? 2 : 1;
            if (p + n >= end || is_space_at (p + n))
              break;

            if (*p == '~')
              mark = MARK_STRIKE;
            else if (*p == '*')
              mark = doubled ? MARK_STRONG_STAR : MARK_EM_STAR;
            else
              mark = doubled ? MARK_STRONG_UNDERSCORE : MARK_EM_UNDERSCORE;

            close = find_closer (&memo, mark, p + n, end);
            if (close != NULL)
              {
                FLUSH (p);
                parse_inner (b, p + n, close, depth,
                             mark == MARK_STRIKE ? DEBRIEF_REPORT_TAG_STRIKE : doubled ? DEBRIEF_REPORT_TAG_BOLD : DEBRIEF_REPORT_TAG_ITALIC);
                p = run = close + n;
                continue;
              }
            /* A run of markers that closes nothing is text. */
            p += n;
            continue;
          }

        case '!':
        case '[':
          {
            const char *open = *p == '!' ? p + 1 : p;

            if (!nest || open >= end || *open != '[')
              break;
            middle = find_closer (&memo, MARK_LINK_MIDDLE, open + 1, end);
            close = middle != NULL ? find_closer (&memo, MARK_LINK_END, middle + 2, end) : NULL;
            if (close != NULL)
              {
                FLUSH (p);
                /* An image shows its description, a link its text. */
                parse_inner (b, open + 1, middle, depth, *p == '!' ? DEBRIEF_REPORT_TAG_ITALIC : DEBRIEF_REPORT_TAG_LINK);
                p = run = close + 1;
                continue;
              }
          }
          break;

        case '<':
          if (has_prefix (p + 1, end, "https://") || has_prefix (p + 1, end, "http://") ||
              has_prefix (p + 1, end, "mailto:"))
            {
              close = find_closer (&memo, MARK_AUTOLINK_END, p + 1, end);
              if (close != NULL)
                {
                  FLUSH (p);
                  _debrief_report_builder_append_tagged (b, p + 1, (gsize) (close - p - 1), DEBRIEF_REPORT_TAG_LINK);
                  p = run = close + 1;
                  continue;
                }
            }
          break;

        case 'h':
        case 'H':
          if (is_url_start (p, start, end))
            {
              close = p;
              while (close < end && !g_ascii_isspace (*close))
                close++;
              while (close > p && strchr (".,;:!?)'\"", close[-1]) != NULL)
                close--;
              FLUSH (p);
              _debrief_report_builder_append_tagged (b, p, (gsize) (close - p), DEBRIEF_REPORT_TAG_LINK);
              p = run = close;
              continue;
            }
          break;

        default:
          break;
        }

      p++;
    }

  FLUSH (end);

#undef FLUSH
}

/* Markdown: blocks */

typedef enum
{
  BLOCK_NONE,
  BLOCK_PARAGRAPH,
  BLOCK_LIST,
  BLOCK_QUOTE,
  BLOCK_CODE,
} Block;

static gsize
leading_spaces (const char *line,
                gsize       length,
                guint      *columns)
{
  gsize i;

  *columns = 0;
  for (i = 0; i < length && (line[i] == ' ' || line[i] == '\t'); i++)
    *columns += line[i] == '\t' ? 4 - *columns % 4 : 1;

  return i;
}

/* "```" or "~~~", at least three; the length, or 0. */
static gsize
fence_length (const char *text,
              gsize       length,
              char        c)
{
  gsize n = 0;

  while (n < length && text[n] == c)
    n++;

  return n >= 3 ? n : 0;
}

/* A line of only '-', '*' or '_', three or more, spaces between allowed. */
static gboolean
is_rule (const char *text,
         gsize       length,
         char        c)
{
  guint n = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == c)
        n++;
      else if (text[i] != ' ' && text[i] != '\t')
        return FALSE;
    }

  return n >= 3;
}

/* The marker of a list item: its length with the space after it, or 0. */
static gsize
list_marker (const char *text,
             gsize       length,
             gboolean   *ordered)
{
  gsize i = 0;

  *ordered = FALSE;
  if (length >= 2 && (text[0] == '-' || text[0] == '*' || text[0] == '+') && text[1] == ' ')
    return 2;

  while (i < length && i < 9 && g_ascii_isdigit (text[i]))
    i++;
  if (i > 0 && i + 1 < length && (text[i] == '.' || text[i] == ')') && text[i + 1] == ' ')
    {
      *ordered = TRUE;
      return i + 2;
    }

  return 0;
}

/* Ends with a hard line break: two spaces, or a backslash. */
static gboolean
ends_hard (const char **text,
           gsize       *length)
{
  if (*length >= 2 && (*text)[*length - 1] == ' ' && (*text)[*length - 2] == ' ')
    return TRUE;
  if (*length >= 1 && (*text)[*length - 1] == '\\')
    {
      (*length)--;
      return TRUE;
    }

  return FALSE;
}

void
_debrief_report_strip (const char **text,
                       gsize       *length)
{
  while (*length > 0 && g_ascii_isspace (**text))
    {
      (*text)++;
      (*length)--;
    }
  while (*length > 0 && g_ascii_isspace ((*text)[*length - 1]))
    (*length)--;
}

static void
render_markdown (DebriefReportBuilder *b,
                 const char           *text,
                 gsize                 length)
{
  DebriefTextLines reader = { text, text + length, 0 };
  const char *line;
  gsize line_length;
  guint number;
  Block block = BLOCK_NONE;
  gboolean hard_break = FALSE;
  gboolean previous_blank = TRUE;
  char fence = 0;
  gsize fence_size = 0;
  int paragraph_start = 0;
  int code_line_start = -1;   /* of the last line of a fenced block */
  guint list_indents [4];
  guint n_list_indents = 0;

  while (debrief_text_lines_next (&reader, &line, &line_length, &number))
    {
      guint columns;
      gsize indent = leading_spaces (line, line_length, &columns);
      const char *content = line + indent;
      gsize content_length = line_length - indent;
      gboolean continues = !hard_break;
      gboolean ordered;
      gsize marker;

      hard_break = FALSE;

      /* Fences are not shown; the block's first and last lines get room
       * above and below instead. */
      if (fence != 0)
        {
          if (columns < 4 && fence_length (content, content_length, fence) >= fence_size &&
              debrief_text_is_blank (content + fence_size, content_length - fence_size))
            {
              if (code_line_start >= 0)
                builder_span (b, DEBRIEF_REPORT_TAG_CODE_LAST, code_line_start, code_line_start + 1);
              builder_source_hidden (b, number);
              fence = 0;
              continue;
            }

          _debrief_report_builder_start_line (b, number, DEBRIEF_REPORT_TAG_CODE_BLOCK);
          if (code_line_start < 0)
            builder_span (b, DEBRIEF_REPORT_TAG_CODE_FIRST, b->line_start, b->line_start + 1);
          code_line_start = b->line_start;
          _debrief_report_builder_append (b, line, line_length);
          continue;
        }

      if (debrief_text_is_blank (line, line_length))
        {
          _debrief_report_builder_start_line (b, number, block == BLOCK_CODE ? DEBRIEF_REPORT_TAG_CODE_BLOCK : -1);
          if (block != BLOCK_CODE)
            block = BLOCK_NONE;
          previous_blank = TRUE;
          continue;
        }

      if (columns >= 4 && (block == BLOCK_CODE || (block == BLOCK_NONE && previous_blank)))
        {
          gsize skip = 0;
          guint width = 0;

          while (skip < line_length && width < 4)
            width += line[skip++] == '\t' ? 4 : 1;
          _debrief_report_builder_start_line (b, number, DEBRIEF_REPORT_TAG_CODE_BLOCK);
          _debrief_report_builder_append (b, line + skip, line_length - skip);
          block = BLOCK_CODE;
          continue;
        }

      if (block == BLOCK_CODE)
        block = BLOCK_NONE;
      previous_blank = FALSE;

      if (columns < 4)
        {
          if ((fence_size = fence_length (content, content_length, '`')) > 0 ||
              (fence_size = fence_length (content, content_length, '~')) > 0)
            {
              fence = content[0];
              code_line_start = -1;
              builder_source_hidden (b, number);
              block = BLOCK_NONE;
              continue;
            }

          if (content[0] == '#')
            {
              gsize level = 0;

              while (level < content_length && content[level] == '#')
                level++;
              if (level <= 6 && (level == content_length || content[level] == ' ' || content[level] == '\t'))
                {
                  const char *heading = content + level;
                  gsize heading_length = content_length - level;

                  _debrief_report_strip (&heading, &heading_length);
                  while (heading_length > 0 && heading[heading_length - 1] == '#')
                    heading_length--;
                  _debrief_report_strip (&heading, &heading_length);

                  _debrief_report_builder_start_line (b, number, DEBRIEF_REPORT_TAG_H1 + MIN (level, 4) - 1);
                  parse_inline (b, heading, heading + heading_length, 0);
                  block = BLOCK_NONE;
                  continue;
                }
            }

          /* "Title" over "=====" or "-----". */
          if (block == BLOCK_PARAGRAPH && continues &&
              (is_rule (content, content_length, '=') || is_rule (content, content_length, '-')) &&
              memchr (content, ' ', content_length) == NULL)
            {
              b->line_tag = content[0] == '=' ? DEBRIEF_REPORT_TAG_H1 : DEBRIEF_REPORT_TAG_H2;
              b->line_tag_start = paragraph_start;
              builder_source (b, number);
              block = BLOCK_NONE;
              continue;
            }

          if (is_rule (content, content_length, '-') || is_rule (content, content_length, '*') ||
              is_rule (content, content_length, '_'))
            {
              _debrief_report_builder_start_line (b, number, DEBRIEF_REPORT_TAG_RULE);
              _debrief_report_builder_append (b, "· · ·", strlen ("· · ·"));
              block = BLOCK_NONE;
              continue;
            }

          if (content[0] == '>')
            {
              const char *quoted = content;
              gsize quoted_length = content_length;

              while (quoted_length > 0 && (*quoted == '>' || *quoted == ' '))
                {
                  quoted++;
                  quoted_length--;
                }
              hard_break = ends_hard (&quoted, &quoted_length);
              _debrief_report_strip (&quoted, &quoted_length);

              if (block == BLOCK_QUOTE && continues && quoted_length > 0)
                {
                  _debrief_report_builder_append (b, " ", 1);
                  builder_source (b, number);
                }
              else
                _debrief_report_builder_start_line (b, number, DEBRIEF_REPORT_TAG_QUOTE);
              parse_inline (b, quoted, quoted + quoted_length, 0);
              block = quoted_length > 0 ? BLOCK_QUOTE : BLOCK_NONE;
              continue;
            }

        }

      if (columns < 4 || block == BLOCK_LIST)
        {
          if ((marker = list_marker (content, content_length, &ordered)) > 0)
            {
              const char *item = content + marker;
              gsize item_length = content_length - marker;
              guint level;

              /* The level of an item: how many items above it are less indented. */
              if (block != BLOCK_LIST)
                n_list_indents = 0;
              while (n_list_indents > 0 && list_indents[n_list_indents - 1] > columns)
                n_list_indents--;
              if ((n_list_indents == 0 || list_indents[n_list_indents - 1] < columns) &&
                  n_list_indents < G_N_ELEMENTS (list_indents))
                list_indents[n_list_indents++] = columns;
              level = n_list_indents - 1;

              hard_break = ends_hard (&item, &item_length);
              _debrief_report_strip (&item, &item_length);

              _debrief_report_builder_start_line (b, number, DEBRIEF_REPORT_TAG_LIST_0 + level);
              if (ordered)
                _debrief_report_builder_append (b, content, marker);
              else
                _debrief_report_builder_append (b, "•  ", strlen ("•  "));

              if (item_length >= 3 && item[0] == '[' && item[2] == ']' &&
                  (item[1] == ' ' || item[1] == 'x' || item[1] == 'X'))
                {
                  _debrief_report_builder_append (b, item[1] == ' ' ? "☐ " : "☑ ", strlen ("☐ "));
                  item += 3;
                  item_length -= 3;
                  _debrief_report_strip (&item, &item_length);
                }

              parse_inline (b, item, item + item_length, 0);
              block = BLOCK_LIST;
              continue;
            }
        }

      if (columns < 4)
        {
          if (content[0] == '|')
            {
              _debrief_report_builder_start_line (b, number, DEBRIEF_REPORT_TAG_TABLE);
              _debrief_report_builder_append (b, line, line_length);
              block = BLOCK_NONE;
              continue;
            }
        }

      /* Text: a paragraph, or more of the one before. */
      hard_break = ends_hard (&content, &content_length);
      _debrief_report_strip (&content, &content_length);

      if (block != BLOCK_NONE && continues)
        {
          _debrief_report_builder_append (b, " ", 1);
          builder_source (b, number);
        }
      else if (block == BLOCK_LIST || block == BLOCK_QUOTE)
        _debrief_report_builder_start_line (b, number, b->line_tag);
      else
        {
          _debrief_report_builder_start_line (b, number, -1);
          paragraph_start = b->line_start;
          block = BLOCK_PARAGRAPH;
        }

      parse_inline (b, content, content + content_length, 0);
    }

  if (fence != 0 && code_line_start >= 0)
    builder_span (b, DEBRIEF_REPORT_TAG_CODE_LAST, code_line_start, code_line_start + 1);
  _debrief_report_builder_end_line (b);
  builder_flush_hidden (b);
}

/* Plain text */

static void
render_plain (DebriefReportBuilder *b,
              const char           *text,
              gsize                 length)
{
  DebriefTextLines reader = { text, text + length, 0 };
  const char *line;
  gsize line_length;
  guint number;

  while (debrief_text_lines_next (&reader, &line, &line_length, &number))
    {
      _debrief_report_builder_start_line (b, number, -1);
      _debrief_report_builder_append (b, line, line_length);
    }

  _debrief_report_builder_end_line (b);
}

static Kind
detect_kind (const char *text,
             gsize       length,
             const char *file_name)
{
  g_autofree char *lower = file_name != NULL ? g_ascii_strdown (file_name, -1) : NULL;
  DebriefTextLines reader = { text, text + MIN (length, 64 * 1024), 0 };
  const char *line;
  gsize line_length;
  guint number;

  if (lower != NULL && g_str_has_suffix (lower, ".eml"))
    return debrief_mail_looks_like (text, length, TRUE) ? KIND_EMAIL : KIND_PLAIN;
  if (lower != NULL && (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown") ||
                        g_str_has_suffix (lower, ".mdown") || g_str_has_suffix (lower, ".mkd")))
    return KIND_MARKDOWN;

  if (debrief_mail_looks_like (text, length, FALSE))
    return KIND_EMAIL;

  if (lower != NULL && !g_str_has_suffix (lower, ".txt") && strchr (lower, '.') != NULL)
    return KIND_PLAIN;

  /* Without a name that says: Markdown if it has a heading or a fence
   * near the top. */
  while (debrief_text_lines_next (&reader, &line, &line_length, &number) && number < 200)
    if ((line_length >= 2 && line[0] == '#' && (line[1] == ' ' || line[1] == '#')) ||
        fence_length (line, line_length, '`') > 0)
      return KIND_MARKDOWN;

  return KIND_PLAIN;
}

/**
 * debrief_report_render_new:
 * @text: the document, valid UTF-8
 * @length: its length in bytes, or -1 when @text ends with a NUL
 * @file_name: (nullable): the file's name, which says whether it is
 *   Markdown (.md) or an e-mail (.eml); without one, the text does
 *
 * Returns: (transfer full): the document rendered to be shown
 */
DebriefReportRender *
debrief_report_render_new (const char *text,
                           gsize       length,
                           const char *file_name)
{
  g_auto(DebriefReportBuilder) b = { NULL, };
  DebriefReportRender *render;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (text == NULL)
    text = "";
  if (length == (gsize) -1)
    length = strlen (text);
  g_return_val_if_fail (g_utf8_validate_len (text, length, NULL), NULL);

  builder_init (&b);
  switch (detect_kind (text, length, file_name))
    {
    case KIND_MARKDOWN:
      render_markdown (&b, text, length);
      break;

    case KIND_EMAIL:
      _debrief_report_render_email (&b, text, length);
      break;

    case KIND_PLAIN:
    default:
      render_plain (&b, text, length);
      break;
    }

  render = g_new0 (DebriefReportRender, 1);
  render->length = b.text->len;
  render->text = g_string_free (g_steal_pointer (&b.text), FALSE);
  render->spans = g_steal_pointer (&b.spans);
  render->segments = g_steal_pointer (&b.segments);
  render->soft_breaks = g_steal_pointer (&b.soft_breaks);

  return render;
}

void
debrief_report_render_free (DebriefReportRender *render)
{
  if (render == NULL)
    return;

  g_free (render->text);
  g_clear_pointer (&render->spans, g_array_unref);
  g_clear_pointer (&render->segments, g_array_unref);
  g_clear_pointer (&render->soft_breaks, g_array_unref);
  g_free (render);
}
