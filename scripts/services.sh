#!/usr/bin/env bash
# Starts and stops a private Postgres and Redis for Suara Desa, installing
# the Debian packages when they are missing (as root, with apt-get).
#
#   scripts/services.sh start DIR PG_PORT REDIS_PORT [persist]
#   scripts/services.sh stop DIR
#   scripts/services.sh gammu-schema DIR
#   scripts/services.sh pg-stop DIR      (start DIR … again brings it back)
#   scripts/services.sh chromium         (installs Debian's chromium where missing)
#
# Postgres refuses to run as root, so as root the cluster belongs to the
# postgres user. Data stays under DIR (git-ignored .data/ for `make run`, a
# temporary folder for `make test`).
set -euo pipefail

die() { echo "services: $*" >&2; exit 1; }

apt_install() {
  [ "$(id -u)" = 0 ] || die "$1 is missing; install it (apt-get install $*) or run as root"
  if [ -z "${SUARADESA_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    export SUARADESA_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_bindir() {
  local d
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"; return
  fi
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$d" ]; then
    apt_install postgresql >&2
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  echo "$d"
}

ensure_tools() {
  command -v psql >/dev/null 2>&1 || apt_install postgresql-client
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
}

# as_pg runs a command as the cluster's owner.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

wait_port() {
  local port=$1 what=$2
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  die "$what did not start on port $port"
}

start() {
  local dir=$1 pgport=$2 redisport=$3 persist=${4:-}
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  ensure_tools
  local bindir; bindir=$(pg_bindir)
  local pgdata="$dir/pg"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || apt_install postgresql
    # The postgres user must reach the data folder; if a parent is closed
    # (a checkout under /root), keep the cluster in a folder it can reach.
    if ! runuser -u postgres -- test -x "$dir" 2>/dev/null; then
      pgdata="/var/tmp/suaradesa-$(echo "$dir" | md5sum | cut -c1-12)/pg"
      echo "$pgdata" > "$dir/pgdata-location"
    fi
    mkdir -p "$pgdata"
    chown postgres: "$pgdata" "$(dirname "$pgdata")"
    chmod 700 "$pgdata"
  fi
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    as_pg "$bindir/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  fi
  local fsync=on
  [ -n "$persist" ] || fsync=off
  if ! as_pg "$bindir/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    as_pg "$bindir/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 \
      -o "-p $pgport -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=$fsync -c max_connections=200 -c shared_buffers=128MB" \
      start >/dev/null || { tail -20 "$pgdata/server.log" >&2; die "postgres did not start"; }
  fi
  wait_port "$pgport" postgres
  psql -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA >/dev/null <<SQL
SELECT 'CREATE ROLE suaradesa LOGIN CREATEDB' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'suaradesa')\gexec
SELECT 'CREATE DATABASE suaradesa OWNER suaradesa' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'suaradesa')\gexec
SQL
  mkdir -p "$dir/redis"
  if ! redis-cli -p "$redisport" ping >/dev/null 2>&1; then
    local save=(--save "" --appendonly no)
    [ -z "$persist" ] || save=(--save "60 1" --appendonly no)
    redis-server --port "$redisport" --bind 127.0.0.1 --daemonize yes --dir "$dir/redis" \
      --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log" "${save[@]}" >/dev/null
  fi
  wait_port "$redisport" redis
}

stop() {
  local dir=$1
  [ -d "$dir" ] || return 0
  dir=$(cd "$dir" && pwd)
  local pgdata="$dir/pg"
  [ -f "$dir/pgdata-location" ] && pgdata=$(cat "$dir/pgdata-location")
  local bindir; bindir=$(pg_bindir)
  if [ -f "$pgdata/postmaster.pid" ]; then
    as_pg "$bindir/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [ -f "$dir/redis/redis.pid" ]; then
    # Wait for it to exit: a Redis that saves on shutdown (persist) refuses
    # to exit when its directory is removed under it, and would stay.
    local pid; pid=$(cat "$dir/redis/redis.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$dir/redis/redis.pid"
  fi
}

# gammu_schema prints the path of the SQL tables Debian's gammu-smsd
# package ships (the Gammu channel's tests load them), installing the
# package where missing; an image that drops /usr/share/doc gets the file
# from the package itself, unpacked under DIR.
gammu_schema() {
  local f=/usr/share/doc/gammu-smsd/examples/pgsql.sql dir=$1
  [ -f "$f" ] || [ -f "$f.gz" ] || apt_install gammu-smsd >&2
  if [ ! -f "$f" ] && [ ! -f "$f.gz" ]; then
    (cd "$dir" && apt-get download -qq gammu-smsd >/dev/null && dpkg-deb -x gammu-smsd_*.deb gammu-smsd) >&2
    f="$dir/gammu-smsd$f"
  fi
  [ -f "$f" ] && echo "$f" || echo "$f.gz"
}

# pg_stop stops only Postgres (a fault test restarts it under load).
pg_stop() {
  local dir; dir=$(cd "$1" && pwd)
  local pgdata="$dir/pg"
  [ -f "$dir/pgdata-location" ] && pgdata=$(cat "$dir/pgdata-location")
  as_pg "$(pg_bindir)/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null
}

case "${1:-}" in
  start) shift; start "$@" ;;
  pg-stop) shift; pg_stop "$@" ;;
  gammu-schema) shift; gammu_schema "$@" ;;
  chromium) command -v chromium >/dev/null 2>&1 || apt_install chromium >&2; command -v chromium ;;
  stop) shift; stop "$@" ;;
  *) die "usage: $0 start DIR PG_PORT REDIS_PORT [persist] | stop DIR" ;;
esac
