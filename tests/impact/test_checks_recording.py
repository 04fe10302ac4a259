"""Submitting a knowledge check: what is recorded, once, and what is refused."""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from impact.models import CheckAttempt, KnowledgeRecord
from learning.models import LearnerProfile
from tests.factories import RegionFactory, SectorFactory, make_learner, record_attempt
from tests.impact.conftest import answers_to


def nothing_written() -> bool:
    return not CheckAttempt.objects.exists() and not KnowledgeRecord.objects.exists()


def complete(learner, modules) -> None:
    for module in modules:
        record_attempt(learner, module)


def test_a_baseline_is_graded_and_recorded_with_the_learners_situation(
    learner_client, learner, check_page, drawn, post_check
):
    quiz = drawn(learner, check_page, "baseline")
    response = post_check(check_page, "baseline", answers_to(quiz, right=2))
    attempt = CheckAttempt.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("impact:check_result", args=[attempt.pk])
    assert (attempt.occasion, attempt.correct, attempt.total, attempt.score) == (
        "baseline",
        2,
        5,
        40,
    )
    assert attempt.question_ids == [question.id for question in quiz.questions]
    profile = LearnerProfile.objects.get(user=learner)
    record = KnowledgeRecord.objects.get(user=learner)
    assert (record.baseline_correct, record.baseline_total, record.baseline_score) == (2, 5, 40)
    assert record.baseline_at == attempt.created_at
    assert (record.region_id, record.sector_id, record.organisation_size) == (
        profile.region_id,
        profile.sector_id,
        "small",
    )
    assert record.counts_in_statistics is True and record.language == "en"
    assert record.final_at is None and record.retention_due_on is None


def test_the_same_form_sent_twice_records_once_and_shows_the_result(
    learner_client, learner, check_page, drawn, post_check
):
    answers = answers_to(drawn(learner, check_page, "baseline"))
    token = uuid.uuid4()
    first = post_check(check_page, "baseline", answers, token=token)
    again = post_check(check_page, "baseline", answers, token=token)
    assert again.status_code == 302 and again["Location"] == first["Location"]
    assert CheckAttempt.objects.count() == 1
    assert learner_client.get(again["Location"]).status_code == 200


def test_a_second_attempt_at_a_check_already_taken_is_refused(
    learner_client, learner, check_page, drawn, post_check
):
    answers = answers_to(drawn(learner, check_page, "baseline"), right=1)
    post_check(check_page, "baseline", answers)
    response = post_check(
        check_page, "baseline", answers_to(drawn(learner, check_page, "baseline"))
    )
    assert response.status_code == 409
    assert "You have already taken the baseline check." in response.content.decode()
    assert CheckAttempt.objects.count() == 1
    assert KnowledgeRecord.objects.get().baseline_correct == 1


def test_a_form_of_another_learner_is_not_theirs(learner, check_page, drawn, post_check):
    from django.test import Client

    token = uuid.uuid4()
    post_check(check_page, "baseline", answers_to(drawn(learner, check_page, "baseline")), token)
    other = make_learner("jaan@example.com")
    client = Client()
    client.force_login(other)
    response = post_check(
        check_page, "baseline", answers_to(drawn(other, check_page, "baseline")), token, client
    )
    assert response.status_code == 400
    assert not CheckAttempt.objects.filter(user=other).exists()


@pytest.mark.parametrize(
    "tamper, message",
    [
        (
            lambda answers, quiz, pool: {**answers, "q-not-a-question": ["x"]},
            "The answers refer to questions that are not in this check.",
        ),
        (
            lambda answers, quiz, pool: {**answers, f"q-{quiz.questions[0].id}": ["not-a-choice"]},
            "An answer does not belong to its question.",
        ),
        (
            lambda answers, quiz, pool: {
                **answers,
                **{
                    f"q-{question.id}": [question.choices[0].id]
                    for question in pool.questions
                    if question.id not in {q.id for q in quiz.questions}
                },
            },
            "The answers refer to questions you were not asked.",
        ),
    ],
    ids=["unknown-question", "unknown-choice", "question-not-drawn"],
)
def test_tampered_answers_are_refused_and_nothing_is_written(
    learner, check_page, drawn, post_check, tamper, message
):
    quiz = drawn(learner, check_page, "baseline")
    response = post_check(check_page, "baseline", tamper(answers_to(quiz), quiz, check_page.pool))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert nothing_written()


def test_a_check_that_is_not_open_is_refused(learner, check_page, drawn, post_check):
    response = post_check(check_page, "final", answers_to(drawn(learner, check_page, "final")))
    assert response.status_code == 409
    assert "This check is not open for you now." in response.content.decode()
    response = post_check(check_page, "whenever", answers_to(drawn(learner, check_page, "final")))
    assert response.status_code == 400
    assert nothing_written()


def test_a_page_that_is_not_a_check_is_refused(learner, check_page, modules, drawn, post_check):
    response = post_check(
        modules[0], "baseline", answers_to(drawn(learner, check_page, "baseline"))
    )
    assert response.status_code == 404
    assert "This check does not exist." in response.content.decode()
    assert nothing_written()


