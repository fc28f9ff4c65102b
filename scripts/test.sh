#!/usr/bin/env bash
# `make test`: every test, on throwaway Postgres and Redis servers that this
# script starts and removes. Go tests get TEST_DATABASE_URL (a role that may
# create databases: each test clones its own) and TEST_REDIS_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

TMP=$(mktemp -d /tmp/suaradesa-test.XXXXXX)
chmod 755 "$TMP"
cleanup() { scripts/services.sh stop "$TMP"; rm -rf "$TMP" "/var/tmp/suaradesa-$(echo "$TMP" | md5sum | cut -c1-12)" 2>/dev/null || true; }
trap cleanup EXIT

PG_PORT=$(scripts/freeport.sh 25432)
REDIS_PORT=$(scripts/freeport.sh 26379)
scripts/services.sh start "$TMP" "$PG_PORT" "$REDIS_PORT"
export TEST_DATABASE_URL="postgres://suaradesa@127.0.0.1:$PG_PORT/suaradesa?sslmode=disable"
export TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
# Without the servers a plain `go test` skips the tests that need them;
# here a missing server fails them, so that CI never skips silently.
export SUARADESA_REQUIRE_SERVERS=1
GAMMU_SCHEMA=$(scripts/services.sh gammu-schema "$TMP")
CHROMIUM_PATH=$(scripts/services.sh chromium)
export GAMMU_SCHEMA CHROMIUM_PATH REQUIRE_BROWSER=1
# axe-core (from the npm registry, used only by the accessibility test),
# kept between runs; node and npm from Debian where missing.
AXE_DIR=${XDG_CACHE_HOME:-$HOME/.cache}/suaradesa/axe-core
if [ ! -f "$AXE_DIR/node_modules/axe-core/axe.min.js" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || { echo "npm is missing: apt-get install nodejs npm"; exit 1; }
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  fi
  npm install --silent --no-audit --no-fund --prefix "$AXE_DIR" axe-core@4 >/dev/null
fi
export AXE_CORE_PATH="$AXE_DIR/node_modules/axe-core/axe.min.js"

# `make screenshots`: only the browser tests, saving their pages.
if [ "${1:-}" = screenshots ]; then
  SCREENSHOTS=$(pwd)/screenshots go test -count=1 ./web -run '^(TestBrowser.*|TestBoardBrowser)$'
  echo "== screenshots in $(pwd)/screenshots"; ls screenshots
  exit 0
fi

echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.data/*'))
if [ -n "$unformatted" ]; then echo "gofmt would change: $unformatted"; exit 1; fi
echo "== go vet"
go vet ./...
echo "== go test -race"
# The race detector slows the end-to-end tests of cmd/suaradesa (the
# binary, a scale seed) several times over: the default 10-minute limit
# is too close on two cores.
go test -race -count=1 -timeout 30m ./...
echo "== fuzz (bounded; run longer by hand with -fuzztime)"
# No minimising in a bounded run (-fuzzminimizetime 0): the default minute
# stalls it, and a run whose time ends while minimising an interesting input
# fails with "context deadline exceeded". A failing input is still saved.
# A count of inputs, not a duration: a run whose deadline falls while a
# worker is busy can fail with "context deadline exceeded" (a race in Go's
# fuzz coordinator, seen in CI); a count has no deadline.
FUZZTIME=${FUZZTIME:-20000x}
go test ./flows -run '^$' -fuzz '^FuzzStep$' -fuzztime "$FUZZTIME" -fuzzminimizetime 0
go test ./bot/sim -run '^$' -fuzz '^FuzzParseInbound$' -fuzztime "$FUZZTIME" -fuzzminimizetime 0
go test ./bot/whatsapp -run '^$' -fuzz '^FuzzInboundConversion$' -fuzztime "$FUZZTIME" -fuzzminimizetime 0
go test ./bot/whatsappcloud -run '^$' -fuzz '^FuzzParse$' -fuzztime "$FUZZTIME" -fuzzminimizetime 0
go test ./bot/whatsappcloud -run '^$' -fuzz '^FuzzTemplateParams$' -fuzztime "$FUZZTIME" -fuzzminimizetime 0
go test ./bot/whatsappcloud -run '^$' -fuzz '^FuzzInteractive$' -fuzztime "$FUZZTIME" -fuzzminimizetime 0
go test ./flows/smstext -run '^$' -fuzz '^FuzzFit$' -fuzztime "$FUZZTIME" -fuzzminimizetime 0
go test ./bot/sms/android -run '^$' -fuzz '^FuzzParse$' -fuzztime "$FUZZTIME" -fuzzminimizetime 0
go test ./bot/sms/gammu -run '^$' -fuzz '^FuzzParseUDH$' -fuzztime "$FUZZTIME" -fuzzminimizetime 0
go test ./store/media -run '^$' -fuzz '^FuzzMeasureImage$' -fuzztime "$FUZZTIME" -fuzzminimizetime 0
echo "== all tests passed"
