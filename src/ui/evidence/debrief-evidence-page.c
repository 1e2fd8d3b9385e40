/* debrief-evidence-page.c
 *
 * The Evidence view: a list of the incident's evidence on the left, the
 * selected item on the right in the viewer of its kind, with its details,
 * its clock and the timeline events that cite it.  Importing, drop and
 * paste, and the actions on files are in debrief-evidence-page-actions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-evidence-page"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-evidence-page.h"
#include "debrief-evidence-page-private.h"
#include "debrief-align-clock-dialog.h"
#include "debrief-error-dialog.h"
#include "debrief-evidence-row.h"
#include "debrief-evidence-search-panel.h"
#include "debrief-chat-view.h"
#include "debrief-evidence-viewer.h"
#include "debrief-image-view.h"
#include "debrief-log-view.h"
#include "debrief-metrics-view.h"
#include "debrief-report-view.h"

#include "debrief-content-loader.h"
#include "debrief-evidence-store.h"
#include "debrief-incident.h"
#include "debrief-log-model.h"
#include "debrief-phase-marker.h"
#include "debrief-time.h"
#include "debrief-timeline-event.h"
#include "debrief-evidence-kind.h"
#include "debrief-text.h"


G_DEFINE_FINAL_TYPE (DebriefEvidencePage, debrief_evidence_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_IMPORTING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void show_current (DebriefEvidencePage *self);

/* --- Helpers ---------------------------------------------------------- */

static DebriefIncident *
incident_of (DebriefEvidencePage *self)
{
  return self->document ? debrief_document_get_incident (self->document) : NULL;
}

void
_debrief_evidence_page_add_toast (DebriefEvidencePage *self,
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

void
_debrief_evidence_page_show_error (DebriefEvidencePage *self,
                                   const char          *heading,
                                   const char          *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  debrief_show_error (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
}

gboolean
_debrief_evidence_page_writable (DebriefEvidencePage *self)
{
  return self->document != NULL && !debrief_document_get_read_only (self->document);
}

/* --- The list --------------------------------------------------------- */

static void
list_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               DebriefEvidencePage      *self)
{
  gtk_list_item_set_child (item, debrief_evidence_row_new ());
}

static void
list_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              DebriefEvidencePage      *self)
{
  DebriefEvidenceRow *row = DEBRIEF_EVIDENCE_ROW (gtk_list_item_get_child (item));

  debrief_evidence_row_set_incident (row, incident_of (self));
  debrief_evidence_row_set_evidence (row, gtk_list_item_get_item (item));
}

static void
list_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                DebriefEvidencePage      *self)
{
  debrief_evidence_row_set_evidence (DEBRIEF_EVIDENCE_ROW (gtk_list_item_get_child (item)), NULL);
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

      if (!debrief_evidence_is_on_incident_clock (evidence))
        {
          g_autofree char *shift = NULL;

          if (offset == 0)
            return g_strdup (_("Counts time since boot; no boot time set, so it is not on the incident’s clock yet"));

          /* A shift that does not reach a real date is no boot time. */
          shift = debrief_evidence_format_offset (offset);
          /* Translators: %s is a duration such as "−2 s" */
          return g_strdup_printf (_("Counts time since boot, shifted by %s; no boot time set, so it is not on the incident’s clock yet"),
                                  shift);
        }

      boot = debrief_time_format (offset * 1000, zone, DEBRIEF_TIME_STYLE_DATE_TIME);
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
  g_autofree char *count_text = NULL;
  DebriefEvidenceKind kind;
  gint64 count;

  if (evidence == NULL)
    return;

  self->updating = TRUE;
  zone = debrief_incident_dup_time_zone (incident_of (self));
  kind = debrief_evidence_get_kind (evidence);
  count = debrief_evidence_get_line_count (evidence);
  count_text = debrief_text_format_count ((guint64) MAX (count, 0));
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
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%s line", "%s lines", (gulong) count), count_text);
    }
  else if (kind == DEBRIEF_EVIDENCE_KIND_METRICS)
    {
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%s row", "%s rows", (gulong) count), count_text);
    }
  else if (kind == DEBRIEF_EVIDENCE_KIND_CHAT)
    {
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%s message", "%s messages", (gulong) count), count_text);
    }
  g_string_append_printf (subtitle, " · %s", size);
  gtk_label_set_label (self->subtitle_label, subtitle->str);

  adw_combo_row_set_selected (self->kind_row, (guint) kind);

  clock = describe_clock (self, evidence);
  {
    g_autofree char *year = debrief_evidence_describe_assumed_year (evidence);

    if (year != NULL && kind == DEBRIEF_EVIDENCE_KIND_LOG)
      {
        g_autofree char *wall = g_steal_pointer (&clock);

        clock = g_strconcat (wall, "\n", year, NULL);
      }
  }
  adw_action_row_set_subtitle (self->clock_row, clock);
  gtk_widget_set_visible (GTK_WIDGET (self->clock_row),
                          kind == DEBRIEF_EVIDENCE_KIND_LOG || kind == DEBRIEF_EVIDENCE_KIND_METRICS ||
                          kind == DEBRIEF_EVIDENCE_KIND_CHAT);

  range = debrief_evidence_format_range (evidence, zone);
  adw_action_row_set_subtitle (self->range_row, range ? range : _("No times in it"));
  adw_action_row_set_subtitle (self->file_row, *debrief_evidence_get_original_name (evidence)
                                                ? debrief_evidence_get_original_name (evidence) : _("Pasted"));

  added_at = debrief_evidence_get_added_at (evidence)
    ? debrief_time_format (g_date_time_to_unix (debrief_evidence_get_added_at (evidence)) * G_USEC_PER_SEC, zone,
                           DEBRIEF_TIME_STYLE_DATE_TIME)
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
  if (g_strcmp0 (text, debrief_evidence_get_title (self->current)) != 0 && _debrief_evidence_page_writable (self))
    debrief_evidence_set_title (self->current, text);
}

