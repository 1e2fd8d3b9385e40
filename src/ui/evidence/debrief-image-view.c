/* debrief-image-view.c
 *
 * A photo or screenshot among the evidence: scaled to fit the view (never
 * beyond its own size) until the user zooms, then shown at that zoom in
 * a scrolled window. Zoom with the buttons, Ctrl and the scroll wheel
 * (about the pointer), or Ctrl with +, - and 0 (best fit) or 1 (original
 * size).
 *
 * Files are untrusted: the size an image claims is checked before it is
 * decoded, so that a small file cannot ask for gigabytes, and a file that
 * cannot be read is shown as such, with the reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-image-view"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "debrief-image-view.h"

#define MIN_ZOOM 0.05
#define MAX_ZOOM 16.0

/* About 500 MiB decoded; larger than any camera or screen makes. */
#define MAX_PIXELS ((guint64) 128 * 1024 * 1024)
#define MAX_SIDE   32768

struct _DebriefImageView
{
  GtkWidget          parent_instance;

  GdkTexture        *texture;
  gboolean           fits;
  double             zoom;       /* when not fitting */
  double             fit_zoom;   /* when fitting, as last laid out */
  guint              update_source;
  guint              center_source;

  /* Zoomed before the first layout: to be scrolled to the middle then. */
  gboolean           center_pending;

  double             pointer_x;
  double             pointer_y;

  GtkStack          *stack;
  AdwStatusPage     *error_page;
  GtkScrolledWindow *scroller;
  GtkWidget         *canvas;
  GtkPicture        *picture;
  GtkLabel          *size_label;
  GtkLabel          *short_size_label;
  GtkLabel          *zoom_label;
};

/* An image has no lines or times to cite: the viewer's defaults do. */
static void
debrief_image_view_viewer_init (DebriefEvidenceViewerInterface *iface)
{
}

G_DEFINE_FINAL_TYPE_WITH_CODE (DebriefImageView, debrief_image_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DEBRIEF_TYPE_EVIDENCE_VIEWER,
                                                      debrief_image_view_viewer_init))

G_DEFINE_QUARK (debrief-image-view-error-quark, debrief_image_view_error)

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_FITS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The steps of the zoom buttons and keys. */
static const double zoom_steps[] = {
  0.05, 0.1, 0.15, 0.2, 0.25, 0.33, 0.5, 0.67, 0.75, 1.0,
  1.25, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0,
};

static double
effective_zoom (DebriefImageView *self)
{
  return self->fits ? self->fit_zoom : self->zoom;
}

static void
update_controls (DebriefImageView *self)
{
  double zoom = effective_zoom (self);
  g_autofree char *percent = NULL;

  /* Translators: the zoom level, "50%" */
  percent = g_strdup_printf (_("%.0f%%"), zoom * 100.0);
  gtk_label_set_text (self->zoom_label, percent);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "image.zoom-in",
                                 self->texture != NULL && zoom < MAX_ZOOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "image.zoom-out",
                                 self->texture != NULL && zoom > MIN_ZOOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "image.zoom-fit",
                                 self->texture != NULL && !self->fits);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "image.zoom-original",
                                 self->texture != NULL && zoom != 1.0);
}

