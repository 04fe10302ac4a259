"""wagtail-localize acts only where the user's page permissions reach, language by language.

A language editor (editor.et) may create, sync, edit and publish Estonian
translations only; wagtail-localize itself would have let anyone holding
`submit_translation` sync and publish every language.
"""

from __future__ import annotations

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, include, path, reverse
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.models import Locale, Page, PageViewRestriction, get_translatable_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from modules.localize_guard import LOCALIZE_URLS, NAMESPACE
from modules.models import ModulePage
from tests.factories import make_module, run_on_commit, translate_page
from tests.modules.localize_state import (
    admin_only,
    language_editor,
    revisions_by_locale,
    send,
    translated_tree,
    wagtail_editor,
    written_state,
)


def localize_url_names() -> set[str]:
    found: set[str] = set()

    def walk(patterns, namespaces):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, [*namespaces, pattern.namespace])
            elif isinstance(pattern, URLPattern) and NAMESPACE in namespaces and pattern.name:
                found.add(pattern.name)

    walk(get_resolver().url_patterns, [])
    return found


def test_every_wagtail_localize_url_is_classified():
    unclassified = localize_url_names() - set(LOCALIZE_URLS)
    assert not unclassified, (
        "wagtail-localize has URLs no permission rule covers; they are refused until "
        f"classified in modules/localize_guard.py: {sorted(unclassified)}"
    )
    assert not set(LOCALIZE_URLS) - localize_url_names(), "LOCALIZE_URLS lists URLs that are gone."


def brand_new_action(request):
    Locale.objects.create(language_code="de")  # what an unreviewed view might write
    return HttpResponse("done")


# A wagtail-localize release adding a URL to its namespace. (Nested in a namespace of
# its own, so that reversing wagtail-localize's other URL names still finds the admin's.)
urlpatterns = [
    path(
        "admin/localize/brand-new/",
        include(
            ([path("", include(([path("", brand_new_action, name="brand_new")], NAMESPACE)))], "x")
        ),
    ),
    path("admin/", include(wagtailadmin_urls)),
]


def test_a_wagtail_localize_url_nobody_classified_is_refused(admin_client, settings):
    settings.ROOT_URLCONF = __name__
    response = admin_client.post("/admin/localize/brand-new/")
    assert response.status_code == 403
    assert "This translation action is not available." in response.content.decode()
    assert not Locale.objects.filter(language_code="de").exists()
    # Visitors are sent to sign in, as everywhere in the admin.
    response = Client().post("/admin/localize/brand-new/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_pages_are_the_only_translatable_models():
    """Snippets are judged by their model's permissions, but submitting a page
    also translates the translatable snippets it refers to (wagtail-localize's
    related objects), which `submission_scope` does not check yet. There are
    none today; a translatable snippet model needs that check first."""
    assert all(issubclass(model, Page) for model in get_translatable_models())


@pytest.fixture
def tree(site_pages):
    return translated_tree(*site_pages)


@pytest.fixture
def editor_et(tree):
    return language_editor("editor.et", "et")


def submit_url(page) -> str:
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def locale_pk(code: str) -> int:
    return Locale.objects.get(language_code=code).pk


# --- submitting for translation ---------------------------------------------------


def test_a_language_editor_is_offered_their_language_only(client, tree, editor_et):
    client.force_login(editor_et)
    response = client.get(submit_url(tree.backups))
    assert response.status_code == 200
    html = response.content.decode()
    offered = response.context["form"].fields["locales"].queryset
    assert [locale.language_code for locale in offered] == ["et"]
    assert "Français: you may not add pages in this language." in html
    assert "Italiano: the parent page is not translated into this language yet." in html


@pytest.mark.parametrize("codes", [["fr"], ["et", "fr"]])
def test_a_language_editor_cannot_submit_into_another_language(client, tree, editor_et, codes):
    client.force_login(editor_et)
    before = written_state()
    response = run_on_commit(
        client.post, submit_url(tree.backups), {"locales": [locale_pk(c) for c in codes]}
    )
    assert response.status_code == 403
    assert "You may not translate “Backups” into Français. Nothing was submitted." in (
        response.content.decode()
    )
    assert written_state() == before


def test_a_language_editor_creates_an_estonian_draft(client, tree, editor_et):
    client.force_login(editor_et)
    before = revisions_by_locale()
    response = run_on_commit(client.post, submit_url(tree.backups), {"locales": [locale_pk("et")]})
    estonian = tree.backups.get_translation(Locale.objects.get(language_code="et"))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[estonian.pk])
    assert not estonian.live  # a draft until someone publishes it
    written = revisions_by_locale() - before
    # Wagtail's copy of the page (no author) and the translation's first revision.
    assert {language for language, _author in written} == {"et"}, written
    assert written[("et", "editor.et")] == 1
    assert not tree.backups.get_translations().exclude(pk=estonian.pk).exists()


