#!/usr/bin/env bash
# Registration benchmark (scripts/bench-registration.ts): requests and time of one registration
# through our submit, through stock item requests as the registrar, and as the admin's one nested
# POST /items/entries (the baseline); then the registrar's list of 250 entries rendered in our
# module vs the stock content page with the same columns. Runs on the stack in STACK_DIR (default
# .stack/dev, started with stack.sh up) in a club of its own, so it needs no reset.
#   scripts/bench-registration.sh [rounds=10]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

export STACK_DIR=${STACK_DIR:-$ROOT/.stack/dev}
[ -f "$STACK_DIR/stack.env" ] || die "no stack in $STACK_DIR: start one with scripts/stack.sh up (or pass STACK_DIR)"
"$SCRIPTS_DIR/stack.sh" exec "$ROOT/node_modules/.bin/node" --experimental-strip-types --disable-warning=ExperimentalWarning "$SCRIPTS_DIR/bench-registration.ts" "${1:-10}"
