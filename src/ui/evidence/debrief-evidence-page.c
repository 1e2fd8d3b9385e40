/* debrief-evidence-page.c
 *
 * The Evidence view: a list of the incident's evidence on the left, the
 * selected item on the right in the viewer of its kind, with its details,
 * its clock and the timeline events that cite it.  Files come in by the
 * file chooser, by dropping them on the view, or by pasting; each import
 * runs in a thread, with progress and a way to cancel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-evidence-page"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-evidence-page.h"
#include "debrief-evidence-page-private.h"
#include "debrief-chat-view.h"
#include "debrief-evidence-viewer.h"
#include "debrief-image-view.h"
#include "debrief-log-view.h"
#include "debrief-metrics-view.h"
#include "debrief-report-view.h"

#include "core/debrief-content-loader.h"
#include "core/debrief-evidence-store.h"
#include "core/debrief-incident.h"
#include "core/debrief-log-model.h"
#include "core/debrief-phase-marker.h"
#include "core/debrief-timeline-event.h"
#include "import/debrief-evidence-kind.h"
#include "import/debrief-text.h"

/* Search results listed; the rest are counted. */
#define MAX_RESULTS 1000
#define MAX_COUNTED 1000000

struct _DebriefEvidencePage
{
  GtkWidget            parent_instance;

  GtkPaned            *paned;
  GtkToggleButton     *search_button;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkRevealer         *progress_revealer;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  GtkListView         *list_view;
  GtkStack            *content_stack;
  GtkLabel            *search_summary;
  GtkSpinner          *search_spinner;
  GtkListBox          *search_list;
  GtkImage            *kind_icon;
  GtkEditableLabel    *title_label;
  GtkLabel            *subtitle_label;
  GtkStack            *viewer_stack;
  AdwComboRow         *kind_row;
  AdwActionRow        *clock_row;
  AdwActionRow        *range_row;
  AdwActionRow        *file_row;
  AdwActionRow        *added_row;
  AdwActionRow        *sha_row;
  GtkTextView         *notes_view;
  GtkListBox          *cited_list;

  DebriefDocument     *document;
  GtkSingleSelection  *selection;
  DebriefEvidence     *current;
  GtkWidget           *viewer;
  GCancellable        *viewer_cancellable;  /* while the viewer's content loads */
  gint64               pending_first;       /* a place to show once it has loaded, or -1 */
  gint64               pending_last;
  DebriefLogModel     *log_model;
  GtkFilterListModel  *cited;
  GtkCustomFilter     *cited_filter;

  GCancellable        *import_cancellable;
  GCancellable        *search_cancellable;
  guint                progress_source;

  gboolean             updating;
  /* The viewer waits until the view is shown: opening an incident does
   * not read its evidence. */
  gboolean             viewer_stale;
};

G_DEFINE_FINAL_TYPE (DebriefEvidencePage, debrief_evidence_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_IMPORTING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void show_current (DebriefEvidencePage *self);
static void update_actions (DebriefEvidencePage *self);

/* --- Helpers ---------------------------------------------------------- */




static DebriefIncident *
incident_of (DebriefEvidencePage *self)
{
  return self->document ? debrief_document_get_incident (self->document) : NULL;
}

static GDateTime *
datetime_in_zone (gint64     usec,
                  GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = debrief_date_time_new_from_usec (usec);

  return utc ? g_date_time_to_timezone (utc, zone) : NULL;
}

static char *
format_time (gint64      usec,
             GTimeZone  *zone,
             gboolean    with_date)
{
  g_autoptr(GDateTime) dt = datetime_in_zone (usec, zone);

  if (dt == NULL)
    return g_strdup ("");

  return g_date_time_format (dt, with_date ? "%Y-%m-%d %H:%M:%S" : "%H:%M:%S");
}

/* "02:11:07 – 02:45:00", with dates when they differ from each other. */
static char *
format_range (DebriefEvidence *evidence,
              GTimeZone       *zone)
{
  gint64 first = debrief_evidence_get_aligned_first_usec (evidence);
  gint64 last = debrief_evidence_get_aligned_last_usec (evidence);
  g_autoptr(GDateTime) a = datetime_in_zone (first, zone);
  g_autoptr(GDateTime) b = datetime_in_zone (last, zone);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean same_day;

  if (a == NULL || b == NULL)
    return NULL;

  same_day = g_date_time_get_year (a) == g_date_time_get_year (b) &&
             g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
  from = g_date_time_format (a, same_day ? "%H:%M:%S" : "%Y-%m-%d %H:%M");
  to = g_date_time_format (b, same_day ? "%H:%M:%S" : "%Y-%m-%d %H:%M");

  return g_strdup_printf ("%s – %s", from, to);
}

static void
add_toast (DebriefEvidencePage *self,
           const char          *title,
           gboolean             undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;

  toast = adw_toast_new (title);
  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
show_error_dialog (DebriefEvidencePage *self,
                   const char          *heading,
                   const char          *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
writable (DebriefEvidencePage *self)
{
  return self->document != NULL && !debrief_document_get_read_only (self->document);
}

/* --- The list --------------------------------------------------------- */

static void
update_list_row (GtkWidget *row)
{
  DebriefEvidence *evidence = g_object_get_data (G_OBJECT (row), "evidence");
  DebriefEvidencePage *self = g_object_get_data (G_OBJECT (row), "page");
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "icon");
  GtkWidget *title = g_object_get_data (G_OBJECT (row), "title");
  GtkWidget *subtitle = g_object_get_data (G_OBJECT (row), "subtitle");
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *size = NULL;
  g_autofree char *range = NULL;
  g_autofree char *text = NULL;

  if (evidence == NULL)
    return;

  zone = debrief_incident_dup_time_zone (incident_of (self));
  size = g_format_size ((guint64) debrief_evidence_get_size (evidence));
  range = format_range (evidence, zone);
  text = range ? g_strdup_printf ("%s · %s", size, range) : g_strdup (size);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), debrief_evidence_kind_get_icon_name (debrief_evidence_get_kind (evidence)));
  gtk_label_set_label (GTK_LABEL (title), *debrief_evidence_get_title (evidence) ? debrief_evidence_get_title (evidence)
                                                                               : _("Untitled"));
  gtk_label_set_label (GTK_LABEL (subtitle), text);
  gtk_widget_set_tooltip_text (row, debrief_evidence_get_title (evidence));
}

static void
list_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               DebriefEvidencePage      *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 24);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "numeric");
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), labels);

  g_object_set_data (G_OBJECT (box), "page", self);
  g_object_set_data (G_OBJECT (box), "icon", icon);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  gtk_list_item_set_child (item, box);
}

static void
list_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              DebriefEvidencePage      *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  DebriefEvidence *evidence = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (row), "evidence", evidence);
  g_signal_connect_object (evidence, "notify", G_CALLBACK (update_list_row), row, G_CONNECT_SWAPPED);
  update_list_row (row);
}

static void
list_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                DebriefEvidencePage      *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  DebriefEvidence *evidence = gtk_list_item_get_item (item);

  g_signal_handlers_disconnect_by_func (evidence, update_list_row, row);
  g_object_set_data (G_OBJECT (row), "evidence", NULL);
}

static void
selection_changed_cb (DebriefEvidencePage *self)
{
  DebriefEvidence *selected = self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;

  if (selected == self->current)
    {
      if (selected == NULL)
        show_current (self);
      return;
    }

  g_set_object (&self->current, selected);
  show_current (self);
}

/* --- Details ---------------------------------------------------------- */

static char *
describe_clock (DebriefEvidencePage *self,
                DebriefEvidence     *evidence)
{
  gint64 offset = debrief_evidence_get_clock_offset_ms (evidence);
  g_autoptr(GTimeZone) zone = debrief_incident_dup_time_zone (incident_of (self));

  if (debrief_evidence_get_since_boot (evidence))
    {
      g_autofree char *boot = NULL;

      if (offset == 0)
        return g_strdup (_("Counts time since boot; no boot time set, so it is not on the incident’s clock yet"));

      boot = format_time (offset * 1000, zone, TRUE);
      /* Translators: %s is a date and time */
      return g_strdup_printf (_("Time since boot; booted at %s"), boot);
    }

  if (offset == 0)
    return g_strdup (_("Wall clock, as recorded"));

  {
    g_autofree char *shift = debrief_evidence_format_offset (offset);

    /* Translators: %s is a duration such as "+1 min 3.500 s" */
    return g_strdup_printf (_("Wall clock, shifted by %s"), shift);
  }
}

