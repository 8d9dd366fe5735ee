#!/usr/bin/env python3
"""Runs a command REPEAT times; prints best wall time and peak RSS of the whole process.

Usage: measure.py LABEL REPEAT -- CMD ARGS...
Prints one line: `LABEL: best 1.234 s, peak RSS 123.4 MiB` and exits non-zero if the command fails.
The process is measured whole (start-up included), with os.wait4's per-child rusage.
"""
import os, subprocess, sys, time

label, repeat = sys.argv[1], int(sys.argv[2])
cmd = sys.argv[sys.argv.index("--") + 1:]
best, peak = float("inf"), 0
for _ in range(repeat):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{label}: command failed ({os.waitstatus_to_exitcode(status)}): {' '.join(cmd)}\n{err[-2000:]}")
    best = min(best, wall)
    peak = max(peak, ru.ru_maxrss)
print(f"{label}: best {best:.3f} s, peak RSS {peak / 1024:.1f} MiB")
