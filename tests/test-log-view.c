/* test-log-view.c
 *
 * The log view in a real window under Xvfb: the rows on screen show each
 * line's number, time (in the time zone set), level badge and text, with
 * firmware terms and the filter text marked; the filter controls and the
 * jump to a time say what the user asked for; a position can be scrolled
 * to and selected, and the selection read back for citing; the keyboard
 * reaches the filter; and five million lines make no more row widgets
 * than a screenful.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <gdk/x11/gdkx.h>

#include "debrief-log-model.h"
#include "debrief-test-log-view.h"
#include "debrief-test-ui.h"
#include "debrief-test-util.h"
#include "debrief-log-view.h"
#include "debrief-log-view-private.h"

/* 2026-03-14 02:10:00 UTC */
#define BASE_USEC (G_GINT64_CONSTANT (1773454200) * G_USEC_PER_SEC)
#define N_ROWS 200
#define LONG_LINE_LENGTH 10000

/* A log of @n_items lines that makes each row only when asked for it,
 * and counts how often it is asked. */
#define TEST_TYPE_BIG_LOG (test_big_log_get_type ())
G_DECLARE_FINAL_TYPE (TestBigLog, test_big_log, TEST, BIG_LOG, GObject)

struct _TestBigLog
{
  GObject parent_instance;
  guint   n_items;
  guint   n_made;
};

static GType
test_big_log_get_item_type (GListModel *model)
{
  return DEBRIEF_TYPE_LOG_ROW;
}

static guint
test_big_log_get_n_items (GListModel *model)
{
  return TEST_BIG_LOG (model)->n_items;
}

static gpointer
test_big_log_get_item (GListModel *model,
                       guint       position)
{
  TestBigLog *self = TEST_BIG_LOG (model);
  g_autofree char *text = NULL;

  if (position >= self->n_items)
    return NULL;

  self->n_made++;
  text = g_strdup_printf ("sample %u: adc=%u mV", position, 3300 - position % 700);

  return debrief_log_row_new (position, BASE_USEC + (gint64) position * 1000, DEBRIEF_LOG_LEVEL_INFO, TRUE, text);
}

static void
test_big_log_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = test_big_log_get_item_type;
  iface->get_n_items = test_big_log_get_n_items;
  iface->get_item = test_big_log_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TestBigLog, test_big_log, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, test_big_log_list_model_init))

static void
test_big_log_class_init (TestBigLogClass *klass)
{
}

static void
test_big_log_init (TestBigLog *self)
{
}

/* The first lines of the test log; the rest are sensor readings. */
static const struct {
  DebriefLogLevel  level;
  gboolean         has_stamp;
  const char      *text;
} first_lines[] = {
  { DEBRIEF_LOG_LEVEL_INFO, TRUE, "Booting firmware v2.3.1 from bootloader slot A" },
  { DEBRIEF_LOG_LEVEL_DEBUG, TRUE, "HAL_GPIO_Init pin=PA5 mode=output" },
  { DEBRIEF_LOG_LEVEL_NOTICE, TRUE, "link up: eth0 100 Mbit/s" },
  { DEBRIEF_LOG_LEVEL_NONE, FALSE, "    continued from an earlier boot" },
  { DEBRIEF_LOG_LEVEL_WARNING, TRUE, "heap low: 1024 bytes free" },
  { DEBRIEF_LOG_LEVEL_ERROR, TRUE, "Task wdt: WATCHDOG timeout on CPU0 after 5000 ms" },
  { DEBRIEF_LOG_LEVEL_FATAL, TRUE, "HardFault_Handler at PC=0x08001234" },
  { DEBRIEF_LOG_LEVEL_NONE, FALSE, "  r0=0x00000000 r1=0x20001000 halt" },
  { DEBRIEF_LOG_LEVEL_CRITICAL, TRUE, "brown-out detected, VDD=2.61V" },
  { DEBRIEF_LOG_LEVEL_TRACE, TRUE, "tracer: enter ISR for IRQ17, no race with racetrack" },
  { DEBRIEF_LOG_LEVEL_INFO, TRUE, NULL },
  { DEBRIEF_LOG_LEVEL_INFO, TRUE, "uart0 rx: \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd (bad bytes)" },
};

static gint64
row_usec (guint line)
{
  /* Line 3 has no time at all; line 7 has its record's (line 6's). */
  if (line == 3)
    return G_MININT64;
  if (line == 7)
    line = 6;

  return BASE_USEC + (gint64) line * 1500 * 1000 + line * 7000;
}

static GListModel *
make_log (void)
{
  GListStore *store = g_list_store_new (DEBRIEF_TYPE_LOG_ROW);
  g_autofree char *long_line = g_malloc (LONG_LINE_LENGTH + 1);
  static const DebriefLogLevel cycle[] = {
    DEBRIEF_LOG_LEVEL_DEBUG, DEBRIEF_LOG_LEVEL_INFO, DEBRIEF_LOG_LEVEL_INFO, DEBRIEF_LOG_LEVEL_WARNING,
    DEBRIEF_LOG_LEVEL_INFO, DEBRIEF_LOG_LEVEL_ERROR, DEBRIEF_LOG_LEVEL_TRACE, DEBRIEF_LOG_LEVEL_NOTICE,
  };

  for (guint i = 0; i < LONG_LINE_LENGTH; i++)
    long_line[i] = "0123456789abcdef"[i % 16];
  long_line[LONG_LINE_LENGTH] = '\0';

  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autoptr(DebriefLogRow) row = NULL;

      if (i < G_N_ELEMENTS (first_lines))
        {
          row = debrief_log_row_new (i, row_usec (i), first_lines[i].level, first_lines[i].has_stamp,
                                     first_lines[i].text ? first_lines[i].text : long_line);
        }
      else
        {
          g_autofree char *text = g_strdup_printf ("sensor %u reading %u mV", i % 4, 3000 + i);

          row = debrief_log_row_new (i, row_usec (i), cycle[i % G_N_ELEMENTS (cycle)], TRUE, text);
        }
      g_list_store_append (store, row);
    }

  return G_LIST_MODEL (store);
}

