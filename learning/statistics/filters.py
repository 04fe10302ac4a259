"""The filter form shared by every statistics report."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modules.models import ModulePage, ProgrammeModule, ProgrammePage, Sector

from ..models import OrganisationSize
from .scope import visible_regions


def titles_by_key(model, keys=None) -> dict:
    """Page titles by translation key (all pages, or those in `keys`), in the
    active language where a version exists."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    pages = model.objects.all() if keys is None else model.objects.filter(translation_key__in=keys)
    titles: dict = {}
    for key, title, code in pages.values_list("translation_key", "title", "locale__language_code"):
        if key not in titles or code == language:
            titles[key] = title
    return titles


def _choices(model) -> list[tuple[str, str]]:
    titles = titles_by_key(model)
    return sorted(((str(k), t) for k, t in titles.items()), key=lambda item: item[1].lower())


@dataclass(frozen=True)
class StatisticsFilters:
    regions: list
    region: object | None = None
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


class StatisticsFilterForm(forms.Form):
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=None, required=False, empty_label=_("All my regions")
    )
    programme = forms.ChoiceField(label=_("Programme"), required=False)
    module = forms.ChoiceField(label=_("Module"), required=False)
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        required=False,
        empty_label=_("All sectors"),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages"))] + list(settings.LANGUAGES),
    )
    organisation_size = forms.ChoiceField(
        label=_("Organisation size"),
        required=False,
        choices=[("", _("All sizes"))] + list(OrganisationSize.choices),
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, data=None, *, user, **kwargs):
        super().__init__(data, **kwargs)
        self.user = user
        self.regions = list(visible_regions(user))
        self.fields["region"].queryset = visible_regions(user)
        # Choices from the lists already read: a model choice field would read
        # its table again, through a server-side cursor, for every page.
        self.fields["region"].choices = [("", self.fields["region"].empty_label)] + [
            (region.pk, str(region)) for region in self.regions
        ]
        self.fields["sector"].choices = [("", self.fields["sector"].empty_label)] + [
            (sector.pk, str(sector)) for sector in Sector.objects.all()
        ]
        self.fields["programme"].choices = [("", _("All programmes"))] + _choices(ProgrammePage)
        self.fields["module"].choices = [("", _("All modules"))] + _choices(ModulePage)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date must be on or after the start date."))
        return cleaned

    def filters(self) -> StatisticsFilters:
        """The valid filters; an invalid value is dropped rather than widening the scope."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        programme_key = data.get("programme") or ""
        module_keys: tuple = ()
        if programme_key:
            module_keys = tuple(
                ProgrammeModule.objects.filter(programme__translation_key=programme_key)
                .values_list("module__translation_key", flat=True)
                .distinct()
            )
        return StatisticsFilters(
            regions=self.regions,
            region=data.get("region"),
            programme_key=programme_key,
            programme_module_keys=module_keys,
            module_key=data.get("module") or "",
            sector=data.get("sector"),
            language=data.get("language") or "",
            organisation_size=data.get("organisation_size") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )
