"""Organisations and sub-regions: registration, the admin's edit form, and joining."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse

from learning.models import LearnerProfile, Organisation
from organisations import inviting
from organisations.models import Invitation
from tests.factories import SubRegionFactory
from tests.organisations.conftest import sign_in

pytestmark = pytest.mark.django_db

REGISTER = "/en/organisations/register/"
PASSWORD = "a-Long-enough-passphrase-9"


@pytest.fixture
def world(org_world):
    """The shared world with Tartu and Harju counties in Estonia, Finistère in Brittany."""
    estonia, brittany = org_world["estonia"], org_world["france"]
    org_world["harju"] = SubRegionFactory(region=estonia)
    org_world["tartu"] = SubRegionFactory(
        code="EE-79", name="Tartu County", names={"et": "Tartu maakond"}, region=estonia
    )
    org_world["finistere"] = SubRegionFactory(
        code="FR-29", name="Finistère", names={}, region=brittany
    )
    return org_world


def registration(world, **changes) -> dict:
    data = {
        "name": "Viljandi Vesi",
        "registry_code": "10203040",
        "region": world["estonia"].pk,
        "sector": world["water"].pk,
        "size": "micro",
        "contact_name": "Vello Veevärk",
        "contact_email": "vello@viljandi.example",
        "language": "et",
        "password": PASSWORD,
        "statistics_consent": "on",
    }
    data.update(changes)
    return data


def error_of(html: str, field: str) -> str:
    found = re.search(rf'<p class="field-error" id="id_{field}-error">([^<]*)</p>', html)
    return found.group(1) if found else ""


def counts() -> tuple[int, int, int]:
    return (
        Organisation.objects.count(),
        get_user_model().objects.count(),
        LearnerProfile.objects.count(),
    )


# --- registration on the public site ------------------------------------------------


def test_the_registration_page_offers_sub_regions_grouped_by_region(client, world):
    html = BeautifulSoup(client.get(REGISTER).content, "html.parser")
    select = html.find("select", attrs={"name": "subregion"})
    groups = {group["label"]: len(group.find_all("option")) for group in select("optgroup")}
    assert groups == {"Brittany": 1, "Estonia": 2}
    assert select["data-subregion-select"] == "region"
    assert html.find("script", src=re.compile("subregion-select"))
    # Among the organisation's fields, after its region.
    names = [field["name"] for field in html.select("form select, form input[type=text]")]
    assert names.index("subregion") == names.index("region") + 1


def test_a_visitor_registers_an_organisation_and_its_account_with_a_sub_region(client, world):
    response = client.post(REGISTER, registration(world, subregion=world["tartu"].pk))
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Viljandi Vesi")
    assert organisation.subregion == world["tartu"]
    # The contact's learner account is in the same county.
    profile = LearnerProfile.objects.get(user__email="vello@viljandi.example")
    assert profile.subregion == world["tartu"]


def test_a_learner_registers_with_their_sub_region_offered(client, world):
    profile = LearnerProfile.objects.get(user=world["outsider"])
    profile.subregion = world["harju"]
    profile.save()
    sign_in(client, world, "outsider")
    page = BeautifulSoup(client.get(REGISTER).content, "html.parser")
    chosen = page.find("select", attrs={"name": "subregion"}).find("option", selected=True)
    assert chosen.get_text() == "Harju County"
    data = registration(world, subregion=world["harju"].pk)
    del data["password"]
    assert client.post(REGISTER, data).status_code == 302
    assert Organisation.objects.get(name="Viljandi Vesi").subregion == world["harju"]


def test_a_registration_without_a_sub_region_is_accepted(client, world):
    assert client.post(REGISTER, registration(world)).status_code == 302
    assert Organisation.objects.get(name="Viljandi Vesi").subregion is None


@pytest.mark.parametrize("signed_in", [False, True])
def test_a_sub_region_of_another_region_is_refused_and_nothing_is_written(client, world, signed_in):
    if signed_in:
        sign_in(client, world, "outsider")
    before = counts()
    response = client.post(REGISTER, registration(world, subregion=world["finistere"].pk))
    assert response.status_code == 400
    html = response.content.decode()
    assert error_of(html, "subregion") == (
        "Finistère is not in Estonia. Choose one of its sub-regions, or none."
    )
    # Once in the summary and once beside the field, though the account's form checks it too.
    assert html.count("Finistère is not in Estonia") == 2
    assert counts() == before


@pytest.mark.parametrize("value", ["0", "-1", "EE-37", "9" * 30])
def test_an_unknown_sub_region_is_a_form_error(client, world, value):
    before = counts()
    response = client.post(REGISTER, registration(world, subregion=value))
    assert response.status_code == 400
    assert error_of(response.content.decode(), "subregion")
    assert counts() == before


# --- the admin's Organisations menu ---------------------------------------------------


def admin_data(world, **changes) -> dict:
    data = {
        "name": "Tartu Vesi",
        "registry_code": "",
        "region": world["estonia"].pk,
        "subregion": world["tartu"].pk,
        "sector": world["water"].pk,
        "size": "small",
        "contact_name": "Anu",
        "contact_email": "anu@tartu.example",
        "language": "et",
    }
    data.update(changes)
    return data


def edit_url(organisation) -> str:
    return reverse("organisations_admin:edit", args=[organisation.pk])


def test_the_manager_of_estonia_is_offered_estonian_sub_regions_only(client, world):
    client.force_login(world["manager"])
    html = BeautifulSoup(client.get(edit_url(world["a"])).content, "html.parser")
    select = html.find("select", attrs={"name": "subregion"})
    options = [option.get_text() for option in select("option") if option["value"]]
    assert options == ["Harju County", "Tartu County"]
    assert "Finistère" not in html.decode()
    assert html.find("script", src=re.compile("subregion-select"))


def test_a_manager_gives_an_organisation_its_sub_region(client, world):
    client.force_login(world["manager"])
    response = client.post(edit_url(world["a"]), admin_data(world))
    assert response.status_code == 302
    world["a"].refresh_from_db()
    assert world["a"].subregion == world["tartu"]
    details = reverse("organisations_admin:review", args=[world["pending"].pk])
    assert client.get(details).status_code == 200


@pytest.mark.parametrize("who", ["manager", "coordinator"])
def test_a_foreign_sub_region_is_refused_in_the_admin(client, world, who):
    client.force_login(world[who])
    response = client.post(edit_url(world["a"]), admin_data(world, subregion=world["finistere"].pk))
    assert response.status_code == 200  # the form again, with its error
    html = response.content.decode()
    if who == "manager":
        # Not even offered to the manager of Estonia: not a valid choice.
        assert "Select a valid choice" in html
    else:
        assert "Finistère is not in Estonia. Choose one of its sub-regions, or none." in html
    world["a"].refresh_from_db()
    assert world["a"].subregion is None


def test_the_review_page_shows_the_sub_region(client, world):
    world["pending"].subregion = world["harju"]
    world["pending"].save()
    client.force_login(world["manager"])
    page = client.get(reverse("organisations_admin:review", args=[world["pending"].pk]))
    assert "Harju County" in page.content.decode()


# --- joining -----------------------------------------------------------------------


def test_who_joins_by_invitation_takes_the_organisation_s_sub_region(client, world):
    world["a"].subregion = world["tartu"]
    world["a"].save()
    invitation = Invitation.objects.create(
        organisation=world["a"],
        email="uus@tartu.example",
        language="et",
        invited_by=world["admin_a"],
    )
    url = reverse("organisations:accept", args=[inviting.invitation_token(invitation)])
    page = client.get(url).content.decode()
    # The organisation gives it: not asked.
    assert 'name="subregion"' not in page
    response = client.post(
        url,
        {
            "password": "long-enough-passphrase-42",
            "full_name": "Uus Töötaja",
            "preferred_language": "et",
            "statistics_consent": "on",
            # Ignored: the organisation's sub-region is taken.
            "subregion": world["finistere"].pk,
        },
    )
    assert response.status_code == 302
    profile = LearnerProfile.objects.get(user__email="uus@tartu.example")
    assert profile.region == world["estonia"] and profile.subregion == world["tartu"]
