"""The read side of a learner's records: their own progress, in a few queries.

`recording.py` writes what this reads. Used by the module page, programme
pages and "My learning"; none of these queries grows with the number of
modules, questions or records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q
from django.utils import timezone

from caching import active_locale
from modules.models import ModulePage, ProgrammeModule, ProgrammePage
from modules.models.pages import localized_versions

from .models import Certificate, LearnerProfile, ModuleProgress, QuizAttempt
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


@dataclass
class ProgrammeProgress:
    """How far a learner is through a programme: on its page and in "My learning"."""

    programme: ProgrammePage
    total: int = 0
    completed: int = 0
    # (module page, state) in programme order; only the programme page lists them.
    modules: list[tuple[ModulePage, str]] = field(default_factory=list)
    certificate_code: str = ""

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
    states = {}
    certificate = ""
    if user.is_authenticated:
        states = {
            p.module_key: _state(p)
            for p in ModuleProgress.objects.filter(user=user, module_key__in=keys)
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
    rows = [(m, states.get(m.translation_key, NOT_STARTED)) for m in modules]
    return ProgrammeProgress(
        programme=programme,
        total=len(rows),
        completed=sum(1 for _m, state in rows if state == COMPLETED),
        modules=rows,
        certificate_code=certificate,
    )


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
    certificates = dict(
        Certificate.objects.filter(user=user, kind=Certificate.Kind.MODULE).values_list(
            "subject_key", "code"
        )
    )
    in_progress, completed = [], []
    for row in progress_rows:
        page = localized.get(row.module_key)
        entry = {
            "progress": row,
            "page": page if page is not None and page.live else None,
            "certificate_code": certificates.get(row.module_key, ""),
        }
        (completed if row.is_completed else in_progress).append(entry)

    programme_filter = Q(programme_modules__module__translation_key__in=keys)
    if profile is not None:
        programme_filter |= Q(regions=profile.region_id)
        if profile.sector_id:
            programme_filter |= Q(sectors=profile.sector_id)
    programmes = list(
        ProgrammePage.objects.live().filter(locale=locale).filter(programme_filter).distinct()
    )
    programme_keys = {p.translation_key for p in programmes}
    membership: dict = {}
    for programme_id, module_key in ProgrammeModule.objects.filter(
        programme__in=programmes, module__live=True
    ).values_list("programme_id", "module__translation_key"):
        membership.setdefault(programme_id, []).append(module_key)
    programme_certificates = dict(
        Certificate.objects.filter(
            user=user, kind=Certificate.Kind.PROGRAMME, subject_key__in=programme_keys
        ).values_list("subject_key", "code")
    )
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
        "in_progress": in_progress,
        "completed": completed,
        "programmes": programme_rows,
        "suggestions": suggestions,
    }
