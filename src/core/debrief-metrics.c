/* debrief-metrics.c
 *
 * The numbers of the Overview, kept up to date as the document changes:
 * how long the outage took to detect, acknowledge, mitigate and resolve,
 * and how far the post-mortem has come.
 *
 * The durations come from the phase markers of the timeline, the earliest
 * of each kind, so that a marker placed twice by mistake does not make an
 * outage look shorter than it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-metrics"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-action-item.h"
#include "debrief-evidence.h"
#include "debrief-factor.h"
#include "debrief-metrics.h"
#include "debrief-phase-marker.h"
#include "debrief-timeline-event.h"
#include "debrief-validation.h"

/* The local date is checked at least this often, so that "overdue" moves
 * on at midnight even after a suspend, which a monotonic timeout sleeps
 * through. */
#define MAX_TODAY_CHECK_SECONDS 3600

struct _DebriefMetrics
{
  GObject          parent_instance;

  DebriefDocument *document;

  GListModel      *markers;
  GListModel      *actions;
  GListModel      *evidence;
  GListModel      *events;
  GListModel      *factors;

  /* The items of markers and actions, in the same order, each with our
   * notify handlers: items-changed no longer has the removed ones. */
  GPtrArray       *watched_markers;
  GPtrArray       *watched_actions;

  char            *fixed_today;  /* NULL: follow the local date */
  char            *today;        /* YYYY-MM-DD in effect */
  guint            today_source;

  gint64           values[16];
};

G_DEFINE_FINAL_TYPE (DebriefMetrics, debrief_metrics, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_TODAY,
  PROP_TIME_TO_DETECT,
  PROP_TIME_TO_ACKNOWLEDGE,
  PROP_TIME_TO_MITIGATE,
  PROP_TIME_TO_RESOLVE,
  PROP_IMPACT_DURATION,
  PROP_N_EVIDENCE,
  PROP_N_TIMELINE_EVENTS,
  PROP_N_FACTORS,
  PROP_N_ACTIONS,
  PROP_N_ACTIONS_DONE,
  PROP_N_ACTIONS_WONT_DO,
  PROP_N_ACTIONS_OVERDUE,
  N_PROPS
};

#define FIRST_DURATION PROP_TIME_TO_DETECT
#define LAST_DURATION  PROP_IMPACT_DURATION
#define FIRST_COUNT    PROP_N_EVIDENCE
#define LAST_COUNT     PROP_N_ACTIONS_OVERDUE

G_STATIC_ASSERT (N_PROPS <= G_N_ELEMENTS (((DebriefMetrics *) NULL)->values));

static GParamSpec *properties [N_PROPS];

static const char * const marker_properties[] = { "notify::kind", "notify::at", NULL };
static const char * const action_properties[] = { "notify::status", "notify::due-date", NULL };

