#!/usr/bin/env bash
# The main job: installs whatever is missing (scripts/setup.sh --serve), then serves the widget
# on the seed corpus at http://127.0.0.1:8080 with live reload. Extra arguments go to trunk.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --serve
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
exec trunk serve "$@"
