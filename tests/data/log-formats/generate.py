#!/usr/bin/env python3
# generate.py
#
# Writes the log-format corpus: for each format NAME, NAME.log (lines as
# the software writes them) and NAME.truth (for each line of NAME.log, in
# order: "S <usec>" for a line with its own time, "C <usec>" for a line
# that continues the record above and carries its time). Times are
# microseconds since the Unix epoch in UTC, or since boot for the kernel,
# ESP-IDF and Zephyr logs. Stamps without a year take 2026, the year of
# the reference day the test and the benchmark read with (2026-03-14, UTC).
#
# The same run always writes the same bytes: python3 generate.py [DIR]
#
# SPDX-License-Identifier: GPL-3.0-or-later

import calendar
import datetime
import os
import random
import sys

N_LINES = 300
UTC = datetime.timezone.utc

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
DAYS = "Mon Tue Wed Thu Fri Sat Sun".split()
HOSTS = ["gw01", "gw02", "edge-7", "db-primary", "web-03"]
WORDS = ["pump", "valve", "sensor", "uplink", "cache", "queue", "worker", "flash",
         "session", "token", "socket", "buffer", "relay", "battery", "fan"]


def usec(dt):
    return calendar.timegm(dt.utctimetuple()) * 1000000 + dt.microsecond


def phrase(rng, n=None):
    n = n or rng.randint(3, 8)
    return " ".join(rng.choice(WORDS) + ("" if rng.random() < 0.7 else str(rng.randint(0, 99)))
                    for _ in range(n))


class Clock:
    """Wall-clock times going forward by up to max_step seconds, with a
    fraction of a second."""

    def __init__(self, rng, start, max_step=20.0):
        self.rng = rng
        self.t = start
        self.max_step = max_step

    def next(self):
        self.t += datetime.timedelta(microseconds=self.rng.randint(0, int(self.max_step * 1e6)))
        return self.t


def uptime_steps(rng, start_us=0, max_step_us=800000):
    t = start_us
    while True:
        t += rng.randint(1, max_step_us)
        yield t


