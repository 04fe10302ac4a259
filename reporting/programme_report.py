"""The programme report: what a manager sends to the Managing Authority about one
programme and a period, as a PDF and as an Excel workbook.

Every figure comes from the statistics reports themselves: the programme funnel,
completions over time and the question analysis are computed by their own views
(`learning.statistics.views.report_figures`) for the same filters, so the report
hides exactly what those pages hide, never less. Progress against targets is the
manager's dashboard (`reporting.progress`). The report is built once, in the
reader's language and scope (`build_programme_report`), and then written out
(`render_pdf`, `render_xlsx`) without reading the database again.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from admin_reports.views import made_at, sheet_title
from impact.statistics.definitions import FIGURES as IMPACT_FIGURES
from impact.statistics.scope import responses_in_scope
from impact.statistics.views import GAIN_DEFINITIONS, GainView, SurveyResultsView
from learning.models import OrganisationSize
from learning.statistics import suppression
from learning.statistics.definitions import definition
from learning.statistics.definitions import name as figure_name
from learning.statistics.figures import subregion_label
from learning.statistics.filters import EARLIEST_DATE, LATEST_DATE, titles_by_key
from learning.statistics.memo import shared_figures
from learning.statistics.scope import can_view_statistics, visible_regions
from learning.statistics.suppression import SUPPRESSED, Suppressed
from learning.statistics.views import (
    DIMENSION_LABELS,
    FunnelView,
    OverTimeView,
    QuestionsView,
    period_text,
    report_figures,
)
from modules.models import (
    ModulePage,
    ProgrammeModule,
    ProgrammePage,
    Region,
    Sector,
    SubRegion,
    SurveyPage,
)
from modules.models.taxonomy import name_order
from organisations.records import FONTS

from .progress import progress_against_targets

# The reach tables: the programme funnel filtered to each group of these filters.
REACH_DIMENSIONS = ("region", "subregion", "sector", "organisation_size")
FUNNEL_COLUMNS = ("registered", "started", "completed", "completion_rate")
FUNNEL_KEYS = {
    "registered": "programme_registered",
    "started": "programme_started",
    "completed": "programme_completed",
    "completion_rate": "programme_completion_rate",
}
# The learning gain tables: the gain report filtered to the programme, by each of these.
GAIN_DIMENSIONS = ("region", "sector", "organisation_size")
GAIN_COLUMNS = tuple(GAIN_DEFINITIONS)
SURVEY_KEYS = (
    "survey_question",
    "survey_respondents",
    "survey_answer",
    "survey_chosen",
    "survey_share",
)
QUESTION_COLUMNS = {
    "position": "question_position",
    "prompt": "question_prompt",
    "learners": "question_learners",
    "answers": "question_answers",
    "correct_rate": "question_correct_rate",
}

# The target columns, which the statistics reports do not have.
TARGET_FIGURES = {
    "target_learners": (
        _("Target: learners who complete the programme"),
        _(
            "The number of the region's learners who are to complete every module of the "
            "programme by the target date, as set in the programme targets."
        ),
    ),
    "target_learners_share": (
        _("Share of the learners' target reached (%)"),
        _(
            "“Learners who completed all of it” divided by the target, as a percentage, rounded "
            "down and at most 100; none where either is hidden or not set."
        ),
    ),
    "target_organisations": (
        _("Target: organisations with their team trained"),
        _(
            "The number of the region's organisations that are to reach the programme's team "
            "completion target by the target date, as set in the programme targets."
        ),
    ),
    "target_organisations_share": (
        _("Share of the organisations' target reached (%)"),
        _(
            "“At the target” divided by the target for organisations, as a percentage, rounded "
            "down and at most 100; none where either is hidden or not set."
        ),
    ),
    "target_date": (
        _("Target date"),
        _("The day by which the region's targets for the programme are to be reached."),
    ),
}


class ReportInputError(ValueError):
    """A programme, region or date the person cannot have a report for."""


@dataclass
class Table:
    """One table of the report: its cells are numbers, text, or SUPPRESSED."""

    title: str
    headings: list[str]
    rows: list[list] = field(default_factory=list)
    # What the statistics pages say beside the same figures (dates widened, a hidden selection).
    notes: list[str] = field(default_factory=list)
    # "bar" or "line": the workbook draws the column `chart_column` against the first.
    chart: str = ""
    chart_column: int = 0
    empty_text: str = ""


@dataclass
class Section:
    key: str
    title: str
    tables: list[Table]
    intro: str = ""


@dataclass
class ProgrammeReport:
    programme_key: str
    programme_title: str
    date_from: datetime.date
    date_to: datetime.date
    region: Region | None
    language: str
    made_at: str
    k: int
    scope: str
    suppression_rule: str
    sections: list[Section]
    # (figure, definition) of every figure and column the report shows.
    definitions: list[tuple[str, str]]

    @property
    def title(self) -> str:
        return gettext("Programme report")

    @property
    def period(self) -> str:
        return period_text(self.date_from, self.date_to)

    def facts(self) -> list[tuple[str, str]]:
        """The title page: what the report is about, whose, when, and how it protects people."""
        facts = [
            (gettext("Programme"), self.programme_title),
            (gettext("Period"), self.period),
            (gettext("Scope"), self.scope),
        ]
        if self.region is not None:
            facts.append((gettext("Region"), self.region.display_name))
        return facts + [
            (gettext("Made at"), self.made_at),
            (gettext("Suppression rule"), self.suppression_rule),
        ]


# --- scope -------------------------------------------------------------------------


def programmes_in_scope(user) -> list[tuple[str, str]]:
    """(key, title) of the programmes offered in the person's regions (a programme
    naming no region is offered in all), by title in the active language."""
    region_ids = set(visible_regions(user).values_list("pk", flat=True))
    if not region_ids:
        return []
    offered: dict = {}
    for key, region_id in ProgrammePage.objects.values_list("translation_key", "regions"):
        offered.setdefault(key, set())
        if region_id:
            offered[key].add(region_id)
    keys = [key for key, regions in offered.items() if not regions or regions & region_ids]
    titles = titles_by_key(ProgrammePage, keys)
    return sorted(
        ((str(key), titles.get(key, "?")) for key in keys), key=lambda item: item[1].lower()
    )


def _check_input(user, programme_key: str, date_from, date_to, region) -> str:
    if not can_view_statistics(user):
        raise PermissionDenied
    titles = dict(programmes_in_scope(user))
    if str(programme_key) not in titles:
        raise ReportInputError(gettext("Choose a programme offered in your regions."))
    if region is not None and not visible_regions(user).filter(pk=region.pk).exists():
        raise ReportInputError(gettext("Choose one of your regions."))
    for day in (date_from, date_to):
        if not EARLIEST_DATE <= day <= LATEST_DATE:
            raise ReportInputError(
                gettext("Choose a date between %(first)s and %(last)s.")
                % {"first": EARLIEST_DATE.year, "last": LATEST_DATE.year}
            )
    if date_from > date_to:
        raise ReportInputError(gettext("The end date must be on or after the start date."))
    return titles[str(programme_key)]


# --- building ----------------------------------------------------------------------


def build_programme_report(
    user,
    programme_key,
    date_from: datetime.date,
    date_to: datetime.date,
    region: Region | None = None,
) -> ProgrammeReport:
    """The report on one programme for the period, in the active language and the
    person's scope (all their regions, or `region`, one of them).

    Raises PermissionDenied for someone who may not see statistics, and
    ReportInputError for a programme or region outside their scope or dates
    outside 2000–2099 or in the wrong order."""
    programme_key = str(programme_key)
    title = _check_input(user, programme_key, date_from, date_to, region)
    query = {
        "programme": programme_key,
        "region": region.pk if region else "",
        "date_from": date_from.isoformat(),
        "date_to": date_to.isoformat(),
    }
    k = suppression.threshold()
    with shared_figures():
        funnel = report_figures(FunnelView, user, query)
        sections = _sections(user, programme_key, query, funnel, region)
    return ProgrammeReport(
        programme_key=programme_key,
        programme_title=title,
        date_from=date_from,
        date_to=date_to,
        region=region,
        language=translation.get_language() or "en",
        made_at=made_at(),
        k=k,
        scope=funnel.scope,
        suppression_rule=funnel.suppression_rule,
        sections=sections,
        definitions=_definitions(k),
    )


def _sections(user, programme_key: str, query: dict, funnel, region) -> list[Section]:
    """The report's sections; the groups of a table share the figures they check."""
    return [
        Section(
            "reach",
            gettext("Reach"),
            _reach_tables(user, query, funnel),
            intro=gettext(
                "Learners registered in the programme's regions, who started it and who "
                "completed all of it, as the programme funnel gives them for the period, "
                "then for each region, sub-region, sector and organisation size."
            ),
        ),
        Section(
            "targets",
            gettext("Completion against targets"),
            [_targets_table(user, programme_key, region)],
            intro=gettext(
                "Learners and organisations in each region from the start of the programme "
                "to today, whatever the period, against the targets set for it."
            ),
        ),
        Section("trend", gettext("Completions over time"), [_trend_table(user, query)]),
        Section(
            "questions",
            gettext("Question analysis"),
            _question_tables(user, programme_key, query),
        ),
        Section(
            "gain",
            gettext("Learning gain"),
            _gain_tables(user, query),
            intro=gettext(
                "What learners knew before and after the programme, from its baseline and "
                "final knowledge checks, for the learners whose final check (or, without one, "
                "baseline check) falls in the period; and how much of it they still knew at "
                "the retention check. Only learners who took both the baseline and the final "
                "check count in the scores and the gain."
            ),
        ),
        Section(
            "surveys",
            gettext("Survey results"),
            _survey_tables(user, programme_key, query),
            intro=gettext(
                "The answers to the surveys placed before or after the programme, from their "
                "first response to today, whatever the period."
            ),
        ),
    ]


