#!/usr/bin/env bash
# test.sh — install what is missing, build, and run the whole test suite:
# every test in a private X server and D-Bus session, then the headless
# tests again under AddressSanitizer and UndefinedBehaviorSanitizer.
# Exits non-zero if anything fails.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

DEBRIEF_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$DEBRIEF_TOP/_build"
build_asan="$DEBRIEF_TOP/_build-asan"

# shellcheck source=build-aux/deps.sh
. "$DEBRIEF_TOP/build-aux/deps.sh"

debrief_ensure_packages "${DEBRIEF_BUILD_PACKAGES[@]}" "${DEBRIEF_RUN_PACKAGES[@]}" "${DEBRIEF_TEST_PACKAGES[@]}"

status=0
passed=0
failed=0

# Adds the results of the last `meson test` in build folder $1 to the counts.
count_results ()
{
  local counts
  counts=$(python3 - "$1/meson-logs/testlog.json" <<'PY'
import json, sys
passed = failed = 0
with open(sys.argv[1], encoding='utf-8') as log:
    for line in log:
        result = json.loads(line).get('result')
        if result in ('OK', 'EXPECTEDFAIL', 'SKIP'):
            passed += 1
        else:
            failed += 1
print(passed, failed)
PY
)
  passed=$((passed + ${counts% *}))
  failed=$((failed + ${counts#* }))
}

echo "== Build"
debrief_configure "$build" -Ddevelopment=true -Dwerror=true
meson compile -C "$build"

echo "== Tests"
if ! xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
       dbus-run-session -- meson test -C "$build" --print-errorlogs; then
  status=1
fi
count_results "$build"

echo "== Headless tests under AddressSanitizer and UndefinedBehaviorSanitizer"
debrief_configure "$build_asan" -Ddevelopment=true -Dwerror=true -Dbuildtype=debug \
  -Db_sanitize=address,undefined -Db_lundef=false
meson compile -C "$build_asan"
if ! ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1" \
     LSAN_OPTIONS="suppressions=$DEBRIEF_TOP/tests/lsan.supp:print_suppressions=0" \
     UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
     meson test -C "$build_asan" --no-suite ui --print-errorlogs; then
  status=1
fi
count_results "$build_asan"

echo
echo "tests: $passed passed, $failed failed"
exit $status
