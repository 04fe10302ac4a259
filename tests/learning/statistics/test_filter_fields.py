"""The report filters' unbound fields, rendered once per scope, language and publish."""

from __future__ import annotations

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.learning.statistics.helpers import staff

OVERVIEW = "learning_statistics:overview"


def region_choices(client, **params) -> list[str]:
    html = client.get(reverse(OVERVIEW), params).content.decode()
    select = BeautifulSoup(html, "html.parser").find("select", attrs={"name": "region"})
    return [option.get_text(strip=True) for option in select.find_all("option")]


def test_each_scope_gets_its_own_regions_whoever_opened_a_report_first(client, world):
    brittany = world["brittany"]
    breton = staff("manager.bre", codename="view_statistics", regions=[brittany])
    estonian = staff("manager.ee2", codename="view_statistics", regions=[world["estonia"]])

    client.force_login(world["coordinator"])
    assert {"Estonia", "Brittany"} <= set(region_choices(client))
    client.force_login(world["manager"])
    assert region_choices(client) == ["All my regions", "Estonia"]
    client.force_login(breton)
    assert region_choices(client) == ["All my regions", "Brittany"]
    # The same scope reads the fields the first manager's visit rendered.
    client.force_login(estonian)
    assert region_choices(client) == ["All my regions", "Estonia"]


def test_a_filtered_report_shows_its_choice_and_its_errors(client, world):
    client.force_login(world["manager"])
    region_choices(client)  # the unbound fields, kept
    html = client.get(
        reverse(OVERVIEW), {"region": world["estonia"].pk, "date_from": "31.02.2026"}
    ).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    chosen = soup.find("select", attrs={"name": "region"}).find("option", selected=True)
    assert chosen.get_text(strip=True) == "Estonia"
    assert soup.select_one(".stats-filters__field--error #id_date_from")
    # And the unbound form again has nothing chosen and no error.
    soup = BeautifulSoup(client.get(reverse(OVERVIEW)).content.decode(), "html.parser")
    chosen = soup.find("select", attrs={"name": "region"}).find("option", selected=True)
    assert chosen.get_text(strip=True) == "All my regions"
    assert not soup.select(".stats-filters__field--error")


def test_the_fields_follow_the_language_and_what_is_published(client, world):
    client.force_login(world["manager"])
    region_choices(client)
    # Wagtail's admin speaks the language the person chose in their account.
    profile = UserProfile.get_for_user(world["manager"])
    profile.preferred_language = "et"
    profile.save()
    html = client.get(reverse(OVERVIEW)).content.decode()
    label = BeautifulSoup(html, "html.parser").find("label", attrs={"for": "id_region"})
    assert label.get_text(strip=True) == "Piirkond"

    profile.preferred_language = "en"
    profile.save()
    module = world["phishing"]
    module.title = "Phishing, revised"
    module.save_revision().publish()  # a publish starts a new content generation
    html = client.get(reverse(OVERVIEW)).content.decode()
    assert "Phishing, revised" in html


def rendered(response) -> set[str]:
    return {template.name for template in response.templates}


def test_the_unbound_fields_are_rendered_once_and_a_filtered_form_each_time(client, world):
    client.force_login(world["manager"])
    fields = "admin_reports/filter_fields.html"
    assert fields in rendered(client.get(reverse(OVERVIEW)))
    assert fields not in rendered(client.get(reverse(OVERVIEW)))
    assert fields not in rendered(
        client.get(reverse("learning_statistics:breakdown", args=["sector"]))
    )
    filtered = {"region": world["estonia"].pk}
    assert fields in rendered(client.get(reverse(OVERVIEW), filtered))
    assert fields in rendered(client.get(reverse(OVERVIEW), filtered))
