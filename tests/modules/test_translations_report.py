"""The Translations report shows editors which language versions need work."""

import io
import time

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from modules.models import ModulePage
from tests.admin_reports.exports import csv_parts, csv_table
from tests.factories import (
    RegionFactory,
    SectorFactory,
    make_module,
    make_programme,
    run_on_commit,
    translate_page,
)
from tests.modules.localize_state import language_editor, translated_tree, wagtail_editor

URL = "/admin/reports/translations/"


def report(client, **params):
    response = client.get(URL, {**params, "export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    return {row["Title"]: row for row in csv_table(content)}


def test_outdated_translations_are_flagged_until_synced(admin_client, site_pages):
    home, index = site_pages
    module = make_module(index, "Phishing at the utility")
    translate_page(module, "et")
    make_programme(home, [module])
    rows = report(admin_client)
    row = rows["Phishing at the utility"]
    assert (row["English"], row["Eesti"], row["Français"]) == ("Source", "Up to date", "Missing")
    assert rows["Water programme"]["Eesti"] == "Missing"

    time.sleep(0.01)
    source = ModulePage.objects.get(pk=module.pk)
    source.summary = "A new summary."
    source.save_revision().publish()
    assert report(admin_client)["Phishing at the utility"]["Eesti"] == "Out of date"
    assert "Phishing at the utility" in report(admin_client, status="outdated")
    assert "Phishing at the utility" in report(admin_client, status="needs_work", language="et")

    # The editor syncs: the source is extracted again and the translation updated.
    TranslationSource.update_or_create_from_instance(source)
    translation = Translation.objects.get(source__object_id=module.translation_key)
    run_on_commit(translation.save_target, publish=True)
    rows = report(admin_client)
    assert rows["Phishing at the utility"]["Eesti"] == "Up to date"
    assert "Phishing at the utility" not in report(admin_client, status="outdated")


def test_the_report_page_links_to_each_version(admin_client, site_pages):
    _home, index = site_pages
    module = make_module(index)
    estonian = translate_page(module, "et")
    html = admin_client.get(URL).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[estonian.pk]) in html
    assert (
        "Translations"
        in admin_client.get(
            reverse("wagtailadmin_reports:index") if False else "/admin/"
        ).content.decode()
    )


def test_only_editors_see_the_report(client, site_pages):
    learner = get_user_model().objects.create_user("someone", "someone@example.com", "pw")
    client.force_login(learner)
    assert client.get(URL).status_code in (302, 403)


# --- each cell's next step, limited to what the user may do ----------------------


def report_cells(client, **params) -> dict:
    """(title, language) -> (status, link or None) as the report page shows them;
    a link is (href, accessible name)."""
    response = client.get(URL, params)
    assert response.status_code == 200
    table = BeautifulSoup(response.content, "html.parser").select_one("table.translations-table")
    languages = [th.get_text(strip=True) for th in table.select("thead th")][2:]
    found = {}
    for tr in table.select("tbody tr"):
        title = tr.th.get_text(strip=True)
        for language, td in zip(languages, tr.select("td")[1:], strict=True):
            status = td.select_one(".translation-status__label").get_text(strip=True)
            link = td.a
            found[title, language] = (
                status,
                (link["href"], " ".join(link.get_text(" ").split())) if link else None,
            )
    return found


def outdate(page):
    """Publish the source again after its translations were synced."""
    time.sleep(0.01)
    source = ModulePage.objects.get(pk=page.pk)
    source.summary = "A new summary."
    source.save_revision().publish()


@pytest.fixture
def tree(site_pages):
    """Phishing in English, Estonian (out of date) and French (synced since); Backups
    in English with an Estonian draft."""
    home, index = site_pages
    tree = translated_tree(home, index)
    outdate(tree.phishing["en"])
    TranslationSource.update_or_create_from_instance(tree.phishing["en"])
    run_on_commit(tree.translations["fr"].save_target, publish=True)
    tree.backups_et = translate_page(tree.backups, "et", publish=False)
    return tree


def test_each_cell_offers_its_next_step_to_an_all_languages_editor(client, tree):
    client.force_login(wagtail_editor())
    cells = report_cells(client)
    phishing, backups = tree.phishing, tree.backups
    source = TranslationSource.objects.get(object_id=phishing["en"].translation_key)
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert cells["Phishing at the utility", "Eesti"] == (
        "Out of date",
        (
            f"{sync}?next=%2Fadmin%2Freports%2Ftranslations%2F",
            "Sync the Eesti translation of “Phishing at the utility”",
        ),
    )
    assert cells["Phishing at the utility", "Français"] == (
        "Up to date",
        (
            reverse("wagtailadmin_pages:edit", args=[phishing["fr"].pk]),
            "Edit the Français version of “Phishing at the utility”",
        ),
    )
    assert cells["Backups", "Eesti"] == (
        "Draft",
        (
            reverse("wagtailadmin_pages:edit", args=[tree.backups_et.pk]),
            "Edit the Eesti version of “Backups”",
        ),
    )
    submit = reverse("wagtail_localize:submit_page_translation", args=[backups.pk])
    assert cells["Backups", "Français"] == (
        "Missing",
        (f"{submit}?select_locale=fr", "Translate “Backups” into Français"),
    )
    assert cells["Backups", "English"][0] == "Source"
    # No Italian home page yet: wagtail-localize would put the English one online
    # as Italian, so the next step is to translate the highest page missing there.
    home = backups.get_parent().get_parent()
    first = reverse("wagtail_localize:submit_page_translation", args=[home.pk])
    assert cells["Backups", "Italiano"] == (
        "Missing",
        (
            f"{first}?select_locale=it",
            f"First translate “{home.title}” into Italiano: “Backups” comes after it",
        ),
    )


def test_the_links_lead_to_the_step_they_name(client, tree):
    client.force_login(wagtail_editor())
    cells = report_cells(client)
    translate = client.get(cells["Backups", "Français"][1][0])
    assert translate.status_code == 200
    french = Locale.objects.get(language_code="fr")
    assert translate.context["form"]["locales"].initial == [french]
    first = client.get(cells["Backups", "Italiano"][1][0])
    assert first.status_code == 200
    assert first.context["form"]["locales"].initial == [Locale.objects.get(language_code="it")]
    assert client.get(cells["Phishing at the utility", "Eesti"][1][0]).status_code == 200
    draft = client.get(cells["Backups", "Eesti"][1][0])
    assert draft.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in draft.templates]


