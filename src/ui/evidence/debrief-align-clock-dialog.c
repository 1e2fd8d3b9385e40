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

  DebriefDocument  *document;
  DebriefEvidence  *evidence;
  GTimeZone        *zone;
  gboolean          has_line;
  guint64           line;
  char             *boot_initial;
  char             *offset_initial;
};

G_DEFINE_FINAL_TYPE (DebriefAlignClockDialog, debrief_align_clock_dialog, ADW_TYPE_MESSAGE_DIALOG)

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

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_widget_get_visible (GTK_WIDGET (row)) ? gtk_editable_get_text (GTK_EDITABLE (row)) : "";
}

static gboolean
apply_alignment (DebriefAlignClockDialog  *self,
                 GError                  **error)
{
  const char *line_text = row_text (self->line_row);
  const char *boot_text = row_text (self->boot_row);
  const char *offset_text = gtk_editable_get_text (GTK_EDITABLE (self->offset_row));
  gint64 offset_ms;

  if (*line_text != '\0')
    {
      g_autoptr(GDateTime) at = parse_user_time (line_text, self->zone);

      if (at == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("Write the line’s time as a date and time, such as 2026-03-14 02:12:31.250."));
          return FALSE;
        }
      return debrief_evidence_align_line (self->document, self->evidence, self->line, at, error);
    }

  /* The boot time and the offset are shown as they are, and either may
   * be edited. */
  if (*boot_text != '\0' && g_strcmp0 (boot_text, self->boot_initial) != 0)
    {
      g_autoptr(GDateTime) boot = parse_user_time (boot_text, self->zone);

      if (boot == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("Write the boot time as a date and time, such as 2026-03-14 02:12:29.500."));
          return FALSE;
        }
      return debrief_evidence_set_boot_time (self->document, self->evidence, boot, error);
    }

  if (g_strcmp0 (offset_text, self->offset_initial) == 0)
    return TRUE;

  if (!debrief_evidence_parse_offset (offset_text, &offset_ms))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Write the offset in milliseconds, or with a unit: 1500, -2s, +3m or 1h."));
      return FALSE;
    }
  debrief_evidence_set_clock_offset_ms (self->evidence, offset_ms);
  return TRUE;
}

static void
debrief_align_clock_dialog_response (AdwMessageDialog *dialog,
                                     const char       *response)
{
  DebriefAlignClockDialog *self = DEBRIEF_ALIGN_CLOCK_DIALOG (dialog);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "align") == 0 && !apply_alignment (self, &error))
    {
      /* The dialog closes on any response: a mistake is explained in a
       * dialog of its own, and the clock stays as it was. */
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
  self->document = g_object_ref (document);
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
  gtk_editable_set_text (GTK_EDITABLE (self->offset_row), offset);
  self->offset_initial = g_strdup (offset);

  return self;
}
