/* debrief-invitation.c
 *
 * The invitation a facilitator sends before the post-mortem: when it is,
 * what it is about, the agenda, the ground rules and who takes which role.
 *
 * Everything in it comes from the incident file, which anyone may have
 * edited: fields meant to be one line are kept to one line, so that a title
 * cannot add lines to a subject or headers to a mailto: URI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-invitation"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "debrief-invitation.h"
#include "debrief-participant.h"
#include "debrief-roles.h"
#include "debrief-validation.h"

/* A summary is quoted in one line of the invitation; the whole of it is in
 * the document. */
#define SUMMARY_MAX_CHARS 240

typedef struct
{
  const char *item;
  guint       minutes;
} AgendaItem;

/* The usual shape of a one-hour post-mortem: most of the time goes to
 * understanding what happened before anyone discusses what to change. */
static const AgendaItem agenda[] = {
  { N_("Introductions and ground rules"), 5 },
  { N_("Timeline walk-through"), 20 },
  { N_("Contributing factors"), 15 },
  { N_("Action items"), 15 },
  { N_("Feedback on the post-mortem itself"), 5 },
};

static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* One line of text: control characters become spaces, runs of spaces one,
 * and bidi overrides that could disguise a name are dropped. */
static char *
one_line (const char *text,
          guint       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autoptr(GString) clean = g_string_new (NULL);
  gboolean space = FALSE;
  guint n_chars = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_bidi_control (c))
        continue;

      if (g_unichar_iscntrl (c) || g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }

      if (max_chars > 0 && n_chars == max_chars)
        {
          g_string_append (clean, "…");
          break;
        }

      if (space && clean->len > 0)
        {
          g_string_append_c (clean, ' ');
          n_chars++;
        }
      space = FALSE;

      g_string_append_unichar (clean, c);
      n_chars++;
    }

  return g_string_free (g_steal_pointer (&clean), FALSE);
}

/* Text of several lines, such as the ground rules: the same, but line
 * breaks stay (as \n) and blank lines at either end go. */
static char *
several_lines (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_auto(GStrv) lines = g_strsplit (valid, "\n", -1);
  g_autoptr(GString) clean = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = one_line (lines[i], 0);

      if (clean->len > 0 || *line != '\0')
        g_string_append_printf (clean, "%s\n", line);
    }

  while (clean->len > 0 && clean->str[clean->len - 1] == '\n')
    g_string_truncate (clean, clean->len - 1);

  return g_string_free (g_steal_pointer (&clean), FALSE);
}

static char *
first_line (const char *text,
            guint       max_chars)
{
  g_autofree char *lines = several_lines (text);
  const char *end = strchr (lines, '\n');
  g_autofree char *line = g_strndup (lines, end != NULL ? (gsize) (end - lines) : strlen (lines));

  return one_line (line, max_chars);
}

static char *
incident_title (DebriefIncident *incident)
{
  g_autofree char *title = one_line (debrief_incident_get_title (incident), 0);

  if (*title == '\0')
    return g_strdup (_("Untitled Incident"));

  return g_steal_pointer (&title);
}

/* The review time as the participants should read it: in the incident's
 * time zone if it names one, else in local time. *zone_label says which,
 * for the reader, e.g. "Europe/Berlin, UTC+01:00". */
static GDateTime *
dup_review_time (DebriefIncident  *incident,
                 char            **zone_label)
{
  GDateTime *review = debrief_incident_get_review_at (incident);
  g_autofree char *identifier = g_strstrip (g_strdup (debrief_incident_get_scope_time_zone (incident)));
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) shown = NULL;
  g_autofree char *offset = NULL;
  const char *name;

  if (review == NULL)
    return NULL;

  if (*identifier != '\0')
    zone = g_time_zone_new_identifier (identifier);

  if (zone != NULL)
    name = g_time_zone_get_identifier (zone);
  else
    {
      zone = g_time_zone_new_local ();
      name = NULL;
    }

  /* NULL when the zone moves it out of the years GDateTime can hold. */
  shown = g_date_time_to_timezone (review, zone);
  if (shown == NULL)
    {
      shown = g_date_time_ref (review);
      name = NULL;
    }

  if (name == NULL)
    name = g_date_time_get_timezone_abbreviation (shown);

  offset = g_date_time_format (shown, "UTC%:z");

  if (zone_label != NULL)
    {
      /* "+02:00" and zones without an abbreviation would only repeat the
       * offset; "UTC" is clear on its own. */
      if (g_str_equal (name, "UTC") && g_date_time_get_utc_offset (shown) == 0)
        *zone_label = g_strdup ("UTC");
      else if (*name == '\0' || *name == '+' || *name == '-' || g_str_equal (name, "UTC"))
        *zone_label = g_steal_pointer (&offset);
      else
        *zone_label = g_strdup_printf ("%s, %s", name, offset);
    }

  return g_steal_pointer (&shown);
}

