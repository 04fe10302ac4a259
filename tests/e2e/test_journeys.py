"""The main journeys, clicked and typed as a person would, in a real browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from demo import content
from learning.models import Certificate, ModuleProgress
from modules.models import ModulePage, ProgrammePage, Sector
from modules.quiz import quiz_from_stream
from tests.factories import make_learner, record_attempt


def t(language: str, message: str) -> str:
    """The interface text a person sees in `language`."""
    with translation.override(language):
        return gettext(message)


def answer(page, module: ModulePage, *, right: bool) -> None:
    # True/false answers are labelled in the interface language.
    with translation.override(module.locale.language_code):
        questions = quiz_from_stream(ModulePage.objects.get(pk=module.pk).quiz).questions
    for question in questions:
        fieldset = page.locator(f"#q-{question.id}")
        if right:
            wanted = [c for c in question.choices if c.is_correct]
        else:
            wanted = [next(c for c in question.choices if not c.is_correct)]
        for choice in wanted:
            fieldset.get_by_label(choice.text, exact=True).check()


@pytest.mark.parametrize(
    "language, language_name, device",
    [("et", "Eesti", "page"), ("fr", "Français", "phone_page")],
    ids=["estonian-desktop", "french-phone"],
)
def test_visitor_signs_up_fails_passes_and_verifies_the_certificate(
    demo, request, language, language_name, device
):
    page = request.getfixturevalue(device)
    page.goto(demo.url + "/")
    # The language menu: its button names the current language.
    page.locator(".language-menu > summary").click()
    page.get_by_role("navigation", name=t("en", "Language")).get_by_role(
        "link", name=language_name
    ).click()
    expect(page).to_have_url(re.compile(f"/{language}/$"))
    expect(page.locator("html")).to_have_attribute("lang", language)

    water = Sector.objects.get(slug="water")
    page.get_by_role("link", name=water.name_in(language)).click()
    module = ModulePage.objects.get(
        slug="phishing-at-the-water-utility", locale__language_code=language
    )
    page.get_by_role("link", name=module.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(module.title)

    # The quiz asks a visitor to sign up first, then brings them back to it.
    page.locator("#quiz").get_by_role("link", name=t(language, "Create account")).click()
    page.get_by_label(t(language, "E-mail address")).fill(f"kadri.{language}@example.com")
    page.get_by_label(t(language, "Password")).fill("vesi-on-elu-2026")
    page.get_by_label(t(language, "Your name")).fill("Kadri Kask")
    with translation.override(language):
        estonia = content.regions()[0]["names"][language]
    # By the start of its name: "Region" is part of "Sub-region" in some languages.
    region = re.compile("^" + re.escape(t(language, "Region")))
    page.get_by_role("combobox", name=region).select_option(label=estonia)
    page.get_by_label(t(language, "Sector")).select_option(label=water.name_in(language))
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name=t(language, "Create account")).click()
    expect(page).to_have_url(re.compile(re.escape(module.url) + "#quiz$"))

    answer(page, module, right=False)
    page.get_by_role("button", name=t(language, "Submit answers")).click()
    expect(page.get_by_role("status").first).to_contain_text("0")
    page.get_by_role("link", name=t(language, "Try again")).click()

    answer(page, module, right=True)
    page.get_by_role("button", name=t(language, "Submit answers")).click()
    expect(page.get_by_role("status").first).to_contain_text("100")

    page.get_by_role("link", name=t(language, "My learning")).first.click()
    completed = page.locator("section", has=page.locator("#completed-heading"))
    expect(completed).to_contain_text(module.title)
    completed.get_by_role("link", name=re.compile(re.escape(t(language, "View")))).click()

    certificate = Certificate.objects.get(user__email=f"kadri.{language}@example.com")
    expect(page.locator(".certificate")).to_contain_text("Kadri Kask")
    expect(page.locator(".certificate")).to_contain_text(certificate.code)
    # The PDF a learner keeps or sends on, rendered on the server.
    with page.expect_download() as download:
        page.get_by_role("link", name=t(language, "Download PDF")).click()
    pdf = download.value
    assert pdf.suggested_filename.endswith(".pdf")
    assert Path(pdf.path()).read_bytes().startswith(b"%PDF-")

    # Anyone can check the code on the public page.
    page.goto(f"{demo.url}/{language}/verify/")
    page.get_by_label(t(language, "Verification code")).fill(certificate.code.lower())
    page.get_by_role("button", name=t(language, "Verify")).click()
    expect(page.get_by_role("status")).to_contain_text(t(language, "This certificate is genuine."))
    expect(page.locator("main")).not_to_contain_text("Kadri")
    assert ModuleProgress.objects.get(user__email=f"kadri.{language}@example.com").is_completed


def test_learner_continues_where_they_left_off_on_a_phone(demo_with_slovenian, phone_page):
    """Slovenian, on a phone: read part of a module, leave, come back through "Continue"."""
    page = phone_page
    learner = make_learner("nadaljuj@example.com", language="sl")
    module = ModulePage.objects.get(slug="remote-access-and-ot-hygiene", locale__language_code="sl")
    page.goto(f"{demo_with_slovenian.url}/sl/accounts/login/")
    page.get_by_label(t("sl", "E-mail address")).fill(learner.email)
    page.get_by_label(t("sl", "Password")).fill("pw-Secret-123")
    page.get_by_label(t("sl", "Password")).press("Enter")
    expect(page).to_have_url(re.compile("/sl/learn/$"))
    page.goto(demo_with_slovenian.url + module.url)

    contents = page.get_by_role("navigation", name=t("sl", "In this module"))
    titles = list(module.lesson_sections().items())
    assert len(titles) >= 3
    third_id, third_title = titles[2]
    # Reading on to the third section: the page remembers it after a moment.
    with page.expect_response(lambda response: "/position/" in response.url) as saved:
        contents.get_by_role("link", name=third_title).click()
    assert saved.value.status == 200
    assert ModuleProgress.objects.get(user=learner).last_section == third_id
    expect(page.locator(".reading-progress")).to_be_visible()

    # The home page's one next step leads back to that section.
    page.goto(f"{demo_with_slovenian.url}/sl/")
    banner = page.get_by_role("region", name=t("sl", "Continue where you left off"))
    expect(banner).to_contain_text(module.title)
    banner.get_by_role("link", name=re.compile(re.escape(t("sl", "Continue")))).click()
    expect(page).to_have_url(re.compile(re.escape(module.url) + f"#section-{third_id}$"))
    expect(page.locator(f"#section-{third_id}")).to_be_in_viewport()

    # "Go to the quiz" on the module, and My learning offers the same place.
    page.get_by_role("link", name=t("sl", "Go to the quiz")).click()
    expect(page.locator("#quiz")).to_be_in_viewport()
    page.goto(f"{demo_with_slovenian.url}/sl/learn/")
    expect(page.get_by_role("region", name=t("sl", "Continue where you left off"))).to_contain_text(
        module.title
    )


def test_keyboard_only_quiz(demo, page):
    learner = make_learner("klaviatuur@example.com", language="et")
    module = ModulePage.objects.get(
        slug="phishing-at-the-water-utility", locale__language_code="et"
    )
    page.goto(f"{demo.url}/et/accounts/login/")
    page.get_by_label(t("et", "E-mail address")).fill(learner.email)
    page.get_by_label(t("et", "Password")).fill("pw-Secret-123")
    page.get_by_label(t("et", "Password")).press("Enter")
    page.goto(demo.url + module.url)

    def focused():
        return page.evaluate(
            """() => { const el = document.activeElement; const style = getComputedStyle(el);
            return {name: el.name || '', type: el.type || '', value: el.value || '',
                    tag: el.tagName, visible: style.outlineStyle !== 'none' || style.boxShadow !== 'none'}; }"""
        )

    def tab_to(predicate, limit=300):
        for _ in range(limit):
            page.keyboard.press("Tab")
            state = focused()
            if predicate(state):
                return state
        raise AssertionError("control not reachable with Tab")

    for question in module.quiz_definition.questions:
        name = f"q-{question.id}"
        correct = [c.id for c in question.choices]
        state = tab_to(lambda s, name=name: s["name"] == name)
        assert state["visible"], "focus must be visible"
        if state["type"] == "radio":
            # Arrow keys move the selection within a radio group.
            target = next(i for i, c in enumerate(question.choices) if c.is_correct)
            for _ in range(target):
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Space")
        else:
            for index, choice in enumerate(question.choices):
                if index:
                    page.keyboard.press("Tab")
                assert focused()["value"] == choice.id
                if choice.is_correct:
                    page.keyboard.press("Space")
        assert correct  # every question has choices
    state = tab_to(lambda s: s["tag"] == "BUTTON" and s["type"] == "submit")
    assert state["visible"]
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").first).to_contain_text("100")


def test_manager_filters_statistics_and_downloads_the_csv(demo, page):
    # A completion in Estonia, as journey 1 leaves behind.
    learner = make_learner("tallinn@example.com", language="et")
    module = ModulePage.objects.get(
        slug="phishing-at-the-water-utility", locale__language_code="et"
    )
    record_attempt(learner, module)
    programme = ProgrammePage.objects.get(
        slug="water-industry-sme-cyber-resilience-estonia", locale__language_code="en"
    )

    page.goto(f"{demo.url}/admin/login/")
    page.get_by_label("Username").fill("manager.ee")
    page.get_by_label("Password").fill("cyberaware-demo")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Statistics").first.click()
    page.get_by_role("link", name="By module").click()
    page.get_by_label("Programme").select_option(label=programme.title)
    page.get_by_role("button", name="Apply filters").click()
    row = page.get_by_role(
        "row",
        name=re.compile(
            module.get_translation(module.locale.__class__.objects.get(language_code="en")).title
        ),
    )
    # One learner: counted, and shown hidden below k.
    expect(row).to_contain_text("hidden")
    expect(page.locator("main")).not_to_contain_text("Brittany")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    with open(download_info.value.path(), encoding="utf-8") as downloaded:
        text = downloaded.read()
    assert text.splitlines()[0].startswith("Module,")
    assert "hidden" in text
    assert get_user_model().objects.filter(email="tallinn@example.com").exists()
