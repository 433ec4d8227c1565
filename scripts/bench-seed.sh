#!/usr/bin/env bash
# Seed benchmark: the full seed's duration on a fresh stack, then the positions load rate as a
# ratio to a raw COPY of the same rows (scripts/bench-seed.ts). Uses its own stack (.stack/bench).
#   scripts/bench-seed.sh [rounds=2]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

export STACK_DIR=$ROOT/.stack/bench PORT=8075 PG_PORT=55452 REDIS_PORT=56399
trap '"$SCRIPTS_DIR/stack.sh" down >/dev/null' EXIT
SEED=0 "$SCRIPTS_DIR/stack.sh" reset >/dev/null
start=$(date +%s.%N)
"$SCRIPTS_DIR/stack.sh" seed | grep -E '^seed: (positions:|Rally)'
awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN { printf "seed duration on a fresh database: %.1f s\n\n", a - b }'
"$SCRIPTS_DIR/stack.sh" exec "$ROOT/node_modules/.bin/node" --experimental-strip-types --disable-warning=ExperimentalWarning "$SCRIPTS_DIR/bench-seed.ts" "${1:-2}"