static void
notes_changed_cb (DebriefEvidencePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *notes = NULL;
  GtkTextIter start, end;

  if (self->updating || self->current == NULL || !_debrief_evidence_page_writable (self))
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

  if (!_debrief_evidence_page_writable (self) ||
      !debrief_evidence_change_kind (self->document, self->current, (DebriefEvidenceKind) kind, &error))
    {
      if (error != NULL)
        _debrief_evidence_page_show_error (self, _("The Kind Cannot Be Changed"), error->message);
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

  /* The viewer names its places when it can (a chat message by its
   * author and time); a log's are lines. */
  if (self->viewer != NULL && DEBRIEF_IS_EVIDENCE_VIEWER (self->viewer))
    where = debrief_evidence_viewer_dup_place_label (DEBRIEF_EVIDENCE_VIEWER (self->viewer), first, last);
  if (where != NULL)
    subtitle = g_steal_pointer (&where);
  else
    {
      gboolean chat = self->current != NULL && debrief_evidence_get_kind (self->current) == DEBRIEF_EVIDENCE_KIND_CHAT;

      if (at != NULL)
        when = debrief_time_format (debrief_date_time_to_usec (at), zone, DEBRIEF_TIME_STYLE_TIME);
      if (chat && first == last)
        /* Translators: where a timeline event points in a chat, until the
         * chat is loaded and its author can be named */
        where = g_strdup_printf (_("message %" G_GINT64_FORMAT), first + 1);
      else if (chat)
        where = g_strdup_printf (_("messages %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT), first + 1, last + 1);
      else if (first == last)
        /* Translators: where a timeline event points in its evidence */
        where = g_strdup_printf (_("line %" G_GINT64_FORMAT), first + 1);
      else
        where = g_strdup_printf (_("lines %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT), first + 1, last + 1);
      subtitle = when ? g_strdup_printf ("%s · %s", when, where) : g_strdup (where);
    }

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
  g_autofree char *shown_text = debrief_text_format_count (shown);
  g_autofree char *total_text = debrief_text_format_count (total);

  debrief_log_view_set_busy (view, FALSE);
  if (error != NULL)
    status = g_strdup (error->message);
  else if (shown == total)
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s line", "%s lines", (gulong) total), total_text);
  else
    /* Translators: lines shown by a filter, of all lines */
    status = g_strdup_printf (_("%s of %s lines"), shown_text, total_text);
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
      _debrief_evidence_page_add_toast (self, _("No line is that late: showing the last one"), FALSE);
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
  g_signal_connect_object (viewer, "selection-changed", G_CALLBACK (_debrief_evidence_page_update_actions), self, G_CONNECT_SWAPPED);

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
  /* A chat message's citation says its time, which moved. */
  if (self->cited_filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->cited_filter), GTK_FILTER_CHANGE_DIFFERENT);
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
  /* The citations are named anew, as the viewer names its places. */
  if (viewer != NULL && self->cited_filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->cited_filter), GTK_FILTER_CHANGE_DIFFERENT);
  _debrief_evidence_page_update_actions (self);
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
      _debrief_evidence_page_update_actions (self);
      return;
    }

  g_signal_handlers_disconnect_by_func (self->current, evidence_notify_cb, self);
  g_signal_connect_object (self->current, "notify", G_CALLBACK (evidence_notify_cb), self, G_CONNECT_SWAPPED);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->viewer_stale = TRUE;
      _debrief_evidence_page_update_actions (self);
      return;
    }
  self->viewer_stale = FALSE;

  viewer = make_viewer (self, &error);
  set_viewer (self, viewer != NULL ? viewer : error_viewer (error));

  update_details (self);
  if (self->cited_filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->cited_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_stack_set_visible_child_name (self->content_stack, "item");
  _debrief_evidence_page_update_actions (self);
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

  if (self->current == NULL || !_debrief_evidence_page_writable (self) || !get_citation (self, &citation))
    return;

  event = debrief_evidence_cite (self->document, self->current, citation.first, citation.last,
                                 citation.usec, citation.text, &error);
  g_free (citation.text);

  if (event == NULL)
    {
      _debrief_evidence_page_show_error (self, _("Not Added to the Timeline"), error->message);
      return;
    }

  _debrief_evidence_page_add_toast (self, citation.usec == G_MININT64 ? _("Added to the timeline, without a time: give it one there")
                                               : _("Added to the timeline"), TRUE);
}

/* --- Clock alignment -------------------------------------------------- */

static void
align_clock_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GTimeZone) zone = NULL;
  DebriefAlignClockDialog *dialog;
  gboolean has_line = FALSE;
  Citation citation;

  if (self->current == NULL || !_debrief_evidence_page_writable (self))
    return;

  zone = debrief_incident_dup_time_zone (incident_of (self));
  if (get_citation (self, &citation))
    {
      has_line = citation.by_line;
      g_free (citation.text);
    }

  dialog = debrief_align_clock_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                           self->document, self->current, zone,
                                           has_line ? &citation.first : NULL,
                                           has_line ? citation.usec : G_MININT64);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Search across all evidence --------------------------------------- */

