/* test-overview-model.c
 *
 * What the Overview shows, without a window: role names, the default
 * ground rules, the invitation and its mailto: URI, the live metrics of
 * the outage and of the post-mortem's progress, and the checks of what the
 * user types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "debrief-action-item.h"
#include "debrief-evidence.h"
#include "debrief-factor.h"
#include "debrief-invitation.h"
#include "debrief-metrics.h"
#include "debrief-participant.h"
#include "debrief-phase-marker.h"
#include "debrief-roles.h"
#include "debrief-test-util.h"
#include "debrief-timeline-event.h"
#include "debrief-validation.h"

static char *data_home;

static void
add_record (DebriefDocument *document,
            gpointer         record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (debrief_document_add (document, record, &error));
  g_assert_no_error (error);
}

static void
remove_record (DebriefDocument *document,
               gpointer         record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (debrief_document_remove (document, record, &error));
  g_assert_no_error (error);
}

static void
undo (DebriefDocument *document)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (debrief_document_undo (document, &error));
  g_assert_no_error (error);
}

/* The document keeps the marker; the pointer is borrowed. */
static DebriefPhaseMarker *
add_marker (DebriefDocument   *document,
            DebriefMarkerKind  kind,
            const char        *when)
{
  g_autoptr(DebriefPhaseMarker) marker = debrief_phase_marker_new ();
  g_autoptr(GDateTime) datetime = when != NULL ? debrief_test_datetime (when) : NULL;

  debrief_phase_marker_set_kind (marker, kind);
  debrief_phase_marker_set_at (marker, datetime);
  add_record (document, marker);

  return marker;
}

static DebriefActionItem *
add_action (DebriefDocument     *document,
            const char          *title,
            DebriefActionStatus  status,
            const char          *due_date)
{
  g_autoptr(DebriefActionItem) action = debrief_action_item_new ();

  debrief_action_item_set_title (action, title);
  debrief_action_item_set_status (action, status);
  debrief_action_item_set_due_date (action, due_date);
  add_record (document, action);

  return action;
}

static DebriefParticipant *
add_participant (DebriefDocument *document,
                 const char      *name,
                 const char      *role,
                 const char      *team,
                 const char      *contact,
                 gboolean         present)
{
  g_autoptr(DebriefParticipant) participant = debrief_participant_new ();
  GListModel *participants = debrief_document_get_records (document, DEBRIEF_TYPE_PARTICIPANT);

  debrief_participant_set_position (participant, g_list_model_get_n_items (participants));
  debrief_participant_set_name (participant, name);
  debrief_participant_set_role (participant, role);
  debrief_participant_set_team (participant, team);
  debrief_participant_set_contact (participant, contact);
  debrief_participant_set_present (participant, present);
  add_record (document, participant);

  return participant;
}

static void
set_marker_at (DebriefPhaseMarker *marker,
               const char         *when)
{
  g_autoptr(GDateTime) datetime = debrief_test_datetime (when);

  debrief_phase_marker_set_at (marker, datetime);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static guint *
watch (DebriefMetrics *metrics,
       const char     *property,
       guint          *count)
{
  g_autofree char *signal = g_strdup_printf ("notify::%s", property);

  *count = 0;
  g_signal_connect (metrics, signal, G_CALLBACK (count_notify), count);

  return count;
}

#define MINUTES(n) ((gint64) (n) * 60 * G_USEC_PER_SEC)

/* --- Roles ------------------------------------------------------------ */

static void
test_roles (void)
{
  const char * const *ids = debrief_role_list_ids ();
  static const struct { const char *id; const char *name; } expected[] = {
    { "facilitator", "Facilitator" },
    { "scribe", "Scribe" },
    { "incident-commander", "Incident commander" },
    { "sme", "Subject-matter expert" },
    { "closest-to-change", "Engineer closest to the change" },
    { "executive", "Executive observer" },
    { "participant", "Participant" },
  };

  g_assert_cmpuint (g_strv_length ((char **) ids), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *from_name = debrief_role_from_text (expected[i].name);
      g_autofree char *from_id = debrief_role_from_text (expected[i].id);
      g_autofree char *upper = g_utf8_strup (expected[i].name, -1);
      g_autofree char *from_upper = debrief_role_from_text (upper);
      const char *description;

      g_assert_cmpstr (ids[i], ==, expected[i].id);
      g_assert_true (debrief_role_is_known (expected[i].id));
      g_assert_cmpstr (debrief_role_get_display_name (expected[i].id), ==, expected[i].name);

      /* What the user picks or types by name is stored as the id. */
      g_assert_cmpstr (from_name, ==, expected[i].id);
      g_assert_cmpstr (from_id, ==, expected[i].id);
      g_assert_cmpstr (from_upper, ==, expected[i].id);

      description = debrief_role_get_description (expected[i].id);
      g_assert_nonnull (description);
      g_assert_cmpuint (strlen (description), >, 20);
      g_assert_true (g_str_has_suffix (description, "."));
    }

  g_assert_nonnull (strstr (debrief_role_get_description ("facilitator"), "blameless"));
  g_assert_nonnull (strstr (debrief_role_get_description ("facilitator"), "on time"));

  /* No role yet: a participant. */
  g_assert_cmpstr (debrief_role_get_display_name (""), ==, "Participant");
  g_assert_cmpstr (debrief_role_get_display_name (NULL), ==, "Participant");
}

static void
test_custom_roles (void)
{
  g_autofree char *stored = debrief_role_from_text ("  Release manager \n");
  g_autofree char *stored_empty = debrief_role_from_text ("   ");

  g_assert_cmpstr (stored, ==, "Release manager");
  g_assert_false (debrief_role_is_known (stored));
  g_assert_cmpstr (debrief_role_get_display_name (stored), ==, "Release manager");
  g_assert_null (debrief_role_get_description (stored));

  /* Looks like an id, but is not one: shown as typed. */
  g_assert_false (debrief_role_is_known ("Scribe"));
  g_assert_cmpstr (debrief_role_get_display_name ("Scribe"), ==, "Scribe");
  g_assert_cmpstr (debrief_role_get_display_name ("on-call-engineer"), ==, "on-call-engineer");

  g_assert_cmpstr (stored_empty, ==, "");
}

/* --- Ground rules ----------------------------------------------------- */

static void
test_default_ground_rules (void)
{
  const char *rules = debrief_ground_rules_default ();
  g_auto(GStrv) lines = g_strsplit (rules, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), >=, 5);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_true (g_str_has_prefix (lines[i], "• "));
      g_assert_cmpuint (strlen (lines[i]), >, strlen ("• ") + 10);
    }

  g_assert_nonnull (strstr (rules, "systems and processes, not at individuals"));
  g_assert_nonnull (strstr (rules, "Everyone is heard"));
  g_assert_nonnull (strstr (rules, "to learn, not to punish"));
  g_assert_nonnull (strstr (rules, "good intent"));
  g_assert_nonnull (strstr (rules, "the best they could with what they knew"));
  g_assert_nonnull (strstr (rules, "timeline and the data"));
  g_assert_nonnull (strstr (rules, "No one is named as the cause"));
}

/* --- Invitation ------------------------------------------------------- */

