/* debrief-record.h
 *
 * The base class of every row of an incident document: a stable UUID, when
 * and by whom it was last changed, and the properties its table stores.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "debrief-core-types.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_RECORD (debrief_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (DebriefRecord, debrief_record, DEBRIEF, RECORD, GObject)

struct _DebriefRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char  *table_name;
  GParamSpec **columns;
  guint        n_columns;

  gpointer     _reserved[8];
};

const char      *debrief_record_get_uuid        (DebriefRecord *self);
GDateTime       *debrief_record_get_modified_at (DebriefRecord *self);
const char      *debrief_record_get_modified_by (DebriefRecord *self);
DebriefDocument *debrief_record_get_document    (DebriefRecord *self);

void             debrief_record_class_install_columns (DebriefRecordClass  *klass,
                                                       const char          *table_name,
                                                       guint                n_pspecs,
                                                       GParamSpec         **pspecs);

/* Typed access to the values a subclass declared with
 * debrief_record_class_install_columns(); setters notify only on change. */
const char *debrief_record_get_string   (DebriefRecord *self,
                                         GParamSpec    *pspec);
void        debrief_record_set_string   (DebriefRecord *self,
                                         GParamSpec    *pspec,
                                         const char    *value);
gint64      debrief_record_get_int64    (DebriefRecord *self,
                                         GParamSpec    *pspec);
void        debrief_record_set_int64    (DebriefRecord *self,
                                         GParamSpec    *pspec,
                                         gint64         value);
gboolean    debrief_record_get_boolean  (DebriefRecord *self,
                                         GParamSpec    *pspec);
void        debrief_record_set_boolean  (DebriefRecord *self,
                                         GParamSpec    *pspec,
                                         gboolean       value);
GDateTime  *debrief_record_get_datetime (DebriefRecord *self,
                                         GParamSpec    *pspec);
void        debrief_record_set_datetime (DebriefRecord *self,
                                         GParamSpec    *pspec,
                                         GDateTime     *value);
int         debrief_record_get_enum     (DebriefRecord *self,
                                         GParamSpec    *pspec);
void        debrief_record_set_enum     (DebriefRecord *self,
                                         GParamSpec    *pspec,
                                         int            value);

G_END_DECLS
