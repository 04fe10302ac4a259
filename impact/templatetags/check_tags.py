"""Template tags of the knowledge checks: the check page's form and the programme page's panel."""

from __future__ import annotations

import uuid
from urllib.parse import quote

from django import template
from django.urls import reverse

from modules.models import KnowledgeCheckPage, ProgrammePage
from modules.quiz import form_questions

from ..checks import (
    BASELINE,
    MODULES_LEFT,
    NO_PROFILE,
    ProgrammeCheck,
    check_of,
    check_state,
    earlier_attempts,
    gain_sentence,
    occasion_name,
    programme_check,
    questions_for,
    reason_messages,
)

register = template.Library()


def _with_next(url_name: str, next_url: str) -> str:
    return f"{reverse(url_name)}?next={quote(next_url)}"


@register.inclusion_tag("impact/checks/check.html", takes_context=True)
def knowledge_check_panel(context, page: KnowledgeCheckPage) -> dict:
    """What the check page shows its reader: what the check is and, for a learner,
    the check open now with its questions, or why none is."""
    request = context["request"]
    user = request.user
    parent = page.get_parent() if page.pk else None
    programme = parent.specific if parent is not None else None
    if not isinstance(programme, ProgrammePage):
        # A new page's preview: what a visitor will read, before it has a programme.
        programme = None
        check = ProgrammeCheck(
            page_id=0,
            url="",
            title=page.title,
            programme_key="",
            module_keys=(),
            question_count=min(page.questions_per_check or 0, len(page.pool)),
            retention_weeks=page.retention_weeks,
        )
    else:
        check = check_of(page, programme)
    shown = {
        "available": bool(check.question_count),
        "page": page,
        "check": check,
        "programme": programme,
        "signed_in": user.is_authenticated,
    }
    # An editor's preview shows what a visitor sees and records nothing.
    if not user.is_authenticated or getattr(request, "is_preview", False) or programme is None:
        shown["signed_in"] = False
        # No CSRF token: an anonymous reader's page stays shareable.
        if page.url:
            shown["login_url"] = _with_next("learning:login", page.url)
            shown["signup_url"] = _with_next("learning:signup", page.url)
        return shown
    state = check_state(user, check)
    shown["state"] = state
    if state.reason == NO_PROFILE:
        shown["profile_url"] = _with_next("learning:profile", page.url or "")
        return shown
    attempts = earlier_attempts(user, check)
    shown["attempts"] = [
        {"id": attempt.pk, "name": occasion_name(attempt.occasion)} for attempt in attempts
    ]
    shown["reasons"] = reason_messages(state)
    shown["gain"] = gain_sentence(state.record)
    if state.open and check.question_count:
        form = context.get("check_form")
        if form is None or form["occasion"] != state.open:
            quiz = questions_for(user, page, check, state.open, attempts)
            form = {"questions": form_questions(quiz), "error": "", "token": str(uuid.uuid4())}
        shown.update(
            occasion=state.open,
            occasion_name=occasion_name(state.open),
            is_baseline=state.open == BASELINE,
            quiz_questions=form["questions"],
            quiz_error=form["error"],
            attempt_token=form["token"],
            quiz_enabled=True,
            quiz_preview=False,
            quiz_action=reverse("impact:submit_check", args=[page.pk, state.open]),
            csrf_token=context.get("csrf_token"),
        )
    return shown


@register.inclusion_tag("impact/checks/programme_panel.html", takes_context=True)
def programme_check_panel(context, programme: ProgrammePage) -> dict:
    """On a programme page: the check open now for the learner, or their gain once
    they have taken both checks. Nothing for a programme without a check; the
    same panel, without a query, for every visitor."""
    request = context["request"]
    if getattr(request, "is_preview", False) or not programme.pk:
        return {"show": False}
    check = programme_check(programme, request)
    if check is None:
        return {"show": False}
    if not request.user.is_authenticated:
        return {"show": True, "signed_in": False, "check": check}
    state = check_state(request.user, check)
    record = state.record
    both = record is not None and record.baseline_at is not None and record.final_at is not None
    gain = gain_sentence(record) if both else ""
    if not state.open and not gain:
        if state.reason != MODULES_LEFT:
            return {"show": False}
        # Between the checks: say when the final check opens, so the learner
        # does not look for it in vain.
        return {"show": True, "signed_in": True, "check": check, "waiting": reason_messages(state)}
    return {
        "show": True,
        "signed_in": True,
        "check": check,
        "occasion": state.open,
        "occasion_name": occasion_name(state.open) if state.open else "",
        "gain": gain,
    }
