"""The question analysis, as an editor uses it: which options learners choose,
where a language answers much worse than the others, and what a manager may see.

Learners answer the sample quiz (`tests.factories.sample_quiz`): a single-choice
question whose first option is right, a multiple-choice question whose first two
are right, and a true/false statement that is false.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from learning.statistics.figures import OptionRow
from learning.statistics.suppression import SUPPRESSED, Figure, Line
from learning.statistics.views import protect_options
from modules.quiz import MULTIPLE_CHOICE, SINGLE_CHOICE, TRUE_FALSE
from tests.factories import (
    RegionFactory,
    SectorFactory,
    choice_item,
    choice_question,
    make_module,
    uid,
)
from tests.learning.statistics.helpers import HIDDEN, answer, learner, record, rows_of, staff
from tests.learning.statistics.test_suppression import K, assert_protected, profile

URL = "learning_statistics:questions"


@pytest.fixture
def quiz_world(site_pages):
    """Estonia and Brittany, a module with the sample quiz, and nobody's answers yet."""
    _home, index = site_pages
    estonia = RegionFactory(code="EE", name="Estonia", default_language="et")
    brittany = RegionFactory(code="FR-BRE", name="Brittany", country="FR", default_language="fr")
    water = SectorFactory(slug="water", name="Water")
    module = make_module(index, "Phishing at the utility", sectors=[water])
    manager = staff("manager", codename="view_statistics", regions=[estonia])
    coordinator = staff("coordinator", codename="view_all_regions")
    return {
        "estonia": estonia,
        "brittany": brittany,
        "water": water,
        "module": module,
        "index": index,
        "manager": manager,
        "coordinator": coordinator,
        "numbers": iter(range(10_000)),
    }


def takes(world, region, *, single: int, several=(0, 1), true=False, language="et", again=None):
    """A learner of the region whose first attempt chose option `single` of the
    first question, options `several` of the second and `true` for the third;
    `again`: the option of the first question chosen in a second attempt."""
    module = world["module"]
    user = learner(next(world["numbers"]), region, world["water"], language=language)
    one, many, statement = module.quiz_definition.questions
    attempts = [(single, several, true)] + ([(again, several, true)] if again is not None else [])
    row = record(
        user,
        module,
        started=timezone.now() - datetime.timedelta(days=10),
        completed_after=datetime.timedelta(hours=1),
        score=80,
        attempts=len(attempts),
        first_passed=True,
        language=language,
    )
    for number, (first, chosen, said_true) in enumerate(attempts, start=1):
        choices = [
            [one.choices[first].id],
            [many.choices[n].id for n in chosen],
            ["true" if said_true else "false"],
        ]
        right = [
            set(ids) == question.correct_ids
            for ids, question in zip(choices, (one, many, statement), strict=True)
        ]
        answer(row, module, number=number, language=language, right=right, chosen=choices)
    return user


def question_rows(client, module, **params) -> dict[str, list[dict]]:
    """The export's rows per question number, one row per option."""
    rows = rows_of(client, reverse(URL), module=module.translation_key, **params)
    questions: dict = {}
    for row in rows:
        questions.setdefault(row["No."], []).append(row)
    return questions


def option_figures(rows) -> list[tuple[str, str, str, str]]:
    return [
        (
            row["Option"],
            row["Right option"],
            row["Learners who chose it on their first attempt"],
            row["Chose it on their first attempt (%)"],
        )
        for row in rows
    ]