/* The entry of @type with @placeholder, as the user finds it. */
static GtkWidget *
find_entry (GtkWidget  *widget,
            GType       type,
            const char *placeholder)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      g_autofree char *text = NULL;

      g_object_get (widget, "placeholder-text", &text, NULL);
      if (g_strcmp0 (text, placeholder) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry (child, type, placeholder);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_rows (GtkWidget *widget)
{
  guint n = gtk_widget_has_css_class (widget, "log-row") ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);

  return n;
}

static char *
expected_time (guint       line,
               const char *zone_name)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_name);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (row_usec (line) / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  /* Every line of the test log is on one day: the time of day. */
  g_autofree char *seconds = g_date_time_format (local, "%H:%M:%S");

  return g_strdup_printf ("%s.%03d", seconds, (int) (row_usec (line) % G_USEC_PER_SEC / 1000));
}

static void
test_rows_show_time_level_and_text (void)
{
  g_autoptr(GListModel) rows = make_log ();
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autofree char *long_text = NULL;
  g_autofree char *time_1 = expected_time (1, "UTC");
  g_autofree char *time_6 = expected_time (6, "UTC");
  g_autofree char *time_1_berlin = expected_time (1, "Europe/Berlin");
  DebriefTestLogView fixture;
  DebriefTestLogRow row;

  debrief_test_log_view_open (&fixture, rows, 1100);

  row = debrief_test_log_view_find_row (&fixture, 0);
  g_assert_cmpstr (gtk_label_get_text (row.time), ==, "02:10:00.000");
  g_assert_cmpstr (gtk_label_get_text (row.level), ==, "INFO");
  g_assert_cmpstr (gtk_label_get_text (row.text), ==, "Booting firmware v2.3.1 from bootloader slot A");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row.time), "log-time-inherited"));

  row = debrief_test_log_view_find_row (&fixture, 1);
  g_assert_cmpstr (gtk_label_get_text (row.time), ==, time_1);
  g_assert_cmpstr (gtk_label_get_text (row.time), ==, "02:10:01.507");
  g_assert_cmpstr (gtk_label_get_text (row.level), ==, "DEBUG");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row.level), "log-level-debug"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row.level), "log-level-error"));

  /* No time at all: an empty time and no badge, but the text stays in
   * its column. */
  row = debrief_test_log_view_find_row (&fixture, 3);
  g_assert_cmpstr (gtk_label_get_text (row.time), ==, "");
  g_assert_cmpstr (gtk_label_get_text (row.level), ==, "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row.level), "log-level-info"));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (row.time)), ==,
                   gtk_widget_get_width (GTK_WIDGET (debrief_test_log_view_find_row (&fixture, 0).time)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (row.level)), ==,
                   gtk_widget_get_width (GTK_WIDGET (debrief_test_log_view_find_row (&fixture, 0).level)));
  g_assert_cmpstr (gtk_label_get_text (row.text), ==, "    continued from an earlier boot");

  row = debrief_test_log_view_find_row (&fixture, 4);
  g_assert_cmpstr (gtk_label_get_text (row.level), ==, "WARN");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row.level), "log-level-warning"));

  row = debrief_test_log_view_find_row (&fixture, 5);
  g_assert_cmpstr (gtk_label_get_text (row.level), ==, "ERROR");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row.level), "log-level-error"));

  row = debrief_test_log_view_find_row (&fixture, 6);
  g_assert_cmpstr (gtk_label_get_text (row.level), ==, "FATAL");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row.level), "log-level-error"));

  /* The record's time, shown dim. */
  row = debrief_test_log_view_find_row (&fixture, 7);
  g_assert_cmpstr (gtk_label_get_text (row.time), ==, time_6);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row.time), "log-time-inherited"));
  g_assert_cmpstr (gtk_label_get_text (row.level), ==, "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row.level), "log-level-error"));

  row = debrief_test_log_view_find_row (&fixture, 8);
  g_assert_cmpstr (gtk_label_get_text (row.level), ==, "CRIT");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row.level), "log-level-error"));

  row = debrief_test_log_view_find_row (&fixture, 9);
  g_assert_cmpstr (gtk_label_get_text (row.level), ==, "TRACE");

  /* The long line whole, on one line (the lines scroll sideways unless
   * wrapping is chosen), never cut. */
  row = debrief_test_log_view_find_row (&fixture, 10);
  long_text = g_strdup (gtk_label_get_text (row.text));
  g_assert_cmpuint (strlen (long_text), ==, LONG_LINE_LENGTH);
  g_assert_true (g_str_has_prefix (long_text, "0123456789abcdef0123"));
  g_assert_cmpint (gtk_label_get_ellipsize (row.text), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_false (gtk_label_get_wrap (row.text));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (row.text)), <, 40);

  row = debrief_test_log_view_find_row (&fixture, 11);
  g_assert_cmpstr (gtk_label_get_text (row.text), ==, "uart0 rx: \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd (bad bytes)");

  /* Line numbers are as wide as the largest and line up. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (debrief_test_log_view_find_row (&fixture, 0).line)), ==,
                   gtk_widget_get_width (GTK_WIDGET (debrief_test_log_view_find_row (&fixture, 11).line)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (debrief_test_log_view_find_row (&fixture, 0).time)), ==,
                   gtk_widget_get_width (GTK_WIDGET (debrief_test_log_view_find_row (&fixture, 3).time)));

  /* The rows on screen follow a new time zone at once. */
  debrief_log_view_set_time_zone (fixture.view, berlin);
  row = debrief_test_log_view_find_row (&fixture, 1);
  g_assert_cmpstr (gtk_label_get_text (row.time), ==, time_1_berlin);
  g_assert_cmpstr (gtk_label_get_text (row.time), ==, "03:10:01.507");
  debrief_log_view_set_time_zone (fixture.view, NULL);
  g_assert_cmpstr (gtk_label_get_text (debrief_test_log_view_find_row (&fixture, 1).time), ==, "02:10:01.507");

  debrief_test_log_view_close (&fixture);
}

