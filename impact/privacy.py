"""A learner's check scores and survey answers in their data export, and erasure.

Erasure keeps the anonymous figures: check attempts, knowledge records and
survey responses lose their user (the foreign keys set it to null) and stay
in the statistics, as module progress does. Free-text survey answers go
first: what someone wrote in their own words may name them.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.dateparse import parse_datetime
from wagtail import hooks

from modules.models import ProgrammePage, SurveyPage

from .models import CheckAttempt, KnowledgeRecord, Occasion, SurveyAnswer, SurveyResponse


def _iso(value):
    return value.isoformat() if value else None


def _titles(model, keys) -> dict:
    """Page titles by translation key, in the current language where there is one."""
    language = translation.get_language() or ""
    titles: dict = {}
    rows = model.objects.filter(translation_key__in=set(keys)).values_list(
        "translation_key", "locale__language_code", "title"
    )
    for key, _code, title in sorted(rows, key=lambda row: row[1] != language, reverse=True):
        titles[key] = title  # the current language's title is written last
    return titles


def _survey_answers(response: SurveyResponse, survey) -> list[dict]:
    answers = []
    for answer in response.answers.all():
        question = survey.question(answer.question_id) if survey else None
        option = question.option(answer.option_id) if question and answer.option_id else None
        answers.append(
            {
                "question": question.prompt if question else None,
                "question_id": answer.question_id,
                "option": option.text if option else (answer.option_id or None),
                "rating": answer.value,
                "text": answer.text or None,
            }
        )
    return answers


@hooks.register("learner_personal_data")
def impact_data(user) -> dict:
    attempts = list(CheckAttempt.objects.filter(user=user).order_by("created_at"))
    records = list(KnowledgeRecord.objects.filter(user=user).order_by("pk"))
    responses = list(
        SurveyResponse.objects.filter(user=user).order_by("created_at").prefetch_related("answers")
    )
    if not (attempts or records or responses):
        return {}
    programmes = _titles(
        ProgrammePage,
        [a.programme_key for a in attempts]
        + [r.programme_key for r in records]
        + [r.programme_key for r in responses if r.programme_key],
    )
    survey_keys = {r.survey_key for r in responses}
    surveys = _titles(SurveyPage, survey_keys)
    language = translation.get_language() or ""
    pages = {}
    for page in SurveyPage.objects.filter(translation_key__in=survey_keys).select_related("locale"):
        if page.translation_key not in pages or page.locale.language_code == language:
            pages[page.translation_key] = page
    return {
        "knowledge_checks": [
            {
                "programme": programmes.get(attempt.programme_key),
                "occasion": attempt.occasion,
                "taken_at": _iso(attempt.created_at),
                "language": attempt.language,
                "correct": attempt.correct,
                "questions": attempt.total,
                "score": attempt.score,
                "answers": attempt.answers,
            }
            for attempt in attempts
        ],
        "knowledge_records": [
            {
                "programme": programmes.get(row.programme_key),
                "baseline_score": row.baseline_score,
                "baseline_at": _iso(row.baseline_at),
                "final_score": row.final_score,
                "final_at": _iso(row.final_at),
                "retention_score": row.retention_score,
                "retention_at": _iso(row.retention_at),
                "retention_check_opens_on": _iso(row.retention_due_on),
                "counts_in_statistics": row.counts_in_statistics,
            }
            for row in records
        ],
        "survey_responses": [
            {
                "survey": surveys.get(response.survey_key),
                "programme": programmes.get(response.programme_key),
                "answered_at": _iso(response.created_at),
                "answers": _survey_answers(
                    response,
                    pages[response.survey_key].survey if response.survey_key in pages else None,
                ),
            }
            for response in responses
        ],
    }


@hooks.register("learner_data_panels")
def impact_data_panel(request, data: dict) -> str:
    """Knowledge checks and survey responses on the "My data" page (the download has them too)."""
    if not any(data.get(key) for key in ("knowledge_checks", "survey_responses")):
        return ""
    labels = dict(Occasion.choices)
    checks = [
        {
            **check,
            "occasion_label": labels.get(check["occasion"], check["occasion"]),
            "taken_on": parse_datetime(check["taken_at"]) if check["taken_at"] else None,
        }
        for check in data.get("knowledge_checks", [])
    ]
    responses = [
        {
            **response,
            "answered_on": parse_datetime(response["answered_at"])
            if response["answered_at"]
            else None,
        }
        for response in data.get("survey_responses", [])
    ]
    return render_to_string(
        "impact/privacy/my_data_panel.html",
        {"checks": checks, "responses": responses},
        request=request,
    )


@hooks.register("before_erase_learner")
def erase_impact(user) -> None:
    """Free texts of the learner's signed-in survey responses go; their scores and
    ratings stay as anonymous rows when the account is deleted."""
    SurveyAnswer.objects.filter(response__user=user).exclude(text="").delete()