static void
update_details (DebriefEvidencePage *self)
{
  DebriefEvidence *evidence = self->current;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GString) subtitle = NULL;
  g_autofree char *size = NULL;
  g_autofree char *range = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *added = NULL;
  g_autofree char *added_at = NULL;
  DebriefEvidenceKind kind;
  gint64 count;

  if (evidence == NULL)
    return;

  self->updating = TRUE;
  zone = debrief_incident_dup_time_zone (incident_of (self));
  kind = debrief_evidence_get_kind (evidence);
  count = debrief_evidence_get_line_count (evidence);
  size = g_format_size ((guint64) debrief_evidence_get_size (evidence));

  gtk_image_set_from_icon_name (self->kind_icon, debrief_evidence_kind_get_icon_name (kind));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_label)), debrief_evidence_get_title (evidence)) != 0 &&
      !gtk_editable_label_get_editing (self->title_label))
    gtk_editable_set_text (GTK_EDITABLE (self->title_label), debrief_evidence_get_title (evidence));

  subtitle = g_string_new (debrief_evidence_kind_get_name (kind));
  if (kind == DEBRIEF_EVIDENCE_KIND_LOG)
    {
      g_string_append_printf (subtitle, " · %s", debrief_timestamp_format_get_name (debrief_evidence_get_timestamp_format (evidence)));
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%'" G_GINT64_FORMAT " line", "%'" G_GINT64_FORMAT " lines", (gulong) count), count);
    }
  else if (kind == DEBRIEF_EVIDENCE_KIND_METRICS)
    {
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%'" G_GINT64_FORMAT " row", "%'" G_GINT64_FORMAT " rows", (gulong) count), count);
    }
  else if (kind == DEBRIEF_EVIDENCE_KIND_CHAT)
    {
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%'" G_GINT64_FORMAT " message", "%'" G_GINT64_FORMAT " messages", (gulong) count), count);
    }
  g_string_append_printf (subtitle, " · %s", size);
  gtk_label_set_label (self->subtitle_label, subtitle->str);

  adw_combo_row_set_selected (self->kind_row, (guint) kind);

  clock = describe_clock (self, evidence);
  adw_action_row_set_subtitle (self->clock_row, clock);
  gtk_widget_set_visible (GTK_WIDGET (self->clock_row),
                          kind == DEBRIEF_EVIDENCE_KIND_LOG || kind == DEBRIEF_EVIDENCE_KIND_METRICS ||
                          kind == DEBRIEF_EVIDENCE_KIND_CHAT);

  range = format_range (evidence, zone);
  adw_action_row_set_subtitle (self->range_row, range ? range : _("No times in it"));
  adw_action_row_set_subtitle (self->file_row, *debrief_evidence_get_original_name (evidence)
                                                ? debrief_evidence_get_original_name (evidence) : _("Pasted"));

  added_at = debrief_evidence_get_added_at (evidence)
    ? format_time (g_date_time_to_unix (debrief_evidence_get_added_at (evidence)) * G_USEC_PER_SEC, zone, TRUE)
    : g_strdup ("");
  /* Translators: who added an evidence item, and when */
  added = g_strdup_printf (_("%s, %s"), *debrief_evidence_get_added_by (evidence)
                                        ? debrief_evidence_get_added_by (evidence) : _("someone"),
                           added_at);
  adw_action_row_set_subtitle (self->added_row, added);
  adw_action_row_set_subtitle (self->sha_row, debrief_evidence_get_sha256 (evidence));

  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
    g_autofree char *notes = NULL;
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    if (g_strcmp0 (notes, debrief_evidence_get_notes (evidence)) != 0)
      gtk_text_buffer_set_text (buffer, debrief_evidence_get_notes (evidence), -1);
  }

  self->updating = FALSE;
}

static void
title_changed_cb (DebriefEvidencePage *self)
{
  const char *text;

  if (self->updating || self->current == NULL || gtk_editable_label_get_editing (self->title_label))
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->title_label));
  if (*text == '\0')
    {
      /* An item needs a name to be found by; an empty one puts the old back. */
      gtk_editable_set_text (GTK_EDITABLE (self->title_label), debrief_evidence_get_title (self->current));
      return;
    }
  if (g_strcmp0 (text, debrief_evidence_get_title (self->current)) != 0 && writable (self))
    debrief_evidence_set_title (self->current, text);
}

static void
notes_changed_cb (DebriefEvidencePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *notes = NULL;
  GtkTextIter start, end;

  if (self->updating || self->current == NULL || !writable (self))
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  debrief_evidence_set_notes (self->current, notes);
}

static void
kind_selected_cb (DebriefEvidencePage *self)
{
  g_autoptr(GError) error = NULL;
  guint kind = adw_combo_row_get_selected (self->kind_row);

  if (self->updating || self->current == NULL || kind == GTK_INVALID_LIST_POSITION ||
      kind == (guint) debrief_evidence_get_kind (self->current))
    return;

  if (!writable (self) ||
      !debrief_evidence_change_kind (self->document, self->current, (DebriefEvidenceKind) kind, &error))
    {
      if (error != NULL)
        show_error_dialog (self, _("The Kind Cannot Be Changed"), error->message);
      update_details (self);
    }
}

/* --- Cited on the timeline -------------------------------------------- */

static gboolean
cited_filter_func (gpointer item,
                   gpointer user_data)
{
  DebriefEvidencePage *self = user_data;

  return self->current != NULL &&
         g_strcmp0 (debrief_timeline_event_get_evidence_uuid (item),
                    debrief_record_get_uuid (DEBRIEF_RECORD (self->current))) == 0;
}

static GtkWidget *
create_cited_row (gpointer item,
                  gpointer user_data)
{
  DebriefTimelineEvent *event = item;
  DebriefEvidencePage *self = user_data;
  g_autoptr(GTimeZone) zone = debrief_incident_dup_time_zone (incident_of (self));
  GDateTime *at = debrief_timeline_event_get_occurred_at (event);
  g_autofree char *when = NULL;
  g_autofree char *where = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  gint64 first = debrief_timeline_event_get_evidence_first (event);
  gint64 last = debrief_timeline_event_get_evidence_last (event);

  if (at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_timezone (at, zone);

      when = g_date_time_format (local, "%H:%M:%S");
    }
  if (first == last)
    /* Translators: where a timeline event points in its evidence */
    where = g_strdup_printf (_("line %" G_GINT64_FORMAT), first + 1);
  else
    where = g_strdup_printf (_("lines %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT), first + 1, last + 1);
  subtitle = when ? g_strdup_printf ("%s · %s", when, where) : g_strdup (where);

  /* Titles come from evidence: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *debrief_timeline_event_get_title (event)
                                                             ? debrief_timeline_event_get_title (event) : _("Untitled event"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "event", g_object_ref (event), g_object_unref);

  return row;
}

static void
cited_row_activated_cb (DebriefEvidencePage *self,
                        GtkListBoxRow       *row)
{
  DebriefTimelineEvent *event = g_object_get_data (G_OBJECT (row), "event");

  if (event != NULL)
    debrief_evidence_page_show_evidence (self,
                                         debrief_timeline_event_get_evidence_uuid (event),
                                         debrief_timeline_event_get_evidence_first (event),
                                         debrief_timeline_event_get_evidence_last (event));
}

/* --- Viewers ---------------------------------------------------------- */

static void
set_viewer (DebriefEvidencePage *self,
            GtkWidget           *viewer)
{
  /* Nothing shown: a viewer still loading is not wanted either. */
  if (viewer == NULL && self->viewer_cancellable != NULL)
    {
      g_cancellable_cancel (self->viewer_cancellable);
      g_clear_object (&self->viewer_cancellable);
    }

  if (self->viewer != NULL)
    gtk_stack_remove (self->viewer_stack, self->viewer);
  self->viewer = viewer;
  if (viewer != NULL)
    {
      gtk_stack_add_child (self->viewer_stack, viewer);
      gtk_stack_set_visible_child (self->viewer_stack, viewer);
    }
}

static GtkWidget *
status_viewer (const char *icon,
               const char *title,
               const char *description)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (status), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  gtk_widget_set_vexpand (status, TRUE);

  return status;
}

static GtkWidget *
error_viewer (GError *error)
{
  return status_viewer ("dialog-warning-symbolic", _("This Evidence Cannot Be Shown"),
                        error ? error->message : NULL);
}

/* Shown while the content of the item is read and parsed. */
static GtkWidget *
loading_viewer (void)
{
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_vexpand (spinner, TRUE);

  return spinner;
}

static void
set_log_status (DebriefLogView  *view,
                DebriefLogModel *model,
                GError          *error)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint64 total = debrief_log_model_get_n_lines (model);
  g_autofree char *status = NULL;

  debrief_log_view_set_busy (view, FALSE);
  if (error != NULL)
    status = g_strdup (error->message);
  else if (shown == total)
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'" G_GUINT64_FORMAT " line", "%'" G_GUINT64_FORMAT " lines", (gulong) total), total);
  else
    /* Translators: lines shown by a filter, of all lines */
    status = g_strdup_printf (_("%'u of %'" G_GUINT64_FORMAT " lines"), shown, total);
  debrief_log_view_set_status (view, status);
}

static void
log_filter_done_cb (DebriefEvidencePage *self,
                    GError              *error,
                    DebriefLogModel     *model)
{
  if (DEBRIEF_IS_LOG_VIEW (self->viewer) && model == self->log_model)
    set_log_status (DEBRIEF_LOG_VIEW (self->viewer), model, error);
}

static void
log_filter_changed_cb (DebriefEvidencePage *self,
                       int                  min_level,
                       const char          *text,
                       DebriefLogView      *view)
{
  if (self->log_model == NULL)
    return;

  debrief_log_view_set_busy (view, TRUE);
  debrief_log_model_set_filter (self->log_model, (DebriefLogLevel) min_level, text);
}

static void
log_jump_cb (DebriefEvidencePage *self,
             gint64               usec,
             DebriefLogView      *view)
{
  guint position;

  if (self->log_model == NULL)
    return;

  position = debrief_log_model_find_time (self->log_model, usec);
  if (position == G_MAXUINT)
    {
      add_toast (self, _("No line is that late: showing the last one"), FALSE);
      position = g_list_model_get_n_items (G_LIST_MODEL (self->log_model));
      if (position == 0)
        return;
      position--;
    }
  debrief_log_view_scroll_to (view, position, TRUE);
}

/* What every viewer gets: the incident's zone, the item's clock, and
 * the page's actions following its selection. */
static GtkWidget *
attach_viewer (DebriefEvidencePage *self,
               GtkWidget           *viewer)
{
  g_autoptr(GTimeZone) zone = debrief_incident_dup_time_zone (incident_of (self));

  debrief_evidence_viewer_set_time_zone (DEBRIEF_EVIDENCE_VIEWER (viewer), zone);
  debrief_evidence_viewer_set_clock_offset (DEBRIEF_EVIDENCE_VIEWER (viewer),
                                            debrief_evidence_get_clock_offset_ms (self->current) * 1000);
  g_signal_connect_object (viewer, "selection-changed", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);

  return viewer;
}

static GtkWidget *
make_log_viewer (DebriefEvidencePage  *self,
                 GError              **error)
{
  GtkWidget *view;

  g_clear_object (&self->log_model);
  if (!(self->log_model = debrief_log_model_new (self->document, self->current, error)))
    return NULL;

  view = debrief_log_view_new ();
  debrief_log_view_set_model (DEBRIEF_LOG_VIEW (view), G_LIST_MODEL (self->log_model));
  attach_viewer (self, view);
  g_signal_connect_object (view, "filter-changed", G_CALLBACK (log_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "jump-to-time", G_CALLBACK (log_jump_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->log_model, "filter-done", G_CALLBACK (log_filter_done_cb), self, G_CONNECT_SWAPPED);
  set_log_status (DEBRIEF_LOG_VIEW (view), self->log_model, NULL);

  return view;
}

static GtkWidget *
make_other_viewer (DebriefEvidence *evidence)
{
  g_autofree char *size = g_format_size ((guint64) debrief_evidence_get_size (evidence));
  g_autofree char *description = g_strdup_printf (_("%s, kept as an attachment. Open it with the application your system uses for it, or save a copy."), size);
  GtkWidget *status = status_viewer ("text-x-generic-symbolic",
                                     *debrief_evidence_get_original_name (evidence)
                                       ? debrief_evidence_get_original_name (evidence)
                                       : debrief_evidence_get_title (evidence),
                                     description);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open With Default Application"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save a Copy…"));

  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "evidence.open-external");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "evidence.save-copy");
  gtk_widget_add_css_class (open, "pill");
  gtk_widget_add_css_class (open, "suggested-action");
  gtk_widget_add_css_class (save, "pill");
  gtk_box_append (GTK_BOX (buttons), open);
  gtk_box_append (GTK_BOX (buttons), save);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), buttons);

  return status;
}

