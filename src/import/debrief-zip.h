/* debrief-zip.h
 *
 * A small reader for zip archives (Slack exports), held in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DEBRIEF_ZIP_ERROR (debrief_zip_error_quark ())

/**
 * DebriefZipError:
 * @DEBRIEF_ZIP_ERROR_NOT_ZIP: no end of central directory: not a zip archive
 * @DEBRIEF_ZIP_ERROR_TRUNCATED: the archive stops short of what it declares
 * @DEBRIEF_ZIP_ERROR_BAD_DIRECTORY: the central directory or a local header
 *   is malformed or points outside the archive
 * @DEBRIEF_ZIP_ERROR_OVERLAP: two entries share bytes of the archive
 * @DEBRIEF_ZIP_ERROR_UNSUPPORTED: ZIP64, archives split over several disks,
 *   or a compression method other than stored and deflate
 * @DEBRIEF_ZIP_ERROR_ENCRYPTED: the entry is encrypted
 * @DEBRIEF_ZIP_ERROR_TOO_LARGE: the entry, or all entries read so far,
 *   expand past the limit given
 * @DEBRIEF_ZIP_ERROR_CORRUPT: the compressed data is damaged, or expands to
 *   a size other than the one declared
 * @DEBRIEF_ZIP_ERROR_CHECKSUM: the data does not match its CRC-32
 * @DEBRIEF_ZIP_ERROR_UNSAFE_NAME: the entry's name is a path that could
 *   leave a folder (absolute, "..", backslashes)
 */
typedef enum
{
  DEBRIEF_ZIP_ERROR_NOT_ZIP,
  DEBRIEF_ZIP_ERROR_TRUNCATED,
  DEBRIEF_ZIP_ERROR_BAD_DIRECTORY,
  DEBRIEF_ZIP_ERROR_OVERLAP,
  DEBRIEF_ZIP_ERROR_UNSUPPORTED,
  DEBRIEF_ZIP_ERROR_ENCRYPTED,
  DEBRIEF_ZIP_ERROR_TOO_LARGE,
  DEBRIEF_ZIP_ERROR_CORRUPT,
  DEBRIEF_ZIP_ERROR_CHECKSUM,
  DEBRIEF_ZIP_ERROR_UNSAFE_NAME,
} DebriefZipError;

typedef enum
{
  DEBRIEF_ZIP_METHOD_STORED  = 0,
  DEBRIEF_ZIP_METHOD_DEFLATE = 8,
} DebriefZipMethod;

/* Limits for an archive nobody vouches for. */
#define DEBRIEF_ZIP_DEFAULT_MAX_ENTRY_SIZE ((gsize) 64 * 1024 * 1024)
#define DEBRIEF_ZIP_DEFAULT_MAX_TOTAL_SIZE ((gsize) 512 * 1024 * 1024)

/* One entry as the central directory declares it. */
typedef struct
{
  char     *name;              /* valid UTF-8; not to be used as a path */
  guint16   method;            /* a DebriefZipMethod, or another number */
  guint16   flags;             /* the general purpose bit flag */
  guint32   crc32;
  guint32   compressed_size;
  guint32   size;              /* uncompressed, as declared */
  guint32   local_offset;      /* of the local file header */
  guint32   data_offset;       /* of the (compressed) data */
  guint     is_directory : 1;
  guint     is_encrypted : 1;
  guint     is_unsafe : 1;     /* a name that could escape a folder */
} DebriefZipEntry;

typedef struct _DebriefZip DebriefZip;

GQuark                 debrief_zip_error_quark          (void);

guint32                debrief_zip_crc32                (guint32       crc,
                                                         const void   *data,
                                                         gsize         length);

DebriefZip            *debrief_zip_open_bytes           (GBytes       *bytes,
                                                         GError      **error);
DebriefZip            *debrief_zip_open_file            (GFile        *file,
                                                         GCancellable *cancellable,
                                                         GError      **error);
void                   debrief_zip_free                 (DebriefZip   *zip);

void                   debrief_zip_set_max_total_size   (DebriefZip   *zip,
                                                         gsize         max_total_size);
gsize                  debrief_zip_get_extracted_size   (DebriefZip   *zip);

guint                  debrief_zip_get_n_entries        (DebriefZip   *zip);
const DebriefZipEntry *debrief_zip_get_entry            (DebriefZip   *zip,
                                                         guint         index);
const char            *debrief_zip_get_entry_name       (DebriefZip   *zip,
                                                         guint         index);
int                    debrief_zip_find_entry           (DebriefZip   *zip,
                                                         const char   *name);
gboolean               debrief_zip_is_safe_name         (const char   *name);

GBytes                *debrief_zip_extract              (DebriefZip   *zip,
                                                         guint         index,
                                                         gsize         max_size,
                                                         GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DebriefZip, debrief_zip_free)

G_END_DECLS
