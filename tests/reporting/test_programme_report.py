"""The programme report: a manager's PDF and workbook for the Managing Authority, with the
figures and hidden marks of the statistics pages, in their scope and admin language."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from learning.statistics.suppression import Suppressed
from reporting.models import ProgrammeTarget
from reporting.programme_report import (
    ReportInputError,
    build_programme_report,
    render_pdf,
    render_xlsx,
)
from tests.factories import make_programme
from tests.learning.statistics import helpers
from tests.learning.statistics.helpers import HIDDEN, learner, progress, rows_of

# The statistics tests' two-region world: Estonia (the manager's) and Brittany.
world = helpers.world

URL = reverse("reporting_programme_report")
FUNNEL = reverse("learning_statistics:funnel")
FROM = datetime.date(2020, 1, 1)


def until() -> datetime.date:
    return timezone.localdate()


def query(world, **changes) -> dict:
    return {
        "programme": str(world["programme"].translation_key),
        "date_from": FROM.isoformat(),
        "date_to": until().isoformat(),
        "format": "pdf",
        **changes,
    }


def download(client, world, **changes):
    response = client.get(URL, query(world, **changes))
    assert response.status_code == 200, response.content[:2000]
    return response.content


def pdf_text(content: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())


def as_csv(value) -> str:
    """A report cell as the statistics pages' CSV export writes it."""
    if isinstance(value, Suppressed):
        return str(value)
    if isinstance(value, float):
        return f"{value:.1f}"
    return "" if value is None else str(value)


def table(report, section: str, title: str):
    [found] = [t for s in report.sections if s.key == section for t in s.tables if t.title == title]
    return found


def test_the_pdf_says_which_programme_period_and_regions(client, world):
    ProgrammeTarget.objects.create(
        programme_key=world["programme"].translation_key,
        region=world["estonia"],
        learners_completed=20,
        due_date=datetime.date(2027, 6, 30),
    )
    client.force_login(world["manager"])
    content = download(client, world)
    assert content.startswith(b"%PDF")
    text = pdf_text(content)
    assert "Programme report" in text
    assert "Water programme" in text
    assert "Jan. 1, 2020" in text
    assert "Your regions: Estonia" in text
    assert "fewer than 5 learners" in text
    assert "Brittany" not in text
    # Progress against the target: 5 of 20 learners completed all of it.
    assert "Target: learners who complete the programme" in text
    assert "June 30, 2027" in text
    # Every figure is defined at the end.
    assert "Definitions" in text
    assert "Learners who completed every module the programme holds today" in text
    # Hidden figures carry the pages' mark: the two sectors hide each other.
    assert HIDDEN in text


def test_a_coordinator_gets_every_region(client, world):
    client.force_login(world["coordinator"])
    text = pdf_text(download(client, world))
    assert "All regions" in text
    assert "Estonia" in text and "Brittany" in text


def test_reach_equals_the_programme_funnel_page_for_each_group(client, world):
    manager = world["manager"]
    client.force_login(manager)
    report = build_programme_report(manager, world["programme"].translation_key, FROM, until())
    filters = {
        "programme": str(world["programme"].translation_key),
        "date_from": FROM.isoformat(),
        "date_to": until().isoformat(),
    }
    [page] = rows_of(client, FUNNEL, **filters)
    columns = [
        "Learners registered in its regions",
        "Learners who started it",
        "Learners who completed all of it",
        "Share of starters who completed all of it (%)",
    ]
    whole = table(report, "reach", "Programme funnel")
    assert [as_csv(v) for v in whole.rows[0][1:]] == [page[c] for c in columns]
    assert [as_csv(v) for v in whole.rows[0][1:]] == ["8", "7", "5", "71.4"]
    groups = {
        "By region": ("region", {"Estonia": world["estonia"].pk}),
        "By sector": ("sector", {"Water": world["water"].pk, "Energy": world["energy"].pk}),
        "By organisation size": (
            "organisation_size",
            {"Micro (1–9 employees)": "micro", "Small (10–49 employees)": "small"},
        ),
    }
    hidden = 0
    for title, (dimension, values) in groups.items():
        rows = {row[0]: row[1:] for row in table(report, "reach", title).rows}
        for label, value in values.items():
            [page] = rows_of(client, FUNNEL, **filters, **{dimension: value}) or [{}]
            expected = [page.get(c, "") for c in columns]
            assert [as_csv(v) for v in rows[label]] == expected, (title, label)
            hidden += expected.count(HIDDEN)
    # The pages hide some of these groups (a sector of two learners, and its partner).
    assert hidden
    assert [as_csv(v) for v in table(report, "reach", "By sector").rows[0][1:]] == [HIDDEN] * 4


