"""Who may act for an organisation: its administrators, and managers of its region."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from learning.models import LearnerProfile, Organisation
from learning.statistics.scope import visible_regions


def administered_organisation(user) -> Organisation | None:
    """The verified organisation this user administers, or None."""
    profile = LearnerProfile.objects.for_user(user)
    if profile is None or not profile.administers_organisation:
        return None
    organisation = profile.organisation
    return organisation if organisation.is_verified else None


def organisation_administrator_required(view: Callable) -> Callable:
    """Runs `view(request, organisation, ...)` for the administrator of a verified organisation.

    Everyone else signed in gets a 403 page that says why; the organisation
    always comes from the signed-in user, never from the URL, so an
    administrator of one organisation cannot reach another's.
    """

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        organisation = administered_organisation(request.user)
        if organisation is None:
            return render(request, "organisations/not_administrator.html", status=403)
        return view(request, organisation, *args, **kwargs)

    return wrapped


def organisations_for_manager(user):
    """Organisations in the regions whose statistics this person may see (the one rule)."""
    return Organisation.objects.filter(region__in=visible_regions(user))
