"""A manager whose regions are not assigned yet sees empty reports, not an error."""

import pytest
from django.urls import reverse

from tests.learning.statistics.helpers import rows_of, staff

REPORTS = [
    ("learning_statistics:overview", []),
    ("learning_statistics:breakdown", ["region"]),
    ("learning_statistics:breakdown", ["module"]),
    ("learning_statistics:over_time", []),
    ("learning_statistics:funnel", []),
    ("learning_statistics:questions", []),
]


@pytest.mark.parametrize(("name", "args"), REPORTS)
def test_reports_for_a_manager_without_regions_are_empty(client, world, name, args):
    client.force_login(staff("unassigned", codename="view_statistics"))
    url = reverse(name, args=args)
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Estonia" not in html and "Brittany" not in html
    for row in rows_of(client, url):
        assert not any(value.isdigit() and int(value) > 0 for value in row.values()), row
