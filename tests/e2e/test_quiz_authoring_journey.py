"""An editor reviews a quiz from its one-line summaries and links a question to a lesson section."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from modules.models import ModulePage


def test_editor_reads_question_summaries_and_links_a_lesson_section(demo, page):
    module = next(
        m
        for m in ModulePage.objects.filter(locale__language_code="en").order_by("pk")
        if m.quiz_definition
        and m.quiz_definition.questions[0].kind == "single_choice"
        and m.lesson_sections()
    )
    question = module.quiz_definition.questions[0]
    correct = "ABCDEFGH"[[c.is_correct for c in question.choices].index(True)]
    page.goto(f"{demo.url}/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("cyberaware-demo")
    page.get_by_role("button", name="Sign in").click()

    page.goto(f"{demo.url}/admin/pages/{module.pk}/edit/")
    page.get_by_role("tab", name="Quiz").click()
    quiz = page.locator("#tab-quiz")
    # Wagtail names the block type; the summary adds the rest of the question.
    summary = f"{len(question.choices)} answers · correct: {correct}"
    first = quiz.get_by_role("region", name=re.compile(re.escape(summary))).first
    expect(first.get_by_role("heading")).to_have_accessible_name(
        re.compile(f"^Single choice {re.escape(question.prompt[:20])}")
    )
    # Collapsed: the question's text box is not shown until the editor opens it.
    expect(first.get_by_role("textbox", name=re.compile("^Question"))).to_be_hidden()
    first.get_by_role("button", name="Toggle section").first.click()
    # Its written answers stay folded, each summed up by its text and whether it is correct.
    expect(first.get_by_role("textbox", name=re.compile("^Answer")).first).to_be_hidden()
    right = question.choices["ABCDEFGH".index(correct)].text[:20]
    expect(
        first.get_by_role("region", name=re.compile(f"{re.escape(right)}.* · correct$"))
    ).to_have_count(1)

    sections = quiz.get_by_label("Lesson section this question tests").first
    expect(sections).to_be_visible()
    heading_id, heading_text = next(iter(module.lesson_sections().items()))
    expect(sections.locator("option")).to_contain_text(
        ["No particular section", *module.lesson_sections().values()]
    )
    sections.select_option(label=heading_text)

    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("has been updated")
    draft = ModulePage.objects.get(pk=module.pk).get_latest_revision_as_object()
    assert draft.quiz_definition.questions[0].section_id == heading_id
