"""Organisation statistics in the admin's Statistics menu: a summary per programme and a table.

Both are admin reports (`admin_reports.AdminReportView`) with the statistics'
permission and scope (`learning.statistics.scope`: managers see the
organisations of their regions, coordinators and superusers all), their
own filters (programme, region, sector, size) and CSV/XLSX exports of
exactly what the page shows. What a manager may learn of an organisation is
decided in `organisations.statistics` and docs/security.md, "Organisation
figures": statuses and staff bands, never a count of members' results.
"""

from __future__ import annotations

from django import forms
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from admin_reports.views import AdminReportView
from learning.models import OrganisationSize
from learning.statistics import suppression
from learning.statistics.definitions import FIGURES, definition
from learning.statistics.definitions import name as figure_name
from learning.statistics.filters import titles_by_key
from learning.statistics.scope import can_view_statistics, sees_all_regions, visible_regions
from learning.statistics.suppression import SUPPRESSED, Count, Suppressed
from learning.statistics.views import report_links
from modules.models import ProgrammePage, Sector

from ..statistics import (
    STATUS_LABELS,
    OrganisationFilters,
    enrolment_rows,
    group_labels,
    staff_band,
    summary_counts,
)

DIMENSION_LABELS = {
    "programme": _("By programme"),
    "region": _("By region"),
    "sector": _("By sector"),
    "size": _("By organisation size"),
}
PAGE_TITLES = {
    "programme": _("Organisations in programmes"),
    "region": _("Organisations in programmes by region"),
    "sector": _("Organisations in programmes by sector"),
    "size": _("Organisations in programmes by organisation size"),
}
# A breakdown's group column, named and defined in `learning.statistics.definitions`.
DIMENSION_KEYS = {"region": "org_region", "sector": "org_sector", "size": "org_size"}

# The summary's counts that rest on members' results, each weighed by the staff
# counted in the organisations behind it. Every such organisation has at least
# k staff counted, so the rule finds nothing small to hide: it is the safeguard
# should an organisation with fewer ever be counted. Within one programme the
# rows of a breakdown add up to the programme's row of "By programme".
SUMMARY_FIGURES = {
    "active": Count("active", learners="active_staff"),
    "at_target": Count("at_target", learners="at_target_staff"),
}


class OrganisationFilterForm(forms.Form):
    programme = forms.ChoiceField(label=_("Programme"), required=False)
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=None, required=False, empty_label=_("All my regions")
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        required=False,
        empty_label=_("All sectors"),
    )
    size = forms.ChoiceField(
        label=_("Organisation size"),
        required=False,
        choices=[("", _("All sizes")), *OrganisationSize.choices],
    )

    def __init__(self, data=None, *, user, **kwargs):
        super().__init__(data, **kwargs)
        # Only the person's own regions can be chosen: another is a form error,
        # and the scope stays theirs whatever the query string says.
        self.fields["region"].queryset = visible_regions(user)
        # Choices from lists read once (a model choice field would read its table again).
        self.fields["region"].choices = [("", self.fields["region"].empty_label)] + [
            (region.pk, str(region)) for region in visible_regions(user)
        ]
        self.fields["sector"].choices = [("", self.fields["sector"].empty_label)] + [
            (sector.pk, str(sector)) for sector in Sector.objects.all()
        ]
        titles = titles_by_key(ProgrammePage)
        self.fields["programme"].choices = [("", _("All programmes"))] + sorted(
            ((str(key), title) for key, title in titles.items()), key=lambda item: item[1].lower()
        )

    def filters(self) -> OrganisationFilters:
        """The valid choices; one that is not valid is dropped (a region outside the scope)."""
        data: dict = {}
        if self.is_bound:
            self.is_valid()
            data = self.cleaned_data
        return OrganisationFilters(
            region=data.get("region"),
            programme_key=data.get("programme") or "",
            sector=data.get("sector"),
            size=data.get("size") or "",
        )


