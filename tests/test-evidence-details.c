/* test-evidence-details.c
 *
 * The Evidence view in a real window under Xvfb, on the item shown:
 * aligning a since-boot clock (and a wrong boot time said in place), what
 * the details say (the year assumed for a log, an e-mail's time, a chat
 * citation's author and time), and the keys of the log and image viewers
 * that work from the evidence list. Importing, the list, the viewers,
 * citing, search, removing and renaming are in test-evidence-page.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "debrief-document.h"
#include "debrief-timeline-event.h"
#include "debrief-application.h"
#include "debrief-test-evidence.h"
#include "debrief-test-ui.h"
#include "debrief-test-util.h"
#include "debrief-chat-view.h"
#include "debrief-evidence-page.h"
#include "debrief-evidence-page-private.h"
#include "debrief-image-view.h"
#include "debrief-log-view.h"
#include "debrief-window.h"

/* --- 1. Clock alignment ------------------------------------------------- */

static void
test_align_since_boot_clock (void)
{
  DebriefEvidencePage *page;
  DebriefWindow *window = debrief_test_evidence_new_incident_window (&page);
  DebriefDocument *document = debrief_window_get_document (window);
  g_autoptr(GDateTime) boot = g_date_time_new_from_iso8601 ("2026-03-14T02:12:29.500Z", NULL);
  gint64 boot_ms = g_date_time_to_unix (boot) * 1000 + g_date_time_get_microsecond (boot) / 1000;
  DebriefEvidence *zephyr;
  DebriefLogView *view;
  GtkWidget *clock;
  GtkWidget *boot_row;
  AdwMessageDialog *dialog;
  gint64 before;

  debrief_test_evidence_import_files (page, (const char *[]) { "evidence/device-zephyr.log", NULL });
  debrief_test_destroy_dialogs ();
  zephyr = debrief_test_evidence_at (document, 0);
  g_assert_true (debrief_evidence_get_since_boot (zephyr));
  g_assert_cmpint (debrief_evidence_get_clock_offset_ms (zephyr), ==, 0);

  /* Not on the incident's clock yet, and the details say so. */
  clock = debrief_test_find_row (debrief_test_evidence_item_pane (page), ADW_TYPE_ACTION_ROW, "Clock");
  g_assert_nonnull (clock);
  g_assert_true (gtk_widget_get_visible (clock));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (clock)), "Counts time since boot"));
  view = debrief_test_evidence_shown_log_view (page);
  before = debrief_test_row_usec (view, 1);

  /* The boot time, typed in the dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evidence.align-clock", NULL));
  dialog = debrief_test_wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Align Clock");
  boot_row = debrief_test_find_row (adw_message_dialog_get_extra_child (dialog), ADW_TYPE_ENTRY_ROW, "Boot Time");
  g_assert_nonnull (boot_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (boot_row)), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (boot_row), "2026-03-14 02:12:29.500");
  debrief_test_respond (dialog, "align");

  g_assert_cmpint (debrief_evidence_get_clock_offset_ms (zephyr), ==, boot_ms);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (clock)), ==,
                   "Time since boot; booted at 2026-03-14 02:12:29");
  view = debrief_test_evidence_shown_log_view (page);
  g_assert_cmpint (debrief_test_row_usec (view, 1), ==, before + boot_ms * 1000);
  g_assert_cmpint (debrief_test_row_usec (view, 1), ==, g_date_time_to_unix (boot) * G_USEC_PER_SEC + 500000 + 2136);

  /* Opened again, it shows the boot time; aligning without a change
   * leaves the clock as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evidence.align-clock", NULL));
  dialog = debrief_test_wait_for_dialog ();
  boot_row = debrief_test_find_row (adw_message_dialog_get_extra_child (dialog), ADW_TYPE_ENTRY_ROW, "Boot Time");
  g_assert_nonnull (boot_row);
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (boot_row)), "2026-03-14 02:12:29"));
  debrief_test_respond (dialog, "align");
  g_assert_cmpint (debrief_evidence_get_clock_offset_ms (zephyr), ==, boot_ms);

  /* Undo puts the clock back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  debrief_test_drain ();
  g_assert_cmpint (debrief_evidence_get_clock_offset_ms (zephyr), ==, 0);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (clock)), "Counts time since boot"));
  g_assert_cmpint (debrief_test_row_usec (debrief_test_evidence_shown_log_view (page), 1), ==, before);

  debrief_test_close_window (window);
}

static GtkLabel *
align_clock_message (AdwMessageDialog *dialog)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      return GTK_LABEL (child);

  return NULL;
}

/* Issue 10: Align Clock's boot time was free text with no hint, and a
 * wrong format closed the dialog and lost what was typed. The hint says
 * how to write it, a mistake is said in its place, the text stays, and
 * the dialog with it; the locale's way of writing dates is read too. */
