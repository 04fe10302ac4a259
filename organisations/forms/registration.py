"""Forms of registration: the public registration page and the admin's review, invitation, enrolment."""

from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from learning.forms import (
    SUBREGION_HELP,
    SignUpForm,
    SubRegionSelect,
    check_subregion,
    offer_subregions,
    subregion_field,
)
from learning.models import Organisation, OrganisationSize
from learning.statistics.scope import visible_regions
from modules.models import ProgrammePage, Region, Sector

from ..registration import Registration, normalise_registry_code, registry_code_holder

# How far ahead a due date may be set: far enough for any programme, near
# enough that reminders counted back from it stay ordinary dates.
DUE_DATE_YEARS_AHEAD = 10


def registry_code_error(holder: Organisation) -> str:
    if holder.is_verified:
        return _(
            "An organisation with this registry code is already registered in this region. "
            "Ask its administrator to invite you."
        )
    return _(
        "An organisation with this registry code has already been registered in this region "
        "and is waiting for approval."
    )


class OrganisationRegistrationForm(forms.Form):
    """What an SME says about itself when it registers."""

    name = forms.CharField(
        label=_("Name of the organisation"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    registry_code = forms.CharField(
        label=_("Business registry code"),
        max_length=40,
        required=False,
        help_text=_("The code in the national business register, if the organisation has one."),
    )
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.all(), empty_label=_("Choose a region")
    )
    subregion = subregion_field(_("Choose a sub-region"), help_text=SUBREGION_HELP)
    sector = forms.ModelChoiceField(
        label=_("Sector"), queryset=Sector.objects.all(), empty_label=_("Choose a sector")
    )
    size = forms.ChoiceField(
        label=_("Size"),
        choices=[("", _("Choose a size"))] + list(OrganisationSize.choices),
        help_text=_("The number of employees."),
    )
    contact_name = forms.CharField(
        label=_("Contact person"),
        max_length=150,
        help_text=_("The person the programme's managers write to about the registration."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_email = forms.EmailField(
        label=_("Contact e-mail address"),
        # The account's e-mail address is its user name, which holds 150 characters.
        max_length=150,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=settings.LANGUAGES,
        help_text=_("The language of the e-mails about the organisation."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_subregions(self.fields["subregion"])

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())

    def clean_registry_code(self) -> str:
        return normalise_registry_code(self.cleaned_data["registry_code"])

    def clean_contact_name(self) -> str:
        return " ".join(self.cleaned_data["contact_name"].split())

    def clean_contact_email(self) -> str:
        return self.cleaned_data["contact_email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        check_subregion(self)
        code, region = cleaned.get("registry_code"), cleaned.get("region")
        if code and region is not None:
            holder = registry_code_holder(code, region)
            if holder is not None:
                self.add_error("registry_code", registry_code_error(holder))
        return cleaned

    def registration(self) -> Registration:
        data = self.cleaned_data
        return Registration(
            name=data["name"],
            registry_code=data["registry_code"],
            region=data["region"],
            subregion=data.get("subregion"),
            sector=data["sector"],
            size=data["size"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            language=data["language"],
        )


# The sign-up form's fields that come from the registration, and where their errors show.
ACCOUNT_FIELDS_FROM_REGISTRATION = {
    "email": "contact_email",
    "full_name": "contact_name",
    "region": "region",
    "subregion": "subregion",
    "sector": "sector",
    "organisation_size": "size",
    "preferred_language": "language",
}


class RegistrationWithAccountForm(OrganisationRegistrationForm):
    """Registration by a visitor: the contact person's learner account is created with it.

    The account is the sign-up form's, filled in from the registration (the
    contact person's name and address, the organisation's region, sector and
    size), so both pages create the same account under the same rules.
    """

    password = SignUpForm.base_fields["password"]
    statistics_consent = SignUpForm.base_fields["statistics_consent"]

    field_order = [
        "name",
        "registry_code",
        "region",
        "subregion",
        "sector",
        "size",
        "contact_name",
        "contact_email",
        "password",
        "language",
        "statistics_consent",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact_name"].label = _("Your name")
        self.fields["contact_name"].help_text = _(
            "You are the contact person and the organisation's first administrator. "
            "Your name appears on your certificates."
        )
        self.fields["contact_email"].label = _("Your e-mail address")
        self.fields["contact_email"].help_text = _("You sign in with it.")
        self.account_form: SignUpForm | None = None

    def clean(self):
        cleaned = super().clean()
        data = {
            account_field: cleaned.get(field)
            for account_field, field in ACCOUNT_FIELDS_FROM_REGISTRATION.items()
        }
        data["region"] = getattr(data["region"], "pk", "")
        data["subregion"] = getattr(data["subregion"], "pk", "")
        data["sector"] = getattr(data["sector"], "pk", "")
        data["password"] = cleaned.get("password") or ""
        if cleaned.get("statistics_consent"):
            data["statistics_consent"] = "on"
        account_form = SignUpForm(data={k: v for k, v in data.items() if v not in (None, "")})
        if account_form.is_valid():
            self.account_form = account_form
            return cleaned
        for account_field, errors in account_form.errors.items():
            field = ACCOUNT_FIELDS_FROM_REGISTRATION.get(account_field, account_field)
            # A field the registration already found wrong (or missing) says so once.
            if field in self.fields and field in self.errors:
                continue
            for error in errors:
                self.add_error(field if field in self.fields else None, error)
        return cleaned


class OrganisationAdminForm(WagtailAdminModelForm):
    """A manager creates or edits an organisation of their own regions."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions = None
        if self.for_user is not None and "region" in self.fields:
            # Moving an organisation to another manager's region is that manager's call.
            regions = visible_regions(self.for_user)
            self.fields["region"].queryset = regions
        field = self.fields.get("subregion")
        if field is not None:
            field.widget = SubRegionSelect()
            field.help_text = SUBREGION_HELP
            field.empty_label = _("Choose a sub-region")
            offer_subregions(field, regions)

    def clean_registry_code(self) -> str:
        return normalise_registry_code(self.cleaned_data.get("registry_code") or "")

    def clean_contact_email(self) -> str:
        return (self.cleaned_data.get("contact_email") or "").strip().lower()

    def clean(self):
        cleaned = super().clean()
        if "subregion" in self.fields:
            check_subregion(self)
        code, region = cleaned.get("registry_code"), cleaned.get("region")
        if code and region is not None:
            holder = registry_code_holder(code, region, exclude_pk=self.instance.pk)
            if holder is not None:
                self.add_error(
                    "registry_code",
                    _("%(name)s in this region already has this registry code (%(status)s).")
                    % {"name": holder.name, "status": holder.get_status_display()},
                )
        return cleaned


class ReviewForm(forms.Form):
    """A manager's decision on a registration; a rejection must say why."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the organisation"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Sent to the contact person in the organisation's language. Required to reject."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not cleaned.get("note", "").strip():
            self.add_error("note", _("Say why the registration is rejected."))
        return cleaned


class InviteAdministratorForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=settings.LANGUAGES)

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        already = self.organisation.learners.filter(
            user__email__iexact=email, organisation_role="administrator"
        ).exists()
        if already:
            raise forms.ValidationError(_("This person administers the organisation already."))
        return email


def programme_choices(language: str | None = None) -> list[tuple[str, str]]:
    """One choice per programme (all its translations), titled in `language` where it exists."""
    pages = ProgrammePage.objects.live().select_related("locale").order_by("title", "pk")
    titles: dict = {}
    for page in pages:
        key = str(page.translation_key)
        if key not in titles or page.locale.language_code == language:
            titles[key] = page.title
    return sorted(titles.items(), key=lambda item: item[1].casefold())


class EnrolmentForm(forms.Form):
    """Enrol an organisation in a programme, optionally by a due date."""

    programme = forms.ChoiceField(label=_("Programme"))
    due_date = forms.DateField(
        label=_("Due date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Optional. The team is reminded before it."),
    )

    def __init__(self, *args, language: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = [("", _("Choose a programme"))] + programme_choices(
            language
        )

    def clean_due_date(self) -> date | None:
        due = self.cleaned_data["due_date"]
        if due is None:
            return None
        today = timezone.localdate()
        if due < today:
            raise forms.ValidationError(_("The due date cannot be in the past."))
        try:
            latest = today.replace(year=today.year + DUE_DATE_YEARS_AHEAD)
        except ValueError:  # 29 February
            latest = today + timedelta(days=365 * DUE_DATE_YEARS_AHEAD)
        if due > latest:
            raise forms.ValidationError(_("Choose a due date at most ten years ahead."))
        return due