static DebriefDocument *
new_invitation_document (void)
{
  DebriefDocument *document = debrief_test_new_document ("Grace Hopper");
  DebriefIncident *incident = debrief_document_get_incident (document);
  g_autoptr(GDateTime) review = debrief_test_datetime ("2024-03-12T13:00:00Z");

  debrief_incident_set_title (incident, "Gateway watchdog resets");
  debrief_incident_set_reference (incident, "INC-2041");
  debrief_incident_set_severity (incident, "SEV2");
  debrief_incident_set_summary (incident,
                                "\n  Gateways rebooted in a loop after firmware 4.2 was rolled out.\n"
                                "The watchdog fired during CRC checks of the image.");
  debrief_incident_set_review_at (incident, review);
  debrief_incident_set_scope_time_zone (incident, "Europe/Berlin");
  debrief_incident_set_facilitator (incident, "Grace Hopper");

  add_participant (document, "Ada Lovelace", "scribe", "Firmware", "ada@example.com", TRUE);
  add_participant (document, "Linus Example", "Release manager", "", "@linus on chat", TRUE);
  add_participant (document, "Margaret Hamilton", "sme", "Bootloader",
                   "Margaret Hamilton <margaret+pm@example.org>", TRUE);
  add_participant (document, "Bob Absent", "executive", "", "bob@example.com", FALSE);

  return document;
}

static void
test_invitation_text (void)
{
  g_autoptr(DebriefDocument) document = new_invitation_document ();
  g_autoptr(GDateTime) now = debrief_test_datetime ("2024-03-01T09:00:00Z");
  g_autofree char *text = debrief_invitation_build (document, now);
  g_autofree char *subject = debrief_invitation_build_subject (document, now);
  g_auto(GStrv) rules = g_strsplit (debrief_ground_rules_default (), "\n", -1);
  static const char * const agenda[] = {
    "1. Introductions and ground rules (",
    "2. Timeline walk-through (",
    "3. Contributing factors (",
    "4. Action items (",
    "5. Feedback on the post-mortem itself (",
  };

  /* 13:00 UTC is 14:00 in Berlin in March (CET); the test runs in UTC. */
  g_assert_nonnull (strstr (text, "When: Tuesday 12 March 2024 at 14:00 (Europe/Berlin, UTC+01:00)\n"));
  g_assert_null (strstr (text, "13:00"));
  g_assert_nonnull (strstr (text, "“Gateway watchdog resets” (INC-2041, severity SEV2)"));
  g_assert_nonnull (strstr (text, "What happened: Gateways rebooted in a loop after firmware 4.2 was rolled out.\n"));
  g_assert_null (strstr (text, "CRC checks"));

  g_assert_nonnull (strstr (text, "Agenda (about 60 minutes):"));
  for (guint i = 0; i < G_N_ELEMENTS (agenda); i++)
    g_assert_nonnull (strstr (text, agenda[i]));
  g_assert_true (strstr (text, agenda[0]) < strstr (text, agenda[4]));

  /* No ground rules of its own: the default ones. */
  g_assert_nonnull (strstr (text, "Ground rules:\n"));
  for (guint i = 0; rules[i] != NULL; i++)
    g_assert_nonnull (strstr (text, rules[i]));

  g_assert_nonnull (strstr (text, "• Ada Lovelace, Scribe (Firmware)\n"));
  g_assert_nonnull (strstr (text, "• Linus Example, Release manager\n"));
  g_assert_nonnull (strstr (text, "• Margaret Hamilton, Subject-matter expert (Bootloader)\n"));
  g_assert_null (strstr (text, "Bob Absent"));
  g_assert_null (strstr (text, "Executive observer"));

  g_assert_nonnull (strstr (text, "If you cannot attend, please reply"));
  g_assert_true (g_str_has_suffix (text, "Thank you,\nGrace Hopper\nFacilitator of the post-mortem\n"));

  g_assert_cmpstr (subject, ==, "Post-mortem: Gateway watchdog resets (INC-2041), Tuesday 12 March");

  debrief_test_close_document (g_steal_pointer (&document));
}

static void
test_invitation_time_zones (void)
{
  g_autoptr(DebriefDocument) document = new_invitation_document ();
  DebriefIncident *incident = debrief_document_get_incident (document);
  g_autoptr(GDateTime) now = debrief_test_datetime ("2024-03-01T09:00:00Z");
  g_autoptr(GDateTime) late_evening = debrief_test_datetime ("2024-03-11T23:30:00Z");
  g_autoptr(GDateTime) day_before = debrief_test_datetime ("2024-03-11T08:00:00Z");
  g_autoptr(GDateTime) next_year = debrief_test_datetime ("2025-01-02T08:00:00Z");
  g_autofree char *fixed = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *local = NULL;
  g_autofree char *today = NULL;
  g_autofree char *tomorrow = NULL;
  g_autofree char *unset = NULL;
  g_autofree char *unset_subject = NULL;
  g_autofree char *old_subject = NULL;

  debrief_incident_set_scope_time_zone (incident, "+05:30");
  fixed = debrief_invitation_build (document, now);
  g_assert_nonnull (strstr (fixed, "When: Tuesday 12 March 2024 at 18:30 (UTC+05:30)\n"));

  /* A zone the computer does not know: the local time, here UTC. */
  debrief_incident_set_scope_time_zone (incident, "Mars/Olympus");
  unknown = debrief_invitation_build (document, now);
  g_assert_nonnull (strstr (unknown, "When: Tuesday 12 March 2024 at 13:00 (UTC)\n"));

  debrief_incident_set_scope_time_zone (incident, "");
  local = debrief_invitation_build (document, now);
  g_assert_nonnull (strstr (local, "When: Tuesday 12 March 2024 at 13:00 (UTC)\n"));

  /* Whether the meeting is today or tomorrow depends on where it is: at
   * 23:30 UTC on the 11th it is already the 12th in Berlin. */
  debrief_incident_set_scope_time_zone (incident, "Europe/Berlin");
  today = debrief_invitation_build (document, late_evening);
  g_assert_nonnull (strstr (today, "When: Today, Tuesday 12 March 2024 at 14:00"));
  tomorrow = debrief_invitation_build (document, day_before);
  g_assert_nonnull (strstr (tomorrow, "When: Tomorrow, Tuesday 12 March 2024 at 14:00"));

  /* Seen from another year, the subject says which year. */
  old_subject = debrief_invitation_build_subject (document, next_year);
  g_assert_cmpstr (old_subject, ==, "Post-mortem: Gateway watchdog resets (INC-2041), Tuesday 12 March 2024");

  debrief_incident_set_review_at (incident, NULL);
  unset = debrief_invitation_build (document, now);
  unset_subject = debrief_invitation_build_subject (document, now);
  g_assert_nonnull (strstr (unset, "When: date to be agreed\n"));
  g_assert_cmpstr (unset_subject, ==, "Post-mortem: Gateway watchdog resets (INC-2041)");

  debrief_test_close_document (g_steal_pointer (&document));
}

