/* debrief-zip.c
 *
 * A small reader for zip archives (Slack exports), held in memory.
 *
 * Every archive is untrusted. Each offset and size read from it is checked
 * against the bytes there are before it is used, entries may not share
 * bytes, and inflating stops at a limit the caller gives, so that a small
 * archive cannot expand into all of memory. The reader hands out bytes,
 * never writes files: names are returned as text and those that would
 * escape a folder are marked unsafe. ZIP64, split archives and encryption
 * are refused with an error that says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-zip"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "debrief-zip.h"

#define LOCAL_HEADER_SIGNATURE   0x04034b50
#define CENTRAL_HEADER_SIGNATURE 0x02014b50
#define END_SIGNATURE            0x06054b50
#define ZIP64_LOCATOR_SIGNATURE  0x07064b50

#define LOCAL_HEADER_SIZE   30
#define CENTRAL_HEADER_SIZE 46
#define END_SIZE            22
#define ZIP64_LOCATOR_SIZE  20

#define FLAG_ENCRYPTED       (1 << 0)
#define FLAG_STRONG_ENCRYPT  (1 << 6)

#define INFLATE_CHUNK (64 * 1024)

struct _DebriefZip
{
  GBytes          *bytes;
  const guint8    *data;
  gsize            size;
  GArray          *entries;     /* of DebriefZipEntry */
  gsize            max_total_size;
  gsize            extracted_size;
};

G_DEFINE_QUARK (debrief-zip-error-quark, debrief_zip_error)

static guint32 crc_table[256];

static void
init_crc_table (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (guint k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
          crc_table[n] = c;
        }
      g_once_init_leave (&initialized, 1);
    }
}

/* Pass 0 as @crc to start; pass the result back in to continue. */
guint32
debrief_zip_crc32 (guint32     crc,
                   const void *data,
                   gsize       length)
{
  const guint8 *p = data;

  g_return_val_if_fail (data != NULL || length == 0, 0);

  init_crc_table ();

  crc = ~crc;
  for (gsize i = 0; i < length; i++)
    crc = crc_table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);

  return ~crc;
}

static inline guint16
read_u16 (const guint8 *p)
{
  return (guint16) (p[0] | (p[1] << 8));
}

static inline guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static void
entry_clear (gpointer data)
{
  DebriefZipEntry *entry = data;

  g_clear_pointer (&entry->name, g_free);
}

gboolean
debrief_zip_is_safe_name (const char *name)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  if (*name == '\0' || *name == '/' || strchr (name, '\\') != NULL)
    return FALSE;

  /* A drive letter ("C:") is absolute on Windows. */
  if (g_ascii_isalpha (name[0]) && name[1] == ':')
    return FALSE;

  parts = g_strsplit (name, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], ".."))
        return FALSE;
    }

  for (const char *p = name; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        return FALSE;
    }

  return TRUE;
}

static gboolean
find_end (const guint8  *data,
          gsize          size,
          gsize         *out_offset,
          GError       **error)
{
  gsize lowest;

  if (size < END_SIZE)
    {
      g_set_error_literal (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_NOT_ZIP,
                           _("The file is too short to be a zip archive."));
      return FALSE;
    }

  /* The end record is followed by at most a 65535-byte comment. */
  lowest = size > END_SIZE + 0xffff ? size - END_SIZE - 0xffff : 0;
  for (gsize offset = size - END_SIZE + 1; offset-- > lowest;)
    {
      if (read_u32 (data + offset) == END_SIGNATURE
          && offset + END_SIZE + read_u16 (data + offset + 20) <= size)
        {
          *out_offset = offset;
          return TRUE;
        }
    }

  if (size >= 4 && read_u32 (data) == LOCAL_HEADER_SIGNATURE)
    g_set_error_literal (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_TRUNCATED,
                         _("The zip archive is incomplete: its table of contents at the end is missing."));
  else
    g_set_error_literal (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_NOT_ZIP,
                         _("The file is not a zip archive."));
  return FALSE;
}

static int
compare_by_offset (gconstpointer a,
                   gconstpointer b)
{
  const DebriefZipEntry *const *ea = a;
  const DebriefZipEntry *const *eb = b;

  if ((*ea)->local_offset != (*eb)->local_offset)
    return (*ea)->local_offset < (*eb)->local_offset ? -1 : 1;
  return 0;
}

