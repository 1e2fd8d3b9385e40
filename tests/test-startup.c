/* test-startup.c
 *
 * The real debrief executable starts under Xvfb, presents its window,
 * answers on D-Bus as a single instance, and quits cleanly when asked,
 * with no warning or critical on its error output.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <gio/gio.h>

#define TIMEOUT_USEC (20 * G_USEC_PER_SEC)

static char *
object_path_for (const char *app_id)
{
  g_autofree char *path = g_strdelimit (g_strdup_printf ("/%s", app_id), ".", '/');

  return g_steal_pointer (&path);
}

static gboolean
name_has_owner (GDBusConnection *bus,
                const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_sync (bus,
                                       "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  return has_owner;
}

/* The actions a window exports on the bus; NULL until GtkApplication has
 * exported the first window. */
static GVariant *
describe_window_actions (GDBusConnection *bus,
                         const char      *object_path)
{
  g_autofree char *window_path = g_strdup_printf ("%s/window/1", object_path);

  return g_dbus_connection_call_sync (bus, APP_ID, window_path,
                                      "org.gtk.Actions", "DescribeAll",
                                      NULL, G_VARIANT_TYPE ("(a{s(bgav)})"),
                                      G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
}

static void
activate_app_action (GDBusConnection *bus,
                     const char      *object_path,
                     const char      *action)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_sync (bus, APP_ID, object_path,
                                       "org.gtk.Actions", "Activate",
                                       g_variant_new ("(sava{sv})", action, NULL, NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

static void
test_starts_presents_and_quits (void)
{
  const char *exe = g_getenv ("DEBRIEF_EXE");
  g_autofree char *object_path = object_path_for (APP_ID);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) actions = NULL;
  g_autoptr(GVariant) described = NULL;
  g_autoptr(GVariant) help_action = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err_output = NULL;
  gint64 deadline;

  g_assert_nonnull (exe);

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (name_has_owner (bus, APP_ID));

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* Any critical in the app aborts it, and the exit status says so. */
  g_subprocess_launcher_setenv (launcher, "G_DEBUG", "fatal-criticals", TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, exe, NULL);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + TIMEOUT_USEC;
  while (actions == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (name_has_owner (bus, APP_ID))
        actions = describe_window_actions (bus, object_path);
      if (actions == NULL)
        g_usleep (50 * 1000);
    }

  /* A window is there, with the Keyboard Shortcuts window attached. */
  described = g_variant_get_child_value (actions, 0);
  help_action = g_variant_lookup_value (described, "show-help-overlay", NULL);
  g_assert_nonnull (help_action);

  activate_app_action (bus, object_path, "quit");

  g_subprocess_communicate_utf8 (child, NULL, NULL, NULL, &err_output, &error);
  g_assert_no_error (error);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);

  if (err_output != NULL && (strstr (err_output, "CRITICAL") || strstr (err_output, "WARNING")))
    g_error ("debrief wrote warnings on its way:\n%s", err_output);

  g_assert_true (g_subprocess_get_if_exited (child));
  g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debrief/startup/starts-presents-and-quits", test_starts_presents_and_quits);

  return g_test_run ();
}