static void
test_invitation_own_ground_rules (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Grace Hopper");
  DebriefIncident *incident = debrief_document_get_incident (document);
  g_autofree char *text = NULL;
  g_autofree char *blank_text = NULL;
  g_autofree char *subject = NULL;

  /* Nothing filled in yet: still a useful invitation. */
  blank_text = debrief_invitation_build (document, NULL);
  subject = debrief_invitation_build_subject (document, NULL);
  g_assert_nonnull (strstr (blank_text, "“Untitled Incident”."));
  g_assert_nonnull (strstr (blank_text, "When: date to be agreed"));
  g_assert_nonnull (strstr (blank_text, debrief_ground_rules_default ()));
  g_assert_null (strstr (blank_text, "What happened:"));
  g_assert_null (strstr (blank_text, "Invited"));
  g_assert_true (g_str_has_suffix (blank_text, "Thank you.\n"));
  g_assert_cmpstr (subject, ==, "Post-mortem: Untitled Incident");

  /* Blank lines only count as empty. */
  debrief_incident_set_ground_rules (incident, "\n  \n");
  g_clear_pointer (&blank_text, g_free);
  blank_text = debrief_invitation_build (document, NULL);
  g_assert_nonnull (strstr (blank_text, debrief_ground_rules_default ()));

  debrief_incident_set_ground_rules (incident, "• Phones away.\n• The data decides.\n");
  text = debrief_invitation_build (document, NULL);
  g_assert_nonnull (strstr (text, "Ground rules:\n• Phones away.\n• The data decides.\n\n"));
  g_assert_null (strstr (text, "not to punish"));

  debrief_test_close_document (g_steal_pointer (&document));
}

static char *
unescape_param (const char *param,
                const char *name)
{
  g_autofree char *prefix = g_strdup_printf ("%s=", name);

  g_assert_true (g_str_has_prefix (param, prefix));

  return g_uri_unescape_string (param + strlen (prefix), NULL);
}

static void
test_invitation_mailto_hostile_title (void)
{
  g_autoptr(DebriefDocument) document = new_invitation_document ();
  DebriefIncident *incident = debrief_document_get_incident (document);
  g_autoptr(GDateTime) now = debrief_test_datetime ("2024-03-01T09:00:00Z");
  const char *hostile = "Überhitzung\r\nBcc: evil@example.com & mailto:x?body=pwned#frag%20+";
  g_autofree char *uri = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *body_crlf = NULL;
  g_autofree char *decoded_subject = NULL;
  g_autofree char *decoded_body = NULL;
  g_auto(GStrv) halves = NULL;
  g_auto(GStrv) addresses = NULL;
  g_auto(GStrv) params = NULL;
  g_auto(GStrv) body_lines = NULL;
  g_auto(GStrv) recipients = NULL;

  debrief_incident_set_title (incident, hostile);

  uri = debrief_invitation_build_mailto (document, now);
  subject = debrief_invitation_build_subject (document, now);
  body = debrief_invitation_build (document, now);

  /* The title stays one line in the subject, with all its text. */
  g_assert_null (strchr (subject, '\n'));
  g_assert_null (strchr (subject, '\r'));
  g_assert_nonnull (strstr (subject, "Überhitzung Bcc: evil@example.com & mailto:x?body=pwned#frag%20+"));
  g_assert_nonnull (strstr (body, "“Überhitzung Bcc: evil@example.com & mailto:x?body=pwned#frag%20+”"));

  /* Nothing but printable ASCII, one query, two parameters. */
  g_assert_true (g_str_has_prefix (uri, "mailto:"));
  for (const char *p = uri; *p != '\0'; p++)
    g_assert_true (g_ascii_isgraph (*p));
  g_assert_null (strchr (uri, '#'));

  halves = g_strsplit (uri + strlen ("mailto:"), "?", -1);
  g_assert_cmpuint (g_strv_length (halves), ==, 2);

  addresses = g_strsplit (halves[0], ",", -1);
  g_assert_cmpuint (g_strv_length (addresses), ==, 2);
  for (guint i = 0; addresses[i] != NULL; i++)
    {
      g_autofree char *address = g_uri_unescape_string (addresses[i], NULL);

      g_free (addresses[i]);
      addresses[i] = g_steal_pointer (&address);
    }
  /* Linus has no e-mail address, and Bob is not coming. */
  g_assert_cmpstr (addresses[0], ==, "ada@example.com");
  g_assert_cmpstr (addresses[1], ==, "margaret+pm@example.org");

  recipients = debrief_invitation_dup_recipients (document);
  g_assert_cmpstrv (recipients, addresses);

  params = g_strsplit (halves[1], "&", -1);
  g_assert_cmpuint (g_strv_length (params), ==, 2);
  decoded_subject = unescape_param (params[0], "subject");
  decoded_body = unescape_param (params[1], "body");

  g_assert_cmpstr (decoded_subject, ==, subject);

  body_lines = g_strsplit (body, "\n", -1);
  body_crlf = g_strjoinv ("\r\n", body_lines);
  g_assert_cmpstr (decoded_body, ==, body_crlf);
  g_assert_nonnull (strstr (params[1], "%0D%0A"));

  debrief_test_close_document (g_steal_pointer (&document));
}

static void
test_invitation_recipients (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Grace Hopper");
  g_auto(GStrv) recipients = NULL;
  g_autofree char *uri = NULL;
  static const char * const expected[] = { "ada@example.com", "grace@example.org", NULL };

  add_participant (document, "Ada", "", "", "  ada@example.com ", TRUE);
  add_participant (document, "Ada again", "", "", "ADA@example.com", TRUE);
  add_participant (document, "Grace", "", "", "mailto:grace@example.org", TRUE);
  add_participant (document, "Phone", "", "", "+49 30 1234567", TRUE);
  add_participant (document, "Handle", "", "", "@someone", TRUE);
  add_participant (document, "Injected", "", "", "x@example.com?cc=evil@example.com", TRUE);
  add_participant (document, "Two", "", "", "a@example.com, b@example.com", TRUE);
  add_participant (document, "No domain", "", "", "local@host", TRUE);
  add_participant (document, "Empty", "", "", "", TRUE);

  recipients = debrief_invitation_dup_recipients (document);
  g_assert_cmpstrv (recipients, expected);

  uri = debrief_invitation_build_mailto (document, NULL);
  g_assert_true (g_str_has_prefix (uri, "mailto:ada@example.com,grace@example.org?subject="));

  debrief_test_close_document (g_steal_pointer (&document));
}

