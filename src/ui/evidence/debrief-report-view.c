/* debrief-report-view.c
 *
 * A written document among the evidence, shown readable: a Markdown
 * report with its headings, emphasis, code, lists, quotes and links
 * rendered; an e-mail saved as .eml with its main headers in a block and
 * the text of its body decoded; anything else as plain text.
 *
 * What is shown is not what the file says line for line (Markdown
 * paragraphs are joined, e-mail bodies are decoded), so the view keeps a
 * map from what it shows back to the lines of the file: a selection is
 * cited, and a citation selected again, by the file's own line numbers.
 *
 * The file is untrusted and may be large. The Markdown parser looks at
 * each character a bounded number of times, and very long lines are
 * broken for display (not for copying), because one paragraph of
 * megabytes would make every redraw slow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-report-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "debrief-report-view.h"

/* A line longer than this is shown broken into pieces of about this size. */
#define MAX_SHOWN_LINE 2048

/* Emphasis nests no deeper than this; deeper markers are shown as typed. */
#define MAX_INLINE_DEPTH 4

/* A line of the file gets no more than this many emphasised, code or link
 * spans; the rest of it is shown as typed. Prose never has so many, and
 * each span costs the text buffer more on a line that has many. */
#define MAX_INLINE_SPANS 64

/* Multipart e-mails nest no deeper than this. */
#define MAX_PART_DEPTH 8

typedef enum
{
  TAG_H1,
  TAG_H2,
  TAG_H3,
  TAG_H4,
  TAG_CODE_BLOCK,
  TAG_CODE_FIRST,
  TAG_CODE_LAST,
  TAG_TABLE,
  TAG_QUOTE,
  TAG_LIST_0,
  TAG_LIST_1,
  TAG_LIST_2,
  TAG_LIST_3,
  TAG_RULE,
  TAG_HEADER,
  TAG_NOTICE,
  TAG_BOLD,
  TAG_ITALIC,
  TAG_STRIKE,
  TAG_CODE,
  TAG_LINK,
  TAG_HEADER_NAME,
  N_TAGS
} Tag;

typedef enum
{
  KIND_PLAIN,
  KIND_MARKDOWN,
  KIND_EMAIL,
} Kind;

/* Where a piece of the shown text comes from: from @offset (in
 * characters of the buffer) up to the next segment, line @source_line
 * of the file. */
typedef struct
{
  int   offset;
  guint source_line;
} Segment;

struct _DebriefReportView
{
  GtkWidget          parent_instance;

  GtkTextBuffer     *buffer;
  GtkTextTag        *tags [N_TAGS];
  GArray            *segments;     /* of Segment, by offset and by line */
  GArray            *soft_breaks;  /* of int: offsets of newlines the file does not have */
  int                selection_start;
  int                selection_end;

  GtkScrolledWindow *scroller;
  GtkTextView       *text_view;
};

G_DEFINE_FINAL_TYPE (DebriefReportView, debrief_report_view, GTK_TYPE_WIDGET)

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Building the shown text */

typedef struct
{
  int      start;
  int      end;
  Tag      tag;
} Span;

typedef struct
{
  GString *text;
  int      n_chars;
  gboolean started;
  gsize    line_bytes;     /* on the current line of the buffer */
  int      line_start;     /* offset of the current line of the buffer */
  int      line_tag;       /* a Tag over the current line, or -1 */
  int      line_tag_start;
  guint    inline_budget;  /* spans left for the line of the file */
  GArray  *pending_sources; /* of guint: lines shown by nothing, mapped to what follows */
  GArray  *spans;
  GArray  *segments;
  GArray  *soft_breaks;
} Builder;

static void
builder_init (Builder *b)
{
  memset (b, 0, sizeof *b);
  b->text = g_string_new (NULL);
  b->line_tag = -1;
  b->pending_sources = g_array_new (FALSE, FALSE, sizeof (guint));
  b->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  b->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  b->soft_breaks = g_array_new (FALSE, FALSE, sizeof (int));
}

