"""What an administrator does from the team page: remind, remove, change roles, enrol."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from learning.models import LearnerProfile, MembershipRole
from organisations.models import EmailOptOut, EmailSend, Enrolment
from tests.factories import make_module, make_programme, translate_page
from tests.organisations.conftest import sign_in
from tests.organisations.team_helpers import progress

TEAM = reverse("organisations:team")


def remind(client, world):
    url = reverse("organisations:remind_not_started", args=[world["programme"].translation_key])
    return client.post(url, follow=True)


# -- reminders -------------------------------------------------------------------


def test_reminder_goes_to_those_who_have_not_started_in_their_language(client, org_world):
    w = org_world
    progress(w["member_a1"], w["modules"][0])
    translate_page(w["programme"], "et")
    LearnerProfile.objects.filter(user=w["admin_a"]).update(preferred_language="en")
    sign_in(client, w, "admin_a")
    response = remind(client, w)
    assert "A reminder was sent to 2 people who have not started." in response.content.decode()
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {"anu.admin@tartu.example", "kati@tartu.example"}
    # Kati reads Estonian: her e-mail is in Estonian and links the Estonian programme.
    kati = by_address["kati@tartu.example"]
    assert "Alusta siit:" in kati.body
    assert "Start here:" in by_address["anu.admin@tartu.example"].body
    assert "/et/" in kati.body
    assert "Tartu Vesi" in kati.body
    assert "Water programme" in kati.subject
    assert "/en/" in by_address["anu.admin@tartu.example"].body
    # One click unsubscribes, from the text or the mail program's own button.
    assert "/et/email/unsubscribe/" in kati.extra_headers["List-Unsubscribe"]
    assert "/et/email/unsubscribe/" in kati.body
    # Each send is recorded with its own key, plus the batch.
    sends = EmailSend.objects.filter(kind="team_reminder")
    assert {s.user for s in sends} == {w["admin_a"], w["member_a2"]}
    assert EmailSend.objects.filter(kind="team_reminder_batch", organisation=w["a"]).count() == 1


def test_a_second_reminder_within_the_interval_is_refused_clearly(client, org_world):
    sign_in(client, org_world, "admin_a")
    remind(client, org_world)
    sent = len(mail.outbox)
    response = remind(client, org_world)
    html = response.content.decode()
    assert "A reminder for this programme was sent on" in html
    assert "You can send the next one after" in html
    assert len(mail.outbox) == sent
    assert EmailSend.objects.filter(kind="team_reminder_batch").count() == 1
    # The page says when the last one went.
    assert "Last reminder sent" in client.get(TEAM).content.decode()


def test_after_the_interval_the_team_can_be_reminded_again(client, org_world):
    sign_in(client, org_world, "admin_a")
    remind(client, org_world)
    EmailSend.objects.update(sent_at=timezone.now() - timedelta(hours=25))
    mail.outbox.clear()
    response = remind(client, org_world)
    assert "A reminder was sent to 3 people" in response.content.decode()
    assert len(mail.outbox) == 3


@override_settings(TEAM_REMINDER_INTERVAL_HOURS=1)
def test_the_interval_comes_from_the_settings(client, org_world):
    sign_in(client, org_world, "admin_a")
    remind(client, org_world)
    EmailSend.objects.update(sent_at=timezone.now() - timedelta(hours=2))
    mail.outbox.clear()
    remind(client, org_world)
    assert len(mail.outbox) == 3


def test_the_interval_is_per_programme_and_per_organisation(client, org_world):
    w = org_world
    other = make_programme(w["home"], [w["modules"][0]], title="Second programme")
    Enrolment.objects.create(organisation=w["a"], programme_key=other.translation_key)
    Enrolment.objects.create(organisation=w["b"], programme_key=w["programme"].translation_key)
    sign_in(client, w, "admin_a")
    remind(client, w)
    client.post(reverse("organisations:remind_not_started", args=[other.translation_key]))
    sign_in(client, w, "admin_b")
    remind(client, w)
    assert EmailSend.objects.filter(kind="team_reminder_batch").count() == 3


def test_opted_out_addresses_are_not_emailed(client, org_world):
    EmailOptOut.objects.create(email="KATI@tartu.example")
    sign_in(client, org_world, "admin_a")
    response = remind(client, org_world)
    html = response.content.decode()
    assert "1 person has unsubscribed from reminders and was not e-mailed." in html
    assert "kati@tartu.example" not in [m.to[0] for m in mail.outbox]
    assert not EmailSend.objects.filter(user=org_world["member_a2"]).exists()


def test_nobody_to_remind_sends_nothing_and_keeps_the_next_reminder_free(client, org_world):
    w = org_world
    for user in (w["admin_a"], w["member_a1"], w["member_a2"]):
        progress(user, w["modules"][1])
    sign_in(client, w, "admin_a")
    response = remind(client, w)
    assert "There was nobody to remind" in response.content.decode()
    assert not mail.outbox and not EmailSend.objects.exists()


def test_reminders_are_posted_only(client, org_world):
    sign_in(client, org_world, "admin_a")
    url = reverse("organisations:remind_not_started", args=[org_world["programme"].translation_key])
    assert client.get(url).status_code == 405
    assert not mail.outbox


# -- removing members -----------------------------------------------------------------


def test_removing_a_member_asks_first_then_takes_them_out(client, org_world):
    w = org_world
    progress(w["member_a1"], w["modules"][0], completed=True)
    sign_in(client, w, "admin_a")
    url = reverse("organisations:remove_member", args=[w["member_a1"].learner_profile.pk])
    html = client.get(url).content.decode()
    assert "Remove Mati Maasikas" in html and "mati@tartu.example" in html
    assert LearnerProfile.objects.get(user=w["member_a1"]).organisation == w["a"]
    response = client.post(url, follow=True)
    assert "Mati Maasikas is no longer a member of Tartu Vesi." in response.content.decode()
    profile = LearnerProfile.objects.get(user=w["member_a1"])
    assert (profile.organisation, profile.organisation_role) == (None, "")
    # Their own records stay theirs.
    assert w["member_a1"].module_progress.count() == 1
    assert "Mati Maasikas" not in client.get(TEAM).content.decode()


def test_an_administrator_cannot_remove_themselves_here(client, org_world):
    sign_in(client, org_world, "admin_a")
    url = reverse("organisations:remove_member", args=[org_world["admin_a"].learner_profile.pk])
    response = client.post(url)
    assert response.status_code == 400
    assert "You cannot remove yourself" in response.content.decode()
    assert LearnerProfile.objects.get(user=org_world["admin_a"]).administers_organisation


def test_another_administrator_can_be_removed(client, org_world):
    w = org_world
    LearnerProfile.objects.filter(user=w["member_a1"]).update(organisation_role="administrator")
    sign_in(client, w, "admin_a")
    client.post(reverse("organisations:remove_member", args=[w["member_a1"].learner_profile.pk]))
    assert LearnerProfile.objects.get(user=w["member_a1"]).organisation is None


# -- roles ----------------------------------------------------------------------------


def set_role(client, user, role):
    url = reverse("organisations:set_role", args=[user.learner_profile.pk])
    return client.post(url, {"role": role})


def test_a_member_can_be_made_administrator_and_back(client, org_world):
    w = org_world
    sign_in(client, w, "admin_a")
    response = set_role(client, w["member_a1"], "administrator")
    assert response.status_code == 302
    assert LearnerProfile.objects.get(user=w["member_a1"]).administers_organisation
    html = client.get(TEAM).content.decode()
    assert "Mati Maasikas is now an administrator of Tartu Vesi." in html
    set_role(client, w["member_a1"], "member")
    profile = LearnerProfile.objects.get(user=w["member_a1"])
    assert profile.organisation_role == MembershipRole.MEMBER


def test_the_last_administrator_cannot_step_down(client, org_world):
    w = org_world
    sign_in(client, w, "admin_a")
    html = client.get(TEAM).content.decode()
    assert "Make member" not in html
    response = set_role(client, w["admin_a"], "member")
    assert response.status_code == 400
    assert "at least one administrator" in response.content.decode()
    assert LearnerProfile.objects.get(user=w["admin_a"]).administers_organisation


def test_an_administrator_may_step_down_when_another_remains(client, org_world):
    w = org_world
    LearnerProfile.objects.filter(user=w["member_a1"]).update(organisation_role="administrator")
    sign_in(client, w, "admin_a")
    response = set_role(client, w["admin_a"], "member")
    assert response["Location"] == reverse("learning:dashboard")
    assert not LearnerProfile.objects.get(user=w["admin_a"]).administers_organisation
    assert client.get(TEAM).status_code == 403


def test_an_unknown_role_is_refused(client, org_world):
    sign_in(client, org_world, "admin_a")
    response = set_role(client, org_world["member_a1"], "owner")
    assert response.status_code == 400
    assert LearnerProfile.objects.get(user=org_world["member_a1"]).organisation_role == "member"


# -- enrolments -----------------------------------------------------------------------

ENROLMENTS = reverse("organisations:enrolments")


def test_an_administrator_enrols_the_team_with_a_due_date(client, org_world):
    w = org_world
    other = make_programme(w["home"], [make_module(w["index"], "Backups")], title="Backups")
    sign_in(client, w, "admin_a")
    html = client.get(ENROLMENTS).content.decode()
    assert "Water programme" in html
    # A programme already enrolled in is not offered again.
    offered = html.split('id="enrol-heading"')[1]
    assert "Water programme" not in offered and "Backups" in offered
    due = date.today() + timedelta(days=60)
    response = client.post(
        ENROLMENTS,
        {
            "action": "enrol",
            "enrol-programme": str(other.translation_key),
            "enrol-due_date": due.isoformat(),
        },
        follow=True,
    )
    assert "Your organisation is enrolled in Backups." in response.content.decode()
    enrolment = Enrolment.objects.get(organisation=w["a"], programme_key=other.translation_key)
    assert enrolment.due_date == due and enrolment.enrolled_by == w["admin_a"]
    assert "Backups" in client.get(TEAM).content.decode()


def test_enrolling_without_a_due_date(client, org_world):
    w = org_world
    other = make_programme(w["home"], [w["modules"][0]], title="Basics")
    sign_in(client, w, "admin_a")
    client.post(ENROLMENTS, {"action": "enrol", "enrol-programme": str(other.translation_key)})
    assert Enrolment.objects.get(programme_key=other.translation_key).due_date is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("9999-12-31", "within the next five years"),
        ("0001-01-01", "cannot be in the past"),
        ("10000-01-01", "Enter a real date"),
        ("2026-02-30", "Enter a real date"),
        ("yesterday", "Enter a real date"),
    ],
)
def test_dates_at_the_ends_of_the_calendar_are_form_errors(client, org_world, value, message):
    w = org_world
    other = make_programme(w["home"], [w["modules"][0]], title="Basics")
    sign_in(client, w, "admin_a")
    response = client.post(
        ENROLMENTS,
        {
            "action": "enrol",
            "enrol-programme": str(other.translation_key),
            "enrol-due_date": value,
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "error-summary" in html and message in html
    assert not Enrolment.objects.filter(programme_key=other.translation_key).exists()

    pk = w["enrolment"].pk
    response = client.post(
        ENROLMENTS, {"action": "due_date", "enrolment": pk, f"due-{pk}-due_date": value}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Enrolment.objects.get(pk=pk).due_date == w["enrolment"].due_date


def test_a_forged_programme_is_a_form_error(client, org_world):
    sign_in(client, org_world, "admin_a")
    response = client.post(ENROLMENTS, {"action": "enrol", "enrol-programme": "not-a-programme"})
    assert response.status_code == 400
    assert "Choose one of the programmes in the list." in response.content.decode()
    # Already enrolled: not offered, so refused too.
    response = client.post(
        ENROLMENTS,
        {"action": "enrol", "enrol-programme": str(org_world["programme"].translation_key)},
    )
    assert response.status_code == 400
    assert Enrolment.objects.count() == 1


def test_the_due_date_can_be_changed_or_cleared(client, org_world):
    w = org_world
    pk = w["enrolment"].pk
    sign_in(client, w, "admin_a")
    later = date.today() + timedelta(days=90)
    response = client.post(
        ENROLMENTS,
        {"action": "due_date", "enrolment": pk, f"due-{pk}-due_date": later.isoformat()},
        follow=True,
    )
    assert "The due date has been changed." in response.content.decode()
    assert Enrolment.objects.get(pk=pk).due_date == later
    client.post(ENROLMENTS, {"action": "due_date", "enrolment": pk, f"due-{pk}-due_date": ""})
    assert Enrolment.objects.get(pk=pk).due_date is None


@pytest.mark.parametrize("enrolment", ["", "x", "999999"])
def test_a_missing_or_forged_enrolment_is_not_found(client, org_world, enrolment):
    sign_in(client, org_world, "admin_a")
    response = client.post(ENROLMENTS, {"action": "due_date", "enrolment": enrolment})
    assert response.status_code == 404


def test_an_unknown_action_is_a_clear_400(client, org_world):
    sign_in(client, org_world, "admin_a")
    response = client.post(ENROLMENTS, {"action": "explode"})
    assert response.status_code == 400
    assert "not recognised" in response.content.decode()


def test_ending_an_enrolment_asks_then_removes_it(client, org_world):
    w = org_world
    sign_in(client, w, "admin_a")
    url = reverse("organisations:enrolment_remove", args=[w["enrolment"].pk])
    assert "Water programme" in client.get(url).content.decode()
    assert Enrolment.objects.exists()
    response = client.post(url, follow=True)
    assert "no longer enrolled in Water programme" in response.content.decode()
    assert not Enrolment.objects.exists()
    assert "not enrolled in a programme yet" in client.get(TEAM).content.decode()
