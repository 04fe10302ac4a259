"""Figures read from the progress rows and answers themselves: any database, any filter.

Every function starts from the rows `scope` allows and returns small lists
of aggregated numbers; nothing loops over progress rows in Python. Learner
counts take two steps (one row per learner and group, then sums) rather
than COUNT(DISTINCT): see `per_learner_totals`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import (
    BigIntegerField,
    Case,
    Count,
    F,
    Max,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils import timezone

from ...models import Certificate, QuestionResult, QuizAttempt
from ...renewal import currently_valid
from ..filters import StatisticsFilters
from ..routing import statistics_database
from ..scope import learners_in_scope, progress_in_scope
from ..totals import AnswerTotals, FunnelCounts, OptionTotals, Totals, totals_from_rows

# The progress row's field each learner breakdown groups by ("language" is annotated).
GROUP_FIELDS = {
    "region": "region",
    "sector": "sector",
    "language": "language",
    "organisation_size": "organisation_size",
}


def subregion_key() -> Case:
    """The row's sub-region where it lies in the row's region, else None: a
    sub-region of another region counts as none given, so that the sub-regions
    of a region and its learners who gave none add up to the region exactly."""
    return Case(
        When(subregion__region=F("region"), then=F("subregion")),
        default=Value(None),
        output_field=BigIntegerField(),
    )


# The options chosen in the first attempts, per question and choice, and the
# learners who answered each question at all, in one statement: the attempts'
# answers ({question id: [choice id, ...]}) unnested by the database's own
# JSON functions (SQLite and PostgreSQL both have them, under other names).
_OPTION_TOTALS = """
    SELECT question.key, choice.value, COUNT(*)
    FROM ({attempts}) AS attempt, {each}(attempt.answers) AS question,
         {elements}(question.value) AS choice
    GROUP BY question.key, choice.value
    UNION ALL
    SELECT question.key, '', COUNT(*)
    FROM ({attempts}) AS attempt, {each}(attempt.answers) AS question
    WHERE {length}(question.value) > 0
    GROUP BY question.key
"""
_JSON_FUNCTIONS = {
    "postgresql": {
        "each": "jsonb_each",
        "elements": "jsonb_array_elements_text",
        "length": "jsonb_array_length",
    },
    "sqlite": {"each": "json_each", "elements": "json_each", "length": "json_array_length"},
}


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _day_end(day: datetime.date) -> datetime.datetime:
    return _day_start(day + datetime.timedelta(days=1))


def filtered_progress(user, filters: StatisticsFilters, *, ignore: str = "") -> QuerySet:
    """Progress rows in scope and matching every filter (except `ignore`)."""
    rows = progress_in_scope(user)
    if filters.region and ignore != "region":
        rows = rows.filter(region=filters.region)
    if filters.subregion and ignore != "subregion":
        rows = rows.filter(subregion=filters.subregion, region=filters.subregion.region_id)
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


def completed_filter(filters: StatisticsFilters) -> Q:
    return _within_dates("completed_at", filters, Q(completed_at__isnull=False))


def started_filter(filters: StatisticsFilters) -> Q:
    return _within_dates("started_at", filters, Q(started_at__isnull=False))


def registered_learners(user, filters: StatisticsFilters) -> QuerySet:
    """The learners' profiles in scope and matching the filters on the learner."""
    learners = learners_in_scope(user)
    if filters.region:
        learners = learners.filter(region=filters.region)
    if filters.subregion:
        learners = learners.filter(subregion=filters.subregion, region=filters.subregion.region_id)
    if filters.sector:
        learners = learners.filter(sector=filters.sector)
    if filters.organisation_size:
        learners = learners.filter(organisation_size=filters.organisation_size)
    if filters.language:
        learners = learners.filter(preferred_language=filters.language)
    if filters.date_to:
        learners = learners.filter(created_at__lt=_day_end(filters.date_to))
    return learners


