#!/usr/bin/env python3
"""CPU seconds (user + system) used so far by each named process and its children.

Arguments: NAME=PID ...  Prints "NAME=SECONDS ..." on one line. A process's children (its
PostgreSQL backends, say) are counted while they live: read it before and after a run and take
the difference, with the same children alive at both ends (the server keeps its connections).
"""
import os
import sys

TICK = os.sysconf("SC_CLK_TCK")


def cpu_of(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime (all threads)
    except (FileNotFoundError, ProcessLookupError):
        return 0.0


def children(pid):
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    if int(stat.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (FileNotFoundError, ProcessLookupError):
                pass
    return found


print(" ".join(f"{name}={sum(cpu_of(p) for p in [int(pid)] + children(int(pid))):.3f}"
               for name, pid in (arg.split("=") for arg in sys.argv[1:])))
