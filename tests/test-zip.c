/* test-zip.c
 *
 * The zip reader, with good archives and hostile ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-zip"

#include "config.h"

#include <string.h>

#include "debrief-zip.h"

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "zip", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static DebriefZip *
open_fixture (const char *name)
{
  g_autoptr(GBytes) bytes = load_fixture (name);
  g_autoptr(GError) error = NULL;
  DebriefZip *zip = debrief_zip_open_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (zip);
  return zip;
}

static DebriefZip *
open_patched (GByteArray  *data,
              GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data->data, data->len);

  return debrief_zip_open_bytes (bytes, error);
}

static GByteArray *
fixture_array (const char *name)
{
  g_autoptr(GBytes) bytes = load_fixture (name);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  GByteArray *array = g_byte_array_sized_new (size);

  g_byte_array_append (array, data, size);
  return array;
}

static gsize
find_signature (GByteArray *data,
                const char *signature,
                guint       nth)
{
  for (gsize i = 0; i + 4 <= data->len; i++)
    {
      if (memcmp (data->data + i, signature, 4) == 0 && nth-- == 0)
        return i;
    }
  g_assert_not_reached ();
}

static void
test_crc32 (void)
{
  g_assert_cmphex (debrief_zip_crc32 (0, "123456789", 9), ==, 0xCBF43926);
  g_assert_cmphex (debrief_zip_crc32 (0, "", 0), ==, 0);
  /* Continued over two calls, as when reading in chunks. */
  g_assert_cmphex (debrief_zip_crc32 (debrief_zip_crc32 (0, "1234", 4), "56789", 5), ==, 0xCBF43926);
}

static void
test_stored (void)
{
  g_autoptr(DebriefZip) zip = open_fixture ("stored.zip");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) hello = NULL;
  g_autoptr(GBytes) empty = NULL;
  const DebriefZipEntry *entry;

  g_assert_cmpuint (debrief_zip_get_n_entries (zip), ==, 3);
  g_assert_cmpstr (debrief_zip_get_entry_name (zip, 0), ==, "hello.txt");
  g_assert_cmpstr (debrief_zip_get_entry_name (zip, 1), ==, "empty.txt");
  g_assert_cmpstr (debrief_zip_get_entry_name (zip, 2), ==, "logs/");

  entry = debrief_zip_get_entry (zip, 0);
  g_assert_cmpuint (entry->method, ==, DEBRIEF_ZIP_METHOD_STORED);
  g_assert_cmpuint (entry->size, ==, 16);
  g_assert_cmpuint (entry->compressed_size, ==, 16);
  g_assert_cmpuint (entry->local_offset, ==, 0);
  g_assert_false (entry->is_directory);
  g_assert_false (entry->is_unsafe);
  g_assert_true (debrief_zip_get_entry (zip, 2)->is_directory);

  hello = debrief_zip_extract (zip, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (hello, NULL), g_bytes_get_size (hello), "Hello, Debrief!\n", 16);

  empty = debrief_zip_extract (zip, 1, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (empty), ==, 0);
  g_assert_cmpuint (debrief_zip_get_extracted_size (zip), ==, 16);
}

static void
test_deflated (void)
{
  g_autoptr(DebriefZip) zip = open_fixture ("deflated.zip");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) log = NULL;
  g_autoptr(GBytes) empty = NULL;
  const DebriefZipEntry *entry = debrief_zip_get_entry (zip, 0);
  g_autofree char *text = NULL;

  g_assert_cmpstr (entry->name, ==, "gateway.log");
  g_assert_cmpuint (entry->method, ==, DEBRIEF_ZIP_METHOD_DEFLATE);
  g_assert_cmpuint (entry->compressed_size, <, entry->size);

  log = debrief_zip_extract (zip, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (log), ==, entry->size);
  text = g_strndup (g_bytes_get_data (log, NULL), g_bytes_get_size (log));
  g_assert_true (g_str_has_prefix (text, "2026-03-14T02:11:00.000Z wifi: reconnect attempt 0\n"));
  g_assert_true (g_str_has_suffix (text, "2026-03-14T02:11:39.000Z wifi: reconnect attempt 39\n"));

  empty = debrief_zip_extract (zip, 1, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (empty), ==, 0);
}

