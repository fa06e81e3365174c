# One line "name round rate p50_ms p99_ms errors" from wrk --latency or redis-benchmark --csv.
import csv, re, sys

path, name, rnd = sys.argv[1:]
text = open(path).read()
if "Requests/sec:" in text:
    rate = float(re.search(r"Requests/sec:\s+([0-9.]+)", text).group(1))
    unit = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}

    def q(label):
        m = re.search(r"^\s+" + label + r"%\s+([0-9.]+)(us|ms|s|m)\s*$", text, re.M)
        return float(m.group(1)) * unit[m.group(2)]

    p50, p99, errors = q("50"), q("99"), 0
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if m:
        errors += int(m.group(1))
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if m:
        errors += sum(int(x) for x in m.groups())
else:  # redis-benchmark --csv: "test","rps","avg_latency_ms","min_latency_ms","p50...","p95...","p99...","max..."
    rows = [r for r in csv.reader(l for l in text.splitlines() if l.startswith('"'))]
    header, row = rows[0], next(r for r in rows[1:] if r[0].startswith("GET"))
    value = dict(zip(header, row))
    rate, p50, p99, errors = (float(value["rps"]), float(value["p50_latency_ms"]),
                              float(value["p99_latency_ms"]), 0)
print(f"{name}\t{rnd}\t{rate:.0f}\t{p50:.3f}\t{p99:.3f}\t{errors}")