/* Whether @attrs has an attribute of @type over exactly @length bytes
 * at @start. */
static gboolean
marks_range (PangoAttrList *attrs,
             PangoAttrType  type,
             guint          start,
             guint          length)
{
  GSList *list;
  gboolean found = FALSE;

  if (attrs == NULL)
    return FALSE;

  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == type && attr->start_index == start && attr->end_index == start + length)
        found = TRUE;
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);

  return found;
}

/* Whether @attrs has an attribute of @type over exactly the first
 * occurrence of @word in @text. */
static gboolean
marks_word (PangoAttrList  *attrs,
            PangoAttrType   type,
            const char     *text,
            const char     *word)
{
  const char *at = strstr (text, word);

  g_assert_nonnull (at);

  return marks_range (attrs, type, at - text, strlen (word));
}

static guint
count_marks (PangoAttrList *attrs,
             PangoAttrType  type)
{
  GSList *list;
  guint n = 0;

  if (attrs == NULL)
    return 0;

  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l; l = l->next)
    if (((PangoAttribute *) l->data)->klass->type == type)
      n++;
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);

  return n;
}

static void
test_firmware_terms_are_marked (void)
{
  g_autoptr(GListModel) rows = make_log ();
  DebriefTestLogView fixture;
  DebriefTestLogRow row;

  debrief_test_log_view_open (&fixture, rows, 1100);

  row = debrief_test_log_view_find_row (&fixture, 5);
  g_assert_true (marks_word (gtk_label_get_attributes (row.text), PANGO_ATTR_WEIGHT,
                             gtk_label_get_text (row.text), "WATCHDOG"));
  g_assert_true (marks_word (gtk_label_get_attributes (row.text), PANGO_ATTR_BACKGROUND,
                             gtk_label_get_text (row.text), "WATCHDOG"));
  g_assert_cmpuint (count_marks (gtk_label_get_attributes (row.text), PANGO_ATTR_WEIGHT), ==, 1);

  row = debrief_test_log_view_find_row (&fixture, 0);
  g_assert_true (marks_word (gtk_label_get_attributes (row.text), PANGO_ATTR_WEIGHT,
                             gtk_label_get_text (row.text), "bootloader"));
  g_assert_cmpuint (count_marks (gtk_label_get_attributes (row.text), PANGO_ATTR_WEIGHT), ==, 1);

  row = debrief_test_log_view_find_row (&fixture, 1);
  g_assert_true (marks_word (gtk_label_get_attributes (row.text), PANGO_ATTR_WEIGHT,
                             gtk_label_get_text (row.text), "HAL"));

  row = debrief_test_log_view_find_row (&fixture, 6);
  g_assert_true (marks_word (gtk_label_get_attributes (row.text), PANGO_ATTR_WEIGHT,
                             gtk_label_get_text (row.text), "HardFault"));

  row = debrief_test_log_view_find_row (&fixture, 8);
  g_assert_true (marks_word (gtk_label_get_attributes (row.text), PANGO_ATTR_WEIGHT,
                             gtk_label_get_text (row.text), "brown-out"));

  /* Whole words: "tracer", "racetrack" and "halt" are not terms. */
  row = debrief_test_log_view_find_row (&fixture, 9);
  g_assert_true (marks_word (gtk_label_get_attributes (row.text), PANGO_ATTR_WEIGHT,
                             gtk_label_get_text (row.text), "ISR"));
  g_assert_true (marks_word (gtk_label_get_attributes (row.text), PANGO_ATTR_WEIGHT,
                             gtk_label_get_text (row.text), "IRQ17"));
  g_assert_true (marks_range (gtk_label_get_attributes (row.text), PANGO_ATTR_WEIGHT,
                              strstr (gtk_label_get_text (row.text), "no race") + 3 - gtk_label_get_text (row.text),
                              strlen ("race")));
  g_assert_cmpuint (count_marks (gtk_label_get_attributes (row.text), PANGO_ATTR_WEIGHT), ==, 3);
  row = debrief_test_log_view_find_row (&fixture, 7);
  g_assert_null (gtk_label_get_attributes (row.text));
  row = debrief_test_log_view_find_row (&fixture, 12);
  g_assert_null (gtk_label_get_attributes (row.text));

  /* The highlight marks its text on the rows on screen, any case. */
  debrief_log_view_set_highlight (fixture.view, "timeout");
  row = debrief_test_log_view_find_row (&fixture, 5);
  g_assert_true (marks_word (gtk_label_get_attributes (row.text), PANGO_ATTR_BACKGROUND,
                             gtk_label_get_text (row.text), "timeout"));
  debrief_log_view_set_highlight (fixture.view, "SENSOR");
  row = debrief_test_log_view_find_row (&fixture, 12);
  g_assert_true (marks_word (gtk_label_get_attributes (row.text), PANGO_ATTR_BACKGROUND,
                             gtk_label_get_text (row.text), "sensor"));
  row = debrief_test_log_view_find_row (&fixture, 5);
  g_assert_false (marks_word (gtk_label_get_attributes (row.text), PANGO_ATTR_BACKGROUND,
                              gtk_label_get_text (row.text), "timeout"));
  debrief_log_view_set_highlight (fixture.view, NULL);
  g_assert_null (gtk_label_get_attributes (debrief_test_log_view_find_row (&fixture, 12).text));

  debrief_test_log_view_close (&fixture);
}

