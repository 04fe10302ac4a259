"""One-click unsubscribe from reminders and digests, with or without signing in."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ..emails import email_of_unsubscribe_token
from ..models import EmailOptOut

MAX_TOKEN_LENGTH = 400


def _masked(email: str) -> str:
    """a***@example.com: enough to recognise one's own address on a shared screen."""
    local, _, domain = email.partition("@")
    return f"{local[:1]}***@{domain}"


# Mail programs post the one-click request (RFC 8058) without a session or a
# CSRF cookie; the signed token is what authorises it, and the worst a forged
# request could do is what the link's owner asked for.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    email = email_of_unsubscribe_token(token[:MAX_TOKEN_LENGTH])
    if email is None:
        return render(request, "organisations/emails/unsubscribe_invalid.html", status=400)
    context = {"address": _masked(email), "token": token}
    if request.method == "GET":
        subscribed = not EmailOptOut.objects.filter(email=email).exists()
        return render(
            request, "organisations/emails/unsubscribe.html", {**context, "subscribed": subscribed}
        )
    if request.POST.get("action") == "resubscribe":
        EmailOptOut.objects.filter(email=email).delete()
        return render(request, "organisations/emails/resubscribed.html", context)
    try:
        with transaction.atomic():
            EmailOptOut.objects.get_or_create(email=email)
    except IntegrityError:
        pass  # the same click twice at once: already unsubscribed
    return render(request, "organisations/emails/unsubscribed.html", context)