def ms(dt):
    return dt.replace(microsecond=dt.microsecond // 1000 * 1000)


def sec(dt):
    return dt.replace(microsecond=0)


# Each generator yields (line, kind, usec) with kind "S" or "C".

def syslog_rfc3164(rng):
    c = Clock(rng, datetime.datetime(2026, 3, 14, 0, 0, 0, tzinfo=UTC))
    for i in range(N_LINES):
        t = sec(c.next())
        proc = rng.choice(["sshd", "cron", "dhclient", "pumpd", "kernel", "systemd"])
        yield ("%s %2d %s %s %s[%d]: %s" % (MONTHS[t.month - 1], t.day, t.strftime("%H:%M:%S"),
                                             rng.choice(HOSTS), proc, rng.randint(100, 9999), phrase(rng)),
               "S", usec(t))


def syslog_rfc5424(rng):
    c = Clock(rng, datetime.datetime(2026, 3, 14, 1, 0, 0, tzinfo=UTC))
    for i in range(N_LINES):
        t = ms(c.next())
        pri = rng.choice([165, 134, 131, 38, 14])
        yield ("<%d>1 %s.%03dZ %s %s %d ID%d - %s" % (pri, t.strftime("%Y-%m-%dT%H:%M:%S"), t.microsecond // 1000,
                                                     rng.choice(HOSTS), rng.choice(["app", "evntslog", "pumpd"]),
                                                     rng.randint(100, 9999), rng.randint(1, 99), phrase(rng)),
               "S", usec(t))


def dmesg(rng):
    ts = uptime_steps(rng)
    for i in range(N_LINES):
        t = next(ts)
        yield ("[%5d.%06d] %s: %s" % (t // 1000000, t % 1000000, rng.choice(["usb 1-1", "eth0", "mmc0", "ACPI", "EXT4-fs (sda1)"]),
                                      phrase(rng)), "S", t)


def espidf(rng):
    ts = uptime_steps(rng, 20000, 300000)
    for i in range(N_LINES):
        t = next(ts) // 1000 * 1000
        lvl = rng.choice("IIIIWED")
        color = {"E": "\033[0;31m", "W": "\033[0;33m", "I": "\033[0;32m", "D": ""}[lvl]
        reset = "\033[0m" if color else ""
        yield ("%s%s (%d) %s: %s%s" % (color, lvl, t // 1000, rng.choice(["wifi", "boot", "ota", "mqtt", "heap_init"]),
                                       phrase(rng), reset), "S", t)


def zephyr(rng):
    ts = uptime_steps(rng, 0, 2000000)
    for i in range(N_LINES):
        t = next(ts)
        s, us = divmod(t, 1000000)
        h, rem = divmod(s, 3600)
        m, s = divmod(rem, 60)
        yield ("[%02d:%02d:%02d.%03d,%03d] <%s> %s: %s" % (h, m, s, us // 1000, us % 1000, rng.choice(["inf", "inf", "wrn", "err", "dbg"]),
                                                          rng.choice(["main", "wdt", "bt_hci_core", "net_if"]), phrase(rng)), "S", t)


def journalctl_short_iso(rng):
    zone = datetime.timezone(datetime.timedelta(hours=1))
    c = Clock(rng, datetime.datetime(2026, 3, 14, 3, 0, 0, tzinfo=zone))
    for i in range(N_LINES):
        t = sec(c.next())
        yield ("%s+0100 %s %s[%d]: %s" % (t.strftime("%Y-%m-%dT%H:%M:%S"), rng.choice(HOSTS),
                                          rng.choice(["systemd", "NetworkManager", "sshd", "containerd"]),
                                          rng.randint(1, 9999), phrase(rng)), "S", usec(t))


def apache_access(rng):
    zone = datetime.timezone(datetime.timedelta(hours=-5))
    c = Clock(rng, datetime.datetime(2026, 3, 13, 21, 0, 0, tzinfo=zone), 5)
    for i in range(N_LINES):
        t = sec(c.next())
        yield ('10.%d.%d.%d - %s [%s -0500] "%s /%s HTTP/1.1" %d %d "-" "Mozilla/5.0 (X11; Linux x86_64)"'
               % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254), rng.choice(["-", "alice", "bob"]),
                  "%02d/%s/%d:%s" % (t.day, MONTHS[t.month - 1], t.year, t.strftime("%H:%M:%S")),
                  rng.choice(["GET", "GET", "POST"]), rng.choice(WORDS), rng.choice([200, 200, 304, 404, 500]),
                  rng.randint(0, 99999)), "S", usec(t))


def apache_error(rng):
    c = Clock(rng, datetime.datetime(2026, 3, 14, 2, 0, 0, tzinfo=UTC))
    for i in range(N_LINES):
        t = c.next()
        yield ("[%s %s %02d %s.%06d %d] [%s] [pid %d] [client 10.0.0.%d:%d] AH%05d: %s"
               % (DAYS[t.weekday()], MONTHS[t.month - 1], t.day, t.strftime("%H:%M:%S"), t.microsecond, t.year,
                  rng.choice(["core:error", "proxy:warn", "ssl:info", "mpm_event:notice"]), rng.randint(100, 9999),
                  rng.randint(1, 254), rng.randint(1024, 65535), rng.randint(1, 3000), phrase(rng)), "S", usec(t))


def nginx_error(rng):
    c = Clock(rng, datetime.datetime(2026, 3, 14, 4, 0, 0, tzinfo=UTC))
    for i in range(N_LINES):
        t = sec(c.next())
        yield ("%s [%s] %d#%d: *%d %s, client: 10.0.0.%d, server: example.org"
               % (t.strftime("%Y/%m/%d %H:%M:%S"), rng.choice(["error", "warn", "crit", "notice"]), rng.randint(100, 9999),
                  rng.randint(0, 7), rng.randint(1, 99999), phrase(rng), rng.randint(1, 254)), "S", usec(t))


