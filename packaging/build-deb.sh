#!/usr/bin/env bash
# Builds the Linux app-image and the .deb with jpackage into target/packages.
# Needs the runnable jar first: mvn -q package -DskipTests
# The .deb declares libgtk-3-0 (the wizard's window) and installs a desktop entry and the icon.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/influx-reset.jar
[ -f "$jar" ] || { echo "No $jar: run 'mvn -q package -DskipTests' first." >&2; exit 2; }
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' pom.xml | head -1)

rm -rf target/jpackage-input target/packages
mkdir -p target/jpackage-input target/packages
cp "$jar" target/jpackage-input/

common=(--input target/jpackage-input --main-jar influx-reset.jar --main-class io.github.influxreset.app.Main
        --name influx-reset --app-version "$version" --vendor "InfluxDB Reset Wizard"
        --description "Guided, reversible InfluxDB reset for Home-Assistant style Docker stacks"
        --icon icons/influx-reset-256.png --java-options -Xmx512m --dest target/packages)

jpackage --type app-image "${common[@]}"
jpackage --type deb "${common[@]}" --linux-package-deps libgtk-3-0 --linux-shortcut \
  --linux-menu-group "System;Utility" --linux-app-category utils --license-file packaging/linux/copyright
ls -l target/packages