def _gain_tables(user, query: dict) -> list[Table]:
    headings = [IMPACT_FIGURES[key].name_text() for key in GAIN_DEFINITIONS.values()]
    tables = []
    for dimension in GAIN_DIMENSIONS:
        found = report_figures(GainView, user, query, dimension=dimension, with_total=True)
        tables.append(
            Table(
                str(DIMENSION_LABELS[dimension]),
                [IMPACT_FIGURES[dimension].name_text(), *headings],
                rows=[
                    [row["label"], *(row[column] for column in GAIN_COLUMNS)] for row in found.rows
                ],
                notes=found.notes,
                chart="bar",
                chart_column=1 + GAIN_COLUMNS.index("normalised_gain"),
                empty_text=gettext("No learner in these regions has taken the checks yet."),
            )
        )
    # Without any check record there is only the selection's empty total in each table.
    for table in tables:
        if len(table.rows) == 1 and table.rows[0][1] == 0 and table.rows[0][2] == 0:
            table.rows = []
            table.chart = ""
    return tables


def _survey_tables(user, programme_key: str, query: dict) -> list[Table]:
    keys = (
        responses_in_scope(user)
        .filter(programme_key=programme_key)
        .order_by()
        .values_list("survey_key", flat=True)
        .distinct()
    )
    titles = titles_by_key(SurveyPage, list(keys))
    headings = [IMPACT_FIGURES[key].name_text() for key in SURVEY_KEYS]
    tables = []
    for key in sorted(keys, key=lambda key: titles.get(key, "").lower()):
        found = report_figures(
            SurveyResultsView, user, {"survey": str(key), "region": query["region"]}
        )
        table = Table(titles.get(key, "?"), headings, notes=found.notes)
        for question in found.rows:
            prompt = f"{question['position']}. {question['prompt']}"
            answers = question["answers"] or [{"label": "", "chosen": None, "share": None}]
            for number, answer in enumerate(answers):
                table.rows.append(
                    [
                        prompt if number == 0 else "",
                        question["respondents"] if number == 0 else "",
                        answer["label"],
                        answer["chosen"],
                        answer["share"],
                    ]
                )
            for text in question["texts"]:
                context = f" ({text['context']})" if text["context"] else ""
                table.rows.append(["", "", f"“{text['text']}”{context}", "", ""])
        tables.append(table)
    return tables or [
        Table(
            gettext("Survey results"),
            headings,
            empty_text=gettext("No survey of this programme has responses in your regions yet."),
        )
    ]


