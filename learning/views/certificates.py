"""Certificates: the learner's own page, and public verification of a code."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_GET

from ..certificate_documents import certificate_pdf as render_certificate_pdf
from ..certificate_documents import issuer_of, qr_svg
from ..models import Certificate
from ..models.certificates import normalise_code


def _own_certificate(request: HttpRequest, code: str) -> Certificate:
    """The signed-in learner's certificate; 404 for anyone else's, so codes cannot be probed."""
    return get_object_or_404(Certificate, code=normalise_code(code), user=request.user)


def _verify_url(request: HttpRequest, cert: Certificate) -> str:
    return request.build_absolute_uri(reverse("learning:verify_code", args=[cert.code]))


@login_required
@require_GET
def certificate(request: HttpRequest, code: str) -> HttpResponse:
    cert = _own_certificate(request, code)
    verify_url = _verify_url(request, cert)
    return render(
        request,
        "learning/certificate.html",
        {
            "certificate": cert,
            "verify_url": verify_url,
            # A link inside the translated sentence, whose msgid keeps the bare address.
            "verify_link": format_html(
                '<a class="certificate__link" href="{0}">{0}</a>', verify_url
            ),
            "issuer": issuer_of(cert),
        },
    )


@login_required
@require_GET
def certificate_qr(request: HttpRequest, code: str) -> HttpResponse:
    """The verification address as a QR code: a file, since the CSP allows no inline SVG."""
    cert = _own_certificate(request, code)
    response = HttpResponse(qr_svg(_verify_url(request, cert)), content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=86400"
    return response


@login_required
@require_GET
def certificate_pdf(request: HttpRequest, code: str) -> HttpResponse:
    cert = _own_certificate(request, code)
    pdf = render_certificate_pdf(cert, _verify_url(request, cert), issuer_of(cert))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{cert.code}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


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
        .only(
            "code",
            "kind",
            "title",
            "completed_at",
            "valid_until",
            "language",
            # To find who issued it, which the printed certificate names too.
            "subject_key",
            "user_id",
        )
        .first()
    )
    expired = bool(cert and cert.valid_until and cert.valid_until <= timezone.now())
    return render(
        request,
        "learning/verify.html",
        {
            "code": code,
            "checked": True,
            "certificate": cert,
            "certificate_expired": expired,
            "issuer": issuer_of(cert) if cert else None,
        },
        status=200 if cert else 404,
    )
