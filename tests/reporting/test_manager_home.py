"""The programme manager's home: their programmes against targets, the last twelve weeks,
and none of the editors' tools."""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from modules.models import ModulePage
from reporting.home_figures import forget_home_figures
from reporting.models import ProgrammeTarget
from reporting.progress import progress_against_targets
from reporting.trend import completions_trend
from tests.factories import RegionFactory, SectorFactory, make_module, make_programme
from tests.learning.statistics.helpers import HIDDEN, learner, progress, staff

DASHBOARD = "/admin/"


@pytest.fixture
def baltic(site_pages):
    """Estonia: 10 learners completed the programme. Latvia: 2 did, 8 started."""
    home, index = site_pages
    estonia = RegionFactory(code="EE", name="Estonia")
    latvia = RegionFactory(code="LV", name="Latvia")
    water = SectorFactory(slug="water", name="Water")
    phishing = make_module(index, "Phishing", sectors=[water])
    programme = make_programme(home, [phishing], title="Water programme")
    programme.regions.set([estonia, latvia])
    programme.save()  # a page's regions are kept when it is saved
    n = iter(range(100))
    for _number in range(10):
        progress(learner(next(n), estonia, water), phishing, days_ago=3)
    for number in range(10):
        progress(learner(next(n), latvia, water), phishing, completed=number < 2, days_ago=3)
    return {
        "estonia": estonia,
        "latvia": latvia,
        "programme": programme,
        "manager": staff("manager.ee", codename="view_statistics", regions=[estonia]),
        "coordinator": staff("coordinator", codename="view_all_regions"),
    }


def panel(html: str, panel_id: str) -> BeautifulSoup:
    soup = BeautifulSoup(html, "html.parser")
    return soup.find(id=lambda value: value and value.startswith(panel_id))


def rows(section) -> dict[str, list[str]]:
    return {
        tr.th.get_text(strip=True): [" ".join(td.get_text(" ").split()) for td in tr.select("td")]
        for tr in section.select("tbody tr")
    }


def test_a_manager_sees_their_region_against_its_target(client, baltic):
    ProgrammeTarget.objects.create(
        programme_key=baltic["programme"].translation_key,
        region=baltic["estonia"],
        learners_completed=40,
        due_date=datetime.date(2027, 6, 30),
    )
    client.force_login(baltic["manager"])
    html = client.get(DASHBOARD).content.decode()
    section = panel(html, "manager-programmes")
    assert "Water programme" in section.get_text()
    table = rows(section)
    assert list(table) == ["Estonia"]  # never Latvia
    started, completed, _reached, _trained, due = table["Estonia"]
    assert started == "10"
    assert completed.startswith("10 of 40") and "25% of the target" in completed
    assert "2027" in due


def test_a_small_region_and_its_partner_are_hidden_for_the_coordinator(client, baltic):
    client.force_login(baltic["coordinator"])
    section = panel(client.get(DASHBOARD).content.decode(), "manager-programmes")
    table = rows(section)
    # Latvia's 2 are too few; Estonia's 10 would give them away from the funnel's 12.
    assert table["Latvia"][1] == HIDDEN
    assert table["Estonia"][1] == HIDDEN
    assert table["Estonia"][0] == table["Latvia"][0] == "10"
    assert table["Latvia"][4] == "No target set"


def test_the_figures_are_those_of_the_funnel_split_by_region(baltic):
    [programme] = progress_against_targets(baltic["manager"])
    [estonia] = programme.regions
    assert (estonia.started, estonia.completed) == (10, 10)
    assert estonia.target is None and estonia.learners_share is None


def test_the_trend_counts_this_weeks_completions(baltic):
    trend = completions_trend(baltic["manager"], today=timezone.localdate())
    assert len(trend.weeks) == 12
    assert sum(week.learners for week in trend.weeks if week.is_shown) == 10
    assert trend.weeks[-1].starts == timezone.localdate() - datetime.timedelta(
        days=timezone.localdate().weekday()
    )


def test_managers_do_not_get_the_editors_tools(client, baltic):
    client.force_login(baltic["manager"])
    html = client.get(DASHBOARD).content.decode()
    assert "Search all pages" not in html
    assert "editor guide" not in html.lower()
    assert panel(html, "manager-trend") is not None


def test_editors_keep_the_page_search_and_get_no_manager_panels(admin_client, baltic):
    # A superuser edits pages and sees every region: both.
    html = admin_client.get(DASHBOARD).content.decode()
    assert "Search all pages" in html
    assert panel(html, "manager-programmes") is not None


def test_people_without_statistics_get_no_manager_panels(client, baltic):
    client.force_login(staff("someone"))  # admin access only
    html = client.get(DASHBOARD).content.decode()
    assert panel(html, "manager-programmes") is None
    assert panel(html, "manager-trend") is None


