"""The Estonian editor: refused on other languages in wagtail-localize, still translates into Estonian."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from modules.models import ModuleIndexPage, ModulePage
from tests.e2e.test_accessibility import Axe
from tests.factories import make_module


def revisions(page) -> list[str | None]:
    return [
        r.user.username if r.user else None for r in Page.objects.get(pk=page.pk).revisions.all()
    ]


def test_the_estonian_editor_works_in_estonian_only(demo, page):
    source = ModulePage.objects.get(slug="strong-passwords-and-mfa", locale__language_code="en")
    french = source.get_translations().get(locale__language_code="fr")
    estonian = source.get_translations().get(locale__language_code="et")
    french_before = revisions(french)
    page.goto(f"{demo.url}/admin/login/")
    page.get_by_label("Username").fill("editor.et")
    page.get_by_label("Password").fill("cyberaware-demo")
    page.get_by_role("button", name="Sign in").click()
    axe = Axe(page)

    # Syncing the English module reaches the Estonian translation only.
    sync = TranslationSource.objects.get(object_id=source.translation_key)
    page.goto(f"{demo.url}/admin/localize/update/{sync.pk}/")
    expect(page.get_by_text("Left as they are: Français.")).to_be_visible()
    to_sync = page.get_by_role("main").get_by_role("listitem").filter(has_text=estonian.title)
    expect(to_sync).to_contain_text("Eesti")
    expect(page.get_by_role("main")).not_to_contain_text(french.title)
    axe.check("sync, Estonian only")
    page.get_by_label("Publish immediately").check()
    page.get_by_role("button", name="Submit").click()
    expect(page.locator(".messages")).to_contain_text("Successfully updated translations")
    assert revisions(french) == french_before
    assert revisions(estonian)[-1] == "editor.et"

    # The French translation's editor tools are refused, with the reason.
    french_translation = Translation.objects.get(source=sync, target_locale=french.locale)
    page.goto(f"{demo.url}/admin/localize/translate/{french_translation.pk}/pofile/download/")
    expect(page.get_by_role("alert")).to_contain_text(
        f"You may not edit the Français translation of “{source.title}”."
    )
    axe.check("refusal")
    assert revisions(french) == french_before

    # A new English module: offered in Estonian only, translated and published there.
    index = ModuleIndexPage.objects.get(locale__language_code="en")
    module = make_module(index, "Securing the chlorine dosing PLC")
    page.goto(f"{demo.url}/admin/localize/submit/page/{module.pk}/")
    expect(page.get_by_text("Français: you may not add pages in this language.")).to_be_visible()
    expect(page.get_by_role("checkbox")).to_have_count(1)
    axe.check("submit, Estonian only")
    page.get_by_label(re.compile("Eesti")).check()
    page.get_by_role("button", name="Submit").click()

    draft = ModulePage.objects.get(
        translation_key=module.translation_key, locale__language_code="et"
    )
    assert not draft.live  # nobody reads it before it is translated
    assert page.request.get(demo.url + draft.url).status == 404

    page.get_by_role("button", name=re.compile("Translate with|Machine translate", re.I)).click()
    page.get_by_role("button", name=re.compile("Publish in", re.I)).click()
    expect(page.locator(".messages")).to_contain_text("Published")
    published = ModulePage.objects.get(pk=draft.pk)
    assert published.live and published.live_revision.user.username == "editor.et"
    assert not module.get_translations().exclude(locale__language_code="et").exists()
    page.goto(demo.url + published.url)
    expect(page.locator("html")).to_have_attribute("lang", "et")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    axe.assert_clean()
