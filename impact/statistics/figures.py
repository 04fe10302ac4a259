"""The raw figures of the impact reports, each table from one aggregate query.

Learning gain reads `KnowledgeRecord`, where a learner's three check scores
sit side by side in one row per programme: the sums and counts a group needs
are one GROUP BY. Survey results read `SurveyAnswer` grouped by question,
answer and the respondents' group. Counts are raw here; the reports
suppress them (`views`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import BigIntegerField, Case, Count, F, Q, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import get_language, gettext

from learning.models import OrganisationSize
from learning.statistics.figures import subregion_label
from learning.statistics.filters import StatisticsFilters, titles_by_key
from modules.models import ProgrammePage, Region, Sector, SubRegion, SurveyPage
from modules.models.taxonomy import name_order
from modules.survey import Survey

from ..models import SurveyAnswer
from .scope import records_in_scope, responses_in_scope

GAIN_DIMENSIONS = ("region", "subregion", "sector", "organisation_size", "language", "programme")
SURVEY_DIMENSIONS = ("region", "sector", "organisation_size")

# The record's field holding each dimension's group (sub-regions: `_subregion_key`).
GROUP_FIELDS = {
    "region": "region_id",
    "sector": "sector_id",
    "organisation_size": "organisation_size",
    "language": "language",
    "programme": "programme_key",
}

BOTH = Q(baseline_score__isnull=False, final_score__isnull=False)
BASELINE_ONLY = Q(baseline_score__isnull=False, final_score__isnull=True)
RETAINED = Q(final_score__isnull=False, retention_score__isnull=False)

# The raw counts and sums of a gain row, which add up from groups to their total.
GAIN_SUMS = (
    "learners",
    "baseline_only",
    "baseline_sum",
    "final_sum",
    "retained",
    "retained_final_sum",
    "retention_sum",
)


def normalised_gain(mean_baseline: float | None, mean_final: float | None) -> float | None:
    """Hake's class-average gain in percent; None when undefined (no learners, or a
    mean baseline of 100, where there was nothing left to gain)."""
    if mean_baseline is None or mean_final is None or mean_baseline >= 100:
        return None
    return 100 * (mean_final - mean_baseline) / (100 - mean_baseline)


def gain_row(sums: dict) -> dict:
    """A row's raw counts with the means, the gain and retention made from its sums."""
    learners, retained = sums["learners"], sums["retained"]
    mean_baseline = sums["baseline_sum"] / learners if learners else None
    mean_final = sums["final_sum"] / learners if learners else None
    mean_retention = sums["retention_sum"] / retained if retained else None
    retained_final = sums["retained_final_sum"] / retained if retained else None
    return {
        **sums,
        "mean_baseline": mean_baseline,
        "mean_final": mean_final,
        "normalised_gain": normalised_gain(mean_baseline, mean_final),
        "mean_retention": mean_retention,
        "retention_rate": (
            100 * mean_retention / retained_final
            if mean_retention is not None and retained_final
            else None
        ),
    }


def add_up(rows: list[dict]) -> dict:
    """The total of the rows, made from their sums (not from their means)."""
    return gain_row({key: sum(row[key] for row in rows) for key in GAIN_SUMS})


def filtered_records(user, filters: StatisticsFilters):
    """The records of the person's scope matching the filters; dates choose the
    final check (the baseline check for a learner without one)."""
    records = records_in_scope(user)
    if filters.region:
        records = records.filter(region=filters.region)
    if filters.subregion:
        records = records.filter(subregion=filters.subregion, region_id=filters.subregion.region_id)
    if filters.sector:
        records = records.filter(sector=filters.sector)
    if filters.language:
        records = records.filter(language=filters.language)
    if filters.organisation_size:
        records = records.filter(organisation_size=filters.organisation_size)
    if filters.programme_key:
        records = records.filter(programme_key=filters.programme_key)
    if filters.date_from or filters.date_to:
        records = records.annotate(checked_at=Coalesce("final_at", "baseline_at"))
        if filters.date_from:
            records = records.filter(checked_at__date__gte=filters.date_from)
        if filters.date_to:
            records = records.filter(checked_at__date__lte=filters.date_to)
    return records


def gain_learners(user, filters: StatisticsFilters) -> int:
    """Learners with a baseline check in the selection: what decides how finely
    its dates may cut (`filters.date_resolution`)."""
    return filtered_records(user, filters).filter(baseline_score__isnull=False).count()


@dataclass(frozen=True)
class GroupLabel:
    key: object
    label: str
    # The region of a sub-region's row: a region's rows add up to its row by region.
    group: object = None


def gain_by(user, filters: StatisticsFilters, dimension: str) -> list[dict]:
    """Per group of `dimension`: raw counts and sums of the learning gain and
    retention, with `key`, `label` and `group`, in the order the report shows
    them. One query."""
    if dimension not in GAIN_DIMENSIONS:
        raise ValueError(dimension)
    records = filtered_records(user, filters)
    if dimension == "subregion":
        records = records.annotate(
            group_key=Case(
                When(subregion__region=F("region"), then=F("subregion")),
                default=Value(None),
                output_field=BigIntegerField(),
            )
        )
        keys = ("region_id", "group_key")
    else:
        keys = (GROUP_FIELDS[dimension],)
    found = (
        records.filter(Q(baseline_score__isnull=False) | Q(final_score__isnull=False))
        .order_by()
        .values_list(*keys)
        .annotate(
            learners=Count("pk", filter=BOTH),
            baseline_only=Count("pk", filter=BASELINE_ONLY),
            baseline_sum=Sum("baseline_score", filter=BOTH),
            final_sum=Sum("final_score", filter=BOTH),
            retained=Count("pk", filter=RETAINED),
            retained_final_sum=Sum("final_score", filter=RETAINED),
            retention_sum=Sum("retention_score", filter=RETAINED),
        )
    )
    rows = []
    for values in found:
        key = tuple(values[: len(keys)]) if len(keys) > 1 else values[0]
        sums = dict(zip(GAIN_SUMS, (value or 0 for value in values[len(keys) :]), strict=True))
        rows.append({"key": key, **gain_row(sums)})
    labels = group_labels(dimension, [row["key"] for row in rows], filters)
    for row in rows:
        row["label"], row["group"] = labels[row["key"]].label, labels[row["key"]].group
    return sorted(rows, key=lambda row: labels[row["key"]].order)