static void
sync_clock_offsets (DebriefEvidencePage *self)
{
  if (self->current == NULL || !DEBRIEF_IS_EVIDENCE_VIEWER (self->viewer))
    return;

  debrief_evidence_viewer_set_clock_offset (DEBRIEF_EVIDENCE_VIEWER (self->viewer),
                                            debrief_evidence_get_clock_offset_ms (self->current) * 1000);
}

/* The content has arrived: its viewer, or why it cannot be shown, takes
 * the place of the spinner, and a place asked for meanwhile is shown. */
static void
content_loaded (DebriefEvidencePage *self,
                GtkWidget           *viewer,
                GError              *error)
{
  g_clear_object (&self->viewer_cancellable);
  set_viewer (self, viewer != NULL ? attach_viewer (self, viewer) : error_viewer (error));

  if (viewer != NULL && self->pending_first >= 0)
    debrief_evidence_viewer_select_place (DEBRIEF_EVIDENCE_VIEWER (viewer), self->pending_first, self->pending_last);
  self->pending_first = self->pending_last = -1;
  update_actions (self);
}

static void
metrics_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DebriefMetricsContent) content = NULL;
  g_autoptr(GError) error = NULL;
  DebriefEvidencePage *self = user_data;
  GtkWidget *view = NULL;

  content = debrief_metrics_content_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (content != NULL)
    {
      view = debrief_metrics_view_new ();
      debrief_metrics_view_set_content (DEBRIEF_METRICS_VIEW (view), content);
      debrief_metrics_view_set_phase_markers (DEBRIEF_METRICS_VIEW (view),
                                              debrief_document_get_records (self->document, DEBRIEF_TYPE_PHASE_MARKER));
    }
  content_loaded (self, view, error);
}

static void
chat_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DebriefChatContent) content = NULL;
  g_autoptr(GError) error = NULL;
  DebriefEvidencePage *self = user_data;
  GtkWidget *view = NULL;

  content = debrief_chat_content_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (content != NULL)
    {
      view = debrief_chat_view_new ();
      debrief_chat_view_set_content (DEBRIEF_CHAT_VIEW (view), content);
    }
  content_loaded (self, view, error);
}

static void
report_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DebriefReportContent) content = NULL;
  g_autoptr(GError) error = NULL;
  DebriefEvidencePage *self = user_data;
  GtkWidget *view = NULL;

  content = debrief_report_content_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (content != NULL)
    {
      view = debrief_report_view_new ();
      debrief_report_view_set_content (DEBRIEF_REPORT_VIEW (view), content);
    }
  content_loaded (self, view, error);
}

static void
image_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  DebriefEvidencePage *self = user_data;
  GtkWidget *view = NULL;

  bytes = debrief_content_load_bytes_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (bytes != NULL)
    {
      view = debrief_image_view_new ();
      /* A damaged image shows its own message in the view. */
      debrief_image_view_set_bytes (DEBRIEF_IMAGE_VIEW (view), bytes, NULL);
    }
  content_loaded (self, view, error);
}

/* The viewer of the current item: a log's or an attachment's at once;
 * for the kinds read whole, a spinner until their content has loaded
 * (the load is cancelled when another item is shown: the page is alive
 * whenever a load completes uncancelled). */
static GtkWidget *
make_viewer (DebriefEvidencePage  *self,
             GError              **error)
{
  DebriefEvidence *evidence = self->current;
  DebriefEvidenceKind kind = debrief_evidence_get_kind (evidence);

  if (kind == DEBRIEF_EVIDENCE_KIND_LOG)
    return make_log_viewer (self, error);

  if (kind == DEBRIEF_EVIDENCE_KIND_OTHER)
    return make_other_viewer (evidence);

  self->viewer_cancellable = g_cancellable_new ();
  switch (kind)
    {
    case DEBRIEF_EVIDENCE_KIND_METRICS:
      debrief_metrics_content_load_async (self->document, evidence, self->viewer_cancellable, metrics_loaded_cb, self);
      break;

    case DEBRIEF_EVIDENCE_KIND_CHAT:
      debrief_chat_content_load_async (self->document, evidence, self->viewer_cancellable, chat_loaded_cb, self);
      break;

    case DEBRIEF_EVIDENCE_KIND_REPORT:
      debrief_report_content_load_async (self->document, evidence, self->viewer_cancellable, report_loaded_cb, self);
      break;

    case DEBRIEF_EVIDENCE_KIND_IMAGE:
      debrief_content_load_bytes_async (self->document, evidence, self->viewer_cancellable, image_loaded_cb, self);
      break;

    case DEBRIEF_EVIDENCE_KIND_LOG:
    case DEBRIEF_EVIDENCE_KIND_OTHER:
    default:
      g_assert_not_reached ();
    }

  return loading_viewer ();
}

static void
evidence_notify_cb (DebriefEvidencePage *self,
                    GParamSpec          *pspec,
                    DebriefEvidence     *evidence)
{
  if (evidence != self->current)
    return;

  if (g_str_equal (pspec->name, "kind"))
    {
      show_current (self);
      return;
    }

  if (g_str_equal (pspec->name, "clock-offset-ms"))
    sync_clock_offsets (self);

  update_details (self);
}

static void
show_current (DebriefEvidencePage *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *viewer;

  g_clear_object (&self->log_model);
  set_viewer (self, NULL);
  self->pending_first = self->pending_last = -1;

  if (self->current == NULL)
    {
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "search") != 0)
        gtk_stack_set_visible_child_name (self->content_stack, "empty");
      if (self->cited_filter != NULL)
        gtk_filter_changed (GTK_FILTER (self->cited_filter), GTK_FILTER_CHANGE_DIFFERENT);
      update_actions (self);
      return;
    }

  g_signal_handlers_disconnect_by_func (self->current, evidence_notify_cb, self);
  g_signal_connect_object (self->current, "notify", G_CALLBACK (evidence_notify_cb), self, G_CONNECT_SWAPPED);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->viewer_stale = TRUE;
      update_actions (self);
      return;
    }
  self->viewer_stale = FALSE;

  viewer = make_viewer (self, &error);
  set_viewer (self, viewer != NULL ? viewer : error_viewer (error));

  update_details (self);
  if (self->cited_filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->cited_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_stack_set_visible_child_name (self->content_stack, "item");
  update_actions (self);
}

/* Shows lines (or messages, or rows) @first..@last of the current item,
 * in its viewer; once it has loaded if it is loading. */
