"""Team training records: frozen figures with a code, a PDF, and a public check that names nobody."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from organisations.models import Enrolment, TrainingRecord
from organisations.records import current_figures, issue_record, record_pdf
from organisations.team import enrolled_programmes
from tests.factories import make_programme
from tests.organisations.conftest import sign_in
from tests.organisations.team_helpers import add_members, progress

NAMES = ("Anu Haldur", "Mati Maasikas", "Kati Kask")


@pytest.fixture
def record_world(org_world):
    """Mati completed both modules, Kati the first; Anu nothing."""
    w = org_world
    first, second = w["modules"]
    early = timezone.now() - timedelta(days=20)
    late = timezone.now() - timedelta(days=2)
    progress(w["member_a1"], first, completed=True, at=early)
    progress(w["member_a1"], second, completed=True, at=late)
    progress(w["member_a2"], first, completed=True, at=late)
    w["early"], w["late"] = early, late
    return w


def record_url(world, name="record"):
    return reverse(f"organisations:{name}", args=[world["programme"].translation_key])


def water(world):
    return enrolled_programmes(world["a"])[0]


def test_figures_give_each_modules_share_of_staff_and_dates(record_world):
    w = record_world
    figures = current_figures(w["a"], water(w))
    assert figures.staff_count == 3
    first, second = figures.modules
    assert first["title"] == "Phishing at the utility"
    assert (first["completed"], first["share"]) == (2, 67)
    assert first["first_completed"] == timezone.localtime(w["early"]).date().isoformat()
    assert first["last_completed"] == timezone.localtime(w["late"]).date().isoformat()
    assert (second["completed"], second["share"]) == (1, 33)


def test_figures_count_only_current_members(record_world):
    w = record_world
    from learning.models import LearnerProfile

    LearnerProfile.objects.filter(user=w["member_a2"]).update(
        organisation=None, organisation_role="", organisation_joined_at=None
    )
    figures = current_figures(w["a"], water(w))
    assert figures.staff_count == 2
    assert figures.modules[0]["completed"] == 1


def test_the_record_page_previews_then_generates_a_frozen_record(client, record_world):
    w = record_world
    sign_in(client, w, "admin_a")
    html = client.get(record_url(w)).content.decode()
    assert "No record has been generated" in html
    assert "2 of 3" in html and "67%" in html
    assert not TrainingRecord.objects.exists()

    response = client.post(record_url(w), follow=True)
    html = response.content.decode()
    record = TrainingRecord.objects.get()
    assert "The team training record has been generated." in html
    assert record.code in html
    assert "Tartu Vesi" in html and "Water programme" in html
    assert record.staff_count == 3 and record.issued_by == w["admin_a"]
    assert [m["completed"] for m in record.modules] == [2, 1]
    assert reverse("organisations:record_verify", args=[record.code]) in html
    for name in NAMES:
        assert name not in html.split("</header>")[1]

    # Generating again with the same figures gives the same record.
    client.post(record_url(w))
    assert TrainingRecord.objects.count() == 1


def test_a_record_never_changes_and_the_page_says_when_figures_moved_on(client, record_world):
    w = record_world
    sign_in(client, w, "admin_a")
    client.post(record_url(w))
    record = TrainingRecord.objects.get()
    progress(w["admin_a"], w["modules"][0], completed=True)
    html = client.get(record_url(w)).content.decode()
    assert "The figures have changed since the last record was generated" in html
    record.refresh_from_db()
    assert record.modules[0]["completed"] == 2
    client.post(record_url(w))
    assert TrainingRecord.objects.count() == 2
    assert TrainingRecord.objects.order_by("-pk").first().modules[0]["completed"] == 3


def test_the_pdf_is_a_real_pdf_of_the_record(client, record_world):
    w = record_world
    sign_in(client, w, "admin_a")
    assert client.get(record_url(w, "record_pdf")).status_code == 404
    client.post(record_url(w))
    record = TrainingRecord.objects.get()
    response = client.get(record_url(w, "record_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert record.code in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF-")
    assert response.content.rstrip().endswith(b"%%EOF")
    # The code is in the document's properties as well as on the page.
    assert record.code.encode() in response.content


def test_the_pdf_prints_every_language_s_letters(record_world, caplog):
    w = record_world
    record, _created = issue_record(w["a"], water(w), by=w["admin_a"], language="sk")
    record.organisation_name = "Vodárne Košice – Žilina, Ljubljana Šč, Tõrva Õü, Ñandú «»"
    record.modules[0]["title"] = "Ľahké heslá, čo sú ťažké – ďalej ŕ ĺ ň"
    with caplog.at_level("WARNING"):
        pdf = record_pdf(record, "https://example.com/verify/")
    assert pdf.startswith(b"%PDF-")
    # fpdf2 warns about every character its font cannot draw.
    assert not [r for r in caplog.records if "missing" in r.getMessage().lower()]


def test_a_pdf_of_another_organisations_record_is_not_found(client, record_world):
    w = record_world
    Enrolment.objects.create(organisation=w["b"], programme_key=w["programme"].translation_key)
    b_record, _ = issue_record(
        w["b"], enrolled_programmes(w["b"])[0], by=w["admin_b"], language="en"
    )
    sign_in(client, w, "admin_a")
    response = client.get(record_url(w, "record_pdf"), {"code": b_record.code})
    assert response.status_code == 404


def test_the_records_list_shows_each_programme_and_the_records_issued(client, record_world):
    w = record_world
    sign_in(client, w, "admin_a")
    client.post(record_url(w))
    record = TrainingRecord.objects.get()
    html = client.get(reverse("organisations:records")).content.decode()
    assert "Water programme" in html and record.code in html


def test_an_unavailable_programme_cannot_be_recorded(client, record_world):
    w = record_world
    gone = make_programme(w["home"], [w["modules"][0]], title="Gone programme")
    Enrolment.objects.create(organisation=w["a"], programme_key=gone.translation_key)
    gone.unpublish()
    sign_in(client, w, "admin_a")
    url = reverse("organisations:record", args=[gone.translation_key])
    response = client.post(url, follow=True)
    assert "no longer available" in response.content.decode()
    assert not TrainingRecord.objects.exists()


# -- public verification -----------------------------------------------------------


def test_public_verification_shows_the_figures_and_no_individual(client, record_world):
    w = record_world
    add_members(w, 2)
    record, _ = issue_record(w["a"], water(w), by=w["admin_a"], language="en")
    client.logout()
    response = client.get(reverse("organisations:record_verify", args=[record.code.lower()]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "This team training record is genuine." in html
    assert "Tartu Vesi" in html and "Water programme" in html
    assert "4 of 5" in html
    for name in (*NAMES, "Staff 000", "anu.admin@tartu.example"):
        assert name not in html


def test_the_verification_form_takes_a_typed_code(client, record_world):
    record, _ = issue_record(record_world["a"], water(record_world), by=None, language="en")
    typed = " " + record.code.replace("-", " ").lower() + " "
    response = client.get(reverse("organisations:record_verify_form"), {"code": typed}, follow=True)
    assert "This team training record is genuine." in response.content.decode()


@pytest.mark.parametrize("code", ["AAAA-BBBB-CCCC", "x", "-", "%27%3Cscript%3E"])
def test_an_unknown_code_is_a_clear_404(client, org_world, code):
    response = client.get(reverse("organisations:record_verify", args=[code]))
    assert response.status_code == 404
    html = response.content.decode()
    assert "No team training record has the code" in html
    assert "<script>" not in html
