"""The base view of an admin report: permission, filters, export."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin


class AdminReportView(SpreadsheetExportMixin, WagtailAdminTemplateMixin, TemplateView):
    """A table in the Wagtail admin, filtered by a GET form and downloadable as CSV or XLSX.

    Like Wagtail's `ReportView`, but over rows a report computes (aggregates,
    lists built from several tables) rather than a paginated queryset. A
    report says who may see it (`user_may_view`), which form filters it
    (`filter_form_class`) and how its rows are made (`get_rows`); the rows,
    as dictionaries, are what the page shows and exactly what the export
    holds (`list_export`, `export_headings`).
    """

    template_name = "admin_reports/report.html"
    filter_form_class: type[forms.Form]
    # A template adding report-specific fields to the filter form.
    extra_filters_template = ""

    def user_may_view(self, user) -> bool:
        """Whether `user` may see this report: nobody, unless the report says so."""
        return False

    def dispatch(self, request, *args, **kwargs):
        if not self.user_may_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict]:
        # As Wagtail's listing views (and so its reports) do: the slim header shows
        # the breadcrumbs, the last of them the page's own title; without it the
        # header says only "Home".
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_filter_form_kwargs(self) -> dict:
        return {}

    @cached_property
    def filter_form(self) -> forms.Form:
        # Only `export` in the query (a download of the unfiltered table) binds nothing.
        data = self.request.GET if any(key != "export" for key in self.request.GET) else None
        return self.filter_form_class(data, **self.get_filter_form_kwargs())

    def get_rows(self) -> list[dict]:
        """The rows shown and exported, with the fields `list_export` names."""
        raise NotImplementedError

    def get(self, request, *args, **kwargs) -> HttpResponse:
        rows = self.get_rows()
        if self.is_export:
            return self.as_spreadsheet(rows, request.GET.get("export"))
        return self.render_to_response(self.get_context_data(rows=rows, **kwargs))

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context.update(
            filter_form=self.filter_form,
            xlsx_url=self.xlsx_export_url,
            csv_url=self.csv_export_url,
        )
        return context