def test_no_language_left_to_translate_into_is_a_clear_refusal(client, tree, editor_et):
    client.force_login(editor_et)
    response = client.get(submit_url(tree.phishing["en"]))  # already in Estonian
    assert response.status_code == 403
    html = response.content.decode()
    assert "You may not translate “Phishing at the utility” into any other language." in html
    assert "Italiano: the parent page is not translated into this language yet." in html


def test_people_without_the_submit_permission_are_refused(client, tree):
    client.force_login(admin_only())
    before = written_state()
    for method in ("get", "post"):
        response = getattr(client, method)(submit_url(tree.backups), {"locales": [locale_pk("et")]})
        assert response.status_code == 403
        assert "You may not submit content for translation." in response.content.decode()
    assert written_state() == before


def test_a_page_whose_parent_is_not_translated_is_not_offered(admin_client, tree):
    """wagtail-localize would make the parent a live alias, English text in Italian."""
    response = admin_client.get(submit_url(tree.backups))
    offered = {
        locale.language_code for locale in response.context["form"].fields["locales"].queryset
    }
    assert offered == {"et", "fr"}
    before = written_state()
    response = run_on_commit(
        admin_client.post, submit_url(tree.backups), {"locales": [locale_pk("it")]}
    )
    assert response.status_code == 403
    assert written_state() == before
    assert not Page.objects.filter(locale__language_code="it").exists()


def test_a_subtree_submission_leaves_existing_translations_alone(admin_client, tree):
    """The index is an alias in Italian; one module below it is translated already."""
    italian = Locale.objects.get(language_code="it")
    home_it = translate_page(tree.homes["en"], "it")
    index_alias = tree.indexes["en"].create_alias(
        parent=home_it, update_locale=italian, update_slug="moduli", reset_translation_key=False
    )
    phishing_it = translate_page(tree.phishing["en"], "it")
    assert phishing_it.get_parent().pk == index_alias.pk
    kept = (phishing_it.title, phishing_it.live_revision_id, phishing_it.revisions.count())

    response = run_on_commit(
        admin_client.post,
        submit_url(tree.indexes["en"]),
        {"locales": [italian.pk], "include_subtree": "on"},
    )
    assert response.status_code == 302
    index_it = Page.objects.get(pk=index_alias.pk)
    assert index_it.alias_of_id is None  # now a translation
    phishing_it = ModulePage.objects.get(pk=phishing_it.pk)
    assert (phishing_it.title, phishing_it.live_revision_id, phishing_it.revisions.count()) == kept
    backups_it = tree.backups.get_translation(italian)
    assert backups_it.get_parent().pk == index_it.pk and not backups_it.live


def test_replacing_a_live_alias_takes_publish_permission(client, tree):
    """wagtail-localize writes the translation straight into the live alias."""
    italian = Locale.objects.get(language_code="it")
    home_it = translate_page(tree.homes["en"], "it")
    tree.indexes["en"].create_alias(
        parent=home_it, update_locale=italian, update_slug="moduli", reset_translation_key=False
    )
    client.force_login(wagtail_editor())  # edits every page, publishes none
    before = written_state()
    response = client.post(submit_url(tree.indexes["en"]), {"locales": [italian.pk]})
    assert response.status_code == 403
    assert (
        "Italiano: the page is an alias of its source there; replacing it with a translation "
        "takes permission to edit and to publish it."
    ) in response.content.decode()
    assert written_state() == before


