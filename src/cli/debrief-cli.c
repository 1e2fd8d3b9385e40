/* debrief-cli.c
 *
 * The headless command line: --check, --export-json, --import-json,
 * --add-evidence, --search and --merged-log.
 *
 * DebriefApplication forwards its local options here. They are handled
 * before the application registers or starts up, so they need neither a
 * display nor a D-Bus session, and run beside an open Debrief.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-cli"

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>

#include "debrief-cli.h"
#include "debrief-evidence-store.h"
#include "debrief-import-job.h"
#include "debrief-json.h"
#include "debrief-json-export.h"
#include "debrief-lock.h"
#include "debrief-merged-log.h"
#include "debrief-evidence-kind.h"
#include "debrief-document-info.h"
#include "debrief-user.h"

static const GOptionEntry main_entries[] = {
  { "check", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Check an incident document and print a report"), NULL },
  { "export-json", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Export an incident document as JSON"), NULL },
  { "import-json", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Make an incident document from a JSON export"), NULL },
  { "add-evidence", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Import evidence files into an incident document"), NULL },
  { "search", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Search the evidence of an incident document"), NULL },
  { "merged-log", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Write every log line of an incident, merged by aligned time"), NULL },
  { "kind", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --add-evidence: the kind of the files (log, metrics, chat, report, image, other)"), N_("KIND") },
  { "clock-offset", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --add-evidence: time to add to the files’ clocks, such as 1500, -2s, +3m or 1h (default unit: ms)"), N_("OFFSET") },
  { "boot-time", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --add-evidence: when the device booted, for clocks that count from boot (ISO 8601)"), N_("TIME") },
  { "force", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --add-evidence: add the files although the incident is open in Debrief elsewhere"), NULL },
  { "match-case", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --search: match upper and lower case exactly"), NULL },
  { "output", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("With --merged-log: the file to write (default: standard output)"), N_("OUT") },
  { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    NULL, NULL },
  G_OPTION_ENTRY_NULL
};

typedef struct
{
  const char *member;
  const char *label;
} CountLabel;

/* What the report calls each kind of record, by its JSON member. */
static const CountLabel count_labels[] = {
  { "scope_items", N_("Scope items") },
  { "participants", N_("Participants") },
  { "evidence", N_("Evidence items") },
  { "timeline_events", N_("Timeline events") },
  { "phase_markers", N_("Phase markers") },
  { "factors", N_("Contributing factors") },
  { "action_items", N_("Action items") },
  { "meeting_notes", N_("Meeting notes") },
  { "feedback", N_("Feedback") },
  { "revisions", N_("Saved revisions") },
};

static const char *
commands (void)
{
  return _("  debrief [FILE…]                  open incident documents\n"
           "  debrief --check FILE             check a document and print a report\n"
           "  debrief --export-json FILE OUT   export a document as JSON (OUT “-”: standard output)\n"
           "  debrief --import-json IN OUT     make a new document OUT from a JSON export\n"
           "                                   (IN “-”: standard input)\n"
           "  debrief --add-evidence FILE EVIDENCE…\n"
           "                                   import evidence files (FILE is made if missing);\n"
           "                                   also --kind, --clock-offset, --boot-time, --force\n"
           "  debrief --search FILE QUERY      print the evidence lines that contain QUERY\n"
           "  debrief --merged-log FILE [-o OUT]\n"
           "                                   every log line, merged by aligned time");
}

/**
 * debrief_cli_add_main_options:
 * @application: the application
 *
 * Adds the command-line tools to the options @application understands.
 * Plain file arguments still open the files, as they do without them.
 */
void
debrief_cli_add_main_options (GApplication *application)
{
  g_autofree char *summary = NULL;

  g_return_if_fail (G_IS_APPLICATION (application));

  g_application_add_main_option_entries (application, main_entries);
  g_application_set_option_context_parameter_string (application, _("[FILE…]"));
  summary = g_strdup_printf ("%s\n%s", _("Open incident documents, or work with them without a window:"), commands ());
  g_application_set_option_context_summary (application, summary);
}

static int
usage_error (const char *message)
{
  g_printerr ("%s: %s\n%s\n%s\n", g_get_prgname (), message, _("Usage:"), commands ());

  return DEBRIEF_CLI_EXIT_USAGE;
}

