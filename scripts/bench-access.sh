#!/usr/bin/env bash
# Access benchmark: the read latency of a registrar's entry list (250 entries with vehicle, class
# and crew) as a marshal, a registrar and an administrator, as ratios to the administrator's: the
# cost of the tenant filters. Uses its own fresh stack (.stack/bench) without the seed.
#   scripts/bench-access.sh [rounds=40]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

export STACK_DIR=$ROOT/.stack/bench PORT=8075 PG_PORT=55452 REDIS_PORT=56399
trap '[ -n "${KEEP_STACK:-}" ] || "$SCRIPTS_DIR/stack.sh" down >/dev/null' EXIT
SEED=0 "$SCRIPTS_DIR/stack.sh" reset >/dev/null
"$SCRIPTS_DIR/stack.sh" exec "$ROOT/node_modules/.bin/node" --experimental-strip-types --disable-warning=ExperimentalWarning "$SCRIPTS_DIR/bench-access.ts" "${1:-40}"