void
debrief_evidence_page_start_search (DebriefEvidencePage *self,
                                    const char          *text)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE_PAGE (self));

  if (text == NULL || *text == '\0' || self->document == NULL)
    {
      debrief_evidence_search_panel_stop (self->search_panel);
      gtk_stack_set_visible_child_name (self->content_stack, self->current ? "item" : "empty");
      return;
    }

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    {
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
      return;
    }

  debrief_evidence_search_panel_search (self->search_panel, text);
  gtk_stack_set_visible_child_name (self->content_stack, "search");
}

static void
search_changed_cb (DebriefEvidencePage *self)
{
  debrief_evidence_page_start_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Enter in the search field shows the results, also where they are not
 * beside the list. */
static void
search_activate_cb (DebriefEvidencePage *self)
{
  search_changed_cb (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "search") == 0)
    _debrief_evidence_page_show_content (self);
}

static void
search_stopped_cb (DebriefEvidencePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_result_activated_cb (DebriefEvidencePage *self,
                            const char          *uuid,
                            guint64              line)
{
  debrief_evidence_page_show_evidence (self, uuid, (gint64) line, (gint64) line);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (widget);

  /* The search field is above the list. */
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  /* Back to the results of the search still typed. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_stack_set_visible_child_name (self->content_stack, "search");
}

/* Ctrl+F and Ctrl+J are the page's, not the log's: they work whichever
 * part of the view has the focus, the list of evidence included. */

/* The shown log when the item shown is one, else NULL. */
static GtkWidget *
shown_log_view (DebriefEvidencePage *self)
{
  if (self->current == NULL || self->viewer == NULL || !DEBRIEF_IS_LOG_VIEW (self->viewer) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "item") != 0)
    return NULL;

  return self->viewer;
}

/* Find: in the log shown, its lines; with no log shown, all evidence. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (widget);
  GtkWidget *log = shown_log_view (self);

  if (log != NULL)
    gtk_widget_activate_action (log, "log-view.focus-filter", NULL);
  else
    search_action (widget, "evidence.search", NULL);
}

static void
jump_to_time_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (widget);
  GtkWidget *log = shown_log_view (self);

  if (log != NULL)
    gtk_widget_activate_action (log, "log-view.focus-jump", NULL);
}

/* The zoom keys of an image shown, from wherever the focus is in the
 * view: "in", "out", "fit" or "original". */
static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DebriefEvidencePage *self = DEBRIEF_EVIDENCE_PAGE (widget);
  g_autofree char *image_action = NULL;

  if (self->viewer == NULL || !DEBRIEF_IS_IMAGE_VIEW (self->viewer))
    return;

  image_action = g_strdup_printf ("image.zoom-%s", g_variant_get_string (parameter, NULL));
  gtk_widget_activate_action (self->viewer, image_action, NULL);
}