/* Prints @error for @name and returns the exit status it means. */
static int
report_error (const char   *name,
              const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_printerr ("%s: %s\n", name, _("There is no such file."));
  else
    g_printerr ("%s: %s\n", name, error->message);

  if (error->domain == G_IO_ERROR ||
      g_error_matches (error, DEBRIEF_DOCUMENT_ERROR, DEBRIEF_DOCUMENT_ERROR_WRITE_FAILED))
    return DEBRIEF_CLI_EXIT_IO;

  return DEBRIEF_CLI_EXIT_DOCUMENT;
}

static int
report_exists (const char *name)
{
  g_printerr ("%s: %s\n", name,
              _("The file already exists. Choose another name, or remove it first."));

  return DEBRIEF_CLI_EXIT_IO;
}

static int
run_check (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(DebriefDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *title;
  const GType *types;
  guint n_types;
  int version;
  gboolean newer;

  document = debrief_document_open (file, DEBRIEF_OPEN_FLAGS_READ_ONLY, NULL, NULL, &error);
  if (document == NULL)
    return report_error (path, error);

  if (!debrief_document_check_integrity (document, &version, &error))
    {
      debrief_document_close (document);
      return report_error (path, error);
    }

  newer = debrief_document_get_read_only_reason (document) == DEBRIEF_READ_ONLY_REASON_NEWER_SCHEMA;
  title = debrief_incident_get_title (debrief_document_get_incident (document));

  g_print (_("File: %s\n"), path);
  g_print (_("Incident: %s\n"), *title != '\0' ? title : _("(no title)"));
  g_print (_("Identifier: %s\n"), debrief_document_get_uuid (document));
  if (newer)
    g_print (_("Schema version: %d (newer than %d, the newest this version of Debrief knows)\n"),
             version, debrief_document_get_current_schema_version ());
  else
    g_print (_("Schema version: %d\n"), version);
  g_print (_("Revision: %s\n"), *debrief_document_get_revision (document) != '\0'
                                  ? debrief_document_get_revision (document) : _("(never saved)"));

  types = debrief_document_list_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      const char *member = debrief_json_get_member_name (types[i]);
      const char *label = member;

      for (guint j = 0; j < G_N_ELEMENTS (count_labels); j++)
        if (g_str_equal (count_labels[j].member, member))
          label = _(count_labels[j].label);

      /* Translators: a kind of record and how many the document holds,
       * such as "Participants: 5". */
      g_print (_("%s: %u\n"), label, g_list_model_get_n_items (debrief_document_get_records (document, types[i])));
    }

  g_print (_("Integrity: OK\n"));
  if (newer)
    g_print ("%s\n", _("OK, but the document was made by a newer version of Debrief: "
                       "this version can open it only read-only."));
  else
    g_print ("%s\n", _("OK"));

  debrief_document_close (document);

  return DEBRIEF_CLI_EXIT_OK;
}

static int
run_export (const char *path,
            const char *out_path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFile) out = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(DebriefDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gboolean to_stdout = g_str_equal (out_path, "-");

  if (!to_stdout)
    {
      out = g_file_new_for_commandline_arg (out_path);
      if (g_file_query_exists (out, NULL))
        return report_exists (out_path);
    }

  document = debrief_document_open (file, DEBRIEF_OPEN_FLAGS_READ_ONLY, NULL, NULL, &error);
  if (document == NULL)
    return report_error (path, error);

  if (to_stdout)
    stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  else if (!(stream = G_OUTPUT_STREAM (g_file_create (out, G_FILE_CREATE_NONE, NULL, &error))))
    {
      debrief_document_close (document);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        return report_exists (out_path);
      return report_error (out_path, error);
    }

  if (!debrief_document_export_json (document, stream, NULL, &error) ||
      !g_output_stream_close (stream, NULL, &error))
    {
      /* Half an export is worse than none. */
      if (out != NULL)
        g_file_delete (out, NULL, NULL);
      debrief_document_close (document);
      return report_error (error->domain == G_IO_ERROR ? out_path : path, error);
    }

  debrief_document_close (document);

  return DEBRIEF_CLI_EXIT_OK;
}

