#!/usr/bin/env bash
# The editing keyboard path with the real binary in a virtual X display: open a copy of a timeline file,
# press Right (selects the first event), Delete, Ctrl+S — the file has lost exactly that event; then
# Ctrl+Z, Ctrl+S — the file lists what it listed before.
#
#   .ci/keyboard-path.sh target/release/dateline tests/fixtures/valid.json
set -euo pipefail
bin=$1
source_file=$2
work=$(mktemp -d)
trap 'kill ${app:-} ${xvfb:-} 2>/dev/null || true; rm -rf "$work"' EXIT
copy="$work/timeline.json"
cp "$source_file" "$copy"
"$bin" list --json "$copy" >"$work/before.txt"

display=""
for n in $(seq 90 140); do [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || { display=":$n"; break; }; done
[ -n "$display" ] || { echo "no free X display" >&2; exit 1; }
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
# A data folder of its own, so no recovery copy or remembered state of another run is offered.
HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" DISPLAY=$display \
  "$bin" "$copy" >"$work/app.log" 2>&1 &
app=$!

# Waits (up to 20 s) for the file to list differently from `$1`.
changed_from() {
  for _ in $(seq 1 40); do
    sleep 0.5
    "$bin" list --json "$copy" >"$work/now.txt" 2>/dev/null || continue
    cmp -s "$work/now.txt" "$1" || return 0
  done
  return 1
}
keys() {
  local window
  window=$(DISPLAY=$display xdotool search --sync --onlyvisible --name dateline | head -n1)
  DISPLAY=$display xdotool windowfocus --sync "$window" 2>/dev/null || true
  for k in "$@"; do
    DISPLAY=$display xdotool key "$k"
    sleep 0.6
  done
}

sleep 5
kill -0 "$app" 2>/dev/null || { echo "the window exited early:"; cat "$work/app.log"; exit 1; }
keys Right Delete ctrl+s
changed_from "$work/before.txt" || { echo "Ctrl+S did not save the deletion"; cat "$work/app.log"; exit 1; }
cp "$work/now.txt" "$work/deleted.txt"
# Exactly the first event in time order is gone (the list gives periods, then events in time order).
first=$(grep -m1 '"kind":"event"' "$work/before.txt")
grep -vxF "$first" "$work/before.txt" >"$work/expected.txt"
if ! cmp -s "$work/expected.txt" "$work/deleted.txt"; then
  echo "the saved file did not lose exactly the first event ($first):"
  diff "$work/before.txt" "$work/deleted.txt" || true
  exit 1
fi
echo "Right, Delete, Ctrl+S: the file lost exactly $first"
keys ctrl+z ctrl+s
changed_from "$work/deleted.txt" || { echo "Ctrl+Z, Ctrl+S did not save"; exit 1; }
if ! cmp -s "$work/now.txt" "$work/before.txt"; then
  echo "after undo and save the file lists differently:"
  diff "$work/before.txt" "$work/now.txt" || true
  exit 1
fi
echo "Ctrl+Z, Ctrl+S: the file lists what it listed before"
