"""Sending a survey's answers, and the thank-you page."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from modules.models import ProgrammePage
from modules.models.measures import SurveyPage

from ..surveys import (
    TOKEN_FIELD,
    AlreadyAnswered,
    InvalidSurveySubmission,
    SituationForm,
    answers_from,
    check_answers,
    earlier_response,
    max_submission_bytes,
    parse_token,
    record_response,
    remember_answered_here,
)


def _survey_page(page_id: int) -> SurveyPage | None:
    return SurveyPage.objects.live().filter(pk=page_id).select_related("locale").first()


def _refusal(
    request: HttpRequest, message: str, status: int, page: SurveyPage | None = None, **extra
) -> HttpResponse:
    return render(
        request,
        "impact/surveys/error.html",
        {"message": message, "survey_page": page, **extra},
        status=status,
    )


def _answered_message(created_at) -> str:
    return _(
        "You answered this survey on %(date)s. Each person answers a survey once, "
        "so these answers were not recorded."
    ) % {"date": date_format(localtime(created_at), "DATE_FORMAT")}


def _body_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


@require_POST
def submit(request: HttpRequest, page_id: int) -> HttpResponse:
    page = _survey_page(page_id)
    if page is None:
        return _refusal(
            request,
            _("There is no survey here to answer. It may have been closed or removed."),
            404,
        )
    survey = page.survey
    too_large = _(
        "What was sent is far larger than this survey's form can be, so it was not recorded."
    )
    if _body_length(request) > max_submission_bytes(survey):
        return _refusal(request, too_large, 413, page)
    try:
        post = request.POST
    except (RequestDataTooBig, TooManyFieldsSent):
        return _refusal(request, too_large, 413, page)
    if not page.anonymous and not request.user.is_authenticated:
        return _refusal(
            request,
            _("Sign in to answer this survey: each person answers it once."),
            403,
            page,
            login_url=f"{reverse('learning:login')}?{urlencode({'next': page.url})}",
        )

    try:
        token = parse_token(post.get(TOKEN_FIELD, ""))
        earlier = earlier_response(page, token, request.user)
        answers = answers_from(post)
        checked = check_answers(survey, answers)
    except InvalidSurveySubmission as error:
        return _refusal(request, error.message, 400, page)
    except AlreadyAnswered as answered:
        return _refusal(request, _answered_message(answered.response.created_at), 409, page)
    if earlier is not None:
        return _thanks(request, page, status=409, repeated=True)

    situation_form = SituationForm(post) if page.anonymous else None
    situation_valid = situation_form is None or situation_form.is_valid()
    if checked.errors or not situation_valid:
        return _form_again(request, page, answers, checked.errors, situation_form, token)

    try:
        outcome = record_response(
            page,
            checked.rows,
            token,
            request.user,
            situation_form.situation() if situation_form is not None else None,
        )
    except AlreadyAnswered as answered:
        return _refusal(request, _answered_message(answered.response.created_at), 409, page)
    if not outcome.created:
        return _thanks(request, page, status=409, repeated=True)
    response = redirect("impact:survey_thanks", page_id=page.pk)
    response.status_code = 303
    if page.anonymous:
        remember_answered_here(response, page.translation_key, outcome.response.created_at)
    return response


def _form_again(request, page: SurveyPage, answers, errors, situation_form, token) -> HttpResponse:
    """The survey page again, with the answers kept and each problem marked."""
    context = page.get_context(request)
    context.update(
        survey_answers=answers,
        survey_errors=errors,
        survey_situation_form=situation_form,
        survey_token=str(token),
    )
    # A form to correct is an ordinary answer to a form (200), as Django's own views give it.
    return TemplateResponse(request, page.get_template(request), context)


@require_GET
def thanks(request: HttpRequest, page_id: int) -> HttpResponse:
    page = _survey_page(page_id)
    if page is None:
        return _refusal(
            request, _("There is no survey here. It may have been closed or removed."), 404
        )
    return _thanks(request, page)


def _thanks(
    request: HttpRequest, page: SurveyPage, *, status: int = 200, repeated: bool = False
) -> HttpResponse:
    parent = page.get_parent()
    under_programme = parent is not None and parent.specific_class is ProgrammePage
    programme = parent.specific if under_programme else None
    return render(
        request,
        "impact/surveys/thanks.html",
        {
            "page": page,
            "survey_page": page,
            "programme": programme if programme is not None and programme.live else None,
            "repeated": repeated,
        },
        status=status,
    )


urlpatterns: list[URLPattern] = [
    path("surveys/<int:page_id>/answer/", submit, name="submit_survey"),
    path("surveys/<int:page_id>/thanks/", thanks, name="survey_thanks"),
]
