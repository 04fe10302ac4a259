"""The statistics reports on a phone and in Estonian: chart text legible and never
cut, tables sortable by keyboard, dates as the admin user's language writes them."""

from __future__ import annotations

import pytest

from demo.synthetic import generate_activity

DEMO_PASSWORD = "cyberaware-demo"
HIDDEN_ET = "peidetud"

# Every text of every chart on the page: its computed font size, and how far it
# reaches beyond its chart's box (0 when it fits), with the text for the message.
CHART_TEXT = """() => {
    const found = [];
    for (const chart of document.querySelectorAll('.stats-chart :is(svg.chart, .hbar-chart)')) {
        const box = chart.getBoundingClientRect();
        const texts = chart.matches('svg')
            ? chart.querySelectorAll('text')
            : chart.querySelectorAll('.hbar__label, .hbar__value');
        for (const text of texts) {
            const rect = text.getBoundingClientRect();
            if (!rect.width) continue;  // not drawn at this width
            const overflow = text.matches('svg text') ? 0 : text.scrollWidth - text.clientWidth;
            found.push({
                text: text.textContent,
                size: parseFloat(getComputedStyle(text).fontSize),
                outside: Math.max(
                    box.left - rect.left, rect.right - box.right,
                    box.top - rect.top, rect.bottom - box.bottom, overflow, 0),
            });
        }
    }
    return found;
}"""


def sign_in(page, base: str) -> None:
    page.goto(f"{base}/admin/login/")
    page.get_by_label("Username").fill("manager.ee")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/admin/")


@pytest.fixture
def activity(demo):
    generate_activity(learners=60, seed=7, prefix="read", region_weights={"EE": 1})
    return demo


def chart_texts(page) -> list[dict]:
    texts = page.evaluate(CHART_TEXT)
    assert texts, "no chart text on the page"
    return texts


def test_charts_on_a_phone_are_legible_and_uncut(activity, phone_page):
    page = phone_page
    base = activity.url
    sign_in(page, base)
    for path, period in [
        ("/admin/statistics/over-time/", "month"),
        ("/admin/statistics/over-time/?period=week", "week"),
        ("/admin/statistics/funnel/", ""),
        ("/admin/statistics/by/module/", ""),
    ]:
        page.goto(f"{base}{path}")
        texts = chart_texts(page)
        small = [t for t in texts if t["size"] < 12]
        cut = [t for t in texts if t["outside"] > 0.5]
        assert not small, f"{path}: chart text under 12px: {small[:3]}"
        assert not cut, f"{path}: chart text cut off: {cut[:3]}"
        if period:
            assert page.locator("svg.chart--line").count() == 2
        # Nor does the page scroll sideways for a chart.
        assert page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
    # On a desktop the over-time chart keeps its text at 12px and within bounds too.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base}/admin/statistics/over-time/")
    texts = chart_texts(page)
    assert all(t["size"] >= 12 and t["outside"] <= 0.5 for t in texts), texts


def column(page, index: int) -> list[str]:
    return page.locator(f".stats-table tbody tr > :nth-child({index})").all_inner_texts()


def number(text: str) -> float:
    return float(text.replace("\xa0", "").replace(" ", "").replace(",", "."))


def test_tables_sort_by_keyboard_in_estonian(activity, page):
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(get_user_model().objects.get(username="manager.ee"))
    profile.preferred_language = "et"
    profile.save()
    base = activity.url
    sign_in(page, base)
    page.goto(f"{base}/admin/statistics/by/module/")
    headings = page.locator(".stats-table thead th")
    assert headings.count() >= 3
    # Each heading holds a button; none is sorted until asked.
    assert page.locator(".stats-table thead th button").count() == headings.count()
    assert page.locator(".stats-table thead th[aria-sort]").count() == 0
    started = headings.nth(1).locator("button")
    started.focus()
    page.keyboard.press("Enter")
    assert headings.nth(1).get_attribute("aria-sort") == "ascending"
    values = column(page, 2)
    shown = [number(v) for v in values if v != HIDDEN_ET]
    assert shown == sorted(shown)
    # Hidden figures last, whichever way.
    assert values[len(shown) :] == [HIDDEN_ET] * (len(values) - len(shown))
    page.keyboard.press("Space")
    assert headings.nth(1).get_attribute("aria-sort") == "descending"
    values = column(page, 2)
    shown = [number(v) for v in values if v != HIDDEN_ET]
    assert shown == sorted(shown, reverse=True)
    assert values[len(shown) :] == [HIDDEN_ET] * (len(values) - len(shown))
    # And says so to a screen reader: the column, then how it is sorted.
    status = page.locator(".stats-table + [role=status]").inner_text()
    assert status.startswith(headings.nth(1).inner_text().strip() + ": ")
    # A rate with a decimal comma sorts as a number: 9,5 before 10,0.
    rates = headings.nth(3).locator("button")
    rates.click()
    values = [v for v in column(page, 4) if v not in (HIDDEN_ET, "–")]
    assert all("," in v for v in values)
    assert [number(v) for v in values] == sorted(number(v) for v in values)
    # The first column, by name, in the language's order.
    headings.nth(0).locator("button").click()
    names = column(page, 1)
    assert headings.nth(0).get_attribute("aria-sort") == "ascending"
    assert headings.nth(1).get_attribute("aria-sort") is None
    assert names == sorted(names, key=str.lower) or len(names) < 2

    # The over-time table: dates as Estonians write them, sorted by date.
    page.goto(f"{base}/admin/statistics/over-time/")
    periods = column(page, 1)
    assert periods and all(len(p) == 10 and p[2] == "." and p[5] == "." for p in periods)
    headings = page.locator(".stats-table thead th")
    headings.nth(0).locator("button").click()
    headings.nth(0).locator("button").click()
    descending = column(page, 1)
    assert descending == sorted(periods, key=lambda p: (p[6:], p[3:5], p[:2]), reverse=True)
    # The date filter shows and takes the Estonian format.
    page.locator("#id_date_from").fill("01.01.2020")
    page.get_by_role("button", name="Rakenda filtrid").or_(
        page.get_by_role("button", name="Apply filters")
    ).click()
    page.wait_for_url("**date_from=01.01.2020**")
    assert page.locator(".stats-filters__field--error").count() == 0
    assert page.locator("#id_date_from").input_value() == "01.01.2020"
    assert page.locator(".stats-table tbody tr").count() >= 1
