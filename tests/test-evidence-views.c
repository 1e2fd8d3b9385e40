/* test-evidence-views.c
 *
 * The chat, report and image views of the Evidence view, in real windows
 * under Xvfb: what the rows, the document and the image show, selecting
 * to cite and selecting a citation again, zoom by action, button and
 * keyboard, and hostile input: a hundred thousand messages, a message of
 * 256 KiB, a report of megabytes, a damaged image.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <gdk/x11/gdkx.h>

#include "debrief-test-ui.h"
#include "debrief-chat-view.h"
#include "debrief-image-view.h"
#include "debrief-report-view.h"

/* Helpers */

static GtkWindow *
show_in_window (GtkWidget *view,
                int        width,
                int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  debrief_test_wait_for (debrief_test_widget_is_mapped, view);
  debrief_test_drain ();

  return window;
}

static void
close_window (GtkWindow *window)
{
  GtkWidget *view = gtk_window_get_child (window);

  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  gtk_window_destroy (window);
  debrief_test_wait_for (debrief_test_pointer_is_null, &view);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "evidence-views", name, NULL);
}

static GBytes *
load_data (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static guint
count_labels_with_prefix (GtkWidget  *widget,
                          const char *prefix)
{
  guint n = 0;

  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    n++;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_labels_with_prefix (child, prefix);

  return n;
}

static double
x_in (GtkWidget *widget,
      GtkWidget *ancestor)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, ancestor, &bounds));
  return bounds.origin.x;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* Chat */

/* Shows the messages of @import (taken) in @view; %NULL for none. */
static void
set_chat (GtkWidget         *view,
          DebriefChatImport *import)
{
  g_autoptr(DebriefChatContent) content = import != NULL ? debrief_chat_content_new (import) : NULL;

  debrief_chat_view_set_content (DEBRIEF_CHAT_VIEW (view), content);
}

static DebriefChatImport *
load_chat (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DebriefChatImport *import = debrief_chat_import_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return import;
}

static DebriefChatMessage *
chat_message (gint64      unix_time,
              const char *author,
              const char *text,
              const char *channel)
{
  DebriefChatMessage *message = g_new0 (DebriefChatMessage, 1);

  message->time = unix_time != G_MININT64 ? g_date_time_new_from_unix_utc (unix_time) : NULL;
  message->author = g_strdup (author);
  message->text = g_strdup (text);
  message->channel = g_strdup (channel);

  return message;
}

static DebriefChatImport *
chat_import_new (void)
{
  DebriefChatImport *import = g_new0 (DebriefChatImport, 1);

  import->format = DEBRIEF_CHAT_FORMAT_TRANSCRIPT;
  import->messages = g_ptr_array_new_with_free_func ((GDestroyNotify) debrief_chat_message_free);

  return import;
}

static void
test_chat_rows_show_messages (void)
{
  GtkWidget *view = debrief_chat_view_new ();
  GtkWindow *window = show_in_window (view, 640, 640);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  GtkWidget *reply_text;
  GtkWidget *plain_text;
  GtkWidget *ada;
  GtkWidget *grace;

  debrief_chat_view_set_time_zone (DEBRIEF_CHAT_VIEW (view), utc);
  set_chat (view, load_chat ("slack-day.json"));
  debrief_test_drain ();

  g_assert_cmpuint (debrief_chat_view_get_n_messages (DEBRIEF_CHAT_VIEW (view)), ==, 5);

  /* Time, author and text of each message, a divider for each day. */
  g_assert_nonnull (debrief_test_find_label (view, "Saturday, 14 March 2026"));
  g_assert_nonnull (debrief_test_find_label (view, "Monday, 16 March 2026"));
  g_assert_nonnull (debrief_test_find_label (view, "21:51:07"));
  g_assert_nonnull (debrief_test_find_label (view, "21:53:10"));
  g_assert_nonnull (debrief_test_find_label (view, "00:00:00"));
  g_assert_nonnull ((ada = debrief_test_find_label (view, "Ada Lovelace")));
  g_assert_nonnull ((grace = debrief_test_find_label (view, "Grace Hopper")));
  g_assert_nonnull (debrief_test_find_label (view, "Linus Ops"));
  g_assert_nonnull (debrief_test_find_label (view, "Gateways in EU-2 stopped reporting after the 4.2.1 rollout."));
  g_assert_nonnull (debrief_test_find_label (view, "Paging the on-call for the OTA service.\nRollouts are on hold until we know more."));

  /* Each author has a colour of their own. */
  g_assert_true (gtk_widget_has_css_class (ada, "debrief-author-0") ||
                 gtk_widget_has_css_class (ada, "debrief-author-1") ||
                 gtk_widget_has_css_class (ada, "debrief-author-2") ||
                 gtk_widget_has_css_class (ada, "debrief-author-3") ||
                 gtk_widget_has_css_class (ada, "debrief-author-4") ||
                 gtk_widget_has_css_class (ada, "debrief-author-5"));

  /* Threads: the first message counts its replies, which are marked and
   * indented under it. */
  g_assert_nonnull (debrief_test_find_label (view, "2 replies"));
  g_assert_cmpuint (count_labels_with_prefix (view, "↳ in thread"), ==, 2);
  reply_text = debrief_test_find_label (view, "Watchdog resets on the first boot, looking at the UART logs now.");
  plain_text = debrief_test_find_label (view, "Rollback finished, all gateways back.");
  g_assert_nonnull (reply_text);
  g_assert_nonnull (plain_text);
  g_assert_cmpfloat (x_in (reply_text, view), >=, x_in (plain_text, view) + 20);

  /* One channel: not named on every row. */
  g_assert_cmpuint (count_labels_with_prefix (view, "#"), ==, 0);

  /* The source's clock offset moves the times, and the days with them. */
  debrief_chat_view_set_clock_offset (DEBRIEF_CHAT_VIEW (view), (gint64) 9000 * G_USEC_PER_SEC);
  debrief_test_drain ();
  g_assert_nonnull (debrief_test_find_label (view, "00:21:07"));
  g_assert_nonnull (debrief_test_find_label (view, "Sunday, 15 March 2026"));
  g_assert_null (debrief_test_find_label (view, "21:51:07"));
  g_assert_null (debrief_test_find_label (view, "Saturday, 14 March 2026"));

  /* The incident's time zone. */
  debrief_chat_view_set_clock_offset (DEBRIEF_CHAT_VIEW (view), 0);
  debrief_chat_view_set_time_zone (DEBRIEF_CHAT_VIEW (view), berlin);
  debrief_test_drain ();
  g_assert_nonnull (debrief_test_find_label (view, "22:51:07"));
  g_assert_nonnull (debrief_test_find_label (view, "01:00:00"));

  close_window (window);
}

