"""The report "By sub-region": figures, scope, suppression within each region, exports.

A region's sub-regions and its learners who gave none add up to the region's
row in "By region", which the same manager reads: each region's rows are
protected as a line of their own against that row. The hypothesis test below
gives an attacker every region's total and the overall total and checks that
no hidden figure can be worked out, by subtraction or by algebra.
"""

from __future__ import annotations

import dataclasses
import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from learning.statistics import figures, sources, subregions, switches
from learning.statistics.filters import StatisticsFilterForm, StatisticsFilters
from learning.statistics.suppression import SUPPRESSED, Count, Figure, Line, protect_rows
from learning.statistics.views import FunnelView, report_figures
from reporting.programme_report import build_programme_report
from tests.admin_reports.exports import csv_parts
from tests.factories import (
    RegionFactory,
    SectorFactory,
    SubRegionFactory,
    make_module,
    make_programme,
)
from tests.learning.statistics.helpers import HIDDEN, learner, progress, rows_of, staff
from tests.learning.statistics.test_suppression import (
    BREAKDOWN,
    K,
    assert_protected,
    counts,
    profile,
)

URL = reverse("learning_statistics:breakdown", args=["subregion"])
STARTED = "Learners who started a module"
COMPLETED = "Learners who completed at least one module"
RATE = "Share of starters who completed at least one module (%)"
COMPLETIONS = "Module completions"
SCORE = "Average best score (%)"


@pytest.fixture
def world(site_pages):
    """Estonia: Harju 12 learners (all completed phishing, 8 backups too), Tartu 3
    (completed phishing), none given 9 (6 completed), and one who gave Brittany's
    Finistère, counted as none given in Estonia; Hiiu none. Brittany: Finistère 7
    (completed), none given 2 (completed), Morbihan none."""
    home, index = site_pages
    estonia = RegionFactory(code="EE", name="Estonia", default_language="et")
    brittany = RegionFactory(code="FR-BRE", name="Brittany", country="FR", names={})
    harju = SubRegionFactory(region=estonia)
    tartu = SubRegionFactory(
        code="EE-79", name="Tartu County", names={"et": "Tartu maakond"}, region=estonia
    )
    hiiu = SubRegionFactory(code="EE-39", name="Hiiu County", names={}, region=estonia)
    finistere = SubRegionFactory(code="FR-29", name="Finistère", names={}, region=brittany)
    morbihan = SubRegionFactory(code="FR-56", name="Morbihan", names={}, region=brittany)
    water = SectorFactory(slug="water", name="Water")
    phishing = make_module(index, "Phishing at the utility", sectors=[water])
    backups = make_module(index, "Backups", sectors=[water])
    programme = make_programme(home, [phishing, backups], title="Water programme")
    programme.regions.set([estonia, brittany])
    programme.save()
    n = iter(range(1000))

    def person(region, subregion, language="et"):
        user = learner(next(n), region, water, language=language)
        profile = user.learner_profile
        profile.subregion = subregion
        profile.save()
        return user

    for number in range(12):
        user = person(estonia, harju)
        progress(user, phishing, score=80)
        if number < 8:
            progress(user, backups, score=90)
    for _number in range(3):
        progress(person(estonia, tartu), phishing, score=70)
    for number in range(9):
        progress(person(estonia, None), phishing, completed=number < 6, attempts=int(number < 6))
    progress(person(estonia, finistere), phishing)
    for _number in range(7):
        progress(person(brittany, finistere, "fr"), phishing, language="fr")
    for _number in range(2):
        progress(person(brittany, None, "fr"), phishing, language="fr")
    manager = staff("manager", codename="view_statistics", regions=[estonia])
    coordinator = staff("coordinator", codename="view_all_regions")
    return locals()


def by_label(rows: list[dict]) -> dict[str, dict]:
    return {row["Sub-region"]: row for row in rows}


# --- figures ---------------------------------------------------------------------


def test_the_manager_sees_each_sub_region_of_estonia_with_its_figures(client, world):
    client.force_login(world["manager"])
    rows = rows_of(client, URL)
    # Grouped by region, "Not given" last; a sub-region without learners has no row.
    assert [row["Sub-region"] for row in rows] == [
        "Harju County (Estonia)",
        "Tartu County (Estonia)",
        "Not given (Estonia)",
    ]
    harju = by_label(rows)["Harju County (Estonia)"]
    assert harju[STARTED] == "12" and harju[COMPLETED] == "12"
    assert harju[RATE] == "100.0"
    assert harju[COMPLETIONS] == "20"  # 12 phishing + 8 backups
    assert harju[SCORE] == f"{(12 * 80 + 8 * 90) / 20:.1f}"


