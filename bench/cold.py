#!/usr/bin/env python3
"""Times cold runs of several commands, interleaved: each round runs every
command once, in order, so that a machine whose speed drifts from minute to
minute slows them all alike. Prints the median and minimum wall time and the
median user+sys CPU time (os.wait4) of each.

    N=61 bench/cold.py "teramotc lint -f compact --no-fail examples/setup-guide-role" \
        "old/teramotc lint -f compact --no-fail examples/setup-guide-role" "teramotc version"
"""
import os
import shlex
import statistics
import subprocess
import sys
import time

n = int(os.environ.get("N", "21"))
cmds = sys.argv[1:]
if not cmds:
    sys.exit(__doc__)
wall = {c: [] for c in cmds}
cpu = {c: [] for c in cmds}
for _ in range(n):
    for c in cmds:
        start = time.perf_counter()
        p = subprocess.Popen(shlex.split(c), stdout=subprocess.DEVNULL)
        _, _, ru = os.wait4(p.pid, 0)
        wall[c].append((time.perf_counter() - start) * 1000)
        cpu[c].append((ru.ru_utime + ru.ru_stime) * 1000)
for c in cmds:
    print(f"{statistics.median(wall[c]):7.1f} ms median {min(wall[c]):6.1f} min  cpu {statistics.median(cpu[c]):6.1f}  {c}")
