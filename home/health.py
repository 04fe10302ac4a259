"""Health endpoints for load balancers and orchestrators.

``/healthz/`` (liveness) says the process serves requests and touches nothing
else, so a database outage never gets healthy app servers restarted.
``/readyz/`` (readiness) checks every database and the shared cache, so a
node that cannot reach them is taken out of rotation.
"""

from __future__ import annotations

import logging
import uuid

from django.core.cache import cache
from django.db import connections
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def liveness(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


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


@never_cache
@require_safe
def readiness(request: HttpRequest) -> JsonResponse:
    checks: dict[str, str] = {}
    for alias in connections:
        checks[f"database:{alias}"] = _run(f"database:{alias}", lambda a=alias: _check_database(a))
    checks["cache"] = _run("cache", _check_cache)
    ready = all(result == "ok" for result in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks},
        status=200 if ready else 503,
    )


def _run(name: str, check) -> str:
    try:
        check()
    except Exception as error:  # any failure means "not ready"
        logger.warning("Readiness check %s failed: %s", name, type(error).__name__)
        return "failed"
    return "ok"
