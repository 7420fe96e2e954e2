#!/usr/bin/env bash
# Opens the real window under Xvfb with an AT-SPI bus, as a screen reader would find it, and reads it
# through AT-SPI (.ci/atspi-check.py). Usage: atspi.sh APP
set -euo pipefail
app="$1"
here="$(cd "$(dirname "$0")" && pwd)"
export DISPLAY=:96
Xvfb :96 -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
dbus-run-session -- bash -c '
  set -euo pipefail
  /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
  sleep 1
  # What a screen reader does when it starts: say assistive technology is on.
  dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
    org.freedesktop.DBus.Properties.Set string:org.a11y.Status string:IsEnabled variant:boolean:true >/dev/null
  home=$(mktemp -d)
  HOME=$home XDG_DATA_HOME=$home/data "$1" >/tmp/dateline-atspi.log 2>&1 &
  app=$!
  sleep 5
  status=0
  timeout 120 /usr/bin/python3 "$2/atspi-check.py" || status=$?
  kill $app 2>/dev/null || true
  rm -rf "$home"
  exit $status
' _ "$app" "$here"
