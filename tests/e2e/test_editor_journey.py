"""An editor authors a module with a quiz, publishes it and has it translated into Estonian."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from modules.models import ModuleIndexPage, ModulePage


def insert_block(scope, option: str, text: str) -> None:
    """Add a block at the end and type into its first field, which Wagtail focuses."""
    scope.get_by_role("button", name="Insert a block").last.click()
    scope.page.get_by_role("option", name=option, exact=True).click()
    # Wagtail puts the focus in the new block's first field once it is ready.
    scope.page.wait_for_function(
        """() => { const el = document.activeElement;
            return el && (el.tagName === 'TEXTAREA' || el.isContentEditable
                || (el.tagName === 'INPUT' && el.type === 'text')); }"""
    )
    scope.page.keyboard.type(text)


def test_editor_creates_publishes_and_translates_a_module(demo, page):
    index = ModuleIndexPage.objects.get(locale__language_code="en")
    page.goto(f"{demo.url}/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("cyberaware-demo")
    page.get_by_role("button", name="Sign in").click()

    page.goto(f"{demo.url}/admin/pages/add/modules/modulepage/{index.pk}/")
    page.get_by_role("textbox", name=re.compile("^Title")).fill("Securing the chlorine dosing PLC")
    page.get_by_role("textbox", name=re.compile("^Summary")).fill(
        "Three habits that keep a dosing controller safe."
    )

    content = page.locator("#tab-content")
    insert_block(content, "Heading", "Why dosing controllers matter")
    insert_block(content, "Paragraph", "A wrong setpoint can harm the people you serve.")

    page.get_by_role("tab", name="Quiz").click()
    quiz = page.locator("#tab-quiz")
    insert_block(quiz, "Single choice", "Who may change the dosing setpoint?")
    quiz.get_by_role("textbox", name=re.compile("^Answer")).last.fill("Only trained operators")
    quiz.get_by_role("checkbox", name="Correct").last.check()
    quiz.get_by_role("button", name="Add", exact=True).last.click()
    answers = quiz.get_by_role("textbox", name=re.compile("^Answer"))
    expect(answers).to_have_count(2)
    answers.nth(1).fill("Any visitor with the password")
    for statement, true in (
        ("Default passwords on PLCs should be changed.", True),
        ("Remote access to the PLC may stay open all the time.", False),
    ):
        insert_block(quiz, "True or false", statement)
        if true:
            quiz.get_by_role("checkbox", name="The statement is true").last.check()

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("published")

    module = ModulePage.objects.get(title="Securing the chlorine dosing PLC")
    assert module.live and len(module.quiz_definition) == 3

    # Translate into Estonian with the (dummy) machine translator, then publish.
    page.goto(f"{demo.url}/admin/localize/submit/page/{module.pk}/")
    page.get_by_label(re.compile("Estonian|Eesti")).check()
    page.get_by_role("button", name=re.compile("Submit")).click()
    page.get_by_role("button", name=re.compile("Translate with|Machine translate", re.I)).click()
    page.get_by_role("button", name=re.compile("Publish in", re.I)).click()

    estonian = ModulePage.objects.get(
        translation_key=module.translation_key, locale__language_code="et"
    )
    assert estonian.live
    page.goto(demo.url + estonian.url)
    expect(page.locator("html")).to_have_attribute("lang", "et")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    question_ids = [q.id for q in estonian.quiz_definition.questions]
    assert question_ids == [q.id for q in module.quiz_definition.questions]
