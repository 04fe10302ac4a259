"""The statistics cells give exactly the figures of the live queries.

On random learners, progress rows and answers, then random changes (a
module completed later, a learner moving region, an erased account, a
deleted record, another attempt), every report is computed twice: from the
cells the database triggers maintained, and from the rows. Then once more
after rebuilding the cells from scratch. PostgreSQL only: the cells are
kept by PostgreSQL triggers, and other databases always read the rows.
"""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from django.db import connection, transaction
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from learning.models import (
    StatisticsOptionCell,
    StatisticsPeriodCell,
    StatisticsSituationCell,
)
from learning.statistics import figures, funnel_groups, rebuild, sources, subregions, switches
from learning.statistics.filters import StatisticsFilters
from learning.statistics.funnel_groups import protected_funnel_by_group
from modules.models import ProgrammePage
from tests.factories import make_programme
from tests.learning.statistics.random_data import (
    change,
    learner_plan,
    populate,
)

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the cells are kept by PostgreSQL triggers"
)


def _plain(value):
    """Results as comparable data, floats rounded past any difference in division."""
    if dataclasses.is_dataclass(value):
        return _plain(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 9)
    return value


@pytest.fixture
def world(random_world):
    return random_world


def _filter_sets(world):
    modules = world["modules"]
    programme = ProgrammePage.objects.get(title="Water programme")
    regions = list(world["regions"])
    base = {"regions": regions}
    yield StatisticsFilters(**base)
    yield StatisticsFilters(**base, region=regions[1])
    yield StatisticsFilters(**base, sector=world["sectors"][0], organisation_size="small")
    yield StatisticsFilters(**base, language="et")
    yield StatisticsFilters(**base, subregion=world["subregions"][0])
    yield StatisticsFilters(**base, region=regions[1], subregion=world["subregions"][2])
    yield StatisticsFilters(**base, language="en", region=regions[0])
    yield StatisticsFilters(
        **base,
        programme_key=str(programme.translation_key),
        programme_module_keys=tuple(m.translation_key for m in modules[:2]),
    )
    yield StatisticsFilters(**base, module_key=str(modules[1].translation_key))
    # Whole weeks and whole months: the period cells answer these dates.
    today = datetime.date.today()
    monday = today - datetime.timedelta(days=today.weekday() + 7 * 8)
    yield StatisticsFilters(**base, date_from=monday, date_to=monday + datetime.timedelta(days=55))
    first = (today.replace(day=1) - datetime.timedelta(days=70)).replace(day=1)
    yield StatisticsFilters(
        **base, date_from=first, date_to=today.replace(day=1) - datetime.timedelta(days=1)
    )


def _reports(world, user, filters) -> dict:
    reports = {
        "overview": figures.overview(user, filters),
        "month": figures.completions_over_time(user, filters, "month"),
        "week": figures.completions_over_time(user, filters, "week"),
        "funnel": figures.programme_funnel(user, filters),
        # Settled by the first cells where enough learners started (the dashboard's dates).
        "started at least": [
            figures.learners_started_at_least(user, filters, learners)
            for learners in (1, 2, 3, 5, 8, 9)
        ],
    }
    for dimension in funnel_groups.DIMENSIONS:
        reports[f"funnel by {dimension}"] = protected_funnel_by_group(user, filters, dimension)
    reports["funnel by subregion"] = subregions.protected_funnel_by_subregion(user, filters)
    for dimension in figures.DIMENSIONS:
        reports[dimension] = figures.breakdown(user, filters, dimension)
    for module in world["modules"]:
        key = str(module.translation_key)
        reports[f"questions {key}"] = figures.question_analysis(user, filters, key)
        # Every option counted, also those the report would not show.
        source = sources.source_for(user, filters, sources.QUESTIONS)
        reports[f"options {key}"] = sorted(source.option_totals(key))
    return _plain(reports)


def _assert_cells_match_rows(world) -> None:
    for who in ("coordinator", "manager"):
        user = world[who]
        for filters in _filter_sets(world):
            from_cells = _reports(world, user, filters)
            with switches.live_queries():
                from_rows = _reports(world, user, filters)
            for report, shown in from_cells.items():
                assert shown == from_rows[report], (who, filters, report)


@given(
    plans=st.lists(learner_plan, min_size=1, max_size=8),
    changes=st.lists(change, max_size=6),
)
@settings(
    max_examples=12,
    deadline=None,
    # Each example builds a database and runs every report dozens of times: shrinking
    # a failure would take many minutes, so the failing example is shown as found.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@example(
    # Learners whose cells are shared: one moves region after completing
    # (two situations), then both are erased (one learner 0 for two people).
    plans=[
        {
            "region": 0,
            "sector": 0,
            "size": "small",
            "consent": True,
            "modules": [
                {
                    "module": m,
                    "completed": True,
                    "language": language,
                    "attempts": ["en", "et"],
                    "score": 80,
                    "first_passed": False,
                    "hours_ago": 24 * 40 * m,
                    "right": [True, False, True],
                }
                for m, language in [(0, "en"), (1, "et"), (2, "et")]
            ],
        }
    ]
    * 2,
    changes=[("move", 4), ("erase", 0), ("erase", 3)],
)
def test_cells_give_the_figures_of_the_rows(world, plans, changes):
    with transaction.atomic():
        rebuild.rebuild_cells()  # empty cells, programmes as they are now
        populate(world, plans, changes)
        _assert_cells_match_rows(world)
        rebuild.rebuild_cells()
        _assert_cells_match_rows(world)
        transaction.set_rollback(True)