static void
test_invitation_mark_sent (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Grace Hopper");
  DebriefIncident *incident = debrief_document_get_incident (document);
  g_autoptr(GDateTime) when = debrief_test_datetime ("2024-03-05T10:15:00+01:00");
  g_autoptr(GError) error = NULL;

  g_assert_null (debrief_incident_get_ground_rules_sent_at (incident));
  g_assert_false (debrief_document_get_can_undo (document));

  g_assert_true (debrief_invitation_mark_sent (document, when, &error));
  g_assert_no_error (error);
  g_assert_nonnull (debrief_incident_get_ground_rules_sent_at (incident));
  g_assert_true (g_date_time_equal (debrief_incident_get_ground_rules_sent_at (incident), when));
  g_assert_true (debrief_document_get_modified (document));
  g_assert_true (debrief_document_get_can_undo (document));

  undo (document);
  g_assert_null (debrief_incident_get_ground_rules_sent_at (incident));

  /* Without a time: now. */
  g_assert_true (debrief_invitation_mark_sent (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (debrief_incident_get_ground_rules_sent_at (incident));

  debrief_test_close_document (g_steal_pointer (&document));
}

static void
test_invitation_mark_sent_read_only (void)
{
  g_autofree char *dir = debrief_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "incident.debrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Grace Hopper");
  g_autoptr(DebriefDocument) reader = NULL;
  g_autoptr(GDateTime) when = debrief_test_datetime ("2024-03-05T10:15:00Z");
  g_autoptr(GError) error = NULL;

  g_assert_true (debrief_document_save (document, file, NULL, &error));
  g_assert_no_error (error);
  debrief_test_close_document (g_steal_pointer (&document));

  reader = debrief_document_open (file, DEBRIEF_OPEN_FLAGS_READ_ONLY, "Ada Lovelace", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (debrief_document_get_read_only (reader));

  g_assert_false (debrief_invitation_mark_sent (reader, when, &error));
  g_assert_error (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_READ_ONLY);
  g_assert_null (debrief_incident_get_ground_rules_sent_at (debrief_document_get_incident (reader)));

  debrief_test_close_document (g_steal_pointer (&reader));
  debrief_test_remove_tree (dir);
}

/* --- Metrics ---------------------------------------------------------- */

static void
test_metrics_durations (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Grace Hopper");
  g_autoptr(DebriefMetrics) metrics = NULL;
  g_autofree char *resolve_text = NULL;

  add_marker (document, DEBRIEF_MARKER_KIND_IMPACT_START, "2024-03-04T10:30:00Z");
  add_marker (document, DEBRIEF_MARKER_KIND_IMPACT_START, "2024-03-04T10:00:00Z");
  add_marker (document, DEBRIEF_MARKER_KIND_DETECTED, "2024-03-04T11:12:00+01:00");
  add_marker (document, DEBRIEF_MARKER_KIND_ACKNOWLEDGED, "2024-03-04T10:20:00Z");
  add_marker (document, DEBRIEF_MARKER_KIND_MITIGATED, "2024-03-04T11:00:00Z");
  add_marker (document, DEBRIEF_MARKER_KIND_RESOLVED, "2024-03-04T12:14:00Z");
  /* A marker not yet placed counts for nothing. */
  add_marker (document, DEBRIEF_MARKER_KIND_RESOLVED, NULL);

  metrics = debrief_metrics_new (document);
  g_assert_true (debrief_metrics_get_document (metrics) == document);

  /* From the earliest impact-start; 11:12+01:00 is 10:12 UTC. */
  g_assert_cmpint (debrief_metrics_get_time_to_detect (metrics), ==, MINUTES (12));
  g_assert_cmpint (debrief_metrics_get_time_to_acknowledge (metrics), ==, MINUTES (8));
  g_assert_cmpint (debrief_metrics_get_time_to_mitigate (metrics), ==, MINUTES (60));
  g_assert_cmpint (debrief_metrics_get_time_to_resolve (metrics), ==, MINUTES (134));
  g_assert_cmpint (debrief_metrics_get_impact_duration (metrics), ==, MINUTES (134));

  resolve_text = debrief_metrics_format_duration (debrief_metrics_get_time_to_resolve (metrics));
  g_assert_cmpstr (resolve_text, ==, "2 h 14 min");

  g_assert_finalize_object (g_steal_pointer (&metrics));
  debrief_test_close_document (g_steal_pointer (&document));
}

static void
test_metrics_not_yet_known (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Grace Hopper");
  g_autoptr(DebriefMetrics) metrics = debrief_metrics_new (document);
  DebriefPhaseMarker *resolved;
  g_autofree char *text = NULL;

  g_assert_cmpint (debrief_metrics_get_time_to_detect (metrics), ==, -1);
  g_assert_cmpint (debrief_metrics_get_time_to_acknowledge (metrics), ==, -1);
  g_assert_cmpint (debrief_metrics_get_time_to_mitigate (metrics), ==, -1);
  g_assert_cmpint (debrief_metrics_get_time_to_resolve (metrics), ==, -1);
  g_assert_cmpint (debrief_metrics_get_impact_duration (metrics), ==, -1);
  text = debrief_metrics_format_duration (debrief_metrics_get_time_to_detect (metrics));
  g_assert_cmpstr (text, ==, "not yet known");

  /* The end of each span without its start. */
  add_marker (document, DEBRIEF_MARKER_KIND_DETECTED, "2024-03-04T10:10:00Z");
  add_marker (document, DEBRIEF_MARKER_KIND_MITIGATED, "2024-03-04T11:00:00Z");
  g_assert_cmpint (debrief_metrics_get_time_to_detect (metrics), ==, -1);
  g_assert_cmpint (debrief_metrics_get_time_to_mitigate (metrics), ==, -1);
  g_assert_cmpint (debrief_metrics_get_impact_duration (metrics), ==, -1);

  /* Not resolved yet: the impact lasted until it was mitigated. */
  add_marker (document, DEBRIEF_MARKER_KIND_IMPACT_START, "2024-03-04T10:00:00Z");
  g_assert_cmpint (debrief_metrics_get_time_to_detect (metrics), ==, MINUTES (10));
  g_assert_cmpint (debrief_metrics_get_time_to_mitigate (metrics), ==, MINUTES (60));
  g_assert_cmpint (debrief_metrics_get_time_to_resolve (metrics), ==, -1);
  g_assert_cmpint (debrief_metrics_get_impact_duration (metrics), ==, MINUTES (60));
  g_assert_cmpint (debrief_metrics_get_time_to_acknowledge (metrics), ==, -1);

  /* A resolution placed before the impact started is a mistake, not a
   * negative duration; and it does not fall back to the mitigation. */
  resolved = add_marker (document, DEBRIEF_MARKER_KIND_RESOLVED, "2024-03-04T09:00:00Z");
  g_assert_cmpint (debrief_metrics_get_time_to_resolve (metrics), ==, -1);
  g_assert_cmpint (debrief_metrics_get_impact_duration (metrics), ==, -1);
  set_marker_at (resolved, "2024-03-04T10:00:00Z");
  g_assert_cmpint (debrief_metrics_get_time_to_resolve (metrics), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&metrics));
  debrief_test_close_document (g_steal_pointer (&document));
}

static void
test_metrics_acknowledge_without_detection (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Grace Hopper");
  g_autoptr(DebriefMetrics) metrics = debrief_metrics_new (document);
  DebriefPhaseMarker *detected;

  add_marker (document, DEBRIEF_MARKER_KIND_IMPACT_START, "2024-03-04T10:00:00Z");
  add_marker (document, DEBRIEF_MARKER_KIND_ACKNOWLEDGED, "2024-03-04T10:45:00Z");
  g_assert_cmpint (debrief_metrics_get_time_to_acknowledge (metrics), ==, MINUTES (45));

  detected = add_marker (document, DEBRIEF_MARKER_KIND_DETECTED, "2024-03-04T10:30:00Z");
  g_assert_cmpint (debrief_metrics_get_time_to_acknowledge (metrics), ==, MINUTES (15));

  remove_record (document, detected);
  g_assert_cmpint (debrief_metrics_get_time_to_acknowledge (metrics), ==, MINUTES (45));

  g_assert_finalize_object (g_steal_pointer (&metrics));
  debrief_test_close_document (g_steal_pointer (&document));
}

static void
test_metrics_live (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Grace Hopper");
  g_autoptr(DebriefMetrics) metrics = debrief_metrics_new (document);
  g_autoptr(DebriefPhaseMarker) detected = NULL;
  guint detect, acknowledge, resolve;

  watch (metrics, "time-to-detect", &detect);
  watch (metrics, "time-to-acknowledge", &acknowledge);
  watch (metrics, "time-to-resolve", &resolve);

  /* Only a start: nothing known yet, nothing changed. */
  add_marker (document, DEBRIEF_MARKER_KIND_IMPACT_START, "2024-03-04T10:00:00Z");
  g_assert_cmpuint (detect, ==, 0);
  g_assert_cmpint (debrief_metrics_get_time_to_detect (metrics), ==, -1);

  detected = g_object_ref (add_marker (document, DEBRIEF_MARKER_KIND_DETECTED, "2024-03-04T10:05:00Z"));
  g_assert_cmpuint (detect, ==, 1);
  g_assert_cmpint (debrief_metrics_get_time_to_detect (metrics), ==, MINUTES (5));

  /* Its time changed. */
  set_marker_at (detected, "2024-03-04T10:20:00Z");
  g_assert_cmpuint (detect, ==, 2);
  g_assert_cmpint (debrief_metrics_get_time_to_detect (metrics), ==, MINUTES (20));

  /* The same time, or another field: no change, no notification. */
  set_marker_at (detected, "2024-03-04T10:20:00Z");
  debrief_phase_marker_set_notes (detected, "Pager alert from the fleet dashboard");
  g_assert_cmpuint (detect, ==, 2);
  g_assert_cmpuint (resolve, ==, 0);

  /* Its kind changed. */
  debrief_phase_marker_set_kind (detected, DEBRIEF_MARKER_KIND_ACKNOWLEDGED);
  g_assert_cmpuint (detect, ==, 3);
  g_assert_cmpint (debrief_metrics_get_time_to_detect (metrics), ==, -1);
  g_assert_cmpuint (acknowledge, ==, 1);
  g_assert_cmpint (debrief_metrics_get_time_to_acknowledge (metrics), ==, MINUTES (20));
  debrief_phase_marker_set_kind (detected, DEBRIEF_MARKER_KIND_DETECTED);
  g_assert_cmpuint (detect, ==, 4);
  g_assert_cmpuint (acknowledge, ==, 2);

  /* Removed: forgotten, and no longer listened to. */
  remove_record (document, detected);
  g_assert_cmpuint (detect, ==, 5);
  g_assert_cmpint (debrief_metrics_get_time_to_detect (metrics), ==, -1);
  set_marker_at (detected, "2024-03-04T10:01:00Z");
  g_assert_cmpuint (detect, ==, 5);
  g_assert_cmpint (debrief_metrics_get_time_to_detect (metrics), ==, -1);

  /* Undoing the removal brings it back, as a new record. */
  undo (document);
  g_assert_cmpuint (detect, ==, 6);
  g_assert_cmpint (debrief_metrics_get_time_to_detect (metrics), ==, MINUTES (20));

  /* Undoing an edit of its time is seen too. */
  {
    GListModel *markers = debrief_document_get_records (document, DEBRIEF_TYPE_PHASE_MARKER);
    g_autoptr(DebriefPhaseMarker) restored = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (markers) && restored == NULL; i++)
      {
        g_autoptr(DebriefPhaseMarker) marker = g_list_model_get_item (markers, i);

        if (debrief_phase_marker_get_kind (marker) == DEBRIEF_MARKER_KIND_DETECTED)
          restored = g_steal_pointer (&marker);
      }
    g_assert_nonnull (restored);

    set_marker_at (restored, "2024-03-04T10:40:00Z");
    g_assert_cmpuint (detect, ==, 7);
    g_assert_cmpint (debrief_metrics_get_time_to_detect (metrics), ==, MINUTES (40));
    undo (document);
    g_assert_cmpuint (detect, ==, 8);
    g_assert_cmpint (debrief_metrics_get_time_to_detect (metrics), ==, MINUTES (20));
  }

  /* Once the metrics are gone, changes reach nothing that was freed. */
  g_assert_finalize_object (g_steal_pointer (&metrics));
  add_marker (document, DEBRIEF_MARKER_KIND_RESOLVED, "2024-03-04T12:00:00Z");
  set_marker_at (detected, "2024-03-04T10:02:00Z");

  debrief_test_close_document (g_steal_pointer (&document));
}