static void
test_chat_channels_shown_when_several (void)
{
  GtkWidget *view = debrief_chat_view_new ();
  GtkWindow *window = show_in_window (view, 640, 480);
  DebriefChatImport *import = chat_import_new ();

  g_ptr_array_add (import->messages, chat_message (1773525067, "Ada", "In the OTA channel", "ota-rollout"));
  g_ptr_array_add (import->messages, chat_message (1773525090, "Grace", "In the incident channel", "incident-42"));
  g_ptr_array_add (import->messages, chat_message (G_MININT64, "Linus", "Sent at a time the export does not say", NULL));
  set_chat (view, import);
  debrief_test_drain ();

  g_assert_nonnull (debrief_test_find_label (view, "#ota-rollout"));
  g_assert_nonnull (debrief_test_find_label (view, "#incident-42"));
  g_assert_nonnull (debrief_test_find_label (view, "Time not given"));
  g_assert_nonnull (debrief_test_find_label (view, "--:--:--"));

  close_window (window);
}

static gboolean
pointer_is_set (gpointer location)
{
  return *(gpointer *) location != NULL;
}

static void
clipboard_text_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;

  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

static void
test_chat_selection (void)
{
  GtkWidget *view = debrief_chat_view_new ();
  GtkWindow *window = show_in_window (view, 640, 640);
  GtkListView *list;
  GtkSelectionModel *selection;
  g_autofree char *text = NULL;
  g_autofree char *copied = NULL;
  guint first = G_MAXUINT, last = G_MAXUINT;
  guint n_changes = 0;

  g_signal_connect_swapped (view, "selection-changed", G_CALLBACK (count_cb), &n_changes);
  set_chat (view, load_chat ("slack-day.json"));
  debrief_test_drain ();

  /* Nothing selected yet. */
  g_assert_false (debrief_chat_view_get_selected_range (DEBRIEF_CHAT_VIEW (view), &first, &last));
  g_assert_null (debrief_chat_view_dup_selected_text (DEBRIEF_CHAT_VIEW (view)));
  g_assert_cmpint (debrief_chat_view_get_selected_usec (DEBRIEF_CHAT_VIEW (view)), ==, G_MININT64);

  /* Selected for a citation. */
  n_changes = 0;
  debrief_chat_view_select_range (DEBRIEF_CHAT_VIEW (view), 1, 2);
  g_assert_cmpuint (n_changes, >=, 1);
  g_assert_true (debrief_chat_view_get_selected_range (DEBRIEF_CHAT_VIEW (view), &first, &last));
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (last, ==, 2);
  text = debrief_chat_view_dup_selected_text (DEBRIEF_CHAT_VIEW (view));
  g_assert_cmpstr (text, ==,
                   "Grace Hopper: Watchdog resets on the first boot, looking at the UART logs now.\n"
                   "Ada Lovelace: Preparing the rollback build.");
  g_assert_cmpint (debrief_chat_view_get_selected_usec (DEBRIEF_CHAT_VIEW (view)), ==,
                   (gint64) 1773525190 * G_USEC_PER_SEC + 100);

  /* On the incident's clock. */
  debrief_chat_view_set_clock_offset (DEBRIEF_CHAT_VIEW (view), -2 * G_USEC_PER_SEC);
  g_assert_cmpint (debrief_chat_view_get_selected_usec (DEBRIEF_CHAT_VIEW (view)), ==,
                   (gint64) 1773525188 * G_USEC_PER_SEC + 100);

  /* Copied as the same lines. */
  g_assert_true (gtk_widget_activate_action (view, "chat.copy", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (view), NULL, clipboard_text_cb, &copied);
  debrief_test_wait_for (pointer_is_set, &copied);
  g_assert_cmpstr (copied, ==, text);

  /* A click on a row, as the list view makes it, is seen too. */
  list = GTK_LIST_VIEW (debrief_test_find_descendant (view, GTK_TYPE_LIST_VIEW));
  selection = gtk_list_view_get_model (list);
  n_changes = 0;
  gtk_selection_model_select_item (selection, 4, TRUE);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_true (debrief_chat_view_get_selected_range (DEBRIEF_CHAT_VIEW (view), &first, &last));
  g_assert_cmpuint (first, ==, 4);
  g_assert_cmpuint (last, ==, 4);

  /* Another import starts with nothing selected. */
  n_changes = 0;
  set_chat (view, load_chat ("slack-day.json"));
  g_assert_cmpuint (n_changes, >=, 1);
  g_assert_false (debrief_chat_view_get_selected_range (DEBRIEF_CHAT_VIEW (view), NULL, NULL));

  close_window (window);
}

static gboolean
label_is_visible_in (GtkWidget *label,
                     GtkWidget *viewport)
{
  graphene_rect_t bounds;

  return label != NULL && gtk_widget_compute_bounds (label, viewport, &bounds) &&
         bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (viewport);
}

static void
test_chat_many_messages_stay_fast (void)
{
  GtkWidget *view = debrief_chat_view_new ();
  GtkWindow *window = show_in_window (view, 640, 640);
  DebriefChatImport *import = chat_import_new ();
  GtkWidget *list = debrief_test_find_descendant (view, GTK_TYPE_LIST_VIEW);
  GtkWidget *scroller = debrief_test_find_descendant (view, GTK_TYPE_SCROLLED_WINDOW);
  gint64 start;
  guint first, last;

  for (guint i = 0; i < 100000; i++)
    {
      g_autofree char *author = g_strdup_printf ("Responder %u", i % 17);
      g_autofree char *text = g_strdup_printf ("Message number %u", i);

      g_ptr_array_add (import->messages, chat_message (1773525067 + i * 7, author, text, NULL));
    }

  start = g_get_monotonic_time ();
  set_chat (view, import);
  debrief_test_drain ();
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  /* Only the rows on screen exist. */
  g_assert_nonnull (debrief_test_find_label (view, "Message number 0"));
  g_assert_cmpuint (debrief_test_count_children (list), <, 300);

  /* Selecting a citation scrolls to it. */
  debrief_chat_view_select_range (DEBRIEF_CHAT_VIEW (view), 50000, 50002);
  debrief_test_drain ();
  g_assert_true (label_is_visible_in (debrief_test_find_label (view, "Message number 50000"), scroller));
  g_assert_null (debrief_test_find_label (view, "Message number 0"));
  g_assert_true (debrief_chat_view_get_selected_range (DEBRIEF_CHAT_VIEW (view), &first, &last));
  g_assert_cmpuint (first, ==, 50000);
  g_assert_cmpuint (last, ==, 50002);

  /* A range past the end ends at the last message. */
  debrief_chat_view_select_range (DEBRIEF_CHAT_VIEW (view), 99998, 200000);
  debrief_test_drain ();
  g_assert_true (debrief_chat_view_get_selected_range (DEBRIEF_CHAT_VIEW (view), &first, &last));
  g_assert_cmpuint (first, ==, 99998);
  g_assert_cmpuint (last, ==, 99999);
  g_assert_true (label_is_visible_in (debrief_test_find_label (view, "Message number 99998"), scroller));

  close_window (window);
}

static void
test_chat_hostile_messages (void)
{
  GtkWidget *view = debrief_chat_view_new ();
  GtkWindow *window = show_in_window (view, 640, 640);
  DebriefChatImport *import = chat_import_new ();
  g_autofree char *huge = g_malloc (DEBRIEF_CHAT_MAX_TEXT + 1);
  g_autofree char *text = NULL;
  GtkWidget *status;

  /* No messages: said so. */
  set_chat (view, chat_import_new ());
  debrief_test_drain ();
  status = debrief_test_find_descendant (view, ADW_TYPE_STATUS_PAGE);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Messages");

  /* One message of 256 KiB, on many lines. */
  for (gsize i = 0; i < DEBRIEF_CHAT_MAX_TEXT; i++)
    huge[i] = i % 100 == 99 ? '\n' : 'a' + i % 26;
  huge[DEBRIEF_CHAT_MAX_TEXT] = '\0';
  g_ptr_array_add (import->messages, chat_message (1773525067, "Mallory", huge, NULL));
  g_ptr_array_add (import->messages, chat_message (1773525068, "Ada", "After the long one", NULL));
  set_chat (view, import);
  debrief_test_drain ();

  g_assert_false (gtk_widget_get_mapped (status));
  g_assert_cmpuint (count_labels_with_prefix (view, "Shortened here: "), ==, 1);
  debrief_chat_view_select_range (DEBRIEF_CHAT_VIEW (view), 1, 1);
  debrief_test_drain ();
  g_assert_nonnull (debrief_test_find_label (view, "After the long one"));

  /* Cited whole. */
  debrief_chat_view_select_range (DEBRIEF_CHAT_VIEW (view), 0, 0);
  text = debrief_chat_view_dup_selected_text (DEBRIEF_CHAT_VIEW (view));
  g_assert_cmpuint (strlen (text), ==, strlen ("Mallory: ") + DEBRIEF_CHAT_MAX_TEXT);

  /* And nothing at all. */
  set_chat (view, NULL);
  debrief_test_drain ();
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_false (debrief_chat_view_get_selected_range (DEBRIEF_CHAT_VIEW (view), NULL, NULL));

  close_window (window);
}

/* Report */

static GtkTextBuffer *
report_buffer (GtkWidget *view)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (debrief_test_find_descendant (view, GTK_TYPE_TEXT_VIEW)));
}

