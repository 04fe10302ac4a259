"""No hidden figure of the impact reports can be worked out from what they show.

Random tables go through the reports' own protection, as the pages apply it:
the learning gain breakdown by any dimension (its groups adding up to the
selection's total, which the report shows), and each survey question's
figures for all respondents with its split by region, sector or size (the
answers of a rating or single choice adding up to the respondents, the
groups adding up to all respondents). Then the attacker of the learners'
suppression tests, who knows every visible figure and every published
total, solves the lines one by one and all together.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from impact.statistics import figures
from impact.statistics.views import GAIN_FIGURES, TOTAL_FIGURES, protect_question
from learning.statistics import subregions, suppression
from learning.statistics.suppression import SUPPRESSED, Figure, Line
from modules.survey import (
    FREE_TEXT,
    LIKERT,
    SURVEY_MULTIPLE_CHOICE,
    SURVEY_SINGLE_CHOICE,
    SurveyOption,
    SurveyQuestion,
)
from tests.learning.statistics.test_suppression import K, assert_protected, counts, profile

GAIN_COUNTS = ("learners", "baseline_only", "retained")
GAIN_RATES = {
    "learners": ("mean_baseline", "mean_final", "normalised_gain"),
    "retained": ("mean_retention", "retention_rate"),
}


@st.composite
def gain_groups(draw):
    """Raw gain rows of a breakdown: per group the learners with both checks, with the
    baseline only and with the retention check, and their score sums."""
    rows = []
    for _group in range(draw(st.integers(1, 8))):
        learners, baseline_only = draw(counts), draw(counts)
        retained = draw(st.integers(0, learners))
        baseline = [draw(st.integers(0, 100)) for _n in range(learners)]
        final = [draw(st.integers(0, 100)) for _n in range(learners)]
        rows.append(
            figures.gain_row(
                {
                    "learners": learners,
                    "baseline_only": baseline_only,
                    "baseline_sum": sum(baseline),
                    "final_sum": sum(final),
                    "retained": retained,
                    "retained_final_sum": sum(final[:retained]),
                    "retention_sum": sum(draw(st.integers(0, 100)) for _n in range(retained)),
                }
            )
        )
    return rows


def gain_attack(raw: list[dict], shown: list[dict], groups=()) -> None:
    """The lines a reader has: each count's groups add up to the selection's figure
    (shown beside the table unless small), and a region's sub-regions to its row."""
    for column in GAIN_COUNTS:
        table = {index: Figure(learners=row[column]) for index, row in enumerate(raw)}
        lines = [Line(tuple(group)) for group in groups] + [Line(tuple(table))]
        hidden = {index for index, row in enumerate(shown) if row[column] is SUPPRESSED}
        assert_protected(table, lines, hidden)


@profile
@given(gain_groups())
@example([figures.gain_row(dict.fromkeys(figures.GAIN_SUMS, 0) | {"learners": 1})] * 4)
def test_no_hidden_gain_figure_can_be_worked_out(raw):
    shown = suppression.protect_rows(raw, GAIN_FIGURES, K)
    gain_attack(raw, shown)
    for before, after in zip(raw, shown, strict=True):
        for count, rates in GAIN_RATES.items():
            if 0 < before[count] < K:
                assert after[count] is SUPPRESSED
            if after[count] is SUPPRESSED:
                assert all(after[rate] is SUPPRESSED for rate in rates)
        if 0 < before["baseline_only"] < K:
            assert after["baseline_only"] is SUPPRESSED
    # The selection's own row hides exactly its small counts and what rests on them.
    [total] = suppression.protect_rows([figures.add_up(raw)], TOTAL_FIGURES, K)
    for count, rates in GAIN_RATES.items():
        learners = sum(row[count] for row in raw)
        assert (total[count] is SUPPRESSED) == (0 < learners < K)
        assert all((total[rate] is SUPPRESSED) == (0 < learners < K) for rate in rates)


@profile
@given(gain_groups(), st.lists(st.integers(0, 2), min_size=8, max_size=8))
def test_sub_regions_do_not_give_away_a_hidden_row(raw, regions):
    """By sub-region the rows of each region also add up to its row by region."""
    keys = [(regions[index], index) for index in range(len(raw))]
    groups = subregions.row_groups(keys)
    shown = suppression.protect_rows(raw, GAIN_FIGURES, K, row_groups=groups)
    gain_attack(raw, shown, groups)


# --- survey questions ------------------------------------------------------------

