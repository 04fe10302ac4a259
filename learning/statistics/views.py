"""Statistics reports in the Wagtail admin, each exportable as CSV and XLSX."""

from __future__ import annotations

import dataclasses

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connections, transaction
from django.db.models import Count as CountOf
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from admin_reports.views import AdminReportView
from modules.quiz import MULTIPLE_CHOICE

from . import figures, funnel_groups, subregions, suppression
from .definitions import FIGURES, OVERVIEW_PROGRAMME_LABELS, definition
from .definitions import name as figure_name
from .filters import (
    SMALL_SELECTION,
    StatisticsFilterForm,
    StatisticsFilters,
    date_resolution,
    snap_dates,
)
from .memo import remembered
from .routing import statistics_reads
from .scope import can_view_statistics, sees_all_regions
from .suppression import SUPPRESSED, Count, Mean, Share, Suppressed

DIMENSION_LABELS = {
    "region": _("By region"),
    "subregion": _("By sub-region"),
    "programme": _("By programme"),
    "module": _("By module"),
    "sector": _("By sector"),
    "language": _("By language"),
    "organisation_size": _("By organisation size"),
}
# A breakdown's first column, named and defined in `definitions` under the dimension.
DIMENSION_HEADINGS = {dimension: FIGURES[dimension].name for dimension in DIMENSION_LABELS}

# The figures of a breakdown row; its counts add up, row by row, to the
# overview with the same filters.
BREAKDOWN_FIGURES = {
    "started": Count("started"),
    "completed": Count("completed"),
    "completion_rate": Share("completed", "started", rests_on=("completed", "started")),
    "completions": Count("completions", learners="completed", rests_on=("completed",)),
    "average_best_score": Mean("average_best_score", "completed", rests_on=("completed",)),
}
# A breakdown row as checked for a report filtered to its group: with the
# learners registered in the group, which the overview shows.
SELECTION_FIGURES = {"registered": Count("registered"), **BREAKDOWN_FIGURES}
# The figures of a programme funnel row. Programmes share learners and regions:
# adding their columns up errs on the safe side.
FUNNEL_FIGURES = {
    "registered": Count("registered"),
    "started": Count("started"),
    "completed": Count("completed"),
    "completion_rate": Share("completed", "started", rests_on=("completed", "started")),
}

# Dimensions whose groups split the learners between them (a learner who moved
# keeps each record where it was made), as (filter, learner profile field).
# A report filtered to one such group shows what the breakdown by that
# dimension shows in the group's row, so it must hide what that row hides:
# otherwise a figure hidden there as a partner of a small one could be read
# here, and subtracted. Modules and programmes share their learners: their
# figures do not add up to the overview and give nothing away by subtraction.
# Sub-regions split their region's learners (`subregions`).
SPLITTING_DIMENSIONS = {
    "region": "region_id",
    "subregion": "subregion_id",
    "sector": "sector_id",
    "organisation_size": "organisation_size",
    "language": "preferred_language",
}
NO_CHOICE = figures.NO_CHOICE
NO_ACTIVITY = {"started": 0, "completed": 0, "completions": 0, "average_best_score": None}


