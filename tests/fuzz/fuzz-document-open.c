/* fuzz-document-open.c
 *
 * A libFuzzer target over the document loader: whatever bytes a file
 * holds, opening it gives a document or an error with a message, never a
 * crash, a leak, a critical warning or a working copy left behind.
 *
 * Built with -Dfuzzing=true it is a libFuzzer program; otherwise
 * fuzz-driver.c runs it once on each file of the seed corpus, as a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-fuzz"

#include "config.h"

#include <stdlib.h>
#include <glib/gstdio.h>

#include "debrief-document.h"
#include "fuzz-document-open.h"

static gboolean verbose;
static char *scratch;
static char *drafts;
static GFile *input;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      handle = g_dir_open (path, 0, NULL);
      while (handle != NULL && (name = g_dir_read_name (handle)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
cleanup (void)
{
  if (scratch != NULL)
    remove_tree (scratch);
  g_clear_pointer (&scratch, g_free);
  g_clear_pointer (&drafts, g_free);
  g_clear_object (&input);
}

/* Working copies go to a scratch folder of this run, not the user's. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *input_path = NULL;

  if (scratch != NULL)
    return 0;

  scratch = g_dir_make_tmp ("debrief-fuzz-XXXXXX", &error);
  if (scratch == NULL)
    g_error ("No scratch folder for the fuzz target: %s", error->message);

  data_home = g_build_filename (scratch, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  drafts = g_build_filename (data_home, "debrief", "drafts", NULL);
  input_path = g_build_filename (scratch, "input.debrief", NULL);
  input = g_file_new_for_path (input_path);

  /* The corpus driver tells what became of each input. */
  verbose = g_getenv ("DEBRIEF_FUZZ_VERBOSE") != NULL;

  /* A critical or a warning is a bug the fuzzer must report, as a crash. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  atexit (cleanup);

  return 0;
}

static void
read_everything (DebriefDocument *document)
{
  const GType *types;
  guint n_types;

  g_assert (debrief_document_get_uuid (document) != NULL);
  g_assert (debrief_document_get_incident (document) != NULL);
  g_assert (debrief_incident_get_title (debrief_document_get_incident (document)) != NULL);

  types = debrief_document_list_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      GListModel *records = debrief_document_get_records (document, types[i]);

      for (guint j = 0; j < g_list_model_get_n_items (records); j++)
        {
          g_autoptr(DebriefRecord) record = g_list_model_get_item (records, j);

          g_assert (debrief_record_get_uuid (record) != NULL);
          g_assert (debrief_record_get_document (record) == document);
        }
    }
}

static guint
count_drafts (void)
{
  g_autoptr(GDir) handle = g_dir_open (drafts, 0, NULL);
  guint count = 0;

  while (handle != NULL && g_dir_read_name (handle))
    count++;

  return count;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefDocument) document = NULL;
  g_autofree char *input_path = NULL;

  LLVMFuzzerInitialize (NULL, NULL);

  input_path = g_file_get_path (input);
  if (!g_file_set_contents (input_path, (const char *) data, (gssize) size, &error))
    g_error ("The input could not be written: %s", error->message);

  document = debrief_document_open (input, DEBRIEF_OPEN_FLAGS_NONE, "Fuzzer", NULL, &error);
  if (document != NULL)
    {
      g_assert (error == NULL);
      read_everything (document);
      if (verbose)
        g_print ("  opened%s: “%s”\n", debrief_document_get_read_only (document) ? " read-only" : "",
                 debrief_incident_get_title (debrief_document_get_incident (document)));
      debrief_document_close (document);
    }
  else
    {
      g_assert (error != NULL);
      g_assert (error->message != NULL && error->message[0] != '\0');
      if (verbose)
        g_print ("  refused: %s\n", error->message);
    }
  g_clear_object (&document);

  /* Whether it opened or not, nothing of it is left in the drafts. */
  if (count_drafts () != 0)
    g_error ("Opening the input left files in %s", drafts);

  g_unlink (input_path);

  return 0;
}