static void
test_align_clock_keeps_a_wrong_time_and_explains_it (void)
{
  DebriefEvidencePage *page;
  DebriefWindow *window = debrief_test_evidence_new_incident_window (&page);
  DebriefDocument *document = debrief_window_get_document (window);
  g_autoptr(GDateTime) boot = g_date_time_new_from_iso8601 ("2026-03-14T02:12:29.500Z", NULL);
  gint64 boot_ms = g_date_time_to_unix (boot) * 1000 + g_date_time_get_microsecond (boot) / 1000;
  DebriefEvidence *zephyr;
  GtkWidget *boot_row;
  AdwMessageDialog *dialog;
  AdwMessageDialog *weak;
  GtkLabel *message;

  debrief_test_evidence_import_files (page, (const char *[]) { "evidence/device-zephyr.log", NULL });
  debrief_test_destroy_dialogs ();
  zephyr = debrief_test_evidence_at (document, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evidence.align-clock", NULL));
  dialog = debrief_test_wait_for_dialog ();
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  boot_row = debrief_test_find_row (adw_message_dialog_get_extra_child (dialog), ADW_TYPE_ENTRY_ROW, "Boot Time");
  message = align_clock_message (dialog);
  g_assert_nonnull (message);

  /* A hint before anything is typed. */
  g_assert_nonnull (strstr (gtk_label_get_text (message), "2026-03-14 09:30"));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "align"));

  /* A mistake: said in place, Align waits, and nothing closes. */
  gtk_editable_set_text (GTK_EDITABLE (boot_row), "after lunch");
  g_assert_nonnull (strstr (gtk_label_get_text (message), "Write the date and time as 2026-03-14 09:30"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (message), "error"));
  g_assert_true (gtk_widget_has_css_class (boot_row, "error"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "align"));
  adw_message_dialog_response (dialog, "align");
  debrief_test_drain ();
  g_assert_nonnull (weak);
  g_assert_true (debrief_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == GTK_WINDOW (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (boot_row)), ==, "after lunch");
  g_assert_cmpint (debrief_evidence_get_clock_offset_ms (zephyr), ==, 0);

  /* Put right, in the locale's way (C writes 03/14/26). */
  gtk_editable_set_text (GTK_EDITABLE (boot_row), "03/14/26 02:12:29.500");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "align"));
  g_assert_false (gtk_widget_has_css_class (boot_row, "error"));
  g_object_remove_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  debrief_test_respond (dialog, "align");
  g_assert_cmpint (debrief_evidence_get_clock_offset_ms (zephyr), ==, boot_ms);

  debrief_test_close_window (window);
}

/* --- 2. Details --------------------------------------------------------- */

/* The details say which year a log without years was given, and from
 * what; an e-mail has the time of its Date header, with its day.
 */
