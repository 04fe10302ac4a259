"""Who may download a module as an LMS package, and in which languages; bad input."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import translate_page

from .conftest import open_zip


def export_url(page) -> str:
    return reverse("packages_export", args=[page.pk])


def download(client, page, package_format="scorm12", languages=("en",)):
    return client.get(export_url(page), {"format": package_format, "language": list(languages)})


def is_zip(response) -> bool:
    return response.status_code == 200 and response["Content-Type"] == "application/zip"


def test_anonymous_visitors_are_sent_to_sign_in(client, module_versions):
    module = module_versions["en"]
    for response in (client.get(export_url(module)), download(client, module)):
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("role", ["learner", "manager"])
def test_people_who_edit_no_page_get_nothing(client, people, module_versions, role):
    client.force_login(people[role])
    for response in (
        client.get(export_url(module_versions["en"])),
        download(client, module_versions["en"]),
    ):
        assert not is_zip(response)
        assert response.status_code in (302, 403)
    if role == "manager":
        # In the admin, but not an editor: told why.
        response = client.get(export_url(module_versions["en"]))
        assert response.status_code == 403
        assert "only if you may edit it" in response.content.decode()


@pytest.mark.parametrize("role", ["editor", "admin"])
def test_editors_download_any_language_and_all_of_them(client, people, module_versions, role):
    client.force_login(people[role])
    page = client.get(export_url(module_versions["en"]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "The right answers are inside the package." in html
    for code in ("en", "et", "fr"):
        assert f'name="language" value="{code}"' in html

    for package_format, manifest in (("scorm12", "imsmanifest.xml"), ("cmi5", "cmi5.xml")):
        response = download(client, module_versions["en"], package_format, ["en", "et", "fr"])
        assert is_zip(response)
        assert (
            f"phishing-at-the-utility-en-et-fr-{package_format}.zip"
            in response["Content-Disposition"]
        )
        names = open_zip(response.content).namelist()
        assert manifest in names
        assert {"index.html", "en/index.html", "et/index.html", "fr/index.html"} <= set(names)


def test_the_module_pages_offer_the_download_to_their_editors(client, people, module_versions):
    module = module_versions["en"]
    edit = reverse("wagtailadmin_pages:edit", args=[module.pk])
    client.force_login(people["editor"])
    assert export_url(module) in client.get(edit).content.decode()
    listing = client.get(reverse("wagtailadmin_explore", args=[module.get_parent().pk]))
    assert export_url(module) in listing.content.decode()
    # Not on pages that are not modules.
    assert (
        "/package/"
        not in client.get(
            reverse("wagtailadmin_pages:edit", args=[module.get_parent().pk])
        ).content.decode()
    )


def test_a_language_editor_downloads_only_their_language(client, people, module_versions):
    estonian = module_versions["et"]
    client.force_login(people["editor.et"])
    # A translation opens in wagtail-localize's editor: the download is in the page listing.
    listing = client.get(reverse("wagtailadmin_explore", args=[estonian.get_parent().pk]))
    assert export_url(estonian) in listing.content.decode()

    page = client.get(export_url(estonian))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'value="et"' in html
    assert 'value="en"' not in html and 'value="fr"' not in html

    response = download(client, estonian, "cmi5", ["et"])
    assert is_zip(response)
    assert "et/index.html" in open_zip(response.content).namelist()

    # Another language, alone or with their own: refused, saying which.
    for languages in (["fr"], ["et", "fr"], ["en"]):
        response = download(client, estonian, "scorm12", languages)
        assert response.status_code == 403, languages
        assert (
            "You may download only the languages of this module you can edit (Eesti)"
            in response.content.decode()
        )
    # The English module is not theirs to download at all.
    response = client.get(export_url(module_versions["en"]))
    assert response.status_code == 403
    assert not is_zip(download(client, module_versions["en"], "scorm12", ["et"]))


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"format": "scorm2004", "language": "en"}, "Choose a format: SCORM 1.2 or cmi5."),
        ({"format": "", "language": "en"}, "Choose a format: SCORM 1.2 or cmi5."),
        ({"format": "scorm12"}, "Choose at least one language."),
        ({"format": "cmi5", "language": "xx"}, "“xx” is not one of the site&#x27;s languages."),
        ({"format": "cmi5", "language": "en\x00"}, "is not one of the site&#x27;s languages."),
        ({"format": "scorm12", "language": "sk"}, "This module is not published in Slovenčina."),
    ],
)
def test_bad_input_gets_the_form_back_with_what_is_wrong(
    client, people, module_versions, query, message
):
    client.force_login(people["admin"])
    response = client.get(export_url(module_versions["en"]), query)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html


def test_a_draft_translation_is_not_offered(client, people, module_versions):
    draft = translate_page(module_versions["en"], "it", publish=False)
    client.force_login(people["admin"])
    html = client.get(export_url(module_versions["en"])).content.decode()
    assert 'value="it"' not in html
    assert "Not published, so not offered: Italiano." in html
    response = download(client, module_versions["en"], "scorm12", ["it"])
    assert response.status_code == 400
    assert "This module is not published in Italiano." in response.content.decode()
    assert not draft.live


def test_pages_that_are_missing_or_not_modules_are_refused_with_a_message(
    client, people, module_versions
):
    client.force_login(people["admin"])
    response = client.get(reverse("packages_export", args=[987654]))
    assert response.status_code == 400
    assert "There is no page with the id 987654." in response.content.decode()
    index = module_versions["en"].get_parent()
    response = download(client, index)
    assert response.status_code == 400
    assert "Only modules can be downloaded as LMS packages" in response.content.decode()