class StatisticsView(AdminReportView):
    """Base for every statistics report: scope, filters, suppression, export.

    A report returns its raw counts (`get_figures`) and says how each shown
    figure is made from them (`figure_columns`, `row_lines`); every table of
    every report, shown or exported, then goes through the one suppression
    rule here (`suppression.protect_rows`, in `get_rows`).
    """

    template_name = "learning/statistics/report.html"
    header_icon = "table"
    report_name = ""
    filter_form_class = StatisticsFilterForm
    # What the report's chart draws: {"kind", "title", "label_key", "value_key"}.
    chart: dict | None = None
    # Shown figure -> how it is made from the raw counts (suppression.Count/Share/Mean).
    figure_columns: dict = {}
    # Exported column -> its name and definition in `definitions.FIGURES`.
    definition_keys: dict[str, str] = {}
    # Figures within each row that add up to another figure of the row: (parts, total).
    row_lines: tuple = ()
    # The filters the figures were computed with, and "week" or "month" when
    # their dates were widened to whole ones.
    filters: StatisticsFilters
    dates_widened_to = ""
    # The dimension whose breakdown hides the group the filters chose ("" if none).
    hidden_selection = ""
    # Whether the report shows programme completion (the funnel's figures), which
    # the breakdowns' check does not cover.
    shows_programme_completion = False

    @property
    def split_by(self) -> str:
        """The dimension whose groups a document asks this report for one after
        the other (`report_figures(…, split_by=…)`): the report then reads its
        group from the split it shares with the others. Pages never set it."""
        return self.kwargs.get("split_by", "")

    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        Suppressed: {"csv": str, "xlsx": str},
        float: {"csv": lambda v: f"{v:.1f}", "xlsx": None},
    }

    def user_may_view(self, user) -> bool:
        return can_view_statistics(user)

    def get_filter_form_kwargs(self) -> dict:
        return {"user": self.request.user}

    @cached_property
    def k(self) -> int:
        return suppression.threshold()

    def widen_dates(self, chosen: StatisticsFilters) -> tuple[StatisticsFilters, str]:
        """The filters with their dates widened to whole weeks, or months in a small
        selection (`filters.date_resolution`), and which of the two ("" if the
        dates were whole already): two windows a day apart never isolate a
        learner's day."""
        if not (chosen.date_from or chosen.date_to):
            return chosen, ""
        undated = dataclasses.replace(chosen, date_from=None, date_to=None)
        user = self.request.user
        if self.split_by and getattr(undated, self.split_by):
            started = figures.learners_started_in_group(user, undated, self.split_by)
        else:
            started = remembered(
                "learners-started", user, undated, lambda: figures.learners_started(user, undated)
            )
        resolution = date_resolution(started, self.k)
        widened = snap_dates(chosen, resolution)
        unchanged = (widened.date_from, widened.date_to) == (chosen.date_from, chosen.date_to)
        return widened, "" if unchanged else resolution

    def guarded_dimensions(self) -> tuple[str, ...]:
        """The filters whose chosen group must be checked against its breakdown."""
        return tuple(SPLITTING_DIMENSIONS)

    def find_hidden_selection(self) -> str:
        """The first dimension whose breakdown, with the other filters the same,
        hides any figure of the group chosen for it ("" if none)."""
        user = self.request.user
        for dimension in self.guarded_dimensions():
            chosen = getattr(self.filters, dimension)
            if not chosen:
                continue
            others = dataclasses.replace(self.filters, **{dimension: NO_CHOICE[dimension]})
            table = remembered(
                "selection-table",
                user,
                others,
                lambda others=others, dimension=dimension: self.selection_table(others, dimension),
                dimension,
                self.k,
            )
            key = (
                subregions.chosen_key(self.filters)
                if dimension == "subregion"
                else getattr(chosen, "pk", chosen)
            )
            group = table.get(key)
            if group and any(group[column] is SUPPRESSED for column in SELECTION_FIGURES):
                return dimension
        if self.shows_programme_completion:
            # The funnel split by the chosen group's dimension must not hide that
            # group's row either (`funnel_groups`, `subregions` for sub-regions):
            # the figures shown here would give a hidden one away by subtraction.
            for dimension in self.guarded_dimensions():
                if not getattr(self.filters, dimension):
                    continue
                if dimension == "subregion":
                    hides = subregions.funnel_hides_subregion(user, self.filters)
                else:
                    hides = funnel_groups.hides_group(user, self.filters, dimension)
                if hides:
                    return dimension
        return ""

    def selection_table(self, others: StatisticsFilters, dimension: str) -> dict:
        """{group: its protected row} of the breakdown by `dimension` for `others`."""
        user = self.request.user
        # The rows in the order the breakdown shows them, so that the same
        # partners are hidden; then groups with learners but no activity.
        rows = {
            row.key: {
                "registered": 0,
                "started": row.started,
                "completed": row.completed,
                "completions": row.completions,
                "average_best_score": row.average_best_score,
            }
            for row in figures.breakdown(user, others, dimension)
        }
        if dimension == "subregion":
            registered = subregions.registered_by_subregion(user, others).items()
        else:
            registered = (
                figures.registered_learners(user, others)
                .order_by()
                .values_list(SPLITTING_DIMENSIONS[dimension])
                .annotate(learners=CountOf("pk"))
            )
        for group_key, learners in registered:
            rows.setdefault(group_key, dict(NO_ACTIVITY))["registered"] = learners
        groups = subregions.row_groups(list(rows)) if dimension == "subregion" else ()
        protected = suppression.protect_rows(
            list(rows.values()), SELECTION_FIGURES, self.k, row_groups=groups
        )
        return dict(zip(rows, protected, strict=True))

    def get_filename(self) -> str:
        return f"statistics-{self.report_name}"

    def definition_of(self, field: str) -> str:
        return definition(self.definition_keys[field])

    def get_definitions(self) -> list[tuple[str, str, str]]:
        return [
            (field, str(self.export_headings[field]), self.definition_of(field))
            for field in self.list_export
            if field in self.definition_keys
        ]

    def applied_filters(self) -> list[tuple[str, str]]:
        # The dates the figures were computed with: clamped and widened, as the page says.
        dates = {str(self.filter_form[field].label) for field in ("date_from", "date_to")}
        chosen = [
            (label, value) for label, value in super().applied_filters() if label not in dates
        ]
        for field in ("date_from", "date_to"):
            day = getattr(self.filters, field)
            if day:
                chosen.append((str(self.filter_form[field].label), date_format(day)))
        return chosen

    def scope_text(self) -> str:
        """Whose learners the figures count: the person's regions, never others'."""
        if sees_all_regions(self.request.user):
            return gettext("All regions")
        regions = ", ".join(str(region) for region in self.filter_form.regions)
        return gettext("Your regions: %(regions)s") % {"regions": regions or "–"}

    def suppression_text(self) -> str:
        """The rule as the legend on the page gives it, in one paragraph."""
        values = {"k": self.k, "hidden_mark": str(SUPPRESSED)}
        return " ".join(
            [
                gettext(
                    "Only learners who consented to statistics are counted. To protect "
                    "individuals, a figure about fewer than %(k)s learners is shown as "
                    "“%(hidden_mark)s”."
                )
                % values,
                gettext(
                    "So that it cannot be worked out by subtraction, at least one other figure "
                    "of the same column is hidden with it, and so is every rate or average "
                    "resting on it: a hidden figure can be of any size. A dash (–) means there "
                    "is nothing to count."
                ),
            ]
        )

    def get_export_metadata(self) -> list[tuple[str, str]]:
        rows = [
            *super().get_export_metadata(),
            (gettext("Scope"), self.scope_text()),
            (gettext("Suppression rule"), self.suppression_text()),
        ]
        widened = self.widened_text()
        if widened:
            rows.append((gettext("Dates"), widened))
        if self.hidden_selection:
            rows.append((gettext("Hidden selection"), self.hidden_selection_text()))
        return rows

    def widened_text(self) -> str:
        values = {
            "widened_period": period_text(self.filters.date_from, self.filters.date_to)
            if self.dates_widened_to
            else "",
            "small_selection": SMALL_SELECTION * self.k,
        }
        if self.dates_widened_to == "month":
            return (
                gettext(
                    "The dates were widened to whole months (%(widened_period)s): fewer than "
                    "%(small_selection)s learners are in this selection, and shorter periods "
                    "could single one out."
                )
                % values
            )
        if self.dates_widened_to == "week":
            return (
                gettext(
                    "The dates were widened to whole weeks, Monday to Sunday "
                    "(%(widened_period)s), so that two periods a day apart cannot be compared "
                    "to single out a learner."
                )
                % values
            )
        return ""

    def hidden_selection_text(self) -> str:
        return gettext(
            "Every figure of this selection is hidden: the report “%(hidden_by_report)s” "
            "hides the group chosen in the filters to protect individuals, and the figures "
            "here would give away what it hides."
        ) % {"hidden_by_report": DIMENSION_LABELS[self.hidden_selection]}

    def get_figures(self) -> list[dict]:
        """The report's rows of raw counts, before suppression."""
        raise NotImplementedError

    def row_groups(self, rows: list[dict]) -> list[list[int]]:
        """Groups of the rows (their indexes) whose figures add up, column by column,
        to a figure the person can read elsewhere: a line each, besides the
        column's line against the overview (`suppression.protect_rows`)."""
        return []

    def present(self, rows: list[dict]) -> list[dict]:
        """The protected rows as the report shows them."""
        return rows

    def get(self, request, *args, **kwargs):
        if self.filter_form.blocks_figures():
            return self.refuse_filters()
        return super().get(request, *args, **kwargs)

    def get_rows(self) -> list[dict]:
        """The report's figures, protected, as it shows and exports them."""
        with (
            statistics_reads() as alias,
            transaction.atomic(using=alias),
            connections[alias].cursor() as cursor,
        ):
            if connections[alias].vendor == "postgresql":
                # Reports aggregate up to millions of rows in a few queries: give
                # their sorts memory, and skip JIT compilation, which costs more
                # than it saves on queries of a few hundred milliseconds.
                # One statement: each round trip counts on every report.
                cursor.execute(
                    "SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true), "
                    "set_config('parallel_setup_cost', '100', true), "
                    "set_config('parallel_tuple_cost', '0.01', true)"
                )
            self.filters, self.dates_widened_to = self.widen_dates(self.filter_form.filters())
            self.hidden_selection = self.find_hidden_selection()
            raw = self.get_figures()
        rows = suppression.protect_rows(
            raw, self.figure_columns, self.k, self.row_lines, row_groups=self.row_groups(raw)
        )
        if self.hidden_selection:
            rows = [{**row, **dict.fromkeys(self.figure_columns, SUPPRESSED)} for row in rows]
        return self.present(rows)

    def refuse_filters(self) -> HttpResponse:
        """Dates that cannot be read: no figures rather than figures for another period."""
        if self.is_export:
            form = self.filter_form
            lines = [gettext("No figures: correct the dates in the filters first.")]
            lines += [
                f"{form[field].label}: {error}"
                for field, errors in form.errors.items()
                if field in form.fields
                for error in errors
            ]
            return HttpResponse(
                "\n".join(lines), status=400, content_type="text/plain; charset=utf-8"
            )
        self.filters = self.filter_form.filters()
        context = self.get_context_data(rows=[], filters_refused=True)
        return self.render_to_response(context, status=400)

    def get_breadcrumbs_items(self):
        items = [{"url": reverse("wagtailadmin_home"), "label": _("Home")}]
        if self.report_name != "overview":
            items.append({"url": reverse("learning_statistics:overview"), "label": _("Statistics")})
        return items + [{"url": "", "label": self.get_page_title()}]

    @property
    def charts(self) -> list[dict]:
        """The charts drawn above the table, each as `chart` describes it."""
        return [self.chart] if self.chart else []

    def xlsx_charts(self, worksheet, rows: int) -> list:
        """The page's charts as native charts beside the exported table. A hidden
        figure is written as text, which the chart leaves out, as the page does."""
        from openpyxl.chart import BarChart, LineChart, Reference

        if not rows:
            return []
        found = []
        for spec in self.charts:
            if (
                spec["label_key"] not in self.list_export
                or spec["value_key"] not in self.list_export
            ):
                continue
            label_column = self.list_export.index(spec["label_key"]) + 1
            value_column = self.list_export.index(spec["value_key"]) + 1
            chart = LineChart() if spec["kind"] == "line" else BarChart()
            if spec["kind"] != "line":
                chart.type = "bar"  # horizontal, as on the page: long labels stay readable
            chart.title = str(spec["title"])
            chart.legend = None
            chart.height, chart.width = 7.5, 16
            values = Reference(
                worksheet, min_col=value_column, max_col=value_column, min_row=1, max_row=rows + 1
            )
            labels = Reference(worksheet, min_col=label_column, min_row=2, max_row=rows + 1)
            chart.add_data(values, titles_from_data=True)
            chart.set_categories(labels)
            found.append(chart)
        return found

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            charts=self.charts,
            k=self.k,
            hidden_mark=str(SUPPRESSED),
            columns=[(field, self.export_headings[field]) for field in self.list_export],
            reports=report_links(),
            active_report=self.request.path,
        )
        if self.hidden_selection:
            context["hidden_by_report"] = DIMENSION_LABELS[self.hidden_selection]
        if self.dates_widened_to:
            context.update(
                dates_widened_to=self.dates_widened_to,
                widened_period=period_text(self.filters.date_from, self.filters.date_to),
                small_selection=SMALL_SELECTION * self.k,
            )
        return context


