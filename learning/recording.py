"""The write side of a learner's records: opening, submitting and finishing a module.

Everything that writes a learner's progress, quiz attempts, answers and
certificates goes through here; `progress.py` is the read side. Each public
function is one transaction: an attempt and the progress it changes are
written together or not at all.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import (
    CharField,
    Count,
    DateTimeField,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    UUIDField,
    Value,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from caching import cached
from modules.models import ModulePage, Region
from modules.quiz import Quiz

from . import events
from .grading import InvalidSubmission, grade
from .models import Certificate, LearnerProfile, ModuleProgress, QuestionResult, QuizAttempt
from .programmes import module_programmes
from .renewal import is_renewal_due, module_valid_until, programme_valid_until

logger = logging.getLogger(__name__)


class AttemptLimitReached(InvalidSubmission):
    pass


@dataclass(frozen=True)
class SubmissionOutcome:
    attempt: QuizAttempt
    # False when the same form had been submitted before and that attempt is returned.
    created: bool


def _starting(page: ModulePage, profile: LearnerProfile | None) -> dict:
    """What a new progress row says about the start: the module, when, and the learner's situation."""
    values = {
        "module_page": page,
        "module_title": page.title,
        "started_at": timezone.now(),
        "started_language": page.locale.language_code,
    }
    if profile is not None:
        values.update(ModuleProgress.situation_of(profile))
    return values


def record_module_start(user, page: ModulePage) -> ModuleProgress:
    """Note that the learner opened the module (once; later visits change nothing)."""
    profile = LearnerProfile.objects.for_user(user)
    progress, created = ModuleProgress.objects.get_or_create(
        user=user, module_key=page.translation_key, defaults=_starting(page, profile)
    )
    if created:
        events.send_after_commit(events.module_started, progress=progress, page=page)
    return progress


# The reading position of a learner who reached the quiz rather than a heading.
QUIZ_POSITION = "quiz"


def record_reading_position(user, page: ModulePage, section: str) -> ModuleProgress:
    """Remember where in the module the learner is reading, for "Continue".

    `section` is a heading block id of the lesson or `QUIZ_POSITION`; the caller
    checks it. Heading ids are the same in every language of a module, so the
    position holds when the learner switches language.
    """
    progress = record_module_start(user, page)
    progress.last_section = section
    progress.last_section_at = timezone.now()
    # Only these columns: a concurrent quiz submission's changes to the row stay.
    progress.save(update_fields=["last_section", "last_section_at"])
    return progress


def quiz_snapshot(page: ModulePage, quiz: Quiz) -> dict:
    return {
        "title": page.title,
        "pass_mark": page.pass_mark,
        "questions": [
            {
                "id": q.id,
                "kind": q.kind,
                "prompt": q.prompt,
                "explanation": q.explanation,
                # The lesson section the question tests: its review link on the result page.
                "section_id": q.section_id,
                "choices": [
                    {"id": c.id, "text": c.text, "is_correct": c.is_correct, "feedback": c.feedback}
                    for c in q.choices
                ],
            }
            for q in quiz.questions
        ],
    }


def _printed_learner(
    user, profile: LearnerProfile | None, language: str, region_name: str | None = None
) -> dict[str, str]:
    """Who a certificate is for, copied into it at issue time, the region named
    in the certificate's language (`region_name` when the caller read it already)."""
    if profile is not None and region_name is None:
        region = _regions().get(profile.region_id)
        region_name = region.name_in(language) if region is not None else ""
    return {
        "learner_name": profile.full_name if profile else user.get_full_name(),
        "region_name": region_name or "",
    }


def _regions() -> dict[int, Region]:
    """Every region by id, from the shared cache (editing one bumps the content generation)."""
    return cached(("regions",), lambda: {region.pk: region for region in Region.objects.all()})


