"""Submitting a page for translation makes a draft: readers never get text still in the source language.

wagtail-localize by default gives a new translation its source's live
status, so submitting a live English module for Estonian put an English copy
online at /et/ at once, listed among the Estonian modules and without the
"not translated yet" notice. With `WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE`
off, the translation stays a draft until someone publishes it.
"""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation

from modules.models import ModulePage
from modules.translation import import_translation
from tests.factories import make_module, make_programme, run_on_commit, translate_page
from tests.modules.localize_state import language_editor, send

TITLE = "Chlorine dosing controls"
SUMMARY = "SOURCE-SUMMARY keep the dosing controller safe."


def estonian_reader_view(reader: Client) -> dict[str, str]:
    """What a visitor reading Estonian gets from every Estonian page and from search."""
    seen = {
        page.url: reader.get(page.url).content.decode()
        for page in Page.objects.live().filter(locale__language_code="et").specific()
    }
    for query in ("chlorine", "dosing"):
        results = reader.get("/et/search/", {"q": query}).content.decode()
        seen[f"search for {query}"] = results.replace(query, "")  # the query is repeated
    return seen


def fallback_cards(html: str) -> list[str]:
    return re.findall(r'<article class="card" lang="en">.*?</article>', html, re.S)


def test_a_submitted_module_stays_out_of_estonian_pages_until_published(site_pages):
    home, index = site_pages
    translate_page(home, "et")
    index_et = translate_page(index, "et")
    module = make_module(index, TITLE, summary=SUMMARY)
    programme = make_programme(home, [module])
    programme_et = translate_page(programme, "et")
    editor = language_editor("editor.et", "et")
    reader = Client()
    estonian_locale = Locale.objects.get(language_code="et")

    before = estonian_reader_view(reader)
    translator = Client()
    translator.force_login(editor)
    response = run_on_commit(
        translator.post,
        reverse("wagtail_localize:submit_page_translation", args=[module.pk]),
        {"locales": [estonian_locale.pk]},
    )
    assert response.status_code == 302
    estonian = ModulePage.objects.get(
        translation_key=module.translation_key, locale__language_code="et"
    )
    assert not estonian.live

    # Nothing a reader of Estonian sees has changed: no page, listing or search
    # shows the English text as Estonian.
    after = estonian_reader_view(reader)
    assert after.keys() == before.keys()
    for url, html in after.items():
        outside_fallbacks = re.sub(
            r'<article class="card" lang="en">.*?</article>', "", html, flags=re.S
        )
        assert TITLE not in outside_fallbacks and "SOURCE-SUMMARY" not in outside_fallbacks, url
    # Search finds the English words in the English version, offered as such: never the draft.
    for query in ("chlorine", "dosing"):
        html = after[f"search for {query}"]
        assert len(fallback_cards(html)) == html.count('class="card"') == 1
    assert TITLE not in after[index_et.url]
    # The draft's own address is not served.
    assert reader.get(estonian.url).status_code == 404
    # The programme offers the English version, labelled as such, as before.
    (card,) = fallback_cards(after[programme_et.url])
    assert f'href="{module.url}?fallback_from=et"' in card
    assert fallback_cards(after[programme_et.url]) == fallback_cards(before[programme_et.url])
    # ... which says it is not available in Estonian yet.
    english = reader.get(f"{module.url}?fallback_from=et").content.decode()
    assert 'class="notice" lang="et"' in english

    # The editor translates every string and publishes: now the Estonian version shows.
    translation = Translation.objects.get(source__object_id=module.translation_key)
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        text = (
            "Kloori doseerimine" if segment.context.path == "title" else f"ET {segment.string.data}"
        )
        assert send(translator, "put", url, {"value": text}).status_code in (200, 201)
    run_on_commit(
        translator.post,
        reverse("wagtailadmin_pages:edit", args=[estonian.pk]),
        {"action": "publish"},
    )
    estonian.refresh_from_db()
    assert estonian.live and estonian.title == "Kloori doseerimine"
    published = estonian_reader_view(reader)
    assert "Kloori doseerimine" in published[index_et.url]
    assert f'href="{estonian.url}"' in published[programme_et.url]
    assert not fallback_cards(published[programme_et.url])
    assert reader.get(estonian.url).status_code == 200
    assert "Kloori doseerimine" in reader.get("/et/search/", {"q": "Kloori"}).content.decode()
    # The English word now finds the Estonian version.
    english_word = reader.get("/et/search/", {"q": "chlorine"}).content.decode()
    assert "Kloori doseerimine" in english_word and not fallback_cards(english_word)
    english = reader.get(f"{module.url}?fallback_from=et").content.decode()
    assert 'class="notice" lang="et"' not in english


def test_imported_translations_are_published(site_pages):
    """The demo's finished translations go live through `import_translation`."""
    home, index = site_pages
    translate_page(home, "et")
    translate_page(index, "et")
    module = make_module(index, TITLE, summary=SUMMARY)
    translated = ModulePage(
        title="Kloori doseerimine",
        slug=module.slug,
        summary="Hoia doseerimiskontroller turvaliselt.",
        body=module.body.raw_data,
        quiz=module.quiz.raw_data,
    )
    estonian = run_on_commit(
        import_translation, module, translated, Locale.objects.get(language_code="et")
    )
    estonian.refresh_from_db()
    assert estonian.live and not estonian.has_unpublished_changes
    assert estonian.title == "Kloori doseerimine"
    assert Client().get(estonian.url).status_code == 200
