"""Grading is a pure function: quiz definition + answers -> result."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from learning.grading import InvalidSubmission, grade
from modules.quiz import (
    FALSE_ID,
    MULTIPLE_CHOICE,
    SINGLE_CHOICE,
    TRUE_FALSE,
    TRUE_ID,
    Choice,
    Question,
    Quiz,
)

SINGLE = Question(
    "q1",
    SINGLE_CHOICE,
    "Pick one",
    (Choice("a", "A", True), Choice("b", "B", False), Choice("c", "C", False)),
)
MULTI = Question(
    "q2",
    MULTIPLE_CHOICE,
    "Pick all",
    (Choice("d", "D", True), Choice("e", "E", True), Choice("f", "F", False)),
)
TF = Question(
    "q3", TRUE_FALSE, "Statement", (Choice(TRUE_ID, "True", False), Choice(FALSE_ID, "False", True))
)
QUIZ = Quiz((SINGLE, MULTI, TF))


def test_all_right_scores_100_and_passes():
    result = grade(QUIZ, {"q1": ["a"], "q2": ["d", "e"], "q3": [FALSE_ID]}, pass_mark=70)
    assert (result.score, result.correct_count, result.passed) == (100, 3, True)


def test_multiple_choice_is_all_or_nothing():
    missing_one = grade(QUIZ, {"q1": ["a"], "q2": ["d"], "q3": [FALSE_ID]}, pass_mark=70)
    extra_wrong = grade(QUIZ, {"q1": ["a"], "q2": ["d", "e", "f"], "q3": [FALSE_ID]}, pass_mark=70)
    for result in (missing_one, extra_wrong):
        assert [o.is_correct for o in result.outcomes] == [True, False, True]
        assert result.score == 66
        assert not result.passed


def test_score_rounds_down_and_pass_mark_is_inclusive():
    result = grade(QUIZ, {"q1": ["a"], "q2": ["d", "e"], "q3": [TRUE_ID]}, pass_mark=66)
    assert result.score == 66 and result.passed
    assert not grade(QUIZ, {"q1": ["a"], "q2": ["d", "e"], "q3": [TRUE_ID]}, pass_mark=67).passed


def test_repeated_choice_counts_once():
    result = grade(QUIZ, {"q1": ["a", "a"], "q2": ["d", "e", "d"], "q3": [FALSE_ID]}, pass_mark=70)
    assert result.score == 100


@pytest.mark.parametrize(
    "answers, fragment",
    [
        ({"q1": ["zzz"], "q2": ["d"], "q3": [TRUE_ID]}, "does not belong"),
        ({"q1": ["d"], "q2": ["d"], "q3": [TRUE_ID]}, "does not belong"),
        ({"q1": ["a", "b"], "q2": ["d"], "q3": [TRUE_ID]}, "received several"),
        ({"q1": ["a"], "q2": ["d"], "q3": [TRUE_ID], "q9": ["a"]}, "not in this quiz"),
    ],
)
def test_tampered_answers_are_rejected(answers, fragment):
    with pytest.raises(InvalidSubmission) as excinfo:
        grade(QUIZ, answers, pass_mark=70)
    assert fragment in excinfo.value.message
    assert not excinfo.value.question_errors


def test_missing_answers_are_reported_per_question():
    with pytest.raises(InvalidSubmission) as excinfo:
        grade(QUIZ, {"q1": ["a"]}, pass_mark=70)
    assert set(excinfo.value.question_errors) == {"q2", "q3"}


def test_a_quiz_without_questions_cannot_be_graded():
    with pytest.raises(InvalidSubmission):
        grade(Quiz(()), {}, pass_mark=70)


# -- properties -------------------------------------------------------------

choice_ids = st.text(alphabet="abcdefghij", min_size=1, max_size=6)


@st.composite
def quizzes(draw):
    questions = []
    for index in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from([SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE]))
        if kind == TRUE_FALSE:
            truth = draw(st.booleans())
            choices = (Choice(TRUE_ID, "T", truth), Choice(FALSE_ID, "F", not truth))
        else:
            ids = draw(st.lists(choice_ids, min_size=2, max_size=5, unique=True))
            if kind == SINGLE_CHOICE:
                right = draw(st.sampled_from(ids))
                flags = [i == right for i in ids]
            else:
                flags = draw(st.lists(st.booleans(), min_size=len(ids), max_size=len(ids)))
                if not any(flags):
                    flags[0] = True
            choices = tuple(Choice(i, i, f) for i, f in zip(ids, flags, strict=True))
        questions.append(Question(f"q{index}", kind, "?", choices))
    return Quiz(tuple(questions))


@st.composite
def quiz_and_valid_answers(draw):
    quiz = draw(quizzes())
    answers = {}
    for question in quiz.questions:
        ids = [c.id for c in question.choices]
        if question.allows_many:
            answers[question.id] = draw(st.lists(st.sampled_from(ids), min_size=1, unique=True))
        else:
            answers[question.id] = [draw(st.sampled_from(ids))]
    return quiz, answers


@given(quiz_and_valid_answers(), st.integers(1, 100))
def test_score_is_the_share_of_questions_answered_exactly_right(data, pass_mark):
    quiz, answers = data
    result = grade(quiz, answers, pass_mark)
    expected_right = sum(1 for q in quiz.questions if frozenset(answers[q.id]) == q.correct_ids)
    assert result.correct_count == expected_right
    assert result.question_count == len(quiz.questions)
    assert 0 <= result.score <= 100
    assert result.score == 100 * expected_right // len(quiz.questions)
    assert result.passed == (result.score >= pass_mark)


@given(quizzes())
def test_the_correct_answers_always_score_100(quiz):
    answers = {q.id: sorted(q.correct_ids) for q in quiz.questions}
    assert grade(quiz, answers, 100).score == 100


@given(quizzes(), st.dictionaries(st.text(max_size=8), st.lists(st.text(max_size=8), max_size=4)))
def test_arbitrary_input_is_graded_or_rejected_cleanly(quiz, answers):
    try:
        result = grade(quiz, answers, 50)
    except InvalidSubmission as error:
        assert error.message
    else:
        assert 0 <= result.score <= 100
