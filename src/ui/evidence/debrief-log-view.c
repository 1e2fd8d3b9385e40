/* debrief-log-view.c
 *
 * The lines of a log as a virtualized list: a row widget exists only for
 * the lines on screen, so ten million lines scroll as smoothly as ten.
 * Each row shows the line number, the aligned time in the incident's time
 * zone (named in the column's title; time since boot while the log's clock
 * is not aligned), optionally the time as written in the file, the level
 * as a badge and the message, wrapped or scrolled sideways as the person
 * chose, with firmware terms and the filter text highlighted.  Above the list sit the level and text filter
 * (applied by whoever owns the model, on "filter-changed") and the jump to
 * a time (on "jump-to-time").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-log-view"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "debrief-log-model.h"

#include "debrief-log-view.h"
#include "debrief-log-view-private.h"
#include "debrief-time.h"

struct _DebriefLogView
{
  GtkWidget          parent_instance;

  GListModel        *rows;
  GtkMultiSelection *selection;
  GTimeZone         *zone;
  char              *highlight;
  DebriefLogLevel    min_level;
  char              *filter_text;
  gboolean           busy;
  gboolean           wrap_lines;
  gboolean           show_original_times;
  /* The rows' times count from boot (their clock is not aligned). */
  gboolean           since_boot;
  /* The first and last times are on one day in the zone: the rows show
   * the time of day, and the column's title the day. */
  gboolean           one_day;
  gint64             day_usec;
  GSettings         *settings;

  /* The list items bound to a row, that is the rows on screen (and a
   * few around them): what a new time zone or highlight redraws. */
  GHashTable        *bound;
  guint              line_digits;
  guint              n_setup;

  GtkDropDown       *level_dropdown;
  GtkSearchEntry    *filter_entry;
  GtkEntry          *jump_entry;
  GtkSpinner        *busy_spinner;
  GtkLabel          *status_label;
  GtkStack          *stack;
  GtkListView       *list_view;
  GtkScrolledWindow *scroller;
  GtkFixed          *header_fixed;
  GtkWidget         *header_box;
  GtkLabel          *header_line;
  GtkLabel          *header_time;
  GtkLabel          *header_written;
};

static void debrief_log_view_viewer_init (DebriefEvidenceViewerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DebriefLogView, debrief_log_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DEBRIEF_TYPE_EVIDENCE_VIEWER,
                                                      debrief_log_view_viewer_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_HIGHLIGHT,
  PROP_BUSY,
  PROP_WRAP_LINES,
  PROP_SHOW_ORIGINAL_TIMES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  FILTER_CHANGED,
  JUMP_TO_TIME,
  ROW_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The levels of the dropdown, in its order. */
static const DebriefLogLevel dropdown_levels[] = {
  DEBRIEF_LOG_LEVEL_NONE,
  DEBRIEF_LOG_LEVEL_DEBUG,
  DEBRIEF_LOG_LEVEL_INFO,
  DEBRIEF_LOG_LEVEL_WARNING,
  DEBRIEF_LOG_LEVEL_ERROR,
};

/* The short badge of each level, translated once. */
static const char *level_badges[DEBRIEF_LOG_LEVEL_FATAL + 1];

typedef struct
{
  GtkListItem *item;
  GtkLabel    *line;
  GtkLabel    *time;
  GtkLabel    *written;
  GtkLabel    *level;
  GtkLabel    *text;
  int          shown_level;
  int          shown_stamp;
} RowWidgets;

/* Wide enough for "2026-03-14 02:11:07.123", "02:11:07.123" and
 * "+00:00:01.250". */
#define TIME_CHARS            23
#define TIME_OF_DAY_CHARS     12
#define SINCE_BOOT_TIME_CHARS 14
/* What most stamps as written take; a longer one is cut, and whole in
 * the time's tooltip. */
#define WRITTEN_TIME_CHARS    26

static GQuark row_widgets_quark;

static guint
time_chars (DebriefLogView *self)
{
  if (self->since_boot)
    return SINCE_BOOT_TIME_CHARS;

  return self->one_day ? TIME_OF_DAY_CHARS : TIME_CHARS;
}

static void
update_row (DebriefLogView *self,
            RowWidgets     *widgets,
            DebriefLogRow  *row)
{
  DebriefLogLevel level = debrief_log_row_get_level (row);
  gint64 usec = debrief_log_row_get_usec (row);
  gboolean has_stamp = debrief_log_row_get_has_stamp (row) && usec != G_MININT64;
  const char *text;
  PangoAttrList *attrs;
  char buffer[64];

  g_snprintf (buffer, sizeof buffer, "%" G_GUINT64_FORMAT, debrief_log_row_get_line (row) + 1);
  gtk_label_set_text (widgets->line, buffer);
  gtk_label_set_width_chars (widgets->line, self->line_digits);

  /* No GDateTime or allocation: this runs for each row that scrolls in. */
  if (debrief_log_row_get_since_boot (row))
    debrief_time_format_since_boot_to_buffer (buffer, sizeof buffer, usec);
  else
    debrief_time_format_to_buffer (buffer, sizeof buffer, usec, self->zone,
                                   self->one_day ? DEBRIEF_TIME_STYLE_TIME_MSEC : DEBRIEF_TIME_STYLE_DATE_TIME_MSEC);
  gtk_label_set_text (widgets->time, buffer);
  gtk_label_set_width_chars (widgets->time, time_chars (self));

  /* The time as the file has it, in its own column when the person asked
   * for it (and in the time's tooltip, made only when asked for). */
  if (self->show_original_times)
    {
      g_autofree char *written = debrief_log_row_dup_written_time (row);

      gtk_label_set_text (widgets->written, written ? written : "");
    }

  if (widgets->shown_stamp != has_stamp)
    {
      widgets->shown_stamp = has_stamp;
      if (has_stamp || usec == G_MININT64)
        gtk_widget_remove_css_class (GTK_WIDGET (widgets->time), "log-time-inherited");
      else
        gtk_widget_add_css_class (GTK_WIDGET (widgets->time), "log-time-inherited");
    }

  if (widgets->shown_level != (int) level)
    {
      GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (widgets->level));

      _debrief_log_view_set_level_classes (GTK_WIDGET (widgets->level), level);
      gtk_label_set_text (widgets->level, level_badges[level]);

      if (level >= DEBRIEF_LOG_LEVEL_ERROR)
        gtk_widget_add_css_class (box, "log-row-error");
      else
        gtk_widget_remove_css_class (box, "log-row-error");
      if (level == DEBRIEF_LOG_LEVEL_WARNING)
        gtk_widget_add_css_class (box, "log-row-warning");
      else
        gtk_widget_remove_css_class (box, "log-row-warning");

      widgets->shown_level = level;
    }

  text = debrief_log_row_get_message (row);
  attrs = _debrief_log_view_build_highlights (text, self->highlight);
  gtk_label_set_attributes (widgets->text, attrs);
  g_clear_pointer (&attrs, pango_attr_list_unref);
  gtk_label_set_text (widgets->text, text);
}

