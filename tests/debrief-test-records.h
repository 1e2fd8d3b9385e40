/* debrief-test-records.h
 *
 * Records filled with values a user could type, and comparing records and
 * documents field by field, for the tests of saving and of JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-document.h"

G_BEGIN_DECLS

void debrief_test_fill_record               (DebriefRecord   *record,
                                             guint            seed);
void debrief_test_fill_document             (DebriefDocument *document);
void debrief_test_assert_records_equal      (DebriefRecord   *a,
                                             DebriefRecord   *b);
void debrief_test_assert_same_records       (DebriefDocument *a,
                                             DebriefDocument *b,
                                             gboolean         with_revisions);

G_END_DECLS
