"""The demo organisations: Estonian water SMEs, one with an administrator and a team at every stage.

Read from demo/data/organisations.yaml. Idempotent like the rest of the
seed: rows are found before they are made, quiz attempts carry fixed
submission tokens, and dates are moved back only when the records are new,
so a second run changes nothing. The team's people do not consent to
statistics, so the demo's statistics stay as they were.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from demo import content
from demo.streams import DEMO_NAMESPACE
from learning.models import (
    Certificate,
    LearnerProfile,
    MembershipRole,
    ModuleProgress,
    Organisation,
    QuizAttempt,
)
from learning.recording import record_module_start, submit_quiz
from modules.models import ModulePage, ProgrammePage, Region, Sector, SubRegion
from organisations.models import Enrolment, Invitation

LANGUAGE = "et"
WATER_PROGRAMME = "water-industry-sme-cyber-resilience-estonia"


def ensure_demo_organisations(password: str) -> None:
    data = content.organisations()
    region = Region.objects.get(code="EE")
    sector = Sector.objects.get(slug="water")
    programme = ProgrammePage.objects.get(slug=WATER_PROGRAMME, locale__language_code="en")
    modules = _modules(programme)
    for entry in data["approved"]:
        organisation = _organisation(entry, region, sector, Organisation.Status.APPROVED)
        administrator = None
        for person in entry.get("people", []):
            user = _person(person, organisation, region, sector, password, programme, modules)
            if person.get("role") == MembershipRole.ADMINISTRATOR and administrator is None:
                administrator = user
        if entry.get("join_code") and not organisation.join_code:
            organisation.rotate_join_code()
        for enrolment in entry.get("enrolments", []):
            _enrol(organisation, enrolment, administrator)
        for invitation in entry.get("invitations", []):
            _invite(organisation, invitation, administrator)
    for entry in data["pending"]:
        _organisation(entry, region, sector, Organisation.Status.PENDING)


def _organisation(entry: dict, region, sector, status) -> Organisation:
    subregion = SubRegion.objects.filter(code=entry.get("subregion"), region=region).first()
    organisation, created = Organisation.objects.get_or_create(
        name=entry["name"],
        region=region,
        defaults={
            "subregion": subregion,
            "sector": sector,
            "size": entry["size"],
            "status": status,
            "language": LANGUAGE,
            "registry_code": entry["registry_code"],
            "contact_name": entry["contact_name"],
            "contact_email": entry["contact_email"],
        },
    )
    if not created and not organisation.registry_code:
        # Made by the learner's history before it had registration details.
        Organisation.objects.filter(pk=organisation.pk).update(
            registry_code=entry["registry_code"],
            contact_name=entry["contact_name"],
            contact_email=entry["contact_email"],
        )
        organisation.refresh_from_db()
    if not created and organisation.subregion_id is None and subregion is not None:
        # Made before the demo had sub-regions.
        Organisation.objects.filter(pk=organisation.pk).update(subregion=subregion)
        organisation.subregion = subregion
    return organisation


def _person(person: dict, organisation, region, sector, password: str, water, modules):
    email = person["email"]
    user, created = get_user_model().objects.get_or_create(
        username=email, defaults={"email": email}
    )
    if created:
        user.set_password(password)
        user.save()
    LearnerProfile.objects.get_or_create(
        user=user,
        defaults={
            "full_name": person["full_name"],
            "region": region,
            "subregion": organisation.subregion,
            "sector": sector,
            "organisation": organisation,
            "organisation_role": person.get("role", MembershipRole.MEMBER),
            "organisation_joined_at": timezone.now() - timedelta(days=400),
            "organisation_size": organisation.size,
            "preferred_language": person.get("language", LANGUAGE),
            "statistics_consent": False,
        },
    )
    _progress(user, person, water, modules)
    return user


def _modules(programme: ProgrammePage) -> list[ModulePage]:
    """The programme's modules in order, in the team's language."""
    slugs = [pm.module.slug for pm in programme.programme_modules.select_related("module")]
    return [ModulePage.objects.get(slug=slug, locale__language_code=LANGUAGE) for slug in slugs]


def _pass(user, module: ModulePage, *, days_ago: float) -> None:
    """Pass the module's quiz, as if `days_ago` days ago (only when first recorded)."""
    token = uuid.uuid5(DEMO_NAMESPACE, f"demo-team:{user.username}:{module.slug}")
    answers = {q.id: sorted(q.correct_ids) for q in module.quiz_definition.questions}
    outcome = submit_quiz(user, module, answers, token)
    if not outcome.created:
        return
    at = timezone.now() - timedelta(days=days_ago)
    QuizAttempt.objects.filter(pk=outcome.attempt.pk).update(submitted_at=at)
    ModuleProgress.objects.filter(pk=outcome.attempt.progress_id).update(
        started_at=at - timedelta(minutes=14), completed_at=at
    )
    Certificate.objects.filter(
        user=user, kind=Certificate.Kind.MODULE, subject_key=module.translation_key
    ).update(completed_at=at)


def _progress(user, person: dict, water: ProgrammePage, modules: list[ModulePage]) -> None:
    stage = person.get("stage", "not_started")
    by_slug = {m.slug: m for m in modules}
    if stage in ("completed", "expiring"):
        # Expiring: completed a year ago, less the days left on the certificate.
        days_ago = 365 - person["expires_in_days"] if stage == "expiring" else person["days_ago"]
        for offset, module in enumerate(modules):
            _pass(user, module, days_ago=days_ago + len(modules) - offset)
        certificate = Certificate.objects.filter(
            user=user, kind=Certificate.Kind.PROGRAMME, subject_key=water.translation_key
        ).first()
        if certificate is not None and certificate.valid_until is None:
            at = timezone.now() - timedelta(days=days_ago)
            Certificate.objects.filter(pk=certificate.pk).update(
                completed_at=at, valid_until=at + timedelta(days=365)
            )
        return
    for slug in person.get("completed", []):
        _pass(user, by_slug[slug], days_ago=6)
    for slug in person.get("started", []):
        record_module_start(user, by_slug[slug])


def _enrol(organisation, entry: dict, administrator) -> None:
    programme = ProgrammePage.objects.get(slug=entry["programme"], locale__language_code="en")
    due = entry.get("due_in_days")
    Enrolment.objects.get_or_create(
        organisation=organisation,
        programme_key=programme.translation_key,
        defaults={
            "due_date": timezone.localdate() + timedelta(days=due) if due else None,
            "enrolled_by": administrator,
        },
    )


def _invite(organisation, entry: dict, administrator) -> None:
    invitation, _created = Invitation.objects.get_or_create(
        organisation=organisation,
        email=entry["email"],
        status=Invitation.Status.SENT,
        defaults={
            "role": entry.get("role", MembershipRole.MEMBER),
            "language": LANGUAGE,
            "invited_by": administrator,
        },
    )
    if invitation.is_expired:
        # A demo database kept for weeks still has one invitation waiting.
        Invitation.objects.filter(pk=invitation.pk).update(
            expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)
        )