def test_a_small_sub_region_and_its_partner_in_the_same_region_are_hidden(client, world):
    """Tartu's 3 are hidden, and so is the smallest other figure of Estonia's rows:
    Estonia's 25 starters in "By region" minus Harju's 12 would give Tartu otherwise."""
    client.force_login(world["manager"])
    rows = by_label(rows_of(client, URL))
    for label in ("Tartu County (Estonia)", "Not given (Estonia)"):
        assert {rows[label][column] for column in (STARTED, COMPLETED, RATE, COMPLETIONS)} == {
            HIDDEN
        }, label
    by_region = rows_of(client, reverse("learning_statistics:breakdown", args=["region"]))
    assert by_region == [
        {
            "Region": "Estonia",
            STARTED: "25",
            COMPLETED: "22",
            RATE: "88.0",
            COMPLETIONS: "30",
            SCORE: by_region[0][SCORE],
        }
    ]
    # What a reader can subtract gives two hidden rows together, never one.
    assert 25 - int(rows["Harju County (Estonia)"][STARTED]) == 3 + 10


def test_each_region_is_protected_on_its_own_for_a_coordinator(client, world):
    client.force_login(world["coordinator"])
    rows = by_label(rows_of(client, URL))
    assert list(rows) == [
        "Finistère (Brittany)",
        "Not given (Brittany)",
        "Harju County (Estonia)",
        "Tartu County (Estonia)",
        "Not given (Estonia)",
    ]
    # Brittany's 2 without a sub-region take Finistère with them, in Brittany:
    # hiding Estonia's figures would leave Brittany's 9 minus 7 = 2.
    assert rows["Not given (Brittany)"][COMPLETED] == HIDDEN
    assert rows["Finistère (Brittany)"][COMPLETED] == HIDDEN
    assert rows["Harju County (Estonia)"][COMPLETED] == "12"
    assert rows["Tartu County (Estonia)"][COMPLETED] == HIDDEN
    assert rows["Not given (Estonia)"][COMPLETED] == HIDDEN


def test_the_rows_of_a_region_add_up_to_its_row_in_by_region(world):
    """A sub-region of another region counts as none given, so nothing is counted twice
    or left out: the breakdowns agree exactly before suppression."""
    user = world["coordinator"]
    filters = StatisticsFilterForm({}, user=user).filters()
    by_region = {row.key: row for row in figures.breakdown(user, filters, "region")}
    rows = figures.breakdown(user, filters, "subregion")
    for region, total in by_region.items():
        mine = [row for row in rows if row.group == region]
        for field in ("started", "completed", "completions"):
            assert sum(getattr(row, field) for row in mine) == getattr(total, field)
    assert {row.key for row in rows} == {
        (world["brittany"].pk, world["finistere"].pk),
        (world["brittany"].pk, None),
        (world["estonia"].pk, world["harju"].pk),
        (world["estonia"].pk, world["tartu"].pk),
        (world["estonia"].pk, None),
    }


def test_names_are_in_the_admin_language(client, world):
    from wagtail.users.models import UserProfile

    preferences = UserProfile.get_for_user(world["manager"])
    preferences.preferred_language = "et"
    preferences.save()
    client.force_login(world["manager"])
    html = client.get(URL).content.decode()
    assert "Harju maakond (Eesti)" in html
    assert "Tartu maakond (Eesti)" in html


# --- scope and filters ---------------------------------------------------------------


def test_a_manager_of_estonia_never_sees_brittany_s_sub_regions(client, world):
    client.force_login(world["manager"])
    finistere = world["finistere"].pk
    for query in ({}, {"subregion": finistere}, {"region": world["brittany"].pk}):
        for export in ("", "csv", "xlsx"):
            response = client.get(URL, {**query, **({"export": export} if export else {})})
            assert response.status_code == 200
            content = (
                b"".join(response.streaming_content) if response.streaming else response.content
            )
            if export == "xlsx":
                book = openpyxl.load_workbook(io.BytesIO(content))
                text = " ".join(
                    str(cell)
                    for sheet in book.worksheets
                    for row in sheet.iter_rows(values_only=True)
                    for cell in row
                    if cell is not None
                )
            else:
                text = content.decode()
            assert "Finistère" not in text and "Morbihan" not in text, (query, export)
            assert "Brittany" not in text and "FR-29" not in text, (query, export)
    # The filter offers Estonia's sub-regions only, and refuses another.
    html = client.get(reverse("learning_statistics:overview"), {"subregion": finistere})
    page = html.content.decode()
    assert "Select a valid choice" in page
    assert "Harju County" in page and "Hiiu County" in page