static char *
report_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = report_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Selects the first @text shown, as a user would with the mouse. */
static void
select_shown (GtkWidget  *view,
              const char *text)
{
  GtkTextBuffer *buffer = report_buffer (view);
  GtkTextIter start, match_start, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, text, 0, &match_start, &match_end, NULL));
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
}

typedef struct
{
  double   scale;
  int      weight;
  gboolean italic;
  gboolean monospace;
  gboolean underline;
  gboolean background;
  int      left_margin;
} Looks;

/* How the first @text shown looks, from the tags on it. */
static Looks
looks_of (GtkWidget  *view,
          const char *text)
{
  GtkTextBuffer *buffer = report_buffer (view);
  GtkTextIter start, match_start, match_end;
  Looks looks = { 1.0, PANGO_WEIGHT_NORMAL, FALSE, FALSE, FALSE, FALSE, 0 };
  g_autoptr(GSList) tags = NULL;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, text, 0, &match_start, &match_end, NULL));

  tags = gtk_text_iter_get_tags (&match_start);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      g_autofree char *family = NULL;
      gboolean scale_set, weight_set, style_set, family_set, underline_set, background_set, margin_set;
      double scale;
      int weight, left_margin;
      PangoStyle style;
      PangoUnderline underline;

      g_object_get (l->data,
                    "scale", &scale, "scale-set", &scale_set,
                    "weight", &weight, "weight-set", &weight_set,
                    "style", &style, "style-set", &style_set,
                    "family", &family, "family-set", &family_set,
                    "underline", &underline, "underline-set", &underline_set,
                    "paragraph-background-set", &background_set,
                    "left-margin", &left_margin, "left-margin-set", &margin_set,
                    NULL);
      if (scale_set)
        looks.scale = MAX (looks.scale, scale);
      if (weight_set)
        looks.weight = MAX (looks.weight, weight);
      if (style_set && style == PANGO_STYLE_ITALIC)
        looks.italic = TRUE;
      if (family_set && g_strcmp0 (family, "monospace") == 0)
        looks.monospace = TRUE;
      if (underline_set && underline != PANGO_UNDERLINE_NONE)
        looks.underline = TRUE;
      if (background_set)
        looks.background = TRUE;
      if (margin_set)
        looks.left_margin = MAX (looks.left_margin, left_margin);
    }

  return looks;
}

