"""Learner account forms: sign-up, sign-in, profile."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.db import transaction
from django.template import loader
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modules.models import Region, Sector

from .models import LearnerProfile, OrganisationSize
from .tasks import send_email


class ProfileFieldsMixin(forms.Form):
    """The profile's fields, shared by sign-up and the profile page, in the order they are shown."""

    field_order = [
        "full_name",
        "region",
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

    def save_profile(self, user, profile: LearnerProfile | None = None) -> LearnerProfile:
        data = self.cleaned_data
        profile = profile or LearnerProfile(user=user)
        profile.full_name = data["full_name"].strip()
        profile.region = data["region"]
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
