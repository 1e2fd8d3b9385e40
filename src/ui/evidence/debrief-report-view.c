/* debrief-report-view.c
 *
 * A written document among the evidence, shown readable: the render of a
 * Markdown report, an e-mail or plain text (import/debrief-report-render.c)
 * in a text view, with its styles, and a selection that is cited, and
 * selected again, by the lines of the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-report-view"

#include "config.h"

#include <string.h>

#include "debrief-report-view.h"

struct _DebriefReportView
{
  GtkWidget             parent_instance;

  GtkTextBuffer        *buffer;
  GtkTextTag           *tags [DEBRIEF_REPORT_N_TAGS];
  DebriefReportContent *content;
  GArray               *segments;     /* of DebriefReportSegment, by offset and by line */
  GArray               *soft_breaks;  /* of int: offsets of newlines the file does not have */
  int                   selection_start;
  int                   selection_end;

  GtkScrolledWindow    *scroller;
  GtkTextView          *text_view;
};

static void debrief_report_view_viewer_init (DebriefEvidenceViewerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DebriefReportView, debrief_report_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DEBRIEF_TYPE_EVIDENCE_VIEWER,
                                                      debrief_report_view_viewer_init))




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

      if (g_array_index (self->segments, DebriefReportSegment, middle).offset <= offset)
        low = middle;
      else
        high = middle;
    }

  *line = g_array_index (self->segments, DebriefReportSegment, low).source_line;
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
  debrief_evidence_viewer_selection_changed (DEBRIEF_EVIDENCE_VIEWER (self));
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

  g_object_set (self->tags [DEBRIEF_REPORT_TAG_CODE_BLOCK], "paragraph-background-rgba", &shade, NULL);
  g_object_set (self->tags [DEBRIEF_REPORT_TAG_HEADER], "paragraph-background-rgba", &shade, NULL);
  g_object_set (self->tags [DEBRIEF_REPORT_TAG_CODE], "background-rgba", &code, NULL);
  g_object_set (self->tags [DEBRIEF_REPORT_TAG_QUOTE], "foreground-rgba", &dim, NULL);
  g_object_set (self->tags [DEBRIEF_REPORT_TAG_RULE], "foreground-rgba", &dim, NULL);
  g_object_set (self->tags [DEBRIEF_REPORT_TAG_NOTICE], "foreground-rgba", &dim, NULL);
  g_object_set (self->tags [DEBRIEF_REPORT_TAG_HEADER_NAME], "foreground-rgba", &dim, NULL);
  g_object_set (self->tags [DEBRIEF_REPORT_TAG_LINK], "foreground-rgba", &link, NULL);
}

