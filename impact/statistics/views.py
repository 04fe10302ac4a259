"""The impact reports: learning gain and retention, and survey results.

Both are statistics reports (`learning.statistics.views.StatisticsView`):
the same scope, legend, suppression rule and exports with definitions and
the rule. Learning gain is a breakdown like the learners' ones; survey
results are protected question by question (`protect_question`).
"""

from __future__ import annotations

import dataclasses

from django import forms
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from admin_reports.views import AdminReportView
from learning.models import OrganisationSize
from learning.statistics import subregions, suppression
from learning.statistics.filters import (
    StatisticsFilterForm,
    StatisticsFilters,
    date_resolution,
    snap_dates,
)
from learning.statistics.filters import sectors as all_sectors
from learning.statistics.scope import visible_region_list, visible_regions
from learning.statistics.suppression import SUPPRESSED, Count, Mean, Share, Suppressed
from learning.statistics.views import StatisticsView
from learning.widgets import PlainSelect
from modules.survey import (
    FREE_TEXT,
    LIKERT,
    LIKERT_LABELS,
    LIKERT_VALUES,
    SURVEY_MULTIPLE_CHOICE,
)

from . import figures
from .definitions import FIGURES

GAIN_LABELS = {
    "region": _("By region"),
    "subregion": _("By sub-region"),
    "sector": _("By sector"),
    "organisation_size": _("By organisation size"),
    "language": _("By language"),
    "programme": _("By programme"),
}

GAIN_TITLES = {
    "region": _("Learning gain by region"),
    "subregion": _("Learning gain by sub-region"),
    "sector": _("Learning gain by sector"),
    "organisation_size": _("Learning gain by organisation size"),
    "language": _("Learning gain by language"),
    "programme": _("Learning gain by programme"),
}

# The figures of a gain row. The learners of the groups add up to the learners of
# the selection (one record per learner and programme, in one group each).
GAIN_FIGURES = {
    "learners": Count("learners"),
    "baseline_only": Count("baseline_only"),
    "mean_baseline": Mean("mean_baseline", "learners", rests_on=("learners",)),
    "mean_final": Mean("mean_final", "learners", rests_on=("learners",)),
    "normalised_gain": Mean("normalised_gain", "learners", rests_on=("learners",)),
    "retained": Count("retained"),
    "mean_retention": Mean("mean_retention", "retained", rests_on=("retained",)),
    "retention_rate": Mean("retention_rate", "retained", rests_on=("retained",)),
}
# The selection's own row: published beside every breakdown of it, so hidden only
# where its own learners are few, the same whichever breakdown is shown.
TOTAL_FIGURES = {
    column: dataclasses.replace(spec, additive=False) if isinstance(spec, Count) else spec
    for column, spec in GAIN_FIGURES.items()
}
GAIN_DEFINITIONS = {
    "learners": "gain_learners",
    "baseline_only": "baseline_only",
    "mean_baseline": "mean_baseline",
    "mean_final": "mean_final",
    "normalised_gain": "normalised_gain",
    "retained": "retention_learners",
    "mean_retention": "mean_retention",
    "retention_rate": "retention_rate",
}
# Filters whose chosen group is a row of the gain breakdown by that dimension.
GAIN_SPLITTING = ("region", "subregion", "sector", "organisation_size", "language", "programme")
NO_CHOICE = {"region": None, "subregion": None, "sector": None, "programme": ""}


