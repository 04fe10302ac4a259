"""A funnel filtered to one region never gives away another region's hidden figure.

The programme funnel of a person's regions, minus the funnel filtered to each
region but one, would give that region's learners who completed the programme:
the funnel filtered to a region shows nothing while the funnel split by region
hides that region's row.
"""

from __future__ import annotations

import csv
import io

from django.urls import reverse

from learning.statistics.filters import StatisticsFilters
from learning.statistics.funnel_groups import protected_funnel_by_group
from learning.statistics.suppression import SUPPRESSED
from tests.factories import RegionFactory, SectorFactory, make_module, make_programme
from tests.learning.statistics.helpers import HIDDEN, learner, progress, staff

URL = reverse("learning_statistics:funnel")


def funnel(client, **params) -> dict:
    response = client.get(URL, {**params, "export": "csv"})
    assert response.status_code == 200
    rows = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    return {row["Programme"]: row for row in rows}


def build(site_pages):
    """Estonia: 10 learners completed the first module, 3 of them the whole
    programme. Latvia: 10 completed the whole programme. The breakdown by region
    (at least one module) hides nothing; the programme's own figures would."""
    home, index = site_pages
    estonia = RegionFactory(code="EE", name="Estonia")
    latvia = RegionFactory(code="LV", name="Latvia")
    water = SectorFactory(slug="water", name="Water")
    phishing = make_module(index, "Phishing", sectors=[water])
    backups = make_module(index, "Backups", sectors=[water])
    programme = make_programme(home, [phishing, backups], title="Water programme")
    programme.regions.set([estonia, latvia])
    programme.save()  # a page's regions are kept when it is saved
    n = iter(range(100))
    for number in range(10):
        user = learner(next(n), estonia, water)
        progress(user, phishing)
        progress(user, backups, completed=number < 3)
    for _number in range(10):
        user = learner(next(n), latvia, water)
        progress(user, phishing)
        progress(user, backups)
    manager = staff("baltic", codename="view_statistics", regions=[estonia, latvia])
    return manager, estonia, latvia, programme


def test_the_region_table_hides_a_small_region_and_its_partner(site_pages):
    manager, estonia, latvia, programme = build(site_pages)
    table = protected_funnel_by_group(
        manager, StatisticsFilters(regions=[estonia, latvia]), "region"
    )
    key = programme.translation_key
    assert table[key, estonia]["completed"] is SUPPRESSED  # 3 learners
    assert table[key, latvia]["completed"] is SUPPRESSED  # 10, but 13 minus 10 gives 3
    assert table[key, estonia]["started"] == table[key, latvia]["started"] == 10


def test_the_funnel_filtered_to_the_partner_region_shows_nothing(client, site_pages):
    manager, estonia, latvia, _programme = build(site_pages)
    client.force_login(manager)
    everything = funnel(client)["Water programme"]
    assert everything["Learners who completed all of it"] == "13"
    latvian = funnel(client, region=latvia.pk)["Water programme"]
    # Shown, it would be 10, and 13 - 10 is Estonia's 3.
    assert latvian["Learners who completed all of it"] == HIDDEN
    html = client.get(URL, {"region": latvia.pk}).content.decode()
    assert "Every figure of this selection is hidden" in html
    assert "“By region”" in html


def test_the_overview_filtered_to_the_partner_region_shows_no_programme_completion(
    client, site_pages
):
    """The overview's headline is the funnel's programme completion: the same rule."""
    manager, _estonia, latvia, _programme = build(site_pages)
    client.force_login(manager)
    response = client.get(reverse("learning_statistics:overview"), {"region": latvia.pk})
    html = response.content.decode()
    assert "Every figure of this selection is hidden" in html
    assert ">10<" not in html