def _unique(notes: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(notes))


def _funnel_cells(rows: list[dict]) -> list:
    # The funnel filtered to one programme has its row, or none when it has no modules.
    row = rows[0] if rows else {}
    return [row.get(column) for column in FUNNEL_COLUMNS]


def _funnel_headings(first: str) -> list[str]:
    return [first, *(figure_name(FUNNEL_KEYS[column]) for column in FUNNEL_COLUMNS)]


def _reach_groups(user, dimension: str, region: Region | None) -> list[tuple[object, str]]:
    if dimension == "region":
        regions = [region] if region else visible_regions(user)
        return sorted(((r.pk, r.display_name) for r in regions), key=lambda item: item[1].lower())
    if dimension == "subregion":
        # Grouped by region, as in the statistics' breakdown by sub-region.
        regions = [region] if region else visible_regions(user)
        found = SubRegion.objects.filter(region__in=regions).select_related("region")
        return [
            (s.pk, subregion_label(s.display_name, s.region.display_name))
            for s in sorted(
                found,
                key=lambda s: (name_order(s.region.display_name), name_order(s.display_name)),
            )
        ]
    if dimension == "sector":
        return sorted(
            ((s.pk, s.display_name) for s in Sector.objects.all()),
            key=lambda item: item[1].lower(),
        )
    return [(value, str(label)) for value, label in OrganisationSize.choices]