static void
set_value (DebriefMetrics *self,
           guint           prop_id,
           gint64          value)
{
  g_assert (prop_id >= FIRST_DURATION && prop_id <= LAST_COUNT);

  if (self->values[prop_id] == value)
    return;

  self->values[prop_id] = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

/* -1 unless both ends are known and @end is not before @start. */
static gint64
span (GDateTime *start,
      GDateTime *end)
{
  GTimeSpan difference;

  if (start == NULL || end == NULL)
    return DEBRIEF_METRICS_UNKNOWN;

  difference = g_date_time_difference (end, start);

  return difference >= 0 ? difference : DEBRIEF_METRICS_UNKNOWN;
}

static void
update_durations (DebriefMetrics *self)
{
  GDateTime *earliest[DEBRIEF_MARKER_KIND_RESOLVED + 1] = { NULL, };
  GDateTime *impact_start, *detected, *acknowledged, *mitigated, *resolved;

  for (guint i = 0; i < self->watched_markers->len; i++)
    {
      DebriefPhaseMarker *marker = g_ptr_array_index (self->watched_markers, i);
      guint kind = (guint) debrief_phase_marker_get_kind (marker);
      GDateTime *at = debrief_phase_marker_get_at (marker);

      if (at == NULL || kind >= G_N_ELEMENTS (earliest))
        continue;

      if (earliest[kind] == NULL || g_date_time_compare (at, earliest[kind]) < 0)
        earliest[kind] = at;
    }

  impact_start = earliest[DEBRIEF_MARKER_KIND_IMPACT_START];
  detected = earliest[DEBRIEF_MARKER_KIND_DETECTED];
  acknowledged = earliest[DEBRIEF_MARKER_KIND_ACKNOWLEDGED];
  mitigated = earliest[DEBRIEF_MARKER_KIND_MITIGATED];
  resolved = earliest[DEBRIEF_MARKER_KIND_RESOLVED];

  set_value (self, PROP_TIME_TO_DETECT, span (impact_start, detected));
  set_value (self, PROP_TIME_TO_ACKNOWLEDGE, span (detected != NULL ? detected : impact_start, acknowledged));
  set_value (self, PROP_TIME_TO_MITIGATE, span (impact_start, mitigated));
  set_value (self, PROP_TIME_TO_RESOLVE, span (impact_start, resolved));
  set_value (self, PROP_IMPACT_DURATION, span (impact_start, resolved != NULL ? resolved : mitigated));
}

static char *
local_date (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void update_actions (DebriefMetrics *self);

static gboolean
today_check_cb (gpointer user_data)
{
  DebriefMetrics *self = user_data;

  self->today_source = 0;
  update_actions (self);

  return G_SOURCE_REMOVE;
}

/* Wakes up just after the next local midnight, or sooner. */
static void
schedule_today_check (DebriefMetrics *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) start_of_day = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  gint64 seconds = MAX_TODAY_CHECK_SECONDS;

  g_clear_handle_id (&self->today_source, g_source_remove);

  if (self->fixed_today != NULL)
    return;

  now = g_date_time_new_now_local ();
  start_of_day = g_date_time_new_local (g_date_time_get_year (now),
                                        g_date_time_get_month (now),
                                        g_date_time_get_day_of_month (now),
                                        0, 0, 0);
  if (start_of_day != NULL)
    midnight = g_date_time_add_days (start_of_day, 1);
  if (midnight != NULL)
    seconds = CLAMP (g_date_time_difference (midnight, now) / G_USEC_PER_SEC + 1,
                     1, MAX_TODAY_CHECK_SECONDS);

  self->today_source = g_timeout_add_seconds ((guint) seconds, today_check_cb, self);
  g_source_set_name_by_id (self->today_source, "[debrief] metrics today check");
}

static void
update_today (DebriefMetrics *self)
{
  g_autofree char *today = NULL;

  today = self->fixed_today != NULL ? g_strdup (self->fixed_today) : local_date ();

  if (g_strcmp0 (today, self->today) != 0)
    {
      g_free (self->today);
      self->today = g_steal_pointer (&today);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TODAY]);
    }

  schedule_today_check (self);
}

static void
update_actions (DebriefMetrics *self)
{
  guint n_done = 0;
  guint n_wont_do = 0;
  guint n_overdue = 0;
  GDate today;

  update_today (self);

  g_date_clear (&today, 1);
  if (!debrief_parse_date (self->today, &today))
    g_assert_not_reached ();

  for (guint i = 0; i < self->watched_actions->len; i++)
    {
      DebriefActionItem *action = g_ptr_array_index (self->watched_actions, i);
      GDate due;

      switch (debrief_action_item_get_status (action))
        {
        case DEBRIEF_ACTION_STATUS_DONE:
          n_done++;
          break;

        case DEBRIEF_ACTION_STATUS_WONT_DO:
          n_wont_do++;
          break;

        case DEBRIEF_ACTION_STATUS_OPEN:
        case DEBRIEF_ACTION_STATUS_IN_PROGRESS:
        default:
          /* An action without a (valid) due date is never overdue. */
          g_date_clear (&due, 1);
          if (debrief_parse_date (debrief_action_item_get_due_date (action), &due) &&
              g_date_compare (&due, &today) < 0)
            n_overdue++;
          break;
        }
    }

  set_value (self, PROP_N_ACTIONS, self->watched_actions->len);
  set_value (self, PROP_N_ACTIONS_DONE, n_done);
  set_value (self, PROP_N_ACTIONS_WONT_DO, n_wont_do);
  set_value (self, PROP_N_ACTIONS_OVERDUE, n_overdue);
}