static int
run_import (const char *in_path,
            const char *out_path)
{
  g_autoptr(GFile) out = g_file_new_for_commandline_arg (out_path);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(DebriefDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *title;

  if (g_file_query_exists (out, NULL))
    return report_exists (out_path);

  if (g_str_equal (in_path, "-"))
    stream = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  else
    {
      g_autoptr(GFile) in = g_file_new_for_commandline_arg (in_path);

      if (!(stream = G_INPUT_STREAM (g_file_read (in, NULL, &error))))
        return report_error (in_path, error);
    }

  document = debrief_document_import_json (stream, NULL, NULL, &error);
  if (document == NULL)
    return report_error (in_path, error);

  /* Checked again: the import may have taken a while. */
  if (g_file_query_exists (out, NULL))
    {
      debrief_document_close (document);
      return report_exists (out_path);
    }

  if (!debrief_document_save (document, out, NULL, &error))
    {
      debrief_document_close (document);
      return report_error (out_path, error);
    }

  title = debrief_incident_get_title (debrief_document_get_incident (document));
  g_print (_("Saved the incident “%s” as %s\n"), *title != '\0' ? title : _("(no title)"), out_path);

  debrief_document_close (document);

  return DEBRIEF_CLI_EXIT_OK;
}

static gboolean
parse_kind (const char          *text,
            DebriefEvidenceKind *out_kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (DEBRIEF_TYPE_EVIDENCE_KIND);
  GEnumValue *value = g_enum_get_value_by_nick (klass, text);

  if (value == NULL)
    return FALSE;

  *out_kind = (DebriefEvidenceKind) value->value;
  return TRUE;
}

static char *
format_usec (gint64 usec)
{
  g_autoptr(GDateTime) dt = NULL;

  if (usec == G_MININT64)
    return g_strdup ("-");

  if (!(dt = debrief_date_time_new_from_usec (usec)))
    return g_strdup ("?");

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S.%fZ");
}

/* One line on what was imported, for people and for scripts. */
static void
print_imported (const char      *path,
                DebriefEvidence *evidence)
{
  DebriefEvidenceKind kind = debrief_evidence_get_kind (evidence);
  gboolean on_clock = debrief_evidence_is_on_incident_clock (evidence);
  g_autofree char *first = on_clock ? format_usec (debrief_evidence_get_aligned_first_usec (evidence))
                                    : debrief_time_format_since_boot (debrief_evidence_get_raw_first_usec (evidence));
  g_autofree char *last = on_clock ? format_usec (debrief_evidence_get_aligned_last_usec (evidence))
                                   : debrief_time_format_since_boot (debrief_evidence_get_raw_last_usec (evidence));
  g_autofree char *size = g_format_size ((guint64) debrief_evidence_get_size (evidence));
  gint64 n = debrief_evidence_get_line_count (evidence);
  g_autofree char *count = NULL;

  switch (kind)
    {
    case DEBRIEF_EVIDENCE_KIND_LOG:
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " line", "%" G_GINT64_FORMAT " lines", (gulong) n), n);
      /* TRANSLATORS: file: kind, timestamp format, number of lines, first – last time */
      g_print (_("%s: %s, %s, %s, %s – %s%s\n"),
               path, debrief_evidence_kind_get_name (kind),
               debrief_timestamp_format_get_name (debrief_evidence_get_timestamp_format (evidence)),
               count, first, last,
               !on_clock ? _(" (time since boot: give --boot-time to align it)") : "");
      {
        g_autofree char *year = debrief_evidence_describe_assumed_year (evidence);

        if (year != NULL)
          g_print ("%s: %s\n", path, year);
      }
      break;

    case DEBRIEF_EVIDENCE_KIND_METRICS:
    case DEBRIEF_EVIDENCE_KIND_CHAT:
      if (kind == DEBRIEF_EVIDENCE_KIND_METRICS)
        count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " row", "%" G_GINT64_FORMAT " rows", (gulong) n), n);
      else
        count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " message", "%" G_GINT64_FORMAT " messages", (gulong) n), n);
      /* TRANSLATORS: file: kind, number of rows or messages, first – last time */
      g_print (_("%s: %s, %s, %s – %s\n"), path, debrief_evidence_kind_get_name (kind), count, first, last);
      break;

    case DEBRIEF_EVIDENCE_KIND_REPORT:
    case DEBRIEF_EVIDENCE_KIND_IMAGE:
    case DEBRIEF_EVIDENCE_KIND_OTHER:
    default:
      /* TRANSLATORS: file: kind, size, SHA-256 */
      g_print (_("%s: %s, %s, SHA-256 %s\n"), path, debrief_evidence_kind_get_name (kind), size,
               debrief_evidence_get_sha256 (evidence));
      break;
    }
}