def java_trace(rng):
    lines = ["java.io.IOException: %s" % phrase(rng, 3)]
    for _ in range(rng.randint(2, 6)):
        lines.append("\tat org.example.%s.%s(%s.java:%d)" % (rng.choice(WORDS).title(), rng.choice(WORDS),
                                                           rng.choice(WORDS).title(), rng.randint(10, 900)))
    return lines


def log4j(rng):
    c = Clock(rng, datetime.datetime(2026, 3, 14, 5, 0, 0, tzinfo=UTC))
    n = 0
    while n < N_LINES:
        t = ms(c.next())
        lvl = rng.choice(["INFO", "INFO", "DEBUG", "WARN", "ERROR"])
        yield ("%s,%03d %-5s [%s] org.example.%s - %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, lvl,
                                                        rng.choice(["main", "pool-1-thread-3", "http-nio-8080-exec-2"]),
                                                        rng.choice(WORDS).title(), phrase(rng)), "S", usec(t))
        n += 1
        if lvl == "ERROR":
            for extra in java_trace(rng):
                if n < N_LINES:
                    yield (extra, "C", usec(t))
                    n += 1


def logcat(rng):
    c = Clock(rng, datetime.datetime(2026, 3, 14, 6, 0, 0, tzinfo=UTC), 3)
    for i in range(N_LINES):
        t = ms(c.next())
        yield ("%s.%03d %5d %5d %s %s: %s" % (t.strftime("%m-%d %H:%M:%S"), t.microsecond // 1000, rng.randint(100, 30000),
                                             rng.randint(100, 30000), rng.choice("VDIWE"),
                                             rng.choice(["WindowManager", "ActivityManager", "chatty", "wpa_supplicant"]),
                                             phrase(rng)), "S", usec(t))


def bluegene_l(rng):
    pdt = datetime.timezone(datetime.timedelta(hours=-7))
    c = Clock(rng, datetime.datetime(2005, 6, 3, 15, 42, 50, tzinfo=pdt), 30)
    for i in range(N_LINES):
        t = c.next()
        node = "R%02d-M%d-N%d-C:J%02d-U%02d" % (rng.randint(0, 77), rng.randint(0, 1), rng.randint(0, 15),
                                              rng.randint(2, 17), rng.randint(1, 11))
        epoch = calendar.timegm(t.utctimetuple())
        yield ("%s %d %s %s %s %s RAS %s %s %s" % (rng.choice(["-", "-", "-", "APPREAD", "KERNDTLB"]), epoch,
                                                  t.strftime("%Y.%m.%d"), node, t.strftime("%Y-%m-%d-%H.%M.%S.") + "%06d" % t.microsecond,
                                                  node, rng.choice(["KERNEL", "APP", "MMCS"]), rng.choice(["INFO", "FATAL", "WARNING"]),
                                                  phrase(rng)), "S", epoch * 1000000)


def hdfs(rng):
    c = Clock(rng, datetime.datetime(2008, 11, 9, 20, 35, 0, tzinfo=UTC), 4)
    for i in range(N_LINES):
        t = sec(c.next())
        yield ("%s %d %s dfs.%s: %s blk_%d" % (t.strftime("%y%m%d %H%M%S"), rng.randint(1, 999),
                                              rng.choice(["INFO", "INFO", "WARN"]),
                                              rng.choice(["DataNode$PacketResponder", "FSNamesystem", "DataNode$DataXceiver"]),
                                              phrase(rng), rng.randint(-9 * 10**18, 9 * 10**18)), "S", usec(t))


