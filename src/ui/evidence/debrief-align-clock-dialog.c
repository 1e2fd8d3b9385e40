/* debrief-align-clock-dialog.c
 *
 * Aligning an evidence item's clock.  Only what the user changed is
 * applied: a line's time, else the boot time, else the offset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-align-clock-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "debrief-align-clock-dialog.h"
#include "debrief-error-dialog.h"

#include "debrief-evidence-store.h"
#include "debrief-time.h"

struct _DebriefAlignClockDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *line_row;
  AdwEntryRow      *boot_row;
  AdwEntryRow      *offset_row;
  GtkLabel         *message;

  DebriefDocument  *document;
  DebriefEvidence  *evidence;
  GTimeZone        *zone;
  gboolean          has_line;
  guint64           line;
  char             *boot_initial;
  char             *offset_initial;
};

G_DEFINE_FINAL_TYPE (DebriefAlignClockDialog, debrief_align_clock_dialog, ADW_TYPE_MESSAGE_DIALOG)

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_widget_get_visible (GTK_WIDGET (row)) ? gtk_editable_get_text (GTK_EDITABLE (row)) : "";
}

/* What is typed, read: FALSE with @error when a field does not read as
 * what it asks for. Only what the user changed is taken: a line's time,
 * else the boot time (shown as it is), else the offset. */
static gboolean
read_fields (DebriefAlignClockDialog  *self,
             GDateTime               **line_at,
             GDateTime               **boot,
             gboolean                 *offset_changed,
             gint64                   *offset_ms,
             AdwEntryRow             **wrong_row,
             GError                  **error)
{
  const char *line_text = row_text (self->line_row);
  const char *boot_text = row_text (self->boot_row);
  const char *offset_text = gtk_editable_get_text (GTK_EDITABLE (self->offset_row));

  *line_at = NULL;
  *boot = NULL;
  *offset_changed = FALSE;
  *wrong_row = NULL;

  if (*line_text != '\0')
    {
      if (!(*line_at = debrief_time_parse_user (line_text, self->zone, error)))
        {
          *wrong_row = self->line_row;
          return FALSE;
        }
      return TRUE;
    }

  if (*boot_text != '\0' && g_strcmp0 (boot_text, self->boot_initial) != 0)
    {
      if (!(*boot = debrief_time_parse_user (boot_text, self->zone, error)))
        {
          *wrong_row = self->boot_row;
          return FALSE;
        }
      return TRUE;
    }

  if (g_strcmp0 (offset_text, self->offset_initial) == 0)
    return TRUE;

  if (!debrief_evidence_parse_offset (offset_text, offset_ms))
    {
      *wrong_row = self->offset_row;
      g_set_error_literal (error, DEBRIEF_TIME_ERROR, DEBRIEF_TIME_ERROR_FORMAT,
                           _("Write the offset in milliseconds, or with a unit: 1500, -2s, +3m or 1h."));
      return FALSE;
    }
  *offset_changed = TRUE;
  return TRUE;
}

/* The hint under the fields says how to write a time; a mistake is said
 * there instead, beside what was typed, and Align waits until it is put
 * right, so that the dialog never closes on it. */
static gboolean
check_fields (DebriefAlignClockDialog *self)
{
  g_autoptr(GDateTime) line_at = NULL;
  g_autoptr(GDateTime) boot = NULL;
  g_autoptr(GError) error = NULL;
  AdwEntryRow *rows[] = { self->line_row, self->boot_row, self->offset_row };
  AdwEntryRow *wrong_row;
  gboolean offset_changed;
  gint64 offset_ms;
  gboolean ok;

  ok = read_fields (self, &line_at, &boot, &offset_changed, &offset_ms, &wrong_row, &error);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (rows[i] == wrong_row)
        gtk_widget_add_css_class (GTK_WIDGET (rows[i]), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (rows[i]), "error");
    }

  if (ok)
    {
      g_autofree char *example = debrief_time_dup_user_example (NULL);
      /* Translators: %s is an example, such as "2026-03-14 09:30 or 14/03/2026 09:30". */
      g_autofree char *hint = g_strdup_printf (_("Write times as %s, with seconds if you know them (09:30:15.250)."),
                                               example);

      gtk_label_set_text (self->message, hint);
      gtk_widget_remove_css_class (GTK_WIDGET (self->message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->message), "dim-label");
    }
  else
    {
      gtk_label_set_text (self->message, error->message);
      gtk_widget_remove_css_class (GTK_WIDGET (self->message), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
    }

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "align", ok);
  return ok;
}

static void
debrief_align_clock_dialog_changed_cb (DebriefAlignClockDialog *self)
{
  /* Not before the fields are filled in. */
  if (self->document != NULL)
    check_fields (self);
}

