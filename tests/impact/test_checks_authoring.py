"""An editor creating a programme's check is told when its pool repeats a module's quiz."""

from __future__ import annotations

from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from modules.models import KnowledgeCheckPage
from tests.factories import uid
from tests.modules.test_quiz_authoring import _stream


def create_form_data(admin_client, programme, prompt: str) -> tuple[str, dict]:
    url = reverse("wagtailadmin_pages:add", args=["modules", "knowledgecheckpage", programme.pk])
    data = querydict_from_html(
        admin_client.get(url).content.decode(), form_id="page-edit-form"
    ).dict()
    question = {
        "prompt": prompt,
        "explanation": "",
        "section": "",
        "choices": [("Call them back on a known number", True, ""), ("Reply", False, "")],
    }
    data.update(_stream("questions", [("single_choice", uid(), question)]))
    data.update({"title": "Check what you know", "slug": "check", "questions_per_check": "10"})
    return url, data


def test_creating_a_check_that_repeats_a_module_question_is_refused(
    admin_client, programme, modules
):
    repeated = modules[0].quiz_definition.questions[0].prompt
    url, data = create_form_data(admin_client, programme, "  " + repeated.upper() + " ")
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "These questions are also in a module&#x27;s quiz" in response.content.decode()
    assert not KnowledgeCheckPage.objects.exists()


def test_creating_a_check_with_its_own_questions_works(admin_client, programme, modules):
    url, data = create_form_data(admin_client, programme, "What do you do with a strange call?")
    response = admin_client.post(url, data)
    assert response.status_code == 302
    page = KnowledgeCheckPage.objects.get()
    assert page.get_parent().pk == programme.pk
    assert page.pool.questions[0].prompt == "What do you do with a strange call?"


def test_the_preview_of_a_new_check_shows_what_visitors_will_read(admin_client, programme, modules):
    _url, data = create_form_data(admin_client, programme, "What do you do with a strange call?")
    preview = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=["modules", "knowledgecheckpage", programme.pk],
    )
    assert admin_client.post(preview, data).json()["is_valid"]
    html = admin_client.get(preview).content.decode()
    assert "How the check works" in html
    assert "you answer 1 question about what you already know" in html
    assert 'name="attempt_token"' not in html
    assert not KnowledgeCheckPage.objects.exists()