def test_option_shares_count_each_learners_first_attempt(client, quiz_world):
    estonia = quiz_world["estonia"]
    # First question: 7 chose the right sender, 5 the look-alike domain; four
    # of those 5 chose the right one on a second attempt, which is not counted.
    for _ in range(7):
        takes(quiz_world, estonia, single=0, true=False)
    for n in range(5):
        takes(quiz_world, estonia, single=1, true=True, again=0 if n < 4 else None)
    client.force_login(quiz_world["manager"])
    questions = question_rows(client, quiz_world["module"])
    assert option_figures(questions["1"]) == [
        ("billing@supplier.example", "Yes", "7", f"{100 * 7 / 12:.1f}"),
        ("billing@supp1ier.example", "No", "5", f"{100 * 5 / 12:.1f}"),
        ("billing@supplier.example.co", "No", "0", "0.0"),
    ]
    assert questions["1"][0]["Learners who answered on their first attempt"] == "12"
    # Every attempt counts towards "answered right": 7 + 4 right of 16 answers.
    assert questions["1"][0]["Answers"] == "16"
    assert questions["1"][0]["Answered right, all languages (%)"] == f"{100 * 11 / 16:.1f}"
    # Everyone chose both right signs of phishing and nothing else.
    assert [row["Learners who chose it on their first attempt"] for row in questions["2"]] == [
        "12",
        "12",
        "0",
    ]
    # True/false: 5 said "true" (wrong), 7 "false" (right).
    assert option_figures(questions["3"]) == [
        ("True", "No", "5", f"{100 * 5 / 12:.1f}"),
        ("False", "Yes", "7", f"{100 * 7 / 12:.1f}"),
    ]
    # The page says which option is right in words, beside the option.
    html = client.get(reverse(URL), {"module": quiz_world["module"].translation_key}).content
    page = html.decode()
    assert re.search(r"billing@supplier\.example <strong[^>]*>\(right answer\)</strong>", page)
    assert not re.search(r"billing@supp1ier\.example <strong", page)


def test_a_small_option_is_hidden_with_its_complement(client, quiz_world):
    estonia = quiz_world["estonia"]
    # 8 right, 6 and 2 on the wrong ones: the 2 is hidden, and since the
    # respondents (16) minus 8 and 6 would give it, the 6 is hidden as well.
    for option, learners in ((0, 8), (1, 6), (2, 2)):
        for _ in range(learners):
            # Two of the right-answer learners also ticked the wrong sign of phishing.
            takes(quiz_world, estonia, single=option, several=(0, 1, 2) if option == 2 else (0, 1))
    client.force_login(quiz_world["manager"])
    questions = question_rows(client, quiz_world["module"])
    first = questions["1"]
    assert first[0]["Learners who answered on their first attempt"] == "16"
    assert [row["Learners who chose it on their first attempt"] for row in first] == [
        "8",
        HIDDEN,
        HIDDEN,
    ]
    assert [row["Chose it on their first attempt (%)"] for row in first] == [
        "50.0",
        HIDDEN,
        HIDDEN,
    ]
    # Several options may be chosen in the second question: nothing adds up,
    # so the small option hides nothing else.
    assert [row["Learners who chose it on their first attempt"] for row in questions["2"]] == [
        "16",
        "16",
        HIDDEN,
    ]


@profile
@given(
    kind=st.sampled_from([SINGLE_CHOICE, TRUE_FALSE]),
    counts=st.lists(
        st.one_of(st.just(0), st.integers(1, K - 1), st.integers(K, 60)), min_size=2, max_size=6
    ),
)
def test_no_hidden_option_follows_from_the_visible_ones_and_the_total(kind, counts):
    options = [OptionRow(str(n), f"Option {n}", n == 0, count) for n, count in enumerate(counts)]
    respondents, choices = protect_options(kind, sum(counts), options, K)
    hidden = {n for n, choice in enumerate(choices) if choice["learners"] is SUPPRESSED}
    if respondents is SUPPRESSED:
        hidden.add("respondents")
    figures = {n: Figure(count) for n, count in enumerate(counts)}
    figures["respondents"] = Figure(sum(counts))
    assert_protected(figures, [Line(tuple(range(len(counts))), "respondents")], hidden)
    # A share is shown exactly when its count and the respondents are.
    assert all(
        (choice["share"] is SUPPRESSED)
        == (choice["learners"] is SUPPRESSED or respondents is SUPPRESSED)
        for choice in choices
    )
    if respondents is not SUPPRESSED:
        # The plainest attack: the respondents minus the visible options.
        assert len(hidden) != 1


def test_protecting_options_of_a_multiple_choice_question_hides_only_small_ones():
    options = [OptionRow(str(n), "", n < 2, count) for n, count in enumerate([30, 12, 3])]
    _respondents, choices = protect_options(MULTIPLE_CHOICE, 30, options, K)
    assert [choice["learners"] for choice in choices] == [30, 12, SUPPRESSED]


