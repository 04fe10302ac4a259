"""The reader's language: the cookie that remembers it, and each language's home page."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from caching import cached, request_host

from .models import HomePage


def remember_language(response: HttpResponseBase, language: str) -> None:
    """Keep `language` in the cookie that chooses the language of "/" and of the next visit.

    One cookie for visitors and learners alike: following a link in the
    language switcher, signing in and changing the profile's language all set it.
    """
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
    )


def home_urls(request: HttpRequest | None = None) -> dict[str, str]:
    """Language code → URL of that language's home page, from the shared cache."""

    def build() -> dict[str, str]:
        homes = HomePage.objects.live().filter(depth=2).select_related("locale")
        return {home.locale.language_code: home.get_url(request) for home in homes}

    return cached(("homes", request_host(request)), build, request)
