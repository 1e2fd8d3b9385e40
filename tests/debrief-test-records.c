/* debrief-test-records.c
 *
 * Records filled with values a user could type, and comparing records and
 * documents field by field, for the tests of saving and of JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-test"

#include "config.h"

#include "debrief-record-private.h"
#include "debrief-revision.h"
#include "debrief-test-records.h"

/* A value for @pspec that is not its default, different for each @seed,
 * with text a user could type: accents, emoji, quotes, new lines, and
 * what a JSON writer must escape. */
static void
make_value (GParamSpec *pspec,
            guint       seed,
            GValue     *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    g_value_take_string (value, g_strdup_printf ("%s #%u: watchdog “reset” ⚡ é\n\"quoted\" \\ back\tslash \x01\x1f </script>",
                                                 pspec->name, seed));
  else if (type == G_TYPE_INT64)
    {
      GParamSpecInt64 *ispec = G_PARAM_SPEC_INT64 (pspec);

      g_value_set_int64 (value, CLAMP ((gint64) seed * 7 + 3, ispec->minimum, ispec->maximum));
    }
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, !G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
  else if (type == G_TYPE_DATE_TIME)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_offset (seed % 2 ? 3600 + 1800 : -7 * 3600);

      g_value_take_boxed (value, g_date_time_new (zone, 2026, 3, 14, 2, (seed / 60) % 60, (seed % 60) + 0.125));
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);

      g_value_set_enum (value, klass->values[klass->n_values - 1].value);
    }
  else
    g_assert_not_reached ();
}

void
debrief_test_fill_record (DebriefRecord *record,
                          guint          seed)
{
  DebriefRecordClass *klass = DEBRIEF_RECORD_GET_CLASS (record);

  for (guint i = 0; i < _debrief_record_class_get_n_columns (klass); i++)
    {
      GParamSpec *pspec = _debrief_record_class_get_column (klass, i);
      g_auto(GValue) value = G_VALUE_INIT;

      make_value (pspec, seed + i, &value);
      g_object_set_property (G_OBJECT (record), pspec->name, &value);
    }
}

void
debrief_test_assert_records_equal (DebriefRecord *a,
                                   DebriefRecord *b)
{
  DebriefRecordClass *klass = DEBRIEF_RECORD_GET_CLASS (a);

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  g_assert_cmpstr (debrief_record_get_uuid (a), ==, debrief_record_get_uuid (b));
  g_assert_cmpstr (debrief_record_get_modified_by (a), ==, debrief_record_get_modified_by (b));
  g_assert_true (g_date_time_equal (debrief_record_get_modified_at (a), debrief_record_get_modified_at (b)));
  g_assert_cmpint (g_date_time_get_utc_offset (debrief_record_get_modified_at (a)), ==,
                   g_date_time_get_utc_offset (debrief_record_get_modified_at (b)));

  for (guint i = 0; i < _debrief_record_class_get_n_columns (klass); i++)
    {
      GParamSpec *pspec = _debrief_record_class_get_column (klass, i);
      const GValue *x = _debrief_record_peek_value (a, i);
      const GValue *y = _debrief_record_peek_value (b, i);

      if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_DATE_TIME)
        {
          GDateTime *dx = g_value_get_boxed (x);
          GDateTime *dy = g_value_get_boxed (y);

          if (dx == NULL || dy == NULL)
            {
              if (dx != dy)
                g_error ("%s.%s is NULL on one side only", G_OBJECT_TYPE_NAME (a), pspec->name);
              continue;
            }
          g_assert_true (g_date_time_equal (dx, dy));
          g_assert_cmpint (g_date_time_get_utc_offset (dx), ==, g_date_time_get_utc_offset (dy));
        }
      else if (g_param_values_cmp (pspec, x, y) != 0)
        {
          g_autofree char *sx = g_strdup_value_contents (x);
          g_autofree char *sy = g_strdup_value_contents (y);

          g_error ("%s.%s differs after the round trip: %s ≠ %s",
                   G_OBJECT_TYPE_NAME (a), pspec->name, sx, sy);
        }
    }
}

/* Sets every field of the incident, and adds two records of each kind
 * with every field set, none to its default. */
void
debrief_test_fill_document (DebriefDocument *document)
{
  const GType *types;
  guint n_types;

  debrief_test_fill_record (DEBRIEF_RECORD (debrief_document_get_incident (document)), 1);

  types = debrief_document_list_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    for (guint copy = 0; copy < 2; copy++)
      {
        g_autoptr(DebriefRecord) record = g_object_new (types[i], NULL);
        g_autoptr(GError) error = NULL;

        debrief_test_fill_record (record, 100 * (i + 1) + copy);
        g_assert_true (debrief_document_add (document, record, &error));
        g_assert_no_error (error);
      }
}

/* The incident and every record of @a and @b are the same, in the same
 * order; revisions only if @with_revisions (each save adds one). */
void
debrief_test_assert_same_records (DebriefDocument *a,
                                  DebriefDocument *b,
                                  gboolean         with_revisions)
{
  const GType *types;
  guint n_types;

  debrief_test_assert_records_equal (DEBRIEF_RECORD (debrief_document_get_incident (a)),
                                     DEBRIEF_RECORD (debrief_document_get_incident (b)));

  types = debrief_document_list_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      GListModel *list_a = debrief_document_get_records (a, types[i]);
      GListModel *list_b = debrief_document_get_records (b, types[i]);

      if (types[i] == DEBRIEF_TYPE_REVISION && !with_revisions)
        continue;

      g_assert_cmpuint (g_list_model_get_n_items (list_a), ==, g_list_model_get_n_items (list_b));
      for (guint j = 0; j < g_list_model_get_n_items (list_a); j++)
        {
          g_autoptr(DebriefRecord) x = g_list_model_get_item (list_a, j);
          g_autoptr(DebriefRecord) y = g_list_model_get_item (list_b, j);

          debrief_test_assert_records_equal (x, y);
        }
    }
}
