from django.urls import path
from wagtail import hooks

from learning.statistics.scope import can_view_statistics
from modules.editor_home import may_edit_pages

from . import views
from .home import ImpactPanel, ProgrammesPanel, TrendPanel
from .viewsets import programme_target_viewset


@hooks.register("register_admin_urls")
def register_subscription_url():
    return [path("reports/subscription/", views.subscription, name="reporting_subscription")]


@hooks.register("register_admin_viewset")
def register_programme_targets():
    return programme_target_viewset


# Wagtail's own dashboard panels, by name, that only concern people who edit pages.
PAGE_EDITING_PANELS = {
    "whats_new_in_wagtail_version",
    "user_objects_in_workflow_moderation",
    "workflow_objects_to_moderate",
    "locked_pages",
    "recent_edits",
}


@hooks.register("construct_homepage_panels")
def add_manager_panels(request, panels):
    """A manager's home: their programmes against the targets, the last twelve weeks,
    what the training changed.
    People who edit no page do not get Wagtail's panels about editing pages,
    which would be empty for them and still query the page tables."""
    user = request.user
    if can_view_statistics(user):
        panels[:0] = [ProgrammesPanel(request), TrendPanel(request), ImpactPanel(request)]
    if not may_edit_pages(user):
        panels[:] = [
            panel for panel in panels if getattr(panel, "name", "") not in PAGE_EDITING_PANELS
        ]


@hooks.register("construct_help_menu")
def hide_the_editor_guide_from_non_editors(request, menu_items):
    if not may_edit_pages(request.user):
        menu_items[:] = [
            item
            for item in menu_items
            if item.name != "editor-guide" and not item.name.startswith("whats-new-in-wagtail")
        ]


# --- The programme report (reporting.programme_report_view) -------------------------


@hooks.register("register_admin_urls")
def register_programme_report_url():
    from django.urls import path

    from .programme_report_view import ProgrammeReportView

    return [
        path(
            "statistics/programme-report/",
            ProgrammeReportView.as_view(),
            name="reporting_programme_report",
        )
    ]


@hooks.register("statistics_report_links")
def programme_report_link() -> list[tuple[str, str]]:
    """Listed with the statistics reports, after the organisations' ones."""
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _

    return [(_("Programme report"), reverse("reporting_programme_report"))]
