"""Figures read from the statistics cells (PostgreSQL), the pre-aggregated tables.

Each method returns exactly what `LiveSource`'s does, for the filters
`sources.cells_answer` lets it answer; the tests compare both on random
data. Cells whose counts went back to zero are skipped, as the rows never
show a group without rows. Table names come from the cell models.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.db import connections

from modules.models import SubRegion

from ...models import (
    StatisticsLearnerCell,
    StatisticsModuleCell,
    StatisticsOptionCell,
    StatisticsPeriodCell,
    StatisticsProgrammeCell,
    StatisticsQuestionCell,
    StatisticsSituationCell,
)
from ..filters import StatisticsFilters
from ..rebuild import quoted_column, quoted_table
from ..routing import statistics_database
from ..scope import region_ids_in_scope
from ..totals import AnswerTotals, FunnelCounts, OptionTotals, Totals, totals, totals_from_rows
from .live import (
    completed_all,
    completed_all_by_group,
    completed_filter,
    filtered_progress,
    group_rows,
)

_FILTER_COLUMNS = {
    "region": "region_id",
    "sector": "sector_id",
    "organisation_size": "organisation_size",
    "language": "language",
}


# The group key of the whole funnel, all groups together, in `_funnel_counts`.
_WHOLE = object()


def _fetch(sql: str, params: list) -> list[tuple]:
    with connections[statistics_database()].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# Per group: learners who started, completed, completions, score sum and count,
# learners with a first attempt, first attempts and first passes. Learners
# with one cell are summed directly; the others are first reduced to one
# row per learner and group. A group is one or more columns (`_grouping`).
_LEARNER_TOTALS = """
    SELECT {keys}, SUM(started), SUM(did_complete), SUM(completions), SUM(score_sum),
           SUM(score_count), SUM(did_try), SUM(first_tries), SUM(first_passes)
    FROM (
        SELECT {groups}, COUNT(*) AS started,
               COUNT(*) FILTER (WHERE completed > 0) AS did_complete,
               SUM(completed) AS completions, SUM(score_sum) AS score_sum,
               SUM(score_count) AS score_count,
               COUNT(*) FILTER (WHERE {tries} > 0) AS did_try,
               SUM({tries}) AS first_tries, SUM({passes}) AS first_passes
        FROM {table} WHERE {where} AND NOT shared
        GROUP BY {keys}
        UNION ALL
        SELECT {keys}, COUNT(*), SUM(did_complete), SUM(completions), SUM(score_sum),
               SUM(score_count), SUM(did_try), SUM(first_tries), SUM(first_passes)
        FROM (
            SELECT learner, {groups},
                   MAX(CASE WHEN completed > 0 THEN 1 ELSE 0 END) AS did_complete,
                   SUM(completed) AS completions, SUM(score_sum) AS score_sum,
                   SUM(score_count) AS score_count,
                   MAX(CASE WHEN {tries} > 0 THEN 1 ELSE 0 END) AS did_try,
                   SUM({tries}) AS first_tries, SUM({passes}) AS first_passes
            FROM {table} WHERE {where} AND shared
            GROUP BY learner, {keys}
        ) AS per_learner
        GROUP BY {keys}
    ) AS parts
    GROUP BY {keys}
