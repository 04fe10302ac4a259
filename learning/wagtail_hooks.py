from django import forms
from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from modules.editor_home import may_edit_pages
from modules.models import ModulePage

from .editor_panels import StrugglingModulesPanel
from .models import LearnerProfile, ManagerRegions
from .progress import continue_reading
from .recording import record_module_start
from .statistics import urls as statistics_urls
from .statistics.scope import can_view_statistics
from .views import two_factor


@hooks.register("before_serve_page")
def record_that_a_learner_opened_a_module(page, request, serve_args, serve_kwargs):
    """Opening a module as a signed-in learner records that they started it (once)."""
    if (
        isinstance(page, ModulePage)
        and request.method == "GET"
        and LearnerProfile.objects.for_user(request.user)
    ):
        # Kept on the request so the page's status panel needs no second query.
        request.__dict__.setdefault("_module_progress", {})[page.translation_key] = (
            record_module_start(request.user, page)
        )


@hooks.register("home_page_panels")
def continue_reading_panel(request) -> str:
    """The home page's one next step for a learner with an unfinished module."""
    place = continue_reading(request.user, request)
    if place is None:
        return ""
    return render_to_string(
        "learning/includes/continue_banner.html", {"place": place}, request=request
    )


@hooks.register("register_admin_urls")
def register_statistics_urls():
    return [path("statistics/", include(statistics_urls, namespace="learning_statistics"))]


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", two_factor.StatusView.as_view(), name="two_factor"),
        path("two-factor/setup/", two_factor.SetupView.as_view(), name="two_factor_setup"),
        path("two-factor/verify/", two_factor.VerifyView.as_view(), name="two_factor_verify"),
    ]


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request):
    return {
        "url": reverse("two_factor"),
        "label": _("Two-step verification"),
        "help_text": _("Protect your account with a code from an authenticator app."),
    }


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_statistics(request.user)


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(
        _("Statistics"),
        reverse("learning_statistics:overview"),
        name="statistics",
        icon_name="table",
        order=250,
    )


class ManagerRegionsViewSet(SnippetViewSet):
    """Administrators assign programme managers their regions."""

    model = ManagerRegions
    icon = "group"
    menu_label = _("Managers' regions")
    add_to_settings_menu = True
    list_display = ["user", "region_list"]
    panels = [FieldPanel("user"), FieldPanel("regions", widget=forms.CheckboxSelectMultiple)]


register_snippet(ManagerRegionsViewSet)


@hooks.register("construct_homepage_panels")
def add_struggling_modules_panel(request, panels):
    """Editors see the modules learners often fail at the first try."""
    if may_edit_pages(request.user):
        panels.append(StrugglingModulesPanel(request))