typedef struct
{
  guint            n_filter;
  DebriefLogLevel  level;
  char            *text;
  guint            n_jump;
  gint64           usec;
  guint            n_selection;
  guint            n_activated;
  guint            activated;
} Emitted;

static void
filter_changed_cb (DebriefLogView *view,
                   int             level,
                   const char     *text,
                   Emitted        *emitted)
{
  emitted->n_filter++;
  emitted->level = level;
  g_free (emitted->text);
  emitted->text = g_strdup (text);
}

static void
jump_to_time_cb (DebriefLogView *view,
                 gint64          usec,
                 Emitted        *emitted)
{
  emitted->n_jump++;
  emitted->usec = usec;
}

static void
selection_changed_cb (DebriefLogView *view,
                      Emitted        *emitted)
{
  emitted->n_selection++;
}

static void
row_activated_cb (DebriefLogView *view,
                  guint           position,
                  Emitted        *emitted)
{
  emitted->n_activated++;
  emitted->activated = position;
}

static void
connect_all (DebriefLogView *view,
             Emitted        *emitted)
{
  g_signal_connect (view, "filter-changed", G_CALLBACK (filter_changed_cb), emitted);
  g_signal_connect (view, "jump-to-time", G_CALLBACK (jump_to_time_cb), emitted);
  g_signal_connect (view, "selection-changed", G_CALLBACK (selection_changed_cb), emitted);
  g_signal_connect (view, "row-activated", G_CALLBACK (row_activated_cb), emitted);
}

static gboolean
filter_emitted (gpointer data)
{
  return ((Emitted *) data)->n_filter > 0;
}

static const char *
visible_page_title (DebriefTestLogView *fixture)
{
  GtkStack *stack = GTK_STACK (debrief_test_find_with_class (GTK_WIDGET (fixture->view), GTK_TYPE_STACK, "log-view-stack"));
  GtkWidget *child = gtk_stack_get_visible_child (stack);

  if (!ADW_IS_STATUS_PAGE (child))
    return "list";

  return adw_status_page_get_title (ADW_STATUS_PAGE (child));
}

static void
test_filter_controls_emit_filter_changed (void)
{
  g_autoptr(GListModel) rows = make_log ();
  g_autoptr(GListStore) none = g_list_store_new (DEBRIEF_TYPE_LOG_ROW);
  Emitted emitted = { 0 };
  DebriefTestLogView fixture;
  GtkDropDown *level;
  GtkWidget *entry;
  int position = 0;

  debrief_test_log_view_open (&fixture, rows, 1100);
  connect_all (fixture.view, &emitted);
  level = GTK_DROP_DOWN (debrief_test_find_descendant (GTK_WIDGET (fixture.view), GTK_TYPE_DROP_DOWN));
  entry = find_entry (GTK_WIDGET (fixture.view), GTK_TYPE_SEARCH_ENTRY, "Filter lines");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_nonnull (entry);
  g_assert_nonnull (find_entry (GTK_WIDGET (fixture.view), GTK_TYPE_ENTRY, "Jump to time"));
  g_assert_cmpstr (visible_page_title (&fixture), ==, "list");

  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (level)), ==, 5);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (level)), 3),
                   ==, "Warnings and above");
  gtk_drop_down_set_selected (level, 3);
  g_assert_cmpuint (emitted.n_filter, ==, 1);
  g_assert_cmpint (emitted.level, ==, DEBRIEF_LOG_LEVEL_WARNING);
  g_assert_cmpstr (emitted.text, ==, "");
  g_assert_cmpint (debrief_log_view_get_min_level (fixture.view), ==, DEBRIEF_LOG_LEVEL_WARNING);

  gtk_drop_down_set_selected (level, 1);
  g_assert_cmpuint (emitted.n_filter, ==, 2);
  g_assert_cmpint (emitted.level, ==, DEBRIEF_LOG_LEVEL_DEBUG);
  gtk_drop_down_set_selected (level, 4);
  g_assert_cmpint (emitted.level, ==, DEBRIEF_LOG_LEVEL_ERROR);

  /* Typing is debounced: one emission once the text settles. */
  emitted.n_filter = 0;
  gtk_editable_insert_text (GTK_EDITABLE (entry), "wat", -1, &position);
  gtk_editable_insert_text (GTK_EDITABLE (entry), "chdog", -1, &position);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "watchdog");
  g_assert_cmpuint (emitted.n_filter, ==, 0);
  debrief_test_wait_for (filter_emitted, &emitted);
  debrief_test_drain ();
  g_assert_cmpuint (emitted.n_filter, ==, 1);
  g_assert_cmpint (emitted.level, ==, DEBRIEF_LOG_LEVEL_ERROR);
  g_assert_cmpstr (emitted.text, ==, "watchdog");
  g_assert_cmpstr (debrief_log_view_get_filter_text (fixture.view), ==, "watchdog");
  g_assert_cmpstr (debrief_log_view_get_highlight (fixture.view), ==, "watchdog");

  /* Escape in the entry empties it, and the filter with it. */
  emitted.n_filter = 0;
  g_signal_emit_by_name (entry, "stop-search");
  debrief_test_wait_for (filter_emitted, &emitted);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (emitted.text, ==, "");
  g_assert_null (debrief_log_view_get_highlight (fixture.view));

  /* The model is what the filter left: nothing, so nothing matches. */
  debrief_log_view_set_model (fixture.view, G_LIST_MODEL (none));
  g_assert_cmpstr (visible_page_title (&fixture), ==, "No Lines Match");
  g_list_store_append (none, g_list_model_get_item (rows, 5));
  g_object_unref (g_list_model_get_item (rows, 5));
  g_assert_cmpstr (visible_page_title (&fixture), ==, "list");
  g_list_store_remove_all (none);
  g_assert_cmpstr (visible_page_title (&fixture), ==, "No Lines Match");
  gtk_drop_down_set_selected (level, 0);
  g_assert_cmpint (emitted.level, ==, DEBRIEF_LOG_LEVEL_NONE);
  g_assert_cmpstr (visible_page_title (&fixture), ==, "No Lines");
  debrief_log_view_set_model (fixture.view, NULL);
  g_assert_cmpstr (visible_page_title (&fixture), ==, "No Lines");

  /* Status and busy show in the bar. */
  debrief_log_view_set_busy (fixture.view, TRUE);
  g_assert_true (gtk_widget_get_visible (debrief_test_find_descendant (GTK_WIDGET (fixture.view), GTK_TYPE_SPINNER)));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (debrief_test_find_descendant (GTK_WIDGET (fixture.view),
                                                                                     GTK_TYPE_SPINNER))));
  debrief_log_view_set_busy (fixture.view, FALSE);
  g_assert_false (gtk_widget_get_visible (debrief_test_find_descendant (GTK_WIDGET (fixture.view), GTK_TYPE_SPINNER)));

  g_free (emitted.text);
  debrief_test_log_view_close (&fixture);
}

