#!/usr/bin/env python3
"""Latency of `exemplar tune`'s recalculation, replayed over HTTP.

Starts `exemplar tune METRICS --criteria FILE` (port 0), reads the sliders from the page,
sends CHANGES random slider moves (one knob to a random value in [0, 2 × its value], seeded)
to /api/evaluate one after another, and prints the server time of each recalculation (the
answer's "ms": criteria check + engine + JSON) and the round trip seen by the client
(p50, p95, max), plus the time to first page load and the time until the sliders' stability
bands arrive (GET /api/stability, requested right after the page, as the page does: from the
moment the server listens, and the server's own computing time).

Usage: scripts/bench-tune.py METRICS.csv CRITERIA.toml [CHANGES=200] [EXEMPLAR=.build/release/exemplar]
"""
import json
import random
import re
import signal
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

metrics, criteria = sys.argv[1], sys.argv[2]
changes = int(sys.argv[3]) if len(sys.argv) > 3 else 200
binary = sys.argv[4] if len(sys.argv) > 4 else ".build/release/exemplar"

started = time.perf_counter()
proc = subprocess.Popen([binary, "tune", metrics, "--criteria", criteria, "--port", "0"], stdout=subprocess.PIPE, text=True)
url = proc.stdout.readline().strip()
ready = time.perf_counter() - started
listening = time.perf_counter()
bands = {}


def fetch_bands():
    answer = json.loads(urllib.request.urlopen(url + "api/stability").read())
    bands["after"] = time.perf_counter() - listening
    bands["answer"] = answer


try:
    t0 = time.perf_counter()
    page = urllib.request.urlopen(url).read().decode()
    load = time.perf_counter() - t0
    fetcher = threading.Thread(target=fetch_bands)
    fetcher.start()
    fetcher.join()
    model = json.loads(re.search(r'<script type="application/json" id="model">(.*?)</script>', page, re.S).group(1).replace("<\\/", "</"))
    knobs = model["knobs"]
    rng = random.Random(2022)
    server, client = [], []
    for _ in range(changes):
        k = rng.choice(knobs)
        value = round(rng.uniform(0, 2 * max(k["nominal"], 0.05)), 3)
        body = f"{k['path']}={value}".encode()
        t0 = time.perf_counter()
        answer = json.loads(urllib.request.urlopen(urllib.request.Request(url + "api/evaluate", data=body, method="POST")).read())
        client.append((time.perf_counter() - t0) * 1000)
        if not answer.get("ok"):
            sys.exit(f"refused: {body!r}: {answer}")
        server.append(answer["ms"])
finally:
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=30)


def q(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p * (len(xs) - 1))))]


print(f"{metrics}: {len(knobs)} sliders, {changes} changes; ready after {ready:.2f} s, page {len(page)} bytes in {load * 1000:.1f} ms"
      f" (load average {os.getloadavg()[0]:.2f})")
banded = len(bands["answer"]["knobs"])
print(f"  bands of {banded}/{len(knobs)} sliders {bands['after']:.2f} s after the server listened (server computing {bands['answer']['ms'] / 1000:.2f} s)")
for name, xs in (("server", server), ("round trip", client)):
    print(f"  {name:10s} p50 {statistics.median(xs):8.1f} ms   p95 {q(xs, 0.95):8.1f} ms   max {max(xs):8.1f} ms")