def test_a_report_filtered_to_a_sub_region_shows_its_row(client, world):
    client.force_login(world["manager"])
    overview = {
        row["Measure"]: row["Value"]
        for row in rows_of(
            client, reverse("learning_statistics:overview"), subregion=world["harju"].pk
        )
    }
    assert overview["Learners registered"] == "12"
    assert overview[STARTED] == "12" and overview[COMPLETED] == "12"
    by_region = rows_of(
        client,
        reverse("learning_statistics:breakdown", args=["region"]),
        subregion=world["harju"].pk,
    )
    assert [(row["Region"], row[STARTED]) for row in by_region] == [("Estonia", "12")]


@pytest.mark.parametrize("report", ["overview", "funnel", "by region", "by sector"])
def test_a_report_filtered_to_a_hidden_sub_region_hides_everything(client, world, report):
    """Tartu is hidden in "By sub-region": filtered to it, no report may show its figures."""
    client.force_login(world["manager"])
    url = {
        "overview": reverse("learning_statistics:overview"),
        "funnel": reverse("learning_statistics:funnel"),
        "by region": reverse("learning_statistics:breakdown", args=["region"]),
        "by sector": reverse("learning_statistics:breakdown", args=["sector"]),
    }[report]
    html = client.get(url, {"subregion": world["tartu"].pk}).content.decode()
    assert "Every figure of this selection is hidden" in html
    assert "“By sub-region”" in html
    rows = rows_of(client, url, subregion=world["tartu"].pk)
    shown = {
        value
        for row in rows
        for heading, value in row.items()
        if heading not in ("Measure", "Region", "Sector", "Programme")
    }
    assert shown <= {HIDDEN}


def test_a_sub_region_of_another_region_than_the_one_chosen_is_dropped(client, world):
    client.force_login(world["coordinator"])
    response = client.get(
        reverse("learning_statistics:overview"),
        {"region": world["estonia"].pk, "subregion": world["finistere"].pk},
    )
    assert response.status_code == 200
    assert (
        "Finistère is not in Estonia. Choose one of its sub-regions, or none."
        in response.content.decode()
    )
    overview = {
        row["Measure"]: row["Value"]
        for row in rows_of(
            client,
            reverse("learning_statistics:overview"),
            region=world["estonia"].pk,
            subregion=world["finistere"].pk,
        )
    }
    assert overview[STARTED] == "25"  # Estonia's, the sub-region dropped


# --- the programme funnel by sub-region --------------------------------------------------


def test_the_funnel_split_by_sub_region_is_protected_within_each_region(world):
    user = world["manager"]
    filters = StatisticsFilterForm({}, user=user).filters()
    table = subregions.protected_funnel_by_subregion(user, filters)
    key = world["programme"].translation_key
    estonia = world["estonia"].pk
    harju, tartu, hiiu = (world[name].pk for name in ("harju", "tartu", "hiiu"))
    # Harju: 12 started, 8 completed both modules. Tartu's 3 hide the rest of Estonia's 10.
    assert table[key, (estonia, harju)] == {"started": 12, "completed": 8}
    assert table[key, (estonia, tartu)] == {"started": SUPPRESSED, "completed": 0}
    assert table[key, (estonia, None)] == {"started": SUPPRESSED, "completed": 0}
    assert table[key, (estonia, hiiu)] == {"started": 0, "completed": 0}
    assert not [k for k in table if k[1][0] == world["brittany"].pk]

    harju_funnel = report_figures(FunnelView, user, {"subregion": harju})
    assert not harju_funnel.hidden_selection
    [row] = harju_funnel.rows
    assert (row["registered"], row["started"], row["completed"]) == (12, 12, 8)
    tartu_funnel = report_figures(FunnelView, user, {"subregion": tartu})
    assert tartu_funnel.hidden_selection == "subregion"


