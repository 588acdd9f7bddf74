#!/usr/bin/env bash
# Native benchmarks of crosscheck: prints figures, passes or fails nothing.
#
#   scripts/bench.sh              everything
#   scripts/bench.sh --runs 5     fewer timed runs per analysis case (passed to examples/bench.rs)
#
# 1. examples/bench.rs: analyse() on ../shared/eval/corpora/seeds.json and on corpora of the
#    first 100 and 1,000 FNC-1 bodies (time: first run, median, min, max; peak memory; claims and
#    links; the growth ratio time(1000)/time(100), goal ≤ 12×), and stance() on 2,000 FNC-1 pairs.
# 2. tests/bench_web.rs: analyse() on the same five seeds inside headless Chromium (release wasm),
#    and the ratio browser / native of the median times.
# 3. The command line: `crosscheck stance` on all 49,972 FNC-1 pairs with 1 thread and with 2,
#    wall time, pairs per second and peak memory of the process.
# Figures go to stdout as tables and to target/bench/native.json. The release profile is the
# shipped one (opt-level "z" for the wasm), so native figures are those of a size-tuned build.
# Parts whose data is missing under ../shared print "skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

SHARED=../shared
JSON=target/bench/native.json
mkdir -p target/bench

echo "==> cargo build --release (bench example and crosscheck)"
cargo build --release --example bench --bin crosscheck
echo
"${CARGO_TARGET_DIR:-target}"/release/examples/bench --json "$JSON" --shared "$SHARED" "$@"

echo
echo "== analyse(seeds) in the browser (release wasm in headless Chromium)"
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if command -v wasm-bindgen-test-runner >/dev/null && command -v chromedriver >/dev/null; then
  browser_log=target/bench/browser.log
  CHROMEDRIVER="$(command -v chromedriver)" cargo test --locked --release --target wasm32-unknown-unknown \
    --no-default-features --test bench_web -- --nocapture > "$browser_log" 2>&1 || { cat "$browser_log"; exit 1; }
  python3 - "$browser_log" "$JSON" <<'PY'
"""Reads the browser benchmark's line, prints it with the browser/native ratio, adds both to the report."""
import json
import re
import sys

log_path, json_path = sys.argv[1:]
line = next((l.strip() for l in open(log_path, encoding="utf-8") if "BENCH browser" in l), None)
if line is None:
    sys.exit(f"no BENCH line in {log_path}")
numbers = dict(re.findall(r"(first|median|min|max) ([0-9.]+) ms", line))
browser = {name: float(value) for name, value in numbers.items()}
report = json.load(open(json_path, encoding="utf-8"))
native = next((case for case in report.get("cases", []) if case.get("case") == "seeds"), {})
native_median = native.get("time_ms", {}).get("median")
print(line[line.index("BENCH"):])
if native_median:
    ratio = browser["median"] / native_median
    print(f"native median {native_median:.2f} ms; browser / native = {ratio:.2f}x")
    browser["ratio_to_native"] = ratio
report["browser_seeds_ms"] = browser
with open(json_path, "w", encoding="utf-8") as out:
    json.dump(report, out, indent=2)
    out.write("\n")
PY
else
  echo "skipped (wasm-bindgen-test-runner or chromedriver missing: run scripts/setup.sh)"
fi

echo
echo "== crosscheck stance on the FNC-1 training pairs"
if [ ! -f "$SHARED/eval/stance.py" ] || [ ! -f "$SHARED/data/fnc-1/train_stances.csv" ]; then
  echo "skipped ($SHARED/eval/stance.py or $SHARED/data/fnc-1 not found)"
  exit 0
fi
# scripts/eval-stance.sh leaves the same pairs in target/eval/fnc/; make them only if absent.
pairs=target/eval/fnc/pairs.jsonl
if [ ! -s "$pairs" ]; then
  pairs=target/bench/fnc-pairs.jsonl
  python3 "$SHARED/eval/stance.py" pairs fnc "$SHARED/data/fnc-1/train_bodies.csv" \
    "$SHARED/data/fnc-1/train_stances.csv" > "$pairs"
fi

python3 - "$pairs" "$JSON" "${CARGO_TARGET_DIR:-target}/release/crosscheck" <<'PY'
"""Times `crosscheck stance --jobs N` and adds the figures to the JSON report."""
import json
import os
import subprocess
import sys
import time

pairs_path, json_path, crosscheck = sys.argv[1:]
n_pairs = sum(1 for line in open(pairs_path, encoding="utf-8") if line.strip())
size_mib = os.path.getsize(pairs_path) / 2**20
print(f"{n_pairs} pairs ({size_mib:.0f} MiB of JSON lines), {os.cpu_count()} cores")
print(f"{'threads':<9}{'seconds':>9}{'pairs/s':>11}{'peak MiB':>10}")
rows = []
for n_jobs in (1, 2):
    # The peak is read from the child's own /proc status while it runs: getrusage would charge
    # the child with this Python's memory, which it carries through fork and exec.
    peak_kib = None
    started = time.perf_counter()
    with open(pairs_path, "rb") as pairs, open(os.devnull, "wb") as sink:
        child = subprocess.Popen([crosscheck, "stance", "--jobs", str(n_jobs), "-"],
                                 stdin=pairs, stdout=sink)
        while child.poll() is None:
            try:
                with open(f"/proc/{child.pid}/status", encoding="utf-8") as status:
                    for line in status:
                        if line.startswith("VmHWM:"):
                            peak_kib = max(peak_kib or 0, int(line.split()[1]))
            except (OSError, ValueError, IndexError):
                pass
            time.sleep(0.02)
    seconds = time.perf_counter() - started
    code = child.returncode
    if code != 0:
        print(f"crosscheck stance --jobs {n_jobs} exited {code}")
    rows.append({"threads": n_jobs, "seconds": seconds, "pairs_per_second": n_pairs / seconds,
                 "peak_rss_kib": peak_kib, "exit_code": code})
    peak = "-" if peak_kib is None else f"{peak_kib / 1024:.1f}"
    print(f"{n_jobs:<9}{seconds:>9.2f}{n_pairs / seconds:>11,.0f}{peak:>10}")
print(f"speed-up with 2 threads: {rows[0]['seconds'] / rows[1]['seconds']:.2f}× "
      "(other work on the machine takes cores too: compare on an idle machine)")

report = json.load(open(json_path, encoding="utf-8"))
report["cli_stance_fnc"] = {"n_pairs": n_pairs, "runs": rows}
with open(json_path, "w", encoding="utf-8") as out:
    json.dump(report, out, indent=2)
    out.write("\n")
print(f"\nJSON copy: {json_path}")
PY