static void
cli_item_done_cb (DebriefImportJob *job,
                  DebriefEvidence  *evidence,
                  const char       *path,
                  const char       *warning,
                  gpointer          user_data)
{
  print_imported (path, evidence);
  if (warning != NULL)
    g_printerr ("%s: %s\n", path, warning);
}

static void
cli_item_failed_cb (DebriefImportJob *job,
                    GFile            *file,
                    const char       *path,
                    const GError     *error,
                    gpointer          user_data)
{
  g_printerr ("%s: %s\n", path, error->message);
}

static void
cli_import_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  gboolean *done = user_data;

  /* Never cancelled: every file's outcome was reported by its signal. */
  debrief_import_job_run_finish (DEBRIEF_IMPORT_JOB (object), result, NULL);
  *done = TRUE;
}

/* Like a window, the command line holds the document's lock while it adds
 * to it: saving under somebody's open Debrief would leave them a conflict
 * to sort out. A lock left by a Debrief of this computer that has ended is
 * broken; one held by a running Debrief is refused, unless @force. Returns
 * %NULL without @error where it goes on without the lock: forced, or where
 * no lock file can be written (a read-only folder, which the save then
 * reports). */
static DebriefLock *
acquire_lock (GFile       *file,
              const char  *path,
              const char  *user_name,
              gboolean     force,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  DebriefLock *lock;

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(DebriefLockInfo) holder = NULL;

      g_clear_error (&local_error);
      if ((lock = debrief_lock_acquire (file, user_name, NULL, &local_error)))
        return lock;
      if (!g_error_matches (local_error, DEBRIEF_LOCK_ERROR, DEBRIEF_LOCK_ERROR_HELD))
        return NULL;

      holder = debrief_lock_read (file, NULL, NULL);
      if (holder == NULL || !debrief_lock_info_is_stale (holder)
          || !debrief_lock_break (file, NULL, NULL))
        break;
    }

  if (force)
    {
      g_printerr ("%s: %s\n", path, local_error->message);
      return NULL;
    }

  g_set_error (error, DEBRIEF_LOCK_ERROR, DEBRIEF_LOCK_ERROR_HELD,
               /* Translators: the first %s is a sentence such as "“a.debrief” is
                * already open. Opened by Ada on bench-laptop since …". */
               _("%s Close it there first, or give --force to add the files anyway."),
               local_error->message);
  return NULL;
}

static int
run_add_evidence (const char * const *args,
                  guint               n_args,
                  const char         *kind_text,
                  const char         *offset_text,
                  const char         *boot_text,
                  gboolean            force)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (args[0]);
  g_autoptr(DebriefLock) lock = NULL;
  g_autoptr(DebriefDocument) document = NULL;
  g_autoptr(DebriefImportJob) job = NULL;
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GDateTime) boot_time = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *user_name = NULL;
  g_autoptr(GError) error = NULL;
  DebriefImportOptions options = { 0, };
  gboolean done = FALSE;
  guint n_imported = 0;
  guint n_failed = 0;

  if (kind_text != NULL)
    {
      if (!parse_kind (kind_text, &options.kind))
        return usage_error (_("--kind takes one of log, metrics, chat, report, image and other."));
      options.has_kind = TRUE;
    }
  if (offset_text != NULL)
    {
      if (!debrief_evidence_parse_offset (offset_text, &options.clock_offset_ms))
        return usage_error (_("--clock-offset takes a whole number of milliseconds, or one with a unit: "
                              "s, m or h (for example -2s or +3m)."));
      options.has_clock_offset = TRUE;
    }
  if (boot_text != NULL)
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      if (!(boot_time = g_date_time_new_from_iso8601 (boot_text, local)))
        return usage_error (_("--boot-time takes a date and time such as 2026-03-14T02:11:07Z."));
      options.boot_time = boot_time;
    }

  /* The name set in Debrief's Preferences, as a window would record it;
   * the command line never asks for one. */
  settings = debrief_user_settings_new ();
  user_name = debrief_user_dup_name (settings);

  if (!(lock = acquire_lock (file, args[0], user_name, force, &error)) && error != NULL)
    {
      g_printerr ("%s: %s\n", args[0], error->message);
      return DEBRIEF_CLI_EXIT_DOCUMENT;
    }

  if (g_file_query_exists (file, NULL))
    document = debrief_document_open (file, DEBRIEF_OPEN_FLAGS_NONE, user_name, NULL, &error);
  else
    document = debrief_document_new (user_name, &error);
  if (document == NULL)
    return report_error (args[0], error);

  if (debrief_document_get_read_only (document))
    {
      debrief_document_close (document);
      g_printerr ("%s: %s\n", args[0],
                  _("The incident document was made by a newer version of Debrief: evidence cannot be added to it."));
      return DEBRIEF_CLI_EXIT_DOCUMENT;
    }

  /* The job the Evidence view uses, run here to its end on a context of
   * its own: each file named as it was given, a folder passed whole to
   * the importer (a Slack export) as before. */
  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  job = debrief_import_job_new (document, &options);
  debrief_import_job_set_expand_folders (job, FALSE);
  for (guint i = 1; i < n_args; i++)
    {
      g_autoptr(GFile) evidence_file = g_file_new_for_commandline_arg (args[i]);

      debrief_import_job_add_file (job, evidence_file, args[i]);
    }
  g_signal_connect (job, "item-done", G_CALLBACK (cli_item_done_cb), NULL);
  g_signal_connect (job, "item-failed", G_CALLBACK (cli_item_failed_cb), NULL);
  debrief_import_job_run_async (job, NULL, cli_import_done_cb, &done);
  while (!done)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);
  n_imported = debrief_import_job_get_n_imported (job);
  n_failed = debrief_import_job_get_n_failed (job);
  g_clear_object (&job);

  if (n_imported > 0 && !debrief_document_save (document, file, NULL, &error))
    {
      debrief_document_close (document);
      return report_error (args[0], error);
    }

  debrief_document_close (document);

  if (n_failed > 0)
    return DEBRIEF_CLI_EXIT_IO;
  return DEBRIEF_CLI_EXIT_OK;
}

