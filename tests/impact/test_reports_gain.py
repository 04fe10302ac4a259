"""The learning gain report: figures computed by hand on small data, suppression,
scope, exports and the number of queries."""

from __future__ import annotations

import html
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from impact.statistics import figures
from learning.statistics.filters import StatisticsFilters
from tests.admin_reports.exports import csv_table
from tests.impact.report_data import impact_world, knowledge  # noqa: F401
from tests.learning.statistics.helpers import HIDDEN


@pytest.fixture
def world(impact_world):  # noqa: F811 - the shared fixture
    return impact_world


GAIN = "/admin/statistics/impact/learning-gain/"


def gain_url(dimension: str = "region") -> str:
    return reverse("impact_statistics:gain_by", args=[dimension])


def content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(client, url, params=None) -> list[dict]:
    response = client.get(url, {**(params or {}), "export": "csv"})
    assert response.status_code == 200
    return csv_table(content(response).decode())


def by_label(rows) -> dict[str, dict]:
    return {row[next(iter(row))]: row for row in rows}


def estonian_class(world, learners: int = 6):
    """`learners` Estonian water learners with known scores (baseline, final, retention)."""
    scores = [
        (40, 80, 70),
        (50, 90, 90),
        (60, 70, None),
        (30, 60, 50),
        (70, 100, 90),
        (50, 80, None),
    ]
    for baseline, final, retention in scores[:learners]:
        knowledge(
            world["programme"],
            world["estonia"],
            world["water"],
            baseline=baseline,
            final=final,
            retention=retention,
        )


def test_the_url_without_a_dimension_is_the_report_by_region(client, world):
    client.force_login(world["coordinator"])
    assert reverse("impact_statistics:gain") == GAIN
    response = client.get(GAIN)
    assert response.status_code == 200
    assert "Learning gain by region" in response.content.decode()


def test_gain_and_retention_equal_the_hand_computed_figures(client, world):
    estonian_class(world)
    # Two took the baseline only, one the final only (no baseline): neither counts in the gain.
    knowledge(world["programme"], world["estonia"], world["water"], baseline=20)
    knowledge(world["programme"], world["estonia"], world["water"], baseline=90)
    knowledge(world["programme"], world["estonia"], world["water"], final=100)
    # Not consenting: not counted at all.
    knowledge(
        world["programme"], world["estonia"], world["water"], baseline=0, final=100, consent=False
    )
    client.force_login(world["manager"])
    [estonia, total] = csv_rows(client, gain_url())[:2]
    # By hand: baselines 40 50 60 30 70 50 → 300/6 = 50; finals 80 90 70 60 100 80 → 480/6 = 80;
    # gain (80 − 50) / (100 − 50) = 60 %. Retention: 4 learners with final and retention,
    # finals 80 90 60 100 → 82.5, retention scores 70 90 50 90 → 75; 75 / 82.5 = 90.9 %.
    assert estonia["Region"] == "Estonia"
    assert estonia["Learners with both checks"] == "6"
    assert estonia["Learners with the baseline check only"] == HIDDEN  # 2: fewer than k
    assert estonia["Mean baseline score (%)"] == "50.0"
    assert estonia["Mean final score (%)"] == "80.0"
    assert estonia["Normalised learning gain (%)"] == "60.0"
    assert estonia["Learners with the final and retention checks"] == HIDDEN  # 4
    assert estonia["Retention (%)"] == HIDDEN
    assert total["Region"] == "All learners in the selection"
    assert total["Normalised learning gain (%)"] == "60.0"


def test_retention_shows_with_enough_learners(client, world, settings):
    settings.STATISTICS_MIN_CELL_SIZE = 3
    estonian_class(world)
    client.force_login(world["manager"])
    [estonia, _total] = csv_rows(client, gain_url())
    assert estonia["Learners with the final and retention checks"] == "4"
    assert estonia["Mean retention score (%)"] == "75.0"
    assert estonia["Retention (%)"] == "90.9"


def test_normalised_gain_by_hand():
    assert figures.normalised_gain(50, 80) == 60
    assert figures.normalised_gain(100, 100) is None
    assert figures.normalised_gain(None, None) is None
    assert round(figures.normalised_gain(40, 30), 1) == -16.7  # a group can lose


def test_a_group_with_few_learners_is_hidden_with_a_partner(client, world):
    estonian_class(world)
    for baseline, final in ((10, 90), (20, 30)):
        knowledge(
            world["programme"], world["estonia"], world["energy"], baseline=baseline, final=final
        )
    client.force_login(world["manager"])
    rows = by_label(csv_rows(client, gain_url("sector")))
    energy, water = rows["Energy"], rows["Water"]
    assert energy["Learners with both checks"] == HIDDEN
    assert energy["Mean baseline score (%)"] == HIDDEN
    assert energy["Normalised learning gain (%)"] == HIDDEN
    # Water's 6 would give Energy's 2 away from the total of 8: hidden with it.
    assert water["Learners with both checks"] == HIDDEN
    assert water["Normalised learning gain (%)"] == HIDDEN
    assert rows["All learners in the selection"]["Learners with both checks"] == "8"


