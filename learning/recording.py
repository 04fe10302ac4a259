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
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from modules.models import ModulePage, ProgrammeModule, ProgrammePage
from modules.quiz import Quiz

from .grading import InvalidSubmission, grade
from .models import Certificate, LearnerProfile, ModuleProgress, QuestionResult, QuizAttempt
from .renewal import (
    is_renewal_due,
    module_valid_until,
    refresh_programme_certificates,
    renew_module_certificate,
)

logger = logging.getLogger(__name__)


class AttemptLimitReached(InvalidSubmission):
    pass


@dataclass(frozen=True)
class SubmissionOutcome:
    attempt: QuizAttempt
    # False when the same form had been submitted before and that attempt is returned.
    created: bool


def record_module_start(user, page: ModulePage) -> ModuleProgress:
    """Note that the learner opened the module (once; later visits change nothing)."""
    profile = LearnerProfile.objects.for_user(user)
    defaults = {
        "module_page": page,
        "module_title": page.title,
        "started_at": timezone.now(),
        "started_language": page.locale.language_code,
    }
    if profile is not None:
        defaults.update(ModuleProgress.situation_of(profile))
    progress, _created = ModuleProgress.objects.get_or_create(
        user=user, module_key=page.translation_key, defaults=defaults
    )
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


def _printed_learner(user, profile: LearnerProfile | None, language: str) -> dict[str, str]:
    """Who a certificate is for, copied into it at issue time, the region named
    in the certificate's language."""
    return {
        "learner_name": profile.full_name if profile else user.get_full_name(),
        "region_name": profile.region.name_in(language) if profile else "",
    }


def _complete(progress: ModuleProgress, page: ModulePage, profile, score: int | None) -> None:
    now = timezone.now()
    progress.completed_at = now
    progress.completed_language = page.locale.language_code
    if profile is not None:
        progress.copy_situation(profile)
    Certificate.objects.get_or_create(
        user=progress.user,
        kind=Certificate.Kind.MODULE,
        subject_key=progress.module_key,
        defaults={
            "title": page.title,
            **_printed_learner(progress.user, profile, page.locale.language_code),
            "language": page.locale.language_code,
            "score": score,
            "completed_at": now,
            "valid_until": module_valid_until(progress.module_key, now),
        },
    )


