/* test-evidence-kind.c
 *
 * Which kind of evidence a file is, from its content first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-evidence-kind"

#include "config.h"

#include <string.h>

#include "debrief-evidence-kind.h"
#include "debrief-test-log-formats.h"

static DebriefEvidenceKind
detect_text (const char *text,
             const char *file_name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return debrief_evidence_detect_kind (bytes, file_name, NULL);
}

static DebriefEvidenceKind
detect_fixture (const char *directory,
                const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", directory, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (contents, length);
  return debrief_evidence_detect_kind (bytes, name, NULL);
}

static void
test_logs (void)
{
  g_assert_cmpint (detect_text ("[    0.000000] Booting Linux on physical CPU 0x0\n"
                                "[    0.000000] Linux version 6.1.0\n"
                                "[    1.234567] usb 1-1: new high-speed USB device\n", NULL),
                   ==, DEBRIEF_EVIDENCE_KIND_LOG);
  g_assert_cmpint (detect_text ("I (312) wifi: wifi driver task: 3ffc1e4c\n"
                                "W (1312) wifi: reconnecting\n"
                                "E (2312) ota: partition not found\n", "capture"),
                   ==, DEBRIEF_EVIDENCE_KIND_LOG);
  g_assert_cmpint (detect_text ("Mar 14 02:11:07 gw-17 kernel: watchdog reset\n"
                                "Mar 14 02:11:09 gw-17 systemd[1]: Started OTA agent.\n", NULL),
                   ==, DEBRIEF_EVIDENCE_KIND_LOG);
  /* A UART capture with some lines that lost their stamp to noise. */
  g_assert_cmpint (detect_text ("2026-03-14 02:11:07,123 INFO main - boot\n"
                                "\tat com.example.Ota.apply(Ota.java:42)\n"
                                "\tat com.example.Main.run(Main.java:7)\n"
                                "2026-03-14 02:11:08,001 ERROR main - failed\n", NULL),
                   ==, DEBRIEF_EVIDENCE_KIND_LOG);
}

/* Timestamps, but as fields of comma-separated records without a header. */
/* Each log of the corpus of tests/data/log-formats/, stamps after a label,
 * a host or a file name, JSON lines and all, is a log, even when its name
 * says it is text (a report).
 */
static void
test_real_world_logs_are_logs (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "log-formats", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = debrief_test_log_formats_list (dir, &error);

  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *log_name = g_strconcat (names[i], ".log", NULL);
      g_autofree char *path = g_build_filename (dir, log_name, NULL);
      g_autofree char *txt_name = g_strconcat (names[i], ".txt", NULL);
      g_autoptr(GBytes) bytes = NULL;
      char *contents = NULL;
      gsize length = 0;

      g_test_message ("%s", names[i]);
      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      bytes = g_bytes_new_take (contents, length);
      g_assert_cmpint (debrief_evidence_detect_kind (bytes, txt_name, NULL), ==, DEBRIEF_EVIDENCE_KIND_LOG);
      g_assert_cmpint (debrief_evidence_detect_kind (bytes, NULL, NULL), ==, DEBRIEF_EVIDENCE_KIND_LOG);
    }
}

/* A report whose timeline quotes times after list markers and labels
 * stays a report: stamps inside lines count only where a file's lines
 * hold them, as a log's do.
 */
static void
test_report_with_timeline (void)
{
  const char *report =
    "# Gateways offline in EU-2\n"
    "\n"
    "About a third of the gateways stopped reporting after the 4.2.1 OTA.\n"
    "The watchdog reset them while the flash was being erased.\n"
    "\n"
    "## Timeline\n"
    "\n"
    "- 2026-03-14 02:11:07 UTC: the rollout of 4.2.1 started\n"
    "- 2026-03-14 02:14:30 UTC: first gateways stopped reporting\n"
    "- 2026-03-14 02:30:00 UTC: Ada paused the rollout\n"
    "- 2026-03-14 03:05:12 UTC: rollback build published\n"
    "\n"
    "## What went well\n"
    "\n"
    "The alert fired within three minutes and the rollout was paused quickly.\n"
    "The rollback build was ready before most customers noticed anything.\n"
    "\n"
    "## Action items\n"
    "\n"
    "- Feed the watchdog during long flash erases, owner Grace\n"
    "- Stage rollouts by region, owner Ada\n";

  g_assert_cmpint (detect_text (report, "postmortem.md"), ==, DEBRIEF_EVIDENCE_KIND_REPORT);
  g_assert_cmpint (detect_text (report, NULL), ==, DEBRIEF_EVIDENCE_KIND_REPORT);
}

