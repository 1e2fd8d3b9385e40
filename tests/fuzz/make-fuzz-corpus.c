/* make-fuzz-corpus.c
 *
 * Writes the seed corpus of the loader's fuzz target: real documents made
 * by the document code itself, shrunk to small pages, and the files the
 * loader must refuse. Run once, by hand, when the file format changes:
 *
 *   meson compile -C _build tests/fuzz/make-fuzz-corpus
 *   ./_build/tests/fuzz/make-fuzz-corpus tests/fuzz/corpus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-fuzz"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "debrief-document.h"
#include "debrief-file-format.h"
#include "debrief-record-private.h"

static const char *out_dir;

static char *
out_path (const char *name)
{
  return g_build_filename (out_dir, name, NULL);
}

static void
write_bytes (const char *name,
             const char *data,
             gssize      length)
{
  g_autofree char *path = out_path (name);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, data, length, &error))
    g_error ("%s", error->message);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", path, message ? message : sqlite3_errmsg (db));
  sqlite3_close (db);
}

/* The smallest pages SQLite allows: the same document in a fraction of the
 * bytes, which the fuzzer mutates much better. */
static void
shrink (const char *path)
{
  exec_sql (path, "PRAGMA page_size = 512; VACUUM");
}

/* A short value that is not the default, for every kind of column. */
static void
fill_record (DebriefRecord *record,
             guint          seed)
{
  DebriefRecordClass *klass = DEBRIEF_RECORD_GET_CLASS (record);

  for (guint i = 0; i < _debrief_record_class_get_n_columns (klass); i++)
    {
      GParamSpec *pspec = _debrief_record_class_get_column (klass, i);
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, type);
      if (type == G_TYPE_STRING)
        g_value_take_string (&value, g_strdup_printf ("%s %u “é”", pspec->name, seed));
      else if (type == G_TYPE_INT64)
        g_value_set_int64 (&value, CLAMP ((gint64) seed + i, G_PARAM_SPEC_INT64 (pspec)->minimum,
                                          G_PARAM_SPEC_INT64 (pspec)->maximum));
      else if (type == G_TYPE_BOOLEAN)
        g_value_set_boolean (&value, !G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
      else if (type == G_TYPE_DATE_TIME)
        {
          g_autoptr(GTimeZone) zone = g_time_zone_new_offset (5400);

          g_value_take_boxed (&value, g_date_time_new (zone, 2026, 3, 14, 2, (gint) (seed % 60), 0.5));
        }
      else if (G_TYPE_IS_ENUM (type))
        {
          g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);

          g_value_set_enum (&value, enum_class->values[enum_class->n_values - 1].value);
        }
      else
        g_error ("No value for a column of type %s", g_type_name (type));

      g_object_set_property (G_OBJECT (record), pspec->name, &value);
    }
}

static void
save_as (DebriefDocument *document,
         const char      *name)
{
  g_autofree char *path = out_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (!debrief_document_save (document, file, NULL, &error))
    g_error ("%s", error->message);
  shrink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefDocument) empty = NULL;
  g_autoptr(DebriefDocument) filled = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *filled_path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  const GType *types;
  guint n_types;

  if (argc != 2)
    {
      g_printerr ("Usage: %s CORPUS-FOLDER\n", argv[0]);
      return 2;
    }
  out_dir = argv[1];
  g_mkdir_with_parents (out_dir, 0755);

  /* Working copies go to a scratch folder, not the user's. */
  scratch = g_dir_make_tmp ("debrief-corpus-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (scratch, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  /* An untitled incident, as a new document is saved. */
  empty = debrief_document_new ("Ada Lovelace", &error);
  g_assert_no_error (error);
  save_as (empty, "empty-incident.debrief");

  /* Every field of the incident and two records of each kind. */
  filled = debrief_document_new ("Ada Lovelace", &error);
  g_assert_no_error (error);
  fill_record (DEBRIEF_RECORD (debrief_document_get_incident (filled)), 1);
  types = debrief_document_list_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    for (guint copy = 0; copy < 2; copy++)
      {
        g_autoptr(DebriefRecord) record = g_object_new (types[i], NULL);

        fill_record (record, 10 * (i + 1) + copy);
        if (!debrief_document_add (filled, record, &error))
          g_error ("%s", error->message);
      }
  save_as (filled, "filled-incident.debrief");
  filled_path = out_path ("filled-incident.debrief");

  /* Made by a newer Debrief: opens read-only. */
  save_as (filled, "newer-version.debrief");
  {
    g_autofree char *path = out_path ("newer-version.debrief");

    exec_sql (path, "CREATE TABLE from_the_future (uuid TEXT PRIMARY KEY); PRAGMA user_version = 99");
  }

  /* Changed by another program: a trigger the loader must refuse. */
  save_as (filled, "with-trigger.debrief");
  {
    g_autofree char *path = out_path ("with-trigger.debrief");

    exec_sql (path, "CREATE TRIGGER t AFTER UPDATE ON incident BEGIN DELETE FROM participant; END");
  }

  /* Cut short, as by an interrupted copy; and only the header left. */
  if (!g_file_get_contents (filled_path, &contents, &length, &error))
    g_error ("%s", error->message);
  write_bytes ("truncated.debrief", contents, (gssize) length / 2);
  write_bytes ("header-only.debrief", contents, DEBRIEF_FILE_HEADER_SIZE);

  /* Not a document at all. */
  write_bytes ("empty-file.debrief", "", 0);
  write_bytes ("text.debrief", "# Incident report\n\nThe gateways rebooted in waves.\n", -1);

  /* Another application's SQLite database. */
  {
    g_autofree char *path = out_path ("foreign.debrief");

    g_unlink (path);
    exec_sql (path, "PRAGMA page_size = 512;"
                    "CREATE TABLE incident (uuid TEXT PRIMARY KEY, title TEXT);"
                    "INSERT INTO incident VALUES ('0b7f6d0e', 'Gateway fleet reboot loop')");
  }

  debrief_document_close (empty);
  debrief_document_close (filled);
  g_clear_object (&empty);
  g_clear_object (&filled);

  /* Empty now: the documents were closed. */
  {
    g_autofree char *drafts = g_build_filename (data_home, "debrief", "drafts", NULL);
    g_autofree char *debrief = g_build_filename (data_home, "debrief", NULL);

    g_rmdir (drafts);
    g_rmdir (debrief);
    g_rmdir (data_home);
    g_rmdir (scratch);
  }

  return 0;
}
