"""The sub-region select in a real browser: its script offers the chosen region's only."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from learning.models import LearnerProfile
from modules.models import Region, SubRegion


def options(select) -> list[str]:
    return [text.strip() for text in select.locator("option").all_inner_texts()]


def test_the_sub_regions_follow_the_region_chosen(demo, page):
    page.goto(demo.url + "/en/accounts/signup/")
    region = page.get_by_role("combobox", name=re.compile(r"^Region"))
    subregion = page.get_by_role("combobox", name=re.compile(r"^Sub-region"))
    # No region yet: every region's sub-regions, grouped.
    assert len(options(subregion)) == 1 + SubRegion.objects.count()

    region.select_option(label="Estonia")
    estonian = sorted(s.name for s in SubRegion.objects.filter(region__code="EE"))
    assert options(subregion)[0] == "Choose your sub-region"
    assert sorted(options(subregion)[1:]) == estonian
    subregion.select_option(label="Tartu County")

    # Another region: Tartu goes, and only Brittany's départements are offered.
    region.select_option(label="Brittany")
    expect(subregion).to_have_value("")
    assert sorted(options(subregion)[1:]) == sorted(
        s.name for s in SubRegion.objects.filter(region__code="FR-BRE")
    )
    # A region without sub-regions: nothing to choose.
    region.select_option(label="Slovenia")
    expect(subregion).to_be_disabled()

    region.select_option(label="Estonia")
    expect(subregion).to_be_enabled()
    subregion.select_option(label="Harju County")
    page.get_by_label("E-mail address").fill("kadri.harju@example.com")
    page.get_by_label("Password").fill("vesi-on-elu-2026")
    page.get_by_label("Your name").fill("Kadri Kask")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(re.compile(r"/en/learn/"))
    profile = LearnerProfile.objects.get(user__email="kadri.harju@example.com")
    assert profile.region == Region.objects.get(code="EE")
    assert profile.subregion == SubRegion.objects.get(code="EE-37")