static void
update_bound_rows (DebriefLogView *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GtkListItem *item = key;
      RowWidgets *widgets = g_object_get_qdata (G_OBJECT (gtk_list_item_get_child (item)), row_widgets_quark);

      update_row (self, widgets, gtk_list_item_get_item (item));
    }
}

static GtkLabel *
add_label (GtkWidget  *box,
           const char *css_class,
           float       xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);

  return GTK_LABEL (label);
}

/* The time's tooltip: the time as the file writes it, or why the line
 * shows another line's time. */
static char *
dup_time_tooltip (DebriefLogRow *row)
{
  g_autofree char *written = NULL;

  if (row == NULL || debrief_log_row_get_usec (row) == G_MININT64)
    return NULL;

  if (!debrief_log_row_get_has_stamp (row))
    return g_strdup (_("This line has no time of its own: the time of the entry it belongs to"));

  if (!(written = debrief_log_row_dup_written_time (row)))
    return NULL;

  /* Translators: the tooltip of a log line's time; %s is its time as the
   * log file writes it */
  return g_strdup_printf (_("As written in the file: %s"), written);
}

static gboolean
time_query_tooltip_cb (GtkWidget   *label,
                       int          x,
                       int          y,
                       gboolean     keyboard,
                       GtkTooltip  *tooltip,
                       GtkListItem *item)
{
  g_autofree char *text = dup_time_tooltip (gtk_list_item_get_item (item));

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  DebriefLogView           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  RowWidgets *widgets = g_new0 (RowWidgets, 1);

  /* A box for its children and their CSS; laid out as above. */
  gtk_widget_set_layout_manager (box, _debrief_log_view_row_layout_new ());
  gtk_widget_add_css_class (box, "log-row");

  widgets->item = item;
  widgets->shown_level = -1;
  widgets->shown_stamp = -1;
  widgets->line = add_label (box, "log-line-number", 1.0);
  widgets->time = add_label (box, "log-time", 0.0);
  gtk_label_set_width_chars (widgets->time, time_chars (self));
  /* Made when asked for: setting a tooltip on each row that scrolls in
   * slows scrolling several times over. */
  gtk_widget_set_has_tooltip (GTK_WIDGET (widgets->time), TRUE);
  g_signal_connect (widgets->time, "query-tooltip", G_CALLBACK (time_query_tooltip_cb), item);
  widgets->written = add_label (box, "log-written-time", 0.0);
  gtk_label_set_width_chars (widgets->written, WRITTEN_TIME_CHARS);
  gtk_label_set_max_width_chars (widgets->written, WRITTEN_TIME_CHARS);
  gtk_label_set_ellipsize (widgets->written, PANGO_ELLIPSIZE_END);
  gtk_widget_set_visible (GTK_WIDGET (widgets->written), self->show_original_times);
  widgets->level = add_label (box, "log-level", 0.5);
  gtk_label_set_width_chars (widgets->level, 6);
  gtk_widget_set_valign (GTK_WIDGET (widgets->level), GTK_ALIGN_START);
  widgets->text = add_label (box, "log-text", 0.0);
  gtk_widget_set_hexpand (GTK_WIDGET (widgets->text), TRUE);
  /* Never cut: the message wraps onto more lines, or the lines scroll
   * sideways, as the person chose. */
  if (self->wrap_lines)
    {
      gtk_label_set_single_line_mode (widgets->text, FALSE);
      gtk_label_set_wrap (widgets->text, TRUE);
      gtk_label_set_wrap_mode (widgets->text, PANGO_WRAP_WORD_CHAR);
    }

  g_object_set_qdata_full (G_OBJECT (box), row_widgets_quark, widgets, g_free);
  gtk_list_item_set_child (item, box);

  self->n_setup++;
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 DebriefLogView           *self)
{
  RowWidgets *widgets = g_object_get_qdata (G_OBJECT (gtk_list_item_get_child (item)), row_widgets_quark);

  update_row (self, widgets, gtk_list_item_get_item (item));
  if (self->bound != NULL)
    g_hash_table_add (self->bound, item);
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   DebriefLogView           *self)
{
  if (self->bound != NULL)
    g_hash_table_remove (self->bound, item);
}

