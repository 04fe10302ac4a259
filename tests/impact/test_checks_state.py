"""Which check is open for a learner, and what they are told when none is."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from impact.checks import (
    FINISHED,
    MODULES_LEFT,
    RETENTION_LATER,
    STARTED,
    decide,
    gain_sentence,
    reason_messages,
)
from impact.models import KnowledgeRecord

TODAY = datetime.date(2026, 6, 1)
NOW = timezone.make_aware(datetime.datetime(2026, 3, 1, 12))


def state(record=None, *, total=2, started=0, completed=0):
    return decide(
        record,
        modules_total=total,
        modules_started=started,
        modules_completed=completed,
        today=TODAY,
    )


def taken(*occasions, due=None) -> KnowledgeRecord:
    record = KnowledgeRecord(retention_due_on=due)
    for occasion in occasions:
        setattr(record, f"{occasion}_at", NOW)
    return record


def test_the_baseline_is_open_before_any_module_is_begun():
    assert state().open == "baseline"
    assert state(started=1).open == ""


def test_a_learner_who_started_modules_is_told_why_there_is_no_baseline():
    started = state(started=1, completed=0)
    assert started.reason == STARTED
    assert reason_messages(started) == [
        "You already started the programme's modules, so a baseline check would not "
        "measure where you started.",
        "The final check opens once you have completed all 2 modules: 2 to go.",
    ]


def test_after_the_baseline_the_final_check_waits_for_every_module():
    waiting = state(taken("baseline"), started=1, completed=1)
    assert waiting.open == "" and waiting.reason == MODULES_LEFT
    assert "The final check opens once you have completed all 2 modules: 1 to go." in (
        reason_messages(waiting)
    )
    assert state(taken("baseline"), started=2, completed=2).open == "final"


def test_the_final_check_opens_without_a_baseline_too():
    assert state(None, started=2, completed=2).open == "final"


@pytest.mark.parametrize(
    "due, expected_open, expected_reason",
    [
        (TODAY + datetime.timedelta(days=1), "", RETENTION_LATER),
        (TODAY, "retention", ""),
        (TODAY - datetime.timedelta(days=30), "retention", ""),
        (None, "", FINISHED),
    ],
)
def test_the_retention_check_opens_on_its_due_date(due, expected_open, expected_reason):
    result = state(taken("baseline", "final", due=due), started=2, completed=2)
    assert (result.open, result.reason) == (expected_open, expected_reason)


def test_each_check_is_taken_once():
    every = taken("baseline", "final", "retention", due=TODAY)
    assert state(every, started=2, completed=2).reason == FINISHED


def record(**scores) -> KnowledgeRecord:
    row = KnowledgeRecord()
    for occasion, (correct, total) in scores.items():
        setattr(row, f"{occasion}_correct", correct)
        setattr(row, f"{occasion}_total", total)
        setattr(row, f"{occasion}_score", 100 * correct // total)
    if "baseline" in scores:
        row.baseline_at = NOW
    if "final" in scores:
        row.final_at = NOW + datetime.timedelta(days=30)
    if "retention" in scores:
        row.retention_at = row.final_at + datetime.timedelta(weeks=12, days=3)
    return row


def test_the_gain_sentence_names_both_scores():
    assert (
        gain_sentence(record(baseline=(4, 10), final=(9, 10)))
        == "You answered 4 of 10 before the programme and 9 of 10 after it."
    )


def test_the_gain_sentence_adds_the_retention_check_and_the_weeks_since():
    assert gain_sentence(record(baseline=(4, 10), final=(9, 10), retention=(8, 10))) == (
        "You answered 4 of 10 before the programme, 9 of 10 after it and 8 of 10 12 weeks later."
    )


def test_the_gain_sentence_with_one_measure_says_only_that():
    assert gain_sentence(record(baseline=(4, 10))) == "You answered 4 of 10 before the programme."
    assert gain_sentence(record(final=(9, 10))) == "You answered 9 of 10 after the programme."
    assert gain_sentence(None) == "" and gain_sentence(KnowledgeRecord()) == ""
