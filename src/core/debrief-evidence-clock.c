/* debrief-evidence-clock.c
 *
 * The clocks of evidence and citing it: a log's clock aligned by one of
 * its lines or by its boot time, clock offsets read and written for
 * people, and lines or messages cited as timeline events.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-evidence-store"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "debrief-document-private.h"
#include "debrief-evidence-store-private.h"
#include "debrief-record.h"

/* --- Clock alignment and citations ------------------------------------ */

static gboolean
find_entry (sqlite3           *db,
            const char        *uuid,
            guint64            line,
            DebriefLineEntry  *out,
            GError           **error)
{
  g_autoptr(GArray) rows = _debrief_evidence_read_index_rows (db, uuid, error);
  g_autoptr(GArray) entries = NULL;

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      DebriefIndexRow *row = &g_array_index (rows, DebriefIndexRow, i);

      if (line < row->first_line || line >= row->first_line + row->line_count)
        continue;

      if (!(entries = _debrief_evidence_read_index_entries (db, uuid, row->seq, error)))
        return FALSE;
      *out = g_array_index (entries, DebriefLineEntry, line - row->first_line);
      return TRUE;
    }

  g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_NOT_FOUND,
               _("The log has no line %" G_GUINT64_FORMAT "."), line + 1);
  return FALSE;
}

gboolean
debrief_evidence_align_line (DebriefDocument  *document,
                             DebriefEvidence  *evidence,
                             guint64           line,
                             GDateTime        *wall_clock,
                             GError          **error)
{
  DebriefLineEntry entry;
  gint64 offset_usec;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), FALSE);
  g_return_val_if_fail (wall_clock != NULL, FALSE);

  if (debrief_evidence_get_kind (evidence) != DEBRIEF_EVIDENCE_KIND_LOG)
    {
      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_UNREADABLE,
                   _("Only a log’s clock can be aligned by one of its lines."));
      return FALSE;
    }

  if (!find_entry (_debrief_document_get_db (document),
                   debrief_record_get_uuid (DEBRIEF_RECORD (evidence)), line, &entry, error))
    return FALSE;

  if (entry.usec == G_MININT64)
    {
      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_UNREADABLE,
                   _("Line %" G_GUINT64_FORMAT " has no time, nor has a line above it: choose a line with a time."),
                   line + 1);
      return FALSE;
    }

  offset_usec = debrief_date_time_to_usec (wall_clock) - entry.usec;
  /* Rounded to the nearest millisecond, halves away from zero. */
  debrief_evidence_set_clock_offset_ms (evidence,
                                        offset_usec >= 0 ? (offset_usec + 500) / 1000
                                                         : -((-offset_usec + 500) / 1000));
  return TRUE;
}

gboolean
debrief_evidence_set_boot_time (DebriefDocument  *document,
                                DebriefEvidence  *evidence,
                                GDateTime        *boot_time,
                                GError          **error)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), FALSE);
  g_return_val_if_fail (boot_time != NULL, FALSE);

  if (!debrief_evidence_get_since_boot (evidence))
    {
      g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_UNREADABLE,
                   _("“%s” has wall-clock times, not time since boot: align it by one of its lines instead."),
                   debrief_evidence_get_title (evidence));
      return FALSE;
    }

  debrief_evidence_set_clock_offset_ms (evidence, debrief_date_time_to_usec (boot_time) / 1000);
  return TRUE;
}

static char *
first_line_of (const char *text,
               gsize       max_chars)
{
  const char *start = text;
  const char *end;
  g_autofree char *line = NULL;

  while (*start == ' ' || *start == '\t' || *start == '\n' || *start == '\r')
    start++;
  end = start + strcspn (start, "\r\n");
  line = g_strndup (start, (gsize) (end - start));
  g_strstrip (line);

  if (g_utf8_strlen (line, -1) > (glong) max_chars)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, (glong) max_chars - 1);

      return g_strconcat (cut, "…", NULL);
    }

  return g_steal_pointer (&line);
}