def test_trend_and_questions_equal_their_pages(client, world):
    manager = world["manager"]
    client.force_login(manager)
    key = world["programme"].translation_key
    report = build_programme_report(manager, key, FROM, until())
    filters = {"programme": str(key), "date_from": FROM.isoformat(), "date_to": until().isoformat()}
    over_time = rows_of(client, reverse("learning_statistics:over_time"), **filters)
    trend = table(report, "trend", "Completions over time")
    assert [[as_csv(v) for v in row[1:]] for row in trend.rows] == [
        [r["Learners who completed a module in the period"], r["Module completions"]]
        for r in over_time
    ]
    assert trend.rows
    phishing = world["phishing"]
    page = rows_of(
        client,
        reverse("learning_statistics:questions"),
        **filters,
        module=str(phishing.translation_key),
    )
    expected = {}
    for row in page:
        expected.setdefault(
            row["No."],
            [
                row["Learners who answered"],
                row["Answers"],
                row["Answered right, all languages (%)"],
            ],
        )
    questions = table(report, "questions", phishing.title)
    assert {str(row[0]): [as_csv(v) for v in row[2:]] for row in questions.rows} == expected
    assert len(expected) == 3


def test_the_workbook_has_a_sheet_per_section_charts_and_definitions(client, world):
    client.force_login(world["manager"])
    book = openpyxl.load_workbook(io.BytesIO(download(client, world, format="xlsx")))
    assert book.sheetnames == [
        "Reach",
        "Completion against targets",
        "Completions over time",
        "Question analysis",
        "Learning gain",
        "Survey results",
        "Definitions",
        "About this report",
    ]
    assert len(book["Completions over time"]._charts) == 1
    assert book["Completions over time"]._charts[0].tagname == "lineChart"
    # One bar chart beside each breakdown of the reach.
    assert [chart.tagname for chart in book["Reach"]._charts] == ["barChart"] * 3
    reach = [row for row in book["Reach"].iter_rows(values_only=True) if any(row)]
    by_region = reach.index(next(row for row in reach if row[0] == "Region"))
    assert reach[by_region + 1][:5] == ("Estonia", 8, 7, 5, 71.4)
    assert not any("Brittany" in str(cell) for row in reach for cell in row)
    definitions = dict(book["Definitions"].iter_rows(min_row=2, values_only=True))
    assert definitions["Learners who completed all of it"].startswith(
        "Learners who completed every module"
    )
    assert "Target: learners who complete the programme" in definitions
    about = dict(book["About this report"].iter_rows(values_only=True))
    assert about["Programme"] == "Water programme"
    assert about["Scope"] == "Your regions: Estonia"
    assert "fewer than 5 learners" in about["Suppression rule"]


def test_text_that_looks_like_a_formula_stays_text(world):
    world["programme"].title = '=HYPERLINK("http://example.org")'
    world["programme"].save()
    report = build_programme_report(
        world["manager"], world["programme"].translation_key, FROM, until()
    )
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))
    cell = book["About this report"]["B2"]
    assert cell.value == '=HYPERLINK("http://example.org")'
    assert cell.data_type == "s"


