/* debrief-evidence.h
 *
 * An item of evidence: a log, metrics, a chat export, a report, an image or another file. Its content is stored apart, in chunks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-enums.h"
#include "debrief-enum-types.h"
#include "debrief-record.h"
#include "debrief-timestamp.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_EVIDENCE (debrief_evidence_get_type ())

G_DECLARE_FINAL_TYPE (DebriefEvidence, debrief_evidence, DEBRIEF, EVIDENCE, DebriefRecord)

DebriefEvidence    *debrief_evidence_new                 (void);
gint64              debrief_evidence_get_position        (DebriefEvidence *self);
void                debrief_evidence_set_position        (DebriefEvidence *self,
                                                          gint64           value);
const char         *debrief_evidence_get_title           (DebriefEvidence *self);
void                debrief_evidence_set_title           (DebriefEvidence *self,
                                                          const char      *value);
DebriefEvidenceKind debrief_evidence_get_kind            (DebriefEvidence *self);
void                debrief_evidence_set_kind            (DebriefEvidence     *self,
                                                          DebriefEvidenceKind  value);
const char         *debrief_evidence_get_original_name   (DebriefEvidence *self);
void                debrief_evidence_set_original_name   (DebriefEvidence *self,
                                                          const char      *value);
const char         *debrief_evidence_get_media_type      (DebriefEvidence *self);
void                debrief_evidence_set_media_type      (DebriefEvidence *self,
                                                          const char      *value);
const char         *debrief_evidence_get_added_by        (DebriefEvidence *self);
void                debrief_evidence_set_added_by        (DebriefEvidence *self,
                                                          const char      *value);
GDateTime          *debrief_evidence_get_added_at        (DebriefEvidence *self);
void                debrief_evidence_set_added_at        (DebriefEvidence *self,
                                                          GDateTime       *value);
const char         *debrief_evidence_get_sha256          (DebriefEvidence *self);
void                debrief_evidence_set_sha256          (DebriefEvidence *self,
                                                          const char      *value);
gint64              debrief_evidence_get_size            (DebriefEvidence *self);
void                debrief_evidence_set_size            (DebriefEvidence *self,
                                                          gint64           value);
gint64              debrief_evidence_get_clock_offset_ms (DebriefEvidence *self);
void                debrief_evidence_set_clock_offset_ms (DebriefEvidence *self,
                                                          gint64           value);
const char         *debrief_evidence_get_notes           (DebriefEvidence *self);
void                debrief_evidence_set_notes           (DebriefEvidence *self,
                                                          const char      *value);

const char         *debrief_evidence_get_time_format     (DebriefEvidence *self);
void                debrief_evidence_set_time_format     (DebriefEvidence *self,
                                                          const char      *value);
gboolean            debrief_evidence_get_since_boot      (DebriefEvidence *self);
void                debrief_evidence_set_since_boot      (DebriefEvidence *self,
                                                          gboolean         value);
gint64              debrief_evidence_get_line_count      (DebriefEvidence *self);
void                debrief_evidence_set_line_count      (DebriefEvidence *self,
                                                          gint64           value);
GDateTime          *debrief_evidence_get_first_at        (DebriefEvidence *self);
void                debrief_evidence_set_first_at        (DebriefEvidence *self,
                                                          GDateTime       *value);
GDateTime          *debrief_evidence_get_last_at         (DebriefEvidence *self);
void                debrief_evidence_set_last_at         (DebriefEvidence *self,
                                                          GDateTime       *value);

/* The timestamp format found in a log (its "time-format" column holds a
 * stable name for it). */
DebriefTimestampFormat debrief_evidence_get_timestamp_format   (DebriefEvidence        *evidence);
void                   debrief_evidence_set_timestamp_format   (DebriefEvidence        *evidence,
                                                                DebriefTimestampFormat  format,
                                                                int                     assumed_year,
                                                                DebriefYearSource       source);
char                  *debrief_evidence_describe_assumed_year  (DebriefEvidence        *evidence);
const char            *debrief_timestamp_format_to_id          (DebriefTimestampFormat  format);
/* The first and last time of the content, aligned (with the clock offset),
 * µs since 1970 UTC; G_MININT64 when the content has no times. */
gint64                 debrief_evidence_get_aligned_first_usec (DebriefEvidence        *evidence);
gint64                 debrief_evidence_get_aligned_last_usec  (DebriefEvidence        *evidence);
/* FALSE for an item whose clock counts from boot and has no boot time
 * yet: its times are time since boot, to be shown as such
 * (debrief_time_format_since_boot()), never as dates. */
gboolean               debrief_evidence_is_on_incident_clock   (DebriefEvidence        *evidence);
/* The first and last time as the item's clock counts them (no offset),
 * µs; for an item not on the incident's clock, time since boot. */
gint64                 debrief_evidence_get_raw_first_usec     (DebriefEvidence        *evidence);
gint64                 debrief_evidence_get_raw_last_usec      (DebriefEvidence        *evidence);

G_END_DECLS
