#!/usr/bin/env bash
# Scores `crosscheck stance` on the public stance data sets, fold by fold.
#
#   scripts/eval-stance.sh            all data sets found under ../shared/data
#   scripts/eval-stance.sh fnc nli    only these (fnc, emergent, nli)
#   N_FOLDS=10 scripts/eval-stance.sh
#
# For each data set it makes claim/text pairs with ../shared/eval/stance.py, answers them with
# target/release/crosscheck stance (built first), and scores the answers with `stance.py score`:
# accuracy, per-class F1, macro-F1 and, for FNC-1, the challenge's relative score.
#
# Why folds: figures must come from data that was not tuned on. The pairs are split into
# N_FOLDS folds by a stable hash of a group key, so that related pairs never straddle folds:
#   fnc       Body ID        (every headline written against one article stays together)
#   emergent  claimId        (every article headline about one claim stays together)
#   nli       premise        (the three hypotheses written for one caption stay together)
# and each fold is scored on its own. The shipped stance model was fitted on all of these pairs,
# so these figures are in-sample: the held-out figures come from the stance trainer's
# cross-validation (`cargo run --release --example train_stance -- --cv-only`), which fits each
# fold's model on the other folds. The script says so when it runs.
#
# Intermediate files go to target/eval/<set>/ (pairs, predictions, folds, scores), a summary of
# every figure to target/eval/summary.json. Without ../shared/data it prints "skipped", exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."

SHARED=../shared
DATA=$SHARED/data
STANCE_PY=$SHARED/eval/stance.py
N_FOLDS=${N_FOLDS:-5}
OUT=target/eval

if [ ! -d "$DATA" ] || [ ! -f "$STANCE_PY" ]; then
  echo "eval-stance: skipped ($DATA or $STANCE_PY not found)"
  exit 0
fi

sets=("$@")
[ ${#sets[@]} -eq 0 ] && sets=(fnc emergent nli)
for set in "${sets[@]}"; do
  case "$set" in
    fnc | emergent | nli) ;;
    *) echo "eval-stance: unknown data set '$set' (fnc, emergent, nli)" >&2; exit 2 ;;
  esac
done

echo "==> cargo build --release"
cargo build --release --bin crosscheck
# Cargo builds into $CARGO_TARGET_DIR when it is set; follow it there.
BIN=${CARGO_TARGET_DIR:-target}/release/crosscheck
mkdir -p "$OUT"
rm -f "$OUT/summary.json"

now() { date +%s.%N; }
seconds_since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$(now)"; }

echo
echo "The shipped stance model was fitted on all of these pairs: the figures below are in-sample,"
echo "the per-fold spread shows how much each depends on the sample. Held-out figures come from"
echo "cargo run --release --example train_stance -- --cv-only (each fold's model fitted on the others)."

for set in "${sets[@]}"; do
  dir=$OUT/$set
  mkdir -p "$dir"
  case "$set" in
    fnc)
      inputs=("$DATA/fnc-1/train_bodies.csv" "$DATA/fnc-1/train_stances.csv")
      groups_from=$DATA/fnc-1/train_stances.csv ;;
    emergent)
      inputs=("$DATA/emergent/train.csv")
      groups_from=$DATA/emergent/train.csv ;;
    nli)
      inputs=("$DATA/nli/snli_dev.jsonl")
      groups_from=$DATA/nli/snli_dev.jsonl ;;
  esac
  echo
  missing=0
  for input in "${inputs[@]}"; do [ -f "$input" ] || missing=1; done
  if [ $missing = 1 ]; then
    echo "== $set: skipped (${inputs[*]} not all found)"
    continue
  fi

  started=$(now)
  python3 "$STANCE_PY" pairs "$set" "${inputs[@]}" > "$dir/pairs.jsonl"
  pairs_seconds=$(seconds_since "$started")

  # Exit code 3 means some lines were skipped; stance.py never writes such lines, so any
  # non-zero code is a failure worth stopping for. Its stderr is kept for a look.
  started=$(now)
  "$BIN" stance "$dir/pairs.jsonl" > "$dir/predictions.jsonl" 2> "$dir/stance.stderr" || {
    status=$?
    echo "eval-stance: crosscheck stance failed on $set (exit $status):" >&2
    head -20 "$dir/stance.stderr" >&2
    exit 1
  }
  stance_seconds=$(seconds_since "$started")

  python3 - "$set" "$dir" "$groups_from" "$N_FOLDS" "$STANCE_PY" "$pairs_seconds" "$stance_seconds" <<'PY'
"""Splits one data set's pairs and predictions into folds, scores each with stance.py, prints a table."""
import csv
import hashlib
import json
import statistics
import subprocess
import sys

kind, folder, groups_from, n_folds, stance_py, pairs_seconds, stance_seconds = sys.argv[1:]
n_folds = int(n_folds)
csv.field_size_limit(1 << 28)

# The group key of pair i, read from the data file in the order stance.py numbers the pairs.
if kind == "fnc":
    keys = {i: row["Body ID"] for i, row in enumerate(csv.DictReader(open(groups_from, encoding="utf-8")))}
    key_name = "Body ID"
