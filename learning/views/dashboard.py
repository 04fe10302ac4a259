""" "My learning": the learner's modules, programmes and suggestions."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail import hooks

from ..progress import dashboard_context


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    context = dashboard_context(request.user, request)
    # Apps above `learning` (organisations: invitations, the team) add panels
    # through the `learner_dashboard_panels` hook: a function of the request
    # returning HTML, or "" when it has nothing to show.
    context["panels"] = [
        panel
        for panel in (hook(request) for hook in hooks.get_hooks("learner_dashboard_panels"))
        if panel
    ]
    return render(request, "learning/dashboard.html", context)
