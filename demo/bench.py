"""Instruments for `make bench`: a bare view and a count of each request's SQL queries.

scripts/bench.py switches them on with BENCH_INSTRUMENTS=1 under
config.settings.production_demo; no other settings module installs them.
The bare view gives the throughput ceiling of Django under the same gunicorn
and middleware, the signed-in floor that of any page for a signed-in person;
a response header says how many SQL queries each request ran.
"""

from __future__ import annotations

from contextlib import ExitStack

from django.db import connections
from django.http import HttpRequest, HttpResponse

QUERY_COUNT_HEADER = "X-SQL-Queries"


def bare(request: HttpRequest) -> HttpResponse:
    """The cheapest response Django can give: no template, no database."""
    return HttpResponse(b"ok", content_type="text/plain")


def signed_in_floor(request: HttpRequest) -> HttpResponse:
    """The cheapest response to a signed-in person: what every signed-in page pays
    before its own work (the session from the cache, the person from the
    database), and no template. A page cannot be cheaper than this."""
    if not request.user.is_authenticated:
        return HttpResponse(b"sign in", status=403, content_type="text/plain")
    return HttpResponse(str(request.user.pk).encode(), content_type="text/plain")


class QueryCountMiddleware:
    """Count every SQL statement a request runs, on every database alias."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counting(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with ExitStack() as stack:
            for alias in connections:
                stack.enter_context(connections[alias].execute_wrapper(counting))
            response = self.get_response(request)
        response[QUERY_COUNT_HEADER] = str(count)
        return response