elif kind == "emergent":
    keys = {i: row["claimId"] for i, row in enumerate(csv.DictReader(open(groups_from, encoding="utf-8")))}
    key_name = "claimId"
else:
    keys = {i: json.loads(line)["premise"] for i, line in enumerate(open(groups_from, encoding="utf-8"))}
    key_name = "premise"


def fold_of(key):
    # A cryptographic hash only for stability: Python's hash() changes from run to run.
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") % n_folds


pairs = [json.loads(line) for line in open(f"{folder}/pairs.jsonl", encoding="utf-8")]
predictions = {}
for line in open(f"{folder}/predictions.jsonl", encoding="utf-8"):
    if line.strip():
        answer = json.loads(line)
        predictions[answer["id"]] = line
fold_pairs = [[] for _ in range(n_folds)]
for pair in pairs:
    fold_pairs[fold_of(keys[pair["id"]])].append(pair)

scores = []
for fold, members in enumerate(fold_pairs):
    pairs_path = f"{folder}/fold{fold + 1}.pairs.jsonl"
    predictions_path = f"{folder}/fold{fold + 1}.predictions.jsonl"
    with open(pairs_path, "w", encoding="utf-8") as out:
        for pair in members:
            out.write(json.dumps(pair) + "\n")
    with open(predictions_path, "w", encoding="utf-8") as out:
        for pair in members:
            if pair["id"] in predictions:
                out.write(predictions[pair["id"]])
    result = subprocess.run([sys.executable, stance_py, "score", kind, pairs_path, predictions_path, "--json"],
                            check=True, capture_output=True, text=True)
    scores.append(json.loads(result.stdout))
whole = subprocess.run([sys.executable, stance_py, "score", kind, f"{folder}/pairs.jsonl", f"{folder}/predictions.jsonl", "--json"],
                       check=True, capture_output=True, text=True)
whole = json.loads(whole.stdout)

labels = sorted({label for score in scores for label in score["f1"]})
columns = [("accuracy", lambda s: s["accuracy"]), ("macro-F1", lambda s: s["macro_f1"])]
columns += [(f"F1 {label}", lambda s, label=label: s["f1"].get(label, float("nan"))) for label in labels]
if kind == "fnc":
    columns.append(("FNC rel", lambda s: s["fnc_relative"]))

n_pairs = len(pairs)
n_missing = sum(score["missing"] for score in scores)
rate = n_pairs / float(stance_seconds) if float(stance_seconds) > 0 else float("inf")
print(f"== {kind}: {n_pairs} pairs, {len(set(keys[p['id']] for p in pairs))} groups by {key_name}, {n_folds} folds")
print(f"   wall time: pairs made in {float(pairs_seconds):.2f} s; crosscheck stance answered them in {float(stance_seconds):.2f} s ({rate:,.0f} pairs/s)")
if n_missing:
    print(f"   WARNING: {n_missing} pairs have no answer (scored as wrong)")
header = f"   {'fold':<8}{'n':>7}" + "".join(f"{name:>16}" for name, _ in columns)
print(header)
for fold, score in enumerate(scores):
    print(f"   {fold + 1:<8}{score['n']:>7}" + "".join(f"{get(score):>16.4f}" for _, get in columns))
means = [statistics.mean(get(score) for score in scores) for _, get in columns]
spreads = [statistics.stdev(get(score) for score in scores) if n_folds > 1 else 0.0 for _, get in columns]
lows = [min(get(score) for score in scores) for _, get in columns]
highs = [max(get(score) for score in scores) for _, get in columns]
print(f"   {'mean':<8}{'':>7}" + "".join(f"{value:>16.4f}" for value in means))
print(f"   {'sd':<8}{'':>7}" + "".join(f"{value:>16.4f}" for value in spreads))
print(f"   {'min–max':<8}{'':>7}" + "".join(f"{f'{low:.3f}–{high:.3f}':>16}" for low, high in zip(lows, highs)))
stances = {}
for line in predictions.values():
    stance = json.loads(line)["stance"]
    stances[stance] = stances.get(stance, 0) + 1
print(f"   answers: {', '.join(f'{name} {count}' for name, count in sorted(stances.items()))}")

summary_path = "target/eval/summary.json"
try:
    summary = json.load(open(summary_path, encoding="utf-8"))
except (OSError, ValueError):
    summary = {}
summary[kind] = {
    "n_pairs": n_pairs, "n_folds": n_folds, "fold_key": key_name,
    "pairs_seconds": float(pairs_seconds), "stance_seconds": float(stance_seconds),
    "folds": scores, "all_pairs": whole,
    "mean": {name: value for (name, _), value in zip(columns, means)},
    "sd": {name: value for (name, _), value in zip(columns, spreads)},
    "note": "rule-based stance with no fitted parameters: every fold is held out, nothing is trained on the others",
}
with open(summary_path, "w", encoding="utf-8") as out:
    json.dump(summary, out, indent=2)
    out.write("\n")
PY
done

echo
echo "Files: $OUT/<set>/ (pairs, predictions, folds), summary: $OUT/summary.json"
