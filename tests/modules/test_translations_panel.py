"""The dashboard panel "Translations that need you": an editor's own languages, what is
left to do there, and the way to do it."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import RegionFactory, make_module, translate_page
from tests.modules.localize_state import (
    admin_only,
    language_editor,
    translated_tree,
    wagtail_editor,
)

DASHBOARD = "/admin/"
HEADING = "Translations that need you"


def panel(client):
    """The panel as a parsed element, or None if the dashboard does not show it."""
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return html.select_one("#translations-need-you-section, [id^='translations-need-you']")


def languages(found) -> dict:
    """Language heading -> the text of its section, links as (text, href)."""
    sections = {}
    for section in found.select("section.translations-panel__language"):
        sections[section.h3.get_text(strip=True)] = {
            "text": " ".join(section.get_text(" ").split()),
            "links": [(" ".join(a.get_text(" ").split()), a["href"]) for a in section.select("a")],
        }
    return sections


@pytest.fixture
def tree(site_pages):
    """Phishing in English, Estonian and French; Backups in English only."""
    home, index = site_pages
    return translated_tree(home, index)


def test_an_estonian_editor_sees_what_is_left_in_estonian(client, tree):
    draft = translate_page(make_module(tree.indexes["en"], "Passwords"), "et", publish=False)
    client.force_login(language_editor("editor.et", "et"))
    found = panel(client)
    assert HEADING in found.get_text()
    sections = languages(found)
    assert list(sections) == ["Eesti"]
    estonian = sections["Eesti"]
    assert "1 missing" in estonian["text"]
    assert "0 out of date" in estonian["text"]
    assert "1 draft" in estonian["text"]
    submit = reverse("wagtail_localize:submit_page_translation", args=[tree.backups.pk])
    report = reverse("modules_translations_report")
    assert estonian["links"] == [
        ("Translate “Backups” into Eesti", f"{submit}?select_locale=et"),
        (
            "Edit the Eesti version of “Passwords”",
            reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        ),
        ("All that needs work in Eesti", f"{report}?language=et&status=needs_work"),
    ]
    # The report behind that link lists Backups and Passwords, not Phishing.
    listed = client.get(f"{report}?language=et&status=needs_work").content.decode()
    assert "Backups" in listed and "Passwords" in listed
    assert "Phishing at the utility" not in listed


def test_an_editor_of_every_language_sees_each_language_with_work(client, tree):
    RegionFactory(names={"et": "Eesti"})
    client.force_login(wagtail_editor())
    sections = languages(panel(client))
    # Every language but English lacks Backups.
    assert list(sections) == [
        "Eesti",
        "Français",
        "Italiano",
        "Slovenčina",
        "Slovenščina",
        "Español",
    ]
    # No Italian home page yet: each missing page starts with translating the home page.
    assert "Backups" in sections["Italiano"]["text"]
    assert [text for text, _href in sections["Italiano"]["links"]] == [
        "First translate “CyberAware” into Italiano: “Backups” comes after it",
        "First translate “CyberAware” into Italiano: “Phishing at the utility” comes after it",
        "All that needs work in Italiano",
    ]
    # Wagtail's default editors may not edit regions: no region is listed to them.
    assert "region" not in sections["Français"]["text"].lower()


def test_regions_and_sectors_without_a_name_are_listed_to_who_may_edit_them(admin_client, tree):
    region = RegionFactory(names={"et": "Eesti"})
    sections = languages(panel(admin_client))
    assert "Estonia" not in sections["Eesti"]["text"]
    french = sections["Français"]
    assert "1 region, sector or topic without a name" in french["text"]
    assert (
        "Add names of “Estonia”",
        reverse("wagtailsnippets_modules_region:edit", args=[region.pk]),
    ) in french["links"]


def test_the_panel_says_when_nothing_is_left(client, tree):
    translate_page(tree.backups, "et")
    client.force_login(language_editor("editor.et", "et"))
    found = panel(client)
    assert "All translations in your languages are up to date." in found.get_text()
    assert not found.select("section")


def test_only_page_editors_see_the_panel(client, site_pages):
    client.force_login(admin_only())
    assert panel(client) is None
    assert HEADING not in client.get(DASHBOARD).content.decode()


def test_the_panel_costs_the_same_queries_for_3_or_10_modules(
    client, tree, django_assert_num_queries
):
    index = tree.indexes["en"]

    def add_modules(count, start):
        for number in range(start, start + count):
            translate_page(make_module(index, f"Module {number}"), "fr", publish=False)

    client.force_login(language_editor("editor.et", "et"))
    add_modules(3, 0)
    client.get(DASHBOARD)  # caches that fill once
    with CaptureQueriesContext(connection) as three:
        assert "3 more" not in panel(client).get_text()
    # Counted now: Django keeps only the last 9,000 queries, and translating makes many.
    queries = len(three)
    add_modules(7, 3)
    client.get(DASHBOARD)  # publishing emptied the cache of the sites' root paths
    with django_assert_num_queries(queries):
        text = panel(client).get_text()
    assert "11 missing" in " ".join(text.split())
