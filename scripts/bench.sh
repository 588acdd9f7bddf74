#!/usr/bin/env bash
# Native benchmarks of crosscheck: prints figures, passes or fails nothing.
#
#   scripts/bench.sh              everything
#   scripts/bench.sh --runs 5     fewer timed runs per analysis case (passed to examples/bench.rs)
#
# 1. examples/bench.rs: analyse() on ../shared/eval/corpora/seeds.json and on corpora of the
#    first 100 and 1,000 FNC-1 bodies (time: first run, median, min, max; peak memory; claims and
#    links; the growth ratio time(1000)/time(100), goal ≤ 12×, from the two cases' medians and
#    from rounds that run both side by side in one process), and stance() on 2,000 FNC-1 pairs;
#    then its analysis cases again built with the wasm's profile (the growth of the code the
#    browser runs: a faster build shrinks the small case's work more than the big one's).
# 2. tests/bench_web.rs: analyse() on the same five seeds inside headless Chromium (release wasm),
#    and the ratio browser / native of the median times.
# 3. A big story: `crosscheck analyze` on the first 1,000 FNC-1 bodies, side by side with the
#    build of commit a875c01 (the reference of issue 10; built once in target/bench/a875c01),
#    median wall time of five alternating rounds and peak memory; then the same corpus in the embed in
#    headless Chromium (tests/bench/big.mjs: first text on screen, the worker's analysis, the
#    longest main-thread task), and its ratio to native. BASELINE=none skips the reference.
# 4. The command line: `crosscheck stance` on all 49,972 FNC-1 pairs with 1 thread and with 2,
#    wall time, pairs per second and peak memory of the process.
# Figures go to stdout as tables and to target/bench/native.json. Native builds use the release
# profile (opt-level 2, for speed); the wasm uses the web profile (opt-level "z", for size). The
# big story is also timed with our CLI built with the web profile ("ours-z"), as a875c01 built
# its CLI with "z": that ratio is the algorithms' alone, the other adds the compiler's speed.
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
echo "== the same, built with the wasm's profile (web: opt-level z), for the growth at that profile"
cargo build --profile web --example bench 2>&1 | tail -1
"${CARGO_TARGET_DIR:-target}"/web/examples/bench --analysis-only --json target/bench/native-web.json --shared "$SHARED" "$@" |
  grep -E '^(case|seeds|fnc-|growth)'

echo
echo "== analyse(seeds) in the browser (release wasm in headless Chromium)"
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if command -v wasm-bindgen-test-runner >/dev/null && command -v chromedriver >/dev/null; then
  browser_log=target/bench/browser.log
  CHROMEDRIVER="$(command -v chromedriver)" cargo test --locked --profile web --target wasm32-unknown-unknown \
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
echo "== a big story: analyze 1,000 FNC-1 articles, natively (against a875c01) and in the browser's worker"
BODIES=$SHARED/data/fnc-1/train_bodies.csv
if [ ! -f "$BODIES" ]; then
  echo "skipped ($BODIES not found)"
else
  BIG=target/bench/fnc-1000.json
  python3 - "$BODIES" "$BIG" <<'PY'
"""The first 1,000 FNC-1 bodies in Body ID order as a corpus file (as examples/bench.rs builds it)."""
import csv, json, sys
bodies, out = sys.argv[1:]
rows = [r for r in list(csv.reader(open(bodies, encoding="utf-8")))[1:] if len(r) == 2 and r[1].strip()]
rows.sort(key=lambda r: int(r[0]))
sources = [{"id": r[0], "name": f"FNC-1 body {r[0]}", "kind": "article", "published": "2025-08-20", "text": r[1]}
           for r in rows[:1000]]