@dataclass(frozen=True)
class _Label:
    label: str
    order: tuple
    group: object = None


def group_labels(dimension: str, keys: list, filters: StatisticsFilters) -> dict:
    """{key: label, order, group} of each group, in the active language."""
    unknown = gettext("Not given")
    if dimension == "subregion":
        regions = {region.pk: region.display_name for region in filters.regions}
        regions |= {
            region.pk: region.display_name
            for region in Region.objects.filter(
                pk__in=[key[0] for key in keys if key[0] not in regions]
            )
        }
        names = {
            subregion.pk: subregion.display_name
            for subregion in SubRegion.objects.filter(
                pk__in=[key[1] for key in keys if key[1] is not None]
            )
        }
        found = {}
        for region, subregion in keys:
            region_name = regions.get(region, unknown)
            name = names.get(subregion) if subregion is not None else None
            found[(region, subregion)] = _Label(
                subregion_label(name, region_name),
                (name_order(region_name), str(region), subregion is None, name_order(name or "")),
                group=region,
            )
        return found
    if dimension == "region":
        names = {r.pk: r.display_name for r in Region.objects.filter(pk__in=keys)}
    elif dimension == "sector":
        names = {s.pk: s.display_name for s in Sector.objects.filter(pk__in=keys)}
    elif dimension == "programme":
        names = titles_by_key(ProgrammePage, keys)
    elif dimension == "language":
        names = dict(settings.LANGUAGES)
    else:
        names = dict(OrganisationSize.choices)
    sizes = [value for value, _label in OrganisationSize.choices]
    found = {}
    for key in keys:
        label = str(names.get(key, unknown)) if key not in (None, "") else unknown
        if dimension == "organisation_size":
            order = (key not in sizes, sizes.index(key) if key in sizes else 0, "")
        else:
            order = (key in (None, ""), 0, label.lower())
        found[key] = _Label(label, order)
    return found


# --- surveys ---------------------------------------------------------------------


def survey_choices(user) -> list[tuple[str, str]]:
    """(key, title) of the surveys with responses in the person's scope, by title."""
    keys = list(responses_in_scope(user).order_by().values_list("survey_key", flat=True).distinct())
    titles = titles_by_key(SurveyPage, keys)
    return sorted(
        ((str(key), titles.get(key, gettext("Deleted survey"))) for key in keys),
        key=lambda item: item[1].lower(),
    )


def survey_structure(survey_key) -> Survey:
    """The survey's questions as its version in the active language asks them, or another."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    pages = {
        page.locale.language_code: page
        for page in SurveyPage.objects.filter(translation_key=survey_key).select_related("locale")
    }
    page = pages.get(language) or next(iter(pages.values()), None)
    return page.survey if page is not None else Survey()


@dataclass(frozen=True)
class SurveySelection:
    survey_key: str
    region: object | None = None
    sector: object | None = None
    organisation_size: str = ""

    def responses(self, user):
        found = responses_in_scope(user).filter(survey_key=self.survey_key)
        if self.region:
            found = found.filter(region=self.region)
        if self.sector:
            found = found.filter(sector=self.sector)
        if self.organisation_size:
            found = found.filter(organisation_size=self.organisation_size)
        return found

    @property
    def is_filtered(self) -> bool:
        return bool(self.region or self.sector or self.organisation_size)


SURVEY_GROUP_FIELDS = {
    "region": "response__region_id",
    "sector": "response__sector_id",
    "organisation_size": "response__organisation_size",
}


def survey_counts(user, selection: SurveySelection, split: str = "") -> tuple[dict, dict]:
    """({(question id, group): respondents}, {(question id, answer, group): respondents}),
    where an answer is a Likert value or an option id and the group is None without
    a split. Two queries."""
    answers = SurveyAnswer.objects.filter(response__in=selection.responses(user)).order_by()
    group = (SURVEY_GROUP_FIELDS[split],) if split else ()
    respondents = {
        (question, values[0] if group else None): count
        for question, *values, count in answers.values_list("question_id", *group).annotate(
            count=Count("response_id", distinct=True)
        )
    }
    chosen: dict = {}
    for question, option, value, *values, count in (
        answers.filter(text="")
        .values_list("question_id", "option_id", "value", *group)
        .annotate(count=Count("response_id", distinct=True))
    ):
        answer = value if value is not None else option
        key = (question, answer, values[0] if group else None)
        chosen[key] = chosen.get(key, 0) + count
    return respondents, chosen


def free_texts(user, selection: SurveySelection, question_ids: list[str]) -> list[tuple]:
    """(question id, text, region id, sector id, size) of every free-text answer. One query."""
    if not question_ids:
        return []
    return list(
        SurveyAnswer.objects.filter(
            response__in=selection.responses(user), question_id__in=question_ids
        )
        .exclude(text="")
        .order_by("text")
        .values_list(
            "question_id",
            "text",
            "response__region_id",
            "response__sector_id",
            "response__organisation_size",
        )
    )
