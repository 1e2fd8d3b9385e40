/* test-report-render.c
 *
 * The rendering of written evidence without a display: Markdown's blocks
 * and spans, e-mails, plain text, the map back to the file's lines, and
 * hostile input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-report-render"

#include "config.h"

#include <string.h>

#include "debrief-report-render.h"
#include "debrief-text.h"

static DebriefReportRender *
render (const char *text,
        const char *file_name)
{
  DebriefReportRender *render = debrief_report_render_new (text, (gsize) -1, file_name);

  g_assert_nonnull (render);
  g_assert_true (g_utf8_validate_len (render->text, render->length, NULL));
  g_assert_cmpuint (strlen (render->text), ==, render->length);

  return render;
}

/* The character offset of @needle in the shown text; fails when absent. */
static int
offset_of (DebriefReportRender *render,
           const char          *needle)
{
  const char *found = strstr (render->text, needle);

  g_assert_nonnull (found);
  return (int) g_utf8_pointer_to_offset (render->text, found);
}

static gboolean
has_tag_at (DebriefReportRender *render,
            int                  offset,
            DebriefReportTag     tag)
{
  for (guint i = 0; i < render->spans->len; i++)
    {
      const DebriefReportSpan *span = &g_array_index (render->spans, DebriefReportSpan, i);

      if (span->tag == tag && span->start <= offset && offset < span->end)
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_tag (DebriefReportRender *render,
         const char          *needle,
         DebriefReportTag     tag)
{
  return has_tag_at (render, offset_of (render, needle), tag);
}

/* The line of the file that the shown @needle comes from. */
static guint
source_line_of (DebriefReportRender *render,
                const char          *needle)
{
  int offset = offset_of (render, needle);
  guint line = G_MAXUINT;

  for (guint i = 0; i < render->segments->len; i++)
    {
      const DebriefReportSegment *segment = &g_array_index (render->segments, DebriefReportSegment, i);

      if (segment->offset > offset)
        break;
      line = segment->source_line;
    }

  g_assert_cmpuint (line, !=, G_MAXUINT);
  return line;
}

static void
test_headings (void)
{
  g_autoptr(DebriefReportRender) r = render ("# One\n\n## Two\n\n### Three\n\nText\n\nUnder\n=====\n", "a.md");

  g_assert_null (strstr (r->text, "#"));
  g_assert_null (strstr (r->text, "==="));
  g_assert_true (has_tag (r, "One", DEBRIEF_REPORT_TAG_H1));
  g_assert_true (has_tag (r, "Two", DEBRIEF_REPORT_TAG_H2));
  g_assert_true (has_tag (r, "Three", DEBRIEF_REPORT_TAG_H3));
  g_assert_false (has_tag (r, "Text", DEBRIEF_REPORT_TAG_H1));
  g_assert_true (has_tag (r, "Under", DEBRIEF_REPORT_TAG_H1));
  g_assert_cmpuint (source_line_of (r, "Two"), ==, 2);
  g_assert_cmpuint (source_line_of (r, "Text"), ==, 6);
}

static void
test_lists (void)
{
  g_autoptr(DebriefReportRender) r = render ("- first\n- second\n  - nested\n\n1. one\n2. two\n\n- [x] done\n- [ ] open\n",
                                             "list.md");

  g_assert_nonnull (strstr (r->text, "•  first"));
  g_assert_nonnull (strstr (r->text, "•  second"));
  g_assert_nonnull (strstr (r->text, "nested"));
  g_assert_nonnull (strstr (r->text, "1. one"));
  g_assert_nonnull (strstr (r->text, "☑ done"));
  g_assert_nonnull (strstr (r->text, "☐ open"));
  g_assert_true (has_tag (r, "first", DEBRIEF_REPORT_TAG_LIST_0));
  g_assert_true (has_tag (r, "nested", DEBRIEF_REPORT_TAG_LIST_1));
  g_assert_cmpuint (source_line_of (r, "nested"), ==, 2);
}

static void
test_code (void)
{
  g_autoptr(DebriefReportRender) r = render ("Text with `inline *code*` here.\n\n"
                                             "```c\nint main (void);\n  indented\n```\n\nAfter\n",
                                             "code.md");

  g_assert_null (strstr (r->text, "```"));
  g_assert_null (strstr (r->text, "`"));
  /* Emphasis marks inside code stay as typed. */
  g_assert_nonnull (strstr (r->text, "inline *code*"));
  g_assert_true (has_tag (r, "inline", DEBRIEF_REPORT_TAG_CODE));
  g_assert_true (has_tag (r, "int main", DEBRIEF_REPORT_TAG_CODE_BLOCK));
  g_assert_nonnull (strstr (r->text, "  indented"));
  g_assert_false (has_tag (r, "After", DEBRIEF_REPORT_TAG_CODE_BLOCK));
  g_assert_cmpuint (source_line_of (r, "int main"), ==, 3);
  g_assert_cmpuint (source_line_of (r, "After"), ==, 7);
}

static void
test_emphasis_and_links (void)
{
  g_autoptr(DebriefReportRender) r = render ("Some **bold**, *italic*, ~~gone~~ and [a link](https://example.com/x) "
                                             "and <https://example.org>.\n",
                                             "inline.md");

  g_assert_null (strstr (r->text, "**"));
  g_assert_null (strstr (r->text, "https://example.com/x"));
  g_assert_true (has_tag (r, "bold", DEBRIEF_REPORT_TAG_BOLD));
  g_assert_true (has_tag (r, "italic", DEBRIEF_REPORT_TAG_ITALIC));
  g_assert_true (has_tag (r, "gone", DEBRIEF_REPORT_TAG_STRIKE));
  g_assert_true (has_tag (r, "a link", DEBRIEF_REPORT_TAG_LINK));
  g_assert_true (has_tag (r, "https://example.org", DEBRIEF_REPORT_TAG_LINK));
  g_assert_false (has_tag (r, "Some", DEBRIEF_REPORT_TAG_BOLD));
}

static void
test_paragraphs_joined (void)
{
  g_autoptr(DebriefReportRender) r = render ("first line\nsecond line\n\nnext paragraph\n", "p.md");

  g_assert_nonnull (strstr (r->text, "first line second line"));
  g_assert_cmpuint (source_line_of (r, "second line"), ==, 1);
  g_assert_cmpuint (source_line_of (r, "next"), ==, 3);
}

static void
test_plain_text (void)
{
  g_autoptr(DebriefReportRender) r = render ("# not a heading\n**as typed**\n", "notes.log");
  g_autoptr(DebriefReportRender) guessed = render ("# A heading\n\ntext\n", NULL);

  g_assert_cmpstr (r->text, ==, "# not a heading\n**as typed**");
  g_assert_cmpuint (r->spans->len, ==, 0);
  g_assert_true (has_tag (guessed, "A heading", DEBRIEF_REPORT_TAG_H1));
}

static void
test_hostile_markup (void)
{
  g_autoptr(DebriefReportRender) r = render ("<b>not bold</b> &amp; <script>alert(1)</script>\n", "h.md");
  g_autoptr(DebriefReportRender) deep = NULL;
  g_autoptr(GString) markers = g_string_new (NULL);

  /* Markup in a report is text, shown as typed. */
  g_assert_nonnull (strstr (r->text, "<b>not bold</b> &amp; <script>alert(1)</script>"));
  g_assert_false (has_tag (r, "not bold", DEBRIEF_REPORT_TAG_BOLD));

  for (guint i = 0; i < 10000; i++)
    g_string_append (markers, "*_`[");
  g_string_append_c (markers, '\n');
  deep = render (markers->str, "hostile.md");
  g_assert_cmpuint (deep->length, >, 0);
}

static void
test_long_line (void)
{
  gsize size = 10 * 1024 * 1024;
  g_autofree char *text = g_malloc (size + 1);
  g_autoptr(DebriefReportRender) r = NULL;
  gsize shown = 0;

  for (gsize i = 0; i < size; i++)
    text[i] = i % 7 == 6 ? ' ' : 'a';
  text[size] = '\0';
  r = render (text, "long.md");

  /* Broken for display, every character kept. */
  g_assert_cmpuint (r->soft_breaks->len, >, 1000);
  for (const char *p = r->text; *p != '\0'; p++)
    if (*p != '\n')
      shown++;
  g_assert_cmpuint (shown, ==, size);
  g_assert_cmpuint (source_line_of (r, "aaaaaa"), ==, 0);
}

static void
test_nul_and_empty (void)
{
  g_autoptr(DebriefReportRender) empty = debrief_report_render_new ("", 0, "empty.md");
  g_autoptr(DebriefReportRender) nul = NULL;
  g_autofree char *sanitized = NULL;
  gsize length;

  g_assert_cmpuint (empty->length, ==, 0);
  g_assert_cmpstr (empty->text, ==, "");

  /* A file's NULs and invalid bytes are made safe before rendering, as
   * the report content does. */
  sanitized = debrief_text_sanitize ("# ab\0cd\xff\n", 9, &length);
  nul = debrief_report_render_new (sanitized, length, "nul.md");
  g_assert_true (has_tag (nul, "ab\357\277\275cd\357\277\275", DEBRIEF_REPORT_TAG_H1));
  g_assert_cmpuint (strlen (nul->text), ==, nul->length);
}

static void
test_email (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "evidence-views", "incident.eml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefReportRender) r = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  r = render (contents, "incident.eml");

  /* The headers people read, decoded; the text part, not the HTML. */
  g_assert_nonnull (strstr (r->text, "Ada Lövelace <ada@example.com>"));
  g_assert_nonnull (strstr (r->text, "Gateways offline – Rückblick"));
  g_assert_true (has_tag (r, "Gateways offline", DEBRIEF_REPORT_TAG_BOLD));
  g_assert_true (has_tag (r, "From:", DEBRIEF_REPORT_TAG_HEADER_NAME));
  g_assert_null (strstr (r->text, "Message-ID"));
  g_assert_nonnull (strstr (r->text, "the rollback build für EU-2 is ready. About a third of the gateways stopped"));
  g_assert_null (strstr (r->text, "HTML version"));
  g_assert_null (strstr (r->text, "RSBvdGE6"));
  g_assert_true (has_tag (r, "> Please hold", DEBRIEF_REPORT_TAG_QUOTE));
  g_assert_cmpuint (source_line_of (r, "Hi all"), ==, 16);
}

static void
test_email_only_attachments (void)
{
  g_autoptr(DebriefReportRender) r = render ("From: a@example.com\nSubject: logs\nContent-Type: multipart/mixed; boundary=b\n\n"
                                             "--b\nContent-Type: application/octet-stream\nContent-Disposition: attachment\n\nAAAA\n--b--\n",
                                             "only.eml");

  g_assert_true (has_tag (r, "This e-mail has no text", DEBRIEF_REPORT_TAG_NOTICE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debrief/report-render/headings", test_headings);
  g_test_add_func ("/debrief/report-render/lists", test_lists);
  g_test_add_func ("/debrief/report-render/code", test_code);
  g_test_add_func ("/debrief/report-render/emphasis-and-links", test_emphasis_and_links);
  g_test_add_func ("/debrief/report-render/paragraphs-joined", test_paragraphs_joined);
  g_test_add_func ("/debrief/report-render/plain-text", test_plain_text);
  g_test_add_func ("/debrief/report-render/hostile-markup", test_hostile_markup);
  g_test_add_func ("/debrief/report-render/long-line", test_long_line);
  g_test_add_func ("/debrief/report-render/nul-and-empty", test_nul_and_empty);
  g_test_add_func ("/debrief/report-render/email", test_email);
  g_test_add_func ("/debrief/report-render/email-only-attachments", test_email_only_attachments);

  return g_test_run ();
}
