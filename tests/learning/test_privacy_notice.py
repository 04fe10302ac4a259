"""The privacy notice: in every language, with the learner's own region's contact and the real periods."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from modules.models import Region
from tests.factories import RegionFactory, make_learner


@pytest.fixture
def regions(db):
    estonia = RegionFactory(
        operator_name="Estonian SME Cyber Programme Office",
        contact_email="privacy.ee@example.org",
        contact_phone="+372 600 1234",
        contact_address="Tartu mnt 10\n10145 Tallinn",
    )
    brittany = RegionFactory(
        code="FR-BRE",
        name="Brittany",
        names={"fr": "Bretagne"},
        country="FR",
        default_language="fr",
        operator_name="Agence bretonne",
        contact_email="dpo@bretagne.example.org",
    )
    return estonia, brittany


def notice_url(language: str) -> str:
    with translation.override(language):
        return reverse("learning:privacy")


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_notice_shows_the_learners_own_region_contact_in_each_language(
    client, regions, language, settings
):
    settings.LEARNER_RETENTION_DAYS = 730
    estonia, brittany = regions
    client.force_login(make_learner(region=estonia))
    response = client.get(notice_url(language))
    assert response.status_code == 200
    body = response.content.decode()
    assert f'<html lang="{language}">' in body
    assert "Estonian SME Cyber Programme Office" in body
    assert 'href="mailto:privacy.ee@example.org"' in body
    assert "Tartu mnt 10<br>10145 Tallinn" in body
    # Only the learner's own region: they have nobody else to contact.
    assert "Agence bretonne" not in body
    with translation.override(language):
        for name in ("my_data", "profile", "delete_account"):
            assert f'href="{reverse("learning:" + name)}"' in body
    assert "<h1>" in body and body.count("<h2") >= 4


def test_the_retention_period_is_the_one_purge_inactive_applies(client, regions, settings):
    settings.LEARNER_RETENTION_DAYS = 730
    assert "If you do not sign in for 2 years" in client.get(notice_url("en")).content.decode()
    settings.LEARNER_RETENTION_DAYS = 400
    assert "If you do not sign in for 400 days" in client.get(notice_url("en")).content.decode()


def test_purge_inactive_uses_the_retention_setting_by_default(db, settings, capsys):
    from io import StringIO

    settings.LEARNER_RETENTION_DAYS = 400
    out = StringIO()
    call_command("purge_inactive", stdout=out)
    assert "would be erased" in out.getvalue()


def test_visitors_see_every_regions_contact(client, regions):
    body = client.get(notice_url("fr")).content.decode()
    assert "Estonian SME Cyber Programme Office" in body
    assert "Agence bretonne" in body
    assert "Bretagne" in body  # the region's name in the page's language


def test_the_notice_is_linked_from_every_page_footer_and_the_sign_up_form(client, regions):
    url = notice_url("et")
    with translation.override("et"):
        signup = client.get(reverse("learning:signup")).content.decode()
    assert signup.count(f'href="{url}"') == 2  # footer and the consent sentence


def test_demo_regions_have_contacts(db):
    call_command("seed_demo", languages="et", without_activity=True, verbosity=0)
    regions = Region.objects.all()
    assert regions.exists()
    assert all(region.operator_name and region.contact_email for region in regions)
