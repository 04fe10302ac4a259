"""The dashboard panel "Translations that need you": the Translations report,
cut down to the languages an editor works in and to what is left to do there."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from wagtail.admin.ui.components import Component

from .localize_permissions import editable_locales
from .reports import (
    DRAFT,
    MISSING,
    OUTDATED,
    Cell,
    MissingNames,
    missing_taxonomy_names,
    translation_rows,
)

# Each list shows this many items; the report, linked beside it, has them all.
SHORT_LIST = 5


@dataclass
class WorkList:
    status: str
    items: list[tuple[str, Cell]] = field(default_factory=list)  # (title, cell)

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def shown(self) -> list[tuple[str, Cell]]:
        return self.items[:SHORT_LIST]

    @property
    def more(self) -> int:
        return max(0, self.count - SHORT_LIST)


@dataclass
class LanguageWork:
    """What is left to translate into one language."""

    code: str
    name: str
    lists: list[WorkList]
    names: list[MissingNames]
    report_url: str

    @property
    def is_empty(self) -> bool:
        return not self.names and not any(work.count for work in self.lists)


def work_by_language(user, codes: list[str]) -> list[LanguageWork]:
    """Missing, out-of-date and draft translations into each of `codes`, with the
    next step `user` may take, and the regions, sectors and topics lacking a name there."""
    rows = translation_rows(user)
    names = missing_taxonomy_names(user, codes)
    report = reverse("modules_translations_report")
    found = []
    for code, name in settings.LANGUAGES:
        if code not in codes:
            continue
        lists = {status: WorkList(status) for status in (MISSING, OUTDATED, DRAFT)}
        for row in rows:
            status = row.statuses[code]
            if status in lists:
                cell = Cell(code, name, status, row.next_steps.get(code))
                lists[status].items.append((row.title, cell))
        found.append(
            LanguageWork(
                code=code,
                name=name,
                lists=list(lists.values()),
                names=[item for item in names if code in dict(item.languages)],
                report_url=f"{report}?{urlencode({'language': code, 'status': 'needs_work'})}",
            )
        )
    return found


class TranslationsPanel(Component):
    name = "translations_that_need_you"
    template_name = "modules/home/translations_panel.html"
    order = 150  # above Wagtail's own lists of pages to review or edit

    class Media:
        css = {"all": ["modules/translations.css"]}

    def __init__(self, user, codes: list[str]) -> None:
        self.user = user
        self.codes = codes

    def get_context_data(self, parent_context=None) -> dict:
        languages = work_by_language(self.user, self.codes)
        return {"languages": [language for language in languages if not language.is_empty]}


def translations_panel(user) -> TranslationsPanel | None:
    """The panel for someone who may edit pages in some language, else None."""
    known = {code for code, _name in settings.LANGUAGES}
    codes = [locale.language_code for locale in editable_locales(user)]
    codes = [code for code in codes if code in known]
    return TranslationsPanel(user, codes) if codes else None