static gboolean
check_overlaps (GArray  *entries,
                GError **error)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (entries->len);

  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (sorted, &g_array_index (entries, DebriefZipEntry, i));
  g_ptr_array_sort (sorted, compare_by_offset);

  for (guint i = 1; i < sorted->len; i++)
    {
      const DebriefZipEntry *previous = g_ptr_array_index (sorted, i - 1);
      const DebriefZipEntry *entry = g_ptr_array_index (sorted, i);
      guint64 previous_end = (guint64) previous->data_offset + previous->compressed_size;

      if (entry->local_offset < previous_end)
        {
          g_set_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_OVERLAP,
                       _("The zip archive is malformed: entries “%s” and “%s” overlap."),
                       previous->name, entry->name);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_directory (DebriefZip  *zip,
                GError     **error)
{
  gsize end_offset;
  const guint8 *end;
  guint16 disk, cd_disk, n_on_disk, n_entries;
  guint32 cd_size, cd_offset;
  gsize p;

  if (!find_end (zip->data, zip->size, &end_offset, error))
    return FALSE;

  end = zip->data + end_offset;
  disk = read_u16 (end + 4);
  cd_disk = read_u16 (end + 6);
  n_on_disk = read_u16 (end + 8);
  n_entries = read_u16 (end + 10);
  cd_size = read_u32 (end + 12);
  cd_offset = read_u32 (end + 16);

  if ((end_offset >= ZIP64_LOCATOR_SIZE
       && read_u32 (zip->data + end_offset - ZIP64_LOCATOR_SIZE) == ZIP64_LOCATOR_SIGNATURE)
      || n_entries == 0xffff || cd_size == 0xffffffff || cd_offset == 0xffffffff)
    {
      g_set_error_literal (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_UNSUPPORTED,
                           _("The zip archive uses the ZIP64 extension, which Debrief cannot read. Unpack it into a folder first."));
      return FALSE;
    }

  if (disk != 0 || cd_disk != 0 || n_on_disk != n_entries)
    {
      g_set_error_literal (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_UNSUPPORTED,
                           _("The zip archive is split over several files, which Debrief cannot read."));
      return FALSE;
    }

  if ((guint64) cd_offset + cd_size > end_offset)
    {
      g_set_error_literal (error, DEBRIEF_ZIP_ERROR,
                           (guint64) cd_offset + cd_size > zip->size ? DEBRIEF_ZIP_ERROR_TRUNCATED : DEBRIEF_ZIP_ERROR_BAD_DIRECTORY,
                           _("The zip archive is damaged: its table of contents points outside the file."));
      return FALSE;
    }

  if ((guint64) n_entries * CENTRAL_HEADER_SIZE > cd_size)
    {
      g_set_error_literal (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_BAD_DIRECTORY,
                           _("The zip archive is damaged: its table of contents is shorter than the entries it lists."));
      return FALSE;
    }

  g_array_set_size (zip->entries, 0);
  p = cd_offset;
  for (guint i = 0; i < n_entries; i++)
    {
      DebriefZipEntry entry = { 0, };
      const guint8 *header = zip->data + p;
      const guint8 *local;
      guint16 name_length, extra_length, comment_length;
      guint64 data_end;

      if (p + CENTRAL_HEADER_SIZE > (gsize) cd_offset + cd_size
          || read_u32 (header) != CENTRAL_HEADER_SIGNATURE)
        {
          g_set_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_BAD_DIRECTORY,
                       _("The zip archive is damaged: entry %u of its table of contents is malformed."), i + 1);
          return FALSE;
        }

      entry.flags = read_u16 (header + 8);
      entry.method = read_u16 (header + 10);
      entry.crc32 = read_u32 (header + 16);
      entry.compressed_size = read_u32 (header + 20);
      entry.size = read_u32 (header + 24);
      name_length = read_u16 (header + 28);
      extra_length = read_u16 (header + 30);
      comment_length = read_u16 (header + 32);
      entry.local_offset = read_u32 (header + 42);

      if (p + CENTRAL_HEADER_SIZE + name_length + extra_length + comment_length > (gsize) cd_offset + cd_size)
        {
          g_set_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_BAD_DIRECTORY,
                       _("The zip archive is damaged: entry %u of its table of contents is malformed."), i + 1);
          return FALSE;
        }

      if (entry.compressed_size == 0xffffffff || entry.size == 0xffffffff || entry.local_offset == 0xffffffff)
        {
          g_set_error_literal (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_UNSUPPORTED,
                               _("The zip archive uses the ZIP64 extension, which Debrief cannot read. Unpack it into a folder first."));
          return FALSE;
        }

      {
        g_autofree char *raw = g_strndup ((const char *) header + CENTRAL_HEADER_SIZE, name_length);

        /* A NUL inside the name would hide what follows it. */
        entry.is_unsafe = strlen (raw) != name_length
                          || !g_utf8_validate (raw, -1, NULL)
                          || !debrief_zip_is_safe_name (raw);
        entry.name = g_utf8_make_valid (raw, -1);
      }
      entry.is_directory = g_str_has_suffix (entry.name, "/");
      entry.is_encrypted = (entry.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPT)) != 0;

      /* Append before any further check so that the name is freed. */
      g_array_append_val (zip->entries, entry);

      if ((guint64) entry.local_offset + LOCAL_HEADER_SIZE > cd_offset)
        {
          g_set_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_BAD_DIRECTORY,
                       _("The zip archive is damaged: entry “%s” points outside the file."), entry.name);
          return FALSE;
        }

      local = zip->data + entry.local_offset;
      if (read_u32 (local) != LOCAL_HEADER_SIGNATURE)
        {
          g_set_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_BAD_DIRECTORY,
                       _("The zip archive is damaged: entry “%s” points to the wrong place."), entry.name);
          return FALSE;
        }

      g_array_index (zip->entries, DebriefZipEntry, i).data_offset =
        entry.local_offset + LOCAL_HEADER_SIZE + read_u16 (local + 26) + read_u16 (local + 28);
      data_end = (guint64) entry.local_offset + LOCAL_HEADER_SIZE + read_u16 (local + 26)
                 + read_u16 (local + 28) + entry.compressed_size;
      if (data_end > cd_offset)
        {
          g_set_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_BAD_DIRECTORY,
                       _("The zip archive is damaged: the data of entry “%s” runs past the end."), entry.name);
          return FALSE;
        }

      p += CENTRAL_HEADER_SIZE + name_length + extra_length + comment_length;
    }

  return check_overlaps (zip->entries, error);
}