static void
assert_selected_lines (GtkWidget *view,
                       guint      expected_first,
                       guint      expected_last)
{
  guint first = G_MAXUINT, last = G_MAXUINT;

  g_assert_true (debrief_report_view_get_selected_lines (DEBRIEF_REPORT_VIEW (view), &first, &last));
  g_assert_cmpuint (first, ==, expected_first);
  g_assert_cmpuint (last, ==, expected_last);
}

static void
set_report (GtkWidget  *view,
            const char *name,
            const char *file_name)
{
  g_autoptr(GBytes) bytes = load_data (name);
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);

  debrief_report_view_set_text (DEBRIEF_REPORT_VIEW (view), text, length, file_name);
}

static void
test_report_markdown (void)
{
  GtkWidget *view = debrief_report_view_new ();
  GtkWindow *window = show_in_window (view, 720, 640);
  g_autofree char *text = NULL;
  g_autofree char *selected = NULL;
  Looks h1, h2, h3, body, looks;
  guint n_changes = 0;

  g_signal_connect_swapped (view, "selection-changed", G_CALLBACK (count_cb), &n_changes);
  set_report (view, "report.md", "report.md");
  debrief_test_drain ();
  text = report_text (view);

  /* Markdown's marks are gone, what they mean is shown. */
  g_assert_null (strstr (text, "#"));
  g_assert_null (strstr (text, "**"));
  g_assert_null (strstr (text, "```"));
  g_assert_null (strstr (text, "https://grafana"));
  g_assert_nonnull (strstr (text, "•  02:11 first watchdog reset"));
  g_assert_nonnull (strstr (text, "☑ root cause found"));
  /* Lines of a paragraph are joined, and wrap as the window does. */
  g_assert_nonnull (strstr (text, "about 3,000 gateways offline for two hours."));
  g_assert_nonnull (strstr (text, "The watchdog reset the devices before they could roll back."));

  h1 = looks_of (view, "Post-mortem: EU-2 gateways offline");
  h2 = looks_of (view, "Summary");
  h3 = looks_of (view, "Timeline");
  body = looks_of (view, "On 14 March");
  g_assert_cmpfloat (h1.scale, >, h2.scale);
  g_assert_cmpfloat (h2.scale, >, h3.scale);
  g_assert_cmpfloat (h3.scale, >, body.scale);
  g_assert_cmpint (h1.weight, >=, PANGO_WEIGHT_BOLD);
  g_assert_cmpint (h3.weight, >=, PANGO_WEIGHT_BOLD);
  g_assert_cmpint (body.weight, ==, PANGO_WEIGHT_NORMAL);

  g_assert_cmpint (looks_of (view, "3,000 gateways").weight, >=, PANGO_WEIGHT_BOLD);
  g_assert_cmpint (looks_of (view, "halted").weight, >=, PANGO_WEIGHT_BOLD);
  g_assert_true (looks_of (view, "two hours").italic);
  g_assert_true (looks_of (view, "0x1000").monospace);
  g_assert_true (looks_of (view, "the dashboard").underline);
  looks = looks_of (view, "E ota: partition");
  g_assert_true (looks.monospace);
  g_assert_true (looks.background);
  g_assert_cmpint (looks_of (view, "The watchdog reset").left_margin, >, 0);
  /* A nested item is further in. */
  g_assert_cmpint (looks_of (view, "rollback build started").left_margin, >,
                   looks_of (view, "02:11 first").left_margin);

  /* Selections are cited by the file's lines. */
  g_assert_false (debrief_report_view_get_selected_lines (DEBRIEF_REPORT_VIEW (view), NULL, NULL));
  n_changes = 0;
  select_shown (view, "two hours");
  g_assert_cmpuint (n_changes, >=, 1);
  assert_selected_lines (view, 5, 5);
  selected = debrief_report_view_dup_selected_text (DEBRIEF_REPORT_VIEW (view));
  g_assert_cmpstr (selected, ==, "two hours");
  g_clear_pointer (&selected, g_free);

  select_shown (view, "firmware 4.2.1 left about 3,000 gateways offline");
  assert_selected_lines (view, 4, 5);
  select_shown (view, "Timeline");
  assert_selected_lines (view, 7, 7);
  select_shown (view, "W wdt");
  assert_selected_lines (view, 19, 19);
  select_shown (view, "for details");
  assert_selected_lines (view, 22, 22);

  /* And a citation is selected again by them. */
  debrief_report_view_select_lines (DEBRIEF_REPORT_VIEW (view), 9, 10);
  assert_selected_lines (view, 9, 10);
  selected = debrief_report_view_dup_selected_text (DEBRIEF_REPORT_VIEW (view));
  g_assert_cmpstr (selected, ==, "•  02:11 first watchdog reset\n•  02:30 rollout halted");
  g_clear_pointer (&selected, g_free);

  debrief_report_view_select_lines (DEBRIEF_REPORT_VIEW (view), 5, 5);
  assert_selected_lines (view, 5, 5);
  selected = debrief_report_view_dup_selected_text (DEBRIEF_REPORT_VIEW (view));
  g_assert_cmpstr (selected, ==, "offline for two hours. The partition table moved by 0x1000.");
  g_clear_pointer (&selected, g_free);

  debrief_report_view_select_lines (DEBRIEF_REPORT_VIEW (view), 18, 19);
  assert_selected_lines (view, 18, 19);
  selected = debrief_report_view_dup_selected_text (DEBRIEF_REPORT_VIEW (view));
  g_assert_cmpstr (selected, ==, "E ota: partition 'app1' not found\nW wdt: task watchdog got triggered");
  g_clear_pointer (&selected, g_free);

  /* With the fences, which are not shown: the code between them. */
  debrief_report_view_select_lines (DEBRIEF_REPORT_VIEW (view), 17, 20);
  selected = debrief_report_view_dup_selected_text (DEBRIEF_REPORT_VIEW (view));
  g_assert_cmpstr (selected, ==, "E ota: partition 'app1' not found\nW wdt: task watchdog got triggered");

  close_window (window);
}

