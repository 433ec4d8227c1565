#!/usr/bin/env bash
# First-run benchmark (see scripts/bench-first-run.ts): fresh clones of the baseline (BASELINE,
# default main) and of REV (default HEAD, committed work only), `stack.sh up` in each, seconds by step.
#   scripts/bench-first-run.sh [REV]     PORT=8090 PG_PORT=55490 REDIS_PORT=56490 by default
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
run_ts bench-first-run "$@"
