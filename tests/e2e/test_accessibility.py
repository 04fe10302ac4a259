"""Automated accessibility checks: axe-core in Chromium against the live site.

Each page is checked against axe's WCAG 2.0/2.1/2.2 A and AA rules; a test fails
on any violation of impact "serious" or "critical" (moderate and minor ones
are printed, see `pytest -s`). axe-core is vendored in
`tests/e2e/vendor/axe-core/` (see its README) so that no CDN is needed.

Several pages are checked per test, because each test seeds the demo
content afresh. Every page's problems are collected and reported together.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from demo.synthetic import generate_activity
from learning.models import Certificate, QuizAttempt
from modules.models import ModuleIndexPage, ModulePage, ProgrammePage, Region, Sector
from tests.factories import answers_for, make_learner, record_attempt

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
# WCAG 2.2 adds, among others, the 24 × 24 px target size (axe's target-size).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
FAILING_IMPACTS = {"serious", "critical"}
# Rules whose "needs review" results fail too: for aria-valid-attr-value that
# means an aria-describedby or aria-labelledby that names an id not on the page.
FAILING_INCOMPLETE = {"aria-valid-attr-value"}
PASSWORD = "pw-Secret-123"
DEMO_PASSWORD = "cyberaware-demo"
PHISHING = "phishing-at-the-water-utility"
WATER_PROGRAMME = "water-industry-sme-cyber-resilience-estonia"

# Selectors in Wagtail's own admin chrome (not rendered by our templates) to
# leave out of the statistics checks, each with the reason. None is needed
# with Wagtail 8.0.1 and axe-core 4.14.1: the whole admin page passes.
WAGTAIL_CHROME_EXCLUDES: list[str] = []


def run_axe(page, exclude: list[str] | None = None) -> dict:
    """axe's results for the page as it is now (the script is injected when missing)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through DevTools rather than added as a <script>: the
        # site's Content-Security-Policy rightly refuses inline scripts.
        page.evaluate(AXE.read_text() + "\n;undefined")
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}}
    return page.evaluate(
        """([exclude, options]) => axe.run(
            exclude.length ? {exclude: exclude.map((selector) => [selector])} : document,
            options,
        )""",
        [exclude or [], options],
    )


def describe(violation: dict, limit: int = 3) -> str:
    targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
    shown = ", ".join(targets[:limit]) + (
        f" (+{len(targets) - limit} more)" if len(targets) > limit else ""
    )
    return f"{violation['id']} [{violation['impact']}] {violation['help']}: {shown}"


class Axe:
    """Checks pages one after another and reports every serious problem at the end."""

    def __init__(self, page, exclude: list[str] | None = None):
        self.page = page
        self.exclude = exclude
        self.problems: list[str] = []
        self.checked = 0

    def check(self, label: str) -> None:
        self.page.wait_for_load_state("load")
        self.checked += 1
        results = run_axe(self.page, self.exclude)
        found = [
            ("", violation, violation["impact"] in FAILING_IMPACTS)
            for violation in results["violations"]
        ] + [
            ("needs review: ", review, review["id"] in FAILING_INCOMPLETE)
            for review in results["incomplete"]
        ]
        for kind, result, failing in found:
            line = f"{label} ({self.page.url}): {kind}{describe(result)}"
            if failing:
                self.problems.append(line)
            else:
                print(f"axe, not failing: {line}")

    def visit(self, url: str, label: str | None = None) -> None:
        response = self.page.goto(url)
        assert response is not None
        self.check(label or url)

    def assert_clean(self) -> None:
        assert self.checked, "no page was checked"
        assert not self.problems, "axe found serious or critical WCAG 2.2 AA violations:\n" + (
            "\n".join(self.problems)
        )


def page_url(page) -> str:
    return page.get_url()


def module(language: str, slug: str = PHISHING) -> ModulePage:
    return ModulePage.objects.get(slug=slug, locale__language_code=language)


