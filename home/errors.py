"""The server error page, and a "try again" page when the database is unreachable.

Error pages render without the request context: the base template, the
navigation and the language switcher read pages from the database, which
may be the very thing that failed.
"""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils.translation import get_language

# Connection loss, failover, a lock or statement timeout, a serialisation
# failure: all pass, so the learner is told to retry rather than that we broke.
TRANSIENT_DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def _try_again_response() -> HttpResponse:
    context = {"language": get_language() or "en", "retry_after": RETRY_AFTER_SECONDS}
    response = HttpResponse(loader.render_to_string("503.html", context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class TransientDatabaseErrorMiddleware:
    """A view that meets a busy or unreachable database answers 503 "try again".

    handler500 does the same in production, but not with DEBUG on, where
    Django shows its technical error page instead; `make run` serves with
    DEBUG, on SQLite, and learners arriving together must not see a 500 there.
    The request's transaction has been rolled back, so nothing was written.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, TRANSIENT_DATABASE_ERRORS):
            # The failed request leaves the visitor's cookies as they were: a
            # sign-in it began (new session key, new CSRF token) was rolled
            # back, so resubmitting the same form must still work.
            request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
            session = getattr(request, "session", None)
            if session is not None:
                session.modified = False
            return _try_again_response()
        return None


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """handler500: 503 with Retry-After for a database outage, 500 otherwise.

    Django calls it while handling the exception, so sys.exc_info() holds it.
    Nothing was written: every change a request makes is one transaction,
    rolled back when it fails.
    """
    if isinstance(sys.exc_info()[1], TRANSIENT_DATABASE_ERRORS):
        return _try_again_response()
    context = {"language": get_language() or "en", "retry_after": RETRY_AFTER_SECONDS}
    return HttpResponseServerError(loader.render_to_string(template_name, context))