def hadoop(rng):
    c = Clock(rng, datetime.datetime(2015, 10, 18, 18, 1, 47, tzinfo=UTC), 8)
    n = 0
    while n < N_LINES:
        t = ms(c.next())
        lvl = rng.choice(["INFO", "INFO", "INFO", "WARN", "ERROR"])
        yield ("%s,%03d %s [%s] org.apache.hadoop.mapreduce.v2.app.%s: %s" % (
            t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, lvl,
            rng.choice(["main", "AsyncDispatcher event handler", "RMCommunicator Allocator"]),
            rng.choice(["MRAppMaster", "rm.RMContainerAllocator", "job.impl.TaskAttemptImpl"]), phrase(rng)), "S", usec(t))
        n += 1
        if lvl == "ERROR":
            for extra in java_trace(rng):
                if n < N_LINES:
                    yield (extra, "C", usec(t))
                    n += 1


def spark(rng):
    c = Clock(rng, datetime.datetime(2017, 6, 9, 20, 10, 40, tzinfo=UTC), 3)
    for i in range(N_LINES):
        t = sec(c.next())
        yield ("%s %s %s: %s" % (t.strftime("%y/%m/%d %H:%M:%S"), rng.choice(["INFO", "INFO", "WARN", "ERROR"]),
                                 rng.choice(["executor.CoarseGrainedExecutorBackend", "storage.BlockManager",
                                             "spark.SecurityManager"]), phrase(rng)), "S", usec(t))


def windows_cbs(rng):
    c = Clock(rng, datetime.datetime(2016, 9, 28, 4, 30, 30, tzinfo=UTC), 2)
    for i in range(N_LINES):
        t = sec(c.next())
        yield ("%s, %-7s %-18s %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), rng.choice(["Info", "Info", "Warning", "Error"]),
                                       rng.choice(["CBS", "CSI", "CBS    SQM:"]), phrase(rng)), "S", usec(t))


def proxifier(rng):
    c = Clock(rng, datetime.datetime(2026, 10, 30, 16, 49, 6, tzinfo=UTC), 3)
    for i in range(N_LINES):
        t = sec(c.next())
        yield ("[%s] %s - proxy.example.net:%d %s" % (t.strftime("%m.%d %H:%M:%S"),
                                                      rng.choice(["chrome.exe", "firefox.exe", "Skype.exe", "svchost.exe *64"]),
                                                      rng.choice([443, 80, 5070]),
                                                      rng.choice(["open through proxy proxy.cse.example:5070 HTTPS",
                                                                  "close, %d bytes sent, %d bytes received, lifetime 00:0%d"
                                                                  % (rng.randint(0, 9999), rng.randint(0, 99999), rng.randint(1, 9))])),
               "S", usec(t))


def healthapp(rng):
    c = Clock(rng, datetime.datetime(2017, 12, 23, 22, 15, 29, tzinfo=UTC), 9)
    for i in range(N_LINES):
        t = ms(c.next())
        # Java's "yyyyMMdd-H:m:s:S": the time's fields are not padded.
        stamp = "%s-%d:%d:%d:%d" % (t.strftime("%Y%m%d"), t.hour, t.minute, t.second, t.microsecond // 1000)
        yield ("%s|%s|%d|%s %d" % (stamp, rng.choice(["Step_LSC", "Step_StandReportReceiver", "Step_SPUtils", "HiH_HiSyncControl"]),
                                   30002312, rng.choice(["onStandStepChanged", "onReceive action", "getTodayTotalDetailSteps"]),
                                   rng.randint(0, 9999)), "S", usec(t))


def openssh(rng):
    c = Clock(rng, datetime.datetime(2026, 12, 10, 6, 55, 46, tzinfo=UTC), 30)
    for i in range(N_LINES):
        t = sec(c.next())
        yield ("%s %2d %s LabSZ sshd[%d]: %s" % (MONTHS[t.month - 1], t.day, t.strftime("%H:%M:%S"), rng.randint(20000, 30000),
                                                 rng.choice(["Failed password for invalid user %s from 173.234.31.186 port %d ssh2"
                                                             % (rng.choice(["admin", "test", "oracle"]), rng.randint(1024, 65535)),
                                                             "pam_unix(sshd:auth): check pass; user unknown",
                                                             "Received disconnect from 112.95.230.3: 11: Bye Bye [preauth]"])),
               "S", usec(t))


def zookeeper(rng):
    c = Clock(rng, datetime.datetime(2015, 7, 29, 17, 41, 44, tzinfo=UTC), 10)
    for i in range(N_LINES):
        t = ms(c.next())
        yield ("%s,%03d - %-5s [%s] - %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000,
                                             rng.choice(["INFO", "INFO", "WARN", "ERROR"]),
                                             rng.choice(["QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774",
                                                         "NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxnFactory@197",
                                                         "SendWorker:188978561024:QuorumCnxManager$SendWorker@679"]),
                                             phrase(rng)), "S", usec(t))


