"""Admin forms for reference data with names in every language."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

TRANSLATED_LANGUAGES = [
    code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
]


def name_field_name(code: str) -> str:
    return f"name_{code}"


class _LocalizedNamesFormBase(WagtailAdminModelForm):
    """Shows `names` as one text field per partner language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names = self.instance.names or {}
        for code in TRANSLATED_LANGUAGES:
            field = self.fields.get(name_field_name(code))
            if field is not None:
                field.initial = names.get(code, "")

    def save(self, commit=True):
        names = dict(self.instance.names or {})
        for code in TRANSLATED_LANGUAGES:
            value = (self.cleaned_data.get(name_field_name(code)) or "").strip()
            if value:
                names[code] = value
            else:
                names.pop(code, None)
        self.instance.names = names
        return super().save(commit=commit)


LocalizedNamesForm = type(
    "LocalizedNamesForm",
    (_LocalizedNamesFormBase,),
    {
        name_field_name(code): forms.CharField(
            # Django ships these language names translated.
            label=format_lazy(_("Name in {language}"), language=_(LANG_INFO[code]["name"])),
            max_length=100,
            required=False,
        )
        for code in TRANSLATED_LANGUAGES
    },
)


def agency_field_name(code: str) -> str:
    return f"issuing_agency_{code}"


class _RegionFormBase(LocalizedNamesForm):
    """A region's names, and its issuing agency's name in each partner language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names = self.instance.issuing_agency_names or {}
        for code in TRANSLATED_LANGUAGES:
            field = self.fields.get(agency_field_name(code))
            if field is not None:
                field.initial = names.get(code, "")

    def save(self, commit=True):
        names = dict(self.instance.issuing_agency_names or {})
        for code in TRANSLATED_LANGUAGES:
            value = (self.cleaned_data.get(agency_field_name(code)) or "").strip()
            if value:
                names[code] = value
            else:
                names.pop(code, None)
        self.instance.issuing_agency_names = names
        return super().save(commit=commit)


RegionForm = type(
    "RegionForm",
    (_RegionFormBase,),
    {
        agency_field_name(code): forms.CharField(
            label=format_lazy(_("Agency in {language}"), language=_(LANG_INFO[code]["name"])),
            max_length=200,
            required=False,
        )
        for code in TRANSLATED_LANGUAGES
    },
)
