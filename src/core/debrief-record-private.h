/* debrief-record-private.h
 *
 * What DebriefDocument needs of DebriefRecord to load, store and undo rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "debrief-record.h"

G_BEGIN_DECLS

const char *_debrief_record_class_get_table       (DebriefRecordClass *klass);
guint       _debrief_record_class_get_n_columns   (DebriefRecordClass *klass);
GParamSpec *_debrief_record_class_get_column      (DebriefRecordClass *klass,
                                                   guint               column);
const char *_debrief_record_class_get_column_name (DebriefRecordClass *klass,
                                                   guint               column);

DebriefRecord *_debrief_record_new_with_uuid      (GType               type,
                                                   const char         *uuid);
/* Writes the new value of @column of @record to @document. */
typedef void (*DebriefRecordWriteFunc) (DebriefDocument *document,
                                        DebriefRecord   *record,
                                        guint            column);

void        _debrief_record_attach                (DebriefRecord      *self,
                                                   DebriefDocument    *document,
                                                   DebriefRecordWriteFunc write_func);
void        _debrief_record_detach                (DebriefRecord      *self);
void        _debrief_record_set_stamp             (DebriefRecord      *self,
                                                   GDateTime          *modified_at,
                                                   const char         *modified_by);
const GValue *_debrief_record_peek_value          (DebriefRecord      *self,
                                                   guint               column);
void        _debrief_record_load_value            (DebriefRecord      *self,
                                                   guint               column,
                                                   const GValue       *value);
void        _debrief_record_load_column           (DebriefRecord      *self,
                                                   guint               column,
                                                   sqlite3_stmt       *stmt,
                                                   int                 index);
void        _debrief_record_bind_column           (DebriefRecord      *self,
                                                   guint               column,
                                                   sqlite3_stmt       *stmt,
                                                   int                 index);
char       *_debrief_format_timestamp             (GDateTime          *datetime);
GDateTime  *_debrief_parse_timestamp              (const char         *text);
char       *_debrief_text_from_column             (sqlite3_stmt       *stmt,
                                                   int                 index);

G_END_DECLS