static void
builder_clear (Builder *b)
{
  if (b->text != NULL)
    g_string_free (b->text, TRUE);
  g_clear_pointer (&b->pending_sources, g_array_unref);
  g_clear_pointer (&b->spans, g_array_unref);
  g_clear_pointer (&b->segments, g_array_unref);
  g_clear_pointer (&b->soft_breaks, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Builder, builder_clear)

static void
builder_span (Builder *b,
              Tag      tag,
              int      start,
              int      end)
{
  Span span = { start, end, tag };

  if (end > start)
    g_array_append_val (b->spans, span);
}

static void
builder_source (Builder *b,
                guint    source_line)
{
  Segment segment = { b->n_chars, source_line };

  g_array_append_val (b->segments, segment);
}

/* A line of the file that nothing is shown for (a code fence), mapped to
 * the start of the next line shown, so that selecting it again selects
 * from there. */
static void
builder_source_hidden (Builder *b,
                       guint    source_line)
{
  g_array_append_val (b->pending_sources, source_line);
}

static void
builder_flush_hidden (Builder *b)
{
  for (guint i = 0; i < b->pending_sources->len; i++)
    builder_source (b, g_array_index (b->pending_sources, guint, i));
  g_array_set_size (b->pending_sources, 0);
}

/* A line tag covers the line's newline too, so that paragraph
 * backgrounds and margins apply to empty lines. */
static void
builder_end_line (Builder *b)
{
  if (b->line_tag >= 0)
    builder_span (b, b->line_tag, b->line_tag_start, b->n_chars + 1);
  b->line_tag = -1;
}

static void
builder_newline (Builder *b)
{
  g_string_append_c (b->text, '\n');
  b->n_chars++;
  b->line_start = b->n_chars;
  b->line_bytes = 0;
}

/* Starts a line of the buffer that shows line @source_line of the file. */
static void
builder_start_line (Builder *b,
                    guint    source_line,
                    int      line_tag)
{
  builder_end_line (b);
  if (b->started)
    builder_newline (b);
  b->started = TRUE;

  builder_flush_hidden (b);
  builder_source (b, source_line);
  b->line_tag = line_tag;
  b->line_tag_start = b->line_start;
}

static void
builder_append_piece (Builder    *b,
                      const char *text,
                      gsize       length)
{
  g_string_append_len (b->text, text, length);
  b->n_chars += g_utf8_strlen (text, length);
  b->line_bytes += length;
}

/* Appends @text, breaking lines that grow past MAX_SHOWN_LINE: after a
 * space near the limit if there is one, else between two characters. */
static void
builder_append (Builder    *b,
                const char *text,
                gsize       length)
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

static void
builder_append_tagged (Builder    *b,
                       const char *text,
                       gsize       length,
                       Tag         tag)
{
  int start = b->n_chars;

  if (b->inline_budget > 0)
    b->inline_budget--;

  builder_append (b, text, length);
  builder_span (b, tag, start, b->n_chars);
}

/* Lines of the file */

typedef struct
{
  const char *p;
  const char *end;
  guint       number;   /* of the next line, from 0 */
} LineReader;

static gboolean
next_line (LineReader  *reader,
           const char **line,
           gsize       *length,
           guint       *number)
{
  const char *eol;

  if (reader->p >= reader->end)
    return FALSE;

  eol = memchr (reader->p, '\n', (gsize) (reader->end - reader->p));
  *line = reader->p;
  *length = (gsize) ((eol != NULL ? eol : reader->end) - reader->p);
  *number = reader->number++;
  reader->p = eol != NULL ? eol + 1 : reader->end;

  if (*length > 0 && (*line)[*length - 1] == '\r')
    (*length)--;

  return TRUE;
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;

  return TRUE;
}

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

static void parse_inline (Builder    *b,
                          const char *p,
                          const char *end,
                          guint       depth);

/* Parses the text between a pair of marks into @tag. */
static void
parse_inner (Builder    *b,
             const char *start,
             const char *end,
             guint       depth,
             Tag         tag)
{
  int from = b->n_chars;

  if (b->inline_budget > 0)
    b->inline_budget--;
  parse_inline (b, start, end, depth + 1);
  builder_span (b, tag, from, b->n_chars);
}

static void
parse_inline (Builder    *b,
              const char *p,
              const char *end,
              guint       depth)
{
  const char *start = p;
  const char *run = p;
  gboolean nest = depth < MAX_INLINE_DEPTH;
  Memo memo = { { NULL, } };

  if (depth == 0)
    b->inline_budget = MAX_INLINE_SPANS;

#define FLUSH(to) G_STMT_START { builder_append (b, run, (gsize) ((to) - run)); } G_STMT_END

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
              builder_append_tagged (b, p + n, (gsize) (close - p - n), TAG_CODE);
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
                             mark == MARK_STRIKE ? TAG_STRIKE : doubled ? TAG_BOLD : TAG_ITALIC);
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
                parse_inner (b, open + 1, middle, depth, *p == '!' ? TAG_ITALIC : TAG_LINK);
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
                  builder_append_tagged (b, p + 1, (gsize) (close - p - 1), TAG_LINK);
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
              builder_append_tagged (b, p, (gsize) (close - p), TAG_LINK);
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

static void
strip (const char **text,
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
render_markdown (Builder    *b,
                 const char *text,
                 gsize       length)
{
  LineReader reader = { text, text + length, 0 };
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

  while (next_line (&reader, &line, &line_length, &number))
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
              is_blank (content + fence_size, content_length - fence_size))
            {
              if (code_line_start >= 0)
                builder_span (b, TAG_CODE_LAST, code_line_start, code_line_start + 1);
              builder_source_hidden (b, number);
              fence = 0;
              continue;
            }

          builder_start_line (b, number, TAG_CODE_BLOCK);
          if (code_line_start < 0)
            builder_span (b, TAG_CODE_FIRST, b->line_start, b->line_start + 1);
          code_line_start = b->line_start;
          builder_append (b, line, line_length);
          continue;
        }

      if (is_blank (line, line_length))
        {
          builder_start_line (b, number, block == BLOCK_CODE ? TAG_CODE_BLOCK : -1);
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
          builder_start_line (b, number, TAG_CODE_BLOCK);
          builder_append (b, line + skip, line_length - skip);
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

                  strip (&heading, &heading_length);
                  while (heading_length > 0 && heading[heading_length - 1] == '#')
                    heading_length--;
                  strip (&heading, &heading_length);

                  builder_start_line (b, number, TAG_H1 + MIN (level, 4) - 1);
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
              b->line_tag = content[0] == '=' ? TAG_H1 : TAG_H2;
              b->line_tag_start = paragraph_start;
              builder_source (b, number);
              block = BLOCK_NONE;
              continue;
            }

          if (is_rule (content, content_length, '-') || is_rule (content, content_length, '*') ||
              is_rule (content, content_length, '_'))
            {
              builder_start_line (b, number, TAG_RULE);
              builder_append (b, "· · ·", strlen ("· · ·"));
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
              strip (&quoted, &quoted_length);

              if (block == BLOCK_QUOTE && continues && quoted_length > 0)
                {
                  builder_append (b, " ", 1);
                  builder_source (b, number);
                }
              else
                builder_start_line (b, number, TAG_QUOTE);
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
              strip (&item, &item_length);

              builder_start_line (b, number, TAG_LIST_0 + level);
              if (ordered)
                builder_append (b, content, marker);
              else
                builder_append (b, "•  ", strlen ("•  "));

              if (item_length >= 3 && item[0] == '[' && item[2] == ']' &&
                  (item[1] == ' ' || item[1] == 'x' || item[1] == 'X'))
                {
                  builder_append (b, item[1] == ' ' ? "☐ " : "☑ ", strlen ("☐ "));
                  item += 3;
                  item_length -= 3;
                  strip (&item, &item_length);
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
              builder_start_line (b, number, TAG_TABLE);
              builder_append (b, line, line_length);
              block = BLOCK_NONE;
              continue;
            }
        }

      /* Text: a paragraph, or more of the one before. */
      hard_break = ends_hard (&content, &content_length);
      strip (&content, &content_length);

      if (block != BLOCK_NONE && continues)
        {
          builder_append (b, " ", 1);
          builder_source (b, number);
        }
      else if (block == BLOCK_LIST || block == BLOCK_QUOTE)
        builder_start_line (b, number, b->line_tag);
      else
        {
          builder_start_line (b, number, -1);
          paragraph_start = b->line_start;
          block = BLOCK_PARAGRAPH;
        }

      parse_inline (b, content, content + content_length, 0);
    }

  if (fence != 0 && code_line_start >= 0)
    builder_span (b, TAG_CODE_LAST, code_line_start, code_line_start + 1);
  builder_end_line (b);
  builder_flush_hidden (b);
}

