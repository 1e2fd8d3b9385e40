#!/usr/bin/env bash
# run.sh — install what is missing, build, and open Debrief.
#
#   build-aux/run.sh [FILE.debrief…]
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

DEBRIEF_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$DEBRIEF_TOP/_build"

# shellcheck source=build-aux/deps.sh
. "$DEBRIEF_TOP/build-aux/deps.sh"

debrief_ensure_packages "${DEBRIEF_BUILD_PACKAGES[@]}" "${DEBRIEF_RUN_PACKAGES[@]}"
debrief_configure "$build" -Ddevelopment=true
meson compile -C "$build"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "Debrief is built, but there is no display to open it on." >&2
  echo "Run this from a desktop session, or under a virtual one: xvfb-run -a build-aux/run.sh" >&2
  exit 1
fi

# Run from the build folder, with its compiled settings schema.
export GSETTINGS_SCHEMA_DIR="$build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
exec "$build/src/debrief" "$@"
