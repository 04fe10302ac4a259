"""Submitting a quiz, marking a module done, and the result page."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from caching import cached
from modules.models import ModulePage, ProgrammeModule
from modules.quiz import form_questions, section_anchor

from ..grading import InvalidSubmission
from ..models import Certificate, LearnerProfile, QuizAttempt
from ..progress import COMPLETED, programme_progress
from ..recording import mark_module_done, submit_quiz

ANSWER_PREFIX = "q-"
# A real quiz form is a few kilobytes; anything far larger is not one.
MAX_SUBMISSION_BYTES = 64 * 1024


def bad_request(request: HttpRequest, message: str, page: ModulePage | None = None) -> HttpResponse:
    return render(
        request,
        "learning/submission_error.html",
        {"message": message, "module": page},
        status=400,
    )


def _answers_from(request: HttpRequest) -> dict[str, list[str]]:
    answers: dict[str, list[str]] = {}
    for key in request.POST:
        if key.startswith(ANSWER_PREFIX):
            answers[key[len(ANSWER_PREFIX) :]] = request.POST.getlist(key)
    return answers


@login_required
@require_POST
def submit(request: HttpRequest, page_id: int) -> HttpResponse:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_SUBMISSION_BYTES:
        return bad_request(request, _("The submitted answers are far too large to be a quiz form."))
    try:
        post = request.POST
    except (RequestDataTooBig, TooManyFieldsSent):
        return bad_request(request, _("The submitted answers are far too large to be a quiz form."))

    page = _module_page(request, page_id)
    if page is None:
        return bad_request(request, _("This quiz does not exist. It may have been removed."))
    if not page.live:
        return bad_request(
            request, _("This module is no longer available, so its quiz cannot be submitted."), page
        )
    if LearnerProfile.objects.for_user(request.user) is None:
        messages.info(request, _("Please complete your learner profile before taking quizzes."))
        return redirect(f"{_profile_url()}?next={page.url}")
    try:
        token = uuid.UUID(post.get("attempt_token", ""))
    except ValueError:
        return bad_request(
            request, _("This quiz form is incomplete. Reload the page and try again."), page
        )

    answers = _answers_from(request)
    try:
        outcome = submit_quiz(request.user, page, answers, token)
    except InvalidSubmission as error:
        if error.question_errors:
            return _show_form_again(request, page, answers, error, token)
        return bad_request(request, error.message, page)
    return redirect("learning:attempt", attempt_id=outcome.attempt.pk)


def _module_page(request: HttpRequest, page_id: int) -> ModulePage | None:
    """The module page with its quiz read, from the shared cache.

    Publishing, unpublishing or deleting a page bumps the content generation,
    so what is cached is the page as published. Keyed by the language too:
    the quiz names the choices of true/false questions in it.
    """

    def build() -> ModulePage | bool:
        page = ModulePage.objects.filter(pk=page_id).select_related("locale").first()
        if page is None:
            return False
        page.quiz_definition  # noqa: B018 - parsed now, kept with the cached page
        return page

    return cached(("module_page", page_id, get_language()), build, request) or None


def _profile_url() -> str:
    return reverse("learning:profile")


def _show_form_again(request, page: ModulePage, answers, error: InvalidSubmission, token):
    """The module page again, with the learner's choices kept and each problem marked."""
    context = page.get_context(request)
    context.update(
        quiz_questions=form_questions(
            page.quiz_definition, selected=answers, errors=error.question_errors
        ),
        quiz_error=error.message,
        quiz_token=str(token),
    )
    return TemplateResponse(request, page.get_template(request), context, status=400)


