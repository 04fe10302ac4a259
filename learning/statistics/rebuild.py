"""Recomputing the statistics cells from the progress rows and answers (PostgreSQL).

The row triggers (migrations `learning.0002_statistics_triggers` and
`0007_statistics_option_cells`) keep the cells exact as rows change; a rebuild is needed only when what the cells
were cut by changes: the programmes' modules (`rebuild_programme_cells()`,
queued when a programme is published or a page deleted), the TIME_ZONE
setting, or rows loaded with the triggers off (`bulk_load()`). A rebuild
writes data only, never DDL: it records the time zone it cut the periods in
(`StatisticsSummaryState`), which the triggers read from then on, and the
programmes' modules it counted (`StatisticsProgrammeModule`).

Table and column names of the cells come from their models (`quoted_table`,
`quoted_column`, which the cells' reading SQL in `sources.cells` uses as
well); the progress rows, answers and attempts are read as `p`, `a` and `t`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone

from modules.models import ProgrammeModule

from ..models import (
    ModuleProgress,
    QuestionResult,
    QuizAttempt,
    StatisticsLearnerCell,
    StatisticsModuleCell,
    StatisticsOptionCell,
    StatisticsPeriodCell,
    StatisticsProgrammeCell,
    StatisticsProgrammeModule,
    StatisticsQuestionCell,
    StatisticsSituationCell,
    StatisticsSummaryState,
)

# Set for its own transaction by a bulk load, which rebuilds the cells at the
# end; the triggers skip every row while it is 'on'.
BULK_LOAD_SETTING = "learning.statistics_bulk_load"

CELL_MODELS = (
    StatisticsSituationCell,
    StatisticsLearnerCell,
    StatisticsPeriodCell,
    StatisticsModuleCell,
    StatisticsProgrammeCell,
    StatisticsQuestionCell,
    StatisticsOptionCell,
)

# What each cell column is computed from, per group of progress rows `p`.
_COUNTING = "p.counts_in_statistics AND p.region_id IS NOT NULL"
_LANGUAGE = (
    "CASE WHEN p.completed_language = '' THEN p.started_language ELSE p.completed_language END"
)
_LEARNER = {"learner": "COALESCE(p.user_id, 0)"}
_SITUATION = {
    "region_id": "p.region_id",
    "sector_id": "COALESCE(p.sector_id, 0)",
    "organisation_size": "p.organisation_size",
}
_ROW_TOTALS = {
    "rows": "count(*)",
    "completed": "count(p.completed_at)",
    "score_sum": "COALESCE(sum(p.best_score) FILTER (WHERE p.completed_at IS NOT NULL), 0)",
    "score_count": "count(p.best_score) FILTER (WHERE p.completed_at IS NOT NULL)",
}
_FIRST_TRIES = {
    "first_tries": "count(p.first_attempt_passed)",
    "first_passes": "count(*) FILTER (WHERE p.first_attempt_passed)",
}
# Flagged afterwards, once all of a learner's cells are there (`_mark_shared`).
_NOT_SHARED = {"shared": "false"}


def quoted_table(model: type[models.Model]) -> str:
    """The model's table, quoted for SQL (the cells' reading SQL uses it too)."""
    return connection.ops.quote_name(model._meta.db_table)


def quoted_column(model: type[models.Model], name: str) -> str:
    """The column of the model's field `name`, quoted for SQL."""
    return connection.ops.quote_name(model._meta.get_field(name).column)


def _fill(
    model: type[models.Model],
    groups: dict[str, str],
    totals: dict[str, str],
    source: str,
    order_by: tuple[str, ...] = (),
) -> str:
    """INSERT into the cell model's table one row per group of `source`.

    `groups` and `totals`: cell field name -> SQL expression; the rows are
    grouped by the first and summed up by the second (ordered by `order_by`,
    so that a learner's cells lie together)."""
    columns = [*groups, *totals]
    positions = ", ".join(str(n) for n in range(1, len(groups) + 1))
    order = ", ".join(str(columns.index(name) + 1) for name in order_by)
    return (
        f"INSERT INTO {quoted_table(model)} ({', '.join(quoted_column(model, c) for c in columns)}) "
        f"SELECT {', '.join([*groups.values(), *totals.values()])} {source} "
        f"GROUP BY {positions}" + (f" ORDER BY {order}" if order else "")
    )


