"""Team training records: the share of an organisation's staff who completed each module.

A record is evidence for an auditor or a funder (NIS2 expects proof of
regular training), so what it says is frozen when it is issued: the
organisation's name, the programme's title, the number of staff and, per
module, how many completed it and when, with a code anyone can check on the
public verification page. It names no individual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO

from django.db.models import Count, Max, Min
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from learning.fonts import FONTS
from learning.models import LearnerProfile, ModuleProgress
from learning.models.certificates import normalise_code

from .models import TrainingRecord
from .team import EnrolledProgramme


@dataclass
class Figures:
    staff_count: int
    modules: list[dict]


def _local_date(moment: datetime | None) -> str:
    return timezone.localtime(moment).date().isoformat() if moment else ""


def current_figures(organisation, programme: EnrolledProgramme) -> Figures:
    """Today's figures for the organisation's current members: two aggregate queries."""
    staff = LearnerProfile.objects.filter(organisation=organisation).count()
    done = {
        row["module_key"]: row
        for row in ModuleProgress.objects.filter(
            user__learner_profile__organisation=organisation,
            module_key__in=programme.module_keys,
            completed_at__isnull=False,
        )
        .values("module_key")
        .annotate(
            completed=Count("user_id", distinct=True),
            first=Min("completed_at"),
            last=Max("completed_at"),
        )
    }
    modules = []
    for module in programme.modules:
        row = done.get(module.key, {})
        completed = row.get("completed", 0)
        modules.append(
            {
                "title": module.title,
                "completed": completed,
                "share": round(100 * completed / staff) if staff else 0,
                "first_completed": _local_date(row.get("first")),
                "last_completed": _local_date(row.get("last")),
            }
        )
    return Figures(staff_count=staff, modules=modules)


def latest_record(organisation, programme_key) -> TrainingRecord | None:
    return (
        TrainingRecord.objects.filter(organisation=organisation, programme_key=programme_key)
        .order_by("-issued_at", "-pk")
        .first()
    )


def is_current(record: TrainingRecord | None, organisation, programme, figures: Figures) -> bool:
    """Whether `record` still says what a record issued now would say."""
    return (
        record is not None
        and record.organisation_name == organisation.name
        and record.programme_title == programme.title
        and record.staff_count == figures.staff_count
        and record.modules == figures.modules
    )


def issue_record(organisation, programme: EnrolledProgramme, *, by, language: str):
    """Freeze today's figures into a record with a verification code.

    Issuing again while nothing changed returns the latest record rather than
    a second one with the same figures (a double click, a reload).
    """
    figures = current_figures(organisation, programme)
    latest = latest_record(organisation, programme.key)
    if is_current(latest, organisation, programme, figures) and latest.language == language:
        return latest, False
    record = TrainingRecord.objects.create(
        organisation=organisation,
        programme_key=programme.key,
        organisation_name=organisation.name,
        programme_title=programme.title,
        language=language,
        staff_count=figures.staff_count,
        modules=figures.modules,
        issued_by=by,
    )
    return record, True


def find_record(code: str) -> TrainingRecord | None:
    code = normalise_code(code[:40])
    return TrainingRecord.objects.filter(code=code).first() if code else None


def display_modules(modules: list[dict]) -> list[dict]:
    """A record's module figures with their dates as dates, for templates to format."""
    return [
        {
            **module,
            "first_completed": _parse(module.get("first_completed", "")),
            "last_completed": _parse(module.get("last_completed", "")),
        }
        for module in modules
    ]


def _parse(iso: str):
    return date.fromisoformat(iso) if iso else None


def _date(iso: str) -> str:
    if not iso:
        return "—"
    return formats.date_format(date.fromisoformat(iso), "DATE_FORMAT")


def record_pdf(record: TrainingRecord, verify_url: str) -> bytes:
    """The record as a one- or two-page A4 PDF, in the language it was issued in."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    with translation.override(record.language):
        pdf = FPDF(orientation="portrait", unit="mm", format="A4")
        pdf.set_title(_("Team training record"))
        pdf.set_author(_("CyberAware"))
        pdf.set_creation_date(record.issued_at)
        pdf.set_lang(record.language)
        pdf.set_subject(f"{record.organisation_name} – {record.programme_title}")
        pdf.set_keywords(record.code)
        pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
        pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        pdf.set_margins(18, 18, 18)
        pdf.set_auto_page_break(auto=True, margin=18)
        pdf.add_page()
        width = pdf.epw

        pdf.set_font("DejaVu", "B", 10)
        pdf.set_text_color(90, 90, 90)
        pdf.cell(width, 6, _("CyberAware"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.set_font("DejaVu", "B", 20)
        pdf.multi_cell(width, 10, _("Team training record"), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)

        facts = [
            (_("Organisation"), record.organisation_name),
            (_("Programme"), record.programme_title),
            (_("Staff"), formats.localize(record.staff_count)),
            (
                _("Generated on"),
                formats.date_format(timezone.localtime(record.issued_at), "DATE_FORMAT"),
            ),
            (_("Verification code"), record.code),
        ]
        for label, value in facts:
            pdf.set_font("DejaVu", "B", 11)
            pdf.cell(45, 7, label)
            pdf.set_font("DejaVu", "", 11)
            pdf.multi_cell(width - 45, 7, value, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)

        pdf.set_font("DejaVu", "", 9.5)
        headings = (
            _("Module"),
            _("Staff who completed it"),
            _("Share of staff"),
            _("First completed"),
            _("Last completed"),
        )
        with pdf.table(
            col_widths=(44, 20, 14, 16, 16),
            headings_style=FontFace(emphasis="BOLD", fill_color=(230, 236, 242)),
            line_height=5.5,
            text_align=("LEFT", "RIGHT", "RIGHT", "LEFT", "LEFT"),
        ) as table:
            row = table.row()
            for heading in headings:
                row.cell(heading)
            for module in record.modules:
                row = table.row()
                row.cell(module["title"])
                row.cell(
                    f"{formats.localize(module['completed'])} / {formats.localize(record.staff_count)}"
                )
                row.cell(f"{module['share']} %")
                row.cell(_date(module.get("first_completed", "")))
                row.cell(_date(module.get("last_completed", "")))
        pdf.ln(6)
        pdf.set_font("DejaVu", "", 9.5)
        pdf.multi_cell(
            width,
            5,
            _(
                "The figures count the organisation's members on the day the record was generated. "
                "The record names no individual."
            ),
            align="L",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.ln(2)
        pdf.multi_cell(
            width,
            5,
            _("Check this record at %(url)s") % {"url": verify_url},
            align="L",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        buffer = BytesIO()
        pdf.output(buffer)
    return buffer.getvalue()