def test_a_subtree_submission_reaching_a_page_the_user_may_not_edit_is_refused(client, tree):
    """editor.et may translate the index's subtree into Estonian, but "Backups" has an
    Estonian alias in French hands (placed where only the French editors reach)."""
    estonian = Locale.objects.get(language_code="et")
    index_en = tree.indexes["en"]
    section = make_module(tree.indexes["en"], "Remote access")
    # Translating "Remote access" would be fine; its Estonian alias sits in the French tree.
    section.create_alias(
        parent=tree.indexes["fr"],
        update_locale=estonian,
        update_slug="kaug",
        reset_translation_key=False,
    )
    Page.objects.filter(pk=tree.indexes["et"].pk).delete()  # the index itself is to translate
    editor = language_editor("editor.et", "et")
    client.force_login(editor)
    before = written_state()
    response = run_on_commit(
        client.post, submit_url(index_en), {"locales": [estonian.pk], "include_subtree": "on"}
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "You may not translate every page below “Modules” into the languages chosen." in html
    assert (
        "Eesti: “Remote access” is an alias of its source there; replacing it with a "
        "translation takes permission to edit and to publish it."
    ) in html
    assert written_state() == before


# --- syncing -----------------------------------------------------------------------


def sync_url(tree) -> str:
    return reverse("wagtail_localize:update_translations", args=[tree.source.pk])


def test_a_language_editor_syncs_and_publishes_estonian_only(client, tree, editor_et):
    """The reported hole: this published French, Italian, ... revisions as editor.et."""
    client.force_login(editor_et)
    response = client.get(sync_url(tree))
    assert response.status_code == 200
    listed = [t["locale"].language_code for t in response.context["translations"]]
    assert listed == ["et"]
    assert "Left as they are: Français." in response.content.decode()

    french = tree.phishing["fr"]
    french_before = (french.live_revision_id, french.revisions.count(), french.title)
    before = revisions_by_locale()
    response = run_on_commit(client.post, sync_url(tree), {"publish_translations": "on"})
    assert response.status_code == 302
    assert revisions_by_locale() - before == {("et", "editor.et"): 1}
    french.refresh_from_db()
    assert (french.live_revision_id, french.revisions.count(), french.title) == french_before
    estonian = ModulePage.objects.get(pk=tree.phishing["et"].pk)
    assert estonian.live_revision.user == editor_et


def test_sync_publishes_nothing_for_someone_who_may_not_publish(client, tree):
    client.force_login(wagtail_editor())
    response = client.get(sync_url(tree))
    assert response.status_code == 200
    assert "publish_translations" not in response.context["form"].fields
    before = written_state()
    response = run_on_commit(client.post, sync_url(tree), {"publish_translations": "on"})
    assert response.status_code == 302
    after = written_state()
    assert after["revisions"] == before["revisions"] and after["pages"] == before["pages"]


def test_sync_changes_view_restrictions_only_where_the_user_may_publish(client, tree):
    """Mirroring the source's view restrictions may make a private translation
    public; in Wagtail only publishers set view restrictions."""
    french = tree.phishing["fr"]
    PageViewRestriction.objects.create(
        page=french, restriction_type=PageViewRestriction.PASSWORD, password="kept"
    )
    client.force_login(wagtail_editor())
    assert run_on_commit(client.post, sync_url(tree), {}).status_code == 302
    assert french.view_restrictions.exists()
    client.force_login(language_editor("editor.fr", "fr"))
    assert run_on_commit(client.post, sync_url(tree), {}).status_code == 302
    assert not french.view_restrictions.exists()  # as the source: public


@pytest.mark.parametrize("who", ["another language's editor", "no translation permission"])
def test_sync_is_refused_to_whoever_may_edit_no_translation(client, tree, who):
    # Editors (English) may edit the source, but no Estonian or French page.
    user = language_editor("editor.en", "en") if who.startswith("another") else admin_only()
    client.force_login(user)
    before = written_state()
    for method, data in (("get", {}), ("post", {"publish_translations": "on"})):
        response = run_on_commit(getattr(client, method), sync_url(tree), data)
        assert response.status_code == 403
    assert written_state() == before


def test_an_administrator_still_syncs_every_language(admin_client, tree):
    before = revisions_by_locale()
    run_on_commit(admin_client.post, sync_url(tree), {"publish_translations": "on"})
    assert revisions_by_locale() - before == {("et", "root"): 1, ("fr", "root"): 1}


# --- one translation's editor actions -------------------------------------------------


def translation_requests(translation) -> list[tuple[str, str, dict, tuple[int, ...]]]:
    """(method, url, data, statuses when allowed) for each wagtail-localize view on one
    translation."""
    segment = StringSegment.objects.filter(source=translation.source).order_by("order").first()
    po_file = polib.POFile()
    po_file.metadata = {"X-WagtailLocalize-TranslationID": str(translation.uuid)}
    po_file.append(polib.POEntry(msgid=segment.string.data, msgstr="Tõlgitud", msgctxt="title"))

    def url(name, *args):
        return reverse(f"wagtail_localize:{name}", args=[translation.pk, *args])

    return [
        ("put", url("edit_string_translation", segment.pk), {"value": "Tõlgitud"}, (200, 201)),
        ("get", url("download_pofile"), {}, (200,)),
        (
            "post",
            url("upload_pofile"),
            {"file": SimpleUploadedFile("t.po", str(po_file).encode())},
            (302,),
        ),
        ("post", url("machine_translate"), {}, (302,)),
        ("get", url("preview_translation"), {}, (200,)),
        ("get", url("preview_translation", "default"), {}, (404,)),  # no such preview mode
        ("post", url("stop_translation"), {}, (302,)),
    ]


def test_a_language_editor_cannot_touch_another_languages_translation(client, tree, editor_et):
    client.force_login(editor_et)
    before = written_state()
    for method, url, data, _allowed in translation_requests(tree.translations["fr"]):
        response = send(client, method, url, data)
        assert response.status_code == 403, url
        text = response.json()["detail"] if method == "put" else response.content.decode()
        assert "You may not edit the Français translation of “Phishing at the utility”." in text
    assert written_state() == before


def test_a_language_editor_works_on_their_own_translation(client, tree, editor_et):
    client.force_login(editor_et)
    estonian = tree.translations["et"]
    for method, url, data, allowed in translation_requests(estonian):
        response = send(client, method, url, data)
        assert response.status_code in allowed, (url, response.status_code)
    written = StringTranslation.objects.filter(locale=estonian.target_locale)
    assert written.filter(data="Tõlgitud", last_translated_by=editor_et).exists()
    assert written.filter(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE).exists()
    estonian.refresh_from_db()
    assert not estonian.enabled  # the last request stopped it


def test_converting_to_an_alias_needs_edit_and_publish_permission(client, tree, editor_et):
    french = tree.phishing["fr"]
    estonian = tree.phishing["et"]
    url = "wagtail_localize:convert_to_alias"
    client.force_login(editor_et)
    before = written_state()
    assert client.post(reverse(url, args=[french.pk])).status_code == 403
    assert written_state() == before
    assert client.get(reverse(url, args=[estonian.pk])).status_code == 200
    client.force_login(wagtail_editor())  # edits every page, publishes none
    response = client.post(reverse(url, args=[estonian.pk]))
    assert response.status_code == 403
    assert "takes permission to edit and to publish it" in response.content.decode()
    assert written_state() == before
    client.force_login(editor_et)
    assert client.post(reverse(url, args=[estonian.pk])).status_code == 302
    assert Page.objects.get(pk=estonian.pk).alias_of_id == tree.phishing["en"].pk


# --- wagtail-localize inside Wagtail's page editor -----------------------------------


def test_wagtail_checks_the_page_before_wagtail_localize_acts_in_its_editor(
    client, tree, editor_et
):
    """The translation editor, "Start synced translation" and "Convert to alias"
    come through Wagtail's edit view, which refuses pages the user may not edit."""
    french = tree.phishing["fr"]
    estonian = tree.phishing["et"]
    edit = "wagtailadmin_pages:edit"
    Translation.objects.filter(pk=tree.translations["fr"].pk).update(enabled=False)
    client.force_login(editor_et)
    before = written_state()
    for data in (
        None,
        {"localize-restart-translation": "1"},
        {"localize-convert-to-alias": "1"},
        {"action": "publish"},
    ):
        url = reverse(edit, args=[french.pk])
        response = client.get(url) if data is None else client.post(url, data)
        assert response.status_code in (302, 403), data
        if response.status_code == 302:
            assert response["Location"] == reverse("wagtailadmin_home")
    assert written_state() == before

    # Their own language: the translation editor, and publishing from it.
    response = client.get(reverse(edit, args=[estonian.pk]))
    assert response.status_code == 200
    assert "js-translation-editor" in response.content.decode()
    before = revisions_by_locale()
    run_on_commit(client.post, reverse(edit, args=[estonian.pk]), {"action": "publish"})
    assert revisions_by_locale() - before == {("et", "editor.et"): 1}


def test_publishing_from_the_translation_editor_needs_publish_permission(client, tree):
    client.force_login(wagtail_editor())
    estonian = tree.phishing["et"]
    before = written_state()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[estonian.pk]), {"action": "publish"}
    )
    assert response.status_code in (302, 403)
    assert written_state() == before


