#!/usr/bin/env bash
# Builds the Linux app-image and the .deb with jpackage into target/packages.
# Needs the runnable jar first: mvn -q package -DskipTests
# The .deb declares libgtk-3-0 (the wizard's window) and installs a desktop entry and the icon.
#
# Start-up: the runtime gets the JDK's class-data archive (jlink --generate-cds-archive), and the
# .deb gets an archive of the classes the wizard loads up to its first frame (influx-reset.jsa).
# The JVM maps such an archive only for the very jar files it was written with (path, size and
# time), so it is written by starting the wizard once from the package's own files unpacked where
# they install (/opt/influx-reset), under xvfb-run, and then added to the package. That needs /opt
# writable and /opt/influx-reset absent (CI runs as root); otherwise the package has no archive
# and starts a few hundred milliseconds slower. Only JVM errors are logged, to stderr, so --json
# output on stdout stays one JSON document, also where the archive cannot be used.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/influx-reset.jar
[ -f "$jar" ] || { echo "No $jar: run 'mvn -q package -DskipTests' first." >&2; exit 2; }
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' pom.xml | head -1)
app=target/packages/influx-reset
archive_option='-XX:SharedArchiveFile=$APPDIR/influx-reset.jsa'

rm -rf target/jpackage-input target/packages
mkdir -p target/jpackage-input target/packages
cp "$jar" target/jpackage-input/

jpackage --type app-image --input target/jpackage-input --main-jar influx-reset.jar \
  --main-class io.github.influxreset.app.Main --name influx-reset --app-version "$version" \
  --vendor "InfluxDB Reset Wizard" --icon icons/influx-reset-256.png --dest target/packages \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --generate-cds-archive" \
  --java-options -Xmx512m --java-options "-Xlog:disable -Xlog:all=error:stderr" --java-options "$archive_option"

jpackage --type deb --app-image "$app" --name influx-reset --app-version "$version" \
  --vendor "InfluxDB Reset Wizard" --description "Guided, reversible InfluxDB reset for Home-Assistant style Docker stacks" \
  --icon icons/influx-reset-256.png --dest target/packages \
  --linux-package-deps libgtk-3-0 --linux-shortcut --linux-menu-group "System;Utility" --linux-app-category utils \
  --license-file packaging/linux/copyright
deb=$(ls target/packages/influx-reset_*_amd64.deb)
install_dir=/opt/influx-reset

# Unpacks the package where it installs, starts the wizard once with -XX:ArchiveClassesAtExit and
# -Dinfluxreset.exitAfterFirstFrame=true, and rebuilds the package with the archive it left.
add_class_archive() {
  local cfg="$install_dir/lib/app/influx-reset.cfg" home work archive
  home=$(mktemp -d)
  work=$(mktemp -d)
  archive="$work/influx-reset.jsa"
  dpkg-deb -x "$deb" /
  sed -i "s|^java-options=-XX:SharedArchiveFile=.*|java-options=-XX:ArchiveClassesAtExit=$archive\njava-options=-Dinfluxreset.exitAfterFirstFrame=true|" "$cfg"
  INFLUX_RESET_HOME="$home" timeout 180 xvfb-run -a "$install_dir/bin/influx-reset" >/dev/null 2>&1 || true
  rm -rf "$install_dir" "$home"
  if [ -f "$archive" ]; then
    dpkg-deb -R "$deb" "$work/deb"
    cp "$archive" "$work/deb$install_dir/lib/app/influx-reset.jsa"
    if [ -f "$work/deb/DEBIAN/md5sums" ]; then
      (cd "$work/deb" && md5sum "${install_dir#/}/lib/app/influx-reset.jsa") >> "$work/deb/DEBIAN/md5sums"
    fi
    fakeroot dpkg-deb -Zgzip -b "$work/deb" "$deb" >/dev/null
    echo "class-data archive for $install_dir: $(du -h "$archive" | cut -f1)"
  fi
  rm -rf "$work"
}

if command -v xvfb-run >/dev/null 2>&1 && command -v fakeroot >/dev/null 2>&1 && [ ! -e "$install_dir" ] \
    && [ -w "$(dirname "$install_dir")" ]; then
  add_class_archive
fi
if ! dpkg-deb -c "$deb" | grep 'lib/app/influx-reset.jsa' >/dev/null; then
  echo "No class-data archive (needs xvfb-run, fakeroot and a writable, absent $install_dir): the package starts without it." >&2
fi
ls -l target/packages
