"""The impact reports tried as every role: a learner, an editor or a visitor gets
nothing; the manager of Estonia never sees Brittany's checks or answers, whatever
the address asks; a coordinator sees both regions."""

from __future__ import annotations

import pytest
from django.urls import reverse

from impact.statistics.views import GAIN_LABELS
from tests.impact.report_data import knowledge, respond, survey_page
from tests.learning.statistics.helpers import world  # noqa: F401 - the shared fixture
from tests.learning.test_authorisation import (  # noqa: F401 - the shared fixture
    assert_sent_to_login,
    body,
    export_text,
    people,
    sign_in,
)


@pytest.fixture
def impact(people):  # noqa: F811
    """Checks and survey answers in both regions; a Breton survey answered only there."""
    programme = people["programme"]
    shared = survey_page(people["home"], "Shared survey")
    breton = survey_page(people["home"], "Breton survey")
    for region, sector in ((people["estonia"], people["water"]), (people["brittany"], None)):
        for number in range(6):
            knowledge(programme, region, sector, baseline=40, final=80 + number)
            respond(shared, region, sector, text=f"Said in {region.name} {number}")
    for number in range(6):
        respond(breton, people["brittany"], None, text=f"Breton secret {number}")
    return {**people, "shared": shared, "breton": breton}


def impact_requests(impact) -> list[tuple[str, dict]]:
    brittany = impact["brittany"].pk
    urls = [reverse("impact_statistics:gain")]
    urls += [reverse("impact_statistics:gain_by", args=[d]) for d in GAIN_LABELS]
    queries = [{}, {"region": brittany}, {"subregion": impact["finistere"].pk}]
    requests = [(url, query) for url in urls for query in queries]
    surveys = reverse("impact_statistics:surveys")
    for survey in (impact["shared"], impact["breton"]):
        for query in ({}, {"region": brittany}, {"split": "region"}):
            requests.append((surveys, {"survey": str(survey.translation_key), **query}))
    requests.append((surveys, {}))
    return [
        (url, {**query, **export})
        for url, query in requests
        for export in ({}, {"export": "csv"}, {"export": "xlsx"})
    ]


@pytest.mark.parametrize("role", ["anonymous", "learner", "editor", "language_editor"])
def test_people_without_the_manager_role_get_no_impact_report(client, impact, role):
    sign_in(client, impact, role)
    for url, query in impact_requests(impact):
        response = client.get(url, query)
        if role == "anonymous":
            assert_sent_to_login(response, reverse("wagtailadmin_login"))
        else:
            assert response.status_code in (302, 403), (url, query)
        text = body(response)
        assert "Brittany" not in text and "Said in" not in text


def test_the_manager_never_sees_brittany(client, impact):
    sign_in(client, impact, "manager")
    for url, query in impact_requests(impact):
        response = client.get(url, query)
        assert response.status_code == 200, (url, query)
        text = export_text(response)
        for marker in ("Brittany", "FR-BRE", "Finistère", "Breton", "Said in Brittany"):
            assert marker not in text, (url, query, marker)
    # Estonia's own answers are there.
    response = client.get(
        reverse("impact_statistics:surveys"), {"survey": str(impact["shared"].translation_key)}
    )
    assert "Said in Estonia 0" in response.content.decode()


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_coordinators_see_both_regions(client, impact, role):
    sign_in(client, impact, role)
    for url, query in impact_requests(impact):
        assert client.get(url, query).status_code == 200, (url, query)
    text = export_text(
        client.get(reverse("impact_statistics:gain_by", args=["region"]), {"export": "csv"})
    )
    assert "Brittany" in text and "Estonia" in text
    text = client.get(
        reverse("impact_statistics:surveys"), {"survey": str(impact["breton"].translation_key)}
    ).content.decode()
    assert "Breton secret 0" in text