# --- the report and the snippet API ----------------------------------------------------


def test_wagtail_localizes_report_leads_to_the_projects(client, tree, editor_et):
    client.force_login(editor_et)
    for name in ("translations_report", "translations_report_results"):
        response = client.get(reverse(f"wagtail_localize:{name}"))
        assert response.status_code == 302
        assert response["Location"] == reverse("modules_translations_report")
    client.force_login(admin_only())
    response = client.get(reverse("wagtail_localize:translations_report"))
    assert response.status_code == 403


def test_the_reports_menu_has_one_translations_report(admin_client, tree):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("modules_translations_report") in html
    assert reverse("wagtail_localize:translations_report") not in html


@pytest.mark.parametrize(
    "model", [("modules", "region"), ("learning", "managerregions"), ("modules", "nothing")]
)
def test_the_snippet_api_lists_no_untranslatable_model(admin_client, client, tree, model):
    """It listed every object of any snippet model (managers' region assignments
    included) to anyone in the admin."""
    for name, args in (("snippets_api_listing", model), ("snippets_api_detail", (*model, 1))):
        response = admin_client.get(reverse(f"wagtail_localize:{name}", args=args), follow=True)
        assert response.status_code == 404, (name, model)
    client.force_login(language_editor("editor.fr", "fr"))
    response = client.get(reverse("wagtail_localize:snippets_api_listing", args=model), follow=True)
    assert response.status_code == 404


