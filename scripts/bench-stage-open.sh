#!/usr/bin/env bash
# Stage-open benchmark: opening a stage of 250 entries × 4 segments (the PATCH that sets status
# open: the stages hook computes the start order and writes 1,000 start rows and the closing
# times), as a ratio to one bulk INSERT of the same 1,000 rows with SQL, measured in the same run.
# Uses its own fresh stack (.stack/bench, as bench:access) without the seed; pass PORT, PG_PORT and
# REDIS_PORT to keep clear of other stacks on this machine.
#   scripts/bench-stage-open.sh [rounds=15]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

export STACK_DIR=${STACK_DIR:-$ROOT/.stack/bench} PORT=${PORT:-8075} PG_PORT=${PG_PORT:-55452} REDIS_PORT=${REDIS_PORT:-56399}
trap '[ -n "${KEEP_STACK:-}" ] || "$SCRIPTS_DIR/stack.sh" down >/dev/null' EXIT
SEED=0 "$SCRIPTS_DIR/stack.sh" reset >/dev/null
"$SCRIPTS_DIR/stack.sh" exec "$ROOT/node_modules/.bin/node" --experimental-strip-types --disable-warning=ExperimentalWarning "$SCRIPTS_DIR/bench-stage-open.ts" "${1:-15}"
