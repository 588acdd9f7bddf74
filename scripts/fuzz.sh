#!/usr/bin/env bash
# Runs every fuzz target (fuzz/fuzz_targets/) for N executions each, default 1,000,000:
#
#   scripts/fuzz.sh [N] [TARGET...]       # e.g. scripts/fuzz.sh 100000 analyse stance
#
# Seeds come from ../shared (eval corpora, news stories, the seed reports) and the embedded seed
# reports, cut to the size each target reads (scripts/fuzz-seeds.py writes them into
# fuzz/seeds/TARGET); what the fuzzer finds on top goes to fuzz/corpus/TARGET. An input that
# breaks an invariant stops its target and lands in fuzz/artifacts/TARGET/: copy it into
# tests/fuzz-regressions/TARGET/ once fixed, and `cargo test` replays it from then on.
# Each target's log is in target/fuzz-logs/TARGET.log; a summary line per target (executions,
# seconds, coverage) is printed at the end. Needs nightly Rust and cargo-fuzz (installed here
# from crates.io when missing). Runs niced: the machine may be shared.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-1000000}"
shift || true
all_targets=(corpus_json txt_sources widget_options analyse stance dates_numbers)
targets=("${@:-${all_targets[@]}}")
export PATH="$HOME/.cargo/bin:$PATH"

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "scripts/fuzz.sh: cargo-fuzz needs nightly Rust: rustup toolchain install nightly" >&2
  exit 1
fi

# The longest input each target is given, in bytes. analyse runs the whole analysis twice per
# input (sources in two orders) at about 600 inputs a second on a shared 2-core machine, so it
# reads the least, to reach a million executions in half an hour; stance compares every
# sentence of its text at about the same speed, so it reads as little.
max_len() {
  case "$1" in
    corpus_json) echo 8192 ;;
    txt_sources) echo 4096 ;;
    widget_options) echo 512 ;;
    analyse) echo 256 ;;
    stance) echo 256 ;;
    dates_numbers) echo 512 ;;
  esac
}

python3 scripts/fuzz-seeds.py fuzz/seeds
mkdir -p target/fuzz-logs
summary=()
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  log="target/fuzz-logs/$target.log"
  echo "==> $target: $runs runs (max_len $(max_len "$target"))"
  status=0
  # No sanitizer: the code is safe Rust, whose own checks (bounds, and overflow with debug
  # assertions on) panic where AddressSanitizer would report, at twice the speed.
  nice -n 15 cargo +nightly fuzz run --release --debug-assertions --sanitizer none "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
    -runs="$runs" -max_len="$(max_len "$target")" -seed=1 -print_final_stats=1 -timeout=30 -rss_limit_mb=2048 \
    >"$log" 2>&1 || status=$?
  executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  seconds=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' || echo "?")
  coverage=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 || echo "cov: ?")
  if [ "$status" -ne 0 ]; then
    summary+=("$target: FAILED after ${executions} executions (exit $status); see $log and fuzz/artifacts/$target/")
  else
    summary+=("$target: ${executions} executions in ${seconds} s, ${coverage}, no crash, no invariant broken")
  fi
  echo "${summary[-1]}"
done
echo
printf '%s\n' "${summary[@]}"
if printf '%s\n' "${summary[@]}" | grep -q FAILED; then
  exit 1
fi
