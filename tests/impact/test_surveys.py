"""Answering a survey: the form, the two kinds of survey, and every bad submission."""

from __future__ import annotations

import re
import uuid
from unittest import mock

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from impact.models import SurveyAnswer, SurveyResponse
from impact.surveys import record_response
from learning.models import OrganisationSize
from tests.factories import (
    RegionFactory,
    SubRegionFactory,
    SurveyPageFactory,
    make_learner,
    make_module,
    sample_survey_questions,
    survey_option,
    translate_page,
    uid,
)


@pytest.fixture
def learner(db, water):
    return make_learner(sector=water, size="small", consent=True)


@pytest.fixture
def survey(site_pages):
    """A signed-in survey on its own under the home page."""
    home, _index = site_pages
    return SurveyPageFactory.create(home, thank_you="THANK-YOU-TEXT from the partner.")


@pytest.fixture
def anonymous_survey(site_pages):
    home, _index = site_pages
    return SurveyPageFactory.create(home, "Anonymous survey", anonymous=True)


def questions(page):
    """(likert, single choice, multiple choice, free text) of a sample survey."""
    return page.survey.questions


def full_answers(page, token=None, **extra) -> dict:
    likert, single, multiple, text = questions(page)
    return {
        "survey_token": str(token or uuid.uuid4()),
        f"q-{likert.id}": "4",
        f"q-{single.id}": single.options[1].id,
        f"q-{multiple.id}": [option.id for option in multiple.options],
        f"q-{text.id}": "More examples from water utilities.",
        **extra,
    }


def submit(client, page, data, **extra):
    return client.post(reverse("impact:submit_survey", args=[page.pk]), data, **extra)


def nothing_recorded():
    return SurveyResponse.objects.count() == 0 and SurveyAnswer.objects.count() == 0


# The form.


def test_the_form_asks_each_kind_of_question_accessibly(client, anonymous_survey):
    response = client.get(anonymous_survey.url)
    html = response.content.decode()
    likert, single, multiple, text = questions(anonymous_survey)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    # The statement: a fieldset whose legend is the statement, five labelled radios.
    fieldset = re.search(rf'<fieldset[^>]*id="q-{likert.id}".*?</fieldset>', html, re.S).group(0)
    assert "<legend>" in fieldset and "I can recognise a phishing e-mail." in fieldset
    assert "(required)" in fieldset
    assert fieldset.count('type="radio"') == 5
    labels = re.findall(r"<label[^>]*>([^<]+)</label>", fieldset)
    assert labels == [
        "Strongly disagree",
        "Disagree",
        "Neither agree nor disagree",
        "Agree",
        "Strongly agree",
    ]
    assert html.count(f'name="q-{single.id}" ') == 2 and 'type="radio"' in html
    assert html.count(f'type="checkbox" name="q-{multiple.id}"') == 2
    # The free text: a labelled textarea with its limit and count, tied to both.
    assert f'<label for="q-{text.id}-text">' in html
    assert re.search(rf'<textarea name="q-{text.id}"[^>]*maxlength="200"', html)
    assert f'aria-describedby="q-{text.id}-limit"' in html
    assert "At most 200 characters." in html
    assert "0 of 200 characters used" in html
    # The one-time token and the CSRF token.
    token = re.search(r'name="survey_token" value="([0-9a-f-]{36})"', html).group(1)
    assert uuid.UUID(token)
    assert 'name="csrfmiddlewaretoken"' in html
    assert reverse("impact:submit_survey", args=[anonymous_survey.pk]) in html
    # An anonymous survey asks, optionally, where the respondent stands.
    for name in ("region", "subregion", "sector", "organisation_size"):
        assert f'name="{name}"' in html
    assert "Prefer not to say" in html
    assert "your answers are not linked to you" in html


