/* debrief-log-view-row.c
 *
 * The parts of the log view's rows that depend on nothing but their
 * input: the level badge's classes, the marks on firmware terms and the
 * filter text, the layout of a row's columns, and reading a time typed
 * to jump to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-log-view"

#include "config.h"

#include <string.h>

#include "debrief-log-view-private.h"

/* Words that matter when reading firmware logs.  A space or hyphen in a
 * term also matches an underscore, a hyphen, a space or nothing at all
 * ("hard fault", "HardFault_Handler", "brown-out", "BROWNOUT"). */
static const char * const firmware_terms[] = {
  "assert",
  "bootloader",
  "brown-out",
  "crc",
  "deadlock",
  "hal",
  "hard fault",
  "heap",
  "irq",
  "isr",
  "race",
  "stack overflow",
  "watchdog",
};

/* What may follow a term and still make it the same word:
 * "IRQs", "asserted", "assertion", "CRC32". */
static const char * const term_suffixes[] = {
  "ions", "ion", "ing", "ed", "es", "s", "",
};

/* The badge's classes: its colour (one for each group of levels), and
 * the level itself, so that the worst can stand out more. */
void
_debrief_log_view_set_level_classes (GtkWidget       *badge,
                                     DebriefLogLevel  level)
{
  const char *group = NULL;
  const char *name = NULL;

  switch (level)
    {
    case DEBRIEF_LOG_LEVEL_FATAL:
      group = "log-level-error";
      name = "log-level-fatal";
      break;
    case DEBRIEF_LOG_LEVEL_CRITICAL:
      group = "log-level-error";
      name = "log-level-critical";
      break;
    case DEBRIEF_LOG_LEVEL_ERROR:
      group = "log-level-error";
      break;
    case DEBRIEF_LOG_LEVEL_WARNING:
      group = "log-level-warning";
      break;
    case DEBRIEF_LOG_LEVEL_NOTICE:
      group = "log-level-notice";
      break;
    case DEBRIEF_LOG_LEVEL_INFO:
      group = "log-level-info";
      break;
    case DEBRIEF_LOG_LEVEL_DEBUG:
    case DEBRIEF_LOG_LEVEL_TRACE:
      group = "log-level-debug";
      break;
    case DEBRIEF_LOG_LEVEL_NONE:
    default:
      break;
    }

  gtk_widget_set_css_classes (badge, (const char *[]) { "log-level", group, name, NULL });
}

/* The length of @term at @p, if the word at @p is it (with one of the
 * suffixes and trailing digits); 0 if not. */
static gsize
match_term (const char *p,
            const char *term)
{
  const char *q = p;

  for (const char *t = term; *t != '\0'; t++)
    {
      if (*t == ' ' || *t == '-')
        {
          if (*q == ' ' || *q == '-' || *q == '_')
            q++;
          continue;
        }
      if (g_ascii_tolower (*q) != *t)
        return 0;
      q++;
    }

  for (guint i = 0; i < G_N_ELEMENTS (term_suffixes); i++)
    {
      gsize n = strlen (term_suffixes[i]);
      const char *end = q;

      if (g_ascii_strncasecmp (q, term_suffixes[i], n) != 0)
        continue;
      end += n;
      while (g_ascii_isdigit (*end))
        end++;
      if (!g_ascii_isalpha (*end))
        return end - p;
    }

  return 0;
}

static void
add_highlight (PangoAttrList **attrs,
               guint           start,
               guint           end,
               gboolean        term)
{
  PangoAttribute *attr;

  if (*attrs == NULL)
    *attrs = pango_attr_list_new ();

  if (term)
    {
      /* Adwaita's purple 3: apart from the level colours and the
       * filter's yellow. */
      attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (*attrs, attr);
      attr = pango_attr_background_new (0x9141, 0xac41, 0xcccc);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (*attrs, attr);
      attr = pango_attr_background_alpha_new (0x3800);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (*attrs, attr);
    }
  else
    {
      /* Adwaita's yellow 2, as search matches are marked elsewhere. */
      attr = pango_attr_background_new (0xf6f6, 0xd3d3, 0x2d2d);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (*attrs, attr);
      attr = pango_attr_background_alpha_new (0x9000);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (*attrs, attr);
      attr = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (*attrs, attr);
    }
}

/* The attributes that mark firmware terms and the highlight in @text, or
 * NULL when there is nothing to mark.  A bind runs this for one row on
 * screen, so a plain scan is fast enough even for the longest line. */
PangoAttrList *
_debrief_log_view_build_highlights (const char *text,
                                    const char *highlight)
{
  PangoAttrList *attrs = NULL;

  for (const char *p = text; *p != '\0'; p++)
    {
      char first;

      if (!g_ascii_isalpha (*p) || (p > text && g_ascii_isalnum (p[-1])))
        continue;

      first = g_ascii_tolower (*p);
      for (guint i = 0; i < G_N_ELEMENTS (firmware_terms); i++)
        {
          gsize length;

          if (firmware_terms[i][0] != first)
            continue;
          if ((length = match_term (p, firmware_terms[i])) > 0)
            {
              add_highlight (&attrs, p - text, p - text + length, TRUE);
              p += length - 1;
              break;
            }
        }
    }

  if (highlight != NULL && *highlight != '\0')
    {
      gsize n = strlen (highlight);

      for (const char *p = text; *p != '\0'; p++)
        {
          if (g_ascii_strncasecmp (p, highlight, n) == 0)
            {
              add_highlight (&attrs, p - text, p - text + n, FALSE);
              p += n - 1;
            }
        }
    }

  return attrs;
}

