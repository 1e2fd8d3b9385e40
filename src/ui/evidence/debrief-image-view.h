/* debrief-image-view.h
 *
 * A photo or screenshot among the evidence, with zoom.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-evidence-viewer.h"

G_BEGIN_DECLS

#define DEBRIEF_IMAGE_VIEW_ERROR (debrief_image_view_error_quark ())

/**
 * DebriefImageViewError:
 * @DEBRIEF_IMAGE_VIEW_ERROR_EMPTY: the file holds nothing
 * @DEBRIEF_IMAGE_VIEW_ERROR_TOO_LARGE: the image has more pixels than can
 *   be shown
 * @DEBRIEF_IMAGE_VIEW_ERROR_UNREADABLE: the file is damaged, or not an
 *   image in a format that can be shown
 */
typedef enum
{
  DEBRIEF_IMAGE_VIEW_ERROR_EMPTY,
  DEBRIEF_IMAGE_VIEW_ERROR_TOO_LARGE,
  DEBRIEF_IMAGE_VIEW_ERROR_UNREADABLE,
} DebriefImageViewError;

#define DEBRIEF_TYPE_IMAGE_VIEW (debrief_image_view_get_type ())

G_DECLARE_FINAL_TYPE (DebriefImageView, debrief_image_view, DEBRIEF, IMAGE_VIEW, GtkWidget)

GQuark      debrief_image_view_error_quark   (void);

GtkWidget  *debrief_image_view_new           (void);
gboolean    debrief_image_view_set_bytes     (DebriefImageView  *self,
                                              GBytes            *bytes,
                                              GError           **error);
GdkTexture *debrief_image_view_get_texture   (DebriefImageView  *self);
double      debrief_image_view_get_zoom      (DebriefImageView  *self);
void        debrief_image_view_set_zoom      (DebriefImageView  *self,
                                              double             zoom);
gboolean    debrief_image_view_get_fits      (DebriefImageView  *self);
void        debrief_image_view_zoom_to_fit   (DebriefImageView  *self);

G_END_DECLS