static void
test_metrics_progress (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Grace Hopper");
  g_autoptr(DebriefMetrics) metrics = NULL;
  g_autoptr(DebriefEvidence) evidence = debrief_evidence_new ();
  g_autoptr(DebriefEvidence) more_evidence = debrief_evidence_new ();
  g_autoptr(DebriefFactor) factor = debrief_factor_new ();
  g_autoptr(DebriefActionItem) dropped = NULL;
  DebriefActionItem *late, *pending;
  guint n_evidence, n_events, n_factors, n_actions, n_done, n_wont_do, n_overdue, today_changes;

  add_record (document, evidence);
  add_action (document, "Add a CRC check before flashing", DEBRIEF_ACTION_STATUS_DONE, "2024-01-10");
  late = add_action (document, "Feed the watchdog during long CRC checks", DEBRIEF_ACTION_STATUS_OPEN, "2024-03-01");
  pending = add_action (document, "Stage firmware roll-outs", DEBRIEF_ACTION_STATUS_IN_PROGRESS, "2024-03-20");
  /* Kept after its removal, to change it then. */
  dropped = g_object_ref (add_action (document, "Rewrite the bootloader", DEBRIEF_ACTION_STATUS_WONT_DO, "2024-01-10"));
  add_action (document, "Document the recovery procedure", DEBRIEF_ACTION_STATUS_OPEN, "");
  add_action (document, "Review the HAL timeouts", DEBRIEF_ACTION_STATUS_OPEN, "soon");

  metrics = g_object_new (DEBRIEF_TYPE_METRICS, "document", document, "today", "2024-03-10", NULL);

  g_assert_cmpstr (debrief_metrics_get_today (metrics), ==, "2024-03-10");
  g_assert_cmpuint (debrief_metrics_get_n_evidence (metrics), ==, 1);
  g_assert_cmpuint (debrief_metrics_get_n_timeline_events (metrics), ==, 0);
  g_assert_cmpuint (debrief_metrics_get_n_factors (metrics), ==, 0);
  g_assert_cmpuint (debrief_metrics_get_n_actions (metrics), ==, 6);
  g_assert_cmpuint (debrief_metrics_get_n_actions_done (metrics), ==, 1);
  g_assert_cmpuint (debrief_metrics_get_n_actions_wont_do (metrics), ==, 1);
  /* Only the open one due on 1 March: the done and dropped ones are not
   * late, and one without a date or with a date nobody can read is not. */
  g_assert_cmpuint (debrief_metrics_get_n_actions_overdue (metrics), ==, 1);

  watch (metrics, "n-evidence", &n_evidence);
  watch (metrics, "n-timeline-events", &n_events);
  watch (metrics, "n-factors", &n_factors);
  watch (metrics, "n-actions", &n_actions);
  watch (metrics, "n-actions-done", &n_done);
  watch (metrics, "n-actions-wont-do", &n_wont_do);
  watch (metrics, "n-actions-overdue", &n_overdue);
  watch (metrics, "today", &today_changes);

  /* Records added and removed. */
  add_record (document, more_evidence);
  add_record (document, factor);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(DebriefTimelineEvent) event = debrief_timeline_event_new ();

      add_record (document, event);
    }
  g_assert_cmpuint (debrief_metrics_get_n_evidence (metrics), ==, 2);
  g_assert_cmpuint (debrief_metrics_get_n_factors (metrics), ==, 1);
  g_assert_cmpuint (debrief_metrics_get_n_timeline_events (metrics), ==, 3);
  g_assert_cmpuint (n_evidence, ==, 1);
  g_assert_cmpuint (n_factors, ==, 1);
  g_assert_cmpuint (n_events, ==, 3);
  g_assert_cmpuint (n_actions, ==, 0);

  remove_record (document, evidence);
  g_assert_cmpuint (debrief_metrics_get_n_evidence (metrics), ==, 1);
  g_assert_cmpuint (n_evidence, ==, 2);
  undo (document);
  g_assert_cmpuint (debrief_metrics_get_n_evidence (metrics), ==, 2);
  g_assert_cmpuint (n_evidence, ==, 3);

  /* A due date moved into the past. */
  debrief_action_item_set_due_date (pending, "2024-03-09");
  g_assert_cmpuint (debrief_metrics_get_n_actions_overdue (metrics), ==, 2);
  g_assert_cmpuint (n_overdue, ==, 1);
  /* Moved to today: due, not overdue. */
  debrief_action_item_set_due_date (pending, "2024-03-10");
  g_assert_cmpuint (debrief_metrics_get_n_actions_overdue (metrics), ==, 1);
  g_assert_cmpuint (n_overdue, ==, 2);

  /* The late one done. */
  debrief_action_item_set_status (late, DEBRIEF_ACTION_STATUS_DONE);
  g_assert_cmpuint (debrief_metrics_get_n_actions_done (metrics), ==, 2);
  g_assert_cmpuint (debrief_metrics_get_n_actions_overdue (metrics), ==, 0);
  g_assert_cmpuint (n_done, ==, 1);
  g_assert_cmpuint (n_overdue, ==, 3);

  /* A dropped one taken up again, and it is late. */
  debrief_action_item_set_status (dropped, DEBRIEF_ACTION_STATUS_OPEN);
  g_assert_cmpuint (debrief_metrics_get_n_actions_wont_do (metrics), ==, 0);
  g_assert_cmpuint (debrief_metrics_get_n_actions_overdue (metrics), ==, 1);
  g_assert_cmpuint (n_wont_do, ==, 1);

  /* Another day. */
  debrief_metrics_set_today (metrics, "2024-03-21");
  g_assert_cmpuint (today_changes, ==, 1);
  g_assert_cmpuint (debrief_metrics_get_n_actions_overdue (metrics), ==, 2);
  g_object_set (metrics, "today", "2024-01-01", NULL);
  g_assert_cmpuint (debrief_metrics_get_n_actions_overdue (metrics), ==, 0);
  debrief_metrics_set_today (metrics, "2024-01-01");
  g_assert_cmpuint (today_changes, ==, 2);

  /* An action removed, and its changes no longer counted. */
  remove_record (document, dropped);
  g_assert_cmpuint (debrief_metrics_get_n_actions (metrics), ==, 5);
  g_assert_cmpuint (n_actions, ==, 1);
  debrief_action_item_set_status (dropped, DEBRIEF_ACTION_STATUS_DONE);
  g_assert_cmpuint (debrief_metrics_get_n_actions_done (metrics), ==, 2);

  g_assert_finalize_object (g_steal_pointer (&metrics));
  debrief_test_close_document (g_steal_pointer (&document));
}

