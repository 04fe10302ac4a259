"""What every request would otherwise read again: kept in the shared cache.

Pages, their translations, the site and the locales change only when an
editor publishes, unpublishes, moves or deletes a page (or edits a site,
locale, sector, region or view restriction). Every entry here is keyed by a
single content *generation*, a counter in the shared cache that those edits
bump. Bumping it makes every entry stale at once, in every language and on
every app server sharing the cache: menus, language switchers and programme
lists depend on other pages, so finer invalidation would be easy to get wrong.
Stale entries are never read again and expire on their own.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.utils import translation

logger = logging.getLogger(__name__)

GENERATION_KEY = "content:generation"
# Entries outlive a generation only by this much; most are replaced far sooner.
TIMEOUT = 24 * 60 * 60

T = TypeVar("T")


def _fresh_generation() -> int:
    # A clock value, not 1: if the counter is evicted and recreated, it must
    # not take a value that older entries were stored under.
    return time.time_ns()


def generation() -> int:
    """The current content generation (one cache round trip)."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = _fresh_generation()
        if not cache.add(GENERATION_KEY, value, timeout=None):
            value = cache.get(GENERATION_KEY, value)
    return value


def bump_generation() -> None:
    """Make every shared entry stale (after an edit to published content)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _fresh_generation(), timeout=None)


def key(*parts: object, gen: int | None = None) -> str:
    return ":".join(["content", str(generation() if gen is None else gen), *map(str, parts)])


def cached(parts: tuple, build: Callable[[], T], request=None) -> T:
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


def request_generation(request) -> int:
    """The generation, read once per request so one page is built from one generation."""
    if request is None:
        return generation()
    if "_content_generation" not in request.__dict__:
        request.__dict__["_content_generation"] = generation()
    return request.__dict__["_content_generation"]


def active_locale(request=None):
    """`Locale.get_active()` from the shared cache."""
    from wagtail.models import Locale

    code = translation.get_language() or ""
    return cached(("locale", code), Locale.get_active, request)


def live_translation_urls(page, request=None) -> dict[str, str]:
    """Language code → URL of each live version of `page` (itself included)."""

    def build() -> dict[str, str]:
        return {
            version.locale.language_code: version.get_url(request)
            for version in page.get_translations(inclusive=True)
            .live()
            .select_related("locale")
            .order_by()
        }

    return cached(("translations", _host(request), page.translation_key), build, request)


def home_urls(request=None) -> dict[str, str]:
    """Language code → URL of that language's home page."""

    def build() -> dict[str, str]:
        from home.models import HomePage

        homes = HomePage.objects.live().filter(depth=2).select_related("locale")
        return {home.locale.language_code: home.get_url(request) for home in homes}

    return cached(("homes", _host(request)), build, request)


def _host(request) -> str:
    # URLs are relative on the request's own site, absolute elsewhere.
    return request.get_host() if request is not None else ""


def invalidate(**_kwargs: Any) -> None:
    bump_generation()


def connect_signals() -> None:
    """Bump the generation whenever published content, or what routes to it, changes."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Locale, PageViewRestriction, Site, get_page_models
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import Region, Sector

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"shared-cache-{id(signal)}")
    # Per page model, not for every model: a receiver for every sender would
    # turn Django's fast bulk deletes (sessions, purges) into row-by-row ones.
    for model in get_page_models():
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"shared-cache-page-{model}")
    for model in (Site, Locale, PageViewRestriction, Sector, Region):
        post_save.connect(invalidate, sender=model, dispatch_uid=f"shared-cache-save-{model}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"shared-cache-del-{model}")
