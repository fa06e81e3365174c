# One row of scripts/bench/cache's cold.tsv from the counters read before and after a run:
# "name round requests loads serve_cpu_s postgres_cpu_s redis_cpu_s".
import sys

name, rnd, requests, loads_before, loads_after, before, after = sys.argv[1:]
b = dict(kv.split("=") for kv in before.split())
a = dict(kv.split("=") for kv in after.split())
print("\t".join([name, rnd, requests, str(int(float(loads_after) - float(loads_before)))] +
                [f"{float(a[k]) - float(b[k]):.3f}" for k in "spr"]))
