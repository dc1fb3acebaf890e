#!/usr/bin/env bash
# Measures the game under Xvfb with software rendering: launch to first drawn frame, CPU used
# while each screen waits 10 s for the player, how soon an answer given after a long think is on
# screen, frame times while the trust meter animates, peak memory, and the release binary's
# size. Needs: xvfb, xdotool, imagemagick (and openbox for WM=1), a release build.
#   cargo build --release && bash scripts/measure-game.sh      # WM=1 runs openbox too
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/release/peercall}
[ -x "$BIN" ] || { echo "build first: cargo build --release" >&2; exit 1; }
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/peercall-xdg}
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
DISPLAY_NUM=:$((90 + RANDOM % 9))
Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $GAME 2>/dev/null || true; pkill -P $$ openbox 2>/dev/null || true; kill $XVFB 2>/dev/null || true' EXIT
sleep 1
export DISPLAY=$DISPLAY_NUM
[ "${WM:-0}" = 1 ] && { openbox >/dev/null 2>&1 & sleep 1; }
LOG=$(mktemp)
SHOTS=$(mktemp -d)
PEERCALL_TIMING=1 "$BIN" play --scenario demo-request --seed 1 --player Ana --db "$SHOTS/r.sqlite" 2>"$LOG" &
GAME=$!
cpu() { awk '{print $14 + $15}' "/proc/$GAME/stat"; }
TICKS=$(getconf CLK_TCK)
for _ in $(seq 1 50); do grep -q "first frame" "$LOG" && break; sleep 0.1; done
grep "first frame" "$LOG" || echo "first frame: not reported"
sleep 1
WID=$(xdotool search --name peercall | head -1)
xdotool windowfocus "$WID" 2>/dev/null || true
idle() {  # idle NAME: CPU used while the screen waits 10 s
  sleep 1
  local c0 c1
  c0=$(cpu); sleep 10; c1=$(cpu)
  echo "$1 idle for 10 s: CPU $(echo "scale=3; ($c1 - $c0) / $TICKS" | bc) s"
}
shot() { import -window root "$SHOTS/$1.png"; }
idle "briefing"
xdotool key Return            # take the call
sleep 1
idle "call screen"            # the player thinks; the prospect waits
shot before
T0=$(date +%s.%N)
xdotool key 2
for i in $(seq 1 50); do
  shot after
  if ! cmp -s <(convert "$SHOTS/before.png" rgb:-) <(convert "$SHOTS/after.png" rgb:-); then
    echo "answer after 11 s of thinking: on screen $(echo "$(date +%s.%N) - $T0" | bc | cut -c1-5) s after the key press"
    break
  fi
done
sleep 2
xdotool key Escape; idle "on hold"; xdotool key Escape
for k in 1 1 1 1 1; do xdotool key "$k"; sleep 1.5; done
grep "meter animation" "$LOG" | head -3 || echo "meter animation: not reported"
idle "call ended"
xdotool key Return; sleep 1; idle "debrief"
xdotool key Escape; sleep 1; idle "scenario list"
xdotool key Escape; sleep 1; idle "title"
echo "peak memory (VmHWM): $(grep VmHWM /proc/$GAME/status | awk '{print $2/1024 " MB"}')"
echo "release binary: $(du -h "$BIN" | cut -f1) ($(stat -c %s "$BIN") bytes)"
