"""Quiz authoring rules and the quiz as plain data."""

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from modules.blocks import MultipleChoiceQuestionBlock, SingleChoiceQuestionBlock
from modules.quiz import FALSE_ID, TRUE_ID, form_questions
from tests.factories import make_module


def _question(block, correct_flags):
    return block.to_python(
        {
            "prompt": "Q?",
            "explanation": "",
            "choices": [
                {
                    "type": "item",
                    "id": f"id-{i}",
                    "value": {"text": f"c{i}", "is_correct": flag, "feedback": ""},
                }
                for i, flag in enumerate(correct_flags)
            ],
        }
    )


@pytest.mark.parametrize("flags", [(False, False), (True, True, False)])
def test_single_choice_needs_exactly_one_correct_answer(flags):
    block = SingleChoiceQuestionBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(_question(block, flags))
    messages = excinfo.value.block_errors["choices"].non_block_errors.as_text()
    assert "exactly one" in messages


def test_single_choice_with_one_correct_answer_is_valid():
    block = SingleChoiceQuestionBlock()
    block.clean(_question(block, (False, True, False)))


def test_multiple_choice_needs_a_correct_answer_but_allows_several():
    block = MultipleChoiceQuestionBlock()
    block.clean(_question(block, (True, True, False)))
    with pytest.raises(StructBlockValidationError):
        block.clean(_question(block, (False, False)))


def test_quiz_definition_keeps_block_ids_and_correct_flags(site_pages):
    _home, index = site_pages
    module = make_module(index)
    quiz = module.quiz_definition
    assert [q.kind for q in quiz.questions] == ["single_choice", "multiple_choice", "true_false"]
    stream_ids = [str(block.id) for block in module.quiz]
    assert [q.id for q in quiz.questions] == stream_ids
    single, multiple, true_false = quiz.questions
    assert len(single.correct_ids) == 1
    assert len(multiple.correct_ids) == 2
    assert true_false.correct_ids == {FALSE_ID}
    assert {c.id for c in true_false.choices} == {TRUE_ID, FALSE_ID}


def test_shuffled_form_is_repeatable_for_a_seed_and_keeps_every_choice(site_pages):
    _home, index = site_pages
    quiz = make_module(index).quiz_definition
    first = form_questions(quiz, shuffle_questions=True, shuffle_choices=True, seed="learner-1")
    again = form_questions(quiz, shuffle_questions=True, shuffle_choices=True, seed="learner-1")
    assert first == again
    assert {q.id for q in first} == {q.id for q in quiz.questions}
    for shown in first:
        original = quiz.question(shown.id)
        assert {c.id for c in shown.choices} == {c.id for c in original.choices}
