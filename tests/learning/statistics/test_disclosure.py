"""No report lets a manager work out a hidden figure, and dates never break a report.

Through the report views, as a manager sees them (HTML, CSV, XLSX): a small
group hidden in a breakdown is not given away by the overview's total minus
the visible rows; every figure resting on a hidden count is hidden; the three
formats hide the same figures with the same mark. Dates at the ends of the
calendar are clamped with a message, dates that cannot be read stop the
report with a message, and dates widen to whole weeks or months.
"""

from __future__ import annotations

import datetime
import io
import re

import openpyxl
import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learning.models import OrganisationSize
from learning.statistics.filters import (
    EARLIEST_DATE,
    LATEST_DATE,
    StatisticsFilters,
    date_resolution,
    snap_dates,
)
from tests.admin_reports.exports import csv_table
from tests.factories import RegionFactory, SectorFactory, make_module, make_programme
from tests.learning.statistics.helpers import HIDDEN, learner, progress, staff

DIMENSIONS = (
    "region",
    "subregion",
    "programme",
    "module",
    "sector",
    "language",
    "organisation_size",
)


def report_urls(world) -> dict[str, tuple[str, dict]]:
    module = str(world["phishing"].translation_key)
    urls = {"overview": (reverse("learning_statistics:overview"), {})}
    urls |= {
        f"by {d}": (reverse("learning_statistics:breakdown", args=[d]), {}) for d in DIMENSIONS
    }
    urls |= {
        "over time, months": (reverse("learning_statistics:over_time"), {}),
        "over time, weeks": (reverse("learning_statistics:over_time"), {"period": "week"}),
        "funnel": (reverse("learning_statistics:funnel"), {}),
        "questions": (reverse("learning_statistics:questions"), {"module": module}),
    }
    return urls


@pytest.fixture
def world(site_pages):
    """Estonia, where Large organisations have 6 learners of whom 3 completed (the
    case found in the demo), with small sectors, languages and months besides."""
    home, index = site_pages
    estonia = RegionFactory(code="EE", name="Estonia", default_language="et")
    water = SectorFactory(slug="water", name="Water")
    energy = SectorFactory(slug="energy", name="Energy")
    ict = SectorFactory(slug="ict", name="ICT")
    retail = SectorFactory(slug="retail", name="Retail")
    phishing = make_module(index, "Phishing at the utility", sectors=[water])
    backups = make_module(index, "Backups", sectors=[water])
    programme = make_programme(home, [phishing, backups], title="Water programme")
    programme.regions.set([estonia])
    n = iter(range(1000))
    # size: (completed, started only)
    for size, (completed, started_only) in {
        "large": (3, 3),
        "medium": (7, 0),
        "micro": (12, 1),
        "small": (9, 0),
    }.items():
        for number in range(completed + started_only):
            user = learner(next(n), estonia, water, size=size)
            progress(
                user,
                phishing,
                completed=number < completed,
                attempts=1 if number < completed else 0,
                score=60 + number,
                days_ago=10 + 40 * (number % 3),
            )
    # A small sector, small languages and a learner in a month of their own.
    progress(learner(next(n), estonia, water, size="small", language="fr"), phishing, language="fr")
    for _energy in range(2):
        progress(learner(next(n), estonia, energy, size="small"), phishing, score=90)
    progress(learner(next(n), estonia, ict, size="micro", language="en"), backups, language="en")
    progress(learner(next(n), estonia, water, size="medium"), backups, days_ago=200)
    # Registered, never started: in the overview only.
    learner(next(n), estonia, retail, size="large")
    learner(next(n), estonia, retail, size="large")
    manager = staff("manager", codename="view_statistics", regions=[estonia])
    return locals()


def fetch(client, url, params, export=None):
    response = client.get(url, {**params, **({"export": export} if export else {})})
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return response, content


def csv_rows(client, url, params) -> list[dict]:
    response, content = fetch(client, url, params, "csv")
    assert response.status_code == 200
    return csv_table(content.decode())