class OrganisationReportView(AdminReportView):
    """What both reports share: who may see them, the filters, the menu of reports."""

    template_name = "organisations/statistics/report.html"
    header_icon = "group"
    filter_form_class = OrganisationFilterForm
    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        Suppressed: {"csv": str, "xlsx": str},
    }

    # Exported column -> its name and definition in `learning.statistics.definitions`.
    definition_keys: dict[str, str] = {}

    def user_may_view(self, user) -> bool:
        return can_view_statistics(user)

    @property
    def export_headings(self):
        return {
            field: figure_name(key, k=self.k)
            if "%(k)s" in str(FIGURES[key].name)
            else FIGURES[key].name
            for field, key in self.definition_keys.items()
        }

    def get_definitions(self) -> list[tuple[str, str, str]]:
        return [
            (field, str(self.export_headings[field]), self.definition_of(field))
            for field in self.list_export
        ]

    def definition_of(self, field: str) -> str:
        key = self.definition_keys[field]
        text = str(FIGURES[key].definition)
        return definition(key, k=self.k) if "%(k)s" in text else text

    def get_export_metadata(self) -> list[tuple[str, str]]:
        if sees_all_regions(self.request.user):
            scope = gettext("All regions")
        else:
            # The region filter's choices are the person's regions, read once already.
            regions = [str(label) for pk, label in self.filter_form.fields["region"].choices if pk]
            scope = gettext("Your regions: %(regions)s") % {"regions": ", ".join(regions) or "–"}
        values = {"k": self.k, "hidden_mark": str(SUPPRESSED)}
        rule = " ".join(
            [
                gettext(
                    "Only verified organisations enrolled in a programme are listed, and only "
                    "their staff who consented to statistics are counted."
                ),
                gettext(
                    "To protect individuals, an organisation with fewer than %(k)s staff "
                    "counted shows no completion status and no overdue flag "
                    "(“%(hidden_mark)s”), and is counted neither as active nor as at the target."
                )
                % values,
            ]
        )
        return [
            *super().get_export_metadata(),
            (gettext("Scope"), scope),
            (gettext("Suppression rule"), rule),
        ]

    def get_filter_form_kwargs(self) -> dict:
        return {"user": self.request.user}

    @cached_property
    def k(self) -> int:
        return suppression.threshold()

    @cached_property
    def enrolments(self):
        return enrolment_rows(self.request.user, self.filter_form.filters(), self.k)

    @cached_property
    def labels(self) -> dict[str, dict]:
        return group_labels(self.enrolments)

    def label(self, dimension: str, key) -> str:
        if key in (None, ""):
            return gettext("Not given")
        return str(self.labels[dimension].get(key, gettext("Not given")))

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": reverse("learning_statistics:overview"), "label": _("Statistics")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            k=self.k,
            hidden_mark=str(SUPPRESSED),
            columns=[(field, self.export_headings[field]) for field in self.list_export],
            reports=report_links(),
            active_report=self.request.path,
        )
        return context


class OrganisationSummaryView(OrganisationReportView):
    """Per programme, or per programme and region, sector or size: organisations enrolled,
    active and at the target."""

    template_name = "organisations/statistics/summary.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.dimension = kwargs.get("dimension", "programme")
        if self.dimension not in DIMENSION_LABELS:
            raise Http404

    @property
    def page_title(self):
        return PAGE_TITLES[self.dimension]

    def get_filename(self) -> str:
        return f"statistics-organisations-by-{self.dimension}"

    @property
    def list_export(self):
        groups = [] if self.dimension == "programme" else ["group"]
        return ["programme", *groups, "enrolled", "small", "active", "at_target"]

    @property
    def definition_keys(self) -> dict[str, str]:
        keys = {
            "programme": "org_programme",
            "enrolled": "org_enrolled",
            "small": "org_small",
            "active": "org_active",
            "at_target": "org_at_target",
        }
        if self.dimension != "programme":
            keys["group"] = DIMENSION_KEYS[self.dimension]
        return keys

    def get_rows(self) -> list[dict]:
        counts = summary_counts(self.enrolments, self.dimension)
        titles = {row.programme.key: row.programme.title for row in self.enrolments}
        by_programme: dict = {}
        for row in counts:
            by_programme.setdefault(row["programme_key"], []).append(row)
        rows = []
        for programme_key, group in by_programme.items():
            # Each programme's rows are a table of their own: they add up to its total.
            for row in suppression.protect_rows(group, SUMMARY_FIGURES, self.k):
                row["programme"] = titles[programme_key]
                if self.dimension != "programme":
                    row["group"] = self.label(self.dimension, row["group"])
                rows.append(row)
        return sorted(
            rows, key=lambda row: (row["programme"].lower(), str(row.get("group", "")).lower())
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tabs"] = [
            (
                label,
                reverse("organisation_statistics:summary")
                if dimension == "programme"
                else reverse("organisation_statistics:summary_by", args=[dimension]),
                dimension == self.dimension,
            )
            for dimension, label in DIMENSION_LABELS.items()
        ]
        # The menu marks the summary whichever breakdown is shown.
        context["active_report"] = reverse("organisation_statistics:summary")
        return context


def safe_cell(value):
    """Names typed by registrants, defused: a spreadsheet runs a cell that starts like a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


class OrganisationTableView(OrganisationReportView):
    """Every enrolment of the organisations in scope: a status and a staff band, no figures."""

    custom_field_preprocess = {"organisation": {"csv": safe_cell, "xlsx": safe_cell}}

    page_title = _("Each organisation's progress")
    list_export = [
        "organisation",
        "region",
        "sector",
        "size",
        "programme",
        "due_date",
        "staff",
        "status",
        "overdue",
    ]
    definition_keys = {field: f"org_{field}" for field in list_export}

    def get_filename(self) -> str:
        return "statistics-organisations"

    def get_rows(self) -> list[dict]:
        rows = []
        for enrolment in self.enrolments:
            status = enrolment.status
            overdue = enrolment.is_overdue
            rows.append(
                {
                    "organisation": enrolment.organisation,
                    "region": self.label("region", enrolment.region_id),
                    "sector": self.label("sector", enrolment.sector_id),
                    "size": self.label("size", enrolment.size),
                    "programme": enrolment.programme.title,
                    "due_date": enrolment.due_date,
                    "staff": staff_band(enrolment.staff, self.k),
                    "status": SUPPRESSED if status is None else str(STATUS_LABELS[status]),
                    "overdue": SUPPRESSED
                    if overdue is None
                    else (gettext("Yes") if overdue else gettext("No")),
                    "is_overdue": bool(overdue),
                }
            )
        return rows
