#!/usr/bin/env bash
# The native stack: a private PostgreSQL + PostGIS cluster, Redis and Directus 11.17.4 with our
# extension, all under $STACK_DIR (default .stack/dev), on project ports, booted by the same
# entrypoint as the image.
#   scripts/stack.sh up       start everything (installs what is missing), print URL and login
#   scripts/stack.sh down     stop everything, keep the data
#   scripts/stack.sh reset    wipe the data, then up
#   scripts/stack.sh wipe     stop everything and delete the data (the cluster too, wherever it lives)
#   scripts/stack.sh status   what runs, where the logs are
#   scripts/stack.sh logs     follow the Directus log
#   scripts/stack.sh watch    up, then rebuild the extension on every change (Directus reloads it)
#   scripts/stack.sh exec CMD run CMD with the stack's Directus environment (DB_*, KEY, …)
#   scripts/stack.sh services PostgreSQL and Redis only (to run Directus by hand, benchmarks)
#   scripts/stack.sh seed     load Rally Albania 2026 (also part of up; SEED=0 skips it there)
# Ports (only read when the stack is first created): PORT=8055 PG_PORT=55432 REDIS_PORT=56379.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
RUN_DIR=$STACK_DIR/run
LOG_DIR=$STACK_DIR/logs

# From / : in a private checkout postgres could not enter the current folder and says so.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# As root, PostgreSQL runs as the postgres user, who must be able to enter every folder above its
# data and socket. A stack in a private folder (root's home, mktemp -d) keeps its cluster under the
# postgres user's home instead: one folder per STACK_DIR (a hash of its path), recorded as PG_DIR
# in stack.env when the stack is created, with the owning STACK_DIR written inside it.
choose_pg_dir() {
  if [ "$(id -u)" -ne 0 ] || as_postgres test -x "$STACK_DIR"; then
    printf '%s\n' "$STACK_DIR"
  else
    local home id
    home=$(getent passwd postgres | cut -d: -f6)
    id=$(printf '%s' "$STACK_DIR" | sha256sum | cut -c1-12)
    printf '%s/race-control/%s-%s\n' "$home" "$(basename "$STACK_DIR")" "$id"
  fi
}

# stack.env, then where this stack's cluster lives (stacks made before PG_DIR keep it inside).
load() {
  unset PG_DIR
  load_stack_env
  : "${PG_DIR:=$STACK_DIR}"
  PGDATA=$PG_DIR/pg
  PG_RUN=$PG_DIR/run
  PG_LOG=$PG_DIR/logs/postgres.log
}