static void
update_cb (gpointer data)
{
  DebriefImageView *self = data;

  self->update_source = 0;
  update_controls (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
}

/* The zoom that fits the image into @width × @height, but never blows it
 * up beyond its own size. */
static double
fit_zoom_for (DebriefImageView *self,
              int               width,
              int               height)
{
  double zoom = MIN (MIN (width / (double) gdk_texture_get_width (self->texture),
                          height / (double) gdk_texture_get_height (self->texture)), 1.0);

  return MAX (zoom, 0.001);
}

/* Layout of the canvas, which is as large as the zoomed image (or, when
 * fitting, as large as it is given) and puts the image in its middle. */

static void
canvas_measure (GtkWidget      *canvas,
                GtkOrientation  orientation,
                int             for_size,
                int            *minimum,
                int            *natural,
                int            *minimum_baseline,
                int            *natural_baseline)
{
  DebriefImageView *self = DEBRIEF_IMAGE_VIEW (gtk_widget_get_ancestor (canvas, DEBRIEF_TYPE_IMAGE_VIEW));
  int size = 0;

  if (self != NULL && self->texture != NULL)
    size = orientation == GTK_ORIENTATION_HORIZONTAL ? gdk_texture_get_width (self->texture)
                                                     : gdk_texture_get_height (self->texture);

  if (self == NULL || self->texture == NULL)
    *minimum = *natural = 0;
  else if (self->fits)
    {
      *minimum = 0;
      *natural = size;
    }
  else
    *minimum = *natural = (int) ceil (size * self->zoom);

  *minimum_baseline = *natural_baseline = -1;
}

static void
canvas_allocate (GtkWidget *canvas,
                 int        width,
                 int        height,
                 int        baseline)
{
  DebriefImageView *self = DEBRIEF_IMAGE_VIEW (gtk_widget_get_ancestor (canvas, DEBRIEF_TYPE_IMAGE_VIEW));
  GtkAllocation allocation;
  double image_width, image_height;
  double zoom;

  if (self == NULL || self->texture == NULL)
    return;

  image_width = gdk_texture_get_width (self->texture);
  image_height = gdk_texture_get_height (self->texture);

  if (self->fits)
    {
      zoom = fit_zoom_for (self, width, height);
      if (zoom != self->fit_zoom)
        {
          self->fit_zoom = zoom;
          /* Not now: the labels would have to be laid out again while this is. */
          if (self->update_source == 0)
            self->update_source = g_idle_add_once (update_cb, self);
        }
    }
  else
    zoom = self->zoom;

  allocation.width = MAX (1, (int) round (image_width * zoom));
  allocation.height = MAX (1, (int) round (image_height * zoom));
  allocation.x = MAX (0, (width - allocation.width) / 2);
  allocation.y = MAX (0, (height - allocation.height) / 2);

  gtk_widget_measure (GTK_WIDGET (self->picture), GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (GTK_WIDGET (self->picture), &allocation, -1);
}

/* Scrolls one axis so that the point at @fraction of the image (of
 * @image_size pixels on this axis) is @anchor pixels into the page, or in
 * its middle when @anchor is negative. The canvas will be as large as the
 * image, or as the page if that is larger, with the image in its middle;
 * the adjustment is told so now, so that the scroll position and the
 * zoom change in the same frame. */
static void
place (GtkAdjustment *adjustment,
       double         image_size,
       double         fraction,
       double         anchor)
{
  double page = gtk_adjustment_get_page_size (adjustment);
  double content = MAX (page, ceil (image_size));
  double offset = (content - image_size) / 2;

  if (anchor < 0)
    anchor = page / 2;

  gtk_adjustment_configure (adjustment, offset + fraction * image_size - anchor, 0, content,
                            gtk_adjustment_get_step_increment (adjustment),
                            gtk_adjustment_get_page_increment (adjustment), page);
}

static void
center_cb (gpointer data)
{
  DebriefImageView *self = data;

  self->center_source = 0;
  self->center_pending = FALSE;
  if (self->texture == NULL || self->fits)
    return;

  place (gtk_scrolled_window_get_hadjustment (self->scroller),
         gdk_texture_get_width (self->texture) * self->zoom, 0.5, -1);
  place (gtk_scrolled_window_get_vadjustment (self->scroller),
         gdk_texture_get_height (self->texture) * self->zoom, 0.5, -1);
}

/* The first layout after a zoom that came before any: the scrolled window
 * is still laying out, so the scroll position is set right after. */
static void
adjustment_changed_cb (GtkAdjustment    *adjustment,
                       DebriefImageView *self)
{
  if (self->center_pending && self->center_source == 0)
    self->center_source = g_idle_add_once (center_cb, self);
}

/* @x, @y: the point to keep in place, in the scrolled window, or -1 for
 * its middle. */
static void
apply_zoom (DebriefImageView *self,
            double            zoom,
            gboolean          fits,
            double            x,
            double            y)
{
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (self->scroller);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double old_zoom = effective_zoom (self);
  double page_width = gtk_adjustment_get_page_size (hadjustment);
  double page_height = gtk_adjustment_get_page_size (vadjustment);
  double fx = 0.5, fy = 0.5;

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (fits == self->fits && (fits || zoom == self->zoom))
    return;

  if (x < 0 || y < 0)
    {
      x = page_width / 2;
      y = page_height / 2;
    }

  /* The point of the image under @x, @y, as fractions of the image. */
  if (self->texture != NULL && page_width > 0 && page_height > 0)
    {
      double old_width = gdk_texture_get_width (self->texture) * old_zoom;
      double old_height = gdk_texture_get_height (self->texture) * old_zoom;
      double offset_x = self->fits ? (page_width - old_width) / 2 : MAX (0, (page_width - old_width) / 2);
      double offset_y = self->fits ? (page_height - old_height) / 2 : MAX (0, (page_height - old_height) / 2);

      fx = CLAMP ((gtk_adjustment_get_value (hadjustment) + x - offset_x) / old_width, 0, 1);
      fy = CLAMP ((gtk_adjustment_get_value (vadjustment) + y - offset_y) / old_height, 0, 1);
    }

  if (fits != self->fits)
    {
      self->fits = fits;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FITS]);
    }
  if (!fits)
    self->zoom = zoom;
  /* Known now when the view has its size; the next layout says anyway. */
  else if (self->texture != NULL && gtk_widget_get_width (GTK_WIDGET (self->scroller)) > 0)
    self->fit_zoom = fit_zoom_for (self,
                                   gtk_widget_get_width (GTK_WIDGET (self->scroller)),
                                   gtk_widget_get_height (GTK_WIDGET (self->scroller)));

  if (self->texture != NULL && !fits)
    {
      if (page_width > 0 && page_height > 0)
        {
          place (hadjustment, gdk_texture_get_width (self->texture) * zoom, fx, x);
          place (vadjustment, gdk_texture_get_height (self->texture) * zoom, fy, y);
        }
      else
        self->center_pending = TRUE;
    }

  gtk_widget_queue_resize (self->canvas);
  update_controls (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
}

static double
next_step (double zoom,
           int    direction)
{
  if (direction > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
        if (zoom_steps[i] > zoom * 1.01)
          return zoom_steps[i];
      return MAX_ZOOM;
    }

  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < zoom / 1.01)
      return zoom_steps[i - 1];
  return MIN_ZOOM;
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DebriefImageView *self = DEBRIEF_IMAGE_VIEW (widget);

  if (self->texture == NULL)
    return;

  if (g_str_equal (action_name, "image.zoom-in"))
    apply_zoom (self, next_step (effective_zoom (self), 1), FALSE, -1, -1);
  else if (g_str_equal (action_name, "image.zoom-out"))
    apply_zoom (self, next_step (effective_zoom (self), -1), FALSE, -1, -1);
  else if (g_str_equal (action_name, "image.zoom-original"))
    apply_zoom (self, 1.0, FALSE, -1, -1);
  else
    apply_zoom (self, self->zoom, TRUE, -1, -1);
}

