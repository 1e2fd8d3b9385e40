/* debrief-record.c
 *
 * The base class of every row of an incident document: a stable UUID, when
 * and by whom it was last changed, and the properties its table stores.
 *
 * A subclass declares its table and its columns as GParamSpecs with
 * debrief_record_class_install_columns(); the values live here, and a
 * change to one is written to the document the record belongs to at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-record"

#include "config.h"

#include "debrief-record-private.h"

typedef struct
{
  char                   *uuid;
  GDateTime              *modified_at;
  char                   *modified_by;
  /* The document the row belongs to, and how a change is written to it. */
  GObject                *document;
  DebriefRecordWriteFunc  write_func;
  GValue                 *values;
  guint                   loading : 1;
} DebriefRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (DebriefRecord, debrief_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_MODIFIED_AT,
  PROP_MODIFIED_BY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void debrief_record_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec);
static void debrief_record_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec);

/* Column names of each class, derived once from the property names. */
static GHashTable *column_names;

static guint
column_index (DebriefRecord *self,
              GParamSpec    *pspec)
{
  DebriefRecordClass *klass = DEBRIEF_RECORD_GET_CLASS (self);
  guint index = pspec->param_id - 1;

  g_assert (index < klass->n_columns);
  g_assert (klass->columns[index] == pspec);

  return index;
}

const char *
_debrief_record_class_get_table (DebriefRecordClass *klass)
{
  return klass->table_name;
}

guint
_debrief_record_class_get_n_columns (DebriefRecordClass *klass)
{
  return klass->n_columns;
}

GParamSpec *
_debrief_record_class_get_column (DebriefRecordClass *klass,
                                  guint               column)
{
  g_assert (column < klass->n_columns);

  return klass->columns[column];
}

const char *
_debrief_record_class_get_column_name (DebriefRecordClass *klass,
                                       guint               column)
{
  const char * const *names = g_hash_table_lookup (column_names, klass);

  g_assert (names != NULL);
  g_assert (column < klass->n_columns);

  return names[column];
}

char *
_debrief_format_timestamp (GDateTime *datetime)
{
  if (datetime == NULL)
    return NULL;

  return g_date_time_format_iso8601 (datetime);
}

GDateTime *
_debrief_parse_timestamp (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;

  return g_date_time_new_from_iso8601 (text, NULL);
}

/* Text from a file that may have been written by anything: invalid UTF-8
 * becomes replacement characters rather than reaching a widget. */
char *
_debrief_text_from_column (sqlite3_stmt *stmt,
                           int           index)
{
  const char *text = (const char *) sqlite3_column_text (stmt, index);
  int length = sqlite3_column_bytes (stmt, index);

  if (text == NULL)
    return NULL;

  if (g_utf8_validate_len (text, length, NULL))
    return g_strndup (text, length);

  return g_utf8_make_valid (text, length);
}

/**
 * debrief_record_class_install_columns:
 * @klass: a #DebriefRecordClass
 * @table_name: the table the rows of this class live in
 * @n_pspecs: the length of @pspecs, including the unused first element
 * @pspecs: (array length=n_pspecs): the columns, as property specs, with
 *   `pspecs[0]` left %NULL as for g_object_class_install_properties()
 *
 * Installs @pspecs as properties of @klass whose values are stored by
 * #DebriefRecord in the column of @table_name named like the property
 * (with `_` for `-`).
 */
void
debrief_record_class_install_columns (DebriefRecordClass  *klass,
                                      const char          *table_name,
                                      guint                n_pspecs,
                                      GParamSpec         **pspecs)
{
  char **names;

  g_return_if_fail (DEBRIEF_IS_RECORD_CLASS (klass));
  g_return_if_fail (table_name != NULL);
  g_return_if_fail (n_pspecs > 1 && pspecs[0] == NULL);

  klass->table_name = table_name;
  klass->columns = &pspecs[1];
  klass->n_columns = n_pspecs - 1;

  /* GObject does not inherit these: the subclass's properties are handled
   * here, where their values are stored. */
  G_OBJECT_CLASS (klass)->get_property = debrief_record_get_property;
  G_OBJECT_CLASS (klass)->set_property = debrief_record_set_property;

  g_object_class_install_properties (G_OBJECT_CLASS (klass), n_pspecs, pspecs);

  names = g_new0 (char *, n_pspecs);
  for (guint i = 0; i < klass->n_columns; i++)
    names[i] = g_strdelimit (g_strdup (klass->columns[i]->name), "-", '_');

  if (column_names == NULL)
    column_names = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (column_names, klass, names);
}

