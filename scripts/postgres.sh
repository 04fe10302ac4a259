#!/usr/bin/env bash
# Start a throwaway PostgreSQL 15 cluster on 127.0.0.1 and a free port.
# Source it: `. scripts/postgres.sh`; it exports DATABASE_URL and stops the
# cluster and removes its files when the calling shell exits.
# PostgreSQL refuses to run as root, so as root the cluster runs as `postgres`.

PG_BIN="$(dirname "$(readlink -f "$(command -v initdb 2>/dev/null || echo /usr/lib/postgresql/15/bin/initdb)")")"
[ -x "$PG_BIN/initdb" ] || PG_BIN=/usr/lib/postgresql/15/bin
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "PostgreSQL 15 (initdb, pg_ctl) is needed: apt-get install postgresql-15" >&2
  return 1 2>/dev/null || exit 1
fi
# PG_DATA_DIR keeps the cluster (and its data) between runs, as `make serve`
# does; without it the cluster is created in /tmp and removed at exit.
if [ -n "${PG_DATA_DIR:-}" ]; then
  mkdir -p "$PG_DATA_DIR"
  PGDATA="$(readlink -f "$PG_DATA_DIR")"
else
  PGDATA="$(mktemp -d /tmp/cyberaware-pg.XXXXXX)"
fi
PGPORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
_as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
if [ -n "${PG_DATA_DIR:-}" ]; then
  _stop_pg() { _as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true; }
else
  _stop_pg() { _as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PGDATA"; }
fi
_previous_exit_trap="$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")"
trap "_stop_pg; ${_previous_exit_trap}" EXIT
_new_cluster=0
if [ ! -f "$PGDATA/PG_VERSION" ]; then
  _as_pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 >/dev/null
  _new_cluster=1
fi
_as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
  -o "-h 127.0.0.1 -p $PGPORT -k $PGDATA ${PG_EXTRA_OPTIONS:-}" start >/dev/null
if [ "$_new_cluster" = 1 ]; then
  _as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres cyberaware
fi
export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/cyberaware"
echo "PostgreSQL is running for this run at 127.0.0.1:$PGPORT"
