"""Programme targets in the admin: a manager keeps their own regions' targets only."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from reporting.models import ProgrammeTarget
from tests.factories import RegionFactory, make_module, make_programme
from tests.learning.statistics.helpers import staff

INDEX = reverse("programme_targets:index")
ADD = reverse("programme_targets:add")


@pytest.fixture
def setup(site_pages):
    home, index = site_pages
    estonia = RegionFactory(code="EE", name="Estonia")
    latvia = RegionFactory(code="LV", name="Latvia")
    programme = make_programme(home, [make_module(index, "Phishing")], title="Water programme")
    latvian = ProgrammeTarget.objects.create(
        programme_key=programme.translation_key,
        region=latvia,
        learners_completed=50,
        due_date=datetime.date(2027, 12, 31),
    )
    manager = staff("manager.ee", codename="view_statistics", regions=[estonia])
    return {
        "estonia": estonia,
        "latvia": latvia,
        "programme": programme,
        "latvian": latvian,
        "manager": manager,
    }


def form(setup, **changes) -> dict:
    return {
        "programme_key": str(setup["programme"].translation_key),
        "region": setup["estonia"].pk,
        "learners_completed": "200",
        "organisations_trained": "12",
        "due_date": "2027-06-30",
        **changes,
    }


def test_a_manager_sets_a_target_for_their_region(client, setup):
    client.force_login(setup["manager"])
    response = client.post(ADD, form(setup))
    assert response.status_code == 302
    target = ProgrammeTarget.objects.get(region=setup["estonia"])
    assert (target.learners_completed, target.organisations_trained) == (200, 12)
    assert target.programme_key == setup["programme"].translation_key
    listing = client.get(INDEX).content.decode()
    assert "Water programme" in listing and "Estonia" in listing
    assert "Latvia" not in listing


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"due_date": "9999-12-31"}, "Choose a date between 2000 and 2099."),
        ({"due_date": "0001-01-01"}, "Choose a date between 2000 and 2099."),
        ({"due_date": "31.02.2027"}, "Enter a valid date."),
        ({"learners_completed": "", "organisations_trained": ""}, "Give a number of learners"),
        ({"learners_completed": "-3"}, "greater than or equal to 1"),
        ({"learners_completed": "99999999999"}, "less than or equal to 10000000"),
        ({"programme_key": "00000000-0000-0000-0000-000000000000"}, "Select a valid choice"),
    ],
)
def test_bad_input_gets_a_clear_error_and_saves_nothing(client, setup, changes, message):
    client.force_login(setup["manager"])
    response = client.post(ADD, form(setup, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ProgrammeTarget.objects.filter(region=setup["estonia"]).exists()


def test_another_region_cannot_be_chosen_or_reached(client, setup):
    client.force_login(setup["manager"])
    response = client.post(ADD, form(setup, region=setup["latvia"].pk))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    latvian = setup["latvian"]
    for name in ("edit", "delete", "history"):
        url = reverse(f"programme_targets:{name}", args=[latvian.pk])
        # (A 404 outside the language-prefixed pages is redirected once, then is a 404.)
        assert client.get(url, follow=True).status_code in (403, 404), name
        posted = client.post(url, form(setup, region=setup["latvia"].pk), follow=True)
        assert posted.status_code in (403, 404), name
    latvian.refresh_from_db()
    assert latvian.learners_completed == 50


def test_one_target_per_programme_and_region(client, setup):
    client.force_login(setup["manager"])
    assert client.post(ADD, form(setup)).status_code == 302
    response = client.post(ADD, form(setup, learners_completed="300"))
    assert response.status_code == 200
    assert "already has a target for this region" in response.content.decode()
    assert ProgrammeTarget.objects.get(region=setup["estonia"]).learners_completed == 200


def test_people_without_statistics_cannot_open_the_targets(client, setup):
    client.force_login(staff("editor"))
    for url in (INDEX, ADD, reverse("programme_targets:edit", args=[setup["latvian"].pk])):
        assert client.get(url).status_code in (302, 403, 404), url
    assert client.post(ADD, form(setup)).status_code in (302, 403)
    assert ProgrammeTarget.objects.count() == 1


def test_every_targets_url_refuses_everyone_outside_the_statistics(client, setup):
    """Each URL of the targets, for people without statistics and for a learner,
    in GET and POST: refused, and nothing changes."""
    from django.contrib.auth import get_user_model

    from tests.learning.test_authorisation import named_urls

    names = named_urls({"programme_targets"})
    assert {"programme_targets:index", "programme_targets:add", "programme_targets:edit"} <= names
    learner = get_user_model().objects.create_user("learner", "learner@example.com", "pw")
    outsiders = [None, learner, staff("editor")]
    latvian = setup["latvian"]
    for person in outsiders:
        client.logout()
        if person is not None:
            client.force_login(person)
        for name in sorted(names):
            try:
                url = reverse(name, args=[latvian.pk])
            except Exception:  # noqa: BLE001 - URLs without an object
                url = reverse(name)
            for method in (client.get, client.post):
                response = method(url, follow=True)
                assert response.status_code in (200, 403, 404), (person, name)
                if response.status_code == 200:  # sent to sign in, or to the dashboard
                    assert response.redirect_chain, (person, name)
                    landed = response.redirect_chain[-1][0].split("?")[0]
                    assert landed in ("/admin/login/", "/admin/"), (person, name)
    latvian.refresh_from_db()
    assert latvian.learners_completed == 50
    assert ProgrammeTarget.objects.count() == 1