static void
on_marker_changed (DebriefMetrics *self,
                   GParamSpec     *pspec,
                   GObject        *marker)
{
  update_durations (self);
}

static void
on_action_changed (DebriefMetrics *self,
                   GParamSpec     *pspec,
                   GObject        *action)
{
  update_actions (self);
}

/* Keeps @watched the same as @model, with @signals connected to @callback
 * on each item it holds and on no other. */
static void
watch_items (DebriefMetrics     *self,
             GPtrArray          *watched,
             GListModel         *model,
             guint               position,
             guint               removed,
             guint               added,
             const char * const *signals,
             GCallback           callback)
{
  g_assert (position + removed <= watched->len);

  for (guint i = 0; i < removed; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (watched, position + i), self);
  g_ptr_array_remove_range (watched, position, removed);

  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_list_model_get_item (model, position + i);

      for (guint j = 0; signals[j] != NULL; j++)
        g_signal_connect_swapped (item, signals[j], callback, self);

      g_ptr_array_insert (watched, (int) (position + i), item);
    }

  g_assert (watched->len == g_list_model_get_n_items (model));
}

static void
on_markers_changed (GListModel     *model,
                    guint           position,
                    guint           removed,
                    guint           added,
                    DebriefMetrics *self)
{
  watch_items (self, self->watched_markers, model, position, removed, added,
               marker_properties, G_CALLBACK (on_marker_changed));
  update_durations (self);
}

static void
on_actions_changed (GListModel     *model,
                    guint           position,
                    guint           removed,
                    guint           added,
                    DebriefMetrics *self)
{
  watch_items (self, self->watched_actions, model, position, removed, added,
               action_properties, G_CALLBACK (on_action_changed));
  update_actions (self);
}

static void
update_counts (DebriefMetrics *self)
{
  set_value (self, PROP_N_EVIDENCE, g_list_model_get_n_items (self->evidence));
  set_value (self, PROP_N_TIMELINE_EVENTS, g_list_model_get_n_items (self->events));
  set_value (self, PROP_N_FACTORS, g_list_model_get_n_items (self->factors));
}

static void
on_counted_changed (GListModel     *model,
                    guint           position,
                    guint           removed,
                    guint           added,
                    DebriefMetrics *self)
{
  update_counts (self);
}

static GListModel *
watch_list (DebriefMetrics *self,
            GType           type,
            GCallback       callback)
{
  GListModel *model = debrief_document_get_records (self->document, type);

  g_signal_connect (model, "items-changed", callback, self);

  return g_object_ref (model);
}

static void
unwatch_list (DebriefMetrics  *self,
              GListModel     **model)
{
  if (*model != NULL)
    g_signal_handlers_disconnect_by_data (*model, self);
  g_clear_object (model);
}

static void
unwatch_items (DebriefMetrics  *self,
               GPtrArray      **watched)
{
  if (*watched == NULL)
    return;

  for (guint i = 0; i < (*watched)->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (*watched, i), self);
  g_clear_pointer (watched, g_ptr_array_unref);
}

static void
debrief_metrics_constructed (GObject *object)
{
  DebriefMetrics *self = DEBRIEF_METRICS (object);

  G_OBJECT_CLASS (debrief_metrics_parent_class)->constructed (object);

  g_assert (DEBRIEF_IS_DOCUMENT (self->document));

  self->markers = watch_list (self, DEBRIEF_TYPE_PHASE_MARKER, G_CALLBACK (on_markers_changed));
  self->actions = watch_list (self, DEBRIEF_TYPE_ACTION_ITEM, G_CALLBACK (on_actions_changed));
  self->evidence = watch_list (self, DEBRIEF_TYPE_EVIDENCE, G_CALLBACK (on_counted_changed));
  self->events = watch_list (self, DEBRIEF_TYPE_TIMELINE_EVENT, G_CALLBACK (on_counted_changed));
  self->factors = watch_list (self, DEBRIEF_TYPE_FACTOR, G_CALLBACK (on_counted_changed));

  on_markers_changed (self->markers, 0, 0, g_list_model_get_n_items (self->markers), self);
  on_actions_changed (self->actions, 0, 0, g_list_model_get_n_items (self->actions), self);
  update_counts (self);
}