def sign_in(page, base: str, language: str, email: str) -> None:
    page.goto(f"{base}/{language}/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**/{language}/learn/")


def choose_answers(page, module_page: ModulePage, right: bool) -> None:
    for name, chosen in answers_for(module_page, right=right).items():
        for choice_id in chosen:
            page.locator(f"[id='{name}-{choice_id}']").check()


def learner(email: str, language: str):
    return make_learner(
        email,
        region=Region.objects.get(code="EE" if language == "et" else "FR-BRE"),
        sector=Sector.objects.get(slug="water"),
        language=language,
    )


# -- the public site, signed out ------------------------------------------------


def test_public_pages_signed_out(demo, page):
    base = demo.url
    axe = Axe(page)
    for language in ("et", "fr", "en"):
        index = ModuleIndexPage.objects.get(locale__language_code=language)
        axe.visit(f"{base}/{language}/", f"home {language}")
        axe.visit(f"{base}{page_url(index)}?sector=water", f"module index {language}")
        axe.visit(f"{base}{page_url(module(language))}", f"module page {language}")
        programme = ProgrammePage.objects.get(slug=WATER_PROGRAMME, locale__language_code=language)
        axe.visit(f"{base}{page_url(programme)}", f"programme {language}")
        axe.visit(f"{base}/{language}/search/?q=phishing", f"search {language}")
        axe.visit(f"{base}/{language}/search/?q=zzzzqqq", f"search, nothing found {language}")
        axe.visit(f"{base}/{language}/accounts/signup/", f"sign-up {language}")
        page.locator("main form button[type=submit]").click()
        page.wait_for_selector(".error-summary")
        axe.check(f"sign-up with errors {language}")
        axe.visit(f"{base}/{language}/accounts/login/", f"sign-in {language}")
        page.locator("#id_username").fill("nobody@example.com")
        page.locator("#id_password").fill("wrong")
        page.locator("main form button[type=submit]").click()
        page.wait_for_selector(".error-summary")
        axe.check(f"sign-in with errors {language}")
        axe.visit(f"{base}/{language}/privacy/", f"privacy notice {language}")
        axe.visit(f"{base}/{language}/verify/", f"verify {language}")
        axe.visit(f"{base}/{language}/verify/ABCD-EFGH-JKLM/", f"verify, unknown code {language}")

    # A module not translated yet: its English card and page, marked as such.
    module("et", "backups-and-incident-response").unpublish()
    programme = ProgrammePage.objects.get(slug=WATER_PROGRAMME, locale__language_code="et")
    axe.visit(f"{base}{page_url(programme)}", "programme with an untranslated module et")
    page.locator("a[href*='fallback_from=et']").first.click()
    page.wait_for_selector(".notice[lang=et]")
    axe.check("module page in English for an Estonian reader")
    axe.assert_clean()


# -- a learner's pages ------------------------------------------------------------


