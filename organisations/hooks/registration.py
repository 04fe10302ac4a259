"""Hooks of registration: the Organisations admin menu and a panel on "My learning"."""

from __future__ import annotations

from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from learning.models import LearnerProfile, Organisation

from ..viewsets import OrganisationPermissionPolicy, organisation_viewset

# Registered before any view asks, or Wagtail would fall back to the model's own permissions.
register_permission_policy(Organisation, OrganisationPermissionPolicy(Organisation))


@hooks.register("register_admin_viewset")
def register_organisations_viewset():
    return organisation_viewset


@hooks.register("learner_dashboard_panels")
def registration_panel(request) -> str:
    """For a learner in no organisation: register yours; for a registrant: where it stands.

    Members of an approved organisation see nothing here: the team's own
    panels speak to them.
    """
    profile = LearnerProfile.objects.for_user(request.user)
    if profile is None:
        return ""
    organisation = profile.organisation if profile.organisation_id else None
    if organisation is not None and organisation.status == Organisation.Status.APPROVED:
        return ""
    registered = (
        organisation
        if organisation is not None
        and profile.administers_organisation
        and organisation.status in (Organisation.Status.PENDING, Organisation.Status.REJECTED)
        else None
    )
    return render_to_string(
        "organisations/registration/dashboard_panel.html",
        {"organisation": registered},
        request=request,
    )