static void
test_details_say_assumed_year_and_mail_time (void)
{
  DebriefEvidencePage *page;
  DebriefWindow *window = debrief_test_evidence_new_incident_window (&page);
  DebriefDocument *document = debrief_window_get_document (window);
  g_autofree char *said = NULL;
  const char *text;

  debrief_test_evidence_import_files (page, (const char *[]) { "log-formats/proxifier.log", "kind/incident.eml", NULL });
  debrief_test_destroy_dialogs ();
  said = debrief_evidence_describe_assumed_year (debrief_test_evidence_at (document, 0));
  g_assert_true (g_str_has_prefix (said, "Year not in the log; assumed "));
  debrief_evidence_page_select (page, debrief_test_evidence_at (document, 0));
  text = adw_action_row_get_subtitle (ADW_ACTION_ROW (debrief_test_find_row (debrief_test_evidence_item_pane (page), ADW_TYPE_ACTION_ROW, "Clock")));
  g_assert_true (g_str_has_suffix (text, said));

  debrief_evidence_page_select (page, debrief_test_evidence_at (document, 1));
  text = adw_action_row_get_subtitle (ADW_ACTION_ROW (debrief_test_find_row (debrief_test_evidence_item_pane (page), ADW_TYPE_ACTION_ROW,
                                                                             "Time Covered")));
  g_assert_nonnull (strstr (text, "2026") && strstr (text, "02:30") ? text : NULL);
  g_assert_null (strstr (text, " – "));

  debrief_test_close_window (window);
}

/* Issue 10 #11: a citation of a chat message said "line 3". It names the
 * message's author and time. */
static void
test_chat_citation_names_author_and_time (void)
{
  DebriefEvidencePage *page;
  DebriefWindow *window = debrief_test_evidence_new_incident_window (&page);
  DebriefDocument *document = debrief_window_get_document (window);
  GListModel *events = debrief_document_get_records (document, DEBRIEF_TYPE_TIMELINE_EVENT);
  DebriefChatView *chat;
  const char *subtitle;
  GtkWidget *row;

  debrief_test_evidence_import_files (page, (const char *[]) { "chat/mattermost.jsonl", NULL });
  debrief_test_destroy_dialogs ();
  chat = DEBRIEF_CHAT_VIEW (debrief_test_wait_for_mapped (GTK_WIDGET (page), DEBRIEF_TYPE_CHAT_VIEW));
  g_assert_cmpuint (debrief_chat_view_get_n_messages (chat), >, 1);

  /* The first message, sent by linus at 12:59 UTC on 14 March 2026. */
  debrief_chat_view_select_range (chat, 0, 0);
  debrief_test_drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evidence.cite", NULL));
  debrief_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);

  row = debrief_test_evidence_cited_row (page);
  g_assert_nonnull (row);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_null (strstr (subtitle, "line"));
  g_assert_cmpstr (subtitle, ==, "linus, 14 Mar 12:59 UTC");

  debrief_test_close_window (window);
}

/* --- 3. Shortcuts whatever has the focus -------------------------------- */

static gboolean
focus_in_entry_of (GtkWindow *window,
                   GtkWidget *view,
                   GType      entry_type)
{
  GtkWidget *focus = gtk_window_get_focus (window);
  GtkWidget *entry = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;

  if (entry == NULL && focus != NULL)
    entry = gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY);
  if (entry == NULL)
    return FALSE;

  return G_TYPE_CHECK_INSTANCE_TYPE (entry, entry_type) && gtk_widget_is_ancestor (entry, view);
}

/* Issue 10 #11: Ctrl+J did nothing while the evidence list had the focus,
 * and Ctrl+F meant two things. Both are the page's now: Ctrl+J goes to
 * the shown log's jump entry, Ctrl+F to its filter, from the list too. */