static void
test_metrics_today_defaults_to_local_date (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Grace Hopper");
  g_autoptr(DebriefMetrics) metrics = debrief_metrics_new (document);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *yesterday_text = g_date_time_format (yesterday, "%Y-%m-%d");
  g_autofree char *tomorrow_text = g_date_time_format (tomorrow, "%Y-%m-%d");
  g_autofree char *value = NULL;

  /* Near midnight the day can change during the test. */
  if (g_date_time_get_hour (now) == 23 && g_date_time_get_minute (now) == 59)
    {
      g_test_skip ("Too close to midnight");
      g_assert_finalize_object (g_steal_pointer (&metrics));
      debrief_test_close_document (g_steal_pointer (&document));
      return;
    }

  g_assert_cmpstr (debrief_metrics_get_today (metrics), ==, today);

  add_action (document, "Due yesterday", DEBRIEF_ACTION_STATUS_OPEN, yesterday_text);
  add_action (document, "Due today", DEBRIEF_ACTION_STATUS_OPEN, today);
  add_action (document, "Due tomorrow", DEBRIEF_ACTION_STATUS_OPEN, tomorrow_text);
  g_assert_cmpuint (debrief_metrics_get_n_actions_overdue (metrics), ==, 1);

  debrief_metrics_set_today (metrics, "2000-01-01");
  g_assert_cmpuint (debrief_metrics_get_n_actions_overdue (metrics), ==, 0);

  /* Back to following the calendar. */
  g_object_set (metrics, "today", NULL, NULL);
  g_object_get (metrics, "today", &value, NULL);
  g_assert_cmpstr (value, ==, today);
  g_assert_cmpuint (debrief_metrics_get_n_actions_overdue (metrics), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&metrics));
  debrief_test_close_document (g_steal_pointer (&document));
}

static void
test_metrics_properties (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Grace Hopper");
  g_autoptr(DebriefMetrics) metrics = NULL;
  g_autoptr(DebriefDocument) got_document = NULL;
  gint64 detect = 0;
  guint n_actions = 1;

  add_marker (document, DEBRIEF_MARKER_KIND_IMPACT_START, "2024-03-04T10:00:00Z");
  add_marker (document, DEBRIEF_MARKER_KIND_DETECTED, "2024-03-04T10:00:45Z");
  metrics = debrief_metrics_new (document);

  /* What a view binds to. */
  g_object_get (metrics,
                "document", &got_document,
                "time-to-detect", &detect,
                "n-actions", &n_actions,
                NULL);
  g_assert_true (got_document == document);
  g_assert_cmpint (detect, ==, 45 * G_USEC_PER_SEC);
  g_assert_cmpuint (n_actions, ==, 0);

  g_clear_object (&got_document);
  g_assert_finalize_object (g_steal_pointer (&metrics));
  debrief_test_close_document (g_steal_pointer (&document));
}

