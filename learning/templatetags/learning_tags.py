"""Template tags through which module and programme pages show a learner's progress."""

from __future__ import annotations

import uuid

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from caching import live_translation_urls
from modules.models.pages import DEFAULT_FALLBACK
from modules.quiz import form_questions

from ..grading import grade
from ..models import LearnerProfile, QuizAttempt
from ..progress import COMPLETED, module_status, programme_progress, reading_place
from ..published import lesson_sections, programme_module_cards, region_languages
from ..quiz_form import quiz_form_action, quiz_form_pieces, render_quiz_form
from ..recording import quiz_snapshot
from ..views.quiz import answer_rows

register = template.Library()


def _status(context, page):
    request = context["request"]
    cache = request.__dict__.setdefault("_module_status", {})
    if page.pk not in cache:
        known = request.__dict__.get("_module_progress", {})
        if page.translation_key in known:
            cache[page.pk] = module_status(request.user, page, known[page.translation_key])
        else:
            cache[page.pk] = module_status(request.user, page)
    return cache[page.pk]


def _login_links(page) -> dict:
    next_url = f"{page.url}#quiz"
    return {
        "login_url": f"{reverse('learning:login')}?next={next_url}",
        "signup_url": f"{reverse('learning:signup')}?next={next_url}",
    }


@register.inclusion_tag("learning/includes/module_status.html", takes_context=True)
def module_status_panel(context, page):
    request = context["request"]
    status = _status(context, page)
    # A live page's headings come from the shared cache; a preview's from its lesson.
    sections = (
        None
        if getattr(request, "is_preview", False) or context.get("quiz_preview")
        else (lambda: lesson_sections(page.pk, request))
    )
    place = reading_place(page, status.progress, sections) if status.state != COMPLETED else None
    # A learner's progress row exists once they opened the module with a
    # profile: only then is their place worth remembering. Previews record nothing.
    remembers_place = page.translation_key in request.__dict__.get(
        "_module_progress", {}
    ) and not context.get("quiz_preview")
    return {
        "request": request,
        "page": page,
        "status": status,
        "signed_in": request.user.is_authenticated,
        # Only a place past the lesson's start is worth a banner.
        "resume": place if place is not None and place.anchor else None,
        "position_url": reverse("learning:save_position", args=[page.pk])
        if remembers_place and page.pk
        else "",
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("learning/includes/quiz_panel.html", takes_context=True)
def quiz_panel(context, page):
    request = context["request"]
    user = request.user
    status = _status(context, page)
    # An editor's preview shows the form a learner who may answer sees; it sends nothing.
    preview = bool(context.get("quiz_preview"))
    enabled = False
    reason = ""
    if preview:
        enabled = True
    elif not user.is_authenticated:
        reason = "anonymous"
    elif LearnerProfile.objects.for_user(user) is None:
        reason = "no_profile"
    elif not status.can_attempt:
        reason = "limit"
    else:
        enabled = True
    attempt_token = context.get("quiz_token") or str(uuid.uuid4())
    order = {
        "shuffle_questions": page.shuffle_questions,
        "shuffle_choices": page.shuffle_choices,
        # The same learner sees the same order until their next attempt.
        "seed": f"{user.pk}:{page.translation_key}:{status.attempts_used}",
    }
    questions = context.get("quiz_questions")
    # Read only for a form that sends: reading it gives the visitor a CSRF
    # cookie, and an anonymous reader's page must stay shareable.
    csrf_token = str(context.get("csrf_token") or "") if enabled else ""
    form_html = ""
    if questions is None and page.has_quiz:
        if (
            preview
            or getattr(request, "is_preview", False)
            or (enabled and csrf_token in ("", "NOTPROVIDED"))
        ):
            questions = form_questions(page.quiz_definition, **order)
        else:
            # The learner's choices and errors come with `quiz_questions`; without
            # them the form is the one every learner gets, put together from the cache.
            form_html = render_quiz_form(
                quiz_form_pieces(page, request),
                enabled=enabled,
                csrf_token=csrf_token,
                attempt_token=attempt_token,
                **order,
            )
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "page": page,
        "status": status,
        "has_quiz": page.has_quiz,
        "quiz_questions": questions or [],
        "quiz_form_html": form_html,
        "quiz_enabled": enabled,
        "quiz_preview": preview,
        "quiz_reason": reason,
        "quiz_error": context.get("quiz_error", ""),
        "quiz_action": quiz_form_action(page) if enabled and not preview else "",
        # A new page previewed before its first save has no id yet.
        "mark_done_action": reverse("learning:mark_done", args=[page.pk])
        if page.pk and not page.has_quiz
        else "",
        "attempt_token": attempt_token,
        "profile_url": f"{reverse('learning:profile')}?next={page.url}"
        if reason == "no_profile"
        else "",
        "completed": status.state == COMPLETED,
        # Only a visitor is asked to sign in.
        **(_login_links(page) if reason == "anonymous" else {}),
    }


