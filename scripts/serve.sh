#!/usr/bin/env bash
# The production stack on this machine: PostgreSQL, Redis, a task worker and
# gunicorn with production settings, serving the demo content (loaded with
# config.settings.production_demo, the production settings plus the demo app).
#
#   make serve                       # everything started for you
#   DATABASE_URL=... REDIS_URL=... make serve   # use servers you already run
#
# Without DATABASE_URL a PostgreSQL 15 cluster is kept in var/postgres (data
# survives restarts); without REDIS_URL a Redis is started for this run.
# Stops what it started on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-8000}"
mkdir -p var
if [ -z "${DATABASE_URL:-}" ]; then
  PG_DATA_DIR="$(pwd)/var/postgres" . scripts/postgres.sh
fi
if [ -z "${REDIS_URL:-}" ]; then
  if ! command -v redis-server >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing redis-server"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  fi
  . scripts/redis.sh
fi
if [ -z "${SECRET_KEY:-}" ]; then
  [ -s var/secret_key ] || python3 -c 'import secrets; print(secrets.token_urlsafe(64))' > var/secret_key
  SECRET_KEY="$(cat var/secret_key)"
fi
export SECRET_KEY DATABASE_URL REDIS_URL PORT
export DJANGO_SETTINGS_MODULE=config.settings.production
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-localhost,127.0.0.1}"
# Plain HTTP on this machine; behind a TLS-terminating load balancer leave it on.
export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-0}"
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-http://localhost:$PORT}"
export SERVE_MEDIA="${SERVE_MEDIA:-1}"
export EMAIL_BACKEND="${EMAIL_BACKEND:-django.core.mail.backends.console.EmailBackend}"

PY=.venv/bin/python
echo "== migrating, collecting static files, loading the demo content"
$PY manage.py migrate --no-input -v 0
$PY manage.py collectstatic --no-input -v 0
# The demo app is not part of the production settings: seed_demo runs with
# them plus the demo app; the worker and gunicorn run the production settings.
DJANGO_SETTINGS_MODULE=config.settings.production_demo $PY manage.py seed_demo

$PY manage.py db_worker --no-reload --no-startup-delay -v 0 &
WORKER_PID=$!
# The reminder job and the monthly programme reports (docs/operations.md): hourly here, as
# cron or a systemd timer runs it in deployment; the worker sends what it queues.
REMINDER_INTERVAL="${REMINDER_INTERVAL:-3600}"
( while true; do $PY manage.py send_reminders || true; $PY manage.py send_programme_reports || true; sleep "$REMINDER_INTERVAL"; done ) &
REMINDERS_PID=$!
_stop_worker() {
  kill "$REMINDERS_PID" "$WORKER_PID" 2>/dev/null || true
  wait "$REMINDERS_PID" "$WORKER_PID" 2>/dev/null || true
}
_previous_exit_trap="$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")"
trap "_stop_worker; ${_previous_exit_trap}" EXIT

echo ""
echo "  CyberAware (production settings) on http://localhost:$PORT/"
echo "  Admin: http://localhost:$PORT/admin/  Health: /healthz  /readyz"
echo "  Demo accounts as for 'make run' (password cyberaware-demo)."
echo ""
.venv/bin/gunicorn -c gunicorn.conf.py config.wsgi
