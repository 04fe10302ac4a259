"""The write side of registration: register an organisation, review it, tell the people concerned.

The public registration page and the admin's Organisations views both call
these functions, so a registration, an approval or a rejection means the same
thing (and sends the same e-mails) wherever it comes from. E-mails are queued
once the transaction commits: a rolled-back change never announces itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from learning.models import LearnerProfile, MembershipRole, Organisation
from learning.statistics.scope import VIEW_ALL_REGIONS, visible_regions

from .emails import queue_email
from .inviting import invitation_token
from .models import Invitation, invitation_expiry

# The statuses that hold a registry code: a rejected registration frees it again.
HOLDS_REGISTRY_CODE = [Organisation.Status.PENDING, Organisation.Status.APPROVED]
# What a manager may approve: a registration, a legacy free-text organisation,
# or one rejected by mistake.
APPROVABLE = {
    Organisation.Status.PENDING,
    Organisation.Status.UNVERIFIED,
    Organisation.Status.REJECTED,
}
# An approved organisation has administrators and members: it is never rejected afterwards.
REJECTABLE = {Organisation.Status.PENDING, Organisation.Status.UNVERIFIED}


class AlreadyInVerifiedOrganisation(Exception):
    """The registrant belongs to a verified organisation already; nothing was written."""

    def __init__(self, organisation: Organisation) -> None:
        super().__init__(organisation.name)
        self.organisation = organisation


def normalise_registry_code(text: str) -> str:
    """One spelling per code: "ee 1234 5678 " and "EE12345678" are not the same, "EE 1234" is."""
    return " ".join(text.split()).upper()


def registry_code_holder(
    code: str, region, *, exclude_pk: int | None = None
) -> Organisation | None:
    """The pending or approved organisation of `region` already holding `code`, if any."""
    if not code:
        return None
    holders = Organisation.objects.filter(
        region=region, registry_code__iexact=code, status__in=HOLDS_REGISTRY_CODE
    )
    if exclude_pk is not None:
        holders = holders.exclude(pk=exclude_pk)
    # An approved holder first: the message then says to ask for an invitation.
    return holders.order_by("status").first()


def verified_organisation_of(user) -> Organisation | None:
    profile = LearnerProfile.objects.for_user(user)
    if profile is None or profile.organisation_id is None:
        return None
    organisation = profile.organisation
    return organisation if organisation.is_verified else None


def absolute(request: HttpRequest | None, path: str) -> str:
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def public_url(request: HttpRequest | None, name: str, language: str, *args) -> str:
    """A public page in `language`, absolute; the site's root if that page does not exist."""
    with translation.override(language):
        try:
            path = reverse(name, args=args)
        except NoReverseMatch:
            path = f"/{language}/"
    return absolute(request, path)


