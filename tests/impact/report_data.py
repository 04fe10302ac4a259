"""Check records and survey answers for the impact report tests, written directly
as the checks and survey forms would leave them, so that a test sets exactly
what the reports count."""

from __future__ import annotations

import datetime
import itertools
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from impact.models import KnowledgeRecord, SurveyAnswer, SurveyResponse
from modules.models import SurveyPage
from tests.factories import RegionFactory, SectorFactory, make_module, make_programme
from tests.learning.statistics.helpers import staff

_numbers = itertools.count()


def knowledge(
    programme,
    region,
    sector=None,
    *,
    baseline: int | None = None,
    final: int | None = None,
    retention: int | None = None,
    size: str = "small",
    language: str = "en",
    consent: bool = True,
    subregion=None,
    days_ago: int = 10,
) -> KnowledgeRecord:
    """One learner's record in the programme, with the scores given."""
    number = next(_numbers)
    user = get_user_model().objects.create_user(f"k{number}@example.com", f"k{number}@example.com")
    when = timezone.now() - datetime.timedelta(days=days_ago)
    return KnowledgeRecord.objects.create(
        user=user,
        programme_key=programme.translation_key,
        region=region,
        subregion=subregion,
        sector=sector,
        organisation_size=size,
        language=language,
        counts_in_statistics=consent,
        baseline_score=baseline,
        baseline_at=when - datetime.timedelta(days=30) if baseline is not None else None,
        final_score=final,
        final_at=when if final is not None else None,
        retention_score=retention,
        retention_at=when + datetime.timedelta(days=5) if retention is not None else None,
    )


def survey_page(parent, title: str = "Awareness survey", *, anonymous: bool = False) -> SurveyPage:
    """A survey with a statement to rate, a single and a multiple choice and a free text."""
    page = SurveyPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        anonymous=anonymous,
        locale=parent.locale,
        questions=[
            {
                "type": "likert",
                "id": "q-likert",
                "value": {"statement": "I recognise a phishing e-mail.", "required": True},
            },
            {
                "type": "single_choice",
                "id": "q-single",
                "value": {
                    "prompt": "Who do you tell about a suspicious e-mail?",
                    "required": True,
                    "options": [
                        {"type": "item", "id": "o-it", "value": {"text": "IT"}},
                        {"type": "item", "id": "o-boss", "value": {"text": "My manager"}},
                        {"type": "item", "id": "o-none", "value": {"text": "Nobody"}},
                    ],
                },
            },
            {
                "type": "multiple_choice",
                "id": "q-multi",
                "value": {
                    "prompt": "Which do you use?",
                    "required": False,
                    "options": [
                        {"type": "item", "id": "o-mfa", "value": {"text": "Two-step sign-in"}},
                        {"type": "item", "id": "o-pm", "value": {"text": "A password manager"}},
                    ],
                },
            },
            {
                "type": "free_text",
                "id": "q-text",
                "value": {"prompt": "What else should we know?", "max_length": 500},
            },
        ],
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def respond(
    survey,
    region,
    sector=None,
    *,
    rating: int | None = 4,
    single: str | None = "o-it",
    multi=(),
    text: str = "",
    size: str = "small",
    consent: bool = True,
) -> SurveyResponse:
    response = SurveyResponse.objects.create(
        survey_key=survey.translation_key,
        survey_page=survey,
        token=uuid.uuid4(),
        region=region,
        sector=sector,
        organisation_size=size,
        language="en",
        counts_in_statistics=consent,
        created_at=timezone.now(),
    )
    answers = []
    if rating is not None:
        answers.append(SurveyAnswer(response=response, question_id="q-likert", value=rating))
    if single:
        answers.append(SurveyAnswer(response=response, question_id="q-single", option_id=single))
    answers += [
        SurveyAnswer(response=response, question_id="q-multi", option_id=option) for option in multi
    ]
    if text:
        answers.append(SurveyAnswer(response=response, question_id="q-text", text=text))
    SurveyAnswer.objects.bulk_create(answers)
    return response


@pytest.fixture
def impact_world(site_pages):
    """Estonia and Latvia, two sectors, a programme and a survey; a manager for
    Estonia and a coordinator. No records: each test writes its own."""
    home, index = site_pages
    estonia = RegionFactory(code="EE", name="Estonia", default_language="et")
    latvia = RegionFactory(code="LV", name="Latvia", country="LV", default_language="lv")
    water = SectorFactory(slug="water", name="Water")
    energy = SectorFactory(slug="energy", name="Energy")
    phishing = make_module(index, "Phishing at the utility", sectors=[water])
    programme = make_programme(home, [phishing], title="Water programme")
    programme.regions.set([estonia, latvia])
    programme.save()
    survey = survey_page(home)
    return {
        "home": home,
        "estonia": estonia,
        "latvia": latvia,
        "water": water,
        "energy": energy,
        "phishing": phishing,
        "programme": programme,
        "survey": survey,
        "manager": staff("manager.ee", codename="view_statistics", regions=[estonia]),
        "coordinator": staff("coordinator", codename="view_all_regions"),
    }
