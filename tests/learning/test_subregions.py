"""Sub-regions: the vocabulary, the learner's sign-up and profile, their records and data."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import translation

from caching.generation import generation
from learning.models import LearnerProfile, ModuleProgress
from learning.recording import record_module_start, submit_quiz
from modules.models import SubRegion
from tests.factories import (
    RegionFactory,
    SubRegionFactory,
    answers_for,
    make_learner,
    make_module,
)

REFUSAL = "{subregion} is not in {region}. Choose one of its sub-regions, or none."


@pytest.fixture
def places(db):
    estonia = RegionFactory(code="EE", name="Estonia", names={"et": "Eesti", "fr": "Estonie"})
    brittany = RegionFactory(
        code="FR-BRE", name="Brittany", country="FR", names={"et": "Bretagne", "fr": "Bretagne"}
    )
    harju = SubRegionFactory(region=estonia)
    tartu = SubRegionFactory(
        code="EE-79",
        name="Tartu County",
        names={"et": "Tartu maakond", "fr": "comté de Tartu"},
        region=estonia,
    )
    finistere = SubRegionFactory(
        code="FR-29", name="Finistère", names={"et": "Finistère"}, region=brittany
    )
    return {
        "estonia": estonia,
        "brittany": brittany,
        "harju": harju,
        "tartu": tartu,
        "finistere": finistere,
    }


def signup_data(region, **overrides) -> dict:
    return {
        "email": "kadri@example.com",
        "password": "long-enough-passphrase-42",
        "full_name": "Kadri Kask",
        "region": region.pk,
        "sector": "",
        "organisation_size": "small",
        "preferred_language": "et",
        "statistics_consent": "on",
        **overrides,
    }


def url(name: str, language: str = "en") -> str:
    with translation.override(language):
        return reverse(name)


def field_error(html: str, field: str) -> str:
    found = re.search(rf'<p class="field-error" id="id_{field}-error">([^<]*)</p>', html)
    return found.group(1) if found else ""


# --- the vocabulary --------------------------------------------------------------


def test_a_sub_region_is_named_in_the_reader_s_language_and_belongs_to_its_region(places):
    harju = places["harju"]
    assert harju.name_in("et") == "Harju maakond"
    assert harju.name_in("fr") == "comté de Harju"
    # A language without its own name falls back to English.
    assert harju.name_in("sk") == "Harju County"
    with translation.override("et"):
        assert str(harju) == "Harju maakond"
    assert list(places["estonia"].subregions.order_by("code")) == [harju, places["tartu"]]


def test_a_region_with_sub_regions_cannot_be_deleted(places):
    with pytest.raises(ProtectedError):
        places["estonia"].delete()


def test_the_code_is_unique(places):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        SubRegion.objects.create(code="EE-37", name="Another Harju", region=places["estonia"])


def test_renaming_a_sub_region_refreshes_the_shared_cache(places):
    before = generation()
    places["harju"].names = {**places["harju"].names, "sk": "Harjumaa"}
    places["harju"].save()
    assert generation() != before


def test_editors_edit_sub_regions_with_a_name_per_language(admin_client, places):
    listing = admin_client.get(reverse("wagtailsnippets_modules_subregion:list"))
    assert listing.status_code == 200
    assert "Harju County" in listing.content.decode()
    edit = reverse("wagtailsnippets_modules_subregion:edit", args=[places["harju"].pk])
    page = admin_client.get(edit).content.decode()
    assert "ISO 3166-2 code of the sub-region, e.g. EE-37. It never changes." in page
    response = admin_client.post(
        edit,
        {
            "region": places["estonia"].pk,
            "name": "Harju County",
            "code": "EE-37",
            "name_et": "Harju maakond",
            "name_sk": "Harjumaa",
        },
    )
    assert response.status_code == 302
    places["harju"].refresh_from_db()
    # Names left empty are dropped, not kept as "".
    assert places["harju"].names == {"et": "Harju maakond", "sk": "Harjumaa"}


def test_a_sub_region_without_a_name_is_in_the_translations_report(admin_client, places):
    html = BeautifulSoup(
        admin_client.get(reverse("modules_translations_report")).content, "html.parser"
    )
    rows = {
        row.th.get_text(strip=True): row.select("td")[0].get_text(strip=True)
        for row in html.select("table.translations-names tbody tr")
    }
    assert rows["Harju County"] == "Sub-region"
    assert rows["Finistère"] == "Sub-region"


# --- sign-up and profile -----------------------------------------------------------


def test_the_sign_up_form_groups_sub_regions_by_region_in_the_page_s_language(client, places):
    html = BeautifulSoup(client.get(url("learning:signup", "et")).content, "html.parser")
    select = html.find("select", attrs={"name": "subregion"})
    assert select["data-subregion-select"] == "region"
    groups = {
        group["label"]: [option.get_text() for option in group.find_all("option")]
        for group in select.find_all("optgroup")
    }
    assert groups == {"Bretagne": ["Finistère"], "Eesti": ["Harju maakond", "Tartu maakond"]}
    # Each option names its region for the script; the script is on the page.
    harju = select.find("option", string="Harju maakond")
    assert harju["data-region"] == str(places["estonia"].pk)
    assert html.find("script", src=re.compile(r"js/subregion-select(\.[0-9a-f]+)?\.js"))
    help_text = html.find(id="id_subregion-help").get_text()
    assert help_text == "Valikuline. Valida saab ainult ülal valitud piirkonna allpiirkondi."
    # Optional: its first choice is none.
    assert select.find("option")["value"] == ""


def test_a_learner_signs_up_with_a_sub_region_of_their_region(client, places):
    response = client.post(
        url("learning:signup"), signup_data(places["estonia"], subregion=places["tartu"].pk)
    )
    assert response.status_code == 302
    assert LearnerProfile.objects.get().subregion == places["tartu"]


def test_a_learner_may_give_no_sub_region(client, places):
    response = client.post(url("learning:signup"), signup_data(places["estonia"]))
    assert response.status_code == 302
    assert LearnerProfile.objects.get().subregion is None


def test_a_sub_region_of_another_region_is_refused_and_nothing_is_saved(client, places):
    response = client.post(
        url("learning:signup"),
        signup_data(places["estonia"], subregion=places["finistere"].pk),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert field_error(html, "subregion") == REFUSAL.format(subregion="Finistère", region="Estonia")
    assert 'role="alert"' in html
    assert not get_user_model().objects.exists()
    assert not LearnerProfile.objects.exists()


def test_the_refusal_names_both_in_the_page_s_language(client, places):
    response = client.post(
        url("learning:signup", "et"),
        signup_data(places["brittany"], subregion=places["harju"].pk),
    )
    assert response.status_code == 400
    error = field_error(response.content.decode(), "subregion")
    assert "Harju maakond" in error and "Bretagne" in error


@pytest.mark.parametrize("value", ["999999", "harju", "1; DROP TABLE", "\x00"])
def test_an_unknown_sub_region_is_a_form_error(client, places, value):
    response = client.post(url("learning:signup"), signup_data(places["estonia"], subregion=value))
    assert response.status_code == 400
    assert field_error(response.content.decode(), "subregion")
    assert not LearnerProfile.objects.exists()


def test_the_profile_changes_the_sub_region_and_refuses_a_foreign_one(client, places):
    learner = make_learner(region=places["estonia"])
    client.force_login(learner)
    data = {
        "full_name": "Mari Maasikas",
        "region": places["estonia"].pk,
        "subregion": places["harju"].pk,
        "sector": "",
        "organisation_size": "small",
        "preferred_language": "en",
        "statistics_consent": "on",
    }
    assert client.post(url("learning:profile"), data).status_code == 302
    profile = LearnerProfile.objects.get(user=learner)
    assert profile.subregion == places["harju"]
    # The form shows it chosen.
    page = BeautifulSoup(client.get(url("learning:profile")).content, "html.parser")
    assert page.find("option", selected=True, string="Harju County")

    # Moving to Brittany with Harju still chosen is refused; the profile is unchanged.
    response = client.post(url("learning:profile"), {**data, "region": places["brittany"].pk})
    assert response.status_code == 400
    assert field_error(response.content.decode(), "subregion") == REFUSAL.format(
        subregion="Harju County", region="Brittany"
    )
    profile.refresh_from_db()
    assert profile.region == places["estonia"] and profile.subregion == places["harju"]

    # Choosing none clears it.
    assert client.post(url("learning:profile"), {**data, "subregion": ""}).status_code == 302
    profile.refresh_from_db()
    assert profile.subregion is None


# --- the learner's records ---------------------------------------------------------


def test_progress_keeps_the_sub_region_of_the_start_and_of_the_completion(site_pages, places):
    _home, index = site_pages
    module = make_module(index, "Phishing", pass_mark=70)
    learner = make_learner(region=places["estonia"])
    profile = learner.learner_profile
    profile.subregion = places["harju"]
    profile.save()
    row = record_module_start(learner, module)
    assert row.subregion == places["harju"]

    # A later change of profile leaves the row as it was until the module is completed.
    profile.subregion = places["tartu"]
    profile.save()
    learner.refresh_from_db()
    assert ModuleProgress.objects.get(pk=row.pk).subregion == places["harju"]
    answers = {key[2:]: value for key, value in answers_for(module).items()}
    submit_quiz(learner, module, answers, "00000000-0000-4000-8000-000000000001")
    assert ModuleProgress.objects.get(pk=row.pk).subregion == places["tartu"]


# --- the learner's data ------------------------------------------------------------


def test_my_data_names_the_sub_region_with_its_code_in_the_page_s_language(client, places):
    learner = make_learner(region=places["estonia"])
    profile = learner.learner_profile
    profile.subregion = places["harju"]
    profile.save()
    client.force_login(learner)
    estonian = json.loads(client.get(url("learning:my_data", "et"), {"format": "json"}).content)
    assert estonian["profile"]["subregion"] == {"code": "EE-37", "name": "Harju maakond"}
    assert estonian["profile"]["region"] == "Eesti"
    french = json.loads(client.get(url("learning:my_data", "fr"), {"format": "json"}).content)
    assert french["profile"]["subregion"] == {"code": "EE-37", "name": "comté de Harju"}
    page = client.get(url("learning:my_data", "et")).content.decode()
    assert "Harju maakond" in page

    profile.subregion = None
    profile.save()
    learner.refresh_from_db()
    data = json.loads(client.get(url("learning:my_data"), {"format": "json"}).content)
    assert data["profile"]["subregion"] is None
