#!/usr/bin/env bash
# npm run access:capture | access:apply  (see scripts/access.ts and scripts/settings.ts)
# Capture writes the database's roles, policies, permissions and settings into config/; apply is
# what every boot does. Without DB_* in the environment it targets the native dev stack (.stack/dev).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
[ $# -eq 1 ] && { [ "$1" = capture ] || [ "$1" = apply ]; } || die "usage: scripts/access.sh capture|apply"
[ -n "${DB_HOST:-}${DB_CONNECTION_STRING:-}" ] || load_stack_env
run_ts settings "$1"
run_ts access "$1"
[ "$1" = apply ] && echo "access: a Directus that is running keeps its own copy of the permissions: restart it (scripts/stack.sh down && scripts/stack.sh up)"
exit 0