static gboolean
apply_alignment (DebriefAlignClockDialog  *self,
                 GError                  **error)
{
  g_autoptr(GDateTime) line_at = NULL;
  g_autoptr(GDateTime) boot = NULL;
  AdwEntryRow *wrong_row;
  gboolean offset_changed;
  gint64 offset_ms = 0;

  if (!read_fields (self, &line_at, &boot, &offset_changed, &offset_ms, &wrong_row, error))
    return FALSE;

  if (line_at != NULL)
    return debrief_evidence_align_line (self->document, self->evidence, self->line, line_at, error);
  if (boot != NULL)
    return debrief_evidence_set_boot_time (self->document, self->evidence, boot, error);
  if (offset_changed)
    debrief_evidence_set_clock_offset_ms (self->evidence, offset_ms);

  return TRUE;
}

static void
debrief_align_clock_dialog_response (AdwMessageDialog *dialog,
                                     const char       *response)
{
  DebriefAlignClockDialog *self = DEBRIEF_ALIGN_CLOCK_DIALOG (dialog);
  g_autoptr(GError) error = NULL;

  /* A field that does not read is said under it (Align is off until it
   * does); what the document refuses is said in a dialog of its own, and
   * the clock stays as it was. */
  if (g_strcmp0 (response, "align") == 0 && check_fields (self) && !apply_alignment (self, &error))
    {
      debrief_show_error (gtk_window_get_transient_for (GTK_WINDOW (self)),
                          _("The Clock Was Not Changed"), error->message);
    }

  if (ADW_MESSAGE_DIALOG_CLASS (debrief_align_clock_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (debrief_align_clock_dialog_parent_class)->response (dialog, response);
}

static void
debrief_align_clock_dialog_dispose (GObject *object)
{
  DebriefAlignClockDialog *self = DEBRIEF_ALIGN_CLOCK_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_object (&self->evidence);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->boot_initial, g_free);
  g_clear_pointer (&self->offset_initial, g_free);

  G_OBJECT_CLASS (debrief_align_clock_dialog_parent_class)->dispose (object);
}

static void
debrief_align_clock_dialog_class_init (DebriefAlignClockDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = debrief_align_clock_dialog_dispose;
  dialog_class->response = debrief_align_clock_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/evidence/debrief-align-clock-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefAlignClockDialog, line_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefAlignClockDialog, boot_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefAlignClockDialog, offset_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefAlignClockDialog, message);
  gtk_widget_class_bind_template_callback (widget_class, debrief_align_clock_dialog_changed_cb);
}

static void
debrief_align_clock_dialog_init (DebriefAlignClockDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DebriefAlignClockDialog *
debrief_align_clock_dialog_new (GtkWindow       *parent,
                                DebriefDocument *document,
                                DebriefEvidence *evidence,
                                GTimeZone       *zone,
                                const guint64   *line,
                                gint64           line_usec)
{
  DebriefAlignClockDialog *self;
  g_autofree char *body = NULL;
  g_autofree char *offset = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  self = g_object_new (DEBRIEF_TYPE_ALIGN_CLOCK_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->evidence = g_object_ref (evidence);
  self->zone = g_time_zone_ref (zone);

  /* Translators: %s is a time zone such as Europe/Berlin */
  body = g_strdup_printf (_("Put “%s” on the incident’s clock. Times are in %s."),
                          debrief_evidence_get_title (evidence), g_time_zone_get_identifier (zone));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  if (line != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Line %" G_GUINT64_FORMAT " Happened At"), *line + 1);

      self->has_line = TRUE;
      self->line = *line;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->line_row), title);
      if (line_usec != G_MININT64)
        {
          g_autofree char *now = debrief_evidence_is_on_incident_clock (evidence)
                                 ? debrief_time_format (line_usec, zone, DEBRIEF_TIME_STYLE_DATE_TIME)
                                 : debrief_time_format_since_boot (line_usec);

          gtk_widget_set_tooltip_text (GTK_WIDGET (self->line_row), now);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->line_row), TRUE);
    }

  if (debrief_evidence_get_since_boot (evidence))
    {
      gint64 boot = debrief_evidence_get_clock_offset_ms (evidence);
      g_autofree char *boot_text = NULL;

      /* A shift that is no boot time is not offered as one (it would
       * read as a date in 1969 or 1970). */
      if (debrief_evidence_is_on_incident_clock (evidence))
        {
          g_autofree char *seconds = debrief_time_format (boot * 1000, zone, DEBRIEF_TIME_STYLE_DATE_TIME);

          /* To the millisecond: applying it unchanged changes nothing. */
          boot_text = g_strdup_printf ("%s.%03d", seconds, (int) (((boot % 1000) + 1000) % 1000));
        }
      gtk_editable_set_text (GTK_EDITABLE (self->boot_row), boot_text ? boot_text : "");
      self->boot_initial = g_strdup (boot_text ? boot_text : "");
      gtk_widget_set_visible (GTK_WIDGET (self->boot_row), TRUE);
    }

  offset = g_strdup_printf ("%" G_GINT64_FORMAT, debrief_evidence_get_clock_offset_ms (evidence));
  /* From here on, each change is checked. */
  self->document = g_object_ref (document);
  gtk_editable_set_text (GTK_EDITABLE (self->offset_row), offset);
  self->offset_initial = g_strdup (offset);
  check_fields (self);

  return self;
}
