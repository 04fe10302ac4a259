"""The filter form shared by every statistics report.

Dates are read strictly: a date outside the years the statistics can cover
is set to the nearest one the form accepts and said so on the field, and a
date that cannot be read stops the report (a form error, no figures) rather
than being dropped, which would report a longer period than asked for.
Reports then widen the dates to whole weeks, or whole months in small
selections (`date_resolution`, `snap_dates`), so that two periods a day
apart cannot be subtracted to single out a learner.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, replace

from django import forms
from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from admin_reports.widgets import LocalDateInput
from caching.generation import key as cache_key
from caching.lookups import cached
from modules.models import ModulePage, ProgrammeModule, ProgrammePage, Sector

from ..forms import check_subregion, offer_subregions, subregion_field
from ..models import OrganisationSize
from ..widgets import PlainSelect
from .scope import region_ids_in_scope, visible_region_list, visible_regions


def titles_by_key(model, keys=None) -> dict:
    """Page titles by translation key (all pages, or those in `keys`), in the
    active language where a version exists."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]

    def build() -> dict:
        titles: dict = {}
        for key, title, code in model.objects.values_list(
            "translation_key", "title", "locale__language_code"
        ):
            if key not in titles or code == language:
                titles[key] = title
        return titles

    # Titles change when pages are published, which starts a new content generation.
    titles = cached(("statistics-titles", model._meta.label, language), build)
    if keys is None:
        return dict(titles)
    return {key: titles[key] for key in keys if key in titles}


def programme_modules() -> dict:
    """{programme key: the keys of its modules} for every programme, as published."""

    def build() -> dict:
        found: dict = {}
        for programme_key, module_key in ProgrammeModule.objects.values_list(
            "programme__translation_key", "module__translation_key"
        ).distinct():
            found.setdefault(programme_key, set()).add(module_key)
        return found

    return cached(("statistics-programme-modules",), build)


def sectors() -> list:
    """Every sector, in their order (saving a sector starts a new content generation)."""
    return cached(("statistics-sectors",), lambda: list(Sector.objects.all()))


def _choices(model) -> list[tuple[str, str]]:
    titles = titles_by_key(model)
    return sorted(((str(k), t) for k, t in titles.items()), key=lambda item: item[1].lower())


@dataclass(frozen=True)
class StatisticsFilters:
    regions: list
    region: object | None = None
    # One of the person's regions' sub-regions; never one of another region than `region`.
    subregion: object | None = None
    programme_key: str = ""
    programme_module_keys: tuple = ()
    module_key: str = ""
    sector: object | None = None
    language: str = ""
    organisation_size: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    period: str = "month"

    def as_query_dict(self) -> dict[str, str]:
        return {
            key: value
            for key, value in {
                "region": self.region.pk if self.region else "",
                "subregion": self.subregion.pk if self.subregion else "",
                "programme": self.programme_key,
                "module": self.module_key,
                "sector": self.sector.pk if self.sector else "",
                "language": self.language,
                "organisation_size": self.organisation_size,
                "date_from": self.date_from.isoformat() if self.date_from else "",
                "date_to": self.date_to.isoformat() if self.date_to else "",
            }.items()
            if value
        }


# The days the statistics can cover: well before the first record and after
# the last, and far from the ends of the calendar, where a day's end or a
# time zone no longer fits a date.
EARLIEST_DATE = datetime.date(2000, 1, 1)
LATEST_DATE = datetime.date(2099, 12, 31)
DATE_FIELDS = ("date_from", "date_to")

# A selection in which fewer than SMALL_SELECTION * k learners started a module
# (ignoring dates) has its dates widened to whole months, others to whole weeks.
SMALL_SELECTION = 20


def small_selection(k: int) -> int:
    """Learners who must have started for a selection's dates to be cut in weeks."""
    return SMALL_SELECTION * k


def date_resolution(learners: int, k: int) -> str:
    """ "month" for a selection of few learners, where a week may hold a single one; else "week"."""
    return "month" if learners < small_selection(k) else "week"


def snap_dates(filters: StatisticsFilters, resolution: str) -> StatisticsFilters:
    """The filters with the start moved back to the first day of its week (Monday)
    or month, and the end forward to the last day of its week or month, within
    the days covered."""
    start, end = filters.date_from, filters.date_to
    if resolution == "month":
        if start:
            start = start.replace(day=1)
        if end:
            end = end.replace(day=calendar.monthrange(end.year, end.month)[1])
    else:
        if start:
            start -= datetime.timedelta(days=start.weekday())
        if end:
            end += datetime.timedelta(days=6 - end.weekday())
    return replace(
        filters,
        date_from=max(start, EARLIEST_DATE) if start else None,
        date_to=min(end, LATEST_DATE) if end else None,
    )