def xlsx_rows(client, url, params) -> list[list[str]]:
    response, content = fetch(client, url, params, "xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)]


def html_table(client, url, params) -> list[list[str]]:
    response, content = fetch(client, url, params)
    assert response.status_code == 200
    html = content.decode()
    if "stats-cards" in html:
        values = re.findall(r'class="stats-card__value">([^<]*)<', html)
        return [[value] for value in values]
    table = re.search(r"<tbody>(.*?)</tbody>", html, re.S)
    if table is None:
        return []
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)
    ]


def html_question_figures(client, url, params) -> list[list[str]]:
    """Per question on the page: its figures, its learners on the first attempt,
    each option's learners and share, and each language's three figures."""
    _response, content = fetch(client, url, params)
    result = []
    for section in re.findall(
        r"<section class=\"stats-question\".*?</section>", content.decode(), re.S
    ):
        figures = re.findall(r"<dd>(.*?)</dd>", section)
        figures += re.findall(r'stats-options__respondents">\(.*: (.*?)\)</span>', section)
        figures += re.findall(r"<td[^>]*>(.*?)</td>", section)
        result.append(figures)
    return result


def csv_question_figures(rows) -> list[list[str]]:
    """The same figures from the export, with a row per option."""
    questions: dict = {}
    for row in rows:
        questions.setdefault(row["No."], []).append(row)
    languages = [h.removeprefix("Answers in ") for h in rows[0] if h.startswith("Answers in ")]
    result = []
    for options in questions.values():
        first = options[0]
        figures = [first[h] for h in ("Learners who answered", "Answers")]
        figures += [first["Answered right, all languages (%)"]]
        figures += [first["Learners who answered on their first attempt"]]
        for option in options:
            figures += [option["Learners who chose it on their first attempt"]]
            figures += [option["Chose it on their first attempt (%)"]]
        if len(languages) > 1:
            for language in languages:
                figures += [
                    first[f"Learners who answered in {language}"],
                    first[f"Answers in {language}"],
                    first[f"Answered right in {language} (%)"],
                ]
        result.append(["–" if figure == "" else figure for figure in figures])
    return result


def overview(client, params) -> dict[str, str]:
    rows = csv_rows(client, reverse("learning_statistics:overview"), params)
    return {row["Measure"]: row["Value"] for row in rows}


def test_a_small_organisation_size_is_not_given_away_by_the_total(client, world):
    """The overview's learners who completed, minus the visible sizes, once gave Large's 3."""
    client.force_login(world["manager"])
    url = reverse("learning_statistics:breakdown", args=["organisation_size"])
    rows = {row["Organisation size"].split(" ")[0]: row for row in csv_rows(client, url, {})}
    total = overview(client, {})["Learners who completed at least one module"]
    assert total == "36"
    completed = {
        size: row["Learners who completed at least one module"] for size, row in rows.items()
    }
    assert completed["Large"] == HIDDEN
    # Medium, the smallest other size, is hidden with it; total minus the rest
    # now gives Large and Medium together, not Large.
    assert completed["Medium"] == HIDDEN
    assert completed["Micro"] == "13" and completed["Small"] == "12"
    assert int(total) - 13 - 12 == 11  # Large and Medium together
    # Everything resting on Medium's hidden count goes with it.
    for field in (
        "Share of starters who completed at least one module (%)",
        "Module completions",
        "Average best score (%)",
    ):
        assert rows["Medium"][field] == HIDDEN
        assert rows["Large"][field] == HIDDEN
    # Started is a line of its own: Large's 6 starters are shown.
    assert rows["Large"]["Learners who started a module"] == "6"
    # HTML and XLSX hide the same figures with the same mark.
    html = {row[0].split(" ")[0]: row for row in html_table(client, url, {})}
    assert html["Medium"][2] == html["Large"][2] == HIDDEN
    xlsx = {row[0].split(" ")[0]: row for row in xlsx_rows(client, url, {})[1:]}
    assert xlsx["Medium"][2] == xlsx["Large"][2] == HIDDEN


