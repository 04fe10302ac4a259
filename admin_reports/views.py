"""The base view of an admin report: permission, filters, export."""

from __future__ import annotations

import csv
import datetime
import re

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import Echo, ExcelDateFormatter, SpreadsheetExportMixin

# Characters a worksheet's title may not hold, and its longest length.
SHEET_TITLE_FORBIDDEN = re.compile(r"[\\/*?:\[\]]")
SHEET_TITLE_LENGTH = 31


def sheet_title(text: str) -> str:
    return SHEET_TITLE_FORBIDDEN.sub(" ", text)[:SHEET_TITLE_LENGTH]


def made_at() -> str:
    """Now, in ISO 8601 with the offset, and the time zone's name."""
    now = timezone.localtime()
    return f"{now.isoformat(timespec='seconds')} ({timezone.get_current_timezone_name()})"


class AdminReportView(SpreadsheetExportMixin, WagtailAdminTemplateMixin, TemplateView):
    """A table in the Wagtail admin, filtered by a GET form and downloadable as CSV or XLSX.

    Like Wagtail's `ReportView`, but over rows a report computes (aggregates,
    lists built from several tables) rather than a paginated queryset. A
    report says who may see it (`user_may_view`), which form filters it
    (`filter_form_class`) and how its rows are made (`get_rows`); the rows,
    as dictionaries, are what the page shows and exactly what the export
    holds (`list_export`, `export_headings`).

    An export says what it is, so that a figure quoted from it can be traced:
    an XLSX workbook has, after the table, a sheet defining each column
    (`get_definitions`, also shown under the table on the page) and a sheet
    "About this export" (`get_export_metadata`: the report, the filters
    applied, when it was made, and what a report adds, such as its scope).
    A CSV file has no sheets: the same rows follow the table, after one
    blank row, so that the file still starts with the table's headings.
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
            definitions=self.get_definitions(),
        )
        return context

    # -- what an export says about itself ---------------------------------------------

    def get_definitions(self) -> list[tuple[str, str, str]]:
        """(field, name, definition) of each column the report shows; none by default."""
        return []

    def filter_value_text(self, name: str, value) -> str:
        """A chosen filter value as the reader knows it: the choice's label, a local date."""
        if isinstance(value, datetime.date):
            return date_format(value)
        key = str(getattr(value, "pk", value))
        choices = getattr(self.filter_form.fields[name], "choices", None) or []
        labels = {str(choice): label for choice, label in choices if not isinstance(label, list)}
        return str(labels.get(key, value))

    def applied_filters(self) -> list[tuple[str, str]]:
        """(label, value) of each filter the rows were chosen with. A value the form
        refused (a region outside the person's scope) filtered nothing and is left out."""
        form = self.filter_form
        if not form.is_bound:
            return []
        form.is_valid()
        return [
            (str(field.label), self.filter_value_text(name, form.cleaned_data[name]))
            for name, field in form.fields.items()
            if form.cleaned_data.get(name) not in (None, "", [], ())
        ]

    def get_export_metadata(self) -> list[tuple[str, str]]:
        """(label, value) rows saying what an export is: report, filters, time made."""
        filters = "; ".join(f"{label}: {value}" for label, value in self.applied_filters())
        return [
            (gettext("Report"), str(self.get_page_title())),
            (gettext("Filters applied"), filters or gettext("None")),
            (gettext("Made at"), made_at()),
        ]

    def export_definitions(self) -> list[tuple[str, str]]:
        return [(name, text) for _field, name, text in self.get_definitions()]

    def xlsx_charts(self, worksheet, rows: int) -> list:
        """Native spreadsheet charts to place beside the exported table (openpyxl
        charts over its cells); a report with charts on the page draws them here."""
        return []

    def stream_csv(self, queryset):
        # Written out now, in the reader's language and time zone, which the admin
        # sets for the view only: a stream read after the view returns would be
        # headed and dated in the defaults.
        rows = list(super().stream_csv(queryset))
        writer = csv.writer(Echo())
        rows.append(writer.writerow([]))
        rows += [writer.writerow(row) for row in self.get_export_metadata()]
        definitions = self.export_definitions()
        if definitions:
            rows.append(writer.writerow([]))
            rows.append(writer.writerow([gettext("Column"), gettext("Definition")]))
            rows += [writer.writerow(row) for row in definitions]
        return iter(rows)

    def write_xlsx(self, queryset, output) -> None:
        """The table as Wagtail writes it, then the definitions and "About this export"."""
        from openpyxl import Workbook

        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title=sheet_title(str(self.get_page_title())))
        worksheet.append(self.get_heading(queryset, field) for field in self.list_export)
        date_format = ExcelDateFormatter().get()
        rows = 0
        for item in queryset:
            worksheet.append(
                self.generate_xlsx_row(worksheet, self.to_row_dict(item), date_format=date_format)
            )
            rows += 1
        for number, chart in enumerate(self.xlsx_charts(worksheet, rows)):
            worksheet.add_chart(chart, f"{xlsx_column(len(self.list_export) + 2)}{2 + 16 * number}")
        definitions = self.export_definitions()
        if definitions:
            sheet = workbook.create_sheet(title=sheet_title(gettext("Definitions")))
            sheet.append(text_cells(sheet, [gettext("Column"), gettext("Definition")]))
            for row in definitions:
                sheet.append(text_cells(sheet, row))
        sheet = workbook.create_sheet(title=sheet_title(gettext("About this export")))
        for row in self.get_export_metadata():
            sheet.append(text_cells(sheet, row))
        workbook.save(output)


def xlsx_column(number: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(number)


def text_cells(worksheet, values):
    """Cells holding text as text, never as a formula (a title typed as "=…")."""
    from openpyxl.cell import WriteOnlyCell

    for value in values:
        cell = WriteOnlyCell(worksheet, str(value))
        cell.data_type = "s"
        yield cell