/* The column titles: the time's names the zone its times are in (the
 * incident's), or says they count from boot. */
static void
update_header (DebriefLogView *self)
{
  g_autofree char *time_title = NULL;

  if (self->since_boot)
    time_title = g_strdup (_("Since Boot"));
  else
    {
      g_autofree char *zone = debrief_time_zone_get_label (self->zone, self->day_usec);

      if (self->one_day)
        {
          g_autofree char *day = NULL;
          char buffer[32];

          debrief_time_format_to_buffer (buffer, sizeof buffer, self->day_usec, self->zone, DEBRIEF_TIME_STYLE_DATE_TIME);
          day = g_strndup (buffer, strlen ("YYYY-MM-DD"));
          /* Translators: the title of the log viewer's column of times
           * when every line is on one day; the first %s is the day
           * (2026-03-14), the second the time zone, such as "CET" or
           * "UTC+01:00" */
          time_title = g_strdup_printf (_("%s (%s)"), day, zone);
        }
      else
        /* Translators: the title of the log viewer's column of times; %s
         * names the time zone, such as "CET" or "UTC+01:00" */
        time_title = g_strdup_printf (_("Time (%s)"), zone);
    }

  gtk_label_set_text (self->header_time, time_title);
  gtk_label_set_width_chars (self->header_time, time_chars (self));
  gtk_label_set_width_chars (self->header_line, self->line_digits);
  gtk_widget_set_visible (GTK_WIDGET (self->header_written), self->show_original_times);
}

/* The time of the row nearest @position that has one, looking @step
 * rows at a time (a few hundred at most); G_MININT64 when none has. */
static gint64
nearest_time (DebriefLogView *self,
              guint           position,
              int             step)
{
  guint n_items = g_list_model_get_n_items (self->rows);

  for (guint i = 0; i < 200 && position < n_items; i++, position += step)
    {
      g_autoptr(DebriefLogRow) row = g_list_model_get_item (self->rows, position);

      if (debrief_log_row_get_usec (row) != G_MININT64)
        return debrief_log_row_get_usec (row);
    }

  return G_MININT64;
}

/* How the times read: since boot (the first row says for all, since one
 * clock counts every line of a log), or as the time of day when the
 * first and last lines are on one day in the zone. */
static void
update_clock (DebriefLogView *self)
{
  guint n_items = self->rows ? g_list_model_get_n_items (self->rows) : 0;
  gboolean since_boot = FALSE;
  gboolean one_day = FALSE;
  gint64 first = G_MININT64;

  if (n_items > 0)
    {
      g_autoptr(DebriefLogRow) row = g_list_model_get_item (self->rows, 0);
      gint64 last;

      since_boot = debrief_log_row_get_since_boot (row);
      first = nearest_time (self, 0, 1);
      last = nearest_time (self, n_items - 1, -1);
      if (!since_boot && first != G_MININT64 && last != G_MININT64)
        {
          char first_day[32], last_day[32];

          debrief_time_format_to_buffer (first_day, sizeof first_day, first, self->zone, DEBRIEF_TIME_STYLE_DATE_MINUTES);
          debrief_time_format_to_buffer (last_day, sizeof last_day, last, self->zone, DEBRIEF_TIME_STYLE_DATE_MINUTES);
          one_day = strncmp (first_day, last_day, strlen ("YYYY-MM-DD")) == 0;
        }
    }

  self->day_usec = first;
  if (since_boot != self->since_boot || one_day != self->one_day)
    {
      self->since_boot = since_boot;
      self->one_day = one_day;
      update_bound_rows (self);
    }
  update_header (self);
}

/* The row widgets are made anew, as the wrapping or the columns now
 * are; the list keeps its place and selection. */