def test_a_group_hidden_in_its_breakdown_stays_hidden_when_chosen(client, world):
    """Medium is hidden only to protect Large; chosen in the filters, its figures
    would be 8, and the overview's total minus Micro, Small and Medium would give
    Large's 3 again."""
    client.force_login(world["manager"])
    medium = {"organisation_size": "medium"}
    assert set(overview(client, medium).values()) == {HIDDEN}
    html = client.get(reverse("learning_statistics:overview"), medium).content.decode()
    assert "Every figure of this selection is hidden" in html
    assert "“By organisation size”" in html
    # Every report under that filter, in every format.
    for name, (url, params) in report_urls(world).items():
        if name == "by organisation_size":
            continue  # it shows every size, whatever the filter, and hides as above
        rows = csv_rows(client, url, {**params, **medium})
        shown = [row[f] for row in rows for f in row if f in FIGURE_HEADINGS]
        assert set(shown) <= {HIDDEN}, name
        xlsx = xlsx_rows(client, url, {**params, **medium})
        assert len(xlsx) == len(rows) + 1
    # A size the breakdown shows is shown when chosen, with the same figures.
    assert (
        overview(client, {"organisation_size": "micro"})[
            "Learners who completed at least one module"
        ]
        == "13"
    )


FIGURE_HEADINGS = {
    "Value",
    "Learners who started a module",
    "Learners who completed at least one module",
    "Share of starters who completed at least one module (%)",
    "Module completions",
    "Learners who completed a module in the period",
    "Share of starters who completed all of it (%)",
    "Average best score (%)",
    "Learners registered in its regions",
    "Learners who started it",
    "Learners who completed all of it",
    "Learners who answered",
    "Answers",
    "Answered right, all languages (%)",
    *(f"Answered right in {name} (%)" for _code, name in django_settings.LANGUAGES),
    *(f"Learners who answered in {name}" for _code, name in django_settings.LANGUAGES),
    *(f"Answers in {name}" for _code, name in django_settings.LANGUAGES),
    "Learners who answered on their first attempt",
    "Learners who chose it on their first attempt",
    "Chose it on their first attempt (%)",
}


def test_every_chosen_group_shows_what_its_breakdown_shows(client, world):
    client.force_login(world["manager"])
    choices = {
        "region": {world["estonia"].pk: "Estonia"},
        "sector": {world[s].pk: world[s].name for s in ("water", "energy", "ict", "retail")},
        "organisation_size": dict(OrganisationSize.choices),
        "language": dict(django_settings.LANGUAGES),
    }
    for dimension, groups in choices.items():
        url = reverse("learning_statistics:breakdown", args=[dimension])
        heading = next(iter(csv_rows(client, url, {})[0]))
        rows = {row[heading]: row for row in csv_rows(client, url, {})}
        for value, label in groups.items():
            figures = overview(client, {dimension: value})
            row = rows.get(str(label))
            if row is not None and HIDDEN in row.values():
                assert set(figures.values()) == {HIDDEN}, (dimension, label)
            elif row is not None:
                assert (
                    figures["Learners who started a module"] == row["Learners who started a module"]
                )
                assert (
                    figures["Learners who completed at least one module"]
                    == (row["Learners who completed at least one module"])
                )


# Per report: the additive columns, and the figures resting on each.
ADDITIVE = {
    "breakdown": {
        "Learners who started a module": [
            "Share of starters who completed at least one module (%)"
        ],
        "Learners who completed at least one module": [
            "Share of starters who completed at least one module (%)",
            "Module completions",
            "Average best score (%)",
        ],
        "Module completions": [],
    },
    "over time": {
        "Learners who completed a module in the period": ["Module completions"],
        "Module completions": [],
    },
    "funnel": {
        "Learners registered in its regions": [],
        "Learners who started it": ["Share of starters who completed all of it (%)"],
        "Learners who completed all of it": ["Share of starters who completed all of it (%)"],
    },
}


