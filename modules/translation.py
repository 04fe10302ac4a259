"""Importing finished translations into wagtail-localize.

A translation written outside the admin (demo content, a migration from
another system) arrives either as a complete object in the target language
with the same StreamField block ids as its source, or as a PO file like the
one the admin's translation editor downloads (each text's path in the page
as msgctxt, the source text as msgid). Its strings are paired with the
source's segments by path, stored as wagtail-localize string translations,
and the target page is then built by wagtail-localize itself, so the result
is an ordinary synced translation that editors can keep working on.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

if TYPE_CHECKING:
    import polib

# wagtail-localize ties a downloaded PO file to one Translation row with this
# header and silently ignores the file anywhere else (another database).
PO_TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"


_PO_WARNINGS = {
    "UnknownString": "the source has no such text",
    "UnknownContext": "the page has no text at this path",
    "StringNotUsedInContext": "the source has another text at this path",
}


class TranslationMismatch(ValueError):
    """The translated object does not have the same structure as its source."""


def _strings_by_path(instance) -> dict[str, list[str]]:
    strings: dict[str, list[str]] = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path].append(segment.string.data)
    return strings


@transaction.atomic
def import_translation(source_page: Page, translated: Page, locale: Locale, publish: bool = True):
    """Create or update `source_page`'s translation in `locale` from `translated`.

    `translated` is an unsaved instance of the same page type holding the text
    in the target language. Returns the saved target page.
    """
    source_page = source_page.specific
    source, _created = TranslationSource.update_or_create_from_instance(source_page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    target_strings = _strings_by_path(translated)
    seen: dict[str, int] = defaultdict(int)
    missing = []
    segments = (
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    )
    for segment in segments:
        path = segment.context.path
        index = seen[path]
        seen[path] += 1
        try:
            text = target_strings[path][index]
        except (KeyError, IndexError):
            missing.append(path)
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    if missing:
        raise TranslationMismatch(
            f"No {locale.language_code} text for {', '.join(sorted(set(missing)))} "
            f"in {source_page.title!r}"
        )
    translation.save_target(publish=publish)
    return source_page.get_translation(locale).specific


@transaction.atomic
def import_po(source_page: Page, po: polib.POFile, locale: Locale, publish: bool = True):
    """Create or update `source_page`'s translation in `locale` from a PO file.

    Every text of the source must be translated, and every entry must match a
    text of the source (same path, same source text); otherwise nothing is
    saved and `TranslationMismatch` names what differs. A header tying the
    file to a translation in another database (a file downloaded from the
    admin elsewhere) is dropped. Returns the saved target page.
    """
    source_page = source_page.specific
    source, _created = TranslationSource.update_or_create_from_instance(source_page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po.metadata.pop(PO_TRANSLATION_ID_HEADER, None)
    problems = [
        f"{po[warning.index].msgctxt}: {_PO_WARNINGS.get(type(warning).__name__, warning)}"
        for warning in translation.import_po(po)
    ]
    untranslated = (
        StringSegment.objects.filter(source=source)
        .annotate_translation(locale)
        .filter(translation__isnull=True)
        .select_related("context")
        .order_by("order")
    )
    problems += [f"no translation for {segment.context.path}" for segment in untranslated]
    if problems:
        raise TranslationMismatch(
            f"The {locale.language_code} PO file does not match {source_page.title!r}: "
            + "; ".join(problems)
        )
    translation.save_target(publish=publish)
    return source_page.get_translation(locale).specific
