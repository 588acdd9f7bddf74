#!/usr/bin/env bash
# The release embed build: writes pkg/, what a page needs to embed crosscheck with one script tag,
# and prints the raw and gzip size of each file and their total against the 440 KB gzip budget, and
# what the data compiled into the wasm weighs (the word tables and the links model), file by file.
#
#   pkg/crosscheck.js            the loader a page includes (js/crosscheck.js, copied as is)
#   pkg/crosscheck_core.js       wasm-bindgen's --target web glue, imported by the loader
#   pkg/crosscheck_core_bg.wasm  the widget, optimised with wasm-opt -Oz
#   pkg/crosscheck.css           the widget's styles (styles/crosscheck.css without comments), added by the loader
#
#   scripts/build-pkg.sh          build, then print sizes (exit 1 if over budget)
#   scripts/build-pkg.sh --json   also write the sizes to target/bench/sizes.json
#
# It neither minifies nor bundles the JavaScript: the glue and the loader are small, and gzip does
# the rest. It does not build the self-contained page; `crosscheck bundle` does, from pkg/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
target_dir="${CARGO_TARGET_DIR:-target}"
# 400 KB for the English widget (issue 9), plus the 40 KB issue 12 allows for reading claims in
# Spanish, French, German, Italian and Portuguese (measured: 28 KB for the language module and
# its word table).
budget_gzip=440000

cargo build --locked --profile web --target wasm32-unknown-unknown --lib --no-default-features
rm -rf pkg
# The glue is crosscheck_core.js so that crosscheck.js, the name a page sees, is the loader.
wasm-bindgen --target web --out-dir pkg --out-name crosscheck_core --no-typescript \
  "$target_dir/wasm32-unknown-unknown/web/crosscheck.wasm"
# --converge repeats the passes until the module stops shrinking: about 2 KB of gzip for seconds.
wasm-opt -Oz --converge pkg/crosscheck_core_bg.wasm -o pkg/crosscheck_core_bg.wasm
cp js/crosscheck.js pkg/crosscheck.js
# The styles without their comments and blank lines (about 1.4 KB of gzip); rules are kept as written.
perl -0pe 's{/\*.*?\*/}{}gs; s/\n[ \t]*(?=\n)//g' styles/crosscheck.css > pkg/crosscheck.css

printf '\n%-26s %10s %10s\n' "file" "raw" "gzip"
total_raw=0
total_gzip=0
json="{"
for file in pkg/crosscheck_core_bg.wasm pkg/crosscheck_core.js pkg/crosscheck.js pkg/crosscheck.css; do
  raw=$(wc -c < "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gzip=$((total_gzip + gz))
  printf '%-26s %10d %10d\n' "${file#pkg/}" "$raw" "$gz"
  json+="\"${file#pkg/}\": {\"raw\": $raw, \"gzip\": $gz}, "
done
printf '%-26s %10d %10d   (bytes; gzip -9)\n' "total" "$total_raw" "$total_gzip"
printf 'budget: %d of %d bytes gzip (%d%%)\n' "$total_gzip" "$budget_gzip" $((total_gzip * 100 / budget_gzip))
# The data inside the wasm, each file gzipped alone (inside the wasm they compress together, so
# this is an upper bound of what each adds; the tables' comment lines are counted here, though
# build.rs leaves them out of the wasm). The stance model is native only (the CLI's), not here.
printf '\n%-26s %10s %10s\n' "in the wasm: data" "raw" "gzip"
data_raw=0
data_gzip=0
for file in src/analysis/data/*; do
  case "$file" in *stance-model.json) continue ;; esac
  raw=$(wc -c < "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  data_raw=$((data_raw + raw))
  data_gzip=$((data_gzip + gz))
  printf '%-26s %10d %10d\n' "${file#src/analysis/data/}" "$raw" "$gz"
  json+="\"data/${file#src/analysis/data/}\": {\"raw\": $raw, \"gzip\": $gz}, "
done
all_data_gzip=$(cat $(ls src/analysis/data/* | grep -v stance-model.json) | gzip -9 | wc -c)
printf '%-26s %10d %10d   (all data gzipped together: %d)\n' "data total" "$data_raw" "$data_gzip" "$all_data_gzip"
if [ "${1:-}" = "--json" ]; then
  mkdir -p target/bench
  printf '%s"total": {"raw": %d, "gzip": %d}, "budget_gzip": %d}\n' "$json" "$total_raw" "$total_gzip" \
    "$budget_gzip" > target/bench/sizes.json
fi
if [ "$total_gzip" -gt "$budget_gzip" ]; then
  echo "error: the embed is over its budget of $budget_gzip bytes gzip" >&2
  exit 1
fi
