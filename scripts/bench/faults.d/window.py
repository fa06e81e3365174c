#!/usr/bin/env python3
"""One line of scripts/bench/faults' table from what one fault round left behind.

Arguments: FAULT INJECT_EPOCH END_EPOCH SIDE_JSON_GLOB FOUND_IDS RUN_DIR...
  SIDE_JSON_GLOB: the side clients' outputs (summed).
  RUN_DIR: a loadtest's --out folder holding timeseries.csv, and stderr.stamped (its live lines,
  each prefixed with the epoch it arrived at, which places the run's intervals on the clock).
  A folder whose name ends in "-writes" holds a run of writes only; the others, reads only.
  INJECT_EPOCH: when the fault was done; END_EPOCH: when the service was back (Redis started
  again, continued, PostgreSQL started again, the instance listening again).
Prints one tab-separated line: fault, failure rate in the fault window, p99 in the window,
seconds to recover, stale reads, reports, polls, acknowledged writes lost, acknowledged, window
s, served share (requests completed in the window's seconds / requests the open model scheduled
in them: a server that stalls fails nothing yet serves little, and this shows it), and the side
clients' writes not acknowledged as STATUS:COUNT (0: no answer within 10 s), or "-", the writes'
p99 in the window, the reads' p99 before the fault (the same run's reference), and the reads'
p99 during the fault (the intervals overlapping [inject, end]) and after it (the rest of the
window: the service's return, when caches start cold).

Fault window: every interval (1 s) that overlaps [inject, end + 2 s]: the requests held up by a
fault are answered (and their latency recorded) only once the service is back, in the seconds
after END, so a window that ended at END would miss them. p99 in the window: the highest
per-interval corrected p99 of those (intervals cannot be merged from the CSV; the highest is
the honest bound), for reads and for writes apart: a write waits out the lease by design while
Redis is away (docs/cache-coherence.md), a read must not. The reads' reference is the highest
per-interval p99 of the intervals that ended before the fault, the first (connections opening)
left out. Recovery: the first interval ending after END whose success share is
>= 99 %, its start minus END (0 when the interval around END already passed), the slower of the
runs; "-" when no such interval came before the run ended.
"""
import csv
import glob
import json
import re
import sys

AFTERMATH_S = 2.0  # the fault window runs on this long after the service is back
LIVE = re.compile(r"^\s*([0-9.]+)s\s+rps")


def run_start(stamped):
    """The epoch of the run's start: each live line arrives just after its interval ends."""
    starts = []
    for line in open(stamped):
        epoch, _, text = line.partition("\t")
        match = LIVE.match(text)
        if match:
            starts.append(float(epoch) - float(match.group(1)))
    if not starts:
        sys.exit(f"{stamped}: no live line of the load generator")
    return min(starts)  # the line that waited least for the pipe


def intervals(run_dir):
    start = run_start(f"{run_dir}/stderr.stamped")
    rows = []
    for row in csv.DictReader(open(f"{run_dir}/timeseries.csv")):
        begin = start + float(row["start_s"])
        completed, failed = int(row["completed"]), int(row["failed"])
        rows.append((begin, begin + float(row["seconds"]), completed, failed, float(row["p99_ms"]),
                     float(row["target"]) * float(row["seconds"])))
    return rows


def main():
    fault, inject, end, side_json, found_file, *run_dirs = sys.argv[1:]
    inject, end = float(inject), float(end)
    completed = failed = 0
    p99 = {"reads": 0.0, "writes": 0.0, "during": 0.0, "after": 0.0}
    before = scheduled = 0.0
    recover = 0.0
    for run_dir in run_dirs:
        kind = "writes" if run_dir.rstrip("/").endswith("-writes") else "reads"
        rows = intervals(run_dir)
        for index, (begin, finish, ok, bad, p, due) in enumerate(rows):
            if finish > inject and begin < end + AFTERMATH_S:
                completed += ok
                failed += bad
                p99[kind] = max(p99[kind], p)
                if kind == "reads":
                    part = "during" if begin < end else "after"
                    p99[part] = max(p99[part], p)
                scheduled += due
            elif finish <= inject and index > 0 and kind == "reads":
                before = max(before, p)
        back = next((max(0.0, begin - end) for begin, finish, ok, bad, _, _ in rows
                     if finish > end and ok + bad > 0 and ok / (ok + bad) >= 0.99), None)
        recover = None if back is None or recover is None else max(recover, back)
    side = {"reports": 0, "polls": 0, "stale": 0, "acknowledged": []}
    refused = {}
    for path in sorted(glob.glob(side_json)):
        one = json.load(open(path))
        for key in ("reports", "polls", "stale", "acknowledged"):
            side[key] += one[key]
        for status, count in one["refused"].items():
            refused[status] = refused.get(status, 0) + count
    found = {int(line) for line in open(found_file) if line.strip()}
    lost = sum(1 for question in side["acknowledged"] if question not in found)
    rate = failed / (completed + failed) if completed + failed else 0.0
    served = completed / scheduled if scheduled else 0.0
    print("\t".join([fault, f"{rate:.4f}", f"{p99['reads']:.1f}",
                     "-" if recover is None else f"{recover:.1f}",
                     str(side["stale"]), str(side["reports"]), str(side["polls"]), str(lost),
                     str(len(side["acknowledged"])), f"{end - inject:.1f}", f"{served:.4f}",
                     " ".join(f"{s}:{c}" for s, c in sorted(refused.items())) or "-",
                     f"{p99['writes']:.1f}", f"{before:.1f}", f"{p99['during']:.1f}",
                     f"{p99['after']:.1f}"]))


if __name__ == "__main__":
    main()
