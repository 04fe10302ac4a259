"""Finding modules by words in any language, shown in the reader's language.

A reader on the Estonian site may search with the English word they know
("phishing") or the Estonian one ("õngitsus"). So the full-text search runs
over the live modules of every language, and a module also matches when one
of its topics or sectors has a matching name in any language. Each module
found is then shown once, in the reader's language where a translation is
live, otherwise in a language it was found in (the card says which).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q
from wagtail.models import Locale

from .models import ModulePage, Sector, Topic
from .models.pages import DEFAULT_FALLBACK, with_card_relations

# Full-text hits considered, across all languages: a query that matches more
# than this is too vague for anyone to read every result anyway.
MAX_HITS = 300
# Shorter query words match a name's word only whole ("ot"), longer ones also
# its start ("phish" finds "Phishing"), so that one letter does not match everything.
PREFIX_MIN_LENGTH = 3


def folded(text: str) -> str:
    """`text` compared as a reader would: without case or accents ("Hameçonnage"
    and "hameconnage" are the same word)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", folded(text))


def _name_matches(query_words: list[str], name: str) -> bool:
    words = _words(name)
    return all(
        any(w == q or (len(q) >= PREFIX_MIN_LENGTH and w.startswith(q)) for w in words)
        for q in query_words
    )


def matching_names(items: Iterable, query: str) -> list:
    """The topics or sectors with a name, in any language, that has every word of `query`."""
    query_words = _words(query)
    if not query_words:
        return []
    return [
        item
        for item in items
        if any(_name_matches(query_words, name) for name in [item.name, *item.names.values()])
    ]


@dataclass
class Found:
    """One module found: its `translation_key`, and the languages it was found in, in order."""

    translation_key: object
    languages: list[str] = field(default_factory=list)


def find_modules(query: str) -> list[Found]:
    """Modules matching `query` in any language, best matches first, each once.

    Full-text matches come first, in the search backend's order; then modules
    whose topics or sectors are named by the query, by title.
    """
    codes = {locale.pk: locale.language_code for locale in Locale.objects.all()}
    found: dict = {}

    def add(key, locale_id) -> None:
        entry = found.setdefault(key, Found(key))
        code = codes.get(locale_id)
        if code and code not in entry.languages:
            entry.languages.append(code)

    hits = ModulePage.objects.live().defer_streamfields().search(query, operator="and")
    for hit in hits[:MAX_HITS]:
        add(hit.translation_key, hit.locale_id)

    topics = matching_names(Topic.objects.only("pk", "name", "names"), query)
    sectors = matching_names(Sector.objects.only("pk", "name", "names"), query)
    if topics or sectors:
        tagged = (
            ModulePage.objects.live()
            .filter(Q(tagged_topics__tag__in=topics) | Q(sectors__in=sectors))
            .order_by("title")
            .values_list("translation_key", "locale_id")
            .distinct()
        )
        for key, locale_id in tagged:
            add(key, locale_id)
    return list(found.values())


def modules_to_show(found: list[Found], locale: Locale) -> list[ModulePage]:
    """For each module found, its live version in `locale`; failing that the one
    in English if it was found in English, else in the first language it was
    found in. Loaded with what a card shows, in a fixed number of queries."""
    versions = ModulePage.objects.live().filter(
        translation_key__in=[item.translation_key for item in found]
    )
    by_key: dict = {}
    for pk, key, code in versions.values_list("pk", "translation_key", "locale__language_code"):
        by_key.setdefault(key, {})[code] = pk
    chosen = []
    for item in found:
        available = by_key.get(item.translation_key, {})
        preference = [locale.language_code]
        if DEFAULT_FALLBACK in item.languages:
            preference.append(DEFAULT_FALLBACK)
        preference += item.languages
        pk = next((available[code] for code in preference if code in available), None)
        if pk is not None:
            chosen.append(pk)
    pages = with_card_relations(ModulePage.objects.filter(pk__in=chosen)).defer_streamfields()
    by_pk = {page.pk: page for page in pages}
    return [by_pk[pk] for pk in chosen if pk in by_pk]