static void
rebuild_rows (DebriefLogView *self);

/* The column titles follow the lines when they scroll sideways. */
static void
hadjustment_changed_cb (DebriefLogView *self,
                        GtkAdjustment  *adjustment)
{
  gtk_fixed_move (self->header_fixed, self->header_box, -gtk_adjustment_get_value (adjustment), 0);
}

static void
update_stack (DebriefLogView *self)
{
  guint n_items = self->rows ? g_list_model_get_n_items (self->rows) : 0;
  const char *page = "list";

  if (n_items == 0)
    {
      gboolean filtered = self->min_level != DEBRIEF_LOG_LEVEL_NONE ||
                          (self->filter_text != NULL && *self->filter_text != '\0');

      page = filtered ? "no-match" : "empty";
    }

  gtk_stack_set_visible_child_name (self->stack, page);
}

/* The line number column is as wide as the last line's number, so that
 * the columns after it line up. */
static void
update_line_digits (DebriefLogView *self)
{
  guint n_items = self->rows ? g_list_model_get_n_items (self->rows) : 0;
  guint digits = 4;

  if (n_items > 0)
    {
      g_autoptr(DebriefLogRow) last = g_list_model_get_item (self->rows, n_items - 1);
      guint64 number = debrief_log_row_get_line (last) + 1;

      for (digits = 1; number >= 10; number /= 10)
        digits++;
      digits = MAX (digits, 4);
    }

  if (digits != self->line_digits)
    {
      self->line_digits = digits;
      update_bound_rows (self);
      gtk_label_set_width_chars (self->header_line, digits);
    }
}

static void
rows_items_changed_cb (DebriefLogView *self)
{
  update_line_digits (self);
  update_clock (self);
  update_stack (self);
}

static void
selection_changed_cb (DebriefLogView *self)
{
  debrief_evidence_viewer_selection_changed (DEBRIEF_EVIDENCE_VIEWER (self));
}

static void
emit_filter_changed (DebriefLogView *self)
{
  update_stack (self);
  g_signal_emit (self, signals [FILTER_CHANGED], 0, (int) self->min_level,
                 self->filter_text ? self->filter_text : "");
}

static void
level_selected_cb (DebriefLogView *self)
{
  guint selected = gtk_drop_down_get_selected (self->level_dropdown);
  DebriefLogLevel level = selected < G_N_ELEMENTS (dropdown_levels) ? dropdown_levels[selected]
                                                                    : DEBRIEF_LOG_LEVEL_NONE;

  if (level == self->min_level)
    return;

  self->min_level = level;
  emit_filter_changed (self);
}

static void
filter_search_changed_cb (DebriefLogView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));

  if (g_strcmp0 (text, self->filter_text) == 0)
    return;

  g_free (self->filter_text);
  self->filter_text = g_strdup (text);
  debrief_log_view_set_highlight (self, text);
  emit_filter_changed (self);
}

/* Escape empties the filter; a second Escape goes back to the lines. */
static void
filter_stop_search_cb (DebriefLogView *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
list_activate_cb (DebriefLogView *self,
                  guint           position)
{
  g_signal_emit (self, signals [ROW_ACTIVATED], 0, position);
}

/* The row widget highest up in the visible part of the list. */
static guint
first_visible_position (DebriefLogView *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self->list_view));
  guint first = G_MAXUINT;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GtkListItem *item = key;
      GtkWidget *child = gtk_list_item_get_child (item);
      graphene_rect_t bounds;

      if (!gtk_widget_get_mapped (child) ||
          !gtk_widget_compute_bounds (child, GTK_WIDGET (self->list_view), &bounds))
        continue;

      if (bounds.origin.y + bounds.size.height > 0 && bounds.origin.y < height)
        first = MIN (first, gtk_list_item_get_position (item));
    }

  return first;
}

/* The aligned time of the first visible line that has one, or of the
 * nearest line around it that does; G_MININT64 when none is near. */
static gint64
find_visible_time (DebriefLogView *self)
{
  guint n_items = self->rows ? g_list_model_get_n_items (self->rows) : 0;
  guint first = first_visible_position (self);

  if (n_items == 0)
    return G_MININT64;
  if (first >= n_items)
    first = 0;

  for (guint i = first; i < n_items && i < first + 1000; i++)
    {
      g_autoptr(DebriefLogRow) row = g_list_model_get_item (self->rows, i);

      if (debrief_log_row_get_usec (row) != G_MININT64)
        return debrief_log_row_get_usec (row);
    }

  for (guint i = first; i > 0 && i + 1000 > first; i--)
    {
      g_autoptr(DebriefLogRow) row = g_list_model_get_item (self->rows, i - 1);

      if (debrief_log_row_get_usec (row) != G_MININT64)
        return debrief_log_row_get_usec (row);
    }

  return G_MININT64;
}

static void
show_jump_error (DebriefLogView *self,
                 const char     *message)
{
  gtk_widget_add_css_class (GTK_WIDGET (self->jump_entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->jump_entry), message);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->jump_entry),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
}

