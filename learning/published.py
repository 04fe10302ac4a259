"""The published modules and programmes as a learner's own pages list them.

"My learning" and the "Continue" banners name modules and programmes, link
to them and suggest others: content that changes only when something is
published, so it is read and rendered once per content generation (and
language, and site) for everyone, from the shared cache. Each request then
only matches the learner's own records against it.

The cache holds plain tuples with translation keys as strings: these pages
read every live module on every visit, and unpickling tuples of strings is
many times cheaper than model instances, dataclasses or UUIDs. Link objects
are made only for what the page shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString

from caching import cached, request_host
from modules.models import ModulePage, ProgrammeModule, ProgrammePage, Region


@dataclass(frozen=True)
class PageLink:
    """A live page as a list names it: what a learner's pages show of it."""

    pk: int
    # The page's translation_key as a string.
    translation_key: str
    language: str
    title: str
    # As `{% pageurl %}` gives it on the request's site.
    url: str
    has_quiz: bool = False


@dataclass(frozen=True)
class LiveModules:
    # pk -> the fields of its PageLink, in order.
    links: dict[int, tuple]
    # (language, translation key) -> pk
    by_language: dict[tuple[str, str], int]

    def shown_as(self, language: str, module_key, page_id: int | None) -> PageLink | None:
        """A module the learner read as page `page_id`, in `language` where it is
        live, else that page if it is live; None when neither is."""
        pk = self.by_language.get((language, str(module_key)), page_id)
        fields = self.links.get(pk)
        return PageLink(*fields) if fields is not None else None


def live_modules(request: HttpRequest | None = None) -> LiveModules:
    """Every live module page, in every language."""

    def build() -> LiveModules:
        links = {
            page.pk: (
                page.pk,
                str(page.translation_key),
                page.locale.language_code,
                page.title,
                page.get_url(request),
                page.has_quiz,
            )
            for page in ModulePage.objects.live().select_related("locale").defer("body")
        }
        return LiveModules(
            links=links,
            by_language={(fields[2], fields[1]): pk for pk, fields in links.items()},
        )

    return cached(("live_modules", request_host(request)), build, request)


@dataclass(frozen=True)
class ProgrammeLink(PageLink):
    # The live modules it lists (translation keys as strings): what its progress counts.
    live_module_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Programme:
    fields: tuple  # of its ProgrammeLink, without the live modules
    region_ids: frozenset[int]
    sector_ids: frozenset[int]
    # The modules this version of the programme lists, live or not.
    module_keys: frozenset[str]
    live_module_keys: tuple[str, ...]

    def concerns(self, module_keys: set[str], region_id: int | None, sector_id: int | None) -> bool:
        return bool(
            self.module_keys & module_keys
            or (region_id is not None and region_id in self.region_ids)
            or (sector_id and sector_id in self.sector_ids)
        )


def programmes_for(
    language: str,
    module_keys: set[str],
    region_id: int | None,
    sector_id: int | None,
    request: HttpRequest | None = None,
) -> list[ProgrammeLink]:
    """The live programmes in a language that concern a learner, in the site's
    order: those listing a module they started (`module_keys`, as strings),
    and those for their region or sector."""
    return [
        ProgrammeLink(*programme.fields, live_module_keys=programme.live_module_keys)
        for programme in _live_programmes(language, request)
        if programme.concerns(module_keys, region_id, sector_id)
    ]


def _live_programmes(language: str, request: HttpRequest | None) -> tuple[_Programme, ...]:
    def build() -> tuple[_Programme, ...]:
        programmes = list(
            ProgrammePage.objects.live()
            .filter(locale__language_code=language)
            .prefetch_related("regions", "sectors")
            .order_by("path")
        )
        modules: dict = {}
        live: dict = {}
        for programme_id, module_key, module_live in ProgrammeModule.objects.filter(
            programme__in=programmes
        ).values_list("programme_id", "module__translation_key", "module__live"):
            modules.setdefault(programme_id, set()).add(str(module_key))
            if module_live:
                live.setdefault(programme_id, []).append(str(module_key))
        return tuple(
            _Programme(
                fields=(
                    programme.pk,
                    str(programme.translation_key),
                    language,
                    programme.title,
                    programme.get_url(request),
                ),
                region_ids=frozenset(region.pk for region in programme.regions.all()),
                sector_ids=frozenset(sector.pk for sector in programme.sectors.all()),
                module_keys=frozenset(modules.get(programme.pk, ())),
                live_module_keys=tuple(live.get(programme.pk, ())),
            )
            for programme in programmes
        )

    return cached(("live_programmes", request_host(request), language), build, request)


def module_cards(
    language: str, sector_id: int | None, request: HttpRequest | None = None
) -> tuple[tuple[str, SafeString], ...]:
    """The live modules in a language (of a sector, when given) by title: each
    one's translation key (a string) and its card as
    `components/module_card.html` renders it."""

    def build() -> tuple[tuple[str, SafeString], ...]:
        modules = ModulePage.objects.live().filter(locale__language_code=language)
        if sector_id:
            modules = modules.filter(sectors=sector_id)
        return tuple(
            (
                str(module.translation_key),
                render_to_string("components/module_card.html", {"module": module}, request),
            )
            for module in modules.order_by("title")
            .select_related("locale", "cover_image")
            .prefetch_related("sectors")
            .defer_streamfields()
        )

    return cached(("module_cards", request_host(request), language, sector_id or 0), build, request)


def region_languages(request: HttpRequest | None = None) -> dict[int, str]:
    """Each region's default language (region pk -> language code): a learner's
    second choice after their own language. Saving a region starts a new generation."""
    return cached(
        ("region_languages",),
        lambda: dict(Region.objects.values_list("pk", "default_language")),
        request,
    )


def programme_module_cards(
    programme: ProgrammePage,
    fallback_languages: tuple[str, ...],
    request: HttpRequest | None = None,
) -> tuple[tuple[PageLink, SafeString], ...]:
    """A programme's live modules in order, each in the active language, else
    each fallback language in turn (`ProgrammePage.module_pages`), with its
    card as `components/module_card.html` renders it. The links leave out
    `has_quiz`, which the programme page does not use and would read each quiz."""
    language = translation.get_language() or ""

    def build() -> tuple[tuple[tuple, SafeString], ...]:
        return tuple(
            (
                (
                    module.pk,
                    str(module.translation_key),
                    module.locale.language_code,
                    module.title,
                    module.get_url(request),
                ),
                render_to_string("components/module_card.html", {"module": module}, request),
            )
            for module in programme.module_pages(fallback_languages=fallback_languages)
        )

    entries = cached(
        (
            "programme_cards",
            request_host(request),
            programme.pk,
            language,
            ",".join(fallback_languages),
        ),
        build,
        request,
    )
    return tuple((PageLink(*fields), card) for fields, card in entries)


def lesson_sections(page_id: int, request: HttpRequest | None = None) -> dict[str, str]:
    """A live module's lesson headings (block id -> text), from the shared cache."""

    def build() -> dict[str, str]:
        page = ModulePage.objects.filter(pk=page_id).first()
        return page.lesson_sections() if page is not None else {}

    return cached(("lesson_sections", page_id), build, request)
