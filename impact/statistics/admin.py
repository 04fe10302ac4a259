"""The impact reports in the admin: their URLs under Statistics, and their place in
the list of statistics reports that every statistics page shows."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import urls


@hooks.register("register_admin_urls")
def register_impact_statistics_urls():
    return [path("statistics/impact/", include(urls, namespace="impact_statistics"))]


@hooks.register("statistics_report_links")
def impact_report_links() -> list[tuple[str, str]]:
    return [
        (_("Learning gain"), reverse("impact_statistics:gain")),
        (_("Survey results"), reverse("impact_statistics:surveys")),
    ]