def test_each_visit_gets_a_new_token(client, anonymous_survey):
    first = client.get(anonymous_survey.url).content.decode()
    second = client.get(anonymous_survey.url).content.decode()
    pattern = r'name="survey_token" value="([0-9a-f-]{36})"'
    assert re.search(pattern, first).group(1) != re.search(pattern, second).group(1)


def test_the_form_renders_in_estonian(client, anonymous_survey, learner):
    estonian = translate_page(anonymous_survey, "et")
    assert estonian.url.startswith("/et/")
    html = client.get(estonian.url).content.decode()
    assert '<html lang="et">' in html
    with translation.override("et"):
        action = reverse("impact:submit_survey", args=[estonian.pk])
    assert action.startswith("/et/") and action in html
    # The questions keep their ids in every language: answers count together.
    likert = questions(anonymous_survey)[0]
    assert f'name="q-{likert.id}"' in html
    response = submit(client, estonian, full_answers(estonian))
    assert response.status_code == 303
    assert SurveyResponse.objects.get().language == "et"
    assert client.get(response["Location"]).status_code == 200


def test_a_signed_in_survey_in_estonian_asks_to_sign_in_in_estonian(client, survey):
    estonian = translate_page(survey, "et")
    html = client.get(estonian.url).content.decode()
    assert '<html lang="et">' in html
    assert "Logi sisse" in html


# Signed-in surveys.


def test_a_visitor_is_asked_to_sign_in_and_comes_back(client, survey):
    html = client.get(survey.url).content.decode()
    login = reverse("learning:login")
    assert f'href="{login}?next={survey.url.replace("/", "%2F")}"' in html
    assert 'name="survey_token"' not in html


def test_a_learner_answers_once_and_the_situation_comes_from_the_profile(
    learner_client, learner, survey, water
):
    token = uuid.uuid4()
    response = submit(learner_client, survey, full_answers(survey, token))
    assert response.status_code == 303
    assert response["Location"] == reverse("impact:survey_thanks", args=[survey.pk])
    recorded = SurveyResponse.objects.get()
    assert recorded.user == learner
    assert recorded.token == token
    assert recorded.survey_key == survey.translation_key
    assert recorded.programme_key is None
    assert (recorded.region.code, recorded.sector, recorded.organisation_size) == (
        "EE",
        water,
        "small",
    )
    assert recorded.counts_in_statistics is True
    assert recorded.language == "en"
    likert, single, multiple, text = questions(survey)
    rows = {(a.question_id, a.option_id, a.value, a.text) for a in recorded.answers.all()}
    assert rows == {
        (likert.id, "", 4, ""),
        (single.id, single.options[1].id, None, ""),
        (multiple.id, multiple.options[0].id, None, ""),
        (multiple.id, multiple.options[1].id, None, ""),
        (text.id, "", None, "More examples from water utilities."),
    }
    thanks = learner_client.get(response["Location"])
    assert "THANK-YOU-TEXT from the partner." in thanks.content.decode()
    assert reverse("learning:dashboard") in thanks.content.decode()


def test_a_learner_without_consent_is_recorded_out_of_the_statistics(client, survey):
    user = make_learner("no-consent@example.com", consent=False)
    client.force_login(user)
    submit(client, survey, full_answers(survey))
    assert SurveyResponse.objects.get().counts_in_statistics is False


def test_a_second_visit_thanks_instead_of_asking_again(learner_client, survey):
    submit(learner_client, survey, full_answers(survey))
    html = learner_client.get(survey.url).content.decode()
    assert "You answered this survey on" in html and "Thank you." in html
    assert 'name="survey_token"' not in html


def test_a_second_response_by_the_same_person_is_refused(learner_client, survey):
    submit(learner_client, survey, full_answers(survey))
    response = submit(learner_client, survey, full_answers(survey))
    assert response.status_code == 409
    assert "You answered this survey on" in response.content.decode()
    assert "Each person answers a survey once" in response.content.decode()
    assert SurveyResponse.objects.count() == 1
    assert SurveyAnswer.objects.count() == 5


