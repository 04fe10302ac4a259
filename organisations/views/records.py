"""Team training records: the administrator's list, the printable record and PDF, public checks."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from learning.models.certificates import normalise_code

from ..access import organisation_administrator_required
from ..models import TrainingRecord
from ..records import (
    current_figures,
    display_modules,
    find_record,
    is_current,
    issue_record,
    latest_record,
)
from ..records import record_pdf as render_record_pdf
from ..team import enrolled_programmes
from .team import _programme_or_404


@organisation_administrator_required
@require_GET
def records(request: HttpRequest, organisation) -> HttpResponse:
    programmes = enrolled_programmes(organisation)
    issued: dict = {}
    for record in TrainingRecord.objects.filter(organisation=organisation).only(
        "code", "programme_key", "issued_at", "staff_count"
    ):
        issued.setdefault(record.programme_key, []).append(record)
    return render(
        request,
        "organisations/records/list.html",
        {
            "organisation": organisation,
            "rows": [(p, issued.get(p.key, [])) for p in programmes],
        },
    )


def _verify_url(request: HttpRequest, record: TrainingRecord) -> str:
    return request.build_absolute_uri(reverse("organisations:record_verify", args=[record.code]))


@organisation_administrator_required
@require_http_methods(["GET", "POST"])
def record(request: HttpRequest, organisation, programme_key) -> HttpResponse:
    programme = _programme_or_404(organisation, programme_key)
    language = translation.get_language()
    if request.method == "POST":
        if not programme.modules:
            messages.error(request, _("This programme is no longer available."))
            return redirect("organisations:records")
        issued, created = issue_record(organisation, programme, by=request.user, language=language)
        if created:
            messages.success(request, _("The team training record has been generated."))
        return redirect("organisations:record", programme_key=programme.key)
    figures = current_figures(organisation, programme)
    latest = latest_record(organisation, programme.key)
    current = is_current(latest, organisation, programme, figures)
    return render(
        request,
        "organisations/records/record.html",
        {
            "organisation": organisation,
            "programme": programme,
            "figures": figures,
            "record": latest if current else None,
            "outdated": latest if latest is not None and not current else None,
            "verify_url": _verify_url(request, latest) if current else "",
            "record_modules": display_modules(latest.modules) if current else [],
            "figure_modules": display_modules(figures.modules),
        },
    )


@organisation_administrator_required
@require_GET
def record_pdf(request: HttpRequest, organisation, programme_key) -> HttpResponse:
    programme = _programme_or_404(organisation, programme_key)
    code = request.GET.get("code", "")
    chosen = find_record(code) if code else latest_record(organisation, programme.key)
    if (
        chosen is None
        or chosen.organisation_id != organisation.pk
        or chosen.programme_key != programme.key
    ):
        return render(
            request,
            "organisations/records/no_record.html",
            {"organisation": organisation, "programme": programme},
            status=404,
        )
    pdf = render_record_pdf(chosen, _verify_url(request, chosen))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="team-training-record-{chosen.code}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def record_verify_form(request: HttpRequest) -> HttpResponse:
    code = request.GET.get("code", "").strip()[:40]
    if code:
        return redirect("organisations:record_verify", code=normalise_code(code) or "-")
    return render(request, "organisations/records/verify.html", {"code": "", "checked": False})


@require_GET
def record_verify(request: HttpRequest, code: str) -> HttpResponse:
    found = find_record(code)
    return render(
        request,
        "organisations/records/verify.html",
        {
            "code": found.code if found else code[:40],
            "checked": True,
            "record": found,
            "record_modules": display_modules(found.modules) if found else [],
        },
        status=200 if found else 404,
    )
