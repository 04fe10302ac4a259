"""The certificate as a learner keeps it: issuing agency, QR code, PDF, copy and print."""

from __future__ import annotations

import datetime
import io
import re
import uuid
from xml.etree import ElementTree

import pytest
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PillowImage
from pypdf import PdfReader
from wagtail.images import get_image_model

from learning.certificate_documents import qr_svg
from learning.models import Certificate, ModuleProgress
from learning.recording import submit_quiz
from modules.forms import TRANSLATED_LANGUAGES, agency_field_name, name_field_name
from tests.factories import (
    RegionFactory,
    answers_for,
    make_learner,
    make_module,
    make_programme,
    translate_page,
)

COMPLETED = datetime.datetime(2026, 3, 5, 10, 0, tzinfo=datetime.UTC)


def logo(title: str):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (300, 100), (7, 55, 99)).save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.png")
    )


def issue(user, kind=Certificate.Kind.MODULE, *, subject_key=None, language="et", **fields):
    return Certificate.objects.create(
        user=user,
        kind=kind,
        subject_key=subject_key or uuid.uuid4(),
        title=fields.pop("title", "Andmepüük vee-ettevõttes"),
        learner_name=user.learner_profile.full_name,
        region_name="Eesti",
        language=language,
        score=fields.pop("score", 90),
        completed_at=COMPLETED,
        **fields,
    )


@pytest.fixture
def estonia(db):
    region = RegionFactory(
        issuing_agency="Estonian SME Cyber Programme Office",
        issuing_agency_names={"et": "Eesti VKE küberprogrammi büroo"},
    )
    region.agency_logo = logo("Region logo")
    region.save()
    return region


@pytest.fixture
def mari(estonia):
    return make_learner(region=estonia)


@pytest.fixture
def mari_client(client, mari):
    client.force_login(mari)
    return client


def rendition_url(image, page: str) -> str:
    """The src of `image`'s rendition on `page` (its file name starts with the original's)."""
    stem = image.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    found = re.search(rf'<img[^>]+src="([^"]*{re.escape(stem)}[^"]*)"', page)
    return found.group(1) if found else ""


def test_a_programme_certificate_names_the_programme_agency_and_its_logo(
    mari_client, mari, site_pages
):
    home, _index = site_pages
    programme = make_programme(home, [])
    programme.issuing_agency = "Estonian Information System Authority"
    programme.agency_logo = logo("Programme logo")
    programme.save_revision().publish()
    cert = issue(mari, Certificate.Kind.PROGRAMME, subject_key=programme.translation_key)

    page = mari_client.get(reverse("learning:certificate", args=[cert.code])).content.decode()

    assert "Estonian Information System Authority" in page
    assert rendition_url(programme.agency_logo, page)
    assert "küberprogrammi" not in page and not rendition_url(
        mari.learner_profile.region.agency_logo, page
    )


def test_without_a_programme_agency_the_regions_agency_in_the_certificates_language(
    mari_client, mari, estonia, site_pages
):
    home, _index = site_pages
    programme = make_programme(home, [])  # names no agency
    cert = issue(mari, Certificate.Kind.PROGRAMME, subject_key=programme.translation_key)

    page = mari_client.get(reverse("learning:certificate", args=[cert.code])).content.decode()

    assert "Eesti VKE küberprogrammi büroo" in page
    assert rendition_url(estonia.agency_logo, page)


def test_a_module_certificate_names_the_agency_of_the_region_it_was_completed_in(
    mari_client, mari, estonia
):
    brittany = RegionFactory(
        code="FR-BRE",
        name="Brittany",
        country="FR",
        default_language="fr",
        issuing_agency="Agence bretonne de cybersécurité",
    )
    cert = issue(mari, language="fr")
    ModuleProgress.objects.create(
        user=mari,
        module_key=cert.subject_key,
        region=brittany,
        started_at=COMPLETED,
        completed_at=COMPLETED,
    )

    page = mari_client.get(reverse("learning:certificate", args=[cert.code])).content.decode()

    # She lives in Estonia now; the certificate keeps the agency of where she trained.
    assert "Agence bretonne de cybersécurité" in page
    assert "Estonian SME Cyber Programme Office" not in page


def test_without_any_agency_the_certificate_names_the_platform(client, db):
    learner = make_learner(region=RegionFactory(code="SI", name="Slovenia", country="SI"))
    client.force_login(learner)
    cert = issue(learner)

    page = client.get(reverse("learning:certificate", args=[cert.code])).content.decode()

    assert 'class="certificate__brand">CyberAware<' in page
    assert "certificate__logo" not in page


def test_the_verification_address_is_a_link_with_a_qr_code_pdf_and_copy_button(mari_client, mari):
    cert = issue(mari)
    verify_url = "http://testserver" + reverse("learning:verify_code", args=[cert.code])

    page = mari_client.get(reverse("learning:certificate", args=[cert.code])).content.decode()

    assert f'href="{verify_url}"' in page
    assert f'src="{reverse("learning:certificate_qr", args=[cert.code])}"' in page
    assert f'href="{reverse("learning:certificate_pdf", args=[cert.code])}"' in page
    # Hidden until the script finds the browser can copy; no inline script.
    assert re.search(rf'<button[^>]+data-copy-link="{re.escape(verify_url)}"[^>]+hidden', page)
    assert 'role="status"' in page
    assert "<script>" not in page


