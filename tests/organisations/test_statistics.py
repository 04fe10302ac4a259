"""Organisation statistics for programme managers: who sees them, the figures, what stays hidden.

The world, at k = 3 (so that an organisation "at k" stays small to build):
every organisation is enrolled in the water programme (two modules,
target 80 %) unless said otherwise.

| organisation   | region | staff counted | results                           | status         |
|----------------|--------|---------------|-----------------------------------|----------------|
| Tartu Vesi (A) | EE     | 3             | 2 completed, 1 started            | in progress    |
| Narva Vesi (B) | EE     | 1             | completed, due date passed        | hidden         |
| Võru Vesi      | EE     | 2 (k - 1)     | both completed, due date passed   | hidden         |
| Viljandi Vesi  | EE     | 3 (k), energy | all completed, due date passed    | all completed  |
| Haapsalu Vesi  | EE     | 5             | 4 completed, due date passed      | at the target  |
| Rakvere Vesi   | EE     | 3 (+1 without consent, who completed) | none | not started    |
| Brest Eau (C)  | FR     | 3             | all completed                     | all completed  |
| Pärnu Vesi     | EE     | pending approval, enrolled: never shown           |                |
"""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from learning.models import LearnerProfile, Organisation
from organisations.models import Enrolment
from organisations.statistics import (
    ALL_COMPLETED,
    AT_TARGET,
    IN_PROGRESS,
    NOT_STARTED,
    EnrolmentRow,
    Programme,
    staff_band,
)
from tests.admin_reports.exports import csv_parts, csv_table
from tests.factories import SectorFactory, make_learner, record_attempt
from tests.organisations.conftest import ROLES, sign_in

SUMMARY = reverse("organisation_statistics:summary")
TABLE = reverse("organisation_statistics:table")
HIDDEN = "hidden"
K = 3


def by(dimension: str) -> str:
    return reverse("organisation_statistics:summary_by", args=[dimension])


def rows_of(client, url, **params) -> list[dict]:
    """The report's rows as its CSV export gives them."""
    response = client.get(url, {**params, "export": "csv"})
    assert response.status_code == 200
    return csv_table(b"".join(response.streaming_content).decode())


def text_of(response) -> str:
    """What a page or export says, XLSX cells included."""
    if not response.streaming:
        return response.content.decode()
    content = b"".join(response.streaming_content)
    if response["Content-Type"].startswith("application/vnd.openxmlformats"):
        sheet = load_workbook(io.BytesIO(content)).active
        return "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row)
    return content.decode()


def table(client, **params) -> dict[str, dict]:
    return {row["Organisation"]: row for row in rows_of(client, TABLE, **params)}


def counts(row: dict) -> tuple[str, str, str, str]:
    """(enrolled, too few staff to show a status, active, at the target) of a summary row."""
    values = list(row.values())
    return tuple(values[-4:])