def test_a_manager_never_sees_another_regions_answers(client, quiz_world):
    estonia, brittany = quiz_world["estonia"], quiz_world["brittany"]
    for _ in range(6):
        takes(quiz_world, estonia, single=0)
    # Only Breton learners choose the third option, in French.
    for _ in range(6):
        takes(quiz_world, brittany, single=2, language="fr")
    client.force_login(quiz_world["manager"])
    module = quiz_world["module"]
    for params in ({}, {"region": brittany.pk}, {"language": "fr"}):
        questions = question_rows(client, module, **params)
        for rows in questions.values():
            assert not [heading for heading in rows[0] if "Français" in heading]
        if params.get("language") == "fr":
            # No answer in French within Estonia.
            assert questions == {}
            continue
        first = questions["1"]
        assert first[0]["Learners who answered on their first attempt"] == "6"
        assert first[2]["Learners who chose it on their first attempt"] == "0"
    # The coordinator does see Brittany.
    client.force_login(quiz_world["coordinator"])
    first = question_rows(client, module)["1"]
    assert first[2]["Learners who chose it on their first attempt"] == "6"


def test_only_languages_with_answers_in_scope_are_shown(client, quiz_world):
    estonia, brittany = quiz_world["estonia"], quiz_world["brittany"]
    for _ in range(6):
        takes(quiz_world, estonia, single=0)
    for _ in range(6):
        takes(quiz_world, brittany, single=0, language="fr")
    module = quiz_world["module"]
    language_headings = re.compile(r"^Answered right in (.*) \(%\)$")

    def languages(rows):
        return [m.group(1) for h in rows["1"][0] if (m := language_headings.match(h))]

    client.force_login(quiz_world["manager"])
    assert languages(question_rows(client, module)) == ["Eesti"]
    page = client.get(reverse(URL), {"module": module.translation_key}).content.decode()
    assert "Every answer here was given in Eesti." in page
    assert "<details" not in page
    client.force_login(quiz_world["coordinator"])
    assert languages(question_rows(client, module)) == ["Eesti", "Français"]
    page = client.get(reverse(URL), {"module": module.translation_key}).content.decode()
    report = page.split('class="stats-questions"', 1)[1]
    assert "Eesti" in report and "Français" in report
    assert "Italiano" not in report and "English" not in report


GAP_WARNING = (
    "Learners in Eesti answer this right much less often than in other languages "
    "(40.0% vs 80.0%): check the translation."
)


def test_a_language_that_answers_much_worse_is_flagged(client, quiz_world):
    estonia, brittany = quiz_world["estonia"], quiz_world["brittany"]
    # The first question: 10 of 25 right in Estonian, 20 of 25 in French.
    for n in range(25):
        takes(quiz_world, estonia, single=0 if n < 10 else 1)
        takes(quiz_world, brittany, single=0 if n < 20 else 1, language="fr")
    module = quiz_world["module"]
    client.force_login(quiz_world["coordinator"])
    page = client.get(reverse(URL), {"module": module.translation_key}).content.decode()
    assert page.count(GAP_WARNING) == 1
    assert "Possible translation problem:" in page
    # Its figures are those shown for each language.
    first = question_rows(client, module)["1"][0]
    assert first["Answered right in Eesti (%)"] == "40.0"
    assert first["Answered right in Français (%)"] == "80.0"
    # The flagged question's languages are unfolded; the others are not.
    assert (
        page.count("<details") == 3
        and page.count('<details class="stats-question__languages" open>') == 1
    )
    # The Estonian manager has nothing to compare with.
    client.force_login(quiz_world["manager"])
    page = client.get(reverse(URL), {"module": module.translation_key}).content.decode()
    assert "Possible translation problem" not in page


def test_no_flag_below_the_minimum_of_learners(client, quiz_world, settings):
    estonia, brittany = quiz_world["estonia"], quiz_world["brittany"]
    for n in range(25):
        takes(quiz_world, estonia, single=0 if n < 10 else 1)
    # 19 French learners, all right: one short of the minimum.
    for _ in range(19):
        takes(quiz_world, brittany, single=0, language="fr")
    client.force_login(quiz_world["coordinator"])
    url, params = reverse(URL), {"module": quiz_world["module"].translation_key}
    assert "Possible translation problem" not in client.get(url, params).content.decode()
    settings.STATISTICS_QUESTION_LANGUAGE_GAP_LEARNERS = 19
    assert "Possible translation problem" in client.get(url, params).content.decode()
    # Never below k, whatever the setting says.
    settings.STATISTICS_QUESTION_LANGUAGE_GAP_LEARNERS = 2
    settings.STATISTICS_MIN_CELL_SIZE = 20
    assert "Possible translation problem" not in client.get(url, params).content.decode()
    # Nor for a gap within the threshold.
    settings.STATISTICS_MIN_CELL_SIZE = 5
    settings.STATISTICS_QUESTION_LANGUAGE_GAP = 61
    assert "Possible translation problem" not in client.get(url, params).content.decode()


