"""The CyberAware account behind a platform's user: made on the first launch, no password.

Defaults of the learner profile a launch creates (the platform tells us no more):
- name on certificates: the launch's `name` claim, else given and family
  name, else "Learner" (in English: it is data, not interface); refreshed on
  every launch, since the platform owns it;
- region and organisation: the registration's (a member of the organisation);
- sector, sub-region, organisation size: not given;
- preferred language: the launch's language (see `launch_language`);
- statistics consent: not given (the learner may give it in their profile),
  so they count in the region's completion figures but not in the anonymous
  statistics that need consent.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from learning.models import LearnerProfile, MembershipRole

from .models import PlatformAccount, Registration

LANGUAGES = {code for code, _name in settings.LANGUAGES}
# The start of the username of every account a launch creates.
USERNAME_PREFIX = "lti-"


def is_platform_user(user) -> bool:
    """Whether a launch created this account: only those can have a gradebook,
    and asking costs no query (a submission's learner is already loaded)."""
    return user.username.startswith(USERNAME_PREFIX)


def launch_language(locale: str | None, registration: Registration) -> str:
    """The launch's `locale` claim (en, et-EE …) when it is one of ours, else the region's language."""
    code = (locale or "").replace("_", "-").split("-")[0].lower()
    return code if code in LANGUAGES else registration.region.default_language


def full_name(claims: dict) -> str:
    name = (claims.get("name") or "").strip()
    if not name:
        name = " ".join(
            part.strip() for part in (claims.get("given_name"), claims.get("family_name")) if part
        )
    return (name or "Learner")[:150]


def learner_for(registration: Registration, claims: dict, language: str):
    """The user linked to (issuer, sub), created with a profile on the first launch."""
    subject = str(claims["sub"])
    account = (
        PlatformAccount.objects.select_related("user__learner_profile")
        .filter(issuer=registration.issuer, subject=subject)
        .first()
    )
    if account is not None:
        profile = LearnerProfile.objects.for_user(account.user)
        if profile is not None and profile.full_name != full_name(claims):
            profile.full_name = full_name(claims)
            profile.save(update_fields=["full_name", "updated_at"])
        return account.user
    try:
        with transaction.atomic():
            return _create(registration, subject, claims, language)
    except IntegrityError:
        # A second launch of the same new user won the race: use theirs.
        return PlatformAccount.objects.get(issuer=registration.issuer, subject=subject).user


def _create(registration: Registration, subject: str, claims: dict, language: str):
    user_model = get_user_model()
    digest = hashlib.sha256(subject.encode()).hexdigest()[:32]
    user = user_model(username=f"{USERNAME_PREFIX}{registration.pk}-{digest}")
    # The platform vouches for the learner; they never sign in here with a password.
    user.set_unusable_password()
    user.save()
    PlatformAccount.objects.create(
        registration=registration, issuer=registration.issuer, subject=subject, user=user
    )
    organisation = registration.organisation
    LearnerProfile.objects.create(
        user=user,
        full_name=full_name(claims),
        region=registration.region,
        organisation=organisation,
        organisation_role=MembershipRole.MEMBER if organisation else "",
        organisation_joined_at=timezone.now() if organisation else None,
        preferred_language=language,
    )
    return user