def _region_named_in(language: str):
    """SQL for a region's name in `language`, as `Region.name_in` gives it."""
    named = KeyTextTransform(language.split("-")[0], "names")
    return Coalesce(
        NullIf(named, Value(""), output_field=CharField()), F("name"), output_field=CharField()
    )


def _complete(progress: ModuleProgress, page: ModulePage, profile, now) -> None:
    progress.completed_at = now
    progress.completed_language = page.locale.language_code
    if profile is not None:
        progress.copy_situation(profile)


def _locked_progress(
    user, module_key, submission_token: uuid.UUID | None = None, *, count_attempts: bool = False
):
    """The learner's progress row on the module, locked until the transaction ends, or None.

    The same statement reads what decides the submission: the attempt already
    recorded with this form's token (`token_attempt_id`), the learner's
    certificate of the module (see `_module_certificate`) and, for a quiz with
    an attempt limit, the attempts made since that certificate was earned
    (`attempts_since_certificate`, the ones a renewal counts).
    """
    certificate = Certificate.objects.filter(
        user=user, kind=Certificate.Kind.MODULE, subject_key=module_key
    )
    annotations = {
        "certificate_id": Subquery(certificate.values("pk")[:1]),
        "certificate_completed_at": Subquery(certificate.values("completed_at")[:1]),
        "certificate_valid_until": Subquery(certificate.values("valid_until")[:1]),
    }
    if submission_token is not None:
        annotations["token_attempt_id"] = Subquery(
            QuizAttempt.objects.filter(submission_token=submission_token).values("pk")[:1]
        )
    if count_attempts:
        annotations["attempts_since_certificate"] = Subquery(
            QuizAttempt.objects.filter(
                progress=OuterRef("pk"),
                submitted_at__gt=Subquery(certificate.values("completed_at")[:1]),
            )
            .order_by()
            .values("progress")
            .annotate(count=Count("pk"))
            .values("count")
        )
    rows = (
        ModuleProgress.objects.select_for_update()
        .filter(user=user, module_key=module_key)
        .annotate(**annotations)
    )
    return next(iter(rows), None)


def _module_certificate(user, progress: ModuleProgress) -> Certificate | None:
    """The certificate `_locked_progress` found: what deciding on a renewal reads."""
    if getattr(progress, "certificate_id", None) is None:
        return None
    return Certificate(
        # Read, never written (a renewal writes a new row of its own): no code drawn.
        code="",
        user=user,
        kind=Certificate.Kind.MODULE,
        subject_key=progress.module_key,
        completed_at=progress.certificate_completed_at,
        valid_until=progress.certificate_valid_until,
    )


# Mark the learner's completed modules and their region among their certificates
# in `_certificates_of`.
_COMPLETED = "completed"
_REGION = "region"
# What `_settle_certificates` writes when it issues, renews or changes a certificate;
# the name and region printed on it stay as they were issued.
_REWRITTEN = ["completed_at", "valid_until", "title", "language", "score"]


