"""Sector icons: drawn for the known sectors, a general one for the rest, all offline."""

import re
from pathlib import Path

from django.contrib.staticfiles import finders

from home.templatetags.site_tags import SECTOR_ICONS
from tests.factories import SectorFactory, make_module


def test_every_named_icon_is_drawn_in_the_sprite():
    sprite = Path(finders.find("icons/sectors.svg")).read_text(encoding="utf-8")
    drawn = set(re.findall(r'<symbol id="sector-([a-z-]+)"', sprite))
    assert SECTOR_ICONS | {"default"} == drawn


def test_the_home_page_shows_each_sectors_icon_beside_its_name(client, site_pages):
    _home, index = site_pages
    water = SectorFactory(slug="water", name="Water")
    mining = SectorFactory(slug="mining", name="Mining")
    make_module(index, "Phishing", sectors=[water, mining])
    page = client.get("/en/").content.decode()
    assert 'svg#sector-water"></use></svg><span>Water</span>' in page
    # A sector without its own drawing gets the general one, never a broken image.
    assert 'svg#sector-default"></use></svg><span>Mining</span>' in page
    assert 'aria-hidden="true"' in page.split("sector-default")[0].rsplit("<svg", 1)[1]
