# Shared shell helpers for the project's scripts. Source it; do not run it.
# Why one place: every script must find the same Node 22, the same Directus CLI and the same
# environment, on a developer's machine and inside the image alike.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export ROOT
SCRIPTS_DIR=$ROOT/scripts
# Project tools first (Node 22, vitest, eslint…); the folder does not exist in the image.
PATH=$ROOT/node_modules/.bin:$PATH

log() { printf '%s\n' "$*"; }

# A long step announces itself with its expected time, then says how long it took; the first-run
# benchmark (scripts/bench-first-run.sh) splits a run by these lines. Usage: step NAME WHAT ABOUT;
# step_done.
step() {
  STEP_NAME=$1 STEP_START=$SECONDS
  printf -- '--> %s: %s (about %s on an idle machine)\n' "$1" "$2" "$3"
}
step_done() { printf -- '    %s done in %ss\n' "$STEP_NAME" "$((SECONDS - STEP_START))"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Node 22: the npm package `node@22` in node_modules natively, the image's own node in Docker.
node22() {
  local bin=${NODE_BIN:-}
  if [ -z "$bin" ]; then
    if [ -x "$ROOT/node_modules/.bin/node" ]; then bin=$ROOT/node_modules/.bin/node; else bin=node; fi
  fi
  "$bin" "$@"
}

require_node22() {
  local v
  v=$(node22 -p 'process.versions.node.split(".")[0]' 2>/dev/null) || v=none
  [ "$v" = 22 ] || die "Node 22 is needed (found: $v). Run scripts/setup.sh to install it into node_modules."
}

# The Directus CLI: /directus/cli.js in the official image. Natively we call the API's CLI entry
# directly: `directus/cli.js` first asks the npm registry for a newer version (up to 8 s, network)
# on every call, which the boot and the tests must not depend on.
directus_cli_path() {
  local cli=${DIRECTUS_CLI:-}
  if [ -z "$cli" ]; then
    if [ -f /directus/cli.js ]; then cli=/directus/cli.js; else cli=$ROOT/node_modules/@directus/api/dist/cli/run.js; fi
  fi
  printf '%s\n' "$cli"
}

directus_cli() {
  local cli
  cli=$(directus_cli_path)
  [ -f "$cli" ] || die "Directus CLI not found at $cli. Run scripts/setup.sh (or set DIRECTUS_CLI)."
  node22 "$cli" "$@"
}

# Our TypeScript scripts: bundled .mjs in the image (no TypeScript there), the .ts source natively,
# run by Node 22's type stripping.
run_ts() {
  local name=$1; shift
  if [ -f "$SCRIPTS_DIR/dist/$name.mjs" ]; then
    node22 "$SCRIPTS_DIR/dist/$name.mjs" "$@"
  else
    node22 --experimental-strip-types --disable-warning=ExperimentalWarning "$SCRIPTS_DIR/$name.ts" "$@"
  fi
}

# Tables that db-init owns: Directus must never register, snapshot or drop them.
db_init_owned_tables() {
  local dir=${DB_INIT_DIR:-$ROOT/db-init}
  grep -vE '^\s*(#|$)' "$dir/owned-tables.txt" | paste -sd, -
}

# DB_EXCLUDE_TABLES keeps Directus's hands off db-init tables (and PostGIS's own).
export_db_exclude_tables() {
  local owned
  owned=$(db_init_owned_tables)
  export DB_EXCLUDE_TABLES="spatial_ref_sys,sysdiagrams,geography_columns,geometry_columns,$owned${DB_EXCLUDE_TABLES_EXTRA:+,$DB_EXCLUDE_TABLES_EXTRA}"
}

# The native stack's Directus environment. stack.env (written once by `stack.sh up`) keeps what
# must persist: ports, KEY/SECRET, the admin login. The rest derives from the checkout.
# Absolute: PostgreSQL runs as its own user from another folder and would miss a relative path.
STACK_DIR=${STACK_DIR:-$ROOT/.stack/dev}
case $STACK_DIR in /*) ;; *) STACK_DIR=$PWD/$STACK_DIR ;; esac
load_stack_env() {
  local file=$STACK_DIR/stack.env
  [ -f "$file" ] || die "no native stack in $STACK_DIR: start one with scripts/stack.sh up (or set DB_HOST and the other DB_* variables)"
  set -a
  # shellcheck source=/dev/null
  source "$file"
  set +a
  export DB_CLIENT=pg DB_HOST=127.0.0.1 DB_PORT=$PG_PORT DB_DATABASE=${DB_DATABASE:-directus} DB_USER=postgres
  export REDIS=redis://127.0.0.1:$REDIS_PORT
  export PUBLIC_URL=http://localhost:$PORT
  export EXTENSIONS_PATH=$ROOT/extensions EXTENSIONS_AUTO_RELOAD=${EXTENSIONS_AUTO_RELOAD:-true}
  export STORAGE_LOCAL_ROOT=$STACK_DIR/uploads
  export TELEMETRY=false NODE_ENV=${NODE_ENV:-development}
}
