#!/usr/bin/env bash
# `npm run demo`: set up what a fresh machine lacks, then run Silkroute offline (scripts/demo.ts).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
# setup.sh may have started a private PostgreSQL for tests; stop it with the demo.
trap 'eval "${PG_STOP:-true}" >/dev/null 2>&1 || true' EXIT
npx tsx scripts/demo.ts "$@"