/* Plain text */

static void
render_plain (Builder    *b,
              const char *text,
              gsize       length)
{
  LineReader reader = { text, text + length, 0 };
  const char *line;
  gsize line_length;
  guint number;

  while (next_line (&reader, &line, &line_length, &number))
    {
      builder_start_line (b, number, -1);
      builder_append (b, line, line_length);
    }

  builder_end_line (b);
}

/* E-mail */

typedef struct
{
  char  *name;
  char  *value;
  guint  line;
} Header;

static void
header_free (Header *header)
{
  g_free (header->name);
  g_free (header->value);
  g_free (header);
}

/* Reads the header lines from @reader up to the blank line that ends
 * them, unfolding continued ones. FALSE if a line is not a header. */
static gboolean
read_headers (LineReader *reader,
              GPtrArray  *headers)
{
  const char *line;
  gsize length;
  guint number;

  while (next_line (reader, &line, &length, &number))
    {
      const char *colon;
      Header *header;

      if (length == 0)
        return TRUE;

      if (line[0] == ' ' || line[0] == '\t')
        {
          Header *last;
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

      header = g_new0 (Header, 1);
      header->name = g_strndup (line, (gsize) (colon - line));
      header->value = g_strstrip (g_strndup (colon + 1, (gsize) (line + length - colon - 1)));
      header->line = number;
      g_ptr_array_add (headers, header);
    }

  return TRUE;
}

static const char *
find_header (GPtrArray  *headers,
             const char *name)
{
  for (guint i = 0; i < headers->len; i++)
    {
      Header *header = g_ptr_array_index (headers, i);

      if (g_ascii_strcasecmp (header->name, name) == 0)
        return header->value;
    }

  return NULL;
}

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

static gboolean
looks_like_email (const char *text,
                  gsize       length,
                  gboolean    named_eml)
{
  static const char * const known[] = {
    "From", "To", "Cc", "Subject", "Date", "Message-ID", "Received", "MIME-Version",
    "Return-Path", "Delivered-To", "Reply-To", "Content-Type", "In-Reply-To", "References",
  };
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func ((GDestroyNotify) header_free);
  LineReader reader = { text, text + MIN (length, 64 * 1024), 0 };
  guint n_known = 0;

  if (!read_headers (&reader, headers))
    return FALSE;

  for (guint i = 0; i < headers->len; i++)
    {
      Header *header = g_ptr_array_index (headers, i);

      for (guint k = 0; k < G_N_ELEMENTS (known); k++)
        if (g_ascii_strcasecmp (header->name, known[k]) == 0)
          n_known++;
    }

  return n_known >= (named_eml ? 1 : 2);
}

/* Text in a character set, as valid UTF-8 without NUL characters. */
static char *
to_utf8 (const char *data,
         gsize       length,
         const char *charset)
{
  g_autofree char *converted = NULL;
  gsize converted_length = 0;

  if (charset != NULL && *charset != '\0' &&
      g_ascii_strcasecmp (charset, "utf-8") != 0 && g_ascii_strcasecmp (charset, "utf8") != 0 &&
      g_ascii_strcasecmp (charset, "us-ascii") != 0)
    converted = g_convert (data, (gssize) length, "UTF-8", charset, NULL, &converted_length, NULL);

  /* NUL characters are invalid to g_utf8_make_valid() too, and the text
   * buffer would refuse them. */
  if (converted != NULL)
    return g_utf8_make_valid (converted, (gssize) converted_length);

  return g_utf8_make_valid (data, (gssize) length);
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
static void
decode_qp (GByteArray *out,
           const char *text,
           gsize       length,
           gboolean    underscores)
{
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

static GByteArray *
decode_base64 (const char *text,
               gsize       length)
{
  g_autoptr(GString) clean = g_string_sized_new (length);
  guchar *data;
  gsize data_length = 0;

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
static char *
decode_header_value (const char *value)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = value;
  gboolean after_word = FALSE;

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
                  decode_qp (bytes, q2 + 1, (gsize) (close - q2 - 1), TRUE);
                }
              else if (q1[1] == 'B' || q1[1] == 'b')
                bytes = decode_base64 (q2 + 1, (gsize) (close - q2 - 1));

              if (bytes != NULL)
                {
                  decoded = to_utf8 ((const char *) bytes->data, bytes->len, charset_name);
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

  return g_utf8_make_valid (out->str, (gssize) out->len);
}

typedef struct
{
  char       *type;       /* lower case, "text/plain" when not given */
  char       *charset;
  char       *boundary;
  char       *encoding;   /* lower case, nullable */
  gboolean    attachment;
} PartInfo;

static void
part_info_clear (PartInfo *info)
{
  g_free (info->type);
  g_free (info->charset);
  g_free (info->boundary);
  g_free (info->encoding);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PartInfo, part_info_clear)

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

static void
part_info_read (PartInfo  *info,
                GPtrArray *headers)
{
  const char *content_type = find_header (headers, "Content-Type");
  const char *encoding = find_header (headers, "Content-Transfer-Encoding");
  const char *disposition = find_header (headers, "Content-Disposition");

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
static char *
html_to_text (const char *html)
{
  static const char * const breaks[] = {
    "br", "p", "/p", "div", "/div", "tr", "/tr", "li", "/li", "h1", "h2", "h3", "h4",
    "/h1", "/h2", "/h3", "/h4", "/table", "blockquote", "/blockquote", "hr",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = html;

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

  return g_utf8_make_valid (out->str, (gssize) out->len);
}

/* Decoded text of a body, as lines all from @source_line. */
static void
render_decoded_lines (Builder    *b,
                      const char *text,
                      guint       source_line,
                      gboolean    collapse_blank)
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
        strip (&line, &length);

      if (!(collapse_blank && length == 0 && previous_blank))
        {
          builder_start_line (b, source_line, length > 0 && line[0] == '>' ? TAG_QUOTE : -1);
          builder_append (b, line, length);
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
render_text_body (Builder    *b,
                  PartInfo   *info,
                  LineReader *reader)
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
        bytes = decode_base64 (start, (gsize) (end - start));
      else
        {
          bytes = g_byte_array_new ();
          if (qp)
            {
              /* Soft line breaks first: "=" at the end of a line joins it to the next. */
              g_autoptr(GString) joined = g_string_new (NULL);
              LineReader lines = { start, end, 0 };

              while (next_line (&lines, &line, &length, &number))
                {
                  if (length > 0 && line[length - 1] == '=')
                    g_string_append_len (joined, line, (gssize) length - 1);
                  else
                    {
                      g_string_append_len (joined, line, (gssize) length);
                      g_string_append_c (joined, '\n');
                    }
                }
              decode_qp (bytes, joined->str, joined->len, FALSE);
            }
          else
            g_byte_array_append (bytes, (const guint8 *) start, (guint) (end - start));
        }

      text = to_utf8 ((const char *) bytes->data, bytes->len, info->charset);
      if (html)
        {
          g_autofree char *plain = html_to_text (text);

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

      while (next_line (reader, &line, &length, &number))
        {
          gboolean soft;
          g_autofree char *text = NULL;

          /* Trailing spaces are padding in quoted-printable. */
          while (length > 0 && (line[length - 1] == ' ' || line[length - 1] == '\t'))
            length--;
          soft = length > 0 && line[length - 1] == '=';
          if (bytes->len == 0)
            start_line = number;
          decode_qp (bytes, line, soft ? length - 1 : length, FALSE);
          if (soft)
            continue;

          text = to_utf8 ((const char *) bytes->data, bytes->len, info->charset);
          builder_start_line (b, start_line, text[0] == '>' ? TAG_QUOTE : -1);
          builder_append (b, text, strlen (text));
          g_byte_array_set_size (bytes, 0);
        }

      if (bytes->len > 0)
        {
          g_autofree char *text = to_utf8 ((const char *) bytes->data, bytes->len, info->charset);

          builder_start_line (b, start_line, -1);
          builder_append (b, text, strlen (text));
        }
      return;
    }

  while (next_line (reader, &line, &length, &number))
    {
      builder_start_line (b, number, length > 0 && line[0] == '>' ? TAG_QUOTE : -1);
      builder_append (b, line, length);
    }
}

/* Shows the first text part of an entity whose headers have been read
 * from @reader: text/plain, or text/html when @html_ok. */
static gboolean
render_entity (Builder    *b,
               GPtrArray  *headers,
               LineReader *reader,
               gboolean    html_ok,
               guint       depth)
{
  g_auto(PartInfo) info = { NULL, };

  part_info_read (&info, headers);

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
          gboolean more = next_line (reader, &line, &length, &number);
          gboolean is_delimiter = more && length >= strlen (delimiter) &&
                                  strncmp (line, delimiter, strlen (delimiter)) == 0;

          if ((is_delimiter || !more) && part_start != NULL)
            {
              g_autoptr(GPtrArray) part_headers = g_ptr_array_new_with_free_func ((GDestroyNotify) header_free);
              LineReader part = { part_start, line_start, part_line };

              /* The newline before a delimiter belongs to the delimiter. */
              if (part.end > part.p && part.end[-1] == '\n')
                part.end--;
              if (read_headers (&part, part_headers) &&
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

static void
render_email (Builder    *b,
              const char *text,
              gsize       length)
{
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func ((GDestroyNotify) header_free);
  LineReader reader = { text, text + length, 0 };
  LineReader body;

  read_headers (&reader, headers);

  for (guint i = 0; i < headers->len; i++)
    {
      Header *header = g_ptr_array_index (headers, i);
      const char *label = shown_header_label (header->name);
      g_autofree char *value = NULL;
      g_autofree char *name = NULL;

      if (label == NULL)
        continue;

      value = decode_header_value (header->value);
      /* Translators: an e-mail header's name before its value, "From:" */
      name = g_strdup_printf (_("%s:"), label);
      builder_start_line (b, header->line, TAG_HEADER);
      builder_append_tagged (b, name, strlen (name), TAG_HEADER_NAME);
      builder_append (b, "\t", 1);
      if (g_ascii_strcasecmp (header->name, "Subject") == 0)
        builder_append_tagged (b, value, strlen (value), TAG_BOLD);
      else
        builder_append (b, value, strlen (value));
    }

  /* The blank line between the headers and the body. */
  builder_start_line (b, reader.number > 0 ? reader.number - 1 : 0, -1);

  body = reader;
  if (!render_entity (b, headers, &body, FALSE, 0))
    {
      body = reader;
      if (!render_entity (b, headers, &body, TRUE, 0))
        {
          const char *notice = _("This e-mail has no text that Debrief can show, only attachments or other parts.");

          builder_start_line (b, reader.number, TAG_NOTICE);
          builder_append (b, notice, strlen (notice));
        }
    }

  builder_end_line (b);
}

static Kind
detect_kind (const char *text,
             gsize       length,
             const char *file_name)
{
  g_autofree char *lower = file_name != NULL ? g_ascii_strdown (file_name, -1) : NULL;
  LineReader reader = { text, text + MIN (length, 64 * 1024), 0 };
  const char *line;
  gsize line_length;
  guint number;

  if (lower != NULL && g_str_has_suffix (lower, ".eml"))
    return looks_like_email (text, length, TRUE) ? KIND_EMAIL : KIND_PLAIN;
  if (lower != NULL && (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown") ||
                        g_str_has_suffix (lower, ".mdown") || g_str_has_suffix (lower, ".mkd")))
    return KIND_MARKDOWN;

  if (looks_like_email (text, length, FALSE))
    return KIND_EMAIL;

  if (lower != NULL && !g_str_has_suffix (lower, ".txt") && strchr (lower, '.') != NULL)
    return KIND_PLAIN;

  /* Without a name that says: Markdown if it has a heading or a fence
   * near the top. */
  while (next_line (&reader, &line, &line_length, &number) && number < 200)
    if ((line_length >= 2 && line[0] == '#' && (line[1] == ' ' || line[1] == '#')) ||
        fence_length (line, line_length, '`') > 0)
      return KIND_MARKDOWN;

  return KIND_PLAIN;
}

/* The view */

static gboolean
source_line_at (DebriefReportView *self,
                int                offset,
                guint             *line)
{
  guint low = 0;
  guint high = self->segments->len;

  if (high == 0)
    return FALSE;

  /* The last segment that starts at or before @offset. */
  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->segments, Segment, middle).offset <= offset)
        low = middle;
      else
        high = middle;
    }

  *line = g_array_index (self->segments, Segment, low).source_line;
  return TRUE;
}

static void
sync_selection (DebriefReportView *self)
{
  GtkTextIter start, end;
  int start_offset = -1;
  int end_offset = -1;

  if (gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    {
      start_offset = gtk_text_iter_get_offset (&start);
      end_offset = gtk_text_iter_get_offset (&end);
    }

  if (start_offset == self->selection_start && end_offset == self->selection_end)
    return;

  self->selection_start = start_offset;
  self->selection_end = end_offset;
  g_signal_emit (self, signals [SELECTION_CHANGED], 0);
}

static void
mark_set_cb (DebriefReportView *self,
             GtkTextIter       *location,
             GtkTextMark       *mark)
{
  if (mark == gtk_text_buffer_get_insert (self->buffer) ||
      mark == gtk_text_buffer_get_selection_bound (self->buffer))
    sync_selection (self);
}

/* Colours that follow the light or dark style. */
static void
update_colours (DebriefReportView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA dim = dark ? (GdkRGBA) { 1.0, 1.0, 1.0, 0.62 } : (GdkRGBA) { 0.0, 0.0, 0.0, 0.6 };
  GdkRGBA shade = dark ? (GdkRGBA) { 1.0, 1.0, 1.0, 0.07 } : (GdkRGBA) { 0.0, 0.0, 0.0, 0.045 };
  GdkRGBA code = dark ? (GdkRGBA) { 1.0, 1.0, 1.0, 0.1 } : (GdkRGBA) { 0.0, 0.0, 0.0, 0.07 };
  GdkRGBA link;

  /* @blue_4 and @blue_2 of the GNOME palette */
  gdk_rgba_parse (&link, dark ? "#78aeed" : "#1c71d8");

  g_object_set (self->tags [TAG_CODE_BLOCK], "paragraph-background-rgba", &shade, NULL);
  g_object_set (self->tags [TAG_HEADER], "paragraph-background-rgba", &shade, NULL);
  g_object_set (self->tags [TAG_CODE], "background-rgba", &code, NULL);
  g_object_set (self->tags [TAG_QUOTE], "foreground-rgba", &dim, NULL);
  g_object_set (self->tags [TAG_RULE], "foreground-rgba", &dim, NULL);
  g_object_set (self->tags [TAG_NOTICE], "foreground-rgba", &dim, NULL);
  g_object_set (self->tags [TAG_HEADER_NAME], "foreground-rgba", &dim, NULL);
  g_object_set (self->tags [TAG_LINK], "foreground-rgba", &link, NULL);
}

static void
create_tags (DebriefReportView *self)
{
  GtkTextBuffer *buffer = self->buffer;
  PangoTabArray *tabs;

  /* Block tags first: inline ones, made later, win where both set something. */
  self->tags [TAG_H1] = gtk_text_buffer_create_tag (buffer, "heading-1",
                                                    "scale", 1.8, "weight", PANGO_WEIGHT_ULTRABOLD,
                                                    "pixels-above-lines", 24, "pixels-below-lines", 10, NULL);
  self->tags [TAG_H2] = gtk_text_buffer_create_tag (buffer, "heading-2",
                                                    "scale", 1.4, "weight", PANGO_WEIGHT_BOLD,
                                                    "pixels-above-lines", 20, "pixels-below-lines", 6, NULL);
  self->tags [TAG_H3] = gtk_text_buffer_create_tag (buffer, "heading-3",
                                                    "scale", 1.2, "weight", PANGO_WEIGHT_BOLD,
                                                    "pixels-above-lines", 14, "pixels-below-lines", 4, NULL);
  self->tags [TAG_H4] = gtk_text_buffer_create_tag (buffer, "heading-4",
                                                    "weight", PANGO_WEIGHT_BOLD,
                                                    "pixels-above-lines", 10, "pixels-below-lines", 2, NULL);
  self->tags [TAG_CODE_BLOCK] = gtk_text_buffer_create_tag (buffer, "code-block",
                                                            "family", "monospace",
                                                            "left-margin", 40, "right-margin", 40,
                                                            "indent", 12,
                                                            "pixels-below-lines", 0, "pixels-inside-wrap", 0,
                                                            "wrap-mode", GTK_WRAP_CHAR, NULL);
  self->tags [TAG_CODE_FIRST] = gtk_text_buffer_create_tag (buffer, "code-block-first",
                                                            "pixels-above-lines", 12, NULL);
  self->tags [TAG_CODE_LAST] = gtk_text_buffer_create_tag (buffer, "code-block-last",
                                                           "pixels-below-lines", 12, NULL);
  self->tags [TAG_TABLE] = gtk_text_buffer_create_tag (buffer, "table", "family", "monospace",
                                                       "wrap-mode", GTK_WRAP_CHAR, NULL);
  self->tags [TAG_QUOTE] = gtk_text_buffer_create_tag (buffer, "quote",
                                                       "left-margin", 48, "style", PANGO_STYLE_ITALIC, NULL);
  for (guint level = 0; level < 4; level++)
    {
      g_autofree char *name = g_strdup_printf ("list-%u", level);

      self->tags [TAG_LIST_0 + level] = gtk_text_buffer_create_tag (buffer, name,
                                                                    "left-margin", 44 + 22 * (int) level,
                                                                    "indent", -18,
                                                                    "pixels-below-lines", 4, NULL);
    }
  self->tags [TAG_RULE] = gtk_text_buffer_create_tag (buffer, "rule",
                                                      "justification", GTK_JUSTIFY_CENTER,
                                                      "pixels-above-lines", 8, "pixels-below-lines", 8, NULL);
  self->tags [TAG_HEADER] = gtk_text_buffer_create_tag (buffer, "email-header",
                                                        "left-margin", 40, "right-margin", 40,
                                                        "indent", 12,
                                                        "pixels-above-lines", 3, "pixels-below-lines", 3, NULL);
  /* The values of the headers line up after the names. */
  tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, 84);
  g_object_set (self->tags [TAG_HEADER], "tabs", tabs, NULL);
  pango_tab_array_free (tabs);
  self->tags [TAG_NOTICE] = gtk_text_buffer_create_tag (buffer, "notice", "style", PANGO_STYLE_ITALIC, NULL);
  self->tags [TAG_BOLD] = gtk_text_buffer_create_tag (buffer, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);
  self->tags [TAG_ITALIC] = gtk_text_buffer_create_tag (buffer, "italic", "style", PANGO_STYLE_ITALIC, NULL);
  self->tags [TAG_STRIKE] = gtk_text_buffer_create_tag (buffer, "strikethrough", "strikethrough", TRUE, NULL);
  self->tags [TAG_CODE] = gtk_text_buffer_create_tag (buffer, "code", "family", "monospace", NULL);
  self->tags [TAG_LINK] = gtk_text_buffer_create_tag (buffer, "link", "underline", PANGO_UNDERLINE_SINGLE, NULL);
  self->tags [TAG_HEADER_NAME] = gtk_text_buffer_create_tag (buffer, "email-header-name",
                                                             "weight", PANGO_WEIGHT_BOLD, NULL);

  update_colours (self);
}

static void
debrief_report_view_dispose (GObject *object)
{
  DebriefReportView *self = DEBRIEF_REPORT_VIEW (object);

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), update_colours, self);
  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_func (self->buffer, mark_set_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_REPORT_VIEW);

  g_clear_object (&self->buffer);
  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->soft_breaks, g_array_unref);

  G_OBJECT_CLASS (debrief_report_view_parent_class)->dispose (object);
}

static void
debrief_report_view_class_init (DebriefReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_report_view_dispose;

  /**
   * DebriefReportView::selection-changed:
   *
   * The selected text changed, or the document did.
   */
  signals [SELECTION_CHANGED] =
    g_signal_new ("selection-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/evidence/debrief-report-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "debrief-report-view");
  gtk_widget_class_bind_template_child (widget_class, DebriefReportView, scroller);
  gtk_widget_class_bind_template_child (widget_class, DebriefReportView, text_view);
}

static void
debrief_report_view_init (DebriefReportView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->buffer = g_object_ref (gtk_text_view_get_buffer (self->text_view));
  self->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  self->soft_breaks = g_array_new (FALSE, FALSE, sizeof (int));
  self->selection_start = -1;
  self->selection_end = -1;

  create_tags (self);

  g_signal_connect_object (self->buffer, "mark-set", G_CALLBACK (mark_set_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_colours), self, G_CONNECT_SWAPPED);
}

GtkWidget *
debrief_report_view_new (void)
{
  return g_object_new (DEBRIEF_TYPE_REPORT_VIEW, NULL);
}

/**
 * debrief_report_view_set_text:
 * @text: the document, valid UTF-8
 * @length: its length in bytes, or -1 when @text ends with a NUL
 * @file_name: (nullable): the file's name, which says whether it is
 *   Markdown (.md) or an e-mail (.eml); without one, the text does
 *
 * Shows a document, from its top.
 */
void
debrief_report_view_set_text (DebriefReportView *self,
                              const char        *text,
                              gsize              length,
                              const char        *file_name)
{
  g_auto(Builder) b = { NULL, };
  GtkTextIter start;

  g_return_if_fail (DEBRIEF_IS_REPORT_VIEW (self));
  g_return_if_fail (text != NULL || length == 0);

  if (text == NULL)
    text = "";
  if (length == (gsize) -1)
    length = strlen (text);
  g_return_if_fail (g_utf8_validate_len (text, length, NULL));

  builder_init (&b);
  switch (detect_kind (text, length, file_name))
    {
    case KIND_MARKDOWN:
      render_markdown (&b, text, length);
      break;

    case KIND_EMAIL:
      render_email (&b, text, length);
      break;

    case KIND_PLAIN:
    default:
      render_plain (&b, text, length);
      break;
    }

  gtk_text_buffer_set_text (self->buffer, b.text->str, (int) b.text->len);

  for (guint i = 0; i < b.spans->len; i++)
    {
      const Span *span = &g_array_index (b.spans, Span, i);
      GtkTextIter span_start, span_end;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &span_start, span->start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &span_end, span->end);
      gtk_text_buffer_apply_tag (self->buffer, self->tags [span->tag], &span_start, &span_end);
    }

  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->soft_breaks, g_array_unref);
  self->segments = g_steal_pointer (&b.segments);
  self->soft_breaks = g_steal_pointer (&b.soft_breaks);

  gtk_text_buffer_get_start_iter (self->buffer, &start);
  gtk_text_buffer_place_cursor (self->buffer, &start);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);
  sync_selection (self);
}

