#!/usr/bin/env python3
# check-potfiles.py — po/POTFILES.in lists, sorted, every file with
# translatable strings, and nothing that does not exist.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Prints TAP.

import os
import re
import sys

top = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
top = os.path.abspath(top)

c_marker = re.compile(r'\b(?:N_|C_|NC_|_)\s*\(')
ui_marker = re.compile(r'translatable\s*=\s*"(?:yes|true)"')
data_marker = re.compile(r'^(?:Name|GenericName|Comment|Keywords)=|<(?:summary|description|comment|name|p|li|caption)\b', re.M)

with open(os.path.join(top, 'po', 'POTFILES.in'), encoding='utf-8') as f:
    listed = [line.strip() for line in f if line.strip() and not line.startswith('#')]

needed = []
for folder in ('src', 'data'):
    for root, dirs, files in os.walk(os.path.join(top, folder)):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            rel = os.path.relpath(path, top)
            if name.endswith(('.c', '.h')):
                marker = c_marker
            elif name.endswith('.ui'):
                marker = ui_marker
            elif name.endswith(('.desktop.in.in', '.metainfo.xml.in.in', '.gschema.xml', '.mime.xml')):
                marker = data_marker
            else:
                continue
            with open(path, encoding='utf-8') as f:
                if marker.search(f.read()):
                    needed.append(rel)

failures = []
missing = [rel for rel in needed if rel not in listed]
if missing:
    failures.append('not in po/POTFILES.in: ' + ', '.join(missing))
gone = [rel for rel in listed if not os.path.exists(os.path.join(top, rel))]
if gone:
    failures.append('listed in po/POTFILES.in but not there: ' + ', '.join(gone))
if listed != sorted(listed):
    failures.append('po/POTFILES.in is not sorted')
if len(set(listed)) != len(listed):
    failures.append('po/POTFILES.in lists a file twice')

print('1..1')
if failures:
    print('not ok 1 /debrief/po/potfiles-complete')
    for failure in failures:
        print('# ' + failure)
    sys.exit(1)
print('ok 1 /debrief/po/potfiles-complete # %d files with translatable strings' % len(needed))