def openstack(rng):
    c = Clock(rng, datetime.datetime(2017, 5, 16, 0, 0, 0, tzinfo=UTC), 2)
    for i in range(N_LINES):
        t = ms(c.next())
        yield ('nova-api.log.1.2017-05-16_13:53:08 %s.%03d %d INFO nova.osapi_compute.wsgi.server [req-%08x - - - - -] '
               '10.11.10.1 "GET /v2/54fadb412c4e40cdbaed9335e4c35a9e/servers/detail HTTP/1.1" status: 200 len: %d time: 0.%07d'
               % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, rng.randint(20000, 30000), rng.getrandbits(32),
                  rng.randint(100, 3000), rng.randint(0, 9999999)), "S", usec(t))


def thunderbird(rng):
    pst = datetime.timezone(datetime.timedelta(hours=-8))
    c = Clock(rng, datetime.datetime(2005, 11, 9, 12, 1, 1, tzinfo=pst), 20)
    for i in range(N_LINES):
        t = sec(c.next())
        host = "dn%d" % rng.randint(1, 999)
        epoch = calendar.timegm(t.utctimetuple())
        yield ("%s %d %s %s %s %2d %s %s/%s %s" % (rng.choice(["-", "-", "-", "VAPI"]), epoch, t.strftime("%Y.%m.%d"), host,
                                                 MONTHS[t.month - 1], t.day, t.strftime("%H:%M:%S"), host, host,
                                                 rng.choice(["crond(pam_unix)[%d]: session closed for user root" % rng.randint(100, 9999),
                                                             "kernel: Losing some ticks... checking if CPU frequency changed."])),
               "S", epoch * 1000000)


def kernel_seq(rng):
    c = Clock(rng, datetime.datetime(2026, 3, 14, 7, 0, 0, tzinfo=UTC), 5)
    seq = rng.randint(1000, 5000)
    for i in range(N_LINES):
        t = ms(c.next())
        seq += 1
        yield ("%06d: %s %2d %s.%03d: %s kernel: [%5d.%06d] %s" % (seq, MONTHS[t.month - 1], t.day, t.strftime("%H:%M:%S"),
                                                                 t.microsecond // 1000, rng.choice(HOSTS), rng.randint(0, 99999),
                                                                 rng.randint(0, 999999), phrase(rng)), "S", usec(t))


def gateway_json(rng):
    c = Clock(rng, datetime.datetime(2026, 3, 14, 8, 0, 0, tzinfo=UTC), 4)
    for i in range(N_LINES):
        t = ms(c.next())
        yield ('{"ts":%d,"level":"%s","dev":"gw-%d","msg":"%s","rssi":%d}' % (usec(t) // 1000, rng.choice(["info", "warn", "error", "debug"]),
                                                                            rng.randint(1, 9), phrase(rng), -rng.randint(30, 90)),
               "S", usec(t))