def _mark_shared(model: type[models.Model], *same: str) -> str:
    """Flag the cells of learners with more than one cell that match in `same`."""
    table = quoted_table(model)
    learner = quoted_column(model, "learner")
    same_columns = [quoted_column(model, name) for name in same]
    keys = ", ".join([learner, *same_columns])
    join = "".join(f" AND m.{c} = t.{c}" for c in same_columns)
    return (
        f"UPDATE {table} t SET {quoted_column(model, 'shared')} = true FROM ("  # noqa: S608 - names from the models
        f"SELECT {keys} FROM {table} GROUP BY {keys} HAVING count(*) > 1"
        f") m WHERE m.{learner} = t.{learner}{join}"
    )


def _progress_rows() -> str:
    return f"FROM {quoted_table(ModuleProgress)} p WHERE {_COUNTING}"


def _programme_cells_sql() -> list[str]:
    rows = (
        f"FROM {quoted_table(ModuleProgress)} p "
        f"JOIN {quoted_table(StatisticsProgrammeModule)} pm ON pm.module_key = p.module_key "
        f"WHERE {_COUNTING}"
    )
    return [
        _fill(
            StatisticsProgrammeCell,
            {"programme_key": "pm.programme_key", **_LEARNER, **_SITUATION},
            {**_ROW_TOTALS, **_NOT_SHARED},
            rows,
            order_by=("programme_key",),
        ),
        _mark_shared(StatisticsProgrammeCell, "programme_key"),
    ]


def _question_cells_sql() -> list[str]:
    answers = (
        f"FROM {quoted_table(QuestionResult)} a "
        f"JOIN {quoted_table(ModuleProgress)} p ON p.id = a.progress_id AND p.module_key = a.module_key "
        f"WHERE {_COUNTING}"
    )
    return [
        _fill(
            StatisticsQuestionCell,
            {
                "module_key": "p.module_key",
                "question_id": "a.question_id",
                "answer_language": answer_language,
                **_SITUATION,
                "language": _LANGUAGE,
            },
            {
                # A progress row is one learner's answers to the module.
                "learners": "count(DISTINCT p.id)",
                "answers": "count(*)",
                "correct": "count(*) FILTER (WHERE a.is_correct)",
            },
            answers,
        )
        # Per answer language, then all languages together ('').
        for answer_language in ("a.language", "''")
    ]


def _option_cells_sql() -> list[str]:
    first_attempts = (
        f"FROM {quoted_table(QuizAttempt)} t "
        f"JOIN {quoted_table(ModuleProgress)} p ON p.id = t.progress_id AND p.module_key = t.module_key "
        "CROSS JOIN LATERAL jsonb_each(t.answers) q "
    )
    groups = {
        "module_key": "p.module_key",
        "question_id": "q.key",
        "answer_language": "t.language",
        **_SITUATION,
        "language": _LANGUAGE,
    }
    # Only first attempts: a learner counts once, with the answer given before
    # the quiz's feedback could teach the right one.
    where = f"WHERE {_COUNTING} AND t.number = 1"
    return [
        # Each option chosen; then ('') each question answered at all.
        _fill(
            StatisticsOptionCell,
            {**groups, "choice": "chosen.value"},
            {"learners": "count(*)"},
            first_attempts
            + f"CROSS JOIN LATERAL jsonb_array_elements_text(q.value) chosen {where}",
        ),
        _fill(
            StatisticsOptionCell,
            {**groups, "choice": "''"},
            {"learners": "count(*)"},
            first_attempts + f"{where} AND jsonb_array_length(q.value) > 0",
        ),
    ]