static void
test_csv_log (void)
{
  g_assert_cmpint (detect_text ("2026-03-14T02:11:07Z,ERROR,ota,partition not found\n"
                                "2026-03-14T02:11:08Z,WARN,wdt,task watchdog got triggered\n"
                                "2026-03-14T02:11:09Z,INFO,boot,rebooting\n", "export.csv"),
                   ==, DEBRIEF_EVIDENCE_KIND_LOG);
}

static void
test_metrics (void)
{
  g_assert_cmpint (detect_text ("timestamp,cpu_percent,heap_free_bytes\n"
                                "2026-03-14T02:11:00Z,12.5,182344\n"
                                "2026-03-14T02:12:00Z,97.0,20480\n"
                                "2026-03-14T02:13:00Z,99.1,1024\n", "dashboard.txt"),
                   ==, DEBRIEF_EVIDENCE_KIND_METRICS);
  g_assert_cmpint (detect_fixture ("metrics", "gateway.csv"), ==, DEBRIEF_EVIDENCE_KIND_METRICS);
  g_assert_cmpint (detect_fixture ("metrics", "epoch-ms.tsv"), ==, DEBRIEF_EVIDENCE_KIND_METRICS);
  g_assert_cmpint (detect_fixture ("metrics", "semicolon.csv"), ==, DEBRIEF_EVIDENCE_KIND_METRICS);
  /* A table without times is not a series over time. */
  g_assert_cmpint (detect_text ("device,firmware,region\n"
                                "gw-17,4.2.1,eu-2\n"
                                "gw-18,4.2.0,eu-2\n", "devices.csv"),
                   !=, DEBRIEF_EVIDENCE_KIND_METRICS);
}

static void
test_chat (void)
{
  g_assert_cmpint (detect_fixture ("chat", "transcript-brackets.txt"), ==, DEBRIEF_EVIDENCE_KIND_CHAT);
  g_assert_cmpint (detect_fixture ("chat", "transcript-dated.txt"), ==, DEBRIEF_EVIDENCE_KIND_CHAT);
  g_assert_cmpint (detect_fixture ("chat", "transcript-irc.log"), ==, DEBRIEF_EVIDENCE_KIND_CHAT);
  g_assert_cmpint (detect_fixture ("chat", "mattermost.jsonl"), ==, DEBRIEF_EVIDENCE_KIND_CHAT);
  g_assert_cmpint (detect_text ("[{\"type\": \"message\", \"user\": \"U01\", \"text\": \"hi\", \"ts\": \"1.0\"}]\n",
                                "2026-03-14.json"),
                   ==, DEBRIEF_EVIDENCE_KIND_CHAT);
  g_assert_cmpint (detect_fixture ("zip", "slack-export.zip"), ==, DEBRIEF_EVIDENCE_KIND_CHAT);
  /* A zip that is not a Slack export. */
  g_assert_cmpint (detect_fixture ("zip", "deflated.zip"), ==, DEBRIEF_EVIDENCE_KIND_OTHER);
}