static gboolean
find_label_text (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (find_label_text (child, text))
      return TRUE;

  return FALSE;
}

static void
test_status_is_shown (void)
{
  g_autoptr(GListModel) rows = make_log ();
  DebriefTestLogView fixture;

  debrief_test_log_view_open (&fixture, rows, 1100);
  debrief_log_view_set_status (fixture.view, "12 of 200 lines shown");
  g_assert_true (find_label_text (GTK_WIDGET (fixture.view), "12 of 200 lines shown"));
  debrief_log_view_set_status (fixture.view, "200 lines");
  g_assert_false (find_label_text (GTK_WIDGET (fixture.view), "12 of 200 lines shown"));
  g_assert_true (find_label_text (GTK_WIDGET (fixture.view), "200 lines"));
  debrief_test_log_view_close (&fixture);
}

static void
jump (GtkWidget  *entry,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
}

static void
test_jump_to_time_parses_input (void)
{
  g_autoptr(GListModel) rows = make_log ();
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GListStore) undated = g_list_store_new (DEBRIEF_TYPE_LOG_ROW);
  g_autoptr(DebriefLogRow) no_time = debrief_log_row_new (0, G_MININT64, DEBRIEF_LOG_LEVEL_NONE, FALSE, "no time");
  g_autofree char *hint = NULL;
  static const char * const bad[] = {
    "", "yesterday", "25:00", "12:60", "12:30:61", "1230", "12:3", "2026-02-30 12:00:00",
    "2026-03-14", "12:30:00.", "12:30:00.1234567", "12:30 pm",
  };
  Emitted emitted = { 0 };
  DebriefTestLogView fixture;
  GtkWidget *entry;

  debrief_test_log_view_open (&fixture, rows, 1100);
  connect_all (fixture.view, &emitted);
  entry = find_entry (GTK_WIDGET (fixture.view), GTK_TYPE_ENTRY, "Jump to time");
  hint = g_strdup (gtk_widget_get_tooltip_text (entry));

  /* A time alone is on the day shown. */
  jump (entry, "02:11:07.5");
  g_assert_cmpuint (emitted.n_jump, ==, 1);
  g_assert_cmpint (emitted.usec, ==, debrief_test_utc (2026, 3, 14, 2, 11, 7, 500000));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));

  jump (entry, "23:59");
  g_assert_cmpint (emitted.usec, ==, debrief_test_utc (2026, 3, 14, 23, 59, 0, 0));
  jump (entry, " 7:05:09,123 ");
  g_assert_cmpint (emitted.usec, ==, debrief_test_utc (2026, 3, 14, 7, 5, 9, 123000));

  /* A date and time stands on its own, in the view's time zone. */
  jump (entry, "2026-03-20 18:30:00");
  g_assert_cmpint (emitted.usec, ==, debrief_test_utc (2026, 3, 20, 18, 30, 0, 0));
  jump (entry, "2025-12-31T23:59:59.999999");
  g_assert_cmpint (emitted.usec, ==, debrief_test_utc (2025, 12, 31, 23, 59, 59, 999999));

  debrief_log_view_set_time_zone (fixture.view, berlin);
  jump (entry, "03:11:07");
  g_assert_cmpint (emitted.usec, ==, debrief_test_utc (2026, 3, 14, 2, 11, 7, 0));
  jump (entry, "2026-03-15 00:30");
  g_assert_cmpint (emitted.usec, ==, debrief_test_utc (2026, 3, 14, 23, 30, 0, 0));
  g_assert_cmpuint (emitted.n_jump, ==, 7);

  /* Wrong input is marked and says why; nothing is emitted. */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      jump (entry, bad[i]);
      g_assert_cmpuint (emitted.n_jump, ==, 7);
      g_assert_true (gtk_widget_has_css_class (entry, "error"));
      g_assert_cmpstr (gtk_widget_get_tooltip_text (entry), !=, hint);
      g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (entry), "HH:MM:SS"));
    }

  /* Editing takes the mark away. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "02:1");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (entry), ==, hint);

  /* The jump button does what Enter does. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "04:00");
  g_signal_emit_by_name (debrief_test_find_descendant (gtk_widget_get_parent (entry), GTK_TYPE_BUTTON), "clicked");
  g_assert_cmpuint (emitted.n_jump, ==, 8);
  g_assert_cmpint (emitted.usec, ==, debrief_test_utc (2026, 3, 14, 3, 0, 0, 0));

  /* With no date on screen, only a full date and time will do. */
  g_list_store_append (undated, no_time);
  debrief_log_view_set_model (fixture.view, G_LIST_MODEL (undated));
  debrief_test_drain ();
  jump (entry, "04:00");
  g_assert_cmpuint (emitted.n_jump, ==, 8);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  jump (entry, "2026-03-14 05:00");
  g_assert_cmpuint (emitted.n_jump, ==, 9);
  g_assert_cmpint (emitted.usec, ==, debrief_test_utc (2026, 3, 14, 4, 0, 0, 0));

  g_free (emitted.text);
  debrief_test_log_view_close (&fixture);
}

