"""The published modules and programmes as a learner's own pages list them.

"My learning" and the "Continue" banners name modules and programmes, link
to them and suggest others: content that changes only when something is
published, so it is read and rendered once per content generation (and
language, and site) for everyone, from the shared cache. Each request then
only matches the learner's own records against it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from caching import cached, request_host
from modules.models import ModulePage, ProgrammeModule, ProgrammePage


@dataclass(frozen=True)
class PageLink:
    """A live page as a list names it: what a learner's pages show of it."""

    pk: int
    translation_key: uuid.UUID
    language: str
    title: str
    # As `{% pageurl %}` gives it on the request's site.
    url: str
    has_quiz: bool = False


@dataclass(frozen=True)
class LiveModules:
    by_pk: dict[int, PageLink] = field(default_factory=dict)
    by_language: dict[tuple[str, uuid.UUID], PageLink] = field(default_factory=dict)

    def shown_as(self, language: str, module_key, page_id: int | None) -> PageLink | None:
        """A module the learner read as page `page_id`, in `language` where it is
        live, else that page if it is live; None when neither is."""
        return self.by_language.get((language, module_key)) or self.by_pk.get(page_id)


def live_modules(request: HttpRequest | None = None) -> LiveModules:
    """Every live module page, in every language."""

    def build() -> LiveModules:
        links = [
            PageLink(
                pk=page.pk,
                translation_key=page.translation_key,
                language=page.locale.language_code,
                title=page.title,
                url=page.get_url(request),
                has_quiz=page.has_quiz,
            )
            for page in ModulePage.objects.live().select_related("locale").defer("body")
        ]
        return LiveModules(
            by_pk={link.pk: link for link in links},
            by_language={(link.language, link.translation_key): link for link in links},
        )

    return cached(("live_modules", request_host(request)), build, request)


@dataclass(frozen=True)
class ProgrammeLink(PageLink):
    region_ids: frozenset[int] = frozenset()
    sector_ids: frozenset[int] = frozenset()
    # The modules this version of the programme lists, and those of them that are live.
    module_keys: frozenset[uuid.UUID] = frozenset()
    live_module_keys: tuple[uuid.UUID, ...] = ()

    def concerns(self, module_keys, region_id: int | None, sector_id: int | None) -> bool:
        """Whether a learner who started `module_keys`, in this region and sector, sees it."""
        return bool(
            self.module_keys & module_keys
            or (region_id is not None and region_id in self.region_ids)
            or (sector_id and sector_id in self.sector_ids)
        )


def live_programmes(language: str, request: HttpRequest | None = None) -> tuple[ProgrammeLink, ...]:
    """The live programmes in a language, in the site's order."""

    def build() -> tuple[ProgrammeLink, ...]:
        programmes = list(
            ProgrammePage.objects.live()
            .filter(locale__language_code=language)
            .select_related("locale")
            .prefetch_related("regions", "sectors")
            .order_by("path")
        )
        modules: dict = {}
        live: dict = {}
        for programme_id, module_key, module_live in ProgrammeModule.objects.filter(
            programme__in=programmes
        ).values_list("programme_id", "module__translation_key", "module__live"):
            modules.setdefault(programme_id, set()).add(module_key)
            if module_live:
                live.setdefault(programme_id, []).append(module_key)
        return tuple(
            ProgrammeLink(
                pk=programme.pk,
                translation_key=programme.translation_key,
                language=language,
                title=programme.title,
                url=programme.get_url(request),
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
) -> tuple[tuple[uuid.UUID, SafeString], ...]:
    """The live modules in a language (of a sector, when given) by title, each
    with its card as `components/module_card.html` renders it."""

    def build() -> tuple[tuple[uuid.UUID, SafeString], ...]:
        modules = ModulePage.objects.live().filter(locale__language_code=language)
        if sector_id:
            modules = modules.filter(sectors=sector_id)
        return tuple(
            (
                module.translation_key,
                render_to_string("components/module_card.html", {"module": module}, request),
            )
            for module in modules.order_by("title")
            .select_related("locale", "cover_image")
            .prefetch_related("sectors")
            .defer_streamfields()
        )

    return cached(("module_cards", request_host(request), language, sector_id or 0), build, request)


def lesson_sections(page_id: int, request: HttpRequest | None = None) -> dict[str, str]:
    """A live module's lesson headings (block id -> text), from the shared cache."""

    def build() -> dict[str, str]:
        page = ModulePage.objects.filter(pk=page_id).first()
        return page.lesson_sections() if page is not None else {}

    return cached(("lesson_sections", page_id), build, request)
