"""What certificates need to know of the programmes a module belongs to.

Issuing or renewing a certificate asks which programmes hold the module, which
modules each of them needs, what each is called in the certificate's language
and how long certificates stay valid. All of it is content: it changes only
when pages are published, unpublished, moved or deleted, or when a programme's
list of modules is written (`modules` bumps the content generation for
`ProgrammeModule` rows, drafts included). So it is read in one query per
content generation for everyone, from the shared cache, and a quiz submission
spends its statements on the learner's own records.

What counts is what certificates have always counted: every version of a
programme, live or not, and every module that any of its versions lists.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from caching import cached
from modules.models import ProgrammePage


@dataclass(frozen=True)
class ProgrammeOutline:
    key: uuid.UUID
    # The translation keys of the modules the programme needs for its certificate.
    module_keys: frozenset[uuid.UUID]
    # The title of the first version (by id) in each language, and of the first overall.
    titles: dict[str, str] = field(default_factory=dict)
    first_title: str = ""
    # The shortest validity among its versions; None: its certificates never end.
    validity_months: int | None = None

    def title_in(self, language: str) -> str:
        return self.titles.get(language, self.first_title)


@dataclass(frozen=True)
class ModuleProgrammes:
    programmes: tuple[ProgrammeOutline, ...] = ()

    @property
    def module_keys(self) -> frozenset[uuid.UUID]:
        """Every module any of these programmes needs."""
        return frozenset().union(*(p.module_keys for p in self.programmes))

    @property
    def validity_months(self) -> int | None:
        """A module's certificate lasts as long as the shortest of its programmes' allows."""
        return min(
            (p.validity_months for p in self.programmes if p.validity_months is not None),
            default=None,
        )


def module_programmes(module_key) -> ModuleProgrammes:
    """The programmes that need the module for their certificate, from the shared cache."""
    return ModuleProgrammes(
        tuple(
            outline
            for outline in cached(("programme_outlines",), _outlines)
            if module_key in outline.module_keys
        )
    )


def _outlines() -> tuple[ProgrammeOutline, ...]:
    titles: dict = {}
    first_titles: dict = {}
    modules: dict = {}
    validities: dict = {}
    for key, language, title, months, module_key in ProgrammePage.objects.order_by(
        "pk"
    ).values_list(
        "translation_key",
        "locale__language_code",
        "title",
        "certificate_validity_months",
        "programme_modules__module__translation_key",
    ):
        titles.setdefault(key, {}).setdefault(language, title)
        first_titles.setdefault(key, title)
        modules.setdefault(key, set())
        if module_key is not None:
            modules[key].add(module_key)
        if months is not None:
            validities[key] = min(months, validities.get(key, months))
    return tuple(
        ProgrammeOutline(
            key=key,
            module_keys=frozenset(modules[key]),
            titles=titles[key],
            first_title=first_titles[key],
            validity_months=validities.get(key),
        )
        for key in sorted(titles)
    )
