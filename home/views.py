"""Site-wide views: search."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Locale

from modules.models import ModulePage

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = ModulePage.objects.none()
    if query:
        results = (
            ModulePage.objects.live()
            .filter(locale=Locale.get_active())
            .search(query, operator="and")
        )
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "home/search.html",
        {"query": query, "page_obj": page_obj, "results": page_obj.object_list},
    )
