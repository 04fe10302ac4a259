"""Health endpoints for load balancers and orchestrators.

``/healthz`` (liveness) says the process serves requests and touches nothing
else, so a database outage never gets healthy app servers restarted.
``/readyz`` (readiness) checks the databases the app uses and the shared
cache, so a node that cannot reach them is taken out of rotation.

They are answered in front of Django's middleware (see ``config/wsgi.py``):
probes come from the load balancer's own address, over plain HTTP, with any
Host header, and must neither depend on nor disturb the page machinery
(sessions, language cookies, page cache, rate limits).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import connections

logger = logging.getLogger(__name__)

LIVENESS_PATHS = {"/healthz", "/healthz/"}
READINESS_PATHS = {"/readyz", "/readyz/"}


def _check_database(alias: str) -> None:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache() -> None:
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not return a value just written")
    cache.delete(key)


def _outcome(name: str, check: Callable[[], None]) -> str:
    try:
        check()
    except Exception as error:  # any failure means "not ready"
        logger.warning("Readiness check %s failed: %s", name, type(error).__name__)
        return "failed"
    return "ok"


def readiness() -> tuple[int, dict]:
    """Run every check; (HTTP status, report)."""
    aliases = dict.fromkeys(["default", getattr(settings, "STATISTICS_DATABASE", "default")])
    checks = {
        f"database:{alias}": _outcome(alias, lambda a=alias: _check_database(a))
        for alias in aliases
    }
    checks["cache"] = _outcome("cache", _check_cache)
    ready = all(result == "ok" for result in checks.values())
    return (200 if ready else 503), {"status": "ok" if ready else "unavailable", "checks": checks}


class HealthEndpoints:
    """WSGI wrapper answering the two probe URLs before Django sees the request."""

    def __init__(self, application: Callable) -> None:
        self.application = application

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path not in LIVENESS_PATHS and path not in READINESS_PATHS:
            return self.application(environ, start_response)
        if environ.get("REQUEST_METHOD") not in {"GET", "HEAD"}:
            return self._respond(start_response, 405, {"status": "method not allowed"}, allow=True)
        if path in LIVENESS_PATHS:
            return self._respond(start_response, 200, {"status": "ok"})
        try:
            status, report = readiness()
        finally:
            # Outside Django's request cycle: release connections as it would.
            for connection in connections.all(initialized_only=True):
                connection.close_if_unusable_or_obsolete()
        return self._respond(start_response, status, report)

    @staticmethod
    def _respond(
        start_response: Callable, status: int, body: dict, allow: bool = False
    ) -> list[bytes]:
        content = json.dumps(body).encode()
        reason = {200: "OK", 405: "Method Not Allowed", 503: "Service Unavailable"}[status]
        headers = [
            ("Content-Type", "application/json"),
            ("Content-Length", str(len(content))),
            ("Cache-Control", "no-store"),
        ]
        if allow:
            headers.append(("Allow", "GET, HEAD"))
        start_response(f"{status} {reason}", headers)
        return [content]