static void
test_report_email (void)
{
  GtkWidget *view = debrief_report_view_new ();
  GtkWindow *window = show_in_window (view, 720, 640);
  g_autofree char *text = NULL;
  g_autofree char *selected = NULL;

  set_report (view, "incident.eml", "incident.eml");
  debrief_test_drain ();
  text = report_text (view);

  /* The main headers, decoded, in a block. */
  g_assert_true (g_str_has_prefix (text, "From:\tAda Lövelace <ada@example.com>\n"
                                         "To:\tfirmware-team@example.com\n"
                                         "Subject:\tGateways offline – Rückblick\n"
                                         "Date:\tSat, 14 Mar 2026 02:30:00 +0000\n"));
  g_assert_cmpint (looks_of (view, "From:").weight, >=, PANGO_WEIGHT_BOLD);
  g_assert_true (looks_of (view, "To:").background);
  g_assert_null (strstr (text, "Message-ID"));
  g_assert_null (strstr (text, "MIME-Version"));

  /* The text part, its quoted-printable decoded and its soft breaks
   * joined; not the HTML part, not the attachment, not the MIME parts. */
  g_assert_nonnull (strstr (text, "the rollback build für EU-2 is ready. About a third of the gateways "
                                  "stopped reporting after the OTA.\n"));
  g_assert_null (strstr (text, "=C3"));
  g_assert_null (strstr (text, "HTML version"));
  g_assert_null (strstr (text, "app1"));
  g_assert_null (strstr (text, "Content-Type"));
  g_assert_null (strstr (text, "--inner"));
  g_assert_null (strstr (text, "multi-part message"));

  /* Cited by the lines of the file. */
  select_shown (view, "Rückblick");
  assert_selected_lines (view, 2, 2);
  select_shown (view, "rollback build für");
  assert_selected_lines (view, 18, 18);
  select_shown (view, "Please hold");
  assert_selected_lines (view, 21, 21);
  debrief_report_view_select_lines (DEBRIEF_REPORT_VIEW (view), 23, 23);
  selected = debrief_report_view_dup_selected_text (DEBRIEF_REPORT_VIEW (view));
  g_assert_cmpstr (selected, ==, "Ada");
  g_clear_pointer (&selected, g_free);

  /* Recognised by its headers when it has no name. */
  set_report (view, "incident.eml", NULL);
  g_clear_pointer (&text, g_free);
  text = report_text (view);
  g_assert_true (g_str_has_prefix (text, "From:\tAda Lövelace"));
  g_assert_false (debrief_report_view_get_selected_lines (DEBRIEF_REPORT_VIEW (view), NULL, NULL));

  /* A body in base64 and Latin-1. */
  debrief_report_view_set_text (DEBRIEF_REPORT_VIEW (view),
                                "From: grace@example.com\n"
                                "Subject: Lab\n"
                                "Content-Type: text/plain; charset=ISO-8859-1\n"
                                "Content-Transfer-Encoding: base64\n"
                                "\n"
                                "R3L832UgYXVzIGRlbSBMYWJvci4KWndlaXRlIFplaWxlLgo=\n",
                                (gsize) -1, "lab.eml");
  g_clear_pointer (&text, g_free);
  text = report_text (view);
  g_assert_nonnull (strstr (text, "\nGrüße aus dem Labor.\nZweite Zeile.\n"));
  g_assert_null (strstr (text, "R3L8"));

  /* Only HTML: shown as text, without its markup and styles. */
  debrief_report_view_set_text (DEBRIEF_REPORT_VIEW (view),
                                "From: grace@example.com\n"
                                "Date: Sat, 14 Mar 2026 03:00:00 +0000\n"
                                "Content-Type: text/html; charset=utf-8\n"
                                "\n"
                                "<html><head><style>p { color: red; }</style></head>\n"
                                "<body><p>Hello &amp; welcome&#33;</p><ul><li>one</li></ul></body></html>\n",
                                (gsize) -1, NULL);
  g_clear_pointer (&text, g_free);
  text = report_text (view);
  g_assert_nonnull (strstr (text, "\nHello & welcome!\n"));
  g_assert_nonnull (strstr (text, "\n•  one"));
  g_assert_null (strstr (text, "color"));
  g_assert_null (strstr (text, "<p>"));

  /* Plain text is shown as it is. */
  debrief_report_view_set_text (DEBRIEF_REPORT_VIEW (view), "# not a heading\n**as typed**", (gsize) -1, "notes.log");
  g_clear_pointer (&text, g_free);
  text = report_text (view);
  g_assert_cmpstr (text, ==, "# not a heading\n**as typed**");
  g_assert_cmpfloat (looks_of (view, "not a heading").scale, ==, 1.0);

  close_window (window);
}

