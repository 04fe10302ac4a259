"""What a source of figures returns, whichever it reads (the cells or the rows).

Both sources (`sources.cells`, `sources.live`) sum up, per group, what each
learner did, and turn those sums into the same `Totals` here: one
conversion, so that an average or a count can never mean one thing when
read from the cells and another when read from the rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class Totals:
    """What the learners of one group did (a region, a module, a month …).

    `key` is the group's value (None for a total without groups)."""

    key: object = None
    # Learners who started, and who completed, at least one module.
    started: int = 0
    completed: int = 0
    # Modules completed, counted once per learner and module.
    completions: int = 0
    # Average best score of the completed modules that have one.
    average_best_score: float | None = None
    # Learners with a first attempt, first attempts, and those that passed.
    learners_with_attempts: int = 0
    first_attempts: int = 0
    first_attempts_passed: int = 0


NONE = Totals()


def totals(
    key: object,
    started,
    completed,
    completions,
    score_sum,
    score_count,
    tried=0,
    tries=0,
    passes=0,
) -> Totals:
    """One group's figures from the per-learner sums (None where SQL summed no row).

    `started`, `completed`, `tried`: learners who did so; `completions`,
    `tries`, `passes`: modules; `score_sum` and `score_count`: the best scores
    of the completed modules that have one."""
    return Totals(
        key=key,
        started=int(started or 0),
        completed=int(completed or 0),
        completions=int(completions or 0),
        average_best_score=float(score_sum) / float(score_count) if score_count else None,
        learners_with_attempts=int(tried or 0),
        first_attempts=int(tries or 0),
        first_attempts_passed=int(passes or 0),
    )


def totals_from_rows(rows: Iterable[Sequence]) -> list[Totals]:
    """Per-group figures from rows of (group key, then the sums `totals` takes, in order)."""
    return [totals(*row) for row in rows]


class FunnelCounts(NamedTuple):
    """A programme's learners who started any of its modules, and who completed all of them."""

    started: int = 0
    completed_all: int = 0


class AnswerTotals(NamedTuple):
    """Answers to one question, in one language ("" for all languages together).

    `learners` counts the learners' records with an answer (one per learner
    and module)."""

    question_id: str
    language: str
    learners: int
    answers: int
    correct: int


class OptionTotals(NamedTuple):
    """Learners whose first attempt chose one option of a question (`choice_id`),
    or, with `choice_id` "", who answered the question at all on it."""

    question_id: str
    choice_id: str
    learners: int
