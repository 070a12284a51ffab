#!/usr/bin/env python3
"""Whole-process timing on a shared machine: runs the commands in turn, round after round.

    benchmarks/alternate-runs.py RUNS 'COMMAND 1' 'COMMAND 2' ...

Each round runs every command once (output to /dev/null), so a burst of load from elsewhere hits all of
them alike instead of one command's whole series (hyperfine runs one command's series, then the next).
One warm-up run each first. Prints per command the median wall time with the interquartile range and
the minimum, and the median CPU time (user + system of the process and its children, from wait4):
CPU time is steadier than wall time when the other CPUs are busy.
"""
import os
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    runs = int(sys.argv[1])
    commands = sys.argv[2:]
    wall = {c: [] for c in commands}
    cpu = {c: [] for c in commands}
    for c in commands:
        subprocess.run(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(runs):
        for c in commands:
            start = time.perf_counter()
            p = subprocess.Popen(["/bin/sh", "-c", "exec " + c], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(p.pid, 0)
            wall[c].append((time.perf_counter() - start) * 1000)
            cpu[c].append((usage.ru_utime + usage.ru_stime) * 1000)
            if status != 0:
                sys.exit("failed (%d): %s" % (status, c))
    print("load average %s, %d runs each" % (" ".join(open("/proc/loadavg").read().split()[:3]), runs))
    for c in commands:
        w = sorted(wall[c])
        q = statistics.quantiles(w, n=4) if len(w) > 1 else [w[0], w[0], w[0]]
        print("%6.0f ms wall median (IQR %4.0f-%4.0f, min %4.0f)  %5.0f ms CPU median  %s"
              % (statistics.median(w), q[0], q[2], w[0], statistics.median(cpu[c]), c))


if __name__ == "__main__":
    main()
