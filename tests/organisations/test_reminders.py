"""The reminder job: due-date reminders, renewal reminders and weekly digests, each sent once."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from learning.models import Certificate
from organisations.emails import unsubscribe_token
from organisations.models import EmailOptOut, EmailSend, Enrolment
from organisations.reminders import due_occasion, send_reminders
from tests.factories import record_attempt

pytestmark = pytest.mark.django_db


def sent_to(address: str) -> list:
    return [m for m in mail.outbox if address in m.to]


def run(org_world, days_from_due: int):
    due = org_world["enrolment"].due_date
    return send_reminders(today=due + timedelta(days=days_from_due))


def unsubscribe_link(message) -> str:
    return re.search(r"<(http[^>]+)>", message.extra_headers["List-Unsubscribe"]).group(1)


@pytest.mark.parametrize(
    ("days_left", "occasion"),
    [
        (30, None),
        (15, None),
        (14, "before-14"),
        (4, "before-14"),
        (3, "before-3"),
        (1, "before-3"),
        (0, "due"),
        (-1, "overdue-0"),
        (-7, "overdue-0"),
        (-8, "overdue-1"),
    ],
)
def test_the_latest_occasion_counts(days_left, occasion):
    due = date(2027, 3, 1)
    assert due_occasion(due - timedelta(days=days_left), due, [14, 3], 7) == occasion


def test_each_member_gets_one_reminder_in_their_language_however_often_the_job_runs(org_world):
    report = run(org_world, -3)
    assert report.due == 3  # the administrator and two members of A; nobody of B or C
    run(org_world, -3)
    call_command("send_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    message = sent_to("mati@tartu.example")
    assert len(message) == 1
    # Estonian, as Mati prefers; the organisation and the programme are named.
    assert "Tartu Vesi" in message[0].body
    assert "Water programme" in message[0].body
    assert message[0].subject == "Water programme: tähtaeg on 3 päeva pärast"
    assert message[0].body.startswith("Tere, Mati Maasikas!")
    assert message[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert not sent_to("boris@narva.example")
    assert not sent_to("claire@brest.example")


def test_nobody_who_completed_the_programme_is_reminded(org_world):
    for module in org_world["modules"]:
        record_attempt(org_world["member_a1"], module)
    run(org_world, 0)
    assert not sent_to("mati@tartu.example")
    assert len(sent_to("kati@tartu.example")) == 1


def test_overdue_reminders_repeat_every_n_days_up_to_the_maximum(org_world):
    programme = org_world["programme"]
    programme.max_reminders = 3
    programme.save_revision().publish()
    for day in (-14, -3, 0, 1, 3, 8, 15, 22, 29):
        run(org_world, day)
    # before-14, before-3 and due reach the maximum of three; nothing after.
    assert len(sent_to("kati@tartu.example")) == 3

    programme.max_reminders = 10
    programme.save_revision().publish()
    run(org_world, 29)
    assert len(sent_to("kati@tartu.example")) == 4


def test_an_e_mail_another_server_recorded_is_not_sent_again(org_world):
    enrolment = org_world["enrolment"]
    kati = org_world["member_a2"]
    EmailSend.objects.create(
        key=f"due:{enrolment.pk}:{kati.pk}:{enrolment.due_date.isoformat()}:due",
        kind=f"due:{enrolment.pk}",
        user=kati,
    )
    run(org_world, 0)
    assert not sent_to("kati@tartu.example")
    assert len(sent_to("mati@tartu.example")) == 1


def test_organisations_waiting_for_approval_get_no_reminders(org_world):
    Enrolment.objects.create(
        organisation=org_world["pending"],
        programme_key=org_world["programme"].translation_key,
        due_date=org_world["enrolment"].due_date,
    )
    report = run(org_world, 0)
    assert report.due == 3


def test_one_click_unsubscribe_is_honoured(org_world):
    run(org_world, -14)
    link = unsubscribe_link(sent_to("kati@tartu.example")[0])
    # A mail program posts without a session or CSRF cookie (RFC 8058).
    mail_program = Client(enforce_csrf_checks=True)
    answer = mail_program.post(link, "List-Unsubscribe=One-Click", content_type="text/plain")
    assert answer.status_code == 200
    assert EmailOptOut.objects.filter(email="kati@tartu.example").exists()
    run(org_world, -3)
    assert len(sent_to("kati@tartu.example")) == 1
    assert len(sent_to("mati@tartu.example")) == 2


def test_the_unsubscribe_page_asks_first_and_can_be_undone(org_world, client):
    token = unsubscribe_token("Kati@Tartu.example ")
    page = client.get(f"/et/email/unsubscribe/{token}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "k***@tartu.example" in text
    assert "kati@tartu.example" not in text
    assert not EmailOptOut.objects.exists()
    client.post(f"/et/email/unsubscribe/{token}/")
    assert EmailOptOut.objects.filter(email="kati@tartu.example").count() == 1
    client.post(f"/et/email/unsubscribe/{token}/")
    assert EmailOptOut.objects.count() == 1
    client.post(f"/et/email/unsubscribe/{token}/", {"action": "resubscribe"})
    assert not EmailOptOut.objects.exists()


@pytest.mark.parametrize("token", ["forged", "a" * 5000, unsubscribe_token("x@y.example")[:-3]])
def test_a_forged_or_cut_unsubscribe_link_gets_a_clear_page(client, org_world, token):
    for method in (client.get, client.post):
        answer = method(f"/en/email/unsubscribe/{token}/")
        assert answer.status_code == 400
        assert "not valid" in answer.content.decode()
    assert not EmailOptOut.objects.exists()


def test_a_certificate_that_ends_soon_gets_one_renewal_reminder(org_world):
    mati = org_world["member_a1"]
    first = org_world["modules"][0]
    record_attempt(mati, first)
    Certificate.objects.filter(user=mati, kind="module").update(
        valid_until=timezone.now() + timedelta(days=20)
    )
    assert send_reminders().renewal == 1
    assert send_reminders().renewal == 0
    (message,) = [m for m in sent_to("mati@tartu.example") if first.title in m.body]
    assert "List-Unsubscribe" in message.extra_headers


def test_administrators_get_a_weekly_digest_once_a_week(org_world):
    mati = org_world["member_a1"]
    for module in org_world["modules"]:
        record_attempt(mati, module)
    monday = date(2027, 3, 1)
    assert send_reminders(today=monday).digest == 1
    assert send_reminders(today=monday + timedelta(days=3)).digest == 0
    digest = [m for m in sent_to("anu.admin@tartu.example") if "Tartu Vesi" in m.subject]
    assert len(digest) == 1
    # Team figures only, in Estonian: one of three completed, nobody named.
    assert "Lõpetanud: 1 / 3" in digest[0].body
    assert "Alustamata: 2" in digest[0].body
    assert "Mati" not in digest[0].body
    assert send_reminders(today=monday + timedelta(days=7)).digest == 1
    # Members are not administrators; Narva Vesi has no enrolment.
    assert not [m for m in sent_to("mati@tartu.example") if "Tartu Vesi" in m.subject]
    assert not sent_to("boris@narva.example")