static void
reveal_place (DebriefEvidencePage *self,
              gint64               first,
              gint64               last)
{
  if (self->viewer == NULL || first < 0)
    return;

  if (self->viewer_cancellable != NULL)
    {
      self->pending_first = first;
      self->pending_last = last;
    }
  else if (DEBRIEF_IS_EVIDENCE_VIEWER (self->viewer))
    debrief_evidence_viewer_select_place (DEBRIEF_EVIDENCE_VIEWER (self->viewer), first, last);
}

/* --- Citing ----------------------------------------------------------- */

typedef DebriefCitation Citation;

/* What the viewer has selected, to cite; clear it with g_free (citation->text). */
static gboolean
get_citation (DebriefEvidencePage *self,
              Citation            *citation)
{
  if (self->viewer == NULL || !DEBRIEF_IS_EVIDENCE_VIEWER (self->viewer))
    {
      *citation = (DebriefCitation) { 0, 0, G_MININT64, NULL, FALSE };
      return FALSE;
    }

  return debrief_evidence_viewer_get_citation (DEBRIEF_EVIDENCE_VIEWER (self->viewer), citation);
}

static void
cite_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (widget);
  g_autoptr(DebriefTimelineEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  Citation citation;

  if (self->current == NULL || !writable (self) || !get_citation (self, &citation))
    return;

  event = debrief_evidence_cite (self->document, self->current, citation.first, citation.last,
                                 citation.usec, citation.text, &error);
  g_free (citation.text);

  if (event == NULL)
    {
      show_error_dialog (self, _("Not Added to the Timeline"), error->message);
      return;
    }

  add_toast (self, citation.usec == G_MININT64 ? _("Added to the timeline, without a time: give it one there")
                                               : _("Added to the timeline"), TRUE);
}

/* --- Clock alignment -------------------------------------------------- */

/* A date and time as people type them, in the incident's time zone:
 * "2026-03-14 02:12:31.250", "2026-03-14T02:12:31Z", … */
static GDateTime *
parse_user_time (const char *text,
                 GTimeZone  *zone)
{
  g_autofree char *iso = g_strstrip (g_strdup (text));
  char *space = strchr (iso, ' ');

  if (space != NULL)
    *space = 'T';

  return g_date_time_new_from_iso8601 (iso, zone);
}

typedef struct
{
  DebriefEvidencePage *self;
  DebriefEvidence     *evidence;
  GtkWidget           *line_entry;
  GtkWidget           *boot_entry;
  GtkWidget           *offset_entry;
  GtkWidget           *message;
  guint64              line;
  char                *boot_initial;
  char                *offset_initial;
} AlignDialog;

static void
align_dialog_free (gpointer data)
{
  AlignDialog *dialog = data;

  g_object_unref (dialog->self);
  g_object_unref (dialog->evidence);
  g_free (dialog->boot_initial);
  g_free (dialog->offset_initial);
  g_free (dialog);
}

static gboolean
apply_alignment (AlignDialog  *dialog,
                 GError      **error)
{
  DebriefEvidencePage *self = dialog->self;
  g_autoptr(GTimeZone) zone = debrief_incident_dup_time_zone (incident_of (self));
  const char *line_text = dialog->line_entry ? gtk_editable_get_text (GTK_EDITABLE (dialog->line_entry)) : "";
  const char *boot_text = dialog->boot_entry ? gtk_editable_get_text (GTK_EDITABLE (dialog->boot_entry)) : "";
  const char *offset_text = gtk_editable_get_text (GTK_EDITABLE (dialog->offset_entry));
  gint64 offset_ms;

  if (*line_text != '\0')
    {
      g_autoptr(GDateTime) at = parse_user_time (line_text, zone);

      if (at == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("Write the line’s time as a date and time, such as 2026-03-14 02:12:31.250."));
          return FALSE;
        }
      return debrief_evidence_align_line (self->document, dialog->evidence, dialog->line, at, error);
    }

  /* Only what the user changed is applied: the boot time and the offset
   * are shown as they are, and either may be edited. */
  if (*boot_text != '\0' && g_strcmp0 (boot_text, dialog->boot_initial) != 0)
    {
      g_autoptr(GDateTime) boot = parse_user_time (boot_text, zone);

      if (boot == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("Write the boot time as a date and time, such as 2026-03-14 02:12:29.500."));
          return FALSE;
        }
      return debrief_evidence_set_boot_time (self->document, dialog->evidence, boot, error);
    }

  if (g_strcmp0 (offset_text, dialog->offset_initial) == 0)
    return TRUE;

  if (!debrief_evidence_parse_offset (offset_text, &offset_ms))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Write the offset in milliseconds, or with a unit: 1500, -2s, +3m or 1h."));
      return FALSE;
    }
  debrief_evidence_set_clock_offset_ms (dialog->evidence, offset_ms);
  return TRUE;
}

static void
align_response_cb (AdwMessageDialog *message_dialog,
                   const char       *response,
                   AlignDialog      *dialog)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "align") != 0)
    return;

  if (!apply_alignment (dialog, &error))
    {
      /* The dialog closes on any response: a mistake is explained in a
       * dialog of its own, and the clock stays as it was. */
      show_error_dialog (dialog->self, _("The Clock Was Not Changed"), error->message);
    }
}

static GtkWidget *
add_entry_row (GtkWidget  *list,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  return row;
}

static void
align_clock_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *body = NULL;
  g_autofree char *offset = NULL;
  g_autofree char *zone_name = NULL;
  AlignDialog *dialog;
  GtkWidget *message;
  GtkWidget *list;
  Citation citation;

  if (self->current == NULL || !writable (self))
    return;

  zone = debrief_incident_dup_time_zone (incident_of (self));
  zone_name = g_strdup (g_time_zone_get_identifier (zone));
  dialog = g_new0 (AlignDialog, 1);
  dialog->self = g_object_ref (self);
  dialog->evidence = g_object_ref (self->current);

  /* Translators: %s is a time zone such as Europe/Berlin */
  body = g_strdup_printf (_("Put “%s” on the incident’s clock. Times are in %s."),
                          debrief_evidence_get_title (self->current), zone_name);
  message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Align Clock"), body);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  if (DEBRIEF_IS_LOG_VIEW (self->viewer) && get_citation (self, &citation))
    {
      g_autofree char *title = g_strdup_printf (_("Line %" G_GUINT64_FORMAT " Happened At"), citation.first + 1);
      g_autofree char *now = citation.usec != G_MININT64 ? format_time (citation.usec, zone, TRUE) : NULL;

      dialog->line = citation.first;
      dialog->line_entry = add_entry_row (list, title, NULL);
      if (now != NULL)
        gtk_widget_set_tooltip_text (dialog->line_entry, now);
      g_free (citation.text);
    }

  if (debrief_evidence_get_since_boot (self->current))
    {
      gint64 boot = debrief_evidence_get_clock_offset_ms (self->current);
      g_autofree char *boot_text = NULL;

      if (boot != 0)
        {
          g_autofree char *seconds = format_time (boot * 1000, zone, TRUE);

          /* To the millisecond: applying it unchanged changes nothing. */
          boot_text = g_strdup_printf ("%s.%03d", seconds, (int) (((boot % 1000) + 1000) % 1000));
        }
      dialog->boot_entry = add_entry_row (list, _("Boot Time"), boot_text);
      dialog->boot_initial = g_strdup (boot_text ? boot_text : "");
    }

  offset = g_strdup_printf ("%" G_GINT64_FORMAT, debrief_evidence_get_clock_offset_ms (self->current));
  dialog->offset_entry = add_entry_row (list, _("Offset in Milliseconds"), offset);
  dialog->offset_initial = g_strdup (offset);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (message), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (message),
                                    "cancel", _("_Cancel"),
                                    "align", _("_Align"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "align", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message), "align");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (message), "cancel");
  g_signal_connect_data (message, "response", G_CALLBACK (align_response_cb), dialog,
                         (GClosureNotify) align_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (message));
}

/* --- Saving a copy, opening outside ----------------------------------- */

typedef struct
{
  DebriefEvidenceSource *source;
  char                  *uuid;
  GFile                 *file;
  gboolean               launch;
} WriteJob;

static void
write_job_free (gpointer data)
{
  WriteJob *job = data;

  debrief_evidence_source_free (job->source);
  g_free (job->uuid);
  g_clear_object (&job->file);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (job->file);

  if (parent != NULL)
    g_file_make_directory_with_parents (parent, cancellable, NULL);

  if (debrief_evidence_source_write_to_file (job->source, job->uuid, job->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (object);
  WriteJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error_dialog (self, _("The Evidence Could Not Be Written"), error->message);
      return;
    }

  if (job->launch)
    {
      g_autofree char *uri = g_file_get_uri (job->file);
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
    }
  else
    add_toast (self, _("Copy saved"), FALSE);
}

static void
write_current (DebriefEvidencePage *self,
               GFile               *file,
               gboolean             launch)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, write_done_cb, NULL);
  WriteJob *job = g_new0 (WriteJob, 1);

  job->source = debrief_evidence_source_new (self->document);
  job->uuid = g_strdup (debrief_record_get_uuid (DEBRIEF_RECORD (self->current)));
  job->file = g_object_ref (file);
  job->launch = launch;
  g_task_set_task_data (task, job, write_job_free);
  g_task_set_source_tag (task, write_current);
  g_task_run_in_thread (task, write_thread);
}