json.dump({"version": 1, "title": "1,000 FNC-1 articles", "sources": sources}, open(out, "w", encoding="utf-8"))
PY
  BASELINE=${BASELINE:-a875c01}
  baseline_cli=""
  if [ "$BASELINE" != none ] && git cat-file -e "$BASELINE^{commit}" 2>/dev/null; then
    dir=target/bench/$BASELINE
    [ -d "$dir" ] || git worktree add --detach "$dir" "$BASELINE" >/dev/null
    echo "==> building $BASELINE in $dir"
    (cd "$dir" && cargo build --release --bin crosscheck 2>&1 | tail -1)
    baseline_cli=$dir/target/release/crosscheck
  fi
  echo "==> building our CLI with the web profile (opt-level z, as the wasm)"
  cargo build --profile web --bin crosscheck 2>&1 | tail -1
  python3 - "$BIG" "$JSON" "${CARGO_TARGET_DIR:-target}/release/crosscheck" "${CARGO_TARGET_DIR:-target}/web/crosscheck" \
    "$baseline_cli" "$BASELINE" <<'PY'
"""Times `crosscheck analyze` on the big corpus, ours (both profiles) and the baseline's, alternating runs."""
import json, os, statistics, subprocess, sys, time
corpus, json_path, ours, ours_z, baseline, baseline_name = sys.argv[1:]
def run(cli):
    peak = 0
    started = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        child = subprocess.Popen([cli, "analyze", "--compact", corpus], stdout=sink, stderr=subprocess.DEVNULL)
        while child.poll() is None:
            try:
                for line in open(f"/proc/{child.pid}/status", encoding="utf-8"):
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]))
            except (OSError, ValueError):
                pass
            time.sleep(0.01)
    return time.perf_counter() - started, peak / 1024
clis = [("ours", ours), ("ours-z", ours_z)] + ([(baseline_name, baseline)] if baseline else [])
times = {name: [] for name, _ in clis}
peaks = {name: [] for name, _ in clis}
# Five rounds: on a shared machine three left the ratio to the baseline moving by a tenth.
for _ in range(5):
    for name, cli in clis:
        seconds, peak = run(cli)
        times[name].append(seconds)
        peaks[name].append(peak)
result = {}
for name, _ in clis:
    median = statistics.median(times[name])
    result[name] = {"median_s": median, "runs_s": times[name], "peak_mib": max(peaks[name])}
    print(f"{name:<10} median {median:6.2f} s  (runs {', '.join(f'{t:.2f}' for t in times[name])})  peak {max(peaks[name]):.0f} MiB")
if baseline:
    ratio = result["ours"]["median_s"] / result[baseline_name]["median_s"]
    ratio_z = result["ours-z"]["median_s"] / result[baseline_name]["median_s"]
    result["ratio_to_baseline"] = ratio
    result["ratio_to_baseline_same_profile"] = ratio_z
    print(f"ours / {baseline_name} = {ratio:.2f} (goal of issue 10: at most 0.40); "
          f"with the same opt-level z: {ratio_z:.2f}")
report = json.load(open(json_path, encoding="utf-8"))
report["big_native"] = result
json.dump(report, open(json_path, "w", encoding="utf-8"), indent=2)
PY
  if [ -f pkg/crosscheck.js ] && [ -d node_modules/playwright-core ]; then
    node tests/bench/big.mjs "$BIG" 3 | tee target/bench/big-browser.log
    python3 - target/bench/big-browser.log "$JSON" <<'PY'
import json, sys
log, json_path = sys.argv[1:]
line = next(l for l in open(log, encoding="utf-8") if l.startswith("BENCH-BIG "))
browser = json.loads(line[len("BENCH-BIG "):])["median"]
report = json.load(open(json_path, encoding="utf-8"))
native = report.get("big_native", {}).get("ours", {}).get("median_s")
native_z = report.get("big_native", {}).get("ours-z", {}).get("median_s")
if native:
    browser["worker_to_native"] = browser["analysis_ms"] / 1000 / native
    print(f"worker analysis / native analyze = {browser['worker_to_native']:.2f} (goal: at most 1.3)")
if native_z:
    browser["worker_to_native_same_profile"] = browser["analysis_ms"] / 1000 / native_z
    print(f"worker analysis / native analyze with the same opt-level z = {browser['worker_to_native_same_profile']:.2f}")
report["big_browser"] = browser
json.dump(report, open(json_path, "w", encoding="utf-8"), indent=2)
PY
  else
    echo "browser part skipped (run scripts/build-pkg.sh and scripts/setup.sh first)"
  fi
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