def test_no_report_leaves_a_hidden_figure_alone_in_a_column(client, world, settings):
    client.force_login(world["manager"])
    checked_columns = 0
    for k in (5, 8):  # a larger k hides more, and more lines need a partner
        settings.STATISTICS_MIN_CELL_SIZE = k
        for name, (url, params) in report_urls(world).items():
            rows = csv_rows(client, url, params)
            kind = next((kind for kind in ADDITIVE if name.startswith(kind)), None)
            if name.startswith("by "):
                kind = "breakdown"
            for column, resting in ADDITIVE.get(kind, {}).items():
                values = [row[column] for row in rows]
                hidden = [n for n, value in enumerate(values) if value == HIDDEN]
                others = [v for n, v in enumerate(values) if n not in hidden]
                # One hidden row beside non-zero visible ones: total minus the rest.
                assert len(hidden) != 1 or all(v == "0" for v in others), (name, column)
                for n in hidden:
                    for field in resting:
                        assert rows[n][field] == HIDDEN, (name, column, field)
                checked_columns += bool(hidden)
            if name == "questions":
                for row in rows:
                    rates = [v for key, v in row.items() if key.startswith("Answered right in")]
                    assert rates.count(HIDDEN) != 1, row
            # The same figures are hidden in the page and both exports.
            xlsx = xlsx_rows(client, url, params)[1:]
            hidden_csv = [[v == HIDDEN for v in row.values()] for row in rows]
            if name == "questions":
                assert html_question_figures(client, url, params) == csv_question_figures(rows)
                assert [[v == HIDDEN for v in row] for row in xlsx] == hidden_csv, name
                continue
            table = html_table(client, url, params)
            if name == "overview":  # the page shows the values only, as cards
                table = [["", *row] for row in table]
            assert [[v == HIDDEN for v in row] for row in table] == hidden_csv, name
            assert [[v == HIDDEN for v in row] for row in xlsx] == hidden_csv, name
    assert checked_columns >= 6  # the world does have hidden figures to protect


def test_the_legend_explains_the_mark_without_a_bound(client, world):
    client.force_login(world["manager"])
    html = client.get(reverse("learning_statistics:breakdown", args=["sector"])).content.decode()
    assert f"“{HIDDEN}”" in html
    assert "can be of any size" in html
    assert "&lt; 5" not in html and "< 5" not in html


# --- dates ----------------------------------------------------------------------


EXTREMES = [
    {"date_to": "9999-12-31"},
    {"date_from": "0001-01-01"},
    {"date_from": "0001-01-01", "date_to": "9999-12-31"},
    {"date_from": "1999-12-31", "date_to": "2100-01-01"},
]


@pytest.mark.parametrize("dates", EXTREMES)
def test_dates_at_the_ends_of_the_calendar_are_clamped_with_a_message(client, world, dates):
    client.force_login(world["manager"])
    for name, (url, params) in report_urls(world).items():
        response, content = fetch(client, url, {**params, **dates})
        assert response.status_code == 200, name
        html = content.decode()
        assert "The statistics cover Jan. 1, 2000 to Dec. 31, 2099" in html, name
        assert "stats-filters__field--error" in html
        # Every record lies within the years covered: the figures are those of no dates.
        assert csv_rows(client, url, {**params, **dates}) == csv_rows(client, url, params), name
        assert xlsx_rows(client, url, {**params, **dates}) == xlsx_rows(client, url, params), name


@pytest.mark.parametrize(
    "dates",
    [
        {"date_from": "2026-02-30"},
        {"date_to": "10000-01-01"},
        {"date_from": "yesterday"},
        {"date_to": "\x00"},
        {"date_from": "2026-05-01", "date_to": "2026-04-01"},
        {"date_from": "9999-12-31", "date_to": "2050-01-01"},
    ],
)
def test_dates_that_cannot_be_used_stop_the_report_with_a_message(client, world, dates):
    client.force_login(world["manager"])
    for name, (url, params) in report_urls(world).items():
        response, content = fetch(client, url, {**params, **dates})
        assert response.status_code == 400, name
        html = content.decode()
        assert "No figures are shown until the dates in the filters are corrected." in html
        assert 'class="error-message"' in html
        assert "stats-table" not in html and "stats-card" not in html
        for export in ("csv", "xlsx"):
            response, content = fetch(client, url, {**params, **dates}, export)
            assert response.status_code == 400, (name, export)
            text = content.decode()
            assert text.startswith("No figures: correct the dates in the filters first.")
            assert "From:" in text or "To:" in text


