"""Deployment checks (`manage.py check --deploy`) for running several app servers."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Tags, Warning, register

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.caches, deploy=True)
def shared_cache_check(app_configs, **kwargs) -> list[Warning]:
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PER_PROCESS_CACHES:
        return [
            Warning(
                "The default cache is kept in each process, not shared between app servers.",
                hint=(
                    "Set REDIS_URL. Without a shared cache every gunicorn worker keeps its own "
                    "page cache (published pages would stay stale elsewhere), sessions "
                    "and sign-in limits."
                ),
                id="cyberaware.W001",
            )
        ]
    return []
