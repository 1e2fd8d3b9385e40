/* debrief-validation.h
 *
 * Checks of what a user types into the incident's fields, with a sentence
 * that says what is wrong and how to put it right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DEBRIEF_VALIDATION_ERROR (debrief_validation_error_quark ())

/**
 * DebriefValidationError:
 * @DEBRIEF_VALIDATION_ERROR_TIME_WINDOW: a time window ends before it starts.
 * @DEBRIEF_VALIDATION_ERROR_TIME_ZONE: a time zone name this computer does
 *   not know.
 * @DEBRIEF_VALIDATION_ERROR_DATE_FORMAT: a date not written as YYYY-MM-DD.
 * @DEBRIEF_VALIDATION_ERROR_DATE_INVALID: a date written as YYYY-MM-DD that
 *   does not exist, such as 2024-02-30.
 * @DEBRIEF_VALIDATION_ERROR_SEVERITY: a severity that is not one short line.
 *
 * The message of each error is a sentence for the user.
 */
typedef enum
{
  DEBRIEF_VALIDATION_ERROR_TIME_WINDOW,
  DEBRIEF_VALIDATION_ERROR_TIME_ZONE,
  DEBRIEF_VALIDATION_ERROR_DATE_FORMAT,
  DEBRIEF_VALIDATION_ERROR_DATE_INVALID,
  DEBRIEF_VALIDATION_ERROR_SEVERITY,
} DebriefValidationError;

/* The longest severity label, in characters: it is shown in a badge and in
 * the subject line of the invitation. */
#define DEBRIEF_SEVERITY_MAX_CHARS 32

GQuark     debrief_validation_error_quark (void);

gboolean   debrief_validate_time_window   (GDateTime   *start,
                                           GDateTime   *end,
                                           GError     **error);
gboolean   debrief_validate_time_zone     (const char  *identifier,
                                           GError     **error);
GTimeZone *debrief_time_zone_new          (const char  *identifier);
gboolean   debrief_validate_due_date      (const char  *text,
                                           GError     **error);
gboolean   debrief_parse_date             (const char  *text,
                                           GDate       *date);
gboolean   debrief_validate_severity      (const char  *text,
                                           GError     **error);

G_END_DECLS