def period_text(start, end) -> str:
    if start and end:
        return f"{date_format(start)} – {date_format(end)}"
    if start:
        return gettext("from %(date)s") % {"date": date_format(start)}
    return gettext("until %(date)s") % {"date": date_format(end)}


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
    # Reports of apps above this one (the organisations'), which learning does not import.
    for more_links in hooks.get_hooks("statistics_report_links"):
        links += more_links()
    return links


class OverviewView(StatisticsView):
    shows_programme_completion = True
    page_title = _("Statistics")
    report_name = "overview"
    template_name = "learning/statistics/overview.html"
    list_export = ["measure", "value"]
    export_headings = {"measure": FIGURES["measure"].name, "value": FIGURES["value"].name}
    definition_keys = {"measure": "measure", "value": "value"}
    # One row of figures, none of which adds up to another.
    figure_columns = {
        "registered": Count("registered", additive=False),
        "started": Count("started", additive=False),
        "completed": Count("completed", additive=False),
        "completion_rate": Share("completed", "started", rests_on=("completed", "started")),
        "average_best_score": Mean("average_best_score", "completed", rests_on=("completed",)),
        "first_attempt_pass_rate": Share(
            "first_attempts_passed", "first_attempts", learners="first_attempt_learners"
        ),
        "currently_certified": Count("currently_certified", additive=False),
    }
    # Each shown figure, by its key in `definitions.FIGURES`.
    measures = (
        "registered",
        "started",
        "completed",
        "completion_rate",
        "average_best_score",
        "first_attempt_pass_rate",
        "currently_certified",
    )
    # The headline, per programme: the programme funnel's figures, hidden as the funnel
    # hides them (the same counts through the same rule), so nothing new is published.
    programme_measures = {
        "completed": "overview_programme_completed",
        "completion_rate": "overview_programme_completion_rate",
    }
    programme_columns = {
        "started": FUNNEL_FIGURES["started"],
        "completed": FUNNEL_FIGURES["completed"],
        "completion_rate": FUNNEL_FIGURES["completion_rate"],
    }
    programmes: list[dict] = []

    def get_figures(self) -> list[dict]:
        self.programmes = [
            {"label": row.label, "started": row.started, "completed": row.completed}
            for row in figures.programme_completion(self.request.user, self.filters)
        ]
        return [dataclasses.asdict(figures.overview(self.request.user, self.filters))]

    def present(self, rows: list[dict]) -> list[dict]:
        [overview] = rows
        programmes = suppression.protect_rows(self.programmes, self.programme_columns, self.k)
        if self.hidden_selection:
            programmes = [
                {**row, **dict.fromkeys(self.programme_columns, SUPPRESSED)} for row in programmes
            ]
        headline = [
            {
                "measure": str(OVERVIEW_PROGRAMME_LABELS[key]) % {"programme": programme["label"]},
                "value": programme[field],
                "key": key,
            }
            for programme in programmes
            for field, key in self.programme_measures.items()
        ]
        return headline + [
            {"measure": figure_name(key), "value": overview[key], "key": key}
            for key in self.measures
        ]

    def get_definitions(self) -> list[tuple[str, str, str]]:
        keys = [*self.programme_measures.values(), *self.measures] if self.programmes else []
        keys = keys or list(self.measures)
        return [(key, figure_name(key), definition(key)) for key in keys]

    def export_definitions(self) -> list[tuple[str, str]]:
        columns = [(str(self.export_headings[f]), definition(f)) for f in self.list_export]
        return columns + super().export_definitions()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["headline_keys"] = list(self.programme_measures.values())
        return context


