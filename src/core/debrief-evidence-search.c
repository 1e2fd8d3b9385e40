/* debrief-evidence-search.c
 *
 * Searching the content of every evidence item: logs chunk by chunk with
 * their line index, reports and metrics as text, chats message by message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-evidence-store"

#include "config.h"

#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <glib/gi18n.h>

#include "debrief-evidence-store-private.h"
#include "debrief-chat-import.h"
#include "debrief-text.h"


static inline guint8
fold (guint8 c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static gboolean
equal_folded (const guint8 *a,
              const guint8 *b,
              gsize         n)
{
  for (gsize i = 0; i < n; i++)
    if (fold (a[i]) != fold (b[i]))
      return FALSE;

  return TRUE;
}

/* A substring search, ASCII letters folded unless @match_case: the first
 * and last bytes of the needle are looked for sixteen places at a time,
 * and only where both are found is the rest compared. */
gboolean
_debrief_ascii_find (const char *haystack,
                     gsize       length,
                     const char *needle,
                     gsize       needle_length,
                     gboolean    match_case,
                     gsize      *position)
{
  const guint8 *h = (const guint8 *) haystack;
  const guint8 *n = (const guint8 *) needle;
  gsize i = 0;
  guint8 first;
  guint8 last;

  if (needle_length == 0)
    {
      *position = 0;
      return TRUE;
    }
  if (needle_length > length)
    return FALSE;

  /* Folding ORs 0x20 into both sides of the filter; matching case, the
   * filter compares bytes as they are. Either way the candidates it lets
   * through are compared whole. */
  {
    guint8 mask_case = match_case ? 0 : 0x20;

    first = (match_case ? n[0] : fold (n[0])) | mask_case;
    last = (match_case ? n[needle_length - 1] : fold (n[needle_length - 1])) | mask_case;

#ifdef __SSE2__
    {
      const __m128i v_first = _mm_set1_epi8 ((char) first);
      const __m128i v_last = _mm_set1_epi8 ((char) last);
      const __m128i v_case = _mm_set1_epi8 ((char) mask_case);

      for (; i + needle_length - 1 + 16 <= length; i += 16)
        {
          __m128i block_first = _mm_or_si128 (_mm_loadu_si128 ((const __m128i *) (h + i)), v_case);
          __m128i block_last = _mm_or_si128 (_mm_loadu_si128 ((const __m128i *) (h + i + needle_length - 1)), v_case);
          unsigned mask = (unsigned) _mm_movemask_epi8 (_mm_and_si128 (_mm_cmpeq_epi8 (block_first, v_first),
                                                                       _mm_cmpeq_epi8 (block_last, v_last)));

          while (mask != 0)
            {
              guint bit = (guint) __builtin_ctz (mask);

              if (match_case ? memcmp (h + i + bit, n, needle_length) == 0
                             : equal_folded (h + i + bit, n, needle_length))
                {
                  *position = i + bit;
                  return TRUE;
                }
              mask &= mask - 1;
            }
        }
    }
#endif

    for (; i + needle_length <= length; i++)
      if ((h[i] | mask_case) == first &&
          (match_case ? memcmp (h + i, n, needle_length) == 0 : equal_folded (h + i, n, needle_length)))
        {
          *position = i;
          return TRUE;
        }
  }

  return FALSE;
}

/* The line around a match, as valid UTF-8, with the match located in it. */
static void
emit_match (DebriefSearchMatch *match,
            const char         *line,
            gsize               line_length,
            gsize               match_offset,
            gsize               query_length,
            char              **text_out)
{
  gsize start = 0;
  gsize end = line_length;
  gsize prefix_length;
  gsize match_length;
  g_autofree char *prefix = NULL;
  g_autofree char *matched = NULL;
  g_autofree char *text = NULL;

  /* At most about 1 KiB of a long line, around the match. */
  if (line_length > 1024)
    {
      start = match_offset > 400 ? match_offset - 400 : 0;
      end = MIN (line_length, start + 1024);
      if (match_offset + query_length > end)
        end = MIN (line_length, match_offset + query_length);
    }

  prefix = debrief_text_sanitize (line + start, match_offset - start, &prefix_length);
  matched = debrief_text_sanitize (line + match_offset, query_length, &match_length);
  text = debrief_text_sanitize (line + start, end - start, &(gsize) { 0 });

  match->text = text;
  match->match_start = (guint) prefix_length;
  match->match_length = (guint) match_length;
  *text_out = g_steal_pointer (&text);
}