static gboolean
print_match (const DebriefSearchMatch *match,
             gpointer                  user_data)
{
  g_autofree char *time = match->since_boot ? debrief_time_format_since_boot (match->usec) : format_usec (match->usec);
  guint *n_matches = user_data;

  g_print ("%s\t%" G_GUINT64_FORMAT "\t%s\t%s\n",
           match->evidence_title, match->line + 1, time, match->text);
  (*n_matches)++;

  return TRUE;
}

static int
run_search (const char *path,
            const char *query,
            gboolean    match_case)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(DebriefDocument) document = NULL;
  g_autoptr(DebriefEvidenceSource) source = NULL;
  g_autoptr(GError) error = NULL;
  guint n_matches = 0;

  if (*query == '\0')
    return usage_error (_("--search needs something to look for."));

  document = debrief_document_open (file, DEBRIEF_OPEN_FLAGS_READ_ONLY, NULL, NULL, &error);
  if (document == NULL)
    return report_error (path, error);

  source = debrief_evidence_source_new (document);
  if (!debrief_evidence_search (source, query, match_case, print_match, &n_matches, NULL, &error))
    {
      debrief_document_close (document);
      return report_error (path, error);
    }
  debrief_document_close (document);

  /* Like grep: no match is a result, not an error, but scripts ask. */
  return n_matches > 0 ? DEBRIEF_CLI_EXIT_OK : DEBRIEF_CLI_EXIT_DOCUMENT;
}

static void
print_warning (const char *message,
               gpointer    user_data)
{
  g_printerr ("%s: %s\n", (const char *) user_data, message);
}

static int
run_merged_log (const char *path,
                const char *out_path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFile) out = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(DebriefDocument) document = NULL;
  g_autoptr(DebriefEvidenceSource) source = NULL;
  g_autoptr(GError) error = NULL;

  document = debrief_document_open (file, DEBRIEF_OPEN_FLAGS_READ_ONLY, NULL, NULL, &error);
  if (document == NULL)
    return report_error (path, error);

  if (out_path == NULL || g_str_equal (out_path, "-"))
    stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  else
    {
      out = g_file_new_for_commandline_arg (out_path);
      if (!(stream = G_OUTPUT_STREAM (g_file_replace (out, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error))))
        {
          debrief_document_close (document);
          return report_error (out_path, error);
        }
    }

  source = debrief_evidence_source_new (document);
  if (!debrief_evidence_write_merged_log (source, stream, print_warning, (gpointer) path, NULL, &error) ||
      !g_output_stream_close (stream, NULL, &error))
    {
      if (out != NULL)
        g_file_delete (out, NULL, NULL);
      debrief_document_close (document);
      return report_error (error->domain == G_IO_ERROR && out_path != NULL ? out_path : path, error);
    }

  debrief_document_close (document);
  return DEBRIEF_CLI_EXIT_OK;
}

