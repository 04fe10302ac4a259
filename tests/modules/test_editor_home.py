"""The editor's dashboard: their drafts and the modules missing a quiz or a sector."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from modules.editor_home import modules_with_gaps
from modules.models import Sector
from modules.permissions import admin_access_permission, ensure_language_editor_group
from tests.factories import make_module, translate_page

DASHBOARD = "/admin/"


@pytest.fixture
def water(db):
    return Sector.objects.create(name="Water", slug="water")


def estonian_editor(estonian_page):
    group = ensure_language_editor_group("et", estonian_page.get_parent().get_parent())
    editor = get_user_model().objects.create_user("editor.et", "editor.et@example.com", "pw")
    editor.groups.add(group)
    return editor


def panel(html: str, panel_id: str) -> str:
    start = html.index(f'id="{panel_id}')
    return html[start : html.index("</section>", start)]


def test_an_editor_sees_their_own_unpublished_changes_in_their_language(client, site_pages, water):
    _home, index = site_pages
    module = make_module(index, "Phishing at the utility", sectors=[water])
    estonian = translate_page(module, "et")
    editor = estonian_editor(estonian)

    estonian.title = "Õngitsus veevärgis"
    estonian.save_revision(user=editor)
    # Someone else's draft of the English page is not the Estonian editor's business.
    module.title = "Phishing at the water utility"
    module.save_revision()

    client.force_login(editor)
    html = panel(client.get(DASHBOARD).content.decode(), "editor-drafts")
    assert "Õngitsus veevärgis" in html
    assert "Live, with unpublished changes" in html
    assert reverse("wagtailadmin_pages:edit", args=[estonian.pk]) in html
    assert "Phishing at the water utility" not in html

    estonian.get_latest_revision().publish()
    html = panel(client.get(DASHBOARD).content.decode(), "editor-drafts")
    assert "You have no unpublished changes" in html


def test_modules_without_a_quiz_or_a_sector_are_listed_once_with_what_is_missing(
    admin_client, site_pages, water
):
    _home, index = site_pages
    make_module(index, "Complete module", sectors=[water])
    no_quiz = make_module(index, "Lesson only", quiz=[], sectors=[water])
    translate_page(no_quiz, "et")
    make_module(index, "Nowhere to be found")

    html = panel(admin_client.get(DASHBOARD).content.decode(), "editor-module-gaps")
    assert "Complete module" not in html
    assert html.count("Lesson only") == 1  # the English version, not one row per language
    assert "A quiz</td>" in html.replace("\n", "").replace("  ", "")
    assert "Nowhere to be found" in html
    assert "A sector" in html


def test_a_language_editor_sees_only_the_modules_of_their_language(client, site_pages, water):
    _home, index = site_pages
    module = make_module(index, "Lesson only", quiz=[])
    estonian = translate_page(module, "et")
    editor = estonian_editor(estonian)
    client.force_login(editor)
    html = panel(client.get(DASHBOARD).content.decode(), "editor-module-gaps")
    assert reverse("wagtailadmin_pages:edit", args=[estonian.pk]) in html
    assert reverse("wagtailadmin_pages:edit", args=[module.pk]) not in html


def test_the_empty_state_says_there_is_nothing_to_fix(admin_client, site_pages, water):
    _home, index = site_pages
    make_module(index, "Complete module", sectors=[water])
    html = panel(admin_client.get(DASHBOARD).content.decode(), "editor-module-gaps")
    assert "Every module you edit has a quiz and at least one sector." in html


def test_people_who_cannot_edit_pages_get_no_editor_panels(client, site_pages):
    _home, index = site_pages
    make_module(index, "Lesson only", quiz=[])
    manager = get_user_model().objects.create_user("manager", "manager@example.com", "pw")
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(admin_access_permission())
    manager.groups.add(group)
    client.force_login(manager)
    html = client.get(DASHBOARD).content.decode()
    assert 'id="editor-drafts' not in html
    assert 'id="editor-module-gaps' not in html
    assert 'id="editor-struggling-modules' not in html


def test_the_gap_list_reads_the_same_queries_for_any_number_of_modules(site_pages, water):
    _home, index = site_pages
    admin = get_user_model().objects.create_superuser("root", "root@example.com", "pw")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            modules_with_gaps(admin)
        return len(captured)

    make_module(index, "First", quiz=[])
    few = queries()
    for number in range(6):
        translate_page(make_module(index, f"Module {number}", quiz=[]), "et")
    assert len(modules_with_gaps(admin)) == 7
    assert queries() == few