static void
jump_changed_cb (DebriefLogView *self)
{
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->jump_entry), "error"))
    return;

  gtk_widget_remove_css_class (GTK_WIDGET (self->jump_entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->jump_entry),
                               _("A time as HH:MM:SS on the day shown, or a date and time as YYYY-MM-DD HH:MM:SS"));
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->jump_entry), GTK_ACCESSIBLE_STATE_INVALID);
}

static void
jump_activate_cb (DebriefLogView *self)
{
  const char *input = gtk_editable_get_text (GTK_EDITABLE (self->jump_entry));
  g_autoptr(GDateTime) when = NULL;
  gboolean has_date;
  int year, month, day, hour, minute, second, usec;

  if (!_debrief_log_view_parse_jump_input (input, &has_date, &year, &month, &day, &hour, &minute, &second, &usec))
    {
      show_jump_error (self, _("Not a time: enter one as HH:MM:SS, or a date and time as YYYY-MM-DD HH:MM:SS"));
      return;
    }

  if (!has_date)
    {
      gint64 shown = find_visible_time (self);
      g_autoptr(GDateTime) local = NULL;

      if (shown == G_MININT64)
        {
          show_jump_error (self, _("No line here has a date: enter a date and time as YYYY-MM-DD HH:MM:SS"));
          return;
        }

      local = debrief_date_time_new_in_zone (shown, self->zone);
      g_date_time_get_ymd (local, &year, &month, &day);
    }

  when = g_date_time_new (self->zone, year, month, day, hour, minute, second);
  if (when == NULL)
    {
      show_jump_error (self, _("Not a time: enter one as HH:MM:SS, or a date and time as YYYY-MM-DD HH:MM:SS"));
      return;
    }

  jump_changed_cb (self);
  g_signal_emit (self, signals [JUMP_TO_TIME], 0, g_date_time_to_unix (when) * G_USEC_PER_SEC + usec);
}

static void
focus_filter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DebriefLogView *self = DEBRIEF_LOG_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

static void
focus_jump_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DebriefLogView *self = DEBRIEF_LOG_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->jump_entry));
}

GtkWidget *
debrief_log_view_new (void)
{
  return g_object_new (DEBRIEF_TYPE_LOG_VIEW, NULL);
}

GListModel *
debrief_log_view_get_model (DebriefLogView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_VIEW (self), NULL);

  return self->rows;
}

void
debrief_log_view_set_model (DebriefLogView *self,
                            GListModel     *rows)
{
  g_return_if_fail (DEBRIEF_IS_LOG_VIEW (self));
  g_return_if_fail (rows == NULL || G_IS_LIST_MODEL (rows));
  g_return_if_fail (rows == NULL || g_type_is_a (g_list_model_get_item_type (rows), DEBRIEF_TYPE_LOG_ROW));

  if (self->rows == rows)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->rows != NULL)
    g_signal_handlers_disconnect_by_data (self->rows, self);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);

  if (rows != NULL)
    {
      self->rows = g_object_ref (rows);
      self->selection = gtk_multi_selection_new (g_object_ref (rows));
      g_signal_connect_swapped (self->rows, "items-changed", G_CALLBACK (rows_items_changed_cb), self);
      g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
    }

  update_line_digits (self);
  update_clock (self);
  update_stack (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEL]);
  debrief_evidence_viewer_selection_changed (DEBRIEF_EVIDENCE_VIEWER (self));
}

GTimeZone *
debrief_log_view_get_time_zone (DebriefLogView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_VIEW (self), NULL);

  return self->zone;
}

void
debrief_log_view_set_time_zone (DebriefLogView *self,
                                GTimeZone      *zone)
{
  g_autoptr(GTimeZone) new_zone = NULL;

  g_return_if_fail (DEBRIEF_IS_LOG_VIEW (self));

  new_zone = zone ? g_time_zone_ref (zone) : g_time_zone_new_utc ();
  if (g_strcmp0 (g_time_zone_get_identifier (new_zone), g_time_zone_get_identifier (self->zone)) == 0)
    return;

  g_time_zone_unref (self->zone);
  self->zone = g_steal_pointer (&new_zone);
  update_bound_rows (self);
  update_clock (self);
}

const char *
debrief_log_view_get_highlight (DebriefLogView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_VIEW (self), NULL);

  return self->highlight;
}

void
debrief_log_view_set_highlight (DebriefLogView *self,
                                const char     *text)
{
  g_return_if_fail (DEBRIEF_IS_LOG_VIEW (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (self->highlight, text) == 0)
    return;

  g_free (self->highlight);
  self->highlight = g_strdup (text);
  update_bound_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HIGHLIGHT]);
}

DebriefLogLevel
debrief_log_view_get_min_level (DebriefLogView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_VIEW (self), DEBRIEF_LOG_LEVEL_NONE);

  return self->min_level;
}

