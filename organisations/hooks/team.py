"""Hooks of this part into the learner pages: the team panel on "My learning"."""

from __future__ import annotations

from django.template.loader import render_to_string
from wagtail import hooks

from ..access import administered_organisation
from ..team import team_summary


@hooks.register("learner_dashboard_panels")
def team_panel(request) -> str:
    """For an organisation's administrators: how far the team is, and the way to the team page."""
    organisation = administered_organisation(request.user)
    if organisation is None:
        return ""
    return render_to_string(
        "organisations/team/dashboard_panel.html",
        {"organisation": organisation, "programmes": team_summary(organisation)},
        request=request,
    )