static void
pointer_motion_cb (GtkEventControllerMotion *controller,
                   double                    x,
                   double                    y,
                   DebriefImageView         *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

/* Ctrl and the wheel zoom about the pointer; the wheel alone scrolls. */
static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           DebriefImageView         *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  double zoom;

  if ((state & GDK_CONTROL_MASK) == 0 || self->texture == NULL || dy == 0)
    return FALSE;

  zoom = effective_zoom (self);
  if (event != NULL && gdk_scroll_event_get_direction (event) == GDK_SCROLL_SMOOTH &&
      gdk_scroll_event_get_unit (event) == GDK_SCROLL_UNIT_SURFACE)
    zoom *= pow (1.01, -dy);
  else
    zoom = next_step (zoom, dy < 0 ? 1 : -1);

  apply_zoom (self, zoom, FALSE, self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
click_cb (GtkGestureClick  *gesture,
          int               n_press,
          double            x,
          double            y,
          DebriefImageView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->scroller));
}

/* The size an image says it has, before it is decoded: from a PNG's
 * header, or from a JPEG's frame. FALSE for other formats, or when the
 * file ends first. */
static gboolean
peek_size (const guint8 *data,
           gsize         size,
           guint64      *width,
           guint64      *height)
{
  static const guint8 png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  if (size >= 24 && memcmp (data, png_signature, sizeof png_signature) == 0 &&
      memcmp (data + 12, "IHDR", 4) == 0)
    {
      *width = (guint64) data[16] << 24 | (guint64) data[17] << 16 | (guint64) data[18] << 8 | data[19];
      *height = (guint64) data[20] << 24 | (guint64) data[21] << 16 | (guint64) data[22] << 8 | data[23];
      return TRUE;
    }

  if (size >= 4 && data[0] == 0xFF && data[1] == 0xD8)
    {
      gsize i = 2;

      while (i + 9 < size)
        {
          guint8 marker;
          gsize length;

          if (data[i] != 0xFF)
            return FALSE;
          marker = data[i + 1];
          if (marker == 0xFF)
            {
              i++;
              continue;
            }
          length = (gsize) data[i + 2] << 8 | data[i + 3];
          /* Start of frame: all 0xC0 to 0xCF but DHT, JPG and DAC. */
          if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
            {
              *height = (guint64) data[i + 5] << 8 | data[i + 6];
              *width = (guint64) data[i + 7] << 8 | data[i + 8];
              return TRUE;
            }
          if (length < 2)
            return FALSE;
          i += 2 + length;
        }
    }

  return FALSE;
}

