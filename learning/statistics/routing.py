"""Statistics may read from a replica; everything else uses the primary.

Reports only read, and a few seconds of replication lag do not matter to
them, so when a ``replica`` database is configured every query a report runs
goes there, keeping long aggregates off the primary that serves learners.
Learner pages keep reading the primary: a learner must see the attempt they
have just submitted.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
_reading_statistics: ContextVar[bool] = ContextVar("reading_statistics", default=False)


def statistics_database() -> str:
    """The alias statistics read from: the replica when one is configured."""
    return getattr(settings, "STATISTICS_DATABASE", "default")


@contextmanager
def statistics_reads() -> Iterator[str]:
    """Route every ORM read inside the block to the statistics database."""
    token = _reading_statistics.set(True)
    try:
        yield statistics_database()
    finally:
        _reading_statistics.reset(token)


class StatisticsReplicaRouter:
    """Send reads made inside :func:`statistics_reads` to the replica."""

    def db_for_read(self, model, **hints) -> str | None:
        if _reading_statistics.get():
            return statistics_database()
        return None

    def db_for_write(self, model, **hints) -> str:
        return "default"

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        # Both aliases hold the same data.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        return db == "default"
