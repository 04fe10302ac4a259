"""The page types whose route and anonymous responses are shared."""

from __future__ import annotations


class SharedCachePage:
    """Mixed into a page type (before `Page`) to serve it through the shared cache.

    Served live, such a page's route is kept for later requests and its
    anonymous response may be shared (`caching.wagtail_hooks`). A page taken
    from the route cache carries its view restrictions with it (they bump the
    content generation when edited), so serving it needs no query for them.
    """

    def get_view_restrictions(self):
        restrictions = self.__dict__.get("_cached_view_restrictions")
        if restrictions is not None:
            return restrictions
        return super().get_view_restrictions()
