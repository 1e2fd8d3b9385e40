/* debrief-validation.c
 *
 * Checks of what a user types into the incident's fields, with a sentence
 * that says what is wrong and how to put it right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-validation"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "debrief-validation.h"

G_DEFINE_QUARK (debrief-validation-error-quark, debrief_validation_error)

/* What the user typed, as it is quoted back in a message: one line, and
 * short enough that a pasted paragraph does not fill the dialog. */
#define QUOTE_MAX_CHARS 40

static char *
quote_input (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autoptr(GString) quoted = g_string_new (NULL);
  guint n_chars = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars == QUOTE_MAX_CHARS)
        {
          g_string_append (quoted, "…");
          break;
        }

      if (g_unichar_iscntrl (c))
        c = ' ';

      g_string_append_unichar (quoted, c);
      n_chars++;
    }

  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

/**
 * debrief_validate_time_window:
 * @start: (nullable): the start of the window, %NULL if not set yet
 * @end: (nullable): the end of the window, %NULL if not set yet
 * @error: a location for a #GError
 *
 * Checks that a time window (the scope of the review) does not end before
 * it starts. A window with either end unset is valid, and so is one that
 * starts and ends at the same moment.
 *
 * Returns: %TRUE if the window is valid
 */
gboolean
debrief_validate_time_window (GDateTime  *start,
                              GDateTime  *end,
                              GError    **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (start == NULL || end == NULL)
    return TRUE;

  if (g_date_time_compare (end, start) < 0)
    {
      g_set_error_literal (error, DEBRIEF_VALIDATION_ERROR, DEBRIEF_VALIDATION_ERROR_TIME_WINDOW,
                           _("The time window ends before it starts. Choose an end after the start."));
      return FALSE;
    }

  return TRUE;
}

/**
 * debrief_time_zone_new:
 * @identifier: (nullable): a time zone name such as "Europe/Berlin", "UTC"
 *   or "+02:00"; empty or %NULL for the local time zone
 *
 * Returns: (transfer full): the time zone @identifier names, or the local
 *   time zone if it is empty or names none this computer knows
 */
GTimeZone *
debrief_time_zone_new (const char *identifier)
{
  g_autofree char *stripped = NULL;
  GTimeZone *zone = NULL;

  if (identifier != NULL)
    stripped = g_strstrip (g_strdup (identifier));

  if (stripped != NULL && *stripped != '\0')
    zone = g_time_zone_new_identifier (stripped);

  if (zone == NULL)
    zone = g_time_zone_new_local ();

  return zone;
}

/**
 * debrief_validate_time_zone:
 * @identifier: (nullable): what the user typed as a time zone
 * @error: a location for a #GError
 *
 * Checks that @identifier names a time zone this computer knows: an IANA
 * name such as "Europe/Berlin", "UTC", or a fixed offset such as "+02:00".
 * Empty, only spaces or %NULL is valid and means the local time zone;
 * spaces around a name are ignored, as debrief_time_zone_new() does.
 *
 * Returns: %TRUE if @identifier is valid
 */
gboolean
debrief_validate_time_zone (const char  *identifier,
                            GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *quoted = NULL;
  g_autoptr(GTimeZone) zone = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (identifier == NULL)
    return TRUE;

  stripped = g_strstrip (g_strdup (identifier));
  if (*stripped == '\0')
    return TRUE;

  /* Since GLib 2.68 this is NULL, not UTC, for a name it does not know. */
  zone = g_time_zone_new_identifier (stripped);
  if (zone != NULL)
    return TRUE;

  quoted = quote_input (stripped);
  g_set_error (error, DEBRIEF_VALIDATION_ERROR, DEBRIEF_VALIDATION_ERROR_TIME_ZONE,
               _("“%s” is not a time zone this computer knows. Use a name like Europe/Berlin or UTC."),
               quoted);

  return FALSE;
}

static gboolean
parse_digits (const char *text,
              guint       n_digits,
              guint      *value)
{
  *value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (guint) g_ascii_digit_value (text[i]);
    }

  return TRUE;
}

/* Strict YYYY-MM-DD: the form the due_date column stores and that sorts
 * as text. Sets *well_formed when only the calendar is wrong. */
static gboolean
parse_date (const char *text,
            GDate      *date,
            gboolean   *well_formed)
{
  guint year, month, day;

  *well_formed = FALSE;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  if (!parse_digits (text, 4, &year) ||
      !parse_digits (text + 5, 2, &month) ||
      !parse_digits (text + 8, 2, &day))
    return FALSE;

  *well_formed = TRUE;

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  if (date != NULL)
    g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

/**
 * debrief_parse_date:
 * @text: a date as YYYY-MM-DD
 * @date: (out caller-allocates) (optional): the date
 *
 * Returns: %TRUE if @text is a real day written as YYYY-MM-DD, and then
 *   sets @date to it
 */
gboolean
debrief_parse_date (const char *text,
                    GDate      *date)
{
  gboolean well_formed;

  g_return_val_if_fail (text != NULL, FALSE);

  return parse_date (text, date, &well_formed);
}

/**
 * debrief_validate_due_date:
 * @text: (nullable): the due date of an action item as the user typed it
 * @error: a location for a #GError
 *
 * Checks that @text is a real day written as YYYY-MM-DD. Empty or %NULL is
 * valid: the action item has no due date yet.
 *
 * Returns: %TRUE if @text is valid
 */
gboolean
debrief_validate_due_date (const char  *text,
                           GError     **error)
{
  g_autofree char *quoted = NULL;
  gboolean well_formed;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL || *text == '\0')
    return TRUE;

  if (parse_date (text, NULL, &well_formed))
    return TRUE;

  quoted = quote_input (text);

  if (well_formed)
    g_set_error (error, DEBRIEF_VALIDATION_ERROR, DEBRIEF_VALIDATION_ERROR_DATE_INVALID,
                 _("“%s” is not a day of the calendar. Check the month and the day."),
                 quoted);
  else
    g_set_error (error, DEBRIEF_VALIDATION_ERROR, DEBRIEF_VALIDATION_ERROR_DATE_FORMAT,
                 _("“%s” is not a date written as year-month-day. Use the form 2024-03-31."),
                 quoted);

  return FALSE;
}

/**
 * debrief_validate_severity:
 * @text: (nullable): the severity of the incident as the user typed it
 * @error: a location for a #GError
 *
 * Teams rate incidents with their own scale (SEV1–SEV4, P0–P3, "Major"…),
 * so any label is accepted as long as it fits where it is shown: one line
 * of at most %DEBRIEF_SEVERITY_MAX_CHARS characters, spaces around it not
 * counted. Empty or %NULL is valid: not rated yet.
 *
 * Returns: %TRUE if @text is valid
 */
gboolean
debrief_validate_severity (const char  *text,
                           GError     **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    return TRUE;

  stripped = g_strstrip (g_utf8_make_valid (text, -1));

  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          g_set_error_literal (error, DEBRIEF_VALIDATION_ERROR, DEBRIEF_VALIDATION_ERROR_SEVERITY,
                               _("The severity must fit on one line."));
          return FALSE;
        }
    }

  if (g_utf8_strlen (stripped, -1) > DEBRIEF_SEVERITY_MAX_CHARS)
    {
      g_set_error (error, DEBRIEF_VALIDATION_ERROR, DEBRIEF_VALIDATION_ERROR_SEVERITY,
                   _("The severity can be at most %d characters long, like “SEV2” or “Major”."),
                   DEBRIEF_SEVERITY_MAX_CHARS);
      return FALSE;
    }

  return TRUE;
}
