"""The figures of each statistics report, as labelled rows.

Every function takes the person asking and their filters, asks `sources`
for the totals (from the statistics cells or the progress rows: decided
there, nowhere else), and labels them: region and sector names, module and
programme titles, question texts. Counts of learners are distinct learners,
suppressed later by the reports when they describe fewer than k people.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from django.conf import settings
from django.db.models import BigIntegerField, Case, Count, F, Value, When
from django.utils.translation import get_language, gettext

from caching.lookups import cached
from modules.models import ModulePage, ProgrammePage, Region, Sector, SubRegion
from modules.models.taxonomy import name_order

from ..models import OrganisationSize
from . import sources
from .filters import StatisticsFilters, programme_modules, titles_by_key
from .memo import remembered
from .sources import currently_certified, registered_learners
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
    "learners_started",
    "completions_over_time",
    "overview",
    "programme_completion",
    "programme_funnel",
    "programme_funnel_by",
    "programme_funnel_of_group",
    "learners_started_in_group",
    "NO_CHOICE",
    "programme_regions",
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


def learners_started(user, filters: StatisticsFilters) -> int:
    """Learners who started at least one module: the overview's figure, without
    the overview's other counts (registered learners, certificates)."""
    found = sources.source_for(user, filters, sources.LEARNERS).learner_totals()
    return found[0].started if found else 0