@pytest.fixture
def world(org_world, settings):
    settings.STATISTICS_MIN_CELL_SIZE = K
    w = org_world
    first, second = w["modules"]
    programme = w["programme"]
    today = timezone.localdate()
    past = today - timedelta(days=10)
    water, energy = w["water"], SectorFactory(slug="energy", name="Energy")
    people = iter(range(1000))

    def organisation(name, region=None, *, sector=water, size="small", status="approved"):
        return Organisation.objects.create(
            name=name,
            region=region or w["estonia"],
            sector=sector,
            size=size,
            status=status,
            language="et",
        )

    def members(org, count, *, consent=True):
        region = org.region
        return [
            make_learner(
                f"person{next(people)}@{org.name.lower().replace(' ', '-')}.example",
                region=region,
                sector=org.sector,
                organisation=org,
                consent=consent,
                full_name=f"Secret Person {org.name} {n}",
                language=region.default_language,
            )
            for n in range(count)
        ]

    def complete(*users):
        for user in users:
            record_attempt(user, first)
            record_attempt(user, second)

    def enrol(org, due=None):
        return Enrolment.objects.create(
            organisation=org, programme_key=programme.translation_key, due_date=due
        )

    # A: two of three completed, the third failed the first quiz (in progress).
    complete(w["admin_a"], w["member_a1"])
    record_attempt(w["member_a2"], first, passed=False)
    # B: its only member completed, and the due date passed.
    complete(w["admin_b"])
    enrol(w["b"], past)
    voru = organisation("Võru Vesi", size="micro")
    complete(*members(voru, K - 1))
    enrol(voru, past)
    viljandi = organisation("Viljandi Vesi", sector=energy, size="medium")
    complete(*members(viljandi, K))
    enrol(viljandi, past)
    haapsalu = organisation("Haapsalu Vesi")
    *done, _idle = members(haapsalu, 5)
    complete(*done)
    enrol(haapsalu, past)
    rakvere = organisation("Rakvere Vesi")
    members(rakvere, K)
    complete(*members(rakvere, 1, consent=False))
    enrol(rakvere)
    # C in Brittany: its administrator and two more completed.
    complete(w["admin_c"], *members(w["c"], 2))
    enrol(w["c"])
    # Waiting for approval: enrolled, with a member who completed, never shown.
    complete(*members(w["pending"], K))
    enrol(w["pending"])
    # Verified, with progress, but not enrolled: not in any figure.
    complete(*members(organisation("Tapa Vesi"), K))
    w.update(voru=voru, viljandi=viljandi, haapsalu=haapsalu, rakvere=rakvere, energy=energy)
    return w


# -- who may see them ---------------------------------------------------------------

URLS = [SUMMARY, by("region"), by("sector"), by("size"), TABLE]
REFUSED = ["anonymous", "outsider", "member_a1", "admin_a", "admin_b", "editor"]


@pytest.mark.parametrize("role", ROLES)
def test_only_managers_coordinators_and_superusers_see_organisation_statistics(client, world, role):
    sign_in(client, world, role)
    for url in URLS:
        for params in ({}, {"export": "csv"}, {"export": "xlsx"}, {"region": world["france"].pk}):
            response = client.get(url, params)
            text = text_of(response)
            if role in REFUSED:
                assert response.status_code in (302, 403), (url, params)
                assert "Vesi" not in text and "Brest" not in text
                if role == "anonymous":
                    assert reverse("wagtailadmin_login") in response["Location"]
            else:
                assert response.status_code == 200, (url, params)
                if url == TABLE:
                    # Brittany's organisation for those who see all regions only.
                    assert ("Brest" in text) is (role != "manager")
                    assert ("Vesi" in text) is ("region" not in params or role == "manager")


