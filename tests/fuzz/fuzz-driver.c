/* fuzz-driver.c
 *
 * Runs the fuzz target without libFuzzer: once on each file given, or on
 * each file of each folder given (the seed corpus), as an ordinary test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-fuzz"

#include "config.h"

#include <gio/gio.h>

#include "fuzz-document-open.h"

static void
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);

  g_print ("%s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  LLVMFuzzerTestOneInput ((const guint8 *) data, length);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Every regular file of @dir, in name order, so that runs are alike. */
static guint
run_folder (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) handle = g_dir_open (dir, 0, &error);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    g_error ("%s", error->message);

  while ((name = g_dir_read_name (handle)))
    {
      char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (paths, path);
      else
        g_free (path);
    }

  g_ptr_array_sort (paths, compare_names);
  for (guint i = 0; i < paths->len; i++)
    run_file (g_ptr_array_index (paths, i));

  return paths->len;
}

int
main (int   argc,
      char *argv[])
{
  guint n_inputs = 0;

  if (argc < 2)
    {
      g_printerr ("Usage: %s CORPUS-FOLDER-OR-FILE…\n", argv[0]);
      return 2;
    }

  g_setenv ("DEBRIEF_FUZZ_VERBOSE", "1", TRUE);
  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        n_inputs += run_folder (argv[i]);
      else
        {
          run_file (argv[i]);
          n_inputs++;
        }
    }

  if (n_inputs == 0)
    {
      g_printerr ("No inputs found in the corpus\n");
      return 1;
    }

  g_print ("%u inputs opened or refused cleanly\n", n_inputs);

  return 0;
}