DebriefZip *
debrief_zip_open_bytes (GBytes  *bytes,
                        GError **error)
{
  g_autoptr(DebriefZip) zip = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  zip = g_new0 (DebriefZip, 1);
  zip->bytes = g_bytes_ref (bytes);
  zip->data = g_bytes_get_data (bytes, &zip->size);
  zip->entries = g_array_new (FALSE, TRUE, sizeof (DebriefZipEntry));
  g_array_set_clear_func (zip->entries, entry_clear);
  zip->max_total_size = DEBRIEF_ZIP_DEFAULT_MAX_TOTAL_SIZE;

  if (zip->data == NULL)
    zip->size = 0;

  if (!read_directory (zip, error))
    return NULL;

  return g_steal_pointer (&zip);
}

DebriefZip *
debrief_zip_open_file (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;

  return debrief_zip_open_bytes (bytes, error);
}

void
debrief_zip_free (DebriefZip *zip)
{
  if (zip == NULL)
    return;

  g_clear_pointer (&zip->entries, g_array_unref);
  g_clear_pointer (&zip->bytes, g_bytes_unref);
  g_free (zip);
}

/* What all extractions together may produce; the default is
 * DEBRIEF_ZIP_DEFAULT_MAX_TOTAL_SIZE. */
void
debrief_zip_set_max_total_size (DebriefZip *zip,
                                gsize       max_total_size)
{
  g_return_if_fail (zip != NULL);

  zip->max_total_size = max_total_size;
}

gsize
debrief_zip_get_extracted_size (DebriefZip *zip)
{
  g_return_val_if_fail (zip != NULL, 0);

  return zip->extracted_size;
}

guint
debrief_zip_get_n_entries (DebriefZip *zip)
{
  g_return_val_if_fail (zip != NULL, 0);

  return zip->entries->len;
}

const DebriefZipEntry *
debrief_zip_get_entry (DebriefZip *zip,
                       guint       index)
{
  g_return_val_if_fail (zip != NULL, NULL);
  g_return_val_if_fail (index < zip->entries->len, NULL);

  return &g_array_index (zip->entries, DebriefZipEntry, index);
}

const char *
debrief_zip_get_entry_name (DebriefZip *zip,
                            guint       index)
{
  g_return_val_if_fail (zip != NULL, NULL);
  g_return_val_if_fail (index < zip->entries->len, NULL);

  return g_array_index (zip->entries, DebriefZipEntry, index).name;
}

/* The index of the entry named exactly @name, or -1. Unsafe names are
 * never found. */
int
debrief_zip_find_entry (DebriefZip *zip,
                        const char *name)
{
  g_return_val_if_fail (zip != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  for (guint i = 0; i < zip->entries->len && i < G_MAXINT; i++)
    {
      const DebriefZipEntry *entry = &g_array_index (zip->entries, DebriefZipEntry, i);

      if (!entry->is_unsafe && g_str_equal (entry->name, name))
        return (int) i;
    }

  return -1;
}

static void
set_too_large (GError               **error,
               const DebriefZipEntry *entry,
               gsize                  limit)
{
  g_autofree char *size = g_format_size (limit);

  g_set_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_TOO_LARGE,
               _("The zip archive expands to more than %s at “%s”; it is not read further."),
               size, entry->name);
}

