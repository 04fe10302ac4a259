"""Statistics reports in the Wagtail admin, each exportable as CSV and XLSX."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import connections, transaction
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from . import queries
from . import suppression as cells
from .filters import StatisticsFilterForm
from .routing import statistics_reads
from .scope import can_view_statistics, min_cell_size
from .suppression import Suppressed

DIMENSION_LABELS = {
    "region": _("By region"),
    "programme": _("By programme"),
    "module": _("By module"),
    "sector": _("By sector"),
    "language": _("By language"),
    "organisation_size": _("By organisation size"),
}
DIMENSION_HEADINGS = {
    "region": _("Region"),
    "programme": _("Programme"),
    "module": _("Module"),
    "sector": _("Sector"),
    "language": _("Language"),
    "organisation_size": _("Organisation size"),
}


def _text(value) -> str:
    return cells.display(value)


class StatisticsView(SpreadsheetExportMixin, WagtailAdminTemplateMixin, TemplateView):
    """Base for every report: permission, scope, filters, suppression, export."""

    template_name = "learning/statistics/report.html"
    header_icon = "table"
    report_name = ""
    # A template adding report-specific fields to the shared filter form.
    extra_filters_template = ""
    # What the report's chart draws: {"kind", "title", "label_key", "value_key"}.
    chart: dict | None = None
    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        Suppressed: {"csv": str, "xlsx": str},
        float: {"csv": lambda v: f"{v:.1f}", "xlsx": None},
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_view_statistics(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def k(self) -> int:
        return min_cell_size()

    @cached_property
    def filter_form(self) -> StatisticsFilterForm:
        data = self.request.GET if any(k != "export" for k in self.request.GET) else None
        return StatisticsFilterForm(data, user=self.request.user)

    @cached_property
    def filters(self):
        return self.filter_form.filters()

    def get_filename(self) -> str:
        return f"statistics-{self.report_name}"

    def get_rows(self) -> list[dict]:
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        with (
            statistics_reads() as alias,
            transaction.atomic(using=alias),
            connections[alias].cursor() as cursor,
        ):
            if connections[alias].vendor == "postgresql":
                # Reports aggregate up to millions of rows in a few queries: give
                # their sorts memory, and skip JIT compilation, which costs more
                # than it saves on queries of a few hundred milliseconds.
                cursor.execute("SET LOCAL work_mem = '64MB'")
                cursor.execute("SET LOCAL jit = off")
                cursor.execute("SET LOCAL parallel_setup_cost = 100")
                cursor.execute("SET LOCAL parallel_tuple_cost = 0.01")
            rows = self.get_rows()
        if self.is_export:
            return self.as_spreadsheet(rows, request.GET.get("export"))
        context = self.get_context_data(rows=rows, **kwargs)
        return self.render_to_response(context)

    def get_breadcrumbs_items(self):
        items = [{"url": reverse("wagtailadmin_home"), "label": _("Home")}]
        if self.report_name != "overview":
            items.append({"url": reverse("learning_statistics:overview"), "label": _("Statistics")})
        return items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            filter_form=self.filter_form,
            chart=self.chart,
            k=self.k,
            columns=[(field, self.export_headings[field]) for field in self.list_export],
            reports=report_links(),
            active_report=self.request.path,
            xlsx_url=self.xlsx_export_url,
            csv_url=self.csv_export_url,
        )
        return context


def report_links() -> list[tuple[str, str]]:
    links = [(_("Overview"), reverse("learning_statistics:overview"))]
    links += [
        (label, reverse("learning_statistics:breakdown", args=[dimension]))
        for dimension, label in DIMENSION_LABELS.items()
    ]
    links += [
        (_("Completions over time"), reverse("learning_statistics:over_time")),
        (_("Programme funnel"), reverse("learning_statistics:funnel")),
        (_("Question analysis"), reverse("learning_statistics:questions")),
    ]
    return links


class OverviewView(StatisticsView):
    page_title = _("Statistics")
    report_name = "overview"
    template_name = "learning/statistics/overview.html"
    list_export = ["measure", "value"]
    export_headings = {"measure": _("Measure"), "value": _("Value")}

    def get_rows(self) -> list[dict]:
        k = self.k
        figures = queries.overview(self.request.user, self.filters)
        return [
            {"measure": _("Learners registered"), "value": cells.count(figures.registered, k)},
            {
                "measure": _("Learners who started a module"),
                "value": cells.count(figures.started, k),
            },
            {
                "measure": _("Learners who completed at least one module"),
                "value": cells.count(figures.completed, k),
            },
            {
                "measure": _("Completion rate (%)"),
                "value": cells.rate(figures.completed, figures.started, k),
            },
            {
                "measure": _("Average best score (%)"),
                "value": cells.average(figures.average_best_score, figures.completed, k),
            },
            {
                "measure": _("First-attempt pass rate (%)"),
                "value": cells.rate(
                    figures.first_attempts_passed,
                    figures.first_attempts,
                    k,
                    figures.first_attempt_learners,
                ),
            },
        ]


class BreakdownView(StatisticsView):
    report_name = "breakdown"
    chart = {
        "kind": "bar",
        "title": _("Learners who completed"),
        "label_key": "label",
        "value_key": "completed",
    }
    list_export = [
        "label",
        "started",
        "completed",
        "completion_rate",
        "completions",
        "average_best_score",
    ]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.dimension = kwargs.get("dimension", "")
        if self.dimension not in DIMENSION_LABELS:
            raise Http404

    @property
    def page_title(self):
        return DIMENSION_LABELS[self.dimension]

    def get_filename(self) -> str:
        return f"statistics-by-{self.dimension.replace('_', '-')}"

    @property
    def export_headings(self):
        return {
            "label": DIMENSION_HEADINGS[self.dimension],
            "started": _("Learners who started"),
            "completed": _("Learners who completed"),
            "completion_rate": _("Completion rate (%)"),
            "completions": _("Module completions"),
            "average_best_score": _("Average best score (%)"),
        }

    def get_rows(self) -> list[dict]:
        k = self.k
        return [
            {
                "label": row.label,
                "started": cells.count(row.started, k),
                "completed": cells.count(row.completed, k),
                "completion_rate": cells.rate(row.completed, row.started, k),
                "completions": cells.count(row.completions, k, learners=row.completed),
                "average_best_score": cells.average(row.average_best_score, row.completed, k),
            }
            for row in queries.breakdown(self.request.user, self.filters, self.dimension)
        ]


class OverTimeView(StatisticsView):
    page_title = _("Completions over time")
    extra_filters_template = "learning/statistics/period_filter.html"
    report_name = "over-time"
    chart = {
        "kind": "line",
        "title": _("Learners who completed"),
        "label_key": "period",
        "value_key": "learners",
    }
    list_export = ["period", "learners", "completions"]
    export_headings = {
        "period": _("Period starting"),
        "learners": _("Learners who completed"),
        "completions": _("Module completions"),
    }

    @property
    def period(self) -> str:
        return "week" if self.request.GET.get("period") == "week" else "month"

    def get_filename(self) -> str:
        return f"statistics-completions-per-{self.period}"

    def get_rows(self) -> list[dict]:
        k = self.k
        return [
            {
                "period": point.period,
                "learners": cells.count(point.learners, k),
                "completions": cells.count(point.completions, k, learners=point.learners),
            }
            for point in queries.completions_over_time(self.request.user, self.filters, self.period)
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["period"] = self.period
        return context


class FunnelView(StatisticsView):
    page_title = _("Programme funnel")
    report_name = "funnel"
    list_export = ["label", "registered", "started", "completed", "completion_rate"]
    export_headings = {
        "label": _("Programme"),
        "registered": _("Learners registered in its regions"),
        "started": _("Learners who started it"),
        "completed": _("Learners who completed all of it"),
        "completion_rate": _("Completion rate (%)"),
    }

    def get_rows(self) -> list[dict]:
        k = self.k
        rows = []
        for row in queries.programme_funnel(self.request.user, self.filters):
            item = {
                "label": row.label,
                "registered": cells.count(row.registered, k),
                "started": cells.count(row.started, k),
                "completed": cells.count(row.completed, k),
                "completion_rate": cells.rate(row.completed, row.started, k),
            }
            item["steps"] = [
                {"label": self.export_headings[step], "value": item[step]}
                for step in ("registered", "started", "completed")
            ]
            rows.append(item)
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["funnel"] = True
        return context


class QuestionsView(StatisticsView):
    page_title = _("Question analysis")
    report_name = "questions"
    template_name = "learning/statistics/questions.html"

    @cached_property
    def languages(self) -> list[tuple[str, str]]:
        from django.conf import settings

        return list(settings.LANGUAGES)

    @property
    def list_export(self):
        fields = ["position", "prompt", "learners", "answers", "correct_rate"]
        return fields + [f"rate_{code}" for code, _name in self.languages]

    @property
    def export_headings(self):
        headings = {
            "position": _("No."),
            "prompt": _("Question"),
            "learners": _("Learners who answered"),
            "answers": _("Answers"),
            "correct_rate": _("Answered right, all languages (%)"),
        }
        for code, name in self.languages:
            headings[f"rate_{code}"] = _("Answered right in %(language)s (%%)") % {"language": name}
        return headings

    def get_rows(self) -> list[dict]:
        module_key = self.filters.module_key
        if not module_key:
            return []
        k = self.k
        rows = []
        for row in queries.question_analysis(self.request.user, self.filters, module_key):
            item = {
                "position": row.position,
                "prompt": row.prompt,
                "learners": cells.count(row.learners, k),
                "answers": cells.count(row.answers, k, learners=row.learners),
                "correct_rate": cells.rate(row.correct, row.answers, k, row.learners),
            }
            for code, _name in self.languages:
                learners, answers, correct = row.by_language.get(code, (0, 0, 0))
                item[f"rate_{code}"] = cells.rate(correct, answers, k, learners)
            rows.append(item)
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["module_chosen"] = bool(self.filters.module_key)
        context["languages"] = self.languages
        return context
