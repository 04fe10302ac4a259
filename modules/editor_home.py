"""The editor's home: dashboard panels about the pages an editor may change.

Each panel lists only pages in the editor's scope (Wagtail's page permissions,
which for a language editor means one language's tree), reads a fixed number
of queries whatever the number of pages, and says plainly when there is
nothing to do.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, QuerySet
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import ModulePage, ProgrammePage

# Enough rows to act on from the dashboard; the count says how many there are in all.
PANEL_ROWS = 8


def editable_pages(user) -> QuerySet:
    """Pages the user may change (a language editor: that language's tree)."""
    return PagePermissionPolicy().instances_user_has_any_permission_for(user, {"change", "publish"})


def may_edit_pages(user) -> bool:
    return user.is_authenticated and PagePermissionPolicy().user_has_any_permission(
        user, {"change", "publish"}
    )


def one_version_per_module(pages: list) -> list:
    """One language version of each module: the default language's when the
    editor may edit it, otherwise the first of theirs in the order of LANGUAGES.
    An editor of every language fixes a missing quiz once, in the source."""
    order = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}
    chosen: dict = {}
    for page in pages:
        current = chosen.get(page.translation_key)
        rank = order.get(page.locale.language_code, len(order))
        if current is None or rank < order.get(current.locale.language_code, len(order)):
            chosen[page.translation_key] = page
    return sorted(chosen.values(), key=lambda page: page.title.lower())


@dataclass
class ModuleGap:
    page: ModulePage
    without_quiz: bool
    without_sector: bool

    @property
    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])


def modules_with_gaps(user) -> list[ModuleGap]:
    """Modules a learner cannot finish (no quiz) or cannot find by sector. One query."""
    modules = (
        ModulePage.objects.filter(pk__in=editable_pages(user).values("pk"))
        .select_related("locale")
        .only("id", "title", "translation_key", "locale", "quiz", "live")
        .annotate(sector_count=Count("sectors"))
    )
    gaps = []
    for page in one_version_per_module(list(modules)):
        gap = ModuleGap(page, not page.quiz.raw_data, page.sector_count == 0)
        if gap.without_quiz or gap.without_sector:
            gaps.append(gap)
    return gaps


def drafts_of(user) -> QuerySet:
    """Modules and programmes whose newest changes, saved by this user, are not published."""
    types = [ModulePage, ProgrammePage]
    return (
        Page.objects.type(*types)
        .filter(
            pk__in=editable_pages(user).values("pk"),
            has_unpublished_changes=True,
            latest_revision__user=user,
        )
        .select_related("locale", "latest_revision")
        .order_by("-latest_revision__created_at")
    )


class EditorPanel(Component):
    """A dashboard panel shown to users who may edit pages."""

    class Media:
        css = {"all": ["modules/dashboard.css"]}

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None) -> str:
        return super().render_html(parent_context or {})


class MyDraftsPanel(EditorPanel):
    name = "editor_drafts"
    template_name = "modules/dashboard/drafts.html"
    order = 240

    def get_context_data(self, parent_context=None):
        drafts = drafts_of(self.request.user)
        rows = list(drafts[:PANEL_ROWS])
        return {
            "drafts": rows,
            "total": len(rows) if len(rows) < PANEL_ROWS else drafts.count(),
        }


class ModulesWithGapsPanel(EditorPanel):
    name = "editor_module_gaps"
    template_name = "modules/dashboard/module_gaps.html"
    order = 245

    def get_context_data(self, parent_context=None):
        gaps = modules_with_gaps(self.request.user)
        return {"gaps": gaps[:PANEL_ROWS], "total": len(gaps)}