def test_the_same_form_sent_twice_is_recorded_once(learner_client, survey):
    data = full_answers(survey)
    first = submit(learner_client, survey, data)
    second = submit(learner_client, survey, data)
    assert first.status_code == 303
    assert second.status_code == 409
    html = second.content.decode()
    assert "THANK-YOU-TEXT from the partner." in html
    assert "recorded already" in html
    assert SurveyResponse.objects.count() == 1
    assert SurveyAnswer.objects.count() == 5


def test_a_visitor_cannot_post_to_a_signed_in_survey(client, survey):
    response = submit(client, survey, full_answers(survey))
    assert response.status_code == 403
    assert "Sign in to answer this survey" in response.content.decode()
    assert nothing_recorded()


# Anonymous surveys.


def test_an_anonymous_response_names_nobody_even_when_signed_in(learner_client, anonymous_survey):
    response = submit(learner_client, anonymous_survey, full_answers(anonymous_survey))
    assert response.status_code == 303
    recorded = SurveyResponse.objects.get()
    assert recorded.user is None
    # Not the profile's situation: only what the form was told, here nothing.
    assert (recorded.region, recorded.sector, recorded.organisation_size) == (None, None, "")
    assert recorded.counts_in_statistics is True
    # The browser remembers it answered; the server keeps nothing of it.
    assert any(name.startswith("survey-") for name in response.cookies)


def test_a_visitor_answers_an_anonymous_survey_with_their_situation(
    client, anonymous_survey, water
):
    harju = SubRegionFactory()
    data = full_answers(
        anonymous_survey,
        region=harju.region.pk,
        subregion=harju.pk,
        sector=water.pk,
        organisation_size=OrganisationSize.choices[1][0],
    )
    assert submit(client, anonymous_survey, data).status_code == 303
    recorded = SurveyResponse.objects.get()
    assert recorded.user is None
    assert (recorded.region, recorded.subregion, recorded.sector) == (harju.region, harju, water)
    assert recorded.organisation_size == OrganisationSize.choices[1][0]
    assert recorded.counts_in_statistics is True
    # Anyone may answer again: anonymous surveys cannot know who answered.
    again = client.get(anonymous_survey.url).content.decode()
    assert "Answers to this survey were sent from this browser on" in again
    assert 'name="survey_token"' in again


def test_a_sub_region_of_another_region_is_sent_back(client, anonymous_survey):
    harju = SubRegionFactory()
    other = RegionFactory(code="SK", name="Slovakia", names={}, country="SK")
    data = full_answers(anonymous_survey, region=other.pk, subregion=harju.pk)
    response = submit(client, anonymous_survey, data)
    assert response.status_code == 200
    assert "is not in" in response.content.decode()
    assert nothing_recorded()


# Bad input: a clear 4xx, nothing recorded.


@pytest.mark.parametrize("rating", ["0", "6", "abc", "-1", "4.5"])
def test_a_rating_off_the_scale_is_refused(learner_client, survey, rating):
    likert = questions(survey)[0]
    response = submit(learner_client, survey, full_answers(survey, **{f"q-{likert.id}": rating}))
    assert response.status_code == 400
    assert "five points of the scale" in response.content.decode()
    assert "Nothing was saved." in response.content.decode()
    assert nothing_recorded()


def test_two_ratings_for_one_statement_are_refused(learner_client, survey):
    likert = questions(survey)[0]
    response = submit(
        learner_client, survey, full_answers(survey, **{f"q-{likert.id}": ["2", "4"]})
    )
    assert response.status_code == 400
    assert "received several" in response.content.decode()
    assert nothing_recorded()


def test_an_option_of_another_question_is_refused(learner_client, survey):
    _likert, single, multiple, _text = questions(survey)
    data = full_answers(survey, **{f"q-{single.id}": multiple.options[0].id})
    response = submit(learner_client, survey, data)
    assert response.status_code == 400
    assert "does not belong to its question" in response.content.decode()
    assert nothing_recorded()


