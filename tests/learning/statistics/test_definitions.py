"""Every figure a statistics report shows is named and defined, and every export says
what it is: the report, its filters, when it was made, whose learners, the rule."""

from __future__ import annotations

import datetime
import html
import io
import re

import openpyxl
import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from learning.statistics.definitions import FIGURES
from tests.admin_reports.exports import csv_parts

REPORTS = [
    ("overview", []),
    ("breakdown", ["region"]),
    ("breakdown", ["programme"]),
    ("breakdown", ["module"]),
    ("over_time", []),
    ("funnel", []),
]


def page(client, name, args=(), **params) -> str:
    response = client.get(reverse(f"learning_statistics:{name}", args=args), params)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def definitions_on(text: str) -> dict[str, str]:
    """The page's definition list: name -> definition."""
    section = text.split('class="report-definitions"')[1].split("</section>")[0]
    names = re.findall(r"<dt>(.*?)</dt>", section, re.S)
    texts = re.findall(r"<dd[^>]*>(.*?)</dd>", section, re.S)
    return dict(zip(names, texts, strict=True))


def column_headings(text: str) -> list[tuple[str, str]]:
    """(heading, id of its definition) of each column of the page's table."""
    return re.findall(r'<th scope="col" aria-describedby="([^"]+)">(.*?)</th>', text)


def export(client, name, args=(), fmt="csv", **params) -> bytes:
    response = client.get(
        reverse(f"learning_statistics:{name}", args=args), {**params, "export": fmt}
    )
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def workbook(content: bytes) -> dict[str, list[list]]:
    book = openpyxl.load_workbook(io.BytesIO(content))
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book}


def prefer(user, language: str) -> None:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.mark.parametrize("language", ["en", "et"])
def test_every_column_of_every_report_is_defined_under_its_table(client, world, language):
    prefer(world["manager"], language)
    client.force_login(world["manager"])
    for name, args in REPORTS:
        text = page(client, name, args)
        defined = definitions_on(text)
        assert defined and all(defined.values()), (name, args)
        for field, heading in column_headings(text):
            # The heading's name is the defined name, and points at its definition.
            assert heading in defined, (name, heading)
            assert f'<dd id="{field}">' in text, (name, field)
    if language == "et":
        # The names are the admin language's (the funnel's headings are translated).
        headings = [heading for _field, heading in column_headings(page(client, "funnel"))]
        assert "Learners who started it" not in headings and len(headings) == 5


def test_the_overview_leads_with_programme_completion_and_names_the_module_share(client, world):
    client.force_login(world["manager"])
    text = page(client, "overview")
    cards = re.findall(
        r'class="stats-card__value">([^<]*)</span> <span class="stats-card__label">([^<]*)<', text
    )
    labels = [label for _value, label in cards]
    # The programme's figures first, as the funnel gives them (5 of 7 starters).
    assert labels[:2] == [
        "Learners who completed all of Water programme",
        "Share of starters who completed all of Water programme (%)",
    ]
    assert {label: value for value, label in cards}[labels[0]] == "5"
    assert "Share of starters who completed at least one module (%)" in labels
    assert "Completion rate" not in text
    defined = definitions_on(text)
    assert "every module" in defined["Learners who completed all of a programme"]
    assert (
        "not the share who completed a programme"
        in defined["Share of starters who completed at least one module (%)"]
    )
    funnel = {row["Programme"]: row for row in csv_parts(export(client, "funnel").decode())[0]}
    assert funnel["Water programme"]["Learners who completed all of it"] == "5"


def test_the_xlsx_export_defines_each_column_and_says_what_it_is(client, world, settings):
    settings.STATISTICS_MIN_CELL_SIZE = 4
    client.force_login(world["coordinator"])
    sheets = workbook(
        export(
            client,
            "breakdown",
            ["module"],
            "xlsx",
            region=world["estonia"].pk,
            programme=str(world["programme"].translation_key),
            date_from="2020-03-04",
        )
    )
    table, definitions, about = sheets.values()
    assert list(sheets)[1:] == ["Definitions", "About this export"]
    headings = table[0]
    assert definitions[0] == ["Column", "Definition"]
    assert [row[0] for row in definitions[1:]] == headings
    assert all(row[1] for row in definitions[1:])
    about = dict(about)
    assert about["Report"] == "By module"
    filters = about["Filters applied"]
    assert "Region: Estonia" in filters and "Programme: Water programme" in filters
    # The start date used, widened to its month in this small selection, as the page
    # formats dates.
    assert "From: March 1, 2020" in filters
    made = datetime.datetime.fromisoformat(about["Made at"].split(" ")[0])
    assert made.tzinfo is not None and "Europe/Tallinn" in about["Made at"]
    assert about["Scope"] == "All regions"
    rule = about["Suppression rule"]
    assert "fewer than 4 learners" in rule and "“hidden”" in rule
    assert "at least one other figure of the same column is hidden" in rule
    assert "widened to whole months" in about["Dates"]


def test_the_csv_export_carries_the_same_after_its_table(client, world):
    client.force_login(world["manager"])
    content = export(client, "over_time", period="week").decode()
    table, about, definitions = csv_parts(content)
    assert content.startswith("Period starting,")
    assert table and list(table[0]) == list(definitions)
    assert definitions["Learners who completed a module in the period"]
    assert about["Report"] == "Completions over time"
    assert about["Filters applied"] == "Group by: Week"
    assert about["Scope"] == "Your regions: Estonia"
    assert "fewer than 5 learners" in about["Suppression rule"]
    assert "T" in about["Made at"] and "+" in about["Made at"]


def test_the_overview_export_defines_each_measure(client, world):
    client.force_login(world["manager"])
    table, _about, definitions = csv_parts(export(client, "overview").decode())
    assert {"Measure", "Value"} <= set(definitions)
    for row in table:
        measure = row["Measure"]
        generic = measure.replace("Water programme", "a programme")
        assert measure in definitions or generic in definitions, measure


def test_the_metadata_never_names_another_region(client, world):
    client.force_login(world["manager"])
    brittany = world["brittany"].pk
    for name, args in [*REPORTS, ("questions", [])]:
        content = export(client, name, args, region=brittany)
        about = csv_parts(content.decode())[1]
        assert about["Scope"] == "Your regions: Estonia", name
        expected = "Group by: Month" if name == "over_time" else "None"
        assert about["Filters applied"] == expected, name
        assert b"Brittany" not in content
        xlsx = export(client, name, args, "xlsx", region=brittany)
        cells = [c for rows in workbook(xlsx).values() for row in rows for c in row]
        assert "Your regions: Estonia" in cells
        assert not any("Brittany" in str(c) for c in cells)


def test_the_question_analysis_defines_each_language_in_its_export(client, world):
    client.force_login(world["coordinator"])
    module = str(world["phishing"].translation_key)
    _table, _about, definitions = csv_parts(export(client, "questions", module=module).decode())
    assert "Answered right in Eesti (%)" in definitions
    assert "Eesti" in definitions["Answered right in Eesti (%)"]
    text = page(client, "questions", module=module)
    assert "Answered right in … (%)" in definitions_on(text)


def test_every_name_and_definition_is_a_sentence_of_its_own():
    for key, entry in FIGURES.items():
        assert str(entry.name).strip(), key
        assert str(entry.definition).rstrip().endswith("."), key
