"""The quiz form of a module page, rendered once per publish and language.

Every learner who opens a module sees the same form but for a few things:
the CSRF token and the form's attempt token, whether they may answer (the
form is disabled when they may not), and, where the module shuffles, the
order of its questions and choices. So the form's pieces are rendered once
per content generation and language from the form's own templates (the form
around its questions, each question around its choices, each choice) with
markers where those things go, kept in the shared cache, and put together
for each request in the learner's order, with their tokens. The result is the
same HTML the templates give (tests compare both ways), as only ids, texts
and the form's markup are in the pieces, never which answers are correct.

A form sent back with errors and the learner's choices kept, and an editor's
preview, are rendered whole from the templates as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from caching import cached
from modules.models import ModulePage
from modules.quiz import FormChoice, FormQuestion, display_order

# Markers for what each request fills in: characters of Unicode's private use
# area, which neither content nor escaping produces.
CSRF_TOKEN = "\ue000csrf\ue000"  # noqa: S105 - a marker, not a secret
ATTEMPT_TOKEN = "\ue000attempt\ue000"  # noqa: S105 - a marker, not a secret
NUMBER = "\ue000number\ue000"
QUESTIONS = mark_safe("\ue000questions\ue000")  # noqa: S308 - a marker, no markup
CHOICES = mark_safe("\ue000choices\ue000")  # noqa: S308 - a marker, no markup


@dataclass(frozen=True)
class QuizFormPieces:
    # Each question's kind and number of choices, in quiz order: what ordering needs.
    outline: tuple[tuple[str, int], ...]
    # The form before and after its questions, for a learner who may answer
    # (with both tokens' markers) and for one who may not.
    enabled: tuple[str, str]
    disabled: tuple[str, str]
    # Each question before and after its choices (with the number's marker), and its choices.
    questions: tuple[tuple[str, str], ...]
    choices: tuple[tuple[str, ...], ...]


def quiz_form_action(page: ModulePage) -> str:
    # With the quiz's anchor: a page sent back with errors opens at the quiz.
    return reverse("learning:submit_quiz", args=[page.pk]) + "#quiz"


def quiz_form_pieces(page: ModulePage, request: HttpRequest) -> QuizFormPieces:
    """The pieces of the page's quiz form, from the shared cache (rendered on a miss)."""
    return cached(("quiz_form", page.pk, get_language()), lambda: _render_pieces(page), request)


def _split(html: str, marker: str) -> tuple[str, str]:
    before, found, after = html.partition(marker)
    if not found:
        raise ValueError(f"The quiz form's template lost its marker {marker!r}.")
    return before, after


def _render_pieces(page: ModulePage) -> QuizFormPieces:
    quiz = page.quiz_definition
    shells = {}
    for enabled in (True, False):
        html = render_to_string(
            "modules/includes/quiz_form.html",
            {
                "quiz_enabled": enabled,
                "quiz_preview": False,
                "quiz_action": quiz_form_action(page) if enabled else "",
                "csrf_token": CSRF_TOKEN,
                "attempt_token": ATTEMPT_TOKEN,
                "quiz_questions_html": QUESTIONS,
            },
        )
        shells[enabled] = _split(html, QUESTIONS)
    questions, choices = [], []
    for question in quiz.questions:
        shown = FormQuestion(
            id=question.id,
            prompt=question.prompt,
            allows_many=question.allows_many,
            choices=tuple(FormChoice(c.id, c.text, checked=False) for c in question.choices),
        )
        html = render_to_string(
            "modules/includes/quiz_question.html",
            {"question": shown, "number": NUMBER, "question_choices_html": CHOICES},
        )
        questions.append(_split(html, CHOICES))
        choices.append(
            tuple(
                render_to_string(
                    "modules/includes/quiz_choice.html", {"question": shown, "choice": choice}
                )
                for choice in shown.choices
            )
        )
    return QuizFormPieces(
        outline=tuple((q.kind, len(q.choices)) for q in quiz.questions),
        enabled=shells[True],
        disabled=shells[False],
        questions=tuple(questions),
        choices=tuple(choices),
    )


def render_quiz_form(
    pieces: QuizFormPieces,
    *,
    enabled: bool,
    csrf_token: str,
    attempt_token: str,
    shuffle_questions: bool,
    shuffle_choices: bool,
    seed: str,
) -> SafeString:
    """The form as `modules/includes/quiz_form.html` renders it for this learner."""
    before, after = pieces.enabled if enabled else pieces.disabled
    if enabled:
        before = before.replace(CSRF_TOKEN, conditional_escape(csrf_token)).replace(
            ATTEMPT_TOKEN, conditional_escape(attempt_token)
        )
    html = [before]
    order = display_order(
        pieces.outline,
        shuffle_questions=shuffle_questions,
        shuffle_choices=shuffle_choices,
        seed=seed,
    )
    for number, (position, choice_positions) in enumerate(order, start=1):
        question_before, question_after = pieces.questions[position]
        html.append(question_before.replace(NUMBER, conditional_escape(localize(number))))
        html.extend(pieces.choices[position][choice] for choice in choice_positions)
        html.append(question_after)
    html.append(after)
    return mark_safe("".join(html))  # noqa: S308 - pieces rendered (and escaped) by templates