def test_the_qr_code_is_an_svg_image_of_the_absolute_verification_address(mari_client, mari):
    cert = issue(mari)
    verify_url = "http://testserver" + reverse("learning:verify_code", args=[cert.code])

    response = mari_client.get(reverse("learning:certificate_qr", args=[cert.code]))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own view's output
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert int(root.get("width")) > 100
    assert response.content == qr_svg(verify_url)
    assert qr_svg(verify_url) != qr_svg(verify_url + "x")


def pdf_text(content: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(content))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_the_pdf_is_one_a4_page_in_the_certificates_language(mari_client, mari, estonia):
    cert = issue(mari, title="Andmepüük vee-ettevõttes – õngitsus")

    response = mari_client.get(reverse("learning:certificate_pdf", args=[cert.code]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="certificate-{cert.code}.pdf"'
    )
    pages, text = pdf_text(response.content)
    assert pages == 1
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    flat = " ".join(text.split())
    assert "Mari Maasikas" in flat
    assert "Andmepüük vee-ettevõttes – õngitsus" in flat
    assert cert.code in flat
    assert "5. märts 2026" in flat
    assert "Eesti VKE küberprogrammi büroo".upper() in flat
    assert "/verify/" + cert.code in flat.replace(" ", "")


def test_the_pdf_names_the_platform_when_no_agency_issues_it(client, db):
    learner = make_learner(region=RegionFactory(code="SI", name="Slovenia", country="SI"))
    client.force_login(learner)
    cert = issue(learner, language="en")

    _pages, text = pdf_text(
        client.get(reverse("learning:certificate_pdf", args=[cert.code])).content
    )

    assert "CYBERAWARE" in text
    assert "March 5, 2026" in text


@pytest.mark.parametrize("name", ["learning:certificate_pdf", "learning:certificate_qr"])
def test_another_learner_gets_not_found_and_a_visitor_is_asked_to_sign_in(client, mari, name):
    cert = issue(mari)
    url = reverse(name, args=[cert.code])

    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("learning:login"))

    client.force_login(make_learner("kadri@example.com", full_name="Kadri Kask"))
    assert client.get(url).status_code == 404
    assert client.get(reverse("learning:certificate", args=[cert.code])).status_code == 404


def test_editors_name_a_regions_agency_in_each_language_and_choose_its_logo(admin_client, estonia):
    url = reverse("wagtailsnippets_modules_region:edit", args=[estonia.pk])
    form = admin_client.get(url).content.decode()
    assert 'name="issuing_agency_et"' in form and 'name="agency_logo"' in form
    new_logo = logo("Water works logo")
    data = {
        "name": estonia.name,
        "code": estonia.code,
        "country": estonia.country,
        "default_language": estonia.default_language,
        **{name_field_name(code): "" for code in TRANSLATED_LANGUAGES},
        **{agency_field_name(code): "" for code in TRANSLATED_LANGUAGES},
        "issuing_agency": "Estonian Water Works Association",
        agency_field_name("et"): "Eesti Vee-ettevõtete Liit",
        "agency_logo": new_logo.pk,
    }

    response = admin_client.post(url, data)

    assert response.status_code == 302
    estonia.refresh_from_db()
    assert estonia.issuing_agency_in("et") == "Eesti Vee-ettevõtete Liit"
    assert estonia.issuing_agency_in("fr") == "Estonian Water Works Association"
    assert estonia.agency_logo == new_logo


def test_editors_find_the_agency_fields_on_a_programme(admin_client, site_pages):
    home, _index = site_pages
    programme = make_programme(home, [])
    form = admin_client.get(reverse("wagtailadmin_pages:edit", args=[programme.pk]))
    assert 'name="issuing_agency"' in form.content.decode()
    assert 'name="agency_logo"' in form.content.decode()


def test_the_public_check_names_the_issuing_agency_but_not_the_learner(client, mari, estonia):
    cert = issue(mari)

    page = client.get(reverse("learning:verify_code", args=[cert.code])).content.decode()

    assert "Eesti VKE küberprogrammi büroo" in page
    assert "Mari Maasikas" not in page


def test_a_certificate_names_the_region_in_its_own_language(site_pages, water):
    _home, index = site_pages
    module = make_module(index, sectors=[water])
    estonian = translate_page(module, "et")
    region = RegionFactory(code="EE", name="Estonia", names={"et": "Eesti"})
    learner = make_learner("piirkond@example.com", region=region, sector=water)
    answers = {key[2:]: value for key, value in answers_for(estonian).items()}
    submit_quiz(learner, estonian, answers, uuid.uuid4())
    certificate = Certificate.objects.get(user=learner, kind=Certificate.Kind.MODULE)
    assert certificate.region_name == "Eesti"