def test_an_option_of_another_survey_is_refused(learner_client, survey, site_pages):
    home, _index = site_pages
    other = SurveyPageFactory.create(home, "Other survey")
    other_single = questions(other)[1]
    single = questions(survey)[1]
    data = full_answers(survey, **{f"q-{single.id}": other_single.options[0].id})
    response = submit(learner_client, survey, data)
    assert response.status_code == 400
    assert nothing_recorded()


def test_answers_to_another_surveys_questions_are_refused(learner_client, survey, site_pages):
    home, _index = site_pages
    other = SurveyPageFactory.create(home, "Other survey")
    other_likert = questions(other)[0]
    data = full_answers(survey, **{f"q-{other_likert.id}": "3"})
    response = submit(learner_client, survey, data)
    assert response.status_code == 400
    assert "not in this survey" in response.content.decode()
    assert nothing_recorded()


def test_a_free_text_over_its_limit_is_refused(learner_client, survey):
    text = questions(survey)[3]
    response = submit(learner_client, survey, full_answers(survey, **{f"q-{text.id}": "x" * 201}))
    assert response.status_code == 400
    assert "at most 200" in response.content.decode()
    assert nothing_recorded()


def test_line_breaks_count_once_against_the_limit(learner_client, survey):
    # A browser stops at 200 characters counting a line break as one, then sends it as two.
    text = questions(survey)[3]
    written = "\r\n".join(["x" * 19] * 10)
    assert len(written.replace("\r\n", "\n")) == 199
    response = submit(learner_client, survey, full_answers(survey, **{f"q-{text.id}": written}))
    assert response.status_code == 303
    assert SurveyAnswer.objects.get(question_id=text.id).text == "\n".join(["x" * 19] * 10)


