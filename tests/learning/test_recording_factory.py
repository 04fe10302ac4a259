"""tests.factories.record_attempt: histories recorded through the real submission code."""

import datetime

from django.utils import timezone

from learning.models import Certificate, ModuleProgress, QuestionResult
from learning.verification import count_differences
from tests.factories import make_learner, quiz_answers, record_attempt


def test_an_attempt_in_the_past_in_another_language_is_a_consistent_record(module, water):
    learner = make_learner("past@example.com", sector=water, size="micro")
    failed_at = timezone.now() - datetime.timedelta(days=40)
    passed_at = failed_at + datetime.timedelta(days=3)

    failed = record_attempt(learner, module, passed=False, at=failed_at, language="fr")
    passed = record_attempt(learner, module, at=passed_at, language="fr")

    assert (failed.number, failed.passed, failed.language) == (1, False, "fr")
    assert (passed.number, passed.passed, passed.score) == (2, True, 100)
    assert passed.submitted_at == passed_at
    progress = ModuleProgress.objects.get(user=learner)
    assert progress.started_at == failed_at
    assert progress.completed_at == passed_at
    assert progress.completed_language == "fr"
    assert progress.first_attempt_passed is False
    assert (progress.sector, progress.organisation_size) == (water, "micro")
    assert Certificate.objects.get(user=learner).completed_at == passed_at
    assert set(QuestionResult.objects.values_list("language", flat=True)) == {"fr"}
    assert count_differences() == 0


def test_partly_right_answers_score_their_share(module, learner):
    attempt = record_attempt(learner, module, answers=quiz_answers(module, right=2))
    assert (attempt.correct_count, attempt.score, attempt.passed) == (2, 66, False)