static void
test_slack_export (void)
{
  g_autoptr(DebriefZip) zip = open_fixture ("slack-export.zip");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) day = NULL;
  int index;

  g_assert_cmpuint (debrief_zip_get_n_entries (zip), ==, 4);
  g_assert_cmpint (debrief_zip_find_entry (zip, "channels.json"), ==, 0);
  g_assert_cmpint (debrief_zip_find_entry (zip, "users.json"), ==, 1);
  g_assert_cmpint (debrief_zip_find_entry (zip, "missing.json"), ==, -1);

  index = debrief_zip_find_entry (zip, "incident-4711/2026-03-14.json");
  g_assert_cmpint (index, ==, 3);
  day = debrief_zip_extract (zip, index, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (day, NULL), g_bytes_get_size (day), "gateways in EU-2 offline"));
}

static void
test_bomb_entry_limit (void)
{
  g_autoptr(DebriefZip) zip = open_fixture ("bomb.zip");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) whole = NULL;

  g_assert_cmpuint (debrief_zip_get_entry (zip, 0)->size, ==, 4 * 1024 * 1024);
  g_assert_cmpuint (debrief_zip_get_entry (zip, 0)->compressed_size, <, 8 * 1024);

  bytes = debrief_zip_extract (zip, 0, 1024 * 1024, &error);
  g_assert_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_TOO_LARGE);
  g_assert_null (bytes);
  g_assert_cmpuint (debrief_zip_get_extracted_size (zip), ==, 0);
  g_clear_error (&error);

  /* Exactly at the limit is fine. */
  whole = debrief_zip_extract (zip, 0, 4 * 1024 * 1024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (whole), ==, 4 * 1024 * 1024);
}

static void
test_bomb_total_limit (void)
{
  g_autoptr(DebriefZip) zip = open_fixture ("bomb.zip");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  debrief_zip_set_max_total_size (zip, 6 * 1024 * 1024);
  first = debrief_zip_extract (zip, 0, 0, &error);
  g_assert_no_error (error);
  second = debrief_zip_extract (zip, 1, 0, &error);
  g_assert_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_TOO_LARGE);
  g_assert_null (second);
}

/* A bomb that declares a small size is stopped just past that size. */
static void
test_bomb_lying_size (void)
{
  g_autoptr(GByteArray) data = fixture_array ("bomb.zip");
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefZip) zip = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize central = find_signature (data, "PK\001\002", 0);

  data->data[central + 24] = 0xe8;
  data->data[central + 25] = 0x03;
  data->data[central + 26] = 0;
  data->data[central + 27] = 0;

  zip = open_patched (data, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (debrief_zip_get_entry (zip, 0)->size, ==, 1000);
  bytes = debrief_zip_extract (zip, 0, 0, &error);
  g_assert_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_CORRUPT);
  g_assert_null (bytes);
}

static void
test_unsafe_names (void)
{
  g_autoptr(DebriefZip) zip = open_fixture ("unsafe-names.zip");
  const char * const names[] = {
    "../evil.sh", "/etc/passwd", "logs\\..\\..\\evil.txt", "notes/../../evil.txt", "notes/ok.txt",
  };

  g_assert_cmpuint (debrief_zip_get_n_entries (zip), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (debrief_zip_get_entry_name (zip, i), ==, names[i]);
      g_assert_cmpint (debrief_zip_get_entry (zip, i)->is_unsafe, ==, i != 4);
    }

  /* Never found by name, so never used as a path by accident. */
  g_assert_cmpint (debrief_zip_find_entry (zip, "../evil.sh"), ==, -1);
  g_assert_cmpint (debrief_zip_find_entry (zip, "/etc/passwd"), ==, -1);
  g_assert_cmpint (debrief_zip_find_entry (zip, "notes/ok.txt"), ==, 4);

  g_assert_false (debrief_zip_is_safe_name (""));
  g_assert_false (debrief_zip_is_safe_name ("C:/Windows/evil.dll"));
  g_assert_false (debrief_zip_is_safe_name (".."));
  g_assert_true (debrief_zip_is_safe_name ("a..b/c..d.json"));
  g_assert_true (debrief_zip_is_safe_name ("incident-4711/2026-03-14.json"));
}

