"""Certificates: the learner's own page, and public verification of a code."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from ..models import Certificate
from ..models.certificates import normalise_code


@login_required
@require_GET
def certificate(request: HttpRequest, code: str) -> HttpResponse:
    cert = get_object_or_404(Certificate, code=normalise_code(code), user=request.user)
    verify_url = request.build_absolute_uri(reverse("learning:verify_code", args=[cert.code]))
    return render(
        request, "learning/certificate.html", {"certificate": cert, "verify_url": verify_url}
    )


@require_GET
def verify(request: HttpRequest) -> HttpResponse:
    code = request.GET.get("code", "").strip()[:40]
    if code:
        return redirect("learning:verify_code", code=normalise_code(code) or "-")
    return render(request, "learning/verify.html", {"code": "", "checked": False})


@require_GET
def verify_code(request: HttpRequest, code: str) -> HttpResponse:
    code = normalise_code(code[:40])
    # Only what the certificate itself says publicly: never the learner's identity.
    cert = (
        Certificate.objects.filter(code=code)
        .only("code", "kind", "title", "completed_at", "valid_until", "language")
        .first()
    )
    expired = bool(cert and cert.valid_until and cert.valid_until <= timezone.now())
    return render(
        request,
        "learning/verify.html",
        {"code": code, "checked": True, "certificate": cert, "certificate_expired": expired},
        status=200 if cert else 404,
    )