/* The line number of the highest row on screen. */
static guint64
top_line_in (GtkWidget *widget,
             GtkWidget *list_view)
{
  guint64 top = G_MAXUINT64;

  if (gtk_widget_has_css_class (widget, "log-row"))
    {
      graphene_rect_t bounds;

      if (gtk_widget_get_mapped (widget) &&
          gtk_widget_compute_bounds (widget, list_view, &bounds) &&
          bounds.origin.y + bounds.size.height > 0 &&
          bounds.origin.y < gtk_widget_get_height (list_view))
        top = g_ascii_strtoull (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (widget))), NULL, 10) - 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    top = MIN (top, top_line_in (child, list_view));

  return top;
}

/* The time of day is taken from the line at the top of the list, not the
 * first of the log. */
static void
test_jump_to_time_uses_the_day_shown (void)
{
  GListStore *store = g_list_store_new (DEBRIEF_TYPE_LOG_ROW);
  g_autoptr(GListModel) rows = G_LIST_MODEL (store);
  g_autoptr(GDateTime) top_time = NULL;
  Emitted emitted = { 0 };
  DebriefTestLogView fixture;
  guint64 top;

  /* Four days: one line per hour. */
  for (guint i = 0; i < 96; i++)
    {
      g_autoptr(DebriefLogRow) row = debrief_log_row_new (i, BASE_USEC + (gint64) i * 3600 * G_USEC_PER_SEC,
                                                          DEBRIEF_LOG_LEVEL_INFO, TRUE, "tick");

      g_list_store_append (store, row);
    }

  debrief_test_log_view_open (&fixture, rows, 1100);
  connect_all (fixture.view, &emitted);

  g_assert_cmpuint (top_line_in (GTK_WIDGET (fixture.list_view), GTK_WIDGET (fixture.list_view)), ==, 0);
  jump (find_entry (GTK_WIDGET (fixture.view), GTK_TYPE_ENTRY, "Jump to time"), "12:00");
  g_assert_cmpint (emitted.usec, ==, debrief_test_utc (2026, 3, 14, 12, 0, 0, 0));

  debrief_log_view_scroll_to (fixture.view, 95, FALSE);
  debrief_test_drain ();
  debrief_test_log_view_find_row (&fixture, 95);
  top = top_line_in (GTK_WIDGET (fixture.list_view), GTK_WIDGET (fixture.list_view));
  top_time = g_date_time_new_from_unix_utc (BASE_USEC / G_USEC_PER_SEC + (gint64) top * 3600);
  g_assert_cmpint (g_date_time_get_day_of_month (top_time), >, 14);

  jump (find_entry (GTK_WIDGET (fixture.view), GTK_TYPE_ENTRY, "Jump to time"), "12:00");
  g_assert_cmpint (emitted.usec, ==, debrief_test_utc (2026, 3, g_date_time_get_day_of_month (top_time), 12, 0, 0, 0));

  debrief_test_log_view_close (&fixture);
}