static void
test_truncated (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("truncated.zip");
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefZip) zip = debrief_zip_open_bytes (bytes, &error);

  g_assert_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_TRUNCATED);
  g_assert_null (zip);
}

/* Every prefix of an archive fails cleanly or opens: never a bad read,
 * which the sanitizer run checks. */
static void
test_every_prefix (void)
{
  g_autoptr(GBytes) whole = load_fixture ("slack-export.zip");
  gsize size;
  const guint8 *data = g_bytes_get_data (whole, &size);

  for (gsize length = 0; length <= size; length++)
    {
      g_autoptr(GBytes) prefix = g_bytes_new (data, length);
      g_autoptr(GError) error = NULL;
      g_autoptr(DebriefZip) zip = debrief_zip_open_bytes (prefix, &error);

      if (length < size)
        {
          g_assert_null (zip);
          g_assert_nonnull (error);
          g_assert_true (error->domain == DEBRIEF_ZIP_ERROR);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_nonnull (zip);
        }
    }
}

static void
test_bad_crc (void)
{
  g_autoptr(DebriefZip) zip = open_fixture ("bad-crc.zip");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = debrief_zip_extract (zip, 0, 0, &error);

  g_assert_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_CHECKSUM);
  g_assert_null (bytes);
  g_assert_cmpuint (debrief_zip_get_extracted_size (zip), ==, 0);
}

static void
test_not_zip (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("2026-03-14T02:11:07Z boot\n", 26);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefZip) zip = debrief_zip_open_bytes (bytes, &error);

  g_assert_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_NOT_ZIP);
  g_assert_null (zip);
  g_clear_error (&error);

  zip = debrief_zip_open_bytes (empty, &error);
  g_assert_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_NOT_ZIP);
  g_assert_null (zip);
}

static void
test_bad_directory_offset (void)
{
  g_autoptr(GByteArray) data = fixture_array ("deflated.zip");
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefZip) zip = NULL;
  gsize end = find_signature (data, "PK\005\006", 0);
  gsize central = find_signature (data, "PK\001\002", 0);

  /* The directory's offset points into the middle of the data. */
  data->data[end + 16] = 7;
  zip = open_patched (data, &error);
  g_assert_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_BAD_DIRECTORY);
  g_assert_null (zip);
  g_clear_error (&error);
  data->data[end + 16] = (guint8) central;
  data->data[end + 17] = (guint8) (central >> 8);

  /* An entry whose local header lies past the directory. */
  data->data[central + 42] = 0xff;
  data->data[central + 43] = 0xff;
  zip = open_patched (data, &error);
  g_assert_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_BAD_DIRECTORY);
  g_assert_null (zip);
}

static void
test_overlapping (void)
{
  g_autoptr(GByteArray) data = fixture_array ("stored.zip");
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefZip) zip = NULL;
  gsize second = find_signature (data, "PK\001\002", 1);

  /* The second entry claims the first one's bytes. */
  memset (data->data + second + 42, 0, 4);
  zip = open_patched (data, &error);
  g_assert_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_OVERLAP);
  g_assert_null (zip);
}