static char *
safe_file_name (DebriefEvidence *evidence)
{
  const char *name = debrief_evidence_get_original_name (evidence);
  g_autofree char *base = NULL;

  if (name == NULL || *name == '\0')
    name = debrief_evidence_get_title (evidence);
  base = g_path_get_basename (name);
  g_strdelimit (base, "/\\", '_');
  if (*base == '\0' || g_str_equal (base, ".") || g_str_equal (base, ".."))
    return g_strdup ("evidence");

  return g_steal_pointer (&base);
}

static void
open_external_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (widget);
  g_autofree char *name = NULL;
  g_autoptr(GFile) file = NULL;

  if (self->current == NULL)
    return;

  /* A copy of its own for the other application: the incident's content
   * stays as it was, whatever that application does with the file. */
  name = safe_file_name (self->current);
  file = g_file_new_build_filename (g_get_user_cache_dir (), "debrief", "opened",
                                    debrief_record_get_uuid (DEBRIEF_RECORD (self->current)), name, NULL);
  write_current (self, file, TRUE);
}

static void
save_copy_response_cb (GtkNativeDialog     *chooser,
                       int                  response,
                       DebriefEvidencePage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->current != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    write_current (self, file, FALSE);

  g_object_unref (chooser);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->current == NULL)
    return;

  name = safe_file_name (self->current);
  chooser = gtk_file_chooser_native_new (_("Save a Copy of the Evidence"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_copy_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- Order and removal ------------------------------------------------ */

static void
move (DebriefEvidencePage *self,
      int                  step)
{
  GListModel *list = debrief_document_get_records (self->document, DEBRIEF_TYPE_EVIDENCE);
  guint position = gtk_single_selection_get_selected (self->selection);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (list);
  guint other;

  if (self->current == NULL || position == GTK_INVALID_LIST_POSITION || !writable (self))
    return;
  if ((step < 0 && position == 0) || (step > 0 && position + 1 >= n))
    return;
  other = (guint) ((int) position + step);

  /* Positions are made distinct first, so that a swap always moves. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));
  g_ptr_array_index (items, position) = g_ptr_array_index (items, other);
  g_ptr_array_index (items, other) = g_object_ref (self->current);
  g_object_unref (self->current);

  debrief_document_begin_group (self->document);
  for (guint i = 0; i < n; i++)
    if (debrief_evidence_get_position (g_ptr_array_index (items, i)) != (gint64) i)
      debrief_evidence_set_position (g_ptr_array_index (items, i), (gint64) i);
  debrief_document_end_group (self->document);

  /* The list model reorders by position; the item stays selected. */
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DebriefEvidence) item = g_list_model_get_item (list, i);

      if (item == self->current)
        gtk_single_selection_set_selected (self->selection, i);
    }
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (DEBRIEF_EVIDENCE_PAGE (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move (DEBRIEF_EVIDENCE_PAGE (widget), 1);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (widget);
  g_autoptr(DebriefEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (self->current == NULL || !writable (self))
    return;

  evidence = g_object_ref (self->current);
  if (!debrief_document_remove (self->document, DEBRIEF_RECORD (evidence), &error))
    {
      show_error_dialog (self, _("The Evidence Was Not Removed"), error->message);
      return;
    }

  /* Translators: a toast after removing evidence, %s is its title. */
  title = g_strdup_printf (_("“%s” removed"), debrief_evidence_get_title (evidence));
  add_toast (self, title, TRUE);
}

/* --- Search across all evidence --------------------------------------- */

typedef struct
{
  char                *uuid;
  char                *title;
  DebriefEvidenceKind  kind;
  guint64              line;
  gint64               usec;
  char                *text;
  guint                match_start;
  guint                match_length;
} Result;

static void
result_free (gpointer data)
{
  Result *result = data;

  g_free (result->uuid);
  g_free (result->title);
  g_free (result->text);
  g_free (result);
}

typedef struct
{
  DebriefEvidenceSource *source;
  char                  *query;
  GPtrArray             *results;
  guint                  n_matches;
} SearchJob;

static void
search_job_free (gpointer data)
{
  SearchJob *job = data;

  debrief_evidence_source_free (job->source);
  g_free (job->query);
  g_ptr_array_unref (job->results);
  g_free (job);
}

static gboolean
collect_result (const DebriefSearchMatch *match,
                gpointer                  user_data)
{
  SearchJob *job = user_data;
  Result *result;

  /* Past the rows listed, matches are still counted, up to a bound that
   * keeps a search for "e" over a gigabyte short. */
  job->n_matches++;
  if (job->results->len >= MAX_RESULTS)
    return job->n_matches < MAX_COUNTED;

  result = g_new0 (Result, 1);
  result->uuid = g_strdup (match->evidence_uuid);
  result->title = g_strdup (match->evidence_title);
  result->kind = match->kind;
  result->line = match->line;
  result->usec = match->usec;
  result->text = g_strdup (match->text);
  result->match_start = match->match_start;
  result->match_length = match->match_length;
  g_ptr_array_add (job->results, result);

  return TRUE;
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchJob *job = task_data;
  GError *error = NULL;

  if (debrief_evidence_search (job->source, job->query, FALSE, collect_result, job, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
search_header_func (GtkListBoxRow *row,
                    GtkListBoxRow *before,
                    gpointer       user_data)
{
  Result *result = g_object_get_data (G_OBJECT (row), "result");
  Result *previous = before ? g_object_get_data (G_OBJECT (before), "result") : NULL;
  GtkWidget *header;
  GtkWidget *icon;
  GtkWidget *label;

  if (previous != NULL && g_strcmp0 (previous->uuid, result->uuid) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  icon = gtk_image_new_from_icon_name (debrief_evidence_kind_get_icon_name (result->kind));
  label = gtk_label_new (result->title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (header), icon);
  gtk_box_append (GTK_BOX (header), label);
  gtk_list_box_row_set_header (row, header);
}

static GtkWidget *
result_row (DebriefEvidencePage *self,
            Result              *result,
            GTimeZone           *zone)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *where = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);
  g_autofree char *before = g_markup_escape_text (result->text, (gssize) result->match_start);
  g_autofree char *match = g_markup_escape_text (result->text + result->match_start, (gssize) result->match_length);
  g_autofree char *after = g_markup_escape_text (result->text + result->match_start + result->match_length, -1);
  g_autofree char *markup = g_strdup_printf ("%s<span weight=\"bold\" background=\"#f6d32d\" foreground=\"#000000\">%s</span>%s",
                                             before, match, after);
  g_autofree char *time = format_time (result->usec, zone, FALSE);
  g_autofree char *place = NULL;

  if (result->kind == DEBRIEF_EVIDENCE_KIND_CHAT)
    /* Translators: a search result in a chat: message number, time */
    place = g_strdup_printf (_("Message %" G_GUINT64_FORMAT "\n%s"), result->line + 1, time);
  else
    /* Translators: a search result: line number, time */
    place = g_strdup_printf (_("Line %" G_GUINT64_FORMAT "\n%s"), result->line + 1, time);
  g_strchomp (place);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_label (GTK_LABEL (where), place);
  gtk_label_set_xalign (GTK_LABEL (where), 1);
  gtk_label_set_width_chars (GTK_LABEL (where), 10);
  gtk_widget_set_valign (where, GTK_ALIGN_START);
  gtk_widget_add_css_class (where, "dim-label");
  gtk_widget_add_css_class (where, "caption");
  gtk_widget_add_css_class (where, "numeric");
  gtk_label_set_markup (GTK_LABEL (text), markup);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (text), 3);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (text, "monospace");
  gtk_box_append (GTK_BOX (box), where);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "result", result);

  return row;
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (object);
  SearchJob *job = g_task_get_task_data (G_TASK (async_result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  if (!g_task_propagate_boolean (G_TASK (async_result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_spinner_stop (self->search_spinner);
      gtk_label_set_label (self->search_summary, error->message);
      return;
    }

  if (g_task_get_cancellable (G_TASK (async_result)) != self->search_cancellable)
    return;

  gtk_spinner_stop (self->search_spinner);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->search_list))))
    gtk_list_box_remove (self->search_list, child);

  zone = debrief_incident_dup_time_zone (incident_of (self));
  for (guint i = 0; i < job->results->len; i++)
    gtk_list_box_append (self->search_list, result_row (self, g_ptr_array_index (job->results, i), zone));
  /* The rows point into the results: they live as long as the list. */
  g_object_set_data_full (G_OBJECT (self->search_list), "results",
                          g_ptr_array_ref (job->results), (GDestroyNotify) g_ptr_array_unref);

  if (job->n_matches == 0)
    /* Translators: %s is what was searched for */
    summary = g_strdup_printf (_("No evidence contains “%s”"), job->query);
  else if (job->n_matches >= MAX_COUNTED)
    summary = g_strdup_printf (_("More than %'u matches of “%s”; the first %'u are listed"),
                               job->n_matches, job->query, job->results->len);
  else if (job->n_matches > job->results->len)
    summary = g_strdup_printf (_("%'u matches of “%s”; the first %'u are listed"),
                               job->n_matches, job->query, job->results->len);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u match of “%s”", "%'u matches of “%s”", job->n_matches),
                               job->n_matches, job->query);
  gtk_label_set_label (self->search_summary, summary);
}

void
debrief_evidence_page_start_search (DebriefEvidencePage *self,
                                    const char          *text)
{
  g_autoptr(GTask) task = NULL;
  SearchJob *job;

  g_return_if_fail (DEBRIEF_IS_EVIDENCE_PAGE (self));

  if (self->search_cancellable != NULL)
    g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (text == NULL || *text == '\0' || self->document == NULL)
    {
      gtk_spinner_stop (self->search_spinner);
      gtk_stack_set_visible_child_name (self->content_stack, self->current ? "item" : "empty");
      return;
    }

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    {
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
      return;
    }

  job = g_new0 (SearchJob, 1);
  job->source = debrief_evidence_source_new (self->document);
  job->query = g_strdup (text);
  job->results = g_ptr_array_new_with_free_func (result_free);

  self->search_cancellable = g_cancellable_new ();
  gtk_label_set_label (self->search_summary, _("Searching…"));
  gtk_spinner_start (self->search_spinner);
  gtk_stack_set_visible_child_name (self->content_stack, "search");

  task = g_task_new (self, self->search_cancellable, search_done_cb, NULL);
  g_task_set_task_data (task, job, search_job_free);
  g_task_set_source_tag (task, debrief_evidence_page_start_search);
  g_task_run_in_thread (task, search_thread);
}

static void
search_changed_cb (DebriefEvidencePage *self)
{
  debrief_evidence_page_start_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_stopped_cb (DebriefEvidencePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_row_activated_cb (DebriefEvidencePage *self,
                         GtkListBoxRow       *row)
{
  Result *result = g_object_get_data (G_OBJECT (row), "result");

  if (result != NULL)
    debrief_evidence_page_show_evidence (self, result->uuid, (gint64) result->line, (gint64) result->line);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  /* Back to the results of the search still typed. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_stack_set_visible_child_name (self->content_stack, "search");
}

/* --- Import ----------------------------------------------------------- */

typedef struct
{
  GFile  *file;
  GBytes *bytes;
  char   *name;
  guint64 size;
} ImportItem;

static void
import_item_free (gpointer data)
{
  ImportItem *item = data;

  /* Arrays whose items moved to an import's queue hold empty places. */
  if (item == NULL)
    return;

  g_clear_object (&item->file);
  g_clear_pointer (&item->bytes, g_bytes_unref);
  g_free (item->name);
  g_free (item);
}

typedef struct
{
  DebriefEvidencePage   *self;
  DebriefDocument       *document;
  DebriefEvidenceSource *source;

  GMutex                 lock;
  GQueue                 queue;      /* of ImportItem, under lock */
  guint64                total;      /* under lock */
  guint64                done;       /* under lock */
  guint64                item_done;  /* under lock */
  char                  *current;    /* under lock */
  guint                  n_items;    /* under lock */
  guint                  n_finished; /* under lock */
  gboolean               finished;   /* under lock: the thread took its last item */

  /* Main thread only. */
  GPtrArray             *failures;
  GPtrArray             *remarks;
  guint                  n_imported;
} ImportJob;

static ImportJob *running_job_of (DebriefEvidencePage *self);

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_queue_clear_full (&job->queue, import_item_free);
  g_mutex_clear (&job->lock);
  debrief_evidence_source_free (job->source);
  g_clear_object (&job->document);
  g_clear_object (&job->self);
  g_free (job->current);
  g_ptr_array_unref (job->failures);
  g_ptr_array_unref (job->remarks);
  g_free (job);
}

/* Folders: a Slack channel export (day files of JSON, or the export's
 * users.json beside them) is one chat; any other folder is its files. */
static gboolean
is_chat_folder (GFile        *folder,
                GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                                                   G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                                   G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  guint n_days = 0;
  guint n_other = 0;
  GFileInfo *info;

  if (children == NULL)
    return FALSE;

  while (g_file_enumerator_iterate (children, &info, NULL, cancellable, NULL) && info != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_equal (name, "users.json") || g_str_equal (name, "channels.json"))
        return TRUE;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && g_str_has_suffix (name, ".json") &&
          strlen (name) == 15 && g_ascii_isdigit (name[0]) && name[4] == '-' && name[7] == '-')
        n_days++;
      else if (name[0] != '.')
        n_other++;
    }

  return n_days > 0 && n_other == 0;
}

static void
expand_folder (GFile        *folder,
               GPtrArray    *files,
               guint         depth,
               GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GFileInfo *info;

  if (depth > 8)
    return;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  if (children == NULL)
    return;

  while (g_file_enumerator_iterate (children, &info, NULL, cancellable, NULL) && info != NULL)
    if (!g_file_info_get_is_hidden (info) &&
        (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR ||
         g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY))
      g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));

  g_ptr_array_sort (names, (GCompareFunc) (void (*) (void)) g_strcmp0);
  g_ptr_array_sort_with_data (names, (GCompareDataFunc) (void (*) (void)) g_utf8_collate, NULL);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) child = g_file_get_child (folder, g_ptr_array_index (names, i));

      if (g_file_query_file_type (child, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable) == G_FILE_TYPE_DIRECTORY &&
          !is_chat_folder (child, cancellable))
        expand_folder (child, files, depth + 1, cancellable);
      else
        g_ptr_array_add (files, g_object_ref (child));
    }
}

