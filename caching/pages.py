"""The page types whose route, anonymous responses and fragments are shared."""

from __future__ import annotations

from django.http import HttpRequest

from .generation import request_generation


class SharedCachePage:
    """Mixed into a page type (before `Page`) to serve it through the shared cache.

    Served live, such a page's route is kept for later requests and its
    anonymous response may be shared (`caching.wagtail_hooks`). A page taken
    from the route cache carries its view restrictions with it (they bump the
    content generation when edited), so serving it needs no query for them.
    Its template receives `content_generation`, to key fragments that are the
    same for every reader with `{% wagtailcache … content_generation … %}`.
    """

    def get_view_restrictions(self):
        restrictions = self.__dict__.get("_cached_view_restrictions")
        if restrictions is not None:
            return restrictions
        return super().get_view_restrictions()

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["content_generation"] = request_generation(request)
        return context