typedef struct
{
  DebriefSearchFunc  func;
  gpointer           user_data;
  const char        *query;
  gsize              query_length;
  gboolean           match_case;
  GCancellable      *cancellable;
  gboolean           stopped;
} SearchState;

static gboolean
search_log (sqlite3             *db,
            DebriefSearchMatch  *match,
            gint64               offset_usec,
            SearchState         *state,
            GError             **error)
{
  g_autoptr(DebriefChunkCursor) cursor = _debrief_chunk_cursor_new (db, match->evidence_uuid, TRUE, error);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (DebriefLineEntry));
  const DebriefStoredChunk *stored;

  if (cursor == NULL)
    return FALSE;

  while (!state->stopped)
    {
      g_autoptr(GBytes) chunk = NULL;
      const char *data;
      gsize size;
      gsize at = 0;
      gboolean decoded = FALSE;
      guint entry = 0;

      if (g_cancellable_set_error_if_cancelled (state->cancellable, error) ||
          !_debrief_chunk_cursor_next (cursor, &stored, error))
        return FALSE;
      if (stored == NULL)
        break;

      if (!(chunk = _debrief_stored_chunk_unpack (stored, error)))
        return FALSE;
      data = g_bytes_get_data (chunk, &size);

      while (at < size)
        {
          gsize found;
          const DebriefLineEntry *e;
          const char *text;
          gsize text_length;
          g_autofree char *owned = NULL;

          if (!_debrief_ascii_find (data + at, size - at, state->query, state->query_length,
                                    state->match_case, &found))
            break;
          found += at;

          if (!decoded)
            {
              gint64 n_lines = stored->line_count;

              if (n_lines < 0 || n_lines > G_MAXUINT32 ||
                  !_debrief_line_index_decode (stored->index_data, stored->index_length,
                                               (guint32) n_lines, (guint32) size, entries))
                {
                  g_set_error (error, DEBRIEF_EVIDENCE_ERROR, DEBRIEF_EVIDENCE_ERROR_MISSING,
                               _("The line index of “%s” is damaged."), match->evidence_title);
                  return FALSE;
                }
              decoded = TRUE;
            }

          /* Matches come in order, so the line is at or after the last. */
          while (entry + 1 < entries->len &&
                 g_array_index (entries, DebriefLineEntry, entry + 1).offset <= found)
            entry++;
          if (entry >= entries->len)
            break;
          e = &g_array_index (entries, DebriefLineEntry, entry);

          _debrief_line_entry_get_text (e, data, &text, &text_length);
          if (found + state->query_length <= (gsize) (text - data) + text_length)
            {
              match->line = stored->first_line + entry;
              match->usec = e->usec == G_MININT64 ? G_MININT64 : e->usec + offset_usec;
              emit_match (match, text, text_length, found - (gsize) (text - data), state->query_length, &owned);
              if (!state->func (match, state->user_data))
                {
                  state->stopped = TRUE;
                  break;
                }
            }

          /* One match a line, as grep counts them. */
          at = e->offset + e->length;
          entry++;
          if (entry >= entries->len)
            break;
        }
    }

  return TRUE;
}

static gboolean
search_text (GBytes              *bytes,
             DebriefSearchMatch  *match,
             SearchState         *state)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *line = data;
  guint64 line_number = 0;
  gsize at = 0;

  while (!state->stopped && at < size)
    {
      gsize found;
      const char *line_end;
      g_autofree char *owned = NULL;

      if (!_debrief_ascii_find (data + at, size - at, state->query, state->query_length,
                                state->match_case, &found))
        break;
      found += at;

      /* Counts the lines between the last match and this one. */
      for (const char *p = line; (p = memchr (p, '\n', (gsize) (data + found - p))) != NULL; p++)
        {
          line_number++;
          line = p + 1;
        }

      line_end = memchr (data + found, '\n', size - found);
      if (line_end == NULL)
        line_end = data + size;

      match->line = line_number;
      match->usec = G_MININT64;
      emit_match (match, line, (gsize) (line_end - line - (line_end > line && line_end[-1] == '\r')),
                  (gsize) (data + found - line), state->query_length, &owned);
      if (!state->func (match, state->user_data))
        state->stopped = TRUE;

      at = (gsize) (line_end - data) + 1;
    }

  return TRUE;
}

