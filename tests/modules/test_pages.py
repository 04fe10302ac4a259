"""Public pages: rendering in several languages, filtering, search, no answer leaks."""

import re

import pytest
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext

from modules.models import ModulePage
from tests.factories import SectorFactory, make_module, make_programme, translate_page


@pytest.fixture
def water():
    return SectorFactory(slug="water", name="Water and wastewater", names={"et": "Vesi ja reovesi"})


@pytest.fixture
def energy():
    return SectorFactory(slug="energy", name="Energy", names={"et": "Energeetika"})


translate = translate_page


def test_home_page_renders_in_english_and_estonian(client, site_pages):
    home, _index = site_pages
    translate(home)
    english = client.get("/en/")
    assert english.status_code == 200
    assert '<html lang="en">' in english.content.decode()
    estonian = client.get("/et/")
    assert estonian.status_code == 200
    html = estonian.content.decode()
    assert '<html lang="et">' in html
    # Interface strings follow the language of the URL.
    with translation.override("et"):
        skip_link = gettext("Skip to main content")
    assert skip_link != "Skip to main content"
    assert skip_link in html and "Skip to main content" not in html


def test_root_redirects_to_a_language(client, site_pages):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="et")
    assert response["Location"] == "/et/"


def test_module_page_renders_lesson_and_quiz_without_revealing_answers(client, site_pages):
    _home, index = site_pages
    module = make_module(index)
    response = client.get(module.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Spotting a fake invoice" in html
    assert "Which sender address is genuine?" in html
    # Feedback and explanations are for after submission; correctness never appears.
    assert "FEEDBACK-" not in html
    assert "EXPLANATION-" not in html
    assert (
        "is_correct" not in html
        and "correct"
        not in html.lower().replace("incorrect", "").split("<main", 1)[1].split("</form>")[0]
    )
    assert "application/json" not in html
    # Each choice is a labelled input whose value is only the opaque block id.
    for question in module.quiz_definition.questions:
        for choice in question.choices:
            assert f'value="{choice.id}"' in html
            assert f'for="q-{question.id}-{choice.id}"' in html
    assert html.count('type="radio"') == 3 + 2
    assert html.count('type="checkbox"') == 3


def test_module_page_offers_hreflang_and_switcher_to_its_translation(client, site_pages):
    _home, index = site_pages
    module = make_module(index)
    estonian = translate(module)
    html = client.get(module.url).content.decode()
    assert f'hreflang="et" href="http://testserver{estonian.url}"' in html
    assert re.search(rf'<a href="{re.escape(estonian.url)}" lang="et"', html)
    # French has no translation: the switcher leads to the French home page instead.
    assert 'hreflang="fr" href=' not in html
    et_html = client.get(estonian.url).content.decode()
    assert '<html lang="et">' in et_html
    assert re.search(rf'<a href="{re.escape(module.url)}" lang="en"', et_html)


def test_module_index_filters_by_sector_with_counts(client, site_pages, water, energy):
    _home, index = site_pages
    make_module(index, "Phishing at the utility", sectors=[water], topics=["phishing"])
    make_module(index, "OT hygiene", sectors=[water, energy], topics=["ot"])
    make_module(index, "Grid passwords", sectors=[energy], topics=["passwords"])

    html = client.get(index.url).content.decode()
    assert "3 modules" in html
    assert re.search(r'sector=water"[^>]*>Water and wastewater <span class="count">\(2\)', html)

    html = client.get(index.url, {"sector": "water"}).content.decode()
    assert "Phishing at the utility" in html and "OT hygiene" in html
    assert "Grid passwords" not in html
    assert "2 modules" in html

    html = client.get(index.url, {"sector": "water", "topic": "ot"}).content.decode()
    assert "OT hygiene" in html and "Phishing at the utility" not in html

    response = client.get(index.url, {"sector": "no-such-sector"})
    assert response.status_code == 200
    assert "No modules match this filter yet." in response.content.decode()


def test_sector_names_follow_the_language(client, site_pages, water):
    _home, index = site_pages
    module = make_module(index, sectors=[water])
    estonian = translate(module)
    assert "Vesi ja reovesi" in client.get(estonian.url).content.decode()
    assert "Water and wastewater" in client.get(module.url).content.decode()


def test_module_index_paginates(client, site_pages):
    _home, index = site_pages
    for n in range(14):
        make_module(index, f"Module {n:02d}", quiz=[])
    first = client.get(index.url).content.decode()
    assert "Page 1 of 2" in first
    assert first.count('class="card"') == 12
    second = client.get(index.url, {"page": 2}).content.decode()
    assert second.count('class="card"') == 2
    assert client.get(index.url, {"page": "junk"}).status_code == 200


def test_programme_lists_its_modules_in_order_in_the_readers_language(client, site_pages):
    home, index = site_pages
    first = make_module(index, "Phishing at the utility")
    second = make_module(index, "Backups")
    programme = make_programme(home, [second, first])
    html = client.get(programme.url).content.decode()
    assert html.index("Backups") < html.index("Phishing at the utility")

    first_et = translate(first)
    ModulePage.objects.filter(pk=first_et.pk).update(title="Andmepüük veeettevõttes")
    programme_et = translate(programme)
    html = client.get(programme_et.url).content.decode()
    # The Estonian module where it exists, else the English one.
    assert "Andmepüük veeettevõttes" in html
    assert "Backups" in html


def test_search_finds_modules_in_the_active_language(client, site_pages):
    _home, index = site_pages
    module = make_module(index, "Phishing at the utility")
    make_module(index, "Backups")
    translate(module)
    html = client.get("/en/search/", {"q": "phishing"}).content.decode()
    assert "1 module found." in html
    assert "Phishing at the utility" in html
    et_html = client.get("/et/search/", {"q": "phishing"}).content.decode()
    assert '<html lang="et">' in et_html
    assert client.get("/en/search/", {"q": "x" * 5000}).status_code == 200
    assert "0 modules found." in client.get("/en/search/", {"q": "zzzz"}).content.decode()


@override_settings(DEBUG=False)
def test_unknown_page_gives_a_friendly_404(client, site_pages):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
