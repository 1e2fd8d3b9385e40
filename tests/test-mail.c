/* test-mail.c
 *
 * E-mail decoding without a display: headers, encoded words,
 * quoted-printable, base64, MIME parts and HTML as text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-mail"

#include "config.h"

#include <string.h>

#include "debrief-mail.h"

static char *
decode_qp (const char *text,
           gboolean    underscores)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();

  debrief_mail_decode_qp (out, text, strlen (text), underscores);
  return debrief_mail_to_utf8 ((const char *) out->data, out->len, "utf-8");
}

static void
test_quoted_printable (void)
{
  g_autofree char *plain = decode_qp ("f=C3=BCr =3D equal", FALSE);
  g_autofree char *header = decode_qp ("a_b=20c", TRUE);
  g_autofree char *broken = decode_qp ("=ZZ and =4", FALSE);
  g_autofree char *latin1 = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  g_assert_cmpstr (plain, ==, "für = equal");
  g_assert_cmpstr (header, ==, "a b c");
  /* What is not an escape stays as written. */
  g_assert_cmpstr (broken, ==, "=ZZ and =4");

  debrief_mail_decode_qp (bytes, "f=FCr", 5, FALSE);
  latin1 = debrief_mail_to_utf8 ((const char *) bytes->data, bytes->len, "iso-8859-1");
  g_assert_cmpstr (latin1, ==, "für");
}

static void
test_base64 (void)
{
  const char *wrapped = "SGVs\r\nbG8s IHdv\ncmxk";
  g_autoptr(GByteArray) bytes = debrief_mail_decode_base64 (wrapped, strlen (wrapped));
  g_autoptr(GByteArray) unpadded = debrief_mail_decode_base64 ("SGk", 3);
  g_autoptr(GByteArray) junk = debrief_mail_decode_base64 ("!!!", 3);

  g_assert_cmpmem (bytes->data, bytes->len, "Hello, world", 12);
  g_assert_cmpmem (unpadded->data, unpadded->len, "Hi", 2);
  g_assert_cmpuint (junk->len, ==, 0);
}

static void
test_encoded_words (void)
{
  g_autofree char *q = debrief_mail_decode_header_value ("=?UTF-8?Q?Ada_L=C3=B6velace?= <ada@example.com>");
  g_autofree char *b = debrief_mail_decode_header_value ("=?utf-8?B?R3LDvMOfZQ==?=");
  g_autofree char *joined = debrief_mail_decode_header_value ("=?UTF-8?Q?a?= =?UTF-8?Q?b?= c");
  g_autofree char *plain = debrief_mail_decode_header_value ("=?broken");

  g_assert_cmpstr (q, ==, "Ada Lövelace <ada@example.com>");
  g_assert_cmpstr (b, ==, "Grüße");
  /* Space between two encoded words is not text; after them it is. */
  g_assert_cmpstr (joined, ==, "ab c");
  g_assert_cmpstr (plain, ==, "=?broken");
}

static void
test_headers (void)
{
  const char *text = "From: a@example.com\nSubject: a long\n  folded subject\nContent-Type: text/plain;\n charset=\"ISO-8859-1\"\n\nbody\n";
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func ((GDestroyNotify) debrief_mail_header_free);
  DebriefTextLines lines = { text, text + strlen (text), 0 };
  g_auto(DebriefMailPart) part = { NULL, };
  const DebriefMailHeader *subject;

  g_assert_true (debrief_mail_read_headers (&lines, headers));
  g_assert_cmpuint (headers->len, ==, 3);
  subject = g_ptr_array_index (headers, 1);
  g_assert_cmpstr (subject->value, ==, "a long folded subject");
  g_assert_cmpuint (subject->line, ==, 1);
  g_assert_cmpstr (debrief_mail_find_header (headers, "subject"), ==, "a long folded subject");
  g_assert_null (debrief_mail_find_header (headers, "To"));
  /* The body starts after the blank line. */
  g_assert_cmpuint (lines.number, ==, 6);

  debrief_mail_part_read (&part, headers);
  g_assert_cmpstr (part.type, ==, "text/plain");
  g_assert_cmpstr (part.charset, ==, "ISO-8859-1");
  g_assert_false (part.attachment);
}

static void
test_looks_like (void)
{
  const char *mail = "From: a@example.com\nTo: b@example.com\n\nHi\n";
  const char *one = "Subject: x\n\nHi\n";
  const char *prose = "Dear all: hello\n";

  g_assert_true (debrief_mail_looks_like (mail, strlen (mail), FALSE));
  g_assert_false (debrief_mail_looks_like (one, strlen (one), FALSE));
  g_assert_true (debrief_mail_looks_like (one, strlen (one), TRUE));
  g_assert_false (debrief_mail_looks_like (prose, strlen (prose), TRUE));
}

