"""The "Translations" report: which language versions exist, are live, or lag their source."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db.models import Max
from django.urls import reverse, reverse_lazy
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry
from wagtail_localize.models import Translation, TranslationLog, TranslationSource

from admin_reports.views import AdminReportView

from .forms import TRANSLATED_LANGUAGES
from .localize_permissions import (
    Reason,
    access,
    editable_locales,
    may_submit_translations,
    page_refusal,
)
from .models import ModulePage, ProgrammePage, Region, Sector, SubRegion, Topic

MISSING = "missing"
DRAFT = "draft"
LIVE = "live"
OUTDATED = "outdated"
SOURCE = "source"

STATUS_LABELS = {
    MISSING: _("Missing"),
    DRAFT: _("Draft"),
    LIVE: _("Up to date"),
    OUTDATED: _("Out of date"),
    SOURCE: _("Source"),
}
KINDS = {"module": (ModulePage, _("Module")), "programme": (ProgrammePage, _("Programme"))}


# The next step a cell offers.
TRANSLATE = "translate"
# The page's parent has no version in that language yet: it is translated first.
TRANSLATE_PARENT = "translate_parent"
SYNC = "sync"
EDIT = "edit"


@dataclass(frozen=True)
class NextStep:
    action: str  # TRANSLATE, TRANSLATE_PARENT, SYNC or EDIT
    url: str
    # For TRANSLATE_PARENT: the title of the page to translate first.
    first: str = ""


@dataclass
class TranslationRow:
    kind: str
    title: str
    source_language: str
    statuses: dict  # language code -> status
    next_steps: dict  # language code -> NextStep, where the user may take one

    @property
    def needs_work(self) -> bool:
        return any(status in (MISSING, DRAFT, OUTDATED) for status in self.statuses.values())


class _Steps:
    """Decides each cell's next step by `modules.localize_permissions`, from pages
    loaded once for the whole table, so the queries do not grow with the rows."""

    def __init__(self, user, sources: dict, source_pages: list[Page]) -> None:
        self.user = user
        self.source_pages = source_pages
        self.may_submit = may_submit_translations(user)
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.editable_codes = (
            {locale.language_code for locale in editable_locales(user)}
            if self.may_submit
            else set()
        )
        self.enabled = set(
            Translation.objects.filter(source__in=sources.values(), enabled=True).values_list(
                "source_id", "target_locale__language_code"
            )
        )
        # Each source page's parent, and that parent's translations.
        parent_paths = {page.path[: -Page.steplen] for page in source_pages if page.depth > 1}
        parent_keys = Page.objects.filter(path__in=parent_paths).values("translation_key")
        self.parents: dict = {}
        self.parent_translations: dict = {}
        for parent in Page.objects.filter(translation_key__in=parent_keys).select_related("locale"):
            if parent.path in parent_paths:
                self.parents[parent.path] = parent
            key = (parent.translation_key, parent.locale.language_code)
            self.parent_translations[key] = parent
        self.refusals: dict = {}

    def parent_translation(self, page: Page, code: str) -> Page | None:
        parent = self.parents.get(page.path[: -Page.steplen])
        if parent is None or parent.is_root():
            return parent  # the root is every language's
        return self.parent_translations.get((parent.translation_key, code))

    def may_translate(self, page: Page, code: str, alias: Page | None) -> bool:
        locale = self.locales.get(code)
        if not self.may_submit or locale is None:
            return False
        if alias is not None:
            return page_refusal(self.user, locale, alias=alias, parent_translation=None) is None
        parent = self.parent_translation(page, code)
        # Many pages share a parent: its "add" check, which may query, runs once.
        key = (parent.pk if parent else None, code)
        if key not in self.refusals:
            self.refusals[key] = page_refusal(
                self.user, locale, alias=None, parent_translation=parent
            )
        return self.refusals[key] is None

    @cached_property
    def ancestry(self) -> tuple[dict, set]:
        """The source pages' ancestors by path, and which (translation key,
        language) versions of them exist. Two queries for the whole table."""
        prefixes = {
            page.path[:end]
            for page in self.source_pages
            for end in range(Page.steplen, len(page.path), Page.steplen)
        }
        ancestors = {page.path: page for page in Page.objects.filter(path__in=prefixes)}
        versions = set(
            Page.objects.filter(
                translation_key__in={page.translation_key for page in ancestors.values()}
            ).values_list("translation_key", "locale__language_code")
        )
        return ancestors, versions

    def translate_parent_first(self, page: Page, code: str, alias: Page | None) -> NextStep | None:
        """A page whose parent has no version in the language yet comes after the
        highest such ancestor: offered to those who may add pages in that language."""
        refusal = self.refusals.get((None, code))
        if (
            alias is not None
            or code not in self.editable_codes
            or refusal is None
            or refusal.reason is not Reason.PARENT_NOT_TRANSLATED
        ):
            return None
        ancestors, versions = self.ancestry
        path = page.path[: -Page.steplen]
        while (ancestor := ancestors.get(path)) is not None and ancestor.depth > 1:
            above = ancestors.get(path[: -Page.steplen])
            if above is None:
                return None
            if above.depth == 1 or (above.translation_key, code) in versions:
                url = reverse("wagtail_localize:submit_page_translation", args=[ancestor.pk])
                return NextStep(
                    TRANSLATE_PARENT,
                    f"{url}?{urlencode({'select_locale': code})}",
                    first=ancestor.title,
                )
            path = above.path
        return None

    def next_step(
        self,
        status: str,
        code: str,
        *,
        page: Page | None,
        alias: Page | None,
        source_page: Page,
        source: TranslationSource | None,
    ) -> NextStep | None:
        if status == MISSING:
            if self.may_translate(source_page, code, alias):
                url = reverse("wagtail_localize:submit_page_translation", args=[source_page.pk])
                return NextStep(TRANSLATE, f"{url}?{urlencode({'select_locale': code})}")
            return self.translate_parent_first(source_page, code, alias)
        if not access(self.user, page).can_edit:
            return None
        if (
            status == OUTDATED
            and self.may_submit
            and source is not None
            and (source.pk, code) in self.enabled
        ):
            url = reverse("wagtail_localize:update_translations", args=[source.pk])
            return NextStep(SYNC, f"{url}?{urlencode({'next': TRANSLATIONS_REPORT_PATH})}")
        # A translation's edit view is wagtail-localize's translation editor.
        return NextStep(EDIT, reverse("wagtailadmin_pages:edit", args=[page.pk]))


TRANSLATIONS_REPORT_PATH = reverse_lazy("modules_translations_report")

PAGE_FIELDS = (
    "id",
    "title",
    "translation_key",
    "locale",
    "live",
    "last_published_at",
    "path",
    "depth",
    "alias_of",
    "owner",
    "content_type",
)


def translation_rows(user, kind_filter: str = "") -> list[TranslationRow]:
    """One row per module or programme, with the next steps `user` may take;
    a handful of queries whatever the count."""
    pages_by_key: dict = {}
    aliases: dict = {}
    kinds = [kind_filter] if kind_filter in KINDS else list(KINDS)
    for kind in kinds:
        model = KINDS[kind][0]
        pages = (
            model.objects.select_related("locale")
            .only(*PAGE_FIELDS)
            # Wagtail's edit check looks at a page's workflow when the
            # permissions alone do not allow editing.
            .prefetch_workflow_states()
        )
        for page in pages:
            # An alias shows its source's content: the language still lacks a translation.
            found = aliases if page.alias_of_id else pages_by_key
            found.setdefault((kind, page.translation_key), {})[page.locale.language_code] = page
    keys = {key for _kind, key in pages_by_key}
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys).select_related("locale")
    }
    synced = {
        (row["source_id"], row["locale__language_code"]): row["last"]
        for row in TranslationLog.objects.filter(source__in=sources.values())
        .values("source_id", "locale__language_code")
        .annotate(last=Max("created_at"))
    }
    source_pages = {}
    for (kind, key), versions in pages_by_key.items():
        source = sources.get(key)
        source_language = (
            source.locale.language_code
            if source and source.locale.language_code in versions
            else (
                settings.LANGUAGE_CODE
                if settings.LANGUAGE_CODE in versions
                else next(iter(versions))
            )
        )
        source_pages[kind, key] = (source_language, versions[source_language])
    steps = _Steps(user, sources, [page for _code, page in source_pages.values()])
    rows = []
    for (kind, key), versions in pages_by_key.items():
        source = sources.get(key)
        source_language, source_page = source_pages[kind, key]
        statuses, next_steps = {}, {}
        for code, _name in settings.LANGUAGES:
            page = versions.get(code)
            if page is None:
                status = MISSING
            elif code == source_language:
                status = SOURCE
            elif not page.live:
                status = DRAFT
            else:
                last_sync = synced.get((source.pk, code)) if source else None
                changed = source_page.last_published_at
                status = OUTDATED if last_sync and changed and changed > last_sync else LIVE
            statuses[code] = status
            step = steps.next_step(
                status,
                code,
                page=page,
                alias=aliases.get((kind, key), {}).get(code),
                source_page=source_page,
                source=source,
            )
            if step is not None:
                next_steps[code] = step
        rows.append(
            TranslationRow(
                kind=kind,
                title=source_page.title,
                source_language=source_language,
                statuses=statuses,
                next_steps=next_steps,
            )
        )
    return sorted(rows, key=lambda row: (row.kind, row.title.lower()))


# --- the names of regions, sub-regions, sectors and topics --------------------------------


@dataclass
class MissingNames:
    """A region, sub-region, sector or topic without its name in some languages."""

    kind_label: str
    name: str
    languages: list[tuple[str, str]]  # (code, name) of the languages it lacks
    edit_url: str


def missing_taxonomy_names(user, codes: list[str]) -> list[MissingNames]:
    """The regions, sub-regions, sectors and topics `user` may edit that lack a name in one
    of `codes`. Each has one row for all languages, and a name per language
    besides English (`name`).
    """
    wanted = [(code, name) for code, name in settings.LANGUAGES if code in codes]
    wanted = [(code, name) for code, name in wanted if code in TRANSLATED_LANGUAGES]
    found = []
    if not wanted:
        return found
    for model in (Region, SubRegion, Sector, Topic):
        policy = policy_registry.get_by_type(model)
        if not policy.user_has_permission(user, "change"):
            continue
        edit_url_name = model.snippet_viewset.get_url_name("edit")
        for instance in model.objects.only("pk", "name", "names"):
            lacking = [(code, name) for code, name in wanted if not instance.names.get(code)]
            if lacking:
                found.append(
                    MissingNames(
                        kind_label=capfirst(model._meta.verbose_name),
                        name=instance.name,
                        languages=lacking,
                        edit_url=reverse(edit_url_name, args=[instance.pk]),
                    )
                )
    return found


@dataclass(frozen=True)
class Cell:
    """One language of one row, as the report and the dashboard panel show it."""

    code: str
    language: str
    status: str
    step: NextStep | None

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


class TranslationsFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Modules and programmes"))]
        + [(k, label) for k, (_m, label) in KINDS.items()],
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages"))] + list(settings.LANGUAGES),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Any status")),
            ("needs_work", _("Needs work (missing, draft or out of date)")),
            (MISSING, STATUS_LABELS[MISSING]),
            (DRAFT, STATUS_LABELS[DRAFT]),
            (OUTDATED, STATUS_LABELS[OUTDATED]),
        ],
    )


class TranslationsReportView(AdminReportView):
    template_name = "modules/reports/translations.html"
    page_title = _("Translations")
    header_icon = "globe"
    export_filename = "translations"
    filter_form_class = TranslationsFilterForm

    def user_may_view(self, user) -> bool:
        return can_view_translations_report(user)

    @cached_property
    def chosen(self) -> dict:
        """The filters' valid values (an invalid choice filters nothing)."""
        form = self.filter_form
        if not form.is_bound:
            return {}
        form.is_valid()
        return form.cleaned_data

    @cached_property
    def languages(self) -> list[tuple[str, str]]:
        wanted = self.chosen.get("language")
        return [(c, n) for c, n in settings.LANGUAGES if not wanted or c == wanted]

    @property
    def list_export(self):
        return ["title", "kind_label", "source_language"] + [
            f"status_{c}" for c, _n in self.languages
        ]

    @property
    def export_headings(self):
        headings = {
            "title": _("Title"),
            "kind_label": _("Type"),
            "source_language": _("Source language"),
        }
        headings.update({f"status_{code}": name for code, name in self.languages})
        return headings

    def get_rows(self) -> list[dict]:
        status = self.chosen.get("status", "")
        codes = [c for c, _n in self.languages]
        rows = []
        for row in translation_rows(self.request.user, self.chosen.get("kind", "")):
            shown = {code: row.statuses[code] for code in codes}
            if status == "needs_work" and not any(
                s in (MISSING, DRAFT, OUTDATED) for s in shown.values()
            ):
                continue
            if status in (MISSING, DRAFT, OUTDATED) and status not in shown.values():
                continue
            item = {
                "title": row.title,
                "kind_label": KINDS[row.kind][1],
                "source_language": dict(settings.LANGUAGES)[row.source_language],
                "cells": [
                    Cell(code, name, shown[code], row.next_steps.get(code))
                    for code, name in self.languages
                ],
            }
            item.update({f"status_{code}": STATUS_LABELS[shown[code]] for code in codes})
            rows.append(item)
        return rows

    def missing_names(self) -> list[MissingNames]:
        """Regions, sectors and topics lacking a name, unless the filters ask for pages only."""
        if self.chosen.get("kind") or self.chosen.get("status") in (DRAFT, OUTDATED):
            return []
        return missing_taxonomy_names(self.request.user, [code for code, _n in self.languages])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["languages"] = self.languages
        context["missing_names"] = self.missing_names()
        return context


def can_view_translations_report(user) -> bool:
    return user.is_authenticated and PagePermissionPolicy().user_has_any_permission(
        user, {"add", "change", "publish"}
    )
