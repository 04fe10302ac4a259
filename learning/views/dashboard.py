""" "My learning": the learner's modules, programmes and suggestions."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..progress import dashboard_context


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "learning/dashboard.html", dashboard_context(request.user))