class StatisticsFilterForm(forms.Form):
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=None,
        required=False,
        empty_label=_("All my regions"),
        widget=PlainSelect,
    )
    subregion = subregion_field(_("All sub-regions"))
    programme = forms.ChoiceField(label=_("Programme"), required=False, widget=PlainSelect)
    module = forms.ChoiceField(label=_("Module"), required=False, widget=PlainSelect)
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        required=False,
        empty_label=_("All sectors"),
        widget=PlainSelect,
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages"))] + list(settings.LANGUAGES),
        widget=PlainSelect,
    )
    organisation_size = forms.ChoiceField(
        label=_("Organisation size"),
        required=False,
        choices=[("", _("All sizes"))] + list(OrganisationSize.choices),
        widget=PlainSelect,
    )
    # Typed and shown as the admin user's language writes dates; ISO (links) is read too.
    date_from = forms.DateField(label=_("From"), required=False, widget=LocalDateInput())
    date_to = forms.DateField(label=_("To"), required=False, widget=LocalDateInput())

    def __init__(self, data=None, *, user, **kwargs):
        super().__init__(data, **kwargs)
        self.user = user
        # Dates outside the covered years, and the covered day used instead.
        self.clamped_dates: dict[str, datetime.date] = {}
        self.regions = visible_region_list(user)
        self.fields["region"].queryset = visible_regions(user)
        # Choices from the lists already read: a model choice field would read
        # its table again, through a server-side cursor, for every page.
        self.fields["region"].choices = [("", self.fields["region"].empty_label)] + [
            (region.pk, str(region)) for region in self.regions
        ]
        # Only the sub-regions of the person's regions: another is an invalid choice.
        offer_subregions(self.fields["subregion"], self.regions)
        self.fields["sector"].choices = [("", self.fields["sector"].empty_label)] + [
            (sector.pk, str(sector)) for sector in sectors()
        ]
        self.fields["programme"].choices = [("", _("All programmes"))] + _choices(ProgrammePage)
        self.fields["module"].choices = [("", _("All modules"))] + _choices(ModulePage)

    def fields_cache_key(self) -> str:
        """What the unbound fields show depends on: the form, the person's regions
        (their sub-regions come with them), the language and the published content
        (titles, sectors). `admin_reports` renders them once per key."""
        scope = region_ids_in_scope(self.user)
        return cache_key(
            "statistics-filter-fields",
            type(self).__qualname__,
            "all" if scope is None else ",".join(map(str, sorted(scope))),
            get_language(),
        )

    def clean(self):
        cleaned = super().clean()
        # A sub-region of another region than the one chosen is dropped, with a message.
        check_subregion(self)
        # Dates outside the years covered are set to the nearest covered day;
        # no record lies beyond it, so the figures are those asked for.
        self.clamped_dates = {}
        for field in DATE_FIELDS:
            day = cleaned.get(field)
            if day is None or EARLIEST_DATE <= day <= LATEST_DATE:
                continue
            nearest = min(max(day, EARLIEST_DATE), LATEST_DATE)
            self.add_error(
                field,
                _(
                    "The statistics cover %(earliest)s to %(latest)s: "
                    "the report uses %(date)s instead."
                )
                % {
                    "earliest": date_format(EARLIEST_DATE),
                    "latest": date_format(LATEST_DATE),
                    "date": date_format(nearest),
                },
            )
            self.clamped_dates[field] = nearest
        start = self.clamped_dates.get("date_from", cleaned.get("date_from"))
        end = self.clamped_dates.get("date_to", cleaned.get("date_to"))
        if start and end and start > end:
            self.clamped_dates.pop("date_to", None)
            self.add_error("date_to", _("The end date must be on or after the start date."))
        return cleaned

    def blocks_figures(self) -> bool:
        """Whether a date could not be used: the report then shows no figures."""
        if not self.is_bound or self.is_valid():
            return False
        return any(f in self.errors and f not in self.clamped_dates for f in DATE_FIELDS)

    def filters(self) -> StatisticsFilters:
        """The valid filters. A choice that is not valid (a region or sub-region
        outside the person's scope, a sub-region of another region than the one
        chosen) is dropped, leaving their own scope; dates out of range are
        clamped (see `clean`)."""
        data: dict = {}
        if self.is_bound:
            self.is_valid()
            data = {**self.cleaned_data, **self.clamped_dates}
        programme_key = data.get("programme") or ""
        module_keys: tuple = ()
        if programme_key:
            module_keys = tuple(
                module_key
                for key, keys in programme_modules().items()
                if str(key) == str(programme_key)
                for module_key in sorted(keys, key=str)
            )
        return StatisticsFilters(
            regions=self.regions,
            region=data.get("region"),
            subregion=data.get("subregion"),
            programme_key=programme_key,
            programme_module_keys=module_keys,
            module_key=data.get("module") or "",
            sector=data.get("sector"),
            language=data.get("language") or "",
            organisation_size=data.get("organisation_size") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )
