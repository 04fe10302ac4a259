#!/usr/bin/env bash
# Start a throwaway Ralph LRS (xAPI 1.0.3, file-system backend) on 127.0.0.1
# and a free port, for the tests of xapi/. Source it: `. scripts/lrs.sh`; it
# exports XAPI_TEST_ENDPOINT, XAPI_TEST_USERNAME and XAPI_TEST_PASSWORD and
# stops the server and removes its files when the calling shell exits (after
# whatever exit trap was already set).
#
# Ralph has its own virtualenv, var/lrs-venv, created on first use: it is a
# test service, and its pins would clash with the project's.

RALPH_VERSION="5.1.0"
LRS_VENV="${LRS_VENV:-var/lrs-venv}"
_lrs_python="${PYTHON:-python3.11}"
command -v "$_lrs_python" >/dev/null 2>&1 || _lrs_python=python3

if [ "$(cat "$LRS_VENV/.ralph-version" 2>/dev/null)" != "$RALPH_VERSION" ]; then
  echo "== installing Ralph LRS $RALPH_VERSION into $LRS_VENV"
  rm -rf "$LRS_VENV"
  # Ralph's LRS imports requests (its OpenID Connect module) without declaring it.
  if ! { "$_lrs_python" -m venv "$LRS_VENV" \
      && "$LRS_VENV/bin/pip" install --quiet --disable-pip-version-check \
        "ralph-malph[cli,lrs]==$RALPH_VERSION" requests; }; then
    echo "Ralph LRS could not be installed into $LRS_VENV" >&2
    rm -rf "$LRS_VENV"
    return 1 2>/dev/null || exit 1
  fi
  echo "$RALPH_VERSION" > "$LRS_VENV/.ralph-version"
fi

LRS_DIR="$(mktemp -d /tmp/cyberaware-lrs.XXXXXX)"
LRS_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
XAPI_TEST_USERNAME="cyberaware-tests"
XAPI_TEST_PASSWORD="$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')"
mkdir -p "$LRS_DIR/statements" "$LRS_DIR/app"
# The auth file: one user with every scope, password hashed by `ralph auth`.
if ! RALPH_APP_DIR="$LRS_DIR/app" RALPH_AUTH_FILE="$LRS_DIR/auth.json" RALPH_RUNSERVER_BACKEND=fs \
  "$LRS_VENV/bin/ralph" auth -u "$XAPI_TEST_USERNAME" -p "$XAPI_TEST_PASSWORD" -s all \
  -M "mailto:lrs-tests@example.org" -w >"$LRS_DIR/auth.log" 2>&1; then
  echo "Ralph could not write its auth file:" >&2
  tail -n 5 "$LRS_DIR/auth.log" >&2
  rm -rf "$LRS_DIR"
  return 1 2>/dev/null || exit 1
fi
# What `ralph runserver -b fs` runs (uvicorn serving Ralph's API), without its
# file watcher that restarts the server on changes (runserver always turns it
# on), and with the file-system backend appending statements (scripts/ralph_lrs.py).
_lrs_checkout="$(pwd)"
(
  cd "$LRS_DIR" || exit 1
  RALPH_APP_DIR="$LRS_DIR/app" RALPH_AUTH_FILE="$LRS_DIR/auth.json" RALPH_RUNSERVER_BACKEND=fs \
    RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH="$LRS_DIR/statements" \
    exec "$_lrs_checkout/$LRS_VENV/bin/uvicorn" --app-dir "$_lrs_checkout/scripts" ralph_lrs:app \
      --host 127.0.0.1 --port "$LRS_PORT" --log-level warning >"$LRS_DIR/server.log" 2>&1
) &
LRS_PID=$!
_stop_lrs() { kill "$LRS_PID" 2>/dev/null || true; wait "$LRS_PID" 2>/dev/null || true; rm -rf "$LRS_DIR"; }
_previous_exit_trap="$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")"
trap "_stop_lrs; ${_previous_exit_trap}" EXIT
_lrs_up=0
for _ in $(seq 100); do
  if python3 -c "import urllib.request, sys; urllib.request.urlopen('http://127.0.0.1:$LRS_PORT/__lbheartbeat__', timeout=1)" 2>/dev/null; then
    _lrs_up=1; break
  fi
  sleep 0.2
done
if [ "$_lrs_up" != 1 ]; then
  echo "Ralph LRS did not start:" >&2
  cat "$LRS_DIR/auth.log" "$LRS_DIR/server.log" >&2
  return 1 2>/dev/null || exit 1
fi
export XAPI_TEST_ENDPOINT="http://127.0.0.1:$LRS_PORT/xAPI/"
export XAPI_TEST_USERNAME XAPI_TEST_PASSWORD
echo "Ralph LRS is running for this run at $XAPI_TEST_ENDPOINT"