DebriefTimelineEvent *
debrief_evidence_cite (DebriefDocument  *document,
                       DebriefEvidence  *evidence,
                       guint64           first,
                       guint64           last,
                       gint64            usec,
                       const char       *text,
                       GError          **error)
{
  g_autoptr(DebriefTimelineEvent) event = debrief_timeline_event_new ();
  g_autoptr(GDateTime) at = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  GListModel *events;
  gint64 position = 0;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (DEBRIEF_IS_EVIDENCE (evidence), NULL);
  g_return_val_if_fail (first <= last, NULL);
  g_return_val_if_fail (last <= G_MAXINT64, NULL);

  /* A clock not aligned yet says nothing of when on the incident's
   * timeline: the event gets no time rather than one in 1970. */
  if (debrief_evidence_is_on_incident_clock (evidence))
    at = debrief_date_time_new_from_usec (usec);

  title = first_line_of (text != NULL ? text : "", 120);
  if (*title == '\0')
    {
      g_free (title);
      title = g_strdup (debrief_evidence_get_title (evidence));
    }

  description = g_utf8_make_valid (text != NULL ? text : "", (gssize) MIN (strlen (text ? text : ""), 64 * 1024));

  events = debrief_document_get_records (document, DEBRIEF_TYPE_TIMELINE_EVENT);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DebriefTimelineEvent) item = g_list_model_get_item (events, i);

      position = MAX (position, debrief_timeline_event_get_position (item) + 1);
    }

  debrief_timeline_event_set_position (event, position);
  debrief_timeline_event_set_occurred_at (event, at);
  debrief_timeline_event_set_title (event, title);
  debrief_timeline_event_set_description (event, description);
  debrief_timeline_event_set_evidence_uuid (event, debrief_record_get_uuid (DEBRIEF_RECORD (evidence)));
  debrief_timeline_event_set_evidence_first (event, (gint64) first);
  debrief_timeline_event_set_evidence_last (event, (gint64) last);

  if (!debrief_document_add (document, DEBRIEF_RECORD (event), error))
    return NULL;

  return g_steal_pointer (&event);
}

gboolean
debrief_evidence_parse_offset (const char *text,
                               gint64     *out_ms)
{
  g_autofree char *unit = NULL;
  g_autofree char *trimmed = NULL;
  gint64 value;
  char *end = NULL;
  gint64 scale;

  g_return_val_if_fail (out_ms != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return FALSE;

  errno = 0;
  value = g_ascii_strtoll (trimmed, &end, 10);
  if (errno != 0 || end == trimmed)
    return FALSE;

  unit = g_strstrip (g_ascii_strdown (end, -1));
  if (*unit == '\0' || g_str_equal (unit, "ms"))
    scale = 1;
  else if (g_str_equal (unit, "s"))
    scale = 1000;
  else if (g_str_equal (unit, "m") || g_str_equal (unit, "min"))
    scale = 60 * 1000;
  else if (g_str_equal (unit, "h"))
    scale = 60 * 60 * 1000;
  else
    return FALSE;

  if (value > G_MAXINT64 / scale || value < G_MININT64 / scale)
    return FALSE;

  *out_ms = value * scale;
  return TRUE;
}

char *
debrief_evidence_format_offset (gint64 offset_ms)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint64 rest;
  guint64 days, hours, minutes, ms;

  if (offset_ms == 0)
    return g_strdup (_("none"));

  g_string_append (out, offset_ms < 0 ? "−" : "+");
  rest = offset_ms < 0 ? (guint64) -(offset_ms + 1) + 1 : (guint64) offset_ms;

  days = rest / (24 * 3600 * 1000);
  rest %= 24 * 3600 * 1000;
  hours = rest / (3600 * 1000);
  rest %= 3600 * 1000;
  minutes = rest / 60000;
  rest %= 60000;
  ms = rest;

  if (days > 0)
    g_string_append_printf (out, _("%" G_GUINT64_FORMAT " d "), days);
  if (hours > 0)
    g_string_append_printf (out, _("%" G_GUINT64_FORMAT " h "), hours);
  if (minutes > 0)
    g_string_append_printf (out, _("%" G_GUINT64_FORMAT " min "), minutes);
  if (ms > 0)
    {
      if (ms % 1000 == 0)
        g_string_append_printf (out, _("%" G_GUINT64_FORMAT " s"), ms / 1000);
      else if (ms < 1000 && out->len == 1)
        g_string_append_printf (out, _("%" G_GUINT64_FORMAT " ms"), ms);
      else
        g_string_append_printf (out, _("%" G_GUINT64_FORMAT ".%03u s"), ms / 1000, (guint) (ms % 1000));
    }

  g_strchomp (out->str);
  out->len = strlen (out->str);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
