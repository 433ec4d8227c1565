#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks: OS packages (PostgreSQL 15 + PostGIS, Redis,
# Chromium for browser tests), npm packages (Directus 11.17.4 and Node 22 among them), and a
# native addon rebuilt for Node 22. Safe to run again: each step checks first.
#   scripts/setup.sh            everything
#   scripts/setup.sh --runtime  without the browser (enough to run the stack)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

packages=(postgresql-15 postgresql-15-postgis-3 redis-server)
[ "${1:-}" = --runtime ] || packages+=(chromium)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    die "missing OS packages: ${missing[*]}. Install them with:
  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
  fi
  log "setup: installing OS packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cd "$ROOT"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "setup: installing npm packages (a few minutes on a fresh machine)"
  npm ci --no-audit --no-fund --loglevel=error
fi
require_node22

# isolated-vm is compiled during install against the headers npm is configured with (the system
# Node 20 here); Directus runs on Node 22 and dies with ERR_DLOPEN_FAILED unless it is rebuilt.
if ! node22 -e "require('isolated-vm')" >/dev/null 2>&1; then
  headers=$(node22 -p "require('path').dirname(require.resolve('node-' + process.platform + '-' + process.arch + '/package.json', { paths: [require('path').resolve('node_modules/node')] }))")
  log "setup: rebuilding isolated-vm for Node 22 (about a minute)"
  npm_config_nodedir=$headers npm rebuild isolated-vm --loglevel=error >/dev/null
  node22 -e "require('isolated-vm')" || die "isolated-vm still does not load under Node 22; see docs/environment.md"
fi
log "setup: ok (Node $(node22 -v), Directus $(node22 -p "require('./node_modules/directus/package.json').version"))"