@register.inclusion_tag("learning/includes/sample_result.html")
def sample_result(page):
    """The result page after answering the first choice of every question, for
    editors' previews: graded as a learner's answers are, and never saved."""
    quiz = page.quiz_definition
    if not quiz:
        return {"title": page.title, "attempt": None, "questions": []}
    answers = {question.id: [question.choices[0].id] for question in quiz.questions}
    result = grade(quiz, answers, page.pass_mark)
    snapshot = quiz_snapshot(page, quiz)
    attempt = QuizAttempt(
        number=1,
        submitted_at=timezone.now(),
        answers=answers,
        snapshot=snapshot,
        score=result.score,
        correct_count=result.correct_count,
        question_count=result.question_count,
        pass_mark=page.pass_mark,
        passed=result.passed,
    )
    return {"title": page.title, "attempt": attempt, "questions": answer_rows(snapshot, answers)}


@register.inclusion_tag("learning/includes/programme_progress.html", takes_context=True)
def programme_progress_panel(context, programme):
    """The programme's modules, with the learner's progress through them when signed in."""
    request = context["request"]
    profile = LearnerProfile.objects.for_user(request.user)
    # A learner's second choice is their region's language, then English.
    region_language = (
        region_languages(request).get(profile.region_id) if profile is not None else None
    )
    fallbacks = (region_language,) if region_language else ()
    cards = programme_module_cards(programme, (*fallbacks, DEFAULT_FALLBACK), request)
    summary = programme_progress(request.user, programme, [module for module, _card in cards])
    return {
        "request": request,
        "summary": summary,
        "modules": [
            (card, state)
            for (_module, card), (_same, state) in zip(cards, summary.modules, strict=True)
        ],
        "signed_in": request.user.is_authenticated,
    }


@register.inclusion_tag("learning/includes/fallback_notice.html", takes_context=True)
def fallback_notice(context, page):
    """Say so when a module is shown in another language than the reader's own.

    The reader's language is the one they came from (the `fallback_from`
    link parameter) or a learner's preferred language.
    """
    request = context["request"]
    wanted = request.GET.get("fallback_from", "")
    if wanted not in dict(settings.LANGUAGES):
        profile = LearnerProfile.objects.for_user(request.user)
        wanted = profile.preferred_language if profile else ""
    shown = page.locale.language_code
    if not wanted or wanted == shown:
        return {"show": False}
    if wanted in live_translation_urls(page, request):
        return {"show": False}
    with translation.override(wanted):
        wanted_name = translation.get_language_info(wanted)["name_local"]
        shown_name = translation.get_language_info(shown)["name_local"]
        message = _(
            "This module is not yet available in %(wanted)s, so you are reading it in "
            "%(shown)s. Your progress and certificate count all the same."
        ) % {"wanted": wanted_name, "shown": shown_name}
    return {"show": True, "message": message, "language": wanted}
