"""The figures of each statistics report, as labelled rows.

Every function takes the person asking and their filters, asks `sources`
for the totals (from the statistics cells or the progress rows: decided
there, nowhere else), and labels them: region and sector names, module and
programme titles, question texts. Counts of learners are distinct learners,
suppressed later by the reports when they describe fewer than k people.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F
from django.utils.translation import get_language, gettext

from modules.models import ModulePage, ProgrammeModule, ProgrammePage, Region, Sector, SubRegion
from modules.models.taxonomy import name_order

from ..models import OrganisationSize
from . import sources
from .filters import StatisticsFilters, titles_by_key
from .sources import currently_certified, registered_learners
from .sources.live import grouped_funnel_counts, subregion_key
from .totals import NONE, FunnelCounts

DIMENSIONS = (
    "region",
    "subregion",
    "programme",
    "module",
    "sector",
    "language",
    "organisation_size",
)

__all__ = [
    "DIMENSIONS",
    "BreakdownRow",
    "FunnelRow",
    "OptionRow",
    "Overview",
    "QuestionRow",
    "TimePoint",
    "breakdown",
    "completions_over_time",
    "overview",
    "programme_completion",
    "programme_funnel",
    "programme_funnel_by_subregion",
    "question_analysis",
    "registered_learners",
    "subregion_label",
]


@dataclass(frozen=True)
class Overview:
    registered: int
    started: int
    completed: int
    average_best_score: float | None
    first_attempts: int
    first_attempts_passed: int
    first_attempt_learners: int
    currently_certified: int

    @property
    def completion_rate(self) -> float | None:
        return self.completed / self.started if self.started else None

    @property
    def first_attempt_pass_rate(self) -> float | None:
        return self.first_attempts_passed / self.first_attempts if self.first_attempts else None


def overview(user, filters: StatisticsFilters) -> Overview:
    found = sources.source_for(user, filters, sources.LEARNERS).learner_totals()
    total = found[0] if found else NONE
    return Overview(
        registered=registered_learners(user, filters).count(),
        started=total.started,
        completed=total.completed,
        average_best_score=total.average_best_score,
        first_attempts=total.first_attempts,
        first_attempts_passed=total.first_attempts_passed,
        first_attempt_learners=total.learners_with_attempts,
        currently_certified=currently_certified(user, filters),
    )


@dataclass(frozen=True)
class BreakdownRow:
    key: object
    label: str
    started: int
    completed: int
    completions: int
    average_best_score: float | None
    # The region a sub-region's row belongs to (None in the other breakdowns):
    # the rows of a region add up to its row in the breakdown by region.
    group: object = None

    @property
    def completion_rate(self) -> float | None:
        return self.completed / self.started if self.started else None


def _group_labels(dimension: str, keys: list) -> dict:
    if dimension == "region":
        return {r.pk: r.display_name for r in Region.objects.filter(pk__in=keys)}
    if dimension == "sector":
        return {s.pk: s.display_name for s in Sector.objects.filter(pk__in=keys)}
    if dimension == "module":
        return titles_by_key(ModulePage, keys)
    if dimension == "language":
        return dict(settings.LANGUAGES)
    return dict(OrganisationSize.choices)


def breakdown(user, filters: StatisticsFilters, dimension: str) -> list[BreakdownRow]:
    """Figures per region, sub-region, programme, module, sector, language or organisation size."""
    if dimension not in DIMENSIONS:
        raise ValueError(dimension)
    if dimension == "programme":
        return _programme_breakdown(user, filters)
    if dimension == "subregion":
        return _subregion_breakdown(user, filters)
    if dimension == "module":
        found = sources.source_for(user, filters, sources.MODULES).module_totals()
    else:
        found = sources.source_for(user, filters, sources.LEARNERS).learner_totals(dimension)
    labels = _group_labels(dimension, [total.key for total in found])
    unknown = gettext("Not given")
    rows = [
        BreakdownRow(
            key=total.key,
            label=str(labels.get(total.key, unknown) if total.key not in (None, "") else unknown),
            started=total.started,
            completed=total.completed,
            completions=total.completions,
            average_best_score=total.average_best_score,
        )
        for total in found
    ]
    return sorted(rows, key=lambda row: row.label.lower())


def subregion_label(subregion_name: str | None, region_name: str) -> str:
    """A sub-region's row named with its region; a region's learners who gave none
    (or one of another region) as "Not given (<region>)"."""
    if subregion_name is None:
        return gettext("Not given (%(region)s)") % {"region": region_name}
    return gettext("%(subregion)s (%(region)s)") % {
        "subregion": subregion_name,
        "region": region_name,
    }


def _subregion_breakdown(user, filters: StatisticsFilters) -> list[BreakdownRow]:
    """Per sub-region, keyed (region id, sub-region id), and per region its learners
    who gave none, keyed (region id, None): grouped by region, the regions and
    their sub-regions in alphabetical order, "Not given" last in each region.
    Always from the rows (`sources.cells_answer`)."""
    source = sources.source_for(user, filters, sources.LEARNERS, dimension="subregion")
    found = source.learner_totals("subregion")
    regions = {region.pk: region.display_name for region in filters.regions}
    subregions = {
        subregion.pk: subregion.display_name
        for subregion in SubRegion.objects.filter(
            pk__in=[total.key[1] for total in found if total.key[1] is not None]
        )
    }
    rows = [
        BreakdownRow(
            key=total.key,
            label=subregion_label(subregions.get(total.key[1]), regions.get(total.key[0], "?")),
            started=total.started,
            completed=total.completed,
            completions=total.completions,
            average_best_score=total.average_best_score,
            group=total.key[0],
        )
        for total in found
    ]

    def order(row: BreakdownRow) -> tuple:
        region, subregion = row.key
        name = subregions.get(subregion, "") if subregion is not None else ""
        return (name_order(regions.get(region, "")), region, subregion is None, name_order(name))

    return sorted(rows, key=order)


def _programme_modules(filters: StatisticsFilters) -> dict:
    """Module keys per programme key, for the filtered programme or all of them."""
    programmes: dict = {}
    for programme_key, module_key in ProgrammeModule.objects.values_list(
        "programme__translation_key", "module__translation_key"
    ).distinct():
        if not filters.programme_key or str(programme_key) == str(filters.programme_key):
            programmes.setdefault(programme_key, set()).add(module_key)
    return programmes


def _programme_breakdown(user, filters: StatisticsFilters) -> list[BreakdownRow]:
    programmes = _programme_modules(filters)
    titles = titles_by_key(ProgrammePage, list(programmes))
    source = sources.source_for(user, filters, sources.PROGRAMMES, programmes=programmes)
    found = source.programme_totals(programmes)
    rows = []
    for programme_key in programmes:
        total = found.get(programme_key, NONE)
        rows.append(
            BreakdownRow(
                key=programme_key,
                label=titles.get(programme_key, "?"),
                started=total.started,
                completed=total.completed,
                completions=total.completions,
                average_best_score=total.average_best_score,
            )
        )
    return sorted(rows, key=lambda row: row.label.lower())


@dataclass(frozen=True)
class TimePoint:
    period: datetime.date
    learners: int
    completions: int


def completions_over_time(
    user, filters: StatisticsFilters, period: str = "month"
) -> list[TimePoint]:
    """Per month or week: learners who completed a module in it, and module completions."""
    source = sources.source_for(user, filters, sources.PERIODS)
    return [
        TimePoint(total.key, total.completed, total.completions)
        for total in source.period_totals("week" if period == "week" else "month")
    ]


@dataclass(frozen=True)
class FunnelRow:
    key: object
    label: str
    registered: int
    started: int
    completed: int


def programme_funnel(user, filters: StatisticsFilters) -> list[FunnelRow]:
    """Per programme: learners registered in its regions → started it → completed all of it."""
    programmes = _programme_modules(filters)
    titles = titles_by_key(ProgrammePage, list(programmes))
    target_regions: dict = {}
    for key, region_id in ProgrammePage.objects.filter(
        translation_key__in=list(programmes)
    ).values_list("translation_key", "regions"):
        if region_id:
            target_regions.setdefault(key, set()).add(region_id)
    source = sources.source_for(user, filters, sources.PROGRAMMES, programmes=programmes)
    counts = source.funnel_counts(programmes)
    learners = registered_learners(user, filters)
    result = []
    for programme_key in programmes:
        registered = learners
        if target_regions.get(programme_key):
            registered = registered.filter(region__in=target_regions[programme_key])
        started, completed = counts.get(programme_key, FunnelCounts())
        result.append(
            FunnelRow(
                key=programme_key,
                label=titles.get(programme_key, "?"),
                registered=registered.count(),
                started=started,
                completed=completed,
            )
        )
    return sorted(result, key=lambda row: row.label.lower())


def programme_funnel_by_subregion(user, filters: StatisticsFilters) -> tuple[dict, dict]:
    """The programme funnel's learners who started and who completed all of each
    programme, per sub-region and per region: {programme key: {(region id,
    sub-region id or None): FunnelCounts}} and {programme key: {region id:
    FunnelCounts}}. From the rows: no cell keeps sub-regions."""
    programmes = _programme_modules(filters)
    by_subregion = grouped_funnel_counts(
        user, filters, programmes, group_region=F("region"), group_subregion=subregion_key()
    )
    by_region = grouped_funnel_counts(user, filters, programmes, group_region=F("region"))
    return by_subregion, {
        programme_key: {key[0]: counts for key, counts in groups.items()}
        for programme_key, groups in by_region.items()
    }


def programme_completion(user, filters: StatisticsFilters) -> list[FunnelRow]:
    """The funnel's learners who started and completed all of each programme, without
    the registered learners (left at 0), which cost a count per programme."""
    programmes = _programme_modules(filters)
    titles = titles_by_key(ProgrammePage, list(programmes))
    source = sources.source_for(user, filters, sources.PROGRAMMES, programmes=programmes)
    counts = source.funnel_counts(programmes)
    result = []
    for programme_key in programmes:
        started, completed = counts.get(programme_key, FunnelCounts())
        result.append(
            FunnelRow(programme_key, titles.get(programme_key, "?"), 0, started, completed)
        )
    return sorted(result, key=lambda row: row.label.lower())


@dataclass(frozen=True)
class OptionRow:
    choice_id: str
    text: str
    is_correct: bool
    # Learners whose first attempt chose it.
    learners: int


@dataclass(frozen=True)
class QuestionRow:
    question_id: str
    prompt: str
    position: int
    learners: int
    answers: int
    correct: int
    by_language: dict  # language -> (learners, answers, correct)
    # The question's kind (modules.quiz), "" when it is no longer in the module.
    kind: str = ""
    # Learners who answered it on their first attempt, and the options they chose.
    respondents: int = 0
    options: tuple[OptionRow, ...] = ()

    @property
    def correct_rate(self) -> float | None:
        return self.correct / self.answers if self.answers else None


def question_analysis(user, filters: StatisticsFilters, module_key: str) -> list[QuestionRow]:
    """How often each question of a module is answered right, overall and per
    language, and which of its options learners chose on their first attempt."""
    source = sources.source_for(user, filters, sources.QUESTIONS)
    overall, per_language = source.question_totals(module_key)
    languages: dict = {}
    for answer in per_language:
        languages.setdefault(answer.question_id, {})[answer.language] = (
            answer.learners,
            answer.answers,
            answer.correct,
        )
    chosen: dict = {}
    respondents: dict = {}
    for total in source.option_totals(module_key):
        if total.choice_id:
            chosen.setdefault(total.question_id, {})[total.choice_id] = total.learners
        else:
            respondents[total.question_id] = total.learners
    questions = _module_questions(module_key)
    order = {question.id: index for index, question in enumerate(questions, start=1)}
    by_id = {question.id: question for question in questions}
    result = []
    for answer in overall:
        question = by_id.get(answer.question_id)
        result.append(
            QuestionRow(
                question_id=answer.question_id,
                prompt=question.prompt if question else answer.question_id,
                position=order.get(answer.question_id, 999),
                learners=answer.learners,
                answers=answer.answers,
                correct=answer.correct,
                by_language=languages.get(answer.question_id, {}),
                kind=question.kind if question else "",
                respondents=respondents.get(answer.question_id, 0),
                options=_options(question, chosen.get(answer.question_id, {})),
            )
        )
    return sorted(result, key=lambda row: (row.position, row.question_id))


def _options(question, chosen: dict) -> tuple[OptionRow, ...]:
    """Every option of the question in its order, then any chosen option that
    is no longer in it: all of them, so that they add up to the respondents."""
    if question is None:
        return ()
    options = [
        OptionRow(choice.id, choice.text, choice.is_correct, chosen.get(choice.id, 0))
        for choice in question.choices
    ]
    known = {choice.id for choice in question.choices}
    options += [
        OptionRow(choice_id, gettext("An option no longer in the quiz"), False, learners)
        for choice_id, learners in sorted(chosen.items())
        if choice_id not in known
    ]
    return tuple(options)


def _module_questions(module_key: str) -> tuple:
    """The questions of the module's current version in the active language."""
    language = (get_language() or "en").split("-")[0]
    pages = list(ModulePage.objects.filter(translation_key=module_key).select_related("locale"))
    page = next((p for p in pages if p.locale.language_code == language), None) or (
        pages[0] if pages else None
    )
    if page is None:
        return ()
    return page.quiz_definition.questions
