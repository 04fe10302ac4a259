"""The read side of a learner's records: their own progress, in a few queries.

`recording.py` writes what this reads. Used by the module page, programme
pages and "My learning"; none of these queries grows with the number of
modules, questions or records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import F
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.utils import timezone

from caching import active_locale
from modules.models import ModulePage, ProgrammePage
from modules.quiz import section_anchor

from .models import Certificate, LearnerProfile, ModuleProgress, QuizAttempt
from .published import (
    PageLink,
    ProgrammeLink,
    lesson_sections,
    live_modules,
    module_cards,
    programmes_for,
)
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

    # The module page, or its link in a list ("My learning", the home page).
    page: ModulePage | PageLink
    # The heading the learner last reached; "" for the start of the lesson.
    section_title: str = ""
    reached_quiz: bool = False
    anchor: str = ""

    @property
    def url(self) -> str:
        return f"{self.page.url}#{self.anchor}" if self.anchor else self.page.url


def reading_place(
    page: ModulePage | PageLink,
    progress: ModuleProgress | None,
    sections: Callable[[], dict[str, str]] | None = None,
) -> ReadingPlace | None:
    """The place to continue `page` from, or None when there is nothing to continue.

    A heading is named from `sections()` when given (a live page's headings
    from the shared cache), else from the page's lesson, so `page` must then
    have its body loaded. A position whose heading an editor has since removed
    leads to the lesson's start.
    """
    if progress is None or progress.is_completed:
        return None
    if progress.last_section == QUIZ_POSITION:
        return ReadingPlace(page=page, reached_quiz=True, anchor="quiz")
    if not progress.last_section:
        return ReadingPlace(page=page)
    title = (sections or page.lesson_sections)().get(progress.last_section, "")
    return ReadingPlace(
        page=page,
        section_title=title,
        anchor=section_anchor(progress.last_section) if title else "",
    )


def continue_reading(
    user, request: HttpRequest | None = None, rows: list[ModuleProgress] | None = None
) -> ReadingPlace | None:
    """The unfinished module the learner last read, in the reader's language
    where it exists: the one next action of their home page and "My learning".

    One query at most (none when the learner's progress `rows` are given);
    the modules come from the shared cache.
    """
    if not user.is_authenticated:
        return None
    if rows is None:
        progress = (
            ModuleProgress.objects.filter(user=user, completed_at__isnull=True)
            .exclude(module_page=None)
            .order_by(Coalesce(F("last_section_at"), F("started_at")).desc(), "-pk")
            .first()
        )
    else:
        progress = max(
            (row for row in rows if row.completed_at is None and row.module_page_id is not None),
            key=lambda row: (row.last_section_at or row.started_at, row.pk),
            default=None,
        )
    if progress is None:
        return None
    page = live_modules(request).shown_as(
        active_locale(request).language_code, progress.module_key, progress.module_page_id
    )
    if page is None:
        return None
    return reading_place(page, progress, lambda: lesson_sections(page.pk, request))


@dataclass
class ProgrammeProgress:
    """How far a learner is through a programme: on its page and in "My learning"."""

    # The programme page, or its link in "My learning".
    programme: ProgrammePage | ProgrammeLink
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


def progress_rows(user, module_keys) -> dict[str, ModuleProgress]:
    """The learner's progress rows on these modules, by module key (a string).

    Read once per user object, which lives as long as its request: the panels
    of a programme page (its modules, its knowledge check, its surveys) ask
    about the same modules and share one query. For display only; what
    records progress reads and locks its own rows.
    """
    known: dict = user.__dict__.setdefault("_progress_rows", {})
    asked = {str(key) for key in module_keys}
    missing = asked - known.keys()
    if missing:
        found = {
            str(row.module_key): row
            for row in ModuleProgress.objects.filter(user=user, module_key__in=missing)
        }
        known.update({key: found.get(key) for key in missing})
    return {key: known[key] for key in asked if known[key] is not None}


def programme_progress(
    user, programme: ProgrammePage, modules: list[ModulePage]
) -> ProgrammeProgress:
    # Pages carry their translation key as a UUID, links as a string.
    keys = [str(m.translation_key) for m in modules]
    rows_by_key: dict = {}
    certificate = ""
    if user.is_authenticated:
        rows_by_key = progress_rows(user, keys)
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
    rows = [(m, _state(rows_by_key.get(str(m.translation_key)))) for m in modules]
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
        summary.next_anchor = resume_anchor(
            rows_by_key.get(str(summary.next_module.translation_key))
        )
    return summary


def dashboard_context(user, request: HttpRequest | None = None) -> dict:
    """What "My learning" shows: the learner's records in three queries (profile,
    progress rows, certificates), matched against the published modules and
    programmes and the suggestion cards from the shared cache."""
    language = active_locale(request).language_code
    profile = LearnerProfile.objects.for_user(user)
    progress_rows = list(
        ModuleProgress.objects.filter(user=user).order_by("-completed_at", "-started_at")
    )
    keys = {p.module_key for p in progress_rows}
    modules = live_modules(request)
    # Module and programme certificates in one query: a learner has a handful.
    certificates: dict = {}
    programme_certificates: dict = {}
    for kind, subject_key, code in Certificate.objects.filter(user=user).values_list(
        "kind", "subject_key", "code"
    ):
        if kind == Certificate.Kind.MODULE:
            certificates[subject_key] = code
        else:
            programme_certificates[str(subject_key)] = code
    in_progress, completed = [], []
    for row in progress_rows:
        # Each module in the reader's language where it is live, else as they read it.
        page = modules.shown_as(language, row.module_key, row.module_page_id)
        entry = {
            "progress": row,
            "page": page,
            "certificate_code": certificates.get(row.module_key, ""),
        }
        if page is not None and not row.is_completed:
            anchor = resume_anchor(row)
            entry["resume_url"] = f"{page.url}#{anchor}" if anchor else page.url
        (completed if row.is_completed else in_progress).append(entry)

    # The shared lists name modules by their translation key as a string.
    started = {str(key) for key in keys}
    completed_keys = {str(row.module_key) for row in progress_rows if row.is_completed}
    region_id = profile.region_id if profile is not None else None
    sector_id = profile.sector_id if profile is not None else None
    programme_rows = [
        ProgrammeProgress(
            programme=programme,
            total=len(programme.live_module_keys),
            completed=sum(1 for key in programme.live_module_keys if key in completed_keys),
            certificate_code=programme_certificates.get(programme.translation_key, ""),
        )
        for programme in programmes_for(language, started, region_id, sector_id, request)
    ]

    suggestions = [
        card for key, card in module_cards(language, sector_id, request) if key not in started
    ][:SUGGESTION_COUNT]
    return {
        "profile": profile,
        "continue_place": continue_reading(user, request, progress_rows),
        "in_progress": in_progress,
        "completed": completed,
        "programmes": programme_rows,
        "suggestions": suggestions,
    }