static void
test_scroll_to_and_selection (void)
{
  g_autoptr(GListModel) rows = make_log ();
  g_autoptr(GPtrArray) selected = NULL;
  GtkSelectionModel *selection;
  Emitted emitted = { 0 };
  DebriefTestLogView fixture;
  guint first = 0, last = 0;

  debrief_test_log_view_open (&fixture, rows, 1100);
  connect_all (fixture.view, &emitted);
  selection = gtk_list_view_get_model (fixture.list_view);
  g_assert_true (GTK_IS_MULTI_SELECTION (selection));

  g_assert_false (debrief_log_view_get_selected_range (fixture.view, &first, &last));
  selected = debrief_log_view_dup_selected_rows (fixture.view);
  g_assert_cmpuint (selected->len, ==, 0);
  g_clear_pointer (&selected, g_ptr_array_unref);

  debrief_log_view_scroll_to (fixture.view, 150, TRUE);
  debrief_test_drain ();
  g_assert_cmpstr (gtk_label_get_text (debrief_test_log_view_find_row (&fixture, 150).text), ==, "sensor 2 reading 3150 mV");
  g_assert_cmpuint (emitted.n_selection, >=, 1);
  g_assert_true (debrief_log_view_get_selected_range (fixture.view, &first, &last));
  g_assert_cmpuint (first, ==, 150);
  g_assert_cmpuint (last, ==, 150);
  selected = debrief_log_view_dup_selected_rows (fixture.view);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_cmpuint (debrief_log_row_get_line (g_ptr_array_index (selected, 0)), ==, 150);
  g_clear_pointer (&selected, g_ptr_array_unref);

  /* Back up: the top is on screen again, and the selection moves. */
  debrief_log_view_scroll_to (fixture.view, 2, TRUE);
  debrief_test_drain ();
  debrief_test_log_view_find_row (&fixture, 2);
  g_assert_true (debrief_log_view_get_selected_range (fixture.view, &first, &last));
  g_assert_cmpuint (first, ==, 2);
  g_assert_cmpuint (last, ==, 2);

  /* Scrolling without selecting leaves the selection alone; a position
   * past the end is the last line. */
  debrief_log_view_scroll_to (fixture.view, G_MAXUINT, FALSE);
  debrief_test_drain ();
  debrief_test_log_view_find_row (&fixture, N_ROWS - 1);
  g_assert_true (debrief_log_view_get_selected_range (fixture.view, &first, &last));
  g_assert_cmpuint (first, ==, 2);

  /* A range, as shift-click makes it. */
  emitted.n_selection = 0;
  gtk_selection_model_select_range (selection, 20, 10, TRUE);
  g_assert_cmpuint (emitted.n_selection, ==, 1);
  g_assert_true (debrief_log_view_get_selected_range (fixture.view, &first, &last));
  g_assert_cmpuint (first, ==, 20);
  g_assert_cmpuint (last, ==, 29);
  selected = debrief_log_view_dup_selected_rows (fixture.view);
  g_assert_cmpuint (selected->len, ==, 10);
  for (guint i = 0; i < selected->len; i++)
    g_assert_cmpuint (debrief_log_row_get_line (g_ptr_array_index (selected, i)), ==, 20 + i);
  g_clear_pointer (&selected, g_ptr_array_unref);

  /* Enter or a double click on a row. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.list_view), "list.activate-item", "u", 42));
  g_assert_cmpuint (emitted.n_activated, ==, 1);
  g_assert_cmpuint (emitted.activated, ==, 42);

  debrief_test_log_view_close (&fixture);
}

static void
test_dup_selected_rows_stops_at_the_limit (void)
{
  TestBigLog *log = g_object_new (TEST_TYPE_BIG_LOG, NULL);
  g_autoptr(GListModel) rows = G_LIST_MODEL (log);
  g_autoptr(GPtrArray) selected = NULL;
  DebriefTestLogView fixture;
  guint first = 0, last = 0;

  log->n_items = 100000;
  debrief_test_log_view_open (&fixture, rows, 1100);

  gtk_selection_model_select_range (gtk_list_view_get_model (fixture.list_view), 10, 50000, TRUE);
  g_assert_true (debrief_log_view_get_selected_range (fixture.view, &first, &last));
  g_assert_cmpuint (first, ==, 10);
  g_assert_cmpuint (last, ==, 50009);
  selected = debrief_log_view_dup_selected_rows (fixture.view);
  g_assert_cmpuint (selected->len, ==, DEBRIEF_LOG_VIEW_MAX_SELECTED_ROWS);
  g_assert_cmpuint (debrief_log_row_get_line (g_ptr_array_index (selected, 0)), ==, 10);
  g_assert_cmpuint (debrief_log_row_get_line (g_ptr_array_index (selected, selected->len - 1)), ==, 1009);

  debrief_test_log_view_close (&fixture);
}

static void
test_millions_of_lines_make_a_screenful_of_rows (void)
{
  TestBigLog *log = g_object_new (TEST_TYPE_BIG_LOG, NULL);
  g_autoptr(GListModel) rows = G_LIST_MODEL (log);
  DebriefTestLogView fixture;
  guint n_setup;

  log->n_items = 5000000;
  debrief_test_log_view_open (&fixture, rows, 1100);

  /* GTK 4.8 keeps up to about two hundred row widgets around the visible
   * ones, and reuses them as the list scrolls. */
  n_setup = _debrief_log_view_get_n_setup (fixture.view);
  g_assert_cmpuint (n_setup, >, 5);
  g_assert_cmpuint (n_setup, <=, 250);
  g_assert_cmpstr (gtk_label_get_text (debrief_test_log_view_find_row (&fixture, 0).text), ==, "sample 0: adc=3300 mV");

  debrief_log_view_scroll_to (fixture.view, log->n_items - 1, TRUE);
  debrief_test_drain ();
  g_assert_cmpstr (gtk_label_get_text (debrief_test_log_view_find_row (&fixture, 4999999).line), ==, "5000000");
  g_assert_cmpstr (gtk_label_get_text (debrief_test_log_view_find_row (&fixture, 4999999).text), ==, "sample 4999999: adc=2701 mV");
  g_assert_cmpstr (gtk_label_get_text (debrief_test_log_view_find_row (&fixture, 4999990).time), ==, "03:33:19.990");

  debrief_log_view_scroll_to (fixture.view, 2500000, FALSE);
  debrief_test_drain ();
  debrief_test_log_view_find_row (&fixture, 2500000);

  g_assert_cmpuint (_debrief_log_view_get_n_setup (fixture.view), <, 400);
  g_assert_cmpuint (count_rows (GTK_WIDGET (fixture.list_view)), <=, 250);
  /* Rows are made for what is on screen, not for the whole log. */
  g_assert_cmpuint (log->n_made, <, 20000);

  debrief_test_log_view_close (&fixture);
}

