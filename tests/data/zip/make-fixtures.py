#!/usr/bin/env python3
# make-fixtures.py
#
# Writes the zip archives that tests/test-zip.c reads. Run it in this
# folder; the archives are committed, so it only needs to run again when
# a fixture changes.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import struct
import zipfile

FIXED_TIME = (2026, 3, 14, 2, 11, 6)


def add(zf, name, data, method=zipfile.ZIP_DEFLATED):
    info = zipfile.ZipInfo(name, FIXED_TIME)
    info.compress_type = method
    zf.writestr(info, data, compresslevel=9 if method == zipfile.ZIP_DEFLATED else None)


LOG = b"".join(b"2026-03-14T02:11:%02d.000Z wifi: reconnect attempt %d\n" % (i, i) for i in range(40))

with zipfile.ZipFile("stored.zip", "w") as zf:
    add(zf, "hello.txt", b"Hello, Debrief!\n", zipfile.ZIP_STORED)
    add(zf, "empty.txt", b"", zipfile.ZIP_STORED)
    add(zf, "logs/", b"", zipfile.ZIP_STORED)

with zipfile.ZipFile("deflated.zip", "w") as zf:
    add(zf, "gateway.log", LOG)
    add(zf, "empty.txt", b"")

with zipfile.ZipFile("slack-export.zip", "w") as zf:
    add(zf, "channels.json", b'[{"id": "C01", "name": "incident-4711"}]\n')
    add(zf, "users.json", b'[{"id": "U01", "name": "ada", "real_name": "Ada Lovelace"}]\n')
    add(zf, "incident-4711/", b"", zipfile.ZIP_STORED)
    add(zf, "incident-4711/2026-03-14.json",
        b'[{"type": "message", "user": "U01", "text": "gateways in EU-2 offline after OTA", "ts": "1773454267.000100"}]\n')

# 4 MiB of zeros deflate to about 4 KiB: enough to test the limits,
# which the tests set below the entry's size.
with zipfile.ZipFile("bomb.zip", "w") as zf:
    add(zf, "zeros-1.bin", bytes(4 * 1024 * 1024))
    add(zf, "zeros-2.bin", bytes(4 * 1024 * 1024))

with zipfile.ZipFile("unsafe-names.zip", "w") as zf:
    add(zf, "../evil.sh", b"#!/bin/sh\necho pwned\n")
    add(zf, "/etc/passwd", b"root:x:0:0::/root:/bin/sh\n")
    add(zf, "logs\\..\\..\\evil.txt", b"backslashes\n")
    add(zf, "notes/../../evil.txt", b"dot dot\n")
    add(zf, "notes/ok.txt", b"fine\n")

with open("deflated.zip", "rb") as f:
    whole = f.read()
with open("truncated.zip", "wb") as f:
    f.write(whole[: len(whole) // 2])

# The same archive with the CRC-32 of its entry changed in both headers.
with zipfile.ZipFile("bad-crc.zip", "w") as zf:
    add(zf, "gateway.log", LOG)
with open("bad-crc.zip", "rb") as f:
    data = bytearray(f.read())
crc = struct.unpack_from("<I", data, 14)[0]
bad = struct.pack("<I", crc ^ 0x00010000)
data[14:18] = bad
central = data.find(b"PK\x01\x02")
data[central + 16:central + 20] = bad
with open("bad-crc.zip", "wb") as f:
    f.write(data)
