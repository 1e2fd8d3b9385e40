/* debrief-evidence-search-panel.c
 *
 * Searching all evidence in a thread, and listing the matches under the
 * title of their item; activating one emits "result-activated".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-evidence-search-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-evidence-search-panel.h"

#include "debrief-evidence-store.h"
#include "debrief-evidence-kind.h"
#include "debrief-text.h"
#include "debrief-time.h"

/* Search results listed; the rest are counted. */
#define MAX_RESULTS 1000
#define MAX_COUNTED 1000000

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
  gboolean             since_boot;
} Result;

typedef struct
{
  DebriefEvidenceSource *source;
  char                  *query;
  GPtrArray             *results;
  guint                  n_matches;
} SearchJob;

struct _DebriefEvidenceSearchPanel
{
  GtkWidget        parent_instance;

  GtkLabel        *summary;
  GtkSpinner      *spinner;
  GtkListBox      *list;

  DebriefDocument *document;
  GCancellable    *cancellable;
  /* Of Result: row n shows result n. */
  GPtrArray       *results;
};

G_DEFINE_FINAL_TYPE (DebriefEvidenceSearchPanel, debrief_evidence_search_panel, GTK_TYPE_WIDGET)

enum {
  RESULT_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
result_free (gpointer data)
{
  Result *result = data;

  g_free (result->uuid);
  g_free (result->title);
  g_free (result->text);
  g_free (result);
}

static void
search_job_free (gpointer data)
{
  SearchJob *job = data;

  debrief_evidence_source_free (job->source);
  g_free (job->query);
  g_ptr_array_unref (job->results);
  g_free (job);
}

static Result *
result_of_row (DebriefEvidenceSearchPanel *self,
               GtkListBoxRow              *row)
{
  int index = row ? gtk_list_box_row_get_index (row) : -1;

  if (self->results == NULL || index < 0 || (guint) index >= self->results->len)
    return NULL;

  return g_ptr_array_index (self->results, index);
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
  result->since_boot = match->since_boot;
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
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  DebriefEvidenceSearchPanel *self = user_data;
  Result *result = result_of_row (self, row);
  Result *previous = result_of_row (self, before);
  GtkWidget *header;
  GtkWidget *icon;
  GtkWidget *label;

  if (result == NULL || (previous != NULL && g_strcmp0 (previous->uuid, result->uuid) == 0))
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
  gtk_widget_set_tooltip_text (label, result->title);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (header), icon);
  gtk_box_append (GTK_BOX (header), label);
  gtk_list_box_row_set_header (row, header);
}