static int
days_between (GDateTime *from,
              GDateTime *to)
{
  g_autoptr(GDateTime) from_there = g_date_time_to_timezone (from, g_date_time_get_timezone (to));
  GDate a, b;
  int year, month, day;

  if (from_there == NULL)
    return G_MININT;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_time_get_ymd (from_there, &year, &month, &day);
  g_date_set_dmy (&a, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  g_date_time_get_ymd (to, &year, &month, &day);
  g_date_set_dmy (&b, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return g_date_days_between (&a, &b);
}

static char *
format_when (DebriefIncident *incident,
             GDateTime       *now)
{
  g_autofree char *zone_label = NULL;
  g_autoptr(GDateTime) shown = dup_review_time (incident, &zone_label);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *when = NULL;
  int days;

  if (shown == NULL)
    return g_strdup (_("date to be agreed"));

  /* Translators: the day of the post-mortem meeting, in the format of
   * g_date_time_format(), e.g. "Tuesday 12 March 2024" */
  date = g_date_time_format (shown, _("%A %-d %B %Y"));
  /* Translators: the time the post-mortem meeting starts, in the format of
   * g_date_time_format(), e.g. "14:00" */
  time = g_date_time_format (shown, _("%H:%M"));
  /* Translators: the day, the time and the time zone of the meeting, e.g.
   * "Tuesday 12 March 2024 at 14:00 (Europe/Berlin, UTC+01:00)" */
  when = g_strdup_printf (_("%s at %s (%s)"), date, time, zone_label);

  days = days_between (now, shown);
  if (days == 0)
    return g_strdup_printf (_("Today, %s"), when);
  if (days == 1)
    return g_strdup_printf (_("Tomorrow, %s"), when);

  return g_steal_pointer (&when);
}

static GDateTime *
dup_now (GDateTime *now)
{
  return now != NULL ? g_date_time_ref (now) : g_date_time_new_now_local ();
}

/**
 * debrief_invitation_build_subject:
 * @document: a #DebriefDocument
 * @now: (nullable): the current time, %NULL for the clock's
 *
 * Returns: (transfer full): the one-line subject of the invitation, with the
 *   incident's title and reference and the day of the meeting if it is set
 */
char *
debrief_invitation_build_subject (DebriefDocument *document,
                                  GDateTime       *now)
{
  DebriefIncident *incident;
  g_autoptr(GDateTime) current = NULL;
  g_autoptr(GDateTime) shown = NULL;
  g_autofree char *title = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *label = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), NULL);

  incident = debrief_document_get_incident (document);
  current = dup_now (now);
  title = incident_title (incident);
  reference = one_line (debrief_incident_get_reference (incident), 0);

  if (*reference != '\0')
    /* Translators: an incident's title and its reference, e.g.
     * "Gateway watchdog resets (INC-2041)" */
    label = g_strdup_printf (_("%s (%s)"), title, reference);
  else
    label = g_strdup (title);

  shown = dup_review_time (incident, NULL);
  if (shown == NULL)
    /* Translators: the subject of the invitation; %s is the incident */
    return g_strdup_printf (_("Post-mortem: %s"), label);

  if (g_date_time_get_year (shown) == g_date_time_get_year (current))
    /* Translators: the day of the meeting in the subject, in the format of
     * g_date_time_format(), when it is this year, e.g. "Tuesday 12 March" */
    date = g_date_time_format (shown, _("%A %-d %B"));
  else
    date = g_date_time_format (shown, _("%A %-d %B %Y"));

  /* Translators: the subject of the invitation; the incident, then the day
   * of the meeting */
  return g_strdup_printf (_("Post-mortem: %s, %s"), label, date);
}

