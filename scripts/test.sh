#!/usr/bin/env bash
# The test command (README, CI): every vitest test on SQLite and again on PostgreSQL, then the browser tests.
# Prints one closing "N passed, N failed" line and exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
set +e
mkdir -p .data
passed=0; failed=0; rc=0

count() { # adds a vitest JSON report's totals
  # A file that fails to load has no failed test but a failed suite; count it, and a missing report, as failures.
  read -r p f < <(node -e 'const r=require(require("path").resolve(process.argv[1]));console.log(r.numPassedTests, r.numFailedTests || r.numFailedTestSuites)' "$1" 2>/dev/null || echo "0 1")
  passed=$((passed + p)); failed=$((failed + f))
}

echo "== vitest on SQLite"
DATABASE_URL= npx vitest run --reporter=default --reporter=json --outputFile=.data/vitest-sqlite.json "$@" || rc=1
count .data/vitest-sqlite.json

echo "== vitest on PostgreSQL ($TEST_POSTGRES_URL)"
DATABASE_URL="$TEST_POSTGRES_URL" npx vitest run --reporter=default --reporter=json --outputFile=.data/vitest-postgresql.json "$@" || rc=1
count .data/vitest-postgresql.json

if [ -f scripts/e2e/run.ts ] && [ $# -eq 0 ]; then
  echo "== browser end-to-end tests"
  npx tsx scripts/e2e/run.ts > .data/e2e.out 2>&1; e2e_rc=$?
  cat .data/e2e.out
  read -r p f < <(grep -Eo '^e2e: [0-9]+ passed, [0-9]+ failed' .data/e2e.out | tail -1 | awk '{print $2, $4}')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-1}))
  [ $e2e_rc -eq 0 ] || rc=1
fi

if [ $# -eq 0 ]; then
  # Exactly-once under faults (ADR 0600): 200 orders, 10 % webhooks twice, 20 % supplier failures, workers killed.
  echo "== reliability smoke (200 orders, injected faults, workers killed)"
  DATABASE_URL="${TEST_POSTGRES_URL%/*}/silkroute_reliability_ci" npx tsx scripts/bench/fulfillment-reliability.ts --orders 200 --timeout-s 900 \
    > .data/reliability.out 2> .data/reliability.err; rel_rc=$?
  grep -E '"(orders|fulfilled|flagged|lost|duplicateSupplierOrders|duplicateFulfillments|duplicateEvents|workersKilled|settledSeconds)"' .data/reliability.out | tr -d ' ,' | paste -sd' ' -
  if [ $rel_rc -eq 0 ]; then passed=$((passed + 1)); echo "reliability smoke: passed"; else failed=$((failed + 1)); rc=1; echo "reliability smoke: FAILED"; tail -c 2000 .data/reliability.err; fi
fi

eval "${PG_STOP:-true}" >/dev/null 2>&1 || true
echo "${passed} passed, ${failed} failed"
[ $rc -eq 0 ] && [ $failed -eq 0 ]