static GtkWidget *
result_row (Result    *result,
            GTimeZone *zone)
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
  g_autofree char *time = result->since_boot ? debrief_time_format_since_boot (result->usec)
                                             : debrief_time_format (result->usec, zone, DEBRIEF_TIME_STYLE_TIME);
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
  /* Three lines of a long line are shown; the tooltip has it whole, and
   * activating the result shows it in its log. */
  gtk_widget_set_tooltip_text (text, result->text);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (text, "monospace");
  gtk_box_append (GTK_BOX (box), where);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  DebriefEvidenceSearchPanel *self = DEBRIEF_EVIDENCE_SEARCH_PANEL (object);
  SearchJob *job = g_task_get_task_data (G_TASK (async_result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *n_matches = debrief_text_format_count (job->n_matches);
  g_autofree char *n_listed = debrief_text_format_count (job->results->len);
  GtkWidget *child;

  if (!g_task_propagate_boolean (G_TASK (async_result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_spinner_stop (self->spinner);
      gtk_label_set_label (self->summary, error->message);
      return;
    }

  if (g_task_get_cancellable (G_TASK (async_result)) != self->cancellable)
    return;

  gtk_spinner_stop (self->spinner);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);

  g_clear_pointer (&self->results, g_ptr_array_unref);
  self->results = g_ptr_array_ref (job->results);
  zone = debrief_incident_dup_time_zone (self->document ? debrief_document_get_incident (self->document) : NULL);
  for (guint i = 0; i < job->results->len; i++)
    gtk_list_box_append (self->list, result_row (g_ptr_array_index (job->results, i), zone));

  if (job->n_matches == 0)
    /* Translators: %s is what was searched for */
    summary = g_strdup_printf (_("No evidence contains “%s”"), job->query);
  else if (job->n_matches >= MAX_COUNTED)
    summary = g_strdup_printf (_("More than %s matches of “%s”; the first %s are listed"),
                               n_matches, job->query, n_listed);
  else if (job->n_matches > job->results->len)
    summary = g_strdup_printf (_("%s matches of “%s”; the first %s are listed"),
                               n_matches, job->query, n_listed);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s match of “%s”", "%s matches of “%s”", job->n_matches),
                               n_matches, job->query);
  gtk_label_set_label (self->summary, summary);
}

void
debrief_evidence_search_panel_stop (DebriefEvidenceSearchPanel *self)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE_SEARCH_PANEL (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
}

void
debrief_evidence_search_panel_search (DebriefEvidenceSearchPanel *self,
                                      const char                 *text)
{
  g_autoptr(GTask) task = NULL;
  SearchJob *job;

  g_return_if_fail (DEBRIEF_IS_EVIDENCE_SEARCH_PANEL (self));
  g_return_if_fail (text != NULL);

  debrief_evidence_search_panel_stop (self);
  if (self->document == NULL)
    return;

  job = g_new0 (SearchJob, 1);
  job->source = debrief_evidence_source_new (self->document);
  job->query = g_strdup (text);
  job->results = g_ptr_array_new_with_free_func (result_free);

  self->cancellable = g_cancellable_new ();
  gtk_label_set_label (self->summary, _("Searching…"));
  gtk_spinner_start (self->spinner);

  task = g_task_new (self, self->cancellable, search_done_cb, NULL);
  g_task_set_task_data (task, job, search_job_free);
  g_task_set_source_tag (task, debrief_evidence_search_panel_search);
  g_task_run_in_thread (task, search_thread);
}

void
debrief_evidence_search_panel_set_document (DebriefEvidenceSearchPanel *self,
                                            DebriefDocument            *document)
{
  g_return_if_fail (DEBRIEF_IS_EVIDENCE_SEARCH_PANEL (self));
  g_return_if_fail (!document || DEBRIEF_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  debrief_evidence_search_panel_stop (self);
  g_set_object (&self->document, document);
}

static void
row_activated_cb (DebriefEvidenceSearchPanel *self,
                  GtkListBoxRow              *row)
{
  Result *result = result_of_row (self, row);

  if (result != NULL)
    g_signal_emit (self, signals [RESULT_ACTIVATED], 0, result->uuid, result->line);
}

static void
debrief_evidence_search_panel_dispose (GObject *object)
{
  DebriefEvidenceSearchPanel *self = DEBRIEF_EVIDENCE_SEARCH_PANEL (object);
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (object), DEBRIEF_TYPE_EVIDENCE_SEARCH_PANEL);
  /* The template's top box has no name for the template to drop it by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->results, g_ptr_array_unref);

  G_OBJECT_CLASS (debrief_evidence_search_panel_parent_class)->dispose (object);
}

static void
debrief_evidence_search_panel_class_init (DebriefEvidenceSearchPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_evidence_search_panel_dispose;

  /* A result was activated: its item's UUID, and its line (or message,
   * or row), from 0. */
  signals [RESULT_ACTIVATED] =
    g_signal_new ("result-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/evidence/debrief-evidence-search-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidenceSearchPanel, summary);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidenceSearchPanel, spinner);
  gtk_widget_class_bind_template_child (widget_class, DebriefEvidenceSearchPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
debrief_evidence_search_panel_init (DebriefEvidenceSearchPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->list, header_func, self, NULL);
}