typedef struct
{
  ImportJob       *job;
  DebriefEvidence *evidence;
  char            *name;
  char            *warning;
  char            *error;
  gboolean         cancelled;
} ImportOutcome;

static void
import_outcome_free (gpointer data)
{
  ImportOutcome *outcome = data;

  g_clear_object (&outcome->evidence);
  g_free (outcome->name);
  g_free (outcome->warning);
  g_free (outcome->error);
  g_free (outcome);
}

/* On the main thread: each file is added as soon as it is imported, so
 * that what was imported stays even if a later file fails or the user
 * cancels. */
static gboolean
import_outcome_deliver (gpointer data)
{
  ImportOutcome *outcome = data;
  ImportJob *job = outcome->job;
  DebriefEvidencePage *self = job->self;
  g_autoptr(GError) error = NULL;

  if (outcome->evidence != NULL)
    {
      if (self->document != job->document || !writable (self))
        {
          debrief_evidence_source_discard (job->source, outcome->evidence);
          g_ptr_array_add (job->failures,
                           g_strdup_printf ("%s: %s", outcome->name,
                                            _("The incident was closed or made read-only during the import.")));
        }
      else if (!debrief_evidence_add_to_document (job->document, outcome->evidence, &error))
        {
          debrief_evidence_source_discard (job->source, outcome->evidence);
          g_ptr_array_add (job->failures, g_strdup_printf ("%s: %s", outcome->name, error->message));
        }
      else
        {
          job->n_imported++;
          if (outcome->warning != NULL)
            g_ptr_array_add (job->remarks, g_strdup_printf ("%s: %s", outcome->name, outcome->warning));
          if (job->n_imported == 1)
            debrief_evidence_page_select (self, outcome->evidence);
        }
    }
  else if (outcome->error != NULL && !outcome->cancelled)
    g_ptr_array_add (job->failures, g_strdup_printf ("%s: %s", outcome->name, outcome->error));

  return G_SOURCE_REMOVE;
}

static void
import_progress (guint64  done,
                 guint64  total,
                 gpointer user_data)
{
  ImportJob *job = user_data;

  g_mutex_lock (&job->lock);
  job->item_done = done;
  g_mutex_unlock (&job->lock);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;

  while (TRUE)
    {
      ImportItem *item;
      ImportOutcome *outcome;
      g_autoptr(GError) error = NULL;

      g_mutex_lock (&job->lock);
      item = g_queue_pop_head (&job->queue);
      if (item != NULL)
        {
          g_free (job->current);
          job->current = g_strdup (item->name);
          job->item_done = 0;
        }
      else
        job->finished = TRUE;
      g_mutex_unlock (&job->lock);

      if (item == NULL)
        break;

      outcome = g_new0 (ImportOutcome, 1);
      outcome->job = job;
      outcome->name = g_strdup (item->name);

      if (g_cancellable_is_cancelled (cancellable))
        outcome->cancelled = TRUE;
      else if (item->bytes != NULL)
        outcome->evidence = debrief_evidence_import_bytes (job->source, item->bytes, item->name, NULL,
                                                           &outcome->warning, cancellable, &error);
      else if (g_file_query_file_type (item->file, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY &&
               !is_chat_folder (item->file, cancellable))
        {
          g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

          /* Its files join the queue, in name order, at its place. */
          expand_folder (item->file, files, 0, cancellable);
          g_mutex_lock (&job->lock);
          for (guint i = files->len; i-- > 0;)
            {
              ImportItem *child = g_new0 (ImportItem, 1);
              g_autoptr(GFileInfo) info = g_file_query_info (g_ptr_array_index (files, i),
                                                             G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                             G_FILE_QUERY_INFO_NONE, NULL, NULL);

              child->file = g_object_ref (g_ptr_array_index (files, i));
              child->name = g_file_get_basename (child->file);
              child->size = info ? (guint64) g_file_info_get_size (info) : 0;
              job->total += child->size;
              job->n_items++;
              g_queue_push_head (&job->queue, child);
            }
          job->n_finished++;
          g_mutex_unlock (&job->lock);
          if (files->len == 0)
            outcome->error = g_strdup (_("The folder holds no files to import."));
          import_item_free (item);
          g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, import_outcome_deliver, outcome, import_outcome_free);
          continue;
        }
      else
        outcome->evidence = debrief_evidence_import_file (job->source, item->file, NULL, import_progress, job,
                                                          &outcome->warning, cancellable, &error);

      if (error != NULL)
        {
          outcome->cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          outcome->error = g_strdup (error->message);
        }

      g_mutex_lock (&job->lock);
      job->done += item->size;
      job->item_done = 0;
      job->n_finished++;
      g_mutex_unlock (&job->lock);

      import_item_free (item);
      g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, import_outcome_deliver, outcome, import_outcome_free);
    }

  g_task_return_boolean (task, TRUE);
}

