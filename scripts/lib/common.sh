# Shared by scripts/run and scripts/test: install what is missing, then build incrementally.
# Sourced, not run.

QAC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
QAC_BUILD="${QAC_BUILD:-$QAC_ROOT/build}"

# Debian/Ubuntu packages the build, the tests and the managed stack need.
QAC_PACKAGES=(
  build-essential cmake ninja-build ccache pkgconf
  qt6-base-dev libqt6svg6 libqcustomplot-dev fonts-dejavu-core
  libpq-dev libhiredis-dev libhttp-parser-dev rapidjson-dev
  postgresql postgresql-client redis-server redis-tools
  nginx-light wrk
  librsvg2-bin
)
# What scripts/test and scripts/package make and check the .deb with (cpack's dpkg-shlibdeps
# needs dpkg-dev and file; tests/package the rest; poppler-utils' pdftotext reads the reports'
# PDFs in tests): not needed to build or run, so scripts/run does not install them.
QAC_CHECK_PACKAGES=(dpkg-dev file lintian desktop-file-utils appstream poppler-utils)
# What scripts/test's strict mode (CI) adds: the formatting check.
QAC_STRICT_PACKAGES=(clang-format)
# What the fuzz harnesses are built with (scripts/fuzz, and scripts/test --fuzz): Clang and its
# libFuzzer.
QAC_FUZZ_PACKAGES=(clang-14 libfuzzer-14-dev)

# Strict mode's formatting check: every tracked C++ file as .clang-format says. Needs a git
# checkout (a source tarball has no list of tracked files) and clang-format.
qac_check_format() {
  if ! git -C "$QAC_ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    qac_say "Not a git checkout: the formatting check is skipped."
    return 0
  fi
  command -v clang-format >/dev/null 2>&1 || qac_die "clang-format is missing (apt-get install clang-format)"
  qac_say "Checking the formatting ($(clang-format --version | head -n 1))"
  (cd "$QAC_ROOT" && git ls-files -z '*.cpp' '*.h' | xargs -0 clang-format --dry-run -Werror) ||
    qac_die "files are not formatted as .clang-format says: run clang-format -i on them"
}

qac_say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
qac_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Installs the packages that are not installed yet (QAC_PACKAGES and the ones given); does
# nothing (and asks no mirror) when all are there, so a second run is fast.
qac_install_deps() {
  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    qac_say "Not a Debian/Ubuntu system: install the dependencies listed in README.md yourself."
    return 0
  fi
  local missing=() pkg
  for pkg in "${QAC_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
      sudo=(sudo)
    else
      qac_die "missing packages: ${missing[*]}
Installing them needs root. Run as root, or install them first:
  sudo apt-get install ${missing[*]}"
    fi
  fi
  qac_say "Installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq || qac_die "apt-get update failed"
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    qac_die "apt-get install failed for: ${missing[*]}"
}

# Configures once (Ninja, Release), then lets the build tool decide what is out of date.
# QAC_CMAKE_ARGS (an array, optional) adds cache settings; a configured tree gets them too.
# QAC_BUILD_TARGETS (an array, optional) builds only those targets.
qac_build() {
  local extra=("${QAC_CMAKE_ARGS[@]+"${QAC_CMAKE_ARGS[@]}"}")
  if [ ! -f "$QAC_BUILD/CMakeCache.txt" ]; then
    qac_say "Configuring in $QAC_BUILD"
    local generator=()
    command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
    cmake -S "$QAC_ROOT" -B "$QAC_BUILD" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
      "${extra[@]}" >/dev/null || qac_die "cmake configure failed"
  elif [ ${#extra[@]} -gt 0 ]; then
    cmake -S "$QAC_ROOT" -B "$QAC_BUILD" "${extra[@]}" >/dev/null || qac_die "cmake configure failed"
  fi
  qac_say "Building"
  local targets=()
  [ -n "${QAC_BUILD_TARGETS+x}" ] && targets=(--target "${QAC_BUILD_TARGETS[@]}")
  cmake --build "$QAC_BUILD" --parallel "$(nproc 2>/dev/null || echo 2)" "${targets[@]}" ||
    qac_die "build failed"
}

# Builds the fuzz harnesses (tests/fuzz) in their own tree, build-fuzz/, with Clang: libFuzzer
# and the sanitizers need it. -O1 as the sanitizer tree; only the harnesses and what they link.
qac_build_fuzz() {
  command -v clang++-14 >/dev/null 2>&1 || qac_die "clang++-14 is missing (apt-get install clang-14 libfuzzer-14-dev)"
  QAC_BUILD="$QAC_ROOT/build-fuzz"
  QAC_CMAKE_ARGS=(-DQACONSOLE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" "$@")
  QAC_BUILD_TARGETS=(qaconsole_fuzzers)
  if [ ! -f "$QAC_BUILD/CMakeCache.txt" ]; then
    CC=clang-14 CXX=clang++-14 qac_build
  else
    qac_build
  fi
}

# Stops the managed stack in DIR (a --data-dir): through qaconsole when it can, and by the pid
# files otherwise, so a cleanup never leaves a server running in a folder it then deletes.
qac_stop_stack_dir() {
  local dir="$1" console="$QAC_BUILD/app/qaconsole" pidfile pid
  "$console" stack stop --data-dir "$dir" --settings "$dir/none.ini" >/dev/null 2>&1 || true
  for pidfile in "$dir/redis/redis.pid" "$dir/postgres/data/postmaster.pid"; do
    [ -f "$pidfile" ] || continue
    pid="$(head -n 1 "$pidfile")"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || continue
    kill -TERM "$pid" 2>/dev/null || true # PostgreSQL: smart shutdown; Redis: clean stop
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
}
