/* debrief-record-columns.c
 *
 * The stored columns of a record class and their values, opened to the
 * layers above core without the SQL side of debrief-record-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-record"

#include "config.h"

#include "debrief-record-columns.h"
#include "debrief-record-private.h"

guint
debrief_record_class_get_n_columns (DebriefRecordClass *klass)
{
  g_return_val_if_fail (DEBRIEF_IS_RECORD_CLASS (klass), 0);

  return _debrief_record_class_get_n_columns (klass);
}

GParamSpec *
debrief_record_class_get_column (DebriefRecordClass *klass,
                                 guint               column)
{
  g_return_val_if_fail (DEBRIEF_IS_RECORD_CLASS (klass), NULL);
  g_return_val_if_fail (column < _debrief_record_class_get_n_columns (klass), NULL);

  return _debrief_record_class_get_column (klass, column);
}

const char *
debrief_record_class_get_column_name (DebriefRecordClass *klass,
                                      guint               column)
{
  g_return_val_if_fail (DEBRIEF_IS_RECORD_CLASS (klass), NULL);
  g_return_val_if_fail (column < _debrief_record_class_get_n_columns (klass), NULL);

  return _debrief_record_class_get_column_name (klass, column);
}

const GValue *
debrief_record_peek_column_value (DebriefRecord *self,
                                  guint          column)
{
  g_return_val_if_fail (DEBRIEF_IS_RECORD (self), NULL);
  g_return_val_if_fail (column < _debrief_record_class_get_n_columns (DEBRIEF_RECORD_GET_CLASS (self)), NULL);

  return _debrief_record_peek_value (self, column);
}
