"""Hooks of the organisation statistics: their admin URLs and their place in the Statistics menu."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from ..views import statistics as views

urlpatterns = [
    path("", views.OrganisationSummaryView.as_view(), name="summary"),
    path("by/<str:dimension>/", views.OrganisationSummaryView.as_view(), name="summary_by"),
    path("each/", views.OrganisationTableView.as_view(), name="table"),
]


@hooks.register("register_admin_urls")
def register_organisation_statistics_urls():
    return [
        path(
            "statistics/organisations/",
            include((urlpatterns, "organisation_statistics"), namespace="organisation_statistics"),
        )
    ]


@hooks.register("statistics_report_links")
def organisation_report_links() -> list[tuple[str, str]]:
    """The two reports, listed after the learners' ones on every statistics page."""
    return [
        (_("Organisations in programmes"), reverse("organisation_statistics:summary")),
        (_("Each organisation's progress"), reverse("organisation_statistics:table")),
    ]
