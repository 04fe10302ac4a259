"""What a resource link opens: a module or programme by translation key, in the best language."""

from __future__ import annotations

import uuid
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from wagtail.models import Page

from modules.models import ModulePage, ProgrammePage

KINDS = {"module": ModulePage, "programme": ProgrammePage}


def target_of(claims: dict) -> tuple[str, uuid.UUID] | None:
    """(kind, translation key) from the link's custom parameters, else from its target URL's query."""
    custom = claims.get("https://purl.imsglobal.org/spec/lti/claim/custom") or {}
    query = parse_qs(
        urlsplit(
            claims.get("https://purl.imsglobal.org/spec/lti/claim/target_link_uri") or ""
        ).query
    )
    for kind in KINDS:
        value = custom.get(kind) or (query.get(kind) or [None])[0]
        if value:
            try:
                return kind, uuid.UUID(str(value))
            except ValueError:
                return None
    return None


def page_for(kind: str, key: uuid.UUID, languages: list[str]) -> Page | None:
    """The live page in the first of `languages` it exists in, then English, then any."""
    versions = {
        page.locale.language_code: page
        for page in KINDS[kind].objects.live().filter(translation_key=key).select_related("locale")
    }
    for language in [*languages, settings.LANGUAGE_CODE]:
        if language in versions:
            return versions[language]
    return next(iter(versions.values()), None)


def choices(language: str) -> list[dict]:
    """The live modules and programmes a teacher may link, in `language` where translated."""
    rows = []
    for kind, model in KINDS.items():
        by_key: dict[uuid.UUID, Page] = {}
        for page in model.objects.live().select_related("locale").order_by("title"):
            best = by_key.get(page.translation_key)
            rank = {language: 0, settings.LANGUAGE_CODE: 1}
            if best is None or rank.get(page.locale.language_code, 2) < rank.get(
                best.locale.language_code, 2
            ):
                by_key[page.translation_key] = page
        rows += [
            {"kind": kind, "key": str(key), "title": page.title, "value": f"{kind}:{key}"}
            for key, page in sorted(by_key.items(), key=lambda item: item[1].title.lower())
        ]
    return rows