def test_the_programme_report_reaches_each_sub_region_of_the_manager(world):
    today = timezone.localdate()
    report = build_programme_report(
        world["manager"],
        world["programme"].translation_key,
        today - datetime.timedelta(days=90),
        today,
    )
    reach = next(section for section in report.sections if section.key == "reach")
    table = next(table for table in reach.tables if table.title == "By sub-region")
    assert table.headings[0] == "Sub-region"
    rows = {row[0]: row[1:] for row in table.rows}
    assert list(rows) == [
        "Harju County (Estonia)",
        "Hiiu County (Estonia)",
        "Tartu County (Estonia)",
    ]
    assert rows["Harju County (Estonia)"][:3] == [12, 12, 8]
    assert rows["Hiiu County (Estonia)"][:3] == [0, 0, 0]
    assert set(rows["Tartu County (Estonia)"]) == {SUPPRESSED}
    assert "Sub-region" in [name for name, _text in report.definitions]


# --- the sources ---------------------------------------------------------------------


def test_only_the_learner_cells_answer_by_sub_region(world):
    """Only the situation cells are cut by sub-region (PostgreSQL keeps cells;
    elsewhere nothing does), and they give the figures of the rows."""
    user = world["coordinator"]
    filters = StatisticsFilterForm({}, user=user).filters()
    chosen = dataclasses.replace(filters, subregion=world["harju"])
    kept = switches.in_use()
    assert sources.cells_answer(filters, sources.LEARNERS, dimension="subregion") == kept
    assert sources.cells_answer(chosen, sources.LEARNERS) == kept
    # The learner cells per language keep no sub-region.
    assert not sources.cells_answer(dataclasses.replace(chosen, language="et"), sources.LEARNERS)
    for figure in (sources.MODULES, sources.PERIODS, sources.QUESTIONS):
        assert not sources.cells_answer(chosen, figure)
    from_source = figures.breakdown(user, filters, "subregion")
    with switches.live_queries():
        assert figures.breakdown(user, filters, "subregion") == from_source
    overview = figures.overview(user, chosen)
    with switches.live_queries():
        assert figures.overview(user, chosen) == overview
    assert overview.started == 12


def test_the_report_s_queries_do_not_grow_with_data(client, world):
    client.force_login(world["coordinator"])
    urls = [
        (URL, {}),
        (reverse("learning_statistics:funnel"), {"subregion": world["harju"].pk}),
        (reverse("learning_statistics:overview"), {"subregion": world["tartu"].pk}),
    ]

    def count_queries() -> list[int]:
        found = []
        for url, query in urls:
            client.get(url, query)
            with CaptureQueriesContext(connection) as context:
                client.get(url, query)
            found.append(len(context.captured_queries))
        return found

    before = count_queries()
    for number in range(10):
        user = learner(500 + number, world["estonia"], world["water"])
        user.learner_profile.subregion = world["harju"] if number % 2 else None
        user.learner_profile.save()
        progress(user, world["phishing"])
    assert count_queries() == before


# --- exports -------------------------------------------------------------------------


def test_the_csv_and_xlsx_exports_say_what_they_are(client, world):
    client.force_login(world["manager"])
    response = client.get(URL, {"export": "csv"})
    table, about, definitions = csv_parts(b"".join(response.streaming_content).decode())
    assert list(table[0])[0] == "Sub-region"
    assert about["Report"] == "By sub-region"
    assert about["Scope"] == "Your regions: Estonia"
    assert definitions["Sub-region"].startswith("The sub-region given in the learner's profile")
    assert response["Content-Disposition"].endswith('statistics-by-subregion.csv"')
    response = client.get(URL, {"export": "xlsx"})
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[0][0] == "Sub-region"
    assert [row[0] for row in rows[1:]] == [
        "Harju County (Estonia)",
        "Tartu County (Estonia)",
        "Not given (Estonia)",
    ]
    assert rows[2][1] == HIDDEN
    definitions = dict(book["Definitions"].iter_rows(values_only=True))
    assert "Sub-region" in definitions


# --- the rule, on random tables ---------------------------------------------------------


