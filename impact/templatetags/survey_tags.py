"""Template tags for surveys: the form on a survey page, and the invitation on a programme page."""

from __future__ import annotations

import uuid
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils import translation

from caching import cached, request_host
from learning.progress import progress_rows
from modules.models import ProgrammePage
from modules.models.measures import SurveyPage, SurveyPlacement

from ..models import SurveyResponse
from ..surveys import (
    TOKEN_FIELD,
    SituationForm,
    answered_here,
    shown_questions,
    signed_in_response,
)

register = template.Library()


def _login_links(page) -> dict:
    query = urlencode({"next": page.url or "/"})
    return {
        "login_url": f"{reverse('learning:login')}?{query}",
        "signup_url": f"{reverse('learning:signup')}?{query}",
    }


@register.inclusion_tag("impact/surveys/form.html", takes_context=True)
def survey_form(context, page: SurveyPage) -> dict:
    """The survey's form, or why it is not offered: sign in first, or answered already."""
    request = context["request"]
    user = request.user
    preview = bool(getattr(request, "is_preview", False))
    survey = page.survey
    errors = context.get("survey_errors") or {}
    result = {
        "page": page,
        "preview": preview,
        "anonymous": page.anonymous,
        "token_field": TOKEN_FIELD,
        "state": "form",
    }
    if not preview:
        if not page.anonymous and not user.is_authenticated:
            return {**result, "state": "sign_in", **_login_links(page)}
        answered = signed_in_response(page, user)
        if answered is not None:
            return {**result, "state": "answered", "answered_on": answered.created_at}
        if page.anonymous:
            result["answered_here_on"] = answered_here(request, page.translation_key)
    questions = shown_questions(survey, context.get("survey_answers"), errors)
    situation_form = context.get("survey_situation_form")
    if page.anonymous and situation_form is None:
        situation_form = SituationForm()
    situation_errors = situation_form is not None and bool(situation_form.errors)
    return {
        **result,
        "questions": questions,
        "errored": [question for question in questions if question.error],
        "has_errors": bool(errors) or situation_errors,
        "situation_form": situation_form,
        "token": context.get("survey_token") or str(uuid.uuid4()),
        "csrf_token": context.get("csrf_token"),
        "action": "" if preview else reverse("impact:submit_survey", args=[page.pk]),
    }


def _placed_surveys(programme: ProgrammePage, request) -> dict:
    """The programme's live surveys placed before or after it, and its modules'
    keys, from the shared cache: the same for every reader until the next publish."""
    language = translation.get_language() or ""

    def build() -> dict:
        surveys = (
            SurveyPage.objects.child_of(programme)
            .live()
            .exclude(placement=SurveyPlacement.STANDALONE)
            .order_by("path")
        )
        return {
            "surveys": tuple(
                (
                    str(survey.translation_key),
                    survey.title,
                    survey.get_url(request),
                    survey.placement,
                    survey.anonymous,
                )
                for survey in surveys
            ),
            "module_keys": tuple(
                str(key)
                for key in programme.programme_modules.filter(module__live=True).values_list(
                    "module__translation_key", flat=True
                )
            ),
        }

    return cached(
        ("programme_surveys", request_host(request), programme.pk, language), build, request
    )


@register.inclusion_tag("impact/surveys/programme_panel.html", takes_context=True)
def programme_surveys_panel(context, programme: ProgrammePage) -> dict:
    """An invitation to the programme's surveys when it is their time: a survey
    placed before the programme until the learner starts one of its modules,
    one placed after it once they completed every module; none once answered."""
    request = context["request"]
    user = request.user
    if not user.is_authenticated or getattr(request, "is_preview", False):
        return {"invitations": []}
    placed = _placed_surveys(programme, request)
    if not placed["surveys"]:
        return {"invitations": []}
    keys = placed["module_keys"]
    progress = progress_rows(user, keys)
    started = bool(progress)
    completed_keys = {key for key, row in progress.items() if row.completed_at is not None}
    completed = bool(keys) and all(key in completed_keys for key in keys)
    due = [
        survey
        for survey in placed["surveys"]
        if (survey[3] == SurveyPlacement.BEFORE and not started)
        or (survey[3] == SurveyPlacement.AFTER and completed)
    ]
    signed_in_keys = [key for key, _title, _url, _placement, anonymous in due if not anonymous]
    answered = (
        {
            str(key)
            for key in SurveyResponse.objects.filter(
                user=user, survey_key__in=signed_in_keys
            ).values_list("survey_key", flat=True)
        }
        if signed_in_keys
        else set()
    )
    invitations = [
        {"title": title, "url": url, "placement": placement, "anonymous": anonymous}
        for key, title, url, placement, anonymous in due
        if key not in answered and not (anonymous and answered_here(request, key))
    ]
    return {"invitations": invitations}