static gboolean
search_chat (DebriefEvidenceSource  *source,
             GBytes                 *bytes,
             const char             *name,
             DebriefSearchMatch     *match,
             gint64                  offset_usec,
             SearchState            *state)
{
  g_autoptr(DebriefChatImport) chat = debrief_chat_import_bytes (bytes, name, DEBRIEF_CHAT_FORMAT_UNKNOWN,
                                                                 source->reference, NULL);

  if (chat == NULL)
    return TRUE;

  for (guint i = 0; i < chat->messages->len && !state->stopped; i++)
    {
      DebriefChatMessage *message = g_ptr_array_index (chat->messages, i);
      g_autofree char *line = g_strdup_printf ("%s: %s", message->author ? message->author : "",
                                               message->text ? message->text : "");
      g_autofree char *owned = NULL;
      gsize found;

      for (char *p = line; *p != '\0'; p++)
        if (*p == '\n' || *p == '\r')
          *p = ' ';

      if (!_debrief_ascii_find (line, strlen (line), state->query, state->query_length,
                                state->match_case, &found))
        continue;

      match->line = i;
      match->usec = message->time != NULL ? debrief_date_time_to_usec (message->time) + offset_usec : G_MININT64;
      emit_match (match, line, strlen (line), found, state->query_length, &owned);
      if (!state->func (match, state->user_data))
        state->stopped = TRUE;
    }

  return TRUE;
}

gboolean
debrief_evidence_search (DebriefEvidenceSource  *source,
                         const char             *query,
                         gboolean                match_case,
                         DebriefSearchFunc       func,
                         gpointer                user_data,
                         GCancellable           *cancellable,
                         GError                **error)
{
  SearchState state = { func, user_data, query, 0, match_case, cancellable, FALSE };
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  state.query_length = strlen (query);
  if (state.query_length == 0)
    return TRUE;

  if (!(db = _debrief_evidence_source_open (source, error)))
    return FALSE;

  if (sqlite3_prepare_v2 (db,
                          "SELECT uuid, title, kind, clock_offset_ms, original_name, since_boot FROM evidence "
                          "ORDER BY position, rowid",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _debrief_evidence_set_db_error (error, db, _("The evidence could not be searched"));
      goto out;
    }

  while (!state.stopped && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      g_autofree char *title = debrief_text_sanitize ((const char *) sqlite3_column_text (stmt, 1),
                                                      (gsize) sqlite3_column_bytes (stmt, 1), &(gsize) { 0 });
      const char *kind = (const char *) sqlite3_column_text (stmt, 2);
      gint64 offset_usec = sqlite3_column_int64 (stmt, 3) * 1000;
      g_autofree char *name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      gboolean on_clock = debrief_time_clock_is_aligned (sqlite3_column_int (stmt, 5) != 0, offset_usec / 1000);
      DebriefSearchMatch match = { uuid, title, DEBRIEF_EVIDENCE_KIND_OTHER, 0, G_MININT64, NULL, 0, 0, !on_clock };

      /* A clock not aligned yet keeps its time since boot. */
      if (!on_clock)
        offset_usec = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      if (g_strcmp0 (kind, "log") == 0)
        {
          match.kind = DEBRIEF_EVIDENCE_KIND_LOG;
          if (!search_log (db, &match, offset_usec, &state, error))
            goto out;
        }
      else if (g_strcmp0 (kind, "report") == 0 || g_strcmp0 (kind, "metrics") == 0 ||
               g_strcmp0 (kind, "chat") == 0)
        {
          g_autoptr(GBytes) bytes = _debrief_evidence_read_all (db, uuid, title, error);

          if (bytes == NULL)
            goto out;

          if (g_strcmp0 (kind, "chat") == 0)
            {
              match.kind = DEBRIEF_EVIDENCE_KIND_CHAT;
              search_chat (source, bytes, name, &match, offset_usec, &state);
            }
          else
            {
              match.kind = g_strcmp0 (kind, "report") == 0 ? DEBRIEF_EVIDENCE_KIND_REPORT
                                                            : DEBRIEF_EVIDENCE_KIND_METRICS;
              search_text (bytes, &match, &state);
            }
        }
    }

  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}
