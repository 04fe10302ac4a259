"""Importing finished translations into wagtail-localize.

A translation written outside the admin (demo content, a migration from
another system) arrives as a complete object in the target language with the
same StreamField block ids as its source. Its strings are paired with the
source's segments by path, stored as wagtail-localize string translations,
and the target page is then built by wagtail-localize itself, so the result
is an ordinary synced translation that editors can keep working on.
"""

from __future__ import annotations

from collections import defaultdict

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
