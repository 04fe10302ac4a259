"""Statistics reports read in the admin user's language, and the running total of completions."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from learning.statistics import figures
from learning.statistics.filters import StatisticsFilterForm
from learning.statistics.suppression import SUPPRESSED, figure_text, running_total
from tests.learning.statistics.helpers import HIDDEN, learner, progress, rows_of

NBSP = "\xa0"
RUNNING_TOTAL = "Learners who completed a module, running total"
PER_PERIOD = "Learners who completed a module in the period"


def estonian(user) -> None:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "et"
    profile.save()


def field_value(html: str, name: str) -> str:
    match = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    assert match, f"no input {name}"
    value = re.search(r'value="([^"]*)"', match.group(0))
    return value.group(1) if value else ""


# -- numbers and dates in the admin user's language ---------------------------------


def test_figures_use_the_languages_separators():
    with translation.override("et"):
        assert figure_text(1234567) == f"1{NBSP}234{NBSP}567"
        assert figure_text(85.71) == "85,7"
        assert figure_text(1234.5) == f"1{NBSP}234,5"
    with translation.override("en"):
        assert figure_text(1234.5) == "1,234.5"
    with translation.override("fr"):
        assert figure_text(85.71) == "85,7"


def test_an_estonian_admin_reads_estonian_dates_and_numbers(client, world):
    estonian(world["manager"])
    client.force_login(world["manager"])
    html = client.get(reverse("learning_statistics:over_time")).content.decode()
    filters = StatisticsFilterForm(None, user=world["manager"]).filters()
    periods = [point.period for point in figures.completions_over_time(world["manager"], filters)]
    assert periods
    for period in periods:
        # As Estonians write a date, "01.12.2025", never "12/01/2025".
        assert f">{period.strftime('%d.%m.%Y')}</th>" in html
        assert period.strftime("%m/%d/%Y") not in html
    overview = client.get(reverse("learning_statistics:overview")).content.decode()
    # 6 of 7 starters completed: 85.7% with a decimal comma.
    assert ">85,7</span>" in overview
    assert ">85.7</span>" not in overview


def test_the_browser_language_sets_the_formats_without_a_preference(client, world):
    client.force_login(world["manager"])
    html = client.get(
        reverse("learning_statistics:overview"), HTTP_ACCEPT_LANGUAGE="et"
    ).content.decode()
    assert ">85,7</span>" in html


def test_a_date_typed_the_estonian_way_filters_the_report(client, world):
    estonian(world["manager"])
    client.force_login(world["manager"])
    url = reverse("learning_statistics:breakdown", args=["module"])
    today = timezone.localdate()
    start = today - datetime.timedelta(days=40)
    typed = client.get(url, {"date_from": start.strftime("%d.%m.%Y")})
    html = typed.content.decode()
    assert typed.status_code == 200
    assert "stats-filters__field--error" not in html
    # Shown back as typed, and giving the figures the same date in ISO gives.
    assert field_value(html, "date_from") == start.strftime("%d.%m.%Y")
    iso = client.get(url, {"date_from": start.isoformat()})
    assert iso.status_code == 200
    assert field_value(iso.content.decode(), "date_from") == start.strftime("%d.%m.%Y")
    assert rows_of(client, url, date_from=start.strftime("%d.%m.%Y")) == rows_of(
        client, url, date_from=start.isoformat()
    )
    assert rows_of(client, url, date_from=start.isoformat())
    # A date typed after the last activity leaves nothing.
    later = today + datetime.timedelta(days=62)
    assert rows_of(client, url, date_from=later.strftime("%d.%m.%Y")) == []


def test_links_with_iso_dates_keep_working_in_english(client, world):
    client.force_login(world["manager"])
    url = reverse("learning_statistics:breakdown", args=["module"])
    response = client.get(url, {"date_from": "2026-01-31"})
    assert response.status_code == 200
    assert field_value(response.content.decode(), "date_from") == "2026-01-31"
    # The date picker's format follows the language: Wagtail's widget is on the page.
    assert "initDateChooser" in response.content.decode()


def test_a_date_the_language_does_not_write_is_refused(client, world):
    estonian(world["manager"])
    client.force_login(world["manager"])
    url = reverse("learning_statistics:breakdown", args=["module"])
    # "12/01/2025" is not how Estonians write a date: no figures for a guessed one.
    response = client.get(url, {"date_from": "12/01/2025"})
    assert response.status_code == 400
    assert "stats-filters__field--error" in response.content.decode()


# -- the running total -----------------------------------------------------------


def test_running_total_adds_up_the_periods():
    assert running_total([3, 0, 6, None, 7]) == [3, 3, 9, 9, 16]
    assert running_total([]) == []


def test_running_total_is_hidden_from_the_first_hidden_period_on():
    # Shown after a hidden period, a total minus the one before it would be the
    # hidden figure, or two totals around two hidden ones their sum.
    assert running_total([9, 7, SUPPRESSED, 6, 5]) == [9, 16, SUPPRESSED, SUPPRESSED, SUPPRESSED]
    assert running_total([SUPPRESSED, 9]) == [SUPPRESSED, SUPPRESSED]


@pytest.fixture
def spread_world(world):
    """The manager's learners completing in four months: 9, 7, 2 and the world's 6."""
    estonia, water, phishing = world["estonia"], world["water"], world["phishing"]
    for n, (days_ago, learners) in enumerate([(300, 9), (200, 7), (100, 2)]):
        for m in range(learners):
            user = learner(300 + 20 * n + m, estonia, water)
            progress(user, phishing, days_ago=days_ago)
    return world


def test_completions_over_time_show_a_protected_running_total(client, spread_world):
    client.force_login(spread_world["manager"])
    rows = rows_of(client, reverse("learning_statistics:over_time"))
    assert [row[PER_PERIOD] for row in rows] == ["9", "7", HIDDEN, HIDDEN]
    # The two learners of the third month are hidden, and so, as their partner,
    # is the smallest other month (the world's six): the running total stops
    # at the first hidden month, or it would give both away.
    assert [row[RUNNING_TOTAL] for row in rows] == ["9", "16", HIDDEN, HIDDEN]
    page = client.get(reverse("learning_statistics:over_time")).content.decode()
    # Two charts: the learners per period and their running total.
    assert page.count('class="chart chart--line"') == 2
    assert "definition-cumulative" in page


def test_a_lone_small_period_hides_the_running_total_from_its_start(client, spread_world):
    # An energy learner completes too: alone in the sector, hidden, and so is
    # the running total of the sector's periods.
    progress(spread_world["ee"][7], spread_world["phishing"], days_ago=300)
    client.force_login(spread_world["coordinator"])
    rows = rows_of(
        client, reverse("learning_statistics:over_time"), sector=spread_world["energy"].pk
    )
    assert rows
    assert all(row[RUNNING_TOTAL] == HIDDEN for row in rows)


def test_estonian_dates_with_a_time_are_written_as_estonian_dates_are():
    import datetime

    from django.utils import formats, translation

    moment = datetime.datetime(2026, 12, 2, 13, 6)
    with translation.override("et"):
        assert formats.date_format(moment, "DATETIME_FORMAT") == "2. detsember 2026, 13:06"
        assert formats.date_format(moment, "SHORT_DATETIME_FORMAT") == "02.12.2026 13:06"
        assert formats.date_format(moment.date(), "DATE_FORMAT") == "2. detsember 2026"