def _certificates_of(
    user,
    module_keys,
    programme_keys,
    *,
    with_completions: bool,
    region_id: int | None = None,
    language: str = "",
):
    """The learner's certificates of these modules and of these programmes (two
    dicts, key -> Certificate with the columns `_REWRITTEN` and no id), which of
    the modules they completed (when asked) and the name of region `region_id`
    in `language` (when given, else None): one statement."""
    certificates = (
        Certificate.objects.filter(user=user)
        .filter(
            Q(kind=Certificate.Kind.MODULE, subject_key__in=module_keys)
            | Q(kind=Certificate.Kind.PROGRAMME, subject_key__in=programme_keys)
        )
        .values_list("kind", "subject_key", *_REWRITTEN)
    )
    # The other rows fill the same columns: a marker, a key or none, the rest empty
    # but for the region's name, which takes the title's place.
    nothing = {
        "completed_at": Value(None, output_field=DateTimeField()),
        "valid_until": Value(None, output_field=DateTimeField()),
        "language": Value(None, output_field=CharField()),
        "score": Value(None, output_field=IntegerField()),
    }
    others = []
    if with_completions:
        others.append(
            ModuleProgress.objects.filter(
                user=user, module_key__in=module_keys, completed_at__isnull=False
            ).values_list(
                Value(_COMPLETED),
                "module_key",
                nothing["completed_at"],
                nothing["valid_until"],
                Value(None, output_field=CharField()),
                nothing["language"],
                nothing["score"],
            )
        )
    if region_id is not None:
        others.append(
            Region.objects.filter(pk=region_id)
            .order_by()
            .values_list(
                Value(_REGION),
                Value(None, output_field=UUIDField()),
                nothing["completed_at"],
                nothing["valid_until"],
                _region_named_in(language),
                nothing["language"],
                nothing["score"],
            )
        )
    if others:
        certificates = certificates.union(*others, all=True)
    found: dict[str, dict] = {Certificate.Kind.MODULE: {}, Certificate.Kind.PROGRAMME: {}}
    completed = set()
    region_name = None
    for kind, key, *columns in certificates:
        if kind == _COMPLETED:
            completed.add(key)
        elif kind == _REGION:
            region_name = columns[_REWRITTEN.index("title")]
        else:
            found[kind][key] = Certificate(
                user=user, kind=kind, subject_key=key, **dict(zip(_REWRITTEN, columns, strict=True))
            )
    return found[Certificate.Kind.MODULE], found[Certificate.Kind.PROGRAMME], completed, region_name


def _settle_certificates(
    user,
    page: ModulePage,
    profile: LearnerProfile | None,
    *,
    now,
    language: str,
    score: int | None,
    completed: bool,
    renewing: bool = False,
    certificate: Certificate | None = None,
    certificate_known: bool = True,
) -> None:
    """Issue or renew the module's certificate, then the programmes' that depend on it.

    `completed`: the module has just been completed; `renewing`: its
    certificate has just been earned again, so it counts from today, printed
    in this language. `certificate` is the learner's certificate of the module
    as `_locked_progress` found it, unless the progress row is new
    (`certificate_known` false). A programme's certificate is issued when all
    of its modules are completed, and holds as long as its modules'
    certificates do.

    Two statements at most: one read of the learner's certificates (and
    completions) in the module's programmes, and one write of every
    certificate issued or changed (an insert that updates the certificates
    the learner holds already, keyed by learner, kind and subject).
    """
    module_key = page.translation_key
    programmes = module_programmes(module_key)
    module_certificates: dict = {}
    programme_certificates: dict = {}
    done: set = set()
    region_name = None
    # A row written just now was not read under lock with its certificate: look for one.
    if programmes.programmes or (completed and not certificate_known):
        module_certificates, programme_certificates, done, region_name = _certificates_of(
            user,
            {module_key, *programmes.module_keys},
            {programme.key for programme in programmes.programmes},
            with_completions=completed and bool(programmes.programmes),
            region_id=profile.region_id if profile is not None else None,
            language=language,
        )
    ends = {key: held.valid_until for key, held in module_certificates.items()}
    printed = _printed_learner(user, profile, language, region_name)
    writes = []
    if renewing or (completed and certificate is None and module_key not in module_certificates):
        valid_until = module_valid_until(module_key, now, programmes)
        writes.append(
            Certificate(
                user=user,
                kind=Certificate.Kind.MODULE,
                subject_key=module_key,
                title=page.title,
                **printed,
                language=language,
                score=score,
                completed_at=now,
                valid_until=valid_until,
            )
        )
        ends[module_key] = valid_until
    for programme in programmes.programmes:
        valid_until = programme_valid_until(ends.get(key) for key in programme.module_keys)
        held = programme_certificates.get(programme.key)
        if held is not None:
            if held.valid_until == valid_until:
                continue
            # Only its end changes; the rest is written back as it was.
            held.valid_until = valid_until
            writes.append(held)
        elif completed and programme.module_keys <= done:
            writes.append(
                Certificate(
                    user=user,
                    kind=Certificate.Kind.PROGRAMME,
                    subject_key=programme.key,
                    title=programme.title_in(language),
                    **printed,
                    language=language,
                    completed_at=now,
                    valid_until=valid_until,
                )
            )
    if writes:
        Certificate.objects.bulk_create(
            writes,
            update_conflicts=True,
            unique_fields=["user", "kind", "subject_key"],
            update_fields=_REWRITTEN,
        )


