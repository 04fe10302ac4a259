"""What a certificate shows besides its own fields: who issued it, its QR code, its PDF.

The issuing agency is looked up when the certificate is shown, so an agency
that adds its logo later has it on every certificate it issued. A programme's
agency comes first; otherwise the agency of the learner's region when the
module was completed (their region today for programme certificates). With
no agency, certificates name the platform, as they always did.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

import segno
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from modules.models import ProgrammePage, Region

from .fonts import FONTS
from .models import Certificate, LearnerProfile, ModuleProgress

if TYPE_CHECKING:
    from wagtail.images.models import AbstractImage

logger = logging.getLogger(__name__)

# Brand colours of static/css/site.css (--brand-dark, --muted), for the PDF.
BRAND_DARK = (7, 55, 99)
MUTED = (74, 83, 96)


@dataclass(frozen=True)
class Issuer:
    name: str
    logo: AbstractImage | None = None


def issuer_of(certificate: Certificate) -> Issuer | None:
    """The agency named on `certificate`, or None when the platform issues it."""
    if certificate.kind == Certificate.Kind.PROGRAMME:
        programme = _programme_version(certificate)
        if programme is not None and programme.issuing_agency:
            return Issuer(programme.issuing_agency, programme.agency_logo)
    region = _region_of(certificate)
    if region is not None and region.issuing_agency:
        return Issuer(region.issuing_agency_in(certificate.language), region.agency_logo)
    return None


def _programme_version(certificate: Certificate) -> ProgrammePage | None:
    """The programme in the certificate's language, else in any language (its agency's
    logo is the same in all of them)."""
    versions = list(
        ProgrammePage.objects.filter(translation_key=certificate.subject_key).select_related(
            "locale", "agency_logo"
        )
    )
    versions.sort(key=lambda page: page.locale.language_code != certificate.language)
    return versions[0] if versions else None


def _region_of(certificate: Certificate) -> Region | None:
    if certificate.user_id is None:
        return None
    if certificate.kind == Certificate.Kind.MODULE:
        progress = (
            ModuleProgress.objects.filter(
                user_id=certificate.user_id,
                module_key=certificate.subject_key,
                region__isnull=False,
            )
            .select_related("region__agency_logo")
            .first()
        )
        if progress is not None:
            return progress.region
    profile = (
        LearnerProfile.objects.filter(user_id=certificate.user_id)
        .select_related("region__agency_logo")
        .first()
    )
    return profile.region if profile is not None else None


def qr_code(url: str) -> segno.QRCode:
    # Medium error correction: still readable from a creased or smudged printout.
    return segno.make(url, error="m")


def qr_svg(url: str) -> bytes:
    buffer = io.BytesIO()
    qr_code(url).save(buffer, kind="svg", scale=4, border=4, title=url, svgclass=None)
    return buffer.getvalue()


def qr_png(url: str, scale: int = 8) -> bytes:
    buffer = io.BytesIO()
    qr_code(url).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def completion_date(certificate: Certificate) -> str:
    """The completion date as the certificate's language writes it ('2. detsember 2026')."""
    with translation.override(certificate.language):
        return formats.date_format(timezone.localtime(certificate.completed_at), "DATE_FORMAT")


def _logo_png(logo: AbstractImage) -> bytes | None:
    """The logo as a PNG small enough for the PDF; None if it cannot be read."""
    try:
        if logo.is_svg():
            return None  # fpdf2 would need the SVG's fonts and paths; the name is printed anyway.
        rendition = logo.get_rendition("max-600x240|format-png")
        with rendition.file.open("rb") as file:
            return file.read()
    except (OSError, ValueError):
        # A missing file on the storage should not keep the learner from their certificate.
        logger.warning("Agency logo %s could not be read for a certificate PDF", logo.pk)
        return None


