"""The read side of a learner's records: their own progress, in a few queries.

`recording.py` writes what this reads. Used by the module page, programme
pages and "My learning"; none of these queries grows with the number of
modules, questions or records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from caching import active_locale
from modules.models import ModulePage, ProgrammeModule, ProgrammePage
from modules.models.pages import localized_versions
from modules.quiz import section_anchor

from .models import Certificate, LearnerProfile, ModuleProgress, QuizAttempt
from .recording import QUIZ_POSITION
from .renewal import is_renewal_due

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
COMPLETED = "completed"
SUGGESTION_COUNT = 6


@dataclass
class ModuleStatus:
    state: str = NOT_STARTED
    progress: ModuleProgress | None = None
    attempts_used: int = 0
    attempts_left: int | None = None  # None: unlimited
    best_score: int | None = None
    certificate_code: str = ""
    certificate_valid_until: datetime | None = None
    # The certificate ends soon or has ended: passing the quiz again renews it.
    renewal_due: bool = False

    @property
    def certificate_expired(self) -> bool:
        return (
            self.certificate_valid_until is not None
            and self.certificate_valid_until <= timezone.now()
        )

    @property
    def can_attempt(self) -> bool:
        return self.attempts_left is None or self.attempts_left > 0


def _state(progress: ModuleProgress | None) -> str:
    if progress is None:
        return NOT_STARTED
    return COMPLETED if progress.is_completed else IN_PROGRESS


_UNKNOWN = object()


def module_status(user, page: ModulePage, progress=_UNKNOWN) -> ModuleStatus:
    """The learner's status on a module; pass `progress` when it is already loaded."""
    if not user.is_authenticated:
        return ModuleStatus(attempts_left=page.attempt_limit)
    if progress is _UNKNOWN:
        progress = ModuleProgress.objects.filter(user=user, module_key=page.translation_key).first()
    used = progress.attempt_count if progress else 0
    status = ModuleStatus(
        state=_state(progress),
        progress=progress,
        attempts_used=used,
        attempts_left=None if page.attempt_limit is None else max(page.attempt_limit - used, 0),
        best_score=progress.best_score if progress else None,
    )
    if status.state == COMPLETED:
        certificate = (
            Certificate.objects.filter(
                user=user, kind=Certificate.Kind.MODULE, subject_key=page.translation_key
            )
            .only("code", "completed_at", "valid_until")
            .first()
        )
        if certificate is not None:
            status.certificate_code = certificate.code
            status.certificate_valid_until = certificate.valid_until
            status.renewal_due = is_renewal_due(certificate)
        if status.renewal_due and page.attempt_limit is not None:
            # A renewal starts the attempt limit afresh.
            since = QuizAttempt.objects.filter(
                progress=progress, submitted_at__gt=certificate.completed_at
            ).count()
            status.attempts_left = max(page.attempt_limit - since, 0)
    return status


def resume_anchor(progress: ModuleProgress | None) -> str:
    """The fragment of the module page where the learner stopped reading, or ""."""
    if progress is None or not progress.last_section:
        return ""
    if progress.last_section == QUIZ_POSITION:
        return "quiz"
    return section_anchor(progress.last_section)


@dataclass(frozen=True)
class ReadingPlace:
    """Where a learner can pick up a module they have not finished."""

    page: ModulePage
    # The heading the learner last reached; "" for the start of the lesson.
    section_title: str = ""
    reached_quiz: bool = False
    anchor: str = ""

    @property
    def url(self) -> str:
        return f"{self.page.url}#{self.anchor}" if self.anchor else self.page.url


def reading_place(page: ModulePage, progress: ModuleProgress | None) -> ReadingPlace | None:
    """The place to continue `page` from, or None when there is nothing to continue.

    Reads the lesson's headings, so `page` must have its body loaded. A
    position whose heading an editor has since removed leads to the lesson's start.
    """
    if progress is None or progress.is_completed:
        return None
    if progress.last_section == QUIZ_POSITION:
        return ReadingPlace(page=page, reached_quiz=True, anchor="quiz")
    title = page.lesson_sections().get(progress.last_section, "")
    return ReadingPlace(
        page=page,
        section_title=title,
        anchor=section_anchor(progress.last_section) if title else "",
    )


def continue_reading(user) -> ReadingPlace | None:
    """The unfinished module the learner last read, in the reader's language
    where it exists: the one next action of their home page and "My learning".

    Two queries at most, however many modules the learner has started.
    """
    if not user.is_authenticated:
        return None
    progress = (
        ModuleProgress.objects.filter(user=user, completed_at__isnull=True)
        .exclude(module_page=None)
        .order_by(Coalesce(F("last_section_at"), F("started_at")).desc(), "-pk")
        .select_related("module_page__locale")
        .first()
    )
    if progress is None:
        return None
    locale = active_locale()
    page = progress.module_page
    if page.locale_id != locale.pk or not page.live:
        page = (
            ModulePage.objects.live()
            .filter(translation_key=progress.module_key, locale=locale)
            .select_related("locale")
            .first()
        ) or (page if page.live else None)
    if page is None:
        return None
    return reading_place(page, progress)