class GainFilterForm(StatisticsFilterForm):
    """The statistics filters without the module: checks belong to programmes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["module"]


class GainView(StatisticsView):
    """Learning gain and retention by one dimension, with the selection's total."""

    template_name = "impact/statistics/gain.html"
    report_name = "learning-gain"
    filter_form_class = GainFilterForm
    figure_columns = GAIN_FIGURES
    list_export = ["label", *GAIN_FIGURES]
    chart = {
        "kind": "bar",
        "title": FIGURES["normalised_gain"].name,
        "label_key": "label",
        "value_key": "normalised_gain",
    }
    total: dict | None = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.dimension = kwargs.get("dimension", "region")
        if self.dimension not in GAIN_LABELS:
            raise Http404

    @property
    def page_title(self):
        return GAIN_TITLES[self.dimension]

    def get_filename(self) -> str:
        return f"learning-gain-by-{self.dimension.replace('_', '-')}"

    @property
    def definition_keys(self) -> dict[str, str]:
        return {"label": self.dimension, **GAIN_DEFINITIONS}

    @property
    def export_headings(self):
        return {field: FIGURES[key].name for field, key in self.definition_keys.items()}

    def definition_of(self, field: str) -> str:
        return FIGURES[self.definition_keys[field]].definition_text()

    def widen_dates(self, chosen: StatisticsFilters) -> tuple[StatisticsFilters, str]:
        if not (chosen.date_from or chosen.date_to):
            return chosen, ""
        undated = dataclasses.replace(chosen, date_from=None, date_to=None)
        resolution = date_resolution(figures.gain_learners(self.request.user, undated), self.k)
        widened = snap_dates(chosen, resolution)
        unchanged = (widened.date_from, widened.date_to) == (chosen.date_from, chosen.date_to)
        return widened, "" if unchanged else resolution

    def find_hidden_selection(self) -> str:
        """The first filter whose chosen group the gain breakdown by its dimension
        hides (any figure of its row), with the other filters the same: the
        figures here would give that row away."""
        for dimension in GAIN_SPLITTING:
            chosen = getattr(
                self.filters, "programme_key" if dimension == "programme" else dimension
            )
            if not chosen:
                continue
            others = dataclasses.replace(
                self.filters,
                **(
                    {"programme_key": "", "programme_module_keys": ()}
                    if dimension == "programme"
                    else {dimension: NO_CHOICE.get(dimension, "")}
                ),
            )
            rows = protected_gain(self.request.user, others, dimension, self.k)
            key = (
                subregions.chosen_key(self.filters)
                if dimension == "subregion"
                else getattr(chosen, "pk", chosen)
            )
            for row in rows:
                if str(row["key"]) == str(key) and any(
                    row[column] is SUPPRESSED for column in GAIN_FIGURES
                ):
                    return dimension
        return ""

    def get_figures(self) -> list[dict]:
        rows = figures.gain_by(self.request.user, self.filters, self.dimension)
        self.total_raw = figures.add_up(rows)
        return rows

    def row_groups(self, rows: list[dict]) -> list[list[int]]:
        if self.dimension != "subregion":
            return []
        return subregions.row_groups([(row["group"], None) for row in rows])

    def present(self, rows: list[dict]) -> list[dict]:
        [total] = suppression.protect_rows([self.total_raw], TOTAL_FIGURES, self.k)
        if self.hidden_selection:
            total = {**total, **dict.fromkeys(TOTAL_FIGURES, SUPPRESSED)}
        self.total = {**total, "label": gettext("All learners in the selection"), "is_total": True}
        # Documents made outside a request (the programme report) ask for it too.
        if self.is_export or self.kwargs.get("with_total"):
            return [*rows, self.total]
        return rows

    def xlsx_charts(self, worksheet, rows: int) -> list:
        # The total's bar would dwarf the groups': the chart draws the groups only.
        return super().xlsx_charts(worksheet, rows - 1)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            total=self.total,
            dimension_links=[
                (label, reverse("impact_statistics:gain_by", args=[dimension]))
                for dimension, label in GAIN_LABELS.items()
            ],
            active_dimension=reverse("impact_statistics:gain_by", args=[self.dimension]),
            # Every breakdown is the one report "Learning gain" of the statistics' list.
            active_report=reverse("impact_statistics:gain"),
        )
        return context


def protected_gain(user, filters: StatisticsFilters, dimension: str, k: int) -> list[dict]:
    """The gain breakdown's rows as the report by `dimension` shows them for `filters`."""
    rows = figures.gain_by(user, filters, dimension)
    groups = (
        subregions.row_groups([(row["group"], None) for row in rows])
        if dimension == "subregion"
        else ()
    )
    return suppression.protect_rows(rows, GAIN_FIGURES, k, row_groups=groups)


# --- survey results --------------------------------------------------------------

SURVEY_NO_CHOICE = {"region": None, "sector": None, "organisation_size": ""}
SPLIT_LABELS = {
    "region": _("By region"),
    "sector": _("By sector"),
    "organisation_size": _("By organisation size"),
}