class BreakdownView(StatisticsView):
    report_name = "breakdown"
    chart = {
        "kind": "bar",
        "title": FIGURES["completed"].name,
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
    figure_columns = BREAKDOWN_FIGURES

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

    def guarded_dimensions(self) -> tuple[str, ...]:
        # This breakdown ignores the filter on its own dimension and shows every
        # group, as protected as anywhere; the language breakdown keeps it.
        own = () if self.dimension == "language" else (self.dimension,)
        return tuple(d for d in super().guarded_dimensions() if d not in own)

    @property
    def definition_keys(self) -> dict[str, str]:
        return {"label": self.dimension, **{field: field for field in self.list_export[1:]}}

    @property
    def export_headings(self):
        return {field: FIGURES[key].name for field, key in self.definition_keys.items()}

    def get_figures(self) -> list[dict]:
        return [
            {
                "label": row.label,
                "group": row.group,
                "started": row.started,
                "completed": row.completed,
                "completions": row.completions,
                "average_best_score": row.average_best_score,
            }
            for row in figures.breakdown(self.request.user, self.filters, self.dimension)
        ]

    def row_groups(self, rows: list[dict]) -> list[list[int]]:
        # A region's sub-regions add up to its row of the breakdown by region.
        if self.dimension != "subregion":
            return []
        return subregions.row_groups([(row["group"], None) for row in rows])


class OverTimeView(StatisticsView):
    page_title = _("Completions over time")
    extra_filters_template = "learning/statistics/period_filter.html"
    report_name = "over-time"
    chart = {
        "kind": "line",
        "title": FIGURES["period_completed"].name,
        "label_key": "period",
        "value_key": "learners",
    }
    cumulative_chart = {
        "kind": "line",
        "title": FIGURES["period_cumulative"].name,
        "label_key": "period",
        "value_key": "cumulative",
    }
    list_export = ["period", "learners", "cumulative", "completions"]
    definition_keys = {
        "period": "period",
        "learners": "period_completed",
        "cumulative": "period_cumulative",
        "completions": "completions",
    }
    export_headings = {field: FIGURES[key].name for field, key in definition_keys.items()}
    # The periods add up to the overview's learners who completed (a learner
    # completing in two periods is counted twice: the safe side).
    figure_columns = {
        "learners": Count("learners"),
        "completions": Count("completions", learners="learners", rests_on=("learners",)),
    }

    @property
    def period(self) -> str:
        return "week" if self.request.GET.get("period") == "week" else "month"

    def get_filename(self) -> str:
        return f"statistics-completions-per-{self.period}"

    def get_figures(self) -> list[dict]:
        return [
            {"period": point.period, "learners": point.learners, "completions": point.completions}
            for point in figures.completions_over_time(self.request.user, self.filters, self.period)
        ]

    @property
    def charts(self) -> list[dict]:
        return [self.chart, self.cumulative_chart]

    def present(self, rows: list[dict]) -> list[dict]:
        # From the protected figures, hidden from the first hidden period on
        # (`suppression.running_total`): computed after the rule, it can only
        # hide more, never show what the rule hid.
        totals = suppression.running_total([row["learners"] for row in rows])
        for row, total in zip(rows, totals, strict=True):
            row["cumulative"] = total
        return rows

    def applied_filters(self) -> list[tuple[str, str]]:
        by = gettext("Week") if self.period == "week" else gettext("Month")
        return [*super().applied_filters(), (gettext("Group by"), by)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["period"] = self.period
        return context


class FunnelView(StatisticsView):
    shows_programme_completion = True
    page_title = _("Programme funnel")
    report_name = "funnel"
    list_export = ["label", "registered", "started", "completed", "completion_rate"]
    definition_keys = {
        "label": "programme",
        "registered": "programme_registered",
        "started": "programme_started",
        "completed": "programme_completed",
        "completion_rate": "programme_completion_rate",
    }
    export_headings = {field: FIGURES[key].name for field, key in definition_keys.items()}
    figure_columns = FUNNEL_FIGURES

    def get_figures(self) -> list[dict]:
        return [
            {
                "label": row.label,
                "registered": row.registered,
                "started": row.started,
                "completed": row.completed,
            }
            for row in self.funnel_rows()
        ]

    def funnel_rows(self) -> list:
        if self.split_by and getattr(self.filters, self.split_by):
            return figures.programme_funnel_of_group(self.request.user, self.filters, self.split_by)
        return figures.programme_funnel(self.request.user, self.filters)

    def present(self, rows: list[dict]) -> list[dict]:
        for row in rows:
            row["steps"] = [
                {"label": self.export_headings[step], "value": row[step]}
                for step in ("registered", "started", "completed")
            ]
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["funnel"] = True
        return context


class QuestionsView(StatisticsView):
    """How each question of a module is answered: right or not, overall and per
    language, and which options learners chose on their first attempt.

    The question rows go through the base's suppression as one table (the
    languages of a question add up to its all-languages figures); the options
    of each question then form a table of their own (`protect_options`),
    hidden entirely where the filters' group is hidden."""

    page_title = _("Question analysis")
    report_name = "questions"
    template_name = "learning/statistics/questions.html"
    # The languages with answers in the person's scope and filters (set by get_figures).
    languages: list[tuple[str, str]] = []

    @property
    def list_export(self):
        fields = ["position", "prompt", "learners", "answers", "correct_rate"]
        for code, _name in self.languages:
            fields += [f"learners_{code}", f"answers_{code}", f"rate_{code}"]
        return fields + ["respondents", "option", "right_option", "chosen", "chosen_share"]

    @property
    def export_headings(self):
        headings = {
            "position": _("No."),
            "prompt": _("Question"),
            "learners": _("Learners who answered"),
            "answers": _("Answers"),
            "correct_rate": _("Answered right, all languages (%)"),
            "respondents": _("Learners who answered on their first attempt"),
            "option": _("Option"),
            "right_option": _("Right option"),
            "chosen": _("Learners who chose it on their first attempt"),
            "chosen_share": _("Chose it on their first attempt (%)"),
        }
        for code, name in self.languages:
            names = {"language": name}
            headings[f"learners_{code}"] = _("Learners who answered in %(language)s") % names
            headings[f"answers_{code}"] = _("Answers in %(language)s") % names
            headings[f"rate_{code}"] = _("Answered right in %(language)s (%%)") % names
        return headings

    definition_keys = {
        "position": "question_position",
        "prompt": "question_prompt",
        "learners": "question_learners",
        "answers": "question_answers",
        "correct_rate": "question_correct_rate",
        "respondents": "question_respondents",
        "option": "question_option",
        "right_option": "question_right_option",
        "chosen": "question_chosen",
        "chosen_share": "question_chosen_share",
    }

    def get_definitions(self) -> list[tuple[str, str, str]]:
        # On the page the rates per language share one definition, given once.
        generic = {"language": "…"}
        return [
            *super().get_definitions(),
            (
                "rate_language",
                figure_name("question_language_rate", **generic),
                definition("question_language_rate", **generic),
            ),
        ]

    def export_definitions(self) -> list[tuple[str, str]]:
        # In the export, one row per column, each language's rate included.
        return [
            (str(self.export_headings[field]), self.definition_of(field))
            for field in self.list_export
        ]

    def definition_of(self, field: str) -> str:
        for prefix in ("rate_", "learners_", "answers_"):
            if field.startswith(prefix):
                language = dict(self.languages)[field.removeprefix(prefix)]
                key = f"question_language_{prefix.removesuffix('_')}"
                return definition(key, language=language)
        return super().definition_of(field)

    @property
    def figure_columns(self) -> dict:
        # Questions are answered by the same learners: their rows do not add up.
        columns = {
            "learners": Count("learners", additive=False),
            "answers": Count(
                "answers", learners="learners", additive=False, rests_on=("learners",)
            ),
            "correct_rate": Share(
                "correct", "answers", learners="learners", rests_on=("learners", "answers")
            ),
        }
        for code, _name in self.languages:
            columns[f"learners_{code}"] = Count(
                f"learners_{code}", additive=False, rests_on=("learners",)
            )
            columns[f"answers_{code}"] = Count(
                f"answers_{code}",
                learners=f"learners_{code}",
                additive=False,
                rests_on=(f"learners_{code}",),
            )
            columns[f"rate_{code}"] = Share(
                f"correct_{code}",
                f"answers_{code}",
                f"learners_{code}",
                rests_on=("learners", f"answers_{code}"),
            )
        return columns

    @property
    def row_lines(self) -> tuple:
        # The learners, answers and right answers of each language add up to
        # the question's (its right answers: its share of its answers).
        codes = [code for code, _name in self.languages]
        return (
            (tuple(f"learners_{code}" for code in codes), "learners"),
            (tuple(f"answers_{code}" for code in codes), "answers"),
            (tuple(f"rate_{code}" for code in codes), "correct_rate"),
        )

    def get_figures(self) -> list[dict]:
        module_key = self.filters.module_key
        if not module_key:
            return []
        questions = figures.question_analysis(self.request.user, self.filters, module_key)
        used = {
            code
            for row in questions
            for code, (_l, answers, _c) in row.by_language.items()
            if answers
        }
        self.languages = [(code, name) for code, name in settings.LANGUAGES if code in used]
        rows = []
        for row in questions:
            item = {
                "position": row.position,
                "prompt": row.prompt,
                "learners": row.learners,
                "answers": row.answers,
                "correct": row.correct,
                "question_id": row.question_id,
                "kind": row.kind,
                "options": (row.respondents, row.options),
                "by_language": row.by_language,
            }
            for code, _name in self.languages:
                learners, answers, correct = row.by_language.get(code, (0, 0, 0))
                item |= {
                    f"learners_{code}": learners,
                    f"answers_{code}": answers,
                    f"correct_{code}": correct,
                }
            rows.append(item)
        return rows

    def present(self, rows: list[dict]) -> list[dict]:
        minimum = max(self.k, int(settings.STATISTICS_QUESTION_LANGUAGE_GAP_LEARNERS))
        gap = float(settings.STATISTICS_QUESTION_LANGUAGE_GAP)
        names = dict(self.languages)
        for row in rows:
            respondents, options = row.pop("options")
            raw_languages = row.pop("by_language")
            row["respondents"], row["choices"] = protect_options(
                row["kind"], respondents, options, self.k, hide_all=bool(self.hidden_selection)
            )
            row["several_right"] = sum(option.is_correct for option in options) > 1
            row["chart_label"] = question_label(row["position"], row["prompt"])
            row["languages"] = [
                {
                    "name": name,
                    "learners": row[f"learners_{code}"],
                    "answers": row[f"answers_{code}"],
                    "rate": row[f"rate_{code}"],
                }
                for code, name in self.languages
            ]
            shown = {
                code: raw_languages[code]
                for code in names
                if code in raw_languages and not isinstance(row[f"rate_{code}"], Suppressed)
            }
            row["flags"] = language_gap_flags(shown, names, minimum, gap)
        return rows

    def get_rows(self) -> list[dict]:
        chosen = self.filter_form.filters()
        if not chosen.module_key:
            # Nothing to count until a module is chosen: no transaction, no query.
            self.filters = chosen
            return []
        questions = super().get_rows()
        return self.export_rows(questions) if self.is_export else questions

    def export_rows(self, questions: list[dict]) -> list[dict]:
        """One row per option of each question, with the question's figures beside it."""
        rows = []
        for question in questions:
            for choice in question["choices"] or [{}]:
                rows.append(
                    {
                        **question,
                        "option": choice.get("text", ""),
                        "right_option": (
                            (gettext("Yes") if choice["is_correct"] else gettext("No"))
                            if choice
                            else ""
                        ),
                        "chosen": choice.get("learners"),
                        "chosen_share": choice.get("share"),
                    }
                )
        return rows

    @property
    def show_export_buttons(self) -> bool:
        # There is nothing to download until a module is chosen.
        filters = getattr(self, "filters", None)
        return bool(filters and filters.module_key)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        module_chosen = bool(self.filters.module_key)
        context["module_chosen"] = module_chosen
        context["languages"] = self.languages
        if not module_chosen:
            context["xlsx_url"] = context["csv_url"] = ""
        rows = context.get("rows") or []
        # The chart's accessible name: every question in full, with its share.
        context["chart_title"] = gettext(
            "Share of answers that were right, by question: %(questions)s"
        ) % {
            "questions": "; ".join(
                f"{question_label(row['position'], row['prompt'], short=False)}: "
                f"{percent(row['correct_rate'])}"
                for row in rows
            )
        }
        return context


def display(value) -> str:
    return suppression.figure_text(value)


def percent(value) -> str:
    """A share as "83.3%", or the hidden mark or a dash as they are."""
    text = display(value)
    return f"{text}%" if isinstance(value, float) else text


def question_label(position: int, prompt: str, *, short: bool = True) -> str:
    """ "Q2 Which sender…": the question's number and (the start of) its text."""
    text = prompt
    if short and len(prompt) > 24:
        # Cut at a word, so that the label does not read as another word.
        text = (prompt[:24].rsplit(" ", 1)[0] or prompt[:23]).rstrip(" ,.;:?!") + "…"
    return gettext("Q%(number)s %(question)s") % {"number": position, "question": text}


def protect_options(
    kind: str, respondents: int, options, k: int, *, hide_all: bool = False
) -> tuple[object, list[dict]]:
    """A question's learners on their first attempt and, per option, those who
    chose it and their share, or SUPPRESSED where the rule hides them.

    With one option per answer the options add up to the respondents: a line,
    so that a small option cannot be had as the respondents minus the others.
    With several (multiple choice) a learner counts under each option chosen
    and nothing adds up."""
    row = {"respondents": respondents}
    columns: dict = {"respondents": Count("respondents", additive=False)}
    for index, option in enumerate(options):
        row[f"option_{index}"] = option.learners
        columns[f"option_{index}"] = Count(f"option_{index}", additive=False)
        columns[f"share_{index}"] = Share(
            f"option_{index}",
            "respondents",
            learners=f"option_{index}",
            rests_on=(f"option_{index}", "respondents"),
        )
    lines = ()
    if kind != MULTIPLE_CHOICE:
        lines = ((tuple(f"option_{index}" for index in range(len(options))), "respondents"),)
    [protected] = suppression.protect_rows([row], columns, k, lines)
    if hide_all:
        protected = dict.fromkeys(protected, SUPPRESSED)
    choices = [
        {
            "text": option.text,
            "is_correct": option.is_correct,
            "learners": protected[f"option_{index}"],
            "share": protected[f"share_{index}"],
        }
        for index, option in enumerate(options)
    ]
    return protected["respondents"], choices


def language_gap_flags(shown: dict, names: dict, minimum: int, gap: float) -> list[str]:
    """Warnings for languages whose right-answer rate lies more than `gap`
    points from that of the other languages pooled, with at least `minimum`
    learners on each side.

    `shown`: language -> (learners, answers, right answers), only for the
    languages whose figures the report shows: the pooled rate then follows
    from shown figures (their answers and shares), and hides nothing."""
    flags = []
    for code, (learners, answers, correct) in shown.items():
        others = [figures for other, figures in shown.items() if other != code]
        other_learners = sum(figures[0] for figures in others)
        other_answers = sum(figures[1] for figures in others)
        if learners < minimum or other_learners < minimum or not answers or not other_answers:
            continue
        rate = 100 * correct / answers
        other_rate = 100 * sum(figures[2] for figures in others) / other_answers
        values = {
            "language": names[code],
            "rate": percent(round(rate, 1)),
            "others": percent(round(other_rate, 1)),
        }
        if rate < other_rate - gap:
            flags.append(
                gettext(
                    "Learners in %(language)s answer this right much less often than in "
                    "other languages (%(rate)s vs %(others)s): check the translation."
                )
                % values
            )
        # Higher: only against two or more languages, or it would repeat the
        # other language's warning the other way round.
        elif rate > other_rate + gap and len(others) > 1:
            flags.append(
                gettext(
                    "Learners in %(language)s answer this right much more often than in "
                    "other languages (%(rate)s vs %(others)s): check that the "
                    "translation does not give the answer away."
                )
                % values
            )
    return flags


@dataclasses.dataclass
class ReportFigures:
    """A report's protected rows, computed as its page computes them, and what the
    page says beside them (dates widened, the selection hidden)."""

    rows: list[dict]
    filters: StatisticsFilters
    dates_widened_to: str
    hidden_selection: str
    notes: list[str]
    scope: str
    suppression_rule: str


def report_figures(view_class: type[StatisticsView], user, query: dict, **kwargs) -> ReportFigures:
    """The rows the report `view_class` shows `user` for the filters in `query` (as
    its query string would give them), for documents made outside a request, such
    as the programme report: the view's own code computes and protects them, so a
    document hides what the page hides for the same filters, never less.

    Raises PermissionDenied for someone who may not see the report, and
    ValueError for dates the report would refuse."""
    request = HttpRequest()
    request.method = "GET"
    request.user = user
    request.GET = QueryDict(mutable=True)
    for key, value in query.items():
        if value not in (None, ""):
            request.GET[key] = str(value)
    view = view_class()
    view.setup(request, **kwargs)
    if not view.user_may_view(user):
        raise PermissionDenied
    if view.filter_form.blocks_figures():
        raise ValueError(dict(view.filter_form.errors))
    rows = view.get_rows()
    notes = [view.widened_text()]
    if view.hidden_selection:
        notes.append(view.hidden_selection_text())
    return ReportFigures(
        rows=rows,
        filters=view.filters,
        dates_widened_to=view.dates_widened_to,
        hidden_selection=view.hidden_selection,
        notes=[note for note in notes if note],
        scope=view.scope_text(),
        suppression_rule=view.suppression_text(),
    )
