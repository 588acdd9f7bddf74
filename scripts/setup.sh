#!/usr/bin/env bash
# Installs everything crosscheck needs to build and test, at pinned versions.
#
# Idempotent: each step checks for the tool at its pinned version and skips it when present,
# so a warm run takes a second or two. On a fresh machine it takes about 25 minutes, most of
# it compiling trunk and wasm-bindgen-cli. It installs only from the package registries
# (crates.io, Debian, npm): nothing downloads a prebuilt binary at run time.
#
#   scripts/setup.sh            everything (build, serve and test)
#   scripts/setup.sh --serve    only what `trunk serve` needs (no Chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen that Cargo.lock pins, or the generated glue
# does not match the wasm. Read it from the lockfile so the two can never drift apart.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
want_browser=1
[ "${1:-}" = "--serve" ] && want_browser=0

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Cargo's binaries, and npm's wasm-opt ahead of any older one from Debian (Trunk rejects those).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step "Rust target wasm32-unknown-unknown"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "present"
else
  rustup target add wasm32-unknown-unknown
fi

step "npm packages (playwright-core, binaryen's wasm-opt, axe-core) from package-lock.json"
# npm ci rewrites node_modules/.package-lock.json, so a copy newer than the lockfile is current.
if [ node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "present"
else
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$want_browser" = 1 ]; then
  step "Chromium and ChromeDriver (Debian)"
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    echo "present: $(chromium --version 2>/dev/null | head -1)"
  else
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver
  fi
fi

step "trunk $TRUNK_VERSION"
if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
  echo "present"
else
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

step "wasm-bindgen-cli $WASM_BINDGEN_VERSION (the version in Cargo.lock)"
if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  echo "present"
else
  log=$(mktemp)
  if ! cargo install --locked wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" 2>&1 | tee "$log"; then
    # Its own lockfile can name a crate version the registry no longer serves (0.2.130 names
    # webpki-roots 1.0.11). Build it from the source cargo just fetched, after stepping each
    # such crate back to the newest version the registry has.
    src=$(ls -d "$HOME"/.cargo/registry/src/*/wasm-bindgen-cli-"$WASM_BINDGEN_VERSION" | head -1)
    work=$(mktemp -d)
    cp -r "$src"/. "$work"
    for _ in 1 2 3; do
      missing=$(sed -n 's/.*failed to select a version for the requirement `\([A-Za-z0-9_-]*\) = .*(locked to .*/\1/p' "$log" | head -1)
      [ -n "$missing" ] || break
      echo "stepping $missing back to a version the registry has"
      (cd "$work" && cargo update -p "$missing")
      if (cd "$work" && cargo install --locked --path . 2>&1 | tee "$log"); then
        missing=done
        break
      fi
    done
    rm -rf "$work"
    [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] || { echo "wasm-bindgen-cli install failed; see above" >&2; exit 1; }
  fi
  rm -f "$log"
fi

step "crates for offline builds (Trunk runs cargo with --offline)"
cargo fetch --locked --quiet
echo "done"