const char *
debrief_record_get_uuid (DebriefRecord *self)
{
  DebriefRecordPrivate *priv = debrief_record_get_instance_private (self);

  g_return_val_if_fail (DEBRIEF_IS_RECORD (self), NULL);

  return priv->uuid;
}

/**
 * debrief_record_get_modified_at:
 * @self: a #DebriefRecord
 *
 * Returns: (transfer none) (nullable): when the row was last changed
 */
GDateTime *
debrief_record_get_modified_at (DebriefRecord *self)
{
  DebriefRecordPrivate *priv = debrief_record_get_instance_private (self);

  g_return_val_if_fail (DEBRIEF_IS_RECORD (self), NULL);

  return priv->modified_at;
}

const char *
debrief_record_get_modified_by (DebriefRecord *self)
{
  DebriefRecordPrivate *priv = debrief_record_get_instance_private (self);

  g_return_val_if_fail (DEBRIEF_IS_RECORD (self), NULL);

  return priv->modified_by;
}

/**
 * debrief_record_get_document:
 * @self: a #DebriefRecord
 *
 * Returns: (transfer none) (nullable): the document the row belongs to, or
 *   %NULL while it is not part of one
 */
DebriefDocument *
debrief_record_get_document (DebriefRecord *self)
{
  DebriefRecordPrivate *priv = debrief_record_get_instance_private (self);

  g_return_val_if_fail (DEBRIEF_IS_RECORD (self), NULL);

  return (DebriefDocument *) priv->document;
}

DebriefRecord *
_debrief_record_new_with_uuid (GType       type,
                               const char *uuid)
{
  g_assert (g_type_is_a (type, DEBRIEF_TYPE_RECORD));

  return g_object_new (type, "uuid", uuid, NULL);
}

/* The record does not know the document's type: the document hands in the
 * function that writes a change, so that records stay below it. */
void
_debrief_record_attach (DebriefRecord          *self,
                        DebriefDocument        *document,
                        DebriefRecordWriteFunc  write_func)
{
  DebriefRecordPrivate *priv = debrief_record_get_instance_private (self);

  g_assert (G_IS_OBJECT (document));
  g_assert (write_func != NULL);
  g_assert (priv->document == NULL || priv->document == G_OBJECT (document));

  g_set_weak_pointer (&priv->document, G_OBJECT (document));
  priv->write_func = write_func;
}

void
_debrief_record_detach (DebriefRecord *self)
{
  DebriefRecordPrivate *priv = debrief_record_get_instance_private (self);

  g_clear_weak_pointer (&priv->document);
  priv->write_func = NULL;
}

void
_debrief_record_set_stamp (DebriefRecord *self,
                           GDateTime     *modified_at,
                           const char    *modified_by)
{
  DebriefRecordPrivate *priv = debrief_record_get_instance_private (self);

  if (modified_at != priv->modified_at &&
      (modified_at == NULL || priv->modified_at == NULL ||
       !g_date_time_equal (modified_at, priv->modified_at)))
    {
      g_clear_pointer (&priv->modified_at, g_date_time_unref);
      priv->modified_at = modified_at ? g_date_time_ref (modified_at) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED_AT]);
    }

  if (g_strcmp0 (priv->modified_by, modified_by) != 0)
    {
      g_free (priv->modified_by);
      priv->modified_by = g_strdup (modified_by);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED_BY]);
    }
}

