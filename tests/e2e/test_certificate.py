"""A learner opens their certificate, downloads its PDF and copies its verification link."""

from __future__ import annotations

import io
import re

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect
from pypdf import PdfReader

from learning.models import Certificate
from modules.models import ModulePage
from tests.factories import make_learner, record_attempt

from .conftest import PHONE


def t(message: str) -> str:
    with translation.override("et"):
        return gettext(message)


def test_learner_downloads_the_pdf_and_copies_the_verification_link(demo, page):
    learner = make_learner("tunnistus@example.com", language="et")
    module = ModulePage.objects.get(
        slug="phishing-at-the-water-utility", locale__language_code="et"
    )
    record_attempt(learner, module)
    certificate = Certificate.objects.get(user=learner)
    with translation.override("et"):
        url = reverse("learning:certificate", args=[certificate.code])
        verify_path = reverse("learning:verify_code", args=[certificate.code])

    page.goto(f"{demo.url}/et/accounts/login/")
    page.get_by_label(t("E-mail address")).fill(learner.email)
    page.get_by_label(t("Password")).fill("pw-Secret-123")
    page.get_by_label(t("Password")).press("Enter")
    page.goto(demo.url + url)

    # The demo region's agency issues it, with its logo (media files are not served in
    # tests: only its address is checked) and a QR code that loaded.
    article = page.locator(".certificate")
    expect(article).to_contain_text("Eesti VKE küberprogrammi büroo")
    expect(article.locator(".certificate__logo")).to_have_attribute("src", re.compile(r"logo"))
    qr = article.locator(".certificate__qr")
    expect(qr).to_be_visible()
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    expect(article.get_by_role("link", name=demo.url + verify_path)).to_be_visible()

    pdf_link = page.get_by_role("link", name=t("Download PDF"))
    response = page.request.get(demo.url + pdf_link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    with page.expect_download() as download_info:
        pdf_link.click()
    with open(download_info.value.path(), "rb") as downloaded:
        assert downloaded.read(5) == b"%PDF-"
    assert download_info.value.suggested_filename == f"certificate-{certificate.code}.pdf"

    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    copy = page.get_by_role("button", name=t("Copy link"))
    expect(copy).to_be_visible()
    copy.click()
    expect(page.get_by_role("status")).to_have_text(t("Link copied"))
    assert page.evaluate("navigator.clipboard.readText()") == demo.url + verify_path

    # Printed, the certificate fits one A4 page without the site's header and buttons.
    printed = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    assert len(printed.pages) == 1
    printed_text = printed.pages[0].extract_text()
    assert "EESTI VKE KÜBERPROGRAMMI BÜROO" in printed_text  # styled in capitals
    assert t("Copy link") not in printed_text and t("Download PDF") not in printed_text

    # On a phone the address wraps inside the page instead of widening it.
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