static void
append_participants (GString         *body,
                     DebriefDocument *document)
{
  GListModel *participants = debrief_document_get_records (document, DEBRIEF_TYPE_PARTICIPANT);
  guint n_items = g_list_model_get_n_items (participants);
  gboolean any = FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DebriefParticipant) participant = g_list_model_get_item (participants, i);
      g_autofree char *name = NULL;
      g_autofree char *role = NULL;
      g_autofree char *team = NULL;

      if (!debrief_participant_get_present (participant))
        continue;

      name = one_line (debrief_participant_get_name (participant), 0);
      if (*name == '\0')
        {
          g_free (name);
          name = one_line (debrief_participant_get_contact (participant), 0);
        }
      if (*name == '\0')
        continue;

      if (!any)
        {
          g_string_append_printf (body, "%s\n", _("Invited, with the role each of you takes:"));
          any = TRUE;
        }

      role = one_line (debrief_role_get_display_name (debrief_participant_get_role (participant)), 0);
      team = one_line (debrief_participant_get_team (participant), 0);

      if (*team != '\0')
        /* Translators: one person invited: name, role, team, e.g.
         * "• Ada Lovelace, Scribe (Firmware)" */
        g_string_append_printf (body, _("• %s, %s (%s)"), name, role, team);
      else
        /* Translators: one person invited: name and role, e.g.
         * "• Ada Lovelace, Scribe" */
        g_string_append_printf (body, _("• %s, %s"), name, role);
      g_string_append_c (body, '\n');
    }

  if (any)
    g_string_append_c (body, '\n');
}

/**
 * debrief_invitation_build:
 * @document: a #DebriefDocument
 * @now: (nullable): the current time, %NULL for the clock's
 *
 * Builds the text of the invitation to the post-mortem: when it is (in the
 * incident's time zone if it has a valid one, else in local time), what
 * the incident is, the agenda with rough minutes, the ground rules (the
 * incident's, or debrief_ground_rules_default()), each participant marked
 * present with the role they take, how to decline, and the facilitator's
 * name. Lines end with "\n".
 *
 * Returns: (transfer full): the text of the invitation
 */