static void
show_error (DebriefImageView *self,
            const GError     *error)
{
  g_clear_object (&self->texture);
  gtk_picture_set_paintable (self->picture, NULL);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  update_controls (self);
}

static void
debrief_image_view_dispose (GObject *object)
{
  DebriefImageView *self = DEBRIEF_IMAGE_VIEW (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_handle_id (&self->center_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_IMAGE_VIEW);

  g_clear_object (&self->texture);

  G_OBJECT_CLASS (debrief_image_view_parent_class)->dispose (object);
}

static void
debrief_image_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DebriefImageView *self = DEBRIEF_IMAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, debrief_image_view_get_zoom (self));
      break;

    case PROP_FITS:
      g_value_set_boolean (value, self->fits);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_image_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DebriefImageView *self = DEBRIEF_IMAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      debrief_image_view_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_image_view_class_init (DebriefImageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_image_view_dispose;
  object_class->get_property = debrief_image_view_get_property;
  object_class->set_property = debrief_image_view_set_property;

  /**
   * DebriefImageView:zoom:
   *
   * How large the image is shown: 1.0 is one pixel of the image to one
   * pixel of the screen. Setting it ends fitting the image to the view.
   */
  properties [PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         MIN_ZOOM, MAX_ZOOM, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DebriefImageView:fits:
   *
   * Whether the image is scaled to fit the view.
   */
  properties [PROP_FITS] =
    g_param_spec_boolean ("fits", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/evidence/debrief-image-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "debrief-image-view");
  gtk_widget_class_bind_template_child (widget_class, DebriefImageView, stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefImageView, error_page);
  gtk_widget_class_bind_template_child (widget_class, DebriefImageView, scroller);
  gtk_widget_class_bind_template_child (widget_class, DebriefImageView, canvas);
  gtk_widget_class_bind_template_child (widget_class, DebriefImageView, picture);
  gtk_widget_class_bind_template_child (widget_class, DebriefImageView, size_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefImageView, short_size_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefImageView, zoom_label);

  gtk_widget_class_install_action (widget_class, "image.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "image.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "image.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "image.zoom-original", NULL, zoom_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "image.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "image.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "image.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "image.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "image.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "image.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "image.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "image.zoom-original", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1, GDK_CONTROL_MASK, "image.zoom-original", NULL);
}

static void
debrief_image_view_init (DebriefImageView *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->fits = TRUE;
  self->zoom = 1.0;
  self->fit_zoom = 1.0;
  self->pointer_x = -1;
  self->pointer_y = -1;

  gtk_widget_set_layout_manager (self->canvas, gtk_custom_layout_new (NULL, canvas_measure, canvas_allocate));

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "changed",
                           G_CALLBACK (adjustment_changed_cb), self, 0);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (adjustment_changed_cb), self, 0);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (pointer_motion_cb), self);
  g_signal_connect (controller, "motion", G_CALLBACK (pointer_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), controller);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), GTK_EVENT_CONTROLLER (click));

  update_controls (self);
}

GtkWidget *
debrief_image_view_new (void)
{
  return g_object_new (DEBRIEF_TYPE_IMAGE_VIEW, NULL);
}

/**
 * debrief_image_view_set_bytes:
 * @bytes: the contents of a PNG, JPEG, GIF or BMP file
 * @error: why it cannot be shown
 *
 * Shows an image, fitted to the view. When it cannot be read, the view
 * says so, and why.
 *
 * Returns: whether the image is shown
 */
