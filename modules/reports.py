"""The "Translations" report: which language versions exist, are live, or lag their source."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import TranslationLog, TranslationSource

from admin_reports.views import AdminReportView

from .models import ModulePage, ProgrammePage

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


@dataclass
class TranslationRow:
    kind: str
    title: str
    source_language: str
    statuses: dict  # language code -> status
    edit_urls: dict  # language code -> admin edit URL

    @property
    def needs_work(self) -> bool:
        return any(status in (MISSING, DRAFT, OUTDATED) for status in self.statuses.values())


def translation_rows(kind_filter: str = "") -> list[TranslationRow]:
    """One row per module or programme; a handful of queries whatever the count."""
    pages_by_key: dict = {}
    kinds = [kind_filter] if kind_filter in KINDS else list(KINDS)
    for kind in kinds:
        model = KINDS[kind][0]
        for page in model.objects.select_related("locale").only(
            "id", "title", "translation_key", "locale", "live", "last_published_at", "path", "depth"
        ):
            pages_by_key.setdefault((kind, page.translation_key), {})[page.locale.language_code] = (
                page
            )
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
    rows = []
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
        source_page = versions[source_language]
        statuses, edit_urls = {}, {}
        for code, _name in settings.LANGUAGES:
            page = versions.get(code)
            if page is None:
                statuses[code] = MISSING
                continue
            edit_urls[code] = reverse("wagtailadmin_pages:edit", args=[page.pk])
            if code == source_language:
                statuses[code] = SOURCE
            elif not page.live:
                statuses[code] = DRAFT
            else:
                last_sync = synced.get((source.pk, code)) if source else None
                changed = source_page.last_published_at
                statuses[code] = OUTDATED if last_sync and changed and changed > last_sync else LIVE
        rows.append(
            TranslationRow(
                kind=kind,
                title=source_page.title,
                source_language=source_language,
                statuses=statuses,
                edit_urls=edit_urls,
            )
        )
    return sorted(rows, key=lambda row: (row.kind, row.title.lower()))


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
        for row in translation_rows(self.chosen.get("kind", "")):
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
                    (code, shown[code], STATUS_LABELS[shown[code]], row.edit_urls.get(code))
                    for code in codes
                ],
            }
            item.update({f"status_{code}": STATUS_LABELS[shown[code]] for code in codes})
            rows.append(item)
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["languages"] = self.languages
        return context


def can_view_translations_report(user) -> bool:
    return user.is_authenticated and PagePermissionPolicy().user_has_any_permission(
        user, {"add", "change", "publish"}
    )
