"""Who may frame the tool: the platform that launched it, and nobody else.

The site forbids framing (`frame-ancestors 'none'`, X-Frame-Options). A page
reached through a launch runs inside the platform's iframe, so its response
names that platform's origin instead; every other response keeps the site's
policy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.http import HttpRequest, HttpResponseBase

from home.csp import is_admin_path

SESSION_KEY = "lti_frame_origin"


def allow_framing(response: HttpResponseBase, origins: Iterable[str]) -> HttpResponseBase:
    origins = sorted({origin for origin in origins if origin})
    if origins:
        replace = dict(getattr(response, "_csp_replace", None) or {})
        replace["frame-ancestors"] = origins
        response._csp_replace = replace
        # frame-ancestors supersedes X-Frame-Options, which cannot name an origin.
        response.xframe_options_exempt = True
    return response


class LtiFramingMiddleware:
    """Lets the launching platform frame the pages of a learner who came through it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if (
            session is not None
            and user is not None
            and user.is_authenticated
            and not is_admin_path(request.path_info)
            and not getattr(response, "xframe_options_exempt", False)
        ):
            origin = session.get(SESSION_KEY)
            if origin:
                allow_framing(response, [origin])
        return response
