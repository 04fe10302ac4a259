#!/usr/bin/env bash
# Start a throwaway Redis on 127.0.0.1 and a free port (no persistence).
# Source it: `. scripts/redis.sh`; it exports REDIS_URL and stops the server
# when the calling shell exits (after whatever exit trap was already set).

if ! command -v redis-server >/dev/null 2>&1; then
  echo "redis-server is needed: apt-get install redis-server" >&2
  return 1 2>/dev/null || exit 1
fi
REDIS_DIR="$(mktemp -d /tmp/cyberaware-redis.XXXXXX)"
REDIS_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$REDIS_DIR" --save "" --appendonly no \
  --daemonize yes --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" >/dev/null
for _ in $(seq 50); do
  redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
  sleep 0.1
done
_stop_redis() { redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; rm -rf "$REDIS_DIR"; }
_previous_exit_trap="$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")"
trap "_stop_redis; ${_previous_exit_trap}" EXIT
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
echo "Redis is running for this run at 127.0.0.1:$REDIS_PORT"