def currently_certified(user, filters: StatisticsFilters) -> int:
    """Learners in scope who hold a certificate that has not ended today.

    With a module chosen, that module's certificate; with a programme, the
    programme's; otherwise any module certificate. Certificates of
    refresher training end (`Certificate.valid_until`); the others never do.
    """
    certificates = currently_valid(Certificate.objects.all())
    if filters.module_key:
        certificates = certificates.filter(
            kind=Certificate.Kind.MODULE, subject_key=filters.module_key
        )
    elif filters.programme_key:
        certificates = certificates.filter(
            kind=Certificate.Kind.PROGRAMME, subject_key=filters.programme_key
        )
    else:
        certificates = certificates.filter(kind=Certificate.Kind.MODULE)
    return (
        registered_learners(user, filters).filter(user__in=certificates.values("user_id")).count()
    )


def per_learner_totals(rows: QuerySet, filters: StatisticsFilters, group=None) -> list[Totals]:
    """Learners who started and completed, per group, without COUNT(DISTINCT).

    The rows are first reduced to one row per (learner, group), then summed
    per group. On PostgreSQL the rows arrive in learner order from the
    statistics index, so the first step is an incremental sort rather than a
    hash or a full sort: several times faster than COUNT(DISTINCT user_id).
    `group` is an expression, a tuple of expressions (each total's key is then
    the tuple of their values), or None for one total.
    """
    started = started_filter(filters)
    completed = completed_filter(filters)
    scored = completed & Q(best_score__isnull=False)
    one, zero = Value(1), Value(0)
    parts = group if isinstance(group, tuple) else (group if group is not None else zero,)
    keys = {f"group_key_{n}" if n else "group_key": part for n, part in enumerate(parts)}
    inner = (
        rows.annotate(learner=F("user"), **keys)
        .values("learner", *keys)
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
    columns = ", ".join(keys)
    outer = (
        f"SELECT {columns}, SUM(did_start), SUM(did_complete), SUM(completions), "  # noqa: S608
        "SUM(score_sum), SUM(score_count), SUM(did_try), SUM(first_tries), SUM(first_passes) "
        f"FROM ({sql}) AS per_learner GROUP BY {columns}"
    )
    with connections[statistics_database()].cursor() as cursor:
        cursor.execute(outer, params)
        found = cursor.fetchall()
    if len(keys) > 1:
        found = [(tuple(row[: len(keys)]), *row[len(keys) :]) for row in found]
    return totals_from_rows(found)


def completed_all(completed_rows: QuerySet, module_keys) -> int:
    """Learners with a completed row for every one of the modules."""
    return (
        completed_rows.values("user")
        .annotate(done=Count("module_key", distinct=True))
        .filter(done__gte=len(module_keys))
        .count()
    )


def group_rows(rows: QuerySet, dimension: str) -> QuerySet:
    """The rows with `group_key`, their group in `dimension`; a filter on that
    dimension must already have been ignored (`filtered_progress(ignore=…)`),
    except the language, which splits by the version started when none was completed."""
    if dimension == "language":
        return rows.annotate(
            group_key=Case(
                When(completed_language="", then=F("started_language")),
                default=F("completed_language"),
            )
        )
    if dimension == "subregion":
        return rows.annotate(group_key=subregion_key())
    return rows.annotate(group_key=F(GROUP_FIELDS[dimension]))


def learners_by_group(rows: QuerySet) -> dict:
    """{group: learners} for rows annotated with `group_key` (`group_rows`):
    learners as `.values("user").distinct().count()` counts them, erased ones
    (no user) together as one."""
    return _count_per_group(rows.values("group_key", "user").distinct().order_by())


def completed_all_by_group(completed_rows: QuerySet, module_keys) -> dict:
    """{group: learners with a completed row for every one of the modules in it},
    for rows annotated with `group_key` (`group_rows`)."""
    return _count_per_group(
        completed_rows.values("group_key", "user")
        .annotate(done=Count("module_key", distinct=True))
        .filter(done__gte=len(module_keys))
        .order_by()
        .values("group_key", "user")
    )


def _count_per_group(per_learner: QuerySet) -> dict:
    """{group: rows} of a query giving one row per group and learner."""
    try:
        sql, params = per_learner.query.sql_with_params()
    except EmptyResultSet:
        return {}
    outer = f"SELECT group_key, COUNT(*) FROM ({sql}) AS per_learner GROUP BY group_key"  # noqa: S608
    with connections[statistics_database()].cursor() as cursor:
        cursor.execute(outer, params)
        return dict(cursor.fetchall())


def _as_date(value) -> datetime.date:
    """A truncated completion time as the first day of its period."""
    if isinstance(value, str):  # SQLite returns the truncated date as text
        value = datetime.datetime.fromisoformat(value)
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


@dataclass(frozen=True)
class LiveSource:
    """The figures of `user`'s reports with `filters`, read from the rows."""

    user: object
    filters: StatisticsFilters

    def learner_totals(self, dimension: str = "") -> list[Totals]:
        """Per region, sub-region, sector, language or organisation size ("": one total).

        By sub-region, each total's key is (region id, sub-region id), with None
        for the region's learners who gave none (`subregion_key`)."""
        if not dimension:
            return per_learner_totals(filtered_progress(self.user, self.filters), self.filters)
        rows = filtered_progress(self.user, self.filters, ignore=dimension)
        if dimension == "subregion":
            return per_learner_totals(rows, self.filters, (F("region"), subregion_key()))
        if dimension == "language":
            # The language of the version completed, else of the version started.
            rows = rows.annotate(
                language=Case(
                    When(completed_language="", then=F("started_language")),
                    default=F("completed_language"),
                )
            )
            if self.filters.language:
                rows = rows.filter(language=self.filters.language)
        return per_learner_totals(rows, self.filters, F(GROUP_FIELDS[dimension]))

    def module_totals(self) -> list[Totals]:
        """Per module: a learner has at most one progress row per module, so rows count learners."""
        rows = filtered_progress(self.user, self.filters, ignore="module")
        completed = completed_filter(self.filters)
        scored = completed & Q(best_score__isnull=False)
        figures = (
            rows.values("module_key")
            .annotate(
                started=Count("started_at", filter=started_filter(self.filters)),
                completed=Count("started_at", filter=completed),
                score_sum=Sum("best_score", filter=scored),
                score_count=Count("best_score", filter=scored),
            )
            .order_by()
            .values_list("module_key", "started", "completed", "score_sum", "score_count")
        )
        return totals_from_rows(
            (key, started, done, done, score_sum, score_count)
            for key, started, done, score_sum, score_count in figures
        )

    def programme_totals(self, programmes: dict) -> dict[object, Totals]:
        """Per programme key (`programmes`: programme key -> its module keys): its
        learners' figures over its modules. One aggregate per programme: a
        progress row can belong to several."""
        base = filtered_progress(self.user, self.filters, ignore="programme")
        figures = {}
        for programme_key, module_keys in programmes.items():
            found = per_learner_totals(base.filter(module_key__in=module_keys), self.filters)
            if found:
                figures[programme_key] = found[0]
        return figures

    def period_totals(self, period: str) -> list[Totals]:
        """Per month or week ("month", "week"), keyed by its first day, in order:
        the learners who completed a module in it (`completed`) and the completions."""
        trunc = TruncWeek if period == "week" else TruncMonth
        rows = filtered_progress(self.user, self.filters).filter(completed_filter(self.filters))
        found = per_learner_totals(rows, self.filters, trunc("completed_at"))
        return sorted(
            (replace(total, key=_as_date(total.key)) for total in found),
            key=lambda total: total.key,
        )

    def funnel_counts(self, programmes: dict) -> dict[object, FunnelCounts]:
        """Per programme key: learners who started any of its modules, and who completed all."""
        base = filtered_progress(self.user, self.filters, ignore="programme")
        counts = {}
        for programme_key, module_keys in programmes.items():
            in_programme = base.filter(module_key__in=module_keys)
            started = (
                in_programme.filter(started_filter(self.filters)).values("user").distinct().count()
            )
            completed = completed_all(
                in_programme.filter(completed_filter(self.filters)), module_keys
            )
            counts[programme_key] = FunnelCounts(started, completed)
        return counts

    def funnel_counts_by(self, programmes: dict, dimension: str) -> dict[tuple, FunnelCounts]:
        """{(programme key, group): counts} for the groups of `dimension` ("region",
        "sector", "organisation_size", "language"): what `funnel_counts` gives with
        the filter on that dimension set to each group, in two statements per
        programme whatever the number of groups. Groups without learners are left out."""
        base = group_rows(filtered_progress(self.user, self.filters, ignore="programme"), dimension)
        counts: dict = {}
        for programme_key, module_keys in programmes.items():
            in_programme = base.filter(module_key__in=module_keys)
            started = learners_by_group(in_programme.filter(started_filter(self.filters)))
            for group, learners in started.items():
                counts[programme_key, group] = FunnelCounts(learners, 0)
            completed = completed_all_by_group(
                in_programme.filter(completed_filter(self.filters)), module_keys
            )
            for group, learners in completed.items():
                began = counts.get((programme_key, group), FunnelCounts()).started
                counts[programme_key, group] = FunnelCounts(began, learners)
        return counts

    def question_totals(self, module_key) -> tuple[list[AnswerTotals], list[AnswerTotals]]:
        """The answers to each question of the module: all languages together
        (the filter's language only, if one is chosen), and per language."""
        rows = filtered_progress(self.user, self.filters, ignore="module").filter(
            module_key=module_key
        )
        results = QuestionResult.objects.filter(progress__in=rows, module_key=module_key)
        if self.filters.language:
            results = results.filter(language=self.filters.language)
        # Counting progress (a column of the results index) keeps the scans index-only.
        figures = {
            "learners": Count("progress", distinct=True),
            "answers": Count("progress"),
            "correct": Count("progress", filter=Q(is_correct=True)),
        }
        columns = ("learners", "answers", "correct")
        per_language = [
            AnswerTotals(question, language, *counts)
            for question, language, *counts in results.values("question_id", "language")
            .annotate(**figures)
            .order_by()
            .values_list("question_id", "language", *columns)
        ]
        overall = [
            AnswerTotals(question, "", *counts)
            for question, *counts in results.values("question_id")
            .annotate(**figures)
            .order_by()
            .values_list("question_id", *columns)
        ]
        return overall, per_language

    def option_totals(self, module_key) -> list[OptionTotals]:
        """Per question of the module and option: the learners whose first attempt
        chose it, and ("" for the option) who answered the question on it.

        First attempts only: every learner counts once, with the answer they gave
        before the quiz's feedback could teach them the right one."""
        rows = filtered_progress(self.user, self.filters, ignore="module").filter(
            module_key=module_key
        )
        attempts = QuizAttempt.objects.filter(progress__in=rows, module_key=module_key, number=1)
        if self.filters.language:
            attempts = attempts.filter(language=self.filters.language)
        try:
            sql, params = attempts.values("answers").order_by().query.sql_with_params()
        except EmptyResultSet:
            return []
        database = statistics_database()
        functions = _JSON_FUNCTIONS[connections[database].vendor]
        statement = _OPTION_TOTALS.format(attempts=sql, **functions)
        with connections[database].cursor() as cursor:
            cursor.execute(statement, [*params, *params])
            return [
                OptionTotals(str(question), str(choice), int(learners))
                for question, choice, learners in cursor.fetchall()
            ]