static void
test_html_to_text (void)
{
  g_autofree char *text = debrief_mail_html_to_text ("<html><head><style>p { x }</style></head>"
                                                     "<body><p>One &amp; two&nbsp;&lt;3 &#8364; &#x263A;</p>"
                                                     "<script>alert(1)</script><ul><li>item</li></ul>"
                                                     "<b>bold</b>\n  spaced</body></html>");
  g_autofree char *unclosed = debrief_mail_html_to_text ("text <b");
  g_autofree char *bad_entity = debrief_mail_html_to_text ("&#0; &#x110000; &bogus;");

  g_assert_nonnull (strstr (text, "One & two <3 € ☺"));
  g_assert_null (strstr (text, "alert"));
  g_assert_null (strstr (text, "p { x }"));
  g_assert_nonnull (strstr (text, "•  item"));
  g_assert_nonnull (strstr (text, "bold spaced"));
  g_assert_null (strstr (text, "<b>"));
  g_assert_null (strstr (text, "<p>"));
  g_assert_cmpstr (unclosed, ==, "text ");
  g_assert_cmpstr (bad_entity, ==, "&#0; &#x110000; &bogus;");
}

static void
test_nul_and_invalid (void)
{
  g_autofree char *text = debrief_mail_to_utf8 ("a\0b\xff", 4, NULL);

  /* No NULs and valid UTF-8 come out, whatever went in. */
  g_assert_cmpstr (text, ==, "a\357\277\275b\357\277\275");
}

/* RFC 5322 dates as mail programs write them, with and without the day
 * name, the seconds, a numeric or an old zone, and a comment.
 */
static void
test_parse_date (void)
{
  static const struct
  {
    const char *value;
    const char *utc;
  } good[] = {
    { "Sat, 14 Mar 2026 02:30:00 +0000", "2026-03-14T02:30:00Z" },
    { "Sat, 14 Mar 2026 03:30:00 +0100 (CET)", "2026-03-14T02:30:00Z" },
    { "14 Mar 2026 02:30 GMT", "2026-03-14T02:30:00Z" },
    { "Fri,  13 Mar 2026 21:30:00 -0500", "2026-03-14T02:30:00Z" },
    { "Fri, 13 Mar 2026 19:30:00 PDT", "2026-03-14T02:30:00Z" },
    { "Sat, 14 Mar 26 02:30:00 +0000", "2026-03-14T02:30:00Z" },
    { "Sat, 14 Mar 2026 02:30:00", "2026-03-14T02:30:00Z" },
  };
  static const char * const bad[] = {
    "", "yesterday", "Sat, 14 Foo 2026 02:30:00 +0000", "Sat, 32 Mar 2026 02:30:00 +0000",
    "Sat, 14 Mar 2026 25:30:00 +0000", "Sat, 14 Mar 2026", "31 Feb 2026 02:30:00 +0000",
  };
  const char *mail = "From: Ada <ada@example.com>\r\nDate: Sat, 14 Mar 2026\r\n 02:30:00 +0000\r\n\r\nBody\r\n";
  gint64 usec;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GDateTime) want = g_date_time_new_from_iso8601 (good[i].utc, NULL);

      g_test_message ("%s", good[i].value);
      g_assert_true (debrief_mail_parse_date (good[i].value, &usec));
      g_assert_cmpint (usec, ==, g_date_time_to_unix (want) * G_USEC_PER_SEC);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (debrief_mail_parse_date (bad[i], &usec));
    }
  g_assert_false (debrief_mail_parse_date (NULL, &usec));

  /* A folded Date header is unfolded first. */
  g_assert_true (debrief_mail_get_date (mail, strlen (mail), &usec));
  g_assert_cmpint (usec, ==, G_GINT64_CONSTANT (1773455400) * G_USEC_PER_SEC);
  g_assert_false (debrief_mail_get_date ("no headers here\n", 16, &usec));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debrief/mail/quoted-printable", test_quoted_printable);
  g_test_add_func ("/debrief/mail/base64", test_base64);
  g_test_add_func ("/debrief/mail/encoded-words", test_encoded_words);
  g_test_add_func ("/debrief/mail/headers", test_headers);
  g_test_add_func ("/debrief/mail/looks-like", test_looks_like);
  g_test_add_func ("/debrief/mail/parse-date", test_parse_date);
  g_test_add_func ("/debrief/mail/html-to-text", test_html_to_text);
  g_test_add_func ("/debrief/mail/nul-and-invalid", test_nul_and_invalid);

  return g_test_run ();
}
