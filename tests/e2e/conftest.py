"""Browser tests: real Chromium (Debian's package) against Django's live server.

Each test gets a fresh database (transactional), seeded with the demo
content it needs. On failure the page's screenshot and HTML are saved under
`E2E_ARTIFACTS` (default `test-artifacts/e2e/`), which CI prints.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; Django's ORM must be
# told that synchronous database calls from the test are intended.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(os.environ.get("E2E_ARTIFACTS", "test-artifacts/e2e"))
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.django_db(transaction=True))


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is needed at {CHROMIUM} (apt-get install chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _new_page(browser, request, viewport, locale="en-GB", person=""):
    """A page in a fresh browser context; `person` names its artifacts when a test has several."""
    context = browser.new_context(viewport=viewport, locale=locale, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    # Anything a page's Content-Security-Policy blocks fails the test: a
    # blocked script or style is a broken page for the visitor.
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(
            r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid + (f"-{person}" if person else "")
        )
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        (ARTIFACTS / f"{name}.html").write_text(page.content())
    context.close()
    assert not blocked, "Blocked by the Content-Security-Policy:\n" + "\n".join(blocked)


@pytest.fixture
def page(browser, request):
    yield from _new_page(browser, request, DESKTOP)


@pytest.fixture
def phone_page(browser, request):
    yield from _new_page(browser, request, PHONE)


@pytest.fixture
def demo_with_slovenian(live_server):
    """The demo content in English, Estonian, French and Slovenian (phone journeys)."""
    call_command("seed_demo", languages="et,fr,sl", without_activity=True, verbosity=0)
    return live_server


@pytest.fixture
def demo(live_server):
    """The demo content in English, Estonian and French, without synthetic activity."""
    call_command("seed_demo", languages="et,fr", without_activity=True, verbosity=0)
    return live_server