def test_a_hidden_language_is_never_part_of_a_flag(client, quiz_world, settings):
    settings.STATISTICS_QUESTION_LANGUAGE_GAP_LEARNERS = 5
    estonia, brittany = quiz_world["estonia"], quiz_world["brittany"]
    # Estonian 25 (40% right), French 20 (100%), English 3 (hidden, and
    # French with it as its partner): nothing shown to compare Estonian with.
    for n in range(25):
        takes(quiz_world, estonia, single=0 if n < 10 else 1)
    for _ in range(20):
        takes(quiz_world, brittany, single=0, language="fr")
    for _ in range(3):
        takes(quiz_world, brittany, single=0, language="en")
    client.force_login(quiz_world["coordinator"])
    first = question_rows(client, quiz_world["module"])["1"][0]
    assert first["Answered right in English (%)"] == HIDDEN
    assert first["Answered right in Français (%)"] == HIDDEN
    page = client.get(reverse(URL), {"module": quiz_world["module"].translation_key})
    assert "Possible translation problem" not in page.content.decode()


def test_no_download_before_a_module_is_chosen(client, quiz_world):
    takes(quiz_world, quiz_world["estonia"], single=0)
    client.force_login(quiz_world["manager"])
    page = client.get(reverse(URL)).content.decode()
    assert "Choose a module in the filters above" in page
    assert "Download this table" not in page and "export=csv" not in page
    module = quiz_world["module"].translation_key
    page = client.get(reverse(URL), {"module": module}).content.decode()
    assert "Download this table" in page and "export=csv" in page


def test_the_chart_names_each_question(client, quiz_world):
    for _ in range(6):
        takes(quiz_world, quiz_world["estonia"], single=0)
    client.force_login(quiz_world["manager"])
    page = client.get(reverse(URL), {"module": quiz_world["module"].translation_key})
    chart = re.search(r'<div class="hbar-chart".*?>', page.content.decode(), re.S).group(0)
    labels = re.findall(r'class="hbar__label">([^<]*)<', page.content.decode())
    assert labels == [
        "Q1 Which sender address is…",
        "Q2 Which are signs of…",
        "Q3 You should reuse your…",
    ]
    title = re.search(r'aria-label="([^"]*)"', chart).group(1)
    assert "Q1 Which sender address is genuine?: 100.0%" in title
    assert "Q3 You should reuse your password for work accounts.: 100.0%" in title


def test_queries_do_not_grow_with_the_questions(client, quiz_world):
    """The same queries for a quiz of three questions and one of twelve."""
    big = make_module(
        quiz_world["index"],
        "Twelve questions",
        quiz=[
            choice_question(
                "single_choice",
                f"Question {n}?",
                [choice_item("Right", True), choice_item("Wrong"), choice_item("Other")],
            )
            for n in range(12)
        ]
        + [
            {
                "type": "true_false",
                "id": uid(),
                "value": {
                    "statement": "S",
                    "is_true": True,
                    "explanation": "",
                    "feedback_true": "",
                    "feedback_false": "",
                },
            }
        ],
    )
    small = quiz_world["module"]
    for module in (small, big):
        for n in range(6):
            user = learner(next(quiz_world["numbers"]), quiz_world["estonia"], quiz_world["water"])
            row = record(
                user,
                module,
                started=timezone.now() - datetime.timedelta(days=3),
                completed_after=datetime.timedelta(hours=1),
                score=80,
                attempts=1,
                first_passed=True,
                language="et",
            )
            answer(row, module, number=1, language="et", right=[n % 2 == 0] * 13)
    client.force_login(quiz_world["coordinator"])

    def queries(module, export=None):
        params = {"module": module.translation_key, **({"export": export} if export else {})}
        client.get(reverse(URL), params)
        with CaptureQueriesContext(connection) as context:
            response = client.get(reverse(URL), params)
            if response.streaming:
                b"".join(response.streaming_content)
        return len(context.captured_queries)

    assert queries(small) == queries(big)
    assert queries(small, "csv") == queries(big, "csv")
