"""Learner account forms: sign-up, sign-in, profile."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.db import transaction
from django.template import loader
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from caching.lookups import cached
from modules.models import Region, Sector, SubRegion
from modules.models.taxonomy import name_order

from .models import LearnerProfile, OrganisationSize
from .tasks import send_email
from .widgets import PlainSelect


class SubRegionSelect(PlainSelect):
    """The sub-regions grouped by region (one <optgroup> each). With its script
    (`static/js/subregion-select.js`), only the sub-regions of the region chosen
    in the same form's field `region_field` are offered; without it, all are,
    and the form refuses one of another region."""

    class Media:
        js = ["js/subregion-select.js"]

    def __init__(self, attrs=None, region_field: str = "region"):
        super().__init__({"data-subregion-select": region_field, **(attrs or {})})
        # Option value -> the pk of its region, for the script.
        self.region_of: dict[str, str] = {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        region = self.region_of.get(str(value))
        if region is not None:
            option["attrs"]["data-region"] = region
        return option


SUBREGION_HELP = _("Optional. Only the sub-regions of the region chosen above can be chosen.")


def subregion_field(empty_label, **kwargs) -> forms.ModelChoiceField:
    """An optional sub-region; `offer_subregions` gives it its choices when the form is made."""
    return forms.ModelChoiceField(
        label=_("Sub-region"),
        queryset=SubRegion.objects.all(),
        required=False,
        empty_label=empty_label,
        widget=SubRegionSelect(),
        **kwargs,
    )


def offer_subregions(field: forms.ModelChoiceField, regions=None) -> None:
    """The sub-regions of `regions` (all regions if None) as the field's choices,
    grouped by region and named in the active language, both in alphabetical order.

    The choices are set from one query: the field would otherwise read its
    table again for every page, ungrouped."""
    # Saving a sub-region or region starts a new content generation.
    subregions = cached(
        ("subregions-with-regions",), lambda: list(SubRegion.objects.select_related("region"))
    )
    if regions is not None:
        wanted = {region.pk for region in regions}
        subregions = [subregion for subregion in subregions if subregion.region_id in wanted]
        field.queryset = field.queryset.filter(region__in=regions)
    groups: dict = {}
    for subregion in subregions:
        groups.setdefault(subregion.region, []).append(subregion)
    choices: list = [("", field.empty_label)]
    region_of = {}
    for region in sorted(groups, key=lambda region: name_order(region.display_name)):
        members = sorted(groups[region], key=lambda subregion: name_order(subregion.display_name))
        choices.append((region.display_name, [(s.pk, s.display_name) for s in members]))
        region_of.update({str(s.pk): str(region.pk) for s in members})
    field.choices = choices
    if isinstance(field.widget, SubRegionSelect):
        field.widget.region_of = region_of


def subregion_outside_region(subregion: SubRegion, region: Region) -> str:
    """The error for a sub-region chosen with another region, named in the active language."""
    return gettext(
        "%(subregion)s is not in %(region)s. Choose one of its sub-regions, or none."
    ) % {"subregion": subregion.display_name, "region": region.display_name}


def check_subregion(form: forms.Form, region_field: str = "region") -> None:
    """Refuse, on the sub-region's field, a sub-region of another region than the one chosen."""
    region = form.cleaned_data.get(region_field)
    subregion = form.cleaned_data.get("subregion")
    if region is not None and subregion is not None and subregion.region_id != region.pk:
        form.add_error("subregion", subregion_outside_region(subregion, region))


class ProfileFieldsMixin(forms.Form):
    """The profile's fields, shared by sign-up and the profile page, in the order they are shown."""

    field_order = [
        "full_name",
        "region",
        "subregion",
        "sector",
        "organisation_size",
        "preferred_language",
        "statistics_consent",
    ]
    full_name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        help_text=_("As it should appear on your certificates."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.all(), empty_label=_("Choose your region")
    )
    subregion = subregion_field(_("Choose your sub-region"), help_text=SUBREGION_HELP)
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        required=False,
        empty_label=_("Choose your sector"),
    )
    organisation_size = forms.ChoiceField(
        label=_("Organisation size"),
        choices=[("", _("Choose a size"))] + list(OrganisationSize.choices),
        required=False,
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=settings.LANGUAGES
    )
    statistics_consent = forms.BooleanField(
        label=_("My results may be counted in anonymous statistics for the programme's funders."),
        help_text=_(
            "Nobody can see your name or answers in these statistics. You can withdraw consent in your profile."
        ),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "subregion" in self.fields:
            offer_subregions(self.fields["subregion"])

    def clean(self):
        cleaned = super().clean()
        if "subregion" in self.fields:
            check_subregion(self)
        return cleaned

    def save_profile(self, user, profile: LearnerProfile | None = None) -> LearnerProfile:
        data = self.cleaned_data
        profile = profile or LearnerProfile(user=user)
        profile.full_name = data["full_name"].strip()
        profile.region = data["region"]
        profile.subregion = data.get("subregion")
        profile.sector = data["sector"]
        profile.organisation_size = data["organisation_size"]
        profile.preferred_language = data["preferred_language"]
        if data["statistics_consent"] and not profile.statistics_consent:
            profile.statistics_consent_at = timezone.now()
        if not data["statistics_consent"]:
            profile.statistics_consent_at = None
        profile.statistics_consent = data["statistics_consent"]
        profile.save()
        return profile


class SignUpForm(ProfileFieldsMixin):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=150,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    field_order = ["email", "password", *ProfileFieldsMixin.field_order]

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        user_model = get_user_model()
        if (
            user_model.objects.filter(email__iexact=email).exists()
            or user_model.objects.filter(username__iexact=email).exists()
        ):
            raise forms.ValidationError(
                _(
                    "An account with this e-mail address exists already. Sign in, or reset your password."
                )
            )
        return email

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        email = cleaned.get("email")
        if password:
            user = get_user_model()(username=email or "", email=email or "")
            try:
                password_validation.validate_password(password, user)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned

    @transaction.atomic
    def save(self):
        data = self.cleaned_data
        user = get_user_model().objects.create_user(
            username=data["email"], email=data["email"], password=data["password"]
        )
        self.save_profile(user)
        return user


class ProfileForm(ProfileFieldsMixin):
    @classmethod
    def initial_for(cls, profile: LearnerProfile | None) -> dict:
        if profile is None:
            return {}
        return {
            "full_name": profile.full_name,
            "region": profile.region_id,
            "subregion": profile.subregion_id,
            "sector": profile.sector_id,
            "organisation_size": profile.organisation_size,
            "preferred_language": profile.preferred_language,
            "statistics_consent": profile.statistics_consent,
        }


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.CharField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    error_messages = {
        "invalid_login": _(
            "The e-mail address or password is not right. Check both and try again."
        ),
        "inactive": _("This account is inactive."),
    }


class QueuedPasswordResetForm(PasswordResetForm):
    """Hands the reset e-mail to the task worker instead of waiting on the mail server."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ) -> None:
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        html_body = (
            loader.render_to_string(html_email_template_name, context)
            if html_email_template_name
            else None
        )
        send_email.enqueue(subject, body, from_email, [to_email], html_body)
