# The table of scripts/bench/cache: medians over the rounds, ratios as medians of per-round ratios.
import statistics, sys

path, scale, duration, rounds, size, pin, cold_path = sys.argv[1:]
rows = {}
for line in open(path):
    name, rnd, rate, p50, p99, errors = line.rstrip("\n").split("\t")
    rows.setdefault(name, {})[int(rnd)] = (float(rate), float(p50), float(p99), int(errors))
labels = {
    "a-memory": "(a) server, in-process hits",
    "b-redis": "(b) server, Redis hits",
    "c-database": "(c) server, cache off",
    "d-nginx": "(d) nginx, same bytes",
    "e-redis": "(e) redis-benchmark GET",
    "f-cold-q": "(f) route 1, cache on, cold",
    "g-off-q": "(g) route 1, cache off, cold ids",
    "h-cold-a": "(h) route 2, cache on, cold",
    "i-off-a": "(i) route 2, cache off, cold ids",
    "j-zipf-a": "(j) route 2, cache on, Zipf",
    "k-off-zipf-a": "(k) route 2, cache off, Zipf ids",
}
print(f"\nscale {scale}, {duration} s per run, {rounds} rounds, responses of {size} bytes; "
      f"pinning: {pin}")
print(f"{'side':<34}{'rate/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'err':>6}")
for name, label in labels.items():
    runs = rows[name].values()
    med = lambda i: statistics.median(r[i] for r in runs)
    print(f"{label:<34}{med(0):>10.0f}{med(1):>9.3f}{med(2):>9.3f}{sum(r[3] for r in runs):>6}")
print()
for top, bottom, goal in (("a-memory", "d-nginx", 1.3), ("b-redis", "e-redis", 0.5),
                          ("a-memory", "c-database", None), ("f-cold-q", "g-off-q", 0.9),
                          ("h-cold-a", "i-off-a", 0.9), ("j-zipf-a", "k-off-zipf-a", None)):
    ratio = statistics.median(rows[top][r][0] / rows[bottom][r][0] for r in rows[top])
    verdict = "" if goal is None else ("  goal >= %.1f %s" % (goal, "met" if ratio >= goal else "MISSED"))
    print(f"ratio {top[0]}/{bottom[0]} ({labels[top]} / {labels[bottom]}): {ratio:.2f}{verdict}")
print("wrk -t1 -c50 on every HTTP side (redis-benchmark -c 50): rates and p50/p99 as each tool reports them.")

# The cold sides: hit ratio (requests not sent to the database) and CPU per request by process.
cold = {}
for line in open(cold_path):
    name, rnd, requests, loads, serve, postgres, redis = line.rstrip("\n").split("\t")
    cold.setdefault(name, []).append((int(requests), int(loads), float(serve), float(postgres),
                                      float(redis)))
print("\nthe miss path (flushed cache before each run), summed over the rounds:")
print(f"{'side':<34}{'hit ratio':>10}{'CPU us/request: serve':>23}{'PostgreSQL':>12}{'Redis':>8}")
for name in ("f-cold-q", "g-off-q", "h-cold-a", "i-off-a", "j-zipf-a", "k-off-zipf-a"):
    runs = cold.get(name, [])
    requests = sum(r[0] for r in runs) or 1
    hits = "-" if "-off-" in name else f"{1 - sum(r[1] for r in runs) / requests:.1%}"
    us = [sum(r[i] for r in runs) / requests * 1e6 for i in (2, 3, 4)]
    print(f"{labels[name]:<34}{hits:>10}{us[0]:>23.1f}{us[1]:>12.1f}{us[2]:>8.1f}")