def submit_quiz(
    user,
    page: ModulePage,
    answers: Mapping[str, Sequence[str]],
    submission_token: uuid.UUID,
) -> SubmissionOutcome:
    """Grade and record one quiz submission.

    Raises InvalidSubmission (nothing written) when the answers cannot be
    graded or the attempt limit is used up. The same token submitted twice
    returns the first attempt.

    One transaction of at most ten statements and no savepoint, whatever the
    learner's history: the progress row locked with the token's attempt and
    the module's certificate, the progress row written (inserted on a first
    submission), the attempt and its answers, and, on completing or renewing,
    the certificates (`_settle_certificates`). Concurrent submissions that
    collide on a unique constraint (the same token, the first progress row of
    the module, a programme's certificate) roll back and are tried once more.
    """
    try:
        if not page.live:
            raise InvalidSubmission(
                _("This module is no longer available, so its quiz cannot be submitted.")
            )
        quiz = page.quiz_definition
        result = grade(quiz, answers, page.pass_mark)
    except InvalidSubmission:
        # The same form sent again once its attempt is recorded shows that attempt.
        existing = QuizAttempt.objects.filter(submission_token=submission_token).first()
        if existing is not None:
            return _same_submission(existing, user)
        raise
    profile = LearnerProfile.objects.for_user(user)
    for last_try in (False, True):
        try:
            with transaction.atomic():
                outcome = _record_attempt(user, page, quiz, result, profile, submission_token)
            break
        except IntegrityError:
            again = QuizAttempt.objects.filter(submission_token=submission_token).first()
            if again is not None:
                return _same_submission(again, user)
            if last_try:
                raise InvalidSubmission(
                    _(
                        "Another submission of this quiz was being recorded at the same time. Reload the page and try again."
                    )
                ) from None
    if outcome.created:
        logger.info("quiz attempt recorded attempt=%s user=%s", outcome.attempt.pk, user.pk)
    return outcome


