"""Helpers for the wagtail-localize permission tests: people, a translated tree, what was written."""

from __future__ import annotations

import re
from collections import Counter
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test.client import encode_multipart
from wagtail.models import Locale, Page, PageViewRestriction, Revision
from wagtail_localize.models import (
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationSource,
)

from modules.permissions import ensure_language_editor_group
from tests.factories import make_module, translate_page


def language_editor(username: str, code: str) -> object:
    """A member of "Editors (<language>)", as `seed_demo` makes editor.et."""
    home = Page.objects.get(depth=2, locale__language_code=code)
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(ensure_language_editor_group(code, home))
    return user


def wagtail_editor(username: str = "all.languages") -> object:
    """A member of Wagtail's default "Editors" group: adds and edits every page,
    publishes none, may submit translations."""
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def admin_only(username: str = "manager.only") -> object:
    """In the admin without any page or translation permission (a programme manager)."""
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw")
    group, _created = Group.objects.get_or_create(name=f"group-{username}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user.groups.add(group)
    return user


def translated_tree(home, index) -> SimpleNamespace:
    """Home and module index in English, Estonian and French; "Phishing" in all three,
    "Backups" in English only."""
    homes, indexes = {"en": home}, {"en": index}
    for code in ("et", "fr"):
        homes[code] = translate_page(home, code)
        indexes[code] = translate_page(index, code)
    phishing = make_module(index, "Phishing at the utility")
    versions = {"en": phishing, **{code: translate_page(phishing, code) for code in ("et", "fr")}}
    backups = make_module(index, "Backups")
    source = TranslationSource.objects.get(object_id=phishing.translation_key)
    return SimpleNamespace(
        homes=homes,
        indexes=indexes,
        phishing=versions,
        backups=backups,
        source=source,
        translations={
            t.target_locale.language_code: t
            for t in Translation.objects.filter(source=source).select_related("target_locale")
        },
    )


def following_language_prefix(client, url: str, response):
    """A missing admin address is a 404 after LocaleMiddleware has tried it again
    with a language prefix; follow that one redirect."""
    location = response.get("Location", "") if response.status_code == 302 else ""
    if re.fullmatch(rf"/[a-z]{{2}}{re.escape(url)}", location):
        return client.get(location)
    return response


def send(client, method: str, url: str, data: dict):
    """GET, POST or PUT (multipart, as the translation editor sends it) `data` to `url`."""
    if method == "put":
        boundary = "BoUnDaRy"
        response = client.put(
            url, encode_multipart(boundary, data), f"multipart/form-data; boundary={boundary}"
        )
    else:
        response = getattr(client, method)(url, data)
    return following_language_prefix(client, url, response)


def revisions_by_locale() -> Counter:
    """(language, author) -> number of page revisions."""
    locale_of = dict(Page.objects.values_list("pk", "locale__language_code"))
    counts: Counter = Counter()
    for object_id, username in Revision.page_revisions.values_list("object_id", "user__username"):
        counts[(locale_of.get(int(object_id)), username)] += 1
    return counts


def written_state() -> dict:
    """Everything a wagtail-localize action could write, to compare before and after.

    Rows that belong to one language carry its code second.
    """
    return {
        "revisions": revisions_by_locale(),
        "pages": sorted(
            Page.objects.values_list(
                "pk", "locale__language_code", "live", "live_revision_id", "alias_of_id", "title"
            )
        ),
        "translations": sorted(
            Translation.objects.values_list("pk", "target_locale__language_code", "enabled")
        ),
        "strings": sorted(
            StringTranslation.objects.values_list("pk", "locale__language_code", "data")
        ),
        "overrides": sorted(
            SegmentOverride.objects.values_list("pk", "locale__language_code", "data_json")
        ),
        "view_restrictions": sorted(
            PageViewRestriction.objects.values_list(
                "pk", "page__locale__language_code", "restriction_type", "password"
            )
        ),
        "sources": sorted(
            TranslationSource.objects.values_list("pk", "last_updated_at", "content_json")
        ),
        "locales": sorted(Locale.objects.values_list("pk", "language_code")),
    }


def changed_languages(before: dict, after: dict) -> set[str]:
    """The languages whose pages, revisions, translations or strings differ."""
    revisions = (after["revisions"] - before["revisions"]) + (
        before["revisions"] - after["revisions"]
    )
    changed = {language for language, _author in revisions}
    for key in ("pages", "translations", "strings", "overrides", "view_restrictions"):
        changed |= {row[1] for row in set(before[key]) ^ set(after[key])}
    return changed


def published_languages(before: dict, after: dict) -> set[str]:
    """The languages in which a page went live or got a new live revision."""
    was = {row[0]: (row[2], row[3]) for row in before["pages"]}
    return {
        language
        for pk, language, live, live_revision, *_rest in after["pages"]
        if live and was.get(pk) != (live, live_revision)
    }