/**
 * debrief_report_view_get_selected_lines:
 * @first: (out) (optional): the line of the file, from 0, where the
 *   selection starts
 * @last: (out) (optional): the line where it ends
 *
 * Returns: whether any text is selected
 */
gboolean
debrief_report_view_get_selected_lines (DebriefReportView *self,
                                        guint             *first,
                                        guint             *last)
{
  GtkTextIter start, end;
  guint first_line, last_line;

  g_return_val_if_fail (DEBRIEF_IS_REPORT_VIEW (self), FALSE);

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return FALSE;

  if (!source_line_at (self, gtk_text_iter_get_offset (&start), &first_line) ||
      !source_line_at (self, gtk_text_iter_get_offset (&end) - 1, &last_line))
    return FALSE;

  if (first != NULL)
    *first = first_line;
  if (last != NULL)
    *last = last_line;

  return TRUE;
}

/**
 * debrief_report_view_dup_selected_text:
 *
 * Returns: (transfer full) (nullable): the selected text as shown, or
 *   %NULL when nothing is selected
 */
char *
debrief_report_view_dup_selected_text (DebriefReportView *self)
{
  GtkTextIter start, end;
  g_autofree char *shown = NULL;
  g_autoptr(GString) text = NULL;
  int offset;
  guint next_break = 0;

  g_return_val_if_fail (DEBRIEF_IS_REPORT_VIEW (self), NULL);

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return NULL;

  shown = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  offset = gtk_text_iter_get_offset (&start);

  /* Without the breaks that only the display has. */
  while (next_break < self->soft_breaks->len &&
         g_array_index (self->soft_breaks, int, next_break) < offset)
    next_break++;

  text = g_string_sized_new (strlen (shown));
  for (const char *p = shown; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      if (next_break < self->soft_breaks->len &&
          g_array_index (self->soft_breaks, int, next_break) == offset)
        {
          next_break++;
          continue;
        }
      g_string_append_len (text, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * debrief_report_view_select_lines:
 * @first: the first line of the file to select, from 0
 * @last: the last one
 *
 * Selects what is shown of lines @first to @last of the file, and
 * scrolls there.
 */
void
debrief_report_view_select_lines (DebriefReportView *self,
                                  guint              first,
                                  guint              last)
{
  GtkTextIter start, end;
  guint i;

  g_return_if_fail (DEBRIEF_IS_REPORT_VIEW (self));
  g_return_if_fail (first <= last);

  for (i = 0; i < self->segments->len; i++)
    if (g_array_index (self->segments, Segment, i).source_line >= first)
      break;
  if (i == self->segments->len)
    return;
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start,
                                      g_array_index (self->segments, Segment, i).offset);

  for (; i < self->segments->len; i++)
    if (g_array_index (self->segments, Segment, i).source_line > last)
      break;
  if (i < self->segments->len)
    {
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end,
                                          g_array_index (self->segments, Segment, i).offset);
      /* Up to the end of the last line, not into the next. */
      if (gtk_text_iter_compare (&end, &start) > 0 && gtk_text_iter_starts_line (&end))
        gtk_text_iter_backward_char (&end);
      else if (gtk_text_iter_compare (&end, &start) > 0 && gtk_text_iter_get_char (&end) != '\n')
        {
          GtkTextIter before = end;

          /* A joined paragraph: stop before the space that joins. */
          if (gtk_text_iter_backward_char (&before) && gtk_text_iter_get_char (&before) == ' ')
            end = before;
        }
    }
  else
    gtk_text_buffer_get_end_iter (self->buffer, &end);

  /* A line shown by nothing (a heading's underline) starts at the end of
   * the one before: select from the next. */
  if (gtk_text_iter_ends_line (&start) && !gtk_text_iter_starts_line (&start) &&
      gtk_text_iter_compare (&end, &start) > 0)
    gtk_text_iter_forward_line (&start);
  if (gtk_text_iter_compare (&end, &start) < 0)
    end = start;

  gtk_text_buffer_select_range (self->buffer, &start, &end);
  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (self->buffer),
                                0.0, TRUE, 0.0, 0.15);
}
