"""A learner's checks and survey answers are in their data export; erasure keeps
anonymous figures and deletes what they wrote in their own words."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from impact.models import CheckAttempt, KnowledgeRecord, SurveyAnswer, SurveyResponse
from modules.models import SurveyPage
from tests.factories import RegionFactory, make_learner, make_module, make_programme, uid

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(site_pages):
    home, index = site_pages
    programme = make_programme(home, [make_module(index, "Phishing at the utility")])
    likert, choice, option, free = uid(), uid(), uid(), uid()
    survey = SurveyPage(
        title="Awareness survey",
        slug="awareness-survey",
        placement="after",
        locale=programme.locale,
        questions=[
            {
                "type": "likert",
                "id": likert,
                "value": {"statement": "I know whom to call after a click.", "required": True},
            },
            {
                "type": "single_choice",
                "id": choice,
                "value": {
                    "prompt": "How often do you change passwords?",
                    "options": [
                        {"type": "item", "id": option, "value": {"text": "When told to"}},
                        {"type": "item", "id": uid(), "value": {"text": "Never"}},
                    ],
                    "required": True,
                },
            },
            {
                "type": "free_text",
                "id": free,
                "value": {"prompt": "What would help you most?", "max_length": 500},
            },
        ],
    )
    programme.add_child(instance=survey)
    survey.save_revision().publish()
    region = RegionFactory()
    learner = make_learner("mari@example.com", language="en", region=region)
    other = make_learner("jaan@example.com", language="en", region=region)
    now = timezone.now()
    for user, score in ((learner, 40), (other, 10)):
        CheckAttempt.objects.create(
            user=user,
            programme_key=programme.translation_key,
            occasion="baseline",
            language="en",
            token=uuid.uuid4(),
            question_ids=["q1"],
            answers={"q1": ["c1"]},
            correct=4,
            total=10,
            score=score,
            created_at=now - timedelta(days=30),
        )
        KnowledgeRecord.objects.create(
            user=user,
            programme_key=programme.translation_key,
            region=region,
            baseline_score=score,
            baseline_correct=4,
            baseline_total=10,
            baseline_at=now - timedelta(days=30),
            counts_in_statistics=True,
        )
        response = SurveyResponse.objects.create(
            user=user,
            survey_key=survey.translation_key,
            survey_page=survey,
            programme_key=programme.translation_key,
            token=uuid.uuid4(),
            region=region,
            counts_in_statistics=True,
            created_at=now - timedelta(days=2),
        )
        SurveyAnswer.objects.bulk_create(
            [
                SurveyAnswer(response=response, question_id=likert, value=4),
                SurveyAnswer(response=response, question_id=choice, option_id=option),
                SurveyAnswer(response=response, question_id=free, text=f"Words of {user.email}"),
            ]
        )
    return {"learner": learner, "other": other, "programme": programme, "survey": survey}


def test_the_export_has_the_learners_checks_records_and_survey_answers(client, world):
    client.force_login(world["learner"])
    data = json.loads(client.get(reverse("learning:my_data"), {"format": "json"}).content)

    [check] = data["knowledge_checks"]
    assert check["programme"] == "Water programme"
    assert check["occasion"] == "baseline"
    assert (check["correct"], check["questions"], check["score"]) == (4, 10, 40)
    assert check["taken_at"]

    [row] = data["knowledge_records"]
    assert row["programme"] == "Water programme"
    assert row["baseline_score"] == 40 and row["final_score"] is None

    [response] = data["survey_responses"]
    assert response["survey"] == "Awareness survey"
    assert response["programme"] == "Water programme"
    answers = {answer["question"]: answer for answer in response["answers"]}
    assert answers["I know whom to call after a click."]["rating"] == 4
    assert answers["How often do you change passwords?"]["option"] == "When told to"
    assert answers["What would help you most?"]["text"] == "Words of mari@example.com"
    # Nobody else's answers.
    assert "jaan@example.com" not in json.dumps(data)


def test_the_my_data_page_lists_the_checks_and_surveys(client, world):
    client.force_login(world["learner"])
    page = client.get(reverse("learning:my_data")).content.decode()
    assert "Knowledge checks" in page
    assert "Baseline check" in page
    assert "4 of 10 (40%)" in page
    assert "Awareness survey" in page


def test_a_learner_without_checks_or_surveys_gets_no_empty_sections(client, world):
    newcomer = make_learner("new@example.com", language="en", region=RegionFactory())
    client.force_login(newcomer)
    data = json.loads(client.get(reverse("learning:my_data"), {"format": "json"}).content)
    assert "knowledge_checks" not in data
    assert "Knowledge checks" not in client.get(reverse("learning:my_data")).content.decode()


def test_erasure_keeps_anonymous_figures_and_deletes_the_learners_free_text(client, world):
    client.force_login(world["learner"])
    response = client.post(reverse("learning:delete_account"), {"password": "pw-Secret-123"})
    assert response.status_code == 302

    attempts = CheckAttempt.objects.filter(score=40)
    assert attempts.count() == 1 and attempts.get().user_id is None
    record = KnowledgeRecord.objects.get(baseline_score=40)
    assert record.user_id is None and record.counts_in_statistics
    anonymous = SurveyResponse.objects.get(user__isnull=True)
    assert sorted(a.value or 0 for a in anonymous.answers.all()) == [0, 4]
    assert not anonymous.answers.exclude(text="").exists()
    # The other learner's answers, free text included, are untouched.
    assert SurveyAnswer.objects.filter(text="Words of jaan@example.com").exists()
    assert SurveyResponse.objects.filter(user=world["other"]).count() == 1


def test_anonymous_survey_free_text_is_kept_on_someones_erasure(world):
    from learning.privacy import erase_learner

    anonymous = SurveyResponse.objects.create(
        survey_key=world["survey"].translation_key,
        token=uuid.uuid4(),
        counts_in_statistics=True,
        created_at=timezone.now(),
    )
    SurveyAnswer.objects.create(response=anonymous, question_id="q", text="Anonymous words")
    erase_learner(world["learner"])
    assert SurveyAnswer.objects.filter(text="Anonymous words").exists()
