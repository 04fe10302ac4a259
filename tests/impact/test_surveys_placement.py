"""Surveys placed before or after a programme: what is recorded, when learners are invited."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from impact.models import SurveyResponse
from learning.recording import record_module_start
from modules.models.measures import SurveyPage
from tests.factories import (
    SurveyPageFactory,
    make_module,
    make_programme,
    record_attempt,
)


@pytest.fixture
def programme(site_pages, water):
    home, index = site_pages
    modules = [make_module(index, f"Module {n}", sectors=[water]) for n in range(2)]
    return make_programme(home, modules)


@pytest.fixture
def before(programme):
    return SurveyPageFactory.create(programme, "Before survey", placement="before")


@pytest.fixture
def after(programme):
    return SurveyPageFactory.create(programme, "After survey", placement="after", anonymous=True)


def answers(page) -> dict:
    likert, single, _multiple, _text = page.survey.questions
    return {
        "survey_token": str(uuid.uuid4()),
        f"q-{likert.id}": "3",
        f"q-{single.id}": single.options[0].id,
    }


def submit(client, page, data):
    return client.post(reverse("impact:submit_survey", args=[page.pk]), data)


def invitations(client, programme) -> str:
    html = client.get(programme.url).content.decode()
    start = html.find('class="notice survey-invitations"')
    return html[start : html.find("</section>", start)] if start >= 0 else ""


def test_a_placed_survey_records_its_programme(learner_client, programme, before, after):
    submit(learner_client, before, answers(before))
    submit(learner_client, after, answers(after))
    keys = set(SurveyResponse.objects.values_list("programme_key", flat=True))
    assert keys == {programme.translation_key}


def test_a_survey_on_its_own_records_no_programme(learner_client, site_pages):
    home, _index = site_pages
    survey = SurveyPageFactory.create(home)
    submit(learner_client, survey, answers(survey))
    assert SurveyResponse.objects.get().programme_key is None


def test_the_before_survey_is_offered_until_a_module_is_started(
    learner_client, learner, programme, before, after
):
    panel = invitations(learner_client, programme)
    assert "Before survey" in panel and before.url in panel
    assert "After survey" not in panel
    record_module_start(learner, programme.module_pages()[0])
    assert invitations(learner_client, programme) == ""


def test_the_before_survey_is_not_offered_once_answered(learner_client, programme, before):
    assert "Before survey" in invitations(learner_client, programme)
    submit(learner_client, before, answers(before))
    assert invitations(learner_client, programme) == ""


def test_the_after_survey_is_offered_once_the_programme_is_completed(
    learner_client, learner, programme, after
):
    first, second = programme.module_pages()
    record_attempt(learner, first)
    assert invitations(learner_client, programme) == ""
    record_attempt(learner, second)
    panel = invitations(learner_client, programme)
    assert "After survey" in panel and "Your answers are anonymous." in panel
    # This browser answered the anonymous survey: the invitation goes.
    assert submit(learner_client, after, answers(after)).status_code == 303
    assert invitations(learner_client, programme) == ""
    assert SurveyResponse.objects.get().user is None


def test_visitors_are_not_invited(client, programme, before):
    assert invitations(client, programme) == ""


def test_the_thank_you_page_leads_back_to_the_programme(learner_client, programme, before):
    response = submit(learner_client, before, answers(before))
    html = learner_client.get(response["Location"]).content.decode()
    assert programme.url in html and "Start “Water programme”" in html
    assert "Thank you for your answers." in html


# Where a survey may be placed.


def admin_form(parent, page, placement):
    form_class = SurveyPage.get_edit_handler().get_form_class()
    data = {
        "title": "Placed survey",
        "slug": "placed-survey",
        "placement": placement,
        "questions-count": "0",
    }
    user = get_user_model().objects.create_superuser(f"root-{uuid.uuid4().hex[:6]}", "", "pw")
    form = form_class(data, instance=page, parent_page=parent, for_user=user)
    form.is_valid()
    return form


def test_a_new_survey_under_the_home_page_cannot_be_placed(site_pages, programme):
    home, _index = site_pages
    assert "placement" in admin_form(home, SurveyPage(), "before").errors
    assert "placement" not in admin_form(home, SurveyPage(), "").errors
    assert "placement" not in admin_form(programme, SurveyPage(), "after").errors


def test_an_existing_survey_under_the_home_page_cannot_be_placed(site_pages):
    home, _index = site_pages
    survey = SurveyPageFactory.create(home)
    survey.placement = "after"
    with pytest.raises(ValidationError) as raised:
        survey.full_clean()
    assert "placement" in raised.value.message_dict
    assert "placement" in admin_form(home, survey, "after").errors


def page_queries(client, url) -> int:
    client.get(url)  # warm the shared lookups
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries.captured_queries)


def test_the_invitations_cost_the_programme_page_at_most_two_queries(learner_client, programme):
    without = page_queries(learner_client, programme.url)
    SurveyPageFactory.create(programme, "Before survey", placement="before")
    SurveyPageFactory.create(programme, "After survey", placement="after")
    SurveyPageFactory.create(programme, "Another before", placement="before", anonymous=True)
    assert page_queries(learner_client, programme.url) <= without + 2