static void
test_format_duration (void)
{
  static const struct { gint64 usec; const char *text; } cases[] = {
    { -1, "not yet known" },
    { G_MININT64, "not yet known" },
    { 0, "0 s" },
    { 500 * 1000, "0 s" },
    { 45 * G_USEC_PER_SEC, "45 s" },
    { 60 * G_USEC_PER_SEC, "1 min" },
    { (12 * 60 + 5) * G_USEC_PER_SEC, "12 min 5 s" },
    { MINUTES (59) + 59 * G_USEC_PER_SEC, "59 min 59 s" },
    { MINUTES (60), "1 h" },
    { MINUTES (134), "2 h 14 min" },
    { MINUTES (134) + 59 * G_USEC_PER_SEC, "2 h 14 min" },
    { MINUTES (24 * 60), "1 d" },
    { MINUTES ((3 * 24 + 4) * 60 + 30), "3 d 4 h" },
    { MINUTES (3 * 24 * 60 + 30), "3 d" },
    { G_MAXINT64, "106751991 d 4 h" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = debrief_metrics_format_duration (cases[i].usec);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* --- Validation ------------------------------------------------------- */

static void
assert_sentence (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_assert_true (g_ascii_isupper (error->message[0]) || g_str_has_prefix (error->message, "“"));
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_validate_time_window (void)
{
  g_autoptr(GDateTime) start = debrief_test_datetime ("2024-03-04T10:00:00Z");
  g_autoptr(GDateTime) end = debrief_test_datetime ("2024-03-04T12:00:00Z");
  g_autoptr(GDateTime) same_in_berlin = debrief_test_datetime ("2024-03-04T11:00:00+01:00");
  g_autoptr(GError) error = NULL;

  g_assert_true (debrief_validate_time_window (start, end, &error));
  g_assert_true (debrief_validate_time_window (start, same_in_berlin, &error));
  g_assert_true (debrief_validate_time_window (NULL, end, &error));
  g_assert_true (debrief_validate_time_window (start, NULL, &error));
  g_assert_true (debrief_validate_time_window (NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (debrief_validate_time_window (end, start, &error));
  g_assert_error (error, DEBRIEF_VALIDATION_ERROR, DEBRIEF_VALIDATION_ERROR_TIME_WINDOW);
  assert_sentence (error);
  g_assert_nonnull (strstr (error->message, "ends before it starts"));

  g_assert_false (debrief_validate_time_window (end, start, NULL));
}

static void
test_validate_time_zone (void)
{
  static const char * const good[] = {
    "Europe/Berlin", "UTC", "America/Los_Angeles", "Asia/Kolkata", "+02:00", "-05:30", " Europe/Berlin ", "", "   ",
  };
  static const struct { const char *text; const char *message; } bad[] = {
    { "Mars/Olympus", "“Mars/Olympus” is not a time zone this computer knows. Use a name like Europe/Berlin or UTC." },
    { "Europe/Atlantis", "“Europe/Atlantis” is not a time zone this computer knows. Use a name like Europe/Berlin or UTC." },
    { "Berlin\nUTC", "“Berlin UTC” is not a time zone this computer knows. Use a name like Europe/Berlin or UTC." },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (debrief_validate_time_zone (good[i], &error));
      g_assert_no_error (error);
    }
  g_assert_true (debrief_validate_time_zone (NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (debrief_validate_time_zone (bad[i].text, &error));
      g_assert_error (error, DEBRIEF_VALIDATION_ERROR, DEBRIEF_VALIDATION_ERROR_TIME_ZONE);
      g_assert_cmpstr (error->message, ==, bad[i].message);
      assert_sentence (error);
      g_clear_error (&error);
    }

  /* What the invitation and the views use. */
  {
    g_autoptr(GTimeZone) berlin = debrief_time_zone_new (" Europe/Berlin");
    g_autoptr(GTimeZone) unknown = debrief_time_zone_new ("Mars/Olympus");
    g_autoptr(GTimeZone) local = g_time_zone_new_local ();

    g_assert_cmpstr (g_time_zone_get_identifier (berlin), ==, "Europe/Berlin");
    g_assert_cmpstr (g_time_zone_get_identifier (unknown), ==, g_time_zone_get_identifier (local));
  }
}

static void
test_validate_due_date (void)
{
  static const char * const good[] = { "2024-02-29", "2024-12-31", "2000-01-01", "", NULL };
  static const char * const badly_written[] = {
    "31/03/2024", "2024-3-1", "2024-03-31T00:00", " 2024-03-31", "tomorrow", "２０２４-03-31", "2024-03-3x",
  };
  static const char * const not_in_calendar[] = { "2023-02-29", "2024-13-01", "2024-04-31", "2024-00-10", "0000-01-01" };
  g_autoptr(GError) error = NULL;
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (debrief_validate_due_date (good[i], &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (badly_written); i++)
    {
      g_assert_false (debrief_validate_due_date (badly_written[i], &error));
      g_assert_error (error, DEBRIEF_VALIDATION_ERROR, DEBRIEF_VALIDATION_ERROR_DATE_FORMAT);
      assert_sentence (error);
      g_assert_nonnull (strstr (error->message, "2024-03-31"));
      g_clear_error (&error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (not_in_calendar); i++)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", not_in_calendar[i]);

      g_assert_false (debrief_validate_due_date (not_in_calendar[i], &error));
      g_assert_error (error, DEBRIEF_VALIDATION_ERROR, DEBRIEF_VALIDATION_ERROR_DATE_INVALID);
      assert_sentence (error);
      g_assert_nonnull (strstr (error->message, quoted));
      g_clear_error (&error);
    }

  /* A pasted paragraph is quoted short and on one line. */
  {
    g_autofree char *long_text = g_strnfill (500, 'x');

    long_text[20] = '\n';
    g_assert_false (debrief_validate_due_date (long_text, &error));
    assert_sentence (error);
    g_assert_cmpuint (strlen (error->message), <, 200);
    g_clear_error (&error);
  }

  g_date_clear (&date, 1);
  g_assert_true (debrief_parse_date ("2024-02-29", &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2024);
  g_assert_cmpint (g_date_get_month (&date), ==, G_DATE_FEBRUARY);
  g_assert_cmpint (g_date_get_day (&date), ==, 29);
  g_assert_false (debrief_parse_date ("", NULL));
}

static void
test_validate_severity (void)
{
  static const char * const good[] = { "SEV1", "SEV4", "P0", "Major", "  Minor  ", "", NULL };
  g_autofree char *too_long = g_strnfill (DEBRIEF_SEVERITY_MAX_CHARS + 1, 'S');
  g_autofree char *longest = g_strnfill (DEBRIEF_SEVERITY_MAX_CHARS, 'S');
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (debrief_validate_severity (good[i], &error));
      g_assert_no_error (error);
    }
  g_assert_true (debrief_validate_severity (longest, &error));
  g_assert_no_error (error);

  g_assert_false (debrief_validate_severity ("SEV1\nSEV2", &error));
  g_assert_error (error, DEBRIEF_VALIDATION_ERROR, DEBRIEF_VALIDATION_ERROR_SEVERITY);
  assert_sentence (error);
  g_clear_error (&error);

  g_assert_false (debrief_validate_severity (too_long, &error));
  g_assert_error (error, DEBRIEF_VALIDATION_ERROR, DEBRIEF_VALIDATION_ERROR_SEVERITY);
  assert_sentence (error);
  g_assert_nonnull (strstr (error->message, "32"));
  g_clear_error (&error);
}

/* Issue 10 #4: a review meeting set to 10:00 while the incident had no
 * time zone became "11:00 CET" when Europe/Berlin was chosen. A typed
 * time keeps its wall clock; a recorded instant keeps its instant; the
 * change is one step to undo. */
static void
test_meeting_time_keeps_wall_clock_on_zone_change (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Grace Hopper");
  DebriefIncident *incident = debrief_document_get_incident (document);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) meeting = g_date_time_new (local, 2026, 3, 20, 10, 0, 0);
  g_autoptr(GDateTime) start = g_date_time_new (local, 2026, 3, 14, 9, 30, 0);
  g_autoptr(GDateTime) end = g_date_time_new (local, 2026, 3, 14, 12, 0, 0);
  g_autoptr(GDateTime) detected = g_date_time_new_utc (2026, 3, 14, 9, 41, 0);
  g_autofree char *meeting_wall = NULL;
  g_autofree char *start_wall = NULL;
  g_autofree char *end_wall = NULL;
  g_autofree char *undone = NULL;

  debrief_incident_set_review_at (incident, meeting);
  debrief_incident_set_scope_start (incident, start);
  debrief_incident_set_scope_end (incident, end);
  debrief_incident_set_detected_at (incident, detected);

  /* Typed a letter at a time, as in the field. */
  {
    const char *name = "Europe/Berlin";

    for (gsize i = 1; i <= strlen (name); i++)
      {
        g_autofree char *typed = g_strndup (name, i);

        debrief_incident_change_time_zone (incident, typed);
      }
  }

  g_assert_cmpstr (debrief_incident_get_scope_time_zone (incident), ==, "Europe/Berlin");
  meeting_wall = debrief_test_wall_clock (debrief_incident_get_review_at (incident), "Europe/Berlin");
  start_wall = debrief_test_wall_clock (debrief_incident_get_scope_start (incident), "Europe/Berlin");
  end_wall = debrief_test_wall_clock (debrief_incident_get_scope_end (incident), "Europe/Berlin");
  g_assert_cmpstr (meeting_wall, ==, "2026-03-20 10:00");
  g_assert_cmpstr (start_wall, ==, "2026-03-14 09:30");
  g_assert_cmpstr (end_wall, ==, "2026-03-14 12:00");
  g_assert_true (g_date_time_equal (debrief_incident_get_detected_at (incident), detected));

  /* Another zone again: still 10:00, there. */
  debrief_incident_change_time_zone (incident, "America/New_York");
  g_clear_pointer (&meeting_wall, g_free);
  meeting_wall = debrief_test_wall_clock (debrief_incident_get_review_at (incident), "America/New_York");
  g_assert_cmpstr (meeting_wall, ==, "2026-03-20 10:00");

  /* Undo takes the zone and the times back together. */
  undo (document);
  g_assert_cmpstr (debrief_incident_get_scope_time_zone (incident), ==, "Europe/Berlin");
  undone = debrief_test_wall_clock (debrief_incident_get_review_at (incident), "Europe/Berlin");
  g_assert_cmpstr (undone, ==, "2026-03-20 10:00");
}

/* Issue 10: a picker opened at today, nine clicks from last March. An
 * empty time window starts at the incident's start, else the evidence's
 * first time; its end at its start; the meeting at the incident's end. */
static void
test_pickers_open_near_the_incident (void)
{
  g_autoptr(DebriefDocument) document = debrief_test_new_document ("Grace Hopper");
  DebriefIncident *incident = debrief_document_get_incident (document);
  g_autoptr(DebriefEvidence) evidence = debrief_evidence_new ();
  g_autoptr(GDateTime) first = g_date_time_new_utc (2025, 3, 14, 2, 11, 0);
  g_autoptr(GDateTime) last = g_date_time_new_utc (2025, 3, 14, 4, 0, 0);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2025, 3, 14, 1, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new_utc (2025, 3, 15, 1, 0, 0);
  g_autoptr(GDateTime) suggested = NULL;

  /* Nothing known: today, as before. */
  g_assert_null (debrief_incident_dup_suggested_time (incident, "scope-start"));
  g_assert_null (debrief_incident_dup_suggested_time (incident, "review-at"));

  debrief_evidence_set_title (evidence, "gateway.log");
  debrief_evidence_set_first_at (evidence, first);
  debrief_evidence_set_last_at (evidence, last);
  add_record (document, evidence);

  suggested = debrief_incident_dup_suggested_time (incident, "scope-start");
  g_assert_true (g_date_time_equal (suggested, first));
  g_clear_pointer (&suggested, g_date_time_unref);
  suggested = debrief_incident_dup_suggested_time (incident, "review-at");
  g_assert_true (g_date_time_equal (suggested, last));
  g_clear_pointer (&suggested, g_date_time_unref);

  debrief_incident_set_scope_start (incident, start);
  suggested = debrief_incident_dup_suggested_time (incident, "scope-end");
  g_assert_true (g_date_time_equal (suggested, start));
  g_clear_pointer (&suggested, g_date_time_unref);

  debrief_incident_set_scope_end (incident, end);
  suggested = debrief_incident_dup_suggested_time (incident, "review-at");
  g_assert_true (g_date_time_equal (suggested, end));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* The expected texts are in English, with times in UTC. */
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "", TRUE);

  data_home = debrief_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debrief/overview/roles/display-names", test_roles);
  g_test_add_func ("/debrief/overview/roles/custom", test_custom_roles);
  g_test_add_func ("/debrief/overview/ground-rules/default", test_default_ground_rules);
  g_test_add_func ("/debrief/overview/invitation/text", test_invitation_text);
  g_test_add_func ("/debrief/overview/invitation/time-zones", test_invitation_time_zones);
  g_test_add_func ("/debrief/overview/invitation/own-ground-rules", test_invitation_own_ground_rules);
  g_test_add_func ("/debrief/overview/invitation/mailto-hostile-title", test_invitation_mailto_hostile_title);
  g_test_add_func ("/debrief/overview/invitation/recipients", test_invitation_recipients);
  g_test_add_func ("/debrief/overview/invitation/mark-sent", test_invitation_mark_sent);
  g_test_add_func ("/debrief/overview/invitation/mark-sent-read-only", test_invitation_mark_sent_read_only);
  g_test_add_func ("/debrief/overview/metrics/durations", test_metrics_durations);
  g_test_add_func ("/debrief/overview/metrics/not-yet-known", test_metrics_not_yet_known);
  g_test_add_func ("/debrief/overview/metrics/acknowledge-without-detection", test_metrics_acknowledge_without_detection);
  g_test_add_func ("/debrief/overview/metrics/live", test_metrics_live);
  g_test_add_func ("/debrief/overview/metrics/progress", test_metrics_progress);
  g_test_add_func ("/debrief/overview/metrics/today-defaults-to-local-date", test_metrics_today_defaults_to_local_date);
  g_test_add_func ("/debrief/overview/metrics/properties", test_metrics_properties);
  g_test_add_func ("/debrief/overview/metrics/format-duration", test_format_duration);
  g_test_add_func ("/debrief/overview/validation/time-window", test_validate_time_window);
  g_test_add_func ("/debrief/overview/validation/time-zone", test_validate_time_zone);
  g_test_add_func ("/debrief/overview/validation/due-date", test_validate_due_date);
  g_test_add_func ("/debrief/overview/validation/severity", test_validate_severity);
  g_test_add_func ("/debrief/overview/meeting-time-keeps-wall-clock-on-zone-change",
                   test_meeting_time_keeps_wall_clock_on_zone_change);
  g_test_add_func ("/debrief/overview/pickers-open-near-the-incident", test_pickers_open_near_the_incident);

  ret = g_test_run ();

  debrief_test_remove_tree (data_home);
  g_free (data_home);

  return ret;
}
