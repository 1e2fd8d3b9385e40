/* debrief-evidence-kind.h
 *
 * Telling what kind of evidence a file is from its first bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "debrief-enums.h"

G_BEGIN_DECLS

/* How much of a file debrief_evidence_detect_kind() wants to see: more is
 * not looked at. */
#define DEBRIEF_EVIDENCE_SAMPLE_SIZE (64 * 1024)

DebriefEvidenceKind  debrief_evidence_detect_kind           (GBytes              *sample,
                                                             const char          *file_name,
                                                             const char          *media_type);
const char          *debrief_evidence_kind_get_name         (DebriefEvidenceKind  kind);
const char          *debrief_evidence_kind_get_icon_name    (DebriefEvidenceKind  kind);

/* What an image is, decided here for the kind detector and the import. */
typedef enum
{
  DEBRIEF_IMAGE_FORMAT_NONE,
  DEBRIEF_IMAGE_FORMAT_PNG,
  DEBRIEF_IMAGE_FORMAT_JPEG,
  DEBRIEF_IMAGE_FORMAT_GIF,
  DEBRIEF_IMAGE_FORMAT_BMP,
  DEBRIEF_IMAGE_FORMAT_WEBP,
} DebriefImageFormat;

/* The image format of a file by its signature (a sample is enough). */
DebriefImageFormat   debrief_image_format_detect            (const guint8        *data,
                                                             gsize                size);
/* Whether the image view can show @format: an image kept as an image only
 * if it can, else as another file. */
gboolean             debrief_image_format_can_show          (DebriefImageFormat   format);
const char          *debrief_image_format_get_name          (DebriefImageFormat   format);

G_END_DECLS
