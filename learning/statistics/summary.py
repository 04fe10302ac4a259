"""Keeping the statistics cells (learning.models.statistics) exact on PostgreSQL.

Row triggers on progress rows and answers add each row's contribution to
its cells and take away the old one, in the same transaction as the write,
so a report reading the cells sees exactly what a query over the rows would.
Whatever writes the rows (the learner's quiz, erasure, the admin, bulk
loads, a test) goes through the triggers. Each cell belongs to one learner
or counts rows only, so concurrent writes of different learners never wait
for each other.

`rebuild()` recomputes every cell from the rows (`manage.py
refresh_statistics`); bulk loads switch the triggers off for their own
transaction (`bulk_load()`) and rebuild at the end.

The period cells are cut in one time zone, and the programme cells follow
the programmes' modules as they were at the last rebuild; the reports check
both and fall back to the live query when they no longer match, so a
figure is never stale.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import connection, connections, transaction
from django.utils import timezone

# Off while comparing the cells with the live queries (tests, checks).
_enabled: ContextVar[bool] = ContextVar("statistics_cells_enabled", default=True)

# Set (with SET LOCAL) by bulk loads that rebuild the cells afterwards.
BULK_SETTING = "learning.statistics_bulk_load"

_LANGUAGE = "CASE WHEN {r}.completed_language = '' THEN {r}.started_language ELSE {r}.completed_language END"

_COUNTING = "counts_in_statistics AND region_id IS NOT NULL"
_SITUATION = "COALESCE(user_id, 0), region_id, COALESCE(sector_id, 0), organisation_size"
_ROW_TOTALS = """count(*), count(completed_at),
      COALESCE(sum(best_score) FILTER (WHERE completed_at IS NOT NULL), 0),
      count(best_score) FILTER (WHERE completed_at IS NOT NULL)"""
_SHARED = """
    UPDATE {table} t SET shared = true FROM (
      SELECT learner{same} FROM {table} GROUP BY learner{same} HAVING count(*) > 1
    ) m WHERE m.learner = t.learner{join}