def test_refusals_speak_the_language_of_the_check(learner, check_page, drawn, post_check):
    from django.utils import translation
    from django.utils.translation import gettext

    from tests.factories import translate_page

    translate_page(check_page.get_parent().specific, "et")
    estonian = translate_page(check_page, "et")
    quiz = drawn(learner, estonian, "baseline")
    response = post_check(estonian, "baseline", {**answers_to(quiz), "q-nope": ["x"]})
    with translation.override("et"):
        heading = gettext("Your answers could not be recorded")
    assert response.status_code == 400
    assert heading in response.content.decode()
    assert '<html lang="et"' in response.content.decode()


def test_missing_answers_show_the_form_again_and_write_nothing(
    learner_client, learner, check_page, drawn, post_check
):
    quiz = drawn(learner, check_page, "baseline")
    answers = answers_to(quiz)
    missing = quiz.questions[2]
    del answers[f"q-{missing.id}"]
    response = post_check(check_page, "baseline", answers)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Please answer every question before submitting." in html
    assert f'href="#q-{missing.id}"' in html
    # The learner's choices are kept.
    first = quiz.questions[0]
    assert f'value="{sorted(first.correct_ids)[0]}" checked' in html
    assert nothing_written()


def test_the_final_check_sets_the_retention_date_and_keeps_the_baseline_situation(
    learner, check_page, modules, drawn, post_check
):
    post_check(check_page, "baseline", answers_to(drawn(learner, check_page, "baseline"), 1))
    baseline_region = LearnerProfile.objects.get(user=learner).region_id
    # The learner moves after the baseline: the record keeps where they started.
    LearnerProfile.objects.filter(user=learner).update(
        region=RegionFactory(code="SI", name="Slovenia", names={}, country="SI"),
        sector=SectorFactory(slug="energy"),
    )
    complete(learner, modules)
    response = post_check(check_page, "final", answers_to(drawn(learner, check_page, "final")))
    assert response.status_code == 302
    record = KnowledgeRecord.objects.get(user=learner)
    assert (record.final_correct, record.final_total, record.final_score) == (5, 5, 100)
    assert record.region_id == baseline_region
    assert record.retention_due_on == timezone.localdate(record.final_at) + datetime.timedelta(
        weeks=12
    )


def test_without_a_baseline_the_final_check_copies_the_situation(
    learner, check_page, modules, drawn, post_check
):
    complete(learner, modules)
    post_check(check_page, "final", answers_to(drawn(learner, check_page, "final")))
    record = KnowledgeRecord.objects.get(user=learner)
    profile = LearnerProfile.objects.get(user=learner)
    assert record.baseline_at is None and record.final_total == 5
    assert (record.region_id, record.sector_id) == (profile.region_id, profile.sector_id)


def test_no_retention_date_without_a_retention_delay(
    learner, check_page, modules, drawn, post_check
):
    check_page.retention_weeks = None
    check_page.save_revision().publish()
    complete(learner, modules)
    post_check(check_page, "final", answers_to(drawn(learner, check_page, "final")))
    assert KnowledgeRecord.objects.get(user=learner).retention_due_on is None


def test_the_retention_check_opens_on_its_date_and_is_recorded(
    learner, check_page, modules, drawn, post_check
):
    complete(learner, modules)
    post_check(check_page, "final", answers_to(drawn(learner, check_page, "final")))
    early = post_check(check_page, "retention", answers_to(drawn(learner, check_page, "retention")))
    assert early.status_code == 409
    KnowledgeRecord.objects.filter(user=learner).update(
        retention_due_on=timezone.localdate() - datetime.timedelta(days=1),
        final_at=timezone.now() - datetime.timedelta(weeks=12, days=1),
    )
    quiz = drawn(learner, check_page, "retention")
    assert post_check(check_page, "retention", answers_to(quiz, 4)).status_code == 302
    record = KnowledgeRecord.objects.get(user=learner)
    assert (record.retention_correct, record.retention_total, record.retention_score) == (4, 5, 80)
    assert CheckAttempt.objects.filter(user=learner).count() == 2


def test_a_learner_without_a_profile_is_sent_to_complete_it(check_page, post_check):
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    staff = get_user_model().objects.create_user("editor@example.com", "editor@example.com", "pw")
    client.force_login(staff)
    response = post_check(check_page, "baseline", {}, client=client)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("learning:profile"))
    assert nothing_written()


def test_visitors_are_asked_to_sign_in(check_page, post_check):
    from django.test import Client

    response = post_check(check_page, "baseline", {}, client=Client())
    assert response.status_code == 302 and reverse("learning:login") in response["Location"]
    assert nothing_written()


def test_an_oversized_form_is_refused(learner, check_page, post_check):
    response = post_check(check_page, "baseline", {"q-x": ["y" * 70_000]})
    assert response.status_code == 400
    assert "far too large to be a check form" in response.content.decode()
    assert nothing_written()