static void
debrief_metrics_dispose (GObject *object)
{
  DebriefMetrics *self = DEBRIEF_METRICS (object);

  g_clear_handle_id (&self->today_source, g_source_remove);

  unwatch_items (self, &self->watched_markers);
  unwatch_items (self, &self->watched_actions);

  unwatch_list (self, &self->markers);
  unwatch_list (self, &self->actions);
  unwatch_list (self, &self->evidence);
  unwatch_list (self, &self->events);
  unwatch_list (self, &self->factors);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (debrief_metrics_parent_class)->dispose (object);
}

static void
debrief_metrics_finalize (GObject *object)
{
  DebriefMetrics *self = DEBRIEF_METRICS (object);

  g_clear_pointer (&self->fixed_today, g_free);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (debrief_metrics_parent_class)->finalize (object);
}

static void
debrief_metrics_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DebriefMetrics *self = DEBRIEF_METRICS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_TODAY:
      g_value_set_string (value, self->today);
      break;

    case PROP_TIME_TO_DETECT:
    case PROP_TIME_TO_ACKNOWLEDGE:
    case PROP_TIME_TO_MITIGATE:
    case PROP_TIME_TO_RESOLVE:
    case PROP_IMPACT_DURATION:
      g_value_set_int64 (value, self->values[prop_id]);
      break;

    case PROP_N_EVIDENCE:
    case PROP_N_TIMELINE_EVENTS:
    case PROP_N_FACTORS:
    case PROP_N_ACTIONS:
    case PROP_N_ACTIONS_DONE:
    case PROP_N_ACTIONS_WONT_DO:
    case PROP_N_ACTIONS_OVERDUE:
      g_value_set_uint (value, (guint) self->values[prop_id]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_metrics_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DebriefMetrics *self = DEBRIEF_METRICS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_TODAY:
      debrief_metrics_set_today (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
duration_pspec (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL,
                             -1, G_MAXINT64, DEBRIEF_METRICS_UNKNOWN,
                             (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static GParamSpec *
count_pspec (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL,
                            0, G_MAXUINT, 0,
                            (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static void
debrief_metrics_class_init (DebriefMetricsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = debrief_metrics_constructed;
  object_class->dispose = debrief_metrics_dispose;
  object_class->finalize = debrief_metrics_finalize;
  object_class->get_property = debrief_metrics_get_property;
  object_class->set_property = debrief_metrics_set_property;

  /**
   * DebriefMetrics:document:
   *
   * The document the numbers are about.
   */
  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         DEBRIEF_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DebriefMetrics:today:
   *
   * The day against which due dates are overdue, as YYYY-MM-DD. Setting
   * %NULL or "" makes it follow the local date, which it does from the
   * start; reading it gives the day in effect.
   */
  properties [PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DebriefMetrics:time-to-detect:
   *
   * Microseconds from the start of the impact to its detection, or
   * %DEBRIEF_METRICS_UNKNOWN.
   */
  properties [PROP_TIME_TO_DETECT] = duration_pspec ("time-to-detect");

  /**
   * DebriefMetrics:time-to-acknowledge:
   *
   * Microseconds from detection (or, if that is not marked, the start of
   * the impact) to acknowledgement, or %DEBRIEF_METRICS_UNKNOWN.
   */
  properties [PROP_TIME_TO_ACKNOWLEDGE] = duration_pspec ("time-to-acknowledge");

  /**
   * DebriefMetrics:time-to-mitigate:
   *
   * Microseconds from the start of the impact to its mitigation, or
   * %DEBRIEF_METRICS_UNKNOWN.
   */
  properties [PROP_TIME_TO_MITIGATE] = duration_pspec ("time-to-mitigate");

  /**
   * DebriefMetrics:time-to-resolve:
   *
   * Microseconds from the start of the impact to its resolution, or
   * %DEBRIEF_METRICS_UNKNOWN.
   */
  properties [PROP_TIME_TO_RESOLVE] = duration_pspec ("time-to-resolve");

  /**
   * DebriefMetrics:impact-duration:
   *
   * Microseconds from the start of the impact to its resolution, or to its
   * mitigation while it is not resolved, or %DEBRIEF_METRICS_UNKNOWN.
   */
  properties [PROP_IMPACT_DURATION] = duration_pspec ("impact-duration");

  /**
   * DebriefMetrics:n-evidence:
   *
   * The number of pieces of evidence.
   */
  properties [PROP_N_EVIDENCE] = count_pspec ("n-evidence");

  /**
   * DebriefMetrics:n-timeline-events:
   *
   * The number of events on the timeline.
   */
  properties [PROP_N_TIMELINE_EVENTS] = count_pspec ("n-timeline-events");

  /**
   * DebriefMetrics:n-factors:
   *
   * The number of contributing factors.
   */
  properties [PROP_N_FACTORS] = count_pspec ("n-factors");

  /**
   * DebriefMetrics:n-actions:
   *
   * The number of action items, whatever their status.
   */
  properties [PROP_N_ACTIONS] = count_pspec ("n-actions");

  /**
   * DebriefMetrics:n-actions-done:
   *
   * The number of action items done. Those the team decided not to do are
   * not among them: they are counted by #DebriefMetrics:n-actions-wont-do.
   */
  properties [PROP_N_ACTIONS_DONE] = count_pspec ("n-actions-done");

  /**
   * DebriefMetrics:n-actions-wont-do:
   *
   * The number of action items the team decided not to do.
   */
  properties [PROP_N_ACTIONS_WONT_DO] = count_pspec ("n-actions-wont-do");

  /**
   * DebriefMetrics:n-actions-overdue:
   *
   * The number of action items neither done nor dropped whose due date is
   * before #DebriefMetrics:today.
   */
  properties [PROP_N_ACTIONS_OVERDUE] = count_pspec ("n-actions-overdue");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
debrief_metrics_init (DebriefMetrics *self)
{
  self->watched_markers = g_ptr_array_new_with_free_func (g_object_unref);
  self->watched_actions = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = FIRST_DURATION; i <= LAST_DURATION; i++)
    self->values[i] = DEBRIEF_METRICS_UNKNOWN;
}

/**
 * debrief_metrics_new:
 * @document: a #DebriefDocument
 *
 * Returns: (transfer full): the metrics of @document, which keep it alive
 */
DebriefMetrics *
debrief_metrics_new (DebriefDocument *document)
{
  g_return_val_if_fail (DEBRIEF_IS_DOCUMENT (document), NULL);

  return g_object_new (DEBRIEF_TYPE_METRICS, "document", document, NULL);
}

/**
 * debrief_metrics_get_document:
 * @self: a #DebriefMetrics
 *
 * Returns: (transfer none) (nullable): the document, %NULL once disposed
 */
DebriefDocument *
debrief_metrics_get_document (DebriefMetrics *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS (self), NULL);

  return self->document;
}

/**
 * debrief_metrics_get_today:
 * @self: a #DebriefMetrics
 *
 * Returns: the day in effect for overdue action items, as YYYY-MM-DD
 */
const char *
debrief_metrics_get_today (DebriefMetrics *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS (self), NULL);

  return self->today;
}

/**
 * debrief_metrics_set_today:
 * @self: a #DebriefMetrics
 * @today: (nullable): a day as YYYY-MM-DD, or %NULL or "" for the local date
 *
 * Sets the day against which due dates are overdue.
 */
void
debrief_metrics_set_today (DebriefMetrics *self,
                           const char     *today)
{
  g_return_if_fail (DEBRIEF_IS_METRICS (self));
  g_return_if_fail (today == NULL || *today == '\0' || debrief_parse_date (today, NULL));

  if (today != NULL && *today == '\0')
    today = NULL;

  if (g_strcmp0 (self->fixed_today, today) == 0)
    return;

  g_free (self->fixed_today);
  self->fixed_today = g_strdup (today);

  /* Before construction is complete there are no actions to count yet. */
  if (self->watched_actions != NULL && self->actions != NULL)
    update_actions (self);
}

gint64
debrief_metrics_get_time_to_detect (DebriefMetrics *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS (self), DEBRIEF_METRICS_UNKNOWN);

  return self->values[PROP_TIME_TO_DETECT];
}

gint64
debrief_metrics_get_time_to_acknowledge (DebriefMetrics *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS (self), DEBRIEF_METRICS_UNKNOWN);

  return self->values[PROP_TIME_TO_ACKNOWLEDGE];
}

gint64
debrief_metrics_get_time_to_mitigate (DebriefMetrics *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS (self), DEBRIEF_METRICS_UNKNOWN);

  return self->values[PROP_TIME_TO_MITIGATE];
}

gint64
debrief_metrics_get_time_to_resolve (DebriefMetrics *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS (self), DEBRIEF_METRICS_UNKNOWN);

  return self->values[PROP_TIME_TO_RESOLVE];
}

gint64
debrief_metrics_get_impact_duration (DebriefMetrics *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS (self), DEBRIEF_METRICS_UNKNOWN);

  return self->values[PROP_IMPACT_DURATION];
}