def test_estonian_admin_language_gives_estonian_headings(client, world):
    from wagtail.users.models import UserProfile

    manager = world["manager"]
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "et"
    profile.save()
    client.force_login(manager)
    book = openpyxl.load_workbook(io.BytesIO(download(client, world, format="xlsx")))
    cells = {cell for row in book.worksheets[0].iter_rows(values_only=True) for cell in row}
    assert "Piirkond" in cells
    assert "Region" not in cells
    assert "Piirkond" in pdf_text(download(client, world))
    # The form writes and reads dates as Estonian does.
    form = client.get(URL).content.decode()
    assert f'value="01.01.{timezone.localdate().year}"' in form
    typed = download(client, world, date_from="01.01.2026")
    assert typed[:5] == b"%PDF-"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"date_from": "0001-01-01"}, "date_from", "Choose a date between 2000 and 2099."),
        ({"date_to": "9999-12-31"}, "date_to", "Choose a date between 2000 and 2099."),
        ({"date_to": "2025-02-31"}, "date_to", "Enter a valid date."),
        ({"date_from": ""}, "date_from", "This field is required."),
        (
            {"date_from": "2025-05-01", "date_to": "2025-04-01"},
            "date_to",
            "The end date must be on or after the start date.",
        ),
    ],
)
def test_bad_dates_get_a_form_error(client, world, changes, field, message):
    client.force_login(world["manager"])
    response = client.get(URL, query(world, **changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'id="id_{field}_error"' in html
    assert not response.content.startswith(b"%PDF")


def test_a_programme_or_region_outside_the_scope_is_a_form_error(client, world):
    home = world["programme"].get_parent()
    breton = make_programme(home, [world["phishing"]], title="Breton programme")
    breton.regions.set([world["brittany"]])
    breton.save()
    client.force_login(world["manager"])
    page = client.get(URL).content.decode()
    assert "Water programme" in page and "Breton programme" not in page
    for changes in (
        {"programme": str(breton.translation_key)},
        {"programme": "00000000-0000-0000-0000-000000000000"},
        {"region": world["brittany"].pk},
    ):
        response = client.get(URL, query(world, **changes))
        assert response.status_code == 400
        assert "Select a valid choice" in response.content.decode()
        assert "Brittany" not in response.content.decode()
    with pytest.raises(ReportInputError):
        build_programme_report(world["manager"], breton.translation_key, FROM, until())
    with pytest.raises(ReportInputError):
        build_programme_report(
            world["manager"],
            world["programme"].translation_key,
            FROM,
            until(),
            region=world["brittany"],
        )


@pytest.mark.parametrize("who", ["anonymous", "learner", "editor"])
def test_people_without_statistics_get_no_report(client, world, who):
    if who == "learner":
        client.force_login(world["ee"][0])
    elif who == "editor":
        client.force_login(world["editor"])
    for params in ({}, query(world), query(world, format="xlsx")):
        response = client.get(URL, params)
        assert response.status_code in (302, 403)
        assert b"Water programme" not in response.content


def test_the_report_is_listed_with_the_statistics_reports(client, world):
    client.force_login(world["manager"])
    assert URL in client.get(FUNNEL).content.decode()
    page = client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Download PDF" in html and "Download Excel" in html


def test_queries_do_not_grow_with_the_learners(world):
    key = world["programme"].translation_key

    def count() -> int:
        # A fresh user each time, whose permissions are read as on a new request.
        manager = get_user_model().objects.get(pk=world["manager"].pk)
        with CaptureQueriesContext(connection) as queries:
            render_pdf(build_programme_report(manager, key, FROM, until()))
        return len(queries)

    count()  # the shared lookups (titles, programmes' modules) are then cached
    before = count()
    for n in range(30, 50):
        user = learner(n, world["estonia"], world["water"])
        progress(user, world["phishing"])
        progress(user, world["backups"])
    assert count() == before
