"""Editors author a quiz with confidence: validation at the right block, lesson
sections a question tests, previews of the quiz and its result, multi-line texts."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.test.utils.form_data import querydict_from_html, rich_text
from wagtail_localize.segments.extract import extract_segments

from learning.models import ModuleProgress, QuizAttempt
from modules.blocks import QuizStreamBlock, SingleChoiceQuestionBlock
from modules.models import ModulePage
from tests.factories import choice_item, choice_question, make_module, translate_page, uid

SECTION_ID = "5b0a8a55-0000-4000-8000-000000000001"
OTHER_SECTION_ID = "5b0a8a55-0000-4000-8000-000000000002"


def lesson() -> list[dict]:
    return [
        {"type": "heading", "id": SECTION_ID, "value": "Spotting a fake invoice"},
        {"type": "paragraph", "id": uid(), "value": "<p>Attackers imitate suppliers.</p>"},
        {"type": "heading", "id": OTHER_SECTION_ID, "value": "Reporting it"},
    ]


def quiz(section: str = SECTION_ID) -> list[dict]:
    single = choice_question(
        "single_choice",
        "Which link is safe?",
        [
            choice_item("http://bank.example.evil", False, "FEEDBACK-FIRST-WRONG"),
            choice_item("https://bank.example", True, "FEEDBACK-RIGHT"),
        ],
        "EXPLANATION-LINK",
    )
    single["value"]["section"] = section
    true_false = {
        "type": "true_false",
        "id": uid(),
        "value": {
            "statement": "Reply to the sender to check.",
            "is_true": True,
            "explanation": "EXPLANATION-TF",
            "feedback_true": "FEEDBACK-TF-TRUE",
            "feedback_false": "",
            "section": "",
        },
    }
    return [single, true_false]


@pytest.fixture
def module(site_pages):
    _home, index = site_pages
    return make_module(index, body=lesson(), quiz=quiz())


# --- Validation of a question on its own -------------------------------------


def _choice_errors(block, choices) -> str:
    value = block.to_python({"prompt": "Q?", "explanation": "", "section": "", "choices": choices})
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(value)
    return excinfo.value.block_errors["choices"].non_block_errors.as_text()


def test_a_question_with_one_answer_asks_for_two_in_plain_words():
    block = SingleChoiceQuestionBlock()
    messages = _choice_errors(block, [choice_item("Only one", True)])
    assert "Give at least two answers to choose from." in messages
    # Not Wagtail's generic list message as well.
    assert "minimum number of items" not in messages


def test_the_correct_answer_rule_is_reported_with_another_fields_error():
    block = SingleChoiceQuestionBlock()
    value = block.to_python(
        {
            "prompt": "",
            "explanation": "",
            "section": "",
            "choices": [choice_item("a"), choice_item("b")],
        }
    )
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(value)
    errors = excinfo.value.block_errors
    assert "prompt" in errors
    assert "Mark exactly one answer as correct." in errors["choices"].non_block_errors.as_text()


# --- The lesson section a question tests --------------------------------------


def test_quiz_data_names_the_section_and_its_anchor_in_the_lesson(client, module):
    first, second = module.quiz_definition.questions
    assert first.section_id == SECTION_ID
    assert first.section_anchor == f"section-{SECTION_ID}"
    assert second.section_id == "" and second.section_anchor == ""
    html = client.get(module.url).content.decode()
    assert f'<h2 id="section-{SECTION_ID}">Spotting a fake invoice</h2>' in html


def test_a_question_pointing_at_a_removed_heading_is_refused_naming_it(module):
    module.body = [block for block in lesson() if block["id"] != SECTION_ID]
    with pytest.raises(ValidationError) as excinfo:
        module.full_clean()
    quiz_error = excinfo.value.error_dict["quiz"][0]
    section_error = quiz_error.block_errors[0].block_errors["section"]
    assert section_error.messages == [
        "Question 1 refers to a lesson section that no longer exists. "
        "Choose one of: “Reporting it”."
    ]
    # The other question has no section and no error.
    assert 1 not in quiz_error.block_errors


def test_a_section_reference_without_headings_says_what_to_do(module):
    module.body = [{"type": "paragraph", "id": uid(), "value": "<p>No headings.</p>"}]
    with pytest.raises(ValidationError) as excinfo:
        module.full_clean()
    message = excinfo.value.error_dict["quiz"][0].block_errors[0].block_errors["section"].messages
    assert "the lesson has no headings" in message[0]


def test_the_section_is_not_offered_for_translation_and_survives_it(module):
    translatable = {
        segment.path for segment in extract_segments(module) if hasattr(segment, "string")
    }
    assert not any(path.endswith(".section") for path in translatable)
    estonian = translate_page(module, "et")
    assert estonian.quiz_definition.questions[0].section_id == SECTION_ID
    assert SECTION_ID in estonian.lesson_sections()


# --- The edit form shows each error at its block -----------------------------


def _stream(prefix: str, items: list[tuple[str, str, dict | str]]) -> dict[str, str]:
    data = {f"{prefix}-count": str(len(items))}
    for index, (kind, block_id, value) in enumerate(items):
        at = f"{prefix}-{index}"
        data.update({f"{at}-type": kind, f"{at}-id": block_id, f"{at}-order": str(index)})
        data[f"{at}-deleted"] = ""
        if isinstance(value, dict):
            for name, field in value.items():
                if name == "choices":
                    data.update(_list(f"{at}-value-choices", field))
                elif field is True:
                    data[f"{at}-value-{name}"] = "on"
                elif field is not False:
                    data[f"{at}-value-{name}"] = field
        else:
            data[f"{at}-value"] = value
    return data


def _list(prefix: str, choices: list[tuple[str, bool, str]]) -> dict[str, str]:
    data = {f"{prefix}-count": str(len(choices))}
    for index, (text, correct, feedback) in enumerate(choices):
        at = f"{prefix}-{index}"
        data.update({f"{at}-id": uid(), f"{at}-order": str(index), f"{at}-deleted": ""})
        data.update({f"{at}-value-text": text, f"{at}-value-feedback": feedback})
        if correct:
            data[f"{at}-value-is_correct"] = "on"
    return data


def edit_form_data(admin_client, page, *, section: str, **fields) -> dict:
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(admin_client.get(url).content.decode(), form_id="page-edit-form")
    data = data.dict()
    data.update(
        _stream(
            "body",
            [
                ("heading", SECTION_ID, "Spotting a fake invoice"),
                ("paragraph", uid(), rich_text("<p>Attackers imitate suppliers.</p>")),
            ],
        )
    )
    question = {
        "prompt": "Which link is safe?",
        "explanation": "EXPLANATION-LINK",
        "section": section,
        "choices": [
            ("http://bank.example.evil", False, "FEEDBACK-FIRST-WRONG"),
            ("https://bank.example", True, "FEEDBACK-RIGHT"),
        ],
    }
    true_false = {
        "statement": "Reply to the sender to check.",
        "is_true": True,
        "explanation": "EXPLANATION-TF",
        "feedback_true": "FEEDBACK-TF-TRUE",
        "feedback_false": "",
        "section": "",
    }
    data.update(
        _stream("quiz", [("single_choice", uid(), question), ("true_false", uid(), true_false)])
    )
    data.update({key: str(value) for key, value in fields.items()})
    return data


def _block_errors(html: str, field: str) -> dict:
    """The error data Wagtail hands the StreamField widget of `field`."""
    marker = f'id="{field}" data-block'
    start = html.index(marker)
    arguments = html[start:].split('data-w-block-arguments-value="', 1)[1].split('"', 1)[0]
    return json.loads(arguments.replace("&quot;", '"').replace("&amp;", "&"))[1]


def test_the_edit_form_shows_section_and_settings_errors_where_they_belong(admin_client, module):
    url = reverse("wagtailadmin_pages:edit", args=[module.pk])
    data = edit_form_data(
        admin_client, module, section=OTHER_SECTION_ID, pass_mark=0, attempt_limit=0
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    errors = _block_errors(html, "quiz")
    section = errors["blockErrors"]["0"]["blockErrors"]["section"]["messages"]
    assert section == [
        "Question 1 refers to a lesson section that no longer exists. "
        "Choose one of: “Spotting a fake invoice”."
    ]
    form = response.context["form"]
    assert form.errors["pass_mark"] == ["Ensure this value is greater than or equal to 1."]
    assert form.errors["attempt_limit"] == ["Ensure this value is greater than or equal to 1."]

    data = edit_form_data(admin_client, module, section=SECTION_ID, pass_mark=101, attempt_limit=1)
    form = admin_client.post(url, data).context["form"]
    assert form.errors == {"pass_mark": ["Ensure this value is less than or equal to 100."]}


def test_the_edit_form_saves_a_valid_section(admin_client, module):
    url = reverse("wagtailadmin_pages:edit", args=[module.pk])
    data = edit_form_data(admin_client, module, section=SECTION_ID, pass_mark=80, attempt_limit="")
    response = admin_client.post(url, data)
    assert response.status_code == 302
    draft = ModulePage.objects.get(pk=module.pk).get_latest_revision_as_object()
    assert draft.quiz_definition.questions[0].section_id == SECTION_ID


def test_the_editor_collapses_questions_and_loads_the_summaries(admin_client, module):
    assert QuizStreamBlock().meta.collapsed
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[module.pk])).content.decode()
    assert "modules/js/quiz-editor.js" in html
    assert "modules.blocks.QuizBlock" in html
    assert "Lesson section this question tests" in html
    # The summary's words arrive translated, with every plural form needed.
    assert "4 answers" in html and "correct: %(answers)s" in html


# --- Previews -----------------------------------------------------------------


def _preview(admin_client, page, mode: str, **fields) -> str:
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = edit_form_data(admin_client, page, section=SECTION_ID, pass_mark=80, attempt_limit="")
    data.update(fields)
    assert admin_client.post(url, data).json()["is_valid"]
    response = admin_client.get(f"{url}?mode={mode}")
    assert response.status_code == 200
    return response.content.decode()


def _records() -> tuple[int, int]:
    return QuizAttempt.objects.count(), ModuleProgress.objects.count()


def test_quiz_preview_shows_the_answerable_form_and_cannot_send_it(admin_client, module):
    before = _records()
    html = _preview(admin_client, module, "quiz")
    assert "Which link is safe?" in html
    assert 'type="radio"' in html
    assert "Preview: answers chosen here are not sent or recorded." in html
    # Nothing a learner would not see: no feedback, no notice to sign in or complete a profile.
    assert "FEEDBACK-" not in html and "Complete your profile" not in html
    assert "attempt_token" not in html and "/quiz/" not in html.split('class="quiz-form"')[1]
    assert 'disabled aria-describedby="quiz-preview-note"' in html
    assert _records() == before


def test_result_preview_grades_the_first_answers_with_feedback(admin_client, module):
    before = _records()
    html = _preview(admin_client, module, "result")
    # The first answer of the single-choice question is wrong, "true" is right.
    assert "Score: 50%" in html
    assert "Not passed yet. The pass mark is 80%." in html
    assert "FEEDBACK-FIRST-WRONG" in html and "FEEDBACK-RIGHT" not in html
    assert "EXPLANATION-LINK" in html and "FEEDBACK-TF-TRUE" in html
    assert "Nothing is recorded." in html
    assert _records() == before


def test_preview_is_in_the_modules_language(rf, module):
    estonian = translate_page(module, "et")
    # An editor whose admin speaks English previews the Estonian module.
    with translation.override("en"):
        response = estonian.make_preview_request(rf.get("/admin/"), ModulePage.PREVIEW_QUIZ)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="et">' in html
    assert "Saada vastused" in html and "Submit answers" not in html


def test_lesson_preview_is_the_default(admin_client, module):
    assert module.default_preview_mode == ""
    html = _preview(admin_client, module, "")
    assert f'id="section-{SECTION_ID}"' in html


# --- Multi-line texts in the lesson -------------------------------------------


def test_checklist_items_and_callouts_keep_line_breaks_and_escape_html(client, site_pages):
    _home, index = site_pages
    body = [
        {
            "type": "checklist",
            "id": uid(),
            "value": {
                "title": "Before paying",
                "items": ["Call the supplier\non a known number", "<b>x</b>"],
            },
        },
        {
            "type": "callout",
            "id": uid(),
            "value": {"kind": "tip", "text": "First line\nsecond <i>line</i>"},
        },
    ]
    module = make_module(index, body=body)
    html = client.get(module.url).content.decode()
    assert "Call the supplier<br>on a known number" in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert "First line<br>second &lt;i&gt;line&lt;/i&gt;" in html