guint
debrief_metrics_get_n_evidence (DebriefMetrics *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS (self), 0);

  return (guint) self->values[PROP_N_EVIDENCE];
}

guint
debrief_metrics_get_n_timeline_events (DebriefMetrics *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS (self), 0);

  return (guint) self->values[PROP_N_TIMELINE_EVENTS];
}

guint
debrief_metrics_get_n_factors (DebriefMetrics *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS (self), 0);

  return (guint) self->values[PROP_N_FACTORS];
}

guint
debrief_metrics_get_n_actions (DebriefMetrics *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS (self), 0);

  return (guint) self->values[PROP_N_ACTIONS];
}

guint
debrief_metrics_get_n_actions_done (DebriefMetrics *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS (self), 0);

  return (guint) self->values[PROP_N_ACTIONS_DONE];
}

guint
debrief_metrics_get_n_actions_wont_do (DebriefMetrics *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS (self), 0);

  return (guint) self->values[PROP_N_ACTIONS_WONT_DO];
}

guint
debrief_metrics_get_n_actions_overdue (DebriefMetrics *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS (self), 0);

  return (guint) self->values[PROP_N_ACTIONS_OVERDUE];
}

/**
 * debrief_metrics_format_duration:
 * @usec: a duration in microseconds, or %DEBRIEF_METRICS_UNKNOWN
 *
 * Formats a duration for people, with its two largest units and the
 * smaller ones left out: "45 s", "12 min 5 s", "2 h 14 min", "3 d 4 h".
 *
 * Returns: (transfer full): the duration, or "not yet known" for a
 *   negative @usec
 */
