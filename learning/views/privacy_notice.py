"""The privacy notice: what is stored, why, for how long, the learner's rights, whom to contact.

The text is interface text (gettext), the same for every region and
translated with the rest of the interface; the facts that differ come from
settings (retention and lock-out periods) and from the regions' contacts.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from modules.models import Region

from ..models import LearnerProfile
from ..statistics.suppression import threshold


def retention_text(days: int) -> str:
    """The retention period in the unit people say it in."""
    if days % 365 == 0:
        years = days // 365
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


@require_http_methods(["GET"])
def privacy_notice(request: HttpRequest) -> HttpResponse:
    profile = LearnerProfile.objects.for_user(request.user)
    own_region = profile.region if profile is not None else None
    regions = [own_region] if own_region is not None else list(Region.objects.order_by("name"))
    return render(
        request,
        "learning/privacy_notice.html",
        {
            "own_region": own_region,
            "regions": regions,
            "retention": retention_text(settings.LEARNER_RETENTION_DAYS),
            "lockout_minutes": settings.LOGIN_LOCKOUT_MINUTES,
            "k": threshold(),
        },
    )