def _record_attempt(
    user, page: ModulePage, quiz: Quiz, result, profile, submission_token
) -> SubmissionOutcome:
    """The writes of one submission, inside its transaction."""
    progress = _locked_progress(
        user, page.translation_key, submission_token, count_attempts=bool(page.attempt_limit)
    )
    if progress is not None and progress.token_attempt_id is not None:
        return _same_submission(QuizAttempt.objects.get(pk=progress.token_attempt_id), user)
    inserted = progress is None
    if inserted:
        progress = ModuleProgress(
            user=user, module_key=page.translation_key, **_starting(page, profile)
        )
    certificate = _module_certificate(user, progress) if progress.is_completed else None
    renewing = is_renewal_due(certificate)
    if page.attempt_limit and _attempts_counted(progress, renewing) >= page.attempt_limit:
        raise AttemptLimitReached(
            ngettext(
                "You have used your only attempt at this quiz.",
                "You have used all %(limit)s attempts for this quiz.",
                page.attempt_limit,
            )
            % {"limit": page.attempt_limit}
        )
    now = timezone.now()
    language = page.locale.language_code
    if progress.attempt_count == 0:
        progress.first_attempt_passed = result.passed
    progress.attempt_count += 1
    progress.best_score = max(progress.best_score or 0, result.score)
    progress.module_page = page
    progress.module_title = page.title
    newly_completed = result.passed and not progress.is_completed
    if newly_completed:
        _complete(progress, page, profile, now)
    # Before the attempt, which points at it: a first submission inserts the
    # row complete. The statistics triggers count the answers inserted next
    # under the row as it is now, which is where rewriting the row after them
    # would have moved them.
    progress.save()
    attempt = QuizAttempt.objects.create(
        user=user,
        progress=progress,
        number=progress.attempt_count,
        submission_token=submission_token,
        module_key=page.translation_key,
        module_page=page,
        language=language,
        answers={o.question_id: list(o.chosen) for o in result.outcomes},
        snapshot=quiz_snapshot(page, quiz),
        score=result.score,
        correct_count=result.correct_count,
        question_count=result.question_count,
        pass_mark=page.pass_mark,
        passed=result.passed,
    )
    QuestionResult.objects.bulk_create(
        QuestionResult(
            attempt=attempt,
            progress=progress,
            module_key=page.translation_key,
            question_id=o.question_id,
            language=language,
            is_correct=o.is_correct,
        )
        for o in result.outcomes
    )
    if newly_completed or (renewing and result.passed):
        _settle_certificates(
            user,
            page,
            profile,
            now=now,
            language=language,
            score=result.score,
            completed=newly_completed,
            renewing=renewing and result.passed,
            certificate=None if inserted else _module_certificate(user, progress),
            certificate_known=not inserted,
        )
    events.send_after_commit(
        events.attempt_recorded, attempt=attempt, page=page, completed=newly_completed
    )
    return SubmissionOutcome(attempt=attempt, created=True)


def _attempts_counted(progress: ModuleProgress, renewing: bool) -> int:
    """Attempts that count against the limit: since the certificate was last earned, when renewing."""
    if renewing:
        return progress.attempts_since_certificate or 0
    return progress.attempt_count


def _same_submission(attempt: QuizAttempt, user) -> SubmissionOutcome:
    if attempt.user_id != user.pk:
        raise InvalidSubmission(
            _("This quiz form is not valid any more. Reload the page and try again.")
        )
    return SubmissionOutcome(attempt=attempt, created=False)


def mark_module_done(user, page: ModulePage) -> ModuleProgress:
    """Complete a module that has no quiz (or renew its certificate when that is due)."""
    if page.has_quiz:
        raise InvalidSubmission(_("This module is completed by passing its quiz."))
    if not page.live:
        raise InvalidSubmission(_("This module is no longer available."))
    profile = LearnerProfile.objects.for_user(user)
    for last_try in (False, True):
        try:
            with transaction.atomic():
                return _mark_done(user, page, profile)
        except IntegrityError:
            # Another request wrote the first progress row or a programme's certificate first.
            if last_try:
                raise


def _mark_done(user, page: ModulePage, profile) -> ModuleProgress:
    progress = _locked_progress(user, page.translation_key)
    inserted = progress is None
    if inserted:
        progress = ModuleProgress(
            user=user, module_key=page.translation_key, **_starting(page, profile)
        )
    now = timezone.now()
    language = page.locale.language_code
    if not progress.is_completed:
        progress.module_page = page
        progress.module_title = page.title
        _complete(progress, page, profile, now)
        progress.save()
        _settle_certificates(
            user,
            page,
            profile,
            now=now,
            language=language,
            score=None,
            completed=True,
            certificate=None if inserted else _module_certificate(user, progress),
            certificate_known=not inserted,
        )
        events.send_after_commit(events.module_marked_done, progress=progress, page=page)
        return progress
    certificate = _module_certificate(user, progress)
    if is_renewal_due(certificate):
        # Reading the module again renews a certificate of a module without a quiz.
        _settle_certificates(
            user,
            page,
            profile,
            now=now,
            language=language,
            score=None,
            completed=False,
            renewing=True,
            certificate=certificate,
        )
    return progress
