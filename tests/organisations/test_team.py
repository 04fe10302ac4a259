"""The administrator's team page: who has done what, never how well; its export; who may see it."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from openpyxl import load_workbook

from learning.models import LearnerProfile
from organisations.models import EmailSend, Enrolment, Invitation, TrainingRecord
from tests.organisations.conftest import ROLES, sign_in
from tests.organisations.team_helpers import (
    ATTEMPTS,
    SCORE,
    add_members,
    programme_certificate,
    progress,
)

TEAM = reverse("organisations:team")


@pytest.fixture
def team_world(org_world):
    """A's members at every stage: Mati completed the first module, Kati started the second."""
    w = org_world
    first, second = w["modules"]
    progress(w["member_a1"], first, completed=True)
    progress(w["member_a2"], second)
    return w


def page(client, url=TEAM, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


# -- what the page shows ----------------------------------------------------------


def test_the_page_shows_each_members_state_per_module_and_never_a_score(client, team_world):
    w = team_world
    sign_in(client, w, "admin_a")
    html = page(client)
    assert "Team of Tartu Vesi" in html
    for title in ("Phishing at the utility", "Passwords for operators"):
        assert title in html
    for name in ("Anu Haldur", "Mati Maasikas", "Kati Kask"):
        assert name in html
    assert html.count("badge--completed") == 1
    assert html.count("badge--in_progress") == 1
    assert html.count('<span class="badge">Not started</span>') == 4
    # The completion date is shown, in the reader's format.
    completed_on = LearnerProfile.objects.get(user=w["member_a1"]).user.module_progress.get()
    assert date_format(timezone.localtime(completed_on.completed_at), "DATE_FORMAT") in html
    # Never a score, an attempt count or an answer.
    # (As a number a person reads: tags, with their random ids, left out.)
    visible = re.sub(r"<[^>]*>", " ", html)
    assert not re.search(rf"\b{SCORE}\b", visible)
    assert "score" not in html.lower()
    assert "attempt" not in html.lower()
    # Nobody else's organisation.
    assert "Boris" not in html and "Narva" not in html


def test_team_completion_due_date_and_who_has_not_started(client, team_world):
    w = team_world
    first, second = w["modules"]
    progress(w["member_a1"], second, completed=True)
    sign_in(client, w, "admin_a")
    html = page(client)
    # Mati completed both modules: one of three members, 33%.
    assert "1 of 3 completed (33%)" in html
    assert date_format(w["enrolment"].due_date, "DATE_FORMAT") in html
    assert "Overdue" not in html
    # Anu has started nothing; Kati has started.
    assert "1 member has not started" in html
    assert "Remind the 1 member who has not started" in html
    waiting = html.split("1 member has not started")[1].split("</details>")[0]
    assert "Anu Haldur" in waiting and "Kati Kask" not in waiting

    Enrolment.objects.filter(pk=w["enrolment"].pk).update(due_date=date.today() - timedelta(days=1))
    html = page(client)
    assert "Overdue" in html


def test_certificates_show_how_long_they_are_valid(client, team_world):
    w = team_world
    now = timezone.now()
    programme_certificate(w["member_a1"], w["programme"], valid_until=now + timedelta(days=10))
    programme_certificate(w["member_a2"], w["programme"], valid_until=now - timedelta(days=1))
    programme_certificate(w["admin_a"], w["programme"])
    sign_in(client, w, "admin_a")
    html = page(client)
    assert "renew soon" in html
    assert "Expired" in html
    assert "Valid, no end date" in html


def test_invitations_are_listed_with_their_status(client, team_world):
    w = team_world
    a = w["a"]
    Invitation.objects.create(organisation=a, email="sent@example.com", language="et")
    Invitation.objects.create(
        organisation=a,
        email="late@example.com",
        language="et",
        expires_at=timezone.now() - timedelta(days=1),
    )
    Invitation.objects.create(
        organisation=a, email="joined@example.com", language="et", status="accepted"
    )
    Invitation.objects.create(
        organisation=a, email="gone@example.com", language="et", status="revoked"
    )
    Invitation.objects.create(organisation=w["b"], email="other@example.com", language="et")
    sign_in(client, w, "admin_a")
    html = page(client)
    rows = html.split('id="invitations-heading"')[1]
    for email, status in (
        ("sent@example.com", "Sent"),
        ("late@example.com", "Expired"),
        ("joined@example.com", "Accepted"),
        ("gone@example.com", "Revoked"),
    ):
        row = rows.split(email)[1].split("</tr>")[0]
        assert status in row
    assert "other@example.com" not in html


def test_members_are_paginated(client, org_world):
    add_members(org_world, 52, with_progress=False)
    sign_in(client, org_world, "admin_a")
    html = page(client)
    assert "Members 1–50 of 55" in html
    assert "Page 1 of 2" in html
    html = page(client, page=2)
    assert "Members 51–55 of 55" in html
    # The team's figures count everybody, not only the page shown.
    assert "0 of 55 completed" in html


@pytest.mark.parametrize("extra", [5, 50])
def test_the_page_costs_the_same_queries_for_5_or_50_members(
    client, org_world, django_assert_max_num_queries, extra
):
    add_members(org_world, extra)
    Invitation.objects.create(organisation=org_world["a"], email="new@example.com", language="et")
    sign_in(client, org_world, "admin_a")
    page(client)  # the programmes and modules, shared by every team, read once per publish
    with django_assert_max_num_queries(8):
        html = page(client)
    assert html.count("badge--completed") >= extra


def test_the_dashboard_panel_tells_an_administrator_how_far_the_team_is(client, team_world):
    w = team_world
    progress(w["member_a1"], w["modules"][1], completed=True)
    sign_in(client, w, "admin_a")
    html = page(client, reverse("learning:dashboard"))
    assert "Your team at Tartu Vesi" in html
    assert "Water programme: 1 of 3 completed (33%)" in html
    assert TEAM in html
    sign_in(client, w, "member_a1")
    html = page(client, reverse("learning:dashboard"))
    assert "Your team at" not in html


# -- export --------------------------------------------------------------------


def test_csv_export_has_one_row_per_member_with_states_and_dates(client, team_world):
    w = team_world
    sign_in(client, w, "admin_a")
    response = client.get(reverse("organisations:team_export"), {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    headings, body = rows[0], rows[1:]
    assert headings[:3] == ["Name", "E-mail address", "Role"]
    assert "Water programme – Phishing at the utility: status" in headings
    assert [row[0] for row in body] == ["Anu Haldur", "Kati Kask", "Mati Maasikas"]
    mati = dict(zip(headings, body[2], strict=True))
    assert mati["Water programme – Phishing at the utility: status"] == "Completed"
    assert mati["Water programme – Phishing at the utility: completed on"]
    assert mati["Water programme – Passwords for operators: status"] == "Not started"
    assert mati["Water programme: due date"] == w["enrolment"].due_date.isoformat()
    kati = dict(zip(headings, body[1], strict=True))
    assert kati["Water programme – Passwords for operators: status"] == "In progress"
    text = response.content.decode("utf-8-sig")
    assert str(SCORE) not in text and "score" not in text.lower()


def test_xlsx_export_opens_with_the_same_content(client, team_world):
    sign_in(client, team_world, "admin_a")
    response = client.get(reverse("organisations:team_export"), {"format": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:3] == ["Name", "E-mail address", "Role"]
    assert [row[0] for row in rows[1:]] == ["Anu Haldur", "Kati Kask", "Mati Maasikas"]
    assert "Completed" in rows[3]
    assert SCORE not in [value for row in rows for value in row]
    assert ATTEMPTS not in [value for row in rows[1:] for value in row[3:]]


def test_export_neutralises_names_that_look_like_formulas(client, team_world):
    LearnerProfile.objects.filter(user=team_world["member_a1"]).update(full_name="=HYPERLINK(1)")
    sign_in(client, team_world, "admin_a")
    response = client.get(reverse("organisations:team_export"), {"format": "csv"})
    assert "'=HYPERLINK(1)" in response.content.decode("utf-8-sig")


def test_an_unknown_export_format_is_a_clear_400(client, team_world):
    sign_in(client, team_world, "admin_a")
    response = client.get(reverse("organisations:team_export"), {"format": "pdf"})
    assert response.status_code == 400
    assert "Choose CSV or Excel" in response.content.decode()


# -- who may do what -----------------------------------------------------------------


def _record(world):
    return TrainingRecord.objects.create(
        organisation=world["a"],
        programme_key=world["programme"].translation_key,
        organisation_name="Tartu Vesi",
        programme_title="Water programme",
        language="en",
        staff_count=3,
        modules=[],
    )


# (url name, method, arguments from the world, data, status for admin_a, for admin_b)
ENDPOINTS = [
    ("team", "get", None, {}, 200, 200),
    ("team_export", "get", None, {"format": "csv"}, 200, 200),
    ("remind_not_started", "post", "programme_key", {}, 302, 404),
    ("remove_member", "get", "member_pk", {}, 200, 404),
    ("remove_member", "post", "member_pk", {}, 302, 404),
    ("set_role", "post", "member_pk", {"role": "administrator"}, 302, 404),
    ("enrolments", "get", None, {}, 200, 200),
    ("enrolments", "post", None, {"action": "due_date", "enrolment": "A"}, 400, 404),
    ("enrolment_remove", "get", "enrolment_pk", {}, 200, 404),
    ("enrolment_remove", "post", "enrolment_pk", {}, 302, 404),
    ("records", "get", None, {}, 200, 200),
    ("record", "get", "programme_key", {}, 200, 404),
    ("record", "post", "programme_key", {}, 302, 404),
    ("record_pdf", "get", "programme_key", {}, 200, 404),
]
PUBLIC = [
    ("record_verify_form", None, 200),
    ("record_verify", "code", 200),
]


def _args(world, kind, record):
    if kind is None:
        return []
    return [
        {
            "programme_key": world["programme"].translation_key,
            "member_pk": world["member_a1"].learner_profile.pk,
            "enrolment_pk": world["enrolment"].pk,
            "code": record.code,
        }[kind]
    ]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "arg", "data", "admin_a", "admin_b"), ENDPOINTS)
def test_only_an_organisations_administrator_reaches_its_pages(
    client, org_world, role, name, method, arg, data, admin_a, admin_b
):
    w = org_world
    record = _record(w)
    data = {k: (w["enrolment"].pk if v == "A" else v) for k, v in data.items()}
    # An invalid due date: nothing changes even for A's administrator.
    if data.get("action") == "due_date":
        data["due-{}-due_date".format(w["enrolment"].pk)] = "9999-12-31"
    sign_in(client, w, role)
    url = reverse(f"organisations:{name}", args=_args(w, arg, record))
    response = getattr(client, method)(url, data)
    if role == "anonymous":
        assert response.status_code == 302
        assert reverse("learning:login") in response["Location"]
    elif role == "admin_a":
        assert response.status_code == admin_a
    elif role == "admin_b":
        assert response.status_code == admin_b
    else:
        assert response.status_code == 403
        assert "Only for organisation administrators" in response.content.decode()
    if role != "admin_a":
        # Nothing of A's changed.
        member = LearnerProfile.objects.get(user=w["member_a1"])
        assert (member.organisation, member.organisation_role) == (w["a"], "member")
        assert Enrolment.objects.get(pk=w["enrolment"].pk).due_date == w["enrolment"].due_date
        assert not EmailSend.objects.exists()
        assert TrainingRecord.objects.filter(organisation=w["a"]).count() == 1


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "arg", "status"), PUBLIC)
def test_anyone_may_check_a_team_training_record(client, org_world, role, name, arg, status):
    record = _record(org_world)
    sign_in(client, org_world, role)
    response = client.get(reverse(f"organisations:{name}", args=_args(org_world, arg, record)))
    assert response.status_code == status


def test_admin_b_cannot_name_as_programme_one_only_a_is_enrolled_in(client, org_world):
    sign_in(client, org_world, "admin_b")
    key = org_world["programme"].translation_key
    response = client.post(reverse("organisations:remind_not_started", args=[key]))
    assert response.status_code == 404
    assert not EmailSend.objects.exists()
