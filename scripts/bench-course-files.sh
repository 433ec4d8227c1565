#!/usr/bin/env bash
# Course-files benchmark, ratios measured in the same run:
#  1. headless Chromium: a GPX of 100k track points (10 MB) parsed and simplified by our Web Worker,
#     beside DOMParser + @tmcw/togeojson on the same file, and the longest the page's main thread
#     was blocked while the worker parsed;
#  2. the import save of a whole stage (routes of 20k vertices, 50 waypoints, 10 zones) through
#     POST /race-control/stages/:id/course-files/import, as a ratio to one SQL INSERT per row.
# With STACK_DIR set it uses that running stack; otherwise a fresh one in .stack/bench (no seed).
#   scripts/bench-course-files.sh [rounds=3]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

if [ -z "${STACK_DIR:-}" ]; then
  export STACK_DIR=$ROOT/.stack/bench PORT=${PORT:-8075} PG_PORT=${PG_PORT:-55452} REDIS_PORT=${REDIS_PORT:-56399}
  trap '[ -n "${KEEP_STACK:-}" ] || "$SCRIPTS_DIR/stack.sh" down >/dev/null' EXIT
  SEED=0 "$SCRIPTS_DIR/stack.sh" reset >/dev/null
fi
"$SCRIPTS_DIR/stack.sh" exec "$ROOT/node_modules/.bin/node" --experimental-strip-types --disable-warning=ExperimentalWarning "$SCRIPTS_DIR/bench-course-files.ts" "${1:-3}"
