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


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """handler500: 503 with Retry-After for a database outage, 500 otherwise.

    Django calls it while handling the exception, so sys.exc_info() holds it.
    Nothing was written: every change a request makes is one transaction,
    rolled back when it fails.
    """
    context = {"language": get_language() or "en", "retry_after": RETRY_AFTER_SECONDS}
    if isinstance(sys.exc_info()[1], TRANSIENT_DATABASE_ERRORS):
        response = HttpResponse(loader.render_to_string("503.html", context), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.render_to_string(template_name, context))