/* What GApplication does with plain file arguments when no option takes
 * them: declaring G_OPTION_REMAINING takes them away from it. */
static int
open_files (GApplication       *application,
            const char * const *paths)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return 1;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (paths[i]));

  g_application_open (application, (GFile **) files->pdata, (int) files->len, "");

  return 0;
}

/**
 * debrief_cli_handle_local_options:
 * @application: the application
 * @options: the options parsed from the command line
 *
 * Runs the command-line tool @options asks for, if any, or opens the
 * files given as plain arguments.
 *
 * Returns: the exit status, or -1 to let @application go on and activate
 */
int
debrief_cli_handle_local_options (GApplication *application,
                                  GVariantDict *options)
{
  g_autofree const char **args = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *clock_offset = NULL;
  g_autofree char *boot_time = NULL;
  g_autofree char *output = NULL;
  gboolean check = FALSE;
  gboolean export_json = FALSE;
  gboolean import_json = FALSE;
  gboolean add_evidence = FALSE;
  gboolean search = FALSE;
  gboolean merged_log = FALSE;
  gboolean match_case = FALSE;
  gboolean force = FALSE;
  guint n_args;

  g_return_val_if_fail (G_IS_APPLICATION (application), 1);
  g_return_val_if_fail (options != NULL, 1);

  g_variant_dict_lookup (options, "check", "b", &check);
  g_variant_dict_lookup (options, "export-json", "b", &export_json);
  g_variant_dict_lookup (options, "import-json", "b", &import_json);
  g_variant_dict_lookup (options, "add-evidence", "b", &add_evidence);
  g_variant_dict_lookup (options, "search", "b", &search);
  g_variant_dict_lookup (options, "merged-log", "b", &merged_log);
  g_variant_dict_lookup (options, "match-case", "b", &match_case);
  g_variant_dict_lookup (options, "force", "b", &force);
  g_variant_dict_lookup (options, "kind", "s", &kind);
  g_variant_dict_lookup (options, "clock-offset", "s", &clock_offset);
  g_variant_dict_lookup (options, "boot-time", "s", &boot_time);
  g_variant_dict_lookup (options, "output", "^ay", &output);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &args);
  n_args = args ? g_strv_length ((char **) args) : 0;

  if (!check && !export_json && !import_json && !add_evidence && !search && !merged_log)
    {
      if (kind != NULL || clock_offset != NULL || boot_time != NULL || output != NULL || match_case || force)
        return usage_error (_("--kind, --clock-offset, --boot-time, --force, --match-case and --output "
                              "go with --add-evidence, --search or --merged-log."));
      return n_args > 0 ? open_files (application, args) : -1;
    }

  if (check + export_json + import_json + add_evidence + search + merged_log > 1)
    return usage_error (_("Give only one of --check, --export-json, --import-json, "
                          "--add-evidence, --search and --merged-log."));

  if (!add_evidence && (kind != NULL || clock_offset != NULL || boot_time != NULL || force))
    return usage_error (_("--kind, --clock-offset, --boot-time and --force go with --add-evidence."));
  if (!search && match_case)
    return usage_error (_("--match-case goes with --search."));
  if (!merged_log && output != NULL)
    return usage_error (_("--output goes with --merged-log."));

  if (check)
    {
      if (n_args != 1)
        return usage_error (_("--check takes one file: the incident document to check."));
      return run_check (args[0]);
    }

  if (export_json)
    {
      if (n_args != 2)
        return usage_error (_("--export-json takes two files: the incident document, "
                              "and the JSON file to write."));
      return run_export (args[0], args[1]);
    }

  if (add_evidence)
    {
      if (n_args < 2)
        return usage_error (_("--add-evidence takes the incident document, then one or more files to import."));
      return run_add_evidence (args, n_args, kind, clock_offset, boot_time, force);
    }

  if (search)
    {
      if (n_args != 2)
        return usage_error (_("--search takes two arguments: the incident document, and the text to look for."));
      return run_search (args[0], args[1], match_case);
    }

  if (merged_log)
    {
      if (n_args != 1)
        return usage_error (_("--merged-log takes one file: the incident document."));
      return run_merged_log (args[0], output);
    }

  if (n_args != 2)
    return usage_error (_("--import-json takes two files: the JSON export to read, "
                          "and the incident document to write."));
  return run_import (args[0], args[1]);
}
