#!/usr/bin/env bash
# GPS review benchmark against a running, seeded stack (STACK_DIR, default .stack/dev; the seed's
# stage 1 is the data): track of 30k points vs the raw SQL of the same rows, bytes per point
# gzipped; suspects of one tracker and of the whole stage vs reading the same rows; tile p50/p95 at
# zooms 8–16; flag 10k points vs the bare UPDATE. Ratios come from the same run.
#   STACK_DIR=… scripts/bench-gps.sh [rounds=5]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
export STACK_DIR=${STACK_DIR:-$ROOT/.stack/dev}
"$SCRIPTS_DIR/stack.sh" exec "$ROOT/node_modules/.bin/node" --experimental-strip-types --disable-warning=ExperimentalWarning "$SCRIPTS_DIR/bench-gps.ts" "${1:-5}"
