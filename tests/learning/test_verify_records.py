"""manage.py verify_records: progress rows recomputed from the attempts."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from demo.synthetic import generate_activity
from learning.models import Certificate, ModuleProgress, QuestionResult, QuizAttempt
from tests.factories import make_learner, record_attempt


def verify(*args) -> tuple[str, str | None]:
    """(output, error message or None) of one run of the command."""
    out = io.StringIO()
    try:
        call_command("verify_records", *args, stdout=out)
    except CommandError as error:
        return out.getvalue(), str(error)
    return out.getvalue(), None


def assert_reported(*differences: str) -> None:
    """The command fails and lists each of these differences."""
    output, error = verify()
    assert error is not None
    for difference in differences:
        assert difference in output


@pytest.fixture
def records(module, learner, water):
    """A learner who failed then passed; another who failed once; synthetic learners."""
    record_attempt(learner, module, passed=False)
    record_attempt(learner, module, passed=True)
    other = make_learner("jaan@example.com", sector=water)
    record_attempt(other, module, passed=False)
    generate_activity(learners=30, seed=3, prefix="verify")
    return {
        "passed": ModuleProgress.objects.get(user=learner),
        "failed": ModuleProgress.objects.get(user=other),
    }


def test_consistent_records_pass(records):
    assert QuizAttempt.objects.count() > 20
    output, error = verify()
    assert error is None
    assert "Progress rows agree with the attempts." in output


def test_every_kind_of_corruption_is_reported_with_a_failing_exit(records):
    passed, failed = records["passed"], records["failed"]
    ModuleProgress.objects.filter(pk=passed.pk).update(
        attempt_count=5, best_score=40, first_attempt_passed=True
    )
    ModuleProgress.objects.filter(pk=failed.pk).update(
        completed_at=timezone.now(), completed_language="et"
    )
    output, error = verify()
    assert error == "5 difference(s) between progress rows and attempts."
    assert f"progress {passed.pk}: attempt_count is 5, the attempts say 2" in output
    assert f"progress {passed.pk}: best_score is 40, the attempts say 100" in output
    assert f"progress {passed.pk}: first_attempt_passed is 1, the attempts say 0" in output
    assert f"progress {failed.pk}: completed although no attempt passed" in output
    assert f"progress {failed.pk}: completed but has no certificate" in output


def test_lost_completion_and_lost_answers_are_reported(records):
    passed = records["passed"]
    ModuleProgress.objects.filter(pk=passed.pk).update(completed_at=None)
    second = QuizAttempt.objects.get(progress=passed, number=2)
    QuestionResult.objects.filter(attempt=second).first().delete()
    assert_reported(
        f"progress {passed.pk}: completed_at is None",
        f"progress {passed.pk}: completion language does not match the completion",
        f"attempt {second.pk}: question results",
    )


def test_a_missing_attempt_shows_as_a_gap_and_a_wrong_count(records):
    passed = records["passed"]
    QuizAttempt.objects.get(progress=passed, number=1).delete()
    assert_reported(
        f"progress {passed.pk}: attempt_count is 2, the attempts say 1",
        f"progress {passed.pk}: attempt numbers have gaps",
        f"progress {passed.pk}: first_attempt_passed is 0, the attempts say None",
    )


def test_fix_rewrites_the_derived_fields_from_the_attempts(records):
    passed = records["passed"]
    first_pass = QuizAttempt.objects.get(progress=passed, passed=True)
    ModuleProgress.objects.filter(pk=passed.pk).update(
        attempt_count=9, best_score=None, first_attempt_passed=None, completed_at=None
    )
    synthetic = ModuleProgress.objects.filter(attempt_count__gt=1).exclude(pk=passed.pk)
    ModuleProgress.objects.filter(pk__in=synthetic.values("pk")[:5]).update(attempt_count=0)
    output, error = verify("--fix")
    assert error is None, output
    assert "Rewrote the derived fields of 6 progress row(s)." in output
    passed.refresh_from_db()
    assert passed.attempt_count == 2
    assert passed.best_score == 100
    assert passed.first_attempt_passed is False
    assert passed.completed_at == first_pass.submitted_at
    assert passed.completed_language == first_pass.language
    assert verify() == ("Progress rows agree with the attempts.\n", None)


def test_what_cannot_be_derived_is_not_fixed(records):
    failed = records["failed"]
    ModuleProgress.objects.filter(pk=failed.pk).update(
        completed_at=timezone.now(), completed_language="et"
    )
    output, error = verify("--fix")
    assert error == "2 difference(s) between progress rows and attempts."
    failed.refresh_from_db()
    assert failed.completed_at is not None  # left for a person to decide


def test_erased_learners_records_still_verify(records, learner):
    from learning.privacy import erase_learner

    erase_learner(learner)
    assert Certificate.objects.filter(user=None).exists()
    assert verify()[1] is None


def test_only_the_first_differences_are_listed(records):
    ModuleProgress.objects.update(attempt_count=99)
    rows = ModuleProgress.objects.count()
    output, error = verify("--show", "3")
    assert error == f"{rows} difference(s) between progress rows and attempts."
    assert output.count("attempt_count is 99") == 3
    assert f"… and {rows - 3} more." in output


def test_generated_data_grows_without_clashing_with_what_it_generated_before(records):
    """`make bench` generates its learners, then ten times more with the same seed."""
    before = QuizAttempt.objects.count()
    generate_activity(learners=60, seed=3, prefix="verify")
    assert QuizAttempt.objects.count() > before
    output, error = verify()
    assert error is None, output