class SurveyFilterForm(forms.Form):
    survey = forms.ChoiceField(label=_("Survey"), required=False, widget=PlainSelect)
    split = forms.ChoiceField(
        label=_("Split the results"),
        required=False,
        choices=[("", _("Not split")), *SPLIT_LABELS.items()],
        widget=PlainSelect,
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=None,
        required=False,
        empty_label=_("All my regions"),
        widget=PlainSelect,
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False, widget=PlainSelect)
    organisation_size = forms.ChoiceField(
        label=_("Organisation size"),
        required=False,
        choices=[("", _("All sizes")), *OrganisationSize.choices],
        widget=PlainSelect,
    )

    def __init__(self, data=None, *, user, **kwargs):
        super().__init__(data, **kwargs)
        self.regions = visible_region_list(user)
        self.fields["region"].queryset = visible_regions(user)
        self.fields["region"].choices = [("", _("All my regions"))] + [
            (region.pk, str(region)) for region in self.regions
        ]
        self.sectors = {str(sector.pk): sector for sector in all_sectors()}
        self.fields["sector"].choices = [("", _("All sectors"))] + [
            (key, str(sector)) for key, sector in self.sectors.items()
        ]
        self.fields["survey"].choices = [("", _("Choose a survey")), *figures.survey_choices(user)]

    def blocks_figures(self) -> bool:
        return False

    def selection(self) -> tuple[figures.SurveySelection | None, str]:
        """The survey and groups chosen, and the split; a choice outside the person's
        scope (another region's survey or region) is dropped."""
        data: dict = {}
        if self.is_bound:
            self.is_valid()
            data = self.cleaned_data
        split = data.get("split") or ""
        if not data.get("survey"):
            return None, split
        return (
            figures.SurveySelection(
                survey_key=data["survey"],
                region=data.get("region"),
                sector=self.sectors.get(data.get("sector") or ""),
                organisation_size=data.get("organisation_size") or "",
            ),
            split,
        )


def question_columns(question, answers: list, *, additive: bool) -> tuple[dict, tuple]:
    """The figure columns of a question's table and its lines: with one answer per
    respondent (a rating, a single choice) the answers add up to the respondents."""
    columns: dict = {"respondents": Count("respondents", additive=additive)}
    for index, _answer in enumerate(answers):
        columns[f"a{index}"] = Count(f"a{index}", additive=additive)
        columns[f"s{index}"] = Share(
            f"a{index}", "respondents", learners=f"a{index}", rests_on=(f"a{index}", "respondents")
        )
    lines: tuple = ()
    if question.kind not in (SURVEY_MULTIPLE_CHOICE, FREE_TEXT) and answers:
        lines = ((tuple(f"a{index}" for index in range(len(answers))), "respondents"),)
    return columns, lines


def question_answers(question) -> list[tuple[object, str]]:
    """(answer key, label) of each answer a question offers, in order."""
    if question.kind == LIKERT:
        return [(value, str(LIKERT_LABELS[value])) for value in LIKERT_VALUES]
    if question.kind == FREE_TEXT:
        return []
    return [(option.id, option.text) for option in question.options]


def raw_row(question, answers, respondents: dict, chosen: dict, group) -> dict:
    row = {"respondents": respondents.get((question.id, group), 0)}
    for index, (answer, _label) in enumerate(answers):
        row[f"a{index}"] = chosen.get((question.id, answer, group), 0)
    return row


def protect_question(question, respondents: dict, chosen: dict, groups: list, k: int):
    """A question's protected figures for all respondents, and per group of the split:
    the first protected on their own (the same whatever the split), the groups
    against them."""
    answers = question_answers(question)
    columns, lines = question_columns(question, answers, additive=False)
    overall = {"respondents": sum(n for (q, _g), n in respondents.items() if q == question.id)}
    for index, (answer, _label) in enumerate(answers):
        overall[f"a{index}"] = sum(
            n for (q, a, _g), n in chosen.items() if q == question.id and a == answer
        )
    [total] = suppression.protect_rows([overall], columns, k, lines)
    split_columns, split_lines = question_columns(question, answers, additive=True)
    rows = [raw_row(question, answers, respondents, chosen, group) for group in groups]
    return (
        answers,
        total,
        suppression.protect_split(rows, overall, total, split_columns, k, split_lines),
    )