def test_a_language_editor_is_offered_steps_in_their_language_only(client, tree):
    client.force_login(language_editor("editor.et", "et"))
    cells = report_cells(client)
    linked = {key for key, (_status, link) in cells.items() if link}
    assert linked == {("Phishing at the utility", "Eesti"), ("Backups", "Eesti")}
    assert cells["Phishing at the utility", "Eesti"][1][1].startswith("Sync")
    # What they may not act on keeps its status, as plain text.
    assert cells["Backups", "Français"] == ("Missing", None)
    assert cells["Phishing at the utility", "English"] == ("Source", None)
    # And what they see is what they may do.
    assert client.get(cells["Backups", "Eesti"][1][0]).status_code == 200


def test_a_missing_estonian_version_is_started_by_the_estonian_editor(client, site_pages):
    home, index = site_pages
    tree = translated_tree(home, index)
    client.force_login(language_editor("editor.et", "et"))
    submit = reverse("wagtail_localize:submit_page_translation", args=[tree.backups.pk])
    cells = report_cells(client)
    assert cells["Backups", "Eesti"] == (
        "Missing",
        (f"{submit}?select_locale=et", "Translate “Backups” into Eesti"),
    )
    assert cells["Backups", "Français"] == ("Missing", None)


def test_the_report_costs_the_same_queries_for_3_or_10_modules(
    client, site_pages, django_assert_num_queries
):
    home, index = site_pages
    for code in ("et", "fr"):
        translate_page(home, code)
        translate_page(index, code)

    def add_modules(count, start):
        for number in range(start, start + count):
            module = make_module(index, f"Module {number}")
            translate_page(module, "et")
            translate_page(module, "fr", publish=False)

    client.force_login(language_editor("editor.et", "et"))
    add_modules(3, 0)
    client.get(URL)  # caches that fill once
    with CaptureQueriesContext(connection) as three:
        assert len(report_cells(client)) == 3 * 7
    # Counted now: Django keeps only the last 9,000 queries, and translating makes many.
    queries = len(three)
    add_modules(7, 3)
    client.get(URL)  # publishing emptied the cache of the sites' root paths
    with django_assert_num_queries(queries):
        cells = report_cells(client)
    assert len(cells) == 10 * 7
    assert cells["Module 9", "Eesti"][1] is not None


def test_the_header_names_the_report(admin_client, site_pages):
    html = BeautifulSoup(admin_client.get(URL).content, "html.parser")
    assert html.title.get_text(strip=True).startswith("Translations")
    assert html.h1.get_text(strip=True) == "Translations"
    crumbs = [li.get_text(" ", strip=True) for li in html.select(".w-breadcrumbs li")]
    assert crumbs[-1] == "Translations"


# --- regions and sectors without a name -------------------------------------------


def test_regions_and_sectors_without_a_name_are_listed_for_those_who_edit_them(
    admin_client, client, site_pages
):
    region = RegionFactory(names={"et": "Eesti"})
    SectorFactory(slug="water", names={code: "x" for code, _n in settings.LANGUAGES})
    html = BeautifulSoup(admin_client.get(URL).content, "html.parser")
    rows = html.select("table.translations-names tbody tr")
    assert [row.th.get_text(strip=True) for row in rows] == ["Estonia"]
    lacking = rows[0].select("td")[1].get_text(strip=True)
    assert "Français" in lacking and "Eesti" not in lacking and "English" not in lacking
    link = rows[0].a
    assert link["href"] == reverse("wagtailsnippets_modules_region:edit", args=[region.pk])
    assert " ".join(link.get_text(" ").split()) == "Add names of “Estonia”"
    # Filtered to Estonian, nothing is missing.
    html = BeautifulSoup(admin_client.get(URL, {"language": "et"}).content, "html.parser")
    assert not html.select("table.translations-names")

    translate_page(site_pages[0], "et")
    client.force_login(language_editor("editor.et", "et"))
    assert "translations-names" not in client.get(URL).content.decode()


def test_the_exports_say_which_filters_made_them_and_when(admin_client, site_pages):
    _home, index = site_pages
    make_module(index, "Phishing at the utility")
    response = admin_client.get(URL, {"export": "csv", "language": "et", "status": "missing"})
    _table, about, definitions = csv_parts(b"".join(response.streaming_content).decode())
    assert about["Report"] == "Translations"
    assert about["Filters applied"] == "Language: Eesti; Status: Missing"
    assert "T" in about["Made at"] and "(" in about["Made at"]
    # The Translations report counts no learners: no scope, no rule, no definitions.
    assert "Scope" not in about and "Suppression rule" not in about and not definitions
    response = admin_client.get(URL, {"export": "xlsx", "language": "et"})
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book.sheetnames == ["Translations", "About this export"]
    about = dict(book["About this export"].iter_rows(values_only=True))
    assert about["Filters applied"] == "Language: Eesti"
