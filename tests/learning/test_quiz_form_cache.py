"""The quiz form is put together from pieces rendered once per publish: the same
form as the templates render, in each learner's own order, with their tokens."""

import re
import uuid

import pytest
from django.core.cache import cache
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import reverse

from learning.models import QuizAttempt
from learning.quiz_form import quiz_form_action, quiz_form_pieces, render_quiz_form
from modules.quiz import form_questions
from tests.factories import answers_for, choice_item, choice_question, make_learner, make_module

FEEDBACK = re.compile(r"FEEDBACK-|EXPLANATION-|is_correct|correct", re.IGNORECASE)


def five_questions() -> list[dict]:
    return [
        choice_question(
            "multiple_choice" if n % 2 else "single_choice",
            f"Prompt {n}",
            [choice_item(f"Choice {n}.{c}", c == 0, f"FEEDBACK-{n}.{c}") for c in range(4)],
            f"EXPLANATION-{n}",
        )
        for n in range(5)
    ] + [
        {
            "type": "true_false",
            "value": {
                "statement": "Statement",
                "is_true": True,
                "feedback_true": "FEEDBACK-T",
                "feedback_false": "FEEDBACK-F",
                "explanation": "EXPLANATION-TF",
            },
        }
    ]


@pytest.fixture
def shuffled(site_pages, water):
    _home, index = site_pages
    return make_module(
        index,
        "Shuffled",
        sectors=[water],
        quiz=five_questions(),
        shuffle_questions=True,
        shuffle_choices=True,
    )


def order_on(html: str) -> list[str]:
    """The ids of the questions and choices in the order the page shows them."""
    form = html.split('class="quiz-form"', 1)[1].split("</form>", 1)[0]
    return re.findall(r'id="(q-[^"]+)"', form)


def expected_order(page, learner, attempts_used: int) -> list[str]:
    """The ids as `form_questions` orders them for this learner and attempt."""
    questions = form_questions(
        page.quiz_definition,
        shuffle_questions=True,
        shuffle_choices=True,
        seed=f"{learner.pk}:{page.translation_key}:{attempts_used}",
    )
    return [
        item
        for question in questions
        for item in [f"q-{question.id}", *(f"q-{question.id}-{c.id}" for c in question.choices)]
    ]


def tokens_on(html: str) -> tuple[str, str]:
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    token = re.search(r'name="attempt_token" value="([^"]+)"', html).group(1)
    return csrf, token


@pytest.mark.parametrize("shuffle_questions", [False, True])
@pytest.mark.parametrize("shuffle_choices", [False, True])
@pytest.mark.parametrize("enabled", [True, False])
def test_the_form_put_together_is_the_form_the_templates_render(
    site_pages, water, shuffle_questions, shuffle_choices, enabled
):
    _home, index = site_pages
    page = make_module(index, "Pieces", sectors=[water], quiz=five_questions())
    request = RequestFactory().get(page.url)
    seed = "7:learner:0"
    order = {
        "shuffle_questions": shuffle_questions,
        "shuffle_choices": shuffle_choices,
        "seed": seed,
    }
    whole = render_to_string(
        "modules/includes/quiz_form.html",
        {
            "quiz_enabled": enabled,
            "quiz_preview": False,
            "quiz_action": quiz_form_action(page) if enabled else "",
            "csrf_token": "csrf-of-the-request",
            "attempt_token": "attempt-of-the-form",
            "quiz_questions": form_questions(page.quiz_definition, **order),
        },
    )
    pieces = quiz_form_pieces(page, request)
    put_together = render_quiz_form(
        pieces,
        enabled=enabled,
        csrf_token="csrf-of-the-request",
        attempt_token="attempt-of-the-form",
        **order,
    )
    assert put_together == whole
    assert "\ue000" not in put_together


def test_the_pieces_say_nothing_of_which_answers_are_right(shuffled):
    pieces = quiz_form_pieces(shuffled, RequestFactory().get(shuffled.url))
    texts = [
        *pieces.enabled,
        *pieces.disabled,
        *(text for question in pieces.questions for text in question),
        *(text for choices in pieces.choices for text in choices),
    ]
    assert texts and not [text for text in texts if FEEDBACK.search(text)]


def test_each_learner_sees_their_own_order_until_their_next_attempt(
    site_pages, water, shuffled, submit
):
    learners = [make_learner(f"learner{n}@example.com", sector=water) for n in range(3)]
    seen = []
    for learner in learners:
        client = Client()
        client.force_login(learner)
        shown = order_on(client.get(shuffled.url).content.decode())
        assert shown == expected_order(shuffled, learner, 0)
        assert order_on(client.get(shuffled.url).content.decode()) == shown
        seen.append(tuple(shown))
    # Three learners all given the same of billions of orders would mean no shuffling.
    assert len(set(seen)) > 1

    client = Client()
    client.force_login(learners[0])
    client.post(
        reverse("learning:submit_quiz", args=[shuffled.pk]),
        {**answers_for(shuffled, right=False), "attempt_token": str(uuid.uuid4())},
    )
    again = order_on(client.get(shuffled.url).content.decode())
    assert again == expected_order(shuffled, learners[0], 1)


def test_every_page_carries_its_own_tokens_and_the_form_is_accepted(module, learner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    first = client.get(module.url).content.decode()
    second = client.get(module.url).content.decode()
    csrf, token = tokens_on(second)
    assert tokens_on(first)[1] != token
    response = client.post(
        reverse("learning:submit_quiz", args=[module.pk]),
        {**answers_for(module), "csrfmiddlewaretoken": csrf, "attempt_token": token},
    )
    assert response.status_code == 302
    assert QuizAttempt.objects.get(submission_token=token).passed


def test_a_republished_quiz_reaches_learners_and_a_draft_only_the_preview(module, learner):
    client = Client()
    client.force_login(learner)
    assert "Which sender address is genuine?" in client.get(module.url).content.decode()

    module.quiz = five_questions()
    module.save_revision().publish()
    html = client.get(module.url).content.decode()
    assert "Prompt 4" in html and "Which sender address is genuine?" not in html
    assert "6 questions" in html

    draft = module.get_latest_revision_as_object()
    draft.quiz = [choice_question("single_choice", "A draft question", [choice_item("A", True)])]
    draft.save_revision()
    preview = draft.make_preview_request(preview_mode="quiz").content.decode()
    assert "A draft question" in preview
    live = client.get(module.url).content.decode()
    assert "A draft question" not in live and "Prompt 4" in live


def test_a_learner_out_of_attempts_gets_the_disabled_form_from_the_same_pieces(
    module, learner, submit
):
    for _ in range(module.attempt_limit):
        submit(module, answers_for(module, right=False))
    client = Client()
    client.force_login(learner)
    cache.clear()
    html = client.get(module.url).content.decode()
    assert "You have used all your attempts for this quiz." in html
    assert '<fieldset class="quiz-form__all" disabled>' in html
    assert "csrfmiddlewaretoken" not in html.split('class="quiz-form"', 1)[1].split("</form>")[0]
    assert "Submit answers" not in html