@dataclass
class ProgrammeProgress:
    """How far a learner is through a programme: on its page and in "My learning"."""

    programme: ProgrammePage
    total: int = 0
    completed: int = 0
    # (module page, state) in programme order; only the programme page lists them.
    modules: list[tuple[ModulePage, str]] = field(default_factory=list)
    certificate_code: str = ""
    # The module to take next: the first unfinished one in programme order,
    # with the place to continue it from; None when all are completed.
    next_module: ModulePage | None = None
    next_state: str = ""
    next_anchor: str = ""

    @property
    def next_url(self) -> str:
        if self.next_module is None:
            return ""
        url = self.next_module.url
        return f"{url}#{self.next_anchor}" if self.next_anchor else url

    @property
    def percent(self) -> int:
        return (100 * self.completed) // self.total if self.total else 0

    @property
    def is_completed(self) -> bool:
        return self.total > 0 and self.completed == self.total


def programme_progress(
    user, programme: ProgrammePage, modules: list[ModulePage]
) -> ProgrammeProgress:
    keys = [m.translation_key for m in modules]
    rows_by_key: dict = {}
    certificate = ""
    if user.is_authenticated:
        rows_by_key = {
            p.module_key: p for p in ModuleProgress.objects.filter(user=user, module_key__in=keys)
        }
        certificate = (
            Certificate.objects.filter(
                user=user,
                kind=Certificate.Kind.PROGRAMME,
                subject_key=programme.translation_key,
            )
            .values_list("code", flat=True)
            .first()
            or ""
        )
    rows = [(m, _state(rows_by_key.get(m.translation_key))) for m in modules]
    summary = ProgrammeProgress(
        programme=programme,
        total=len(rows),
        completed=sum(1 for _m, state in rows if state == COMPLETED),
        modules=rows,
        certificate_code=certificate,
    )
    # A module already begun comes before one not yet started.
    unfinished = [(m, state) for m, state in rows if state == IN_PROGRESS] or [
        (m, state) for m, state in rows if state == NOT_STARTED
    ]
    if unfinished:
        summary.next_module, summary.next_state = unfinished[0]
        summary.next_anchor = resume_anchor(rows_by_key.get(summary.next_module.translation_key))
    return summary


def dashboard_context(user) -> dict:
    locale = active_locale()
    profile = LearnerProfile.objects.for_user(user)
    progress_rows = list(
        ModuleProgress.objects.filter(user=user)
        .select_related("module_page")
        # Only titles and keys are shown; the lesson and quiz JSON stay in the database.
        .defer("module_page__body", "module_page__quiz")
        .order_by("-completed_at", "-started_at")
    )
    keys = {p.module_key for p in progress_rows}
    # Show each module in the reader's language where it exists.
    pages = [p.module_page for p in progress_rows if p.module_page is not None]
    # Usually every module was read in the reader's language: only the others
    # need looking up (and loading twice is most of this page's cost).
    localized = {page.translation_key: page for page in pages}
    elsewhere = [page for page in pages if page.locale_id != locale.pk or not page.live]
    localized.update({page.translation_key: page for page in localized_versions(elsewhere, locale)})
    # Module and programme certificates in one query: a learner has a handful.
    certificates: dict = {}
    programme_certificates: dict = {}
    for kind, subject_key, code in Certificate.objects.filter(user=user).values_list(
        "kind", "subject_key", "code"
    ):
        mine = certificates if kind == Certificate.Kind.MODULE else programme_certificates
        mine[subject_key] = code
    in_progress, completed = [], []
    for row in progress_rows:
        page = localized.get(row.module_key)
        entry = {
            "progress": row,
            "page": page if page is not None and page.live else None,
            "certificate_code": certificates.get(row.module_key, ""),
        }
        if entry["page"] is not None and not row.is_completed:
            anchor = resume_anchor(row)
            entry["resume_url"] = f"{entry['page'].url}#{anchor}" if anchor else entry["page"].url
        (completed if row.is_completed else in_progress).append(entry)

    programme_filter = Q(programme_modules__module__translation_key__in=keys)
    if profile is not None:
        programme_filter |= Q(regions=profile.region_id)
        if profile.sector_id:
            programme_filter |= Q(sectors=profile.sector_id)
    programmes = list(
        ProgrammePage.objects.live().filter(locale=locale).filter(programme_filter).distinct()
    )
    membership: dict = {}
    for programme_id, module_key in ProgrammeModule.objects.filter(
        programme__in=programmes, module__live=True
    ).values_list("programme_id", "module__translation_key"):
        membership.setdefault(programme_id, []).append(module_key)
    completed_keys = {row.module_key for row in progress_rows if row.is_completed}
    programme_rows = []
    for programme in programmes:
        module_keys = membership.get(programme.pk, [])
        programme_rows.append(
            ProgrammeProgress(
                programme=programme,
                total=len(module_keys),
                completed=sum(1 for key in module_keys if key in completed_keys),
                certificate_code=programme_certificates.get(programme.translation_key, ""),
            )
        )

    suggestions = ModulePage.objects.live().filter(locale=locale).exclude(translation_key__in=keys)
    if profile is not None and profile.sector_id:
        suggestions = suggestions.filter(sectors=profile.sector_id)
    suggestions = list(
        suggestions.order_by("title")
        .select_related("locale")
        .prefetch_related("sectors")[:SUGGESTION_COUNT]
    )
    return {
        "profile": profile,
        "continue_place": continue_reading(user),
        "in_progress": in_progress,
        "completed": completed,
        "programmes": programme_rows,
        "suggestions": suggestions,
    }
