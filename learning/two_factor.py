"""Two-step verification for the Wagtail admin with an authenticator app (TOTP).

Any admin user may turn it on. With settings.REQUIRE_2FA_FOR_MANAGERS,
everyone who can see statistics (programme managers, coordinators and
administrators) must set it up before the admin does anything else for
them. A user who has set it up must enter a code after each sign-in
before any admin page opens. Learners' pages are not affected.
"""

from __future__ import annotations

import base64
import functools
from collections.abc import Callable

import django_otp
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from home.csp import is_admin_path

from .statistics.scope import can_view_statistics

SETUP = "two_factor_setup"
VERIFY = "two_factor_verify"
# Pages a signed-in user needs before the second step: signing in and out,
# and what the admin's sign-in page itself loads.
ALWAYS_OPEN = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}


@functools.cache
def _device_models() -> tuple:
    # django_otp looks for device models among every installed model on each
    # call; they do not change while the process runs.
    return tuple(django_otp.device_classes())


def has_two_factor(user) -> bool:
    """Whether the user has a confirmed device (one query per kind of device)."""
    return user.is_authenticated and any(
        model.objects.devices_for_user(user, confirmed=True).exists() for model in _device_models()
    )


def two_factor_required(user) -> bool:
    """True when this user may not use the admin without two-step verification."""
    return bool(settings.REQUIRE_2FA_FOR_MANAGERS) and can_view_statistics(user)


def secret_for_display(device) -> str:
    """The key in base32, in groups of four, for typing into an app by hand."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


def _url_name(path: str) -> str | None:
    try:
        return resolve(path).url_name
    except Resolver404:
        return None


def _redirect_to(name: str, request: HttpRequest) -> HttpResponse:
    return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")


class AdminTwoFactorMiddleware:
    """Sends admin users to the second step, or to set it up, before any admin page.

    Must come after django_otp's OTPMiddleware, which tells whether this
    session has passed the second step (user.is_verified()).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.redirect_for(request) or self.get_response(request)

    def redirect_for(self, request: HttpRequest) -> HttpResponse | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not is_admin_path(request.path_info):
            return None
        if not user.has_perm("wagtailadmin.access_admin"):
            return None
        if user.is_verified():
            # Verified with one of their devices in this session: nothing to ask,
            # and no query for their devices on every admin page.
            return None
        name = _url_name(request.path_info)
        if name in ALWAYS_OPEN:
            return None
        if has_two_factor(user):
            return None if name == VERIFY else _redirect_to(VERIFY, request)
        if two_factor_required(user) and name != SETUP:
            return _redirect_to(SETUP, request)
        return None
