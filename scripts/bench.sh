#!/usr/bin/env bash
# `make bench`: the load generator against the real service on throwaway
# Postgres and Redis (like `make test`), then the floor, and one line:
#   bench: msgs_per_s=… p50_ms=… p95_ms=… p99_ms=… floor_msgs_per_s=… ratio=… peak_rss_mb=… errors=…
#          paced_p50_ms=… paced_p95_ms=… paced_p99_ms=… paced_floor_p99_ms=… burst_reply_p95_s=… burst_done_p95_s=…
# BENCH_RESIDENTS (500) and BENCH_CONCURRENCY (200) change the load;
# BENCH_BURST (60) the residents of the burst on one WhatsApp number, and
# BENCH_BURST_SPEED (10) how much faster than real its time runs.
# BENCH_DATA=scale runs it on the kabupaten-scale data set (`seed scale`,
# loaded after the demo) instead of the demo alone.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

TMP=$(mktemp -d /tmp/suaradesa-bench.XXXXXX)
chmod 755 "$TMP"
SVC_PID=
cleanup() {
  [ -n "$SVC_PID" ] && kill "$SVC_PID" 2>/dev/null && wait "$SVC_PID" 2>/dev/null || true
  scripts/services.sh stop "$TMP"; rm -rf "$TMP"
}
trap cleanup EXIT

PG_PORT=$(scripts/freeport.sh 35432)
REDIS_PORT=$(scripts/freeport.sh 36379)
HTTP_PORT=$(scripts/freeport.sh 38080)
scripts/services.sh start "$TMP" "$PG_PORT" "$REDIS_PORT" persist # fsync on, as in production
export DATABASE_URL="postgres://suaradesa@127.0.0.1:$PG_PORT/suaradesa?sslmode=disable"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
export HTTP_ADDR="127.0.0.1:$HTTP_PORT" DATA_DIR="$TMP/files" LOG_LEVEL=warn SIM_ENABLED=true
[ -n "${BENCH_PROFILE:-}" ] && export METRICS_ADDR="127.0.0.1:$(scripts/freeport.sh 36060)"

go build -o bin/suaradesa ./cmd/suaradesa
bin/suaradesa migrate
bin/suaradesa seed demo >/dev/null
if [ "${BENCH_DATA:-demo}" = scale ]; then
  bin/suaradesa seed scale
fi
bin/suaradesa serve > "$TMP/service.log" 2>&1 &
SVC_PID=$!
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT") 2>/dev/null && break
  sleep 0.1
done
if [ -n "${BENCH_PROFILE:-}" ]; then # a CPU profile of the service during the run
  (sleep 2; curl -s -o "$BENCH_PROFILE" "http://${METRICS_ADDR}/debug/pprof/profile?seconds=8") &
fi
bin/suaradesa bench --residents "${BENCH_RESIDENTS:-500}" --concurrency "${BENCH_CONCURRENCY:-200}" --pid "$SVC_PID" \
  --burst "${BENCH_BURST:-60}" --burst-speed "${BENCH_BURST_SPEED:-10}"
