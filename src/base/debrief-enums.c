/* debrief-enums.c
 *
 * Names of the shared enumerations, as people read them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-enums.h"

const char *
debrief_log_level_get_name (DebriefLogLevel level)
{
  switch (level)
    {
    case DEBRIEF_LOG_LEVEL_NONE:
      return _("No level");
    case DEBRIEF_LOG_LEVEL_TRACE:
      return _("Trace");
    case DEBRIEF_LOG_LEVEL_DEBUG:
      return _("Debug");
    case DEBRIEF_LOG_LEVEL_INFO:
      return _("Info");
    case DEBRIEF_LOG_LEVEL_NOTICE:
      return _("Notice");
    case DEBRIEF_LOG_LEVEL_WARNING:
      return _("Warning");
    case DEBRIEF_LOG_LEVEL_ERROR:
      return _("Error");
    case DEBRIEF_LOG_LEVEL_CRITICAL:
      return _("Critical");
    case DEBRIEF_LOG_LEVEL_FATAL:
      return _("Fatal");
    default:
      g_return_val_if_reached (NULL);
    }
}
