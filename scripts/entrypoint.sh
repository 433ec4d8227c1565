#!/usr/bin/env bash
# Boot pipeline, the same in the image and in the native stack:
#   pre-schema db-init → directus bootstrap → schema apply → post-schema db-init → settings → access → start
# Why this order: schema apply needs Directus's system tables; post-schema SQL targets tables that
# schema apply creates; settings name our modules and users; access (roles, policies, permissions)
# names collections and fields the schema made, and comes before start so that no request is ever
# served without it. The first failing step stops the boot,
# named in the last line, with a non-zero exit.
#   entrypoint.sh          all steps, then Directus in the foreground
#   entrypoint.sh prepare  all steps but start (CI, tests, benchmarks)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

mode=${1:-start}
case "$mode" in start | prepare) ;; *) die "usage: entrypoint.sh [start|prepare]" ;; esac

[ -n "${KEY:-}" ] && [ -n "${SECRET:-}" ] || die "KEY and SECRET must be set (long random strings; see .env.example). The native stack generates them in its stack.env."
export_db_exclude_tables
# Ties the schema step's record to this boot (scripts/lib/schema-state.ts).
BOOT_ID=$(date +%s%N)-$$
export BOOT_ID

# Access rules read lists through $CURRENT_USER (config/access, docs/decisions.md):
# - Directus cuts nested lists at QUERY_LIMIT_DEFAULT (100 by default), which would silently take
#   rights away from a club's 101st entry;
# - it resolves those lists about 17 times per request and caches them only with CACHE_ENABLED.
#   Responses themselves are never cached (CACHE_VALUE_MAX_SIZE=0: other services write the same
#   tables); every write through Directus drops the cache (CACHE_AUTO_PURGE), CACHE_TTL bounds it.
export QUERY_LIMIT_DEFAULT=${QUERY_LIMIT_DEFAULT:--1}
export CACHE_ENABLED=${CACHE_ENABLED:-true} CACHE_AUTO_PURGE=${CACHE_AUTO_PURGE:-true} \
  CACHE_TTL=${CACHE_TTL:-30s} CACHE_VALUE_MAX_SIZE=${CACHE_VALUE_MAX_SIZE:-0}
if [ -z "${CACHE_STORE:-}" ]; then
  if [ -n "${REDIS:-}${REDIS_HOST:-}" ]; then CACHE_STORE=redis; else CACHE_STORE=memory; fi
  export CACHE_STORE
fi

steps=(db-init-pre-schema bootstrap schema-apply db-init-post-schema settings access start)
[ "$mode" = prepare ] && unset 'steps[-1]'  # start
total=${#steps[@]}
current=

on_exit() {
  local status=$?
  [ "$status" -eq 0 ] || echo "[entrypoint] FAILED at step ${current:-0/$total setup} (exit $status); the boot stops here" >&2
}
trap on_exit EXIT

# ENTRYPOINT_FAIL_STEP=<name> makes that step fail: the tests prove every step's failure stops the boot.
maybe_inject_failure() {
  if [ "${ENTRYPOINT_FAIL_STEP:-}" = "$1" ]; then echo "[entrypoint] injected failure in $1" >&2; return 1; fi
}

start_directus() {
  if command -v pm2-runtime >/dev/null 2>&1 && [ -f /directus/ecosystem.config.cjs ]; then
    # The official image's own process manager and configuration.
    pm2-runtime start /directus/ecosystem.config.cjs &
  else
    directus_cli start &
  fi
  local child=$!
  # Forward stop signals so `docker stop` and `stack.sh down` end Directus cleanly.
  trap 'kill -TERM $child 2>/dev/null; wait $child; exit 0' TERM INT
  wait "$child"
}

run_step() {
  case "$1" in
    db-init-pre-schema) "$SCRIPTS_DIR/apply-db-init.sh" pre-schema ;;
    bootstrap) directus_cli bootstrap ;;
    schema-apply) "$SCRIPTS_DIR/schema.sh" apply ;;
    db-init-post-schema) "$SCRIPTS_DIR/apply-db-init.sh" post-schema && "$SCRIPTS_DIR/schema.sh" record ;;
    settings) run_ts settings apply ;;
    access) run_ts access apply ;;
    start) start_directus ;;
  esac
}

k=0
for step in "${steps[@]}"; do
  k=$((k + 1))
  current="$k/$total $step"
  echo "[entrypoint] $current"
  maybe_inject_failure "$step"
  run_step "$step"
done
[ "$mode" = prepare ] && echo "[entrypoint] prepared: every step before start succeeded"
