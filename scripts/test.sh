#!/usr/bin/env bash
# Runs every test of crosscheck, installing whatever is missing first (scripts/setup.sh):
#   1. native `cargo test` (corpus, analysis, UI state, CLI, gold scores),
#   2. browser tests (tests/web.rs) with wasm-bindgen-test in headless Chromium,
#   3. end-to-end tests (tests/e2e/*.test.mjs) with playwright-core against the Trunk-built page
#      and against the embed build in pkg/ (examples/, the CSP page, a bundled page from file://);
#      screenshots land in target/e2e/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

step "native tests"
cargo test --locked

step "browser tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER="$(command -v chromedriver)" cargo test --locked --target wasm32-unknown-unknown --no-default-features --test 'web*'

step "page build for the end-to-end tests (release, into target/e2e/dist)"
# Not dist/: `trunk serve` keeps a debug build there.
trunk build --release --dist target/e2e/dist

step "embed build for the end-to-end tests (release, into pkg/)"
scripts/build-pkg.sh

step "end-to-end tests (playwright-core, headless Chromium)"
# `cargo test` above built the native CLI; the bundle test runs it.
export CROSSCHECK_CLI="${CARGO_TARGET_DIR:-target}/debug/crosscheck"
node --test --test-reporter=spec tests/e2e/