def _reach_tables(user, query: dict, funnel) -> list[Table]:
    whole = Table(
        gettext("Programme funnel"),
        _funnel_headings(figure_name("programme")),
        rows=[[funnel.rows[0]["label"] if funnel.rows else "", *_funnel_cells(funnel.rows)]],
        notes=funnel.notes,
    )
    tables = [whole]
    region = Region.objects.filter(pk=query["region"]).first() if query["region"] else None
    for dimension in REACH_DIMENSIONS:
        table = Table(
            str(DIMENSION_LABELS[dimension]),
            _funnel_headings(figure_name(dimension)),
            chart="bar",
            chart_column=3,
        )
        notes = []
        for value, label in _reach_groups(user, dimension, region):
            found = report_figures(
                FunnelView, user, {**query, dimension: value}, split_by=dimension
            )
            table.rows.append([label, *_funnel_cells(found.rows)])
            notes += found.notes
        table.notes = _unique(notes)
        tables.append(table)
    return tables


def _targets_table(user, programme_key: str, region: Region | None) -> Table:
    headings = [
        figure_name("region"),
        figure_name("programme_started"),
        figure_name("programme_completed"),
        str(TARGET_FIGURES["target_learners"][0]),
        str(TARGET_FIGURES["target_learners_share"][0]),
        figure_name("org_active"),
        figure_name("org_at_target"),
        str(TARGET_FIGURES["target_organisations"][0]),
        str(TARGET_FIGURES["target_organisations_share"][0]),
        str(TARGET_FIGURES["target_date"][0]),
    ]
    table = Table(
        gettext("Completion against targets"),
        headings,
        empty_text=gettext("No programme is offered in your regions yet."),
    )
    programme = next(
        (p for p in progress_against_targets(user) if str(p.key) == programme_key), None
    )
    no_target = gettext("No target set")
    for row in programme.regions if programme else []:
        if region is not None and row.region.pk != region.pk:
            continue
        target = row.target
        table.rows.append(
            [
                row.region.display_name,
                row.started,
                row.completed,
                target.learners_completed if target and target.learners_completed else None,
                row.learners_share,
                row.organisations_reached,
                row.organisations_trained,
                target.organisations_trained if target and target.organisations_trained else None,
                row.organisations_share,
                date_format(target.due_date) if target else no_target,
            ]
        )
    return table


def _month(day: datetime.date) -> str:
    return date_format(day, "YEAR_MONTH_FORMAT")


def _trend_table(user, query: dict) -> Table:
    found = report_figures(OverTimeView, user, {**query, "period": "month"})
    return Table(
        gettext("Completions over time"),
        [figure_name("period"), figure_name("period_completed"), figure_name("completions")],
        rows=[[_month(row["period"]), row["learners"], row["completions"]] for row in found.rows],
        notes=found.notes,
        chart="line",
        chart_column=1,
        empty_text=gettext("No learner activity matches these filters."),
    )


def _programme_module_keys(programme_key: str) -> list:
    """The programme's modules in its order (the active language's version where it has one)."""
    language = (translation.get_language() or "en").split("-")[0]
    by_version: dict = {}
    for code, module_key in (
        ProgrammeModule.objects.filter(programme__translation_key=programme_key)
        .order_by("programme_id", "sort_order")
        .values_list("programme__locale__language_code", "module__translation_key")
    ):
        by_version.setdefault(code, []).append(module_key)
    keys = by_version.get(language) or next(iter(by_version.values()), [])
    return list(dict.fromkeys(keys))


