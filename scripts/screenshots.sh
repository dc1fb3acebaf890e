#!/usr/bin/env bash
# Draws every screen of the game under Xvfb and saves the pictures in docs/screenshots: the
# profile and self-diagnostic screens of a first launch, the autoplayed call screens (plain, high
# contrast at 125% text, 150% text), the leaderboard, the competitions, and joining a team hub
# (a `peercall serve` on loopback) with its leaderboard in the game.
# Needs: xvfb, xdotool, imagemagick, a release build.
#   cargo build --release && bash scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/release/peercall}
OUT=${OUT:-docs/screenshots}
[ -x "$BIN" ] || { echo "build first: cargo build --release" >&2; exit 1; }
BIN=$(realpath "$BIN")
mkdir -p "$OUT"
OUT=$(realpath "$OUT")
T=$(mktemp -d)
mkdir -p "$T/dialogues" "$T/xdg" "$OUT"
chmod 700 "$T/xdg"
export XDG_RUNTIME_DIR="$T/xdg"
# English unless a shot asks for another language, whatever this machine speaks.
export LANG=C.UTF-8
unset PEERCALL_LANG
for f in dialogues/*.ron; do
  case "$f" in *.tests.ron) ;; *) cp "$f" "$T/dialogues/" ;; esac
done
echo 'Scenario(id: "broken", title: 42)' > "$T/dialogues/zz-broken.ron"
DB="$T/records.sqlite"
DISPLAY_NUM=:$((60 + RANDOM % 20))
Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 >/dev/null 2>&1 &
XVFB=$!
GAME=
trap 'kill $GAME 2>/dev/null || true; kill $XVFB 2>/dev/null || true' EXIT
sleep 1
export DISPLAY=$DISPLAY_NUM
# The game, run from the scratch folder so that file names show as `dialogues/...`.
game() { (cd "$T" && exec "$BIN" play --db "$DB" --dialogues dialogues "$@"); }
shot() { sleep "${2:-1.5}"; import -window root "$OUT/$1.png"; echo "saved $OUT/$1.png"; }
key() { for k in "$@"; do xdotool key "$k"; sleep 0.5; done; }
start() { start_with "$DB" dialogues "$@"; }
# The game on a records database and a scenario folder of its own.
start_with() {
  local db=$1 dir=$2
  shift 2
  # The subshell execs the game, so that $! is the game itself.
  (cd "$T" && exec "$BIN" play --db "$db" --dialogues "$dir" "$@") 2>/dev/null &
  GAME=$!
  for _ in $(seq 1 100); do xdotool search --name peercall >/dev/null 2>&1 && break; sleep 0.1; done
  sleep 3
  xdotool windowfocus "$(xdotool search --name peercall | head -1)" 2>/dev/null || true
}
stop() { kill "$GAME" 2>/dev/null || true; wait "$GAME" 2>/dev/null || true; GAME=; }

# Drills: Ana Lee's call that sent the scoped study while the site was undecided leaves one
# drill; it is made due today (it would be due tomorrow), then played from the title.
drills_shots() {
  local db="$T/drills.sqlite"
  "$BIN" run "$T/dialogues/free-consulting.ron" --seed 2 --picks 2,1,1,3,2 \
    --player "Ana Lee" --db "$db" >/dev/null 2>&1
  # Thank-you calls with every node's first line, for the habits.
  for seed in 1 2 3 4 5 6 7 8 9; do
    for n in 3 4 5 6 7 8; do
      picks=$(printf '1,%.0s' $(seq "$n")); picks=${picks%,}
      if "$BIN" run "$T/dialogues/thank-you.ron" --seed "$seed" --picks "$picks" --json 2>/dev/null \
        | grep -q '"finished": true'; then
        "$BIN" run "$T/dialogues/thank-you.ron" --seed "$seed" --picks "$picks" \
          --player "Ana Lee" --db "$db" >/dev/null 2>&1
        break
      fi
    done
  done
  python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("UPDATE drills SET due = due - 1"); c.execute("INSERT OR REPLACE INTO settings VALUES (\"player\", \"Ana Lee\")"); c.execute("INSERT OR REPLACE INTO settings VALUES (\"diagnostic-before\", \"1\")"); c.commit()' "$db"
  start_with "$db" dialogues
  shot 58-drills-title
  key Down Return
  shot 59-drill-briefing
  key Return
  shot 60-drill-call
  key 3
  sleep 1.5
  key 3
  sleep 1.5
  key 1 1 1
  sleep 2
  key Return
  shot 61-drill-debrief 2.5
  stop
  # The habit to fix, from the title (the drills' button comes first).
  start_with "$db" dialogues
  key Down Down Down Down Down Down Down Down Down Down Down
  sleep 1
  key Return
  shot 62-habits 2.5
  stop
}
# The trainer's inspector (F2) on a call of the folder, after two answers.
inspector_shots() {
  start_with "$T/inspector.sqlite" dialogues --player Tess --scenario free-pilot --seed 1
  key Return
  sleep 1
  key F2 3 1
  shot 67-inspector 2
  stop
}
if [ "${ONLY:-}" = drills ]; then drills_shots; echo "done: look at every picture in $OUT"; exit 0; fi
if [ "${ONLY:-}" = inspector ]; then inspector_shots; echo "done: look at every picture in $OUT"; exit 0; fi

# A first launch: who is playing, then the self-diagnostic question.
start
xdotool type --delay 60 "Ana Lee"; key Tab; xdotool type --delay 60 "East"
shot 11-profile
key Return
shot 12-self-diagnostic
key 1
sleep 1
stop

# Other players' results, so the leaderboard has rows.
for p in "Ben Okafor:West:2,1,2,1,1,1,1" "Cy Park:East:1,1,1,1,1,1,1" "Dana Roy:West:1,1,1,1,1,1,1"; do
  IFS=: read -r name team choices <<<"$p"
  "$BIN" run dialogues/network-expansion.ron --seed 1 --picks "$choices" \
    --player "$name" --team "$team" --db "$DB" >/dev/null 2>&1 || true
done

# The call screens, autoplayed (lines by place in the file; seed 1 draws the third bid, where
# they qualify in): plain, then high contrast at 125% and 150% text.
game --seed 1 --autoplay 2,1,1,1,1,1 \
  --screenshots "$OUT" 2>/dev/null
game --seed 1 --autoplay 2,1,1,1,1,1 \
  --high-contrast --text-size 125 --screenshots "$T/hc125" 2>/dev/null
cp "$T/hc125/04-call.png" "$OUT/10-high-contrast-125.png"
game --seed 1 --autoplay 2,1,1,1,1,1 \
  --text-size 150 --screenshots "$T/t150" 2>/dev/null
cp "$T/t150/06-call-first-answer.png" "$OUT/16-text-150-call.png"
cp "$T/t150/08-debrief.png" "$OUT/17-text-150-debrief.png"
game --seed 1 --autoplay 2,1,1,1,1,1 \
  --high-contrast --text-size 150 --screenshots "$T/hc150" 2>/dev/null
cp "$T/hc150/01-title.png" "$OUT/18-high-contrast-150-title.png"
# In German, and in the pseudo-locale (longer, accented text: where the layout would break).
# (In German the network call sorts first; seed 1 draws the acquisition, where these lines
# qualify out.)
game --lang de --seed 1 --autoplay 2,1,2,1,1,1,1 \
  --screenshots "$T/de" 2>/dev/null
cp "$T/de/01-title.png" "$OUT/26-de-title.png"
cp "$T/de/03-briefing.png" "$OUT/27-de-briefing.png"
cp "$T/de/06-call-first-answer.png" "$OUT/28-de-call.png"
cp "$T/de/08-debrief.png" "$OUT/29-de-debrief.png"
cp "$T/de/09-error.png" "$OUT/31-de-error.png"
# A translation saved half-edited: the scenario list says which line is wrong.
mkdir -p "$T/half-edited"
cp dialogues/network-expansion.ron dialogues/network-expansion.de.po dialogues/demo-request.ron "$T/half-edited/"
printf '\nmsgctxt "title"\nmsgid "Unfinished\n' >> "$T/half-edited/network-expansion.de.po"
start_with "$T/half.sqlite" half-edited --player Ute --lang de
key Down Down Return
shot 33-de-translation-unreadable
stop
game --lang pseudo --scenario demo-request --seed 1 --autoplay 2,1,1,1,1,1 \
  --screenshots "$T/pseudo" 2>/dev/null
cp "$T/pseudo/06-call-first-answer.png" "$OUT/30-pseudo-call.png"

# The leaderboard and the competitions, from the title screen.
cat > "$T/dialogues/q4.competition.ron" <<'EOF'
Competition(
    id: "q4-cup", name: "Q4 cup", attempts: 2,
    scenarios: [(id: "network-expansion", seed: 11), (id: "demo-request", seed: 4)],
)
EOF
start
key Down Down Down Down Down Down Return
shot 13-leaderboard
key Escape
sleep 1
key Down Down Down Down Down Down Down Down Return
shot 14-competitions
key Return
shot 15-competition-pick
stop

# Opens the game on certification FILE (in $T) as Ana Lee, and focuses its window.
certifying() {
  (cd "$T" && exec "$BIN" compete "$1" --dialogues dialogues --db "$DB" \
    --player "Ana Lee") 2>/dev/null &
  GAME=$!
  for _ in $(seq 1 100); do xdotool search --name peercall >/dev/null 2>&1 && break; sleep 0.1; done
  sleep 3
  xdotool windowfocus "$(xdotool search --name peercall | head -1)" 2>/dev/null || true
}

# A certification: the call without the meter or the lines' signals, then the verdict so far.
cat > "$T/onboarding.ron" <<'EOF'
Competition(
    id: "onboarding", name: "Onboarding certification", attempts: 2,
    scenarios: [(id: "demo-request", seed: 4), (id: "network-expansion", seed: 11)],
    certification: Some((pass: 70, call_pass: 60, rules: [PeerContractBeforeResources],
        due: "2099-01-31", valid_days: 365)),
)
EOF
certifying onboarding.ron
key Return Return 4 1
shot 52-certification-call
key 1 1 1 1 1 1 1 1 1 1 1 1
sleep 3
key Return
shot 53-certification-debrief 2.5
stop

# A certification passed (one call, no pass mark): the verdict and the certificate to save.
cat > "$T/quick.ron" <<'EOF'
Competition(
    id: "quick", name: "Quick certification", attempts: 1,
    scenarios: [(id: "demo-request", seed: 4)],
    certification: Some((pass: 0, call_pass: 0, rules: [], due: "2099-01-31", valid_days: 365)),
)
EOF
certifying quick.ron
key Return Return 4 1 1 1 1 1 1 1 1 1 1 1 1
sleep 3
key Return
shot 57-certification-passed 2.5
stop

# A team hub on loopback with the Q4 cup published and two players' results on it; then the
# game joins it from the title screen and shows the hub's leaderboard.
PORT=$((18000 + RANDOM % 1000))
"$BIN" serve --listen "127.0.0.1:$PORT" --data "$T/hub" --admin-token shots >/dev/null 2>&1 &
HUB=$!
trap 'kill $GAME 2>/dev/null || true; kill $HUB 2>/dev/null || true; kill $XVFB 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -s "http://127.0.0.1:$PORT/" >/dev/null && break; sleep 0.1; done
CODES=$("$BIN" hub publish "$T/dialogues/q4.competition.ron" --dialogues "$T/dialogues" \
  --server "http://127.0.0.1:$PORT" --teams East,West --admin-token shots)
code() { echo "$CODES" | awk -v t="$1" '$1 == t { print $2 }'; }
for p in "Ben Okafor:West" "Cy Park:East"; do
  IFS=: read -r name team <<<"$p"
  db="$T/$team-$RANDOM.sqlite"
  "$BIN" join "http://127.0.0.1:$PORT" "$(code "$team")" --player "$name" --db "$db" >/dev/null
  "$BIN" run "$T/dialogues/network-expansion.ron" --picks 1,1,1,1,1,1,1 --competition \
    "$T/dialogues/q4.competition.ron" --player "$name" --team "$team" --db "$db" >/dev/null 2>&1 || true
  "$BIN" hub send --db "$db" >/dev/null || true
done
start
key Down Down Down Down Down Down Down Down Down Return
sleep 1
key BackSpace BackSpace BackSpace BackSpace BackSpace BackSpace BackSpace
xdotool type --delay 40 "http://127.0.0.1:$PORT"; key Tab
xdotool type --delay 60 "$(code East)"
shot 24-join-hub
key Return
sleep 2
key Escape
sleep 1
key Down Down Down Down Down Down Return
shot 25-hub-leaderboard 3
stop
drills_shots
inspector_shots
echo "done: look at every picture in $OUT"