def issue_programme_certificates(user, module_key, language: str) -> list[Certificate]:
    """Certificates for every programme this module completes for the learner."""
    programme_keys = set(
        ProgrammeModule.objects.filter(module__translation_key=module_key).values_list(
            "programme__translation_key", flat=True
        )
    )
    if not programme_keys:
        return []
    completed = set(
        ModuleProgress.objects.for_user(user).completed().values_list("module_key", flat=True)
    )
    printed_learner = _printed_learner(user, LearnerProfile.objects.for_user(user), language)
    issued = []
    for programme_key in programme_keys:
        needed = set(
            ProgrammeModule.objects.filter(programme__translation_key=programme_key).values_list(
                "module__translation_key", flat=True
            )
        )
        if not needed or not needed <= completed:
            continue
        programme = (
            ProgrammePage.objects.filter(
                translation_key=programme_key, locale__language_code=language
            ).first()
            or ProgrammePage.objects.filter(translation_key=programme_key).first()
        )
        certificate, created = Certificate.objects.get_or_create(
            user=user,
            kind=Certificate.Kind.PROGRAMME,
            subject_key=programme_key,
            defaults={
                "title": programme.title,
                **printed_learner,
                "language": language,
                "completed_at": timezone.now(),
            },
        )
        if created:
            issued.append(certificate)
    return issued


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
    """
    existing = QuizAttempt.objects.filter(submission_token=submission_token).first()
    if existing is not None:
        return _same_submission(existing, user)
    if not page.live:
        raise InvalidSubmission(
            _("This module is no longer available, so its quiz cannot be submitted.")
        )
    quiz = page.quiz_definition
    result = grade(quiz, answers, page.pass_mark)
    profile = LearnerProfile.objects.for_user(user)
    try:
        with transaction.atomic():
            progress = record_module_start(user, page)
            progress = ModuleProgress.objects.select_for_update().get(pk=progress.pk)
            again = QuizAttempt.objects.filter(submission_token=submission_token).first()
            if again is not None:
                return _same_submission(again, user)
            certificate = (
                Certificate.objects.filter(
                    user=user, kind=Certificate.Kind.MODULE, subject_key=page.translation_key
                ).first()
                if progress.is_completed
                else None
            )
            renewing = is_renewal_due(certificate)
            if page.attempt_limit and _attempts_counted(progress, certificate, renewing) >= (
                page.attempt_limit
            ):
                raise AttemptLimitReached(
                    ngettext(
                        "You have used your only attempt at this quiz.",
                        "You have used all %(limit)s attempts for this quiz.",
                        page.attempt_limit,
                    )
                    % {"limit": page.attempt_limit}
                )
            attempt = QuizAttempt.objects.create(
                user=user,
                progress=progress,
                number=progress.attempt_count + 1,
                submission_token=submission_token,
                module_key=page.translation_key,
                module_page=page,
                language=page.locale.language_code,
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
                    language=attempt.language,
                    is_correct=o.is_correct,
                )
                for o in result.outcomes
            )
            if progress.attempt_count == 0:
                progress.first_attempt_passed = result.passed
            progress.attempt_count += 1
            progress.best_score = max(progress.best_score or 0, result.score)
            progress.module_page = page
            progress.module_title = page.title
            newly_completed = result.passed and not progress.is_completed
            if newly_completed:
                _complete(progress, page, profile, result.score)
            if renewing and result.passed:
                renew_module_certificate(
                    certificate, title=page.title, language=attempt.language, score=result.score
                )
            progress.save()
            if newly_completed:
                issue_programme_certificates(user, page.translation_key, attempt.language)
            if newly_completed or (renewing and result.passed):
                refresh_programme_certificates(user, page.translation_key)
    except IntegrityError:
        # A concurrent request took the same attempt number or token first.
        again = QuizAttempt.objects.filter(submission_token=submission_token).first()
        if again is not None:
            return _same_submission(again, user)
        raise InvalidSubmission(
            _(
                "Another submission of this quiz was being recorded at the same time. Reload the page and try again."
            )
        ) from None
    logger.info("quiz attempt recorded attempt=%s user=%s", attempt.pk, user.pk)
    return SubmissionOutcome(attempt=attempt, created=True)


def _attempts_counted(progress: ModuleProgress, certificate, renewing: bool) -> int:
    """Attempts that count against the limit: since the certificate was last earned, when renewing."""
    if renewing:
        return QuizAttempt.objects.filter(
            progress=progress, submitted_at__gt=certificate.completed_at
        ).count()
    return progress.attempt_count


def _same_submission(attempt: QuizAttempt, user) -> SubmissionOutcome:
    if attempt.user_id != user.pk:
        raise InvalidSubmission(
            _("This quiz form is not valid any more. Reload the page and try again.")
        )
    return SubmissionOutcome(attempt=attempt, created=False)


def mark_module_done(user, page: ModulePage) -> ModuleProgress:
    """Complete a module that has no quiz."""
    if page.has_quiz:
        raise InvalidSubmission(_("This module is completed by passing its quiz."))
    if not page.live:
        raise InvalidSubmission(_("This module is no longer available."))
    with transaction.atomic():
        progress = record_module_start(user, page)
        progress = ModuleProgress.objects.select_for_update().get(pk=progress.pk)
        if not progress.is_completed:
            progress.module_page = page
            progress.module_title = page.title
            _complete(progress, page, LearnerProfile.objects.for_user(user), None)
            progress.save()
            issue_programme_certificates(user, page.translation_key, page.locale.language_code)
        else:
            certificate = Certificate.objects.filter(
                user=user, kind=Certificate.Kind.MODULE, subject_key=page.translation_key
            ).first()
            if not is_renewal_due(certificate):
                return progress
            # Reading the module again renews a certificate of a module without a quiz.
            renew_module_certificate(
                certificate, title=page.title, language=page.locale.language_code, score=None
            )
        refresh_programme_certificates(user, page.translation_key)
    return progress
