"""Admin pages to set up, use and turn off two-step verification (TOTP)."""

from __future__ import annotations

import django_otp
import segno
from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..two_factor import has_two_factor, secret_for_display, two_factor_required


class CodeForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Six-digit code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_token(self) -> str:
        token = "".join(self.cleaned_data["token"].split())
        if not token.isdigit():
            raise forms.ValidationError(_("Enter the digits shown in your authenticator app."))
        return token


def check_code(device: TOTPDevice, token: str) -> str | None:
    """None when the code is right, else what to tell the user."""
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        # Each wrong code doubles the wait before the next one is even checked.
        return _("Too many wrong codes. Wait a minute, then try the newest code.")
    if device.verify_token(token):
        return None
    return _("That code is not right. Check the time on your phone and try the newest code.")


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


class TwoFactorView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "lock"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next"] = _next_url(self.request)
        return context


class StatusView(TwoFactorView):
    """Whether two-step verification is on, with the way to turn it on or off."""

    template_name = "learning/two_factor/status.html"
    page_title = gettext_lazy("Two-step verification")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["enabled"] = has_two_factor(self.request.user)
        context["required"] = two_factor_required(self.request.user)
        return context

    def post(self, request: HttpRequest) -> HttpResponse:
        if two_factor_required(request.user):
            messages.error(request, _("Two-step verification is required for your role."))
            return redirect("two_factor")
        TOTPDevice.objects.filter(user=request.user).delete()
        messages.success(request, _("Two-step verification is off."))
        return redirect("two_factor")


class SetupView(TwoFactorView):
    """Shows a new key as a QR code and confirms it with a first code."""

    template_name = "learning/two_factor/setup.html"
    page_title = gettext_lazy("Set up two-step verification")

    def device(self) -> TOTPDevice:
        # One pending key per user, kept until confirmed, so reloading the page
        # does not invalidate what the user has just scanned.
        device = TOTPDevice.objects.filter(user=self.request.user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(
                user=self.request.user, name="authenticator app", confirmed=False
            )
        return device

    def render_setup(self, form: CodeForm, status: int = 200) -> HttpResponse:
        device = self.device()
        qr = segno.make(device.config_url, error="m")
        context = self.get_context_data(
            form=form,
            qr_svg=qr.svg_inline(scale=5, title=_("QR code for your authenticator app")),
            secret=secret_for_display(device),
            required=two_factor_required(self.request.user),
        )
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render_setup(CodeForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = CodeForm(request.POST)
        device = self.device()
        if form.is_valid():
            error = check_code(device, form.cleaned_data["token"])
            if error is None:
                with transaction.atomic():
                    TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
                    device.confirmed = True
                    device.save(update_fields=["confirmed"])
                django_otp.login(request, device)
                messages.success(request, _("Two-step verification is on."))
                return redirect(_next_url(request))
            form.add_error("token", error)
        return self.render_setup(form, status=400)


class VerifyView(TwoFactorView):
    """The second step after signing in to the admin."""

    template_name = "learning/two_factor/verify.html"
    page_title = gettext_lazy("Enter your verification code")

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=CodeForm()))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = CodeForm(request.POST)
        device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
        if form.is_valid() and device is not None:
            error = check_code(device, form.cleaned_data["token"])
            if error is None:
                django_otp.login(request, device)
                return redirect(_next_url(request))
            form.add_error("token", error)
        return self.render_to_response(self.get_context_data(form=form), status=400)
