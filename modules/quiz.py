"""A module's quiz as plain data, independent of how it is stored.

Rendering, grading and snapshots all read this structure, so the StreamField
layout is known in one place. Ids are the StreamField block ids, identical
in every translation of a module.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

SINGLE_CHOICE = "single_choice"
MULTIPLE_CHOICE = "multiple_choice"
TRUE_FALSE = "true_false"

# True/false questions have two fixed choices with these ids in every language.
TRUE_ID = "true"
FALSE_ID = "false"


@dataclass(frozen=True)
class Choice:
    id: str
    text: str
    is_correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    prompt: str
    choices: tuple[Choice, ...]
    explanation: str = ""
    # The id of the lesson heading block this question tests, or "".
    section_id: str = ""

    @property
    def section_anchor(self) -> str:
        """The fragment that leads to the tested lesson section on the module page, or ""."""
        return section_anchor(self.section_id) if self.section_id else ""

    @property
    def allows_many(self) -> bool:
        return self.kind == MULTIPLE_CHOICE

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(c.id for c in self.choices if c.is_correct)

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)


@dataclass(frozen=True)
class Quiz:
    questions: tuple[Question, ...] = field(default_factory=tuple)

    def __bool__(self) -> bool:
        return bool(self.questions)

    def __len__(self) -> int:
        return len(self.questions)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


def section_anchor(heading_block_id: str) -> str:
    """The HTML id of a lesson heading (blocks/heading.html), the same in every language."""
    return f"section-{heading_block_id}"


def quiz_from_stream(stream) -> Quiz:
    """Build a Quiz from a ModulePage.quiz StreamValue."""
    questions = []
    for block in stream:
        value = block.value
        if block.block_type == TRUE_FALSE:
            choices = (
                Choice(TRUE_ID, _("True"), bool(value["is_true"]), value["feedback_true"] or ""),
                Choice(FALSE_ID, _("False"), not value["is_true"], value["feedback_false"] or ""),
            )
            prompt = value["statement"]
        else:
            choices = tuple(
                Choice(
                    str(item.id),
                    item.value["text"],
                    bool(item.value["is_correct"]),
                    item.value["feedback"] or "",
                )
                for item in value["choices"].bound_blocks
            )
            prompt = value["prompt"]
        questions.append(
            Question(
                id=str(block.id),
                kind=block.block_type,
                prompt=prompt,
                choices=choices,
                explanation=value["explanation"] or "",
                section_id=value.get("section") or "",
            )
        )
    return Quiz(tuple(questions))


@dataclass(frozen=True)
class FormChoice:
    id: str
    text: str
    checked: bool


@dataclass(frozen=True)
class FormQuestion:
    """What the quiz form shows of a question: no hint of which answer is correct."""

    id: str
    prompt: str
    allows_many: bool
    choices: tuple[FormChoice, ...]
    error: str = ""


def display_order(
    questions: Sequence[tuple[str, int]],
    *,
    shuffle_questions: bool = False,
    shuffle_choices: bool = False,
    seed: str | int | None = None,
) -> list[tuple[int, list[int]]]:
    """The order in which the form shows a quiz, optionally shuffled with a repeatable seed.

    `questions` is each question's kind and number of choices, in quiz order;
    the result is each question's position in the quiz with the positions of
    its choices, in the order shown. Only positions are shuffled, so the same
    seed gives the same order to the form built from the quiz and to the one
    put together from cached pieces.
    """
    rng = random.Random(seed)  # noqa: S311 - order of display, not security
    order = list(range(len(questions)))
    if shuffle_questions:
        rng.shuffle(order)
    result = []
    for position in order:
        kind, choice_count = questions[position]
        choices = list(range(choice_count))
        if shuffle_choices and kind != TRUE_FALSE:
            rng.shuffle(choices)
        result.append((position, choices))
    return result


def form_questions(
    quiz: Quiz,
    *,
    selected: dict[str, list[str]] | None = None,
    errors: dict[str, str] | None = None,
    shuffle_questions: bool = False,
    shuffle_choices: bool = False,
    seed: str | int | None = None,
) -> list[FormQuestion]:
    """The quiz as the form shows it, optionally shuffled with a repeatable seed."""
    selected = selected or {}
    errors = errors or {}
    order = display_order(
        [(question.kind, len(question.choices)) for question in quiz.questions],
        shuffle_questions=shuffle_questions,
        shuffle_choices=shuffle_choices,
        seed=seed,
    )
    result = []
    for position, choice_positions in order:
        question = quiz.questions[position]
        picked = set(selected.get(question.id, ()))
        choices = [question.choices[choice] for choice in choice_positions]
        result.append(
            FormQuestion(
                id=question.id,
                prompt=question.prompt,
                allows_many=question.allows_many,
                choices=tuple(FormChoice(c.id, c.text, c.id in picked) for c in choices),
                error=errors.get(question.id, ""),
            )
        )
    return result