def _question_tables(user, programme_key: str, query: dict) -> list[Table]:
    keys = _programme_module_keys(programme_key)
    titles = titles_by_key(ModulePage, keys)
    tables = []
    for module_key in keys:
        found = report_figures(QuestionsView, user, {**query, "module": str(module_key)})
        tables.append(
            Table(
                titles.get(module_key, "?"),
                [figure_name(key) for key in QUESTION_COLUMNS.values()],
                rows=[[row[column] for column in QUESTION_COLUMNS] for row in found.rows],
                notes=found.notes,
                empty_text=gettext("No learner activity matches these filters."),
            )
        )
    return tables


def _definitions(k: int) -> list[tuple[str, str]]:
    """Each column of the report in the order the sections show them, once."""
    before = ["programme", *FUNNEL_KEYS.values(), *REACH_DIMENSIONS]
    after = ["period", "period_completed", "completions", *QUESTION_COLUMNS.values()]
    impact_keys = [*GAIN_DEFINITIONS.values(), *SURVEY_KEYS]
    return [
        *((figure_name(key), definition(key)) for key in before),
        *((figure_name(key), definition(key, k=k)) for key in ("org_active", "org_at_target")),
        *((str(name), str(text)) for name, text in TARGET_FIGURES.values()),
        *((figure_name(key), definition(key)) for key in after),
        *(
            (IMPACT_FIGURES[key].name_text(), IMPACT_FIGURES[key].definition_text())
            for key in impact_keys
        ),
    ]


# --- writing -------------------------------------------------------------------------


def cell_text(value) -> str:
    """A cell for reading: a localised number, the hidden mark, a dash for nothing."""
    if isinstance(value, str):
        return value
    return suppression.figure_text(value)