@pytest.mark.parametrize("language", ["et", "fr"])
def test_learner_pages(demo, page, language):
    """Quiz form (empty, with errors), results, My learning, certificate, verification."""
    base = demo.url
    user = learner(f"learner.{language}@example.com", language)
    phishing = module(language)
    axe = Axe(page)
    sign_in(page, base, language, user.email)
    axe.check(f"My learning, nothing done {language}")

    axe.visit(f"{base}{page_url(phishing)}", f"module page with the quiz {language}")
    page.locator("#quiz button[type=submit]").click()
    page.wait_for_selector("#quiz .error-summary")
    axe.check(f"module page, quiz with errors {language}")

    axe.visit(f"{base}{page_url(phishing)}")
    choose_answers(page, phishing, right=False)
    page.locator("#quiz button[type=submit]").click()
    page.wait_for_url("**/learn/attempts/**")
    axe.check(f"result, not passed {language}")

    passed = record_attempt(user, phishing)
    axe.visit(f"{base}/{language}/learn/attempts/{passed.pk}/", f"result, passed {language}")
    axe.visit(f"{base}{page_url(phishing)}", f"module page, completed {language}")
    axe.visit(f"{base}/{language}/learn/", f"My learning {language}")
    programme = ProgrammePage.objects.get(slug=WATER_PROGRAMME, locale__language_code=language)
    axe.visit(f"{base}{page_url(programme)}", f"programme, signed in {language}")
    certificate = Certificate.objects.get(user=user, kind=Certificate.Kind.MODULE)
    axe.visit(
        f"{base}/{language}/learn/certificates/{certificate.code}/", f"certificate {language}"
    )
    axe.visit(f"{base}/{language}/verify/{certificate.code}/", f"verify, genuine {language}")
    axe.visit(f"{base}/{language}/accounts/profile/", f"profile {language}")
    axe.visit(f"{base}/{language}/accounts/my-data/", f"your data {language}")
    axe.visit(f"{base}/{language}/accounts/delete/", f"delete account {language}")
    axe.visit(f"{base}/{language}/privacy/", f"privacy notice, own region {language}")
    assert QuizAttempt.objects.filter(user=user).count() == 2
    axe.assert_clean()


def test_learner_out_of_attempts(demo, page):
    """The quiz closed after the last attempt, and the page for a submission that failed."""
    base = demo.url
    user = learner("tries@example.com", "et")
    phishing = module("et")
    remote = module("et", "remote-access-and-ot-hygiene")
    for _attempt in range(phishing.attempt_limit - 1):
        record_attempt(user, phishing, passed=False)
    axe = Axe(page)
    sign_in(page, base, "et", user.email)
    axe.check("My learning, in progress et")

    page.goto(f"{base}{page_url(phishing)}")
    choose_answers(page, phishing, right=False)
    page.locator("#quiz button[type=submit]").click()
    page.wait_for_url("**/learn/attempts/**")
    axe.check("result, no attempts left et")
    axe.visit(f"{base}{page_url(phishing)}", "module page, no attempts left et")

    page.goto(f"{base}{page_url(remote)}")
    choose_answers(page, remote, right=True)
    page.locator("input[name=attempt_token]").evaluate("input => { input.value = 'x'; }")
    page.locator("#quiz button[type=submit]").click()
    page.wait_for_selector("main .error-summary")
    axe.check("submission error et")
    axe.assert_clean()


# -- a phone ---------------------------------------------------------------------------


# The header (with the language choice) may take at most this share of a phone's screen.
MAX_HEADER_SHARE = 0.15
# A module page with everything it loads, as transferred (static files here
# are not even compressed, so production sends less).
MAX_MODULE_PAGE_BYTES = 100_000


def transferred_bytes(page) -> int:
    page.wait_for_load_state("networkidle")
    return page.evaluate(
        """() => [...performance.getEntriesByType('navigation'),
                  ...performance.getEntriesByType('resource')]
                 .reduce((total, entry) => total + entry.transferSize, 0)"""
    )


# WCAG 2.2 target size (AA): every control and link that is not part of a sentence.
MIN_TARGET_PX = 24
SMALL_TARGETS = """(minimum) => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, summary, textarea')]
  .filter((el) => {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || getComputedStyle(el).visibility === 'hidden') return false;
    const block = el.closest('p, li, dd, td');
    const inSentence = el.tagName === 'A' && getComputedStyle(el).display === 'inline'
      && block && block.textContent.trim().length > el.textContent.trim().length + 3;
    return !inSentence && Math.min(box.width, box.height) < minimum - 0.01;
  })
  .map((el) => el.outerHTML.slice(0, 80))"""