const GValue *
_debrief_record_peek_value (DebriefRecord *self,
                            guint          column)
{
  DebriefRecordPrivate *priv = debrief_record_get_instance_private (self);

  g_assert (column < DEBRIEF_RECORD_GET_CLASS (self)->n_columns);

  return &priv->values[column];
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_DATE_TIME)
    {
      GDateTime *x = g_value_get_boxed (a);
      GDateTime *y = g_value_get_boxed (b);

      if (x == NULL || y == NULL)
        return x == y;

      /* The same instant in another zone is another value to the user. */
      return g_date_time_equal (x, y) &&
             g_date_time_get_utc_offset (x) == g_date_time_get_utc_offset (y);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Sets a value; writes it to the document unless it comes from there. */
static void
debrief_record_store (DebriefRecord *self,
                      guint          column,
                      const GValue  *value,
                      gboolean       from_document)
{
  DebriefRecordPrivate *priv = debrief_record_get_instance_private (self);
  GParamSpec *pspec = DEBRIEF_RECORD_GET_CLASS (self)->columns[column];
  g_auto(GValue) validated = G_VALUE_INIT;

  g_value_init (&validated, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_value_copy (value, &validated);

  /* Text columns hold "" rather than NULL, so that every copy of an
   * incident compares the same. */
  if (G_VALUE_HOLDS_STRING (&validated) && g_value_get_string (&validated) == NULL)
    g_value_set_static_string (&validated, "");

  g_param_value_validate (pspec, &validated);

  if (values_equal (pspec, &priv->values[column], &validated))
    return;

  g_value_copy (&validated, g_value_reset (&priv->values[column]));

  if (!from_document && priv->document != NULL)
    priv->write_func ((DebriefDocument *) priv->document, self, column);

  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

void
_debrief_record_load_value (DebriefRecord *self,
                            guint          column,
                            const GValue  *value)
{
  debrief_record_store (self, column, value, TRUE);
}

void
_debrief_record_load_column (DebriefRecord *self,
                             guint          column,
                             sqlite3_stmt  *stmt,
                             int            index)
{
  GParamSpec *pspec = DEBRIEF_RECORD_GET_CLASS (self)->columns[column];
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, type);

  if (type == G_TYPE_STRING)
    g_value_take_string (&value, _debrief_text_from_column (stmt, index));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (&value, sqlite3_column_int64 (stmt, index));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (&value, sqlite3_column_int64 (stmt, index) != 0);
  else if (type == G_TYPE_DATE_TIME)
    {
      g_autofree char *text = _debrief_text_from_column (stmt, index);

      g_value_take_boxed (&value, _debrief_parse_timestamp (text));
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autofree char *nick = _debrief_text_from_column (stmt, index);
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
      GEnumValue *enum_value = nick ? g_enum_get_value_by_nick (enum_class, nick) : NULL;

      g_value_set_enum (&value, enum_value ? enum_value->value
                                           : G_PARAM_SPEC_ENUM (pspec)->default_value);
    }
  else
    g_assert_not_reached ();

  debrief_record_store (self, column, &value, TRUE);
}

void
_debrief_record_bind_column (DebriefRecord *self,
                             guint          column,
                             sqlite3_stmt  *stmt,
                             int            index)
{
  DebriefRecordPrivate *priv = debrief_record_get_instance_private (self);
  GParamSpec *pspec = DEBRIEF_RECORD_GET_CLASS (self)->columns[column];
  const GValue *value = &priv->values[column];
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    sqlite3_bind_text (stmt, index, g_value_get_string (value), -1, SQLITE_TRANSIENT);
  else if (type == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
  else if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
  else if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *datetime = g_value_get_boxed (value);

      if (datetime == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, g_date_time_format_iso8601 (datetime), -1, g_free);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
      GEnumValue *enum_value = g_enum_get_value (enum_class, g_value_get_enum (value));

      g_assert (enum_value != NULL);
      sqlite3_bind_text (stmt, index, enum_value->value_nick, -1, SQLITE_STATIC);
    }
  else
    g_assert_not_reached ();
}

#define DEFINE_ACCESSORS(name, ctype, getter, setter, gtype)             \
  ctype                                                                  \
  debrief_record_get_##name (DebriefRecord *self,                        \
                             GParamSpec    *pspec)                       \
  {                                                                      \
    DebriefRecordPrivate *priv = debrief_record_get_instance_private (self); \
                                                                         \
    g_return_val_if_fail (DEBRIEF_IS_RECORD (self), (ctype) 0);          \
    g_return_val_if_fail (G_PARAM_SPEC_VALUE_TYPE (pspec) == gtype ||    \
                          g_type_is_a (G_PARAM_SPEC_VALUE_TYPE (pspec), gtype), (ctype) 0); \
                                                                         \
    return getter (&priv->values[column_index (self, pspec)]);           \
  }                                                                      \
                                                                         \
  void                                                                   \
  debrief_record_set_##name (DebriefRecord *self,                        \
                             GParamSpec    *pspec,                       \
                             ctype          value)                       \
  {                                                                      \
    g_auto(GValue) gvalue = G_VALUE_INIT;                                \
                                                                         \
    g_return_if_fail (DEBRIEF_IS_RECORD (self));                         \
                                                                         \
    g_value_init (&gvalue, G_PARAM_SPEC_VALUE_TYPE (pspec));             \
    setter (&gvalue, value);                                             \
    debrief_record_store (self, column_index (self, pspec), &gvalue, FALSE); \
  }

DEFINE_ACCESSORS (string, const char *, g_value_get_string, g_value_set_string, G_TYPE_STRING)
DEFINE_ACCESSORS (int64, gint64, g_value_get_int64, g_value_set_int64, G_TYPE_INT64)
DEFINE_ACCESSORS (boolean, gboolean, g_value_get_boolean, g_value_set_boolean, G_TYPE_BOOLEAN)
DEFINE_ACCESSORS (datetime, GDateTime *, g_value_get_boxed, g_value_set_boxed, G_TYPE_DATE_TIME)
DEFINE_ACCESSORS (enum, int, g_value_get_enum, g_value_set_enum, G_TYPE_ENUM)

#undef DEFINE_ACCESSORS

static void
debrief_record_constructed (GObject *object)
{
  DebriefRecord *self = DEBRIEF_RECORD (object);
  DebriefRecordPrivate *priv = debrief_record_get_instance_private (self);
  DebriefRecordClass *klass = DEBRIEF_RECORD_GET_CLASS (self);

  G_OBJECT_CLASS (debrief_record_parent_class)->constructed (object);

  g_assert (klass->table_name != NULL);

  if (priv->uuid == NULL)
    priv->uuid = g_uuid_string_random ();

  priv->values = g_new0 (GValue, klass->n_columns);
  for (guint i = 0; i < klass->n_columns; i++)
    {
      g_value_init (&priv->values[i], G_PARAM_SPEC_VALUE_TYPE (klass->columns[i]));
      g_param_value_set_default (klass->columns[i], &priv->values[i]);
    }
}

static void
debrief_record_finalize (GObject *object)
{
  DebriefRecord *self = DEBRIEF_RECORD (object);
  DebriefRecordPrivate *priv = debrief_record_get_instance_private (self);
  DebriefRecordClass *klass = DEBRIEF_RECORD_GET_CLASS (self);

  g_clear_weak_pointer (&priv->document);

  for (guint i = 0; i < klass->n_columns; i++)
    g_value_unset (&priv->values[i]);
  g_clear_pointer (&priv->values, g_free);

  g_clear_pointer (&priv->uuid, g_free);
  g_clear_pointer (&priv->modified_at, g_date_time_unref);
  g_clear_pointer (&priv->modified_by, g_free);

  G_OBJECT_CLASS (debrief_record_parent_class)->finalize (object);
}

/* Properties of subclasses (the columns) are numbered from 1 in their own
 * class; those of DebriefRecord itself are told apart by their owner. */
static void
debrief_record_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DebriefRecord *self = DEBRIEF_RECORD (object);
  DebriefRecordPrivate *priv = debrief_record_get_instance_private (self);

  if (pspec->owner_type != DEBRIEF_TYPE_RECORD)
    {
      g_value_copy (&priv->values[column_index (self, pspec)], value);
      return;
    }

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, priv->uuid);
      break;

    case PROP_MODIFIED_AT:
      g_value_set_boxed (value, priv->modified_at);
      break;

    case PROP_MODIFIED_BY:
      g_value_set_string (value, priv->modified_by);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_record_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DebriefRecord *self = DEBRIEF_RECORD (object);
  DebriefRecordPrivate *priv = debrief_record_get_instance_private (self);

  if (pspec->owner_type != DEBRIEF_TYPE_RECORD)
    {
      debrief_record_store (self, column_index (self, pspec), value, FALSE);
      return;
    }

  switch (prop_id)
    {
    case PROP_UUID:
      g_assert (priv->uuid == NULL);
      priv->uuid = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_record_class_init (DebriefRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = debrief_record_constructed;
  object_class->finalize = debrief_record_finalize;
  object_class->get_property = debrief_record_get_property;
  object_class->set_property = debrief_record_set_property;

  properties [PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MODIFIED_AT] =
    g_param_spec_boxed ("modified-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MODIFIED_BY] =
    g_param_spec_string ("modified-by", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
debrief_record_init (DebriefRecord *self)
{
}