static void
test_report_huge_and_hostile (void)
{
  GtkWidget *view = debrief_report_view_new ();
  GtkWindow *window = show_in_window (view, 720, 640);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) long_line = g_string_new (NULL);
  g_autoptr(GString) markers = g_string_new (NULL);
  g_autofree char *selected = NULL;
  g_autofree char *expected = NULL;
  gint64 start;

  while (long_line->len < 1024 * 1024)
    g_string_append (long_line, "ÿword ");

  for (guint i = 0; text->len < 5 * 1024 * 1024; i++)
    {
      if (i == 100)
        g_string_append_len (text, long_line->str, (gssize) long_line->len);
      else
        g_string_append_printf (text, "Line %06u of a report that is far longer than any real one.", i);
      g_string_append_c (text, '\n');
    }

  start = g_get_monotonic_time ();
  debrief_report_view_set_text (DEBRIEF_REPORT_VIEW (view), text->str, text->len, NULL);
  debrief_test_drain ();
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

  debrief_report_view_select_lines (DEBRIEF_REPORT_VIEW (view), 60000, 60000);
  assert_selected_lines (view, 60000, 60000);
  selected = debrief_report_view_dup_selected_text (DEBRIEF_REPORT_VIEW (view));
  g_assert_cmpstr (selected, ==, "Line 060000 of a report that is far longer than any real one.");
  g_clear_pointer (&selected, g_free);

  /* A line of a megabyte is broken for the display, not for the citation. */
  debrief_report_view_select_lines (DEBRIEF_REPORT_VIEW (view), 100, 100);
  assert_selected_lines (view, 100, 100);
  selected = debrief_report_view_dup_selected_text (DEBRIEF_REPORT_VIEW (view));
  g_assert_cmpuint (strlen (selected), ==, long_line->len);
  g_assert_true (strcmp (selected, long_line->str) == 0);
  g_clear_pointer (&selected, g_free);
  select_shown (view, "Line 000101");
  assert_selected_lines (view, 101, 101);

  /* Markdown made to make a parser slow: unmatched and nested marks by
   * the hundred thousand. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (markers, "**[*_`");
  g_string_append_c (markers, '\n');
  for (guint i = 0; i < 20000; i++)
    g_string_append (markers, "[**a *b _c [d](");
  g_string_append (markers, "\n> > > > quoted\n    code\n");
  for (guint i = 0; i < 2000; i++)
    g_string_append (markers, "  - ");
  g_string_append (markers, "item\n");

  start = g_get_monotonic_time ();
  debrief_report_view_set_text (DEBRIEF_REPORT_VIEW (view), markers->str, markers->len, "hostile.md");
  debrief_test_drain ();
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  select_shown (view, "quoted");
  assert_selected_lines (view, 2, 2);

  /* Nothing at all. */
  debrief_report_view_set_text (DEBRIEF_REPORT_VIEW (view), "", 0, "empty.md");
  expected = report_text (view);
  g_assert_cmpstr (expected, ==, "");
  debrief_report_view_select_lines (DEBRIEF_REPORT_VIEW (view), 0, 10);
  g_assert_false (debrief_report_view_get_selected_lines (DEBRIEF_REPORT_VIEW (view), NULL, NULL));

  close_window (window);
}