/* Inflating stops one byte past the declared size, which is within
 * @max_size: a bomb that lies about its size is caught there. */
static GBytes *
inflate_entry (const DebriefZipEntry  *entry,
               const guint8           *input,
               gsize                   max_size,
               GError                **error)
{
  gsize limit = MIN ((gsize) entry->size, max_size);
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW);
  g_autoptr(GByteArray) output = g_byte_array_new ();
  gsize in_pos = 0;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gsize left = limit - output->len;
      gsize room = left < INFLATE_CHUNK ? left + 1 : INFLATE_CHUNK;
      gsize old_length = output->len;
      gsize bytes_read = 0;
      gsize bytes_written = 0;
      GConverterResult result;

      /* One byte past the limit tells "exactly at" from "beyond". */
      g_byte_array_set_size (output, old_length + room);
      result = g_converter_convert (G_CONVERTER (decompressor),
                                    input + in_pos, entry->compressed_size - in_pos,
                                    output->data + old_length, room,
                                    G_CONVERTER_INPUT_AT_END,
                                    &bytes_read, &bytes_written, &local_error);
      g_byte_array_set_size (output, old_length + (result == G_CONVERTER_ERROR ? 0 : bytes_written));

      if (result == G_CONVERTER_ERROR)
        {
          g_set_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_CORRUPT,
                       _("The data of “%s” in the zip archive is damaged (%s)."),
                       entry->name, local_error->message);
          return NULL;
        }

      in_pos += bytes_read;

      if (output->len > limit)
        {
          if (limit < max_size)
            g_set_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_CORRUPT,
                         _("“%s” in the zip archive expands to more than the size it declares."),
                         entry->name);
          else
            set_too_large (error, entry, max_size);
          return NULL;
        }

      if (result == G_CONVERTER_FINISHED)
        break;

      if (bytes_read == 0 && bytes_written == 0)
        {
          g_set_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_CORRUPT,
                       _("The data of “%s” in the zip archive stops short."), entry->name);
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&output));
}

/* The contents of entry @index, at most @max_size bytes (0 for
 * DEBRIEF_ZIP_DEFAULT_MAX_ENTRY_SIZE), checked against its size and CRC-32.
 * Entries with unsafe names can be read: only their names must not be
 * used as paths. */
GBytes *
debrief_zip_extract (DebriefZip  *zip,
                     guint        index,
                     gsize        max_size,
                     GError     **error)
{
  const DebriefZipEntry *entry;
  g_autoptr(GBytes) contents = NULL;
  gsize limit;
  gsize length;
  const guint8 *input;

  g_return_val_if_fail (zip != NULL, NULL);
  g_return_val_if_fail (index < zip->entries->len, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  entry = &g_array_index (zip->entries, DebriefZipEntry, index);

  if (entry->is_encrypted)
    {
      g_set_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_ENCRYPTED,
                   _("“%s” in the zip archive is encrypted, which Debrief cannot read."), entry->name);
      return NULL;
    }

  if (max_size == 0)
    max_size = DEBRIEF_ZIP_DEFAULT_MAX_ENTRY_SIZE;
  limit = MIN (max_size, zip->max_total_size - MIN (zip->max_total_size, zip->extracted_size));

  if (entry->size > limit)
    {
      set_too_large (error, entry, limit);
      return NULL;
    }

  input = zip->data + entry->data_offset;

  switch (entry->method)
    {
    case DEBRIEF_ZIP_METHOD_STORED:
      if (entry->compressed_size != entry->size)
        {
          g_set_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_CORRUPT,
                       _("“%s” in the zip archive declares two different sizes."), entry->name);
          return NULL;
        }
      contents = g_bytes_new_from_bytes (zip->bytes, entry->data_offset, entry->size);
      break;

    case DEBRIEF_ZIP_METHOD_DEFLATE:
      contents = inflate_entry (entry, input, limit, error);
      if (contents == NULL)
        return NULL;
      break;

    default:
      g_set_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_UNSUPPORTED,
                   _("“%s” in the zip archive is compressed with method %u, which Debrief cannot read."),
                   entry->name, entry->method);
      return NULL;
    }

  length = g_bytes_get_size (contents);
  if (length != entry->size)
    {
      g_set_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_CORRUPT,
                   _("“%s” in the zip archive is not the size it declares."), entry->name);
      return NULL;
    }

  if (debrief_zip_crc32 (0, g_bytes_get_data (contents, NULL), length) != entry->crc32)
    {
      g_set_error (error, DEBRIEF_ZIP_ERROR, DEBRIEF_ZIP_ERROR_CHECKSUM,
                   _("“%s” in the zip archive is damaged: its checksum does not match."), entry->name);
      return NULL;
    }

  zip->extracted_size += length;

  return g_steal_pointer (&contents);
}
