/* debrief-content-loader.h
 *
 * The content of an evidence item, read and parsed off the main thread:
 * what each kind's content model (chat, metrics, report) loads with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "debrief-document.h"
#include "debrief-evidence.h"

G_BEGIN_DECLS

/* Metrics, chats, reports and images are read whole to be shown. */
#define DEBRIEF_CONTENT_MAX_SIZE (256 * 1024 * 1024)

/* Runs in a worker thread: makes what is shown from the content's @bytes.
 * Returns a new object, or %NULL with @error set. */
typedef GObject *(*DebriefContentParseFunc) (GBytes        *bytes,
                                             gpointer       data,
                                             GCancellable  *cancellable,
                                             GError       **error);

void     debrief_content_load_async  (DebriefDocument          *document,
                                      DebriefEvidence          *evidence,
                                      gpointer                  source_tag,
                                      DebriefContentParseFunc   parse,
                                      gpointer                  data,
                                      GDestroyNotify            data_free,
                                      GCancellable             *cancellable,
                                      GAsyncReadyCallback       callback,
                                      gpointer                  user_data);
GObject *debrief_content_load_finish (GAsyncResult             *result,
                                      gpointer                  source_tag,
                                      GError                  **error);

/* The bytes alone (for an image): a GBytes, off the main thread too. */
void     debrief_content_load_bytes_async  (DebriefDocument     *document,
                                            DebriefEvidence     *evidence,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GBytes  *debrief_content_load_bytes_finish (GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
