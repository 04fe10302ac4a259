"""Complementary suppression: no hidden figure can be worked out from what a table shows.

Random tables (counts with many zeros and small numbers, totals in the table,
published elsewhere or absent, shares resting on two counts) go through
`hidden_figures`; then an attacker who knows every visible figure and every
published total that is not small itself tries to recover the hidden ones:
by solving lines with a single unknown, as a person with a spreadsheet would,
by linear algebra over all the lines at once (ranks modulo a large prime,
independent of the code's rational arithmetic), and by noticing hidden
figures that can only be single learners. A figure the published totals fix
on their own is public anyway and is not counted against the table.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from learning.statistics.suppression import (
    SUPPRESSED,
    Count,
    Figure,
    Line,
    Mean,
    Share,
    figure_text,
    hidden_figures,
    protect_rows,
)

K = 5
PRIME = 2**61 - 1

settings.register_profile(
    "suppression",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "suppression-thorough",
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
profile = settings.get_profile(
    "suppression-thorough" if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else "suppression"
)

counts = st.one_of(st.just(0), st.integers(1, K - 1), st.integers(K, 60))


# --- the attacker --------------------------------------------------------------


def published_total(figures, line) -> bool:
    """A total published elsewhere is known unless it is small (then it is hidden there)."""
    total = sum(figures[part].learners for part in line.parts)
    return not 0 < total < K


class UnknownTotal:
    """The total of a line, published elsewhere but hidden there for being small."""

    def __init__(self, line):
        self.line = line

    def __eq__(self, other):
        return isinstance(other, UnknownTotal) and other.line is self.line

    def __hash__(self):
        return id(self.line)


def with_unknown_totals(figures, lines, unknown) -> set:
    """The unknown figures plus the totals published elsewhere that are hidden there."""
    return set(unknown) | {
        UnknownTotal(line)
        for line in lines
        if line.total is None and not published_total(figures, line)
    }


def unknowns_of(line, unknown) -> list:
    result = [part for part in line.parts if part in unknown]
    total = UnknownTotal(line) if line.total is None else line.total
    if total in unknown:
        result.append(total)
    return result


def solved_by_peeling(figures, lines, unknown) -> set:
    """What a person finds by repeatedly solving a line with one unknown."""
    unknown = with_unknown_totals(figures, lines, unknown)
    solved = set()
    progress = True
    while progress:
        progress = False
        for line in lines:
            missing = unknowns_of(line, unknown)
            if len(missing) == 1:
                unknown.discard(missing[0])
                solved.add(missing[0])
                progress = True
    return solved


def rank_mod_p(rows: list[list[int]]) -> int:
    rows = [[value % PRIME for value in row] for row in rows]
    rank = 0
    width = len(rows[0]) if rows else 0
    for col in range(width):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][col]), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        inverse = pow(rows[rank][col], PRIME - 2, PRIME)
        rows[rank] = [value * inverse % PRIME for value in rows[rank]]
        for r in range(len(rows)):
            if r != rank and rows[r][col]:
                factor = rows[r][col]
                rows[r] = [
                    (a - factor * b) % PRIME for a, b in zip(rows[r], rows[rank], strict=True)
                ]
        rank += 1
    return rank


def solved_by_algebra(figures, lines, unknown) -> set:
    """Unknown figures fixed by the lines taken together: column j of the system is
    not a combination of the other columns."""
    unknown = with_unknown_totals(figures, lines, unknown)
    variables = sorted({v for line in lines for v in unknowns_of(line, unknown)}, key=repr)
    if not variables:
        return set()
    matrix = []
    for line in lines:
        missing = unknowns_of(line, unknown)
        if missing:
            row = [0] * len(variables)
            for v in missing:
                is_total = isinstance(v, UnknownTotal) or v == line.total
                row[variables.index(v)] = -1 if is_total else 1
            matrix.append(row)
    full = rank_mod_p(matrix)
    return {
        variable
        for j, variable in enumerate(variables)
        if rank_mod_p([row[:j] + row[j + 1 :] for row in matrix]) < full
    }


def single_learner_lines(figures, lines, unknown) -> list:
    """Lines whose total is known and whose unknown figures (never zero) must all be 1."""
    unknown = with_unknown_totals(figures, lines, unknown)
    exposed = []
    for line in lines:
        missing = unknowns_of(line, unknown)
        parts = [part for part in line.parts if part in unknown]
        if len(missing) == len(parts) >= 2 and all(figures[p].learners == 1 for p in parts):
            exposed.append(line)
    return exposed


def assert_protected(figures, lines, hidden, *, ones_may_show: bool = False):
    in_lines = {key for line in lines for key in (*line.parts, line.total) if key is not None}
    # What the published totals give away on their own (with the zeros, which
    # are always shown) is not the table's doing.
    public = solved_by_algebra(figures, lines, in_lines)
    zeros = {key for key in in_lines if figures[key].learners == 0}
    for key, figure in figures.items():
        if figure.is_small(K):
            assert key in hidden, f"small figure {key} shown"
        if key not in hidden:
            assert not any(d in hidden for d in figure.rests_on), f"{key} rests on a hidden one"
    assert not (solved_by_peeling(figures, lines, hidden) & hidden) - public
    assert not (solved_by_algebra(figures, lines, hidden) & hidden) - public
    exposed = single_learner_lines(figures, lines, hidden)
    if ones_may_show:
        # A line whose every part holds one learner, beside its published total,
        # tells that much whatever the table hides (docs/security.md, "What
        # suppression cannot hide"); a line with a larger part must stay protected.
        exposed = [line for line in exposed if any(figures[p].learners > 1 for p in line.parts)]
    assert not [
        line
        for line in exposed
        if line not in single_learner_lines(figures, lines, in_lines - public - zeros)
    ]


# --- random tables ---------------------------------------------------------------


@st.composite
def tables(draw):
    """A table of counts with optional row and column totals (in the table, or published
    elsewhere) and a grand total, plus shares resting on two of its counts."""
    n_rows = draw(st.integers(1, 5))
    n_cols = draw(st.integers(1, 4))
    values = [[draw(counts) for _c in range(n_cols)] for _r in range(n_rows)]
    row_totals = draw(st.sampled_from(["table", "elsewhere", "none"]))
    col_totals = draw(st.sampled_from(["table", "elsewhere", "none"]))
    grand = draw(st.sampled_from(["table", "elsewhere"]))
    figures: dict = {}
    lines: list = []
    for r in range(n_rows):
        for c in range(n_cols):
            figures[(r, c)] = Figure(values[r][c])
    if grand == "table" and "table" in (row_totals, col_totals):
        figures[("all", "all")] = Figure(sum(map(sum, values)))
    grand_key = ("all", "all") if ("all", "all") in figures else None
    if row_totals != "none":
        for r in range(n_rows):
            total = None
            if row_totals == "table":
                total = (r, "all")
                figures[total] = Figure(sum(values[r]))
            lines.append(Line(tuple((r, c) for c in range(n_cols)), total))
        if row_totals == "table":
            lines.append(Line(tuple((r, "all") for r in range(n_rows)), grand_key))
    if col_totals != "none":
        for c in range(n_cols):
            total = None
            if col_totals == "table":
                total = ("all", c)
                figures[total] = Figure(sum(values[r][c] for r in range(n_rows)))
            lines.append(Line(tuple((r, c) for r in range(n_rows)), total))
        if col_totals == "table":
            lines.append(Line(tuple(("all", c) for c in range(n_cols)), grand_key))
    if n_cols >= 2 and draw(st.booleans()):
        for r in range(n_rows):
            figures[(r, "share")] = Figure(
                values[r][1], counts=(values[r][0],), rests_on=((r, 0), (r, 1))
            )
    return figures, lines


@profile
@given(tables())
def test_no_hidden_figure_can_be_worked_out(table):
    figures, lines = table
    hidden = hidden_figures(figures, lines, K)
    assert_protected(figures, lines, hidden)
    # The same table always hides the same figures: two reports showing the
    # same column hide the same rows.
    assert hidden_figures(figures, lines, K) == hidden


@profile
@given(tables())
def test_nothing_is_hidden_without_a_small_figure(table):
    figures, lines = table
    if not any(figure.is_small(K) for figure in figures.values()):
        assert hidden_figures(figures, lines, K) == frozenset()


@profile
@given(
    rows=st.lists(
        st.tuples(counts, counts, st.integers(0, 3), st.floats(0, 100)), min_size=1, max_size=12
    )
)
@example(rows=[(0, 1, 0, 0.0)] * 5)  # five groups of one learner each
def test_breakdown_columns_do_not_give_away_a_hidden_row(rows):
    """The shape of every breakdown: the rows of each count add up to the overview."""
    raw = [
        {
            "label": f"group {n}",
            "started": max(started, completed),
            "completed": completed,
            "completions": completed * (1 + extra) if completed else 0,
            "average_best_score": score if completed else None,
        }
        for n, (started, completed, extra, score) in enumerate(rows)
    ]
    shown = protect_rows(raw, BREAKDOWN, K)
    for field in ("started", "completed", "completions"):
        # Completions are about the learners who completed.
        learners = [row["started" if field == "started" else "completed"] for row in raw]
        hidden = [n for n, row in enumerate(shown) if row[field] is SUPPRESSED]
        if not 0 < sum(learners) < K:
            # The overview publishes the total: one hidden row alone would be total - rest,
            # and hidden rows (never zero) of one learner each would be given away together.
            assert len(hidden) != 1, field
            # Unless no row holds more than one learner: the total published beside the
            # table then says how many rows hold one, whatever the table hides
            # (docs/security.md, "What suppression cannot hide").
            if any(n > 1 for n in learners):
                assert not hidden or sum(learners[n] for n in hidden) > len(hidden), field
    for before, after in zip(raw, shown, strict=True):
        if after["completed"] is SUPPRESSED:
            assert after["completion_rate"] is SUPPRESSED
            assert after["completions"] is SUPPRESSED
            assert after["average_best_score"] is SUPPRESSED
        if after["started"] is SUPPRESSED:
            assert after["completion_rate"] is SUPPRESSED
        for field in ("started", "completed"):
            if 0 < before[field] < K:
                assert after[field] is SUPPRESSED
            elif after[field] is not SUPPRESSED:
                assert after[field] == before[field]


BREAKDOWN = {
    "started": Count("started"),
    "completed": Count("completed"),
    "completion_rate": Share("completed", "started", rests_on=("completed", "started")),
    "completions": Count("completions", learners="completed", rests_on=("completed",)),
    "average_best_score": Mean("average_best_score", "completed", rests_on=("completed",)),
}


def breakdown(*rows):
    return protect_rows(
        [
            {
                "label": label,
                "started": started,
                "completed": completed,
                "completions": completed * 2,
                "average_best_score": 80.0 if completed else None,
            }
            for label, started, completed in rows
        ],
        BREAKDOWN,
        K,
    )


def test_the_smallest_other_row_is_hidden_with_a_small_one():
    # The Estonian "by organisation size" case: only Large is small.
    shown = breakdown(("Large", 8, 3), ("Medium", 17, 17), ("Micro", 53, 51), ("Small", 25, 24))
    completed = [row["completed"] for row in shown]
    assert completed == [SUPPRESSED, SUPPRESSED, 51, 24]
    # Everything resting on a hidden count goes with it; the started column is whole.
    assert shown[1]["completion_rate"] is SUPPRESSED
    assert shown[1]["completions"] is SUPPRESSED
    assert shown[1]["average_best_score"] is SUPPRESSED
    assert [row["started"] for row in shown] == [8, 17, 53, 25]


def test_two_small_rows_protect_each_other():
    shown = breakdown(("A", 3, 3), ("B", 2, 2), ("C", 40, 30))
    assert [row["completed"] for row in shown] == [SUPPRESSED, SUPPRESSED, 30]


def test_two_single_learners_are_not_left_alone():
    # 1 + 1 hidden beside a visible 30: the total would say both are exactly 1.
    shown = breakdown(("A", 1, 1), ("B", 1, 1), ("C", 30, 30))
    assert [row["completed"] for row in shown] == [SUPPRESSED] * 3


def test_a_lone_small_row_needs_no_partner():
    # The overview hides the total too: there is nothing to subtract from.
    shown = breakdown(("A", 3, 3), ("B", 0, 0))
    assert [row["completed"] for row in shown] == [SUPPRESSED, 0]


def test_zero_stays_zero_and_is_never_a_partner():
    shown = breakdown(("A", 3, 3), ("B", 0, 0), ("C", 9, 9), ("D", 12, 0))
    assert [row["completed"] for row in shown] == [SUPPRESSED, 0, SUPPRESSED, 0]
    assert shown[3]["completion_rate"] == 0.0


def test_a_total_in_the_table_is_hidden_when_no_other_part_can_be():
    figures = {"a": Figure(3), "b": Figure(0), "total": Figure(3)}
    assert hidden_figures(figures, [Line(("a", "b"), "total")], K) == {"a", "total"}
    figures = {"a": Figure(30), "b": Figure(3), "total": Figure(33)}
    lines = [Line(("a", "b"), "total")]
    assert hidden_figures(figures, lines, K) == {"a", "b"}


def test_crossing_lines_are_checked_together():
    """Two hidden blocks joined by one hidden figure: each line holds two hidden
    figures, yet the row and column sums fix the joining one."""
    values = {
        (0, 0): 2, (0, 1): 9, (0, 2): 7, (0, 3): 0,
        (1, 0): 8, (1, 1): 3, (1, 2): 0, (1, 3): 0,
        (2, 0): 0, (2, 1): 0, (2, 2): 2, (2, 3): 9,
        (3, 0): 0, (3, 1): 0, (3, 2): 8, (3, 3): 3,
    }  # fmt: skip
    figures = {key: Figure(value) for key, value in values.items()}
    lines = [Line(tuple((r, c) for c in range(4))) for r in range(4)]
    lines += [Line(tuple((r, c) for r in range(4))) for c in range(4)]
    hidden = hidden_figures(figures, lines, K)
    assert_protected(figures, lines, hidden)


def test_per_language_shares_of_a_question_hide_in_pairs():
    """One small language beside a large one: the all-languages share and the large
    language's share would give the small one's right answers away."""
    columns = {
        "learners": Count("learners", additive=False),
        "rate_et": Share("correct_et", "answers_et", "learners_et", rests_on=("learners",)),
        "rate_fr": Share("correct_fr", "answers_fr", "learners_fr", rests_on=("learners",)),
        "rate_en": Share("correct_en", "answers_en", "learners_en", rests_on=("learners",)),
    }
    languages = (("rate_et", "rate_fr", "rate_en"), "learners")
    row = {
        "learners": 24,
        **{"correct_et": 15, "answers_et": 20, "learners_et": 20},
        **{"correct_fr": 2, "answers_fr": 2, "learners_fr": 2},
        **{"correct_en": 0, "answers_en": 0, "learners_en": 0},
    }
    [shown] = protect_rows([row], columns, K, row_lines=[languages])
    assert shown["rate_fr"] is SUPPRESSED
    assert shown["rate_et"] is SUPPRESSED
    assert shown["rate_en"] is None  # nobody answered in English: nothing to hide
    assert shown["learners"] == 24
    assert "correct_fr" not in shown  # the raw counts never reach the page


@pytest.mark.parametrize("language", ["en", "et", "fr"])
def test_the_hidden_mark_is_a_word_not_a_bound(language):
    from django.utils import translation

    with translation.override(language):
        text = figure_text(SUPPRESSED)
    assert text and "<" not in text and not any(ch.isdigit() for ch in text)
    assert figure_text(None) == "–"


@example(k=2)
@given(k=st.integers(1, 10))
def test_the_threshold_is_k(k):
    figures = {n: Figure(n) for n in range(0, 12)}
    hidden = hidden_figures(figures, [], k)
    assert hidden == set(range(1, k))