static void
test_reports (void)
{
  g_assert_cmpint (detect_fixture ("kind", "postmortem.md"), ==, DEBRIEF_EVIDENCE_KIND_REPORT);
  g_assert_cmpint (detect_fixture ("kind", "incident.eml"), ==, DEBRIEF_EVIDENCE_KIND_REPORT);
  g_assert_cmpint (detect_text ("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "vendor-rma.pdf"), ==, DEBRIEF_EVIDENCE_KIND_REPORT);
  g_assert_cmpint (detect_text ("The gateways rebooted in a loop after the update because the\n"
                                "bootloader could not find the second application partition.\n", NULL),
                   ==, DEBRIEF_EVIDENCE_KIND_REPORT);
}

static void
test_images (void)
{
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0 };
  static const guint8 webp[] = { 'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' ' };
  g_autoptr(GBytes) jpeg_bytes = g_bytes_new_static (jpeg, sizeof jpeg);
  g_autoptr(GBytes) webp_bytes = g_bytes_new_static (webp, sizeof webp);

  g_assert_cmpint (debrief_evidence_detect_kind (jpeg_bytes, "photo", NULL), ==, DEBRIEF_EVIDENCE_KIND_IMAGE);
  g_assert_cmpint (debrief_evidence_detect_kind (webp_bytes, NULL, NULL), ==, DEBRIEF_EVIDENCE_KIND_IMAGE);
  g_assert_cmpint (detect_text ("GIF89a\001\000\001\000", NULL), ==, DEBRIEF_EVIDENCE_KIND_IMAGE);
}

/* The name says one thing, the content another: the content wins. */
static void
test_content_wins (void)
{
  g_assert_cmpint (detect_fixture ("kind", "screenshot.log"), ==, DEBRIEF_EVIDENCE_KIND_IMAGE);
  g_assert_cmpint (detect_fixture ("kind", "uart-capture.png"), ==, DEBRIEF_EVIDENCE_KIND_LOG);
}

static void
test_other (void)
{
  static const guint8 elf[] = {
    0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0,
    0x40, 0x10, 0x40, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0,
  };
  g_autoptr(GBytes) elf_bytes = g_bytes_new_static (elf, sizeof elf);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) firmware = NULL;
  guint8 random_data[4096];
  GRand *rand = g_rand_new_with_seed (4711);

  for (gsize i = 0; i < sizeof random_data; i++)
    random_data[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);
  firmware = g_bytes_new (random_data, sizeof random_data);

  g_assert_cmpint (debrief_evidence_detect_kind (elf_bytes, "app.log", NULL), ==, DEBRIEF_EVIDENCE_KIND_OTHER);
  g_assert_cmpint (debrief_evidence_detect_kind (firmware, "gateway-4.2.1.bin", NULL), ==, DEBRIEF_EVIDENCE_KIND_OTHER);
  g_assert_cmpint (debrief_evidence_detect_kind (empty, "empty.log", NULL), ==, DEBRIEF_EVIDENCE_KIND_OTHER);
  g_assert_cmpint (detect_text ("\n  \n\n", "blank.txt"), ==, DEBRIEF_EVIDENCE_KIND_OTHER);
  /* Text that says nothing about itself goes by its name. */
  g_assert_cmpint (detect_text ("ok\nok\nfail\n", "selftest.log"), ==, DEBRIEF_EVIDENCE_KIND_LOG);
  g_assert_cmpint (detect_text ("ok\nok\nfail\n", "selftest"), ==, DEBRIEF_EVIDENCE_KIND_OTHER);
}

static void
test_names_and_icons (void)
{
  for (DebriefEvidenceKind kind = DEBRIEF_EVIDENCE_KIND_LOG; kind <= DEBRIEF_EVIDENCE_KIND_OTHER; kind++)
    {
      g_assert_nonnull (debrief_evidence_kind_get_name (kind));
      g_assert_true (g_str_has_suffix (debrief_evidence_kind_get_icon_name (kind), "-symbolic"));
    }
  g_assert_cmpstr (debrief_evidence_kind_get_name (DEBRIEF_EVIDENCE_KIND_OTHER), ==, "Other file");
  g_assert_cmpstr (debrief_evidence_kind_get_icon_name (DEBRIEF_EVIDENCE_KIND_METRICS), ==, "x-office-spreadsheet-symbolic");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debrief/evidence-kind/logs", test_logs);
  g_test_add_func ("/debrief/evidence-kind/csv-log", test_csv_log);
  g_test_add_func ("/debrief/evidence-kind/real-world-logs-are-logs", test_real_world_logs_are_logs);
  g_test_add_func ("/debrief/evidence-kind/report-with-timeline", test_report_with_timeline);
  g_test_add_func ("/debrief/evidence-kind/metrics", test_metrics);
  g_test_add_func ("/debrief/evidence-kind/chat", test_chat);
  g_test_add_func ("/debrief/evidence-kind/reports", test_reports);
  g_test_add_func ("/debrief/evidence-kind/images", test_images);
  g_test_add_func ("/debrief/evidence-kind/content-wins", test_content_wins);
  g_test_add_func ("/debrief/evidence-kind/other", test_other);
  g_test_add_func ("/debrief/evidence-kind/names-and-icons", test_names_and_icons);

  return g_test_run ();
}