char *
debrief_metrics_format_duration (gint64 usec)
{
  gint64 total = usec / G_USEC_PER_SEC;
  int days = (int) MIN (total / 86400, G_MAXINT);
  int hours = (int) (total / 3600 % 24);
  int minutes = (int) (total / 60 % 60);
  int seconds = (int) (total % 60);

  if (usec < 0)
    return g_strdup (_("not yet known"));

  if (days > 0 && hours > 0)
    /* Translators: a duration in days and hours, e.g. "3 d 4 h" */
    return g_strdup_printf (_("%d d %d h"), days, hours);
  if (days > 0)
    /* Translators: a duration in days, e.g. "3 d" */
    return g_strdup_printf (_("%d d"), days);
  if (hours > 0 && minutes > 0)
    /* Translators: a duration in hours and minutes, e.g. "2 h 14 min" */
    return g_strdup_printf (_("%d h %d min"), hours, minutes);
  if (hours > 0)
    /* Translators: a duration in hours, e.g. "2 h" */
    return g_strdup_printf (_("%d h"), hours);
  if (minutes > 0 && seconds > 0)
    /* Translators: a duration in minutes and seconds, e.g. "12 min 5 s" */
    return g_strdup_printf (_("%d min %d s"), minutes, seconds);
  if (minutes > 0)
    /* Translators: a duration in minutes, e.g. "12 min" */
    return g_strdup_printf (_("%d min"), minutes);

  /* Translators: a duration in seconds, e.g. "45 s" */
  return g_strdup_printf (_("%d s"), seconds);
}
