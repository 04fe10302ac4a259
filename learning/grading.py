"""Grading: a pure function from a quiz definition and answers to a result.

Scoring rule (documented for editors in docs/architecture.md): every question
is worth the same, and a question is right only when the learner picked
exactly its correct answers, all-or-nothing. A multiple-choice question with
one wrong extra tick, or one correct answer missing, scores nothing; partial
credit would let "tick everything" earn points.

The score is the percentage of questions answered right, rounded down, and
the quiz is passed when the score reaches the module's pass mark.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from modules.quiz import Quiz


class InvalidSubmission(ValueError):
    """The answers cannot be graded: the message says why, for a person to read."""

    def __init__(self, message: str, question_errors: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        # question id -> message, for errors a learner can fix in the form
        self.question_errors = question_errors or {}


@dataclass(frozen=True)
class QuestionOutcome:
    question_id: str
    chosen: tuple[str, ...]
    is_correct: bool


@dataclass(frozen=True)
class GradeResult:
    outcomes: tuple[QuestionOutcome, ...]
    correct_count: int
    question_count: int
    score: int
    passed: bool


def validate_answers(
    quiz: Quiz, answers: Mapping[str, Sequence[str]]
) -> dict[str, tuple[str, ...]]:
    """Check answers against the quiz; return them normalised or raise InvalidSubmission.

    Tampering (questions or choices the quiz does not have, two answers to a
    single-choice question) is rejected outright; a missing answer is reported
    against its question so the learner can complete the form.
    """
    known = {q.id for q in quiz.questions}
    unknown = [qid for qid in answers if qid not in known]
    if unknown:
        raise InvalidSubmission(
            _(
                "The answers refer to questions that are not in this quiz. Reload the page and try again."
            )
        )
    normalised: dict[str, tuple[str, ...]] = {}
    missing: dict[str, str] = {}
    for question in quiz.questions:
        chosen = tuple(dict.fromkeys(answers.get(question.id, ())))  # drop repeats, keep order
        valid_ids = {c.id for c in question.choices}
        if any(choice_id not in valid_ids for choice_id in chosen):
            raise InvalidSubmission(
                _("An answer does not belong to its question. Reload the page and try again.")
            )
        if not question.allows_many and len(chosen) > 1:
            raise InvalidSubmission(
                _(
                    "A question that takes one answer received several. Reload the page and try again."
                )
            )
        if not chosen:
            missing[question.id] = (
                _("Select at least one answer.") if question.allows_many else _("Select an answer.")
            )
        normalised[question.id] = chosen
    if missing:
        raise InvalidSubmission(
            _("Please answer every question before submitting."), question_errors=missing
        )
    return normalised


def grade(quiz: Quiz, answers: Mapping[str, Sequence[str]], pass_mark: int) -> GradeResult:
    """Grade a submission. Raises InvalidSubmission when the answers cannot be graded."""
    if not quiz.questions:
        raise InvalidSubmission(_("This module has no quiz to submit."))
    normalised = validate_answers(quiz, answers)
    outcomes = tuple(
        QuestionOutcome(
            question_id=question.id,
            chosen=normalised[question.id],
            is_correct=frozenset(normalised[question.id]) == question.correct_ids,
        )
        for question in quiz.questions
    )
    correct = sum(1 for outcome in outcomes if outcome.is_correct)
    total = len(outcomes)
    score = (100 * correct) // total
    return GradeResult(
        outcomes=outcomes,
        correct_count=correct,
        question_count=total,
        score=score,
        passed=score >= pass_mark,
    )
