"""Records of an organisation's members, written as the quiz leaves them, for the team tests."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from learning.models import Certificate, LearnerProfile, ModuleProgress

# What the team pages must never show: a score, an attempt count.
SCORE = 87
ATTEMPTS = 3


def progress(user, module, *, completed=False, at=None, score=SCORE, attempts=ATTEMPTS):
    """A progress row for `user` on `module`, with a telltale score and attempt count."""
    at = at or timezone.now() - timedelta(days=3)
    row = ModuleProgress.objects.create(
        user=user,
        module_key=module.translation_key,
        module_page=module,
        module_title=module.title,
        started_at=at - timedelta(hours=1),
        completed_at=at if completed else None,
        best_score=score,
        attempt_count=attempts,
        first_attempt_passed=False,
    )
    if completed:
        Certificate.objects.create(
            user=user,
            kind=Certificate.Kind.MODULE,
            subject_key=module.translation_key,
            title=module.title,
            learner_name=user.learner_profile.full_name,
            language="et",
            score=score,
            completed_at=at,
        )
    return row


def programme_certificate(user, programme, *, valid_until=None, at=None):
    return Certificate.objects.create(
        user=user,
        kind=Certificate.Kind.PROGRAMME,
        subject_key=programme.translation_key,
        title=programme.title,
        learner_name=user.learner_profile.full_name,
        language="et",
        completed_at=at or timezone.now(),
        valid_until=valid_until,
    )


def add_members(world, count, *, start=0, with_progress=True):
    """`count` more members of organisation A, each with records on both modules."""
    first, second = world["modules"]
    users = []
    for n in range(start, start + count):
        user = get_user_model().objects.create_user(
            username=f"staff{n}@tartu.example", email=f"staff{n}@tartu.example"
        )
        LearnerProfile.objects.create(
            user=user,
            full_name=f"Staff {n:03d}",
            region=world["estonia"],
            sector=world["water"],
            organisation=world["a"],
            organisation_role="member",
            organisation_joined_at=timezone.now(),
            preferred_language="et",
        )
        if with_progress:
            progress(user, first, completed=True)
            progress(user, second, completed=n % 2 == 0)
            if n % 2 == 0:
                programme_certificate(
                    user, world["programme"], valid_until=timezone.now() + timedelta(days=300)
                )
        users.append(user)
    return users
