"""Statistics as database aggregates.

Every function takes the person asking and their filters, starts from the
rows `scope` allows, and returns small lists of aggregated numbers; no
function loops over progress rows in Python. Counts of learners are
distinct learners, suppressed later when they describe fewer than k people.

On PostgreSQL the figures come from the statistics cells (`cells`, kept
exact by the database triggers) whenever the filters allow; otherwise, and on other
databases, from the progress rows themselves.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Avg, Case, Count, F, Max, Q, QuerySet, Sum, Value, When
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils import timezone
from django.utils.translation import get_language, gettext

from modules.models import ModulePage, ProgrammeModule, ProgrammePage, Region, Sector

from ..models import OrganisationSize, QuestionResult
from . import cells, switches
from .filters import StatisticsFilters, titles_by_key
from .routing import statistics_database
from .scope import learners_in_scope, progress_in_scope

DIMENSIONS = ("region", "programme", "module", "sector", "language", "organisation_size")


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _day_end(day: datetime.date) -> datetime.datetime:
    return _day_start(day + datetime.timedelta(days=1))


def filtered_progress(user, filters: StatisticsFilters, *, ignore: str = "") -> QuerySet:
    """Progress rows in scope and matching every filter (except `ignore`)."""
    rows = progress_in_scope(user)
    if filters.region and ignore != "region":
        rows = rows.filter(region=filters.region)
    if filters.programme_key and ignore != "programme":
        rows = rows.filter(module_key__in=filters.programme_module_keys)
    if filters.module_key and ignore != "module":
        rows = rows.filter(module_key=filters.module_key)
    if filters.sector and ignore != "sector":
        rows = rows.filter(sector=filters.sector)
    if filters.language and ignore != "language":
        rows = rows.filter(
            Q(completed_language=filters.language)
            | Q(completed_language="", started_language=filters.language)
        )
    if filters.organisation_size and ignore != "organisation_size":
        rows = rows.filter(organisation_size=filters.organisation_size)
    if filters.date_from:
        rows = rows.filter(
            Q(started_at__gte=_day_start(filters.date_from))
            | Q(completed_at__gte=_day_start(filters.date_from))
        )
    if filters.date_to:
        rows = rows.filter(started_at__lt=_day_end(filters.date_to))
    return rows


def _within_dates(field: str, filters: StatisticsFilters, condition: Q) -> Q:
    if filters.date_from:
        condition &= Q(**{f"{field}__gte": _day_start(filters.date_from)})
    if filters.date_to:
        condition &= Q(**{f"{field}__lt": _day_end(filters.date_to)})
    return condition


def _completed_filter(filters: StatisticsFilters) -> Q:
    return _within_dates("completed_at", filters, Q(completed_at__isnull=False))


def _started_filter(filters: StatisticsFilters) -> Q:
    return _within_dates("started_at", filters, Q(started_at__isnull=False))


def registered_learners(user, filters: StatisticsFilters) -> QuerySet:
    learners = learners_in_scope(user)
    if filters.region:
        learners = learners.filter(region=filters.region)
    if filters.sector:
        learners = learners.filter(sector=filters.sector)
    if filters.organisation_size:
        learners = learners.filter(organisation_size=filters.organisation_size)
    if filters.language:
        learners = learners.filter(preferred_language=filters.language)
    if filters.date_to:
        learners = learners.filter(created_at__lt=_day_end(filters.date_to))
    return learners


def per_learner_totals(rows: QuerySet, filters: StatisticsFilters, group=None) -> list[dict]:
    """Learners who started and completed, per group, without COUNT(DISTINCT).

    The rows are first reduced to one row per (learner, group), then summed
    per group. On PostgreSQL the rows arrive in learner order from the
    statistics index, so the first step is an incremental sort rather than a
    hash or a full sort: several times faster than COUNT(DISTINCT user_id).
    `group` is an expression, or None for one total.
    """
    started = _started_filter(filters)
    completed = _completed_filter(filters)
    scored = completed & Q(best_score__isnull=False)
    one, zero = Value(1), Value(0)
    inner = (
        rows.annotate(learner=F("user"), group_key=group if group is not None else zero)
        .values("learner", "group_key")
        .annotate(
            did_start=Max(Case(When(started, then=one), default=zero)),
            did_complete=Max(Case(When(completed, then=one), default=zero)),
            # Counting started_at (never null) keeps the scan index-only.
            completions=Count("started_at", filter=completed),
            score_sum=Sum("best_score", filter=scored),
            score_count=Count("best_score", filter=scored),
            did_try=Max(Case(When(first_attempt_passed__isnull=False, then=one), default=zero)),
            first_tries=Count("first_attempt_passed"),
            first_passes=Count("started_at", filter=Q(first_attempt_passed=True)),
        )
        .order_by()
    )
    try:
        sql, params = inner.query.sql_with_params()
    except EmptyResultSet:
        return []  # nothing in scope, e.g. a manager with no region assigned yet
    outer = (
        "SELECT group_key, SUM(did_start), SUM(did_complete), SUM(completions), "  # noqa: S608
        "SUM(score_sum), SUM(score_count), SUM(did_try), SUM(first_tries), SUM(first_passes) "
        f"FROM ({sql}) AS per_learner GROUP BY group_key"
    )
    with connections[statistics_database()].cursor() as cursor:
        cursor.execute(outer, params)
        return cells.totals_from_rows(cursor.fetchall())


@dataclass(frozen=True)
class Overview:
    registered: int
    started: int
    completed: int
    average_best_score: float | None
    first_attempts: int
    first_attempts_passed: int
    first_attempt_learners: int

    @property
    def completion_rate(self) -> float | None:
        return self.completed / self.started if self.started else None

    @property
    def first_attempt_pass_rate(self) -> float | None:
        return self.first_attempts_passed / self.first_attempts if self.first_attempts else None


def overview(user, filters: StatisticsFilters) -> Overview:
    if switches.in_use() and cells.answers_learner_cells(filters):
        totals = cells.learner_totals(user, filters)
    else:
        totals = per_learner_totals(filtered_progress(user, filters), filters)
    total = totals[0] if totals else {}
    return Overview(
        registered=registered_learners(user, filters).count(),
        started=total.get("started", 0),
        completed=total.get("completed", 0),
        average_best_score=total.get("average_best_score"),
        first_attempts=total.get("first_attempts", 0),
        first_attempts_passed=total.get("first_attempts_passed", 0),
        first_attempt_learners=total.get("learners_with_attempts", 0),
    )


@dataclass(frozen=True)
class BreakdownRow:
    key: object
    label: str
    started: int
    completed: int
    completions: int
    average_best_score: float | None

    @property
    def completion_rate(self) -> float | None:
        return self.completed / self.started if self.started else None


def _module_totals(rows: QuerySet, filters: StatisticsFilters) -> list[dict]:
    """Per module a learner has at most one progress row, so rows count learners."""
    completed = _completed_filter(filters)
    scored = completed & Q(best_score__isnull=False)
    return [
        {**row, "group_key": row["module_key"]}
        for row in rows.values("module_key")
        .annotate(
            started=Count("started_at", filter=_started_filter(filters)),
            completed=Count("started_at", filter=completed),
            completions=Count("started_at", filter=completed),
            average_best_score=Avg("best_score", filter=scored),
        )
        .order_by()
    ]


def breakdown(user, filters: StatisticsFilters, dimension: str) -> list[BreakdownRow]:
    """Figures per region, programme, module, sector, language or organisation size."""
    if dimension not in DIMENSIONS:
        raise ValueError(dimension)
    if dimension == "programme":
        return _programme_breakdown(user, filters)
    field = {
        "region": "region",
        "module": "module_key",
        "sector": "sector",
        "language": "language",
        "organisation_size": "organisation_size",
    }[dimension]
    if switches.in_use() and dimension == "module" and cells.no_dates(filters):
        aggregates = cells.module_totals(user, filters)
    elif switches.in_use() and dimension != "module" and cells.answers_learner_cells(filters):
        aggregates = cells.learner_totals(user, filters, dimension)
    else:
        aggregates = _live_breakdown(user, filters, dimension, field)
    return _breakdown_rows(aggregates, dimension, field)


def _live_breakdown(user, filters: StatisticsFilters, dimension: str, field: str) -> list[dict]:
    rows = filtered_progress(user, filters, ignore=dimension)
    if dimension == "language":
        # The language of the version completed, else of the version started.
        rows = rows.annotate(
            language=Case(
                When(completed_language="", then=F("started_language")),
                default=F("completed_language"),
            )
        )
        if filters.language:
            rows = rows.filter(language=filters.language)
    if dimension == "module":
        return _module_totals(rows, filters)
    return per_learner_totals(rows, filters, F(field))


def _breakdown_rows(aggregates: list[dict], dimension: str, field: str) -> list[BreakdownRow]:
    for aggregate in aggregates:
        aggregate[field] = aggregate["group_key"]
    keys = [a[field] for a in aggregates]
    if dimension == "region":
        labels = {r.pk: r.display_name for r in Region.objects.filter(pk__in=keys)}
    elif dimension == "sector":
        labels = {s.pk: s.display_name for s in Sector.objects.filter(pk__in=keys)}
    elif dimension == "module":
        labels = titles_by_key(ModulePage, keys)
    elif dimension == "language":
        labels = dict(settings.LANGUAGES)
    else:
        labels = dict(OrganisationSize.choices)
    unknown = gettext("Not given")
    result = [
        BreakdownRow(
            key=a[field],
            label=str(labels.get(a[field], unknown) if a[field] not in (None, "") else unknown),
            started=a["started"],
            completed=a["completed"],
            completions=a["completions"],
            average_best_score=a["average_best_score"],
        )
        for a in aggregates
    ]
    return sorted(result, key=lambda row: row.label.lower())


def _programme_pairs(filters: StatisticsFilters) -> dict:
    """Module keys per programme key, for the filtered programme or all of them."""
    pairs: dict = {}
    for programme_key, module_key in ProgrammeModule.objects.values_list(
        "programme__translation_key", "module__translation_key"
    ).distinct():
        if not filters.programme_key or str(programme_key) == str(filters.programme_key):
            pairs.setdefault(programme_key, set()).add(module_key)
    return pairs


def _programme_cells_answer(filters: StatisticsFilters, pairs: dict) -> bool:
    return (
        switches.in_use()
        and cells.answers_without_language(filters)
        and switches.programmes_usable(pairs)
    )


def _programme_breakdown(user, filters: StatisticsFilters) -> list[BreakdownRow]:
    """One aggregate per programme: a progress row can belong to several programmes."""
    pairs = _programme_pairs(filters)
    titles = titles_by_key(ProgrammePage, list(pairs))
    base = filtered_progress(user, filters, ignore="programme")
    from_cells: dict | None = None
    if _programme_cells_answer(filters, pairs):
        from_cells = cells.programme_totals(user, filters, list(pairs))
    rows = []
    for programme_key, module_keys in pairs.items():
        if from_cells is not None:
            figures = from_cells.get(programme_key, {})
        else:
            totals = per_learner_totals(base.filter(module_key__in=module_keys), filters)
            figures = totals[0] if totals else {}
        rows.append(
            BreakdownRow(
                key=programme_key,
                label=titles.get(programme_key, "?"),
                started=figures.get("started", 0),
                completed=figures.get("completed", 0),
                completions=figures.get("completions", 0),
                average_best_score=figures.get("average_best_score"),
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
    if (
        switches.in_use()
        and cells.answers_without_language(filters)
        and not filters.programme_key
        and switches.periods_usable()
    ):
        return [
            TimePoint(day, learners, completions)
            for day, learners, completions in cells.period_totals(
                user, filters, "week" if period == "week" else "month"
            )
        ]
    trunc = TruncWeek if period == "week" else TruncMonth
    rows = filtered_progress(user, filters).filter(_completed_filter(filters))
    totals = per_learner_totals(rows, filters, trunc("completed_at"))
    points = []
    for row in sorted(totals, key=lambda r: r["group_key"]):
        value = row["group_key"]
        if isinstance(value, str):  # SQLite returns the truncated date as text
            value = datetime.datetime.fromisoformat(value)
        if isinstance(value, datetime.datetime):
            value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
        points.append(TimePoint(value, row["completed"], row["completions"]))
    return points


@dataclass(frozen=True)
class FunnelRow:
    key: object
    label: str
    registered: int
    started: int
    completed: int


def programme_funnel(user, filters: StatisticsFilters) -> list[FunnelRow]:
    """Per programme: learners registered in its regions → started it → completed all of it."""
    pairs = _programme_pairs(filters)
    titles = titles_by_key(ProgrammePage, list(pairs))
    target_regions: dict = {}
    for key, region_id in ProgrammePage.objects.filter(translation_key__in=list(pairs)).values_list(
        "translation_key", "regions"
    ):
        if region_id:
            target_regions.setdefault(key, set()).add(region_id)
    base = filtered_progress(user, filters, ignore="programme")
    learners = registered_learners(user, filters)
    from_cells: dict | None = None
    if _programme_cells_answer(filters, pairs):
        from_cells = cells.funnel_counts(user, filters, {k: len(m) for k, m in pairs.items()})
    result = []
    for programme_key, module_keys in pairs.items():
        registered = learners
        if target_regions.get(programme_key):
            registered = registered.filter(region__in=target_regions[programme_key])
        in_programme = base.filter(module_key__in=module_keys)
        completed_rows = in_programme.filter(_completed_filter(filters))
        if from_cells is not None:
            started, completed = from_cells.get(programme_key, (0, 0))
            # Erased learners share learner 0 in the cells: count them from their rows.
            completed += _completed_all(completed_rows.filter(user__isnull=True), module_keys)
        else:
            started = (
                in_programme.filter(_started_filter(filters)).values("user").distinct().count()
            )
            completed = _completed_all(completed_rows, module_keys)
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


def _completed_all(completed_rows: QuerySet, module_keys) -> int:
    """Learners with a completed row for every one of the modules."""
    return (
        completed_rows.values("user")
        .annotate(done=Count("module_key", distinct=True))
        .filter(done__gte=len(module_keys))
        .count()
    )


@dataclass(frozen=True)
class QuestionRow:
    question_id: str
    prompt: str
    position: int
    learners: int
    answers: int
    correct: int
    by_language: dict  # language -> (learners, answers, correct)

    @property
    def correct_rate(self) -> float | None:
        return self.correct / self.answers if self.answers else None


def question_analysis(user, filters: StatisticsFilters, module_key: str) -> list[QuestionRow]:
    """How often each question of a module is answered right, overall and per language."""
    if switches.in_use() and cells.no_dates(filters):
        if filters.programme_key and str(module_key) not in {
            str(key) for key in filters.programme_module_keys
        }:
            overall, per_language = [], []
        else:
            overall, per_language = cells.question_totals(user, filters, module_key)
        return _question_rows(
            module_key,
            [
                {"question_id": q, "learners": n, "answers": a, "correct": c}
                for q, n, a, c in overall
            ],
            [
                {"question_id": q, "language": lang, "learners": n, "answers": a, "correct": c}
                for q, lang, n, a, c in per_language
            ],
        )
    rows = filtered_progress(user, filters, ignore="module").filter(module_key=module_key)
    results = QuestionResult.objects.filter(progress__in=rows, module_key=module_key)
    if filters.language:
        results = results.filter(language=filters.language)
    # Counting progress (a column of the results index) keeps the scans index-only.
    figures = {
        "learners": Count("progress", distinct=True),
        "answers": Count("progress"),
        "correct": Count("progress", filter=Q(is_correct=True)),
    }
    per_language = results.values("question_id", "language").annotate(**figures).order_by()
    overall = results.values("question_id").annotate(**figures).order_by()
    return _question_rows(module_key, overall, per_language)


def _question_rows(module_key, overall, per_language) -> list[QuestionRow]:
    languages: dict = {}
    for row in per_language:
        languages.setdefault(row["question_id"], {})[row["language"]] = (
            row["learners"],
            row["answers"],
            row["correct"],
        )
    prompts, order = _question_prompts(module_key)
    result = [
        QuestionRow(
            question_id=row["question_id"],
            prompt=prompts.get(row["question_id"], row["question_id"]),
            position=order.get(row["question_id"], 999),
            learners=row["learners"],
            answers=row["answers"],
            correct=row["correct"],
            by_language=languages.get(row["question_id"], {}),
        )
        for row in overall
    ]
    return sorted(result, key=lambda row: (row.position, row.question_id))


def _question_prompts(module_key: str) -> tuple[dict, dict]:
    """Question texts from the module's current version in the active language."""
    language = (get_language() or "en").split("-")[0]
    pages = list(ModulePage.objects.filter(translation_key=module_key).select_related("locale"))
    page = next((p for p in pages if p.locale.language_code == language), None) or (
        pages[0] if pages else None
    )
    if page is None:
        return {}, {}
    questions = page.quiz_definition.questions
    return (
        {q.id: q.prompt for q in questions},
        {q.id: index for index, q in enumerate(questions, start=1)},
    )
