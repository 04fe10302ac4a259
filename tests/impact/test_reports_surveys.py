"""The survey results report: shares by hand, the split and its suppression, the
free-text rule, scope, the empty states and the exports."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from django.urls import reverse

from tests.admin_reports.exports import csv_table
from tests.impact.report_data import impact_world, respond, survey_page  # noqa: F401
from tests.learning.statistics.helpers import HIDDEN

URL = "/admin/statistics/impact/surveys/"


@pytest.fixture
def world(impact_world):  # noqa: F811 - the shared fixture
    return impact_world


def content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def export(client, world, **params) -> list[dict]:
    query = {"survey": str(world["survey"].translation_key), "export": "csv", **params}
    response = client.get(URL, query)
    assert response.status_code == 200
    return csv_table(content(response).decode())


def page(client, world, **params) -> str:
    response = client.get(URL, {"survey": str(world["survey"].translation_key), **params})
    assert response.status_code == 200
    return response.content.decode()


def figures_of(rows, question: str, group: str = "All respondents") -> dict[str, tuple]:
    """{answer: (respondents who gave it, share)} of a question's rows for a group."""
    return {
        row["Answer"]: (row["Respondents who gave it"], row["Share of respondents (%)"])
        for row in rows
        if row["Question"].startswith(question) and row["Group"] == group
    }


def respondents_of(rows, question: str, group: str = "All respondents") -> str:
    return next(
        row["Respondents"]
        for row in rows
        if row["Question"].startswith(question) and row["Group"] == group
    )


def estonian_answers(world, ratings=(4, 4, 5, 5, 5, 2, 4, 4, 5, 5)):
    for number, rating in enumerate(ratings):
        respond(
            world["survey"],
            world["estonia"],
            world["water"],
            rating=rating,
            single="o-it" if number < 7 else "o-boss",
            multi=("o-mfa", "o-pm") if number < 6 else ("o-mfa",),
        )


def test_the_route_is_under_statistics(world):
    assert reverse("impact_statistics:surveys") == URL


def test_shares_equal_the_hand_computed_figures(client, world):
    estonian_answers(world)
    client.force_login(world["manager"])
    rows = export(client, world)
    # Ratings: 2 ×1, 4 ×4, 5 ×5 of 10 respondents; "Disagree" (1 respondent) is
    # hidden and so is the next smallest level, "Agree", so that 10 − 4 − 5 cannot give it.
    assert respondents_of(rows, "1.") == "10"
    likert = figures_of(rows, "1.")
    assert likert["Strongly disagree"] == ("0", "0.0")
    assert likert["Disagree"] == (HIDDEN, HIDDEN)
    assert likert["Neither agree nor disagree"] == ("0", "0.0")
    assert likert["Agree"] == (HIDDEN, HIDDEN)
    assert likert["Strongly agree"] == ("5", "50.0")
    single = figures_of(rows, "2.")
    # "My manager" (3) is hidden, and IT (7) with it: 10 − 7 would give it away.
    assert single == {
        "IT": (HIDDEN, HIDDEN),
        "My manager": (HIDDEN, HIDDEN),
        "Nobody": ("0", "0.0"),
    }
    # Several options per respondent: each counted once, shares over 100 in all.
    multi = figures_of(rows, "3.")
    assert multi["Two-step sign-in"] == ("10", "100.0")
    assert multi["A password manager"] == ("6", "60.0")


def test_the_page_draws_a_chart_per_question(client, world):
    estonian_answers(world)
    client.force_login(world["manager"])
    html = page(client, world)
    assert html.count('class="hbar-chart"') == 3  # the free text has no chart
    assert "Share of respondents for each answer: Strongly disagree: 0.0; Disagree: hidden" in html


def test_the_split_hides_small_groups_and_their_partners(client, world):
    estonian_answers(world)
    for _n in range(2):
        respond(world["survey"], world["estonia"], world["energy"], rating=1, single="o-none")
    client.force_login(world["manager"])
    rows = export(client, world, split="sector")
    assert respondents_of(rows, "1.") == "12"
    assert respondents_of(rows, "1.", "Energy") == HIDDEN
    # Water's 10 would give Energy's 2 away from the 12 of all respondents.
    assert respondents_of(rows, "1.", "Water") == HIDDEN
    html = page(client, world, split="sector")
    assert "Question 1 by group" in html


def test_a_one_region_manager_sees_only_their_region(client, world):
    estonian_answers(world)
    latvian = survey_page(world["home"], "Latvian survey")
    for _n in range(6):
        respond(world["survey"], world["latvia"], world["water"], rating=1)
        respond(latvian, world["latvia"], world["water"], rating=1)
    client.force_login(world["manager"])
    assert respondents_of(export(client, world), "1.") == "10"
    html = client.get(URL).content.decode()
    assert "Awareness survey" in html and "Latvian survey" not in html
    # Another region's survey or region in the address gives nothing of theirs.
    response = client.get(URL, {"survey": str(latvian.translation_key)})
    assert response.status_code == 200
    assert "Choose a survey in the filters above" in response.content.decode()
    rows = export(client, world, region=world["latvia"].pk)
    assert respondents_of(rows, "1.") == "10"
    client.force_login(world["coordinator"])
    assert respondents_of(export(client, world), "1.") == "16"