class SurveyResultsView(StatisticsView):
    """Per question of one survey: respondents and the share of each answer, split
    by region, sector or size if asked, and the free texts the rule allows."""

    page_title = _("Survey results")
    report_name = "survey-results"
    template_name = "impact/statistics/survey.html"
    filter_form_class = SurveyFilterForm
    list_export = ["question", "group", "respondents", "answer", "chosen", "share"]
    definition_keys = {
        "question": "survey_question",
        "group": "survey_group",
        "respondents": "survey_respondents",
        "answer": "survey_answer",
        "chosen": "survey_chosen",
        "share": "survey_share",
    }
    export_headings = {field: FIGURES[key].name for field, key in definition_keys.items()}
    selection: figures.SurveySelection | None = None
    split = ""

    def definition_of(self, field: str) -> str:
        return FIGURES[self.definition_keys[field]].definition_text()

    def get_filename(self) -> str:
        return "survey-results"

    def applied_filters(self) -> list[tuple[str, str]]:
        return AdminReportView.applied_filters(self)

    def get_export_metadata(self) -> list[tuple[str, str]]:
        rule = (gettext("Free-text answers"), free_text_rule(self.k))
        return [*super().get_export_metadata(), rule]

    def suppression_text(self) -> str:
        return survey_suppression_text(self.k)

    @cached_property
    def survey(self):
        return figures.survey_structure(self.selection.survey_key) if self.selection else None

    def get_rows(self) -> list[dict]:
        self.selection, self.split = self.filter_form.selection()
        self.filters = StatisticsFilters(regions=self.filter_form.regions)
        if self.selection is None:
            return []
        user = self.request.user
        self.hidden_selection = self.find_survey_hidden_selection()
        respondents, chosen = figures.survey_counts(user, self.selection, self.split)
        groups = sorted({group for (_q, group) in respondents}, key=lambda g: (g is None, str(g)))
        labels = {}
        if self.split:
            found = figures.group_labels(self.split, groups, self.filters)
            groups = sorted(groups, key=lambda group: found[group].order)
            labels = {group: found[group].label for group in groups}
        texts = self.allowed_texts()
        questions = []
        for position, question in enumerate(self.survey.questions, start=1):
            answers, total, split_rows = protect_question(
                question, respondents, chosen, groups if self.split else [], self.k
            )
            if self.hidden_selection:
                total = dict.fromkeys(total, SUPPRESSED)
                split_rows = [dict.fromkeys(row, SUPPRESSED) for row in split_rows]
            questions.append(
                {
                    "position": position,
                    "prompt": question.prompt,
                    "kind": question.kind,
                    "respondents": total["respondents"],
                    "answers": answer_figures(answers, total),
                    "split": [
                        {
                            "label": labels[group],
                            "respondents": row["respondents"],
                            "answers": answer_figures(answers, row),
                        }
                        for group, row in zip(groups if self.split else [], split_rows, strict=True)
                    ],
                    "texts": texts.get(question.id, []),
                    "texts_shown": question.id in texts,
                }
            )
        return self.export_rows(questions) if self.is_export else questions

    def find_survey_hidden_selection(self) -> str:
        """The first chosen group that the results split by its dimension hide (any
        figure of its row in any question), with the other choices the same."""
        user = self.request.user
        for dimension in figures.SURVEY_DIMENSIONS:
            chosen = getattr(self.selection, dimension)
            if not chosen:
                continue
            others = dataclasses.replace(self.selection, **{dimension: SURVEY_NO_CHOICE[dimension]})
            respondents, counts = figures.survey_counts(user, others, dimension)
            groups = sorted({group for (_q, group) in respondents}, key=str)
            key = getattr(chosen, "pk", chosen)
            for question in self.survey.questions:
                _answers, _total, rows = protect_question(
                    question, respondents, counts, groups, self.k
                )
                for group, row in zip(groups, rows, strict=True):
                    if group == key and any(isinstance(v, Suppressed) for v in row.values()):
                        return dimension
        return ""

    def allowed_texts(self) -> dict[str, list[dict]]:
        """{question id: its free texts} for the questions whose texts may be listed
        (`free_text_rule`): only for the whole survey in the person's scope, a
        question with at least k of them, each with its respondents' region,
        sector and size where at least k of the question's texts share them."""
        if self.selection.is_filtered or self.hidden_selection:
            return {}
        ids = [q.id for q in self.survey.questions if q.kind == FREE_TEXT]
        found = figures.free_texts(self.request.user, self.selection, ids)
        by_question: dict = {}
        for question_id, text, *situation in found:
            by_question.setdefault(question_id, []).append((text, tuple(situation)))
        shown: dict = {}
        regions = {region.pk: region.display_name for region in self.filter_form.regions}
        sectors = {sector.pk: sector.display_name for sector in self.filter_form.sectors.values()}
        sizes = dict(OrganisationSize.choices)
        unknown = gettext("Not given")
        for question_id, answers in by_question.items():
            if len(answers) < self.k:
                continue
            combinations: dict = {}
            for _text, situation in answers:
                combinations[situation] = combinations.get(situation, 0) + 1
            listed = []
            for text, (region, sector, size) in answers:
                context = ""
                if combinations[(region, sector, size)] >= self.k:
                    context = ", ".join(
                        [
                            regions.get(region, unknown),
                            sectors.get(sector, unknown),
                            str(sizes.get(size, unknown)),
                        ]
                    )
                listed.append({"text": text, "context": context})
            shown[question_id] = listed
        return shown

    def export_rows(self, questions: list[dict]) -> list[dict]:
        all_label = gettext("All respondents")
        rows = []
        for question in questions:
            prompt = f"{question['position']}. {question['prompt']}"
            groups = [(all_label, question), *((g["label"], g) for g in question["split"])]
            for label, group in groups:
                for answer in group["answers"] or [{}]:
                    rows.append(
                        {
                            "question": prompt,
                            "group": label,
                            "respondents": group["respondents"],
                            "answer": answer.get("label", ""),
                            "chosen": answer.get("chosen"),
                            "share": answer.get("share"),
                        }
                    )
            for text in question["texts"]:
                rows.append(
                    {
                        "question": prompt,
                        "group": text["context"],
                        "respondents": None,
                        "answer": text["text"],
                        "chosen": None,
                        "share": None,
                    }
                )
        return rows

    @property
    def show_export_buttons(self) -> bool:
        return self.selection is not None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            survey_chosen=self.selection is not None,
            surveys_available=len(self.filter_form.fields["survey"].choices) > 1,
            split=self.split,
            free_text_rule=free_text_rule(self.k),
            suppression_rule=self.suppression_text(),
        )
        if self.selection is None:
            context["xlsx_url"] = context["csv_url"] = ""
        if self.hidden_selection:
            context["hidden_by_report"] = SPLIT_LABELS[self.hidden_selection]
        for row in context.get("rows") or []:
            row["chart_title"] = gettext("Share of respondents for each answer: %(answers)s") % {
                "answers": "; ".join(
                    f"{answer['label']}: {suppression.figure_text(answer['share'])}"
                    for answer in row["answers"]
                )
            }
        return context


def answer_figures(answers, row: dict) -> list[dict]:
    return [
        {"label": label, "chosen": row[f"a{index}"], "share": row[f"s{index}"]}
        for index, (_answer, label) in enumerate(answers)
    ]


def free_text_rule(k: int) -> str:
    return gettext(
        "Free-text answers are listed only for a survey as a whole in your scope, not for a "
        "chosen region, sector or size, and only for a question at least %(k)s respondents "
        "answered in words. An answer is listed with its respondent's region, sector and "
        "organisation size only when at least %(k)s of the question's answers share them; "
        "never with the respondent's account."
    ) % {"k": k}


def survey_suppression_text(k: int) -> str:
    """The rule as the survey report's legend gives it."""
    return gettext(
        "Responses of learners who consented to statistics and anonymous responses are "
        "counted. To protect individuals, a figure about fewer than %(k)s respondents is "
        "shown as “%(hidden_mark)s”, and so that it cannot be worked out by subtraction, at "
        "least one other figure of the same question is hidden with it, and so is every share "
        "resting on it. A dash (–) means there is nothing to count."
    ) % {"k": k, "hidden_mark": str(SUPPRESSED)}
