"""Retention check invitations: one e-mail per learner once the check opens, through the reminder job."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from impact.models import KnowledgeRecord
from learning.privacy import erase_learner
from modules.models import KnowledgeCheckPage
from organisations.models import EmailOptOut, EmailSend
from organisations.reminders import send_reminders
from tests.factories import (
    RegionFactory,
    choice_item,
    choice_question,
    make_learner,
    make_module,
    make_programme,
    translate_page,
)

pytestmark = pytest.mark.django_db

DUE = date(2027, 3, 1)


@pytest.fixture
def world(site_pages):
    home, index = site_pages
    programme = make_programme(home, [make_module(index, "Phishing at the utility")])
    check = KnowledgeCheckPage(
        title="Knowledge check",
        slug="knowledge-check",
        questions=[
            choice_question(
                "single_choice",
                "Which port does RDP use by default?",
                [choice_item("3389", True), choice_item("22")],
            )
        ],
        questions_per_check=1,
        retention_weeks=12,
        locale=programme.locale,
    )
    programme.add_child(instance=check)
    check.save_revision().publish()
    return {"programme": programme, "check": check, "region": RegionFactory()}


def record(user, programme, *, due=DUE, retention_score=None) -> KnowledgeRecord:
    final_at = timezone.now() - timedelta(weeks=12)
    return KnowledgeRecord.objects.create(
        user=user,
        programme_key=programme.translation_key,
        baseline_score=40,
        final_score=90,
        final_at=final_at,
        retention_due_on=due,
        retention_score=retention_score,
        retention_at=final_at + timedelta(weeks=13) if retention_score is not None else None,
        counts_in_statistics=True,
    )


def invitations_to(address: str) -> list:
    return [m for m in mail.outbox if address in m.to]


def test_a_learner_is_invited_once_when_the_check_opens_however_often_the_job_runs(world):
    user = make_learner("mari@example.com", language="en", region=world["region"])
    record(user, world["programme"])

    report = send_reminders(today=DUE)
    assert report.other == {"retention check invitations": 1}
    send_reminders(today=DUE)
    send_reminders(today=DUE + timedelta(days=30))

    [message] = invitations_to("mari@example.com")
    assert "Water programme" in message.subject
    assert "Hello Mari Maasikas," in message.body
    assert "/en/water-programme/knowledge-check/" in message.body
    assert "90%" in message.body  # their final score, to compare with
    assert "List-Unsubscribe" in message.extra_headers


def test_the_command_says_how_many_invitations_it_queued(world):
    user = make_learner("mari@example.com", language="en", region=world["region"])
    record(user, world["programme"], due=timezone.localdate())
    output = io.StringIO()
    call_command("send_reminders", stdout=output)
    assert "1 retention check invitations" in output.getvalue()
    assert output.getvalue().startswith("Queued 1 e-mails:")


def test_nobody_is_invited_before_the_check_opens(world):
    user = make_learner("mari@example.com", language="en", region=world["region"])
    record(user, world["programme"])
    assert send_reminders(today=DUE - timedelta(days=1)).other["retention check invitations"] == 0
    assert mail.outbox == []


def test_a_learner_who_took_the_retention_check_is_not_invited(world):
    user = make_learner("mari@example.com", language="en", region=world["region"])
    record(user, world["programme"], retention_score=80)
    send_reminders(today=DUE + timedelta(days=7))
    assert mail.outbox == []


def test_a_learner_who_unsubscribed_from_reminders_is_not_invited(world):
    user = make_learner("Mari@Example.com", language="en", region=world["region"])
    record(user, world["programme"])
    EmailOptOut.objects.create(email="mari@example.com")
    send_reminders(today=DUE)
    assert mail.outbox == []
    assert not EmailSend.objects.filter(kind="retention").exists()


def test_an_erased_learner_is_not_invited_and_their_record_stays_anonymous(world):
    user = make_learner("mari@example.com", language="en", region=world["region"])
    kept = record(user, world["programme"])
    erase_learner(user)
    send_reminders(today=DUE)
    assert mail.outbox == []
    kept.refresh_from_db()
    assert kept.user_id is None and kept.final_score == 90


def test_the_invitation_is_in_the_learners_language_and_links_to_the_check_in_it(world):
    programme_et = translate_page(world["programme"], "et")
    translate_page(world["check"], "et")
    user = make_learner("mari@example.com", language="et", region=world["region"])
    record(user, world["programme"])
    send_reminders(today=DUE)
    [message] = invitations_to("mari@example.com")
    assert f"/et/{programme_et.slug}/knowledge-check/" in message.body
    # The whole e-mail is rendered in Estonian: its unsubscribe link too.
    assert "/et/email/unsubscribe/" in message.body
    assert "/en/" not in message.body


def test_without_a_check_in_their_language_the_learner_gets_the_one_there_is(world):
    user = make_learner("mari@example.com", language="fr", region=world["region"])
    record(user, world["programme"])
    send_reminders(today=DUE)
    [message] = invitations_to("mari@example.com")
    assert "/en/water-programme/knowledge-check/" in message.body


def test_no_invitation_without_a_live_check_and_one_once_it_is_published_again(world):
    user = make_learner("mari@example.com", language="en", region=world["region"])
    record(user, world["programme"])
    world["check"].unpublish()
    send_reminders(today=DUE)
    assert mail.outbox == []
    world["check"].save_revision().publish()
    send_reminders(today=DUE + timedelta(days=1))
    assert len(invitations_to("mari@example.com")) == 1


def test_an_invitation_another_server_recorded_is_not_sent_again(world):
    user = make_learner("mari@example.com", language="en", region=world["region"])
    kept = record(user, world["programme"])
    EmailSend.objects.create(
        key=f"retention:{user.pk}:{kept.programme_key}", kind="retention", user=user
    )
    send_reminders(today=DUE)
    assert mail.outbox == []


def test_two_programmes_give_two_invitations(world, site_pages):
    home, index = site_pages
    other = make_programme(home, [make_module(index, "Backups")], title="Second programme")
    check = KnowledgeCheckPage(
        title="Check",
        slug="check",
        questions=world["check"].questions.raw_data,
        locale=other.locale,
        retention_weeks=4,
    )
    other.add_child(instance=check)
    check.save_revision().publish()
    user = make_learner("mari@example.com", language="en", region=world["region"])
    record(user, world["programme"])
    record(user, other)
    send_reminders(today=DUE)
    assert len(invitations_to("mari@example.com")) == 2


def test_the_subject_names_the_programme_as_written(world):
    world["programme"].title = "Veevärgi küberkoolitus: l'essentiel & more"
    world["programme"].save_revision().publish()
    user = make_learner("mari@example.com", language="en", region=world["region"])
    record(user, world["programme"])
    send_reminders(today=DUE)
    [message] = invitations_to("mari@example.com")
    assert message.subject.startswith("Veevärgi küberkoolitus: l'essentiel & more")
