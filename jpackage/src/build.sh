#!/usr/bin/env bash
# Builds Sluice's native package from the runtime jars Maven copied into TARGET/deps:
#   1. an input folder: the jars, with DuckDB's and JavaFX's native libraries moved out of them
#      into native/ so nothing is unpacked to a temp folder at start-up, and other platforms'
#      DuckDB libraries dropped (they are most of the package's size);
#   2. a trimmed Java runtime (jlink) with only the modules the jars use;
#   3. an app image (jpackage) with two launchers: Sluice (the window) and sluice (the CLI);
#   4. a class list for class-data sharing, recorded by starting the app and the CLI once;
#   5. when TYPE is deb (or rpm), the installer from that app image.
# Usage: build.sh TARGET VERSION TYPE
set -euo pipefail
target="$1"; version="$2"; type="${3:-app-image}"
src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$src/../.." && pwd)"
input="$target/input"; runtime="$target/runtime"; image="$target/image"
rm -rf "$input" "$runtime" "$image" "$target/installer"
mkdir -p "$input/native" "$input/desktop" "$input/cds" "$image"

case "$(uname -m)" in x86_64|amd64) arch=amd64 ;; aarch64|arm64) arch=arm64 ;; *) arch="$(uname -m)" ;; esac

echo "[package] input: jars and native libraries"
cp "$target"/deps/*.jar "$input/"
duck=$(ls "$input"/duckdb_jdbc-*.jar)
# Without the library inside its jar, DuckDB loads libduckdb_java.so from java.library.path.
unzip -p "$duck" "libduckdb_java.so_linux_$arch" > "$input/native/libduckdb_java.so"
zip -q -d "$duck" 'libduckdb_java.so_*'
# JavaFX looks in java.library.path before it would unpack its libraries to a cache folder.
for fx in "$input"/javafx-*-linux.jar; do
  if unzip -l "$fx" '*.so' >/dev/null 2>&1; then
    unzip -q -o -j "$fx" '*.so' -d "$input/native"
    zip -q -d "$fx" '*.so'
  fi
done
cp "$src/linux/sluice.desktop" "$src/linux/sluice-mime.xml" "$src"/icons/sluice-*.png "$input/desktop/"
cp "$src/cds/refresh-cds" "$input/cds/"

echo "[package] runtime: jlink"
# The modules jdeps finds in the jars, less the debugger/attach ones only javassist's optional
# hot-swapper uses; plus what is found through services (TLS ciphers, charsets, zip file system).
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.scripting
modules+=,java.security.jgss,java.security.sasl,java.sql,java.xml,java.compiler,java.instrument
modules+=,jdk.unsupported,jdk.unsupported.desktop,jdk.net,jdk.crypto.ec,jdk.charsets,jdk.zipfs
modules+=,jdk.localedata
jlink --add-modules "$modules" --include-locales=en,de,fr,es --strip-debug --no-header-files \
  --no-man-pages --generate-cds-archive --output "$runtime"

echo "[package] app image: jpackage"
# java.library.path: the natives moved out of the jars. UsePerfData off: no hsperfdata file in
# /tmp. The class-data archive is optional: a missing or stale one only costs start-up time.
main_jar=$(cd "$input" && ls sluice-app-*.jar)
jpackage --type app-image --dest "$image" --name Sluice --app-version "${version%%-*}" \
  --vendor "Sluice" --description "Data pipeline IDE and CLI" \
  --input "$input" --main-jar "$main_jar" --main-class dev.sluice.app.Launcher \
  --runtime-image "$runtime" --icon "$src/icons/sluice-256.png" \
  --java-options '-Djava.library.path=$APPDIR/native' \
  --java-options '-XX:SharedArchiveFile=$APPDIR/sluice.jsa' \
  --java-options '-XX:-UsePerfData' --java-options '-Xshare:auto' --java-options '-Xlog:cds=off' --java-options '-Xlog:class+path=off' \
  --add-launcher "sluice=$src/cli.properties"
app="$image/Sluice"

echo "[package] class list for class-data sharing"
"$src/record-classlist.sh" "$app" "$repo/samples/shop" "$input/cds/sluice.classlist"
cp "$input/cds/sluice.classlist" "$app/lib/app/cds/"
"$app/lib/app/cds/refresh-cds"

if [ "$type" != "app-image" ]; then
  echo "[package] installer: $type"
  mkdir -p "$target/installer"
  rm -f "$app/lib/app/sluice.jsa"   # made for this folder's paths; the installer makes its own
  jpackage --type "$type" --dest "$target/installer" --app-image "$app" --name Sluice \
    --linux-package-name sluice --app-version "${version%%-*}" --vendor "Sluice" \
    --description "Data pipeline IDE and CLI: build, run and test ELT pipelines on DuckDB" \
    --linux-app-category devel --linux-deb-maintainer "sluice@localhost" \
    --linux-package-deps "libgtk-3-0, libgl1" --resource-dir "$src/linux"
  "$app/lib/app/cds/refresh-cds"
  ls -l "$target/installer"
fi
du -sh "$app" "$runtime"
