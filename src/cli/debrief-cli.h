/* debrief-cli.h
 *
 * The headless command line: --check, --export-json, --import-json.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * DebriefCliExit:
 * @DEBRIEF_CLI_EXIT_OK: the command did what it was asked
 * @DEBRIEF_CLI_EXIT_DOCUMENT: the file is not a usable incident document
 *   or export: damaged, foreign, not one at all
 * @DEBRIEF_CLI_EXIT_USAGE: the command line is wrong
 * @DEBRIEF_CLI_EXIT_IO: a file could not be read or written: missing,
 *   not allowed, already there, a full disk
 *
 * The exit status of a command-line tool.
 */
typedef enum
{
  DEBRIEF_CLI_EXIT_OK       = 0,
  DEBRIEF_CLI_EXIT_DOCUMENT = 1,
  DEBRIEF_CLI_EXIT_USAGE    = 2,
  DEBRIEF_CLI_EXIT_IO       = 3,
} DebriefCliExit;

void debrief_cli_add_main_options      (GApplication *application);
int  debrief_cli_handle_local_options  (GApplication *application,
                                        GVariantDict *options);

G_END_DECLS