def test_clamping_keeps_the_other_filters(client, world):
    client.force_login(world["manager"])
    energy = {"sector": world["energy"].pk}
    assert overview(client, {**energy, "date_to": "9999-12-31"}) == overview(client, energy)
    assert overview(client, energy) != overview(client, {})


def test_dates_widen_to_whole_months_in_a_small_selection(client, world):
    client.force_login(world["manager"])
    url = reverse("learning_statistics:overview")
    first = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    middle = first.replace(day=15)
    html = client.get(url, {"date_from": middle.isoformat()}).content.decode()
    assert "The dates were widened to whole months" in html
    assert "fewer than 100 learners are in this selection" in html
    # Two windows a day apart, within a month, give exactly the same figures.
    for day in (middle, middle + datetime.timedelta(days=1)):
        assert overview(client, {"date_from": day.isoformat()}) == overview(
            client, {"date_from": first.isoformat()}
        )
    # Dates already on whole months say nothing.
    html = client.get(url, {"date_from": first.isoformat()}).content.decode()
    assert "widened" not in html


def test_dates_widen_to_whole_weeks_in_a_large_selection(client, world, settings):
    # With k = 1 the 40 learners are a large selection (20 x k or more).
    settings.STATISTICS_MIN_CELL_SIZE = 1
    client.force_login(world["manager"])
    url = reverse("learning_statistics:overview")
    sunday = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday() + 1)
    html = client.get(url, {"date_to": sunday.isoformat()}).content.decode()
    assert "widened" not in html  # a Sunday already ends a week
    wednesday = sunday - datetime.timedelta(days=4)
    html = client.get(url, {"date_to": wednesday.isoformat()}).content.decode()
    assert "The dates were widened to whole weeks, Monday to Sunday" in html
    assert overview(client, {"date_to": wednesday.isoformat()}) == overview(
        client, {"date_to": sunday.isoformat()}
    )


days = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31))


@given(start=st.one_of(st.none(), days), end=st.one_of(st.none(), days))
def test_snapped_dates_cover_the_chosen_ones_in_whole_periods(start, end):
    start = min(max(start, EARLIEST_DATE), LATEST_DATE) if start else None
    end = min(max(end, EARLIEST_DATE), LATEST_DATE) if end else None
    chosen = StatisticsFilters(regions=[], date_from=start, date_to=end)
    for resolution in ("week", "month"):
        snapped = snap_dates(chosen, resolution)
        # Whole periods, except where the days covered end.
        if start:
            assert snapped.date_from <= start < snapped.date_from + datetime.timedelta(days=31)
            if snapped.date_from != EARLIEST_DATE:
                first = snapped.date_from
                assert first.weekday() == 0 if resolution == "week" else first.day == 1
        if end:
            assert snapped.date_to >= end > snapped.date_to - datetime.timedelta(days=31)
            if snapped.date_to != LATEST_DATE:
                following = snapped.date_to + datetime.timedelta(days=1)
                assert following.weekday() == 0 if resolution == "week" else following.day == 1
        # Any two days of the same period give the same window.
        assert snap_dates(snapped, resolution) == snapped


def test_the_resolution_follows_the_size_of_the_selection():
    assert date_resolution(0, 5) == "month"
    assert date_resolution(99, 5) == "month"
    assert date_resolution(100, 5) == "week"
    assert date_resolution(19, 1) == "month" and date_resolution(20, 1) == "week"


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    report=st.sampled_from(["overview", "by region", "over time, weeks", "funnel", "questions"]),
    start=st.one_of(st.none(), days),
    end=st.one_of(st.none(), days),
    export=st.sampled_from([None, "csv", "xlsx"]),
)
def test_any_dates_give_figures_or_a_message(client, world, report, start, end, export):
    client.force_login(world["manager"])
    url, params = report_urls(world)[report]
    dates = {
        "date_from": start.isoformat() if start else "",
        "date_to": end.isoformat() if end else "",
    }
    response, content = fetch(client, url, {**params, **dates}, export)
    clamp = lambda day: min(max(day, EARLIEST_DATE), LATEST_DATE)  # noqa: E731
    if start and end and clamp(start) > clamp(end):
        assert response.status_code == 400
        assert content
    else:
        assert response.status_code == 200