def test_missing_required_answers_send_the_form_back_with_the_answers_kept(learner_client, survey):
    likert, single, multiple, text = questions(survey)
    data = full_answers(survey)
    del data[f"q-{likert.id}"]
    del data[f"q-{single.id}"]
    response = submit(learner_client, survey, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert nothing_recorded()
    assert "<title>Error:" in html
    assert 'class="error-summary" role="alert" tabindex="-1"' in html
    assert "Question 1: Choose how much you agree with this statement." in html
    assert "Question 2: Choose an answer." in html
    assert f'href="#q-{likert.id}-1"' in html
    assert f'aria-describedby="q-{likert.id}-error"' in html
    assert f'id="q-{likert.id}-error"' in html
    # What was answered stays: the ticks and the text, and the same token.
    for option in multiple.options:
        assert re.search(rf'id="q-{multiple.id}-{option.id}" value="{option.id}" checked', html)
    assert "More examples from water utilities.</textarea>" in html
    assert f'value="{data["survey_token"]}"' in html
    # Once put right, the same form records.
    data[f"q-{likert.id}"] = "5"
    data[f"q-{single.id}"] = single.options[0].id
    assert submit(learner_client, survey, data).status_code == 303
    assert SurveyResponse.objects.count() == 1


def test_optional_questions_may_be_left_out(learner_client, survey):
    likert, single, _multiple, _text = questions(survey)
    data = {
        "survey_token": str(uuid.uuid4()),
        f"q-{likert.id}": "1",
        f"q-{single.id}": single.options[0].id,
    }
    assert submit(learner_client, survey, data).status_code == 303
    assert SurveyAnswer.objects.count() == 2


@pytest.mark.parametrize("token", [None, "", "not-a-token"])
def test_a_form_without_its_token_is_refused(learner_client, survey, token):
    data = full_answers(survey)
    if token is None:
        del data["survey_token"]
    else:
        data["survey_token"] = token
    response = submit(learner_client, survey, data)
    assert response.status_code == 400
    assert "form is incomplete" in response.content.decode()
    assert nothing_recorded()


def test_a_token_another_survey_recorded_is_refused(client, anonymous_survey, site_pages):
    home, _index = site_pages
    other = SurveyPageFactory.create(home, "Other anonymous", anonymous=True)
    token = uuid.uuid4()
    assert submit(client, other, full_answers(other, token)).status_code == 303
    response = submit(client, anonymous_survey, full_answers(anonymous_survey, token))
    assert response.status_code == 400
    assert SurveyResponse.objects.count() == 1


def test_a_post_to_a_page_that_is_not_a_survey_is_refused(learner_client, site_pages, water):
    home, index = site_pages
    module = make_module(index, sectors=[water])
    for page_id in (module.pk, home.pk, 999_999):
        response = learner_client.post(
            reverse("impact:submit_survey", args=[page_id]), {"survey_token": str(uuid.uuid4())}
        )
        assert response.status_code == 404
        assert "There is no survey here to answer" in response.content.decode()
    assert nothing_recorded()


def test_an_unpublished_survey_takes_no_answers(learner_client, survey):
    survey.unpublish()
    response = submit(learner_client, survey, full_answers(survey))
    assert response.status_code == 404
    assert nothing_recorded()


def test_an_oversized_request_is_refused(learner_client, survey):
    text = questions(survey)[3]
    data = full_answers(survey, padding="x" * 200_000)
    data[f"q-{text.id}"] = "fine"
    response = submit(learner_client, survey, data)
    assert response.status_code == 413
    assert "far larger than this survey" in response.content.decode()
    assert nothing_recorded()


def test_get_is_not_a_submission(learner_client, survey):
    response = learner_client.get(reverse("impact:submit_survey", args=[survey.pk]))
    assert response.status_code == 405
    assert nothing_recorded()


def test_a_failure_while_writing_answers_leaves_no_response(learner, survey):
    likert = questions(survey)[0]
    rows = [{"question_id": likert.id, "value": 3}]
    with (
        mock.patch.object(SurveyAnswer.objects, "bulk_create", side_effect=DatabaseError),
        pytest.raises(DatabaseError),
    ):
        record_response(survey, rows, uuid.uuid4(), learner)
    assert nothing_recorded()


# Cost.


def survey_page_queries(client, page) -> int:
    client.get(page.url)  # warm the shared lookups
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def many_questions(count: int) -> list[dict]:
    kinds = sample_survey_questions()
    blocks = []
    for n in range(count):
        block = {**kinds[n % 4], "id": uid()}
        if "options" in block["value"]:
            block["value"] = {
                **block["value"],
                "options": [survey_option(f"Option {n}-{m}") for m in range(3)],
            }
        blocks.append(block)
    return blocks


@pytest.mark.parametrize("anonymous", [True, False])
def test_the_survey_pages_queries_do_not_grow_with_its_questions(
    learner_client, site_pages, anonymous
):
    home, _index = site_pages
    small = SurveyPageFactory.create(
        home, "Small", questions=many_questions(2), anonymous=anonymous
    )
    large = SurveyPageFactory.create(
        home, "Large", questions=many_questions(40), anonymous=anonymous
    )
    assert survey_page_queries(learner_client, small) == survey_page_queries(learner_client, large)


def test_an_answer_in_one_language_counts_for_every_language(learner_client, survey):
    submit(learner_client, survey, full_answers(survey))
    estonian = translate_page(survey, "et")
    html = learner_client.get(estonian.url).content.decode()
    assert 'name="survey_token"' not in html
    response = submit(learner_client, estonian, full_answers(estonian))
    assert response.status_code == 409
    assert SurveyResponse.objects.count() == 1


def test_an_editors_preview_shows_the_form_without_sending_it(survey):
    response = survey.make_preview_request()
    html = response.content.decode()
    assert response.status_code == 200
    assert "Preview: answers chosen here are not sent or recorded." in html
    assert 'name="survey_token"' not in html
    assert 'type="radio"' in html