static void
create_tags (DebriefReportView *self)
{
  GtkTextBuffer *buffer = self->buffer;
  PangoTabArray *tabs;

  /* Block tags first: inline ones, made later, win where both set something. */
  self->tags [DEBRIEF_REPORT_TAG_H1] = gtk_text_buffer_create_tag (buffer, "heading-1",
                                                    "scale", 1.8, "weight", PANGO_WEIGHT_ULTRABOLD,
                                                    "pixels-above-lines", 24, "pixels-below-lines", 10, NULL);
  self->tags [DEBRIEF_REPORT_TAG_H2] = gtk_text_buffer_create_tag (buffer, "heading-2",
                                                    "scale", 1.4, "weight", PANGO_WEIGHT_BOLD,
                                                    "pixels-above-lines", 20, "pixels-below-lines", 6, NULL);
  self->tags [DEBRIEF_REPORT_TAG_H3] = gtk_text_buffer_create_tag (buffer, "heading-3",
                                                    "scale", 1.2, "weight", PANGO_WEIGHT_BOLD,
                                                    "pixels-above-lines", 14, "pixels-below-lines", 4, NULL);
  self->tags [DEBRIEF_REPORT_TAG_H4] = gtk_text_buffer_create_tag (buffer, "heading-4",
                                                    "weight", PANGO_WEIGHT_BOLD,
                                                    "pixels-above-lines", 10, "pixels-below-lines", 2, NULL);
  self->tags [DEBRIEF_REPORT_TAG_CODE_BLOCK] = gtk_text_buffer_create_tag (buffer, "code-block",
                                                            "family", "monospace",
                                                            "left-margin", 40, "right-margin", 40,
                                                            "indent", 12,
                                                            "pixels-below-lines", 0, "pixels-inside-wrap", 0,
                                                            "wrap-mode", GTK_WRAP_CHAR, NULL);
  self->tags [DEBRIEF_REPORT_TAG_CODE_FIRST] = gtk_text_buffer_create_tag (buffer, "code-block-first",
                                                            "pixels-above-lines", 12, NULL);
  self->tags [DEBRIEF_REPORT_TAG_CODE_LAST] = gtk_text_buffer_create_tag (buffer, "code-block-last",
                                                           "pixels-below-lines", 12, NULL);
  self->tags [DEBRIEF_REPORT_TAG_TABLE] = gtk_text_buffer_create_tag (buffer, "table", "family", "monospace",
                                                       "wrap-mode", GTK_WRAP_CHAR, NULL);
  self->tags [DEBRIEF_REPORT_TAG_QUOTE] = gtk_text_buffer_create_tag (buffer, "quote",
                                                       "left-margin", 48, "style", PANGO_STYLE_ITALIC, NULL);
  for (guint level = 0; level < 4; level++)
    {
      g_autofree char *name = g_strdup_printf ("list-%u", level);

      self->tags [DEBRIEF_REPORT_TAG_LIST_0 + level] = gtk_text_buffer_create_tag (buffer, name,
                                                                    "left-margin", 44 + 22 * (int) level,
                                                                    "indent", -18,
                                                                    "pixels-below-lines", 4, NULL);
    }
  self->tags [DEBRIEF_REPORT_TAG_RULE] = gtk_text_buffer_create_tag (buffer, "rule",
                                                      "justification", GTK_JUSTIFY_CENTER,
                                                      "pixels-above-lines", 8, "pixels-below-lines", 8, NULL);
  self->tags [DEBRIEF_REPORT_TAG_HEADER] = gtk_text_buffer_create_tag (buffer, "email-header",
                                                        "left-margin", 40, "right-margin", 40,
                                                        "indent", 12,
                                                        "pixels-above-lines", 3, "pixels-below-lines", 3, NULL);
  /* The values of the headers line up after the names. */
  tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, 84);
  g_object_set (self->tags [DEBRIEF_REPORT_TAG_HEADER], "tabs", tabs, NULL);
  pango_tab_array_free (tabs);
  self->tags [DEBRIEF_REPORT_TAG_NOTICE] = gtk_text_buffer_create_tag (buffer, "notice", "style", PANGO_STYLE_ITALIC, NULL);
  self->tags [DEBRIEF_REPORT_TAG_BOLD] = gtk_text_buffer_create_tag (buffer, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);
  self->tags [DEBRIEF_REPORT_TAG_ITALIC] = gtk_text_buffer_create_tag (buffer, "italic", "style", PANGO_STYLE_ITALIC, NULL);
  self->tags [DEBRIEF_REPORT_TAG_STRIKE] = gtk_text_buffer_create_tag (buffer, "strikethrough", "strikethrough", TRUE, NULL);
  self->tags [DEBRIEF_REPORT_TAG_CODE] = gtk_text_buffer_create_tag (buffer, "code", "family", "monospace", NULL);
  self->tags [DEBRIEF_REPORT_TAG_LINK] = gtk_text_buffer_create_tag (buffer, "link", "underline", PANGO_UNDERLINE_SINGLE, NULL);
  self->tags [DEBRIEF_REPORT_TAG_HEADER_NAME] = gtk_text_buffer_create_tag (buffer, "email-header-name",
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
  g_clear_object (&self->content);
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
  self->segments = g_array_new (FALSE, FALSE, sizeof (DebriefReportSegment));
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

static void
show_render (DebriefReportView         *self,
             const DebriefReportRender *render)
{
  GtkTextIter start;

  gtk_text_buffer_set_text (self->buffer, render->text, (int) render->length);

  for (guint i = 0; i < render->spans->len; i++)
    {
      const DebriefReportSpan *span = &g_array_index (render->spans, DebriefReportSpan, i);
      GtkTextIter span_start, span_end;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &span_start, span->start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &span_end, span->end);
      gtk_text_buffer_apply_tag (self->buffer, self->tags [span->tag], &span_start, &span_end);
    }

  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->soft_breaks, g_array_unref);
  self->segments = g_array_ref (render->segments);
  self->soft_breaks = g_array_ref (render->soft_breaks);

  gtk_text_buffer_get_start_iter (self->buffer, &start);
  gtk_text_buffer_place_cursor (self->buffer, &start);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);
  sync_selection (self);
}

