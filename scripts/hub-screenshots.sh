#!/usr/bin/env bash
# Screenshots of the team hub's pages (board, wall, analytics, publishing, a scenario's paths) with a competition in
# progress and a certification (the `showcase` example), in headless Chromium: docs/screenshots/2x-hub-*.png.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18080}
cargo build -q -p peercall-hub --example showcase
target/debug/examples/showcase "127.0.0.1:$port" > /tmp/peercall-showcase.log &
hub=$!
trap 'kill $hub 2>/dev/null || true' EXIT
until grep -q "ready" /tmp/peercall-showcase.log 2>/dev/null; do sleep 0.3; done
shot() { # name, path, height
  chromium --headless=new --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d)" --hide-scrollbars --window-size="1280,${3:-800}" \
    --timeout=3000 --screenshot="docs/screenshots/$1.png" "$2" 2>/dev/null
}
base="http://127.0.0.1:$port"
admin="http://admin:showcase@127.0.0.1:$port"
shot 20-hub-board "$base/competitions/winter?me=Quin%20Hale"
shot 21-hub-wall "$base/competitions/winter/wall"
shot 22-hub-analytics "$admin/competitions/winter/analytics" 2400
shot 23-hub-publish "$admin/publish" 600
shot 68-hub-scenario "$admin/competitions/winter/scenarios/demo-request" 1600
shot 32-hub-board-de "$base/competitions/winter?me=Quin%20Hale&lang=de"
shot 34-hub-analytics-de "$admin/competitions/winter/analytics?lang=de" 1400
shot 50-hub-certification "$admin/competitions/onboarding/certification" 800
# The first player who holds a certificate, as the trainer's list links to it.
first=$(curl -s "$admin/competitions/onboarding/certification" \
  | grep -o 'certificate?player=[^"]*' | head -1)
shot 51-hub-certificate "$base/competitions/onboarding/$first" 900
echo "screenshots in docs/screenshots/2[0-3]-hub-*.png, 32-hub-board-de.png, 34-hub-analytics-de.png, 50-51"