def _all_cells_sql() -> list[tuple[str, list]]:
    """The statements of a full rebuild, with their parameters (the time zone)."""
    periods = (
        f"FROM {quoted_table(ModuleProgress)} p CROSS JOIN (VALUES ('month'), ('week')) AS kinds (kind) "
        f"WHERE {_COUNTING} AND p.completed_at IS NOT NULL"
    )
    statements = [
        f"LOCK TABLE {quoted_table(ModuleProgress)}, {quoted_table(QuestionResult)}, "
        f"{quoted_table(QuizAttempt)} IN SHARE MODE",
        f"TRUNCATE {', '.join(quoted_table(model) for model in CELL_MODELS)}",
        _fill(
            StatisticsSituationCell,
            {**_LEARNER, **_SITUATION, "subregion_id": "COALESCE(p.subregion_id, 0)"},
            {**_ROW_TOTALS, **_FIRST_TRIES, **_NOT_SHARED},
            _progress_rows(),
            order_by=("learner",),
        ),
        _mark_shared(StatisticsSituationCell),
        _fill(
            StatisticsLearnerCell,
            {**_LEARNER, **_SITUATION, "language": _LANGUAGE},
            {**_ROW_TOTALS, **_FIRST_TRIES, **_NOT_SHARED},
            _progress_rows(),
            order_by=("learner",),
        ),
        _mark_shared(StatisticsLearnerCell, "language"),
        _fill(
            StatisticsModuleCell,
            {"module_key": "p.module_key", **_SITUATION, "language": _LANGUAGE},
            _ROW_TOTALS,
            _progress_rows(),
        ),
    ]
    period_cells = _fill(
        StatisticsPeriodCell,
        {
            "kind": "kinds.kind",
            **_LEARNER,
            **_SITUATION,
            "period": "date_trunc(kinds.kind, p.completed_at AT TIME ZONE %s)::date",
        },
        {"completions": "count(*)", **_NOT_SHARED},
        periods,
        order_by=("kind", "period"),
    )
    return [
        *((sql, []) for sql in statements),
        (period_cells, [settings.TIME_ZONE]),
        *(
            (sql, [])
            for sql in [
                _mark_shared(StatisticsPeriodCell, "kind", "period"),
                *_programme_cells_sql(),
                *_question_cells_sql(),
                *_option_cells_sql(),
            ]
        ),
    ]


def programme_pairs() -> set[tuple]:
    """(programme key, module key) for every module of every programme."""
    return set(
        ProgrammeModule.objects.values_list(
            "programme__translation_key", "module__translation_key"
        ).distinct()
    )


def programme_cells_current() -> bool:
    """Whether the programme cells were built with every programme's current modules."""
    built = set(StatisticsProgrammeModule.objects.values_list("programme_key", "module_key"))
    return built == {(p, m) for p, m in programme_pairs() if p is not None and m is not None}


def _snapshot_programmes() -> None:
    StatisticsProgrammeModule.objects.all().delete()
    StatisticsProgrammeModule.objects.bulk_create(
        StatisticsProgrammeModule(programme_key=p, module_key=m)
        for p, m in programme_pairs()
        if p is not None and m is not None
    )


def rebuild_programme_cells() -> None:
    """Recompute the programme cells only, after programmes changed their modules."""
    if connection.vendor != "postgresql":
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '256MB'")
        # The programme cells follow progress rows: none may change meanwhile.
        cursor.execute(f"LOCK TABLE {quoted_table(ModuleProgress)} IN SHARE MODE")
        cursor.execute(f"TRUNCATE {quoted_table(StatisticsProgrammeCell)}")
        _snapshot_programmes()
        for sql in _programme_cells_sql():
            cursor.execute(sql)


def rebuild_cells() -> None:
    """Recompute every cell from the progress rows and answers (PostgreSQL only).

    Periods are cut in the TIME_ZONE setting, which is recorded for the
    triggers and the reports."""
    if connection.vendor != "postgresql":
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '256MB'")
        _snapshot_programmes()
        for sql, params in _all_cells_sql():
            cursor.execute(sql, params or None)
        StatisticsSummaryState.objects.all().delete()
        StatisticsSummaryState.objects.create(time_zone=settings.TIME_ZONE, built_at=timezone.now())
    with connection.cursor() as cursor:
        for model in CELL_MODELS:
            cursor.execute(f"ANALYZE {quoted_table(model)}")


@contextmanager
def bulk_load() -> Iterator[None]:
    """For a transaction that loads many rows and calls `rebuild_cells()` afterwards:
    the triggers skip its rows (a rebuild is far cheaper than a million
    trigger calls)."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config(%s, 'on', true)", [BULK_LOAD_SETTING])
    try:
        yield
    finally:
        # Off again, should the transaction go on with other writes.
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, 'off', true)", [BULK_LOAD_SETTING])