def render_pdf(report: ProgrammeReport) -> bytes:
    """The report as an A4 landscape PDF in the report's language."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    with translation.override(report.language):
        pdf = FPDF(orientation="landscape", unit="mm", format="A4")
        pdf.set_title(f"{report.title}: {report.programme_title}")
        pdf.set_author(gettext("CyberAware"))
        pdf.set_lang(report.language)
        pdf.set_subject(f"{report.programme_title} – {report.period}")
        pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
        pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        pdf.set_margins(15, 15, 15)
        pdf.set_auto_page_break(auto=True, margin=15)
        width = pdf.epw

        def heading(text: str, size: float) -> None:
            pdf.set_font("DejaVu", "B", size)
            pdf.multi_cell(width, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)

        def paragraph(text: str, size: float = 9.5) -> None:
            pdf.set_font("DejaVu", "", size)
            pdf.multi_cell(width, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)

        pdf.add_page()
        pdf.set_font("DejaVu", "B", 10)
        pdf.set_text_color(90, 90, 90)
        pdf.cell(width, 6, gettext("CyberAware"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        heading(report.title, 22)
        heading(report.programme_title, 16)
        for label, value in report.facts():
            pdf.set_font("DejaVu", "B", 10.5)
            pdf.cell(50, 6.5, label)
            pdf.set_font("DejaVu", "", 10.5)
            pdf.multi_cell(width - 50, 6.5, value, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)

        for section in report.sections:
            pdf.add_page()
            heading(section.title, 16)
            if section.intro:
                paragraph(section.intro)
            for table in section.tables:
                if pdf.will_page_break(30):
                    pdf.add_page()
                if table.title != section.title:
                    heading(table.title, 12)
                if not table.rows:
                    paragraph(table.empty_text or "–")
                    continue
                pdf.set_font("DejaVu", "", 8.5)
                # Wide tables give their figures the room: region names are short.
                first = 1.3 if len(table.headings) > 6 else 2
                with pdf.table(
                    col_widths=(first, *([1.5] * (len(table.headings) - 1))),
                    headings_style=FontFace(emphasis="BOLD", fill_color=(230, 236, 242)),
                    line_height=4.5,
                    text_align=("LEFT", *(["RIGHT"] * (len(table.headings) - 1))),
                ) as grid:
                    row = grid.row()
                    for text in table.headings:
                        row.cell(text)
                    for values in table.rows:
                        row = grid.row()
                        for value in values:
                            row.cell(cell_text(value))
                pdf.ln(2)
                for note in table.notes:
                    paragraph(note, 8.5)
                pdf.ln(2)

        pdf.add_page()
        heading(gettext("Definitions"), 16)
        for name, text in report.definitions:
            pdf.set_font("DejaVu", "B", 9.5)
            pdf.multi_cell(width, 5, name, new_x="LMARGIN", new_y="NEXT")
            paragraph(text, 9)
        buffer = io.BytesIO()
        pdf.output(buffer)
    return buffer.getvalue()


def _put(sheet, row: int, column: int, value, *, bold: bool = False):
    """A cell holding a number as a number and text always as text, never a formula
    (a title typed as "=…")."""
    from openpyxl.styles import Font

    if isinstance(value, Suppressed):
        value = str(SUPPRESSED)
    elif value is None:
        value = "–"
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    if bold:
        cell.font = Font(bold=True)
    return cell


def _chart(table: Table, sheet, heading_row: int, last_row: int):
    from openpyxl.chart import BarChart, LineChart, Reference

    chart = BarChart() if table.chart == "bar" else LineChart()
    chart.title = table.headings[table.chart_column]
    chart.y_axis.title = table.headings[table.chart_column]
    chart.x_axis.title = table.headings[0]
    chart.legend = None
    column = table.chart_column + 1
    data = Reference(sheet, min_col=column, max_col=column, min_row=heading_row, max_row=last_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(
        Reference(sheet, min_col=1, max_col=1, min_row=heading_row + 1, max_row=last_row)
    )
    chart.height, chart.width = 7.5, 15
    return chart


def render_xlsx(report: ProgrammeReport) -> bytes:
    """The report as a workbook: a sheet per section, with native charts beside the
    reach and trend tables, then "Definitions" and "About this report"."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    with translation.override(report.language):
        workbook = Workbook()
        workbook.remove(workbook.active)
        for section in report.sections:
            sheet = workbook.create_sheet(sheet_title(section.title))
            row = 1
            _put(sheet, row, 1, section.title, bold=True)
            row += 1
            if section.intro:
                _put(sheet, row, 1, section.intro)
                row += 1
            widest = 1
            for table in section.tables:
                row += 1
                _put(sheet, row, 1, table.title, bold=True)
                row += 1
                heading_row = row
                for column, text in enumerate(table.headings, start=1):
                    _put(sheet, row, column, text, bold=True)
                widest = max(widest, len(table.headings))
                for values in table.rows:
                    row += 1
                    for column, value in enumerate(values, start=1):
                        _put(sheet, row, column, value)
                if not table.rows:
                    row += 1
                    _put(sheet, row, 1, table.empty_text or "–")
                elif table.chart:
                    anchor = f"{get_column_letter(len(table.headings) + 2)}{heading_row}"
                    sheet.add_chart(_chart(table, sheet, heading_row, row), anchor)
                for note in table.notes:
                    row += 1
                    _put(sheet, row, 1, note)
                # Room for a chart beside a short table before the next one starts.
                if table.chart and table.rows:
                    row = max(row, heading_row + 15)
                row += 1
            sheet.column_dimensions["A"].width = 40
            for column in range(2, widest + 1):
                sheet.column_dimensions[get_column_letter(column)].width = 18

        sheet = workbook.create_sheet(sheet_title(gettext("Definitions")))
        _put(sheet, 1, 1, figure_name("measure"), bold=True)
        _put(sheet, 1, 2, gettext("Definition"), bold=True)
        for number, (name, text) in enumerate(report.definitions, start=2):
            _put(sheet, number, 1, name)
            _put(sheet, number, 2, text)
        sheet.column_dimensions["A"].width = 45
        sheet.column_dimensions["B"].width = 100

        sheet = workbook.create_sheet(sheet_title(gettext("About this report")))
        facts = [(gettext("Report"), report.title), *report.facts()]
        for number, (label, value) in enumerate(facts, start=1):
            _put(sheet, number, 1, label, bold=True)
            _put(sheet, number, 2, value)
        sheet.column_dimensions["A"].width = 25
        sheet.column_dimensions["B"].width = 100
        buffer = io.BytesIO()
        workbook.save(buffer)
    return buffer.getvalue()
