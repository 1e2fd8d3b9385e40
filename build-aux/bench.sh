#!/usr/bin/env bash
# bench.sh — install what is missing, build, and run the benchmarks of
# tests/bench/: the headless ones, then the ones in a real window under a
# private X server and D-Bus session. Prints every figure as
#   BENCH <name> <value> <unit> target <op> <value> <PASS|FAIL>
# and exits 0 even when a target is missed: the figures are the report.
# It exits non-zero only when a benchmark could not run at all.
#
# Usage: build-aux/bench.sh [WORK-DIR]
#
# WORK-DIR (default $DEBRIEF_BENCH_DIR, else /tmp/debrief-bench) keeps, between
# runs, the incident holding 1 GB of evidence, the 1 GB log itself, and the
# incident holding that log imported (line index and all). It needs about
# 6 GB free on its disk: those three, a 1 GB working copy, and a 1 GB save
# or copy at a time. The first run takes about 7 minutes (generating the
# log is about 100 s); later runs about 5. Put WORK-DIR on the disk you mean
# to measure, not on a tmpfs. DEBRIEF_BENCH_BUILD names another build folder
# than _build.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

DEBRIEF_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${DEBRIEF_BENCH_BUILD:-$DEBRIEF_TOP/_build}"
work_dir="${1:-${DEBRIEF_BENCH_DIR:-/tmp/debrief-bench}}"

# shellcheck source=build-aux/deps.sh
. "$DEBRIEF_TOP/build-aux/deps.sh"

# lnav: importing a log is measured against it indexing the same file.
debrief_ensure_packages "${DEBRIEF_BUILD_PACKAGES[@]}" "${DEBRIEF_RUN_PACKAGES[@]}" "${DEBRIEF_TEST_PACKAGES[@]}" \
  lnav

if [ ! -f "$DEBRIEF_TOP/../shared/bench/gen-firmware-logs.py" ]; then
  echo "The shared benchmark tools are missing: $DEBRIEF_TOP/../shared/bench/gen-firmware-logs.py" >&2
  echo "They make the 1 GB of evidence the benchmarks open." >&2
  exit 1
fi

mkdir -p "$work_dir"
work_dir=$(cd "$work_dir" && pwd)

echo "== Build"
debrief_configure "$build" -Ddevelopment=true -Dwerror=true
# A build folder set up before a benchmark was added knows it only once
# regenerated, which naming it to meson compile does not do.
ninja -C "$build" build.ninja
# The whole build: the window benchmarks need the compiled settings
# schemas of data/ too, which naming only the benchmarks leaves out.
meson compile -C "$build"

echo "== Benchmarks in $work_dir ($(df -h --output=avail "$work_dir" | tail -1 | tr -d ' ') free)"
output=$(mktemp)
trap 'rm -f "$output"' EXIT
status=0

echo "-- Editing and saving (bench-document)"
if ! "$build/tests/bench/bench-document" "$work_dir" | tee -a "$output"; then
  echo "bench-document could not run" >&2
  status=1
fi

if [ $status -eq 0 ]; then
  echo "-- Opening in a window (bench-open)"
  if ! xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
         dbus-run-session -- "$build/tests/bench/bench-open" "$work_dir" | tee -a "$output"; then
    echo "bench-open could not run" >&2
    status=1
  fi
fi

echo "-- Reading the log-format corpus (bench-log-formats)"
if ! "$build/tests/bench/bench-log-formats" | tee -a "$output"; then
  echo "bench-log-formats could not run" >&2
  status=1
fi

# The log that bench-document made its incident of: imported and searched,
# then read in a window.
evidence_status=0
echo "-- Importing and searching a 1 GB log (bench-evidence)"
if ! "$build/tests/bench/bench-evidence" "$work_dir" | tee -a "$output"; then
  echo "bench-evidence could not run" >&2
  evidence_status=1
fi

if [ $evidence_status -eq 0 ]; then
  echo "-- Reading the 1 GB log in a window (bench-log-view)"
  # Xvfb has no GPU: GTK's GL renderer would run on Mesa's llvmpipe, whose
  # buffers count as this process's memory (about 160 MiB for an empty
  # window). The cairo renderer draws the same in software without them,
  # which is what memory on a desktop with a GPU looks like to the process.
  if ! GSK_RENDERER=cairo xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
         dbus-run-session -- "$build/tests/bench/bench-log-view" "$work_dir" | tee -a "$output"; then
    echo "bench-log-view could not run" >&2
    evidence_status=1
  fi
fi
[ $evidence_status -eq 0 ] || status=1

echo
echo "== Figures"
grep '^BENCH ' "$output" || true
exit $status
