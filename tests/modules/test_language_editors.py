"""Editors can be limited to the language they translate."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from modules.permissions import ensure_language_editor_group
from tests.factories import make_module, translate_page


def test_an_estonian_editor_edits_only_estonian_pages(client, site_pages):
    home, index = site_pages
    module = make_module(index)
    estonian = translate_page(module, "et")
    french = translate_page(module, "fr")
    group = ensure_language_editor_group("et", estonian.get_parent().get_parent())
    editor = get_user_model().objects.create_user("editor.et", "editor.et@example.com", "pw")
    editor.groups.add(group)
    client.force_login(editor)

    assert client.get(reverse("wagtailadmin_pages:edit", args=[estonian.pk])).status_code == 200
    for page in (module, french, home):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code in (302, 403), page
    # Creating a module is allowed under the Estonian index only.
    et_index = estonian.get_parent()
    add = "wagtailadmin_pages:add"
    assert client.get(reverse(add, args=["modules", "modulepage", et_index.pk])).status_code == 200
    assert client.get(reverse(add, args=["modules", "modulepage", index.pk])).status_code in (
        302,
        403,
    )


def test_the_group_is_created_once(site_pages):
    home, _index = site_pages
    first = ensure_language_editor_group("en", home)
    second = ensure_language_editor_group("en", home)
    assert first == second
    assert first.page_permissions.count() == 5