const char *
debrief_log_view_get_filter_text (DebriefLogView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_VIEW (self), NULL);

  return self->filter_text ? self->filter_text : "";
}

void
debrief_log_view_set_status (DebriefLogView *self,
                             const char     *text)
{
  g_return_if_fail (DEBRIEF_IS_LOG_VIEW (self));

  gtk_label_set_text (self->status_label, text ? text : "");
}

/* Shows every line again: the controls are reset and "filter-changed" is
 * emitted once, at once (not after the search entry's pause). */
void
debrief_log_view_clear_filter (DebriefLogView *self)
{
  g_return_if_fail (DEBRIEF_IS_LOG_VIEW (self));

  if (self->min_level == DEBRIEF_LOG_LEVEL_NONE && (self->filter_text == NULL || *self->filter_text == '\0'))
    return;

  self->min_level = DEBRIEF_LOG_LEVEL_NONE;
  g_free (self->filter_text);
  self->filter_text = g_strdup ("");
  gtk_drop_down_set_selected (self->level_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  debrief_log_view_set_highlight (self, NULL);
  emit_filter_changed (self);
}

gboolean
debrief_log_view_get_wrap_lines (DebriefLogView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_VIEW (self), FALSE);

  return self->wrap_lines;
}

void
debrief_log_view_set_wrap_lines (DebriefLogView *self,
                                 gboolean        wrap_lines)
{
  g_return_if_fail (DEBRIEF_IS_LOG_VIEW (self));

  wrap_lines = !!wrap_lines;
  if (self->wrap_lines == wrap_lines)
    return;

  self->wrap_lines = wrap_lines;
  /* Wrapped lines fit the width; lines kept whole scroll sideways. */
  gtk_scrolled_window_set_policy (self->scroller,
                                  wrap_lines ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  rebuild_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WRAP_LINES]);
}

gboolean
debrief_log_view_get_show_original_times (DebriefLogView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_VIEW (self), FALSE);

  return self->show_original_times;
}

void
debrief_log_view_set_show_original_times (DebriefLogView *self,
                                          gboolean        show)
{
  g_return_if_fail (DEBRIEF_IS_LOG_VIEW (self));

  show = !!show;
  if (self->show_original_times == show)
    return;

  self->show_original_times = show;
  rebuild_rows (self);
  update_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_ORIGINAL_TIMES]);
}

gboolean
debrief_log_view_get_busy (DebriefLogView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_VIEW (self), FALSE);

  return self->busy;
}

void
debrief_log_view_set_busy (DebriefLogView *self,
                           gboolean        busy)
{
  g_return_if_fail (DEBRIEF_IS_LOG_VIEW (self));

  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

/* A position past the end scrolls to the last line, so that a time after
 * every line goes to the end. */
void
debrief_log_view_scroll_to (DebriefLogView *self,
                            guint           position,
                            gboolean        select)
{
  guint n_items;

  g_return_if_fail (DEBRIEF_IS_LOG_VIEW (self));

  n_items = self->rows ? g_list_model_get_n_items (self->rows) : 0;
  if (n_items == 0)
    return;

  position = MIN (position, n_items - 1);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  /* Selected as a click selects it, so that the line is where Shift+click
   * extends the selection from (selecting it in the model alone leaves
   * the list's anchor where the last click was). */
  if (select)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.select-item", "(ubb)", position, FALSE, FALSE);
}

gboolean
debrief_log_view_get_selected_range (DebriefLogView *self,
                                     guint          *first_pos,
                                     guint          *last_pos)
{
  g_autoptr(GtkBitset) selected = NULL;

  g_return_val_if_fail (DEBRIEF_IS_LOG_VIEW (self), FALSE);

  if (self->selection == NULL)
    return FALSE;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_is_empty (selected))
    return FALSE;

  if (first_pos != NULL)
    *first_pos = gtk_bitset_get_minimum (selected);
  if (last_pos != NULL)
    *last_pos = gtk_bitset_get_maximum (selected);

  return TRUE;
}

/* The selected rows, first to last, at most
 * DEBRIEF_LOG_VIEW_MAX_SELECTED_ROWS of them. */
GPtrArray *
debrief_log_view_dup_selected_rows (DebriefLogView *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (DEBRIEF_IS_LOG_VIEW (self), NULL);

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->selection == NULL)
    return g_steal_pointer (&rows);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more && rows->len < DEBRIEF_LOG_VIEW_MAX_SELECTED_ROWS;
       more = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (rows, g_list_model_get_item (self->rows, position));

  return g_steal_pointer (&rows);
}

char *
_debrief_log_view_dup_time_tooltip (DebriefLogRow *row)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_ROW (row), NULL);

  return dup_time_tooltip (row);
}

guint
_debrief_log_view_get_n_setup (DebriefLogView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_VIEW (self), 0);

  return self->n_setup;
}

/* A log is read at about this width: beside a narrower viewer the item's
 * details fold over the lines (AdwFlap, by natural widths) rather than
 * leave the messages less. It asks for nothing more as a minimum, so a
 * window of 360 px still shows the view. */