@st.composite
def regions_of_rows(draw):
    """Rows of counts grouped by region (each region: its sub-regions and "not given")."""
    sizes = draw(st.lists(st.integers(1, 5), min_size=1, max_size=4))
    groups, values, start = [], [], 0
    for size in sizes:
        groups.append(list(range(start, start + size)))
        values += [draw(counts) for _row in range(size)]
        start += size
    return groups, values


def attacker_lines(groups, values):
    """What a reader knows: each region's total ("By region") and the overall total
    (the overview), each known unless small itself."""
    figures_ = {index: Figure(value) for index, value in enumerate(values)}
    lines = [Line(tuple(range(len(values))))]
    lines += [Line(tuple(group)) for group in groups]
    return figures_, lines


@profile
@given(regions_of_rows())
def test_no_hidden_sub_region_can_be_worked_out_within_its_region(table):
    groups, values = table
    rows = [{"learners": value} for value in values]
    shown = protect_rows(rows, {"learners": Count("learners")}, K, row_groups=groups)
    hidden = {index for index, row in enumerate(shown) if row["learners"] is SUPPRESSED}
    figures_, lines = attacker_lines(groups, values)
    assert_protected(figures_, lines, hidden)
    for group in groups:
        in_group = [index for index in group if index in hidden]
        total = sum(values[index] for index in group)
        if not 0 < total < K:
            # Never a single hidden row beside the region's known total.
            assert len(in_group) != 1 or all(
                values[index] == 0 or index in in_group for index in group
            )


@profile
@given(
    st.lists(st.tuples(counts, counts, st.integers(0, 3)), min_size=1, max_size=10),
    st.data(),
)
def test_every_column_of_the_breakdown_is_protected_within_each_region(rows, data):
    """The breakdown's own columns: started, completed and completions, with the
    rates and averages resting on them."""
    cuts = sorted(data.draw(st.sets(st.integers(1, max(1, len(rows) - 1)), max_size=3)))
    bounds = [0, *[cut for cut in cuts if cut < len(rows)], len(rows)]
    groups = [list(range(a, b)) for a, b in zip(bounds, bounds[1:], strict=False) if a < b]
    raw = [
        {
            "started": max(started, completed),
            "completed": completed,
            "completions": completed * (1 + extra),
            "average_best_score": 75.0 if completed else None,
        }
        for started, completed, extra in rows
    ]
    shown = protect_rows(raw, BREAKDOWN, K, row_groups=groups)
    for field, learners in (
        ("started", "started"),
        ("completed", "completed"),
        ("completions", "completed"),
    ):
        values = [row[learners] for row in raw]
        hidden = {index for index, row in enumerate(shown) if row[field] is SUPPRESSED}
        figures_, lines = attacker_lines(groups, values)
        assert_protected(figures_, lines, hidden)
    for before, after in zip(raw, shown, strict=True):
        if after["completed"] is SUPPRESSED:
            assert after["completion_rate"] is SUPPRESSED
            assert after["average_best_score"] is SUPPRESSED
        if after["started"] is SUPPRESSED:
            assert after["completion_rate"] is SUPPRESSED
        if 0 < before["completed"] < K:
            assert after["completed"] is SUPPRESSED


def test_without_the_region_lines_a_hidden_sub_region_would_follow_from_its_region():
    """Estonia: Harju 20, Tartu 3, none given 40; Brittany: Finistère 8, none 50.
    Against the overview alone, Tartu's partner would be Finistère, in another
    region, and Estonia's 63 minus 20 and 40 would give Tartu's 3."""
    values = [20, 3, 40, 8, 50]
    groups = [[0, 1, 2], [3, 4]]
    rows = [{"learners": value} for value in values]
    alone = protect_rows(rows, {"learners": Count("learners")}, K)
    assert [row["learners"] for row in alone] == [20, SUPPRESSED, 40, SUPPRESSED, 50]
    grouped = protect_rows(rows, {"learners": Count("learners")}, K, row_groups=groups)
    assert [row["learners"] for row in grouped] == [SUPPRESSED, SUPPRESSED, 40, 8, 50]
    figures_, lines = attacker_lines(groups, values)
    assert_protected(figures_, lines, {1, 0})
    with pytest.raises(AssertionError):
        assert_protected(figures_, lines, {1, 3})


def test_filters_keep_the_sub_region_in_their_query_string(world):
    filters = StatisticsFilters(regions=[world["estonia"]], subregion=world["harju"])
    assert filters.as_query_dict() == {"subregion": world["harju"].pk}
