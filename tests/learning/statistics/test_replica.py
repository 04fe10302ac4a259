"""Statistics read from a replica when one is configured; learners from the primary.

The test settings define ``replica`` as a second connection to the same
database, standing in for a streaming replica: what is proven is where each
query goes.
"""

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learning.statistics.routing import REPLICA, statistics_database
from tests.learning.statistics.helpers import rows_of

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", REPLICA])


@pytest.fixture
def replica(settings):
    settings.STATISTICS_DATABASE = REPLICA
    return connections[REPLICA]


def test_reports_query_the_replica_and_learner_pages_the_primary(client, world, replica):
    assert statistics_database() == REPLICA
    client.force_login(world["coordinator"])
    with (
        CaptureQueriesContext(connections["default"]) as on_primary,
        CaptureQueriesContext(replica) as on_replica,
    ):
        rows = rows_of(client, reverse("learning_statistics:breakdown", args=["region"]))
    by_region = {row["Region"]: row for row in rows}
    assert by_region["Estonia"]["Learners who completed at least one module"] == "6"
    assert by_region["Brittany"]["Learners who completed at least one module"] == "6"
    # Figures come from the progress rows or, on PostgreSQL, the statistics cells.
    figures = ("learning_moduleprogress", "learning_statistics")
    assert any(t in q["sql"] for q in on_replica.captured_queries for t in figures)
    # The primary serves only the session and the signed-in user.
    assert not any(t in q["sql"] for q in on_primary.captured_queries for t in figures)

    client.force_login(world["ee"][0])
    with (
        CaptureQueriesContext(connections["default"]) as on_primary,
        CaptureQueriesContext(replica) as on_replica,
    ):
        assert client.get(reverse("learning:dashboard")).status_code == 200
    assert on_replica.captured_queries == []
    assert any("learning_moduleprogress" in q["sql"] for q in on_primary.captured_queries)


def test_without_a_replica_reports_use_the_primary():
    assert statistics_database() == "default"
