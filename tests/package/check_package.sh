#!/usr/bin/env bash
# Checks the Debian package as a user would get it: makes the .deb with cpack from the build
# folder (or takes the one given), then checks its control fields and contents, runs the
# packaged program from the extracted tree, validates the desktop entry and AppStream metadata,
# and runs lintian when it is installed (no error allowed).
#   check_package.sh BUILD_DIR SOURCE_DIR VERSION [PACKAGE.deb]
set -euo pipefail

build=$1 source=$2 version=$3 deb=${4:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }
ok() { printf 'ok    %s\n' "$*"; }
check() { # check DESCRIPTION COMMAND...: passes when the command succeeds
  local what=$1
  shift
  if "$@" >/dev/null 2>&1; then ok "$what"; else fail "$what"; fi
}

if [ -z "$deb" ]; then
  for tool in dpkg-shlibdeps file; do # what cpack needs for the Depends line
    command -v "$tool" >/dev/null ||
      { echo "skipped: $tool is not installed (apt-get install dpkg-dev file)"; exit 77; }
  done
  cpack -G DEB -B "$work/out" --config "$build/CPackConfig.cmake" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log"; echo "FAIL: cpack"; exit 1; }
  deb=$(ls "$work"/out/*.deb)
fi
echo "package: $deb ($(du -k "$deb" | cut -f1) KiB)"

# Control fields.
field() { dpkg-deb -f "$deb" "$1"; }
depends=$(field Depends) recommends=$(field Recommends)
[ "$(field Package)" = qaconsole ] && ok "Package: qaconsole" || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] && ok "Version: $version" || fail "Version: $(field Version)"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] && ok "Architecture" ||
  fail "Architecture: $(field Architecture)"
[[ $(field Maintainer) =~ ^[^\<]+\ \<[^@\>]+@[^\>]+\>$ ]] && ok "Maintainer: $(field Maintainer)" ||
  fail "Maintainer: $(field Maintainer)"
[ -n "$(field Section)" ] && [ -n "$(field Priority)" ] && ok "Section and Priority" ||
  fail "Section or Priority missing"
[ "$(field Description | wc -l)" -gt 3 ] && ok "Description has a long text" ||
  fail "Description has no long text"
# From shlibdeps: the Qt and C libraries it links. Named by hand: the SVG plugins' package.
for package in libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqcustomplot libpq5 \
  libhiredis libhttp-parser libc6 libstdc++6 libqt6svg6; do
  [[ $depends == *"$package"* ]] && ok "Depends: $package" || fail "Depends lacks $package: $depends"
done
for package in postgresql redis-server; do
  [[ $recommends == *"$package"* ]] && ok "Recommends: $package" ||
    fail "Recommends lacks $package: $recommends"
done

# It installs: apt finds every dependency (a simulation; nothing is changed).
if command -v apt-get >/dev/null; then
  check "apt-get --simulate install resolves every dependency" \
    apt-get --simulate -q --no-install-recommends install "$(realpath "$deb")"
else
  echo "skipped apt-get --simulate (no apt-get)"
fi

# Contents: the paths and the program's mode and owner.
dpkg-deb -c "$deb" >"$work/contents"
for path in ./usr/bin/qaconsole ./usr/share/man/man1/qaconsole.1.gz \
  ./usr/share/bash-completion/completions/qaconsole ./usr/share/applications/qaconsole.desktop \
  ./usr/share/metainfo/qaconsole.metainfo.xml ./usr/share/icons/hicolor/scalable/apps/qaconsole.svg \
  ./usr/share/doc/qaconsole/copyright ./usr/share/doc/qaconsole/changelog.gz \
  ./usr/share/doc/qaconsole/user-guide.md ./usr/share/doc/qaconsole/images/services-1280x720.png \
  ./usr/share/qaconsole/policies/balanced.json ./usr/share/qaconsole/policies/freshness-first.json \
  ./usr/share/qaconsole/policies/throughput-first.json ./usr/share/qaconsole/scenarios/storefront.json; do
  grep -q " $path\$" "$work/contents" && ok "contains $path" || fail "missing $path"
done
for size in 16 22 24 32 48 64 128 256; do
  path=./usr/share/icons/hicolor/${size}x${size}/apps/qaconsole.png
  grep -q " $path\$" "$work/contents" && ok "contains $path" || fail "missing $path"
done
grep -q '^-rwxr-xr-x root/root .* ./usr/bin/qaconsole$' "$work/contents" && ok "program 0755 root" ||
  fail "program mode or owner: $(grep ./usr/bin/qaconsole "$work/contents")"
if grep -v ' root/root ' "$work/contents" | grep -q .; then fail "files not owned by root"; else
  ok "every file owned by root"; fi

# The packaged program, run from the extracted tree.
dpkg-deb -x "$deb" "$work/root"
program="$work/root/usr/bin/qaconsole"
export QT_QPA_PLATFORM=offscreen
out=$("$program" --version) && [ "$out" = "qaconsole $version" ] && ok "--version: $out" ||
  fail "--version: $out"
help=$("$program" --help) || fail "--help exit code"
for command in stack gen etl serve cache loadtest; do
  [[ $help == *"  $command"* ]] && ok "--help names $command" || fail "--help lacks $command"
  check "$command --help" "$program" "$command" --help
done
if command -v file >/dev/null; then
  [[ $(file -b "$program") == *", stripped"* ]] && ok "program stripped" || fail "program not stripped"
fi
if ldd "$program" | grep -q 'not found'; then fail "unresolved libraries: $(ldd "$program" | grep 'not found')"
else ok "every linked library resolves"; fi

# What the documents say, installed.
man=$(gzip -dc "$work/root/usr/share/man/man1/qaconsole.1.gz")
for command in stack gen etl serve cache loadtest; do
  [[ $man == *".SS \"qaconsole $command"* ]] && ok "man page section for $command" ||
    fail "man page lacks $command"
done
check "bash completion parses" bash -n "$work/root/usr/share/bash-completion/completions/qaconsole"
for json in "$source"/resources/policies/*.json "$source"/resources/scenarios/*.json; do
  installed=$work/root/usr/share/qaconsole/${json#"$source/resources/"}
  check "installed as shipped: ${installed#"$work/root"}" cmp "$json" "$installed"
done
if command -v desktop-file-validate >/dev/null; then
  check "desktop-file-validate" desktop-file-validate "$work/root/usr/share/applications/qaconsole.desktop"
else
  echo "skipped desktop-file-validate (desktop-file-utils is not installed)"
fi
if command -v appstreamcli >/dev/null; then
  # Warnings (the id is not reverse-DNS: README.md in installer/) are allowed, errors are not.
  appstreamcli validate --no-net --no-color "$work/root/usr/share/metainfo/qaconsole.metainfo.xml" \
    >"$work/appstream" 2>&1 || true
  if grep -q '^E:' "$work/appstream"; then fail "appstreamcli: $(grep '^E:' "$work/appstream")"
  else ok "appstreamcli validate: no error"; fi
else
  echo "skipped appstreamcli (appstream is not installed)"
fi

if command -v lintian >/dev/null; then
  lintian --tag-display-limit 0 "$deb" >"$work/lintian" 2>&1 || true
  sed 's/^/  lintian: /' "$work/lintian"
  if grep -q '^E:' "$work/lintian"; then fail "lintian reports errors"; else ok "lintian: no error"; fi
else
  echo "skipped lintian (not installed: apt-get install lintian)"
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "every package check passed"