/* Image */

/* The scrolled window of the image, not those of the status pages. */
static GtkWidget *
image_scroller (GtkWidget *view)
{
  return gtk_widget_get_ancestor (debrief_test_find_descendant (view, GTK_TYPE_PICTURE),
                                  GTK_TYPE_SCROLLED_WINDOW);
}

static double
expected_fit (GtkWidget *view,
              int        image_width,
              int        image_height)
{
  GtkWidget *scroller = image_scroller (view);

  return MIN (MIN (gtk_widget_get_width (scroller) / (double) image_width,
                   gtk_widget_get_height (scroller) / (double) image_height), 1.0);
}

static void
test_image_zoom (void)
{
  GtkWidget *view = debrief_image_view_new ();
  GtkWindow *window = show_in_window (view, 420, 420);
  DebriefImageView *image = DEBRIEF_IMAGE_VIEW (view);
  g_autoptr(GBytes) png = load_data ("screenshot.png");
  g_autoptr(GBytes) jpeg = load_data ("photo.jpg");
  g_autoptr(GError) error = NULL;
  GtkWidget *picture = debrief_test_find_descendant (view, GTK_TYPE_PICTURE);
  GtkAdjustment *hadjustment;
  g_autofree char *xid = NULL;
  double fit, zoom;

  g_assert_true (debrief_image_view_set_bytes (image, png, &error));
  g_assert_no_error (error);
  debrief_test_drain ();

  /* Fitted to the view at first. */
  g_assert_nonnull (debrief_test_find_label (view, "640 × 480 pixels"));
  fit = expected_fit (view, 640, 480);
  g_assert_cmpfloat (fit, <, 1.0);
  g_assert_true (debrief_image_view_get_fits (image));
  g_assert_cmpfloat_with_epsilon (debrief_image_view_get_zoom (image), fit, 0.01);
  g_assert_cmpint (abs (gtk_widget_get_width (picture) - (int) (640 * fit)), <=, 1);
  {
    g_autofree char *percent = g_strdup_printf ("%.0f%%", debrief_image_view_get_zoom (image) * 100);

    g_assert_nonnull (debrief_test_find_label (view, percent));
  }

  /* In and out by the actions the buttons and keys use. */
  g_assert_true (gtk_widget_activate_action (view, "image.zoom-in", NULL));
  zoom = debrief_image_view_get_zoom (image);
  g_assert_cmpfloat (zoom, >, fit);
  g_assert_false (debrief_image_view_get_fits (image));
  g_assert_true (gtk_widget_activate_action (view, "image.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (view, "image.zoom-out", NULL));
  g_assert_cmpfloat (debrief_image_view_get_zoom (image), <, fit);

  /* Its own size: larger than the view, so it scrolls. */
  g_assert_true (gtk_widget_activate_action (view, "image.zoom-original", NULL));
  debrief_test_drain ();
  g_assert_cmpfloat (debrief_image_view_get_zoom (image), ==, 1.0);
  g_assert_cmpint (gtk_widget_get_width (picture), ==, 640);
  hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (image_scroller (view)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >=, 640);
  g_assert_cmpfloat (gtk_adjustment_get_page_size (hadjustment), <, 640);
  /* Zoomed about the middle, which stays in the middle. */
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (hadjustment),
                                  (640 - gtk_adjustment_get_page_size (hadjustment)) / 2, 2.0);

  /* Back to fitting. */
  debrief_image_view_zoom_to_fit (image);
  g_assert_true (debrief_image_view_get_fits (image));
  g_assert_cmpfloat_with_epsilon (debrief_image_view_get_zoom (image), fit, 0.01);
  debrief_test_drain ();
  g_assert_cmpint (abs (gtk_widget_get_width (picture) - (int) (640 * fit)), <=, 1);

  /* A set zoom. */
  debrief_image_view_set_zoom (image, 2.0);
  debrief_test_drain ();
  g_assert_cmpfloat (debrief_image_view_get_zoom (image), ==, 2.0);
  g_assert_cmpint (gtk_widget_get_width (picture), ==, 1280);

  /* The buttons. */
  g_signal_emit_by_name (debrief_test_find_button (view, "Best Fit"), "clicked");
  debrief_test_drain ();
  g_assert_true (debrief_image_view_get_fits (image));
  g_signal_emit_by_name (debrief_test_find_button (view, "Zoom In"), "clicked");
  g_assert_cmpfloat (debrief_image_view_get_zoom (image), >, fit);
  g_signal_emit_by_name (debrief_test_find_button (view, "Original Size"), "clicked");
  g_assert_cmpfloat (debrief_image_view_get_zoom (image), ==, 1.0);
  g_signal_emit_by_name (debrief_test_find_button (view, "Zoom Out"), "clicked");
  g_assert_cmpfloat (debrief_image_view_get_zoom (image), <, 1.0);

  /* The keyboard, when the image has the focus. */
  debrief_image_view_zoom_to_fit (image);
  debrief_test_drain ();
  gtk_widget_grab_focus (image_scroller (view));
  xid = debrief_test_focus_x_window (window);
  if (xid != NULL)
    {
      debrief_test_xdotool ((const char *[]) { "key", "--clearmodifiers", "ctrl+plus", NULL });
      g_assert_false (debrief_image_view_get_fits (image));
      zoom = debrief_image_view_get_zoom (image);
      g_assert_cmpfloat (zoom, >, fit);
      debrief_test_xdotool ((const char *[]) { "key", "--clearmodifiers", "ctrl+minus", NULL });
      g_assert_cmpfloat (debrief_image_view_get_zoom (image), <, zoom);
      debrief_test_xdotool ((const char *[]) { "key", "--clearmodifiers", "ctrl+1", NULL });
      g_assert_cmpfloat (debrief_image_view_get_zoom (image), ==, 1.0);
      debrief_test_xdotool ((const char *[]) { "key", "--clearmodifiers", "ctrl+0", NULL });
      g_assert_true (debrief_image_view_get_fits (image));

      /* Ctrl and the wheel, over the image. */
      debrief_test_xdotool ((const char *[]) { "mousemove", "--window", xid, "200", "200", NULL });
      debrief_test_xdotool ((const char *[]) { "keydown", "ctrl", "click", "4", "keyup", "ctrl", NULL });
      g_assert_false (debrief_image_view_get_fits (image));
      g_assert_cmpfloat (debrief_image_view_get_zoom (image), >, fit);
    }

  /* A photo smaller than the view is not blown up. */
  g_assert_true (debrief_image_view_set_bytes (image, jpeg, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (debrief_image_view_get_zoom (image), ==, 1.0);
  debrief_test_drain ();
  g_assert_nonnull (debrief_test_find_label (view, "320 × 200 pixels"));
  g_assert_true (debrief_image_view_get_fits (image));
  g_assert_cmpfloat (debrief_image_view_get_zoom (image), ==, 1.0);
  g_assert_cmpint (gtk_widget_get_width (picture), ==, 320);

  close_window (window);
}

static void
test_image_cannot_be_shown (void)
{
  GtkWidget *view = debrief_image_view_new ();
  GtkWindow *window = show_in_window (view, 420, 420);
  DebriefImageView *image = DEBRIEF_IMAGE_VIEW (view);
  g_autoptr(GBytes) truncated = load_data ("truncated.png");
  g_autoptr(GBytes) png = load_data ("screenshot.png");
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) text = g_bytes_new_static ("not an image at all", 19);
  static const guint8 bomb_header[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0x00, 0x01, 0x86, 0xa0, 0x00, 0x01, 0x86, 0xa0, 8, 6, 0, 0, 0, 0, 0, 0, 0,
  };
  g_autoptr(GBytes) bomb = g_bytes_new_static (bomb_header, sizeof bomb_header);
  g_autoptr(GError) error = NULL;
  GtkWidget *status = NULL;
  GtkWidget *picture = debrief_test_find_descendant (view, GTK_TYPE_PICTURE);

  /* Cut short. */
  g_assert_false (debrief_image_view_set_bytes (image, truncated, &error));
  g_assert_error (error, DEBRIEF_IMAGE_VIEW_ERROR, DEBRIEF_IMAGE_VIEW_ERROR_UNREADABLE);
  debrief_test_drain ();

  status = debrief_test_find_mapped (view, ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "This image cannot be shown");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), ==, error->message);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_false (gtk_widget_get_mapped (picture));
  g_assert_null (debrief_image_view_get_texture (image));
  g_clear_error (&error);

  /* Nothing, and not an image. */
  g_assert_false (debrief_image_view_set_bytes (image, empty, &error));
  g_assert_error (error, DEBRIEF_IMAGE_VIEW_ERROR, DEBRIEF_IMAGE_VIEW_ERROR_EMPTY);
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), ==, error->message);
  g_clear_error (&error);
  g_assert_false (debrief_image_view_set_bytes (image, text, &error));
  g_assert_error (error, DEBRIEF_IMAGE_VIEW_ERROR, DEBRIEF_IMAGE_VIEW_ERROR_UNREADABLE);
  g_clear_error (&error);

  /* A header that asks for 100,000 × 100,000 pixels is refused before
   * anything is decoded. */
  g_assert_false (debrief_image_view_set_bytes (image, bomb, &error));
  g_assert_error (error, DEBRIEF_IMAGE_VIEW_ERROR, DEBRIEF_IMAGE_VIEW_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "100000 × 100000"));
  g_clear_error (&error);

  /* A good one after them is shown. */
  g_assert_true (debrief_image_view_set_bytes (image, png, &error));
  g_assert_no_error (error);
  debrief_test_drain ();
  g_assert_false (gtk_widget_get_mapped (status));
  g_assert_true (gtk_widget_get_mapped (picture));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/debrief/evidence-views/chat/rows-show-messages", test_chat_rows_show_messages);
  g_test_add_func ("/debrief/evidence-views/chat/channels-shown-when-several", test_chat_channels_shown_when_several);
  g_test_add_func ("/debrief/evidence-views/chat/selection", test_chat_selection);
  g_test_add_func ("/debrief/evidence-views/chat/many-messages-stay-fast", test_chat_many_messages_stay_fast);
  g_test_add_func ("/debrief/evidence-views/chat/hostile-messages", test_chat_hostile_messages);
  g_test_add_func ("/debrief/evidence-views/report/markdown", test_report_markdown);
  g_test_add_func ("/debrief/evidence-views/report/email", test_report_email);
  g_test_add_func ("/debrief/evidence-views/report/huge-and-hostile", test_report_huge_and_hostile);
  g_test_add_func ("/debrief/evidence-views/image/zoom", test_image_zoom);
  g_test_add_func ("/debrief/evidence-views/image/cannot-be-shown", test_image_cannot_be_shown);

  return g_test_run ();
}
