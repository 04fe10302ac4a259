"""The content generation: one counter that every shared entry is keyed by.

Pages, their translations, the site and the locales change only when an
editor publishes, unpublishes, moves or deletes a page (or edits a site,
locale, view restriction or a vocabulary pages show). Every entry in the
shared cache is keyed by a single content *generation*, a counter in the
shared cache that those edits bump (`caching.signals`). Bumping it makes
every entry stale at once, in every language and on every app server sharing
the cache: menus, language switchers and programme lists depend on other
pages, so finer invalidation would be easy to get wrong. Stale entries are
never read again and expire on their own.
"""

from __future__ import annotations

import time

from django.core.cache import cache
from django.http import HttpRequest

GENERATION_KEY = "content:generation"
# Entries outlive a generation only by this much; most are replaced far sooner.
TIMEOUT = 24 * 60 * 60


def counter(counter_key: str) -> int:
    """The value of a version counter kept in the shared cache (one round trip).

    A counter starts at a clock value in nanoseconds, not at 0: if it is
    evicted and made again, it must not take a value that older entries were
    stored under. It is an integer, which Redis increments."""
    value = cache.get(counter_key)
    if value is None:
        value = time.time_ns()
        if not cache.add(counter_key, value, timeout=None):
            value = cache.get(counter_key, value)
    return value


def bump_counter(counter_key: str) -> None:
    """Move a version counter on, making what was kept under its value stale."""
    try:
        cache.incr(counter_key)
    except ValueError:
        cache.set(counter_key, time.time_ns(), timeout=None)


def generation() -> int:
    """The current content generation (one cache round trip)."""
    return counter(GENERATION_KEY)


def bump_generation() -> None:
    """Make every shared entry stale (after an edit to published content)."""
    bump_counter(GENERATION_KEY)


def request_generation(request: HttpRequest | None) -> int:
    """The generation, read once per request so one page is built from one generation."""
    if request is None:
        return generation()
    if "_content_generation" not in request.__dict__:
        request.__dict__["_content_generation"] = generation()
    return request.__dict__["_content_generation"]


def key(*parts: object, gen: int | None = None) -> str:
    """A cache key for `parts` in generation `gen` (the current one if not given)."""
    return ":".join(["content", str(generation() if gen is None else gen), *map(str, parts)])
