#!/usr/bin/env bash
# npm run schema:snapshot | schema:diff | schema:apply  (see scripts/schema.ts)
# Without DB_* in the environment it targets the native dev stack (.stack/dev).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
[ -n "${DB_HOST:-}${DB_CONNECTION_STRING:-}" ] || load_stack_env
export_db_exclude_tables
DIRECTUS_CLI=$(directus_cli_path)
export DIRECTUS_CLI
run_ts schema "$@"
