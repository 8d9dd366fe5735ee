#!/usr/bin/env python3
"""Runs a command REPEAT times; prints best wall time, its CPU time and peak RSS of the whole process.

Usage: measure.py LABEL REPEAT [--fresh PATH] -- CMD ARGS...
With --fresh, PATH (a file or folder the command writes) is deleted before each run, outside the
timing, so every run writes a new output instead of replacing the last one.
Prints one line: `LABEL: best 1.234 s, peak RSS 123.4 MiB, CPU 1.500 s (user 1.300 + sys 0.200),
load 3.10` and exits non-zero if the command fails. The process is measured whole (start-up
included), with os.wait4's per-child rusage; CPU is user + system time of all threads of the
fastest run, load the 1-minute load average before it (other work on the machine inflates wall).
"""
import os, shutil, subprocess, sys, time

label, repeat = sys.argv[1], int(sys.argv[2])
cmd = sys.argv[sys.argv.index("--") + 1:]
fresh = sys.argv[sys.argv.index("--fresh") + 1] if "--fresh" in sys.argv[:sys.argv.index("--")] else None
best, peak, cpu, load = float("inf"), 0, (0.0, 0.0), 0.0
for _ in range(repeat):
    if fresh and os.path.isdir(fresh) and not os.path.islink(fresh):
        shutil.rmtree(fresh)
    elif fresh and os.path.lexists(fresh):
        os.remove(fresh)
    load_now = os.getloadavg()[0]
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{label}: command failed ({os.waitstatus_to_exitcode(status)}): {' '.join(cmd)}\n{err[-2000:]}")
    if wall < best:
        best, cpu, load = wall, (ru.ru_utime, ru.ru_stime), load_now
    peak = max(peak, ru.ru_maxrss)
print(f"{label}: best {best:.3f} s, peak RSS {peak / 1024:.1f} MiB, CPU {cpu[0] + cpu[1]:.3f} s "
      f"(user {cpu[0]:.3f} + sys {cpu[1]:.3f}), load {load:.2f}")
