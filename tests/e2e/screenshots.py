"""Screenshots of the main pages on a desktop and a phone: `make screenshots`.

Not collected by `make test` (the file name does not start with test_); run
explicitly, it writes PNG files to SCREENSHOTS_DIR (default `screenshots/`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from learning.models import Certificate, QuizAttempt
from learning.recording import record_reading_position
from modules.models import KnowledgeCheckPage, ModulePage, SurveyPage
from tests.e2e.conftest import DESKTOP, PHONE
from tests.factories import make_learner, record_attempt

OUTPUT = Path(os.environ.get("SCREENSHOTS_DIR", "screenshots"))


def sign_in(page, base: str, email: str, password: str) -> None:
    page.goto(f"{base}/et/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("#id_password").press("Enter")
    page.wait_for_load_state()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_take_screenshots(demo, browser, device):
    viewport = DESKTOP if device == "desktop" else PHONE
    # With the demo's anonymous activity, so that the statistics and the
    # manager's home show figures above the suppression threshold.
    call_command("seed_demo", languages="et,fr", verbosity=0)
    base = demo.url
    learner = make_learner("screens@example.com", language="et")
    module = ModulePage.objects.get(
        slug="phishing-at-the-water-utility", locale__language_code="et"
    )
    record_attempt(learner, module, passed=False)
    record_attempt(learner, module, passed=True)
    failed, attempt = QuizAttempt.objects.filter(user=learner).order_by("number")
    # A second module read halfway: "Continue where you left off".
    unfinished = ModulePage.objects.get(
        slug="remote-access-and-ot-hygiene", locale__language_code="et"
    )
    record_reading_position(learner, unfinished, list(unfinished.lesson_sections())[2])
    certificate = Certificate.objects.get(user=learner)
    check_page = KnowledgeCheckPage.objects.get(locale__language_code="et")
    water_survey = SurveyPage.objects.get(slug="water-awareness-survey", locale__language_code="et")
    anonymous_survey = SurveyPage.objects.get(
        slug="cyber-awareness-survey", locale__language_code="et"
    )
    OUTPUT.mkdir(parents=True, exist_ok=True)

    context = browser.new_context(viewport=viewport, locale="et-EE")
    page = context.new_page()
    public = {
        "home": "/et/",
        "modules": "/et/koik-moodulid/",
        "modules-water": "/et/koik-moodulid/?sector=water",
        "module": module.url,
        "programme": "/et/water-industry-sme-cyber-resilience-estonia/",
        "signup": "/et/accounts/signup/",
        "organisation-register": "/et/organisations/register/",
        "verify": f"/et/verify/{certificate.code}/",
        "knowledge-check": check_page.url,
        "survey-anonymous": anonymous_survey.url,
    }
    for name, path in public.items():
        page.goto(base + path)
        page.screenshot(path=str(OUTPUT / f"{device}-{name}.png"), full_page=True)
    sign_in(page, base, "screens@example.com", "pw-Secret-123")
    learner_pages = {
        "home-continue": "/et/",
        "module-signed-in": module.url,
        "module-continue": unfinished.url,
        "result": f"/et/learn/attempts/{attempt.pk}/",
        "result-failed": f"/et/learn/attempts/{failed.pk}/",
        "my-learning": "/et/learn/",
        "programme-signed-in": "/et/water-industry-sme-cyber-resilience-estonia/",
        "certificate": f"/et/learn/certificates/{certificate.code}/",
        # No module started yet in this programme's eyes: the baseline check is open.
        "knowledge-check-baseline": check_page.url,
        "survey-signed-in": water_survey.url,
    }
    for name, path in learner_pages.items():
        page.goto(base + path)
        page.screenshot(path=str(OUTPUT / f"{device}-{name}.png"), full_page=True)
    # The survey sent without its required answers: the error summary.
    page.goto(base + anonymous_survey.url)
    page.locator("form.survey-form button[type=submit]").click()
    page.wait_for_selector(".error-summary")
    page.screenshot(path=str(OUTPUT / f"{device}-survey-errors.png"), full_page=True)
    # The certificate's PDF, as downloaded, and its first page as a picture.
    pdf = page.request.get(f"{base}/et/learn/certificates/{certificate.code}/pdf/")
    assert pdf.ok
    (OUTPUT / "certificate.pdf").write_bytes(pdf.body())
    pdftoppm = shutil.which("pdftoppm")
    if device == "desktop" and pdftoppm:
        subprocess.run(  # noqa: S603 - a fixed local tool on our own file
            [
                pdftoppm,
                "-png",
                "-r",
                "80",
                "-singlefile",
                str(OUTPUT / "certificate.pdf"),
                str(OUTPUT / "certificate-pdf"),
            ],
            check=True,
        )
    # The quiz sent with no answer: the page comes back at the error summary.
    page.goto(base + unfinished.url + "#quiz")
    page.locator("#quiz button[type=submit]").click()
    page.wait_for_selector("#quiz .error-summary")
    page.screenshot(path=str(OUTPUT / f"{device}-quiz-errors.png"))
    # The folded menu and the language menu, as a phone shows them.
    if device == "phone":
        page.locator(".menu-toggle").click()
        page.screenshot(path=str(OUTPUT / f"{device}-menu-open.png"))
        page.locator(".menu-toggle").click()
        page.locator(".language-menu > summary").click()
        page.screenshot(path=str(OUTPUT / f"{device}-language-menu.png"))
    context.close()

    # The demo SME's administrator: the team, bringing people in, the record.
    context = browser.new_context(viewport=viewport, locale="et-EE")
    page = context.new_page()
    sign_in(page, base, "sme.admin@example.com", "cyberaware-demo")
    for name, path in {
        "sme-my-learning": "/et/learn/",
        "team": "/et/organisation/team/",
        "team-invite": "/et/organisation/invite/",
        "team-join-code": "/et/organisation/join-code/",
        "team-enrolments": "/et/organisation/enrolments/",
        "team-records": "/et/organisation/records/",
    }.items():
        page.goto(base + path)
        page.screenshot(path=str(OUTPUT / f"{device}-{name}.png"), full_page=True)
    context.close()

    # The programme manager for Estonia, in Estonian.
    context = browser.new_context(viewport=viewport, locale="et-EE")
    page = context.new_page()
    page.goto(f"{base}/admin/login/")
    page.locator("#id_username").fill("manager.ee")
    page.locator("#id_password").fill("cyberaware-demo")
    page.locator("#id_password").press("Enter")
    page.wait_for_load_state()
    for name, path in {
        "manager-dashboard": "/admin/",
        "programme-targets": "/admin/programme-targets/",
        "programme-report": "/admin/statistics/programme-report/",
        "statistics": "/admin/statistics/",
        "statistics-funnel": "/admin/statistics/funnel/",
        "statistics-questions": f"/admin/statistics/questions/?module={module.translation_key}",
        "statistics-by-module": "/admin/statistics/by/module/",
        "statistics-over-time": "/admin/statistics/over-time/",
        "admin-organisations": "/admin/organisations/",
        "statistics-learning-gain": "/admin/statistics/impact/learning-gain/",
        "statistics-learning-gain-by-region": "/admin/statistics/impact/learning-gain/by/region/",
        "statistics-survey-results": (
            f"/admin/statistics/impact/surveys/?survey={anonymous_survey.translation_key}"
            "&split=region"
        ),
    }.items():
        page.goto(base + path)
        page.screenshot(path=str(OUTPUT / f"{device}-{name}.png"), full_page=True)
    context.close()

    # Editors, in the admin: the Estonian editor in Estonian, the editor of every
    # language in Slovenian (the admin follows the browser's language).
    english_module = ModulePage.objects.get(
        slug="phishing-at-the-water-utility", locale__language_code="en"
    )
    estonian_module = ModulePage.objects.get(
        slug="phishing-at-the-water-utility", locale__language_code="et"
    )
    for username, browser_locale, pages in (
        (
            "editor.et",
            "et-EE",
            {
                "editor-et-dashboard": "/admin/",
                "editor-et-translations": "/admin/reports/translations/",
                "editor-et-preview-quiz": f"/admin/pages/{estonian_module.pk}/view_draft/?mode=quiz",
                "editor-et-preview-result": (
                    f"/admin/pages/{estonian_module.pk}/view_draft/?mode=result"
                ),
            },
        ),
        (
            "editor",
            "sl-SI",
            {
                "editor-dashboard": "/admin/",
                "editor-translations": "/admin/reports/translations/?language=fr",
                # The source module: its quiz folds to one line per question.
                "editor-quiz-editor": f"/admin/pages/{english_module.pk}/edit/",
            },
        ),
    ):
        context = browser.new_context(viewport=viewport, locale=browser_locale)
        page = context.new_page()
        page.goto(f"{base}/admin/login/")
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill("cyberaware-demo")
        page.locator("#id_password").press("Enter")
        page.wait_for_load_state()
        for name, path in pages.items():
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            if name.endswith("quiz-editor"):
                page.get_by_role("tab").nth(1).click()  # Content, Quiz, ...
            page.screenshot(path=str(OUTPUT / f"{device}-{name}.png"), full_page=True)
        context.close()