static gboolean
focus_is_in (GtkWindow *window,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
test_keyboard_reaches_the_filter (void)
{
  g_autoptr(GListModel) rows = make_log ();
  Emitted emitted = { 0 };
  DebriefTestLogView fixture;
  GtkWidget *entry;
  GtkWidget *jump_entry;
  GdkSurface *surface;
  g_autofree char *xid = NULL;

  debrief_test_log_view_open (&fixture, rows, 1100);
  connect_all (fixture.view, &emitted);
  entry = find_entry (GTK_WIDGET (fixture.view), GTK_TYPE_SEARCH_ENTRY, "Filter lines");
  jump_entry = find_entry (GTK_WIDGET (fixture.view), GTK_TYPE_ENTRY, "Jump to time");
  surface = gtk_native_get_surface (GTK_NATIVE (fixture.window));

  if (!GDK_IS_X11_SURFACE (surface))
    {
      g_test_skip ("Needs an X server (xvfb-run) to send keys to");
      debrief_test_log_view_close (&fixture);
      return;
    }

  xid = debrief_test_focus_x_window (GTK_WINDOW (fixture.window));

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (fixture.list_view)));
  debrief_test_drain ();
  g_assert_false (focus_is_in (fixture.window, entry));

  debrief_test_press ("ctrl+f");
  g_assert_true (focus_is_in (fixture.window, entry));

  debrief_test_type ("irq");
  debrief_test_wait_for (filter_emitted, &emitted);
  debrief_test_drain ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "irq");
  g_assert_cmpstr (emitted.text, ==, "irq");

  /* Escape empties the entry; a second one goes back to the lines. */
  debrief_test_press ("Escape");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (emitted.text, ==, "");
  debrief_test_press ("Escape");
  g_assert_true (focus_is_in (fixture.window, GTK_WIDGET (fixture.list_view)));

  /* Ctrl+J goes to the jump entry, where Enter jumps. */
  debrief_test_press ("ctrl+j");
  g_assert_true (focus_is_in (fixture.window, jump_entry));
  debrief_test_type ("02:15");
  debrief_test_press ("Return");
  g_assert_cmpuint (emitted.n_jump, ==, 1);
  g_assert_cmpint (emitted.usec, ==, debrief_test_utc (2026, 3, 14, 2, 15, 0, 0));

  g_free (emitted.text);
  debrief_test_log_view_close (&fixture);
}

static void
test_row_text_is_kept_valid_and_short (void)
{
  g_autofree char *huge = g_strnfill (DEBRIEF_LOG_ROW_MAX_TEXT + 100, 'x');
  g_autoptr(DebriefLogRow) cut = NULL;
  g_autoptr(DebriefLogRow) bad = NULL;
  g_autoptr(DebriefLogRow) plain = NULL;
  const char *text;

  /* A two-byte character across the limit is not split. */
  huge[DEBRIEF_LOG_ROW_MAX_TEXT - 1] = '\xc3';
  huge[DEBRIEF_LOG_ROW_MAX_TEXT] = '\xa9';
  cut = debrief_log_row_new (7, 42, DEBRIEF_LOG_LEVEL_WARNING, TRUE, huge);
  text = debrief_log_row_get_text (cut);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (strlen (text), ==, DEBRIEF_LOG_ROW_MAX_TEXT - 1 + strlen ("…"));
  g_assert_true (g_str_has_suffix (text, "x…"));

  bad = debrief_log_row_new (8, G_MININT64, DEBRIEF_LOG_LEVEL_NONE, FALSE, "ok \xff\xfe end");
  g_assert_cmpstr (debrief_log_row_get_text (bad), ==, "ok \xef\xbf\xbd\xef\xbf\xbd end");
  g_assert_cmpint (debrief_log_row_get_usec (bad), ==, G_MININT64);
  g_assert_false (debrief_log_row_get_has_stamp (bad));

  plain = debrief_log_row_new (9, 1234, DEBRIEF_LOG_LEVEL_CRITICAL, TRUE, "plain");
  g_assert_cmpuint (debrief_log_row_get_line (plain), ==, 9);
  g_assert_cmpint (debrief_log_row_get_usec (plain), ==, 1234);
  g_assert_cmpint (debrief_log_row_get_level (plain), ==, DEBRIEF_LOG_LEVEL_CRITICAL);
  g_assert_true (debrief_log_row_get_has_stamp (plain));
  g_assert_cmpstr (debrief_log_row_get_text (plain), ==, "plain");
}


int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The application loads this itself; the view alone needs it too. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/debrief/log-view/rows-show-time-level-and-text", test_rows_show_time_level_and_text);
  g_test_add_func ("/debrief/log-view/firmware-terms-are-marked", test_firmware_terms_are_marked);
  g_test_add_func ("/debrief/log-view/filter-controls-emit-filter-changed", test_filter_controls_emit_filter_changed);
  g_test_add_func ("/debrief/log-view/status-is-shown", test_status_is_shown);
  g_test_add_func ("/debrief/log-view/jump-to-time-parses-input", test_jump_to_time_parses_input);
  g_test_add_func ("/debrief/log-view/jump-to-time-uses-the-day-shown", test_jump_to_time_uses_the_day_shown);
  g_test_add_func ("/debrief/log-view/scroll-to-and-selection", test_scroll_to_and_selection);
  g_test_add_func ("/debrief/log-view/dup-selected-rows-stops-at-the-limit", test_dup_selected_rows_stops_at_the_limit);
  g_test_add_func ("/debrief/log-view/millions-of-lines-make-a-screenful-of-rows",
                   test_millions_of_lines_make_a_screenful_of_rows);
  g_test_add_func ("/debrief/log-view/keyboard-reaches-the-filter", test_keyboard_reaches_the_filter);
  g_test_add_func ("/debrief/log-view/row-text-is-kept-valid-and-short", test_row_text_is_kept_valid_and_short);

  return g_test_run ();
}
