#!/usr/bin/env bash
# Boot benchmark: cold (empty database → healthy) and warm (applied database → healthy) boots of
# our entrypoint, each as a ratio to plain `directus bootstrap` + `directus start` measured on the
# same machine in the same run. Uses its own stack (.stack/bench). Goal: warm within 1.5×.
#   scripts/bench-boot.sh [rounds=3]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
rounds=${1:-3}

export STACK_DIR=$ROOT/.stack/bench PORT=8075 PG_PORT=55452 REDIS_PORT=56399
"$SCRIPTS_DIR/stack.sh" services >/dev/null
load_stack_env
export_db_exclude_tables
psql=(/usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qAt)
empty_extensions=$(mktemp -d)
trap 'rm -rf "$empty_extensions"; "$SCRIPTS_DIR/stack.sh" down >/dev/null' EXIT

now() { date +%s.%N; }

# Runs "$@" in the background until /server/health answers ok; prints the seconds it took.
time_to_healthy() {
  local start pid
  start=$(now)
  setsid "$@" >>"$STACK_DIR/logs/bench.log" 2>&1 &
  pid=$!
  until curl -fsS "http://127.0.0.1:$PORT/server/health" 2>/dev/null | grep -q '"status":"ok"'; do
    kill -0 "$pid" 2>/dev/null || die "boot failed; see $STACK_DIR/logs/bench.log"
    sleep 0.05
  done
  awk -v a="$(now)" -v b="$start" 'BEGIN { printf "%.3f\n", a - b }' 
  kill -TERM -- "-$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
}

plain() { directus_cli bootstrap && node22 "$(directus_cli_path)" start; }
export -f plain directus_cli directus_cli_path node22 die

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

declare -A samples
for round in $(seq "$rounds"); do
  for kind in plain ours; do
    db=bench_${kind}_$round
    "${psql[@]}" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    export DB_DATABASE=$db
    for phase in cold warm; do
      if [ "$kind" = plain ]; then
        t=$(EXTENSIONS_PATH=$empty_extensions time_to_healthy bash -c plain)
      else
        t=$(time_to_healthy "$SCRIPTS_DIR/entrypoint.sh" start)
      fi
      samples[$kind-$phase]+="$t "
      printf 'round %d %-5s %-4s %6.2f s\n' "$round" "$kind" "$phase" "$t"
    done
    "${psql[@]}" -c "DROP DATABASE $db WITH (FORCE)"
  done
done

echo
for phase in cold warm; do
  p=$(tr ' ' '\n' <<<"${samples[plain-$phase]}" | grep . | median)
  o=$(tr ' ' '\n' <<<"${samples[ours-$phase]}" | grep . | median)
  awk -v ph="$phase" -v o="$o" -v p="$p" 'BEGIN { printf "%s boot: ours %.2f s, plain Directus %.2f s, ratio %.2f×\n", ph, o, p, o / p }' 
done
echo "(medians of $rounds rounds; goal: warm ratio ≤ 1.50×)"