def test_reports_read_the_cells(world):
    """The fast path is taken: with the rows gone behind its back, a report reads the cells."""
    rebuild.rebuild_cells()
    populate(
        world,
        [{"region": 0, "sector": 0, "size": "small", "consent": True, "modules": []}],
        [],
    )
    StatisticsSituationCell.objects.create(
        learner=12345,
        region_id=world["regions"][0].pk,
        sector_id=0,
        organisation_size="",
        rows=1,
        completed=1,
    )
    filters = next(_filter_sets(world))
    assert figures.overview(world["coordinator"], filters).completed == 1
    with switches.live_queries():
        assert figures.overview(world["coordinator"], filters).completed == 0


def test_question_analysis_reads_the_option_cells(world):
    """The options chosen come from the option cells, where they answer."""
    rebuild.rebuild_cells()
    populate(
        world,
        [{"region": 0, "sector": 0, "size": "small", "consent": True, "modules": []}],
        [],
    )
    module = world["modules"][0]
    question = module.quiz_definition.questions[0]
    StatisticsOptionCell.objects.create(
        module_key=module.translation_key,
        question_id=question.id,
        choice="",
        answer_language="en",
        region_id=world["regions"][0].pk,
        sector_id=0,
        organisation_size="",
        language="en",
        learners=3,
    )
    filters = next(_filter_sets(world))
    coordinator = world["coordinator"]
    key = str(module.translation_key)
    source = sources.source_for(coordinator, filters, sources.QUESTIONS)
    assert source.option_totals(key) == [(question.id, "", 3)]
    with switches.live_queries():
        source = sources.source_for(coordinator, filters, sources.QUESTIONS)
        assert source.option_totals(key) == []


def test_whole_weeks_are_read_from_the_period_cells(world):
    """A report's dates widened to whole weeks (the manager's twelve weeks) read the
    week cells; a window that cuts a week reads the rows."""
    rebuild.rebuild_cells()
    populate(
        world,
        [{"region": 0, "sector": 0, "size": "small", "consent": True, "modules": []}],
        [],
    )
    today = datetime.date.today()
    monday = today - datetime.timedelta(days=today.weekday() + 14)
    StatisticsPeriodCell.objects.create(
        learner=12345,
        region_id=world["regions"][0].pk,
        sector_id=0,
        organisation_size="",
        kind="week",
        period=monday,
        completions=2,
    )
    coordinator = world["coordinator"]
    whole = StatisticsFilters(
        regions=world["regions"], date_from=monday, date_to=monday + datetime.timedelta(days=13)
    )
    [week] = figures.completions_over_time(coordinator, whole, "week")
    assert (week.period, week.learners, week.completions) == (monday, 1, 2)
    cut = dataclasses.replace(whole, date_to=monday + datetime.timedelta(days=12))
    assert figures.completions_over_time(coordinator, cut, "week") == []


def test_refresh_statistics_rebuilds_the_cells(world):
    """After a programme's modules change the programme reports read the rows, until a refresh."""
    from io import StringIO

    from django.core.management import call_command

    populate(
        world,
        [{"region": 0, "sector": 0, "size": "small", "consent": True, "modules": []}],
        [],
    )
    pairs = {}
    for programme_key, module_key in rebuild.programme_pairs():
        pairs.setdefault(programme_key, set()).add(module_key)
    assert not switches.programmes_usable(pairs)
    out = StringIO()
    call_command("refresh_statistics", stdout=out)
    assert "Rebuilt the statistics cells" in out.getvalue()
    assert switches.programmes_usable(pairs)


def test_publishing_a_programme_rebuilds_its_cells(
    world, site_pages, django_capture_on_commit_callbacks
):
    rebuild.rebuild_cells()
    populate(
        world,
        [
            {
                "region": 0,
                "sector": 0,
                "size": "small",
                "consent": True,
                "modules": [
                    {
                        "module": 2,
                        "completed": True,
                        "language": "en",
                        "attempts": [],
                        "score": 90,
                        "first_passed": True,
                        "hours_ago": 3,
                        "right": [True, True, True],
                    }
                ],
            }
        ],
        [],
    )
    assert rebuild.programme_cells_current()
    with django_capture_on_commit_callbacks(execute=True):
        make_programme(site_pages[0], world["modules"][2:], title="New programme")
    assert rebuild.programme_cells_current()
    programme = ProgrammePage.objects.get(title="New programme")
    coordinator = world["coordinator"]
    filters = next(_filter_sets(world))
    from_cells = {row.key: row for row in figures.breakdown(coordinator, filters, "programme")}
    assert from_cells[programme.translation_key].completed == 1
