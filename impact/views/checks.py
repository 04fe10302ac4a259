"""Submitting a knowledge check, and its result page."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from learning.grading import InvalidSubmission
from learning.models import LearnerProfile
from learning.views.quiz import answer_rows
from modules.models import KnowledgeCheckPage, ProgrammePage
from modules.quiz import Quiz, form_questions

from ..checks import (
    BASELINE,
    OCCASIONS,
    CheckRefused,
    check_of,
    check_state,
    gain_sentence,
    occasion_name,
    questions_for,
    submit_check,
)
from ..models import CheckAttempt, KnowledgeRecord

ANSWER_PREFIX = "q-"
# A check of thirty questions is a few kilobytes; anything far larger is not one.
MAX_SUBMISSION_BYTES = 64 * 1024


def refuse(
    request: HttpRequest,
    message: str,
    status: int = 400,
    page: KnowledgeCheckPage | None = None,
    attempt: CheckAttempt | None = None,
) -> HttpResponse:
    return render(
        request,
        "impact/checks/error.html",
        {"message": message, "check_page": page, "attempt": attempt},
        status=status,
    )


def check_page(page_id: int) -> KnowledgeCheckPage | None:
    """The knowledge check page with this id, or None when there is none (or it is another page)."""
    page = Page.objects.filter(pk=page_id).select_related("locale").first()
    if page is None or page.specific_class is not KnowledgeCheckPage:
        return None
    return page.specific


def _answers_from(request: HttpRequest) -> dict[str, list[str]]:
    return {
        key[len(ANSWER_PREFIX) :]: request.POST.getlist(key)
        for key in request.POST
        if key.startswith(ANSWER_PREFIX)
    }


@login_required
@require_POST
def submit(request: HttpRequest, page_id: int, occasion: str) -> HttpResponse:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    try:
        if length > MAX_SUBMISSION_BYTES:
            raise RequestDataTooBig
        request.POST  # noqa: B018 - parsed now, so an oversized form is refused here
    except (RequestDataTooBig, TooManyFieldsSent):
        return refuse(request, _("The submitted answers are far too large to be a check form."))
    page = check_page(page_id)
    if page is None:
        return refuse(request, _("This check does not exist. It may have been removed."), 404)
    # Messages in the language of the check the learner answered.
    with translation.override(page.locale.language_code):
        return _submit(request, page, occasion)


def _submit(request: HttpRequest, page: KnowledgeCheckPage, occasion: str) -> HttpResponse:
    if not page.live:
        return refuse(request, _("This check is no longer available."), 404)
    programme = page.get_parent().specific
    if not isinstance(programme, ProgrammePage):
        return refuse(request, _("This check does not exist. It may have been removed."), 404)
    if occasion not in OCCASIONS:
        return refuse(request, _("This check does not exist. Reload the page and try again."), 400)
    if LearnerProfile.objects.for_user(request.user) is None:
        messages.info(request, _("Please complete your learner profile before taking the check."))
        return redirect(f"{reverse('learning:profile')}?next={page.url}")
    try:
        token = uuid.UUID(request.POST.get("attempt_token", ""))
    except ValueError:
        return refuse(
            request, _("This check form is incomplete. Reload the page and try again."), 400, page
        )
    answers = _answers_from(request)
    try:
        outcome = submit_check(request.user, page, programme, occasion, answers, token)
    except CheckRefused as error:
        return refuse(request, error.message, error.status, page)
    except InvalidSubmission as error:
        if error.question_errors:
            return _show_form_again(request, page, programme, occasion, answers, error, token)
        return refuse(request, error.message, 400, page)
    return redirect("impact:check_result", attempt_id=outcome.attempt.pk)


def _show_form_again(request, page, programme, occasion, answers, error, token) -> HttpResponse:
    """The check page again, with the learner's choices kept and each missing answer marked."""
    check = check_of(page, programme)
    attempts = list(
        CheckAttempt.objects.filter(user=request.user, programme_key=check.programme_key)
    )
    quiz = questions_for(request.user, page, check, occasion, attempts)
    context = page.get_context(request)
    context["check_form"] = {
        "occasion": occasion,
        "questions": form_questions(quiz, selected=answers, errors=error.question_errors),
        "error": error.message,
        "token": str(token),
    }
    return TemplateResponse(request, page.get_template(request), context, status=400)


@login_required
@require_GET
def result(request: HttpRequest, attempt_id: uuid.UUID) -> HttpResponse:
    attempt = (
        CheckAttempt.objects.filter(pk=attempt_id, user=request.user)
        .select_related("check_page")
        .first()
    )
    if attempt is None:
        return refuse(request, _("There is no such check result among yours."), 404)
    return render(request, "impact/checks/result.html", result_context(request, attempt))


def _page_in_reader_language(page: KnowledgeCheckPage | None) -> KnowledgeCheckPage | None:
    if page is None:
        return None
    language = translation.get_language() or ""
    if page.locale.language_code != language:
        other = (
            page.get_translations().live().filter(locale__language_code=language).specific().first()
        )
        if other is not None:
            return other
    return page


def _snapshot(pool: Quiz, question_ids: list[str]) -> dict:
    """The asked questions that are still in the pool, as a quiz attempt's snapshot has them."""
    return {
        "questions": [
            {
                "id": question.id,
                "kind": question.kind,
                "prompt": question.prompt,
                "explanation": question.explanation,
                "choices": [
                    {"id": c.id, "text": c.text, "is_correct": c.is_correct, "feedback": c.feedback}
                    for c in question.choices
                ],
            }
            for question in (pool.question(question_id) for question_id in question_ids)
            if question is not None
        ]
    }


def result_context(request: HttpRequest, attempt: CheckAttempt) -> dict:
    page = _page_in_reader_language(attempt.check_page)
    live = page if page is not None and page.live else None
    questions = (
        answer_rows(_snapshot(page.pool, attempt.question_ids), attempt.answers) if page else []
    )
    record = KnowledgeRecord.objects.filter(
        user=request.user, programme_key=attempt.programme_key
    ).first()
    programme = live.get_parent().specific if live is not None else None
    next_occasion = ""
    if isinstance(programme, ProgrammePage):
        next_occasion = check_state(request.user, check_of(live, programme)).open
    else:
        programme = None
    first_module = None
    if programme is not None and attempt.occasion == BASELINE:
        first_module = next(iter(programme.module_pages()), None)
    both = record is not None and record.baseline_at is not None and record.final_at is not None
    return {
        "attempt": attempt,
        "occasion_name": occasion_name(attempt.occasion),
        "questions": questions,
        "gain": gain_sentence(record),
        # Both measures taken: the learner's gain is the news of the page.
        "show_gain_banner": both,
        "check_page": live,
        "programme": programme,
        "next_occasion": next_occasion,
        "next_occasion_name": occasion_name(next_occasion) if next_occasion else "",
        "first_module": first_module,
    }


urlpatterns: list[URLPattern] = [
    path("learn/checks/<int:page_id>/<str:occasion>/submit/", submit, name="submit_check"),
    path("learn/checks/results/<uuid:attempt_id>/", result, name="check_result"),
]
