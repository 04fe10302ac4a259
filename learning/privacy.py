"""A learner's own data: everything we hold, as data they can take away, and erasure.

Erasure removes the person (account, profile, name on certificates) and keeps
their progress, attempts and answers as anonymous records, so the statistics
funders rely on do not change.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail import hooks

from .models import Certificate, LearnerProfile, ModuleProgress, QuizAttempt


def _iso(value):
    return value.isoformat() if value else None


def learner_data(user) -> dict:
    """Everything the platform holds about one learner, as plain data.

    Apps above `learning` add their own parts through the
    `learner_personal_data` hook: a function of the user returning a dict.
    """
    profile = LearnerProfile.objects.for_user(user)
    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
        "profile": None
        if profile is None
        else {
            "name_on_certificates": profile.full_name,
            # In the language the learner reads the page or download in.
            "region": profile.region.display_name,
            "subregion": None
            if profile.subregion is None
            else {"code": profile.subregion.code, "name": profile.subregion.display_name},
            "sector": profile.sector.display_name if profile.sector else None,
            "organisation": profile.organisation.name if profile.organisation else None,
            "organisation_size": profile.organisation_size or None,
            "preferred_language": profile.preferred_language,
            "statistics_consent": profile.statistics_consent,
            "statistics_consent_at": _iso(profile.statistics_consent_at),
        },
        "modules": [
            {
                "module": row.module_title,
                "started_at": _iso(row.started_at),
                "completed_at": _iso(row.completed_at),
                "best_score": row.best_score,
                "attempts": row.attempt_count,
                "completed_in_language": row.completed_language or None,
                "stopped_reading_at_section": row.last_section or None,
                "stopped_reading_on": _iso(row.last_section_at),
            }
            for row in ModuleProgress.objects.filter(user=user).order_by("started_at")
        ],
        "quiz_attempts": [
            {
                "module": attempt.snapshot.get("title", ""),
                "number": attempt.number,
                "submitted_at": _iso(attempt.submitted_at),
                "language": attempt.language,
                "score": attempt.score,
                "passed": attempt.passed,
                "answers": attempt.answers,
            }
            for attempt in QuizAttempt.objects.filter(user=user).order_by("submitted_at")
        ],
        "certificates": [
            {
                "code": certificate.code,
                "kind": certificate.kind,
                "title": certificate.title,
                "completed_at": _iso(certificate.completed_at),
                "valid_until": _iso(certificate.valid_until),
                "score": certificate.score,
            }
            for certificate in Certificate.objects.filter(user=user).order_by("completed_at")
        ],
    }
    for add_data in hooks.get_hooks("learner_personal_data"):
        data.update(add_data(user))
    return data


@transaction.atomic
def erase_learner(user) -> None:
    """Delete the person; keep their learning records as anonymous rows.

    Apps above `learning` remove what they hold about the person first,
    through the `before_erase_learner` hook (a function of the user).
    """
    for erase in hooks.get_hooks("before_erase_learner"):
        erase(user)
    ModuleProgress.objects.filter(user=user).update(user=None)
    QuizAttempt.objects.filter(user=user).update(user=None)
    Certificate.objects.filter(user=user).update(user=None, learner_name="")
    user.delete()  # the profile goes with it
