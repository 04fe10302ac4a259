"""The shared cache of published content, keyed by one content generation.

A bottom-layer app: it imports Django and Wagtail only, so every app may use
it and it uses none of them. Import from here:

- `SharedCachePage`: the mixin for page types served through the cache;
- `cached`, `active_locale`, `live_translation_urls`: lookups shared by
  every request until the next publish;
- `generation`, `request_generation`, `bump_generation`, `key`: the counter;
- `bump_generation_on_change`: for an app's models that pages show.

The middleware (`caching.middleware`) is named in settings, and the
invalidation hooks (`caching.signals`) connect when the app is ready.
"""

from .generation import (
    GENERATION_KEY,
    TIMEOUT,
    bump_generation,
    generation,
    key,
    request_generation,
)
from .lookups import active_locale, cached, live_translation_urls, request_host
from .pages import SharedCachePage
from .signals import bump_generation_on_change

__all__ = [
    "GENERATION_KEY",
    "TIMEOUT",
    "SharedCachePage",
    "active_locale",
    "bump_generation",
    "bump_generation_on_change",
    "cached",
    "generation",
    "key",
    "live_translation_urls",
    "request_generation",
    "request_host",
]
