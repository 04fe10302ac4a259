"""Subscribing to the monthly programme report, and the one-click way out of it."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from learning.statistics.figures import programme_regions
from learning.statistics.filters import titles_by_key
from learning.statistics.scope import can_view_statistics, visible_regions
from modules.models import ProgrammePage

from .models import ReportSubscription
from .subscriptions import subscription_of_token

MAX_TOKEN_LENGTH = 200


def programme_in_scope(user, value: str) -> uuid.UUID | None:
    """The programme key from a form, if it is a programme for one of the person's regions."""
    try:
        key = uuid.UUID(value)
    except (ValueError, TypeError):
        return None
    if not ProgrammePage.objects.filter(translation_key=key).exists():
        return None
    regions = programme_regions([key])[key]
    if regions and not visible_regions(user).filter(pk__in=regions).exists():
        return None
    return key


@require_POST
def subscription(request: HttpRequest) -> HttpResponse:
    """Start or stop the monthly e-mail of one programme's report (from the dashboard)."""
    if not can_view_statistics(request.user):
        raise PermissionDenied
    key = programme_in_scope(request.user, request.POST.get("programme", ""))
    if key is None:
        return HttpResponseBadRequest(_("This programme is not one of your regions' programmes."))
    title = titles_by_key(ProgrammePage, [key]).get(key, "")
    if request.POST.get("action") == "stop":
        ReportSubscription.objects.filter(user=request.user, programme_key=key).delete()
        messages.success(request, _("You will no longer get the monthly report on %s.") % title)
    else:
        if not request.user.email:
            messages.error(request, _("Add an e-mail address to your account first."))
            return redirect("wagtailadmin_home")
        try:
            with transaction.atomic():
                ReportSubscription.objects.get_or_create(user=request.user, programme_key=key)
        except IntegrityError:
            pass  # the same click twice at once
        messages.success(
            request,
            _(
                "On the first day of each month you will get the report on %(title)s for the month before, at %(email)s."
            )
            % {"title": title, "email": request.user.email},
        )
    return redirect("wagtailadmin_home")


# Mail programs post the one-click request (RFC 8058) without a session or a CSRF
# cookie; the signed token is what authorises it.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    found = subscription_of_token(token[:MAX_TOKEN_LENGTH])
    if found is None:
        return render(request, "reporting/unsubscribe.html", {"invalid": True}, status=400)
    title = titles_by_key(ProgrammePage, [found.programme_key]).get(found.programme_key, "")
    if request.method == "POST":
        found.delete()
        return render(request, "reporting/unsubscribe.html", {"done": True, "title": title})
    return render(request, "reporting/unsubscribe.html", {"title": title, "token": token})