def learners_started_at_least(user, filters: StatisticsFilters, learners: int) -> bool:
    """Whether `learners_started(user, filters)` is at least `learners`: a large
    selection is settled by its first learners where the cells answer."""
    source = sources.source_for(user, filters, sources.LEARNERS)
    if isinstance(source, sources.CellsSource):
        return source.started_at_least(learners)
    return learners_started(user, filters) >= learners


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
        source = sources.source_for(user, filters, sources.LEARNERS, dimension=dimension)
        found = source.learner_totals(dimension)
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
    their sub-regions in alphabetical order, "Not given" last in each region."""
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
    return {
        programme_key: set(module_keys)
        for programme_key, module_keys in programme_modules().items()
        if not filters.programme_key or str(programme_key) == str(filters.programme_key)
    }


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
    period = "week" if period == "week" else "month"
    source = sources.source_for(user, filters, sources.PERIODS, period=period)
    return [
        TimePoint(total.key, total.completed, total.completions)
        for total in source.period_totals(period)
    ]


@dataclass(frozen=True)
class FunnelRow:
    key: object
    label: str
    registered: int
    started: int
    completed: int


# What stands for "no group chosen" in the filters, per dimension a report can split by.
NO_CHOICE = {
    "region": None,
    "subregion": None,
    "sector": None,
    "organisation_size": "",
    "language": "",
}

# The learner profile's field that splits registered learners as each funnel
# split does (the progress rows keep the situation when the learner studied;
# registered learners are counted as they are now).
PROFILE_FIELDS = {
    "region": "region",
    "sector": "sector",
    "organisation_size": "organisation_size",
    "language": "preferred_language",
    "subregion": "subregion",
}


def programme_regions(programme_keys) -> dict:
    """{programme key: ids of the regions it is for}; an empty set for a
    programme for no region in particular, which is for every region."""

    def build() -> dict:
        found: dict = {}
        for key, region_id in ProgrammePage.objects.values_list("translation_key", "regions"):
            found.setdefault(key, set())
            if region_id:
                found[key].add(region_id)
        return found

    # A programme's regions change when it is published: a new content generation.
    every = cached(("statistics-programme-regions",), build)
    return {key: set(every.get(key, ())) for key in programme_keys}


def _registered(user, filters: StatisticsFilters, programmes: dict, dimension: str = "") -> dict:
    """{(programme key, group or None): learners registered in the programme's
    regions}, from one count per region (and group)."""
    learners = registered_learners(user, filters)
    if dimension == "subregion":
        # As the filter on a sub-region counts them: a sub-region of another region is none.
        learners = learners.annotate(
            group_key=Case(
                When(subregion__region=F("region"), then=F("subregion")),
                default=Value(None),
                output_field=BigIntegerField(),
            )
        )
    elif dimension:
        learners = learners.annotate(group_key=F(PROFILE_FIELDS[dimension]))
    else:
        learners = learners.annotate(group_key=Value(None, output_field=BigIntegerField()))
    counted = (
        learners.values("region", "group_key")
        .annotate(learners=Count("pk"))
        .order_by()
        .values_list("region", "group_key", "learners")
    )
    for_regions = programme_regions(programmes)
    found: dict = {}
    for region_id, group, count in counted:
        for programme_key in programmes:
            wanted = for_regions.get(programme_key)
            if not wanted or region_id in wanted:
                found[programme_key, group] = found.get((programme_key, group), 0) + count
    return found


def programme_funnel(user, filters: StatisticsFilters) -> list[FunnelRow]:
    """Per programme: learners registered in its regions → started it → completed all of it."""
    programmes = _programme_modules(filters)
    source = sources.source_for(user, filters, sources.PROGRAMMES, programmes=programmes)
    counts = source.funnel_counts(programmes)
    registered = _registered(user, filters, programmes)
    return _funnel_rows(
        programmes, counts, {key: registered.get((key, None), 0) for key in programmes}
    )


def programme_funnel_by(user, filters: StatisticsFilters, dimension: str) -> dict:
    """{(programme key, group): FunnelRow} for every group of `dimension` that has
    learners: what `programme_funnel` gives for `filters` with that dimension
    set to the group, in a number of statements that does not grow with the
    groups. `filters` must leave `dimension` unchosen."""
    return programme_funnel_and_split(user, filters, dimension, whole=False)[1]


def programme_funnel_and_split(
    user, filters: StatisticsFilters, dimension: str, *, whole: bool = True
) -> tuple[list[FunnelRow], dict]:
    """`programme_funnel(user, filters)` and `programme_funnel_by(user, filters,
    dimension)` together: the cells give both from one reading, and the
    learners registered in each programme's regions are the sum of its groups
    (a learner has one profile, so one group). Without `whole`, only the split."""
    if dimension not in PROFILE_FIELDS:
        raise ValueError(dimension)
    programmes = _programme_modules(filters)
    source = sources.source_for(
        user, filters, sources.PROGRAMMES, programmes=programmes, dimension=dimension
    )
    if whole and isinstance(source, sources.CellsSource):
        whole_counts, counts = source.funnel_counts_and_split(programmes, dimension)
    else:
        counts = source.funnel_counts_by(programmes, dimension)
        whole_counts = (
            sources.source_for(
                user, filters, sources.PROGRAMMES, programmes=programmes
            ).funnel_counts(programmes)
            if whole
            else {}
        )
    registered = _registered(user, filters, programmes, dimension)
    titles = titles_by_key(ProgrammePage, list(programmes))
    split = {}
    for programme_key, group in {*counts, *registered}:
        started, completed = counts.get((programme_key, group), FunnelCounts())
        split[programme_key, group] = FunnelRow(
            key=programme_key,
            label=titles.get(programme_key, "?"),
            registered=registered.get((programme_key, group), 0),
            started=started,
            completed=completed,
        )
    if not whole:
        return [], split
    registered_whole = dict.fromkeys(programmes, 0)
    for (programme_key, _group), learners in registered.items():
        registered_whole[programme_key] += learners
    return _funnel_rows(programmes, whole_counts, registered_whole), split


def _funnel_rows(programmes: dict, counts: dict, registered: dict) -> list[FunnelRow]:
    """One funnel row per programme, in the order of their titles."""
    titles = titles_by_key(ProgrammePage, list(programmes))
    rows = []
    for programme_key in programmes:
        started, completed = counts.get(programme_key, FunnelCounts())
        rows.append(
            FunnelRow(
                key=programme_key,
                label=titles.get(programme_key, "?"),
                registered=registered.get(programme_key, 0),
                started=started,
                completed=completed,
            )
        )
    return sorted(rows, key=lambda row: row.label.lower())


def programme_funnel_of_group(user, filters: StatisticsFilters, dimension: str) -> list[FunnelRow]:
    """`programme_funnel(user, filters)` for filters that choose a group of
    `dimension`, read from the funnel split by that dimension (the same
    figures: tests/learning/statistics/test_funnel_split.py). While a document
    is made (`memo.shared_figures`) the split is computed once for all its groups."""
    group = getattr(filters, dimension)
    undivided = replace(filters, **{dimension: NO_CHOICE[dimension]})
    split = remembered(
        "funnel-split",
        user,
        undivided,
        lambda: programme_funnel_by(user, undivided, dimension),
        dimension,
    )
    programmes = _programme_modules(filters)
    titles = titles_by_key(ProgrammePage, list(programmes))
    rows = []
    for programme_key in programmes:
        found = split.get((programme_key, getattr(group, "pk", group)))
        rows.append(
            FunnelRow(
                key=programme_key,
                label=titles.get(programme_key, "?"),
                registered=found.registered if found else 0,
                started=found.started if found else 0,
                completed=found.completed if found else 0,
            )
        )
    return sorted(rows, key=lambda row: row.label.lower())


def learners_started_in_group(user, filters: StatisticsFilters, dimension: str) -> int:
    """`learners_started(user, filters)` for filters that choose a group of
    `dimension`, read from the learners split by it (computed once while a
    document is made)."""
    group = getattr(filters, dimension)
    undivided = replace(filters, **{dimension: NO_CHOICE[dimension]})

    def split() -> dict:
        source = sources.source_for(user, undivided, sources.LEARNERS, dimension=dimension)
        return {total.key: total.started for total in source.learner_totals(dimension)}

    started = remembered("started-split", user, undivided, split, dimension)
    # The breakdown by sub-region keys its rows (region id, sub-region id).
    key = (group.region_id, group.pk) if dimension == "subregion" else getattr(group, "pk", group)
    return started.get(key, 0)


def programme_funnel_by_subregion(user, filters: StatisticsFilters) -> tuple[dict, dict]:
    """The programme funnel's learners who started and who completed all of each
    programme, per sub-region and per region: {programme key: {(region id,
    sub-region id): FunnelCounts}} and {programme key: {region id: FunnelCounts}}.

    The funnel split by sub-region and by region (`programme_funnel_by`), so
    that each row counts exactly what the funnel filtered to its group shows,
    erased learners included; a region's learners who gave no sub-region are
    what its figure leaves beside its sub-regions, so they are not split out."""
    by_subregion: dict = {}
    by_region: dict = {}
    split = programme_funnel_by(user, filters, "subregion")
    region_of = dict(
        SubRegion.objects.filter(pk__in={group for _key, group in split if group is not None})
        .order_by()
        .values_list("pk", "region_id")
    )
    for (programme_key, group), row in split.items():
        if group is not None and group in region_of:
            by_subregion.setdefault(programme_key, {})[region_of[group], group] = FunnelCounts(
                row.started, row.completed
            )
    for (programme_key, region), row in programme_funnel_by(user, filters, "region").items():
        by_region.setdefault(programme_key, {})[region] = FunnelCounts(row.started, row.completed)
    return by_subregion, by_region


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