static void
test_zip64 (void)
{
  g_autoptr(GByteArray) data = fixture_array ("stored.zip");
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefZip) zip = NULL;
  gsize end = find_signature (data, "PK\005\006", 0);

  memset (data->data + end + 16, 0xff, 4);
  zip = open_patched (data, &error);
  g_assert_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_UNSUPPORTED);
  g_assert_null (zip);
}

static void
test_encrypted (void)
{
  g_autoptr(GByteArray) data = fixture_array ("stored.zip");
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefZip) zip = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize central = find_signature (data, "PK\001\002", 0);

  data->data[central + 8] |= 1;
  zip = open_patched (data, &error);
  g_assert_no_error (error);
  g_assert_true (debrief_zip_get_entry (zip, 0)->is_encrypted);
  bytes = debrief_zip_extract (zip, 0, 0, &error);
  g_assert_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_ENCRYPTED);
  g_assert_null (bytes);
}

static void
test_unknown_method (void)
{
  g_autoptr(GByteArray) data = fixture_array ("stored.zip");
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefZip) zip = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize central = find_signature (data, "PK\001\002", 0);

  data->data[central + 10] = 12; /* bzip2 */
  zip = open_patched (data, &error);
  g_assert_no_error (error);
  bytes = debrief_zip_extract (zip, 0, 0, &error);
  g_assert_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_UNSUPPORTED);
  g_assert_null (bytes);
}

static void
test_corrupt_deflate (void)
{
  g_autoptr(GByteArray) data = fixture_array ("deflated.zip");
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefZip) zip = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const DebriefZipEntry *entry;

  zip = open_patched (data, &error);
  g_assert_no_error (error);
  entry = debrief_zip_get_entry (zip, 0);
  /* A reserved block type (BTYPE 11) is invalid deflate data. */
  data->data[entry->data_offset] = 0x07;
  g_clear_pointer (&zip, debrief_zip_free);

  zip = open_patched (data, &error);
  g_assert_no_error (error);
  bytes = debrief_zip_extract (zip, 0, 0, &error);
  g_assert_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_CORRUPT);
  g_assert_null (bytes);
}

static void
test_open_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "zip", "slack-export.zip", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/debrief.zip");
  g_autoptr(GError) error = NULL;
  g_autoptr(DebriefZip) zip = debrief_zip_open_file (file, NULL, &error);
  g_autoptr(DebriefZip) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (debrief_zip_get_n_entries (zip), ==, 4);

  none = debrief_zip_open_file (missing, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (none);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debrief/zip/crc32", test_crc32);
  g_test_add_func ("/debrief/zip/stored", test_stored);
  g_test_add_func ("/debrief/zip/deflated", test_deflated);
  g_test_add_func ("/debrief/zip/slack-export", test_slack_export);
  g_test_add_func ("/debrief/zip/open-file", test_open_file);
  g_test_add_func ("/debrief/zip/bomb-entry-limit", test_bomb_entry_limit);
  g_test_add_func ("/debrief/zip/bomb-total-limit", test_bomb_total_limit);
  g_test_add_func ("/debrief/zip/bomb-lying-size", test_bomb_lying_size);
  g_test_add_func ("/debrief/zip/unsafe-names", test_unsafe_names);
  g_test_add_func ("/debrief/zip/truncated", test_truncated);
  g_test_add_func ("/debrief/zip/every-prefix", test_every_prefix);
  g_test_add_func ("/debrief/zip/bad-crc", test_bad_crc);
  g_test_add_func ("/debrief/zip/not-zip", test_not_zip);
  g_test_add_func ("/debrief/zip/bad-directory-offset", test_bad_directory_offset);
  g_test_add_func ("/debrief/zip/overlapping", test_overlapping);
  g_test_add_func ("/debrief/zip/zip64", test_zip64);
  g_test_add_func ("/debrief/zip/encrypted", test_encrypted);
  g_test_add_func ("/debrief/zip/unknown-method", test_unknown_method);
  g_test_add_func ("/debrief/zip/corrupt-deflate", test_corrupt_deflate);

  return g_test_run ();
}
