"""Editors manage regions and sectors, and author modules, in the Wagtail admin."""

from django.urls import reverse

from modules.models import Sector
from tests.factories import SectorFactory


def test_sector_names_are_edited_one_field_per_language(admin_client):
    sector = SectorFactory(slug="water", name="Water", names={"et": "Vesi"})
    url = reverse("wagtailsnippets_modules_sector:edit", args=[sector.pk])
    html = admin_client.get(url).content.decode()
    assert "Name in Estonian" in html and 'value="Vesi"' in html
    response = admin_client.post(
        url,
        {
            "name": "Water and wastewater",
            "slug": "water",
            "sort_order": "1",
            "name_et": "Vesi ja reovesi",
            "name_fr": "Eau et assainissement",
            "name_it": "",
            "name_sk": "",
            "name_sl": "",
            "name_es": "",
        },
    )
    assert response.status_code == 302
    sector = Sector.objects.get()
    assert sector.names == {"et": "Vesi ja reovesi", "fr": "Eau et assainissement"}
    assert sector.name_in("fr") == "Eau et assainissement"
    assert sector.name_in("it") == "Water and wastewater"


def test_region_and_sector_listings_open(admin_client):
    for name in ("wagtailsnippets_modules_region:list", "wagtailsnippets_modules_sector:list"):
        assert admin_client.get(reverse(name)).status_code == 200


def test_module_editor_offers_lesson_and_quiz(admin_client, site_pages):
    _home, index = site_pages
    url = reverse("wagtailadmin_pages:add", args=["modules", "modulepage", index.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for label in (
        "Single choice",
        "Multiple choice",
        "True or false",
        "Checklist",
        "Key takeaways",
    ):
        assert label in html