def phone_layout_problems(page, label: str) -> list[str]:
    """What a phone user would notice: a tall header, a page wider than the screen,
    a control too small for a finger."""
    header, viewport, width, client = page.evaluate(
        """() => [document.querySelector('.site-header').getBoundingClientRect().height,
                  window.innerHeight, document.documentElement.scrollWidth,
                  document.documentElement.clientWidth]"""
    )
    problems = []
    if header > MAX_HEADER_SHARE * viewport:
        problems.append(f"{label}: the header takes {header / viewport:.0%} of the screen")
    if width > client:
        problems.append(f"{label}: the page scrolls sideways ({width} px on a {client} px screen)")
    problems.extend(
        f"{label}: smaller than {MIN_TARGET_PX} px: {html}"
        for html in page.evaluate(SMALL_TARGETS, MIN_TARGET_PX)
    )
    return problems


def test_phone_pages(demo_with_slovenian, phone_page):
    base = demo_with_slovenian.url
    page = phone_page
    axe = Axe(page)
    layout: list[str] = []

    def visit(url: str, label: str) -> None:
        axe.visit(url, label)
        layout.extend(phone_layout_problems(page, label))

    for language in ("fr", "et", "sl"):
        index = ModuleIndexPage.objects.get(locale__language_code=language)
        visit(f"{base}/{language}/", f"phone: home {language}")
        visit(f"{base}{page_url(index)}", f"phone: module list {language}")
        visit(f"{base}{page_url(module(language))}", f"phone: module page {language}")
        weight = transferred_bytes(page)
        assert 0 < weight < MAX_MODULE_PAGE_BYTES, f"module page {language}: {weight} bytes"
        visit(f"{base}/{language}/accounts/signup/", f"phone: sign-up {language}")
        page.locator("main form button[type=submit]").click()
        page.wait_for_selector(".error-summary")
        axe.check(f"phone: sign-up with errors {language}")
    # The folded menu and the language menu, open.
    page.locator(".menu-toggle").click()
    axe.check("phone: menu open sl")
    page.locator(".language-menu summary").click()
    axe.check("phone: language menu open sl")
    user = learner("phone@example.com", "fr")
    phishing = module("fr")
    record_attempt(user, phishing)
    sign_in(page, base, "fr", user.email)
    layout.extend(phone_layout_problems(page, "phone: My learning fr"))
    axe.visit(f"{base}{page_url(module('fr', 'remote-access-and-ot-hygiene'))}", "phone: quiz fr")
    layout.extend(phone_layout_problems(page, "phone: quiz fr"))
    programme = ProgrammePage.objects.get(slug=WATER_PROGRAMME, locale__language_code="fr")
    visit(f"{base}{page_url(programme)}", "phone: programme fr")
    certificate = Certificate.objects.get(user=user, kind=Certificate.Kind.MODULE)
    visit(f"{base}/fr/learn/certificates/{certificate.code}/", "phone: certificate fr")
    visit(f"{base}/fr/accounts/my-data/", "phone: your data fr")
    visit(f"{base}/fr/learn/", "phone: My learning with a completed module fr")
    assert not layout, "\n".join(layout)
    axe.assert_clean()


# -- the admin's statistics --------------------------------------------------------------