def label_before_time(rng):
    c = Clock(rng, datetime.datetime(2026, 3, 14, 9, 0, 0, tzinfo=UTC), 6)
    for i in range(N_LINES):
        t = ms(c.next())
        yield ("%s: %s.%03d %s %s" % (rng.choice(["scheduler", "worker-1", "worker-2", "api", "job-runner"]),
                                       t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000,
                                       rng.choice(["INFO", "WARN", "ERROR"]), phrase(rng)), "S", usec(t))


def host_before_time(rng):
    c = Clock(rng, datetime.datetime(2026, 3, 14, 10, 0, 0, tzinfo=UTC), 6)
    for i in range(N_LINES):
        t = ms(c.next())
        yield ("%s %s.%03dZ %s[%d]: %s" % (rng.choice(["gateway", "router", "edge-7", "db1"]),
                                          t.strftime("%Y-%m-%dT%H:%M:%S"), t.microsecond // 1000,
                                          rng.choice(["nginx", "pumpd", "sshd"]), rng.randint(10, 9999), phrase(rng)),
               "S", usec(t))


def filename_date(rng):
    c = Clock(rng, datetime.datetime(2024, 3, 5, 10, 0, 1, tzinfo=UTC), 3)
    for i in range(N_LINES):
        t = sec(c.next())
        yield ("fw_20240301.bin: %s %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), phrase(rng)), "S", usec(t))


def constant_build_date(rng):
    # A build stamp that never changes, then the line's own time.
    c = Clock(rng, datetime.datetime(2026, 3, 14, 11, 0, 0, tzinfo=UTC), 6)
    for i in range(N_LINES):
        t = ms(c.next())
        yield ("2024-03-01T00:00:00Z fw-1.4.2 %s.%03d %s %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000,
                                                               rng.choice(["INFO", "WARN"]), phrase(rng)), "S", usec(t))


def hpc(rng):
    c = Clock(rng, datetime.datetime(2004, 2, 26, 14, 0, 0, tzinfo=UTC), 40)
    seq = 134681
    for i in range(N_LINES):
        t = sec(c.next())
        seq += rng.randint(1, 50)
        yield ("%d node-%d %s %s %d 1 %s" % (seq, rng.randint(1, 400), rng.choice(["unix.hw", "action", "boot_cmd"]),
                                             rng.choice(["state_change.unavailable", "halt", "new"]),
                                             calendar.timegm(t.utctimetuple()),
                                             rng.choice(["Component State Change: Component \\042alt0\\042 is in the unavailable state (HWID=%d)" % rng.randint(1, 9999),
                                                         "Targeting domains:node-D1 and nodes:node-[40-63] child of command 2902"])),
               "S", usec(t))


def dotted_day_first(rng):
    c = Clock(rng, datetime.datetime(2026, 3, 14, 12, 0, 0, tzinfo=UTC), 8)
    for i in range(N_LINES):
        t = sec(c.next())
        yield ("%s %s %s" % (t.strftime("%d.%m.%Y %H:%M:%S"), rng.choice(["INFO", "FEHLER", "WARNUNG"]), phrase(rng)),
               "S", usec(t))