/* --- State ------------------------------------------------------------ */

void
_debrief_evidence_page_update_actions (DebriefEvidencePage *self)
{
  gboolean can_write = _debrief_evidence_page_writable (self);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.cancel-import", self->import_job != NULL);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.find", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.jump-to-time", kind == DEBRIEF_EVIDENCE_KIND_LOG);

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
          _debrief_evidence_page_show_content (self);
          reveal_place (self, first, last);
          return TRUE;
        }
    }

  _debrief_evidence_page_add_toast (self, _("The evidence this points to is no longer in the incident"), FALSE);
  return FALSE;
}

static void
list_items_changed_cb (DebriefEvidencePage *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0;

  if (empty && g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "search") != 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  _debrief_evidence_page_update_actions (self);
}

void
debrief_evidence_page_set_document (DebriefEvidencePage *self,
                                    DebriefDocument     *document)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE_PAGE (self));
  g_return_if_fail (!document || DEBRIEF_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  debrief_evidence_search_panel_set_document (self->search_panel, NULL);
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

  /* What a running import still delivers is no longer wanted. */
  if (self->import_job != NULL)
    debrief_import_job_abandon (self->import_job);

  g_set_object (&self->document, document);
  debrief_evidence_search_panel_set_document (self->search_panel, document);

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
      g_signal_connect_object (document, "notify::read-only-reason", G_CALLBACK (_debrief_evidence_page_update_actions), self, G_CONNECT_SWAPPED);
    }

  gtk_stack_set_visible_child_name (self->content_stack, "empty");
  selection_changed_cb (self);
  _debrief_evidence_page_update_actions (self);
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

  _debrief_evidence_page_cancel_import (self);
  debrief_evidence_page_set_document (self, NULL);
  _debrief_evidence_page_dispose_narrow (self);
  /* A content load still running must not come back to a page that is gone. */
  if (self->viewer_cancellable != NULL)
    g_cancellable_cancel (self->viewer_cancellable);
  g_clear_object (&self->viewer_cancellable);
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

  g_type_ensure (DEBRIEF_TYPE_EVIDENCE_SEARCH_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/evidence/debrief-evidence-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, sidebar_clamp);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, back_bar);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, details_flap);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, details_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, search_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, list_view);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidencePage, search_panel);
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
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, cited_row_activated_cb);

  _debrief_evidence_page_install_actions (widget_class);
  _debrief_evidence_page_class_init_narrow (widget_class);
  gtk_widget_class_install_action (widget_class, "evidence.cite", NULL, cite_action);
  gtk_widget_class_install_action (widget_class, "evidence.align-clock", NULL, align_clock_action);
  gtk_widget_class_install_action (widget_class, "evidence.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "evidence.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "evidence.jump-to-time", NULL, jump_to_time_action);

  /* Within the view, whichever part has the focus; the window's own
   * shortcuts reach it from anywhere. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "evidence.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK, "evidence.jump-to-time", NULL);
  gtk_widget_class_install_action (widget_class, "evidence.zoom", "s", zoom_action);
  {
    static const struct { guint key; const char *zoom; } zoom_keys[] = {
      { GDK_KEY_plus, "in" }, { GDK_KEY_equal, "in" }, { GDK_KEY_KP_Add, "in" },
      { GDK_KEY_minus, "out" }, { GDK_KEY_KP_Subtract, "out" },
      { GDK_KEY_0, "fit" }, { GDK_KEY_KP_0, "fit" },
      { GDK_KEY_1, "original" }, { GDK_KEY_KP_1, "original" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (zoom_keys); i++)
      gtk_widget_class_add_binding_action (widget_class, zoom_keys[i].key, GDK_CONTROL_MASK,
                                           "evidence.zoom", "s", zoom_keys[i].zoom);
  }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "evidence.cite", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "evidence.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "evidence.move-down", NULL);
}

static void
debrief_evidence_page_init (DebriefEvidencePage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkEventController *keys;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->pending_first = self->pending_last = -1;

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

  _debrief_evidence_page_add_drop_target (self);

  /* Ctrl+V on the list pastes evidence; in a text field it pastes text. */
  keys = gtk_shortcut_controller_new ();
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_v, GDK_CONTROL_MASK),
                               gtk_named_action_new ("evidence.paste"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                               gtk_named_action_new ("evidence.remove"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);

  _debrief_evidence_page_init_narrow (self);

  _debrief_evidence_page_update_actions (self);
}

/* --- For the other parts of the view ---------------------------------- */

void
_debrief_evidence_page_notify_importing (DebriefEvidencePage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IMPORTING]);
}
