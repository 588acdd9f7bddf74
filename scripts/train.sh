#!/usr/bin/env bash
# Trains the models the analysis ships with, from the public data in ../shared, and reports
# their cross-validated figures:
#   1. the links model (examples/train.rs): which claims of different sources tell the same fact
#      and agree, from the hand-labelled pairs of ../shared/eval (news/ and the seeds' gold),
#      cross-validated by story; writes src/analysis/data/links-model.json.
#
#   scripts/train.sh             cross-validate, then write the shipped model
#   scripts/train.sh --cv-only   cross-validate only; write nothing
#
# Deterministic: the same data gives the same weights. The held-out analyses of the
# cross-validation land in target/cv/<story>.json, so ../shared/eval/score.py can check each
# figure, e.g.:
#   python3 ../shared/eval/score.py ../shared/eval/news/bale-jobs.json \
#     ../shared/eval/news/bale-jobs-gold.json target/cv/bale-jobs.json
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d ../shared/eval ]; then
  echo "train: ../shared/eval not found (the training data is read from there)" >&2
  exit 1
fi
echo "==> links model (examples/train.rs)"
cargo run --release --quiet --example train -- "$@"
