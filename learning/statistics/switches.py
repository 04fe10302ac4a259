"""Whether the statistics cells are kept, and still cut as the reports need them.

The cells are kept on PostgreSQL only (by the triggers of migration
`learning.0002_statistics_triggers`), so elsewhere every report reads the
rows. Where they are kept, two kinds of cells answer only while what they
were cut by still holds: the period cells, in the time zone the last
rebuild recorded, and the programme cells, with the modules each programme
had then. `sources.source_for`, the one place that chooses between the
cells and the rows, asks here, so a figure is never stale.
`live_queries()` makes reports read the rows on purpose, to compare the two.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connections
from django.utils import timezone

from ..models import StatisticsProgrammeModule, StatisticsSummaryState
from .routing import statistics_database

# Off while comparing the cells with the live queries (tests, benchmarks).
_enabled: ContextVar[bool] = ContextVar("statistics_cells_enabled", default=True)


def in_use() -> bool:
    """Whether reports can read the cells: on PostgreSQL, where the triggers keep them."""
    return connections[statistics_database()].vendor == "postgresql" and _enabled.get()


@contextmanager
def live_queries() -> Iterator[None]:
    """Reports inside this block read the progress rows, never the cells."""
    token = _enabled.set(False)
    try:
        yield
    finally:
        _enabled.reset(token)


def periods_usable() -> bool:
    """The period cells answer only in the time zone they were cut in."""
    if not in_use():
        return False
    state = StatisticsSummaryState.objects.order_by("-built_at").first()
    return state is not None and state.time_zone == timezone.get_current_timezone_name()


def programmes_usable(pairs: dict) -> bool:
    """The programme cells answer only while programmes keep the modules they were built with.

    `pairs`: programme key -> the keys of its modules now."""
    if not in_use():
        return False
    built: dict = {}
    for programme_key, module_key in StatisticsProgrammeModule.objects.values_list(
        "programme_key", "module_key"
    ):
        built.setdefault(programme_key, set()).add(module_key)
    return all(built.get(key) == set(modules) for key, modules in pairs.items())
