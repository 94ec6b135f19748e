#!/usr/bin/env bash
# Idempotent set-up for a fresh machine or a fresh clone; sourced by `npm run demo`, `npm test` and .ci/run.
# Installs what is missing (Debian packages, npm packages), makes sure PostgreSQL answers, generates the
# Prisma clients and GraphQL types, and migrates the embedded SQLite database.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DEBIAN_FRONTEND=noninteractive

log() { printf '\033[36m[setup]\033[0m %s\n' "$*"; }

pkgs=()
command -v pg_ctlcluster >/dev/null 2>&1 || { command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; } || pkgs+=(postgresql)
command -v chromium >/dev/null 2>&1 || pkgs+=(chromium)
# CJK fonts, so browser screenshots of the zh-CN pages show Chinese rather than boxes (issue #19).
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1 || pkgs+=(fonts-noto-cjk)
if ((${#pkgs[@]})); then
  log "installing ${pkgs[*]} from Debian"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "${pkgs[@]}" >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq "${pkgs[@]}" >/dev/null; fi
fi

# npm ci refuses this registry's lock (rollup's other-platform packages are missing), so npm install.
if [ ! -x node_modules/.bin/node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm install"
  npm install --no-audit --no-fund --strict-allow-scripts --loglevel=error
fi
export PATH="$PWD/node_modules/.bin:$PATH"   # Node 24 from the `node` package, first on PATH

# PostgreSQL: the machine's server on 5432 when it answers; otherwise start the Debian cluster, or a private one.
PG_PORT=${PGPORT:-5432}
pg_ready() { pg_isready -h 127.0.0.1 -p "$1" -q 2>/dev/null; }
if ! pg_ready "$PG_PORT"; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && ls /etc/postgresql >/dev/null 2>&1; then
    log "starting the Debian PostgreSQL cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start >/dev/null 2>&1 || true
  fi
fi
if ! pg_ready "$PG_PORT"; then
  PG_PORT=54329
  if ! pg_ready "$PG_PORT"; then
    PGBIN=$(pg_config --bindir); PGROOT=$(mktemp -d); chown postgres "$PGROOT" 2>/dev/null || true
    log "starting a private PostgreSQL on 127.0.0.1:$PG_PORT"
    su postgres -c "$PGBIN/initdb -D $PGROOT/data -A trust -U postgres" >/dev/null
    su postgres -c "$PGBIN/pg_ctl -D $PGROOT/data -o '-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PGROOT' -l $PGROOT/log -w start" >/dev/null
    export PG_STOP="su postgres -c '$PGBIN/pg_ctl -D $PGROOT/data -m fast stop'"
  fi
fi
export TEST_POSTGRES_URL=${TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:$PG_PORT/silkroute_test}

# Generated code: provider schemas, both Prisma clients, Admin GraphQL types from the vendored schema.
npx tsx scripts/db/generate-schemas.ts >/dev/null
mkdir -p app/types
[ app/types/admin-2026-10.schema.json -nt app/graphql/admin_2026-10.json.gz ] || gunzip -c app/graphql/admin_2026-10.json.gz > app/types/admin-2026-10.schema.json
npx graphql-codegen >/dev/null
npx tsx scripts/db/deploy.ts >/dev/null   # both clients + migrate the embedded SQLite (or $DATABASE_URL)
log "ready (PostgreSQL for tests: ${TEST_POSTGRES_URL})"
