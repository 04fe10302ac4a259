"""Site-wide middleware: the remembered language."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import get_language_from_path

from .languages import remember_language


class RememberLanguageMiddleware:
    """Set the language cookie to the language of each successfully served page.

    Choosing a language in the switcher is following a link to a page in that
    language; the cookie then makes the choice stick for "/" and for the next
    visit, ahead of the browser's Accept-Language. It sits outside the page
    cache so that cached pages set it too, per visitor, and only when it changes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = get_language_from_path(request.path_info)
        if (
            language
            and response.status_code == 200
            and request.method == "GET"
            # Reading a module in another language for want of a translation
            # is not a choice of language.
            and "fallback_from" not in request.GET
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language
        ):
            remember_language(response, language)
        return response