QUESTIONS = {
    LIKERT: SurveyQuestion("q", LIKERT, "A statement", True),
    SURVEY_SINGLE_CHOICE: SurveyQuestion(
        "q",
        SURVEY_SINGLE_CHOICE,
        "One of",
        True,
        options=(SurveyOption("a", "A"), SurveyOption("b", "B"), SurveyOption("c", "C")),
    ),
    SURVEY_MULTIPLE_CHOICE: SurveyQuestion(
        "q",
        SURVEY_MULTIPLE_CHOICE,
        "Any of",
        False,
        options=(SurveyOption("a", "A"), SurveyOption("b", "B"), SurveyOption("c", "C")),
    ),
    FREE_TEXT: SurveyQuestion("q", FREE_TEXT, "In words", False),
}


@st.composite
def survey_answers(draw):
    """A question's answers per group: respondents, and how many gave each answer."""
    kind = draw(st.sampled_from(list(QUESTIONS)))
    question = QUESTIONS[kind]
    answers = [1, 2, 3, 4, 5] if kind == LIKERT else [option.id for option in question.options]
    groups = list(range(draw(st.integers(1, 5))))
    respondents, chosen = {}, {}
    for group in groups:
        if kind == FREE_TEXT:
            respondents[("q", group)] = draw(counts)
            continue
        if kind == SURVEY_MULTIPLE_CHOICE:
            total = draw(counts)
            for answer in answers:
                chosen[("q", answer, group)] = draw(st.integers(0, total))
        else:
            for answer in answers:
                chosen[("q", answer, group)] = draw(
                    st.one_of(st.just(0), st.integers(1, 3), st.integers(K, 20))
                )
            total = sum(chosen[("q", answer, group)] for answer in answers)
        respondents[("q", group)] = total
    return question, answers, groups, respondents, chosen


# Five groups of one respondent each who chose nothing: all hidden beside the
# question's five respondents (found by this test; see docs/security.md).
ONES = (
    SurveyQuestion(
        "q",
        SURVEY_MULTIPLE_CHOICE,
        "Any of",
        False,
        options=tuple(SurveyOption(letter, letter.upper()) for letter in "abc"),
    ),
    ["a", "b", "c"],
    [0, 1, 2, 3, 4],
    {("q", group): 1 for group in range(5)},
    {("q", answer, group): 0 for answer in "abc" for group in range(5)},
)


@profile
@given(survey_answers())
@example(ONES)
def test_no_hidden_survey_figure_can_be_worked_out(data):
    question, answers, groups, respondents, chosen = data
    _labels, total, rows = protect_question(question, respondents, chosen, groups, K)
    columns = ["respondents", *(f"a{index}" for index in range(len(answers)))]

    def raw(group, column):
        if column == "respondents":
            if group == "all":
                return sum(respondents[("q", g)] for g in groups)
            return respondents[("q", group)]
        answer = answers[int(column[1:])]
        if group == "all":
            return sum(chosen[("q", answer, g)] for g in groups)
        return chosen[("q", answer, group)]

    table = {
        (group, column): Figure(learners=raw(group, column))
        for group in ["all", *groups]
        for column in columns
    }
    shown = {"all": total, **dict(zip(groups, rows, strict=True))}
    hidden = {key for key in table if shown[key[0]][key[1]] is SUPPRESSED}
    # Every group's figures add up to all respondents'; one answer per respondent:
    # the answers add up to the respondents.
    lines = [
        Line(tuple((group, column) for group in groups), ("all", column)) for column in columns
    ]
    if question.kind in (LIKERT, SURVEY_SINGLE_CHOICE):
        lines += [
            Line(tuple((group, column) for column in columns[1:]), (group, "respondents"))
            for group in ["all", *groups]
        ]
    # Groups of one respondent each beside the question's published respondents
    # tell that much whatever is hidden, as in every breakdown.
    assert_protected(table, lines, hidden, ones_may_show=True)
    for group, row in shown.items():
        for index in range(len(answers)):
            if row[f"a{index}"] is SUPPRESSED or row["respondents"] is SUPPRESSED:
                assert row[f"s{index}"] is SUPPRESSED, (group, index)


@profile
@given(survey_answers(), st.data())
def test_the_total_row_is_the_same_whatever_the_split(data, more):
    """All respondents' figures do not depend on the split: two splits of the same
    respondents show the same total row, so neither gives the other's hidden total away."""
    question, answers, groups, respondents, chosen = data
    _labels, split_total, _rows = protect_question(question, respondents, chosen, groups, K)
    merged_respondents = {("q", None): sum(respondents.values())}
    merged_chosen: dict = {}
    for (_q, answer, _group), count in chosen.items():
        merged_chosen[("q", answer, None)] = merged_chosen.get(("q", answer, None), 0) + count
    _labels, total, _rows = protect_question(question, merged_respondents, merged_chosen, [], K)
    assert split_total == total
