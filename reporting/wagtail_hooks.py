from django.urls import path
from wagtail import hooks

from learning.statistics.scope import can_view_statistics
from modules.editor_home import may_edit_pages

from . import views
from .home import ProgrammesPanel, TrendPanel
from .viewsets import programme_target_viewset


@hooks.register("register_admin_urls")
def register_subscription_url():
    return [path("reports/subscription/", views.subscription, name="reporting_subscription")]


@hooks.register("register_admin_viewset")
def register_programme_targets():
    return programme_target_viewset


@hooks.register("construct_homepage_panels")
def add_manager_panels(request, panels):
    """A manager's home: their programmes against the targets, the last twelve weeks.
    People who edit no page do not get Wagtail's "what's new" panel for editors."""
    user = request.user
    if can_view_statistics(user):
        panels[:0] = [ProgrammesPanel(request), TrendPanel(request)]
    if not may_edit_pages(user):
        panels[:] = [
            panel
            for panel in panels
            if getattr(panel, "name", "") != "whats_new_in_wagtail_version"
        ]


@hooks.register("construct_help_menu")
def hide_the_editor_guide_from_non_editors(request, menu_items):
    if not may_edit_pages(request.user):
        menu_items[:] = [
            item
            for item in menu_items
            if item.name != "editor-guide" and not item.name.startswith("whats-new-in-wagtail")
        ]