def test_admin_statistics(demo, page):
    base = demo.url
    generate_activity(learners=60, seed=7, prefix="a11y", region_weights={"EE": 1})
    page.goto(f"{base}/admin/login/")
    page.get_by_label("Username").fill("manager.ee")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/admin/")
    phishing_key = module("en").translation_key
    axe = Axe(page, exclude=WAGTAIL_CHROME_EXCLUDES)
    axe.visit(f"{base}/admin/statistics/", "statistics overview")
    axe.visit(f"{base}/admin/statistics/by/module/", "statistics by module")
    axe.visit(f"{base}/admin/statistics/by/region/", "statistics by region")
    axe.visit(f"{base}/admin/statistics/over-time/", "statistics over time")
    # The learners per period and their running total.
    assert page.locator("svg.chart").count() == 2
    axe.visit(f"{base}/admin/statistics/funnel/", "statistics funnel")
    axe.visit(f"{base}/admin/statistics/questions/", "statistics questions, no module")
    axe.visit(f"{base}/admin/statistics/questions/?module={phishing_key}", "statistics questions")
    assert page.locator(".stats-question").count() >= 1
    # The question analysis fits the screen, on a desktop and on a phone:
    # neither the page nor any table of a question is wider than its place.
    overflow = (
        "Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth,"
        " ...[...document.querySelectorAll('.stats-question table')].map("
        "t => t.scrollWidth - t.parentElement.clientWidth))"
    )
    assert page.evaluate(overflow) <= 0
    page.set_viewport_size({"width": 390, "height": 844})
    axe.visit(f"{base}/admin/statistics/questions/?module={phishing_key}", "questions, phone")
    assert page.evaluate(overflow) <= 0
    page.set_viewport_size({"width": 1280, "height": 900})
    axe.visit(
        f"{base}/admin/statistics/by/region/?date_from=2099-01-01&date_to=2000-01-01&region=0",
        "statistics with filter errors",
    )
    assert page.locator(".stats-filters__field--error").count() >= 1
    axe.visit(f"{base}/admin/two-factor/", "two-step verification, off")
    axe.visit(f"{base}/admin/two-factor/setup/", "two-step verification, set-up")
    assert page.locator(".two-factor-qr svg").count() == 1
    axe.assert_clean()


# -- knowledge checks and surveys ---------------------------------------------------


@pytest.mark.parametrize("language", ["et", "fr"])
def test_check_and_survey_pages(demo, page, language):
    """The knowledge check (signed out, at the baseline, with errors, its result),
    both surveys (with errors, thanked) and the programme page inviting to them."""
    from modules.models import KnowledgeCheckPage, SurveyPage

    base = demo.url
    axe = Axe(page)
    check = KnowledgeCheckPage.objects.get(locale__language_code=language)
    anonymous = SurveyPage.objects.get(
        slug="cyber-awareness-survey", locale__language_code=language
    )
    axe.visit(f"{base}{page_url(check)}", f"knowledge check, signed out {language}")
    axe.visit(f"{base}{page_url(anonymous)}", f"anonymous survey {language}")
    page.locator("form.survey-form button[type=submit]").click()
    page.wait_for_selector(".error-summary")
    axe.check(f"anonymous survey with errors {language}")

    user = learner(f"checks.{language}@example.com", language)
    sign_in(page, base, language, user.email)
    programme = ProgrammePage.objects.get(slug=WATER_PROGRAMME, locale__language_code=language)
    axe.visit(f"{base}{page_url(programme)}", f"programme inviting to the baseline {language}")
    axe.visit(f"{base}{page_url(check)}", f"knowledge check, baseline form {language}")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_selector(".error-summary")
    axe.check(f"knowledge check with errors {language}")
    for fieldset in page.locator("fieldset.question").all():
        fieldset.locator("input").first.check()
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/learn/checks/results/**")
    axe.check(f"knowledge check result {language}")
    signed_in = SurveyPage.objects.get(
        slug="water-awareness-survey", locale__language_code=language
    )
    axe.visit(f"{base}{page_url(signed_in)}", f"survey, signed in {language}")
    axe.assert_clean()


def test_impact_reports(demo, page):
    base = demo.url
    page.goto(f"{base}/admin/login/")
    page.get_by_label("Username").fill("coordinator")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/admin/")
    from modules.models import SurveyPage

    survey = SurveyPage.objects.get(slug="cyber-awareness-survey", locale__language_code="en")
    axe = Axe(page, exclude=WAGTAIL_CHROME_EXCLUDES)
    axe.check("manager's home with the impact panel")
    axe.visit(f"{base}/admin/statistics/impact/learning-gain/", "learning gain")
    axe.visit(f"{base}/admin/statistics/impact/learning-gain/by/sector/", "learning gain by sector")
    axe.visit(f"{base}/admin/statistics/impact/surveys/", "survey results, none chosen")
    axe.visit(
        f"{base}/admin/statistics/impact/surveys/?survey={survey.translation_key}&split=region",
        "survey results",
    )
    axe.assert_clean()