def test_a_one_region_manager_sees_their_region_only(client, world):
    estonian_class(world)
    for _n in range(6):
        knowledge(world["programme"], world["latvia"], world["water"], baseline=10, final=20)
    client.force_login(world["manager"])
    rows = csv_rows(client, gain_url(), {"region": world["latvia"].pk})
    assert [row["Region"] for row in rows] == ["Estonia", "All learners in the selection"]
    assert "Latvia" not in content(client.get(gain_url(), {"region": world["latvia"].pk})).decode()
    client.force_login(world["coordinator"])
    rows = by_label(csv_rows(client, gain_url()))
    assert set(rows) == {"Estonia", "Latvia", "All learners in the selection"}
    assert rows["Latvia"]["Normalised learning gain (%)"] == "11.1"  # (20 − 10) / 90


@pytest.mark.parametrize("dimension", list(figures.GAIN_DIMENSIONS))
def test_every_dimension_shows_and_exports(client, world, dimension):
    estonian_class(world)
    client.force_login(world["manager"])
    response = client.get(gain_url(dimension))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Normalised learning gain (%)" in html and "60.0" in html
    workbook = openpyxl.load_workbook(
        io.BytesIO(content(client.get(gain_url(dimension), {"export": "xlsx"})))
    )
    assert workbook.sheetnames[1:] == ["Definitions", "About this export"]
    table = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert table[0][5] == "Normalised learning gain (%)"
    assert table[-1][0] == "All learners in the selection" and table[-1][5] == 60
    definitions = dict(workbook["Definitions"].iter_rows(values_only=True))
    assert definitions["Normalised learning gain (%)"].startswith("(mean final score")
    about = dict(workbook["About this export"].iter_rows(values_only=True))
    assert about["Scope"] == "Your regions: Estonia"
    assert "fewer than 5 learners" in about["Suppression rule"]


def test_an_unknown_dimension_is_not_found(client, world):
    client.force_login(world["manager"])
    response = client.get(gain_url("learner"), follow=True)
    assert response.status_code == 404


def test_a_filter_on_a_hidden_group_hides_everything(client, world):
    """Energy's 2 learners are hidden by sector: filtered to Energy, nothing shows."""
    estonian_class(world)
    for _n in range(2):
        knowledge(world["programme"], world["estonia"], world["energy"], baseline=10, final=90)
    client.force_login(world["manager"])
    rows = csv_rows(client, gain_url("region"), {"sector": world["energy"].pk})
    assert all(value == HIDDEN for value in list(rows[0].values())[1:])
    text = content(client.get(gain_url("region"), {"sector": world["energy"].pk})).decode()
    assert "Every figure of this selection is hidden" in text


def test_queries_do_not_grow_with_the_rows(client, world, django_assert_max_num_queries):
    estonian_class(world)
    client.force_login(world["coordinator"])
    client.get(gain_url("sector"))  # warm the caches

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(gain_url("sector")).status_code == 200
        return len(queries)

    few = count()
    for n in range(30):
        knowledge(
            world["programme"],
            world["latvia"] if n % 2 else world["estonia"],
            world["energy"] if n % 3 else world["water"],
            baseline=n,
            final=n + 10,
            size=("micro", "small", "medium", "large")[n % 4],
        )
    assert count() == few


def test_gain_by_reads_one_query(world, django_assert_num_queries):
    estonian_class(world)
    from learning.statistics.scope import visible_region_list

    user = world["coordinator"]
    filters = StatisticsFilters(regions=visible_region_list(user))
    for dimension in ("sector", "organisation_size", "language"):
        # The aggregate, then the sectors' names; sizes and languages are named in code.
        with django_assert_num_queries(2 if dimension == "sector" else 1):
            figures.gain_by(user, filters, dimension)


def test_every_column_is_defined_under_the_table(client, world):
    from impact.statistics.definitions import FIGURES
    from tests.learning.statistics.test_definitions import column_headings, definitions_on

    estonian_class(world)
    client.force_login(world["manager"])
    text = html.unescape(client.get(gain_url("sector")).content.decode())
    defined = definitions_on(text)
    headings = column_headings(text)
    assert len(headings) == 9
    for field, heading in headings:
        assert heading in defined, heading
        assert f'<dd id="{field}">' in text, field
    for key, entry in FIGURES.items():
        assert str(entry.name).strip(), key
        assert str(entry.definition).rstrip().endswith("."), key


def test_dates_choose_the_final_check_and_widen_to_whole_months(client, world):
    import datetime

    from django.utils import timezone

    estonian_class(world)  # final checks 10 days ago
    for _n in range(6):
        knowledge(
            world["programme"],
            world["estonia"],
            world["water"],
            baseline=0,
            final=100,
            days_ago=400,
        )
    client.force_login(world["manager"])
    since = timezone.localdate() - datetime.timedelta(days=100)
    response = client.get(gain_url(), {"date_from": since.isoformat(), "export": "csv"})
    text = content(response).decode()
    [estonia, _total] = csv_table(text)[:2]
    assert estonia["Learners with both checks"] == "6"
    assert estonia["Normalised learning gain (%)"] == "60.0"
    # Few learners: the start moves back to the first day of its month.
    assert "The dates were widened to whole months" in text
    assert [estonia["Learners with both checks"] for estonia in csv_rows(client, gain_url())][
        :1
    ] == ["12"]
