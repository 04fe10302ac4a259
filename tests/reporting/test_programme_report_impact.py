"""The programme report's "Learning gain" and "Survey results" sections: the figures
of the impact reports for the programme, in the PDF and the workbook."""

from __future__ import annotations

import io

import openpyxl
import pytest

from impact.models import SurveyResponse
from reporting.programme_report import build_programme_report
from tests.impact.report_data import knowledge, respond, survey_page
from tests.learning.statistics import helpers
from tests.reporting.test_programme_report import FROM, download, pdf_text, table, until

world = helpers.world


@pytest.fixture
def impact(world):
    """Estonia: 6 learners with both checks (gain 60 %) and a survey placed after the
    programme that 10 answered; Brittany: 6 learners and 6 answers of its own."""
    programme = world["programme"]
    for baseline, final in ((40, 80), (50, 90), (60, 70), (30, 60), (70, 100), (50, 80)):
        knowledge(programme, world["estonia"], world["water"], baseline=baseline, final=final)
    for _n in range(6):
        knowledge(programme, world["brittany"], world["water"], baseline=10, final=20)
    survey = survey_page(programme, "After the water programme")
    for number in range(10):
        respond(survey, world["estonia"], world["water"], rating=5 if number < 5 else 4)
    for _n in range(6):
        respond(survey, world["brittany"], world["water"], rating=1)
    SurveyResponse.objects.update(programme_key=programme.translation_key)
    return {**world, "survey": survey}


def test_the_pdf_has_learning_gain_and_survey_results(client, impact):
    client.force_login(impact["manager"])
    text = pdf_text(download(client, impact))
    assert "Learning gain" in text
    assert "Normalised learning gain (%)" in text
    assert "Learners with both checks" in text
    assert "60.0" in text
    assert "Survey results" in text
    assert "After the water programme" in text
    assert "1. I recognise a phishing e-mail." in text
    assert "Strongly agree" in text
    assert "Brittany" not in text
    # Defined at the end with the other figures.
    assert "(mean final score − mean baseline score) / (100 − mean baseline score)" in text


def test_the_sections_hold_the_reports_figures(impact):
    report = build_programme_report(
        impact["manager"], impact["programme"].translation_key, FROM, until()
    )
    by_region = table(report, "gain", "By region")
    assert by_region.headings[:2] == ["Region", "Learners with both checks"]
    estonia, total = by_region.rows
    assert estonia[0] == "Estonia" and estonia[1] == 6 and estonia[5] == 60.0
    assert total[0] == "All learners in the selection"
    survey = table(report, "surveys", "After the water programme")
    likert = survey.rows[:5]
    assert likert[0][:2] == ["1. I recognise a phishing e-mail.", 10]
    assert [row[2:] for row in likert[3:]] == [["Agree", 5, 50.0], ["Strongly agree", 5, 50.0]]


def test_the_coordinator_gets_every_region(impact):
    report = build_programme_report(
        impact["coordinator"], impact["programme"].translation_key, FROM, until()
    )
    labels = [row[0] for row in table(report, "gain", "By region").rows]
    assert labels == ["Brittany", "Estonia", "All learners in the selection"]
    survey = table(report, "surveys", "After the water programme")
    assert survey.rows[0][1] == 16


def test_the_workbook_has_the_two_sheets(client, impact):
    client.force_login(impact["manager"])
    book = openpyxl.load_workbook(io.BytesIO(download(client, impact, format="xlsx")))
    assert book.sheetnames[4:6] == ["Learning gain", "Survey results"]
    gain = [row for row in book["Learning gain"].iter_rows(values_only=True) if any(row)]
    assert gain[gain.index(next(r for r in gain if r[0] == "Region")) + 1][:2] == ("Estonia", 6)
    assert [chart.tagname for chart in book["Learning gain"]._charts] == ["barChart"] * 3
    surveys = [cell for row in book["Survey results"].iter_rows(values_only=True) for cell in row]
    assert "After the water programme" in surveys and "Strongly agree" in surveys
    definitions = dict(book["Definitions"].iter_rows(min_row=2, values_only=True))
    assert "Normalised learning gain (%)" in definitions
    assert "Share of respondents (%)" in definitions


def test_without_checks_or_surveys_the_sections_say_so(world):
    report = build_programme_report(
        world["manager"], world["programme"].translation_key, FROM, until()
    )
    by_region = table(report, "gain", "By region")
    assert by_region.rows == []
    assert "has taken the checks yet" in by_region.empty_text
    [surveys] = [s for s in report.sections if s.key == "surveys"][0].tables
    assert surveys.rows == [] and "No survey of this programme" in surveys.empty_text
