"""Forms for inviting people, joining with a code and signing up by invitation."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from learning.forms import SignUpForm
from learning.models import MembershipRole, Organisation

from ..inviting import InvitationError, combine, parse_addresses, parse_csv


class InviteForm(forms.Form):
    """Addresses typed or pasted, a CSV file, or both; the role and the e-mail's language."""

    addresses = forms.CharField(
        label=_("E-mail addresses"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "autocomplete": "off", "spellcheck": "false"}),
        help_text=_(
            "One address, or several separated by new lines, commas or semicolons. You can paste a list from your e-mail program."
        ),
    )
    csv_file = forms.FileField(
        label=_("Or upload a CSV file"),
        required=False,
        help_text=_(
            "A spreadsheet saved as “CSV UTF-8”, with a column headed “email”. Other columns are ignored."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=MembershipRole.choices,
        initial=MembershipRole.MEMBER,
        help_text=_(
            "Administrators invite people and see the team's progress. Choose “Member” for most people."
        ),
    )
    language = forms.ChoiceField(
        label=_("Language of the invitation e-mail"), choices=settings.LANGUAGES
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = organisation.language
        self.rows = []

    def clean(self):
        cleaned = super().clean()
        typed, uploaded = [], []
        if cleaned.get("addresses", "").strip():
            try:
                typed = parse_addresses(cleaned["addresses"])
            except InvitationError as error:
                self.add_error("addresses", error.message)
        if cleaned.get("csv_file"):
            try:
                uploaded = parse_csv(cleaned["csv_file"])
            except InvitationError as error:
                self.add_error("csv_file", error.message)
        if self.errors:
            return cleaned
        if not typed and not uploaded:
            raise forms.ValidationError(
                _("Type at least one e-mail address, or upload a CSV file.")
            )
        try:
            self.rows = combine(typed, uploaded)
        except InvitationError as error:
            raise forms.ValidationError(error.message) from None
        return cleaned


class JoinCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Join code"),
        max_length=40,
        help_text=_("Ten letters and digits, as your organisation gave it, e.g. ABCDE-23456."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class JoiningSignUpForm(SignUpForm):
    """Sign-up for someone joining an organisation: region, sub-region, sector and size come from it.

    With an invitation the address is the one invited (the link proves it);
    with a join code the learner types their own.
    """

    def __init__(self, *args, organisation: Organisation, email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        for name in ("region", "subregion", "sector", "organisation_size"):
            del self.fields[name]
        if email:
            self.fields["email"].initial = email
            self.fields["email"].disabled = True
            self.fields["email"].help_text = _("The address your invitation was sent to.")

    def save_profile(self, user, profile=None):
        self.cleaned_data.update(
            region=self.organisation.region,
            subregion=self.organisation.subregion,
            sector=self.organisation.sector,
            organisation_size=self.organisation.size,
        )
        return super().save_profile(user, profile)
