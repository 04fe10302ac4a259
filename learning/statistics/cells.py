"""The report figures read from the statistics cells instead of the progress rows.

Each function returns exactly what its live counterpart in `queries`
returns, for the filters it accepts (`answers_*` says which); the tests
compare both on random data. Cells whose counts went back to zero are
skipped, as the live queries never see a group without rows.
"""

from __future__ import annotations

from django.db import connections

from .filters import StatisticsFilters
from .routing import statistics_database
from .scope import region_ids_in_scope

_FILTER_COLUMNS = {
    "region": "region_id",
    "sector": "sector_id",
    "organisation_size": "organisation_size",
    "language": "language",
}


def no_dates(filters: StatisticsFilters) -> bool:
    # Cells do not keep days; a date range needs the rows.
    return not filters.date_from and not filters.date_to


def answers_learner_cells(filters: StatisticsFilters) -> bool:
    return no_dates(filters) and not filters.programme_key and not filters.module_key


def answers_without_language(filters: StatisticsFilters) -> bool:
    """Period and programme cells keep no language (it would split most learners' cells)."""
    return no_dates(filters) and not filters.module_key and not filters.language


def _where(user, filters: StatisticsFilters, *, ignore: str = "") -> tuple[list[str], list]:
    """Conditions for the person's regions and the filters on the learner's situation."""
    conditions, params = [], []
    regions = region_ids_in_scope(user)
    if regions is not None:
        conditions.append("region_id = ANY(%s)")
        params.append(regions)
    values = {
        "region": filters.region.pk if filters.region else None,
        "sector": filters.sector.pk if filters.sector else None,
        "organisation_size": filters.organisation_size or None,
        "language": filters.language or None,
    }
    for name, value in values.items():
        if value is not None and name != ignore:
            conditions.append(f"{_FILTER_COLUMNS[name]} = %s")
            params.append(value)
    return conditions, params


def _fetch(sql: str, params: list) -> list[tuple]:
    with connections[statistics_database()].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def totals_from_rows(rows: list[tuple]) -> list[dict]:
    """Per-group figures from rows of (group key, the eight per-learner sums)."""
    totals = []
    for key, *figures in rows:
        started, completed, completions, score_sum, score_count, tried, tries, passes = figures
        totals.append(
            {
                "group_key": key,
                "started": int(started or 0),
                "completed": int(completed or 0),
                "completions": int(completions or 0),
                "average_best_score": (
                    float(score_sum) / float(score_count) if score_count else None
                ),
                "learners_with_attempts": int(tried or 0),
                "first_attempts": int(tries or 0),
                "first_attempts_passed": int(passes or 0),
            }
        )
    return totals


# Per group: learners who started, completed, completions, score sum and count,
# learners with a first attempt, first attempts and first passes. Learners
# with one cell are summed directly; the others are first reduced to one
# row per learner and group.
_LEARNER_TOTALS = """
    SELECT group_key, SUM(started), SUM(did_complete), SUM(completions), SUM(score_sum),
           SUM(score_count), SUM(did_try), SUM(first_tries), SUM(first_passes)
    FROM (
        SELECT {group} AS group_key, COUNT(*) AS started,
               COUNT(*) FILTER (WHERE completed > 0) AS did_complete,
               SUM(completed) AS completions, SUM(score_sum) AS score_sum,
               SUM(score_count) AS score_count,
               COUNT(*) FILTER (WHERE {tries} > 0) AS did_try,
               SUM({tries}) AS first_tries, SUM({passes}) AS first_passes
        FROM {table} WHERE {where} AND NOT shared
        GROUP BY 1
        UNION ALL
        SELECT group_key, COUNT(*), SUM(did_complete), SUM(completions), SUM(score_sum),
               SUM(score_count), SUM(did_try), SUM(first_tries), SUM(first_passes)
        FROM (
            SELECT learner, {group} AS group_key,
                   MAX(CASE WHEN completed > 0 THEN 1 ELSE 0 END) AS did_complete,
                   SUM(completed) AS completions, SUM(score_sum) AS score_sum,
                   SUM(score_count) AS score_count,
                   MAX(CASE WHEN {tries} > 0 THEN 1 ELSE 0 END) AS did_try,
                   SUM({tries}) AS first_tries, SUM({passes}) AS first_passes
            FROM {table} WHERE {where} AND shared
            GROUP BY learner, group_key
        ) AS per_learner
        GROUP BY group_key
    ) AS parts
    GROUP BY group_key
"""


def learner_totals(user, filters: StatisticsFilters, group: str = "") -> list[dict]:
    """Like `queries.per_learner_totals` grouped by a column of the cells (or not at all)."""
    # A breakdown shows every value of its own dimension, except that the
    # language breakdown keeps the language filter (as the live query does).
    conditions, params = _where(user, filters, ignore="" if group == "language" else group)
    by_language = group == "language" or bool(filters.language)
    table = "learning_statisticslearnercell" if by_language else "learning_statisticssituationcell"
    sql = _LEARNER_TOTALS.format(
        group=_FILTER_COLUMNS[group] if group else "0",
        table=table,
        where=" AND ".join(["rows > 0", *conditions]),
        tries="first_tries",
        passes="first_passes",
    )
    totals = totals_from_rows(_fetch(sql, params + params))
    if group == "sector":
        for total in totals:
            total["group_key"] = total["group_key"] or None
    return totals