/* The columns of a row: each cell as wide as it asks, the message the
 * rest of the width, and as tall as it needs at that width. A GtkBox
 * would size a wrapping message by searching for a height at which it
 * fits, which GtkLabel answers inconsistently for long lines. */
#define ROW_SPACING 12

static GtkSizeRequestMode
row_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* The width the cells before the last (the message) take, with the
 * spacing after each. */
static int
row_cells_width (GtkWidget *widget)
{
  int width = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && gtk_widget_get_next_sibling (child) != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int natural = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      width += natural + ROW_SPACING;
    }

  return width;
}

static void
row_measure (GtkWidget      *widget,
             GtkOrientation  orientation,
             int             for_size,
             int            *minimum,
             int            *natural,
             int            *minimum_baseline,
             int            *natural_baseline)
{
  GtkWidget *message = gtk_widget_get_last_child (widget);
  int cells = row_cells_width (widget);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int message_min = 0, message_nat = 0;

      gtk_widget_measure (message, GTK_ORIENTATION_HORIZONTAL, -1, &message_min, &message_nat, NULL, NULL);
      *minimum = cells + message_min;
      *natural = cells + message_nat;
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;
      int child_for = child == message && for_size >= 0 ? MAX (for_size - cells, 0) : -1;

      if (!gtk_widget_should_layout (child))
        continue;
      if (child == message && child_for >= 0)
        {
          int message_min = 0;

          gtk_widget_measure (message, GTK_ORIENTATION_HORIZONTAL, -1, &message_min, NULL, NULL, NULL);
          child_for = MAX (child_for, message_min);
        }
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_for, &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

static void
row_allocate (GtkWidget *widget,
              int        width,
              int        height,
              int        baseline)
{
  GtkWidget *message = gtk_widget_get_last_child (widget);
  int x = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int child_width = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      if (child == message)
        {
          int message_min = 0;

          gtk_widget_measure (message, GTK_ORIENTATION_HORIZONTAL, -1, &message_min, NULL, NULL, NULL);
          child_width = MAX (width - x, message_min);
        }
      else
        gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL, NULL);

      gtk_widget_size_allocate (child, &(GtkAllocation) { x, 0, child_width, height }, -1);
      x += child_width + ROW_SPACING;
    }
}

GtkLayoutManager *
_debrief_log_view_row_layout_new (void)
{
  return gtk_custom_layout_new (row_request_mode, row_measure, row_allocate);
}

static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             int         *value)
{
  guint n = 0;

  *value = 0;
  while (n < max_digits && g_ascii_isdigit ((*p)[n]))
    {
      *value = *value * 10 + ((*p)[n] - '0');
      n++;
    }

  if (n < min_digits || g_ascii_isdigit ((*p)[n]))
    return FALSE;

  *p += n;
  return TRUE;
}

/* Reads "HH:MM[:SS[.ffffff]]", optionally after "YYYY-MM-DD " (or "T");
 * the date is left alone when there is none.  FALSE when @input is not
 * such a time. */
gboolean
_debrief_log_view_parse_jump_input (const char *input,
                                    gboolean   *has_date,
                                    int        *year,
                                    int        *month,
                                    int        *day,
                                    int        *hour,
                                    int        *minute,
                                    int        *second,
                                    int        *usec)
{
  const char *p = input;

  while (g_ascii_isspace (*p))
    p++;

  *has_date = g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
              g_ascii_isdigit (p[3]) && p[4] == '-';
  if (*has_date)
    {
      if (!read_number (&p, 4, 4, year) || *p++ != '-' ||
          !read_number (&p, 1, 2, month) || *p++ != '-' ||
          !read_number (&p, 1, 2, day))
        return FALSE;
      if (*p != ' ' && *p != 'T')
        return FALSE;
      while (*p == ' ' || *p == 'T')
        p++;
      if (!g_date_valid_dmy (*day, *month, *year))
        return FALSE;
    }

  if (!read_number (&p, 1, 2, hour) || *p++ != ':' || !read_number (&p, 2, 2, minute))
    return FALSE;

  *second = 0;
  *usec = 0;
  if (*p == ':')
    {
      p++;
      if (!read_number (&p, 2, 2, second))
        return FALSE;
      if (*p == '.' || *p == ',')
        {
          guint digits = 0;

          p++;
          while (g_ascii_isdigit (*p) && digits < 6)
            {
              *usec = *usec * 10 + (*p++ - '0');
              digits++;
            }
          if (digits == 0 || g_ascii_isdigit (*p))
            return FALSE;
          for (; digits < 6; digits++)
            *usec *= 10;
        }
    }

  while (g_ascii_isspace (*p))
    p++;

  return *p == '\0' && *hour < 24 && *minute < 60 && *second < 60;
}