@login_required
@require_POST
def mark_done(request: HttpRequest, page_id: int) -> HttpResponse:
    page = ModulePage.objects.filter(pk=page_id).first()
    if page is None:
        return bad_request(request, _("This module does not exist. It may have been removed."))
    if LearnerProfile.objects.for_user(request.user) is None:
        messages.info(request, _("Please complete your learner profile first."))
        return redirect(f"{_profile_url()}?next={page.url}")
    try:
        mark_module_done(request.user, page)
    except InvalidSubmission as error:
        return bad_request(request, error.message, page)
    messages.success(request, _("Module completed. Well done!"))
    return redirect(page.url)


@login_required
@require_GET
def attempt_result(request: HttpRequest, attempt_id: uuid.UUID) -> HttpResponse:
    attempt = get_object_or_404(
        QuizAttempt.objects.select_related("progress", "module_page"),
        pk=attempt_id,
        user=request.user,
    )
    return render(request, "learning/attempt_result.html", result_context(attempt))


def answer_rows(snapshot: dict, answers: dict[str, list[str]]) -> list[dict]:
    """Each question of a snapshot with what was chosen, whether it was right, and feedback."""
    rows = []
    for question in snapshot["questions"]:
        chosen = set(answers.get(question["id"], []))
        correct_ids = {c["id"] for c in question["choices"] if c["is_correct"]}
        rows.append(
            {
                "prompt": question["prompt"],
                "explanation": question["explanation"],
                "section_id": question.get("section_id", ""),
                "is_correct": chosen == correct_ids,
                "allows_many": question["kind"] == "multiple_choice",
                "choices": [
                    {
                        "text": choice["text"],
                        "chosen": choice["id"] in chosen,
                        "is_correct": choice["is_correct"],
                        "feedback": choice["feedback"] if choice["id"] in chosen else "",
                    }
                    for choice in question["choices"]
                ],
            }
        )
    return rows


def add_review_links(questions: list[dict], module: ModulePage) -> None:
    """Each missed question points back to the part of the lesson it tests: the
    section its editor named, while the lesson still has it, else the lesson."""
    sections = module.lesson_sections()
    for question in questions:
        section_id = question["section_id"]
        if question["is_correct"]:
            continue
        if section_id in sections:
            question["review_anchor"] = section_anchor(section_id)
            question["review_heading"] = sections[section_id]
        else:
            question["review_anchor"] = "lesson"
            question["review_heading"] = ""


def passing_moment(attempt: QuizAttempt, module: ModulePage | None) -> dict:
    """After a pass: the certificate just issued, how far the learner is through the
    programme the module belongs to, and the module to take next."""
    if not attempt.passed or module is None:
        return {}
    certificate = (
        Certificate.objects.filter(
            user=attempt.user, kind=Certificate.Kind.MODULE, subject_key=module.translation_key
        )
        .values_list("code", flat=True)
        .first()
    )
    link = (
        ProgrammeModule.objects.filter(
            module__translation_key=module.translation_key,
            programme__locale_id=module.locale_id,
            programme__live=True,
        )
        .select_related("programme")
        .order_by("programme__path")
        .first()
    )
    moment: dict = {"certificate_code": certificate or ""}
    if link is not None:
        programme = link.programme.specific
        progress = programme_progress(attempt.user, programme, programme.module_pages())
        moment["programme_progress"] = progress
        moment["next_module"] = next(
            (page for page, state in progress.modules if state != COMPLETED), None
        )
    return moment


def result_context(attempt: QuizAttempt) -> dict:
    """The result page reads the attempt's snapshot only, never the live module."""
    questions = answer_rows(attempt.snapshot, attempt.answers)
    progress = attempt.progress
    page = attempt.module_page
    limit = page.attempt_limit if page else None
    attempts_left = None if limit is None else max(limit - progress.attempt_count, 0)
    live = page if page and page.live else None
    if live is not None:
        add_review_links(questions, live)
    return {
        **passing_moment(attempt, live),
        "attempt": attempt,
        "questions": questions,
        "module": live,
        "progress": progress,
        "attempts_left": attempts_left,
        "can_retry": (attempts_left is None or attempts_left > 0)
        and page is not None
        and page.live,
    }