/**
 * debrief_report_view_set_content:
 * @content: (nullable): the rendered document
 *
 * Shows a document, from its top.
 */
void
debrief_report_view_set_content (DebriefReportView    *self,
                                 DebriefReportContent *content)
{
  g_autoptr(DebriefReportRender) empty = NULL;

  g_return_if_fail (DEBRIEF_IS_REPORT_VIEW (self));
  g_return_if_fail (!content || DEBRIEF_IS_REPORT_CONTENT (content));

  if (!g_set_object (&self->content, content))
    return;

  if (content != NULL)
    show_render (self, debrief_report_content_get_render (content));
  else
    show_render (self, (empty = debrief_report_render_new ("", 0, NULL)));
}

DebriefReportContent *
debrief_report_view_get_content (DebriefReportView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT_VIEW (self), NULL);

  return self->content;
}

/**
 * debrief_report_view_set_text:
 * @text: the document, valid UTF-8
 * @length: its length in bytes, or -1 when @text ends with a NUL
 * @file_name: (nullable): the file's name, which says whether it is
 *   Markdown (.md) or an e-mail (.eml); without one, the text does
 *
 * Shows a document, from its top, rendered here and now: for short texts.
 */
void
debrief_report_view_set_text (DebriefReportView *self,
                              const char        *text,
                              gsize              length,
                              const char        *file_name)
{
  g_autoptr(DebriefReportContent) content = NULL;

  g_return_if_fail (DEBRIEF_IS_REPORT_VIEW (self));
  g_return_if_fail (text != NULL || length == 0);

  if (text == NULL)
    text = "";
  if (length == (gsize) -1)
    length = strlen (text);
  g_return_if_fail (g_utf8_validate_len (text, length, NULL));

  content = debrief_report_content_new (text, length, file_name);
  debrief_report_view_set_content (self, content);
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
    if (g_array_index (self->segments, DebriefReportSegment, i).source_line >= first)
      break;
  if (i == self->segments->len)
    return;
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start,
                                      g_array_index (self->segments, DebriefReportSegment, i).offset);

  for (; i < self->segments->len; i++)
    if (g_array_index (self->segments, DebriefReportSegment, i).source_line > last)
      break;
  if (i < self->segments->len)
    {
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end,
                                          g_array_index (self->segments, DebriefReportSegment, i).offset);
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


/* As an evidence viewer: the lines of the file, no time. */

static gboolean
debrief_report_view_get_citation (DebriefEvidenceViewer *viewer,
                                  DebriefCitation       *citation)
{
  DebriefReportView *self = DEBRIEF_REPORT_VIEW (viewer);
  guint first, last;

  if (!debrief_report_view_get_selected_lines (self, &first, &last))
    return FALSE;
  citation->first = first;
  citation->last = last;
  citation->text = debrief_report_view_dup_selected_text (self);
  return TRUE;
}

static void
debrief_report_view_select_place (DebriefEvidenceViewer *viewer,
                                  gint64                 first,
                                  gint64                 last)
{
  debrief_report_view_select_lines (DEBRIEF_REPORT_VIEW (viewer), (guint) first, (guint) MAX (first, last));
}

static void
debrief_report_view_viewer_init (DebriefEvidenceViewerInterface *iface)
{
  iface->get_citation = debrief_report_view_get_citation;
  iface->select_place = debrief_report_view_select_place;
}
