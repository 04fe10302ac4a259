"""The programme funnel split by region, sector, organisation size or language
in one go gives, group by group, what the funnel filtered to that group gives,
and read together with the whole funnel, the same whole funnel.

The split reads every group in a few statements (the manager's home and the
programme report use it); the filtered funnel is the report a person can
open for each group. On random learners and later changes (moves, erasures,
deletions) both are computed and compared, from the rows everywhere and, on
PostgreSQL, from the statistics cells as well.
"""

from __future__ import annotations

import dataclasses
import datetime

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from learning.statistics import figures, funnel_groups, rebuild, switches
from learning.statistics.filters import StatisticsFilters
from learning.statistics.funnel_groups import NO_CHOICE, group_key, groups_of
from modules.models import Region
from tests.factories import RegionFactory
from tests.learning.statistics.helpers import learner
from tests.learning.statistics.random_data import change, learner_plan, populate


def _filter_sets(world, user):
    regions = world["regions"] if user is world["coordinator"] else world["regions"][:2]
    yield StatisticsFilters(regions=regions)
    yield StatisticsFilters(regions=regions, sector=world["sectors"][0])
    yield StatisticsFilters(regions=regions, organisation_size="small", language="et")
    yield StatisticsFilters(
        regions=regions,
        date_from=datetime.date.today() - datetime.timedelta(days=60),
        date_to=datetime.date.today(),
    )


def _assert_split_matches_filtered(world) -> None:
    for who in ("coordinator", "manager"):
        user = world[who]
        for filters in _filter_sets(world, user):
            for dimension in funnel_groups.DIMENSIONS:
                undivided = dataclasses.replace(filters, **{dimension: NO_CHOICE[dimension]})
                split = figures.programme_funnel_by(user, undivided, dimension)
                whole, split_too = figures.programme_funnel_and_split(user, undivided, dimension)
                assert split_too == split, (who, filters, dimension)
                assert whole == figures.programme_funnel(user, undivided), (
                    who,
                    filters,
                    dimension,
                )
                for group in groups_of(dimension, undivided):
                    chosen = dataclasses.replace(undivided, **{dimension: group})
                    for row in figures.programme_funnel(user, chosen):
                        found = split.get((row.key, group_key(group)))
                        shown = (
                            (found.registered, found.started, found.completed)
                            if found
                            else (0, 0, 0)
                        )
                        expected = (row.registered, row.started, row.completed)
                        assert shown == expected, (who, filters, dimension, group, row.label)


@given(
    plans=st.lists(learner_plan, min_size=1, max_size=8),
    changes=st.lists(change, max_size=6),
)
@settings(
    max_examples=6,
    deadline=None,
    # Each example runs dozens of funnels: shrinking a failure would take many minutes.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_split_funnel_is_the_funnel_filtered_to_each_group(random_world, plans, changes):
    with transaction.atomic():
        on_postgresql = connection.vendor == "postgresql"
        if on_postgresql:
            rebuild.rebuild_cells()
        populate(random_world, plans, changes)
        _assert_split_matches_filtered(random_world)
        if on_postgresql:
            with switches.live_queries():
                _assert_split_matches_filtered(random_world)
        transaction.set_rollback(True)


def _statements_for_split(world) -> int:
    filters = StatisticsFilters(regions=list(Region.objects.all()))
    figures.programme_funnel_by(world["coordinator"], filters, "region")  # permissions cached
    with CaptureQueriesContext(connection) as statements:
        figures.programme_funnel_by(world["coordinator"], filters, "region")
    return len(statements)


def test_the_split_funnel_costs_the_same_for_any_number_of_regions(random_world):
    """One funnel per region would cost a few statements more for every region."""
    some_learners = [
        {"region": region, "sector": 0, "size": "small", "consent": True, "modules": []}
        for region in range(3)
    ]
    populate(random_world, some_learners, [])
    three_regions = _statements_for_split(random_world)
    for number in range(4):
        region = RegionFactory(code=f"X{number}", name=f"Extra {number}")
        learner(100 + number, region, None)
    assert _statements_for_split(random_world) == three_regions
