#!/usr/bin/env bash
# The release embed build: writes pkg/ (wasm-bindgen --target web, wasm-opt -Oz, the widget CSS)
# and prints the raw and gzip size of each file, and their total.
#
#   scripts/build-pkg.sh          build, then print sizes
#   scripts/build-pkg.sh --json   also write the sizes to target/bench/sizes.json
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

cargo build --locked --release --target wasm32-unknown-unknown --lib --no-default-features
rm -rf pkg
wasm-bindgen --target web --out-dir pkg --out-name crosscheck --no-typescript \
  target/wasm32-unknown-unknown/release/crosscheck.wasm
wasm-opt -Oz pkg/crosscheck_bg.wasm -o pkg/crosscheck_bg.wasm
cp styles/crosscheck.css pkg/crosscheck.css

printf '\n%-22s %10s %10s\n' "file" "raw" "gzip"
total_raw=0
total_gzip=0
json="{"
for file in pkg/crosscheck_bg.wasm pkg/crosscheck.js pkg/crosscheck.css; do
  raw=$(wc -c < "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gzip=$((total_gzip + gz))
  printf '%-22s %10d %10d\n' "${file#pkg/}" "$raw" "$gz"
  json+="\"${file#pkg/}\": {\"raw\": $raw, \"gzip\": $gz}, "
done
printf '%-22s %10d %10d   (bytes; gzip -9)\n' "total" "$total_raw" "$total_gzip"
if [ "${1:-}" = "--json" ]; then
  mkdir -p target/bench
  printf '%s"total": {"raw": %d, "gzip": %d}}\n' "$json" "$total_raw" "$total_gzip" > target/bench/sizes.json
fi