def test_the_dashboard_reads_the_same_queries_for_more_learners(client, baltic):
    client.force_login(baltic["manager"])
    client.get(DASHBOARD)
    forget_home_figures()  # the figures computed again, as every few minutes
    with CaptureQueriesContext(connection) as before:
        client.get(DASHBOARD)
    phishing = ModulePage.objects.get(title="Phishing")
    numbers = iter(range(500, 600))
    for _number in range(15):
        progress(learner(next(numbers), baltic["estonia"], None), phishing, days_ago=20)
    forget_home_figures()
    with CaptureQueriesContext(connection) as after:
        client.get(DASHBOARD)
    assert len(after) == len(before)


def test_the_coordinators_dashboard_reads_the_same_queries_for_more_regions(client, baltic):
    """Every region is one more row of the programmes table, not more queries."""
    client.force_login(baltic["coordinator"])
    client.get(DASHBOARD)
    forget_home_figures()
    with CaptureQueriesContext(connection) as before:
        client.get(DASHBOARD)
    phishing = ModulePage.objects.get(title="Phishing")
    numbers = iter(range(700, 800))
    programme = baltic["programme"]
    for code in ("FI", "SE", "NO"):
        region = RegionFactory(code=code, name=f"Region {code}")
        programme.regions.add(region)
        for _number in range(6):
            progress(learner(next(numbers), region, None), phishing, days_ago=10)
    programme.save_revision().publish()
    client.get(DASHBOARD)  # the shared lookups, read again after publishing
    forget_home_figures()
    with CaptureQueriesContext(connection) as after:
        html = client.get(DASHBOARD).content.decode()
    assert "Region FI" in panel(html, "manager-programmes").get_text()
    assert len(after) == len(before)


# --- the figures kept for a few minutes -------------------------------------------


def completed_in_estonia(baltic, how_many: int) -> None:
    phishing = ModulePage.objects.get(title="Phishing")
    numbers = iter(range(900, 1000))
    for _number in range(how_many):
        progress(learner(next(numbers), baltic["estonia"], None), phishing, days_ago=1)


def estonia_started(client) -> str:
    section = panel(client.get(DASHBOARD).content.decode(), "manager-programmes")
    return rows(section)["Estonia"][0]


def test_the_figures_are_kept_for_a_few_minutes_and_say_when_they_were_read(
    client, baltic, monkeypatch, settings
):
    settings.DASHBOARD_FIGURES_SECONDS = 300
    client.force_login(baltic["manager"])
    assert estonia_started(client) == "10"
    completed_in_estonia(baltic, 5)
    html = client.get(DASHBOARD).content.decode()
    assert rows(panel(html, "manager-programmes"))["Estonia"][0] == "10"
    for panel_id in ("manager-programmes", "manager-trend"):
        text = " ".join(panel(html, panel_id).get_text(" ").split())
        assert "Figures as of" in text and "read again every 5 minutes" in text, panel_id

    # Five minutes later (by the test cache's clock only) the home reads them again.
    import time
    from types import SimpleNamespace

    from django.core.cache.backends import locmem

    later = time.time() + 301
    monkeypatch.setattr(locmem, "time", SimpleNamespace(time=lambda: later))
    assert estonia_started(client) == "15"


def test_a_target_set_shows_on_the_home_at_once(client, baltic):
    client.force_login(baltic["manager"])
    client.get(DASHBOARD)
    ProgrammeTarget.objects.create(
        programme_key=baltic["programme"].translation_key,
        region=baltic["estonia"],
        learners_completed=20,
        due_date=datetime.date(2027, 6, 30),
    )
    section = panel(client.get(DASHBOARD).content.decode(), "manager-programmes")
    assert "20" in " ".join(rows(section)["Estonia"])


def test_managers_of_other_regions_never_see_each_others_kept_figures(client, baltic):
    """Figures are kept per scope: a manager of Latvia after one of Estonia sees Latvia only,
    and a second manager of Estonia reads the first one's figures, not the progress rows."""
    # Giving people permissions starts a new content generation: both accounts first.
    latvian = staff("manager.lv", codename="view_statistics", regions=[baltic["latvia"]])
    second_estonian = staff("manager.ee2", codename="view_statistics", regions=[baltic["estonia"]])
    client.force_login(baltic["manager"])
    assert "Estonia" in rows(panel(client.get(DASHBOARD).content.decode(), "manager-programmes"))

    client.force_login(latvian)
    section = panel(client.get(DASHBOARD).content.decode(), "manager-programmes")
    assert list(rows(section)) == ["Latvia"]

    client.force_login(second_estonian)
    with CaptureQueriesContext(connection) as read:
        section = panel(client.get(DASHBOARD).content.decode(), "manager-programmes")
    assert list(rows(section)) == ["Estonia"]
    assert not [q for q in read.captured_queries if "learning_moduleprogress" in q["sql"]]


def test_a_managers_home_reads_at_most_ten_statements_once_its_figures_are_kept(client, baltic):
    client.force_login(baltic["manager"])
    client.get(DASHBOARD)
    with CaptureQueriesContext(connection) as read:
        client.get(DASHBOARD)
    # Production reads the session from Redis; the tests' sessions are in the database.
    statements = [q for q in read.captured_queries if "django_session" not in q["sql"]]
    assert len(statements) <= 10, "\n".join(q["sql"][:120] for q in statements)
