"""The reader's language: the cookie that remembers it."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponseBase


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
