"""The editor's dashboard panel on modules that learners often fail at the first try.

A low first-attempt pass rate usually means a confusing question or a lesson
that does not teach what the quiz asks, which is the editor's to fix.

Privacy: the rate is counted per module and per language of the version the
learner started, from learners who consented to statistics, and a language
counts only when at least `EDITOR_PASS_RATE_MIN_TRIES` learners made a first
attempt in it. An editor of several languages sees the sum of such groups, so
two rates that differ by languages differ by whole groups of that size and
never single a learner out. No counts are shown, only the rounded rate.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.http import urlencode

from modules.editor_home import PANEL_ROWS, EditorPanel, editable_pages, one_version_per_module
from modules.models import ModulePage

from .models import ModuleProgress
from .statistics.scope import can_view_statistics


@dataclass
class StrugglingModule:
    page: ModulePage
    pass_rate: int  # percent, rounded
    questions_url: str  # the question analysis, or "" when the editor may not see statistics


def first_try_rates(pages: list[ModulePage]) -> dict:
    """{module key: (first tries, first passes)} over the languages of `pages`,
    counting only languages with enough first tries. One query."""
    languages_by_key: dict = {}
    for page in pages:
        languages_by_key.setdefault(page.translation_key, set()).add(page.locale.language_code)
    if not languages_by_key:
        return {}
    groups = (
        ModuleProgress.objects.filter(
            counts_in_statistics=True,
            first_attempt_passed__isnull=False,
            module_key__in=list(languages_by_key),
        )
        .values("module_key", "started_language")
        .annotate(tries=Count("id"), passes=Count("id", filter=Q(first_attempt_passed=True)))
    )
    minimum = settings.EDITOR_PASS_RATE_MIN_TRIES
    rates: dict = {}
    for group in groups:
        key = group["module_key"]
        if group["started_language"] not in languages_by_key[key] or group["tries"] < minimum:
            continue
        tries, passes = rates.get(key, (0, 0))
        rates[key] = (tries + group["tries"], passes + group["passes"])
    return rates


def struggling_modules(user) -> list[StrugglingModule]:
    """Modules the editor may change whose first-attempt pass rate is below the bar,
    lowest first."""
    pages = list(
        ModulePage.objects.filter(pk__in=editable_pages(user).values("pk"))
        .select_related("locale")
        .only("id", "title", "translation_key", "locale")
    )
    rates = first_try_rates(pages)
    show_questions = can_view_statistics(user)
    found = []
    for page in one_version_per_module(pages):
        if page.translation_key not in rates:
            continue
        tries, passes = rates[page.translation_key]
        rate = round(100 * passes / tries)
        if rate >= settings.EDITOR_LOW_PASS_RATE:
            continue
        questions_url = (
            reverse("learning_statistics:questions")
            + "?"
            + urlencode({"module": str(page.translation_key)})
            if show_questions
            else ""
        )
        found.append(StrugglingModule(page, rate, questions_url))
    return sorted(found, key=lambda module: (module.pass_rate, module.page.title.lower()))


class StrugglingModulesPanel(EditorPanel):
    name = "editor_struggling_modules"
    template_name = "learning/dashboard/struggling_modules.html"
    order = 248

    def get_context_data(self, parent_context=None):
        modules = struggling_modules(self.request.user)
        return {
            "modules": modules[:PANEL_ROWS],
            "total": len(modules),
            "low_rate": settings.EDITOR_LOW_PASS_RATE,
            "min_tries": settings.EDITOR_PASS_RATE_MIN_TRIES,
        }
