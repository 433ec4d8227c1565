#!/usr/bin/env bash
# Applies db-init SQL for one phase (pre-schema | post-schema); see scripts/db-init.ts.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
[ $# -eq 1 ] || die "usage: scripts/apply-db-init.sh <pre-schema|post-schema>"
run_ts db-init "$1"
