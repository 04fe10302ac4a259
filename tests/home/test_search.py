"""Search finds modules by English and local words in every language, each once,
shown in the page's language where a translation exists."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import ngettext

from modules.models import ModulePage
from tests.factories import SectorFactory, TopicFactory, make_module, translate_page


@pytest.fixture
def phishing():
    return TopicFactory(
        slug="phishing",
        name="Phishing",
        names={"et": "Õngitsus", "fr": "Hameçonnage", "sl": "Lažno predstavljanje"},
    )


def search(client, language: str, query: str, **params) -> BeautifulSoup:
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(html: BeautifulSoup) -> list[str]:
    return [h3.get_text(strip=True) for h3 in html.select(".card__title")]


def found_text(language: str, count: int) -> str:
    with translation.override(language):
        return ngettext("%(counter)s module found.", "%(counter)s modules found.", count) % {
            "counter": count
        }


def test_an_english_word_on_the_estonian_site_finds_the_estonian_module(client, site_pages):
    _home, index = site_pages
    module = make_module(index, "Phishing at the utility", summary="Fake invoices and e-mails.")
    make_module(index, "Backups")
    estonian = translate_page(module, "et")
    # Its Estonian title and summary do not have the English word.
    ModulePage.objects.filter(pk=estonian.pk).update(
        title="Õngitsus veeettevõttes", summary="Võltsarved ja -kirjad."
    )
    html = search(client, "et", "phishing")
    assert titles(html) == ["Õngitsus veeettevõttes"]
    assert found_text("et", 1) in html.get_text()
    assert not html.select(".badge")


def test_a_module_found_in_several_languages_is_listed_once(client, site_pages, phishing):
    _home, index = site_pages
    module = make_module(index, "Phishing at the utility", topics=[phishing])
    translate_page(module, "et")
    translate_page(module, "sl")
    # Found by title in three languages and by its topic: still one result.
    html = search(client, "sl", "phishing")
    assert titles(html) == ["Phishing at the utility"]
    assert html.select_one(".card")["class"] == ["card"]
    assert not html.select_one(".card").has_attr("lang")


def test_a_topic_name_in_any_language_finds_the_module(client, site_pages, phishing):
    _home, index = site_pages
    make_module(index, "Spotting fake invoices", topics=[phishing])
    make_module(index, "Backups")
    for query in ("lažno predstavljanje", "Lazno", "hameçonnage", "õngitsus"):
        assert titles(search(client, "en", query)) == ["Spotting fake invoices"], query
    assert titles(search(client, "en", "predstavljanje backups")) == []


def test_a_sector_name_in_any_language_finds_its_modules(client, site_pages):
    _home, index = site_pages
    water = SectorFactory(slug="water", name="Water and wastewater", names={"sl": "Voda"})
    make_module(index, "Spotting fake invoices", sectors=[water])
    make_module(index, "Backups")
    assert titles(search(client, "en", "voda")) == ["Spotting fake invoices"]


def test_a_module_not_translated_yet_is_shown_in_its_own_language_and_says_so(
    client, site_pages, phishing
):
    _home, index = site_pages
    make_module(index, "Phishing at the utility", topics=[phishing])
    html = search(client, "fr", "hameçonnage")
    assert titles(html) == ["Phishing at the utility"]
    card = html.select_one(".card")
    assert card["lang"] == "en"
    assert "English" in card.select_one(".badge").get_text()
    assert "fallback_from=fr" in card.select_one(".card__title a")["href"]


def test_no_result_is_said_in_the_pages_language(client, site_pages):
    html = search(client, "et", "zzzz")
    assert found_text("et", 0) in html.get_text()
    assert titles(html) == []
    with translation.override("et"):
        hint = translation.gettext("Try other words, or browse the modules by sector.")
    assert hint in html.get_text()


def test_results_are_paginated(client, site_pages, phishing):
    _home, index = site_pages
    for n in range(12):
        make_module(index, f"Module {n:02d}", topics=[phishing])
    first = search(client, "en", "phishing")
    assert len(titles(first)) == 10
    assert found_text("en", 12) in first.get_text()
    second = search(client, "en", "phishing", page=2)
    assert len(titles(second)) == 2
    assert not set(titles(first)) & set(titles(second))


def count_queries(client, url, params) -> int:
    client.get(url, params)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_search_queries_do_not_grow_with_results(client, site_pages, phishing):
    _home, index = site_pages
    sectors = [SectorFactory(slug=f"s{n}") for n in range(4)]
    for n in range(3):
        translate_page(make_module(index, f"Phishing {n}", topics=[phishing], sectors=sectors))
    few = count_queries(client, "/et/search/", {"q": "phishing"})
    for n in range(3, 10):
        translate_page(make_module(index, f"Phishing {n}", topics=[phishing], sectors=sectors))
    assert count_queries(client, "/et/search/", {"q": "phishing"}) == few
