#!/usr/bin/env bash
# Builds peercall's packages into target/dist/, with SHA256SUMS:
#   peercall_VERSION_amd64.deb                 the game and command line for Debian and Ubuntu: the
#                                              binary, a desktop entry and icon (the menu), man
#                                              pages made from the command line's definitions,
#                                              the licences
#   peercall-VERSION-linux-x86_64.tar.gz       the same binary to unpack anywhere, README, licences
#   peercall-VERSION-windows-x86_64.zip        peercall.exe, cross-built for x86_64-pc-windows-gnu
#                                              with Debian's rustc-web (-Zbuild-std) and MinGW-w64
#   peercall-VERSION-web.zip                   the web game (scripts/build-web.sh's target/web)
# Each carries the version and the commit (`peercall --version`).
#
# Environment:
#   PEERCALL_RELEASE_TARGET  cargo's target folder for the Linux build (default target)
#   PEERCALL_WIN_TARGET      cargo's target folder for the Windows build (default target/windows)
#   PEERCALL_WEB_TARGET, PEERCALL_TOOLS   passed to scripts/build-web.sh when target/web is missing
#   PEERCALL_REQUIRE_WINDOWS=1            fail when the Windows build cannot be made (else skipped,
#                                         saying why)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
began=$(date +%s)
dist=target/dist
version=$(awk -F'"' '/^\[package\]/ { p = 1 } p && /^version = / { print $2; exit }' Cargo.toml)
commit=${PEERCALL_COMMIT:-$(git rev-parse --short=12 HEAD 2>/dev/null || echo "unknown commit")}
export PEERCALL_COMMIT="$commit"
release=${PEERCALL_RELEASE_TARGET:-target}
windows=${PEERCALL_WIN_TARGET:-target/windows}
say() { echo "package: $*" >&2; }
rm -rf "$dist"
mkdir -p "$dist"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The licences every package carries.
licences() { # into DIR
  mkdir -p "$1"
  cp assets/fonts/LICENSE-*.txt "$1/"
  cat > "$1/COPYRIGHT.txt" <<EOF
peercall $version: MIT OR Apache-2.0, at your option.
Fonts: Open Sans (Apache License 2.0, LICENSE-OpenSans.txt);
       DejaVu Sans Mono (Bitstream Vera license, LICENSE-DejaVu.txt).
The Rust crates built into the program keep their own licences (MIT, Apache-2.0 and
compatible), as listed by \`cargo tree\` in the source.
EOF
}

# --- Linux: the release binary, its man pages --------------------------------------------------
t=$(date +%s)
CARGO_TARGET_DIR=$release cargo build ${CARGO_QUIET:+-q} --release -p peercall --bin peercall
bin=$release/release/peercall
say "linux build $(($(date +%s) - t)) s"
"$bin" --version | grep -q "$version ($commit)" || {
  say "the binary says $("$bin" --version), not $version ($commit)"
  exit 1
}
cargo run ${CARGO_QUIET:+-q} --no-default-features --example manpage -- "$work/man" >/dev/null

# --- The Debian package ------------------------------------------------------------------------
deb=$work/deb
install -Dm755 "$bin" "$deb/usr/bin/peercall"
install -Dm644 assets/icon/peercall.png "$deb/usr/share/icons/hicolor/256x256/apps/peercall.png"
install -Dm644 assets/icon/peercall.svg "$deb/usr/share/icons/hicolor/scalable/apps/peercall.svg"
install -d "$deb/usr/share/applications" "$deb/usr/share/man/man1" "$deb/usr/share/doc/peercall"
cat > "$deb/usr/share/applications/peercall.desktop" <<EOF
[Desktop Entry]
Type=Application
Name=peercall
GenericName=Sales call simulator
Comment=Practise sales calls: a peer contract first, then the business behind the request
Exec=peercall play
Icon=peercall
Terminal=false
Categories=Education;Game;Simulation;
Keywords=sales;training;calls;
EOF
for page in "$work"/man/*.1; do
  gzip -9n < "$page" > "$deb/usr/share/man/man1/$(basename "$page").gz"
done
licences "$work/lic"
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: peercall"
  echo
  echo "Files: *"
  echo "License: MIT or Apache-2.0"
  echo
  echo "Files: usr/share/doc/peercall/LICENSE-OpenSans.txt"
  echo "Copyright: 2010-2011 Google Corporation"
  echo "License: Apache-2.0"
  echo
  echo "Files: usr/share/doc/peercall/LICENSE-DejaVu.txt"
  echo "Copyright: 2003 Bitstream, Inc.; DejaVu changes are in the public domain"
  echo "License: Bitstream-Vera"
} > "$deb/usr/share/doc/peercall/copyright"
cp "$work"/lic/LICENSE-*.txt README.md "$deb/usr/share/doc/peercall/"
gzip -9n < CHANGELOG.md > "$deb/usr/share/doc/peercall/changelog.gz"
size=$(du -sk "$deb/usr" | cut -f1)
install -d "$deb/DEBIAN"
cat > "$deb/DEBIAN/control" <<EOF
Package: peercall
Version: $version
Architecture: amd64
Maintainer: peercall <peercall@localhost>
Installed-Size: $size
Depends: libc6 (>= 2.34), libgcc-s1
Recommends: libvulkan1, mesa-vulkan-drivers, libx11-6, libxcursor1, libxrandr2, libxi6, libxkbcommon-x11-0
Section: games
Priority: optional
Homepage: https://github.com/peercall/peercall
Description: sales-call simulator that teaches peer contracts
 peercall puts salespeople on simulated calls with prospects: every line moves
 the prospect's trust, and the calls teach setting up a peer contract and asking
 about the business behind a request before committing the company's time.
 .
 The game, the terminal player, scenario checks, competitions, certifications,
 learning-system packages and the team hub, in one program (built from $commit).
EOF
dpkg-deb --root-owner-group --build "$deb" "$dist/peercall_${version}_amd64.deb" >/dev/null
say "deb $(du -h "$dist/peercall_${version}_amd64.deb" | cut -f1)"

# --- The portable Linux tarball ----------------------------------------------------------------
name=peercall-$version-linux-x86_64
mkdir -p "$work/$name"
cp "$bin" README.md CHANGELOG.md "$work/$name/"
licences "$work/$name/licences"
tar -C "$work" --owner=0 --group=0 --sort=name -czf "$dist/$name.tar.gz" "$name"

# --- Windows: cross-built with Debian's rustc-web and MinGW-w64 --------------------------------
missing=()
for tool in /usr/bin/cargo /usr/bin/rustc x86_64-w64-mingw32-gcc; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[ -d /usr/lib/rustlib/src/rust/library ] || missing+=("rust-web-src")
if [ ${#missing[@]} -gt 0 ]; then
  say "no Windows build: missing ${missing[*]} (apt-get install rustc-web cargo-web rust-web-src gcc-mingw-w64-x86-64)"
  [ -z "${PEERCALL_REQUIRE_WINDOWS:-}" ] || exit 1
else
  t=$(date +%s)
  (
    export PATH=/usr/bin:$PATH RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=$windows \
      CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
      CC_x86_64_pc_windows_gnu=x86_64-w64-mingw32-gcc AR_x86_64_pc_windows_gnu=x86_64-w64-mingw32-ar
    cargo build ${CARGO_QUIET:+-q} --release -Zbuild-std=std,panic_unwind \
      --target x86_64-pc-windows-gnu -p peercall --bin peercall
  )
  say "windows build $(($(date +%s) - t)) s"
  name=peercall-$version-windows-x86_64
  mkdir -p "$work/$name"
  cp "$windows/x86_64-pc-windows-gnu/release/peercall.exe" "$work/$name/"
  cp README.md CHANGELOG.md "$work/$name/"
  licences "$work/$name/licences"
  (cd "$work" && python3 -m zipfile -c "$root/$dist/$name.zip" "$name")
fi

# --- The web game ------------------------------------------------------------------------------
if [ ! -f target/web/index.html ]; then
  scripts/build-web.sh
fi
name=peercall-$version-web
mkdir -p "$work/$name"
cp -r target/web/. "$work/$name/"
(cd "$work" && python3 -m zipfile -c "$root/$dist/$name.zip" "$name")

(cd "$dist" && sha256sum -- * > SHA256SUMS)
say "done in $(($(date +%s) - began)) s:"
(cd "$dist" && ls -l --block-size=K -- *) >&2
