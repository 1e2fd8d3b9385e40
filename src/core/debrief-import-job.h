/* debrief-import-job.h
 *
 * Imports files, folders and pasted bytes into an incident document, one
 * by one in a worker thread, for the Evidence view and the command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "debrief-document.h"
#include "debrief-evidence.h"
#include "debrief-evidence-store.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_IMPORT_JOB (debrief_import_job_get_type ())

G_DECLARE_FINAL_TYPE (DebriefImportJob, debrief_import_job, DEBRIEF, IMPORT_JOB, GObject)

/* @options (nullable) is copied: what the user says instead of what is
 * detected, for every file of the job. */
DebriefImportJob *debrief_import_job_new                (DebriefDocument            *document,
                                                         const DebriefImportOptions *options);
DebriefDocument  *debrief_import_job_get_document       (DebriefImportJob           *self);
/* TRUE (the default): a folder that is not a Slack export is imported as
 * its files, in name order, at its place in the queue. */
gboolean          debrief_import_job_get_expand_folders (DebriefImportJob           *self);
void              debrief_import_job_set_expand_folders (DebriefImportJob           *self,
                                                         gboolean                    expand_folders);
/* Queues @file; @name (nullable) names it in signals, else its display
 * name.  FALSE when the running job has already taken its last item: it
 * ends without it, and the caller starts another job. */
gboolean          debrief_import_job_add_file           (DebriefImportJob           *self,
                                                         GFile                      *file,
                                                         const char                 *name);
gboolean          debrief_import_job_add_bytes          (DebriefImportJob           *self,
                                                         GBytes                     *bytes,
                                                         const char                 *name);
/* Runs the queue in a thread.  Each item is added to the document on the
 * main context as soon as it is imported ("item-done"), so that what was
 * imported stays if a later item fails ("item-failed") or the job is
 * cancelled; those signals all come before @callback. */
void              debrief_import_job_run_async          (DebriefImportJob           *self,
                                                         GCancellable               *cancellable,
                                                         GAsyncReadyCallback         callback,
                                                         gpointer                    user_data);
/* FALSE with G_IO_ERROR_CANCELLED when the job was cancelled. */
gboolean          debrief_import_job_run_finish         (DebriefImportJob           *self,
                                                         GAsyncResult               *result,
                                                         GError                    **error);
void              debrief_import_job_cancel             (DebriefImportJob           *self);
/* The document is no longer the user's (closed, or another shown): what
 * is still delivered is discarded and reported as failed. */
void              debrief_import_job_abandon            (DebriefImportJob           *self);

gboolean          debrief_import_job_get_importing      (DebriefImportJob           *self);
double            debrief_import_job_get_fraction       (DebriefImportJob           *self);
const char       *debrief_import_job_get_current_item   (DebriefImportJob           *self);
guint             debrief_import_job_get_n_items        (DebriefImportJob           *self);
guint             debrief_import_job_get_n_finished     (DebriefImportJob           *self);
guint             debrief_import_job_get_n_imported     (DebriefImportJob           *self);
guint             debrief_import_job_get_n_failed       (DebriefImportJob           *self);

G_END_DECLS
