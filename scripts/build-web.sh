#!/usr/bin/env bash
# Builds the game for the browser into target/web/: index.html, the page's script and style, the
# game's WebAssembly and its JavaScript glue (wasm-bindgen), the fonts' licences, and a
# gzip- and a brotli-compressed copy of every file for servers that send them as they are (the
# hub does: brotli to browsers that take it, which they do over HTTPS; gzip to the others).
# The built-in scenarios, their translations and the fonts are inside the .wasm.
#
# Needs Debian's rustc-web toolchain (it builds Rust's standard library for wasm32 with
# -Zbuild-std), lld-19 and clang-19 (SQLite is C); `.ci/run` installs them. wasm-bindgen-cli,
# at exactly the version in Cargo.lock, is installed into the tools folder if missing.
#
#   PEERCALL_WEB_TARGET  cargo's target folder for this toolchain (default target/wasm)
#   PEERCALL_TOOLS       where wasm-bindgen-cli is installed (default target/tools)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${PEERCALL_WEB_TARGET:-$root/target/wasm}
tools=${PEERCALL_TOOLS:-$root/target/tools}
out=$root/target/web

missing=()
for tool in /usr/bin/cargo /usr/bin/rustc wasm-ld-19 clang-19 llvm-ar-19 gzip brotli; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[ -d /usr/lib/rustlib/src/rust/library ] || missing+=("rust-web-src")
if [ ${#missing[@]} -gt 0 ]; then
  echo "build-web: missing ${missing[*]}" >&2
  echo "  apt-get install rustc-web cargo-web rust-web-src lld-19 clang-19 llvm-19 brotli" >&2
  exit 1
fi

# wasm-bindgen's command must match the library the game was built with, to the patch.
version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
bindgen=$tools/wasm-bindgen-$version/bin/wasm-bindgen
if [ ! -x "$bindgen" ]; then
  echo "build-web: installing wasm-bindgen-cli $version into $tools" >&2
  # Not --locked: its lock file pins a crate version the registry no longer serves.
  cargo install -q wasm-bindgen-cli --version "$version" --root "$tools/wasm-bindgen-$version"
fi

started=$(date +%s)
(
  export PATH=/usr/bin:$PATH RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=$target \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19 \
    CC_wasm32_unknown_unknown=clang-19 AR_wasm32_unknown_unknown=llvm-ar-19
  cargo build ${CARGO_QUIET:+-q} --profile web -Zbuild-std=std,panic_abort \
    --target wasm32-unknown-unknown -p peercall-web
)
built=$(date +%s)

rm -rf "$out"
mkdir -p "$out"
"$bindgen" --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir "$out" "$target/wasm32-unknown-unknown/web/peercall-web.wasm"
cp web/index.html web/start.js web/lms.js web/scorm.js web/peercall.css "$out/"
mkdir -p "$out/licences"
cp assets/fonts/LICENSE-*.txt "$out/licences/"
# Servers that send files as they are (the hub, most static hosts) send these when asked.
find "$out" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.html' -o -name '*.css' \) \
  -exec gzip -9 -k -f {} \; -exec brotli -q 11 -k -f {} \;
echo "build-web: cargo $((built - started)) s; target/web:"
(cd "$out" && find . -type f ! -name '*.gz' ! -name '*.br' | sort | while read -r f; do
  raw=$(stat -c %s "$f")
  gz=$([ -f "$f.gz" ] && stat -c %s "$f.gz" || echo "$raw")
  br=$([ -f "$f.br" ] && stat -c %s "$f.br" || echo "$raw")
  printf '  %-32s %10s bytes  %10s gzip  %10s brotli\n' "${f#./}" "$raw" "$gz" "$br"
done)
