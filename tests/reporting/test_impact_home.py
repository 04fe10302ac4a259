"""The manager's home panel "What the training changed": learning gain and retention
per programme in the manager's regions, hidden as the learning gain report hides them."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reporting.home_figures import forget_home_figures
from tests.impact.report_data import impact_world, knowledge  # noqa: F401
from tests.learning.statistics.helpers import HIDDEN, staff
from tests.reporting.test_manager_home import DASHBOARD, panel, rows


@pytest.fixture
def world(impact_world):  # noqa: F811 - the shared fixture
    """Estonia: 6 learners with both checks, 5 of them with the retention check.
    Latvia: 2 learners with both checks."""
    scores = [(40, 80, 70), (50, 90, 90), (60, 70, 60), (30, 60, 50), (70, 100, 90), (50, 80, None)]
    for baseline, final, retention in scores:
        knowledge(
            impact_world["programme"],
            impact_world["estonia"],
            impact_world["water"],
            baseline=baseline,
            final=final,
            retention=retention,
        )
    for _n in range(2):
        knowledge(impact_world["programme"], impact_world["latvia"], baseline=20, final=40)
    return impact_world


def test_a_manager_sees_the_gain_of_their_region(client, world):
    client.force_login(world["manager"])
    section = panel(client.get(DASHBOARD).content.decode(), "manager-impact")
    assert "What the training changed" in section.get_text()
    # Estonia only: baselines mean 50, finals 80: (80 − 50) / (100 − 50) = 60 %.
    # Retention: finals 80 90 70 60 100 = 80, retention 70 90 60 50 90 = 72: 90 %.
    assert rows(section) == {"Water programme": ["6", "60.0", "5", "90.0"]}
    assert "Learning gain by programme" in section.get_text()


def test_the_coordinator_sees_every_region_and_small_figures_hidden(client, world, settings):
    client.force_login(world["coordinator"])
    section = panel(client.get(DASHBOARD).content.decode(), "manager-impact")
    # 8 learners with both checks in all; the retention check: 5.
    [figures] = rows(section).values()
    assert figures[0] == "8"
    settings.STATISTICS_MIN_CELL_SIZE = 10
    section = panel(client.get(DASHBOARD).content.decode(), "manager-impact")
    assert rows(section)["Water programme"] == [HIDDEN] * 4


def test_without_checks_the_panel_says_so(client, impact_world):  # noqa: F811
    client.force_login(impact_world["manager"])
    section = panel(client.get(DASHBOARD).content.decode(), "manager-impact")
    assert "has taken a programme's knowledge checks yet" in section.get_text()


def test_people_without_statistics_get_no_impact_panel(client, world):
    client.force_login(staff("someone"))
    assert panel(client.get(DASHBOARD).content.decode(), "manager-impact") is None


def test_the_panel_reads_the_same_queries_for_more_learners(client, world):
    client.force_login(world["manager"])
    client.get(DASHBOARD)
    forget_home_figures()  # the figures computed again, as every few minutes
    with CaptureQueriesContext(connection) as before:
        client.get(DASHBOARD)
    for n in range(12):
        knowledge(world["programme"], world["estonia"], world["energy"], baseline=n, final=50)
    forget_home_figures()
    with CaptureQueriesContext(connection) as after:
        client.get(DASHBOARD)
    assert len(after) == len(before)