static void
test_ctrl_j_and_ctrl_f_work_from_the_evidence_list (void)
{
  DebriefEvidencePage *page;
  DebriefWindow *window = debrief_test_evidence_new_incident_window (&page);
  DebriefLogView *view;
  GtkWidget *list;
  g_autofree char *xid = NULL;

  debrief_test_evidence_import_files (page, (const char *[]) { "evidence/gateway.log", NULL });
  debrief_test_destroy_dialogs ();
  view = debrief_test_evidence_shown_log_view (page);

  if (!(xid = debrief_test_focus_x_window (GTK_WINDOW (window))))
    {
      g_test_skip ("Needs an X server (xvfb-run) to send keys to");
      debrief_test_close_window (window);
      return;
    }

  list = GTK_WIDGET (page->list_view);
  g_assert_nonnull (list);
  g_assert_false (gtk_widget_is_ancestor (list, GTK_WIDGET (view)));

  g_assert_true (gtk_widget_grab_focus (list));
  debrief_test_drain ();
  debrief_test_press ("ctrl+j");
  debrief_test_drain ();
  g_assert_true (focus_in_entry_of (GTK_WINDOW (window), GTK_WIDGET (view), GTK_TYPE_ENTRY));

  g_assert_true (gtk_widget_grab_focus (list));
  debrief_test_drain ();
  debrief_test_press ("ctrl+f");
  debrief_test_drain ();
  g_assert_true (focus_in_entry_of (GTK_WINDOW (window), GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY));

  debrief_test_close_window (window);
}

/* Like Ctrl+J, the zoom keys of an image worked only while the image had
 * the focus; from the evidence list they did nothing. */
static void
test_image_zoom_keys_work_from_the_evidence_list (void)
{
  DebriefEvidencePage *page;
  DebriefWindow *window = debrief_test_evidence_new_incident_window (&page);
  DebriefImageView *image;
  GtkWidget *list;
  g_autofree char *xid = NULL;

  debrief_test_evidence_import_files (page, (const char *[]) { "evidence-views/screenshot.png", NULL });
  debrief_test_destroy_dialogs ();
  image = DEBRIEF_IMAGE_VIEW (debrief_test_wait_for_mapped (GTK_WIDGET (page), DEBRIEF_TYPE_IMAGE_VIEW));

  if (!(xid = debrief_test_focus_x_window (GTK_WINDOW (window))))
    {
      g_test_skip ("Needs an X server (xvfb-run) to send keys to");
      debrief_test_close_window (window);
      return;
    }

  list = GTK_WIDGET (page->list_view);
  g_assert_true (gtk_widget_grab_focus (list));
  debrief_test_drain ();
  g_assert_false (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), GTK_WIDGET (image)));

  /* Zoomed in, whatever size fitting gave the image in this window. */
  debrief_test_press ("ctrl+plus");
  debrief_test_drain ();
  {
    gboolean fits;

    g_object_get (image, "fits", &fits, NULL);
    g_assert_false (fits);
  }
  debrief_test_press ("ctrl+1");
  debrief_test_drain ();
  {
    double zoom;

    g_object_get (image, "zoom", &zoom, NULL);
    g_assert_cmpfloat (zoom, ==, 1.0);
  }
  debrief_test_press ("ctrl+0");
  debrief_test_drain ();
  {
    gboolean fits;

    g_object_get (image, "fits", &fits, NULL);
    g_assert_true (fits);
  }

  debrief_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = debrief_test_ui_init (&argc, &argv);
  DebriefApplication *app = debrief_application_new ();

  debrief_test_evidence_set_application (app);

  /* The paths stay those of the tests before they had a program of
   * their own. */
  g_test_add_func ("/debrief/evidence-page/align-since-boot-clock", test_align_since_boot_clock);
  g_test_add_func ("/debrief/evidence-page/chat-citation-names-author-and-time",
                   test_chat_citation_names_author_and_time);
  g_test_add_func ("/debrief/evidence-page/image-zoom-keys-work-from-the-evidence-list",
                   test_image_zoom_keys_work_from_the_evidence_list);
  g_test_add_func ("/debrief/evidence-page/ctrl-j-and-ctrl-f-work-from-the-evidence-list",
                   test_ctrl_j_and_ctrl_f_work_from_the_evidence_list);
  g_test_add_func ("/debrief/evidence-page/align-clock-keeps-a-wrong-time-and-explains-it",
                   test_align_clock_keeps_a_wrong_time_and_explains_it);
  g_test_add_func ("/debrief/evidence-page/details-say-assumed-year-and-mail-time",
                   test_details_say_assumed_year_and_mail_time);

  /* Startup happens in g_application_run(), before the tests run. */
  return debrief_test_run_application (G_APPLICATION (app), data_home);
}