def certificate_pdf(certificate: Certificate, verify_url: str, issuer: Issuer | None) -> bytes:
    """The certificate on one A4 page, in the language it was issued in."""
    from fpdf import FPDF

    with translation.override(certificate.language):
        platform = gettext("CyberAware")
        heading = gettext("Certificate of completion")
        pdf = FPDF(orientation="portrait", unit="mm", format="A4")
        pdf.set_title(f"{heading}: {certificate.title}")
        pdf.set_author(issuer.name if issuer else platform)
        pdf.set_creator(platform)
        pdf.set_lang(certificate.language)
        pdf.set_subject(certificate.title)
        pdf.set_keywords(certificate.code)
        pdf.set_creation_date(certificate.issued_at)
        pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
        pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        # Everything fits one page by design; a very long title must not start a second.
        pdf.set_auto_page_break(auto=False)
        pdf.set_margins(25, 25, 25)
        pdf.add_page()
        width = pdf.epw

        # A double frame, as on the printed web page.
        pdf.set_draw_color(*BRAND_DARK)
        pdf.set_line_width(1.2)
        pdf.rect(12, 12, pdf.w - 24, pdf.h - 24)
        pdf.set_line_width(0.4)
        pdf.rect(15, 15, pdf.w - 30, pdf.h - 30)

        def centred(text: str, size: float, *, bold: bool = False, colour=(0, 0, 0)) -> None:
            pdf.set_font("DejaVu", "B" if bold else "", size)
            pdf.set_text_color(*colour)
            pdf.multi_cell(width, size * 0.5, text, align="C", new_x="LMARGIN", new_y="NEXT")

        pdf.set_y(28)
        logo = _logo_png(issuer.logo) if issuer and issuer.logo else None
        if logo:
            pdf.image(io.BytesIO(logo), x="C", h=22, keep_aspect_ratio=True)
            pdf.ln(4)
        centred((issuer.name if issuer else platform).upper(), 12, bold=True, colour=BRAND_DARK)
        pdf.ln(10)
        centred(heading, 26, bold=True)
        pdf.ln(10)
        centred(gettext("This certifies that"), 12, colour=MUTED)
        pdf.ln(4)
        centred(certificate.learner_name, 22, bold=True)
        pdf.ln(4)
        centred(
            gettext("has completed the programme")
            if certificate.kind == Certificate.Kind.PROGRAMME
            else gettext("has completed the module"),
            12,
            colour=MUTED,
        )
        pdf.ln(4)
        centred(certificate.title, 17, bold=True, colour=BRAND_DARK)
        pdf.ln(12)

        facts = [(gettext("Date"), completion_date(certificate))]
        if certificate.valid_until:
            facts.append(
                (
                    gettext("Valid until"),
                    formats.date_format(timezone.localtime(certificate.valid_until), "DATE_FORMAT"),
                )
            )
        if certificate.score is not None:
            facts.append((gettext("Score"), f"{certificate.score}%"))
        if certificate.region_name:
            facts.append((gettext("Region"), certificate.region_name))
        facts.append((gettext("Verification code"), certificate.code))
        label_width = 55
        for label, value in facts:
            pdf.set_x(pdf.l_margin + 15)
            pdf.set_font("DejaVu", "", 11)
            pdf.set_text_color(*MUTED)
            pdf.cell(label_width, 8, label)
            pdf.set_font("DejaVu", "B", 11)
            pdf.set_text_color(0, 0, 0)
            pdf.multi_cell(width - label_width - 30, 8, value, new_x="LMARGIN", new_y="NEXT")

        # The QR code and the address it holds, at the foot of the page.
        qr_size = 38
        pdf.image(
            io.BytesIO(qr_png(verify_url)),
            x="C",
            y=pdf.h - 30 - qr_size - 16,
            w=qr_size,
            link=verify_url,
            alt_text=gettext("QR code of the verification address"),
        )
        pdf.set_y(pdf.h - 30 - 14)
        pdf.set_font("DejaVu", "", 9)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(
            width,
            4.5,
            # The page's own sentence, so both say the same in every language.
            gettext("Check this certificate at %(verify_url)s") % {"verify_url": verify_url},
            align="C",
            link=verify_url,
            new_x="LMARGIN",
            new_y="NEXT",
        )
        buffer = io.BytesIO()
        pdf.output(buffer)
    return buffer.getvalue()