# A cluster outside STACK_DIR must be this stack's: a copied checkout carries the same PG_DIR.
check_pg_owner() {
  [ "$PG_DIR" != "$STACK_DIR" ] || return 0
  local owner
  owner=$(cat "$PG_DIR/stack-dir" 2>/dev/null) || return 0
  [ "$owner" = "$STACK_DIR" ] || die "the PostgreSQL cluster in $PG_DIR belongs to the stack in $owner, not $STACK_DIR (was stack.env copied?). Remove $STACK_DIR/stack.env, then run scripts/stack.sh up to create this stack's own"
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

random_hex() { node22 -p "require('crypto').randomBytes($1).toString('hex')"; }

create_stack_env() {
  if [ -f "$STACK_DIR/stack.env" ]; then
    # Stacks created before the demo logins existed get their password now.
    grep -q '^DEMO_PASSWORD=' "$STACK_DIR/stack.env" || echo "DEMO_PASSWORD=$(random_hex 6)" >>"$STACK_DIR/stack.env"
    return
  fi
  mkdir -p "$STACK_DIR"
  local password pg_dir
  pg_dir=$(choose_pg_dir)
  if [ "$pg_dir" != "$STACK_DIR" ] && [ -d "$pg_dir" ]; then
    # No stack.env but a cluster: left by a stack at this path that was deleted by hand.
    log "removing the PostgreSQL cluster a deleted stack at $STACK_DIR left in $pg_dir"
    as_postgres "$PG_BIN/pg_ctl" -D "$pg_dir/pg" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
  password=$(random_hex 9)
  cat >"$STACK_DIR/stack.env" <<EOF
# Written once by scripts/stack.sh for this local stack only. Not for production.
PORT=${PORT:-8055}
PG_PORT=${PG_PORT:-55432}
REDIS_PORT=${REDIS_PORT:-56379}
KEY=$(random_hex 24)
SECRET=$(random_hex 32)
ADMIN_EMAIL=admin@example.com
ADMIN_PASSWORD=$password
PROJECT_OWNER_EMAIL=admin@example.com
DEMO_PASSWORD=$(random_hex 6)
PG_DIR=$pg_dir
EOF
  chmod 600 "$STACK_DIR/stack.env"
}

directus_pid() {
  local pid
  pid=$(cat "$RUN_DIR/directus.pid" 2>/dev/null) || return 1
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

healthy() { curl -fsS "http://127.0.0.1:$PORT/server/health" 2>/dev/null | grep -q '"status":"ok"'; }

start_postgres() {
  check_pg_owner
  if as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then return; fi
  port_busy "$PG_PORT" && die "port $PG_PORT (PostgreSQL) is taken by another program. Stop it, or create the stack with another PG_PORT (scripts/stack.sh reset with PG_PORT=...)."
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    step database "creating the PostgreSQL cluster in $PGDATA" "5 s"
    mkdir -p "$PGDATA"
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres: "$PGDATA"
      as_postgres test -w "$PGDATA" || die "the postgres user cannot reach $PGDATA (a parent folder is private to root); remove $STACK_DIR/stack.env and run scripts/stack.sh up again: a new stack keeps its cluster where postgres can reach it"
    fi
    as_postgres "$PG_BIN/initdb" -D "$PGDATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$LOG_DIR/initdb.log" 2>&1 ||
      die "initdb failed; see $LOG_DIR/initdb.log"
    step_done
  fi
  as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PG_LOG" -w -t 60 \
    -o "-p $PG_PORT -k $PG_RUN -c listen_addresses=127.0.0.1" start >/dev/null ||
    die "PostgreSQL did not start; see $PG_LOG"
}

create_database() {
  local psql=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAq)
  if [ -z "$("${psql[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'directus'")" ]; then
    "${psql[@]}" -d postgres -c 'CREATE DATABASE directus' >/dev/null
  fi
}

start_redis() {
  if redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && [ -f "$RUN_DIR/redis.pid" ]; then return; fi
  port_busy "$REDIS_PORT" && die "port $REDIS_PORT (Redis) is taken by another program. Stop it, or create the stack with another REDIS_PORT."
  mkdir -p "$STACK_DIR/redis"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$STACK_DIR/redis" --appendonly yes \
    --daemonize yes --pidfile "$RUN_DIR/redis.pid" --logfile "$LOG_DIR/redis.log" >/dev/null
  for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return; sleep 0.1; done
  die "Redis did not start; see $LOG_DIR/redis.log"
}

build_extension() {
  local ext=$ROOT/extensions/race-control
  if [ -f "$ext/dist/app.js" ] && [ -z "$(find "$ext/src" "$ext/package.json" -newer "$ext/dist/app.js" -print -quit)" ]; then return; fi
  step "extension build" "building the race-control extension" "30 s"
  (cd "$ROOT" && npm run build --silent >"$LOG_DIR/extension-build.log" 2>&1) ||
    die "extension build failed; see $LOG_DIR/extension-build.log"
  step_done
}

start_directus() {
  if directus_pid >/dev/null; then return; fi
  port_busy "$PORT" && die "port $PORT (Directus) is taken by another program. Stop it, or create the stack with another PORT."
  mkdir -p "$STACK_DIR/uploads"
  # Directus looks for npm-installed extensions in its working folder's package.json.
  [ -f "$STACK_DIR/package.json" ] || echo '{ "name": "race-control-stack", "private": true }' >"$STACK_DIR/package.json"
  # Its own session (setsid) so that `down` stops Directus and every child with one signal.
  (cd "$STACK_DIR" && exec setsid "$SCRIPTS_DIR/entrypoint.sh" start >"$LOG_DIR/directus.log" 2>&1 </dev/null) &
  echo $! >"$RUN_DIR/directus.pid"
  local fresh=warm
  [ -s "$STACK_DIR/booted" ] || fresh=first
  step "Directus boot" "$fresh boot: db-init, schema, access, start (see $LOG_DIR/directus.log)" "$([ $fresh = first ] && echo 1 min || echo 15 s)"
  local deadline=$((SECONDS + ${BOOT_TIMEOUT:-300}))
  until healthy; do
    if ! directus_pid >/dev/null; then
      tail -n 25 "$LOG_DIR/directus.log" >&2
      die "Directus stopped during boot (the [entrypoint] line above names the step); full log: $LOG_DIR/directus.log"
    fi
    [ $SECONDS -lt $deadline ] || die "Directus not healthy after ${BOOT_TIMEOUT:-300}s; see $LOG_DIR/directus.log"
    sleep 0.5
  done
  date -u +%FT%TZ >"$STACK_DIR/booted"
  step_done
}

print_login() {
  cat <<EOF
Directus is running at http://localhost:$PORT/admin
  log in as: $ADMIN_EMAIL / $ADMIN_PASSWORD
  logs:      $LOG_DIR/directus.log (scripts/stack.sh logs); stop with scripts/stack.sh down
EOF
}

services() {
  [ "${1:-}" = --no-setup ] || "$SCRIPTS_DIR/setup.sh" --runtime
  create_stack_env
  load
  mkdir -p "$RUN_DIR" "$LOG_DIR" "$PG_RUN" "${PG_LOG%/*}"
  [ "$PG_DIR" = "$STACK_DIR" ] || [ -f "$PG_DIR/stack-dir" ] || printf '%s\n' "$STACK_DIR" >"$PG_DIR/stack-dir"
  if [ "$(id -u)" -eq 0 ]; then
    touch "$PG_LOG"
    chown postgres: "$PG_RUN" "$PG_LOG"
    [ "$PG_DIR" = "$STACK_DIR" ] || chown postgres: "$PG_DIR" "${PG_DIR%/*}" "${PG_LOG%/*}"
  fi
  start_postgres
  create_database
  start_redis
}

seed() {
  create_stack_env
  load
  run_ts seed
}

up() {
  "$SCRIPTS_DIR/setup.sh" --runtime --skip-addons
  # Compiling isolated-vm (the longest step of a first run) overlaps the database and the
  # extension build; Directus loads it, so its start waits for it.
  "$SCRIPTS_DIR/setup.sh" --addons-only &
  local addons=$!
  services --no-setup
  build_extension
  wait "$addons" || die "the native addon did not build (above); Directus cannot start without it"
  start_directus
  [ "${SEED:-1}" = 0 ] || { step seed "loading Rally Albania 2026 (a second run changes nothing)" "1 min the first time"; seed && step_done; } || die "the seed failed (above); Directus keeps running: fix and run scripts/stack.sh seed"
  print_login
}

down() {
  [ -f "$STACK_DIR/stack.env" ] || { log "no stack in $STACK_DIR"; return; }
  load
  local pid
  if pid=$(directus_pid); then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$RUN_DIR/directus.pid"
  if [ -f "$RUN_DIR/redis.pid" ]; then
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    rm -f "$RUN_DIR/redis.pid"
  fi
  if [ -f "$PGDATA/PG_VERSION" ] && check_pg_owner; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
  log "stack in $STACK_DIR stopped (data kept)"
}

# down, then delete the data: STACK_DIR and, when it lives elsewhere, this stack's cluster.
wipe() {
  down >/dev/null
  if [ -f "$STACK_DIR/stack.env" ]; then
    load
    if [ "$PG_DIR" != "$STACK_DIR" ]; then check_pg_owner && rm -rf "$PG_DIR"; fi
  fi
  rm -rf "$STACK_DIR"
  log "stack in $STACK_DIR stopped, its data deleted"
}

status() {
  [ -f "$STACK_DIR/stack.env" ] || { log "no stack in $STACK_DIR (start one with scripts/stack.sh up)"; return 1; }
  load
  local pg=stopped redis=stopped directus=stopped
  as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1 && pg="running on 127.0.0.1:$PG_PORT"
  redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && redis="running on 127.0.0.1:$REDIS_PORT"
  if directus_pid >/dev/null; then directus="booting (pid $(directus_pid))"; healthy && directus="healthy at http://localhost:$PORT"; fi
  cat <<EOF
stack:      $STACK_DIR
postgres:   $pg
pg data:    $PGDATA
redis:      $redis
directus:   $directus
logs:       $LOG_DIR/{directus,redis}.log, $PG_LOG
EOF
  [ "$directus" != stopped ]
}

case "${1:-up}" in
  up) up ;;
  services) services ;;
  seed) seed ;;
  down) down ;;
  reset)
    wipe
    up
    ;;
  wipe) wipe ;;
  status) status ;;
  exec)
    shift
    [ $# -gt 0 ] || die "usage: scripts/stack.sh exec COMMAND [ARGS…]"
    load
    exec "$@"
    ;;
  logs) load; exec tail -n 100 -F "$LOG_DIR/directus.log" ;;
  watch)
    up
    log "watching extensions/race-control/src: save a file, then reload the page in the browser"
    cd "$ROOT" && exec npm run dev --workspace extensions/race-control
    ;;
  *) die "usage: scripts/stack.sh [up|down|reset|wipe|status|logs|watch|services|seed|exec CMD]" ;;
esac
