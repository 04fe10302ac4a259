"""The shared page cache for anonymous readers; the site and route lookups of every request."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from wagtail import views as wagtail_views
from wagtail.models import Site

from .generation import GENERATION_KEY, TIMEOUT, generation, key, request_generation
from .lookups import cached

# Query parameters the cached pages understand; any other parameter skips the cache.
CACHEABLE_PARAMETERS = frozenset({"page", "sector", "topic", "fallback_from"})
PAGE_CACHE_TIMEOUT = 24 * 60 * 60


def mark_page_cacheable(request: HttpRequest) -> None:
    """Called as a page is served: its anonymous response may be shared."""
    request._page_cacheable = True


def _page_cache_key(request: HttpRequest) -> str | None:
    """The cache key of this request's page, or None when it must not be shared."""
    if request.method != "GET" or getattr(request, "is_dummy", False):
        return None  # previews run the middleware on a dummy request
    cookies = request.COOKIES
    # A session may belong to a signed-in learner; pending messages are personal.
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return None
    if any(name not in CACHEABLE_PARAMETERS for name in request.GET):
        return None
    # Scheme and host are part of the page (hreflang alternates are absolute).
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # CommonMiddleware answers it with a 400
    url = f"{request.scheme}://{host}{request.get_full_path()}"
    return "page:" + hashlib.sha256(url.encode()).hexdigest()


def _shareable(request: HttpRequest, response: HttpResponse) -> bool:
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    return bool(
        getattr(request, "_page_cacheable", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not (user is not None and user.is_authenticated)
        and not (session is not None and session.modified)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in response.get("Cache-Control", "")
        and b"csrfmiddlewaretoken" not in response.content
    )


class AnonymousPageCacheMiddleware:
    """Serve anonymous readers' pages from the shared cache.

    Pages of a `SharedCachePage` type are marked cacheable as they are served
    (the home, module index, module and programme pages); a response is shared only when nothing in it
    is personal: no signed-in user, no cookie set, no CSRF token, no session
    change, status 200. Entries carry the content generation they were built
    in, which publishing bumps (see `caching.generation`), so one lookup
    fetches both and a stale page is never served.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cache_key = _page_cache_key(request)
        if cache_key is None:
            return self.get_response(request)
        found = cache.get_many([GENERATION_KEY, cache_key])
        gen = found.get(GENERATION_KEY)
        entry = found.get(cache_key)
        if entry is not None and gen is not None and entry["generation"] == gen:
            response = HttpResponse(entry["content"], status=200)
            for header, value in entry["headers"]:
                response[header] = value
            response["X-Page-Cache"] = "hit"
            return response
        if gen is None:
            gen = generation()
        request.__dict__["_content_generation"] = gen
        response = self.get_response(request)
        if _shareable(request, response):
            cache.set(
                cache_key,
                {
                    "generation": gen,
                    "content": response.content,
                    "headers": list(response.headers.items()),
                },
                PAGE_CACHE_TIMEOUT,
            )
            response["X-Page-Cache"] = "miss"
        return response


class SharedLookupsMiddleware:
    """Take the site and the page a URL routes to from the shared cache.

    Wagtail finds both with a query per path segment on every request; they
    only change when an editor publishes, which bumps the content generation.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        hostname = request._get_raw_host()
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = (
                cached(
                    ("site", hostname, request.get_port()),
                    lambda: Site._find_for_request(request) or False,
                    request,
                )
                or None
            )
        if view_func is wagtail_views.serve and request.method in ("GET", "HEAD"):
            page = cache.get(route_key(request))
            if page is not None:
                request._wagtail_route_for_request = (page, [], {})
                request._route_from_cache = True
        return None


def route_key(request: HttpRequest) -> str:
    return key(
        "route",
        request._get_raw_host(),
        request.path_info,
        gen=request_generation(request),
    )


def remember_route(page, request: HttpRequest) -> None:
    """Keep the page this URL routed to, with what serving it needs, for later requests."""
    if getattr(request, "is_preview", False) or request.method not in ("GET", "HEAD"):
        return
    if hasattr(request, "_route_from_cache"):
        return
    page.__dict__["_cached_view_restrictions"] = list(page.get_view_restrictions())
    page.locale  # noqa: B018 - loaded now so readers of the cached page need no query
    cache.set(route_key(request), page, TIMEOUT)