gboolean
debrief_image_view_set_bytes (DebriefImageView  *self,
                              GBytes            *bytes,
                              GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *size = NULL;
  g_autofree char *short_size = NULL;
  g_autofree char *description = NULL;
  guint64 width, height;
  const guint8 *data;
  gsize length;

  g_return_val_if_fail (DEBRIEF_IS_IMAGE_VIEW (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);

  if (length == 0)
    g_set_error_literal (&local_error, DEBRIEF_IMAGE_VIEW_ERROR, DEBRIEF_IMAGE_VIEW_ERROR_EMPTY,
                         _("The image file is empty."));
  else if (peek_size (data, length, &width, &height) &&
           (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS))
    {
      g_autofree char *claimed_width = g_strdup_printf ("%" G_GUINT64_FORMAT, width);
      g_autofree char *claimed_height = g_strdup_printf ("%" G_GUINT64_FORMAT, height);

      /* Translators: the width and height that an image file claims */
      g_set_error (&local_error, DEBRIEF_IMAGE_VIEW_ERROR, DEBRIEF_IMAGE_VIEW_ERROR_TOO_LARGE,
                   _("The image says it is %s × %s pixels, more than Debrief can show. "
                     "The file may be damaged."),
                   claimed_width, claimed_height);
    }
  else
    {
      g_autoptr(GError) load_error = NULL;

      texture = gdk_texture_new_from_bytes (bytes, &load_error);
      if (texture == NULL)
        /* Translators: %s is why the image could not be read, in the words of the toolkit */
        g_set_error (&local_error, DEBRIEF_IMAGE_VIEW_ERROR, DEBRIEF_IMAGE_VIEW_ERROR_UNREADABLE,
                     _("The file is damaged, cut short, or not a PNG, JPEG, GIF or BMP image. The image reader says: “%s”."),
                     load_error->message);
    }

  if (local_error != NULL)
    {
      show_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_set_object (&self->texture, texture);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));

  /* Translators: the width and height of an image */
  size = g_strdup_printf (_("%d × %d pixels"), gdk_texture_get_width (texture), gdk_texture_get_height (texture));
  gtk_label_set_text (self->size_label, size);
  /* Translators: the width and height of an image, where there is no
   * room for the word "pixels" */
  short_size = g_strdup_printf (_("%d × %d"), gdk_texture_get_width (texture), gdk_texture_get_height (texture));
  gtk_label_set_text (self->short_size_label, short_size);
  /* Translators: what a screen reader says for the image; %s is its size */
  description = g_strdup_printf (_("Image, %s"), size);
  gtk_picture_set_alternative_text (self->picture, description);

  gtk_stack_set_visible_child_name (self->stack, "image");
  self->center_pending = FALSE;
  self->fits = FALSE;
  apply_zoom (self, 1.0, TRUE, -1, -1);
  gtk_widget_queue_resize (self->canvas);
  update_controls (self);

  return TRUE;
}

/**
 * debrief_image_view_get_texture:
 *
 * Returns: (transfer none) (nullable): the image shown
 */
GdkTexture *
debrief_image_view_get_texture (DebriefImageView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_IMAGE_VIEW (self), NULL);

  return self->texture;
}

/**
 * debrief_image_view_get_zoom:
 *
 * Returns: how large the image is shown, 1.0 for its own size; when it
 *   is fitted to the view, as it was last laid out
 */
double
debrief_image_view_get_zoom (DebriefImageView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_IMAGE_VIEW (self), 1.0);

  return effective_zoom (self);
}

void
debrief_image_view_set_zoom (DebriefImageView *self,
                             double            zoom)
{
  g_return_if_fail (DEBRIEF_IS_IMAGE_VIEW (self));
  g_return_if_fail (zoom > 0);

  apply_zoom (self, zoom, FALSE, -1, -1);
}

gboolean
debrief_image_view_get_fits (DebriefImageView *self)
{
  g_return_val_if_fail (DEBRIEF_IS_IMAGE_VIEW (self), TRUE);

  return self->fits;
}

void
debrief_image_view_zoom_to_fit (DebriefImageView *self)
{
  g_return_if_fail (DEBRIEF_IS_IMAGE_VIEW (self));

  apply_zoom (self, self->zoom, TRUE, -1, -1);
}