def redis(rng):
    c = Clock(rng, datetime.datetime(2026, 3, 14, 13, 0, 0, tzinfo=UTC), 5)
    for i in range(N_LINES):
        t = ms(c.next())
        yield ("%d:%s %s.%03d %s %s" % (rng.randint(1, 99999), rng.choice("MCSX"),
                                       "%02d %s %d %s" % (t.day, MONTHS[t.month - 1], t.year, t.strftime("%H:%M:%S")),
                                          t.microsecond // 1000, rng.choice("*#-."), phrase(rng)), "S", usec(t))


def tomcat(rng):
    c = Clock(rng, datetime.datetime(2026, 3, 14, 14, 0, 0, tzinfo=UTC), 5)
    n = 0
    while n < N_LINES:
        t = ms(c.next())
        lvl = rng.choice(["INFO", "INFO", "WARNING", "SEVERE"])
        yield ("%s.%03d %s [%s] org.apache.catalina.%s %s" % ("%02d-%s-%d %s" % (t.day, MONTHS[t.month - 1], t.year, t.strftime("%H:%M:%S")), t.microsecond // 1000, lvl,
                                                            rng.choice(["main", "http-nio-8080-exec-1"]),
                                                            rng.choice(["startup.Catalina.start", "core.StandardService.startInternal"]),
                                                            phrase(rng)), "S", usec(t))
        n += 1
        if lvl == "SEVERE":
            for extra in java_trace(rng):
                if n < N_LINES:
                    yield (extra, "C", usec(t))
                    n += 1


def kubernetes_klog(rng):
    c = Clock(rng, datetime.datetime(2026, 3, 14, 15, 0, 0, tzinfo=UTC), 5)
    for i in range(N_LINES):
        t = c.next()
        yield ("%s%s.%06d %7d %s.go:%d] %s" % (rng.choice("IIIWE"), t.strftime("%m%d %H:%M:%S"), t.microsecond,
                                             rng.randint(1, 99999), rng.choice(["reflector", "controller", "leaderelection"]),
                                             rng.randint(10, 999), phrase(rng)), "S", usec(t))


def prometheus_logfmt(rng):
    c = Clock(rng, datetime.datetime(2026, 3, 14, 16, 0, 0, tzinfo=UTC), 5)
    for i in range(N_LINES):
        t = ms(c.next())
        yield ('level=%s ts=%s.%03dZ caller=%s.go:%d component="%s" msg="%s"' % (
            rng.choice(["info", "warn", "error", "debug"]), t.strftime("%Y-%m-%dT%H:%M:%S"), t.microsecond // 1000,
            rng.choice(["scrape", "main", "head"]), rng.randint(10, 1999), rng.choice(["tsdb", "scrape manager", "web"]),
            phrase(rng)), "S", usec(t))


def postgresql(rng):
    cet = datetime.timezone(datetime.timedelta(hours=1))
    c = Clock(rng, datetime.datetime(2026, 3, 14, 17, 0, 0, tzinfo=cet), 5)
    for i in range(N_LINES):
        t = ms(c.next())
        yield ("%s.%03d CET [%d] %s:  %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, rng.randint(100, 99999),
                                            rng.choice(["LOG", "LOG", "WARNING", "ERROR"]), phrase(rng)), "S", usec(t))


def cisco_ios(rng):
    # A sequence number, then '*' for a clock NTP has not set, or '.' for
    # one it lost.
    c = Clock(rng, datetime.datetime(2026, 3, 1, 0, 0, 0, tzinfo=UTC), 20)
    seq = rng.randint(100, 900)
    for i in range(N_LINES):
        t = ms(c.next())
        seq += 1
        yield ("%06d: %s%s %2d %s.%03d: %%%s: %s" % (seq, rng.choice(["*", "*", ".", ""]), MONTHS[t.month - 1], t.day,
                                                  t.strftime("%H:%M:%S"), t.microsecond // 1000,
                                                  rng.choice(["LINK-3-UPDOWN", "LINEPROTO-5-UPDOWN", "SYS-5-CONFIG_I"]),
                                                  phrase(rng)), "S", usec(t))


def express_rfc2822(rng):
    c = Clock(rng, datetime.datetime(2026, 3, 14, 18, 0, 0, tzinfo=UTC), 5)
    for i in range(N_LINES):
        t = sec(c.next())
        yield ('::ffff:10.0.0.%d - - [%s, %02d %s %d %s GMT] "GET /api/%s HTTP/1.1" %d %d "-" "curl/8.0"'
               % (rng.randint(1, 254), DAYS[t.weekday()], t.day, MONTHS[t.month - 1], t.year, t.strftime("%H:%M:%S"),
                  rng.choice(WORDS), rng.choice([200, 200, 404, 500]), rng.randint(0, 9999)), "S", usec(t))


def java_util_logging(rng):
    # SimpleFormatter's default: the time and source on one line, the level
    # and message on the next, which belongs to it.
    c = Clock(rng, datetime.datetime(2026, 3, 14, 19, 0, 0, tzinfo=UTC), 5)
    n = 0
    while n < N_LINES:
        t = sec(c.next())
        hour12 = t.hour % 12 or 12
        yield ("%s %d, %d %d:%s %s org.apache.catalina.%s" % (MONTHS[t.month - 1], t.day, t.year, hour12, t.strftime("%M:%S"),
                                                          "AM" if t.hour < 12 else "PM",
                                                          rng.choice(["startup.Catalina start", "core.StandardService startInternal"])),
               "S", usec(t))
        n += 1
        if n < N_LINES:
            yield ("%s: %s" % (rng.choice(["INFO", "INFO", "WARNING", "SEVERE"]), phrase(rng)), "C", usec(t))
            n += 1


def mongodb(rng):
    c = Clock(rng, datetime.datetime(2026, 3, 14, 20, 0, 0, tzinfo=UTC), 5)
    for i in range(N_LINES):
        t = ms(c.next())
        yield ('{"t":{"$date":"%s.%03d+00:00"},"s":"%s","c":"%s","id":%d,"ctx":"conn%d","msg":"%s"}'
               % (t.strftime("%Y-%m-%dT%H:%M:%S"), t.microsecond // 1000, rng.choice("IIWE"),
                  rng.choice(["NETWORK", "STORAGE", "COMMAND"]), rng.randint(10000, 99999), rng.randint(1, 999),
                  phrase(rng)), "S", usec(t))


FORMATS = {
    "syslog-rfc3164": syslog_rfc3164,
    "syslog-rfc5424": syslog_rfc5424,
    "dmesg": dmesg,
    "esp-idf": espidf,
    "zephyr": zephyr,
    "journalctl-short-iso": journalctl_short_iso,
    "apache-access": apache_access,
    "apache-error": apache_error,
    "nginx-error": nginx_error,
    "log4j": log4j,
    "android-logcat": logcat,
    "bluegene-l": bluegene_l,
    "hdfs": hdfs,
    "hadoop": hadoop,
    "spark": spark,
    "windows-cbs": windows_cbs,
    "proxifier": proxifier,
    "healthapp": healthapp,
    "openssh": openssh,
    "zookeeper": zookeeper,
    "openstack": openstack,
    "thunderbird": thunderbird,
    "kernel-seq": kernel_seq,
    "gateway-json": gateway_json,
    "label-before-time": label_before_time,
    "host-before-time": host_before_time,
    "filename-date": filename_date,
    "constant-build-date": constant_build_date,
    "hpc": hpc,
    "dotted-day-first": dotted_day_first,
    "redis": redis,
    "tomcat": tomcat,
    "kubernetes-klog": kubernetes_klog,
    "prometheus-logfmt": prometheus_logfmt,
    "postgresql": postgresql,
    "cisco-ios": cisco_ios,
    "express-rfc2822": express_rfc2822,
    "java-util-logging": java_util_logging,
    "mongodb": mongodb,
}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    names = []
    for name, gen in FORMATS.items():
        rng = random.Random(name)
        with open(os.path.join(out, name + ".log"), "w", newline="\n") as log, \
             open(os.path.join(out, name + ".truth"), "w", newline="\n") as truth:
            for line, kind, t in gen(rng):
                log.write(line + "\n")
                truth.write("%s %d\n" % (kind, t))
        names.append(name)
    with open(os.path.join(out, "formats.txt"), "w", newline="\n") as index:
        index.write("\n".join(names) + "\n")


if __name__ == "__main__":
    main()
