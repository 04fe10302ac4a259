"""A survey as plain, immutable data, read from a SurveyPage's StreamField.

Rendering, validating and counting answers read this structure only. Ids are
the StreamField block ids, the same in every translation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .survey_blocks import (
    FREE_TEXT,
    FREE_TEXT_LIMIT,
    LIKERT,
    SURVEY_MULTIPLE_CHOICE,
    SURVEY_SINGLE_CHOICE,
)

# The agreement scale's values, from "Strongly disagree" to "Strongly agree".
LIKERT_VALUES = (1, 2, 3, 4, 5)
# Their labels: the same words in every survey, from the interface translations.
LIKERT_LABELS = {
    1: _("Strongly disagree"),
    2: _("Disagree"),
    3: _("Neither agree nor disagree"),
    4: _("Agree"),
    5: _("Strongly agree"),
}

__all__ = [
    "FREE_TEXT",
    "LIKERT",
    "LIKERT_LABELS",
    "LIKERT_VALUES",
    "SURVEY_MULTIPLE_CHOICE",
    "SURVEY_SINGLE_CHOICE",
    "Survey",
    "SurveyOption",
    "SurveyQuestion",
    "survey_from_stream",
]


@dataclass(frozen=True)
class SurveyOption:
    id: str
    text: str


@dataclass(frozen=True)
class SurveyQuestion:
    id: str
    kind: str
    prompt: str
    required: bool
    options: tuple[SurveyOption, ...] = ()
    max_length: int = 0

    @property
    def allows_many(self) -> bool:
        return self.kind == SURVEY_MULTIPLE_CHOICE

    def option(self, option_id: str) -> SurveyOption | None:
        return next((option for option in self.options if option.id == option_id), None)


@dataclass(frozen=True)
class Survey:
    questions: tuple[SurveyQuestion, ...] = field(default_factory=tuple)

    def __len__(self) -> int:
        return len(self.questions)

    def question(self, question_id: str) -> SurveyQuestion | None:
        return next((q for q in self.questions if q.id == question_id), None)


def survey_from_stream(stream) -> Survey:
    """Build a Survey from a SurveyPage.questions StreamValue."""
    questions = []
    for block in stream:
        value = block.value
        if block.block_type == LIKERT:
            question = SurveyQuestion(
                str(block.id), LIKERT, value["statement"], bool(value["required"])
            )
        elif block.block_type == FREE_TEXT:
            question = SurveyQuestion(
                str(block.id),
                FREE_TEXT,
                value["prompt"],
                False,
                max_length=min(int(value["max_length"] or FREE_TEXT_LIMIT), FREE_TEXT_LIMIT),
            )
        else:
            question = SurveyQuestion(
                str(block.id),
                block.block_type,
                value["prompt"],
                bool(value["required"]),
                options=tuple(
                    SurveyOption(str(item.id), item.value["text"])
                    for item in value["options"].bound_blocks
                ),
            )
        questions.append(question)
    return Survey(tuple(questions))