"""


def _grouping(*expressions: str) -> dict[str, str]:
    """The `groups` and `keys` of `_LEARNER_TOTALS` for these group expressions."""
    names = [f"group_key_{n}" for n in range(len(expressions))]
    return {
        "groups": ", ".join(f"{e} AS {name}" for e, name in zip(expressions, names, strict=True)),
        "keys": ", ".join(names),
    }


def _situations_by_subregion() -> str:
    """The situation cells with `subregion_key`: the sub-region where it lies in
    the cell's region, else NULL, as `live.subregion_key` counts a sub-region
    of another region as none given. Decided here, not in the cells, as a
    sub-region may be moved to another region."""
    subregions = quoted_table(SubRegion)
    return (
        f"(SELECT c.*, CASE WHEN s.{quoted_column(SubRegion, 'region')} = c.region_id "  # noqa: S608 - names from the models
        f"THEN c.subregion_id END AS subregion_key "
        f"FROM {quoted_table(StatisticsSituationCell)} c "
        f"LEFT JOIN {subregions} s ON s.{quoted_column(SubRegion, 'id')} = c.subregion_id) "
        "AS situations"
    )


@dataclass(frozen=True)
class CellsSource:
    """The figures of `user`'s reports with `filters`, read from the cells."""

    user: object
    filters: StatisticsFilters

    def _where(self, *, ignore: str = "") -> tuple[list[str], list]:
        """Conditions for the person's regions and the filters on the learner's situation."""
        conditions, params = [], []
        regions = region_ids_in_scope(self.user)
        if regions is not None:
            conditions.append("region_id = ANY(%s)")
            params.append(regions)
        filters = self.filters
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
        if filters.subregion and ignore != "subregion":
            # Only the situation cells keep it; a sub-region counts in its own region only.
            conditions += ["subregion_id = %s", "region_id = %s"]
            params += [filters.subregion.pk, filters.subregion.region_id]
        return conditions, params

    def learner_totals(self, dimension: str = "") -> list[Totals]:
        """Per region, sub-region, sector, language or organisation size ("": one total).

        By sub-region, each total's key is (region id, sub-region id), with None
        for the region's learners who gave none, as `LiveSource` keys them."""
        # A breakdown shows every value of its own dimension, except that the
        # language breakdown keeps the language filter (as the rows do).
        conditions, params = self._where(ignore="" if dimension == "language" else dimension)
        by_language = dimension == "language" or bool(self.filters.language)
        model = StatisticsLearnerCell if by_language else StatisticsSituationCell
        if dimension == "subregion":
            # Only the situation cells keep the sub-region (`sources.cells_answer`).
            table, groups = _situations_by_subregion(), ("region_id", "subregion_key")
        else:
            table = quoted_table(model)
            groups = (_FILTER_COLUMNS[dimension],) if dimension else ("0",)
        sql = _LEARNER_TOTALS.format(
            **_grouping(*groups),
            table=table,
            where=" AND ".join(["rows > 0", *conditions]),
            tries="first_tries",
            passes="first_passes",
        )
        rows = _fetch(sql, params + params)
        if len(groups) > 1:
            rows = [(tuple(row[: len(groups)]), *row[len(groups) :]) for row in rows]
        found = totals_from_rows(rows)
        if dimension == "sector":
            # The cells keep 0 for "no sector", the rows None.
            found = [replace(total, key=total.key or None) for total in found]
        return found

    def started_at_least(self, learners: int) -> bool:
        """Whether at least `learners` learners started a module, without counting
        them all: each cell not `shared` is a learner of its own, so the first
        `learners` such cells settle it; only a smaller selection is counted."""
        conditions, params = self._where()
        model = StatisticsLearnerCell if self.filters.language else StatisticsSituationCell
        where = " AND ".join(["rows > 0", "NOT shared", *conditions])
        sql = f"""
            SELECT COUNT(*) FROM (
                SELECT 1 FROM {quoted_table(model)} WHERE {where} LIMIT %s
            ) AS enough
        """  # noqa: S608 - the table name from the model
        if _fetch(sql, [*params, learners])[0][0] >= learners:
            return True
        found = self.learner_totals()
        return (found[0].started if found else 0) >= learners

    def module_totals(self) -> list[Totals]:
        """Per module: one row per learner and module, so rows are learners."""
        conditions, params = self._where()
        if self.filters.programme_key:
            conditions.append("module_key = ANY(%s::uuid[])")
            params.append([str(k) for k in self.filters.programme_module_keys])
        # The module filter is ignored: the breakdown shows every module.
        where = " AND ".join(["rows > 0", *conditions])
        sql = f"""
            SELECT module_key, SUM(rows), SUM(completed), SUM(score_sum), SUM(score_count)
            FROM {quoted_table(StatisticsModuleCell)} WHERE {where} GROUP BY module_key
        """  # noqa: S608 - the table name from the model
        return [
            # Each completed row is one completion.
            totals(key, started, completed, completed, score_sum, score_count)
            for key, started, completed, score_sum, score_count in _fetch(sql, params)
        ]

    def programme_totals(self, programmes: dict) -> dict[object, Totals]:
        """Per programme key (`programmes`: programme key -> its module keys): its
        learners' figures over its modules."""
        conditions, params = self._where()
        conditions.append("programme_key = ANY(%s::uuid[])")
        params.append([str(k) for k in programmes])
        sql = _LEARNER_TOTALS.format(
            **_grouping("programme_key"),
            table=quoted_table(StatisticsProgrammeCell),
            where=" AND ".join(["rows > 0", *conditions]),
            # Programme cells keep no first attempts: the programme report shows none.
            tries="0",
            passes="0",
        )
        return {total.key: total for total in totals_from_rows(_fetch(sql, params + params))}

    def period_totals(self, period: str) -> list[Totals]:
        """Per month or week ("month", "week"), keyed by its first day, in order:
        the learners who completed a module in it (`completed`) and the completions."""
        conditions, params = self._where()
        # Dates are whole periods here (`sources.cells_answer`): the periods they hold.
        if self.filters.date_from:
            conditions.append("period >= %s")
            params.append(self.filters.date_from)
        if self.filters.date_to:
            conditions.append("period <= %s")
            params.append(self.filters.date_to)
        where = " AND ".join(["kind = %s", "completions > 0", *conditions])
        table = quoted_table(StatisticsPeriodCell)
        sql = f"""
            SELECT period, SUM(learners), SUM(completions)
            FROM (
                SELECT period, COUNT(*) AS learners, SUM(completions) AS completions
                FROM {table} WHERE {where} AND NOT shared
                GROUP BY period
                UNION ALL
                SELECT period, COUNT(*), SUM(completions)
                FROM (
                    SELECT learner, period, SUM(completions) AS completions
                    FROM {table} WHERE {where} AND shared
                    GROUP BY learner, period
                ) AS per_learner
                GROUP BY period
            ) AS parts
            GROUP BY period ORDER BY period
        """  # noqa: S608 - the table name from the model
        return [
            totals(day, None, learners, completions, None, None)
            for day, learners, completions in _fetch(sql, [period, *params, period, *params])
        ]

    def funnel_counts(self, programmes: dict) -> dict[object, FunnelCounts]:
        """Per programme key: learners who started any of its modules, and who completed all."""
        if not programmes:
            return {}
        found = self._funnel_counts(programmes, "")
        return {key: found.get((key, None), FunnelCounts()) for key in programmes}

    def funnel_counts_by(self, programmes: dict, dimension: str) -> dict[tuple, FunnelCounts]:
        """{(programme key, group): counts} for the groups of `dimension` ("region",
        "sector", "organisation_size"), as `LiveSource.funnel_counts_by` gives them."""
        if not programmes:
            return {}
        return self._funnel_counts(programmes, dimension)

    def funnel_counts_and_split(
        self, programmes: dict, dimension: str
    ) -> tuple[dict[object, FunnelCounts], dict[tuple, FunnelCounts]]:
        """`funnel_counts(programmes)` and `funnel_counts_by(programmes, dimension)`
        from one reading of the cells: a dashboard shows both, and each reading
        scans every programme cell in scope."""
        if not programmes:
            return {}, {}
        found = self._funnel_counts(programmes, dimension, with_total=True)
        whole = {key: found.pop((key, _WHOLE), FunnelCounts()) for key in programmes}
        return whole, found

    def _funnel_counts(
        self, programmes: dict, dimension: str, *, with_total: bool = False
    ) -> dict[tuple, FunnelCounts]:
        """{(programme key, group or None): counts}, and with `with_total` also
        {(programme key, _WHOLE): counts} for all groups together.

        The database returns how many learners completed how many of a
        programme's modules (a few rows per group); the sums are taken here.
        Erased learners share learner 0 in the cells, where they would count
        as one learner with all their modules: their completions come from
        their rows. A learner who moved between groups has a cell in each,
        marked `shared`: the whole funnel counts them once, so its grouping
        reduces their cells per learner without the group.
        """
        conditions, params = self._where(ignore=dimension)
        conditions = ["rows > 0", *conditions, "programme_key = ANY(%s::uuid[])"]
        params.append([str(k) for k in programmes])
        where = " AND ".join(conditions)
        group = _FILTER_COLUMNS[dimension] if dimension else "NULL"
        if with_total:
            whole = f"GROUPING({group}) = 1"
            by_cell = (
                f"GROUPING SETS ((programme_key, {group}, completed), (programme_key, completed))"
            )
            by_learner = (
                f"GROUPING SETS ((programme_key, {group}, learner), (programme_key, learner))"
            )
        else:
            whole = "FALSE"
            by_cell = "1, 2, 4"
            by_learner = "1, 2, 4"
        table = quoted_table(StatisticsProgrammeCell)
        sql = f"""
            SELECT programme_key, group_key, whole, completed, SUM(learners), SUM(erased)
            FROM (
                SELECT programme_key, {group} AS group_key, {whole} AS whole, completed,
                       COUNT(*) AS learners, COUNT(*) FILTER (WHERE learner = 0) AS erased
                FROM {table} WHERE {where} AND NOT shared
                GROUP BY {by_cell}
                UNION ALL
                SELECT programme_key, group_key, whole, completed, COUNT(*),
                       COUNT(*) FILTER (WHERE learner = 0)
                FROM (
                    SELECT programme_key, {group} AS group_key, {whole} AS whole, learner,
                           SUM(completed) AS completed
                    FROM {table} WHERE {where} AND shared
                    GROUP BY {by_learner}
                ) AS per_learner
                GROUP BY 1, 2, 3, 4
            ) AS parts
            GROUP BY 1, 2, 3, 4
        """  # noqa: S608 - the table and column names from the model
        counts: dict = {}
        for key, group_key, is_whole, completed, learners, erased in _fetch(sql, params + params):
            if is_whole:
                group_key = _WHOLE
            elif dimension == "sector":
                # The cells keep 0 for "no sector", the rows None.
                group_key = group_key or None
            started, done = counts.get((key, group_key), (0, 0))
            if completed >= len(programmes.get(key, ())):
                done += int(learners) - int(erased)
            counts[key, group_key] = (started + int(learners), done)
        base = filtered_progress(self.user, self.filters, ignore="programme").filter(
            completed_filter(self.filters), user__isnull=True
        )
        for programme_key, module_keys in programmes.items():
            erased_rows = base.filter(module_key__in=module_keys)
            erased_done = {}
            if dimension:
                erased_done = completed_all_by_group(
                    group_rows(erased_rows, dimension), module_keys
                )
            if not dimension or with_total:
                erased_done[_WHOLE if dimension else None] = completed_all(erased_rows, module_keys)
            for group_key, learners in erased_done.items():
                if learners:
                    started, done = counts.get((programme_key, group_key), (0, 0))
                    counts[programme_key, group_key] = (started, done + learners)
        return {key: FunnelCounts(started, done) for key, (started, done) in counts.items()}

    def question_totals(self, module_key) -> tuple[list[AnswerTotals], list[AnswerTotals]]:
        """The answers to each question of the module: all languages together
        (the filter's language only, if one is chosen), and per language."""
        filters = self.filters
        if filters.programme_key and str(module_key) not in {
            str(key) for key in filters.programme_module_keys
        }:
            return [], []  # a module outside the chosen programme
        conditions, params = self._where()
        conditions = ["module_key = %s::uuid", "answers > 0", *conditions]
        params = [str(module_key), *params]
        if filters.language:
            conditions.append("answer_language = %s")
            params.append(filters.language)
        else:
            conditions.append("answer_language <> ''")
        table = quoted_table(StatisticsQuestionCell)
        sql = f"""
            SELECT question_id, answer_language, SUM(learners), SUM(answers), SUM(correct)
            FROM {table} WHERE {" AND ".join(conditions)}
            GROUP BY question_id, answer_language
        """  # noqa: S608 - the table name from the model
        per_language = [
            AnswerTotals(question, language, int(learners), int(answers), int(correct))
            for question, language, learners, answers, correct in _fetch(sql, params)
        ]
        if filters.language:
            # Only answers in that language count, overall as well.
            overall = [answer._replace(language="") for answer in per_language]
        else:
            conditions[-1] = "answer_language = ''"
            sql = f"""
                SELECT question_id, SUM(learners), SUM(answers), SUM(correct)
                FROM {table} WHERE {" AND ".join(conditions)}
                GROUP BY question_id
            """  # noqa: S608 - the table name from the model
            overall = [
                AnswerTotals(question, "", int(learners), int(answers), int(correct))
                for question, learners, answers, correct in _fetch(sql, params)
            ]
        return overall, per_language

    def option_totals(self, module_key) -> list[OptionTotals]:
        """Per question of the module and option: the learners whose first attempt
        chose it, and ("" for the option) who answered the question on it."""
        filters = self.filters
        if filters.programme_key and str(module_key) not in {
            str(key) for key in filters.programme_module_keys
        }:
            return []  # a module outside the chosen programme
        conditions, params = self._where()
        conditions = ["module_key = %s::uuid", "learners > 0", *conditions]
        params = [str(module_key), *params]
        if filters.language:
            # As the rows: the version studied and the attempt both in that language.
            conditions.append("answer_language = %s")
            params.append(filters.language)
        sql = f"""
            SELECT question_id, choice, SUM(learners)
            FROM {quoted_table(StatisticsOptionCell)} WHERE {" AND ".join(conditions)}
            GROUP BY question_id, choice
        """  # noqa: S608 - the table name from the model
        return [
            OptionTotals(question, choice, int(learners))
            for question, choice, learners in _fetch(sql, params)
        ]
