/* debrief-draft-private.h
 *
 * Where working copies live, and what DebriefDocument reads of a draft to
 * restore it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-draft.h"

G_BEGIN_DECLS

struct _DebriefDraft
{
  char      *id;
  char      *title;
  GFile     *file;
  GDateTime *modified;
  gboolean   read_only;
  char      *revision;
  char      *saving_revision;
  gint64     file_size;
  gint64     file_mtime;
};

char *_debrief_draft_dir               (void);
char *_debrief_draft_path              (const char         *draft_id,
                                        const char         *suffix);
void  _debrief_remove_database_files   (const char         *path);
void  _debrief_draft_write_description (const DebriefDraft *draft,
                                        gboolean            unsaved_changes);

G_END_DECLS
