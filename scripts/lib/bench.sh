# Helpers of the benchmarks in scripts/bench (sourced after common.sh).

# Sets http_pin and service_pin (taskset prefixes) and pin_text from QAC_BENCH_PIN, default
# "0:1": load generators on the first CPU set, servers and databases on the second (see
# scripts/bench/api for why). "none", or a single CPU, pins nothing.
qac_bench_pinning() {
  http_pin=(); service_pin=()
  pin="${QAC_BENCH_PIN-0:1}"
  [ "$(nproc)" -lt 2 ] && [ -z "${QAC_BENCH_PIN:-}" ] && pin=none
  if [ -n "$pin" ] && [ "$pin" != none ]; then
    [[ "$pin" =~ ^[0-9,-]+:[0-9,-]+$ ]] || qac_die "QAC_BENCH_PIN must look like 0:1 (or none)"
    http_pin=(taskset -c "${pin%%:*}")
    service_pin=(taskset -c "${pin##*:}")
    pin_text="load generators on CPU ${pin%%:*}; servers, PostgreSQL and Redis on CPU ${pin##*:}"
  else
    pin="none"; pin_text="none"
  fi
}

# Pins a running service and its children (PostgreSQL's backends inherit it) to the service CPUs.
qac_bench_pin_tree() {
  [ ${#service_pin[@]} -gt 0 ] || return 0
  local pid
  for pid in "$1" $(ps -o pid= --ppid "$1"); do
    taskset -a -p -c "${pin##*:}" "$pid" >/dev/null
  done
}

# CPU ticks (of getconf CLK_TCK) of a process, its threads, its live children (nginx's workers,
# PostgreSQL's backends) and its reaped ones.
qac_ticks_of_tree() {
  local pid="$1" total child
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || { echo 0; return; }
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat" 2>/dev/null || echo 0)
  for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do
    total=$((total + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$child/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

# Stops a process this script started, by its pid, and waits for it.
qac_stop_pid() {
  local pid="$1"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null || true
}

qac_fetch() {
  python3 -c 'import sys,urllib.request; sys.stdout.buffer.write(urllib.request.urlopen(sys.argv[1], timeout=5).read())' "$1"
}

qac_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# qac_bench_serve PREFIX SERVE-OPTIONS...: starts `qaconsole serve --port 0` on the service
# CPUs, logs to PREFIX.out/.err, writes its pid to PREFIX.pid and prints its port.
qac_bench_serve() {
  local prefix="$1" pid port=""; shift
  "${service_pin[@]}" "$console" serve --port 0 "$@" >"$prefix.out" 2>"$prefix.err" &
  pid=$!
  echo "$pid" >"$prefix.pid"
  for _ in $(seq 1 300); do
    port="$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$prefix.out")"
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$prefix.err" >&2; qac_die "qaconsole serve exited"; }
    sleep 0.1
  done
  [ -n "$port" ] || qac_die "qaconsole serve printed no 'listening on' line"
  echo "$port"
}

# qac_start_nginx DIR LOCATION [TYPE]: nginx with one worker serving DIR/www (the file at
# LOCATION with content type TYPE, JSON by default), tuned as a static server would be: no access log, keep-alive without a request limit,
# sendfile, the descriptor cached. Writes DIR/nginx.pid, prints the port, waits until it answers.
qac_start_nginx() {
  local n="$1" location="$2" type="${3:-application/json; charset=utf-8}" port pid
  port="$(qac_free_port)"
  mkdir -p "$n/tmp"
  cat >"$n/nginx.conf" <<CONF
$([ "$(id -u)" -eq 0 ] && echo 'user root;')
worker_processes 1;
daemon off;
pid $n/nginx.daemon.pid;
error_log $n/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $n/tmp/body;
    proxy_temp_path $n/tmp/proxy;
    fastcgi_temp_path $n/tmp/fastcgi;
    uwsgi_temp_path $n/tmp/uwsgi;
    scgi_temp_path $n/tmp/scgi;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 65;
    keepalive_requests 100000000;
    open_file_cache max=16 inactive=60s;
    open_file_cache_valid 60s;
    server {
        listen 127.0.0.1:$port;
        root $n/www;
        location = $location { default_type "$type"; }
    }
}
CONF
  "${service_pin[@]}" nginx -p "$n" -e "$n/error.log" -c "$n/nginx.conf" >"$n/stdout" 2>&1 &
  pid=$!
  echo "$pid" >"$n/nginx.pid"
  for _ in $(seq 1 100); do
    qac_fetch "http://127.0.0.1:$port$location" >"$n/check" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || { cat "$n/stdout" "$n/error.log" >&2 2>/dev/null; qac_die "nginx exited"; }
    sleep 0.1
  done
  cmp -s "$n/check" "$n/www$location" || qac_die "nginx does not serve $location as written"
  echo "$port"
}