def module_totals(user, filters: StatisticsFilters) -> list[dict]:
    """Like `queries._module_totals`: one row per learner and module, so rows are learners."""
    conditions, params = _where(user, filters)
    if filters.programme_key:
        conditions.append("module_key = ANY(%s::uuid[])")
        params.append([str(k) for k in filters.programme_module_keys])
    # The module filter is ignored: the breakdown shows every module.
    where = " AND ".join(["rows > 0", *conditions])
    sql = f"""
        SELECT module_key, SUM(rows), SUM(completed), SUM(score_sum), SUM(score_count)
        FROM learning_statisticsmodulecell WHERE {where} GROUP BY module_key
    """  # noqa: S608
    return [
        {
            "group_key": key,
            "module_key": key,
            "started": int(started),
            "completed": int(completed),
            "completions": int(completed),
            "average_best_score": float(score_sum) / float(count) if count else None,
        }
        for key, started, completed, score_sum, count in _fetch(sql, params)
    ]


def programme_totals(user, filters: StatisticsFilters, programme_keys: list) -> dict:
    """Per programme key: like `queries.per_learner_totals` over the programme's modules."""
    conditions, params = _where(user, filters)
    conditions.append("programme_key = ANY(%s::uuid[])")
    params.append([str(k) for k in programme_keys])
    sql = _LEARNER_TOTALS.format(
        group="programme_key",
        table="learning_statisticsprogrammecell",
        where=" AND ".join(["rows > 0", *conditions]),
        # Programme cells keep no first attempts: the programme report shows none.
        tries="0",
        passes="0",
    )
    return {total["group_key"]: total for total in totals_from_rows(_fetch(sql, params + params))}


def funnel_counts(user, filters: StatisticsFilters, needed: dict) -> dict:
    """Per programme key: (learners who started it, learners who completed all its modules).

    `needed` maps each programme key to its number of modules. The database
    returns how many learners completed how many of a programme's modules
    (a few rows); the sums are taken here. Erased learners share learner 0
    in the cells, and the live query counts them as one learner with the
    distinct modules they completed: the caller adds that part from the rows.
    """
    if not needed:
        return {}
    conditions, params = _where(user, filters)
    conditions = ["rows > 0", *conditions, "programme_key = ANY(%s::uuid[])"]
    params.append([str(k) for k in needed])
    where = " AND ".join(conditions)
    sql = f"""
        SELECT programme_key, completed, SUM(learners), SUM(erased)
        FROM (
            SELECT programme_key, completed, COUNT(*) AS learners,
                   COUNT(*) FILTER (WHERE learner = 0) AS erased
            FROM learning_statisticsprogrammecell WHERE {where} AND NOT shared
            GROUP BY programme_key, completed
            UNION ALL
            SELECT programme_key, completed, COUNT(*), COUNT(*) FILTER (WHERE learner = 0)
            FROM (
                SELECT programme_key, learner, SUM(completed) AS completed
                FROM learning_statisticsprogrammecell WHERE {where} AND shared
                GROUP BY programme_key, learner
            ) AS per_learner
            GROUP BY programme_key, completed
        ) AS parts
        GROUP BY programme_key, completed
    """  # noqa: S608
    counts: dict = {}
    for key, completed, learners, erased in _fetch(sql, params + params):
        started, done = counts.get(key, (0, 0))
        if completed >= needed.get(key, 0):
            done += int(learners) - int(erased)
        counts[key] = (started + int(learners), done)
    return counts


def period_totals(user, filters: StatisticsFilters, period: str) -> list[tuple]:
    """(first day of the period, learners who completed, completions), like the live query."""
    conditions, params = _where(user, filters)
    where = " AND ".join(["kind = %s", "completions > 0", *conditions])
    sql = f"""
        SELECT period, SUM(learners), SUM(completions)
        FROM (
            SELECT period, COUNT(*) AS learners, SUM(completions) AS completions
            FROM learning_statisticsperiodcell WHERE {where} AND NOT shared
            GROUP BY period
            UNION ALL
            SELECT period, COUNT(*), SUM(completions)
            FROM (
                SELECT learner, period, SUM(completions) AS completions
                FROM learning_statisticsperiodcell WHERE {where} AND shared
                GROUP BY learner, period
            ) AS per_learner
            GROUP BY period
        ) AS parts
        GROUP BY period ORDER BY period
    """  # noqa: S608
    return [
        (day, int(learners), int(completions))
        for day, learners, completions in _fetch(sql, [period, *params, period, *params])
    ]


def question_totals(user, filters: StatisticsFilters, module_key) -> tuple[list, list]:
    """Per question: overall (question, learners, answers, correct) and per answer language."""
    conditions, params = _where(user, filters)
    conditions = ["module_key = %s::uuid", "answers > 0", *conditions]
    params = [str(module_key), *params]
    if filters.language:
        conditions.append("answer_language = %s")
        params.append(filters.language)
    else:
        conditions.append("answer_language <> ''")
    sql = f"""
        SELECT question_id, answer_language, SUM(learners), SUM(answers), SUM(correct)
        FROM learning_statisticsquestioncell WHERE {" AND ".join(conditions)}
        GROUP BY question_id, answer_language
    """  # noqa: S608
    per_language = [
        (question, language, int(learners), int(answers), int(correct))
        for question, language, learners, answers, correct in _fetch(sql, params)
    ]
    if filters.language:
        # Only answers in that language count, overall as well.
        overall = [(q, n, a, c) for q, _language, n, a, c in per_language]
    else:
        conditions[-1] = "answer_language = ''"
        sql = f"""
            SELECT question_id, SUM(learners), SUM(answers), SUM(correct)
            FROM learning_statisticsquestioncell WHERE {" AND ".join(conditions)}
            GROUP BY question_id
        """  # noqa: S608
        overall = [(q, int(n), int(a), int(c)) for q, n, a, c in _fetch(sql, params)]
    return overall, per_language
