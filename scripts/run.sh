#!/usr/bin/env bash
# `make run`: the service on a fresh machine with nothing configured. Starts
# a local Postgres and Redis under .data/ (unless DATABASE_URL and REDIS_URL
# are set), migrates, loads kabupaten Sleman and the demo data once, and
# serves the simulator and the web on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
DATA=.data
PG_PORT=${SUARADESA_PG_PORT:-55432}
REDIS_PORT=${SUARADESA_REDIS_PORT:-56379}

go build -o bin/suaradesa ./cmd/suaradesa

if [ -z "${DATABASE_URL:-}" ] || [ -z "${REDIS_URL:-}" ]; then
  scripts/services.sh start "$DATA" "$PG_PORT" "$REDIS_PORT" persist
  export DATABASE_URL="${DATABASE_URL:-postgres://suaradesa@127.0.0.1:$PG_PORT/suaradesa?sslmode=disable}"
  export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT/0}"
  trap 'scripts/services.sh stop "$DATA"' EXIT
  echo "Postgres on 127.0.0.1:$PG_PORT and Redis on 127.0.0.1:$REDIS_PORT (data in $DATA/)"
fi
export DATA_DIR="${DATA_DIR:-$DATA/files}"
# The simulator is on only where something says so: here, a development run.
export SIM_ENABLED="${SIM_ENABLED:-true}"
# One simulated WhatsApp group, unlinked, for the README's walk-through: the
# demo KPMD, Siti Aminah and two other numbers of dusun Kejambon are in it
# (SIM_GROUPS= empty starts with none).
export SIM_GROUPS="${SIM_GROUPS-configs/demo-sim-groups.json}"

bin/suaradesa migrate
# Kabupaten Sleman from the region list in the binary (17 kecamatan, 86
# desa), then the demo's dusun and people in kecamatan Ngemplak. Both are
# idempotent: what is loaded stays as it is.
bin/suaradesa wilayah import 34.04
bin/suaradesa seed demo
ADDR=http://${HTTP_ADDR:-127.0.0.1:8080}
echo "Chat with the bot at $ADDR/sim; the demo desa's board is $ADDR/desa/34.04.11.2002;"
echo "the admin site is $ADDR/admin/ (fasilitator / ngemplak-demo). Ctrl-C stops."
bin/suaradesa serve