#define READING_WIDTH 640

static void
debrief_log_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*natural, MAX (*minimum, READING_WIDTH));
}

static void
debrief_log_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
debrief_log_view_dispose (GObject *object)
{
  DebriefLogView *self = DEBRIEF_LOG_VIEW (object);
  GtkWidget *child;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->rows != NULL)
    g_signal_handlers_disconnect_by_data (self->rows, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_LOG_VIEW);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (debrief_log_view_parent_class)->dispose (object);
}

static void
debrief_log_view_finalize (GObject *object)
{
  DebriefLogView *self = DEBRIEF_LOG_VIEW (object);

  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->highlight, g_free);
  g_clear_pointer (&self->filter_text, g_free);

  G_OBJECT_CLASS (debrief_log_view_parent_class)->finalize (object);
}

static void
debrief_log_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DebriefLogView *self = DEBRIEF_LOG_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->rows);
      break;

    case PROP_HIGHLIGHT:
      g_value_set_string (value, self->highlight);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_WRAP_LINES:
      g_value_set_boolean (value, self->wrap_lines);
      break;

    case PROP_SHOW_ORIGINAL_TIMES:
      g_value_set_boolean (value, self->show_original_times);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_log_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DebriefLogView *self = DEBRIEF_LOG_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      debrief_log_view_set_model (self, g_value_get_object (value));
      break;

    case PROP_HIGHLIGHT:
      debrief_log_view_set_highlight (self, g_value_get_string (value));
      break;

    case PROP_BUSY:
      debrief_log_view_set_busy (self, g_value_get_boolean (value));
      break;

    case PROP_WRAP_LINES:
      debrief_log_view_set_wrap_lines (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_ORIGINAL_TIMES:
      debrief_log_view_set_show_original_times (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_log_view_class_init (DebriefLogViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_log_view_dispose;
  object_class->finalize = debrief_log_view_finalize;
  object_class->get_property = debrief_log_view_get_property;
  object_class->set_property = debrief_log_view_set_property;

  widget_class->measure = debrief_log_view_measure;
  widget_class->size_allocate = debrief_log_view_size_allocate;

  properties [PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_HIGHLIGHT] =
    g_param_spec_string ("highlight", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Long lines wrap (TRUE) or scroll sideways (FALSE). */
  properties [PROP_WRAP_LINES] =
    g_param_spec_boolean ("wrap-lines", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* A column of the times as the file writes them. */
  properties [PROP_SHOW_ORIGINAL_TIMES] =
    g_param_spec_boolean ("show-original-times", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The lowest level (a DebriefLogLevel) and the text, "" for any, that
   * the lines shown should have. */
  signals [FILTER_CHANGED] =
    g_signal_new ("filter-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /* An aligned time, microseconds since 1970 UTC, to show the lines of. */
  signals [JUMP_TO_TIME] =
    g_signal_new ("jump-to-time",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /* Enter or a double click on the row at a position of the model. */
  signals [ROW_ACTIVATED] =
    g_signal_new ("row-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/evidence/debrief-log-view.ui");
  gtk_widget_class_set_css_name (widget_class, "debrief-log-view");
  gtk_widget_class_bind_template_child (widget_class, DebriefLogView, level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DebriefLogView, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, DebriefLogView, jump_entry);
  gtk_widget_class_bind_template_child (widget_class, DebriefLogView, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, DebriefLogView, status_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefLogView, stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefLogView, list_view);
  gtk_widget_class_bind_template_child (widget_class, DebriefLogView, scroller);
  gtk_widget_class_bind_template_child (widget_class, DebriefLogView, header_fixed);
  gtk_widget_class_bind_template_child (widget_class, DebriefLogView, header_box);
  gtk_widget_class_bind_template_child (widget_class, DebriefLogView, header_line);
  gtk_widget_class_bind_template_child (widget_class, DebriefLogView, header_time);
  gtk_widget_class_bind_template_child (widget_class, DebriefLogView, header_written);
  gtk_widget_class_bind_template_callback (widget_class, level_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, jump_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, jump_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "log-view.focus-filter", NULL, focus_filter_action);
  gtk_widget_class_install_action (widget_class, "log-view.focus-jump", NULL, focus_jump_action);
  gtk_widget_class_install_property_action (widget_class, "log-view.wrap-lines", "wrap-lines");
  gtk_widget_class_install_property_action (widget_class, "log-view.show-original-times", "show-original-times");

  row_widgets_quark = g_quark_from_static_string ("debrief-log-view-row");

  /* Translators: the short badges of log levels, as logs abbreviate
   * them; keep them at most six characters. */
  level_badges[DEBRIEF_LOG_LEVEL_NONE] = "";
  level_badges[DEBRIEF_LOG_LEVEL_TRACE] = C_("log level", "TRACE");
  level_badges[DEBRIEF_LOG_LEVEL_DEBUG] = C_("log level", "DEBUG");
  level_badges[DEBRIEF_LOG_LEVEL_INFO] = C_("log level", "INFO");
  level_badges[DEBRIEF_LOG_LEVEL_NOTICE] = C_("log level", "NOTICE");
  level_badges[DEBRIEF_LOG_LEVEL_WARNING] = C_("log level", "WARN");
  level_badges[DEBRIEF_LOG_LEVEL_ERROR] = C_("log level", "ERROR");
  level_badges[DEBRIEF_LOG_LEVEL_CRITICAL] = C_("log level", "CRIT");
  level_badges[DEBRIEF_LOG_LEVEL_FATAL] = C_("log level", "FATAL");
}

static void
rebuild_rows (DebriefLogView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (factory_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (factory_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
}

static void
debrief_log_view_init (DebriefLogView *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->zone = g_time_zone_new_utc ();
  self->bound = g_hash_table_new (NULL, NULL);
  self->line_digits = 4;

  /* How the lines are laid out is the person's, remembered. */
  self->settings = g_settings_new (APP_ID_BASE);
  self->wrap_lines = g_settings_get_boolean (self->settings, "log-wrap-lines");
  self->show_original_times = g_settings_get_boolean (self->settings, "log-show-original-times");
  gtk_scrolled_window_set_policy (self->scroller,
                                  self->wrap_lines ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  g_settings_bind (self->settings, "log-wrap-lines", self, "wrap-lines", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "log-show-original-times", self, "show-original-times", G_SETTINGS_BIND_DEFAULT);
  rebuild_rows (self);

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "value-changed",
                           G_CALLBACK (hadjustment_changed_cb), self, G_CONNECT_SWAPPED);
  update_header (self);

  /* Local: Ctrl+F means the log's filter only while the log has the
   * focus, and whatever the window makes of it elsewhere. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_LOCAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                                                          gtk_named_action_new ("log-view.focus-filter")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>j"),
                                                          gtk_named_action_new ("log-view.focus-jump")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_stack (self);
}

/* As an evidence viewer: lines of the log, which can set its clock. */

static gboolean
debrief_log_view_get_citation (DebriefEvidenceViewer *viewer,
                               DebriefCitation       *citation)
{
  g_autoptr(GPtrArray) rows = debrief_log_view_dup_selected_rows (DEBRIEF_LOG_VIEW (viewer));
  g_autoptr(GString) text = g_string_new (NULL);

  if (rows == NULL || rows->len == 0)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      DebriefLogRow *row = g_ptr_array_index (rows, i);

      if (i == 0)
        citation->first = debrief_log_row_get_line (row);
      citation->last = debrief_log_row_get_line (row);
      /* Time since boot is no time on the incident's timeline. */
      if (citation->usec == G_MININT64 && !debrief_log_row_get_since_boot (row))
        citation->usec = debrief_log_row_get_usec (row);
      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", debrief_log_row_get_text (row));
    }
  citation->text = g_string_free (g_steal_pointer (&text), FALSE);
  citation->by_line = TRUE;
  return TRUE;
}

/* Shows line @first. A filter may hide it: then the whole log is shown,
 * and the filter controls say so. */
static void
debrief_log_view_select_place (DebriefEvidenceViewer *viewer,
                               gint64                 first,
                               gint64                 last)
{
  DebriefLogView *self = DEBRIEF_LOG_VIEW (viewer);
  DebriefLogModel *model;
  guint position;

  if (!DEBRIEF_IS_LOG_MODEL (self->rows))
    return;
  model = DEBRIEF_LOG_MODEL (self->rows);

  position = debrief_log_model_find_line (model, (guint64) first);
  if (position == G_MAXUINT || debrief_log_model_get_filtering (model))
    {
      debrief_log_view_clear_filter (self);
      debrief_log_model_set_filter (model, DEBRIEF_LOG_LEVEL_NONE, NULL);
      position = debrief_log_model_find_line (model, (guint64) first);
    }
  else
    {
      g_autoptr(DebriefLogRow) row = g_list_model_get_item (G_LIST_MODEL (model), position);

      if (row != NULL && debrief_log_row_get_line (row) != (guint64) first)
        {
          debrief_log_view_clear_filter (self);
          debrief_log_model_set_filter (model, DEBRIEF_LOG_LEVEL_NONE, NULL);
          position = debrief_log_model_find_line (model, (guint64) first);
        }
    }
  if (position != G_MAXUINT)
    debrief_log_view_scroll_to (self, position, TRUE);
}

static void
debrief_log_view_viewer_set_time_zone (DebriefEvidenceViewer *viewer,
                                       GTimeZone             *zone)
{
  debrief_log_view_set_time_zone (DEBRIEF_LOG_VIEW (viewer), zone);
}

static void
debrief_log_view_viewer_init (DebriefEvidenceViewerInterface *iface)
{
  iface->get_citation = debrief_log_view_get_citation;
  iface->select_place = debrief_log_view_select_place;
  iface->set_time_zone = debrief_log_view_viewer_set_time_zone;
}