def test_the_manager_of_estonia_never_sees_a_french_organisation(client, world):
    sign_in(client, world, "manager")
    assert "Brest Eau" not in table(client)
    # Naming Brittany in the filters is a form error and the scope stays Estonia's.
    response = client.get(TABLE, {"region": world["france"].pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in html
    assert "Brest" not in html and "Brittany" not in html
    assert "Brest Eau" not in table(client, region=world["france"].pk)
    assert set(table(client, region=world["france"].pk)) == set(table(client))
    for url in URLS:
        for params in ({}, {"region": world["france"].pk}):
            html = client.get(url, params).content.decode()
            assert "Brest" not in html and "Brittany" not in html
    regions = [row["Region"] for row in rows_of(client, by("region"))]
    assert regions == ["Estonia"]
    xlsx = client.get(TABLE, {"export": "xlsx", "region": world["france"].pk})
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert not any("Brest" in str(cell.value) for row in sheet.iter_rows() for cell in row)


@pytest.mark.parametrize("role", ["coordinator", "superuser"])
def test_coordinators_and_superusers_see_every_region(client, world, role):
    sign_in(client, world, role)
    assert table(client)["Brest Eau"]["Completion status"] == "All completed"
    regions = {row["Region"]: counts(row) for row in rows_of(client, by("region"))}
    assert regions == {"Brittany": ("1", "0", "1", "1"), "Estonia": ("6", "2", "3", "2")}


def test_a_manager_without_regions_sees_no_organisation(client, world):
    from tests.learning.statistics.helpers import staff

    client.force_login(staff("lonely", codename="view_statistics"))
    for url in URLS:
        response = client.get(url)
        assert response.status_code == 200
        assert "No enrolled organisation matches these filters." in response.content.decode()
    assert rows_of(client, TABLE) == []


@pytest.mark.parametrize(
    "params",
    [
        {"region": "abc"},
        {"region": "999999"},
        {"programme": "not-a-programme"},
        {"sector": "-1"},
        {"size": "giant"},
        {"region": "1' OR 1=1 --"},
    ],
)
def test_filters_that_make_no_sense_are_form_errors_not_failures(client, world, params):
    sign_in(client, world, "manager")
    response = client.get(TABLE, params)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    # The invalid choice is dropped: the manager's own organisations, no more.
    assert set(table(client, **params)) == set(table(client))
    assert "Brest Eau" not in table(client, **params)


def test_the_reports_are_in_the_statistics_menu_of_every_report(client, world):
    sign_in(client, world, "manager")
    for url in (reverse("learning_statistics:overview"), SUMMARY, TABLE):
        html = client.get(url).content.decode()
        assert f'href="{SUMMARY}"' in html
        assert f'href="{TABLE}"' in html


def test_an_unknown_breakdown_is_not_found(client, world):
    sign_in(client, world, "manager")
    assert client.get(by("learner"), follow=True).status_code == 404


# -- the figures ------------------------------------------------------------------------


def test_each_organisation_has_a_status_a_staff_band_and_an_overdue_flag(client, world):
    sign_in(client, world, "manager")
    rows = table(client)
    assert list(rows) == [
        "Haapsalu Vesi",
        "Narva Vesi",
        "Rakvere Vesi",
        "Tartu Vesi",
        "Viljandi Vesi",
        "Võru Vesi",
    ]
    shown = {
        name: (row["Staff counted"], row["Completion status"], row["Overdue"])
        for name, row in rows.items()
    }
    assert shown == {
        "Haapsalu Vesi": ("3–9", "At the target", "Yes"),
        "Narva Vesi": ("Fewer than 3", HIDDEN, HIDDEN),
        "Rakvere Vesi": ("3–9", "Not started", "No"),
        "Tartu Vesi": ("3–9", "In progress", "No"),
        "Viljandi Vesi": ("3–9", "All completed", "No"),
        "Võru Vesi": ("Fewer than 3", HIDDEN, HIDDEN),
    }
    tartu = rows["Tartu Vesi"]
    assert tartu["Region"] == "Estonia"
    assert tartu["Sector"] == "Water"
    assert tartu["Organisation size"] == "Small (10–49 employees)"
    assert tartu["Programme"] == "Water programme"
    assert tartu["Due date"] == world["enrolment"].due_date.isoformat()
    assert rows["Rakvere Vesi"]["Due date"] == ""


def test_the_summary_counts_organisations_enrolled_active_and_at_the_target(client, world):
    sign_in(client, world, "manager")
    [programme] = rows_of(client, SUMMARY)
    assert programme == {
        "Programme": "Water programme",
        "Organisations enrolled": "6",
        "Of which with fewer than 3 staff counted (no status)": "2",
        "Active: a member started": "3",
        "At the target": "2",
    }
    assert {row["Sector"]: counts(row) for row in rows_of(client, by("sector"))} == {
        "Energy": ("1", "0", "1", "1"),
        "Water": ("5", "2", "2", "1"),
    }
    assert {row["Organisation size"]: counts(row) for row in rows_of(client, by("size"))} == {
        "Medium (50–249 employees)": ("1", "0", "1", "1"),
        "Micro (1–9 employees)": ("1", "1", "0", "0"),
        "Small (10–49 employees)": ("4", "1", "2", "1"),
    }
    html = client.get(by("sector")).content.decode()
    assert "Organisations in programmes by sector" in html
    assert 'aria-current="page">By sector' in html


def test_the_target_is_the_programmes_team_completion_target(client, world):
    sign_in(client, world, "manager")
    assert table(client)["Tartu Vesi"]["Completion status"] == "In progress"
    # Two of three completed: 67 %, at a target of 60 %.
    programme = world["programme"]
    programme.team_completion_target = 60
    programme.save_revision().publish()
    assert table(client)["Tartu Vesi"]["Completion status"] == "At the target"
    [row] = rows_of(client, SUMMARY)
    assert counts(row) == ("6", "2", "3", "3")


def test_filters_narrow_the_organisations(client, world):
    sign_in(client, world, "coordinator")
    assert set(table(client, sector=world["energy"].pk)) == {"Viljandi Vesi"}
    assert set(table(client, size="micro")) == {"Võru Vesi"}
    assert set(table(client, region=world["france"].pk)) == {"Brest Eau"}
    key = world["programme"].translation_key
    assert len(table(client, programme=key)) == 7
    [row] = rows_of(client, SUMMARY, region=world["estonia"].pk, sector=world["water"].pk)
    assert counts(row) == ("5", "2", "2", "1")


def test_pending_and_unenrolled_organisations_are_not_counted(client, world):
    sign_in(client, world, "coordinator")
    names = set(table(client))
    assert "Pärnu Vesi" not in names
    assert "Tapa Vesi" not in names
    [row] = rows_of(client, SUMMARY)
    assert counts(row) == ("7", "2", "4", "3")


# -- what stays hidden -------------------------------------------------------------------


def snapshot(client) -> list:
    """Everything a coordinator can read about organisations, in every report and format."""
    pages = []
    for url in URLS:
        pages.append(rows_of(client, url))
        pages.append(text_of(client.get(url, {"export": "xlsx"})))
        html = client.get(url).content.decode()
        pages.append(html[html.index("<table") : html.index("</table>")])
    return pages


@pytest.mark.parametrize("size", [1, K - 1])
def test_the_results_of_a_small_organisation_change_nothing_a_manager_sees(client, world, size):
    org = Organisation.objects.create(
        name="Jõgeva Vesi",
        region=world["estonia"],
        sector=world["water"],
        size="small",
        status="approved",
    )
    staff = [
        make_learner(f"solo{n}@jogeva.example", region=world["estonia"], organisation=org)
        for n in range(size)
    ]
    Enrolment.objects.create(
        organisation=org,
        programme_key=world["programme"].translation_key,
        due_date=timezone.localdate() - timedelta(days=1),
    )
    sign_in(client, world, "coordinator")
    before = snapshot(client)
    row = table(client)["Jõgeva Vesi"]
    assert (row["Staff counted"], row["Completion status"], row["Overdue"]) == (
        f"Fewer than {K}",
        HIDDEN,
        HIDDEN,
    )
    # Started, then all completed: no status, no count, no overdue flag moves.
    first, second = world["modules"]
    record_attempt(staff[0], first, passed=False)
    assert snapshot(client) == before
    for user in staff:
        record_attempt(user, first)
        record_attempt(user, second)
    assert snapshot(client) == before


def test_an_organisation_at_k_members_shows_its_status_at_the_default_k(client, world, settings):
    settings.STATISTICS_MIN_CELL_SIZE = 5
    for name, size in (("Kuressaare Vesi", 4), ("Paide Vesi", 5)):
        org = Organisation.objects.create(
            name=name, region=world["estonia"], sector=world["water"], status="approved"
        )
        for n in range(size):
            make_learner(f"p{n}@{name.split()[0].lower()}.example", organisation=org)
        Enrolment.objects.create(organisation=org, programme_key=world["programme"].translation_key)
    sign_in(client, world, "manager")
    rows = table(client)
    assert (
        rows["Kuressaare Vesi"]["Staff counted"],
        rows["Kuressaare Vesi"]["Completion status"],
    ) == (
        "Fewer than 5",
        HIDDEN,
    )
    assert (rows["Paide Vesi"]["Staff counted"], rows["Paide Vesi"]["Completion status"]) == (
        "5–9",
        "Not started",
    )
    # At k = 5, A (3 staff) and Haapsalu (5) are small and at k respectively.
    assert rows["Tartu Vesi"]["Completion status"] == HIDDEN
    assert rows["Haapsalu Vesi"]["Completion status"] == "At the target"
    html = client.get(TABLE).content.decode()
    assert "fewer than 5 staff counted" in html


def test_members_without_consent_are_never_counted(client, world):
    sign_in(client, world, "manager")
    # Rakvere's fourth member completed everything but did not consent.
    row = table(client)["Rakvere Vesi"]
    assert row["Completion status"] == "Not started"
    LearnerProfile.objects.filter(organisation=world["rakvere"]).update(statistics_consent=False)
    row = table(client)["Rakvere Vesi"]
    assert (row["Staff counted"], row["Completion status"]) == (f"Fewer than {K}", HIDDEN)


def test_no_name_score_or_exact_count_of_members_is_shown(client, world):
    sign_in(client, world, "coordinator")
    for url in URLS:
        for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
            text = text_of(client.get(url, params))
            assert "Secret Person" not in text
            assert "Anu Haldur" not in text and "Mati Maasikas" not in text
            assert ".example" not in text
    # Neither percentages nor "n of m": only statuses and bands.
    for url in URLS:
        assert not any("%" in value or " of " in value for value in rows_text(client, url))


def rows_text(client, url) -> list[str]:
    return [value for row in rows_of(client, url) for value in row.values()]


# -- exports and cost ------------------------------------------------------------------


def test_csv_export_is_the_table_with_translated_headings(client, world):
    sign_in(client, world, "manager")
    response = client.get(TABLE, {"export": "csv"})
    assert response["Content-Disposition"].endswith('statistics-organisations.csv"')
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == (
        "Organisation,Region,Sector,Organisation size,Programme,Due date,"
        "Staff counted,Completion status,Overdue"
    )
    assert lines[1] == (
        f"Haapsalu Vesi,Estonia,Water,Small (10–49 employees),Water programme,"
        f"{(timezone.localdate() - timedelta(days=10)).isoformat()},3–9,At the target,Yes"
    )
    # The table, then one blank row before what the export says about itself.
    assert lines.index("") == 7
    assert lines[8] == "Report,Each organisation's progress"


def test_xlsx_export_opens_with_the_same_rows(client, world):
    sign_in(client, world, "manager")
    response = client.get(TABLE, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0] == "Organisation"
    assert [row[0] for row in values[1:]] == list(table(client))
    assert values[1][-2:] == ["At the target", "Yes"]


def test_export_neutralises_organisation_names_that_look_like_formulas(client, world):
    Organisation.objects.filter(pk=world["a"].pk).update(name="=HYPERLINK(1)")
    sign_in(client, world, "manager")
    content = b"".join(client.get(TABLE, {"export": "csv"}).streaming_content).decode()
    assert "'=HYPERLINK(1)" in content


def test_each_column_is_defined_on_the_page_and_in_the_exports(client, world):
    sign_in(client, world, "manager")
    for url in URLS:
        html = client.get(url).content.decode()
        headings = re.findall(r'<th scope="col" aria-describedby="definition-(\w+)">', html)
        assert headings and all(f'<dd id="definition-{field}">' in html for field in headings)
        table, about, definitions = csv_parts(
            b"".join(client.get(url, {"export": "csv"}).streaming_content).decode()
        )
        assert list(definitions) == list(table[0]), url
        assert about["Scope"] == "Your regions: Estonia"
        assert f"fewer than {K} staff counted" in about["Suppression rule"]
    table, _about, definitions = csv_parts(
        b"".join(client.get(SUMMARY, {"export": "csv"}).streaming_content).decode()
    )
    assert "team completion target" in definitions["At the target"]
    # Asking for another region in the query string changes neither scope nor filters.
    response = client.get(TABLE, {"export": "xlsx", "region": world["france"].pk})
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book.sheetnames[1:] == ["Definitions", "About this export"]
    about = dict(book["About this export"].iter_rows(values_only=True))
    assert (about["Scope"], about["Filters applied"]) == ("Your regions: Estonia", "None")
    assert len(list(book["Definitions"].iter_rows())) == 1 + 9


def test_estonian_headings_and_statuses(client, world):
    from wagtail.users.models import UserProfile

    manager = world["manager"]
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "et"
    profile.save()
    sign_in(client, world, "manager")
    rows = {row["Organisatsioon"]: row for row in rows_of(client, TABLE)}
    assert rows["Narva Vesi"]["Läbimise olek"] == "peidetud"
    assert rows["Narva Vesi"]["Arvesse võetud töötajad"] == "Alla 3"
    assert rows["Haapsalu Vesi"]["Läbimise olek"] == "Eesmärgini jõudnud"
    assert rows["Haapsalu Vesi"]["Tähtaeg ületatud"] == "Jah"
    [summary] = rows_of(client, SUMMARY)
    assert summary["Osalevad organisatsioonid"] == "6"


def add_organisations(world, count):
    first, _second = world["modules"]
    for n in range(count):
        org = Organisation.objects.create(
            name=f"Vesi {n:02d}", region=world["estonia"], sector=world["water"], status="approved"
        )
        for m in range(2):
            user = make_learner(f"m{m}@vesi{n}.example", organisation=org)
            if m:
                record_attempt(user, first)
        Enrolment.objects.create(organisation=org, programme_key=world["programme"].translation_key)


@pytest.mark.parametrize("organisations", [3, 30])
@pytest.mark.parametrize("url", URLS)
def test_the_reports_cost_the_same_queries_for_3_or_30_organisations(
    client, org_world, django_assert_max_num_queries, organisations, url
):
    add_organisations(org_world, organisations)
    sign_in(client, org_world, "manager")
    client.get(url)
    with django_assert_max_num_queries(18):
        response = client.get(url)
    assert response.status_code == 200
    if url == TABLE:
        assert response.content.decode().count("Vesi ") == organisations


# -- the rule, without the database ------------------------------------------------------


def row(staff, started, completed, *, target=80, modules=2, k=5) -> EnrolmentRow:
    return EnrolmentRow(
        organisation_id=1,
        organisation="O",
        region_id=1,
        sector_id=None,
        size="",
        programme=Programme(key=None, title="P", target=target, modules=modules),
        due_date=None,
        staff=staff,
        started=started,
        completed=completed,
        k=k,
    )


def test_statuses_from_the_counts():
    assert row(5, 0, 0).status == NOT_STARTED
    assert row(5, 1, 0).status == IN_PROGRESS
    assert row(5, 5, 3).status == IN_PROGRESS
    assert row(5, 5, 4).status == AT_TARGET
    assert row(5, 5, 5).status == ALL_COMPLETED
    assert row(5, 5, 5, target=100).status == ALL_COMPLETED
    assert row(5, 5, 4, target=100).status == IN_PROGRESS
    # Below k: no status and no overdue flag, whatever the counts.
    for staff in (0, 1, 4):
        assert row(staff, staff, staff).status is None
        assert row(staff, staff, staff).is_overdue is None
    # A programme without modules is completed by nobody.
    assert row(5, 0, 5, modules=0).status == NOT_STARTED


def test_staff_bands():
    assert [staff_band(n, 5) for n in (0, 4, 5, 9, 10, 49, 50, 249, 250, 4000)] == [
        "Fewer than 5",
        "Fewer than 5",
        "5–9",
        "5–9",
        "10–49",
        "10–49",
        "50–249",
        "50–249",
        "250 or more",
        "250 or more",
    ]
    assert [staff_band(n, 12) for n in (11, 12, 49, 50)] == [
        "Fewer than 12",
        "12–49",
        "12–49",
        "50–249",
    ]