char *
debrief_invitation_build (DebriefDocument *document,
                          GDateTime       *now)
{
  DebriefIncident *incident;
  g_autoptr(GDateTime) current = NULL;
  g_autoptr(GString) body = NULL;
  g_autoptr(GPtrArray) details = NULL;
  g_autofree char *title = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *severity = NULL;
  g_autofree char *when = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *rules = NULL;
  g_autofree char *facilitator = NULL;
  guint total_minutes = 0;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), NULL);

  incident = debrief_document_get_incident (document);
  current = dup_now (now);
  body = g_string_new (NULL);

  title = incident_title (incident);
  reference = one_line (debrief_incident_get_reference (incident), 0);
  severity = one_line (debrief_incident_get_severity (incident), 0);
  when = format_when (incident, current);
  summary = first_line (debrief_incident_get_summary (incident), SUMMARY_MAX_CHARS);
  rules = several_lines (debrief_incident_get_ground_rules (incident));
  facilitator = one_line (debrief_incident_get_facilitator (incident), 0);

  g_string_append_printf (body, "%s\n\n", _("Hello,"));

  details = g_ptr_array_new_with_free_func (g_free);
  if (*reference != '\0')
    g_ptr_array_add (details, g_strdup (reference));
  if (*severity != '\0')
    /* Translators: the severity of the incident, e.g. "severity SEV2" */
    g_ptr_array_add (details, g_strdup_printf (_("severity %s"), severity));
  g_ptr_array_add (details, NULL);

  if (details->len > 1)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) details->pdata);

      /* Translators: the incident's title, then its reference and severity,
       * e.g. "… of “Gateway watchdog resets” (INC-2041, severity SEV2)." */
      g_string_append_printf (body, _("You are invited to the blameless post-mortem of “%s” (%s)."),
                              title, joined);
    }
  else
    g_string_append_printf (body, _("You are invited to the blameless post-mortem of “%s”."), title);
  g_string_append (body, "\n\n");

  /* Translators: when the meeting is, e.g. "When: Tuesday 12 March 2024 at
   * 14:00 (Europe/Berlin, UTC+01:00)" or "When: date to be agreed" */
  g_string_append_printf (body, _("When: %s"), when);
  g_string_append_c (body, '\n');
  if (*summary != '\0')
    {
      /* Translators: a one-line summary of the incident */
      g_string_append_printf (body, _("What happened: %s"), summary);
      g_string_append_c (body, '\n');
    }
  g_string_append_c (body, '\n');

  g_string_append_printf (body, "%s\n\n",
                          _("We meet to understand how the incident happened and how our systems "
                            "and processes can make the next one less likely, not to find someone to blame."));

  for (guint i = 0; i < G_N_ELEMENTS (agenda); i++)
    total_minutes += agenda[i].minutes;

  g_string_append_printf (body,
                          ngettext ("Agenda (about %u minute):", "Agenda (about %u minutes):", total_minutes),
                          total_minutes);
  g_string_append_c (body, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (agenda); i++)
    {
      /* Translators: one item of the agenda: its number, what, and how
       * many minutes, e.g. "2. Timeline walk-through (20 min)" */
      g_string_append_printf (body, _("%u. %s (%u min)"), i + 1, _(agenda[i].item), agenda[i].minutes);
      g_string_append_c (body, '\n');
    }
  g_string_append_c (body, '\n');

  g_string_append_printf (body, "%s\n%s\n\n",
                          _("Ground rules:"),
                          *rules != '\0' ? rules : debrief_ground_rules_default ());

  append_participants (body, document);

  g_string_append_printf (body, "%s\n\n",
                          _("If you cannot attend, please reply to say so, and if you can, "
                            "suggest someone who could speak for your part of the incident."));

  if (*facilitator != '\0')
    {
      g_string_append_printf (body, "%s\n%s\n", _("Thank you,"), facilitator);
      /* Translators: under the facilitator's name, at the end of the invitation */
      g_string_append_printf (body, "%s\n", _("Facilitator of the post-mortem"));
    }
  else
    g_string_append_printf (body, "%s\n", _("Thank you."));

  return g_string_free (g_steal_pointer (&body), FALSE);
}

static gboolean
is_address_char (char c)
{
  return g_ascii_isgraph (c) && strchr ("()<>[]:;@\\,\"", c) == NULL;
}

/* The e-mail address in a participant's contact, if it has one: a bare
 * address, "mailto:address" or "Name <address>". Chat handles, phone
 * numbers and the like are left out of the mailto: URI. */
static char *
contact_address (const char *contact)
{
  g_autofree char *text = g_strstrip (g_strdup (contact != NULL ? contact : ""));
  const char *address = text;
  char *open = strrchr (text, '<');
  const char *at;
  const char *domain;
  char *end;

  if (open != NULL && (end = strchr (open, '>')) != NULL && end[1] == '\0')
    {
      *end = '\0';
      address = open + 1;
    }

  if (g_ascii_strncasecmp (address, "mailto:", 7) == 0)
    address += 7;

  at = strchr (address, '@');
  if (at == NULL || at == address || strchr (at + 1, '@') != NULL)
    return NULL;

  for (const char *p = address; p < at; p++)
    {
      if (!is_address_char (*p))
        return NULL;
    }

  domain = at + 1;
  if (*domain == '\0' || *domain == '.' || *domain == '-' ||
      domain[strlen (domain) - 1] == '.' || strchr (domain, '.') == NULL ||
      strstr (domain, "..") != NULL)
    return NULL;

  for (const char *p = domain; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.')
        return NULL;
    }

  return g_strdup (address);
}

/**
 * debrief_invitation_dup_recipients:
 * @document: a #DebriefDocument
 *
 * Returns: (transfer full) (array zero-terminated=1): the e-mail addresses
 *   of the participants marked present whose contact has one, in their
 *   order, each once
 */
