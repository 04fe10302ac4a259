"""Membership in the learner's pages: invitations and the organisation on "My learning",
memberships and invitations in "My data", and what erasure removes."""

from __future__ import annotations

from django.template.loader import render_to_string
from wagtail import hooks

from learning.models import LearnerProfile, MembershipRole, Organisation

from ..inviting import accept_path
from ..models import Invitation


def _iso(value):
    return value.isoformat() if value else None


def _invitations_to(user):
    return Invitation.objects.filter(email=(user.email or "").strip().lower()).select_related(
        "organisation"
    )


@hooks.register("learner_dashboard_panels")
def membership_panel(request) -> str:
    """Invitations waiting for the learner, and their organisation with a way to leave."""
    profile = LearnerProfile.objects.for_user(request.user)
    if profile is None:
        return ""
    invitations = [
        {
            "invitation": invitation,
            # An administrator's invitation is accepted only from the e-mail's link:
            # that proves the address, which signing up with it does not.
            "accept_url": ""
            if invitation.role == MembershipRole.ADMINISTRATOR
            else accept_path(invitation, request.LANGUAGE_CODE),
        }
        for invitation in _invitations_to(request.user)
        .pending()
        .filter(organisation__status=Organisation.Status.APPROVED)
        .exclude(organisation_id=profile.organisation_id)
        .order_by("organisation__name")
    ]
    return render_to_string(
        "organisations/membership/dashboard_panel.html",
        {"profile": profile, "invitations": invitations},
        request=request,
    )


@hooks.register("learner_personal_data")
def membership_data(user) -> dict:
    profile = LearnerProfile.objects.for_user(user)
    membership = None
    if profile is not None and profile.organisation_id is not None:
        membership = {
            "organisation": profile.organisation.name,
            "role": profile.organisation_role,
            "joined_at": _iso(profile.organisation_joined_at),
        }
    return {
        "organisation_membership": membership,
        "organisation_invitations": [
            {
                "organisation": invitation.organisation.name,
                "email": invitation.email,
                "role": invitation.role,
                "status": invitation.status,
                "invited_at": _iso(invitation.created_at),
                "last_sent_at": _iso(invitation.last_sent_at),
                "times_sent": invitation.send_count,
                "expires_at": _iso(invitation.expires_at),
                "accepted_at": _iso(invitation.accepted_at),
            }
            for invitation in _invitations_to(user).order_by("created_at")
        ],
    }


@hooks.register("learner_data_panels")
def membership_data_panel(request, data: dict) -> str:
    """The membership and invitations part of the "My data" page (the download has them too)."""
    if not data.get("organisation_membership") and not data.get("organisation_invitations"):
        return ""
    profile = LearnerProfile.objects.for_user(request.user)
    return render_to_string(
        "organisations/membership/my_data_panel.html",
        {
            "profile": profile if data.get("organisation_membership") else None,
            "invitations": list(_invitations_to(request.user).order_by("created_at")),
        },
        request=request,
    )


@hooks.register("before_erase_learner")
def erase_membership(user) -> None:
    """Invitations to the learner's address go, and so does their membership."""
    _invitations_to(user).delete()
    Invitation.objects.filter(accepted_by=user).delete()
    LearnerProfile.objects.filter(user=user).update(
        organisation=None, organisation_role="", organisation_joined_at=None
    )
