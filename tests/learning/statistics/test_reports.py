"""Statistics for programme managers: scope, figures, suppression, filters, exports."""

import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learning.models import ManagerRegions
from tests.learning.statistics.helpers import HIDDEN, learner, progress, rows_of


def test_overview_figures_for_a_manager(client, world):
    client.force_login(world["manager"])
    rows = {
        r["Measure"]: r["Value"] for r in rows_of(client, reverse("learning_statistics:overview"))
    }
    assert rows["Learners registered"] == "8"
    assert rows["Learners who started a module"] == "7"
    assert rows["Learners who completed at least one module"] == "6"
    assert rows["Share of starters who completed at least one module (%)"] == "85.7"
    # Best scores of completed rows: phishing 70..95 and backups 100 x5 -> 11 rows.
    assert rows["Average best score (%)"] == f"{(70 + 75 + 80 + 85 + 90 + 95 + 500) / 11:.1f}"
    # First attempts: 6 phishing (4 passed) + 5 backups (all passed) = 9 / 11.
    assert rows["First-attempt pass rate (%)"] == f"{100 * 9 / 11:.1f}"


def test_breakdown_by_module_and_sector(client, world):
    client.force_login(world["manager"])
    by_module = {
        r["Module"]: r
        for r in rows_of(client, reverse("learning_statistics:breakdown", args=["module"]))
    }
    assert by_module["Phishing at the utility"]["Learners who started a module"] == "7"
    assert by_module["Phishing at the utility"]["Learners who completed at least one module"] == "6"
    assert by_module["Backups"]["Learners who completed at least one module"] == "5"
    by_sector = {
        r["Sector"]: r
        for r in rows_of(client, reverse("learning_statistics:breakdown", args=["sector"]))
    }
    assert by_sector["Water"]["Learners who completed at least one module"] == "6"
    # Two energy learners, one of whom started: small figures are suppressed.
    assert by_sector["Energy"]["Learners who started a module"] == HIDDEN
    assert by_sector["Energy"]["Share of starters who completed at least one module (%)"] in {
        HIDDEN,
        "",
    }
    # And the overview's 7 learners who started, minus Water's, would give it away.
    assert by_sector["Water"]["Learners who started a module"] == HIDDEN