char **
debrief_invitation_dup_recipients (DebriefDocument *document)
{
  GListModel *participants;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GHashTable) seen = NULL;
  guint n_items;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), NULL);

  participants = debrief_document_get_records (document, DEBRIEF_TYPE_PARTICIPANT);
  n_items = g_list_model_get_n_items (participants);
  builder = g_strv_builder_new ();
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DebriefParticipant) participant = g_list_model_get_item (participants, i);
      g_autofree char *address = NULL;

      if (!debrief_participant_get_present (participant))
        continue;

      address = contact_address (debrief_participant_get_contact (participant));
      if (address == NULL)
        continue;

      if (!g_hash_table_add (seen, g_ascii_strdown (address, -1)))
        continue;

      g_strv_builder_add (builder, address);
    }

  return g_strv_builder_end (builder);
}

/**
 * debrief_invitation_build_mailto:
 * @document: a #DebriefDocument
 * @now: (nullable): the current time, %NULL for the clock's
 *
 * Builds a `mailto:` URI (RFC 6068) that opens the invitation in the
 * user's mail program: addressed to debrief_invitation_dup_recipients(),
 * with debrief_invitation_build_subject() and debrief_invitation_build()
 * percent-encoded, line breaks as %0D%0A.
 *
 * Returns: (transfer full): the URI
 */
char *
debrief_invitation_build_mailto (DebriefDocument *document,
                                 GDateTime       *now)
{
  g_auto(GStrv) recipients = NULL;
  g_autoptr(GString) uri = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) body_lines = NULL;
  g_autofree char *body_crlf = NULL;
  g_autofree char *subject_escaped = NULL;
  g_autofree char *body_escaped = NULL;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), NULL);

  recipients = debrief_invitation_dup_recipients (document);
  subject = debrief_invitation_build_subject (document, now);
  body = debrief_invitation_build (document, now);

  body_lines = g_strsplit (body, "\n", -1);
  body_crlf = g_strjoinv ("\r\n", body_lines);

  uri = g_string_new ("mailto:");
  for (guint i = 0; recipients[i] != NULL; i++)
    {
      g_autofree char *escaped = g_uri_escape_string (recipients[i], "@", FALSE);

      if (i > 0)
        g_string_append_c (uri, ',');
      g_string_append (uri, escaped);
    }

  subject_escaped = g_uri_escape_string (subject, NULL, FALSE);
  body_escaped = g_uri_escape_string (body_crlf, NULL, FALSE);

  g_string_append_printf (uri, "?subject=%s&body=%s", subject_escaped, body_escaped);

  return g_string_free (g_steal_pointer (&uri), FALSE);
}

static void
on_edit_failed (DebriefDocument *document,
                const GError    *error,
                gpointer         user_data)
{
  GError **failure = user_data;

  if (*failure == NULL)
    *failure = g_error_copy (error);
}

/**
 * debrief_invitation_mark_sent:
 * @document: a #DebriefDocument
 * @when: (nullable): when the invitation was sent, %NULL for now
 * @error: a location for a #GError
 *
 * Records that the invitation with the ground rules was sent, in the
 * incident's ground-rules-sent-at, as an ordinary edit that can be undone.
 *
 * Returns: %TRUE if it was recorded
 */
gboolean
debrief_invitation_mark_sent (DebriefDocument  *document,
                              GDateTime        *when,
                              GError          **error)
{
  g_autoptr(GDateTime) sent_at = NULL;
  g_autoptr(GError) failure = NULL;
  gulong handler;

  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Setting the property would change the incident in memory and only then
   * find that the file cannot take it. */
  if (debrief_document_get_read_only (document))
    {
      g_set_error_literal (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_READ_ONLY,
                           _("The incident document is open read-only."));
      return FALSE;
    }

  sent_at = when != NULL ? g_date_time_ref (when) : g_date_time_new_now_utc ();

  /* A property setter has no GError; the document reports a failed write
   * with this signal. */
  handler = g_signal_connect (document, "edit-failed", G_CALLBACK (on_edit_failed), &failure);
  debrief_incident_set_ground_rules_sent_at (debrief_document_get_incident (document), sent_at);
  g_signal_handler_disconnect (document, handler);

  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      return FALSE;
    }

  return TRUE;
}
