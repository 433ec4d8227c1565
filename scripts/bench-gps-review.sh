#!/usr/bin/env bash
# GPS review benchmark (scripts/bench-gps-review.ts) against a running, seeded stack:
#   STACK_DIR=.stack/dev scripts/bench-gps-review.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
"$ROOT/node_modules/.bin/node" --experimental-strip-types --disable-warning=ExperimentalWarning "$SCRIPTS_DIR/bench-gps-review.ts"
