"""The programme report in the admin: choose a programme and a period, download it.

A GET form (like the statistics filters), so that a download can be repeated
from its address; nothing is computed until the form is valid, and a choice
outside the person's scope or a date outside the years covered is a form
error, never a report.
"""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from admin_reports.widgets import LocalDateInput
from learning.statistics.filters import EARLIEST_DATE, LATEST_DATE
from learning.statistics.scope import can_view_statistics, visible_regions
from learning.statistics.views import report_links

from .programme_report import (
    ReportInputError,
    build_programme_report,
    programmes_in_scope,
    render_pdf,
    render_xlsx,
)

FORMATS = {
    "pdf": ("application/pdf", "pdf", render_pdf),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
        render_xlsx,
    ),
}


def validate_covered(value: datetime.date) -> None:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValidationError(
            _("Choose a date between %(first)s and %(last)s."),
            params={"first": EARLIEST_DATE.year, "last": LATEST_DATE.year},
        )


class ProgrammeReportForm(forms.Form):
    programme = forms.ChoiceField(label=_("Programme"))
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=None, required=False, empty_label=_("All my regions")
    )
    date_from = forms.DateField(
        label=_("From"), widget=LocalDateInput(), validators=[validate_covered]
    )
    date_to = forms.DateField(label=_("To"), widget=LocalDateInput(), validators=[validate_covered])

    def __init__(self, data=None, *, user, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["programme"].choices = [("", "---------"), *programmes_in_scope(user)]
        self.fields["region"].queryset = visible_regions(user).order_by("name")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date must be on or after the start date."))
        return cleaned


class ProgrammeReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "reporting/programme_report.html"
    page_title = _("Programme report")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_statistics(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": reverse("learning_statistics:overview"), "label": _("Statistics")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get(self, request, *args, **kwargs):
        chosen = request.GET.get("format", "")
        if chosen not in FORMATS:
            today = timezone.localdate()
            form = ProgrammeReportForm(
                user=request.user,
                initial={"date_from": today.replace(month=1, day=1), "date_to": today},
            )
            return self.render_to_response(self.get_context_data(form=form))
        form = ProgrammeReportForm(request.GET, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                report = build_programme_report(
                    request.user,
                    data["programme"],
                    data["date_from"],
                    data["date_to"],
                    region=data["region"],
                )
            except ReportInputError as error:
                form.add_error(None, str(error))
            else:
                content_type, extension, render = FORMATS[chosen]
                response = HttpResponse(render(report), content_type=content_type)
                name = slugify(report.programme_title) or "programme"
                filename = (
                    f"programme-report-{name}-{data['date_from']:%Y%m%d}-{data['date_to']:%Y%m%d}"
                    f".{extension}"
                )
                response["Content-Disposition"] = f'attachment; filename="{filename}"'
                return response
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        # A field in error says so to assistive technology and points to its message.
        for name in form.errors:
            if name in form.fields:
                form.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"id_{name}_error"}
                )
        context.update(
            reports=report_links(),
            active_report=self.request.path,
            no_programmes=len(context["form"].fields["programme"].choices) <= 1,
            error_summary=gettext("The report could not be made: correct the fields below."),
        )
        return context