def admin_review_url(organisation: Organisation) -> str:
    """Where a manager reviews the organisation, or, once it is approved, looks after it."""
    view = "edit" if organisation.is_verified else "review"
    path = reverse(f"organisations_admin:{view}", args=[organisation.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def region_managers(region) -> list:
    """People who may see `region`'s statistics and have an e-mail address.

    Candidates are those assigned the region and those holding the all-regions
    permission themselves or through a group; a superuser who is neither is
    not written to about every registration in every region.
    """
    candidates = (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .filter(
            Q(manager_regions__regions=region)
            | Q(
                groups__permissions__codename=VIEW_ALL_REGIONS.split(".")[1],
                groups__permissions__content_type__app_label="learning",
            )
            | Q(
                user_permissions__codename=VIEW_ALL_REGIONS.split(".")[1],
                user_permissions__content_type__app_label="learning",
            )
        )
        .distinct()
        .order_by("pk")
    )
    return [user for user in candidates if visible_regions(user).filter(pk=region.pk).exists()]


@dataclass
class Registration:
    name: str
    registry_code: str
    region: object
    sector: object
    size: str
    contact_name: str
    contact_email: str
    language: str
    subregion: object = None


@transaction.atomic
def register_organisation(user, registration: Registration) -> Organisation:
    """Create the organisation and make `user` its first administrator.

    Pending until a manager of its region approves it, unless
    ORGANISATION_AUTO_APPROVAL is on. The learner's profile is locked first,
    so two registrations sent at once by one person create one organisation.
    """
    profile = (
        LearnerProfile.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(user=user)
    )
    current = profile.organisation
    if current is not None and current.is_verified:
        raise AlreadyInVerifiedOrganisation(current)
    auto = settings.ORGANISATION_AUTO_APPROVAL
    now = timezone.now()
    organisation = Organisation.objects.create(
        name=registration.name,
        registry_code=registration.registry_code,
        region=registration.region,
        subregion=registration.subregion,
        sector=registration.sector,
        size=registration.size,
        contact_name=registration.contact_name,
        contact_email=registration.contact_email,
        language=registration.language,
        status=Organisation.Status.APPROVED if auto else Organisation.Status.PENDING,
        reviewed_at=now if auto else None,
    )
    profile.organisation = organisation
    profile.organisation_role = MembershipRole.ADMINISTRATOR
    profile.organisation_joined_at = now
    profile.save(update_fields=["organisation", "organisation_role", "organisation_joined_at"])
    transaction.on_commit(lambda: notify_managers(organisation))
    return organisation


def notify_managers(organisation: Organisation) -> None:
    """Tell the region's managers that a registration arrived (or was approved automatically)."""
    context = {
        "organisation": organisation,
        "review_url": admin_review_url(organisation),
        "automatic": organisation.is_verified,
    }
    for manager in region_managers(organisation.region):
        queue_email(
            manager.email,
            "organisations/email/registration_received",
            {**context, "manager": manager},
            organisation.language,
        )


def approve(organisation: Organisation, reviewer, note: str = "", request=None) -> bool:
    """Approve `organisation`; False (nothing written) when it cannot be approved now."""
    with transaction.atomic():
        locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if locked.status not in APPROVABLE:
            return False
        locked.status = Organisation.Status.APPROVED
        locked.reviewed_by = reviewer
        locked.reviewed_at = timezone.now()
        locked.review_note = note
        locked.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note"])
        if locked.contact_email:
            context = {
                "organisation": locked,
                "note": note,
                "status_url": public_url(
                    request, "organisations:registration_status", locked.language
                ),
                "team_url": public_url(request, "organisations:team", locked.language),
            }
            transaction.on_commit(
                lambda: queue_email(
                    locked.contact_email,
                    "organisations/email/registration_approved",
                    context,
                    locked.language,
                )
            )
    organisation.refresh_from_db()
    return True


def reject(organisation: Organisation, reviewer, note: str, request=None) -> bool:
    """Reject `organisation` with a note to it; False (nothing written) when it cannot be."""
    with transaction.atomic():
        locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if locked.status not in REJECTABLE:
            return False
        locked.status = Organisation.Status.REJECTED
        locked.reviewed_by = reviewer
        locked.reviewed_at = timezone.now()
        locked.review_note = note
        locked.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note"])
        if locked.contact_email:
            context = {
                "organisation": locked,
                "note": note,
                "status_url": public_url(
                    request, "organisations:registration_status", locked.language
                ),
                "register_url": public_url(request, "organisations:register", locked.language),
            }
            transaction.on_commit(
                lambda: queue_email(
                    locked.contact_email,
                    "organisations/email/registration_rejected",
                    context,
                    locked.language,
                )
            )
    organisation.refresh_from_db()
    return True


def invite_administrator(
    organisation: Organisation, email: str, language: str, invited_by, request=None
) -> Invitation:
    """Invite `email` to administer `organisation`, or send again the invitation still open.

    An open invitation to the same address is reused (one per address, the
    database says so) and made an administrator's invitation, with a new
    expiry date.
    """
    email = email.strip().lower()
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .filter(organisation=organisation, email=email, status=Invitation.Status.SENT)
            .first()
        )
        if invitation is None:
            invitation = Invitation.objects.create(
                organisation=organisation,
                email=email,
                role=MembershipRole.ADMINISTRATOR,
                language=language,
                invited_by=invited_by,
            )
        else:
            invitation.role = MembershipRole.ADMINISTRATOR
            invitation.language = language
            invitation.invited_by = invited_by
            invitation.last_sent_at = timezone.now()
            invitation.expires_at = invitation_expiry()
            invitation.send_count += 1
            invitation.save(
                update_fields=[
                    "role",
                    "language",
                    "invited_by",
                    "last_sent_at",
                    "expires_at",
                    "send_count",
                ]
            )
        context = {
            "organisation": organisation,
            "invitation": invitation,
            "accept_url": public_url(
                request, "organisations:accept", language, invitation_token(invitation)
            ),
        }
        transaction.on_commit(
            lambda: queue_email(
                invitation.email,
                "organisations/email/registration_admin_invitation",
                context,
                language,
            )
        )
    return invitation
