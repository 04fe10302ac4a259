"""Which questions a knowledge check asks a learner."""

from __future__ import annotations

import re

from impact.checks import draw_questions
from modules.blocks import QuizStreamBlock
from modules.quiz import quiz_from_stream
from tests.factories import check_pool, record_attempt
from tests.impact.conftest import answers_to


def pool(size: int):
    """A pool as a check page's stream holds it, without a page or a database."""
    return quiz_from_stream(QuizStreamBlock().to_python(check_pool(size)))


def ids(quiz) -> list[str]:
    return [question.id for question in quiz.questions]


def test_the_same_learner_programme_and_occasion_draw_the_same_questions():
    questions = pool(20)
    first = draw_questions(questions, 10, seed="7:programme:baseline")
    again = draw_questions(questions, 10, seed="7:programme:baseline")
    assert ids(first) == ids(again)
    others = [
        ids(draw_questions(questions, 10, seed=seed))
        for seed in ("8:programme:baseline", "7:programme:final", "7:other:baseline")
    ]
    assert all(other != ids(first) for other in others)


def test_a_check_asks_its_number_of_questions_or_the_whole_smaller_pool():
    assert len(draw_questions(pool(12), 5, seed="s").questions) == 5
    three = pool(3)
    assert sorted(ids(draw_questions(three, 10, seed="s"))) == sorted(ids(three))
    drawn = ids(draw_questions(pool(12), 12, seed="s"))
    assert len(set(drawn)) == 12


def test_questions_asked_before_are_left_out_when_the_pool_is_big_enough():
    questions = pool(12)
    asked = set(ids(draw_questions(questions, 5, seed="1:p:baseline")))
    final = set(ids(draw_questions(questions, 5, seed="1:p:final", asked_before=asked)))
    assert len(final) == 5 and not final & asked


def test_a_small_pool_asks_every_unseen_question_and_repeats_only_the_rest():
    questions = pool(7)
    asked = set(ids(draw_questions(questions, 5, seed="1:p:baseline")))
    final = set(ids(draw_questions(questions, 5, seed="1:p:final", asked_before=asked)))
    unseen = set(ids(questions)) - asked
    assert len(final) == 5
    assert unseen <= final
    assert len(final & asked) == 3


def shown_question_ids(response) -> list[str]:
    return re.findall(
        r'<fieldset class="question[^"]*" id="q-([0-9a-f-]+)"', response.content.decode()
    )


def test_reloading_the_check_page_shows_the_same_questions(learner_client, learner, check_page):
    first = shown_question_ids(learner_client.get(check_page.url))
    assert len(first) == 5
    assert shown_question_ids(learner_client.get(check_page.url)) == first


def test_the_final_check_asks_other_questions_than_the_baseline(
    learner_client, learner, check_page, modules, drawn, post_check
):
    baseline = drawn(learner, check_page, "baseline")
    assert post_check(check_page, "baseline", answers_to(baseline)).status_code == 302
    for module in modules:
        record_attempt(learner, module)
    final = shown_question_ids(learner_client.get(check_page.url))
    assert len(final) == 5
    assert not set(final) & {question.id for question in baseline.questions}