static gboolean
update_progress (gpointer data)
{
  DebriefEvidencePage *self = data;
  ImportJob *job = running_job_of (self);
  g_autofree char *label = NULL;
  double fraction = 0;

  if (job == NULL)
    return G_SOURCE_CONTINUE;

  g_mutex_lock (&job->lock);
  if (job->total > 0)
    fraction = (double) MIN (job->done + job->item_done, job->total) / (double) job->total;
  /* Translators: the file being imported, and how many of how many */
  label = g_strdup_printf (_("Importing %s (%u of %u)"), job->current ? job->current : "…",
                           MIN (job->n_finished + 1, job->n_items), job->n_items);
  g_mutex_unlock (&job->lock);

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_label_set_label (self->progress_label, label);

  return G_SOURCE_CONTINUE;
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (object);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  gboolean cancelled = g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result)));
  g_autoptr(GString) body = NULL;

  /* Each file's outcome came through the main loop before this: those
   * sources were added first, and sources of one priority run in order. */
  if (g_task_get_cancellable (G_TASK (result)) == self->import_cancellable)
    {
      g_clear_object (&self->import_cancellable);
      g_object_set_data (G_OBJECT (self), "import-job", NULL);
      g_clear_handle_id (&self->progress_source, g_source_remove);
      gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IMPORTING]);
      update_actions (self);
    }

  if (job->failures->len == 0 && job->remarks->len == 0)
    {
      g_autofree char *title = NULL;

      if (cancelled)
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import cancelled; %u file was imported",
                                              "Import cancelled; %u files were imported", job->n_imported),
                                 job->n_imported);
      else if (job->n_imported > 0)
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file imported", "%u files imported", job->n_imported),
                                 job->n_imported);
      if (title != NULL)
        add_toast (self, title, FALSE);
      return;
    }

  body = g_string_new (NULL);
  if (job->failures->len > 0)
    {
      g_string_append (body, g_dngettext (GETTEXT_PACKAGE, "This file was not imported:", "These files were not imported:",
                                          job->failures->len));
      for (guint i = 0; i < job->failures->len; i++)
        g_string_append_printf (body, "\n• %s", (const char *) g_ptr_array_index (job->failures, i));
    }
  if (job->remarks->len > 0)
    {
      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, _("Imported, with parts that could not be read:"));
      for (guint i = 0; i < job->remarks->len; i++)
        g_string_append_printf (body, "\n• %s", (const char *) g_ptr_array_index (job->remarks, i));
    }

  show_error_dialog (self,
                     job->failures->len > 0
                       ? g_dngettext (GETTEXT_PACKAGE, "A File Could Not Be Imported", "Some Files Could Not Be Imported",
                                      job->failures->len)
                       : _("Imported With Remarks"),
                     body->str);
}

static ImportJob *
running_job_of (DebriefEvidencePage *self)
{
  return g_object_get_data (G_OBJECT (self), "import-job");
}

static void
import_items (DebriefEvidencePage *self,
              GPtrArray           *items)
{
  ImportJob *job = running_job_of (self);
  g_autoptr(GTask) task = NULL;

  if (items->len == 0)
    return;

  if (!writable (self))
    {
      show_error_dialog (self, _("Evidence Cannot Be Added"),
                         self->document ? _("This incident is open read-only: evidence cannot be added to it.")
                                        : _("Open or make an incident first."));
      return;
    }

  /* A drop during an import joins the running one, unless its thread has
   * already taken its last file. */
  if (job != NULL && job->document == self->document)
    {
      gboolean joined = FALSE;

      g_mutex_lock (&job->lock);
      if (!job->finished)
        {
          for (guint i = 0; i < items->len; i++)
            {
              ImportItem *item = g_ptr_array_index (items, i);

              job->total += item->size;
              job->n_items++;
              g_queue_push_tail (&job->queue, g_steal_pointer (&items->pdata[i]));
            }
          joined = TRUE;
        }
      g_mutex_unlock (&job->lock);

      if (joined)
        return;
    }

  /* An import into an incident that is no longer shown is stopped; a
   * finished one is left to report what it did. */
  if (job != NULL && job->document != self->document && self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);

  job = g_new0 (ImportJob, 1);
  g_mutex_init (&job->lock);
  job->self = g_object_ref (self);
  job->document = g_object_ref (self->document);
  job->source = debrief_evidence_source_new (self->document);
  job->failures = g_ptr_array_new_with_free_func (g_free);
  job->remarks = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < items->len; i++)
    {
      ImportItem *item = g_ptr_array_index (items, i);

      job->total += item->size;
      job->n_items++;
      g_queue_push_tail (&job->queue, g_steal_pointer (&items->pdata[i]));
    }

  g_clear_object (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();
  g_object_set_data (G_OBJECT (self), "import-job", job);

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  if (self->progress_source == 0)
    self->progress_source = g_timeout_add (100, update_progress, self);
  update_progress (self);

  task = g_task_new (self, self->import_cancellable, import_done_cb, NULL);
  g_task_set_task_data (task, job, import_job_free);
  g_task_set_source_tag (task, import_items);
  g_task_run_in_thread (task, import_thread);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IMPORTING]);
  update_actions (self);
}

static ImportItem *
file_item (GFile *file)
{
  ImportItem *item = g_new0 (ImportItem, 1);
  g_autoptr(GFileInfo) info = g_file_query_info (file,
                                                 G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                 G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  item->file = g_object_ref (file);
  item->name = info ? g_strdup (g_file_info_get_display_name (info)) : g_file_get_basename (file);
  item->size = info ? (guint64) g_file_info_get_size (info) : 0;

  return item;
}

void
debrief_evidence_page_import_files (DebriefEvidencePage *self,
                                    GListModel          *files)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (import_item_free);

  g_return_if_fail (DEBRIEF_IS_EVIDENCE_PAGE (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      g_ptr_array_add (items, file_item (file));
    }

  import_items (self, items);
}

gboolean
debrief_evidence_page_get_importing (DebriefEvidencePage *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE_PAGE (self), FALSE);

  return self->import_cancellable != NULL;
}

static void
import_response_cb (GtkNativeDialog     *chooser,
                    int                  response,
                    DebriefEvidencePage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      debrief_evidence_page_import_files (self, files);
    }

  g_object_unref (chooser);
}

static void
run_chooser (DebriefEvidencePage  *self,
             GtkFileChooserAction  action,
             const char           *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         action, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  run_chooser (DEBRIEF_EVIDENCE_PAGE (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Evidence"));
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  run_chooser (DEBRIEF_EVIDENCE_PAGE (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("Import a Folder of Evidence"));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (widget);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

/* --- Drop and paste --------------------------------------------------- */

static gboolean
drop_cb (GtkDropTarget       *target,
         const GValue        *value,
         double               x,
         double               y,
         DebriefEvidencePage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (import_item_free);

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      g_autoptr(GSList) files = gdk_file_list_get_files (g_value_get_boxed (value));

      for (GSList *l = files; l != NULL; l = l->next)
        g_ptr_array_add (items, file_item (l->data));
    }
  else if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) != NULL && *g_value_get_string (value) != '\0')
    {
      ImportItem *item = g_new0 (ImportItem, 1);
      const char *text = g_value_get_string (value);

      item->bytes = g_bytes_new (text, strlen (text));
      item->name = g_strdup (_("Dropped text"));
      item->size = strlen (text);
      g_ptr_array_add (items, item);
    }

  if (items->len == 0)
    return FALSE;

  import_items (self, items);
  return TRUE;
}

static void
paste_text_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DebriefEvidencePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (import_item_free);
  ImportItem *item;

  if (text == NULL || *text == '\0')
    {
      add_toast (self, _("The clipboard holds nothing to paste as evidence"), FALSE);
      return;
    }

  item = g_new0 (ImportItem, 1);
  item->size = strlen (text);
  item->bytes = g_bytes_new_take (g_steal_pointer (&text), item->size);
  item->name = g_strdup (_("Pasted text"));
  g_ptr_array_add (items, item);
  import_items (self, items);
}

static void
paste_texture_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DebriefEvidencePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (object), result, &error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (import_item_free);
  ImportItem *item;

  if (texture == NULL)
    {
      add_toast (self, _("The image on the clipboard could not be read"), FALSE);
      return;
    }

  item = g_new0 (ImportItem, 1);
  item->bytes = gdk_texture_save_to_png_bytes (texture);
  item->size = g_bytes_get_size (item->bytes);
  item->name = g_strdup (_("Pasted image"));
  g_ptr_array_add (items, item);
  import_items (self, items);
}

static void
paste_files_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DebriefEvidencePage) self = user_data;
  g_autoptr(GError) error = NULL;
  const GValue *value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (object), result, &error);

  if (value == NULL || !drop_cb (NULL, value, 0, 0, self))
    add_toast (self, _("The files on the clipboard could not be read"), FALSE);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT, NULL,
                                    paste_files_cb, g_object_ref (self));
  else if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE))
    gdk_clipboard_read_texture_async (clipboard, NULL, paste_texture_cb, g_object_ref (self));
  else
    gdk_clipboard_read_text_async (clipboard, NULL, paste_text_cb, g_object_ref (self));
}