"""


def _shared(table: str, *same: str) -> str:
    return _SHARED.format(
        table=table,
        same="".join(f", {c}" for c in same),
        join="".join(f" AND m.{c} = t.{c}" for c in same),
    )


_PROGRAMME_SQL = [
    f"""
    INSERT INTO learning_statisticsprogrammecell
      (programme_key, learner, region_id, sector_id, organisation_size,
       rows, completed, score_sum, score_count, shared)
    SELECT pm.programme_key, {_SITUATION}, {_ROW_TOTALS}, false
    FROM learning_moduleprogress p
    JOIN learning_statisticsprogrammemodule pm ON pm.module_key = p.module_key
    WHERE {_COUNTING}
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1
    """,  # noqa: S608
    _shared("learning_statisticsprogrammecell", "programme_key"),
]

_REBUILD_SQL = [
    "LOCK TABLE learning_moduleprogress, learning_questionresult IN SHARE MODE",
    "TRUNCATE learning_statisticssituationcell, learning_statisticslearnercell, "
    "learning_statisticsperiodcell, learning_statisticsmodulecell, "
    "learning_statisticsprogrammecell, learning_statisticsquestioncell",
    f"""
    INSERT INTO learning_statisticssituationcell
      (learner, region_id, sector_id, organisation_size,
       rows, completed, score_sum, score_count, first_tries, first_passes, shared)
    SELECT {_SITUATION}, {_ROW_TOTALS},
      count(first_attempt_passed), count(*) FILTER (WHERE first_attempt_passed), false
    FROM learning_moduleprogress p WHERE {_COUNTING}
    GROUP BY 1, 2, 3, 4 ORDER BY 1
    """,  # noqa: S608 - names and fragments are constants
    _shared("learning_statisticssituationcell"),
    f"""
    INSERT INTO learning_statisticslearnercell
      (learner, region_id, sector_id, organisation_size, language,
       rows, completed, score_sum, score_count, first_tries, first_passes, shared)
    SELECT {_SITUATION}, {_LANGUAGE.format(r="p")}, {_ROW_TOTALS},
      count(first_attempt_passed), count(*) FILTER (WHERE first_attempt_passed), false
    FROM learning_moduleprogress p WHERE {_COUNTING}
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1
    """,  # noqa: S608
    _shared("learning_statisticslearnercell", "language"),
    f"""
    INSERT INTO learning_statisticsmodulecell
      (module_key, region_id, sector_id, organisation_size, language,
       rows, completed, score_sum, score_count)
    SELECT module_key, region_id, COALESCE(sector_id, 0), organisation_size,
      {_LANGUAGE.format(r="p")}, {_ROW_TOTALS}
    FROM learning_moduleprogress p WHERE {_COUNTING}
    GROUP BY 1, 2, 3, 4, 5
    """,  # noqa: S608
    f"""
    INSERT INTO learning_statisticsperiodcell
      (kind, learner, region_id, sector_id, organisation_size, period, completions, shared)
    SELECT kind, {_SITUATION}, date_trunc(kind, completed_at AT TIME ZONE %(tz)s)::date,
      count(*), false
    FROM learning_moduleprogress p CROSS JOIN (VALUES ('month'), ('week')) AS kinds (kind)
    WHERE {_COUNTING} AND completed_at IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 6
    """,  # noqa: S608
    _shared("learning_statisticsperiodcell", "kind", "period"),
    *_PROGRAMME_SQL,
    *[
        f"""
    INSERT INTO learning_statisticsquestioncell
      (module_key, question_id, answer_language, region_id, sector_id, organisation_size,
       language, learners, answers, correct)
    SELECT p.module_key, a.question_id, {answer_language}, p.region_id,
      COALESCE(p.sector_id, 0), p.organisation_size, {_LANGUAGE.format(r="p")},
      count(DISTINCT p.id), count(*), count(*) FILTER (WHERE a.is_correct)
    FROM learning_questionresult a
    JOIN learning_moduleprogress p ON p.id = a.progress_id AND p.module_key = a.module_key
    WHERE p.counts_in_statistics AND p.region_id IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    """  # noqa: S608
        # Per answer language, then all languages together.
        for answer_language in ("a.language", "''")
    ],
]

CELL_TABLES = (
    "situationcell",
    "learnercell",
    "periodcell",
    "modulecell",
    "programmecell",
    "questioncell",
)


def programme_pairs() -> set[tuple]:
    """(programme key, module key) for every module of every programme."""
    from modules.models import ProgrammeModule

    return set(
        ProgrammeModule.objects.values_list(
            "programme__translation_key", "module__translation_key"
        ).distinct()
    )


def _snapshot_programmes() -> None:
    from ..models import StatisticsProgrammeModule

    StatisticsProgrammeModule.objects.all().delete()
    StatisticsProgrammeModule.objects.bulk_create(
        StatisticsProgrammeModule(programme_key=p, module_key=m)
        for p, m in programme_pairs()
        if p is not None and m is not None
    )


def rebuild_programmes() -> None:
    """Recompute the programme cells only, after programmes changed their modules."""
    if connection.vendor != "postgresql":
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '256MB'")
        # The programme cells follow progress rows: none may change meanwhile.
        cursor.execute("LOCK TABLE learning_moduleprogress IN SHARE MODE")
        cursor.execute("TRUNCATE learning_statisticsprogrammecell")
        _snapshot_programmes()
        for sql in _PROGRAMME_SQL:
            cursor.execute(sql)


def rebuild() -> None:
    """Recompute every cell from the progress rows and answers (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        return
    from ..models import StatisticsSummaryState

    time_zone = settings.TIME_ZONE
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '256MB'")
        _snapshot_programmes()
        for sql in _REBUILD_SQL:
            cursor.execute(sql.replace("%(tz)s", "%s"), [time_zone] if "%(tz)s" in sql else None)
        StatisticsSummaryState.objects.all().delete()
        StatisticsSummaryState.objects.create(time_zone=time_zone, built_at=timezone.now())
    with connection.cursor() as cursor:
        for table in CELL_TABLES:
            cursor.execute(f"ANALYZE learning_statistics{table}")


@contextmanager
def bulk_load():
    """For a transaction that loads many rows and calls `rebuild()` afterwards:
    the triggers skip its rows (a rebuild is far cheaper than a million
    trigger calls)."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config(%s, 'on', true)", [BULK_SETTING])
    try:
        yield
    finally:
        # Off again, should the transaction go on with other writes.
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, 'off', true)", [BULK_SETTING])


def in_use() -> bool:
    """Whether reports can read the cells: on PostgreSQL, where the triggers keep them."""
    from .routing import statistics_database

    return connections[statistics_database()].vendor == "postgresql" and _enabled.get()


@contextmanager
def live_queries():
    """Reports inside this block read the progress rows, never the cells."""
    token = _enabled.set(False)
    try:
        yield
    finally:
        _enabled.reset(token)


def periods_usable() -> bool:
    """The period cells answer only in the time zone they were cut in."""
    from ..models import StatisticsSummaryState

    if not in_use():
        return False
    state = StatisticsSummaryState.objects.order_by("-built_at").first()
    return state is not None and state.time_zone == timezone.get_current_timezone_name()


def programmes_current() -> bool:
    """Whether the programme cells were built with every programme's current modules."""
    from ..models import StatisticsProgrammeModule

    built = set(StatisticsProgrammeModule.objects.values_list("programme_key", "module_key"))
    return built == {(p, m) for p, m in programme_pairs() if p is not None and m is not None}


def programmes_usable(pairs: dict) -> bool:
    """The programme cells answer only while programmes keep the modules they were built with."""
    from ..models import StatisticsProgrammeModule

    if not in_use():
        return False
    built: dict = {}
    for programme_key, module_key in StatisticsProgrammeModule.objects.values_list(
        "programme_key", "module_key"
    ):
        built.setdefault(programme_key, set()).add(module_key)
    return all(built.get(key) == set(modules) for key, modules in pairs.items())
