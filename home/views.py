"""Site-wide views: search, and the icon browsers ask for."""

from __future__ import annotations

import unicodedata

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from wagtail.models import Locale

from modules.search import find_modules, modules_to_show

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def searchable(text: str) -> str:
    """The query without the characters that break the database's full-text
    query instead of matching nothing: control characters (a NUL byte) and
    double quotes, which SQLite's search index takes as an unfinished phrase.
    Both would be a 500."""
    cleaned = "".join(" " if unicodedata.category(ch) == "Cc" or ch == '"' else ch for ch in text)
    return " ".join(cleaned.split())[:MAX_QUERY_LENGTH]


def search(request: HttpRequest) -> HttpResponse:
    """Modules found by words in any language (English words on the Estonian site
    too), each once, in the page's language where it is translated."""
    query = searchable(request.GET.get("q", ""))
    paginator = Paginator(find_modules(query) if query else [], RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    results = modules_to_show(page_obj.object_list, Locale.get_active()) if query else []
    return TemplateResponse(
        request,
        "home/search.html",
        {"query": query, "page_obj": page_obj, "results": results},
    )


def favicon(request: HttpRequest) -> HttpResponsePermanentRedirect:
    """Browsers ask for /favicon.ico on their own; the icon is a (hashed) static file,
    whose address is known only once the static files are collected."""
    return HttpResponsePermanentRedirect(static("icons/favicon.ico"))