/* --- State ------------------------------------------------------------ */

static void
update_actions (DebriefEvidencePage *self)
{
  gboolean can_write = writable (self);
  gboolean has_item = self->current != NULL;
  guint position = self->selection ? gtk_single_selection_get_selected (self->selection) : GTK_INVALID_LIST_POSITION;
  guint n = self->selection ? g_list_model_get_n_items (G_LIST_MODEL (self->selection)) : 0;
  DebriefEvidenceKind kind = has_item ? debrief_evidence_get_kind (self->current) : DEBRIEF_EVIDENCE_KIND_OTHER;
  Citation citation;
  gboolean can_cite = FALSE;

  if (has_item && can_write && get_citation (self, &citation))
    {
      can_cite = TRUE;
      g_free (citation.text);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.import", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.import-folder", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.paste", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.cancel-import", self->import_cancellable != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.cite", can_cite);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.align-clock",
                                 has_item && can_write &&
                                 (kind == DEBRIEF_EVIDENCE_KIND_LOG || kind == DEBRIEF_EVIDENCE_KIND_METRICS ||
                                  kind == DEBRIEF_EVIDENCE_KIND_CHAT));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.open-external", has_item);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.save-copy", has_item);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.move-up", has_item && can_write && position > 0 &&
                                 position != GTK_INVALID_LIST_POSITION);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.move-down", has_item && can_write && position + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.remove", has_item && can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.search", self->document != NULL);

  gtk_editable_set_editable (GTK_EDITABLE (self->title_label), can_write);
  gtk_text_view_set_editable (self->notes_view, can_write);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), can_write);
}

DebriefEvidence *
debrief_evidence_page_get_selected (DebriefEvidencePage *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE_PAGE (self), NULL);

  return self->current;
}

void
debrief_evidence_page_select (DebriefEvidencePage *self,
                              DebriefEvidence     *evidence)
{
  GListModel *list;

  g_return_if_fail (DEBRIEF_IS_EVIDENCE_PAGE (self));
  g_return_if_fail (DEBRIEF_IS_EVIDENCE (evidence));

  if (self->selection == NULL)
    return;

  list = G_LIST_MODEL (self->selection);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DebriefEvidence) item = g_list_model_get_item (list, i);

      if (item == evidence)
        {
          gtk_single_selection_set_selected (self->selection, i);
          if (self->current == evidence &&
              g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "item") != 0)
            gtk_stack_set_visible_child_name (self->content_stack, "item");
          if (gtk_list_view_get_model (self->list_view) == GTK_SELECTION_MODEL (self->selection))
            gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return;
        }
    }
}

gboolean
debrief_evidence_page_show_evidence (DebriefEvidencePage *self,
                                     const char          *uuid,
                                     gint64               first,
                                     gint64               last)
{
  GListModel *list;

  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE_PAGE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (self->document == NULL)
    return FALSE;

  list = debrief_document_get_records (self->document, DEBRIEF_TYPE_EVIDENCE);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DebriefEvidence) item = g_list_model_get_item (list, i);

      if (g_strcmp0 (debrief_record_get_uuid (DEBRIEF_RECORD (item)), uuid) == 0)
        {
          debrief_evidence_page_select (self, item);
          gtk_stack_set_visible_child_name (self->content_stack, "item");
          reveal_place (self, first, last);
          return TRUE;
        }
    }

  add_toast (self, _("The evidence this points to is no longer in the incident"), FALSE);
  return FALSE;
}

static void
list_items_changed_cb (DebriefEvidencePage *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0;

  if (empty && g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "search") != 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  update_actions (self);
}

void
debrief_evidence_page_set_document (DebriefEvidencePage *self,
                                    DebriefDocument     *document)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE_PAGE (self));
  g_return_if_fail (!document || DEBRIEF_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->search_cancellable != NULL)
    g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  if (self->current != NULL)
    g_signal_handlers_disconnect_by_func (self->current, evidence_notify_cb, self);
  g_clear_object (&self->current);
  g_clear_object (&self->log_model);
  set_viewer (self, NULL);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  gtk_list_box_bind_model (self->cited_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->cited);

  g_set_object (&self->document, document);

  if (document != NULL)
    {
      GListModel *list = debrief_document_get_records (document, DEBRIEF_TYPE_EVIDENCE);

      self->selection = gtk_single_selection_new (g_object_ref (list));
      gtk_single_selection_set_can_unselect (self->selection, FALSE);
      g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
      g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (list_items_changed_cb), self);
      /* The rows, their icons and the viewer are made when the view is
       * shown: a view stack measures its hidden pages too. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

      self->cited = gtk_filter_list_model_new (g_object_ref (debrief_document_get_records (document, DEBRIEF_TYPE_TIMELINE_EVENT)),
                                               GTK_FILTER (g_object_ref (self->cited_filter)));
      gtk_list_box_bind_model (self->cited_list, G_LIST_MODEL (self->cited), create_cited_row, self, NULL);
      g_signal_connect_object (document, "notify::read-only-reason", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
    }

  gtk_stack_set_visible_child_name (self->content_stack, "empty");
  selection_changed_cb (self);
  update_actions (self);
}

static void
debrief_evidence_page_map (GtkWidget *widget)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (widget);

  GTK_WIDGET_CLASS (debrief_evidence_page_parent_class)->map (widget);

  if (self->selection != NULL &&
      gtk_list_view_get_model (self->list_view) != GTK_SELECTION_MODEL (self->selection))
    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  if (self->viewer_stale && self->current != NULL)
    show_current (self);
}

static void
debrief_evidence_page_dispose (GObject *object)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (object);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  debrief_evidence_page_set_document (self, NULL);
  g_clear_object (&self->cited_filter);

  gtk_widget_dispose_template (GTK_WIDGET (object), DEBRIEF_TYPE_EVIDENCE_PAGE);

  G_OBJECT_CLASS (debrief_evidence_page_parent_class)->dispose (object);
}

static void
debrief_evidence_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_IMPORTING:
      g_value_set_boolean (value, debrief_evidence_page_get_importing (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_evidence_page_class_init (DebriefEvidencePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_evidence_page_dispose;
  object_class->get_property = debrief_evidence_page_get_property;
  widget_class->map = debrief_evidence_page_map;

  properties [PROP_IMPORTING] =
    g_param_spec_boolean ("importing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/evidence/debrief-evidence-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, paned);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, search_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, list_view);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, search_summary);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, search_spinner);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, search_list);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, viewer_stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, clock_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, range_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, file_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, added_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, sha_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, cited_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, cited_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "evidence.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "evidence.import-folder", NULL, import_folder_action);
  gtk_widget_class_install_action (widget_class, "evidence.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "evidence.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "evidence.cite", NULL, cite_action);
  gtk_widget_class_install_action (widget_class, "evidence.align-clock", NULL, align_clock_action);
  gtk_widget_class_install_action (widget_class, "evidence.open-external", NULL, open_external_action);
  gtk_widget_class_install_action (widget_class, "evidence.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "evidence.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "evidence.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "evidence.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "evidence.search", NULL, search_action);

  /* Within the view; the window's own shortcuts reach it from anywhere. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "evidence.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "evidence.cite", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "evidence.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "evidence.move-down", NULL);
}

static void
debrief_evidence_page_init (DebriefEvidencePage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkDropTarget *drop;
  GtkEventController *keys;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (list_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (list_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (list_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);

  for (guint kind = DEBRIEF_EVIDENCE_KIND_LOG; kind <= DEBRIEF_EVIDENCE_KIND_OTHER; kind++)
    gtk_string_list_append (kinds, debrief_evidence_kind_get_name ((DebriefEvidenceKind) kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self);

  g_signal_connect_swapped (self->title_label, "notify::editing", G_CALLBACK (title_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed", G_CALLBACK (notes_changed_cb), self);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->notes_view), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->title_label), FALSE);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_list_box_set_header_func (self->search_list, search_header_func, NULL, NULL);

  self->cited_filter = gtk_custom_filter_new (cited_filter_func, self, NULL);
  {
    GtkWidget *placeholder = gtk_label_new (_("Nothing cited yet: select lines, messages or a chart point and choose Add to Timeline."));

    gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
    gtk_label_set_xalign (GTK_LABEL (placeholder), 0);
    gtk_widget_set_margin_start (placeholder, 12);
    gtk_widget_set_margin_end (placeholder, 12);
    gtk_widget_set_margin_top (placeholder, 12);
    gtk_widget_set_margin_bottom (placeholder, 12);
    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_list_box_set_placeholder (self->cited_list, placeholder);
  }

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, (GType[2]) { GDK_TYPE_FILE_LIST, G_TYPE_STRING }, 2);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  /* Ctrl+V on the list pastes evidence; in a text field it pastes text. */
  keys = gtk_shortcut_controller_new ();
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_v, GDK_CONTROL_MASK),
                               gtk_named_action_new ("evidence.paste"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                               gtk_named_action_new ("evidence.remove"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);

  update_actions (self);
}

/* For tests: what a drop of @value on the view does. */
gboolean
_debrief_evidence_page_drop (DebriefEvidencePage *self,
                             const GValue        *value)
{
  return drop_cb (NULL, value, 0, 0, self);
}
