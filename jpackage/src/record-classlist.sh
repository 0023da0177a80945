#!/usr/bin/env bash
# Records which classes the CLI and the app load while they start and build a project, so the
# class-data archive covers them. The app part needs Xvfb (or a display) and xdotool; without
# them the list covers the CLI only.
# Usage: record-classlist.sh APP_IMAGE PROJECT OUT
set -euo pipefail
app="$1/lib/app"; project="$2"; out="$3"
java="$1/lib/runtime/bin/java"
cp="$(sed -n 's/^app\.classpath=//p' "$app/Sluice.cfg" | sed "s|\$APPDIR|$app|" | paste -sd: -)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cp -r "$project" "$work/project"
opts=(-Djava.library.path="$app/native" -cp "$cp")

"$java" -XX:DumpLoadedClassList="$work/cli.list" "${opts[@]}" dev.sluice.core.cli.Main \
  build --project "$work/project" >"$work/cli.log" 2>&1 || { cat "$work/cli.log" >&2; exit 1; }

lists=("$work/cli.list")
if command -v xdotool >/dev/null && { [ -n "${DISPLAY:-}" ] || command -v xvfb-run >/dev/null; }; then
  cat >"$work/run-app.sh" <<SH
"$java" -XX:DumpLoadedClassList="$work/app.list" ${opts[*]@Q} dev.sluice.app.Launcher "$work/project" &
pid=\$!
timeout 60 xdotool search --sync --name '^Sluice' >/dev/null || true
sleep 5   # let the graph layout and explorer finish loading their classes
kill \$pid; wait \$pid || true
SH
  if [ -n "${DISPLAY:-}" ]; then bash "$work/run-app.sh"; else xvfb-run -a bash "$work/run-app.sh"; fi
  lists+=("$work/app.list")
else
  echo "[package] no xdotool/Xvfb: the class list covers the CLI only" >&2
fi
# Ids are per recording; without them the lists merge, first occurrence kept. Lambda proxies are
# left out: JDK 17's dump crashes on some whose interfaces it cannot archive (signed jars), and
# generated $Proxy classes cannot be found at dump time anyway.
sed -E 's/ id: [0-9]+$//' "${lists[@]}" | grep -v -e '^@lambda-proxy' -e '\$Proxy[0-9]' \
  | awk '!seen[$0]++' >"$out"
wc -l <"$out" | xargs echo "[package] classes listed:"