def test_the_refusal_is_in_the_users_admin_language(client, tree, editor_et):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor_et)
    profile.preferred_language = "et"
    profile.save()
    client.force_login(editor_et)
    response = client.post(submit_url(tree.backups), {"locales": [locale_pk("fr")]})
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="et"' in html
    assert (
        "Sul ei ole õigust tõlkida „Backups“ järgmistesse keeltesse: Français. Midagi ei saadetud."
    ) in html


def test_the_translation_editor_api_refuses_in_json(client, tree, editor_et):
    client.force_login(editor_et)
    translation = tree.translations["fr"]
    segment = StringSegment.objects.filter(source=translation.source).first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = send(client, "put", url, {"value": "x"})
    assert response.status_code == 403
    assert response.json()["detail"].startswith("You may not edit the Français translation")


def test_the_csrf_check_comes_before_the_permission_rules(tree):
    """The rules answer for wagtail-localize's views, so Django's CSRF check
    must run first or a forged form would be acted on."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(wagtail_editor())
    before = written_state()
    response = run_on_commit(browser.post, sync_url(tree), {"publish_translations": "on"})
    assert response.status_code == 403
    assert "CSRF" in response.content.decode()
    response = run_on_commit(browser.post, submit_url(tree.backups), {"locales": [locale_pk("et")]})
    assert response.status_code == 403
    assert written_state() == before
