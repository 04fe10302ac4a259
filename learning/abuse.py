"""Limits on guessing: failed sign-ins (django-axes), sign-ups and password resets.

Failed sign-ins are counted by django-axes in the database, per account and
per client address, with separate limits: many employees of one company
may share an office address, so the address limit is higher than the
account limit. Sign-ups and password-reset requests are not sign-ins, so
axes does not see them; they are counted in the cache in fixed windows.
"""

from __future__ import annotations

import hashlib
import math
import time
from datetime import timedelta

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.forms.utils import ErrorDict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import ngettext

# Tests move this clock forward to see a window end; everything else uses wall time.
clock = time.time


def client_address(request: HttpRequest) -> str:
    """The visitor's address, read past the trusted reverse proxies in front of the site.

    Only the entries appended by our own proxies can be trusted: a client can
    put anything at the left of X-Forwarded-For.
    """
    proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0))
    if proxies > 0:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def normalised_username(request: HttpRequest, credentials: dict | None) -> str | None:
    """Count "Kadri@Example.com " and "kadri@example.com" as one account: both sign in."""
    source = credentials if credentials is not None else request.POST
    username = (source or {}).get(settings.AXES_USERNAME_FORM_FIELD)
    if username is None:
        return None
    return str(username).strip().lower()


def lockout_period(request: HttpRequest | None = None) -> timedelta:
    """How long a lock lasts after the last failure (AXES_COOLOFF_TIME)."""
    return timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)


class LoginAttemptHandler(AxesDatabaseHandler):
    """Axes' database handler with a higher limit per address than per account.

    Axes compares one failure count with one limit (AXES_FAILURE_LIMIT, the
    per-account limit). The count returned here is the account's failures,
    raised to that limit when the address alone has passed its own limit.
    """

    def get_failures(self, request, credentials: dict | None = None) -> int:
        by_account, by_address = (
            attempts.values_list("failures_since_start", flat=True)
            for attempts in self.get_user_attempts(request, credentials)
        )
        account_failures = sum(by_account)
        if sum(by_address) >= settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS:
            return max(account_failures, settings.AXES_FAILURE_LIMIT)
        return account_failures


class LockoutBackend(AxesStandaloneBackend):
    """Refuses sign-ins for a locked account or address, before any password is checked.

    Every sign-in over the web comes with its request. A password checked
    without one (a management command, the test client's login) has no
    address to count against, so it is left to the next backend instead of
    raising as axes does.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def _minutes(seconds: float) -> int:
    return max(1, math.ceil(seconds / 60))


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """The page shown instead of the sign-in form while an account or address is locked."""
    minutes = settings.LOGIN_LOCKOUT_MINUTES
    message = ngettext(
        "Too many failed sign-ins for this account or from your network. Signing in is locked for %(minutes)d minute after the last failed attempt.",
        "Too many failed sign-ins for this account or from your network. Signing in is locked for %(minutes)d minutes after the last failed attempt.",
        minutes,
    ) % {"minutes": minutes}
    response = render(
        request,
        "learning/locked_out.html",
        {"message": message, "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response


class RateLimit:
    """At most `limit` actions per key in a fixed window of `window` seconds.

    The count lives in the shared cache and is raised with an atomic
    increment, so every worker process sees the same count.
    """

    def __init__(self, scope: str, limit: int, window: int) -> None:
        self.scope = scope
        self.limit = limit
        self.window = window

    def _key(self, value: str) -> str:
        # Hashed, so e-mail addresses do not sit in the cache in clear.
        digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
        return f"ratelimit:{self.scope}:{digest}:{int(clock() // self.window)}"

    def hit(self, value: str) -> bool:
        """Count one action; False when it goes past the limit."""
        key = self._key(value)
        cache.add(key, 0, timeout=self.window)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=self.window)
            count = 1
        return count <= self.limit

    def retry_after(self) -> int:
        """Seconds until the current window ends."""
        return int(self.window - clock() % self.window) or self.window


def signup_limit() -> RateLimit:
    return RateLimit("signup", settings.SIGNUP_LIMIT_PER_ADDRESS, settings.RATE_LIMIT_WINDOW)


def reset_limits() -> tuple[RateLimit, RateLimit]:
    return (
        RateLimit(
            "reset-address", settings.PASSWORD_RESET_LIMIT_PER_ADDRESS, settings.RATE_LIMIT_WINDOW
        ),
        RateLimit(
            "reset-email", settings.PASSWORD_RESET_LIMIT_PER_EMAIL, settings.RATE_LIMIT_WINDOW
        ),
    )


def too_many_message(retry_after: int) -> str:
    minutes = _minutes(retry_after)
    return ngettext(
        "Too many requests from your network or for this address. Please try again in %(minutes)d minute.",
        "Too many requests from your network or for this address. Please try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def refuse(form: forms.Form, message: str) -> forms.Form:
    """The submitted form, not validated, carrying only `message` as its error.

    Validating it would answer the question the limit is there to stop
    (for example, whether an address has an account).
    """
    form._errors = ErrorDict()
    form.cleaned_data = {}
    form.add_error(None, message)
    return form
