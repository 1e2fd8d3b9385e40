/* debrief-record-columns.h
 *
 * The stored columns of a record class and their values, for writers
 * that go through every column of a record, such as the JSON export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "debrief-record.h"

G_BEGIN_DECLS

guint         debrief_record_class_get_n_columns   (DebriefRecordClass *klass);
/* The property that column @column holds. */
GParamSpec   *debrief_record_class_get_column      (DebriefRecordClass *klass,
                                                    guint               column);
/* Its name in the document's table, which the JSON format uses too. */
const char   *debrief_record_class_get_column_name (DebriefRecordClass *klass,
                                                    guint               column);
/* The value of column @column, owned by @self. */
const GValue *debrief_record_peek_column_value     (DebriefRecord      *self,
                                                    guint               column);

G_END_DECLS