def test_a_manager_never_sees_another_region(client, world):
    client.force_login(world["manager"])
    brittany = world["brittany"]
    by_region = rows_of(client, reverse("learning_statistics:breakdown", args=["region"]))
    assert [r["Region"] for r in by_region] == ["Estonia"]
    by_language = {
        r["Language"]
        for r in rows_of(client, reverse("learning_statistics:breakdown", args=["language"]))
    }
    assert "Français" not in by_language
    # Asking for Brittany in the URL does not widen the scope.
    response = client.get(
        reverse("learning_statistics:breakdown", args=["region"]), {"region": brittany.pk}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Brittany" not in html
    assert "Select a valid choice" in html
    rows = rows_of(client, reverse("learning_statistics:overview"), region=brittany.pk)
    assert {r["Measure"]: r["Value"] for r in rows}["Learners registered"] == "8"
    for name, args in [("overview", []), ("over_time", []), ("funnel", [])] + [
        ("breakdown", [d])
        for d in (
            "region",
            "subregion",
            "programme",
            "module",
            "sector",
            "language",
            "organisation_size",
        )
    ]:
        html = client.get(reverse(f"learning_statistics:{name}", args=args)).content.decode()
        assert "Brittany" not in html
    module = world["phishing"].translation_key
    questions = rows_of(client, reverse("learning_statistics:questions"), module=module)
    # No column for the French answers of Brittany, not even an empty one.
    assert questions and not [h for h in questions[0] if "Français" in h]
    html = client.get(reverse("learning_statistics:questions"), {"module": module}).content
    report = html.decode().split('class="stats-questions"', 1)[1]
    assert "Français" not in report


def test_a_coordinator_sees_every_region(client, world):
    client.force_login(world["coordinator"])
    regions = {
        r["Region"]: r
        for r in rows_of(client, reverse("learning_statistics:breakdown", args=["region"]))
    }
    assert set(regions) == {"Estonia", "Brittany"}
    assert regions["Brittany"]["Learners who completed at least one module"] == "6"


@pytest.mark.parametrize("who", ["editor", "anonymous", "learner"])
def test_people_without_the_role_see_no_statistics(client, world, who):
    if who == "editor":
        client.force_login(world["editor"])
    elif who == "learner":
        client.force_login(world["ee"][0])
    for name, args in [
        ("overview", []),
        ("breakdown", ["module"]),
        ("questions", []),
        ("funnel", []),
        ("over_time", []),
    ]:
        url = reverse(f"learning_statistics:{name}", args=args)
        for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
            response = client.get(url, params)
            assert response.status_code in (302, 403)
            assert (
                b"Phishing" not in b"".join(response.streaming_content)
                if response.streaming
                else b"Phishing" not in response.content
            )


def test_statistics_menu_is_shown_only_to_managers(client, world):
    client.force_login(world["editor"])
    assert (
        reverse("learning_statistics:overview")
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    client.force_login(world["manager"])
    assert (
        reverse("learning_statistics:overview")
        in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_filters_narrow_the_figures(client, world):
    client.force_login(world["coordinator"])
    url = reverse("learning_statistics:breakdown", args=["module"])
    french = {r["Module"]: r for r in rows_of(client, url, language="fr")}
    assert french["Phishing at the utility"]["Learners who completed at least one module"] == "6"
    assert "Backups" not in french
    micro = {r["Module"]: r for r in rows_of(client, url, organisation_size="micro")}
    assert micro["Phishing at the utility"]["Learners who started a module"] == HIDDEN
    programme = rows_of(
        client, url, programme=str(world["programme"].translation_key), region=world["estonia"].pk
    )
    assert {r["Module"] for r in programme} == {"Phishing at the utility", "Backups"}
    # Dates widen to whole weeks or months: start beyond the current month.
    future = rows_of(
        client, url, date_from=(timezone.now() + datetime.timedelta(days=62)).date().isoformat()
    )
    assert future == []
    response = client.get(url, {"date_from": "2026-05-01", "date_to": "2026-04-01"})
    assert "The end date must be on or after the start date." in response.content.decode()


def test_programme_funnel(client, world):
    client.force_login(world["manager"])
    rows = {r["Programme"]: r for r in rows_of(client, reverse("learning_statistics:funnel"))}
    water = rows["Water programme"]
    assert water["Learners registered in its regions"] == "8"
    assert water["Learners who started it"] == "7"
    assert water["Learners who completed all of it"] == "5"


def test_completions_over_time(client, world):
    client.force_login(world["manager"])
    rows = rows_of(client, reverse("learning_statistics:over_time"))
    assert (
        sum(int(r["Module completions"]) for r in rows if r["Module completions"].isdigit()) == 11
    )


def test_question_analysis_per_language(client, world):
    client.force_login(world["coordinator"])
    rows = rows_of(
        client, reverse("learning_statistics:questions"), module=world["phishing"].translation_key
    )
    # One row per option: three, three and the two of true/false.
    assert [r["No."] for r in rows] == ["1"] * 3 + ["2"] * 3 + ["3"] * 2
    rows = [rows[0], rows[3], rows[6]]
    first = rows[0]
    # Question 1 is always answered right in the fixture; the others only when the attempt passed.
    assert first["Answered right, all languages (%)"] == "100.0"
    second = rows[1]
    # 6 EE first attempts (4 passed) + 2 second attempts + 6 FR: 12 right of 14 answers.
    assert second["Answers"] == "14"
    assert second["Answered right, all languages (%)"] == f"{100 * 12 / 14:.1f}"
    assert second["Answered right in Eesti (%)"] == f"{100 * 6 / 8:.1f}"
    assert second["Answered right in Français (%)"] == "100.0"
    html = client.get(reverse("learning_statistics:questions")).content.decode()
    assert "Choose a module in the filters" in html


def test_xlsx_export_has_translated_headings_and_suppressed_cells(client, world):
    from wagtail.users.models import UserProfile

    manager = world["manager"]
    UserProfile.get_for_user(manager).__class__.objects.filter(user=manager).update(
        preferred_language="et"
    )
    client.force_login(manager)
    response = client.get(
        reverse("learning_statistics:breakdown", args=["sector"]), {"export": "xlsx"}
    )
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    headings = [c.value for c in sheet[1]]
    assert headings[0] != "Sector" and headings[0]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert any("peidetud" in [str(v) for v in row] for row in values)
    assert not any("Learner " in str(v) for row in values for v in row)


def test_report_queries_do_not_grow_with_data(client, world):
    client.force_login(world["coordinator"])
    urls = [
        reverse("learning_statistics:overview"),
        reverse("learning_statistics:breakdown", args=["module"]),
        reverse("learning_statistics:over_time"),
        reverse("learning_statistics:funnel"),
    ]

    def counts():
        result = []
        for url in urls:
            client.get(url)
            with CaptureQueriesContext(connection) as ctx:
                client.get(url)
            result.append(len(ctx.captured_queries))
        return result

    before = counts()
    for n in range(20):
        user = learner(200 + n, world["estonia"], world["water"])
        progress(user, world["phishing"])
        progress(user, world["backups"], completed=False, attempts=0)
    assert counts() == before


def test_administrators_assign_regions_to_managers(admin_client, world):
    manager = world["manager"]
    assignment = ManagerRegions.objects.get(user=manager)
    listing = admin_client.get(reverse("wagtailsnippets_learning_managerregions:list"))
    assert listing.status_code == 200
    assert "Estonia" in listing.content.decode()
    url = reverse("wagtailsnippets_learning_managerregions:edit", args=[assignment.pk])
    response = admin_client.post(
        url, {"user": manager.pk, "regions": [world["estonia"].pk, world["brittany"].pk]}
    )
    assert response.status_code == 302
    client = admin_client
    client.force_login(manager)
    regions = {
        r["Region"]
        for r in rows_of(client, reverse("learning_statistics:breakdown", args=["region"]))
    }
    assert regions == {"Estonia", "Brittany"}


def test_managers_cannot_assign_regions(client, world):
    client.force_login(world["manager"])
    response = client.get(reverse("wagtailsnippets_learning_managerregions:list"))
    assert response.status_code in (302, 403)


def test_the_suppression_threshold_is_a_setting(client, world, settings):
    settings.STATISTICS_MIN_CELL_SIZE = 2
    client.force_login(world["manager"])
    by_sector = {
        r["Sector"]: r
        for r in rows_of(client, reverse("learning_statistics:breakdown", args=["sector"]))
    }
    # One energy learner started: still below 2.
    assert by_sector["Energy"]["Learners who started a module"] == HIDDEN
    settings.STATISTICS_MIN_CELL_SIZE = 1
    by_sector = {
        r["Sector"]: r
        for r in rows_of(client, reverse("learning_statistics:breakdown", args=["sector"]))
    }
    assert by_sector["Energy"]["Learners who started a module"] == "1"


def test_completion_periods_are_dates(client, world):
    from learning.statistics.figures import completions_over_time
    from learning.statistics.filters import StatisticsFilterForm

    filters = StatisticsFilterForm(None, user=world["coordinator"]).filters()
    for period in ("month", "week"):
        points = completions_over_time(world["coordinator"], filters, period)
        assert points and all(isinstance(p.period, datetime.date) for p in points)
        assert sum(p.completions for p in points) == 17


def test_erasing_a_learner_leaves_the_figures_unchanged(client, world):
    from learning.privacy import erase_learner

    client.force_login(world["manager"])
    url = reverse("learning_statistics:breakdown", args=["module"])
    before = rows_of(client, url)
    erase_learner(world["ee"][0])
    assert rows_of(client, url) == before


def test_currently_certified_counts_certificates_that_have_not_ended(client, world):
    from learning.models import Certificate

    phishing = world["phishing"]
    now = timezone.now()
    # Six Estonian learners hold phishing certificates: five still valid, one ended.
    for n, user in enumerate(world["ee"][:6]):
        Certificate.objects.create(
            user=user,
            kind=Certificate.Kind.MODULE,
            subject_key=phishing.translation_key,
            title=phishing.title,
            learner_name=f"Learner {n}",
            language="et",
            completed_at=now - datetime.timedelta(days=300),
            valid_until=now + datetime.timedelta(days=60 if n else -1),
        )
    # A Breton certificate is outside the Estonian manager's scope.
    Certificate.objects.create(
        user=world["fr"][0],
        kind=Certificate.Kind.MODULE,
        subject_key=phishing.translation_key,
        title=phishing.title,
        learner_name="Breton",
        language="fr",
        completed_at=now,
    )
    client.force_login(world["manager"])
    url = reverse("learning_statistics:overview")
    rows = {r["Measure"]: r["Value"] for r in rows_of(client, url)}
    assert rows["Learners currently certified"] == "5"
    client.force_login(world["coordinator"])
    rows = {r["Measure"]: r["Value"] for r in rows_of(client, url)}
    assert rows["Learners currently certified"] == "6"


def chart_xml(content: bytes) -> list[str]:
    """The native charts of a workbook, as their XML (openpyxl drops charts when reading)."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return [
            archive.read(name).decode()
            for name in sorted(archive.namelist())
            if name.startswith("xl/charts/chart")
        ]


@pytest.mark.parametrize(
    ("url", "params", "charts", "values"),
    [
        (reverse("learning_statistics:breakdown", args=["sector"]), {}, 1, "$C$2"),
        (reverse("learning_statistics:over_time"), {}, 2, "$B$2"),
    ],
)
def test_xlsx_exports_draw_the_pages_charts_beside_the_table(
    client, world, url, params, charts, values
):
    client.force_login(world["coordinator"])
    response = client.get(url, {**params, "export": "xlsx"})
    found = chart_xml(b"".join(response.streaming_content))
    assert len(found) == charts
    # The chart reads the table's own cells: labels from column A, values from its column.
    assert "$A$2" in found[0] and values in found[0]


# Statements that open and close the report's transaction, not questions asked.
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK")


def test_the_admin_around_a_report_costs_at_most_twelve_queries(client, world):
    """Session, user, permissions, second factor, menus and the filter form,
    measured on the question analysis before a module is chosen (no figures)."""
    client.force_login(world["manager"])
    url = reverse("learning_statistics:questions")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    asked = [q["sql"] for q in queries if not q["sql"].startswith(TRANSACTION_CONTROL)]
    assert len(asked) <= 12, "\n".join(asked)
