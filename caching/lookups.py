"""What every request would otherwise read again, shared until the next publish."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.http import HttpRequest
from django.utils import translation

from .generation import TIMEOUT, key, request_generation

T = TypeVar("T")


def cached(parts: tuple, build: Callable[[], T], request: HttpRequest | None = None) -> T:
    """`build()` once per generation for everyone; once per request at most.

    The request (when given) keeps the value too, so a template asking twice
    costs one cache round trip.
    """
    memo = request.__dict__.setdefault("_shared_cache", {}) if request is not None else {}
    if parts in memo:
        return memo[parts]
    entry_key = key(*parts, gen=request_generation(request))
    value = cache.get(entry_key)
    if value is None:
        value = build()
        cache.set(entry_key, value, TIMEOUT)
    memo[parts] = value
    return value


def active_locale(request: HttpRequest | None = None):
    """`Locale.get_active()` from the shared cache."""
    from wagtail.models import Locale

    code = translation.get_language() or ""
    return cached(("locale", code), Locale.get_active, request)


def live_translation_urls(page, request: HttpRequest | None = None) -> dict[str, str]:
    """Language code → URL of each live version of `page` (itself included)."""

    def build() -> dict[str, str]:
        return {
            version.locale.language_code: version.get_url(request)
            for version in page.get_translations(inclusive=True)
            .live()
            .select_related("locale")
            .order_by()
        }

    return cached(("translations", request_host(request), page.translation_key), build, request)


def request_host(request: HttpRequest | None) -> str:
    """What URLs built for this request depend on: relative on its own site, absolute elsewhere."""
    return request.get_host() if request is not None else ""