def test_without_responses_in_scope_the_page_says_so(client, world):
    respond(world["survey"], world["latvia"], world["water"])
    client.force_login(world["manager"])
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "No survey has responses in your regions yet." in html
    assert "export=xlsx" not in html


def test_nothing_is_counted_without_consent(client, world):
    estonian_answers(world)
    respond(world["survey"], world["estonia"], world["water"], rating=1, consent=False)
    client.force_login(world["manager"])
    assert respondents_of(export(client, world), "1.") == "10"


# --- the free-text rule ------------------------------------------------------------


def texts_on_page(html: str) -> list[str]:
    return re.findall(r"<li><q>(.*?)</q>", html)


def test_free_texts_need_k_respondents(client, world):
    for number in range(4):
        respond(world["survey"], world["estonia"], world["water"], text=f"Idea {number}")
    client.force_login(world["manager"])
    html = page(client, world)
    assert texts_on_page(html) == []
    assert "The answers in words are not listed here" in html
    assert not [row for row in export(client, world) if row["Answer"].startswith("Idea")]
    respond(world["survey"], world["estonia"], world["water"], text="Idea 4")
    html = page(client, world)
    assert texts_on_page(html) == [f"Idea {n}" for n in range(5)]


def test_a_text_names_its_group_only_when_k_share_it(client, world):
    for number in range(5):
        respond(world["survey"], world["estonia"], world["water"], text=f"Water idea {number}")
    respond(world["survey"], world["estonia"], world["energy"], size="micro", text="Energy idea")
    client.force_login(world["manager"])
    html = page(client, world)
    assert 'Water idea 0</q> <span class="help-text">(Estonia, Water, Small' in html
    assert "Energy idea</q></li>" in html  # alone in its group: no region, sector or size
    rows = [row for row in export(client, world) if "idea" in row["Answer"]]
    groups = {row["Answer"]: row["Group"] for row in rows}
    assert groups["Energy idea"] == ""
    assert groups["Water idea 3"].startswith("Estonia, Water, Small")


def test_free_texts_are_not_listed_for_a_chosen_group(client, world):
    for number in range(6):
        respond(world["survey"], world["estonia"], world["water"], text=f"Idea {number}")
    client.force_login(world["manager"])
    html = page(client, world, sector=world["water"].pk)
    assert texts_on_page(html) == []
    assert "not for a chosen region, sector or size" in html


def test_free_texts_never_show_the_account(client, world):
    response = None
    for number in range(6):
        response = respond(world["survey"], world["estonia"], world["water"], text=f"Idea {number}")
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(
        "secret.person@example.com", "secret.person@example.com"
    )
    response.user = user
    response.save()
    client.force_login(world["coordinator"])
    for text in (page(client, world), str(export(client, world))):
        assert "secret.person" not in text


def test_the_workbook_has_definitions_and_the_rules(client, world):
    estonian_answers(world)
    client.force_login(world["manager"])
    response = client.get(
        URL, {"survey": str(world["survey"].translation_key), "export": "xlsx", "split": "region"}
    )
    workbook = openpyxl.load_workbook(io.BytesIO(content(response)))
    table = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert table[0] == (
        "Question",
        "Group",
        "Respondents",
        "Answer",
        "Respondents who gave it",
        "Share of respondents (%)",
    )
    assert "Estonia" in {row[1] for row in table}
    definitions = dict(workbook["Definitions"].iter_rows(values_only=True))
    assert set(definitions) >= {"Respondents", "Share of respondents (%)"}
    about = dict(workbook["About this export"].iter_rows(values_only=True))
    assert "fewer than 5 respondents" in about["Suppression rule"]
    assert "at least 5 respondents answered in words" in about["Free-text answers"]
    assert about["Scope"] == "Your regions: Estonia"


def test_queries_do_not_grow_with_the_answers(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    estonian_answers(world)
    client.force_login(world["coordinator"])
    params = {"survey": str(world["survey"].translation_key), "split": "sector"}
    client.get(URL, params)  # warm the caches

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, params).status_code == 200
        return len(queries)

    few = count()
    for number in range(30):
        respond(
            world["survey"],
            world["latvia"] if number % 2 else world["estonia"],
            world["energy"] if number % 3 else world["water"],
            rating=1 + number % 5,
            multi=("o-mfa",),
            text=f"Idea {number}",
        )
    assert count() == few
