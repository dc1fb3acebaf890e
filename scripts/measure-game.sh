#!/usr/bin/env bash
# Measures the game under Xvfb with software rendering: launch to first drawn frame, CPU used
# while the call screen waits 10 s for the player, frame times while the trust meter animates,
# peak memory, and the release binary's size. Needs: xvfb, xdotool, a release build.
#   cargo build --release && bash scripts/measure-game.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/release/peercall}
[ -x "$BIN" ] || { echo "build first: cargo build --release" >&2; exit 1; }
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/peercall-xdg}
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
DISPLAY_NUM=:$((90 + RANDOM % 9))
Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true; kill $GAME 2>/dev/null || true' EXIT
sleep 1
export DISPLAY=$DISPLAY_NUM
LOG=$(mktemp)
PEERCALL_TIMING=1 "$BIN" play --scenario demo-request --seed 1 2>"$LOG" &
GAME=$!
cpu() { awk '{print $14 + $15}' "/proc/$GAME/stat"; }
TICKS=$(getconf CLK_TCK)
for _ in $(seq 1 50); do grep -q "first frame" "$LOG" && break; sleep 0.1; done
grep "first frame" "$LOG" || echo "first frame: not reported"
sleep 1
WID=$(xdotool search --name peercall | head -1)
xdotool windowfocus "$WID" 2>/dev/null || true
xdotool key Return            # take the call
sleep 2
C0=$(cpu)
sleep 10                       # the player thinks; the prospect waits
C1=$(cpu)
echo "call screen idle for 10 s: CPU $(echo "scale=3; ($C1 - $C0) / $TICKS" | bc) s"
for k in 2 1 1; do xdotool key "$k"; sleep 1.5; done
grep "meter animation" "$LOG" || echo "meter animation: not reported"
echo "peak memory (VmHWM): $(grep VmHWM /proc/$GAME/status | awk '{print $2/1024 " MB"}')"
echo "release binary: $(du -h "$BIN" | cut -f1) ($(stat -c %s "$BIN") bytes)"
